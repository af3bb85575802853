"""Backgrounds and scenes said in other ways (issue 20, scenes18): a person sent into a scene with 'edit' / 'photoshop'
/ 'insert' was asked about; a cut-out pasted onto a picture of a scene was declined as a composite; a backdrop asked
behind the subject with no background word ('a velvet curtain behind him') was added in the middle of the picture; a
background asked away for being busy or noisy had its sensor noise removed or a thing called 'cluttered' looked for;
a stand-in offered after a removal ('…, maybe a shrub, anything that doesn't stand out') became a second step; 'make
the frame gold' warmed the whole photo; 'replace the plum with an orange' recoloured the plum; and a thing added to
the background there ('add a gorilla to the background') became a new background called 'gorilla to the'. Every
sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no licence.

Each row: the request, the actions the plan must take in order, what the first select must find (None: not checked)
and what the reply must say (None: not checked). Rows marked "unchanged" planned the same before this round.
"""

from __future__ import annotations

import pytest

from retouch.agent.plan import Plan
from tests.planner_kinds import actions, check_row, rows_of

KINDS = {
    # a person sent into a scene: the person kept, that scene behind them
    "sent into a scene": [
        ("edit my niece into a snowy pine forest", ["background"], "niece", "snowy pine forest"),
        ("Could someone photoshop him into a desert at dusk?", ["background"], "person", "desert at dusk"),
        ("cut out the toddler and photoshop her into a meadow", ["background"], "toddler", "meadow"),
        ("insert the cropped puppy onto a beach", ["background"], "dog", "puppy in front of beach"),
        ("put my grandad on a mountain top", ["background"], None, "mountain top"),               # unchanged
        ("photoshop my cat into a van gogh painting", [], None, "composite"),        # unchanged: a style, declined
    ],
    # a cut-out pasted onto another picture: the scene that picture shows is the new background
    "pasted onto a picture of a scene": [
        ("cut out the baby and paste it onto a picture of a thunderstorm", ["background"], "baby", "thunderstorm"),
        ("paste the dog onto a photo of an autumn meadow", ["background"], "dog", "autumn meadow"),
        ("insert the cut-out onto an image of a glacier", ["background"], "person", "glacier"),
        ("place this woman on a photo of my parents", [], None, "composite"),      # unchanged: people shown, declined
        ("crop the twins out and put them into a photo of our last photoshoot", [], None, "composite"),
        ("put her on a billboard in times square", [], None, "composite"),                       # unchanged
    ],
    # a backdrop behind the subject with no background word
    "a backdrop behind the subject": [
        ("put a velvet curtain behind him", ["background"], "person", "velvet curtain"),
        ("a red brick wall back there", ["background"], "person", "red brick wall"),
        ("hang a white sheet behind the dog", ["background"], "dog", "white sheet"),
        ("remove the people, then put a green curtain back here", ["remove", "background"], None, "green curtain"),
        ("add a dragon behind her", ["add"], None, "dragon"),                    # unchanged: a thing, not a backdrop
        ("remove the wall behind her", ["background"], "person", "background"),  # the backdrop away: a new one (bg25)
        ("remove the poster behind her", ["remove"], "poster", None),            # a thing, not a backdrop: removed
    ],
    # a background asked away for being full of things
    "a busy background asked away": [
        ("please remove the noisy background behind my daughter", ["background"], "daughter", "background"),
        ("get rid of the cluttered background", ["background"], "person", "background"),
        ("can you remove the really messy background from this", ["background"], "person", "background"),
        ("remove the busy background", ["background"], "person", "background"),                      # unchanged
        ("remove the noise from the background", ["enhance"], None, "noise"),    # unchanged: the sensor's noise
    ],
    # a stand-in offered after a removal: the removal, the stand-in named in the reply
    "a stand-in offered": [
        ("Please erase the jogger. Maybe replace him with a shrub, anything that does not stand out.",
         ["remove"], None, "a shrub"),
        ("take the sign out, perhaps put a lamp post there, something plain", ["remove"], "sign", "a lamp post"),
        ("remove the man and replace him with a hedge", ["remove", "replace"], "man", "hedge"),    # unchanged: asked
    ],
    # a frame given a colour: the frame recoloured
    "the frame recoloured": [
        ("make the frame gold", ["recolor"], "picture frame", "gold"),
        ("paint the photo frame a pale blue", ["recolor"], "picture frame", "pale blue"),
        ("make the picture frame white", ["recolor"], "picture frame", "white"),                   # unchanged
        ("make the photo golden", ["adjust"], None, "warming"),                  # unchanged: the photo's tone
    ],
    # a thing added to the background that is there: an add in it, never a background called 'gorilla to the'
    "a thing added to the background": [
        ("add a gorilla to the background", ["add"], None, "adding a gorilla in the background"),
        ("Add the autumn trees in the background", ["add"], None, "adding autumn trees"),
        ("add snowflakes into the background please", ["add"], None, "snowflakes"),
        ("add a planet background", ["background"], "person", "planet"),                          # unchanged
        ("put the dog on a white background", ["background"], "dog", "white"),                     # unchanged
        ("put my son on a background of some pine trees", ["background"], "son", "pine trees"),
    ],
    # a run-on edit after the new background's words: its own step, never part of the prompt
    "an edit run on after the new background": [
        ("change background to a busy market add a lamp post remove the tyres", ["background", "add", "remove"],
         "person", "replacing the background with busy market, then adding a lamp post"),
        ("make the background a park and remove the bench", ["background", "remove"], "person", "with park, then"),
        ("change the background to a road with mountains behind it", ["background"], "person",
         "road with mountains behind it"),                                                                # unchanged
    ],
    # why the background edit is asked, said after 'to': noted, never the new background's words
    "a purpose after the background edit": [
        ("please blur the backdrop to hide the mess in the kitchen", ["background"], "person", "noted"),
        ("darken the backdrop to make the bride stand out", ["adjust"], "person", "darkening the background"),
        ("make the background white to match my other photos", ["background"], "person", "white"),
        ("change the background to make it look like autumn", ["background"], "person", "with autumn"),
        ("change the background to show a harbour at night", ["background"], "person", "harbour at night"),  # unchanged
    ],
    # a fruit (or thing) a colour also names, in a replace: a replace
    "a thing a colour names, replaced": [
        ("replace the plum with an orange", ["replace"], "plum", "an orange"),
        ("swap the lime for a peach", ["replace"], "lime", "a peach"),
        ("change the red ball to a blue ball", ["recolor"], "ball", "blue"),                        # unchanged
        ("replace the orange with a blue", ["recolor"], "orange", "blue"),          # unchanged: a colour, no thing
    ],
}
ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,target,says", ROWS, ids=IDS)
def test_kind(kind, text, want, target, says):
    check_row(text, want, target, says)


