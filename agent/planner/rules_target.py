"""Naming things: a noun phrase → what `select` needs (target, phrase, position, order, size, count).

"the kid with the Pirates hat in the top left" → target "kid", phrase "kid with the Pirates hat",
position "top-left". The head noun goes to `target` in the singular ("people" → "person"), the
whole descriptive phrase goes to `phrase` for the detector, and where-words ("on the left",
"second from the right", "in the background", "the biggest") become select's qualifiers.

Explicit regions ("the left half", "box 20,20,100,100") live in `rules_region`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from retouch.agent.plan import SelectArgs
from retouch.agent.planner.rules_text import Words
from retouch.agent.planner.rules_vocab import (
    BODY_PARTS, COLORS, COMPOUND_NOUNS, IRREGULAR_PLURALS, NUMBER_WORDS,
    ORDINAL_WORDS, PLURAL_ONLY, PRONOUNS, QUANTITY_NOUNS, TARGET_SYNONYMS, UNCOUNTED,
)

_IMG = r"(?:image|photo|picture|frame|pic|shot|photograph|screen|img)"
_ORD = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|\d{1,2}(?:st|nd|rd|th))"

SCAFFOLD = re.compile(
    rf"\b(?:from|off|out of|in|on|of|within|inside|into)\s+(?:the|this|my|our|that|your|an?)\s+"
    rf"(?:whole\s+|entire\s+|original\s+|attached\s+|above\s+|following\s+)?(?:{_IMG}|scene|graphic|"
    rf"composition|view|screenshot|selfie|snapshot|images|photos|pictures|visual)s?\b(?:'s\s+\w+)?"
    r"|\b(?:from|out of|off)\s+(?:it|this|here|there|that|view)\b|\bout\s*$|\bfrom\s+the\s+graphic\b"
    r"|\bif (?:present|applicable|any|possible|there is one|visible|there are any)\b"
    r"|\b(?:that|which|who)\s+(?:may|might|could|can)\s+be(?:\s+(?:present|visible|there|seen))?"
    r"|\b(?:depicted|visible|present|featured|shown|appearing)\b"
    r"|\b(?:all|any)?\s*(?:traces|trace|instances|instance|signs|remnants|remains|evidence|elements)\s+of\b"
    r"|\bthe (?:presence|essence|existence) of\b|\bfrom view\b|\bplease\b|\bas well\b|\btoo\b|\balso\b"
)

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


def normalise_noun(word: str) -> tuple[str, bool]:
    single, plural = singularize(word)
    return TARGET_SYNONYMS.get(single, single), plural


# ---- where-words ------------------------------------------------------------------------------

_P_ORD_SIDE = re.compile(
    rf"\b(?:the\s+)?(?P<ord>{_ORD})\s+(?P<noun>(?:[a-z'-]+\s+){{0,3}}?)(?:one\s+)?(?P<rel>from|on|at|to|in|"
    r"counting from)\s+(?:the\s+)?(?P<side>left|right|top|bottom)\b(?:\s+(?:side|end))?")
_P_ORD = re.compile(rf"\bthe\s+(?P<ord>{_ORD})\s+(?=[a-z])(?!time\b|thing\b)")
_P_CORNER = re.compile(
    rf"\b(?:(?:in|at|on|from|near|to|towards?)\s+)?(?:the\s+)?(?:very\s+|far\s+)?(?P<v>top|upper|bottom|lower)"
    rf"[\s-]*(?P<h>left|right)(?:[\s-]*(?:hand\s+)?(?:corner|side|part|area|section|quadrant|edge))?"
    rf"(?:\s+(?:of|in)\s+(?:the\s+)?{_IMG})?\b"
    rf"|\b(?:(?:in|at|on)\s+)?(?:the\s+)?(?P<h2>left|right)[\s-]+(?P<v2>top|bottom|upper|lower)\s+corner\b")
_P_SIDE = re.compile(
    r"\b(?:on|to|at|in|from|towards?|near|over)\s+(?:the\s+)?(?:very\s+|far\s+|extreme\s+)?(?P<s>left|right)"
    rf"(?:[\s-]*(?:hand\s+)?(?:side|edge|part|end|half))?(?:\s+(?:side\s+)?of\s+(?:the\s+)?(?:{_IMG}|group))?\b"
    r"(?!\s+of\b)")
_P_TOPBOTTOM = re.compile(
    r"\b(?:on|at|in|near|along|across|from|towards?)\s+(?:the\s+)?(?:very\s+)?(?P<s>top|bottom)"
    rf"(?:\s+(?:edge|part|half|side|area|section))?(?:\s+of\s+(?:the\s+)?{_IMG})?\b(?!\s+of\b)")
_P_CENTER = re.compile(
    r"\b(?:in|at|on)\s+(?:the\s+)?(?:very\s+|dead\s+)?(?:center|centre|middle)"
    rf"(?:\s+of\s+(?:the\s+)?(?:{_IMG}|group))?\b(?!\s+of\b)")
_P_EXTREME = re.compile(
    r"\b(?:the\s+)?(?:(?P<left>left-?most|furthest\s+left|far[- ]left)|(?P<right>right-?most|furthest\s+right|"
    r"far[- ]right)|(?P<top>top-?most|upper-?most|highest)|(?P<bottom>bottom-?most|lower-?most|lowest)|"
    r"(?P<center>middle-?most|central))\b")
_P_BACK = re.compile(
    r"\b(?:in|at|into|towards?)\s+(?:the\s+)?(?:far\s+|very\s+)?(?:background|back\s*ground|back|distance|"
    r"backdrop|rear)\b(?!\s+of\b)|\bbackground\s+(?=[a-z])(?!of\b|to\b|and\b|with\b)|\bfar away\b"
    r"|\bin the back of\b")
_P_FRONT = re.compile(
    r"\b(?:in|at)\s+(?:the\s+)?(?:foreground|front)\b(?!\s+of\b)|\bforeground\s+(?=[a-z])(?!of\b|to\b)"
    r"|\bup front\b|\bclosest to (?:the )?camera\b|\bnearest (?:to )?(?:the )?camera\b")
_P_BEHIND = re.compile(r"\bbehind\s+(?:me|us|him|her|them|the\s+\w+|my\s+\w+|[a-z]+)\b")
_P_ADJ_SIDE = re.compile(r"\b(?P<s>left|right|middle|center|centre)\s+(?=(?P<n>[a-z'-]+))")
_P_SIZE = re.compile(
    r"\b(?:the\s+)?(?:(?P<large>largest|biggest|tallest|big(?=\s+ones?\b)|larger(?=\s+ones?\b)|"
    r"bigger(?=\s+ones?\b)|huge(?=\s+ones?\b))|(?P<small>smallest|tiniest|shortest|small(?=\s+ones?\b)|"
    r"smaller(?=\s+ones?\b)|tiny(?=\s+ones?\b)))\b")
_P_EVERYONE = re.compile(r"\b(?:everyone|everybody|every one|every person|all (?:of )?the (?:people|persons)|"
                         r"all people|anyone|anybody)\b")
_P_ALL = re.compile(r"\b(?:all|every|each|any)\s+(?:(?:single\s+)?(?:one\s+)?of\s+)?(?:the\s+|those\s+|these\s+|"
                    r"my\s+|his\s+|her\s+|their\s+|its\s+)?|\b(?:them|those|these)?\s*all\s*$")
_COUNT_WORDS = r"(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2}|both(?:\s+of)?|couple\s+of|pair\s+of)"
_P_COUNT = re.compile(rf"\b(?:the\s+|those\s+|these\s+|all\s+)?(?P<n>{_COUNT_WORDS})\s+(?:the\s+)?(?=[a-z])")
_P_EXCLUDE = re.compile(
    r"^(?P<pre>.*?)\b(?P<all>everything|anything|all|the rest|whatever)\s+(?:else\s+)?"
    r"(?:except(?:\s+for)?|but|other than|apart from|besides|save for|aside from|excluding|outside(?:\s+of)?)\s+")
_P_EXCLUDE_TAIL = re.compile(r"\s+(?:and|but)\s+keep\s+.*$|\bexcept(?:\s+for)?\s+(?P<x>.+)$")
_DETERMINERS = re.compile(
    r"^(?:(?:the|a|an|this|that|these|those|my|our|your|his|her|their|its|some|any|all|every|each|of|certain|"
    r"said|such|one of the|some of the|both)\s+)+")
_PRONOUN_TAIL = re.compile(
    r"\s*,?\s*\b(?:he|she|they|it|who|which|that|this)(?:'s|'re|\s+is|\s+are|\s+was|\s+were)?"
    r"(?:\s+(?:the|a)\s+(?:one|ones|guy|girl|man|woman|person|kid|lady|dude))?\s*,?\s*$")
_BOUNDARY = frozenset({
    "with", "in", "on", "wearing", "holding", "carrying", "who", "that", "which", "near", "next", "by",
    "behind", "under", "beside", "at", "from", "of", "sitting", "standing", "walking", "riding",
    "looking", "having", "has", "without", "dressed", "covered", "like", "to", "into", "onto", "over",
    "above", "below", "for", "between", "among", "around", "against", "along", "across", "inside",
    "outside", "whose", "where", "while", "whom", "in front", "leaning", "lying", "laying", "eating",
    "drinking", "playing", "using", "through", "via", "thru", "is", "are", "was", "were", "being", "should", "must", "shall",
    "needs", "ought", "has", "had", "could", "would", "does", "did", "caused", "located", "placed", "seen",
    "taken", "made", "parked", "cast", "casting",
})
_ING_NOUNS = frozenset({
    "ceiling", "building", "painting", "clothing", "earring", "ring", "king", "wing", "string", "thing",
    "something", "sling", "swing", "spring", "railing", "icing", "stuffing", "pudding", "wedding", "evening",
    "morning", "awning", "siding", "drawing", "sibling", "darling", "dumpling", "duckling", "seedling", "sapling",
    "lightning", "lighting", "bedding", "carving", "sting", "wiring", "parking", "packaging", "crossing",
    "landing", "marking", "markings", "opening", "frosting", "topping", "everything", "anything", "nothing",
    "railing", "shading", "stocking", "stockings", "piping", "herring", "pudding", "bling", "viking", "ping",
})
_PART_NOUNS = frozenset({"surface", "top", "side", "edge", "front", "back", "corner", "middle", "center",
                         "inside", "bottom", "tip", "end", "area"})
_NOT_HEAD = frozenset(COLORS) | {"little", "big", "small", "old", "young", "tall", "short", "large",
                                  "tiny", "huge", "fat", "thin", "weird", "ugly", "random", "annoying",
                                  "other", "same", "whole", "entire", "new", "extra", "unwanted"}

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
        if noun.lower() in ("me", "him", "her", "them", "us", "you", "myself", "everyone", "everybody"):
            return " ".join([noun] + ([self.where or _POSITION_TEXT[self.position]] if self.position else []))
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
        return " ".join(words)


def describe_args(args: SelectArgs) -> str:
    return Target(target=args.target, display=args.phrase or args.target, position=args.position,
                  ordinal=args.ordinal, size=args.size, count=args.count, all=args.all,
                  exclude=args.exclude).describe()


def _ordinal(word: str) -> int:
    return ORDINAL_WORDS.get(word) or int(re.sub(r"\D", "", word) or 1)


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
            v, h = m.group("v") or m.group("v2"), m.group("h") or m.group("h2")
            found["position"] = ("top" if v in ("top", "upper") else "bottom") + "-" + h
        elif pattern in (_P_SIDE, _P_TOPBOTTOM):
            found["position"] = m.group("s")
        elif pattern is _P_CENTER:
            found["position"] = "center"
        elif pattern is _P_EXTREME:
            found["position"] = next(k for k, v in m.groupdict().items() if v)
        else:
            found["position"] = {_P_BACK: "background", _P_FRONT: "foreground", _P_BEHIND: "behind"}[pattern]
        text = " ".join(m.group(0).split())
        if re.match(r"(?:in|on|at|to|from|near|behind|towards?|over|along|across|up|closest|nearest|far)\b", text):
            found["where"] = text
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


def parse_target(words: Words, source: Words | None = None) -> Target | None:
    """A noun phrase → Target; None when no thing is named at all."""
    source = source or words
    words = words.blank(0, 0)
    exclude = False
    m = _P_EXCLUDE.search(words.low)
    if m:
        exclude = True
        words = words.slice(m.end(), len(words.low))
    else:
        m = _P_EXCLUDE_TAIL.search(words.low)
        if m and m.group("x") and re.search(r"\b(?:everything|anything|all)\b", words.low[:m.start()]):
            exclude = True
            words = words.slice(m.start("x"), len(words.low))
    for sm in list(SCAFFOLD.finditer(words.low)):
        words = words.blank(sm.start(), sm.end())
    words = words.squeeze()
    words, where = extract_where(words)
    everyone = _P_EVERYONE.search(words.low)
    all_ = bool(everyone)
    if everyone:
        words = words.blank(everyone.start(), everyone.end())
    count = None
    m = _P_COUNT.search(words.low)
    if m:
        token = m.group("n").split()[0]
        count = 2 if token in ("both", "couple", "pair") else int(NUMBER_WORDS.get(token) or int(token))
        count = count if 2 <= count <= 100 else None
        words = words.blank(m.start(), m.end())
    m = _P_ALL.search(words.low)
    if m and not count:
        all_ = True
        words = words.blank(m.start(), m.end())
    words = words.squeeze()
    words = _cut_tail(words)
    words = words.squeeze().strip()
    m = _DETERMINERS.match(words.low)
    if m:
        words = words.slice(m.end(), len(words.low))
    words = words.strip()
    tokens = words.low.split()
    if not tokens:
        if everyone:
            return Target("person", "people", all=True, exclude=exclude, **where)  # type: ignore[arg-type]
        if where:
            return Target("object", "one", **where)  # type: ignore[arg-type]
        return None
    head_at = _head_index(tokens)
    head = tokens[head_at].strip(".,;:!?\"'()[]").removesuffix("'s").removesuffix("'")
    if head_at > 0:
        pair = (tokens[head_at - 1] + " " + head).strip(".,")
        if pair in COMPOUND_NOUNS or pair.rsplit(" ", 1)[0] + " " + singularize(head)[0] in COMPOUND_NOUNS:
            head = pair
    if not head.split():
        return None
    last = head.split()[-1]
    single, plural = normalise_noun(last)
    if " " in head:
        single = head.rsplit(" ", 1)[0] + " " + singularize(last)[0]
    pronoun = head in PRONOUNS and head_at == 0 and len(tokens) <= 2
    if everyone and head in PRONOUNS:
        single, pronoun = "person", False
    if head in ("one", "ones"):
        single, pronoun, plural = "object", False, head == "ones"
    if not single or not re.search(r"[a-z0-9]", single):
        return None
    display = source.find_orig(words.low) if words.low else single
    phrase = display if len(tokens) > 1 and not pronoun else None
    if phrase and phrase.lower() in (single, head):
        phrase = None
    return Target(
        target=single[:200], display=display[:200], phrase=phrase, count=count,
        all=all_ or (plural and not count and (single not in ("object",) or head == "ones")),
        exclude=exclude, pronoun=pronoun, **where)  # type: ignore[arg-type]


def _cut_tail(words: Words) -> Words:
    m = _PRONOUN_TAIL.search(words.low)
    while m and m.start() > 0:
        words = words.slice(0, m.start())
        m = _PRONOUN_TAIL.search(words.low)
    return words


def _head_index(tokens: list[str]) -> int:
    """The head noun: the last word before the first attribute word ("man" in "man in blue")."""
    end = len(tokens)
    for i, token in enumerate(tokens):
        token = re.sub(r"'(?:s|re|ll|d)$", "", token)
        if i > 0 and (token in _BOUNDARY or (token.endswith("ing") and len(token) > 5 and token not in _ING_NOUNS)):
            if token == "of" and tokens[i - 1] in QUANTITY_NOUNS and i + 1 < len(tokens):
                rest = _head_index([t for t in tokens[i + 1:] if t not in ("the", "a", "an")])
                return i + 1 + rest + (1 if tokens[i + 1] in ("the", "a", "an") else 0)
            end = i
            break
    head = end - 1
    while head > 0 and tokens[head].strip(".,") in _NOT_HEAD:
        head -= 1
    if head > 0 and tokens[head] in _PART_NOUNS and tokens[head - 1].endswith(("'s", "s'")):
        head -= 1                                      # "the table's surface" is the table
    return max(0, head)


# ---- the name of a new thing (for prompts) -------------------------------------------------------

_NEW_TAIL = re.compile(
    r"\s+to\s+(?!the\b|a\b|an\b)[a-z]+\b.*$|\s+(?:comfortably|gracefully|gently|delicately|carefully|nicely|"
    r"somewhere|please|as well|too|here|there)\b.*$")

def name_new_thing(words: Words) -> str:
    """'my dog to frolic in the grass' → 'a dog': the thing to generate, as the user named it."""
    low = SCAFFOLD.sub(" ", words.low)
    low = _NEW_TAIL.sub("", low).strip(" ,.!?\"'")
    owned = re.match(r"(?:my|our|his|her|their|your)\s+", low)
    low = re.sub(r"^(?:the|some|my|our|his|her|their|your)\s+", "", low)
    if not low:
        return ""
    text = words.find_orig(low)
    if owned and not singularize(low.split()[-1])[1]:
        text = ("an " if low[0] in "aeiou" else "a ") + text      # "add my dog" → "a dog"
    return text
