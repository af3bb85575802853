"""Planners: words → `Plan`. The rules backend is always there; LLM backends are optional."""

from retouch.agent.planner.base import Planner, PlanningContext

__all__ = ["Planner", "PlanningContext"]
