"""`retouch mask IMG "the person on the left" -o MASK.png [--overlay LOOK.png]`: words → a mask file.

The mask is the one an edit with the same words would use (`retouch.agent.selection.find_mask`).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from retouch.tools.errors import RetouchError


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
    from retouch.tui.commands.common import add_pick_option

    add_pick_option(mask)
    mask.add_argument("--point", metavar="X,Y", help="select the thing at this pixel instead of naming it "
                                                     "(a found person or face, else an outline from the point)")
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
    if args.point is not None:
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
    """`--point X,Y`: the thing at that pixel, chosen as the chat's click chooses it."""
    from retouch.agent.builder import build_backends
    from retouch.agent.config import load_config
    from retouch.tools.imageio import mask_to_image, save_image
    from retouch.tools.masks import coverage
    from retouch.tools.point_select import parse_point, select_at_point
    from retouch.tui.commands.common import print_err, print_out

    if words:
        raise RetouchError("give either the words or --point, not both",
                           f"--point picks what is there; drop “{words}”.")
    config = load_config()
    backends = build_backends(config, finder=args.finder)
    pick = select_at_point(image, parse_point(args.point), backends.finder())
    save_image(mask_to_image(pick.mask), out, overwrite=args.force)
    if look is not None:
        from retouch.tools.overlay import overlay

        save_image(overlay(image, pick.mask), look, overwrite=args.force)
    if args.json:
        print_out(json.dumps({"mask": str(out), "overlay": str(look) if look else None,
                              "coverage": round(coverage(pick.mask), 4), "point_selection": pick.to_record()},
                             indent=2))
    print_err(f"selected {pick.describe()}: {coverage(pick.mask):.1%} of the image")
    print_err(f"wrote {out}" + (f" and {look}" if look else ""))
    return 0
