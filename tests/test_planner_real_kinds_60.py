"""Commands run together with no punctuation (issue 20, runon23): crowd-written requests chain two or three commands
with no comma or full stop, and the second one was read into the first one's name — the action lost and the head
wrong. The verb that opened the line said again ('paint the bench green paint the fence blue'; 'red *paint*' reads as
a noun elsewhere, but here the first command is complete), a form's empty-field mark between two commands ('… NA put a
hat on the dog'), and a verb that is no edit of its own but leads a new command before a name ('… *use a* vintage
filter', '… *show the* hills behind') now start a command of their own. A verb that is a noun or is what a sign says
('the paint with paint thinner', 'a caption saying add more light'), a verb after 'to' and a thing named after such a
word ('the show banner') do not.
Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence. A share said inside a name ('remove *most of* the scratches') was read into it ('Removing all the most of the
scratches'); the name is the noun now, and since no finder picks which ones, every one found is removed and the reply
says so and asks which to keep (`Target.share`).

Each row: the request, the actions the plan must take in order, and what its selects must carry, in order, as
(target, phrase) pairs (phrase None: no phrase beyond the target). Rows marked "unchanged" planned the same before.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_selects, rows_of

KINDS = {
    # the verb that opened the line, said again: a second command of the same kind
    "the same verb again": [
        ("paint the bench green paint the fence a pale blue", ["recolor", "recolor"], [("bench", None), ("fence", None)]),
        ("tint the awning silver tint the wall grey", ["recolor", "recolor"], [("awning", None), ("wall", None)]),
        ("colour in the shutters blue colour in the door a darker red", ["recolor", "recolor"],
         [("shutter", None), ("door", None)]),
        ("take the scooter out take the bins out", ["remove", "remove"], [("scooter", None), ("bin", None)]),
        ("add a paper lantern add a string of lights", ["add", "add"], []),                             # unchanged
        ("remove the pylon in the middle remove top border", ["remove", "crop"], [("pylon", None)]),     # unchanged
        ("remove the paint with paint thinner", ["remove"], [("paint", "paint with paint thinner")]),    # unchanged
        ("tint the glass a silver tint", ["recolor"], [("glass", None)]),                               # unchanged
        ("get rid of the van get rid of the bins", ["remove", "remove"], [("van", None), ("bin", None)]),  # unchanged
    ],
    # an edit done on a thing of three words, then a verb that is no noun: a new edit
    "an edit done on a longer name": [
        ("remove faint dust specks add fog over the valley", ["remove", "add"],
         [("speck", "faint dust specks"), ("valley", None)]),
        ("erase grey water stains add snow to the roof", ["remove", "add"], [("stain", "grey water stains"), ("roof", None)]),
        ("remove scattered dark dust spots add warmth to the whole scene", ["remove", "adjust"],
         [("dust spot", "scattered dark dust spots")]),                                                 # unchanged
        ("remove the old rusty paint bucket", ["remove"], [("bucket", "old rusty paint bucket")]),      # unchanged
        ("make the garden path stones brighter", ["adjust"], [("stone", "garden path stones")]),       # unchanged
    ],
    # a form's empty-field mark between two commands is a break, never part of a name or a prompt
    "a form's mark between commands": [
        ("blur the backdrop NA put a hat on the dog", ["background", "add"], [("person", None), ("dog", None)]),
        ("make the lake deeper blue na add two swans on the lake", ["recolor", "add"], [("lake", None), ("lake", None)]),
        ("erase the crane n/a remove the logo", ["remove", "remove"], [("crane", None), ("logo", None)]),
        ("na na remove the lamp post", ["remove"], [("lamp post", None)]),                            # unchanged
        ("remove the text NA on the jersey", ["remove"], [("text", "text NA on the jersey")]),         # unchanged
    ],
    # 'use' and 'show' before a name lead a command of their own; the edit before keeps its thing
    "a lead verb before a name": [
        ("crop it closer to the dog use a vintage filter", ["crop", "adjust"], [("dog", None)]),
        ("erase the power lines show the hills behind", ["remove"], [("power line", None)]),
        ("remove the bucket and use the clone tool", ["remove"], [("bucket", None)]),
        ("take out the parked car Use the clone tool on the road", ["remove"], [("car", "parked car")]),
        ("remove the show banner", ["remove"], [("banner", "show banner")]),                          # unchanged
        ("crop it to show the whole bridge", ["crop"], []),                                           # unchanged
    ],
    # what a sign or a caption says is written, never a command
    "words written": [
        ("add a caption saying add more light", [], []),
        ("add a sign that says remove the dog", ["add"], []),
    ],
    # a share of the things said inside the name: the head is the noun, and the share is said, never dropped
    "a share inside the name": [
        ("erase most of the scratches on the bonnet", ["remove"], [("scratch", "scratches on the bonnet")]),
        ("remove some of the pigeons", ["remove"], [("pigeon", None)]),
        ("could you remove a few of the buoys in the harbour", ["remove"], [("buoy", "buoys in the harbour")]),
        ("erase some or most of the kayaks", ["remove"], [("kayak", None)]),
        ("remove all of the traffic cones", ["remove"], [("traffic cone", None)]),                   # unchanged
        ("remove two of the chairs", ["remove"], [("chair", None)]),                                 # unchanged
        ("remove some of the redness", ["enhance"], []),                                             # unchanged
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,selects", ROWS, ids=IDS)
def test_kind(kind, text, want, selects):
    check_selects(text, want, selects)


def test_a_lead_verb_cut_off_is_said_left_out():
    """'… use the clone tool': the method is no edit — said left out, and the rules are unsure, never a thing
    called 'tool' painted out."""
    got, plan, sure = actions("erase the fishing rod use the clone tool")
    assert got == ["remove"] and "use the clone tool" in plan.reply and not sure, plan.reply
    assert "tool" not in [c.args.target for c in plan.calls if c.tool == "select"], plan.reply


def test_a_form_mark_is_no_part_of_a_prompt():
    _, plan, _ = actions("change the background to a snowy field NA add a red sled")
    assert " NA" not in plan.reply and " na " not in plan.reply.lower(), plan.reply


@pytest.mark.parametrize("text,share", [("remove most of the lanterns", "most"), ("erase some of the scuffs", "some"),
                                        ("remove a few of the gulls on the roof", "a few")])
def test_a_share_is_said_in_the_reply(text, share):
    """All the things are removed, as no finder picks some — and the reply says so, never silently."""
    _, plan, _ = actions(text)
    assert f"you said {share} of them" in plan.reply and "say which to keep" in plan.reply, plan.reply
    assert f"the {share} of" not in plan.reply.lower(), plan.reply


def test_a_whole_or_counted_share_says_nothing_more():
    for text in ("remove all of the lanterns", "remove three of the lanterns", "remove the lanterns"):
        _, plan, _ = actions(text)
        assert "you said" not in plan.reply, (text, plan.reply)
