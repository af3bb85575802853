"""Geometry the GIER editors answered with a crop, straightening or resize that the rules still missed (issue 20,
geometry round 19): a zoom in said with nothing to zoom to ("zoom in", "zoom it in a tad", "zoom into the picture a
bit more") is the crop with no shape — in around the main subject at the photo's shape, said, with how to name a thing
— where it used to ask "zoom in on what?" and leave the crop out of the plan; and a plain border said in words the
trim didn't read ("the green border around the picture", "the bottom border", "the white portion of this photo",
"the edges of the picture") is the measured trim, not a thing painted over. Every sentence is written here for the
purpose — none is taken from the real-request corpus, whose texts carry no licence.

Each kind row: the request, the actions the plan must take in order, what the first select must find (None: no select
may be made, or not checked where marked) and what the reply must say (None: not checked). Rows marked "unchanged"
planned the same before this round.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_row, rows_of

KINDS = {
    # a zoom onto nothing named: the crop in around the main subject, never a question that drops the crop
    "a bare zoom in": [
        ("zoom in", ["crop"], None, "nothing named to zoom in on"),
        ("could you zoom it in a tad", ["crop"], None, "around the main subject"),
        ("zoom into the picture a bit more please", ["crop"], None, "zoom in on the dog"),
        ("zoom", ["crop"], None, "around the main subject"),
        ("brighten it up and zoom in", ["adjust", "crop"], None, "around the main subject"),
        ("zoom in, then take the lamp post out", ["crop", "remove"], None, "lamp post"),
        ("zoom in closer and make the lawn greener", ["crop", "recolor"], None, None),
        # unchanged: a thing named is the crop to it; a zoom out grows the canvas; a zoom told is no edit
        ("zoom in on the lighthouse", ["crop"], "lighthouse", None),
        ("zoom out a little", ["outpaint"], None, None),
        ("I zoomed in a lot so it is grainy, could you clean it up", ["enhance"], None, None),
        ("crop it and zoom in on the kitten", ["crop"], None, "cropping to the kitten"),
        ("zoom in on the photo", ["crop"], None, "around the main subject"),
    ],
    # a plain border said in words the trim didn't read: a colour of its own, the side it is on, a portion of the photo
    # in a colour, edges named as the picture's — the measured trim, never a thing painted over
    "a border trimmed": [
        ("please take away the green border around the picture", ["crop"], None, "trimming the plain border"),
        ("get rid of the orange borders", ["crop"], None, "trimming"),
        ("could you delete the bottom border", ["crop"], None, "trimming"),
        ("remove the left and right margins please", ["crop"], None, "trimming"),
        ("take out the white portion of this photo", ["crop"], None, "trimming the white border"),
        ("delete the edges of this picture please", ["crop"], None, "trimming"),
        ("cut away the scan edges, then make it warmer", ["crop", "adjust"], None, "trimming"),
        # unchanged: bars, a frame or an area in a colour of their own are things; so is a thing's edge or border
        ("remove the red bars from the gate", ["remove"], None, None),
        ("remove the blue area on her sleeve", ["remove"], None, None),
        ("remove the edge of the table", ["remove"], "table", None),
        ("remove the picture frame on the wall", ["remove"], None, None),
        ("get rid of the black bars", ["crop"], None, "trimming the black border"),
        ("remove the bars", ["remove"], None, None),
        ("remove the lower half of the photo with the cars then remove top border", ["remove", "crop"], None, None),
        ("remove the lower half of the photo with the cars na remove top border", ["remove", "crop"], None, None),  # a
        # form's empty-field mark between two commands is a break (runon23), as 'then' is
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize(("kind", "text", "want", "target", "says"), ROWS, ids=IDS)
def test_kind(kind: str, text: str, want: list[str], target: str | None, says: str | None) -> None:
    check_row(text, want, target, says)


def test_a_bare_zoom_is_one_subject_crop_with_a_zoom_and_a_crop_said_together() -> None:
    """'zoom in a bit and crop it' says 'in closer' twice: one crop in around the subject, not two crops."""
    got, plan, _ = actions("zoom in a bit and crop it")
    crops = [call for call in plan.calls if call.tool == "crop"]
    assert got == ["crop"] and len(crops) == 1 and crops[0].args.subject, plan.reply


def test_a_bare_zoom_reads_its_amount() -> None:
    """How far ('a touch', 'a lot') is the zoom's own word: not said to be left out, and the plan stays sure."""
    for text in ("zoom it in a touch", "zoom in a lot please"):
        got, plan, sure = actions(text)
        assert got == ["crop"] and "didn't understand" not in plan.reply and sure, (text, plan.reply)
