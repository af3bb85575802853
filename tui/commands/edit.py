"""`retouch edit`, `run`, `apply` and `demo`: the commands that make new versions."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from retouch.tools.errors import AmbiguousTarget, NotSeen, RetouchError
from retouch.tui.commands.common import (
    add_backend_options, add_max_steps_option, add_output_options, add_pick_option, add_session_option,
    allow_steps, check_output, check_room, load_user_mask, opened_agent, print_err, print_out, report,
    require_edit, write_outputs,
)
from retouch.tui.commands.progress import add_progress_option, terminal_progress
from retouch.tui.commands.result_json import JsonResult, add_json_option
from retouch.tui.terminal_text import one_line


def add_parsers(commands: Any) -> None:
    edit = commands.add_parser("edit", help="edit an image with one request")
    edit.add_argument("image", help="the image to edit (never modified)")
    edit.add_argument("words", nargs="+", help="the request")
    add_output_options(edit)
    add_session_option(edit)
    add_backend_options(edit)
    add_run_options(edit)
    edit.add_argument("--preview", action="store_true", help="show the result in the terminal")
    from retouch.tui.commands.pointing import add_pointing_options

    add_pointing_options(edit, "act on ('remove this', 'make this navy')")
    edit.set_defaults(handler=run_edit)

    run = commands.add_parser("run", help="apply a file of requests, one per line")
    run.add_argument("script", help="text file: one request per line, # comments")
    run.add_argument("--image", help="the image to start from (or continue --session)")
    add_output_options(run)
    add_session_option(run)
    add_backend_options(run)
    add_run_options(run)
    add_max_steps_option(run)
    run.set_defaults(handler=run_script)

    apply = commands.add_parser("apply", help="replay a plan JSON file, or the history inside a Retouch PNG")
    apply.add_argument("plan", help="plan file written by: retouch plan ... --json, or a PNG written by Retouch")
    apply.add_argument("--image", help="the image to start from (or continue --session)")
    add_output_options(apply)
    add_session_option(apply)
    add_backend_options(apply)
    add_run_options(apply)
    add_max_steps_option(apply)
    apply.set_defaults(handler=run_apply)

    demo = commands.add_parser("demo", help="remove the person from the bundled sample photo (no downloads), "
                                                 "print where the result is")
    add_session_option(demo)
    demo.set_defaults(handler=run_demo)


def add_run_options(parser: argparse.ArgumentParser) -> None:
    """What the commands that make versions share beyond backends: --pick, --json, --progress."""
    add_pick_option(parser)
    add_json_option(parser)
    add_progress_option(parser)


def run_edit(args: argparse.Namespace) -> int:
    if args.json and args.preview:
        raise RetouchError("--json and --preview both write to stdout", "Pass one of them.")
    out = check_output(args.output, args.force, inputs=(args.image, args.mask))
    result = JsonResult("edit", args.json)
    with opened_agent(args, Path(args.image)) as agent:
        load_user_mask(agent, args.mask)
        words = " ".join(args.words).strip()
        started = time.perf_counter()
        with terminal_progress(args.progress) as progress:
            if args.gestures:
                outcome = _edit_at_point(agent, args, words, progress)
            else:
                outcome = agent.handle(words, seed=args.seed, progress=progress)
        require_edit(outcome)
        report(outcome, agent)
        result.add(outcome, agent, time.perf_counter() - started)
        written = write_outputs(agent, out, args.force, outcome.variation_paths, outcome.changed)
        for path in written:
            print_err(f"wrote {path}")
    result.emit(agent, written)
    if args.preview:
        _preview(agent.session.version_path())
    return 0


def _edit_at_point(agent: Any, args: argparse.Namespace, words: str, progress: Any = None) -> Any:
    """`--point X,Y` (repeatable), `--minus-point`, `--box`: select what they point at, then the
    words act on it ("remove this"). The words are planned first, as they will be read with that
    selection, so a request that names its own target, or one that would not use the selection
    (a whole-picture "make this darker"), fails before anything is written."""
    from dataclasses import replace

    from retouch.agent.plan import RegionCall, SelectCall
    from retouch.tui.commands.pointing import gestures_from

    if args.mask:
        raise RetouchError("--point/--box and --mask both say what to edit", "Keep one of them.")
    gestures = gestures_from(args, agent.current_image().size)
    plan = agent.planner.plan(words, replace(agent.context(), has_selection=True, fresh_selection=True,
                                                 last_selection=None))
    if any(isinstance(call, (SelectCall, RegionCall)) for call in plan.calls):
        raise RetouchError(f"“{words}” names what to edit, and so do the points",
                           "With --point or --box say what to do with the thing there, e.g. 'remove this'.")
    if plan.calls and not _uses_selection(plan):
        raise RetouchError(f"“{words}” would change the whole picture, not what the points select",
                           "With --point or --box say what to do with the thing there: 'remove this', "
                           "'make this navy', 'replace this with a cat'.")
    agent.select_gestures(gestures)
    return agent.apply(plan, words=words, seed=args.seed, progress=progress)


def _uses_selection(plan: Any) -> bool:
    """Some call of the plan acts on the current selection (a mask edit, a masked adjustment, a
    crop that keeps it) — read from the plan's own fields."""
    for call in plan.calls:
        if call.tool in ("refine_mask", "inpaint"):
            return True
        if call.tool == "adjust" and call.args.masked or call.tool == "crop" and call.args.keep_selection:
            return True
    return False


