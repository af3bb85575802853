"""Does the built-in recolour give colours a user would ship? The CIELAB recolour it replaced beside the OKLab one.

Cases are licensed photos with masks from the finders or drawn here from the photo's own colours (each mask is
shown outlined on the contact sheet): the dog photo's pale sky (`tools/finders/sky.py`), the astronaut's irises
(`tools/finders/face_parts.py`), the bronze car of `png_parameter_test.png` (a generated picture, not a photo;
GrabCut in `CAR_BOX`, tyres included), the dark jacket of `image.png` (its mask's dark pixels) — the TUNE split the
constants of `tools/recolour.py` were set on — and, held out (run once, 2026-12-05: docs/DESIGN.md), the
astronaut's lips and orange suit, the red cup and saucer of scikit-image's `coffee` (the hue mask also takes the
table's reddest wood grain) and the dusk sky of `rocket` (tests/data/sky_truth). Licences: tests/data/README.md,
scikit-image's docstrings.

Each case gets several colour names (and 'bluer' style: a `color_share` of 0.5). Per result, inside the mask:

- **hue error** — OKLCH degrees between the result's mean hue (chroma-weighted) and the hue of the colour each
  method read the name as (the old one CSS's; the new one CSS's too, but `builtin_inpainter.NATURAL_COLOURS` for
  blue, orange and brown); none for grey, white, black;
- **clipped** — the share of pixels whose new colour sRGB could not show, before each method brought it in
  (the old one clipped the channels, which moves the hue; the new one lowers chroma at constant hue);
- **shading** — the correlation of OKLab lightness before and after (the selection's shading and texture kept),
  and **detail** — the lightness's spread after over before (1: the texture at full contrast);
- **chroma** — mean OKLCH chroma, against a natural range for what the case is (our judgement, from skies,
  irises, lips and paint measured in photos: a clear sky 0.05–0.12, an iris 0.02–0.09);
- **cost** — CPU seconds per megapixel of each recolour alone, on a 2-megapixel enlargement, median of 5
  (the first call not counted: it builds the new one's chroma table, ~0.1 s once per process).

    .venv/bin/python benchmarks/recolour_quality.py                 # the tune split
    .venv/bin/python benchmarks/recolour_quality.py --split held-out   # once, at the end

Writes benchmarks/results/recolour_quality_<split>.json and a contact sheet recolour_quality_<split>.png (each
row: the photo with the mask outlined, then per colour the old result over the new). Not a test: nothing asserts.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import cv2
import numpy as np
from PIL import Image, ImageColor, ImageDraw

from retouch.tools.builtin_inpainter import _parse_colour
from retouch.tools.oklab import in_gamut, oklab_to_srgb, srgb_to_oklab, to_lch
from retouch.tools.recolour import named_colour, recoloured
from retouch.tools.recolour import recolour as recolour_now

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
RESULTS = ROOT / "benchmarks" / "results"

NATURAL_RANGES = {"sky": (0.03, 0.13), "iris": (0.02, 0.10), "lips": (0.05, 0.16), "paint": (0.04, 0.22)}
"""The OKLCH chroma a thing of each kind has in photos; a grey, white or black target: at most GREY_CHROMA."""
GREY_CHROMA = 0.03


@dataclass
class Case:
    name: str
    kind: str
    photo: Callable[[], np.ndarray]
    mask: Callable[[np.ndarray], np.ndarray]
    colours: tuple[tuple[str, float], ...]


def _astronaut() -> np.ndarray:
    from skimage import data

    return data.astronaut()


def _found(label: str) -> Callable[[np.ndarray], np.ndarray]:
    def mask(rgb: np.ndarray) -> np.ndarray:
        from retouch.tools.finders.embedded import EmbeddedFinder

        found = EmbeddedFinder().find(Image.fromarray(rgb), label)
        return np.any([item.mask > 127 for item in found], axis=0)
    return mask


def _sky(rgb: np.ndarray) -> np.ndarray:
    from retouch.tools.finders.sky import find_sky

    return find_sky(rgb)


CAR_BOX = (10, 36, 236, 118)
"""x, y, width, height of the car in `png_parameter_test.png` (read off a gridded 3× view): GrabCut's rectangle."""


def _grabcut_box(box: tuple[int, int, int, int]) -> Callable[[np.ndarray], np.ndarray]:
    def mask(rgb: np.ndarray) -> np.ndarray:
        labels = np.zeros(rgb.shape[:2], np.uint8)
        cv2.setRNGSeed(0)
        cv2.grabCut(np.ascontiguousarray(rgb), labels, box, np.zeros((1, 65)), np.zeros((1, 65)), 6,
                    cv2.GC_INIT_WITH_RECT)
        return np.isin(labels, (cv2.GC_FGD, cv2.GC_PR_FGD))
    return mask


