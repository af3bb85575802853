"""What the tools cannot do, said honestly: restyling, face swaps, writing text, colourising,
moving or resizing objects, upscaling, resizing the file — and what they will not do: take clothes off someone.

Each gets a plan with no calls and a reply that says what is possible instead — never a guessed
edit. "improve the resolution" is the one exception: the noise and sharpness corrected, with a note that says no
pixels are added (`rules_wishes.print_size_step`); more resolution wished alone ("increase the resolution", "a hi-res
copy for a big print") is declined as an upscale.
"""

from __future__ import annotations

import re

from retouch.agent.plan import ADJUST_AMOUNTS, AdjustCall
from retouch.agent.planner.base import PlanningContext
from retouch.agent.planner.rules_canvas import asks_for_canvas
from retouch.agent.planner.rules_enhance import enhance_step
from retouch.agent.planner.rules_geometry import aspect_of, phone_screen, pixel_size
from retouch.agent.planner.rules_lexicon import rx
from retouch.agent.planner.rules_remove import REMOVE_VERB
from retouch.agent.planner.rules_steps import CAPABILITIES, Step, refusal
from retouch.agent.planner.rules_target import parse_target
from retouch.agent.planner.rules_text import Settings, Words
from retouch.agent.planner.rules_vocab import COLORS, PEOPLE_PRONOUNS, PERSON_WORDS, SOILED_PARTS
from retouch.agent.planner.rules_vocab import SLIMMED_PARTS, WEARERS  # a body slimmed down (issue 20, edits26)
from retouch.agent.planner.rules_vocab import TEXT_NAMES  # a size changed in words (issue 20, drops27)
from retouch.agent.planner.rules_steps import background_step  # someone put into another scene (issue 20, acts25)
from retouch.agent.planner.rules_edits import parse_recolor      # lettering given a colour (issue 20, acts25)
from retouch.agent.planner.rules_wishes import RESOLUTION, print_size_step
from retouch.agent.planner.undressing import UNDRESSING_NOTE

_COLOURS = frozenset(COLORS)

STYLE = rx(r"{STYLE_WORDS}|\b(?:into|like|as)\s+(?:a|an)\s+(?:\w+\s+)?{ART_WORDS}\b"
           r"|\b(?:painting|drawing|sketch)\s+style\b")
"""A request to restyle the whole picture: 'like a Van Gogh', 'as an anime drawing'."""
_COLORIZE = rx(r"\b{COLORIZE_WORDS}|\bcolou?r\s+(?:in\s+)?(?:this|the|my|an?)\s+(?:old\s+)?{OLD_PHOTO_WORDS}\b"
               r"|\badd\s+colou?rs?\s+to\s+(?:this|the|my)\s+(?:old\s+)?(?:black|b&w|photo)"
               r"|\badd\s+colou?rs?\s+to\s+(?:this|the|my|an)\s+old\s+(?:{PICTURE_NOUNS})"
               r"|\b(?:{OLD_PHOTO_WORDS})\s+(?:in)?to\s+(?:full\s+)?colou?r(?:ed)?\b(?!\s+(?:of|on|in)\b)"
               r"|\b(?:change|convert|turn|make)\s+(?:(?:it|this|(?:the|this|my|our)\s+(?:whole\s+|entire\s+|old\s+)?"
               r"(?:{PICTURE_NOUNS}))\s+)?(?:in)?to\s+(?:full\s+)?colou?r(?:ed)?(?=\s*$|\s*[?.!,;]|\s+(?:please|pls)\b)"
               r"|\b(?:change|convert|turn|switch|go)\s+(?:(?:it|this)\s+)?(?:back\s+)?from\s+(?:{OLD_PHOTO_WORDS})\b"
               r"(?!\s+(?:in)?to\b|\s+(?:{PICTURE_NOUNS}|version|copy|one)\b)"
               r"|\b(?:make|turn|change|convert)\s+(?:this|the|my|our)\s+(?:old\s+)?(?:{OLD_PHOTO_WORDS})\s+(?:{PICTURE_NOUNS})"
               r"\s+(?:(?:in)?to\s+)?(?:full\s+)?colou?r(?:ed)?(?=\s*$|\s*[?.!,;]|\s+(?:please|pls|and)\b)"
               r"|\b(?:colou?red|in\s+colou?r)\s*,?\s+(?:and\s+|but\s+)?not\s+(?:in\s+)?(?:{OLD_PHOTO_WORDS})\b")
"""… and 'from greyscale to colour', 'convert the entire picture to colour', 'add colour to my old picture': the
photo given colours it never had (a colour named is a recolour: 'turn it to a red colour' never matches). 'Convert to
colour' needs no photo named; 'change from black and white' (and nothing it changes to) and 'make this b&w photo
colour' leave the grey behind, and 'coloured and not b&w' wishes it away — never read as making it grey (issue 20,
tonewords23)."""
_COLOUR_IN = rx(r"(?<!some )(?<!more )(?<!of )(?<!little )\b(?:re)?colou?r(?:ed|ing)?\s+(?:in\s+)?(?:it|this|that|(?:this|the|my|our|his|her|their)\s+(?:old\s+)?"
                r"(?:{PICTURE_NOUNS}))(?=\s*$|\s*[?.!,;]|\s+(?:in|for|please|pls|photo|picture|pic|image|of|if)\b)"
                r"|\b(?:have|get|having|getting)\s+(?:(?:the|this|my|it)\s+)?(?:(?:{PICTURE_NOUNS})\s+)?colou?red(?:\s+in)?\b"
                r"|\b(?:wish|wished|if|see)\s+(?:it|this|they|he|she)\s+(?:was|were|in)\s+(?:in\s+)?colou?r\b")
"""'can anyone colour this?', 'looking to have the image coloured in', 'I wish it was in colour': colourising said with
'colour' (a colour named after it is a recolour: 'colour this red')."""
_COLOUR_NAMED = rx(r"\b(?:{COLORS})\b")
_MOVE = rx(r"^{MOVE_VERBS}\b|\b(?:make|get)\s+{MOVED_WHO}\s*(?!{CANVAS_NOUNS}\b)\w*\s+{RESIZED_WORDS}\b")
_RESIZED_THING = (r"(?:{NOUN_OPENERS})\s+(?!(?:{CANVAS_NOUNS}|{RESIZED_WORDS}|{ROOM_WORDS}|{TEXT_NAMES}|"
                  r"{BACKGROUND_NOUNS}|whole|entire|selection|mask|crop)\b)[\w'-]+")
_THING_RESIZED = rx(r"\b(?:make|get)\s+(?P<made>" + _RESIZED_THING + r"(?:\s+(?!(?:{RESIZED_WORDS}|look|appear|seem)\b)"
                    r"[\w'-]+){0,2}?)\s+(?:(?:look|appear|seem)\s+)?(?:(?:a\s+)?(?:bit|little|lot|tad)\s+|slightly\s+|"
                    r"much\s+|way\s+)?(?:{RESIZED_WORDS})\b"
                    r"|^(?:enlarge|shrink)\s+(?P<grown>" + _RESIZED_THING + r")"
                    r"(?=\s+(?:who|that|which|on|in|at|and|to)\b|\s*[.,!?]|\s*$)"
                    r"|^(?:widen|narrow|broaden|stretch)\s+(?P<widened>(?:{WEARERS})\s+(?!(?:{CANVAS_NOUNS})\b)[\w'-]+"
                    r"(?:\s+(?!(?:a|bit|little|lot|tad|slightly)\b)[\w'-]+)?)(?:\s+(?:a\s+)?(?:bit|little|lot|tad|slightly))?"
                    r"(?=\s+(?:on|in|at|and|to)\b|\s*[.,!?]|\s*$)")
