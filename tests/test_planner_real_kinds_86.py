"""GIER requests that still got only a question (issue 20, gier27): an ID or passport photo wished for by what it is
for, with no edit said ('I need a passport photo', 'a photo for my ID card') got "I'm not sure what to change" or a
general enhance, where the editors gave the person a plain white backdrop; two pictures to be blended into
one ('blend these two photos', 'merge the dog into this card') got "I'm not sure" where no tool can do it and the
reply should say so and what can be done. An ID photo said only as what other edits are for ('make the background
white. It's for an ID card.') was left out as not understood; it is now noted and the shape offered.
Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence.

Each row: the request, the actions the plan must take in order, the first select's target (None: unchecked) and words
the reply must hold (None: unchecked). Rows marked "unchanged" planned the same before.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_row, rows_of

KINDS = {
    # an ID photo wished for, no edit said: a plain white background behind the person, cropped to 35:45 around the face
    "an ID photo wished for": [
        ("I need a passport photo", ["background", "crop"], "person", "plain white background"),
        ("can you make this passport-ready", ["background", "crop"], "person", "35:45"),
        ("my daughter needs a photo for her student ID", ["background", "crop"], "person", "ID photo"),
        ("turn this into a visa photo please", ["background", "crop"], "person", "white background"),
        ("he needs a passport-size picture for work, and it's the single decent shot of him we own",
         ["background", "crop"], "person", "35:45"),
        ("edit my son's photo so it is suitable for his passport", ["background", "crop"], "person", "35:45"),
        ("need a pic for my ID", ["background", "crop"], "person", "ID photo"),
        ("make it look like a driver's license photo", ["background", "crop"], "person", "white background"),
        ("make it a passport photo", ["background", "crop"], "person", "35:45"),    # was a crop to 35:45 alone
        # an edit said with it is that edit's
        ("put a light grey backdrop behind me for my passport photo", ["background"], "person", "gray"),  # unchanged
        ("crop it to a passport photo", ["crop"], None, "35:45"),                                        # unchanged
        ("could you make me look thinner for the visa photo", [], None, "can't reshape a person"),      # unchanged
        ("make it look professional", ["enhance"], None, None),                                          # unchanged
        ("make the background white", ["background"], "person", "background white"),                    # unchanged
        # a passport that is a thing in the photo, or a typed "I'd"
        ("remove the passport from the table", ["remove"], "passport", None),                           # unchanged
        ("Id like the bins in the back gone", ["remove"], None, None),                                  # unchanged
    ],
    # the ID photo said only as what other edits are for: they are done, the shape offered in a note
    "an ID photo as the purpose": [
        ("Swap the backdrop for a plain blue one. I need this picture for my work ID.", ["background"], "person",
         "noted that it is for an ID photo"),
        ("could you set the background to white? (for a passport)", ["background"], "person", "noted that it is for an ID"),
        ("brighten my face a little, this is going on my ID card", ["adjust"], None, None),
    ],
    # two pictures made one: declined, with what can be done
    "two pictures blended": [
        ("blend these two pictures together", [], None, "can't blend two pictures into one"),
        ("could you merge both photos into a single one", [], None, "can't blend two pictures into one"),
        ("I'd love ideas for how to blend my cat into this birthday card", [], None, "can't blend two pictures"),
        ("please combine my grandad with the family photo", [], None, "change the background"),
        ("fuse her with another picture so they stand together", [], None, "can't blend two pictures"),
        # a blend inside this photo is its own handler's
        ("make the lamp blend better with the photo", ["enhance"], "lamp", None),                        # unchanged
        ("make him blend in better", ["enhance"], "person", None),                                       # unchanged
        ("blend out the tourists in the back", ["remove"], None, None),                                  # unchanged
        ("blend the background", [], None, "what should the new background be"),                         # unchanged
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,target,says", ROWS, ids=IDS)
def test_kind(kind, text, want, target, says):
    check_row(text, want, target, says)


def test_an_id_photo_is_a_white_background_then_a_passport_crop_around_the_face():
    got, plan, sure = actions("we need an ID photo for the school form")
    assert got == ["background", "crop"] and sure, plan.reply
    select, _, inpaint, face, crop = plan.calls
    assert select.args.exclude and select.args.target == "person", plan
    assert inpaint.args.background == "white", plan
    assert face.tool == "select" and face.args.target == "face" and not face.args.exclude, plan
    assert crop.args.aspect == "35:45" and crop.args.keep_selection, plan    # the largest 35:45 box holding the face
    assert "not sure" not in plan.reply.lower() and "?" not in plan.reply, plan.reply


def test_an_id_photo_beside_another_edit_adds_no_crop_and_says_how_to_ask_for_it():
    got, plan, _ = actions("remove the hat. It needs to be a passport photo.")
    assert got == ["remove"], plan.reply
    assert not any(call.tool == "crop" for call in plan.calls), plan
    assert "crop it to a passport photo" in plan.reply.lower(), plan.reply


def test_a_blend_of_two_pictures_is_a_sure_decline_not_a_question():
    got, plan, sure = actions("help me merge these two images")
    assert got == [] and sure, plan.reply
    assert "not sure" not in plan.reply.lower() and "blend in" in plan.reply.lower(), plan.reply
