"""People named by words the planner did not know, and terse lines that name a topic but no way (issue 20, people23).

A person called by an insult, a step- or nickname relation or a job ('that moron', 'my stepbrother', 'the
firefighter') was looked for by a finder that knows only people under that word — it found nothing; an -s on an
irregular plural ('the womens') did the same. And only the head word of a name decides its label now: 'palm tree' was
asked of the finder as a hand, 'a model car' would have been a person.

A line that names the light or the colour changed, or a filter, with no way to move it ('colour change', 'change the
exposure', 'Filters') was planned as a sure edit that guessed the way; said alone it now asks which way, naming what
was understood. Beside another edit the measured correction stays ('crop it square and add a filter').

Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence. Rows marked "unchanged" planned the same before.
"""

from __future__ import annotations

import pytest

from retouch.agent.planner.finder_words import finder_query, label_of
from tests.planner_kinds import actions, rows_of

PEOPLE = {
    # (request, actions, what the finder is asked for, a word the reply keeps)
    "an insult for a person": [
        ("erase that moron by the fountain", ["remove"], "person", "moron"),
        ("get rid of the jerk holding the balloon", ["remove"], "person", "jerk"),
        ("can you remove the creep staring at us", ["remove"], "person", "creep"),
    ],
    "a step- or nickname relation": [
        ("take my stepbrother out of the shot", ["remove"], "person", "stepbrother"),
        ("remove my hubby on the left", ["remove"], "person", "hubby"),
        ("remove the groomsmen behind the cake", ["remove"], "person", "groomsmen"),
    ],
    "a job or a role": [
        ("please remove the firefighter on the ladder", ["remove"], "person", "firefighter"),
        ("remove the rider next to the barn", ["remove"], "person", "rider"),
    ],
    "an -s on an irregular plural": [
        ("delete the womens on the right", ["remove"], "person", "womens"),
    ],
    "a thing that shares a word with a person": [
        ("remove the model car", ["remove"], "car", "model car"),                   # unchanged
        ("remove the player on the left", ["remove"], "person", "player"),          # unchanged: a person in sport
        ("remove the fan in the corner", ["remove"], "fan", "fan"),                 # unchanged: a fan is a thing
        ("remove the coach parked by the road", ["remove"], "coach", "coach"),      # unchanged: a coach is a bus
        ("remove the palm tree", ["remove"], "palm tree", "palm tree"),             # was asked for as a hand
    ],
}

ROWS, IDS = rows_of(PEOPLE)


@pytest.mark.parametrize("kind,text,want,label,says", ROWS, ids=IDS)
def test_a_person_word_reaches_the_finder_as_a_person(kind, text, want, label, says):
    got, plan, _ = actions(text)
    assert got == want, (text, plan.reply)
    select = next(call.args for call in plan.calls if call.tool == "select")
    assert finder_query(select.target, select.phrase).target == label, (text, select)
    assert says in plan.reply.lower(), (text, plan.reply)


@pytest.mark.parametrize("words,label", [
    ("idiot", "person"), ("the douchebag", "person"), ("my stepdaughter", "person"), ("her sis", "person"),
    ("mens", "person"), ("the childrens", "person"), ("grandchildren", "person"), ("the chef's", "person"),
    ("a model car", None), ("the baby bump", None), ("palm tree", None), ("bro tan line", None),
    ("her left hand", "hand"), ("the little girls", "person"),                  # unchanged
])
def test_only_the_head_word_decides_the_label(words, label):
    assert label_of(words) == label


TERSE = {
    # (request, actions, words the reply holds)
    "a topic changed with no way, alone": [
        ("colour change", [], "colours changed — which way?"),
        ("some tone changes", [], "colours changed — which way?"),
        ("a lighting change please", [], "lighting changed — which way?"),
        ("change the exposure", [], "lighting changed — which way?"),
        ("change the colors please", [], "colours changed — which way?"),
        ("change the colour", [], "colours changed — which way?"),      # was the generic 'not sure' (kinds_57)
    ],
    "a bare filter, alone": [
        ("Filters!", [], "which look should the filter give?"),
        ("put a filter on this photo", [], "which look should the filter give?"),
        ("add some effects", [], "which look should the filter give?"),
    ],
    "a way said, or another edit beside it": [
        ("make the colours warmer", ["adjust"], "warming"),                            # unchanged
        ("change the lighting to warmer", ["adjust"], "warming"),                      # unchanged
        ("colour correction", ["enhance"], "by what i measure"),                       # unchanged
        ("fix the lighting", ["enhance"], "exposure"),                                 # unchanged
        ("a nice filter please", ["enhance"], "no named filters"),                     # unchanged: wished nicer
        ("add a sepia filter", ["adjust"], "warming"),                                 # unchanged: a look named
        ("crop it square and add a filter", ["crop", "enhance"], "no named filters"),  # unchanged
        ("brighten it, and a colour change", ["adjust", "enhance"], "colour cast"),    # unchanged
        ("change the colour of the scarf", [], "what colour should the scarf be?"),  # unchanged: which colour
    ],
}

TERSE_ROWS, TERSE_IDS = rows_of(TERSE)


@pytest.mark.parametrize("kind,text,want,says", TERSE_ROWS, ids=TERSE_IDS)
def test_a_terse_topic_asks_which_way_when_alone(kind, text, want, says):
    got, plan, _ = actions(text)
    assert got == want, (text, plan.reply)
    assert says in plan.reply.lower(), (text, plan.reply)
    if not want:
        assert not plan.calls and plan.reply.rstrip(")").endswith((".", "?")), plan.reply


def test_the_question_replaces_the_guess_only_when_nothing_else_is_edited():
    """'change the exposure' brightened the photo (+0.25), sure: the way was a guess. Beside a crop it is measured."""
    _, alone, _ = actions("change the exposure")
    assert not alone.calls and "?" in alone.reply
    got, beside, _ = actions("crop it square, change the exposure")
    assert got == ["crop", "enhance"] and "?" not in beside.reply, beside.reply
