"""Recolour a selection to a named colour the way a retoucher would: a natural colour of that name,
the selection's own shading and texture kept, and nothing sRGB cannot show.

Works in OKLab/OKLCH (`tools.oklab`), where a hue keeps its place as chroma changes. The target is
read from the colour itself and from the selection's pixels — never from words:

- **hue** — the named colour's OKLCH hue (`builtin_inpainter.NATURAL_COLOURS` for the names whose CSS value
  is a display primary or an odd shade);
- **lightness** — a colour at the most vivid point of its hue (CSS `red`, `blue`, `yellow`, `orange`:
  sRGB's primaries and the like) names a hue, not a lightness: the selection keeps its own lightness,
  moved only into the band where that hue can show well (`HUE_BAND_SHARE`) — an overcast sky made
  blue stays a light sky, not navy, and a white car made red comes down to where red is red, not
  pink. Any other colour (navy, dark green, pink, white, grey) names its lightness too, and the
  selection's mean moves `LIGHTNESS_PULL` of the way to it, as before;
- **chroma** — the natural chroma of the hue (`NATURAL_CHROMA`, at most `NATURAL_SATURATION` of what
  that lightness holds), or the selection's own where it was more colourful, but never more than the
  named colour's own share of what the lightness holds (pink and light blue stay pale). An iris or an
  overcast sky gets a colour of the strength such things have, not a traffic light's; a vivid toy
  stays vivid.

The lightness detail (each pixel's lightness around the selection's mean) carries over at full contrast
wherever it fits between black and white (`detail_kept`), so folds, clouds and an iris's fibres stay; a
quarter of the colour variation stays too. Pixels whose new colour sRGB cannot show lose chroma at their
own hue and lightness (`oklab.into_gamut`), never clipped channels, which bend the hue.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from PIL import Image

from retouch.tools.masks import Mask
from retouch.tools.oklab import most_chroma, oklab_to_srgb, srgb_to_oklab, to_lch

LIGHTNESS_PULL = 0.75
"""How far the selection's mean lightness moves to a colour that names its lightness (navy, pink, white)."""
HUE_BAND_SHARE = 0.85
"""For a colour that names only a hue: the selection's lightness is kept inside the band where sRGB holds at
least this share of the hue's most chroma (its cusp). Red: OKLCH lightness 0.535–0.665; blue (251°): 0.565–0.705;
yellow: from 0.825 — a lighter red is pink, a darker yellow olive. At 0.75 a dark jacket made yellow came out
olive (0.72) on the tune sheet."""
NATURAL_CHROMA = ((29.0, 0.14), (60.0, 0.12), (110.0, 0.13), (142.0, 0.10), (200.0, 0.08), (251.0, 0.10),
                  (330.0, 0.12))
"""(OKLCH hue in degrees, chroma): the chroma a recoloured thing gets at that hue (read between the rows), unless it
was already more colourful (a vivid toy stays vivid) or the colour named is paler. Real surfaces hold more chroma at
red, orange and yellow than at cyan and blue (Pointer's gamut of surface colours); within that, as we read photos, a
clear sky holds 0.05–0.12, an iris 0.02–0.09, red paint and lipstick 0.12–0.2. Set by eye on the tune sheet of
benchmarks/recolour_quality.py: at 0.10 for every hue a red car came out dusty rose. sRGB's blue is 0.31, red 0.26."""
NATURAL_SATURATION = 0.7
"""…and no more than this share of the most chroma its lightness and hue hold: near white or black, where sRGB
holds little, a colour stays as gentle as it is in the middle."""
VIVID_SHARE = 0.85
"""A named colour with at least this share of its hue's cusp chroma names the hue alone (CSS red, blue, lime,
yellow, orange, gold, cyan, magenta, and the natural blue and orange); CSS green (0.60), navy (0.65), pink (0.29) and
the natural brown (0.51) name a lightness too."""
GREY_CHROMA = 0.02
"""OKLCH chroma below this: the named colour is grey, white or black, and has no hue to give."""
COLOUR_DETAIL_KEPT = 0.25
"""The share of the selection's own colour variation (around its mean) that stays in the new colour."""
DETAIL_PERCENTILE = 1.0
"""The selection's brightest and darkest percent of lightness detail may reach white or black, not pass them."""
DETAIL_LEAST_KEPT = 0.35
"""Detail is never scaled below this share: a near-white target over a high-contrast selection clips its brightest
few rather than going flat."""
_CUSP_STEPS = 201
"""Lightness levels searched for a hue's cusp (steps of 0.005)."""


@dataclass(frozen=True)
class NamedColour:
    """What a colour name's sRGB value says, in OKLCH terms."""

    lightness: float
    chroma: float
    hue: float                 # radians
    saturation: float          # chroma / the most its lightness and hue hold in sRGB
    band: tuple[float, float]  # the lightness range where its hue shows well
    hue_only: bool             # the colour names a hue, not a lightness

    @property
    def grey(self) -> bool:
        return self.chroma < GREY_CHROMA


