"""The background: replace it, blur it, make it white / darker / transparent.

The subject (default "person", or the thing named: "blur the background behind the dog") is
selected with exclude=True and inpaint(background) regenerates the rest. "Change the background to
snow" → generate with prompt "snow"; "transform this image into a snowy scene" and "put us in
Paris" → generate too. "The people in the background" is a position, not the background.
"""

from __future__ import annotations

import dataclasses
import functools
import re

from retouch.agent.plan import AdjustCall, EnhanceCall, SelectArgs, SelectCall
from retouch.agent.planner.base import PlanningContext
from retouch.agent.planner.rules_clauses import has_command, split_list
from retouch.agent.planner.rules_edits import COLOR_PHRASE, COLOUR_TAKEN_FROM
from retouch.agent.planner.rules_enhance import POP_PARTS, enhance_step
from retouch.agent.planner.rules_geometry import crops_closer, find_format
from retouch.agent.planner.rules_lexicon import rx
from retouch.agent.planner.rules_remove import REMOVE_VERB, SPLIT_OUT
from retouch.agent.planner.rules_steps import Step, adjust, background_step, left_out, refusal, select
from retouch.agent.planner.rules_target import SCAFFOLD, Target, one_named, parse_target, singularize
from retouch.agent.planner.rules_verbs import COLOR_VERBS
from retouch.agent.planner.rules_text import Settings, Words, read_noun_request
from retouch.agent.planner.rules_tone import amount_said, describe_amounts, parse_adjust
from retouch.agent.planner.rules_vocab import (
    AREA_WORDS, COLORS, IMAGE_WORDS, NOT_A_SUBJECT, NOUN_OPENERS, OWN_PEOPLE, PEOPLE_OBJECT_PRONOUNS, PEOPLE_PRONOUNS,
    PERSON_WORDS, PLAIN_WORDS, SCENE_PARTS, SUBJECT_PEOPLE, UNNAMED_COLOUR_DEFAULT, VAGUE_THINGS,
)

_BG_NOUN = rx(r"\b(?:{BACKGROUND_NOUNS}|(?:{AREA_WORDS})(?=\s+(?:around|behind)\b))\b")
"""The background, or 'the area *around the girl*' (the background of what follows; 'more space around him' is
canvas)."""
_NAMED_PART = rx(r"\b(?!(?:{DETERMINERS}|{ALL_WORDS}|{COLORS}|{COLOR_MODIFIERS}|whole|entire|empty|blank|other|rest|of)\b)[a-z]{3,}\s+$")
"""A word that names what the part is, before 'part' or 'area' ('the *metal* part behind her shoulder'): a thing there."""
_BLUR_BACK_PEOPLE = rx(r"\b{BLUR_CUES}\s+(?:out\s+)?(?:(?:all\s+)?the\s+)?{BACKGROUND_NOUNS}\s+(?:{PERSON_WORDS})s?\b")
"""'blur the background people so grandpa stands out': the background blurred behind the subject, its people with it
('remove the background people' still removes them)."""
_BLUR_WHO = rx(r"\b(?:{BLUR_CUES})\s+(?:out\s+)?(?P<np>(?:{NOUN_OPENERS}|all|any)\s+.+?)\s*[.!?]*$")
"""'soften *the tourists in the back*': the blur of people said to be behind the subject — the
background blurred, its people with it (`_people_behind_blurred`)."""
_IN_FRONT_OF = rx(r"^(?:{SEND_VERBS})\w*\s+(?:(?:{PEOPLE_OBJECT_PRONOUNS}|it)\s+)?(?:in\s*front\s+of|against)\s+"
                  r"(?P<dest>(?:a|an|the|some)\s+[a-z].*)$")
"""'(isolate her, then) *place her in front of a harbour*': she, or what was cut out, before a new backdrop — a new
background (`rules._cut_out_onto` keeps the thing cut out in front of it); 'place the lamp in front of the cat' names
who and is no such thing."""
_SAME_SCENE = rx(r"(?:^|\s(?:and|then|,)\s+)(?:(?:{ADD_VERBS_INFLECTED}|fill\w*|replac\w*|use)\s+)(?:(?:it|them|that|the\s+(?:gap|space|spot|hole))\s+)?"
                 r"(?:in\s+)?(?:with\s+)?(?:the\s+)?(?:same|matching|surrounding)\s+(?:{BACKGROUND_NOUNS}|scene|landscape|view)\b"
                 r"|^fill\w*\s+in\s+(?:the\s+)?(?:{BACKGROUND_NOUNS})\s*[.!?]*$")
"""'erase the boy at the right *and use the same scenery*': the gap filled with the scene around it — what a removal
does anyway, never a new background called 'same'; 'fill in the background' after a removal says the same."""
_ONLY_IT_LEFT = rx(r"\s+so\s+(?:that\s+)?(?:(?:i|we|you|it|there)\s+)?(?:[\w']+\s+){0,3}?(?:just|only)\s+(?:[\w']+\s+){0,2}?$")
"""'erase the swing *so we only get* background left': the background named as what is left — why the removal was
asked, never the background taken away."""
_CUT_OUT_IN_FRONT_OF = rx(r"^(?P<who>(?:{NOUN_OPENERS})\s+[a-z'-]+(?:\s+[a-z'-]+){0,2}?)\s+(?:(?:needs?|has|have|wants?)\s+to\s+be|"
                          r"(?:should|must|could|can|will)\s+be|to\s+be)\s+(?:cut|cropped)\s+out\s+(?:and|then|&)\s+"
                          r"(?:{SEND_VERBS})\w*\s+(?:in\s*front\s+of|against)\s+(?P<dest>(?:a|an|the|some)\s+[a-z].*)$")
"""'that lady should be cropped out and placed in front of a waterfall', said as one clause: she stays, before it."""
_OUT_OF_THE_BACKGROUND = rx(r"^(?:{OUT_VERBS})\s+(?P<np>(?!(?:{OUT_PARTICLES})\b)(?:[\w'-]+\s+){0,6}?[\w'-]+)\s+out\s+of\s+"
                            r"(?P<bg>(?:the|this|my|our)\s+(?:{BACKGROUND_NOUNS}))\b"
                            r"(?:\s+of\s+(?:the|this|that|my|our)\s+.*|\s*(?:please|pls|thanks|thank\s+you)?)\s*[.!?]*$")
"""'edit my uncle *out of the backdrop*', 'take the two men out of the background of my snap': the thing
goes, and it stands in the background — the removal, with that place (the clause ends there, or with what the picture
is of; 'get the bin out of the background and fold the towel' is left to the removal as it reads it)."""
_ON_THE_BACK = re.compile(r"\b(?P<who>[a-z'-]+)\s+(?P<on>on)\s+(?:the\s+)?$")
"""'the guys *on the* background': people standing there (`_people_word`) — a place, as 'in the background' is."""


def _people_word(word: str) -> bool:
    """'guys', 'men', 'tourist': a word for people, in either number."""
    return singularize(word)[0] in PERSON_WORDS


def _people_on_the_back(before: str) -> re.Match[str] | None:
    """The 'on' of 'the guys on the' when the words before the background end so; None otherwise."""
    on = _ON_THE_BACK.search(before)
    return on if on is not None and _people_word(on.group("who")) else None
_BLUR_AROUND = rx(r"\b(?:add|give|apply|put)\w*\s+(?:a|an|the|some)?\s*(?:\w+\s+)?(?:blur\w*|bokeh)(?:\s+effect)?\s+"
                  r"(?:around|behind|to\s+the\s+background\s+of)\s+(?P<s>.+)")
"""'put a blur effect around the boy': the background, blurred."""
_ADDED_OF = rx(r"^\s+(?:of|with|showing)\s+(?P<dest>(?:a|an|some|the)\s+[a-z].*)$")
"""'add a backdrop *of a lake*': what an added background shows."""
_ADDED_BACKGROUND = rx(r"^{ADD_VERBS_INFLECTED}\s+(?!(?:[a-z-]+\s+){1,4}?(?:to|in|into)\s+(?:the\s+)?{BACKGROUND_NOUNS}\b)"
                      r"(?:(?:a|an|new|some|the)\s+)?(?:[a-z-]+\s+){0,3}?{BACKGROUND_NOUNS}\b")
"""'add planet background': the background is what is added ('add a gorilla *to the background*' adds a gorilla
there)."""
_MORE_OF_A_COLOUR = rx(r"\bmore\s+of\s+(?:a|an)\s+(?P<c>(?:(?:{COLOR_MODIFIERS})\s+)?{COLORS})(?:\s+(?:colou?r|shade|tone))?\b")
"""'change the background to *more of a brown colour*': that colour, never a scene called 'more of a brown colour'."""
_ADDED_TO = re.compile(r"^add\w*\b")
"""'*add* the dragon to a snowy background' adds it; 'place the vase to a white background' puts it on one."""
_GIVEN_BACKGROUND = rx(r"^(?:give|giving)\s+(?:(?:it|this|him|her|them|me|us)\s+)?(?:(?:a|an|some|the)\s+)?(?:new\s+)?"
                       r"(?:{BACKGROUND_NOUNS})\b")
"""'give it a background *of a lake*': what the given background shows, as an added one's ('add a backdrop of …')."""
_PUT_ON_BACKGROUND = rx(r"^{ADD_VERBS_INFLECTED}\s+(?P<who>(?:{PEOPLE_OBJECT_PRONOUNS}|it|this|that|"
                        r"(?:the|my|this|our|his|her)\s+(?:[a-z'-]+\s+){0,2}?[a-z'-]+)"
                        r"(?:\s+(?:and|&)\s+(?:{PEOPLE_OBJECT_PRONOUNS}|(?:the|my|our|his|her)\s+(?:[a-z'-]+\s+){0,2}?[a-z'-]+))?)\s+"
                        r"(?P<prep>on|onto|to|against|over|in\s+front\s+of|behind|in|into)\s+(?!the\s+(?:{BACKGROUND_NOUNS})\b)"
                        r"(?:(?:a|an|the|some)\s+)?"
                        r"(?P<dest>(?:(?!(?:in|on|at|of|the|a|an)\b)[a-z-]+\s+){0,3}?)"
                        r"{BACKGROUND_NOUNS}\b")
"""'place the mug on a white background', 'put the dog on a beach background', 'put her behind a new backdrop' (said
backwards, meant the same): that background behind it; 'add the fall leaves in *the background*' puts a thing in the
one there (an add)."""
_VAGUE_DEST = rx(r"^(?:(?:a|an|the|some)\s+)?(?:{VAGUE_SCENE_WORDS})(?:\s+(?:type|kind|sort|style)\s+of)?$")
_BG_FOLLOW_OK = rx(r"^(?:$|[,.;!?/&]|(?:{BACKGROUND_FOLLOWERS}|{COLORS}|{REMOVED_WORDS}|{BLUR_CUES})\b)")
_BG_SAID_GONE = rx(r"^\s*(?:{REMOVED_WORDS})\b")
"""'the background *cropped out* of my sketch': the background taken away, said as done."""
_CUT_FROM_BG = rx(r"^(?:(?:{CUT_AWAY_VERBS})\w*)\s+(?:out\s+)?(?P<s>(?:{NOUN_OPENERS}|these|those)\s+"
                  r"[a-z'-]+(?:\s+[a-z'-]+){0,3}?)\s+(?:out\s+)?(?:(?:from|off|off\s+of|out\s+of)\s+(?:the|its|their|this|my|our)"
                  r"|(?:only\s+)?(?:without|with\s+no|minus)(?:\s+(?:the|a|any|its))?)\s+{BACKGROUND_NOUNS}\b")
"""'cut the trophy from the background', 'cut the dog out of its background': that thing kept, on nothing."""
_LIFTED_FROM_BG = rx(r"^(?:{REMOVE_VERBS})\s+(?P<s>{LIFTED_FROM_BACKGROUND})\s+(?:from|off|out\s+of)\s+"
                     r"(?:(?:the|its|this|that|my|our)\s+)?{BACKGROUND_NOUNS}\b")
"""'remove her from the background', 'remove his head from the backdrop': the person (or the head) kept, the background
taken away — a cut-out. 'remove the two men from the backdrop' names others: they go (the removal handler)."""
_OTHER_THING_FROM = rx(r"^\s*(?P<s>(?!(?:the|a|an|all|this|that|its|my|our|entire|whole)\s*$)\S.*?)\s+(?:from|off|out\s+of)\s+"
                       r"(?P<own>its\s+|their\s+)?(?:(?:the|this|that|my|our|his|her|a|an|all|of)\s+)*(?:[a-z'-]+\s+){0,2}$")
"""'remove the phone *from the lovely* scenery': something else is taken out of the background — a removal of that
thing, not of the background; 'remove the glass art *from its* background' keeps the thing and takes its own
background away (a cut-out)."""
_RUN_ON_BACKGROUND = rx(r"(?<=[a-z]\s)(?<!\bto\s)(?P<verb>{SCENE_VERBS}|{IN_PLACE_VERBS}|{REMOVE_VERBS}|{PUT_VERBS}|"
                        r"{BLUR_CUES})\s+(?:[a-z'-]+\s+){0,3}?{BACKGROUND_NOUNS}\b")
"""'erase the boy *change the background*': a verb that edits a background (a scene's, a swap's, a removal's, a
placing's or a blur's), up to three words, then the background — a new edit in a run-on request ('a subway
*station* background' has no such verb) ('need *to change* the background' is one wish, 'crop it *to remove* …' a purpose)."""
_COMMAND_ON_PICTURE = rx(r"\s+(?:{IMPERATIVE_VERBS})\s+(?:(?:the|this|my)\s+)?(?:{PICTURE_NOUNS}|it)\b.*$")
"""'… to a rocky shore *crop photo*': a run-on command on the picture ends the new background's words."""
_EDIT_OPENS = rx(r"^(?:(?:and|then|also|plus|please|pls)\s+)*(?:(?:[a-z]+ly\s+)?(?:{IMPERATIVE_VERBS}|have)|(?:the|my)\s+"
                 r"{BACKGROUND_NOUNS})\b")
