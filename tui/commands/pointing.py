"""`--point`, `--minus-point` and `--box`: pointing at what to select, on `edit` and `mask`.

The three flags may be repeated and mixed; they are kept in the order given, which is the order
the gestures are applied in (as clicks in the chat). A point to take away has its own flag rather
than a sign: `--point -5,3` would read as a negative coordinate.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from retouch.tools.gestures import Gestures

POINTING_HELP = ("a found person or face, else an outline grown from the points (GrabCut); each flag may be "
                 "repeated, and they apply in the order given")


class _Gesture(argparse.Action):
    """Appends (kind, text) to `args.gestures`, so the three flags keep their order between them."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any,
                 option_string: str | None = None) -> None:
        kept = list(getattr(namespace, "gestures", None) or [])
        kept.append((self.const, str(values)))
        setattr(namespace, "gestures", kept)


def add_pointing_options(parser: argparse.ArgumentParser, what: str) -> None:
    """The gesture flags; `what` says what the selection is for ("select", "act on")."""
    group = parser.add_argument_group("pointing", f"{what} what the points and the box show ({POINTING_HELP})")
    group.add_argument("--point", metavar="X,Y", action=_Gesture, const="add", dest="gestures", default=None,
                       help="a pixel on the thing (repeat to add parts, e.g. a dog's body and its tail)")
    group.add_argument("--minus-point", metavar="X,Y", action=_Gesture, const="subtract", dest="gestures",
                       help="a pixel on something to leave out (e.g. the bench it sits on)")
    group.add_argument("--box", metavar="X0,Y0,X1,Y1", action=_Gesture, const="box", dest="gestures",
                       help="the thing lies inside this box (left, top, right, bottom in pixels; one box)")


def gestures_from(args: argparse.Namespace, size: tuple[int, int]) -> "Gestures | None":
    """The gestures the flags give, checked against a width × height image (None without any)."""
    flags = getattr(args, "gestures", None)
    if not flags:
        return None
    from retouch.tools.gestures import from_flags

    return from_flags(flags, size)
