"""The run manifest: what a batch was asked to do, written before the first image runs.

It records the instruction file (text and hash), the planner, the plans it made, the settings
and the seed. A rerun into the same OUTDIR reuses the recorded plans instead of planning again —
so even a planner that is not deterministic (an LLM) gives every image of the run the same plan —
and refuses to mix in a run with other instructions or settings, whose results would disagree.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
from pathlib import Path
from typing import Any, Callable

from retouch.agent.batch.layout import RunLayout
from retouch.agent.batch.spec import Recipe, Step
from retouch.agent.plan import validate_plan
from retouch.tools.errors import RetouchError
from retouch.tools.imageio import write_bytes_atomic

FORMAT_VERSION = 1
_MUST_MATCH = ("script_sha256", "planner", "recipe", "suffix")
"""What decides the results' bytes; a rerun that differs in any of them is another run."""


def prepare_run(layout: RunLayout, *, script: Path, planner_name: str, recipe: Recipe, suffix: str,
                plan: Callable[[], list[Step]]) -> list[Step]:
    """The run's steps: from the manifest when this OUTDIR already holds the same run, else planned
    now (`plan()`) and recorded. OUTDIR must be new, empty, or a batch's own folder."""
    outdir = layout.outdir
    text = script.read_bytes()
    wanted = {"script_sha256": hashlib.sha256(text).hexdigest(), "planner": planner_name,
              "recipe": recipe.to_json(), "suffix": suffix}
    if layout.manifest.exists():
        recorded = _read(layout.manifest)
        for key in _MUST_MATCH:
            if _normal(recorded.get(key)) != _normal(wanted[key]):
                raise RetouchError(f"{outdir} holds a batch run with another {key.replace('_', ' ')}",
                                   "Rerun with the same instruction file and flags to resume it, "
                                   "or give this run its own -o folder.")
        return _steps(recorded, layout.manifest)
    if outdir.exists() and any(entry.name != ".lock" for entry in outdir.iterdir()):
        raise RetouchError(f"{outdir} is not empty and holds no batch run",
                           "Pick a new or empty -o folder: results would mix with the files there.")
    steps = plan()
    outdir.mkdir(parents=True, exist_ok=True)
    manifest = {"retouch_batch": FORMAT_VERSION,
                "created": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
                "script": str(script.resolve()), "script_text": text.decode("utf-8"), **wanted,
                "steps": [{"line": step.line, "words": step.words, "plan": step.plan} for step in steps]}
    write_bytes_atomic(layout.manifest, json.dumps(manifest, indent=2, ensure_ascii=False).encode("utf-8") + b"\n")
    return steps


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, RecursionError) as exc:  # not JSON or UTF-8, a huge number, nested too deep
        raise RetouchError(f"{path} is damaged ({str(exc)[:120]})", "Give this run a new -o folder.") from None
    if not isinstance(data, dict) or data.get("retouch_batch") != FORMAT_VERSION:
        raise RetouchError(f"{path} is not a Retouch batch manifest", "Give this run a new -o folder.")
    return data


def _steps(recorded: dict[str, Any], path: Path) -> list[Step]:
    steps = []
    for entry in recorded.get("steps") or []:
        try:
            line, words, plan = int(entry["line"]), str(entry["words"]), entry["plan"]
        except (KeyError, TypeError, ValueError):
            raise RetouchError(f"{path} has a damaged step", "Give this run a new -o folder.") from None
        validate_plan(plan, f"{path.name} line {line}")
        steps.append(Step(line=line, words=words, plan=plan))
    if not steps:
        raise RetouchError(f"{path} records no steps", "Give this run a new -o folder.")
    return steps


def _normal(value: Any) -> str:
    """Compare JSON values, not Python ones: tuples read back as lists."""
    return json.dumps(value, sort_keys=True, default=str)
