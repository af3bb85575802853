"""Tone and colour words read as another edit (issue 20, tones25): a colour given as a code ('#3a7bd5') got only a
question; a colour wished more of for the whole photo ('make it more yellow') asked which part to recolour, and its
'-y' forms ('orangey') were dropped; a tone before a recolour ('make the photo darker and her hat red') was read as the
hat's name; a tone asked with a purpose ('darker so the sign stands out', 'edit this photo so the porch is brighter')
was a measured enhance or darkened 'the sign stands'; a colour splash ('keep the umbrella red and the rest black and
white') was a recolour or a question; 'enhance the colours and the sky' selected a thing called 'colour'; and
'increase the colours' named no edit.
Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence.

Each row: the request, the actions the plan must take in order, the first select's target (None: unchecked, or no
select) and words the reply must hold (None: unchecked). Rows marked "unchanged" planned the same before.
"""

from __future__ import annotations

import pytest

from retouch.agent.plan import AdjustCall, InpaintCall, SelectCall
from retouch.agent.planner.colour_codes import plain_name, written_as_hex
from tests.planner_kinds import actions, check_row, rows_of

KINDS = {
    # a colour code is the exact colour of a recolour; the reply says the code
    "a colour given as a code": [
        ("make the kettle #3a7bd5", ["recolor"], "kettle", "#3a7bd5"),
        ("recolour the letters to hex 00ff00 please", ["recolor"], "letter", "#00ff00"),
        ("paint the front door rgb(200, 30, 30) and brighten it", ["recolor", "adjust"], "door", "#c81e1e"),
        ("could the scarf be colour code 2e8b57", ["recolor"], "scarf", "#2e8b57"),
        ("change the mug colour to #zz1234", [], None, "isn't a colour code"),
        ("please remove the cyclist #14", ["remove"], "cyclist", "removing the cyclist"),            # unchanged
        ("make the car red", ["recolor"], "car", "making the car red"),                               # unchanged
    ],
    # a colour wished more of, with no thing named and nothing selected, is the photo's tint
    "a colour wished for the whole photo": [
        ("make it more yellow", ["adjust"], None, "warming the image"),
        ("could it be a bit more orange", ["adjust"], None, "warming the image (+0.15)"),
        ("i'd like more yellow in the photo", ["adjust"], None, "warming"),
        ("make the colours a bit more orange", ["adjust"], None, "warming the image (+0.15)"),
        ("make it a little bluer", ["adjust"], None, "cooling the image (-0.15)"),
        ("turn the whole picture darker and more orangey", ["adjust"], None, "warming it"),
        ("make the picture a tad more yellowy", ["adjust"], None, "warming the image (+0.15)"),
        ("make everything a little more grey", ["adjust"], None, "muting the colours"),
        ("make it more purple", ["recolor"], None, "washing the whole photo with purple"),
        ("shift the hue so that it's a bit more orange", ["adjust"], None, "warming the image (+0.15)"),
        ("shift the tint so that it looks more blue", ["adjust"], None, "cooling the image"),
        ("change the hue of the kayak so it is more red", ["recolor"], "kayak", "more red"),           # unchanged
        ("the photo is too yellow", ["enhance"], None, "colour cast"),                               # unchanged
        ("make the car more yellow", ["recolor"], "car", "more yellow"),                             # unchanged
        ("make it red", [], None, "which part"),                                                      # unchanged
        ("replace the sign with a blue one", ["recolor"], "sign", "blue"),                            # unchanged
        ("make it darker", ["adjust"], None, "darkening the image"),                                  # unchanged
    ],
    # more colour asked with 'increase', or of the whole image said between verb and colours, is saturation
    "more colour said another way": [
        ("increase the colours a little", ["adjust"], None, "boosting the colours of the image (+0.15)"),
        ("please heighten its colors", ["adjust"], None, "boosting the colours"),
        ("boost the whole image colours", ["adjust"], None, "boosting the colours of the image"),
        ("increase the colour brightness", ["adjust"], None, "brightening the image (+0.25)."),       # unchanged
        ("increase the colour saturation", ["adjust"], None, "boosting the colours"),                 # unchanged
    ],
    # a colour name misspelt, or said with '-y' / '-ish', is that colour
    "a colour misspelt or said loosely": [
        ("paint the bench purpel", ["recolor"], "bench", "purple"),
        ("change the backdrop to blakc", ["background"], None, "black"),
        ("make the lamp shade yelow", ["recolor"], None, "yellow"),
        ("make the picture blueish", ["adjust"], None, "cooling the image"),
    ],
    # a tone before a recolour of another thing is two edits
    "a tone, then a colour for another thing": [
        ("make the whole photo darker and her hat green", ["adjust", "recolor"], "hat", "darkening the image"),
        ("make the picture a bit brighter and the canoe yellow", ["adjust", "recolor"], "canoe", "the canoe yellow"),
        ("make it darker and the van red", ["adjust", "recolor"], "van", "darkening"),
        ("make the red car brighter and the van blue", ["adjust", "recolor"], "car", "brightening the red car"),
        ("make the car red and the wheels black", ["recolor", "recolor"], "car", "making the car red"),   # unchanged
        ("make the sky darker and the grass greener", ["adjust", "recolor"], "sky", "darkening the sky"),  # unchanged
    ],
    # a tone asked with a purpose: the tone is the edit, the purpose names nothing to tone
    "a tone with a purpose": [
        ("make it darker so the sign stands out", ["adjust"], None, "darkening the image"),
        ("make the photo a bit darker so the lettering pops", ["adjust"], None, "darkening the image (-0.15)"),
        ("make the picture brighter so it looks nicer", ["adjust"], None, "brightening the image"),
        ("make the shot brighter so the backdrop is white", ["adjust"], None, "brightening the image"),
        ("edit this photo so the porch is brighter", ["adjust"], "porch", "brightening the porch"),
        ("fix the picture to make it darker", ["adjust"], None, "darkening the image"),
        ("make it brighter so the goat is more visible", ["adjust"], "goat", "brightening the goat"),
        ("make it so the shed isn't dark", ["adjust"], "shed", "brightening the shed"),                # unchanged
        ("edit this photo so it looks better", ["enhance"], None, "enhancing the photo"),             # unchanged
        ("make the background white", ["background"], None, "background white"),                    # unchanged
    ],
    # one thing kept in its colour, the rest black and white: the colour splash
    "a colour splash": [
        ("keep the parasol red and the rest black and white", ["adjust"], "parasol", "everything but the parasol"),
        ("make the rest of the picture grey but keep the tram yellow", ["adjust"], "tram", "black and white"),
        ("make everything grey except the green kite", ["adjust"], "kite", "everything but the green kite"),
        ("a colour splash on the tulips please", ["adjust"], "tulip", "black and white"),
        ("selective colour for the lantern", ["adjust"], "lantern", "black and white"),
        ("colour splash", [], None, "which thing should keep its colour"),
        ("fix my photo so that all but the horses are in black and white", ["adjust"], "horse", "black and white"),
        ("change this shot so everything apart from the horses is greyscale", ["adjust"], "horse", "black and white"),
        ("turn everything into black and white apart from the kite", ["adjust"], "kite", "black and white"),  # unchanged
        ("make the rest of the lake blue", ["recolor"], "lake", "blue"),                              # unchanged
        ("remove everything except the cat", ["background"], "cat", "transparent"),                  # unchanged
    ],
    # the photo's colours beside a thing in an enhance: the photo, then the thing
    "the colours and a thing enhanced": [
        ("enhance the colours and the sky", ["enhance", "enhance"], "sky", "enhancing the sky"),
        ("enhance the colour and the skin", ["enhance", "enhance"], "skin", "enhancing the skin"),
        ("enhance the lighting, the sea and the yachts", ["enhance", "enhance"], "sea", "the sea and all the yachts"),
        ("enhance myself and the puppy", ["enhance"], "person", "myself and the puppy"),              # unchanged
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,target,says", ROWS, ids=IDS)
def test_kind(kind, text, want, target, says):
    check_row(text, want, target, says)


@pytest.mark.parametrize("text,code,name", [
    ("make the kettle #3a7bd5", "#3a7bd5", "blue"),
    ("turn the letters rgb(250, 128, 10)", "#fa800a", "orange"),
    ("make the sign hex code #abc", "#aabbcc", "blue"),
    ("paint the wall #D0D0D0", "#d0d0d0", "grey"),
])
def test_a_colour_code_is_the_recolours_exact_colour_and_its_prompt_a_plain_name(text: str, code: str, name: str):
    """The recolour tool reads the code (`tools.builtin_inpainter._parse_colour` takes hex); a diffusion prompt can't,
    so it carries the code's plain colour name."""
    _, plan, _ = actions(text)
    (fill,) = [call for call in plan.calls if isinstance(call, InpaintCall)]
    assert fill.args.task == "recolor" and fill.args.color == code, plan.reply
    assert fill.args.prompt.split()[0] == name and code in plan.reply, plan.reply


def test_a_code_written_every_way_is_one_hex_word_and_labels_stay():
    assert written_as_hex("make it rgb(0, 255, 0) and hex 00F") == "make it #00ff00 and #0000ff"
    assert written_as_hex("colour code 3a7bd5") == "#3a7bd5"
    assert written_as_hex("the runner #14, the room #101, #sunset") == "the runner #14, the room #101, #sunset"
    assert written_as_hex("rgb(300, 0, 0)") == "rgb(300 0 0)"         # out of range: kept whole, said back
    assert written_as_hex("the colour beige") == "the colour beige"


@pytest.mark.parametrize("code,name", [("000000", "black"), ("ffffff", "white"), ("808080", "grey"),
                                       ("8b4513", "brown"), ("ff69b4", "pink"), ("800080", "purple")])
def test_the_plain_name_of_a_code(code: str, name: str):
    assert plain_name(code) == name


def test_another_edit_read_with_a_code_keeps_the_plain_name_and_says_so():
    got, plan, _ = actions("make the backdrop #ffffff")
    assert got == ["background"] and "#ffffff as plain white" in plan.reply, plan.reply


def test_a_tone_with_a_purpose_tones_the_whole_photo_not_the_purpose():
    """'the sign stands' was selected and darkened: the sign is what the darkening is for."""
    _, plan, _ = actions("make it darker so the sign stands out")
    assert not [call for call in plan.calls if isinstance(call, SelectCall)], plan.reply
    (tone,) = [call for call in plan.calls if isinstance(call, AdjustCall)]
    assert tone.args.brightness < 0 and not tone.args.masked, plan.reply


def test_a_colour_splash_selects_everything_but_the_thing_and_takes_its_colour_away():
    _, plan, _ = actions("keep the parasol red and the rest black and white")
    (select,) = [call for call in plan.calls if isinstance(call, SelectCall)]
    (tone,) = [call for call in plan.calls if isinstance(call, AdjustCall)]
    assert (select.args.target, select.args.exclude) == ("parasol", True), plan.reply
    assert tone.args.saturation == -1.0 and tone.args.masked, plan.reply
