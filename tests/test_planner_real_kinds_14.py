"""Tone asks real people write that the plan got the wrong way round or cut short (issue 20, the third tone pass), each
in sentences written here for the purpose — none is taken from the real-request corpus, whose texts carry no licence.

Each row: the request, the actions the plan must take in order (the task of each inpaint, or the tool), what the
first select must find (None: no select is checked) and what the reply must say (None: not checked). Rows marked
"unchanged" passed before this round and must keep passing. The photo is 1200×800 (`tests/planner_kinds.CONTEXT`).
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_row, rows_of

KINDS = {
    # a tone word that names the fault of the thing after it, under a verb that corrects, is taken away — measured
    # there — never made worse; a direction said is still that direction
    "the fault named before its thing": [
        ("could you fix the dark hallway", ["enhance"], "hallway", "exposure of the hallway"),
        ("please improve the gloomy lighting in my kitchen shot", ["enhance"], None, "the exposure"),
        ("sort out the washed-out lake", ["enhance"], "lake", "the contrast and the colours of the lake"),
        ("correct the blown out clouds please", ["enhance"], "cloud", "exposure"),
        ("fix the dark photo of my grandad", ["enhance"], None, "the exposure by what i measure"),
        ("make the dark garage brighter", ["adjust"], "garage", "brightening"),
        ("make the garage dark", ["adjust"], "garage", "darkening"),                                   # unchanged
        ("fix my black clothing", ["enhance"], "clothing", "lifting the detail"),                       # unchanged
    ],
    # a tone word between a determiner and its thing says what the thing is — no direction is read from it
    "a tone word that describes": [
        ("erase the bin and the dark stain", ["remove", "remove"], "bin", "removing the dark stain"),
        ("the porch shouldn't be dark", ["adjust"], "porch", "brightening the porch"),
        ("make the hall not dark", ["adjust"], "hall", "brightening"),
        ("the faces should be less dark", ["adjust"], "face", "brightening"),                            # unchanged
        ("darken the sky", ["adjust"], "sky", "darkening"),                                            # unchanged
    ],
    # "lower" / "upper" before a strip word is a place in the frame, never 'lower' the verb or a thing called 'half'
    "a lower or upper strip": [
        ("raise the brightness in the lower part", ["adjust"], None, "brightening the bottom part"),
        ("lighten the lower half", ["adjust"], None, "the bottom half"),
        ("give the upper third more contrast", ["adjust"], None, "the top third"),
        ("lower the saturation of the upper half", ["adjust"], None, "muting the colours of the top half"),
        ("lower the contrast", ["adjust"], None, "reducing the contrast"),                               # unchanged
        ("brighten the bottom half", ["adjust"], None, "the bottom half"),                               # unchanged
    ],
    # topics of one correction listed with and / commas / slashes each count — and a colour topic after a slash is no
    # verb; a direction said ('increase') or properties alone ('adjust the brightness and contrast') stay an adjust
    "a list of topics corrected": [
        ("fix the exposure and the colours", ["enhance"], None, "the exposure, the colour cast and the colours"),
        ("colour/contrast correction please", ["enhance"], None, "the contrast"),
        ("edit the colour, contrast and lighting for my dating profile", ["enhance"], None, "the exposure"),
        ("any light/colour improvements would be welcome", ["enhance"], None, "the colour cast"),
        ("could you fix her teeth and maybe the lighting/colour as well", ["fix", "enhance"], "tooth",
         "the colours by what i measure"),
        ("adjust the brightness and contrast", ["adjust"], None, "brightening"),                      # unchanged
        ("increase the saturation and exposure", ["adjust"], None, "boosting the colours"),           # unchanged
        ("sharpen it / colour the kite red", ["adjust", "recolor"], None, "making the kite red"),      # unchanged
        ("tweak the light and the levels in my portrait so it's gentler", ["enhance"], None, "the exposure"),
        ("exposure improvements please", ["enhance"], None, "the exposure"),
        ("this selfie could do with some fixing", ["enhance"], None, "measuring it"),
    ],
    # a tone asked in the passive ('needs to be turned up', 'both should be raised') names no thing: the whole photo
    "a tone said in the passive": [
        ("the saturation needs to be turned up a notch", ["adjust"], None, "boosting the colours of the image"),
        ("contrast and exposure both should be raised", ["adjust"], None, "brightening the image"),
        ("colouring brightened", ["adjust"], None, "brightening the image"),
        ("brighten both kids", ["adjust"], "kid", None),                                               # unchanged
    ],
    # blur is a defect whose fix has a direction (the labelling guide): the sharpness turned up, on the thing when one
    # is named — haze and noise are still measured
    "blur asked away": [
        ("could someone make this snap less blurry?", ["adjust"], None, "sharpening it against the blur (+0.25)"),
        ("remove the blur from this snap a lot", ["adjust"], None, "(+0.5)"),
        ("tidy up how fuzzy his left hand is", ["adjust"], "hand", "sharpening the left hand"),
        ("my holiday shot is out of focus, any help is so appreciated", ["adjust"], None, "sharpening"),
        ("reduce the haze", ["enhance"], None, "clearing the haze"),                                   # unchanged
        ("remove the grain", ["enhance"], None, "removing the noise"),                                 # unchanged
    ],
    # 'clearer' is a quality wished, not a direction (the labelling guide's enhance): measured, on the thing when one
    # is named; 'sharper' names the direction and stays an adjust
    "clearer wished": [
        ("could this snap of my nephew be made a little clearer?", ["enhance"], None, "(a little)"),
        ("make the street sign more clear", ["enhance"], "street sign", "enhancing the street sign"),
        ("tidy this old print up and make it clearer", ["enhance"], None, "measuring it"),
        ("make the kite sharper", ["adjust"], "kite", "sharpening the kite"),                          # unchanged
        ("make it clearer and warmer", ["enhance", "adjust"], None, "warming"),
    ],
    # a person or a thing taken out of the shadows is brightened there — never removed
    "out of the shadows": [
        ("could someone pull my aunt and me out of the shadows", ["adjust"], "person", "brightening all the people"),
        ("bring the fountain out of the shade", ["adjust"], "fountain", "brightening the fountain"),
        ("take the wheelbarrow out of the garden", ["remove"], "wheelbarrow", None),                   # unchanged
    ],
    # a tone word typed with one letter added, dropped or two swapped (never the first) is read as the tone word, said;
    # a real word one letter from a tone word is left alone
    "a typo inside the tone word": [
        ("make the shed dafrker", ["adjust"], "shed", "i read “dafrker” as “darker”"),
        ("could you brigthen it up", ["adjust"], None, "i read “brigthen” as “brighten”"),
        ("make the beach brigter", ["adjust"], "beach", "brightening the beach"),
        ("remove the older man", ["remove"], "man", None),                                             # unchanged
        ("we often go there, remove the fence", ["remove"], "fence", None),                            # unchanged
    ],
    # an opinion before a diagnosis ('I feel like it's …') is no thing to correct: the diagnosis is the photo's
    "an opinion before a diagnosis": [
        ("honestly i feel like its way too dim", ["enhance"], None, "the exposure"),
        ("i think it's too dark", ["enhance"], None, "the exposure"),                                 # unchanged
    ],
    # a cast asked away with an undoing prefix ('de-yellow') is the white balance, measured — never a colour asked for
    "a cast undone": [
        ("could anyone de-yellow my nan's old snap", ["enhance"], None, "the colour cast"),
        ("please de-red his cheeks", ["enhance"], "cheek", "the colour cast of"),
        ("make the scarf deep red", ["recolor"], "scarf", None),                                      # unchanged
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind, text, want, target, says", ROWS, ids=IDS)
def test_tone_kinds(kind, text, want, target, says):
    check_row(text, want, target, says)


@pytest.mark.parametrize("text, side, amount", [
    ("raise the brightness in the lower part", "bottom", 0.25),
    ("darken the upper half a bit", "top", -0.15),
])
def test_a_lower_or_upper_strip_is_a_region_with_the_said_direction(text, side, amount):
    _, plan, _ = actions(text)
    region, adjust = plan.calls
    assert region.tool == "region" and region.args.side == side
    assert adjust.args.brightness == amount and adjust.args.masked


@pytest.mark.parametrize("text", ["fix the dark hallway", "improve the gloomy lighting", "sort out the washed-out lake"])
def test_a_fault_is_never_made_worse(text):
    _, plan, _ = actions(text)
    assert all(call.tool != "adjust" for call in plan.calls)
    enhance = plan.calls[-1]
    assert enhance.tool == "enhance" and set(enhance.args.parts) <= {"exposure", "contrast", "vibrance"}
