"""`retouch mask IMG "the person on the left" -o MASK.png [--overlay LOOK.png]`: words → a mask file.

The words go through the same planner and the same executor as an edit: the plan's `select` and
`region` calls (and a `refine_mask` with no edit after it) run exactly as they would inside
"remove the person on the left", so the mask written here is the mask an edit would use. A plan
the planner only understands as an edit ("the person on the left" alone is not a request) is
read as "remove …" and its edit dropped.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

from retouch.tools.errors import RetouchError

_SELECT_VERBS = re.compile(r"^\s*(?:please\s+)?(?:select|mask|pick|choose|find|segment|outline|highlight|get)\b\s*",
                           re.IGNORECASE)


def add_parsers(commands: Any) -> None:
    mask = commands.add_parser(
        "mask", help="write the mask for a description, e.g. 'the person on the left'",
        description="Find what the words describe and write its mask (white = selected). Nothing is edited.")
    mask.add_argument("image", help="the photo (never modified)")
    mask.add_argument("words", nargs="*", help="what to select, e.g. the person on the left (or --point)")
    mask.add_argument("-o", "--output", metavar="MASK", required=True, help="the mask to write (PNG: white = selected)")
    mask.add_argument("--overlay", metavar="LOOK", help="also write the photo with the mask tinted over it")
    mask.add_argument("--force", action="store_true", help="overwrite MASK / LOOK if they exist")
    mask.add_argument("--finder", default=None, help="finder backend: auto, embedded, grounded-sam, none "
                                                     "(default: auto, or the config file's)")
    mask.add_argument("--planner", default=None, help="planner backend (default: rules, or the config file's)")
    mask.add_argument("--json", action="store_true", help="print what was selected as JSON")
    mask.add_argument("--point", metavar="X,Y", help="select the thing at this pixel instead of naming it "
                                                     "(a found person or face, else an outline from the point)")
    mask.set_defaults(handler=run_mask)


def run_mask(args: argparse.Namespace) -> int:
    from retouch.agent import registry
    from retouch.agent.config import load_config
    from retouch.agent.executor import Backends, Executor
    from retouch.agent.planner.base import PlanningContext
    from retouch.tools.imageio import load_image, mask_to_image, save_image
    from retouch.tools.masks import coverage
    from retouch.tui.commands.common import check_output, print_err

    out = check_output(args.output, args.force)
    look = check_output(args.overlay, args.force)
    image = load_image(args.image)
    words = " ".join(args.words).strip()
    if args.point is not None:
        return _mask_at_point(args, image, words, out, look)
    if not words:
        raise RetouchError("nothing to select", 'Say what to select, e.g. retouch mask IMG "the person on the left".')

    config = load_config()
    planner_name = args.planner or config.planner
    planner = registry.load("planner", planner_name, **config.backend_options.get(planner_name, {}))
    calls, reply = selection_calls(planner, words, PlanningContext(image_size=image.size))
    finder = args.finder or config.finder
    backends = Backends(finder_name=finder, inpainter_name=config.inpainter, options=config.backend_options)
    result = Executor(backends).run(calls, image, base_dir=Path.cwd())
    mask = result.mask
    if mask is None or not mask.any():
        raise RetouchError(f"“{words}” selected nothing", "Name something in the photo, or describe an area.")

    save_image(mask_to_image(mask), out, overwrite=args.force)
    if look is not None:
        from retouch.tools.overlay import overlay

        save_image(overlay(image, mask), look, overwrite=args.force)
    summary = describe(result.records, coverage(mask))
    if args.json:
        print(json.dumps({"mask": str(out), "overlay": str(look) if look else None, "coverage": round(coverage(mask), 4),
                          "plan": [call.model_dump() for call in calls], "steps": _steps(result.records)}, indent=2))
    print_err(summary)
    print_err(f"wrote {out}" + (f" and {look}" if look else ""))
    return 0


def _mask_at_point(args: argparse.Namespace, image: Any, words: str, out: Path | None, look: Path | None) -> int:
    """`--point X,Y`: the thing at that pixel, chosen as the chat's click chooses it."""
    from retouch.agent.config import load_config
    from retouch.agent.executor import Backends
    from retouch.tools.imageio import mask_to_image, save_image
    from retouch.tools.masks import coverage
    from retouch.tools.point_select import parse_point, select_at_point
    from retouch.tui.commands.common import print_err

    if words:
        raise RetouchError("give either the words or --point, not both",
                           f"--point picks what is there; drop “{words}”.")
    config = load_config()
    backends = Backends(finder_name=args.finder or config.finder, inpainter_name=config.inpainter,
                        options=config.backend_options)
    pick = select_at_point(image, parse_point(args.point), backends.finder())
    save_image(mask_to_image(pick.mask), out, overwrite=args.force)
    if look is not None:
        from retouch.tools.overlay import overlay

        save_image(overlay(image, pick.mask), look, overwrite=args.force)
    if args.json:
        print(json.dumps({"mask": str(out), "overlay": str(look) if look else None,
                          "coverage": round(coverage(pick.mask), 4), "point_selection": pick.to_record()}, indent=2))
    print_err(f"selected {pick.describe()}: {coverage(pick.mask):.1%} of the image")
    print_err(f"wrote {out}" + (f" and {look}" if look else ""))
    return 0


