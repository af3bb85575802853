"""Replacing said without the word 'replace' (issue 20, replace23): a part a person already has given to them ('give my
uncle a wolf face') pasted a second face beside theirs; what a thing is to show ('change the billboard to show a
giraffe') prompted a fill with the verb ('show a giraffe') or went unread; 'change the vase with a lamp' was not read;
a new thing put 'instead' or 'there' after a removal was pasted in the middle of the photo; a wish lead before the new
thing ('can I get …') and 'instead' misspelt ('insted') were read as part of the new thing; and a bare 'change the
number plate' got the general question, or was left out beside another edit, where one question says what is missing.
Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence.

Each row: the request, the actions the plan must take in order, the first select's target (None: not checked), the
first fill's prompt (None: not checked) and words the reply must hold (None: not checked). Rows marked "unchanged"
planned the same before.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, first_prompt, first_target, rows_of

KINDS = {
    # a described part everyone has, given or put on a person: theirs replaced
    "a part given to someone": [
        ("give my uncle a wolf face", ["replace"], "face", "a wolf face", None),
        ("give him a pig nose", ["replace"], "nose", "a pig nose", None),
        ("put a clown nose on the boy", ["replace"], "nose", "a clown nose", None),
        ("give her cat eyes and a pig nose", ["replace", "replace"], "eye", "cat eyes", None),
        ("add a dog's face on top of her face", ["replace"], "face", "a dog's face", None),
        ("give the bride a tiara", ["add"], None, "a tiara", None),                           # unchanged: a thing added
        ("give him a moustache", ["add"], None, "a moustache", None),                         # unchanged: not everyone's
        ("give the statue a hat", ["add"], None, "a hat", None),                              # unchanged
        ("give the pear a face", ["add"], None, "a face", None),                              # unchanged: no person
        ("give her green eyes", ["recolor"], None, None, None),                               # unchanged: a colour
        ("give her a hat and a scarf", ["add"], None, None, None),                            # unchanged
    ],
    # what a thing is to show: the thing redrawn showing it
    "what a thing is to show": [
        ("change the billboard to show a giraffe", ["replace"], "billboard", "billboard showing a giraffe", "to show"),
        ("make the mug feature a fox", ["replace"], "mug", "mug showing a fox", None),
        ("have the poster show a sunset", ["replace"], "poster", "poster showing a sunset", None),
        ("change the painting image to depict a lighthouse", ["replace"], "painting", None, None),
        ("make the sky show a rainbow", ["add"], "sky", "a rainbow", None),                  # a thing in a region
        ("change the background to show a meadow", ["background"], None, None, "meadow"),   # unchanged
        ("make the square photo a round photo", [], None, None, None),                      # unchanged: no thing shown
    ],
    # 'change X with Y' is a replace; the same said of a face is someone's face
    "change with": [
        ("change the vase with a lamp", ["replace"], "vase", "a lamp", None),
        ("change the cap with a crown", ["replace"], "cap", "a crown", None),
        ("change the owl face with the woman face", [], None, None, "can't swap faces"),
        ("change the lighting on her face so it blends with the rest", ["adjust"], "face", None, None),   # unchanged
    ],
    # a new thing put where a removal left its gap: one replace
    "put in its place": [
        ("erase the bin and put a potted plant instead", ["replace"], "bin", "a potted plant", None),
        ("take out the lamp post, add a tree in its place", ["replace"], "lamp post", "a tree", None),
        ("remove the cone and put a bench there", ["replace"], "cone", "a bench", None),
        ("remove the dog and add a cat on the left", ["remove", "add"], "dog", None, None),       # unchanged
        ("remove the man and add a dog over there", ["remove", "add"], "man", None, None),      # unchanged: a place
        ("remove the bin, put a bench there or something", ["remove"], "bin", None, "a bench"),   # unchanged: offered
    ],
    # the new thing after a wish lead, and 'instead' misspelt
    "a wish lead or a misspelt instead": [
        ("can I get a full moon instead of the streetlight", ["replace"], "street light", "a full moon", None),
        ("could we have a sailboat instead of the buoy", ["replace"], "buoy", "a sailboat", None),   # unchanged
        ("add a mug insted of the glass", ["replace"], "glass", "a mug", None),
        ("put a fork istead of the spoon", ["replace"], "spoon", "a fork", None),
        ("instead of brightening it, darken it", ["adjust"], None, None, None),               # unchanged: tone's
        ("rather than warming it, cool it down", ["adjust"], None, None, None),               # unchanged
        ("change the colour of the kite to blue", ["recolor"], "kite", None, None),           # unchanged
        ("add a hat", ["add"], None, "a hat", None),                                          # unchanged
    ],
}
ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,target,prompt,says", ROWS, ids=IDS)
def test_kind(kind: str, text: str, want: list[str], target: str | None, prompt: str | None, says: str | None) -> None:
    got, plan, _ = actions(text)
    assert got == want, (text, plan.reply)
    if target is not None:
        assert first_target(plan) == target, (text, plan.reply)
    if prompt is not None:
        assert first_prompt(plan) == prompt, (text, plan.reply)
    if says is not None:
        assert says.lower() in plan.reply.lower(), (text, plan.reply)


@pytest.mark.parametrize("text,thing", [
    ("change the number plate", "the number plate"),
    ("please change the lampshade", "the lampshade"),
    ("change the mug on the shelf", "the mug on the shelf"),
])
def test_a_bare_change_asks_what_the_thing_becomes(text: str, thing: str) -> None:
    """A thing to change with nothing said of what it becomes: one question that names it, no edit guessed."""
    got, plan, _ = actions(text)
    assert got == [] and not plan.calls, (text, plan.reply)
    assert f"what should {thing} become?" in plan.reply.lower(), (text, plan.reply)


def test_a_bare_change_beside_an_edit_is_asked_not_left_out() -> None:
    got, plan, _ = actions("remove the glare and change the number plate")
    assert got == ["remove"], plan.reply
    assert "what should the number plate become?" in plan.reply.lower(), plan.reply
    assert "didn't understand" not in plan.reply.lower(), plan.reply


@pytest.mark.parametrize("text", ["change the mood", "change the filter", "change the style", "change the photo"])
def test_a_change_of_no_thing_gets_the_general_question(text: str) -> None:
    """An aspect, a look or the photo itself is no thing to put another in place of: the general question stays."""
    got, plan, sure = actions(text)
    assert got == [] and not plan.calls and not sure, (text, plan.reply)
    assert "become?" not in plan.reply, (text, plan.reply)


@pytest.mark.parametrize("text,said", [
    ("change the text", "can't write"),
    ("change the background", "backdrop"),
])
def test_a_change_another_row_reads_is_left_to_it(text: str, said: str) -> None:
    _, plan, _ = actions(text)
    assert "become?" not in plan.reply and said in plan.reply.lower(), (text, plan.reply)
