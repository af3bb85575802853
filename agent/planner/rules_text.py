"""Text handling for the rules planner: clean-up, politeness, numbers, setting words.

People write to an image editor the way they post on a forum: greetings, "can someone please",
thanks at the end, settings in passing ("seed 42"). This module cleans the text (control
characters and terminal escape sequences go, whole, so no digit inside one is ever read), strips
the manners, and pulls out the words that are settings rather than edits ("seed 42", "strength
0.4", "4 variations") so they never end up inside an object name. Cutting the text into one clause
per edit is the next stage, `rules_clauses`.

A `Words` keeps two aligned copies of the text — as typed and lowercased — so matching is done on
the lowercase copy while names that go into prompts keep the user's capitals ("Pirates hat").
"""

from __future__ import annotations

import html
import math
import re
import itertools
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from retouch.agent.plan import InpaintArgs, RefineMaskArgs, field_bounds
from retouch.agent.planner.colour_codes import written_as_hex
from retouch.agent.planner.rules_lexicon import phrase_re, rx
from retouch.agent.planner.rules_numbers import spelled_numbers, to_number, within, word_value
from retouch.agent.planner.rules_verbs import IMPERATIVE_VERBS, VERB_BASES, base_verb
from retouch.agent.planner.rules_vocab import (
    MONEY_UNITS, OTHER_APPS, POINTED_PLACES,
    ENHANCE_FILLERS, ENHANCE_NAMES, JOINED_WORDS, MISSPELLINGS, NOUN_REQUESTS, OUT_PARTICLES, STORY_SUBJECTS, STORY_VERBS,
    DETERMINERS, TEXT_WORDS, PHONE_LINES_ALSO_WORDS,
)
from retouch.agent.planner.rules_vocab import HEDGE_DOUBTS, HEDGE_WORDS  # a doubt in brackets is no guess (#20, second22)

MAX_CHARS = 2000
"""Longer messages are cut here: it bounds the work, and no request needs more."""

_RUNS = re.compile(r" {2,}")


@dataclass
class Words:
    """The same text twice, as typed and lowercased, always the same length."""

    orig: str
    low: str

    @classmethod
    def of(cls, text: str) -> "Words":
        low = text.lower()
        if len(low) != len(text):          # a few characters change length when lowercased
            text = low
        return cls(text, low)

    def slice(self, start: int, end: int) -> "Words":
        return Words(self.orig[start:end], self.low[start:end])

    def strip(self) -> "Words":
        left = len(self.low) - len(self.low.lstrip(" ,.;:!?-\"'"))
        right = len(self.low.rstrip(" ,.;:!?-\"'"))
        return self.slice(left, max(left, right))

    def blank(self, start: int, end: int) -> "Words":
        pad = " " * (end - start)
        return Words(self.orig[:start] + pad + self.orig[end:], self.low[:start] + pad + self.low[end:])

    def squeeze(self) -> "Words":
        """Collapse runs of spaces and trim; both copies have their spaces in the same places (so a run in one is a
        run in the other, and copies with none — most of them — are only trimmed)."""
        if "  " not in self.low and "  " not in self.orig:
            return Words(self.orig.strip(" "), self.low.strip(" "))
        return Words(_RUNS.sub(" ", self.orig).strip(" "), _RUNS.sub(" ", self.low).strip(" "))

    def join(self, glue: str, other: "Words") -> "Words":
        return Words(self.orig + glue + other.orig, self.low + glue + other.low)

    def find_orig(self, low_phrase: str) -> str:
        """The user's spelling of a lowercase phrase, if it appears verbatim; else the phrase."""
        at = self.low.find(low_phrase)
        return self.orig[at:at + len(low_phrase)] if at >= 0 else low_phrase


# ---- cleaning -----------------------------------------------------------------------------------

_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"                              # CSI: colours, cursor moves, clear screen
    r"|\x9b[0-?]*[ -/]*[@-~]?"                               # the same, 8-bit
    r"|[\x1b\x9d]\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"    # OSC: window title, hyperlinks
    r"|\x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)?"               # DCS, SOS, PM, APC strings
    r"|\x1b[ -/]*[0-~]?")                                    # two-character escapes
"""Terminal escape sequences, removed whole: "\\x1b[31m" must not leave "[31m" behind to be read as 31."""
_CONTROL = re.compile(r"[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202f\ufeff]")
_TRANSLATE = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                            "\u2014": " - ", "\u00d7": "x", "\u2026": "...", "\u00b0": " degrees ",
                            "\u2212": "-", "\t": " ", "\r": "\n", "`": "'"})
_SPACES = re.compile(r"[ \u00a0]+")
_EMOJI = re.compile(r"[\U0001F000-\U0001FFFF\u2600-\u27BF]")


def strip_escapes(text: str) -> str:
    """Drop terminal escape sequences and control characters (newlines and tabs stay)."""
    return _CONTROL.sub(" ", _ESCAPES.sub(" ", str(text)))


