"""Edits the tools can do that got only a question or a refusal (issue 20, acts25). A thing made to look dead, dry,
rusty, autumnal or old ('make the hedge look dead') was 'not sure': it is the recolour an editor makes (brown, rust,
orange) or an aged tone masked to it, said; the photo made to look old gets the vintage look. A graphic on a shirt or
a wall was the picture itself ('remove the graphic' asked, 'get rid of the wall graphic' removed the wall): it is a
thing. Someone put 'into other water', 'onto another beach' was refused as a composite or asked: it is a new
background of that setting. A thing and its lettering changed together was refused whole as a text edit: the thing's
edit is done and the lettering declined; a text refusal keeps an edit said beside it; lettering given a colour is its
recolour; a face no one owns put on a thing ('put face on pear') is drawn there, not refused as a face swap; a style
word naming a thing put in ('replace her hat with a cartoon crown') is that thing, not the picture restyled. Rewriting words, colourising and making someone taller stay declined.
Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence.

Each row: the request, the actions the plan must take in order, the first select's target (None: unchecked) and words
the reply must hold (None: unchecked). Rows marked "unchanged" planned the same before.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_row, first_prompt, rows_of

KINDS = {
    # a thing given the look of a state: its colour, or an aged tone on it
    "a thing made to look dead, rusty or old": [
        ("make the hedge look dead", ["recolor"], "hedge", "yellowish brown"),
        ("can you make the lawn look dry and dead", ["recolor"], "lawn", "dry"),
        ("make the tulips look wilted", ["recolor"], "tulip", "wilted"),
        ("make the gate look rusty", ["recolor"], "gate", "rust"),
        ("make the maple look autumnal", ["recolor"], "maple", "orange"),
        ("make the barn look old", ["adjust"], "barn", "aged look"),
        ("make the bench look old and weathered", ["adjust"], "bench", "can't add cracks"),
        ("make the wheelbarrow look old and rusty", ["recolor"], "wheelbarrow", "rust"),
        ("make it look old", ["adjust"], None, "vintage"),
        ("make the picture look older", ["adjust"], None, "vintage"),
        ("make the hedge not look dead", [], None, None),                                  # a look wished away
        ("make the old barn brighter", ["adjust"], "barn", "old barn"),                    # unchanged: a thing called old
        ("make the park look autumnal", ["adjust"], None, "autumn look"),                  # unchanged: a scene's look
        ("make the hedge brown", ["recolor"], "hedge", None),                              # unchanged
    ],
    # a graphic on a thing is a thing to remove, never the picture
    "a graphic removed": [
        ("remove the graphic on her hoodie", ["remove"], "graphic", None),
        ("erase the graphics on the van", ["remove"], "graphic", None),
        ("please get rid of the wall graphic", ["remove"], "graphic", None),
        ("i'd like the graphic on his jumper gone", ["remove"], "graphic", None),
        ("remove the decals on the fridge", ["remove"], "decal", None),                   # unchanged
        ("remove the sticker from the guitar", ["remove"], "sticker", None),              # unchanged
    ],
    # put into another setting of the same kind: that setting drawn behind them
    "put into another setting": [
        ("put him into other water", ["background"], None, "new water"),
        ("place her in a different pool", ["background"], None, "new pool"),
        ("put us onto another beach", ["background"], None, "new beach"),
        ("put my horse in a different stream", ["background"], "horse", "new stream"),
        ("put my horse in a different field", ["background"], "horse", "different field"),  # unchanged: a scene word
        ("put me in front of another lake", ["background"], None, "new lake"),
        ("put her in another picture", [], None, "composite"),                           # unchanged: a composite
        ("put him in a different jacket", [], None, None),                                # not a setting
    ],
    # a thing and its lettering: the thing's edit done, the lettering declined
    "a thing and its lettering": [
        ("replace the fridge and the writing on it with a bookshelf", ["replace"], "fridge", "isn't written anew"),
        ("swap the kettle for a teapot and the words on it", ["replace"], "kettle", "isn't written anew"),
        ("replace the poster with a mirror and the text on it with WELCOME", ["replace"], "poster", "isn't written anew"),
        ("replace the lamp and the lettering on it", [], None, "in place of the lamp"),
        ("change the banner and the text on it to OPEN", [], None, "can't write"),          # unchanged: all lettering
        ("change the text on the sign to SALE", [], None, "can't write"),                   # unchanged
        ("replace the words on the mug with hello", [], None, "can't write"),               # unchanged
    ],
    # lettering given a colour is a recolour; words rewritten stay declined
    "lettering given a colour": [
        ("change the text colour to teal", ["recolor"], "text", "teal"),
        ("change the writing on the van to white", ["recolor"], "text", "white"),
        ("turn the lettering gold", ["recolor"], "text", "gold"),
        ("please change the colour of the green words to purple", ["recolor"], "word", "purple"),
        ("change the color of the white text to several shades of red (the first line a dark red)", ["recolor"], "text",
         "one red for all of it"),
        ("change the text to teal, the badge to gold", [], None, "can't write"),                # unchanged: two asked
        ("change the word green to purple", [], None, "can't write"),                       # unchanged: a word rewritten
        ("change the text to Blue Moon Diner", [], None, "can't write"),                    # unchanged
    ],
    # a text refusal keeps an edit beside it
    "an edit beside a text refusal": [
        ("add a snowy background change the font", ["background"], None, "can't write"),
        ("put a scarf on the snowman type the words merry christmas", ["add"], "snowman", "can't write"),
        ("change the font", [], None, "can't write"),                                       # unchanged
    ],
    # a style word inside the name of a thing put in describes that thing
    "a styled thing put in": [
        ("replace her hat with a cartoon crown", ["replace"], "hat", "cartoon crown"),
        ("insert the blue mosaic in place of the floor", ["replace"], "floor", "mosaic"),
        ("put huge anime eyes on the owl", ["add"], "owl", "anime eyes"),
        ("use a cartoon filter on my picture", [], None, "can't restyle"),                # unchanged: a look
        ("turn this photo into a cartoon", [], None, "can't restyle"),                     # unchanged
        ("turn the picture into a calm lake scene with watercolour brushwork", [], None, "can't restyle"),  # unchanged
        ("add hello in graffiti on the wall", [], None, None),                              # a word written, not a thing
    ],
    # a face no one owns put on a thing is drawn there, as 'add a face to it' is
    "a face drawn on a thing": [
        ("put face on pear", ["add"], "pear", None),
        ("stick a goofy face on the boulder", ["add"], "boulder", "goofy face"),
        ("put faces on the pumpkins", ["add"], "pumpkin", None),
        ("put his face on the scarecrow", [], None, "swap faces"),                         # unchanged: someone's face
        ("put a face on the woman", [], None, "swap faces"),                               # unchanged: on a person
        ("photoshop geese face onto another body", [], None, "swap faces"),               # unchanged: another body
    ],
    # the near-misses the brief names: still declined
    "still declined": [
        ("colourise this photo", [], None, "colourise"),                                    # unchanged
        ("make me taller", [], None, "reshape"),                                            # unchanged
        ("make me look older", [], None, None),                                             # unchanged: no ageing tool
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,target,says", ROWS, ids=IDS)
def test_kind(kind, text, want, target, says):
    check_row(text, want, target, says)


def test_a_dead_look_is_drawn_as_its_colour_and_said_so():
    _, plan, sure = actions("make the hedge look dead")
    assert sure and first_prompt(plan) is not None and "brown" in first_prompt(plan), plan
    assert "can't change its shape" in plan.reply, plan.reply


def test_an_aged_thing_is_toned_only_where_it_is():
    _, plan, _ = actions("make the barn look old")
    adjust = next(call for call in plan.calls if call.tool == "adjust")
    assert adjust.args.masked and adjust.args.saturation < 0 and adjust.args.warmth > 0, plan


def test_a_new_setting_keeps_who_was_sent_in_front():
    _, plan, sure = actions("put my horse in a different stream")
    select = next(call for call in plan.calls if call.tool == "select")
    assert sure and select.args.exclude and first_prompt(plan) == "stream", plan
