"""The text stage's clean-up, case by case: every kind of emoticon goes (in either case), and a doubt before a
listed thing is dropped. The two patterns look at the character a match can begin with before anything else (a
speed guard): these rows are the kinds that guard must still let through."""

from __future__ import annotations

import pytest

from retouch.agent.planner.rules_text import clean


@pytest.mark.parametrize("text, cleaned", [
    ("brighten the barn :)", "brighten the barn"),
    ("brighten the barn (: thanks", "brighten the barn thanks"),         # a face turned round
    ("warm the pier up <3", "warm the pier up"),
    ("crop the kayak XD", "crop the kayak"),                            # a capital X
    ("crop the kayak xd", "crop the kayak"),
    ("sharpen the owl ^_^", "sharpen the owl"),
    ("sharpen the owl C: please", "sharpen the owl please"),            # a capital C
    ("fade the fence ;-P", "fade the fence"),
])
def test_every_kind_of_face_goes(text, cleaned):
    assert clean(text).orig == cleaned


@pytest.mark.parametrize("text, cleaned", [
    ("remove the kite, maybe the string too", "remove the kite, the string too"),
    ("remove the kite and possibly the string", "remove the kite and the string"),
    ("remove the kite & PERHAPS the string", "remove the kite & the string"),
])
def test_a_doubt_before_a_listed_thing_is_dropped(text, cleaned):
    assert clean(text).orig == cleaned
