"""Text handling for the rules planner: clean-up, politeness, clauses, numbers, setting words.

People write to an image editor the way they post on a forum: greetings, "can someone please",
several edits in one breath, thanks at the end. This module turns that into a list of short
clauses, each holding one edit, and pulls out the words that are settings rather than edits
("seed 42", "strength 0.4", "4 variations") so they never end up inside an object name.

A `Words` keeps two aligned copies of the text — as typed and lowercased — so matching is done on
the lowercase copy while names that go into prompts keep the user's capitals ("Pirates hat").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from retouch.agent.planner.rules_vocab import NUMBER_WORDS, SPLIT_VERBS

MAX_CHARS = 2000
"""Longer messages are cut here: it bounds the work, and no request needs more."""
MAX_CLAUSES = 12
MAX_CLAUSE_CHARS = 240
"""One edit is a sentence; a longer run without a break is cut at a word boundary."""


def phrase_re(words: tuple[str, ...] | list[str] | frozenset[str]) -> str:
    """A regex alternation of whole words/phrases, longest first, spaces matching any spacing."""
    items = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


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
        """Collapse runs of spaces and trim; both copies have their spaces in the same places."""
        return Words(_RUNS.sub(" ", self.orig).strip(" "), _RUNS.sub(" ", self.low).strip(" "))

    def find_orig(self, low_phrase: str) -> str:
        """The user's spelling of a lowercase phrase, if it appears verbatim; else the phrase."""
        at = self.low.find(low_phrase)
        return self.orig[at:at + len(low_phrase)] if at >= 0 else low_phrase


_CONTROL = re.compile(r"[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028-\u202f\ufeff]")
_TRANSLATE = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                            "\u2014": " - ", "\u00d7": "x", "\u2026": "...", "\u00b0": " degrees ",
                            "\t": " ", "\r": "\n", "`": "'"})
_SPACES = re.compile(r"[ \u00a0]+")
_EMOJI = re.compile(r"[\U0001F000-\U0001FFFF\u2600-\u27BF]")


def clean(text: str) -> Words:
    """Unicode-normalise, drop control characters and emoji, cap the length."""
    text = unicodedata.normalize("NFKC", str(text)[:MAX_CHARS * 2])[:MAX_CHARS]
    text = _EMOJI.sub(" ", _CONTROL.sub(" ", text.translate(_TRANSLATE)))
    text = re.sub(r"\n+", " ;; ", text)
    return Words.of(_SPACES.sub(" ", text).strip())


# ---- politeness --------------------------------------------------------------------------------

