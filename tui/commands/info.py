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
    from retouch.agent.plan_summary import plan_line

    source = metadata.get("source") or {}
    checksum = str(source.get("sha256") or "")[:12]
    lines = [f"{path.name}: made by Retouch {metadata.get('retouch', '?')} from {source.get('name', '?')}"
             + (f" (sha256 {checksum}…)" if checksum else "")]
    for number, step in enumerate(metadata["steps"], start=1):
        if not isinstance(step, dict):
            lines.append(f"{number:>3}. (unreadable step)")
            continue
        kind = step.get("kind", "?")
        if kind == "mask":
            lines.append(f"{number:>3}. mask    a {step.get('source', 'mask file')} (not stored in the PNG)")
            continue
        if kind == "point":
            lines.append(f"{number:>3}. point   what is {_pointed(step)} (clicks, or --point/--box)")
            continue
        backends = step.get("backends") or {}
        used = [f"{role} {info.get('backend', '?')}" + (f" {info['model']}" if info.get("model") else "")
                for role, info in backends.items() if isinstance(info, dict)]
        lines.append(f"{number:>3}. {kind:<7} {str(step.get('words', ''))!r}")
        lines.append(f"        {plan_line(step.get('plan') or {})}"
                     + (f"   [{'; '.join(used)}]" if used else ""))
    lines.append(f"replay: retouch apply {path} --image {source.get('name', 'ORIGINAL')}")
    return "\n".join(lines)