def clean(text: str) -> Words:
    """Unicode-normalise, drop escape sequences, control characters and emoji, cap the length."""
    text = strip_escapes(html.unescape(str(text)[:MAX_CHARS * 2]))      # "&amp;" in a post is "&"; "&#27;" no escape
    text = unicodedata.normalize("NFKC", text)[:MAX_CHARS]
    text = _EMOJI.sub(" ", _CONTROL.sub(" ", text.translate(_TRANSLATE)))
    text = _PER_CENT.sub("percent", re.sub(r"\n+", " ;; ", text))
    text = _TRAILING_TAG.sub(lambda m: m.group("end"), text)
    text = _ASIDE.sub(_aside_read, _EMOTICON.sub(" ", text))
    text = _UNCLOSED_ASIDE.sub(_aside_read, text) if "(" in text else text
    text = _GLUED_THE.sub(lambda m: f"{m.group(1)} the", _PHOTO_SHOP.sub("photoshop", text))
    folded = text.lower()
    if "$" in text or any(unit in folded for unit in MONEY_UNITS):
        text = _MONEY_OFFERED.sub(" . ", text)
        folded = text.lower()
    text = _SLANG_ADD.sub("add ", text) if "shop " in folded or "ps " in folded else text
    if any(place in folded for place in POINTED_PLACES):
        text = _POINTED_ELSEWHERE.sub(" , ", text)
    text = _GLUED_TO_WHITE.sub("black and white", text) if "black" in folded else text
    if "how" not in folded and any(app in folded for app in _APP_FIRST_WORDS):
        text = _APP_NAMED.sub(" ", text)
    if "filter " in folded:
        text = _FILTER_TO_MONO.sub("convert", _FILTER_THE_PICTURE.sub("edit", text))
    text = written_as_hex(text)                 # 'rgb(200, 30, 30)', 'hex 00ff00': one '#rrggbb' word (tones25)
    text = _DEVICE_MODEL.sub(_model_taken_off, text)
    text = _STRETCHED.sub(unstretch, text)
    text = _MISSPELT.sub(lambda m: MISSPELLINGS[" ".join(m.group(0).lower().split())], text)
    text = _SPLIT_WORD.sub(lambda m: JOINED_WORDS[" ".join(m.group(0).lower().split())], text)
    text = _HEDGED_THING.sub("", text)
    text = _LINE_GAP.sub(" , ", text)
    text = _LINE_GAP_BEFORE_A_THING.sub(" ; ", text) if "  " in text else text
    text = _GLUED_DASH.sub(" - ", text)
    if '"' in text or "'" in text:
        text = _SCARE_QUOTED.sub(_unquoted_name, _QUOTED_WORD.sub(_unquoted_verb, text))
    return Words.of(_SPACES.sub(" ", text).strip())


_QUOTED_WORD = re.compile(r"""(?:(?<=^)|(?<=[\s,.!?(]))(?P<q>["'])(?P<w>[A-Za-z]+)(?P<p>\s+[A-Za-z]+)?(?P=q)(?=[\s,.!?)]|$)""")
"""A word in quotes, or a word and its particle in single or double ones ('"liven"', "'cut out'", "'Cutting Out'");
an apostrophe inside a word ("don't") opens none."""
_VERB_FIRST_WORDS = frozenset(verb.split()[0] for verb in IMPERATIVE_VERBS)


def _unquoted_verb(m: re.Match[str]) -> str:
    """'… and "liven" it up', "could you 'cut out' the cat": a command verb in quotes for emphasis, in any of its forms,
    is the verb — the quotes hid it from the clause split (a quoted word that is no verb, '"Happy" on the sign', keeps
    its quotes)."""
    word, particle = m.group("w").lower(), (m.group("p") or "").strip().lower()
    if (word in _VERB_FIRST_WORDS or base_verb(word) is not None) and (not particle or particle in OUT_PARTICLES):
        return m.group("w") + (m.group("p") or "")
    return m.group(0)


_NAME_OPENERS = tuple(word for word in DETERMINERS if " " not in word and word not in ("of", "said"))
_SCARE_QUOTED = rx(r"\b(?P<det>" + "|".join(_NAME_OPENERS) + r")\s+(?:(?P<mod>[a-z]+-[a-z]+|[a-z]+(?:ed|ing))\s+)?"
                   r"(?P<q>[\"'])(?P<w>[a-z]{2,}(?:\s+[a-z]{2,})?)(?P=q)(?=[\s,.!?)]|$)")
"""Lowercase words in quotes where a name stands ('the "funny" guy', 'a "vintage" look', 'the so-called "artist"'):
quotes for emphasis or irony around the name itself. What writing says is quoted after a word for writing ('the text
"sale"', 'the word "open"') or alone, in capitals or as a single letter ('add the "c"'), and keeps its quotes."""


def _unquoted_name(m: re.Match[str]) -> str:
    """The name with its scare quotes taken off, so the finder is told the noun and the verb before it still reaches
    it ('brighten the "lamp"' brightens the lamp, not the whole photo)."""
    if m.group("mod") and m.group("mod") in TEXT_WORDS:
        return m.group(0)
    return m.group(0).replace(m.group("q"), "")


_STRETCHED = re.compile(r"\b(?=[a-z]*([a-z])\1\1)[a-z]+\b", re.IGNORECASE)
"""A word with a letter said three or more times in a row, for emphasis ('pleeease', 'coooll', 'plzzz')."""
_LETTER_RUN = re.compile(r"([a-z])\1+", re.IGNORECASE)
MAX_STRETCHED_LETTERS = 24
"""A longer stretched word is kept as written: the spellings tried double with each run, so the length bounds them."""


@cache
def known_words() -> frozenset[str]:
    """Every word the planner's vocabulary declares — the only words a stretched word is read as. Built on the
    first stretched word, so a plan without one pays nothing."""
    from retouch.agent.planner import rules_vocab

    found: set[str] = set()
    pending: list[object] = [value for name, value in vars(rules_vocab).items() if name.isupper()]
    while pending:
        value = pending.pop()
        if isinstance(value, str):
            found.update(re.findall(r"[a-z]+", value.lower()))
        elif isinstance(value, dict):
            pending.extend(value.keys())
            pending.extend(value.values())
        elif isinstance(value, (list, tuple, set, frozenset)):
            pending.extend(value)
    return frozenset(found)


def unstretch(match: re.Match[str]) -> str:
    """'pleeeease' → 'please', 'coooll' → 'cool', 'plsssss' → 'pls': each run of a repeated letter is tried at two
    letters, then one, and the first spelling the vocabulary declares is the word ('goood' is 'good', not 'god'; a
    declared misspelling it lands on is then read as `MISSPELLINGS` says). A word no such spelling makes
    (a name, 'xxx' kisses) stays as written, so nothing unknown is guessed at."""
    word = match.group(0)
    if len(set(word.lower())) == 1 or len(word) > MAX_STRETCHED_LETTERS:
        return word
    pieces = _LETTER_RUN.split(word)
    runs = _LETTER_RUN.finditer(word)
    spans = [run.group(0) for run in runs]
    stems = pieces[0::2]
    for lengths in itertools.product((2, 1), repeat=len(spans)):
        spelling = stems[0] + "".join(run[:size] + stem for run, size, stem in zip(spans, lengths, stems[1:]))
        if spelling.lower() in known_words():
            return spelling
    return word


