"""The auto planner: the rules when they are sure, a local LLM for the rest.

The rules planner answers in well under 5 ms and, on the evaluation set, picks the right action
far more often than a small local model (benchmarks/planner_eval.py), which tends to invent edits.
So the LLM is asked only when the rules are not confident — a clause with an edit word they could
not read, or nothing recognised at all — and its plan is used only when it is valid and passes
`accept`: it edits something, every object it selects is named in the words, and a crop,
outpaint, history move, save or "everything except" is asked for in so many words (a 0.5B model,
asked to "absorb the raindrops", crops to 16:9). Otherwise the rules' answer stands (for an unsure rules answer that is
an honest "I'm not sure …" reply, never a guessed edit). With no LLM configured, auto is exactly
the rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from retouch.agent.plan import Plan
from retouch.agent.planner.base import Planner, PlanningContext

LLM_NOTE = "(planned by the local model)"


@dataclass
class AutoResult:
    plan: Plan
    source: str
    """rules (confident) · rules-only (unsure, no LLM) · llm (the LLM's plan was used) ·
    rules-kept (unsure, the LLM was asked but its plan was not used)."""
    llm: Any = None
    """The LLM backend's `LLMResult` when it was asked and can say more than its plan."""


_IRREGULAR = {"people": "person", "men": "man", "women": "woman", "children": "child", "mice": "mouse",
              "geese": "goose", "teeth": "tooth", "feet": "foot", "leaves": "leaf"}


_ASKED_FOR = {
    "crop": re.compile(r"\b(?:crop|cut|trim|rotat|turn|flip|mirror|square|aspect|ratio|portrait|landscape|straight|"
                       r"tilt|degree|upside)\w*|\d\s*:\s*\d"),
    "outpaint": re.compile(r"\b(?:extend|expand|widen|wider|taller|uncrop|outpaint|zoom|room|canvas|panoram|border|"
                           r"bigger|larger)\w*"),
    "history": re.compile(r"\b(?:undo|redo|revert|back|original|previous|before|scrap|restore|reset|again)\b"),
    "save": re.compile(r"\b(?:save|export|write|store)\b"),
}
"""Geometry, history and saving change what the user sees without a named object; the words must ask."""
_EXCLUDE_WORDS = re.compile(r"\b(?:except|but|other\s+than|everything|apart\s+from|background|backdrop|behind|"
                            r"around|surrounding|rest)\b")
"""`exclude` selects everything *but* the thing: the words must say so (the 1.5B model, asked to remove
"the power lines", selected everything except them)."""
_EDITS = ("inpaint", "adjust", "outpaint", "crop", "history", "save")


def accept(plan: Plan, text: str) -> bool:
    """Whether auto uses an LLM's (valid) plan: it must do something — a plan that only selects is
    not an answer to an edit request — every object it selects must be named (`plausible`), a
    crop, outpaint, history move or save needs a word that asks for it, and so does selecting
    everything *except* something."""
    low = text.lower()
    if not any(call.tool in _EDITS for call in plan.calls):
        return False
    if any(call.tool in _ASKED_FOR and not _ASKED_FOR[call.tool].search(low) for call in plan.calls):
        return False
    if any(call.tool == "select" and call.args.exclude for call in plan.calls) and not _EXCLUDE_WORDS.search(low):
        return False
    return plausible(plan, text)


def plausible(plan: Plan, text: str) -> bool:
    """The LLM's plan only selects things the user named: a model that "removes the person" when
    asked to "purify the visual content" is inventing an edit."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    stems = words | {w[:-1] for w in words if w.endswith("s")} | {w[:-2] for w in words if w.endswith("es")} | \
        {_IRREGULAR[w] for w in words if w in _IRREGULAR}
    for call in plan.calls:
        if call.tool == "select":
            names = re.findall(r"[a-z]+", call.args.target.lower())
            if not names or not all(name in stems or name + "s" in words for name in names):
                return False
    return True


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
        text = text if isinstance(text, str) else str(text)
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
