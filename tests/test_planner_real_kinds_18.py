"""Wishes that got only a question though the words say what is wanted (issue 20, ask round 12), each kind in
sentences written here for the purpose — none is taken from the real-request corpus, whose texts carry no licence.

Each row: the request, the actions the plan must take in order (the task of each inpaint, or the tool), what the
first select must find (None: no select is checked) and what the reply must say (None: not checked). Rows marked
"unchanged" passed before this round and must keep passing; rows marked "question" must stay a question. The photo is
1200×800 (`tests/planner_kinds.CONTEXT`).
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_row, rows_of

KINDS = {
    # a flaw asked down with 'less': a shine or a glare is its exposure measured there, harsh light or shadows the
    # photo's exposure, harsh colours muted, an unnatural look of the photo a general enhance
    "a flaw made less": [
        ("could you make the lamp glare less obnoxious", ["enhance"], "glare", "taming the shine"),
        ("make my nose less shiny please", ["enhance"], "nose", "taming the shine on the nose"),
        ("make his cheeks a bit less oily", ["enhance"], "cheek", "taming the shine"),
        ("make my portfolio shot look less photoshopped", ["enhance"], None, "enhancing the photo"),
        ("can you make it look less fake", ["enhance"], None, "enhancing the photo"),
        ("make the shadows less harsh", ["enhance"], None, "lifting the shadows"),
        ("make the lighting a little less harsh", ["enhance"], None, "softening the light"),
        ("make the colours less intense", ["adjust"], None, "muting the colours"),
        ("make the bin less noticeable", [], None, None),                                             # question
        ("make it less blurry", ["adjust"], None, "sharpening"),                                      # unchanged
        ("make the grass less green", ["enhance"], "grass", None),                                    # unchanged
    ],
    # the photo turned into a look: the look after 'into' is the one wanted, the word before it what the photo is now
    "a photo turned into a look": [
        ("turn this gloomy street photo into a bright day", ["adjust"], None, "daylight look"),
        ("please change this dim picture into daytime", ["adjust"], None, "brightening"),
        ("edit this shot into a neat retro postcard", ["adjust"], None, "vintage look"),
        ("make this picture a still from a horror movie", ["adjust"], None, "eerie look"),
        ("change this shot into dusk with lanterns along the path", [], None, None),   # a new thing: not the look
        ("make it look like night", ["adjust"], None, "night look"),                                  # unchanged
    ],
    # a colour wished for a small part, or a hair colour wished of a person: that part recoloured
    "a colour wished for a part": [
        ("green eyes please", ["recolor"], "iris", "green"),
        ("purple hair please!", ["recolor"], "hair", "purple"),
        ("make my cousin a redhead", ["recolor"], "hair", "red"),
        ("could you make him blond", ["recolor"], "hair", "blonde"),
        ("make her eyebrows blonde", ["recolor"], None, "blonde"),                                    # unchanged
        ("make the hair pink", ["recolor"], "hair", "pink"),                                          # unchanged
        ("red eyes please", [], None, None),                                        # question: red-eye or a colour
        ("the blonde lady on the left", [], None, None),                                              # question
    ],
    # a command verb in quotes for emphasis is the verb; dead or hot pixels are the photo's noise
    "a quoted verb, dead pixels": [
        ('take the crumbs off the plate and "brighten" it a little', ["remove", "adjust"], "crumb", None),
        ('please "sharpen" the portrait', ["adjust"], None, "sharpening"),
        ("fix the hot pixels in this night shot", ["enhance"], None, "noise"),
        ("can you sort out the dead pixels", ["enhance"], None, "noise"),
        ('add the word "Hello" to the mug', [], None, "text"),                           # refused: quotes kept
    ],
    # closed eyes wished open: the eye fix, on whoever's eyes are named
    "eyes wished open": [
        ("could you make my nephews eyes open", ["fix"], "eye", "nephew's eyes"),
        ("open his eyes please", ["fix"], "eye", None),
        ("her eyes opened please", ["fix"], "eye", None),
        ("open my eyes and warm it up a bit", ["fix", "adjust"], "eye", None),
        ("my aunt has her eyes open here", [], None, None),                                         # question
        ("fix her closed eyes", ["fix"], "eye", None),                                                # unchanged
    ],
    # a part wished the way its fix paints it, a pro finish said with a look's scaffold, a photo wished cuter
    "a part made natural, a studio finish, cuter": [
        ("could you make my lower teeth a bit more even", ["fix"], "tooth", None),
        ("make his fingers more natural please", ["fix"], "finger", None),
        ("make it look like it has been shot in a studio", ["enhance"], None, "enhancing the photo"),
        ("make this portrait look as if it was taken by a pro", ["enhance"], None, "enhancing the photo"),
        ("please make my kitten photo even cuter", ["enhance"], None, "enhancing the photo"),
        ("make my teeth look even", ["fix"], "tooth", None),                                          # unchanged
    ],
    # a plain filter added is a filter wish (a general enhance, with how to name a look); a filter changed to a look is
    # that look; 'intensify' the colours boosts them; 'lightness' is the exposure
    "a filter added, colours intensified, the lightness": [
        ("put a filter over this shot", [], None, "which look should the filter give?"),   # people23: alone, asked
        ("sharpen it and apply an effect to the picture", ["adjust", "enhance"], None, "no named filters"),
        ("switch the filter to sepia", ["adjust"], None, None),
        ("change the filter to sepia and swap the mug for a vase", ["adjust", "replace"], "mug", None),
        ("intensify the colours a little", ["adjust"], None, "boosting the colours"),
        ("take out the kite and intensify the colours", ["remove", "adjust"], "kite", "boosting the colours"),
        ("fix the lightness", ["enhance"], None, "exposure"),
        ("raise the lightness slightly", ["adjust"], None, "brightening"),
        ("add a dog filter", [], None, None),                                          # question: a sticker, not a look
        ("add a nice filter", ["enhance"], None, "no named filters"),                                  # unchanged
    ],
}
ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind, text, want, target, says", ROWS, ids=IDS)
def test_ask_kinds(kind, text, want, target, says):
    check_row(text, want, target, says)


@pytest.mark.parametrize("text", ["make the sign less noticeable", "the bride and groom", "Beach at dawn"])
def test_a_title_or_a_thing_with_no_way_stays_a_question(text):
    got, plan, _ = actions(text)
    assert got == [] and ("?" in plan.reply or "not sure" in plan.reply), plan.reply


def test_the_state_before_into_is_never_the_look():
    # 'gloomy' is an eerie look of its own; said of the photo before 'into', it is what the photo is now — the plan
    # had darkened a photo wished into daylight
    _, plan, _ = actions("turn this gloomy photo into broad daylight")
    assert plan.calls and plan.calls[0].args.brightness > 0, plan.reply


@pytest.mark.parametrize("text, says", [
    ("could somebody make this bigger", "extend the canvas"),
    ("make it larger please", "extend the canvas"),
    ("can you make it smaller", "crop it"),
])
def test_a_size_asked_with_nothing_made_is_refused_with_what_can_be_done(text, says):
    # 'make this bigger' was answered 'Bigger how?' — a question no answer could satisfy, since nothing resizes
    got, plan, _ = actions(text)
    assert got == [] and "can't" in plan.reply and says in plan.reply and "?" not in plan.reply, plan.reply
