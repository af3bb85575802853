"""Does "even out my skin tone" even it? Synthetic blotches on licensed portraits, and what each method leaves.

On each portrait the embedded finder's skin (`EmbeddedFinder.find(photo, "skin")`, as the plan selects it) gets
freckles — small darker brown dots, part of the face a user keeps — and then, seeded, three red patches and one
sallow (yellow) patch of soft irregular shape inside it, each a shift of the colour's chromaticity (OKLab a/L,
b/L) that keeps the lightness and texture beneath. The freckled photo is the truth; the blotched one is what
the user has. Each method then runs with that skin mask:

- nothing (the blotched photo as it is),
- **Retouch**: `enhance(parts=["even_skin"], mask=skin)` (`tools/enhance/evening.py`) — what the plan runs now,
- the plan before: `enhance(parts=["white_balance"], mask=skin)`,
- what a user would otherwise reach for: a Gaussian blur of the skin (σ = 10 % of half the skin's width) and
  OpenCV's bilateral filter (d 15, σ colour 75, σ space 75, the tutorial's values), each blended in by the mask.

Reported per photo and method (OKLab differences ×100, about one just-noticeable step each):
- `blotch_error`: mean chroma (a, b) error against the truth inside the patches — before is the nothing row;
- `freckles_kept`: the freckles' chroma contrast against the skin around them, as a share of the truth's;
- `L_detail`: high-pass energy of OKLab L (L less its σ 1.5 blur) inside the skin, as a share of the truth's:
  1 = the texture kept;
- `outside_max`: the largest change of any channel outside the skin mask, in levels (must be 0);
- `clean_change`: run on the truth itself (nothing to even), the mean colour change (ΔE, a and b and L) over the
  skin — what the method does to a face that needs nothing.

Photos: scikit-image's `astronaut` (a face ~100 px wide) and tests/data/image.png ("night", a face 25 px wide)
tune; tests/data/grace_hopper.jpg (a face ~190 px wide, public domain, see tests/data/README.md) is held out —
run it once, at the end, and report it whichever way it goes:

    .venv/bin/python benchmarks/skin_evening.py                    # the tune split
    .venv/bin/python benchmarks/skin_evening.py --split held-out

Writes benchmarks/results/skin_evening_<split>.json and a contact sheet skin_evening_<split>.png (per photo: the
truth, blotched, then each method, around the face, enlarged). Not a test: nothing asserts.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Callable

import cv2
import numpy as np
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from testkit.photos import named_photo  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"
TUNE = ("astronaut", "night")
HELD_OUT = ("grace_hopper",)
SEED = 16
RED_SHIFT = (0.05, 0.012)
"""A red patch: the chromaticity (a/L, b/L) moved this much — at a face's lightness ≈ 3.5 OKLab units of a."""
SALLOW_SHIFT = (-0.012, 0.05)
"""A sallow patch: yellower, a little greener."""
FRECKLE = (0.86, 0.02, 0.045)
"""A freckle: lightness times the first, chromaticity moved by the other two (browner)."""
FRECKLES = 25


def skin_of(photo: Image.Image) -> np.ndarray:
    from retouch.tools.finders.embedded import EmbeddedFinder

    mask = np.zeros((photo.height, photo.width), np.uint8)
    for candidate in EmbeddedFinder().find(photo, "skin"):
        mask = np.maximum(mask, np.asarray(candidate.mask, np.uint8))
    return mask


def shifted(lab: np.ndarray, weight: np.ndarray, shift: tuple[float, float], light: float = 1.0) -> np.ndarray:
    """`lab` with its chromaticity moved by `shift` (and L scaled by `light`) where `weight` (0–1) says."""
    out = lab.copy()
    scale = 1.0 + (light - 1.0) * weight
    out[..., 0] *= scale
    for channel, amount in zip((1, 2), shift):
        out[..., channel] = out[..., channel] * scale + amount * weight * out[..., 0]
    return out


def blob(shape: tuple[int, int], centre: tuple[float, float], radius: float, rng: np.random.Generator) -> np.ndarray:
    """A soft irregular patch (0–1): an ellipse whose edge wanders, feathered over a fifth of its radius."""
    ys, xs = np.mgrid[0:shape[0], 0:shape[1]].astype(np.float32)
    angle = np.arctan2(ys - centre[1], xs - centre[0])
    wander = 1.0 + sum(rng.uniform(0.05, 0.15) * np.cos(k * angle + rng.uniform(0, 2 * np.pi)) for k in (2, 3, 5))
    stretch = rng.uniform(0.7, 1.0)
    distance = np.hypot((xs - centre[0]) * stretch, ys - centre[1]) / (radius * wander)
    return np.clip((1.0 - distance) / 0.2, 0.0, 1.0).astype(np.float32)


