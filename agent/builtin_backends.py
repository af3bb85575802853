"""The backends that ship with Retouch, registered like any other (simonw/llm's habit)."""

from __future__ import annotations

from typing import Any

from agent.registry import register


def _rules_planner(**_: Any) -> Any:
    from agent.planner.rules import RulesPlanner

    return RulesPlanner()


def _builtin_inpainter(**_: Any) -> Any:
    from tools.builtin_inpainter import BuiltinInpainter

    return BuiltinInpainter()


class _NoFinder:
    """Stands in when no finder can be loaded, so selection by name fails with a clear line."""

    name = "none"

    def find(self, image: Any, target: str, phrase: str | None = None) -> list:
        return []

    def inventory(self, image: Any) -> dict[str, int]:
        return {}


def _no_finder(**_: Any) -> Any:
    return _NoFinder()


def register_all() -> None:
    register("planner", "rules", _rules_planner, "built-in rules: instant, deterministic, no model")
    register("inpainter", "builtin", _builtin_inpainter,
             "built-in content-aware fill, recolour and background: no weights")
    register("finder", "none", _no_finder, "finds nothing: explicit regions and mask files only")
    # --- finders (grounding: tools/finders) ---
    def _embedded_finder(**options: Any) -> Any:
        from tools.finders import make_embedded

        return make_embedded(**options)

    def _grounded_sam_finder(**options: Any) -> Any:
        from tools.finders import make_grounded_sam

        return make_grounded_sam(**options)

    register("finder", "embedded", _embedded_finder,
             "MediaPipe's shipped models: people, faces, heads, hands, feet, arms, legs; no downloads")
    register("finder", "grounded-sam", _grounded_sam_finder,
             "Grounding DINO + SAM (transformers): anything with a name; weights from the local cache")
    # --- inpainters (diffusion: tools/diffusion) ---
    # --- planners (LLM backends: agent/planner) ---
