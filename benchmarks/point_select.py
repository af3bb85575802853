"""How well do gestures select a thing without weights?

On the dog photo, against the tight whole-dog mask with its tail (tests/data/README.md): one
click on the body (24 clicks sampled on it), body + one tail click (12 clicks sampled on the
tail), body + three tail clicks, a box around the dog, a box and a tail click. For each: IoU with
the truth, the share of the tail selected, and the CPU seconds the outline took.

Then a rabbit clicked on its back (benchmarks/leftover_cases.py's cut-out, pasted on the dev
grounds: grass, field, gravel, paving), 6 sizes from 300 to 480 px tall of 512 — the larger, the
less ground lies outside a window around its back — each on the left and, mirrored, on the right
(48 clicks): the share of the rabbit left out of the click's selection, and the share of the
selection that is not the rabbit.

    .venv/bin/python benchmarks/point_select.py [--json PATH]

Prints a table; writes JSON (default benchmarks/results/point_select.json). Downloads nothing.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from retouch.tools.gestures import Gestures, add, box  # noqa: E402
from retouch.tools.point_select import grabcut_gestures  # noqa: E402

DATA = ROOT / "tests" / "data"
DEFAULT_JSON = ROOT / "benchmarks" / "results" / "point_select.json"
BODY, DOG_BOX = (252, 262), (165, 100, 320, 475)
SEAT = 372
"""The first row below the bench seat: the tail is what of the dog lies below it."""


def _sample(region: np.ndarray, count: int, seed: int) -> list[tuple[int, int]]:
    import cv2

    inner = cv2.erode(region.astype(np.uint8), np.ones((7, 7), np.uint8)) > 0
    ys, xs = np.nonzero(inner)
    picked = np.random.default_rng(seed).choice(len(xs), count, replace=False)
    return [(int(xs[i]), int(ys[i])) for i in picked]


RABBIT_SIZES = ((300, 120, 460), (360, 90, 470), (400, 60, 480), (440, 40, 490), (460, 20, 500), (480, 0, 512))
"""(height, left, bottom) of the rabbit in the 512 px picture."""
RABBIT_GROUNDS = ("grass", "field", "gravel", "paving")


def _rabbit_sizes() -> dict:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import leftover_cases as cases

    lefts: dict[str, list[float]] = {}
    outside, seconds = [], []
    truth_ys, truth_xs = np.nonzero(cases._mask(cases.BUNNY_MASK))
    for ground in RABBIT_GROUNDS:
        for height, left, bottom in RABBIT_SIZES:
            rgb, body = cases._placed("rabbit", height, left, bottom)
            scale = height / (truth_ys.max() + 1 - truth_ys.min())
            click = (round(left + (cases.RABBIT_BACK[0] - truth_xs.min()) * scale),
                     round(bottom - height + (cases.RABBIT_BACK[1] - truth_ys.min()) * scale))
            image = cases._paste(cases.background(ground), rgb, body)
            for mirrored in (False, True):
                picture, truth, point = image, body, click
                if mirrored:
                    picture, truth = np.ascontiguousarray(image[:, ::-1]), body[:, ::-1]
                    point = (image.shape[1] - 1 - click[0], click[1])
                started = time.process_time()
                selected = grabcut_gestures(Image.fromarray(picture), Gestures.click(*point)) > 127
                seconds.append(time.process_time() - started)
                lefts.setdefault(ground, []).append(float((truth & ~selected).sum() / truth.sum()))
                outside.append(float((selected & ~truth).sum() / max(1, selected.sum())))
    every = [v for values in lefts.values() for v in values]
    return {"case": "rabbit clicked on its back, 6 sizes", "runs": len(every),
            "left_at_goal": sum(v <= 0.05 for v in every), "left_median": round(statistics.median(every), 4),
            "left_max": round(max(every), 4), "outside_max": round(max(outside), 4),
            "cpu_seconds_median": round(statistics.median(seconds), 3),
            "left_by_ground": {g: [round(v, 4) for v in values] for g, values in lefts.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON)
    args = parser.parse_args()
    dog = Image.open(DATA / "overture-creations-5sI6fQgYIuo.png").convert("RGB")
    truth = np.asarray(Image.open(DATA / "overture-creations-5sI6fQgYIuo_mask_with_tail.png").convert("L")) > 127
    tail = truth.copy()
    tail[:SEAT] = False
    body = truth & ~tail
    body[SEAT - 20:] = False  # not the paws on the seat's edge
    cases: dict[str, list[Gestures]] = {
        "one click on the body": [Gestures.click(*p) for p in _sample(body, 24, 0)],
        "body + one tail click": [Gestures.of(add(*BODY), add(*p)) for p in _sample(tail, 12, 1)],
        "body + three tail clicks": [Gestures.of(add(*BODY), add(240, 430), add(240, 400), add(245, 455))],
        "a box around the dog": [Gestures.of(box(*DOG_BOX))],
        "the box + one tail click": [Gestures.of(box(*DOG_BOX), add(240, 430))],
    }
    rows = []
    for name, runs in cases.items():
        ious, tails, seconds = [], [], []
        for gestures in runs:
            started = time.process_time()
            selected = grabcut_gestures(dog, gestures) > 127
            seconds.append(time.process_time() - started)
            ious.append(float((selected & truth).sum() / (selected | truth).sum()))
            tails.append(float((selected & tail).sum() / tail.sum()))
        rows.append({"case": name, "runs": len(runs), "iou_mean": round(statistics.mean(ious), 3),
                     "iou_min": round(min(ious), 3), "tail_share_mean": round(statistics.mean(tails), 3),
                     "cpu_seconds_median": round(statistics.median(seconds), 3)})
    rows.append(_rabbit_sizes())
    print(f"{'case':<28} {'runs':>4} {'IoU mean':>9} {'IoU min':>8} {'tail':>6} {'CPU s':>6}")
    for row in rows[:-1]:
        print(f"{row['case']:<28} {row['runs']:>4} {row['iou_mean']:>9.3f} {row['iou_min']:>8.3f} "
              f"{row['tail_share_mean']:>6.0%} {row['cpu_seconds_median']:>6.2f}")
    sizes = rows[-1]
    print(f"rabbit clicked on its back, {sizes['runs']} clicks: left out ≤ 5 % in {sizes['left_at_goal']}, "
          f"median {sizes['left_median']:.1%}, max {sizes['left_max']:.1%}; not the rabbit max {sizes['outside_max']:.1%}; "
          f"CPU s median {sizes['cpu_seconds_median']:.2f}")
    print("  left out per click (ground: sizes 300 … 480, left then right):")
    for ground, lefts in sizes["left_by_ground"].items():
        print(f"  {ground:<8}" + " ".join(f"{v:5.1%}" for v in lefts))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"machine": platform.platform(), "rows": rows}, indent=2), encoding="utf-8")
    print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