_DEVICE_MODEL = re.compile(r"\b(iphone|ipad|galaxy|pixel)(?:\s+(?:[a-z]?\d+[a-z]*\b(?!\s*[x×*]\s*\d)|pro|max|plus|mini|se|xr|"
                           r"xs|x|ultra))+\b", re.IGNORECASE)
"""'an iPhone 5c wallpaper' is an iPhone wallpaper: the model names no other shape ('pixel 125*165' is a size)."""


def _model_taken_off(m: re.Match[str]) -> str:
    """'an iPhone 12' → 'an iPhone'; 'the pixel 6', 'my galaxy s10' → 'the phone', 'my phone': the model said made it a
    phone, so a finder is told to look for one — never for a dot, a starry sky or an 's10' (heads21)."""
    name = m.group(1)
    return "phone" if name.lower() in PHONE_LINES_ALSO_WORDS else name


_GLUED_THE = re.compile(r"\b(remove|erase|delete|crop|add|in|on|of|from|at|to|behind|under|and)the\b", re.IGNORECASE)
"""'removethe people inthe background': a missing space before "the"."""
_MISSPELT = re.compile(r"\b" + phrase_re(MISSPELLINGS) + r"\b", re.IGNORECASE)
"""A common misspelling of an edit word ('overesposed', 'backround'), read as the word meant. A trie (`phrase_re`):
the longest spelling that ends at a word's end still wins, in a third of the time of trying each in turn."""
_LINE_GAP = rx(r"(?<=[a-z0-9])[ \u00a0]{2,}(?=(?:{IMPERATIVE_VERBS})\s)", re.IGNORECASE)
"""'flip it sideways  remove the woman': a gap of spaces where a line broke, before a command verb, ends an edit as a
comma does (the comma's own rule still wants the verb)."""
_LINE_GAP_BEFORE_A_THING = rx(r"(?<=[a-z0-9])[ \u00a0]{2,}(?=(?!(?:{PLACE_PREPOSITIONS}|{NOUN_OPENERS}|{CLAUSE_GLUE}|or|from|of|for"
                              r"|with|by|like|so|as|is|are|was|were)\s)[a-z'-]+\s+(?:{NOUN_OPENERS}|it|them|him|me|us)\s)",
                              re.IGNORECASE)
"""'make her eyes green  create the backdrop in a darker shade', '… black and white  take the rips out': a line broke
before a word said of a thing — a verb the edit verbs don't list — so a new sentence starts there (issue 20,
clauses21). Never before a place, a name's opener or glue ('a hat  on the dog', 'brighten  the fire', 'the sea  and
the sky')."""
_GLUED_DASH = re.compile(r"(?<=[a-z])-(?=\s+(?!up\b)[a-z])", re.IGNORECASE)
"""'Mountains- make them stand out': a dash glued to the word before it and followed by a space is the dash between
two sentences (' - '), not a hyphen ('grown- up' is still one word)."""
_SPLIT_WORD = re.compile(r"\b" + phrase_re(JOINED_WORDS) + r"\b", re.IGNORECASE)
"""'the back ground' → 'the background' (`JOINED_WORDS`; a trie, as `_MISSPELT`)."""
_HEDGED_THING = rx(r"(?=\s)(?:(?<=,)|(?<=\band)|(?<=&)|(?<=\bplus))\s+{HEDGE_WORDS}(?=\s+(?:{NOUN_OPENERS}|all)\b)",
                   re.IGNORECASE)
"""'remove the pram, *possibly* the bench': the doubt before a listed thing, dropped so the thing reads as named. It
begins with a space, looked at first: the four looks behind run only there (3.8 -> 1.5 µs a request)."""
_MONEY_OFFERED = rx(r"(?:\$\s?\d+(?:[.,]\d+)?(?:\s+(?:{MONEY_UNITS}))?|\b\d+(?:[.,]\d+)?\s?(?:{MONEY_UNITS}))\b"
                    r"(?:\s+(?:will\s+go|goes|going))?(?:\s+(?:via|through|by|on|over|in)\s+(?:{PAYMENT_APPS})"
                    r"(?:\s+or\s+(?:{PAYMENT_APPS}))?\b)?(?:\s+(?:to|for)\s+(?:{REWARDED_ONES})\b)?", re.IGNORECASE)
"""'$15 goes to the best one', '$5 via PayPal', '20 bucks for the help': a reward offered is manners, gone before
anything reads '$10' as a thing to remove ('whoever can remove the car' after it stays the ask)."""
_PHOTO_SHOP = re.compile(r"\bphoto[\s-]+shop", re.IGNORECASE)
"""'photo shop' and 'photo-shop' are the verb 'photoshop'."""
_SLANG_ADD = rx(r"\b(?:{SLANG_EDIT_VERBS})\s+(?=(?:{NEW_THING_OPENERS})\s+(?!(?:{AMOUNT_NOUNS})\b)"
                r"(?!(?:[\w'-]+\s+){0,2}?(?:{PICTURE_NOUNS})s?\b)"
                r"|(?!(?:{NOUN_OPENERS}|{PEOPLE_PRONOUNS}|{PICTURE_NOUNS}|{FACE_WORDS}|it|these|those|out|away|off|up|in)\b)"
                r"[a-z][\w-]*(?:\s+(?!(?:{PICTURE_NOUNS}|{FACE_WORDS})\b)[\w-]+){0,2}\s+(?:{NEW_THING_PLACERS})\s)",
                re.IGNORECASE)
