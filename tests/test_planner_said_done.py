"""Edits said as done in a list, things named with no article, a free hand at the end of a list, an add in an
unnamed corner's neighbour words (issue 20, the lead's round) — sentences written here; none is from the
real-request corpus.

Each row: the request, the actions the plan must take in order (the task of each inpaint, or the tool), what the
first select must find (None: not checked) and what the reply must say (None: not checked).
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import check_row, rows_of

KINDS = {
    # a list of edits each said as done, split at commas as at 'and' — before, every item became a removal, or the
    # items after the first were dropped with the plan marked sure
    "edits said as done, a list": [
        ("shadow taken away, eyes brightened", ["remove", "adjust"], "shadow", "brightening all the eyes"),
        ("eyes brightened, teeth whitened", ["adjust", "recolor"], "eye", "making all the teeth white"),
        ("the logo removed, the sky darkened, the grass brightened", ["remove", "adjust", "adjust"], "logo",
         "brightening the grass"),
        ("the bin, the sign taken away", ["remove", "remove"], "bin", None),          # one word shared: both go
        ("I want the bin removed, please", ["remove"], "bin", None),
    ],
    # a thing with no article before a tone word said as done is that thing's tone, not the whole photo's
    "a bare thing, its tone said as done": [
        ("sky darkened please", ["adjust"], "sky", "darkening the sky"),
        ("eyes brightened a bit", ["adjust"], "eye", None),
        ("photo darkened a bit", ["adjust"], None, "darkening the image"),
    ],
    # a run-on line with no punctuation: an edit done on its thing, then a verb that is no noun, is a second edit
    # (before: 'remove the person add lightning' removed the lightning)
    "a second verb after a thing, no punctuation": [
        ("remove the person add lightning", ["remove", "add"], "person", None),
        ("remove bin brighten sky", ["remove", "adjust"], "bin", "brightening the sky"),
        ("remove the cup remove the plate", ["remove", "remove"], "cup", None),
        ("make this nail polish blue", ["recolor"], "polish", None),                # a 'make' waits for its colour
    ],
    # a colour wished for a thing after 'so (that)' is its recolour — before, one thing ('is') had its colour cast
    # measured and corrected, the opposite of the wish, and 'edit it so …' asked
    "a colour wished after 'so that'": [
        ("change the photo so that the scooter is purple", ["recolor"], "scooter", "purple"),
        ("edit it so the car is red", ["recolor"], "car", "red"),
        ("photoshop it so the sky is pink", ["recolor"], "sky", None),
        ("his face is red, fix it", ["enhance"], "face", "colour cast"),            # a complaint stays the cast
    ],
    # the choice handed over at the end of a list names nothing to remove or add
    "a free hand after a list": [
        ("remove the bin, the rest is all up to you", ["remove"], "bin", None),
        ("remove the bin and the sign, the rest is your call", ["remove", "remove"], "bin", None),
        ("remove the rest of the people", ["remove"], "person", None),
    ],
}
ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,target,says", ROWS, ids=IDS)
def test_said_done_kind(kind, text, want, target, says):
    check_row(text, want, target, says)


def test_a_free_hand_alone_is_no_add():
    """'the rest is all up to you' is no placing of a thing called 'is up' ('rest' is an add verb only as a verb)."""
    from retouch.agent.planner.rules import RulesPlanner
    plan = RulesPlanner().plan("the rest is all up to you")
    assert not any(call.tool == "inpaint" and call.args.task == "add" for call in plan.calls), plan.reply
