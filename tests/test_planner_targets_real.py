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
        ("make the grass a little bit more vivid", ["adjust"], "grass", None),
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
        ("remove the writing on the van", ["remove"], "writing", None),
        ("remove the text box", ["remove"], "text", None),
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
    """'restore the whole picture so the tears are gone': more than a name — the tears are what goes."""
    got, plan, _ = actions("restore the whole picture so the tears are gone")
    assert first_target(plan) != "picture", plan.reply
