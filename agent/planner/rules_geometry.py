"""Crop, rotate, flip — and the ratio words the canvas handler shares ("16:9", "square", "a
Facebook cover").

"crop it square" → crop(aspect 1:1); "rotate left" → -90°; "turn it upside down" → 180°;
"straighten by 2 degrees" → 2°, and without an angle a question back (there is no horizon finder);
"crop the bottom 100 px" → a box when the image size is known; "crop out the guy" is a removal.
"""

from __future__ import annotations

import re

from pydantic import ValidationError

from retouch.agent.plan import MAX_ASPECT, CropArgs, CropCall
from retouch.agent.planner.base import PlanningContext
from retouch.agent.planner.rules_lexicon import rx
from retouch.agent.planner.rules_region import parse_region
from retouch.agent.planner.rules_steps import Step, refusal
from retouch.agent.planner.rules_text import Settings, Words
from retouch.agent.planner.rules_vocab import ASPECT_WORDS, FORMATS

ASPECT = re.compile(r"\b(?P<a>\d{1,2}(?:\.\d{1,3})?)\s*(?::|\s+by\s+|/|x|\s+to\s+)\s*(?P<b>\d{1,2}(?:\.\d{1,3})?)\b"
                    r"(?!\s*(?:px|pixels|%))")
"""A ratio written out: 16:9, 4 by 5, 3/2, 1x1."""
SIZE = re.compile(r"\b(?P<w>\d{3,5})\s*(?:x|\*|by|×)\s*(?P<h>\d{3,5})\b")
"""An exact size in pixels: 1920x1080."""
FORMAT = re.compile("|".join("(?P<f%d>\\b%s\\b)" % (i, r"[\s-]*".join(map(re.escape, name.split())))
                             for i, (name, _) in enumerate(FORMATS)))
"""A named format ("instagram story"), longest names first as FORMATS lists them."""
_PRINT_AFTER = re.compile(r"\s*(?:print|photo)")
_SHAPE_WORD = tuple((rx(rf"\b{{RESHAPE_VERBS}}\s+(?:it|this|that|the\s+{{PICTURE_NOUNS}})?\s*"
                        rf"(?:(?:in|into|to|as|in\s+to)\s+)?(?:a\s+)?{word}\b|\b(?:in|to|into)\s+(?:a\s+)?{word}\s+(?:{{SHAPE_NOUNS}}|image)\b"
                        rf"|\b{word}\s+{{SHAPE_NOUNS}}\b|^{word}$"), aspect) for word, aspect in ASPECT_WORDS.items())
_CROP = rx(r"^(?:crop|trim|cut\s+down)\w*\b|\bcrop(?:ped|ping)?\s+{CROP_OBJECTS}\b|\b(?:square|tight|tighter)\s+crop\b")
_ROTATE = rx(r"\brotat\w*\b|\bturn\s+(?:it|this|the\s+(?:image|photo|picture))?\s*(?:by\s+)?"
             r"(?:\d+\s*degrees?|{ROTATE_DIRECTIONS})")
_STRAIGHTEN = rx(r"\b{STRAIGHTEN_WORDS}|\blevel\s+(?:the\s+|out\s+the\s+)?horizon|\bhorizon\s+is\s+"
                 r"(?:{TILTED_WORDS}|not\s+level)|\b(?:it'?s|is)\s+{TILTED_WORDS}\b")
_FLIP = rx(r"^(?:flip|mirror)\w*\b|\b(?:flip|mirror)\w*\s+{FLIP_OBJECTS}\b|\b(?:flip|mirror)\w*\s+(?:horizontal|vertical)"
           r"|\bmirror\s+image\b")
_VERTICAL = rx(r"\b{VERTICAL_FLIPS}")
_UPSIDE_DOWN = re.compile(r"\bupside\s+down\b")
_TURN_OR_PUT = re.compile(r"\bturn|\bput")
_DEGREES = re.compile(r"(?P<sign>[-+])?\s*(?P<n>\d{1,3}(?:\.\d+)?)\s*(?:degrees?|deg|°)?")
_TILT = re.compile(r"(?P<sign>[-+])?(?P<n>\d{1,2}(?:\.\d+)?)\s*(?:degrees?|deg|°)")
_CCW = rx(r"\b{COUNTER_CLOCKWISE}\b")
_CROP_TOPS = re.compile(r"\bcrop(?:ped)?\s+(?:top|tops)\b")
_CROP_LEAD = re.compile(r"^.*?\bcrop\w*\s*(?:off|away|out|to|the)?\s*")
_CROP_OUT = re.compile(r"\bcrop\w*\s+(?:out|away)\s+(?P<np>.+)")
_CROP_AROUND = re.compile(r"\bcrop\w*\s+(?:it\s+)?(?:to|around|on)\s+(?:the|my|his|her)\s+\w+")
_CROP_TO = re.compile(r"\bcrop\w*\s+(?:it\s+)?to\b")
_TO = re.compile(r"\bto\b")
_NOT_A_CROP = rx(r"\b(?:{DO_NOT}|without|no|not|never)\s+(?:\w+\s+)?\W?$")


