"""Telling read as asking (issue 20, story27): who is who said after a keep-only ('… except me and my cousin — he's the
boy on the scooter and I'm the woman in the green coat') recoloured the coat, where it says whom to keep; a purpose or
an afterthought after a removal ('… so my aunt can frame this snap of my grandad and me', '…, my daughter put it up
there') removed the people in it or added 'it' elsewhere; blur told beside a fix ('he came out all blurry, can anyone
fix this?') was sharpened — or softened, 'a blur' read as wished — as well as fixed.
Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence.

Each row: the request, the actions the plan must take in order, and what its selects must carry, in order, as
(target, phrase) pairs (phrase None: nothing beyond the target), or words the reply must hold. Rows marked "unchanged"
planned the same before.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_selects, rows_of

KEPT = {
    # who is who after a keep-only of people only the asker knows: whom it keeps, one description each
    "who is who after a keep-only": [
        ("please remove everyone except me and my brother. he's the one in the green scarf and i'm the man with the "
         "grey beanie.", ["remove"],
         [("person", None), ("person", "person in the green scarf"), ("man", "man with the grey beanie")]),
        ("take out everybody but me and my wife - she's the lady with the red umbrella, I'm the tall guy in the parka",
         ["remove"], [("person", None), ("lady", "lady with the red umbrella"), ("man", "tall guy in the parka")]),
        ("remove everyone except me. i'm the guy with the orange cap", ["remove"],
         [("person", None), ("man", "guy with the orange cap")]),
        ("remove everyone except my dad, he's the man holding the kite", ["remove"],
         [("person", None), ("man", "man holding the kite")]),
        # one description for two kept: told, and the owner kept by size as before (unchanged but for the recolour)
        ("remove everyone except me and my sister. she's the one in the blue jumper.", ["remove"],
         [("person", None), ("person", None)]),
        ("remove everyone except me (the one in red)", ["remove"], [("person", None), ("person", None)]),  # unchanged
        ("remove my ex, he is on the left", ["remove"], [("person", None)]),                            # unchanged
    ],
}

TOLD = {
    # who is who after any other edit is told: no recolour of what marks someone out
    "who is who after a removal": [
        ("erase the crowd behind us. she's the one in the pink dress and i'm the man in the blue cap.", ["remove"],
         "behind us"),
        ("brighten my face please, i'm the boy with the green backpack", ["adjust"], None),
        ("make the girl in the green dress blue", ["recolor"], None),                                    # unchanged
    ],
    # what the photo is for, said after the edit, is told: no one in it removed, nothing hung added
    "a purpose after the edit": [
        ("remove the price tag from the vase so my aunt can frame this snap of my grandad and me for her",
         ["remove"], "price tag from the vase."),
        ("please erase the smudge on my glasses. my partner loves this shot, so she could hang it by the stairs.",
         ["remove"], "smudge"),
        ("take the bin out so that we can print and frame it", ["remove"], "bin."),
        ("brighten the photo so we could use it as our phone wallpaper", ["outpaint"], "phone wallpaper"),   # unchanged
        ("lighten it so you can see the path", ["adjust"], "brightening"),                              # unchanged
        ("remove the wires so I can show my boss and my team", ["remove"], "wires."),                    # unchanged
    ],
    # an afterthought about the thing just named: told, never the teller removed nor the thing added elsewhere
    "an afterthought about it": [
        ("get rid of the magnet on the fridge, my daughter put it up there", ["remove"], "magnet on the fridge."),
        ("please erase the crack in the mirror, my son hung it there last year", ["remove"], "crack in the mirror."),
        ("remove the lamp, my dad bought it last week", ["remove"], "the lamp."),
        ("remove the kettle, my flatmate, put a plant on the desk", ["remove", "remove", "add"], None),   # unchanged
        ("remove the mug, the spoon and the plate", ["remove", "remove", "remove"], None),             # unchanged
    ],
    # blur told beside a fix asked: the measured fix alone, never a soften (or a sharpen) as well
    "blur told beside a fix": [
        ("my grandson ran past and came out all blurry, can anyone fix this?", ["enhance"], "measuring"),
        ("We met the captain on deck. Sadly the camera turned him into a blur. Could someone sort it out?", ["enhance"],
         "measuring"),
        ("I'd love to sketch this for my nan, but I'm stuck because of the blur and the odd colours. Could anyone "
         "tidy it up?", ["enhance"], "measuring"),
        ("could the picture from our hike be clearer? we want it framed but it's so blurry", ["enhance"], "measuring"),
        ("clean it up and sharpen it", ["enhance", "adjust"], "sharpening"),                          # unchanged: asked
        ("blur the rest, I'm in the middle", ["adjust"], "softening"),                                # unchanged
        ("the fence came out blurry", ["adjust"], "sharpening"),                                      # unchanged: no fix
        ("can you tidy this shot up? less blurry?", ["enhance", "adjust"], "sharpening"),             # unchanged: asked
        ("please un blur this snapshot", ["adjust"], "sharpening"),                                   # 'un blur': unblur
        ("could someone un-blur my photo and make it nicer", ["adjust", "enhance"], "sharpening"),
    ],
}


KEPT_ROWS, KEPT_IDS = rows_of(KEPT)
TOLD_ROWS, TOLD_IDS = rows_of(TOLD)


@pytest.mark.parametrize("kind,text,want,selects", KEPT_ROWS, ids=KEPT_IDS)
def test_who_is_kept(kind: str, text: str, want: list[str], selects: list[tuple[str, str | None]]) -> None:
    check_selects(text, want, selects)


@pytest.mark.parametrize("kind,text,want,says", TOLD_ROWS, ids=TOLD_IDS)
def test_told_is_no_edit(kind: str, text: str, want: list[str], says: str | None) -> None:
    got, plan, _ = actions(text)
    assert got == want, (text, plan.reply)
    if says is not None:
        assert says in plan.reply.lower(), (text, plan.reply)
