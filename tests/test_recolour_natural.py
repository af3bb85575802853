"""The built-in recolour gives a natural colour of the name, at its hue, with the selection's shading kept.

Pixels, not plans: patches drawn here (a pale overcast-like grey with soft cloud shading, a dark woven texture, a
muted brown disc and a vivid orange one) and the dog photo's sky (tests/data, its truth mask). Hues are OKLCH
degrees, where a hue keeps its place as chroma changes (`tools/oklab.py`)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from retouch.tools.builtin_inpainter import NATURAL_COLOURS, _parse_colour, recolour
from retouch.tools.oklab import in_gamut, into_gamut, oklab_to_srgb, srgb_to_oklab, to_lch
from retouch.tools.recolour import named_colour, recoloured

DATA = Path(__file__).parent / "data"
BLUE = _parse_colour("blue")


def _hue_gap(hue: np.ndarray, target: float) -> np.ndarray:
    """Degrees between hues (radians), the short way round."""
    return np.abs(np.degrees(np.angle(np.exp(1j * (hue - target)))))


def _pale_grey_sky(size: int = 96, clouds: float = 4.0) -> np.ndarray:
    """A bright, nearly neutral gradient with soft blotches: how an overcast sky looks to the recolour; `clouds`
    the blotches' spread in levels (a sky with bright clouds and grey undersides: 70)."""
    rows = np.linspace(0, 1, size)[:, None]
    rng = np.random.default_rng(3)
    blotches = np.kron(rng.normal(0, 1, (size // 8, size // 8)), np.ones((8, 8)))
    level = 222 + 22 * rows + clouds * blotches
    rgb = np.repeat(level[..., None], 3, axis=2) + np.array([-2.0, 0.0, 3.0])
    return np.clip(rgb, 0, 255).astype(np.uint8)


def _full(shape: tuple[int, int]) -> np.ndarray:
    return np.full(shape, 255, np.uint8)


def test_blue_on_a_bright_grey_lands_on_blue_not_violet() -> None:
    """Every recoloured pixel's hue is within 3° of the blue named; the old CIELAB recolour gave violet (~290°)."""
    sky = _pale_grey_sky()
    after = srgb_to_oklab(np.asarray(recolour(Image.fromarray(sky), _full(sky.shape[:2]), BLUE)))
    _, chroma, hue = to_lch(after)
    target = named_colour(BLUE).hue
    assert chroma.min() > 0.03, "every pixel is visibly blue"
    assert _hue_gap(hue, target).max() < 3.0
    assert 240 <= np.degrees(target) % 360 <= 260, "the natural blue of a clear sky, not the display's primary (264°)"


def test_colours_out_of_gamut_lose_chroma_not_hue() -> None:
    """The brightest clouds of a pale sky cannot hold the new blue's chroma: they are brought in at their own
    hue and lightness, where clipping the channels would have bent them towards violet."""
    sky = _pale_grey_sky(clouds=70)
    wanted = recoloured(srgb_to_oklab(sky), _full(sky.shape[:2]), BLUE)
    outside = ~in_gamut(wanted)
    assert outside.mean() > 0.2, "the case must hold colours sRGB cannot show"
    clipped = srgb_to_oklab(np.clip(oklab_to_srgb_unmapped(wanted), 0, 255).astype(np.uint8))
    mapped = into_gamut(wanted)
    _, _, wanted_hue = to_lch(wanted[outside])
    assert _hue_gap(to_lch(clipped[outside])[2], wanted_hue).max() > 2, "clipping would have moved the hue"
    assert _hue_gap(to_lch(mapped[outside])[2], wanted_hue).max() < 0.5
    assert np.abs(mapped[outside][:, 0] - wanted[outside][:, 0]).max() < 1e-4
    assert in_gamut(mapped).all()
    # the most chroma that fits: 1 % more would not
    richer = mapped[outside].copy()
    richer[:, 1:] *= 1.01
    assert not in_gamut(richer).any()


def oklab_to_srgb_unmapped(lab: np.ndarray) -> np.ndarray:
    """What clipping the channels gives (the way the old recolour brought colours in): 0–255 floats, unclipped."""
    from retouch.tools.oklab import oklab_to_linear

    linear = np.clip(oklab_to_linear(lab), 0, 1)
    return 255 * np.where(linear <= 0.0031308, 12.92 * linear, 1.055 * np.power(linear, 1 / 2.4) - 0.055)


def test_the_sky_keeps_its_shading_and_stays_a_light_sky() -> None:
    """The dog photo's pale sky made blue: its lightness detail correlates above 0.99 with the original's, and it
    stays light (the old recolour pulled it three quarters of the way to the primary's lightness, 0.45: navy)."""
    photo = np.asarray(Image.open(DATA / "overture-creations-5sI6fQgYIuo.png").convert("RGB"))
    sky = np.asarray(Image.open(DATA / "sky_truth" / "overture-creations-5sI6fQgYIuo.png").convert("L")) > 127
    mask = sky.astype(np.uint8) * 255
    before = srgb_to_oklab(photo)[sky]
    after = srgb_to_oklab(np.asarray(recolour(Image.fromarray(photo), mask, BLUE)))[sky]
    assert np.corrcoef(before[:, 0], after[:, 0])[0, 1] > 0.99
    assert after[:, 0].mean() > 0.65
    assert 0.05 < to_lch(after)[1].mean() <= 0.12, "a clear sky's chroma, not a primary's (0.31)"


def test_half_the_share_goes_about_half_way() -> None:
    """'bluer' (`color_share` 0.5): the chroma lands within a tenth of half the full change, at the same hue."""
    sky = _pale_grey_sky()
    image, mask = Image.fromarray(sky), _full(sky.shape[:2])
    start = srgb_to_oklab(sky)
    full = srgb_to_oklab(np.asarray(recolour(image, mask, BLUE)))
    half = srgb_to_oklab(np.asarray(recolour(image, mask, BLUE, 0.5)))
    full_move = np.hypot(*(full - start)[..., 1:].reshape(-1, 2).mean(axis=0))
    half_move = np.hypot(*(half - start)[..., 1:].reshape(-1, 2).mean(axis=0))
    assert abs(half_move / full_move - 0.5) < 0.1
    assert _hue_gap(to_lch(half)[2], named_colour(BLUE).hue).mean() < 8


def test_a_dark_object_made_light_keeps_its_texture() -> None:
    """A dark woven cloth (OKLab lightness ~0.25, a visible weave) made white or yellow: the weave's lightness
    pattern carries over (correlation above 0.95) at no less than 0.6 of its contrast."""
    rng = np.random.default_rng(8)
    y, x = np.mgrid[0:80, 0:80]
    weave = 18 * np.sin(x * 0.9) * np.sin(y * 0.9) + rng.normal(0, 4, (80, 80))
    cloth = np.clip(np.stack([40 + weave, 42 + weave, 52 + weave], axis=-1), 0, 255).astype(np.uint8)
    before = srgb_to_oklab(cloth)[..., 0]
    for name in ("white", "yellow"):
        after = srgb_to_oklab(np.asarray(recolour(Image.fromarray(cloth), _full((80, 80)), _parse_colour(name))))
        assert after[..., 0].mean() > before.mean() + 0.3, name
        assert np.corrcoef(before.ravel(), after[..., 0].ravel())[0, 1] > 0.95, name
        assert after[..., 0].std() > 0.6 * before.std(), name


def _disc(rgb: tuple[int, int, int]) -> tuple[np.ndarray, np.ndarray]:
    y, x = np.mgrid[0:40, 0:40]
    inside = (x - 20) ** 2 + (y - 20) ** 2 < 15 ** 2
    patch = np.full((40, 40, 3), 200, np.uint8)
    shade = (10 * np.sin(np.hypot(x - 20, y - 20))).astype(int)
    patch[inside] = np.clip(np.array(rgb) + shade[inside][:, None], 0, 255)
    return patch, inside.astype(np.uint8) * 255


def test_a_muted_thing_gets_a_natural_colour_and_a_vivid_thing_stays_vivid() -> None:
    """A muted brown disc (an iris, a wooden bowl) made green gets a green a real one has, not sRGB's; a vivid
    orange disc made blue keeps its vividness."""
    muted, mask = _disc((110, 80, 55))
    green = srgb_to_oklab(np.asarray(recolour(Image.fromarray(muted), mask, _parse_colour("green"))))[mask > 0]
    assert 0.06 < to_lch(green)[1].mean() <= 0.105
    vivid, mask = _disc((240, 110, 20))
    before = to_lch(srgb_to_oklab(vivid)[mask > 0])[1].mean()
    blue = srgb_to_oklab(np.asarray(recolour(Image.fromarray(vivid), mask, BLUE)))[mask > 0]
    assert to_lch(blue)[1].mean() > 0.8 * before > 0.12


def test_a_white_thing_made_red_comes_down_to_red_not_pink() -> None:
    """A red asked of a near-white panel lands where red is red (OKLCH lightness at most ~0.72), and navy on a
    pale panel goes dark: a colour that names its lightness moves most of the way to it."""
    panel = np.full((30, 30, 3), 236, np.uint8)
    panel[::3] = 226
    mask = _full((30, 30))
    red = srgb_to_oklab(np.asarray(recolour(Image.fromarray(panel), mask, _parse_colour("red"))))
    assert red[..., 0].mean() < 0.74 and to_lch(red)[1].mean() > 0.09
    navy = srgb_to_oklab(np.asarray(recolour(Image.fromarray(panel), mask, _parse_colour("navy blue"))))
    assert navy[..., 0].mean() < 0.45


@pytest.mark.parametrize(("name", "low", "high"), [("blue", 240, 260), ("brown", 50, 75), ("orange", 45, 62),
                                                   ("red", 20, 35), ("green", 135, 150)])
def test_a_basic_name_means_a_natural_colour_of_it(name: str, low: float, high: float) -> None:
    """The hue a basic name gives (OKLCH degrees): CSS brown is red's hue (26°) and CSS blue the display's primary."""
    assert low <= np.degrees(named_colour(_parse_colour(name)).hue) % 360 <= high
    assert set(NATURAL_COLOURS) <= {"blue", "orange", "brown"}, "a new natural colour gets its own row above"
