"""Colour and tone said in pairs, tints put on a thing, a colour turned down (issue 20, pairs28): a second pair named
bare after an edit ('make the kite bluer and grass greener') gave the kite the second colour; a tint or a hue put on a
thing ('an orange hue on the mast', 'a touch of pink on her cheeks') recoloured it all the way, or garbled the reply;
'reduce the yellow in the picture' made a thing called 'reduce' yellow; a tint with a shade before its colour ('a pale
yellow overlay') was a thing painted in. Every sentence is written here for the purpose — none is taken from the
real-request corpus, whose texts carry no licence.

Each row: the request, the actions the plan must take in order, and what its selects must carry, in order, as
(target, phrase) pairs (phrase None: no phrase beyond the target). Rows marked "unchanged" planned the same before.
"""

from __future__ import annotations

import pytest

from retouch.agent.planner.rules_vocab import COMPARATIVE_COLOUR_SHARE, TINT_SHARE
from tests.planner_kinds import actions, check_selects, rows_of

KINDS = {
    # a second thing and its comparative, named bare, is an edit of its own
    "a bare second pair": [
        ("make the kite bluer and grass greener", ["recolor", "recolor"], [("kite", None), ("grass", None)]),
        ("could you make her lips redder & eyes brighter", ["recolor", "adjust"], [("lip", None), ("eye", None)]),
        ("make the pond more blue and moss more green", ["recolor", "recolor"], [("pond", None), ("moss", None)]),
        ("make the lake bluer and sand lighter please", ["recolor", "adjust"], [("lake", None), ("sand", None)]),
        ("make him tanner and teeth whiter", ["adjust", "recolor"], [("person", None), ("tooth", None)]),
        ("make the kite bluer and the grass greener", ["recolor", "recolor"], [("kite", None), ("grass", None)]),  # unchanged
        ("make the van red and the gate blue", ["recolor", "recolor"], [("van", None), ("gate", None)]),          # unchanged
        ("make the kite bluer", ["recolor"], [("kite", None)]),                                                     # unchanged
        ("make it warmer and brighter", ["adjust"], []),                                                            # unchanged
        ("make it lighter and more colourful", ["adjust"], []),                                                     # unchanged
        ("make the black and white photo brighter", ["adjust"], []),                                                # unchanged
    ],
    # a tint, a hue or a touch of a colour put on a thing washes it part of the way
    "a tint on a thing": [
        ("add an orange hue to the mast", ["recolor"], [("mast", None)]),
        ("more orange tone on the canoe", ["recolor"], [("canoe", None)]),
        ("a touch of pink on her cheeks", ["recolor"], [("cheek", None)]),
        ("put a slight blue tint on the pond", ["recolor"], [("pond", None)]),
        ("give the vase a green tinge", ["recolor"], [("vase", None)]),
        ("give the skin a more yellow tone", ["recolor"], [("skin", None)]),                                        # unchanged
        ("add some red to the lips", ["recolor"], [("lip", None)]),                                                 # unchanged
        ("a red car in the background", [], []),                                                                    # unchanged
    ],
    # a colour turned down is a cast taken out, of the photo or of the thing named
    "a colour turned down": [
        ("reduce the yellow in the picture", ["enhance"], []),
        ("please tone down the green in this photo", ["enhance"], []),
        ("lower the blue in the image", ["enhance"], []),
        ("reduce the orange in her scarf", ["adjust"], [("scarf", None)]),
        ("less blue tint on this brass bell", ["adjust"], [("bell", "brass bell")]),
        ("reduce the red in his eyes", ["fix"], [("eye", None)]),
        ("make the scarf less orange", ["adjust"], [("scarf", None)]),                                            # unchanged
        ("reduce the yellow tint", ["enhance"], []),                                                                # unchanged
    ],
    # a tint laid over the photo with a shade before its colour is the photo's tint
    "a shaded tint over the photo": [
        ("put a soft pale yellow overlay", ["adjust"], []),
        ("add a pale pink hue over the whole picture", ["recolor"], []),
        ("put a yellow tint", ["adjust"], []),                                                                      # unchanged
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,selects", ROWS, ids=IDS)
def test_kind(kind, text, want, selects):
    check_selects(text, want, selects)


def _recolours(text: str) -> list:
    _, plan, _ = actions(text)
    return [call.args for call in plan.calls if call.tool == "inpaint" and call.args.task == "recolor"]


def test_a_bare_second_pair_keeps_each_colour_on_its_own_thing():
    first, second = _recolours("make the kite bluer and grass greener")
    assert (first.color, second.color) == ("blue", "green")
    assert first.color_share == second.color_share == COMPARATIVE_COLOUR_SHARE


@pytest.mark.parametrize("text", ["add an orange hue to the mast", "a touch of pink on her cheeks",
                                  "give the vase a green tinge", "put a slight blue tint on the pond"])
def test_a_tint_on_a_thing_washes_it_part_of_the_way(text: str):
    (recolour,) = _recolours(text)
    assert recolour.color_share == TINT_SHARE
    _, plan, _ = actions(text)
    assert "part of the way" in plan.reply, plan.reply


def test_more_of_a_tone_on_a_thing_goes_the_comparative_share():
    (recolour,) = _recolours("more orange tone on the canoe")
    assert (recolour.color, recolour.color_share) == ("orange", COMPARATIVE_COLOUR_SHARE)


def test_a_colour_given_to_a_thing_still_goes_all_the_way():
    (recolour,) = _recolours("add some red to the lips")
    assert recolour.color_share is None


def test_a_colour_turned_down_over_the_photo_is_the_cast_it_names():
    _, plan, _ = actions("reduce the yellow in the picture")
    (enhance,) = [call.args for call in plan.calls if call.tool == "enhance"]
    assert enhance.parts == ["white_balance"] and enhance.felt == ["too_warm"]
    assert "reduce" not in plan.reply.lower(), plan.reply


def test_a_colour_turned_down_on_a_thing_moves_its_warmth_against_it():
    _, plan, _ = actions("reduce the orange in her scarf")
    (adjust,) = [call.args for call in plan.calls if call.tool == "adjust"]
    assert adjust.warmth < 0 and adjust.masked


def test_a_shaded_tint_over_the_photo_warms_it_for_a_warm_hue():
    _, plan, _ = actions("put a soft pale yellow overlay")
    (adjust,) = [call.args for call in plan.calls if call.tool == "adjust"]
    assert adjust.warmth > 0 and not adjust.masked
