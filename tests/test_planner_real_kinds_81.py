"""Things in and of the background still misread (issue 20, bgthings26): a measured correction said of the background
('fix the lighting in the background') selected a thing called 'fix' and brightened it, or brightened the background
by a fixed step; the background named by what it is and taken away ('delete the wall backdrop') was made transparent,
where 'remove the wall behind her' gets a new background; and a colour given to 'it' after the background was cleaned,
taken away or changed ('tidy the backdrop and make it white') asked which part to recolour.
Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence.

Each row: the request, the actions the plan must take in order, the first select's target (None: unchecked) and words
the reply must hold (None: unchecked). Rows marked "unchanged" planned the same before.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_row, rows_of

KINDS = {
    # a measured correction said of the background: measured and corrected there, the subject kept out
    "a correction of the background": [
        ("fix the lighting in the background", ["enhance"], "person", "exposure in the background"),
        ("could you correct the exposure of the backdrop", ["enhance"], "person", "exposure in the background"),
        ("the colours in the background look off", ["enhance"], "person", "in the background"),
        ("correct the white balance in the background please", ["enhance"], "person", "colour cast in the background"),
        ("clean up the grain in the background", ["enhance"], "person", "noise in the background"),
        ("brighten the background", ["adjust"], "person", "brightening the background"),           # unchanged
        ("fix the lighting", ["enhance"], None, "correcting the exposure by"),                       # unchanged
        ("change the colour of the backdrop to green", ["background"], "person", "background green"),  # unchanged
    ],
    # the background named by what it is, taken away: a new one behind who stays, as 'the wall behind her' gets
    "a backdrop named by what it is, taken away": [
        ("delete the wall backdrop", ["background"], "person", "wall backdrop with a soft neutral"),
        ("erase the curtain background behind my daughter", ["background"], "daughter", "curtain background"),
        ("please get rid of the brick wall backdrop", ["background"], "person", "brick wall backdrop"),
        ("remove the wall behind him", ["background"], "person", "soft neutral studio"),              # unchanged
        ("remove the background", ["background"], "person", "transparent"),                         # unchanged
        ("remove the white background", ["background"], "person", "transparent"),                   # unchanged
        ("blur the background", ["background"], "person", "blurring the background"),              # unchanged
    ],
    # 'it' given a colour after the background was its object: the background, in that colour
    "a colour for the background just named": [
        ("tidy up the backdrop and make it white", ["background"], "person", "background white"),
        ("erase the background, then turn it light blue", ["background"], "person", "background light blue"),
        ("swap the background and paint it black", ["background"], "person", "background black"),
        ("blur the backdrop and make it grey", ["background", "background"], "person", "background gray"),
        ("erase the kid in the backdrop, then turn it white", ["remove"], "kid", "which part"),    # unchanged
        ("blur the background and make it darker", ["background", "adjust"], "person", "darkening the image"),  # unchanged
        ("crop the photo and make it red", ["crop"], None, "which part"),                             # unchanged
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,target,says", ROWS, ids=IDS)
def test_kind(kind, text, want, target, says):
    check_row(text, want, target, says)


def test_a_correction_of_the_background_keeps_the_subject_out_and_masks_the_measure():
    _, plan, _ = actions("fix the lighting in the background")
    select, enhance = plan.calls
    assert select.tool == "select" and select.args.exclude and select.args.target == "person", plan
    assert enhance.tool == "enhance" and enhance.args.masked and enhance.args.parts == ["exposure"], plan
    assert "fix" not in plan.reply.lower(), plan.reply


def test_a_backdrop_named_by_what_it_is_is_unsure_and_says_how_to_name_another():
    got, plan, sure = actions("delete the wall backdrop")
    assert got == ["background"] and not sure, plan.reply
    inpaint = next(call for call in plan.calls if call.tool == "inpaint")
    assert inpaint.args.background == "generate" and "change the background to" in plan.reply, plan.reply


def test_a_background_cleaned_then_coloured_is_one_step_and_asks_nothing():
    got, plan, sure = actions("declutter the backdrop, then make it white")
    inpaint = next(call for call in plan.calls if call.tool == "inpaint")
    assert got == ["background"] and inpaint.args.background == "white" and sure, plan.reply
    assert "?" not in plan.reply, plan.reply
