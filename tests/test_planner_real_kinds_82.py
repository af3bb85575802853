"""Tone edits aimed at the wrong tool (issue 20, tone27): a tone verb on the whole photo with its purpose after it
('darken the entire frame to make it appear more natural', 'lighten this entire image so that the backdrop is white') was
read as a measured enhance, or the purpose's 'the backdrop is white' as a new background — the tone word is the edit; a
colour cast asked more of ('increase the yellow tone', 'a deeper green hue', the cast misspelt 'caste') was a
measured correction that takes the cast away, or nothing at all — it is the photo's tint, as 'give it a yellow tint'
is; an enlargement no tool makes, said beside such a tint, left the tint out of the plan's lead; and a skin wish
with a second thing and its comparative after it, that thing said bare ('make me tanner and eyes brighter'), brightened
the whole photo — the wish is the person's, the second change that thing's.
Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence.

Each row: the request, the actions the plan must take in order, the first select's target (WHOLE: the whole photo,
nothing selected) and words the reply must hold. Rows marked "unchanged" planned the same before.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_row, first_target, rows_of

WHOLE = ""
"""No select: the edit is on the whole photo."""

KINDS = {
    # the tone verb (or 'make … lighter') is the edit; what follows 'so' or 'to make' is only why
    "a tone with its purpose": [
        ("darken the entire frame to make it appear more natural", ["adjust"], WHOLE, "darkening the image"),
        ("lighten this entire image so that the backdrop is white", ["adjust"], WHOLE, "brightening the image"),
        ("brighten the whole shot slightly to make it seem more professional", ["adjust"], WHOLE, "brightening the image"),
        ("make the entire picture darker so the background is pure black", ["adjust"], WHOLE, "darkening the image"),
        ("lighten this snapshot so it's not so dim", ["adjust"], WHOLE, "brightening the image"),
        ("warm the entire picture so it looks more natural", ["adjust"], WHOLE, "warming the image"),   # unchanged
        ("make it look more natural", ["enhance"], WHOLE, "enhancing"),                        # unchanged
        ("fix the colours", ["enhance"], WHOLE, "by what i measure"),                         # unchanged
        ("make the background white", ["background"], "person", "background white"),            # unchanged
        ("brighten the photo", ["adjust"], WHOLE, "brightening the image"),                   # unchanged
        ("darken the backdrop to make the bride stand out", ["adjust"], "person", "darkening the background"),  # unchanged
        ("brighten the faces so they show", ["adjust"], "face", "brightening all the faces"),             # unchanged
    ],
    # more of a colour cast over the whole photo is its tint (warmth for a warm or cool one, a wash for any other)
    "a cast asked more of": [
        ("increase the orange tone", ["adjust"], WHOLE, "warming the image"),
        ("give the snapshot a more blue tint", ["adjust"], WHOLE, "cooling the image"),
        ("more yellow colour throughout the whole image please", ["adjust"], WHOLE, "warming the image"),  # unchanged
        ("add a deeper green hue", ["recolor"], WHOLE, "washing the whole photo with green"),
        ("boost the pink tint a little", ["recolor"], WHOLE, "washing the whole photo with pink"),
        ("give this whole picture a green caste", ["recolor"], WHOLE, "washing the whole photo with green"),
        ("reduce the yellow tone", ["enhance"], WHOLE, "colour cast"),                        # unchanged
        ("clean up the orange tint", ["enhance"], WHOLE, "colour cast"),                      # unchanged
        ("remove the green caste", ["enhance"], WHOLE, "colour cast"),                        # was a thing removed
        ("change the fence to a more red colour", ["recolor"], "fence", "more red"),         # a colour given, a thing's
        ("make the car pink", ["recolor"], "car", "pink"),                                   # unchanged
        ("give the skin a more yellow tone", ["recolor"], "skin", "more yellow"),            # unchanged: a thing's
    ],
    # an enlargement no tool makes, said beside the tint: declined in the reply, the tint planned
    "an enlargement beside a tint": [
        ("enlarge the picture and increase the blue hue", ["adjust"], WHOLE, "cooling the image"),
        ("blow up the photo and add a stronger orange tone", ["adjust"], WHOLE, "warming the image"),
        ("enlarge the picture and make it warmer", ["adjust"], WHOLE, "warming the image"),  # unchanged
    ],
    # a person's or a part's tone said with 'me' / 'my' / 'his' stays on them
    "a person's tone": [
        ("make my skin a bit less red", ["adjust"], "skin", "cooling the skin"),            # unchanged
        ("make me a bit tanner and the eyes brighter", ["adjust", "adjust"], "person", "brightening all the eyes"),  # unchanged
        ("darken his skin slightly", ["adjust"], "skin", "darkening the skin"),              # unchanged
        # a second thing said bare after the skin wish, with its comparative: its own change, not the whole photo's
        ("make me look slightly more tanned and eyes brighter", ["adjust", "adjust"], "person", "brightening all the eyes"),
        ("make him a little more tanned and teeth whiter", ["adjust", "recolor"], "person", "all the teeth"),
        ("make my sister less pale and lips a bit redder", ["adjust", "recolor"], "person", "lips"),
        ("make me tanner and keep it natural", ["adjust"], "person", "warming the person"),   # unchanged: a limit
        ("make me less pale and remove the bin", ["adjust", "remove"], "person", "removing the bin"),  # unchanged
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,target,says", ROWS, ids=IDS)
def test_kind(kind, text, want, target, says):
    check_row(text, want, None if target == WHOLE else target, says)
    if target == WHOLE:                                 # the whole photo: nothing is selected for it
        _, plan, _ = actions(text)
        assert first_target(plan) is None, (text, plan.reply)


def test_a_purpose_after_the_tone_is_never_a_new_background():
    _, plan, _ = actions("lighten this entire image so that the backdrop is white")
    assert not any(call.tool == "inpaint" for call in plan.calls), plan.reply


def test_a_cast_asked_more_of_is_never_the_measured_correction():
    for text in ("increase the orange tone", "give the snapshot a more blue tint", "add a deeper green hue"):
        _, plan, _ = actions(text)
        assert not any(call.tool == "enhance" for call in plan.calls), (text, plan.reply)


def test_the_enlargement_beside_a_tint_is_said_not_dropped():
    _, plan, _ = actions("enlarge the picture and increase the blue hue")
    assert "upscale" in plan.reply.lower(), plan.reply
