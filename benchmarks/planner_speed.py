"""How fast the rules planner is over real requests (CPU time per request, steady state).

Every request of the corpus (`--corpus`, the jsonl that ../shared/tools/real_requests.py builds) is planned
`--runs` times after a warm-up of 300; each request keeps its best CPU time, so a moment of load on a shared
machine does not move the figures. Prints p50 / p95 / p99 / mean in ms and, with `--profile N`, the N functions
with the most time of their own (cProfile, one more pass) — where to look first when the p95 grows. `--slowest 0.05`
profiles only the slowest 5 % of requests (by their best time): what the p95 is made of, which is not always what the
mean is (long multi-clause requests meet every handler several times).

    .venv/bin/python benchmarks/planner_speed.py --corpus /work/corpus/real.jsonl [--runs 3] [--profile 25]
        [--slowest 0.05]

The goal is p95 <= 2 ms (docs/planner.md). Compare two versions side by side on the same machine at the same
time, never against a number from another day. Not a test: nothing asserts on time.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from retouch.agent.planner import rules_lexicon  # noqa: E402
from retouch.agent.planner.rules import RulesPlanner  # noqa: E402

WARM_UP = 300
"""Requests planned before timing: every pattern a request may touch is compiled on first use (`LazyPattern`)."""


def best_times(texts: list[str], runs: int) -> list[float]:
    """Each request's best CPU seconds over `runs` passes."""
    planner = RulesPlanner()
    rules_lexicon.compile_all()
    for text in texts[:WARM_UP]:
        planner.plan(text)
    best = [float("inf")] * len(texts)
    for _ in range(runs):
        for index, text in enumerate(texts):
            start = time.process_time()
            planner.plan(text)
            best[index] = min(best[index], time.process_time() - start)
    return best


def summary(seconds: list[float]) -> str:
    ordered = sorted(seconds)
    n = len(ordered)
    at = lambda share: ordered[min(n - 1, int(n * share))] * 1000     # noqa: E731
    return (f"p50 {at(0.5):.3f} ms  p95 {at(0.95):.3f} ms  p99 {at(0.99):.3f} ms  "
            f"mean {sum(ordered) / n * 1000:.3f} ms  (n={n})")


def slowest(texts: list[str], seconds: list[float], share: float) -> list[str]:
    """The `share` of `texts` with the longest best times (all of them for a share of 1), in corpus order."""
    if share >= 1:
        return texts
    keep = max(1, round(len(texts) * share))
    chosen = set(sorted(range(len(texts)), key=seconds.__getitem__)[-keep:])
    return [text for index, text in enumerate(texts) if index in chosen]


def profile(texts: list[str], top: int) -> None:
    planner = RulesPlanner()
    for text in texts:
        planner.plan(text)
    profiler = cProfile.Profile()
    profiler.enable()
    for text in texts:
        planner.plan(text)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("tottime").print_stats(top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", required=True, help="the real requests, one JSON object with 'text' a line")
    parser.add_argument("--runs", type=int, default=3, help="passes over the corpus; each request keeps its best")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="also print the N costliest functions")
    parser.add_argument("--slowest", type=float, default=1.0, metavar="SHARE",
                        help="profile only this share of the requests, the slowest (e.g. 0.05); default all")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if not 0 < args.slowest <= 1:
        parser.error("--slowest is a share of the requests: above 0 and at most 1 (0.05 for the slowest 5 %)")
    texts = [json.loads(line)["text"] for line in Path(args.corpus).read_text(encoding="utf-8").splitlines()
             if line.strip()]
    best = best_times(texts, args.runs)
    print(f"rules planner, best of {args.runs} per request: {summary(best)}")
    if args.profile:
        profiled = slowest(texts, best, args.slowest)
        which = "all" if args.slowest == 1 else f"the slowest {args.slowest:.0%}"
        print(f"profile of {len(profiled)} requests ({which}):")
        profile(profiled, args.profile)


if __name__ == "__main__":
    main()