"""'make this car smaller', 'make the dog's head bigger', 'enlarge the man who is jumping', 'shrink the woman': a thing
in the photo resized — declined with what can be done for that thing; someone's own widened or narrowed ('widen his
shoulders', 'narrow her waist': `WEARERS`) is a person reshaped, declined as such ('widen the photo' stays the
canvas). Issue 20, clauses21: it was read as the photo, 'I can crop it', as nothing at all, or as a canvas grown to one
side."""


def _resize_note(thing: Words) -> str:
    """The refusal for a thing moved or resized, naming it in the way out it offers: a thing can be removed and a new
    one added at the size and place wanted; a person removed or cropped closer; a part of a body only touched up."""
    target = parse_target(thing)
    name = target.target if target is not None else ""
    if not name or name in PEOPLE_PRONOUNS:
        return MOVE_NOTE
    if name in SOILED_PARTS:                            # 'make her nose smaller', 'the cat's head bigger'
        return (f"I can't make {thing.orig.strip()} bigger or smaller — no tool here warps part of a photo; I can "
                "smooth, brighten or fix it, or crop in closer.")
    if name == "person" or name in PERSON_WORDS:        # 'make the child look smaller', 'enlarge the man'
        return (f"I can't move or resize the {name} within the photo; I can remove them (“remove the {name}”) or "
                "crop in closer.")
    article = "an" if name[0] in "aeiou" else "a"
    return (f"I can't move or resize the {name} within the photo; I can remove it (“remove the {name}”) and add "
            f"a new one where and as big as you want (“add {article} {name} on the left”).")


MOVE_NOTE = ("I can't move or resize things yet; I can remove it and add a new one where you want "
             "(\"remove the dog\", then \"add a dog on the left\").")


_FACE_SWAP = rx(r"\bface\s*-?\s*swap|\bswap\s+(?:(?:the|their|our|his|her)\s+)?faces\b"
                r"|\bput\s+(?:my|his|her|their|this)\s+face\s+on\b|\bhead\s*swap\b")
_FACE_MOVED = rx(r"\b(?:take|took|taking|grab|copy|cut(?:\s+out)?|paste|put|place|stick|move|photoshop|shop|ps)\s+"
                 r"(?:(?:the|his|her|my|their|our|this|that|a|an)\s+)?(?!(?:{MADE_UP_FACES})(?:'s|s')?\s)"
                 r"(?:\w+(?:'s|s')?\s+)?{FACE_WORDS}\s+(?:(?:as\s+well|too|also)\s+)?(?:and|onto|on|into|in|over|to|off|from)\b"
                 r"|^(?:take|grab|copy)\s+(?:(?:the|his|her|my|their|our|this|that)\s+)?(?:\w+(?:'s|s')?\s+)?{FACE_WORDS}"
                 r"(?:\s+(?:as\s+well|too|also))?\s*$")
"""'take his face and put it …', 'paste my head onto …', 'photoshop the photobomber's face into …'."""
_FACE_COPIED = rx(r"\b{FACE_WORDS}\s+(?:(?:as\s+well|too|also)\s+)?(?:on|onto|over|to)\s+(?:{FACE_COPIED_ONTO})\b")
"""'photoshop the woman in the middle's face on everyone else': one face copied onto the others."""
_FACE_TO_A_NAME = rx(r"\b(?:{FACE_SWAP_VERBS})\s+(?:his|her|my|their|our|the|this|that)\s+(?:[\w'-]+\s+)?{FACE_WORDS}\s+"
                     r"(?:to|with|into|for)\s+(?P<who>[a-z'-]+)\s*[.!?]*$")
"""'change his face to <a surname>': a face made one bare word's that no declaration knows — a person's name, written
lowercase; 'change her face to happy', 'to a clown face' stay edits (a known word, or a thing described)."""
_FETCHED_PICTURE = rx(r"^(?:{FETCH_VERBS})\s+(?:a|an|some|another|one)\s+(?:{PICTURE_NOUNS})s?\s+(?:of|with)\b")
_FROM_ANOTHER_PICTURE = rx(r"\b(?:to|with|for|into)\s+(?:the\s+)?[\w-]+\s+(?:in|on|from|of)\s+(?:the|my|this|that|an)\s+"
                           r"(?:{OTHER_PICTURE_ORDINALS})\s+(?:{PICTURE_NOUNS})s?\b")
"""'change the background to the one on the other image', '… with the sky from my second photo': a part of another
picture brought into this one."""
"""'look for a photo of a tiara (and set it on my cat)': a thing fetched from another picture — a composite."""
_PASTED = re.compile(r"^paste\s+(?:(?:it|him|her|them|this|that|the|his|my|their|our)\b"
                     r"|(?:to|into|onto|on)\s+(?:the|a|an|this|that|my)\b|in\s+(?:the|this|that|my)\b)")
"""'paste it', 'paste the bike', 'paste to the centre of the ring': a thing of the photo, or one taken before, pasted — a composite;
no tool has a clipboard ('paste in an alligator head' names a new thing: the add draws it)."""
_FLIPPED_ALONE = rx(r"\b(?:flip|mirror)\w*\s+(?:just|only)\s+(?!(?:the\s+|this\s+|my\s+)?(?:whole\s+|entire\s+)?"
                   r"(?:{PICTURE_NOUNS}|it)\b)\S")
"""'flip just me so the logo reads right': one thing flipped alone — a flip of the whole picture is what it says not."""
FLIP_ALONE_NOTE = ("I can't flip one thing on its own — only the whole picture (\"flip it\"); I can remove it, or add a "
                   "new thing facing the way you want.")
_DRAWN_SHAPE = rx(r"\b(?:{DRAW_VERBS})\s+(?:(?:a|an|the|some|two|three)\s+)?(?:[\w-]+\s+){0,2}?(?:{DRAWN_SHAPES})\b")
DRAW_NOTE = ("I can't draw lines, outlines or shapes on the photo; I can select a thing to show where it is (\"select "
             "the dog\"), or add a new thing described in words.")
_COMPOSITE = rx(r"\b(?:{COMPOSITE_VERBS})\s+(?:{COMPOSITED_WHO})\s+(?:\w+\s+)?(?:in|on|onto|into|inside|to|at|over)\s+"
                r"(?:(?:a|an|the|another|this|that|my|some|one\s+of\s+the)\s+)?(?:[\w'-]+\s+){0,2}?{COMPOSITE_PLACES}\b"
                r"|^(?:paste|superimpose|transplant)\s+(?:{COMPOSITED_WHO})\b")
