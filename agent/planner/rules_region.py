"""Explicit regions: pixels named in words, no model needed.

"box 20,20,100,100" / "(20, 20, 100, 100)" → a box (x0, y0, x1, y1; a box whose second corner is
not past the first is read as x, y, width, height); "the left half", "the top third", "the right
25%" → a side and a share; "the bottom 64 px" → a side and a depth; "the center" → the middle;
"the top-left corner" → a box when the image size is known. A phrase that also names a thing
("the car in the left half") is not a region — it is a position for that thing. Read apart from those, for the edits
that want them: "the top of the frame" → its third, "the left image" of a pair → its half (`picture_part`), and a
place said on its own after the request, "(guy on the right)" (`place_said_apart`).
"""

from __future__ import annotations

import re

from retouch.agent.plan import MAX_COORD, RegionArgs
from retouch.agent.planner.rules_lexicon import rx
from retouch.agent.planner.rules_numbers import within
from retouch.agent.planner.rules_text import Words
from retouch.agent.planner.rules_vocab import FRACTION_WORDS, PLACE_ADJECTIVES, STRIP_WORDS

_R_BOX = rx(
    r"\b{BOX_WORDS}\s*(?:at|of|=|:)?\s*[\[(]?\s*"
    r"(\d+)\s*[,\s]\s*(\d+)\s*[,\s]\s*(\d+)\s*[,\s]\s*(\d+)\s*[\])]?"
    r"|[\[(]\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*[\])]"
    r"|\bfrom\s*\(?\s*(\d+)\s*,\s*(\d+)\s*\)?\s*to\s*\(?\s*(\d+)\s*,\s*(\d+)\s*\)?")
_R_FRACTION = rx(
    r"\b(?:the\s+)?(?P<side>{REGION_SIDES})\s+(?:(?P<frac>{FRACTION_WORDS})\b"
    r"|(?P<pct>\d+(?:\.\d+)?)\s*(?:%|percent\b))(?:\s+of\s+(?:the\s+)?{PICTURE_NOUNS})?")
_R_PIXELS = rx(
    r"\b(?:the\s+)?(?P<side>{DIRECTIONS})(?:most)?\s+(?P<px>\d+)\s*(?:px|pixels?)\b"
    r"|\b(?P<px2>\d+)\s*(?:px|pixels?)\s+(?:from|at|on|along|of|off)\s+the\s+(?P<side2>{DIRECTIONS})\b")
_R_SIDE = rx(
    r"\b(?:the\s+)?(?P<side>{DIRECTIONS}|{PLACE_ADJECTIVES})\s+(?P<kind>{STRIP_WORDS})"
    r"(?:\s+of\s+(?:the\s+)?{PICTURE_NOUNS})?\b|\bthe\s+(?P<center>{CENTER_WORDS})\b(?:\s+of\s+(?:the\s+)?"
    r"{PICTURE_NOUNS})?")
_R_CORNER = rx(r"\b(?:the\s+)?(?P<v>{VERTICALS})[\s-]*(?P<h>{SIDES})(?:[\s-]*hand)?\s+corner\b")
_R_FILLER = rx(r"\b{REGION_FILLERS}\b")
PLACE_SAID = rx(r"\b{PLACE_ADJECTIVES}(?=\s+(?:{STRIP_WORDS}|{FRACTION_WORDS})\b|[\s-]+(?:{SIDES})\b)"
                r"|\b(?:{DIRECTIONS})\s+of\s+(?:the\s+|this\s+|my\s+)?(?:{PICTURE_NOUNS})\b")