"""'photoshop a ghost into the doorway', 'shop blue sparks into this picture' are 'add …' (`SLANG_EDIT_VERBS`: a new
thing, or a bare one put somewhere); 'photoshop a bit', 'photoshop a picture of us', 'photoshop his face onto …' are
not."""
_POINTED_ELSEWHERE = rx(r"\b(?:(?:further|full|extra|all\s+(?:the\s+)?|the|some)\s+)?(?:{POINTER_LEADS})\s+"
                        r"(?:(?:is|are|can\s+be\s+found)\s+)?(?:in|on|inside|within|under|below\s+in)\s+"
                        r"(?:(?:the|my|a|this)\s+)?(?:{POINTED_PLACES})\b", re.IGNORECASE)
"""'Basic retouch, details in the description', '(more info in comments)': a pointer to words we are not given."""
_GLUED_TO_WHITE = rx(r"\bblack\s*(?:and|&|n)\s*(?!(?:{WHITE_FORMS})\b)white[a-z]{1,5}\b", re.IGNORECASE)
"""'black and whiteyea', 'black and whitee': a stray word or a letter glued to the colour (`WHITE_FORMS` are words)."""
_APP_FIRST_WORDS = tuple({app.split()[0] for app in OTHER_APPS})
_APP_NAMED = rx(r"\b(?:using|in|with|via)\s+(?:{OTHER_APPS})(?:\s*(?:or|and|/)\s*(?:{OTHER_APPS}))*"
                r"(?=\s*(?:[,.;!?)]|$)|\s+(?:so|to|and|please|if|or)\b)", re.IGNORECASE)
"""'improve it using Lightroom or Photoshop, so …': the app the editor is to use is no thing in the photo (kept in a
'how …' ask, which is a request to be taught: `rules.INSTRUCTION_ASKS`)."""
_FILTER_THE_PICTURE = rx(r"\bfilter(?=\s+(?:(?:the|this|my)\s+)?(?:{FILTERED_PICTURES})\b(?!\s+to\b))", re.IGNORECASE)
"""'filter photo darker' is 'edit photo darker' (`FILTERED_PICTURES`); 'filter the picture to clear the spots' is left
as it is read today (the purpose is the edit)."""
_FILTER_TO_MONO = rx(r"(?<!the )(?<!a )(?<!this )(?<!that )(?<!my )\bfilter(?=\s+(?:it\s+|this\s+)?(?:in)?to\s+(?:{BLACK_AND_WHITE})\b)", re.IGNORECASE)
"""'take out the rips filter to greyscale': the verb 'filter' is the conversion ('convert to black and white');
'change the filter to greyscale' names a filter."""
_EMOTICON = re.compile(r"(?=[:;=)(<x^c])"
                       r"(?:(?<![\w:;=])[:;=][-'^]?[)(\]\[dpo/\\|*3]+(?![\w])|(?<![\w])[)(][-']?[:;](?![\w])|<3+"
                       r"|(?<![\w])x[dD]+(?![\w])|\^_*\^|(?<![\w])c[:;](?=\s|$))", re.IGNORECASE)
""":) :( ;) :D :P (: c: <3 xD ^^ — a ")" left behind would end a name ("the people in the background :)"). Each
face begins with one of the characters looked at first, so the faces are tried only there (5.1 -> 1.1 µs a
request)."""
_ASIDE = re.compile(r"(?<=\S)\s*\(\s*([^()]*[A-Za-z][^()]{0,160}?)\s*\)")
"""'erase granny (at the left) from this shot': an aside in brackets reads as one between commas. A bracket at
the very start is a forum tag ("(paid)"), and one holding only numbers is a box: both stay."""


_GUESSED_NAME = re.compile(r"^(?P<guess>[a-z][\w'&-]*(?:\s+[a-z][\w'&-]*)?)\s*\?+$", re.IGNORECASE)
"""'the red van *(Toyota?)*', 'the green thing *(hose?)* on the right': a guess at what the thing before is — the same
thing, so the aside goes; never a second thing to edit, nor a question that ends the request there."""
_NOT_A_GUESS = frozenset({*HEDGE_WORDS, *HEDGE_DOUBTS})
"""'(maybe?)', '(possible?)': a doubt in brackets, read as it is (no guess at a name)."""


_NAME_OPENED = rx(r"(?:^|\s)(?:{DETERMINERS}|[a-z]+'s)$")
_NAME_GOES_ON = rx(r"^\s*(?:{PICTURE_NOUNS})s?\b")
"""'this old (1950s) photo of my gran', 'fix my (only) wedding picture', 'Sam's (the tall one) hat': an aside inside
a name — after the word that opens it, or before the photo it names — is no clause of its own (issue 20, damage28)."""
_ONE_WORD = re.compile(r"^[A-Za-z][a-z-]*$")


_ANOTHER_NAME = rx(r"^(?!(?:{DETERMINERS}|{PEOPLE_OBJECT_PRONOUNS}|{COLORS}|{COUNT_WORDS}|{HEDGE_WORDS}|{HEDGE_DOUBTS}"
                  r"|{PLACE_PREPOSITIONS}|{EXCEPT_WORDS}|with|without|for|from|of|like|as"
                  r"|i|and|or|not|no|also|too)\b)(?![a-z]+-(?:{PLACE_NAMES})\b)(?!(?:{PLACE_NAMES}|{PLACE_PARTS})s?\b)"
                  r"(?P<name>[a-z][a-z-]+(?:\s+(?!(?:{PLACE_NAMES}|{PLACE_PARTS})s?\b)[a-z][a-z-]+)?)$")
