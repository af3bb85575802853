"""Colour pairing, adds over the whole picture, worn things straightened, a body slimmed (issue 20, edits26).

- An amount before a comparative after 'and' ('make the shed white and a lot brighter') was read as a thing called
  'lot' and recoloured; a comparative after a thing given a colour ('… white and brighter') brightened the whole photo.
  Both are the same thing's tone.
- A second thing named two ways with a slash ('make the lake teal and the lawn/turf yellow') stopped the colour
  pairing: one recolour of 'lake teal and the lawn/turf'. Each thing now gets its own colour; the slash pair is one
  thing, as a recolour said alone already reads it (the corpus's pairs are mostly one place said twice).
- A thing added 'to the whole picture', 'all over', 'throughout the image' selected a thing called 'picture' (or put
  'all' into the prompt). A fill over the whole frame would redraw the photo itself, so the add goes in the middle and
  the reply says why and how to place it.
- A worn thing straightened ('straighten his crooked tie', 'make her collar straight') was declined as a thing that
  can't be turned; it is redrawn neat and straight, as 'fix my tie' is. 'slim down the man in grey' asked what to do;
  it is a person reshaped, declined as 'make me slimmer' is.

Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence. Each row: the request, the actions in order, the first select's target (None: unchecked) and words the reply
must hold (None: unchecked). Rows marked "unchanged" planned the same before.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_row, check_selects, first_prompt, rows_of

KINDS = {
    # an amount and a comparative after a thing given a colour or made more of something: that thing's tone
    "an amount after and": [
        ("make the shed white and a lot brighter", ["recolor", "adjust"], "shed", "brightening the shed"),
        ("turn the boat red and a bit darker", ["recolor", "adjust"], "boat", "darkening the boat"),
        ("make the lake bluer and a little brighter", ["recolor", "adjust"], "lake", "brightening the lake"),
        ("paint the gate green and much lighter", ["recolor", "adjust"], "gate", "the gate"),
        ("make the shed white and brighter", ["recolor", "adjust"], "shed", "brightening the shed"),
        ("make the shed white", ["recolor"], "shed", "making the shed white"),                      # unchanged
        ("make the shed white and the photo brighter", ["recolor", "adjust"], "shed", "brightening the image"),  # unchanged
        ("make it a lot brighter", ["adjust"], None, "brightening"),                                # unchanged
    ],
    # an add spread over the whole picture: in the middle, said why
    "an add over the whole picture": [
        ("add fireflies to the whole picture", ["add"], None, "would redraw the photo"),
        ("add small pink circles to the entire image", ["add"], None, "would redraw the photo"),
        ("put little hearts all over", ["add"], None, "would redraw the photo"),
        ("add faint logos throughout the whole photo", ["add"], None, "would redraw the photo"),
        ("add a moon to the sky", ["add"], "sky", "on the sky"),                                    # unchanged
        ("add a kite to the picture", ["add"], None, "in the middle of the picture"),               # unchanged
        ("add a teal backdrop to the whole photo", ["background"], None, None),                     # unchanged
        ("add more contrast across the whole shot", ["adjust"], None, None),                        # unchanged
    ],
    # a worn thing straightened: redrawn neat, never declined
    "a worn thing straightened": [
        ("straighten my uncle's wonky bow tie", ["fix"], "bow tie", "straight and neat"),
        ("please straighten his collar", ["fix"], "collar", "straight and neat"),
        ("make the groom's tie straight", ["fix"], "tie", "straight and neat"),
        ("straighten her veil a little", ["fix"], "veil", "straight and neat"),
        ("straighten the fence post", [], None, "can't straighten one thing"),                      # unchanged
        ("straighten the picture", ["enhance"], None, "straightening"),                              # unchanged
        ("rotate the photo", ["crop"], None, "rotating"),                                           # unchanged
    ],
    # 'slim (down)' said of someone or a part of their body: the reshape, declined
    "a body slimmed down": [
        ("slim down the man in grey", [], None, "can't reshape a person"),
        ("slim down the lady on the right please", [], None, "can't reshape a person"),
        ("slim her hips a little", [], None, "can't reshape a person"),
        ("slim the boy down", [], None, "can't reshape a person"),
        ("make me slimmer", [], None, "can't reshape a person"),                                    # unchanged
        ("slim down the frame", [], None, None),                                                    # no body
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,target,says", ROWS, ids=IDS)
def test_kind(kind, text, want, target, says):
    check_row(text, want, target, says)


@pytest.mark.parametrize("text,things", [
    ("make the lake teal and the lawn/turf yellow", [("lake", None), ("lawn", None)]),
    ("paint the roof grey and the door/frame red", [("roof", None), ("door", None)]),
    ("make the hill brown and the path/track white", [("hill", None), ("path", None)]),
    ("make the lake teal and the lawn yellow", [("lake", None), ("lawn", None)]),                   # unchanged
])
def test_a_slash_pair_keeps_its_own_colour(text, things):
    check_selects(text, ["recolor", "recolor"], things)
    _, plan, _ = actions(text)
    colours = [c.args.color for c in plan.calls if c.tool == "inpaint"]
    assert colours == text.split()[3:4] + [text.split()[-1]], (text, plan.reply)


def test_an_amount_after_and_is_never_a_thing():
    _, plan, _ = actions("make the shed white and a lot brighter")
    targets = [c.args.target for c in plan.calls if c.tool == "select"]
    assert "lot" not in targets and "lot" not in plan.reply.lower(), plan.reply
    brightness = [c.args.brightness for c in plan.calls if c.tool == "adjust"]
    assert brightness and brightness[0] > 0.25, plan.reply      # 'a lot' is more than a plain 'brighter'


def test_an_add_over_the_whole_picture_names_no_picture_thing_and_keeps_the_prompt_clean():
    got, plan, _ = actions("add some stars all over the image")
    assert got == ["add"] and not [c for c in plan.calls if c.tool == "select"], plan.reply
    assert first_prompt(plan) == "stars", plan.reply
    region = next(c for c in plan.calls if c.tool == "region")
    assert region.args.side == "center", plan.reply


def test_a_worn_thing_straightened_is_drawn_straight_and_sure():
    got, plan, sure = actions("straighten his crooked tie")
    assert got == ["fix"] and sure, plan.reply
    assert "straight" in first_prompt(plan), first_prompt(plan)
    assert "can't" not in plan.reply, plan.reply
