"""Numbers in requests, read whole and held to the plan contract's limits — never quietly replaced.

"extend 10000000 pixels to the right" must not become 1 px (a regex that reads five digits of
eight), "extend the canvas −256 px" must not become +256, "rotate 1e308 degrees" must not become
1°, "rotate forty five degrees" must not become the default 90°. Every handler that reads an amount
reads the whole number here — signs (the typographic minus too), decimals, thousands separators,
exponents, "a million", and nan/inf, which no field takes — and checks it against the bounds of
the field it will fill, read from `agent.plan` (`field_bounds`), so the rules, plan files and LLM
answers meet the same limits. Out of range → the handler asks, with the limit and the number as the
user wrote it; a value the planner does adjust (a 400° turn is 40°) is stated in the reply.

Numbers written as words ("forty-five", "three hundred and twenty", "one and a half", "one point
five", "a couple of hundred") are turned into digits before any handler reads the text
(`spelled_numbers`, applied by `rules_text`), when they read as an amount: two or more number words
together, or one before a unit ("two times", "twenty percent") or after "by"/"seed". A count that is
not exact ("a couple of hundred px" → 200) is said in the reply.
"""

from __future__ import annotations

import math
import re

from pydantic import BaseModel

from retouch.agent.plan import field_bounds
from retouch.agent.planner.rules_lexicon import expand, rx
from retouch.agent.planner.rules_vocab import (
    APPROXIMATE_COUNTS, BIG_NUMBER_WORDS, CARDINALS, NUMBER_WORDS, TENS,
)

NUMBER = expand(r"(?<![\w.,])(?:[-+]\s?)?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)"
                r"(?:e[-+]?\d+)?(?!\d|\.\d)"
                r"|\b(?:a|one|\d+)\s+{BIG_NUMBER_WORDS}\b|\b{BIG_NUMBER_WORDS}s?\b"
                r"|(?<![\w.])[-+]?\b(?:nan|inf|infinity|infinite)\b")
"""A whole number as written: 42, -256, 1,000, 2.5, 1e308, a million, thousands — and the ones no field takes:
nan, inf. (A decimal comma before a unit, "1,5 px", is read as 1.5 and said, before this: `spelled_numbers`.)"""
_NUMBER = re.compile(NUMBER)
_NOT_A_NUMBER = re.compile(r"[-+]?(?:nan|inf|infinity|infinite)")


def to_number(text: str) -> float | None:
    """The value of one number as written (see NUMBER); inf for one too large for a float, nan for "nan"
    (no field takes either: `within` is False for both)."""
    text = text.strip().lower().replace(" ", "")
    if _NOT_A_NUMBER.fullmatch(text):
        return math.nan if "nan" in text else -math.inf if text.startswith("-") else math.inf
    for word, scale in BIG_NUMBER_WORDS.items():
        if text.endswith((word, word + "s")):
            head = text[:text.rfind(word)]
            return scale * (float(head) if head.replace(".", "", 1).isdigit() else 1.0)
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def numbers(text: str) -> list[tuple[float, str, int, int]]:
    """Every number in `text`: (value, as written, start, end)."""
    found = []
    for m in _NUMBER.finditer(text):
        value = to_number(m.group(0))
        if value is not None:
            found.append((value, " ".join(m.group(0).split()), m.start(), m.end()))
    return found


def within(value: float, model: type[BaseModel], name: str) -> bool:
    """Whether the contract's field `model.name` accepts `value`: its bounds, inclusive or not as the field says
    (a zoom-out must be above 1, not 1)."""
    low, high = field_bounds(model, name)
    if not math.isfinite(value) or low is not None and value < low or high is not None and value > high:
        return False
    for item in model.model_fields[name].metadata:
        if getattr(item, "gt", None) is not None and value <= item.gt or \
                getattr(item, "lt", None) is not None and value >= item.lt:
            return False
    return True


def shown(value: float) -> str:
    """A number for a reply: 16384, 0.5, 1e+308 (no trailing zeros)."""
    if not math.isfinite(value):
        return "∞" if value > 0 else "-∞"
    return f"{value:g}" if abs(value) < 1e15 else f"{value:.3g}"


# ---- numbers written as words ----------------------------------------------------------------------------

_WORD_TOKEN = expand(r"(?:{CARDINALS}|{TENS}|{BIG_NUMBER_WORDS}|dozen)")
_SPELLED = re.compile(
    rf"\b(?:(?:a|an)\s+(?:(?:couple|few)\s+(?:of\s+)?|(?=(?:hundred|thousand|million|dozen)\b))|several\s+)?"
    rf"{_WORD_TOKEN}(?:(?:[\s-]+(?:and\s+)?){_WORD_TOKEN})*"
    rf"(?:\s+and\s+a\s+half|\s+point(?:\s+{expand('{CARDINALS}')})+)?\b")
