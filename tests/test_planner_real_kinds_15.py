"""Crop, turn, size and canvas asks real people write that the plan got wrong or dropped (issue 20, the geometry
round), each in sentences written here for the purpose — none is taken from the real-request corpus, whose texts carry
no licence.

Each row: the request, the actions the plan must take in order (the task of each inpaint, or the tool), what the
first select must find (None: no select is checked) and what the reply must say (None: not checked). Rows marked
"unchanged" passed before this round and must keep passing. The photo is 1200×800 (`tests/planner_kinds.CONTEXT`).
"""

from __future__ import annotations

import pytest

from retouch.agent.planner.base import PlanningContext
from tests.planner_kinds import actions, check_row, rows_of

KINDS = {
    # a turn said small, or wished level, with no angle: the tilt the photo's lines show, measured — a quarter turn
    # would lay the picture on its side; a turn with an angle or a quarter-turn word is still that turn
    "a slight turn": [
        ("slightly rotate the snapshot and make it warmer", ["enhance", "adjust"], None, "straightening it"),
        ("turn up the contrast and rotate it a touch", ["adjust", "enhance"], None, "straightening it"),
        ("rotate the beach shot a little to the left", ["enhance"], None, "exact turn"),
        ("rotate it so the fence looks level", ["enhance"], None, "straightening it"),
        ("rotate the photo 90 degrees", ["crop"], None, "90°"),                                        # unchanged
        ("rotate the picture and warm it up", ["crop", "adjust"], None, "no angle or direction given"),
        ("rotate this one upside down", ["crop"], None, "180°"),                                       # unchanged
        ("rotate it 5 degrees to the left", ["crop"], None, "5°"),                                     # unchanged
    ],
    # a straightening beside a measured correction is two enhances: the turn is no part of "auto", and joining them
    # dropped the straightening while the reply still said it
    "a straightening beside a correction": [
        ("straighten the horizon and correct the colours", ["enhance", "enhance"], None, "straightening it"),
        ("level the photo, fix the lighting", ["enhance", "enhance"], None, "exposure"),
    ],
    # zoom said without "in on": into, onto, on, or the photo between the verb and "in"; the picture itself or
    # nothing named asks how far, as "zoom in" does; a zoom told in a story asks nothing
    "a zoom said another way": [
        ("zoom into the lighthouse", ["crop"], "lighthouse", "cropping to the lighthouse"),
        ("zoom onto the two swans", ["crop"], "swan", None),
        ("zoom the picture in a bit", ["crop"], None, "nothing named to zoom in on"),   # round 19
        ("zoom into the whole photograph", ["crop"], None, "around the main subject"),   # round 12: the subject crop
        ("zoom", ["crop"], None, "around the main subject"),              # round 19: the subject crop
        ("zoom and crop", ["crop"], None, "around the main subject"),
        ("I zoomed in loads so now it looks soft, can you sharpen it?", ["adjust"], None, None),
        ("zoom in on the kite", ["crop"], "kite", "cropping to the kite"),                             # unchanged
        ("zoom in on this", [], None, "crop to what"),                                                 # unchanged
        ("zoom in a little", ["crop"], None, "nothing named to zoom in on"),                         # round 19
    ],
    # a terse list that names the picture bare after each verb ('crop image sharpen image'): each verb a new edit,
    # where the list was one clause and only its first verb was read
    "a terse list naming the picture bare": [
        ("crop image recolour image sharpen image", ["crop", "adjust"], None, "around the main subject"),
        ("erase wooden crates crop photo", ["remove", "crop"], "crate", "around the main subject"),
        ("brighten picture remove the lamp", ["adjust", "remove"], "lamp", None),
        ("take out the bin in an otherwise perfect photo from our holiday", ["remove"], "bin", None),  # unchanged
    ],
    # a size in pixels beside another edit in one clause: the size's shape, then the other edit — the enhance or
    # background row took the clause and dropped the size; a file size, a unit or a screen name is no ratio
    "a size beside another edit": [
        ("can you make this shot 1600x900 and tidy it up?", ["crop", "enhance"], None, "1600×900"),   # split at "tidy it up"
        ("make my logo a 64x64 png that has a transparent background", ["background", "crop"], None, "64×64"),
        ("resize the snap to 2560x1440 so it suits my quad hd monitor", ["crop"], None, "2560×1440"),
        ("make the icon 32x32", ["crop"], None, "32×32"),
        ("for my pixel 240*320 please, under 50 kb", ["crop"], None, "240×320"),
        ("resize it to 1920x1080", ["crop"], None, "1920×1080"),                                         # unchanged
        ("extend the canvas to 1920x1080", ["outpaint"], None, "1920×1080"),                             # unchanged
        ("upscale the photo to 3840x2160", [], None, "upscale"),                                         # unchanged
    ],
    # a crop to a thing said with focus, "so we only see", or "inside": the crop in around it
    "a crop to a thing said another way": [
        ("crop the photo to focus mostly on the sailboat", ["crop"], "sailboat", "cropping to the sailboat"),
        ("crop it so we only see the twins on the left", ["crop"], "twin", None),
        ("crop the picture to within the red square", ["crop"], "square", None),
        ("crop it tight around the bride", ["crop"], "bride", None),                                   # unchanged
    ],
    # a side named with no amount takes a tenth off when the photo's size is known, said with how to ask for more
    # (round 16; without the size it asks how much — tests/test_planner_real_kinds_33.py); "a little" takes a tenth off
    # (said); "crop top of image" is the picture's top, not a garment
    "a side cropped": [
        ("crop the snapshot from the bottom", ["crop"], None, "cropping off the bottom 10%"),
        ("crop top of image", ["crop"], None, "cropping off the top 10%"),
        ("crop the left of the photo a little bit", ["crop"], None, "10%"),
        ("crop the top 25%", ["crop"], None, "25%"),                                                   # unchanged
        ("make her crop top red", ["recolor"], "top", None),                                               # unchanged
    ],
    # "enlarge" of the whole picture, or alone after another ask, is more pixels: declined and said, and a verb of its
    # own in a run-on ('remove the bin enlarge the photo' keeps the removal); growing a side is still the canvas
    "enlarge the picture": [
        ("enlarge the entire snapshot", [], None, "can't upscale"),
        ("rotate it 90 degrees and enlarge", ["crop"], None, "can't upscale"),
        ("erase the whole background enlarge the picture", ["background"], None, "can't upscale"),
        ("enlarge it at the top", ["outpaint"], None, "top"),                                          # unchanged
    ],
    # a change of orientation said "from landscape to portrait": the shape named after "to"
    "from one orientation to another": [
        ("switch my photo from landscape to portrait", ["outpaint"], None, "4:5"),
        ("could you change it from portrait to square", ["outpaint"], None, "1:1"),
        ("crop it square", ["crop"], None, "1:1"),                                                     # unchanged
    ],
    # a crop of a coloured area is its plain border trimmed (a crop takes only the edges away); a removal of one
    # still removes a thing; "turn this photo" with a direction is a turn
    "a coloured area cropped, a photo turned": [
        ("straighten it then crop away the grey area", ["enhance", "crop"], None, "trimming the plain border"),
        ("brighten it and crop the white part", ["adjust", "crop"], None, "trimming the white border"),
        ("remove the white area on her scarf", ["remove"], "scarf", None),                              # unchanged
        ("turn this photo clockwise then remove the kite", ["crop", "remove"], "kite", "90° clockwise"),
        ("turn this picture into a watercolour", [], None, "restyle"),                                 # unchanged
    ],
    # trim said of a side, a closer crop on a thing, a banner named as the shape
    "trim a side, a closer crop, a banner": [
        ("trim the right edge a little", ["crop"], None, "10%"),
        ("a closer crop on the baby please", ["crop"], "baby", "cropping to the baby"),
        ("I'd like this as a banner for the club site", ["crop"], None, "3:1"),
        ("make the letters on our banner brighter", ["adjust"], "letter", None),                       # unchanged
    ],
    # a crop said as a noun with the picture inside ('a square photo crop') or as a passive ('needs to be cropped'),
    # and a tilt given in degrees: the crop, its question, the turn — a negated passive stays no crop
    "a crop said as a noun or a passive, a tilt in degrees": [
        ("warm it up a touch, then a square photo crop", ["adjust", "crop"], None, "1:1"),
        ("the poster needs to be cropped", ["crop"], None, "around the main subject"),
        ("tilt it 3 degrees to the left", ["crop"], None, "3° counter-clockwise"),
        ("it doesn't need to be cropped, just brighten it", ["adjust"], None, None),                   # unchanged
    ],
    # a shape with a thing named around, with or of it ('square, the kite in the centre', '4:5 around the bride'):
    # the shape placed so the thing stays whole; a place ('on the left') is no thing; 'right' meaning correct is no side
    "a shape with a thing": [
        ("crop the photo to a square with the tabby in the middle", ["crop"], "tabby", "around the tabby"),
        ("crop it 4:5 around the groom", ["crop"], "groom", "around the groom"),
        ("crop it to 16:9 on the left", ["crop"], None, "16:9"),
        ("crop to 16:9 but keep the boat", ["crop"], "boat", None),                                   # unchanged
        ("make it 16:9, I can't get the ratio right", ["outpaint"], None, "extending the canvas to 16:9"),
    ],
    # a flip of one named thing: only the whole picture flips — done, said, and unsure (the LLM may know better)
    "a thing flipped": [
        ("flip the teapot", ["crop"], None, "one thing can't be flipped"),
        ("mirror the dog and brighten the grass", ["crop", "adjust"], None, "the dog with it"),
        ("flip the photo horizontally", ["crop"], None, "flipping the image horizontally."),            # unchanged
    ],
    # a crop judged rather than asked ('cropping the photo just doesn't look the same'): no crop question beside the
    # removal that is the ask
    "a crop judged, not asked": [
        ("remove the kid on the swing, cropping the photo just doesn't look the same", ["remove"], "kid",
         "removing the kid on the swing."),
        ("cropping it to a square would be great", ["crop"], None, "1:1"),                              # unchanged
    ],
    # what the frame cut, asked to be shown or finished ('show the rest of the car', 'finish the left side of the
    # van'): the canvas grows, on the side named
    "the rest shown": [
        ("could you show the rest of the lorry", ["outpaint"], None, "zooming out"),
        ("take my thumb out. If you can, finish the left side of the van too", ["remove", "outpaint"], None, "left"),
        ("complete the cut-off part please", ["outpaint"], None, None),
        ("his shoes are cut off, extend the bottom", ["outpaint"], None, "bottom"),                    # unchanged
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind, text, want, target, says", ROWS, ids=IDS)
def test_geometry_kinds(kind, text, want, target, says):
    check_row(text, want, target, says)


def test_a_slight_turn_measures_the_tilt_instead_of_a_quarter_turn():
    _, plan, sure = actions("rotate the photo slightly clockwise")
    assert [call.tool for call in plan.calls] == ["enhance"] and plan.calls[0].args.parts == ["straighten"] and sure


def test_a_straightening_next_to_a_general_correction_keeps_both():
    _, plan, _ = actions("straighten it and correct the colours")
    parts = [call.args.parts for call in plan.calls]
    assert parts[0] == ["straighten"] and "straighten" not in (parts[1] or [])


def test_a_size_beside_an_edit_keeps_the_size_shape():
    _, plan, _ = actions("make this shot 1600x900 and tidy it up", PlanningContext())
    # "tidy it up" starts a clause of its own (a two-word verb around its pronoun), so the user's order stands
    assert [call.tool for call in plan.calls] == ["crop", "enhance"] and plan.calls[0].args.aspect == "16:9"


def test_what_follows_a_size_that_nothing_reads_is_said_and_unsure():
    _, plan, sure = actions("make it 1600x900 and zorblify it")
    assert plan.calls[-1].args.aspect == "16:9" and not sure and "zorblify" in plan.reply


def test_a_square_size_is_pixels_and_a_file_size_is_no_ratio():
    from retouch.agent.planner.rules_geometry import aspect_of, pixel_size

    assert pixel_size("make it 32x32")[1:] == (32, 32)
    assert pixel_size("a 20x20 cm print") is None
    assert pixel_size("make it 16x9") is None
    assert aspect_of("keep it under 30 to 40 kb") is None


def test_a_crop_judged_asks_no_crop_question():
    _, plan, sure = actions("remove the kid on the swing, cropping the photo just doesn't look the same")
    assert "how should i crop" not in plan.reply.lower() and not sure


def test_a_turn_with_a_direction_says_no_guess():
    _, plan, _ = actions("rotate it to the left")
    assert plan.calls[0].args.rotate == -90 and "no angle" not in plan.reply.lower()


def test_a_flip_of_one_thing_is_unsure_and_of_the_picture_sure():
    assert not actions("flip the teapot upside down")[2]
    assert actions("flip it upside down")[2] and actions("flip vertically")[2]