_COLOUR_SWAP = rx(r"\b{COLOUR_SWAPS}\b|\b(?:the\s+)?(?P<a>{COLORS})\s+(?P<b>{COLORS})\s+and\s+(?:the\s+)?(?P=b)\s+(?P=a)\b"
                  r"|\b(?:{SWAP_VERBS})\s+(?:(?:the|their|its|his|her|my|our)\s+)?(?:[a-z-]+\s+){0,3}?[a-z-]+(?:'s|s')\s+"
                  r"colou?rs?\s+(?:with|and|for)\b")
"""'invert the colours', 'make the dark parts white and the white parts dark', 'switch the pink cup's colour with the
blue cup's' (each thing to take the other's: a second recolour would look for the colour the first had just given)."""
_ANOTHER_PHOTO = rx(r"\b(?:{ADD_VERBS}|{COMPOSITE_VERBS})\s+(?:in\s+)?{ANOTHER_PHOTO_WORDS}")
OTHER_PICTURE_NOTE = ("I can't bring part of another picture into this one; I can change the background or add a thing "
                      "described in words (\"change the background to a beach\", \"add a red kite on the left\").")
_FACE_WORD = rx(r"\b{FACE_WORDS}\b")
FACE_SWAP_NOTE = "I can't swap faces; I can fix a face, remove a person, or change the background."
COMPOSITE_NOTE = ("I can't put a person or a face from one picture into another (a composite or a face swap); I can "
                  "remove someone, change the background behind them, or add a new thing described in words.")
_TEXT = rx(r"\b{TEXT_WORDS}\b")
_TEXT_VERB = rx(r"\b{TEXT_VERBS}\b")
_REMOVE_TEXT = re.compile(r"\b(?:text|word)\s+(?:on|from)\b.*\b(?:remove|erase|delete)")
_STYLE_AS_THING = rx(r"(?:^{ADD_VERBS_INFLECTED}\s+(?:(?:a|an|some|the)\s+)?|'s\s+|\bthe\s+)$")
"""'add graffiti', 'the gravestone's engraving': a style word that names a thing, not a restyle."""
_UPSCALE = rx(r"\b{UPSCALE_WORDS}\b|^enlarg\w*\s*[.!?]*$")
"""'upscale it', 'enlarge the whole photo', 'crop it and *enlarge*' (the verb alone): more pixels, which no tool makes."""
_RESIZE = rx(r"\b{RESIZE_WORDS}\b")
_SIZE_CHANGED = rx(r"\b(?:{SIZE_CHANGE_VERBS})\s+(?:the\s+)?(?:(?P<picture>(?:(?:{PICTURE_NOUNS})\s+size|size\s+of\s+"
                   r"(?:(?:the|this|my|our|that)\s+)?(?:(?:whole|entire)\s+)?(?:{PICTURE_NOUNS}))\b)"
                   r"|size\s+of\s+(?P<thing>(?:(?:the|this|that|my|his|her|their|our|its)\s+)?[\w'-]+(?:\s+[\w'-]+)??)"
                   r"(?=\s+(?:to|by|and|so|for|in|on|at|a|please)\b|\s*[.,!?]|\s*$))"
                   r"|^shrink\s+(?:(?:the|this|my)\s+)?(?:(?:whole|entire)\s+)?(?P<shrunk>{PICTURE_NOUNS})\b")
"""The size itself changed in plain words ('lower the size of my photo', 'increase the image size', 'shrink picture
…'): the photo resized, declined as 'resize' is; a thing's size ('increase the size of the moon') is that thing
resized, declined with what can be done for it. Issue 20, drops27: both were lost ('I didn't understand')."""
_BETTER = rx(r"\b{BETTER_WORDS}\b")
_RESTORE = rx(r"\b(?:{ENHANCE_VERBS})\b(?!\s+(?:me|you|us)\b)")
"""A general enhance verb beside 'colourise' ('restore/colourise this photo'): the part that can be done."""


_RESHAPED = rx(r"\b(?:make|get|shop|photoshop|ps|edit|have|want)\s+(?P<who>(?:{RESHAPED_WHO})\b[\w' -]*?)\s+"
               r"(?:(?:to\s+)?(?:look|appear|seem|be)(?:ing)?\s+)?(?:(?:a\s+(?:bit|little|lot)|slightly|much|way|even|"
               r"somewhat|more|less)\s+)*(?:{BODY_SHAPE_WORDS})\b(?!(?<=lean)\s+(?:{LEANED_WAYS})\b)"
               r"|\bslim\s+(?:me|him|her|us|them)\s+down\b|\b(?:look|be|appear)\s+(?:more\s+)?(?:skinny|slim|skinnier|slimmer"
               r"|thinner)\b|\b(?:{BODY_SHAPE_WORDS})\s+(?:version\s+of\s+)?(?:me|him|her|us|them)\b")
"""'make me look slimmer', 'shop us skinny', 'make my cousin at the back a bit taller', 'see how I'd look skinny': a
person reshaped."""
_PERSPECTIVE = rx(r"\b(?:{PERSPECTIVE_WORDS}|{LENS_WARPS})\b")
_PERSPECTIVE_ASK = re.compile(r"\b(?:fix|correct|straighten|adjust|change|repair|sort|undo|remove|reduce|less|off|"
                              r"wrong|weird|skewed|distorted|warped|bad|improve|un-?distort)\w*\b")
_WARPED = rx(r"^(?:(?:please|pls|just|also|and|then|now|try\s+to|can\s+you|could\s+you)\s+)*(?:{WARP_VERBS})(?:s|ed)?\s+"
             r"(?!(?:less|fewer|nothing)\b)\w")
"""'distort the photo', 'warp his nose so it looks silly', 'squish the picture flat': the picture or a part of it bent, asked as a
command (a thing said 'distorted' — 'remove the distorted cars' — is no such wish)."""
WARP_NOTE = ("I can't distort or warp the picture or a part of it — no tool here bends pixels; I can crop, rotate or "
             "flip it (\"flip it\"), or blur or remove a part (\"blur his face\").")
RESHAPE_NOTE = ("I can't reshape a person — slimmer, taller, broader — since no tool here warps part of a photo; I "
                "can smooth skin (\"smooth her skin\"), fix a face, brighten them, crop in closer, or remove "
                "something beside them.")
PERSPECTIVE_NOTE = ("I can't correct perspective — there is no perspective or lens-distortion tool here; I can "
                    "straighten a tilt by the photo's lines (\"straighten it\") or crop (\"crop to the whiteboard\").")


_ASK_LEAD = rx(r"^(?:(?:{ASK_HELPERS}|{DECLINED_ASK_LEADS})\b[\s,:-]*)*$")


def _after_other_words(step: Step, before: str) -> Step:
    """The refusal, unsure when words before what it declines ask something it did not read."""
    if not _ASK_LEAD.match(before.strip()):
        step.doubt = "words before the declined resize were not read"
    return step


_SLIMMED_DOWN = rx(r"^slim\s+(?:down\s+)?(?P<who>(?!down\b)[a-z][\w' -]*?)(?:\s+down)?"
                  r"(?:\s+(?:a\s+)?(?:bit|little|lot|tad|slightly))?(?:\s+{PLEASE})?\s*[.!?]*$")
