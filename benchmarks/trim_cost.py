"""What finding a plain border costs (`tools.trim.find_border`, the measuring behind crop trim).

The astronaut photo (scikit-image, public domain) scaled to each size inside a white frame of 5 % a side,
saved as JPEG and read back (so the frame carries JPEG noise); the border is measured `--runs` times, best
CPU seconds kept, with the peak of memory numpy and OpenCV allocate through Python (tracemalloc) on one run,
and whether the box found is within 1 px of the photo.

    .venv/bin/python benchmarks/trim_cost.py [--runs 3]

Writes benchmarks/results/trim_cost.json. Not a test: nothing asserts on time.
"""

from __future__ import annotations

import argparse
import io
import json
import platform
import sys
import time
import tracemalloc
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from retouch.tools.trim import find_border  # noqa: E402

SIZES = ((512, 512), (1024, 768), (2048, 1536), (4096, 3072))
FRAME_SHARE = 0.05
DEFAULT_JSON = ROOT / "benchmarks" / "results" / "trim_cost.json"


def framed(size: tuple[int, int]) -> tuple[Image.Image, tuple[int, int, int, int]]:
    from skimage import data

    width, height = size
    left, top = round(width * FRAME_SHARE), round(height * FRAME_SHARE)
    photo = Image.fromarray(data.astronaut()).resize((width - 2 * left, height - 2 * top))
    canvas = Image.new("RGB", size, "white")
    canvas.paste(photo, (left, top))
    buffer = io.BytesIO()
    canvas.save(buffer, "JPEG", quality=85)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("RGB"), (left, top, width - left, height - top)


def measure(size: tuple[int, int], runs: int) -> dict:
    image, truth = framed(size)
    cpu = []
    for _ in range(runs):
        started = time.process_time()
        found = find_border(image)
        cpu.append(time.process_time() - started)
    tracemalloc.start()
    find_border(image)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    box = found.box if found else None
    return {"size": f"{size[0]}x{size[1]}", "cpu_s": round(min(cpu), 4), "peak_mib": round(peak / 2**20, 1),
            "box": box, "truth": truth,
            "within_1px": bool(box) and all(abs(a - b) <= 1 for a, b in zip(box, truth))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON)
    args = parser.parse_args()
    rows = [measure(size, max(1, args.runs)) for size in SIZES]
    print(f"{'size':>10} {'cpu s':>8} {'peak MiB':>9}  within 1 px")
    for row in rows:
        print(f"{row['size']:>10} {row['cpu_s']:>8.3f} {row['peak_mib']:>9.1f}  {row['within_1px']}")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"machine": platform.platform(), "rows": rows}, indent=1))
    print(f"wrote {args.json.relative_to(ROOT) if args.json.is_relative_to(ROOT) else args.json}")


if __name__ == "__main__":
    main()
