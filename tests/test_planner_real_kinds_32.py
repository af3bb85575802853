"""Adds said as giving or dressing, and wishes no tool has (issue 20, adds round 16): a thing given to someone ('give
her a crown') or worn ('dress me in a tux') read as an add on them, words to be written on a thing added said to be
left out while the thing is added, a real person to be added declined with what is possible, and wishes no tool here
grants — text rewritten, a person turned into a creature, a subject moved or turned, a relight from a lamp — given the
honest "I can't …; I can …" line instead of an edit marked sure. Every sentence is written here for the purpose — none
is taken from the real-request corpus, whose texts carry no licence.

Each row: the request, the actions the plan must take in order, what the first select must find (None: not checked)
and what the reply must say (None: not checked). Rows marked "unchanged" planned the same before this round.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_row, rows_of

KINDS = {
    # a thing given to a person or an animal: added on them; a colour given to a part they have is its recolour
    "a thing given": [
        ("give her a paper crown and a feather boa", ["add"], "person", "on her"),
        ("please give him a pirate hat", ["add"], "person", "pirate hat"),
        ("give her sunglasses and a straw hat", ["add"], "person", "sunglasses and a straw hat on her"),  # her, no owner
        ("give the tortoise a tiny top hat", ["add"], "tortoise", "top hat on the tortoise"),
        ("brighten it a little and give them party hats", ["adjust", "add"], "person", "party hats"),
        ("give her blue eyes", ["recolor"], None, None),                                           # unchanged
        ("give the cat orange eyes", ["recolor"], None, None),                                     # unchanged
        ("give it a warm filter", ["adjust"], None, None),                                         # unchanged
        ("give her a new background", ["background"], None, None),                                 # unchanged
    ],
    # what is given is no thing: a touch-up, a laugh, the picture as a present — never a thing painted on them
    "given but no thing": [
        ("give her a quick touch-up", ["enhance"], None, None),                                    # unchanged
        ("i want to give him this photo for his birthday", [], None, None),                       # unchanged
        ("give him a good laugh", [], None, None),                                                 # unchanged
        ("can someone give me a png of the badge", ["background"], None, None),                    # unchanged
    ],
    # what a thing is to have, and someone added with what they hold: an add on (around) that thing
    "had or held": [
        ("make his pear have a face", ["add"], "pear", "a face on the pear"),
        ("make the snowman have a carrot nose", ["add"], "snowman", "carrot nose"),
        ("add a boy holding the puppy", ["add"], "dog", "drawn around the puppy"),
        ("make the pear a lemon", ["replace"], "pear", None),                                      # unchanged
        ("make the teapot have a white background", ["background"], None, None),                  # unchanged
        ("add a hat on the man holding the puppy", ["add"], "man", None),                          # unchanged
    ],
    # clothes put on someone: 'dress … in/as', 'suit … up' — the clothes added on them; a colour is the recolour
    "dressed": [
        ("could somebody dress me in a tuxedo?", ["add"], "person", "tuxedo on me"),
        ("dress my nephew up as a cowboy", ["add"], "nephew", "cowboy costume"),
        ("suit him up", ["add"], "person", "a suit on him"),
        ("dress him in green", ["recolor"], None, "green"),                                        # unchanged
    ],
    # words to be written on a thing added: the thing is added, and the reply says the words are left out
    "words on a thing added": [
        ("give him a cap that says CHAMP", ["add"], "person", "“CHAMP” in another app"),
        ("add a flag saying go team at the top", ["add"], None, "on the top"),
        ("give her a jumper with MUM written on it", ["add"], "person", "“MUM”"),
        ("add a wooden plaque reading welcome home", ["add"], None, "can't write words"),
        ("add a lantern at the bottom", ["add"], None, "on the bottom"),
        ("add fireworks at night", ["add"], None, "in the middle"),                                # unchanged
    ],
    # a real person to be added: declined, with how to add someone generic; a character or a brand is drawn
    "a real person added": [
        ("add Ottoline Brackley beside me", [], None, "particular person"),
        ("please add the president next to the podium", [], None, "particular person"),
        ("give him the face of Bartholomew Quince", [], None, "particular person"),
        ("put a celebrity's face on him", [], None, "swap faces"),                                 # unchanged
        ("add a famous singer on the stage", [], None, "particular person"),
        ("add Santa Claus by the fireplace", ["add"], None, None),
        ("add a bottle of Old Crow under his hand", ["add"], None, None),
        ("add a woman in a red coat on the left", ["add"], None, None),                            # unchanged
        ("add my grandad to this photo", [], None, "particular person"),                           # unchanged
    ],
    # a subject turned, moved together or shrunk in place: declined, with the edits said beside it kept
    "a subject moved or turned": [
        ("could anyone edit it so I'm facing the dolphin?", [], None, "can't turn, move or resize"),
        ("make grandma and the baby face the camera", [], None, "can't turn, move or resize"),
        ("bring the two teams back together", [], None, "can't turn, move or resize"),
        ("remove the lamp post and move the twins closer to the fountain", ["remove"], "lamp post",
         "can't turn, move or resize"),
        ("shrink my scooter change the background to a pine wood", ["background"], None, "can't turn, move or resize"),
        ("shrink the image", [], None, "resize or compress"),                                      # unchanged
        ("flip it so she's facing left", ["crop"], None, None),                                    # unchanged
    ],
    # a relight from a lamp or a screen: declined with what is possible; a bright window is still a complaint
    "a relight from a source": [
        ("make it seem like the glow is coming from the monitor", [], None, "can't relight"),
        ("make it look as if the light is from a candle", [], None, "can't relight"),
    ],
    # a person turned into a creature: declined; a thing turned into another, a person into a cut-out, stay edits
    "a person turned into a creature": [
        ("turn my uncle into a werewolf", [], None, "can't turn a person into something else"),
        ("change her into a mermaid and brighten the sea", ["adjust"], None, "can't turn a person"),
        ("change her into a pale blue fairy", [], None, "can't turn a person"),
        ("turn the teapot into a pumpkin", ["replace"], "teapot", None),                           # unchanged
        ("turn him into a png with no background", ["background"], None, None),                   # unchanged
        ("change the toddler to a different one", ["replace"], None, None),                        # unchanged
        ("make her look like a watercolour", [], None, "restyle"),                                 # unchanged
    ],
    # text rewritten or written: declined; words on a thing added leave the thing; a removal of text is a removal
    "text rewritten": [
        ("the banner should read SALE instead of SOLD", [], None, "can't write or change text"),
        ("can you make it say BAKERY", [], None, "can't write or change text"),
        ("the mug needs to say best grandpa", [], None, "can't write or change text"),
        ("swap the words on the two mugs", [], None, "can't write or change text"),
        ("insert the letter K before the name", [], None, "can't write or change text"),
        ("add a scarf with the letters NYC on it", ["add"], None, "“NYC”"),
        ("remove the words on the mug", ["remove"], None, None),                                   # unchanged
        ("remove the letter on the door", ["remove"], None, None),                                 # unchanged
        ("replace the kettle with a teapot", ["replace"], "kettle", None),                         # unchanged
        ("we had to say farewell to our cat, please brighten this", ["adjust"], None, None),      # unchanged
    ],
    # a drawn look undone, a person set into a game world: declined; a painting in the scene is still a thing
    "a look undone, a world entered": [
        ("erase the watercolour effect please", [], None, "can't take a style off"),   # rules_remove
        ("undo the watercolour effect", ["history"], None, None),                                 # unchanged: the last edit
        ("get rid of the anime style", [], None, "can't take a style off"),
        ("put my daughter into a video game", [], None, "composite"),
        ("remove the painting above the sofa", ["remove"], "painting", None),                      # unchanged
        ("make it look like a watercolour", [], None, "restyle"),                                  # unchanged
    ],
    # after an add verb, a place, the thing already there, or more of a colour: no new thing painted
    "no new thing after the verb": [
        ("sharpen it, I want a print to put at my desk", ["adjust"], None, None),
        ("use the tiles as a guide to align it neatly", [], None, None),
        ("add more blue to the whole picture", ["adjust"], None, "cooling"),
        ("add more green to the photo", [], None, "not sure"),
        ("add a green lantern to the porch", ["add"], "porch", None),                              # unchanged
        ("the puppy needs a bow on its collar", ["add"], None, "bow"),                             # unchanged
    ],
}
ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,target,says", ROWS, ids=IDS)
def test_adds_and_wishes_kinds(kind: str, text: str, want: list[str], target: str | None, says: str | None) -> None:
    check_row(text, want, target, says)


def test_a_thing_given_is_sure_and_a_refused_person_is_not_an_edit() -> None:
    """A thing given is planned and sure (no LLM needed); a named person declined plans no call at all."""
    _, given, sure = actions("give him a woolly scarf")
    assert sure and [c.tool for c in given.calls] == ["select", "region", "refine_mask", "inpaint"]
    assert given.calls[-1].args.prompt == "a woolly scarf"
    _, declined, _ = actions("add Ottoline Brackley on the right")
    assert declined.calls == []