"""'the mole on his cheek *(birthmark)*', 'the pole *(lamppost)*': a bare name in brackets right after a thing is
another name for that thing — never a second thing to edit (issue 20, asides29). Not a colour ('(black)'), a place
('(top left)', '(mid-bottom)'), a person ('(me)'), a count or a doubt, nor a verb ('(remove texture)'); a remark ('(optional)', '(please)') goes
the same way."""
_AFTER_A_NAME = re.compile(r"[a-z]\s*$")
_AFTER_A_LOOK = rx(r"\b(?:more|less|{DEGREE_WORDS})\s+[a-z'-]+\s*$")
"""'make the eyes more realistic *(glossy)*': after a look said with its degree, the aside says what look — no name."""
_ASIDE_CLOSES = rx(r"^\s*(?:$|[.,!?;:]|(?:out|off|from|away|please|pls|thanks|thank|and|too)\b)")
"""After the bracket, the clause closes or goes on to what is done with the thing: the aside was only its name."""
_COLOUR_ALONE = rx(r"^(?:{COLOR_MODIFIERS}\s+)?{COLORS}$")
"""'the car *(black)*': which one, by its colour — read as 'the black one' ('the bin (the green one)' is read so); not
after a colour word ('one colour (black)': the colour given)."""
_AFTER_A_THING = re.compile(r"[a-z](?<!\bcolor)(?<!\bcolour)(?<!\bshade)(?<!\btone)(?<!\bhue)\s*$")
_ONE_WITHOUT_THE = re.compile(r"^ones?\s+(?=(?:with|in|who|that|on|wearing|holding|at|near|behind|by)\b)", re.IGNORECASE)
"""'the woman *(one with the mohawk)*': who she is, said without its article — read as 'the one with …'."""


def _aside_read(aside: re.Match[str]) -> str:
    """An aside in brackets read as one between commas — or dropped when it only guesses what the thing before is.
    Inside a name (`_NAME_OPENED`, `_NAME_GOES_ON`) commas would cut the name in two and lose the clause it is in:
    there a word alone is read as part of the name ('the (red) car'), a longer aside — a date, who it was — goes."""
    guess = _GUESSED_NAME.match(aside.group(1))
    if guess and _NOT_A_GUESS.isdisjoint(guess.group("guess").lower().split()):
        return " "
    text = aside.string
    said = aside.group(1)
    if _COLOUR_ALONE.match(said.lower()) and _AFTER_A_THING.search(text[:aside.start()].lower()) \
            and _ASIDE_CLOSES.match(text[aside.end():].lower()):
        return f" , the {said} one , "
    if _ONE_WITHOUT_THE.match(said):
        return f" , the {said} , "
    name = _ANOTHER_NAME.match(said.lower())
    if name and aside.group(0).endswith(")") and base_verb(said.split()[0].lower()) is None and _AFTER_A_NAME.search(text[:aside.start()].lower()) \
            and not _AFTER_A_LOOK.search(text[:aside.start()].lower()) and _ASIDE_CLOSES.match(text[aside.end():].lower()):
        return " "
    if _NAME_OPENED.search(text[:aside.start()].lower()) or _NAME_GOES_ON.match(text[aside.end():].lower()):
        return f" {aside.group(1)} " if _ONE_WORD.match(aside.group(1)) else " "
    return f" , {aside.group(1)} , "


_UNCLOSED_ASIDE = re.compile(r"(?<=\S)\s*\((?![^()]*\))(?P<aside>[^()]*?[A-Za-z][^()]*?)\s*\(?\s*(?=[.!?;]|$)")
"""'… and maybe stars (optional', 'remove the man in the hat (the one with the beard(.': a bracket never closed, or
closed with another opening one, holds an aside to the sentence's end — read as one between commas, never a "("
left in a name or a prompt (issue 20, damage28)."""


_TRAILING_TAG = rx(r"\s*[\[(]\s*{FORUM_TAGS}\s*[\])](?P<end>[\s.!?]*)$", re.IGNORECASE)
"""'car removal [specific]': a post's forum tag put at the end is no part of the request (one at the start is
`strip_politeness`'s)."""
_PER_CENT = re.compile(r"\bper\s+cent\b", re.IGNORECASE)


def read_spelled_numbers(words: Words) -> tuple[Words, list[str]]:
    """Numbers written as words become digits ("rotate forty five degrees" → "rotate 45 degrees"), so
    every handler reads them as it reads digits, with the same limits. A count that is not exact ("a
    couple of hundred px") is said: the second value is the notes for the reply."""
    notes: list[str] = []
    orig, low, at = [], [], 0
    for start, end, value, approximate in spelled_numbers(words.low):
        digits = str(int(value)) if value == int(value) else f"{value:.12g}"
        if approximate:
            notes.append(f"I read “{' '.join(words.orig[start:end].split())}” as {digits}.")
        orig += [words.orig[at:start], digits]
        low += [words.low[at:start], digits]
        at = end
    if not at:
        return words, notes
    return Words("".join(orig) + words.orig[at:], "".join(low) + words.low[at:]), notes


# ---- politeness --------------------------------------------------------------------------------

WHO = (r"(?:(?:{ASKED_WHO})(?:\s+(?:{ADDRESSEE_KINDS}\s+){0,3}{ADDRESSEES})?"
       r"|(?:(?:a|an|any|some|one\s+of\s+(?:the|you|my))\s+)?(?:{ADDRESSEE_KINDS}\s+){0,3}{ADDRESSEES})")
"""Who a request is addressed to: "someone", "any of you", "a kind photoshop wizard", "masters of photoshop"."""
_HELP_WITH = rx(r"^(?:(?:(?:i|we)\s+)?(?:need|want|could\s+use|am\s+looking\s+for|looking\s+for)\s+(?:some\s+|a\s+little\s+)?)?"
                r"(?:help|helping)(?:\s+(?:me|us))?(?:\s+(?:with|in|on|to))?\s+(?=[a-z]+ing\b|(?:{SPLIT_VERBS})\b)")
