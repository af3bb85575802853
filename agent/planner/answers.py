"""Reading the reply to "which one?": "the left one", "both", "the second", "the bigger one", "never mind".

When the words name one thing and several match, `select` asks (tools/ambiguity.py) and the chat takes the next
line as the answer (`Agent.answer`). Turning that line into canonical values — the places named, a size, an
order, a count, "all", or "cancel" — is reading words, so it lives here with the planner's vocabulary
(`rules_vocab`, the "answers" section); the tool (`tools.ambiguity.choose`) takes those values, checks that they
tell the things apart and gives the select qualifiers. A line that is no answer at all (a new request, noise) is
None, and the agent plans it as a request.
"""

from __future__ import annotations

import re

from retouch.agent.planner.rules_vocab import (
    ANSWER_ALL, ANSWER_CANCEL, ANSWER_FILLERS, ANSWER_LAST, ANSWER_NO, ANSWER_NUMBERED, ANSWER_SIDES, ANSWER_SIZES,
    ANSWER_YES, ANSWER_YES_NO_FILLERS, ANSWER_YES_NO_LEADS, CARDINALS, ORDINAL_WORDS,
)
from retouch.tools.ambiguity import Answer, choose, repeat_question
from retouch.tools.errors import AmbiguousTarget
from retouch.tools.leftovers import LeftoverQuestion
from retouch.tools.spatial import plural

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_NTH = re.compile(r"\d{1,3}(?:st|nd|rd|th)")


def read_answer(text: str, question: AmbiguousTarget, request: str = "") -> Answer | None:
    """The choice `text` makes, or None when it is no answer at all (a new request, or noise).

    Words of the original request may be repeated ("remove the left one"). An answer that names something the
    things don't differ in, or more than there are, is a RetouchError that repeats the question."""
    if isinstance(question, LeftoverQuestion):
        return _read_yes_no(text, question, request)
    words = _WORD.findall(str(text).lower())
    if not words:
        return None
    known = set(ANSWER_FILLERS) | set(_WORD.findall(request.lower())) | _label_words(question.label)
    meaningful = [w for w in words if w not in known]
    if meaningful and all(w in ANSWER_CANCEL for w in meaningful):
        return Answer(cancel=True, said="nothing")
    sides: list[str] = []
    size = ordinal = count = None
    all_ = False
    for index, word in enumerate(words):
        if word in ANSWER_ALL:
            all_ = True
        elif word in ANSWER_SIDES:
            sides.append(ANSWER_SIDES[word])
        elif word in ANSWER_SIZES:
            size = ANSWER_SIZES[word]
        elif word in ORDINAL_WORDS or _NTH.fullmatch(word):
            ordinal = ORDINAL_WORDS.get(word) or int(re.sub(r"\D", "", word))
        elif word in ANSWER_LAST:
            ordinal = -1
        elif word.isdigit():
            number = int(word)
            if index > 0 and words[index - 1] in ANSWER_NUMBERED or len(words) == 1:
                ordinal = number
            else:
                count = number
        elif word in CARDINALS and CARDINALS[word] >= 2:
            count = CARDINALS[word]
        elif word not in known and word not in ANSWER_CANCEL:
            return None                                # a word that is no part of an answer: something else
    if not (sides or size or ordinal or count or all_):
        return None
    n = len(question.candidates)
    if "both" in words and n != 2 and not set(ANSWER_ALL).intersection(words) - {"both"}:
        raise repeat_question(question, f"there are {n}, not two")
    return choose(question, sides=sides, size=size, ordinal=ordinal, count=count, all=all_)


def _label_words(label: str) -> set[str]:
    words = set(label.lower().split())
    return words | set(plural(label.lower(), 2).split())


def _read_yes_no(text: str, question: LeftoverQuestion, request: str) -> Answer | None:
    """A reply to "I also see … — remove that too?": yes, no ("just the dog"), never mind — or None
    when the line is something new to do. Words of the question and the request may be repeated."""
    tokens = re.findall(r"[a-z]+", str(text).lower().replace("n't", " not"))
    words = set(tokens)
    known = (set(ANSWER_YES) | set(ANSWER_NO) | set(ANSWER_CANCEL) | set(ANSWER_YES_NO_FILLERS)
             | set(re.findall(r"[a-z]+", f"{question.question} {request}".lower())))
    if not tokens or (words - known and tokens[0] not in ANSWER_YES_NO_LEADS):
        return None
    # To "which one?" a "no" or "none" cancels; to "remove that too?" it leaves the parts, so only the
    # cancel words that can't mean "no" cancel here.
    if words & (set(ANSWER_CANCEL) - set(ANSWER_NO) - {"never", "mind", "nothing", "none", "neither"}) \
            or {"never", "mind"} <= words:
        return question.decide(None)
    if words & set(ANSWER_NO):
        return question.decide(False)
    if words & set(ANSWER_YES):
        return question.decide(True)
    return None
