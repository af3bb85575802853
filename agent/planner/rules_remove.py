"""Removal: whatever shape the sentence has, find the thing to take out.

"remove the dog", "get rid of the dog", "photoshop the dog out", "the dog needs to go", "there
should be no dog", "rid the picture of the dog", "I want the dog gone" all name the dog. The
thing becomes select → refine_mask → inpaint(remove); "this"/"it" uses the current selection; an
explicit region ("the left half") needs no detector; "everything except the dog" is a cut-out.
Vague descriptors are sharpened ("the watermark stamp" → watermark, "the darkened area" → shadow):
watermarks and shadows are things a detector can find and a removal fill can replace.
"""

from __future__ import annotations

import re

from retouch.agent.planner.base import PlanningContext
from retouch.agent.planner.rules_steps import (
    Step, ask, background_step, edit_on, is_selection, left_out, pronoun_step, refusal,
    region_refilled,
)
from retouch.agent.planner.rules_geometry import parse_geometry
from retouch.agent.planner.rules_region import parse_region
from retouch.agent.planner.rules_target import SCAFFOLD, Target, names_nothing, parse_target, singularize, slash_items
from retouch.agent.planner.rules_clauses import has_command, split_list
from retouch.agent.planner.rules_damage import restored, unnamed_damage
from retouch.agent.planner.rules_enhance import casts_colour, enhance_step, photo_fault_said, photo_fault_steps
from retouch.agent.planner.rules_lexicon import phrase_re, rx
from retouch.agent.planner.rules_verbs import REMOVE_VERBS, action_of, participle
from retouch.agent.planner.rules_story import complained_of, tells_a_loss
from retouch.agent.planner.rules_text import Settings, Words, is_social
from retouch.agent.planner.rules_vocab import (
    EYE_FLAW, FIX_PROMPTS, BLEMISHES, CONDITION_TARGETS, IMAGE_WORDS, QUALITY_CONDITIONS, REMOVAL_VAGUE_NOUNS, SMALL_FLAWS,
    SOMETHING_ABOUT, UNNAMED_FLAWS, VERBS, DEFECT_KIND_HEADS, NOUN_OPENERS, ALL_WORDS, ALL_OF, COLOR_NOUNS,
    STAND_OUT_VERBS, SHOW_UP_VERBS,
)

REMOVE_VERB = rx(r"\b(?:{REMOVE_VERBS}|{REMOVAL_NOUNS}\s+of)\b")
REMOVE_LEAD = rx(r"^(?:{REMOVE_VERBS}|{REMOVE_LEAD_VERBS}|{REMOVAL_NOUNS}\s+of)\b")
_NOT_A_PARTICLE = "".join(rf"(?<!\b{word}\s)" for word in (*STAND_OUT_VERBS, *SHOW_UP_VERBS))
SPLIT_OUT = rx(r"\b{OUT_VERBS}\s+(?P<np>(?!{OUT_PARTICLES}\b).+?)\s+" + _NOT_A_PARTICLE + r"{OUT_PARTICLES}\b(?:\s+of\b)?")
"""'take the logo *off*' (not 'take off the date stamp *up* top': the particle is already said; not 'edit the groom so
he can *stand out*': that out is the standing's, `STAND_OUT_VERBS`; nor 'make the book cover *show up*', `SHOW_UP_VERBS`)."""
_IMAGE_OF = rx(
    r"\b{RID_VERBS}\s+{PICTURE_OWNERS}\s+(?:whole\s+)?{PICTURE_NOUNS}\s+(?:of|from)\s+(?:any\s+)?")
_ABSENCE = rx(
    r"\b(?:there\s+{ABSENCE_MODALS}\s+be\s+no"
    r"|{CHECKING_VERBS}(?:\s+that)?\s+(?:{THERE_IS}\s+no|the\s+{PICTURE_NOUNS}\s+(?:does\s+not|doesn't)\s+"
    r"{CONTAINING_VERBS})"
    r"|(?:confirm|ensure|verify)\s+the\s+absence\s+of"
    r"|(?:i\s+|we\s+)?{DO_NOT}\s+want(?:\s+to\s+see)?"
    r"|no\s+more(?!\s+than)"
    r"|(?:{WANTING_WITHOUT}\s+|(?:'d|would)\s+(?:really\s+|so\s+)?{LIKING}\s+|^)(?:this|the|my)\s+(?:[\w'-]+\s+)?{PICTURE_NOUNS}\s+without(?:\s+the)?)\b")
_UNBLOCKED = rx(r"\b(?:not|no\s+longer|isn'?t|aren'?t|wasn'?t|won'?t)\s+(?:be\s+|being\s+)?(?:{OCCLUDED_WORDS})\s+by\s+"
                r"(?=\S)(?!(?:anything|anyone|anybody|nothing|everything)\b)")
"""'edit it so her dress is *not blocked by* that lamp': the thing in front is what goes."""
_PASSIVE = rx(r"^(?P<np>.+?)\s+(?P<modal>(?:{PASSIVE_MODALS}\s+)?(?:be|been|get)\s+|{PASSIVE_MODALS}\s+)?"
              r"{REMOVED_WORDS}\b(?(modal)|(?=\s*(?:$|[,.;!?]|{PASSIVE_TAILS}\b|(?:{REASON_LEADS})\s+[a-z])))")
"""'the sign needs to be removed', 'I want the sign removed (from the wall)': with no modal the participle ends
the request, or a reason does ('… removed *because* it is ugly', not 'gone *since* 1996') — 'the hidden details' is no
removal."""
_PASSIVE_MORE = rx(r"(?:\s+(?:of\s+)?(?:the|this|that|my|our)\s+(?:{PICTURE_NOUNS}))?"
                   r"\s*,?\s*(?:{LIST_GLUE})\s+(?P<more>(?:the|a|an|that|this|those|these|his|her|their|my|our|its|any)\s+"
                   r"(?:(?!(?!(?:{COLORS})\b)[a-z]+ed\b)[^,.;!?])+?)(?:\s+(?:too|as\s+well|also))?(?:\s+(?:{PLEASE}))?\s*[,.;!?]*$")
"""'I need the poster removed *as well as the stamp in the corner*', 'take the kite out of the photo *and the cone*':
a second thing after the participle or the particle goes too (not a second passive: 'the bin removed & the sky
brightened')."""
_PASSIVE_PLACE = rx(r"\s+(?P<place>(?:top|bottom|upper|lower|far)\b[^,.;!?&]*?)(?=\s*(?:$|[,.;!?&])|\s+(?:{LIST_GLUE})\s)")
"""'the bin removed *top right*': where it is, said after the participle."""
_PLACE_TAKEN_FROM = rx(r"\s+(?P<place>(?:the\s+)?(?:(?:very|far)\s+)?(?:{VERTICALS}|{SIDES})(?:[\s-]+(?:{SIDES}))?"
                       r"(?:[\s-]+(?:hand\s+)?(?:{CORNER_PARTS}))?(?:\s+of\s+(?:the\s+|this\s+|my\s+)?(?:{PICTURE_NOUNS}))?)"
                       r"(?=\s*(?:$|[,.;!?&])|\s+(?:{LIST_GLUE})\s)")
