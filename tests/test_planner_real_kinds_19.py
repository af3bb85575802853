"""Replace, recolour and fix said the ways real requests say them (issue 20, edit round 12), each kind in sentences
written here for the purpose — none is taken from the real-request corpus, whose texts carry no licence.

Each row: the request, the actions the plan must take in order (the task of each inpaint, or the tool), what the
first select must find (None: no select is checked) and what the reply must say (None: not checked). Rows marked
"unchanged" passed before this round and must keep passing. The photo is 1200×800 (`tests/planner_kinds.CONTEXT`).
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_row, rows_of

KINDS = {
    # 'replace it with …' after a removal names the new thing for what the removal took out: one replace (the new
    # thing had been dropped, "I didn't understand"); after the background went, it is the new background
    "replaced in place after a removal": [
        ("remove the kettle and replace it with a teapot", ["replace"], "kettle", "replacing the kettle with a teapot"),
        ("take the umbrella out of her grip and replace with a bunch of flowers", ["replace"], "umbrella",
         "with a bunch of flowers"),
        ("erase the lamp post and replace it with a palm tree. then brighten it", ["replace", "adjust"], "lamp post",
         None),
        ("remove the backdrop and replace it with a grey one", ["background"], "person", "background gray"),
        ("get rid of the backdrop, then replace it by a harbour photo", ["background"], "person", "harbour"),
        ("remove the kettle", ["remove"], "kettle", "removing the kettle"),                                # unchanged
        ("replace the kettle with a teapot", ["replace"], "kettle", "with a teapot"),                      # unchanged
    ],
    # the old colour named with the background is not the new one: the colour after 'to', or the one the request
    # ends on (not one offered second, nor one after 'instead of'); a shade keeps its modifier
    "the new colour of a background": [
        ("change the green background to yellow", ["background"], "person", "background yellow"),
        ("turn the grey backdrop to white please", ["background"], "person", "background white"),
        ("make the blue background orange", ["background"], "person", "background orange"),
        ("make the white background light pink", ["background"], "person", "light pink"),
        ("make the background black instead of brown", ["background"], "person", "background black"),
        ("could the orange backdrop be turned to white?", ["background"], "person", "background white"),
        ("change this grey background to a green meadow with sheep", ["background"], "person", "meadow with sheep"),
        ("make the background white", ["background"], "person", "background white"),                      # unchanged
    ],
    # the old thing named by its colour and the new one only a colour: a recolour, never a new thing painted in
    "a colour for a colour": [
        ("replace the teal with magenta", ["recolor"], "teal", "teal magenta"),
        ("change the pink bits to orange", ["recolor"], "bit", "orange"),
        ("make the blonde hair into brown hair", ["recolor"], "hair", "brown"),
        ("swap the white mug for a black mug", ["recolor"], "mug", "black"),
        ("change the colour from purple to green", ["recolor"], "purple", "green"),
        ("change the colour of the scooter from red to silver", ["recolor"], "scooter", "silver"),       # unchanged
        ("replace the kettle with an orange", ["replace"], "kettle", "an orange"),                        # unchanged
        ("change the kettle to be a teapot", ["replace"], "kettle", "replacing the kettle with a teapot"),
    ],
    # two things under one verb, each with its own colour or its own new thing: two edits (the second had been read
    # as part of the first's new thing — one replace, sure)
    "two things, two colours or two new things": [
        ("change the fence colour to grey and the shed to a lilac", ["recolor", "recolor"], "fence", "lilac"),
        ("make the kite a dark green colour and the sea a pale blue colour", ["recolor", "recolor"], "kite", "pale blue"),
        ("replace the teal with gold and the white with black", ["recolor", "recolor"], "teal", None),
        ("replace pink colour with teal and lilac with white", ["recolor", "recolor"], "pink", "lilac white"),
        ("change the gold to grey and the red to navy on this scooter", ["recolor", "recolor"], "gold", "navy"),
        ("change the mug to a vase and the spoon to a fork", ["replace", "replace"], "mug", "replacing the spoon"),
        ("turn the pond into a lawn, and the shed into a greenhouse", ["replace", "replace"], "pond", "greenhouse"),
        ("make the kite red and the sea green", ["recolor", "recolor"], "kite", None),                     # unchanged
    ],
    # the old thing said replaced, or pictured; a colour said as a noun after a word of its own
    "a replace said another way": [
        ("i'd like the lamp replaced by a bonsai tree", ["replace"], "lamp", "bonsai tree"),
        ("change out the lamp for a bonsai tree", ["replace"], "lamp", "bonsai tree"),
        ("replace the photo of a lamp with a photo of a bonsai", ["replace"], "lamp", "with a bonsai"),
        ("change the shutters to a glossy teal", ["recolor"], "shutter", "teal"),
        ("swap the kettle with a ripe peach", ["replace"], "kettle", "a ripe peach"),                       # unchanged
        ("the lake should be a bit greener", ["recolor"], "lake", None),                                   # unchanged
    ],
    # a colour added to a thing is its recolour (its own noun, 'blue colour', 'a green tint', no new command); to the
    # photo, a place or the light it stays a tone; a colour said with words of its own is still the colour
    "a colour added to a thing": [
        ("add some lilac to the curtains", ["recolor"], "curtain", "lilac"),
        ("add more orange to the sunset clouds", ["recolor"], "cloud", "more orange"),
        ("put some pink on her scarf", ["recolor"], "scarf", "pink"),
        ("add blue colour to the kite", ["recolor"], "kite", "blue"),
        ("add green colour to feathers", ["recolor"], "feather", "green"),
        ("apply a teal filter to the bicycle", ["recolor"], "bicycle", "teal"),
        ("add a yellow tint to the whole photo", ["adjust"], None, None),
        ("make the fence a lovely soft grey", ["recolor"], "fence", "soft grey"),
        ("change the bike colour to a glossy teal", ["recolor"], "bike", "teal"),
        ("make this green knitted hat a red knitted hat", ["recolor"], "hat", None),
        ("add a red hat to the dog", ["add"], "dog", "red hat"),                                          # unchanged
        ("paint the kite green then crop it square", ["recolor", "crop"], "kite", None),                  # unchanged
    ],
    # a colour and a part a person has, nothing else: that part's recolour (an eye flaw stays a fix)
    "a coloured part said bare": [
        ("grey eyes please", ["recolor"], "iris", "grey"),
        ("lilac hair", ["recolor"], "hair", "lilac"),
        ("white eyes", ["fix"], "eye", None),
    ],
    # an eye flaw with no verb, or a part given back natural: the eyes' fix
    "eyes fixed however said": [
        ("the demon eyes", ["fix"], "eye", "fixing the eyes"),
        ("removal of the red eyes please", ["fix"], "eye", None),
        ("give the puppy normal eyes", ["fix"], "eye", "fixing the eyes"),
        ("fix her eyes", ["fix"], "eye", None),                                                           # unchanged
        ("brighten her eyes", ["adjust"], "eye", None),                                                   # unchanged
    ],
    # damage mended by name with no old print said: the marks taken out where the finder sees them
    "damage mended by name": [
        ("mend the rip", ["remove"], "rip", "removing all the rips"),
        ("patch the small holes in this photo", ["remove"], "hole", "holes"),
        ("repair the torn corner", ["remove"], "torn corner", None),
        ("touch up the scratches", ["remove"], "scratch", "scratches"),
        ("remove the tears on her cheeks", ["remove"], None, "on her cheeks"),                           # unchanged
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind, text, want, target, says", ROWS, ids=IDS)
def test_edit_kinds(kind, text, want, target, says):
    check_row(text, want, target, says)


def test_replaced_in_place_is_sure_and_keeps_the_removed_things_select():
    # the removal's select stays (its place and all), and the new thing is the replace's prompt — no removal left
    _, plan, sure = actions("remove the bicycle on the left and replace it with a bench")
    select, inpaint = plan.calls[0], plan.calls[-1]
    assert sure, plan.reply
    assert (select.args.target, select.args.position) == ("bicycle", "left"), plan.reply
    assert (inpaint.args.task, inpaint.args.prompt) == ("replace", "a bench"), plan.reply
    assert [c.args.task for c in plan.calls if c.tool == "inpaint"] == ["replace"]


def test_a_colour_for_a_colour_paints_without_the_old_colour_in_the_prompt():
    # 'white green mug' would tell the inpainter two colours; the old colour only finds the thing
    _, plan, _ = actions("swap the green mug for a white mug")
    inpaint = plan.calls[-1]
    assert (inpaint.args.task, inpaint.args.color, inpaint.args.prompt) == ("recolor", "white", "white mug")
    assert (plan.calls[0].args.target, plan.calls[0].args.phrase) == ("mug", "green mug")


def test_a_run_on_change_after_a_colour_still_starts_an_edit():
    # 'blue colour' is one noun, but a command verb after a colour still cuts a run-on line
    got, plan, _ = actions("change the kite colour to yellow change the door to blue")
    assert got == ["recolor", "recolor"], plan.reply
    assert [c.args.target for c in plan.calls if c.tool == "select"] == ["kite", "door"]