"""'the *lower* half', 'the *lower* left', 'the *top of the frame*': a place, so a tone reader neither turns the tone
down nor drops the words as noise ('of the frame' alone is scaffolding; after a side it says the side is the photo's,
`picture_part`). 'brighten the lower left of the photo' had lost 'lower' to the verb and brightened the left third."""
_SIDE_OF = {**PLACE_ADJECTIVES, "middle": "center", "centre": "center"}
_R_PLACE_ONLY = rx(r"(?:^|\s)(?P<lead>(?:{PLACE_LEADS}|of|along|across)\s+)?(?:the\s+)?(?:(?P<v>{VERTICALS})(?:[\s-]*(?P<h>{SIDES}))?"
                   r"|(?P<h3>{SIDES})(?:[\s-]*hand)?\s+side\s+(?P<v2>{VERTICALS})|(?P<mid>{CENTER_WORDS})[\s-]+(?P<h4>{SIDES})"
                   r"|(?P<h2>{SIDES}))(?:[\s-]*hand)?(?:\s+(?P<kind>corner|area|part|section|bit|region))?"
                   r"(?:\s+of\s+(?:the\s+)?(?:{PICTURE_NOUNS}))?\s*$")
PLACE_SHARE = 1 / 3
"""'make it darker *at the top*', 'lighten it on the right': a side said with no strip word — its third of the photo."""
_R_END_OF_PICTURE = rx(r"^(?:the\s+)?(?P<side>{DIRECTIONS}|{PLACE_ADJECTIVES})(?:\s+(?:portion|area|section|region))?"
                       r"\s+of\s+(?:the\s+|this\s+|my\s+)?(?:{PICTURE_NOUNS})$")
_R_PAIR_AT_END = rx(r"(?:^|(?<!\ban)(?<!\ba)\s)(?P<said>(?:the\s+)?(?:{PICTURE_NOUNS})\s+(?:on|at)\s+the\s+(?:{DIRECTIONS}))\s*$")
"""'the photo on the left' closing a tone clause; not 'an image on the top', one picture said loosely."""
_R_PICTURE_OF_PAIR = rx(r"^(?:the\s+)?(?:(?P<side>{DIRECTIONS})(?:[\s-]*hand)?\s+(?:{PICTURE_NOUNS})"
                        r"|(?:{PICTURE_NOUNS})\s+(?:on|at)\s+the\s+(?P<side2>{DIRECTIONS})(?:[\s-]*hand\s+side)?)$")


_R_BOX_LIKE = rx(r"\b{BOX_WORDS}\s*(?:at|of|=|:)?\s*[\[(]?\s*(?P<a>[-+]?\d[\d.\s,+-]*)|[\[(]\s*(?P<b>[-+]?\d[\d.\s,+-]*)[\])]")
"""Anything written like a box: a box of three or five numbers, or with a negative or a fraction in it, is asked
about — never read as the four numbers inside it."""


def _box_problem(low: str) -> str | None:
    for m in _R_BOX_LIKE.finditer(low):
        said = (m.group("a") or m.group("b")).strip(" ,")
        numbers = re.findall(r"[-+]?\d+(?:\.\d+)?", said)
        if len(numbers) < 3 or len(numbers) == 4 and all(n.isdigit() for n in numbers):
            continue
        why = (f"has {len(numbers)}" if len(numbers) != 4 else "has a negative number or a fraction in it")
        return (f"A box is four whole numbers from the top-left corner, x0, y0, x1, y1 (e.g. “box 10,10,200,150”) — "
                f"“{said}” {why}. Which box do you mean?")
    return None


def parse_region(words: Words, image_size: tuple[int, int] | None) -> tuple[dict, str] | None:
    """An explicit region → (RegionArgs fields, description); None when something else is named.
    Numbers the contract can't hold, and a box written wrongly, come back as {"problem": the question to ask}."""
    low = words.low
    problem = _box_problem(low)
    if problem:
        return {"problem": problem}, ""
    for pattern, kind in ((_R_BOX, "box"), (_R_FRACTION, "fraction"), (_R_PIXELS, "pixels"),
                          (_R_CORNER, "corner"), (_R_SIDE, "side")):
        m = pattern.search(low)
        if not m:
            continue
        rest = (low[:m.start()] + " " + low[m.end():])
        if _R_FILLER.sub(" ", rest).strip(" ,.;:!?-'\"()") and kind != "box":
            return None
        return _region_from(m, kind, image_size)
    return None


