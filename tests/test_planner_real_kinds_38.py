"""Critiques that list several faults, tone wishes said as complaints or with a soft amount, tone on the background
behind someone, and a shadow across a face (issue 20, critique round 17). Every sentence is written here for the
purpose — none is taken from the real-request corpus, whose texts carry no licence.

Each kind row: the request, the actions the plan must take in order, what the first select must find (None: not
checked) and what the reply must say (None: not checked). Rows marked "unchanged" planned the same before this round.
The amounts are checked on the adjust call itself: a soft amount is the number the reply shows.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_row, rows_of


def _adjusted(text: str) -> dict[str, float]:
    """The amounts of the plan's one adjust call."""
    _, plan, _ = actions(text)
    calls = [c for c in plan.calls if c.tool == "adjust"]
    assert len(calls) == 1, (text, plan.reply)
    return calls[0].args.model_dump(exclude_none=True, exclude={"masked"})


SOFT_AMOUNTS = [
    # a large amount denied is the small one, wherever it is said in the request
    ("lighten the porch, nothing drastic", {"brightness": 0.15}),
    ("cool the whole shot down but not too much", {"warmth": -0.15}),
    ("boost the colours a little, don't overdo it", {"saturation": 0.15}),
    ("make the lawn warmer, nothing over the top", {"warmth": 0.15}),
    # an amount said after the thing, before the words go on
    ("lighten this whole snapshot slightly", {"brightness": 0.15}),
    ("darken up this pic just a little bit please", {"brightness": -0.15}),
    ("brighten this scan a lot so the writing shows", {"brightness": 0.5}),
    ("warm the picture of my aunt a tad", {"warmth": 0.15}),
    # unchanged: the amount beside the tone word, and no amount at all
    ("make it a lot darker", {"brightness": -0.5}),
    ("brighten the hedge", {"brightness": 0.25}),
    ("brighten the hedge a bit and the pond a lot", {"brightness": 0.15}),
    # "far" is a place ("the far wall", "as far as I can tell"), not how much
    ("brighten the far wall", {"brightness": 0.25}),
    ("as far as I can tell it is too bright, darken it", {"brightness": -0.25}),
]


@pytest.mark.parametrize("text,amounts", SOFT_AMOUNTS, ids=[row[0][:40] for row in SOFT_AMOUNTS])
def test_a_soft_amount_is_the_amount_it_implies(text: str, amounts: dict[str, float]) -> None:
    assert _adjusted(text) == amounts


def test_a_soft_amount_is_said_in_the_reply_and_leaves_the_thing_alone() -> None:
    """'nothing too crazy' is how much, never part of the thing's name; the reply shows the number used."""
    _, plan, _ = actions("brighten the hedge, nothing too crazy")
    assert plan.calls[0].args.target == "hedge"
    assert "crazy" not in plan.reply and "+0.15" in plan.reply


