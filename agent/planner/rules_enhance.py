"""Vague quality requests → one `enhance` call that measures the photo and corrects what is off.

"enhance this photo", "make it look more professional", "just a little touch-up" → enhance (auto);
"colour correct this", "it came out dark and orange" → the colour and tone parts; "fix the lighting",
"it's underexposed" → exposure; "make it pop" → contrast, local contrast and vibrance; "fix the
colour of her face" → select the face, enhance it masked. A direction with an amount ("brighter",
"warmer", "more contrast") stays an `adjust` (rules_tone): the person said how much. A diagnosis ("too
dark", "too orange") is an enhance: how much is measured.

Strength words scale the measured correction: "a little" 0.5, "a lot" 1.5, "as much as possible" 2;
"enhance by 30 %" is 0.3; a number outside the contract (0 < strength ≤ 2) is asked about.
Restoration words (noise, blur, haze, low light) reach enhance through rules_restore, and
"straighten it" with no angle through rules_geometry; both build their step with `enhance_step`.
"""

from __future__ import annotations

import re

from retouch.agent.plan import ADJUST_AMOUNTS, AdjustCall, EnhanceArgs, EnhanceCall, field_bounds
from retouch.tools.settings import EXPOSURE_FELT, OPPOSITE_FELT
from retouch.agent.planner.base import PlanningContext
from retouch.agent.planner.rules_clauses import split_list, stated_fault
from retouch.agent.planner.rules_geometry import find_format
from retouch.agent.planner.rules_lexicon import phrase_re, rx
from retouch.agent.planner.rules_numbers import NUMBER, shown, to_number, within
from retouch.agent.planner.rules_region import parse_region, picture_part, place_only, strip_named
from retouch.agent.planner.rules_steps import Step, adjust, ask, inpaint, left_out, pronoun_step, refine, region, select
from retouch.agent.planner.rules_target import SCAFFOLD, Target, parse_target
from retouch.agent.planner.rules_text import Settings, Words
from retouch.agent.planner.rules_tone import DEFAULT_AMOUNT, amount_said, describe_amounts, parse_adjust
from retouch.agent.planner.rules_verbs import ENHANCE_VERBS, VERBS, gerund, of_action, participle
from retouch.agent.planner.rules_vocab import (  # critiques listing several faults (issue 20, critique17)
    BUSY_LOOKS, FAULT_FIXES, FAULT_PRONOUNS, FAULTS_NOT_ENOUGH, LACKED_PROPERTIES,
)
from retouch.agent.planner.rules_vocab import (
    CAST_COLOURS, CAST_NESS, CAST_NOUNS, ENHANCE_NAMES, FIXABLE_PARTS, FUNCTION_WORDS, EXPOSURE_DIAGNOSES, EXPOSURE_WORDS, IMAGE_WORDS,
    ADDED_LOOKS, BLEND_WORDS, PRAISE_ONLY_CASTS, OTHER_PHOTO_LEADS, MATCHED_QUALITIES, EXPOSURE_FIX_VERBS, UNSEEN_LEADS, WORTHY_WORDS, FLASH_COMPLAINTS, LOCAL_CONTRAST_WORDS, LOOK_BETTER, PRO_TAKEN, QUALITY_LOOKS, SALVAGE_QUESTIONS, SEEN_WORDS, SHARPNESS_NOUNS,
    VISIBLE_LOOKS, WARM_CASTS, COOL_CASTS, WHOLE_PHOTO_TINTS, PRAISE_TONE, COLOR_COMPARATIVES,
    TOPIC_PARTS, WHITE_BALANCE_WORDS, SKIN_PLACES, UNEVEN_SKIN_WORDS,
)
from retouch.agent.planner.rules_vocab import AGE_UNDONE_LOOKS, TINT_PARTICIPLES  # issue 20, tone18
from retouch.agent.planner.rules_vocab import EXCLUDE_ALL, LIVENING_VERBS, LOOK_GIVING_VERBS  # issue 20, wishes28
from retouch.agent.planner.rules_vocab import PART_PROPERTIES, PROPERTY_NOUNS, WRONG_LOOKS  # issue 20, tonewords23
from retouch.agent.planner.rules_vocab import CLEANED_SURFACES  # issue 20, parts24
from retouch.agent.planner.rules_vocab import COMPARATIVE_COLOUR_SHARE, GREY_TINTS, TINT_SHARE, WHOLE_PHOTO_WASH  # #20

COLOUR_PARTS = ["white_balance", "exposure", "contrast", "vibrance"]
"""'colour correct this': the colour and tone parts of auto, not the detail ones."""
POP_PARTS = ["contrast", "local_contrast", "vibrance"]
PART_SAY = {"white_balance": "the colour cast", "exposure": "the exposure", "contrast": "the contrast",
            "local_contrast": "local contrast", "vibrance": "the colours", "denoise": "the noise",
            "sharpen": "the sharpness", "dehaze": "the haze", "straighten": "the tilt",
            "even_skin": "the blotchy colour"}

_VERB = rx(r"\b{ENHANCE_VERBS}\b")
_VERB_ON_PICTURE = rx(r"\b{ENHANCE_VERBS}\s+(?:up\s+)?(?:\w+\s+){0,3}?(?:{PICTURE_NOUNS}|{ENHANCE_NOUNS}"
                      r"|photos|pictures|images|pics)\b(?:\s+up)?")
_GENERAL = rx(r"\b{ENHANCE_VERBS}\b|\b{ENHANCE_NAMES}\b|\b{LOOK_BETTER}\b|\b{SALVAGE_QUESTIONS}\b|\b{PRO_TAKEN}\b"
             r"|(?<![\w'\"-])(?:[\w'\"-]+\s+){1,3}?\"?{WORTHY_WORDS}\b")
"""Any general enhance word: whether the request is an enhance is then decided by what is left over."""
_PICTURE_TAIL = rx(r"\b{PICTURE_NOUNS}s?\s+{PICTURE_TAILS}\b.*$")
_PURPOSE = rx(r"(?<=\s)(?:{PURPOSE_LEADS})\b.*$")
_PHOTO_KIND = rx(r"\b(?:(?!(?:{PHOTO_KIND_STOPS})\b)[a-z'-]+\s+){1,2}(?=(?:{PICTURE_NOUNS}|{PICTURE_MENTIONS})s?\b)")
"""'a *graduation* photo', '*senior* pics', 'a *scanned* photo': words that say which photo it is, not a thing in it
(not 'the sky *in this* photo')."""
_PHOTO_NAMED = (r"(?:the|this|my|our|that|these|those|your|his|her|their|a|an|[a-z]+(?:'s|s'))\s+"
                r"(?:(?!(?:of|out|from|off|in|on|at|with|and|into)\b)[\w'-]+\s+){0,4}?"
                r"(?:{PICTURE_NOUNS}|{PICTURE_MENTIONS})s?\b")
_SCAN_NAMED = r"(?:(?:the|this|my|our|that|a|an)\s+)?(?:{SCAN_WORDS})\s+(?:[\w'-]+\s+){0,2}?[\w'-]+\s*[.!?]*$"
"""'this scanned magazine cover': the scan is the photo, whatever it shows (said last in the clause)."""
_PHOTO = (r"(?:(?:it|this|that|this\s+one)(?=\s*(?:$|[,.;:!?)]|{PHOTO_PRONOUN_FOLLOWERS}\b))|" + _SCAN_NAMED + "|" + _PHOTO_NAMED
          + r"|(?:{PICTURE_NOUNS})\b(?!\s+(?:of|from|in|on)\b))")
"""The photo, as 'it', 'this', 'my old photo' — or a bare 'photo' ('make photo clear'), not 'photo of the cat'."""
_ON_PHOTO = rx(r"(?<!to )\b(?:have|get|want|need|like|give\s+me|make)\s+(?:a|an)\s+(?:\w+\s+)?(?:{QUALITY_LOOKS})\s+(?:\w+\s+)?(?:{PICTURE_NOUNS}|{PICTURE_MENTIONS}|version|copy)\b"
               r"|\b(?:{ENHANCE_VERBS}|{ENHANCE_NAMES})\s+(?:up\s+)?(?:(?:to|on|of|for|with)\s+)?" + _PHOTO
               + r"|(?:^|\b(?:need|want|get|have|like)\s+)" + _PHOTO_NAMED
               + r"\s+(?:(?:to\s+be|be|needs\s+to\s+be|should\s+be|can\s+be)\s+)?(?:{ENHANCE_VERBS})\b" + r"|\b{ENHANCE_SPLIT_HEADS}\s+" + _PHOTO
               + r"(?:\s+(?:of|from|with)\s+(?:[\w'-]+\s+){1,5}?)?\s*up\b"
               r"|\b(?:get|getting|have|having|want|need|like)\s+(?:it|this|that)\s+(?:{ENHANCE_VERBS})\b"
               r"|\b(?:a|an)\s+(?:{ENHANCE_NAMES})(?:(?<=version)|(?<=copy))\b"
               r"|\b(?:like|love|want)\s+(?:it\s+|this\s+)?to\s+(?:look|be)\s+(?:\w+\s+){0,2}?(?:{QUALITY_LOOKS})\b"
               r"|\bgive\s+(?:it|this|that|" + _PHOTO + r")\s+(?:a|an)\s+(?:[\w'-]+\s+){0,2}?(?:{QUALITY_LOOKS})\s+"
               r"(?:[\w'-]+\s+)?(?:look|finish|feel|vibe|edit)\b"
               r"|\b(?:make|makes|making|made|get|gets|getting|need|want|have|bring|bringing|like|love)\s+"
               r"(?:it|this|that|" + _PHOTO + r")\s+(?:\w+\s+){0,3}?(?:{LOOK_BETTER}|{QUALITY_LOOKS})\b"
               r"|\b(?:make|making|get|getting)\s+(?:this|the|my|our)\s+(?:{PICTURE_NOUNS}|{PICTURE_MENTIONS})\s+"
               r"(?:[\w'-]+\s+){1,9}?(?:look|looks|appear)\s+(?:\w+\s+)?(?:{QUALITY_LOOKS})\b")
"""A general wish whose object is the photo itself — 'restore *this* for my parents', 'clean up *this potato-phone
picture*', 'make *it* look nice for my shop' — is an enhance whatever description or purpose follows."""
_WHITE_BALANCE = rx(r"\b(?:(?:less|not\s+so|too|so|very)\s+)?{WHITE_BALANCE_WORDS}\b")
_COLOUR_CORRECT = rx(r"\bcolou?r\s*-?\s*correct\w*|\bcorrect\s+the\s+colou?rs?\b|\bfix\s+(?:the\s+|its\s+)?colou?rs?\b")
_DEGREE = r"(?:(?:a\s+bit|a\s+little|too|very|so|really|quite|kind\s+of|way|much|far|[a-z]{3,}ly)\s+){0,2}"
"""'too dark', '*terribly* back-lit', '*badly* overexposed', '*much too* dark' (two words, tone26): how much, between
the lead and the diagnosis."""
_DIAGNOSIS = rx(r"\b{DIAGNOSIS_LEADS}\s+" + _DEGREE +
                r"(?P<what>(?:(?:{EXPOSURE_DIAGNOSES}|{CAST_COLOURS})(?:[de]?ish)?(?![\w-])(?:\s*(?:,|and|&|/|or)\s*|\s+)?)+)")
_STATE = rx(r"\b{STATE_LEADS}\s+" + _DEGREE +
            r"(?P<what>(?:{EXPOSURE_DIAGNOSES})(?:\s*(?:,|and|&|/|or)\s*(?:{EXPOSURE_DIAGNOSES}))*)\b")
"""'the faces *are dark*': a darkness said as a state is a diagnosis too (a colour said so describes: 'the shoes are
red')."""
_CAST = rx(r"\b{CAST_COLOURS}\b")
_CAST_HUES = r"{CAST_COLOURS}(?:\s*/\s*{CAST_COLOURS})*"
"""'red', 'red/pink': the colour or colours a photo leans to."""
_LIGHT_CAST = r"|" + _CAST_HUES + r"\s+{CAST_LIGHTS}\b(?!\s+(?:on|in|of|over|from|across|at|near|by)\b)"
_CAST_NAMED = rx(r"\s*(?:(?:the|a|an|this|that|any|all|some|its)\s+)*(?:(?!(?:and|or|with|of)\b)\w+\s+){0,2}?"
                 r"(?:" + _CAST_HUES + r"(?:\s+colou?r)?\s+{CAST_NOUNS}|{CAST_NESS}|colou?r[\s-]+casts?" + _LIGHT_CAST + r")\b")
_ON_A_THING = rx(r"\s+(?P<on>from|on|in|of|over|across)\s+(?:the|his|her|their|my|our|your|its)\s+(?!{PICTURE_NOUNS}\b)\w")
_SUBJECT = rx(r"(?P<np>\b(?:{OWNER_WORDS}|[a-z]+'s)\s+(?:[\w'-]+\s+){0,2}?[\w'-]+)\s+"
              r"(?:is|are|was|were|isn't|aren't|wasn't|weren't|(?:doesn't\s+|don't\s+)?(?:looks?|seems?|feels?))\s+"
              r"(?:not\s+)?" + _DEGREE
              + r"(?:{EXPOSURE_DIAGNOSES}|{CAST_COLOURS})\b")
"""'edit it so *her face* isn't so bright': what a diagnosis is said of, right before it, is the thing to correct."""
_COLOUR_GIVEN = rx(r"\b(?:to|into|colou?r|colou?red)\s+(?:an?\s+)?(?:{COLOR_MODIFIERS}\s+)?{COLORS}"
                   r"(?:\s+(?:please|pls|thanks|instead))?\s*[.!?]*$")
"""'change her skin colour *to blue*': a colour given is a colour meant — a recolour (rules_edits), not a measurement."""
_COLOUR_WISHED = rx(r"\bso(?:\s+that)?\s+(?:{NOUN_OPENERS}|all\s+the)\s+[a-z' -]+?\s+"
                    r"{BECOMING_VERBS}\s+(?:an?\s+)?(?:{COLOR_MODIFIERS}\s+)?{COLORS}"
                    r"(?:\s+(?:please|pls|thanks|instead))?\s*[.!?]*$")
"""'edit the photo *so that the scooter is purple*': a colour wished for a thing — a recolour, never its cast measured."""
_COLOUR_MADE = rx(r"(?<![\w'-])(?:{RESULT_VERBS}|{IMPERATIVE_VERBS})\s+(?:{NOUN_OPENERS})\s+[a-z'-]+(?:\s+[a-z'-]+){0,2}?\s+all\s+"
                  r"(?:{COLOR_MODIFIERS}\s+)?{COLORS}(?:\s+(?:please|pls|thanks|instead))?\s*[.!?]*$")
