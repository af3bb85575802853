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
from retouch.agent.planner.rules_text import Settings, Words
from retouch.agent.planner.rules_vocab import IMAGE_WORDS

_PROPS: tuple[tuple[re.Pattern[str], str, int], ...] = tuple((re.compile(p), prop, sign) for p, prop, sign in (
    (r"\b(?:black[\s-]*(?:and|&|n)[\s-]*white|b\s*&\s*w|b/w|bnw|gr[ae]y\s*scale|monochrom\w*|de-?saturat\w*|"
     r"colou?rless|no\s+colou?rs?|remove\s+(?:the\s+|all\s+)?colou?rs?)\b", "bw", -1),
    (r"\bsepia\b", "sepia", 1),
    (r"\b(?:brighter|brighten\w*|lighten\w*|lighter|illuminat\w*|too\s+dark|underexposed|under-exposed|"
     r"more\s+light|enlighten\w*)\b", "brightness", 1),
    (r"\b(?:darker|darken\w*|dimmer|too\s+bright|overexposed|over-exposed|less\s+bright|moodier)\b",
     "brightness", -1),
    (r"\b(?:brightness|bright|luminosity|luminance|luminous\w*|radiance|radiant|brilliance|glow\w*|light\s+levels?|"
     r"lighting|exposure|light)\b", "brightness", 0),
    (r"\b(?:contrast\w*|punchier|punchy)\b", "contrast", 0),
    (r"\b(?:flat|washed[\s-]out|dull)\b", "contrast", 1),
    (r"\b(?:washed[\s-]out|dull\s+colou?rs?|boost\s+(?:the\s+)?colou?rs?|enhance\s+(?:the\s+)?colou?rs?|"
     r"pump\s+up\s+(?:the\s+)?colou?rs?|bring\s+out\s+(?:the\s+)?colou?rs?|deepen\s+(?:the\s+)?colou?rs?)\b",
     "saturation", 1),
    (r"\b(?:over-?saturated|too\s+saturated|too\s+colou?rful|muted|less\s+colou?rful)\b", "saturation", -1),
    (r"\b(?:saturat\w*|vibran\w*|vivid\w*|colou?rful|more\s+colou?rs?|richer\s+colou?rs?|colou?r\s+intensity|"
     r"colou?rs?\s+pop)\b", "saturation", 0),
    (r"\b(?:sharpen\w*|sharper|sharpness|sharp|crisp\w*|clarity|clearer|more\s+clear|definition|defined|"
     r"details?|detailed|in\s+focus|into\s+focus|focus|acuity|deblur\w*|unblur\w*)\b", "sharpness", 0),
    (r"\b(?:soften|softer|smooth(?:er|en)?|blur(?:rier)?|pixelate|censor)\b", "sharpness", -1),
    (r"\b(?:warmer|warm(?:th|en|ing)?(?:\s+up)?|golden|cozier)\b", "warmth", 1),
    (r"\b(?:cooler|cool(?:\s+(?:it\s+)?down)?|colder|cold|icier)\b", "warmth", -1),
    (r"\b(?:temperature|white\s+balance)\b", "warmth", 0),
    (r"\b(?:less|too)\s+(?:yellow|orange|warm|red)(?:ish)?\b", "warmth", -1),
    (r"\b(?:less|too)\s+(?:blue|cold|cool)(?:ish)?\b", "warmth", 1),
))
_DOWN = re.compile(r"\b(?:reduce\w*|decreas\w*|lower\w*|lessen\w*|less|tone\s+down|dial\s+down|turn\s+down|cut|"
                   r"drop|weaken\w*|minimi[sz]\w*|diminish\w*|dim|soften|remove|too\s+much|too\s+high|too\s+strong|"
                   r"take\s+down|bring\s+down|pull\s+down|mute|fewer|tone\s+it\s+down|not\s+so)\b")
_LOW = re.compile(r"\b(?:a\s+(?:little\s+)?bit|slightly|a\s+little|a\s+touch|a\s+tad|somewhat|subtl[ey]|gently|bit|"
                  r"mildly|marginally|lightly|a\s+smidge|little)\b")
