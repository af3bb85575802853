"""Kinds of geometry, restoration and shape request real people write that the plan missed (issue 20, the round over
the GIER requests whose editor cropped, straightened, warped, repaired a print or blurred a background), each in
sentences written here for the purpose — none is taken from the real-request corpus, whose texts carry no licence.

Each row: the request, the actions the plan must take in order (the task of each inpaint, or the tool), what the
first select must find (None: no select is checked) and what the reply must say (None: not checked). The photo is
1200×800 (`tests/planner_kinds.CONTEXT`).
"""

from __future__ import annotations

import pytest

from retouch.agent.planner.base import PlanningContext
from tests.planner_kinds import actions, check_row, rows_of

KINDS = {
    # a thing put in the middle is a crop centred on it (crop center_on_selection); the photo itself named is its
    # subject, a person unless another is named — said
    "centre a thing": [
        ("could someone centre the lighthouse please", ["crop"], "lighthouse", "in the middle"),
        ("can you center me in this shot", ["crop"], "person", "in the middle"),
        ("please help to centralise the photo", ["crop"], "person", "name another thing to centre"),
        ("put the cake in the middle of the frame", ["crop"], "cake", "in the middle"),
        ("the vase looks off-centre, could you fix that", ["crop"], "vase", None),
        ("center Priya in the frame and make it a bit brighter", ["crop", "adjust"], "person", "Priya"),
        ("warm it up and then centre the kite", ["adjust", "crop"], "kite", None),
        ("I'm in the centre of the group. remove the bin on the right", ["remove"], "bin", None),  # a place, told
        ("could the shot be more focused on my grandson", ["crop"], "grandson", None),     # what it should be about
        ("I'd love this picture more focused on us", ["crop"], "person", "say where you stand"),
        ("focus more on the background and brighten the lamp", ["adjust"], None, None),  # no crop to a background
    ],
    # two bare asks that together mean 'in closer': the crop in around the subject, not two questions
    "zoom in, then crop": [
        ("zoom in a little and crop it", ["crop"], None, "around the main subject"),
        ("crop it and zoom in please", ["crop"], None, "around the main subject"),
        ("crop to notice board please", ["crop"], "board", "notice board"),      # a thing named with no article
        ("crop around cat", ["crop"], "cat", None),
        ("crop to size", [], None, "How should I crop it?"),                       # no thing: how?
        ("zoom in", ["crop"], None, "Nothing named to zoom in on"),    # alone: the bare crop (geometry round 19)
        ("darken it and zoom in a touch", ["adjust", "crop"], None, "Nothing named"),  # an amount is no thing
        ("crop it", ["crop"], None, "around the main subject"),
    ],
    # a tilt: said of the photo (or 'it', its horizon, its buildings) it is the measured straightening, and "fix it"
    # after it is that same straightening; said of one thing in it, it is a reshape no tool makes — said, with what is
    # possible
    "a tilt, the photo's or a thing's": [
        ("it's crooked, fix it", ["enhance"], None, "straightening"),
        ("it's a little wonky, can you sort it out", ["enhance"], None, "straightening"),
        ("the buildings look slanted", ["enhance"], None, "straightening"),
        ("my earrings are crooked, straighten them", [], None, "can't straighten one thing"),
        ("could someone make his collar straight", ["fix"], "collar", "straight and neat"),   # worn: redrawn (edits26)
        ("straighten her scarf please", ["fix"], "scarf", "straight and neat"),
        ("straighten it a bit", ["enhance"], None, "straightening"),
        ("please make her smile brighter and straighter", ["adjust"], None, "can't straighten one thing"),
        ("make the photo darker and straighter", ["adjust", "enhance"], None, "straightening"),
    ],
    # a person reshaped, the perspective corrected: no tool warps part of a photo — an honest refusal that says what
    # is possible instead
    "reshape and perspective": [
        ("could you edit me to appear slimmer for the passport", [], None, "can't reshape a person"),
        ("make my brother on the right a little taller", [], None, "slimmer, taller"),
        ("could you shop my dad more muscular", [], None, "can't reshape"),
        ("make the photo taller", ["outpaint"], None, None),                     # the canvas, not a person
        ("please fix the perspective of the shed", [], None, "no perspective"),
        ("correct the lens distortion and brighten it", ["adjust"], None, "can't correct perspective"),
        ("make me bigger and my sister smaller", [], None, "can't resize an object"),   # asked how, as before
    ],
    # the picture made bigger or stretched: no tool resamples it — declined with what is possible; words before the
    # declined part that it doesn't read leave the rules unsure
    "enlarge or stretch the picture": [
        ("could you help with enlarging my graduation photo", [], None, "can't upscale"),
        ("any chance you could blow it up for a poster", [], None, "can't upscale"),
        ("stretch the picture please", [], None, "can't resize"),
        ("change size", [], None, "can't resize"),
        ("enlarge it at the top", ["outpaint"], None, None),                          # more canvas, said with a side
    ],
    # damage to an old print or a scan: each defect taken out where the finder sees it, then the tone cleaned up by
    # measuring; a defect word alone stays a plain removal, and 'tears' on a face are no damage
    "damage to an old print": [
        ("could someone touch up the rips and specks on this old print", ["remove", "remove", "enhance"], "rip",
         "cleaning up the tone"),
        ("tidying the scuffs and dust off a scanned record sleeve", ["remove", "remove", "enhance"], "scuff", None),
        ("flood damage on my nan's wedding picture", ["remove", "enhance"], "stain", "flood damage marks"),
        ("please mend the creases in this faded snapshot", ["remove", "enhance"], "crease", None),
        ("remove the scratches", ["remove"], "scratch", None),
        ("wipe the tears off her cheeks", ["remove"], "tear", None),
        ("remove the water damage and the date stamp from this 1962 photo", ["remove", "remove"], None, None),
    ],
    # the background out of focus, however it is said: behind the person, or behind the thing said to be in focus
    "background blurred": [
        ("give this a fake depth of field", ["background"], "person", "blurring the background"),
        ("give this snap the dslr look", ["background"], "person", None),
        ("take the woman in red out, and if you can, a subtle dof effect as well", ["remove", "background"], "woman", "blurring the background"),
        ("I want the bike crisp but the background slightly blurred", ["background"], "bike", "behind the bike"),
        ("the puppy is in focus while the background is soft", ["background"], "dog", "behind the puppy"),
        ("make the background a little softer", ["background"], "person", "blurring"),
        ("a blurred background please", ["background"], "person", "blurring"),
        ("no bokeh please, just brighten it", ["adjust"], None, None),
        ("you see shots where the runner is sharp but the background is soft and blurry, could mine look like that",
         ["background"], None, "behind the runner"),     # not the background's blur complained of
        ("the background is blurred, please fix it", ["adjust"], None, "sharpen"),   # that one is a complaint
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind, text, want, target, says", ROWS, ids=IDS)
def test_geometry_restoration_kinds(kind, text, want, target, says):
    check_row(text, want, target, says)


def test_centring_is_one_crop_call_on_the_selection():
    _, plan, sure = actions("centre the lighthouse")
    crop = plan.calls[-1]
    assert sure and crop.tool == "crop" and crop.args.center_on_selection and not crop.args.keep_selection
    assert crop.args.box is None and crop.args.aspect is None


def test_centring_what_was_pointed_at_uses_the_selection():
    pointed = PlanningContext(image_size=(1200, 800), has_selection=True, fresh_selection=True)
    got, plan, _ = actions("centre this", pointed)
    assert got == ["crop"] and [c.tool for c in plan.calls] == ["crop"] and plan.calls[0].args.center_on_selection
    got, plan, _ = actions("centre this")
    assert got == [] and "select it first" in plan.reply


def test_a_blurred_background_is_a_blur_not_a_red_one():
    """'blurred' holds 'red': the colour is a whole word or none."""
    _, plan, _ = actions("can I get a blurred background")
    background = plan.calls[-1].args
    assert background.background == "blur" and "red" not in (background.prompt or "")


def test_a_thing_declined_once_when_fix_it_follows():
    _, plan, _ = actions("the lamp post is crooked, can you fix it")
    assert plan.calls == [] and plan.reply.count("can't straighten") == 1


def test_a_second_change_beside_a_things_straightening_is_made():
    """'whiter and straighter': the whitening is planned and the straightening declined beside it, never dropped."""
    got, plan, sure = actions("could you make my son's teeth whiter and straighter")
    assert got == ["recolor"] and sure and "can't straighten one thing" in plan.reply


def test_a_declined_resize_after_another_ask_is_unsure():
    """'paint his hat green stretch the image': the stretch is declined, and the words before it are not read — so
    the rules say they are unsure (auto asks the LLM) instead of answering for the whole line."""
    _, plan, sure = actions("paint his hat green stretch the image")
    assert "can't resize" in plan.reply and not sure
    _, plan, sure = actions("can someone please stretch the image")
    assert "can't resize" in plan.reply and sure
