"""Canvas words → `outpaint`: sides and pixels, ratios, zoom-out, named formats — and the vague ways
people ask for more picture.

"extend 256 px to the right" → right=256; "make it 16:9" → aspect; "zoom out" → zoom 1.5;
"make this fit a Facebook cover" → aspect 820:312; "make it wider" → left and right; "more sky on
top" → top, with "sky" as the prompt. People rarely say "extend": "can you uncrop this?", "more room
around her", "pad the icon with a white margin", "his feet are cut off", "show more of the room",
"continue the landscape to the left", "fit it in a square without losing anything", "as a desktop
wallpaper without cropping" all grow the canvas — a ratio with "without cropping" or "cut off" is
never a crop. Growth all round (room, a border, a margin) is a zoom-out: 1.25× when small words say
so ("a touch", "a margin"), else 1.5×.

Without an amount and without the image size the sides are only named (`sides=["top"]`) and the
executor grows each by a quarter of the picture; a share ("by 20%") without the size falls back to
256 px and the reply says so. Amounts are read whole and held to the contract (`rules_numbers`):
"extend 10000000 px" or "−256 px" or "zoom out 0.5x" get a question with the limit, never a
quietly different number.
"""

from __future__ import annotations

import math
import re

from retouch.agent.plan import (
    MAX_EXTEND_PX, MAX_SIZE_PX, MIN_SIZE_PX, CropArgs, CropCall, OutpaintArgs, OutpaintCall,
)
from retouch.agent.planner.base import PlanningContext
from retouch.agent.planner.rules_geometry import (
    ASPECT, FORMAT, aspect_of, aspect_problem, find_format, phone_aspect, phone_screen, pixel_size, print_size,
    turns,
)
from retouch.agent.planner.rules_lexicon import phrase_re, rx
from retouch.agent.planner.rules_numbers import NUMBER, shown, to_number, within
from retouch.agent.planner.rules_steps import Step, ask, left_out, refusal, whole_clause_read
from retouch.agent.planner.rules_text import Settings, Words
from retouch.agent.planner.rules_vocab import (
    CANVAS_DIRECTIONS, FRACTION_WORDS, GENERIC_FORMATS, IMPLIED_SIDES, PHONE_FORMAT, SCENE_FILLERS, ZOOM_OUT_AMOUNTS,
)

_SIZE_JOINT = rx(r".*?[\s,]*(?<![\w'-]){SIZE_JOINTS}(?![\w'-])\s*")
_UPSCALE = rx(r"\b{UPSCALE_WORDS}")

DEFAULT_PX = 256
DEFAULT_ZOOM = 1.5
SMALL_ZOOM = 1.25
_VERB = rx(r"\b{CANVAS_VERBS}\b")
_GROWN = rx(r"\b(?:{CANVAS_NOUNS})\s+(?:\w+\s+){0,2}?{GROWN_WORDS}\b|\b{GROWN_WORDS}\s+(?:canvas|frame)\b")
_ROOM = rx(r"\b{ROOM_AMOUNTS}\s+(?:\w+\s+)?{ROOM_WORDS}\b|\b{ROOM_WORDS}\s+(?:around|above|below|on|at|to|for|"
           r"between|over|under)\b")
_PAD = rx(r"^{PAD_VERBS}\b|\b{PAD_VERBS}\s+(?:it|this|the\s+\w+)\b")
_CONTINUE = rx(r"\b{CONTINUE_VERBS}\s+(?:the\s+)?(?P<what>[a-z]+)")
_CUT_OFF = rx(r"\b{CUT_OFF_WORDS}\b")
_REST_SHOWN = rx(r"\b{REST_SHOWN_VERBS}\s+(?:the\s+)?(?:{REST_SHOWN_PARTS})\b"
                 r"|\b{REST_SHOWN_VERBS}\s+(?:the\s+)?(?:{DIRECTIONS})\s+(?:side|edge|end|part)\s+of\b")