"""'make the car *all red*': a thing made wholly one colour — a recolour, never a cast ('the photo is all red' is)."""
_DE_CAST = rx(r"\bde[-\s]?{CAST_COLOURS}(?:ed|ing)?\b")
"""'de-yellow my nan's snap': a cast asked away with an undoing prefix — the white balance, measured."""
_LESS_CAST = rx(r"\bless\s+{CAST_COLOURS}\b")
"""'make her skin *less green*': a colour asked away that no tone setting moves (not 'less orange', a warmth) — the cast,
measured."""
_CAST_NOUN = rx(r"\b" + _CAST_HUES + r"(?:\s+colou?r)?\s+{CAST_NOUNS}\b|\b{CAST_NESS}\b|\b" + _LIGHT_CAST[1:])
_DARKNESS = rx(r"\b{EXPOSURE_DIAGNOSES}\b")
_FELT_WORDS = {"too_dark": rx(r"\b{FELT_DARK}\b"), "too_bright": rx(r"\b{FELT_BRIGHT}\b"),
               "too_warm": rx(r"\b{FELT_WARM}\b"), "too_cool": rx(r"\b{FELT_COOL}\b"),
               "too_green": rx(r"\b{FELT_GREEN}\b"), "too_magenta": rx(r"\b{FELT_MAGENTA}\b")}
"""Each reading a user can give of the photo (`tools.settings.Felt`), by the words that say it."""
_WISHED_BEFORE = rx(r"\b(?:{LOOK_WISH_LEADS})\s+(?:[\w'-]+\s+){0,4}$")
_PRAISE_CASTS = frozenset(PRAISE_TONE) & frozenset(CAST_COLOURS)
_TOO = rx(r"\b(?:{TOO_LEADS})\b")
_EXPOSED = rx(r"\b(?:underexposed|under-exposed|under\s+exposed|overexposed|over-exposed|over\s+exposed|blown\s+out"
              r"|badly\s+lit|poorly\s+lit|bad\s+lighting|poor\s+lighting|low\s+light)\b")
_FIX_EXPOSURE = rx(r"\b{EXPOSURE_FIX_VERBS}\s+"
                   r"(?:the\s+|its\s+|his\s+|her\s+|their\s+|my\s+)?{EXPOSURE_WORDS}\b"
                   r"|\b(?:make|making|get|getting)\s+(?:the\s+|its\s+)?(?:lighting|light|exposure)\s+(?:look\s+)?(?:a\s+bit\s+|more\s+)?"
                   r"(?:{QUALITY_LOOKS})\b")
_LIGHTING_BAD = rx(r"\b{LIGHTING_COMPLAINTS}\b")
_FLASH = rx(r"(?:^(?:[\w'-]+\s+){0,4}?)?\b{FLASH_COMPLAINTS}\b")
"""'*the school photographer* used a flash': who used it is part of the complaint, not a thing to correct."""
_TOPIC = r"(?:{EXPOSURE_WORDS}|{COLOUR_TOPICS})"
_TOPICS_ONLY = rx(r"^(?:(?:{TOPIC_FRAMES})\s+)*(?P<topics>" + _TOPIC + r"(?:\s*(?:,|and|&|/|or|\s)\s*" + _TOPIC + r")*)"
                  r"(?:\s+(?:{TOPIC_FRAMES}|{TOPIC_TAILS}))*[\s.!?]*$")
"""'light and colours', 'lighting problems', 'help with the colours': the light or the colour named with no way to move
it — what is off is measured (a direction, 'more light', is an adjust: rules_tone)."""
_COLOUR_TOPIC = rx(r"\b{COLOUR_TOPICS}\b")
_TOPIC_TAIL_OF = rx(r"^\s*(?:{TOPIC_TAILS})\s+(?:of|on|in)\b")
"""'fix the colour *quality of* the sky', 'the light *levels on* the twins' faces': left over once the topic is read, the
tail names no thing — what follows it does."""
_ONE_TOPIC = rx(r"\b(?P<topic>{TOPIC_PARTS})\b")
_LIST = r"(?:{TOPIC_PARTS})(?:\s*(?:,|and|&|/|\+|or)\s*(?:(?:and|&)\s+)?(?:the\s+|its\s+|some\s+)?(?:{TOPIC_PARTS}))+\b"
_IMPROVED = r"(?:improvements?|enhancements?)"
_TOPIC_LIST = rx(r"\b(?:{EXPOSURE_FIX_VERBS}|{TOPIC_LIST_FRAMES}|help\s+with)\s+(?:(?:the|its|some|my|our|his|her|their)\s+)?"
                 r"(?P<list>" + _LIST + r")|\b(?P<list2>" + _LIST + r")\s+(?:{CORRECTION_NOUNS}|{TOPIC_LIST_FRAMES}|{TOPIC_TAILS})\b"
                 r"|\b(?P<list3>{MEASURED_TOPICS})\s+" + _IMPROVED + r"\b")
"""'fix the exposure and the colours', 'colour/contrast correction': two or more topics in a list, right after the verb
that corrects them or right before the noun that does; 'exposure improvements': one topic before the noun that asks it
better."""
_MEASURED_TOPIC = rx(r"\b{MEASURED_TOPICS}\b")
_LIST_FRAME = rx(r"\b(?:{EXPOSURE_FIX_VERBS}|{CORRECTION_NOUNS}|{TOPIC_LIST_FRAMES})\b")
DIRECTION_REACH = 20
"""How far after a list of topics a direction word still moves them ('… colour and contrast *turned up*'); a word
further on ('… so it's not so harsh') says something else."""
_DIRECTED = rx(r"\b(?!enhancements?\b)(?:{UP_WORDS}|{DOWN_WORDS})\b")
"""'increase the brightness and saturation', 'the colours and contrast turned up': a direction — an adjust (rules_tone)."""
_LOCAL = rx(r"\b{LOCAL_CONTRAST_WORDS}\b")
_FIX_SHARPNESS = rx(r"\b{ENHANCE_VERBS}\s+(?:\w+\s+){0,3}?{SHARPNESS_NOUNS}\b|\binto\s+focus\b")
_POP = rx(r"\bpops?\b|\bstand\s+out\b|\bpunch(?:y|ier)?\b|\bbring\s+out\b(?!\s+(?:(?:the|its|some|more|all|of)\s+)*"
          r"(?:{TONE_WORDS}|{MEASURED_TOPICS}|{SHARPNESS_NOUNS}|{ADJUST_PROPERTY_WORDS}|texture\w*)\b)")
"""'make it pop', 'make the lighthouse stand out', '*bring out* the hills': one thing (or the photo) given more punch — not
'bring out the colours' or 'the detail in her eyes', a property moved by its own word (rules_tone)."""
_SMALL = rx(r"\b{STRENGTH_SMALL}\b")
_LARGE = rx(r"\b{STRENGTH_LARGE}\b")
_MOST = rx(r"\b{STRENGTH_MOST}\b")
_BY = re.compile(r"\b(?:by|to|at)\s+(?P<n>" + NUMBER + r")(?!\d|[.,]\d|\s*(?:x|×|\*|by)\s*\d|\s*(?:px|pixels?|dpi|ppi)\b)"
                 r"\s*(?P<pct>%|percent)?")
"""'enhance it *by 30 %*' — never a size: 'scanned *at 2400x3000*', '*at 600 dpi*' say no strength."""
_FILLER = rx(r"\b(?:{ENHANCE_FILLERS}|{QUALITY_LOOKS}|{PICTURE_MENTIONS})\b")
_OWNER = rx(r"\b{OWNER_WORDS}\b")
_ELSEWHERE = rx(r"\b{NOT_ENHANCE}\b")
_NOT_SO = re.compile(r"\b(?:make|get|help|not)\b")
"""'help make the sky *not so* dark': no part of the name."""
_PROPERTY = rx(r"^{ADJUST_PROPERTY_WORDS}$")
_SKIN = re.compile(r"skin\b")
_UNEVEN_SKIN = rx(r"\b{UNEVEN_SKIN_WORDS}\b")
_SKIN_TONE = re.compile(r"(?:\b(?:her|his|their|my|our|your|the|[a-z]+(?:'s|s'))\s+)?skin\s+(?:tone|colou?r)")
_POSSESSIVE = re.compile(r"\b[a-z]+(?:'s|s')(?=\s)")
"""'the girl's skin': a thing named with its owner, as 'her skin' is."""
_ADD_LIFE = rx(r"\b(?:add|put|{NEED_WORDS}|(?:{LOOK_GIVING_VERBS})(?:\s+(?:it|this|that|(?:(?:the|this|my|our|its)\s+)?"
               r"(?:{PICTURE_NOUNS}|colou?rs?)))?)\s+(?:(?:some|more|a|bit|little|of|touch|lot|lots)\s+){0,3}(?:(?!to\b)[a-z]+\s+)?{ADDED_LOOKS}\b"
               r"(?:\s+(?:to|into|in|on)\b)?(?=\s*(?:$|[,.!?;:)]|(?:to|into|in|on|of|for|please|pls|and|the|its|it|this|that|my|his"
               r"|her|their|our|all|every)\b))")
"""'add some life to it', 'add a little holiday cheer', 'put more accent on the leaves' adds no thing ('add some drama *to* the sky': the sky);
nor does a look a thing is said to lack ('the lake *needs more sparkle*', 'the hills could use some drama': on that thing);
nor a look given ('*give* it more oomph', '*breathe* some life into it', '*give* the colours a boost', wishes28)."""
_LOOK_GIVEN_TO = rx(r"\b(?:{LOOK_GIVING_VERBS})\s+(?P<np>(?:the|his|her|their|my|our|your|this|that|these|those)\s+"
                   r"(?!(?:{PICTURE_NOUNS}|colou?rs?)\b)(?:[\w'-]+\s+){0,2}?[\w'-]+)\s+"
                   r"(?:(?:some|more|a|bit|little|of|touch|lot|lots|real|extra)\s+){1,3}{ADDED_LOOKS}\b")
"""'give the sky more drama', 'bring the hills some depth' (issue 20, tone29): a look given to a thing, named between
the verb and the look — the measured punch there, as 'add some drama to the sky' is (the photo or its colours named
there are `_ADD_LIFE`'s: 'give it more drama')."""
_LIVENED = rx(r"\b(?:{LIVENING_VERBS})\s+(?:up\s+)?(?:(?:the|its|all\s+the|these|those|my|our)\s+)?colou?rs?\b(?:\s+up\b)?")
"""'wake the colours up', 'perk up the colours': the colours given life — the same measured punch as 'make the colours
pop' (wishes28)."""
_COMPLAINT = rx(r"\b{COMPLAINT_WORDS}\b")
_TAKE_AWAY = rx(r"\b(?:{REMOVE_VERBS}|{OUT_VERBS}|{REDUCING_VERBS})\b|\b(?:{OUT_PARTICLES})\b(?:\s+of\b)?")
"""'*remove* the pink tint', '*take* the yellow cast *out*': how a cast is asked away, no thing of its own."""
_PRO_LOOK = rx(r"\b(?:look|looks|seem|seems|appear|appears)\s+(?:like|as\s+if|as\s+though)\s+"
               r"(?:(?:it|this|they|we|i|he|she)(?:'s|'d|'ve)?\s+)?(?:(?:was|were|is|are|has|have|had|been|being|got)\s+)*"
               r"(?:{PRO_TAKEN})\b")
"""'make this look like it was shot in a studio', '… as if it had been professionally shot': a pro finish said with
the look's scaffold (which the leftover words read as a thing) — simply better."""
_SPECIFIC_LOOK = rx(r"\b(?:look|looks|appear|seem)\s+(?:like|as\s+if|as\s+though)\b(?!.*\b(?:{QUALITY_LOOKS}|{PRO_TAKEN})\b)"
                    r"|\b(?:make|so(?:\s+that)?)\s+(?:me|him|her|us|them|he|she|they|i|we|(?:my|his|her|their)\s+\w+)\s+"
                    r"(?:look|looks|appear|appears|seem|seems|is|are)\s+(?!.*\b{QUALITY_LOOKS}\b)")
"""'edit it to make *me look* taller', 'edit the picture so it *looks as if* it was shot in the 80s': a particular
look that no measured correction gives, not a general wish."""
_SAID_OF_IT_AFTER = re.compile(r",\s*(?:it|this|that)\s+(?:looks?|seems?)\s+like\b.*$")
"""'make the photo look better*, it looks like a hurried job*': what it looks like now, after the wish — no look asked for."""
_UNSEEN = rx(r"\b(?:{UNSEEN_LEADS})\s+(?:really\s+)?{SEE_VERBS}\s+(?P<what>(?:{OWNER_WORDS}|[a-z]+'s)\s+(?:[\w']+\s+){0,2}?"
             r"[\w']+)(?:\s+(?:at\s+all|well|properly|clearly|very\s+well))?(?:\s+(?:so|because|as)\s+.*)?\s*[.!?]*$")
"""'I can't see my face', 'it's hard to see the dog': the thing is to be made visible."""
_SEE_BETTER = (rx(r"\b{SEE_VERBS}\s+(?P<what>(?:[\w']+\s+){0,3}?[\w']+)\s+{SEEN_BETTER}\b"),
               rx(r"\b(?P<what>(?:{OWNER_WORDS})\s+(?:[\w']+\s+){0,2}?[\w']+)\s+(?:can\s+|could\s+|to\s+|will\s+)?"
                  r"{SEEN_WORDS}\b(?:\s+{SEEN_BETTER}\b)?"),
               _UNSEEN)
"""'so we can *see* the kids *better*', 'so *my son* can *be seen*': the words around the thing ask for it to be seen."""
_VISIBLE = rx(r"(?<!less )(?<!not )\b{VISIBLE_LOOKS}\b|\b{SEE_VERBS}\s+(?:[\w']+\s+){1,4}?{SEEN_BETTER}\b|\b{SEEN_WORDS}\b"
              r"|\b(?:{UNSEEN_LEADS})\s+(?:really\s+)?{SEE_VERBS}\b")
"""'make *the engraving legible*': a thing to be seen better is a thing to enhance (not 'less visible')."""
_LOOKS_BETTER_ON = rx(r"\b(?:make|making|get|getting)\s+(?P<np>(?:(?:the|his|her|their|my|our|its|your|[a-z]+'s)\s+)?[^,;]+?)\s+"
                      r"(?:look|looks|appear|appears|seem|seems)\s+(?:\w+\s+){0,2}?(?:{QUALITY_LOOKS})\b")
"""'make the clouds look nicer', 'make the pond appear cleaner': a thing to look better is a thing to enhance (a part of
a person to look better is a fix: 'make his hand look better')."""
_SHADOW_ON = rx(r"(?:\b(?P<light>{SHADOW_WORDS}|{SHINE_WORDS})\b(?:\s+[\w'/-]+){0,4}?|\bthe\s+(?P<hue>{CAST_COLOURS}|{CAST_NESS}))\s+"
                r"(?:on|from|off|over|across|under|around|in|of)\s+"
                r"(?P<np>(?:(?:the|his|her|their|my|our|your|its)\s+(?:[a-z]+(?:'s|s')\s+)?|[a-z]+(?:'s|s')\s+)"
                r"(?:[\w'-]+\s+){0,2}?(?:{SHADOWED_PARTS}))\b"
                r"(?![^,;]*\b(?:and|&|plus|also)\b)")
