"""Tone words → signed `adjust` amounts, for the whole picture or for one named thing.

"a bit brighter" is +0.15, "brighter" +0.25, "much brighter" +0.5 (the scale `tools.adjust`
documents); "darker", "less saturated", "cooler" are negative; "black and white" is saturation -1.
A property word without a direction ("the brightness", "the lighting") takes its direction from the
verb around it: "boost the luminosity" raises it, "tone down the contrast" lowers it (named alone, with no
verb — "the lighting", "lighting problems" — it reaches rules_enhance first and is measured). When a thing
is named ("brighten his face", "make the sky darker") the change is masked to it.
"""

from __future__ import annotations

import dataclasses
import re

from retouch.agent.plan import AdjustArgs, field_bounds
from retouch.agent.planner.base import PlanningContext
from retouch.agent.planner.rules_numbers import NUMBER, to_number, within
from retouch.agent.planner.rules_clauses import split_list
from retouch.agent.planner.rules_region import PLACE_SAID, parse_region, picture_part, place_only, strip_named
from retouch.agent.planner.rules_steps import Step, adjust, ask, is_selection, region, select
from retouch.agent.planner.rules_target import SCAFFOLD, Target, parse_target, speaker_pair_spans
from retouch.agent.planner.rules_lexicon import phrase_re, rx
from retouch.agent.planner.rules_text import Settings, Words
from retouch.agent.planner.rules_verbs import TONE_VERBS
from retouch.agent.planner.rules_vocab import (
    SKY_REGION_NAMES,
    ANSWER_SIDES, CENTER_WORDS, COLORS, IMAGE_WORDS, LOOK_PRESETS, LY_NOUNS, LOOK_WORDS, PRAISE_TONE, SIDES, TONE_COMPARATIVES,
    TONE_PROPERTIES, TONE_WORDS, VERTICALS,
)
from retouch.agent.planner.rules_vocab import (  # a tone on a named thing (issue 20, tone16)
    PORTRAIT_WORDS, SURFACE_AREAS, TONED_PATCHES,
)
from retouch.agent.planner.rules_vocab import COOL_CASTS, WARM_CASTS  # a tint beside a tone (issue 20, tone29)
from retouch.agent.planner.rules_vocab import (  # sunshine wished, a pointer to the details (issue 20, tone18)
    SUN_SHINING, SUNNY_PLACES,
)

_PROPS: tuple[tuple[re.Pattern[str], str, int], ...] = tuple(
    (re.compile(rf"\b{phrase_re(words)}\b"), prop, sign) for words, prop, sign in TONE_PROPERTIES)
_NAMED_THING = rx(r"(?:{NOUN_OPENERS})\s+[a-z'-]+(?:\s+[a-z'-]+){0,2}(?:\s+(?:on|in|at)\s+the\s+(?:{DIRECTIONS}))?$")
"""One of several things a tone is on: said with its determiner ("the lake", "my sister"), in at most three words, and
where it stands ("the man on the left")."""
_ALSO_JOINED = rx(r"\s+(?:{ALSO_JOINERS})\s+(?=(?:{NOUN_OPENERS})\s)")
"""'darken the sky *as well as* the sea': one more thing of the list, as 'and' joins it."""
_BOTH = re.compile(r"^\s*(?:both|all\s+of)\s+(?=(?:the|his|her|their|my|our|your)\s)")
"""'brighten *both* the bride and the groom': how many, said before the list — no part of the first name."""
_BARE_NAME = re.compile(r"[a-z][a-z'-]{2,}(?:\s+[a-z][a-z'-]{2,})?(?:\s+of\s+(?:the|his|her|their|my|our)\s+[a-z'-]+)?")
"""A later thing of a list said without its determiner ("the sky and grass", "the hair and eyes"): one or two words, and
its owner after 'of' ("the face and hands of the boy")."""
_NOT_A_NAME = rx(r"\b(?:{TONE_WORDS}|{TONE_FILLERS}|{QUALITY_LOOKS}|{NEVER_THINGS}|{SMALL_AMOUNTS}|{LARGE_AMOUNTS})\b"
                 r"|\b[a-z]+ly\b|\b[a-z]+(?:ed|ing)\b")
"""Words that make a bare list item a quality or a manner rather than a thing: 'the oak clearer and *more refined*',
'the sky brighter and *slightly warmer*'."""
_DOWN = rx(r"\b(?:{DOWN_WORDS}|{DOWN_PARTICIPLES})\b")
_LOW = rx(r"\b{SMALL_AMOUNTS}\b")
_HIGH = rx(r"\b{LARGE_AMOUNTS}\b")
_GENTLE = rx(r"\b(?:{GENTLE_LIMITS})\b")
_AMOUNT_TAIL = rx(r"(?:\s+(?!(?:{TONE_WORDS}|{SMALL_AMOUNTS}|{LARGE_AMOUNTS})\b)[\w'-]+){0,8}?\s+"
                  r"(?P<amount>{SMALL_AMOUNTS}|{LARGE_AMOUNTS})(?:\s+(?:more|less))?\s*"
                  r"(?=$|[,.;:!?)]|(?:{AMOUNT_TAIL_ENDS})\b)")
"""An amount said after the thing the tone is on, ending the words or before where they go on ('lighten this whole
picture *a lot* so …', 'darken up this shot just a little bit please'); no other tone word between."""
_AMOUNT = re.compile(r"(?P<n>" + NUMBER + r")\s*(?P<pct>%|percent)?")
_AMOUNT_AFTER = re.compile(r"\s*(?:to\s+|of\s+|at\s+)?(?P<n>" + NUMBER + r")\s*(?P<pct>%|percent)?")
_BY_AMOUNT = re.compile(r"\s*(?:\w+\s+){0,2}?by\s+(?P<n>" + NUMBER + r")\s*(?P<pct>%|percent)?")
_MULTIPLIER = re.compile(r"(?P<n>" + NUMBER + r")\s*(?P<kind>times|x|×|%|percent)\s+(?:(?:more|less|as)\s+)?$")
MAX_TIMES = 4.0
"""'N times brighter' up to 4× (the contract's +3); beyond, and for 'N times darker' past 1/4, the words are asked
about — a million times darker is not a setting."""
_ADJECTIVES = {"brightness": "bright", "contrast": "contrasty", "saturation": "colourful", "sharpness": "sharp",
               "warmth": "warm"}
_NOISE = rx(r"\b{TONE_NOISE}\b")
_CLEARER = rx(r"\b{CLEARER_WORDS}\b")
_FILLER = rx(r"\b{TONE_FILLERS}\b")
_MANNER = rx(r"\b{MANNER_ADVERBS}\b")
"""'*gently* brighten the sky': how, never part of the thing's name."""
_WITH_TINT = rx(r"\b(?:with|plus|and\s+add|adding)\s+(?:(?:a|an|some)\s+)?(?:(?P<size>slight|subtle|light|little|soft|bit|touch)\s+"
                r"(?:of\s+)?(?:a\s+)?)?(?P<hue>{WARM_CASTS}|{COOL_CASTS})(?:ish)?\s+(?:{CAST_NOUNS})\b")