_PART_SHOWN = rx(r"\b{MOVE_VERBS}\s+(?:the\s+|this\s+|my\s+)?(?:{CANVAS_NOUNS}|it|this)\b(?:\s+[a-z]+){0,3}?\s+"
                 r"(?:so(?:\s+that)?|until|till|to\s+where|to\s+show)\s+(?:you\s+can\s+see\s+)?"
                 r"(?:(?:his|her|their|my|the|our)\s+)?(?:(?:whole|entire|full)\s+)?(?P<part>{EDGE_PARTS})\b"
                 r"(?:(?:\s+(?:is|are))?\s+(?:{IN_VIEW_WORDS})\b|\s*$)"
                 r"|^show\s+(?:the\s+top\s+of\s+|the\s+bottom\s+of\s+|all\s+of\s+)?(?:his|her|their|my|our)\s+"
                 r"(?:(?:whole|entire|full)\s+)?(?P<part2>{EDGE_PARTS})\s*[.!?]*$")
"""'drag the photo up till her head shows', 'shift the photo so her feet show', 'show the top of his
head': the frame cut a part of the person, and moving the frame to show it is more canvas on that part's side — never
a thing moved in the picture."""
_KEEP_ALL = rx(r"\b{KEEP_ALL_WORDS}\b")
_EDGE_FILL = rx(r"\bfill\w*\s+(?:in\s+)?.*\b{EDGE_FILL}\b")
_FIT = rx(r"\b{FIT_WORDS}\b")
_SIZED_VERSION = rx(r"\d\s*(?:px|pixels?)?\s+(?:{SIZED_VERSION_NOUNS})\b")
"""'do a 1080x1080 *render* of this': a size said right before a copy of the photo asks for that size."""
_GOVERNED = rx(r"\b(?:{FIT_WORDS})\s+(?:(?:it|this|that|them|the|my|our|a|an|into|as|for|in|to|be|use|work|fit|"
               r"photo|picture|image|pic|version|new|proper|{FORMAT_PRAISE})\s+){0,4}(?:and\s+)?$")
"""A format counts when the words before it ask for it ('make it *my* phone wallpaper', 'crop it *for a* cover'),
not when a story names one in passing ('I saved it from a wallpaper'); 'to fit *and* iphone screen' is a typo for 'an'."""
_ZOOM = rx(r"\bzoom(?:ed|ing)?\s+(?:(?:it|this|that|him|her|them|(?:the|my|this)\s+[a-z]+)\s+)?out\b(?:\s+(?:by\s+)?(?:(?P<z>" + NUMBER + r")\s*(?:x|×|times)?(?P<pct>\s*%)?"
           r"|(?P<word>{ZOOM_OUT_AMOUNTS})))?|\b(?P<z2>" + NUMBER + r")\s*(?:x|×)\s+zoom\s+out\b"
           r"|\b{ZOOM_OUT_PHRASES}\b")
_MORE = rx(r"\bmore\s+(?P<what>{MORE_OF})\b")
_MORE_OF_THE = re.compile(r"\bmore\s+of\s+(?:the|this|that|her|his|their|my)\s+(?P<what>[a-z]+)")
_EXTENDED_THING = re.compile(r"\b(?:extend|expand|continue|widen|lengthen)\w*\s+the\s+(?P<what>[a-z]+)")
_EXPLICIT = [(re.compile(rf"\b{phrase_re(words)}\b"), sides) for words, sides in CANVAS_DIRECTIONS]
_IMPLIED = [(re.compile(rf"\b{phrase_re(words)}\b"), sides) for words, sides in IMPLIED_SIDES]
_LENGTH = rx(r"(?P<n>" + NUMBER + r")\s*(?P<u>{LENGTH_UNITS})(?![a-z])")
_PAIR = rx(
    r"(?P<n>" + NUMBER + r")\s*(?P<u>{LENGTH_UNITS})?\s+{SIDE_LINKS}?\s*(?:the\s+)?(?P<d>{DIRECTIONS})\b"
    r"|\b(?P<d2>{DIRECTIONS})(?:\s+side)?\s+(?:by\s+)?(?P<n2>" + NUMBER + r")\s*(?P<u2>{LENGTH_UNITS})?")
