"""The GIER blur and colour/background classes (issue 20, blur-and-background round 19): a plain background with no
colour named ("give her a plain backdrop") is the default plain colour, said and unsure, never a prompt of the word
"plain"; the background whited or blacked out with its words joined or widened ("whiteout the backdrop", "white out
the whole background", "blackout the windows" — `VERBS`); a background blurred "like a real camera" or given a "lens
blur" is the portrait look (`PORTRAIT_LOOKS`), never a camera or a lens found and softened; the subject set apart
from the background ("make me stand out from the backdrop", "more separation from the background") is the background
blurred behind it, and "edit the groom so he can stand out" removes no one (`STAND_OUT_VERBS`); a recolour told to match another
thing ("make his socks navy to match the tie", "paint the door to match the frames") does the colour said, or asks for
one, never reading "match the frames" as the thing; "recolour the kettle" with no colour asks which; black and white
typed "black&white" is the colour taken away, never a thing called "&white" painted black; "place the teapot to a
grey background" and "give it a background of a misty harbour" are that background behind the subject, and "more of a
tan colour" is tan. Every sentence is written
here for the purpose — none is taken from the real-request corpus, whose texts carry no licence.

Each kind row: the request, the actions the plan must take in order, what the first select must find (None: not
checked) and what the reply must say (None: not checked). Rows marked "unchanged" planned the same before this round.
"""

from __future__ import annotations

import pytest

from retouch.agent.planner.rules_vocab import UNNAMED_COLOUR_DEFAULT
from tests.planner_kinds import actions, check_row, rows_of

