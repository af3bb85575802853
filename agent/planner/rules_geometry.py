"""Crop, rotate, flip — and the ratio words the canvas handler shares ("16:9", "square", "a
Facebook cover").

"crop it square" → crop(aspect 1:1); "rotate left" → -90°; "turn it upside down" → 180°;
"straighten by 2 degrees" → 2°, and without an angle an enhance that measures the tilt from the lines;
"crop the bottom 100 px" → a box when the image size is known; "crop out the guy" is a removal.
"""

from __future__ import annotations

import math
import functools
import re

from pydantic import ValidationError

from retouch.agent.plan import MAX_ASPECT, CropArgs, CropCall, OutpaintArgs, OutpaintCall
from retouch.agent.planner.base import PlanningContext
from retouch.agent.planner.rules_clauses import split_list
from retouch.agent.planner.rules_lexicon import named, rx
from retouch.agent.planner.rules_region import parse_region, picture_part
from retouch.agent.planner.rules_numbers import NUMBER, numbers, shown, to_number, within, word_value
from retouch.agent.planner.rules_steps import Step, ask, edit_on, is_selection, left_out, refusal, select, whole_clause_read
from retouch.agent.planner.rules_target import SCAFFOLD, Target, parse_target
from retouch.agent.planner.rules_text import Settings, Words
from retouch.agent.planner.rules_vocab import (
    BARE_CROP_WORDS, CLOSER_CROPS, CROP_MANNERS, EXCESS_NOUNS, EXCESS_WORDS, FUNCTION_WORDS, PICTURE_NOUNS,
    CROPPED_OFF_SIDES, GENERIC_FORMATS, PHONE_FORMAT, PRINT_SIZES, SCREEN_PHONES, SUBJECT_WORD,
    ASPECT_WORDS, DETERMINERS, FORMATS, FRACTION_WORDS, IMAGE_WORDS, WHOLE_WORDS, LEVEL_LINES, PEOPLE_PRONOUNS, PERSON_WORDS,
    POINTING_WORDS, WHOLE_THING,
)

ASPECT = re.compile(r"(?<!\d\s)\b(?P<a>\d{1,2}(?:\.\d{1,3})?)\s*(?::|\s+by\s+|/|x|\s+to\s+)\s*(?P<b>\d{1,2}(?:\.\d{1,3})?)\b"
                    r"(?!\s*(?:%|(?:px|pixels|kb|mb|gb|kilobytes?|megabytes?)\b))")
"""A ratio written out: 16:9, 4 by 5, 3/2, 1x1 (not '30 to 40 kb', a file size, nor the half of '6 1/2 years')."""
_UNIT = r"\s*(?:\"|''|”|" + named("PRINT_UNITS") + r"\b)"
PRINT_SIZE = re.compile(r"(?<![\w.])(?P<a>\d{1,3}(?:\.\d{1,3})?)(?P<first>" + _UNIT + r")\s*(?:x|by|×|\*)\s*"
                        r"(?P<b>\d{1,3}(?:\.\d{1,3})?)(?P<unit>" + _UNIT + r")?"
                        r"|(?<![\w.])(?P<a2>\d{1,3}(?:\.\d{1,3})?)\s*(?:x|by|×|\*)\s*"
                        r"(?P<b2>\d{1,3}(?:\.\d{1,3})?)(?P<unit2>" + _UNIT + r")")
"""A print size: 8x10 in, 24.5" x 14.5", 25x25cm — its shape is the ratio (the pixels stay as they are)."""
_UNIT_AFTER = re.compile(_UNIT)
_PX = r"\d{1,2},\d{3}|\d{2,5}"
SIZE = re.compile(rf"(?<![\w.,])(?P<w>{_PX})\s*(?:x|\*|by|×)\s*(?P<h>{_PX})(?![\w.,]*\d)")
"""An exact size in pixels: 1920x1080, 1,920 x 1,080, 64x64 (`pixel_size` tells it from a ratio such as 16x9)."""
RATIO_SIDE_MAX = 40
"""Two numbers up to this, written like a size ('16x9', '4 by 5'), are a ratio; a bigger one makes them pixels."""
SQUARE_SIZE_MIN = 16
"""Two equal numbers from this up are pixels even below RATIO_SIDE_MAX ('an icon 32x32'): a square ratio is 1:1."""


@functools.lru_cache(maxsize=256)   # asked of the same clause by several handlers; the answer is immutable
def pixel_size(low: str) -> tuple[re.Match[str], int, int] | None:
    """The first size in pixels in the words, with its width and height; None when there is none."""
    for m in SIZE.finditer(low):
        width, height = (int(m.group(side).replace(",", "")) for side in ("w", "h"))
        if _UNIT_AFTER.match(low, m.end()):
            continue                                      # '25x25cm' is a print size
        if max(width, height) > RATIO_SIDE_MAX or width == height >= SQUARE_SIZE_MIN and not _PRINT_AFTER.match(
                low, m.end()):
            return m, width, height
    return None
_FORMAT_ASPECT = {name: aspect for name, aspect in reversed(FORMATS)}
FORMAT = re.compile(r"\b(?:" + "|".join(r"[\s-]*".join(map(re.escape, name.split()))
                                        for name, _ in sorted(FORMATS, key=lambda f: -len(f[0]))) + r")\b")
"""A named format ("instagram story"), the longest name that fits."""
_FORMAT_HEADS = frozenset(name.split()[0] for name, _ in FORMATS)


_DEVICE_SCREEN = rx(r"\b(?:{SCREEN_PHONES})[\s-]+(?:{SCREEN_THINGS})\b")
"""'an iphone 5 wallpaper', 'an iphone xr background', 'galaxy s8 resolution' (the model already taken off by
`rules_text`): a phone's screen — the phone-screen format (a model's own ratio is not known here; every phone screen is
tall)."""
_SCREEN_HEADS = frozenset(word for name in SCREEN_PHONES for word in name.split())


def _device_screen(low: str) -> re.Match[str] | None:
    """The first phone's screen named in the words ('my samsung wallpaper'); the cheap word check first."""
    if _SCREEN_HEADS.isdisjoint(re.findall(r"[a-z]+", low)):
        return None
    return _DEVICE_SCREEN.search(low)


@functools.lru_cache(maxsize=256)   # asked of the same clause by several handlers; the answer is immutable
def find_format(low: str) -> tuple[re.Match[str], str] | None:
    """The first named format in the words and its aspect — a phone's screen said with its model ('an iphone 5s
    wallpaper') is the phone-screen format; the cheap word check first (the alternation of every format name is the
    costliest pattern of the planner)."""
    device = _device_screen(low)
    m = None if _FORMAT_HEADS.isdisjoint(re.findall(r"[a-z0-9]+", low)) else FORMAT.search(low)
    if device is not None and (m is None or device.start() <= m.start()):
        return device, _FORMAT_ASPECT[PHONE_FORMAT]
    if m is None:
        return None
    return m, _FORMAT_ASPECT[" ".join(m.group(0).replace("-", " ").split())]
_FOR_A_PHONE = rx(r"\b(?:fit|fits|fitting|for)\s+(?:(?:a|an|and|my|the|his|her|our|their)\s+)?(?:(?:new|old)\s+)?"
                 r"{PHONE_NAMES}\b(?!\s+{PHONE_THINGS}\b)"
                 r"|\b(?:fit|fits|fitting|for)\s+(?:(?:the|my|a|its)\s+)?screen\s+(?:[a-z]+\s+)?(?:of|on)\s+"
                 r"(?:(?:a|an|my|the|his|her|our|their)\s+)?(?:{PHONE_NAMES}|{MODEL_ONLY_PHONES})\b")
"""'make it fit my phone', 'to fit *and* iphone screen' (a typo for 'an', which no phone follows otherwise), 'to fit
the screen (nicely) of my note 9'."""


_PURPOSE_TOLD = re.compile(r"\b(?:it'?s|it\s+is|its|this\s+is|that'?s|it'?ll\s+be|going)\b[^,.;!?]*$")
"""'*it's* for my phone' tells what the photo is for, beside the ask: no shape is asked for."""


def phone_screen(low: str) -> bool:
    """Whether the words fit the photo to a phone ('make it fit my phone', 'resize it for a galaxy note'), which has
    the shape of the phone-screen format — not a purpose told ('it's for my phone') nor a thing for one ('a phone
    case')."""
    m = _FOR_A_PHONE.search(low)
    return bool(m) and not _PURPOSE_TOLD.search(low[:m.start()])


def phone_aspect() -> str:
    return _FORMAT_ASPECT[PHONE_FORMAT]


_PRINT_AFTER = re.compile(r"\s*(?:print|photo)")
_SHAPE_WORD = tuple((rx(rf"\b{{RESHAPE_VERBS}}\s+(?:(?:the|this|that|my|our)\s+{{PICTURE_NOUNS}}|it|this|that)?\s*"
                        rf"(?:(?:in|into|to|as|in\s+to)\s+)?(?:a\s+)?{word}\b"
                        rf"|\b(?:in|to|into)\s+(?:a\s+)?{word}\s+(?:{{SHAPE_NOUNS}}|image)\b"
                        rf"|\b{word}\s+(?:(?:{{PICTURE_NOUNS}})\s+)?{{SHAPE_NOUNS}}\b|^{word}$"
                        rf"|\bfrom\s+(?:a\s+)?(?:{{ASPECT_NAMES}})(?:\s+{{SHAPE_NOUNS}})?\s+(?:to|into)\s+(?:a\s+)?{word}\b"),
                 aspect) for word, aspect in ASPECT_WORDS.items())
