"""A tone wish about a named thing stays on that thing (issue 20, tone round 16): a list whose later things have no
'the', the thing a property is on said after it behind 'so that there is …', a passive 'needs to be turned up', a
purpose after 'so it/they …' read into the thing's name, the space behind the people, a thing named by its area, its
portion or a patch on it, a bare thing 'of' its owner or wanted a way, a thing wished sharp and not blurry, a bright
patch asked down, and a person said pale or given a tan. Every sentence is written here for the purpose — none is
taken from the real-request corpus, whose texts carry no licence.

Each row: the request, the actions the plan must take in order, what the first select must find (None: not checked)
and what the reply must say (None: not checked). Rows marked "unchanged" planned the same before this round.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_row, rows_of

KINDS = {
    # a list after a tone verb whose later things are bare: each thing, never the last one alone
    "a list with bare later things": [
        ("warm up the pier and boats a little", ["adjust"], "pier", "the pier and boats"),
        ("brighten the neck and arms of the dancer", ["adjust"], "neck", "the neck and arms of the dancer ("),
        ("raise the saturation of the tulips and the grass", ["adjust"], "tulip", "colours of the tulips and the"),
        ("I'd like the beard and eyebrows desaturated", ["adjust"], "beard", None),
        ("make the oak clearer and more refined", ["enhance"], "oak", None),                      # unchanged: a quality
        ("darken the lake and the hills", ["adjust"], "lake", None),                               # unchanged
    ],
    # the property, then the thing it is on, behind a frame that hides the thing
    "the thing a property is on": [
        ("there should be a little less contrast on her cheeks", ["adjust"], "cheek", "reducing the contrast"),
        ("could you make it so there is more colour in the tulips", ["adjust"], "tulip", "boosting"),
        ("make the light on the lamp less bright", ["adjust"], "lamp", "darkening the lamp"),           # unchanged
        ("turn the brightness of this snapshot up a notch", ["adjust"], None, "the image"),       # unchanged
        ("make the kettle less bright in the photo of my kitchen", ["adjust"], "kettle", None),   # unchanged
    ],
    # how the change is said in the passive: no part of the thing's name, and 'down' turns it down
    "a passive change": [
        ("the warmth on the tent has to be turned up a touch", ["adjust"], "tent", "warming the tent"),  # unchanged
        ("the contrast on his jacket needs to be toned down", ["adjust"], "jacket", "reducing the contrast of the"),
        ("the saturation overall needs to be pushed upwards slightly", ["adjust"], None, "the image"),
    ],
    # why, after 'so it / so they': no part of the thing
    "a purpose after the thing": [
        ("brighten the hikers so they show up", ["adjust"], "hiker", "brightening all the hikers ("),
        ("warm up my arm so it matches the rest", ["adjust"], "arm", "warming the arm ("),
        ("warm the colours of the shot so as to be less drab and more lively", ["adjust"], None, "warming the image ("),
        ("could the shot be lighter/crisper of my aunt and niece", ["adjust"], None, "brightening the image"),  # unchanged
    ],
    # the space behind the people: the background, everything but the person
    "behind the people": [
        ("brighten the boy's face, darken behind him", ["adjust", "adjust"], "face", "darkening the background"),
        ("give it more contrast in the back", ["adjust"], "person", "the background"),
        ("lower the saturation in the distant part, please", ["adjust"], "person", "the background"),
        ("darken the back of the van", ["adjust"], "van", None),                                   # unchanged
    ],
    # a thing named by its area, its portion or a patch on it: the thing
    "an area, a portion, a patch": [
        ("boost the brightness in the woman's portion", ["adjust"], "woman", "brightening the woman"),
        ("a touch more contrast on the portrait area please", ["adjust"], "person", None),
        ("tone down the bright patch on her chin", ["adjust"], "chin", "darkening the chin"),
        ("brighten the white area", ["adjust"], "area", None),                                     # unchanged
        ("remove the dark spot on his cheek", ["remove"], "spot", None),                          # unchanged
    ],
    # a named thing wished sharp and not blurry: that thing sharpened, not the photo
    "sharp, not blurry": [
        ("make the road signs crisp, not blurry", ["adjust"], None, "sharpening all the road signs against"),
        ("we want all the dials to be sharp and not blurry", ["adjust"], "dial", "against the blur"),
        ("make her face less grainy", ["enhance"], "face", None),                                  # unchanged
        ("I want the photo sharp and not blurry", ["adjust"], None, "sharpening the image"),       # unchanged
    ],
    # a bright patch named by its colour and asked down: a darker tone on the thing, never a recolour to white
    "a bright patch asked down": [
        ("the white on her nose should be less", ["adjust"], "nose", "darkening the nose"),
        ("the whiteness on his chin needs to be reduced a bit", ["adjust"], "chin", "(-0.15)"),
        ("paint the white on the door grey", ["recolor"], "door", "grey"),                         # unchanged
        ("the white on the canoe should be red", ["recolor"], "canoe", "red"),                     # unchanged
    ],
    # a bare thing 'of' its owner after the tone verb
    "a bare thing of its owner": [
        ("lighten hair of the dog", ["adjust"], "hair", None),
        ("sharpen focus of the whole shot", ["adjust"], None, "sharpening the image"),  # unchanged
        ("brighten part of the photo", ["adjust"], None, "the image"),  # unchanged
    ],
    # a bare thing wished for with 'want' or 'need' and how it should be: that thing
    "a thing wanted a way": [
        ("Want waves more defined.", ["adjust"], "wave", "sharpening all the waves"),
        ("need leaves a little warmer", ["adjust"], "leaf", "warming all the leaves (+0.15)"),
        ("i want it brighter", ["adjust"], None, "the image"),                                    # unchanged
    ],
    # a person said pale or given a tan: the person; the skin when the skin is said
    "pale or tanned people": [
        ("can you make my grandad look a bit less pale", ["adjust"], "person", "warming"),
        ("give the singer a suntan", ["adjust"], "person", "warming"),
        ("give my cousin a bit of a tan please", ["adjust"], "person", None),
        ("make his face less pale", ["adjust"], "face", None),  # unchanged
        ("make her skin a little less pasty", ["adjust"], "skin", None),                           # unchanged
    ],
}
ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind, text, want, target, says", ROWS, ids=IDS)
def test_tone_on_a_named_thing(kind, text, want, target, says):
    check_row(text, want, target, says)


@pytest.mark.parametrize("text, things", [
    ("warm up the pier and boats a little", ["pier", "boat"]),
    ("I'd like the beard and eyebrows desaturated", ["beard", "eyebrow"]),
    ("boost the saturation in the tulips and the grass", ["tulip", "grass"]),         # unchanged
    ("cool down the lake as well as the pines", ["lake", "pine"]),
    ("brighten both the pilot and the mechanic", ["pilot", "mechanic"]),
    ("darken the boy on the right and the bench", ["boy", "bench"]),
])
def test_every_listed_thing_is_selected(text, things):
    """A tone on a list selects each thing named — the later ones added — so the reply's 'and' is what is masked."""
    _, plan, _ = actions(text)
    selects = [call.args for call in plan.calls if call.tool == "select"]
    assert [s.target for s in selects] == things, plan.reply
    assert [s.add for s in selects] == [False] + [True] * (len(things) - 1), plan.reply
    assert plan.calls[-1].tool == "adjust" and plan.calls[-1].args.masked, plan.reply


def test_behind_the_people_masks_everything_but_them():
    """'darken behind her' is the background: everything but the person selected, then darkened there."""
    _, plan, _ = actions("darken behind her a little")
    select, adjust = plan.calls
    assert (select.tool, select.args.target, select.args.exclude) == ("select", "person", True), plan.reply
    assert adjust.args.masked and adjust.args.brightness == -0.15, plan.reply


def test_a_passive_turned_down_lowers_the_property():
    """'needs to be toned down' turns the property down on the thing, the same amount 'tone down' takes."""
    _, plan, _ = actions("the saturation on the scarf needs to be toned down")
    assert plan.calls[0].args.target == "scarf", plan.reply
    assert plan.calls[-1].args.saturation == -0.25 and plan.calls[-1].args.masked, plan.reply
