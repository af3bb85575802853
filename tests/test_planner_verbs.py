"""Every declared verb, through every clause shape: a new verb is one line in `rules_vocab.VERBS`, and this
test is what makes that true.

For each verb the clause "<verb> <its object>" is planned alone; that plan must take the verb's declared
action (for verbs of one action). Then the same clause is put beside a second edit of another kind in every
shape people write — ", then", " and ", a comma, a run-on line with no punctuation, after a greeting, inside a
question, and for removal verbs the passive ("I want the sign obliterated", "the sign has to be
obliterated") — and the plan must keep both: the verb's steps and the other edit's, in the order written.
A verb that only works at the start of a request, or that one shape drops, fails here by name and shape.
"""

from __future__ import annotations

import pytest

from retouch.agent.planner.base import PlanningContext
from retouch.agent.planner.rules import RulesPlanner
from retouch.agent.planner.rules_verbs import VERBS, participle
from retouch.agent.planner.rules_vocab import Verb

PLANNER = RulesPlanner()
CONTEXT = PlanningContext(image_size=(800, 600))

OBJECTS = {"remove": "the sign", "add": "a cat on the sofa", "replace": "the dog with a cat", "recolor": "the car red",
           "fix": "his hand", "adjust": "the sky", "enhance": "the photo", "crop": "it by 30 degrees",
           "outpaint": "it to the left",
           "save": "it as out.png", "history": "", "select": "the dog"}
"""What a verb of each action acts on in the test, unless the verb declares its own `example`."""
OTHER = {"adjust": "remove the bin", "remove": "make the photo warmer"}
_TONE = ("adjust", "enhance")
"""The second edit: a warm-up, or a removal beside a tone verb (two tone changes are one adjust). The warm-up names the
photo: after "select the dog", "it" is the dog."""

SHAPES = {
    "then": "{other}, then {clause}",
    "and": "{other} and {clause}",
    "comma": "{other}, {clause}",
    "run-on": "{other} {clause}",
    "greeting": "Hi all! {clause} and {other}",
    "question": "could you {other} and {clause}?",
    "asked first": "can someone {clause} and {other}, thanks",
}
PASSIVES = ("{other} and I want {object} {participle}", "{other}. {object} has to be {participle}")


def _clause(verb: Verb) -> str:
    thing = "the car" if verb.means else OBJECTS.get(verb.action, "")     # "whiten the car": the verb is the colour
    return f"{verb.words} {verb.example or thing}".strip()


_USES_SELECTION = ("refine_mask", "inpaint")


def _actions(text: str) -> tuple[list[str], str]:
    """The actions of the plan in order: each inpaint's task, each outpaint/adjust/crop/history/save, and a
    selection that nothing after it uses ("select the dog")."""
    plan = PLANNER.plan(text, CONTEXT)
    actions = []
    for index, call in enumerate(plan.calls):
        if call.tool == "inpaint":
            actions.append(call.args.task)
        elif call.tool in ("adjust", "enhance", "outpaint", "crop", "history", "save"):
            actions.append(call.tool)
        elif call.tool == "select":
            after = plan.calls[index + 1] if index + 1 < len(plan.calls) else None
            used = after is not None and (after.tool in _USES_SELECTION or after.tool == "select"
                                          or getattr(after.args, "masked", False)
                                          or getattr(after.args, "keep_selection", False)
                                          or getattr(after.args, "center_on_selection", False))
            if not used:
                actions.append("select")
    return actions, plan.reply


def _other(alone: list[str]) -> str:
    return OTHER["adjust"] if any(action in _TONE for action in alone) else OTHER["remove"]


def test_every_verb_has_an_object_to_act_on():
    missing = [verb.words for verb in VERBS if verb.action == "edit" and not verb.example]
    assert not missing, f"verbs of any edit need an `example` (what they act on in this test): {missing}"


@pytest.mark.parametrize("verb", VERBS, ids=[verb.words for verb in VERBS])
def test_a_verb_keeps_both_steps_in_every_shape(verb: Verb):
    clause = _clause(verb)
    alone, alone_reply = _actions(clause)
    if verb.action != "edit":
        assert verb.action in alone, f"“{clause}” alone plans {alone} ({alone_reply}), not {verb.action}"
    else:
        sure = PLANNER.plan_with_confidence(clause, CONTEXT)[1]
        assert alone or sure, f"“{clause}” alone plans nothing and the rules are unsure: {alone_reply}"
    said = "" if alone else alone_reply.split(" — ")[0]     # a deliberate refusal ("no tool removes noise …")
    other = _other(alone)
    other_actions, _ = _actions(other)
    broken = []
    shapes = [(name, shape.format(other=other, clause=clause)) for name, shape in SHAPES.items()]
    if verb.action == "remove":
        shapes += [(f"passive {i + 1}", shape.format(other=other, object=OBJECTS["remove"], participle=participle(verb)))
                   for i, shape in enumerate(PASSIVES)]
    for name, text in shapes:
        got, reply = _actions(text)
        want = alone + other_actions if name in ("greeting", "asked first") else other_actions + alone
        if got != want or said not in reply:
            broken.append(f"{name}: “{text}” → {got} ({reply})")
    assert not broken, f"“{verb.words}” loses a step:\n" + "\n".join(broken)


def test_the_lists_come_from_the_declarations():
    """A declared verb appears in every list the parser needs, in the forms a sentence shows it."""
    from retouch.agent.planner import rules_verbs

    assert {"obliterate", "obliterating", "get rid of"} <= set(rules_verbs.REMOVE_VERBS)
    assert {"obliterate", "paint", "could you", "i want"} <= set(rules_verbs.SPLIT_VERBS)
    assert "obliterate" in rules_verbs.IMPERATIVE_VERBS and "paint" in rules_verbs.NOUN_LIKE_VERBS
    assert {"obliterated", "taken out", "hidden", "scrubbed", "gone"} <= set(rules_verbs.REMOVED_WORDS)
    assert {"clear the", "clear any"} <= set(rules_verbs.REMOVE_VERBS) and "clear" not in rules_verbs.REMOVE_VERBS
    assert rules_verbs.COLOR_VERBS["whiten"] == "white"
    assert {"ps", "shop", "photoshop"} <= set(rules_verbs.OUT_VERBS)
    assert rules_verbs.action_of("obliterated") == "remove" and rules_verbs.action_of("xyzzy") is None


@pytest.mark.parametrize("verb, passive, ing", [
    (Verb("remove", "remove"), "removed", "removing"), (Verb("scrub", "remove"), "scrubbed", "scrubbing"),
    (Verb("nullify", "remove"), "nullified", "nullifying"), (Verb("take out", "remove"), "taken out", "taking out"),
    (Verb("omit", "remove", participle="omitted"), "omitted", "omitting"), (Verb("dye", "recolor"), "dyed", "dyeing"),
])
def test_verb_forms(verb, passive, ing):
    from retouch.agent.planner.rules_verbs import gerund

    assert participle(verb) == passive and gerund(verb) == ing


@pytest.mark.parametrize("verbs, problem", [
    ((Verb("nuke", "remove"), Verb("nuke", "add")), "declared twice"),
    ((Verb("nuke", "destroy"),), "no action"),
    ((Verb("Nuke", "remove"),), "lowercase"),
])
def test_a_bad_declaration_is_refused_by_name(verbs, problem):
    from retouch.agent.planner.rules_verbs import check

    with pytest.raises(ValueError, match=problem):
        check(verbs)