"""A shape word asked for: 'make it square', 'a portrait crop', 'change it from landscape to *portrait*'."""
_CROP = rx(r"^(?:crop|trim|cut\s+down)\w*\b|\bcrop(?:ped|ping)?\s+{CROP_OBJECTS}\b|\b(?:square|tight|tighter|closer)\s+(?:(?:{PICTURE_NOUNS})\s+)?crop\b"
           r"|(?<!n't\s)(?<!not\s)\b(?:needs?|has|have|should|must|wants?)\s+(?:to\s+)?(?:be|get)\s+cropped\b"
           r"|\bby\s+cropping\b|^cut\s+(?:off|away)\s+(?=(?:the\s+)?{DIRECTIONS}\b)")
"""A crop; 'cut off the bottom part' too (a place cut off, not a thing), 'a square photo crop', 'the logo needs to be
cropped'."""
_ROTATE = rx(r"\brotat\w*\b|\btilt\s+(?=(?:it\s+|this\s+)?(?:by\s+)?\d)|\bturn\s+(?:it|this|(?:the|this|my)\s+(?:{PICTURE_NOUNS}))?\s*(?:by\s+)?"
             r"(?:\d+\s*degrees?|{ROTATE_DIRECTIONS})"
             r"|\bturn\s+(?:it|this|(?:the|this|my)\s+(?:{PICTURE_NOUNS}))?\s*(?=by\s+\d+\b(?!\s*(?:%|percent|px|pixels?)))"
             r"|^(?:{ANGLE_SETTING_VERBS})\s+(?:it\s+|this\s+|(?:the|this|my)\s+(?:{PICTURE_NOUNS})\s+)?(?:(?:to|at|by)\s+)?"
             r"(?=(?:a\s+)?\d+\s*(?:degrees?|deg|°))"
             r"|^turn\s+(?:it|this|(?:the|this|my)\s+(?:{PICTURE_NOUNS}))\s+(?:to\s+the\s+)?(?:left|right)"
             r"(?:\s+(?:side|way))?(?:\s+(?:please|pls))?\s*[.!?]*$")
"""A turn: 'rotate it', 'turn the photo 90 degrees', 'turn it upside down', 'turn it by 45' (a bare number after 'by'
is an angle; 'by 20%' is not), the photo set to an angle ('change it to 90 degrees', 'set the picture at 45°':
`ANGLE_SETTING_VERBS`, with the degrees said — issue 20, drops27; the match stops before the number, which `_angle`
reads), and the whole clause 'turn the picture right' / 'turn it to the left' (a quarter turn that way; 'turn his head
to the left' is a pose, no turn of the photo)."""
_STRAIGHTEN = rx(r"\b{STRAIGHTEN_WORDS}|\blevel\s+(?:the\s+|out\s+the\s+)?horizon|\bhorizon\s+(?:is\s+|looks\s+)?"
                 r"(?:(?:a\s+(?:bit|little)|slightly|very|so)\s+)?{TILTED_WORDS}\b"
                 r"|\b(?:it'?s|is)\s+(?:(?:a\s+(?:bit|little)|slightly|very|so)\s+)?{TILTED_WORDS}\b"
                 r"|\b(?:it|this|the\s+(?:{PICTURE_NOUNS}|horizon))\s+(?:to\s+)?{STRAIGHT_LOOKS}\b")
_FLIP = rx(r"^(?:flip|mirror)\w*\b|\b(?:flip|mirror)\w*\s+{FLIP_OBJECTS}\b"
           r"|\b(?:flip|mirror)\w*\s+(?:horizontal|vertical)|\bmirror\s+image\b")
_FLIPPED_THING = rx(r"^(?:flip|mirror)\w*\s+(?:just\s+|only\s+)?(?!(?:{FLIP_OBJECTS}|{PICTURE_NOUNS}|{VERTICAL_FLIPS}|horizontal\w*|over|around|left|right|sideways|back|"
                    r"image|mirror)\b)"
                    r"(?P<np>(?:the|my|his|her|their|our|this|that|these|those)\s+[\w' -]+?|[a-z]+)"
                    r"(?:\s+(?:horizontally|vertically|upside\s+down|over|around|left|right|sideways))?"
                    r"(?:\s+(?:and|then|so)\s.*)?\s*[.!?]*$")
"""'flip the coin', 'mirror the shoes': a thing named, where only the whole picture can flip (said, unsure)."""
_VERTICAL = rx(r"\b{VERTICAL_FLIPS}")
_UPSIDE_DOWN = re.compile(r"\bupside\s+down\b")
_TURN_OR_PUT = re.compile(r"\bturn|\bput")
_DEGREE_UNIT = re.compile(r"\s*(?:degrees?|deg|°)")
_BY_NUMBER = re.compile(r"\bby\s+(?P<n>" + NUMBER + r")")
_LONE_NUMBER_WORD = rx(r"\s*(?:(?:it|this|that|the\s+(?:image|photo|picture|pic))\s+)?(?:by\s+)?(?P<n>{CARDINALS}|{TENS})\b"
                      r"(?P<more>(?:[\s-]+(?:{CARDINALS}|{TENS})\b)*)")
"""'rotate it *five*': a lone number word right after the verb is the angle (elsewhere 'one' stays a word); number
words that make no number together ('one eighty') are asked about."""
_TIMES = re.compile(r"\s*(?:times|x)\b")
"""'rotate it two *times*': a count of turns, not an angle — asked about."""
_KEEP_EDGES = rx(r"\b{KEEP_EDGES_WORDS}\b")
_KEEPING = (
    rx(r"\b{KEEP_VERBS}\s+(?P<x>.+?)(?:\s+{IN_FRAME})?\s*$"),
    rx(r"\b(?:{DO_NOT}|without)\s+{CUT_VERBS}\s+(?:off\s+|out\s+)?(?P<x>.+?)(?:\s+(?:out|off))?\s*$"),
    rx(r"\bmake\s+sure\s+(?P<x>.+?)\s+{STAYING}\s+in\b"),
    rx(r"\b(?:around|round|with|of|on|focused\s+on|{CENTRED_WORDS}\s+on)\s+"
       r"(?!(?:the|this)\s+(?:(?:{DIRECTIONS}|{MIDDLE_WORDS}|{STRIP_WORDS})\b|(?:far|upper|lower)\s))"
       r"(?P<x>(?:the|my|his|her|their|our|this|that|these|those)\s+[\w' -]+?)"
       r"(?:\s+(?:in\s+the\s+(?:{MIDDLE_WORDS})|{CENTRED_WORDS}|in\s+it|in\s+view|in\s+(?:the\s+)?frame))?\s*[.!?]*$"),
)
"""How a crop names what it must keep whole ('but keep both people', 'to a square with the kite in the centre', '4:5
around the bride')."""
_WHOLE_BODY = re.compile(r"^(?:her|his|their|my)\s+(?:whole\s+|entire\s+)?body$")
MAX_TILT = 45.0
"""Straightening fixes a tilt; more than this is a rotation, and the words are asked about."""
MAX_TURNS = 10
"""Angles up to ten turns are read modulo 360 (and the reply says so); beyond that they are asked about."""
_CCW = rx(r"\b{COUNTER_CLOCKWISE}\b")
_TURN_WAY = rx(r"\b{TURN_WAYS}\b")
_SLIGHT_TURN = rx(r"\b{SLIGHT_TURNS}\b")
_TURNED_STRAIGHT = rx(r"\b(?:so|to\s+(?:be|look|make)|until)\b.*?\b{STRAIGHTENED_RESULTS}\b")
"""A turn said small ('rotate it slightly', 'a bit to the left') or wished level ('rotate it so the wall is
straight'), with no angle: a straightening by the photo's lines, never a quarter turn."""
_CROP_TALKED = rx(r"^cropp(?:ing|ed)\b.*\b(?:{CROP_JUDGED})\b")
"""'cropping it just doesn't feel the same': a crop talked about, not asked for (the removal beside it is the ask)."""
_CROP_TOPS = rx(r"\bcrop(?:ped)?\s+(?:top|tops)\b(?!\s+of\s+(?:the\s+|this\s+|my\s+)?(?:{PICTURE_NOUNS}))")
"""'her crop top' is a garment; 'crop top of image' the top of the picture cropped."""
_CROP_LEAD = re.compile(r"^.*?\b(?:crop\w*|cut|trim\w*)\s*(?:(?:off|away|out|to|the)\b)?\s*")
_CROP_OUT = re.compile(r"\bcrop\w*\s+(?:out|away)\s+(?P<np>.+)")
_CROP_AROUND = rx(r"\b(?:crop\w*|cut)\s+(?:it\s+|this\s+|(?:the\s+|this\s+)?(?:{PICTURE_NOUNS})\s+)?(?:(?:in\s+|down\s+)?(?:to|around|on)|in\s+(?:close\s+)?on"
                  r"|(?:closer|tight|tighter|close)\s+(?:to|on|around)"
                  r"|to\s+(?:{FOCUS_WORDS})\s+(?:(?:{FOCUS_AMOUNTS})\s+)?on|(?:to\s+)?(?:inside|within)"
                  r"|so(?:\s+that)?\s+(?:you|we|i|one|people)\s+(?:can\s+)?(?:only|just)\s+see"
                  r"|(?:to\s+be|to\s+show|so(?:\s+that)?(?:\s+it'?s|\s+it\s+is|\s+it\s+shows)?)(?=\s+(?:just|only)\b))"
                  r"\s+(?:just\s+|only\s+)?"
                  r"(?P<np>(?:the|my|his|her|their|our|this|that|these|those|him|her|them|me|us|it)\b.*?)"
                  r"(?:\s+(?:is|are|remains?|shows?|stays?)\s+(?:in\s+(?:it|the\s+(?:{PICTURE_NOUNS}))|left|showing|visible|in\s+view)"
                  r"\s*)?$")
