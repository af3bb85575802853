"""The plain data a batch passes around: picklable, so it crosses process and Ray boundaries as is."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Status = Literal["done", "skipped", "failed", "cancelled"]


@dataclass(frozen=True)
class Step:
    """One line of the instruction file and the plan it was given, once, before any image ran."""

    line: int
    words: str
    plan: dict[str, Any]
    """The plan as JSON data (`Plan.model_dump(mode="json")`), validated again by each worker."""


@dataclass(frozen=True)
class Recipe:
    """How every worker builds its agent. Resolved once in the driver (flags over the config file)
    so that a worker on another Ray node edits with the driver's settings, not its own config."""

    finder: str = "auto"
    inpainter: str = "builtin"
    backend_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    defaults: dict[str, dict[str, Any]] = field(default_factory=dict)
    """The config file's `[inpaint]`/`[outpaint]` tables (`Settings.defaults`)."""
    overrides: dict[str, dict[str, Any]] = field(default_factory=dict)
    """The command line's forced settings (`Settings.overrides`)."""
    seed: int = 0
    """Applied to every generating call the words left unseeded, as `edit --seed` does."""

    def to_json(self) -> dict[str, Any]:
        return {"finder": self.finder, "inpainter": self.inpainter, "backend_options": self.backend_options,
                "defaults": self.defaults, "overrides": self.overrides, "seed": self.seed}


@dataclass(frozen=True)
class BatchSpec:
    """Everything a worker needs besides the image: the same for every image of the run."""

    outdir: str
    steps: tuple[Step, ...]
    recipe: Recipe
    suffix: str = ".png"
    """The results' format, as the extension `tools.imageio.save_image` understands."""
    base_dir: str = "."
    """Where relative paths in the plans (a region's mask file) are resolved: the script's folder."""
    threads: int = 1
    """Threads each worker's libraries may use (OpenCV, torch): cores divided among the workers."""
    gpu_share: float = 0.0
    """GPUs each worker holds (Ray's `num_gpus`); 0 when the inpainter runs on the CPU."""


@dataclass(frozen=True)
class Job:
    """One image of the batch: its file and the unique name its session and result go by."""

    name: str
    image: str


@dataclass
class ImageResult:
    """What became of one image, as the report line shows it."""

    name: str
    image: str
    status: Status
    outputs: list[str] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0
    retry: bool = False
    """Worth one more try: a crash or a lost worker, not a user's mistake that would fail again."""
    fatal: bool = False
    """Every image would fail the same way (a model that is not installed): stop the batch."""
    attempts: int = 1
    note: str | None = None
    """What the user should know about a finished image (e.g. it was redone: the photo changed)."""

    def to_report(self) -> dict[str, Any]:
        report = {"image": self.image, "name": self.name, "status": self.status,
                  "output": self.outputs[0] if len(self.outputs) == 1 else (self.outputs or None),
                  "error": self.error, "seconds": round(self.seconds, 3), "attempts": self.attempts}
        return {**report, "note": self.note} if self.note else report
