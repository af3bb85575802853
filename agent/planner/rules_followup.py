"""Follow-ups that only make sense after an earlier edit, read against the `PlanningContext`.

- "try again", "another variation", "again with another seed": undo the last generated edit and
  run its plan again with a fresh seed (seed None = a new random one; a seed the user names wins).
  A deterministic edit (adjust, crop) is simply applied again: "brighter… again" compounds.
- "now the right one too": the same target on the right, added to the selection, then the last
  edit's mask and generation steps again. "the other one" without "too" is a correction: undo, then
  the same target on the opposite side (or the next in order).
- "same for the dog", "now the dog": the last edit on a new target.
- "make it bigger"/"smaller": after a canvas extension, extend further / undo; after an inpaint,
  redo it with a larger/smaller mask; with only a selection, grow/shrink the selection.
- "stronger"/"too much": redo the last inpaint with more/less strength, or repeat/halve an adjust.
"""

from __future__ import annotations

import re

from retouch.agent.plan import (
    ADJUST_AMOUNTS, AdjustCall, HistoryArgs, HistoryCall, InpaintCall, OutpaintCall, Plan, RefineMaskArgs, RefineMaskCall, RegionCall,
    SelectArgs, SelectCall, field_bounds,
)
from retouch.agent.planner.base import PlanningContext
from retouch.agent.planner.rules_numbers import NUMBER, shown, to_number, within
from retouch.agent.planner.rules_steps import Step, ask, refusal
from retouch.agent.planner.rules_lexicon import rx
from retouch.agent.planner.rules_target import OPPOSITE, describe_args, parse_target
from retouch.agent.planner.rules_text import Settings, Words
from retouch.agent.policy import settings_for

_TRY_AGAIN = rx(r"\b{TRY_AGAIN_PHRASES}\b")
_OTHER = rx(r"\b(?:the\s+)?other\s+{OTHER_NOUNS}?\b")
_SIDE_ONE = rx(
    r"\b(?:the\s+)?(?P<pos>{FOLLOWUP_POSITIONS})(?:[\s-]?most)?\s+{ONE_WORDS}\b"
    r"|\bthe\s+one\s+(?:on|at|in)\s+the\s+(?P<pos2>{FOLLOWUP_POSITIONS})\b")
_ADDITIVE = rx(r"\b{ADDITIVE_WORDS}\b|^now\b")
_CORRECTION = rx(r"\b{CORRECTION_WORDS}\b")
_ALSO = re.compile(r"\b(?:too|also|as\s+well)\b")
_SAME_FOR = rx(r"\b(?:do\s+)?(?:the\s+)?same\s+(?:thing\s+)?{SAME_LINKS}\s+(?P<np>.+)"
               r"|^{NOW_WORDS}\s+(?P<np2>{POINTING_OWNERS}\s+.+)$")
_BIGGER = rx(r"\b{BIGGER_WORDS}\b")
_SMALLER = rx(r"\b{SMALLER_WORDS}\b")
_STRONGER = rx(r"^(?:{MORE_OPENERS}\s+)?{STRONGER_WORDS}\b|\bmake\s+it\s+stronger\b|\bnot\s+(?:strong|enough)\b")
_WEAKER = rx(r"\b{WEAKER_WORDS}\b")
_POSITION = {"middle": "center", "centre": "center", "front": "foreground", "back": "background"}


def _edit_calls(plan: Plan | None) -> list:
    return [c.model_copy(deep=True) for c in (plan.calls if plan else []) if c.tool not in ("history", "save")]


def _tail(plan: Plan | None) -> list:
    """The calls after the last select/region: what the last edit did to its mask."""
    calls = _edit_calls(plan)
    last = max((i for i, c in enumerate(calls) if isinstance(c, (SelectCall, RegionCall))), default=None)
    if last is None:
        return []
    tail = calls[last + 1:]
    return [c for c in tail if not isinstance(c, RegionCall) or c.args.relation is None] if tail else []


_DOING = {"remove": "removing", "replace": "replacing", "recolor": "recolouring", "add": "adding next to",
          "fix": "fixing", "background": "changing the background around", "refine": "refining",
          "cleanup": "cleaning up"}


def _doing(tail: list) -> str:
    task = next((c.args.task for c in tail if isinstance(c, InpaintCall)), None)
    return _DOING.get(task, "adjusting") if task or any(isinstance(c, AdjustCall) for c in tail) else "editing"


