"""Kinds of naming real people write that the plan's target or position missed (issue 20, the second dev batch of
hand-labelled real requests: heads and places), each in sentences written here for the purpose — none is taken from
the real-request corpus, whose texts carry no licence.

Each row: the request, the actions the plan must take in order (the task of each inpaint, or the tool), what the
first select must find (None: no select is checked) and what the reply must say (None: not checked). The photo is
1200×800 (`tests/planner_kinds.CONTEXT`).
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_row, rows_of

KINDS = {
    # a colour named as the thing's ('the white on the scooter', 'the blue of her eyes'): a finder looks for the thing
    # that has the colour; a bare colour with nothing after it stays the colour
    "a colour of a thing": [
        ("switch the white colour on my scooter to green", ["recolor"], "scooter", None),
        ("turn the red paint on the boat yellow", ["recolor"], "boat", None),
        ("could you make the blue of her eyes a bit lighter", ["adjust"], "eye", None),
        ("the colour of the tie needs to be brighter", ["adjust"], "tie", None),
        ("please change the pink of the little girl's hat to purple", ["recolor"], "hat", None),
        ("change the red to blue", ["recolor"], "red", None),
    ],
    # a partitive before the thing ('the strands of hair', 'a wisp of smoke'): the thing is the head
    "a partitive before the thing": [
        ("please get rid of the strands of hair over her nose", ["remove"], "hair", None),
        ("erase the wisp of smoke by the chimney", ["remove"], "smoke", None),
        ("could someone remove the stray strand of hair going across his ear", ["remove"], "hair", None),
    ],
    # an adjective of praise between a thing and its colour ('the lawn nice and green') is no name
    "praise before a colour": [
        ("make the hedge nice and green", ["recolor"], "hedge", None),
        ("could you make the sea lovely and blue", ["recolor"], "sea", None),
    ],
    # a thing named after 'but with' (a back-story, then the edit as a passive) is the thing
    "a thing after 'but with'": [
        ("we'd like it for the invitation, but with the waiter removed", ["remove"], "waiter", None),
    ],
    # words a finder handles badly: a photo bomber is a person, a trashcan a trash can
    "names a finder knows": [
        ("can somebody remove the photo bomber on this one", ["remove"], "person", None),
        ("please erase the two photo bombers", ["remove"], "person", None),
        ("delete the trashcan next to the bench", ["remove"], "trash can", None),
        ("could you edit out the grinning photobomb", ["remove"], "person", None),
    ],
    # 'etc' closes a list; it names nothing ('the cones, signs etc': the signs are the last thing)
    "a list closed by etc": [
        ("please remove the cones, signs etc", ["remove", "remove"], "cone", None),
        ("erase the scaffolding etc.", ["remove"], "scaffolding", None),
    ],
    # a brand that names a shade, right after the thing coloured ('my mower john deere green'): the thing
    "a brand's shade": [
        ("can you paint my lawnmower john deere green", ["recolor"], "lawnmower", None),
    ],
    # an effect over the whole picture ('a grey and white filter', 'put a sepia filter over it all') is a look,
    # not a thing to paint in the middle; an effect placed by a thing ('a glow behind him') is still drawn there
    "an effect is a look": [
        ("add a monochrome black and white effect", ["adjust"], None, "black and white"),
        ("apply a sepia filter, then boost the contrast", ["adjust"], None, None),
        ("put a sepia filter over the whole photo", ["adjust"], None, None),
        ("could you add an orange glowing effect behind him", ["add"], "person", None),
        ("add a hat and a scarf to the snowman", ["add"], "snowman", None),
    ],
    # a bare effect or filter is no thing a finder can find: taking it away is a question, not an inpaint; with a
    # word that names a thing before it, it is that thing's ('the shading effect' is a shadow)
    "an effect is no thing": [
        ("please delete the filter", [], None, "doesn't name a thing"),
        ("erase the grey and white filter and fix the red eye", ["fix"], "eye", "doesn't name a thing"),
        ("could you get rid of that shading effect", ["remove"], "shadow", None),
    ],
    # the picture itself after an add verb ('I'd like to draw this photo', 'put the image in a frame') is no new thing
    # to paint into it: nothing is added
    "the picture is no new thing": [
        ("I'd like to draw this photo as a gift, could someone clean it up first", ["enhance"], None, None),
        ("sharpen it and put the whole image in a gold frame", ["adjust"], None, None),
        ("add a vase of tulips next to the lamp", ["add"], "lamp", None),
    ],
    # a sky added with no place and no 'the' ('add a stormy sky', 'add blue sky and a few clouds') replaces the sky the
    # photo has;
    # a thing added in the sky, or clouds added to it, is still an add
    "a sky is replaced, not added": [
        ("add a stormy purple sky", ["replace"], "sky", "replacing the sky"),
        ("please add blue sky and a few fluffy clouds", ["replace"], "sky", None),
        ("add a hot air balloon in the sky", ["add"], "sky", None),
        ("add a few clouds to the sky", ["add"], "sky", None),
        ("put a road in and then add the sky", ["add", "add"], None, None),       # 'the sky' of a scene being built
    ],
    # verbs of pasting one thing onto the picture: 'paste in', 'superimpose'
    "pasting a thing in": [
        ("paste in a shark fin", ["add"], None, "shark fin"),
        ("superimpose a full moon over the lake", ["add"], "lake", None),
    ],
    # what the background is to be, said as a permission or a wish in a sentence of its own: a colour given is a colour
    # meant, as 'make the background white'
    "the background can be": [
        ("Could someone erase the two joggers? The background can just be plain grey", ["remove", "background"],
         "jogger", None),
        ("the backdrop should be pure white", ["background"], None, "white"),
        ("the background could be a snowy forest", ["background"], None, "snowy forest"),
    ],
    # a verb that is also a noun, after an article and an adjective ('not sure this is the right place'), is the noun
    "a noun-verb after an adjective": [
        ("my bad if it's the wrong place; my grandad's photo is faded. could someone tidy it up", ["enhance"], None,
         None),
        ("place a lamp on the desk", ["add"], "desk", None),
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind, text, want, target, says", ROWS, ids=IDS)
def test_naming_kinds(kind, text, want, target, says):
    check_row(text, want, target, says)


PLACES = [
    # 'from the middle' is a place as 'in the middle' is, of the picture by any name (a panorama too)
    ("delete the cyclist from the middle of my panorama", "cyclist", "center"),
    ("can someone erase the lamp from the centre of the photo", "lamp", "center"),
    ("get rid of the bollard from the middle of the shot", "bollard", "center"),
    # 'in the background of my <shot>': whatever the shot is called, its background is the picture's
    ("erase those walkers in the background of our first dance", "walker", "background"),
    ("could you erase that fisherman in the background of my handstand", "fisherman", "background"),
]


@pytest.mark.parametrize("text, target, position", PLACES, ids=[row[0][:40] for row in PLACES])
def test_places_said_with_from_or_of_a_shot(text, target, position):
    got, plan, _ = actions(text)
    selects = [call for call in plan.calls if call.tool == "select"]
    assert got == ["remove"] and selects, (text, plan.reply)
    assert (selects[0].args.target, selects[0].args.position) == (target, position), (text, plan.reply)


def test_a_relative_place_stays_part_of_the_name():
    """'the stripe from the middle of the shirt' is on the shirt, not a place in the frame."""
    _, plan, _ = actions("remove the stripe from the middle of the shirt")
    select = next(call for call in plan.calls if call.tool == "select")
    assert select.args.position is None, plan.reply
