"""Long and run-on instructions that lost a step (issue 20, clauses18): every clause ends as a step, a question or a
stated "I left out …". Each kind in sentences written here for the purpose — none is taken from the real-request
corpus, whose texts carry no licence.

Each row: the request, the actions the plan must take in order (the task of each inpaint, or the tool), what the
first select must find (None: no select is checked) and what the reply must say (None: not checked). The photo is
1200×800 (`tests/planner_kinds.CONTEXT`).
"""

from __future__ import annotations

import pytest

from retouch.agent.planner.rules_clauses import split_clauses
from retouch.agent.planner.rules_text import Words
from retouch.agent.planner.rules_verbs import VERBS
from tests.planner_kinds import actions, check_row, rows_of

KINDS = {
    # a removal said around its thing and closed by its particle is an edit done: the run-on's next verb is a new one
    "after 'take … out'": [
        ("get all the tourists out crop just the bride's face", ["remove", "crop"], "person", "cropping to the bride's face"),
        ("take the two bins out make it warmer", ["remove", "adjust"], "bin", "warming"),
        ("cut the lamp post out of the shot crop it square", ["remove", "crop"], "lamp post", "1:1"),
        ("take him out please", ["remove"], "person", None),                          # unchanged: one removal
        ("take out the cones and the sign", ["remove", "remove"], "cone", None),        # unchanged: a list
        ("remove the bin crop just her face", ["remove", "crop"], "bin", None),         # unchanged
    ],
    # a flaw on something worn (or a body part), then another such place: one removal from both places
    "a flaw from two places": [
        ("please remove the grease marks from the shirt and the jeans", ["remove"], "mark", "the shirt and the jeans"),
        ("remove the stains on his jacket and the trousers", ["remove"], "stain", "jacket and the trousers"),
        ("remove the mud from his face and hands", ["remove"], "mud", "face and hands"),              # unchanged
        ("remove the bag from her shoulder and the jacket", ["remove", "remove"], "bag", None),       # no flaw: two
        ("remove the marks on her dress and the dog", ["remove", "remove"], "mark", None),            # a dog: two
    ],
    # a crop or a turn said inside a longer request
    "a crop or a tilt inside": [
        ("focus in on the groom's face", ["crop"], "face", "cropping to the groom's face"),
        ("focus in on the little boy swap the sky for a sunset", ["crop", "replace"], "boy", None),
        ("get rid of the pole and tilt it a couple of degrees so the sea is level", ["remove", "enhance"], "pole",
         "straightening"),
        ("crop it and tilt picture", ["crop", "enhance"], None, "straightening"),
        ("tilt it by 12 degrees", ["crop"], None, "12°"),                    # unchanged
        ("fix the tilt", ["enhance"], None, "straightening"),                # unchanged
        ("focus on the horizon", ["adjust"], "horizon", "sharpening"),       # unchanged: focus alone is sharpness
    ],
    # a fault said in a clause of its own, with no verb: the fix of it
    "a fault stated": [
        ("my nephew has a black eye", ["fix"], "eye", "fixing the black eye"),
        ("the sky is too bright. Grandpa has black eye", ["enhance", "fix"], "sky", "fixing the black eye"),
        ("there's some dust on the lens", ["remove"], "dust", "removing the dust on the lens"),
        ("the scan has got a big crease, and make it warmer", ["remove", "adjust"], "crease", "warming"),
        ("she has a scar on her chin", ["remove"], "scar", "on her chin"),
        ("there's a tear across her sleeve, could you fix it?", ["remove"], "tear", None),   # unchanged: one fix
        ("the cat has spots", [], None, "not sure"),                  # unchanged: a cat's spots are its coat
    ],
    # 'make' a new thing doing something: an add
    "make a thing doing something": [
        ("make a giant octopus climbing out of the harbour", ["add"], None, "adding a giant octopus"),
        ("brighten it make a kite flying over the beach", ["adjust", "add"], "beach", "adding a kite"),
        ("make a cut-out of the bride for me", ["background"], None, "cutting out the bride"),           # unchanged
        ("make the girl sitting on the left brighter", ["adjust"], "girl", "brightening"),  # unchanged: 'the'
    ],
    # a verb no tool does in a run-on: said left out, the edits beside it planned
    "a no-tool verb in a run-on": [
        ("sharpen it resize it add a frame", ["adjust", "add"], None, "can't resize"),
        ("erase the sign shrink picture blur the background", ["remove", "background"], "sign", "can't resize"),
        ("brighten the sky i want to resize it", ["adjust"], "sky", "can't resize"),
        ("resize the photo", [], None, "can't resize"),                       # unchanged
    ],
    # a request written as a tutorial's steps
    "told as steps": [
        ("first you're going to remove the ladder then you're gonna give it more contrast so the blues pop",
         ["remove", "adjust"], "ladder", "adding contrast"),
        ("the first thing is to crop it square, then you'll blur the background", ["crop", "background"], None, "1:1"),
        ("the last thing you want to do is warm it up", ["adjust"], None, "warming"),
        ("you can't remove the pylon, can you?", ["remove"], "pylon", None),    # unchanged: a question
    ],
}
ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,target,says", ROWS, ids=IDS)
def test_clause_kinds(kind: str, text: str, want: list[str], target: str | None, says: str | None) -> None:
    check_row(text, want, target, says)


_WALKED = {"brighten": "the sky", "blur": "the background", "erase": "the kite", "crop": "it square",
           "replace": "the sky with a sunset", "sharpen": "the dog"}
"""A few declared verbs of different actions, each with what it acts on, walked through the new shapes (the generated
walk of every verb through the older shapes is tests/test_planner_verbs.py)."""
_NEW_SHAPES = {
    "after 'take … out'": "take the cones out {clause}",
    "after a no-tool verb": "resize it {clause}",
    "after a tutorial's lead": "first you're going to take the cones out then you're gonna {clause}",
}


@pytest.mark.parametrize("word", _WALKED)
@pytest.mark.parametrize("shape", list(_NEW_SHAPES))
def test_a_verb_after_the_new_shapes_is_its_own_clause(word: str, shape: str) -> None:
    verb = next(v for v in VERBS if v.words == word)             # a declared verb, not a word of this test's
    clause = f"{verb.words} {_WALKED[word]}"
    text = _NEW_SHAPES[shape].format(clause=clause)
    pieces = [c.low for c in split_clauses(Words.of(text))]
    assert pieces[-1] == clause, pieces
    alone, _, _ = actions(clause)
    got, plan, _ = actions(text)
    assert alone and got[-len(alone):] == alone, (got, plan.reply)
    if shape != "after a no-tool verb":
        assert got[0] == "remove", (got, plan.reply)             # the cones taken out: the step before kept too
