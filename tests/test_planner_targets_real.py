"""The thing a plan's select looks for, in the shapes real people name it (issue 20, the target-head round).

Found by planning the unlabelled real requests and reading what each select was told to find; every sentence here
is written for this file — none is taken from the real-request corpus, whose texts carry no licence. A kind is a
shape: each has several sentences, and rows that must stay as they were.

Each row: the request, the actions the plan takes in order (an inpaint's task, or the tool), what the first select
must find, and words its reply must hold (None: not checked).
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_row, first_target, rows_of

KINDS = {
    # a degree, a place word or a comparative after the thing ends its name: 'the sky *much* brighter'
    "a word after the name that starts something else": [
        ("make the lake much bluer", ["recolor"], "lake", None),
        ("turn the roof slightly redder", ["recolor"], "roof", None),
        ("make the grass look a touch more vivid", ["adjust"], "grass", None),
        ("please take out the mole here", ["remove"], "mole", "removing the mole."),
        ("get rid of the scooter there", ["remove"], "scooter", "removing the scooter."),
        ("make the curtains look less orange", ["adjust"], "curtain", None),
        ("can you remove the kite i was flying", ["remove"], "kite", None),
        ("remove the cones we put out", ["remove"], "cone", None),
        ("make the hoodie darker green", ["recolor"], "hoodie", "darker green"),
        ("make the jacket brighter red", ["recolor"], "jacket", "brighter red"),
        ("remove the man in blue who is very tall", ["remove"], "man", "man in blue who is very tall"),
    ],
    # a possessive before the word that would end the name keeps the name whole
    "a possessive before an ending word": [
        ("tidy up my nephew's only school photo", ["enhance"], None, None),
        ("remove my cousin's balloon", ["remove"], "balloon", None),
    ],
    # 'could her coat be grey': the coat (a noun after 'her'), not the clothes of someone called 'coat'
    "a thing of hers said with be": [
        ("could her jumper be grey", ["recolor"], "jumper", "grey"),
        ("can his scarf be yellow instead", ["recolor"], "scarf", "yellow"),
        ("could her dress be lilac", ["recolor"], "dress", "lilac"),
        ("dress him in navy", ["recolor"], "clothes", "navy"),
        ("dress the twins in white", ["recolor"], "clothes", "white"),
    ],
    # 'most of the creases', 'a few of the gulls': the thing counted, not the count
    "a share of the things": [
        ("remove most of the creases", ["remove"], "crease", None),
        ("could you erase a few of the gulls", ["remove"], "gull", None),
        ("remove half of the fence", ["remove"], "fence", None),
        ("get rid of several of the lamp posts", ["remove"], "lamp post", None),
        ("remove both sets of footprints", ["remove"], "footprint", None),
        ("remove the bits of tape", ["remove"], "tape", None),
    ],
    # a place said with 'all the way', 'right', 'way': part of the place, not the thing
    "a place with a lead-in": [
        ("remove the runner all the way on the right", ["remove"], "runner", "on the right"),
        ("remove the flag right at the top", ["remove"], "flag", "at the top"),
        ("remove the van way in the back", ["remove"], "van", "in the background"),
    ],
    # a quoted word after an adjective is the thing; a quoted word after a noun is what it says
    "a quoted name": [
        ("remove the other \"guests\"", ["remove"], "guest", None),
        ("remove the text \"closed\"", ["remove"], "text", None),
        ("remove the blue \"exit\" sign", ["remove"], "sign", None),
    ],
    # 'the words happy new year', 'the caption best day ever': written words, whatever they say
    "written words with what they say": [
        ("erase the words good luck", ["remove"], "word", None),
        ("remove the caption summer camp", ["remove"], "caption", None),
        ("remove the writing on the van", ["remove"], "text", None),          # the finder's common name (round 10)
        ("remove the text box", ["remove"], "text", None),
    ],
    # a shortened 'with' and 'out of' end the name like the words they stand for
    "a shortened preposition": [
        ("can you remove the man w the umbrella", ["remove"], "man", None),
        ("remove the woman w/ the pram", ["remove"], "woman", None),
    ],
    # 'make this look …': 'this' is the photo, not a thing called 'look'
    "the photo said as this, then a verb": [
        ("could somebody make the photo look a lot more vibrant", ["adjust"], None, "image"),
        ("make this seem brighter", ["adjust"], None, "brightening the image"),
        ("make the photo look brighter", ["adjust"], None, "brightening the image"),
        ("make her face look brighter", ["adjust"], "face", None),
    ],
    # 'change X to be brighter': a look for X, not a new thing called 'be brighter'
    "a look said as what it becomes": [
        ("change the lamp to be brighter", ["adjust"], "lamp", None),
        ("change the lamp to a candle", ["replace"], "lamp", "candle"),
    ],
    # a tone diagnosis is a whole word: 'look brighter' is no 'bright' with 'er' left over
    "a comparative after look": [
        ("make the photo look brighter", ["adjust"], None, "brightening the image"),
        ("this photo is too reddish", ["enhance"], None, "colour cast"),
    ],
    # 'the background from grey to white': the old colour is no subject to keep
    "a background's old colour": [
        ("change the background from grey to white", ["background"], "person", "white"),
        ("could you make the background of this one black", ["background"], "person", "black"),
        ("change the background behind the blue van to white", ["background"], "van", "white"),
    ],
    # an aside in brackets that says more of the thing before it is that thing, not a second one
    "an aside about the thing before": [
        ("remove the two boys on the left (the ones with the kites)", ["remove"], "boy", None),
        ("please remove me (behind the tree) from the photo", ["remove"], "person", None),
        ("remove the lamp, the sign and the bin", ["remove", "remove", "remove"], "lamp", None),
    ],
    # 'that boat thing': the word before a vague noun names it
    "a vague noun after a name": [
        ("remove that boat thing", ["remove"], "boat", None),
        ("remove the black thing in the corner", ["remove"], "thing", None),
        ("remove the weird thing", ["remove"], "thing", None),
    ],
    # 'as much X as possible', 'X though', 'the can': what is around a name is not the name
    "words around a name": [
        ("remove as much of the graffiti as possible", ["remove"], "graffiti", "removing the graffiti."),
        ("remove that kid at the right though", ["remove"], "kid", None),
        ("get rid of the beer can", ["remove"], "beer can", None),
    ],
    # a command verb or a 'so' a handler left before the name is not the name
    "a verb left before the name": [
        ("change the lighting on her face and then make it brighter", ["adjust", "adjust"], "face", None),
        ("could anyone brighten this so the boy is more visible", ["adjust"], "boy", "the boy"),
    ],
    # 'this beach-pic', 'the selfies', 'the hoodies': the picture named with a hyphen, plurals in -ies
    "word forms": [
        ("remove the tourists from this holiday-pic", ["remove"], "person", "removing all the tourists."),
        ("remove the hoodies on the chair", ["remove"], "hoodie", None),
        ("remove the cookies", ["remove"], "cookie", None),
        ("remove the puppies", ["remove"], "dog", None),
    ],
    # two names with a slash: each is a thing, read with the rest of the name (heads18: was the first alone)
    "a slash between two names": [
        ("erase my fuzzy arm/hand at the bottom", ["remove", "remove"], "arm", "hand at the bottom"),
        ("please remove the glare/reflection on his glasses", ["remove", "remove"], "glare", "reflection on his glasses"),
        ("get rid of the shadows to the left/right of the van", ["remove"], "shadow", None),
    ],
    # 'the men sat on the wall', 'the glare away from their faces', 'the guy in the bottom corner'
    "how or where it is, after the name": [
        ("remove the couple sat on the wall", ["remove"], "couple", None),
        ("remove that shadow away from the porch steps", ["remove"], "shadow", None),  # on a face: lifted, not removed
        ("remove the boy in the bottom corner", ["remove"], "boy", "in the bottom corner"),
        ("remove the stain fixed on his collar", ["remove"], "stain", None),
        ("remove the passers-by", ["remove"], "person", None),
    ],
    # 'behind my wife and I': the owner said with the one before is no second thing to remove
    "the owner said with and I": [
        ("please remove the sheds behind my wife and I", ["remove"], "shed", None),
        ("remove the man at the back of the photo of my aunt and I", ["remove"], "man", None),
        ("remove the dog and me", ["remove", "remove"], "dog", None),
    ],
    # a name said again in an aside as 'the one …': the name, not 'one'
    "a name, then the one": [
        ("remove my stepmom (the one in grey)", ["remove"], "stepmom", None),
        ("remove the kayak, the one with the stripes", ["remove"], "kayak", None),
        ("remove the red one", ["remove"], "object", None),
    ],
    # a participle after the thing says what was done to it: 'teeth whitened, glare reduced'
    "a thing, then what was done to it": [
        ("remove the bed", ["remove"], "bed", None),
        ("remove the seaweed", ["remove"], "seaweed", None),
    ],
    # 'on the right side of the statue': where the thing is, not the thing
    "a side of another thing": [
        ("remove the old man standing to the right of the fountain", ["remove"], "man", None),
        ("erase the man on the left side", ["remove"], "man", "on the left"),
        ("remove the canvas part of the boat", ["remove"], "boat", None),
    ],
    # a colour that names a person, said last
    "a person named by hair colour": [
        ("erase the cute redhead on the left", ["remove"], "redhead", None),
        ("make her hair blonde", ["recolor"], "hair", None),
    ],
}
ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind, text, want, target, says", ROWS, ids=IDS)
def test_target_kinds(kind, text, want, target, says):
    check_row(text, want, target, says)


def test_a_name_cut_short_keeps_no_tail_in_the_phrase():
    """The words after the name's end are no part of what the finder is told ('the kite' — not 'kite i was')."""
    _, plan, _ = actions("can you remove the kite i was flying")
    select = next(call for call in plan.calls if call.tool == "select")
    assert select.args.target == "kite" and select.args.phrase is None