"""After a comma, a new edit opens with its verb or with the background ('…, *slightly blur* bg', '…, *have* the
lady with a white bg', '…, and *the backdrop* turned navy'); 'or …' offers an alternative, and '…, leaving just the cat on grey' says how the edit
before ends — neither is a second edit."""
_BG_TRANSPARENT = rx(r"\b(?:{TRANSPARENT_CUES}|{REMOVE_VERBS})\b")
_BG_BLUR = rx(r"\b{BLUR_CUES}\b")
_TRANSPARENT_BG = rx(r"\b(?:transparent|see-through|see\s+through)\s+{BACKGROUND_NOUNS}\b")
"""'a *transparent background* for my CV': transparent, whatever purpose follows."""
_BG_DARK = rx(r"\b{DARKER_CUES}\b")
_BG_LIGHT = rx(r"\b{LIGHTER_CUES}\b")
_BG_DEST = rx(r"\b(?:{DEST_PREPOSITIONS}|:)\s+(?:{DEST_VERBS}\s+)?(?P<dest>.+)$")
_BG_SOMETHING = rx(r"^\s*[,:-]?\s*(?P<dest>(?:{SOMETHING_LEADS})\s+[a-z'-]+(?:\s+[a-z'-]+){0,5})\s*[.!?]*$")
"""'a nice background*, something outdoorsy*': what follows the comma is the new background."""
_SOMETHING_HEDGE = re.compile(r"^(?:maybe|perhaps|ideally|preferably)\s+", re.I)
_SOMETHING_LINK = re.compile(r"^something\s+(?:like|with)\s+", re.I)


def _something(said: str) -> str:
    """'maybe something with palm trees' → 'palm trees'; 'something outdoorsy' stays whole (an adjective alone
    names no scene)."""
    said = _SOMETHING_HEDGE.sub("", " ".join(said.split()))
    return _SOMETHING_LINK.sub("", said).strip(" ,.!?")


_BG_PRE = rx(r"(?:\b(?:a|an|some|new|into|onto)\s+|^{ADD_VERBS_INFLECTED}\s+(?!(?:in|on)\s))(?P<dest>[a-z][a-z' -]*?)\s+{BACKGROUND_NOUNS}\b")
_BG_WITH = rx(r"\bwith\s+(?P<dest>(?!(?:{FUNCTION_WORDS})\b)[a-z'-]+(?:\s+(?!(?:{FUNCTION_WORDS})\b)[a-z'-]+)?)\s+{BACKGROUND_NOUNS}\s*[.!?]*$")
"""'have the girl on the right *with creme* bg': one or two words before the background that ends the clause, what it
shows ('… with grey if it suits the rest of the background' is no such thing)."""
_BG_MAKE = rx(r"\bmake\s+(?:(?:the|my|its|this)\s+)?{BACKGROUND_NOUNS}\s+(?P<dest>.+)$")
_BG_SUBJECT = rx(r"\b{SUBJECT_LEADS}\s+(?:{SUBJECT_OWNERS}\s+)?(?:\d{1,2}\s+)?(?:[a-z]+ly\s+(?=(?!(?:is|are|was|were|stays?|remains?|gets?)\b)[a-z]+\s+[a-z]))?(?P<s>[a-z]+(?:-[a-z]+)*(?:\s+(?!(?:{STAYING_VERBS}|{MODAL_VERBS})\b)[a-z]+(?:-[a-z]+)*)?)")
"""'… so only *the clearly visible toys* stay': the subject kept, a how-word before it skipped (and an owner or a
count: 'behind *these 2* people'), and never the verb after it ('so only the dog *remains*': `STAYING_VERBS`)."""
_SCENE = rx(r"\b{SCENE_WORDS}\b")
_STYLE = rx(r"{STYLE_WORDS}")
_INTO_SCENE = rx(
    r"\b{SCENE_VERBS}\s+(?:this|the|my|our)?\s*(?:whole\s+)?(?:{PICTURE_NOUNS}|it|this|"
    r"elements(?:\s+in\s+this\s+\w+)?)\s+(?:in)?to\s+(?:look\s+like\s+)?(?P<dest>.+)")
_PUT_SUBJECT = rx(r"\b{SEND_VERBS}\s+(?P<s>(?:{PEOPLE_OBJECT_PRONOUNS}|(?:my|the|this)\s+\w+)"
                  r"(?:\s+(?:and|&)\s+(?:{PEOPLE_OBJECT_PRONOUNS}|(?:my|the|this|our|his|her)\s+\w+))?)\s+{ONTO}\s+(?P<dest>.+)")
"""'put my son on a beach', 'put the dog and my son on a beach': what is there, in front of a new scene."""
_A_PICTURE = rx(r"(?:(?:a|an|the|another|this|that|my|some)\s+)?(?:[\w'-]+\s+){0,2}?{COMPOSITE_PLACES}\b")
"""'place this man on *a picture* of my cousins', 'put her on a poster': into another picture — a composite
(rules_unsupported); a picture of a scene is that scene behind him (`_scene_behind`)."""
_SCENE_SENT = rx(r"\b(?:{SCENE_SENDING_VERBS})\w*\s+(?P<s>(?:{PEOPLE_OBJECT_PRONOUNS}|it|this|"
                 r"(?:{NOUN_OPENERS}|{CUT_OUT_PARTICIPLES})\s+(?:[\w'-]+\s+){0,2}?[\w'-]+))\s+(?:in\s*to|on\s*to)\s+"
                 r"(?P<dest>.+)")
"""'edit my niece *into* a rocky river', 'paste it *onto* a picture of a storm': who is sent, and where
(`_scene_behind` says whether that is a scene)."""
_PICTURE_OF_SCENE = rx(r"^(?:(?:a|an|the|another|some|this|that)\s+)?(?:[\w'-]+\s+){0,2}?(?:{PICTURE_NOUNS})\s+"
                       r"(?:{SCENE_PICTURE_LEADS})\s+(?P<scene>.+)$")
_SHOWN_NO_SCENE = rx(r"\b(?:{SHOWN_NO_SCENE})\b")
_MADE_READY = rx(r"\b(?:{CUT_OUT_PARTICIPLES})(?:\s+|$)")
_BACKDROP_BEHIND = rx(r"^(?:(?:{PUT_VERBS}|{ADD_VERBS_INFLECTED}|hang|want|need|have)\w*\s+|(?=(?:a|an|some)\s))"
                      r"(?!(?:{IMPERATIVE_VERBS})\b)(?P<thing>(?:[\w'-]+\s+){0,4}?(?:{BACKDROP_THINGS}|{SCENE_WORDS}))"
                      r"\s+(?:(?:{BACKDROP_PLACES})|"
                      r"behind\s+(?P<who>(?:{NOUN_OPENERS})\s+[\w'-]+(?:\s+[\w'-]+)?))\s*[.!?]*$")
"""'put a red curtain behind her', 'a brick wall back there', 'hang a white sheet behind the dog': a backdrop behind
the subject, said with no background word (with no verb, only a new one: 'the old wall behind them' is the photo's)."""
_BUSY_ASKED_AWAY = rx(r"\b(?:{REMOVE_VERBS})\s+(?:(?:all|the|this|that|my|our)\s+)*(?:(?:very|really|so|super)\s+)?"
                      r"(?P<look>(?:{BUSY_LOOKS}|{FULL_OF_THINGS_LOOKS})\s+)(?:{BACKGROUND_NOUNS})\b")
_STAND_OUT = re.compile(r"\bbring\s+(?:\w+\s+){0,3}?out\b|\bbring\s+out\b|\bstand\s+out\b|\bpops?\b")
"""'bring the background out', 'make the background pop': the background kept and made livelier."""
_NEW_WANTED = rx(r"\b(?:replac\w*|chang\w*|swap\w*|switch\w*|new|different|another|other|edit\w*)\b")
_THE_PICTURE_ITSELF = rx(r"^(?:(?:the|this|that|my|our|his|her|their)\s+)?(?:{PICTURE_NOUNS})\s*(?:[,;.!?]|$)")
"""'add a snowy backdrop *to my picture*', 'put a new backdrop *in the image*': where the background goes, the
picture itself — never what it shows ('… to a photo of a beach' shows a beach); a background put there is a new one."""
DEFAULT_BACKDROP = "a soft neutral studio backdrop"
"""What 'replace the background' with nothing named puts behind the subject (said in the reply)."""
_DEST_GENERIC = rx(r"\s+{SETTING_NOUNS}\s*$")
_DEST_FILLER = rx(r"^(?:{DEST_LEAD_FILLERS}\s+)+|\s+{DEST_TAIL_FILLERS}\s*$")
_DEST_KEEP = rx(r"\s+(?:and|but|while|so that)\s+{KEEPING_VERBS}\b")
_DEST_END = rx(r"(?<=\w)\s+{DEST_ENDS}\b")
_OWNED_BY_PICTURE = rx(r"{PICTURE_NOUNS}'s\s+$")
_IN_THE_BACK = rx(r"\b{IN_THE_BACK_LEADS}\s+(?:the\s+)?(?:(?:far|very)\s+)?$")
_RID_OF = rx(r"\b(?:{REMOVE_VERBS})\s+(?:the\s+)?$")
"""'get rid *of the* background' is the background itself, not a place in it."""
_PART_OF = rx(r"\b{PARTS_OF}\s+(?:of|in)\s+(?:the\s+)?$")
_ADD_LEAD = rx(r"^(?:[a-z]+ly\s+)?{ADD_VERBS_INFLECTED}\b")
_GENERIC_BG = rx(r"\b{GENERIC_SETTINGS}\b")
_PORTRAIT_MODE = rx(r"\b{PORTRAIT_LOOKS}\b")
_NOT_ASKED = rx(r"\b(?:{DO_NOT}|without|no|not|never|too\s+much|less)\b")
"""'*no* bokeh please', '*less* depth of field': a portrait look not asked for."""
_BLACK_AND_WHITE = rx(r"\b{BLACK_AND_WHITE}\b")
_BLURRY_DEST = rx(r"(?:(?:more|(?:a\s+)?(?:bit|little)|slightly|nicely|very|much|super|really|extra|quite|so)\s+)*(?:{BLUR_CUES}|less\s+sharp|less\s+in\s+focus)"
                  r"(?:\s+(?:effect|look|style|blur|please|pls|to|on|for|behind|around|in|and|so)\b.*)?\s*[.!?]*$")
"""'make the background *soft*', '… *a bit blurry*', '… *less sharp*', 'some bokeh for the background': blurred
('a blurred jeep' is a new background with a jeep in it)."""
_BLURRY_NAMED = rx(r"\b(?:a|an|with|want|like|need|get|have)\s+(?:a\s+)?(?:(?:nice|nicely|soft|slightly|more)\s+)?"
                   r"(?:blurr?\w*|out[\s-]of[\s-]focus|bokeh|soft)\s+{BACKGROUND_NOUNS}\b")
"""'a dslr look *with a blurry background*', 'I'd *like a blurred background*': blurred, whatever look is named too."""
_IN_FOCUS_BUT = rx(r"(?:^|\b(?:like|want|keep|have|make|with|where)\s+)(?P<s>(?:the|my|our|his|her|this|that)\s+[\w'-]+"
                   r"(?:\s+[\w'-]+)?)\s+(?:(?:is|stays?|being|to\s+be|kept|remains?)\s+)?(?:{IN_FOCUS_WORDS})\s*,?\s*"
                   r"(?:but|while|and|with|whereas)\s+(?:the\s+|a\s+|its\s+)?{BACKGROUND_NOUNS}\s+(?:(?:is|be|being|gets?)\s+)?"
                   r"(?:(?:nicely|slightly|a\s+bit|a\s+little|more|very)\s+)*(?:{BLUR_CUES})")
"""'the car sharp but the background nicely blurred', 'the dog is in focus while the background is soft': the
background blurred behind the thing named."""
_TONE_DEST = rx(r"(?:a\s+)?(?:(?:bit|little|lot|much|super|really|very|extra|slightly|quite)\s+)?(?:dark\w*|dim\w*|light\w*|bright\w*)")
_CANVAS_LEAD = rx(r"^(?:extend|expand|outpaint|uncrop|widen|lengthen|continue)\w*\b")
_PLAIN_STYLES = tuple((rx(rf"(?:{{PLAIN_WORDS}}\s+)?{word}(?:\s+colou?r)?"), style) for word, style in (
    ("white", "white"), ("black", "black"), ("gray", "gray"), ("grey", "gray"), ("transparent", "transparent")))


_ALL_BUT = rx(r"\b(?:{EXCLUDE_ALL})\s+(?:else\s+)?{EXCEPT_WORDS}\s+(?P<s>.+)$")
"""'… everything *except* the two guys': the subject that stays."""
_UNNAMED_COLOUR = rx(r"\b(?:with|in|to|into)?\s*(?:{UNNAMED_COLOURS})\b")
_ENDS_PLAIN = re.compile(r"\s+(?P<c>white|black|gr[ae]y)\s*[.!?]*$")
"""'everything but the cat *black*': the plain colour the rest becomes."""
_COLOUR_LEAD_VERB = rx(r"\b(?:make|turn|paint|colou?r|fill|cover)\w*\b")
"""'*cover* all but the dogs in a colour': a plain ground asked for, its colour unsaid."""
_PLAIN_COLOR_LEAD = rx(r"\b(?:make|turn|paint|colou?r|fill|cover)\w*\s+.*?\b(?P<c>white|black|gr[ae]y)\b|"
                       r"\b(?P<c2>white|black|gr[ae]y)\s+out\b")
_CUTOUT = rx(r"\b(?:make|turn|cut|crop|isolate|save|export|give\s+me)\w*\s+(?:out\s+)?"
             r"(?P<s>(?:{NOUN_OPENERS}\s+)?[a-z'-]+(?:\s+[a-z'-]+){0,5}?)"
             r"\s+(?:into|as|to|on|with|in)\s+(?:a\s+)?(?:{TRANSPARENT_CUES})\b")
