"""`--json` on `edit`, `run` and `apply`: one machine-readable result on stdout.

Scripts and other agents read this instead of scraping the human lines on stderr. The shape is the
same for all three commands — one entry in `steps` per request (`edit` and `apply` have one) —
and everything in it comes from what was written: the version files, the journal's resolved
plan and tool timings, the output files.

    {"command": "edit", "session": DIR, "version": 1, "version_path": DIR/v001.png,
     "outputs": [OUT], "reply": "...", "notes": [...],
     "steps": [{"words", "reply", "notes", "plan", "versions": [{"number", "path", "variations",
                "resolved", "tools": [{"tool", "seconds"}]}], "saved", "seconds"}],
     "timings": {"total_seconds": ...}}
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence


def add_json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true",
                        help="print one JSON result on stdout (versions, output paths, session, plan, reply, "
                             "notes, timings); the human lines stay on stderr")


@dataclass
class JsonResult:
    """Collects each request's outcome while a command runs; `emit` prints the one result."""

    command: str
    enabled: bool
    steps: list[dict[str, Any]] = field(default_factory=list)
    started: float = field(default_factory=time.perf_counter)

    def add(self, outcome: Any, agent: Any, seconds: float) -> None:
        """Record one request's `StepOutcome` (and how long it took, planning included)."""
        if not self.enabled:
            return
        self.steps.append({
            "words": outcome.words, "reply": outcome.reply, "notes": list(outcome.notes),
            "plan": outcome.plan.model_dump(mode="json"),
            "versions": [_version(agent.session, number) for number in outcome.new_versions],
            "selected": bool(outcome.selected), "saved": [str(path) for path in outcome.saved],
            "seconds": round(seconds, 4),
        })

    def emit(self, agent: Any, outputs: Sequence[Path]) -> None:
        """Print the result as one JSON document on stdout (nothing when --json was not given)."""
        if not self.enabled:
            return
        session = agent.session
        document = {
            "command": self.command,
            "session": str(session.root),
            "version": session.head,
            "version_path": str(session.version_path()),
            "outputs": [str(path) for path in outputs],
            "reply": " ".join(step["reply"] for step in self.steps if step["reply"]),
            "notes": [note for step in self.steps for note in step["notes"]],
            "steps": self.steps,
            "timings": {"total_seconds": round(time.perf_counter() - self.started, 4)},
        }
        print(json.dumps(document, indent=2), flush=True)


def _version(session: Any, number: int) -> dict[str, Any]:
    """A new version as the journal recorded it: its files, the resolved plan, each tool's time."""
    version = session.state.versions[number]
    entry = session.entries[version.step] if version.step is not None else {}
    return {
        "number": number, "path": str(version.path), "variations": [str(path) for path in version.variations],
        "resolved": entry.get("resolved"), "seeds": entry.get("seeds", []),
        "tools": [{"tool": call.get("tool"), "seconds": call.get("seconds")} for call in entry.get("calls", [])],
        "seconds": (entry.get("timings") or {}).get("total_seconds"),
    }
