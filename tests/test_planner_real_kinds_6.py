"""Kinds of removal and object request real people write that the plan missed (issue 20, the removal round over
the GIER requests whose editor removed or painted an object), each in sentences written here for the purpose —
none is taken from the real-request corpus, whose texts carry no licence.

Each row: the request, the actions the plan must take in order (the task of each inpaint, or the tool), what the
first select must find (None: no select is checked) and what the reply must say (None: not checked). A kind is a
shape, not a sentence: every kind has several sentences, and rows that must stay as they were.
"""

from __future__ import annotations

import pytest

from retouch.agent.planner.word_check import unasked
from tests.planner_kinds import actions, check_row, rows_of

KINDS = {
    # unnamed flaws said of the photo itself are its small ones (spots, specks, blemishes); said of a thing, or of
    # nothing, they still get a question
    "the photo's flaws": [
        ("I'd love the flaws taken out of this holiday photo", ["remove"], "blemish", "small flaws"),
        ("please get rid of the imperfections in my wedding pic", ["remove"], "blemish", "name anything bigger"),
        ("can someone remove the flaws from this old picture?", ["remove"], "blemish", None),
        ("remove the flaws", [], None, "which flaws"),
        ("remove the flaws on the fence in this photo", [], None, "which flaws"),
        ("remove the distractions from this picture", [], None, "which distractions"),
    ],
    # a wish said as its outcome leaves only some people: everyone else goes, who is named stays (the owner: the
    # largest people); a removal or a crop said in the same words stays what it was
    "only us left, said as the outcome": [
        ("can anybody make the pier shot look like we were all alone", ["remove"], "person", "largest two people"),
        ("make it look as if I was all alone on the pier", ["remove"], "person", "the largest person"),
        ("could you fix the picture so it's only me and my cat? we lost her in May", ["remove"], "person",
         "and the cat"),
        ("my uncle stepped into our shot and really we want it to be just us", ["remove"], "person",
         "read “it to be just us”"),
        ("please fix it so there aren't any other tourists around, just the man in the middle", ["remove"],
         "person", "except the man in the middle"),
        ("please edit it so there are no other tourists in it", ["remove"], "person", "the largest person"),
        ("please get the man out of this shot, I want a picture of just us boys", ["remove"], "man",
         "reason for the removal"),
        ("crop it to just the two of us", ["crop"], None, None),
        ("make it brighter, it's just a little dark", ["adjust"], None, None),
        ("a photo of just the sky would be nice", [], None, None),
        ("could someone remove the tourists from the picture (besides me). I'm the one by the railing", ["remove"],
         "person", "the largest person"),
        ("remove the guests (except the girl in yellow)", ["remove"], "person", "except the girl in yellow"),
        ("can anybody take out all the people apart from me and my wife (guy in the grey jacket beside the blonde "
         "woman)",
         ["remove"], "person", "largest two people"),
    ],
    # a thing complained of for taking the eye goes (never a sharpening, though 'focus' is a tone word); a bare
    # 'remove it' after it is the same thing
    "a thing that stole the show": [
        ("after months in a cast I could dance again, but of course the recycling bin stole the focus",
         ["remove"], "recycling bin", "stole the focus” as asking to remove it"),
        ("the red van steals all the attention. can someone remove it?", ["remove"], "van", None),
        ("that sign in the corner stole the show", ["remove"], "sign", None),
        ("make it sharper, the focus is off", ["adjust"], None, None),
    ],
    # 'crop that girl at the right' — a thing at one side, no 'out', no ratio — is her removal, said with how to ask for
    # the crop around her; a thing with no side is still the crop to it
    "crop a thing at one side": [
        ("crop the man on the left", ["remove"], "man", "say “crop to the man on the left”"),
        ("could you crop the woman on the far right please", ["remove"], "woman", None),
        ("fix it up as a present? (colours, plus crop that lady on the right?)", ["enhance", "remove"], "lady", None),
        ("crop the two girls", ["crop"], "girl", "cropping to the two girls"),
        ("crop to the man on the left", ["crop"], "man", None),
        ("crop the dog", ["crop"], "dog", None),
        ("crop the shot about right here", [], None, "how should i crop it"),  # no thing named: asked, not removed
    ],
    # a list that names a thing and a condition ('the elbow and the other noise') is both, in order — never only the
    # condition
    "a thing and a condition in one list": [
        ("could you remove this woman's arm and the other noise in this shot?", ["remove", "enhance"], None,
         "removing the noise"),
        ("remove the bin and the grain", ["remove", "enhance"], "bin", None),
        ("remove the noise and the grain", ["enhance"], None, None),
    ],
    # who the owner is, said inside a removal ('(we're the two on the left)'), is no thing to remove
    "the owner said inside a removal": [
        ("can anybody get rid of the 3 people behind us (that's us, the pair at the left edge, to be clear)",
         ["remove"], "person", "removing the three people behind us."),
        ("remove the man, I'm the one in red", ["remove"], "man", "removing the man."),
    ],
    # an aside in brackets that ends a sentence ends it; a forum tag opening a post is no part of its story
    "an aside that ends a sentence, a tag that opens a post": [
        ("It's the one shot we have from the harbour and it would be great if somebody could get rid of the 2 people "
         "behind us (we're the couple at the left, to be clear). Could anyone here help, please?", ["remove"], "person",
         "removing the two people behind us."),
        ("[Specific] We only have this one picture from the fountain and it'd be lovely if somebody could edit out "
         "the man behind us", ["remove"], "man", None),
        ("could you erase grandma (on the left) from my photo", ["remove"], "person", "the grandma on the left"),
    ],
    # a thing and 'out of the picture / background', with no verb: its removal
    "out of the picture, with no verb": [
        ("edit this photo of me at the zoo? The old man out of the background and slightly warmer colours.",
         ["enhance", "remove", "adjust"], None, "removing the old man"),
        ("my thumb out of the shot please", ["remove"], "thumb", None),
        ("the dog is out of the picture", [], None, None),
    ],
    # an outcome said as an absence ('make it look like no hands are holding her'): what is absent goes
    "an absence wished for": [
        ("can anybody make it look like no hands are holding the girl doing a cartwheel", ["remove"], "hand",
         "hands holding the girl"),
        ("make it seem like there are no wires", ["remove"], "wire", None),
        ("make it look like no time has passed", [], None, None),
    ],
    # the known wrong plans of issue 20: a list with a word that is also a function word, a crop with no size beside a
    # flip, two things put in a scene, a plain border asked for
    "the known wrong plans": [
        ("remove the lamp, the can and the poster", ["remove", "remove", "remove"], "lamp", "removing the can"),
        ("get rid of the can", ["remove"], "can", None),
        ("crop it and flip", ["crop", "crop"], None, "around the main subject"),
        ("crop it, then rotate it left", ["crop", "crop"], None, "around the main subject"),
        ("crop and zoom in on that person", ["crop"], "person", None),
        ("put the cat and my daughter on a beach", ["background"], "cat", "keeping the cat and the daughter"),
        ("put my son on a beach", ["background"], "son", None),
        ("put the cat on the sofa", ["add"], None, None),
        ("add a white border", [], None, "can't add a plain border"),
        ("give it a thin black frame", [], None, "can't add a plain border"),
        ("add a frame on the wall", ["add"], None, None),
        ("add some border", ["outpaint"], None, None),
    ],
    # 'the white space around this picture' is the photo's plain border: trimmed (a colour before, the photo after)
    "a plain area around the photo": [
        ("get rid of the white area around this image", ["crop"], None, "trimming the white border"),
        ("get rid of the black space around the photo", ["crop"], None, "trimming the black border"),
        ("remove the white area on his shirt", ["remove"], None, None),
    ],
}
ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind, text, want, target, says", ROWS, ids=IDS)
def test_real_request_kinds(kind, text, want, target, says):
    check_row(text, want, target, says)