"""'turn my son into a see-through PNG', 'a cutout of the dog': the thing kept, on nothing."""
_OUT_OF_PICTURE = rx(r"(?<!\ba\s)(?<!\ban\s)\bcut\s+out\s+of\s+(?:{PICTURE_OWNERS}\s+)?(?:{PICTURE_NOUNS}|{PICTURE_MENTIONS})\s*$")
"""'the van cut out *of this picture*': taken out of the picture ('a cut out of this picture' is a cut-out of it)."""
_CUTOUT_OF = rx(r"\b(?:a\s+)?(?:cut\s*-?\s*out|png|transparent\s+(?:png|version|image|file))\s+of\s+"
                r"(?P<s>(?:{NOUN_OPENERS}\s+)?[a-z'-]+(?:\s+[a-z'-]+){0,3}?)\s*$"
                r"|^(?:just\s+|only\s+)?(?:(?:cut|crop)\w*\s+(?:out\s+)?)?"
                r"(?P<s2>(?:{NOUN_OPENERS}\s+)?[a-z'-]+(?:\s+[a-z'-]+){0,3}?)(?:\s+out)?\s+(?:only\s+)?(?:as|in)\s+"
                r"(?:a\s+)?(?:png|transparent\s+\w+)(?:\s+(?:format|file))?\s*$"
                r"|\b(?:everything\s+|the\s+area\s+|what'?s\s+)?behind\s+(?P<s3>{PEOPLE_OBJECT_PRONOUNS}|it|(?:the|my|this)\s+[a-z'-]+)\s+"
                r"(?:be\s+|to\s+be\s+)?transparent\b"
                r"|\b(?:make|turn|get|give|put)\s+(?P<s4>(?:{NOUN_OPENERS}\s+)?[a-z'-]+(?:\s+[a-z'-]+){0,3}?)\s+"
                r"(?:have|with|on|onto)\s+(?:a\s+)?transparen\w*\s+(?:{BACKGROUND_NOUNS})\b"
                r"|\beverything\s+(?:around|surrounding)\s+(?P<s5>(?:{NOUN_OPENERS}\s+)?[a-z'-]+(?:\s+[a-z'-]+){0,3}?)\s+"
                r"(?:be\s+|to\s+be\s+)?transparent\b"
                r"|^(?:{ISOLATE_VERBS})\s+(?P<s7>(?:{NOUN_OPENERS}\s+)?[a-z'-]+(?:\s+[a-z'-]+){0,4}?)\s*(?:,.*)?$"
                r"|\bneeds?\s+(?P<s6>(?:{NOUN_OPENERS}\s+)?[a-z'-]+)\s+(?:to\s+be\s+)?transparent\s*$"
                r"|^(?:make|turn|convert)\w*\s+(?P<s8>it|her|him|them|this|that|me|us)\s+(?:(?:in)?to\s+)?(?:a\s+)?"
                r"(?:transparent\s+)?png\b"
                r"|^(?:cut\w*\s+out|isolat\w*)\s+(?:(?:this|the|my|an?)\s+)?(?:{PICTURE_NOUNS})\s+of\s+"
                r"(?P<s9>(?:{NOUN_OPENERS}\s+)?[a-z'-]+(?:\s+[a-z'-]+){0,3}?)\s*$")
_BODY_PART = rx(r"\b(?:{FIXABLE_PARTS}|{FACE_WORDS}|skin|teeth)$")
_CUT_A_PICTURE = rx(r"^(?:(?:would|could|can|will)\s+(?:you|someone|somebody|anyone|anybody)\s+)?(?:(?:mind|help(?:\s+me)?)\s+)?"
                    r"cutting\s+(?:out\s+)?(?:(?:a|an|the|this|my|our)\s+)?(?:(?:quick|simple|small|little|easy)\s+)?"
                    r"(?:{PICTURE_NOUNS})(?:\s+(?:for\s+(?:me|us)|please|pls))*\s*[.!?]*$")
"""'could someone help *cutting a quick photo* for us': a cut-out of what the picture shows — 'cutting' a picture
with no shape, no half and no size asks for its subject cut out ('cut the photo in half' / 'to 4x6' are not this)."""
_CUT_CUE = rx(r"\b(?:{TRANSPARENT_CUES}|{ISOLATE_VERBS}|cut\w*\s+out)")
_CUTOUT_PURPOSE = rx(r"\s+(?:so(?:\s+that)?|for|because|since|in\s+order\s+to)\s+.*$")
"""'a tidy cutout of our dog *for a birthday card*': why, after the cut-out — not part of what is kept."""
_COLOUR_AROUND = rx(r"^(?:{REMOVE_VERBS})\s+(?:(?:all|any)\s+(?:of\s+)?)?(?:the\s+)?(?:(?:excess|extra|plain)\s+)?"
                    r"(?P<c>white|black|gr[ae]y|yellow|beige|green|blue)(?:\s+(?:area|areas|part|parts|bits|space|spaces|bg))?"
                    r"\s+(?:from|around|behind|surrounding|off)\s+(?P<s>(?:{NOUN_OPENERS}\s+)?[a-z'-]+(?:\s+[a-z'-]+){0,4}?)"
                    r"(?:\s+(?:so|for|because)\b.*)?\s*$")
"""'erase the white around our badge', 'erase the extra beige around the sticker': the plain ground goes, the
thing stays (a cut-out, not the thing painted out)."""
_COLOUR_TAKEN = rx(r"\bthe\s+(?:white|black|gr[ae]y)\s+(?:{REMOVED_WORDS})\b")
"""'my logo with the grey taken out, as a png': the plain ground, said gone."""
_BACK_AS_BACKGROUND = rx(r"\bthe\s+back\s+(?=(?:(?:completely|all|entirely|totally|plain|pure|solid)\s+)+"
                         r"(?:white|black|gr[ae]y)\b)")
"""'the back all white': the background, in a plain colour ('the back of the car' is no background)."""
_MAY_BE = rx(r"^(?:(?:and|but|so|then)\s+)?(?:the\s+)?(?:{BACKGROUND_NOUNS})\s+(?:{MODAL_VERBS})\s+"
             r"(?:just\s+|simply\s+|only\s+)?be\s+(?P<dest>[a-z].*)$")
"""'the backdrop may simply be plain grey': what the background is to be, said as a permission or a wish — the
same as 'make the background plain grey' (a clause of its own: 'remove the men, the background …' is left to the
clause splitter)."""
_PARTS_TRANSPARENT = rx(r"\b(?:make|turn|get)\s+(?:the|all\s+the|those|these)\s+(?:{COLORS}\s+)?"
                        r"(?:part|parts|area|areas|bits|space|spaces|bg)\s+(?:to\s+)?transparent\b")
"""'make the beige areas transparent': the plain ground around a logo or a subject goes, the subject stays."""
"""'a cut-out of the subject', 'the dog as a png', 'make behind it transparent': the thing kept, on nothing."""
_CUT_OUT_LEAD = rx(r"^(?:cut|crop)\w*\s+(?:out\s+(?:(?:and|&)\s+(?:png|isolate)\s+)?(?P<only>(?:just|only)\s+)?"
                  r"(?P<s>(?:{NOUN_OPENERS}\s+)?[a-z'-]+(?:\s+[a-z'-]+){0,4}?)"
                  r"(?=\s+(?:into|as|onto|so|to|for|and|then)\b|\s*[,.!?]|\s*$)"
                  r"|(?P<only2>(?:just|only)\s+)?(?P<s2>(?:{NOUN_OPENERS}\s+)?[a-z'-]+(?:\s+[a-z'-]+){0,3}?)\s+out\b)")
"""'cut my uncle out …', 'cut out and png my cat', 'crop out just the trophy': what is cut, then why ('crop the
photo closer' has no 'out': a crop)."""
_CUT_OUT_PASSIVE = rx(r"^(?P<s>(?:{NOUN_OPENERS}\s+)?[a-z'-]+(?:\s+[a-z'-]+){0,3}?)\s+(?:to\s+be\s+|be\s+)?cut\s+out\b")
"""'her cut out so I can stick her on a mug': the thing cut, said first."""
_CUTOUT_WANTED = rx(r"(?<![\w-])(?:{CUTOUT_FILE_CUES})\b|\bso\s+(?:that\s+)?(?:i|we|you|he|she|it|they|i'm|we're)\b"
                    r".*\b(?:{CUTOUT_PLACING})\b|\bto\s+(?:{CUTOUT_PLACING})\b")
"""A file, or a place the cut thing goes: 'cut X out *as a png*', '… *so I can put him* onto a birthday card'."""
_WANTED_ALONE = rx(r"^(?:{WANTED_ALONE_LEADS})\s+(?:just|only)\s+(?P<s>(?:{NOUN_OPENERS}\s+)?[a-z'-]+(?:\s+[a-z'-]+){0,3}?)"
                   r"(?:\s+(?:only|please|thanks|thank\s+you))*\s*[.!?]*$")
"""'I want only the motorbike', 'send me just the guitar please': that thing, on its own."""
_NOT_A_CUTOUT = rx(r"\b(?:{SIDES}|{SIDE_PARTS}|top|bottom|middle|centre|center|corner)\b")
"""'I want only the left half' is a crop, not a cut-out."""


_NP = r"(?:{NOUN_OPENERS}\s+)?[a-z'-]+(?:\s+[a-z'-]+){0,3}?"
_AND_NP = r"(?:\s+(?:and|&)\s+(?:{NOUN_OPENERS})\s+[a-z'-]+(?:\s+[a-z'-]+)?)*"
_COLOUR_KEPT = rx(r"\b(?:{COLOUR_KEEPERS})\s+(?:(?:the\s+)?colou?rs?\s+(?:of|on|in)\s+)?(?:only\s+|just\s+)?(?P<s>" + _NP
                  + _AND_NP + ")"
                  r"(?:'s?\s+colou?rs?|\s+(?:in\s+)?colou?r(?:ed|s)?|\s+as\s+(?:it\s+)?is)?\s*(?:[,.!?]|\s(?:and|but)\b|$)"
                  r"|\b(?:only|just)\s+(?P<s2>" + _NP + r")\s+(?:(?:is|are|in|stays?|kept)\s+)*colou?r(?:ed|s)?\b")
"""'… black and white but keep *the red bus* in colour', 'only *the umbrella* in colour, the rest black and white'."""


_TONE_KEPT = rx(r"\b(?:{ADJUST_PROPERTY_WORDS})\b")


_ALL_COLOUR_BUT = rx(r"^(?:{REMOVE_VERBS}|{COLOUR_DRAIN_VERBS})\w*\s+(?:(?:all|any)\s+(?:of\s+)?)?(?:the\s+)?colou?rs?\s+"
                     r"(?=(?:{COLOUR_KEEPERS})\s)")
"""'remove all the colour except her eyes': the colour taken from all but what is named — a colour splash, never the
cut-out 'remove everything except …' makes (cutout28)."""


def _colour_kept(clause: Words) -> list[Step]:
    """A colour splash: the photo made black and white but for the thing named, which keeps its colour — everything
    but it selected, its colour taken away (a black and white of the whole photo would lose what was asked to stay)."""
    low = clause.low
    if not _BLACK_AND_WHITE.search(low) and not COLOUR_TAKEN_FROM.match(low) and not _ALL_COLOUR_BUT.match(low):
        return []
    kept = _COLOUR_KEPT.search(low)
    group = "s" if kept is not None and kept.group("s") else "s2"
    if kept is None or _BLACK_AND_WHITE.search(kept.group(group)):
        return []
    said = kept.group(group)
    end = kept.end(group) - (2 if said.endswith("'s") else 0)        # "the umbrella's colour"
    if _TONE_KEPT.search(said):
        return []                                      # "… and keep the contrast high": a setting, not a thing
    names = [parse_target(part) for part in split_list(clause.slice(kept.start(group), end))]
    if not names or any(t is None or t.pronoun or t.target in IMAGE_WORDS or t.target in COLORS for t in names):
        return []
    names = [Target("person", "subject") if t.target in SUBJECT_PEOPLE or t.display in OWN_PEOPLE else t
             for t in names]
    first, *more = names
    calls = [select(Target(first.target, first.display, exclude=True)),
             *(SelectCall(args=SelectArgs.model_validate({**t.args().model_dump(), "subtract": True})) for t in more),
             adjust({"saturation": -1.0}, masked=True)]
    said_names = " and the ".join(t.display for t in names)
    return [Step("adjust", calls, f"making everything but the {said_names} black and white")]


def _cut_out(clause: Words) -> list[Step]:
    """'cut my dad out as a .png so I can put him onto a birthday card', 'crop out just the trophy', 'I want only the
    motorbike': the thing kept on a transparent background — a cut-out, not a removal of it. 'cut out the bin' (no
    file, no place it goes, no 'just') still removes the bin."""
    low = clause.low
    alone = _WANTED_ALONE.match(low)
    lead = _CUT_OUT_LEAD.match(low) or _CUT_OUT_PASSIVE.match(low)
    if alone is None and (lead is None or not (lead.groupdict().get("only") or lead.groupdict().get("only2")
                                               or _CUTOUT_WANTED.search(low))):
        return []
    said, group = (alone, "s") if alone is not None else (lead, "s" if lead.group("s") else "s2")
    if _NOT_A_CUTOUT.search(said.group(group)):
        return []
    target = parse_target(clause.slice(said.start(group), said.end(group)))
    if alone is not None and (target is None or target.pronoun or target.target in IMAGE_WORDS
                              or target.target in SUBJECT_PEOPLE or said.group(group) in OWN_PEOPLE):
        return []                                      # "I want only us": who stays (rules_keep_only)
    if target is None or target.pronoun or target.target in IMAGE_WORDS or target.target in SUBJECT_PEOPLE:
        target = Target("person", "subject")
    step = background_step(target.target, target.display, "transparent", "",
                           say=f"cutting out the {target.display} (transparent background)")
    if alone is not None:
        step.note = (f"(I read this as the {target.display} on its own, on a transparent background — say “crop to "
                     f"the {target.display}” if you meant a crop.)")
        step.doubt = "one thing wanted on its own"
    return [step]


