"""People named by words no list holds, and the heads of removals (issue 20, people24).

- A depth word that qualifies a noun after it names a place of its own: 'the bucket in the back porch' is a bucket
  placed on the porch — the old reading took 'in the back' for the picture's background and left a thing called
  'bucket porch'; 'the back row' of a group is still the picture's back.
- A word said after 'in the background' continues no name: 'the hikers in the background oops' are hikers there,
  never a thing called 'oops'; an apology closing the ask ('…, my bad') names nothing to remove.
- A place said bare after a name ('the joggers *middle*', 'the stranger *inbetween*', '… on the far right *left*')
  ends it: no thing is called 'middle'; two said ('the kayakers right and left') name no one place, so every one.
- Things left unnamed said with a place that is a thing ('the things on the shelf', 'the stuff under the bench') are
  what is there — an object, as 'the stuff in the back' already was — not a thing called 'stuff'.
- A doing only people do, said right after a word no list holds ('the nose-picker *smirking* at us'), names a
  person; a cat staring, a dog photobombing or a portrait 'staring down' stay what they are. A passer-by spelt short
  ('the passer's by') and a few more insults are people for the finder.
- A mark only ever written on a picture — a screenshot's username and time, a date, a jersey's numbers — is looked
  for as text (`finder_words`); the plan and its reply keep the user's word.

Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence. Each row: the request, the actions the plan must take in order, what its selects must carry, in order, as
(target, phrase) pairs, and the first select's position. Rows marked "unchanged" planned the same before.
"""

from __future__ import annotations

import pytest

from retouch.agent.planner.finder_words import finder_query
from tests.planner_kinds import actions, check_selects, rows_of