_WHO = r"(?:you|u|someone|somebody|anyone|anybody|ya|y'all|one of you|you guys|you all|the community)"
_LEAD = re.compile(
    r"^(?:"
    r"(?:hi|hey|hello|hiya|yo|greetings|good (?:morning|afternoon|evening)|dear \w+)"
    r"(?:\s+(?:all|guys|everyone|there|folks|team|friends|reddit|people|photoshop\w*))?\s*[,!.:-]*\s+"
    r"|(?:so|ok|okay|alright|well|um+|uh+|and|but|now|next|first(?:ly)?|then|finally|lastly|just|"
    r"maybe|perhaps|basically|actually|honestly|yeah|yes|oh|also|secondly|thirdly|hmm+|"
    r"wait|oops|ugh|hm+)\b[,:!.]?\s+"
    r"|(?:no|nope|nah|not that one|wrong one|great|perfect|nice|cool|good|awesome|thanks|thank you|"
    r"thx|ok|okay)\s*[,!.:-]+\s*"
    r"|(?:please|pls|plz|pleaseee*|kindly)\b[,:]?\s*"
    rf"|(?:can|could|would|will|might)\s+{_WHO}(?:\s+(?:please|pls|kindly|possibly|maybe|just|quickly|"
    r"help\s+(?:me|us)?|try\s+and|try\s+to))*(?:\s+to)?\s+"
    rf"|(?:is it possible|is there (?:any )?way|would it be possible|would (?:it|that) be possible)"
    rf"(?:\s+(?:for\s+{_WHO}))?\s+to\s+"
    rf"|(?:i'?d|i would|we'?d|we would)\s+(?:really\s+|so\s+)?(?:like|love|appreciate it if)"
    rf"(?:\s+{_WHO})?(?:\s+(?:to|could|can))?\s+"
    rf"|(?:i|we)\s+(?:really\s+)?(?:want|need|wanna|wish)(?:\s+{_WHO})?\s+to\s+"
    rf"|(?:i'?m|i am|we'?re)\s+(?:looking for someone|hoping (?:someone|somebody|you)(?:\s+(?:can|could))?|"
    rf"wondering if {_WHO} (?:can|could))(?:\s+to)?\s+"
    r"|(?:let'?s|let us|we should|we need to|you should|it'?s time to|time to|try to|help me|"
    r"need to|need someone to|someone please|somebody please|(?:edit )?request:|task:|"
    r"how (?:do|can|would|should|could) (?:i|you|we|one)|go ahead and|i'?ll need you to|"
    r"mind if you|do me a favou?r and)\b[,:]?\s*"
    r")"
)
_TRAIL = re.compile(
    r"(?:[\s,.!?:;-]*\b(?:please|pls|plz|thanks?(?: you)?(?: (?:so|very) much)?(?: in advance)?(?: guys| all)?|"
    r"thx|ty|tia|cheers|for me|if possible|if you can|if you could|if (?:it'?s )?possible|if applicable|"
    r"if present|if any|asap|thank u|lol|haha|appreciated|much appreciated|in advance|you guys rock|"
    r"would be (?:great|awesome|appreciated|amazing)|that would be (?:great|awesome|amazing))\b)+[\s.!?:)(]*$"
)


def strip_politeness(words: Words) -> Words:
    words = words.strip()
    for _ in range(6):
        m = _LEAD.match(words.low)
        if not m or m.end() == 0:
            break
        words = words.slice(m.end(), len(words.low)).strip()
    m = _TRAIL.search(words.low)
    if m and m.start() > 0:
        words = words.slice(0, m.start()).strip()
    return words


_SOCIAL = re.compile(
    r"^(?:(?:hi|hey|hello|hiya|yo|greetings|good (?:morning|afternoon|evening|night)|"
    r"thanks?(?: you)?(?: (?:so|very) much)?(?: a lot)?|thx|ty|cheers|great|awesome|perfect|nice|cool|"
    r"ok(?:ay)?|got it|lol|haha|wow|amazing|love it|looks (?:great|good|amazing)|that'?s (?:great|perfect|"
    r"awesome|better|it)|good job|well done|bye|goodbye|see you|much appreciated|appreciated|"
    r"you(?:'re| are) (?:the best|awesome|amazing)|no|yes|yep|nope|sure|fine|there|all|guys|everyone|"
    r"folks|in advance|a lot|so much|man|mate|buddy|friend|team)[\s,.!:)(]*)+$")


def is_social(low: str) -> bool:
    """Greetings, thanks and acknowledgements with nothing to edit in them."""
    text = low.strip(" .!?,:;-")
    return not text or bool(_SOCIAL.match(text))


def social_kind(low: str) -> str:
    return "thanks" if re.search(r"\b(?:thank|thx|ty|cheers|appreciat|great|awesome|perfect|love|nice|"
                                 r"good|amazing|well done)", low) else "greeting"


# ---- clauses ----------------------------------------------------------------------------------

_SENTENCE = re.compile(r"(?<=[!?])\s*|;+\s*|(?<=[^\d\s.])\.+(?=\s|$)\s*")
_VERB_AHEAD = phrase_re(SPLIT_VERBS)
_CONNECT = re.compile(
    r"\s*,?\s*\b(?:and\s+then|then|after\s+that|afterwards|and\s+also|and\s+finally|finally|"
    r"lastly|plus|and\s+after\s+that|once\s+done|when\s+done)\b\s*,?\s+"
    rf"|\s*,\s*(?:and\s+|but\s+|or\s+)?(?=(?:also\s+|please\s+|then\s+|maybe\s+)?{_VERB_AHEAD}\b)"
    rf"|\s+(?:and|but|&)\s+(?=(?:also\s+|please\s+|then\s+|maybe\s+)?{_VERB_AHEAD}\b)"
    rf"|\s+also\s+(?={_VERB_AHEAD}\b)"
)


