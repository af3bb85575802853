"""History moves and saving: "undo", "undo the last 3 edits", "go back to the original", "revert to
version 2", "redo", "save it as out.png".

A save path is taken exactly as written — a leading `~` stays (the saver expands it) — and only a
name with an image extension counts as a path; "save it" alone writes `edited.png`. History and save
calls change no pixels; the agent runs them on the session.
"""

from __future__ import annotations

import re

from retouch.agent.plan import HistoryArgs, HistoryCall, SaveArgs, SaveCall, field_bounds
from retouch.agent.planner.base import PlanningContext
from retouch.agent.planner.rules_lexicon import rx
from retouch.agent.planner.rules_numbers import within
from retouch.agent.planner.rules_steps import Step, ask, whole_clause_read
from retouch.agent.planner.rules_text import Settings, Words, number

_COUNT = r"(?<![\w.])(?P<n>\d+(?:\.\d+)?|{HISTORY_COUNTS})\b"
_REVERT_ORIGINAL = rx(
    r"\b{GO_BACK_VERBS}\s+(?:all\s+the\s+way\s+)?(?:to\s+)?(?:(?:the|my)\s+)?{ORIGINAL_WORDS}\b"
    r"|\b{START_OVER}\b|^reset\b|\b{UNDO_ALL}\b|\bshow\s+(?:me\s+)?the\s+original\b")
_REVERT_N = rx(
    r"\b{SHOW_VERSION_VERBS}\s+(?:to\s+)?{VERSION_WORDS}\s*#?\s*(?P<n>\d+)\b"
    r"|\b(?:go\s+back|revert|jump\s+back|roll\s*back)\s+to\s+(?P<m>\d+)\b")
_UNDO = rx(r"^{UNDO_VERBS}\b(?P<rest>.*)$|\b(?:undo|revert)\s+(?:that|it|this|the\s+last\b.*)$"
           r"|^that'?s\s+(?:worse|wrong)")
_REDO = rx(r"^{REDO_VERBS}\b(?P<rest>.*)$")
_A_PART = rx(r"\s+(?:(?:the|his|her|their|my|our|its|your)\s+)?(?:\w+\s+)?{FIXABLE_PARTS}\b")
_HOW_MANY = rx(_COUNT + r"(?:\s+(?:times|steps|edits|changes|more))?")
_SAVE = rx(
    r"\b{SAVE_VERBS}\b(?:\s+(?:it|this|that|the\s+{SAVED_THINGS}))?(?:\s+(?:as|to|in|into|under))?"
    r"(?:\s+(?:a\s+)?(?:file\s+)?(?:called|named))?\s*"
    r"(?P<path>\"[^\"]{1,4096}\"?|'[^']{1,4096}'?|[\w~./\\-][^\s\"',;]*)?")
_PATH_LIKE = rx(r"[/\\~]|\.[a-z0-9]{1,5}$")
"""A name with a folder, a home (~) or an extension is a path, kept exactly as written — the saver
expands ~ and refuses what it can't write ("save it as /etc/passwd" is passed on, not replaced)."""
_SAVE_LEAD = re.compile(r"^(?:save|export|download)\b")
_SPACED_NAME = rx(r"(?P<name>[\w~./\\-][^\"';,]{0,200}?\.(?i:{IMAGE_EXTENSIONS}))\s*[.!?]*\s*$")
"""A name with spaces that ends the request with an extension: 'save it as *my photo.png*'."""
_NAMED = re.compile(r"\b(?:as|called|named|to)\s*$")
_BARE_NAME = rx(r"(?!(?:{IMAGE_EXTENSIONS}|{SAVED_THINGS}|it|this|that|a|an|the|my|is|well|before|png|jpg)$)"
                r"[a-z0-9][\w-]{0,60}")
"""One word after 'as' that is a name, not a format or 'the image': 'save it as *holiday*'."""
_KEEP_NOT_SAVE = rx(r"\b(?:save|keep)\s+(?:the\s+)?{KEEP_NOT_SAVE}\b")
_FORMAT = rx(r"\b({IMAGE_EXTENSIONS})\b")
_AND_THEN = re.compile(r"\b(?:and|then)\b")
_TO_VERSION = re.compile(r"\b(?:to|version)\b")


