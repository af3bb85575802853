"""Names and prompts garbled by the words around them (issue 20, garble19): an amount said right after a name
('make it far brighter', 'the sky far more blue', 'cut the shine on the vase a little') was read as part of the name —
the reply said 'Brightening the it far', a select looked for a thing called 'far' and the phrase carried 'a little';
a number labelling a name ('the runner #14') was the head; 'select the entire picture' looked for a thing called
'picture'; and 'select the kite and make it red' asked which part to recolour, as if nothing were selected.
Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence.

Each row: the request, the actions the plan must take in order, and what its selects must carry, in order, as
(target, phrase) pairs (phrase None: no phrase beyond the target). Rows marked "unchanged" planned the same before.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_selects, rows_of, selects_of

KINDS = {
    # an amount closing the name says how much, never what
    "an amount after the name": [
        ("make it far brighter", ["adjust"], []),
        ("make this snapshot far warmer please", ["adjust"], []),
        ("make the sky far more blue", ["recolor"], [("sky", None)]),
        ("could you reduce the reflection on the shop window a little", None, [("reflection", "reflection on the shop window")]),
        ("make the lawn a little bit brighter", ["adjust"], [("lawn", None)]),
        ("i'd like the beach umbrella a tad darker", ["adjust"], [("umbrella", "beach umbrella")]),
        ("make the lighthouse stand out a little", ["enhance"], [("lighthouse", None)]),
        ("please make my freckles pop out more", ["enhance"], [("freckle", None)]),
        ("make the lantern pop-out a little more", ["enhance"], [("lantern", None)]),
        ("make the trophies on the shelf stand out more", ["enhance"], [("trophy", "trophies on the shelf")]),
        ("darken the far wall", ["adjust"], [("wall", "far wall")]),                             # unchanged: a place
        ("brighten the man on the far left", ["adjust"], [("man", None)]),                       # unchanged
        ("make the sky much more blue", ["recolor"], [("sky", None)]),                           # unchanged
    ],
    # a number after a name labels it: the name is the word before
    "a number after the name": [
        ("please remove the runner #14", ["remove"], [("runner", None)]),
        ("erase the cyclists 2 from the back", ["remove"], [("cyclist", None)]),
        ("can you get rid of the clock 1015pm", ["remove"], [("clock", None)]),
        ("remove the hikers from 1987", ["remove"], [("hiker", "hikers from 1987")]),        # unchanged: a date
        ("remove the 2 boats", ["remove"], [("boat", None)]),                               # unchanged: a count
    ],
    # the whole photo 'selected' is no thing to find
    "the whole photo selected": [
        ("select the entire picture and then make it cooler", ["adjust"], []),
        ("first select the whole photo, then lighten it a bit", ["adjust"], []),
        ("select everything", [], []),
        ("select the whole cushion", [], [("cushion", "whole cushion")]),                                # unchanged: a thing
        ("select the picture frame on the wall", [], [("picture frame", "picture frame on the wall")]),  # unchanged
    ],
    # 'it' after a selection made in the same request is what was just selected
    "it after a select": [
        ("select the kite and make it red", ["recolor"], [("kite", None)]),
        ("select the parasol, then darken it", ["adjust"], [("parasol", None)]),
        ("mask the bench and then erase it", ["remove"], [("bench", None)]),
        ("select the kite and remove the dog", ["remove"], [("kite", None), ("dog", None)]),     # unchanged
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,selects", ROWS, ids=IDS)
def test_kind(kind, text, want, selects):
    check_selects(text, want, selects)


def test_an_amount_after_a_pronoun_names_nothing_in_the_reply():
    _, found, reply = selects_of("make it far brighter")
    assert found == [] and "far" not in reply.lower(), reply


def test_it_after_a_select_acts_on_the_selection_without_selecting_again():
    _, plan, _ = actions("select the kite and make it red")
    selects = [c for c in plan.calls if c.tool == "select"]
    assert len(selects) == 1 and "selected" in plan.reply.lower(), plan.reply


def test_selecting_the_whole_photo_says_why_nothing_is_selected():
    _, plan, _ = actions("select the entire picture")
    assert not plan.calls and "whole photo" in plan.reply, plan.reply