def place(inside: np.ndarray, radius: float, taken: np.ndarray, rng: np.random.Generator) -> tuple[float, float] | None:
    """A centre at least 1.3 radii inside the skin and clear of what is already placed."""
    distance = cv2.distanceTransform(np.pad(inside & ~taken, 1).astype(np.uint8), cv2.DIST_L2, 5)[1:-1, 1:-1]
    ys, xs = np.nonzero(distance > 1.3 * radius)
    if not len(ys):
        return None
    pick = rng.integers(len(ys))
    return float(xs[pick]), float(ys[pick])


def synthesise(photo: Image.Image, mask: np.ndarray, seed: int) -> dict:
    """The truth (freckled), the blotched photo, and where the patches and freckles are."""
    from retouch.tools.oklab import oklab_to_srgb, srgb_to_oklab

    rng = np.random.default_rng(seed)
    inside = mask > 127
    from retouch.tools.enhance.evening import selection_reach

    reach = selection_reach(inside)
    lab = srgb_to_oklab(np.asarray(photo))
    shape = inside.shape
    taken = np.zeros(shape, bool)
    freckles = []
    for _ in range(FRECKLES):
        radius = max(1.0, 0.035 * reach)
        centre = place(inside, 3 * radius, taken, rng)
        if centre is None:
            break
        dot = blob(shape, centre, radius, rng)
        lab = shifted(lab, dot, FRECKLE[1:], FRECKLE[0])
        freckles.append(dot > 0.5)
        taken |= blob(shape, centre, 3 * radius, rng) > 0
    truth = oklab_to_srgb(lab)
    patches = np.zeros(shape, np.float32)
    blotched = lab
    apart = np.zeros(shape, bool)
    for shift, radius_share in ((RED_SHIFT, 0.32), (RED_SHIFT, 0.25), (RED_SHIFT, 0.2), (SALLOW_SHIFT, 0.4)):
        radius = radius_share * reach
        centre = place(inside, radius, apart, rng)           # patches may cover freckles, not each other
        if centre is None:
            continue
        patch = blob(shape, centre, radius, rng) * inside
        apart |= patch > 0
        blotched = shifted(blotched, patch, shift)
        patches = np.maximum(patches, patch)
    return {"truth": truth, "blotched": oklab_to_srgb(blotched), "patches": patches > 0.5, "freckles": freckles,
            "reach": reach}


def methods(mask: np.ndarray, reach: float) -> dict[str, Callable[[np.ndarray], np.ndarray]]:
    from retouch.tools.enhance import enhance

    weight = (mask.astype(np.float32) / 255.0)[..., None]

    def blended(filtered: Callable[[np.ndarray], np.ndarray]) -> Callable[[np.ndarray], np.ndarray]:
        return lambda rgb: np.clip(filtered(rgb) * weight + rgb * (1 - weight) + 0.5, 0, 255).astype(np.uint8)

    def enhanced(parts: list[str]) -> Callable[[np.ndarray], np.ndarray]:
        return lambda rgb: np.asarray(enhance(Image.fromarray(rgb), parts=parts, mask=mask).image)

    sigma = max(0.8, 0.1 * reach)
    return {"nothing": lambda rgb: rgb.copy(),
            "Retouch even_skin": enhanced(["even_skin"]),
            "white balance (old plan)": enhanced(["white_balance"]),
            f"Gaussian blur sigma {sigma:.1f}": blended(
                lambda rgb: cv2.GaussianBlur(rgb, (0, 0), sigma).astype(np.float32)),
            "bilateral 15/75/75": blended(lambda rgb: cv2.bilateralFilter(rgb, 15, 75, 75).astype(np.float32))}