def _largest(mask: np.ndarray) -> np.ndarray:
    count, labels, stats, _ = cv2.connectedComponentsWithStats(mask.astype(np.uint8), connectivity=8)
    if count <= 1:
        return mask
    return labels == 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))


def _jacket(rgb: np.ndarray) -> np.ndarray:
    """The woman's dark jacket: her mask's dark pixels from the shoulders to the hips, less the hair's column."""
    person = np.asarray(Image.open(DATA / "mask.png").convert("L")) > 127
    lightness = srgb_to_oklab(rgb)[..., 0]
    mask = person & (lightness < 0.32)
    mask[:int(0.36 * rgb.shape[0])] = False
    mask[int(0.80 * rgb.shape[0]):] = False
    return _largest(cv2.morphologyEx(mask.astype(np.uint8), cv2.MORPH_OPEN, np.ones((3, 3), np.uint8)) > 0)


def _by_hue(hues: tuple[float, float], least_chroma: float, rows: tuple[float, float]) -> Callable[[np.ndarray], np.ndarray]:
    """The largest region of a colour (OKLCH hue range in degrees, chroma at least) in a band of rows."""
    def mask(rgb: np.ndarray) -> np.ndarray:
        lightness, chroma, hue = to_lch(srgb_to_oklab(rgb))
        degrees = np.degrees(hue) % 360
        found = (degrees >= hues[0]) & (degrees <= hues[1]) & (chroma >= least_chroma)
        found[:int(rows[0] * rgb.shape[0])] = False
        found[int(rows[1] * rgb.shape[0]):] = False
        found = cv2.morphologyEx(found.astype(np.uint8), cv2.MORPH_CLOSE, np.ones((5, 5), np.uint8)) > 0
        return _largest(found)
    return mask


def _photo(path: Path) -> Callable[[], np.ndarray]:
    return lambda: np.asarray(Image.open(path).convert("RGB"))


def _skimage(name: str) -> Callable[[], np.ndarray]:
    def photo() -> np.ndarray:
        from skimage import data

        return getattr(data, name)()
    return photo


SPLITS = {
    "tune": [
        Case("dog photo's sky", "sky", _photo(DATA / "overture-creations-5sI6fQgYIuo.png"), _sky,
             (("blue", 1.0), ("blue", 0.5), ("lightblue", 1.0), ("orange", 1.0))),
        Case("astronaut's irises", "iris", _astronaut, _found("iris"),
             (("green", 1.0), ("blue", 1.0), ("brown", 1.0), ("grey", 1.0))),
        Case("bronze car", "paint", _photo(DATA / "png_parameter_test.png"), _grabcut_box(CAR_BOX),
             (("red", 1.0), ("blue", 1.0), ("white", 1.0), ("green", 1.0))),
        Case("dark jacket", "paint", _photo(DATA / "image.png"), _jacket,
             (("white", 1.0), ("red", 1.0), ("yellow", 1.0), ("lightblue", 1.0))),
    ],
    "held-out": [
        Case("astronaut's lips", "lips", _astronaut, _found("lip"), (("red", 1.0), ("red", 0.5), ("pink", 1.0))),
        Case("orange suit", "paint", _astronaut, _by_hue((30, 75), 0.09, (0.55, 1.0)),
             (("blue", 1.0), ("green", 1.0), ("navy", 1.0))),
        Case("red cup", "paint", _skimage("coffee"), _by_hue((0, 45), 0.10, (0.0, 1.0)),
             (("blue", 1.0), ("green", 1.0), ("yellow", 1.0))),
        Case("rocket's dusk sky", "sky", _skimage("rocket"),
             lambda rgb: np.asarray(Image.open(DATA / "sky_truth" / "rocket.png").convert("L")) > 127,
             (("blue", 1.0), ("orange", 1.0))),
    ],
}


def old_lab(rgb: np.ndarray, mask: np.ndarray, colour: tuple[int, int, int], share: float) -> np.ndarray:
    """The old `builtin_inpainter.recolour`'s new colours, line for line: OpenCV's 8-bit CIELAB, lightness pulled 3/4,
    chroma set to the colour's — before they are clipped into codes."""
    lab = cv2.cvtColor(rgb, cv2.COLOR_RGB2LAB).astype(np.float32)
    target = cv2.cvtColor(np.uint8([[colour]]), cv2.COLOR_RGB2LAB).astype(np.float32)[0, 0]
    inside = np.asarray(mask) > 127
    mean = lab[inside].mean(axis=0)
    out = lab.copy()
    new_mean_l = mean[0] + 0.75 * (target[0] - mean[0])
    room = min(new_mean_l, 255.0 - new_mean_l) / 127.5
    out[..., 0] = new_mean_l + (lab[..., 0] - mean[0]) * float(np.clip(room * 1.2, 0.35, 1.0))
    out[..., 1] = target[1] + 0.25 * (lab[..., 1] - mean[1])
    out[..., 2] = target[2] + 0.25 * (lab[..., 2] - mean[2])
    if share < 1.0:
        out = lab + max(0.0, share) * (out - lab)
    return np.clip(out, 0, 255)


