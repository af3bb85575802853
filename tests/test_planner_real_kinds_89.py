"""Cut-outs, keep-onlies and removals said with extra words (issue 20, cutout28): a second cut-out after the first
('cut out the heron, also cut out its lifted foot') was kept in place of the first while the reply named the second,
and a part held out ('cut out the cat and the raised paw') became two removals; someone who wants the thing gone
('remove the banner, my manager wants it gone') was removed as a thing called 'manager wants'; 'the rest can stay'
after a removal was not understood, or removed; 'set the backdrop differently' added a thing called 'backdrop
differently'; 'remove all the vans except the white one' cut out 'the one' on nothing; 'remove everything (except the
brown horse)' removed a thing called 'except the brown horse'; '… so only the bride is left' was part of a name.
Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence.

Each row: the request, the actions the plan must take in order, the first select's target (None: unchecked), and words
the reply must hold (None: unchecked). Rows marked "unchanged" planned the same before.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_row, rows_of, selects_of

KINDS = {
    # two cut-outs said one after the other, or a thing and its own part held out: one cut-out keeping both
    "two cut-outs joined": [
        ("cut out the heron, also cut out its lifted foot", ["background"], "heron", "the heron and the lifted foot"),
        ("cut out the cat and the raised paw", ["background"], "cat", "the cat and the raised paw"),
        ("please cut out the parrot in this shot, and cut-out the outstretched wing", ["background"], "parrot",
         "the parrot and the"),
        ("isolate the kite, then cut-out the boy too", ["background"], "kite", "the kite and the boy"),
        ("remove everything except the goat, then remove everything except the hen", ["background"], "goat",
         "the goat and the hen"),                         # the second cut-out would have erased the goat
        ("cut out the puppy and his tail as a png", ["background"], "dog", "puppy and the tail"),    # unchanged
        ("cut out the dog", ["remove"], "dog", "removing the dog"),                                   # unchanged
        ("remove the dog and the cat", ["remove", "remove"], "dog", "then removing the cat"),         # unchanged
        ("cut out the stool and the boy standing on it, then cut out the glove", ["remove", "remove", "remove"],
         "stool", None),                                                         # unchanged: not said as its part
        ("remove the man and his raised arm", ["remove", "remove"], "man", None),  # unchanged: 'remove' is no cut-out
        ("isolate the cat and remove its raised paw", ["background", "remove"], "cat", "then removing the raised paw"),
        # unchanged: the part removed with its own verb
    ],
    # who wants the thing gone, said after its removal, is that removal told again
    "who wants it gone": [
        ("remove the banner, my manager wants it gone", ["remove"], "banner", "removing the banner."),
        ("erase the stickers on the door. My landlord would like them removed", ["remove"], "sticker", None),
        ("take out the bin as my wife wants it gone", ["remove"], "bin", "removing the bin."),
        ("delete the tag, I want it gone", ["remove"], "tag", "removing the tag."),
        ("remove the banner, my manager wants it brighter", None, "banner", None),   # a look: not only told
        ("my manager wants the banner gone", ["remove"], "banner", None),            # unchanged: the removal itself
    ],
    # the rest said to stay after an edit only confirms the edit's scope
    "the rest stays": [
        ("remove the crane, everything else can stay", ["remove"], "crane", "removing the crane."),
        ("erase the scooter in the corner. The rest can stay!", ["remove"], "scooter", "removing the scooter"),
        ("get rid of the fence please. leave the rest of the photo as it is", ["remove"], "fence", None),
        ("brighten the lake, and the rest should remain untouched", ["adjust"], "lake", None),
        ("keep the rest the same and brighten the sky", ["adjust"], "sky", "keep the rest the same"),  # unchanged:
        # said before any edit, it is still said as not understood
        ("remove the crane, the boat can stay", ["remove"], "crane", "removing the crane."),     # one thing stays
    ],
    # all the colour taken but from what is named: a colour splash, never a cut-out
    "colour taken from all but one": [
        ("remove all colour except for the lips", ["adjust"], "lip", "black and white"),
        ("strip the colours except the red kite", ["adjust"], "kite", "black and white"),
        ("remove everything except the lips", ["background"], "lip", "transparent"),             # unchanged
    ],
    # the background wished different with nothing said of it: the default backdrop, as 'change the background'
    "the background set differently": [
        ("set the backdrop differently", ["background"], None, "neutral studio backdrop"),
        ("could you make the background different", ["background"], None, "neutral studio backdrop"),
        ("style the background a little differently please", ["background"], None, "neutral studio backdrop"),
        ("change the backdrop to a sandy cove", ["background"], None, "sandy cove"),          # unchanged
    ],
    # things of one kind named, then which of them stays: every one selected, the kept ones subtracted, the rest gone
    "one of a kind kept": [
        ("remove all the vans except the white one", ["remove"], "van", "except the white van"),
        ("erase every lamp post but the tall one", ["remove"], "lamp post", "every lamp post except"),
        ("delete the kayaks except the one on the right", ["remove"], "kayak", "the kayak on the right"),
        ("remove all the joggers except the man in the cap", ["remove"], "person", "everyone except the man in the cap"),
        ("remove everything except the dog", ["background"], "dog", "except the dog"),          # unchanged: a cut-out
        ("remove everything (except the brown horse)", ["background"], "horse", "except the brown horse"),
        ("get rid of the shells beside me", ["remove"], "shell", None),                         # unchanged: a place
    ],
    # what a removal leaves, told after 'so only …', is no part of its name and nothing more to remove
    "so only what is left": [
        ("erase the two waiters so only the bride is left", ["remove"], "waiter", "removing the two waiters."),
        ("remove the swimmers in the back, so only the dunes and sea are visible", ["remove"], "swimmer", None),
        ("remove the sign so it's just the wall", ["remove"], "sign", "removing the sign."),       # unchanged
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,target,says", ROWS, ids=IDS)
def test_kind(kind, text, want, target, says):
    if want is None:
        got, plan, _ = actions(text)
        assert target is None or any(getattr(c.args, "target", None) == target for c in plan.calls), plan.reply
        return
    check_row(text, want, target, says)


def test_a_joined_cut_out_keeps_both_things_and_cuts_the_rest_away():
    got, selects, reply = selects_of("cut out the heron, also cut out its lifted foot")
    _, plan, _ = actions("cut out the heron, also cut out its lifted foot")
    first, second = [c.args for c in plan.calls if c.tool == "select"]
    assert first.target == "heron" and first.exclude and second.target == "foot" and second.subtract, reply
    assert plan.calls[-1].args.background == "transparent", reply


def test_who_wants_it_gone_is_no_second_thing_and_no_question():
    got, selects, reply = selects_of("remove the banner, my manager wants it gone")
    assert selects == [("banner", None)] and "?" not in reply and "manager" not in reply.lower(), reply


def test_the_rest_said_to_stay_is_neither_removed_nor_said_not_understood():
    got, selects, reply = selects_of("remove the crane. Everything else can stay!")
    assert selects == [("crane", None)] and "understand" not in reply, reply
    _, plan, sure = actions("remove the crane. Everything else can stay!")
    assert sure, reply


def test_one_of_a_kind_kept_subtracts_the_kept_one_from_every_one():
    _, plan, _ = actions("remove all the vans except the white one")
    first, kept = [c.args for c in plan.calls if c.tool == "select"]
    assert first.target == "van" and first.all and not first.subtract, plan.reply
    assert kept.target == "van" and kept.subtract and kept.phrase == "white van", plan.reply
    assert plan.calls[-1].args.task == "remove", plan.reply


def test_a_kind_removed_then_kept_in_part_is_one_removal():
    got, selects, reply = selects_of("remove the vans. then remove all vans except the white one")
    assert got == ["remove"] and len(selects) == 2, reply


def test_the_background_set_differently_is_unsure_and_says_how_to_name_one():
    _, plan, sure = actions("set the backdrop differently")
    assert not sure and "say “change the background to" in plan.reply, plan.reply
    assert not any(c.tool == "inpaint" and c.args.task == "add" for c in plan.calls), plan.reply