def test_the_photos_flaws_are_every_blemish_and_unsure():
    """The photo's flaws are read by the rules, not said: every blemish is selected, and the plan is unsure so
    `auto` can check the reading."""
    _, plan, sure = actions("I need the flaws removed from this photo of the lake")
    assert not sure
    assert plan.calls[0].args.target == "blemish" and plan.calls[0].args.all


def test_an_outcome_keeps_who_it_names_and_removes_the_rest():
    """'so there aren't any other guests, just the woman in the middle': every person, the woman in the middle taken
    out of the selection, the rest removed — read by the rules, so unsure."""
    _, plan, sure = actions("I want it so there aren't any other guests here, just the woman in the middle")
    assert [call.tool for call in plan.calls] == ["select", "select", "refine_mask", "inpaint"]
    assert plan.calls[0].args.target == "person" and plan.calls[0].args.all
    kept = plan.calls[1].args
    assert kept.subtract and kept.target == "woman" and kept.position == "center"
    assert not sure


def test_the_owner_and_a_pet_keep_the_largest_person_and_the_pet():
    """'just my dog and me': the largest person and the dog are both subtracted from everyone."""
    _, plan, _ = actions("edit it please so it is just my dog and me")
    kept = [call.args for call in plan.calls if call.tool == "select" and call.args.subtract]
    assert [(args.target, args.size) for args in kept] == [("person", "largest"), ("dog", None)]


@pytest.mark.parametrize("text", ["crop the man on the left", "the red van steals all the attention",
                                  "can anybody make the pier shot look like we were all alone"])
def test_a_removal_the_rules_read_into_the_words_is_unsure(text):
    """No one said 'remove': the rules plan the removal, say how they read it, and let `auto` check it."""
    got, _, sure = actions(text)
    assert got == ["remove"] and not sure


def test_two_things_put_in_a_scene_both_stay():
    """'put the cat and my daughter on a beach': the beach is generated behind both — the cat excluded, the daughter
    subtracted from what is repainted."""
    _, plan, _ = actions("put the cat and my daughter on a beach")
    selects = [call.args for call in plan.calls if call.tool == "select"]
    assert [(args.target, args.exclude, args.subtract) for args in selects] == [("cat", True, False),
                                                                             ("daughter", False, True)]
    assert plan.calls[-1].args.background == "generate" and "beach" in plan.calls[-1].args.prompt


def test_a_flip_beside_a_crop_with_no_size_is_done_and_the_crop_made_to_the_subject():
    """'crop it and flip': the flip is made, and the bare crop is the subject crop (issue 20, round 12: it asked how
    to crop before) — never dropped as if the flip were the crop."""
    _, plan, _ = actions("crop it and flip")
    assert [call.tool for call in plan.calls] == ["crop", "crop"] and plan.calls[0].args.subject
    assert plan.calls[1].args.flip == "horizontal" and plan.calls[1].args.box is None and plan.calls[1].args.aspect is None


def test_an_llm_may_keep_people_when_the_words_wish_for_being_alone():
    """The rules are unsure of 'make the pier shot look like we were all alone', so `auto` asks an LLM: its plan
    that subtracts who stays is not refused for lack of an 'except' (word_check's SUBTRACT_CUES)."""
    text = "can anybody make the pier shot look like we were all alone"
    _, plan, _ = actions(text)
    assert any(call.tool == "select" and call.args.subtract for call in plan.calls)
    assert unasked(plan, text) is None
