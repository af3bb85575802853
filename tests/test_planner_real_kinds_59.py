"""Wishes no tool grants get an honest answer, not some other edit (issue 20, refuse22): a head or a face replaced with
a named person's was planned as a replace prompted with the name; a resolution wished alone was answered with a
sharpen nobody asked for; colourising said as 'from black and white to colour' made the photo black and white, and
'add colour to my old picture' boosted its saturation; 'distort the photo' beside another edit went unsaid, and
'correct the barrel distortion' sharpened the photo. Each is now declined in one line that says what can be done
instead — while the same words beside something a tool can do still do it.
Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence.

Each row: the request, the actions the plan must take in order, and a word or phrase the reply must hold (None: not
checked). Rows marked "unchanged" planned the same before.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, first_prompt, rows_of

KINDS = {
    # a head or face made a particular, named person's: a face swap
    "a face made a named person's": [
        ("Replace head with Napoleon", [], "can't swap faces"),
        ("Replace his head with Napoleon", [], "can't swap faces"),                           # unchanged
        ("swap the statue's face with Frida Kahlo", [], "can't swap faces"),                # unchanged
        ("replace the drummer's head with winston churchills head", [], "can't swap faces"),
        ("replace her head with a pineapple", ["replace"], "pineapple"),                       # unchanged: a thing
        ("Replace the boy's head with the dog's head", ["replace"], "dog's head"),            # unchanged: a creature
        ("swap the snowman's head with a pumpkin head", ["replace"], "pumpkin head"),         # unchanged
        ("Replace The Bride's Head With A Giant Strawberry", ["replace"], "strawberry"),      # title case: no name
    ],
    # more resolution alone is an upscale; beside a quality a tool can mend, the measured sharpen stays
    "a resolution wished alone": [
        ("could someone remake this shot at a higher resolution", [], "can't add resolution"),
        ("please raise the pixel count of this photo", [], "can't add resolution"),
        ("I need a hi-res copy of the logo for a banner", [], "can't add resolution"),
        ("blacken the background and raise the resolution", ["background"], "can't add resolution"),
        ("please improve the resolution of this scan", ["enhance"], None),                      # unchanged: better
        ("make the shot crisper and better resolution", ["enhance"], "no upscaler"),          # unchanged
        ("can it be made to look hi-res", ["enhance"], "no upscaler"),                        # unchanged: a look
        ("make the picture higher resolution so it isn't pixelated", ["enhance"], "no upscaler"),  # unchanged
        ("make this scan HD", ["enhance"], None),                                             # unchanged
    ],
    # colours a black-and-white photo never had
    "colourising said with 'to colour'": [
        ("turn this old photo from greyscale to colour", [], "can't colourise"),
        ("convert the entire picture to colour please", [], "can't colourise"),
        ("please add colour to my old picture of grandpa", [], "can't colourise"),
        ("change the image from colour to black and white", ["adjust"], "black and white"),   # unchanged
        ("change the colour of the car to black", ["recolor"], "black"),                      # unchanged
        ("add colour to the sky", ["adjust"], None),                                          # unchanged: a tone
    ],
    # the picture or a part of it bent, or the lens's bend undone: no tool warps pixels
    "a warp asked": [
        ("boost the saturation, distort the photo", ["adjust"], "can't distort or warp"),
        ("Squish the picture down Increase image brightness", ["adjust"], "can't distort or warp"),
        ("warp the dog's face so it looks silly", [], "can't distort or warp"),
        ("remove the kite warp the image add a moon", ["remove", "add"], "can't distort or warp"),
        ("please undistort this shot", [], "can't correct perspective"),
        ("correct the barrel distortion in the hallway photo", [], "can't correct perspective"),
        ("erase the distorted signs along the road", ["remove"], None),                      # unchanged: a thing
        ("fix the distortion, it is blurry", ["adjust"], None),                              # unchanged: blur
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,says", ROWS, ids=IDS)
def test_kind(kind, text, want, says):
    got, plan, _ = actions(text)
    assert got == want, (text, plan.reply)
    if says is not None:
        assert says.lower() in plan.reply.lower(), (text, plan.reply)


def test_a_face_swap_refused_is_sure_and_paints_nothing():
    got, plan, sure = actions("replace his head with Napoleon")
    assert got == [] and sure and first_prompt(plan) is None, plan.reply


def test_a_resolution_refusal_says_what_can_be_done_instead():
    _, plan, sure = actions("could someone remake this shot at a higher resolution")
    assert sure and "sharpen" in plan.reply and "crop" in plan.reply, plan.reply
