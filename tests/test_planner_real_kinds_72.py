"""Named leftovers of the last stops (issue 20, leftovers24): the asker cropped out of a photo was removed, not cut out;
a share of one word for many ('some of the crowd') took them all without a word; a swap said with no verb in brackets
was dropped; 'replace her face with a cat face' was refused while 'give her a cat face' was made; a thing put 'up
there' after a removal was dropped; and a name ending in -s ('Legolas') was cut to a singular no one is called.
Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence.

Each row: the request, the actions the plan must take in order, the first select's target (None: unchecked) and words
the reply must hold (None: unchecked). Rows marked "unchanged" planned the same before.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_row, rows_of

KINDS = {
    # the one asking, cut or cropped out, is kept on nothing; a thing cut out 'so only it remains' too
    "the asker cropped out": [
        ("could somebody crop me out of this snapshot?", ["background"], "person", "cutting out"),
        ("would love to get my face cropped out, cheers", ["background"], "face", "cutting out the face"),
        ("please cut us out of the holiday picture", ["background"], "person", "transparent"),
        ("crop myself out of this one", ["background"], "person", "cutting out"),
        ("cut out the teapot so only it remains", ["background"], "teapot", "cutting out the teapot"),
        ("crop the lantern out, so that just it is left", ["background"], "lantern", "cutting out the lantern"),
        ("crop the stranger out of the shot", ["remove"], "person", "removing the stranger"),          # unchanged
        ("cut my cousin out of this photo", ["remove"], "person", "removing"),                         # unchanged
        ("crop out the lamp so only the sofa remains", ["remove"], "lamp", "removing the lamp"),        # unchanged
        ("remove me from the photo", ["remove"], "person", "removing me"),                               # unchanged
        ("crop the photo to the dog", ["crop"], "dog", None),                                            # unchanged
    ],
    # a share before one word for many is said, as before a plural
    "a share of a collective noun": [
        ("remove some of the crowd", ["remove"], "crowd", "you said some of them"),
        ("could you erase most of the traffic behind us", ["remove"], "traffic", "you said most of them"),
        ("take out a few of the audience", ["remove"], "audience", "you said a few of them"),
        ("remove the crowd", ["remove"], "crowd", None),                                          # unchanged
        ("remove some of the buses", ["remove"], "bus", "you said some of them"),                 # unchanged
    ],
    # a swap said with no verb, after a comma or in brackets, is its own edit
    "a verbless swap aside": [
        ("make this prettier (maybe pebbles instead of the mud?)", ["enhance", "replace"], None, "with pebbles"),
        ("brighten it up, perhaps tulips instead of the weeds", ["adjust", "replace"], "weed", "with tulips"),
        ("touch it up, snow instead of the gravel", ["enhance", "replace"], "gravel", "with snow"),
        ("replace the sand with grass", ["replace"], "sand", "with grass"),                       # unchanged
        ("lawn instead of the paving", ["replace"], "paving", "with lawn"),                       # unchanged
    ],
    # a face made a described one is replaced, however the replace is said
    "a face replaced by a described one": [
        ("replace her face with a cat face", ["replace"], "face", "with a cat face"),
        ("swap his head for a fox head", ["replace"], "head", "with a fox head"),                 # unchanged
        ("could you replace my face with a robot's face", ["replace"], "face", "robot"),
        ("give her an owl face", ["replace"], "face", "with an owl face"),                        # unchanged
        ("replace his head with a pumpkin", ["replace"], "head", "with a pumpkin"),               # unchanged
        ("put a hat on him", ["add"], "person", "adding a hat"),                                  # unchanged
    ],
    # a face made someone's own is a face swap, however it is said
    "someone's own face": [
        ("swap my face with his", [], None, "can't swap faces"),                                   # unchanged
        ("replace my face with her face", [], None, "can't swap faces"),                           # unchanged
        ("give him her face", [], None, "can't swap faces"),
        ("replace her face with my cousin's face", [], None, "can't swap faces"),                  # unchanged
        ("swap their faces", [], None, "can't swap faces"),                                        # unchanged
    ],
    # a thing put 'up there' after a removal goes where the removed thing was
    "put up there after a removal": [
        ("erase the kite and put a gull up there", ["replace"], "kite", "with a gull"),
        ("remove the bin, then put a planter down there", ["replace"], "bin", "with a planter"),
        ("remove the car and put a tree up there instead", ["replace"], "car", "with a tree."),
        ("remove the kite and put a gull there", ["replace"], "kite", "with a gull"),             # unchanged
        ("erase the kite and put a gull in the sky", ["remove", "add"], "kite", "in the sky"),    # unchanged
        ("take out the sign and put a lantern over there", ["remove", "add"], "sign", None),     # unchanged: elsewhere
    ],
    # a capitalised name ending in -s is a person's name, kept whole
    "a name ending in -s": [
        ("please erase Legolas", ["remove"], "person", "removing legolas."),
        ("photoshop Thaddeus out from the right", ["remove"], "person", "removing thaddeus on the right"),
        ("make everything around Marcellus transparent", ["background"], "person", "cutting out marcellus"),
        ("remove Nicholas on the left", ["remove"], "person", "removing nicholas on the left"),
        ("remove Cars from picture", ["remove"], "car", None),                                    # unchanged: a plural
        ("remove Logos from the shirt", ["remove"], "logo", "all the logos"),                     # unchanged: a plural
        ("remove the bottles", ["remove"], "bottle", "all the bottles"),                          # unchanged
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,target,says", ROWS, ids=IDS)
def test_kind(kind, text, want, target, says):
    check_row(text, want, target, says)


@pytest.mark.parametrize("text", ["crop me out of this picture", "get my face cropped out please"])
def test_the_asker_cut_out_is_kept_on_a_transparent_background(text: str) -> None:
    """The asker cut out is kept (everything but them selected) on nothing — no removal fill."""
    _, plan, _ = actions(text)
    first = next(call for call in plan.calls if call.tool == "select")
    (fill,) = [call for call in plan.calls if call.tool == "inpaint"]
    assert first.args.exclude and fill.args.task == "background" and fill.args.background == "transparent", plan.reply


def test_a_named_person_is_one_person_not_all_of_a_kind() -> None:
    """'Legolas' was read as the plural of 'legola': every one of them looked for."""
    _, plan, _ = actions("please erase Legolas")
    (select,) = [call for call in plan.calls if call.tool == "select"]
    assert (select.args.target, select.args.all) == ("person", False), plan.reply
    assert "legola " not in plan.reply.lower() and "the legolas" not in plan.reply.lower(), plan.reply


def test_a_swap_in_brackets_is_sure_and_keeps_the_edit_before() -> None:
    got, plan, sure = actions("make this prettier (maybe pebbles instead of the mud?)")
    selects = [call.args.target for call in plan.calls if call.tool == "select"]
    fills = [call.args.prompt for call in plan.calls if call.tool == "inpaint"]
    assert got == ["enhance", "replace"] and selects == ["mud"] and fills == ["pebbles"], plan.reply
