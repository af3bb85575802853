"""Numbers in requests, read whole and held to the plan contract's limits — never quietly replaced.

"extend 10000000 pixels to the right" must not become 1 px (a regex that reads five digits of
eight), "extend the canvas −256 px" must not become +256, "rotate 1e308 degrees" must not become
1°. Every handler that reads an amount reads the whole number here — signs (the typographic minus
too), decimals, thousands separators, exponents, "a million" — and checks it against the bounds of
the field it will fill, read from `agent.plan` (`field_bounds`), so the rules, plan files and LLM
answers meet the same limits. Out of range → the handler asks, with the limit and the number as the
user wrote it; a value the planner does adjust (a 400° turn is 40°) is stated in the reply.
"""

from __future__ import annotations

import math
import re

from pydantic import BaseModel

from retouch.agent.plan import field_bounds
from retouch.agent.planner.rules_lexicon import expand
from retouch.agent.planner.rules_vocab import BIG_NUMBER_WORDS

NUMBER = expand(r"(?<![\w.])(?:[-+]\s?)?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)(?:e[-+]?\d+)?(?!\d|\.\d)"
                r"|\b(?:a|one|\d+)\s+{BIG_NUMBER_WORDS}\b|\b{BIG_NUMBER_WORDS}s?\b")
"""A whole number as written: 42, -256, 1,000, 2.5, 1e308, a million, thousands."""
_NUMBER = re.compile(NUMBER)


def to_number(text: str) -> float | None:
    """The value of one number as written (see NUMBER); inf for one too large for a float."""
    text = text.strip().lower().replace(" ", "")
    for word, scale in BIG_NUMBER_WORDS.items():
        if text.endswith((word, word + "s")):
            head = text[:text.rfind(word)]
            return scale * (float(head) if head.replace(".", "", 1).isdigit() else 1.0)
    try:
        value = float(text.replace(",", ""))
    except ValueError:
        return None
    return value if not math.isnan(value) else None


def numbers(text: str) -> list[tuple[float, str, int, int]]:
    """Every number in `text`: (value, as written, start, end)."""
    found = []
    for m in _NUMBER.finditer(text):
        value = to_number(m.group(0))
        if value is not None:
            found.append((value, " ".join(m.group(0).split()), m.start(), m.end()))
    return found


def within(value: float, model: type[BaseModel], name: str) -> bool:
    """Whether the contract's field `model.name` accepts `value` (its bounds, inclusive)."""
    low, high = field_bounds(model, name)
    return math.isfinite(value) and (low is None or value >= low) and (high is None or value <= high)


def shown(value: float) -> str:
    """A number for a reply: 16384, 0.5, 1e+308 (no trailing zeros)."""
    if not math.isfinite(value):
        return "∞" if value > 0 else "-∞"
    return f"{value:g}" if abs(value) < 1e15 else f"{value:.3g}"
