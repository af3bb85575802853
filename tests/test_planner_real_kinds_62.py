"""Tone and colour read the wrong way round (issue 20, tonewords23): a tint wished for the photo named bare ('give photo
a blue tint') was corrected away as a colour cast, and 'a warm tone' was cut into an add of something called 'warm';
a property in a removal's list ('boost the contrast and the lamp … should be erased') was selected as a thing and
painted out; a property read as the thing an enhance is on ('the right colours/tones') was selected; a tone said of
the middle ('darker at the centre') went on the whole photo; 'switch it from greyscale, then add colour' made the photo
grey and 'convert to colour' was not understood (both ask to colourise, which is declined), and 'from sepia to greyscale'
made it sepia; 'my son has a cut on his chin and the lighting is off' corrected the exposure of a thing called
'son has a cut …', and '… and the colours are a bit off' in a removal's list removed the colours.
Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence.

Each row: the request, the actions the plan must take in order, the targets its selects find in order, and a word or
phrase the reply must hold (None: not checked). Rows marked "unchanged" planned the same before.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, rows_of

KINDS = {
    # a tint wished for the whole photo is a warmth towards it, however the photo is named
    "a tint wished": [
        ("give photo a blue tint", ["adjust"], [], "cooling the image"),
        ("give picture a warm tint please", ["adjust"], [], "warming the image"),
        ("add a warm tone to the snapshot", ["adjust"], [], "warming the image"),
        ("put a cool tone on it", ["adjust"], [], "cooling the image"),               # unchanged
        ("give image a green tint", ["recolor"], [], "washing the whole photo with green"),  # no warmth gives green: a wash
        ("give the shot a blue tint", ["adjust"], [], "cooling the image"),           # unchanged
        ("remove the blue tint", ["enhance"], [], "colour cast"),                     # unchanged: a cast taken away
        ("take the warm tone out of this photo", ["enhance"], [], "colour cast"),     # unchanged
        ("give the kettle a blue tint", ["recolor"], ["kettle"], None),               # unchanged: a thing coloured
        ("make the car red", ["recolor"], ["car"], None),                             # unchanged
    ],
    # a property in a removal's list is its own tone change, never a thing painted out
    "a property beside a removal": [
        ("boost the contrast and the lamp in the back should be erased", ["adjust", "remove"], ["lamp"], "contrast"),
        ("improve the vibrance and the three cyclists on the road must be removed", ["adjust", "remove"], ["cyclist"],
         "boosting the colours"),
        ("the glare and the saturation have to go", ["remove", "adjust"], ["glare"], "muting the colours"),
        ("remove the saturation and the bucket", ["adjust", "remove"], ["bucket"], "muting the colours"),
        ("increase the vibrance and remove the man", ["adjust", "remove"], ["man"], None),        # unchanged
        ("remove the lamp and the chair", ["remove", "remove"], ["lamp", "chair"], None),         # unchanged
        ("the saturation is too high", ["adjust"], [], "muting the colours"),                      # unchanged
    ],
    # a property is what an enhance corrects, not a thing it is on
    "a property as the enhanced thing": [
        ("get the right colours/tones/light/exposition for me", ["enhance"], [], "colour cast"),
        ("fix the colours please, the colour near the border shows how it looked", ["enhance"], [], "colour cast"),
        ("enhance the colour along the edges of this print", ["enhance"], [], "enhancing the photo"),
        ("make the lighthouse stand out a little", ["enhance"], ["lighthouse"], None),            # unchanged: a thing
        ("fix the colour of her face", ["enhance"], ["face"], None),                              # unchanged: a part
    ],
    # a tone said of the middle is on the middle
    "a tone at the centre": [
        ("make it darker at the centre", ["adjust"], [], "the middle"),
        ("a little less yellow at the center", ["adjust"], [], "cooling the middle"),
        ("not so orange, and darker at the centre", ["enhance", "adjust"], [], "darkening the middle"),
        ("make it darker in the middle", ["adjust"], [], "the middle"),                            # unchanged
        ("brighten the man at the centre", ["adjust"], ["man"], None),                             # unchanged: a thing
        ("make it brighter on the left side", ["adjust"], [], "left"),                             # unchanged
    ],
    # colour wished on a grey photo is colourising — declined, never turned grey; a look turned *from* is where it is
    "colourising and the look turned from": [
        ("change it from greyscale and add colour", [], [], "can't colourise"),
        ("switch from b&w and add some colour please", [], [], "can't colourise"),
        ("convert to colour", [], [], "can't colourise"),
        ("make this black and white photo colour", [], [], "can't colourise"),
        ("could you get this picture coloured and not b/w", [], [], "can't colourise"),      # unchanged
        ("turn the colour from sepia to greyscale", ["adjust"], [], "black and white"),
        ("turn it from sepia into b&w please", ["adjust"], [], "black and white"),
        ("change it from black and white to colour", [], [], "can't colourise"),               # unchanged
        ("change it from black and white to sepia", ["adjust"], [], "warming"),                # unchanged
        ("make it black and white", ["adjust"], [], "black and white"),                        # unchanged: grey
        ("make her dress red", ["recolor"], ["dress"], None),                                  # unchanged: a recolour
        ("darker, but not black and white", ["adjust"], [], "darkening"),                      # unchanged
    ],
    # the photo's light or colour said at fault, after something else: the photo's measured correction, once
    "the photo's light or colour at fault": [
        ("my nephew has a graze on his knee and the lighting is off", ["enhance"], [], "the exposure"),
        ("my husband looks great but the colours are weird", ["enhance"], [], "the colour cast"),
        ("my girl has a scratch on her nose, and the lighting is off", ["remove", "enhance"], ["scratch"], "exposure"),
        ("remove the bin on the left, and the colours are a bit off", ["remove", "enhance"], ["bin"], "colour cast"),
        ("erase the sign and the lighting is kind of weird", ["remove", "enhance"], ["sign"], "the exposure"),
        ("the colours are a bit off", ["enhance"], [], "the colour cast"),
        ("the contrast looks a little wrong", ["enhance"], [], "the contrast"),
        ("the lighting is off", ["enhance"], [], "the exposure"),                                  # unchanged
        ("the colours are weird and the lighting is off", ["enhance"], [], "the colour cast and the exposure"),  # unchanged
        ("the lighting on her face is off", ["enhance"], ["face"], None),                          # unchanged: a part
        ("brighten the sky and the colours look weird too", ["adjust", "enhance"], ["sky"], "colour cast"),
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,targets,says", ROWS, ids=IDS)
def test_kind(kind, text, want, targets, says):
    got, plan, _ = actions(text)
    assert got == want, (text, plan.reply)
    assert [c.args.target for c in plan.calls if c.tool == "select"] == targets, (text, plan.reply)
    if says is not None:
        assert says.lower() in plan.reply.lower(), (text, plan.reply)


def test_a_tint_wished_moves_the_warmth_its_way():
    warm, cool = actions("give photo a warm tint")[1], actions("give photo a blue tint")[1]
    assert warm.calls[0].args.warmth > 0 > cool.calls[0].args.warmth


def test_a_tone_at_the_centre_is_masked_to_a_region():
    _, plan, _ = actions("make it darker at the centre")
    assert [c.tool for c in plan.calls] == ["region", "adjust"], plan.reply
    assert plan.calls[0].args.side == "center" and plan.calls[1].args.masked and plan.calls[1].args.brightness < 0


def test_colour_beside_a_declined_colourise_is_not_a_saturation_boost():
    got, plan, _ = actions("change it from greyscale and add colour")
    assert got == [] and not any(c.tool == "adjust" for c in plan.calls), plan.reply
    got, plan, _ = actions("change it from greyscale and add some colour to the scarf")
    assert [c.args.target for c in plan.calls if c.tool == "select"] == ["scarf"], plan.reply   # a thing: kept


def test_words_before_a_photo_fault_that_nothing_reads_are_said_left_out():
    got, plan, sure = actions("fix the vibe of the room and the lighting is off")
    assert got == ["enhance"] and not sure and "left it out" in plan.reply and "vibe" in plan.reply, plan.reply
    _, plan, sure = actions("my nephew has a graze on his knee and the lighting is off")     # a story: told, not asked
    assert sure and "left it out" not in plan.reply, plan.reply
