"""How long a cold `retouch plan "…"` takes: a fresh process, from launch to the printed plan.

Each request runs `--runs` times as its own process (`retouch plan TEXT`), after one untimed run that fills the
planner's pattern cache (`agent/planner/rules_pattern_cache.py`) and the file cache. Reported per request: the
median and p90 of the wall time, and the median CPU time the process used (user + system) — on a machine shared
with other work the wall time grows with the load and the CPU time hardly does, so read both. Also:

- `first run`: the first request once more with an empty pattern cache — what the first `retouch plan` after an
  install (or after the word lists changed) costs;
- `import`: the planner's import alone (`python -X importtime -c "import retouch.agent.planner.rules"`), its own
  line's cumulative time, and a bare `python -c pass` for the interpreter's start.

The package is byte-compiled first (`compileall`, as `pip install` does), so no run pays for compiling its modules
(with `PYTHONDONTWRITEBYTECODE` set, Python would otherwise compile every module on every start). To time another
checkout of the same code base, put a folder holding its `retouch` package first on `PYTHONPATH`.

    .venv/bin/python benchmarks/plan_cold_start.py [--runs 7] [--nice N] [--json PATH] [--label NAME]

On a machine shared with other work, `--nice -10` (root only) runs the timed processes ahead of it: closer to what an
idle machine shows. The table says which was used, and the load average.

Prints a table and writes benchmarks/results/plan_cold_start.json. Not a test: nothing asserts on time.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RETOUCH = Path(sys.executable).parent / "retouch"
REQUESTS = (
    "remove the dog",
    "make it a little brighter",
    "erase the man standing on the right, then warm it up a little",
    "crop the bottom a bit, then brighten the sky and take out the lamp post behind the boy",
)
"""One-clause and multi-clause requests of our own."""
PLANNER_MODULE = "retouch.agent.planner.rules"


def timed(command: list[str], env: dict[str, str], cwd: str) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one process, run to its end."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=cwd)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    error = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if process.stderr:
        process.stderr.close()
    if process.returncode:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}): {error.strip()}")
    return wall, usage.ru_utime + usage.ru_stime


def import_seconds(env: dict[str, str], cwd: str) -> tuple[float, float]:
    """The planner module's cumulative import time from `-X importtime` (its own line), and the CPU seconds the
    import took (`time.process_time` around it, in a process of its own)."""
    result = subprocess.run([sys.executable, "-X", "importtime", "-c", f"import {PLANNER_MODULE}"], env=env, cwd=cwd,
                            capture_output=True, text=True, check=True)
    wall = next((int(fields[1]) / 1e6 for fields in (line.split("|") for line in result.stderr.splitlines())
                 if len(fields) == 3 and fields[2].strip() == PLANNER_MODULE), None)
    if wall is None:
        raise SystemExit(f"no import line for {PLANNER_MODULE}")
    cpu = subprocess.run([sys.executable, "-c", f"import time; start = time.process_time(); import {PLANNER_MODULE}; "
                          "print(time.process_time() - start)"], env=env, cwd=cwd, capture_output=True, text=True,
                         check=True)
    return wall, float(cpu.stdout)


def p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]


def byte_compile(cwd: str) -> list[str]:
    """Write the bytecode of every module of the package that will run (the folders `retouch` maps to)."""
    listing = subprocess.run([sys.executable, "-c", "import retouch, retouch.agent, retouch.tools, retouch.tui;"
                              "print('\\n'.join(p for m in (retouch, retouch.agent, retouch.tools, retouch.tui)"
                              " for p in m.__path__))"], cwd=cwd, capture_output=True, text=True, check=True)
    folders = listing.stdout.split()
    for folder in folders:
        compileall.compile_dir(folder, quiet=1)
    return folders


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="fresh processes per request")
    parser.add_argument("--label", default="", help="a name for this checkout in the table and the JSON")
    parser.add_argument("--nice", type=int, default=0, help="niceness of the timed processes (negative: root)")
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "results" / "plan_cold_start.json")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    with tempfile.TemporaryDirectory() as scratch:      # also the processes' folder: `-c` puts it first on sys.path
        folders = byte_compile(scratch)
        env = {**os.environ, "RETOUCH_PATTERN_CACHE": str(Path(scratch) / "patterns.bin")}
        nice = ["nice", "-n", str(args.nice)] if args.nice else []
        plan = [*nice, str(RETOUCH), "plan"]
        first_wall, first_cpu = timed([*plan, REQUESTS[0]], env, scratch)        # an empty pattern cache
        rows = []
        for text in REQUESTS:
            timed([*plan, text], env, scratch)                                    # untimed: caches filled
            runs = [timed([*plan, text], env, scratch) for _ in range(args.runs)]
            walls, cpus = [wall for wall, _ in runs], [cpu for _, cpu in runs]
            rows.append({"request": text, "wall_s": walls, "cpu_s": cpus, "median_wall_s": statistics.median(walls),
                         "p90_wall_s": p90(walls), "median_cpu_s": statistics.median(cpus)})
        imports = [import_seconds(env, scratch) for _ in range(args.runs)]
        python_start = [timed([*nice, sys.executable, "-c", "pass"], env, scratch) for _ in range(args.runs)]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")

    print(f"cold `retouch plan`{' (' + args.label + ')' if args.label else ''}, {args.runs} fresh processes each")
    print(f"{'request':<60} {'median s':>9} {'p90 s':>7} {'cpu s':>7}")
    for row in rows:
        print(f"{row['request'][:60]:<60} {row['median_wall_s']:>9.3f} {row['p90_wall_s']:>7.3f} "
              f"{row['median_cpu_s']:>7.3f}")
    print(f"{'first run, empty pattern cache: ' + REQUESTS[0]:<60} {first_wall:>9.3f} {'':>7} {first_cpu:>7.3f}")
    summary = {"median_import_s": statistics.median(wall for wall, _ in imports),
               "median_import_cpu_s": statistics.median(cpu for _, cpu in imports),
               "median_python_start_s": statistics.median(wall for wall, _ in python_start),
               "median_wall_all_s": statistics.median(wall for row in rows for wall in row["wall_s"]),
               "p90_wall_all_s": p90([wall for row in rows for wall in row["wall_s"]]),
               "median_cpu_all_s": statistics.median(cpu for row in rows for cpu in row["cpu_s"])}
    print(f"all requests: median {summary['median_wall_all_s']:.3f} s, p90 {summary['p90_wall_all_s']:.3f} s, "
          f"cpu {summary['median_cpu_all_s']:.3f} s")
    print(f"import of the planner: {summary['median_import_s']:.3f} s (-X importtime, median), "
          f"{summary['median_import_cpu_s']:.3f} s CPU; python -c pass {summary['median_python_start_s']:.3f} s")
    print(f"load average (1 min) at the end: {load:.2f} on {os.cpu_count()} cores; niceness {args.nice}")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    result = {"label": args.label, "runs_per_request": args.runs, "requests": rows,
              "first_run_empty_cache": {"request": REQUESTS[0], "wall_s": first_wall, "cpu_s": first_cpu},
              "import_s": [wall for wall, _ in imports], "import_cpu_s": [cpu for _, cpu in imports], **summary,
              "package_folders": folders, "python": sys.version.split()[0], "load_average_1min": load,
              "cores": os.cpu_count(), "nice": args.nice}
    args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
