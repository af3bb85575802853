"""How well do gestures select a thing without weights?

On the dog photo, against the tight whole-dog mask with its tail (tests/data/README.md): one
click on the body (24 clicks sampled on it), body + one tail click (12 clicks sampled on the
tail), body + three tail clicks, a box around the dog, a box and a tail click. For each: IoU with
the truth, the share of the tail selected, and the CPU seconds the outline took.

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
    print(f"{'case':<28} {'runs':>4} {'IoU mean':>9} {'IoU min':>8} {'tail':>6} {'CPU s':>6}")
    for row in rows:
        print(f"{row['case']:<28} {row['runs']:>4} {row['iou_mean']:>9.3f} {row['iou_min']:>8.3f} "
              f"{row['tail_share_mean']:>6.0%} {row['cpu_seconds_median']:>6.2f}")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"machine": platform.platform(), "rows": rows}, indent=2), encoding="utf-8")
    print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
