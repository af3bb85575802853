"""Kinds of removal, background, recolour, crop and target-head request real people write that the rules missed
(issue 20, the removal/background/geometry round), each in sentences written here for the purpose — none is taken
from the real-request corpus, whose texts carry no licence.

Each row: the request, the actions the plan must take in order (the task of each inpaint, or the tool), what the
first select must find (None: no select is checked) and what the reply must say (None: not checked). A kind is a
shape, not a sentence: every kind has several sentences, and rows that must stay as they were.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_row, first_target, rows_of

KINDS = {
    # a shade named by a thing ('fire engine red') colours the thing before it, not the thing in the shade's name
    "a shade named by a thing": [
        ("make my van fire engine red", ["recolor"], "van", "fire engine red"),
        ("paint the front door candy apple red", ["recolor"], "door", None),
        ("make her dress baby pink", ["recolor"], "dress", "baby pink"),
        ("turn my kayak ocean blue please", ["recolor"], "kayak", None),
        ("make the car and the bike lemon yellow", ["recolor", "recolor"], "car", None),
        ("make the sea blue", ["recolor"], "sea", None),
        ("make the baby pink", ["recolor"], "baby", None),
    ],
    # a thing cut out and then given a background: one background step around that thing
    "a cut-out, then its background": [
        ("isolate the dog and make the background white", ["background"], "dog", "behind the dog white"),
        ("isolate the brown horse, then put it on a black background", ["background"], "horse", "black"),
        ("cut the giraffe out and place it on a white background", ["background"], "giraffe", "behind the giraffe"),
        ("isolate the bike", ["background"], "bike", "transparent"),
        ("make the background white", ["background"], "person", None),
    ],
    # 'cut X out as / into a png', 'cut X out and make it a png': a cut-out of X, not its removal
    "a cut-out said as a png": [
        ("cut the cat out and make it a png", ["background"], "cat", "cutting out the cat"),
        ("crop this guy out into a png", ["background"], "man", "transparent"),
        ("cut out my dog as a png", ["background"], "dog", "cutting out the dog"),
        ("please cut my son out as a png", ["background"], "son", None),
        ("make it into a transparent png", ["background"], "person", "transparent"),
        ("cut her out and turn her into a png", ["background"], "person", "transparent"),
        ("cut out the bin", ["remove"], "bin", None),
        ("crop out the guy", ["remove"], "man", None),
    ],
    # a group or a photo put on a plain background: that background behind them
    "a group put on a background": [
        ("put the whole team on a white background", ["background"], None, "white"),
        ("put this family photo on a white background", ["background"], "person", "white"),
        ("put my two dogs on a beach background", ["background"], "dog", "beach"),
        ("put the cat on the sofa in the background", ["add"], None, None),
    ],
}
ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind, text, want, target, says", ROWS, ids=IDS)
def test_real_request_kinds(kind, text, want, target, says):
    check_row(text, want, target, says)


def test_a_cut_out_keeps_its_thing_and_grows_no_second_step():
    """'isolate the dog and make the background white' is the white background behind the dog: the select keeps
    (excludes) the dog, and nothing is made transparent first."""
    _, plan, sure = actions("isolate the dog and make the background white")
    selects = [call for call in plan.calls if call.tool == "select"]
    inpaints = [call for call in plan.calls if call.tool == "inpaint"]
    assert sure and len(selects) == 1 and selects[0].args.exclude and first_target(plan) == "dog"
    assert [call.args.background for call in inpaints] == ["white"]
