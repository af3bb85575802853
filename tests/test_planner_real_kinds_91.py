"""Wishes and tone complaints still misread (issue 20, wishes28): a lively look given with 'give', 'bring' or 'breathe'
('give it more oomph', 'breathe some life into it') or the colours woken up ('wake the colours up') was not understood;
an open invitation beside a named edit ('…, have fun with it') added a general enhance, or, after a removal list, was
taken for a thing called 'open'; a thing named before the photo in a complaint ('the sky in this photo is too dark')
was corrected over the whole photo; a condition said too strong with an intensifier ('the fog is really thick',
'the glare is so strong') was not read, or asked what to make stronger; a whole-photo tint in a colour outside the cast colours ('a teal tint') was not
read; and a lively wish beside the colours' tone turned up ('make it pop, the colours are too flat') did both.
Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence.

Each row: the request, the actions the plan must take in order, the first select's target (None: unchecked) and words
the reply must hold (None: unchecked). Rows marked "unchanged" planned the same before.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_row, first_target, rows_of

_PUNCH = "the contrast, local contrast and the colours"

KINDS = {
    # a look given to the photo or the colours is the measured punch, as 'add some life to it' is
    "a lively look given": [
        ("give it more oomph", ["enhance"], None, _PUNCH),
        ("could you give the colours a boost", ["enhance"], None, _PUNCH),
        ("breathe some life into this snapshot please", ["enhance"], None, _PUNCH),
        ("bring some life to my holiday picture", ["enhance"], None, _PUNCH),
        ("give the photo a bit of zing", ["enhance"], None, _PUNCH),
        ("wake the colours up", ["enhance"], None, _PUNCH),
        ("perk up the colors a little", ["enhance"], None, _PUNCH),
        ("liven the colours up", ["enhance"], None, _PUNCH),
        ("add some life to it", ["enhance"], None, _PUNCH),                          # unchanged
        ("make it pop", ["enhance"], None, _PUNCH),                                  # unchanged
        ("bring some colour to this", ["adjust"], None, "boosting the colours"),     # unchanged
        ("make it look better", ["enhance"], None, "measuring it"),                 # unchanged
        ("fix the colours", ["enhance"], None, "colour cast"),                       # unchanged
        ("give the cat a bowl of milk", ["add"], "cat", None),                       # unchanged: a thing given
        ("put two gulls over the harbour to bring it to life", ["add"], None, "gulls"),   # unchanged: life is why
        ("bring this snapshot to life", ["enhance"], None, "measuring it"),          # unchanged: a general wish
    ],
    # an invitation beside a named edit hands over how it is done: no enhance of its own
    "an invitation beside an edit": [
        ("remove the lamp post. have fun with it", ["remove"], "lamp post", None),
        ("remove the lamp post, open to suggestions", ["remove"], "lamp post", None),
        ("remove the kite and the bins, i'm open to suggestions", ["remove", "remove"], "kite", None),
        ("I'm open to ideas. want the waves sharper", ["adjust"], "wave", None),
        ("make it warmer. feel free to get creative", ["adjust"], None, "warming"),
        ("crop it square, do whatever you like", ["crop"], None, None),
        ("have fun with it", ["enhance"], None, "measuring it"),                     # unchanged: alone
        ("i'm open to suggestions", ["enhance"], None, "measuring it"),              # unchanged: alone
        ("remove the open sign", ["remove"], "sign", None),                          # unchanged: a thing
        ("brighten the lanterns and any other improvements", ["adjust", "enhance"], "lantern", None),   # unchanged: more asked
    ],
    # a thing named before the photo a complaint is said of is what is corrected
    "a thing in the photo complained of": [
        ("the sky in this photo is too dark", ["enhance"], "sky", "exposure of the sky"),
        ("the lawn in the picture looks too bright", ["enhance"], "lawn", "exposure of the lawn"),
        ("my face in this shot is too dark", ["enhance"], "face", "exposure of the face"),
        ("the sky is too dark", ["enhance"], "sky", "exposure of the sky"),           # unchanged
        ("this photo is too dark", ["enhance"], None, "correcting the exposure by"),  # unchanged: the whole photo
        ("the lighting in this photo is too dark", ["enhance"], None, "correcting the exposure by"),  # unchanged
        ("everything in this picture is too bright", ["enhance"], None, "correcting the exposure by"),  # unchanged
        ("the top of the photo is too dark", ["enhance"], None, "top of the photo"),  # unchanged: a part of it
        ("make the sky darker", ["adjust"], "sky", "darkening the sky"),              # unchanged
    ],
    # a condition said too strong with an intensifier is asked away, as 'too thick' is
    "a condition said too strong": [
        ("the fog is really thick", ["enhance"], None, "clearing the haze"),
        ("the mist over the lake is so thick", ["enhance"], None, "clearing the haze"),  # haze over a thing: all of it (tone29)
        ("the grain is way too heavy", ["enhance"], None, "noise"),
        ("the glare is so strong", ["enhance"], None, "taming the shine"),
        ("the glare on the shop window is really intense", ["enhance"], "window", "shine on the shop window"),
        ("the glare is too strong", ["enhance"], None, "taming the shine"),
        ("the fog is too thick", ["enhance"], None, "clearing the haze"),              # unchanged
        ("the walls are really thick", [], None, None),                               # unchanged: no condition
    ],
    # any colour the whole photo can be turned is a tint when asked as one
    "a tint in any colour": [
        ("add a teal tint", ["recolor"], None, "with teal"),
        ("give the picture a turquoise tint", ["recolor"], None, "with turquoise"),
        ("put a mint hue on it", ["recolor"], None, "with mint"),
        ("select the whole photo, then put a nice soft pink overlay", ["recolor"], None, "with pink"),
        ("apply a pale orange overlay please", ["adjust"], None, "warming"),
        ("get rid of the green overlay", ["enhance"], None, "colour cast"),
        ("add a text overlay saying hello", [], None, "text"),                        # unchanged: lettering
        ("give it a blue tint", ["adjust"], None, "cooling"),                        # unchanged: a cool one
        ("give it a green tint", ["recolor"], None, "with green"),                   # unchanged
        ("give the scarf a teal tint", ["recolor"], "scarf", "scarf with teal"),      # on a thing: washed (pairs28)
    ],
    # a lively wish and the colours' tone turned up are one wish: the tone named is the edit
    "a lively wish said twice": [
        ("make it pop. the colours are too flat", ["adjust"], None, "adding contrast"),
        ("make it pop and boost the saturation", ["adjust"], None, "boosting the colours"),
        ("give this picture a boost — the colours look flat", None, None, None),
        ("make the vase pop and boost the saturation", ["enhance", "adjust"], "vase", None),   # unchanged: on a thing
        ("add some life to it, and brighten it", ["enhance", "adjust"], None, _PUNCH),          # unchanged: another tone
        ("enhance it and add more contrast", ["enhance", "adjust"], None, None),                # unchanged: asked
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,target,says", ROWS, ids=IDS)
def test_wishes_and_complaints(kind: str, text: str, want: list[str] | None, target: str | None,
                               says: str | None) -> None:
    if want is None:                                   # one edit, whichever reading: never both
        got, plan, _ = actions(text)
        assert len(got) == 1, (text, plan.reply)
        return
    check_row(text, want, target, says)


def test_invitation_alone_keeps_its_enhance_and_a_thing_keeps_its_select() -> None:
    """The invitation drops only beside an edit; the sky's complaint selects the sky, never the photo."""
    got, plan, _ = actions("please have fun with it")
    assert got == ["enhance"], plan.reply
    got, plan, _ = actions("the sky in this photo is too dark")
    assert first_target(plan) == "sky" and plan.calls[-1].args.masked, plan.reply