KINDS = {
    # a plain ground with no colour named: the default plain colour, said
    "plain background": [
        ("could you give my aunt a plain backdrop", ["background"], "person", "didn't say which colour"),
        ("a plain background would be lovely", ["background"], "person", "making the background white"),
        ("swap the background for something plain", ["background"], "person", "didn't say which colour"),
        ("only his shoulders up, plain background, and a bit sharper", ["background", "adjust"], "person",
         "making the background white"),
        ("put a simple backdrop behind the puppy", ["background"], "dog", "making the background white"),
        # unchanged: a plain ground with its colour named is that colour, and sure
        ("I'd love a plain grey background", ["background"], "person", "making the background gray"),
        ("put the teapot on a plain black backdrop", ["background"], "teapot", "making the background black"),
        ("change the backdrop to a snowy meadow", ["background"], "person", "snowy meadow"),
    ],
    # a subject placed 'to' a background, or a background given 'of' a scene: that background behind it
    "placed to / given of": [
        ("place the teapot to a grey background", ["background"], "teapot", "making the background gray"),
        ("put the puppy to a meadow background", ["background"], "dog", "meadow"),
        ("give it a background of a misty harbour", ["background"], "person", "misty harbour"),
        ("give background of a pine forest", ["background"], "person", "pine forest"),
        # unchanged: a thing added 'to' a background is an add, and an added backdrop of a scene
        ("add the dragon to a snowy background", ["add"], None, "adding"),
        ("add a backdrop of a misty harbour", ["background"], "person", "misty harbour"),
    ],
    # a background colour said as 'more of a … colour': that colour, never a scene of those words
    "more of a colour": [
        ("switch the backdrop to more of a tan colour", ["background"], "person", "making the background tan"),
        ("make the background more of a light pink shade", ["background"], "person", "light pink"),
        # unchanged: the colour said plainly
        ("switch the backdrop to a tan colour", ["background"], "person", "making the background tan"),
    ],
    # the background whited or blacked out: its colour, with the words joined or the background widened
    "white or black out": [
        ("whiteout the backdrop behind the statue", ["background"], None, "making the background white"),
        ("please white out the whole background", ["background"], "person", "making the background white"),
        ("blackout the entire backdrop", ["background"], "person", "making the background black"),
        ("brighten the photo and whiteout the backdrop", ["adjust", "background"], None, "brightening the image"),
        ("blackout the car windows", ["recolor"], "window", "black"),
        # unchanged: the two-word forms, and a colour verb on a thing
        ("black out the backdrop", ["background"], "person", "making the background black"),
        ("whiten the fence", ["recolor"], "fence", "white"),
    ],
    # black and white typed with an ampersand: the photo's (or the thing's) colour taken away, never '&white' painted
    "black&white glued": [
        ("turn the snapshot into black&white", ["adjust"], None, "making the image black and white"),
        ("make the scarf black&white", ["adjust"], "scarf", "black and white"),
        ("switch the shot to black&white and blackout the backdrop", ["adjust", "background"], None,
         "making the background black"),
        # unchanged: spelt out or spaced
        ("make it black & white", ["adjust"], None, "making the image black and white"),
    ],
    # the portrait look said as a camera's or a lens's blur: the background blurred behind the subject
    "blur like a camera": [
        ("blur the backdrop like a real camera would", ["background"], "person", "portrait lens"),
        ("could the backdrop get a lens blur", ["background"], "person", "blurring the background"),
        ("a lens blur on this please", ["background"], "person", "portrait lens"),
        ("soften the background like a pro camera", ["background"], "person", "blurring the background"),
        # unchanged: a plain background blur, and a lens named as a thing to remove
        ("blur the background a little", ["background"], "person", "blurring the background"),
        ("remove the lens cap on the table", ["remove"], None, "removing the lens cap"),
    ],
    # the subject set apart from the background: the background blurred behind it, the reply saying how to darken it
    "set apart from the background": [
        ("make me stand out from the backdrop", ["background"], "person", "another way"),
        ("make the dog pop out more from the background", ["background"], "dog", "behind the dog"),
        ("could you edit it so we look clearer against the background", ["background"], "person", "behind the subject"),
        ("a little more separation from the background would be great", ["background"], "person", None),
        ("warm it up, and make me stand out from the backdrop", ["adjust", "background"], None, "warming the image"),
        # unchanged: a purpose after a background edit, a thing made to stand out on its own, the background itself
        ("darken the backdrop to make the bride stand out", ["adjust"], None, "darkening the background"),
        ("make the kite stand out", ["enhance"], "kite", None),
        ("separate the puppy from the background", ["background"], "dog", "cutting out"),
    ],
    # 'stand out' / 'pop out' after an edit verb: the out is the standing's, never a removal of the one named
    "stand out is no removal": [
        ("edit the groom so he can stand out, and soften the backdrop", ["enhance", "background"], None, "blurring"),
        ("edit the kite to pop out", ["enhance"], "kite", None),
        # unchanged: a removal with its particle after a person standing somewhere
        ("photoshop the man standing on the left out", ["remove"], "man", "removing the man"),
        ("edit out the woman standing by the gate", ["remove"], "woman", "removing the woman"),
    ],
    # a recolour told to match another thing: a colour said is done and the match noted; none said is asked, with why
    "recolour to match": [
        ("make his socks navy to match the tie", ["recolor"], "sock", "noted: to match the tie"),
        ("change the colour of the lamp to match the curtains", [], None, "what colour should the lamp be"),
        ("recolour the mug so it goes with the table", [], None, "can't take a colour from the table"),
        ("make the cushions match the sofa's colour", [], None, "what colour should all the cushions be"),
        # unchanged: a plain recolour, and a match that is no colour
        ("make his socks navy", ["recolor"], "sock", "making all the socks navy"),
        ("change the yellow stripes to orange", ["recolor"], "stripe", None),
    ],
    # a recolour verb and its thing with no colour said: which colour is asked, never a generic question
    "recolour with no colour": [
        ("recolour the kettle", [], None, "what colour should the kettle be"),
        ("dye my beard please", [], None, "what colour should the beard be"),
        ("paint the shed", [], None, "what colour should the shed be"),
        # unchanged: a colour named, and the photo coloured (the colourise refusal)
        ("paint the shed green", ["recolor"], "shed", "green"),
        ("colour this photo", [], None, "colourise"),
    ],
}
ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,target,says", ROWS, ids=IDS)
def test_blur_and_background_kinds(kind: str, text: str, want: list[str], target: str | None, says: str | None) -> None:
    check_row(text, want, target, says)


def test_a_plain_background_is_the_declared_plain_colour_and_unsure() -> None:
    """'plain' names no colour: the background call carries the declared default, the plan is unsure (so `auto` asks
    the LLM), and no prompt holds the word 'plain'."""
    _, plan, sure = actions("give my aunt a plain backdrop")
    inpaint = next(c.args for c in plan.calls if c.tool == "inpaint")
    assert inpaint.background == UNNAMED_COLOUR_DEFAULT and "plain" not in inpaint.prompt
    assert sure is False


def test_a_named_plain_colour_stays_sure() -> None:
    """'a plain grey background' names its colour: grey, and the rules are sure of it."""
    _, plan, sure = actions("I'd love a plain grey background")
    inpaint = next(c.args for c in plan.calls if c.tool == "inpaint")
    assert inpaint.background == "gray" and sure is True


def test_a_camera_blur_selects_no_camera() -> None:
    """'like a real camera' is how the blur should look: the subject is kept, no camera or lens is looked for."""
    _, plan, _ = actions("blur the backdrop like a real camera would")
    targets = [c.args.target for c in plan.calls if c.tool == "select"]
    assert targets == ["person"] and plan.calls[0].args.exclude
