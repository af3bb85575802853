"""Composites and drawings no tool makes, in the shapes that were planned as edits (issue 20, notool round 16): a face
copied onto the others or made a named person's, a thing fetched from another picture, a thing of the photo pasted, a
shape drawn — declined with what is possible, while an edit said beside them (a mirror, a brightening) is kept and
real edits (a hat added, a sky swapped, a flip, a face made a thing's) stay edits. Every sentence is written here for
the purpose — none is taken from the real-request corpus, whose texts carry no licence.

The principle for faces: a face made *somebody's* — a person in the photo, a name (capitalised or not), 'mine' — is a
face swap, declined; a face of nobody in particular ('a face', 'a man's face', 'a clown face') is drawn by the
inpainter, an add or a replace.

Each row: the request, the actions the plan must take in order, what the first select must find (None: not checked)
and what the reply must say (None: not checked). Rows marked "unchanged" planned the same before this round.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_row, rows_of

KINDS = {
    # one face copied onto the others, or taken and put somewhere else: the face-swap line, never a removal or add
    "a face copied": [
        ("put the groom at the back's face on everybody else", [], None, "can't swap faces"),
        ("shop the toddler's face onto all the others please", [], None, "can't swap faces"),
        ("grab her face too and stick it in the fishbowl", [], None, "can't swap faces"),
        ("take her face and flip it, then grab her face again and drop it into the pond all washed out", [], None,
         "can't swap faces"),                                   # the placement after it is no washed-out photo fixed
        ("put a cat's face on him", ["replace"], "face", None),      # replace23: his face replaced, not a second one
        ("brighten everyone's faces", ["adjust"], None, None),                                    # unchanged
    ],
    # a face made a named person's — a surname written lowercase is still a name; a thing described is drawn
    "a face made a named person's": [
        ("change his face to gobbleworth", [], None, "can't swap faces"),
        ("swap her face with mine", [], None, "can't swap faces"),
        ("change his face to a pumpkin face", ["replace"], None, "pumpkin face"),                  # unchanged
        ("change her face to happy", ["replace"], None, None),                                    # unchanged
        ("give the toad a man's face", ["add"], "toad", "man's face"),                             # unchanged
        ("make his melon have a face", ["add"], None, "a face on the melon"),                      # unchanged
    ],
    # a thing fetched from another picture or a part taken from one: declined, with the add or background said in words;
    # a thing of the photo pasted: the composite line
    "fetched or pasted": [
        ("look for a photo of a tiara and put it on my cat", [], None, "part of another picture"),
        ("get a pic of a tuxedo and fit it onto the puppy", [], None, "part of another picture"),
        ("set the background to the one on the second photo", [], None, "part of another picture"),
        ("swap the sky with the sky from my other pic, then warm it up", ["adjust"], None, "part of another picture"),
        ("replace her face with the one from my second pic", [], None, "can't swap faces"),          # unchanged
        ("remove the dogs in the first picture", ["remove"], None, None),                          # unchanged
        ("cut out the bike then paste it into the middle of the lake", [], None, "composite"),
        ("paste to the centre of the ring on the wall", [], None, "composite"),
        ("paste in the middle of the plate", [], None, "composite"),
        ("paste in a crocodile head", ["add"], None, None),                                       # unchanged
        ("take a picture of us and make it warmer", ["adjust"], None, None),                       # unchanged
        ("find the dog on the left", [], "dog", None),                                             # unchanged
    ],
    # an edit beside a composite is kept: the whole picture mirrored or cropped is no part of what is pasted
    "an edit kept beside a composite": [
        ("mirror the photo then add a picture of a footballer", ["crop"], None, "composite"),
        ("crop the picture and place it inside the star frame", ["crop"], None, "composite"),
        ("flip it and put it in the poster", [], None, "composite"),                               # unchanged
        ("flip the image", ["crop"], None, None),                                                  # unchanged
    ],
    # a thing resized beside an edit: declined, and the edit is still planned (never silently dropped)
    "a thing resized beside an edit": [
        ("make the kettle smaller then brighten the photo", ["adjust"], None, "can't move or resize"),  # unchanged
        ("make the kettle smaller", [], None, "can't move or resize"),                             # unchanged
    ],
    # one thing flipped on its own: declined (a flip is of the whole picture); a flip of the whole stays a flip
    "a thing flipped alone": [
        ("could someone flip only the banner so the writing reads properly", [], None, "can't flip one thing"),
        ("mirror just my sister", [], None, "can't flip one thing"),
        ("flip just the image", ["crop"], None, None),                                             # unchanged
        ("just flip it", ["crop"], None, None),                                                    # unchanged
        ("flip the car", ["crop"], None, "whole picture"),                                         # unchanged
    ],
    # a line, an outline or a shape drawn: declined; the edit before it is kept
    "a shape drawn": [
        ("darken it a touch and then draw a thin square outline in pale blue", ["adjust"], None, "can't draw"),
        ("draw a red circle around the kite", [], None, "can't draw"),
        ("sketch an arrow pointing at the boat", [], None, "can't draw"),
        ("put a hat on the dog", ["add"], "dog", None),                                           # unchanged
        ("swap the sky for a sunset", ["replace"], "sky", None),                                   # unchanged
    ],
}
ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,target,says", ROWS, ids=IDS)
def test_composite_and_drawing_kinds(kind: str, text: str, want: list[str], target: str | None,
                                     says: str | None) -> None:
    check_row(text, want, target, says)


def test_a_declined_composite_keeps_the_mirror_call() -> None:
    """The mirror said before a composite is planned as the flip it is; the composite part adds no call."""
    _, plan, _ = actions("mirror the image then mount a photo of a guitarist")
    assert [c.tool for c in plan.calls] == ["crop"]
    assert plan.calls[0].args.flip == "horizontal"
