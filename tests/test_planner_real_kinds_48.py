"""Target heads and prompts garbled by the words around them (issue 20, heads20): a form's empty-field mark before the
verb ('NA darken her jacket') kept the verb from opening the clause, so the whole photo was darkened; a colour said
between a part and its owner ('the scarf colour of the woman') lost the part, and the select looked for the woman or
for the colour; an -ish colour before a colour ('a greenish blonde') was taken alone, the second colour left in the
name; 'one' standing for the old thing's name ('swap the puppy for a different one') went into the fill's prompt as
the word 'one'; 'the entire' left by a handler that took the picture word was looked for as a thing; and an area word
after a thing ('the sky part', 'the hair section') was the head, so the finder looked for a 'part'.
Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence.

Each row: the request, the actions the plan must take in order, what its selects must carry, in order, as
(target, phrase) pairs (phrase None: no phrase beyond the target), and the first fill's prompt (None: not checked).
Rows marked "unchanged" planned the same before.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, first_prompt, rows_of

KINDS = {
    # a form's empty field ('NA', 'n/a') before a command verb is no word of the request
    "an empty-field mark before the verb": [
        ("NA darken her jacket", ["adjust"], [("jacket", None)], None),
        ("n/a brighten the old barn", ["adjust"], [("barn", "old barn")], None),
        ("NA turn every one of the lanterns to a deep red", ["recolor"], [("lantern", None)], "deep red lanterns"),
        ("N/A: take the traffic cone out", ["remove"], [("traffic cone", None)], None),                  # unchanged
        ("remove the NA sticker from the bumper", ["remove"], [("sticker", "NA sticker from the bumper")], None),  # unchanged
    ],
    # 'the X colour of the Y': the colour is the part's, the part is the head, the Y its owner
    "a part's colour said before its owner": [
        ("change the scarf colour of the woman to yellow", ["recolor"], [("scarf", "scarf of the woman")],
         "yellow scarf of the woman"),
        ("turn the roof colour of the barn blue", ["recolor"], [("roof", "roof of the barn")], "blue roof of the barn"),
        ("please make the shirt color of the boy on the left green", ["recolor"], [("shirt", "shirt of the boy")], None),
        ("change the colour of the kayak to orange", ["recolor"], [("kayak", None)], "orange kayak"),    # unchanged
        ("change the paint colour of the truck to silver", ["recolor"], [("truck", None)], "silver truck"),  # unchanged
        ("make the fur color white", ["recolor"], [("fur", None)], None),                                # unchanged
    ],
    # an -ish colour before another colour is its shade: one colour asked for
    "a tinged colour before a colour": [
        ("change the mane colour of the pony to a greenish blonde", ["recolor"], [("mane", "mane of the pony")],
         "greenish blonde mane of the pony"),
        ("paint the garage door a bluish grey", ["recolor"], [("door", "garage door")], "bluish grey garage door"),
        ("dye her hair a reddish brown", ["recolor"], [("hair", None)], "reddish brown hair"),
        ("make the bluish vase red", ["recolor"], [("vase", "bluish vase")], None),                      # unchanged
    ],
    # 'one' standing for the old thing's name is that name in the new thing's words
    "one for the old thing's name": [
        ("swap the puppy for a different one", ["replace"], [("dog", None)], "a different puppy"),
        ("turn the grey sky into a stormy one", ["replace"], [("sky", "grey sky")], "a stormy sky"),
        ("swap the backdrop for a cheerful one", ["background"], [("person", None)], "cheerful background"),
        ("change the backdrop to a plain lilac one", ["background"], [("person", None)], "plain lilac background"),  # unchanged
        ("replace the background with a dark one with little stars", ["background"], [("person", None)],
         "dark background with little stars"),
        ("replace the dog with one cat", ["replace"], [("dog", None)], "one cat"),                      # unchanged: a count
        ("change the sky to that one", ["replace"], [("sky", None)], "that one"),                       # unchanged: pointed
        ("replace his cap with a green one", ["recolor"], [("cap", None)], "green cap"),                 # unchanged
    ],
    # 'the entire' / 'the whole' alone, the picture word taken, names no thing: the whole photo is edited
    "a picture's adjective left alone": [
        ("brighten the whole photo so the shadows pop", ["adjust"], [], None),      # tone27: the tone verb is the edit
        ("brighten the entire picture so the lanterns stand out", ["adjust"], [], None),      # tone27: likewise
        ("brighten the entire sky", ["adjust"], [("sky", "entire sky")], None),                          # unchanged
        ("remove the whole hedge", ["remove"], [("hedge", "whole hedge")], None),                        # unchanged
    ],
    # an area word after a thing the vocabulary knows is that thing's area: the thing is the head
    "an area of a known thing": [
        ("darken the sky part of this shot", ["adjust"], [("sky", "sky part")], None),
        ("erase the hand parts on the right", ["remove"], [("hand", "hand parts")], None),
        ("colour the blue motorbike area red", ["recolor"], [("motorcycle", "blue motorbike area")], None),
        ("remove the scorched part", ["remove"], [("part", "scorched part")], None),                     # unchanged
        ("brighten the blue area", ["adjust"], [("area", "blue area")], None),                           # unchanged
        ("remove the plastic part near the lamp", ["remove"], [("part", "plastic part near the lamp")], None),  # unchanged
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,selects,prompt", ROWS, ids=IDS)
def test_kind(kind, text, want, selects, prompt):
    got, plan, _ = actions(text)
    found = [(c.args.target, c.args.phrase) for c in plan.calls if c.tool == "select"]
    assert got == want, (text, plan.reply)
    assert found == selects, (text, plan.reply)
    if prompt is not None:
        assert first_prompt(plan) == prompt, (text, plan.reply)


def test_an_empty_field_mark_is_not_in_the_reply():
    _, plan, _ = actions("NA darken her jacket")
    assert "image" not in plan.reply.lower() and "jacket" in plan.reply.lower(), plan.reply


def test_an_area_of_several_is_all_of_them():
    _, plan, _ = actions("erase the hand parts on the right")
    select = next(c for c in plan.calls if c.tool == "select")
    assert select.args.all and select.args.position == "right", plan.reply


def test_the_reply_names_the_thing_one_stood_for():
    _, plan, _ = actions("swap the puppy for a different one")
    assert "different puppy" in plan.reply and " one" not in plan.reply, plan.reply
