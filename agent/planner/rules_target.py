"""Naming things: a noun phrase → what `select` needs (target, phrase, position, order, size, count).

"the kid wearing a Mets cap up in the top left" → target "kid", phrase "kid wearing a Mets cap",
position "top-left". The head noun goes to `target` in the singular ("people" → "person"), the
whole descriptive phrase goes to `phrase` for the detector, and where-words ("on the left",
"third from the left", "the biggest", "in the background") become select's qualifiers.

Explicit regions ("the left half", "box 20,20,100,100") live in `rules_region`.
"""

from __future__ import annotations

import re
from copy import copy
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from retouch.agent.plan import SelectArgs
from retouch.agent.planner.rules_lexicon import expand, rx
from retouch.agent.planner.rules_numbers import word_value
from retouch.agent.planner.rules_text import Words, known_words
from retouch.agent.planner.rules_vocab import (
    BODY_PARTS, PLACE_PREPOSITIONS, SCAFFOLD_PREPOSITIONS, TOLD_OPENERS, COLOR_CARRIERS, COLOR_MODIFIERS, COLOR_NOUNS, COLORS, COMPOUND_NOUNS, GROUND_COLOURS, DANGLING_WORDS, FUNCTION_NOUNS, FUNCTION_WORDS, HEAD_BOUNDARY, ING_NOUNS, IRREGULAR_PLURALS,
    LARGE_AMOUNTS, LY_NOUNS, MATERIAL_WORDS, NEVER_THINGS, NOT_HEAD_WORDS, SMALL_AMOUNTS,
    ORDINAL_WORDS, OWNED_COVERINGS, FLAW_SHAPES, SHAPED_FLAWS, REQUEST_NOUNS, OWN_QUALITIES, PART_NOUNS, PART_OF_WORDS, PICTURE_NOUNS, PLURAL_ONLY, PRONOUNS, QUANTITY_NOUNS,
    SURFACE_AREAS, TARGET_SYNONYMS, UNCOUNTED,
)

from retouch.agent.planner.rules_vocab import (  # the words that end a name and the words of its kinds (#20)
    COLOR_COMPARATIVES, DETERMINERS, GIVEN_NAME_WORDS, KEPT_EXCEPT_WORDS, LOOK_NOUNS, MOTION_PASTS, NAME_ENDS, PERSON_WORDS, TEXT_NAMES, TONE_COMPARATIVES, VAGUE_THINGS,
)
from retouch.agent.planner.rules_vocab import (  # a side said of a name (#20, heads16)
    CENTER_WORDS, CORNER_PARTS, END_PARTS, ENDS, SIDE_PARTS, SIDES, VERTICALS,
)
from retouch.agent.planner.rules_vocab import POINTER_FOLLOWERS  # what may follow a place that ends a name (#20, heads18)
from retouch.agent.planner.rules_vocab import CLOSING_DEGREES  # an amount closing a name (#20, garble19)
from retouch.agent.planner.rules_vocab import COLOUR_QUALIFIERS, RECOLOR_FILLERS  # 'the X colour of the Y' (#20, heads20)
from retouch.agent.planner.rules_vocab import ONE_ALONE_LEADS  # 'a partly cloudy one' (#20, heads20)
from retouch.agent.planner.rules_vocab import PICTURE_ADJECTIVES  # 'brighten the entire' (#20, heads20)
from retouch.agent.planner.rules_vocab import BACKGROUND_NOUNS, PART_LABELS, SCENE_PARTS  # 'the sky part' (#20, heads20)
from retouch.agent.planner.rules_vocab import REASON_LEADS  # 'the bottle because it looks messy' (#20, heads21)
from retouch.agent.planner.rules_vocab import COLLECTIVE_NOUNS  # 'some of the crowd': a share of many (#20, leftovers24)
from retouch.agent.planner.rules_vocab import BACK_WORDS, FRONT_WORDS  # what follows a depth place (#20, people24)
from retouch.agent.planner.rules_vocab import PEOPLE_ONLY_DOINGS  # a person said by what they do (#20, people24)
from retouch.agent.planner.rules_vocab import STRAY_HAIR_WORDS  # 'the flyaways' are the hair (#20, heads25)
from retouch.agent.planner.rules_vocab import APPROXIMATE_TAILS  # 'the flamingos close (to #303d4d)' (#20, heads27)

_ORD = expand(r"(?:{ORDINAL_WORDS}|last|\d{1,2}(?:st|nd|rd|th))")

SCAFFOLD = rx(
    r"\b{SCAFFOLD_PREPOSITIONS}\s+{SCAFFOLD_DETERMINERS}\s+(?:{PICTURE_ADJECTIVES}\s+)?"
    r"(?:(?!(?:of|in|on|at|to|from|with|by|the|this|that|these|my|our|your|a|an|and|or|{SIDES})\b)[\w'-]+\s+){0,3}?"
    r"(?:[a-z]+-)?(?:{PICTURE_NOUNS}|{PICTURE_MENTIONS})s?\b(?:'s\s+\w+)?(?:\s+of\s+(?:me|us|him|her|them|my\s+[\w'-]+)"
    r"(?:\s+(?:and|&)\s+(?:me|us|him|her|them|i|my\s+[\w'-]+))*)?"
    r"(?:\s+(?:that\s+)?{PHOTO_TAKERS}\s+{TAKING_VERBS}\b(?:\s+{TAKEN_TAILS}\b[^,.;!?]*?(?=\s*$|\s*[,.;!?]))?)?"
    r"|\b{AWAY_FROM}\s+{OUT_OF_SIGHT}\b(?!\s+(?!{POINTER_FOLLOWERS}\b)[a-z])|\bout\s*$"
    r"|\b{IF_THERE}\b"
    r"|\b{RELATIVES}\s+{MAYBE_MODALS}\s+be(?:\s+{PRESENT_WORDS})?"
    r"|\b{SHOWN_WORDS}\b"
    r"|\b(?:all|any)?\s*{TRACE_WORDS}\s+of\b"
    r"|\bthe\s+{EXISTENCE_WORDS}\s+of\b|\b{NAME_FILLERS}\b"
    r"|\s+(?:when|after|while|before|once)\s+[a-z]+ing\b.*$"
    r"|\bas\s+(?:much|many)\s+(?:of\s+)?(?=\S)|\s+as\s+(?:[a-z]+\s+as\s+)?(?:possible|you\s+can|u\s+can)\b.*$"
)
"""Words around a name that are not the name: "from the image", "if present", "all traces of"."""

# ---- nouns -------------------------------------------------------------------------------------


def singularize(word: str) -> tuple[str, bool]:
    """(singular, was_plural) for one word; unknown -s words are left alone when unsure."""
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word], True
    if word in PLURAL_ONLY:
        return word, True
    if word in UNCOUNTED or len(word) < 4 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return word, False
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y", True
    if word.endswith(("ches", "shes", "xes", "sses", "zzes")):
        return word[:-2], True
    return word[:-1], True


_COMPOUNDS_JOINED = {
    name.replace(" ", glue): name
    for name in COMPOUND_NOUNS if name.count(" ") == 1 for glue in ("", "-")
    if name.replace(" ", glue) not in COMPOUND_NOUNS and name.replace(" ", glue) not in TARGET_SYNONYMS
    and name.replace(" ", glue) not in TARGET_SYNONYMS.values()
}
"""A two-word name written as one word or hyphenated ('the golfball', 'the lamp-post', 'powerlines'): the name
`COMPOUND_NOUNS` declares, so the finder is asked for one head whichever way it is written (heads25). A one-word form
declared as a name of its own ('t-shirt', 'timestamp') stays; a word that is one word ('skateboard') is declared in
`JOINED_WORDS` instead, its two halves read as it."""


def compound_apart(word: str) -> str:
    """'golfballs' → 'golf balls', 'lamp-post' → 'lamp post'; any other word as written. The plural's ending is
    kept, so the name still says how many."""
    if word in _COMPOUNDS_JOINED:
        return _COMPOUNDS_JOINED[word]
    single, plural = singularize(word)
    if plural and single in _COMPOUNDS_JOINED and word.startswith(single):
        return _COMPOUNDS_JOINED[single] + word[len(single):]
    return word


def normalise_noun(word: str) -> tuple[str, bool]:
    single, plural = singularize(word)
    return TARGET_SYNONYMS.get(single, single), plural


# ---- where-words ------------------------------------------------------------------------------

_P_ORD_SIDE = rx(
    rf"\b(?:the\s+)?(?P<ord>{_ORD})\s+(?P<noun>(?:[a-z'-]+\s+){{0,3}}?)(?:one\s+)?(?P<rel>{{COUNTING_RELATIONS}})\s+"
    r"(?:the\s+)?(?P<side>left|right|top|bottom)\b(?:\s+(?:side|end))?")
_P_ORD = re.compile(rf"\bthe\s+(?P<ord>{_ORD})\s+(?=[a-z])(?!time\b|thing\b|plane?\b)")  # 'the first plan': foreground
_P_CORNER = rx(
    r"\b(?:{ALL_THE_WAY}\s+)?(?:{PLACE_LEADS}\s+)?(?:the\s+)?(?:(?:very|far)\s+)?(?P<v>{VERTICALS})"
    r"[\s-]*(?P<h>{SIDES})(?:[\s-]*(?:hand\s+)?{CORNER_PARTS}|\s+(?:{PICTURE_NOUNS})s?\b)?"
    r"(?:\s+(?:of|in)\s+(?:the\s+)?{PICTURE_NOUNS})?\b"
    r"|\b(?:(?:in|at|on)\s+)?(?:the\s+)?(?P<h2>{SIDES})[\s-]+(?P<v2>{VERTICALS})(?:\s+corner\b|(?=\s+(?:of|in)\s+"
    r"(?:the\s+)?{PICTURE_NOUNS}\b|\s*[,.;!?]|\s*$))(?:\s+(?:of|in)\s+(?:the\s+)?{PICTURE_NOUNS}\b)?"
    r"|\b(?:(?:in|at|on)\s+)?(?:the\s+)?(?P<h3>{SIDES})(?:\s+hand)?\s+side\s+(?P<v3>{VERTICALS})"
    r"(?:\s+{CORNER_PARTS})?(?:\s+(?:of|in)\s+(?:the\s+)?{PICTURE_NOUNS})?\b")
_P_SIDE = rx(
    r"\b(?:{ALL_THE_WAY}\s+)?{SIDE_LEADS}\s+(?:the\s+)?(?:{EXTREMITY}\s+)?(?P<s>{SIDES})"
    r"(?:[\s-]*(?:hand\s+)?{SIDE_PARTS}|\s+(?:{PICTURE_NOUNS})s?)?(?:\s+(?:side\s+)?of\s+(?:the\s+)?(?:{PICTURE_NOUNS}|group))?\b"
    r"(?!\s+of\b)(?:\s+side\s+of\s+(?:the\s+|my\s+|his\s+|her\s+)?[\w'-]+(?:\s+[\w'-]+)?\s*$)?")