def place_only(low: str, image_size: tuple[int, int] | None) -> tuple[dict, str, int] | None:
    """A place said alone at the end of a tone clause — 'at the top', 'of the top right', 'the left' — as (RegionArgs
    fields, description, where it starts); None otherwise. 'the top' / 'the bottom' bare may be a garment ('make the
    top darker'), so a lone vertical needs a preposition or a place word ('corner', 'area') before it counts."""
    pair = _R_PAIR_AT_END.search(low)
    if pair:                                  # 'make the photo on the left warmer': one picture of a pair
        found = picture_part(Words.of(pair.group("said")))
        if found:
            return found[0], found[1], pair.start("said")
    m = _R_PLACE_ONLY.search(low)
    if not m:
        return None
    vertical, side = m.group("v") or m.group("v2"), m.group("h") or m.group("h2") or m.group("h3")   # 'the left side
    #                                                              bottom': a corner said side first (tone26)
    if vertical and not side and not (m.group("lead") or m.group("kind")):
        return None
    if m.group("mid"):
        found = middle_of_a_side(m.group("h4"), image_size)
    elif vertical and side:
        corner = _R_CORNER.search(f"the {vertical} {side} corner")
        found = _region_from(corner, "corner", image_size)
    else:
        where = _SIDE_OF.get(vertical, vertical) if vertical else side
        found = {"side": where, "fraction": round(PLACE_SHARE, 4)}, f"the {where} of the photo"
    return found[0], found[1], m.start()


