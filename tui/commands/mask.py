"""`retouch mask IMG "the person on the left" -o MASK.png [--overlay LOOK.png]`: words → a mask file.

The mask is the one an edit with the same words would use (`retouch.agent.selection.find_mask`).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any



def add_parsers(commands: Any) -> None:
    mask = commands.add_parser(
        "mask", help="write the mask for a description, e.g. 'the person on the left'",
        description="Find what the words describe and write its mask (white = selected). Nothing is edited.")
    mask.add_argument("image", help="the photo (never modified)")
    mask.add_argument("words", nargs="*", help="what to select, e.g. the person on the left (or point at it: "
                                               "--point, --minus-point, --box)")
    mask.add_argument("-o", "--output", metavar="MASK", required=True, help="the mask to write (PNG: white = selected)")
    mask.add_argument("--overlay", metavar="LOOK", help="also write the photo with the mask tinted over it")
    mask.add_argument("--force", action="store_true", help="overwrite MASK / LOOK if they exist")
    mask.add_argument("--finder", default=None, help="finder backend: auto, embedded, grounded-sam, none "
                                                     "(default: auto, or the config file's)")
    mask.add_argument("--planner", default=None, help="planner backend (default: rules, or the config file's)")
    mask.add_argument("--json", action="store_true", help="print what was selected as JSON")
    from retouch.tui.commands.common import add_pick_option

    add_pick_option(mask)
    from retouch.tui.commands.pointing import add_pointing_options

    add_pointing_options(mask, "select")
    mask.set_defaults(handler=run_mask)


def run_mask(args: argparse.Namespace) -> int:
    from retouch.agent.config import load_config
    from retouch.agent.selection import find_mask, step_summaries
    from retouch.tools.imageio import load_image, mask_to_image, save_image
    from retouch.tui.commands.common import apply_pick_option, check_output, print_err, print_out

    out = check_output(args.output, args.force, inputs=(args.image,))
    look = check_output(args.overlay, args.force, inputs=(args.image,))
    image = load_image(args.image)
    words = " ".join(args.words).strip()
    if args.gestures:
        return _mask_at_point(args, image, words, out, look)
    config = load_config()
    apply_pick_option(args, config)
    found = find_mask(image, words, finder=args.finder, planner=args.planner, config=config)
    save_image(mask_to_image(found.mask), out, overwrite=args.force)
    if look is not None:
        from retouch.tools.overlay import overlay

        save_image(overlay(image, found.mask), look, overwrite=args.force)
    if args.json:
        print_out(json.dumps({"mask": str(out), "overlay": str(look) if look else None,
                              "coverage": round(found.coverage, 4),
                              "plan": [call.model_dump() for call in found.plan.calls],
                              "steps": step_summaries(found.records)}, indent=2))
    print_err(found.summary)
    for note in found.notes:
        print_err(f"note: {note}")
    print_err(f"wrote {out}" + (f" and {look}" if look else ""))
    return 0


def _mask_at_point(args: argparse.Namespace, image: Any, words: str, out: Path | None, look: Path | None) -> int:
    """`--point X,Y` (repeatable), `--minus-point X,Y`, `--box X0,Y0,X1,Y1`: the thing they point
    at, chosen as the chat's clicks choose it. Words beside them may only point ("this") or say how
    to refine it ("grow it by 10 px"); words that name a thing of their own are refused."""
    from retouch.agent.builder import build_backends, build_planner
    from retouch.agent.config import load_config
    from retouch.agent.executor import Executor
    from retouch.agent.planner.base import PlanningContext
    from retouch.agent.selection import pointing_refinements
    from retouch.tools.imageio import mask_to_image, save_image
    from retouch.tools.masks import coverage
    from retouch.tools.point_select import select_with_gestures
    from retouch.tui.commands.common import print_err, print_out
    from retouch.tui.commands.pointing import gestures_from

    gestures = gestures_from(args, image.size)
    config = load_config()
    refinements = []
    if words:
        planner = build_planner(args.planner, config)
        pointed = PlanningContext(image_size=image.size, has_selection=True, fresh_selection=True)
        refinements = pointing_refinements(planner, words, pointed)
    backends = build_backends(config, finder=args.finder)
    pick = select_with_gestures(image, gestures, backends.finder())
    mask = pick.mask
    if refinements:
        mask = Executor(backends).run(refinements, image, mask).mask
    save_image(mask_to_image(mask), out, overwrite=args.force)
    if look is not None:
        from retouch.tools.overlay import overlay

        save_image(overlay(image, mask), look, overwrite=args.force)
    if args.json:
        print_out(json.dumps({"mask": str(out), "overlay": str(look) if look else None,
                              "coverage": round(coverage(mask), 4), "point_selection": pick.to_record(),
                              "plan": [call.model_dump() for call in refinements]}, indent=2))
    print_err(f"selected {pick.describe()}: {coverage(mask):.1%} of the image"
              + (" after " + ", ".join(_refinement_text(call) for call in refinements) if refinements else ""))
    print_err(f"wrote {out}" + (f" and {look}" if look else ""))
    return 0


def _refinement_text(call: Any) -> str:
    from retouch.agent.plan_summary import call_summaries

    return call_summaries({"calls": [call.model_dump(mode="json")]})[0]
