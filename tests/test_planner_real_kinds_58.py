"""Second wishes lost and descriptions read as edits (issue 20, second22): what a removal should leave, told after it
('erase the lady in green so it's just my aunt and her cat'), was read as more to remove — the cat went too, or the
name swallowed the outcome ('the lady in green so it's just my aunt'); and an aside that says who a person is ('remove
my cousin's husband (man with the green cap)') was a second person to remove, as was a guess at what a thing is ('the red van (Toyota?) in the back').
Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence.

Each row: the request, the actions the plan must take in order, the targets its selects must find, in order, and
words the reply must not hold (None: nothing checked). Rows marked "unchanged" planned the same before.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, rows_of

KINDS = {
    # what is left after a removal stays: it names no second removal and is no part of the name
    "what a removal leaves": [
        ("please erase the lady in green so it's just my aunt and her cat", ["remove"], ["lady"], "cat"),
        ("could you remove the two boys on the right so that it's only my sister and the horse", ["remove"], ["boy"],
         "horse"),
        ("remove the van so it's just the barn and the fields", ["remove"], ["van"], "field"),
        ("can someone take out the bins behind the bench so that there are only bushes in the back", ["remove"],
         ["bin"], "so that"),
        ("delete the man with the hat (and the kids near him) so it's just my uncle and his boat", ["remove", "remove"],
         ["man", "kid"], "boat"),
        ("remove the van so its just the barn", ["remove"], ["van"], None),                          # unchanged
        ("remove the van and the barn", ["remove", "remove"], ["van", "barn"], None),                # unchanged
        ("remove the van so it looks tidier", ["remove"], ["van"], None),                            # unchanged
    ],
    # near-misses: the outcome is what the edit keeps or goes to, read whole as before
    "the outcome read whole": [
        ("take the backdrop out so it's only the puppy and the ball", ["background"], ["dog", "ball"], None),  # unchanged
        ("crop it so it's just the boat and the pier", ["crop"], None, None),                        # unchanged
        ("take away the clutter behind her so it's just her on a white background", ["background"], None,
         None),                                                                                      # unchanged
        ("erase everybody else so that it's only me and my horse", [], None, None),                   # unchanged: asks
    ],
    # an aside in brackets that says who the person before is: the same one, removed once
    "who the person before is": [
        ("remove my cousin's husband (man with the green cap) from the photo", ["remove"], ["person"], "cap"),
        ("please erase the second woman from the right (short lady holding a cup)", ["remove"], ["woman"], "cup"),
        ("could you take out my neighbour (guy wearing the orange vest)?", ["remove"], ["neighbour"], "vest"),
        ("remove me (the girl) from the shot and put me on a beach", ["remove", "background"], ["person", "person"],
         "removing the girl"),
        ("remove the man on the left, the woman in red", ["remove", "remove"], ["man", "woman"], None),   # unchanged
        ("remove the dog (guy with the leash)", ["remove", "remove"], ["dog", "man"], None),             # unchanged
        ("remove the bald man with glasses, lady in the red coat and the pram", ["remove", "remove", "remove"],
         ["man", "lady", "pram"], None),                                                                 # unchanged
        ("remove my uncle and the man with the hat", ["remove", "remove"], ["person", "man"], None),      # unchanged
    ],
    # a guess in brackets at what the thing before is: the same thing, and the place after it still read
    "a guess at the name": [
        ("remove the red van (Toyota?) in the back", ["remove"], ["van"], "toyota"),
        ("please take out the grey thing (a drain?) on the left", ["remove"], ["thing"], "drain"),
        ("erase the blue sticker (logo??) and the cup", ["remove", "remove"], ["sticker", "cup"], "logo"),
        ("remove the sign (maybe?)", ["remove"], ["sign"], None),                                        # unchanged
        ("remove the van (the red one)", ["remove"], ["van"], None),                                     # unchanged
        ("remove the bench (and the bin)", ["remove", "remove"], ["bench", "bin"], None),                # unchanged
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,targets,not_said", ROWS, ids=IDS)
def test_what_a_removal_leaves_stays(kind: str, text: str, want: list[str], targets: list[str] | None,
                                     not_said: str | None) -> None:
    got, plan, _ = actions(text)
    assert got == want, (text, plan.reply)
    if targets is not None:
        assert [call.args.target for call in plan.calls if call.tool == "select"] == targets, (text, plan.reply)
    if not_said is not None:
        assert not_said not in plan.reply.lower(), (text, plan.reply)
