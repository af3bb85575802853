"""Tone and look wishes that got a question, a recolour or a removal (issue 20, tone round 13): the whole photo turned
one colour, a thing or a strip of the photo said enhanced, colours made more or less intense in other words, a colour
decreased, a match to another photo, skin gone ashy, a background made less washed out. Every sentence is written here
for the purpose — none is taken from the real-request corpus, whose texts carry no licence.

Each row: the request, the actions the plan must take in order, what the first select must find (None: not checked)
and what the reply must say (None: not checked). Rows marked "unchanged" planned the same before this round. The
photo is 1200×800 (`tests/planner_kinds.CONTEXT`).
"""

from __future__ import annotations

import pytest

from retouch.agent.planner.base import PlanningContext
from tests.planner_kinds import CONTEXT, actions, check_row, rows_of

KINDS = {
    # the whole photo turned one colour: a warm or cool one is the warmth, any other said to be out of reach
    "the whole photo one colour": [
        ("change it to a golden colour", ["adjust"], None, "warming the image"),
        ("turn this all amber", ["adjust"], None, "warming the image"),
        ("change the colour scheme to a deep blue", ["adjust"], None, "cooling the image"),
        ("shift the hue of this whole photo to a pale blue", ["adjust"], None, "cooling the image"),
        ("change the palette of the photo to red", ["adjust"], None, "warming the image"),
        ("turn it all lilac", ["recolor"], None, "washing the whole photo with lilac"),
        ("make the whole picture green", ["recolor"], None, "washing the whole photo with green"),
        ("turn the kettle orange", ["recolor"], "kettle", None),                                    # unchanged
        ("change the colour of the scarf to blue", ["recolor"], "scarf", None),                     # unchanged
        ("give it a blue tint", ["adjust"], None, "cooling the image"),                             # unchanged
    ],
    # a thing or a strip of the photo said enhanced: that enhance, there
    "said enhanced": [
        ("the right third (the scan) enhanced", ["enhance"], None, "right third"),
        ("the pond improved please", ["enhance"], "pond", "the pond"),
        ("I'd like the hills touched up", ["enhance"], "hill", None),
        ("this snapshot of my grandad enhanced", ["enhance"], None, "enhancing the photo"),        # unchanged
        ("the whole thing touched up a bit", ["enhance"], None, "enhancing the photo"),            # unchanged
        ("would it be possible to get this tidied up", ["enhance"], None, "enhancing the photo"),
    ],
    # the colours made more or less intense, in words other than saturation
    "colour intensity in other words": [
        ("pump up the intensity of the colours", ["adjust"], None, "boosting the colours"),
        ("make the colours more intense", ["adjust"], None, "boosting the colours"),
        ("oversaturate the colours", ["adjust"], None, "boosting the colours"),
        ("over-saturate the colour a bit", ["adjust"], None, "boosting the colours"),                 # unchanged
        ("wash out the colours slightly", ["adjust"], None, "muting the colours"),
        ("lower the colour concentration", ["adjust"], None, "muting the colours"),
        ("the photo looks washed out", ["adjust"], None, None),                                     # unchanged
    ],
    # a colour decreased is the cast corrected, as 'reduce the red colour' was
    "a colour decreased": [
        ("decrease the orange colour in the picture", ["enhance"], None, "colour cast"),
        ("take the scuffs off and decrease the blue colour", ["remove", "enhance"], "scuff", "colour cast"),
        ("reduce the pink colour a touch", ["enhance"], None, "colour cast"),                      # unchanged
    ],
    # the colours matched to a photo we never see: this photo's own cast and exposure, said honestly
    "matched to another photo": [
        ("match the colours of this one to the other picture", ["enhance"], None, "can't see your other photo"),
        ("colour match it to another photo of mine", ["enhance"], None, "can't see your other photo"),
        ("can the tones be made to match my other photo", ["enhance"], None, "can't see your other photo"),
        ("make the lighting on the statue match the background", ["enhance"], "statue", "can't match"),  # unchanged
    ],
    # skin gone ashy: its colour measured there
    "ashy skin": [
        ("make her knees less ashy", ["enhance"], "knee", "ashy"),
        ("fix my elbows so they aren't so ashy", ["enhance"], "elbow", "ashy"),
        ("edit her shins so they aren't ashy and flaky", ["enhance"], "shin", "didn't understand “flaky”"),
        ("make the vase less obvious", [], None, None),                                            # unchanged
    ],
    # the background made less washed out or dull: enhanced there, never a new background called 'less washed out'
    "a background made less dull": [
        ("make my background a bit less washed-out", ["enhance"], "person", "enhancing the background"),
        ("make the backdrop a little less faded/flat", ["enhance"], "person", "enhancing the background"),
        ("make the background darker", ["adjust"], None, "darkening the background"),         # unchanged
    ],
}
ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,target,says", ROWS, ids=IDS)
def test_tone_kinds(kind, text, want, target, says):
    check_row(text, want, target, says)


def test_a_colour_turned_is_the_selections_when_one_is_active():
    """'turn it all gold' with a selection just made colours the selection, never the whole photo's warmth."""
    selected = PlanningContext(image_size=CONTEXT.image_size, has_selection=True, fresh_selection=True)
    got, plan, _ = actions("turn it all gold", selected)
    assert "adjust" not in got, plan.reply


