"""An edit meant for one thing done to the whole picture (issue 20, parts24): a second comparative said after a thing
('make the pond greener and brighter') brightened the whole photo; two ways offered as gerunds joined by 'or'
('darkening or removing the backdrop') read 'darkening' alone, and a blur said so was sharpened as a complaint; the
focus said around one thing after an edit ('make it clearer with the focus on the kite') sharpened the whole photo;
a condition undone on a thing ('unfog the hills') was cleared over the whole photo; 'bring out the hills' and a look a
thing is said to lack ('the fountain needs more sparkle') were not understood or read as an add; and a broad surface
asked clean ('clean up the sky a little') was removed; a thing asked to blend better ('make the decal blend better
with the photo') was not understood, or enhanced the whole photo; two tones with a slash after a thing ('the canal
brighter/sharper') or a thing wished in focus through 'make it look like' toned the whole photo.
Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence.

Each row: the request, the actions the plan must take in order, and what its selects must carry, in order, as
(target, phrase) pairs (phrase None: no phrase beyond the target). Rows marked "unchanged" planned the same before.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import check_selects, rows_of, selects_of

KINDS = {
    # a comparative alone after 'make <thing> <comparative> and' is of that thing too
    "a second comparative of the same thing": [
        ("make the pond greener and brighter", ["recolor", "adjust"], [("pond", None), ("pond", None)]),
        ("make the river brighter and sharper", ["adjust", "adjust"], [("river", None), ("river", None)]),
        ("please make his jacket lighter and clearer", ["adjust", "enhance"], [("jacket", None), ("jacket", None)]),
        ("make the sky bluer and the grass brighter", ["recolor", "adjust"], [("sky", None), ("grass", None)]),  # unchanged
        ("make it brighter and sharper", ["adjust"], []),                                                       # unchanged
        ("make the picture lighter and sharper", ["adjust"], []),                                               # unchanged
        ("make the hedge darker and more vivid", ["adjust"], [("hedge", None)]),                                # unchanged
        ("remove the bin and brighter", None, [("bin", None)]),                                                 # unchanged
    ],
    # two gerunds joined by 'or' before a thing: the first is done, the second offered
    "ways offered as gerunds with or": [
        ("blurring or removing the backdrop", ["background"], [("person", None)]),
        ("could you help with darkening or blurring the wall behind the bride", ["adjust"], [("wall", None)]),
        ("removing or changing backdrop request", ["background"], [("person", None)]),                         # unchanged: a title
        ("blurring/removing the mug", ["adjust"], [("mug", None)]),                                             # unchanged
    ],
    # the focus said around one thing after an edit of the photo: the background blurred behind that thing
    "the focus kept on one thing": [
        ("make it crisper with the focus on the balloon", ["adjust", "background"], [("balloon", None)]),
        ("Make the snapshot clearer and keep the focus around the boat.", ["enhance", "background"], [("boat", None)]),
        ("lighten it a little but keep the focus on the horse", ["adjust", "background"], [("horse", None)]),
        ("focus on the balloon", ["adjust"], [("balloon", None)]),                                               # unchanged
        ("make it clearer", ["enhance"], []),                                                                    # unchanged
    ],
    # a condition undone on a named thing ('unfog the hills'): cleared there, not over the whole photo
    "a condition undone on one thing": [
        ("could you defog the valley and make it warmer", ["enhance", "adjust"], [("valley", None)]),
        ("dehaze the lighthouse please", ["enhance"], [("lighthouse", None)]),
        ("despeckle the wall behind her", ["enhance"], [("wall", None)]),
        ("unfog the photo", ["enhance"], []),                                                                    # unchanged
        ("dehaze it a little", ["enhance"], []),                                                                 # unchanged
        ("unblur the number plate", ["adjust"], [("number plate", None)]),                                       # unchanged
    ],
    # 'bring out' one thing: more punch there, as 'make it stand out'
    "one thing brought out": [
        ("bring out the hills", ["enhance"], [("hill", None)]),
        ("can you bring out the waterfall a bit more", ["enhance"], [("waterfall", None)]),
        ("bring out the colours", ["adjust"], []),                                                               # unchanged
        ("bring out the detail in her necklace", ["adjust"], [("necklace", None)]),                              # unchanged
        ("bring out the details", ["adjust"], []),                                                               # unchanged
    ],
    # a comparative wished of a thing ('… could be greener') and another after it: both on the thing
    "a second comparative after a wish": [
        ("the ferns could be greener and crisper", ["recolor", "adjust"], [("fern", None), ("fern", None)]),
        ("the roof should be darker and crisper", ["adjust", "adjust"], [("roof", None), ("roof", None)]),
        ("make the moss greener and crisper", ["recolor", "adjust"], [("moss", None), ("moss", None)]),
        ("the picture could be brighter and crisper", ["adjust"], []),                                           # whole photo
        ("make it crisper", ["adjust"], []),                                                                     # unchanged
    ],
    # a look or a tone a thing is said to lack is given to that thing
    "a look a thing lacks": [
        ("the fountain needs more sparkle", ["enhance"], [("fountain", None)]),
        ("the cliffs could use some drama", ["enhance"], [("cliff", None)]),
        ("her braid needs more shine", ["enhance"], [("braid", None)]),
        ("the meadow could use more colour", ["adjust"], [("meadow", None)]),
        ("the pier could do with more contrast", ["adjust"], [("pier", None)]),
        ("the picture needs more life", ["enhance"], []),                                                        # whole photo
        ("the cot needs a teddy bear in it", ["add"], []),                                                       # unchanged: a thing
        ("the windowsill could use some plants", ["add"], [("windowsill", None)]),                               # unchanged
        ("tone down the shine on her cheek", ["enhance"], [("cheek", None)]),                                    # unchanged
    ],
    # a broad surface of the scene asked clean: an enhance of it, never the surface painted out
    "a surface made clean": [
        ("clean up the sky a little", ["enhance"], [("sky", None)]),
        ("could you tidy the pond up", ["enhance"], [("pond", None)]),
        ("please clean our barn's roof", ["enhance"], [("roof", "barn's roof")]),
        ("improve the hills please", ["enhance"], [("hill", None)]),
        ("clean up the wheelie bins", ["remove"], [("bin", "wheelie bins")]),                                 # unchanged: things
        ("clean up the petals on the lawn", ["remove"], [("petal", "petals on the lawn")]),                   # unchanged
        ("clean up the stains on the wall", ["remove"], [("stain", "stains on the wall")]),                   # unchanged
        ("clean up her skin a bit", ["adjust"], [("skin", None)]),                                            # unchanged
        ("clean up this snapshot", ["enhance"], []),                                                          # unchanged
    ],
    # a thing asked to blend better with the rest: its own light and colour measured there
    "a thing blended better": [
        ("make the pasted moon blend better with the photo", ["enhance"], [("moon", "pasted moon")]),
        ("could you make the decal blend with the background", ["enhance"], [("decal", None)]),
        ("make the parrot blend in", ["enhance"], [("parrot", None)]),                                          # unchanged
    ],
    # two tones joined by a slash after a thing, or wished with 'I want …' / 'make it look like …': on the thing
    "tones of one thing said otherwise": [
        ("make the canal brighter/sharper", ["adjust"], [("canal", None)]),
        ("I need the dancers brightened/more in focus", ["adjust"], [("dancer", None)]),
        ("we'd like the orchard greener and brighter", ["recolor", "adjust"], [("orchard", None), ("orchard", None)]),
        ("make it look like the cyclist is in focus", ["adjust"], [("cyclist", None)]),
        ("make the sky/sea brighter", ["adjust"], [("sky", None)]),                                       # unchanged
        ("brighten/sharpen it", ["adjust"], []),                                                               # unchanged
        ("I want it brighter and sharper", ["adjust"], []),                                                    # unchanged
    ],
    # 'lighting' added to a thing is its brightness, as 'light' is — not a thing painted on it
    "lighting added": [
        ("add more lighting to the cliffs", ["adjust"], [("cliff", None)]),
        ("add some lighting to the whole shot", ["adjust"], []),
        ("add more light to his face", ["adjust"], [("face", None)]),                                          # unchanged
        ("add lighting effects to the stage", ["add"], [("stage", None)]),                                     # unchanged: a thing
        ("add light rays over the forest", ["add"], [("forest", None)]),                                       # unchanged
    ],
    # a tone added to a thing named with no article ('add sharpness to cats body'): on that thing
    "a tone added to a bare thing": [
        ("add sharpness to horses mane", ["adjust"], [("mane", "horses mane")]),
        ("add some warmth to skin", ["adjust"], [("skin", None)]),
        ("add contrast to photo", ["adjust"], []),                                                            # unchanged
        ("add a bit of brightness to everything", ["adjust"], []),                                            # unchanged
        ("add contrast to the clouds", ["adjust"], [("sky", "clouds")]),                                      # unchanged
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,selects", ROWS, ids=IDS)
def test_kind(kind, text, want, selects):
    check_selects(text, want, selects)


def test_the_amount_of_the_first_comparative_carries_to_the_second():
    _, _, reply = selects_of("make the pond much greener and brighter")
    assert "brightening the pond (+0.5)" in reply.lower(), reply


def test_a_blur_offered_with_removal_blurs_and_offers_the_removal():
    got, _, reply = selects_of("blurring or removing the backdrop")
    assert "blurring the background" in reply.lower() and "remove" in reply.lower(), reply
    assert "sharpen" not in reply.lower(), reply
