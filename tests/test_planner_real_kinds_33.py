"""Background wordings and crop shapes said the ways real requests say them (issue 20, background round 16): two ways
offered for the background with a particle on the second ('remove or blur out'), people in the background blurred,
removed 'on' or taken 'out of' the background, the background named as what a removal leaves, the same scenery asked
for after a removal, a person cut out and placed before a new scene, the background made less of a colour or a light,
a run-on sentence after the background, a crop to hide dark borders, a print size with no unit and a phone screen to fit. Every sentence is
written here for the purpose — none is taken from the real-request corpus, whose texts carry no licence.

Each row: the request, the actions the plan must take in order, what the first select must find (None: not checked)
and what the reply must say (None: not checked). Rows marked "unchanged" planned the same before this round.
"""

from __future__ import annotations

import pytest

from retouch.agent.planner.base import PlanningContext
from tests.planner_kinds import actions, check_row, rows_of

KINDS = {
    # two verbs offered for the background, the second with its particle: the first done, the second said
    "two ways for the background": [
        ("could somebody erase or blur away the backdrop behind my aunt?", ["background"], "person", "blur away"),
        ("can you delete or blur out the backdrop", ["background"], "person", "blur out"),
        ("delete or crop out the road sign", ["remove"], "road sign", "crop out"),
        ("remove or blur the background", ["background"], "person", "blur"),                      # unchanged
    ],
    # people said to stand in the background, blurred: the background blurred behind the subject, its people with it
    "people behind blurred": [
        ("please blur the onlookers in the background", ["background"], "person", "its people"),
        ("soften the strangers in the back", ["background"], "person", None),
        ("blur the lady in the background", ["adjust"], "lady", None),                            # unchanged: one
        ("blur the background people so my aunt stands out", ["background"], "person", None),     # unchanged
    ],
    # a removal of people 'on' the background or taken 'out of' it: they go, from the background
    "taken out of the background": [
        ("delete the men on the background", ["remove"], "man", "in the background"),
        ("could anybody shop my cousin out of the background?", ["remove"], "person", "in the background"),
        ("take the three hikers out of the background of my holiday snap", ["remove"], "hiker", "in the background"),
        ("get the stroller out of the background please", ["remove"], "stroller", "in the background"),
        ("cut the parrot out of the background", ["background"], "parrot", "cutting out"),       # unchanged: a cut-out
        ("remove the background", ["background"], "person", "transparent"),                       # unchanged
    ],
    # the background named as what a removal leaves, or the same scenery asked for after it: the removal alone
    "the background left by a removal": [
        ("erase the statue from the pic so we only get background left", ["remove"], "statue", None),
        ("take away the woman on the right and fill it with the same scenery", ["remove"], "woman", "same scenery"),
        ("erase the cyclist near the right edge and use the same backdrop", ["remove"], "cyclist", "same scenery"),
        ("remove the background so only the parrot remains", ["background"], "parrot", "transparent"),
    ],
    # a thing cut out, then put in front of a scene: the background behind it, never a removal of it
    "a cut-out set before a new scene": [
        ("my nephew has to be cut out, then placed in front of a lighthouse at dusk", ["background"], "nephew",
         "lighthouse"),
        ("that lady should be cropped out and placed in front of a waterfall", ["background"], "lady", "waterfall"),
        ("crop out this dog and put a snowy forest background", ["background"], "dog", "forest"),
        ("place the lamp in front of the cat", ["add"], None, None),                                   # unchanged
    ],
    # the background made less of a colour or a light, or more of a tone: a tone there (on all but the people, as
    # every edit of the background selects it), never a background painted that colour or called 'more vivid'
    "the background toned down": [
        ("make the background less yellow", ["adjust"], "person", "cooling"),
        ("could the backdrop be less bright", ["adjust"], "person", "darkening"),
        ("make the background not so green please", ["enhance"], "person", "colour cast"),
        ("make the bg more vivid", ["adjust"], "person", "boosting the colours of the bg"),
        ("make the backdrop behind the horse more colourful", ["adjust"], "horse", "boosting the colours"),
        ("make the background yellow", ["background"], "person", "yellow"),                       # unchanged
        ("make the background warmer", ["adjust"], "person", "warming"),
    ],
    # the background's edit, then the asker's own sentence with no stop; a split 'back ground' with 'part'
    "run on after the background": [
        ("tidy it up and blur background I'm posting it on my blog", ["enhance", "background"], None,
         "I'm posting it on my blog"),
        ("swap the whole back ground part  make it warmer", ["background", "adjust"], "person", None),
        ("blur the background", ["background"], "person", None),                                  # unchanged
    ],
    # a crop to hide plain dark or light areas: the border trim
    "a crop to hide borders": [
        ("crop the picture so the black areas aren't showing", ["crop"], None, "black border"),
        ("crop it so that these white bits don't show anymore", ["crop"], None, "white border"),
        ("crop off the black border", ["crop"], None, "black border"),                            # unchanged
    ],
    # two of the picture's own edges cut off, or the slack of the background cropped: crops, never things removed
    "edges and slack cropped": [
        ("crop away the left and right edges of this photo", ["crop"], None, "10% off the left and right"),
        ("crop the top & bottom", ["crop"], None, "10% off the top and bottom"),
        ("crop the pic to remove excess background", ["crop"], None, "main subject"),
        ("crop out the excess", ["crop"], None, "main subject"),                                  # unchanged
        ("crop out the lamp", ["remove"], "lamp", None),                                          # unchanged
    ],
    # a new background said backwards, the subject 'behind' it: the background behind the subject
    "put behind a backdrop": [
        ("place him behind a forest background", ["background"], "person", "forest"),
        ("put the dog on a beach background", ["background"], "dog", "beach"),                    # unchanged
    ],
    # a new background where the old one was: that background, never a replace of a thing called 'old background'
    "a background where the old one was": [
        ("put a grey background where the old background was", ["background"], "person", "gray"),
        ("add a pale pink background where there is white", ["background"], "person", "pink"),
    ],
    # a photo print size with no unit: a crop to its shape (the photo's own shape decides crop or extend)
    "a print size": [
        ("please sharpen it, and the print size roughly 8x10", ["adjust", "crop"], None, "8×10 print"),
        ("please print it as an 8x10", ["crop"], None, "8×10 print"),
        ("make it 16x9", ["outpaint"], None, None),                                               # unchanged: a ratio
        ("extend it to 8x10", ["outpaint"], None, None),                                          # unchanged
    ],
    # a phone screen to fit, 'an' typed 'and': the phone's shape, said (a wide photo grows its canvas to it)
    "a phone screen": [
        ("please scale my snapshot to fit and iphone screen", ["outpaint"], None, "9:16 for an iphone screen"),
        ("scale the picture to fit a phone screen", ["outpaint"], None, "9:16 for a phone screen"),    # unchanged
        ("I took this with my phone, brighten it", ["adjust"], None, None),                         # unchanged
    ],
}
ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,target,says", ROWS, ids=IDS)
def test_background_and_crop_shape_kinds(kind: str, text: str, want: list[str], target: str | None,
                                         says: str | None) -> None:
    check_row(text, want, target, says)