def middle_of_a_side(side: str, image_size: tuple[int, int] | None) -> tuple[dict, str]:
    """'the middle right', 'the centre left': that side's third of the photo, its middle third in height when the
    size is known — the box between the two corners, as a corner is a third each way (issue 20, body28: 'darken the
    middle right' looked for a thing called 'right' in the middle)."""
    if image_size is None:
        return {"side": side, "fraction": round(PLACE_SHARE, 4)}, f"the {side} of the photo"
    w, h = image_size
    x0 = 0 if side == "left" else w - w // 3
    return {"box": (x0, h // 3, x0 + max(1, w // 3), max(h // 3 + 1, h - h // 3))}, f"the middle {side} of the photo"


def picture_part(words: Words) -> tuple[dict, str] | None:
    """The photo's own part said as the whole thing an edit is on, as (RegionArgs fields, description); None otherwise.
    'brighten *the top of the frame*': that side's third, as 'at the top' is (`PLACE_SHARE`) — the target reader keeps
    only 'top', which alone may be a garment. 'darken *the left image*', '*the photo on the right*': one picture of a
    pair or a collage side by side (or one above the other), so that half — read as the whole photo, the side was lost.
    Only a whole phrase counts: 'the bird at the top of the frame' is a thing placed, 'rotate it to the right' a turn."""
    said = words.low.strip(" ,.;:!?")
    end = _R_END_OF_PICTURE.match(said)
    if end:
        side = _SIDE_OF.get(end.group("side"), end.group("side"))
        return {"side": side, "fraction": round(PLACE_SHARE, 4)}, f"the {side} of the photo"
    pair = _R_PICTURE_OF_PAIR.match(said)
    if pair:
        side = pair.group("side") or pair.group("side2")
        return {"side": side, "fraction": 0.5}, f"the {side} picture (the {side} half)"
    return None


_R_PLACE_APART = rx(r"^(?:(?:the\s+)?(?P<who>{PERSON_WORDS}|one)\s+)?(?:(?:is|are|'s)\s+)?(?P<lead>(?:on|at|to|in)\s+)?"
                    r"(?:the\s+)?(?P<far>(?:{EXTREMITY})\s+)?(?P<v>{VERTICALS})?[\s-]*(?P<h>{SIDES})?"
                    r"(?P<part>(?:[\s-]+hand)?\s+(?:side|corner))?(?P<of>\s+(?:of|in)\s+(?:the\s+)?(?:{PICTURE_NOUNS}))?$")


def place_said_apart(said: str) -> str | None:
    """A clause that is only a place — '(on the right)', '(guy on left)', '(left in the pic)', '(far right)', said
    apart after the request it places — as the select position it names; None for anything else. A bare side
    ('right', 'left.') is no place: it may be an answer or a word of agreement ('top left' is)."""
    m = _R_PLACE_APART.match(said.lower().strip(" ()[],.;:!?-"))
    if not m or not (m.group("v") or m.group("h")):
        return None
    if not any(m.group(g) for g in ("who", "lead", "far", "part", "of", "v")):
        return None
    vertical = _SIDE_OF.get(m.group("v"), m.group("v")) if m.group("v") else None
    return "-".join(filter(None, (vertical, m.group("h"))))


def strip_named(display: str, head: str, image_size: tuple[int, int] | None) -> tuple[dict, str] | None:
    """A thing whose name is only a strip of the photo ("the left side", "the bottom third", read as a thing
    called "side" or "third" with the words after it) is that strip: its region, or None for a real thing."""
    if head not in STRIP_WORDS and head not in FRACTION_WORDS:
        return None
    area = parse_region(Words.of(display), image_size)
    return area if area and "problem" not in area[0] else None


def _region_from(m: re.Match[str], kind: str, size: tuple[int, int] | None) -> tuple[dict, str] | None:
    if kind == "box":
        x0, y0, x1, y1 = (int(g) for g in m.groups() if g is not None)
        if max(x0, y0, x1, y1) > MAX_COORD:
            return {"problem": f"A box corner at {max(x0, y0, x1, y1)} px is far outside any picture (at most "
                               f"{MAX_COORD} px) — which box do you mean?"}, ""
        if x1 <= x0 or y1 <= y0:
            if x1 <= 0 or y1 <= 0:
                return None
            x1, y1 = x0 + x1, y0 + y1            # x, y, width, height
        return {"box": (x0, y0, x1, y1)}, f"the box ({x0}, {y0}, {x1}, {y1})"
    if kind == "fraction":
        side = _SIDE_OF.get(m.group("side"), m.group("side"))
        if m.group("pct"):
            share = float(m.group("pct"))
            name = f"{m.group('pct')}%"
            if not 0 < share <= 100:
                return {"problem": f"The {side} {name} isn't a part of the picture (1% to 100%) — how much do you "
                                   "mean?"}, ""
            fraction = share / 100
        else:
            name = " ".join(m.group("frac").split())
            fraction = FRACTION_WORDS[name]
        return {"side": side, "fraction": round(fraction, 4)}, f"the {side} {name}"
    if kind == "pixels":
        side = m.group("side") or m.group("side2")
        px = int(m.group("px") or m.group("px2"))
        if px <= 0:
            return None
        span = None if size is None else size[0 if side in ("left", "right") else 1]
        if not within(px, RegionArgs, "pixels") or (span is not None and px >= span):
            limit = f"the picture is {span} px that way" if span is not None and px <= MAX_COORD else \
                f"at most {MAX_COORD} px"
            return {"problem": f"The {side} {px} px is more than the picture has ({limit}) — how many pixels do you "
                               "mean?"}, ""
        return {"side": side, "pixels": px}, f"the {side} {px} px"
    if kind == "corner":
        v = "top" if m.group("v") in ("top", "upper") else "bottom"
        h = m.group("h")
        if size is None:                      # the corner itself, not the strip it ends (issue 20, clauses21)
            return {"corner": f"{v}-{h}"}, f"the {v}-{h} corner"
        w, ht = size
        x0 = 0 if h == "left" else w - w // 3
        y0 = 0 if v == "top" else ht - ht // 3
        return {"box": (x0, y0, x0 + max(1, w // 3), y0 + max(1, ht // 3))}, f"the {v}-{h} corner"
    if m.group("center"):
        return {"side": "center"}, "the middle"
    side, kind_word = _SIDE_OF.get(m.group("side"), m.group("side")), m.group("kind")
    fraction = 0.5 if kind_word in ("side", "part") else 0.1
    return {"side": side, "fraction": fraction}, f"the {side} {kind_word}"
