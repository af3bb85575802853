"""Keep-only requests in the rules planner: some people stay, the rest are inpainted away (the scene kept).

Sentences are our own; each carries a phenomenon seen in real requests: 'everyone except X', 'all the people
but X', 'keep only X, remove everything else', 'just X, remove the others', the owner kept ('me', 'us'), a list
of people kept, and look-alikes that must not change.
"""

from __future__ import annotations

import pytest

from retouch.agent.plan import Plan
from retouch.agent.planner.base import PlanningContext
from retouch.agent.planner.rules import RulesPlanner

CTX = PlanningContext(image_size=(1200, 800))


def _plan(words: str) -> Plan:
    return RulesPlanner().plan(words, CTX)


def _kept(plan: Plan) -> list[dict]:
    """The subtracted selects' args (what stays), each without its unset fields."""
    return [{key: value for key, value in call.args.model_dump().items() if value not in (None, False)}
            for call in plan.calls if call.tool == "select" and call.args.subtract]


def _is_keep_only(plan: Plan) -> None:
    tools = plan.tools()
    assert tools[0] == "select" and plan.calls[0].args.model_dump()["target"] == "person"
    assert plan.calls[0].args.all and not plan.calls[0].args.exclude, "every person is selected first"
    assert tools[-2:] == ["refine_mask", "inpaint"] and plan.calls[-1].args.task == "remove", tools
    assert all(call.args.subtract for call in plan.calls[1:-2]), "then only subtractions"


@pytest.mark.parametrize(("words", "kept"), [
    ("remove everyone except the boy in front", [{"target": "boy", "position": "foreground", "subtract": True}]),
    ("Erase everyone but the girl on the right, thanks", [{"target": "girl", "position": "right", "subtract": True}]),
    ("erase all the people except the woman on the left",
     [{"target": "woman", "position": "left", "subtract": True}]),
    ("remove the people apart from the man in the green coat",
     [{"target": "man", "phrase": "man in the green coat", "subtract": True}]),
    ("remove everybody other than the two kids", [{"target": "kid", "count": 2, "subtract": True}]),
    ("remove everyone else except the old man", [{"target": "man", "phrase": "old man", "subtract": True}]),
    ("remove everyone, but keep the lady in yellow", [{"target": "lady", "phrase": "lady in yellow", "subtract": True}]),
])
def test_everyone_except_someone_subtracts_who_stays(words: str, kept: list[dict]) -> None:
    plan = _plan(words)
    _is_keep_only(plan)
    assert _kept(plan) == kept
    assert "untouched" in plan.reply and "except" in plan.reply, plan.reply


def test_several_kept_people_are_each_subtracted() -> None:
    plan = _plan("remove everyone except the bride and the tall man")
    _is_keep_only(plan)
    assert [args["target"] for args in _kept(plan)] == ["bride", "man"]
    assert "who stay untouched" in plan.reply


def test_a_list_cut_at_and_is_joined_back() -> None:
    """The clause splitter cuts 'except the cook and the waiter' at 'and': both are still kept."""
    plan = _plan("remove everyone except the cook and the waiter")
    assert [args["target"] for args in _kept(plan)] == ["cook", "waiter"]


def test_a_second_request_after_and_stays_a_second_request() -> None:
    plan = _plan("remove everyone except the boy and make it brighter")
    assert plan.tools() == ["select", "select", "refine_mask", "inpaint", "adjust"]
    assert _kept(plan) == [{"target": "boy", "subtract": True}]


@pytest.mark.parametrize("words", [
    "keep only the two girls, remove the others",
    "keep only the two girls and remove everyone else",
    "just the two girls please, remove the rest",
    "only keep the two girls. get rid of everybody else",
])
def test_keep_only_then_remove_the_others(words: str) -> None:
    plan = _plan(words)
    _is_keep_only(plan)
    assert _kept(plan) == [{"target": "girl", "count": 2, "subtract": True}]


@pytest.mark.parametrize("words", ["keep only the van, remove everything else",
                                   "keep only the van and delete everything else"])
def test_keep_only_a_thing_and_everything_else_is_a_cut_out_said_so(words: str) -> None:
    plan = _plan(words)
    assert plan.tools() == ["select", "refine_mask", "inpaint"]
    assert plan.calls[0].args.target == "van" and plan.calls[0].args.exclude
    assert plan.calls[2].args.task == "background" and plan.calls[2].args.background == "transparent"
    assert "transparent background" in plan.reply


@pytest.mark.parametrize(("words", "kept"), [
    ("remove everyone but me", None),
    ("remove everybody except myself", None),
    ("get rid of everybody but me and my husband", 2),
    ("just the three of us please, remove the others", 3),
    ("remove everyone except us", 2),
])
def test_the_owner_kept_is_the_largest_people_said_and_unsure(words: str, kept: int | None) -> None:
    """No finder knows who 'me' is; a photo's subjects are nearly always its largest people, so those stay (one, two
    for 'us', the number said), the reply says so and how to name yourself, and `auto` may check it."""
    plan, sure = RulesPlanner().plan_with_confidence(words, CTX)
    _is_keep_only(plan)
    want = {"target": "person", "size": "largest", "subtract": True}
    assert _kept(plan) == [{**want, "count": kept} if kept else want]
    assert not sure and "say where you are" in plan.reply and "largest" in plan.reply


@pytest.mark.parametrize("words", ["remove everyone except", "remove everybody but ...", "remove everyone except  !"])
def test_an_empty_kept_name_is_a_question(words: str) -> None:
    plan = _plan(words)
    assert plan.calls == [] and plan.reply.startswith("Whom should I keep?"), plan.reply


