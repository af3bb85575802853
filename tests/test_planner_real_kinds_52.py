"""The blur of a named thing, who stays in front of a background, and a crop's share said (issue 20, my mends after
the merges). 'Out of focus' wished is a blur, complained of is a sharpening: 'make the grass out of focus' used to
sharpen the grass, because the tone table's sharpen entry claimed the word 'focus' inside 'out of focus'. Said as a
wish it now softens what is named; said as a fault ('the dog is out of focus', 'fix the out-of-focus shot') it still
sharpens or enhances, as before. And a deblur verb names its thing: 'unblur the licence plate' sharpened the
whole photo; it now sharpens the plate.

Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence. Each row: the request, the plan's actions, the sign of its sharpness adjust (None: no adjust), and the
first select's target (None: the whole photo). Rows marked "unchanged" planned the same before.
"""

from __future__ import annotations

import pytest

from retouch.agent.planner.base import PlanningContext
from tests.planner_kinds import CONTEXT, actions, first_target, rows_of

KINDS = {
    "out of focus wished": [
        ("make the grass out of focus", ["adjust"], -1, "grass"),
        ("could you make the hedge behind us out-of-focus", ["adjust"], -1, "hedge"),
        ("make the spectators in the stands unfocused", ["adjust"], -1, "spectator"),
        ("make the whole shot look defocused", ["adjust"], -1, None),
    ],
    "out of focus complained of": [
        ("the tractor is out of focus", ["adjust"], +1, "tractor"),              # unchanged
        ("this photo is so out of focus, can you help", ["adjust"], +1, None),   # unchanged
        ("sharpen the out of focus bicycle", ["adjust"], +1, "bicycle"),         # unchanged
        ("bring the lighthouse into focus", ["enhance"], None, "lighthouse"),    # unchanged
    ],
    "a deblur verb and its thing": [
        ("unblur the number plate", ["adjust"], +1, "number plate"),
        ("could you deblur my grandad's face please", ["adjust"], +1, "face"),
        ("de-blur the poster on the right", ["adjust"], +1, "poster"),
        ("unblur this photo", ["adjust"], +1, None),                            # unchanged: the photo itself
        ("please deblur it a bit", ["adjust"], +1, None),                       # unchanged
    ],
}

ROWS, IDS = rows_of(KINDS)

# Who stays in front of the background, said with a demonstrative or a count ('behind these two girls', 'behind these 2
# people'): the select looked for a thing called 'two' or 'these'. (request, the excluded select's target)
BEHIND_WHOM = [
    ("blur the background behind these two girls", "girl"),
    ("remove the background behind these 2 people", "person"),
    ("blur the backdrop behind those three ponies", "pony"),
    ("blur the background behind their dog", "dog"),
    ("blur the background behind the two girls", "girl"),            # unchanged
]

# A strip cropped off with no amount said ('crop the bottom part'): the share it was given is said in the reply, with
# and without the photo's size. (request, share in the reply, or None where the words gave the amount)
CROP_SHARES = [
    ("crop bottom part of the photo", "50%"),
    ("crop off the left side", "50%"),
    ("crop off the top half", None),                                  # unchanged: the amount is said
    ("crop the bottom 20%", None),                                    # unchanged
]


@pytest.mark.parametrize("kind,text,want,sign,target", ROWS, ids=IDS)
def test_kind(kind, text, want, sign, target):
    got, plan, _ = actions(text)
    assert got == want, (text, plan.reply)
    sharpness = [c.args.sharpness for c in plan.calls if c.tool == "adjust"]
    if sign is None:
        assert not sharpness, plan.reply
    else:
        assert sharpness and sharpness[0] * sign > 0, (text, plan.reply)
    assert first_target(plan) == target, (text, plan.reply)


@pytest.mark.parametrize("text,target", BEHIND_WHOM, ids=[t for t, _ in BEHIND_WHOM])
def test_who_stays_in_front_said_with_a_demonstrative_or_a_count(text, target):
    _, plan, _ = actions(text)
    excluded = [c.args.target for c in plan.calls if c.tool == "select" and c.args.exclude]
    assert excluded == [target], (text, plan.reply)


@pytest.mark.parametrize("sized", [True, False], ids=["photo size known", "no photo size"])
@pytest.mark.parametrize("text,share", CROP_SHARES, ids=[t for t, _ in CROP_SHARES])
def test_a_strip_cropped_with_no_amount_says_the_share(text, share, sized):
    _, plan, _ = actions(text, CONTEXT if sized else PlanningContext())
    assert [c.tool for c in plan.calls] == ["crop"], plan.reply
    if share is None:
        assert "of the picture;" not in plan.reply, plan.reply
    else:
        assert f"({share} of the picture" in plan.reply, plan.reply
