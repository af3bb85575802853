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
from retouch.agent.planner.rules_lexicon import phrase_re, rx
from retouch.agent.planner.rules_vocab import CANVAS_DIRECTIONS, FRACTION_WORDS, ROOM_WORDS, ZOOM_OUT_AMOUNTS

DEFAULT_PX = 256
_VERB = rx(r"\b{CANVAS_VERBS}\b")
_FIT = rx(r"\b{FIT_WORDS}\b")
_ZOOM = rx(r"\bzoom(?:ed|ing)?\s+out\b(?:\s+(?:by\s+)?(?:(?P<z>\d+(?:\.\d+)?)\s*(?:x|times)?|(?P<pct>\d{1,3})\s*%|"
           r"(?P<word>{ZOOM_OUT_AMOUNTS})))?|\b(?P<z2>\d+(?:\.\d+)?)\s*x\s+zoom\s+out\b|\b{ZOOM_OUT_PHRASES}\b")
_MORE = rx(r"\bmore\s+(?P<what>{MORE_OF})\b")
_DIR_RE = [(re.compile(rf"\b{phrase_re(words)}\b"), sides) for words, sides in CANVAS_DIRECTIONS]
_PAIR = rx(
    r"(?P<n>\d{1,5})\s*(?P<u>{LENGTH_UNITS})?\s+{SIDE_LINKS}?\s*(?:the\s+)?(?P<d>{DIRECTIONS})\b"
    r"|\b(?P<d2>{DIRECTIONS})(?:\s+side)?\s+(?:by\s+)?(?P<n2>\d{1,5})\s*(?P<u2>{LENGTH_UNITS})?")
_AMOUNT = rx(r"\b(?:by\s+)?(?P<n>\d{1,5})\s*(?P<u>{LENGTH_UNITS})\b|\bby\s+(?:a\s+|one\s+)?"
             r"(?P<frac>{FRACTION_WORDS})\b|\bby\s+(?P<bare>\d{1,5})\b")
_CROPPING = re.compile(r"\b(?:crop|trim)\w*\b")
_FORMAT_FILLER = rx(r"\b{FORMAT_FILLERS}\b")
_MORE_ASK = rx(r"\b{MORE_ASKS}\b")
_COMPARATIVE = re.compile(r"(?:wider|taller|longer)$")
_CANVAS_SUBJECT = rx(r"\b{CANVAS_SUBJECTS}\b")
_ZOOM_ALL = re.compile(r"\bshow\s+more\b|\bbigger\s+canvas|\benlarge\s+the\s+canvas|\bexpand\b")
_BOTH_WAYS = re.compile(r"\b(?:wider|taller|longer|widen)")
_SHARE = re.compile(r"%|percent|\bby\s+(?:a\s+)?(?:half|third|quarter)")


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
    if _CROPPING.search(low):
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
            zoom = ZOOM_OUT_AMOUNTS.get(" ".join(m.group("word").split()), 1.5)
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
    bare = _FORMAT_FILLER.sub(" ", bare)
    if aspect and (verb or _FIT.search(low) or not bare.strip(" ,.!?")):
        wanted = _wanted(FORMAT.sub(" ", low)) if _HAS_SIDES else []
        fields = {"sides": wanted} if wanted else {}
        where = f" on the {' and '.join(wanted)}" if wanted else ""
        return [Step("outpaint", [OutpaintCall(args=OutpaintArgs(aspect=aspect, **fields))],
                    f"extending the canvas{where} to {aspect}")]
    more = _MORE.search(low)
    if not verb and not (more and _MORE_ASK.search(low)):
        return []
    if verb and _COMPARATIVE.match(verb.group(0)) and not _CANVAS_SUBJECT.search(low):
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
        if more and more.group("what") not in ROOM_WORDS:
            prompt = more.group("what")
        if not wanted:
            if more and more.group("what") in ROOM_WORDS or _ZOOM_ALL.search(low):
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
        both = len(wanted) > 1 and amount is None and _BOTH_WAYS.search(low)
        for side in wanted:
            px = _px(side, amount, unit, ctx.image_size)
            sides[side] = max(1, px // 2) if both else px
    if not sides:
        return []
    args = OutpaintArgs(**sides, prompt=prompt)
    text = ", ".join(f"{px} px {'to the ' + s if s in ('left', 'right') else 'at the ' + s}" for s, px in sides.items())
    note = ""
    if ctx.image_size is None and _SHARE.search(low):
        note = f"Without the image size I used {DEFAULT_PX} px steps."
    return [Step("outpaint", [OutpaintCall(args=args)], f"extending the canvas {text}", note)]
