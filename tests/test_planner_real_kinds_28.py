"""Lists, joins and quotes that lost a wish (issue 20, lists round 15): a plural picture word in a removal list, a
cut-out of two things, a second wish joined by 'plus' or '+', two comparative wishes with no verb, a verb in quotes, a
tone wish after 'and maybe', a tone topic beside a thing in one fix, a named part behind someone. Every sentence is
written here for the purpose — none is taken from the real-request corpus, whose texts carry no licence.

Each row: the request, the actions the plan must take in order, what the first select must find (None: not checked)
and what the reply must say (None: not checked). Rows marked "unchanged" planned the same before this round. The
photo is 1200×800 (`tests/planner_kinds.CONTEXT`).
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_row, rows_of

KINDS = {
    # pictures in the plural, beside other things or at a place: things hung in the scene, removed
    "pictures as things": [
        ("take out the frames on the wall and the lamp", ["remove", "remove"], "frame", "then removing the lamp"),
        ("erase the kettle and the photos above the fireplace", ["remove", "remove"], "kettle", "photos above"),
        ("get rid of the pictures behind my grandad", ["remove"], "picture", "pictures behind"),
        ("remove the people from these photos", ["remove"], "person", None),                      # unchanged
        ("remove the glare in both pictures", ["remove"], "glare", None),                         # unchanged
    ],
    # a cut-out of two or more things: every one kept, never the last alone
    "a cut-out of several things": [
        ("cut the dog and the ball out of the background", ["background"], "dog", "the dog and the ball"),
        ("isolate the kettle, the mug and the teapot", ["background"], "kettle", "the mug and the teapot"),
        ("cut the vase from the background", ["background"], "vase", "cutting out the vase"),      # unchanged
        ("cut out the dog and the ball", ["remove", "remove"], "dog", None),                       # unchanged: removal
        ("isolate the sofa and the dogs from their background", ["background"], "sofa", "all the dogs"),
        ("cut the kettle and the mug out of the background and put them on a white background", ["background"],
         "kettle", "behind the kettle and the mug"),
        ("swap the background of the toddler and the pram for a meadow", ["background"], "toddler",
         "keeping the toddler and the pram"),
        ("put the owl on a background of moss and ferns", ["background"], "owl", None),            # unchanged
    ],
    # 'plus' and '+' add one more wish, or one more thing, the way 'and' does
    "joined by plus": [
        ("remove the cable plus the sign", ["remove", "remove"], "cable", "then removing the sign"),
        ("take away the cone + the bollard + the barrier", ["remove", "remove", "remove"], "cone", "the barrier"),
        ("lighten it plus the lake bluer", ["adjust", "recolor"], None, "making the lake blue"),
        ("darken it plus take the van out", ["adjust", "remove"], None, "removing the van"),
        ("sharpen it plus remove the scooter", ["adjust", "remove"], None, "removing the scooter"),  # unchanged
    ],
    # two comparative wishes with no verb: each is its own edit
    "two comparatives with no verb": [
        ("brighter eyes and whiter teeth", ["adjust", "recolor"], "eye", "teeth white"),
        ("whiter teeth & brighter eyes please", ["recolor", "adjust"], "tooth", "brightening all the eyes"),
        ("warmer skin and a bluer pool", ["adjust", "recolor"], "skin", "making the pool blue"),
        ("remove the kite, a brighter lawn", ["remove", "adjust"], "kite", "brightening the lawn"),
        ("less blue tint", ["enhance"], None, "colour cast"),                                      # unchanged
    ],
    # the background as one item of a removal list: each other thing removed too, in the order said
    "the background in a removal list": [
        ("erase the letters and the grey background", ["remove", "background"], "letter",
         "then removing the background"),
        ("take away the background and the sticker", ["background", "remove"], None, "then removing the sticker"),
        ("remove the background so it's only the owl and the branch", ["background"], "owl", None),  # unchanged
        ("remove the backdrop, leaving only the singer", ["background"], None, None),              # unchanged
    ],
    # a thing taken out, then 'and' another: that one goes too (after 'of the photo', after a colour word, before 'please')
    "a second thing after a particle": [
        ("take the kite out of the photo and the cone by the gate", ["remove", "remove"], "kite", "the cone by the gate"),
        ("could you take the mug out and the red cup please", ["remove", "remove"], "mug", "the red cup"),
        ("get the bin taken out and the sky brightened", ["remove", "adjust"], "bin", None),      # unchanged
    ],
    # edits said as done, the second with 'made' and a comparative: a tone, never a thing removed
    "a tone said done with made": [
        ("the lamp and its cord removed and the 2 boys made brighter", ["remove", "remove", "adjust"], "lamp",
         "brightening all the boys"),
        ("the kite removed and the hills brightened", ["remove", "adjust"], "kite", None),        # unchanged
    ],
    # a colour before a scene word after the background: that scene, not a plain colour
    "a coloured scene for the background": [
        ("change the backdrop to a green meadow please", ["background"], None, "green meadow"),
        ("change the backdrop to green please", ["background"], None, "making the background green"),  # unchanged
    ],
    # a fix of a thing and a tone topic joined by '+': both, or the unread one said
    "a fix joined by plus": [
        ("fix her hair plus the colours", ["fix", "enhance"], "hair", "colour"),                   # unchanged
        ("fix her fringe + lighting", ["enhance"], None, "didn't understand “fix her fringe”"),
        ("sort out the lighting + her fringe", ["enhance"], None, "didn't understand “sort out her fringe”"),
    ],
    # an edit that reached its comparative, then a verb with plain words after it: a second edit
    "a run-on after a comparative": [
        ("make moon much brighter make sea much bluer", ["adjust", "recolor"], "moon", "then making the sea blue"),
        ("make lawn greener add a swing", ["recolor", "add"], "lawn", "adding a swing"),           # unchanged
        ("make it brighter remove dog", ["adjust", "remove"], None, "removing the dog"),          # unchanged
    ],
    # a verb in quotes, with or without its particle: the verb
    "a verb in quotes": [
        ("lighten it and 'cut out' the wheelbarrow", ["adjust", "remove"], None, "removing the wheelbarrow"),
        ("help with 'cutting out' a picture of the parrot for a flyer", ["background"], "parrot", "transparent"),
        ('please "erase" the hose', ["remove"], "hose", None),                                     # unchanged
        ('remove the banner saying "make way"', ["remove"], "banner", None),                       # unchanged
    ],
    # a tone wish after 'and maybe': planned, or said to be left out — never folded into the thing before it
    "a tone wish after a hedge": [
        ("get rid of the reflection and maybe warmer", ["remove", "adjust"], "reflection", "warming the image"),
        ("remove the stain and perhaps a bit brighter", ["remove", "adjust"], "stain", "brightening the image"),
    ],
    # a fix verb on a tone topic and a thing: the topic measured, the thing fixed
    "a tone topic beside a thing in one fix": [
        ("fix the lighting and the hands", ["enhance", "fix"], None, "then fixing all the hands"),
        ("correct the exposure and the eyes", ["enhance", "fix"], None, "exposure"),
        ("fix the lighting and the colours", ["enhance"], None, "colour"),                         # unchanged
        ("fix the exposure and her eyes", ["enhance", "fix"], None, None),                         # unchanged
    ],
    # a part named by what it is, behind someone: that thing, not the background
    "a named part behind someone": [
        ("remove the metal part behind her shoulder", ["remove"], "part", "metal part"),
        ("remove the boy at the back & rubber part behind my sister", ["remove", "remove"], "boy", "rubber part"),
        ("colour the white area around the cat pink", ["background"], "cat", "pink"),               # unchanged
        ("blur the area around the girl", ["background"], "girl", None),                           # unchanged
    ],
}
ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,target,says", ROWS, ids=IDS)
def test_list_kinds_28(kind, text, want, target, says):
    check_row(text, want, target, says)


@pytest.mark.parametrize("text", [
    "take out the frames on the wall and the lamp",
    "cut the dog and the ball out of the background",
    "remove the cable plus the sign",
    "brighter eyes and whiter teeth",
    "lighten it and 'cut out' the wheelbarrow",
    "fix the lighting and the hands",
    "erase the letters and the grey background",
])
def test_every_wish_read_is_a_sure_plan(text):
    """Each wish of these is now planned, so the plan is sure (before, a wish was dropped and the plan still sure)."""
    _, _, sure = actions(text)
    assert sure


def test_a_cut_out_of_two_things_keeps_both():
    """Everything but the dog is selected, then the ball is taken out of that selection: neither is painted over."""
    _, plan, _ = actions("cut the dog and the ball out of the background")
    first, second = plan.calls[0], plan.calls[1]
    assert first.args.target == "dog" and first.args.exclude and not first.args.subtract
    assert second.args.target == "ball" and second.args.subtract
    assert plan.calls[-1].args.background == "transparent"


def test_a_tone_wish_a_fix_cannot_read_is_said_and_unsure():
    """'fix the glare better' reads as no edit: the warmer part is planned and the rest is said left out, unsure."""
    _, plan, sure = actions("fix the glare better and maybe warmer")
    assert [call.tool for call in plan.calls] == ["adjust"] and plan.calls[0].args.warmth > 0
    assert "fix the glare better" in plan.reply and not sure


def test_a_fix_the_rules_cannot_read_beside_a_topic_makes_the_plan_unsure():
    """'fix her fringe + lighting' measured the light of the whole photo and said nothing of the fringe, sure; now the
    fringe is said to be left out, so `auto` asks an LLM."""
    _, _, sure = actions("fix her fringe + lighting")
    assert not sure


def test_my_own_photos_are_no_thing_to_remove():
    """'my photos' are the user's: the picture word in the plural is a thing only when no owner says so."""
    got, plan, _ = actions("remove my photos and the lamp")
    assert got == ["remove"] and plan.calls[0].args.target == "lamp"