"""'remove the shadow on her face', 'shadows away from our faces': the part's exposure, lifted by what is measured — a
shadow on a person is light, not a thing to paint out (nothing else may follow: '… and the bin' is more)."""
_SALVAGE_OF_PHOTO = rx(r"\b(?:this|it|that|(?:the|this|my|our)\s+(?:old\s+)?(?:{PICTURE_NOUNS}))\s+(?:can|could|might|will|would)\s+"
                       r"(?:ever\s+|still\s+|possibly\s+)?(?:{SALVAGE_QUESTIONS})\b(?=\s*(?:$|[?.!,;]|(?:or|at\s+all|somehow|please)\b))"
                       r"|^(?:can|could|will)\s+(?:this|these|it|the|my|our)\s+(?:[\w'-]+\s+){0,3}?(?:(?:{PICTURE_NOUNS}|{PICTURE_MENTIONS})s?\s+)?"
                       r"(?:ever\s+|still\s+|possibly\s+)?(?:{SALVAGE_QUESTIONS})\b")
"""'… if *the photo can be cleaned up*': the photo asked about, whatever story is around it."""
_TO_FOR_TOO = rx(r"^(?P<np>(?:(?:the|my|his|her|their|our|its|this)\s+)?(?!(?:{SPLIT_VERBS}|it|go|set|get)\b)[a-z'-]+"
                 r"(?:\s+(?!(?:is|are|looks?|it)\b)[a-z'-]+)?)\s+(?:is\s+|are\s+|looks?\s+)?to\s+(?:{EXPOSURE_DIAGNOSES})\s*[.!?]*$")
"""'face to bright', 'the pic is to dark': 'too' written 'to' — a verbless diagnosis of the thing before it."""
_SHINE = rx(r"{SHINE_WORDS}")
_SHADE = rx(r"{SHADOW_WORDS}")
_ON_SKIN = rx(r"\b(?:{SKIN_PLACES}|ear|ears)$")
_CAST_WANTED = rx(r"\b(?:make|give|add|turn|put|apply)\s+(?:(?:it|this|that|everything|all\s+of\s+it|(?:the\s+)?whole\s+thing"
                  r"|(?:(?:the|this|my)\s+)?(?:whole\s+|entire\s+)?(?:{PICTURE_NOUNS})"
                  r"|(?:the|this|my)\s+(?:{PICTURE_NOUNS}|{PICTURE_MENTIONS})\s+have)\s+)?"
                  r"(?:(?:a|an|some|more\s+of\s+a|more)\s+)?(?:(?P<size>bit|little|slight|subtle|light|strong)\s+(?:of\s+)?)?"
                  r"(?:(?:{QUALITY_LOOKS}|{COLOR_MODIFIERS})\s+){0,2}"
                  r"(?P<hue>{CAST_COLOURS}|{WHOLE_PHOTO_TINTS})\s+(?:(?:{TINT_PARTICIPLES})\s+)?(?:{CAST_NOUNS})\b"
                  r"(?!\s+(?:to|on|onto|over|for|in)\s+(?:the|his|her|their|my|our|its|a|an|this|that)\s+(?!(?:{PICTURE_NOUNS}|whole|entire)\b))")
"""'give it a red tint', 'make it a blue overtone', 'add a green *tinted* filter' (`TINT_PARTICIPLES`), 'make my
wallpaper have some blue tones', 'give photo a warm tint' (the photo named bare), 'add a teal tint' (any colour the whole
photo can be turned, `WHOLE_PHOTO_TINTS`; 'lay a soft pale green overlay': its shade and praise before it, wishes28): a cast asked for, not one to correct ('apply a blue hue *to the
airplane*' colours the airplane)."""
_CAST_STRENGTHENED = rx(r"^(?:(?:i|we)\s+(?:want|need|would\s+like)\s+)?(?:(?:make|give|put|apply)\s+(?:it|this|that|everything|"
                        r"(?:(?:the|this|that|my|our)\s+)?(?:(?:whole|entire|full|overall)\s+)?(?:{PICTURE_NOUNS}))\s+)?"
                        r"(?:(?:the|its|this|some|a|an)\s+)?(?!up\b)(?:{UP_WORDS})\s+"
                        r"(?:(?:the|its|this|some|a|an)\s+)?(?:(?P<size>bit|little|slight|subtle|light|strong)\s+(?:of\s+)?)?"
                        r"(?:(?:more|deeper|richer|stronger|heavier)\s+)?(?P<hue>{CAST_COLOURS})\s+(?:{CAST_NOUNS})\b"
                        r"(?=\s*(?:$|[,.;:!?&+]|(?:and|please|pls|plz|but|then|overall|throughout|to|in|on|onto|over|across"
                        r"|a|slightly|too|also|as|for)\b))"
                        r"(?!\s+(?:to|on|onto|over|in|across|for)\s+(?:the|his|her|their|my|our|its|a|an|this|that)\s+"
                        r"(?!(?:{PICTURE_NOUNS}|whole|entire)\b))")
"""'increase the yellow tone', 'a more green hue', 'boost the blue tint', 'more yellow colour in the entire image',
'add a deeper green hue' (tone27): a cast asked more of — the same tint as 'give it a yellow tint' (`photo_tint`),
never a measured correction that would take the cast away. Only the clause's own ask, on the photo: on a thing ('more blue tone on the lake',
'give the skin a more yellow tone'), as a colour given ('turn the kite into a more red shade') or before a noun of
its own ('the blue lighting effect') it is no tint of the photo."""
_SHADE_WORDS = (r"(?:(?:a\s+)?(?:bit|little|touch|lot)\s+(?:more\s+)?)?(?:(?:a|an)\s+)?"
                r"(?:(?:dark|deep|light|pale|bright|soft|rich|warm|cool)\s+)?")
_WHOLE_TURNED = rx(
    r"^(?:(?:turn|make|change|tint|colou?r|convert)\s+(?:(?P<whole>everything|(?:the\s+)?(?:whole|entire)\s+(?:thing|{PICTURE_NOUNS})"
    r"|(?:the|this|my)\s+(?:{PICTURE_NOUNS}))\s+|(?P<it>it|this)\s+)(?P<all>all\s+|completely\s+|entirely\s+)?"
    r"(?P<to>(?:in)?to\s+)?"
    r"|(?:change|turn|shift|set)\s+(?:the\s+)?(?:(?:{PICTURE_NOUNS})(?:'s)?\s+)?(?P<scheme>colou?r\s+scheme|colou?r\s+palette"
    r"|palette|colou?rs?|colou?ring|tones?|hue|tint)\s+(?:(?:of|to|in)\s+(?:the\s+|this\s+)?(?:whole\s+|entire\s+)?(?:{PICTURE_NOUNS})\s+)?"
    r"(?:(?:in)?to|for|so\s+(?:that\s+)?(?:it\s+is|it's|its|it\s+looks|it\s+becomes))\s+(?:be\s+)?(?:more\s+)?)"
    + _SHADE_WORDS + r"(?P<hue>{WHOLE_PHOTO_TINTS}|{GREY_TINTS})(?:\s+(?:colou?r|tones?|hue|tint|shades?|one))?\s*[.!?]*$")
"""'turn it all purple', 'change it to gold colour', 'change the colour scheme to a dark blue', 'set the hue of the
whole photo to teal', 'change the colouring of the picture to soft green' (issue 20, second24), 'set the hue so it's
more orange' (tones25): the whole photo turned
one colour — a tint, not a recolour of a thing called 'it' or 'colouring'. A bare
'it' or 'this' needs 'all' or 'to' ('make it red' may be a thing named before) and no selection to point at; with
nothing turned ('… and turn to blue') it may be what the clause before named, so it is not read here."""
_WHOLE_COLOUR_CHANGED = rx(
    r"^(?:change|alter|shift)\s+(?:in\s+)?(?:the\s+)?(?:overall\s+)?(?:(?:{PICTURE_NOUNS})(?:'s)?\s+(?:colou?rs?|hue|tint)"
    r"|(?:colou?rs?|hue|tint)\s+(?:of|on|in|for)\s+(?:the\s+|this\s+)?(?:whole\s+|entire\s+)?(?:{PICTURE_NOUNS}))"
    r"(?:\s+(?:please|pls|plz))?\s*[.!?]*$")
"""'change the picture colour', 'alter the tint of this whole picture': the whole photo's colour changed, none named."""
WHICH_COLOUR = ("Which colour should the whole photo lean to? I can warm or cool it (“warmer”, “give it a blue tint”), "
                "correct its colours by what I measure (“colour correct it”), or recolour one thing (“make the sky "
                "purple”).")
_PARTICIPLES = tuple(participle(verb) for verb in of_action("enhance") if not verb.means)
_ENHANCED = phrase_re(_PARTICIPLES)
_ENHANCED_CUES = frozenset(phrase.split()[0] for phrase in _PARTICIPLES)
"""The first word of every enhance participle ('enhanced', 'touched' …): a clause with none skips the pattern."""
_SAID_ENHANCED = re.compile(r"^(?:.*?\b(?:get|have|want|need|like)\s+)?(?P<np>[a-z][\w' ,-]*?)\s*,?\s+"
                            r"(?:(?:to\s+be|be|should\s+be|needs\s+to\s+be)\s+)?" + _ENHANCED
                            + r"(?:\s+(?:a\s+bit|a\s+little|please|pls|up))*\s*[.!?]*$")
"""'the left half enhanced', 'the lake improved please': a thing or a part of the photo said enhanced — that enhance,
masked there (a person's part said so is a fix: 'his hand improved')."""
_WHOLE_NAMED = rx(r"(?:(?:the\s+)?(?:whole|entire)\s+thing|everything|it\s+all|" + _PHOTO_NAMED + r")")
"""'the whole thing touched up', 'this snapshot of my aunt enhanced': the photo, whatever it shows."""
_SAID_NOT_A_NAME = re.compile(r"\b(?:can|could|would|will|may|might|should|get|got|have|has|had|i|we|you|someone|anyone"
                              r"|somebody|anybody|is|are|was|were|be|please|if|so|and)\b")
"""Words no thing's name holds before 'enhanced': 'would you have my photo tidied up' holds no thing's name."""
_ASIDE = re.compile(r"\s*,[^,]*,?\s*$")
"""'the left half of the image (the x-ray)', its aside read as commas: the name is what comes before."""
_WARM = rx(r"{WARM_CASTS}")
_COOL = rx(r"{COOL_CASTS}")
_TO_NORMAL = rx(r"\b(?:change|turn|switch)\b|\b(?:to|into|for)\s+(?:a\s+|an\s+)?(?:regular|normal|natural|neutral|plain|proper)"
                r"(?:\s+(?:one|colou?r|look|tone))?\b")
"""'change the greenish filter *to a plain one*': a cast asked away, in other words."""
_FOR_A_SHAPE = re.compile(r"\s*(?:for|as|so|to)\b")
_SHADOWS_LIFTED = rx(r"^(?:{REDUCING_VERBS})\s+(?:(?:any|some|all|most|a\s+bit)\s+of\s+)?(?:the\s+)?"
                     r"(?:harsh\s+|dark\s+|deep\s+)?shadows(?:\s+(?:in|on|from|of)\s+(?:this|the|my)\s+(?:{PICTURE_NOUNS}))?"
                     r"(?:\s+(?:a\s+bit|a\s+little|please|pls|if\s+possible))*\s*[?.!]*$")
"""'reduce the shadows', 'soften any of the shadows': the photo's dark tones lifted (exposure), not things painted out."""
_NAMES_THE_PHOTO = rx(r"(?:(?:the|this|that|my|our|his|her|their)\s+)?(?:[\w'-]+\s+)?(?:{PICTURE_NOUNS}|{PICTURE_MENTIONS})s?\b")
"""'make *this photo* (of my nan) look clearer': the photo itself, not a thing in it."""
_ADDING = rx(r"^(?:{ADD_VERBS_INFLECTED})\b")
_BARE_PART = rx(r"^(?:make|get|fix|correct|even\s+out)\s+(?P<np>{SHADOWED_PARTS})\b")
"""'make *face* colour uniform': a part of a person named with no article is the thing corrected."""
_ENHANCED_BARE_PART = rx(r"^(?:{ENHANCE_VERBS})\s+(?P<np>{FIXABLE_PARTS}|{SKIN_PLACES})\s*[.!?]*$")
"""'enhance eyes', 'touch up face': a part named bare after an enhance verb is what is enhanced, not a question."""
_CONDITION_PARTS = ((rx(r"\b{NOISE_WORDS}\b"), "denoise"), (rx(r"\b{BLUR_WORDS}\b"), "sharpen"),
                    (rx(r"\b{HAZE_WORDS}\b"), "dehaze"))
"""A condition named beside an exposure or a cast ('too dark and grainy'): its part joins the measured correction."""
_TONE_WORD = rx(r"\b{TONE_WORDS}\b")
_PRAISED_LOOK = rx(r"\b(?:look|looks|looking|seem|seems)\s+(?:(?:really|very|super|so|extra|pretty|quite)\s+)?"
                   r"(?:{PRAISE_ONLY_CASTS})\b(?!\s+(?:and|&|/)\s+\w)")
"""'make it colourful and beautiful' names its direction: the leftover words decide (rules_tone)."""
_BACKGROUND_BETTER = rx(r"^(?:(?:{BACKGROUND_BETTER_VERBS})\s+(?:the\s+|my\s+|this\s+|our\s+)?{BACKGROUND_NOUNS}"
                        r"|(?:make|get)\s+(?:the\s+|my\s+|this\s+|our\s+)?{BACKGROUND_NOUNS}\s+(?:look\s+)?"
                        r"(?:(?:a\s+)?(?:bit|little|lot|much)\s+)?(?:more\s+)?(?:{QUALITY_LOOKS}|prettier|cleaner)"
                        r"|(?:make|get)\s+(?:the\s+|my\s+|this\s+|our\s+)?{BACKGROUND_NOUNS}\s+(?:look\s+)?"
                        r"(?:(?:a\s+)?(?:bit|little|lot|much)\s+)?less\s+(?:{FAULT_TONES})(?:\s*/\s*[a-z-]+)*)"
                        r"(?:\s+(?:only|please|pls|etc|{STRENGTH_SMALL}|{STRENGTH_LARGE}|{STRENGTH_MOST}))*\s*[.!?]*$")
"""'correct the background', 'make the background prettier', 'get the backdrop less faded/flat': the background
as it is, made better (enhanced there)."""
_MATCH_ASK = rx(r"^(?:help\s+(?:me\s+)?|please\s+)?(?:colou?r\s*-?\s*)?match(?:es|ing)?\s+(?P<rest>.+)$")
_BLEND_ASK = rx(r"^(?:help\s+(?:me\s+)?|please\s+)?(?:make|get|help)\s+(?P<rest>.+?)\s+(?:look\s+(?:like\s+|as\s+if\s+)?"
                r"(?:(?:he|she|it|they|i|we|you)\s+)?(?:(?:truly|really|actually|more|better)\s+)*)?(?:{BLEND_WORDS})\b")
