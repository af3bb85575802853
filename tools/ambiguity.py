"""Asking which one: "remove the person" on a photo of two people is a question, never a guess.

`select` calls `ambiguity()` when a singular target ("the person") matches several things and
nothing in the request picks among them (no position, ordinal, size, count, "all", no describing
phrase) and no pick policy (`--pick largest|all|first`) decides. The question names the choices in
the order they stand in the picture; `choose()` turns a choice — in canonical values: the sides or
place named, a size, an order, a count, "all" — into the select qualifiers that make the request
exact, and refuses a choice that does not tell the things apart (two people of the same size and
"the bigger one"), so an answer can never become a silent guess either. Reading the user's reply
("the left one", "both", "never mind") into those values is the planner's: `agent.planner.answers`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any, Sequence

from retouch.tools.candidates import Candidate
from retouch.tools.errors import AmbiguousTarget, NothingFound, RetouchError
from retouch.tools.spatial import in_part, ordinal_word, pick, plural, rank_key

PICK_POLICIES = ("largest", "all", "first")
"""What decides when a request leaves the choice open: the largest, all of them, or the finder's
best match ("first" in its ranking). None (no policy) means ask."""

_AXIS_SIDES = {"horizontal": ("left", "right"), "vertical": ("top", "bottom")}
_TOLERANCE = {"side": 0.05, "corner": 0.01, "depth": 0.03, "size": math.log(1.1)}
"""How far apart two things must be along the answer's ranking for it to tell them apart."""


def is_qualified(*, target: str, phrase: str | None, position: str | None, ordinal: int | None,
                 size: str | None, count: int | None, all: bool) -> bool:
    """Whether the request itself says which one(s): a where-word, an order, a size, a count,
    "all", or a describing phrase the finder ranks by ("the woman in the green coat", "her left hand")."""
    if position is not None or ordinal is not None or size is not None or count is not None or all:
        return True
    return bool(phrase) and _bare(phrase) != _bare(target)


def policy_kwargs(policy: str) -> dict[str, Any]:
    """The `pick()` qualifiers a pick policy stands for."""
    if policy not in PICK_POLICIES:
        raise RetouchError(f"I don't know the pick policy {policy!r}", f"Use one of: {', '.join(PICK_POLICIES)}.")
    return {"largest": {"size": "largest"}, "all": {"all": True}, "first": {}}[policy]


def policy_note(policy: str, found: int, label: str) -> str:
    """What a pick policy did, for the notes under a reply: never a silent choice."""
    things = f"{found} {plural(label, found)}"
    taken = {"largest": "took the largest", "all": "took all of them", "first": "took the best match"}[policy]
    return f"{things} matched; the pick policy '{policy}' {taken}"


# ---- the question -----------------------------------------------------------------------------


def ambiguity(candidates: Sequence[Candidate], image_size: tuple[int, int], label: str) -> AmbiguousTarget:
    """The question for several matches of a singular target, with its choices in picture order."""
    n = len(candidates)
    axis = layout_axis(candidates, image_size)
    first, last = _AXIS_SIDES[axis]
    if n == 2:
        choices = [f"the {first} one", f"the {last} one", "both"]
        adds = [_where(first), _where(last), "both"]
    elif n == 3:
        choices = [f"the {first} one", "the one in the middle", f"the {last} one", "all three"]
        adds = [_where(first), "in the middle", _where(last), "all"]
    else:
        choices = [f"the {ordinal_word(k)} from the {first}" for k in range(1, n + 1)] + [f"all {n}"]
        adds = [f"second from the {first}", "all"]
    things = f"{n} {plural(label, n)}"
    if n <= 3:
        listing = ", ".join(choices[:-1]) + f", or {choices[-1]}"
    elif n <= 6:  # "the first from the left, the second, the third, the fourth, or all 4"
        listing = ", ".join([choices[0], *(f"the {ordinal_word(k)}" for k in range(2, n + 1))]) + f", or {choices[-1]}"
    else:
        listing = f"{choices[0]}, the second, …, the {ordinal_word(n)}, or {choices[-1]}"
    question = f"I see {things} — {listing}?"
    quoted = [f"'{add}'" for add in adds]
    say = ", ".join(quoted[:-1]) + f" or {quoted[-1]}" if n <= 3 else f"e.g. {quoted[0]} or {quoted[1]}"
    hint = f"Add {say}, or pass --pick {'|'.join(PICK_POLICIES)}."
    return AmbiguousTarget(question, choices, hint, label=label, candidates=list(candidates), image_size=image_size)


def layout_axis(candidates: Sequence[Candidate], image_size: tuple[int, int]) -> str:
    """"horizontal" when the things stand side by side more than one above the other."""
    width, height = (max(1, int(v)) for v in image_size)
    xs = [c.center[0] / width for c in candidates]
    ys = [c.center[1] / height for c in candidates]
    return "vertical" if max(ys) - min(ys) > max(xs) - min(xs) else "horizontal"


def _where(side: str) -> str:
    return f"on the {side}" if side in ("left", "right") else f"at the {side}"


# ---- the answer -------------------------------------------------------------------------------


@dataclass
class Answer:
    """A reply to the question: the select qualifiers it means and how to say it back."""

    updates: dict[str, Any] = field(default_factory=dict)
    said: str = ""
    cancel: bool = False