def selection_calls(planner: Any, words: str, context: Any) -> tuple[list[Any], str]:
    """The select/region steps the planner makes of `words` (resolved by the policy), and its reply.

    Later selections add to earlier ones ("the dog and the cat" is one mask of both)."""
    from retouch.agent.plan import Plan, RefineMaskCall, RegionCall, SelectCall
    from retouch.agent.policy import resolve_plan

    plan = planner.plan(words, context)
    if not plan.calls:
        plan = planner.plan("select " + _SELECT_VERBS.sub("", words), context)
    kept: list[Any] = []
    for index, call in enumerate(plan.calls):
        if isinstance(call, (SelectCall, RegionCall)):
            if kept and any(isinstance(c, (SelectCall, RegionCall)) for c in kept):
                call = call.model_copy(update={"args": call.args.model_copy(update={"add": True})})
            kept.append(call)
        elif isinstance(call, RefineMaskCall) and kept and not _edit_follows(plan.calls[index + 1:]):
            kept.append(call)
    if not kept:
        reason = plan.reply or "I don't know what to select"
        raise RetouchError(f"“{words}” doesn't name anything to select ({reason.rstrip('.')})",
                           "Name a thing (the person on the left, the dog) or an area (the left half).")
    resolved, _ = resolve_plan(Plan(calls=kept, reply=plan.reply))
    return list(resolved.calls), plan.reply


def _edit_follows(calls: list[Any]) -> bool:
    from retouch.agent.plan import RegionCall, SelectCall

    for call in calls:
        if isinstance(call, (SelectCall, RegionCall)):
            return False
        if call.tool in ("inpaint", "outpaint", "adjust", "crop"):
            return True
    return False


def _steps(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{key: record[key] for key in ("tool", "args", "selection", "box", "seconds") if key in record}
            for record in records]


def describe(records: list[dict[str, Any]], share: float) -> str:
    """One line: what each step selected, and how much of the photo that is."""
    from retouch.tools.spatial import plural

    parts = []
    for record in records:
        if record["tool"] == "select":
            selection = record.get("selection", {})
            chosen = selection.get("chosen", [])
            found = selection.get("found", len(chosen))
            label = chosen[0]["label"] if chosen else record["args"]["target"]
            what = (f"all {found} {plural(label, found)}" if len(chosen) == found and found > 1
                    else f"{len(chosen)} of {found} {plural(label, found)}" if found > 1 else f"the {label}")
            if record["args"].get("exclude"):
                what = f"everything except {what}"
            parts.append(f"{what} ({selection.get('finder', '?')})")
        elif record["tool"] == "region":
            parts.append("a region" + (f" {record['box']}" if "box" in record else ""))
    return f"selected {', '.join(parts) or 'an area'}: {share:.1%} of the image"
