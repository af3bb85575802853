"""Stories, captions and purposes read as edits (issue 20, story23): real posts tell a story around the ask, and parts
of the story were planned as edits while the ask inside was missed — a photo named by its kind ('clean up this old
portrait') was removed as a thing; damage told in a sentence of its own ('It has a few marks and problems.') or stated
before more was asked ('my son has a scratch on his cheek, and the colours are dull') was never taken out; a joke wished
on someone ('bring him great shame') was added as words; a joke purpose ('for a laugh') became part of a name or a
prompt; a change wished in the passive ('if the tulips could be made to look fresh again') was not read; 'seem
nearer to' was asked about rather than declined; and a season's greeting or 'she would appreciate it!' closing the post
was said to be left out, as was someone's skill at editing told before the ask ('she isn't great with photoshop').
Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence.

Each row: the request, the actions the plan must take in order, and what its selects must carry, in order, as
(target, phrase) pairs (phrase None: no phrase beyond the target). Rows marked "unchanged" planned the same before.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_selects, rows_of

KINDS = {
    # the object of a clean-up is the picture itself, named by its kind or by who is in it
    "a photo named by its kind": [
        ("clean up this old portrait", ["enhance"], []),
        ("please tidy up the tintype of my great grandfather", ["enhance"], []),
        ("clean up this print of my grandma from the fifties", ["enhance"], []),
        ("could someone clean this polaroid of my aunts and their pals from 1968 up a bit", ["enhance"], []),
        ("clean this photo of my dad at the beach up", ["enhance"], []),
        ("fix this overexposed photo", ["enhance"], []),                                   # unchanged: its exposure
        ("remove the polaroid frame", ["remove"], [("polaroid", None)]),                   # unchanged: a thing named
        ("clean the mirror", [], []),                                                      # unchanged: a thing named
        ("fix the print on his shirt", [], []),                                            # unchanged: a print on a thing
    ],
    # a doubt opening the story is manners: the ask inside it is read
    "a doubt before the story": [
        ("no idea how much hope is left, but we'd be thrilled if anyone could clean this snap of my uncles up",
         ["enhance"], []),
        ("no idea how much hope is left, but could someone brighten it", ["adjust"], []),      # unchanged
    ],
    # damage told in a sentence of its own: the damage is what to take out
    "damage told after the ask": [
        ("I'd love to have this cleaned up. It has a few visible marks and issues.", ["enhance", "remove"], [("mark", None)]),
        ("could you tidy up this shot of my nan? there are some stains and creases that stand out.",
         ["enhance", "remove", "remove"], [("stain", None), ("crease", None)]),
        ("the print has some tears and flaws", ["remove"], [("tear", None)]),
        ("It has a few scratches.", ["remove"], [("scratch", None)]),                     # unchanged
        ("remove the scratch on the left", ["remove"], [("scratch", None)]),               # unchanged
        ("there are some people and a bin", [], []),                                       # unchanged: no damage
    ],
    # a fault stated, and then more asked in the same breath: the fault taken out, then the rest
    "a fault stated before more": [
        ("My son has a scratch on his cheek near his ear, and the lighting is off.", ["remove", "enhance"],
         [("scratch", "scratch on his cheek near his ear")]),
        ("my niece has a bruise on her arm and the colours are dull", ["remove", "adjust"],
         [("bruise", "bruise on her arm")]),
        ("my son has a scratch on his cheek under his eye", ["remove"], [("scratch", "scratch on his cheek under his eye")]),
        ("my dad has a beard and the photo is too dark", ["enhance"], []),                 # unchanged: no fault
    ],
    # a joke or a standing wished on someone is no edit: asked, never added as words
    "a joke wished as the edit": [
        ("please help me bring my cousin eternal shame", [], []),
        ("give my brother some glory", [], []),
        ("make my uncle seem important", [], []),
        ("make him look famous please", [], []),
        ("give him a hat", ["add"], [("person", None)]),                                    # unchanged: a thing
        ("make the colours look rich", [], []),                                            # unchanged: a tone, asked
    ],
    # a joke purpose closing a clause says what it is for, no part of the name or the prompt
    "a joke purpose": [
        ("put a crown on my dog for a laugh", ["add"], [("dog", None)]),
        ("for fun, put a clown nose on him", ["replace"], [("nose", None)]),   # his nose swapped (kinds_61)
        ("remove the bin, it's just for a laugh", ["remove"], [("bin", None)]),
        ("put a crown on my dog", ["add"], [("dog", None)]),                                # unchanged
    ],
    # a season's greeting or a wish for someone else's joy closing the post is manners, never a clause left out
    "a closing greeting": [
        ("sharpen the kite please. thanks and merry christmas to everyone", ["adjust"], [("kite", None)]),
        ("remove the bin please? Happy new year and thank you!", ["remove"], [("bin", None)]),
        ("remove the bin. she would appreciate it!", ["remove"], [("bin", None)]),
        ("add a merry christmas banner", ["add"], []),                                       # unchanged: a thing
    ],
    # someone's skill at editing told before the ask is a story, never a clause left out
    "a skill told": [
        ("My photographer is lovely, but she isn't great with photoshop. Can anyone please make this candle blend "
         "better with the photo?", ["enhance"], [("candle", None)]),
        ("my cousin is a novice with photoshop. remove the bin", ["remove"], [("bin", None)]),
        ("I'm a beginner at best with GIMP, can anyone brighten this?", ["adjust"], []),
    ],
    # a change wished in the passive is the 'make' it means
    "a change wished in the passive": [
        ("if the tulips could be made to look fresh again, that'd be lovely", ["enhance"], [("tulip", None)]),
        ("the sky can be made bluer", ["recolor"], [("sky", None)]),
        ("make the roses look alive again", ["enhance"], [("rose", None)]),                 # unchanged
    ],
    # moving one thing nearer another is no tool's: declined in one line
    "moved nearer": [
        ("make the audience seem nearer to the band", [], []),
        ("could anyone make the fans look much closer to the drummer? pretty please?", [], []),
        ("crop closer to her face", ["crop"], [("face", None)]),                            # unchanged: a crop
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,selects", ROWS, ids=IDS)
def test_kind(kind, text, want, selects):
    check_selects(text, want, selects)


def test_a_joke_wished_says_why_nothing_was_done():
    _, plan, sure = actions("please help me bring my cousin eternal shame")
    assert not plan.calls and sure, plan.reply
    assert "shame" in plan.reply and "what to change" in plan.reply and "add" in plan.reply.lower(), plan.reply


def test_a_standing_wished_says_why_nothing_was_done():
    _, plan, sure = actions("make my uncle seem important")
    assert not plan.calls and sure and "“important”" in plan.reply, plan.reply


def test_moved_nearer_is_declined_with_what_can_be_done():
    _, plan, sure = actions("make the audience seem nearer to the band")
    assert not plan.calls and sure and "can't" in plan.reply and "remove" in plan.reply, plan.reply


def test_pretty_please_is_no_enhance():
    got, plan, _ = actions("remove the bin. pretty please")
    assert got == ["remove"], plan.reply


def test_a_joke_purpose_is_no_part_of_the_reply():
    _, plan, _ = actions("put a crown on my dog for a laugh")
    assert "laugh" not in plan.reply.lower(), plan.reply


@pytest.mark.parametrize("text", ["remove the bin. she would appreciate it!",
                                  "my cousin is a novice with photoshop. remove the bin"])
def test_manners_and_a_skill_told_leave_nothing_out(text):
    _, plan, sure = actions(text)
    assert sure and "didn't understand" not in plan.reply, plan.reply


def test_a_photo_cleaned_keeps_the_amount_said():
    _, plan, _ = actions("could someone clean this polaroid of my aunts and their pals from 1968 up a bit")
    assert "a little" in plan.reply, plan.reply