"""'match the lighting of the overlay with the background', 'make him blend in', 'make her face look like it belongs':
the thing named is corrected in its colour and exposure."""
_MATCHED = rx(r"\b(?:(?:with|to|into|in|of|and|for)\s+)?(?:(?:the|its|his|her|their|my|our|all)\s+)?"
              r"(?:{MATCHED_SURROUNDINGS}|{MATCHED_QUALITIES})\b(?:\s+(?:{MATCHED_QUALITIES})\b)?")
_BLEND_CUES = frozenset(words.split()[0] for words in BLEND_WORDS)
"""The first word of every blend shape ('match', 'blend', 'belongs' …): a clause with none skips the patterns."""
_OTHER_PHOTO = rx(r"\b(?:{OTHER_PHOTO_LEADS})\s+(?:[\w'-]+\s+){0,2}?(?:{PICTURE_NOUNS}|{PICTURE_MENTIONS}|photos|pictures"
                  r"|images|one|ones|set|series|batch)\b|\bmatch(?:es|ing)?\s+the\s+other\b")
_MATCH_TOPIC = rx(r"\b(?:{MATCHED_QUALITIES}|colou?r\s+scheme|palette|look|style|grading|edit|editing|feel)\b"
                  r"|\b(?:{PICTURE_NOUNS}|{PICTURE_MENTIONS}|photos|pictures|images|it|this|them|ones?)\s+(?:to\s+)?match")
OTHER_PHOTO_NOTE = ("(I can't see your other photo, so I can't match it — this corrects this photo's own colour cast and "
                    "exposure; to move it one way, say “warmer”, “brighter” or “more contrast”.)")
MATCHED_THING_WORDS = 5
"""A thing to match is named in a few words; more is a description of the job, and the whole photo is corrected."""
_PEOPLE_WORDS = {"me": "person", "myself": "person", "him": "person", "her": "person", "us": "people", "them": "people"}
"""Who 'make *him* blend in' is: a person (all the people for 'us', 'them')."""
MATCH_NOTE = "(I can't match light and colour to another part exactly — this corrects its own colour cast and exposure.)"
BACKGROUND_NOTE = "(To put a new background in, say “change the background to a beach”.)"
_FOR_ANOTHER_EDIT = rx(r"^(?:{ADD_VERBS}|{REMOVE_VERBS}|{TONE_VERBS}|{GEOMETRY_VERBS}|{CANVAS_ACTION_VERBS})\b.*\bto\s+"
                       r"(?:{ENHANCE_VERBS}|make|bring|get)\b")
"""'put two cats on the desk *to enhance the scene*', 'add birds *to bring it to life*': the enhance is why, not
what."""



def _tone_named(low: str) -> bool:
    """Whether the words name a tone's direction ('make it colourful'); praise after a look verb ('make this look really
    cool') names none."""
    return bool(_TONE_WORD.search(_PRAISED_LOOK.sub(" ", low)))


def shadows_lifted(low: str) -> bool:
    """Whether the words ask the photo's shadows to be made less ('reduce the shadows'): exposure, not a removal."""
    return bool(_SHADOWS_LIFTED.match(low))


def salvage_asked(low: str) -> bool:
    """Whether the words ask if the photo can be made better ('not sure whether the photo can be cleaned up'): an
    enhance, even though 'cleaned up' is also a removal's passive."""
    return bool(_SALVAGE_OF_PHOTO.search(low))


def shadow_on_a_part(low: str) -> bool:
    """Whether the words ask to take a shadow off a part of a person ('remove the shadow from his face'): an enhance,
    even when said as a removal."""
    m = _SHADOW_ON.search(low)
    return bool(m) and not _ADDING.match(low) and not (not _SHADE.fullmatch(m.group("light") or "")
                                                      and not _ON_SKIN.search(m.group("np")))


SHADOW_LIFT_NOTE = ("(A shadow on a person is light, not a thing: I brighten that part rather than paint the shadow "
                    "out — say “a bit brighter” or “much brighter” to change how much.)")
"""Said with a shadow lifted off a face: the labels and the editors both answered it with tone, never a fill that
would repaint the face."""


def _shadow_lifted(clause: Words) -> list[Step]:
    m = _SHADOW_ON.search(clause.low) if shadow_on_a_part(clause.low) else None
    target = parse_target(clause.slice(m.start("np"), m.end("np")), clause) if m else None
    if target is None or target.pronoun:
        return []
    light = m.group("light") or m.group("hue")
    if m.group("light") and _SHADE.fullmatch(light):    # a shadow on a face: that part brightened (tone round 20)
        parts = [parse_target(piece, clause) for piece in split_list(clause.slice(m.start("np"), m.end("np")))]
        parts = parts if len(parts) > 1 and all(t is not None and not t.pronoun for t in parts) else [target]
        amount = amount_said(clause.low)              # "their faces and necks": each part
        return [Step("adjust", [select(parts[0]), *(select(t, add=True) for t in parts[1:]),
                                adjust({"brightness": amount}, masked=True)],
                     f"brightening {' and '.join(t.describe() for t in parts)} ({amount:+g}) to lift the shadow there",
                     SHADOW_LIFT_NOTE, on_selection=target.pointed)]
    if m.group("light"):
        return [enhance_step(["exposure"], f"taming the shine on {target.describe()} — correcting the exposure there "
                             "by what I measure", masked=True, target=target)]
    if target.target in SKIN_PLACES and _UNEVEN_SKIN.fullmatch(light):      # "the redness on his cheeks": evened
        return [enhance_step(["even_skin"], _say(["even_skin"], "the skin"), masked=True, target=Target("skin", "skin"))]
    return [enhance_step(["white_balance"], f"taking the {light} out of {target.describe()} — correcting its colour cast "
                         "by what I measure", masked=True, target=target)]


_TONED_FOR_SIGHT = rx(r"(?:\b(?P<verb>{TONE_VERBS})\b|^(?P<making>make|get)\s+(?:it|this|that|everything|(?:the|this|my|our)\s+"
                      r"(?:{PICTURE_NOUNS}))\s+(?:(?:a\s+)?(?:little|bit|lot|touch|tad|much|slightly|way|even)\s+)*"
                      r"(?P<comp>{TONE_COMPARATIVES})\b).*?\s+(?P<why>(?:so|in\s+order\s+to|to\s+(?:make|help|let))\b.*\b"
                      r"(?:{VISIBLE_LOOKS}|{SEEN_WORDS}|{SEE_VERBS}|(?:{STAND_OUT_VERBS})\s+out|pops?)\b.*)$")
"""'brighten the faces *so they're more visible*', 'lighten the kids *so they can be seen*', 'make it darker *so the
lettering stands out*' (a comparative on the photo, tones25): the tone is the edit and being seen is what it is for —
the tone, read without the purpose (rules_tone), never an enhance; an enhance asked
for beside it ('enhance and brighten it so we can see them') stays."""


_SEEN_THING = rx(r"so\s+(?:that\s+)?(?P<np>(?!(?:i|we|you|u|they|he|she|it|one|people|everyone)\b)"
                 r"(?:(?!(?:and|or)\b)[a-z][\w'-]*\s+){0,3}?(?!(?:and|or)\b)[a-z][\w'-]*)\s+"
                 r"(?:is|are|will\s+be|can\s+be|could\s+be|looks?|becomes?)\s+(?:(?:a\s+bit|a\s+little|much)\s+)?"
                 r"(?:{VISIBLE_LOOKS}|seen|made\s+out|recogni[sz]ed)\b")
"""'… so *the boy* is more visible', '… so *his face* can be seen': the one thing the tone is for, as the subject of
the purpose ('so we can see …' names who looks, not what; 'so his face and hers …' is no one thing)."""


def _toned_for_sight(clause: Words, seen: re.Match[str], ctx: PlanningContext, settings: Settings) -> list[Step]:
    """The tone verb read without its purpose; when it names only the photo ('brighten this so the boy is more
    visible'), on the thing the purpose wants seen — never the whole photo for one boy."""
    lead = seen.start("verb") if seen.group("verb") else seen.start("making")
    steps = parse_adjust(clause.slice(lead, seen.start("why")).strip(), ctx, settings)
    thing = _SEEN_THING.match(clause.low, seen.start("why"))
    if thing is None or any(not isinstance(call, AdjustCall) for step in steps for call in step.calls):
        return steps                                # named a thing already, or no plain tone of the photo
    named = clause.low[thing.start('np'):thing.end('np')]
    said = f"make {named} {seen.group('comp')}" if seen.group("comp") else \
        f"{clause.low[seen.start('verb'):seen.end('verb')]} {named}"
    return parse_adjust(Words(said, said), ctx, settings) or steps


_SEEN_BY_SOMEONE = rx(r"\bso\s+(?:that\s+)?(?:i|we|you|u|one|people|everyone|they)\s+(?:can|could|will|would|are\s+able\s+to)\s+"
                      r"(?:actually\s+|clearly\s+|really\s+|finally\s+)?{SEE_VERBS}\s+"
                      r"(?P<np>(?!(?:{SEE_ASIDES}|it|this|that|anything|something)\b)(?:[\w'-]+\s+){0,3}?[\w'-]+)"
                      r"(?:\s+(?:{SEEN_BETTER}))?\s*[.!?]*$")
"""'retouch it so *we can see the fireworks better*': who looks, then the thing to be seen — what the enhance is for (not
'so we can see *what* happened', `SEE_ASIDES`)."""
_PEOPLE_SEEN = rx(r"\b(?:so\s+(?:that\s+)?(?P<who>i|we|he|she)\s+(?:am|are|is|will\s+be|can\s+be)"
                  r"|(?:make|get)\s+(?P<whom>me|us|him|her)(?:\s+(?:look|be))?)\s+"
                  r"(?:(?:a\s+bit|a\s+little|much)\s+)?(?:{VISIBLE_LOOKS}|seen)\b")
"""'edit it so *I am visible*', 'make *us* look more visible': the people are what is to be seen ('they' and 'them'
may be things, and are left to the words before)."""
_PLURAL_PEOPLE = frozenset({"we", "us", "everyone", "everybody"})
"""Who, said of the people to be seen, is more than one ('so *we* are visible', 'so you can see *everyone*')."""


def _people(said: str) -> Target:
    plural = said in _PLURAL_PEOPLE
    return Target("person", "people" if plural else "person", all=plural)


def _wanted_seen(clause: Words) -> Target | None:
    """The one thing (or the people) a whole-photo enhance is asked for so it can be seen — 'edit this photo so the
    comet is visible', 'so we can make out the fireworks', 'make us look more visible' — or None when the purpose names
    no one thing ('so we can see what happened', 'so it is visible')."""
    low = clause.low
    people = _PEOPLE_SEEN.search(low)
    if people:
        return _people(people.group("who") or people.group("whom"))
    thing = _SEEN_THING.search(low) or _SEEN_BY_SOMEONE.search(low)
    if thing is None:
        return None
    said = low[thing.start("np"):thing.end("np")].split()[0]
    if said in ("me", "us", "him", "her") or said in _PLURAL_PEOPLE:
        return _people(said)                        # "so you can see us (two) better", "… see everyone"
    target = parse_target(clause.slice(thing.start("np"), thing.end("np")), clause)
    if target is None or target.pronoun or target.target in IMAGE_WORDS or _GENERAL.search(target.target):
        return None
    return target


def _skin_tone_directed(low: str) -> bool:
    """'lighten her skin tone', 'make the boy's skin colour warmer': the skin's tone moved the way the words say — an
    adjust of the skin (rules_tone), never its cast measured; 'even out her skin tone', 'fix the skin tone' and a wish
    to enhance beside it ('brighten and touch up her skin tone') stay measured corrections."""
    return bool(_SKIN_TONE.search(low)) and _tone_named(low) and not _UNEVEN_SKIN.search(low) \
        and not _GENERAL.search(low)


_SKIN_CARE_FORMS = tuple(dict.fromkeys(form for verb in VERBS if verb.part == "fix" and "enhance" in (verb.action, verb.photo)
                                       for form in (verb.words, gerund(verb), participle(verb))))
"""'clean up', 'clear up', 'touch up', 'retouch', 'tidy up', 'improve' …: the verbs that make a photo better and fix a
part of a person — on the skin, they ask it cleared (none of them paints the skin out)."""
_BARE_SKIN = tuple(place for place in SKIN_PLACES if place not in FIXABLE_PARTS)
"""The skin itself and the places of a face that are only skin ('skin', 'complexion', 'cheeks', 'forehead'); a face,
a nose, an eye has a fix of its own (rules_edits)."""
_OWNED = r"(?:(?:the|his|her|their|my|our|your|its|[a-z]+(?:'s|s'))\s+)"
_SKIN_CARE_HEADS = tuple(dict.fromkeys(form[:-3] for form in _SKIN_CARE_FORMS if form.endswith(" up")))
"""'clean', 'tidied' …: a phrasal verb's first word, for 'clean her skin up'."""
_SKIN_RETOUCHED = re.compile(
    r"^(?:" + phrase_re(_SKIN_CARE_FORMS) + r"|(?P<head>" + phrase_re(_SKIN_CARE_HEADS) + r"))\s+(?P<np>" + _OWNED
    + r"?(?:[\w'-]+\s+)?" + phrase_re(_BARE_SKIN) + r"(?:\s+(?:on|of)\s+" + _OWNED + r"[\w'-]+)?)(?P<up>\s+up)?"
    r"(?:\s+(?:a\s+bit|a\s+little|please|pls|if\s+possible))*\s*[.!?]*$")
"""'clear up the skin on his face', 'clean her complexion up', 'touch up my cheeks a bit': the whole clause is the skin
cared for ('clear up the spots on her skin' names spots, a removal)."""


def skin_retouched(low: str) -> bool:
    """Whether the words ask a person's skin cleared or retouched ('clean up her skin') — a smoothing of the skin, never
    the skin painted out."""
    return _skin_retouched(low) is not None


def _skin_retouched(low: str) -> re.Match[str] | None:
    m = _SKIN_RETOUCHED.match(low)
    return m if m and (m.group("head") is None or m.group("up")) else None     # "clean her skin" alone: not this


_SURFACE_CLEANED = re.compile(
    r"^(?:" + phrase_re(_SKIN_CARE_FORMS) + r"|(?P<head>" + phrase_re(_SKIN_CARE_HEADS) + r"))\s+(?P<np>" + _OWNED
    + r"?(?:[\w'-]+\s+)?" + phrase_re(CLEANED_SURFACES) + r")(?P<up>\s+up)?"
    r"(?P<rest>(?:\s+(?:a\s+bit|a\s+little|please|pls|if\s+possible))*)\s*[.!?]*$")
"""'clean up the sky a little', 'tidy the lawn up', 'clean our chapel's roof': the whole clause is a broad surface made
clean (`CLEANED_SURFACES`)."""


def surface_cleaned(low: str) -> bool:
    """Whether the words ask a broad surface of the scene made clean ('clean up the sky') — an enhance of it, never the
    surface painted out."""
    return _SURFACE_CLEANED.match(low) is not None


