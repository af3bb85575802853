"""`retouch plan`: show what a request would do, as text or as the JSON plan contract."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from retouch.tools.errors import RetouchError


def add_parsers(commands: Any) -> None:
    plan = commands.add_parser("plan", help="print the plan for a request, without editing")
    plan.add_argument("words", nargs="*", help="the request, e.g. remove the person on the left")
    plan.add_argument("--json", action="store_true", help="print the plan as JSON")
    plan.add_argument("--schema", action="store_true", help="print the JSON schema of a plan")
    plan.add_argument("--image", help="plan for this image (its size informs pixel arithmetic)")
    plan.add_argument("--mask", help="plan as if this mask were already selected")
    plan.add_argument("--batch", metavar="FILE", help="one request per line in, one JSON plan per line out")
    plan.add_argument("--raw", action="store_true", help="show the planner's output before the policy fills it")
    plan.add_argument("--planner", default=None, help="planner backend (default: rules, or the config file's)")
    plan.set_defaults(handler=run_plan)


def run_plan(args: argparse.Namespace) -> int:
    from retouch.agent.builder import build_planner
    from retouch.agent.plan import plan_schema
    from retouch.agent.planner.base import PlanningContext
    from retouch.agent.policy import resolve_plan

    if args.schema:
        print(json.dumps(plan_schema(), indent=2))
        return 0
    planner = build_planner(args.planner)
    context = PlanningContext(image_size=_image_size(args.image) if args.image else None,
                              has_selection=bool(args.mask), fresh_selection=bool(args.mask))
    if args.batch:
        return _plan_batch(planner, context, Path(args.batch), args.raw)
    words = " ".join(args.words).strip()
    if not words:
        raise RetouchError("nothing to plan", 'Give the request in words, e.g. retouch plan "remove the dog".')
    plan = planner.plan(words, context)
    shown = plan if args.raw else resolve_plan(plan)[0]
    if args.json:
        print(shown.model_dump_json(indent=2))
        return 0
    from retouch.tui.commands.common import print_out

    print_out(shown.reply or "(no reply)")
    for call in shown.calls:
        settings = ", ".join(f"{k}={v}" for k, v in call.args.model_dump(exclude_defaults=True).items())
        print_out(f"  {call.tool}({settings})")
    return 0


def _plan_batch(planner: Any, context: Any, path: Path, raw: bool) -> int:
    """One plan per input line (JSONL); a line the planner chokes on gets an empty plan and a reason."""
    from retouch.agent.plan import Plan
    from retouch.agent.policy import resolve_plan

    if not path.exists():
        raise RetouchError(f"{path} does not exist", "Give a text file with one request per line.")
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            try:
                plan = planner.plan(line.rstrip("\n"), context)
                shown = plan if raw else resolve_plan(plan)[0]
            except Exception as exc:  # one bad line must not stop a batch
                shown = Plan(calls=[], reply=f"error: {exc}")
            print(shown.model_dump_json(), flush=True)
    return 0


def _image_size(path: str) -> tuple[int, int]:
    from retouch.tools.imageio import load_image

    return load_image(path).size
