"""Replace, recolour and fix said the way people say them (issue 20, edits round 17): a metal as the colour a thing
becomes, a colour on a named thing said through a degree or a look, a slang edit verb with a thing and its colour,
a swap of two things' colours (still declined), a thing named by 'one', a damaged thing repaired, something worn put right, an alternative offered in an add, and
'the image of X'. Every sentence is written here for the purpose — none is taken from the real-request corpus, whose
texts carry no licence.

Each row: the request, the actions the plan must take in order, what the first select must find (None: not checked)
and what the reply must say (None: not checked). Rows marked "unchanged" planned the same before this round.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_row, first_prompt, rows_of

KINDS = {
    # a metal said as what a thing becomes: its colour, never a new thing called 'copper'
    "a metal as the colour": [
        ("change the door handles to copper", ["recolor"], "door handle", "copper"),
        ("could you turn the railing into bronze", ["recolor"], "railing", "bronze"),
        ("make the teapot chrome", ["recolor"], "teapot", "chrome"),
        ("change the grey stripes into silver", ["recolor"], "stripe", "silver"),
        ("make the kettle gold", ["recolor"], "kettle", None),                                     # unchanged
        ("replace the pear with an orange", ["replace"], "pear", "orange"),                      # unchanged: the fruit
        ("remove the gold chain on his neck", ["remove"], "chain", None),                          # unchanged
    ],
    # a colour on a named thing said through a degree or a look: the thing recoloured, not the photo's cast measured
    "a degree or a look on a thing": [
        ("make the pond really green", ["recolor"], "pond", "green"),
        ("make the pond very very green please", ["recolor"], "pond", "green"),
        ("make his scarf look purple", ["recolor"], "scarf", "purple"),
        ("make the tent look super orange", ["recolor"], "tent", "orange"),
        ("make the backdrop really white", ["background"], None, "white"),
        ("make it look blue", ["enhance"], None, None),                                           # unchanged: the photo
        ("make the picture look very yellow", ["enhance"], None, None),                           # unchanged
        ("make the boy in green look red", ["enhance"], None, None),                              # unchanged: worn colour
    ],
    # a slang edit verb that removes only with 'out', here with a thing and its colour
    "a slang verb with a colour": [
        ("photoshop my beanie navy", ["recolor"], "beanie", "navy"),
        ("edit the river turquoise", ["recolor"], "river", "turquoise"),
        ("photoshop the bin out", ["remove"], "bin", None),                                        # unchanged
        ("photoshop the lady in yellow", ["remove"], "lady", None),                                # unchanged: worn colour
    ],
    # a damaged thing in the scene repaired; a defect on a thing removed
    "a damaged thing": [
        ("fix the broken gate", ["fix"], "gate", "repairing the broken gate"),
        ("repair the cracked mirror please", ["fix"], "mirror", "repairing"),
        ("fix her snapped umbrella", ["fix"], "umbrella", None),
        ("fix the dent on the bonnet", ["remove"], "dent", None),
        ("fix the broken finger", ["fix"], "finger", "fixing"),                                    # a part: its anatomy
        ("fix the damaged areas of this scan", ["remove", "enhance"], None, None),                 # unchanged: the photo's
        ("fix his hand", ["fix"], "hand", None),                                                   # unchanged
    ],
    # a thing named by 'one' after its colour: the thing already named, recoloured
    "a coloured one": [
        ("a yellow kayak instead of the orange one", ["recolor"], "kayak", "making the orange kayak yellow"),
        ("make the scooter a green one", ["recolor"], "scooter", "making the scooter green."),
        ("replace her umbrella with a striped one", ["replace"], "umbrella", None),               # unchanged: no colour
        ("make the tall one red", ["recolor"], None, "one red"),                                   # unchanged
    ],
    # something worn put right: a fix drawn neat, unsure since what is wrong is not said
    "a worn thing put right": [
        ("fix his collar", ["fix"], "collar", "worn properly"),
        ("please fix the crumpled shirt on the groom", ["fix"], "shirt", None),
        ("fix my scarf and warm the photo up", ["fix", "adjust"], "scarf", None),
        ("fix the colour of her jacket", ["enhance"], "jacket", None),                            # unchanged: a property
        ("fix my black jacket", ["enhance"], "jacket", "detail"),                                  # unchanged: the detail
    ],
    # two things' colours swapped stay the honest line: the second recolour would look for a colour the first just
    # gave the other thing, so it would find both
    "a colour swap": [
        ("swap the colours of the red kite and the yellow kite", [], None, "can't invert or swap"),
        ("switch the pink cup's colour with the blue cup's", [], None, "can't invert or swap"),
        ("swap the dog for a cat", ["replace"], "dog", None),                                     # unchanged
        ("swap the colours of the two kites", [], None, "can't invert or swap"),                   # unchanged
        ("invert the colours", [], None, "can't invert or swap"),                                  # unchanged
    ],
    # an alternative offered in an add: the first added, the other said
    "an alternative offered": [
        ("give the snowman a scarf or a top hat", ["add"], None, "alternative"),
        ("add a kite or maybe a balloon in the sky", ["add"], "sky", "alternative"),
        ("add a red or green hat on him", ["add"], None, "a red or green hat"),                   # unchanged: one thing
        ("add a gull or two over the harbour", ["add"], None, "a gull or two"),                   # unchanged: a count
        ("add a lantern, a rug or a cushion", ["add"], None, "a lantern, a rug or a cushion"),    # unchanged: a list
    ],
    # 'the image of X': X when the rest edits a thing, the photo when the rest is a tone of it
    "the image of X": [
        ("remove the image of the bicycle", ["remove"], "bicycle", None),                          # unchanged
        ("make the image of my grandad brighter", ["adjust"], None, "the image"),                  # unchanged
    ],
}
ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind, text, want, target, says", ROWS, ids=IDS)
def test_kind(kind, text, want, target, says):
    check_row(text, want, target, says)


def test_an_alternative_is_said_and_not_drawn():
    """The first thing is what the fill draws; the other is named in the reply, never in the prompt."""
    _, plan, _ = actions("give the snowman a scarf or a top hat")
    prompt = first_prompt(plan) or ""
    assert "scarf" in prompt and "hat" not in prompt, plan.reply
    assert "top hat" in plan.reply, plan.reply


def test_a_repair_prompts_the_thing_whole():
    """A damaged thing's fix asks the fill for the thing intact, not for a new thing or a tone."""
    _, plan, _ = actions("repair the cracked mirror")
    prompt = first_prompt(plan) or ""
    assert "mirror" in prompt and "intact" in prompt, plan.reply


def test_a_worn_thing_fixed_is_unsure():
    """'fix my tie' says nothing of what is wrong: the neat redraw is planned and the rules say they are unsure, so
    `auto` may ask an LLM."""
    got, plan, sure = actions("fix my tie")
    assert got == ["fix"] and not sure, plan.reply
    assert "say what is wrong" in plan.reply, plan.reply