_FRACTION = rx(r"\bby\s+(?:a\s+|one\s+)?(?P<frac>{FRACTION_WORDS})\b")
_BARE_BY = re.compile(r"\bby\s+(?P<bare>" + NUMBER + r")(?!\s*(?:x|×|times|%|percent|degrees?|°))")
_CROPPING = re.compile(r"(?<!un-)\b(?:crop|trim)\w*\b")
_PRAISED = rx(r"\b(?:{FORMAT_PRAISE})\s+(?:[a-z0-9]+\s+)?$")
"""The praise just before a format's name ('a *nice* wallpaper', 'a *good* laptop wallpaper')."""
_FORMAT_FILLER = rx(r"\b{FORMAT_FILLERS}\b")
_MORE_ASK = rx(r"\b{MORE_ASKS}\b")
_COMPARATIVE = re.compile(r"(?:wider|taller|longer)$")
_COMPARED_CANVAS = rx(
    r"(?:^|\b(?:it|this|that|{CANVAS_NOUNS})\s+(?:be\s+|look\s+)?)(?:(?:a\s+)?(?:bit|little|lot|touch|tad|much|way|"
    r"slightly|even)\s+)*{GROWN_WORDS}\b")
"""'make *it* wider', 'can *the photo be* taller', 'wider please' — not 'make her hair longer'."""
_THE_CANVAS = re.compile(r"\bcanvas\b")
"""A format fitted by resizing *the canvas* grows it: the photo stays whole."""
_SMALL = rx(r"\b{SMALL_GROWTH}\b")
_SHARE = re.compile(r"%|percent|\bby\s+(?:a\s+)?(?:half|third|quarter)")
_SIDE_TEXT = {"left": "to the left", "right": "to the right", "top": "at the top", "bottom": "at the bottom"}


_ENLARGED_SIDE = rx(r"\b(?:enlarg\w*|make\s+(?:it|this|the\s+{PICTURE_NOUNS})\s+(?:bigger|larger))\b.*?\b"
                    r"(?:at|on|to|from)\s+(?:the\s+)?(?:{DIRECTIONS}|sides?)\b")
"""'enlarge it *at the bottom*': with a side, enlarging is more canvas (without one it is upscaling)."""
_DIMENSION = rx(r"\b(?:increase|enlarge|extend|expand|add\s+(?:some\s+|more\s+)?to|more)\w*\s+(?:the\s+)?"
                r"(?P<dim>{CANVAS_DIMENSIONS})\b")
"""'increase the *height* of the photo': the canvas grows that way."""


def asks_for_canvas(low: str) -> bool:
    """Whether the words ask for more canvas, in any of the ways people say it."""
    return bool(_VERB.search(low) or _GROWN.search(low) or _ROOM.search(low) or _PAD.search(low)
                or _ENLARGED_SIDE.search(low) or _DIMENSION.search(low)
                or _CUT_OFF.search(low) or _EDGE_FILL.search(low) or _REST_SHOWN.search(low) or _PART_SHOWN.search(low)
                or (_CONTINUE.search(low) and _explicit_sides(low))
                or (_KEEP_ALL.search(low) and (aspect_of(low) or pixel_size(low))))


def edge_fill_shape(low: str) -> bool:
    """'fill in the rest of the scene around the edges': canvas, offered before removal reads 'fill'
    (with a turn it is the turn's constraint: `rules_geometry`); 'move the picture up so his head shows' too, before
    the refusal of moving a thing reads 'move'."""
    return bool(_EDGE_FILL.search(low)) and not turns(low) or bool(_PART_SHOWN.search(low))