def _count(rest: str) -> tuple[int, str]:
    """How many steps the words ask for, and what they said (for a question when it can't be)."""
    m = _HOW_MANY.search(rest)
    if not m:
        return 1, ""
    word = m.group("n")
    value = {"twice": 2, "thrice": 3}.get(word) or number(word) or 0
    return (int(value) if value == int(value) else -1), word


def _steps_problem(steps: int, said: str, action: str) -> Step | None:
    if within(steps, HistoryArgs, "steps"):
        return None
    low, high = field_bounds(HistoryArgs, "steps")
    return ask(f"I can {action} {low:g} to {high:g} steps at a time, not {said} — how many should I {action}?")


def parse_history(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """`_parse_history`, with any word it took whole and left unread said (`rules_steps.whole_clause_read`): 'undo
    that tambourine' undoes, and says 'tambourine' was left out, unsure."""
    return whole_clause_read(_parse_history(clause, ctx, settings), clause.low)


def _parse_history(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    low = clause.low.strip(" .!")
    if _REVERT_ORIGINAL.search(low):
        return [Step("history", [HistoryCall(args=HistoryArgs(action="revert", version=0))],
                     "going back to the original")]
    m = _REVERT_N.search(low)
    if m:
        version = int(m.group("n") or m.group("m"))
        if not within(version, HistoryArgs, "version"):
            return [ask(f"There is no version {version} — which version should I go back to?")]
        return [Step("history", [HistoryCall(args=HistoryArgs(action="revert", version=version))],
                     f"going back to version {version}")]
    m = _REDO.match(low)
    if m and _A_PART.match(m.group("rest")):
        m = None                                       # "redo her smile" regenerates it (a fix)
    if m:
        steps, said = _count(m.group("rest"))
        problem = _steps_problem(steps, said, "redo")
        if problem:
            return [problem]
        return [Step("history", [HistoryCall(args=HistoryArgs(action="redo", steps=steps))],
                     "redoing the last undone edit" if steps == 1 else f"redoing {steps} edits")]
    m = _UNDO.search(low)
    if m and not _AND_THEN.search(m.group("rest") or ""):
        rest = m.group("rest") or ""
        if _TO_VERSION.search(rest):
            return []
        steps, said = _count(rest)
        problem = _steps_problem(steps, said, "undo")
        if problem:
            return [problem]
        return [Step("history", [HistoryCall(args=HistoryArgs(action="undo", steps=steps))],
                     "undoing the last edit" if steps == 1 else f"undoing the last {steps} edits")]
    return []


def _is_path(m: re.Match[str]) -> bool:
    said = m.group("path") or ""
    return said[:1] in ("\"", "'") or bool(_PATH_LIKE.search(said.lower()))


def parse_save(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """`_parse_save`, with any word it took whole and left unread said (`rules_steps.whole_clause_read`)."""
    return whole_clause_read(_parse_save(clause, ctx, settings), clause.low)


def _parse_save(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    low = clause.low
    m = _SAVE.search(low)
    if not m or not (_is_path(m) or _SAVE_LEAD.match(low.strip())):
        return []
    if _KEEP_NOT_SAVE.search(low):
        return []
    said = clause.orig[m.start("path"):m.end("path")] if m.group("path") else ""
    quoted = said[:1] in ("\"", "'")
    spaced = _SPACED_NAME.match(clause.orig, m.start("path")) if m.group("path") and not quoted else None
    if spaced:                                         # "save it as my photo.png": the whole name, spaces and all
        path = spaced.group("name")
    elif quoted or _PATH_LIKE.search(said.lower()):
        path = said.strip("\"'") if quoted else said.rstrip(".!?")
    elif said and _NAMED.search(low[:m.start("path")]) and _BARE_NAME.fullmatch(said.lower()):
        path = f"{said}.png"                           # "save it as holiday" → holiday.png, and the reply says so
    else:
        fmt = _FORMAT.search(low)
        path = f"edited.{fmt.group(1) if fmt else 'png'}"
    if not path.strip():
        return [ask("Save it under which name? For example \"save it as out.png\".")]
    return [Step("save", [SaveCall(args=SaveArgs(path=path[:4096]))], f"saving the result as {path}")]