"""'get the smear out of *the lower right of this shot*': where it is, said after the particle (issue 20, place25)."""
_MAKE_GONE = rx(r"\b{MAKING_VERBS}\s+(?:it\s+so\s+(?:that\s+)?(?=(?:{NOUN_OPENERS})\s))?(?P<np>.+?)\s+"
                r"(?:(?:is|are)\s+)?(?:to\s+)?{GONE_WORDS}\b")
"""'make the shed gone', 'make it so that the shed is gone': the thing between."""
_VERB_TAIL = rx(r"\s+{VERB_TAIL_PREPOSITIONS}\s*$")
_NOT_A_REMOVAL = re.compile(r"(?:rid|the\s+(?:image|picture|photo)|it\s+up)\b")
_NAME_ENDS = rx(r"\s+{BEFORE_VERB_MODALS}\b.*$")
_SHADOWY = rx(r"\b{SHADOW_WORDS}\b")
_EVERYTHING_THERE = rx(r"\b{EVERYTHING_THERE}\s+{THERE_PREPOSITIONS}\b")
_EVERYONE = re.compile(r"\b(?:everyone|everybody)\b")
_EXCEPT = rx(r"\b{EXCEPT_WORDS}\b")
_KEEPING = rx(r"\s*(?:,\s*|\s+(?:but|and|while)\s+)(?:(?:just|only|simply|please)\s+)?(?:{KEEP_VERBS}|leave|leaving|"
              r"don'?t\s+touch|not)\b.*$"
              r"|(?:\s*,\s*(?:(?:but|while)\s+)?|\s+(?:but|while)\s+)(?:{NOUN_OPENERS})\s+(?:[\w'-]+\s+){0,3}?"
              r"(?:{MAYBE_MODALS}|should|must|will)\s+(?:stay|remain)\b.*$")
"""'remove the dog, *but keep the cat*', '… *and just leave me* standing', '…, *but the swing can stay*': the cat,
me, the swing stay; '…*, the boat can stay*' too (cutout28)."""
_P_EXCLUDE_ALL = re.compile(r"\b(?:everything|anything|all|everyone|everybody)\b")
_REST_STAYS = rx(r"(?:^|\s*,\s*|\s+(?:and|but|while)\s+)(?:(?:just|only|simply|please)\s+)?"
                 r"(?:(?:{THE_REST_WORDS})(?:\s+of\s+(?:the|this|my|our)\s+(?:{PICTURE_NOUNS}))?\s+"
                 r"(?:(?:{MAYBE_MODALS}|should|must|will|is\s+to|are\s+to)\s+)?(?:stay|stays|remain|remains|be\s+left|be\s+kept)"
                 r"(?:\s+(?:{AS_IT_IS_WORDS}))?"
                 r"|(?:{LEAVING_VERBS})\s+(?:{THE_REST_WORDS})(?:\s+of\s+(?:the|this|my|our)\s+(?:{PICTURE_NOUNS}))?"
                 r"\s+(?:{AS_IT_IS_WORDS}))(?:\s+(?:please|pls|thanks|thank\s+you))?[\s.!?]*$")
"""'…, *everything else can stay*', '*leave the rest as it is*', 'the rest of the photo should remain untouched': what
is left beside the edit stays — its scope confirmed, no thing named (cutout28)."""
_WANTED_GONE = rx(r"(?:^|\s*[,;-]\s*|\s+(?:as|because|since|cause|cuz|coz|cos)\s+)(?:(?:and|but|because|since|as)\s+)?"
                  r"(?:i|we|he|she|they|(?:{POSSESSIVES}|the)\s+(?:[a-z'-]+\s+)?[a-z'-]+)\s+"
                  r"(?:(?:really|just|would\s+really|really\s+would)\s+)?(?:(?:{WANTING})(?:s|ed)?|{WANTED_GONE_LEADS})\s+"
                  r"(?:it|them|this|that|these|those|him|her)\s+(?:to\s+be\s+|to\s+)?(?:{REMOVED_WORDS}|{GONE_WORDS}|out|away)\b"
                  r"[^,;]*?[\s.!?]*$")
"""'remove the logo*, my boss wants it gone*', '… *as my mum would like them removed*': who wants the removal, said
after it — the same removal told again, never a thing called 'boss wants' (cutout28)."""


_REMOVING = "|".join(re.escape(verb) for verb in sorted(REMOVE_VERBS, key=len, reverse=True)
                     if verb.split()[0].endswith("ing"))
_PHOTO_FIXED_BY_REMOVING = rx(r"^(?P<lead>[a-z]+(?:\s+up)?)\s+(?:(?:the|this|that|my|our|his|her|their)\s+)?"
                              r"(?:(?:whole|entire|old|original)\s+)?(?:{PICTURE_NOUNS})(?:\s+up)?\s*[,:-]?\s*"
                              r"(?:(?:by|through|via)\s+)?(?P<how>" + _REMOVING + r")\s+(?P<what>\S.*)$")
"""'clean up this photo removing the scratches', 'restore the old photo by erasing the creases': the photo mended,
and how — the removal is the whole ask (the lead alone names no edit of its own)."""
_MENDING_ACTIONS = ("edit", "fix", "enhance", "remove")
"""What the lead verb before the photo must do for the removal after it to say how ('crop the photo removing the
edges' crops)."""


def photo_fixed_by_removing(low: str) -> bool:
    """Whether the clause mends the photo and says how with a removal ('clear this photograph removing the dust')."""
    said = _PHOTO_FIXED_BY_REMOVING.match(low)
    if said is None:
        return False
    lead = said.group("lead")
    return (action_of(lead) or action_of(lead.split()[0])) in _MENDING_ACTIONS


