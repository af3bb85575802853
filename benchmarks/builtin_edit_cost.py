"""Does a small built-in edit cost what it costs on a small photo, whatever the photo's size?

The built-in backend fills, feathers and composites inside the edit's box and pastes that back
(`tools.builtin_inpainter`), and the fill crops its own context (`tools.fill`), so a fixed
128×128 removal should cost about the same on 512² and 4096² inside the inpainter. This times
`BuiltinInpainter.inpaint` (remove, and recolour for contrast) for that hole in the middle of the
dog photo scaled to each size, best of `--runs`, wall and CPU seconds, and the ratio to 512².
Decoding, mask refinement and PNG encoding are outside the inpainter and not counted.

    .venv/bin/python benchmarks/builtin_edit_cost.py [--runs 3]

Writes benchmarks/results/builtin_edit_cost.json. Not a test: nothing asserts on time.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from retouch.tools.builtin_inpainter import BuiltinInpainter  # noqa: E402
from retouch.tools.inpaint import InpaintRequest  # noqa: E402

SIZES = (512, 1024, 2048, 4096)
HOLE = 128
DEFAULT_JSON = ROOT / "benchmarks" / "results" / "builtin_edit_cost.json"


def time_edit(size: int, task: str, runs: int) -> dict:
    with Image.open(ROOT / "tests" / "data" / "overture-creations-5sI6fQgYIuo.png") as opened:
        image = opened.convert("RGB").resize((size, size), Image.Resampling.LANCZOS)
    mask = np.zeros((size, size), np.uint8)
    top = left = size // 2 - HOLE // 2
    mask[top:top + HOLE, left:left + HOLE] = 255
    request = InpaintRequest(task=task, color="red", mask_blur=8, seed=0)
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        BuiltinInpainter().inpaint(image, mask, request)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return {"size": size, "task": task, "wall_s": round(min(walls), 3), "cpu_s": round(min(cpus), 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON)
    args = parser.parse_args(argv)
    rows = [time_edit(size, task, args.runs) for task in ("remove", "recolor") for size in SIZES]
    print(f"{'task':>8} {'photo':>10} {'wall s':>8} {'CPU s':>8} {'CPU ÷ 512²':>11}")
    for row in rows:
        base = next(r for r in rows if r["task"] == row["task"] and r["size"] == SIZES[0])
        row["cpu_ratio"] = round(row["cpu_s"] / max(base["cpu_s"], 1e-6), 2)
        print(f"{row['task']:>8} {row['size']:>5}²     {row['wall_s']:8.3f} {row['cpu_s']:8.3f} {row['cpu_ratio']:11.2f}")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"machine": platform.platform(), "hole": HOLE, "rows": rows}, indent=1))
    print(f"wrote {args.json.relative_to(ROOT) if args.json.is_relative_to(ROOT) else args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
