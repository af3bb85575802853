"""Does a model's plan go the way the words say? Asked "make it brighter", a small model may answer
with brightness −1 (a black picture) and the reply "Brightening it." — valid JSON, valid against
the schema, and the wrong way round.

The words are read by the rules planner, whose vocabulary is the one declaration of what
"brighter", "less contrast", "cooler", "black and white", "rotate left" mean; where it reads a
direction for a setting, the model's plan must not set that setting the other way (a tone amount
of the opposite sign, a turn the other way, a flip along the other axis). Only directions the words
state are held: "brighter", or "contrast" with "more" or "reduce" (`rules_vocab.UP_WORDS`,
`DOWN_WORDS`) — not the rules' default for an undirected word ("fix the lighting"). Where the words
state nothing for a setting, nothing is checked: this catches contradictions, not different choices.
`word_check.unasked` asks it for every LLM plan (the llm planner's repair, auto's accept).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from retouch.agent.plan import ADJUST_AMOUNTS, AdjustCall, CropCall, Plan

_WAYS = {"brightness": ("brighter", "darker"), "contrast": ("more contrast", "less contrast"),
         "saturation": ("more colour", "less colour"), "sharpness": ("sharper", "softer"),
         "warmth": ("warmer", "cooler")}


def contradiction(plan: Plan, text: str) -> str | None:
    """Why `plan` goes against a direction the words give, or None."""
    wanted = _directions(_rules_reading(text))
    stated = _stated_tones(text)
    wanted = {name: value for name, value in wanted.items() if name not in ADJUST_AMOUNTS or name in stated}
    # The rules may answer a diagnosis with a measured correction ("too dark" → enhance the exposure),
    # which states no sign; the words' own direction then holds.
    wanted = {**_worded_directions(text), **wanted}
    if not wanted:
        return None
    for name, value in _directions(plan).items():
        want = wanted.get(name)
        if want is None or _sign(value) == _sign(want) or _sign(value) == 0:
            continue
        if name in ADJUST_AMOUNTS:
            way = _WAYS[name][0 if want > 0 else 1]
            return (f"the plan sets {name} {value:+g}, but the request asks for {way}: "
                    f"give {name} a {'positive' if want > 0 else 'negative'} amount")
        if name == "rotate":
            return (f"the plan turns {value:+g}°, but the request asks to turn the other way "
                    f"({want:+g}°, + is clockwise)")
        return f"the plan flips {value}, but the request asks for a {want} flip"
    return None


@functools.cache
def _tone_patterns() -> tuple[tuple[re.Pattern[str], tuple[str, ...], bool], ...]:
    """Each tone word list of `rules_vocab.TONE_PROPERTIES` as (pattern, the settings it moves, whether
    the word itself says which way)."""
    from retouch.agent.planner.rules_lexicon import phrase_re
    from retouch.agent.planner.rules_vocab import TONE_PROPERTIES

    moves = {"bw": ("saturation",), "sepia": ("saturation", "warmth")}
    return tuple((re.compile(rf"\b{phrase_re(words)}\b"), moves.get(name, (name,)), sign != 0)
                 for words, name, sign in TONE_PROPERTIES)


def _stated_tones(text: str) -> set[str]:
    """The tone settings whose direction the words state: by a directed word ("brighter", "cooler"),
    or by an undirected one ("contrast") with a word that turns it up or down ("more", "reduce").
    "Fix the lighting" states none: the rules read it as up, but that is their default, not the words'."""
    from retouch.agent.planner.rules_lexicon import rx

    low = " ".join(str(text).lower().split())
    turned = bool(rx(r"\b(?:{UP_WORDS}|{DOWN_WORDS})\b").search(low))
    stated: set[str] = set()
    for pattern, names, directed in _tone_patterns():
        if (directed or turned) and pattern.search(low):
            stated.update(names)
    return stated


def _worded_directions(text: str) -> dict[str, int]:
    """The tone directions the words give by themselves ("too dark": brightness up), each word list
    of `TONE_PROPERTIES` claiming its words in order, as the rules do. Nothing when the words carry
    a negation ("don't make it darker" is no direction to hold)."""
    from retouch.agent.planner.rules_lexicon import phrase_re
    from retouch.agent.planner.rules_tone import asked_less
    from retouch.agent.planner.rules_vocab import TONE_PROPERTIES

    low = " ".join(str(text).lower().split())
    if re.search(r"\b(?:not|no|never|don't|dont|do not|without)\b", low):
        return {}
    found: dict[str, int] = {}
    for words, name, sign in TONE_PROPERTIES:
        pattern = re.compile(rf"\b{phrase_re(words)}\b")
        match = pattern.search(low)
        if match:
            if sign and name in ADJUST_AMOUNTS:
                found.setdefault(name, -sign if asked_less(low, match) else sign)
            low = pattern.sub(" ", low)
    return found


def _rules_reading(text: str) -> Plan:
    """What the rules make of the words (no image: directions don't depend on one)."""
    from retouch.agent import registry
    from retouch.agent.planner.base import PlanningContext

    return registry.load("planner", "rules").plan(text, PlanningContext())


def _directions(plan: Plan) -> dict[str, Any]:
    """The directed settings a plan sets: tone amounts, a turn, a flip (the last one set wins)."""
    found: dict[str, Any] = {}
    for call in plan.calls:
        if isinstance(call, AdjustCall):
            found.update({name: getattr(call.args, name) for name in ADJUST_AMOUNTS if getattr(call.args, name)})
        elif isinstance(call, CropCall):
            if call.args.rotate:
                found["rotate"] = call.args.rotate
            if call.args.flip:
                found["flip"] = call.args.flip
    return found


def _sign(value: Any) -> Any:
    """+1/−1/0 for a number; a flip's axis is its own "direction"."""
    if isinstance(value, str):
        return value
    return (value > 0) - (value < 0)
