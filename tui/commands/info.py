"""`retouch info IMG [--json]`: how a Retouch PNG was made — every step, its plan, seeds and backends."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from retouch.tools.errors import RetouchError


def add_parsers(commands: Any) -> None:
    info = commands.add_parser(
        "info", help="print how a Retouch image was made (the metadata inside the PNG)",
        description="Every PNG Retouch writes carries its history: the original's name and checksum, and for "
                    "each step the words, the resolved plan (settings and seeds) and the backends used. "
                    "Replay it on an image with: retouch apply IMG.png --image ORIGINAL")
    info.add_argument("image", help="a PNG written by Retouch (a session version or an -o output)")
    info.add_argument("--json", action="store_true", help="print the metadata as JSON")
    info.set_defaults(handler=run_info)


def run_info(args: argparse.Namespace) -> int:
    from retouch.tools.provenance import read_provenance
    from retouch.tui.commands.common import print_out

    path = Path(args.image).expanduser()
    metadata = read_provenance(path)
    if metadata is None:
        raise RetouchError(f"{path.name} carries no Retouch metadata",
                           "Only PNGs written by Retouch have it (converting or re-saving elsewhere drops it).")
    # The words inside came from wherever the file did: printed through the sanitiser, never raw.
    print_out(json.dumps(metadata, indent=2, ensure_ascii=True) if args.json else render(path, metadata))
    return 0


def _pointed(step: dict[str, Any]) -> str:
    """"at (252, 262)" / "from 2 points, the box …" — or why the step can't be read."""
    from retouch.tools.gestures import Gestures

    try:
        return Gestures.from_step(step).where()
    except RetouchError as exc:
        return f"(unreadable: {exc.message})"


def render(path: Path, metadata: dict[str, Any]) -> str:
    """The history as lines. It came from wherever the file did, so any field may hold anything:
    what isn't shaped as Retouch writes it is shown as unreadable, never trusted."""
    from retouch.agent.plan_summary import plan_line

    source = metadata.get("source") if isinstance(metadata.get("source"), dict) else {}
    name = _text(source.get("name"), "?")
    checksum = _text(source.get("sha256"), "")[:12]
    lines = [f"{path.name}: made by Retouch {_text(metadata.get('retouch'), '?')} from {name}"
             + (f" (sha256 {checksum}…)" if checksum else "")]
    for number, step in enumerate(metadata["steps"], start=1):
        if not isinstance(step, dict):
            lines.append(f"{number:>3}. (unreadable step)")
            continue
        kind = _text(step.get("kind"), "?")
        if kind == "mask":
            lines.append(f"{number:>3}. mask    a {_text(step.get('source'), 'mask file')} (not stored in the PNG)")
            continue
        if kind == "point":
            lines.append(f"{number:>3}. point   what is {_pointed(step)} (clicks, or --point/--box)")
            continue
        backends = step.get("backends") if isinstance(step.get("backends"), dict) else {}
        used = [f"{_text(role, '?')} {_text(info.get('backend'), '?')}"
                + (f" {_text(info['model'], '')}" if info.get("model") else "")
                for role, info in backends.items() if isinstance(info, dict)]
        lines.append(f"{number:>3}. {kind:<7} {_text(step.get('words'), '')!r}")
        lines.append(f"        {plan_line(step.get('plan') or {})}"
                     + (f"   [{'; '.join(used)}]" if used else ""))
    lines.append(f"replay: retouch apply {path} --image {name if name != '?' else 'ORIGINAL'}")
    return "\n".join(lines)


def _text(value: object, default: str) -> str:
    """A string field as shown (cut to 200 characters); anything else is the default."""
    return value[:200] if isinstance(value, str) else default
