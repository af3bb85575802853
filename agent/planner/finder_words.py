"""The planner's words → what a finder is asked for: a canonical label where the finder knows only labels.

A plan names things the way people do ("the little girl", "my ex's shoes", "her left hand"). The tools take
canonical values (docs/DESIGN.md): a finder that knows only people and body parts (the embedded one) is asked
for "person" or "foot", and an open-vocabulary one still reads the words, which travel as the phrase. Turning
the words into those values is the planner's vocabulary's job (`rules_vocab.PERSON_WORDS`, `PART_LABELS`),
done here once, at the moment the executor asks a finder — the plan and its journal keep the user's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from retouch.agent.planner.rules_target import singularize
from retouch.agent.planner.rules_vocab import IRREGULAR_PLURALS, OWN_SIDE_PARTS, PART_LABELS, PERSON_WORDS

_WORD = re.compile(r"[a-z][a-z'-]*")
_SIDE = re.compile(r"\b(left|right)\b")
TEXT_LABEL = "text"
_WRITTEN_MARKS = frozenset({"name", "username", "date", "time", "number"})
"""What is only ever written on a picture — a screenshot's name and time, a date in the corner, a runner's number:
no detector finds a 'time', every one finds the text it is written in (people24)."""


@dataclass(frozen=True)
class FinderQuery:
    """What a finder is asked: its `target` (a canonical label when the words name a person, a body part or a mark
    written on the picture, else the words as written), the `name` the label stands for ("girl": an
    open-vocabulary finder still ranks by it, but it qualifies nothing — "the girl" among two people is still a
    question), and a body part's own side."""

    target: str
    name: str | None = None
    own_side: str | None = None


def label_of(words: str) -> str | None:
    """The canonical label of a name: "the little girls" → person, "his shoes" → foot, "the date" → text; None for
    other things.

    Only the head noun, the last word, decides ("little girl", "left hand"): a person word before it is a kind of
    thing, not a person — "a model car", "the baby bump" are no people."""
    found = [w.removesuffix("'s").removesuffix("s'") for w in _WORD.findall(words.lower())]
    if not found:
        return None
    word = found[-1]
    single = IRREGULAR_PLURALS.get(word) or singularize(word)[0]
    single = IRREGULAR_PLURALS.get(single, single)    # "the womens", "mens": an -s on an irregular plural
    if word in PERSON_WORDS or single in PERSON_WORDS:
        return "person"
    if single in _WRITTEN_MARKS:
        return TEXT_LABEL
    if single in PART_LABELS or word in PART_LABELS:
        return PART_LABELS.get(single) or PART_LABELS[word]
    return None


def finder_query(target: str, phrase: str | None = None) -> FinderQuery:
    """The query for a select of `target` (with the plan's `phrase`): a person, a part or a written mark by its
    label, the words kept as its name; anything else as written."""
    label = label_of(target)
    if label is None:
        return FinderQuery(target)
    side = None
    if label in OWN_SIDE_PARTS:
        said = _SIDE.search(f"{phrase or ''} {target}".lower())
        side = said.group(1) if said else None
    return FinderQuery(label, target if target.lower() != label else None, side)