_RIGHT_AS_CORRECT = rx(r"\b{RIGHT_AS_CORRECT}\b")


def _explicit_sides(low: str) -> list[str]:
    """The sides a sentence names outright ("at the top", "on both sides", "all around"; not the 'right' of 'get the
    size right')."""
    low = _RIGHT_AS_CORRECT.sub(" ", low)
    wanted: list[str] = []
    for pattern, names in _EXPLICIT:
        if pattern.search(low):
            if len(names) > 1:
                return list(names)
            wanted.extend(n for n in names if n not in wanted)
    return wanted


def _wanted(low: str) -> list[str]:
    """The sides a sentence names, else the ones it implies ("wider" → left and right, "his feet
    are cut off" → bottom)."""
    shown = _PART_SHOWN.search(low)
    if shown:                                          # "move the picture up so his head shows": the head's side
        low = shown.group("part") or shown.group("part2")
    explicit = _explicit_sides(low)
    if explicit:
        return explicit
    for pattern, names in _IMPLIED:
        if pattern.search(low):
            return list(names)
    return []


def _px(side: str, amount: float | None, unit: str | None, size: tuple[int, int] | None) -> int:
    span = None if size is None else (size[0] if side in ("left", "right") else size[1])
    if amount is None:
        return max(16, round(0.25 * span)) if span else DEFAULT_PX
    if unit in ("%", "percent", "fraction"):
        share = amount / 100 if unit != "fraction" else amount
        return max(1, round(share * span)) if span else DEFAULT_PX
    return round(amount)


def _amount_problem(low: str) -> str | None:
    """A question when a length in the words can't be an extension: negative, zero, too big."""
    for m in _LENGTH.finditer(low):
        value, said = to_number(m.group("n")), " ".join(m.group("n").split())
        unit = m.group("u")
        if value is None:
            continue
        if not math.isfinite(value):
            return _not_a_length(said)
        if value < 0:
            return (f"Extending by {said} {unit} would shrink the picture — did you mean to crop it? I extend a "
                    f"side by 1 to {MAX_EXTEND_PX} px (say e.g. \"extend 256 px to the right\").")
        if unit in ("%", "percent"):
            if value <= 0:
                return f"Extending by {said}% adds nothing — by how much should I extend it?"
            continue
        if value != round(value):
            return f"I extend by whole pixels — {round(value)} px instead of {said} {unit}?"
        if value < 1:
            return f"Extending by {said} {unit} adds nothing — how many pixels should I add (1 to {MAX_EXTEND_PX})?"
        if not within(round(value), OutpaintArgs, "right"):
            return (f"I can extend a side by at most {MAX_EXTEND_PX} px in one go, not {said} {unit} — how much "
                    "should I add?")
    return None


def _not_a_length(said: str) -> str:
    return f"“{said}” isn't a length I can add — how many pixels should I add to a side (1 to {MAX_EXTEND_PX})?"


def _zoom_step(m: re.Match[str]) -> Step:
    """The zoom-out the words ask for, or a question when the factor can't be one."""
    zoom = DEFAULT_ZOOM
    said = m.group("z") or m.group("z2")
    if said:
        value = to_number(said)
        if m.group("pct"):
            value = None if value is None else 1 + value / 100
            said = f"{said}%"
        if value is None or not within(value, OutpaintArgs, "zoom"):
            if value is not None and 0 < value < 1:
                return ask(f"Zooming out grows the canvas, so the factor must be above 1 — {said}× would shrink it. "
                           f"Did you mean {shown(round(1 / value, 2))}×? (I zoom out up to 8×.)")
            if value is not None and value > 1:
                return ask(f"I can zoom out at most 8× in one go, not {said}× — how far should I zoom out?")
            return ask(f"Zooming out by {said}× would change nothing or shrink the picture; the factor must be above "
                       "1 and at most 8 (e.g. \"zoom out 2x\").")
        zoom = value
    elif m.group("word"):
        zoom = ZOOM_OUT_AMOUNTS.get(" ".join(m.group("word").split()), DEFAULT_ZOOM)
    return Step("outpaint", [OutpaintCall(args=OutpaintArgs(zoom=zoom))], f"zooming out {zoom:g}×")


