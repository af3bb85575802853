"""Kinds of clause and statement real people write that the plan missed or garbled (issue 20, the clause round:
"nothing silent — every clause ends as a step, a question, or a stated 'I left out …'"), each in sentences written
here for the purpose — none is taken from the real-request corpus, whose texts carry no licence.

Each row: the request, the actions the plan must take in order (the task of each inpaint, or the tool), what the
first select must find (None: no select is checked) and what the reply must say (None: not checked). Rows marked
"unchanged" passed before this round and must keep passing. The photo is 1200×800 (`tests/planner_kinds.CONTEXT`).
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_row, rows_of

KINDS = {
    # a condition that only softens the ask ("if possible", "if you can") is manners: said alone, before or after
    # the ask, it is never an "I didn't understand"; and a doubt before a listed thing ("maybe the …") is no part
    # of the thing's name
    "a hedge": [
        ("If it's possible, take the kettle off the counter.", ["remove"], "kettle", "removing the kettle"),
        ("Erase the ladder. If at all possible.", ["remove"], "ladder", "removing the ladder"),
        ("if you can get rid of the crane", ["remove"], "crane", "removing the crane"),
        ("delete the wheelbarrow, and possibly the hose", ["remove", "remove"], "wheelbarrow", "removing the hose"),
        ("please make the pond and maybe the hills greener", ["recolor", "recolor"], "pond", "making all the hills"),
        ("erase the scaffolding (and perhaps the crane too)", ["remove", "remove"], None, "the crane"),
        ("remove the kettle if you can", ["remove"], "kettle", None),                                 # unchanged
        ("if you could help, I'd love the porch lighter", ["adjust"], None, None),                    # unchanged
    ],
    # a closing thanks said with any strength is no thing to remove
    "a closing thanks": [
        ("please take the bollard out, I will be immensely grateful", ["remove"], "bollard", "removing the bollard."),
        ("erase the crane from the skyline, I'd be eternally thankful", ["remove"], "crane", None),
        ("take away the scooter, we'd be so grateful", ["remove"], "scooter", None),              # unchanged
    ],
    # one word split in two by a typo is read as the word (`JOINED_WORDS`)
    "a word split in two": [
        ("brighten the sky line a little", ["adjust"], "skyline", "skyline"),
        ("please take off his sun glasses", ["remove"], "sunglasses", "sunglasses"),
        ("remove the cyclists in the back ground", ["remove"], "cyclist", "in the background"),
        ("make the back ground plain grey", ["background"], None, "background"),
        ("remove the hiker in the background", ["remove"], "hiker", None),                            # unchanged
    ],
    # 'make the wall and the door darker': a make with only its thing waits for what it becomes, so the next thing
    # and its comparative are the one edit on both — never 'make the wall' left out
    "two things, one change": [
        ("can someone make the pond and the sky more blue?", ["recolor", "recolor"], "pond", "making the pond"),
        ("make the bench and the shed a bit darker", ["adjust"], None, "the bench and the shed"),
        ("make it brighter and the sky bluer", ["adjust", "recolor"], None, None),                    # unchanged
        ("lighten the porch and the door darker", ["adjust", "adjust"], "porch", None),               # unchanged
    ],
    # where a line broke, a pasted list of edits keeps a gap of spaces before the next command verb; a "+" joins two
    # edits as "and" does; "zoom in" / "add in" after an edit start a new one (not "the purple colour in the photo")
    "edits run together": [
        ("mirror the photo  erase the lamp post", ["crop", "remove"], "lamp post", "then removing the lamp post"),
        ("take away the smudge + crop it square", ["remove", "crop"], "smudge", "1:1"),  # a smudge is removed (fix11)
        ("lighten the hallway + anything else", ["adjust", "enhance"], None, None),
        ("straighten it by 3 degrees zoom in  brighten the pond", ["crop", "crop", "adjust"], "pond", "nothing named to zoom in on"),
        ("remove the pylons add in some trees", ["remove", "add"], "pylon", "adding trees"),
        ("add in a hot air balloon", ["add"], None, "adding a hot air balloon"),
        ("remove the kite from the  picture", ["remove"], "kite", "removing the kite."),               # unchanged
        ("reduce the purple colour in the photo", ["enhance"], None, None),                           # unchanged
        ("erase the bin please c:", ["remove"], "bin", "removing the bin."),
    ],
    # a second clause that says what a thing should be ('be', 'should be', or nothing) after an ask is its own edit
    # — never swallowed by the first, never dropped
    "a change wished after an ask": [
        ("erase the lamp post, background be a bit darker", ["remove", "adjust"], "lamp post", "darkening the background"),
        ("take out the bin and sky should be bluer", ["remove", "recolor"], "bin", "making the sky blue"),
        ("delete the wires, the lake a little greener", ["remove", "recolor"], "wire", "making the lake green"),
        ("for the flyer, the sky should be lighter", ["adjust"], "sky", None),
        ("make the cushions and rug warmer", ["adjust"], None, "warming the cushions and rug"),         # unchanged
        ("brighten it and the sea be bluer", ["adjust", "recolor"], None, "making the sea blue"),       # unchanged
    ],
    # a thing made "all <colour>" is recoloured (the photo said to be all one colour is a cast); the old colour said
    # with "from" is no part of the name; a face or ski mask is a thing, not the selection; a colour change with no
    # colour asks which colour, naming the thing
    "a colour for a thing": [
        ("make the teapot all green", ["recolor"], "teapot", "making the teapot green."),
        ("paint the shed all blue", ["recolor"], "shed", "making the shed blue."),
        ("please turn his scarf all yellow", ["recolor"], "scarf", None),
        ("the picture is all green", ["enhance"], None, "colour cast"),                                 # unchanged
        ("make her ski mask grey", ["recolor"], "mask", "the ski mask grey"),
        ("recolour the kite from purple to orange", ["recolor"], "kite", "making the kite orange."),
        ("change the colour of the umbrella", [], None, "what colour should the umbrella be"),
        ("could you change the lamp's colour", [], None, "what colour should the lamp be"),
        ("make the colours of the photo more vivid", ["adjust"], None, None),                           # unchanged
        ("change the colour of the sunrise to pink", ["recolor"], "sunrise", None),                     # unchanged
    ],
    # a tone change on a strip of the photo ("the left side", "the top third") is a region, not a thing to find
    "a tone on an area": [
        ("lighten the left side", ["adjust"], None, "brightening the left side"),
        ("make the bottom half a little cooler", ["adjust"], None, "the bottom half"),
        ("blur the right side", ["adjust"], None, "remove the right side"),
        ("darken the sky on the left", ["adjust"], "sky", None),                                       # unchanged
    ],
    # a size or a shape said bare after a background (or any edit) is an edit of its own; a width alone has no shape
    # and is said to be left out — never dropped
    "a size said with another edit": [
        ("please make the background grey, 1200x1200", ["background", "crop"], None, "1:1"),
        ("blue background and 4:5 please", ["background", "outpaint"], None, "4:5"),
        ("erase the sign, square", ["remove", "outpaint"], "sign", "1:1"),
        ("new backdrop, 1600 wide", ["background"], None, "1600 wide"),
        ("crop it to 3:2, 1500x1000", ["crop"], None, "3:2"),                                         # unchanged
    ],
    # several tones on several things in one line: every part is a step on its own thing — a comparative before its
    # thing ("…, warmer skin") is never folded into the thing before it nor read as the whole photo's
    "several tones on several things": [
        ("lighten his face and darken the clouds, warmer skin", ["adjust", "adjust", "adjust"], "face",
         "then darkening all the clouds (-0.25), then warming the skin"),
        ("erase the bin, brighter eyes", ["remove", "adjust"], "bin", "brightening all the eyes"),
        ("fix the colours, a bit darker sky, and whiter teeth", ["enhance", "adjust", "recolor"], None,
         "making all the teeth white"),
        ("crop it square, sharper image", ["crop", "adjust"], None, "sharpening the image"),
    ],
    # manners said as a sentence of their own — thanks with any tail, "give it a try", "Also", a doubt that it is hard —
    # are manners: never an edit ("thank you for your help" is no enhance), never an "I didn't understand"
    "manners on their own": [
        ("Erase the wheelie bin. Thanks heaps!", ["remove"], "bin", "removing the wheelie bin."),
        ("Take the crane out. Thank you for your help.", ["remove"], "crane", "removing the crane."),
        ("Unsure whether it's too difficult, but please delete the ladder", ["remove"], "ladder", None),
        ("Brighten the porch. Also. Give it a try!", ["adjust"], "porch", "brightening the porch"),
        ("Lighten the hallway please, TIA", ["adjust"], None, None),
        ("Cheers for having a look. Remove the kite", ["remove"], "kite", None),
    ],
    # what the photo is for, said as a clause of its own, is told (a story), not an edit left out; an edit said with
    # the same verbs is still said to be left out
    "what the photo is for": [
        ("Please remove the umbrella. We plan to give it to my aunt on her birthday.", ["remove"], "umbrella", None),
        ("Brighten the porch, we hope to frame this shot for my brother", ["adjust"], None, None),
        ("erase the tripod so I can surprise my grandad with it", ["remove"], "tripod", None),
        ("Remove the kite. Give him a crown.", ["remove", "add"], "kite", "a crown on him"),   # adds16: an add now
    ],
    # a post's title that names the photo, a closing wish, an apology for the quality: told, not asks left out; a
    # doubt opening an ask ("possibly …") is no part of it; a verb before "the image" is an ask, said when not read
    "titles and closing words": [
        ("Beach holiday photo. Take out the lifeguard tower", ["remove"], "tower", "removing the lifeguard tower."),
        ("A silly picture of my cat. Brighten it please", ["adjust"], None, "brightening the image"),
        ("Remove the crane. It would make my mum so happy", ["remove"], "crane", "removing the crane."),
        ("Lighten the hallway. Sorry for the quality!", ["adjust"], None, None),
        ("warm the colours up, and possibly reduce the reflections", ["adjust", "remove"], None, None),
        ("Remove the crane. Squash the image", ["remove"], "crane", "squash the image"),
        ("Flatten picture  Brighten it", ["adjust"], None, "flatten picture"),
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind, text, want, target, says", ROWS, ids=IDS)
def test_clause_kinds(kind, text, want, target, says):
    check_row(text, want, target, says)


@pytest.mark.parametrize("text", [
    "If it's possible, take the kettle off the counter.",
    "Erase the wheelie bin. Thanks heaps!",
    "Take the crane out. Thank you for your help.",
    "Unsure whether it's too difficult, but please delete the ladder",
    "Brighten the porch. Also. Give it a try!",
    "Erase the ladder. If at all possible.",
    "please take the bollard out, I will be immensely grateful",
    "delete the wheelbarrow, and possibly the hose",
    "can someone make the pond and the sky more blue?",
])
def test_nothing_is_left_out_and_the_rules_are_sure(text):
    _, plan, sure = actions(text)
    assert "didn't understand" not in plan.reply and sure, plan.reply


@pytest.mark.parametrize("text, side", [("lighten the left side", "left"), ("make the bottom half a little cooler", "bottom")])
def test_a_tone_on_an_area_is_a_region_of_the_photo(text, side):
    _, plan, _ = actions(text)
    assert [c.tool for c in plan.calls] == ["region", "adjust"] and plan.calls[0].args.side == side
    assert plan.calls[1].args.masked


def test_a_hedge_word_never_ends_up_in_a_name():
    _, plan, _ = actions("delete the wheelbarrow, and possibly the hose")
    assert "possibly" not in plan.reply.lower()
    targets = [c.args.target for c in plan.calls if c.tool == "select"]
    assert targets == ["wheelbarrow", "hose"]


def test_an_unhedged_sentence_with_nothing_to_do_still_asks():
    _, plan, sure = actions("If you could help with the clutter on the desk somehow")      # "help" after the hedge: as before
    assert not sure
