"""Target heads that generalise (issue 20, heads round 12), each kind in sentences written here for the purpose — none
is taken from the real-request corpus, whose texts carry no licence.

Each row: the request, the actions the plan must take in order (the task of each inpaint, or the tool), what the
first select must find (None: no select is checked) and what the reply must say (None: not checked). Rows marked
"unchanged" passed before this round and must keep passing. The photo is 1200×800 (`tests/planner_kinds.CONTEXT`).
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_row, rows_of

KINDS = {
    # told words where a name should be ('I shot this in …', 'was hoping someone could …') name the thing a verb in
    # them acts on, or nothing — never a 'thing' called 'I took this picture'; the photo's own story after its noun
    # ('this photo I took in Porto') and a clause after the name ('…, he's spoiling the photo') are no part of it
    "told words are no name": [
        ("remove the man in red from this picture I took", ["remove"], "man", "removing the man in red."),
        ("could you take out my cousin from the back, he's spoiling the photo of my three nieces", ["remove"],
         "person", "removing the cousin from the back."),
        ("I shot this at the lake yesterday and was hoping somebody could touch the water up to make it more green",
         ["recolor"], "water", "making the water more green."),
        ("if you could photoshop the kayak out of the picture that would be great", ["remove"], "kayak",
         "removing the kayak."),                                                                      # unchanged
        ("my husband would like the wires in the background removed", ["remove"], "wire", "the wires in the background"),
        ("fix the colours on this old photo I took of the harbour", ["enhance"], None, "the colours by what i measure."),
        ("remove the card from her hand so I can print it", ["remove"], "card", "removing the card from her hand."),
        ("remove the man beside the bride, she would rather he wasn't in it", ["remove"], "man",
         "removing the man beside the bride."),
        ("remove the bench and the bag on it, so we can finally enjoy the garden", ["remove", "remove"], "bench",
         "removing the bench, then removing the bag."),
        ("remove the bin from this photo", ["remove"], "bin", "removing the bin."),                      # unchanged
        ("brighten my sister and I", ["adjust"], "person", "you and your sister"),                   # unchanged
    ],
    # a told clause before 'remove them' names nothing: 'them' points back at what the story named
    "told words before a pronoun": [
        ("Grandpa turned eighty. Great shot, except for the two hikers behind him. Was hoping someone could "
         "remove them?", ["remove"], "hiker", "removing all the hikers."),
        ("This one is from the barbecue. The man whose elbow hides the cake is my neighbour's friend and nobody "
         "likes him. Can he be taken out?", ["remove"], "man", "removing the man."),
        ("the dog, remove it", ["remove"], "dog", "removing the dog."),                                 # unchanged
    ],
    # one capitalised word with no article that no list declares (or a given name that is also a word), not opening
    # a sentence nor after a capitalised verb, is a person's name; so is an initial, and a first name that is a word
    "a name alone or a name that is a word": [
        ("please remove Bartholomew from the picture", ["remove"], "person", "removing bartholomew."),
        ("can you erase Ottoline", ["remove"], "person", "removing ottoline."),
        ("please erase J. from the picture", ["remove"], "person", "removing j."),
        ("please remove Grace Delacroix", ["remove"], "person", "removing grace delacroix."),
        ("please remove KT Tunstall from the shot", ["remove"], "person", "removing kt tunstall"),
        ("Remove Tiara Remove paint", ["remove", "remove"], "tiara", None),                           # unchanged
        ("remove the Golden Gate Bridge", ["remove"], "bridge", None),                                # unchanged
        ("cut out Ronda Rousey", ["remove"], "person", "removing ronda rousey."),     # no more 'the Ronda Rousey'
    ],
    # what a removal's list keeps is no thing to remove: '… and just leave me', '…, but the swing can stay'
    "a kept thing in a removal": [
        ("please erase my three cousins on the right and just leave me standing", ["remove"], "person",
         "removing the three cousins on the right."),
        ("take out the kid on the swing, but the swing can stay", ["remove"], "kid", "removing the kid on the swing."),
        ("remove the dog but keep the cat", ["remove"], "dog", "removing the dog."),                     # unchanged
    ],
    # a title that names many things ('Tulips - …') is what 'them' in its ask points at; a title of one thing leaves
    # 'it' the photo
    "a title's things and 'them'": [
        ("Tulips - make them redder", ["recolor"], "tulip", "making all the tulips red"),
        ("Sailing boats. Could someone make them stand out?", ["enhance"], "boat", "sailing boats"),
        ("Sunset - make it pop", ["enhance"], None, None),                                           # unchanged
    ],
    # a removal wished with a modal after the thing ('if the kayak could be taken out'): the modal is no part of it
    "a wished removal's modal": [
        ("was hoping the kayak near the pier could be taken out", ["remove"], "kayak",
         "removing the kayak near the pier."),
        ("I'd be so happy if the kayak near the pier could be taken out", ["remove"], "kayak",
         "removing the kayak near the pier."),                                                        # unchanged
        ("the lamp by the door could be edited out", ["remove"], "lamp", "removing the lamp by the door."),
        ("the sign needs to be removed", ["remove"], "sign", "removing the sign."),                  # unchanged
    ],
    # a thing added 'in the back' / 'in the background' goes in the upper half, 'in the foreground' in the lower half
    "an added thing's depth": [
        ("add balloons in the back", ["add"], None, "in the background, the top half of the picture"),
        ("add some ducks in the foreground", ["add"], None, "in the foreground, the bottom half of the picture"),
        ("put a rainbow in the background", ["add"], None, "the top half of the picture"),
        ("add a moon in the middle", ["add"], None, "in the middle of the picture"),                 # unchanged
        ("add a tattoo on his back", ["add"], "back", None),                                         # unchanged
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind, text, want, target, says", ROWS, ids=IDS)
def test_heads_kinds(kind, text, want, target, says):
    check_row(text, want, target, says)


@pytest.mark.parametrize("text, side", [("add balloons in the back", "top"), ("add ducks in the foreground", "bottom")])
def test_an_added_thing_goes_in_the_half_its_depth_names(text, side):
    _, plan, _ = actions(text)
    regions = [c for c in plan.calls if c.tool == "region"]
    assert regions and regions[0].args.side == side and regions[0].args.fraction == 0.5, plan.reply


@pytest.mark.parametrize("text", [
    "I took this picture in Lisbon last spring and was hoping someone could make the river more blue",
    "we were wondering if the mailbox could be removed",
])
def test_told_words_are_never_selected(text):
    _, plan, _ = actions(text)
    said = [c.args.target for c in plan.calls if c.tool == "select"]
    assert said and not {"took", "wondering", "i", "we", "spring", "lisbon"} & set(said), (said, plan.reply)
