"""Plain wishes answered "I'm not sure what to change" (issue 20, wish24): the user says plainly what they want and the
plan asked back. A purpose naming a messaging app's picture ('for my whatsapp dp') is that app's square; a story that
ends in who should be left ('make it me and the beagle') keeps only them; most of the background faded is the
background edit, said to be all of it; a part 'defined' is sharpened there; a colour given to a side of the photo ('some
violet along the bottom') is a tint there; a shouted word before the wish ('SKIPPED All that's needed …') is left out; 'recrop' is
'crop'; a copy at a size ('a 2048x2048 version of this') is that size; colour changes held back ('nothing drastic') are the measured correction, unsure.
Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence.

Each row: the request, the actions the plan must take in order, the first select's target (None: unchecked) and words
the reply must hold (None: unchecked). Rows marked "unchanged" planned the same before.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_row, rows_of

KINDS = {
    # a purpose alone: the messaging app's own picture is its square profile shape
    "a messaging app's picture": [
        ("I need this one for my whatsapp pic", ["crop"], None, "1:1"),
        ("for my watsapp dp please", ["crop"], None, "1:1"),
        ("this is going to be my whats app profile photo", ["crop"], None, "1:1"),
        ("it's for my phone wallpaper", ["outpaint"], None, "9:16"),                      # unchanged
        ("send it to me on whatsapp", [], None, "not sure"),                             # unchanged: no shape asked
    ],
    # a copy of the photo at a size: that size's shape
    "a copy at a size": [
        ("could you produce a 2048x2048 version of this shot?", ["crop"], None, "2048×2048"),
        ("i'd like a 1920x1080 copy for my screen", ["crop"], None, "1920×1080"),
        ("it was taken on a 1920x1080 camera, a copy of my grandad's", [], None, "not sure"),   # no size asked
    ],
    # a story that ends in who should be left: everyone else goes
    "only the owner and who they name left": [
        ("would you kindly just make it me and the kitten?", ["remove"], "person", "everyone except"),
        ("make it me and my brother", ["remove"], "person", "make it me and my brother"),
        ("we split up last spring. i love this shot of me and my horse, could you just make it me and the horse?",
         ["remove"], "person", "horse"),
        ("make it just the three of us", ["remove"], "person", "three"),
        ("make it mine", [], None, None),                                               # unchanged: no one named
        ("just make it brighter", ["adjust"], None, None),                               # unchanged
        ("just make it black and white", ["adjust"], None, "black and white"),           # unchanged
    ],
    # most of the background faded or dimmed: the background edit, on all of it, said
    "most of the background": [
        ("if you can, I'd love to fade out most of the background", ["adjust"], "person", "all of the background"),
        ("dim the bulk of the backdrop a little", ["adjust"], "person", "darkening the background"),
        ("blur nearly all of the background", ["background"], "person", "all of the background"),
        ("fade out the background", ["adjust"], "person", "brightening the background"),   # unchanged
        ("crop in, cutting away a lot of the background", ["crop"], None, None),           # a crop, not the background
    ],
    # a part 'defined': sharpened there
    "a part defined": [
        ("define fingers", ["adjust"], "finger", "sharpening"),
        ("define the petals a bit more", ["adjust"], "petal", "sharpening"),
        ("redefine his jawline", ["adjust"], "jawline", "sharpening"),
        ("how would you define this look?", [], None, None),                                # a question, no edit
        ("crisp up the fur", ["adjust"], "fur", "sharpening"),                             # unchanged
    ],
    # a colour given to a side or corner of the photo: a tint there
    "a colour given to a side": [
        ("put some violet across the top of the photo", ["recolor"], None, "the top of the photo with violet"),
        ("a bit of orange in the bottom left corner please", ["adjust"], None, "warming the bottom-left corner"),
        ("put some blue at the bottom", ["adjust"], None, "cooling the bottom of the photo"),
        ("add a touch of green to the top right", ["recolor"], None, "green"),
        ("add some pink to the roses at the top", ["recolor"], "rose", "roses"),            # a thing, not a side
        ("add more blue to the sky", ["recolor"], "sky", None),                            # unchanged: a thing
    ],
    # a shouted word before a wish with a capital of its own
    "a shouted lead word": [
        ("SKIPPED All that's needed is to correct the colours here", ["enhance"], None, "left out “SKIPPED”"),
        ("UPDATE Erase the cyclist at the back", ["remove"], "cyclist", "removing the cyclist"),   # unchanged: read the same
        ("REMOVE The boat on the right", ["remove"], "boat", None),                        # unchanged: the verb
        ("Lamborghini", [], None, "not sure"),                                             # unchanged: a title
    ],
    # 'recrop': crop
    "recrop": [
        ("recrop it", ["crop"], None, None),
        ("recrop the picture like the other one", ["crop"], None, None),
        ("rotate it two degrees left and recrop", ["crop"], None, None),
    ],
    # colour or light changed, held back: the measured correction, unsure
    "a change held back": [
        ("need a few colour changes, nothing drastic", ["enhance"], None, "by what i measure"),
        ("some lighting changes please, nothing major", ["enhance"], None, "exposure"),
        ("colour change", [], None, "which way"),                                         # unchanged: asked
        ("hoping to change a few of the colours for a poster", [], None, "colours changed — which way"),
        ("i'm hoping to alter some of the lighting", [], None, "lighting changed — which way"),
        ("change some of the colours to green", [], None, "what should i make green"),    # unchanged: a colour named
        ("brighten it, nothing drastic", ["adjust"], None, "+0.15"),                       # unchanged
    ],
    # near-misses that stay questions
    "still asked": [
        ("please have a look", [], None, None),
        ("what do you reckon?", [], None, None),
        ("any suggestions?", [], None, None),
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,target,says", ROWS, ids=IDS)
def test_kind(kind, text, want, target, says):
    check_row(text, want, target, says)


def test_a_colour_given_to_a_side_selects_that_side_not_a_thing():
    _, plan, _ = actions("put some violet across the top of the photo")
    assert plan.calls[0].tool == "region" and plan.calls[0].args.side == "top", plan.calls
    recolour = plan.calls[-1].args
    assert recolour.color == "violet" and recolour.color_share == 0.5, recolour


def test_a_change_held_back_is_unsure():
    got, _, sure = actions("need a few colour changes, nothing drastic")
    assert got == ["enhance"] and not sure


def test_the_owner_left_quotes_the_words_said():
    _, plan, sure = actions("make it me and my brother")
    assert "make it just" not in plan.reply and not sure, plan.reply
