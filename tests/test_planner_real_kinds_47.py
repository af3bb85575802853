"""Parts of people, local tone and a tone said twice (issue 20, parts20): a shadow on a face was an exposure measured
there, where the labels (and the editors) brighten it; a skin tone lightened, darkened or warmed was its colour cast
measured; a skin 'cleared up' was painted out; a sunburnt face was repainted by the face's fix; 'too dark, lighten it'
planned a measured exposure and then the lighten; a tone verb whose purpose is to be seen ('brighten the faces so
they're more visible') lost its direction to an enhance; and 'make it not blurry' was not read at all.
Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence.

Each row: the request, the actions the plan must take in order, the first select's target (None: not checked) and
words the reply must hold (None: not checked). Rows marked "unchanged" planned the same before.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_row, first_target, rows_of

KINDS = {
    # a shadow on a person is light: the part brightened, never painted out
    "a shadow on a face": [
        ("please take the shadow off my dad's face", ["adjust"], "face", "lift the shadow"),
        ("can you get rid of the dark shadow across her cheek", ["adjust"], "cheek", "brightening"),
        ("erase the shadows on the twins' faces and necks", ["adjust"], "face", "rather than paint the shadow out"),
        ("remove the shadow over his forehead a bit", ["adjust"], "forehead", "+0.15"),
        ("remove the shadow of the lamp post from the wall", ["remove"], "shadow", None),           # unchanged: a thing
        ("get rid of the shadow on the lawn", ["remove"], "shadow", None),                          # unchanged
        ("reduce the shadows please", ["enhance"], None, "lifting the shadows"),                    # unchanged: the photo
    ],
    # a skin tone moved one way is the skin's tone, not its cast
    "a skin tone given a direction": [
        ("darken my brother's skin tone a bit", ["adjust"], "skin", "darkening"),
        ("warm up her skin colour", ["adjust"], "skin", "warming"),
        ("make his skin tone a little lighter", ["adjust"], "skin", "brightening"),
        ("could you lighten the skin tone of the bride", ["adjust"], "skin", "brightening"),
        ("even out the skin tone on her arms", ["enhance"], "skin", "blotchy"),                      # unchanged
        ("correct his skin tone", ["enhance"], "skin", "colour cast"),                              # unchanged
        ("make the skin tone look natural", ["enhance"], "skin", "colour cast"),                    # unchanged
    ],
    # skin cleared up or retouched is smoothed, never removed
    "skin cleared up": [
        ("clear up my sister's skin", ["adjust"], "skin", "-0.25"),
        ("tidy her complexion up a little", ["adjust"], "complexion", "smoothing"),
        ("touch up the skin on his cheeks please", ["adjust"], "skin", "remove the blemishes"),
        ("clean up the skin on my forehead", ["adjust"], "skin", "smoothing"),
        ("clear up the pimples on her chin", ["remove"], "pimple", None),                           # unchanged: spots
        ("clean up his face", ["fix"], "face", None),                                               # unchanged: a fix
        ("clean up the garage floor", ["remove"], "floor", None),                                   # unchanged: a thing
    ],
    # a sunburn is a tone of the part: cooled there
    "a sunburn": [
        ("please fix my husband's sunburnt nose", ["adjust"], "nose", "sunburn"),
        ("tone down the sunburn on her face a little", ["adjust"], "face", "-0.15"),
        ("my son looks sunburnt in this one, can you help", ["adjust"], "skin", "can't repaint"),
        ("remove the sunburn from his cheeks", ["adjust"], "cheek", "cooling"),
        ("give the statue a sunburn", ["add"], None, None),                                        # unchanged: asked for
        ("remove the burn mark on the table", ["remove"], "mark", None),                      # unchanged
    ],
    # a darkness said, then the photo lightened the same way: the lighten alone
    "a tone said twice": [
        ("the shot is far too dark. please brighten it", ["adjust"], None, "brightening the image"),
        ("it came out really bright, can you darken it a little", ["adjust"], None, "-0.15"),
        ("way too dark! lighten it up", ["adjust"], None, None),
        ("sort out the lighting and lighten it", ["enhance", "adjust"], None, None),                 # unchanged: asked
        ("it's too dark and noisy, brighten it", ["enhance", "adjust"], None, "noise"),             # unchanged: more
        ("it's too dark, please enhance it and brighten it", ["enhance", "adjust"], None, None),    # unchanged: asked
        ("it's too bright, lighten the dog", ["enhance", "adjust"], None, None),                   # unchanged: a thing
    ],
    # a tone verb and what it is for: the tone, where it was said
    "a tone done to be seen": [
        ("lighten the children so they're easier to see", ["adjust"], "child", "brightening"),
        ("could someone darken the sign so the letters are more legible", ["adjust"], "sign", "darkening"),
        ("i'd love brightening this up so we can see grandpa better", ["adjust"], None, "brightening the image"),
        ("could you lighten this so the puppy is easier to see", ["adjust"], "dog", "brightening the puppy"),
        ("brighten it up so her face can be seen", ["adjust"], "face", "brightening the face"),
        ("make the children more visible", ["enhance"], "child", None),                              # unchanged: no tone
        ("enhance and lighten the kids so they can be seen", ["enhance", "adjust"], None, None),   # unchanged: asked
    ],
    # a blur wished away with "not" is the blur asked away
    "not blurry": [
        ("please make the portrait not blurry", ["adjust"], None, "against the blur"),
        ("can you get it to look not so fuzzy", ["adjust"], None, "against the blur"),
        ("make the beach photo not grainy", ["enhance"], None, "noise"),
        ("do not blur the background", [], None, "noted"),                                           # unchanged
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,target,says", ROWS, ids=IDS)
def test_kind(kind, text, want, target, says):
    check_row(text, want, target, says)


def _adjust_args(text: str) -> dict:
    _, plan, _ = actions(text)
    found = [c.args for c in plan.calls if c.tool == "adjust"]
    assert len(found) == 1, (text, plan.reply)
    return {name: value for name, value in found[0].model_dump().items() if value not in (None, False)} | {
        "masked": found[0].masked}


def test_a_shadow_on_a_face_brightens_only_that_part():
    assert _adjust_args("remove the shadow from my mum's face") == {"brightness": 0.25, "masked": True}


def test_a_shadow_on_two_parts_selects_both():
    _, plan, _ = actions("erase the shadows on the twins' faces and necks")
    selects = [(c.args.target, c.args.add) for c in plan.calls if c.tool == "select"]
    assert selects == [("face", False), ("neck", True)], plan.reply


def test_a_skin_tone_darkened_moves_the_brightness_down_on_the_skin():
    assert _adjust_args("darken the boy's skin tone") == {"brightness": -0.25, "masked": True}


def test_skin_cleared_is_softened_by_the_amount_said():
    assert _adjust_args("clear her skin up a little") == {"sharpness": -0.15, "masked": True}


def test_a_sunburn_cools_the_part_and_repaints_nothing():
    got, plan, _ = actions("can you fix his sunburnt face")
    assert got == ["adjust"] and first_target(plan) == "face", plan.reply
    assert not any(c.tool == "inpaint" for c in plan.calls), plan.reply
    assert _adjust_args("can you fix his sunburnt face") == {"warmth": -0.25, "masked": True}


def test_a_darkness_read_the_other_way_keeps_its_measured_exposure():
    """'too bright' then a brighter photo do not agree: both are kept, as said."""
    got, _, _ = actions("it's far too bright. brighten it")
    assert got == ["enhance", "adjust"]