def choose(question: AmbiguousTarget, *, sides: Sequence[str] = (), size: str | None = None,
           ordinal: int | None = None, count: int | None = None, all: bool = False) -> Answer:
    """The choice an answer makes, in canonical values — `sides`: the places named ("left", "top", "center",
    "foreground", "background", "behind"; "top" and "left" together are the top-left), `size` "largest" or
    "smallest", `ordinal` (1 is the first, -1 the last), `count`, `all` — as select qualifiers, or a RetouchError
    that repeats the question when they can't pick (more than there are, a near-tie)."""
    n = len(question.candidates)
    if ordinal is not None and not (ordinal == -1 or 1 <= ordinal <= 100) or count is not None and not 1 <= count <= 100:
        raise repeat_question(question, f"there are {n}")
    axis = layout_axis(question.candidates, question.image_size or (1, 1))
    updates = _qualifiers(list(sides), size, ordinal, count, all, n, axis, question)
    _check_it_decides(updates, question)
    return Answer(updates=updates, said=_say(updates, n))


def _qualifiers(sides: list[str], size: str | None, ordinal: int | None, count: int | None, all_: bool,
                n: int, axis: str, question: AmbiguousTarget) -> dict[str, Any]:
    if all_ or count == n:
        return {"all": True}
    position = _position(sides, question)
    if ordinal == -1:  # "the last one": the far end of the row
        ordinal, position = 1, position or _AXIS_SIDES[axis][1]
    if ordinal is not None and position is None and size is None:
        position = _AXIS_SIDES[axis][0]  # "the second": counted the way the question listed them
    updates: dict[str, Any] = {}
    if position is not None:
        updates["position"] = position
    if size is not None:
        updates["size"] = size
    if ordinal is not None:
        updates["ordinal"] = ordinal
    if count is not None:
        if position is None and size is None:
            raise repeat_question(question, f"{count} of {n} doesn't say which")
        updates["count"] = count
    return updates


def _position(sides: list[str], question: AmbiguousTarget) -> str | None:
    if not sides:
        return None
    flat = [s for s in sides if s in ("left", "right", "top", "bottom")]
    vertical = next((s for s in flat if s in ("top", "bottom")), None)
    horizontal = next((s for s in flat if s in ("left", "right")), None)
    if vertical and horizontal:
        return f"{vertical}-{horizontal}"  # "the top left one"
    if len(set(sides)) > 1 and not (vertical or horizontal):
        raise repeat_question(question, "that names more than one place")
    return vertical or horizontal or sides[0]


def _check_it_decides(updates: dict[str, Any], question: AmbiguousTarget) -> None:
    """Refuse an answer whose ranking has a near-tie at the edge of what it takes."""
    if updates.get("all"):
        return
    candidates, image_size = question.candidates, question.image_size or (1, 1)
    position, size = updates.get("position"), updates.get("size")
    try:
        pick(candidates, image_size, **updates)
    except NothingFound:
        raise repeat_question(question, f"there are only {len(candidates)}") from None
    if size is not None:
        pool = in_part(candidates, position, image_size) if position else list(candidates)
        values = sorted(math.log(max(1, c.area)) * (-1 if size == "largest" else 1) for c in pool)
        tolerance, what = _TOLERANCE["size"], "they look the same size"
    else:
        key = rank_key(candidates, position, image_size)
        values = sorted(_primary(key(c)[0]) for c in candidates)
        kind = "side" if position in ("left", "right", "top", "bottom") else \
            "depth" if position in ("foreground", "background", "behind") else "corner"
        tolerance = _TOLERANCE[kind] * (0.5 if position == "behind" else 1)
        what = f"none of them stands clearly {_where(position) if kind == 'side' else 'there'}"
    start = (updates.get("ordinal") or 1) - 1
    stop = start + (updates.get("count") or 1)
    if (start > 0 and values[start] - values[start - 1] < tolerance) or \
            (stop < len(values) and values[stop] - values[stop - 1] < tolerance):
        raise repeat_question(question, what)


def _primary(value: Any) -> float:
    """rank_key's first element as one number ("behind" ranks by (not hidden, nearness))."""
    if isinstance(value, tuple):
        return float(value[0]) + 0.5 * float(value[1])
    return float(value)


def repeat_question(question: AmbiguousTarget, why: str) -> RetouchError:
    """An answer that can't decide: say why and ask the question (with its choices) again."""
    return RetouchError(f"That doesn't pick one ({why})", question.question)


def no_choice(question: AmbiguousTarget, text: str) -> RetouchError:
    """The error for a reply that is neither a choice nor a new request: it repeats the choices."""
    shown = " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())
    shown = shown if len(shown) <= 40 else shown[:39] + "…"
    return RetouchError(f"“{shown}” isn't one of the choices", f"{question.question} Or say something new.")


def _say(updates: dict[str, Any], n: int) -> str:
    if updates.get("all"):
        return "both" if n == 2 else f"all {n}"
    position, size = updates.get("position"), updates.get("size")
    ordinal, count = updates.get("ordinal"), updates.get("count")
    if count:
        return f"the {count} {_where(position) if position else 'by size'}"
    if size:
        degree = ("larger" if size == "largest" else "smaller") if n == 2 else size
        return f"the {ordinal_word(ordinal)} {degree}" if ordinal and ordinal > 1 else f"the {degree} one"
    if ordinal and ordinal > 1 or (ordinal and position in ("left", "right", "top", "bottom") and n > 3):
        return f"the {ordinal_word(ordinal)} from the {position}"
    return {"center": "the one in the middle", "foreground": "the one in front", "background": "the one at the back",
            "behind": "the one behind"}.get(position or "", f"the {position} one")


def _bare(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", " ".join(text.lower().split()))
