"""Clauses that were lost or read as a different edit (issue 20, drops27): the photo set to an angle in degrees with
another verb than 'rotate' ('change it to 90 degrees', 'turn it by 45') was left out; the picture's size changed in
plain words ('lower the size of my photo', 'shrink picture …') was left out, and a thing's size ('increase the
size of the moon') got only a question; things cut out to be laid out anew ('cut out the faces and arrange them in a
row') were removed and the layout dropped; 'cutout the kite', the noun written for the verb, was left out; and a
border cropped away with a reason after it ('… so the edges look level') was a thing called 'border' removed.
Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence.

Each row: the request, the actions the plan must take in order, the first select's target (None: unchecked) and words
the reply must hold (None: unchecked). Rows marked "unchanged" planned the same before.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_row, rows_of

KINDS = {
    # the photo set to an angle said in degrees, or turned 'by' a bare number: a rotation, as 'rotate it 90°' is
    "an angle set with another verb": [
        ("change it to 90 degrees", ["crop"], None, "rotating the image 90° clockwise"),
        ("Change to 180 degrees", ["crop"], None, "rotating the image 180°"),
        ("set the photo at 45°", ["crop"], None, "rotating the image 45° clockwise"),
        ("turn it by 30", ["crop"], None, "rotating the image 30° clockwise"),
        ("change the picture to 90 degrees counter clockwise", ["crop"], None, "counter-clockwise"),
        ("Change to 90 degrees Make it less saturated", ["crop", "adjust"], None, "muting the colours"),
        ("turn it by 20%", [], None, "not sure"),                                                   # unchanged: no angle
        ("change the hue by 90 degrees", [], None, None),                                            # unchanged: no photo
        ("rotate the boat", ["crop"], None, "rotating the image 90° clockwise"),                     # unchanged
        ("turn it sideways", ["crop"], None, "rotating the image 90°"),                               # unchanged
        ("rotate it 90°", ["crop"], None, "rotating the image 90°"),                                  # unchanged
    ],
    # the picture's size changed in plain words: declined as a resize is, the edits beside it still planned
    "the picture's size in plain words": [
        ("Increase the size of the photo", [], None, "can't resize"),
        ("lower the image size please", [], None, "can't resize"),
        ("shrink picture add a snowy background", ["background"], "person", "can't resize"),
        ("put a hat on the dog reduce size of image", ["add"], None, "can't resize"),
        ("Decrease the size of this image make the sky pink", ["recolor"], "sky", "can't resize"),
        ("decrease the size of my photo to 1080x1080", ["crop"], None, "1080×1080"),               # unchanged: a size
        ("reduce the noise in the photo", ["enhance"], None, "noise"),                               # unchanged
        ("increase the saturation", ["adjust"], None, "boosting the colours"),                       # unchanged
    ],
    # a thing's size changed in plain words: that thing resized, declined with what can be done for it
    "a thing's size in plain words": [
        ("increase the size of the lighthouse", [], None, "can't move or resize the lighthouse"),
        ("please reduce the size of the balloon", [], None, "can't move or resize the balloon"),
        ("decrease the size of his ears", [], None, "bigger or smaller"),
        ("increase the size of the text", [], None, "not sure"),                                     # unchanged: lettering
        ("make the balloon smaller", [], None, "can't move or resize the balloon"),                  # unchanged
    ],
    # things laid out anew: declined in one line, the cut-out that only prepared it goes with it
    "a layout": [
        ("cut out the faces and arrange them in a row", [], None, "lay them out anew"),
        ("crop out the two dogs and line them up side by side", [], None, "lay them out anew"),
        ("make a collage of the kids", [], None, "lay them out anew"),
        ("arrange the three cups vertically", [], None, "lay them out anew"),
        ("remove the lamp and arrange the chairs in a row", ["remove"], "lamp", "lay them out anew"),
        ("brighten it, then make a photo collage", ["adjust"], None, "lay them out anew"),
        ("replace the boy with a tree (for a collage project)", ["replace"], "boy", None),          # unchanged: a purpose
        ("cut out the dog", ["remove"], "dog", None),                                                # unchanged
        ("remove the line on his cheek", ["remove"], "line", None),                                  # unchanged
        ("lay a towel on the sand", ["add"], None, "towel"),                                         # unchanged
    ],
    # a border cropped away with why after it: still the photo's own border, trimmed
    "a border with a reason after it": [
        ("crop away the border around my scan so the edges look level", ["crop"], None, "trimming the plain border"),
        ("remove the white border so it looks cleaner", ["crop"], None, "trimming the white border"),
        ("get rid of the black bars so that it fills the screen", ["crop"], None, "trimming the black border"),
        ("remove the border of the rug so it looks plain", ["remove"], "border", None),              # unchanged: a thing
        ("remove the bars so the tiger is free", ["remove"], "bar", None),                           # unchanged: a thing
        ("remove the borders", ["crop"], None, "trimming the plain border"),                         # unchanged
    ],
    # the noun 'cutout' written for the verb before what it cuts out: read as 'cut-out' is
    "'cutout' as the verb": [
        ("please cutout the kite on the left and make the background transparent", ["background"], "kite",
         "cutting out the kite"),
        ("cutout my brother please", ["background"], "person", "cutting out the brother"),
        ("could you cutout the horse and put it on a grey background", ["background"], "horse", "background behind the horse"),
        ("make a cutout of my cat", ["background"], "cat", "cutting out"),                           # unchanged: a noun
        ("cut-out the horse", ["background"], "horse", "cutting out"),                               # unchanged
        ("cut out the horse", ["remove"], "horse", None),                                            # unchanged
    ],
    # commands run together, each opened with a capital: each its own clause (pinned; they already were)
    "capitalised commands run together": [
        ("Remove the fence Crop the left side Add a kite in the sky", ["remove", "crop", "add"], "fence", None),
        ("Brighten the lawn Darken the sky", ["adjust", "adjust"], "lawn", None),
        ("Remove The Car", ["remove"], "car", None),
        ("remove the man, then brighten it", ["remove", "adjust"], "man", None),
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,target,says", ROWS, ids=IDS)
def test_kind(kind, text, want, target, says):
    check_row(text, want, target, says)


def test_a_declined_resize_beside_an_edit_is_sure_and_said_once():
    _, plan, sure = actions("shrink picture add a snowy background")
    assert sure and plan.reply.lower().count("can't resize") == 1, plan.reply


def test_the_angle_said_is_the_angle_turned():
    _, plan, _ = actions("set the photo at 45°")
    rotations = [c.args.rotate for c in plan.calls if c.tool == "crop"]
    assert rotations == [45.0], plan.reply


def test_a_layout_declined_keeps_no_cut_out():
    _, plan, _ = actions("cut out the faces and arrange them in a row")
    assert not any(c.tool in ("select", "inpaint") for c in plan.calls), plan.reply
    assert "didn't understand" not in plan.reply, plan.reply
