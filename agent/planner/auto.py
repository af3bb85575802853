"""The auto planner: the rules when they are sure, a local LLM for the rest.

The rules planner answers in well under 5 ms and, on the evaluation set, picks the right action
far more often than a small local model (benchmarks/planner_eval.py), which tends to invent edits.
So the LLM is asked only when the rules are not confident — a clause with an edit word they could
not read, nothing recognised at all, or a step whose name reads like a second request — and its
plan is used only when it is valid and passes `accept`: it edits something, every object it
selects is named in the words, and a crop, outpaint, history move, save or "everything except" is
asked for in so many words (a 0.5B model, asked to "absorb the raindrops", crops to 16:9).
Otherwise the rules' answer stands (for an unsure rules answer that is an honest "I'm not sure …"
reply, never a guessed edit). A question the rules ask on purpose — a number out of range, a name
that names nothing — is a confident answer: no model is asked to guess instead. With no LLM
configured, auto is exactly the rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from retouch.agent.plan import Plan
from retouch.agent.planner.base import Planner, PlanningContext
from retouch.agent.planner.rules_text import strip_escapes
from retouch.agent.planner.word_check import plausible, unasked

__all__ = ["AutoPlanner", "AutoResult", "LLM_NOTE", "accept", "plausible"]

LLM_NOTE = "(planned by the local model)"


@dataclass
class AutoResult:
    plan: Plan
    source: str
    """rules (confident) · rules-only (unsure, no LLM) · llm (the LLM's plan was used) ·
    rules-kept (unsure, the LLM was asked but its plan was not used)."""
    llm: Any = None
    """The LLM backend's `LLMResult` when it was asked and can say more than its plan."""


_EDITS = ("inpaint", "adjust", "enhance", "outpaint", "crop", "history", "save")


def accept(plan: Plan, text: str) -> bool:
    """Whether auto uses an LLM's (valid) plan: it must do something — a plan that only selects is
    not an answer to an edit request — and pass the word check every LLM plan passes
    (`word_check.unasked`): a crop, outpaint, history move or save needs a word that asks for it, so
    does selecting everything *except* something, and every object it selects must be named."""
    if not any(call.tool in _EDITS for call in plan.calls):
        return False
    return unasked(plan, text) is None


class AutoPlanner:
    """Planner backend "auto": rules first; the LLM (if any) only where the rules are unsure."""

    name = "auto"

    def __init__(self, llm: Planner | None = None) -> None:
        from retouch.agent.planner.rules import RulesPlanner

        self.rules = RulesPlanner()
        self.llm = llm

    def plan(self, text: str, context: PlanningContext | None = None) -> Plan:
        return self.plan_detailed(text, context).plan

    def plan_detailed(self, text: str, context: PlanningContext | None = None) -> AutoResult:
        text = strip_escapes(text if isinstance(text, str) else str(text))     # no digit of an escape reaches a model
        plan, confident = self.rules.plan_with_confidence(text, context)
        if confident:
            return AutoResult(plan, "rules")
        if self.llm is None:
            return AutoResult(plan, "rules-only")
        detailed = getattr(self.llm, "plan_detailed", None)
        if detailed is not None:
            result = detailed(text, context)
            llm_plan, from_model = result.plan, result.from_model
        else:                                           # any Planner: trust only what it returns
            result = None
            llm_plan, from_model = self.llm.plan(text, context), True
        if from_model and llm_plan.calls and accept(llm_plan, text):
            reply = f"{llm_plan.reply} {LLM_NOTE}".strip()
            return AutoResult(Plan(calls=llm_plan.calls, reply=reply[:2000]), "llm", result)
        return AutoResult(plan, "rules-kept", result)
