"""Positions said and lost (issue 20, place25): 'the kid furthest to the left' kept its side but was looked for as a
'kid furthest'; 'darken the top of the frame' selected a thing called 'top' (the picture word after the side was
dropped as scaffolding), where 'darken it at the top' already toned the top third; 'brighten the left image' and 'the
photo on the right' of a pair or a collage toned the whole photo and 'crop to the left photo' asked how to crop — the
side was lost; 'add a heron on the left of this frame' put it in the middle (the picture read as the thing it
is beside); 'get the smear out of the lower right' dropped the place after 'out of'; a place said apart after the request ('… from this shot? (guy on the right)') was
left unread. The other way, a side invented: 'right' meaning 'just' ('the lamp *right* here', 'the boys *right* next to
her') was read as the right. Every sentence is written here for the purpose — none is taken from the real-request corpus, whose
texts carry no licence.

Each row: the request, the actions the plan must take in order, and what its first select or region must carry.
Rows marked "unchanged" planned the same before.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, rows_of


def _where(text: str) -> tuple[list[str], tuple]:
    """The plan's actions and where its first edit is: ('select', target, position) or ('region', side, fraction)
    or ('crop', box) — None when the plan has none of them."""
    got, plan, _ = actions(text)
    for call in plan.calls:
        if call.tool == "select":
            return got, ("select", call.args.target, call.args.position)
        if call.tool == "region":
            return got, ("region", call.args.side, call.args.fraction)
        if call.tool == "crop" and call.args.box:
            return got, ("crop", call.args.box)
    return got, ()


KINDS = {
    # 'furthest' / 'farthest' before a side says how far, never what
    "furthest to a side": [
        ("remove the kid furthest to the left", ["remove"], ("select", "kid", "left")),
        ("erase the cyclist farthest to the right", ["remove"], ("select", "cyclist", "right")),
        ("make the boy furthest on the right a little brighter", ["adjust"], ("select", "boy", "right")),
        ("delete the pylon further to the left", ["remove"], ("select", "pylon", "left")),
        ("remove the woman at the extreme right", ["remove"], ("select", "woman", "right")),        # unchanged
        ("get rid of the bin on the far left", ["remove"], ("select", "bin", "left")),                 # unchanged
        ("remove the man on the left", ["remove"], ("select", "man", "left")),                         # unchanged
    ],
    # a side 'of the frame / photo / shot' as the whole thing toned is the photo's side
    "a side of the picture toned": [
        ("darken the top of the frame", ["adjust"], ("region", "top", 0.3333)),
        ("can you make the bottom of the photo warmer", ["adjust"], ("region", "bottom", 0.3333)),
        ("brighten the top of the shot a touch", ["adjust"], ("region", "top", 0.3333)),
        ("lower the brightness of the left of this picture", ["adjust"], ("region", "left", 0.3333)),
        ("brighten the gull at the top of the frame", ["adjust"], ("select", "gull", "top")),        # unchanged: a thing
        ("make the top darker", ["adjust"], ("select", "top", None)),                                 # unchanged: a garment
        ("make it lighter at the top", ["adjust"], ("region", "top", 0.3333)),                        # unchanged
    ],
    # one picture of a pair or a collage: its half
    "one picture of a pair": [
        ("make the left image brighter", ["adjust"], ("region", "left", 0.5)),
        ("sharpen the right photo a bit", ["adjust"], ("region", "right", 0.5)),
        ("make the picture on the left black and white", ["adjust"], ("region", "left", 0.5)),
        ("the photo on the right needs to be warmer", ["adjust"], ("region", "right", 0.5)),
        ("crop to the left image", ["crop"], ("crop", (0, 0, 600, 800))),
        ("crop it to just the right photo", ["crop"], ("crop", (600, 0, 1200, 800))),
        ("crop off the left picture", ["crop"], ("crop", (600, 0, 1200, 800))),
        ("make the picture brighter", ["adjust"], ()),                                                # unchanged: the photo
        ("turn the photo to the right", ["crop"], ()),                                               # unchanged: a turn
        ("crop to the left half", ["crop"], ("crop", (0, 0, 600, 800))),                              # unchanged
        ("brighten it on the right", ["adjust"], ("region", "right", 0.3333)),                        # unchanged
        ("darken a photo on the bottom", ["adjust"], ("region", "bottom", 0.3333)),                      # unchanged
        ("crop the bottom of the shot", ["crop"], ("crop", (0, 0, 1200, 720))),                      # unchanged: a strip
    ],
    # a thing added to a side of the picture itself goes on that side, not in the middle
    "added to a side of the picture": [
        ("add a pelican on the left of this frame", ["add"], ("region", "left", 0.3333333333333333)),
        ("put a small boat to the right side of my photo", ["add"], ("region", "right", 0.3333333333333333)),
        ("add a lantern to the left of this pic", ["add"], ("region", "left", 0.3333333333333333)),
        ("add a heron to the left of the pond", ["add"], ("select", "pond", None)),                    # unchanged: a thing
        ("put a heron on the right side", ["add"], ("region", "right", 0.3333333333333333)),             # unchanged
        ("add a heron", ["add"], ("region", "center", None)),                                          # unchanged
    ],
    # a thing taken 'out of' a place keeps the place
    "taken out of a place": [
        ("get that grey smear out of the lower right of this snapshot", ["remove"], ("select", "smear", "bottom-right")),
        ("get the cable out of the top right corner", ["remove"], ("select", "cable", "top-right")),
        ("could you take the sticker out of the bottom of the shot", ["remove"], ("select", "sticker", "bottom")),
        ("take the bin out of the top drawer", ["remove"], ("select", "bin", None)),                  # unchanged: a thing
        ("take the bin out of the photo", ["remove"], ("select", "bin", None)),                       # unchanged
        ("get the bin out of the left hand side", ["remove"], ("select", "bin", "left")),     # unchanged
    ],
    # a place said apart, in brackets after the request, places its one thing
    "a place said apart": [
        ("could you erase my old roommate from this shot? (the guy on the right)", ["remove"],
         ("select", "person", "right")),
        ("please get rid of the parked scooter. (on left) thanks", ["remove"], ("select", "scooter", "left")),
        ("erase the boy in the lake please (right of the pic)", ["remove"], ("select", "boy", "right")),
        ("remove the man on the left. (far right)", ["remove"], ("select", "man", "left")),       # unchanged: said
        ("remove the bins and the sign. (on the right)", ["remove", "remove"], ("select", "bin", None)),  # unchanged: two
        ("remove the sign. right?", ["remove"], ("select", "sign", None)),                          # unchanged: no place
    ],
    # 'right' before 'here', 'there' or a preposition is 'just', never a side (a side invented)
    "right as just": [
        ("remove the lamp right here", ["remove"], ("select", "lamp", None)),
        ("erase the boys right next to her shoulder", ["remove"], ("select", "boy", None)),
        ("please brighten the candle right there", ["adjust"], ("select", "candle", None)),
        ("take out the waiter standing right beside me", ["remove"], ("select", "waiter", None)),
        ("remove the right lamp", ["remove"], ("select", "lamp", "right")),                          # unchanged
        ("remove the sign right at the top", ["remove"], ("select", "sign", "top")),                  # unchanged
        ("remove the girl right in the middle", ["remove"], ("select", "girl", "center")),            # unchanged
        ("remove the heron on the right", ["remove"], ("select", "heron", "right")),                  # unchanged
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind, text, want, where", ROWS, ids=IDS)
def test_position_kept(kind: str, text: str, want: list[str], where: tuple) -> None:
    got, found = _where(text)
    assert got == want, (kind, text, found)
    assert found == where, (kind, text, got)


def test_the_frame_on_the_wall_is_a_thing() -> None:
    """A frame placed on the wall is a thing in the scene, never the picture's own part (unchanged)."""
    got, found = _where("make the frame on the wall darker")
    assert not (found and found[0] == "region"), found
    got, found = _where("remove the frame on the wall")
    assert not (found and found[0] in ("region", "crop")), found


def test_a_place_said_apart_is_said_back() -> None:
    """The reply says which one is meant, and no longer that the place was not understood."""
    _, plan, sure = actions("could you erase my old roommate from this shot? (the guy on the right)")
    assert "on the right" in plan.reply and "didn't understand" not in plan.reply, plan.reply
    assert sure
