"""How well does the weight-free sky finder find the sky, and does it say "no sky" where there is none?

Runs the embedded finder's "sky" (`EmbeddedFinder.find(photo, "sky")`: `tools.finders.sky` plus
its close-up check) on licensed photos:

- **with sky**, each with a truth mask drawn for Retouch (`tests/data/sky_truth/`, see
  tests/data/README.md): scikit-image's `camera` and `rocket`, the dog on the bench;
- **without sky**: the other photos bundled with scikit-image, tests/data and matplotlib's
  sample data — portraits in front of a studio backdrop, indoor scenes, close-ups, a night
  photo, a star field, textures, a page, a silhouette on white.

The photos were split before any threshold was tuned (TUNE and HELD_OUT below); the thresholds
in `tools/finders/sky.py` and `CLOSE_UP_PERSON` were set on TUNE only. Run the held-out split
once, at the end, and report it whichever way it goes:

    .venv/bin/python benchmarks/sky_finder.py                 # the tune split
    .venv/bin/python benchmarks/sky_finder.py --split held-out

Per photo with sky: IoU with the truth, precision (share of what was found that is sky: what
stays off the ground matters more), recall. Per photo without sky: the share found (0 is right).
Cost: CPU seconds of `find_sky` alone on the photo, and on a 4096-px enlargement of it as the
finder hands it over (reduced to the finder's WORK_SIDE first, the reduction counted); the
finder's own scene — people, faces — is the embedded finder's usual cost and is not counted.
Writes benchmarks/results/sky_finder_<split>.json and a contact sheet
benchmarks/results/sky_finder_<split>.png (magenta: found; green line: the truth's outline).
Not a test: nothing asserts.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DATA = ROOT / "tests" / "data"
TRUTH = DATA / "sky_truth"
RESULTS = ROOT / "benchmarks" / "results"

TUNE = ("camera", "overture-creations-5sI6fQgYIuo", "astronaut", "grace_hopper", "coins", "png_parameter_test",
        "horse", "page", "moon", "chelsea")
"""Looked at while the thresholds were set."""
HELD_OUT = ("rocket", "coffee", "motorcycle_left", "hubble_deep_field", "image", "bunny", "cat", "icc_profile_test",
            "grass", "brick", "gravel")
"""Run once, at the end."""
BIG_SIDE = 4096


def load(name: str) -> Image.Image:
    """A photo by name: tests/data first, then matplotlib's sample data, then scikit-image's."""
    for suffix in (".png", ".jpeg", ".jpg"):
        if (DATA / f"{name}{suffix}").exists():
            return Image.open(DATA / f"{name}{suffix}").convert("RGB")
    if name == "grace_hopper":
        import matplotlib.cbook

        return Image.open(matplotlib.cbook.get_sample_data("grace_hopper.jpg")).convert("RGB")
    import skimage
    from skimage import data

    if name == "motorcycle_left":
        return Image.open(Path(skimage.__file__).parent / "data" / "motorcycle_left.png").convert("RGB")
    array = np.asarray(getattr(data, name)())
    if array.dtype == bool:
        array = array.astype(np.uint8) * 255
    return Image.fromarray(array).convert("RGB")


def truth(name: str) -> np.ndarray | None:
    path = TRUTH / f"{name}.png"
    return np.asarray(Image.open(path).convert("L")) > 127 if path.exists() else None


def overlay(photo: Image.Image, found: np.ndarray | None, sky: np.ndarray | None, side: int = 320) -> Image.Image:
    import cv2

    out = np.asarray(photo, dtype=np.float32).copy()
    if found is not None:
        out[found] = 0.45 * out[found] + 0.55 * np.array([255, 0, 255])
    out = out.astype(np.uint8)
    if sky is not None:
        contours, _ = cv2.findContours(sky.astype(np.uint8), cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
        cv2.drawContours(out, contours, -1, (0, 255, 0), max(1, photo.width // 250))
    image = Image.fromarray(out)
    image.thumbnail((side, side))
    return image


def run(names: tuple[str, ...]) -> tuple[list[dict], list[Image.Image]]:
    from retouch.tools.finders import sky as sky_module
    from retouch.tools.finders.embedded import EmbeddedFinder, working_copy

    finder = EmbeddedFinder()
    rows, tiles = [], []
    for name in names:
        photo = load(name)
        found = finder.find(photo, "sky")
        mask = (found[0].mask > 127) if found else None
        rgb = np.asarray(photo)
        started = time.process_time()
        sky_module.find_sky(rgb)
        cost = time.process_time() - started
        scale = BIG_SIDE / max(photo.size)
        big = np.asarray(photo.resize((round(photo.width * scale), round(photo.height * scale)),
                                      Image.Resampling.BICUBIC))
        started = time.process_time()
        sky_module.find_sky(working_copy(Image.fromarray(big)))
        big_cost = time.process_time() - started
        row: dict = {"photo": name, "size": list(photo.size), "found_share": 0.0 if mask is None else float(mask.mean()),
                     "cpu_s": round(cost, 4), "cpu_s_4096": round(big_cost, 4)}
        sky = truth(name)
        if sky is not None:
            hit = mask if mask is not None else np.zeros_like(sky)
            overlap = float((hit & sky).sum())
            row.update(has_sky=True, iou=overlap / max(1.0, float((hit | sky).sum())),
                       precision=overlap / max(1.0, float(hit.sum())) if hit.any() else 0.0,
                       recall=overlap / max(1.0, float(sky.sum())))
        else:
            row.update(has_sky=False)
        rows.append(row)
        tile = overlay(photo, mask, sky)
        tiles.append(tile)
    return rows, tiles


def contact_sheet(tiles: list[Image.Image], names: tuple[str, ...], columns: int = 4) -> Image.Image:
    from PIL import ImageDraw

    cell = 330
    sheet = Image.new("RGB", (columns * cell, ((len(tiles) + columns - 1) // columns) * (cell + 16)), "white")
    draw = ImageDraw.Draw(sheet)
    for index, (tile, name) in enumerate(zip(tiles, names)):
        x, y = (index % columns) * cell, (index // columns) * (cell + 16)
        sheet.paste(tile, (x, y + 16))
        draw.text((x + 2, y + 2), name, fill=(0, 0, 0))
    return sheet


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("tune", "held-out"), default="tune")
    args = parser.parse_args()
    names = TUNE if args.split == "tune" else HELD_OUT
    rows, tiles = run(names)
    print(f"{'photo':34s} {'sky?':5s} {'IoU':>6s} {'prec':>6s} {'recall':>6s} {'found':>6s} {'cpu s':>7s} {'@4096':>7s}")
    for row in rows:
        if row["has_sky"]:
            scores = f"{row['iou']:6.3f} {row['precision']:6.3f} {row['recall']:6.3f}"
        else:
            scores = f"{'':6s} {'':6s} {'':6s}"
        print(f"{row['photo']:34s} {'yes' if row['has_sky'] else 'no':5s} {scores} {row['found_share']:6.3f} "
              f"{row['cpu_s']:7.3f} {row['cpu_s_4096']:7.3f}")
    with_sky = [row for row in rows if row["has_sky"]]
    without = [row for row in rows if not row["has_sky"]]
    summary = {
        "split": args.split,
        "mean_iou": float(np.mean([row["iou"] for row in with_sky])) if with_sky else None,
        "no_sky_photos": len(without),
        "no_sky_photos_with_a_sky_found": sum(row["found_share"] > 0 for row in without),
        "median_cpu_s": float(np.median([row["cpu_s"] for row in rows])),
        "median_cpu_s_4096": float(np.median([row["cpu_s_4096"] for row in rows])),
    }
    print(json.dumps(summary))
    RESULTS.mkdir(parents=True, exist_ok=True)
    stem = f"sky_finder_{args.split.replace('-', '_')}"
    (RESULTS / f"{stem}.json").write_text(json.dumps({"summary": summary, "rows": rows}, indent=1))
    contact_sheet(tiles, names).save(RESULTS / f"{stem}.png")
    print(f"wrote {RESULTS / (stem + '.json')} and the contact sheet {RESULTS / (stem + '.png')}")


if __name__ == "__main__":
    main()
