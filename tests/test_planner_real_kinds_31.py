"""Conditions of the whole photo, defects that are things, and looks (issue 20, conditions round 16): a fading, a
cloudiness or an overexposure read as a thing to paint out, a style laid over the photo read as a thing called
'effect', damage with nothing named read as marks a finder could find, defects that are things (streaks, stray hairs, a
date stamp) read as an enhance of the whole photo, a condition with a place in the photo corrected everywhere, and
'looks cool' read as a cold cast. Every sentence is written here for the purpose — none is taken from the real-request
corpus, whose texts carry no licence.

Each row: the request, the actions the plan must take in order, what the first select must find (None: not checked)
and what the reply must say (None: not checked). Rows marked "unchanged" planned the same before this round.
"""

from __future__ import annotations

import pytest

from retouch.agent.plan import EnhanceCall, RegionCall
from tests.planner_kinds import actions, check_row, rows_of

KINDS = {
    # a condition of the whole photo named as a noun: measured and corrected, never selected and painted out
    "a condition named as a noun": [
        ("please take away the cloudiness from my picture", ["enhance"], None, "haze"),
        ("get rid of the murkiness in this shot", ["enhance"], None, "haze"),
        ("remove the fading", ["enhance"], None, "faded colours"),
        ("sort out the colours and the fading on this snapshot", ["enhance"], None, "colour"),
        ("the fading and the scratches removed", ["enhance", "remove"], "scratch", None),
        ("take the overexposure away", ["enhance"], None, "exposure"),
        ("lamp overexposure reduced and the cables removed", ["enhance", "remove"], "lamp", "exposure of the lamp"),
        ("please lose that washed-out appearance", ["enhance"], None, "faded colours"),
        ("please help clean up this awful phone quality of a photo", ["enhance"], None, "enhancing the photo"),
        ("remove the man and clean up the quality", ["remove", "enhance"], "man", None),
        ("get rid of the murky look", ["enhance"], None, "haze"),
        ("remove the grain and the two cones", ["enhance", "remove"], "cone", "noise"),
        ("take out the smokiness and the kite", ["enhance", "remove"], "kite", "haze"),
        ("remove the haze", ["enhance"], None, "haze"),                                            # unchanged
        ("please remove the grain", ["enhance"], None, "noise"),                                  # unchanged
        ("help with overexposure", ["adjust"], None, "darkening"),                                 # unchanged
        ("the overexposure of the lake reduced", ["adjust"], "lake", None),                         # unchanged
    ],
    # a colour taken out of the whole photo, or a -ness of a colour: the cast corrected, never a thing called 'yellow'
    "a cast said as a colour taken out": [
        ("please take the yellow out of the picture", ["enhance"], None, "colour cast"),
        ("remove some of the greenness", ["enhance"], None, "colour cast"),
        ("brighten it and remove some of the orange from the photo", ["adjust", "enhance"], None, "colour cast"),
        ("remove the pink tint", ["enhance"], None, "colour cast"),                                # unchanged
        ("remove the red", ["remove"], "red", None),                                               # unchanged: a thing
        ("remove the yellow bucket", ["remove"], "bucket", None),                                  # unchanged
        ("take the orange out of the picture", ["remove"], "orange", None),                        # unchanged: a fruit
    ],
    # the photo named by what was scanned: cleaning it up is an enhance, never a removal of what it shows
    "a scan named by what it shows": [
        ("tidy up this scanned magazine cover", ["enhance"], None, "enhancing the photo"),
        ("clean up scanned record sleeve", ["enhance"], None, "enhancing the photo"),
        ("remove the scanned letter", ["remove"], "letter", None),                                 # unchanged
        ("clean up this scan", ["enhance"], None, None),                                           # unchanged
    ],
    # a style laid over the photo: no tool turns it back into a photo — said, never a thing called 'effect'
    "a style to take off": [
        ("clear the painted effect", [], None, "can't take a style off"),
        ("please get rid of the oil painting look", [], None, "can't take a style off"),
        ("remove that cartoonish filter", [], None, "can't take a style off"),
        ("remove the snapchat filter", ["remove"], "filter", None),                                # unchanged: a thing
        ("take away the glitter effect on the card", ["remove"], None, None),                      # unchanged
    ],
    # damage with nothing named: the photo restored by measure; a named defect or kind is still taken out
    "damage with nothing named": [
        ("repair the damage", ["enhance"], None, "restoring the damaged photo"),
        ("remove damage", ["enhance"], None, "restoring"),
        ("please mend all the damage on this photo and make it black and white", ["enhance", "adjust"], None, None),
        ("remove the damage and the writing in the corner", ["enhance", "remove"], "text", None),
        ("fix the water damage on this old print", ["remove", "enhance"], "stain", None),          # unchanged
        ("mend the tear", ["remove"], "tear", None),                                               # unchanged
        ("touch up the rips on this scanned print", ["remove", "enhance"], "rip", None),           # unchanged
    ],
    # a defect that is a thing after a fixing verb: taken out, never an enhance of the whole photo
    "a defect that is a thing": [
        ("fix the streaks in this shot", ["remove"], "streak", None),
        ("could you fix the streaking on the scan", ["remove"], "streak", None),
        ("fix the stray hairs on his neck", ["remove"], "hair", None),
        ("can you fix the chin hairs", ["remove"], "hair", None),
        ("fix the date stamp", ["remove"], "timestamp", None),
        ("fix the creases in this shot", ["remove"], "crease", None),                              # unchanged
        ("fix the lighting in this shot", ["enhance"], None, None),                                # unchanged
        ("fix his hair", ["fix"], None, None),                                                     # unchanged
    ],
    # defect words run on with no comma: each taken out; a kind of mark after one is one thing
    "defects run on": [
        ("take out the rips creases and the foxing", ["remove", "remove", "remove"], "rip", None),
        ("please remove crack waterstain and dust", ["remove", "remove", "remove"], "crack", None),
        ("remove the dust spots", ["remove"], "dust spot", None),                                  # unchanged
        ("remove the scratch marks", ["remove"], "scratch", None),     # the flaw, not its shape (heads16)
    ],
    # 'cool' after a look verb is praise: a general enhance, never a cold cast corrected
    "praise read as a cast": [
        ("edit it so it looks cool", ["enhance"], None, "enhancing the photo"),
        ("could someone make this shot look really cool", ["enhance"], None, "enhancing the photo"),
        ("edit it so it looks cool (lighting, colours and so on)", ["enhance"], None, "enhancing the photo"),
        ("it looks too cool", ["enhance"], None, "colour cast"),                                   # unchanged
        ("make it look cooler", ["adjust"], None, "cooling"),                                      # unchanged
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,target,says", ROWS, ids=IDS)
def test_real_request_kind(kind: str, text: str, want: list[str], target: str | None, says: str | None) -> None:
    check_row(text, want, target, says)


def test_a_fading_and_a_colour_topic_are_one_measured_correction_of_the_colour_and_tone():
    _, plan, sure = actions("clean up the colours and the fading in this snapshot")
    (enhance,) = plan.calls
    assert isinstance(enhance, EnhanceCall) and not enhance.args.masked and sure
    assert {"white_balance", "vibrance", "exposure", "contrast"} == set(enhance.args.parts)


def test_an_overexposure_said_of_a_thing_is_measured_there_and_read_as_too_bright():
    _, plan, _ = actions("lamp overexposure reduced and the cables removed")
    select, enhance = plan.calls[:2]
    assert select.args.target == "lamp"
    assert enhance.args.parts == ["exposure"] and enhance.args.masked and enhance.args.felt == ["too_bright"]


def test_a_condition_with_a_place_in_the_photo_is_corrected_there_only():
    _, plan, _ = actions("remove the fog on the left")
    region, enhance = plan.calls
    assert isinstance(region, RegionCall) and region.args.side == "left"
    assert enhance.args.parts == ["dehaze"] and enhance.args.masked


def test_a_condition_in_a_strip_named_with_its_size_is_corrected_in_that_strip():
    _, plan, _ = actions("please reduce the grain in the top half")
    region, enhance = plan.calls
    assert region.args.side == "top" and region.args.fraction == 0.5
    assert enhance.args.parts == ["denoise"] and enhance.args.masked


def test_a_condition_with_no_place_is_corrected_over_the_whole_photo():
    _, plan, _ = actions("remove the fog")
    (enhance,) = plan.calls
    assert enhance.args.parts == ["dehaze"] and not enhance.args.masked


def test_a_condition_whose_words_are_followed_by_a_verb_names_no_thing():
    """'the haze spoils it' tells what is wrong: no select of a thing called 'spoil'."""
    _, plan, _ = actions("the haze spoils it, please fix")
    assert all(call.tool != "select" for call in plan.calls)


def test_a_joined_water_stain_is_looked_for_as_a_stain():
    _, plan, _ = actions("please remove crack waterstain and dust")
    assert [call.args.target for call in plan.calls if call.tool == "select"] == ["crack", "stain", "dust"]


def test_a_style_that_cannot_be_taken_off_is_said_and_nothing_is_painted():
    got, plan, _ = actions("clear the painted effect")
    assert got == [] and not plan.calls and "restyled picture" in plan.reply