"""'make it brighter *with a yellow tint*', 'darken it with a slight blue tone' (issue 20, tone29): a warm or cool tint
said beside the tone is the warmth of the same adjust, never words left over (a tint of any other colour is a wash:
`rules_enhance.photo_tint`, asked on its own)."""
_LONE_SLASH = re.compile(r"(?<=\s)/(?=\s|$)|^/(?=\s)")
"""A slash with no word on either side once the tone words are blanked ('make the lake brighter/sharper')."""
_IT_SO = rx(r"^(?:{MAKING_VERBS}|edit|fix|change)\s+(?:it\s+(?:so\s+(?:that\s+)?|look\s+(?:like|as\s+if|as\s+though)\s+)"
            r"|(?:this|(?:the|this|that|my|our)\s+(?:{PICTURE_NOUNS}))\s+so\s+(?:that\s+)?)"
            r"(?=(?:{NOUN_OPENERS}|everything|all\s+but)\s)")
"""'make it so the porch isn't dark', 'make it look as if the rowing boat is sharp', 'edit this photo so that everything but
the dogs is black and white' (tones25): 'it so' or 'the photo so' is no part of the thing's name — what follows is."""
_OWNER = rx(r"\b{OWNER_WORDS}\b")
_OWNER_BEFORE = rx(r"\b{OWNER_WORDS}\s+(?:\w+\s+)?$")
_HIDE = rx(r"\b{HIDE_WORDS}\b")
_PROPERTY_NAMED = re.compile(r"\b(?:more|less|the)\s+$")
_UNITS_AFTER = re.compile(r"\d\s*(?:px|pixels|degrees)")
_TWICE = re.compile(r"\btwice\s+as\b|\bdouble\b")
_NEGATED = re.compile(r"(?:\bnot|\b[a-z]+n't|\bno\s+longer)\s+(?:(?:be|look|looking|seem|appear)\s+)?"
                      r"(?:(?:so|too|as|that|this)\s+)?$")
"""'make the palm trees *not so* dark', 'so the hall is *not* dark': the opposite way (but not '*not* dark
enough': `_ENOUGH_AFTER`)."""
_LOOK_PROPS = frozenset({"bw", "sepia"})
_AVOIDED = rx(r"(?:\bnot|\b[a-z]+n't|\bno\s+longer|\b(?:{INSTEAD_OF}))\s+(?:(?:be|look|looking|seem|appear|being|in)\s+)?"
              r"(?:(?:so|too|as|a|an)\s+)?$")
"""The tone 'properties' that are whole looks rather than a way to move (`_LOOK_PROPS`), said after 'not' or 'instead
of', are a look to stay clear of ('darker, but *not* black and white', 'coloured *instead of* sepia') — never the look,
nor its opposite (unlike 'not so dark', `_NEGATED`)."""
_LEFT_FROM = re.compile(r"\bfrom\s+(?:(?:a|an|the|its)\s+)?$")
_TURNED_TO = re.compile(r"\s+(?:(?:look|one|image|photo|picture|version)\s+)?(?:in)?to\b")
"""'turn the colour *from* sepia *to* greyscale': the look it is turned from is where it is now — never the look asked
(issue 20, tonewords23); 'to' must follow, so 'a shot from black and white film' is not read so."""
_ENOUGH_AFTER = re.compile(r"\s+enough\b")
_LESS_BEFORE = re.compile(r"\bless\s+$")
"""'make it look *less* dark', 'less warm': a word that names where to go, asked for less of, goes the other way
(a word that names a flaw, 'less dull', and one whose way comes from the verb, 'less light', already do)."""
_PRAISE_LEAD = rx(r"\b{PRAISE_LEADS}\s+$")
_DETERMINED = rx(r"\b(?:{NOUN_OPENERS}|these|those)\s+(?:(?:very|really|so|quite|rather|slightly)\s+)?$")
_THING_AFTER = rx(r"\s+(?!(?:and|or|nor|but|enough|than|to|in|on|at|for|with|please|pls|as|{EFFECT_NOUNS}|tones?|"
                  r"colou?rs?|shades?|version|edit|one)\b)[a-z][a-z'-]{2,}")
"""'the *dark* corner', 'this *warm* light': a tone word between a determiner and a thing says what the thing is, not
which way to move it — a fault named so is corrected elsewhere ('fix the dark sky'), never made worse."""
_TOO = re.compile(r"\b(?:too|so\s+much)\s+$|\bmore\s+$")
_PICTURE_AFTER = rx(r"\s+(?:{PICTURE_NOUNS}|{PICTURE_MENTIONS}|shot|idea|effects?|stuff|one)\b")
_PERSON_OBJECT = re.compile(r"\b(?:me|us|him|them|myself|ourselves)\b|\bher\b(?!\s+(?!(?:up|a|more|less|please|bit|little|"
                            r"lot|too|so|much|really|very|slightly)\b|[a-z]+er\b)[a-z]{3,})")
"""'brighten *us* up', 'more contrast on *her*': the people are what changes ('her face' names the face)."""
_PEOPLE_SAID = {"me": "you", "myself": "you", "us": "you", "ourselves": "you", "him": "him", "her": "her",
                "them": "them"}
_POINTS_AT_SELECTION = rx(r"\b(?:it|this|that|them|these|those|{SELECTION_WORDS})\b")
"""'make *this* darker', 'darken *the selection*': with a selection just made, the change is masked to it."""
_BARE_OBJECT = rx(
    r"^(?:(?:help\s+)?(?:{TONE_VERBS})(?:\s+up)?\s+(?P<np>[a-z'-]+(?:\s+[a-z'-]+)?"
    r"(?:\s+of\s+(?:the\s+)?(?!(?:{PICTURE_NOUNS})\b)[a-z'-]+)?)"
    r"|(?:help\s+)?(?:make|get|want|need)\s+(?P<np2>[a-z'-]+(?:\s+[a-z'-]+)?)\s+(?:(?:a\s+)?(?:bit|little|lot|touch|tad)\s+|much\s+"
    r"|slightly\s+|way\s+|not\s+so\s+|not\s+as\s+|less\s+|more\s+)*{TONE_WORDS}"
    r"|(?P<np3>[a-z'-]+(?:\s+[a-z'-]+)?)\s+(?:{TONE_PARTICIPLES})"
    r"|(?:(?:(?:i|we)(?:'d|\s+would)?\s+)?(?:get|want|need|have|like)\s+)?(?:(?:a\s+)?(?:bit|little|lot|touch|tad|slightly|much)\s+)?(?:{TONE_COMPARATIVES})\s+"
    r"(?P<np4>[a-z'-]+(?:\s+[a-z'-]+)?)"
    r"|(?:add|give|put)\s+(?:(?:more|some|extra|a\s+bit\s+of|a\s+little|a\s+touch\s+of)\s+)?(?:{TONE_NOUNS}|{ADJUST_PROPERTY_WORDS})"
    r"\s+(?:to|on)\s+(?P<np5>(?!(?:{NOUN_OPENERS})\b)[a-z'-]+(?:\s+[a-z'-]+)?))"
    r"(?=\s*(?:$|[,.!?]|\b(?:a|by|please|pls|slightly|some|more|less|up|to|for|in|on|and|than)\b|{TONE_WORDS}))")