def test_a_clause_with_its_own_article_is_not_cut_at_so():
    """'restore the entire photo so the tears are gone': more than a name — the tears are what goes."""
    got, plan, _ = actions("restore the entire photo so the tears are gone")
    assert first_target(plan) != "picture", plan.reply


@pytest.mark.parametrize("word", ["cyclist", "jogger", "stepmom", "mother-in-law", "lifeguard", "redhead"])
def test_a_person_by_role_or_family_is_asked_of_a_finder_as_a_person(word):
    """A finder that knows only people is asked for a person, the word kept as its name."""
    from retouch.agent.planner.finder_words import finder_query

    query = finder_query(word)
    assert (query.target, query.name) == ("person", word)


@pytest.mark.parametrize("name, head", [
    ("the eyes brightened", "eye"), ("the glare reduced", "glare"), ("my photos edited", "photo"),
    ("the flowerbed", "flowerbed"), ("the seabed", "seabed"), ("the red", "red"),
])
def test_a_participle_after_the_thing_is_not_its_head(name, head):
    """'the eyes brightened': what was done to the eyes — the head stays the eyes (not 'the seabed')."""
    from retouch.agent.planner.rules_target import parse_target
    from retouch.agent.planner.rules_text import Words

    assert parse_target(Words.of(name)).target == head