"""'slim down the guy in grey', 'slim her waist a little', 'slim the boy down': someone, or a part of their body, made
thinner with the verb 'slim' (issue 20, edits26: it got 'what should I do?')."""


def _slimmed_down(clause: Words) -> bool:
    """'slim (down)' said of a person (a pronoun, someone's, or a name that reads as a person) or of a body part
    (`SLIMMED_PARTS`); a thing ('slim down the border') is no body."""
    m = _SLIMMED_DOWN.match(clause.low)
    if m is None:
        return False
    who = m.group("who").split()
    if who[0] in PEOPLE_PRONOUNS or who[0] in WEARERS or who[0].endswith("'s") and len(who) > 1:
        return True
    target = parse_target(clause.slice(m.start("who"), m.end("who")))
    return target is not None and (target.target == "person" or target.target in PERSON_WORDS
                                   or target.target.split()[-1] in SLIMMED_PARTS)


def _reshapes_a_person(clause: Words) -> bool:
    """A body made slimmer or taller: the one reshaped is a pronoun or a name that reads as a person ('the guy on the
    left', 'my friend'), never the photo ('make the photo taller' grows the canvas)."""
    m = _RESHAPED.search(clause.low)
    if m is None:
        return False
    who = m.group("who")
    if who is None or who.split()[0] in PEOPLE_PRONOUNS or who in ("myself",):
        return True
    said = who.split()
    if len(said) > 1 and said[0] in WEARERS and said[1] in SLIMMED_PARTS:
        return True                                # 'make my body fit and lean': someone's own part, whatever follows
    target = parse_target(clause.slice(m.start("who"), m.end("who")))
    if target is None:
        return False
    return target.target == "person" or target.target in PERSON_WORDS \
        or _a_body_part(target.target, clause.slice(m.start("who"), m.end("who")))


_PART_OF = rx(r"\bof\s+(?P<owner>(?:(?:the|a|an|this|that)\s+)?[\w'-]+)\s*$")


def _a_body_part(name: str, who: Words) -> bool:
    """A part of someone's body made thinner ('make the cheeks on the woman in the middle slimmer', 'my legs lean',
    'his head skinnier': `SLIMMED_PARTS`) is that person reshaped — unless the part is a thing's ('the neck of the
    bottle thinner' is a bottle resized). Issue 20, body28: these asked 'what should I do?'."""
    if name.split()[-1] not in SLIMMED_PARTS:
        return False
    owner = _PART_OF.search(who.low)
    if owner is None:
        return True
    owned_by = parse_target(who.slice(owner.start("owner"), owner.end("owner")))
    return owner.group("owner").split()[-1] in PEOPLE_PRONOUNS or owned_by is not None and (
        owned_by.target == "person" or owned_by.target in PERSON_WORDS)


COLOURISE_NOTE = ("I can't colourise a black-and-white photo; I can adjust its brightness, contrast and warmth, or "
                  "remove scratches and spots you name.")


def colourise_said_once(steps: list[Step]) -> list[Step]:
    """'switch it from greyscale, then add colour': once colourising is declined, more colour for the whole photo
    beside it is the same wish said again — boosting a grey photo's saturation does nothing, so only the refusal
    stays (issue 20, tonewords23). Colour asked on a thing ('… and make the scarf red') is a recolour and stays."""
    if not any(step.note == COLOURISE_NOTE for step in steps):
        return steps
    return [step for step in steps if not _more_colour_only(step)]


def _more_colour_only(step: Step) -> bool:
    """A whole-photo adjust whose only amount is more saturation."""
    if step.action != "adjust" or len(step.calls) != 1 or not isinstance(step.calls[0], AdjustCall):
        return False
    args = step.calls[0].args
    amounts = {name: getattr(args, name) for name in ADJUST_AMOUNTS if getattr(args, name)}
    return not args.masked and list(amounts) == ["saturation"] and amounts["saturation"] > 0