def _surface_enhanced(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """'clean up the sky a little' read as 'enhance the sky a little': the surface measured and corrected there — the
    words ask it to look clean, and a fill would paint the sky itself out."""
    m = _SURFACE_CLEANED.match(clause.low)
    if m is None:
        return []
    said = f"enhance {clause.low[m.start('np'):m.end('np')]}{m.group('rest')}"
    return _enhance_steps(Words(said, said), ctx, settings)


def _skin_smoothed(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """'clear up his skin', 'retouch the skin on her cheeks': read as 'smooth …' (rules_tone's softening of the skin,
    whose reply says how to take spots out too) — the GIER editors and the labels answered these with tone, and a fill
    would repaint the skin."""
    m = _skin_retouched(clause.low)
    if m is None:
        return []
    said = f"smooth {clause.low[m.start('np'):m.end('np')]}{clause.low[m.end('up') if m.group('up') else m.end('np'):]}"
    return parse_adjust(Words(said, said), ctx, settings)


_SUNBURN = rx(r"\b{SUNBURN_WORDS}")
_SUNBURNT_PART = rx(r"\b(?:{SUNBURN_WORDS}\s+)?(?P<part>{SHADOWED_PARTS})\b")
_SUNBURN_WISHED = rx(r"^(?:{ADD_VERBS_INFLECTED}|give|make)\b(?!.*\b(?:less|not|no\s+longer|un)\b)")
"""'give him a sunburn', 'make her look sunburnt': a sunburn asked for, not one to take down."""
SUNBURN_NOTE = "(I can't repaint burnt skin, only cool it — say “a bit more” or “a lot” to change how much.)"


def sunburnt(low: str) -> bool:
    """Whether the words are about a sunburn on a person to take down ('fix his sunburnt face', 'remove the sunburn from
    her nose', 'she's sunburnt'): the part's warmth turned down, even said as a fix or a removal."""
    return "burn" in low and bool(_SUNBURN.search(low)) and not _SUNBURN_WISHED.match(low)


def _sunburn_cooled(clause: Words) -> list[Step]:
    """The sunburnt part — the one named, else the skin — cooled by the amount said: the labels read a sunburn as a
    tone of the face, and the face's fix (an inpaint) would repaint it."""
    if not sunburnt(clause.low):
        return []
    m = _SUNBURNT_PART.search(clause.low)
    target = parse_target(clause.slice(m.start("part"), m.end("part")), clause) if m else None
    if target is None or target.pronoun:
        target = Target("skin", "skin")
    amount = amount_said(clause.low)
    return [Step("adjust", [select(target), adjust({"warmth": -amount}, masked=True)],
                 f"cooling {target.describe()} ({-amount:+g}) to take the sunburn's red down", SUNBURN_NOTE)]


def _too_written_to(clause: Words) -> list[Step]:
    """'face to bright': the exposure of the thing named, measured (of the photo when it names the photo)."""
    m = _TO_FOR_TOO.match(clause.low)
    if not m:
        return []
    target = parse_target(clause.slice(m.start("np"), m.end("np")), clause)
    if target is None or target.pronoun or target.target in IMAGE_WORDS:
        return [enhance_step(["exposure"], _say(["exposure"]))]
    return [enhance_step(["exposure"], _say(["exposure"], target.describe()), masked=True, target=target)]


def _blend_in(clause: Words) -> list[Step]:
    """'match the lighting', 'make him blend in better': the colour and exposure of the thing named (of the photo when
    none is), measured — with a note that nothing matches it to the rest exactly."""
    if not any(cue in clause.low for cue in _BLEND_CUES):
        return []
    if "match" in clause.low and _OTHER_PHOTO.search(clause.low) and _MATCH_TOPIC.search(clause.low) \
            and not _TONE_WORD.search(clause.low):    # ("the contrast adjusted to match the other" names its property)
        parts = ["white_balance", "exposure"]           # "match the colours to my other photo": never seen here
        return [enhance_step(parts, _say(parts), note=OTHER_PHOTO_NOTE)]
    m = _MATCH_ASK.match(clause.low) or _BLEND_ASK.match(clause.low)
    if not m or _MATCH_ASK.match(clause.low) and not _MATCHED.search(m.group("rest")):
        return []                                       # "match my shoes": no light or colour asked for
    rest = clause.slice(m.start("rest"), m.end("rest"))
    for found in reversed(list(_MATCHED.finditer(rest.low))):
        rest = rest.blank(found.start(), found.end())
    rest = rest.squeeze()
    if len(rest.low.split()) > MATCHED_THING_WORDS:       # "match all line colours, edges to make …": no one thing
        rest = Words("", "")
    if rest.low.endswith(("'s", "s'")):                 # "match the dog's lighting": the dog
        rest = rest.slice(0, len(rest.low) - 2).squeeze()
    person = _PEOPLE_WORDS.get(rest.low)                # "make *him* blend in": the person
    target = Target("person", person, all=person == "people") if person \
        else parse_target(rest, clause) if re.search(r"[a-z]{2,}", rest.low) else None
    parts = ["white_balance", "exposure"]
    if target is None or target.target in IMAGE_WORDS:
        return [enhance_step(parts, _say(parts), note=MATCH_NOTE)]
    if target.pronoun:
        return []
    return [enhance_step(parts, _say(parts, target.describe()), masked=True, note=MATCH_NOTE, target=target)]


def casts_colour(low: str) -> bool:
    """'the pink tint', 'the yellow coloration', 'the colour cast': a colour the whole photo leans to, not a thing to take
    out ('the cast on his arm' stays a thing)."""
    return bool(_CAST_NAMED.match(low))


def enhance_step(parts: list[str] | None, say: str, *, strength: float | None = None, masked: bool = False,
                 keep_all: bool = False, note: str = "", target=None, also: tuple = (), area: dict | None = None) -> Step:
    """One enhance (after a select when `target` names what to enhance, and one more for each of `also`; after a
    region when `area` names a strip of the photo instead), as a Step."""
    call = EnhanceCall(args=EnhanceArgs(parts=parts, strength=strength, masked=masked, keep_all=keep_all))
    calls = [region(area), call] if area is not None \
        else [select(target), *(select(other, add=True) for other in also), call] if target is not None else [call]
    return Step("enhance", calls, say + _how_strong(strength), note, on_selection=target is not None and target.pointed)


def _how_strong(strength: float | None) -> str:
    if strength is None or strength == 1.0:
        return ""
    return " (a little)" if strength < 1.0 else " (strongly)" if strength < 2.0 else " (as strongly as I can)"


class _Unusable(Exception):
    """A strength the contract can't take; the message is the question back."""


def strength_of(low: str) -> float | None:
    """The strength the words give: a number ("by 30 %"), else "a little" 0.5, "a lot" 1.5, "as much as
    possible" 2; None when they give none (the policy's 1.0, the measured correction)."""
    m = _BY.search(low)
    if m:
        value = to_number(m.group("n"))
        said = " ".join(m.group("n").split()) + ("%" if m.group("pct") else "")
        if value is None:
            raise _Unusable(f"I couldn't read the amount in “{said}”.")
        value = value / 100 if m.group("pct") or value > 2 else value
        if not within(value, EnhanceArgs, "strength") or value <= 0:
            _, high = field_bounds(EnhanceArgs, "strength")
            raise _Unusable(f"Enhance strength is a share of the measured correction, above 0 % and at most "
                            f"{shown(high * 100)} % (100 % is what I measure); {said} is outside that — how strong "
                            "should it be?")
        return round(value, 3)
    if _MOST.search(low):
        return 2.0
    if _LARGE.search(low):
        return 1.5
    if _SMALL.search(low):
        return 0.5
    return None


def _parts(low: str) -> tuple[list[str] | None, list[tuple[int, int]], bool]:
    """(parts — None for auto —, the spans that said so, whether the words named a part at all)."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    listed = _TOPIC_LIST.search(low) if _LIST_FRAME.search(low) and not _TOPICS_ONLY.match(low) else None
    if listed and _DIRECTED.search(low, listed.start(), listed.end() + DIRECTION_REACH):
        listed = None                                            # "… colour and contrast turned up": a direction
    group = next(name for name in ("list", "list2", "list3") if listed.group(name)) if listed else ""
    if listed and _MEASURED_TOPIC.search(listed.group(group)):   # "fix the exposure and the colours": each topic counts
        for m in _ONE_TOPIC.finditer(low, listed.start(group), listed.end(group)):
            parts.extend(TOPIC_PARTS[" ".join(m.group("topic").split())])
        spans.extend([listed.span(), *(m.span() for pattern in (_LIST_FRAME, _GENERAL) for m in pattern.finditer(low))])
    for m in [*_DIAGNOSIS.finditer(low), *_STATE.finditer(low)]:
        what = m.group("what")
        if set(re.findall(r"[a-z]+", what)) - {"and", "or"} <= set(PRAISE_ONLY_CASTS) and not _TOO.search(m.group(0)):
            continue                                # "edit it so it looks cool": praise, no cast (cond16)
        if _CAST.search(what):
            parts.append("white_balance")
        if _DARKNESS.search(what):
            parts.append("exposure")
        spans.append(m.span())
    for pattern, named in ((_COLOUR_CORRECT, COLOUR_PARTS), (_WHITE_BALANCE, ["white_balance"]),
                           (_EXPOSED, ["exposure"]), (_FIX_EXPOSURE, ["exposure"]), (_LIGHTING_BAD, ["exposure"]),
                           (_LOCAL, POP_PARTS),
                           (_FIX_SHARPNESS, ["sharpen"]),
                           (_POP, POP_PARTS), (_ADD_LIFE, POP_PARTS), (_LIVENED, POP_PARTS)):
        for m in pattern.finditer(low):
            parts.extend(named)
            skin = _SKIN.match(low, m.start())        # "her skin tone": the skin is what is corrected
            on = _ON_A_THING.match(low, m.end())      # "lift the shadows (on) his face": the face
            spans.append((skin.end() if skin else m.start(), on.end("on") if on else m.end()))
    for m in _LOOK_GIVEN_TO.finditer(low):          # "give (the sky) more drama": all but the thing
        parts.extend(POP_PARTS)
        spans.extend([(m.start(), m.start("np")), (m.end("np"), m.end())])
    if parts:                                       # "too dark and grainy": the condition is part of the diagnosis
        for pattern, part in _CONDITION_PARTS:
            for m in pattern.finditer(low):
                parts.append(part)
                spans.append(m.span())
    topics = _TOPICS_ONLY.match(low) if not parts else None
    if topics:
        named = topics.group("topics")
        parts.extend(COLOUR_PARTS if _COLOUR_TOPIC.search(named) else ["exposure"])
        spans.append(topics.span())
    for m in _DE_CAST.finditer(low):
        parts.append("white_balance")
        spans.append(m.span())
    for m in _LESS_CAST.finditer(low):
        if not _TONE_WORD.fullmatch(m.group(0)):       # "less orange" is a warmth: rules_tone
            parts.append("white_balance")
            spans.append(m.span())
    whole_only = False
    for m in _FLASH.finditer(low):                  # "they used a flash": the whole photo's exposure
        parts.append("exposure")
        spans.append(m.span())
        whole_only = True
    for m in _CAST_NOUN.finditer(low):
        parts.append("white_balance")
        on = _ON_A_THING.match(low, m.end())                  # "the pink tint (on the sky)"
        spans.append((m.start(), on.end("on") if on else m.end()))
        whole_only = not on
    if parts:
        return list(dict.fromkeys(parts)), spans, not whole_only
    for pattern in (_VERB_ON_PICTURE, _GENERAL) if _tone_named(low) else (_VERB_ON_PICTURE, _GENERAL, _ON_PHOTO):
        for m in pattern.finditer(low):
            spans.append(m.span())
    for pattern in () if _TONE_WORD.search(low) else _SEE_BETTER:    # all but the thing: "… so *we can see* the kids
        for m in pattern.finditer(low):                                # *better*" ("brighten it so …" says how)
            spans.extend([(0, m.start("what")), (m.end("what"), m.end())])
    return None, spans, False


def _stem(word: str) -> str:
    return word[:5]


def _cue_stems(*phrases: str) -> frozenset[str]:
    """A stem of each phrase that any enhance shape needs — its first word that is not a function word ('look *better*',
    'do *something* with'), all of it when it has no other — so a clause with none of them can't be an enhance."""
    stems = set()
    for phrase in phrases:
        words = re.findall(r"[a-z]+", phrase.replace("*", ""))
        content = [word for word in words if word not in FUNCTION_WORDS]
        stems.update(_stem(word) for word in (content[:1] or words))
    return frozenset(stems)


_CUE_STEMS = _cue_stems(
    *ENHANCE_VERBS, *ENHANCE_NAMES, *LOOK_BETTER, *QUALITY_LOOKS, *PRO_TAKEN, *SALVAGE_QUESTIONS, *WHITE_BALANCE_WORDS,
    *CAST_COLOURS, *CAST_NOUNS, *CAST_NESS, *EXPOSURE_DIAGNOSES, *EXPOSURE_WORDS, *LOCAL_CONTRAST_WORDS, *SHARPNESS_NOUNS,
    *SEEN_WORDS, *FLASH_COMPLAINTS, *EXPOSURE_FIX_VERBS,
    *ADDED_LOOKS, *LIVENING_VERBS, *UNSEEN_LEADS, *WORTHY_WORDS, "colour correct", "color correct", "exposed", "blown", "lit", "into focus",
    "pop", "pops", "stand", "bring out")
"""Every enhance shape has one of these stems (the first five letters of a word); the costly patterns run only on a
clause that has one."""


def _may_enhance(low: str) -> bool:
    return any(_stem(word) in _CUE_STEMS for word in re.findall(r"[a-z]+", low))


_FAULT_WORDS = tuple(sorted(FAULT_FIXES, key=len, reverse=True))
_FAULT_DEGREE = r"(?P<degree>(?:(?:{DEGREE_WORDS})\s+)*)"
"""How much a fault is said ('*way too* dark', '*a bit* flat'): an amount or an intensifier, any number of them."""
_FAULT = (r"(?:(?P<fault>" + "|".join(map(re.escape, _FAULT_WORDS)) + r")|not\s+(?P<short>"
          + "|".join(map(re.escape, FAULTS_NOT_ENOUGH)) + r")\s+enough)")
_FAULT_SAID = rx(r"(?:(?:and|but|also|plus|while)\s+)?(?P<np>(?:(?:the|my|our|his|her|their|your|this|its)\s+)?"
                 r"[a-z'-]+(?:\s+[a-z'-]+){0,2}?)\s+(?P<be>(?:{STATE_SAID})\s+)?" + _FAULT_DEGREE + _FAULT)
"""One fault of a critique: a thing, 'is' (or nothing but 'too': 'faces too dark'), a degree and the fault."""
_FAULT_ALONE = rx(r"(?:(?:and|but|also|plus)\s+)?(?P<be>(?:(?:{STATE_SAID})\s+)?(?:also\s+)?)" + _FAULT_DEGREE + _FAULT)
"""A later fault of the same thing, said without it ('the lawn is too dark *and a bit dull*')."""
_THE_PHOTO = rx(r"it|(?:the\s+|this\s+|my\s+)?(?:{IMAGE_WORDS})")
_BACKGROUND_NAMED = rx(r"(?:the\s+|this\s+|my\s+)?(?:{BACKGROUND_NOUNS})")
_FAULT_HEADS = frozenset({fault.split()[-1] for fault in FAULT_FIXES} | {"enough"})
"""The last word of every fault: a clause holding none is no critique, and the fault patterns never run on it."""
_FAULT_PIECES = re.compile(r"\s*(?:[,;]\s*(?:and\s+|but\s+)?|\s+(?:and|but|while|plus)\s+)")
_SMALL_SAID = rx(r"\b(?:{SMALL_AMOUNTS})\b")
_LARGE_SAID = rx(r"\b(?:{LARGE_AMOUNTS})\b")


def _names_a_fault(low: str) -> bool:
    return not _FAULT_HEADS.isdisjoint(re.findall(r"[a-z-]+", low))


def several_faults(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """'the subject is too dark, the background is busy and the colours are dull': a critique that lists several faults
    is one correction per fault, in the order said — each planned as its command would be ('brighten the subject',
    'blur the background', 'make the colours more vivid'; `FAULT_FIXES`). Only when every piece is a fault: [] when
    one is anything else, so a single fault or a fault beside a command stays with the handlers that read it."""
    if not _names_a_fault(clause.low):
        return []
    from retouch.agent.planner.rules_handlers import dispatch      # late: the handler table imports this module

    pieces = [piece for piece in _FAULT_PIECES.split(clause.low.strip(" .!?")) if piece]
    if len(pieces) < 2:
        return []
    faults = [_FAULT_SAID.fullmatch(piece.strip()) for piece in pieces]
    faults[1:] = [_FAULT_ALONE.fullmatch(piece.strip()) or m for m, piece in zip(faults[1:], pieces[1:])]
    if not all(faults) or not all(m.group("be") or "too" in m.group("degree").split() or m.group("short")
                                  or "np" not in m.groupdict() for m in faults):
        return []                                   # "dark background" describes; "faces too dark" is a fault
    named = {FAULT_PRONOUNS.get(m.group("np"), m.group("np")) for m in faults if "np" in m.groupdict()}
    if len(named) == 1 and _THE_PHOTO.fullmatch(named.pop()):
        return []                                   # "it's too dark and blurry": one enhance measures the photo
    steps: list[Step] = []
    np = ""
    for m in faults:
        np = m.group("np") if "np" in m.groupdict() else np
        thing = FAULT_PRONOUNS.get(np, np)
        fix = FAULTS_NOT_ENOUGH[m.group("short")] if m.group("short") else FAULT_FIXES[m.group("fault")]
        command = fix.format(thing) + _amount_words(m.group("degree"))
        fixed = dispatch(Words(command, command), ctx, settings)
        if not fixed or any(step.action == "ask" for step in fixed):
            return []                               # a fault no command reads: the handlers read the whole critique
        if not (steps and len(fixed) == 1 and _joined_adjust(steps[-1], fixed[0])):
            steps += fixed
    return steps


def _amount_words(degree: str) -> str:
    """The amount a fault's degree asks of its correction, in words the tone reader takes: 'a bit dark' → ' a bit',
    'way too dark' → ' a lot', 'too dark' → ''."""
    small = _SMALL_SAID.search(degree)
    return f" {small.group(0)}" if small else " a lot" if _LARGE_SAID.search(degree) else ""


def _joined_adjust(prev: Step, step: Step) -> bool:
    """'the lawn is too dark and a bit dull': two tones of one thing are one adjust there (prev takes step's amounts)."""
    if not (prev.action == step.action == "adjust" and isinstance(prev.calls[-1], AdjustCall)
            and isinstance(step.calls[-1], AdjustCall)
            and [c.model_dump() for c in prev.calls[:-1]] == [c.model_dump() for c in step.calls[:-1]]):
        return False
    a, b = prev.calls[-1].args, step.calls[-1].args
    if any(getattr(a, name) is not None and getattr(b, name) is not None
           for name in ADJUST_AMOUNTS):
        return False                                # the same property twice: both said, as said
    for name in ADJUST_AMOUNTS:
        if getattr(b, name) is not None:
            setattr(a, name, getattr(b, name))
    prev.say = f"{prev.say} and {step.say}"
    return True


_TOO_MUCH_COLOUR = rx(r"^(?:(?:it'?s|its|this\s+is|there'?s|there\s+is)\s+)?" + _FAULT_DEGREE + r"too\s+much\s+"
                      r"(?P<c>{CAST_COLOURS})(?:\s+(?:on|in)\s+(?P<np>(?:the|his|her|their|my|our|this)\s+[a-z'-]+))?\s*$")
"""'way too much yellow', 'too much red on her face': the cast said as an amount — the photo's (the thing's) cast."""
_BARE_TOO = rx(r"^(?!(?:{NOUN_OPENERS}|it|this|that|she|he|they|i|we|everything)\b)(?P<np>[a-z'-]+(?:\s+(?!(?:{DEGREE_WORDS})\b)[a-z'-]+)?)\s+"
               r"(?P<too>" + _FAULT_DEGREE + r"[a-z-]+)\s*$")
"""'faces too red', 'sky too grey': a thing and its fault with no verb and no determiner."""
_LACKING = rx(r"^(?:(?:it|this|the\s+(?:{PICTURE_NOUNS}))\s+)?(?:lacks|lack|lacking|is\s+lacking|has\s+no)\s+"
              r"(?P<p>{LACKED_PROPERTIES})\s*$")
"""'lacks colour', 'lacking contrast': more of it."""


def _complaint_said_bare(low: str) -> str | None:
    """A tone complaint said with no verb, in the words the other readings take ('faces too red' → 'the faces look too
    red', 'way too much yellow' → 'it looks way too yellow', 'lacks colour' → 'it needs more colour'); None for any
    other words."""
    if "too" not in low and "lack" not in low and "has no" not in low:
        return None
    low = low.strip(" .!?")
    m = _TOO_MUCH_COLOUR.match(low)
    if m:
        return f"{m.group('np') or 'it'} looks too {m.group('c')}"
    m = _BARE_TOO.match(low)
    if m and "too" in m.group("degree").split():
        return f"the {m.group('np')} look {m.group('too')}"
    m = _LACKING.match(low)
    return f"it needs more {m.group('p')}" if m else None


def _one_fault(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """'it looks a bit lifeless', 'the colours look muddy': one fault no tone word names, corrected as its command
    would be (`FAULT_FIXES`); [] for any other words — a tone word's fault ('it looks too flat') is the tone reader's."""
    if not _names_a_fault(clause.low):
        return []
    from retouch.agent.planner.rules_handlers import dispatch      # late: the handler table imports this module

    m = _FAULT_SAID.fullmatch(clause.low.strip(" .!?"))
    if not m or not m.group("be") or _TONE_WORD.search(clause.low) or m.group("short"):
        return []
    np = m.group("np")
    if not ("more vivid" in FAULT_FIXES[m.group("fault")]
            or m.group("fault") in BUSY_LOOKS and _BACKGROUND_NAMED.fullmatch(np)):
        return []                                   # "my hair is messy", "the photo is blurry": other readings'

    command = FAULT_FIXES[m.group("fault")].format(FAULT_PRONOUNS.get(np, np)) + _amount_words(m.group("degree"))
    steps = dispatch(Words(command, command), ctx, settings)
    return [] if any(step.action == "ask" for step in steps) else steps


_WISHED_NOT_SO = rx(r"(?:\bnot|\b(?:is|are|was|were)n'?t)\s+(?:so|as|that)\s+(?:{PRAISE_TONE})\b(?!\s+enough\b)")
"""'edit it so his shirt *isn't so bright*', 'make the hedges *not so dark*': a direction wished by its negation — a
tone on the thing (`rules_tone`), never a measurement ('it's too bright' states a fault; the measure decides how far;
'more visible and not so dark' asks the thing seen, the enhance's)."""

_NOT_SO_SAID_OF = rx(r"(?P<np>\b(?:{OWNER_WORDS}|[a-z]+'s)\s+(?:[\w'-]+\s+){0,2}?[\w'-]+)\s+(?:is|are|was|were)(?:n'?t|\s+not)\s+"
                     r"(?:so|as|that)\s+(?:{PRAISE_TONE})\b")
"""'fix it to where *the lamp isn't as bright* and the cat looks calm': the thing the negation is said of, and no
more."""
_SEEN_MORE = rx(r"\b{VISIBLE_LOOKS}\b")


def _wished_not_so(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """The tone's own reading of a direction wished by negation, when it lands on a thing (a selection or a strip);
    [] when it names none, so the photo's exposure stays measured ('make it not so dark')."""
    wished = _WISHED_NOT_SO.search(clause.low)
    if wished is None or _SEEN_MORE.search(clause.low):
        return []                                   # "make the twins more visible and not so dark": the enhance
    subject = _NOT_SO_SAID_OF.search(clause.low)
    if subject:                                     # "fix it to where *the lamp isn't as bright* and …": the thing,
        #                                             and how much when the rest says it ("…, just a little")
        end = len(clause.low) if amount_said(clause.low[subject.end():]) != DEFAULT_AMOUNT else subject.end()
        clause = clause.slice(subject.start("np"), end)
    steps = parse_adjust(clause, ctx, settings)
    return steps if len(steps) == 1 and steps[0].action == "adjust" and len(steps[0].calls) > 1 else []


_AGE_UNDONE = rx(r"\b(?:and|&)\s+(?:(?:maybe|perhaps|also|even|a\s+bit|a\s+little|look|looking)\s+)*(?:{AGE_UNDONE_LOOKS})\b")
"""'crisper *and a bit newer*': an age look joined to a tone (not 'lighten it so it feels more modern', the tone's
purpose)."""


def _tone_and_newer(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """'make it look sharper and *newer*', 'brighter and less old': the tone said, then the photo enhanced for its age —
    the tone reader takes a quality look for praise and would drop it."""
    if _AGE_UNDONE.search(clause.low) is None:
        return []
    steps = parse_adjust(clause, ctx, settings)
    if not steps or any(step.action != "adjust" for step in steps):
        return []
    return [*steps, enhance_step(None, _say(None))]


_PHOTO_FAULT = (r"(?:the\s+|its\s+)?(?:overall\s+)?(?P<prop>{PROPERTY_NOUNS}|light)\s+(?:is|are|was|were|looks?|seems?)"
                r"\s+(?P<degree>(?:a\s+bit|a\s+little|kind\s+of|just|really|very|so|all|quite)\s+)?(?:{WRONG_LOOKS})\b"
                r"(?:\s+(?:too|as\s+well|please|pls))?\s*[.!?]*")
_PHOTO_FAULT_ALONE = rx(r"^(?:(?:and|but|plus|also)\s+)*(?P<fault>" + _PHOTO_FAULT + r")$")
_PHOTO_FAULT_AFTER = rx(r"(?P<glue>\s*,?\s*(?:(?:and|but|plus|also)\s+)+|\s*[,;]\s*)" + _PHOTO_FAULT + r"$")
"""'my son has a cut on his chin *and the lighting is off*', '… *but the colours are weird*': the photo's light or colour
at fault, said after something else — the photo's measured correction, never one on the person the sentence named
first (issue 20, tonewords23). 'The *light* is all wrong' is the photo's light too, though `PROPERTY_NOUNS` leaves
'light' out (elsewhere a lamp's light is a thing)."""


def photo_fault_said(low: str) -> bool:
    """Whether the words only say the photo's light or colour is at fault ('and the lighting is off')."""
    return bool(_PHOTO_FAULT_ALONE.match(low))


def photo_fault_steps(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """The photo's measured correction when the words only say its light or colour is at fault ('and the colours are a
    bit off' — how much it is off is for the measure to say), even where a removal's list holds them (rules_remove);
    [] otherwise."""
    m = _PHOTO_FAULT_ALONE.match(clause.low)
    if m is None:
        return []
    part = PART_PROPERTIES.get(m.group("prop"))
    if part is not None:                           # "the contrast looks a little wrong": the contrast, measured
        return [enhance_step([part], _say([part]))]
    fault = clause.slice(m.start("fault"), m.end("fault"))
    if m.group("degree"):
        fault = fault.blank(m.start("degree") - m.start("fault"), m.end("degree") - m.start("fault")).squeeze()
    steps = _enhance_steps(fault, ctx, settings)
    return steps if steps and all(_whole_photo_enhance(step) for step in steps) else []


def _whole_photo_enhance(step: Step) -> bool:
    return step.action == "enhance" and not any(isinstance(call, EnhanceCall) and call.args.masked for call in step.calls)


def _photo_fault_after(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """What the words before a fault of the photo's light or colour ask (planned as a clause of their own, a fault stated
    there as its fix — 'my girl has a scratch on her cheek' — `stated_fault`; said as left
    out when nothing reads them and they are no story), then the photo's measured correction of that fault; [] when no such fault closes
    the clause."""
    m = _PHOTO_FAULT_AFTER.search(clause.low)
    if m is None or not clause.low[:m.start()].strip():
        return []
    fault = photo_fault_steps(clause.slice(m.end("glue"), len(clause.low)), ctx, settings)
    if not fault:
        return []
    from retouch.agent.planner.rules_handlers import dispatch      # late: the table imports this module
    from retouch.agent.planner.rules_story import is_story
    before = clause.slice(0, m.start()).strip()
    steps = [step for step in dispatch(stated_fault(before) or before, ctx, settings) if step.calls]
    if steps and all(_whole_photo_enhance(step) for step in steps):
        return []                                   # "the colours are weird and the lighting is off": one reading
    if not steps and not is_story(before.low):     # "there is a dog on the left": told, nothing asked
        left_out(fault[-1], before.orig)
    return [*steps, *fault]


_WHOLE_PHOTO_SAID = r"(?:(?:the|this|that|my|our)\s+(?:(?:whole|entire|full|overall)\s+)?(?:{PICTURE_NOUNS}))"
_TONE_AMOUNT = r"(?:(?:a\s+)?(?:little|bit|lot|touch|tad|much|slightly|way|even|just)\s+)*"
_TONE_IS_THE_EDIT = rx(r"^(?:edit|fix|change|adjust|alter|photoshop|retouch)\s+(?:it|this|that|" + _WHOLE_PHOTO_SAID + r")\s+"
                      r"(?:so\s+(?:that\s+)?|to\s+(?:make|get)\s+)(?P<rest>.*\b(?:{TONE_COMPARATIVES})\b.*)$"
                      r"|^(?:make|get)\s+(?:it|this|that|everything|" + _WHOLE_PHOTO_SAID + r")\s+"
                      + _TONE_AMOUNT + r"(?:{TONE_COMPARATIVES})\s*,?\s+"
                      r"so\s+(?:that\s+)?(?:it|its|it's|they|they're|the|his|her|their|our|my)\s"
                      r"|^(?:{TONE_VERBS})(?:\s+up)?\s+(?:it|this|everything|" + _WHOLE_PHOTO_SAID
                      + r")\s+" + _TONE_AMOUNT + r",?\s*(?:so\s+(?:that\s+)?(?:it|its|it's|they|they're|everything)\s"
                      r"|so\s+(?:that\s+)?(?:the|his|her|their|our|my)\s+[a-z'-]+\s+(?:is|are|looks?|stands?|shows?|pops?)\b"
                      r"|to\s+(?:make|get|help)\s+(?:it|this|everything)\s)")
"""'edit this photo so the porch is brighter', 'fix the picture to make it darker', 'make it darker so the sky pops',
'make the photo brighter so it looks nicer' (tones25), 'lighten this entire image so that the backdrop is white',
'darken the entire frame to make it appear more natural' (tone27): the tone is the edit — after 'so' or 'to make' the one
asked for, before 'so' the one the purpose is for — never a measured enhance in its place (the tone row reads it:
`rules_tone._IT_SO`, `rules_tone._PURPOSE_TAIL`) — nor a purpose's 'the background is white' a new background. The
third form is any tone verb on the whole photo before a purpose about the photo or one thing in it ('sharpen the photo
so it reads better' sharpens); a purpose naming more ('… so his face and hers show') stays with the rows after."""


_TONED_FADED_PHOTO = rx(r"^[a-z]+(?:\s+(?:up|down))?\s+(?:this|the|my|our|that|an?)\s+(?:old\s+)?(?P<faded>faded)\s+"
                       r"(?:old\s+)?(?:{PICTURE_NOUNS})s?\b")
"""'brighten this faded photo', 'warm up the faded old snapshot': a tone asked of a photo said faded — the tone, then
the fading corrected; 'faded' describes the photo, it never swallows the verb (issue 20, asides29)."""


def _tone_on_a_faded_photo(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """The tone asked of a photo called faded, and the faded colours brought back after it ([] when no tone is asked:
    'restore this faded photo' is the fading alone)."""
    faded = _TONED_FADED_PHOTO.match(clause.low)
    if not faded:
        return []
    toned = parse_adjust(clause.blank(faded.start("faded"), faded.end("faded")), ctx, settings)
    if len(toned) != 1 or toned[0].action != "adjust" or not toned[0].calls:
        return []
    return [toned[0], enhance_step(COLOUR_PARTS, "bringing back the faded colours — correcting the colour and tone by "
                                                 "what I measure")]


def parse_enhance(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """An enhance the words ask for ([] if none); an exposure said to be too dark or too bright carries that reading
    (`felt`), so the exposure moves the way the user sees it, whatever it measures. A critique listing several faults
    is one correction per fault (`several_faults`); a direction wished by negation on a thing is its tone
    (`_wished_not_so`)."""
    faded = _tone_on_a_faded_photo(clause, ctx, settings)
    if faded:
        return faded
    if _TONE_IS_THE_EDIT.match(clause.low) and not _ENHANCE_ASKED.search(clause.low, clause.low.find(" ")) \
            and not _SEEN_THING.search(clause.low):  # (a thing to be seen gets the tone: `_toned_for_sight`)
        toned = parse_adjust(clause, ctx, settings)
        if toned:                                   # read here, before a later row takes the purpose for the edit
            return toned
    wished = _skin_smoothed(clause, ctx, settings) or _surface_enhanced(clause, ctx, settings) or _sunburn_cooled(clause) or _wished_not_so(clause, ctx, settings) \
        or _tone_and_newer(clause, ctx, settings) or _photo_fault_after(clause, ctx, settings) \
        or photo_fault_steps(clause, ctx, settings)
    if wished:
        return wished
    faults = several_faults(clause, ctx, settings)
    if faults:
        return faults
    steps = _enhance_steps(clause, ctx, settings)
    if not steps:
        bare = _complaint_said_bare(clause.low)
        if bare:                                    # "faces too red": read as "the faces look too red"
            from retouch.agent.planner.rules_handlers import dispatch      # late: the table imports this module
            return dispatch(Words(bare, bare), ctx, settings)
        return _one_fault(clause, ctx, settings)
    felt = felt_readings(clause.low) if steps else []
    return [with_felt(step, felt) for step in steps] if felt else steps


def felt_readings(low: str) -> list[str]:
    """'it's too dark' → ['too_dark'], 'it came out dark and orange' → ['too_dark', 'too_warm']: the user's own
    reading of the photo, from the diagnoses and casts the words name (`tools.settings.Felt`). A look wished ('to
    look bright') is none; a reading said both ways ('too dark in the trees and blown out in the sky') is left to
    the measure."""
    said = [low[m.end("np"):] for m in _TO_FOR_TOO.finditer(low)]      # 'face to bright': not the thing's own words
    for pattern in (_DIAGNOSIS, _STATE, _EXPOSED, _CAST_NOUN, _DE_CAST, _LESS_CAST):
        for m in pattern.finditer(low):
            what = m.group("what") if pattern in (_DIAGNOSIS, _STATE) else m.group(0)
            if _WISHED_BEFORE.search(low, 0, m.start()) or pattern is _DIAGNOSIS and \
                    what.strip() in _PRAISE_CASTS and not _TOO.search(m.group(0)):
                continue
            said.append(what)
    text = " ".join(said)
    readings = []
    for reading, opposite in OPPOSITE_FELT.items():
        one, two = bool(_FELT_WORDS[reading].search(text)), bool(_FELT_WORDS[opposite].search(text))
        if one != two:
            readings.append(reading if one else opposite)
    return readings


def with_felt(step: Step, felt: list[str]) -> Step:
    """The step with its enhance reading `felt`, each reading kept where the enhance looks at its part."""
    for i, call in enumerate(step.calls):
        if not isinstance(call, EnhanceCall):
            continue
        parts = call.args.parts
        kept = [reading for reading in felt
                if parts is None or ("exposure" if reading in EXPOSURE_FELT else "white_balance") in parts]
        if kept:
            step.calls[i] = EnhanceCall(args=EnhanceArgs(**{**call.args.model_dump(), "felt": kept}))
    return step


def _enhance_steps(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    low = clause.low
    sided = _side_coloured(clause, ctx) if " the " in f" {low} " else []
    if sided:                                       # "make the top more pink": a side washed with it (tone26)
        return sided
    wanted = _CAST_WANTED.search(low)
    if wanted:                                      # "give it a red tint": a warmth asked for (a green one: asked)
        return [_tint_of(wanted.group("hue"), wanted.group("size") or "", low, ctx)]
    more = _CAST_STRENGTHENED.search(low)
    if more:                                        # "increase the yellow tone": more of a cast, the same tint
        return [_tint_of(more.group("hue"), more.group("size") or "", low, ctx)]
    if _WHOLE_COLOUR_CHANGED.match(low):           # "change the picture colour": to which?
        return [ask(WHICH_COLOUR)]
    turned = _WHOLE_TURNED.search(low)
    if turned and _turns_whole_photo(turned, ctx):  # "turn it all purple": the same tint, said of the whole photo
        if turned.group("hue") in GREY_TINTS and not _MORE.search(low):   # "turn it all grey": no colour left in it
            return [Step("adjust", [adjust({"saturation": -1.0})], "making the image grey all over (black and white)")]
        return [photo_tint(turned.group("hue"), "", low)]
    if shadows_lifted(low):
        return [enhance_step(["exposure"], "lifting the shadows — correcting the exposure by what I measure")]
    if _skin_tone_directed(low):
        return []                                   # "lighten her skin tone": the skin's tone moved (rules_tone)
    lifted = _shadow_lifted(clause) or _too_written_to(clause)
    if lifted:
        return lifted
    blended = _blend_in(clause)
    if blended:
        return blended
    if not _may_enhance(low):
        return []
    if _BACKGROUND_BETTER.match(low):
        try:
            strength = strength_of(low)
        except _Unusable as problem:
            return [ask(str(problem))]
        return [enhance_step(None, "enhancing the background — measuring it and correcting only what is off",
                             strength=strength, masked=True, note=BACKGROUND_NOTE,
                             target=Target("background", "background"))]
    if _ELSEWHERE.search(_ADD_LIFE.sub(" ", low)) and not _CAST_NOUN.search(low):
        return []                                   # ("remove the orange cast" is still a white balance)
    if _COLOUR_GIVEN.search(low) or _COLOUR_WISHED.search(low) or _COLOUR_MADE.search(low):
        return []
    parts, spans, named_part = _parts(low)
    seen = _TONED_FOR_SIGHT.search(low) if parts is None and not _VERB.search(low) else None
    if seen:                                        # "brighten the faces so they're more visible": the tone alone
        return _toned_for_sight(clause, seen, ctx, settings)
    if not spans:
        return []
    try:
        strength = strength_of(low)
    except _Unusable as problem:
        return [ask(str(problem))]
    rest = clause
    for start, end in spans:
        rest = rest.blank(start, end)
    after = min(spans)[1]                           # after the wish itself: "touch up this so it looks …"
    for m in _PHOTO_KIND.finditer(rest.low):         # "… this graduation photo": which photo, not what in it
        rest = rest.blank(m.start(), m.end())
    for pattern in (_PICTURE_TAIL, _PURPOSE):       # "… this shot of my sister and me", "… for my shop": why, not what
        tail = pattern.search(rest.low, after if pattern is _PURPOSE else 0)
        if tail and not (find_format(tail.group(0)) and _FOR_A_SHAPE.match(tail.group(0))):   # "… for my youtube
            #                                                 channel art" asks for a shape; "posting on instagram" doesn't
            rest = rest.blank(tail.start(), tail.end())
    taking = [*_TAKE_AWAY.finditer(rest.low), *SCAFFOLD.finditer(rest.low), *_COMPLAINT.finditer(rest.low),
              *_TO_NORMAL.finditer(rest.low)] \
        if _CAST_NOUN.search(low) else []
    for m in list(_BY.finditer(rest.low)) + list(_NOT_SO.finditer(rest.low)) + taking:
        rest = rest.blank(m.start(), m.end())
    rest = rest.squeeze()
    tail = _TOPIC_TAIL_OF.match(rest.low)
    if tail:                                        # "fix the colour *quality of* the sky": the sky's colour
        rest = rest.blank(tail.start(), tail.end()).squeeze()
    leftover = [word for word in re.findall(r"[a-z]{2,}", _FILLER.sub(" ", rest.low)) if not _OWNER.fullmatch(word)]
    say = _say(parts)
    if any(_PROPERTY.match(word) for word in leftover):
        return []                                   # "enhance the brightness" says the direction: rules_tone
    if parts is None and _PRO_LOOK.search(low):
        return [enhance_step(parts, say, strength=strength)]     # "… look like it was shot in a studio"
    if parts is None and _SPECIFIC_LOOK.search(_SAID_OF_IT_AFTER.sub("", low)):
        return []                                   # "edit it so it looks like night": a look no correction gives
    seen = _wanted_seen(clause) if parts is None else None
    if seen is not None:                            # "edit this photo so the rainbow is visible": the rainbow
        return [enhance_step(parts, _say(parts, seen.describe()), strength=strength, masked=True, target=seen)]
    if not leftover or parts is None and (_ON_PHOTO.search(low) or salvage_asked(low)) \
            and not _FOR_ANOTHER_EDIT.match(low) and not _tone_named(low):
        return [enhance_step(parts, say, strength=strength)]
    better_on = _LOOKS_BETTER_ON.search(low) if not named_part else None
    if better_on and _NAMES_THE_PHOTO.match(better_on.group("np")):
        return [enhance_step(parts, say, strength=strength)]     # "make this photo of my nan look clearer"
    looks_better = better_on is not None
    bare = _BARE_PART.match(low) if named_part else _ENHANCED_BARE_PART.match(low)   # "make face colour uniform",
    #                                                                                  "enhance eyes": a part named bare
    if not (named_part or looks_better or _VISIBLE.search(low) or _VERB.search(low) and low.lstrip().startswith("enhance")) \
            or not (_OWNER.search(rest.low) or _POSSESSIVE.search(rest.low) or looks_better or bare
                    or _SKIN_TONE.search(low)):
        return []                                   # "improve the hand" is a fix, "fix the door" not ours
    skin = _SKIN_TONE.search(low)
    owner = skin.group(0).split()[0] if skin else ""
    subject = _SUBJECT.search(low) if not skin else None
    target = Target("skin", f"{owner} skin" if _POSSESSIVE.match(owner + " ") else "skin") if skin \
        else parse_target(clause.slice(subject.start("np"), subject.end("np")), clause) if subject \
        else parse_target(clause.slice(better_on.start("np"), better_on.end("np")), clause) if better_on \
        else parse_target(clause.slice(bare.start("np"), bare.end("np")), clause) if bare \
        else parse_target(rest, clause)
    if target is None or target.pronoun or target.target in IMAGE_WORDS or target.target in PROPERTY_NOUNS:
        area = _photo_part_before(clause, subject.start("np"), subject.end("np"), ctx) \
            if subject and target is not None and target.target in IMAGE_WORDS else None
        if area:                                    # "the top of the photo is too dark": measured on that part (tone26)
            return [enhance_step(parts, _say(parts, area[1]), strength=strength, masked=True, area=area[0])]
        held = _thing_in_photo(clause, subject.start("np")) \
            if subject and target is not None and target.target in IMAGE_WORDS else None
        if held:                                    # "the sky in this photo is too dark": the sky (wishes28)
            return [enhance_step(parts, _say(parts, held.describe()), strength=strength, masked=True, target=held)]
        return [enhance_step(parts, say, strength=strength)]     # "make the colours of this photo more natural"
    if target.target in SKIN_PLACES and _UNEVEN_SKIN.search(low):   # "my face looks blotchy": the skin's colour evened
        target, parts = target if target.target == "skin" else Target("skin", "skin"), ["even_skin"]
    area = strip_named(target.describe(), target.target, ctx.image_size)
    if area:                                        # "the top half is too dark": a strip of the photo, no thing
        return [enhance_step(parts, _say(parts, area[1]), strength=strength, masked=True, area=area[0])]
    if looks_better and target.target.split()[-1] in FIXABLE_PARTS:
        return []                                   # "make his hand look better" is a fix
    source = clause.slice(better_on.start("np"), better_on.end("np")) if better_on else rest
    pieces = split_list(source) if not (skin or bare) else []
    kept = [piece for piece in pieces if not _GENERAL.search(piece.low)]     # "… and do a few basic touch ups"
    if len(kept) == 1 < len(pieces):                                         # names no thing
        target = parse_target(kept[0], clause) or target
    named = [parse_target(part, clause) for part in kept]
    things = [t for t in named if t is not None and t.target not in PROPERTY_NOUNS]
    if len(named) > 1 and things and len(things) < len(named) \
            and all(t is not None and not t.pronoun and t.target not in IMAGE_WORDS for t in named):
        said = " and ".join(t.describe() for t in things)          # "enhance the colours and the skin": the photo's
        return [enhance_step(parts, _say(parts), strength=strength),  # colours, then the skin (tones25)
                enhance_step(parts, _say(parts, said), strength=strength, masked=True, target=things[0],
                             also=tuple(things[1:]))]
    if len(named) > 1 and all(t is not None and not t.pronoun and t.target not in IMAGE_WORDS for t in named):
        said = " and ".join(t.describe() for t in named)           # "enhance myself and the fish"
        return [enhance_step(parts, _say(parts, said), strength=strength, masked=True, target=named[0],
                             also=tuple(named[1:]))]
    return [enhance_step(parts, _say(parts, target.describe()), strength=strength, masked=True, target=target)]


_ENHANCE_ASKED = re.compile(r"\b" + phrase_re([form for verb in of_action("enhance") if not verb.means
                                                 for form in (verb.words, gerund(verb), participle(verb))]
                                                + [name for name in ENHANCE_NAMES]) + r"\b")
"""'enhance', 'improve', 'touch up', 'a retouch' …: a better photo asked for in so many words — not 'help' or
'photoshop', which name the job, not the enhance."""


def exposure_said_once(steps: list[Step], low: str) -> list[Step]:
    """'it's too dark, can you lighten it?', 'the photo is too bright. make it darker': the exposure measured and the
    photo brightened are one wish said twice — the direction the user gave is the edit (the labels and the editors
    answered these with the tone alone), so an exposure-only enhance of the whole photo, read as too dark (too bright),
    goes when the whole photo is brightened (darkened). An enhance asked for anywhere in the request (`low`: 'too
    dark, enhance it and brighten it', 'fix the lighting and brighten it'), of more ('too dark and grainy') or of a
    thing stays."""
    if _ENHANCE_ASKED.search(low):
        return steps
    signs = {1 if step.calls[0].args.brightness > 0 else -1 for step in steps
             if step.action == "adjust" and len(step.calls) == 1 and isinstance(step.calls[0], AdjustCall)
             and not step.calls[0].args.masked and step.calls[0].args.brightness}
    if len(signs) != 1:
        return steps
    sign = signs.pop()
    return [step for step in steps if not _exposure_only(step, sign)]


def liveliness_said_once(steps: list[Step], low: str) -> list[Step]:
    """'make it pop. the colours are too flat', 'make it pop — more saturation': a lively look wished and the
    colours' tone turned up are one wish said twice, as the exposure is (`exposure_said_once`) — the tone the user named
    is the edit, so the measured punch of the whole photo goes when the whole photo's contrast or saturation is raised.
    An enhance asked for anywhere in the request, or one on a thing, stays (wishes28)."""
    if _ENHANCE_ASKED.search(low):
        return steps
    raised = any(step.action == "adjust" and len(step.calls) == 1 and isinstance(step.calls[0], AdjustCall)
                 and not step.calls[0].args.masked
                 and ((step.calls[0].args.contrast or 0) > 0 or (step.calls[0].args.saturation or 0) > 0)
                 for step in steps)
    if not raised:
        return steps
    return [step for step in steps if not _punch_only(step)]


def _punch_only(step: Step) -> bool:
    """A measured punch of the whole photo (`POP_PARTS`) alone, with no note of its own."""
    if step.action != "enhance" or len(step.calls) != 1 or not isinstance(step.calls[0], EnhanceCall) or step.note:
        return False
    args = step.calls[0].args
    return args.parts == POP_PARTS and not args.masked and not args.felt


def _exposure_only(step: Step, sign: int) -> bool:
    """An enhance of the whole photo's exposure alone, with no note of its own and no reading against `sign`."""
    if step.action != "enhance" or len(step.calls) != 1 or not isinstance(step.calls[0], EnhanceCall) or step.note:
        return False
    args = step.calls[0].args
    said = "too_dark" if sign > 0 else "too_bright"
    return args.parts == ["exposure"] and not args.masked and args.felt == [said]


def said_enhanced(clause: Words, ctx: PlanningContext) -> list[Step]:
    """'the left half (the x-ray) enhanced', 'could we have this shot tidied up': the strip or thing named, enhanced
    there; the photo named, all of it. Read by the quality-wish row (`rules_wishes`), before a removal takes the
    participle for a thing (there is no 'tidied' to remove)."""
    if _ENHANCED_CUES.isdisjoint(re.findall(r"[a-z]+", clause.low)):
        return []
    said = _SAID_ENHANCED.match(clause.low)
    if said is None:
        return []
    start, end = said.span("np")
    aside = _ASIDE.search(clause.low, start, end)
    if aside and aside.start() > start:
        end = aside.start()
    if _SAID_NOT_A_NAME.search(clause.low, start, end) or _TONE_WORD.search(clause.low, start, end):
        return []                                   # "would you get this tidied", "the details touched up": no thing
    if _WHOLE_NAMED.match(clause.low, start):
        return [enhance_step(None, _say(None))]
    target = parse_target(clause.slice(start, end), clause)
    if target is None:
        return []
    if target.pronoun or target.target in IMAGE_WORDS:
        return [enhance_step(None, _say(None))]
    area = strip_named(target.describe(), target.target, ctx.image_size)
    if area:
        return [enhance_step(None, _say(None, area[1]), masked=True, area=area[0])]
    if target.target.split()[-1] in FIXABLE_PARTS:
        return []                                   # "his hand improved" is a fix
    return [enhance_step(None, _say(None, target.describe()), masked=True, target=target)]


_WORDS_BEFORE = re.compile(r"(?:[\w'-]+\s+){1,5}$")


def _photo_part_before(clause: Words, start: int, end: int, ctx: PlanningContext) -> tuple[dict, str] | None:
    """The photo's part said just before the photo a diagnosis names ('*the top of* the photo is too dark', '*the right
    half of* this picture seems underexposed'), as (RegionArgs fields, description): the subject reader keeps only the
    photo, so the correction was measured over all of it. The longest phrase that is a part wins ('the lower left of'
    is the corner, not the left); None when the words before name no part of the photo."""
    before = _WORDS_BEFORE.search(clause.low, 0, start)
    if before is None:
        return None
    leads = [m.start() for m in re.finditer(r"(?:^|(?<=\s))[\w'-]", clause.low[before.start():start])]
    for lead in leads:
        said = clause.slice(before.start() + lead, end)
        found = picture_part(said) or parse_region(said, ctx.image_size)
        if found and "problem" not in found[0]:
            return found
    return None


_HELD_IN_PHOTO = rx(r"(?:^|(?<=\s))(?P<np>(?:{NOUN_OPENERS}|[a-z]+'s)\s+(?:[\w'-]+\s+){0,2}?[\w'-]+)\s+(?:in|on|of)\s+$")
"""'*the sky in* this photo is too dark', '*my face in* the picture looks washed out': a thing named right before the
photo a diagnosis is said of."""


def _thing_in_photo(clause: Words, start: int) -> Target | None:
    """The thing held in the photo a diagnosis names ('the sky in this photo is too dark'): the subject reader keeps only
    the photo, so the sky's darkness was measured over all of it. None when the words before name no thing — a
    property ('the lighting in this photo', 'the colours of this photo'), everything, or nothing at all."""
    held = _HELD_IN_PHOTO.search(clause.low, 0, start)
    if held is None:
        return None
    target = parse_target(clause.slice(held.start("np"), held.end("np")), clause)
    if target is None or target.pronoun or target.target in IMAGE_WORDS or target.target in PROPERTY_NOUNS \
            or target.target in EXCLUDE_ALL:
        return None
    return target


def _turns_whole_photo(turned: re.Match[str], ctx: PlanningContext) -> bool:
    """The photo is what turns: named, or a bare 'it' / 'this' with 'all' or 'to' and no selection to point at."""
    if turned.group("whole") or turned.group("scheme"):
        return True
    return not ctx.has_selection and bool(turned.group("all") or turned.group("to"))


_NEUTRAL_TINTS = {**dict.fromkeys(GREY_TINTS, ("saturation", -1)), "white": ("brightness", 1),
                  "black": ("brightness", -1)}
"""A colour with no hue wished for the whole photo ('make everything more grey', 'make it all whiter'): the tone
setting that moves the photo towards it — no warmth can."""
_MORE = re.compile(r"\bmore\b")
"""'make everything a little *more* grey' moves towards grey; 'turn it all grey' goes all the way."""
_NEUTRAL_SAY = {("saturation", -1): "muting the colours of", ("brightness", 1): "brightening",
                ("brightness", -1): "darkening"}


_PICTURE_SAID = rx(r"\b(?:{PICTURE_NOUNS}|everything|whole|entire)\b")
"""The photo named in a tint ('give the *picture* an orange tint', 'the *whole* thing'): the photo, even with something
selected."""


def _tint_of(hue: str, size: str, low: str, ctx: PlanningContext) -> Step:
    """A tint asked of 'it' or 'this': of what is selected when something is (a click on the rabbit, then 'give this
    an orange tint' — before, the whole photo, which the command line refuses beside a point), else of the photo."""
    if ctx.has_selection and not _PICTURE_SAID.search(low):
        return selection_tint(hue, size, low, ctx)
    return photo_tint(hue, size, low)


def _tint_sign(hue: str) -> int:
    """+1 for a warm tint, -1 for a cool one, 0 for any other (which no warmth gives)."""
    return 1 if _WARM.fullmatch(hue) else -1 if _COOL.fullmatch(hue) else 0


def _tint_amount(size: str, low: str) -> float:
    """How far a tint moves: strong 0.5, small ('slight', 'a bit') 0.15, else 0.25."""
    return 0.5 if size == "strong" or _LARGE.search(low) else 0.15 if size or _SMALL.search(low) else 0.25


def _warmth_tint(sign: int, amount: float, hue: str, where: str, masked: bool) -> Step:
    """A warm or cool tint as the warmth of `where` (the image, or the selection when `masked`)."""
    return Step("adjust", [adjust({"warmth": sign * amount}, masked=masked)],
                f"{'warming' if sign > 0 else 'cooling'} {where} ({sign * amount:+g}) for "
                f"{'an' if hue[0] in 'aeiou' else 'a'} {hue} tone")


def selection_tint(hue: str, size: str, low: str, ctx: PlanningContext) -> Step:
    """A tint of the current selection: a warm or cool one is its warmth, any other colour washed over it part of the
    way (`TINT_SHARE`), as the whole photo's tint is — the selection is the mask, so no select or region is made (the
    recolour of 'it', `pronoun_step`)."""
    sign = _tint_sign(hue)
    if sign:
        return _warmth_tint(sign, _tint_amount(size, low), hue, "the selection", masked=True)
    return pronoun_step("recolor", ctx, f"washing {{it}} with {hue}, part of the way", prompt=f"{hue} tint",
                        color=hue, color_share=TINT_SHARE)


def photo_tint(hue: str, size: str, low: str) -> Step:
    """A tint of the whole photo: a warm or cool one is the warmth, a grey or white or black the tone that moves towards
    it, any other colour washed over the whole photo part of the way (the side wash stretched to all of it, tone26 —
    no adjust setting holds a hue). Also `rules_edits`' for a colour wished more of with no thing named ('make it more
    yellow', tones25)."""
    sign = _tint_sign(hue)
    neutral = _NEUTRAL_TINTS.get(COLOR_COMPARATIVES.get(hue, hue))
    if not sign and neutral:                         # "make everything more grey": the colours taken down
        amount = _tint_amount(size, low)
        prop, way = neutral
        return Step("adjust", [adjust({prop: way * amount})], f"{_NEUTRAL_SAY[prop, way]} the image "
                                                                f"({way * amount:+g}) for a {hue} look")
    if not sign:                                     # "give the image a green tint": the whole photo washed with it
        return colour_washed(WHOLE_PHOTO_WASH, "the whole photo", hue, DEFAULT_AMOUNT, share=TINT_SHARE)
    return _warmth_tint(sign, _tint_amount(size, low), hue, "the image", masked=False)


def colour_washed(fields: dict, where: str, colour: str, amount: float,
                  share: float = COMPARATIVE_COLOUR_SHARE) -> Step:
    """A colour given to a part of the photo (RegionArgs `fields`, said as `where`): warmth there for a warm or cool
    colour, any other washed over it part of the way (`share`: a side made more of a colour goes the comparative's
    half, the whole photo tinted `TINT_SHARE`) — no adjust setting holds a hue.
    The one place the side wash is built: `rules_wishes` ('some violet along the bottom'), a side wished a colour
    ('make the top more pink') and the whole photo tinted ('a green tint') all come here."""
    if colour in WARM_CASTS or colour in COOL_CASTS:
        amounts = {"warmth": amount if colour in WARM_CASTS else -amount}
        return Step("adjust", [region(fields), adjust(amounts, masked=True)],
                    f"{describe_amounts(amounts, where)} for the {colour} asked for")
    return Step("recolor", [region(fields), refine(), inpaint("recolor", f"{colour} tint", color=colour,
                                                                color_share=share)],
                f"washing {where} with {colour}, part of the way")


_SIDE_COLOURED = rx(r"^(?:(?:please|pls|can\s+you|could\s+you)\s+)*(?:make|turn|get)\s+"
                    r"(?:(?:it|this|everything|(?:the|this|my)\s+(?:{PICTURE_NOUNS}))\s+"
                    r"(?P<more>(?:(?:{COLOUR_GIVEN_AMOUNTS})\s+)*)(?P<c>{COLORS})\s+"
                    r"(?P<place>(?:at|on|in|along|across|towards|to)\s+.+?)"
                    r"|(?P<part>the\s+[a-z -]+?)\s+(?P<more2>(?:(?:{COLOUR_GIVEN_AMOUNTS})\s+)*)(?P<c2>{COLORS}))"
                    r"(?:\s+(?:please|pls|plz))?\s*[.!?]*$")
"""'make it more pink at the top', 'make the top more pink', 'make the left half of the photo green': a colour wished
for a side of the photo, said with 'make' — the side wash, as 'add some pink to the top' is."""


def _side_coloured(clause: Words, ctx: PlanningContext) -> list[Step]:
    """A colour wished for a side or part of the photo: that part washed with it (warmth for a warm or cool colour);
    [] when the words name a thing ('the top of the tower', 'her top'). A bare 'the top' may be a garment, so it is
    the photo's side only with an amount ('make the top *more* pink'); 'make the top pink' stays a recolour."""
    said = _SIDE_COLOURED.match(clause.low)
    if said is None:
        return []
    if said.group("c"):
        more, colour = said.group("more"), said.group("c")
        found = place_only(said.group("place"), ctx.image_size)
        area = (found[0], found[1]) if found and found[2] == 0 else None
    else:
        more, colour = said.group("more2"), said.group("c2")
        part = clause.slice(said.start("part"), said.end("part"))
        area = picture_part(part) or parse_region(part, ctx.image_size)
        if area is None and more.strip():
            found = place_only(f"at {part.low}", ctx.image_size)
            area = (found[0], found[1]) if found and found[2] == 0 else None
    if area is None or "problem" in area[0]:
        return []
    return [colour_washed(area[0], area[1], colour, amount_said(more or ""))]


def _say(parts: list[str] | None, subject: str = "the photo") -> str:
    if parts is None:
        return f"enhancing {subject} — measuring it and correcting only what is off"
    named = [PART_SAY[part] for part in parts]
    listed = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
    return f"correcting {listed} of {subject} by what I measure" if subject != "the photo" else \
        f"correcting {listed} by what I measure"