def test_people_out_of_the_background_keep_their_place():
    _, plan, sure = actions("could anybody shop my cousin out of the background?")
    (select,) = [call for call in plan.calls if call.tool == "select"]
    assert select.args.position == "background" and not select.args.exclude and sure


def test_a_person_cut_out_before_a_scene_is_kept_in_front_of_it():
    _, plan, _ = actions("my nephew has to be cut out, then placed in front of a lighthouse at dusk")
    (select,) = [call for call in plan.calls if call.tool == "select"]
    (inpaint,) = [call for call in plan.calls if call.tool == "inpaint"]
    assert select.args.target == "nephew" and select.args.exclude
    assert inpaint.args.background == "generate" and "lighthouse" in inpaint.args.prompt


def test_a_side_cropped_with_no_amount_takes_a_small_strip_when_the_size_is_known():
    _, plan, _ = actions("crop this image from the top", PlanningContext(image_size=(1000, 800)))
    (crop,) = [call for call in plan.calls if call.tool == "crop"]
    assert crop.args.box == (0, 80, 1000, 800)
    assert "25%" in plan.reply


def test_two_edges_with_no_size_take_the_same_small_strips():
    """As with the size known: a tenth off each, said — carried as the shares (`CropArgs.cut`, canvas20) where this
    asked how much before."""
    found, plan, _ = actions("crop the top & bottom", PlanningContext())
    assert found == ["crop"] and plan.calls[0].args.cut == {"top": 0.1, "bottom": 0.1}, plan.reply
    assert "off each" in plan.reply and "25%" in plan.reply, plan.reply


def test_a_side_cropped_with_no_amount_and_no_size_takes_the_same_small_strip():
    """As with the size known: a tenth off the top, said with how to ask for more — carried as the share
    (`CropArgs.cut`, canvas20) where this asked how much before."""
    found, plan, _ = actions("crop this image from the top", PlanningContext())
    assert found == ["crop"] and plan.calls[0].args.cut == {"top": 0.1} and "25%" in plan.reply, plan.reply


@pytest.mark.parametrize("text", ["make the background warmer", "make the background less yellow",
                                  "enhance the backdrop", "reduce brightness to the background"])
def test_a_tone_on_the_background_selects_all_but_the_people(text):
    """No finder looks for a thing called 'background': a tone on it selects what every background edit does."""
    _, plan, _ = actions(text)
    selects = [call for call in plan.calls if call.tool == "select"]
    assert [(s.args.target, s.args.exclude) for s in selects] == [("person", True)], plan.reply