def old_recoloured(rgb: np.ndarray, mask: np.ndarray, colour: tuple[int, int, int], share: float) -> tuple[np.ndarray, float]:
    """The old recolour (`old_lab`) and the share of the mask whose colour had to be clipped into sRGB."""
    from skimage.color import lab2xyz

    out = old_lab(rgb, mask, colour, share)
    cielab = np.stack([out[..., 0] * 100 / 255, out[..., 1] - 128, out[..., 2] - 128], axis=-1)
    xyz = lab2xyz(cielab)
    linear = xyz @ np.array([[3.2404542, -1.5371385, -0.4985314], [-0.9692660, 1.8760108, 0.0415560],
                             [0.0556434, -0.2040259, 1.0572252]]).T   # no clipping, unlike skimage's xyz2rgb
    clipped = ((linear < -1e-3) | (linear > 1 + 1e-3)).any(axis=-1)
    result = cv2.cvtColor(out.astype(np.uint8), cv2.COLOR_LAB2RGB)
    return result, float(clipped[mask > 127].mean())


def new_recoloured(rgb: np.ndarray, mask: np.ndarray, colour: tuple[int, int, int], share: float) -> tuple[np.ndarray, float]:
    lab = recoloured(srgb_to_oklab(rgb), mask.astype(np.uint8) * 255 if mask.dtype == bool else mask, colour, share)
    return oklab_to_srgb(lab), float((~in_gamut(lab))[mask > 127].mean())


OLD = "old (CIELAB)"
METHODS = {OLD: old_recoloured, "new (OKLab)": new_recoloured}


def measures(before: np.ndarray, after: np.ndarray, inside: np.ndarray, colour: tuple[int, int, int],
             kind: str) -> dict[str, float | bool | None]:
    was, now = srgb_to_oklab(before)[inside], srgb_to_oklab(after)[inside]
    lightness, chroma, hue = to_lch(now)
    named = named_colour(colour)
    weights = chroma / max(float(chroma.sum()), 1e-9)
    mean_hue = np.arctan2((weights * np.sin(hue)).sum(), (weights * np.cos(hue)).sum())
    hue_error = None if named.grey else float(abs(np.degrees(np.angle(np.exp(1j * (mean_hue - named.hue))))))
    low, high = (0.0, GREY_CHROMA) if named.grey else NATURAL_RANGES[kind]
    mean_chroma = float(chroma.mean())
    return {"hue_error_deg": hue_error, "shading_corr": float(np.corrcoef(was[:, 0], lightness)[0, 1]),
            "detail_ratio": float(lightness.std() / max(float(was[:, 0].std()), 1e-9)),
            "chroma": mean_chroma, "natural": bool(low <= mean_chroma <= high),
            "lightness_before": float(was[:, 0].mean()), "lightness_after": float(lightness.mean())}


def old_recolour(image: Image.Image, mask: np.ndarray, colour: tuple[int, int, int], share: float = 1.0) -> Image.Image:
    """The old `builtin_inpainter.recolour` as the backend ran it, for its cost (`old_recoloured` adds the clip count)."""
    out = old_lab(np.asarray(image.convert("RGB")), mask, colour, share)
    return Image.fromarray(cv2.cvtColor(out.astype(np.uint8), cv2.COLOR_LAB2RGB), "RGB")


def cost_per_megapixel(recolour: Callable, repeat: int = 5) -> float:
    """CPU seconds per megapixel of the box the backend hands over: a 2-megapixel enlargement of the astronaut with
    its middle square (half the box) selected, the way a selection's box holds more than the selection."""
    from skimage import data

    photo = Image.fromarray(cv2.resize(data.astronaut(), (1414, 1414), interpolation=cv2.INTER_CUBIC))
    mask = np.zeros((1414, 1414), np.uint8)
    mask[207:1207, 207:1207] = 255
    recolour(photo, mask, (0, 0, 255), 1.0)  # the first call builds what is cached (the new one's chroma table)
    seconds = []
    for _ in range(repeat):
        started = time.process_time()
        recolour(photo, mask, (0, 0, 255), 1.0)
        seconds.append(time.process_time() - started)
    return statistics.median(seconds) / 2.0


def _tile(rgb: np.ndarray, box: tuple[int, int, int, int], height: int) -> Image.Image:
    x0, y0, x1, y1 = box
    crop = Image.fromarray(rgb[y0:y1, x0:x1])
    return crop.resize((max(1, round(crop.width * height / crop.height)), height), Image.LANCZOS)