def run_script(args: argparse.Namespace) -> int:
    from retouch.agent.instructions import read_requests

    script = Path(args.script)
    requests = read_requests(script)
    allow_steps(len(requests), script.name, args.max_steps, noun="requests")
    out = check_output(args.output, args.force, inputs=(args.image, args.mask))
    result = JsonResult("run", args.json)
    with opened_agent(args, Path(args.image) if args.image else None) as agent:
        check_room(agent, len(requests), f"running the {len(requests):,} requests of {script.name}")
        load_user_mask(agent, args.mask)
        outcome = None
        for number, words in requests:
            started = time.perf_counter()
            try:
                with terminal_progress(args.progress) as progress:
                    outcome = agent.handle(words, seed=args.seed, progress=progress)
                require_edit(outcome)
            except RetouchError as exc:
                raise _on_line(exc, f"{script.name} line {number} ({words!r}): ") from None
            print_err(f"[{number}] {one_line(outcome.reply)}")
            for note in outcome.notes:
                print_err(f"[{number}] note: {one_line(note)}")
            for path in outcome.saved:
                print_err(f"wrote {path}")
            result.add(outcome, agent, time.perf_counter() - started)
        written = write_outputs(agent, out, args.force, outcome.variation_paths if outcome else [])
        for path in written:
            print_err(f"wrote {path}")
    result.emit(agent, written)
    return 0


def _on_line(exc: RetouchError, where: str) -> RetouchError:
    """The same error with the script line in front (a question keeps its choices)."""
    if isinstance(exc, AmbiguousTarget):
        return AmbiguousTarget(where + exc.question, exc.choices, exc.hint, label=exc.label,
                               candidates=exc.candidates, image_size=exc.image_size)
    if isinstance(exc, NotSeen):                   # keeps its type: the command line gives its own way out
        return NotSeen(where + exc.message, exc.hint)
    return RetouchError(where + exc.message, exc.hint)


def run_apply(args: argparse.Namespace) -> int:
    """Replay a plan file, or the history inside a Retouch PNG (`retouch info` shows it)."""
    from retouch.agent.plan import parse_plan
    from retouch.tools.provenance import read_provenance

    plan_path = Path(args.plan).expanduser()
    if not plan_path.exists():
        raise RetouchError(f"{plan_path} does not exist", 'Write one with: retouch plan "..." --json > plan.json')
    history = read_provenance(plan_path) if _is_png(plan_path) else None
    plan = None
    if history is None:
        if _is_png(plan_path):
            raise RetouchError(f"{plan_path.name} carries no Retouch metadata, so there is nothing to replay",
                               "Give a PNG written by Retouch, or a plan file from: retouch plan \"...\" --json")
        plan = parse_plan(plan_path.read_text(encoding="utf-8", errors="replace"), source=plan_path.name)
        if not plan.calls:
            raise RetouchError(f"{plan_path.name} has no calls, so there is nothing to apply")
    steps = len(history["steps"]) if history is not None else 1
    if history is not None:
        allow_steps(steps, f"the history of {plan_path.name}", args.max_steps)
    out = check_output(args.output, args.force, inputs=(args.image, args.mask))
    result = JsonResult("apply", args.json)
    with opened_agent(args, Path(args.image) if args.image else None) as agent:
        check_room(agent, steps, f"replaying {plan_path.name}")
        load_user_mask(agent, args.mask)
        started = time.perf_counter()
        with terminal_progress(args.progress) as progress:
            if history is not None:
                outcome = agent.replay(history, source=plan_path.name, base_dir=plan_path.parent.resolve(),
                                       progress=progress, max_steps=max(steps, args.max_steps or 0))
            else:
                outcome = agent.apply(plan, words=f"(plan {plan_path.name})", seed=args.seed,
                                      base_dir=plan_path.parent.resolve(), progress=progress)
        report(outcome, agent)
        result.add(outcome, agent, time.perf_counter() - started)
        written = write_outputs(agent, out, args.force, outcome.variation_paths)
        for path in written:
            print_err(f"wrote {path}")
    result.emit(agent, written)
    return 0


def _is_png(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(8) == b"\x89PNG\r\n\x1a\n"


def run_demo(args: argparse.Namespace) -> int:
    """The embedded default on the bundled sample, no downloads: find the person and remove her."""
    from retouch.tui.samples import sample_image

    namespace = argparse.Namespace(session=args.session, finder=None, inpainter=None, planner="rules", force=True)
    with opened_agent(namespace, sample_image()) as agent:
        outcome = agent.handle("remove the person", seed=0)
        report(outcome, agent)
        print_out(agent.session.version_path())
    return 0


def _preview(path: Path) -> None:
    from retouch.tui.show import show_image

    show_image(path)
