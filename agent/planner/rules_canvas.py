"""Canvas words → `outpaint`: sides and pixels, ratios, zoom-out, named formats, "more sky".

"extend 256 px to the right" → right=256; "make it 16:9" → aspect; "zoom out" → zoom 1.5;
"make this fit a Facebook cover" → aspect 820:312; "wider" / "taller" → a quarter more in that
direction, split over both sides; "more sky on top" → top, with "sky" as the prompt. Without an
amount and without the image size the sides are only named (`sides=["top"]`) and the executor
grows each by a quarter of the picture; a share ("by 20%") without the size falls back to 256 px
and the reply says so. "make it 16:9 on the left" names the side an aspect grows on.
"""

from __future__ import annotations

import re

from retouch.agent.plan import OutpaintArgs, OutpaintCall
from retouch.agent.planner.base import PlanningContext
from retouch.agent.planner.rules_geometry import ASPECT, FORMAT, SIZE, aspect_of
from retouch.agent.planner.rules_steps import Step
from retouch.agent.planner.rules_text import Settings, Words
from retouch.agent.planner.rules_vocab import FRACTION_WORDS

DEFAULT_PX = 256
_VERB = re.compile(
    r"\b(?:extend\w*|expand\w*|widen\w*|lengthen\w*|outpaint\w*|out-paint\w*|uncrop\w*|un-crop\w*|"
    r"zoom(?:ed|ing)?\s+out|pull\s+back|add\s+(?:more\s+)?(?:room|space|canvas|padding|border|margin)|"
    r"(?:bigger|larger)\s+canvas|enlarge\s+the\s+canvas|fill\s+(?:in\s+)?the\s+(?:sides|edges|borders)|"
    r"show\s+more|more\s+(?:room|space|canvas|headroom|of\s+the\s+(?:scene|background|surroundings|room|"
    r"landscape|picture|image|area))|wider|taller|longer)\b")
_FIT = re.compile(r"\b(?:fit|fits|make|turn|convert|change|format|for|as|into|reformat|adapt|to|ratio|aspect|"
                  r"extend|expand|outpaint|work\s+as|use\s+as)\b")
_ZOOM = re.compile(r"\bzoom(?:ed|ing)?\s+out\b(?:\s+(?:by\s+)?(?:(?P<z>\d+(?:\.\d+)?)\s*(?:x|times)?|(?P<pct>\d{1,3})\s*%|"
                   r"(?P<word>a\s+(?:bit|little)|a\s+lot|much|twice|double)))?|\b(?P<z2>\d+(?:\.\d+)?)\s*x\s+zoom\s+out\b"
                   r"|\b(?:uncrop|un-crop|pull\s+back|show\s+more\s+of\s+the\s+(?:scene|surroundings|picture|area))\b")
_MORE = re.compile(
    r"\bmore\s+(?P<what>sky|ground|floor|grass|water|sea|ocean|beach|road|ceiling|wall|headroom|foreground|"
    r"scenery|space|room|background)\b")
_DIRS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"all\s+(?:four\s+)?sides|all\s+around|every\s+side|each\s+side|all\s+directions|everywhere|"
     r"all\s+edges", ("left", "right", "top", "bottom")),
    (r"both\s+sides|the\s+sides|sideways|horizontal(?:ly)?|left\s+and\s+right|right\s+and\s+left|wider|"
     r"widen\w*", ("left", "right")),
    (r"vertical(?:ly)?|top\s+and\s+bottom|bottom\s+and\s+top|up\s+and\s+down|taller|longer", ("top", "bottom")),
    (r"left(?:wards)?", ("left",)), (r"right(?:wards)?", ("right",)),
    (r"top|up(?:wards?)?|above|upper|sky|headroom|ceiling|over\s+(?:his|her|their)\s+head", ("top",)),
    (r"bottom|down(?:wards?)?|below|lower|ground|floor|foreground|grass|road|feet", ("bottom",)),
)
_DIR_RE = [(re.compile(rf"\b(?:{p})\b"), sides) for p, sides in _DIRS]
_PAIR = re.compile(
    r"(?P<n>\d{1,5})\s*(?P<u>px|pixels?|%|percent)?\s+(?:to|on|at|from|onto|off|of)?\s*(?:the\s+)?"
    r"(?P<d>left|right|top|bottom)\b|\b(?P<d2>left|right|top|bottom)(?:\s+side)?\s+(?:by\s+)?(?P<n2>\d{1,5})\s*"
    r"(?P<u2>px|pixels?|%|percent)?")
_AMOUNT = re.compile(r"\b(?:by\s+)?(?P<n>\d{1,5})\s*(?P<u>px|pixels?|%|percent)\b|\bby\s+(?:a\s+|one\s+)?"
                     r"(?P<frac>half|third|quarter|fifth|tenth|two\s+thirds)\b|\bby\s+(?P<bare>\d{1,5})\b")


_HAS_SIDES = "sides" in OutpaintArgs.model_fields
"""Newer contracts let the executor size a side itself ("a quarter of the image")."""


def _wanted(low: str) -> list[str]:
    """The sides a sentence names: "wider" → left and right, "more sky" → top."""
    wanted: list[str] = []
    for pattern, names in _DIR_RE:
        if pattern.search(low):
            wanted.extend(n for n in names if n not in wanted)
            if len(names) > 1:
                break
    return wanted