def aspect_of(low: str) -> str | None:
    """The ratio the words ask for — written out, a named format, or a shape word — else None."""
    m = ASPECT.search(low)
    if m and 0 < float(m.group("a")) <= 40 and 0 < float(m.group("b")) <= 40 and not _PRINT_AFTER.match(
            low[m.end():]):
        return f"{m.group('a')}:{m.group('b')}"
    m = FORMAT.search(low)
    if m:
        return FORMATS[int(m.lastgroup[1:])][1]
    return next((aspect for pattern, aspect in _SHAPE_WORD if pattern.search(low)), None)


def aspect_problem(aspect: str) -> str | None:
    """Why the contract would refuse this ratio (a zero side, longer than 20:1), as a question."""
    try:
        CropArgs(aspect=aspect)
    except ValidationError:
        return (f"{aspect} is not a shape I can make: both sides must be above zero and the long side at most "
                f"{MAX_ASPECT:g} times the short one — which ratio do you want?")
    return None


def parse_geometry(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    low = clause.low
    if _FLIP.search(low):
        flip = "vertical" if _VERTICAL.search(low) else "horizontal"
        return [Step("crop", [CropCall(args=CropArgs(flip=flip))], f"flipping the image {flip}ly")]
    rotate = _ROTATE.search(low)
    if rotate or (_UPSIDE_DOWN.search(low) and _TURN_OR_PUT.search(low)):
        m = _DEGREES.search(low[rotate.end():] if rotate else "")
        degrees = float(m.group("n")) if m and m.group("n") else 90.0
        if _UPSIDE_DOWN.search(low):
            degrees = 180.0
        if (_CCW.search(low) or (m and m.group("sign") == "-")) and degrees != 180:
            degrees = -degrees
        degrees = max(-360.0, min(360.0, degrees))
        text = f"{abs(degrees):g}° {'counter-clockwise' if degrees < 0 else 'clockwise'}"
        return [Step("crop", [CropCall(args=CropArgs(rotate=degrees))], f"rotating the image {text}")]
    if _STRAIGHTEN.search(low):
        m = _TILT.search(low)
        if not m:
            return [refusal("By how many degrees should I straighten it? For example \"straighten by 2 degrees "
                            "counter-clockwise\".")]
        degrees = float(m.group("n")) * (-1 if _CCW.search(low) or m.group("sign") == "-" else 1)
        return [Step("crop", [CropCall(args=CropArgs(rotate=degrees))],
                     f"straightening the image by {abs(degrees):g}° "
                     f"{'counter-clockwise' if degrees < 0 else 'clockwise'}")]
    crop = _CROP.search(low)
    if not crop or _CROP_TOPS.search(low) or _NOT_A_CROP.search(low[:crop.start() + 1]):
        return []
    aspect = aspect_of(low)
    if aspect:
        return [Step("crop", [CropCall(args=CropArgs(aspect=aspect))], f"cropping to {aspect}")]
    found = parse_region(Words.of(_CROP_LEAD.sub("", low)), ctx.image_size)
    if found is None:
        if _CROP_OUT.search(low):
            return []                                     # "crop out the guy" is a removal
        if _CROP_AROUND.search(low):
            return [refusal("I can't crop to an object yet; give a ratio (\"crop to 4:5\") or a box "
                            "(\"crop to box 0,0,800,600\").")]
        return [refusal("How should I crop it? Give a ratio (\"crop to 16:9\", \"crop it square\") or a box.")]
    fields, name = found
    if "box" in fields:
        return [Step("crop", [CropCall(args=CropArgs(box=fields["box"]))], f"cropping to {name}")]
    if ctx.image_size is None:
        return [refusal("I need the image size to crop a strip; give a box instead (\"crop to box 0,0,800,600\").")]
    box = _strip_box(fields, ctx.image_size, keep=bool(_CROP_TO.search(low)))
    if box is None:
        return [refusal("That crop would leave nothing of the picture.")]
    return [Step("crop", [CropCall(args=CropArgs(box=box))], f"cropping {'to' if _TO.search(low) else 'off'} {name}")]


def _strip_box(fields: dict, size: tuple[int, int], keep: bool) -> tuple[int, int, int, int] | None:
    w, h = size
    side = fields.get("side")
    span = w if side in ("left", "right") else h
    depth = fields.get("pixels") or round(span * (fields.get("fraction") or 0.5))
    if side == "center":
        return None
    if keep:
        boxes = {"left": (0, 0, depth, h), "right": (w - depth, 0, w, h), "top": (0, 0, w, depth),
                 "bottom": (0, h - depth, w, h)}
    else:
        boxes = {"left": (depth, 0, w, h), "right": (0, 0, w - depth, h), "top": (0, depth, w, h),
                 "bottom": (0, 0, w, h - depth)}
    box = boxes[side]
    return box if box[2] > box[0] and box[3] > box[1] else None
