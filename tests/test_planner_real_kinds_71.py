"""Second edits dropped and words read as things (issue 20, second24): 'get rid of' clipped to 'get of' or misspelt
mid-ask was not read, so the removal was dropped; a fault and the photo's topic said as a slash pair ('fix the
glare/colour of this picture') kept only the fault; the photo's colouring turned to a colour ('change the colouring
of the picture to a soft green', often a second sentence after a new background) recoloured a thing called
'colouring' or was dropped; 'add more lighting to the statue' painted in a thing called 'more lighting'; and a slang
edit verb with only the user's own thing ('photoshop my cat') removed it.
Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence.

Each row: the request, the actions the plan must take in order, the first select's target (None: unchecked) and
words the reply must hold (None: unchecked). Rows marked "unchanged" planned the same before.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_row, rows_of, selects_of

KINDS = {
    # 'get rid of' clipped or misspelt where no first-verb reading reaches it
    "get rid of, clipped or misspelt": [
        ("could you get of the red eyes and soften the flash", ["fix", "adjust"], "eye", None),
        ("get of the bin on the left please", ["remove"], "bin", "removing the bin"),
        ("can you get ride of the wires", ["remove"], "wire", None),
        ("please get red of the lamp post", ["remove"], "lamp post", None),
        ("get the dog out of the picture", ["remove"], "dog", None),                       # unchanged
        ("get rid of the kite", ["remove"], "kite", None),                                 # unchanged
    ],
    # a fault and the photo's topic, a slash (or 'and') between, the photo said as the topic's owner or not
    "a fault and the photo's topic": [
        ("fix the flare/colour of my photo", ["remove", "enhance"], "flare", "colour cast"),
        ("could anybody fix the glare/tone in this shot?", ["remove", "enhance"], "glare", None),
        ("could someone fix the reflection/exposure", ["remove", "enhance"], "reflection", "exposure"),
        ("fix the scratches/colour please", ["remove", "enhance"], "scratch", "colour cast"),
        ("correct the stains/colours of this image", ["remove", "enhance"], "stain", None),
        ("fix the dust and the lighting of the photo", ["remove", "enhance"], "dust", "exposure"),
        ("fix the creases and colour of the scan", ["remove", "enhance"], "crease", None),
        ("remove the glare/reflection", ["remove", "remove"], "glare", None),               # unchanged: two things
        ("fix the lighting/exposure", ["enhance"], None, "exposure"),                      # unchanged: two topics
        ("fix the glare and colour", ["remove", "enhance"], "glare", None),                # unchanged
    ],
    # the photo's colouring turned to a colour is a tint of the photo (one the tool can't make, said so)
    "the photo's colouring turned to a colour": [
        ("swap the backdrop for a harbour change the colouring of the photo to a cool blue",
         ["background", "adjust"], None, "cooling the image"),
        ("change the tone of the picture to blue", ["adjust"], None, "blue tone"),
        ("change the colouring of the picture to a soft green", ["recolor"], None, "with green"),
        ("replace the background with a garden change the coloring to this image to a soft pink",
         ["background", "recolor"], None, "washing the whole photo with pink"),
        ("change the colour of the photo to a warm orange", ["adjust"], None, "an orange tone"),
        ("change the colour of the car to red", ["recolor"], "car", None),                  # unchanged: a thing
        ("change the background to a pine forest brighten the whole picture", ["background", "adjust"], None, None),  # unchanged
    ],
    # light added is a tone; a name going on after the tone word is a thing added
    "more lighting added": [
        ("add more lighting to the whole picture", ["adjust"], None, "brightening the image"),
        ("add more lighting to the statue", ["adjust"], "statue", "brightening the statue"),
        ("add some more lighting to my face", ["adjust"], "face", None),
        ("add lighting to the foreground", ["adjust"], "foreground", None),
        ("add light rays through the window", ["add"], None, "light rays"),
        ("add some light sparkles to the background", ["add"], None, "light sparkles"),
        ("add lighting effects", ["add"], None, "lighting effects"),                       # unchanged
        ("add a lamp on the table", ["add"], "table", None),                               # unchanged
        ("add more light to the statue", ["adjust"], "statue", None),                      # unchanged
        ("add colour back to the lilies", ["adjust"], None, None),                         # unchanged
    ],
    # a slang edit verb with only the user's own (or pointed-at) thing names no edit: asked, never a removal
    "a slang edit verb and only a thing": [
        ("photoshop my cat", [], None, "not sure what to change"),
        ("shop our house please", [], None, "not sure what to change"),
        ("photoshop this tower", [], None, "not sure what to change"),
        ("ps his motorbike", [], None, "not sure what to change"),
        ("photoshop the bin out", ["remove"], "bin", None),                                # unchanged
        ("photoshop my cat out of the picture", ["remove"], "cat", None),                  # unchanged
        ("photoshop the photobomber", ["remove"], "person", None),                         # unchanged: unwanted
        ("photoshop my hair silver", ["recolor"], "hair", None),                           # unchanged
    ],
    # the end of the list said ('… that's it') closes the request: never part of a name
    "a list's end said": [
        ("put a wizard hat on the cat thats it", ["add"], "cat", "on the cat."),
        ("darken the sky that is all", ["adjust"], "sky", "darkening the sky"),
        ("remove the sign, that's all", ["remove"], "sign", None),                         # unchanged
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,target,says", ROWS, ids=IDS)
def test_kind(kind, text, want, target, says):
    check_row(text, want, target, says)


def test_the_topic_after_a_fault_is_understood_not_left_out():
    _, plan, _ = actions("please fix the reflection/colour of my snapshot")
    assert "didn't understand" not in plan.reply, plan.reply


def test_two_topics_of_the_photo_are_one_correction_with_nothing_left_out():
    got, plan, _ = actions("fix the colours/tone of this image")
    assert got == ["enhance"] and "didn't understand" not in plan.reply, plan.reply


def test_the_colouring_of_the_photo_is_never_a_thing_to_find():
    _, found, reply = selects_of("change the background to a meadow change the colouring of the picture to a soft green")
    assert all(target != "colouring" for target, _ in found), reply


def test_the_end_of_the_list_is_no_part_of_the_name():
    _, found, reply = selects_of("put a wizard hat on the cat thats it")
    assert "thats" not in reply.lower() and all("thats" not in (phrase or "") for _, phrase in found), reply


def test_more_lighting_selects_nothing_when_the_whole_picture_is_lit():
    _, found, reply = selects_of("add more lighting to the whole picture")
    assert found == [], reply