def _prompts(plan: Plan) -> list[str]:
    return [call.args.prompt for call in plan.calls if call.tool == "inpaint"]


def test_the_scene_sent_into_is_the_prompt_never_the_picture_words():
    """'onto a picture of a thunderstorm': the fill paints the thunderstorm, not 'a picture of …'."""
    _, plan, sure = actions("cut out the baby and paste it onto a picture of a thunderstorm")
    assert _prompts(plan) == ["thunderstorm"] and sure


def test_a_sky_made_into_another_is_no_subject_sent_into_a_scene():
    """'the sky' is a scene word itself: nothing is kept in front of a new background for it."""
    got, plan, _ = actions("photoshop the dull sky into a bluer sky")
    assert "background" not in got, plan.reply


def test_a_backdrop_behind_the_subject_keeps_the_subject_out_of_the_fill():
    _, plan, _ = actions("put a velvet curtain behind him")
    select = next(call for call in plan.calls if call.tool == "select")
    assert select.args.exclude and _prompts(plan) == ["velvet curtain"]


def test_a_busy_background_is_cleared_not_denoised():
    _, plan, _ = actions("please remove the noisy background behind my daughter")
    assert not any(call.tool == "enhance" for call in plan.calls)


def test_a_stand_in_is_no_step_and_the_plan_stays_sure():
    said = "Please erase the jogger. Maybe replace him with a shrub, anything that does not stand out."
    got, plan, sure = actions(said)
    assert got == ["remove"] and sure and _prompts(plan) == [""]


def test_the_scene_said_before_the_background_word_keeps_no_dangling_preposition():
    _, plan, _ = actions("put the goats in a meadow with poppies in the background")
    assert _prompts(plan) == ["meadow with poppies"], plan.reply


def test_a_purpose_after_a_blur_is_no_prompt():
    _, plan, _ = actions("please blur the backdrop to hide the mess in the kitchen")
    assert _prompts(plan) == [""] and "hide the mess" in plan.reply


def test_the_fruit_replacing_a_fruit_is_the_prompt():
    _, plan, _ = actions("replace the plum with an orange")
    assert _prompts(plan) == ["an orange"]