"""A thing named with no article, right after the tone verb, between 'make' and the tone word, or said as done: 'darken
*grass* a bit', 'lighten up *faces*', 'make *the hedges* less dark', '*sky* darkened please', 'darker *eyebrows*',
'get darker *worktops*', 'add sharpness to *cats body*'."""
_AND_PRAISE = rx(r"(?:\s*,|\s+(?:and|&))?\s+(?:more\s+|a\s+bit\s+)?(?:{QUALITY_LOOKS}|beautiful|appealing)\b")
_MADE = re.compile(r"\b(?:make|get|keep)\s+(?:[\w'-]+\s+){1,3}?(?:(?:a\s+)?(?:bit|little|lot)\s+|more\s+|very\s+|so\s+)?$")
"""'make face *bright*': the adjective after 'make X' is the change, not a description ('a bright day')."""
_TONAL_RANGE = rx(r"(?:{EXPOSURE_WORDS}|colou?rs?|tones?|everything|all)")
_PASSIVE_CHANGE = re.compile(r"\b(?:to\s+)?be\s+(?:[a-z]{3,}(?:ed|en)|brought|put|set)(?:\s+(?:up|upwards|down|downwards))?\b")
"""'the warmth of her coat has *to be turned up*', '… *to be brought up*': how the change is said, no part of the
thing's name (the direction is read from the words before this is blanked)."""
_THERE_IS = re.compile(r"\b(?:so\s+(?:that\s+)?)?there(?:'s|\s+is|\s+are|\s+(?:should|would|will|could|can)\s+be)\b")
"""'there should be less contrast on her face', '… so that there is less shine on his nose': the wish's frame, not
the thing (the face, the nose)."""
_HOLDER_ENDS = (r"(?:so|but|to|because|as|while|without|please|pls|than|by|which|that|if|needs?|has|have|should|must"
                r"|less|more|too)")
_STATE_VERBS = r"(?:{STATE_SAID})"
_STATE_TAIL = rx(r"\b" + _STATE_VERBS + r"(?:n't|\s+not)?\s*$")
"""'the trees and the sky *are* [too washed out]', 'the photo *isn't* [sharp]': once the tone words are taken out, the
verb that said their state ends the words left — no part of the things' names (it was: 'adding contrast to the trees
and the sky are', 'sharpening the photo isn't')."""
_HELD_BY = rx(r"\s+(?P<by>on|in|of|across)\s+(?P<np>(?:(?:the|his|her|their|my|our|your|its|[a-z]+'s)\s+|"
              r"(?!(?:{PICTURE_NOUNS}|{PICTURE_MENTIONS}|{HOLDS_NO_TONE})\b|(?:[a-z'-]+\s+)?(?:{SURFACE_AREAS}|{TONED_PATCHES})s?\b))[a-z'-]+"
              r"(?:\s+(?!(?:" + _HOLDER_ENDS + "|" + _STATE_VERBS + r")\b)[a-z'-]+){0,6})"
              r"\s*(?=$|[,.;:!?]|\s" + _HOLDER_ENDS + r"\b)")
"""The thing a property is on, said right after it: 'less contrast *on the face*', 'more colour *in the flowers*' — read
when the words around it ('so that there is …', 'adding some touch-ups to …') hide it from the usual reading; said
without an article too ('reduce brightness *on forehead*', 'sharpen focus *of background*'), though not the picture
itself, a word that names no thing ('contrast *on entire image*', 'light *in general*': `HOLDS_NO_TONE`) nor a bare patch
named by its look ('brightness of *shadowed areas*': a tone range, not a thing to find)."""
_BEHIND_THE_SUBJECT = rx(r"(?:{BEHIND_THE_SUBJECT})(?:\s+of(?:\s+the)?\s+(?:{PICTURE_NOUNS}))?")
"""What is left of a tone clause that names only the space behind the people — 'darken *behind her*', 'more contrast
*in the back*': the background (everything but the person), as 'darken the background' is."""
_AREA_LEAD = re.compile(r"^(?:(?:on|in|of|across|at)\s+)?(?:(?:the|his|her|their|my|our|your|its)\s+)?")
_PURPOSE_TAIL = re.compile(r"\bso\s+as\s+to\b.*$|\bso\s+(?:that\s+)?(?:it|its|it's|they|they're|he|she|we|you|i|people|everyone|"
                           r"(?:the|his|her|their|our|my)\s+[a-z'-]+\s+(?:is|are|looks?|stands?|shows?|pops?))\b.*$")
"""'brighten the faces *so they show*', 'warm up my arm *so it blends in*': why, no part of the thing."""
_PATCH_ON = rx(r"^(?:[a-z'-]+\s+){0,2}?(?:{TONED_PATCHES}|{SURFACE_AREAS})\s+(?:on|of|in|across)\s+"
               r"(?P<owner>(?:the|his|her|their|my|our|your|its|[a-z]+'s)\s+.+)$")
_POINTER_LEAD = re.compile(r"^(?:(?:it|this|that|the|a|an)\s+)+")
_PHOTO_NAMED = rx(r"\b(?:this|the|my|our|that)\s+(?:{PICTURE_NOUNS})\b")
_BRIGHT_PATCH = rx(r"\b(?:the\s+)?(?:{BRIGHT_PATCH_WORDS})\s+(?:on|in|across)\s+"
                   r"(?=(?:the|his|her|their|my|our|your|[a-z]+'s)\s)")
_AROUND_A_THING = rx(r"\b(?:{PICTURE_NOUNS})\s+(?:(?!(?:of|and|but|with|so)\b)[a-z'-]+\s+){0,3}?"
                     r"(?:around|along|near|over|across|under)\s+(?=(?:the|his|her|their|my|our|your|its|[a-z]+'s)\s)")
"""'lighten the picture *here along* the fence', 'make the photo brighter *around* her eyes': the picture named, then
where on it — the thing after the preposition is where the tone goes (a strip of the photo, 'the photo at the bottom',
is read before, by `_placed`; 'on' and 'in' are left out: 'the picture *on* my phone' says where the photo is)."""
_HOLDER_LEADS = frozenset({"on", "in", "of", "across"})
_OWNER_PART = re.compile(r"\b(?:make|making|made|turn|get)\s+(?=(?:it|this)\b)|\b(?:it|this)\b")


_PLACE_WORDS = frozenset((*VERTICALS, *SIDES, *CENTER_WORDS))
_AT_THE_CENTRE = rx(r"(?:^|\s)(?P<place>(?:{PLACE_LEADS})\s+the\s+(?:very\s+)?(?:{CENTER_WORDS})"
                    r"(?:\s+of\s+(?:the\s+|this\s+)?(?:{PICTURE_NOUNS}))?)\s*$")
"""'darker *at the centre*', 'less orange *towards the middle of the photo*': the middle said alone at the end of a tone
clause, as a side is (`place_only`) — the tone is on that part, not on the whole photo."""
_ON_A_THING = re.compile(r"^\s*(?:(?:the|any|all\s+(?:of\s+)?the)\s+)?(?:in|on|from|off|out\s+of)\s+(?=\S)")
"""What is left of 'remove *the* brightness *in* the dog's eyes' before the thing: no part of its name."""
_COLOUR_REMOVED = rx(r"^(?:{REMOVE_VERBS})\s+(?:(?:all\s+(?:of\s+)?)?the\s+|all\s+|any\s+)?colou?rs?\b")
"""Every removal verb, as 'remove the colour' (a `TONE_PROPERTIES` entry) is: the colour taken away, black and white."""
_REMOVED_FIRST = rx(r"^(?:{REMOVE_VERBS})\b")
"""'*get rid of* the brightness in the top right': a property taken away is turned down, whatever removal verb says so."""
_TAKEN_OFF = rx(r"\b(?P<v>take|taking|took|get|getting)\s+(?:(?:some|a\s+bit|a\s+little|all)\s+(?:of\s+)?)?(?:the\s+)?"
                r"(?:{PROPERTY_NOUNS})\s+(?P<p>off|out|away|down)(?:\s+(?:of|from)\b)?")