@lru_cache(maxsize=64)
def named_colour(rgb: tuple[int, int, int]) -> NamedColour:
    """The colour's OKLCH values, its hue's band and whether it names the hue alone (cached: a recolour asks once)."""
    lightness, chroma, hue = (float(v) for v in to_lch(srgb_to_oklab(np.array(rgb, np.uint8))))
    if chroma < GREY_CHROMA:
        return NamedColour(lightness, chroma, hue, 0.0, (0.0, 1.0), False)
    levels = np.linspace(0.0, 1.0, _CUSP_STEPS, dtype=np.float32)
    reach = most_chroma(levels, hue)
    showing = levels[reach >= HUE_BAND_SHARE * reach.max()]
    saturation = chroma / max(float(most_chroma(lightness, hue)[0]), 1e-6)
    return NamedColour(lightness, chroma, hue, min(1.0, saturation), (float(showing.min()), float(showing.max())),
                       chroma >= VIVID_SHARE * float(reach.max()))


def natural_chroma(hue: float) -> float:
    """`NATURAL_CHROMA` at a hue (radians), read linearly between its rows, round the circle."""
    degrees, chroma = zip(*NATURAL_CHROMA)
    return float(np.interp(np.degrees(hue) % 360, degrees, chroma, period=360))


def target_colour(named: NamedColour, lightness: float, chroma: float) -> tuple[float, float]:
    """The new mean lightness and chroma for a selection of this mean lightness and chroma."""
    if named.hue_only:
        new_lightness = float(np.clip(lightness, *named.band))
    else:
        new_lightness = lightness + LIGHTNESS_PULL * (named.lightness - lightness)
    if named.grey:
        return new_lightness, named.chroma
    reach = float(most_chroma(new_lightness, named.hue)[0])
    natural = min(natural_chroma(named.hue), NATURAL_SATURATION * reach)
    return new_lightness, min(named.saturation * reach, max(natural, chroma))


def detail_kept(detail: np.ndarray, lightness: float) -> float:
    """How much of the lightness detail (around the mean) fits around the new mean lightness: all of it unless its
    brightest or darkest percent would pass white or black, then just enough less that they reach it — a dark
    cloth made white keeps its weave at full contrast when there is room — and never under `DETAIL_LEAST_KEPT`."""
    if detail.size == 0:
        return 1.0
    darkest, brightest = np.percentile(detail, [DETAIL_PERCENTILE, 100 - DETAIL_PERCENTILE])
    kept = 1.0
    if brightest > 0:
        kept = min(kept, (1.0 - lightness) / float(brightest))
    if darkest < 0:
        kept = min(kept, lightness / -float(darkest))
    return max(DETAIL_LEAST_KEPT, kept)


def recolour(image: Image.Image, mask: Mask, colour: tuple[int, int, int], share: float = 1.0) -> Image.Image:
    """Give the selection a natural colour of the name but keep its shading and texture.

    `share` < 1 stops part of the way there, in OKLab (`InpaintSettings.color_share`: 'make her lips *a bit redder*'
    is 0.3 of the change, not lips painted fully red); the policy's recolour strength is for diffusion and plays no
    part. Only the pixels the mask touches are recoloured (the rest keep theirs); the caller composites the result
    through the (soft) mask."""
    rgb = np.array(image.convert("RGB"))
    mask = np.asarray(mask)
    touched = mask > 0
    if not touched.any():
        return Image.fromarray(rgb, "RGB")
    rgb[touched] = oklab_to_srgb(recoloured(srgb_to_oklab(rgb[touched]), mask[touched], colour, share))
    return Image.fromarray(rgb, "RGB")


def recoloured(lab: np.ndarray, mask: np.ndarray, colour: tuple[int, int, int], share: float = 1.0) -> np.ndarray:
    """The new colours in OKLab, before they are brought into sRGB's gamut (what `recolour` shows, and what
    benchmarks/recolour_quality.py counts as out of gamut). `lab` (…, 3) and `mask` (…) of the same shape, an image
    or a list of pixels; `mask` 0–255, the selection's mean taken where it is over 127."""
    inside = mask > 127
    if not inside.any():
        inside = mask > 0
    mean = lab[inside].mean(axis=0)
    mean_lightness, mean_chroma, _ = (float(v) for v in to_lch(mean))
    named = named_colour(tuple(int(v) for v in colour))
    new_lightness, new_chroma = target_colour(named, mean_lightness, mean_chroma)

    out = np.empty_like(lab)
    detail = lab[..., 0] - mean_lightness
    out[..., 0] = new_lightness + detail * detail_kept(detail[inside], new_lightness)
    out[..., 1] = new_chroma * np.cos(named.hue) + COLOUR_DETAIL_KEPT * (lab[..., 1] - mean[1])
    out[..., 2] = new_chroma * np.sin(named.hue) + COLOUR_DETAIL_KEPT * (lab[..., 2] - mean[2])
    if share < 1.0:
        out = lab + max(0.0, share) * (out - lab)
    return out
