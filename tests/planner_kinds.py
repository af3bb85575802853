"""What the real-request kind tests (`test_planner_real_kinds*.py`) share: the planner, a photo size, and
how a row — request, actions in order, the first select's target, words the reply must hold — is checked."""

from __future__ import annotations

from retouch.agent.plan import Plan, validate_plan
from retouch.agent.planner.base import PlanningContext
from retouch.agent.planner.rules import RulesPlanner

PLANNER = RulesPlanner()
CONTEXT = PlanningContext(image_size=(1200, 800))
_NAMED_TOOLS = ("adjust", "enhance", "outpaint", "crop", "history", "save")


def actions(text: str, context: PlanningContext = CONTEXT) -> tuple[list[str], Plan, bool]:
    """The plan's actions (an inpaint's task, or the tool), the plan (validated against the contract), and
    whether the rules are sure of it."""
    plan, sure = PLANNER.plan_with_confidence(text, context)
    validate_plan(plan.model_dump())
    found = [call.args.task if call.tool == "inpaint" else call.tool
             for call in plan.calls if call.tool == "inpaint" or call.tool in _NAMED_TOOLS]
    return found, plan, sure


def first_target(plan: Plan) -> str | None:
    return next((c.args.target for c in plan.calls if c.tool == "select"), None)


def first_prompt(plan: Plan) -> str | None:
    """What the plan's first fill is asked to draw (None when there is no fill, or it has no prompt)."""
    return next((c.args.prompt for c in plan.calls if c.tool == "inpaint"), None)


def selects_of(text: str) -> tuple[list[str], list[tuple[str, str | None]], str]:
    """The plan's actions, each select's (target, phrase) in order (phrase None: nothing beyond the target), and its
    reply — for the rows that say what every select must carry."""
    got, plan, _ = actions(text)
    return got, [(c.args.target, c.args.phrase) for c in plan.calls if c.tool == "select"], plan.reply


def check_selects(text: str, want: list[str] | None, selects: list[tuple[str, str | None]]) -> None:
    """The request plans `want` in order (unchecked when None) and its selects carry `selects`, in order."""
    got, found, reply = selects_of(text)
    if want is not None:
        assert got == want, (text, reply)
    assert found == selects, (text, reply)


def rows_of(kinds: dict[str, list[tuple]]) -> tuple[list[tuple], list[str]]:
    """The parametrize rows (kind first) and their ids."""
    rows = [(kind, *row) for kind, rows in kinds.items() for row in rows]
    return rows, [f"{r[0]}: {r[1][:40]}" for r in rows]


def check_row(text: str, want: list[str], target: str | None, says: str | None) -> None:
    """The request plans `want` in order; when given, the first select finds `target` and the reply holds
    `says` (letter case aside)."""
    got, plan, _ = actions(text)
    assert got == want, (text, plan.reply)
    if target is not None:
        assert first_target(plan) == target, (text, plan.reply)
    if says is not None:
        assert says.lower() in plan.reply.lower(), (text, plan.reply)
