"""Tone words → signed `adjust` amounts, for the whole picture or for one named thing.

"a bit brighter" is +0.15, "brighter" +0.25, "much brighter" +0.5 (the scale `tools.adjust`
documents); "darker", "less saturated", "cooler" are negative; "black and white" is saturation -1.
A property word without a direction ("the brightness", "the lighting") takes its direction from the
verb around it: "boost the luminosity" raises it, "tone down the contrast" lowers it. When a thing
is named ("brighten his face", "make the sky darker") the change is masked to it.
"""

from __future__ import annotations

import re

from retouch.agent.planner.base import PlanningContext
from retouch.agent.planner.rules_steps import Step, adjust, select
from retouch.agent.planner.rules_target import SCAFFOLD, parse_target
from retouch.agent.planner.rules_lexicon import phrase_re, rx
from retouch.agent.planner.rules_text import Settings, Words
from retouch.agent.planner.rules_vocab import IMAGE_WORDS, TONE_PROPERTIES

_PROPS: tuple[tuple[re.Pattern[str], str, int], ...] = tuple(
    (re.compile(rf"\b{phrase_re(words)}\b"), prop, sign) for words, prop, sign in TONE_PROPERTIES)
_DOWN = rx(r"\b{DOWN_WORDS}\b")
_LOW = rx(r"\b{SMALL_AMOUNTS}\b")
_HIGH = rx(r"\b{LARGE_AMOUNTS}\b")
_AMOUNT = re.compile(r"(?P<sign>[+-])?\s*(?P<n>\d{1,3}(?:\.\d+)?)\s*(?P<pct>%|percent)?")
_NOISE = rx(r"\b{TONE_NOISE}\b")
_FILLER = rx(r"\b{TONE_FILLERS}\b")
_OWNER = rx(r"\b{OWNER_WORDS}\b")
_HIDE = rx(r"\b{HIDE_WORDS}\b")
_PROPERTY_NAMED = re.compile(r"\b(?:more|less|the)\s+$")
_UNITS_AFTER = re.compile(r"\d\s*(?:px|pixels|degrees)")
_TWICE = re.compile(r"\btwice\s+as\b|\bdouble\b")


DEFAULT_AMOUNT = 0.25
"""'brighter' with no amount: the scale `tools.adjust` documents (+0.15 a bit, +0.5 much)."""


def _intensity(low: str, start: int, end: int, default: float) -> float:
    window = low[max(0, start - 32):min(len(low), end + 24)]
    near = low[max(0, start - 32):start]
    m = _AMOUNT.search(low[end:end + 24]) or re.search(r"by\s+" + _AMOUNT.pattern, low[end:end + 30])
    if m and not _UNITS_AFTER.search(low[end:end + 30]):
        value = float(m.group("n"))
        value = value / 100 if m.group("pct") or value > 3 else value
        return -value if m.group("sign") == "-" else value
    if _TWICE.search(window):
        return 1.0
    if _HIGH.search(near) or _HIGH.search(low[end:end + 16]):
        return 0.5
    if _LOW.search(window):
        return 0.15
    return default


def parse_adjust(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    low = clause.low
    amounts: dict[str, float] = {}
    spans: list[tuple[int, int, str]] = []
    down = bool(_DOWN.search(low))
    for pattern, prop, sign in _PROPS:
        for m in pattern.finditer(low):
            if any(a <= m.start() < b and (p == prop or prop == "brightness") for a, b, p in spans):
                continue
            spans.append((m.start(), m.end(), prop))
            if prop in amounts or (prop == "brightness" and "bw" in amounts and m.group(0) == "white"):
                continue
            if prop == "bw":
                amounts["saturation"] = -1.0
                continue
            if prop == "sepia":
                amounts["saturation"], amounts["warmth"] = -0.8, 0.6
                continue
            if prop == "brightness" and sign == 0 and m.group(0) in ("light", "bright") and \
                    not _PROPERTY_NAMED.search(low[:m.start()]):
                continue
            value = _intensity(low, m.start(), m.end(), DEFAULT_AMOUNT)
            direction = sign or (-1 if down else 1)
            amounts[prop] = value if value < 0 else value * direction
    if not amounts:
        return []
    rest = clause
    for a, b, _ in spans:
        rest = rest.blank(a, b)
    for pattern in (SCAFFOLD, _NOISE, _AMOUNT):
        for m in list(pattern.finditer(rest.low)):
            rest = rest.blank(m.start(), m.end())
    rest = rest.squeeze()
    leftover = re.findall(r"[a-z]{2,}", _FILLER.sub(" ", rest.low))
    describe = describe_amounts(amounts)
    if leftover and _OWNER.search(rest.low):
        target = parse_target(rest, clause)
        if target is not None and not target.pronoun and target.target not in IMAGE_WORDS:
            note = ""
            if _HIDE.search(low) and amounts.get("sharpness", 0) < 0:
                amounts["sharpness"] = -1.0
                note = (f"That is only a light blur; to hide it completely say “remove {target.describe()}”.")
            return [Step("adjust", [select(target), adjust(amounts, masked=True)],
                        describe_amounts(amounts, target.describe()), note)]
    return [Step("adjust", [adjust(amounts)], describe)]


def describe_amounts(amounts: dict[str, float], subject: str = "the image") -> str:
    if amounts.get("saturation") == -1.0 and len(amounts) == 1:
        return f"making {subject} black and white"
    words = {"brightness": ("brightening {s}", "darkening {s}"),
             "contrast": ("adding contrast to {s}", "reducing the contrast of {s}"),
             "saturation": ("boosting the colours of {s}", "muting the colours of {s}"),
             "sharpness": ("sharpening {s}", "softening {s}"),
             "warmth": ("warming {s}", "cooling {s}")}
    parts = []
    for k, v in amounts.items():
        text = words[k][0 if v >= 0 else 1].format(s=subject if not parts else "it")
        parts.append(f"{text} ({v:+g})")
    return " and ".join(parts)
