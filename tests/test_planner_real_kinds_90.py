"""Bodies reshaped and things placed by depth (issue 20, body28): a part of someone's body made thinner with the part
said first ('make the cheeks on the woman in the middle slimmer', 'make his neck skinnier', 'make my legs lean') asked
'what should I do?' — it is a person reshaped, declined as 'make me slimmer' is; a thing by how near or far it is
('the bench farthest from the camera', 'the nearest bin', 'the dog in the first plan') was looked for as a thing called
'farthest' or the first dog — it is the thing in the background or the foreground; and a part of the photo said as a
corner with 'lower'/'upper' ('brighten the lower left of the photo') lost 'lower' to the tone verb, while 'the middle
right' looked for a thing called 'right' — both are regions of the photo.
Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence.

Each row: the request, the actions the plan must take in order, and what the row checks (see each test). Rows marked
"unchanged" planned the same before. The photo is 1200×800 (`tests/planner_kinds.CONTEXT`).
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, first_target

RESHAPED = "can't reshape a person"

# ---- a body or a part of it made thinner: the reshape refusal, other edits kept -----------------------------------
BODIES = [
    ("please make the cheeks on the woman in the middle slimmer", []),
    ("make his neck a bit skinnier", []),
    ("make my legs lean", []),
    ("make my belly fit and lean", []),
    ("make the arms of the boy thinner", []),
    ("make her face slim and remove the lamp", ["remove"]),           # unchanged
    ("make me slimmer", []),                                           # unchanged
    ("make the guy on the left look skinnier", []),                    # unchanged
]


@pytest.mark.parametrize("text, want", BODIES)
def test_a_body_made_thinner_is_declined_as_a_reshape(text, want):
    got, plan, sure = actions(text)
    assert got == want and RESHAPED in plan.reply and sure, (text, plan.reply)


NOT_BODIES = [
    ("make the line thinner", "resize the line"),                      # unchanged: a thing resized
    ("make the neck of the vase thinner", None),                       # unchanged: a thing's neck is no body
    ("make him lean against the fence", None),                         # unchanged: a pose, not a body made lean
    ("make her lean forward", None),                                   # unchanged
]


@pytest.mark.parametrize("text, says", NOT_BODIES)
def test_a_thing_made_thinner_or_a_lean_is_no_body_reshaped(text, says):
    _, plan, _ = actions(text)
    assert RESHAPED not in plan.reply, (text, plan.reply)
    if says is not None:
        assert says in plan.reply, (text, plan.reply)


# ---- a thing placed by depth: the background or the foreground, never a thing called 'furthest' ----------------------
DEPTHS = [
    ("remove the lamp post furthest away", ["remove"], "lamp post", "background"),
    ("erase the bench farthest from the camera", ["remove"], "bench", "background"),
    ("remove the kite farther back", ["remove"], "kite", "background"),
    ("remove the furthest sailboat", ["remove"], "sailboat", "background"),
    ("get rid of the van closest to us", ["remove"], "van", "foreground"),
    ("take out the nearest bin", ["remove"], "bin", "foreground"),
    ("remove the chair nearer to the front", ["remove"], "chair", "foreground"),
    ("make the farther hill darker", ["adjust"], "hill", "background"),
    ("remove the dog in the first plan", ["remove"], "dog", "foreground"),
    ("remove the girl at the very back", ["remove"], "girl", "background"),            # unchanged
    ("remove the bottle in the foreground", ["remove"], "bottle", "foreground"),       # unchanged
    ("remove the boy furthest to the right", ["remove"], "boy", "right"),              # unchanged: a side
    ("remove the man on the left", ["remove"], "man", "left"),                         # unchanged
    ("remove the first car", ["remove"], "car", None),                                 # unchanged: an order
]


@pytest.mark.parametrize("text, want, target, position", DEPTHS)
def test_a_thing_placed_by_depth(text, want, target, position):
    got, plan, _ = actions(text)
    assert got == want and first_target(plan) == target, (text, plan.reply)
    select = next(c for c in plan.calls if c.tool == "select")
    assert select.args.position == position, (text, plan.reply)
    assert "furthest" not in (select.args.phrase or "") and "nearest" not in (select.args.phrase or ""), plan.reply


@pytest.mark.parametrize("text", ["the furthest thing from the truth", "the nearest thing to a miracle"])
def test_a_saying_with_a_depth_word_is_no_request(text):
    got, plan, _ = actions(text)
    assert got == [] and not plan.calls, (text, plan.reply)


def test_the_background_blurred_is_unchanged():
    got, _, _ = actions("blur the background")
    assert got == ["background"]


# ---- a part of the photo said as a corner or the middle of a side: its region ------------------------------------
REGIONS = [
    ("brighten the lower left of the photo", {"box": (0, 534, 400, 800)}, "bottom-left corner"),
    ("make the lower left of the picture brighter", {"box": (0, 534, 400, 800)}, "bottom-left corner"),
    ("darken the lower right of the picture", {"box": (800, 534, 1200, 800)}, "bottom-right corner"),
    ("darken the middle right", {"box": (800, 266, 1200, 534)}, "middle right"),
    ("make the centre left a bit brighter", {"box": (0, 266, 400, 534)}, "middle left"),
    ("brighten the upper right of the photo", {"box": (800, 0, 1200, 266)}, "top-right corner"),   # unchanged
    ("lower the brightness of the top left", {"box": (0, 0, 400, 266)}, "top-left corner"),        # unchanged
    ("brighten the lower half", {"side": "bottom", "fraction": 0.5}, "bottom half"),               # unchanged
]


@pytest.mark.parametrize("text, region, says", REGIONS)
def test_a_part_of_the_photo_is_its_region(text, region, says):
    got, plan, _ = actions(text)
    assert got == ["adjust"] and plan.calls[0].tool == "region", (text, plan.reply)
    args = plan.calls[0].args.model_dump(exclude_none=True, exclude_defaults=True)
    assert args == region and says in plan.reply, (text, args, plan.reply)


def test_a_thing_in_the_middle_of_a_side_is_still_placed_in_the_middle():
    """Unchanged (kinds_16): a thing 'in the middle right' is looked for in the middle, the side kept in the reply."""
    _, plan, _ = actions("remove the lamp in the middle right of the photo")
    select = plan.calls[0]
    assert select.tool == "select" and select.args.target == "lamp" and select.args.position == "center", plan.reply
