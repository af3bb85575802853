"""The background said in ways the rules did not read (issue 20, bg25): a background asked tidied or decluttered was
taken away to transparency ('declutter the backdrop') or only asked about ('tidy up the background behind her'); someone
sent 'somewhere else' or into 'a different location' got 'not sure'; and the scene said after a vague new setting ('put
the pup in a new setting, like a lake') was dropped for the neutral studio backdrop; a thing of the scene asked mended
with no damage said ('repair the shed behind them', 'fix the paint on the railing') got 'not sure'; and the backdrop
behind someone named by what it is ('remove the curtain behind her') was erased as one thing filling the frame.

Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence.

Each row: the request, the actions the plan must take in order, what its selects must carry, in order, as
(target, phrase) pairs, and the words the fill's prompt must hold (None: unchecked). Rows marked "unchanged" planned
the same before.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_selects, first_prompt, rows_of

TIDIED = "clean and uncluttered"

KINDS = {
    # the background tidied keeps a background, drawn without its clutter — never made transparent
    "the background tidied": [
        ("could you tidy up the backdrop behind my nephew", ["background"], [("nephew", None)], TIDIED),
        ("declutter the background please", ["background"], [("person", None)], TIDIED),
        ("i need help cleaning up the messy background of this shot", ["background"], [("person", None)], TIDIED),
        ("neaten the background a little", ["background"], [("person", None)], TIDIED),
        ("please clean the backdrop up", ["background"], [("person", None)], TIDIED),     # was the subject removed
        ("remove the background", ["background"], [("person", None)], None),                 # unchanged: transparent
        ("blur the background", ["background"], [("person", None)], None),                   # unchanged
        ("clean up the photo", ["enhance"], [], None),                                       # unchanged
        ("put the mug on a clean white background", ["background"], [("mug", None)], None),  # unchanged: a new one
    ],
    # sent somewhere else: a new background, the scene said after it kept
    "sent elsewhere": [
        ("set her somewhere else", ["background"], [("person", None)], "studio"),
        ("could you place me somewhere different", ["background"], [("person", None)], "studio"),
        ("move my grandson to a new location, maybe a meadow", ["background"], [("grandson", None)], "meadow"),
        ("put the pup in a new setting, like a lake", ["background"], [("pup", None)], "lake"),
        ("give it a new setting, maybe a desert", ["background"], [("person", None)], "desert"),
        ("put the vase somewhere else", ["add"], [], None),                                 # unchanged: a thing moved
    ],
    # the backdrop someone stands against, named by what it is and taken away: a new background, not a thing erased
    "a backdrop taken away": [
        ("remove the window behind her", ["background"], [("person", None)], "studio"),
        ("get rid of the brick wall behind my nephew", ["background"], [("nephew", None)], "studio"),
        ("erase the drapes behind the groom please", ["background"], [("groom", None)], "studio"),
        ("remove the window on the left", ["remove"], [("window", None)], None),             # unchanged: a thing
        ("remove the wall behind the barn", ["remove"], [("wall", None)], None),             # unchanged: no one
        ("remove the poster behind him", ["remove"], [("poster", None)], None),              # unchanged: no backdrop
    ],
    # a thing of the scene mended with no damage said: drawn whole again, never a question or its paint removed
    "a thing mended": [
        ("repair the shed behind them", ["fix"], [("shed", None)], "intact shed"),
        ("mend the gate in the back", ["fix"], [("gate", None)], "intact gate"),
        ("fix the letterbox in the background", ["fix"], [("letterbox", None)], "intact letterbox"),
        ("touch up the paint on the railing behind us", ["fix"], [("railing", None)], "intact paint"),
        ("fix up the old garage in the background", ["fix"], [("garage", "old garage")], "intact garage"),
        ("fix the cracked pot", ["fix"], [("pot", "cracked pot")], "intact pot"),             # unchanged: damage said
        ("fix the man in the background", [], [], None),                                      # unchanged: a person
        ("repair this photo", ["enhance"], [], None),                                         # unchanged: the photo
        ("fix the oak in the background so it looks fuller", [], [], None),       # unchanged: goes on
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,selects,prompt", ROWS, ids=IDS)
def test_background_said_otherwise(kind: str, text: str, want: list[str], selects: list[tuple[str, str | None]],
                                   prompt: str | None) -> None:
    check_selects(text, want, selects)
    if prompt is not None:
        _, plan, _ = actions(text)
        assert prompt in (first_prompt(plan) or ""), (text, plan.reply)


def test_tidied_background_is_unsure_and_says_how_to_name_things() -> None:
    """No finder knows what clutter is: the plan is unsure and tells how to name what goes instead."""
    _, plan, sure = actions("tidy up the background behind the twins")
    assert not sure
    assert "name them" in plan.reply


def test_scene_after_a_vague_setting_is_sure() -> None:
    """A scene said after the vague setting is the new background, named — no studio backdrop, no doubt."""
    _, plan, sure = actions("put him in a different setting, something like a canyon")
    assert sure and "canyon" in (first_prompt(plan) or "")
    assert "studio" not in plan.reply
