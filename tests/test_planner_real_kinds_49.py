"""Lost steps in lists and the background said other ways (issue 20, lists20): a numbered list ('(1) … (2) …',
'1. … 2. …') glued its second step onto the first — '(2)' became a thing to remove, '3.' an amount of +3; gerunds
offered with a slash ('blurring/removing the mug') darkened the whole photo and read the mug with the last verb only; a
tone said done with no thing after a thing said gone ('shadow taken away, brightened, …') was lost; 'render off the
background', 'the background other than the dog needs removing', 'remove everything behind them', 'take everything
out except the girl' and 'remove the backdrop except the bike' were no cut-out; 'make the background transparent and the
car red' lost the car; 'add balloons and the words Happy Birthday' declined the balloons with the text. A purpose said
after the edit ('… so I can print it') adds no step.
Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence.

Each row: the request, the actions the plan must take in order, the first select's target (None: not checked), and
words the reply must hold (None: not checked). Rows marked "unchanged" planned the same before.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_row, rows_of

KINDS = {
    # a numbered list: each number starts a step, and the number itself goes
    "numbered steps": [
        ("(1) take out the lamp post (2) brighten the sky", ["remove", "adjust"], "lamp post", "brightening the sky"),
        ("1) erase the kite 2) crop it square", ["remove", "crop"], "kite", "1:1"),
        ("1. remove the bin 2. make it warmer 3. crop it to 4:5", ["remove", "adjust", "crop"], "bin", "warming"),
        ("could you 1) remove the cones and/or 2) lighten it a little", ["remove", "adjust"], "cone", None),
        ("two things please: 1. remove the scooter 2. sharpen the photo", ["remove", "adjust"], "scooter", "sharpening"),  # unchanged
        ("brighten it by 2. Remove the bench", ["adjust", "remove"], "bench", "+2"),              # unchanged: no list
        ("crop it to 4:5, then remove the 2 cats", ["crop", "remove"], "cat", None),             # unchanged
    ],
    # ways offered with a slash, as gerunds or verbs: the first is done on the thing, the rest are named
    "ways offered with a slash": [
        ("would you mind blurring/removing the van", ["adjust"], "van", "you also offered “remove”"),
        ("removing/blurring the parked van", ["remove"], "van", "you also offered “blur”"),
        ("blur/darken/remove the sign", ["adjust"], "sign", "you also offered “darken”"),
        ("blur/darken/remove the sign", ["adjust"], "sign", "you also offered “remove”"),
        ("brighten/sharpen/warm the picture", ["adjust"], None, "warming"),                      # one kind: all done
        ("blur/remove the sign", ["adjust"], "sign", "you also offered “remove”"),                # unchanged
        ("could you try brightening/sharpening the photo", ["adjust"], None, "sharpening"),      # unchanged
    ],
    # a tone said done with no thing of its own, after a thing said gone, is the photo's
    "a tone after a thing gone": [
        ("Stain taken away, brightened, teeth whitened", ["remove", "adjust", "recolor"], "stain", "brightening the image"),
        ("the wires removed, sharpened and the lake darkened", ["remove", "adjust", "adjust"], "wire", "sharpening the image"),
        ("I'd like the kid removed, darkened, the sky bluer", ["remove", "adjust", "recolor"], "kid", "darkening the image"),
        ("Lake darkened, sharpened, logo removed", ["adjust", "remove"], "lake", "sharpening it"),   # unchanged: shares
        ("the logo removed, blurred", ["remove"], "logo", None),                                 # unchanged
    ],
    # the background's removal said in other words: a cut-out of what stays
    "the background said other ways": [
        ("could you please render off the backdrop?", ["background"], None, "transparent"),
        ("can someone turn this into a render", ["background"], None, "transparent"),
        ("remove the backdrop apart from the bike", ["background"], "bike", "everything except the bike"),
        ("please get rid of the background except the two kids and crop it square", ["background", "crop"], "kid", None),
        ("The backdrop apart from the puppy needs removing", ["background"], "dog", "everything except the puppy"),
        ("the background other than the statue should be erased", ["background"], "statue", "transparent"),
        ("The backdrop besides this woman needs to be a red curtain", ["background"], "woman", "red curtain"),
        ("remove everything behind the dog", ["background"], "dog", "transparent"),
        ("Remove everything in the backdrop behind the horse Turn the horse black and white", ["background", "adjust"],
         "horse", "black and white"),
        ("take everything out of the picture except for the girl", ["background"], "girl", "except the girl"),
        ("get everything out of the shot apart from the cake", ["background"], "cake", "except the cake"),
        ("remove everything except the boy", ["background"], "boy", None),                       # unchanged
        ("remove the background but keep the shadow", ["background"], "shadow", None),            # unchanged
    ],
    # a cut-out and a recolour said with one verb are two steps
    "transparent and a colour": [
        ("make the background transparent and the car red", ["background", "recolor"], None, "making the car red"),
        ("could you make the backdrop transparent and the logo white", ["background", "recolor"], None, "logo white"),
        ("could you make the backdrop transparent in this and the logo black", ["background", "recolor"], None,
         "logo black"),
        ("make the car red and the house blue", ["recolor", "recolor"], "car", None),            # unchanged
        ("make the background transparent and white", ["background"], None, None),              # unchanged
    ],
    # things to add, then written words: the things are added, the text said declined
    "an add list with text in it": [
        ("add some balloons and the words Happy Birthday", ["add"], None, "adding balloons"),
        ("add flames and text to the sky", ["add"], "sky", "can't write"),
        ("add a cake, and the text Many Happy Returns across the top", ["add"], None, "middle of the picture"),
        ("cut him out, remove the backdrop, add fireworks, and the words Happy New Year", ["background", "add"], None,
         "can't write"),
        ("add the words Happy Birthday", [], None, "can't write"),                                # unchanged
        ("add a hat and a scarf", ["add"], None, "a hat and a scarf"),                           # unchanged
        ("change the backdrop add hues and text", ["background"], None, "can't write"),         # unchanged: a tone
    ],
    # what the photo is for, said after the edit, adds no step
    "a purpose after the edit": [
        ("make the sky bluer so I can print it", ["recolor"], "sky", None),                      # unchanged
        ("make the background white to use as a logo", ["background"], None, None),             # unchanged
        ("remove the background, trying to use the picture for a badge", ["background"], None, None),   # unchanged
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,target,says", ROWS, ids=IDS)
def test_kind(kind, text, want, target, says):
    check_row(text, want, target, says)


def test_a_step_number_is_never_a_thing_or_an_amount():
    _, plan, _ = actions("1) remove the lamp 2) brighten the sky 3) crop it square")
    targets = [c.args.target for c in plan.calls if c.tool == "select"]
    assert targets == ["lamp", "sky"], plan.reply
    assert "+3" not in plan.reply and "(2)" not in plan.reply, plan.reply
