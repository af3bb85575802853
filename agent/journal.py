"""The journal of a session: reading it line by line, checking each line, replaying it into state.

`journal.jsonl` holds one JSON object per step (see `agent.session` for the folder's layout). It
is the single source of truth, and it is a file a user may open, edit or damage: every line is
checked for the shape replay relies on before anything trusts it, file names must be plain names
inside the session, and a line whose versions don't follow from the lines before it (a version
made twice would make undo loop) is refused. Damage is one `RetouchError` naming the line.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from retouch.tools.errors import RetouchError, file_error

JOURNAL = "journal.jsonl"
MASKS = "masks"
SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
"""A file name the journal may use: plain, inside the session folder, no path."""
DAMAGED_HINT = "Fix or remove that line (every other line is intact), or start a new session."


@dataclass
class Version:
    number: int
    path: Path
    parent: int | None
    step: int | None
    """Index of the journal entry that made it (None for the original)."""
    variations: list[Path] = field(default_factory=list)
    words: str = ""


@dataclass
class SessionState:
    """Where the session stands, as derived from the journal."""

    head: int = 0
    redo: list[int] = field(default_factory=list)
    versions: dict[int, Version] = field(default_factory=dict)


def refuse_non_folder(root: Path) -> None:
    """A session path that is a file (a typo for the image, usually) is one line, not a traceback."""
    if root.exists() and not root.is_dir():
        raise RetouchError(f"{root} is a file, not a session folder",
                           "Give --session a folder (a new one starts a session there).")


def read_journal(root: Path) -> list[dict[str, Any]]:
    """Every line of the journal, each checked for the shape replay relies on; any damage is one
    RetouchError naming the line."""
    refuse_non_folder(root)
    journal = root / JOURNAL
    if not journal.is_file():
        raise RetouchError(f"{root} holds no session (no {JOURNAL})",
                           "Start one by giving an image, e.g. retouch edit IMG \"...\" --session DIR.")
    try:
        raw = journal.read_bytes()
    except OSError as exc:
        raise file_error(exc, journal, "read") from None
    entries = []
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line.decode("utf-8"))
        except (ValueError, RecursionError):  # not UTF-8 or JSON, a 4,300-digit number, nested too deep
            raise RetouchError(f"{journal} line {number} is damaged (not a JSON line)", DAMAGED_HINT) from None
        problem = entry_problem(entry)
        if problem:
            raise RetouchError(f"{journal} line {number} is damaged ({problem})", DAMAGED_HINT)
        entries.append(entry)
    if not entries or entries[0].get("kind") != "open":
        raise RetouchError(f"{journal} does not start with an 'open' entry", "It is not a Retouch session.")
    return entries


def entry_problem(entry: Any) -> str:
    """What is wrong with a journal entry's shape, or "" when replay can rely on it. File names must
    be plain names inside the session: a journal never points Retouch at a file elsewhere."""
    if not isinstance(entry, dict) or not isinstance(entry.get("kind"), str):
        return "not an object with a 'kind'"
    kind = entry["kind"]
    if kind == "open":
        return "" if _is_name(entry.get("file")) else "no valid 'file'"
    if kind == "edit":
        if not _is_count(entry.get("output_version")) or entry["output_version"] < 1:
            return "no valid 'output_version'"
        if "input_version" in entry and not _is_count(entry["input_version"]):
            return "no valid 'input_version'"
        if not _is_name(entry.get("file")):
            return "no valid 'file'"
        variations = entry.get("variations") or []
        if not isinstance(variations, list) or not all(_is_name(name) for name in variations):
            return "no valid 'variations'"
        if entry.get("mask") is not None and not _is_mask_name(entry["mask"]):
            return "no valid 'mask'"
        return ""
    if kind == "select":
        return "" if entry.get("mask") is None or _is_mask_name(entry["mask"]) else "no valid 'mask'"
    if kind == "history":
        if entry.get("action") not in ("undo", "redo", "revert"):
            return "no valid 'action'"
        if not (_is_count(entry.get("from")) and _is_count(entry.get("to")) and _is_count(entry.get("steps", 1))):
            return "no valid 'from', 'to' or 'steps'"
        return ""
    return ""  # a kind from a newer Retouch: kept, and skipped by replay


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_name(value: Any) -> bool:
    return isinstance(value, str) and bool(SAFE_NAME.match(value)) and ".." not in value


def _is_mask_name(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(f"{MASKS}/") and _is_name(value[len(MASKS) + 1:])


def replay(root: Path, entries: list[dict[str, Any]]) -> SessionState:
    """Where the session stands after `entries`: versions, their parents, the head, what redo brings."""
    state = SessionState()
    for index, entry in enumerate(entries):
        try:
            _replay_entry(root, state, index, entry)
        except (KeyError, TypeError, ValueError, AttributeError):
            raise RetouchError(f"{root / JOURNAL} line {index + 1} is damaged "
                               "(its versions don't follow from the lines before it)", DAMAGED_HINT) from None
    return state


def _replay_entry(root: Path, state: SessionState, index: int, entry: dict[str, Any]) -> None:
    kind = entry.get("kind")
    if kind == "open":
        state.versions[0] = Version(0, root / entry["file"], None, None)
        state.head = 0
    elif kind == "edit":
        number = entry["output_version"]
        parent = entry.get("input_version", state.head)
        if parent not in state.versions or number in state.versions:
            raise KeyError(number)  # a version made twice, or from one not made yet: a cycle waiting
        state.versions[number] = Version(
            number, root / entry["file"], parent, index,
            [root / name for name in entry.get("variations") or []], str(entry.get("words") or ""))
        state.head = number
        state.redo = []
    elif kind == "history":
        action, target, origin = entry["action"], entry["to"], entry["from"]
        if target not in state.versions or origin not in state.versions:
            raise KeyError(target)
        if action == "undo":
            chain, cursor = [], origin
            while cursor != target and cursor is not None:
                chain.append(cursor)
                cursor = state.versions[cursor].parent
            state.redo.extend(chain)
        elif action == "redo":
            del state.redo[-entry.get("steps", 1):]
        else:
            state.redo.append(origin)
        state.head = target