def _px(side: str, amount: float | None, unit: str | None, size: tuple[int, int] | None) -> int:
    span = None if size is None else (size[0] if side in ("left", "right") else size[1])
    if amount is None:
        return max(16, round(0.25 * span)) if span else DEFAULT_PX
    if unit in ("%", "percent", "fraction"):
        share = amount / 100 if unit != "fraction" else amount
        return max(1, round(share * span)) if span else DEFAULT_PX
    return int(min(16384, max(1, amount)))


def parse_outpaint(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    low = clause.low
    if re.search(r"\b(?:crop|trim)\w*\b", low):
        return []
    verb = _VERB.search(low)
    m = _ZOOM.search(low)
    if m:
        zoom = 1.5
        if m.group("z") or m.group("z2"):
            zoom = float(m.group("z") or m.group("z2"))
        elif m.group("pct"):
            zoom = 1 + int(m.group("pct")) / 100
        elif m.group("word"):
            zoom = {"a bit": 1.25, "a little": 1.25, "a lot": 2.0, "much": 2.0, "twice": 2.0, "double": 2.0}.get(
                " ".join(m.group("word").split()), 1.5)
        zoom = min(8.0, max(1.05, zoom))
        return [Step("outpaint", [OutpaintCall(args=OutpaintArgs(zoom=zoom))], f"zooming out {zoom:g}×")]
    size = SIZE.search(low)
    if size and (verb or _FIT.search(low)):
        w, h = int(size.group("w")), int(size.group("h"))
        if 16 <= w <= 16384 and 16 <= h <= 16384:
            return [Step("outpaint", [OutpaintCall(args=OutpaintArgs(size=(w, h)))],
                        f"extending the canvas to {w}×{h}")]
    aspect = aspect_of(low)
    bare = FORMAT.sub(" ", ASPECT.sub(" ", low))
    bare = re.sub(r"\b(?:please|pls|thanks?|a|an|the|for|it|this|size|format|ratio|aspect|version|one|square)\b",
                  " ", bare)
    if aspect and (verb or _FIT.search(low) or not bare.strip(" ,.!?")):
        wanted = _wanted(FORMAT.sub(" ", low)) if _HAS_SIDES else []
        fields = {"sides": wanted} if wanted else {}
        where = f" on the {' and '.join(wanted)}" if wanted else ""
        return [Step("outpaint", [OutpaintCall(args=OutpaintArgs(aspect=aspect, **fields))],
                    f"extending the canvas{where} to {aspect}")]
    more = _MORE.search(low)
    if not verb and not (more and re.search(r"\b(?:add|more|show|give|want|need|get)\b", low)):
        return []
    if verb and re.match(r"(?:wider|taller|longer)$", verb.group(0)) and not re.search(
            r"\b(?:make|get|image|photo|picture|canvas|it|frame)\b", low):
        return []
    sides: dict[str, int] = {}
    for pm in _PAIR.finditer(low):
        side = pm.group("d") or pm.group("d2")
        amount = float(pm.group("n") or pm.group("n2"))
        unit = pm.group("u") or pm.group("u2")
        sides[side] = _px(side, amount, unit, ctx.image_size)
    prompt = ""
    if not sides:
        wanted = _wanted(low)
        if more and more.group("what") not in ("space", "room", "background", "scenery"):
            prompt = more.group("what")
        if not wanted:
            if more and more.group("what") in ("space", "room", "background", "scenery") or \
                    re.search(r"\bshow\s+more\b|\bbigger\s+canvas|\benlarge\s+the\s+canvas|\bexpand\b", low):
                return [Step("outpaint", [OutpaintCall(args=OutpaintArgs(zoom=1.5))], "zooming out 1.5×")]
            return []
        am = _AMOUNT.search(low)
        amount = unit = None
        if am:
            if am.group("frac"):
                amount, unit = FRACTION_WORDS[" ".join(am.group("frac").split())], "fraction"
            else:
                amount = float(am.group("n") or am.group("bare"))
                unit = am.group("u") or "px"
        if amount is None and ctx.image_size is None and _HAS_SIDES:
            args = OutpaintArgs(sides=wanted, prompt=prompt)     # the executor grows each by a quarter
            return [Step("outpaint", [OutpaintCall(args=args)],
                        f"extending the canvas on the {' and '.join(wanted)} by a quarter of the picture")]
        both = len(wanted) > 1 and amount is None and re.search(r"\b(?:wider|taller|longer|widen)", low)
        for side in wanted:
            px = _px(side, amount, unit, ctx.image_size)
            sides[side] = max(1, px // 2) if both else px
    if not sides:
        return []
    args = OutpaintArgs(**sides, prompt=prompt)
    text = ", ".join(f"{px} px {'to the ' + s if s in ('left', 'right') else 'at the ' + s}" for s, px in sides.items())
    note = ""
    if ctx.image_size is None and re.search(r"%|percent|\bby\s+(?:a\s+)?(?:half|third|quarter)", low):
        note = f"Without the image size I used {DEFAULT_PX} px steps."
    return [Step("outpaint", [OutpaintCall(args=args)], f"extending the canvas {text}", note)]