def test_the_whole_photo_tint_moves_warmth_only_by_the_scale():
    """A warm colour is +0.25 warmth, 'a bit' +0.15, a cool one negative — no other property moves."""
    for text, warmth in (("change it to gold colour", 0.25), ("turn it all a bit orange", 0.15),
                         ("change the colour scheme to blue", -0.25)):
        _, plan, _ = actions(text)
        (call,) = [c for c in plan.calls if c.tool == "adjust"]
        assert call.args.warmth == pytest.approx(warmth), text
        assert call.args.brightness is None and call.args.saturation is None and not call.args.masked, text


def test_a_match_to_another_photo_corrects_cast_and_exposure_of_the_whole_photo():
    _, plan, sure = actions("match the colours to the other photo")
    (call,) = plan.calls
    assert call.tool == "enhance" and call.args.parts == ["white_balance", "exposure"] and not call.args.masked
    assert sure


def test_ashy_skin_is_its_colour_measured_there():
    _, plan, _ = actions("make his hands less ashy")
    select, enhance = plan.calls
    assert select.args.target == "hand"
    assert enhance.args.parts == ["white_balance", "vibrance"] and enhance.args.masked


def test_a_strip_said_enhanced_is_a_region_not_a_thing():
    _, plan, _ = actions("the left half enhanced")
    assert [c.tool for c in plan.calls] == ["region", "enhance"] and plan.calls[1].args.masked


EXTRA_KINDS = {
    # a look with a stray dot or comma inside 'look like'
    "a look with stray punctuation": [
        ("make the shot look.like a pro did it", ["enhance"], None, None),
        ("make it look,like a night scene", ["adjust"], None, None),
        ("make my photo look like a professional edited it", ["enhance"], None, None),           # unchanged
    ],
    # a condition said with a degree between the verb and it ('a bit blurry') is asked away as 'blurry' is
    "a condition with a degree": [
        ("the shot is a bit blurry", ["adjust"], None, "sharpening"),
        ("it's a little grainy", ["enhance"], None, "noise"),
        ("the shot is blurry", ["adjust"], None, "sharpening"),                                    # unchanged
    ],
    # everything but a thing made black and white: a colour splash (its colour kept), never a black ground painted
    "a colour splash said with 'but'": [
        ("turn everything but the tram black and white", ["adjust"], "tram", "black and white"),
        ("make everything but the cat black", ["background"], "cat", None),                        # unchanged
    ],
}
EXTRA_ROWS, EXTRA_IDS = rows_of(EXTRA_KINDS)


@pytest.mark.parametrize("kind,text,want,target,says", EXTRA_ROWS, ids=EXTRA_IDS)
def test_more_tone_kinds(kind, text, want, target, says):
    check_row(text, want, target, says)


def test_a_colour_splash_keeps_the_thing_and_greys_the_rest():
    _, plan, _ = actions("turn everything but the tram black and white")
    select, adjust = plan.calls
    assert select.args.target == "tram" and select.args.exclude
    assert adjust.args.saturation == -1.0 and adjust.args.masked


LAST_KINDS = {
    # a property of the background moved there: masked to the background, never the whole photo, never a new one asked
    "a property of the background": [
        ("lift the contrast in background", ["adjust"], "person", "the background"),
        ("lower the backdrop brightness a little", ["adjust"], "person", "darkening the background"),
        ("brighten up the colours of the background", ["adjust"], "person", "the background"),   # unchanged
        ("make the background darker", ["adjust"], None, "darkening the background"),         # unchanged
        ("change the background colour to grey", ["background"], None, None),                     # unchanged
    ],
    # a brightness said as a filter
    "a brightness filter": [
        ("put a bright filter on it", ["adjust"], None, "brightening the image"),
        ("add a dark filter please", ["adjust"], None, "darkening the image"),
        ("add a sepia filter", ["adjust"], None, None),                                            # unchanged
    ],
    # the whole photo's colour changed, none named: which colour, and what can be done
    "the photo's colour changed, none named": [
        ("change the photo colour", [], None, "which colour should the whole photo lean to"),
        ("alter the tint of this whole picture", [], None, "which colour should the whole photo lean to"),
        ("change overall tint of picture", [], None, "which colour should the whole photo lean to"),
        ("remove all the colour", ["adjust"], None, "black and white"),
        ("remove the colour", ["adjust"], None, "black and white"),                              # unchanged
        ("change the colour of the kettle", [], None, "what colour should the kettle be"),        # unchanged
    ],
}
LAST_ROWS, LAST_IDS = rows_of(LAST_KINDS)


@pytest.mark.parametrize("kind,text,want,target,says", LAST_ROWS, ids=LAST_IDS)
def test_last_tone_kinds(kind, text, want, target, says):
    check_row(text, want, target, says)


def test_a_background_property_is_masked_to_the_background_and_sure():
    _, plan, sure = actions("lift the contrast in background")
    select, adjust = plan.calls                       # all but the people, as every background edit selects it
    assert select.args.target == "person" and select.args.exclude
    assert adjust.args.contrast == pytest.approx(0.25) and adjust.args.masked and sure


def test_the_photos_colour_changed_with_none_named_is_a_sure_question():
    got, plan, sure = actions("change the photo colour")
    assert got == [] and not plan.calls and sure and "warm or cool" in plan.reply


def test_a_second_flaw_word_left_unread_makes_the_plan_unsure():
    _, plan, sure = actions("edit her shins so they aren't ashy and flaky")
    assert not sure and "flaky" in plan.reply
