"""A target's head and position as real people say them (issue 20, heads18): two things named with a slash ('the
stains/scratches') were read as the first one only, and one left with a slash ('the statues/') kept it in its name;
what a name keeps out ('the tourists other than the bride') was read as its head; a compound head said in two words
('the water mark', 'the pony tail') was its last word; where a thing is taken from ('from the foreground', 'out of the
back', 'removed from the background'), who it is said in brackets after it ('(he's on the left)'), people 'on the back',
and where a thing a story names stands ('there's a man in the background …
remove him') were lost; 'the stuff in the back' was 'this'. Every sentence is written here for the purpose — none is
taken from the real-request corpus, whose texts carry no licence.

Each row: the request, the actions the plan must take in order, and what its selects must find, in order, as
(target, position) pairs (position None: no position). Rows marked "unchanged" planned the same before this round.
"""

from __future__ import annotations

import pytest

from retouch.agent.planner.rules_target import slash_items
from retouch.agent.planner.rules_text import Words
from tests.planner_kinds import actions, rows_of

KINDS = {
    # two things named with a slash: each is a thing, read with the rest of the name
    "a slash between two things": [
        ("can the stains/scratches be removed", ["remove", "remove"], [("stain", None), ("scratch", None)]),
        ("remove the glare/reflections on the shop window", ["remove", "remove"], [("glare", None), ("reflection", None)]),
        ("please erase the lady/pushchair from the background",
         ["remove", "remove"], [("lady", "background"), ("pushchair", "background")]),
        ("can the smudges/creases on this print be removed so it looks newer?",
         ["remove", "remove"], [("smudge", None), ("crease", None)]),
        ("select the kettle/teapot", [], [("kettle", None), ("teapot", None)]),
        ("brighten the statues/", ["adjust"], [("statue", None)]),                 # one thing: no slash in the name
        ("remove the tourists/crowd behind us", ["remove"], [("person", "behind")]),      # one thing said twice
        ("remove the swimmers in the lake/pool", ["remove"], [("swimmer", None)]),          # unchanged: a place
        ("make the grey/white sky a deep blue", ["recolor"], [("sky", None)]),            # unchanged: two colours
    ],
    # what a name keeps out is never its head
    "what a name keeps out": [
        ("remove the hikers in the front other than the guide", ["remove"], [("hiker", "foreground")]),
        ("delete all the kayaks apart from the yellow one", ["remove"], [("kayak", None)]),
        ("get rid of the other guests except for me", ["remove"], [("guest", None)]),
        ("turn the picture black and white except for the tulips", ["adjust"], [("tulip", None)]),   # unchanged
        ("remove everything except the boat", ["background"], [("boat", None)]),                 # unchanged
    ],
    # a compound head said in two words is the compound
    "a compound said in two words": [
        ("remove the water mark", ["remove"], [("watermark", None)]),
        ("take off the water marks in the corner", ["remove"], [("watermark", None)]),
        ("remove this womans pony tail", ["remove"], [("ponytail", None)]),
        ("erase the lap top on the desk", ["remove"], [("laptop", None)]),
        ("remove the sun glare", ["remove"], [("sun glare", None)]),                        # unchanged: declared
        ("remove the power line", ["remove"], [("power line", None)]),                      # unchanged: declared
    ],
    # where a thing is taken from, said after its name or after the handler's particle, is where it is
    "where a thing is taken from": [
        ("Remove the cyclists from the foreground.", ["remove"], [("cyclist", "foreground")]),
        ("erase the pigeons from the foreground of this photo", ["remove"], [("pigeon", "foreground")]),
        ("photoshop this waiter out of the foreground of the shot", ["remove"], [("waiter", "foreground")]),
        ("could someone photoshop the jogger out of the back please?", ["remove"], [("jogger", "background")]),
        ("take the man out of the back", ["remove"], [("man", "background")]),
        ("I need the tourists removed from the background", ["remove"], [("person", "background")]),
        ("Remove objects from the foreground", ["remove"], [("object", "foreground")]),
        ("remove the stuff in the back", ["remove"], [("object", "background")]),
        ("remove the ones at the back", ["remove"], [("object", "background")]),           # unchanged
        ("take the guy out of the background", ["remove"], [("man", "background")]),       # unchanged
        ("remove the logo from the front of his jersey", ["remove"], [("logo", None)]),     # the jersey's front
        ("take the crates out of the back of the van", ["remove"], [("crate", None)]),     # the van's back
        ("take the sticker off the back window", ["remove"], [("sticker", None)]),         # a window, no place
    ],
    # who the thing is, said in brackets after it, and people 'on the back': where it is
    "where it is, said after the thing": [
        ("please shop my nephew out of this snapshot (he is on the left)", ["remove"], [("nephew", "left")]),
        ("take the cameraman out of this shot (guy kneeling on the right)?", ["remove"], [("cameraman", "right")]),
        ("photoshop the scarecrow out from the right of the picture", ["remove"], [("scarecrow", "right")]),
        ("can someone erase the woman on the back, thanks!", ["remove"], [("woman", "background")]),
        ("erase the three kids on the back and the bin", ["remove", "remove"], [("kid", "background"), ("bin", None)]),
        ("change the logo on the back to red", ["recolor"], [("logo", None)]),               # unchanged: a shirt's back
        ("take the sticker off the left boot", ["remove"], [("sticker", None)]),             # a boot, no place
    ],
    # a thing a story names with its place, pointed back at later, is the thing there
    "a story's thing and its place": [
        ("Lovely shot apart from the man in the background. Can someone remove him?", ["remove"], [("man", "background")]),
        ("I love this photo of my nan but there's a kid in the background, can anyone help me out?",
         ["remove"], [("kid", "background")]),
        ("there's a bin in the back, remove it please", ["remove"], [("bin", "background")]),   # unchanged
        ("My favourite shot of us, but the boy in the back is so distracting.", ["remove"], [("boy", "background")]),
        ("The jogger in the background spoils this picture. could anyone help?",
         ["remove"], [("jogger", "background")]),
        ("there's a man in the back row, remove him", ["remove"], [("man", None)]),         # a row: no place read
        ("Want the blue Vespa photoshopped out of the background please", ["remove"], [("vespa", "background")]),
    ],
}

