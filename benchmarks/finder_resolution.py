"""Does the embedded finder need the whole photo, or is a reduced copy as good?

MediaPipe's models resize what they are given to 128–256 px, so a 4096² photo and a 1024² copy
of it reach them as about the same pixels; what differs is the resampling on the way (the
models' own bilinear step alias a big photo, an area average does not), the crops the finder
takes around each person, and the precision of the masks once scaled back. This benchmark runs
`EmbeddedFinder(work_side=…)` for several working sides (0 = the whole photo, as before issue 22)
on big photos whose truth is known, and tables per case: people and faces found, IoU of the best
mask with the truth (or with the whole-photo mask where no truth exists), CPU seconds.

The photos are built from licensed material: the woman of tests/data/image.png with her
hand-drawn mask, pasted at several heights onto backgrounds from scikit-image (rocket, coffee,
grass, brick) or flat grey, at 4096×3072, 3072×4096 and 4096²; two of her side by side; the
astronaut (no truth: the whole-photo mask is the reference); the dog on the bench (must find no
person). A person under about a third of the photo's height is not found by the whole-photo
pass at any working side (the selfie model sees the whole frame at 256²), so the cases start there.

    .venv/bin/python benchmarks/finder_resolution.py [--sides 0,1024,1536,2048] [--quick]

Prints a table; writes benchmarks/results/finder_resolution.json. Not a test: nothing asserts.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Iterator

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DATA = ROOT / "tests" / "data"
DEFAULT_JSON = ROOT / "benchmarks" / "results" / "finder_resolution.json"


def _bigger(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    return image.resize(size, Image.Resampling.BICUBIC)


def _bigger_mask(mask: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    return np.asarray(Image.fromarray(mask.astype(np.uint8) * 255).resize(size, Image.Resampling.BILINEAR)) > 127


def _background(name: str, size: tuple[int, int]) -> Image.Image:
    from skimage import data

    if name == "grey":
        return Image.new("RGB", size, (120, 120, 110))
    return _bigger(Image.fromarray(getattr(data, name)()).convert("RGB"), size)


def cases(quick: bool) -> Iterator[tuple[str, Image.Image, np.ndarray | None, int]]:
    """(name, photo, truth or None, people expected)."""
    person = Image.open(DATA / "image.png").convert("RGB")
    truth = np.asarray(Image.open(DATA / "mask.png").convert("L")) > 127
    yield "the fence photo at 4096²", _bigger(person, (4096, 4096)), _bigger_mask(truth, (4096, 4096)), 1
    pair = Image.new("RGB", (512, 256))
    pair.paste(person, (0, 0))
    pair.paste(person, (256, 0))
    left = np.zeros((256, 512), bool)
    left[:, :256] = truth
    yield "two side by side, 4096×2048 (the left one)", _bigger(pair, (4096, 2048)), _bigger_mask(left, (4096, 2048)), 2
    shapes = [(4096, 3072), (3072, 4096)] if not quick else [(4096, 3072)]
    backgrounds = ["rocket", "coffee", "grass", "brick", "grey"] if not quick else ["rocket", "grey"]
    for width, height in shapes:
        for name in backgrounds:
            for share in (2 / 3, 1 / 2):
                tall = round(height * share)
                photo = _background(name, (width, height))
                pasted = _bigger(person, (tall, tall))
                mask = _bigger_mask(truth, (tall, tall))
                x = (width - tall) * (3 if name in ("coffee", "brick") else 1) // 4
                photo.paste(pasted, (x, height - tall), Image.fromarray(mask.astype(np.uint8) * 255))
                whole = np.zeros((height, width), bool)
                whole[height - tall:, x:x + tall] = mask
                yield f"{tall} px tall on {name}, {width}×{height}", photo, whole, 1
    from skimage import data

    yield "the astronaut at 4096² (vs the whole-photo mask)", _bigger(Image.fromarray(data.astronaut()), (4096, 4096)), None, 1
    dog = Image.open(DATA / "overture-creations-5sI6fQgYIuo.png").convert("RGB")
    yield "the dog on the bench at 4096² (no person)", _bigger(dog, (4096, 4096)), None, 0


def measure(photo: Image.Image, side: int) -> tuple[dict, list[np.ndarray]]:
    from retouch.tools.finders.embedded import EmbeddedFinder

    finder = EmbeddedFinder(work_side=side)
    started = time.process_time()
    people = finder.find(photo, "person")
    faces = finder.find(photo, "face")
    seconds = time.process_time() - started
    return {"people": len(people), "faces": len(faces), "cpu_s": round(seconds, 3)}, [c.mask > 127 for c in people]


def iou(a: np.ndarray, b: np.ndarray) -> float:
    return float((a & b).sum() / max(1, (a | b).sum()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sides", default="0,1024,1536,2048", help="working sides, comma-separated (0 = whole photo)")
    parser.add_argument("--quick", action="store_true", help="fewer backgrounds and shapes")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON)
    args = parser.parse_args(argv)
    try:
        sides = [int(side) for side in args.sides.split(",") if side.strip()]
    except ValueError:
        sides = []
    if not sides or any(side < 0 for side in sides):
        raise SystemExit("finder_resolution.py: --sides takes whole numbers ≥ 0 (0 = the whole photo)")
    if 0 not in sides:
        sides = [0, *sides]  # the reference for the cases without a truth

    rows = []
    for name, photo, truth, expected in cases(args.quick):
        row: dict = {"case": name, "expected_people": expected, "by_side": {}}
        reference: np.ndarray | None = None
        for side in sides:
            found, masks = measure(photo, side)
            if side == 0 and masks:
                reference = masks[0]
            wanted = truth if truth is not None else reference
            if wanted is not None and masks:
                found["iou"] = round(max(iou(mask, wanted) for mask in masks), 4)
            row["by_side"][str(side)] = found
        rows.append(row)
        print(f"  {name}: " + ", ".join(f"{side or 'whole'} {row['by_side'][str(side)]}" for side in sides),
              file=sys.stderr, flush=True)

    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs; IoU with the truth "
          "(the astronaut: with the whole-photo mask); people/faces found; CPU s for both questions")
    header = f"{'case':<52}" + "".join(f"{('whole' if side == 0 else f'≤{side}'):>22}" for side in sides)
    print(header)
    for row in rows:
        cells = []
        for side in sides:
            found = row["by_side"][str(side)]
            score = f"{found['iou']:.3f}" if "iou" in found else "—"
            cells.append(f"{score} {found['people']}/{found['faces']} {found['cpu_s']:.2f}s")
        print(f"{row['case']:<52}" + "".join(f"{cell:>22}" for cell in cells))
    summary = {}
    for side in sides:
        scored = [row["by_side"][str(side)]["iou"] for row in rows
                  if "iou" in row["by_side"][str(side)] and not row["case"].startswith("the astronaut")]
        wrong = sum(row["by_side"][str(side)]["people"] != row["expected_people"] for row in rows)
        summary[str(side)] = {"mean_iou": round(statistics.mean(scored), 4) if scored else None,
                              "min_iou": round(min(scored), 4) if scored else None,
                              "wrong_count": wrong,
                              "cpu_s": round(sum(row["by_side"][str(side)]["cpu_s"] for row in rows), 2)}
    print()
    print(f"{'summary (cases with a truth)':<52}" + "".join(
        f"{'mean %.3f min %.3f' % (s['mean_iou'], s['min_iou']) if s['mean_iou'] is not None else '—':>22}"
        for s in summary.values()))
    print(f"{'people miscounted / CPU s in all':<52}" + "".join(
        f"{'%d / %.1f s' % (s['wrong_count'], s['cpu_s']):>22}" for s in summary.values()))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"benchmark": "finder_resolution", "sides": sides, "rows": rows,
                                     "summary": summary, "load": os.getloadavg()[0]}, indent=2) + "\n",
                         encoding="utf-8")
    print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