@pytest.mark.parametrize(("words", "tools", "target"), [
    ("remove the bin but keep the bench", ["select", "refine_mask", "inpaint"], "bin"),
    ("remove everything except the dog", ["select", "refine_mask", "inpaint"], "dog"),
    ("remove the sign on the Except Hotel", ["select", "refine_mask", "inpaint"], "sign"),
])
def test_look_alikes_do_not_change(words: str, tools: list[str], target: str) -> None:
    plan = _plan(words)
    assert plan.tools() == tools and plan.calls[0].args.target == target
    assert not any(call.tool == "select" and call.args.subtract for call in plan.calls)


def test_everything_but_a_vague_thing_stays_a_cut_out() -> None:
    """'everything but the essentials' names no person and says 'everything': the existing cut-out reading (the
    finder is asked for 'essentials'; a wrong guess is visible as a transparent result, never a lost original)."""
    plan = _plan("remove everything but the essentials")
    assert plan.calls[0].args.exclude and not _kept(plan)


def test_everyone_outside_a_place_is_no_keep_only() -> None:
    """'outside' is a place here, not 'except'."""
    assert not _kept(_plan("remove everyone outside the shop"))


@pytest.mark.parametrize("words", [
    "remove everyone except " + "the boy " * 400,
    "remove everyone except \x1b[31mthe boy\x1b[0m",
    "remove everyone except the boy\x00",
    "remove everyone except the " + "\u202e" + "boy",
    "remove everyone except the nan",
    "remove everyone except the -5 boys",
])
def test_hostile_kept_names_give_a_valid_plan(words: str) -> None:
    plan = _plan(words)                     # validated by the contract: no raise, no escape sequence kept
    assert "\x1b" not in plan.reply and "\x00" not in plan.reply
    for args in _kept(plan):
        assert 0 < len(args["target"]) <= 200


def test_a_place_after_who_goes_is_every_person_and_said() -> None:
    plan = _plan("I'd like you to erase all of the people on the beach except the girl with the kite")
    _is_keep_only(plan)
    assert _kept(plan) == [{"target": "girl", "phrase": "girl with the kite", "subtract": True}]
    assert "not only those on the beach" in plan.reply


def test_a_place_that_is_the_picture_needs_no_word() -> None:
    plan = _plan("remove everybody in this photo except the groom")
    _is_keep_only(plan)
    assert "not only" not in plan.reply


@pytest.mark.parametrize(("words", "kept"), [
    ("remove everyone except the one on the right", {"target": "person", "position": "right", "subtract": True}),
    ("remove everyone apart from the two in the middle",
     {"target": "person", "position": "center", "count": 2, "subtract": True}),
    ("remove the people except the one in the red scarf, that's me",
     {"target": "person", "phrase": "person in the red scarf", "subtract": True}),
])
def test_an_unnamed_one_among_people_is_a_person(words: str, kept: dict) -> None:
    plan = _plan(words)
    _is_keep_only(plan)
    assert _kept(plan) == [kept]


def test_everyone_else_with_no_one_named_asks_who_stays() -> None:
    plan = _plan("could you remove everybody else from this picture")
    assert plan.calls == [] and plan.reply.startswith("Who should stay?"), plan.reply


def test_an_llm_plan_may_subtract_only_when_the_words_keep_someone() -> None:
    from retouch.agent.planner.word_check import unasked

    plan = _plan("remove everyone except the boy in front")
    assert unasked(plan, "remove everyone except the boy in front") is None
    assert "takes something out of the selection" in unasked(plan, "remove everyone and the boy in front")


def test_a_couple_kept_is_two_people() -> None:
    plan = _plan("remove everyone except the couple who are dancing")
    _is_keep_only(plan)
    assert _kept(plan) == [{"target": "person", "phrase": "couple who are dancing", "count": 2, "subtract": True}]
    assert "except the couple who are dancing, who stay untouched" in plan.reply


def test_a_second_request_after_a_comma_is_not_part_of_who_stays() -> None:
    plan = _plan("remove everyone except the girl, crop it square")
    assert plan.tools() == ["select", "select", "refine_mask", "inpaint", "crop"]
    assert _kept(plan) == [{"target": "girl", "subtract": True}]


@pytest.mark.parametrize("words", ["select everyone except the person on the right",
                                   "mask everybody but the person on the right"])
def test_select_everyone_except_someone_is_the_two_selects_alone(words: str) -> None:
    plan = _plan(words)
    assert plan.tools() == ["select", "select"]
    assert plan.calls[0].args.all and plan.calls[0].args.target == "person"
    assert _kept(plan) == [{"target": "person", "position": "right", "subtract": True}]
    assert plan.reply == "Selecting everyone except the person on the right."


@pytest.mark.parametrize("words", ["remove everyone except this one", "remove everybody but her",
                                   "remove everyone except them"])
def test_a_pointer_as_who_stays_is_a_question(words: str) -> None:
    """A pointed-at selection can't yet be kept out of a removal: asked, never a guess at 'the one'."""
    for fresh in (False, True):
        plan = RulesPlanner().plan(words, PlanningContext(image_size=(1200, 800), has_selection=fresh,
                                                          fresh_selection=fresh))
        assert plan.calls == [] and plan.reply.startswith("Who stays?"), plan.reply


def test_everyone_outside_a_place_is_declined_for_the_place_not_as_an_except() -> None:
    plan = RulesPlanner().plan("remove everyone outside the shop")
    assert not plan.calls and "who is outside the shop" in plan.reply and "except" not in plan.reply
