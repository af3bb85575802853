"""Replace, recolour, fix and add said the way people say them (issue 20, edits20): a new thing made to be there with
'show' or 'have' ('show steam rising from the teapot'), or wished by how the photo should look ('make it look like
there's a fox in the hedge'), was a question or nothing; a part of a face wished closed ('close her eyes', 'make their
mouths look closed') was unread; 'photoshop my dog to match the rug colour' removed the dog; 'make the book cover show
up' removed a thing called 'show' ('cover … up' read as a removal's particle); 'instead of' opening the request named no
replace; 'change the colour pink of the cap to a quieter one' replaced the cap with 'a quieter one'; 'mend' was no verb
and a torn sleeve was redrawn 'neat' as if nothing were said wrong with it.
Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence.

Each row: the request, the actions the plan must take in order, the first select's target (None: not checked), and
words the first fill's prompt must hold (None: not checked). Rows marked "unchanged" planned the same before.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, first_prompt, first_target, rows_of

KINDS = {
    # a new thing made to be there by 'show' / 'have' with where it is or what it does, or 'look like there's …'
    "made to be there": [
        ("show steam rising from the teapot", ["add"], "teapot", "steam"),
        ("have a hot air balloon over the valley", ["add"], "valley", "hot air balloon"),
        ("have some gulls flying over the harbour", ["add"], "harbour", "gulls"),
        ("make it look like there's a fox in the hedge", ["add"], "hedge", "a fox"),
        ("show the dog better", [], None, None),                                      # unchanged: no new thing
        ("have a look at the sky", [], None, None),                                   # unchanged
        ("show more of the beach", ["outpaint"], None, None),                         # unchanged: the canvas
    ],
    # a part of a face wished closed (or open): that part's fix, painted that way
    "a part wished closed": [
        ("close her eyes", ["fix"], "eye", "closed eyes"),
        ("make their mouths look closed", ["fix"], "mouth", "closed mouth"),
        ("shut the baby's mouth please", ["fix"], "mouth", "closed mouth"),
        ("make my brother's eyes appear open", ["fix"], "eye", "natural matching eyes"),
        ("open his eyes", ["fix"], "eye", "natural matching eyes"),                  # unchanged
        ("a close up of her eyes", [], None, None),                                   # unchanged: no wish
    ],
    # a colour to be another thing's: the colour said is done, none said is asked — never a removal or a replace
    "to match another thing": [
        ("shop the kettle green to match the toaster", ["recolor"], "kettle", "green"),
        ("photoshop my dog to match the rug colour", [], None, None),
        ("change the colour of my scarf into something that goes with my coat", [], None, None),
        ("change the vase to match the curtains", [], None, None),
        ("photoshop the cars in the background", ["remove"], "car", None),           # unchanged
        ("paint the shed the same green as the gate", ["recolor"], "shed", "green"),
        ("make the front door the same colour as the shutters", [], None, None),
        ("remove the kite, keep the same colours", ["remove"], "kite", None),          # unchanged: a setting
    ],
    # a corner of the photo put right with no thing named: refilled from what is around it
    "a corner fixed": [
        ("fix the lower left to match the rest of the scene", ["remove"], None, None),
        ("could the upper right of the picture be repaired to match the rest", ["remove"], None, None),
        ("please correct the bottom right corner", ["remove"], None, None),
        ("fix the left side brightness", ["adjust"], None, None),                     # unchanged: a tone
        ("fix the bridge on the left", [], None, None),                               # unchanged: a thing
    ],
    # 'show up' after its thing: the thing made visible, never a thing called 'show'
    "shown up": [
        ("make the book cover show up", ["enhance"], "cover", None),
        ("get the fireflies to show up more", ["enhance"], "firefly", None),
        ("make the road sign show up better", ["enhance"], "road sign", None),
        ("get the lighthouse to show up better without touching the sea", ["enhance"], "lighthouse", None),
        ("cover the sign up", ["remove"], "sign", None),                              # unchanged
        ("brighten the hikers so they show up", ["adjust"], "hiker", None),           # unchanged
    ],
    # a replace opened by 'instead of'; a thing's colour changed to one described is a recolour asked, not a replace
    "instead of first, a colour described": [
        ("instead of the vase here a lamp needs to be drawn", ["replace"], "vase", "a lamp"),
        ("instead of the bucket, a watering can please", ["replace"], "bucket", "a watering can"),
        ("change the colour green of his hat to a quieter one", [], None, None),
        ("change the colour of the boat to a calmer one", [], None, None),
        ("change the kettle to a teapot", ["replace"], "kettle", "a teapot"),         # unchanged
        ("change the cap to pink", ["recolor"], "cap", "pink"),                       # unchanged
        ("a pink mug instead of the green one", ["recolor"], "mug", "pink"),          # unchanged
    ],
    # a new colour for a thing named by its old one: the fill draws the new colour only, and 'one' or the same noun after
    # a colour is the thing itself
    "a colour for a colour": [
        ("paint the dark green door red", ["recolor"], "door", "red door"),
        ("turn the white cushions grey", ["recolor"], "cushion", "grey cushions"),
        ("swap the grey van for a yellow one", ["recolor"], "van", "yellow van"),
        ("change the jug to a teal jug", ["recolor"], "jug", "teal jug"),
        ("replace the chair with a wooden chair", ["replace"], "chair", "a wooden chair"),     # unchanged
        ("make the lake teal and the field yellow", ["recolor", "recolor"], "lake", "teal lake"),  # unchanged
    ],
    # a thing mended or repaired: drawn whole when its damage is said
    "mended": [
        ("mend the broken gate", ["fix"], "gate", "an intact gate"),
        ("mend the torn sleeve on her coat", ["fix"], "sleeve", "an intact sleeve"),
        ("repair the ripped collar", ["fix"], "collar", "an intact collar"),
        ("mend this old photo", ["enhance"], None, None),
        ("fix my tie", ["fix"], "tie", "a neat tie"),                                 # unchanged: nothing said wrong
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,target,prompt", ROWS, ids=IDS)
def test_kind(kind, text, want, target, prompt):
    got, plan, _ = actions(text)
    assert got == want, (text, plan.reply)
    if target is not None:
        assert first_target(plan) == target, (text, plan.reply)
    if prompt is not None:
        assert prompt in (first_prompt(plan) or ""), (text, first_prompt(plan), plan.reply)


@pytest.mark.parametrize("text,thing,other", [
    ("photoshop my dog to match the rug colour", "the dog", "the rug"),
    ("change the colour of my scarf into something that goes with my coat", "the scarf", "my coat"),
])
def test_a_colour_to_match_asks_which_naming_both(text, thing, other):
    _, plan, sure = actions(text)
    assert not plan.calls and sure, plan.reply
    assert f"What colour should {thing} be?" in plan.reply and other in plan.reply, plan.reply


@pytest.mark.parametrize("text", ["change the colour green of his hat to a quieter one",
                                  "change the colour of the boat to a calmer one"])
def test_a_colour_described_by_one_asks_which_colour(text):
    _, plan, _ = actions(text)
    assert not plan.calls and plan.reply.startswith("Which colour should the"), plan.reply


def test_a_mouth_on_each_face_is_closed():
    _, plan, _ = actions("make their mouths look closed")
    select = next(c for c in plan.calls if c.tool == "select")
    assert select.args.all and "closing all the mouths" in plan.reply.lower(), plan.reply


def test_a_thing_shown_is_added_as_said():
    _, plan, _ = actions("show steam rising from the teapot")
    assert "adding steam rising from the teapot" in plan.reply.lower(), plan.reply


def test_a_corner_fixed_is_that_corner_refilled():
    _, plan, _ = actions("fix the lower left to match the rest of the scene")
    region = next(c for c in plan.calls if c.tool == "region")
    assert region.args.box == (0, 534, 400, 800), region.args
    assert "bottom-left corner" in plan.reply and "matches the rest" in plan.reply, plan.reply


def test_the_same_colour_as_another_thing_asks_which():
    _, plan, _ = actions("make the front door the same colour as the shutters")
    assert not plan.calls and "What colour should the front door be?" in plan.reply and "the shutters" in plan.reply


def test_the_old_colour_is_not_drawn_again():
    _, plan, _ = actions("paint the dark green door red")
    assert "green" not in first_prompt(plan), first_prompt(plan)