"""'*take* the brightness *off* the lamp post', 'take some colour out of the sky': the property turned down, on the thing
after it — the verb and its particle name no thing."""
_TONED_DOWN = rx(r"\btone\s+(?:(?:it|this|that|everything|all|(?:the\s+|this\s+|my\s+)?(?:{PICTURE_NOUNS}))\s+)?down\b"
                 r"(?!\s+(?:the|his|her|their|my|its|our)\b)")
"""'tone it down', 'tone the photo down' with no property named: a quieter photo — the colours and the contrast, muted
('tone down the contrast' names its property)."""


_SKIN_NP = r"(?:(?:his|her|their|my|our|the|your|[a-z]+'s)\s+)?(?:{SKIN_PLACES})"
_SMOOTH_SKIN = rx(r"\b(?P<np>" + _SKIN_NP + r")\s+(?:to\s+be\s+|be\s+|look\s+|looks\s+|is\s+|are\s+)?(?:more\s+|a\s+bit\s+|"
                  r"a\s+little\s+|completely\s+|totally\s+)?(?:{FLAWLESS_WORDS})\b"
                  r"|\b(?:{FLAWLESS_WORDS})\s+(?P<np2>" + _SKIN_NP + r")\b"
                  r"|\b(?P<np3>" + _SKIN_NP + r")\s+(?:{SMOOTHING_NAMES})\b")
"""'make her skin flawless', 'my cheeks should look smooth', 'skin smoothing': the skin softened there."""
_LOOK = r"(?P<look>{LOOK_WORDS})"
_LOOK_SHAPES = (
    rx(r"\b(?:turn|turning|make|making|change|changing|convert|converting|edit|editing|transform|transforming)\s+"
       r"(?:it|this|that|(?:the|this|that|my|our)\s+(?:[\w'-]+\s+){0,3}?(?:{PICTURE_NOUNS}|{PICTURE_MENTIONS}))\s+"
       r"(?:(?:in)?to\s+(?:(?:a|an|the|some)\s+)?|(?:a|an)\s+)(?:[\w'-]+\s+){0,3}?" + _LOOK + r"\b"
       r"(?![^,;.]*\b(?:with|instead)\b)"),
    rx(r"\b(?:make|making|edit|editing|photoshop|so|want|turn|change|get)\b[^,;.]*?\b(?:look|looks|looking|appear|appears"
       r"|seem|seems|feel|feels)\s+(?:like|as\s+if|as\s+though)\s+(?:(?:it|this|it's|its|we|they|we're|they're)\s+)?"
       r"(?:(?:is|was|were|are|had|has|been|being)\s+)*(?:(?:taken|shot|set|from|in|at|during|out|of|on)\s+)*"
       r"(?:(?:a|an|the)\s+)?(?:[\w'-]+\s+){0,2}?" + _LOOK + r"\b"),
    rx(r"\b" + _LOOK + r"\s+(?:{LOOK_FRAMES})\b"),
    rx(r"\b(?:make|making|get|want)\s+(?:[\w'-]+\s+){1,3}?(?:look|appear|seem|feel)\s+"
       r"(?:(?:a\s+bit|a\s+little|more|as|so|very|really|super|even)\s+)*(?:[\w'-]+\s+(?:and|&)\s+)?" + _LOOK + r"\b"),
    rx(r"\b(?:make|edit|turn|get)\s+(?:it|this|that|(?:the|this|my)\s+(?:{PICTURE_NOUNS}))\s+(?:(?:a\s+bit|a\s+little|look|more|as"
       r"|very|really|super|so\s+it\s+looks)\s+)*" + _LOOK + r"\b"),
    rx(r"\b(?:make|making|get)\s+(?:(?:his|her|their|my|our|this|the|[a-z]+'s)\s+){0,2}(?:{PICTURE_NOUNS})\s+(?:a\s+bit\s+|a\s+little\s+)?more\s+"
       + _LOOK + r"\b"),
    rx(r"\b(?:look|looks|looking|feel|feels|feeling|seem|seems)\s+more\s+like\s+(?:(?:a|an|the|it's|its|it\s+is)\s+)?"
       + _LOOK + r"\b"),
)
"""'make it look like it's night-time', 'a vintage feel', 'make this photo more moody': a look by tone alone. The
photo turned *into* a look is read first: 'turn this gloomy photo into daytime' is the look after 'into' — the
word before it says what the photo is now ('make this picture a still from a spooky film' too;
not '… into dusk with lanterns hung everywhere', a new thing)."""
_SUMMER_WORDS = "|".join(re.escape(word) for word, look in LOOK_WORDS.items() if look == "summer")
_SUN_WISHED = rx(r"\b(?:make|making|let|get|have)\s+(?:the\s+)?sun\s+(?:{SUN_SHINING})"
                 r"|\b(?:make|making|get|turn)\s+(?:it\s+a\s+|the\s+|this\s+)?(?:{SUNNY_PLACES})\s+"
                 r"(?:(?:a\s+bit|a\s+little|more|look|so\s+it\s+looks|really|very|nice\s+and)\s+)*(?:" + _SUMMER_WORDS + r")"
                 r"(?=\s*(?:$|[,.!?;:)]|(?:and|&|please|pls|too|as\s+well)\b))")
"""'make the sun shine', 'make the sky sunny', 'make the day sunnier': sunshine wished for the whole photo — the summer
look (a sky, a day and the weather are its light here, not a new sky; 'make the sun much brighter' brightens the sun)."""
_LOOK_ELSEWHERE = rx(r"\b(?:{BACKGROUND_NOUNS}|{ADD_VERBS_INFLECTED}|replace\w*|swap\w*|sky)\b")
"""'change the background to night', 'add a night sky': a new thing, not a look."""
_LOOK_CUES = frozenset(word.split()[0].split("-")[0] for word in LOOK_WORDS)
"""The first word of every look ('night', 'vintage' …): a clause with none skips the look patterns."""
LOOK_NOTE = "(Tone only: I can't add or change things in it — stars, lights, leaves or props.)"
SMOOTHING_NOTE = "(To take spots out too, say “remove the blemishes”.)"


DEFAULT_AMOUNT = 0.25
"""'brighter' with no amount: the scale `tools.adjust` documents (+0.15 a bit, +0.5 much)."""
SMALL_AMOUNT = 0.15
"""'a bit brighter', 'nothing drastic'."""
LARGE_AMOUNT = 0.5
"""'much brighter', 'a lot'."""


class _Unusable(Exception):
    """An amount the contract can't take; the message is the question back to the user."""


def _amount(prop: str, value: float, said: str) -> float:
    """`value` held to the contract's bounds for `prop`, or _Unusable with the limit."""
    if not within(value, AdjustArgs, prop):
        low, high = field_bounds(AdjustArgs, prop)
        scale = "+1 is the warmest" if prop == "warmth" else f"+1 is twice as {_ADJECTIVES[prop]}"
        raise _Unusable(f"{prop.capitalize()} goes from {low:+g} to {high:+g} ({scale}); {said} is outside that — "
                        "how much should I change it?")
    return value