_LEADING_PLACE = re.compile(
    r"^(?:to|on|at|in|into|beneath|below|under|underneath|atop|above|behind|next\s+to|beside|near|"
    r"in\s+front\s+of|on\s+top\s+of|inside)\b")
_VERB_START = re.compile(rf"\b{_VERB_AHEAD}\b")


def _cut(words: Words, pattern: re.Pattern[str]) -> list[Words]:
    parts, start = [], 0
    for m in pattern.finditer(words.low):
        if m.end() == m.start() and m.start() in (0, len(words.low)):
            continue
        parts.append(words.slice(start, m.start()))
        start = m.end()
    parts.append(words.slice(start, len(words.low)))
    return [p for p in (p.strip() for p in parts) if p.low]


def split_clauses(words: Words) -> list[Words]:
    """Sentences, then edits inside a sentence ("remove X, then brighten" → two clauses)."""
    clauses: list[Words] = []
    for sentence in _cut(words, _SENTENCE):
        pieces = _cut(sentence, _CONNECT)
        merged: list[Words] = []
        for piece in pieces:
            if merged and _LEADING_PLACE.match(merged[-1].low) and not _VERB_START.search(merged[-1].low):
                merged[-1] = Words(merged[-1].orig + ", " + piece.orig, merged[-1].low + ", " + piece.low)
            else:
                merged.append(piece)
        clauses.extend(merged)
        if len(clauses) >= MAX_CLAUSES:
            break
    return [_bounded(c) for c in clauses[:MAX_CLAUSES]]


def _bounded(words: Words) -> Words:
    if len(words.low) <= MAX_CLAUSE_CHARS:
        return words
    cut = words.low.rfind(" ", 0, MAX_CLAUSE_CHARS)
    return words.slice(0, cut if cut > 40 else MAX_CLAUSE_CHARS).strip()


_LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+|as well as\s+|&\s+)?|\s+(?:and|as well as|&|plus)\s+")
_NOT_A_THING = re.compile(r"(?:^|\s)(?:red|orange|yellow|green|blue|purple|pink|brown|black|white|gray|"
                          r"grey|dark|light|big|small|old|young|little|tall)$")


_ASIDE = re.compile(r"^(?:he|she|they|it|who|which|that|this|the\s+one|on|in|at|with|wearing|from)\b|^\W*$")


def split_list(words: Words) -> list[Words]:
    """'the trash can, the sign and the car' → three names; 'the red and blue shirt' stays one."""
    parts = _cut(words, _LIST_SPLIT)
    merged: list[Words] = []
    for part in parts:
        if merged and (_NOT_A_THING.search(merged[-1].low) or _ASIDE.match(part.low)):
            glue = ", " if _ASIDE.match(part.low) else " and "
            joined = Words(merged[-1].orig + glue + part.orig, merged[-1].low + glue + part.low)
            merged[-1] = joined
        else:
            merged.append(part)
    return merged or [words]


# ---- numbers ------------------------------------------------------------------------------------

def number(word: str) -> float | None:
    word = word.strip().lower()
    if word in NUMBER_WORDS:
        return float(NUMBER_WORDS[word])
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
    grow: int | None = None
    shrink: int | None = None
    feather: int | None = None
    notes: list[str] = field(default_factory=list)


