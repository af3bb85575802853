"""What every planner receives and returns.

A planner turns one user message into a `Plan`. It gets a `PlanningContext` — a small, plain
summary of the session — so that follow-ups ("the other one", "make it bigger", "again with
another seed") can be understood without the planner touching the session store itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from retouch.agent.plan import Plan, SelectArgs


@dataclass(frozen=True)
class PlanningContext:
    """What the planner may know about the session: never pixels, only facts."""

    image_size: tuple[int, int] | None = None
    """(width, height) of the current version, for pixel arithmetic like "extend by a quarter"."""
    has_selection: bool = False
    """A mask is already active (a user's --mask file, or the last select) — "remove this" uses it."""
    fresh_selection: bool = False
    """The active mask was made since the last edit — pointed at, a --mask file, "select the dog" — not one left
    over from an edit: "make this darker", "remove this dog" and a bare "remove" act on it."""
    last_selection: SelectArgs | None = None
    """The last `select` that ran, for "the other one", "now the right one too"."""
    last_plan: Plan | None = None
    """The last plan that edited the image, for "try again", "make it stronger"."""
    version: int = 0
    """The current version number (0 = the original)."""
    version_count: int = 1
    """How many versions exist, for "go back to the original" and "revert to 2"."""
    extra: dict[str, object] = field(default_factory=dict)


@runtime_checkable
class Planner(Protocol):
    """A backend for the planner role: rules, a local GGUF model, or a local OpenAI-style server."""

    name: str

    def plan(self, text: str, context: PlanningContext | None = None) -> Plan:
        """Return a valid plan; when the request can't be mapped, a plan with no calls and a reply
        that says what was understood and what is possible instead. Must not raise on any text."""
        ...