def parse_photo_fixed_by_removing(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """The removal that says how the photo is mended, read as asked ('… removing the paper's grain' is the noise
    taken out, 'removing the scratches' the scratches) — never a question about the photo, nor the original
    brought back ('restore the photo by removing the cracks')."""
    if not photo_fixed_by_removing(clause.low):
        return []
    said = _PHOTO_FIXED_BY_REMOVING.match(clause.low)
    from retouch.agent.planner.rules_handlers import dispatch      # the table imports this module

    return dispatch(Words.of("remove ").join("", clause.slice(said.start("what"), len(clause.low))), ctx, settings)


def rest_stays(low: str) -> bool:
    """A clause that only says what is left stays as it is ('Everything else can stay!', 'leave the rest as it is'):
    after an edit it confirms that edit's scope (rules.py drops it, neither removed nor 'not understood')."""
    return bool(_REST_STAYS.match(low.strip(" ,"))) if "rest" in low or "else" in low else False


def wanted_gone(low: str) -> bool:
    """A clause that only says someone wants the thing gone ('my boss wants it gone', 'I want them removed'): after a
    removal, that removal said again."""
    return bool(_WANTED_GONE.match(low.strip(" ,")))
_AROUND_PICTURE = rx(r"\b(?:around|on|of)\s+(?:the|this|my)\s+{PICTURE_NOUNS}\b")
_HUNG_PICTURE = rx(r"^\s*(?:(?:all|the|those|any|some|of)\s+)*(?:(?!(?:{POSSESSIVES}|these|this|both)\b)[a-z-]+\s+)?{HUNG_PICTURES}\b")


_THE_PHOTO_AND_WHY = rx(r"(?:it|this|that)\s+(?:so|for|to|because|as|please|a\s+bit|a\s+little)\b")
"""'shop *this so* it's nicer': the photo and why — no thing taken out."""
_OF_A_THING = rx(r"\b(?:of|on|from|in)\s+(?:the|his|her|their|my|our|its)\s+(?!{PICTURE_NOUNS}\b)\w")
_EYE_FLAW = rx(r"\b{EYE_FLAWS}\b|\b(?:red|redness|glow)\s+(?:from|in|of)\s+(?:(?:her|his|their|the|my|our|your)\s+)?eyes?\b")
"""'the red eye', and said round the other way: 'the red from her eyes'."""
_REDUCE_FLAW = rx(r"^(?:{REDUCING_VERBS})\s+(?:up\s+)?(?P<np>(?:(?:the|a|an|any|all|some|those|these|this|that|his|her|my|"
                  r"their|our|its)\s+)*(?:[a-z'-]+\s+){0,2}?(?:{DEFECT_WORDS})(?:\s*(?:,|and|&)\s+(?:(?:the|any|all|those)\s+)?"
                  r"(?:[a-z'-]+\s+){0,2}?(?:{DEFECT_WORDS}))*(?:\s+(?:on|in|from|off|of|over|around|under|near|at)\s+.+)?)\s*$")
"""'*lessen* the window reflection', '*fix* the creases', '*reduce* the glare on his glasses': a flaw made less is a
flaw taken out."""
_FROM_PICTURE = rx(r"^(?:{OUT_VERBS}|(?:(?:i|we)\s+)?(?:need|want|get|have))\s+(?P<np>.+?)\s+(?:from|out\s+of|off|off\s+of)"
                   r"\s+(?:(?:{PICTURE_OWNERS}\s+)?(?:(?!(?:of|in|on|the|this|a|an)\b)[\w'-]+\s+){0,3}?{PICTURE_NOUNS}\b"
                   r"|(?:this|it|here)(?:\s+(?:somehow|please|pls|too|asap))?\s*$)")
"""'photoshop the bucket *from this photo*', 'want that guy *out of the shot*': a thing taken from the picture is
removed."""
_LOOKS_ABSENT = rx(r"\b(?:{LOOKS_AS_IF})\s+(?:there\s+(?:are|is|were|was)\s+|there's\s+)?no\s+"
                   r"(?P<np>(?!(?:one|body|other|longer|more)\b)[\w'-]+(?:\s+(?!(?:are|is|was|were|has|have|had)\b)[\w'-]+){0,2}?)"
                   r"(?:\s+(?:are|is|was|were)\s+(?P<doing>[\w'-]+ing\b.*))?\s*[.!?]*$")
"""'make the shot look like no arms are holding the baby': the arms holding it, removed."""
_OUT_OF_PICTURE_ALONE = rx(r"^(?P<np>(?:{NOUN_OPENERS})\s+(?:(?!(?:is|are|was|were|be|been|gets?|got)\b)[\w'-]+\s+){1,5}?)"
                           r"out\s+of\s+(?:the|this|my|our)\s+(?:{PICTURE_NOUNS}|{PICTURE_MENTIONS}|{BACKGROUND_NOUNS})"
                           r"(?:\s+(?:please|pls|if\s+possible))?\s*[.!?]*$")
"""'the old man out of the background (and warmer colours)': a thing and where it goes, with no verb — a removal."""
_SAID_DONE = rx(r"\s+{REMOVED_WORDS}\b")
"""A participle reaching the end of a name taken 'from the picture' (its particle may be the 'out of'): the
removal said as done, not part of the thing."""
_PHOTOSHOPPED = rx(r"^(?:photoshop|ps|shop)\s+(?!(?:this|the|my|our|that)\s+(?:{PICTURE_NOUNS}|{PICTURE_MENTIONS})\b)"
                   r"(?!(?:{POSSESSIVES}|this|these)\s)"
                   r"(?P<np>(?:{NOUN_OPENERS}|all|every|both)\s+(?:(?!\b(?:into|onto|as|look|like|"
                   r"to\s+(?:be|look|make|match)|match|on\s+(?:him|her|me|them|it|his|my|their)\b)\b)[\w'-]+(?![\w'-])[\s,]*)+?)\s*$")
"""'photoshop the cars in the background': a bare 'photoshop' and a thing, in a request, is the thing taken out
('photoshop a hat on him', 'photoshop me into …', 'photoshop my cat to match the rug' — a colour to match, rules_edits
— are not). A thing of the user's own or pointed at ('photoshop *my* dog', 'shop *this* tower') is the photo's subject,
named for an edit the request leaves unsaid — never a removal, which says 'out' (issue 20, second24)."""
_ON_SKIN = rx(r"\b(?:on|from|off|across|in)\s+(?:the\s+|her\s+|his\s+|their\s+|my\s+|our\s+)?(?:[a-z'-]+\s+)?"
              r"(?:{SKIN_PLACES})\b")
_FLAWS_OF_THE_PHOTO = rx(r"\b(?:from|in|on|of|off)\s+(?:{PICTURE_OWNERS}\s+)?(?:(?!(?:of|in|on|the)\b)[\w'-]+\s+){0,2}?"
                         r"(?:{PICTURE_NOUNS}|{PICTURE_MENTIONS})\b")
"""'the flaws taken *out of my garden picture*': unnamed flaws said of the photo itself are its small ones."""
_FLAW_OWN_PLACE = rx(r"\b(?:on|in|of|from|off|around|near|under|behind)\s+(?!(?:{PICTURE_OWNERS}\s+)?"
                     r"(?:(?!(?:of|in|on|the)\b)[\w'-]+\s+){0,2}?(?:{PICTURE_NOUNS}|{PICTURE_MENTIONS})\b)")
"""'the flaws *on the wall*': a place of their own, not the photo — still a question."""
PICTURE_OF_THING = rx(r"^(?:(?:the|a|an|all|any|this|that|these|those)\s+)*(?:(?:{PICTURE_NOUNS})s?\s+of\s+(?P<of>.+)"
                       r"|(?!(?:{PICTURE_LIKE_ADJECTIVES})\b)(?P<named>[a-z'-]+)\s+(?:{PICTURE_NOUNS})s?"
                       r"(?:\s+(?:from|in|on|off)\s+.+)?)$")
"""'remove the duck image', 'the image of the old clock': a picture inside the photo, named by what it shows."""
_HEADSHOT = rx(r"\b(?:{HEADSHOT_WORDS})\b")
_CROPPED_OUT = re.compile(r"^(?:crop|cut|trim)\w*\b")
_EDGES = rx(r"^(?:the\s+|both\s+)?(?:{NOT_A_CROP_TARGET})(?:\s+(?:off|out|away))?\s*$")
"""'crop the sides off': the picture's own edges, cropped (or asked how much), never filled in."""
_PICTURE_STRIP = rx(r"^(?:the\s+)?(?:{DIRECTIONS})(?:\s+(?:{STRIP_WORDS}|{FRACTION_WORDS}|portion|section|bit))?\s+"
                    r"(?:of|from)\s+(?:the\s+|this\s+|my\s+)?(?:{PICTURE_NOUNS})\s*[.!?]*$")
"""'remove the bottom of the picture', 'delete the left part of the image': a side of the picture itself taken away is
a crop — the picture made smaller — not a strip painted over (a strip without the picture named, 'remove the bottom
part', stays a refill)."""
_STRIP_SYNONYMS = re.compile(r"\b(?:portion|section|bit)\b")
"""Other words for a strip ('the bottom portion of the picture'), read as 'part', the word the crop knows."""
_TIDIED = re.compile(r"^(?:please\s+)?(?:clean|clear|tidy)\w*\b")
"""'clean up the right side of the shot': what is there is tidied, the picture keeps its size."""
_SOMETHING_ABOUT = rx(r"\b{SOMETHING_ABOUT}\s+(?P<np>.+)")
_ABOUT_ENDS = tuple(dict.fromkeys(phrase.split()[-1] for phrase in SOMETHING_ABOUT))
"""The last word of each SOMETHING_ABOUT phrase: a clause with none of them skips the pattern."""
"""'do something about the man on the left': the man, read as asked to go."""
_A_PART = rx(r"\b(?:{FIXABLE_PARTS}|{FACE_WORDS}|skin|body)\s*$")
_PICTURE_FIRST = rx(r"^(?:(?:the|this|my|our|that)\s+)?(?:{PICTURE_NOUNS}|{PICTURE_MENTIONS})\b")
_NAMED_THING = rx(r"(?:{NOUN_OPENERS}|these|those|all|every|both|me|us|him|them|myself|ourselves|himself|herself|themselves)\b")
"""'crop *the man* out': a thing named, not 'crop *to 3:2* without cutting anyone out'."""
_PASSIVE_LEAD = rx(r"^(?:(?:{ASKING_MODALS}|should|must)\s+|(?:(?:i|we)\s+)?(?:{WANTING}|would\s+like|'d\s+like|"
                   r"am\s+looking\s+to\s+have|looking\s+to\s+have|like\s+to\s+have|to\s+have|get|have)\s+)+")
"""Before the name in a passive: '*could* the tree be taken out', '*I need* this boy taken out'."""
_CUT_OR_CROPPED = rx(r"\b(?:crop|cut)\w*\b")
_THE_ASKER = rx(r"^(?:{OWN_PEOPLE}|(?:my|our)\s+(?:{FACE_WORDS}))$")
"""'crop *me* out of this photo', 'get *my face* cropped out': the one asking, cut out of the photo, is kept on nothing
(a cut-out, as the GIER editors did every time) — 'crop *my cousin* out' still takes the cousin away."""
_ONLY_IT_LEFT = rx(r"\s*,?\s+so\s+(?:that\s+)?(?:only|just)\s+(?:{PRONOUNS})\s+"
                   r"(?:remains?|stays?|(?:is|are)\s+(?:left|kept|there))\b.*$")
"""'crop out the lamp *so only it remains*': what is cut out is what is left — a cut-out of it, not a removal."""


def _something_about(low: str) -> re.Match[str] | None:
    """'do something about the man on the left' → the match (its `np` is the thing); None for any other clause."""
    if not any(end in low for end in _ABOUT_ENDS):
        return None
    return _SOMETHING_ABOUT.search(low)


def removal_shape(low: str) -> bool:
    """The sentence is built around removing something (so removal is tried before tone, add or a crop):
    "remove the dog", "crop the boy out of this shot", "the sign has to go", "lessen the glare"."""
    split_out = SPLIT_OUT.match(low)
    return bool(REMOVE_LEAD.match(low) or _REDUCE_FLAW.match(low) or _something_about(low) or _IMAGE_OF.search(low) or _ABSENCE.search(low) or _PASSIVE.search(low)
                or _UNBLOCKED.search(low) or _LOOKS_ABSENT.search(low)
                or _FROM_PICTURE.match(low) or _PHOTOSHOPPED.match(low) or _OUT_OF_PICTURE_ALONE.match(low)
                or split_out and _NAMED_THING.match(split_out.group("np"))
                and not _NOT_A_REMOVAL.match(split_out.group("np")))


def removal_np(clause: Words) -> Words | None:
    """The thing a removal sentence is about, whatever its shape; None when it is no removal. What
    the words say to keep ("…, but keep the cat") is never part of it."""
    keep = _KEEPING.search(clause.low)
    if keep and keep.start() > 0 and not _P_EXCLUDE_ALL.search(clause.low[:keep.start()]):
        clause = clause.slice(0, keep.start())
    for told in (_REST_STAYS, _WANTED_GONE):           # "…, the rest can stay", "…, my boss wants it gone"
        said = told.search(clause.low)
        if said and said.start() > 0:
            clause = clause.slice(0, said.start())
    low = clause.low
    absent = _LOOKS_ABSENT.search(low)
    if absent:                                        # "look like no hands are holding her": the hands holding her
        np = clause.slice(absent.start("np"), absent.end("np")).strip()
        return np.join(" ", clause.slice(absent.start("doing"), absent.end("doing")).strip()) if absent.group("doing") \
            else np
    for pattern in (_IMAGE_OF, _ABSENCE, _UNBLOCKED):
        m = pattern.search(low)
        if m:
            return clause.slice(m.end(), len(low)).strip()
    m = _something_about(low)
    if m:
        return clause.slice(m.start("np"), len(low)).strip()
    m = _REDUCE_FLAW.match(low)
    if m:                                             # "lessen the window reflection", "fix the creases"
        return clause.slice(m.start("np"), m.end("np")).strip()
    m = SPLIT_OUT.search(low)
    if m and not _NOT_A_REMOVAL.match(m.group("np")):
        np = _before_said_done(clause, m.start("np"), m.end("np"), m.end())    # "get the bins *taken* out"
        place = _PLACE_TAKEN_FROM.match(low, m.end()) if m.group(0).endswith("of") else None
        if place:                                                              # "… out of the top left": its place
            np = np.join(" from ", clause.slice(place.start("place"), place.end("place")))
        more = _PASSIVE_MORE.match(low, m.end())
        if more and not has_command(more.group("more")):                       # "take the bin out and the sign"
            np = np.join(" and ", clause.slice(more.start("more"), more.end("more")).strip())
        return np
    if m and m.start() == 0 and _PICTURE_FIRST.match(m.group("np")):
        return None                                   # "clear the picture up" cleans the picture, removes nothing
    for pattern in (_FROM_PICTURE, _PHOTOSHOPPED, _OUT_OF_PICTURE_ALONE):
        m = pattern.match(low)
        if m and not REMOVE_VERB.match(low):          # "I want the sign *removed* from …", "the bins *taken out* of …"
            return _before_said_done(clause, m.start("np"), m.end("np"), m.end())
    m = REMOVE_VERB.search(low)
    if m:
        after = clause.slice(m.end(), len(low)).strip()
        after_low = _VERB_TAIL.sub("", SCAFFOLD.sub(" ", after.low)).strip(" ,.")
        if after_low and after_low not in ("it", "them", "of") or not low[:m.start()].strip():
            return after
        before = clause.slice(0, m.start())
        cut = _NAME_ENDS.search(before.low)
        before = (before.slice(0, cut.start()) if cut else before).strip()
        if after_low in ("it", "them") and names_nothing(before):
            return after                              # 'was hoping somebody might remove them': told words
        return before                                 # before the verb, so 'them' points back at the story's thing
    for pattern in (_MAKE_GONE, _PASSIVE):
        m = pattern.search(low)
        if m:
            np = clause.slice(m.start("np"), m.end("np")).strip()
            lead = _PASSIVE_LEAD.match(np.low)
            if pattern is not _PASSIVE:
                return np
            np = np.slice(lead.end(), len(np.low)).strip() if lead else np
            wished = [c for c in _WISH_CONDITION.finditer(np.low)]
            if wished:                                # "I'd love it if the man in the water could be edited out"
                np = np.slice(wished[-1].end(), len(np.low)).strip()
            modal = _WISH_MODAL_END.search(np.low)    # the modal is no part of the name, with the wish said in a
            np = np.slice(0, modal.start()).strip() if modal else np    # story before it or not
            end = m.end()
            place = _PASSIVE_PLACE.match(low, end)
            if place:
                np, end = np.join(" ", clause.slice(place.start("place"), place.end("place"))), place.end()
            more = _PASSIVE_MORE.match(low, end)
            if more and not has_command(more.group("more")):
                np = np.join(" and ", clause.slice(more.start("more"), more.end("more")).strip())
            return np
    return None


def _before_said_done(clause: Words, start: int, end: int, particle_end: int) -> Words:
    """The name from `start` to `end`, without a removal said as done that reaches its end together with the particle
    after it ('get the bins *taken* out', 'the sign *removed* from the wall'): the participle is no part of the name."""
    said = clause.low[start:particle_end]
    done = next((d for d in _SAID_DONE.finditer(said) if d.end() >= end - start), None)
    return clause.slice(start, start + done.start() if done else end).strip()


def names_a_thing(low: str) -> bool:
    """Whether a removal-shaped clause names a thing to take out (not the picture: "clean up this photo")."""
    split = SPLIT_OUT.search(low)
    if split and _NOT_A_REMOVAL.match(split.group("np")):
        return False                                  # "clear the picture up"
    np = removal_np(Words.of(low))
    if np is None or _PICTURE_FIRST.match(np.low) or casts_colour(np.low) or _THE_PHOTO_AND_WHY.match(np.low):
        return False                                  # "remove the pink tint" takes out a cast, not a thing
    said = SCAFFOLD.sub(" ", np.low).strip(" ,.")
    if not said:
        return False
    if is_selection(said):                            # "photoshop her out", "shop it out" — but "clean this up" is the
        return said in ("her", "him", "them") or bool(split) and split.group(0).split()[-1] != "up"      # photo
    target = parse_target(np)
    return target is not None and target.target not in IMAGE_WORDS and target.target not in CONDITION_TARGETS


def _refine_target(target: Target, np_low: str) -> Target:
    """'the watermark stamp' → watermark; 'the darkened area' → shadow."""
    said = singularize((target.phrase or target.display or target.target).lower().split()[-1])[0]
    if target.target in REMOVAL_VAGUE_NOUNS or target.target.split()[-1] in REMOVAL_VAGUE_NOUNS or \
            said in REMOVAL_VAGUE_NOUNS:
        for word in BLEMISHES:
            if target.target == word:
                return target
            if re.search(rf"\b{word}", np_low):
                target.target, target.phrase, target.display, target.all = word, None, word, False
                return target
        if _SHADOWY.search(np_low):
            target.target, target.phrase, target.display, target.all = "shadow", None, "shadow", False
    return target


_PROPERTY = rx(r"(?:(?:the|all\s+the|all\s+of\s+the|some\s+of\s+the|all|its|this|these|my|her|his|their|any|some|bad|weird|odd|excess|extra|too\s+much)"
               r"\s+)*"
               r"(?:{PROPERTY_NOUNS})(?:\s*(?:/|,|and|&)\s*(?:the\s+)?(?:{PROPERTY_NOUNS}))*(?:\s+etc)?"
               r"(?:\s+(?:from|in|of|on)\s+(?:the|this|my|our)\s+(?:{PICTURE_NOUNS})s?)?"
               r"(?:\s+(?:{PLACE_LEADS}|of|along|across)\s+(?:the\s+)?(?:{VERTICALS}|{SIDES})(?:[\s-]*(?:{SIDES}))?"
               r"(?:[\s-]*hand)?(?:\s+(?:corner|{STRIP_WORDS}|half|area))?"
               r"|\s+(?:in|on|from|off)\s+(?:(?:the|his|her|their|my|our|its|this|that|these|those)\s+)?[a-z][a-z'-]*"
               r"(?:\s+[a-z][a-z'-]*){0,3})?")
"""'the brightness', 'the contrast/colours', 'brightness, contrast and colours etc', 'all of the saturation', 'the
brightness in the top right' (a place), 'the brightness in the dog's eyes' (a thing it is on), 'the excess brightness'
('the extra contrast', 'too much saturation') — for the tone handler: properties, not things."""
_ENHANCE_VERB = rx(r"\b{ENHANCE_VERBS}\b")


_OWNER_SAID = rx(r"[,(]\s*(?:{OWNER_STATEMENTS})\b")
_STEALS_ATTENTION = rx(r"\b(?:{ATTENTION_THIEVES})\b")
COMPLAINT_DOUBT = "a removal read from a complaint"
"""The doubt of a removal read from a complaint ('the bin stole the show'): a bare 'remove it' after it is the same."""


def steals_attention(low: str) -> bool:
    """'the bin stole the show': a complaint about a thing that takes the eye."""
    return bool(_STEALS_ATTENTION.search(low))


def parse_attention_thief(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """'of course the port-a-loo stole the focus' → the port-a-loo removed, said and unsure; [] when the complaint
    names no thing ('the lighting stole the show')."""
    thing = complained_of(clause)
    if thing is None or _PROPERTY.fullmatch(thing.low.strip(" ,.!?")):
        return []                                      # 'the lighting stole the show' names no thing to take out
    steps = removal_steps(clause, thing, ctx)
    if not any(step.action == "remove" and step.calls for step in steps):
        return []
    stole = _STEALS_ATTENTION.search(clause.low)
    said = " ".join(clause.orig[clause.low.find(thing.low):stole.end()].split())
    steps[0].note = " ".join(filter(None, [steps[0].note, f"(I read “{said}” as asking to remove it.)"]))
    for step in steps:
        step.doubt = step.doubt or COMPLAINT_DOUBT
    return steps


def parse_remove(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    if tells_a_loss(clause.low):
        return []                                      # "my husband has lost two brothers to the war": told
    np = removal_np(clause)
    if np is None:
        return []
    if _CROPPED_OUT.match(clause.low) and _HEADSHOT.search(clause.low):
        return []                                      # "crop her from the shoulders up": a headshot crop
    if _CUT_OR_CROPPED.search(clause.low):
        cut_out = _kept_by_cutting(clause, np)
        if cut_out:
            return cut_out
    about = _something_about(clause.low)
    if about and (_A_PART.search(np.low.strip(" ,.!?")) or casts_colour(np.low)):
        return []                                      # "do something about her face": no removal
    steps = removal_steps(clause, np, ctx)
    if about and any(step.action == "remove" for step in steps):
        for step in steps:                             # "do something about the man on the left": read, said, unsure
            step.doubt = step.doubt or "a removal read from “do something about”"
        said = " ".join(clause.orig[about.start():about.start("np")].split())
        steps[0].note = " ".join(filter(None, [steps[0].note, f"(I read “{said}” as asking to remove it.)"]))
    return steps


def _kept_by_cutting(clause: Words, np: Words) -> list[Step]:
    """A thing cut or cropped out that the words keep — the asker ('crop me out of this'), or a thing said to be what
    remains ('cut out the vase so only it is left') — as a cut-out on a transparent background; [] for a thing
    cut out to be taken away ('crop the stranger out of the shot')."""
    left = _ONLY_IT_LEFT.search(clause.low)
    said_in_np = _ONLY_IT_LEFT.search(np.low)
    kept = np.slice(0, said_in_np.start()).strip() if said_in_np else np
    asker = _THE_ASKER.match(kept.low.strip(" ,.!?"))
    if left is None and asker is None:
        return []
    target = parse_target(kept)
    if target is None or target.pronoun or target.target in IMAGE_WORDS:
        return []
    if asker and target.target == "person":
        target = Target("person", "subject")            # no finder knows who 'me' is: the photo's subject
    return [background_step(target.target, target.display, "transparent", "",
                            say=f"cutting out the {target.display} (transparent background)")]


_WISH_CONDITION = rx(r"\b{WISH_CONDITIONS}\s+(?:that\s+)?(?=(?:{NOUN_OPENERS})\s+\S)")
_WISH_MODAL_END = rx(r"\s+{WISH_MODALS}\s*$")
_THANKS_OR_REWARD = rx(r"\b(?:{THANKS_CUES}|{REWARD_WORDS})")
"""A list part of social words that thanks or offers a reward ('…, I'll award gold to whoever does it') is manners; a social
word alone ('man', 'guys') may still be the thing."""
_NARROWING = rx(r"^(?:{NARROWING_WORDS})\s+(?:(?:the|those)\s+(?:ones?\s+)?)?(?=(?:{PLACE_PREPOSITIONS}|from|by|near)\b)")
"""A list part that only says where the thing before it is worst: 'the reflections, *especially* on the window', 'the
tourists, *particularly the ones* on the left'."""


def _narrowed(parts: list[Words]) -> list[Words]:
    """'the glare, mostly from his glasses' → 'the glare from his glasses': a part that narrows the thing before it to
    a place is that thing's place, never a second thing to remove (which had been called 'mostly')."""
    joined: list[Words] = []
    for part in parts:
        narrowing = _NARROWING.match(part.strip().low)
        if joined and narrowing:
            joined[-1] = joined[-1].strip().join(" ", part.strip().slice(narrowing.end(), len(part.strip().low)))
        else:
            joined.append(part)
    return joined


_COMMAND_PART = rx(r"^(?:(?:and|then|also|just|generally|overall|maybe)\s+)*(?:(?:{IMPERATIVE_VERBS})\b|touch\b(?=.*\bup\b))")
"""A list part that opens with a command ('…, and touch the picture up a little') and names no thing: an edit the list
swallowed, said as left out."""
_OWN_EDIT_ACTIONS = ("adjust", "fix", "enhance", "recolor")
_REMOVAL_LIKE_PARTICIPLES = frozenset({"photoshopped", "shopped", "edited", "manipulated", "painted"})
"""Said of a thing in a removal list, these may still mean it goes ('the bin photoshopped')."""
_EDIT_PARTICIPLES = tuple(sorted({participle(verb) for verb in VERBS if verb.action in _OWN_EDIT_ACTIONS
                                  or verb.action == "edit" and verb.photo == "enhance"} - _REMOVAL_LIKE_PARTICIPLES))
_EDITED_PART = rx(r"^(?:(?:and|then|also|just)\s+)*(?:{NOUN_OPENERS}\s+)?[a-z'-]+(?:\s+[a-z'-]+){0,3}?\s+"
                  r"(?:" + phrase_re(_EDIT_PARTICIPLES) + r")\s*[.!?]*$")
"""A list part that is a thing with an edit said as done ('I want *the colours corrected* and the cables taken out'): an edit of
its own, never a thing called 'colours corrected' taken out with the rest."""
_LIST_LEAD = re.compile(r"^(?:(?:and|then|also|just|generally|overall|maybe)\s+)+")
_FREE_HAND_PART = re.compile(r"^(?:(?:and|then|also|just)\s+)*do\s+(?:whatever|anything|what)\b")
"""'…, and do anything you fancy to it': a free hand the list swallowed — no thing called 'anything', said as left out."""
_PURPOSE_PART = re.compile(r"^for\s+(?!example\b|instance\b|one\b)\S")
"""'remove the bin (*for my mum's birthday card*)': after the things, what the photo is for — told, no thing to remove."""


_STYLE_LAID = rx(r"^(?:(?:the|this|that|its|a|an|any|some|all)\s+)*(?:[a-z'-]+\s+)?(?P<style>{UNDONE_STYLES})[\s-]+"
                 r"(?:{STYLE_LAYERS})\b")
"""'the cartoon effect', 'this oil painting look', 'filter effect': a style over the whole photo, no thing."""
_CAST_TAKEN = rx(r"^(?P<some>(?:some|a\s+bit|a\s+little|most|much|all)\s+of\s+)?(?:the\s+)?(?:(?P<ness>{CAST_NESS})|(?P<colour>{CAST_COLOURS}))"
                 r"(?P<from>\s+(?:from|in|out\s+of|off)\s+(?:the\s+|this\s+|my\s+)?(?:whole\s+|entire\s+)?(?:{PICTURE_NOUNS}))?"
                 r"\s*[.!?]*$")
"""'remove the yellow from the picture', 'remove some of the redness': the colour the whole photo leans to, taken out by
correcting its cast — never a thing called 'yellow' (a bare 'remove the red' may be a red thing, and stays one, and so
does a colour that is a thing: 'remove the orange from the image' is the fruit, `COLOR_NOUNS`)."""
_ONE_DEFECT = rx(r"(?:{DEFECT_WORDS}|{PRINT_DAMAGE_WORDS})")
_LIST_OPENERS = frozenset((*NOUN_OPENERS, *ALL_WORDS, *ALL_OF))


def _defects_run_on(part: Words) -> list[Words] | None:
    """'tear waterstain', 'the rips creases': defect words run on with no comma — each its own thing to take out
    (a kind of mark after one, 'scratch marks', is one thing: `DEFECT_KIND_HEADS`); None for any other part."""
    words = part.low.split()
    start = 0
    while start < len(words) and words[start] in _LIST_OPENERS:
        start += 1
    found: list[tuple[int, int]] = []
    at = start
    while at < len(words):
        size = next((n for n in (3, 2, 1) if at + n <= len(words) and _ONE_DEFECT.fullmatch(" ".join(words[at:at + n]))), 0)
        if not size:
            return None
        found.append((at, at + size))
        at += size
    if len(found) < 2 or any(" ".join(words[a:b]) in DEFECT_KIND_HEADS for a, b in found[1:]):
        return None
    return [Words.of("the " + " ".join(words[a:b])) for a, b in found]


_SCANNED = rx(r"^(?:(?:the|this|my|our|that|a|an)\s+)?(?:{SCAN_WORDS})\s+\S")
_OUT_OF_PHOTO = rx(r"\b(?:out\s+of|from|off)\s+(?:the|this|my)\s+(?:whole\s+|entire\s+)?(?:{PICTURE_NOUNS})\s*[.!?]*$")
"""'take the yellow *out of the picture*': the photo is what the colour leaves, said after the particle."""
STYLE_UNDONE_NOTE = ("I can't take a style off the photo (“{said}”) — no tool turns a restyled picture back into a "
                     "photo. I can enhance it (“enhance it”) or change its tone (“less saturated”, “more contrast”).")


_FREE_HAND_NOTE = rx(r"\b(?:is|are|'s)\s+(?:all\s+)?(?:{FREE_HAND_WORDS})\b")
"""'remove the bin, whatever else is your call': the list's rest hands over the choice; it names nothing to remove."""
_INVITATION_PART = rx(r"^(?:(?:and|but|also|i'm|im|we're|i\s+am|we\s+are|totally)\s+)*(?:{OPEN_INVITATIONS})\b")
"""'remove the lamp post, open to suggestions': an invitation the list swallowed — no thing called 'open' (wishes28)."""


def removal_steps(clause: Words, np: Words, ctx: PlanningContext) -> list[Step]:
    """The steps that take out what `np` names (or the question when it names nothing)."""
    if not np.low.strip(" ,.!?") and ctx.fresh_selection:
        return [pronoun_step("remove", ctx, "removing the selected area")]      # "remove" with a thing pointed at
    if not np.low.strip(" ,.!?"):
        return [ask("What should I remove? Name it (\"the man on the left\") or give a mask file.")]
    if _EVERYONE.search(np.low) and _KEEPING.search(np.low):
        return [refusal("I can't yet pick \"everyone except someone\"; name who to remove, e.g. \"the two people "
                        "on the left\".")]
    if names_nothing(np) and not any(parse_target(part) for part in split_list(np)):
        return [ask(f"What should I remove? “{' '.join(np.orig.split())}” doesn't name a thing — name it, e.g. "
                    "\"the man on the left\" or \"the sign\".")]
    if is_selection(SCAFFOLD.sub(" ", np.low).strip(" ,.")):
        return [pronoun_step("remove", ctx, "removing the selected area")]
    if _PICTURE_STRIP.match(np.low) and not _TIDIED.match(clause.low):   # 'remove the bottom part of the image'
        strip = _STRIP_SYNONYMS.sub("part", np.low.strip())
        return parse_geometry(Words.of(f"crop off {strip}"), ctx, Settings())
    found = parse_region(np, ctx.image_size)
    if _CROPPED_OUT.match(clause.low) and (found and "side" in found[0] or _EDGES.match(np.low)):
        return []                                      # "crop out the top part", "crop the sides off": a crop
    if found:
        fields, name = found
        if "problem" in fields:
            return [ask(fields["problem"])]
        return [region_refilled(fields, f"clearing {name}")]
    said_who = _OWNER_SAID.search(np.low)
    if said_who and np.slice(0, said_who.start()).strip().low:    # '… behind us (we're the 2 on the left)': who stays
        np = np.slice(0, said_who.start()).strip()
    parts = [piece for part in _narrowed(split_list(np)) for piece in (_defects_run_on(part) or slash_items(part))]
    if all(_PROPERTY.fullmatch(part.low.strip(" ,.!?")) for part in parts):
        verb = clause.low[:max(clause.low.find(np.low), 0)]
        if _ENHANCE_VERB.search(verb):                 # "clean up the exposure and colours": a measured correction
            said = " and ".join(" ".join(part.orig.split()) for part in parts)
            return [enhance_step(None, f"enhancing the photo ({said}) — measuring it and correcting only what is off")]
        return []                                      # "remove the colours", "remove the contrast": a tone change
    from retouch.agent.planner.rules_restore import condition_named     # here: rules_restore reads removals
    steps: list[Step] = []
    unread: list[Words] = []
    for at, part in enumerate(parts):
        if _FREE_HAND_NOTE.search(part.low) or is_social(part.low) and _THANKS_OR_REWARD.search(part.low) \
                or at > 0 and _INVITATION_PART.match(part.strip().low):
            continue                                   # "remove the bin, I'll award gold to whoever does it": no thing
        if at > 0 and _PURPOSE_PART.match(part.strip().low):
            continue                                   # "remove the cones, for a school project": what it is for
        if at > 0 and _FREE_HAND_PART.match(part.strip().low):
            unread.append(part)
            continue
        own = _own_edit(part, ctx) if at > 0 or _EDITED_PART.match(part.strip().low) else []
        if own:                                        # "… and touch the snapshot up", "the colours corrected and …"
            steps.extend(own)
            continue
        if _names_a_property(part) or photo_fault_said(part.strip().low):   # "boost the contrast and the van … should
            steps.extend(_property_in_a_removal(part, ctx))        # be erased", "remove the bin, and the colours are off"
            continue
        target = parse_target(part, clause)
        if target is None:
            if at > 0 and _COMMAND_PART.match(part.strip().low):
                unread.append(part)                    # "take out the kite and touch the picture up": unread
            continue
        target = _refine_target(target, part.low)
        condition = condition_named(part.low)
        if condition is not None:                     # "the cloudy look spoils it": the haze, never a thing 'cloudy'
            steps.append(condition)
            continue
        if unnamed_damage(part.low):                  # "remove the damage and the numbers": the photo restored
            steps.append(restored())
            continue
        if _STYLE_LAID.match(part.strip().low):      # "clear the cartoon effect": no tool undoes a style
            steps.append(refusal(STYLE_UNDONE_NOTE.format(said=" ".join(part.orig.split()).strip(" ,.!?"))))
            continue
        if target.target in QUALITY_CONDITIONS and not target.pronoun \
                or _SCANNED.match(part.strip().low) and _ENHANCE_VERB.search(clause.low[:clause.low.find(part.low)]):
            #                                         "clean up this poor phone quality", "clean up the scanned cover"
            steps.append(enhance_step(None, "enhancing the photo — measuring it and correcting only what is off"))
            continue
        cast = _CAST_TAKEN.match(part.strip().low)
        if cast and (cast.group("some") or cast.group("ness") or (cast.group("from") or _OUT_OF_PHOTO.search(clause.low))
                     and cast.group("colour") not in COLOR_NOUNS) or \
                casts_colour(part.low) and not _OF_A_THING.search(part.low):     # "… the red tint along with the blemishes"
            steps.append(enhance_step(["white_balance"], "correcting the colour cast by what I measure"))
            continue
        if _EYE_FLAW.search(part.low):                # "remove the red eye": natural eyes painted back
            steps.append(edit_on(Target("eye", "eyes", all=True), "fix", "fixing the eyes",
                                 prompt=FIX_PROMPTS["eye"], flaw=EYE_FLAW))
            continue
        if target.target in UNNAMED_FLAWS and _ON_SKIN.search(part.low):       # "the imperfections on his cheeks"
            steps.append(edit_on(Target("blemish", "blemishes", all=True), "remove",
                                 f"removing the blemishes {_ON_SKIN.search(part.orig.lower()).group(0)}"))
            continue
        if target.target in SMALL_FLAWS and _FLAWS_OF_THE_PHOTO.search(clause.low) \
                and not _FLAW_OWN_PLACE.search(part.low):
            steps.append(_photo_flaws_step(part))
            continue
        if target.target in UNNAMED_FLAWS:
            steps.append(refusal(f"Which {target.display} exactly? Name the thing to remove, e.g. \"the sign on the "
                                 "left\" or \"the power lines\"."))
            continue
        shown = PICTURE_OF_THING.match(part.low.strip(" ,.!?"))
        if target.target in IMAGE_WORDS and not target.pronoun and shown:         # "remove the duck image"
            said = shown.group("of") or shown.group("named")
            inside = parse_target(Words.of(said))
            if inside is not None and not inside.pronoun and inside.target not in IMAGE_WORDS:
                target = inside
        if target.target in IMAGE_WORDS and not target.pronoun and not target.exclude \
                and not _AROUND_PICTURE.search(part.low) and not _hung_pictures(target, part, len(parts)):
            continue                                   # "the frame around the picture" is a thing; what stays in
                                                       # "everything except the graphic" is one (#20, bg23)
        if target.pronoun:
            steps.append(pronoun_step("remove", ctx, "removing the selected area"))
        elif target.exclude and _EVERYTHING_THERE.search(part.low):
            steps.append(refusal("I can't yet pick \"everything there except one thing\"; name what to remove, "
                                 "e.g. \"the plates and the cups\"."))
        elif target.exclude:
            steps.append(background_step(target.target, target.display, "transparent", "",
                                          say=f"removing everything except the {target.display} "
                                              "(transparent background)"))
        elif target.all and target.exclude is False and _EVERYONE.search(part.low) and _EXCEPT.search(part.low):
            steps.append(refusal(_cannot_pick_everyone(part.low)))
        else:
            steps.append(edit_on(target, "remove", f"removing {target.describe()}"))
    for part in unread if steps else []:
        left_out(steps[-1], part.orig.strip(" ,.;:!?"))   # said, and the plan unsure: never dropped silently
    return steps


def _hung_pictures(target: Target, part: Words, listed: int) -> bool:
    """'take out *the frames on the wall* and the lamp', 'remove the pictures behind him': pictures in the plural, named
    beside other things or at a place, are things in the scene — not 'these photos' or 'both pictures' (the user's)."""
    head = _HUNG_PICTURE.search(part.low)
    return head is not None and target.all and not target.pointed and not target.count \
        and (listed > 1 or target.position is not None or target.phrase is not None)


def _own_edit(part: Words, ctx: PlanningContext) -> list[Step]:
    """A list part that is an edit of its own — a command ('and touch the snapshot up', 'and balance the dull sky')
    or a thing said edited ('the colours corrected') — planned as a clause of its own; [] for a part that names a thing
    to remove, or an edit no handler reads without a question."""
    from retouch.agent.planner.rules_handlers import dispatch      # late: the handler table imports this module

    said = part.strip()
    lead = _LIST_LEAD.match(said.low)
    if lead:
        said = said.slice(lead.end(), len(said.low)).strip()
    if not (_COMMAND_PART.match(said.low) and not REMOVE_LEAD.match(said.low) or _EDITED_PART.match(said.low)):
        return []
    steps = dispatch(said, ctx, Settings())
    if not steps or any(step.action in ("remove", "ask") or not step.calls for step in steps):
        return []
    return steps


def _names_a_property(part: Words) -> bool:
    """A list part that names only a property of the photo, with or without its own command ('boost the contrast',
    'the saturation'): never a thing to select and paint out."""
    said = part.strip().low
    command = _COMMAND_PART.match(said)
    return bool(_PROPERTY.fullmatch((said[command.end():] if command else said).strip(" ,.!?")))


def _property_in_a_removal(part: Words, ctx: PlanningContext) -> list[Step]:
    """A property in a removal's list (issue 20, tonewords23): with a command of its own ('improve the saturation and
    two people … must be removed') that command is the edit; said bare ('the glare and the saturation must go') the
    removal asks it less — the tone handler's reading of 'remove the saturation'; said at fault ('… and the colours
    are a bit off') it is the photo's measured correction. [] when none reads."""
    from retouch.agent.planner.rules_handlers import dispatch      # late: the handler table imports this module

    said = part.strip()
    fault = photo_fault_steps(said, ctx, Settings())
    if fault:                                      # "… and the lighting is off": the photo's measured correction
        return fault
    if _COMMAND_PART.match(said.low):
        return _own_edit(said, ctx)
    steps = dispatch(Words.of("remove ").join("", said), ctx, Settings())
    return steps if steps and all(step.action == "adjust" for step in steps) else []


def _photo_flaws_step(part: Words) -> Step:
    """'I need the flaws removed from this photo': unnamed flaws of the photo itself are its small ones — spots,
    specks, blemishes — which a finder can look for; bigger things need a name, and the reply says so. The reading is
    the rules' own, so the step is unsure."""
    said = " ".join(part.orig.split())
    step = edit_on(Target("blemish", "blemishes", all=True), "remove",
                   "removing the small flaws I can find (spots, specks, blemishes)")
    step.note = (f"(I read “{said}” as the photo's small flaws; name anything bigger — a person, a sign — and I'll "
                 "remove that too.)")
    step.doubt = "unnamed flaws of the photo read as its small blemishes"
    return step


def _cannot_pick_everyone(low: str) -> str:
    """Why "everyone except …" that the keep-only rule did not read is declined: a place ("everyone outside the
    shop") is something no finder can tell; anything else is a name the rule could not read."""
    m = _EXCEPT.search(low)
    if m.group(0).startswith("outside"):
        return (f"I can't tell who is {m.group(0)} {low[m.end():].strip()}; name who to remove, e.g. \"the two "
                "people on the left\".")
    return "I can't yet pick \"everyone except someone\"; name who to remove, e.g. \"the two people on the left\"."