"""'crop to the dog', 'crop it tight around her', 'crop in on this', 'crop so only the dog is in it', 'crop it to be
just the two of us', 'crop it to focus on the boat', 'crop to inside the frame I drew', 'crop so we only see the
twins': a crop to a thing."""
_CROP_TO_BARE = rx(r"^crop\w*\s+(?:it\s+|this\s+)?(?:in\s+)?(?:to|around)\s+(?!(?:{IMPERATIVE_VERBS}|be|just|only|show)\b)"
                  r"(?P<np>[a-z][a-z'-]*(?:\s+[a-z][a-z'-]*){0,2}?)(?:\s+(?:please|pls))?\s*[.!?]*$")
"""'crop to white board', 'crop around dog': a crop to a thing named with no article."""
_ZOOM_AMOUNT = r"(?:(?:a\s+)?(?:little|bit|tad|touch|lot)|some|slightly|more|closer|further)(?:\s+(?:more|bit))?"
_ZOOM_IN = rx(r"(?:\bzoom\w*\s+(?:in(?:\s+(?:on|to|at|closer\s+(?:on|to)|more\s+on))?|into|in\s+to|onto|on)"
              r"|\bfocus\s+in\s+(?:on|to))\s+"
              r"(?:just\s+|only\s+)?(?!" + _ZOOM_AMOUNT + r"\s*[.!?]*$)(?P<np>\S.*)$"
              r"|\bzoom\w*\s+(?:(?:it|this|that|the\s+(?:{PICTURE_NOUNS})|(?:{PICTURE_NOUNS}))\s+)?in(?:\s+"
              + _ZOOM_AMOUNT + r")?\s*[.!?]*$|^zoom(?:\s+(?:it|this|please|pls))?\s*[.!?]*$")
"""'zoom in on this person', 'zoom into the cake', 'focus in on the bride': a crop to the thing (and 'zoom in' alone,
'zoom it in a little', 'zoom': how far?)."""
_FOCUS_ON = rx(r"^focus\s+(?:(?:{FOCUS_AMOUNTS})\s+)?on\s+(?P<np>(?!(?:{PEOPLE_PRONOUNS}|me|us|it|this|that)\b)[^\s,][^,]*?)"
               r"(?:\s+(?:please|pls))?\s*[.!?]*(?:\s*,.*)?$")
"""'focus on the bride', 'focus on Kanye': a person made the focus of the picture — the frame brought in around them
(a part or a thing, 'focus on his eyes', is sharpened by the tone words)."""
_ZOOM_AMOUNT_SAID = re.compile(r"\b" + _ZOOM_AMOUNT + r"\b")
"""How far a bare zoom goes ('a touch', 'a lot'): read by the crop in around the subject, never left out."""
_ZOOMED_BEFORE = re.compile(r"\b(?:i|we|i'?ve|we'?ve|have|had|has|was|were|already|been|after)\s+(?:\w+\s+)?$")
"""'I zoomed in a lot, so it's grainy': a zoom told, not asked for."""
_CROP_CLOSER = rx(r"^crop\w*\s+(?:(?:it|this|that|(?:the\s+)?(?:{PICTURE_NOUNS}))\s+)?(?:{CLOSER_CROPS})(?:\s+(?:please|pls))?\s*$"
                  r"|^(?:a\s+)?(?:tight|tighter|closer)\s+crop\b")
"""'crop it closer', 'crop so there's less background', 'crop the pic to remove excess background', 'a tighter crop': in
around the subject (none named)."""
_CROP_NO_SHAPE = rx(r"^crop\w*\s+(?:(?:it|this\s+one|that\s+one|this|that|(?:the\s+|this\s+|my\s+)?(?:{PICTURE_NOUNS}))\s+)?"
                    r"(?:(?:a\s+(?:bit|little)|more|much)\s+)?(?:{CROP_MANNERS})(?:\s+(?:please|pls))?\s*[.!?]*$"
                    r"|\bcrop\w*\s+(?:(?:out|off|away)\s+)?"
                    r"(?:the\s+|all\s+(?:of\s+)?(?:the\s+)?|some\s+(?:of\s+)?(?:the\s+)?)?(?:{EXCESS_WORDS})\b")
"""'crop this nicely', 'crop it better', 'crop out the excess': a crop with no shape, said by how well or by the slack
it takes away."""
_NOT_A_SUBJECT_CROP = rx(r"^cropp(?:ing|ed)\b|\b(?:{NO_SUBJECT_CROP_WORDS}|{NOT_A_CROP_TARGET})\b|n't\b")
"""A bare crop that points at a place ('crop it *here*'), halves the picture, is only allowed ('crop *if* it helps'),
declined ('*without* cropping'), told ('I'm *going to* crop it') or names an edge or a size: asked about, never
cropped to the subject."""
_CROP_FILLING = rx(r"^crop\w*\s+(?:(?:it|this|the\s+(?:{PICTURE_NOUNS}))\s+)?so(?:\s+that)?\s+(?P<np>.+?)\s+{FILLS_THE_FRAME}\s+"
                   r"(?:up\s+)?(?:the|this|more\s+of\s+the)\s+(?:{PICTURE_NOUNS})\b")
"""'crop it so she fills the frame': in around her."""
_CROP_THING = rx(r"^crop\w*\s+(?:just\s+|only\s+)?(?P<np>(?:the|these|those|this|that|my|our|his|her|their)"
                 r"(?:\s+(?!(?:out|off|away)\b)[\w'-]+)+)\s*$")
"""'crop these puppies', 'crop the two girls': a crop to what is named ('crop these cones out' removes them)."""
_PICTURE_FIRST = rx(r"^(?:the|this|that|my|our|his|her|their)\s+(?:{PICTURE_NOUNS})\b(?!\s+of\b)")
"""'crop the photo and stretch', 'crop the picture closer and greener': the picture, then words of their own — no
thing called 'photo and stretch' ('the photo of the dog' names the dog)."""
_NOT_A_CROP_TARGET = rx(r"\b{NOT_A_CROP_TARGET}(?:\s+of\s+(?:the\s+|this\s+)?{PICTURE_NOUNS})?$")
_BARE_SIDE = rx(r"^(?:(?:the\s+|this\s+|my\s+)?(?:{PICTURE_NOUNS})\s+)?(?:(?:from|at|along|on)\s+)?(?:the\s+)?"
                r"(?P<side>{DIRECTIONS})(?:\s+(?:side|edge|end))?(?:\s+of\s+(?:the\s+|this\s+|my\s+)?{PICTURE_NOUNS})?"
                r"(?P<small>\s+(?:{SLIGHT_TURNS}))?\s*[.!?]*$")
"""'crop the top of the photo', 'crop this photo along the left': a side, with no amount — or a small one ('crop the
right edge slightly': `SMALL_STRIP`)."""
SMALL_STRIP = 0.1
"""A side cropped 'a little' with no amount loses this share of the picture (said, with how to ask for more)."""
_HEADSHOT = rx(r"\b(?:{HEADSHOT_WORDS})\b")
_HEADSHOT_ASK = rx(r"\b(?:crop\w*|cut|make|turn|convert|want|need|like|give|edit|into|be|as|just|only)\b"
                   r"|^(?:a\s+)?(?:{HEADSHOT_WORDS})\s+of\b")
"""A headshot asked for (not 'a headshot' named as what the photo is: 'my headshot is too dark')."""
_OF_WHOM = rx(r"\b(?:{HEADSHOT_WORDS})\s+of\s+(?P<np>.+)$")
_JUST_A_NAME = rx(r"\b(?:crop\w*|cut)\s+(?:it\s+|this\s+|the\s+(?:{PICTURE_NOUNS})\s+)?(?:to\s+be\s+|so\s+it'?s\s+|to\s+)?"
                  r"(?:just|only)\s+(?P<name>[a-z][a-z'-]+)\s*$")
"""'crop it so it's just Maya': a person named by name (a capital in what was written), in close around them."""
_CROP_TO = re.compile(r"\bcrop\w*\s+(?:it\s+)?to\b")
_TO = re.compile(r"\bto\b")
_OFF = re.compile(r"\boff\b")
_KEPT_LEAD = re.compile(r"^(?:(?:it|this|the\s+photo|the\s+picture|the\s+image)\s+)?(?:(?:down\s+)?to\s+)?(?:just\s+|only\s+)?")
"""'crop it *to just* the left photo': the words before what is kept."""
_NOT_A_CROP = rx(r"\b(?:{DO_NOT}|without|no|not|never)\s+(?:\w+\s+)?\W?$")


_TRIM = rx(r"(?<!\badd\s)\b{TRIM_VERBS}\s+(?:off\s+|out\s+|away\s+)?(?:(?:the|this|that|these|those|all\s+the|all|any|my|its)\s+)?"
           r"(?P<colour>(?:(?:{BORDER_COLOURS}|{COLORS})[\s,-]+){0,2})"
           r"(?P<sides>(?:{DIRECTIONS})(?:\s+(?:and|&)\s+(?:the\s+)?(?:{DIRECTIONS}))?\s+)?"
           r"(?:(?P<border>{BORDER_NOUNS})|(?P<like>{BORDER_LIKE_NOUNS})|(?P<area>{BORDER_AREA_NOUNS}))\b"
           r"(?P<rest>(?:\s*,?\s*(?:{BORDER_PLACES}))*)(?:\s*,?\s+(?:so|so\s+that)\s+\S.*?)?\s*[.!?]*$")
