"""Tone wishes the GIER editors answered with tone that the rules still missed, and tone said of one part (issue 20,
tone round 18): a direction wished by its negation on a thing ("so the lamp isn't as bright"), sunshine wished for
the whole photo ("make the sun come out"), an old photo wished to look new beside a tone ("sharper and newer"), and a
shine toned down with a tone verb ("tone down the glare"), a tint said with its participle ("a red toned filter"),
frizz smoothed ("tame the frizz") and a pointer to the details ("details in the description", no sharpness). Every sentence is written here for the purpose — none is
taken from the real-request corpus, whose texts carry no licence.

Each kind row: the request, the actions the plan must take in order, what the first select must find (None: no select
may be made, or not checked where marked) and what the reply must say (None: not checked). Rows marked "unchanged"
planned the same before this round.
"""

from __future__ import annotations

import pytest

from retouch.agent.planner.rules_tone import DEFAULT_AMOUNT, SMALL_AMOUNT
from retouch.agent.planner.rules_vocab import LOOK_PRESETS
from tests.planner_kinds import actions, check_row, first_target, rows_of

KINDS = {
    # a direction wished by negation on a named thing: the tone there, the way the words point — never a measurement
    "not so bright on a thing": [
        ("edit it so her face isn't so bright", ["adjust"], "face", "darkening the face (-0.25)"),
        ("could you edit this to where his forehead isn't as bright", ["adjust"], "forehead", "darkening"),
        ("please change it so my dad's jacket is not so bright", ["adjust"], "jacket", "darkening"),
        ("make the hedges not so dark", ["adjust"], "hedge", "brightening all the hedges"),
        ("fix it so the twins aren't so dark", ["adjust"], "twin", "brightening"),
        ("make the cherry trees not as dark please", ["adjust"], "tree", "brightening all the cherry trees"),
        # unchanged: a fault stated (not wished away) is measured; the photo itself, or a thing to be seen, too
        ("her face is too bright", ["enhance"], "face", "exposure"),
        ("the porch looks too dark", ["enhance"], "porch", "exposure"),
        ("make the twins more visible and not so dark", ["enhance"], "twin", "exposure of all the twins"),
        ("it's not bright enough", ["enhance"], None, "exposure"),
        ("make her face less bright", ["adjust"], "face", "darkening the face"),
    ],
    # sunshine wished for the whole photo: the summer look by tone, not a thing called 'shine' nor a new sky
    "sunshine wished": [
        ("could you make the sun shine?", ["adjust"], None, "summer look"),
        ("make the sun come out please", ["adjust"], None, "summer look"),
        ("can the sky be made sunny? make the sky sunny", ["adjust"], None, "summer look"),
        ("make the afternoon a bit sunnier", ["adjust"], None, "summer look"),
        ("make the weather sunny and take the bin out", ["adjust", "remove"], "bin", "summer look"),
        # unchanged: the sun itself made brighter, a new sky, a sunnier look said plainly
        ("make the sun much brighter", ["adjust"], "sun", "brightening the sun (+0.5)"),
        ("replace the sky with a sunny one", ["replace"], "sky", None),
        ("make it sunnier", ["adjust"], None, "summer look"),
    ],
    # an old photo wished to look new: a general enhance, also beside a tone said with it
    "newer": [
        ("make the picture look crisper and newer", ["adjust", "enhance"], None, "sharpening the image"),
        ("make the photo brighter and a bit less old", ["adjust", "enhance"], None, "brightening the image"),
        ("make it warmer and more modern", ["adjust", "enhance"], None, "warming the image"),
        ("make this snapshot look less dated", ["enhance"], None, "enhancing the photo"),
        ("make it look less old", ["enhance"], None, "enhancing the photo"),
        # unchanged: an age look alone, and one that is only the tone's purpose
        ("make this scan look newer", ["enhance"], None, "enhancing the photo"),
        ("lighten the entire shot so that it feels more modern", ["adjust"], None, "brightening the image"),
        ("make it brighter and nicer", ["adjust"], None, "brightening the image"),
    ],
    # a shine toned down with a tone verb: its exposure measured, on the thing it lies on when one is named
    "a shine toned down": [
        ("tone down the glare", ["enhance"], None, "taming the shine — correcting the exposure"),
        ("please tone down the glare, then take out the two cones", ["enhance", "remove"], "cone", "taming the shine"),
        ("dial down the reflection on the shop window", ["enhance"], "window", "taming the shine on the shop window"),
        ("turn down the glare from the flash", ["enhance"], None, "taming the shine — correcting the exposure"),
        # unchanged: a removal verb still removes it; a shine on skin is tamed there; a tone toned down is muted
        ("remove the glare", ["remove"], "glare", None),
        ("get rid of the reflection in his glasses", ["remove"], "reflection", None),
        ("tone down the shine on his forehead", ["enhance"], "forehead", "taming the shine on the forehead"),
        ("tone it down", ["adjust"], None, "muting the colours"),
    ],
    # a tint asked for with a participle between its colour and the filter: the cast asked for, as 'a red filter' is
    "a toned filter": [
        ("add a purple tinted filter", ["recolor"], None, "with purple"),          # washed over the photo
        ("give it an orange toned filter please", ["adjust"], None, "warming the image"),
        ("make the backdrop plain grey and add a blue toned filter", ["background", "adjust"], None, "cooling the image"),
        # unchanged: the plain filter, and a colour on a thing
        ("add a red filter", ["adjust"], None, "warming the image"),
        ("apply a teal filter to the kettle", ["recolor"], "kettle", None),
    ],
    # frizz is a texture of the hair: the hair softened, never the frizz painted out as a thing
    "frizz smoothed": [
        ("get rid of the frizziness in her hair", ["adjust"], "hair", "smoothing the frizz in the hair (-0.25)"),
        ("tame the frizz", ["adjust"], "hair", "smoothing the frizz in the hair"),
        ("take the frizz out of her curls", ["adjust"], "hair", "smoothing the frizz"),
        ("could you make my hair less frizzy", ["adjust"], "hair", "smoothing"),
        # unchanged: stray strands are removed; a frizzy head of hair recoloured stays a recolour
        ("remove the flyaways", ["remove"], "hair", None),
        ("make his frizzy hair blonde", ["recolor"], "hair", None),
    ],
    # a pointer to the rest of the request ('details in the description') wishes no sharpness
    "a pointer to the details": [
        ("simple retouch, details in the description", ["enhance"], None, "enhancing the photo"),
        ("edit photo (details on description)", ["enhance"], None, "enhancing the photo"),
        ("make it look like a summer evening (more info in the comments)", ["adjust"], None, "summer look"),
        ("take out the lamp post. details in comments", ["remove"], "lamp post", "removing the lamp post"),  # manners, not sharpened
        # unchanged: detail wished on a thing, or more of it
        ("bring out more detail in the bricks", ["adjust"], "brick", "sharpening all the bricks"),
        ("add more detail to the feathers", ["adjust"], "feather", "sharpening"),
    ],
}
ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,target,says", ROWS, ids=IDS)
def test_tone_gap_kinds(kind: str, text: str, want: list[str], target: str | None, says: str | None) -> None:
    check_row(text, want, target, says)


