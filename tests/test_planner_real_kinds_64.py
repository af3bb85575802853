"""The background said around a kept thing, and background words that are no background edit (issue 20, bg23).

- Things taken away around a thing so that only it is left ('remove the weeds and rocks around the tortoise so it's
  just the tortoise') removed each thing and filled it back in: it is the cut-out of that thing (on the plain colour
  said, if one is); a command run on after the name of what stays ('… except the boy add trees behind him') is the
  next edit, not part of the name. What stays named as a picture word ('everything except the graphic') was dropped
  as the photo.
- The background said to stay ('remove the dog, leave the background', '… but keep the backdrop behind him
  untouched', '… without changing the background') made the background transparent: it is how to do the edit beside
  it, noted, never a background edit; said alone it is only noted (it asked for a new background).
- A title that names only its topic ('background change request', 'removing or changing backdrop request') asked
  what to remove, or what to change: it is that background edit — the neutral backdrop said when none is named, the
  first of two ways offered done and the other said.
- What is left said after the background ('… and leave only the badge', 'keeping just the face', '… of this shot
  leaving just the truck') was no subject: the person was kept (or a thing called 'keep'); the background it is now
  ('from brick to a meadow') was kept as if a thing stood in front of it.
- One who is in the photo added to a new background ('add her to a snowy background', 'add the boy to a different
  background') was drawn again, or left out: it is the background behind them.
- Someone sent to places with none named ('edit my aunt into random scenes') planned nothing: a new background
  whose content is unsaid, the neutral backdrop, said and unsure.

Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence.

Each row: the request, the actions the plan must take in order, the first select's target (None: not checked), and
words the reply must hold (None: not checked). Rows marked "unchanged" planned the same before.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_row, rows_of

KINDS = {
    # the surroundings of a thing taken away so only it is left: everything around it goes (a cut-out)
    "what surrounds a thing, taken away so only it is left": [
        ("remove the grass and bushes around the goat so that it's just the goat", ["background"], "goat",
         "everything around the goat"),
        ("remove the weeds and rocks around the tortoise so its just the tortoise", ["background"], "tortoise",
         "transparent"),
        ("erase the clutter from around the teapot so only the teapot is left", ["background"], "teapot",
         "transparent"),
        ("wipe away the sand around my crab, leaving just him on a black backdrop", ["background"], "crab", "black"),
        ("remove the leaves around the statue", ["remove"], "leaf", None),                           # unchanged
        ("remove the people around the fountain so it's just the fountain", ["remove"], "person", None),   # people go
        ("remove the man next to the dog so it's just the dog", ["remove"], "man", None),             # unchanged
    ],
    # what stays said as a picture word is a thing in the photo, not the photo
    "everything but a thing called a graphic": [
        ("remove everything except the graphic", ["background"], "graphic", "except the graphic"),
        ("erase all of the backdrop except for graphic", ["background"], "graphic", "transparent"),
        ("take everything out but the logo", ["background"], "logo", "except the logo"),              # unchanged
        ("remove the picture", [], None, None),                                                      # unchanged
    ],
    # a command run on after the name of what stays is the next edit, not part of the name
    "an edit run on after what stays": [
        ("remove everything except the boy add trees behind him", ["background", "add"], "boy", "adding trees"),
        ("take everything out of the photo except the girl running add tall hedges next to her",
         ["background", "add"], "girl", "adding tall hedges"),
        ("erase the whole backdrop apart from the kettle put a marble counter under the kettle",
         ["background", "add"], "kettle", "marble counter"),
        ("remove everything except the cyclist add a red barn behind the cyclist", ["background", "add"],
         "cyclist", None),                                                                          # unchanged
        ("remove everything except the make up artist", ["background"], "artist", None),             # unchanged
    ],
    # the background said to stay as it is: the edit beside it, never a transparent background
    "the background kept as it is beside an edit": [
        ("remove the dog leave the background", ["remove"], "dog", "leave the background"),
        ("erase the man but leave the backdrop behind him intact", ["remove"], "man", "as it is"),
        ("take out the sign, keep the background as is", ["remove"], "sign", "as is"),
        ("remove the car without changing the background", ["remove"], "car", "without changing"),
        ("keep the background the same and remove the bird", ["remove"], "bird", "as it is"),
        ("lighten her face but keep the background as it is", ["adjust"], "face", "as it is"),
        ("remove the background and keep the dog", ["background"], "dog", "transparent"),             # unchanged
        ("keep the background white", ["background"], "person", "white"),                            # unchanged
        ("erase the woman standing in the background", ["remove"], "woman", None),                 # unchanged
        ("blur the background", ["background"], "person", "blurring"),                               # unchanged
        ("make the background white", ["background"], "person", "white"),                            # unchanged
    ],
    # a title naming its topic: that background edit
    "a title naming the background as its topic": [
        ("background change request", ["background"], "person", "neutral studio backdrop"),
        ("Removing or changing backdrop request!", ["background"], "person", "also offered “changing”"),
        ("backdrop replacement help", ["background"], "person", "you didn't say with what"),
        ("Backdrop removal request", ["background"], "person", "transparent"),
        ("background change", ["background"], "person", "neutral studio backdrop"),                  # unchanged
        ("swap the backdrop for a pine forest please", ["background"], "person", "forest"),          # unchanged
    ],
    # sent to places none of which is named: a new background, content unsaid
    "sent somewhere unnamed": [
        ("put my roommate onto random stuff", ["background"], "person", "you didn't say with what"),
        ("edit my aunt into random scenes", ["background"], "person", "neutral"),
        ("shop him into different places", ["background"], "person", "neutral studio backdrop"),
        ("could you photoshop my cousin into all sorts of places", ["background"], "person", "neutral"),
        ("place this girl in various locations", ["background"], "girl", "neutral"),
        ("put my son on a beach", ["background"], "son", "beach"),                                   # unchanged
        ("put him in a different background", ["background"], "person", "neutral"),                  # unchanged
    ],
    # what is left said after the background ('leave only', 'keeping just'): it is what stays in front
    "what is left said after the background": [
        ("erase the grey background in the picture and leave only the badge", ["background"], "badge", "transparent"),
        ("remove the backdrop of this shot leaving just the truck", ["background"], "truck", None),
        ("get rid of the backdrop and keep just the face", ["background"], "face", None),
        ("remove the background, keeping only the bottle", ["background"], "bottle", None),
        ("remove the background but leave the cat", ["background"], "cat", None),
        ("could you delete the background of this photo so that only the dog can be placed on another one",
         ["background"], "dog", None),
        ("remove the background so only the kite is left", ["background"], "kite", None),           # unchanged
        ("remove the background leaving a white space", ["background"], "person", None),            # unchanged
        ("blur the background behind the bride and groom", ["background"], "bride", "keeping"),     # unchanged
    ],
    # the background it is now ('from wood to …') is no subject in front of it
    "the old background named before the new one": [
        ("swap the backdrop from the parking lot to a harbour", ["background"], "person", "harbour"),
        ("change the backdrop in this photo from brick to a meadow", ["background"], "person", "meadow"),
        ("turn the background from beige to black", ["background"], "person", "black"),
        ("cut the trophy from the background", ["background"], "trophy", "cutting out"),             # unchanged
    ],
    # one who is in the photo added to a new background: sent there, not a second of them drawn
    "one who is there added to a new background": [
        ("crop the girl, and add the girl to a different background", ["crop", "background"], "girl", "neutral"),
        ("add my dog to a new background", ["background"], "dog", "you didn't say with what"),
        ("now add her to a snowy background", ["background"], "person", "snowy"),
        ("add the dragon to a snowy background", ["add"], None, "dragon"),                           # unchanged
        ("add a dragon to the background", ["add"], None, "top half"),                                # unchanged
    ],
}
ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,target,says", ROWS, ids=IDS)
def test_background_around_a_kept_thing(kind: str, text: str, want: list[str], target: str | None,
                                        says: str | None) -> None:
    check_row(text, want, target, says)


@pytest.mark.parametrize("text", [
    "keep the background the same",
    "the backdrop should stay untouched",
    "leave the background alone",
])
def test_the_background_kept_alone_is_only_noted(text: str) -> None:
    """Said alone, keeping the background is no edit and asks for no new background: noted, nothing planned."""
    got, plan, _ = actions(text)
    assert got == [] and not plan.calls, (text, plan.reply)
    assert "noted" in plan.reply.lower() and "new background" not in plan.reply.lower(), (text, plan.reply)


def test_the_edit_after_a_kept_thing_is_still_planned() -> None:
    """Everything but a thing taken away, then an edit on that thing in the same line: both are planned."""
    got, plan, _ = actions("remove all backdrop except for graphic add blue and gold stripes over graphic")
    assert got == ["background", "add"], plan.reply
    assert [c.args.target for c in plan.calls if c.tool == "select"] == ["graphic", "graphic"], plan.reply


def test_unnamed_places_are_unsure() -> None:
    """A new background nobody named is a guess: the step is unsure."""
    _, plan, sure = actions("put my roommate onto random stuff")
    assert not sure, plan.reply


def test_words_before_a_kept_background_are_never_dropped() -> None:
    """What is said before the background kept as it is, when it reads as nothing, is said to be left out."""
    got, plan, sure = actions("wibble the snorp, keep the background as is")
    assert got == [] and not sure, plan.reply
    assert "didn't understand “wibble the snorp”" in plan.reply.lower(), plan.reply