_BG_COLOR = rx(r"\b(?:(?:{COLOR_MODIFIERS}|plain|solid|all|pure|completely|totally|entirely)\s+)*(?P<a>{COLORS})\s+"
               r"(?:{BACKGROUND_NOUNS})\b"
               r"|\b(?:{BACKGROUND_NOUNS})\s+(?:(?:is|be|to|into|all|completely|totally|entirely|plain|solid|pure|"
               r"just|only|a|an|in|with|color|colour|of|turned|made|painted|colou?red|very|really|super)\s+)*"
               r"(?P<b>(?!more\b)(?:{COLOR_MODIFIERS})\s+{COLORS}(?=\s*(?:$|[,.;!?]|(?:and|please|pls)\b))|{COLORS})\b"
               r"(?!\s+(?:{SCENE_WORDS})(?:s|es)?\b)"
               r"|\b(?P<c>white|black|gr[ae]y)\s*out\s+(?:(?:the|entire|whole|complete|all|of|my|this)\s+)*"
               r"(?:{BACKGROUND_NOUNS})\b")
"""A colour said with the background is the colour meant: 'the background completely white', 'a green background',
'white out the background', 'blackout the entire backdrop' — not the colour of a scene named after it ('the background to blue skies', 'to a green
field': that scene)."""


def _kept_subject(words: Words) -> tuple[str, str]:
    """What stays in 'everything except *the two guys in orange*': its name for the finder, and for the reply."""
    target = parse_target(words)
    if target is None or target.pronoun or target.target in IMAGE_WORDS or target.display in PEOPLE_PRONOUNS:
        return "person", "subject"                      # 'everything but me': never "the me" in the reply
    return target.target, target.display


_COLOUR_VERB_ON_BG = rx(r"\b(?P<v>{COLOR_VERBS})\s+(?:(?:the|my|this|its|her|his|their|our)\s+)?(?:{BACKGROUND_NOUNS})\b")
"""'*whiten* the background': the colour the verb says."""
_TO_A_SCENE = rx(r"^\s*(?:colou?rs?\s+)?(?:(?:be|is|gets?)\s+)?(?:(?:changed|turned|switched|converted|made)\s+)?(?:to|into|with)\s+"
                 r"(?:a|an|some)\s+(?!(?:{COLOR_MODIFIERS}|plain|solid|pure|single|one)\b)(?:[a-z-]+\s+)?[a-z-]+\s+(?:with|and|of|in|on)\b")
"""'change this grey background to *a green meadow with sheep*': a scene after 'to', with colours in it — no colour
of the old background is meant."""
_PAINTED = rx(r"^(?:paint|colou?r|make|turn|dye|fill)\w*\s+.+?(?<!\bor)(?<!\binstead\sof)(?<!\bthan)(?<!\bnot)\s+"
              r"(?:(?:very|really|super|quite)\s+)?(?P<d>(?:(?!(?:more|pure|plain|solid)\b)(?:{COLOR_MODIFIERS})\s+)?{COLORS})\s*$")
"""'paint the area around the boy *yellow*', 'make the white background *light pink*': the colour ends the request
(not one offered second, 'black or white', nor the old one, 'instead of grey')."""
_TO_NEW_COLOUR = rx(r"^\s*(?:(?:colou?rs?|(?:of|in)\s+(?:this|the|my|that)\s+[a-z]+)\s+)*(?:(?:be|is|gets?)\s+)?"
                   r"(?:(?:changed|turned|switched|converted|made)\s+)?(?:from\s+(?:[a-z]+\s+){1,2}?)?(?:to|into|with(?=\s+(?:(?:a|an|plain|solid|pure|just|only)\s+)*"
                   r"(?:(?:{COLOR_MODIFIERS})\s+)?{COLORS}\s*(?:$|[,.;!?]|please\b)))\s+(?:(?:a|an|be|all|completely|totally|entirely|plain|solid|pure|just|only)\s+)*"
                   r"(?P<d>(?:(?:{COLOR_MODIFIERS})\s+)?{COLORS})(?:\s+(?:{BACKGROUND_NOUNS}|one))?\s*(?:$|[,.;!?]|and\b|please\b)")
"""'turn the *green* backdrop *to yellow*', 'replace the *blue* background *with white*': after the background, the colour
it goes to is the one meant — never the colour that named the old one."""


_BEHIND_WHOM = r"^\s*(?P<behind>behind\s+(?:(?:the|this|that|my|his|her|their|our)\s+)?[\w'-]+\s+)?"
"""'the background *behind the dog* less blue': who stays in front, said before the tone (read by `_subject`)."""
_TONED_DOWN = rx(_BEHIND_WHOM + r"(?:(?:is|be|look|looks|a\s+bit|a\s+little|slightly|much|way)\s+)*{TONE_DOWN}\s+"
                 r"(?:(?P<colour>{COLORS})|{LIGHTER_CUES}|{DARKER_CUES})\b")
"""'the background *less yellow*', '… *too blue*', '… *less bright*': the background's own colour or light taken down —
a tone there, never a background painted that colour nor one called 'less bright'."""


_TONED_UP = rx(_BEHIND_WHOM + r"(?:(?:is|be|look|looks|a\s+bit|a\s+little|slightly|much|way)\s+)*"
               r"(?:more\s+[a-z]|(?(behind)(?:{TONE_COMPARATIVES})\b|(?!)))")
"""'the background *more vivid*', '… *more colourful*', and a comparative right after who stays in front ('the
background behind her *warmer*', issue 20 critique17): more of a tone the tone handler reads, never a new background
called 'more vivid' (a word it doesn't read as a tone, 'more dramatic', goes on to the background's other readings)."""


def _background_toned_down(clause: Words, ctx: PlanningContext, settings: Settings, said: re.Match[str] | None,
                           behind: Target) -> list[Step]:
    """The background made less of a colour or a light: the tone handler's reading where it has one ('less yellow' is
    cooler, 'less bright' darker), else the cast of that colour measured and corrected there, as 'remove the green
    tint from the background' is (an enhance of the white balance, masked to the background). The background is
    selected as every other edit of it is — all but `behind`'s subject — since no finder looks for 'background'."""
    toned = parse_adjust(clause, ctx, settings)
    if toned or said is None or not said.group("colour"):
        for step in toned:
            step.calls = [select(behind) if isinstance(call, SelectCall) and call.args.exclude else call
                          for call in step.calls]        # the subject kept in front, when it is said ('behind the dog')
        return toned
    return [enhance_step(["white_balance"], "correcting the colour cast of the background by what I measure",
                         masked=True, target=behind)]


_CORRECTED_THERE = rx(r"\b(?:{BACKGROUND_CORRECTED_TOPICS})\s+(?P<there>(?:in|of|on|throughout)\s+(?:the|my|this|our|its)\s+"
                     r"(?:{BACKGROUND_NOUNS}))\b(?!\s+(?:to|into|from|with)\b)")
"""'fix the lighting *in the background*', 'the colours *of the backdrop* are off': the place a measured correction is
asked, said right after what it corrects — not 'change the colour of the background to brown', a new colour given."""


