"""The speaker said beside another person ('me and my dad', 'my little brother and I'): one declared body
(`rules_target.SPEAKER_PAIR`), read whole as a name by `speaker_beside` and found inside a tone clause by
`rules_tone`, so the two readers can't drift apart."""

from __future__ import annotations

import pytest

from retouch.agent.plan import AdjustCall, SelectCall
from retouch.agent.planner.rules import RulesPlanner
from retouch.agent.planner.rules_target import speaker_beside


@pytest.mark.parametrize("name, other", [
    ("me and my dad", "dad"),
    ("me and my little brother", "little brother"),       # a whole name takes the second word too
    ("our two nephews and me", "two nephews"),
    ("my aunt and myself", "aunt"),
    ("my bike and i", ""),                                 # a bike is no person beside the speaker
    ("me and my dad on the pier", ""),                     # more than the pair: not this shape
])
def test_the_whole_name_is_the_pair(name, other):
    assert speaker_beside(name) == other


@pytest.mark.parametrize("text, phrase, amount", [
    ("brighten me and my dad a bit", "me and my dad", ("brightness", 0.15)),     # the pair ends at 'dad'
    ("warm up my little brother and i please", "my little brother and i", ("warmth", 0.15)),
    ("lighten our nephew and me", "our nephew and me", ("brightness", 0.25)),
])
def test_a_tone_on_the_pair_selects_both_people(text, phrase, amount):
    plan = RulesPlanner().plan(text)
    select, adjust = plan.calls
    assert isinstance(select, SelectCall) and isinstance(adjust, AdjustCall)
    assert (select.args.target, select.args.phrase, select.args.count) == ("person", phrase, 2)
    assert getattr(adjust.args, amount[0]) == amount[1] and adjust.args.masked