_HIGH = re.compile(r"\b(?:much|a\s+lot|way|very|really|significantly|super|lots|considerably|dramatically|"
                   r"heavily|strongly|extremely|massively|seriously|hugely|a\s+ton|drastically|greatly|"
                   r"maximi[sz]\w*|maximum|max|substantially|tons|so\s+much|far)\b")
_AMOUNT = re.compile(r"(?P<sign>[+-])?\s*(?P<n>\d{1,3}(?:\.\d+)?)\s*(?P<pct>%|percent)?")
_NOISE = re.compile(
    r"\b(?:make|made|making|turn|get|set|a\s+(?:little\s+)?bit|a\s+little|a\s+lot|a\s+touch|a\s+tad|bit|more|less|"
    r"much|way|very|really|slightly|somewhat|please|just|too|up|down|increase\w*|decrease\w*|boost\w*|raise|"
    r"reduce\w*|lower|enhanc\w*|improv\w*|bump\w*|push|crank\w*|dial|tone|so|even|again|some|by|to|than|"
    r"should|be|is|needs?|want|would|like|could|can|you|i|me|notch|stops?)\b")
_FILLER = re.compile(
    r"\b(?:make|made|making|turn|get|give|set|it|this|that|the|a|an|bit|little|lot|tad|touch|more|less|much|way|"
    r"very|really|slightly|somewhat|please|just|too|up|down|increase\w*|decrease\w*|boost\w*|raise|reduce\w*|"
    r"lower|enhanc\w*|improv\w*|intensif\w*|heighten\w*|elevat\w*|strengthen\w*|augment\w*|amplif\w*|"
    r"magnif\w*|enrich\w*|accentuat\w*|reinforc\w*|advanc\w*|perfect\w*|refin\w*|polish\w*|optimi[sz]\w*|"
    r"fine-?tun\w*|amp\w*|add|adding|bring|with|precision|finesse|quality|quotient|visual|appeal|overall|levels?|"
    r"image|photo|picture|pic|scene|look|tones?|of|and|to|by|in|on|for|some|bump\w*|push|pull|crank\w*|"
    r"dial|tone|so|is|be|should|needs?|whole|entire|everything|again|even|than|overall|vibe|mood|feel|"
    r"aesthetic|visibility|sharper|clearer|colou?rs?|tint|hue|shade|want|i|like|would|could|can|you|me|"
    r"degree|amount|level|percent|slight|notch|stops?|liveli\w*|enliven\w*|fix|correct|adjust\w*|"
    r"change|changing|alter|modify|tweak)\b")


DEFAULT_AMOUNT = 0.25
"""'brighter' with no amount: the scale `tools.adjust` documents (+0.15 a bit, +0.5 much)."""


def _intensity(low: str, start: int, end: int, default: float) -> float:
    window = low[max(0, start - 32):min(len(low), end + 24)]
    near = low[max(0, start - 32):start]
    m = _AMOUNT.search(low[end:end + 24]) or re.search(r"by\s+" + _AMOUNT.pattern, low[end:end + 30])
    if m and not re.search(r"\d\s*(?:px|pixels|degrees)", low[end:end + 30]):
        value = float(m.group("n"))
        value = value / 100 if m.group("pct") or value > 3 else value
        return -value if m.group("sign") == "-" else value
    if re.search(r"\btwice\s+as\b|\bdouble\b", window):
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
                    not re.search(r"\b(?:more|less|the)\s+$", low[:m.start()]):
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
    if leftover and re.search(r"\b(?:the|his|her|their|my|its|our|your|all|everything|everyone)\b", rest.low):
        target = parse_target(rest, clause)
        if target is not None and not target.pronoun and target.target not in IMAGE_WORDS:
            note = ""
            if re.search(r"\b(?:blur|pixelate|obscure|censor)\b", low) and amounts.get("sharpness", 0) < 0:
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
