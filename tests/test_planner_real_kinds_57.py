"""The background said other ways, and a question where nothing can be recovered (issue 20, bg22).

- The surroundings taken away around a thing ('take away everything around the vase', 'cut everything around her
  out') planned nothing: it is the cut-out that keeps the thing. 'erase the whole backdrop apart from the tree'
  looked for a thing called 'apart'.
- 'blur everything around the bride' softened the whole photo, 'blur the front and keep the bride sharp' sharpened
  it, 'blur the background except the flowers' softened a thing called 'except': all are the background blur.
- A cut-out then a new background around the same thing made two background steps: the later one alone does both;
  a transparent background said again after a cut-out is the same cut-out. One taken out of a place ('photoshop me
  out of my kitchen') with a new background after was removed: the place is what goes.
- Two scenes offered with 'or' ('a forest or a beach') were drawn as one prompt: the first is drawn, the other said.
- Where the words name nothing the planner can do, the reply listed what it can do but asked nothing back: it now
  asks ("what should I do?", "what should I change?"), with no call made.

Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence.

Each row: the request, the actions the plan must take in order, the first select's target (None: not checked), and
words the reply must hold (None: not checked). Rows marked "unchanged" planned the same before.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_row, first_prompt, rows_of

KINDS = {
    # what the rest surrounds stays; the rest goes (the cut-out)
    "everything around a thing removed": [
        ("take away everything around the vase", ["background"], "vase", "transparent"),
        ("could you get rid of everything around my kitten", ["background"], "cat", "except the kitten"),
        ("please erase everything surrounding him", ["background"], "person", "transparent"),
        ("cut everything around the teapot out", ["background"], "teapot", "transparent"),
        ("take everything surrounding the lamp away", ["background"], "lamp", "transparent"),
        ("remove the clutter around the sink", ["remove"], "clutter", None),                 # unchanged: a thing named
        ("remove the leaves around the statue", ["remove"], "leaf", None),                   # unchanged
    ],
    # the whole or entire background but one thing
    "the whole background but a thing": [
        ("erase the whole backdrop apart from the tree", ["background"], "tree", "except the tree"),
        ("remove the entire background except the bike", ["background"], "bike", "except the bike"),
        ("erase all of the backdrop except the pony", ["background"], "pony", "except the pony"),   # unchanged
    ],
    # a blur around a thing is the background blur, not the whole photo softened
    "a blur around a thing": [
        ("blur everything around the bride", ["background"], "bride", "blurring everything but the bride"),
        ("could you blur out everything else around my grandson", ["background"], "grandson", "blurring"),
        ("blur everything except the puppy", ["background"], "dog", "blurring"),                         # unchanged
        ("blur the edges of the photo", ["adjust"], None, None),                                       # unchanged
    ],
    # a blur with one thing kept sharp or in focus: the background blur around it (it sharpened the whole photo)
    "a blur keeping one thing sharp": [
        ("blur the front and keep the subject sharp", ["background"], None, "blurring everything but"),
        ("please blur the foreground and keep my niece in focus", ["background"], "niece", "everything but the niece"),
        ("blur the backdrop and keep the dog sharp", ["background"], "dog", "blurring"),
        ("blur everything and keep me sharp", ["background"], "person", "but the subject"),
        ("blur it but keep the tractor in focus", ["background"], "tractor", "blurring"),
        ("blur the skin and keep the eyes sharp", None, None, None),              # not read here: a part blurred
        ("blur the license plate and keep the car clear", ["adjust"], None, None),                     # unchanged
    ],
    # the background blurred but for a thing: everything but it is blurred (it softened a thing called 'except')
    "the background blurred but a thing": [
        ("could someone blur the background except the flowers", ["background"], "flower", "but the flowers"),
        ("blur the backdrop apart from the lighthouse on the left", ["background"], "lighthouse", "blurring"),
        ("blur the whole background other than my two sons", ["background"], "son", "but the sons"),
        ("blur the background but not too much", ["background"], "person", "blurring the background"),   # unchanged
    ],
    # a cut-out, then a new background around the same thing: one background step
    "a backdrop asked twice around one thing": [
        ("remove everything around the kettle. add a new background behind the kettle", ["background"], "kettle", None),
        ("remove everything except her face add a new background around her face", ["background"], "face", None),
        ("remove everything except the cat, then blur the background behind the dog",                  # two things
         ["background", "background"], "cat", None),
        ("erase the backdrop except the scooter, then make the background transparent", ["background"], "scooter",
         "transparent"),
        ("cut out the lamp. make the background transparent please", ["background"], "lamp", "transparent"),  # unchanged
        ("remove everything except the dog, then remove everything except the cat",                    # cutout28:
         ["background"], "dog", "the dog and the cat"),          # one cut-out keeping both (the second erased the dog)
    ],
    # two scenes offered with 'or': the first is drawn, the other said — never both as one prompt
    "two backgrounds offered": [
        ("swap the backdrop for a forest or a beach", ["background"], "person", "another background"),
        ("a harbour or a city skyline background please", ["background"], "person", "“a city skyline”"),
        ("put me in front of a castle or maybe a mountain lake", ["background"], "person", "a mountain lake"),
        ("make the background black or white", ["background"], "person", "black"),                    # unchanged
        ("change the backdrop to a sunset", ["background"], "person", "with sunset."),               # unchanged
    ],
    # taken out of a place (not out of the picture) and given a new background: the one taken out stays
    "taken out of a place onto a new background": [
        ("can someone photoshop me out of my kitchen? maybe a blue wall behind me", ["background"], "person", "blue wall"),
        ("take him out of the office and put a beach behind him", ["background"], "person", "beach"),
        ("get the dog out of the yard and give it a snowy background", ["background"], "dog", "snowy"),
        ("get the kids out of the shot and blur the background", ["remove", "background"], "kid", None),   # unchanged
        ("edit my thumb out of this lovely shot and blur the backdrop",                                    # unchanged
         ["remove", "background"], "thumb", None),
        ("take my brother out of the kitchen", ["remove"], "person", None),                                # unchanged
    ],
}
ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,target,says", ROWS, ids=IDS)
def test_background_said_otherwise(kind: str, text: str, want: list[str] | None, target: str | None,
                                   says: str | None) -> None:
    if want is None:                                    # only that no background blur is read into it
        got, plan, _ = actions(text)
        assert "background" not in got, (text, plan.reply)
        return
    check_row(text, want, target, says)


@pytest.mark.parametrize("text", [
    "Birthday party 2019",
    "my grandmother's garden in spring",
    "change the style",          # replace23: 'change the flooring' names a thing — its own question (kinds_61)
])
def test_nothing_named_asks_back(text: str) -> None:
    """Words that name no edit plan nothing and ask what to change — a question, not only a list of abilities."""
    got, plan, sure = actions(text)
    assert got == [] and not plan.calls and not sure, (text, plan.reply)
    assert "?" in plan.reply and "what should i do" in plan.reply.lower(), (text, plan.reply)


@pytest.mark.parametrize("text,says", [
    ("help with my wedding picture please", None),
    ("what can you do", "what should i change?"),
    ("how does this look?", "what should i change?"),
])
def test_help_and_questions_ask_back(text: str, says: str | None) -> None:
    """Asking what the planner can do, or a question about the photo, are answered with a question back; a help request that names a
    picture keeps whatever it planned (here, an enhance), since a real edit is never turned into a question."""
    got, plan, _ = actions(text)
    if says is None:
        assert got == ["enhance"], (text, plan.reply)
    else:
        assert got == [] and says in plan.reply.lower(), (text, plan.reply)


@pytest.mark.parametrize("text,want", [
    ("make it brighter", ["adjust"]),
    ("remove the man on the left", ["remove"]),
    ("change the background to a beach", ["background"]),
])
def test_real_edits_ask_nothing(text: str, want: list[str]) -> None:
    """Near misses: an edit that is said is done, with no question added."""
    got, plan, _ = actions(text)
    assert got == want and "?" not in plan.reply, (text, plan.reply)


@pytest.mark.parametrize("text,prompt", [
    ("turn the background into a forest or a beach", "forest"),
    ("put my nephew into a waterfall or a jungle", "waterfall"),
    ("swap the backdrop for a snowy street", "snowy street"),                                      # unchanged
])
def test_one_scene_is_drawn(text: str, prompt: str) -> None:
    """The fill is asked for one scene: the first offered, never 'a forest or a beach' as one picture."""
    got, plan, _ = actions(text)
    assert got == ["background"] and first_prompt(plan) == prompt, (text, first_prompt(plan), plan.reply)
