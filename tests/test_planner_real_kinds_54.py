"""Target heads — the thing the finder is told to look for (issue 20, heads21): a name in scare quotes ('the "funny"
guy', 'brighten the "lamp"') lost its head or its verb; an aside in brackets saying who is where ('erase my ex (guy on
the right)', 'make my hair darker (girl on left)') was read as a second person to remove, or glued to the name so the
select looked for the girl instead of the hair; a phone named by its model ('the pixel 6', 'my galaxy s10') was looked for
as a 'pixel' or an 's10'; a reason after the name ('remove the kettle because it looks messy') made the name 'it' or
left the request unread — the select looked for 'missing' or 'so-called', the reply said
'the funny" guy"', and a tone meant for the quoted thing brightened the whole photo; a colour naming the part that an
applied thing goes onto ('apply the stripes to the green part') was read as a recolour of a garbled name.
Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence.

Each row: the request, the actions the plan must take in order (None: not checked), and what its selects must carry,
in order, as (target, phrase) pairs (phrase None: no phrase beyond the target), or (target, phrase, position) where
the place is the point. Rows marked "unchanged" planned the
same before.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, rows_of

KINDS = {
    # lowercase words quoted where a name stands are the name: the quotes are emphasis or irony
    "a name in scare quotes": [
        ("remove the \"funny\" sticker on the door", ["remove"], [("sticker", "funny sticker on the door")]),
        ("erase the so-called \"artist\" in the corner", ["remove"], [("artist", "so-called artist in the corner")]),
        ("brighten the \"lamp\" on the table", ["adjust"], [("lamp", "lamp on the table")]),
        ("please fix the missing \"ear\"", ["fix"], [("ear", "missing ear")]),
        ("can you sharpen my 'lantern' a bit", ["adjust"], [("lantern", None)]),
        ("give it a \"retro\" look", ["adjust"], []),
        ("remove the text \"sale\"", ["remove"], [("text", "text \"sale\"")]),                      # unchanged: writing
        ("remove the word \"open\" from the sign", ["remove"], [("word", "word \"open\" from the sign")]),   # unchanged
        ("remove the red \"x\" on the wall", ["remove"], [("x", "red \"x\" on the wall")]),       # unchanged: a letter
    ],
    # a quoted name in capitals keeps its words; the reply never shows a quote the name's cut left behind
    "a closing quote left by the cut": [
        ("remove the \"OPEN\" sign", ["remove"], [("sign", "OPEN sign")]),
        ("erase the \"Blue Ribbon\" box", ["remove"], [("box", "Blue Ribbon box")]),
        ("remove the text \"unknown", ["remove"], [("text", "text \"unknown\"")]),                 # unchanged: closed
    ],
    # an aside after a name that says who is where places the name; it is no second thing to edit
    "who is where, said in brackets": [
        ("could someone erase my ex from this beach photo (guy on the right)", ["remove"], [("person", None, "right")]),
        ("please brighten my uncle (man on the left)", ["adjust"], [("person", None, "left")]),
        ("please make my hair darker (girl on left)", ["adjust"], [("hair", None, "left")]),
        ("please make my hair darker (I'm on the left)", ["adjust"], [("hair", None, "left")]),
        ("make my eyes greener (guy on the right) and fix the colours", ["recolor", "enhance"],
         [("iris", None, "right")]),
        ("erase the tourist please (lady in the back)", ["remove"], [("person", None, "background")]),
        ("erase the cyclist (and the boy on the right)", ["remove", "remove"],
         [("cyclist", None, None), ("boy", None, "right")]),
        ("remove the dog and the girl on the left", ["remove", "remove"], [("dog", None, None), ("girl", None, "left")]),
        ("erase my ex from this beach photo (he's on the right)", ["remove"], [("person", None, "right")]),   # unchanged
    ],
    # a Pixel or Galaxy said with its model is a phone: a finder looks for a phone, never for a dot or an 's10'
    "a phone named by its model": [
        ("remove the pixel 6 on the desk", ["remove"], [("phone", "phone on the desk")]),
        ("erase the galaxy s10 from the table", ["remove"], [("phone", "phone from the table")]),
        ("could you take the pixel 7 pro out of her hand", ["remove"], [("phone", None)]),
        ("remove the iphone 12 from the bench", ["remove"], [("iphone", "iphone from the bench")]),    # unchanged
        ("remove the dead pixels", ["enhance"], []),                                                # unchanged: dots
        ("make the galaxy in the night sky brighter", ["adjust"], [("galaxy", "galaxy in the night sky")]),  # unchanged
    ],
    # a reason or a condition after the name ends it: the finder is told the thing, the reply says no reason
    "a reason after the name": [
        ("remove the kettle because it looks messy", ["remove"], [("kettle", None)]),
        ("please erase the cones since they spoil the view", ["remove"], [("cone", None)]),
        ("take out the lamp post although it might be hard", ["remove"], [("lamp post", None)]),
        ("erase the scooter bc it blocks the door", ["remove"], [("scooter", None)]),
        ("I need the jug and the bowl removed because they look untidy", ["remove", "remove"],
         [("jug", None), ("bowl", None)]),
        ("I want the cones removed since they spoil it", ["remove"], [("cone", None)]),
        ("remove the cause of the glare", ["remove"], [("cause", "cause of the glare")]),            # unchanged
        ("remove the kettle, then the cups", ["remove", "remove"], [("kettle", None), ("cup", None)]),  # unchanged
    ],
    # a colour after 'apply … to the' says which part, and asks for no colour
    "a thing applied onto a coloured part": [
        ("apply the stripes from the link to the green part", [], []),
        ("apply this texture to the blue area", [], []),
        ("apply an orange tint onto his jacket", ["recolor"], [("jacket", None)]),                 # unchanged
    ],
}

ROWS, IDS = rows_of(KINDS)


def _selects(text: str) -> tuple[list[str], list[tuple], str]:
    """The plan's actions, its selects as (target, phrase) — or (target, phrase, position) for the rows that say a
    place — and its reply."""
    got, plan, _ = actions(text)
    selects = [(c.args.target, c.args.phrase, c.args.position) for c in plan.calls if c.tool == "select"]
    return got, selects, plan.reply


@pytest.mark.parametrize("kind,text,want,selects", ROWS, ids=IDS)
def test_kind(kind, text, want, selects):
    got, found, reply = _selects(text)
    if want is not None:
        assert got == want, (text, reply)
    assert [select[:len(wanted)] for select, wanted in zip(found, selects)] == selects and len(found) == len(selects), \
        (text, found, reply)


def test_a_scare_quoted_name_is_said_back_without_stray_quotes():
    _, _, reply = _selects("get rid of the \"scary\" mask on the shelf")
    assert "scary mask on the shelf" in reply and '"' not in reply, reply


def test_a_phone_screen_said_by_its_model_is_the_phone_format():
    for text in ("make it fit my pixel 6", "make it a galaxy s8 wallpaper", "crop this for a pixel 7 pro wallpaper"):
        got, plan, _ = actions(text)
        assert got in (["crop"], ["outpaint"]) and "9:16" in plan.reply, (text, plan.reply)
