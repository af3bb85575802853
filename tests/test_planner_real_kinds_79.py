"""Regional and whole-photo tone said in ways still misread (issue 20, tone26): a colour wished for a side of the photo
with 'make' ('make the bottom more violet') was a thing called 'bottom' recoloured or not understood; a whole-photo tint
in a colour neither warm nor cool ('give it a teal tint') was said to be out of reach, and the photo turned grey was
asked which part to recolour; a part of the photo said before the photo a diagnosis names ('the left half of the
picture is too bright') was measured over the whole photo; haze said of a part of the photo ('the upper right is
misty', 'the fog in the upper right is thick') was cleared everywhere or over an unnamed thing.
Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence.

Each row: the request, the actions the plan must take in order, the first select's target (None: no select) and words
the reply must hold (None: unchecked). Rows marked "unchanged" planned the same before.
"""

from __future__ import annotations

import pytest

from retouch.agent.planner.rules_vocab import COMPARATIVE_COLOUR_SHARE, TINT_SHARE
from tests.planner_kinds import CONTEXT, actions, rows_of

KINDS = {
    # a colour wished for a side of the photo is the side wash (warmth for a warm or cool colour)
    "a side of the photo given a colour": [
        ("make it a little more magenta at the bottom", ["recolor"], None, "washing the bottom of the photo with magenta"),
        ("make the bottom more violet", ["recolor"], None, "washing the bottom of the photo with violet"),
        ("please make the right half of the picture teal", ["recolor"], None, "the right half with teal"),
        ("make the photo a touch more orange on the left", ["adjust"], None, "warming the left of the photo"),
        ("make the top a bit more blue", ["adjust"], None, "cooling the top of the photo"),
        ("make her top pink", ["recolor"], "top", "making the top pink"),                         # unchanged: a garment
        ("make the top magenta", ["recolor"], "top", None),                                       # unchanged: may be worn
        ("make the top of the lighthouse more violet", ["recolor"], "lighthouse", None),         # unchanged: a thing's part
        ("make the van pink", ["recolor"], "van", None),                                          # unchanged
    ],
    # a whole-photo tint in a colour with no warmth washes all of it; grey takes the colours out
    "a whole-photo tint of any colour": [
        ("give this picture a magenta tint", ["recolor"], None, "washing the whole photo with magenta"),
        ("put a purple filter on it", ["recolor"], None, "washing the whole photo with purple"),
        ("turn the entire image violet", ["recolor"], None, "washing the whole photo with violet"),
        ("turn everything grey", ["adjust"], None, "black and white"),
        ("change the photo to gray", ["adjust"], None, "black and white"),
        ("make it all a bit more grey", ["adjust"], None, "muting the colours"),                 # unchanged: towards grey
        ("make the picture warmer", ["adjust"], None, "warming"),                                # unchanged
        ("give it a red tint", ["adjust"], None, "warming"),                                     # unchanged: a warm one
    ],
    # a part of the photo said before the photo a diagnosis names is measured there
    "a part of the photo too dark or too bright": [
        ("the bottom of the image is much too dark", ["enhance"], None, "exposure of the bottom of the photo"),
        ("the left half of the picture is too bright", ["enhance"], None, "exposure of the left half"),
        ("honestly the lower part of this photo looks underexposed", ["enhance"], None, "exposure of the bottom part"),
        ("the upper right corner of the photo is too dark", ["enhance"], None, "top-right corner"),
        ("this photo is too dark", ["enhance"], None, "correcting the exposure by what i measure"),  # unchanged
        ("the bottom of the bridge is too dark", ["enhance"], "bridge", None),                   # unchanged: a thing
    ],
    # haze or noise said of a part of the photo is cleared there
    "haze in a part of the photo": [
        ("the upper right is misty", ["enhance"], None, "clearing the haze in the top-right corner"),
        ("dehaze the upper right of the photo", ["enhance"], None, "clearing the haze in the top-right corner"),
        ("make the bottom right a bit less foggy", ["enhance"], None, "clearing the haze in the bottom-right corner"),
        ("the fog in the upper right is far too strong", ["enhance"], None, "clearing the haze in the top-right corner"),
        ("get rid of the mist in the right side top of the picture", ["enhance"], None, "top-right corner"),
        ("make the bottom right less grainy", ["enhance"], None, "removing the noise in the bottom-right corner"),
        ("dehaze the woman on the right", ["enhance"], "woman", "over the woman"),               # unchanged: a person
        ("the mist over the lake is too thick", ["enhance"], None, "clearing the haze"),        # unchanged: all of it
        ("clear the haze", ["enhance"], None, "clearing the haze"),                              # unchanged
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,target,says", ROWS, ids=IDS)
def test_kind(kind, text, want, target, says):
    got, plan, _ = actions(text)
    assert got == want, (text, plan.reply)
    assert next((c.args.target for c in plan.calls if c.tool == "select"), None) == target, (text, plan.reply)
    if says is not None:
        assert says.lower() in plan.reply.lower(), (text, plan.reply)


def _region_of(text: str) -> dict:
    _, plan, _ = actions(text)
    regions = [c.args for c in plan.calls if c.tool == "region"]
    assert len(regions) == 1, (text, plan.reply)
    return regions[0].model_dump(exclude_none=True, exclude_defaults=True)


def test_a_whole_photo_tint_washes_all_of_it_part_of_the_way():
    assert _region_of("give this picture a magenta tint") == {"side": "top", "fraction": 1.0}
    _, plan, _ = actions("give this picture a magenta tint")
    fill = next(c.args for c in plan.calls if c.tool == "inpaint")
    assert fill.color == "magenta" and fill.color_share == TINT_SHARE < COMPARATIVE_COLOUR_SHARE, fill


def test_a_side_wished_a_colour_washes_that_side_only():
    assert _region_of("make the bottom more violet") == {"side": "bottom", "fraction": 0.3333}
    assert _region_of("please make the right half of the picture teal") == {"side": "right", "fraction": 0.5}


def test_a_part_too_dark_is_measured_there_and_read_as_too_dark():
    _, plan, _ = actions("the bottom of the image is much too dark")
    assert _region_of("the bottom of the image is much too dark") == {"side": "bottom", "fraction": 0.3333}
    fix = next(c.args for c in plan.calls if c.tool == "enhance")
    assert fix.masked and fix.felt == ["too_dark"], fix


def test_haze_in_a_corner_is_cleared_in_that_corner_box():
    width, height = CONTEXT.image_size
    box = _region_of("the upper right is misty")["box"]
    assert box[0] > width / 2 and box[1] == 0 and box[2] == width and box[3] < height / 2, box
