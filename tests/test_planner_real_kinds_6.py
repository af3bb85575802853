"""Kinds of removal and object request real people write that the plan missed (issue 20, the removal round over
the GIER requests whose editor removed or painted an object), each in sentences written here for the purpose —
none is taken from the real-request corpus, whose texts carry no licence.

Each row: the request, the actions the plan must take in order (the task of each inpaint, or the tool), what the
first select must find (None: no select is checked) and what the reply must say (None: not checked). A kind is a
shape, not a sentence: every kind has several sentences, and rows that must stay as they were.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_row, rows_of

KINDS = {
    # unnamed flaws said of the photo itself are its small ones (spots, specks, blemishes); said of a thing, or of
    # nothing, they still get a question
    "the photo's flaws": [
        ("I'd love the flaws taken out of this holiday photo", ["remove"], "blemish", "small flaws"),
        ("please get rid of the imperfections in my wedding pic", ["remove"], "blemish", "name anything bigger"),
        ("can someone remove the flaws from this old picture?", ["remove"], "blemish", None),
        ("remove the flaws", [], None, "which flaws"),
        ("remove the flaws on the fence in this photo", [], None, "which flaws"),
        ("remove the distractions from this picture", [], None, "which distractions"),
    ],
}
ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind, text, want, target, says", ROWS, ids=IDS)
def test_real_request_kinds(kind, text, want, target, says):
    check_row(text, want, target, says)


def test_the_photos_flaws_are_every_blemish_and_unsure():
    """The photo's flaws are read by the rules, not said: every blemish is selected, and the plan is unsure so
    `auto` can check the reading."""
    _, plan, sure = actions("I need the flaws removed from this photo of the lake")
    assert not sure
    assert plan.calls[0].args.target == "blemish" and plan.calls[0].args.all