_P_TOPBOTTOM = rx(
    r"\b(?:{ALL_THE_WAY}\s+)?{END_LEADS}\s+(?:the\s+)?(?:very\s+)?(?P<s>{ENDS})"
    r"(?:\s+{END_PARTS})?(?:\s+of\s+(?:the\s+)?{PICTURE_NOUNS})?\b(?!\s+of\b)")
_P_CENTER = rx(
    r"\b(?:in|at|on|from)\s+(?:the\s+)?(?:(?:very|dead)\s+)?{CENTER_WORDS}(?:[\s-]+{SIDES}(?=\s*$|\s*[,.;!?]))?"
    r"(?:\s+of\s+(?:the\s+|this\s+|my\s+)?(?:{PICTURE_NOUNS}|group))?\b(?!\s+of\b)")
"""'in the middle right': a side said after the middle, ending the name, is still the middle."""
_P_EXTREME = rx(
    r"\b(?:the\s+)?(?:(?P<left>{LEFTMOST})|(?P<right>{RIGHTMOST})|(?P<top>{TOPMOST})|(?P<bottom>{BOTTOMMOST})|"
    r"(?P<center>{CENTERMOST}))\b")
_P_BACK = rx(
    r"\b(?:{ALL_THE_WAY}\s+)?(?:in|at|into|toward|towards|from|out\s+of|off)\s+(?:the\s+)?(?:(?:far|very)\s+)?{BACK_WORDS}\b"
    r"(?:\s+rows?\b)?"
    r"(?:\s+of\s+(?:the|this|that|my)\s+(?:[\w'-]+\s+){0,3}?(?:{PICTURE_NOUNS}|{PICTURE_MENTIONS}|still)\b)?(?!\s+of\b)"
    r"|\bbehind\s*$"
    r"|\b(?:in|from|out\s+of|off)\s+(?:the\s+)?background\s+of\s+(?:{DETERMINERS})\s+(?:[\w'-]+\s+){0,2}?[\w'-]+\s*$"
    r"|\bbackground\s+(?=[a-z])(?!of\b|to\b|and\b|with\b|{MODAL_VERBS}\b)|\bfar away\b|\bin the back of\b"
    r"|\b{FAR_FROM_VIEWER}\b|\bthe\s+(?:{FARTHEST_WORDS})(?=\s+(?!(?:{FUNCTION_WORDS})\b)[a-z])")
"""'the crowd in the background of *our race finish*': whatever the shot is called, its background is the
picture's; 'the back *row*' of a group is the picture's back too."""
_P_FRONT = rx(
    r"\b(?:in|at|{AWAY_FROM})\s+(?:the\s+)?{FRONT_WORDS}\b(?:\s+rows?\b)?"
    r"(?:\s+of\s+(?:the|this|that|my)\s+(?:[\w'-]+\s+){0,3}?(?:{PICTURE_NOUNS}|{PICTURE_MENTIONS})\b)?(?!\s+of\b)"
    r"|\bforeground\s+(?=[a-z])(?!of\b|to\b)|\b{NEAR_CAMERA}\b"
    r"|\bthe\s+(?:{NEAREST_WORDS})(?=\s+(?!(?:{FUNCTION_WORDS})\b)[a-z])")
"""'the pigeons *from the foreground*', 'the waiter *out of the foreground*': where a thing is taken from is
where it is (as '*from* the background' is); 'the sticker from the front *of* the shirt' is the shirt's front."""
_P_BEHIND = rx(r"\bbehind\s+(?:{PEOPLE_OBJECT_PRONOUNS}|(?:(?:the|my|a|his|her|their|our)\s+)?(?:[a-z'-]+\s+){0,2}?[a-z'-]+)\s*$"
               r"|\bbehind\s+(?:{PEOPLE_OBJECT_PRONOUNS}|(?:the|my)\s+\w+|[a-z]+)\b")
"""'behind the drum kit': the whole thing behind which, when it ends the name; else one word."""
_P_BARE_PLACE_AFTER = rx(r"\s+(?P<s>{SIDES}|{CENTER_WORDS}|in\s*between)"
                         r"(?P<more>(?:\s*,\s*|\s+(?:and|&|or)\s+)(?:{SIDES}|{CENTER_WORDS}))?\s*[.,!?]*$")
"""'remove the tourists *middle*', 'the awkward stranger *inbetween*': a place said bare after a name ends it; it is no
thing called 'middle' (people24). Two said ('the tourists *middle and left*') name no one place: every one is taken."""
_P_ADJ_SIDE = rx(r"\b(?P<s>left|right|{CENTER_WORDS})\s+(?=(?P<n>[a-z'-]+))")
_P_RIGHT_AS_JUST = rx(r"(?<!\bright\s)\bright(?=\s+(?:{RIGHT_AS_JUST})\b)")
"""'the man *right* here', 'the guy *right* next to me': 'just', never a side (place25); not after the side said
('on the right right here')."""
_P_SIZE = rx(
    r"\b(?:the\s+)?(?:(?P<large>{LARGEST_WORDS}|{LARGE_ONES}(?=\s+ones?\b))"
    r"|(?P<small>{SMALLEST_WORDS}|{SMALL_ONES}(?=\s+ones?\b)))\b")
_P_EVERYONE = rx(r"\b{EVERYONE_WORDS}\b")
_P_ALL = rx(r"\b{ALL_WORDS}\s+(?:(?:single\s+)?(?:one\s+)?of\s+)?(?:{ALL_OF}\s+)?"
            r"|\b(?:them|those|these)?\s*all\s*$")
_P_COUNT = rx(r"\b(?:(?:the|those|these|all)\s+)?(?P<n>{COUNT_NUMBERS}|\d{1,2})\s+(?:the\s+)?(?=[a-z])")
_P_EXCLUDE = rx(r"^(?P<pre>.*?)\b(?P<all>{EXCLUDE_ALL})\s+(?:else\s+)?{EXCEPT_WORDS}\s+")
_P_EXCLUDE_TAIL = re.compile(r"\s+(?:and|but)\s+keep\s+.*$|\bexcept(?:\s+for)?\s+(?P<x>.+)$")
_DETERMINERS = rx(r"^(?:{DETERMINERS}\s+)+")
_P_ONE_OF = rx(r"(?<![\w'-])(?:(?:just|only|any)\s+)?(?:one|1)\s+of\s+(?=(?:{ALL_OF})\s+[a-z])")
"""'remove *one of* the cars', '*just one of* the two lamps': one thing of several — the finder's 'which one?' when it
finds more, never all of them (the count said after it is how many there are, not how many to take)."""
_P_SHARE = rx(r"(?<![\w'-])(?P<share>(?:(?:some|most|many|a\s+few)\s+or\s+)?{PARTIAL_SHARES})\s+(?=(?:{ALL_OF})\s+[a-z])")
"""'*most of* the wrinkles', '*some of* his freckles', '*some or most of* the crowd': how much of the things is wished,
read off the name (runon23)."""
_DANGLING_ENDS = frozenset({"is", "are", "was", "were", "be", "being", "has", "had"}) & HEAD_BOUNDARY | DANGLING_WORDS
_LOOK_VERBS = frozenset({"look", "looks", "seem", "seems", "appear", "appears", "be", "have"}) & NAME_ENDS
"""'make this *look* …': after 'this', a verb — 'this' is the photo."""
_LEADING_PLACE = rx(r"^(?:on|of|at|so|(?:but\s+)?with)\s+(?:{DETERMINERS})\s+")
_LEADING_VERB = rx(r"^(?:{IMPERATIVE_VERBS})\s+(?=(?:{DETERMINERS})\s+\S)")
"""A command verb left before a name by the clause that held it: 'change *the lighting*'."""
_DEMONSTRATIVE = re.compile(r"\b(?:this|that|these|those)\b")
_PRONOUN_TAIL = rx(
    r"\s*,?\s*\b{PERSONAL_PRONOUNS}{BE_FORMS}?(?:\s+(?:the|a)\s+{WHO_NOUNS})?\s*,?\s*$")
_COMPARATIVES = frozenset(word for word in TONE_COMPARATIVES if " " not in word) | frozenset(COLOR_COMPARATIVES)
_ENDS_A_NAME = NAME_ENDS | _COMPARATIVES
_CLOSING_TAIL = rx(r"(?:(?:{CLOSING_PARTICLES})\s+)?(?:(?:{CLOSING_DEGREES})\s+)?(?:more|less)|(?:{CLOSING_DEGREES})")
"""'the sky far', 'the reflection a little', 'the lantern a bit more', 'my freckles out more': how much, closing a name."""
_CLOSING_LAST = frozenset(words.split()[-1] for words in (*CLOSING_DEGREES, *APPROXIMATE_TAILS)) | {"more", "less"}
_APPROXIMATE_TAIL = rx(r"(?:{APPROXIMATE_TAILS})")
_NUMBER_LABEL = re.compile(r"#?\d+(?:am|pm)?")
"""'the runner *#5*', 'the people *2*', 'the time *1011am*': a number after a name labels it, never names the thing."""
_DETERMINER_SET = frozenset(DETERMINERS)
_NOT_HEAD = frozenset(COLORS) | NOT_HEAD_WORDS | DANGLING_WORDS | _ENDS_A_NAME | (FUNCTION_WORDS - {"can"})
"""Words a name never ends on (a 'can' is a thing: 'the trash can')."""
_COLOR_ONLY = frozenset(COLORS) - COLOR_NOUNS | COLOR_MODIFIERS | frozenset(COLOR_CARRIERS)
"""A name made only of these ('the *white color* on the bike', 'the *blue* of the eyes') names a colour the
thing after the preposition has: a finder looks for that thing."""
_PICTURE_WORDS = frozenset(PICTURE_NOUNS) | {f"{noun}s" for noun in PICTURE_NOUNS}
_AMOUNT_WORDS = frozenset(word for word in (*SMALL_AMOUNTS, *LARGE_AMOUNTS) if word.endswith("ly"))
"""'raise the contrast *noticeably*', '… *drastically*': how much, never a thing (only the -ly words: 'max' can be a dog)."""
_NAMES_NOTHING = FUNCTION_WORDS | NEVER_THINGS | _AMOUNT_WORDS
_SAID_OF_THE_PICTURE = frozenset(PICTURE_ADJECTIVES)
"""'the *entire* image', 'the *whole* photo': left alone once a handler has taken the picture word, they name nothing."""

_ON_THE_BACK = re.compile(r"\s+on\s+the\s+(?:far\s+|very\s+)?back\s*[.,!?]*$")
"""'the three kids *on the back*': said of people, ending the name, the back of the picture ('the number on the back' is
a shirt's)."""
_UNNAMED_MANY = frozenset({"ones", "things", "stuff", "bits", "objects"})
"""'the ones / the stuff / the objects in the back': all the things there (a plain 'one' is one)."""

_PROPER_NAME = re.compile(r"^(?:[A-Z][a-z'-]+|[A-Z]{1,3}\.?)(?:\s+[A-Z][a-z'-]+)?$")
"""How a person's name is shown ('Grace Delacroix', 'J.', 'KT Tunstall'): said without 'the'."""
_NAME_THEN_WORDS = re.compile(r"^(?P<name>[A-Z][a-z'-]+)(?:\s+[A-Z][a-z'-]+)?\s+[a-z]")