KINDS = {
    # 'back'/'front' before a noun: that noun is the place, the thing is placed in it
    "a depth word qualifying a place noun": [
        ("erase the bucket in the back porch", ["remove"], [("bucket", "bucket in the back porch")], None),
        ("remove the old man and the stroller in the back corridor", ["remove", "remove"],
         [("man", "old man"), ("stroller", "stroller in the back corridor")], None),
        ("get rid of the hose in the front garden", ["remove"], [("hose", "hose in the front garden")], None),
        ("remove the boy in the back row", ["remove"], [("boy", None)], "background"),
        ("remove the bikes in the back", ["remove"], [("bike", None)], "background"),                  # unchanged
        ("remove the bucket in the porch", ["remove"], [("bucket", "bucket in the porch")], None),      # unchanged
        ("remove the girl in the back with a scarf", ["remove"], [("girl", "girl with a scarf")], "background"),
    ],
    # after 'in the background' the name is over
    "a stray word after the background": [
        ("remove the hikers in the background oops", ["remove"], [("hiker", None)], "background"),
        ("delete the joggers in the distance mistake", ["remove"], [("jogger", None)], "background"),
        ("erase the skiers in the background, my bad", ["remove"], [("skier", None)], "background"),
        ("remove the benches in the back drop", ["remove"], [("bench", None)], "background"),
        ("erase the lady in the background holding a cup", ["remove"], [("lady", "lady holding a cup")],
         "background"),                                                                               # unchanged
        ("remove the boats in the background please", ["remove"], [("boat", None)], "background"),     # unchanged
    ],
    # a place said bare after the name ends it
    "a bare place after the name": [
        ("remove the joggers middle", ["remove"], [("jogger", None)], "center"),
        ("please erase the awkward stranger inbetween", ["remove"], [("person", "awkward stranger")], None),
        ("remove the skiers on the far right left", ["remove"], [("skier", None)], "right"),
        ("erase the kayakers right and left", ["remove"], [("kayaker", None)], None),
        ("erase the boy with the kite right behind us", ["remove"], [("boy", "boy with the kite")], "behind"),
        ("remove the granny on the left", ["remove"], [("granny", None)], "left"),                    # unchanged
        ("remove the lamp in the middle", ["remove"], [("lamp", None)], "center"),                    # unchanged
    ],
    # things left unnamed, said with their place, are whatever is there
    "unnamed things at a place": [
        ("please remove the things on the shelf", ["remove"], [("object", "things on the shelf")], None),
        ("erase the stuff under the bench", ["remove"], [("object", "stuff under the bench")], None),
        ("remove that thing on her hat", ["remove"], [("object", "thing on her hat")], None),
        ("erase the objects at the top of this snapshot", ["remove"], [("object", None)], "top"),   # unchanged
        ("remove the ship thing", ["remove"], [("ship", "ship thing")], None),                         # unchanged
    ],
    # a doing only people do names a person, whatever the word before it
    "a person said by what they do": [
        ("remove the nose-picker smirking at us", ["remove"], [("person", "nose-picker smirking at us")], None),
        ("erase the lurker ogling the bride", ["remove"], [("person", "lurker ogling the bride")], None),
        ("please get rid of the windbag heckling the band", ["remove"],
         [("person", "windbag heckling the band")], None),
        ("remove the cat staring at the lens", ["remove"], [("cat", "cat staring at the lens")], None),          # unchanged
        ("remove the dog photobombing us", ["remove"], [("dog", "dog photobombing us")], None),                 # unchanged
        ("remove the parrot chatting away", ["remove"], [("parrot", "parrot chatting away")], None),             # unchanged
        ("remove the picture frame staring down at us", ["remove"],
         [("picture frame", "picture frame staring down at us")], None),                                       # unchanged
        ("remove the fan on the left", ["remove"], [("fan", None)], "left"),                                   # unchanged
        ("remove the model car", ["remove"], [("car", "model car")], None),                                    # unchanged
        ("remove the timer app icon", ["remove"], [("icon", "timer app icon")], None),                         # unchanged
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,selects,position", ROWS, ids=IDS)
def test_kind(kind, text, want, selects, position):
    check_selects(text, want, selects)
    _, plan, _ = actions(text)
    first = next(c for c in plan.calls if c.tool == "select")
    assert first.args.position == position, (text, plan.reply)


def test_a_place_of_its_own_is_said_in_the_reply():
    _, plan, _ = actions("erase the bucket in the back porch")
    assert "bucket in the back porch" in plan.reply and "bucket porch" not in plan.reply, plan.reply


def test_an_apology_after_the_ask_asks_nothing():
    _, plan, _ = actions("erase the skiers in the background, my bad")
    assert "?" not in plan.reply and "bad" not in plan.reply, plan.reply


@pytest.mark.parametrize("text,word", [
    ("remove the passer's by near the fountain", "passer"),
    ("delete the numbskulls from the front of this photo", "numbskull"),
    ("crop out the nitwit by the car", "nitwit"),
])
def test_a_passer_by_spelt_short_and_an_insult_are_found_as_people(text, word):
    _, plan, _ = actions(text)
    first = next(c for c in plan.calls if c.tool == "select")
    assert first.args.target == word, (text, plan.reply)
    assert finder_query(first.args.target, first.args.phrase).target == "person", (text, plan.reply)


@pytest.mark.parametrize("word", ["model car", "fan", "timer app icon", "picker", "cherry picker"])
def test_things_stay_things_for_the_finder(word):
    assert finder_query(word).target == word


@pytest.mark.parametrize("text,mark", [
    ("remove the username and the time from this screenshot", ["username", "time"]),
    ("erase the date in the corner", ["date"]),
    ("please take out the numbers on his jersey", ["number"]),
])
def test_a_mark_written_on_the_picture_is_looked_for_as_text(text, mark):
    _, plan, _ = actions(text)
    selects = [c for c in plan.calls if c.tool == "select"]
    assert [c.args.target for c in selects] == mark, (text, plan.reply)
    assert all(finder_query(c.args.target, c.args.phrase).target == "text" for c in selects), (text, plan.reply)
    assert "the " + mark[0] in plan.reply, plan.reply          # the reply keeps the user's word


@pytest.mark.parametrize("word", ["name tag", "timer", "time stamp", "clock"])
def test_a_thing_named_after_a_written_mark_is_no_text(word):
    assert finder_query(word).target != "text"