"""'help taking this lady out of my photo': the ask is the -ing verb."""
_MIND = rx(r"^(?:(?:{ASKING_MODALS}|do|does)\s+" + WHO + r"\s+)?mind\s+(?:{ASKING_SOFTENERS}\s+)*(?=[a-z]+ing\b|(?:{SPLIT_VERBS})\b)")
"""'would you mind touching it up', 'mind cleaning this up?': the ask is the -ing verb, or a verb (the ways offered
with a slash, 'mind blurring/removing the cup', reach here as verbs: `rules_clauses._gerunds_as_verbs`)."""
_LEAD = rx(
    r"^(?:"
    r"[\[(][a-z][\w /&-]{0,30}[\])]\s*[:-]?\s*"                   # forum tags: "[Request]", "(paid)"
    r"|(?:{GREETINGS}|dear\s+\w+)(?:\s+{GREETED})?\s*[,!.:-]*\s+"
    r"|{OPENING_FILLERS}\b[,:!.]?\s+"
    r"|{FORM_PLACEHOLDERS}[,:!.-]?\s+(?=(?:{IMPERATIVE_VERBS})\b)"   # "NA brighten her face": a form's empty field
    r"|{ACKNOWLEDGEMENTS}\s*[,!.:-]+\s*"
    r"|{PLEASE}\b[,:]?\s*"
    r"|{HEDGE_CONDITIONS}(?:\s*[,:]\s*|\s+(?!help\b)|\s*$)"                # "if possible, …" — not "if you could help"
    r"|{ASKING_MODALS}\s+{ASKED_WHO}(?:\s+{ASKING_SOFTENERS})*(?:\s+to)?(?:\s+|$)"
    r"|{IS_IT_POSSIBLE}(?:\s+for\s+{ASKED_WHO})?\s+to\s+"
    r"|{IS_IT_POSSIBLE}\s+(?:that\s+)?{ASKED_WHO}\s+(?:can|could|would|will|might)\s+"
    r"|{I_WOULD}\s+(?:just\s+|probably\s+)?(?=(?!like\b|love\b){IMPERATIVE_VERBS}\s)"    # "I would darken it": the ask
    r"|(?:{I_WOULD}|would)\s+(?:really\s+|so\s+|greatly\s+)?{LIKING}(?:\s+{ASKED_WHO})?(?:\s+(?:to|could|can|would))?\s+"
    r"|(?:i\s+|i'?m\s+|i\s+am\s+)?{HEDGE_OPENERS}\s+(?:(?:this|it|that)(?:\s+is|'s)?\s+|anything\s+|something\s+)?"
    r"{HEDGE_DOUBTS}\s*[,.!;:-]*\s*(?:but\s+)?"
    r"|{I_WE}\s+(?:really\s+)?{WANTING}(?:\s+{ASKED_WHO})?\s+to\s+"
    r"|(?:{I_AM}\s+|(?:i|we)\s+(?:was|were)\s+)?(?:looking\s+for\s+someone|hoping\s+{HOPED_WHO}"
    r"(?:\s+(?:can|could|will|would|might))?|wondering\s+if\s+{ASKED_WHO}\s+(?:can|could|would|might))"
    r"(?:\s+{ASKING_SOFTENERS})*(?:\s+to)?\s+"
    r"|(?:{LEAD_PHRASES}|{INSTRUCTION_LEADS}(?=\s+(?:just\s+)?(?:{IMPERATIVE_VERBS})\b)|how\s+{HOW_MODALS}\s+{HOW_WHO})"
    r"(?!\w)[,:]?\s*"
    r"|" + WHO + r"\s*[,!:]\s*"
    r")")
_TRAIL = rx(r"(?:[\s,.!?:;-]*\b(?:{TRAILING_POLITENESS}|(?:(?:it|that|this|i|we|he|she|they)(?:\s+|(?=')))?(?:would|will|'d|'ll)\s+(?:be\s+)?"
            r"(?:{PRAISE_AMOUNTS}\s+)*(?:{PRAISE_WORDS}|appreciate(?:\s+it)?)(?:\s+(?:for\s+)?(?:it|that|this|the help))?)\b"
            r"|[\s,]+(?:and\s+)?(?:it|that|this)\s+(?:would|will|'d|'ll)\s+(?:be|mean|make)\b[^.?!]*)+"
            r"[\s.!?:)(]*$")


def strip_politeness(words: Words) -> Words:
    """The request without its manners: forum tags, greetings, "can someone please", "help with removing",
    thanks at the end. (A back-story before the ask inside one sentence is `rules_story.split_story`.)"""
    words = words.strip()
    for _ in range(6):
        lead = _LEAD.match(words.low)
        m = lead or _HELP_WITH.match(words.low) or _MIND.match(words.low)
        if not m or m.end() == 0:
            break
        helped = lead is None                           # "help with …" / "would you mind …" read, not a plain lead
        words = words.slice(m.end(), len(words.low)).strip()
        if helped:                                      # "help clearing up this photo" → "clear up this photo"
            gerund = re.match(r"[a-z]+ing\b", words.low)
            base = base_verb(gerund.group(0)) if gerund else None
            if base:
                words = Words(base + words.orig[gerund.end():], base + words.low[gerund.end():])
    m = _TRAIL.search(words.low)
    if m and m.start() > 0:
        words = words.slice(0, m.start()).strip()
    return words


_FIRST_WORD = rx(r"^(?P<w>[a-z]+)(?=\s+(?:{NOUN_OPENERS}|all|every)\b)")


def read_first_verb(words: Words) -> tuple[Words, str]:
    """A request that opens with a verb in the wrong form or misspelled by a letter — "removed the cup off
    the table", "remover the guy", "reemove the girl" — opens with the verb: (the words, a note for a typo)."""
    words = read_noun_request(words)
    m = _FIRST_WORD.match(words.low)
    if not m:
        return _read_first_name(words)
    said = m.group("w")
    if said.endswith("ing"):
        return words, ""                               # "removing the cup", "enhancing the glow": read as written
    verb = base_verb(said)
    note = ""
    if verb is None and len(said) >= 5:
        verb = next((v for v in VERB_BASES if len(v) >= 5 and one_edit_apart(said, v)), None)
        if verb is None:
            return words, ""
        note = f"I read “{words.orig[:m.end()]}” as “{verb}”."
    if verb is None or verb == said:
        return words, ""
    return Words(verb + words.orig[m.end():], verb + words.low[m.end():]), note


