"""Which word the finder looks for (issue 20, heads23): parts of a body listed with no comma ('brighten her eyes cheeks
and mouth') were one name headed by the last part, so the first was never found; a crop to two things ('crop to my face
and shoulders') looked for the last alone; and a name the finder cannot know, typed with its capital after a lowercase word
('the sign and McFlurry', 'the Gizmo on the shelf'), was sent to the finder with nothing said back.

Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence.

Each row: the request, the actions the plan must take in order, and what its selects must carry, in order, as
(target, phrase) pairs (phrase None: no phrase beyond the target). Rows marked "unchanged" planned the same before.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, rows_of

KINDS = {
    # two parts of a body side by side with no comma are two parts, each found
    "parts listed with no comma": [
        ("brighten her eyes cheeks and mouth", ["adjust"], [("eye", None), ("cheek", None), ("mouth", None)]),
        ("lighten the boy's arms legs and neck a bit", ["adjust"],
         [("arm", "boy's arms"), ("leg", None), ("neck", None)]),
        ("darken my ears nose and chin", ["adjust"], [("ear", None), ("nose", None), ("chin", None)]),
        ("remove the straps netting and helmet", ["remove", "remove", "remove"],
         [("strap", None), ("netting", None), ("helmet", None)]),                                  # unchanged
        ("remove the dogs collar and leash", ["remove", "remove"],
         [("collar", "dogs collar"), ("leash", None)]),                # unchanged: an owner typed without its apostrophe
        ("brighten her eyes, cheeks and mouth", ["adjust"],
         [("eye", None), ("cheek", None), ("mouth", None)]),                                        # unchanged
        ("remove the dirt from his hands and face", ["remove"],
         [("dirt", "dirt from his hands and face")]),                  # unchanged: two places of one stuff
    ],
    # a crop to a list holds each thing named
    "a crop to two things": [
        ("crop it to my face and shoulders", ["crop"], [("face", None), ("shoulder", None)]),
        ("crop this down to the bride and groom", ["crop"], [("bride", None), ("groom", None)]),
        ("crop the photo to the puppy and the kitten", ["crop"], [("dog", None), ("cat", None)]),
        ("crop to the red and white lighthouse", ["crop"], [("lighthouse", "red and white lighthouse")]),  # unchanged
        ("crop to the dog", ["crop"], [("dog", None)]),                                                   # unchanged
    ],
}

ROWS, IDS = rows_of(KINDS)


def _plan(text: str):
    got, plan, _ = actions(text)
    return got, [(c.args.target, c.args.phrase) for c in plan.calls if c.tool == "select"], plan


@pytest.mark.parametrize("kind,text,want,selects", ROWS, ids=IDS)
def test_kind(kind, text, want, selects):
    got, found, plan = _plan(text)
    if want is not None:
        assert got == want, (text, plan.reply)
    assert found == selects, (text, plan.reply)


def test_every_listed_part_is_added_to_one_selection():
    _, _, plan = _plan("brighten her eyes cheeks and mouth")
    selects = [c.args for c in plan.calls if c.tool == "select"]
    assert [s.add for s in selects] == [False, True, True], plan.calls


def test_a_crop_to_two_things_adds_the_second_and_keeps_the_selection():
    _, _, plan = _plan("crop it to my face and shoulders")
    assert [c.tool for c in plan.calls] == ["select", "select", "crop"], plan.calls
    assert plan.calls[1].args.add and plan.calls[2].args.keep_selection, plan.calls


NAMES_SAID_BACK = [
    ("get rid of the sign and McFlurry", "McFlurry", "mcflurry"),
    ("remove the Gizmo on the shelf", "Gizmo", "gizmo"),
    ("take the Muppets on the left out", "Muppets", "muppet"),
    ("photoshop Zed and Bramwell out", "Zed", "zed"),     # two names: the second is a person, the first said back
]
NO_NAME_SAID = [
    "Remove Stools from the left",                 # a capital after a capitalised verb is typing
    "Erase The Tall Lamp From The Table",          # title case
    "remove Bartholomew",                          # a person's name: looked for as a person
    "Cables in the way",                           # a capital opening the request
    "remove the dog",
    "recolour the boy's T-shirt blue",             # a spelling, no name
    "remove the Christmas lights",                 # a declared word
]


@pytest.mark.parametrize("text,name,target", NAMES_SAID_BACK)
def test_a_name_the_finder_may_not_know_is_said_back_with_how_to_point(text, name, target):
    _, found, plan = _plan(text)
    assert target in [looked_for for looked_for, _ in found], (text, found)
    assert f"“{name}” by that name" in plan.reply and "point at it" in plan.reply, plan.reply


@pytest.mark.parametrize("text", NO_NAME_SAID)
def test_no_name_is_said_back_where_the_capital_says_nothing(text):
    _, _, plan = _plan(text)
    assert "by that name" not in plan.reply, plan.reply


def test_two_names_are_said_back_once_together():
    _, found, plan = _plan("please get rid of the Gizmo and the McFlurry on the table")
    assert [t for t, _ in found] == ["gizmo", "mcflurry"], found
    assert plan.reply.count("by that name") == 1 and "“Gizmo” and “McFlurry”" in plan.reply, plan.reply
