"""Numbers written as words give the same plan as the digits (property tests), and every number that can't be used
as written is asked about or said — never replaced by another one without a word.

"rotate forty five degrees" once turned 90° (no digit, so the default), "extend the canvas three hundred px" added
100 ("hundred" alone), "zoom out two times" gave the default 1.5×, "brighten by twenty percent" +0.25.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retouch.agent.planner.base import PlanningContext
from retouch.agent.planner.rules import RulesPlanner
from retouch.agent.planner.rules_numbers import spelled_numbers

PLANNER = RulesPlanner()
CONTEXT = PlanningContext(image_size=(1200, 900))
_SMALL = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
          "seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def in_words(n: int, hyphen: bool = True, joiner: str = " and ") -> str:
    """n as English words, the way people write them: 45 → forty-five (or forty five), 320 → three hundred and
    twenty, 2500 → two thousand five hundred."""
    if n < 20:
        return _SMALL[n]
    if n < 100:
        tens, units = divmod(n, 10)
        return _TENS[tens - 2] + (("-" if hyphen else " ") + _SMALL[units] if units else "")
    for size, name in ((10 ** 9, "billion"), (10 ** 6, "million"), (1000, "thousand"), (100, "hundred")):
        if n >= size:
            head, rest = divmod(n, size)
            words = f"{in_words(head, hyphen, joiner)} {name}"
            if not rest:
                return words
            glue = joiner if rest < 100 else " "
            return words + glue + in_words(rest, hyphen, joiner)
    raise AssertionError(n)


def same_plan(words: str, digits: str) -> None:
    """The same calls, and the same reply — except that a question may quote the number as the user wrote it
    ("a million times …")."""
    by_words, by_digits = PLANNER.plan(words, CONTEXT), PLANNER.plan(digits, CONTEXT)
    assert by_words.model_dump()["calls"] == by_digits.model_dump()["calls"], (words, digits)
    if by_words.calls:
        assert by_words.reply == by_digits.reply, (words, digits)
    else:
        assert ("?" in by_words.reply) == ("?" in by_digits.reply), (by_words.reply, by_digits.reply)


STYLE = st.tuples(st.booleans(), st.sampled_from([" and ", " "]))


@settings(max_examples=120, deadline=None)
@given(n=st.integers(1, 1000), style=STYLE)
def test_a_turn_in_words_is_the_turn_in_digits(n, style):
    same_plan(f"rotate {in_words(n, *style)} degrees", f"rotate {n} degrees")


@settings(max_examples=120, deadline=None)
@given(n=st.integers(1, 40000), side=st.sampled_from(["left", "right", "top", "bottom"]), style=STYLE)
def test_a_length_in_words_is_the_length_in_digits(n, side, style):
    same_plan(f"extend the canvas {in_words(n, *style)} px to the {side}", f"extend the canvas {n} px to the {side}")
    same_plan(f"extend the {side} by {in_words(n, *style)} pixels", f"extend the {side} by {n} pixels")


@settings(max_examples=60, deadline=None)
@given(n=st.integers(0, 12))
def test_a_zoom_in_words_is_the_zoom_in_digits(n):
    same_plan(f"zoom out {in_words(n)} times", f"zoom out {n} times")


@settings(max_examples=100, deadline=None)
@given(n=st.integers(1, 500), verb=st.sampled_from(["brighten it", "darken it", "boost the contrast"]))
def test_a_share_in_words_is_the_share_in_digits(n, verb):
    same_plan(f"{verb} by {in_words(n)} percent", f"{verb} by {n}%")


@settings(max_examples=80, deadline=None)
@given(n=st.integers(0, 2 ** 33), style=STYLE)
def test_a_seed_in_words_is_the_seed_in_digits(n, style):
    same_plan(f"remove the dog, seed {in_words(n, *style)}", f"remove the dog, seed {n}")


@settings(max_examples=40, deadline=None)
@given(n=st.integers(1, 30))
def test_steps_back_in_words_are_steps_back_in_digits(n):
    same_plan(f"undo {in_words(n)} times", f"undo {n} times")


@pytest.mark.parametrize("words, digits", [
    ("zoom out one and a half times", "zoom out 1.5 times"), ("zoom out two and a half times", "zoom out 2.5x"),
    ("straighten by one point five degrees", "straighten by 1.5 degrees"),
    ("make it sixteen by nine", "make it 16:9"), ("crop it to four by five", "crop it to 4 by 5"),
    ("extend the canvas a hundred px to the left", "extend the canvas 100 px to the left"),
    ("brighten by twenty per cent", "brighten by 20%"), ("rotate it forty-five degrees", "rotate it 45 degrees"),
    ("rotate by ninety", "rotate by 90"), ("rotate it fifteen", "rotate it 15"),
])
def test_common_forms(words, digits):
    same_plan(words, digits)


@pytest.mark.parametrize("text, tool, field, value", [
    ("rotate forty five degrees", "crop", "rotate", 45),
    ("extend the canvas three hundred px to the right", "outpaint", "right", 300),
    ("zoom out two times", "outpaint", "zoom", 2.0),
    ("brighten by twenty percent", "adjust", "brightness", 0.2),
])
def test_the_cases_that_were_misread(text, tool, field, value):
    found = [c.args for c in PLANNER.plan(text, CONTEXT).calls if c.tool == tool]
    assert found and getattr(found[0], field) == pytest.approx(value)


@pytest.mark.parametrize("text", ["remove the one on the left", "remove the two men on the right",
                                  "add a dog", "remove one of the cups", "make it one notch brighter"])
def test_a_number_word_that_is_no_amount_stays_a_word(text):
    assert spelled_numbers(text) == []


def test_an_approximate_count_is_said():
    plan = PLANNER.plan("extend the left side a few hundred pixels", CONTEXT)
    assert [c.args.left for c in plan.calls if c.tool == "outpaint"] == [300]
    assert "“a few hundred” as 300" in plan.reply


@settings(max_examples=200, deadline=None)
@given(text=st.lists(st.sampled_from(
    [*"0123456789-+.,:x% ", "nan", "inf", " px", " degrees", " times", " percent", "forty", "hundred", " and a half",
     " point ", "seed ", "rotate ", "zoom out ", "extend the left ", "crop to ", "box ", "(", ")"]), max_size=24)
       .map("".join))
def test_hostile_numbers_never_break_the_planner(text):
    plan = PLANNER.plan(text, CONTEXT)
    assert plan.reply and not plan.reply.startswith("Sorry —"), text
