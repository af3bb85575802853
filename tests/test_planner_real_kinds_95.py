"""Requests that named an edit and still got a question or a wrong thing to draw (issue 20, gierq29).

- The asker spelled apart ('could some one darken the sky', 'can any one fix this shadow'): the two words were not
  read as who is asked, so 'one' stood where a thing could, and the request lost its place (the whole photo darkened)
  or was read as a question about the picture. Now they are the asker, as 'someone' is.
- The picture itself said as where a background goes ('could you add a backdrop to my picture', 'put a new backdrop into
  the image'): the picture noun was drawn as the new background ('Replacing the background with photo'). Now it is where
  the background goes; what it shows is read from the rest, or the neutral backdrop is used, said and unsure.
- The choice left to the editor ('put any background behind the dog', 'change the backdrop to whatever you like'): the
  words were drawn as the scene ('Replacing the background with any'). Now no scene is named: the neutral backdrop.
- The photo mended, and how, with a removal ('clean up this photo removing the scratches', 'restore the old photo by
  erasing the creases'): the clause was read as nothing ('not sure'), or the lead as the original brought back. Now
  the removal is the ask — a thing taken out, or a condition measured ('… removing the grain of the old print').
  A lead that is its own edit ('crop the photo removing the edges') is not read so.

Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence. Each row: the request, the actions in order, what the first fill must draw (None: unchecked), and words
the reply must hold (None: unchecked). Rows marked "unchanged" planned the same before.
"""

from __future__ import annotations

import pytest

from retouch.agent.planner.rules_background import DEFAULT_BACKDROP
from tests.planner_kinds import actions, first_prompt, first_target, rows_of

KINDS = {
    # 'some one', 'any one', 'some body', 'any body' after an asking modal: who is asked
    "the asker spelled apart": [
        ("could some one please darken the sky", ["adjust"], None, "darkening the sky"),
        ("would some body brighten the lake a bit", ["adjust"], None, "brightening the lake"),
        ("can any body erase the bin by the door", ["remove"], "", "removing the bin by the door"),
        ("can any one fix this shadow", ["remove"], "", "removing the shadow"),
        ("can any one of you warm up the sea", ["adjust"], None, "warming the sea"),
        ("can anyone brighten the sky", ["adjust"], None, "brightening the sky"),                  # unchanged
        ("can you remove one of the cups", ["remove"], "", "one of the cups"),                     # unchanged
    ],
    # the picture named as where the background goes is never what it shows
    "the picture as the background's place": [
        ("could you add a backdrop to my picture", ["background"], DEFAULT_BACKDROP, "neutral studio backdrop"),
        ("could you take the time to put a background into this picture", ["background"], DEFAULT_BACKDROP, None),
        ("put in a new backdrop into the image", ["background"], DEFAULT_BACKDROP, None),
        ("add a snowy background to this picture", ["background"], "snowy", None),
        ("put a white backdrop on my picture", ["background"], "", "background white"),         # unchanged
        ("change the background to a photo of a harbour", ["background"], "photo of a harbour", None),   # unchanged
        ("put in a lake background", ["background"], "lake", None),             # 'in' is no part of the scene
    ],
    # the choice left to the editor names no scene
    "the choice of background left open": [
        ("put any background behind the dog", ["background"], DEFAULT_BACKDROP, "neutral studio backdrop"),
        ("change the backdrop to whatever you like", ["background"], DEFAULT_BACKDROP, None),
        ("swap the backdrop for anything you want", ["background"], DEFAULT_BACKDROP, None),
        ("change the background to a sunny beach", ["background"], "sunny beach", None),          # unchanged
        ("can anyone do me a nice background", [], None, "what should the new background be"),    # unchanged
    ],
    # a photo mended by a removal: the removal is the ask
    "the photo mended by a removal": [
        ("clean up this photo removing the scratches", ["remove"], "", "removing all the scratches"),
        ("clear this snapshot removing the grain of the old print", ["enhance"], None, "noise"),
        ("clear up the photograph removing the noise", ["enhance"], None, "noise"),
        ("tidy up this scan removing the grain of the old print", ["enhance"], None, "noise"),   # unchanged
        ("restore the old photo by erasing the creases", ["remove"], "", "removing all the creases"),
        ("restore the original picture by removing the little cracks", ["remove"], "", "cracks"),
        ("fix this picture by removing the dust", ["remove"], "", "removing the dust"),             # unchanged
        ("crop the photo removing the edges", [], None, "how should i crop it"),                   # unchanged
        ("restore the original photo", ["history"], None, None),                                   # unchanged
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,prompt,says", ROWS, ids=IDS)
def test_kind(kind, text, want, prompt, says):
    got, plan, _ = actions(text)
    assert got == want, (text, plan.reply)
    if prompt is not None:
        assert first_prompt(plan) == prompt, (text, plan.reply)
    if says is not None:
        assert says in plan.reply.lower(), (text, plan.reply)


def test_the_asker_spelled_apart_keeps_the_place_named():
    _, plan, sure = actions("could some one darken the sky")
    assert first_target(plan) == "sky" and sure, plan.reply


def test_a_spelled_apart_asker_is_no_question_about_the_picture():
    _, plan, sure = actions("can any one fix this shadow")
    assert plan.calls and sure and "rather than answer questions" not in plan.reply, plan.reply


def test_a_background_with_nothing_named_stays_unsure_and_says_how_to_name_one():
    _, plan, sure = actions("could you add a backdrop to my picture")
    assert not sure and "for another" in plan.reply, plan.reply


def test_a_background_left_open_keeps_who_stays_in_front():
    _, plan, _ = actions("put any background behind the dog")
    assert first_target(plan) == "dog", plan.reply


def test_a_photo_mended_by_a_removal_is_no_return_to_the_original():
    got, plan, sure = actions("restore the original picture by removing the little cracks")
    assert "history" not in got and sure and "original" not in plan.reply.lower(), plan.reply