def _grown_by_share(m: re.Match[str]) -> Step:
    """'extend the canvas by 20%' with no side: a zoom-out of 1.2×, held to the contract's bounds."""
    said = " ".join(m.group("n").split())
    value = to_number(said)
    zoom = None if value is None else 1 + value / 100
    if zoom is None or not within(zoom, OutpaintArgs, "zoom"):
        return ask(f"Growing the canvas by {said}% isn't something I can do — it can grow by more than 0% and up to "
                   "700% (8×) in one go. How much should I add?")
    return Step("outpaint", [OutpaintCall(args=OutpaintArgs(zoom=round(zoom, 4)))],
                f"zooming out {round(zoom, 4):g}× ({said}% more canvas)")


CROP_KEEPS_AT_LEAST = 0.5
"""A named format ("a phone wallpaper") with no word for how is a crop when the crop keeps at least this share of the
photo, else the canvas grows to the format's shape — and the reply says which, and how to ask for the other."""


def fit_format(aspect: str, name: str, ctx: PlanningContext) -> Step:
    """Crop or extend to a format's shape by comparing it with the photo's, and say which and why."""
    wide, high = (float(part) for part in aspect.split(":"))
    grow = Step("outpaint", [OutpaintCall(args=OutpaintArgs(aspect=aspect))],
                f"extending the canvas to {aspect} for {_a(name)}")
    if ctx.image_size is None:
        return Step("crop", [CropCall(args=CropArgs(aspect=aspect))], f"cropping to {aspect} for {_a(name)}",
                    "(Without the photo's size I crop to the shape; say “extend” to keep all of the picture instead.)")
    width, height = ctx.image_size
    photo, target = width / max(1, height), wide / high
    kept = min(photo / target, target / photo)
    if kept > 0.99:
        return refusal(f"The photo already has the shape of {_a(name)} ({aspect}).")
    if kept >= CROP_KEEPS_AT_LEAST:
        return Step("crop", [CropCall(args=CropArgs(aspect=aspect))],
                    f"cropping to {aspect} for {_a(name)}",
                    f"(The crop keeps {kept:.0%} of the photo; say “extend” to keep all of it.)")
    grow.note = f"(Cropping would keep only {kept:.0%} of the photo; say “crop” to crop instead.)"
    return grow


def fit_size(width: int, height: int, ctx: PlanningContext) -> Step:
    """A size in pixels with no word for how ("resize it to 2560x1440", "make it 300 x 300"): its shape, cropped or
    extended as for a named format. No tool resamples the picture, so the reply says the pixels stay the photo's own —
    and, when the size is larger than the photo, that upscaling to it is not done."""
    common = math.gcd(width, height)
    aspect = f"{width // common}:{height // common}"
    problem = aspect_problem(aspect)
    if problem:
        return ask(problem)
    step = fit_format(aspect, f"{width}×{height} size", ctx)
    photo = ctx.image_size
    larger = photo is not None and (width > photo[0] or height > photo[1])
    if step.action == "refuse" and photo is not None:
        step.note = (f"The photo is already {width}×{height}." if (width, height) == tuple(photo) else
                     f"The photo already has the shape of {width}×{height} ({aspect}), and I can't upscale it to that "
                     "size." if larger else
                     f"The photo already has the shape of {width}×{height} ({aspect}); I don't resample, so it stays "
                     f"{photo[0]}×{photo[1]}.")
        return step
    said = (f"{width}×{height} is larger than the photo ({photo[0]}×{photo[1]}): I can't upscale, so only its shape "
            "is done and the pixels stay the photo's own." if larger else
            f"I don't resample: it gets the shape of {width}×{height}, and the pixels stay the photo's own.")
    step.note = f"{step.note} {said}".strip()
    return step