def parse_background_corrected(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """A measured correction said of the background ('fix the lighting in the background', 'correct the exposure of the
    backdrop', 'remove the grain in the background'): the correction the words ask of the whole photo, read without
    the place, then masked to everything but the subject. Read before the tone and wish rows, which took 'fix' for a
    thing in the background and brightened it. [] when the words without the place ask no measured correction of the
    whole photo alone ('the people in the background are too dark' names people)."""
    m = _CORRECTED_THERE.search(clause.low)
    if m is None:
        return []
    from retouch.agent.planner.rules_handlers import dispatch          # the table imports this module

    rest = clause.blank(m.start("there"), m.end("there")).squeeze()
    steps = dispatch(rest, ctx, settings)
    if len(steps) != 1 or len(steps[0].calls) != 1 or not isinstance(steps[0].calls[0], EnhanceCall) \
            or steps[0].calls[0].args.masked:
        return []
    step, args = steps[0], steps[0].calls[0].args
    subject, display = _subject(rest.low, rest.orig)
    masked = EnhanceCall(args=args.model_copy(update={"masked": True}))
    say = step.say.replace("the photo", "the background", 1) if "the photo" in step.say \
        else step.say.replace(" by what I measure", " in the background by what I measure", 1) \
        if " by what I measure" in step.say else f"{step.say} in the background"
    return [Step("enhance", [select(Target(subject, display, exclude=True)), masked], say, step.note)]


def _plain_style(color: str | None) -> str | None:
    return {"white": "white", "black": "black", "gray": "gray", "grey": "gray"}.get(color)


@functools.lru_cache(maxsize=256)
def _bg_noun(low: str) -> re.Match[str] | None:
    """A background word that means the background itself, not 'the people in the background'. Cached: a pure
    function of the words, asked twice of a clause (the edit-then-background check, then the background's own)."""
    for m in _BG_NOUN.finditer(low):
        before = low[:m.start()]
        if m.group(0) in AREA_WORDS and _NAMED_PART.search(before):
            continue                                   # "the metal part behind her shoulder": a thing, not the background
        if _OWNED_BY_PICTURE.search(before):
            continue
        if _IN_THE_BACK.search(before) and not _PART_OF.search(before) and not _RID_OF.search(before):
            continue
        if _people_on_the_back(before) and REMOVE_VERB.search(before):
            continue                                   # "erase the men on the backdrop": a place
        if not _BG_FOLLOW_OK.match(low[m.end():].lstrip()):
            continue
        return m
    return None


_CALMED = rx(_BEHIND_WHOM + r"(?:(?:is|be|look|looks|a\s+bit|a\s+little|slightly|much|way)\s+)*(?:less|not\s+so)\s+"
             r"(?:{BUSY_LOOKS})\b")
"""'the background (behind her) *less busy*': the background blurred, never one called 'less busy'."""
_COMPARED_WORD = rx(r"(?:{TONE_COMPARATIVES}|less|more)")
"""A tone said right after who stays in front ('the background behind her *warmer*'): no name of a thing."""


_OLD_ONE = re.compile(r"from\s+(?:the\s+)?[a-z'-]+(?:\s+[a-z'-]+)?\s+to\b")
"""'the background *from wood to* a beach': what it is now, no subject in front of it."""


def _subject(low: str, orig: str | None = None) -> tuple[str, str]:
    """What stays in front of the background ('… so it is just *Ada Lovelace*'): `orig`, the same text as said, keeps
    the capitals a name is read by. Leads are looked for again inside a skipped name ('the backdrop of this *shot
    leaving* just the truck': the picture is no subject, the truck after it is)."""
    found = _BG_SUBJECT.search(low)
    while found is not None:
        m, found = found, _BG_SUBJECT.search(low, found.start("s"))
        word = m.group("s").split()[0]
        if word in IMAGE_WORDS or _BG_NOUN.match(word) or word in NOT_A_SUBJECT or _OLD_ONE.match(low, m.start()):
            continue
        if _COMPARED_WORD.fullmatch(word) and low[:m.start("s")].split()[-1:] in (["her"], ["him"], ["them"]):
            continue                                   # "behind her *warmer*": how, not who (her: a person)
        if word in SUBJECT_PEOPLE:
            return "person", "subject"
        said = Words(orig[m.start("s"):m.end("s")], m.group("s")) if orig is not None else Words.of(m.group("s"))
        target = parse_target(said)
        if target and target.target not in IMAGE_WORDS and not _SCENE.fullmatch(target.target) \
                and target.target not in COLORS and target.target not in VAGUE_THINGS:
            return target.target, target.display      # not 'from black *to white*' (the old colour) nor 'things'
    return "person", "subject"


def _scene_behind(low: str, dest: str) -> str | None:
    """Where a subject is sent, as the new background's words: a scene ('into a rocky river'), or what another picture
    shows ('onto a picture of a storm'); None for a picture or a world with no scene said, a person shown, or a style
    — a composite or a restyle, which `rules_unsupported` declines."""
    if _STYLE.search(low):
        return None
    shown = _PICTURE_OF_SCENE.match(dest)
    if shown:
        target = parse_target(Words.of(shown.group("scene")))
        people = target is None or target.target in PERSON_WORDS or target.target in SUBJECT_PEOPLE
        return None if people or _SHOWN_NO_SCENE.search(shown.group("scene")) else shown.group("scene")
    return dest if _SCENE.search(dest) and not _A_PICTURE.match(dest) else None


_SCENE_UNSAID = rx(r"^(?:(?:a|an|some)\s+)?(?:{UNSAID_SCENE_LEADS})\s+(?:{UNSAID_SCENE_NOUNS})\s*[.!?]*$")
"""Where someone is sent with no place named: 'onto *random stuff*', 'into *different places*'."""


def _sent_into_scene(clause: Words, shown_only: bool = False) -> list[Step]:
    """'put my son on a beach', 'edit her into a rocky river', 'paste it onto a picture of a storm': who is sent stays,
    the scene goes behind them; with `shown_only`, only a picture of a scene said first in the clause."""
    low = clause.low
    m = (_PUT_SUBJECT.match(low) or _SCENE_SENT.match(low)) if shown_only else \
        (_PUT_SUBJECT.search(low) or _SCENE_SENT.search(low))
    scene = _scene_behind(low, m.group("dest")) if m and not _SCENE.search(m.group("s")) else None
    unsaid = m is not None and not scene and not shown_only and _SCENE_UNSAID.match(m.group("dest").strip())
    if not scene and not unsaid or shown_only and not _PICTURE_OF_SCENE.match(m.group("dest")):
        return []
    who = _MADE_READY.sub("", split_list(Words.of(m.group("s")))[0].low).strip()    # the first of a list
    subject, display = _subject("of " + who) if who not in ("", *NOUN_OPENERS) else ("person", "subject")
    if unsaid:                                     # "edit my aunt into random scenes": somewhere, none said
        return [_new_backdrop_unnamed(subject, display)]
    prompt = _dest(clause.find_orig(scene))
    return [background_step(subject, display, "generate", prompt, say=f"putting the {display} in front of {prompt}")]


def parse_pictured_scene(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """'paste it onto a picture of a storm', 'put her on a photo of the northern lights': what the other picture shows
    becomes the background behind who is sent — read before the composite row declines the paste."""
    return _sent_into_scene(clause, shown_only=True)


def parse_busy_background(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """'remove the noisy background behind my son', 'get rid of the cluttered background': the background asked away
    for what fills it — read without the look, before the restore row takes 'noisy' for the sensor's noise."""
    busy = _BUSY_ASKED_AWAY.search(clause.low)
    if busy is None:
        return []
    return parse_background(clause.blank(busy.start("look"), busy.end("look")).squeeze(), ctx, settings)


_DANGLING = rx(r"\s+(?:in|on|at|to|into|onto|with|for)(?:\s+(?:{NOUN_OPENERS}))?\s*$")
"""'… a meadow with poppies *in the*' (the background word that ended it cut off): words that lead nowhere."""


_MADE_TO_LOOK = re.compile(r"^\s*make\s+(?:it|this|that|them|(?:the|my|this)\s+[a-z'-]+)\s+(?:look|seem)\s+"
                           r"(?:like\s+)?", re.I)
"""'change the background *to make it look like* autumn': what it should look like is the new background."""


def _dest(text: str) -> str:
    text = SCAFFOLD.sub(" ", _COMMAND_ON_PICTURE.sub("", _MADE_TO_LOOK.sub("", text)))
    text = _DEST_KEEP.split(text)[0]
    text = _DEST_END.split(text)[0]
    text = _DEST_FILLER.sub("", " ".join(text.split()).strip(" ,.!?\"'"))
    text = _DEST_FILLER.sub("", text).strip(" ,.")
    text = _DANGLING.sub("", text)
    if _DEST_GENERIC.search(" " + text) and len(text.split()) > 1:
        text = _DEST_GENERIC.sub(" scene", " " + text).strip()
    return one_named(text, "background")              # "… to a plain lilac one": a plain lilac background


_COLOURED_OUT = rx(r"\b{BACKGROUND_NOUNS}\s+(?:(?:all|completely|entirely|totally)\s+)?(?P<c>white|black|gr[ae]y)(?P<ed>e?d\s+out)\b")
"""'the background *whited out*': said as done, the plain colour it is to be ('… background white')."""


_SUBJECT_LIST = rx(r"\b(?:behind|around|keep|except|besides|only|just|the\s+(?:{BACKGROUND_NOUNS})\s+of)\s+(?P<s>(?:[a-z']+\s+){0,3}?[a-z']+\s+(?:and|&)\s+"
                   r"(?:[a-z']+\s+){0,3}?[a-z']+)"
                   r"(?=\s+(?:to|with|into|in|on|as|for|and\s+(?:make|turn|change|put))\b|\s+{COLORS}\s*[.!?]*$|\s*[,.!?]|$)")
"""'change the background behind *the dog and the cat* to grey', '… so it's *just* the dog and the cat', 'the background
of *the baby and the pram*': more than one thing stays ('a background of leaves and moss' is what it shows)."""
_CUT_LIST = rx(r"^(?:(?:{CUT_AWAY_VERBS})\w*|{ISOLATE_VERBS})\s+(?:out\s+)?(?P<s>(?:[a-z']+\s+){0,3}?[a-z']+"
              r"(?:\s*,\s*(?:and\s+)?(?:[a-z']+\s+){0,3}?[a-z']+)*\s+(?:and|&)\s+(?:[a-z']+\s+){0,3}?[a-z']+)"
              r"(?=\s+(?:out|from|off|without|as|onto|into|on|for)\b|\s*[,.!?]|$)")
"""'cut *the dog and the ball* out of the background', 'isolate *the lamp, the rug and the chair*': a cut-out of each
thing named, never of the last alone."""


_PURPOSE_TAIL = rx(r"\s+(?:in\s+order\s+)?to\s+(?:(?:{BACKGROUND_PURPOSE_VERBS})\b|make\s+(?:it|this|that|her|him|them|"
                   r"me|us|(?:the|my|this)\s+[a-z'-]+)\s+(?!look\s+like\b|into\b|be\b)[a-z]).*$")
"""'blur the background *to hide the mess*', 'darken the backdrop *to make the bride stand out*': why, not what it
becomes."""


_BACKGROUND_AS_IT_IS = rx(r"(?:^|\s*[,;]?\s+(?:(?:and|but|while|yet|just)\s+)*)(?P<said>(?:(?:{LEAVING_VERBS})\s+(?:(?:the|my|its|this)\s+)?"
                         r"(?:{BACKGROUND_NOUNS})(?:(?:\s+(?:behind|around)\s+(?:(?:{NOUN_OPENERS})\s+)?[\w'-]+)?\s+(?:{AS_IT_IS_WORDS}))?"
                         r"|(?:the\s+)?(?:{BACKGROUND_NOUNS})\s+(?:(?:should|must|can|will|has\s+to|needs\s+to)\s+)?"
                         r"(?:stays?|remains?|be\s+left|is\s+left|be\s+kept|is\s+kept)\s+(?:{AS_IT_IS_WORDS})"
                         r"|without\s+(?:chang|touch|alter|affect|ruin|los)\w*\s+(?:(?:the|my|its|this)\s+)?(?:{BACKGROUND_NOUNS})))"
                         r"\s*[.!?]*$")
"""'remove the sign, *leave the background*', '… but *keep the backdrop behind him untouched*', '*the background should
stay the same*', '… *without changing the background*': the background kept as it is — how to do the edit beside it,
never a background edit of its own."""


def _background_as_it_is(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step] | None:
    """The edit said before the background is kept as it is, planned alone, with the keeping noted ('remove woman leave
    background' removes the woman; it made the background transparent); said alone, only the note; words before it that
    read as nothing are said to be left out. None when the clause says no such thing."""
    kept = _BACKGROUND_AS_IT_IS.search(clause.low)
    if kept is None:
        return None
    said = " ".join(clause.orig[kept.start("said"):kept.end("said")].split())
    noted = Step("noted", note=f"(Noted: “{said}” — I leave the background as it is.)")
    before = clause.slice(0, kept.start()).strip()
    if not before.low.strip(" ,;.!?"):
        return [noted]
    from retouch.agent.planner.rules_handlers import dispatch          # the table imports this module

    found = dispatch(before, ctx, settings)
    if not any(step.calls for step in found):          # the words before read as nothing: said, never dropped
        return [*found, left_out(noted, before.orig.strip(" ,;"))]
    return [*off_the_background(found), noted]


_WHOLE_PHOTO_TONE = (AdjustCall, EnhanceCall)
_THE_PHOTO_SAID = re.compile(r"\bthe (?:image|photo)\b")
"""How a whole-photo step's reply names what it changes ('brightening *the image* (+0.25)')."""


def off_the_background(steps: list[Step]) -> list[Step]:
    """A tone or a measured correction of the whole photo asked beside keeping the background ('brighten it, but leave
    the background as it is', 'warm it up without changing the background'): made on the subject in front of it — the
    person, as every background edit assumes — so the background really is left as it is, never changed under a note
    that says it is kept. Steps that already have their own selection are left alone."""
    kept: list[Step] = []
    for step in steps:
        tones = [call for call in step.calls if isinstance(call, _WHOLE_PHOTO_TONE)]
        if not tones or len(tones) != len(step.calls) or any(call.args.masked for call in tones):
            kept.append(step)
            continue
        subject = select(Target("person", "person"))
        masked = [call.model_copy(update={"args": call.args.model_copy(update={"masked": True})}) for call in tones]
        said = _THE_PHOTO_SAID.sub("the person in front", step.say, count=1)
        kept.append(dataclasses.replace(step, calls=[subject, *masked], say=said if said != step.say else
                                        f"{step.say} — on the person in front, leaving the background"))
    return kept


_TOPIC_TITLE = rx(r"^(?P<topic>(?:[\w'-]+\s+){0,3}?(?:{BACKGROUND_NOUNS})(?:\s+(?:{NOUN_REQUESTS}))?)\s+(?:{HEADER_WORDS})"
                  r"\s*[.!?]*$")
"""'background change *request*', 'removing the backdrop *help*': a post's title naming its topic, the word that says it
is a request after it — the topic is the ask ('background change' is 'change the background')."""
_WAYS_OFFERED = re.compile(r"^(?P<first>[a-z]+ing)\s+(?:or|and/or|/)\s+(?P<other>[a-z]+ing)\s+")
"""'*removing or changing* (the) background': two ways offered for the background; the first is done, the other said."""


def _topic_title(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step] | None:
    """A title that only names the topic ('background change request', 'removing or changing background request') is
    that background edit: the new one unnamed gets the neutral backdrop, said as the planner says it elsewhere — never
    'what should I remove?' for a thing called 'or changing background request'. None for any other clause."""
    titled = _TOPIC_TITLE.match(clause.low)
    if titled is None:
        return None
    topic = read_noun_request(clause.slice(0, titled.end("topic")).strip())
    ways = _WAYS_OFFERED.match(topic.low)
    if ways:
        topic = topic.slice(0, ways.end("first")).join(" ", topic.slice(ways.end(), len(topic.low)))
    steps = parse_background(topic, ctx, settings)
    if ways and steps and steps[-1].calls:
        steps[-1].note = " ".join(filter(None, (steps[-1].note, f"(You also offered “{ways.group('other')}”; say it if "
                                                                "you'd rather have that.)")))
    return steps


_AROUND_WHAT_STAYS = rx(r"^(?:{REMOVE_VERBS})\s+(?P<gone>(?:[\w'-]+\s+){0,6}?[\w'-]+)\s+(?:from\s+)?around\s+"
                        r"(?P<kept>(?:{NOUN_OPENERS})\s+(?:[\w'-]+\s+){0,2}?[\w'-]+)\s*,?\s+"
                        r"(?:so\s+(?:that\s+)?(?:(?:it'?s|it\s+is|there'?s|there\s+is|there\s+will\s+be)\s+)?|leaving\s+)"
                        r"(?:just|only)\s+(?P<left>(?:[\w'-]+\s+){0,3}?[\w'-]+?)"
                        r"(?:\s+on\s+(?:a\s+)?(?:(?:plain|pure|solid)\s+)?(?P<c>white|black|gr[ae]y)(?:\s+(?:{BACKGROUND_NOUNS}))?)?"
                        r"(?:\s+(?:is|are))?(?:\s+(?:left|remains?|stays?))?\s*[.!?]*$")
"""'remove the weeds and rocks around the tortoise so it's just the tortoise', '… all the sand around my crab, leaving
only him on white': what goes is said as what surrounds the thing that alone is left — everything around it."""


def _surroundings_taken(clause: Words) -> list[Step] | None:
    """Things taken away around a thing, so that only it is left: the cut-out of that thing (transparent, or the plain
    colour said), not each thing removed and filled back in. None when what is left is not the thing they surround
    ('remove the leaves around the statue', 'remove the cones around the car so only the road is left'), or what goes is
    people ('remove the tourists around the fountain so it's just the fountain': the people go, the square stays)."""
    if " around " not in clause.low:
        return None
    m = _AROUND_WHAT_STAYS.match(clause.low)
    if m is None:
        return None
    kept = parse_target(clause.slice(m.start("kept"), m.end("kept")))
    left = parse_target(clause.slice(m.start("left"), m.end("left")))
    if kept is None or left is None or kept.pronoun or kept.target in IMAGE_WORDS \
            or not left.pronoun and left.target != kept.target:
        return None
    gone = [parse_target(part) for part in split_list(clause.slice(m.start("gone"), m.end("gone")))]
    if any(thing is None or thing.target in PERSON_WORDS or thing.target == "person" for thing in gone):
        return None
    style = _plain_style(m.group("c")) or "transparent"
    said = f"removing everything around the {kept.display} (transparent background)" if style == "transparent" \
        else f"making everything around the {kept.display} {style}"
    return [background_step(kept.target, kept.display, style, "", say=said)]


_SET_OTHERWISE = rx(r"^(?!(?:{TONE_VERBS}|{REMOVE_VERBS})\b)(?:[a-z]+\s+)?(?:(?:the|my|this|our|his|her|their|its)\s+)?(?:{BACKGROUND_NOUNS})\s+"
                    r"(?:(?:a\s+(?:bit|little)|slightly|totally|completely|somehow|entirely)\s+)?"
                    r"(?:differently|different)(?:\s+(?:please|pls))?[\s.!?]*$")
"""'set the background differently', 'make the backdrop different': a new background with nothing said of it — the
default backdrop, said and unsure, as 'change the background' is (never a thing called 'background differently');
'blur the background differently' stays the blur's."""


def parse_background(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """The background step, with every further thing named beside its subject kept too: "put the dog and the
    cat on a grey background" selects everything but the dog, then takes the cat out of that selection. A purpose
    said after it ('… to hide the mess') is noted, and the edit read without it; the background said to stay as it is
    (`_background_as_it_is`) is no background edit."""
    as_it_is = _background_as_it_is(clause, ctx, settings)
    if as_it_is is not None:
        return as_it_is
    if _SET_OTHERWISE.match(clause.low):               # "set the background differently": which, unsaid
        return [_new_backdrop_unnamed("person", "subject")]
    titled = _topic_title(clause, ctx, settings) or _surroundings_taken(clause)
    if titled is not None:
        return titled
    noun = _bg_noun(clause.low)
    purpose = _PURPOSE_TAIL.search(clause.low, noun.end()) if noun is not None else None
    if purpose is not None:
        steps = parse_background(clause.slice(0, purpose.start()).strip(), ctx, settings)
        if steps and all(step.calls for step in steps):
            said = " ".join(clause.orig[purpose.start():].split()).rstrip(" .!?")
            steps[-1].note = " ".join(filter(None, (steps[-1].note, f"(Noted: “{said}”.)")))
            return steps
    steps = _edit_then_background(clause, ctx, settings) or _background_then_edit(clause, ctx, settings) \
        or _parse_background(clause, ctx, settings)
    if len(steps) != 1 or steps[0].action != "background" or not steps[0].calls:
        return steps
    first = steps[0].calls[0]
    if not isinstance(first, SelectCall) or not first.args.exclude:
        return steps
    put = _PUT_ON_BACKGROUND.match(clause.low)
    sent = _PUT_SUBJECT.search(clause.low) if put is None else None
    said = f"behind {put.group('who').strip()}" if put else f"behind {sent.group('s')}" if sent else clause.low
    listed = _SUBJECT_LIST.search(said)
    cut = _CUT_LIST.match(clause.low) if listed is None else None
    if listed is None and cut is None:
        return steps
    names = [parse_target(part) for part in split_list(Words.of((listed or cut).group("s")))]
    kept = [t for t in names if t is not None and not t.pronoun and t.target not in IMAGE_WORDS]
    if len(kept) < 2 or first.args.target not in {t.target for t in kept} or all(t.target == "person" for t in kept) \
            or any(t.target in COLORS for t in kept):         # "the space round the girl plain and white": a look
        return steps                                   # "me and my sister": the finder's people, as before
    if cut is not None:                                # "cut the dog and the ball out": the list's first, not its head
        first = select(dataclasses.replace(kept[0], exclude=True))
    extra = [SelectCall(args=SelectArgs.model_validate({**t.args().model_dump(), "subtract": True})) for t in kept[1:]]
    step = steps[0]
    step.calls = [first, *extra, *step.calls[1:]]
    if cut is None:
        step.say = step.say + " (keeping " + " and ".join(t.describe() for t in kept) + ")"
    else:                                              # "cutting out the dog and the ball": every one already said
        step.say = "cutting out " + " and ".join(t.describe() for t in kept) + " (transparent background)"
    return steps


def _edit_then_background(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """'remove the stray hairs, softly blur bg': an edit, a comma, then the background — each planned as if said
    alone, so the background step doesn't take the removal before it for its own ('remove … bg' is no transparent
    background here); the same with no comma, a command verb starting the background's edit ('remove the boy change
    background', `_RUN_ON_BACKGROUND`). [] when the words before ask nothing or the words after name no background
    edit."""
    low = clause.low
    noun = _bg_noun(low)
    if noun is None:
        return []
    comma = low.rfind(",", 0, noun.start())
    if comma > 0 and _EDIT_OPENS.match(low[comma + 1:].lstrip()):
        cut, resume = comma, comma + 1
    else:                                              # "remove boy change background": a run-on, no comma
        run_on = _RUN_ON_BACKGROUND.search(low, 0, noun.end())
        while run_on is not None:                      # the last verb before the background opens its edit
            later_verb = _RUN_ON_BACKGROUND.search(low, run_on.end("verb"), noun.end())
            if later_verb is None:
                break
            run_on = later_verb
        if run_on is None or run_on.end() != noun.end() or _BG_NOUN.search(low, 0, run_on.start("verb")):
            return []                                  # the background in both halves: read whole, as before
        cut = resume = run_on.start("verb")
    later = _parse_background(clause.slice(resume, len(low)).squeeze(), ctx, settings)
    if not later or not all(step.calls for step in later):
        return []
    from retouch.agent.planner.rules_handlers import dispatch          # the table imports this module

    earlier = dispatch(clause.slice(0, cut).squeeze(), ctx, settings)
    if not earlier or not all(step.calls for step in earlier):
        return []
    return [*earlier, *later]


_NEW_EDIT_IN_DEST = rx(r"(?<=[a-z]\s)(?:{PUT_VERBS}|{REMOVE_VERBS}|{IN_PLACE_VERBS}|make)\s+[a-z]")
"""'change background to a harbour *add* a buoy …', '… to a dusty track *put* a red van …': a run-on
edit after the new background's words, which no prompt should hold."""


def _background_then_edit(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """'change background to a harbour add a buoy': the background up to the next edit's verb, then that
    edit as if said alone; [] when no verb follows the background's words or either half plans nothing."""
    noun = _bg_noun(clause.low)
    verb = _NEW_EDIT_IN_DEST.search(clause.low, noun.end()) if noun is not None else None
    if verb is None or not _BG_DEST.search(clause.low[noun.end():verb.start()]):
        return []
    first = _parse_background(clause.slice(0, verb.start()).strip(), ctx, settings)
    if len(first) != 1 or first[0].action != "background" or not first[0].calls:
        return []
    from retouch.agent.planner.rules_handlers import dispatch          # the table imports this module

    rest = dispatch(clause.slice(verb.start(), len(clause.low)).strip(), ctx, settings)
    return [*first, *rest] if rest and all(step.calls for step in rest) else []


_BARE_BACKGROUND = rx(r"^(?:(?:{NOUN_OPENERS}|whole|entire|current|old)\s+)*(?:(?!so\b)[a-z-]+\s+)?(?:{BACKGROUND_NOUNS})$")
"""The background alone as an item of a list ('the red background'), not 'the background so only the kite is left'."""
_LISTED_THING = rx(r"^(?:(?:{NOUN_OPENERS}|all|both)\s+[a-z' -]+|(?!(?:{FUNCTION_WORDS}|{IMPERATIVE_VERBS}|{FEATHER_VERBS})\b)[a-z'-]+"
                   r"(?:\s+(?!(?:{FUNCTION_WORDS})\b)[a-z'-]+){0,2})$")
"""A thing named in a list: after an article or an owner, or two or three words with no verb first and no function
word ('shadow', 'red car') — not 'so just the goat remains', 'leave only the stairs'."""


def _removed_beside(clause: Words, removal: re.Match[str], gone: Step, ctx: PlanningContext,
                    settings: Settings) -> list[Step]:
    """'erase the letters and the grey background', 'remove the background and the sticker': each thing listed beside
    the background is removed too, in the order said — never dropped for the background's own step."""
    listed = split_list(clause.slice(removal.end(), len(clause.low)).strip())
    if len(listed) < 2:
        return [gone]
    from retouch.agent.planner.rules_handlers import dispatch      # the table imports this module

    steps: list[Step] = []
    for part in listed:
        said = part.low.strip(" ,.!?")
        if _BARE_BACKGROUND.match(said):
            steps.append(gone)
            continue
        if not _LISTED_THING.match(said) or has_command(said) or _bg_noun(said) is not None:
            return [gone]                              # "… and so just the goat remains": no thing of a list
        found = dispatch(clause.slice(removal.start(), removal.end()).join(" ", part.strip()), ctx, settings)
        if not any(step.calls for step in found):
            return [gone]
        steps.extend(found)
    return steps if gone in steps else [gone]


def _in_focus_but_blurred(clause: Words) -> list[Step]:
    """'the car sharp but the background nicely blurred': the background blurred behind the thing in focus — read
    before an enhance takes 'the background is blurred' for a complaint to sharpen."""
    focused = _IN_FOCUS_BUT.search(clause.low)
    if focused is None:
        return []
    target = parse_target(clause.slice(focused.start("s"), focused.end("s")))
    if target is None or target.pronoun or target.target in IMAGE_WORDS:
        return []
    return [background_step(target.target, target.display, "blur", "",
                            say=f"blurring the background behind the {target.display}")]


_SET_APART = rx(r"\b(?:(?:{STAND_OUT_VERBS})\s+out|separat\w*|clearer|distinct)\s+(?:(?:more|much|a\s+bit|a\s+little)\s+)?"
                r"(?:from|against)\s+(?:(?:the|its|their|her|his|my|our)\s+)?(?:{BACKGROUND_NOUNS})\b(?!\s+(?:of|in|to)\b)")
"""'make me stand out from the background', 'a bit more separation from the backdrop', 'clearer against the
background': the subject set apart by the background blurred behind it."""


_APART_WHO = rx(r"(?P<s>(?:the|my|our|his|her|this|that)\s+[\w'-]+(?:\s+[\w'-]+)?)\s+(?:(?:to|so|would|will|can|could|it)\s+)*"
                r"(?:{STAND_OUT_VERBS})\b")
"""Who is set apart: '*the dog* pop out more from the background' (a pronoun or none: the subject)."""


def _set_apart(clause: Words) -> list[Step]:
    """The subject set apart from the background ('make me stand out from the backdrop'): the background blurred
    behind it — the reply says so and how to ask for a darker one instead, since both set a subject apart."""
    if " from " not in clause.low and " against " not in clause.low or not _SET_APART.search(clause.low) or _NOT_ASKED.search(clause.low[:_SET_APART.search(clause.low).start()]):
        return []
    named = _APART_WHO.search(clause.low)
    kept = parse_target(clause.slice(named.start("s"), named.end("s"))) if named else None
    subject, display = (kept.target, kept.display) if kept is not None and not kept.pronoun \
        and kept.target not in IMAGE_WORDS else ("person", "subject")
    step = background_step(subject, display, "blur", "", say=f"blurring the background behind the {display}")
    step.note = f"(To set the {display} apart another way, say “darken the background”.)"
    return [step]


def parse_portrait_look(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """'give the shot some depth of field', 'as if a dslr took it', 'portrait mode': the look of a
    background out of focus behind the subject, asked before an enhance reads 'add … to this picture' as a look of its
    own; and 'the bike in focus but the background blurred'. Any other background named goes to `parse_background`,
    which reads what it should become."""
    low = clause.low
    focused = _in_focus_but_blurred(clause)
    if focused:
        return focused
    apart = _set_apart(clause)
    if apart:                                          # "fix her skin and a bit more separation from the backdrop"
        return [*_edit_before_look(clause, _SET_APART.search(low).start(), ctx, settings), *apart]
    look = _PORTRAIT_MODE.search(low)
    if not look or _bg_noun(low) is not None or _NOT_ASKED.search(low):
        return []
    blur = background_step("person", "subject", "blur", "",
                           say="blurring the background (the shallow depth of field of a portrait lens)")
    return [*_edit_before_look(clause, look.start(), ctx, settings), blur]


_EARLIER_CUT = re.compile(r".*(?:,|\band\b)")
"""Where an earlier edit ends before the look: 'take him out, and if you can, a subtle dof effect'."""


def _edit_before_look(clause: Words, start: int, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """An edit said before the portrait look in the same clause ('remove the woman in red, and a slight depth of field
    too'): planned as if said alone, so the look doesn't swallow it. [] when the words before the look ask nothing."""
    cut = _EARLIER_CUT.match(clause.low[:start])
    if cut is None:
        return []
    from retouch.agent.planner.rules_handlers import dispatch          # the table imports this module

    earlier = clause.slice(0, cut.end()).squeeze()
    return [step for step in dispatch(earlier, ctx, settings) if step.calls]


def _people_behind_blurred(clause: Words) -> list[Step]:
    """'blur the onlookers in the back': people (more than one) said to stand in the background, blurred
    — the background blurred behind the subject, its people with it, as the labels read it (one person blurred there,
    'blur the man in the background', stays a blur of him)."""
    said = _BLUR_WHO.search(clause.low)
    if said is None:
        return []
    people = parse_target(clause.slice(said.start("np"), said.end("np")))
    if people is None or people.position != "background" or not people.all or people.target not in PERSON_WORDS:
        return []
    return [background_step("person", "subject", "blur", "", say="blurring the background (its people with it)")]


def _placed_in_the_background(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """'edit my uncle out of the backdrop', 'erase the men on the backdrop': a thing taken out that stands
    in the background — planned as 'remove … in the background', so the removal keeps the place ('out of' the
    background is where it goes, 'on' where it stands; neither is the background itself)."""
    from retouch.agent.planner.rules_handlers import dispatch          # the table imports this module

    low = clause.low
    out = _OUT_OF_THE_BACKGROUND.match(low)
    if out:
        said = Words.of("remove ").join("", clause.slice(out.start("np"), out.end("np"))).join(
            " in ", clause.slice(out.start("bg"), len(low)))
        return dispatch(said, ctx, settings)
    if REMOVE_VERB.match(low):
        noun = next((m for m in _BG_NOUN.finditer(low) if _people_on_the_back(low[:m.start()])), None)
        on = _people_on_the_back(low[:noun.start()]) if noun is not None else None
        if on:
            return dispatch(clause.slice(0, on.start("on")).join("in", clause.slice(on.end("on"), len(low))), ctx,
                            settings)
    return []


def _removal_for_what_is_left(clause: Words, end: int, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """'take the man out so I only have the scenery left': the removal before 'so', its outcome noted as the reason."""
    from retouch.agent.planner.rules_handlers import dispatch          # the table imports this module

    steps = dispatch(clause.slice(0, end).squeeze(), ctx, settings)
    if not steps or not all(step.calls for step in steps):
        return []
    return [*steps, Step("noted", note="(I took the outcome you describe as the reason for the removal.)")]


_TELLER_AFTER = rx(r"\s+(?:{RUN_ON_TELLERS})\b")


def _background_then_told(clause: Words, end: int, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """'blur background I'm on insta so I'll tag you': the background's edit up to its noun, then the asker's own
    sentence run on — planned on its own when it asks something, else said and left out (never a new background
    called 'tag you')."""
    from retouch.agent.planner.rules_handlers import dispatch          # the table imports this module

    steps = _parse_background(clause.slice(0, end), ctx, settings)
    if not steps or not all(step.calls for step in steps):
        return steps
    told = clause.slice(end, len(clause.low)).squeeze()
    later = dispatch(told, ctx, settings)
    if later and all(step.calls for step in later):
        return [*steps, *later]
    return [*steps[:-1], left_out(steps[-1], told.orig)]


def _new_backdrop_unnamed(subject: str, display: str) -> Step:
    """A new background wished with nothing said of it ('replace the background', 'put him in random places'): the
    neutral studio backdrop, said, and how to name another; unsure."""
    step = background_step(subject, display, "generate", DEFAULT_BACKDROP,
                           say=f"replacing the background with {DEFAULT_BACKDROP}")
    step.note = ("(You didn't say with what, so I used a neutral studio backdrop — say “change the background to a "
                 "beach” for another.)")
    step.doubt = "no new background named"
    return step


_TIDIED = rx(r"(?<!\ba\s)(?<!\ban\s)(?<!\bon\s)(?<!\bwith\s)\b(?:{TIDYING_VERBS})(?:s|ed|ing)?\s+"
             r"(?:(?:up|out)\s+)?(?:(?:the|my|this|that|our|his|her|their|its|all\s+the)\s+)?"
             r"(?:(?!(?:{COLORS})\b)[a-z]+\s+)?(?:{BACKGROUND_NOUNS})\b")
"""'tidy up the background behind her', 'declutter the backdrop' — not 'on a clean white
background', a background that is to be clean, nor 'clean the background to a plain white' (`_NEW_ONE_SAID`)."""
_TIDIED_UP = rx(r"\b(?:{TIDYING_VERBS})(?:s|ed|ing)?\s+(?:(?:the|my|this|that|our|her|his|their)\s+)?(?:{BACKGROUND_NOUNS})"
                r"(?P<up>\s+up)\b")
"""'clean the background *up*', 'tidy the backdrop up behind him': the particle after the background, which would
otherwise leave it no background word (`BACKGROUND_FOLLOWERS`) and the clause a removal of the subject."""
_NEW_ONE_SAID = rx(r"\b(?:to|into)\s+(?:a|an|some|plain|solid|(?:{COLORS}))\b|\b(?:{COLORS})\s*[.!?]*$")
TIDIED_BACKDROP = "the same kind of background, clean and uncluttered"
"""What a background asked tidied is drawn as: the scene kept in kind, its clutter left out."""


def _tidied(subject: str, display: str) -> Step:
    """A background asked cleaned or decluttered: drawn again uncluttered behind the subject — the clutter in it goes,
    never the whole background to transparency ('remove the background'); unsure, and the reply says how to take out
    only some things instead, since no finder knows what 'clutter' is."""
    step = background_step(subject, display, "generate", TIDIED_BACKDROP,
                           say="cleaning up the background — drawing it again without its clutter")
    step.note = ("(I redraw everything behind the subject; to keep the background and take out only some things, name "
                 "them — “remove the bin and the cables”.)")
    step.doubt = "what clutters the background is not named"
    return step


_SCENE_WORDED = r"(?:[a-z'-]+\s+){0,3}?{SCENE_WORDS}(?:\s+[a-z'-]+){0,3}"
_SCENE_EXAMPLE = rx(r"\s*(?:[,:-]\s*)?(?:{SCENE_EXAMPLE_LEADS})\s+(?:something\s+like\s+)?"
                    r"(?P<dest>(?:(?:a|an|some|the)\s+)[a-z'-]+(?:\s+[a-z'-]+){0,5}|" + _SCENE_WORDED + r")\s*[.!?]*$"
                    r"|\s*[,:-]\s*(?P<bare>(?:(?:a|an|some|the)\s+)?" + _SCENE_WORDED + r")\s*[.!?]*$")
"""'put the dog in a new setting*, like a beach*', 'give it a new setting, *maybe a forest*' (the hedge may be read off
before: ', a forest' — then a scene word must be said): the scene after a vague new background."""


def _scene_example(said: Words, start: int) -> str | None:
    """The scene named after a vague new background (`_SCENE_EXAMPLE`), from `start` on; None when none is named."""
    m = _SCENE_EXAMPLE.match(said.low, start)
    group = "dest" if m and m.group("dest") else "bare"
    return _dest(said.orig[m.start(group):m.end(group)]) if m else None


_ELSEWHERE = rx(r"^(?:{SEND_VERBS}|set)(?:s|ting)?\s+(?P<who>{PEOPLE_OBJECT_PRONOUNS}|it|this|that|"
                r"(?:the|my|our|his|her|their)\s+(?:[a-z'-]+\s+){0,2}?[a-z'-]+)\s+"
                r"(?:{ELSEWHERE_WORDS}|(?:in|into|to|at|on)\s+(?:(?:a|an|some)\s+)?(?:(?:{UNSAID_SCENE_LEADS})\s+)+"
                r"(?:{ONE_PLACE_NOUNS}|{UNSAID_SCENE_NOUNS}))\b")
"""'set her somewhere else', 'put the pup in a different location', 'place us in random places': who is there, in
another place — a new background; a thing said so ('put the vase somewhere else') is moved, which is not this."""


_BACKDROP_REMOVED = rx(r"^(?:{REMOVE_VERBS})\s+(?:the|that|this|those|these)\s+(?:[a-z'-]+\s+){0,2}?(?:{REMOVED_BACKDROPS})"
                      r"\s+behind\s+(?P<who>{PEOPLE_OBJECT_PRONOUNS}|(?:the|my|our|his|her|their)\s+(?:[a-z'-]+\s+)?"
                      r"[a-z'-]+)\s*(?:please|pls)?\s*[.!?]*$")
"""'remove the window behind her', 'get rid of the brick wall behind my son': the backdrop someone stands against,
named by what it is — not 'remove the window on the left', nor the wall behind the shed (no one in front of it)."""


_BACKDROP_NAMED_AS = rx(r"\s+(?:the|that|this|those|these|my|our)\s+(?:[a-z'-]+\s+)?(?:{REMOVED_BACKDROPS})\s+")
"""'delete the *wall* backdrop', 'remove the *curtain* background': the background named by what it is, taken away —
the same backdrop as 'the wall behind her' (`_BACKDROP_REMOVED`), so the same new background; 'remove the background'
names none and stays the cut-out."""


def _backdrop_removed(clause: Words) -> list[Step]:
    """The backdrop behind someone taken away (`_BACKDROP_REMOVED`): a new background behind them, none named — the
    studio default, unsure (`_new_backdrop_unnamed`); [] when what stands in front is no person and no pronoun."""
    m = _BACKDROP_REMOVED.match(clause.low)
    if m is None:
        return []
    who = m.group("who")
    target = Target("person", "subject") if who in PEOPLE_OBJECT_PRONOUNS else \
        parse_target(clause.slice(m.start("who"), m.end("who")))
    if target is None or target.pronoun or not (_people_word(target.target) or who.startswith(("my ", "our "))):
        return []
    step = _new_backdrop_unnamed(target.target, target.display)
    step.say = f"replacing the background behind the {target.display} with {DEFAULT_BACKDROP}"
    return [step]


def _sent_elsewhere(clause: Words) -> str | None:
    """'set it somewhere else', 'move my son to a new location, maybe a beach' (`_ELSEWHERE`): the background change it
    is, as words the rest of this module reads ('change the background behind my son to a beach'); None for a thing
    that is no person, pronoun or thing of the asker's ('my dog') — a move of it in the picture."""
    m = _ELSEWHERE.match(clause.low)
    if m is None:
        return None
    who = m.group("who")
    if who not in PEOPLE_OBJECT_PRONOUNS and who not in ("it", "this", "that"):
        target = parse_target(clause.slice(m.start("who"), m.end("who")))
        if target is None or target.pronoun or not (_people_word(target.target) or who.startswith(("my ", "our "))):
            return None                                # "put the vase somewhere else": moved; "my dog": sent
    who = "the subject" if who in ("it", "this", "that") else who
    scene = _scene_example(clause, m.end())
    return f"change the background behind {who}" + (f" to {scene}" if scene else "")


def _toned_background(subject: str, display: str, low: str, darker: bool) -> Step:
    """'darken the background a little': the same background, its light changed — a masked adjust of everything but
    the subject, by the amount said (a tone, not a new background: 'a bit' is honoured and the pixels keep their
    detail)."""
    amounts = {"brightness": -amount_said(low) if darker else amount_said(low)}
    return Step("adjust", [select(Target(subject, display, exclude=True)), adjust(amounts, masked=True)],
                describe_amounts(amounts, "the background"))


def _same_scene(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """'… and fill it with the same scenery' (`_SAME_SCENE`): the removal before it, if said in the same clause, then a
    note that its gap takes the scene around it; [] when the words say no such thing."""
    same = _SAME_SCENE.search(clause.low)
    if same is None:
        return []
    from retouch.agent.planner.rules_handlers import dispatch          # the table imports this module

    earlier = clause.slice(0, same.start()).squeeze()
    steps = [step for step in dispatch(earlier, ctx, settings) if step.calls] if earlier.low else []
    return [*steps, Step("noted", note="(A removal fills its gap with the scene around it, so the same scenery stays.)")]


_PLAIN_BEFORE_NOUN = rx(r"\b(?:{PLAIN_WORDS})\s+(?:{BACKGROUND_NOUNS})\b")
"""'give him a *plain background*', '…, plain backdrop, …': a plain ground, its colour unsaid."""


def _plain_unnamed(subject: str, display: str) -> Step:
    """A plain background with no colour named: the default plain colour, said, and unsure — as 'cover everything but
    the dog in a colour' is — so a plain ground is never a prompt of the word 'plain'."""
    step = background_step(subject, display, UNNAMED_COLOUR_DEFAULT, "",
                           say=f"making the background {UNNAMED_COLOUR_DEFAULT}")
    step.note = (f"(You didn't say which colour, so I used {UNNAMED_COLOUR_DEFAULT} — say “make the background grey” "
                 "for another.)")
    step.doubt = "no colour named for the plain background"
    return step


def _parse_background(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    same = _same_scene(clause, ctx, settings)
    if same:
        return same
    for m in reversed(list(_COLOURED_OUT.finditer(clause.low))):
        clause = clause.blank(m.start("ed"), m.end("ed")).squeeze()
    tidied_up = _TIDIED_UP.search(clause.low)
    if tidied_up:                                      # "clean the background up": its particle, read as "clean up"
        clause = clause.blank(tidied_up.start("up"), tidied_up.end("up")).squeeze()
    low = clause.low
    more_of = _MORE_OF_A_COLOUR.search(low)
    if more_of:                                        # "the background to more of a brown colour": brown
        return _parse_background(Words.of(low[:more_of.start()] + more_of.group("c") + low[more_of.end():]), ctx,
                                 settings)
    put = _PUT_ON_BACKGROUND.match(low)
    if put and put.group("prep") == "to" and _ADDED_TO.match(low) and put.group("who") not in PEOPLE_OBJECT_PRONOUNS \
            and not _VAGUE_DEST.match(put.group("dest").strip()):
        put = None                                     # "add the dragon to a snowy background": the dragon added; "add
                                                       # him to a snowy background", "add the boy to a new background":
                                                       # one who is there, sent (#20, bg23)
    if put:                                            # read as "change the background behind the dog to a beach"
        who = "the subject" if put.group("who") in ("it", "this", "that") else put.group("who")
        dest = put.group("dest").strip()
        shown = _ADDED_OF.match(low[put.end():]) if not dest else None
        dest = shown.group("dest").strip(" .!?") if shown else "white" if dest in ("", *PLAIN_WORDS) else dest
        if _VAGUE_DEST.match(dest):                    # "put her in a different background": which, unsaid —
            scene = _scene_example(clause, put.end())  # unless said after it, "…, like a beach"
            return _parse_background(Words.of(f"change the background behind {who}" + (f" to {scene}" if scene else "")),
                                     ctx, settings)
        return _parse_background(Words.of(f"change the background behind {who} to {dest}"), ctx, settings)
    may_be = _MAY_BE.search(low)
    if may_be:                                         # "the backdrop may simply be plain grey"
        return _parse_background(Words.of("make the background " + may_be.group("dest")), ctx, settings)
    back = _BACK_AS_BACKGROUND.search(low)
    if back:                                           # "the back all white"
        return _parse_background(Words.of(low[:back.start()] + "the background " + low[back.end():]), ctx, settings)
    around = _COLOUR_AROUND.match(low)
    if around:                                         # "erase the white around our badge"
        target = parse_target(clause.slice(around.start("s"), around.end("s")))
        if target is not None and not target.pronoun and target.target not in IMAGE_WORDS \
                and not _BODY_PART.search(target.target):
            target = Target("person", "subject") if target.target in SUBJECT_PEOPLE else target
            return [background_step(target.target, target.display, "transparent", "",
                                    say=f"removing the {around.group('c')} around the {target.display} (transparent "
                                        "background)")]
    if _CUT_CUE.search(low) and _COLOUR_TAKEN.search(low):           # "… with the black taken out, as a png"
        return [background_step("person", "subject", "transparent", "",
                                say="removing the plain ground around the subject (transparent background)")]
    splash = _colour_kept(clause)
    if splash:                                         # "black and white but keep the bus in colour"
        return splash
    lifted = _LIFTED_FROM_BG.match(low)
    if lifted:                                         # "remove her from the background", "… his head from the bg"
        said = lifted.group("s")
        target = None if said in SUBJECT_PEOPLE or said in OWN_PEOPLE else parse_target(
            clause.slice(lifted.start("s"), lifted.end("s")))
        if target is None or target.pronoun or target.target in SUBJECT_PEOPLE:
            target = Target("person", "subject")
        return [background_step(target.target, target.display, "transparent", "",
                                say=f"cutting out the {target.display} (transparent background)")]
    cut = _CUT_FROM_BG.match(low)
    if cut:                                            # "cut the trophy from the background"
        target = parse_target(clause.slice(cut.start("s"), cut.end("s")))
        if target is None or target.pronoun or target.target in IMAGE_WORDS or target.target in SUBJECT_PEOPLE:
            target = Target("person", "subject")        # "crop the photo from the background": the subject
        return [background_step(target.target, target.display, "transparent", "",
                                say=f"cutting out the {target.display} (transparent background)")]
    if _CANVAS_LEAD.match(low) or crops_closer(low):
        return []                                      # "extend the background so it fits 16:9" is canvas, "crop so
                                                       # there's less background" a crop
    noun = _bg_noun(low)
    named = find_format(low) if noun is not None else None
    if named and named[0].start() <= noun.start() < named[0].end():
        return []                                      # "make it my phone background" is a format
    if noun is not None and _ADD_LEAD.match(low) and not _ADDED_BACKGROUND.match(low):
        noun = None                                    # "place a boy on the sofa to enrich the setting"
    if noun is not None and _STYLE.search(low) and _GENERIC_BG.fullmatch(noun.group(0)):
        return []                                    # "into a cyberpunk-inspired setting" is a restyle
    if noun is None and _BLUR_BACK_PEOPLE.search(low):       # "blur the background people"
        return [background_step("person", "subject", "blur", "", say="blurring the background (its people with it)")]
    if noun is None:
        placed = _placed_in_the_background(clause, ctx, settings) or _people_behind_blurred(clause)
        if placed:
            return placed
        cut_first = _CUT_OUT_IN_FRONT_OF.match(low)
        backdrop = cut_first or _IN_FRONT_OF.match(low)
        if backdrop and not _A_PICTURE.match(backdrop.group("dest")):
            prompt = _dest(clause.orig[backdrop.start("dest"):backdrop.end("dest")])
            kept = parse_target(clause.slice(cut_first.start("who"), cut_first.end("who"))) if cut_first else None
            subject, display = (kept.target, kept.display) if kept is not None and not kept.pronoun \
                and kept.target not in IMAGE_WORDS else ("person", "subject")
            return [background_step(subject, display, "generate", prompt,
                                    say=f"putting the {display} in front of {prompt}")]
    if noun is None:
        around = _BLUR_AROUND.search(low)
        if around:
            subject, display = _kept_subject(clause.slice(around.start("s"), around.end("s")))
            return [background_step(subject, display, "blur", "", say=f"blurring the background behind the {display}")]
        rest = _ALL_BUT.search(low)
        if rest and _BG_BLUR.search(low[:rest.start()]):       # "blur out everything except the two guys"
            subject, display = _kept_subject(clause.slice(rest.start("s"), rest.end("s")))
            return [background_step(subject, display, "blur", "", say=f"blurring everything but the {display}")]
        unnamed = _UNNAMED_COLOUR.search(low) if rest else None
        if unnamed and _COLOUR_LEAD_VERB.search(low[:rest.start()]):     # "cover everything but the cats in a colour"
            kept = clause.slice(rest.start("s"), min(rest.end("s"), unnamed.start())
                                if unnamed.start() > rest.start("s") else rest.end("s"))
            subject, display = _kept_subject(kept)
            step = background_step(subject, display, UNNAMED_COLOUR_DEFAULT, "",
                                   say=f"making everything but the {display} {UNNAMED_COLOUR_DEFAULT}")
            step.note = (f"(You didn't say which colour, so I used {UNNAMED_COLOUR_DEFAULT} — say “make everything but "
                         f"the {display} black” for another.)")
            step.doubt = "no colour named"
            return [step]
        splash = _BLACK_AND_WHITE.search(rest.group("s")) if rest else None
        if splash and splash.start() and _COLOUR_LEAD_VERB.search(low[:rest.start()]):   # "turn everything but the car
            kept = clause.slice(rest.start("s"), rest.start("s") + splash.start())         # black and white": a colour
            subject, display = _kept_subject(kept)                                          # splash, not a black ground
            return [Step("adjust", [select(Target(subject, display, exclude=True)),
                                    adjust({"saturation": -1.0}, masked=True)],
                         f"making everything but the {display} black and white")]
        ends = _ENDS_PLAIN.search(rest.group("s")) if rest else None
        if ends and _COLOUR_LEAD_VERB.search(low[:rest.start()]):         # "make everything but the cat black"
            style = _plain_style(ends.group("c"))
            kept = clause.slice(rest.start("s"), rest.start("s") + ends.start())
            subject, display = _kept_subject(kept)
            return [background_step(subject, display, style, "", say=f"making everything but the {display} {style}")]
        lead = _PLAIN_COLOR_LEAD.search(low[:rest.start()]) if rest else None
        if lead and _plain_style(lead.group("c") or lead.group("c2")):
            style = _plain_style(lead.group("c") or lead.group("c2"))
            subject, display = _kept_subject(clause.slice(rest.start("s"), rest.end("s")))
            return [background_step(subject, display, style, "", say=f"making everything but the {display} {style}")]
        cut = _cut_out(clause)
        if cut:
            return cut
        if _CUT_A_PICTURE.match(low):                   # "could someone help cutting a quick photo for us"
            return [background_step("person", "subject", "transparent", "",
                                    say="cutting out the subject (transparent background)")]
        if _PARTS_TRANSPARENT.search(low):
            return [background_step("person", "subject", "transparent", "",
                                    say="cutting out the subject (transparent background)")]
        cut_low = _CUTOUT_PURPOSE.sub("", low) if _CUT_CUE.search(low) else low       # "… so I can print it"
        cut_of = _CUTOUT_OF.search(cut_low)
        if cut_of and cut_of.group("s") and _OUT_OF_PICTURE.search(low[:cut_of.end()]):
            cut_of = None                                      # "the van cut out of this picture": the van goes
        if cut_of:                                             # "a cut-out of the subject", "just the dog as a png"
            group = next(name for name in ("s", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9") if cut_of.group(name))
            said = cut_of.group(group)
            target = None if said in ("it", "this", "that", "subject", "the subject") else parse_target(
                clause.slice(cut_of.start(group), cut_of.end(group)), clause)     # the clause: 'around Jesus' a name
            if target is None or target.pronoun or target.target in IMAGE_WORDS:
                return [background_step("person", "subject", "transparent", "",
                                        say="cutting out the subject (transparent background)")]
            if target.target in SUBJECT_PEOPLE:
                target = Target("person", "subject")
            return [background_step(target.target, target.display, "transparent", "",
                                    say=f"cutting out {target.describe()} (transparent background)")]
        cutout = _CUTOUT.search(low)
        if cutout:                                             # "turn my son into a see-through png"
            target = parse_target(clause.slice(cutout.start("s"), cutout.end("s")))
            if target is not None and not target.pronoun and target.target not in IMAGE_WORDS:
                return [background_step(target.target, target.display, "transparent", "",
                                        say=f"cutting out the {target.display} (transparent background)")]
        if _PORTRAIT_MODE.search(low) and not _NOT_ASKED.search(low):      # "portrait mode", "a dslr look"
            return [background_step("person", "subject", "blur", "",
                                    say="blurring the background (the shallow depth of field of a portrait lens)")]
        backdrop = _BACKDROP_BEHIND.match(low)
        if backdrop and backdrop.group("thing").split()[-1] not in SCENE_PARTS:    # "a brick wall back there"; not
                                                                                  # "… a blue sky behind her?"
            kept = parse_target(clause.slice(backdrop.start("who"), backdrop.end("who"))) if backdrop.group("who") \
                else None
            subject, display = (kept.target, kept.display) if kept is not None and not kept.pronoun \
                and kept.target not in IMAGE_WORDS else ("person", "subject")
            said = " ".join(clause.orig[backdrop.start("thing"):backdrop.end("thing")].split())
            return [background_step(subject, display, "generate", _dest(said),
                                    say=f"putting {said} behind the {display}")]
        backdrop_gone = _backdrop_removed(clause)
        if backdrop_gone:                              # "remove the curtain behind her": a new background
            return backdrop_gone
        elsewhere = _sent_elsewhere(clause)
        if elsewhere:                                  # "set her somewhere else": a new background
            return _parse_background(Words.of(elsewhere), ctx, settings)
        sent = _sent_into_scene(clause)
        if sent:                                       # "put my son on a beach", "edit her into a forest"
            return sent
        m = _INTO_SCENE.search(low)
        if m and _SCENE.search(m.group("dest")) and not _STYLE.search(low):
            prompt = _dest(clause.find_orig(m.group("dest")))
            return [background_step("person", "subject", "generate", prompt,
                                    say=f"replacing the background with {prompt}")]
        return []
    left = _ONLY_IT_LEFT.search(low, 0, noun.start())
    if left and left.end() == noun.start() and REMOVE_VERB.search(low, 0, left.start()):
        return _removal_for_what_is_left(clause, left.start(), ctx, settings)
    teller = _TELLER_AFTER.match(low, noun.end())
    if teller:                                         # "blur background I'm on insta so …": a run-on sentence
        return _background_then_told(clause, noun.end(), ctx, settings)
    subject, display = _subject(low[:noun.start()] + " " + low[noun.end():],
                                clause.orig[:noun.start()] + " " + clause.orig[noun.end():])
    after = low[noun.end():]
    tidied = _TIDIED.search(low)
    if tidied and tidied.end() >= noun.end() and not _NEW_ONE_SAID.search(after):    # "declutter the backdrop"
        return [_tidied(subject, display)]
    if _STAND_OUT.search(low):                         # "bring the gorgeous background out": the same one, livelier
        return [enhance_step(POP_PARTS, "making the background stand out", masked=True,
                             target=Target(subject, display, exclude=True))]
    if _BLACK_AND_WHITE.search(low) or COLOUR_TAKEN_FROM.match(low):    # "drain the colour from the background"
        return [Step("adjust", [select(Target(subject, display, exclude=True)), adjust({"saturation": -1.0},
                                                                                         masked=True)],
                    "making the background black and white")]
    removal = REMOVE_VERB.search(low)
    other = _OTHER_THING_FROM.match(low[removal.end():noun.start()]) if removal and removal.start() < noun.start() \
        else None
    if other and other.group("own"):                   # "remove the glass art from its background": a cut-out of it
        start = removal.end() + other.start("s")
        target = parse_target(clause.slice(start, removal.end() + other.end("s")))
        if target is not None and not target.pronoun and target.target not in IMAGE_WORDS:
            return [background_step(target.target, target.display, "transparent", "",
                                    say=f"cutting out the {target.display} (transparent background)")]
    elif other:                                        # "remove the phone from the lovely scenery": the phone goes,
        if removal.start() == 0:                       # read by the removal handlers
            return []
        from retouch.agent.planner.rules_handlers import dispatch      # the table imports this module

        return dispatch(clause.slice(removal.start(), len(low)).squeeze(), ctx, settings)  # "able to remove …"
    if removal and _BACKDROP_NAMED_AS.fullmatch(low, removal.end(), noun.start()):
        kept = _subject(low[:removal.end()] + " " + low[noun.end():],   # who stays, never the backdrop's own words
                        clause.orig[:removal.end()] + " " + clause.orig[noun.end():])
        step = _new_backdrop_unnamed(*kept)              # "delete the wall backdrop": as 'the wall behind her' is
        named = " ".join(clause.orig[removal.end():noun.end()].split()[1:])
        step.say = f"replacing the {named} with {DEFAULT_BACKDROP}"
        return [step]
    taken = SPLIT_OUT.search(low)                        # "take the background out of my photo"
    if removal and removal.start() < noun.start() or taken and taken.start("np") <= noun.start() < taken.end("np") \
            or _BG_SAID_GONE.match(after) \
            or _BG_TRANSPARENT.search(low) and not _BG_DEST.search(after) or _TRANSPARENT_BG.search(low):
        gone = background_step(subject, display, "transparent", "", say="removing the background (transparent)")
        return _removed_beside(clause, removal, gone, ctx, settings) if removal else [gone]
    toned_down = _TONED_DOWN.search(after)
    toned_up = None if toned_down else _TONED_UP.search(after)
    said = toned_down or toned_up
    if said:                                           # "make the background less yellow / more vivid": a tone there
        behind = said.span("behind") if said.group("behind") else None      # "… behind the dog …": read above
        toned = clause.blank(noun.end() + behind[0], noun.end() + behind[1]).squeeze() if behind else clause
        steps = _background_toned_down(toned, ctx, settings, toned_down, Target(subject, display, exclude=True))
        on_background_alone = len(steps) == 1 and [call.args.exclude for call in steps[0].calls
                                                   if isinstance(call, SelectCall)] == [True]
        if toned_down or on_background_alone:          # "more dramatic" is no tone read, "the people and the
            return steps                               # background more visible" not the background's alone
    if _CALMED.search(after):                          # "the background behind her less busy": blurred
        return [background_step(subject, display, "blur", "", say="blurring the background so it is less busy")]
    colored = _TO_NEW_COLOUR.search(after)
    if colored is None and not _TO_A_SCENE.match(after):     # "… to a blue sky with clouds": a scene, read below
        colored = _PAINTED.search(low) or _BG_COLOR.search(low) or _COLOUR_VERB_ON_BG.search(low)
    if colored:
        color = next(c for c in colored.groups() if c)
        color = COLOR_VERBS.get(color, color)           # "whiten the background": white
        style = _plain_style(color)
        if style:
            return [background_step(subject, display, style, "", say=f"making the background {style}")]
        return [background_step(subject, display, "generate", f"plain {color} background",
                                say=f"making the background {color}")]
    dest = None
    into_the_picture = False                           # "… a background to this photo": wanted, whatever it shows
    for pattern, text in ((_BG_MAKE, low), (_BG_DEST, after), (_BG_SOMETHING, after), (_BG_PRE, low),
                          (_BG_WITH, low)):
        m = pattern.search(text)
        if m and _THE_PICTURE_ITSELF.match(m.group("dest").strip()):
            into_the_picture = True
        elif m:
            offset = 0 if text is low else noun.end()
            said = clause.orig[offset + m.start("dest"): offset + m.end("dest")]
            dest = _something(said) if pattern is _BG_SOMETHING else _dest(said)
            if dest:
                break
    if dest is not None and dest.lower() in ("a", "an", "the", "some", "new", "a new"):
        dest = None                                    # "add a background behind the cat": none named
    added_of = _ADDED_OF.match(after) if dest is None and (_ADDED_BACKGROUND.match(low) or _GIVEN_BACKGROUND.match(low)) \
        else None
    if added_of:                                       # "add a backdrop of a lake"
        dest = _dest(clause.orig[noun.end() + added_of.start("dest"): noun.end() + added_of.end("dest")])
    dest_low = (dest or "").lower()
    if dest_low in PLAIN_WORDS or not dest_low and _PLAIN_BEFORE_NOUN.search(low):
        return [_plain_unnamed(subject, display)]
    for pattern, style in _PLAIN_STYLES:
        if pattern.fullmatch(dest_low):
            return [background_step(subject, display, style, "", say=f"making the background {style}")]
    if _BG_BLUR.search(low) and not dest_low or _BLURRY_DEST.match(dest_low) or _BLURRY_NAMED.search(low):
        return [background_step(subject, display, "blur", "", say="blurring the background")]
    if not dest_low or _TONE_DEST.fullmatch(dest_low):
        if _BG_DARK.search(low):
            return [_toned_background(subject, display, low, darker=True)]
        if _BG_LIGHT.search(low):
            return [_toned_background(subject, display, low, darker=False)]
    if _VAGUE_DEST.match(dest_low):
        dest, dest_low = None, ""                          # "add some other kind of background": which?
    example = _scene_example(clause, noun.end()) if not dest_low else None
    if example:                                            # "give it a new setting, maybe a forest"
        dest, dest_low = example, example.lower()
    if not dest_low:
        if _BG_BLUR.search(low):
            return [background_step(subject, display, "blur", "", say="blurring the background")]
        if _NEW_WANTED.search(low) or _ADDED_BACKGROUND.match(low) or into_the_picture:   # "replace the background",
            return [_new_backdrop_unnamed(subject, display)]            # "add a background here": a new one, none named
        return [refusal("What should the new background be? For example \"change the background to a beach\", "
                       "\"blur the background\" or \"make the background white\".")]
    if COLOR_PHRASE.fullmatch(dest_low):
        dest = f"plain {dest} background"
    return [background_step(subject, display, "generate", dest[:2000],
                            say=f"replacing the background with {dest}")]