"""'trim the white border', 'remove the black bars at the top and bottom', 'get rid of the white frame around the
photo': the canvas cropped to the picture inside a plain border (crop trim). A frame, bars or edges need a colour
said before them or the photo said after them; anything else after the noun ('on the wall') is a thing. A border
keeps its colour ('the red border around the image': trimmed as plain, only white and black are held to) and the
side it is on ('the top border', 'the left and bottom margins': the measure finds which sides have one). Why it goes,
said after 'so' ('crop away the border around my scan so the edges look level'), keeps it the photo's border (issue 20,
drops27: it was a thing called 'border' removed)."""
_PICTURE_AFTER = rx(r"\b(?:around|round|of|from|on|along|framing)\s+(?:(?:the|this|my|our)\s+)?(?:{PICTURE_NOUNS})\b")
"""'the edges of the picture': edges are always the photo's own ('the frame around the picture' may be a thing)."""
_BORDER_COLOUR = rx(r"(?:{BORDER_COLOURS})")
_TRIM_VERB = rx(r"\b(?:{TRIM_VERBS})\b")
_CROPPED_AWAY = re.compile(r"crop\w*\b")
"""'crop (off) the black area': a crop takes only the picture's edges away, so a coloured area it names is a border."""
_TRIM_AROUND = rx(r"\b(?:around|round|surrounding|framing|of|from|on|in)\s+(?:(?:the|this|my|our)\s+)?"
                  r"{BORDER_PHOTO_WORDS}\b")
_NOT_TRIM = rx(r"\b(?:{DO_NOT}|without|never|keep)\b")


_EXCESS_CROPPED = rx(r"^crop\w*\s+(?:it\s+|this\s+)?(?:out|away|off)\s+(?:(?:the|all\s+the|all|any|some|that|this|of\s+the)\s+)?"
                    r"{EXCESS_WORDS}(?:\s+{EXCESS_NOUNS})?(?:\s+(?:please|pls|plz))?\s*[.!?]*$")
"""'crop out the excess': the slack around the subject (read here, before removal takes 'crop out X' as a thing);
'crop out the extra people' names things and stays a removal."""


_BORDER_HIDDEN = rx(r"^crop\w*\s+(?:(?:it|this|the\s+(?:{PICTURE_NOUNS}))\s+)?so\s+(?:that\s+)?(?:(?:the|this|these|those|all\s+the|any)\s+)?"
                    r"(?P<colour>(?:(?:{BORDER_COLOURS})[\s,-]+){1,2})(?:{BORDER_NOUNS}|{BORDER_LIKE_NOUNS}|{BORDER_AREA_NOUNS})\b"
                    r".*(?:\b(?:not|no\s+longer|never)\b|n't\b)")
"""'crop it so these black areas aren't showing': a plain border the crop is to hide — trimmed like 'crop the black
border' (a coloured area a crop hides can only be at the edges)."""


_TWO_EDGES = rx(r"^(?:crop|trim|cut)\w*\s+(?:(?:off|out|away)\s+)?(?:(?:the|this|my)\s+(?:{PICTURE_NOUNS})\s+(?:at|from|on)\s+)?"
                r"(?:both\s+)?(?:the\s+)?(?P<a>{DIRECTIONS})(?:\s+(?:side|edge|end))?\s+(?:and|&)\s+(?:the\s+)?(?P<b>{DIRECTIONS})"
                r"(?:\s+(?:sides?|edges?|ends?))?(?:\s+of\s+(?:the\s+|this\s+|my\s+)?(?:{PICTURE_NOUNS}))?(?:\s+(?:off|out|away))?"
                r"(?:\s+(?:{SLIGHT_TURNS}))?\s*[.!?]*$")
"""'crop away the left and right edges of this photo', 'trim the top & bottom a little': two of the picture's own
edges cut off, never things called 'top' and 'bottom' (read here, before the removal handler takes 'crop out X')."""


def _two_edges(clause: Words, ctx: PlanningContext) -> list[Step]:
    """Two edges cropped (`_TWO_EDGES`): a `SMALL_STRIP` off each, said with how to ask for more — as a box when the
    photo's size is known, else as the shares cut (`CropArgs.cut`)."""
    m = _TWO_EDGES.match(clause.low)
    if m is None or m.group("a") == m.group("b"):
        return []
    sides = f"{m.group('a')} and {m.group('b')}"
    told = (f"(You didn't say how much, so I took a little off each; say e.g. “crop the {m.group('a')} 25%” for "
            "more.)")
    args = _cut_args({m.group("a"): SMALL_STRIP, m.group("b"): SMALL_STRIP}, ctx)
    return [Step("crop", [CropCall(args=args)], f"cropping {SMALL_STRIP:.0%} off the {sides}", told)]


def _cut_args(cut: dict[str, float], ctx: PlanningContext) -> CropArgs:
    """Shares cut off sides: as the shares (`CropArgs.cut`) while the photo's size is not known, else as the box they
    leave on it (`CropArgs.cut_box`, the executor's own reading of the shares)."""
    args = CropArgs(cut=cut)
    return args if ctx.image_size is None else CropArgs(box=args.cut_box(ctx.image_size))