def _generates(calls: list) -> bool:
    return any(isinstance(c, (InpaintCall, OutpaintCall)) for c in calls)


def _undo() -> HistoryCall:
    return HistoryCall(args=HistoryArgs(action="undo"))


def _reseed(calls: list, settings: Settings) -> list:
    for call in calls:
        if isinstance(call, (InpaintCall, OutpaintCall)):
            old = call.args.seed
            call.args.seed = settings.seed if settings.seed is not None else (
                None if old is None else (old + 1) % (2 ** 32))
    return calls


def parse_followup(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    low = clause.low.strip(" .!?")
    for handler in (_try_again, _strength, _size, _other, _same_for):
        step = handler(low, clause, ctx, settings)
        if step is not None:
            return [step]
    return []


_RETRY_AROUND = 3
"""Words a retry may carry around its phrase ('can you try again please', 'one more time with a new seed'). With no
earlier edit, a longer clause that only holds such a phrase in passing is read as what it is — a story or a
request — rather than answered with 'there is nothing to try again'."""


def _try_again(low: str, clause: Words, ctx: PlanningContext, settings: Settings) -> Step | None:
    said = _TRY_AGAIN.search(low)
    if not (said or (settings.new_seed and not low.strip(" ,.with"))):
        return None
    calls = _edit_calls(ctx.last_plan)
    if not calls and said and len((low[:said.start()] + " " + low[said.end():]).split()) > _RETRY_AROUND:
        return None          # 'one more from her graduation', '… learn to love myself again': a story, not a retry
    if not calls:
        return refusal("There is no earlier edit to try again yet — tell me what to change first.")
    if _generates(calls):
        return Step("history", [_undo(), *_reseed(calls, settings)], "trying the last edit again with a new seed")
    return Step("history", calls, "applying the last edit again")


def _strength(low: str, clause: Words, ctx: PlanningContext, settings: Settings) -> Step | None:
    stronger, weaker = bool(_STRONGER.search(low)), bool(_WEAKER.search(low))
    if not (stronger or weaker) or len(low.split()) > 6:
        return None
    calls = _edit_calls(ctx.last_plan)
    if not calls:
        return refusal("Stronger or weaker than what? Tell me what to change first.")
    if all(isinstance(c, (AdjustCall, SelectCall)) for c in calls):
        if stronger and not weaker:
            return Step("adjust", calls, "applying the last adjustment once more")
        for call in calls:
            if isinstance(call, AdjustCall):
                for name in ADJUST_AMOUNTS:
                    value = getattr(call.args, name)
                    if value is not None:
                        setattr(call.args, name, round(value / 2, 3))
        return Step("adjust", [_undo(), *calls], "redoing the last adjustment at half strength")
    for call in calls:
        if isinstance(call, InpaintCall):
            base = call.args.strength or settings_for(call.args.task).strength
            call.args.strength = round(min(1.0, base + 0.2) if stronger and not weaker else base * 0.6, 2)
    word = "more" if stronger and not weaker else "less"
    return Step("history", [_undo(), *calls], f"redoing the last edit with {word} strength")


_MASK_STEP = {True: 16, False: 8}
"""How many pixels "bigger" / "smaller" with no number grows or shrinks a mask (said in the reply)."""
_PX = re.compile(r"\bby\s+(?P<n>" + NUMBER + r")\s*(?:px|pixels?)?|(?P<m>" + NUMBER + r")\s*(?:px|pixels?)\b")


SIZE_NOTE = {
    True: "I can't resize an object or the photo yet; I can extend the canvas (\"extend 256 px to the right\") "
          "or zoom out (\"zoom out a bit\").",
    False: "I can't shrink an object or the photo yet; I can crop it (\"crop it square\", \"crop to 16:9\").",
}
"""'make this bigger' with nothing made or selected before: the honest refusal, with what can be done instead (it was
a question, 'Bigger how?', that no answer could satisfy)."""


def _size(low: str, clause: Words, ctx: PlanningContext, settings: Settings) -> Step | None:
    bigger, smaller = bool(_BIGGER.search(low)), bool(_SMALLER.search(low))
    if not (bigger or smaller) or len(low.split()) > 8:
        return None
    calls = _edit_calls(ctx.last_plan)
    if any(isinstance(c, OutpaintCall) for c in calls):
        if bigger:
            return Step("outpaint", [c for c in calls if isinstance(c, OutpaintCall)], "extending the canvas further")
        return Step("history", [_undo()], "undoing the canvas extension")
    if not (_generates(calls) or ctx.has_selection):
        return refusal(SIZE_NOTE[bigger])
    said = _PX.search(low)
    amount = to_number(said.group("n") or said.group("m")) if said else _MASK_STEP[bigger and not smaller]
    if amount is None or not within(amount, RefineMaskArgs, "grow") or amount != int(amount):
        _, high = field_bounds(RefineMaskArgs, "grow")
        return ask(f"A mask grows or shrinks by a whole number of pixels from 0 to {shown(high)}; "
                   f"“{said.group(0).strip() if said else low}” isn't one — by how many pixels?")
    return mask_size_step(int(amount) if bigger and not smaller else -int(amount), ctx)


def mask_size_step(change: int, ctx: PlanningContext) -> Step | None:
    """The mask `change` px larger (negative: tighter), by exactly that: the last generated edit redone with its mask
    grown (or shrunk) that much more, else the active selection. None when there is neither."""
    more, px = ("grown", change) if change >= 0 else ("shrunk", -change)
    calls = _edit_calls(ctx.last_plan)
    if _generates(calls):
        _, high = field_bounds(RefineMaskArgs, "grow")
        note = ""
        for call in calls:
            if isinstance(call, RefineMaskCall):
                task = next((c.args.task for c in calls if isinstance(c, InpaintCall)), "remove")
                grow = (call.args.grow if call.args.grow is not None else settings_for(task).grow) + change
                if grow > high:
                    note = f"(A mask grows by at most {shown(high)} px, so I used {shown(high)}.)"
                call.args.grow = int(min(high, max(0, grow)))
                if grow < 0:
                    call.args.shrink = int((call.args.shrink or 0) - grow)
        return Step("history", [_undo(), *calls], f"redoing the last edit with its mask {more} by {px} px", note)
    if ctx.has_selection:
        args = RefineMaskArgs(grow=px) if change >= 0 else RefineMaskArgs(shrink=px)
        return Step("refine", [RefineMaskCall(args=args)],
                    f"{'growing' if change >= 0 else 'shrinking'} the selection by {px} px")
    return None


def _other(low: str, clause: Words, ctx: PlanningContext, settings: Settings) -> Step | None:
    other, side = _OTHER.search(low), _SIDE_ONE.search(low)
    if not (other or side) or len(low.split()) > 10:
        return None
    last = ctx.last_selection
    if last is None:
        return refusal("Which one? Name it, e.g. \"the man on the right\".")
    args: SelectArgs = last.model_copy()
    if side:
        position = side.group("pos") or side.group("pos2")
        args.position, args.ordinal = _POSITION.get(position, position), None
    elif last.position in OPPOSITE:
        args.position = OPPOSITE[last.position]
    elif last.ordinal:
        args.ordinal = min(100, last.ordinal + 1)
    elif last.size:
        args.size = "smallest" if last.size == "largest" else "largest"
    else:
        return refusal(f"Which other {last.target}? Say where it is, e.g. \"the {last.target} on the right\".")
    additive = bool(_ADDITIVE.search(low)) and not _CORRECTION.search(low)
    args.add = additive
    args.all = False
    tail = _tail(ctx.last_plan)
    calls: list = ([] if additive or not tail else [_undo()]) + [SelectCall(args=args)] + tail
    if not tail:
        return Step("followup", calls, f"selecting {describe_args(args)}")
    doing = f"{_doing(tail)} {describe_args(args)}"
    return Step("followup", calls, f"also {doing}" if additive else f"undoing that and {doing} instead")


def _same_for(low: str, clause: Words, ctx: PlanningContext, settings: Settings) -> Step | None:
    m = _SAME_FOR.search(low)
    tail = _tail(ctx.last_plan)
    if not m or not tail:
        return None
    np = m.group("np") or m.group("np2")
    start = low.find(np)
    target = parse_target(clause.slice(start, start + len(np)) if start >= 0 else Words.of(np), clause)
    if target is None or target.pronoun:
        return None
    additive = bool(_ALSO.search(low))
    return Step("followup", [SelectCall(args=target.args(add=additive)), *tail],
                f"{_doing(tail)} {target.describe()} the same way")
