"""Brackets and titles read as edits (issue 20, asides29): a bare name in brackets right after a thing ('the mole on
his cheek (birthmark)') was read as a second thing to remove; who a person is, said in brackets without its article
('(one in the red cap)'), was a second target too; a colour alone in brackets ('the kettle (silver)') was a thing
called 'silver'; and a post titled by its faults with the darkness first ('Dark, scratched photo of my aunt -
lighten it') read 'Dark' as the verb and darkened the photo; a tone asked of a photo called faded ('brighten this
faded photo') was dropped for the fading alone.
Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence.

Each row: the request, the actions the plan must take in order, and what its selects must carry, in order, as
(target, phrase) pairs (phrase None: no phrase beyond the target). Rows marked "unchanged" planned the same before.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_selects, rows_of

KINDS = {
    # a bare name in brackets after a thing is another name for it
    "another name in brackets": [
        ("get rid of the mark on his chin (scar) please", ["remove"], [("mark", "mark on his chin")]),
        ("please erase the post (lamppost) from the picture", ["remove"], [("post", None)]),
        ("remove the tap (faucet)?", ["remove"], [("tap", None)]),
        ("remove the wire (cable) and the cone", ["remove", "remove"], [("wire", None), ("cone", None)]),
        ("remove the bin (the green one)", ["remove"], [("bin", "green bin")]),                 # unchanged
        ("remove the cone (left)", ["remove"], [("cone", None)]),                               # unchanged: a place
        ("please remove the girl (me) from the photo", ["remove"], [("girl", None)]),           # unchanged: a person
    ],
    # who a person is, in brackets without 'the'
    "who, without its article": [
        ("remove the man (one in the red cap)", ["remove"], [("man", "man, the one in the red cap")]),
        ("erase the woman (one with the mohawk) please", ["remove"], [("woman", "woman, the one with the mohawk")]),
        ("remove the boy (the one holding a kite)", ["remove"], [("boy", "boy, the one holding a kite")]),   # unchanged
    ],
    # a colour alone in brackets says which one
    "a colour in brackets": [
        ("remove the kettle (silver)", ["remove"], [("kettle", "silver kettle")]),
        ("erase the van (dark blue) please", ["remove"], [("van", "dark blue van")]),
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,selects", ROWS, ids=IDS)
def test_kind(kind, text, want, selects):
    check_selects(text, want, selects)


def _tone(text: str) -> tuple[list[str], list[dict], str]:
    """The plan's actions, each adjust's settings (the ones set), and its reply."""
    got, plan, _ = actions(text)
    adjusts = [{k: v for k, v in call.args.model_dump().items() if isinstance(v, float) and v}
               for call in plan.calls if call.tool == "adjust"]
    return got, adjusts, plan.reply


@pytest.mark.parametrize("text", [
    "Dark, scratched photo of my aunt - lighten it",
    "Dark grainy snapshot of our old house, please brighten it up",
    "dark blurry photo of my grandad, can you brighten it?",
])
def test_a_title_that_opens_dark_never_darkens(text):
    got, adjusts, reply = _tone(text)
    assert adjusts and all(a.get("brightness", 0) > 0 for a in adjusts if "brightness" in a), (text, reply)
    assert not any(a.get("brightness", 0) < 0 for a in adjusts) and "darken" not in reply.lower(), (text, reply)


@pytest.mark.parametrize("text,parts", [
    ("dark, grainy photo of our dog", ["exposure", "denoise"]),
    ("dim, noisy shot from the concert", ["exposure", "denoise"]),
    ("very dark, scratched picture of my uncle", ["exposure"]),   # unchanged: a degree made it a diagnosis already
])
def test_a_dark_title_alone_measures_the_exposure_up(text, parts):
    got, plan, _ = actions(text)
    enhances = [call for call in plan.calls if call.tool == "enhance"]
    assert got == ["enhance"] and enhances[0].args.parts == parts, (text, plan.reply)
    assert enhances[0].args.felt == ["too_dark"], (text, plan.reply)


def test_a_dark_blurry_title_is_measured_and_sharpened():
    got, adjusts, reply = _tone("dark blurry picture of my cat")
    assert got == ["enhance", "adjust"] and adjusts == [{"sharpness": 0.25}], reply


@pytest.mark.parametrize("text,brightness", [
    ("darken the photo", -0.25),                         # unchanged: the verb
    ("dark the photo", -0.25),                           # unchanged: a verb said short
    ("dark and moody photo, make it warmer", -0.25),     # unchanged: a mood, maybe wanted
])
def test_near_misses_still_darken(text, brightness):
    _, adjusts, reply = _tone(text)
    assert adjusts and adjusts[0].get("brightness") == brightness, (text, reply)


def test_a_dark_photo_asked_fixed_is_still_measured():
    got, plan, _ = actions("dark photo, please fix")          # unchanged
    assert got == ["enhance"] and "measur" in plan.reply, plan.reply


@pytest.mark.parametrize("text,setting,amount", [
    ("brighten this faded photo", "brightness", 0.25),
    ("please darken the faded snapshot of my aunt", "brightness", -0.25),
    ("warm up this faded old picture", "warmth", 0.25),
])
def test_a_tone_asked_of_a_faded_photo_is_kept_with_the_fading(text, setting, amount):
    got, adjusts, reply = _tone(text)
    assert got == ["adjust", "enhance"] and adjusts == [{setting: amount}], (text, reply)
    assert "faded colours" in reply, (text, reply)


@pytest.mark.parametrize("text", ["restore this faded photo", "faded photo of my nan"])
def test_a_faded_photo_with_no_tone_asked_is_the_fading_alone(text):
    got, adjusts, reply = _tone(text)                         # unchanged
    assert got == ["enhance"] and not adjusts, (text, reply)
