"""The per-image function every worker runs, in a local process or a Ray actor alike.

`process_image` edits one image in a session of its own, built under a temporary name and
renamed into place only when every step has run, then writes the result atomically. It never
raises: whatever happens to this image becomes its `ImageResult`, so one bad photo can't stop
a batch. The editing itself goes through the public API a library user has (`retouch.open`,
`Editor.apply`) with the driver's recipe as its config; the models a worker loads stay in its
process's model cache from one image to the next.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

from retouch.agent.batch.layout import (
    RunLayout, finished_outputs, finished_session, result_sources, retire_replaced,
)
from retouch.agent.batch.spec import BatchSpec, ImageResult, Job, Recipe
from retouch.agent.batch.resources import limit_threads
from retouch.agent.config import Config, Settings
from retouch.agent.editor import open_editor
from retouch.agent.plan import validate_plan
from retouch.agent.session import Session, refuse_unencodable_name
from retouch.tools.errors import Cancelled, ModelMissing, RetouchError
from retouch.tools.imageio import export_file


class Worker:
    """One worker's state: the spec, the cancel flag and the config every image is edited with."""

    def __init__(self, spec: BatchSpec, cancel: threading.Event | None = None) -> None:
        limit_threads(spec.threads)
        self.spec = spec
        self.cancel = cancel if cancel is not None else threading.Event()
        self.config = recipe_config(spec.recipe)

    def run(self, job: Job) -> ImageResult:
        return process_image(job, self.spec, self.config, self.cancel)


def recipe_config(recipe: Recipe) -> Config:
    """The driver's choices as a config, so a worker on another node edits with them, not its own
    config file."""
    return Config(finder=recipe.finder, inpainter=recipe.inpainter, backend_options=recipe.backend_options,
                  settings=Settings(defaults=recipe.defaults, overrides=recipe.overrides))


def process_image(job: Job, spec: BatchSpec, config: Config, cancel: threading.Event) -> ImageResult:
    """Edit one image with every step of the run and write its result; report, never raise."""
    started = time.perf_counter()
    layout = RunLayout(spec.outdir)

    def result(status: str, **fields: object) -> ImageResult:
        return ImageResult(name=job.name, image=job.image, status=status,  # type: ignore[arg-type]
                           seconds=time.perf_counter() - started, **fields)  # type: ignore[arg-type]

    try:
        if cancel.is_set():
            return result("cancelled", error="stopped before it started")
        with layout.image_lock(job.name, cancel):
            outputs = finished_outputs(layout, job, spec.suffix)
            if outputs is not None:  # finished by a worker of an earlier, interrupted run
                return result("skipped", outputs=[str(path) for path in outputs])
            kept = retire_replaced(layout, job, spec.suffix)  # the photo changed since its session was made
            session = finished_session(layout, job)
            if session is not None or layout.part_dir(job.name).exists():
                layout.clear_unfinished(job.name, spec.suffix)  # an earlier attempt was interrupted
            session = session or _edit(job, spec, config, cancel, layout)
            outputs = _write_results(session, layout, job, spec.suffix)
        note = None if kept is None else f"the photo changed since the last run, so it was redone (the earlier " \
                                         f"session is kept in {kept})"
        return result("done", outputs=[str(path) for path in outputs], note=note)
    except Cancelled:
        return result("cancelled", error="stopped by the user")
    except RetouchError as exc:
        return result("failed", error=_one_line(str(exc)), fatal=isinstance(exc, ModelMissing))
    except Exception as exc:  # a bug or a crash in a library: worth one more try, then reported
        return result("failed", error=_one_line(f"internal error: {type(exc).__name__}: {exc}"), retry=True)


def _edit(job: Job, spec: BatchSpec, config: Config, cancel: threading.Event, layout: RunLayout) -> Session:
    """Run every step in a part-made session, then rename it into place: complete or absent."""
    refuse_unencodable_name(Path(job.image))
    part = layout.part_dir(job.name)
    try:
        # The image is read first: an unreadable file fails here, before any folder is made.
        editor = open_editor(Path(job.image), session=part, config=config)
        for step in spec.steps:
            plan = validate_plan(step.plan, f"line {step.line}")
            try:
                editor.apply(plan, words=step.words, seed=spec.recipe.seed, cancel=cancel, base_dir=spec.base_dir)
            except RetouchError as exc:
                kind = ModelMissing if isinstance(exc, ModelMissing) else RetouchError
                raise kind(f"line {step.line} ({step.words!r}): {exc.message}", exc.hint) from None
        if editor.version == 0:
            raise RetouchError("the instructions changed nothing in this image")
        final = layout.session_dir(job.name)
        os.replace(part, final)
    except BaseException:
        shutil.rmtree(part, ignore_errors=True)
        raise
    return Session.open(final)


def _write_results(session: Session, layout: RunLayout, job: Job, suffix: str) -> list[Path]:
    sources = result_sources(session)
    targets = layout.output_paths(job.name, len(sources), suffix)
    return [export_file(source, target, overwrite=True) for source, target in zip(sources, targets)]


def _one_line(text: str) -> str:
    return " ".join(text.split())[:500]