def _intensity(low: str, start: int, end: int, prop: str, direction: int) -> float:
    """The signed amount for one tone word: a number the words give ("150% brighter", "3 times
    brighter", "brighter by 30%"), else the size words around it ("a bit", "much")."""
    m = _MULTIPLIER.search(low[max(0, start - 40):start])
    if m:
        value, said = to_number(m.group("n")), " ".join(m.group(0).split())
        if value is None:
            raise _Unusable(f"I couldn't read the amount in “{said}”.")
        if m.group("kind") in ("%", "percent"):
            return _amount(prop, direction * value / 100, said)
        if not 1 < value <= MAX_TIMES:
            raise _Unusable(f"I can make it at most {MAX_TIMES:g} times as {_ADJECTIVES[prop]} or {MAX_TIMES:g} times "
                            f"less; {said} {'more' if direction > 0 else 'less'} is outside that — how much should "
                            "I change it?")
        return _amount(prop, value - 1 if direction > 0 else 1 / value - 1, said)
    m = _AMOUNT_AFTER.match(low, end) or _BY_AMOUNT.match(low, end)
    if m and not _UNITS_AFTER.search(low[end:end + 30]):
        value = to_number(m.group("n"))
        if value is not None:
            said = " ".join(m.group("n").split()) + ("%" if m.group("pct") else "")
            value = value / 100 if m.group("pct") or abs(value) > 3 else value
            return _amount(prop, value if value < 0 else value * direction, said)
    window = low[max(0, start - 32):min(len(low), end + 24)]
    if _TWICE.search(window):
        return 1.0 * direction
    if _GENTLE.search(low):                    # "brighten it, nothing drastic": 'drastic' denied, never 'much'
        return SMALL_AMOUNT * direction
    if _HIGH.search(low[max(0, start - 32):start]) or _HIGH.search(low[end:end + 16]):
        return LARGE_AMOUNT * direction
    if _LOW.search(window):
        return SMALL_AMOUNT * direction
    tail = _AMOUNT_TAIL.match(low, end)
    if tail:                                   # "lighten this entire picture slightly": said after the thing
        return (LARGE_AMOUNT if _HIGH.fullmatch(tail.group("amount")) else SMALL_AMOUNT) * direction
    return DEFAULT_AMOUNT * direction


TYPO_MIN_LETTERS = 6
"""Only a tone word this long is read through a typo: shorter ones sit one letter from too many other words."""
_TYPO_KEYS = frozenset(word for word in (*TONE_COMPARATIVES, *TONE_VERBS)
                       if word.isalpha() and len(word) >= TYPO_MIN_LETTERS and not word.endswith("ing"))
_DROPPED_OR_SWAPPED: dict[str, str] = {
    typo: word for word in sorted(_TYPO_KEYS) for typo in (
        *(word[:i] + word[i + 1:] for i in range(1, len(word))),
        *(word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(1, len(word) - 1)))
    if typo != word and typo not in _TYPO_KEYS and len(typo) >= TYPO_MIN_LETTERS}
"""'brigter' → brighter, 'brigthen' → brighten: a tone word with one letter dropped or two swapped, never its first
(one letter added — 'dafrker' — is found by dropping each letter but the first of the typed word). The first letter
stays, so 'often' is never 'soften' nor 'older' 'colder'."""
_KNOWN = frozenset(word for word in TONE_WORDS if word.isalpha())
_LONG_WORD = re.compile(r"[a-z]{%d,}" % TYPO_MIN_LETTERS)


def _respelt(clause: Words) -> tuple[Words, str] | None:
    """The clause with its one tone word read through a typo ('make the sky dafrker' → darker), and what was read as
    what; None when no word is one letter from a tone word."""
    for m in _LONG_WORD.finditer(clause.low):
        typed = m.group(0)
        if typed in _KNOWN:
            continue
        meant = _DROPPED_OR_SWAPPED.get(typed) or next(
            (typed[:i] + typed[i + 1:] for i in range(1, len(typed)) if typed[:i] + typed[i + 1:] in _TYPO_KEYS), None)
        if meant:
            said = clause.orig[m.start():m.end()]
            return (Words(clause.orig[:m.start()] + meant + clause.orig[m.end():],
                          clause.low[:m.start()] + meant + clause.low[m.end():]), f"I read “{said}” as “{meant}”.")
    return None