"""A run of number words: "forty-five", "a couple of hundred", "one and a half", "one point five"."""
_UNIT_AFTER = rx(r"\s*(?:{NUMBER_UNITS})(?![a-z])")
_LEAD_BEFORE = rx(r"\b{NUMBER_LEADS}\s+$")
_SETTING_BEFORE = rx(r"\b{SETTING_LEADS}\s+$")
_RATIO_PARTNER = rx(r"\s*(?::|\bby\b|\bto\b)\s*(?:{CARDINALS}|{TENS}|\d)")
_DECIMAL_COMMA = rx(r"(?<![\w.,])(?P<n>\d+,\d{1,2})(?=\s*(?:{NUMBER_UNITS})(?![a-z]))")
"""'1,5 px', '2,5 times': a decimal comma before a unit is a decimal point (read as 1.5, and the reply says so)."""
_READ_AS_WRITTEN = re.compile(r"(?:(?:a|an|one)\s+)?(?:million|billion|trillion|zillion|gazillion|bajillion)s?")
"""'a million (times brighter)' is hyperbole no field takes: NUMBER reads it, and the question back quotes it as
written."""
_RATIO_BEFORE = re.compile(r"\d\s*(?::|\bby|\bto)\s*$")
"""'sixteen by nine', '16 by nine': both sides of a ratio are amounts."""


def word_value(word: str) -> int | None:
    """One number word's value ("seven" → 7, "dozen" → 12, "couple" → 2); None for any other word."""
    word = word.strip().lower()
    for table in (CARDINALS, TENS, NUMBER_WORDS, APPROXIMATE_COUNTS):
        if word in table:
            return table[word]
    return None


def _parse(words: list[str]) -> float | None:
    """The value of a run of number words: forty five → 45, three hundred and twenty → 320, two thousand
    five hundred → 2500, one and a half → 1.5, one point five → 1.5. None when the words make no number
    ("five five", "twenty thirty")."""
    total, current, unit_used, tens_used = 0.0, 0.0, False, False
    index = 0
    while index < len(words):
        word = words[index]
        if word == "point":
            digits = words[index + 1:]
            if not digits or any(w not in CARDINALS or CARDINALS[w] > 9 for w in digits):
                return None
            return total + current + float("0." + "".join(str(CARDINALS[w]) for w in digits))
        if word == "half":
            return total + current + 0.5
        if word in ("a", "an", "and", "of"):
            index += 1
            continue
        if word in CARDINALS or word in APPROXIMATE_COUNTS:
            value = CARDINALS.get(word, APPROXIMATE_COUNTS.get(word, 0))
            if unit_used or (tens_used and value >= 10):
                return None
            current += value
            unit_used = True
        elif word in TENS:
            if unit_used or tens_used:
                return None
            current += TENS[word]
            tens_used = True
        elif word == "dozen":
            current = (current or 1) * 12
            unit_used = tens_used = True
        elif word in BIG_NUMBER_WORDS:
            scale = BIG_NUMBER_WORDS[word]
            if scale == 100:
                if current >= 100:
                    return None
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
            unit_used = tens_used = False
        else:
            return None
        index += 1
    return total + current


def spelled_numbers(low: str) -> list[tuple[int, int, float, bool]]:
    """The numbers written as words in lowercase `low` that read as amounts, as (start, end, value,
    approximate): "forty five degrees", "two times", "by twenty", "three hundred px", "sixteen by nine" — and a
    decimal comma before a unit ("1,5 px" → 1.5, approximate so the reply says how it was read).
    A lone number word that is no amount stays a word ("the one on the left", "the two men")."""
    found = []
    for m in _DECIMAL_COMMA.finditer(low):
        found.append((m.start("n"), m.end("n"), float(m.group("n").replace(",", ".")), True))
    for m in _SPELLED.finditer(low):
        words = re.findall(r"[a-z]+", m.group(0))
        value = _parse(words)
        if value is None or _READ_AS_WRITTEN.fullmatch(m.group(0)) and not _SETTING_BEFORE.search(low[:m.start()]):
            continue
        numeric = [w for w in words if w not in ("a", "an", "and", "of")]
        amount = (len(numeric) > 1 or value >= 10 or _UNIT_AFTER.match(low, m.end())
                  or _LEAD_BEFORE.search(low[:m.start()]) or _RATIO_PARTNER.match(low, m.end())
                  or _RATIO_BEFORE.search(low[:m.start()]))
        if amount:
            approximate = any(w in APPROXIMATE_COUNTS for w in words)
            found.append((m.start(), m.end(), value, approximate))
    return sorted(found)