_FIRST_NAME = rx(r"^(?P<w>[a-z]{6,})(?=\s*(?:$|[,.!?&/]|\b(?:and|please|pls|plz|{PICTURE_NOUNS})\b))")
_NAMES = tuple(name for name in ENHANCE_NAMES if name.isalpha() and len(name) >= 6)


_NOT_A_THING = frozenset(STORY_SUBJECTS) | frozenset(STORY_VERBS) | {"love", "like", "hate", "want", "need", "thanks"}
_NOUN_REQUEST = rx(r"^(?P<np>(?:[a-z'-]+\s+){0,3}?[a-z'-]+)\s+(?P<n>{NOUN_REQUESTS})\s*$")


def read_noun_request(words: Words) -> Words:
    """'background removal', 'glare fix', 'sky replacement': a request said as a noun is its verb and thing
    ('remove the background')."""
    m = _NOUN_REQUEST.match(words.low)
    named = m.group("np").split() if m else []
    if not m or base_verb(named[0]) or any(word in _NOT_A_THING for word in named) \
            or all(word in ENHANCE_FILLERS for word in named):      # "simple cleanup" names no thing
        return words
    verb = NOUN_REQUESTS[" ".join(m.group("n").split())]
    thing = words.slice(m.start("np"), m.end("np"))
    owner = "" if re.match(r"(?:the|my|his|her|their|our|your|this|that|all|any)\b", thing.low) else "the "
    return Words(f"{verb} {owner}{thing.orig}", f"{verb} {owner}{thing.low}")


def _read_first_name(words: Words) -> tuple[Words, str]:
    """A request that is a name misspelt by a letter — "Enhancments", "RRetouchup" — is that name (said)."""
    m = _FIRST_NAME.match(words.low)
    said = m.group("w") if m else ""
    if not m or said in _NAMES or base_verb(said):
        return words, ""
    name = next((n for n in _NAMES if one_edit_apart(said, n)), None)
    if name is None:
        return words, ""
    return Words(name + words.orig[m.end():], name + words.low[m.end():]), f"I read “{words.orig[:m.end()]}” as “{name}”."


def one_edit_apart(a: str, b: str) -> bool:
    """One letter added or dropped, or two swapped: remover/remove, reemove/remove, rmeove/remove. (Not one letter
    changed: "invert" is a word of its own, not "insert" misspelt.)"""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


_CLOSING_WISH = rx(r"^(?:(?:it|that|this)\s+)?(?:would|will|'d|'ll)\s+(?:really\s+|truly\s+)?(?:mean\s+(?:a\s+lot|so\s+much|the\s+world)"
                  r"|make\s+(?:my|our|his|her|their|me|us|him|them)\b(?:\s+[a-z'-]+){0,3}?\s+(?:so\s+|very\s+|really\s+)?"
                  r"(?:happy|glad|day|year|week|christmas|birthday))\b[^.?!]*$")
"""'it would make my mum so happy', 'would mean the world': a closing wish said as a sentence of its own."""
_SOCIAL = rx(r"^(?:{SOCIAL_WORDS}[\s,.!:)(]*)+$")
_THANKS = rx(r"\b{THANKS_CUES}")


def is_social(low: str) -> bool:
    """Greetings, thanks and acknowledgements with nothing to edit in them."""
    text = low.strip(" .!?,:;-")
    return not text or bool(_SOCIAL.match(text) or _CLOSING_WISH.match(text))


def social_kind(low: str) -> str:
    return "thanks" if _THANKS.search(low) else "greeting"


# ---- numbers ------------------------------------------------------------------------------------

def number(word: str) -> float | None:
    value = word_value(word)
    if value is not None:
        return float(value)
    try:
        return float(word)
    except ValueError:
        return None


# ---- setting words -----------------------------------------------------------------------------

@dataclass
class Settings:
    """Explicit settings named anywhere in the message; they apply to every generated region."""

    seed: int | None = None
    new_seed: bool = False
    strength: float | None = None
    variations: int | None = None
    steps: int | None = None
    guidance: float | None = None
    keep_colors: bool = False
    problem: str = ""
    """A setting's number that can't be used as written ("seed -5", "strength nan"): the plan asks instead."""
    grow: int | None = None
    shrink: int | None = None
    feather: int | None = None
    notes: list[str] = field(default_factory=list)


_NUM = r"(\d+|{COUNT_WORDS})"
_VALUE = r"([-+]?\s?(?:\d+(?:\.\d+)?|\.\d+)(?:e[-+]?\d+)?(?![\d.])|[-+]?(?:nan|inf|infinity)\b)"
"""A setting's number as written, sign, fraction and nan/inf included: each is checked, never read in part."""
_SEED = "seed"
_STEPS = "steps"
_SETTING_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("seed", rx(r"\b(?:with|using|use)?\s*(?:a|the)?\s*" + _SEED + r"\s*(?:=|:|of|#|number|no\.?)?\s*" + _VALUE)),
    ("new_seed", rx(r"\b(?:with\s+|using\s+)?(?:a\s+)?{NEW_SEED_WORDS}\s+" + _SEED + r"\b")),
    ("strength", rx(r"\b(?:with\s+|at\s+)?(?:a\s+)?{DENOISE_WORDS}\s*(?:=|:|of|at|to)?\s*" + _VALUE + r"\s*"
                    r"(%|percent)?")),
    ("variations", rx(rf"\b(?:{{VARIATION_ASKS}}\s+)?{_NUM}\s+(?:different\s+|more\s+)?{{VARIATION_NOUNS}}\b")),
    ("steps", rx(r"\b(?:with\s+)?(\d+)\s+(?:{STEP_KINDS}\s+)?" + _STEPS + r"\b"
                 r"|\b" + _STEPS + r"\s*(?:=|:|of|to)\s*" + _VALUE + r"|\b" + _STEPS + r"\s+" + _VALUE)),
    ("guidance", rx(r"\b{GUIDANCE_WORDS}(?:\s*scale)?\s*(?:=|:|of|to|at)?\s*" + _VALUE)),
    ("keep_colors", rx(r"\b{KEEP_WORDS}\s+(?:the\s+|its\s+|their\s+)?(?:original\s+|existing\s+)?"
                       r"colou?r(?:s|ing)?\b(?!\s+as\b)")),      # 'the same colour *as* the door' is another's (edits20)
    ("grow", rx(r"\b(?:{GROW_VERBS}\s+(?:the\s+)?(?:mask|selection)|{MASK_GROW_VERBS}\s+(?:it|this|them))\s+"
                r"(?:by\s+)?" + _VALUE + r"\s*(?:px|pixels?)?")),
    ("shrink", rx(r"\b(?:{SHRINK_VERBS}\s+(?:the\s+)?(?:mask|selection)|{MASK_SHRINK_VERBS}\s+(?:it|this|them))\s+"
                  r"(?:by\s+)?" + _VALUE + r"\s*(?:px|pixels?)?")),
    ("feather", rx(r"\b{FEATHER_VERBS}\s+(?:the\s+)?(?:mask|selection|edges?)\s+(?:by\s+)?" + _VALUE + r"\s*"
                   r"(?:px|pixels?)?")),
)
_SETTING_CUES = {"seed": _SEED, "new_seed": _SEED, "steps": _STEPS}
"""The word a setting's pattern can't match without: a request without it skips that scan (most say no seed and no
steps; the three scans were a third of `extract_settings`)."""


