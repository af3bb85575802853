"""Tone said beside what to avoid, beside a condition, or on a place (issue 20, tone21). Before: a look said after
'not' ('darker, but not black and white') was applied; 'add contrast, but not too much' took 'too much' for 'less' and
turned the contrast down; 'instead of brightening it, darken it' brightened; a tone change said in the same breath as
grain, blur or haze ('make it brighter and less grainy') was lost to the condition; 'brighten the photo around her
eyes', 'get darker worktops' and 'reduce brightness on forehead' changed the whole photo; 'the dunes and the sea are
too washed out' named 'the dunes and the sea are' in the reply, and 'the snapshot isn't sharp' a thing called "isn't";
and 'edit this photo so the comet is visible' enhanced all of it, not the comet.
Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence.

Each row: the request, the actions the plan must take in order, the adjust amounts the plan must carry (the
adjust calls' non-default fields, merged in order; None: not checked), and the selects' targets in order. Rows marked
"unchanged" planned the same before.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, rows_of

KINDS = {
    # a look said after 'not' or 'instead of' is one to stay clear of: neither applied nor turned round
    "a look to avoid": [
        ("make it darker, just not black and white", ["adjust"], {"brightness": -0.25}, []),
        ("a moodier edit please, not grayscale", ["adjust"], {"brightness": -0.25}, []),
        ("make it a touch warmer but not sepia", ["adjust"], {"warmth": 0.15}, []),
        ("make the sky moodier but not black and white", ["adjust"], {"brightness": -0.25, "masked": True}, ["sky"]),
        ("turn this into a coloured picture instead of black and white", [], None, []),
        ("make it black and white", ["adjust"], {"saturation": -1.0}, []),                         # unchanged
        ("make the lake sepia", ["adjust"], None, ["lake"]),                                        # unchanged
        ("make it darker and black and white", ["adjust"], {"saturation": -1.0, "brightness": -0.25}, []),  # unchanged
    ],
    # 'not too much' limits the change; it never asks for less of it
    "a limit is no way down": [
        ("add contrast but not too much please", ["adjust"], {"contrast": 0.15}, []),
        ("sharpen the photo, not too much though", ["adjust"], {"sharpness": 0.15}, []),
        ("boost the saturation but not too much", ["adjust"], {"saturation": 0.15}, []),
        ("the contrast is too much, tone it down", ["adjust"], None, []),                                # unchanged
        ("reduce the saturation a little", ["adjust"], {"saturation": -0.15}, []),                  # unchanged
    ],
    # the change a contrast sets aside is noted, not made
    "instead of one change, another": [
        ("instead of brightening it, darken it", ["adjust"], {"brightness": -0.25}, []),
        ("rather than warming the picture up, cool it down", ["adjust"], {"warmth": -0.25}, []),
        ("instead of making it sharper, soften it a bit", ["adjust"], {"sharpness": -0.15}, []),
        ("brighten it instead of darkening", ["adjust"], {"brightness": 0.25}, []),                 # unchanged
    ],
    # a tone change in the same breath as a condition of the whole photo: both, in the order said
    "a tone beside a condition": [
        ("make this shot lighter and less noisy", ["adjust", "enhance"], {"brightness": 0.25}, []),
        ("could you make it warmer and not so grainy", ["adjust", "enhance"], {"warmth": 0.25}, []),
        ("make the photo less hazy and more colourful", ["enhance", "adjust"], {"saturation": 0.25}, []),
        ("make it a bit brighter and less blurry", ["adjust"], {"brightness": 0.15, "sharpness": 0.15}, []),
        ("please get it brighter and not grainy looking", ["adjust", "enhance"], {"brightness": 0.25}, []),
        ("reduce the grain but keep the details", ["enhance"], {}, []),                             # unchanged
        ("make it less grainy", ["enhance"], {}, []),                                               # unchanged
        ("clear the fog and brighten it", ["enhance", "adjust"], {"brightness": 0.25}, []),         # unchanged
    ],
    # the picture named, then where on it: the tone goes there
    "where on the picture": [
        ("lighten the photo around her eyes", ["adjust"], {"brightness": 0.25, "masked": True}, ["eye"]),
        ("brighten the image just along the fence", ["adjust"], {"brightness": 0.25, "masked": True}, ["fence"]),
        ("make the picture a little warmer around the candles", ["adjust"], {"warmth": 0.15, "masked": True},
         ["candle"]),
        ("darken the shot over the rooftops", ["adjust"], {"brightness": -0.25, "masked": True}, ["rooftop"]),
        ("brighten the picture on my laptop", ["adjust"], {"brightness": 0.25}, []),                # unchanged: where the photo is
        ("brighten this photo of my grandpa", ["adjust"], {"brightness": 0.25}, []),               # unchanged: what it shows
        ("darken the photo at the top", ["adjust"], {"brightness": -0.25, "masked": True}, []),     # unchanged: a strip
    ],
    # a tone wished for a thing said with 'get' or 'want' before it: that thing
    "a thing wished with its tone": [
        ("get darker worktops", ["adjust"], {"brightness": -0.25, "masked": True}, ["worktop"]),
        ("i want brighter teeth", ["adjust"], {"brightness": 0.25, "masked": True}, ["tooth"]),
        ("we'd like warmer curtains please", ["adjust"], {"warmth": 0.25, "masked": True}, ["curtain"]),
        ("i want a brighter picture", ["adjust"], {"brightness": 0.25}, []),                        # unchanged: the photo
        ("darker eyebrows", ["adjust"], {"brightness": -0.25, "masked": True}, ["eyebrow"]),        # unchanged
    ],
    # several things said in a state: the verb of the state is no part of their names
    "things in a state": [
        ("the dunes and the sea are too washed out", ["adjust"], None, ["dune", "sea"]),
        ("the roof and the chimney look too dull", ["adjust"], None, ["roof", "chimney"]),
        ("the snapshot isn't sharp", ["adjust"], {"sharpness": 0.25}, []),
        ("the tulips aren't vivid", ["adjust"], {"saturation": 0.25, "masked": True}, ["tulip"]),
        ("the barn is too washed out", ["adjust"], None, ["barn"]),                                 # unchanged
    ],
    # the thing a tone property is on, said without an article: that thing
    "a holder without an article": [
        ("reduce brightness on forehead", ["adjust"], {"brightness": -0.25, "masked": True}, ["forehead"]),
        ("lower saturation on jacket", ["adjust"], {"saturation": -0.25, "masked": True}, ["jacket"]),
        ("sharpen focus of background", ["adjust"], {"sharpness": 0.25, "masked": True}, ["person"]),
        ("more contrast on entire image", ["adjust"], {"contrast": 0.25}, []),                     # unchanged: the photo
        ("increase brightness of shady areas", ["adjust"], {"brightness": 0.25}, []),               # unchanged: a range
        ("darken it in most places", ["adjust"], {"brightness": -0.25}, []),                      # unchanged
        ("less contrast on the sails", ["adjust"], {"contrast": -0.25, "masked": True}, ["sail"]),  # unchanged
    ],
    # a photo enhanced so one thing (or the people) can be seen: the enhance goes there
    "enhanced so a thing can be seen": [
        ("fix this snapshot so the comet is visible", ["enhance"], None, ["comet"]),
        ("could you edit this pic so we can see the fireworks more clearly", ["enhance"], None, ["firework"]),
        ("please retouch it so that i am visible", ["enhance"], None, ["person"]),
        ("make us look more visible", ["enhance"], None, ["person"]),
        ("edit it so you can see us both better", ["enhance"], None, ["person"]),
        ("edit this so we can see what went on", ["enhance"], None, []),                         # unchanged: no thing
        ("enhance it so it is visible", ["enhance"], None, []),                                   # unchanged
        ("make the comet more visible", ["enhance"], None, ["comet"]),                            # unchanged
        ("brighten the shot so the comet is visible", ["adjust"], {"brightness": 0.25, "masked": True}, ["comet"]),  # unchanged
    ],
}

ROWS, IDS = rows_of(KINDS)


def _adjusted(text: str) -> tuple[list[str], dict, list[str], str]:
    got, plan, _ = actions(text)
    amounts: dict = {}
    for call in plan.calls:
        if call.tool == "adjust":
            amounts.update(call.args.model_dump(exclude_defaults=True))
    targets = [c.args.target for c in plan.calls if c.tool == "select"]
    return got, amounts, targets, plan.reply


@pytest.mark.parametrize("kind,text,want,amounts,targets", ROWS, ids=IDS)
def test_kind(kind, text, want, amounts, targets):
    got, found, selected, reply = _adjusted(text)
    assert got == want, (text, reply)
    if amounts is not None:
        assert found == amounts, (text, reply)
    assert selected == targets, (text, reply)


def test_the_contrast_set_aside_is_noted_in_the_reply():
    _, _, _, reply = _adjusted("instead of brightening it, darken it")
    assert reply.lower().startswith("darkening") and "instead of brightening it" in reply, reply


def test_the_people_to_be_seen_are_all_of_them_when_more_than_one():
    _, plan, _ = actions("make us look more visible")
    chosen = next(c for c in plan.calls if c.tool == "select")
    assert chosen.args.all and "all the people" in plan.reply, plan.reply


def test_the_state_verb_is_not_in_the_reply():
    _, _, _, reply = _adjusted("the dunes and the sea are too washed out")
    assert "the dunes and the sea (" in reply and " are" not in reply, reply
