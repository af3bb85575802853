"""A plan in a few words — "select(target person) → refine_mask(grow 14, blur 8) → inpaint(task remove …)" —
for the chat's plan cards and `retouch info`, from a plan as the journal and PNG chunk store it."""

from __future__ import annotations

from typing import Any

KEY_SETTINGS = ("target", "position", "box", "task", "parts", "prompt", "strength", "fill", "grow", "blur",
                "brightness", "contrast", "saturation", "warmth", "aspect", "rotate", "flip", "left", "right", "top",
                "bottom", "zoom", "size", "action", "path", "seed")
"""The settings worth showing, in the order shown; the rest are in the JSON."""


def call_summaries(plan: dict[str, Any], *, limit: int = 4) -> list[str]:
    """One `tool(key value, …)` per call, showing up to `limit` of its set key settings."""
    parts = []
    for call in plan.get("calls", []):
        args = call.get("args", {}) or {}
        keys = [k for k in KEY_SETTINGS if _is_set(args.get(k))]
        settings = ", ".join(f"{k} {_short(args[k])}" for k in keys[:limit])
        parts.append(f"{call.get('tool')}({settings})")
    return parts


def plan_line(plan: dict[str, Any], *, limit: int = 4) -> str:
    return " → ".join(call_summaries(plan, limit=limit))


def _is_set(value: Any) -> bool:
    """Unset is None, False, "" or []; a 0 is a value (seed 0, rotate 0) and is shown."""
    return not (value is None or value is False or value == "" or value == [])


def _short(value: Any) -> str:
    if isinstance(value, list):
        return "(" + ", ".join(str(v) for v in value) + ")"
    text = str(value)
    return text if len(text) <= 40 else text[:39] + "…"
