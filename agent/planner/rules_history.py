"""History moves and saving: "undo", "undo the last 3 edits", "go back to the original", "revert to
version 2", "redo", "save it as out.png".

A save path is taken exactly as written — a leading `~` stays (the saver expands it) — and only a
name with an image extension counts as a path; "save it" alone writes `edited.png`. History and save
calls change no pixels; the agent runs them on the session.
"""

from __future__ import annotations

import re

from retouch.agent.plan import HistoryArgs, HistoryCall, SaveArgs, SaveCall
from retouch.agent.planner.base import PlanningContext
from retouch.agent.planner.rules_lexicon import rx
from retouch.agent.planner.rules_steps import Step
from retouch.agent.planner.rules_text import Settings, Words, number

_COUNT = r"(?P<n>\d{1,3}|{HISTORY_COUNTS})"
_REVERT_ORIGINAL = rx(
    r"\b{GO_BACK_VERBS}\s+(?:all\s+the\s+way\s+)?(?:to\s+)?(?:(?:the|my)\s+)?{ORIGINAL_WORDS}\b"
    r"|\b{START_OVER}\b|^reset\b|\b{UNDO_ALL}\b|\bshow\s+(?:me\s+)?the\s+original\b")
_REVERT_N = rx(
    r"\b{SHOW_VERSION_VERBS}\s+(?:to\s+)?{VERSION_WORDS}\s*#?\s*(?P<n>\d{1,4})\b"
    r"|\b(?:go\s+back|revert|jump\s+back|roll\s*back)\s+to\s+(?P<m>\d{1,4})\b")
_UNDO = rx(r"^{UNDO_VERBS}\b(?P<rest>.*)$|\b(?:undo|revert)\s+(?:that|it|this|the\s+last\b.*)$"
           r"|^that'?s\s+(?:worse|wrong)")
_REDO = rx(r"^{REDO_VERBS}\b(?P<rest>.*)$")
_HOW_MANY = rx(_COUNT + r"(?:\s+(?:times|steps|edits|changes|more))?")
_SAVE = rx(
    r"\b{SAVE_VERBS}\b(?:\s+(?:it|this|that|the\s+{SAVED_THINGS}))?(?:\s+(?:as|to|in|into|under))?"
    r"(?:\s+(?:a\s+)?(?:file\s+)?(?:called|named))?\s*"
    r"(?P<path>[\"']?[\w~./\\-]+\.{IMAGE_EXTENSIONS}[\"']?)?")
_SAVE_LEAD = re.compile(r"^(?:save|export|download)\b")
_KEEP_NOT_SAVE = rx(r"\b(?:save|keep)\s+(?:the\s+)?{KEEP_NOT_SAVE}\b")
_FORMAT = rx(r"\b(png|jpe?g|webp|tiff?)\b")
_AND_THEN = re.compile(r"\b(?:and|then)\b")
_TO_VERSION = re.compile(r"\b(?:to|version)\b")


def _count(rest: str) -> int:
    m = _HOW_MANY.search(rest)
    if not m:
        return 1
    word = m.group("n")
    value = {"twice": 2, "thrice": 3}.get(word) or number(word) or 1
    return int(min(1000, max(1, value)))


def parse_history(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    low = clause.low.strip(" .!")
    if _REVERT_ORIGINAL.search(low):
        return [Step("history", [HistoryCall(args=HistoryArgs(action="revert", version=0))],
                     "going back to the original")]
    m = _REVERT_N.search(low)
    if m:
        version = int(m.group("n") or m.group("m"))
        return [Step("history", [HistoryCall(args=HistoryArgs(action="revert", version=version))],
                     f"going back to version {version}")]
    m = _REDO.match(low)
    if m:
        steps = _count(m.group("rest"))
        return [Step("history", [HistoryCall(args=HistoryArgs(action="redo", steps=steps))],
                     "redoing the last undone edit" if steps == 1 else f"redoing {steps} edits")]
    m = _UNDO.search(low)
    if m and not _AND_THEN.search(m.group("rest") or ""):
        rest = m.group("rest") or ""
        if _TO_VERSION.search(rest):
            return []
        steps = _count(rest)
        return [Step("history", [HistoryCall(args=HistoryArgs(action="undo", steps=steps))],
                     "undoing the last edit" if steps == 1 else f"undoing the last {steps} edits")]
    return []


def parse_save(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    low = clause.low
    m = _SAVE.search(low)
    if not m or not (m.group("path") or _SAVE_LEAD.match(low.strip())):
        return []
    if _KEEP_NOT_SAVE.search(low):
        return []
    if m.group("path"):
        path = clause.orig[m.start("path"):m.end("path")].strip("\"'")
    else:
        fmt = _FORMAT.search(low)
        path = f"edited.{fmt.group(1) if fmt else 'png'}"
    return [Step("save", [SaveCall(args=SaveArgs(path=path[:4096]))], f"saving the result as {path}")]
