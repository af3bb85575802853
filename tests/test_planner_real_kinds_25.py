"""The background said the ways the third dev batch of real requests says it (issue 20, round 14): the background
brightened or darkened (a tone of the same background, no new one), a blur asked in a list ('blur bg/people', '…,
gently blur bg & warm it') or of the people behind, an edit and then the background after a comma or run on with no
punctuation, a thing taken
*from* the scenery (that thing goes) beside a person or a thing lifted from *its* background (a cut-out), a background
added with none named, people set into a scenic backdrop, and a picture 'cut' with nothing more said (a
cut-out). Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no licence.

Each row: the request, the actions the plan must take in order, what the first select must find (None: not checked)
and what the reply must say (None: not checked). Rows marked "unchanged" planned the same before this round.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_row, rows_of

KINDS = {
    # the background's light changed is a tone of the same background, masked to it — not a new one
    "the background brightened or darkened": [
        ("darken the backdrop behind the violinist", ["adjust"], "violinist", "darkening the background"),
        ("could the surroundings be a little lighter", ["adjust"], "person", "brightening the background (+0.15)"),
        ("tone the background down, make it much darker", ["adjust"], None, None),
        ("whiten the cheeks and darken the bg", ["adjust", "adjust"], None, "darkening the background"),
        ("make the background black", ["background"], "person", "making the background black"),        # unchanged
        ("blur the background", ["background"], "person", "blurring the background"),                  # unchanged
    ],
    # a blur of the background said in a list or with the people standing in it
    "a blur in a list or of the people behind": [
        ("blur bg/people please", ["background"], "person", "blurring the background"),
        ("sharpen the shot and blur the background folks so my aunt stands out", ["adjust", "background"], None,
         "blurring the background"),
        ("blur all the background tourists", ["background"], "person", "blurring the background"),
        ("make the backdrop little bit blur and erase the crumbs on his chin", ["background", "remove"], "person",
         "blurring the background"),
        ("remove the background strangers", ["remove"], "person", None),                                # unchanged
    ],
    # an edit, a comma, then the background: both, each read as if said alone
    "an edit, then the background": [
        ("erase the loose threads, softly blur bg & warm it up", ["remove", "background", "adjust"], "thread",
         "blurring the background"),
        ("take out the traffic cone, then make the backdrop grey", ["remove", "background"], "traffic cone", None),
        ("I'd love the trim to be gold, and the bg to be navy.", ["recolor", "background"], None, None),  # unchanged
        ("either paint out the crowd behind us, or black out the whole background", ["background"], None, None),
        ("erase the three kids on the right, have the lady on the left with a white bg", ["remove", "background"],
         None, "making the background white"),
    ],
    # the same with no comma: a verb that edits a background starts its own edit in a run-on request
    "an edit, then the background, run on": [
        ("erase the kite swap background", ["remove", "background"], "kite", "studio backdrop"),
        ("give it a black and white look swap backdrop to navy", ["adjust", "background"], None,
         "making the background navy"),
        ("remove the bucket change background to a rocky shore crop photo", ["remove", "background", "crop"],
         "bucket", "rocky shore"),
        ("we need to swap the backdrop for plain grey", ["background"], "person", None),                # unchanged
        ("add a railway station background", ["background"], "person", "railway station"),             # unchanged
    ],
    # 'cutting' a picture with no shape or size said is a cut-out of what it shows
    "a cut-out said as cutting a picture": [
        ("could someone help cutting a quick photo for us? the bike's spokes will be fiddly", ["background"],
         "person", "cutting out"),
        ("could anyone help cutting out this pic please", ["background"], "person", "cutting out"),
        ("cut the photo in half", [], None, None),                                                      # unchanged
    ],
    # a thing taken from the scenery goes; a person, a head or a thing lifted from its own background is cut out
    "taken from the background": [
        ("can you get rid of the ugly kettle from this charming scenery?", ["remove"], "kettle", None),
        ("able to erase the ugly mug from this cool scenery?", ["remove"], "mug", None),
        ("remove the flagpole from the backdrop", ["remove"], "flagpole", None),                         # unchanged
        ("please remove him from the background, his curls make it hard", ["background"], "person", "cutting out"),
        ("remove his head from the background (for a memorial card)", ["background"], "head", "cutting out the head"),
        ("help me remove the wooden carving from its background", ["background"], "carving", "cutting out"),
        ("remove the two men from the background", ["remove"], None, None),                             # unchanged
        ("remove the background", ["background"], "person", "transparent"),                             # unchanged
    ],
    # a background added with nothing named is a new one: the default backdrop, said, and the plan unsure
    "a background added": [
        ("add some background here", ["background"], "person", "you didn't say with what"),
        ("add a background behind the cockatoo", ["background"], "cockatoo", "studio backdrop"),
        ("add a snowy background", ["background"], "person", "snowy"),                                  # unchanged
        ("edit the kids into scenic background", ["background"], "person", "scenic"),
        ("add a backdrop of a snowy lake", ["background"], "person", "snowy lake"),
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind, text, want, target, says", ROWS, ids=IDS)
def test_background_kinds(kind, text, want, target, says):
    check_row(text, want, target, says)


@pytest.mark.parametrize("text, amount", [
    ("darken the backdrop a bit", -0.15),
    ("brighten the background a lot", 0.5),
    ("make the bg lighter", 0.25),
])
def test_the_background_toned_is_a_masked_adjust_of_everything_but_the_subject(text, amount):
    """Was inpaint(background, style darker/lighter): a fixed factor whatever was said. Now the amount said moves
    only what lies outside the subject."""
    _, plan, sure = actions(text)
    select, adjust = plan.calls
    assert select.tool == "select" and select.args.exclude and select.args.target == "person", plan.reply
    assert adjust.tool == "adjust" and adjust.args.masked and adjust.args.brightness == pytest.approx(amount)
    assert sure, plan.reply


def test_a_background_added_with_none_named_is_unsure():
    """The default backdrop is a guess: said in the reply, and the plan unsure so `auto` can ask the LLM."""
    _, plan, sure = actions("add a background behind the cockatoo")
    inpaint = next(call for call in plan.calls if call.tool == "inpaint")
    assert inpaint.args.background == "generate" and "studio backdrop" in inpaint.args.prompt
    assert not sure, plan.reply


def test_a_lifted_person_keeps_the_subject_and_clears_the_rest():
    """'remove her from the background' had painted her out; the cut-out keeps her and makes the rest clear."""
    _, plan, _ = actions("please remove her from the background")
    select = plan.calls[0]
    inpaint = next(call for call in plan.calls if call.tool == "inpaint")
    assert select.args.exclude and select.args.target == "person"
    assert inpaint.args.task == "background" and inpaint.args.background == "transparent"