def size_beside(low: str) -> bool:
    """Whether the words give a size in pixels and ask for no upscale (the row of `parse_size_beside`)."""
    return pixel_size(low) is not None and not _UPSCALE.search(low)


def parse_size_beside(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """`_parse_size_beside`, with any word it took whole and left unread said (`rules_steps.whole_clause_read`)."""
    return whole_clause_read(_parse_size_beside(clause, ctx, settings), clause.low)


def _parse_size_beside(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """A size in pixels asked in one clause with more words around it ('make it 1920x1080 and clear it up', 'a
    112x112 png that has a clear background', 'resize it to 2560x1440 for my quad hd phone'): what the words after a
    joint ask (`SIZE_JOINTS`), then the size's shape as the canvas row reads the clause (or, when that is nothing, the
    words up to the size), last, so the other edit sees the whole picture — offered before the enhance and background
    rows, which would take the clause and drop the size. [] when the words ask for no shape ('taken on a 1920x1080
    screen')."""
    found = pixel_size(clause.low)
    if found is None:
        return []
    m = found[0]
    shaped = parse_outpaint(clause, ctx, settings)             # "… without cutting anything" after the size counts
    if not any(step.calls for step in shaped):
        shaped = parse_outpaint(clause.slice(0, m.end()), ctx, settings)
    if not any(step.calls for step in shaped):
        return []
    joint = _SIZE_JOINT.match(clause.low, m.end())
    if joint is None:
        return shaped
    rest = clause.slice(joint.end(), len(clause.low)).strip()
    from retouch.agent.planner.rules_handlers import dispatch          # the table imports this module

    others = dispatch(rest, ctx, settings) if rest.low.strip(" ,.!?") else []
    if not others:
        left_out(shaped[-1], rest.orig)
    return [*others, *shaped]                        # the other edit sees the whole picture; the shape comes last


_JOINT_BEFORE = rx(r"\s*,?\s+(?:{SIZE_JOINTS})\s+|\s*,\s*")
_FIRST_DIGIT = re.compile(r"\d")


def _edit_before_print(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """'sharpen it, and the print size roughly 8x10': an edit said before a print size and a joint
    (`SIZE_JOINTS`, or a comma), planned as if said alone, so the shape doesn't take the clause and drop it; [] when
    the words before ask nothing."""
    digit = _FIRST_DIGIT.search(clause.low)
    joints = list(_JOINT_BEFORE.finditer(clause.low, 0, digit.start())) if digit else []
    if not joints:
        return []
    from retouch.agent.planner.rules_handlers import dispatch          # the table imports this module

    earlier = dispatch(clause.slice(0, joints[-1].start()).squeeze(), ctx, settings)
    if not earlier or not all(step.calls for step in earlier) or any(step.action in ("crop", "outpaint")
                                                                     for step in earlier):
        return []
    return earlier


def _a(name: str) -> str:
    return f"an {name}" if name[:1] in "aeiou8" or name.startswith(("11", "18")) else f"a {name}"


def _prompt(low: str) -> str:
    """What the new canvas should show, when the words name scene content ("more sky", "extend the
    beach", "continue the wall")."""
    for pattern in (_MORE, _MORE_OF_THE, _EXTENDED_THING, _CONTINUE):
        m = pattern.search(low)
        if m and m.group("what") not in SCENE_FILLERS:
            return m.group("what")
    return ""


_PLAIN_BORDER_ADDED = rx(r"^(?:{ADD_VERBS_INFLECTED}|give|put)\b(?:\s+[\w'-]+){0,4}?\s+(?:(?:{COLORS}|plain|solid|blank)\s+(?:and\s+)?)+"
                        r"(?:(?:thin|thick|small|wide|narrow|little|nice|simple)\s+)?(?:border|borders|frame|margin|margins)\b")
"""'add a white border', 'give it a thin black frame': a plain band around the photo — no tool paints one (an outpaint
grows the scene, not a plain colour), so it is declined with what is possible."""
PLAIN_BORDER_NOTE = ("I can't add a plain border or frame yet — extending the canvas paints more of the scene, not a "
                     "plain colour. I can extend the scene itself (\"zoom out a little\") or crop it.")


def parse_outpaint(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """`_parse_outpaint`, with any word it took whole and left unread said (`rules_steps.whole_clause_read`)."""
    return whole_clause_read(_parse_outpaint(clause, ctx, settings), clause.low)


def _parse_outpaint(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    low = clause.low
    if _PLAIN_BORDER_ADDED.match(low):
        return [refusal(PLAIN_BORDER_NOTE)]
    keep_all = bool(_KEEP_ALL.search(low) or _CUT_OFF.search(low))
    if _CROPPING.search(low) and not keep_all:
        return []
    cue = asks_for_canvas(low)
    if cue:
        problem = _amount_problem(low)
        if problem:
            return [ask(problem)]
    m = _ZOOM.search(low)
    if m:
        return [_zoom_step(m)]
    size = pixel_size(low)
    if size and (cue or _FIT.search(low) or _SIZED_VERSION.search(low)):
        _, w, h = size
        if not cue:                                    # only its shape is made: the pixels stay the photo's own
            return [fit_size(w, h, ctx)]
        if not (MIN_SIZE_PX <= w <= MAX_SIZE_PX and MIN_SIZE_PX <= h <= MAX_SIZE_PX):
            return [ask(f"{w}×{h} is outside the sizes I can make ({MIN_SIZE_PX} to {MAX_SIZE_PX} px a side) — "
                        "what size should it be?")]
        return [Step("outpaint", [OutpaintCall(args=OutpaintArgs(size=(w, h)))], f"extending the canvas to {w}×{h}")]
    aspect = aspect_of(low)
    found = find_format(low)
    named = found[0] if found else None
    bare = _FORMAT_FILLER.sub(" ", (FORMAT.sub(" ", low) if named else low))
    bare = ASPECT.sub(" ", bare)
    printed = print_size(low)
    named_generic = named is None or " ".join(named.group(0).split()) in GENERIC_FORMATS
    if aspect == phone_aspect() and phone_screen(low) and named_generic and not (cue or printed or ASPECT.search(low)):
        return [fit_format(aspect, PHONE_FORMAT, ctx)]  # "make it fit my phone", "a wallpaper for my phone"
    if aspect and (named and not ASPECT.search(low) or printed) and not cue:
        if not printed and bare.strip(" ,.!?") and not _GOVERNED.search(low[:named.start()]):
            return []                                  # "I saved it from a wallpaper": a format in passing
        name = printed[1] if printed else " ".join(named.group(0).split())
        problem = aspect_problem(aspect)
        if problem:
            return [ask(problem)]
        if _THE_CANVAS.search(low):                    # "resize the canvas for a story": the canvas, not a crop
            return [Step("outpaint", [OutpaintCall(args=OutpaintArgs(aspect=aspect))],
                         f"extending the canvas to {aspect} for {_a(name)}")]
        shaped = fit_format(aspect, name, ctx)
        earlier = _edit_before_print(clause, ctx, settings) if printed and shaped.calls else []
        if earlier:                                    # "make it clearer and a size of 8x10": both
            return [*earlier, shaped]
        if named and _PRAISED.search(low[:named.start()]) and shaped.calls:    # "a good laptop wallpaper"
            from retouch.agent.planner.rules_enhance import enhance_step
            return [shaped, enhance_step(None, f"enhancing it for {_a(name)} — measuring it and correcting only "
                                               "what is off")]
        return [shaped]
    if aspect and (cue or _FIT.search(low) or not bare.strip(" ,.!?")):
        problem = aspect_problem(aspect)
        if problem:
            return [ask(problem)]
        wanted = _wanted(FORMAT.sub(" ", low) if named else low)
        fields = {"sides": wanted} if wanted and len(wanted) < 4 else {}
        where = f" on the {' and '.join(wanted)}" if fields else ""
        return [Step("outpaint", [OutpaintCall(args=OutpaintArgs(aspect=aspect, **fields))],
                     f"extending the canvas{where} to {aspect}")]
    more = _MORE.search(low)
    if not cue and not (more and _MORE_ASK.search(low)):
        return []
    verb = _VERB.search(low)
    if verb and _COMPARATIVE.match(verb.group(0)) and not _COMPARED_CANVAS.search(low) and not keep_all \
            and not (_VERB.search(low, verb.end()) or _ROOM.search(low)):
        return []                                      # "make her hair longer" is not the canvas
    return _sides_step(low, ctx)


def _sides_step(low: str, ctx: PlanningContext) -> list[Step]:
    """Pixels or shares per side; named sides; or all round, as a zoom-out."""
    sides: dict[str, int] = {}
    for pm in _PAIR.finditer(low):
        side = pm.group("d") or pm.group("d2")
        said = pm.group("n") or pm.group("n2")
        amount = to_number(said)
        if amount is None:
            continue
        if not math.isfinite(amount):
            return [ask(_not_a_length(" ".join(said.split())))]
        sides[side] = _px(side, amount, pm.group("u") or pm.group("u2"), ctx.image_size)
    prompt = _prompt(low)
    if not sides:
        wanted = _wanted(low)
        length = _LENGTH.search(low)
        if length and not wanted:                      # "extend the canvas by 300 px": every side, said so
            if length.group("u") in ("%", "percent"):
                return [_grown_by_share(length)]
            wanted = ["left", "right", "top", "bottom"]
        if not wanted or len(wanted) == 4 and not length:
            zoom = SMALL_ZOOM if _SMALL.search(low) else DEFAULT_ZOOM
            return [Step("outpaint", [OutpaintCall(args=OutpaintArgs(zoom=zoom, prompt=prompt))],
                         f"zooming out {zoom:g}× (more canvas on every side)", vague=not wanted)]
        amount = unit = None
        fm, lm, bm = _FRACTION.search(low), _LENGTH.search(low), _BARE_BY.search(low)
        if fm:
            amount, unit = FRACTION_WORDS[" ".join(fm.group("frac").split())], "fraction"
        elif lm or bm:
            said = (lm or bm).group("n") if lm else bm.group("bare")
            amount = to_number(said)
            unit = lm.group("u") if lm else "px"
            if amount is not None and not math.isfinite(amount):
                return [ask(_not_a_length(" ".join(said.split())))]
        if amount is None and ctx.image_size is None:
            args = OutpaintArgs(sides=wanted, prompt=prompt)     # the executor grows each by a quarter
            return [Step("outpaint", [OutpaintCall(args=args)],
                         f"extending the canvas on the {' and '.join(wanted)} by a quarter of the picture")]
        both = len(wanted) > 1 and amount is None
        for side in wanted:
            px = _px(side, amount, unit, ctx.image_size)
            sides[side] = max(1, px // 2) if both else px
    for side, px in sides.items():
        if not within(px, OutpaintArgs, side) or px < 1:
            return [ask(f"That would extend the {side} by {px} px; I can add 1 to {MAX_EXTEND_PX} px a side — how "
                        "much should I add?")]
    args = OutpaintArgs(**sides, prompt=prompt)
    text = ", ".join(f"{px} px {_SIDE_TEXT[side]}" for side, px in sides.items())
    note = ""
    if ctx.image_size is None and _SHARE.search(low):
        note = f"Without the image size I used {DEFAULT_PX} px steps."
    return [Step("outpaint", [OutpaintCall(args=args)], f"extending the canvas {text}", note)]