_NUM = r"(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a few|a couple(?: of)?|several)"
_SETTING_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("seed", re.compile(r"\b(?:with|using|use)?\s*(?:a|the)?\s*seed\s*(?:=|:|of|#|number|no\.?)?\s*(\d{1,12})\b")),
    ("new_seed", re.compile(r"\b(?:with\s+|using\s+)?(?:a\s+)?(?:another|different|new|random|other|fresh)\s+seed\b")),
    ("strength", re.compile(r"\b(?:with\s+|at\s+)?(?:a\s+)?(?:denois(?:e|ing)(?:\s+strength)?|strength)\s*"
                            r"(?:=|:|of|at|to)?\s*(\d*\.?\d+)\s*(%|percent)?")),
    ("variations", re.compile(rf"\b(?:give\s+me\s+|show\s+me\s+|make\s+|generate\s+|try\s+)?{_NUM}\s+"
                              r"(?:different\s+|more\s+)?(?:variations?|options?|versions|alternatives?|takes|"
                              r"tries|results|candidates|choices|variants?|outputs?)\b")),
    ("steps", re.compile(r"\b(?:with\s+)?(\d{1,3})\s+(?:sampling\s+|denoising\s+|inference\s+|diffusion\s+)?steps\b"
                         r"|\bsteps\s*(?:=|:|of|to)\s*(\d{1,3})\b|\bsteps\s+(\d{1,3})\b")),
    ("guidance", re.compile(r"\b(?:guidance|cfg)(?:\s*scale)?\s*(?:=|:|of|to|at)?\s*(\d+(?:\.\d+)?)")),
    ("keep_colors", re.compile(r"\b(?:keep|preserve|maintain|retain|don'?t change|do not change|same)\s+"
                               r"(?:the\s+|its\s+|their\s+)?(?:original\s+|existing\s+)?colou?r(?:s|ing)?\b")),
    ("grow", re.compile(r"\b(?:grow|expand|dilate|enlarge|widen)\s+(?:the\s+)?(?:mask|selection)\s+(?:by\s+)?"
                        r"(\d{1,3})\s*(?:px|pixels?)?")),
    ("shrink", re.compile(r"\b(?:shrink|erode|contract|tighten)\s+(?:the\s+)?(?:mask|selection)\s+(?:by\s+)?"
                          r"(\d{1,3})\s*(?:px|pixels?)?")),
    ("feather", re.compile(r"\b(?:feather|soften|blur)\s+(?:the\s+)?(?:mask|selection|edges?)\s+(?:by\s+)?"
                           r"(\d{1,3})\s*(?:px|pixels?)?")),
)


def _first_group(m: re.Match[str]) -> str:
    return next((g for g in m.groups() if g), "")


def extract_settings(words: Words, undoing: bool = False) -> tuple[Words, Settings]:
    """Pull out setting words (and blank them) so the rest reads as plain edits."""
    settings = Settings()
    for name, pattern in _SETTING_PATTERNS:
        if name == "steps" and undoing:
            continue
        for m in list(pattern.finditer(words.low)):
            value = _first_group(m)
            if name == "seed":
                settings.seed = int(value) % (2 ** 32)
            elif name == "new_seed":
                settings.new_seed = True
            elif name == "strength":
                amount = float(value)
                if m.group(2) or amount > 1:
                    amount /= 100
                settings.strength = min(1.0, max(0.0, amount))
            elif name == "variations":
                count = number(value.split()[-1]) if value else None
                if value.startswith("a few"):
                    count = 3
                elif value.startswith("a couple"):
                    count = 2
                settings.variations = int(min(16, max(1, count or 1)))
            elif name == "steps":
                settings.steps = int(min(500, max(1, int(value))))
            elif name == "guidance":
                settings.guidance = min(50.0, float(value))
            elif name == "keep_colors":
                settings.keep_colors = True
            elif name in ("grow", "shrink", "feather"):
                setattr(settings, name, int(min(256, int(value))))
            words = words.blank(m.start(), m.end())
    return words.squeeze(), settings


def inflect(verbs: tuple[str, ...]) -> tuple[str, ...]:
    """add → adds, added, adding; place → placing; put → putting."""
    forms = []
    for verb in verbs:
        head, _, tail = verb.partition(" ")
        if head.endswith("e"):
            stems = {head, head + "s", head + "d", head[:-1] + "ing"}
        else:
            stems = {head, head + "s", head + "ed", head + "ing"}
        if re.search(r"[^aeiou][aeiou][ptgn]$", head):
            stems |= {head + head[-1] + "ing", head + head[-1] + "ed"}
        forms += [f"{stem} {tail}".strip() for stem in stems]
    return tuple(forms)