def parse_adjust(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    steps = _parse_adjust(clause, ctx, settings)
    respelt = _respelt(clause) if not steps else None
    if respelt:                                        # "make the sky dafrker": the tone word under a typo
        steps = _parse_adjust(respelt[0], ctx, settings)
        for step in steps:
            step.note = " ".join(note for note in (respelt[1], step.note) if note)
    if len(steps) == 1 and steps[0].action == "adjust" and _CLEARER.search(clause.low):
        return [_clearer(clause, steps[0])] if _only_clearer(clause.low, steps[0]) else steps
    return steps


def _only_clearer(low: str, step: Step) -> bool:
    """Whether the one change asked is sharpness and every sharpness word said is a quality wished ('clearer')."""
    amounts = step.calls[-1].args.model_dump(exclude_none=True, exclude={"masked"})
    if set(amounts) != {"sharpness"} or amounts["sharpness"] <= 0:
        return False
    sharpness = [pattern for pattern, prop, _ in _PROPS if prop == "sharpness"]
    said = {m.group(0) for pattern in sharpness for m in pattern.finditer(low)}
    return bool(said) and all(_CLEARER.fullmatch(word) for word in said)


def _clearer(clause: Words, step: Step) -> Step:
    """'make it clearer': the photo (or the thing the adjust was on) enhanced by measure, as strong as the words say."""
    from retouch.agent.planner.rules_enhance import enhance_step    # late: rules_enhance's module imports this one's

    amount = step.calls[-1].args.sharpness
    strength = None if amount == DEFAULT_AMOUNT else 0.5 if amount < DEFAULT_AMOUNT else 1.5 if amount <= 1 else 2.0
    where = step.calls[:-1]
    if not where:
        return enhance_step(None, "enhancing the photo — measuring it and correcting only what is off",
                            strength=strength)
    enhanced = enhance_step(None, "", strength=strength, masked=True)
    subject = step.say.split(" (")[0].removeprefix("sharpening ")
    return Step("enhance", [*where, *enhanced.calls], f"enhancing {subject} — measuring it and correcting only what is "
                "off" + enhanced.say, step.note, on_selection=step.on_selection)


def _parse_adjust(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    low = clause.low
    amounts: dict[str, float] = {}
    spans: list[tuple[int, int, str]] = []
    places = [m.span() for m in PLACE_SAID.finditer(low)]       # "the lower half": a place, not "lower" the verb
    limits = [m.span() for m in _GENTLE.finditer(low)]         # "add contrast, but not too much": a limit, not 'less'
    down = any(not any(a <= m.start() < b for a, b in places + limits) for m in _DOWN.finditer(low))
    taken = _TAKEN_OFF.search(low)
    down = down or bool(taken) or bool(_REMOVED_FIRST.match(low))
    for pattern, prop, sign in _PROPS:
        for m in pattern.finditer(low):
            if any(a <= m.start() < b and (p == prop or prop == "brightness") for a, b, p in spans):
                continue
            spans.append((m.start(), m.end(), prop))
            avoided = _AVOIDED.search(low[:m.start()]) or _LEFT_FROM.search(low[:m.start()]) \
                and _TURNED_TO.match(low, m.end()) if prop in _LOOK_PROPS else None
            if avoided:                                    # "darker, but not black and white", "colour, not sepia":
                spans[-1] = (avoided.start(), m.end(), prop)       # a look to stay clear of, no change asked
                continue
            if prop in amounts or (prop == "brightness" and "bw" in amounts and m.group(0) == "white"):
                continue
            if prop == "bw":
                amounts["saturation"] = -1.0
                continue
            if prop == "sepia":
                amounts["saturation"], amounts["warmth"] = -0.8, 0.6
                continue
            if prop == "brightness" and sign == 0 and m.group(0) in ("light", "bright") and \
                    not _PROPERTY_NAMED.search(low[:m.start()]) and not _MADE.search(low[:m.start()]) \
                    and not (_NEGATED.search(low[:m.start()]) and not _ENOUGH_AFTER.match(low, m.end())):
                continue                                   # "a bright day" describes; "so it isn't so bright" asks
            if _praise(low, m):
                continue                                   # "a cool picture", "silly and serious is cool"
            direction = sign or (-1 if down else 1)
            negated = _NEGATED.search(low[:m.start()]) if m.group(0) in PRAISE_TONE else None
            if negated and not _ENOUGH_AFTER.match(low, m.end()):
                direction = -(sign or 1)                   # "not so dark" (but "not so dull" is still brighter);
                #                                            "not so bright" darkens, whatever 'not so' says elsewhere
                spans[-1] = (negated.start(), m.end(), prop)       # "isn't dark" names no thing
            elif sign and asked_less(low, m):
                direction = -direction                     # "less dark" brightens, "less warm" cools
            try:
                amounts[prop] = _intensity(low, m.start(), m.end(), prop, direction)
            except _Unusable as problem:
                return [ask(str(problem))]
    patch = bright_patch_down(low) if not amounts else None
    if patch:                                          # "the white on his face should be less": darker there
        amounts["brightness"] = -amount_said(low)
        spans.append((patch.start(), patch.end(), "brightness"))
    drained = _COLOUR_REMOVED.match(low) if "saturation" not in amounts else None
    if drained:                                        # "erase all of the colour", "take away the colours"
        amounts["saturation"] = -1.0
        spans.append((drained.start(), drained.end(), "saturation"))
    look = look_of(low) if not amounts else None
    if look:                                           # "make it look like night": a look by tone alone
        amounts = dict(LOOK_PRESETS[look])
        return [Step("adjust", [adjust(amounts)], f"giving it {_an(look)} {look} look: " + describe_amounts(amounts),
                     LOOK_NOTE)]
    smoothed = _SMOOTH_SKIN.search(low) if set(amounts) <= {"sharpness"} and amounts.get("sharpness", -1) < 0 else None
    if smoothed:                                       # "make her skin flawless", "skin smoothing"
        group = next(g for g in ("np", "np2", "np3") if smoothed.group(g))
        target = parse_target(clause.slice(smoothed.start(group), smoothed.end(group)), clause)
        if target is not None and not target.pronoun:
            try:
                amount = amounts.get("sharpness") or _intensity(low, smoothed.start(), smoothed.end(), "sharpness", -1)
            except _Unusable as problem:
                return [ask(str(problem))]
            return [Step("adjust", [select(target), adjust({"sharpness": amount}, masked=True)],
                         f"smoothing {target.describe()} ({amount:+g})", SMOOTHING_NOTE, on_selection=target.pointed)]
    toned = _TONED_DOWN.search(low) if not amounts else None
    if toned:                                          # "tone it down": the colours and the contrast, muted
        try:
            amounts = {prop: _intensity(low, toned.start(), toned.end(), prop, -1) for prop in ("saturation", "contrast")}
        except _Unusable as problem:
            return [ask(str(problem))]
        spans.append((toned.start(), toned.end(), "saturation"))
    tinted = _WITH_TINT.search(low) if amounts and "warmth" not in amounts else None
    if tinted:                                         # "brighter with a yellow tint": the tint is the warmth
        sign = 1 if tinted.group("hue") in WARM_CASTS else -1
        amounts["warmth"] = sign * (0.15 if tinted.group("size") else DEFAULT_AMOUNT)
        spans.append((tinted.start(), tinted.end(), "warmth"))
    if not amounts:
        return []
    rest = clause
    for a, b, _ in spans:
        rest = rest.blank(a, b)
    if taken:                                          # "take the brightness off the lamp post": the post
        rest = rest.blank(taken.start("v"), taken.end("v")).blank(taken.start("p"), taken.end())
    removed = _REMOVED_FIRST.match(rest.low)
    if removed:                                        # "remove the contrast from the sky": no thing called 'remove'
        rest = rest.blank(removed.start(), removed.end())
    lead = _IT_SO.match(rest.low)
    if lead and all(a >= lead.end() for a, _, _ in spans):    # "make it so the porch isn't dark": the porch ("make it
        # darker so the sign stands out" says its tone before "so": the purpose is no thing, tones25)
        rest = rest.blank(lead.start(), lead.end())
    for joined in reversed(list(_ALSO_JOINED.finditer(rest.low))):     # "the sky as well as the sea": "and"
        rest = Words(rest.orig[:joined.start()] + " and " + rest.orig[joined.end():],
                     rest.low[:joined.start()] + " and " + rest.low[joined.end():])
    purpose = _PURPOSE_TAIL.search(rest.low)
    if purpose:                                        # "brighten the faces so they show": the faces
        rest = rest.blank(purpose.start(), len(rest.low))
    pairs = speaker_pair_spans(rest.low)                 # "my brother and I": the "I" is one of them
    for pattern in (_PASSIVE_CHANGE, _THERE_IS, SCAFFOLD, _NOISE, _AMOUNT, _MANNER, _GENTLE, _STATE_TAIL):
        for m in list(pattern.finditer(rest.low)):
            if not any(a <= m.start() < b for a, b in pairs + places):
                rest = rest.blank(m.start(), m.end())
    for m in _LONE_SLASH.finditer(rest.low):           # "the lake brighter/sharper": the slash between the two
        rest = rest.blank(m.start(), m.end())          # tones, left alone once they are read, is no part of the lake
    rest = rest.squeeze()
    leftover = re.findall(r"[a-z]{2,}", _FILLER.sub(" ", rest.low))
    if _BEHIND_THE_SUBJECT.fullmatch(" ".join(leftover)):     # "darken behind her", "more contrast in the back"
        return [Step("adjust", [select(Target("background", "the background")), adjust(amounts, masked=True)],
                     describe_amounts(amounts, "the background"))]
    placed = _placed(rest.low, leftover, ctx)
    if placed:                                         # "make it a bit lighter at the bottom": that part
        return [Step("adjust", [region(placed[0]), adjust(amounts, masked=True)], describe_amounts(amounts, placed[1]))]
    on = _ON_A_THING.match(rest.low) if removed or taken else None
    if on:                                             # "remove the contrast *from* the sky": the sky
        rest = rest.blank(on.start(), on.end()).squeeze()
        leftover = re.findall(r"[a-z]{2,}", _FILLER.sub(" ", rest.low))
    describe = describe_amounts(amounts)
    named = [word for word in leftover if not _OWNER.fullmatch(word)]
    if ctx.fresh_selection and _POINTS_AT_SELECTION.search(low) and (not named or is_selection(" ".join(named))):
        return [Step("adjust", [adjust(amounts, masked=True)], describe_amounts(amounts, "the selection"))]
    who = _PERSON_OBJECT.search(_OWNER_PART.sub(" ", low))
    if who and all(word in _PEOPLE_SAID for word in named):
        plural = who.group(0) in ("us", "them", "ourselves")
        person = Target("person", "people" if plural else "person", all=plural)
        return [Step("adjust", [select(person), adjust(amounts, masked=True)],
                     describe_amounts(amounts, _PEOPLE_SAID[who.group(0)]))]
    bare = _BARE_OBJECT.match(low) if named and not _owned(rest.low, named[0]) else None
    bare_group = next((g for g in ("np", "np2", "np3", "np4", "np5") if bare.group(g)), "") if bare else ""
    first = bare.group(bare_group).split()[0] if bare else ""
    if bare and (_TONAL_RANGE.fullmatch(bare.group(bare_group)) or _TONAL_RANGE.fullmatch(first)
                 or any(pattern.fullmatch(first) for pattern, _, _ in _PROPS)):
        bare = None                                    # "lighten shadows" is a tone range, not a thing
    if bare:                                           # "darken grass a bit", "make the hedges not so dark"
        group = bare_group
        rest = clause.slice(bare.start(group), bare.end(group))
    usual = bool(named) and bool(_OWNER.search(rest.low)) and _owned(rest.low, named[0])
    first_word = _POINTER_LEAD.sub("", rest.low.strip()).split()[:1]     # "make it so … *in* the tulips"
    held = None if bare or not named or usual and not _HOLDER_LEADS.issuperset(first_word) else _property_holder(low, spans)
    around = _AROUND_A_THING.search(low) if named and not (bare or held) else None
    if around:                                         # "lighten the picture here along the fence": the fence
        held = around.end(), purpose.start() if purpose and purpose.start() > around.end() else len(low)
    if held:                                           # "so there is less shine on the nose": the nose
        rest = clause.slice(*held)
    if named and (bare or held or usual):
        for m in list(_AND_PRAISE.finditer(rest.low)):     # "the shop window lighter and more lovely"
            rest = rest.blank(m.start(), m.end())
        area = parse_region(rest.squeeze(), ctx.image_size) or picture_part(rest.squeeze())
        target = parse_target(rest.squeeze(), clause) if not area or "problem" in area[0] else None
        target = _area_owner(target, clause) if target is not None else None
        strip = strip_named(target.describe(), target.target, ctx.image_size) if target is not None else None
        if strip:                                      # "fix the left side brightness": the strip, not a "side"
            area, target = strip, None
        if area and "problem" not in area[0] or target is not None and not target.pronoun \
                and target.target not in IMAGE_WORDS \
                and not _TONAL_RANGE.fullmatch(target.display.lower()) and not _TONAL_RANGE.fullmatch(target.target):
            named_all = _listed(rest.squeeze(), clause) if target is not None else []
            said = area[1] if target is None else rest.squeeze().orig.strip(" ,.;:!?") if named_all \
                else target.describe()                 # "lighten the left side": a strip, no thing
            note = ""
            if _HIDE.search(low) and amounts.get("sharpness", 0) < 0:
                amounts["sharpness"] = -1.0
                note = (f"That is only a light blur; to hide it completely say “remove {said}”.")
            where = [region(area[0])] if target is None else [select(_in_the_sky(target))]
            if named_all:
                where = [select(_in_the_sky(named_all[0])), *(select(_in_the_sky(other), add=True)
                                                               for other in named_all[1:])]
            return [Step("adjust", [*where, adjust(amounts, masked=True)], describe_amounts(amounts, said), note,
                         on_selection=target is not None and target.pointed)]
    return [Step("adjust", [adjust(amounts)], describe)]


def _property_holder(low: str, spans: list[tuple[int, int, str]]) -> tuple[int, int] | None:
    """Where the thing that holds a tone property is named, right after it — 'less contrast *on the face*', 'more colour
    *in the flowers*' — as a span of the clause (to the end of that phrase); None when no property is followed so."""
    for _, end, _ in spans:
        m = _HELD_BY.match(low, end)
        if m and not (m.group("by") == "of" and _PHOTO_NAMED.search(low[:end])):
            return m.start("np"), m.end("np")       # (not 'this photo brighter *of my aunt*': the photo's people)
    return None


def _area_owner(target: Target, clause: Words) -> Target:
    """A thing named as its area or portion — 'the subject's area', 'the man's portion', 'the portrait area' — is that
    thing (a portrait's is its person, `PORTRAIT_WORDS`); a bare 'the area' or a colour's ('the white area') stays."""
    if target.target not in SURFACE_AREAS and target.target not in TONED_PATCHES:
        return target
    said = _AREA_LEAD.sub("", (target.phrase or target.display).lower())
    on = _PATCH_ON.search(said)
    if on:                                             # "tone down the bright patch on his cheek": the cheek
        found = parse_target(Words.of(on.group("owner")), clause)
        return found if found is not None and not found.pronoun and found.target not in IMAGE_WORDS else target
    if target.target not in SURFACE_AREAS:
        return target
    words = said.split()
    owner = " ".join(words[:-1]).removesuffix("'s").removesuffix("'").strip()
    if not owner or words[-1] not in SURFACE_AREAS or owner in COLORS or owner in ANSWER_SIDES:
        return target
    if owner in PORTRAIT_WORDS:
        return Target("person", "person")
    found = parse_target(Words.of("the " + owner), clause)
    return found if found is not None and not found.pronoun and found.target not in IMAGE_WORDS else target


def _in_the_sky(target: Target) -> Target:
    """A tone on the clouds or the sunset is on the sky's region (`SKY_REGION_NAMES`): the sky is selected, the words
    kept as its phrase so a finder that reads them still looks for the clouds; any other thing as it is."""
    if target.target not in SKY_REGION_NAMES:
        return target
    return dataclasses.replace(target, target="sky", phrase=target.phrase or target.display or target.target)


def _placed(rest: str, leftover: list[str], ctx: PlanningContext) -> tuple[dict, str] | None:
    """The part of the photo a tone is on when the words name only a place ('lower the brightness of the top left',
    'make it a bit lighter at the bottom'): its region, or None when a thing is named too ('darken the man on the left')."""
    if not leftover or not any(word in _PLACE_WORDS for word in leftover):
        return None
    found = place_only(rest, ctx.image_size)
    centre = _AT_THE_CENTRE.search(rest) if found is None else None
    middle = parse_region(Words.of(centre.group("place")), ctx.image_size) if centre else None
    if middle and "problem" not in middle[0]:         # "make it darker at the centre": the middle of the photo
        found = (*middle, centre.start("place"))
    if found is None:
        return None
    before = re.findall(r"[a-z]{2,}", _FILLER.sub(" ", _REMOVED_FIRST.sub(" ", rest[:found[2]].strip())))
    return (found[0], found[1]) if all(_DOWN.fullmatch(word) for word in before) else None


def bright_patch_down(low: str) -> re.Match[str] | None:
    """'the white on his face should be less', 'reduce the white on her forehead': a bright patch on a thing asked down —
    a darker tone there, never a recolour to white (rules_edits asks this before it recolours). The match covers the
    patch's words ('the white on'), so what follows names the thing."""
    m = _BRIGHT_PATCH.search(low)
    return m if m and _DOWN.search(low[:m.start()] + " " + low[m.end():]) else None


def amount_said(low: str) -> float:
    """How much a change with no number is asked for: 'a lot' +0.5, 'a bit' or 'nothing drastic' +0.15, else the
    default +0.25."""
    if _GENTLE.search(low):
        return SMALL_AMOUNT
    return LARGE_AMOUNT if _HIGH.search(low) else SMALL_AMOUNT if _LOW.search(low) else DEFAULT_AMOUNT


def turned_into_look(low: str) -> bool:
    """Whether the words turn the photo into a look ('edit this photo into a retro poster'): read before a general
    enhance takes 'edit this photo' for the whole ask."""
    return not _LOOK_CUES.isdisjoint(re.findall(r"[a-z0-9]+", low)) and bool(_LOOK_SHAPES[0].search(low)) \
        and not _LOOK_ELSEWHERE.search(low)


def look_of(low: str) -> str | None:
    """The look the words give the whole photo ('make it look like night' → night, 'make the sun shine' → summer), if
    any."""
    if "sun" in low and _SUN_WISHED.search(low):
        return "summer"
    if _LOOK_CUES.isdisjoint(re.findall(r"[a-z0-9]+", low)) or _LOOK_ELSEWHERE.search(low):
        return None
    for pattern in _LOOK_SHAPES:
        m = pattern.search(low)
        if m:
            return LOOK_WORDS[" ".join(m.group("look").split())]
    return None


def _an(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"


def asked_less(low: str, m: re.Match[str]) -> bool:
    """Whether the tone word `m` names where to go and is asked for less of ('less *dark*'): its
    own direction turned round (the rules here and `direction_check` both read it so)."""
    return m.group(0) in PRAISE_TONE and bool(_LESS_BEFORE.search(low[:m.start()]))


def _praise(low: str, m: re.Match[str]) -> bool:
    """A tone word that describes rather than asks: 'a *cool* picture', 'it *is cool*'."""
    if m.group(0) not in PRAISE_TONE or _NEGATED.search(low[:m.start()]):
        return False
    if m.group(0) not in ("bright", "light") and _DETERMINED.search(low[:m.start()]) and _THING_AFTER.match(low, m.end()):
        return True                                # "the dark corner": what it is, not where to go
    return bool(_PRAISE_LEAD.search(low[:m.start()]) and not _TOO.search(low[:m.start()])
                or _PICTURE_AFTER.match(low, m.end()))


def _owned(rest: str, first: str) -> bool:
    """The thing a tone change is masked to starts right after 'the', 'his' …: "brighten *his face*",
    not "*craft* a narrative with the simplicity of black and white" (that is the whole picture)."""
    m = re.search(rf"\b{re.escape(first)}\b", rest)
    return bool(m) and bool(_OWNER_BEFORE.search(rest[:m.start()]))


def describe_amounts(amounts: dict[str, float], subject: str = "the image") -> str:
    if amounts.get("saturation") == -1.0 and len(amounts) == 1:
        return f"making {subject} black and white"
    words = {"brightness": ("brightening {s}", "darkening {s}"),
             "contrast": ("adding contrast to {s}", "reducing the contrast of {s}"),
             "saturation": ("boosting the colours of {s}", "muting the colours of {s}"),
             "sharpness": ("sharpening {s}", "softening {s}"),
             "warmth": ("warming {s}", "cooling {s}")}
    parts = []
    for k, v in amounts.items():
        text = words[k][0 if v >= 0 else 1].format(s=subject if not parts else "it")
        parts.append(f"{text} ({v:+g})")
    return " and ".join(parts)


def _bare_thing(piece: str) -> bool:
    """A later list item with no determiner that names a thing ('grass', 'eyes'), not a quality ('more refined')."""
    piece = piece.strip(" ,")
    return bool(_BARE_NAME.fullmatch(piece)) and not any(
        _NOT_A_NAME.fullmatch(word) and word not in LY_NOUNS for word in piece.split(" of ")[0].split())


def _listed(rest: Words, clause: Words) -> list[Target]:
    """The things a tone is on when several are listed ("warm up the lake and the hills"): each one, so every thing
    the reply names is selected; one thing (or a list with a part that names no thing) → an empty list."""
    both = _BOTH.match(rest.low)
    if both:                                        # "both the bride and the groom": the bride, the groom
        rest = rest.blank(both.start(), both.end()).squeeze()
    pieces = split_list(rest)
    if len(pieces) < 2 or not _NAMED_THING.match(pieces[0].low.strip(" ,")) \
            or not all(_NAMED_THING.match(piece.low.strip(" ,")) or _bare_thing(piece.low) for piece in pieces[1:]):
        return []                                   # "the oak clearer and more refined": a quality, not a thing
    named = [parse_target(piece, clause) for piece in pieces]
    if any(t is None or t.pronoun or t.target in IMAGE_WORDS for t in named):
        return []
    return named


# ---- a colour splash (issue 20, tones25) ------------------------------------------------------------------------------

_SPLASH = rx(r"\b(?:{SPLASH_NAMES})\b")
_GREYED = r"(?:(?:in|to|into)\s+)?(?:{BLACK_AND_WHITE}|gr[ae]y)"
_THE_REST = r"(?:the\s+rest(?:\s+of\s+(?:it|the\s+(?:{PICTURE_NOUNS})))?|everything\s+else)"
_KEPT_IN_COLOUR = r"(?:\s+(?:in\s+(?:full\s+)?colou?rs?|colou?red|(?:{COLORS})))?"
_SPLASH_SAID = rx(
    r"^(?:keep|leave)\s+(?P<a>(?:{NOUN_OPENERS})\s+.+?)" + _KEPT_IN_COLOUR + r"\s*,?\s+(?:and|but|while)?\s*"
    r"(?:(?:make|turn|put)\s+)?" + _THE_REST + r"\s+(?:is\s+|goes\s+)?" + _GREYED + r"\s*[.!?]*$"
    r"|^(?:make|turn|put)\s+" + _THE_REST + r"\s+" + _GREYED + r"\s*,?\s+(?:but|and|while)\s+(?:keep|leave)\s+"
    r"(?P<b>(?:{NOUN_OPENERS})\s+.+?)" + _KEPT_IN_COLOUR + r"\s*[.!?]*$"
    r"|^(?:make|turn|put)\s+everything\s+(?:(?:in|to|into)\s+)?gr[ae]y\s+(?:except|but|apart\s+from|other\s+than)\s+"
    r"(?:for\s+)?(?P<c>(?:{NOUN_OPENERS})\s+.+?)\s*[.!?]*$")
"""'keep the umbrella red and the rest black and white', 'make the rest of the photo grey but keep the bus yellow',
'make everything grey except the red kite': one thing kept in its colour, the rest made black and white — the colour
splash, never the umbrella recoloured or a thing called 'rest' selected."""
_SPLASH_ON = rx(r"\b(?:{SPLASH_NAMES})\s+(?:effect\s+)?(?:on|of|for|to|with|keeping)\s+(?P<np>(?:{NOUN_OPENERS})\s+.+?)"
                r"\s*[.!?]*$|^(?:{SPLASH_NAMES})\s+(?P<np2>(?:{NOUN_OPENERS})\s+.+?)\s*[.!?]*$")
"""'a colour splash on the umbrella', 'selective colour for the roses': the thing that keeps its colour."""
SPLASH_QUESTION = ("Which thing should keep its colour? A colour splash makes the rest of the photo black and white — "
                   "say “keep the umbrella in colour and the rest black and white”.")


def splash_cue(low: str) -> bool:
    """Whether the clause may be a colour splash: a splash named, or a rest or everything said (the patterns read the
    rest)."""
    return "splash" in low or "selective" in low or "spot colo" in low or "rest" in low or "everything" in low


def parse_colour_splash(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """The colour splash said by name or by its parts: read as 'turn everything but X black and white', the path
    the background row already has for it (`rules_background._colour_kept`); by name with no thing, the question
    which thing keeps its colour."""
    from retouch.agent.planner.rules_handlers import dispatch          # late: the table imports this module
    low = clause.low
    said = _SPLASH_SAID.match(low)
    on = _SPLASH_ON.search(low) if said is None else None
    match, group = (said, next(g for g in "abc" if said.group(g))) if said else \
        (on, "np" if on.group("np") else "np2") if on else (None, "")
    if match is None:
        return [ask(SPLASH_QUESTION)] if _SPLASH.search(low) else []
    kept = clause.orig[match.start(group):match.end(group)]
    steps = dispatch(Words.of(f"turn everything but {kept} black and white"), ctx, settings)
    return steps if any(step.action == "adjust" for step in steps) else []
