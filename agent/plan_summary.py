"""A plan in a few words — "select(target person) → refine_mask(grow 14, blur 8) → inpaint(task remove …)" —
for the chat's plan cards and `retouch info`, from a plan as the journal and PNG chunk store it."""

from __future__ import annotations

from typing import Any

KEY_SETTINGS = ("target", "position", "subtract", "exclude", "add", "trim", "subject", "keep_selection",
                "center_on_selection", "border", "box", "cut", "side", "corner", "fraction", "pixels", "relation",
                "mask_path", "task",
                "flaw", "parts", "felt", "prompt", "color_share", "strength", "fill", "grow", "blur", "brightness",
                "contrast", "saturation", "sharpness", "warmth",
                "aspect", "rotate", "flip", "left", "right", "top", "bottom", "zoom", "size", "action", "path", "seed")
"""The settings worth showing, in the order shown; the rest are in the JSON. A switch that is on shows as its
name alone: "select(target boy, subtract)", "crop(trim)", "crop(subject)", "crop(center_on_selection)" — a crop to
the selection says so, or the card would read a bare "crop()"; a strip of the photo shows its side and depth
("region(side bottom, fraction 0.5)"), not a bare "region()"; what the words read into a call shows next to what it
acts on: the user's reading ("enhance(parts (exposure), felt (too_dark), …)"), a flaw fixed ("flaw red_eye"), a colour
moved part of the way ("color_share 0.3"). Every adjust amount is here (`plan.ADJUST_AMOUNTS`; a test holds the two
together — this module does not import the contract, so the chat's first frame does not wait for pydantic): a
softening read "adjust()" before sharpness was."""


def call_summaries(plan: dict[str, Any], *, limit: int = 4) -> list[str]:
    """One `tool(key value, …)` per call, showing up to `limit` of its set key settings."""
    parts = []
    calls = plan.get("calls") if isinstance(plan, dict) else None
    for call in calls if isinstance(calls, list) else []:  # a PNG's history may hold anything
        if not isinstance(call, dict):
            parts.append("(unreadable call)")
            continue
        args = call.get("args") if isinstance(call.get("args"), dict) else {}
        keys = [k for k in KEY_SETTINGS if _is_set(args.get(k))]
        settings = ", ".join(k if args[k] is True else f"{k} {_short(args[k])}" for k in keys[:limit])
        parts.append(f"{_short(call.get('tool'))}({settings})")
    return parts


def plan_line(plan: dict[str, Any], *, limit: int = 4) -> str:
    return " → ".join(call_summaries(plan, limit=limit))


def _is_set(value: Any) -> bool:
    """Unset is None, False, "" or []; a 0 is a value (seed 0, rotate 0) and is shown."""
    return not (value is None or value is False or value == "" or value == [])


def _short(value: Any) -> str:
    if isinstance(value, list):
        text = "(" + ", ".join(_scalar(v) for v in value[:8]) + (", …" if len(value) > 8 else "") + ")"
    else:
        text = _scalar(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _scalar(value: Any) -> str:
    """A value as shown: text and numbers as they are, anything nested as "…" (a history from
    elsewhere may nest lists a thousand deep)."""
    if isinstance(value, str):
        return value[:40]
    return repr(value) if isinstance(value, (int, float, bool)) else "…"