def _box(inside: np.ndarray) -> tuple[int, int, int, int]:
    ys, xs = np.nonzero(inside)
    pad = max(6, int(0.15 * max(np.ptp(ys), np.ptp(xs))))
    height, width = inside.shape
    return (max(0, xs.min() - pad), max(0, ys.min() - pad), min(width, xs.max() + pad + 1),
            min(height, ys.max() + pad + 1))


def run(split: str) -> dict:
    rows, sheet_rows = [], []
    for case in SPLITS[split]:
        rgb = case.photo()
        inside = case.mask(rgb)
        box = _box(inside)
        outline = rgb.copy()
        edge = inside ^ cv2.erode(inside.astype(np.uint8), np.ones((3, 3), np.uint8)).astype(bool)
        outline[edge] = (255, 0, 255)
        tiles = [(_tile(outline, box, 160), _tile(rgb, box, 160), "mask")]
        for name, share in case.colours:
            css, colour = ImageColor.getrgb(name)[:3], _parse_colour(name)
            results = []
            for method, recolour in METHODS.items():
                given = css if method == OLD else colour  # what each read the name as: its hue is the one to hit
                new, clipped = recolour(rgb, inside.astype(np.uint8) * 255, given, share)
                after = rgb.copy()
                after[inside] = new[inside]
                row = {"case": case.name, "split": split, "colour": name, "share": share, "method": method,
                       "clipped": clipped, **measures(rgb, after, inside, given, case.kind)}
                rows.append(row)
                results.append(_tile(after, box, 160))
            tiles.append((results[0], results[1], name if share == 1 else f"{name} ×{share}"))
        sheet_rows.append((case.name, tiles))
    cost = {method: cost_per_megapixel(recolour) for method, recolour in zip(METHODS, (old_recolour, recolour_now))}
    _print(rows, cost)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"recolour_quality_{split}.json").write_text(json.dumps({"rows": rows, "cpu_s_per_mp": cost}, indent=1))
    _sheet(sheet_rows, RESULTS / f"recolour_quality_{split}.png")
    return {"rows": rows, "cost": cost}


def _print(rows: list[dict], cost: dict[str, float]) -> None:
    print(f"{'case':22s} {'colour':12s} {'method':13s} {'hue err':>7s} {'clipped':>7s} {'shading':>7s} {'detail':>6s} "
          f"{'chroma':>6s} natural  L before→after")
    for row in rows:
        hue = "—" if row["hue_error_deg"] is None else f"{row['hue_error_deg']:.1f}"
        colour = row["colour"] if row["share"] == 1 else f"{row['colour']}×{row['share']}"
        print(f"{row['case']:22s} {colour:12s} {row['method']:13s} {hue:>7s} {row['clipped']:7.1%} "
              f"{row['shading_corr']:7.3f} {row['detail_ratio']:6.2f} {row['chroma']:6.3f} {'yes' if row['natural'] else 'NO':7s} "
              f"{row['lightness_before']:.2f}→{row['lightness_after']:.2f}")
    for method in METHODS:
        mine = [row for row in rows if row["method"] == method]
        hues = [row["hue_error_deg"] for row in mine if row["hue_error_deg"] is not None]
        print(f"{method}: median hue error {statistics.median(hues):.1f}°, worst {max(hues):.1f}°; mean clipped "
              f"{statistics.mean(row['clipped'] for row in mine):.1%}; min shading "
              f"{min(row['shading_corr'] for row in mine):.3f}; median detail "
              f"{statistics.median(row['detail_ratio'] for row in mine):.2f}; natural chroma "
              f"{sum(row['natural'] for row in mine)}/{len(mine)}; CPU {cost[method]:.3f} s/MP")


def _sheet(sheet_rows: list[tuple[str, list]], path: Path) -> None:
    gap, label = 6, 14
    widths = [sum(max(a.width, b.width) + gap for a, b, _ in tiles) for _, tiles in sheet_rows]
    out = Image.new("RGB", (max(widths), sum(label + 2 * 160 + gap for _ in sheet_rows)), (255, 255, 255))
    draw = ImageDraw.Draw(out)
    y = 0
    for name, tiles in sheet_rows:
        x = 0
        for top, bottom, caption in tiles:
            draw.text((x + 2, y), caption if x else f"{name}", fill=(0, 0, 0))
            out.paste(top, (x, y + label))
            out.paste(bottom, (x, y + label + 160))
            x += max(top.width, bottom.width) + gap
        y += label + 2 * 160 + gap
    out.save(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=sorted(SPLITS), default="tune")
    run(parser.parse_args().split)


if __name__ == "__main__":
    main()
