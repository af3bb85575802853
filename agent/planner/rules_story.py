"""The parts of a request that tell rather than ask: a back-story, and the things it names.

Real requests rarely start with the edit: "My friend jumped into the frame as I took this. Could someone
photoshop her out?", "I love this picture but there is a bin next to me, can anyone remove it?". The story is
no edit of its own — it is read, and accounted for as context (`is_story`) — but it names what the ask points
at: "her" is the friend, "it" is the bin (`mentions`, `with_antecedent`). A clause that is neither a story nor
an edit is not dropped quietly: the planner says it left it out and is unsure (rules.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from retouch.agent.plan import AdjustCall, EnhanceCall

from retouch.agent.planner.rules_geometry import find_format
from retouch.agent.planner.rules_lexicon import rx
from retouch.agent.planner.rules_steps import Step
from retouch.agent.planner.rules_target import name_with_place, parse_target, place_ahead, singularize
from retouch.agent.planner.rules_text import WHO, Words, strip_politeness
from retouch.agent.planner.rules_verbs import IMPERATIVE_VERBS, base_verb
from retouch.agent.planner.rules_vocab import (
    ABSTRACT_NOUNS, FUNCTION_WORDS, HEAD_BOUNDARY, IMAGE_WORDS, ING_NOUNS, MOTION_PASTS, PERSON_WORDS, PICTURE_NOUNS,
    OWN_PEOPLE, SELF_ACCOUNTS, STORY_VERBS, TIME_WORDS,
)
from retouch.agent.planner.rules_vocab import DESCRIBING_WORDS, WHO_NOUNS  # noqa: F401  (read by _PERSON_DESCRIBED; #20, second22)
from retouch.agent.planner.rules_vocab import WHO_SAID_IS  # noqa: F401  (read by _WHO_IS_WHO; #20, story27)
from retouch.agent.planner.rules_vocab import LOSS_TELLERS  # noqa: F401  (read by the _TOLD_LOSS template)
from retouch.agent.planner.rules_vocab import OTHER_APPS, SKILL_LEVELS  # noqa: F401  (read by _SKILL_TOLD; #20, story23)

_ASK_INSIDE = rx(
    r"(?:^|(?<=[\s,.;:!?]))(?:(?:{ASKING_MODALS}|is|are|does)\s+" + WHO + r"(?:\s+(?:of\s+photoshop|out\s+there|here))?"
    r"|(?:{STORY_ENDS}\s*,?\s+)?if\s+" + WHO + r"\s+{ASKING_MODALS}"
    r"|" + WHO + r"\s+(?:that|who)\s+{ASKING_MODALS}"
    r"|(?:{ASKING_MODALS}\s+|is\s+|are\s+)?" + WHO + r"\s+(?:be\s+)?(?:able|willing|kind\s+enough|around)\s+to"
    r"|(?:i|we)\s+(?:\w+\s+){0,2}?(?:need|want|would\s+like|'d\s+like)\s+(?:some\s+)?help(?:\s+(?:with|in|on))?"
    r"|(?:(?:{ASKING_MODALS}|do|does)\s+" + WHO + r"\s+)?mind(?=\s+[a-z]+ing\b)"
    r"|{IS_IT_POSSIBLE}(?:\s+for\s+" + WHO + r")?\s+to"
    r"|so(?=\s+(?:(?:{ASK_HELPERS})\s+)*(?:{SPLIT_VERBS})\s+(?:it|this|the|my|her|his|them)\b))"
    r"(?:\s+{ASK_HELPERS})*(?:\s+(?:with|in|on))?\s+(?=(?:{SPLIT_VERBS}|{REMOVE_VERBS}|[a-z]+ing)\b)")
"""The ask inside a post that opens with a story: "My dad passed away last year, *could someone* remove …",
"I shot this in Lisbon and I'm wondering *if anyone could* brighten …", "… our portraits came back, *mind* tidying them up?",
"this was shot after dusk *so* brighten it" — what is before it is dropped."""
_SALVAGE_ASKED = rx(r"(?:^|(?<=[,.;:!?]))\s*(?P<ask>(?:{ASKING_MODALS}|is|are)\s+(?:it|this|that|this\s+one|they|these)\s+"
                    r"(?:\w+\s+)?{SALVAGE_QUESTIONS}\b[^,.;:!?]*[.!?]*)\s*$")
"""'…, it is our last picture of grandpa, *could it be made better?*': a story ending in the question whether
the photo can be made better — the question is the ask (an enhance), the rest is told, unless it asks for an edit
itself (a verb or a tone word; a participle such as 'we *lost* grandpa' tells)."""
_ASKS_AN_EDIT = rx(r"\b(?:{SPLIT_VERBS}|{TONE_WORDS})\b")
_REASON = re.compile(r"\b(?:because|since|cause|cuz|so\s+that)\b")
_NO_ASK = re.compile(r"^\s*(?:me\s+|us\s+)?(?:out|with\s+(?:this|it|that))?\s*[?.!]*\s*$")
_STORY_OPENING = rx(r"^(?:{STORY_SUBJECTS})\b")
_EDIT_CONTENT = rx(r"(?<!\bthe\s)\b(?:{SPLIT_VERBS}|{REMOVED_WORDS}|{COMPLAINT_WORDS}|{TONE_WORDS})\b|\bwithout\b")
"""What makes a clause more than a story: a verb, a participle, a complaint — not a word after "the" ("I'm in *the
centre*", "by the mirror"), which names a thing."""
_PHOTO_OBJECT = r"(?:it|this|that|them|these|(?:this|the|that|my|our)\s+(?:[a-z'-]+\s+)?(?:{PICTURE_NOUNS}))"
_PURPOSE_TOLD = rx(r"^(?!.*\bbut\b)(?:(?:i|we)\s+(?:\w+\s+)?(?:want|plan|hope|would\s+like|'d\s+like|am\s+going|'m\s+going)"
                  r"\s+to\s+)?(?:{PURPOSE_VERBS}\w*\s+(?:" + _PHOTO_OBJECT + r"\b|(?:him|her|them|my|our|his|their)\b"
                  r"(?:\s+[a-z'-]+){0,2}?\s+(?:with\s+(?:it|this|that)\b|" + _PHOTO_OBJECT + r"\b))"
                  r"|giv\w*\s+(?:" + _PHOTO_OBJECT + r"\s+(?:to|as|for)\b|a\s+(?:print|copy)\b"
                  r"|(?:him|her|them|my|our|his|their)\s+(?:[a-z'-]+\s+){0,2}?" + _PHOTO_OBJECT + r"\b))")
"""What the photo is for: 'frame it for my parents', 'surprise her with this', 'give it to my aunt as a present', 'give her this
picture' — not 'give him a halo' or 'use a tool to …' (an edit left out, said), nor a clause with a 'but' in it."""
_HELP_ONLY = rx(r"^(?:{HELP_ONLY})(?:\s+(?:is|would\s+be|will\s+be|much))?$")
_TITLE = rx(r"^(?!(?:{SPLIT_VERBS}|{OUT_VERBS}|{NO_TOOL_RUN_ON_VERBS})\s|[a-z'-]+(?:en|ize|ise|ify)\s)(?:(?:a|an|my|our|one|only|last|first|this)\s+)?(?:(?!(?:the|this|that|these|those|it|me|him|her|them)\b)[\w'-]+\s+){0,3}"
            r"(?:{PICTURE_NOUNS})s?(?:\s+(?:of|for|from|with)\s+[\w' -]{1,40})?$")
"""A post's title that names the photo: 'wedding photo', 'a silly picture of my dog', 'this old photo of my gran' — no
edit in it, no 'the', nor a 'this' after its first word, before the photo and no verb-like first word ('distort the
image', 'flatten picture' are asks not understood, said so)."""
_HEADER = rx(r"^(?:[\w'-]+\s+){0,3}(?:{HEADER_WORDS})$")
"""A post's title that only says it is a request: 'editing request', 'quick photoshop help'."""
_STATEMENT = rx(r"\b(?:{STORY_VERBS}|{MOTION_PASTS})\b|\b[a-z]{3,}ed\b|'(?:s|re|m|ve|d)\b")
"""A story states something: it has a verb ("my dad *passed* away", "this *is* the only one"); a bare name ("the
old wall behind them") is no story but an ask whose verb is missing."""
_OPENER = rx(r"\b(?:{NOUN_OPENERS}|some|those|these|{SMALL_COUNTS}|\d+)\s+(?=[a-z])|\bthere(?:'s|\s+(?:is|are|was|were))\s+(?P<noun>(?=[a-z]))")
_AFTER_PLACE = rx(r"\b(?:{PLACE_PREPOSITIONS})\s+$")
_POINTER = re.compile(r"\b(?P<p>it|him|her|them)\b(?=\s*(?:$|[,.!?;]|(?:out|off|from|away|up|please|too|in|on|at|"
                      r"so|and|or|for|if|as|completely|entirely)\b))")
"""A pronoun that is the object ("photoshop *her* out"), not an owner ("remove *her* glasses")."""
_SUBJECT_POINTER = rx(r"\b(?P<p>he|she|they)(?=\s+(?:{PASSIVE_MODALS}|could|would|might|be)\s)")
"""The same in a passive ask ("… Can *he* be taken out?"): the subject is what goes."""
_AS_OBJECT = {"he": "him", "she": "her", "they": "them"}


@dataclass(frozen=True)
class Mention:
    """A thing a story named, as the user wrote it."""

    name: str
    person: bool
    said: str = ""
    """The clause that named it, as written (accounted for once the ask points back at it)."""
    plural: bool = False
    """Named as many ('those people', 'some tourists'): what 'them' points back at first."""
    place: bool = False
    """Named as where something else is ('a wasp on *the table*'): a pronoun points back at the thing first."""


_SELF_ACCOUNT = rx(r"^(?:(?:i|we)(?:'m|m|\s+am|'re|\s+are)?\s+)?(?:(?:really|so|pretty|very|quite|just|kinda|completely"
                  r"|totally|still|also)\s+)*(?:{SELF_ACCOUNTS})\b")


_SKILL_TOLD = rx(r"^(?:i|we|he|she|they|(?:my|our|the|his|her|their)\s+[\w'-]+(?:\s+[\w'-]+)?)\s*"
                r"(?:'m|'s|'re|\s+am|\s+is|\s+are|\s+was|\s+were|\s+isn't|\s+aren't|\s+wasn't|\s+(?:is|are|was)\s+not)\s+"
                r"(?:(?:not|really|so|very|pretty|quite|a|an|the|at\s+best|kind\s+of|no|any)\s+)*(?:{SKILL_LEVELS})"
                r"(?:\s+at\s+best)?\s+(?:at|with|in)\s+(?:{OTHER_APPS}|editing|photo\s+editing)\b[^,;]*$")
"""'she isn't great with photoshop', 'my cousin is a novice with Photoshop', 'I'm a beginner at best with GIMP': someone's
skill told — a story (issue 20, story23)."""
_BUT_SKILL = re.compile(r"^(?P<before>.+?),?\s+but\s+(?P<skill>.+)$")


def is_self_account(low: str) -> bool:
    """A clause about the writer's own skill or attempt ("I'm hopeless at photoshop", "tried with the clone tool"), or
    anyone's skill at editing, after a story ("my photographer is lovely, but she isn't great with photoshop"): a
    story, even though it names a tool or a quality."""
    text = low.strip(" ,.!?;:-")
    if _SELF_ACCOUNT.match(text) or _SKILL_TOLD.match(text):
        return True
    told = _BUT_SKILL.match(text) if " but " in text else None
    return bool(told) and bool(_SKILL_TOLD.match(told.group("skill"))) and is_story(told.group("before"))


_HELP_WITH = rx(r"^(?:(?:i'?m|im|we'?re|i\s+am|we\s+are)\s+)?(?:looking\s+for\s+|(?:(?:i|we)\s+)?(?:really\s+)?need\s+"
               r"|requesting\s+|asking\s+for\s+)?(?:some\s+|a\s+little\s+)?help\s+(?:with|on|for)\s+(?P<photo>.+)$")
_THIS_PHOTO = rx(r"^(?:this|the|that)\s+(?:[\w'-]+\s+){0,2}?(?:{PICTURE_NOUNS})s?$")


def is_help(low: str) -> bool:
    """A clause that asks for help without saying what ("help, please!", "any help is appreciated"), also with the
    photo named as a post's title ("looking for help with our reunion photo", "need help with this picture"): what
    the help is for comes after it, and the clause is read only when nothing else asks (rules.py)."""
    text = low.strip(" ,.!?;:-")
    helped = _HELP_WITH.match(text)
    return bool(_HELP_ONLY.match(text)) or bool(helped) and bool(
        _TITLE.match(helped.group("photo")) or _THIS_PHOTO.match(helped.group("photo")))


_TOLD_LOSS = rx(r"\b(?:{LOSS_TELLERS})\s+(?:[a-z]+\s+)?lost\b|^lost\s+(?=(?:my|our|his|her|their)\b)"
               r"|^lose\s+(?:my|our|his|her|their)\s+(?:[\w'-]+\s+){1,2}?to\s+(?!(?:the|a|an|this|that|be|left|right)\b)[a-z]")
"""'my husband *has lost* two brothers to the war', 'the negative *was lost* in a flood', '*Lost* my uncle to cancer': a loss
told (`LOSS_TELLERS` before it, or a post opening 'lost my …'), where 'lost' is no removal's participle. The opening
'Lost' reaches the handlers as 'lose' (rules_text reads a request's first verb in its base form), so 'lose my uncle to
cancer' — someone lost *to* a cause — is told too."""
_LOST_THING = re.compile(r"\b(?:was|were|been|got)\s+lost\b")
"""'the negative *was lost* in a flood': what a story says is gone is not in the photo, so no 'it' points back at it."""


def tells_a_loss(low: str) -> bool:
    """A clause that tells of a death or a loss with 'lost' and asks for nothing else: a story, never a removal
    of whoever is named in it (the removal handler declines it; `is_story` reads it)."""
    if "los" not in low:
        return False                                   # most clauses: no 'lost' / 'lose' to read (cheap)
    text = low.strip(" ,.!?;:-")
    loss = _TOLD_LOSS.search(text)
    return bool(loss) and not _EDIT_CONTENT.search(text[:loss.start()] + " " + text[loss.end():])


_PUT_IDIOM = rx(r"\bput\s+(?:[a-z'-]+\s+){1,4}?{PUT_IDIOM_ENDS}\b(?!\s+(?:on|in|at|over|onto|into|next\s+to|beside|above)"
                r"\s+(?:the|a|an|his|her|their|its)\b)")


def put_told(low: str) -> re.Match[str] | None:
    """'put the picture *up* in our hall', 'had to put our cat *down*' (`PUT_IDIOM_ENDS`): a 'put' that tells — a
    photo hung, a pet's death — and adds nothing; None for 'put a lamp up on the shelf' (a place for a new thing)."""
    return _PUT_IDIOM.search(low) if "put" in low else None


def is_story(low: str) -> bool:
    """Whether a clause only tells ("my dad passed away last year", "this is the only photo we have", "any help
    is appreciated") — no edit word, no complaint, no tone or colour in it."""
    text = low.strip(" ,.!?;:-")
    if tells_a_loss(text):
        return True                                 # "we lost our cat to kidney disease": told, nothing asked
    if _HELP_ONLY.match(text) or _HEADER.match(text):
        return True
    if _TITLE.match(text) and not _EDIT_CONTENT.search(text):
        return True                                 # "wedding photo", "a silly picture of my dog": a post's title
    if _PURPOSE_TOLD.match(text):
        return True                                 # "surprise her with it", "give it to my mum as a present"
    put = put_told(text)
    if put and not _EDIT_CONTENT.search(text[:put.start()] + " " + text[put.end():]):
        return True                                 # "we had to put our cat down last week"
    return bool(_STORY_OPENING.match(text) and _STATEMENT.search(text)) and not _EDIT_CONTENT.search(text)


_TOLD_VERBS = frozenset(STORY_VERBS) | frozenset(MOTION_PASTS)


def _noun_phrase(clause: Words, start: int) -> Words:
    """From a determiner, the words that can be a name: up to four, ending before a verb-like word ("my friend
    *jumped*"), a boundary ("a bin *next* to me"), a picture noun or punctuation."""
    end = start
    for index, m in enumerate(re.finditer(r"[a-z'-]+|[^\sa-z'-]", clause.low[start:])):
        word = m.group(0)
        if index and (not word[0].isalpha() or word in HEAD_BOUNDARY or word in FUNCTION_WORDS
                      or word in PICTURE_NOUNS or base_verb(word) or word.endswith("ed") or word in _TOLD_VERBS
                      or word.endswith("ing") and word not in ING_NOUNS) or index > 4:
            break
        end = start + m.end()
    return clause.slice(start, place_ahead(clause.low, end))     # 'a man *in the background*': with its place


_THERE_IS_THING = rx(r"\bthere(?:'s|\s+is|\s+are|\s+was|\s+were)\s+(?P<np>(?:a|an|some|this|that|these|those|the|\d+|"
                     r"{CARDINALS})\s+.+?)\s+(?:in\s+the\s+(?:background|way|shot|picture|photo|frame|back)|"
                     r"behind\s+(?:me|us|him|her|them)|next\s+to\s+(?:me|us|him|her|them))\b")
_COMPLAINED = rx(r"(?:^|[,;]\s*|\b(?:but|and)\s+)(?:(?:unfortunately|sadly|also|then|just|so|now|of\s+course)\s+)*(?P<np>(?:(?!\b(?:but|and)\b)[^,;])+?)\s+"
                 r"(?:(?:is|are|was|were|looks?|seems?|'s|'re)\s+)?(?:(?:so|really|very|a\s+bit|kind\s+of|super|quite|"
                 r"too|a\s+little)\s+)*(?:{COMPLAINT_WORDS}|(?:got|get|gets|jumped|walked|stepped)\s+in(?:to)?(?:\s+(?:the|our|my)\s+"
                 r"(?:background|shot|picture|photo|way|frame))?|(?:is|are|was|were)\s+in\s+the\s+way)\b")
"""'there's a guy in the background', 'some people got in the background', 'the bin is so distracting': a complaint
that names what should go."""


_BOMBED_BY = rx(r"\b(?:got|get|gets|getting|was|were|been|being)\s+{PHOTOBOMB_WORDS}\s+by\s+(?P<np>[^,;.!?]+)")
_BOMBED = rx(r"\b{PHOTOBOMB_WORDS}")
_PHOTOBOMBER = Words.of("the photobomber")


def _photobomber(clause: Words) -> Words | None:
    """Who a photobomb complaint means: 'got photobombed by *a waiter*'; 'my uncle photobombed us' → the uncle (left
    to the complaint patterns); 'our kiss got photobombed', 'photobomb at the beach' → the photobomber."""
    by = _BOMBED_BY.search(clause.low)
    if by:
        return clause.slice(by.start("np"), by.end("np")).strip()
    bombed = _BOMBED.search(clause.low)
    if not bombed:
        return None
    named = _COMPLAINED.search(clause.low)
    np = named.group("np") if named else ""
    target = parse_target(Words.of(np)) if np.strip() else None
    if target is not None and singularize(target.target.split()[-1])[0] in PERSON_WORDS:
        return None
    return _PHOTOBOMBER


def complained_of(clause: Words) -> Words | None:
    """The thing a complaint names — what a request that only complains and asks for help wants removed."""
    bomber = _photobomber(clause)
    if bomber is not None:
        return bomber
    for pattern in (_THERE_IS_THING, _COMPLAINED):
        m = pattern.search(clause.low)
        if m:                                          # "there's a man in the background": the man, there
            np = clause.slice(m.start("np"), place_ahead(clause.low, m.end("np"))).strip()
            first = np.low.split()[0] if np.low.split() else ""
            if base_verb(first) or _REASON.search(np.low):
                continue                               # "clean up the because it's ugly" names no thing
            target = parse_target(np)
            head = singularize(target.target.split()[-1])[0] if target is not None else ""
            if target is not None and not target.pronoun and head not in IMAGE_WORDS and head not in PICTURE_NOUNS \
                    and head not in TIME_WORDS and head not in ABSTRACT_NOUNS:
                return np                              # "the quality is awful" names no thing to take out
    return None


_LEADING_TAG = re.compile(r"^\s*\[[^\]]{1,24}\]\s*")
"""A forum tag opening a post ('[Specific] this is our only photo …'): no part of the story it opens."""


def split_story(words: Words) -> tuple[Words | None, Words]:
    """A sentence with its ask inside after a story — "my friend jumped in as I took this, *could someone*
    photoshop her out" — as (the story, the ask from its verb on); (None, the words) when there is no such ask,
    or when what comes before it is no story ("his head is cut off at the top, can you add it back" is read
    whole)."""
    words = words.strip()
    salvage = _SALVAGE_ASKED.search(words.low)
    if salvage and salvage.start("ask") > 0 and not _ASKS_AN_EDIT.search(words.low[:salvage.start("ask")]):
        return words.slice(0, salvage.start("ask")).strip(), words.slice(salvage.start("ask"), len(words.low)).strip()
    inside = [m for m in _ASK_INSIDE.finditer(words.low) if m.end() > m.start()]
    if not inside or _NO_ASK.match(words.low[inside[-1].end():]):
        return None, words                             # "… could anyone help me out?" asks for nothing named
    story = words.slice(0, inside[-1].start()).strip()
    told = _LEADING_TAG.sub("", story.low)
    if told and not is_story(told) and not is_story(strip_politeness(Words.of(told)).low):
        return None, words                             # (a doubt opening the story is manners: "no idea how much
    #                                                    hope is left, but we'd be thrilled if anyone could …")
    return story, words.slice(inside[-1].end(), len(words.low)).strip()


def mentions(clause: Words) -> list[Mention]:
    """The things a clause names, in order: 'my friend jumped into the frame' → the friend (a person)."""
    found: list[Mention] = []
    gone = _LOST_THING.search(clause.low)
    for m in _OPENER.finditer(clause.low):
        if gone and m.start() < gone.start():
            continue                                   # 'the negative was lost in a flood': not in the photo
        target = parse_target(_noun_phrase(clause, m.start("noun") if m.group("noun") is not None else m.start()))
        if target is None or target.pronoun or target.exclude:
            continue
        head = singularize(target.target.split()[-1])[0]
        if head in IMAGE_WORDS or head in PICTURE_NOUNS or head in TIME_WORDS or head in ABSTRACT_NOUNS:
            continue
        name = name_with_place(target)                 # 'a man in the background … remove him': him, there
        if found and found[-1].name == name:
            continue
        found.append(Mention(name, head in PERSON_WORDS or target.target in PERSON_WORDS, clause.orig,
                             plural=target.all or bool(target.count),
                             place=bool(_AFTER_PLACE.search(clause.low[:m.start()]))))
    return found


_BARE_NAME = re.compile(r"^(?:[a-z'-]+\s+){0,3}[a-z'-]+$")


def title_mention(clause: Words) -> Mention | None:
    """A post's title that only names many things, which 'them' in its ask points back at: 'Mountains - make them
    stand out' enhances the mountains, not the whole photo. A title of one thing ('Old barn: brighten it') is left
    alone — its 'it' is as often the photo. None for any other clause."""
    low = clause.low.strip(" .!?:;-")
    if not _BARE_NAME.match(low) or _STATEMENT.search(low):
        return None
    target = parse_target(Words.of(low))
    if target is None or target.pronoun or target.exclude or not target.all:
        return None
    head = singularize(target.target.split()[-1])[0]
    if head in PICTURE_NOUNS or head in IMAGE_WORDS or head in TIME_WORDS or head in ABSTRACT_NOUNS:
        return None
    return Mention(target.phrase or target.display or target.target, head in PERSON_WORDS, clause.orig, plural=True)


def with_antecedent(clause: Words, earlier: list[Mention]) -> tuple[Words, Mention] | None:
    """The clause with its object pronoun read as the thing the story named last — "him"/"her" a person, "it" a
    thing, "them" either — passing over the places things were named at ("a wasp on the table": the wasp, not the
    table), and that mention; None when there is no pronoun or nothing fits."""
    m = _POINTER.search(clause.low)
    subject = m is None
    m = m or _SUBJECT_POINTER.search(clause.low)
    if not m:
        return None
    pronoun = _AS_OBJECT.get(m.group("p"), m.group("p"))
    fits = [mention for mention in earlier
            if pronoun == "them" or mention.person == (pronoun in ("him", "her"))]
    if not fits and pronoun in ("him", "her"):
        fits = [Mention("person", True)]              # "photoshop him out" and no one named: the finder asks which
    if not fits:
        return None
    if pronoun == "them":                             # "… those people. Remove them": the many, before the one
        fits = [mention for mention in fits if mention.plural] or fits
    fits = [mention for mention in fits if not mention.place] or fits   # "a wasp on the table, remove it": the wasp
    chosen = fits[-1]
    if subject:                                       # "the man whose elbow hides the cake is my neighbour's friend."
        chosen = next(f for f in fits if f.said == fits[-1].said)   # Can he be taken out?": the sentence's topic
    name = Words.of(f"the {chosen.name}")
    return clause.slice(0, m.start()).join("", name).join("", clause.slice(m.end(), len(clause.low))), chosen


_PERSON_DESCRIBED = rx(r"^(?!(?:the|a|an|this|that|my|our|his|her|their|your|some|all|any|and|or|also|maybe|then)\s)"
                       r"(?:[a-z'-]+\s+)?(?:{PERSON_WORDS})\s+(?:{DESCRIBING_WORDS})\s+\S.*$")
"""'my cousin's husband (*man with the green cap*)', '… (*short lady holding a cup*)': who the person before is,
said as a person with no article of their own and what marks them out."""
_ALREADY_DESCRIBED = rx(r"\s(?:{DESCRIBING_WORDS})\s")
_ASKER_DESCRIBED = rx(r"^the\s+(?:{WHO_NOUNS})$")
"""'remove me (*the girl*)': which one the asker is."""
_ASKER = frozenset(OWN_PEOPLE) - {"i", "we", "of us"}
"""The asker said as an object ("remove *me* (the girl)"): `OWN_PEOPLE` without its subject forms."""


def describes_the_one_before(before: Words, aside: Words) -> bool:
    """Whether a list item read from an aside (brackets read as commas) only says who the person before it is: a
    person with no article and what they wear or hold ('my uncle (man with the hat)'), or 'the guy' after 'me' — the
    same one, never a second person to remove — when the aside is closed (a comma or the end after it) and the one
    before is not described already ('the bald man with glasses, lady in red and …' is a list). An item with its own article ('the man on the left, the woman in red')
    stays a list, as does a description after a thing ('the dog (guy with the leash)')."""
    if before.low.strip() in _ASKER:
        return bool(_ASKER_DESCRIBED.match(aside.low.strip()))
    if not _PERSON_DESCRIBED.match(aside.low.strip()):
        return False
    if _ALREADY_DESCRIBED.search(before.low):
        return False                                   # 'the bald man with glasses, lady in the red coat': a list
    named = parse_target(before)
    return named is not None and not named.pronoun and singularize(named.target.split()[-1])[0] in PERSON_WORDS


_WHO_IS_WHO = rx(r"^(?:(?:and|but|also)\s+)?(?:{WHO_SAID_IS})\s+(?P<one>(?:the|a)\s+(?:[a-z'-]+\s+){0,2}?(?:{WHO_NOUNS})\s+"
                 r"(?:{DESCRIBING_WORDS}|on|at|by|near|beside|next\s+to|behind)\s+[^,;]*?[a-z0-9])[\s.!?]*$")
"""'she's the one with the striped scarf', 'I'm the short man in the green hoodie', 'he's the kid on the left': someone
said to be one of the people seen, by what marks them out."""
_WHO_OPENING = rx(r"^(?:(?:and|but|also)\s+)?(?:{WHO_SAID_IS})\s")
_NEXT_WHO = rx(r"(?:\s*[,;]\s*|\s+)(?:(?:and|but|also)\s+)?(?=(?:{WHO_SAID_IS})\s+(?:the|a)\s)")


def who_is_who(clause: Words) -> list[Words] | None:
    """The people a clause says who is who of ('she's the one with the striped scarf and I'm the man by the door'
    → 'the one with the striped scarf', 'the man by the door'), each as a name the finder can look for; None when
    the clause says anything else. Told after a keep-only, they are whom it keeps (`rules_keep_only`); anywhere, they
    are no edit — the colour of a coat that marks someone out is never a recolour (rules.py reads them as told)."""
    low = clause.low
    if not _WHO_OPENING.match(low):
        return None                                # most clauses: no one said to be someone (cheap)
    joins = [m for m in _NEXT_WHO.finditer(low) if m.start() > 0]
    starts = [0, *(m.end() for m in joins)]
    ends = [*(m.start() for m in joins), len(low)]
    ones: list[Words] = []
    for start, end in zip(starts, ends):
        piece = clause.slice(start, end)
        m = _WHO_IS_WHO.match(piece.low)
        if m is None:
            return None
        one = piece.slice(m.start("one"), m.end("one")).strip()
        if one.low.startswith("a "):               # 'I'm a guy in a cap': the one seen, named as found
            one = Words.of("the ").join("", one.slice(2, len(one.low)))
        ones.append(one)
    return ones or None


_PURPOSE_TAIL = rx(r"(?:^|,?\s+)so\s+(?:that\s+)?(?:i|we|he|she|they|you|(?:my|our|his|her|their)\s+[a-z'-]+)\s+"
                   r"(?:can|could|will|would|may|might|(?:am|is|are)\s+able\s+to)\s+(?:(?:{PURPOSE_VERBS})\w*"
                   r"(?:\s+(?:and|or|&)\s+(?:{PURPOSE_VERBS})\w*)?)(?P<rest>(?:\s+[^,;]*)?)[\s.!?]*$")
"""'… so we can print it for the reunion', '… so my aunt could hang it in her hall', '… so I can send this snap of my
nan and me to my uncle': what the photo is for, said after the edit."""
_LOOK_SAID = rx(r"\b(?:{TONE_COMPARATIVES}|{COLOR_COMPARATIVES})\b")
"""'… so I can print it *brighter*': a look asked in the purpose."""


_TELLER_AFTER_A_COMMA = re.compile(r",\s*(?:(?:and|but|because|since|as)\s+)?(?:my|our|his|her|their)\s")


def without_told_tail(clause: Words) -> tuple[Words, Words | None]:
    """The clause without what is told after its edit, and that tail (None when there is none): a purpose ('remove the
    price tag so I can send this snap of my nan and me to my uncle') or an afterthought about the thing ('remove the
    magnet on the fridge, my daughter stuck it there') — the people and things in it are none to edit, and 'hang it in
    the hall' adds nothing. Whole when the purpose asks for something ('… so we could use it as our lock screen' names
    a format the canvas reads; '… so I can print it brighter' a look). A clause that is only a purpose is all tail."""
    low = clause.low
    if _TELLER_AFTER_A_COMMA.search(low):
        for comma in re.finditer(r",\s*", low):
            if comma.start() > 0 and tells_of_it(low[comma.end():]):
                return clause.slice(0, comma.start()).strip(), clause.slice(comma.end(), len(low)).strip()
    if " so " not in f" {low} ":
        return clause, None                             # most clauses: no 'so' (cheap)
    m = _PURPOSE_TAIL.search(low)
    rest = m.group("rest") if m else ""
    if m is None or _EDIT_CONTENT.search(rest) or _LOOK_SAID.search(rest) or find_format(rest):
        return clause, None
    told = clause.slice(m.start(), len(low)).strip()
    return clause.slice(0, m.start()).strip(), told.slice(1, len(told.low)).strip() if told.low.startswith(",") else told


_TOLD_OF_IT = rx(r"^(?:(?:and|but|because|since|as)\s+)?(?:my|our|his|her|their)\s+(?:[a-z'-]+\s+)?(?:{PERSON_WORDS})\s+"
                 r"(?:(?:just|already|once|always|really|still)\s+)?(?P<verb>{STORY_VERBS}|{MOTION_PASTS}|put|puts|[a-z]+ed|"
                 r"[a-z]{3,}s)\s+(?:it|them|this|that|these|those)\b(?P<rest>[^,;]*)$")
"""'my daughter stuck it there', 'my dad bought it last week', 'my boss hates them': someone close to the asker
said to have done something with the thing just named — an afterthought about it."""


def tells_of_it(low: str) -> bool:
    """A clause told after an edit about what it edits ('remove the magnet on the fridge, *my daughter put it up
    there*'): no second removal of the daughter nor a thing added 'there' — unless it asks for a look or a removal
    itself ('my mum wants it brighter', '… wants them gone')."""
    m = _TOLD_OF_IT.match(low.strip(" ,.!?;:-"))
    return bool(m) and not _EDIT_CONTENT.search(m.group("rest")) and not _LOOK_SAID.search(m.group("rest"))


_TELLER_ENDS = rx(r",\s*(?P<teller>(?:my|our|his|her|their)\s+(?:[a-z'-]+\s+)?(?:{PERSON_WORDS}))$")
"""'remove the magnet on the fridge*, my daughter*': who an afterthought is about, cut from its verb by the clause splitter
('put' opens a command too)."""


def with_afterthoughts_whole(clauses: list[Words]) -> list[Words]:
    """The clauses with an afterthought the splitter cut at its verb made whole again: 'remove the magnet on the fridge,
    my daughter' + 'put it up there' → one clause, whose told tail (`without_told_tail`) is then read as told."""
    whole: list[Words] = []
    for clause in clauses:
        last = whole[-1].low.rsplit(None, 1)[-1] if whole and "," in whole[-1].low else ""
        teller = _TELLER_ENDS.search(whole[-1].low) if last in PERSON_WORDS else None
        if teller and tells_of_it(f"{teller.group('teller')} {clause.low}"):
            whole[-1] = whole[-1].join(" ", clause)
            continue
        whole.append(clause)
    return whole


_BLUR_SAID = rx(r"\b(?:{BLUR_WORDS}|blur)\b")
_COMMAND_FIRST = rx(r"^(?:{IMPERATIVE_VERBS})\b")
_TOLD_PARTS = re.compile(r"[,;]|\b(?:but|because|since|due\s+to)\b")
"""Where a told part of a clause starts ('draw this for my dad*, but* I struggle with the blur')."""


def tells_of_blur(low: str) -> bool:
    """A clause that tells of blur rather than asking for it ('he came out all blurry', 'the camera made him a blur',
    'paint this, but I struggle because of the blur'): a blur word in a part that opens with no command and states
    something (`_STATEMENT`, there or in the part before) — the reason for a fix asked beside it, never a soften of its
    own. 'blur the rest', 'make it less blurry', 'Less blurry?' and 'unblur this' ask (the labels keep those beside a
    fix)."""
    if not _BLUR_SAID.search(low):
        return False                                    # most clauses: no blur word (cheap)
    parts = _TOLD_PARTS.split(low)
    return any(_BLUR_SAID.search(part) and not _COMMAND_FIRST.match(part.strip(" ,.!?;:-"))
               and _STATEMENT.search(" ".join(parts[max(index - 1, 0):index + 1]))
               for index, part in enumerate(parts))


def _sharpness_only(step: Step) -> bool:
    """A whole-photo sharpen or soften and nothing else."""
    return step.action == "adjust" and len(step.calls) == 1 and isinstance(step.calls[0], AdjustCall) \
        and not step.calls[0].args.masked and bool(step.calls[0].args.sharpness) \
        and not any(value for name, value in step.calls[0].args.model_dump().items() if name not in ("sharpness", "masked"))


def _measured_fix(step: Step) -> bool:
    """An enhance of the whole photo that measures its blur ('fix this', 'tidy it up', 'make it clearer')."""
    return step.action == "enhance" and len(step.calls) == 1 and isinstance(step.calls[0], EnhanceCall) \
        and not step.calls[0].args.masked and (step.calls[0].args.parts is None or "sharpen" in step.calls[0].args.parts)


def blur_told_once(steps: list[Step], told: set[int]) -> list[Step]:
    """'he came out all blurry, can anyone fix this?', 'make this photo clearer? … but it's so blurry': the blur told
    (steps whose ids are in `told`, read from clauses that `tells_of_blur`) is why the fix is asked — one edit, the
    measured enhance, which sharpens by what it measures; a sharpen (or a soften, 'a blur' read as wished) beside it
    goes. Told blur with no fix asked keeps its step."""
    if not told or not any(_measured_fix(step) for step in steps):
        return steps
    return [step for step in steps if not (id(step) in told and _sharpness_only(step))]


_JUNK_LEAD = re.compile(r"^\s*(?P<lead>[A-Z]{3,}|[A-Z][a-z]+)[.:!-]*\s+(?=[A-Z][a-z])")
"""'SKIPPED All that's needed is to warm it', 'Oops Brighten the lake': one capitalised word before a sentence that opens
with a capital of its own — a leftover of a title or a note to the reader, no part of the wish."""


def without_junk_lead(text: str, asked_nothing: bool) -> str | None:
    """The words after a capitalised lead word that starts a sentence of its own (`_JUNK_LEAD`), for a second reading:
    a shouted word that is no edit verb ('SKIPPED', 'UPDATE') always, a capitalised one only when the whole asked nothing
    (it may be a name: 'Maya Needs a brighter face'); None when there is no such lead."""
    m = _JUNK_LEAD.match(text)
    if m is None:
        return None
    lead = m.group("lead")
    shouted = lead.isupper() and lead.lower() not in _VERB_WORDS
    return text[m.end():] if shouted or asked_nothing else None


_VERB_WORDS = frozenset(verb.split()[0] for verb in IMPERATIVE_VERBS)
