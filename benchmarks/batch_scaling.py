"""How does `retouch batch` scale: images per minute with 1 and 2 local workers and on Ray (2 CPUs).

The 50 photos are made from the six photos in tests/data — random crops (60–100 % of each side),
every other one mirrored, resized to a long side of 192–320 px (`testkit/photos.py`, seeded) —
and every run edits them with the built-in remover ("remove the left third": a region request, so
no model download and the same work on every photo). Each configuration writes into a fresh
OUTDIR through the real command (`retouch batch … --workers N`, `--ray auto`), so the times
include starting the workers and their first model load; Ray's own start (`ray.init`) is timed
separately and left out of its rate.

Reported: images/min, scaling efficiency (rate with 2 workers / (2 × rate with 1)), Ray's overhead
per image against the local pool with the same 2 CPUs, the median per-image work time from the
report, and the load average beside every row — the machine is shared, so read the figures with it.

    .venv/bin/python benchmarks/batch_scaling.py [--count 50] [--runs 1] [--request "remove the left third"]

Writes benchmarks/results/batch_scaling.json. Not a test: nothing asserts on time.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import logging
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CONFIGS = (("local, 1 worker", ["--workers", "1"]), ("local, 2 workers", ["--workers", "2"]),
           ("Ray, 2 CPUs", ["--ray", "auto"]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=50, help="how many photos (default 50)")
    parser.add_argument("--runs", type=int, default=1, help="runs per configuration; the table shows medians")
    parser.add_argument("--request", default="remove the left third")
    parser.add_argument("--no-ray", action="store_true", help="leave out the Ray row")
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "results" / "batch_scaling.json")
    args = parser.parse_args(argv)

    from testkit.photos import make_variants

    work = Path(tempfile.mkdtemp(prefix="batch-scaling-"))
    make_variants(work / "photos", args.count, sizes=(192, 320))
    script = work / "edits.txt"
    script.write_text(args.request + "\n", encoding="utf-8")
    ray_start = _start_ray() if not args.no_ray else None

    rows = []
    for label, flags in CONFIGS:
        if flags[0] == "--ray" and ray_start is None:
            continue
        runs = [_run(script, work / "photos", work / f"out-{len(rows)}-{run}", flags) for run in range(args.runs)]
        seconds = statistics.median(run["seconds"] for run in runs)
        steady = statistics.median(run["steady_images_per_minute"] or 0 for run in runs)
        rows.append({"config": label, "flags": flags, "seconds": round(seconds, 2),
                     "images_per_minute": round(args.count / seconds * 60, 1),
                     "steady_images_per_minute": steady,
                     "median_image_seconds": round(statistics.median(run["median_image_seconds"] for run in runs), 3),
                     "summary": runs[-1]["summary"], "load_before": runs[-1]["load_before"],
                     "load_after": runs[-1]["load_after"], "runs": runs})
    if ray_start is not None:
        import ray

        ray.shutdown()

    by_label = {row["config"]: row for row in rows}
    one, two = by_label["local, 1 worker"], by_label["local, 2 workers"]
    result = {
        "benchmark": "batch_scaling", "photos": args.count, "request": args.request,
        "photo_source": "tests/data photos: random crops 60-100%, every other mirrored, long side 192-320 px",
        "machine": {"python": platform.python_version(), "cores": os.cpu_count(),
                    "affinity": len(os.sched_getaffinity(0)), "platform": platform.platform()},
        "rows": rows,
        "scaling_efficiency_2_workers": round(two["images_per_minute"] / (2 * one["images_per_minute"]), 3),
        "steady_scaling_efficiency_2_workers": round(two["steady_images_per_minute"]
                                                     / (2 * one["steady_images_per_minute"]), 3),
    }
    if "Ray, 2 CPUs" in by_label:
        ray_row = by_label["Ray, 2 CPUs"]
        result["ray_init_seconds"] = round(ray_start or 0.0, 2)
        result["ray_overhead_seconds_per_image"] = round((ray_row["seconds"] - two["seconds"]) / args.count, 3)
        result["ray_steady_overhead_seconds_per_image"] = round(
            60 / ray_row["steady_images_per_minute"] - 60 / two["steady_images_per_minute"], 3)
    _print(result)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwrote {args.json}")
    return 0


def _start_ray() -> float | None:
    try:
        import ray
    except ImportError:
        print("Ray is not installed (pip install -e '.[ray]'): no Ray row", file=sys.stderr)
        return None
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    started = time.perf_counter()
    ray.init(num_cpus=2, include_dashboard=False, _node_ip_address="127.0.0.1", log_to_driver=False,
             logging_level=logging.ERROR)
    return time.perf_counter() - started


def _run(script: Path, photos: Path, out: Path, flags: list[str]) -> dict:
    """One real `retouch batch` in this process (its workers are processes or actors of their own)."""
    from retouch.tui.cli import main as retouch

    load_before = os.getloadavg()
    stdout = io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(io.StringIO()):
        code = retouch(["batch", str(script), str(photos), "-o", str(out), *flags])
    seconds = time.perf_counter() - started
    report = [json.loads(line) for line in (out / "report.jsonl").read_text(encoding="utf-8").splitlines()]
    if code != 0:
        raise SystemExit(f"retouch batch {' '.join(flags)} failed ({code}): {stdout.getvalue().strip()}")
    finished = sorted(datetime.fromisoformat(entry["finished"]).timestamp() for entry in report)
    steady = (len(finished) - 1) / (finished[-1] - finished[0]) * 60 if len(finished) > 2 else None
    return {"seconds": seconds, "summary": stdout.getvalue().strip(),
            "steady_images_per_minute": round(steady, 1) if steady else None,
            "median_image_seconds": statistics.median(entry["seconds"] for entry in report),
            "load_before": [round(value, 2) for value in load_before],
            "load_after": [round(value, 2) for value in os.getloadavg()]}


def _print(result: dict) -> None:
    print(f"{result['photos']} photos, {result['request']!r}, {result['machine']['affinity']} cores\n")
    print(f"{'configuration':<18} {'seconds':>8} {'img/min':>8} {'steady img/min':>15} {'s/image (worker)':>17}"
          f"  load 1-min before → after")
    for row in result["rows"]:
        print(f"{row['config']:<18} {row['seconds']:>8.1f} {row['images_per_minute']:>8.1f} "
              f"{row['steady_images_per_minute']:>15.1f} {row['median_image_seconds']:>17.3f}"
              f"  {row['load_before'][0]:.2f} → {row['load_after'][0]:.2f}")
    print(f"\nscaling efficiency, 2 workers: {result['scaling_efficiency_2_workers']:.0%} end to end, "
          f"{result['steady_scaling_efficiency_2_workers']:.0%} steady (first to last result)")
    if "ray_overhead_seconds_per_image" in result:
        print(f"Ray overhead vs the local pool: {result['ray_overhead_seconds_per_image'] * 1000:+.0f} ms per image "
              f"end to end, {result['ray_steady_overhead_seconds_per_image'] * 1000:+.0f} ms steady "
              f"(Ray's own start, not counted: {result['ray_init_seconds']:.1f} s)")
    print(f"summary line of the last run: {result['rows'][-1]['summary']}")


if __name__ == "__main__":
    raise SystemExit(main())