def _name_first(noun: str) -> bool:
    """'Jesus waving', 'Marta holding the cake': a person's name (no word the vocabulary declares), then what they do —
    said without 'the' as the name alone is (leftovers24)."""
    said = _NAME_THEN_WORDS.match(noun)
    return said is not None and said.group("name").lower() not in known_words()

_POSITION_TEXT = {
    "left": "on the left", "right": "on the right", "top": "at the top", "bottom": "at the bottom",
    "center": "in the middle", "top-left": "in the top left", "top-right": "in the top right",
    "bottom-left": "in the bottom left", "bottom-right": "in the bottom right",
    "foreground": "in the foreground", "background": "in the background", "behind": "behind",
}
_ORDINAL_TEXT = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh",
                 8: "eighth", 9: "ninth", 10: "tenth"}
OPPOSITE = {"left": "right", "right": "left", "top": "bottom", "bottom": "top", "top-left": "top-right",
            "top-right": "top-left", "bottom-left": "bottom-right", "bottom-right": "bottom-left",
            "foreground": "background", "background": "foreground"}


@dataclass
class Target:
    """A named thing and how to pick it; `pronoun` means "it"/"this" (the current selection)."""

    target: str
    display: str
    phrase: str | None = None
    position: str | None = None
    ordinal: int | None = None
    size: str | None = None
    count: int | None = None
    all: bool = False
    exclude: bool = False
    pronoun: bool = False
    where: str | None = None
    """The user's own words for the position ("behind my wife"), for the reply."""
    pointed: bool = False
    """Named with 'this'/'that' ("this dog"): with a selection just made, the thing is that selection."""
    one_of: bool = False
    """Said as one of several ('one of the cars'): a single thing, which the finder asks about when it sees more."""
    share: str | None = None
    """How much of the things was wished, as said ('most', 'some', 'a few'): the finder takes every one it finds, so
    the reply says that and asks which to keep (runon23)."""

    def args(self, add: bool = False) -> SelectArgs:
        return SelectArgs(target=self.target[:200], phrase=self.phrase[:500] if self.phrase else None,
                          position=self.position, ordinal=self.ordinal, size=self.size, count=self.count,
                          all=self.all, exclude=self.exclude, add=add)

    def describe(self) -> str:
        noun = self.display or self.target
        if self.exclude:
            return f"everything except the {noun}"
        if self.ordinal and self.position in ("left", "right", "top", "bottom"):
            return f"the {_ORDINAL_TEXT.get(self.ordinal, f'#{self.ordinal}')} {noun} from the {self.position}"
        if noun.lower() in ("me", "him", "her", "them", "us", "you", "myself", "everyone", "everybody") \
                or noun.startswith("you and your "):
            return " ".join([noun] + ([self.where or _POSITION_TEXT[self.position]] if self.position else []))
        if self.target == "person" and noun.lower() not in PERSON_WORDS and (_PROPER_NAME.match(noun) or _name_first(noun)):
            return " ".join([noun] + ([self.where or _POSITION_TEXT[self.position]] if self.position else []))
            # 'Removing Grace Delacroix (on the left)', never 'the Grace …' nor where she is left unsaid
        words = ["the"]
        if self.ordinal:
            words.append(_ORDINAL_TEXT.get(self.ordinal, f"#{self.ordinal}"))
        if self.size:
            words.append(self.size)
        if self.count:
            words.append(str(self.count) if self.count > 10 else
                         ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")[self.count - 2])
        elif self.all and not self.ordinal:
            words.insert(0, "all")
        words.append(noun)
        if self.position:
            words.append(self.where or _POSITION_TEXT[self.position])
        if self.one_of:         # 'one of the cars': the plural said, one taken
            words[0] = "one of the"
        if self.share:          # 'most of the wrinkles': never all of them silently
            words.append(f"(you said {self.share} of them — I can't tell which, so every one I find; say which to keep)")
        return " ".join(words)


_PLACE_AHEAD = rx(r"\s+(?:in|at|on)\s+the\s+(?:(?:far|very)\s+)?(?:{BACK_WORDS}|{FRONT_WORDS}|(?:left|right)(?:[\s-]+hand)?"
                  r"(?:\s+side)?)\b(?!\s+of\b|-)")
_NEXT_WORD = re.compile(r"\s*([a-z'-]+)")
_EXCEPT_AHEAD = rx(r"\s*(?:{EXCEPT_WORDS})\b")


def place_ahead(low: str, at: int) -> int:
    """Where a place said right after a name that ends at `at` ends ('a man *in the background*', 'the girl *on the
    left* is …', 'the kid in the back *ruins* it'), for a reader that stops a name at its first preposition; `at` when
    none is said there, or when the place names a thing of its own ('in the back *row*', 'on the left *wall*')."""
    m = _PLACE_AHEAD.match(low, at)
    if not m:
        return at
    return at if _names_a_thing_after(low, m.end()) else m.end()


def _names_a_thing_after(low: str, at: int, after_a_noun: bool = False) -> bool:
    """Whether the word at `at`, right after a place word ('in the back', 'on the left'), starts a name of its own —
    'the back *row*', 'the left *wall*' — rather than the words after a place ('… in the back *is* …',
    '… *please*', '… *cars*' of a list). After a place that is a noun (`after_a_noun`: 'in the background')
    nothing it qualifies can follow, so any word but one that goes on describing the thing ('… *standing* there') is
    read, a plural too."""
    after = _NEXT_WORD.match(low, at)
    word = after.group(1) if after else ""
    if not word or word in _SIDE_FOLLOWERS or word in POINTER_FOLLOWERS or _PARTICIPLE.match(word) \
            or _EXCEPT_AHEAD.match(low, at):
        return False
    if after_a_noun:
        return not word.endswith("ing")
    return not (word.endswith("s") and not word.endswith("ss"))


def name_with_place(target: Target) -> str:
    """The words that name `target` again with its place ('man in the background'), for a name read once and said
    again later ('… the man in the background. Can someone remove him?': him is the man there)."""
    name = target.phrase or target.display or target.target
    return f"{name} {target.where or _POSITION_TEXT[target.position]}" if target.position else name


def describe_args(args: SelectArgs) -> str:
    return Target(target=args.target, display=args.phrase or args.target, position=args.position,
                  ordinal=args.ordinal, size=args.size, count=args.count, all=args.all,
                  exclude=args.exclude).describe()


def _ordinal(word: str) -> int:
    return ORDINAL_WORDS.get(word) or int(re.sub(r"\D", "", word) or 1)


_SIDE_FOLLOWERS = frozenset(FUNCTION_WORDS | HEAD_BOUNDARY | NAME_ENDS | NEVER_THINGS | DANGLING_WORDS) \
    | frozenset((*SIDE_PARTS, *CORNER_PARTS, *END_PARTS, *SIDES, *ENDS, *VERTICALS, *CENTER_WORDS)) | frozenset(PRONOUNS) \
    | {"one", "ones"}
"""Words after 'on the left' that start no name of their own: 'the man on the left *is* …', '… on the left *side*'."""


def _side_of_a_name(low: str, side: re.Match[str]) -> str | None:
    """Whether 'on the left' / 'from the right' is the side of a name that follows it rather than a place: 'the sign on
    the left *wall*', 'the cigar from the left *boy's* hand' → "named" (the thing is still the sign, the cigar; the
    place is the wall's, the boy's); 'the ring on the left *hand*' → "own" (a body part's own left, no place in the
    picture); None when the place ends there ('the man on the left *with* a hat')."""
    if side.end() != side.end("s"):
        return None                                    # '… on the left side of …': the match took more than the side
    after = low[side.end():].split(None, 1)
    word = after[0].rstrip(".,;:!?\"')") if after and after[0][:1].isalpha() else ""
    owner = word.removesuffix("'s").removesuffix("'")
    if not word.replace("'", "").replace("-", "").isalpha() or owner in _SIDE_FOLLOWERS or owner in _COMPARATIVES \
            or word.endswith("ing") or _PARTICIPLE.match(word):
        return None
    return "own" if word in BODY_PARTS else "named"


_PLACE_NOUNS_OWN_DEPTH = frozenset({"back", "front", "rear"})
"""The depth words that also qualify a noun after them ('the *back* doorway', the *front* yard')."""
_DEPTH_NOUNS = frozenset(words.split()[-1] for words in (*BACK_WORDS, *FRONT_WORDS)) - _PLACE_NOUNS_OWN_DEPTH
"""The depth words that are nouns ('background', 'back drop', 'distance'): a word said after them is no part of the
place, nor of the name before it."""


def _place_said_after(low: str, place: re.Match[str]) -> str | None:
    """What the words after a depth place ('in the back', 'in the background') that follows a name say: "own" when the
    place word qualifies a noun of its own ('the tripod in the back *doorway*': a thing placed in the doorway, not
    the picture's background); "stray" when a word that continues no name follows a place that cannot qualify one
    ('the people in the background *mistake*', '… *lol*'): the name ended at the place; None otherwise."""
    if not low[:place.start()].strip() or not re.match(r"(?:in|at|into|from|on)\s", place.group(0)):
        return None                                    # a place said first or without a preposition reads as before
    depth = place.group(0).split()[-1]
    if depth in _PLACE_NOUNS_OWN_DEPTH:
        return "own" if _names_a_thing_after(low, place.end()) else None
    if depth in _DEPTH_NOUNS and _names_a_thing_after(low, place.end(), after_a_noun=True):
        return "stray"
    return None


def extract_where(words: Words) -> tuple[Words, dict[str, object]]:
    """Find and blank the where-words; return what they say."""
    found: dict[str, object] = {}
    low = words.low
    m = _P_ORD_SIDE.search(low)
    if m:
        side = m.group("side")
        if m.group("ord") == "last":
            found["ordinal"] = 1
            found["position"] = OPPOSITE[side] if m.group("rel").startswith(("from", "counting")) else side
        else:
            found["ordinal"], found["position"] = min(100, max(1, _ordinal(m.group("ord")))), side
        words = words.blank(m.start(), m.start("noun")).blank(m.end("noun"), m.end())
    else:
        m = _P_ORD.search(low)
        if m and m.group("ord") != "last":
            found["ordinal"] = min(100, max(1, _ordinal(m.group("ord"))))
            words = words.blank(m.start(), m.end())
    for pattern in (_P_CORNER, _P_SIDE, _P_TOPBOTTOM, _P_CENTER, _P_EXTREME, _P_BACK, _P_FRONT, _P_BEHIND):
        if "position" in found:
            break
        m = pattern.search(words.low)
        if not m:
            continue
        if pattern is _P_CORNER:
            v, h = m.group("v") or m.group("v2") or m.group("v3"), m.group("h") or m.group("h2") or m.group("h3")
            found["position"] = ("top" if v in ("top", "upper") else "bottom") + "-" + h
        elif pattern in (_P_SIDE, _P_TOPBOTTOM):
            owner = _side_of_a_name(words.low, m) if pattern is _P_SIDE else None
            if owner == "own":                         # 'the ring on the left hand': the hand's own left, no place
                continue
            if owner == "named":                       # 'the bag from the left boy's hand': the boy is on the left;
                found["position"] = m.group("s")       # the bag is still the thing, in his hand
                words = words.blank(m.start("s"), m.end("s"))
                break
            found["position"] = m.group("s")
        elif pattern is _P_CENTER:
            found["position"] = "center"
        elif pattern is _P_EXTREME:
            found["position"] = next(k for k, v in m.groupdict().items() if v)
        else:
            said = _place_said_after(words.low, m) if pattern in (_P_BACK, _P_FRONT) else None
            if said == "own":                          # 'the lamp in the back hallway': the hallway's back, no place
                continue                               # of the picture's — the lamp is the thing, placed there
            if said == "stray":                        # 'the cars in the background oops': the name was over
                words = words.blank(m.end(), len(words.low))
            found["position"] = {_P_BACK: "background", _P_FRONT: "foreground", _P_BEHIND: "behind"}[pattern]
        text = " ".join(m.group(0).split())
        if re.match(r"(?:in|on|at|to|from|near|behind|towards?|over|along|across|up|closest|nearest|closer|nearer|far"
                    r"|furthest|farthest|further|farther)\b", text):
            found["where"] = text
        words = words.blank(m.start(), m.end())
    m = _P_BARE_PLACE_AFTER.search(words.low)
    if m and words.low[:m.start()].split()[-1:] and words.low[:m.start()].split()[-1] not in _SIDE_FOLLOWERS \
            and words.low[:m.start()].split()[-1] not in _DETERMINER_SET:
        side = m.group("s")                            # 'the tourists middle': a place said after the name, bare
        if "position" not in found and side in (*SIDES, *CENTER_WORDS) and not m.group("more"):
            found["position"] = "center" if side in CENTER_WORDS else side
        words = words.blank(m.start(), m.end())        # said again after one found ('on the far left right'): stray
    for m in _P_RIGHT_AS_JUST.finditer(words.low):
        words = words.blank(m.start(), m.end())
    if "position" not in found:
        for m in _P_ADJ_SIDE.finditer(words.low):
            if m.group("n") in BODY_PARTS or m.group("n") in ("side", "half", "third", "quarter", "corner",
                                                              "edge", "of", "and", "or", "to", "part"):
                continue
            side = m.group("s")
            found["position"] = "center" if side in ("middle", "centre") else side
            words = words.blank(m.start(), m.end())
            break
    m = _P_SIZE.search(words.low)
    if m:
        found["size"] = "largest" if m.group("large") else "smallest"
        words = words.blank(m.start(), m.end())
    return words, found


# ---- the noun phrase ---------------------------------------------------------------------------


_ONE_TAIL = re.compile(r"^(?P<name>.+?)\s*,\s*(?:the|that|this)\s+(?P<adj>(?:[a-z-]+\s+){1,2})ones?\b(?P<rest>[^,]*?)"
                       r"\s*,?\s*$")
"""'the bike, the red one' (an aside in brackets, said again): the bike, red."""


_ASIDE_TAIL = re.compile(r"^(?P<name>[^,]+?)\s*,\s*(?P<aside>[^,]+?)\s*(?:,\s*(?P<rest>.*))?$")
"""'the blonde lady, third from the right, in the photo': a name with an aside after it (brackets read as commas)."""


_SIDE_WHERE = rx(r"^(?:the\s+)?(?P<side>left|right|top|bottom)(?:[\s-]+hand)?\s+(?:side|part|corner|area|bit|half)\s+"
                 r"(?:where|with)\s+(?P<np>.+?)(?:\s+(?:is|are|was|were|sits?|stands?))?\s*[.!?]*$")
"""'the right side *where the lamp is*': the thing there, on that side."""


def parse_target(words: Words, source: Words | None = None) -> Target | None:
    """A noun phrase → Target; None when no thing is named at all. A name with an aside ("the lady, in brown")
    is read with the aside, else without it; 'the right side where the lamp is' is the hand, on the right."""
    found = _read_target(words.orig, words.low, *((source.orig, source.low) if source is not None else (None, None)))
    return copy(found) if found is not None else None


@lru_cache(maxsize=64)
def _read_target(orig: str, low: str, source_orig: str | None, source_low: str | None) -> Target | None:
    """`parse_target`'s reading, kept for the last names read: the handlers read one name again and again (the
    enhance row asks whether a removal names a thing, then the removal reads the same name; a story's names are
    read again when "it" points back) — a fifth of the ~100 µs readings were repeats. A pure function of the words;
    each caller gets its own copy, so changing a result changes no later one."""
    return _target_of(Words(orig, low), Words(source_orig, source_low) if source_orig is not None else None)


def _target_of(words: Words, source: Words | None) -> Target | None:
    who = speaker_beside(words.low.strip(" ,.!?"))
    if who:
        several = singularize(who.split()[-1])[1]               # "my two sons and me": all of them, not two
        return Target("person", f"you and your {who}", phrase=words.low.strip(" ,.!?"), count=None if several else 2,
                      all=several)
    where = _SIDE_WHERE.match(words.low)
    if where:
        inside = parse_target(words.slice(where.start("np"), where.end("np")), source)
        if inside is not None and not inside.pronoun:
            inside.position = inside.position or where.group("side")
            return inside
    placed = _NAME_THEN_WHERE.match(words.low)
    if placed:                                                  # 'my uncle (man on the left)': the uncle, on the left
        named = parse_target(words.slice(0, placed.end("name")), source)
        if named is not None and not named.pronoun:
            if not named.position:
                _, said = extract_where(Words.of(placed.group("where")))
                named.position, named.where = said.get("position"), None      # type: ignore[assignment]
            return named
    found = _parse_target(words, source)
    aside = _ASIDE_TAIL.match(words.low) if found is None else None
    if aside is None:
        return _depth_said_after(found, words, source)
    joined = words.slice(0, aside.end("name")).join(" ", words.slice(aside.start("aside"), aside.end("aside")))
    if aside.group("rest"):
        joined = joined.join(" ", words.slice(aside.start("rest"), len(words.low)))
    return _parse_target(joined, source) or _parse_target(words.slice(0, aside.end("name")), source)


_DEPTH_AFTER = rx(
    r"\s*(?:{REMOVED_WORDS}\s+of\s+|(?:{REMOVED_WORDS}\s+)?(?:out\s+)?{AWAY_FROM}\s+)(?:the\s+)?(?:(?:far|very)\s+)?"
    r"(?:(?P<back>{BACK_WORDS})|{FRONT_WORDS}|(?P<side>left|right)(?:(?:\s+hand)?\s+side)?)\b"
    r"(?:\s+of\s+(?:the|this|that|my)\s+(?:[\w'-]+\s+){0,3}?(?:{PICTURE_NOUNS}|{PICTURE_MENTIONS})\b)?"
    r"(?!\s+(?!{POINTER_FOLLOWERS}\b)[a-z])")
"""Where a thing is taken from, said after the handler's particle or participle ('edit the jogger out *of the back*',
'the tourists removed *from the background*', 'shop the scarecrow out *from the right of the shot*'), ending there ('off
the back *wall*' names a wall)."""
_WHO_IS = (r"(?:(?:(?:i|we|he|she|they)(?:'s|'re|'m|\s+is|\s+are|\s+am)|'m)\s+"
           r"|(?:{WHO_NOUNS})\s+(?:[a-z]+(?:ed|ing)\s+)?)")
"""Who an aside says is somewhere: 'he's', 'I'm' (or its 'm, once the speaker's 'I' is read off), or a bare word for a
person ('guy', 'girl crouched')."""
_IS_WHERE = (r"(?P<where>(?:on|at|in)\s+(?:the\s+)?(?:far\s+|very\s+)?(?:left|right|{CENTER_WORDS}|{BACK_WORDS}|{FRONT_WORDS})"
             r"(?:(?:\s+hand)?\s+side)?)")
"""The place such an aside gives ('on the right', 'on left', 'in the back')."""
_ASIDE_PLACE = rx(
    r"(?:\s+(?:out\s+)?(?:{AWAY_FROM})\s+(?:{PICTURE_OWNERS})\s+(?:[\w'-]+\s+)?(?:{PICTURE_NOUNS}|{PICTURE_MENTIONS}))?"
    r"(?:\s+(?:please|pls))?\s*[?.!]*\s*[(,]\s*(?:(?:the\s+)?" + _WHO_IS + r")?" + _IS_WHERE + r"\s*\)?\s*[.,!?]*\s*$")
"""Who the thing is, said in brackets (a comma, once the brackets are read) after it, ending the clause ('remove my
cousin from this photo *(he's on the right)*', '… *(guy crouched on the left)*'): where it is."""
_WHO_SAID_WHERE = rx(r"^" + _WHO_IS + _IS_WHERE + r"\s*[.,!?]*$")
_NAME_THEN_WHERE = rx(r"^(?P<name>[^,]+?)\s*(?:please\s*)?,\s*" + _WHO_IS + _IS_WHERE + r"\s*[.,!?]*(?:,\s*)?$")
"""'my uncle (man on the left)', 'my hair (girl on left)', 'my hair (I'm on the left)': an aside after a name that
says who is where, with no article of its own — the name again, or its owner, placed; never a second thing ('the
dog, the girl on the left' is a list)."""


def says_where_the_one_before_is(item: str) -> bool:
    """Whether a list item after a comma only says where the item before it is ('erase my ex, *guy on the right*': the
    brackets read as commas): no thing of its own to edit (`_WHO_SAID_WHERE`)."""
    return bool(_WHO_SAID_WHERE.match(item.strip()))


def _depth_said_after(found: Target | None, words: Words, source: Words | None) -> Target | None:
    """The name read with a place its clause says right after it, when the name holds no place of its own: a depth
    after the handler's particle (`_DEPTH_AFTER`: the handler cut the name there, and the place went with it) or an
    aside in brackets that says where the thing is (`_ASIDE_PLACE`)."""
    if found is None or found.pronoun or found.position or source is None:
        return found
    name = words.low.strip(" ,.!?")
    at = source.low.find(name) if name else -1
    if at < 0:
        return found
    depth = _DEPTH_AFTER.match(source.low, at + len(name))
    if depth:
        found.where = None
        found.position = depth.group("side") or ("background" if depth.group("back") else "foreground")
        return found
    aside = _ASIDE_PLACE.match(source.low, at + len(name))
    if aside:
        _, said = extract_where(Words.of(aside.group("where")))
        found.position, found.where = said.get("position"), None     # type: ignore[assignment]
    return found


SPEAKER_PAIR = (r"(?:(?:my|our)\s+(?P<who>[a-z'-]+(?:\s+[a-z'-]+)??)\s+and\s+(?:i|me|myself)\b"
                r"|(?:i|me|myself)\s+and\s+(?:my|our)\s+(?P<who2>[a-z'-]+(?:\s+[a-z'-]+)??))")
"""The speaker said beside another person, 'my brother and I' / 'me and my dad' (`who` / `who2`: the other one), as
one body that each reader anchors: the whole name here (`_WITH_ME`), a stretch inside a clause in `rules_tone`. The
name's second word is lazy, so found inside a clause 'me and my dad' ends at 'dad', while a whole name still takes
both words ('me and my little brother')."""
_WITH_ME = re.compile(rf"^{SPEAKER_PAIR}$")
"""'my brother and I', 'me and my dad': two people, one of them the speaker — both selected, never 'the brother'."""


_PAIR_IN_CLAUSE = re.compile(rf"\b{SPEAKER_PAIR}")
_PAIR_OF_TWO_WORDS = re.compile(SPEAKER_PAIR.replace(r"(?:\s+[a-z'-]+)??", r"\s+[a-z'-]+"))
"""The same pair with the other person's two-word name ('me and my *little brother*'), tried before the one-word one."""


def speaker_pair_spans(low: str) -> list[tuple[int, int]]:
    """Where the speaker is said beside a person inside a clause ('darken me and my little brother'): the two-word
    name when it names a person, else the one-word one ('me and my dad brighter' ends at 'dad')."""
    spans = []
    for m in _PAIR_IN_CLAUSE.finditer(low):
        longer = _PAIR_OF_TWO_WORDS.match(low, m.start())
        found = next((f for f in (longer, m) if f and speaker_beside(f.group(0))), None)
        if found:
            spans.append(found.span())
    return spans


def speaker_beside(low: str) -> str:
    """The other person in 'my brother and I' / 'me and my dad' ("brother", "dad"); "" when the words are not the
    speaker beside a person ('my car and I')."""
    with_me = _WITH_ME.match(low)
    who = (with_me.group("who") or with_me.group("who2")) if with_me else ""
    return who if who and singularize(who.split()[-1])[0] in PERSON_WORDS else ""


def _parse_target(words: Words, source: Words | None = None) -> Target | None:
    source = source or words
    one = _ONE_TAIL.match(words.low)
    if one:
        name = re.sub(r"^(?:the|a|an|my|this|that)\s+", "", one.group("name"))
        words = Words.of(f"the {one.group('adj')}{name}{one.group('rest')}")
    words = words.blank(0, 0)
    said = "," in words.low or " so " in words.low or not _REASON_WORDS.isdisjoint(words.low.split())
    told = _TOLD_TAIL.search(words.low) if said else None
    if told and told.start() > 0:                      # 'my cousin, he's spoiling the shot of my three nieces': the
        words = words.slice(0, told.start())           # is over (and 'two' counts cousins, not aunts)
    exclude = False
    m = _P_EXCLUDE.search(words.low)
    if m:
        exclude = True
        words = words.slice(m.end(), len(words.low))
        keep = re.match(r"(?:keep|keeping)\s+", words.low)
        if keep:
            words = words.slice(keep.end(), len(words.low))          # "everything but keep the dog"
    else:
        m = _P_EXCLUDE_TAIL.search(words.low)
        if m and m.group("x") and re.search(r"\b(?:everything|anything|all)\b", words.low[:m.start()]):
            exclude = True
            words = words.slice(m.start("x"), len(words.low))
    wisher = _WISHER.match(words.low)
    if wisher and singularize(wisher.group("who"))[0] in PERSON_WORDS:
        if _TOLD_PICTURE.match(words.low, wisher.end()):
            return None                                # 'my son wants this photo for his album': no thing
        return _parse_target(words.slice(wisher.end(), len(words.low)), source)   # 'wife would like the wires': wires
    if not exclude and _TOLD_NAME.match(words.low):
        told_thing = _thing_told_of(words, source)     # 'was hoping you could touch the water up': the water
        if told_thing is not False:
            return told_thing
    for sm in list(SCAFFOLD.finditer(words.low)):
        words = words.blank(sm.start(), sm.end())
    words = words.squeeze()
    words, where = extract_where(words)
    one_of = _P_ONE_OF.search(words.low)
    if one_of:                                         # 'one of the cars': a car, whichever the user means
        words = words.blank(one_of.start(), one_of.end()).squeeze()
    share = _P_SHARE.search(words.low)
    if share:                                          # 'most of the wrinkles': the wrinkles, and how many said
        words = words.blank(share.start(), share.end()).squeeze()
    everyone = _P_EVERYONE.search(words.low)
    all_ = bool(everyone)
    if everyone:
        words = words.blank(everyone.start(), everyone.end())
    count = None
    m = _P_COUNT.search(words.low)
    if m and one_of:                                   # 'one of the two lamps': how many there are, not to take
        words = words.blank(m.start(), m.end())
    elif m:
        token = m.group("n").split()[0]
        count = 2 if token in ("both", "couple", "pair") else int(word_value(token) or int(token))
        count = count if 2 <= count <= 100 else None
        words = words.blank(m.start(), m.end())
    m = _P_ALL.search(words.low)
    if m and not count:
        all_ = True
        words = words.blank(m.start(), m.end())
    words = words.squeeze()
    words = _cut_tail(words)
    words = words.squeeze().strip()
    lead = _LEADING_VERB.match(words.low)
    if lead:                                           # 'alter the lighting on her face': the verb came along
        words = words.slice(lead.end(), len(words.low))
    m = _DETERMINERS.match(words.low)
    pointed = bool(m) and bool(_DEMONSTRATIVE.search(m.group(0)))
    if pointed and words.low[m.end():].split()[:1] and words.low[m.end():].split()[0] in _LOOK_VERBS:
        words, m, pointed = words.slice(0, m.end()).strip(), None, False   # 'make this look …': 'this' is the photo
    if m:
        words = words.slice(m.end(), len(words.low))
    words = words.strip()
    place = _LEADING_PLACE.match(words.low)
    if place and place.end() < len(words.low):       # 'the on the face': a word the clause took out left 'on'
        words = words.slice(place.end(), len(words.low)).strip()
    if not exclude and _TOLD_NAME.match(words.low):   # 'the is a shot we made': told once the article is gone
        told_thing = _thing_told_of(words, source)
        if told_thing is not False:
            return told_thing
    tokens = words.low.split()
    if tokens and all(t in _TOLD_WORDS for t in tokens):
        return None                                    # 'blur the background I'm on': told, no thing
    if m and len(tokens) == 1 and tokens[0].strip(".,;:!?\"'()") in FUNCTION_NOUNS:
        pass                                           # "the can": a thing, after an article
    elif tokens and not everyone and all(t.strip(".,;:!?\"'()") in _NAMES_NOTHING for t in tokens):
        return None                                    # "the", "the and", "the very", "many": no thing is named
    elif tokens and all(t.strip(".,;:!?\"'()") in _SAID_OF_THE_PICTURE for t in tokens):
        return None                                    # "brighten the entire": the picture word went, no thing is left
    if not tokens:
        if everyone:
            return Target("person", "people", all=True, exclude=exclude, **where)  # type: ignore[arg-type]
        if where:
            return Target("object", "one", **where)  # type: ignore[arg-type]
        return None
    while len(tokens) > 1 and (tokens[-1] in _DANGLING_ENDS or tokens[-1] in _KEPT_OUT_ALONE):
        # 'the girl is', 'the other guests except (for me)': nothing follows the 'is' or the 'except'
        words = words.slice(0, words.low.rstrip().rfind(" ")).strip()
        tokens = words.low.split()
    ends = _name_end(tokens)
    if ends < len(tokens):                             # 'the sky much brighter', 'the photo I took': the name is over
        words = words.slice(0, [m.start() for m in re.finditer(r"\S+", words.low)][ends]).strip()
        tokens = tokens[:ends]
    tokens = [_one_of_two(token) for token in tokens]
    head_at = _head_index(tokens)
    head = tokens[head_at].strip(".,;:!?\"'()[]").removesuffix("'s").removesuffix("'")
    if head_at > 0:
        pair = (tokens[head_at - 1] + " " + head).strip(".,")
        if pair in COMPOUND_NOUNS or pair.rsplit(" ", 1)[0] + " " + singularize(head)[0] in COMPOUND_NOUNS:
            head = pair
    if " " not in head:
        head = compound_apart(head)
    if not head.split():
        return None
    last = head.split()[-1]
    single, plural = normalise_noun(last)
    if plural and "'" not in tokens[head_at] and tokens[head_at + 1:head_at + 2] \
            and tokens[head_at + 1].strip(".,") in OWNED_COVERINGS:
        plural = False                                 # 'my dogs fur': one dog's, its apostrophe left out
    if _flaw_shape(tokens, head_at + 1) or _area_of(tokens, head_at + 1):
        plural = singularize(tokens[head_at + 1].strip(".,"))[1]   # 'the glare spots', 'the head parts': all of them
    if " " in head:
        single = head.rsplit(" ", 1)[0] + " " + singularize(last)[0]
        if single in TARGET_SYNONYMS:                  # 'his facial features': the face, for the finder — one face,
            single, plural = TARGET_SYNONYMS[single], False    # the plural was of its features
    stray_hair = single in STRAY_HAIR_WORDS
    if stray_hair:                                     # 'the flyaways': the hair, the user's word told to the finder
        single = "hair"
    pronoun = head in PRONOUNS and head_at == 0 and len(tokens) <= 2
    if everyone and head in PRONOUNS:
        single, pronoun = "person", False
    if head in ("one", "ones") or head in VAGUE_THINGS and head_at == 0 and (
            where.get("position") or tokens[1:2] and tokens[1] in _PLACE_WORDS and len(tokens) > 2):
        single, pronoun, plural = "object", False, head != "one"   # 'the stuff in the back', 'the things on the
                                                                   # table': what is there, not a thing called 'stuff'
    if single in LOOK_NOUNS and all(t.strip(".,") in _NOT_HEAD for t in tokens[:head_at]):
        return None                                    # 'the black and white effect': a look, no thing
    if single in _NAMES_NOTHING and single not in FUNCTION_NOUNS and single not in PRONOUNS:
        return None                                    # 'touch the picture up', 'or swapping request': the head found
                                                       # is a word that names nothing ('up', 'or'), so no thing is named
    if not single or not re.search(r"[a-z0-9]", single):
        return None
    display = _balanced_quotes(source.find_orig(words.low) if words.low else single)
    if head_at > 0 and " " not in single and _named_person(display.split(), head_at, len(tokens), source.orig):
        single, plural = "person", False               # 'cut out Ronda Rousey': a person's name, for the finder
    elif m is None and head_at == 0 and " " not in single and display.split() \
            and _named_alone(display.split()[0], source.orig):
        single, plural = "person", False               # 'remove Bartholomew', 'erase J.': one name, no article
    elif single not in PERSON_WORDS and _does_what_only_people_do(words.low, tokens, head_at):
        single = "person"                              # 'the nose-picker smirking at us': whatever the word, a person
    if not where and (single in PERSON_WORDS or single == "person") and _ON_THE_BACK.search(words.low):
        where = {"position": "background"}            # 'the lady on the back': a person is on no thing's back
        display = _balanced_quotes(source.find_orig(words.low[:_ON_THE_BACK.search(words.low).start()].strip()))
    phrase = display if (len(tokens) > 1 or stray_hair) and not pronoun else None
    if phrase and phrase.lower() in (single, head) and not stray_hair:
        phrase = None
    return Target(
        target=single[:200], display=display[:200], phrase=phrase, count=count,
        all=not one_of and (all_ or (plural and not count and (single not in ("object",) or head in _UNNAMED_MANY))),
        exclude=exclude, pronoun=pronoun, pointed=pointed and not pronoun, one_of=bool(one_of),
        share=share.group("share").rsplit(" ", 1)[0] if share and (plural or single in COLLECTIVE_NOUNS) and not count
        else None,
        **where)  # type: ignore[arg-type]


def _does_what_only_people_do(low: str, tokens: list[str], head_at: int) -> bool:
    """Whether the word after the head (before the name was cut there, in `low`) is a doing only people do ('the
    lurker *ogling* the bride'): the head, a word no list may hold (a nickname, an insult, 'nose-picker'), is a
    person."""
    said = low.split()
    at = len(tokens[:head_at + 1])
    return len(said) > at and said[at].strip(".,") in PEOPLE_ONLY_DOINGS and said[:at] == tokens[:head_at + 1]


_TITLE_WORD = re.compile(r"^[A-Z][a-z'-]+$")
_LETTERS = re.compile(r"[A-Za-z][A-Za-z'-]*")
TITLE_CASE_MIN = 4
"""A request whose every other word this long is capitalised is written in title case ('Erase The Bike Next To
Us'): a capital says nothing there."""


_NAME_ENDING = "as"
"""'Legolas', 'Thomas', 'Nicholas': an ending many given names have and few plurals a request capitalises — with no dictionary
of English nouns, the only -s read as part of a name ('Cables', 'Logos', 'Charles' stay plurals)."""


def _plural_of_a_word(shown: str) -> bool:
    """'Cars', 'Cables': a capitalised plural — no one's name. 'Legolas', 'Thomas': '-as' on a singular that is no
    declared word is part of the name, never cut off (leftovers24)."""
    word = shown.lower().removesuffix("'s")
    single, plural = singularize(word)
    return plural and (single in known_words() or not word.endswith(_NAME_ENDING))


def _named_person(shown: list[str], head_at: int, count: int, text: str) -> bool:
    """'remove Jane Smithers', 'a white background behind Arthur Penrose': the head and the word before it are
    capitalised, in a request not written in title case, and neither is a word the vocabulary declares — a first and a
    last name, which a finder looks for as a person (the name stays the phrase). A single name, a capitalised thing
    ('the Red Car'), a plural or a landmark of known words ('the Golden Gate Bridge') is not read so."""
    if len(shown) != count or not _TITLE_WORD.match(shown[head_at]) \
            or not (_TITLE_WORD.match(shown[head_at - 1]) or _INITIALS.match(shown[head_at - 1])) \
            or singularize(shown[head_at].lower())[1]:
        return False                                   # 'the United States': a plural is no one's name
    name = shown[head_at - 1:head_at + 1]
    others = [word for word in _LETTERS.findall(text) if len(word) >= TITLE_CASE_MIN and word not in name]
    if others and all(word[:1].isupper() for word in others):
        return False                                   # 'Erase The Bike Next To Us': title case, no name
    known = known_words()
    first, last = (word.lower().removesuffix("'s").removesuffix("'") for word in name)
    return (first not in known or first in GIVEN_NAME_WORDS or bool(_INITIALS.match(name[0]))) and last not in known


_INITIALS = re.compile(r"^[A-Z]{1,3}\.?$")
"""'*BD* Wong', '*J.* Smith': initials before a surname."""
_CAPITALISED = re.compile(r"\b[A-Z][a-z'-]{%d,}" % (TITLE_CASE_MIN - 1))
_INITIAL = re.compile(r"^(?!I\b)[A-Z]\.?$")


def _named_alone(shown: str, text: str) -> bool:
    """'remove Bartholomew', 'crop out Ottoline', 'erase J.': one capitalised word, said with no article, that no list
    declares (or a given name that is also a word), not opening a sentence, in a request not written in title case
    — or an initial — is a person's name. 'remove Coke' is no one (a declared word); so is 'Sunset' opening a post."""
    if _INITIAL.match(shown):
        return True
    if not _TITLE_WORD.match(shown) or _plural_of_a_word(shown):
        return False
    at = text.find(shown)
    before = text[:at].split()
    if not before or before[-1][-1:] in ".!?:;-[]" or before[-1][:1].isupper() or text[at + len(shown):][:1] == "?":
        return False                                   # a sentence's first word, or one after a capitalised verb ('Take
    for word in _CAPITALISED.finditer(text):           # Cigarette out'), says nothing by its capital; 'Toyota?' guesses
        before = text[:word.start()].rstrip()
        if word.group(0) != shown and before and before[-1] not in ".!?:;-[](\"'":
            return False                               # 'Erase Pipe from his hand': capitals say nothing
    word = shown.lower().removesuffix("'s")
    return word not in known_words() or word in GIVEN_NAME_WORDS


_TYPED_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_NAME_TYPED = re.compile(r"[A-Z][a-z][A-Za-z'-]*|[A-Z]{2,3}[a-z][A-Za-z'-]*")
"""'Gizmo', 'McFlurry', 'DeWalt': a capital before lowercase — not 'JCB', and 'T-shirt', 'T-Rex' are spellings."""


def _typed_as_a_name(word: str, text: str) -> str:
    """The word as typed when `text` writes `word` (lowercase: the name's head, or its singular) only with a capital,
    each time after a lowercase word — 'the Gizmo on the shelf', 'the sign and McFlurry' —, no list declares it, and the
    request is not in title case; else ''. A capital opening a sentence or after a capitalised verb ('Remove Stools
    …', 'Take Cigarette out') is as often typing as a name, so it says nothing."""
    known = known_words()
    capital = word[:1].upper()
    if word in known or word in PERSON_WORDS or capital + word[1:2] not in text and capital + word[1:2].upper() not in text:
        return ""                                      # (no capitalised word starts like it: the common case, cheap)
    found = [m for m in _TYPED_WORD.finditer(text)
             if m.group(0).lower().removesuffix("'s") == word or singularize(m.group(0).lower())[0] == word]
    said = [m.group(0) for m in found]
    if not said or said[0].lower().removesuffix("'s") in known or not all(_NAME_TYPED.fullmatch(w) for w in said) \
            or not all(re.search(r"(?:^|\s)[a-z][\w'-]*\s+$", text[:m.start()]) for m in found):
        return ""
    others = [w for w in _TYPED_WORD.findall(text) if len(w) >= TITLE_CASE_MIN and w not in said]
    return "" if others and all(w[:1].isupper() for w in others) else said[0].removesuffix("'s")


def unseen_names(targets: list[str], text: str) -> str:
    """'remove the Gizmo on the shelf', 'the sign and McFlurry': a select target typed only with a capital that no list
    declares is a name — a character's, a brand's — that the finder looks for by a word it may not know (a name said
    alone with no article is a person's, looked for as a person: `_named_alone`, `_named_person`). Said back with how to point, so a miss is the
    user's to mend rather than a silent wrong fill (heads23). A name of two words ('Iron Giant') is a phrase a
    detector reads whole, and is left alone."""
    names = [name for name in (_typed_as_a_name(target, text) for target in dict.fromkeys(targets)
                               if " " not in target and target != "person") if name]
    if not names:
        return ""
    shown = " and ".join(f"“{name}”" for name in dict.fromkeys(names))
    return (f"(I look for {shown} by that name, which the finder may not know; if it picks the wrong thing or nothing, "
            "say what kind of thing it is and where — “the statue on the left” — or point at it.)")


_QUOTES = "\"“”«»"


def _balanced_quotes(name: str) -> str:
    """'the text "unknown' → 'the text "unknown"': a double quote the cut left open is closed, one left alone at an end
    goes, and so does a closing one whose opening quote the cut took ('the "OPEN" sign' → 'OPEN sign'); an apostrophe
    is no quote: "the kids' toys"."""
    for mark, close in (('"', '"'), ("“", "”")):
        opened = name.count(mark) if mark == close else name.count(mark) - name.count(close)
        if mark == close and opened % 2 == 1 or mark != close and opened > 0:
            at = name.rfind(mark)
            if at > 0 and name[at - 1].isalnum() and name[at + 1:at + 2] in ("", " "):
                name = name[:at] + name[at + 1:]          # 'OPEN" sign': the opening quote was cut with 'the'
            elif name[at + 1:].strip(" .,!?" + _QUOTES):    # a quoted word with no end: close it
                name = name.rstrip(" .,!?") + close
            else:
                name = name[:at] + name[at + 1:]
    opened = re.search(r"(?:^|\s)'(?=\w)", name)                # 'SALE with no closing quote (an apostrophe has none)
    if opened and not re.search(r"\w'(?=\s|$|[.,!?])", name[opened.end():]):
        name = name.rstrip(" .,!?") + "'"
    return name.strip()


def only_function_words(text: str) -> bool:
    """'the', 'a', 'the and': text with no word that could name a thing."""
    tokens = [t.strip(".,;:!?\"'()") for t in text.lower().split()]
    return bool(tokens) and all(t in FUNCTION_WORDS for t in tokens)


def only_a_look(text: str) -> bool:
    """'be brighter', 'a bit darker': words that say how something should look, and name no thing."""
    tokens = [t.strip(".,;:!?\"'()") for t in text.lower().split()]
    return bool(tokens) and all(t in FUNCTION_WORDS or t in _ENDS_A_NAME for t in tokens) \
        and any(t in _COMPARATIVES for t in tokens)


def names_nothing(words: Words) -> bool:
    """Words are there, but no thing is named: "the", "the and", "the on the left"."""
    return bool(SCAFFOLD.sub(" ", words.low).strip(" ,.;:!?-\"'")) and parse_target(words) is None


def _cut_tail(words: Words) -> Words:
    m = _PRONOUN_TAIL.search(words.low)
    while m and m.start() > 0:
        words = words.slice(0, m.start())
        m = _PRONOUN_TAIL.search(words.low)
    return words


_TOLD_TAIL = rx(r"\s*,\s+(?:{TOLD_OPENERS}|he|she|they)\s+(?!(?:the|a)\s+{WHO_NOUNS}\b|(?:{PLACE_PREPOSITIONS}|at)\s).*$"
                r"|\s+so\s+(?:that\s+)?(?:{TOLD_OPENERS}|you|it)\s+.*$"
                r"|\s*,?\s+(?:{REASON_LEADS})\s+[a-z].*$")
"""A clause told after the name ('the girl by the groom*, she should* not be there', 'the card *so I* can frame it',
'the bottle *because* it looks messy'), not the tail that points back at it ('…, she's the one') nor where it is ('…,
he's on the left')."""
_TOLD_WORDS = frozenset(TOLD_OPENERS)
_REASON_WORDS = frozenset(REASON_LEADS)
_AS_OBJECT = {"he": "him", "she": "her", "they": "them"}
_TOLD_NAME = rx(r"^(?:(?:so|because|but)\s+(?:that\s+)?)?(?:{TOLD_OPENERS})(?:\s+|\s*$)")
"""'I took this …', 'was hoping …', '*so we* can enjoy the garden', '*but I* recently met …': told words."""
_PARTICLE_END = rx(r"\s+{OUT_PARTICLES}\b.*$")
"""'touch the water *up* so it looks greener', 'shop the kayak *out* of the shot': the verb's particle ends the name."""
_WISHER = rx(r"^(?:[\w'-]+\s+)?(?P<who>[\w'-]+)\s+(?:(?:would|'d)\s+(?:really\s+|so\s+)?{LIKING}|{WANTING}s)\s+"
             r"(?=(?:{SCAFFOLD_DETERMINERS}|all|any|those|these)\s)")
"""'(my) wife would like the wires in the back removed', 'my son wants the bin gone': who wishes is no part of the name."""


def _thing_told_of(words: Words, source: Words) -> Target | None | Literal[False]:
    """What told words that stand where a name should ('we really need the cans', 'was hoping you could
    touch the water up') name: the thing a verb in them acts on — past a request ('I've got a request for brightening *the
    hedges*': `REQUEST_NOUNS`) — None when there is none ('I have been trying', 'I took this at the lake'); False when the
    words are not told (the speaker beside a person: 'I and my dad')."""
    if speaker_beside(words.low):
        return False
    objects = [a for a in _THING_AFTER_A_VERB.finditer(words.low) if _an_object(words.low, a)]
    if not objects:                                    # 'is there any way he (could be edited out)': him, whom the
        last = words.low.split()[-1:]                  # story named
        return Target(_AS_OBJECT[last[0]], _AS_OBJECT[last[0]], pronoun=True) if last and last[0] in _AS_OBJECT else None
    for after in objects:
        thing = words.slice(after.end(), len(words.low))
        particle = _PARTICLE_END.search(thing.low)
        found = _parse_target(thing.slice(0, particle.start()) if particle else thing, source)
        if found is None or found.target not in REQUEST_NOUNS:
            return found
    return None                                        # 'I have a request': what is asked for names nothing


def _an_object(low: str, at: re.Match[str]) -> bool:
    """Whether the words from `at` are what a verb acts on: not the photo ('I took *this picture*', 'I shot *this* at
    the lake') and not a place or a role after a preposition ('… at *the lake*', '… as *a wallpaper*')."""
    before = low[:at.start()].split()
    return not _TOLD_PICTURE.match(low, at.end()) and not (before and before[-1] in _PLACE_WORDS)


_PLACE_WORDS = frozenset(SCAFFOLD_PREPOSITIONS) | frozenset(PLACE_PREPOSITIONS) | {"of", "with", "by", "near", "as"}
"""('is there a way for *the bin* to be removed': after 'for' comes what the wish is about.)"""
_TOLD_PICTURE = rx(r"(?:{SCAFFOLD_DETERMINERS})\s+(?:[\w'-]+\s+)?(?:{PICTURE_NOUNS}|{PICTURE_MENTIONS})s?\b"
                   r"|(?:this|that)(?=\s+(?:{PLACE_PREPOSITIONS}|of|for|with|by|as|last|yesterday|and|but)\b|\s*[,.;!?]|\s*$)")
_THING_AFTER_A_VERB = re.compile(r"\s(?=(?:the|a|an|this|that|my|his|her|our|their|your|these|those|some)\s+\S)")


def _names_more(tokens: list[str]) -> bool:
    """Whether the words after 'of'/'on' name a thing (not only 'the', 'it' or the picture)."""
    said = [t for t in tokens if t not in ("the", "a", "an", "his", "her", "their", "my", "our", "its", "this", "that")]
    return bool(said) and said[0] not in PRONOUNS and said[0] not in _PICTURE_WORDS


def _manner_word(token: str, last: bool) -> bool:
    """'the bin *quickly*', 'the bench *additionally*': a word in -ly that closes the name says how or what else, never
    what (a thing named in -ly is declared: `LY_NOUNS`); before another word it may be an adjective ('the curly hair')."""
    return last and len(token) > 4 and token.endswith("ly") and token not in LY_NOUNS


def _without_closing_tail(tokens: list[str]) -> list[str]:
    """The name's words before a closing amount, number or nearness ("the sky far", "the runner #14", "the flamingos
    close" to a colour), when a word before it can name something."""
    for i in range(1, len(tokens)):
        tail = " ".join(t.strip(".,") for t in tokens[i:])
        number = i == len(tokens) - 1 and _NUMBER_LABEL.fullmatch(tail) and tokens[i - 1] not in FUNCTION_WORDS
        near = _APPROXIMATE_TAIL.fullmatch(tail) and any(t.strip(".,") not in _NOT_HEAD for t in tokens[:i])
        if (_CLOSING_TAIL.fullmatch(tail) or near or number) \
                and any(t.strip(".,") not in _DETERMINER_SET for t in tokens[:i]):
            return tokens[:i]                          # not after a preposition: 'the friends from 1974' is a date
    return tokens


def _name_end(tokens: list[str]) -> int:
    """Where the name stops: before a closing amount (`_CLOSING_TAIL`: "the sky far") or number; at a word that starts
    something else (`NAME_ENDS`, a comparative, a closing manner word) after a word that can name the thing and before
    any attribute word ('the hair darker red' → 'hair'); else at the end."""
    last = tokens[-1].strip(".,") if tokens else ""
    if last in _CLOSING_LAST or last[-1:].isdigit() or last.endswith(("am", "pm")):     # a quick look first: most names
        tokens = _without_closing_tail(tokens)                                              # end on a noun
    for i, token in enumerate(tokens):
        token = token.strip(".,")
        if i > 0 and (token in _ENDS_A_NAME or _manner_word(token, i == len(tokens) - 1)) \
                and not tokens[i - 1].endswith(("'s", "s'")) \
                and any(t.strip(".,") not in _NOT_HEAD and t.strip(".,") not in _PICTURE_WORDS for t in tokens[:i]):
            return i
        if i > 0 and token in _DETERMINER_SET:
            break                                      # 'restore the whole picture so …': more than a name
        if token in HEAD_BOUNDARY or token[:1] in "\"“'‘":
            break
    return len(tokens)


_PARTICIPLE = re.compile(r"^[a-z]{2,}[^e\W]ed$|^[a-z]{4,}ied$")
"""'eyes *brightened*', 'the glare *reduced*': a past participle said after the thing (not 'bed', 'seaweed', 'shed')."""


def _one_of_two(token: str) -> str:
    """'arm/hand', 'bottom/top', '/shadows', 'shadows/': two names for one thing, read as the first that is there."""
    return next((part for part in token.split("/") if part), token) if "/" in token else token


_SLASHED = re.compile(r"(?<![\w/])(?P<a>[a-z][a-z'-]{2,})/(?P<b>[a-z][a-z'-]{2,})(?![\w/])")


def _finder_word(word: str) -> str:
    """What a finder is asked for by one word: 'crowd', 'people' and 'guy' are all a person."""
    single = normalise_noun(word)[0]
    return "person" if single in PERSON_WORDS else single


def slash_items(words: Words) -> list[Words]:
    """'the shadows/glares on the print' → 'the shadows on the print', 'the glares on the print': two things named
    with a slash as a name's head are each a thing (a list said the short way), read with the rest of the name. A slash
    between colours or other words that name nothing ('the grey/white sky'), one that is not the head ('the swimmers in
    the lake/pool'), or more than one slash, leaves the words as they are."""
    slashes = list(_SLASHED.finditer(words.low))
    if len(slashes) != 1:
        return [words]
    m = slashes[0]
    named = parse_target(words)
    if named is None or named.target not in (singularize(m.group("a"))[0], normalise_noun(m.group("a"))[0]):
        return [words]                                 # the slash is not in the name's head: 'swimmers in the lake/pool'
    if any(side in _NOT_HEAD or side in _COLOR_ONLY or side.endswith("ly") for side in (m.group("a"), m.group("b"))) \
            or len({_finder_word(m.group("a")), _finder_word(m.group("b"))}) == 1:
        return [words]                                 # 'the people/crowd': one thing said twice
    return [words.slice(0, m.end("a")).join("", words.slice(m.end(), len(words.low))),
            words.slice(0, m.start()).join("", words.slice(m.start("b"), len(words.low)))]


def joined_names(words: Words, source: Words | None = None) -> list[Target]:
    """The things an 'and' joins in one name under one verb ('replace the kettle and the toaster with a plant', 'swap
    the boy and sign on the left for a tree'): each one, so every thing the reply names is looked for — read as one
    name, only the last was. [] when the words name one thing: an item after the first must open with a determiner of
    its own or be its one head word (with a place after it), so a modifier shared by both ('the salt and pepper
    shakers', 'the black and white cat', kept whole by `split_list`) never cuts one thing in two (heads27)."""
    from retouch.agent.planner.rules_clauses import split_list        # late: rules_clauses reads names through here
    parts = split_list(words)
    if len(parts) < 2:
        return []
    named = [parse_target(part, source) for part in parts]
    if any(t is None or t.pronoun or t.exclude for t in named):
        return []
    for part, target in zip(parts[1:], named[1:]):
        tokens = part.low.strip(" ,.!?").split()
        if tokens and tokens[0] in _DETERMINER_SET:
            continue
        if not tokens or normalise_noun(tokens[0])[0] != target.target:
            return []                                   # 'pepper shakers': the first word is no head of its own
    return named  # type: ignore[return-value]


def _said_after(token: str, before: list[str]) -> bool:
    """A last word that only says something of the name before it: a participle ('the eyes brightened') or 'one'
    after a name ('my aunt, the one in black'), when a word before it can name the thing."""
    if not any(t.strip(".,") not in _NOT_HEAD for t in before):
        return False
    return token in ("one", "ones") or bool(_PARTICIPLE.match(token)) and not token.endswith(("bed", "sled", "shed"))


def _person_colour(token: str, last: bool) -> bool:
    """'the cute *blonde*': a colour that names a person, as the last word."""
    return last and singularize(token)[0] in PERSON_WORDS


def _colour_noun_named(tokens: list[str], at: int, end: int) -> bool:
    """'the dune *sand*', 'the white *sand*': a colour that is also a stuff (`GROUND_COLOURS`), last, after a word that
    names a thing or a colour, is the thing — the word before it says which ('dune') or its colour ('white'), not the
    other way round ('her hair silver' stays hair)."""
    before = tokens[at - 1].strip(".,") if at > 0 else ""
    return at == end - 1 and at > 0 and tokens[at].strip(".,") in GROUND_COLOURS \
        and (before not in _NOT_HEAD or before in COLORS) and before not in COLOR_MODIFIERS


def _ends_a_compound(tokens: list[str], at: int) -> bool:
    """'the ice *cream*': a word that is never a head alone (a colour) ends a declared two-word name with the word
    before it, so the name is the pair."""
    return at > 0 and f"{tokens[at - 1]} {tokens[at].strip('.,')}" in COMPOUND_NOUNS


def _head_after(tokens: list[str], start: int) -> int:
    """The head of the name that starts at `start` ('the top of *the tree*'), read without its articles, as an index
    into `tokens` (every article skipped counts: 'the tips of the mast, the flag and …')."""
    kept = [j for j in range(start, len(tokens)) if tokens[j] not in ("the", "a", "an")]
    return kept[_head_index([tokens[j] for j in kept])]


_KEPT_OUT = tuple(tuple(words.split()) for words in KEPT_EXCEPT_WORDS if words != "but")
_KEPT_OUT_ALONE = frozenset(said[0] for said in _KEPT_OUT if len(said) == 1)


def _kept_out_at(tokens: list[str], at: int) -> bool:
    """Whether the words from `at` say what is kept out of the name ('except', 'other than', 'apart from') after a word
    that names a thing: the name ends before them, and what they keep is never its head ('black and white except the
    eyes' names no thing before them: the eyes are what the colour splash keeps)."""
    if not any(t.strip(".,") not in _NOT_HEAD and t.strip(".,") not in _PICTURE_WORDS for t in tokens[:at]):
        return False
    return any(tuple(t.strip(".,") for t in tokens[at:at + len(said)]) == said for said in _KEPT_OUT)


def _close_by(tokens: list[str], at: int) -> bool:
    """'the ducks *close to* the shore', 'the bin *close by* the door': a place after the name, as 'near' and 'next to'
    are (`HEAD_BOUNDARY`) — never a thing called 'close' (heads27)."""
    return tokens[at] == "close" and tokens[at + 1:at + 2] in (["to"], ["by"])


def _head_index(tokens: list[str]) -> int:
    """The head noun: the last word before the first attribute word ("man" in "man in blue")."""
    end = len(tokens)
    for i, token in enumerate(tokens):
        token = re.sub(r"'(?:s|re|ll|d)$", "", token)
        if i > 0 and token[:1] in "\"“'‘" and any(t.strip(".,") not in _NOT_HEAD for t in tokens[:i]):
            end = i                                    # 'the text "sold"': the quoted words name it, the noun is it
            break                                      # ('the other "tourists"': the quoted word is the noun)
        if i > 0 and _kept_out_at(tokens, i):
            end = i                                    # 'the tourists *other than* the bride': the tourists
            break
        if i > 0 and (token in HEAD_BOUNDARY or token in MOTION_PASTS or _close_by(tokens, i)
                      or (token.endswith("ing") and len(token) > 5 and token not in ING_NOUNS)):
            if token == "of" and tokens[i - 1] in PART_OF_WORDS and tokens[i - 1] not in SURFACE_AREAS and i > 1 \
                    and any(t.strip(".,") not in _NOT_HEAD and t not in COLOR_MODIFIERS for t in tokens[:i - 1]):
                end = i - 1                            # 'the shadows (on the) top of the face': the shadows
                break
            if token in ("on", "of", "in") and i + 1 < len(tokens) and _names_more(tokens[i + 1:]) \
                    and all(t.strip(".,") in _COLOR_ONLY for t in tokens[:i]):
                at = _head_after(tokens, i + 1)
                word = tokens[at].strip(".,;:!?\"'()")
                if word and word not in _NOT_HEAD and "," not in "".join(tokens[i + 1:at + 1]):
                    # 'the white on the bike': the bike (one plain name after the preposition, no list or aside)
                    return at
            if (token == "of" and (singularize(tokens[i - 1])[0] in QUANTITY_NOUNS
                                   or singularize(tokens[i - 1])[0] in PART_OF_WORDS)
                    or token in ("on", "across") and tokens[i - 1] in SURFACE_AREAS) and i + 1 < len(tokens) \
                    and _names_more(tokens[i + 1:]):
                return _head_after(tokens, i + 1)
            end = i
            break
    if end > 1 and tokens[0] in TEXT_NAMES and " ".join(tokens[:2]) not in COMPOUND_NOUNS:
        return 0                                       # 'the words happy birthday': what the text says follows
    head = end - 1
    while head > 0 and not _ends_a_compound(tokens, head) and (
                        tokens[head].strip(".,") in _NOT_HEAD and not _person_colour(tokens[head], head == end - 1)
                        and not _colour_noun_named(tokens, head, end)
                        or tokens[head] in OWN_QUALITIES and head == end - 1
                        and tokens[head - 1] not in _NOT_HEAD and tokens[head - 1] not in COLOR_MODIFIERS
                        or head == end - 1 and _said_after(tokens[head], tokens[:head])):
        head -= 1
    if _area_of(tokens, head):
        head -= 1                                      # 'the sky part', 'the hair section': the sky, the hair
    if head > 0 and tokens[head] in VAGUE_THINGS and tokens[head - 1] not in _NOT_HEAD \
            and tokens[head - 1] not in MATERIAL_WORDS and not tokens[head - 1].endswith(("'s", "s'")):
        head -= 1                                      # 'that ship thing' is a ship
    if head > 0 and _flaw_shape(tokens, head):
        head -= 1                                      # 'the fold line' is a fold
    if head > 0 and tokens[head] in PART_NOUNS and tokens[head - 1].endswith(("'s", "s'")):
        head -= 1                                      # "the table's surface" is the table
    if head > 0 and tokens[head].strip(".,") in OWNED_COVERINGS and _covering_owner(tokens[head - 1]):
        head -= 1                                      # "my dog's fur" is the dog
    return max(0, head)


_KNOWN_THINGS = (PERSON_WORDS | frozenset(TARGET_SYNONYMS) | frozenset(TARGET_SYNONYMS.values()) | frozenset(PART_LABELS)
                 | frozenset(SCENE_PARTS) | frozenset(BACKGROUND_NOUNS)) - PART_OF_WORDS


def _area_of(tokens: list[str], at: int) -> bool:
    """Whether the word at `at` is an area word (`SURFACE_AREAS`) said of the known thing right before it: 'the sky
    *part*', 'the head *parts*' (`_names_a_known_thing`)."""
    return 0 < at < len(tokens) and singularize(tokens[at].strip(".,"))[0] in SURFACE_AREAS \
        and _names_a_known_thing(tokens[at - 1])


def _names_a_known_thing(token: str) -> bool:
    """Whether the word before an area word ('part', 'section': `SURFACE_AREAS`) is a thing the vocabulary knows — a
    person, a body part, the sky, the background, a thing a finder is asked for by another name — so 'the *sky* part',
    'the red *car* area' are the sky and the car. Any other word says which area ('the *burnt* part', 'the *blue* area',
    'the *plastic* part', 'the *side* area') and the area stays the head: an adjective is not told from a noun here."""
    word = token.strip(".,;:!?\"'()")
    return (word in _KNOWN_THINGS or singularize(word)[0] in _KNOWN_THINGS) and not word.endswith(("'s", "s'"))


def _flaw_shape(tokens: list[str], at: int) -> bool:
    """Whether the word at `at` is the shape (`FLAW_SHAPES`) of the flaw named right before it (`SHAPED_FLAWS`): 'the
    fold *line*', 'the glare *spots*'."""
    return 0 < at < len(tokens) and singularize(tokens[at].strip(".,"))[0] in FLAW_SHAPES \
        and singularize(tokens[at - 1])[0] in SHAPED_FLAWS and not _ends_a_compound(tokens, at)


def _covering_owner(token: str) -> bool:
    """Whether `token` owns the covering after it (`OWNED_COVERINGS`): said as an owner — 'dog's', 'dogs'' or an -s
    word typed without its apostrophe ('my dogs fur') — and no person (a person's fur or paint is something else)."""
    owner = token.removesuffix("'s").removesuffix("'")
    if owner == token and not singularize(token)[1] or owner in _NOT_HEAD:
        return False
    return singularize(owner)[0] not in PERSON_WORDS and owner not in PERSON_WORDS


# ---- a part's colour, said before its owner ---------------------------------------------------------

_PART_COLOUR_OF = re.compile(r"\b(?P<part>[a-z'-]+)\s+(?P<carrier>colou?rs?)\s+of\s+(?=[a-z])")
_SUPERLATIVES = frozenset(f"{word[:-2]}est" for word in COLOR_MODIFIERS if word.endswith("er"))
_NO_PART = _NOT_HEAD | COLOR_MODIFIERS | _SUPERLATIVES | _DETERMINER_SET | frozenset(RECOLOR_FILLERS) \
    | frozenset(COLOUR_QUALIFIERS)
"""Words before 'colour of' that are no part: an article ('change *the* colour of the cap'), a verb ('change colour of
…'), a colour or its shade ('the *blue* colour of the chair', 'the *lightest* colour of'), a qualifier ('the *real*
colour of'), a paint word ('the *paint* colour of the van' is the van's)."""


def owned_colour_part(words: Words) -> Words:
    """'change *the hair colour of the man* to red': the colour belongs to a part (the hair) of a thing said after 'of'
    — the part is the head and the thing its owner, so the carrier word goes and 'the hair of the man' is left (as
    'the colour of the man' would leave 'the man', and lose the hair). Any other word before 'colour of' keeps it."""
    for said in list(_PART_COLOUR_OF.finditer(words.low)):
        if said.group("part") not in _NO_PART and not said.group("part").endswith("'s"):
            words = words.blank(said.start("carrier"), said.end("carrier"))
    return words


# ---- the name of a new thing (for prompts) -------------------------------------------------------

_NEW_TAIL = rx(r"\s+to\s+(?!{ARTICLES}\b)[a-z]+\b.*$|\s+{NEW_THING_TAILS}\b.*$")
_OWNED = rx(r"{POSSESSIVES}\s+")
_NEW_LEAD = rx(r"^(?:(?:for|with)\s+)?(?:the|some|{POSSESSIVES})\s+|^(?:for|with)\s+(?=a\b|an\b)")

def name_new_thing(words: Words) -> str:
    """'my dog to frolic in the grass' → 'a dog': the thing to generate, as the user named it."""
    low = SCAFFOLD.sub(" ", words.low)
    low = _NEW_TAIL.sub("", low).strip(" ,.!?\"'")
    owned = _OWNED.match(low)
    low = _NEW_LEAD.sub("", low)
    if not low:
        return ""
    text = words.find_orig(low)
    if owned and not singularize(low.split()[-1])[1]:
        text = ("an " if low[0] in "aeiou" else "a ") + text      # "add my dog" → "a dog"
    return text


_ONE_FOR_THE_THING = re.compile(r"\b(?P<lead>[a-z'-]+)\s+(?P<one>one)(?=\s*$|\s*[,.;!?]|\s+(?:with|that|which|who|"
                                r"from|like|in|on|instead)\b)")
_ONE_ALONE = frozenset(ONE_ALONE_LEADS)


def one_named(text: str, name: str) -> str:
    """The new thing's words with 'one' standing for the old thing's name said as the name: 'swap the puppy for *a
    different one*' → 'a different puppy', 'the backdrop to *a plain lilac one*' → 'a plain lilac background'. A prompt
    holding 'one' asks a generator for nothing it can draw. 'one' as a count ('one bird') or a word of its own ('no
    one', 'that one': `ONE_ALONE_LEADS`) stays, and so does 'ones' (the name said once is no plural to lean on)."""
    said = _ONE_FOR_THE_THING.search(text.lower())
    if not said or said.group("lead") in _ONE_ALONE or not name.strip():
        return text
    return text[:said.start("one")] + name.strip() + text[said.end("one"):]


def head_as_said(target: Target) -> str:
    """The target's head in the user's own word ('the puppy' → 'puppy', where the finder is asked for a dog): what a
    prompt repeats. The finder's word when the words said end on another ('the cap of the kid' → 'cap')."""
    said = (target.display or "").lower().split()[-1:]
    word = singularize(said[0].strip(".,;:!?\"'()"))[0] if said else ""
    return word if word and (word == target.target or TARGET_SYNONYMS.get(word) == target.target) else target.target