def _first_group(m: re.Match[str]) -> str:
    return next((g for g in m.groups() if g), "")


def extract_settings(words: Words, undoing: bool = False) -> tuple[Words, Settings]:
    """Pull out setting words (and blank them) so the rest reads as plain edits. A value the contract
    can't hold is brought inside its bounds and the change is said in `settings.notes` — never
    silently ("100 variations" → 16, and the reply says so)."""
    settings = Settings()
    for name, pattern in _SETTING_PATTERNS:
        if name == "steps" and undoing or _SETTING_CUES.get(name, "") not in words.low:
            continue
        for m in list(pattern.finditer(words.low)):
            value = " ".join(_first_group(m).split())
            if name in _NUMERIC_SETTINGS:
                amount = to_number(value)
                problem = _setting_problem(name, value, amount)
                if problem:
                    settings.problem = settings.problem or problem
                    continue
            if name == "seed":
                settings.seed = int(amount)
            elif name == "new_seed":
                settings.new_seed = True
            elif name == "strength":
                if m.group(2) or amount > 1:
                    amount /= 100
                    if not m.group(2):
                        settings.notes.append(f"I read strength {value} as {value}% ({amount:g}).")
                settings.strength = _bounded(amount, InpaintArgs, "strength", f"strength {value}"
                                             f"{'%' if m.group(2) else ''}", settings.notes)
            elif name == "variations":
                count = number(value.split()[-1]) if value else None
                if value.startswith("a few"):
                    count = 3
                elif value.startswith("a couple"):
                    count = 2
                settings.variations = int(_bounded(count or 1, InpaintArgs, "variations", f"{value} variations",
                                                   settings.notes))
            elif name == "steps":
                settings.steps = int(_bounded(amount, InpaintArgs, "steps", f"{value} steps", settings.notes))
            elif name == "guidance":
                settings.guidance = _bounded(amount, InpaintArgs, "guidance", f"guidance {value}", settings.notes)
            elif name == "keep_colors":
                settings.keep_colors = True
            elif name in ("grow", "shrink", "feather"):
                field = "blur" if name == "feather" else name
                setattr(settings, name, int(_bounded(amount, RefineMaskArgs, field, f"{name} {value} px",
                                                     settings.notes)))
            words = words.blank(m.start(), m.end())
            dangling = _DANGLING.search(words.low[:m.start()])
            if dangling and not words.low[m.end():].strip(" ") or dangling and words.low[m.end():].lstrip(" ")[:1] in \
                    (",", ".", ";", "!", "?"):
                words = words.blank(dangling.start(), dangling.end())      # "remove the dog and [grow …]"
    return words.squeeze(), settings


_DANGLING = re.compile(r"\s*(?:,\s*)?\b(?:and|with|using|at|plus)\s*$")
_NUMERIC_SETTINGS = ("seed", "strength", "steps", "guidance", "grow", "shrink", "feather")
_WHOLE_SETTINGS = ("seed", "steps", "grow", "shrink", "feather")


def _setting_problem(name: str, said: str, value: float | None) -> str:
    """The question for a setting's number that can't be used as written: not a number, not whole where it must
    be, a seed outside 0 … 2³²−1 (a seed is an identity, never wrapped or clamped into another one)."""
    if value is None or not math.isfinite(value):
        return f"“{said}” isn't a number I can use for the {name} — what should it be?"
    if name in _WHOLE_SETTINGS and value != int(value):
        return f"The {name} is a whole number, not {said} — what should it be?"
    if name == "seed" and not within(value, InpaintArgs, "seed"):
        low, high = field_bounds(InpaintArgs, "seed")
        return f"A seed is a whole number from {_plain(low)} to {_plain(high)}; {said} isn't one — which seed should I use?"
    return ""


def _bounded(value: float, model: type, field: str, said: str, notes: list[str], wrap: bool = False) -> float:
    """`value` inside the contract's bounds for `model.field`; a change is added to `notes`."""
    low, high = field_bounds(model, field)
    kept = value
    if wrap and high is not None and value > high:
        kept = value % (high + 1)
    elif high is not None and value > high:
        kept = high
    elif low is not None and value < low:
        kept = low
    if kept != value:
        notes.append(f"{said.capitalize()} is outside {_plain(low)}–{_plain(high)}, so I used {_plain(kept)}.")
    return kept


def _plain(value: float | None) -> str:
    return "" if value is None else str(int(value)) if float(value).is_integer() else f"{value:g}"
