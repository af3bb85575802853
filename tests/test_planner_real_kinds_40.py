"""Slang verbs, terse titles, meta words and lettering (issue 20, verbs round 18): a slang edit verb before a new thing
(an add) or before a person re-posed (no tool), 'filter' before the photo, a pointer to the comments, a stray word glued
to 'black and white', an app or a reward named beside the ask, a step told to the editor ('you're going to …'), letters
or a number rewritten (no tool), and a photo made bigger with its quality kept (an upscale, no tool). Every sentence is
written here for the purpose — none is taken from the real-request corpus, whose texts carry no licence.

Each row: the request, the actions the plan must take in order, what the first select must find (None: not checked)
and what the reply must say (None: not checked). Rows marked "unchanged" planned the same before this round.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_row, first_prompt, rows_of

_NO_TEXT = "can't change letters or numbers"
_NO_POSE = "can't turn, move or resize"
_NO_UPSCALE = "can't upscale"

KINDS = {
    # a slang edit verb before a new thing ('a', 'an', 'some') adds it; before 'the' or 'my' it is what it was
    "a slang verb adds": [
        ("photoshop a scary ghost into the doorway", ["add"], None, "adding a scary ghost"),
        ("could somebody shop a small puppy next to the bench?", ["add"], None, "a small puppy"),
        ("take the lamp away and photoshop a vase of tulips", ["remove", "add"], "lamp", "a vase of tulips"),
        ("can someone photoshop blue sparks into this picture?", ["add"], None, "blue sparks"),
        ("shop sunglasses onto the dog", ["add"], "dog", "sunglasses"),
        ("photoshop his head onto a statue", [], None, "can't swap faces"),                      # unchanged
        ("photoshop the bin out", ["remove"], "bin", None),                                      # unchanged
        ("photoshop my scarf navy", ["recolor"], "scarf", "navy"),                               # unchanged
    ],
    # a person re-posed by a slang verb: no tool turns someone, said so
    "a slang verb re-poses": [
        ("photoshop me so I look towards the camera", [], None, _NO_POSE),
        ("can you shop us so we're both leaning left", [], None, _NO_POSE),
        ("edit him so he is sitting up straight", [], None, _NO_POSE),
        ("brighten me so I stand out", ["adjust"], None, None),                                  # unchanged
    ],
    # 'filter' before the photo is its edit verb; elsewhere it is a look or a removal as before
    "filter before the photo": [
        ("filter photo", ["enhance"], None, None),
        ("filter the picture lighter", ["adjust"], None, "brightening"),
        ("filter image darker add a scar to his cheek", ["adjust", "add"], None, None),
        ("filter out the green light", ["enhance"], None, None),                                 # unchanged
        ("filter the image to remove the glare on her glasses", ["remove"], "glare", None),      # unchanged
        ("add a nice filter", ["enhance"], None, None),                                          # unchanged
        ("take out the rips filter to black and white", ["remove", "adjust"], "rip", "black and white"),
        ("change the filter to greyscale", ["adjust"], None, "black and white"),                  # unchanged
    ],
    # a pointer to words we are not given: no sharpening for 'details', no comparison for 'more'
    "details elsewhere": [
        ("Basic retouch, details in the comments", ["enhance"], None, None),
        ("could someone take out the bollard? (more info in comments)", ["remove"], "bollard", None),
        ("please remove the lamp post, details in description", ["remove"], "lamp post", None),
        ("bring out the details in the feathers", ["adjust"], None, None),                       # unchanged: a sharpen
    ],
    # a stray word or letter glued to 'black and white' is dropped; the words that begin 'white' stay
    "a word glued to black and white": [
        ("convert it to black and whitey", ["adjust"], None, "black and white"),
        ("change the picture to black and whitenow", ["adjust"], None, "black and white"),
        ("black and white please", ["adjust"], None, "black and white"),                         # unchanged
    ],
    # an app the editor is to use, a reward offered, an alarm opening the post: manners, never a thing to remove
    "an app or a reward named": [
        ("please tidy up this selfie in Lightroom or GIMP", ["enhance"], None, None),
        ("$15 to the best edit. Could someone darken the sky?", ["adjust"], "sky", None),
        ("can anyone erase the scooter? $20 via PayPal to whoever does it", ["remove"], "scooter", None),
        ("Emergency! could someone put us on a plain grey background", ["background"], None, None),
        ("Urgent! remove the sign", ["remove"], "sign", None),                                   # unchanged
        # a self-portrait is the picture: where it could go is no removal of it
        ("tidy up my self-portrait so it could go on the gallery wall", ["enhance"], None, None),
    ],
    # a step told to the editor, as a tutorial tells it: the step is the ask
    "a step told to the editor": [
        ("First rotate it slightly, then youre going to erase the cooler bag by the tent", ["enhance", "remove"],
         "bag", None),
        ("you're gonna want to darken the sky", ["adjust"], "sky", None),
        ("remove the kite and youre going to brighten the sky", ["remove", "adjust"], "kite", None),
        ("you have to add a moon in the sky", ["add"], None, "a moon"),                          # unchanged
    ],
    # letters or a number rewritten: no tool writes text, said so — never a replace of a thing called 'ABC'
    "lettering rewritten": [
        ("change the 7 on his shirt to 9", [], None, _NO_TEXT),
        ("Change the number on her jersey from 21 to 45", [], None, _NO_TEXT),
        ("change the number 3 to number 8", [], None, _NO_TEXT),
        ("change ABC to ABD", [], None, _NO_TEXT),
        ("change the jersey number to 12", [], None, _NO_TEXT),
        ("add more contrast and change BAR to CAR", ["adjust"], None, _NO_TEXT),
        ("replace the 2 cups with 3 cups", ["replace"], "cup", None),                            # unchanged: things
        ("change the shirt to red", ["recolor"], "shirt", None),                                 # unchanged
        ("CHANGE THE SHIRT TO RED", ["recolor"], "shirt", None),                                 # unchanged: shouted
        ("Change the BG to RED", ["background"], None, None),                                    # unchanged: a colour
        ("change the number of birds to 5", ["replace"], None, None),                            # unchanged
    ],
    # the picture misspelt in a terse title: read as the picture, never a thing called 'phot'
    "the picture misspelt": [
        ("please tidy up this phot of my nan", ["enhance"], None, "enhancing the photo"),
        ("cut the thumb out of the phto", ["remove"], "thumb", None),
    ],
    # the photo made bigger with its quality kept: an upscale, said, and no enhance of it as it is
    "bigger, keeping the quality": [
        ("Resize please! Make it larger but still high quality", [], None, _NO_UPSCALE),
        ("make the photo bigger in HD", [], None, _NO_UPSCALE),
        ("make it bigger and sharper", ["adjust"], None, None),                                  # unchanged
    ],
}
ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind, text, want, target, says", ROWS, ids=IDS)
def test_kind(kind, text, want, target, says):
    check_row(text, want, target, says)


def test_a_slang_add_prompts_the_new_thing():
    """The fill is asked for the thing said after the slang verb, not for the verb or the place."""
    _, plan, _ = actions("photoshop a scary ghost into the doorway")
    prompt = first_prompt(plan) or ""
    assert "ghost" in prompt and "photoshop" not in prompt, plan.reply


def test_lettering_keeps_the_rules_sure_and_draws_nothing():
    """A lettering change is declined in full: no call draws the new number, and the line says what can be done."""
    got, plan, sure = actions("Change the digits on the jersey from 8 to 31")
    assert got == [] and not plan.calls and sure, plan.reply
    assert "remove" in plan.reply, plan.reply


def test_a_misspelt_picture_leaves_nothing_unread():
    """'this phot' is the photo: the rules are sure, so `auto` does not hand a plain tidy-up to an LLM."""
    got, plan, sure = actions("could someone just edit this phot and fix the colours")
    assert got == ["enhance"] and sure, plan.reply
