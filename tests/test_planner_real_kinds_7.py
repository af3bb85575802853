"""Kinds of colour and background request real people write that the rules misread (issue 20, the colour and
background round): a cut-out said with a file or a place to put it, a thing wanted on its own, a colour made
stronger on a named thing without a verb — each in sentences written here for the purpose; none is taken from the
real-request corpus, whose texts carry no licence.

Each row: the request, the actions the plan must take in order (the task of each inpaint, or the tool), what the
first select must find (None: no select is checked) and what the reply must say (None: not checked). A kind is a
shape, not a sentence: every kind has several sentences, and rows that must stay as they were.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_row, rows_of

KINDS = {
    # "cut X out" with a file to make or a place to put it is a cut-out (the thing kept, on nothing), not a removal
    "a cut-out said with a png or a place to put it": [
        ("cut out and png my dog", ["background"], "dog", "transparent"),
        ("can you cut my dad out as a .png so I can put him onto a birthday card", ["background"], "person",
         "transparent"),
        ("I'd like her cut out so I can stick her on a mug", ["background"], "person", "transparent"),
        ("cut the lamp out as a png please", ["background"], "lamp", "transparent"),
        ("cut out only the grandmother", ["background"], "grandmother", "transparent"),
        ("crop out just the trophy", ["background"], "trophy", "transparent"),
        # the kind's edges: a plain 'cut out X' still takes X away
        ("cut out the bin behind my son", ["remove"], "bin", None),
        ("please cut out the man walking past", ["remove"], "man", None),
    ],
    # one thing wanted on its own, with nothing else said: a cut-out of it, and unsure (it may mean a crop)
    "one thing wanted on its own": [
        ("i want only the motorbike", ["background"], "motorcycle", "transparent"),  # the finder's name (round 10)
        ("please could you send me just the guitar", ["background"], "guitar", "transparent"),
        ("can I have only the teapot", ["background"], "teapot", "transparent"),
        # the kind's edges: a place or a part of the photo is a crop, and people kept is a removal of the others
        ("crop this so it's only the horse", ["crop"], None, None),
        ("make it so it's just my horse and me", ["remove"], None, None),
    ],
    # a colour made stronger on a named thing, said without a verb or after 'touch up': a recolour of that thing
    "a stronger colour on a named thing": [
        ("the lawn a little greener", ["recolor"], "lawn", "green"),
        ("the lake a bit more blue", ["recolor"], "lake", "blue"),
        ("touch this sky up to make it bluer", ["recolor"], "sky", "blue"),
        ("touch the hedges up to make them greener", ["recolor"], "hedge", "green"),
        # the kind's edges: a colour said as a cast of the photo stays a white balance, a plain colour a recolour
        ("make the photo less yellow", ["adjust"], None, None),
        ("make the trees greener", ["recolor"], "tree", "green"),
    ],
    # everything but a thing covered in a colour that isn't named: a plain (white) background, said, and unsure
    "everything but a thing in an unnamed colour": [
        ("cover everything except the cats in one colour", ["background"], "cat", "white"),
        ("please fill everything but the two dogs with a single colour", ["background"], "dog", "white"),
        ("make everything except my bike a plain colour", ["background"], "bike", "didn't say which colour"),
        # the kind's edge: a colour named is that colour
        ("make everything but the cat black", ["background"], "cat", "black"),
    ],
    # a colour splash: black and white but for a thing that keeps its colour — everything but it made grey
    "black and white but a thing kept in colour": [
        ("make it black and white but keep the yellow taxi in colour", ["adjust"], "taxi", "everything but"),
        ("could someone turn it black and white, keeping the kite's colour", ["adjust"], "kite", "everything but"),
        ("only the scarf in colour, the rest black and white", ["adjust"], "scarf", "everything but"),
        ("could you edit it so only the lighthouse stays coloured and the rest goes black and white", ["adjust"],
         "lighthouse", "everything but"),
        ("greyscale the photo except for my daughter and the balloon", ["adjust"], "daughter", "balloon"),
        # the kind's edges: a setting kept is no thing, and a black and white with nothing kept is the whole photo
        ("convert to black and white, keeping the contrast high", ["adjust"], None, None),
        ("make it black and white please", ["adjust"], None, "black and white"),
    ],
    # the background said with a colour verb ('whiten', 'blacken') or faded: that plain colour, or lighter
    "the background whitened or faded": [
        ("whiten the background", ["background"], "person", "white"),
        ("could you blacken the backdrop behind the statue", ["background"], "statue", "black"),
        ("fade the background a bit", ["adjust"], "person", "brightening the background"),
        # the kind's edge: a thing whitened is a recolour of it
        ("whiten the fence", ["recolor"], "fence", "white"),
    ],
    # the photo changed 'so that' a thing has a colour: a recolour of the thing, not of the photo
    "the photo changed so a thing has a colour": [
        ("please change the photo so that every one of the mugs is green", ["recolor"], "mug", "green"),
        ("alter the image so that the kayaks are orange", ["recolor"], "kayak", "orange"),
    ],
    # a thing's colour taken away: it goes grey (masked saturation), it is not removed
    "a thing's colour taken away": [
        ("remove the colour from the tulips", ["adjust"], "tulip", "colour out of"),
        ("could you take the colour out of his jumper", ["adjust"], "jumper", "colour out of"),
        ("drain the colour from the sea", ["adjust"], "sea", "colour out of"),
        ("get rid of all the colour in the background", ["adjust"], "person", "background black and white"),
        ("please remove the colour from this picture", ["adjust"], None, "black and white"),
        ("take all the colour out of this picture apart from the red kite", ["adjust"], "kite", "everything but"),
        # the kind's edge: a coloured thing removed is still removed
        ("remove the coloured umbrella", ["remove"], "umbrella", None),
    ],
    # the new background said after a comma as 'something …': that background, not a question
    "a new background said as 'something …'": [
        ("can anyone do me a nice background, something outdoorsy?", ["background"], "person", "something outdoorsy"),
        ("might I have a new backdrop, maybe something with palm trees", ["background"], "person", "palm trees"),
        ("change the backdrop, something like a snowy forest", ["background"], "person", "a snowy forest"),
        # the kind's edge: nothing said after it still asks, or uses the neutral backdrop when a new one is wanted
        ("can anyone do me a nice background", [], None, "What should the new background be?"),
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind, text, want, target, says", ROWS, ids=IDS)
def test_real_request_kinds(kind, text, want, target, says):
    check_row(text, want, target, says)


def test_a_thing_wanted_on_its_own_is_unsure_and_says_a_crop_is_the_other_reading():
    """'I want only the motorbike' may mean a crop to it: the cut-out is made, the plan is unsure (so `auto` may ask
    an LLM) and the reply says how to ask for the crop instead."""
    _, plan, sure = actions("i want only the motorbike")
    assert not sure
    assert "crop" in plan.reply.lower()
    select = plan.calls[0]
    assert select.tool == "select" and select.args.exclude


def test_a_cut_out_keeps_the_thing_and_takes_the_rest():
    """The cut-out selects the thing with exclude=True, so the background — not the thing — is made transparent."""
    _, plan, _ = actions("cut the lamp out as a png please")
    assert plan.calls[0].args.target == "lamp" and plan.calls[0].args.exclude
    assert plan.calls[-1].args.background == "transparent"


def test_an_unnamed_colour_is_white_and_unsure():
    """'cover everything except the cats in one colour': white is a choice the words didn't make — unsure."""
    _, plan, sure = actions("cover everything except the cats in one colour")
    assert not sure
    assert plan.calls[0].args.exclude and plan.calls[-1].args.background == "white"


def test_a_colour_splash_greys_everything_but_what_keeps_its_colour():
    """The thing kept is selected with exclude=True (the second thing subtracted), and only that selection loses its
    colour — never the whole photo, which would lose what was asked to stay."""
    _, plan, _ = actions("greyscale the photo except for my daughter and the balloon")
    selects = [call.args for call in plan.calls if call.tool == "select"]
    assert [(a.target, a.exclude, a.subtract) for a in selects] == [("daughter", True, False), ("balloon", False, True)]
    tone = plan.calls[-1]
    assert tone.tool == "adjust" and tone.args.saturation == -1.0 and tone.args.masked


def test_a_setting_kept_is_no_colour_splash():
    _, plan, _ = actions("convert to black and white, keeping the contrast high")
    assert not any(call.tool == "select" for call in plan.calls)


def test_a_colour_taken_away_greys_only_the_thing():
    _, plan, _ = actions("remove the colour from the tulips")
    assert [call.tool for call in plan.calls] == ["select", "adjust"]
    assert plan.calls[0].args.target == "tulip" and not plan.calls[0].args.exclude
    assert plan.calls[1].args.saturation == -1.0 and plan.calls[1].args.masked