ROWS, IDS = rows_of(KINDS)


def _selects(text: str) -> tuple[list[str], list[tuple[str, str | None]], str]:
    got, plan, _ = actions(text)
    found = [(call.args.target, call.args.position) for call in plan.calls
             if call.tool == "select" and not call.args.subtract]
    return got, found, plan.reply


@pytest.mark.parametrize("kind,text,want,selects", ROWS, ids=IDS)
def test_kind(kind, text, want, selects):
    got, found, reply = _selects(text)
    assert got == want, (text, reply)
    assert found[:len(selects)] == selects, (text, found, reply)


def test_a_slash_list_is_split_into_names_that_keep_the_rest_of_the_name():
    said = [words.orig for words in slash_items(Words.of("the Scuffs/Dents on the door"))]
    assert said == ["the Scuffs on the door", "the Dents on the door"]


def test_a_slash_between_words_that_name_nothing_or_inside_a_place_is_left_alone():
    for text in ("the dark/light bits", "the boats on the river/lake", "the cup/cups", "the a/b/c parts"):
        assert [w.low for w in slash_items(Words.of(text))] == [text], text


def test_a_depth_after_the_name_is_said_in_the_reply_as_the_place():
    _, _, reply = _selects("photoshop the jogger out of the back")
    assert "in the background" in reply


def test_things_named_only_as_objects_or_stuff_in_a_place_are_all_of_them():
    for text in ("Remove objects from the foreground", "remove the stuff in the back", "erase the things on the left"):
        _, plan, _ = actions(text)
        select = next(call.args for call in plan.calls if call.tool == "select")
        assert select.target == "object" and select.all and select.position, (text, select)
    _, plan, _ = actions("remove the object on the left")
    assert not next(call.args for call in plan.calls if call.tool == "select").all
