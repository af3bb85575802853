"""Tone pairs and looks still misread (issue 20, tone29): a warm or cool tint said beside a tone ('brighter with a
yellow tint') was dropped; the two ends of the tones pulled apart ('the darks darker and the highlights brighter') were
read as the whole photo darkened and brightened at once, so one undid the other (or only the darkening was kept); the
sky's weather said as its state ('the sky darker and less cloudy') selected a thing called 'cloudy'; a look given to a
thing named between the verb and the look ('give the sky more drama', 'add some mood to the clouds') was not
understood; and haze said too thick over a thing ('the mist over the lake is so thick') was left alone.
Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence.

Each row: the request, the actions the plan must take in order, and what its selects must carry, in order, as
(target, phrase) pairs (phrase None: no phrase beyond the target). Rows marked "unchanged" planned the same before.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_selects, rows_of

KINDS = {
    # a warm or cool tint beside a tone is the warmth of the same adjust
    "a tint beside a tone": [
        ("lighten this photo up with a golden tone", ["adjust"], []),
        ("darken it with a slight blue tone", ["adjust"], []),
        ("make the sea darker with a cool tint", ["adjust"], [("sea", None)]),
        ("make it brighter and warmer", ["adjust"], []),                                          # unchanged
        ("make it brighter and add a warm tone", ["adjust"], []),                                 # unchanged
    ],
    # the two ends of the tones moved apart or together: the contrast
    "tonal ranges pulled apart": [
        ("deepen the dark and make the colours brighter", ["adjust"], []),
        ("make the shadows a bit darker and the lights a little lighter please", ["adjust"], []),
        ("darken the shadows and brighten the highlights, then crop it", ["adjust", "crop"], []),
        ("make the shadows lighter and the highlights a bit darker", ["adjust"], []),
        ("make the field darker and the barn brighter", ["adjust", "adjust"], [("field", None), ("barn", None)]),  # unchanged
        ("make the shadows darker", ["adjust"], []),                                              # unchanged
    ],
    # the sky's weather said as its state: clouds removed, or a cloudy sky drawn in
    "the sky's weather": [
        ("make the sky darker and less cloudy", ["adjust", "remove"], [("sky", None), ("cloud", None)]),
        ("please make the sky not so cloudy", ["remove"], [("cloud", None)]),
        ("make the sky in my photo a bit more grey and cloudy", ["replace"], [("sky", None)]),
        ("make the sky a bit darker, and cloudier", ["replace", "adjust"], [("sky", None), ("sky", None)]),
        ("make the sky darker", ["adjust"], [("sky", None)]),                                     # unchanged
        ("make the cloudy sky bluer", ["recolor"], [("sky", "cloudy sky")]),                      # unchanged
    ],
    # a look given to a thing named between the verb and the look: the measured punch there
    "a look given to a thing": [
        ("give the sky more drama", ["enhance"], [("sky", None)]),
        ("add some mood to the clouds", ["enhance"], [("cloud", None)]),
        ("give the hills some more depth please", ["enhance"], [("hill", None)]),
        ("bring my dog a bit more life", ["enhance"], [("dog", None)]),
        ("give it more drama", ["enhance"], []),                                                  # unchanged
        ("give the colours more pop", ["enhance"], []),                                           # unchanged
        ("add drama to the sky", ["enhance"], [("sky", None)]),                                   # unchanged
    ],
    # haze said too thick over a thing: cleared as 'remove the mist over the lake' is
    "haze said too thick over a thing": [
        ("the mist over the lake is so thick", ["enhance"], []),
        ("the fog over the hills is really heavy", ["enhance"], []),
        ("the haze in the valley is very dense", ["enhance"], []),
        ("the fog is really thick", ["enhance"], []),                                             # unchanged
        ("remove the fog", ["enhance"], []),                                                      # unchanged
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,selects", ROWS, ids=IDS)
def test_kind(kind, text, want, selects):
    check_selects(text, want, selects)


def _amounts(text: str) -> dict[str, float]:
    """The one adjust's amounts in the plan of `text`."""
    _, plan, _ = actions(text)
    calls = [c for c in plan.calls if c.tool == "adjust"]
    assert len(calls) == 1, plan.reply
    return calls[0].args.model_dump(exclude_none=True, exclude={"masked"})


@pytest.mark.parametrize("text,want", [
    ("lighten this photo up with a golden tone", {"brightness": 0.25, "warmth": 0.25}),
    ("darken it with a slight blue tone", {"brightness": -0.25, "warmth": -0.15}),
    ("make it brighter and warmer", {"brightness": 0.25, "warmth": 0.25}),
])
def test_a_tint_beside_a_tone_is_its_warmth(text, want):
    assert _amounts(text) == want


@pytest.mark.parametrize("text,want", [
    ("deepen the dark and make the colours brighter", {"contrast": 0.25, "saturation": 0.25}),
    ("make the shadows a bit darker and the lights a little lighter please", {"contrast": 0.15}),
    ("make the darks much darker and the whites way brighter", {"contrast": 0.5}),
    ("make the shadows lighter and the highlights a bit darker", {"contrast": -0.15}),
])
def test_tonal_ranges_pulled_apart_are_the_contrast(text, want):
    assert _amounts(text) == want


def test_more_clouds_draws_a_cloudy_sky_in_the_colour_said():
    _, plan, _ = actions("make the sky in my photo a bit more grey and cloudy")
    fills = [c for c in plan.calls if c.tool == "inpaint"]
    assert [f.args.prompt for f in fills] == ["a grey cloudy sky"], plan.reply
    assert "cloudy" not in [c.args.target for c in plan.calls if c.tool == "select"]


@pytest.mark.parametrize("text", ["give the sky more drama", "the mist over the lake is so thick"])
def test_looks_and_haze_are_measured_parts(text):
    _, plan, sure = actions(text)
    enhance = next(c for c in plan.calls if c.tool == "enhance")
    assert sure and enhance.args.parts, plan.reply
    assert ("dehaze" in enhance.args.parts) == ("mist" in text)
    assert enhance.args.masked == ("sky" in text)
