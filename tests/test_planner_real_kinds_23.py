"""Nothing silent (issue 20, clauses round 13): a clause or a word that a plan dropped while saying it was sure, each
kind in sentences written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence.

Each row: the request, the actions the plan must take in order (the task of each inpaint, or the tool), what the
first select must find (None: no select is checked) and what the reply must say (None: not checked). Rows marked
"unchanged" passed before this round and must keep passing. The photo is 1200×800 (`tests/planner_kinds.CONTEXT`).
"""

from __future__ import annotations

import pytest

from retouch.agent.planner.rules_clauses import split_clauses, split_list
from retouch.agent.planner.rules_text import Words, clean
from retouch.agent.planner.word_check import unread_words
from tests.planner_kinds import actions, check_row, rows_of

KINDS = {
    # a limit said after the edit ('… without it looking too bright') is noted — never a second wish read from its
    # words (a darkening, an exposure measured) nor part of the thing before it ('it up')
    "a limit after the edit": [
        ("lighten it up, but without it looking too bright", ["adjust"], None, "noted: “without it looking too bright”"),
        ("fix the exposure without it looking too bright", ["enhance"], None, "noted"),
        ("warm it up a bit without it getting orange", ["adjust"], None, "noted: “without it getting orange”"),
        ("remove the scooter without it looking fake", ["remove"], "scooter", "noted"),
        ("brighten the faces without changing the background", ["adjust"], "face", None),          # unchanged
    ],
    # a thing to replace with nothing said for it is asked about with the words to use — not the generic "not sure"
    "a replacement with nothing said for it": [
        ("replace the scooter", [], None, "what should i put in place of the scooter? say “replace the scooter with"),
        ("swap out the old lamp please", [], None, "in place of the old lamp"),
        ("replace the scooter with a bike", ["replace"], "scooter", "with a bike"),                 # unchanged
        ("replace the blue with purple", ["recolor"], None, None),                                  # unchanged
        ("replace the background", ["background"], None, None),                                    # unchanged
    ],
    # the asker's wish ('i would love', "we'd love", 'i want you to') after an edit, with no punctuation between, is
    # a second edit — never folded into the first one's thing and dropped
    "a wish run on after an edit": [
        ("brighten the porch i would love the tulips to pop more", ["adjust", "enhance"], "porch", "the tulips"),
        ("remove the kettle i'd like the sky bluer", ["remove", "recolor"], "kettle", "the sky blue"),
        ("sharpen the bridge we'd love the lanterns brighter", ["adjust", "adjust"], "bridge", "the lanterns"),
        ("make the lawn greener i want you to remove the hose", ["recolor", "remove"], "lawn", "removing the hose"),
        ("remove the kettle, i'd love the sky bluer", ["remove", "recolor"], "kettle", "the sky blue"),
        ("remove the cones i need gone", ["remove"], "cone", "removing all the cones."),            # unchanged
    ],
    # a verb that is no noun after an edit done on its thing and where ('… around the cat *add* …') starts a new edit,
    # never the tail of the thing's name
    "an edit run on after a thing and its place": [
        ("crop the image around the cat add stars in the sky", ["crop", "add"], "cat", "adding stars"),
        ("erase the sign on the fence paint the gate red", ["remove", "recolor"], "sign", "the gate red"),  # unchanged
        ("brighten the whole picture erase the lamp post add a kite", ["adjust", "remove", "add"], None,
         "removing the lamp post"),                                                                  # unchanged
        ("remove the garden hose add gnomes", ["remove", "add"], "hose", "adding gnomes"),
        ("remove the add banner", ["remove"], None, None),                                         # unchanged
    ],
    # a bare removal verb that, said of the photo, is an enhance ('clean up') after a story works on the photo —
    # never a removal of the one the story named; a plain 'remove?' still takes what the story named
    "a bare clean-up after a story": [
        ("My uncle passed soon after this was taken. could someone clean up?", ["enhance"], None, None),
        ("my grandad passed a month after this few photos exist can anyone clean up", ["enhance"], None, None),
        ("a jogger ran into my shot. remove?", ["remove"], "jogger", None),                          # unchanged
    ],
    # a title before a colon that names many things is what 'them' in the ask points at; other titles stay as they were
    "a title and a colon": [
        ("Canoes: could you brighten them?", ["adjust"], "canoe", "the canoes"),
        ("Lanterns - make them warmer", ["adjust"], "lantern", "the lanterns"),                     # unchanged
        ("Wedding snap: remove the van", ["remove"], "van", "removing the van."),                    # unchanged
    ],
    # a list item that only says where or who the one before is: a place's name after a place, the asker beside a
    # thing — never a thing of its own to remove
    "a name said of the one before": [
        ("erase the hikers from this shot of the lake, Norway", ["remove"], "hiker", None),
        ("photoshop the boy (me) out of this photo", ["remove"], "boy", "removing the boy."),
        ("remove the 2 men at the back leaving us, the couple in front", ["remove"], "man", None),
        ("remove me and the cat", ["remove", "remove"], "person", "removing the cat"),            # unchanged
        ("remove the bin, the sign and the car", ["remove", "remove", "remove"], "bin", None),     # unchanged
    ],
    # a format said as what a look is for: the look is done, the shape kept and said — not the crop alone
    "a look for a format": [
        ("warmer for a phone wallpaper", ["adjust"], None, "i kept the photo's shape"),
        ("make it sharper for my desktop background", ["adjust"], None, "i kept the photo's shape"),
        ("crop it for a phone wallpaper", ["crop"], None, "9:16"),                                  # unchanged
        ("brighter and sharper for my nan's birthday card", ["adjust"], None, "sharpening"),       # unchanged
    ],
    # a tone verb and what it is for ('so you can see …'): the tone on the picture — never a thing called 'see', nor
    # the purpose's words read as one
    "a tone and what it lets you see": [
        ("lighten this picture so you can see the trail", ["adjust"], None, "brightening the image"),
        ("brighten it so we can see the stream better", ["adjust"], None, "brightening the image"),
        ("darken it a bit so we could make out each star", ["adjust"], None, "darkening the image"),
        ("make it clearer so we can see the kids better", ["enhance"], None, None),                # unchanged
    ],
    # the slack around the subject cropped out is the crop in around it, not a thing called 'excess'
    "the excess cropped out": [
        ("crop out the excess", ["crop"], None, "around the main subject"),
        ("crop away the excess stuff please", ["crop"], None, "around the main subject"),
        ("crop out the extra chairs", ["remove"], "chair", None),                                  # unchanged
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind, text, want, target, says", ROWS, ids=IDS)
def test_clause_kinds(kind, text, want, target, says):
    check_row(text, want, target, says)


@pytest.mark.parametrize("text, left", [
    ("crop it to 16:9 tambourine", "tambourine"),
    ("zoom in on the picture ukulele", "ukulele"),
    ("flip it horizontally trombone", "trombone"),
    ("add a border of hearts around the photo", "hearts"),
    ("rotate it 90 degrees gazebo", "gazebo"),
])
def test_a_word_a_whole_clause_handler_leaves_unread_is_said_and_the_plan_is_unsure(text, left):
    got, plan, sure = actions(text)
    assert got and got[0] in ("crop", "outpaint") and not sure, (text, plan.reply)
    assert f"understand “{left}”" in plan.reply, plan.reply


@pytest.mark.parametrize("text", [
    "crop it to 4:5 please", "rotate it 90 degrees", "extend the left side", "make it 1080x1080",
    "crop to 16:9 and brighten it", "zoom in on the picture please",
])
def test_whole_clause_handlers_stay_sure_when_every_word_is_read(text):
    got, plan, sure = actions(text)
    assert got and sure and "understand" not in plan.reply, (text, plan.reply)


def test_a_run_on_wish_is_cut_where_the_asker_starts_it():
    clauses = [c.low for c in split_clauses(clean("fix the fence i would love the ivy to look greener"))]
    assert clauses == ["fix the fence", "i would love the ivy to look greener"]


@pytest.mark.parametrize("text", ["crop it the way i want it", "remove the stuff i want gone",
                                  "make it look as i'd like it"])
def test_a_wish_inside_the_clause_is_no_cut(text):
    assert len(split_clauses(clean(text))) == 1


def test_a_place_name_and_the_asker_said_beside_a_thing_are_no_things():
    assert [p.low for p in split_list(Words.of("the hikers on the ridge, Wales"))] == ["the hikers on the ridge"]
    assert [p.low for p in split_list(Words.of("the boy, me"))] == ["the boy"]
    assert [p.low for p in split_list(Words.of("me, the dog"))] == ["me", "the dog"]


def test_unread_words_names_only_what_no_declaration_knows():
    assert unread_words("crop it to 4:5 tambourine") == ["tambourine"]
    assert unread_words("crop it to 16:9 so the dogs are formatted nicely") == []
    assert unread_words("center the tambourine", read="cropping to the tambourine") == []