def parse_trim(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """A plain border to crop away, found by measuring the picture (`tools.trim`); the slack around the subject
    cropped out ('crop out the excess') is the crop in around it; two of the picture's edges cut off (`_two_edges`)."""
    low = clause.low
    edges = _two_edges(clause, ctx)
    if edges:
        return edges
    hidden = _BORDER_HIDDEN.match(low)
    if hidden:
        named = next((word for word in ("white", "black") if word in hidden.group("colour").split()), None)
        return [Step("crop", [CropCall(args=CropArgs(trim=True, border=named))],
                     f"trimming the {named or 'plain'} border (measured from each edge to where the picture starts)")]
    if _EXCESS_CROPPED.search(low) and not _TRIM.search(low):
        return [_said_what_was_left(subject_crop_step(), low)]
    m = _TRIM.search(low)
    if m is None or _NOT_TRIM.search(low[:m.start()]):
        return []
    if m.group("sides") and _TRIM_VERB.search(low[:m.start()]):
        return []                                      # "remove the left half … remove top border": a run-on, not one trim
    plain = [word for word in re.split(r"[\s,-]+", m.group("colour")) if word]
    if not all(_BORDER_COLOUR.fullmatch(word) for word in plain) and not m.group("border"):
        return []                                      # "the red bars", "the blue area": things, unless a border
    if m.group("like") and not plain and not (_TRIM_AROUND.search(m.group("rest")) or m.group("like").startswith("edge")
                                              and _PICTURE_AFTER.search(m.group("rest"))):
        return []
    if m.group("area") and not (plain and (_TRIM_AROUND.search(m.group("rest")) or _CROPPED_AWAY.match(low, m.start()))):
        return []                                      # "remove the white area on his shirt" is a thing
    named = next((word for word in ("white", "black") if word in plain), None)
    colour = named or "plain"
    return [Step("crop", [CropCall(args=CropArgs(trim=True, border=named))],
                 f"trimming the {colour} border (measured from each edge to where the picture starts)")]


_RATIO_LIKE = re.compile(r"(?<![\w.])(?:-\s*)?\d+(?:\.\d+)?(?:\s*:\s*-?\s*\d+(?:\.\d+)?)+")
"""Anything written like a ratio, well-formed or not ("-16:9", "16:-9", "4:5:6"): a malformed one is asked about,
never read as the 16:9 or 4:5 inside it."""


_BARE_PRINT = re.compile(r"(?<![\w.])(?P<a>\d{1,2}(?:\.\d)?)\s*(?:x|×|by)\s*(?P<b>\d{1,2}(?:\.\d)?)(?![\w.]|\s*(?::|%))")
_PRINT_SIZES = frozenset(PRINT_SIZES) | frozenset("x".join(reversed(size.split("x"))) for size in PRINT_SIZES)


@functools.lru_cache(maxsize=256)   # asked of the same clause by several handlers; the answer is immutable
def print_size(low: str) -> tuple[str, str] | None:
    """A print size in the words → (its ratio, how to name it): '24.5" x 14.5"' → ("24.5:14.5", '24.5×14.5 in
    print'), a size of `PRINT_SIZES` said with no unit ('about 8x10') → ("8:10", '8×10 print'); None when there is
    none (or a side of 0)."""
    m = PRINT_SIZE.search(low)
    if not m:
        bare = next((found for found in _BARE_PRINT.finditer(low)
                     if f"{found.group('a')}x{found.group('b')}" in _PRINT_SIZES), None)
        return None if bare is None else (f"{bare.group('a')}:{bare.group('b')}",
                                          f"{bare.group('a')}×{bare.group('b')} print")
    a, b = m.group("a") or m.group("a2"), m.group("b") or m.group("b2")
    unit = (m.group("unit") or m.group("first") or m.group("unit2")).strip()
    unit = "in" if unit in ('"', "''", "”") or unit.startswith("inch") else unit
    if not (float(a) > 0 and float(b) > 0):
        return None
    return f"{a}:{b}", f"{a}×{b} {unit} print"


def aspect_of(low: str) -> str | None:
    """The ratio the words ask for — written out, a named format, or a shape word — else None. A ratio
    written wrongly ("-16:9", "4:5:6") comes back as written, for `aspect_problem` to ask about."""
    for like in _RATIO_LIKE.finditer(low):
        said = "".join(like.group(0).split())
        if said.startswith("-") or said.count(":") > 1 or ":-" in said:
            return said
    printed = print_size(low)
    if printed:
        return printed[0]
    m = ASPECT.search(low)
    if m and not _PRINT_AFTER.match(low[m.end():]) and (
            0 < float(m.group("a")) <= RATIO_SIDE_MAX and 0 < float(m.group("b")) <= RATIO_SIDE_MAX or ":" in m.group(0)):
        return f"{m.group('a')}:{m.group('b')}"
    named = find_format(low)
    if phone_screen(low) and (named is None or " ".join(named[0].group(0).split()) in GENERIC_FORMATS):
        return phone_aspect()
    if named:
        return named[1]
    return next((aspect for pattern, aspect in _SHAPE_WORD if pattern.search(low)), None)


def turns(low: str) -> bool:
    """Whether the words rotate or straighten the picture."""
    return bool(_ROTATE.search(low) or _STRAIGHTEN.search(low))


def aspect_problem(aspect: str) -> str | None:
    """Why the contract would refuse this ratio (a zero side, longer than 20:1), as a question."""
    try:
        CropArgs(aspect=aspect)
    except ValidationError:
        if aspect.count(":") != 1:
            return f"A ratio is two numbers, like 16:9 — “{aspect}” has {aspect.count(':') + 1}. Which ratio do you want?"
        return (f"{aspect} is not a shape I can make: both sides must be above zero and the long side at most "
                f"{MAX_ASPECT:g} times the short one — which ratio do you want?")
    return None


def keep_edges_zoom(size: tuple[int, int] | None, degrees: float) -> float:
    """How many times the canvas must grow (outpaint zoom) so that turning it by `degrees` keeps all of
    the original (`tools.geometry.zoom_to_keep_all`). Without the size: enough for any picture from 16:9
    to 9:16."""
    from retouch.tools.geometry import zoom_to_keep_all

    shapes = [size] if size else [(1, 1), (4, 3), (3, 4), (3, 2), (2, 3), (16, 9), (9, 16)]
    return max(zoom_to_keep_all(shape, degrees) for shape in shapes)


def _turn(degrees: float, said: str, what: str, ctx: PlanningContext, keep_edges: bool) -> list[Step]:
    """crop(rotate), preceded by the canvas growth that keeps every edge when the words ask for it."""
    direction = "counter-clockwise" if degrees < 0 else "clockwise"
    say = f"{what} {abs(degrees):g}° {direction}"
    note = f"(A {said}° turn is the same as {degrees:g}°.)" if said and float(to_number(said) or 0) != degrees else ""
    rotate = CropCall(args=CropArgs(rotate=degrees))
    if keep_edges and degrees % 90:
        zoom = keep_edges_zoom(ctx.image_size, degrees)
        if not within(zoom, OutpaintArgs, "zoom"):
            return [ask(f"Keeping every edge through a {abs(degrees):g}° turn would need the canvas {zoom:g}× "
                        "larger, more than the 8× I can add — turn it without keeping the corners?")]
        grow = OutpaintCall(args=OutpaintArgs(zoom=zoom))
        return [Step("outpaint", [grow, rotate],
                     f"growing the canvas {zoom:g}× so no edge is lost, then {say} (the new corners are filled in)",
                     note)]
    return [Step("crop", [rotate], say, note)]


def _angle(low: str, start: int = 0, unit_needed: bool = False) -> tuple[float | None, str]:
    """The first angle after `start`: (degrees, as written), or (None, "") when none is named."""
    if not unit_needed:
        lone = _LONE_NUMBER_WORD.match(low, start)
        if lone:
            if lone.group("more"):
                return math.nan, " ".join(low[lone.start("n"):lone.end()].split())
            value = float(word_value(lone.group("n")) or 0)
            return value, shown(value)
    for value, said, at, end in numbers(low[start:]):
        if _DEGREE_UNIT.match(low, start + end) or not unit_needed:
            return value, said
    m = _BY_NUMBER.search(low, start)
    if m:
        return to_number(m.group("n")), " ".join(m.group("n").split())
    return None, ""


def _kept(clause: Words) -> Target | str | None:
    """What a crop must keep: "but keep both people", "don't cut off his head", "make sure the cat
    stays in" → its Target; "keep everything" → "everything"; nothing named → None."""
    for pattern in _KEEPING:
        m = pattern.search(clause.low)
        if not m:
            continue
        said = clause.slice(m.start("x"), m.end("x")).strip()
        if _WHOLE_BODY.search(said.low):
            return Target("person", "person", phrase=None)
        if " ".join(said.low.split()) in WHOLE_THING:
            return "everything"
        target = parse_target(said, clause)
        if target is not None and target.target not in IMAGE_WORDS:
            return Target(**{**target.__dict__, "pronoun": False})
    return None


def _crop_to(np: Words, ctx: PlanningContext) -> list[Step]:
    """select the thing → crop to it with a margin; 'this', 'her' with a selection: the selection; else which?"""
    said = SCAFFOLD.sub(" ", np.low).strip(" ,.!?")
    if is_selection(said) or said in ("him", "her", "them", "me", "us"):
        if ctx.has_selection:
            return [Step("crop", [CropCall(args=CropArgs(keep_selection=True))], "cropping to the selection")]
        step = refusal("Crop to what? Name it (\"crop to the dog\") or select it first.")
        step.pointing = True
        return [step]
    target = parse_target(np)
    if target is None or target.target in IMAGE_WORDS:
        return [refusal(CROP_HOW)]
    if target.target == SUBJECT_WORD and target.position is None:    # "crop to the main subject"
        return [subject_crop_step()]
    listed = [parse_target(part) for part in split_list(np)]
    if len(listed) > 1 and all(t is not None and not t.pronoun and t.target not in IMAGE_WORDS for t in listed):
        # "crop my face and chest": the frame holds each thing named, so each is found (heads23)
        return [Step("crop", [select(listed[0]), *(select(t, add=True) for t in listed[1:]),
                              CropCall(args=CropArgs(keep_selection=True))],
                     f"cropping to {target.describe()}", on_selection=target.pointed)]
    return [Step("crop", [select(target), CropCall(args=CropArgs(keep_selection=True))],
                 f"cropping to {target.describe()}", on_selection=target.pointed)]


_IN_THE_MIDDLE = (r"(?:\s+(?:in|into|to|at)\s+(?:(?:the|this|my|our)\s+)?(?:{MIDDLE_WORDS}|{PICTURE_NOUNS})"
                   r"(?:\s+of\s+(?:the\s+|this\s+|my\s+)?(?:{PICTURE_NOUNS}))?)?(?:\s+(?:please|pls|more|better))*")
"""What may follow the thing centred: 'in the middle of the frame', 'in the photo', 'please' (a pattern's words)."""
_CENTRE = (
    rx(r"^(?:help\s+(?:me\s+|us\s+)?(?:to\s+)?)?{CENTRE_VERBS}\s+(?:up\s+)?(?P<np>\S.*?)" + _IN_THE_MIDDLE
       + r"\s*[.!?]*$"),
    rx(r"^(?:make|get|have)\s+(?P<np>\S.*?)\s+(?:(?:be|look)\s+)?(?:more\s+)?{CENTRED_WORDS}"
       + _IN_THE_MIDDLE + r"\s*[.!?]*$"),
    rx(r"^(?:put|place|have|get)\s+(?P<np>(?:the|my|our|his|her|their|this|that|him|her|them|me|us)\b.*?)\s+"
       r"(?:right\s+)?in\s+the\s+(?:{MIDDLE_WORDS})(?:\s+of\s+(?:the\s+|this\s+|my\s+)?(?:{PICTURE_NOUNS}))?"
       r"(?:\s+(?:please|pls))?\s*[.!?]*$"),
    rx(r"^(?P<np>\S.*?)\s+(?:is|are|looks?|seems?)\s+(?:a\s+(?:bit|little)\s+|slightly\s+|very\s+|so\s+)?"
       r"(?:{OFF_CENTRE_WORDS})\b"),
)
"""'centre the dog', 'help to centralise the image', 'make him centred', 'put the cake in the middle of the frame',
'the vase is off-centre': a crop that puts the thing in the middle."""


def _centre(clause: Words, ctx: PlanningContext) -> list[Step]:
    """crop(center_on_selection) around the thing named; the photo itself ('centre the image') is its subject, a
    person unless another is named (said); a selection pointed at ('centre this') is that selection."""
    m = next((found for pattern in _CENTRE if (found := pattern.search(clause.low))), None)
    if m is None:
        return []
    said = SCAFFOLD.sub(" ", m.group("np")).strip(" ,.!?")
    centre = CropCall(args=CropArgs(center_on_selection=True))
    if said in ("this", "that") or is_selection(said) and ctx.has_selection:
        if ctx.has_selection:
            return [Step("crop", [centre], "cropping so the selection sits in the middle")]
        step = refusal("Centre what? Name it (\"centre the dog\") or select it first.")
        step.pointing = True
        return [step]
    if said in PEOPLE_PRONOUNS:
        who = Target("person", "people", all=True) if said in ("them", "us", "they", "we") else Target("person", "person")
        return [Step("crop", [select(who), centre], f"cropping so the {who.display} {'sit' if who.all else 'sits'} in "
                                                     "the middle")]
    target = parse_target(clause.slice(m.start("np"), m.end("np")))
    if target is None or target.pronoun or target.target in IMAGE_WORDS:
        subject = Target("person", "subject")
        return [Step("crop", [select(subject), centre], "cropping so the subject sits in the middle",
                     "(I took the subject to be the person in it; name another thing to centre it, e.g. “centre the "
                     "dog”.)")]
    named = " ".join(clause.orig[m.start("np"):m.end("np")].split())
    if named.lower() == said and named[:1].isupper() and " " not in said:      # "centre Maya": a person by name
        return [Step("crop", [select(Target("person", named)), centre], f"cropping so {named} sits in the middle (the "
                     "person; say where they stand if there are several)")]
    return [Step("crop", [select(target), centre], f"cropping so {target.describe()} sits in the middle",
                 on_selection=target.pointed)]


ZOOMED_TO_SUBJECT = "(Nothing named to zoom in on; say e.g. “zoom in on the dog” " \
                    "or “crop to 4:5” for another crop.)"


def _bare_zoom(low: str) -> Step:
    """'zoom in', 'zoom it in a bit', 'zoom into the image more': a zoom onto nothing named is the crop with no shape
    ('crop the photo') — in around the main subject at the photo's shape — and the reply says how to name a thing.
    Still vague, so a crop that says how in the same message replaces it (`zoom_and_crop`)."""
    step = _said_what_was_left(subject_crop_step(), _ZOOM_AMOUNT_SAID.sub(" ", low))
    step.note = f"{step.note} {ZOOMED_TO_SUBJECT}".strip() if step.note else ZOOMED_TO_SUBJECT
    return step
CROP_HOW = "How should I crop it? Give a ratio (\"crop to 16:9\", \"crop it square\") or a box."


_MORE_ON = rx(r"\b(?:(?:{PICTURE_NOUNS}|it|this)\s+(?:to\s+)?(?:be\s+)?more\s+(?:focused|centred|centered)\s+on"
              r"|(?:focus|zoom)\s+(?:(?:it|this|the\s+(?:{PICTURE_NOUNS}))\s+)?more\s+on)"
              r"\s+(?P<np>(?:the|my|his|her|their|our|this|that|him|her|them|me|us)\b"
              r"(?:\s+(?!{IMPERATIVE_VERBS}\b)[\w'-]+){0,3}?)(?:\s+(?:please|pls))?\s*[.!?]*$")
"""'I'd like the shot more focused on us', 'focus it more on the bride': a crop in around that thing."""


def _more_on(clause: Words, ctx: PlanningContext) -> list[Step]:
    """A crop in around the thing the picture should be more about; a person said as 'me'/'us' is the person(s) in it
    (no finder knows who you are: said)."""
    m = _MORE_ON.search(clause.low)
    if m is None or _NOT_A_CROP_TARGET.search(m.group("np")):
        return []
    said = m.group("np").strip()
    if said in PEOPLE_PRONOUNS:
        who = Target("person", "people", all=True) if said in ("them", "us", "they", "we") else Target("person", "person")
        return [Step("crop", [select(who), CropCall(args=CropArgs(keep_selection=True))],
                     f"cropping in close around the {who.display}", "(Say where you stand if there are several.)")]
    return _crop_to(clause.slice(m.start("np"), m.end("np")), ctx)


_WHAT_IT_SHOWS = rx(r"\b(?:{PICTURE_NOUNS})\s+of\s+[^,;]*?(?=\s+and\b|[,;]|$)")
"""'crop the photo *of my dog*': what the picture shows, read as such — not words left out."""


@functools.cache
def _bare_crop_words() -> frozenset[str]:
    """The words `BARE_CROP_WORDS` and its neighbour lists declare ('crop*' as its stem); built on first use
    (importing the planner stays cheap)."""
    words = set(FUNCTION_WORDS)
    for phrase in (*BARE_CROP_WORDS, *PICTURE_NOUNS, *CROP_MANNERS, *CLOSER_CROPS, *EXCESS_WORDS, *EXCESS_NOUNS):
        words.update(re.findall(r"[a-z']+", phrase))
    return frozenset(words)


_KIND_OF_PICTURE = rx(r"\b[a-z']+\s+(?=(?:{PICTURE_NOUNS})\b)")
"""'this *flyer* photo': the picture's kind, read as such."""


def _described_blanked(low: str) -> str:
    """The clause less what describes the picture ('the photo *of my dog*', 'this *flyer* photo'), for a word check."""
    return _KIND_OF_PICTURE.sub(" ", _WHAT_IT_SHOWS.sub(" ", low))


def _said_what_was_left(step: Step, low: str) -> Step:
    """A crop with no shape whose clause has words none of `BARE_CROP_WORDS`' lists reads ('crop it better zebra';
    the word check of `word_check.unread_words`, held to the crop's own lists — a crop with no shape reads nothing
    else): the step stays, the reply says what was left out, and the plan is unsure (`Step.doubt`) — nothing silent."""
    from retouch.agent.planner.word_check import unread_words

    left = unread_words(_described_blanked(low), known=_bare_crop_words())
    return left_out(step, " ".join(left)) if left else step


def subject_crop_step() -> Step:
    """A crop with no shape said ('crop the photo', 'crop it closer', 'a tighter crop'): in around the main subject
    at the photo's shape (`tools.subject_crop`; the executor says what it found). Vague: a crop said in the same
    message with a shape, a side or a thing is the crop meant ('crop it and zoom in on the dog')."""
    step = Step("crop", [CropCall(args=CropArgs(subject=True))],
                "cropping in around the main subject (if one stands out), keeping the photo's shape")
    step.vague = True
    return step


def _is_subject_crop(step: Step) -> bool:
    return step.vague and step.action == "crop" and any(call.tool == "crop" and call.args.subject
                                                        for call in step.calls)


def _cuts(args: CropArgs) -> bool:
    """A crop that says where it cuts (a box, a shape, a thing, a border) — not a turn or a flip."""
    return bool(args.box or args.aspect or args.keep_selection or args.trim or args.center_on_selection)


def zoom_and_crop(steps: list[Step], ctx: PlanningContext) -> list[Step]:
    """A bare crop next to another crop or zoom in the same message: 'crop it and zoom in on the dog' is the crop to
    the dog (the bare crop goes); 'zoom in a little and crop it', 'crop it, zoom in' together say 'in closer' — the
    one crop in around the subject. Anything else is left as it is."""
    bare = [step for step in steps if _is_subject_crop(step)]
    if not bare:
        return steps
    if any(step.action == "crop" and not _is_subject_crop(step) and any(call.tool == "crop" and _cuts(call.args)
                                                                        for call in step.calls) for step in steps):
        return [step for step in steps if step not in bare]
    return [step for step in steps if step in bare[:1] or step not in bare]


_THING_TILTED = rx(r"^(?P<np>(?:the|my|his|her|their|our|your|this|that|these|those)\s+[\w' -]+?|he|she|they)\s+"
                  r"(?:is|are|looks?|seems?|was|were)\s+(?:(?:a\s+(?:bit|little)|slightly|very|so|all)\s+)?"
                  r"{TILTED_WORDS}\b")
_STRAIGHTENED = rx(r"^(?:{STRAIGHTEN_WORDS}|make|get)\s+(?:up\s+|out\s+)?"
                   r"(?P<np>(?:the|my|his|her|their|our|your|this|that|these|those)\s+\S.*?|them|these|those)"
                   r"(?:\s+(?:out|up))?"
                   r"(?:\s+(?:look\s+|be\s+)?(?:straight|straighter|level|even))?"
                   r"(?:\s+(?:please|pls|a\s+(?:bit|little)|slightly))*\s*[.!?]*$")
"""'his tie is crooked', 'straighten my glasses', 'make her necklace straight': what the tilt is said of."""
_MADE_STRAIGHT = re.compile(r"^(?:make|get)\s+\S.*?\s+(?:look\s+|be\s+)?(?:straight|straighter)\b")


_ALSO_STRAIGHTER = re.compile(r"^(?:make|get)\s+(?P<np>.+?)\s+(?:look\s+)?(?:\w+er(?P<after>\s+and\s+straighter)"
                              r"|(?P<before>straighter\s+and\s+)\w+er)\b")
"""'get her smile brighter *and straighter*': another change to the same thing beside its straightening."""


def _with_another_change(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """'get her smile brighter and straighter': the other change made (planned as if said alone) and the straightening
    declined beside it — or, of the photo itself, straightened too. [] for any other clause."""
    m = _ALSO_STRAIGHTER.search(clause.low)
    if m is None:
        return []
    from retouch.agent.planner.rules_handlers import dispatch          # the table imports this module

    cut = "after" if m.group("after") else "before"
    rest = clause.blank(m.start(cut), m.end(cut)).squeeze()
    others = dispatch(rest, ctx, settings)
    declined = _tilted_thing(Words.of(f"make {m.group('np')} straighter"))
    if not any(step.calls for step in others):
        if declined is None:
            return []
        return [left_out(declined, rest.orig)]
    if declined is None:
        from retouch.agent.planner.rules_enhance import enhance_step

        return [*others, enhance_step(["straighten"], "straightening it by the tilt its lines show")]
    return [*others, declined]


def _tilted_thing(clause: Words) -> Step | None:
    """A refusal when the tilt is a thing's own ('my glasses are wonky', 'straighten the lamp post'): straightening turns
    the whole photo by its lines, and no tool reshapes one thing in it. None when the tilt is the photo's (its
    horizon, its buildings, 'it', a person standing in it) or nothing is named."""
    m = _THING_TILTED.search(clause.low) or _STRAIGHTENED.search(clause.low)
    if m is None:
        return None
    np = clause.slice(m.start("np"), m.end("np"))
    said = SCAFFOLD.sub(" ", np.low).strip(" ,.!?")
    if said in ("them", "these", "those"):
        step = refusal("Straighten what? I straighten the whole photo by its lines (\"straighten the photo\"); one "
                       "thing in it can't be straightened.")
        step.pointing = True
        return step
    target = parse_target(np)
    if target is None or target.pronoun or target.target in IMAGE_WORDS or target.target == "person" \
            or said.split()[-1] in LEVEL_LINES or target.target in LEVEL_LINES:
        return None
    return refusal(f"I can't straighten one thing on its own ({target.describe()}) — that reshapes part of the "
                   "picture, and no tool here bends or turns part of a photo. I can straighten the whole photo by its "
                   "lines (\"straighten the photo\"), or remove it or replace it with a new one described in words.")


def parse_geometry(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """`_parse_geometry`, with any word it took whole and left unread said (`rules_steps.whole_clause_read`)."""
    return whole_clause_read(_parse_geometry(clause, ctx, settings), _described_blanked(clause.low))


def _parse_geometry(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    low = clause.low
    centred = _centre(clause, ctx) or _more_on(clause, ctx)
    if centred:
        return centred
    focused = _focus_on_someone(clause, ctx)
    if focused:
        return focused
    zoom = _ZOOM_IN.search(low)
    if zoom and low.startswith("zoomed", zoom.start()) and _ZOOMED_BEFORE.search(low[:zoom.start()]):
        zoom = None
    if zoom:
        named = (zoom.group("np") or "").strip(" ,.!?").split()
        said = [word for word in named if word not in DETERMINERS and word not in WHOLE_WORDS]   # "the whole photo"
        if said and all(word in IMAGE_WORDS and word not in POINTING_WORDS for word in said) \
                and not _NOT_A_SUBJECT_CROP.search(low):
            return [_said_what_was_left(subject_crop_step(), low)]   # "zoom in on the photo": as a bare crop
        if not named or said and said[0] in IMAGE_WORDS and said[0] not in POINTING_WORDS \
                and said[-1] in (*IMAGE_WORDS, "more", "closer", "further"):
            return [_bare_zoom(low)]                       # "zoom in", "zoom it in a bit": as a bare crop
        if said and said[0] in IMAGE_WORDS and said[0] not in POINTING_WORDS and said[1:2] != ["of"] \
                and not _NOT_A_SUBJECT_CROP.search(low):     # "zoom in on the photo kazoo": no thing called that
            return [_said_what_was_left(subject_crop_step(), low)]
        return _crop_to(clause.slice(zoom.start("np"), zoom.end("np")), ctx)
    if _HEADSHOT.search(low) and _HEADSHOT_ASK.search(low) and not _ROTATE.search(low):
        return _headshot(clause, ctx)
    if _FLIP.search(low):
        flip = "vertical" if _VERTICAL.search(low) else "horizontal"
        step = Step("crop", [CropCall(args=CropArgs(flip=flip))], f"flipping the image {flip}ly")
        thing = _FLIPPED_THING.match(low)
        target = parse_target(clause.slice(thing.start("np"), thing.end("np"))) if thing else None
        if target is not None and not target.pronoun and target.target not in IMAGE_WORDS:
            step.note = (f"(I flip the whole picture — {target.describe()} with it; one thing can't be flipped on its "
                         "own.)")
            step.doubt = "a flip of one thing read as the whole picture's"
        return [step]
    keep_edges = bool(_KEEP_EDGES.search(low))
    rotate = _ROTATE.search(low)
    if rotate or (_UPSIDE_DOWN.search(low) and _TURN_OR_PUT.search(low)):
        value, said = _angle(low, rotate.end()) if rotate else (None, "")
        if said and _TIMES.match(low, low.find(said, rotate.end() if rotate else 0) + len(said)):
            return [ask(f"Rotate by how many degrees? “{said} times” is a count of turns — say e.g. \"rotate 90 "
                        "degrees\" or \"rotate 180 degrees\".")]
        if value is None and rotate and not _UPSIDE_DOWN.search(low) and (
                _SLIGHT_TURN.search(low) or _TURNED_STRAIGHT.search(low)):
            return [_slight_turn(low, keep_edges)]
        degrees = 180.0 if _UPSIDE_DOWN.search(low) else (90.0 if value is None else value)
        if _CCW.search(low) and degrees > 0 and degrees != 180:
            degrees = -degrees
        if not math.isfinite(degrees) or abs(degrees) > MAX_TURNS * 360:
            return [ask(f"I rotate by an angle from -360 to 360 degrees; {said}° isn't one I can use — how far "
                        "should I turn it?")]
        turned = math.fmod(degrees, 360.0)
        if turned == 0:
            what = "no turn at all" if degrees == 0 else f"{abs(degrees) / 360:g} full turn(s)"
            return [ask(f"Rotating by {said or shown(degrees)}° is {what}: the picture would not change. How far "
                        "should I turn it?")]
        steps = _turn(turned, said, "rotating the image", ctx, keep_edges)
        if value is None and not _UPSIDE_DOWN.search(low) and not _TURN_WAY.search(low):
            steps[-1].note = (f"{steps[-1].note} (No angle or direction given: a quarter turn clockwise; say “rotate "
                              "left” or an angle for another.)").strip()
        return steps
    if _STRAIGHTEN.search(low) or _THING_TILTED.search(low) or _MADE_STRAIGHT.search(low):
        both = _with_another_change(clause, ctx, settings)
        if both:
            return both
        from retouch.agent.planner.rules_edits import worn_thing_straightened   # late, as the other handler modules

        worn = worn_thing_straightened(clause, ctx)             # 'straighten his tie': redrawn neat (issue 20, edits26)
        if worn:
            return worn
        askew = _tilted_thing(clause)
        if askew is not None:
            return [askew]
        value, said = _angle(low, unit_needed=True)
        if value is None:                                   # the angle is measured from the photo's lines
            from retouch.agent.planner.rules_enhance import enhance_step

            how = ", growing the canvas so nothing is cut" if keep_edges or _KEEPING[1].search(low) else ""
            return [enhance_step(["straighten"], f"straightening it by the tilt its lines show{how}",
                                 keep_all=bool(how))]
        if not math.isfinite(value) or abs(value) > MAX_TILT:
            return [ask(f"Straightening fixes a small tilt, up to {MAX_TILT:g}°, and {said}° is more than that — "
                        "by how many degrees is it tilted? (For a quarter turn say \"rotate 90 degrees\".)")]
        degrees = -abs(value) if _CCW.search(low) or value < 0 else value
        return _turn(degrees, "", "straightening the image by", ctx, keep_edges)
    crop = _CROP.search(low)
    if not crop or _CROP_TOPS.search(low) or _NOT_A_CROP.search(low[:crop.start() + 1]) or _CROP_TALKED.match(low):
        return []
    aspect = aspect_of(low)
    if aspect:
        problem = aspect_problem(aspect)
        if problem:
            return [ask(problem)]
        kept = _kept(clause)
        if kept == "everything":
            return []                                      # "crop … but keep everything" grows the canvas instead
        if kept is not None:
            return [Step("crop", [select(kept), CropCall(args=CropArgs(aspect=aspect, keep_selection=True))],
                         f"cropping to {aspect} around {kept.describe()} (they stay whole; if they can't fit, the "
                         f"canvas grows to {aspect} instead)")]
        return [Step("crop", [CropCall(args=CropArgs(aspect=aspect))], f"cropping to {aspect}")]
    rest = _CROP_LEAD.sub("", low)
    found = parse_region(Words.of(rest), ctx.image_size)
    side = _BARE_SIDE.match(rest)
    pair = picture_part(Words.of(_KEPT_LEAD.sub("", rest))) if found is None and not side else None
    if pair:
        return [_pair_crop(pair[0], pair[1], cut_away=bool(_CROP_OUT.search(low) or _OFF.search(low)), ctx=ctx)]
    if found is None and side:                     # "crop the bottom of the picture": the small strip off that side
        name = side.group("side")
        args = _cut_args({name: SMALL_STRIP}, ctx)
        if side.group("small"):                     # "crop the bottom a little": the small strip was asked for
            return [Step("crop", [CropCall(args=args)],
                         f"cropping off the {name} {SMALL_STRIP:.0%} (a little; say e.g. “crop the {name} 20%” for more)")]
        return [Step("crop", [CropCall(args=args)], f"cropping off the {name} {SMALL_STRIP:.0%}",
                     f"(You didn't say how much, so I took a little; say e.g. “crop the {name} 25%” for more.)")]
    if found is None:
        if _CROP_NO_SHAPE.search(low):
            return [_said_what_was_left(subject_crop_step(), low)]
        if _CROP_OUT.search(low):
            return []                                     # "crop out the guy" is a removal
        around = _CROP_AROUND.search(low)
        if around:
            return _crop_to(clause.slice(around.start("np"), around.end("np")), ctx)
        closer = _crop_closer(clause, ctx)
        if closer:
            return closer
        bare = _CROP_TO_BARE.search(low)
        if bare and not _NOT_A_CROP_TARGET.search(bare.group("np")):
            np = clause.slice(bare.start("np"), bare.end("np"))
            target = parse_target(np)
            if target is not None and not target.pronoun and target.target not in IMAGE_WORDS:
                return _crop_to(np, ctx)
        if _NOT_A_SUBJECT_CROP.search(low):                # "crop it here", "crop if it helps": how, where, whether?
            step = refusal(CROP_HOW)
            step.vague = True
            return [step]
        return [_said_what_was_left(subject_crop_step(), low)]    # "crop the photo", "crop it better": no shape said
    fields, name = found
    if "problem" in fields:
        return [ask(fields["problem"])]
    if "box" in fields:
        return [Step("crop", [CropCall(args=CropArgs(box=fields["box"]))], f"cropping to {name}")]
    name = _share_said(name, fields)
    if ctx.image_size is None:
        if fields.get("side") in _OPPOSITE and fields.get("fraction") and not fields.get("pixels"):
            keep = bool(_CROP_TO.search(low))               # "crop the top half": a share of a side, sized later
            return [_cut_step(fields, keep, f"cropping {'to' if _TO.search(low) else 'off'} {name}")]
        return [refusal("I need the image size to crop a strip; give a box instead (\"crop to box 0,0,800,600\").")]
    box = _strip_box(fields, ctx.image_size, keep=bool(_CROP_TO.search(low)))
    if box is None:
        return [refusal("That crop would leave nothing of the picture.")]
    return [Step("crop", [CropCall(args=CropArgs(box=box))], f"cropping {'to' if _TO.search(low) else 'off'} {name}")]


def _focus_on_someone(clause: Words, ctx: PlanningContext) -> list[Step]:
    """'focus on the girl in red', 'focus on Kanye': a crop in around the person (a name by its capital, as written);
    [] when what is named is no person ('focus on his eyes', 'focus on the faces' are sharpened)."""
    m = _FOCUS_ON.match(clause.low)
    if m is None:
        return []
    np = clause.slice(m.start("np"), m.end("np"))
    said = clause.orig[m.start("np"):m.end("np")].strip()
    if said[:1].isupper() and len(said.split()) <= 2 and said.lower() not in IMAGE_WORDS \
            and all(word[:1].isupper() for word in said.split()):            # "focus on Kanye": a name
        return [Step("crop", [select(Target("person", said)), CropCall(args=CropArgs(keep_selection=True))],
                     f"cropping to {said} (the person; say where they stand if there are several)")]
    target = parse_target(np)
    if target is None or target.pronoun or target.target not in PERSON_WORDS and target.target != "person":
        return []
    return _crop_to(np, ctx)


def _slight_turn(low: str, keep_edges: bool) -> Step:
    """'rotate it slightly to the right': the small turn a photo needs is the tilt its lines show, measured (an
    enhance's straighten) — a quarter turn would lay the picture on its side. The reply says how to ask for an
    exact angle instead."""
    from retouch.agent.planner.rules_enhance import enhance_step

    how = ", growing the canvas so nothing is cut" if keep_edges else ""
    return enhance_step(["straighten"], f"straightening it by the tilt its lines show{how}",
                        note="(A slight turn with no angle: I measure the tilt. For an exact turn say e.g. “rotate "
                             "3 degrees clockwise”.)", keep_all=bool(how))


def _headshot(clause: Words, ctx: PlanningContext) -> list[Step]:
    """In close around a face: the named person's ('a headshot of the woman on the left'), else the one face."""
    of = _OF_WHOM.search(clause.low)
    whose = parse_target(clause.slice(of.start("np"), of.end("np"))) if of else None
    if whose is not None and (whose.pronoun or whose.target in IMAGE_WORDS):
        whose = None
    face = Target("face", f"{whose.display}'s face" if whose else "face", position=whose.position if whose else None)
    return [Step("crop", [select(face), CropCall(args=CropArgs(keep_selection=True))],
                 f"cropping in close around {face.describe()} (a headshot)")]


def crops_closer(low: str) -> bool:
    """'crop it closer', 'crop so there's less background': a crop, whatever background word it names."""
    return bool(_CROP_CLOSER.search(low))


def _crop_closer(clause: Words, ctx: PlanningContext) -> list[Step]:
    """'crop it closer' (around the subject, a person unless one is named), 'crop it so she fills the frame',
    'crop these puppies': a crop in around a thing; [] for any other crop."""
    low = clause.low
    if _CROP_CLOSER.search(low):
        if ctx.has_selection:
            return [Step("crop", [CropCall(args=CropArgs(keep_selection=True))], "cropping in close to the selection")]
        return [_said_what_was_left(subject_crop_step(), low)]
    filling = _CROP_FILLING.search(low)
    if filling:
        said = filling.group("np").strip()
        if said in PEOPLE_PRONOUNS:                       # "so she fills the frame"
            return [Step("crop", [select(Target("person", "person")), CropCall(args=CropArgs(keep_selection=True))],
                         "cropping in close around the person")]
        if said in POINTING_WORDS:                        # "so it fills the frame": the subject, as 'closer'
            return _crop_closer(Words.of("crop it closer"), ctx)
        return _crop_to(clause.slice(filling.start("np"), filling.end("np")), ctx)
    named = _JUST_A_NAME.search(low)
    if named:
        said = clause.orig[named.start("name"):named.end("name")]
        if said[:1].isupper() and said.lower() not in IMAGE_WORDS:      # "crop it so it's just Maya"
            return [Step("crop", [select(Target("person", said)), CropCall(args=CropArgs(keep_selection=True))],
                         f"cropping to {said} (the person; say where they stand if there are several)")]
    thing = _CROP_THING.search(low)
    cropped_off = _cropped_off(clause, thing) if thing else None
    if cropped_off:
        return cropped_off
    if thing and not _NOT_A_CROP_TARGET.search(thing.group("np").strip()) and not _PICTURE_FIRST.match(thing.group("np")):
        target = parse_target(clause.slice(thing.start("np"), thing.end("np")))
        if target is not None and not target.pronoun and target.target not in IMAGE_WORDS:
            return _crop_to(clause.slice(thing.start("np"), thing.end("np")), ctx)
    return []


_AT_ONE_SIDE = rx(r"^(?:the|this|that|my|our|his|her|their)\s+(?:[\w'-]+\s+){1,2}?(?:on|at|to)\s+the\s+"
                  r"(?:(?:far|top|bottom|upper|lower)\s+)?(?:left|right)(?:\s+side)?$")
"""'the lady on the right', 'that guy on the far left': one thing and its side, and nothing else ('about right here',
'the image so all you see is …' are no such thing)."""


def _cropped_off(clause: Words, thing: re.Match[str]) -> list[Step]:
    """'crop that girl at the right' (a thing at a side, no 'out', no ratio) mostly asks for her to be gone; a crop
    takes her away only if she stands at the edge, a removal wherever she stands — so it is the removal, said with
    how to ask for the crop down to her instead, and unsure. [] for anything else ('crop the two girls')."""
    np = clause.slice(thing.start("np"), thing.end("np"))
    if not _AT_ONE_SIDE.match(np.low.strip()):
        return []
    target = parse_target(np)
    if target is None or target.pronoun or target.position not in CROPPED_OFF_SIDES or target.all or \
            target.target in IMAGE_WORDS:
        return []
    named = target.describe()
    step = edit_on(target, "remove", f"removing {named}")
    step.note = (f"(I read “{' '.join(clause.orig.split())}” as taking it out of the picture; say “crop to {named}” "
                 "to crop in around it instead.)")
    step.doubt = "'crop' of a thing at one side read as its removal"
    return [step]


_OPPOSITE = {"left": "right", "right": "left", "top": "bottom", "bottom": "top"}


def _share_said(name: str, fields: dict) -> str:
    """A strip named by a word with no amount ('crop the bottom part', 'the left side') is given a share of the
    picture (`rules_region`: half for a side or part); the reply says how much, since no number was said."""
    if "fraction" not in fields or fields.get("side") not in _OPPOSITE or any(c.isdigit() for c in name) \
            or any(word in name for word in FRACTION_WORDS):
        return name
    return (f"{name} ({fields['fraction']:.0%} of the picture; say e.g. “crop the {fields['side']} 20%” for another "
            "amount)")


def _pair_crop(fields: dict, name: str, cut_away: bool, ctx: PlanningContext) -> Step:
    """One picture of a pair or a collage cropped ('crop to the left photo', 'crop out the right image'): that half kept,
    or cut away when 'out' / 'off' is said."""
    say = f"cropping {'off' if cut_away else 'to'} {name}"
    if ctx.image_size is None:
        return _cut_step(fields, not cut_away, say)
    box = _strip_box(fields, ctx.image_size, keep=not cut_away)
    return Step("crop", [CropCall(args=CropArgs(box=box))], say) if box else \
        refusal("That crop would leave nothing of the picture.")


def _cut_step(fields: dict, keep: bool, say: str) -> Step:
    """A strip cropped when the photo's size is not known yet: the share of the side cut off (`CropArgs.cut`), which
    the crop turns into pixels on the photo — 'crop the top half' keeps that half, so the other side loses the rest."""
    side, share = fields["side"], fields["fraction"]
    cut = {_OPPOSITE[side]: round(1 - share, 4)} if keep else {side: share}
    if not all(0 < value < 1 for value in cut.values()):
        return refusal("That crop would leave nothing of the picture.")
    return Step("crop", [CropCall(args=CropArgs(cut=cut))], say)


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