def scores(result: np.ndarray, case: dict, mask: np.ndarray, original: np.ndarray) -> dict[str, float]:
    from retouch.tools.oklab import srgb_to_oklab

    inside = mask > 127
    lab, truth = srgb_to_oklab(result), srgb_to_oklab(case["truth"])
    patches = case["patches"]
    blotch = np.hypot(*np.moveaxis(lab[..., 1:] - truth[..., 1:], -1, 0))[patches]
    core = cv2.erode(inside.astype(np.uint8), np.ones((5, 5), np.uint8)) > 0

    def detail(lightness: np.ndarray) -> float:
        return float(np.sum((lightness - cv2.GaussianBlur(lightness, (0, 0), 1.5))[core] ** 2))
    kept = []
    for dot in case["freckles"]:
        ring = (cv2.dilate(dot.astype(np.uint8), np.ones((7, 7), np.uint8)) > 0) & ~dot & inside
        if ring.any() and dot.any():
            apart = [float(np.hypot(*(image[dot][:, 1:].mean(0) - image[ring][:, 1:].mean(0))))
                     for image in (lab, truth)]
            kept.append(apart[0] / max(apart[1], 1e-6))
    outside = np.abs(result.astype(np.int16) - original.astype(np.int16)).max(axis=-1)[~inside]
    return {"blotch_error": round(100 * float(blotch.mean()), 2),
            "freckles_kept": round(float(np.median(kept)), 2) if kept else None,
            "L_detail": round(detail(lab[..., 0]) / max(detail(truth[..., 0]), 1e-9), 3),
            "outside_max": int(outside.max()) if outside.size else 0}


def clean_change(method: Callable[[np.ndarray], np.ndarray], truth: np.ndarray, mask: np.ndarray) -> float:
    from retouch.tools.oklab import srgb_to_oklab

    inside = mask > 127
    difference = srgb_to_oklab(method(truth)) - srgb_to_oklab(truth)
    return round(100 * float(np.linalg.norm(difference, axis=-1)[inside].mean()), 2)


def crop_box(patches: np.ndarray, reach: float, shape: tuple[int, int]) -> tuple[int, int, int, int]:
    """Around the patches, half a skin's width beyond them: the face, not the whole person."""
    ys, xs = np.nonzero(patches)
    pad = int(0.6 * reach) + 4
    return (max(0, xs.min() - pad), max(0, ys.min() - pad), min(shape[1], xs.max() + pad),
            min(shape[0], ys.max() + pad))


def tile(rgb: np.ndarray, box: tuple[int, int, int, int], label: str, height: int = 300) -> Image.Image:
    image = Image.fromarray(rgb).crop(box)
    image = image.resize((round(image.width * height / image.height), height), Image.Resampling.LANCZOS)
    framed = Image.new("RGB", (image.width, height + 16), "white")
    framed.paste(image, (0, 16))
    ImageDraw.Draw(framed).text((3, 2), label, fill=(0, 0, 0))
    return framed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("tune", "held-out"), default="tune")
    parser.add_argument("--no-sheet", action="store_true")
    args = parser.parse_args()
    rows, sheet_rows = [], []
    for index, name in enumerate(TUNE if args.split == "tune" else HELD_OUT):
        photo = named_photo(name)
        mask = skin_of(photo)
        if not (mask > 127).any():
            print(f"{name}: no skin found, skipped")
            continue
        case = synthesise(photo, mask, SEED + index)
        box = crop_box(case["patches"], case["reach"], mask.shape)
        tiles = [tile(case["truth"], box, "truth (freckled)")]
        for label, method in methods(mask, case["reach"]).items():
            started = time.process_time()
            result = method(case["blotched"])
            seconds = time.process_time() - started
            row = {"photo": name, "method": label, **scores(result, case, mask, case["blotched"]),
                   "clean_change": clean_change(method, case["truth"], mask), "cpu_s": round(seconds, 3)}
            rows.append(row)
            print(json.dumps(row, ensure_ascii=False))
            tiles.append(tile(result, box, "blotched" if label == "nothing" else label))
        sheet_rows.append(tiles)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"skin_evening_{args.split}.json").write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n")
    print()
    print(f"{'photo':13} {'method':26} {'blotch err':>10} {'freckles':>8} {'L detail':>8} {'outside':>7} "
          f"{'clean Δ':>7}")
    for row in rows:
        print(f"{row['photo']:13} {row['method']:26} {row['blotch_error']:10.2f} {row['freckles_kept'] or 0:8.2f} "
              f"{row['L_detail']:8.3f} {row['outside_max']:7d} {row['clean_change']:7.2f}")
    if not args.no_sheet and sheet_rows:
        width = max(sum(t.width for t in tiles) for tiles in sheet_rows)
        sheet = Image.new("RGB", (width, sum(tiles[0].height for tiles in sheet_rows)), "white")
        y = 0
        for tiles in sheet_rows:
            x = 0
            for t in tiles:
                sheet.paste(t, (x, y))
                x += t.width
            y += tiles[0].height
        sheet.save(RESULTS / f"skin_evening_{args.split}.png")


if __name__ == "__main__":
    main()