KINDS = {
    # a critique listing several faults: one correction per fault, in the order said
    "several faults": [
        ("the kid is too dark, the backdrop is busy and the colours are dull", ["adjust", "background", "adjust"],
         None, "then blurring the background, then boosting the colours"),
        ("faces too dark, sky too bright", ["adjust", "adjust"], "face", "brightening all the faces"),
        ("he is way too dark and the lake is a bit bright", ["adjust", "adjust"], "person", "darkening the lake (-0.15)"),
        ("the bride is underexposed and the flowers are not vibrant enough", ["adjust", "adjust"], "bride",
         "then boosting the colours"),
        ("my scarf looks too dark, the background is cluttered", ["adjust", "background"], "scarf", None),
        # unchanged: one fault alone, a fault beside a command, a colour that describes
        ("the pier is too dark", ["enhance"], "pier", "exposure"),
        ("the sky is too bright and crop it square", ["enhance", "crop"], None, None),
        ("the lawn is too dark and a bit dull", ["adjust"], "lawn", None),                         # one thing
    ],
    # a comparative right after "behind X": the tone of everything but X, never a new background by that name
    "the background behind someone": [
        ("make the background behind her warmer", ["adjust"], "person", "warming the background"),
        ("the backdrop behind him a little cooler please", ["adjust"], "person", "cooling the backdrop (-0.15)"),
        ("make the background behind the goat darker", ["adjust"], "goat", "darkening the background"),
        ("make the background behind her less busy", ["background"], "person", "blurring the background"),
        ("the background a bit less cluttered", ["background"], "person", "blurring the background"),
        # unchanged: a colour or a scene behind someone is a new background; a thing called 'cooler' stays one
        ("put a plain grey backdrop behind him", ["background"], "person", "gray"),
        ("make the background behind him more vivid", ["adjust"], "person", None),
        ("cut the background away around this cooler", ["background"], "cooler", None),
    ],
    # a tone complaint with no verb: the correction it implies, on the thing it names
    "a complaint with no verb": [
        ("way too much orange", ["enhance"], None, "colour cast"),
        ("its too much green", ["enhance"], None, "colour cast"),
        ("too much pink on his face", ["enhance"], "face", "colour cast of the face"),
        ("cheeks too red", ["enhance"], "cheek", "colour cast"),
        ("knees way too pink", ["enhance"], "knee", "colour cast"),
        ("faces red", [], None, None),                                                            # unchanged: no fault said
        ("hands too yellow", ["adjust"], "hand", "cooling all the hands"),
        ("lacking colour", ["adjust"], None, "boosting the colours"),
        ("the scene looks a bit lifeless", ["adjust"], None, "boosting the colours of the image (+0.15)"),
        ("the hills look drab", ["adjust"], "hill", "boosting the colours"),
        ("the backdrop looks cluttered", ["background"], "person", "blurring the background"),
        # unchanged: a tone word's fault, a blur, a darkness, a fault with its thing said
        ("it looks too flat", ["adjust"], None, "adding contrast"),
        ("the snapshot is blurry", ["adjust"], None, "against the blur"),
        ("too dark", ["enhance"], None, "exposure"),
        ("the lake too blue", ["enhance"], "lake", "colour cast"),
    ],
    # a shadow on a face is light, lifted there even when said removed (no finder here outlines a shadow on skin, and
    # the editors of the real requests brightened every one): the part brightened, an adjust, as the labels read it
    # (parts20; it was a measured exposure); a shadow on a thing is removed
    "a shadow across a face": [
        ("please get rid of the shadow across my uncle's face", ["adjust"], "face", "lift the shadow"),
        ("remove the shade over our faces", ["adjust"], "face", None),
        ("could you clean up the shadow on her face", ["adjust"], "face", "lift the shadow"),
        ("remove the shadow off his jumper", ["remove"], "shadow", None),                          # unchanged
        ("lighten the shadow on her face", ["adjust"], "face", "lift the shadow"),             # unchanged
        ("minimise the shadows on the boy's face", ["adjust"], "face", "lift the shadow"),     # unchanged
        ("the shadow over my face", ["adjust"], "face", "lift the shadow"),                    # unchanged
        ("remove the shadows on their faces and neck", ["adjust"], None, "lift the shadow"),   # unchanged
        ("remove the shine on his forehead", ["enhance"], "forehead", "taming the shine"),          # unchanged
    ],
}
ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,target,says", ROWS, ids=IDS)
def test_critique_kinds(kind: str, text: str, want: list[str], target: str | None, says: str | None) -> None:
    check_row(text, want, target, says)


def test_each_fault_is_corrected_on_its_own_thing() -> None:
    """Three faults, three places: the person brightened, the background (all but the people) blurred, the colours of the
    whole photo boosted — in the order said."""
    _, plan, _ = actions("she is too dark, the background is messy and the colours look flat")
    selects = [c for c in plan.calls if c.tool == "select"]
    assert [(c.args.target, c.args.exclude) for c in selects] == [("person", False), ("person", True)]
    adjusts = [c.args for c in plan.calls if c.tool == "adjust"]
    assert adjusts[0].brightness == 0.25 and adjusts[0].masked
    assert adjusts[-1].saturation == 0.25 and not adjusts[-1].masked
    assert [c.args.background for c in plan.calls if c.tool == "inpaint"] == ["blur"]