def parse_unsupported(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    low = clause.low
    if _COLORIZE.search(low) or _COLOUR_IN.search(low) and not _COLOUR_NAMED.search(low):
        if _RESTORE.search(low):                      # "restore/colourise this photo": the restoring is done
            return [enhance_step(None, "enhancing the photo — measuring it and correcting only what is off",
                                 note=COLOURISE_NOTE)]
        return [refusal(COLOURISE_NOTE)]
    resized = _THING_RESIZED.search(low)
    if resized and not _reshapes_a_person(clause):
        if resized.group("widened"):                # 'widen her waist': someone's own shape — no tool warps it
            return [refusal(RESHAPE_NOTE)]
        said = "made" if resized.group("made") else "grown"
        return [refusal(_resize_note(clause.slice(resized.start(said), resized.end(said))))]
    if _MOVE.search(low):
        return [refusal(MOVE_NOTE)]
    if (_FACE_SWAP.search(low) or _FACE_MOVED.search(low)) and not _face_drawn_on_a_thing(clause):
        return [refusal(FACE_SWAP_NOTE)]
    if _COLOUR_SWAP.search(low):
        return [refusal("I can't invert or swap colours; I can recolour one thing at a time (\"make the left shirt "
                        "red\") or make it black and white.")]
    moved = _INTO_ANOTHER_SCENE.match(low) if " other " in low or "another " in low or " different " in low \
        or " new " in low else None
    if moved:
        return [_new_scene_behind(clause, moved)]
    composite = _COMPOSITE.search(low) or _ANOTHER_PHOTO.search(low)
    if composite:                                 # "mirror it then mount a picture of a guy": the mirror is kept
        return _declined_among_edits(clause, composite.start(), composite.end(), COMPOSITE_NOTE, ctx, settings)
    style = STYLE.search(low)
    if style and not REMOVE_VERB.match(low) and not _STYLE_AS_THING.search(low[:style.start()]) \
            and not _style_names_a_thing(low, style):
        return [refusal("I can't restyle the whole picture (painting, cartoon or artist styles). " + CAPABILITIES)]
    if _TEXT.search(low) and _TEXT_VERB.search(low) and not REMOVE_VERB.search(low) and not _REMOVE_TEXT.search(low) \
            and not asks_for_canvas(low):                 # "add space on the left for text" is canvas
        recoloured = _LETTERING_RECOLOURED.search(low)
        if recoloured and (recoloured.group("shades") or not recoloured.group("aside")):                             # 'change the text colour to pink': a recolour of the letters
            return _lettering_recoloured(clause, recoloured, ctx, settings)
        return _thing_beside_lettering(clause, ctx, settings) or _lettering_among_edits(clause, ctx, settings)
    upscale = _UPSCALE.search(low)
    if upscale and not asks_for_canvas(low):       # "enlarge it at the bottom" is canvas
        return [_after_other_words(refusal(UPSCALE_NOTE), low[:upscale.start()])]
    sized = _SIZE_CHANGED.search(low)
    if sized and sized.group("thing") and sized.group("thing").split()[-1] in TEXT_NAMES:
        sized = None                                  # 'increase the size of the text': lettering, no thing to redraw
    if sized and sized.group("thing") and not pixel_size(low) and not aspect_of(low):
        return [_after_other_words(refusal(_resize_note(clause.slice(sized.start("thing"), sized.end("thing")))),
                                   low[:sized.start()])]
    resize = _RESIZE.search(low) or sized
    if resize and not pixel_size(low) and not aspect_of(low) and not phone_screen(low):
        return [_after_other_words(refusal("I can't resize or compress images yet; I can crop to a ratio (\"crop to "
                                           "16:9\") or extend the canvas to one (\"make it 16:9\")."),
                                   low[:resize.start()])]
    if RESOLUTION.search(low) and _BETTER.search(low):     # "improve the resolution": no pixels can be added
        return [print_size_step(low)]
    return []


_INTO_ANOTHER_SCENE = rx(r"^(?:{COMPOSITE_VERBS})\s+(?P<who>(?:{PEOPLE_OBJECT_PRONOUNS}|it|this|that|myself|ourselves)"
                        r"|(?:the|my|our|this|his|her|their)\s+[\w'-]+)\s+(?:in|into|on|onto|at|inside|in\s*front\s+of|against)\s+"
                        r"(?:(?:a|an|some)\s+)?(?:different|other|another|new)\s+(?P<scene>{SCENES_SENT_TO})"
                        r"(?:\s+(?:please|pls|instead))*\s*[.!?]*$")
"""'put him into other water', 'place her in a different pool', 'put us onto another beach': who is sent stays, and
a new setting of that kind is drawn behind them — the background changed, not a person pasted into another picture."""


def _new_scene_behind(clause: Words, moved: re.Match[str]) -> Step:
    """The background change 'into other water' asks for: everything but who was named redrawn as that setting, and
    said to be a new one drawn from words (the user's other photo, if they meant one, can't be used)."""
    who = moved.group("who")
    target = None if who in PEOPLE_PRONOUNS or who in ("it", "this", "that", "myself", "ourselves") else \
        parse_target(clause.slice(moved.start("who"), moved.end("who")))
    subject, display = (target.target, target.display) if target is not None else ("person", "subject")
    scene = moved.group("scene")
    step = background_step(subject, display, "generate", scene,
                           say=f"changing the background behind the {display}: new {scene}")
    step.note = f"(The {scene} is drawn from words; I can't bring one in from another photo.)"
    return step


_THING_AND_LETTERING = rx(r"^(?P<edit>(?:{TEXT_VERBS})\s+(?P<thing>.+?))\s+(?:and|&|plus)\s+(?:also\s+)?"
                          r"(?P<text>(?:the|its|any|all\s+the|their|that)\s+(?:[\w'-]+\s+)?(?:{TEXT_NAMES})"
                          r"(?:\s+(?:on|in|of|across|from)\s+(?:it|them|that|this|(?:the|its|their)\s+[\w'-]+))?)"
                          r"(?P<rest>\s+(?:with|to|into|for)\s+.+?)?\s*[.!?]*$")
"""'replace the TV and the word on it', 'swap the mug for a vase and its lettering': a thing and its lettering changed in
one breath — the thing's edit is done, only the lettering is declined."""
_WRITTEN_MARK = re.compile(r"^\s+\w+\s+(?:[\"'“‘].*|[A-Z0-9][A-Z0-9 &.!-]*)$")
"""'… with "HOME"', '… to SALE': words to be written, which are the lettering's — never the thing's new look."""
_ITS_OWN_NEW = re.compile(r"\s(?:with|to|into|for)\s")
"""'replace the TV *with* a fireplace and the word on it with HOME': the thing says what it becomes on its own."""


def _thing_beside_lettering(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """A thing and the lettering on it changed together: the thing's edit, as it would be planned alone (with what
    follows the lettering when that is no written word: '… and the word on it with a painting'), and the lettering
    declined; [] when the thing itself is text or its edit reads as nothing. A thing's edit that needs more ('replace the
    TV' — with what?) asks that, beside the lettering declined."""
    from retouch.agent.planner.rules_handlers import dispatch     # late: the table imports this module

    both = _THING_AND_LETTERING.match(clause.low)
    if both is None or _TEXT.search(both.group("thing")):
        return []
    edit = clause.slice(0, both.end("edit"))
    rest = both.group("rest")
    written = bool(rest) and _WRITTEN_MARK.match(clause.orig[both.start("rest"):both.end("rest")]) is not None
    if written and not _ITS_OWN_NEW.search(both.group("thing")):
        return []                                   # 'change the sign and the text on it to SALE': all of it lettering
    if rest and not written:
        edit = edit.join("", clause.slice(both.start("rest"), both.end("rest")))
    steps = dispatch(edit, ctx, settings)
    if not steps or all(step.note == TEXT_NOTE for step in steps):
        return []                                   # nothing read, or the thing's edit is itself a text refusal
    lettering = clause.orig[both.start("text"):both.end("text")]
    return steps + [refusal(f"I can't write or change text reliably, so {lettering} isn't written anew — I can remove "
                            "it, and you can add new text in another app.")]


_LETTERING_RECOLOURED = rx(r"^(?:{COLOUR_CHANGE_VERBS}|turn)\s+(?:the\s+colou?rs?\s+of\s+)?"
                          r"(?P<np>(?:(?:the|its|this|that|all\s+the|his|her|my|their)\s+)?"
                          r"(?:[\w'-]+\s+)?(?:{TEXT_NAMES})(?:'s)?(?:\s+(?:on|in)\s+(?:the|this|that|my|his|her|their)\s+[\w'-]+)?)"
                          r"(?:\s+colou?rs?)?\s+(?:(?:in)?to\s+)?(?:(?:a|an)\s+)?(?P<shades>(?:(?:different|various|several)\s+)?"
                          r"shades\s+of\s+)?(?P<c>(?:(?:light|dark|bright|pale)\s+)?(?:{COLORS}))"
                          r"(?:\s+colou?r)?(?:\s+(?:please|pls|instead))*(?P<aside>\s*[,(]\s*(?:the|each|every|one|with|and)\b.*?)?\s*[,.!?)]*$")
"""'change the text to black', 'change the colour of the writing to pink', 'turn the lettering on the mug gold': the
letters' colour changed, not the words — a recolour (the colour must end it: 'change the word red to blue' rewrites a
word). Shades of one colour asked for the parts ('… to different shades of green (the top one pale)') are that colour,
said — the aside that says which part gets which is read only after shades ('… to black, the logo to red' is two)."""


_UNOWNED_FACE_PUT_ON = rx(r"^(?:{COMPOSITE_VERBS})\s+(?:(?:a|an|some)\s+)?(?!(?:{OWNER_WORDS}|{OWNING_PRONOUNS})\b)"
                         r"(?:(?![\w-]*s\s)[\w-]+\s+)?(?:face|faces)\s+(?:on|onto|to)\s+"
                         r"(?!(?:another|other|a\s+different|a\s+new)\b)(?P<thing>.+)$")
"""'put face on banana', 'stick a goofy face on the egg': a face no one owns, drawn on a thing — the add 'add a face to
the banana' is, never a face swap (someone's face, 'his face', 'my face', 'ducks face' with its apostrophe dropped, a
face put on a person or onto another body stays one)."""


def _face_drawn_on_a_thing(clause: Words) -> bool:
    """A face that belongs to no one put on a thing that is no person (`_UNOWNED_FACE_PUT_ON`)."""
    drawn = _UNOWNED_FACE_PUT_ON.match(clause.low)
    if drawn is None:
        return False
    target = parse_target(clause.slice(drawn.start("thing"), drawn.end("thing")))
    return target is not None and not target.pronoun and target.target != "person" and target.target not in PERSON_WORDS


_STYLE_THING_BEFORE = rx(r"(?:\b{ADD_VERBS_INFLECTED}|^(?:{IN_PLACE_VERBS})\b.*\bwith)\s+(?:(?:a|an|some|the)\s+)?"
                        r"(?:(?!(?:{PICTURE_NOUNS}|it|this|that|me|him|her|us|them|in|on|at|to|with|of|for|into|onto|from)\b)"
                        r"[\w-]+\s+){0,2}$")
_STYLE_LOOK_AFTER = rx(r"^[\w-]*\s*(?:(?:{EFFECT_NOUNS}|{ART_WORDS}|style|styled|type|version|theme|aesthetic|world)\b|$)")


def _style_names_a_thing(low: str, style: re.Match[str]) -> bool:
    """A style word inside the name of a thing put in ('replace his head with a cartoon pirate head', 'insert the
    colourful mosaic in place of the sky', 'put big cartoon eyes on the dog'): a described thing that a fill draws,
    never the whole picture restyled — but 'add a cartoon effect', 'with a cartoon filter', a style said 'with' after
    anything but a replace ('transform it into a scene with oil painting techniques') and a style word that ends the
    clause stay the restyle refusal."""
    return bool(_STYLE_THING_BEFORE.search(low[:style.start()])) and not _STYLE_LOOK_AFTER.match(low[style.end():])


def _lettering_recoloured(clause: Words, m: re.Match[str], ctx: PlanningContext, settings: Settings) -> list[Step]:
    """The letters made the colour said, as 'make the text pink' is planned; shades asked per part are one colour,
    and the reply says so."""
    name = clause.orig[m.start("np"):m.end("np")]
    steps = parse_recolor(Words.of(f"make {name} {m.group('c')}"), ctx, settings)
    if m.group("shades"):
        for step in steps:
            step.note = " ".join(filter(None, [step.note, f"(One {m.group('c')} for all of it — I can't give each part its "
                                                          "own shade in one go; name a part to change it after.)"]))
    return steps


def _lettering_among_edits(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """The text refusal, declined from the text verb nearest before the text word ('add a filter *write the word* …
    on the picture', 'put a hat on the dog *enter text* …'), so an edit said before it in a run-on clause, or a command
    after it, is still planned."""
    from retouch.agent.planner.rules_handlers import dispatch     # late: the table imports this module

    named = _TEXT.search(clause.low)
    verbs = [m for m in _TEXT_VERB.finditer(clause.low) if m.start() <= named.start()]
    start = verbs[-1].start() if verbs else 0
    run_on = _EDIT_RUN_ON.match(clause.low[:start]) if start else None
    if run_on is None:
        return _declined_among_edits(clause, start, named.end(), TEXT_NOTE, ctx, settings)
    before = [step for step in dispatch(clause.slice(0, run_on.end("edit")).strip(), ctx, settings) if step.calls]
    return before + _declined_among_edits(clause.slice(start, len(clause.low)), 0, named.end() - start, TEXT_NOTE, ctx,
                                          settings)


def parse_undressing(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """Clothing taken off someone, or someone shown undressed (`undressing`): declined before any removal, recolour or
    add reads the garment as a thing to fill."""
    return [refusal(UNDRESSING_NOTE)]


def parse_reshape(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """A person made slimmer or taller, the perspective or the lens's bend corrected, the picture distorted: warps no
    tool makes, declined with what is possible — asked before a removal reads 'shop my dad more muscular' as taking him
    out, a restore reads 'distortion' as blur, or a distortion asked beside another edit goes unsaid."""
    if _reshapes_a_person(clause) or _slimmed_down(clause):
        return [refusal(RESHAPE_NOTE)]
    if _PERSPECTIVE.search(clause.low) and _PERSPECTIVE_ASK.search(clause.low):
        return [refusal(PERSPECTIVE_NOTE)]
    warped = _WARPED.match(clause.low)
    if warped:                                   # "distort the photo, brighten it": the brightening is still done
        return _declined_among_edits(clause, warped.start(), len(clause.low), WARP_NOTE, ctx, settings)
    return []


_FACING = rx(r"\bso\s+(?:that\s+)?(?:{FACING_SUBJECTS})\s+(?:is\s+|are\s+)?facing\b"
             r"|\b(?:make|have|get|turn)\s+(?:[\w'-]+\s+){1,4}?face\s+(?:{FACING_WAYS})\b"
             r"|\b(?:{POSE_MOVES})\s+(?:the\s+|his\s+|her\s+|my\s+)?(?:person|{FACE_WORDS}|body|him|her|me)\b.{0,30}"
             r"\bfacing\b"
             r"|\b(?:{POSE_MOVES}|edit)\s+(?:me|him|her|us|them)\s+so\s+(?:that\s+)?(?:{FACING_SUBJECTS})\s+"
             r"(?:(?:all|both|also|too)\s+)?(?:(?:{POSE_STANCES})\b(?!\s+out\b)|look(?:ing)?\s+(?:{GAZE_WAYS})\b)")
"""'shop us so we're both leaning left', 'edit it so I'm facing the dolphin', 'make them face forward', 'turn the head so it's facing down': a subject
turned to face another way."""
_FLIPPED = re.compile(r"\b(?:flip|mirror)\w*")
"""'flip it so she's facing left': a flip does turn her, so no pose is declined (rules_geometry flips)."""
_TOGETHER = rx(r"\b(?:{POSE_MOVES})\s+(?:{BROUGHT_TOGETHER}|(?:the|both|all)\s+(?:two\s+|three\s+|four\s+)?[\w'-]+s)\s+(?:back\s+)?(?:closer\s+)?together\b"
               r"|\b(?:{POSE_MOVES})\s+(?:[\w'-]+\s+){1,6}?(?:(?:look|seem|appear)\s+)?(?:(?:a\s+)?(?:lot|bit|little)\s+|much\s+)?"
               r"(?:{NEARER_WORDS})\s+(?:to|together)\b")
"""'bring the two groups together', 'photoshop him closer to the others', 'make the crowd look closer to the stage', 'make
the audience seem nearer to the band'."""
_SHRUNK = rx(r"^(?:{SHRUNK_IN_PLACE_VERBS})\s+(?:(?:the\s+)?size\s+of\s+)?(?!(?:the\s+|this\s+|my\s+)?(?:whole\s+|entire\s+)?"
             r"(?:{PICTURE_NOUNS}|it\b|to\b|down\b|font\b))(?:the|my|his|her|our|their|this|that)\s+\w")
"""'shrink my car', 'shrink the size of the baby': a thing made smaller in place ('shrink the image' is a resize)."""
_LAID_OUT = rx(r"(?:^|\b(?:and|then)\s+)(?:{LAYOUT_VERBS})\s+(?:(?:them|these|those|it|all\s+of\s+them|(?:the|my|our|his|her|their|"
               r"all\s+the|these|those)\s+[\w' -]+?)\s+)?(?:(?:up|out)\s+)?(?:{LAYOUT_SHAPES})\b"
               r"|^(?:make|create|do|build|put\s+together|turn\s+(?:it|this|them|these)\s+into)\s+(?:a|an|me\s+a|one)\s+"
               r"(?:[\w-]+\s+)?(?:{COLLAGE_WORDS})\b")
"""'arrange them in a row', 'line the heads up side by side', 'make a collage of the faces': things laid out anew — a
layout no tool makes (issue 20, drops27: the cut-out before it was read as a removal and the layout left out)."""
_RELIT = rx(r"\b(?:as\s+if|as\s+though|look(?:s|ing)?\s+like|seem\w*\s+like|appear\w*)\b.{0,30}?\b(?:light|lighting|"
            r"lit|glow)\w*\b.{0,20}?\b(?:from|by)\s+(?:a|an|the|my|his|her|their)\s+(?:[\w-]+\s+)?(?:{LIGHT_SOURCES})\b"
            r"|\brelight\w*\b")
"""'make it seem as if the glow comes from the monitor': the scene relit from a source in it."""
_TURNED_INTO = rx(r"\b(?:{TURNED_INTO_WORDS})\s+(?P<who>him|her|me|them|us|myself|(?:the|my|this|that)\s+"
                  r"(?:[\w'-]+\s+){0,2}?[\w'-]+)\s+(?:in)?to\s+(?P<what>(?:(?!\s(?:{IMPERATIVE_VERBS})\s).)+)")
_NOT_A_CREATURE = rx(r"\b(?:{NOT_A_CREATURE}|{PICTURE_NOUNS})\b|^(?:(?:a|an|the)\s+)?(?:(?:{COLORS})(?:\s+and\s+|\s+|$))+"
                     r"(?:colou?rs?)?\s*$")
"""What a person is turned into that is no creature: a cut-out, a picture, another one, a colour alone ('turn him into
black and white'; 'a solid white ghost' is a creature)."""
_WRITTEN_WISH = rx(r"\b(?:make|have|get|let)\s+(?:it|this|that|them|(?:the|this|my|his|her|our)\s+[\w'-]+(?:\s+[\w'-]+)?)\s+"
                   r"(?:\w+ly\s+)?(?:{WRITTEN_WISH_VERBS})\b"
                   r"|\b(?:needs?\s+to|should|must|has\s+to|have\s+to|ought\s+to|to)\s+(?:{WRITTEN_WISH_VERBS})\s+"
                   r"(?!(?:{NOT_WRITTEN_AFTER})\b)\S"
                   r"|\b(?:{WRITTEN_WISH_VERBS})\s+\S+(?:\s+\S+){0,3}\s+instead\s+of\b")
"""'make it say OPEN', 'the sign needs to read CLOSED', 'it should say BAKERY instead of BANK': text rewritten."""
_MARK = r"[\"'“‘]?(?:(?:(?i:number|no\.?)\s+)?(?:(?i:an?)\s+)?\d+|[A-Z][A-Z0-9&.-]*[A-Z0-9])[\"'”’]?"
"""A written mark as typed: a number ('13', 'a 5', 'number 4', '"4"') or a word in capitals ('NFL', 'ABD')."""
_LETTERING = rx(r"(?i:\b(?:{LETTERING_CHANGE_VERBS}))\s+(?:(?i:the|this|that|his|her|my|our|their)\s+)?"
                r"(?:(?P<old>" + _MARK + r")|(?:[\w'-]+\s+)?(?i:{LETTERING_NAMES})(?:\s+" + _MARK + r")?)"
                r"(?:\s+(?i:on|in|at)\s+[^,.;!?]{1,30}?)?(?:\s+(?i:from)\s+" + _MARK + r")?"
                r"\s+(?i:to|into|with|for)\s+(?P<new>" + _MARK + r")"
                r"(?=\s*(?:[,.;!?]|$)|\s+(?i:on|in|at|please|pls|and|then|instead)\b)")
"""'change the 7 on his shirt to 9', 'change NFL to SFL', 'change the jersey number from 21 to 45': letters or a number
rewritten, matched as typed (capitals are what mark a word as lettering: 'change the 2 cups to 3 cups' is no match)."""
_LETTERING_CUE = rx(r"\b(?:{LETTERING_CHANGE_VERBS})\b[^,.;!?]*?\s(?:to|into|with|for)\s")
"""Only a clause with a change verb and a 'to' is read for lettering (`_LETTERING` reads the typed case)."""
LETTERING_NOTE = ("I can't change letters or numbers in a picture — no tool here writes text; I can remove the old ones "
                  "(say \"remove the number on the shirt\") so you can add new ones in another app.")


_GROWN_KEEPING_QUALITY = rx(r"\b(?:make|get|have)\s+(?:it|this|(?:the|this|my)\s+(?:{PICTURE_NOUNS}))\s+"
                            r"(?:(?:a\s+)?(?:bit|little|lot|much)\s+)?(?:{GROWN_PHOTO_WORDS})\b[^,.;!?]{0,25}?"
                            r"\b(?:{KEPT_QUALITY_WORDS})\b")
"""'make it larger, still in high quality', 'make the photo bigger in HD': an upscale said by what it keeps."""
RESOLUTION_NOTE = ("I can't add resolution — there is no upscaler here; I can sharpen it and clean up its noise "
                   "(\"sharpen it a bit\", \"remove the grain\"), or crop it to a print's shape (\"crop to 4:5\").")
UPSCALE_NOTE = "I can't upscale or add resolution; I can sharpen (\"sharpen it a bit\") or extend the canvas (\"extend 256 px to the right\")."


def _lettering_changed(clause: Words) -> re.Match[str] | None:
    """A number or a word in capitals rewritten ('change ABC to ABD'), never a colour in capitals ('change BG to RED')
    nor a request typed all in capitals, where case marks nothing ('CHANGE THE SHIRT TO RED')."""
    if not _LETTERING_CUE.search(clause.low):
        return None
    m = _LETTERING.search(clause.orig)
    if m is None:
        return None
    new = m.group("new").strip("\"'“”‘’").lower()
    shouted = not any(ch.islower() for ch in clause.orig)
    if new in _COLOURS or (shouted and not any(ch.isdigit() for ch in new)):
        return None
    return m


LAYOUT_NOTE = ("I can't cut things out and lay them out anew (a collage or an arrangement); I can cut one thing out onto "
               "a transparent background (\"cut out the dog\"), crop to it, or remove what you don't want.")
POSE_NOTE = ("I can't turn, move or resize someone or something within the photo; I can flip the whole picture "
             "(\"flip it\"), remove something (\"remove the bin\"), or add a new thing where you want it.")
RELIGHT_NOTE = ("I can't relight a photo as if from a lamp or a screen; I can brighten, darken or warm it, or one part of "
                "it (\"brighten her face\").")
TURNED_INTO_NOTE = ("I can't turn a person into something else and keep them; I can replace them with a new thing "
                    "(\"replace him with a snowman\"), remove them, or change the background behind them.")
TEXT_NOTE = ("I can't write or change text reliably; I can remove it (say \"remove the text on the sign\") so you can "
             "add new text in another app.")


def _turned_into_a_creature(clause: Words) -> re.Match[str] | None:
    """'turn him into a ghost', 'change the little girl into a cartoon': a person made into something else — never
    'turn her into a png' (a cut-out) or 'turn my son into black and white'. The match, or None."""
    m = _TURNED_INTO.search(clause.low)
    if m is None or _NOT_A_CREATURE.search(m.group("what")):
        return None
    who = m.group("who")
    if who.split()[0] in PEOPLE_PRONOUNS or who == "myself":
        return m
    target = parse_target(clause.slice(m.start("who"), m.end("who")))
    return m if target is not None and (target.target == "person" or target.target in PERSON_WORDS) else None


_NO_TOOL_CUE = rx(r"\b(?:{FACE_WORDS}|facing|{PICTURE_NOUNS}|{TURNED_INTO_WORDS}|into|{WRITTEN_WISH_VERBS}|{DRAW_VERBS}"
                 r"|{SHRUNK_IN_PLACE_VERBS}|together|{NEARER_WORDS}|re-?light\w*|light\w*|lit|glow\w*|paste|flip\w*|mirror\w*)\b"
                 r"|\s(?:me|him|her|us|them)\s+so\s|\b(?:{GROWN_PHOTO_WORDS})\b|(?:^|\b(?:and|then)\s+)(?:{LAYOUT_VERBS})\s|\b(?:{COLLAGE_WORDS})\b")
"""A word every wish `parse_no_tool` declines has — its patterns' own declared words: other clauses skip them."""


def _face_to_a_name(low: str) -> bool:
    """A face made a bare word that no declaration knows: a name ('to <surname>'), never 'to happy' or 'to a cat'."""
    from retouch.agent.planner.word_check import unread_words        # late, as rules_steps: read on a match only

    m = _FACE_TO_A_NAME.search(low)
    return m is not None and bool(unread_words(m.group("who")))


def no_tool_cue(low: str) -> bool:
    return _NO_TOOL_CUE.search(low) is not None or _LETTERING_CUE.search(low) is not None


def parse_no_tool(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """Wishes no tool here grants, declined with what is possible before an enhance, a replace or an add reads them
    as an edit and marks it sure: a face copied onto the others or made a named person's, a thing fetched from another
    picture or pasted, a shape drawn, a subject turned, moved together or shrunk, a relight from a lamp, a person turned
    into a creature, text rewritten ('make it say OPEN')."""
    low = clause.low
    if _FACE_COPIED.search(low) or _face_to_a_name(low):
        return [refusal(FACE_SWAP_NOTE)]
    if _PASTED.search(low):
        return [refusal(COMPOSITE_NOTE)]
    if _FETCHED_PICTURE.search(low) or _FROM_ANOTHER_PICTURE.search(low):
        return [refusal(FACE_SWAP_NOTE if _FACE_WORD.search(low) else OTHER_PICTURE_NOTE)]
    if _FLIPPED_ALONE.search(low):
        return [refusal(FLIP_ALONE_NOTE)]
    drawn = _DRAWN_SHAPE.search(low)
    if drawn:
        return _declined_among_edits(clause, drawn.start(), drawn.end(), DRAW_NOTE, ctx, settings)
    posed = (None if _FLIPPED.search(low) else _FACING.search(low)) or _TOGETHER.search(low) or _SHRUNK.search(low)
    if posed:
        return _declined_among_edits(clause, posed.start(), posed.end(), POSE_NOTE, ctx, settings)
    if _RELIT.search(low):
        return [refusal(RELIGHT_NOTE)]
    laid_out = _LAID_OUT.search(low)
    if laid_out:
        return _declined_among_edits(clause, laid_out.start(), laid_out.end(), LAYOUT_NOTE, ctx, settings)
    turned = _turned_into_a_creature(clause)
    if turned is not None:
        return _declined_among_edits(clause, turned.start(), turned.end(), TURNED_INTO_NOTE, ctx, settings)
    grown = _GROWN_KEEPING_QUALITY.search(low)
    if grown:
        return _declined_among_edits(clause, grown.start(), grown.end(), UPSCALE_NOTE, ctx, settings)
    lettering = _lettering_changed(clause)
    if lettering:
        return _declined_among_edits(clause, lettering.start(), lettering.end(), LETTERING_NOTE, ctx, settings)
    written = _WRITTEN_WISH.search(low)
    if written and not REMOVE_VERB.search(low) and not _ADDED_BEFORE.search(low[:written.start()]):
        return [refusal(TEXT_NOTE)]                  # 'add a plaque to read WELCOME' is the add's (the words said)
    return []


_EDIT_THEN_AND = rx(r"^(?P<edit>.*\b(?:{IMPERATIVE_VERBS})\b.*?)\s*(?:,\s*)?\band\s+$")
"""'remove the bin *and* move the two of us closer': an edit before the declined wish, planned on its own."""
_EDIT_RUN_ON = rx(r"^(?P<edit>(?:{IMPERATIVE_VERBS})\s+.*?)[\s,.;]*$")
_WISH_AS_COMMAND = rx(r"(?:{IMPERATIVE_VERBS}|{POSE_MOVES})\b")
"""'crop it to her *Orient* her so she's facing us': a run-on command before a wish said as a command."""
_NEXT_COMMAND = rx(r"\s(?:and\s+|then\s+)?(?={IMPERATIVE_VERBS}\s+(?:the|a|an|this|that|my|his|her|some|it)\b)")
"""'shrink my scooter *change* the sky': a command verb after the declined wish starts an edit of its own."""
_ADDED_BEFORE = rx(r"\b{ADD_VERBS_INFLECTED}\b")


def _declined_among_edits(clause: Words, start: int, end: int, note: str, ctx: PlanningContext,
                          settings: Settings) -> list[Step]:
    """The refusal, with the edits said in the same clause before it ('…, and') or after it (a run-on command verb)
    planned as they would be alone — a wish declined never takes an edit beside it down with it."""
    from retouch.agent.planner.rules_handlers import dispatch

    before = _EDIT_THEN_AND.match(clause.low[:start]) \
        or (_EDIT_RUN_ON.match(clause.low[:start]) if _WISH_AS_COMMAND.match(clause.low, start) else None)
    after = _NEXT_COMMAND.search(clause.low, end)
    steps = dispatch(clause.slice(0, before.end("edit")).strip(), ctx, settings) if before else []
    steps = [step for step in steps if step.calls] + [refusal(note)]
    if after:
        steps += [step for step in dispatch(clause.slice(after.end(), len(clause.low)).strip(), ctx, settings)
                  if step.calls]
    return steps
