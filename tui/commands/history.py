"""`retouch log`, `undo`, `redo`, `revert`: reading and moving through a session's versions."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from retouch.tui.commands.common import print_err, print_out


def add_parsers(commands: Any) -> None:
    log = commands.add_parser("log", help="list the steps of a session")
    log.add_argument("--session", required=True, metavar="DIR")
    log.add_argument("--json", action="store_true", help="print the journal lines")
    log.set_defaults(handler=run_log)

    for name, text in (("undo", "step back one version"), ("redo", "step forward again")):
        move = commands.add_parser(name, help=text)
        move.add_argument("--session", required=True, metavar="DIR")
        move.add_argument("--steps", type=_count, default=1, help="how many versions to move (at least 1)")
        move.set_defaults(handler=run_move)
    revert = commands.add_parser("revert", help="go back to version N (0 = the original)")
    revert.add_argument("version", type=int)
    revert.add_argument("--session", required=True, metavar="DIR")
    revert.set_defaults(handler=run_move)


def _count(text: str) -> int:
    """A number of steps for argparse: a whole number of at least 1 (argparse words the error)."""
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of steps (1 or more)")
    return int(text)


def run_log(args: argparse.Namespace) -> int:
    from retouch.agent.session import Session

    session = Session.open(Path(args.session))
    for entry in session.entries:
        print_out(json.dumps(entry, ensure_ascii=False) if args.json else log_line(entry, session.head))
    return 0


def log_line(entry: dict[str, Any], head: int) -> str:
    """One human line per journal entry; `*` marks the current version. The journal's shape was
    checked when it was read; the free-form parts (words, plan, timings) are read defensively."""
    kind = entry.get("kind")
    if kind == "open":
        return f"{'*' if head == 0 else ' '} v000  original  {entry.get('source', '')}"
    if kind == "edit":
        number = entry["output_version"]
        resolved = entry.get("resolved")
        calls = resolved.get("calls") if isinstance(resolved, dict) else None
        tools = ", ".join(str(call.get("tool", "?")) for call in (calls if isinstance(calls, list) else [])
                          if isinstance(call, dict))
        timings = entry.get("timings")
        seconds = timings.get("total_seconds") if isinstance(timings, dict) else None
        timing = f"  {seconds:.2f}s" if isinstance(seconds, (int, float)) and not isinstance(seconds, bool) else ""
        extra = f"  +{len(entry['variations'])} variations" if entry.get("variations") else ""
        return (f"{'*' if head == number else ' '} v{number:03d}  from v{entry.get('input_version', 0):03d}  "
                f"{entry.get('words', '')!r}  [{tools}]{timing}{extra}")
    if kind == "select":
        return f"       selection  {entry.get('words', '')!r}  ({entry.get('mask')})"
    if kind == "history":
        return f"       {entry['action']}  v{entry['from']:03d} → v{entry['to']:03d}"
    return f"       {kind}"


def run_move(args: argparse.Namespace) -> int:
    from retouch.agent.session import Session

    session = Session.open(Path(args.session))
    if args.command == "undo":
        number = session.undo(args.steps)
    elif args.command == "redo":
        number = session.redo(args.steps)
    else:
        number = session.revert(args.version)
    print_err(f"now at v{number:03d}: {session.version_path()}")
    return 0