def test_sunshine_is_the_declared_summer_look_on_the_whole_photo() -> None:
    """'make the sun shine' is the summer look's own amounts (`LOOK_PRESETS`), over the whole photo: no select, no mask."""
    _, plan, _ = actions("please make the sun shine")
    assert [c.tool for c in plan.calls] == ["adjust"]
    amounts = plan.calls[0].args.model_dump(exclude_none=True, exclude={"masked"})
    assert amounts == LOOK_PRESETS["summer"] and not plan.calls[0].args.masked


@pytest.mark.parametrize("text,brightness", [
    ("edit it so her face isn't so bright", -DEFAULT_AMOUNT),
    ("edit it so her face isn't so bright, just a little", -SMALL_AMOUNT),
    ("make the hedges not so dark", DEFAULT_AMOUNT),
])
def test_a_negated_tone_moves_the_way_it_points_by_the_declared_amount(text: str, brightness: float) -> None:
    """The negation turns the word round ('not so bright' darkens) by the declared amounts, masked to the thing."""
    _, plan, _ = actions(text)
    adjusts = [c.args for c in plan.calls if c.tool == "adjust"]
    assert len(adjusts) == 1 and adjusts[0].brightness == brightness and adjusts[0].masked, plan.reply


def test_a_negated_tone_keeps_only_the_thing_it_is_said_of() -> None:
    """'… to where the lamp isn't as bright and …': the lamp, whatever follows the negation."""
    _, plan, _ = actions("fix the shot to where the lamp isn't as bright and the cat looks calm")
    assert first_target(plan) == "lamp"
