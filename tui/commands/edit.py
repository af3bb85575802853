"""`retouch edit`, `run`, `apply` and `demo`: the commands that make new versions."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from retouch.tools.errors import RetouchError
from retouch.tui.commands.common import (
    add_backend_options, add_output_options, add_session_option, check_output, load_user_mask, opened_agent,
    print_err, report, require_edit, write_outputs,
)


def add_parsers(commands: Any) -> None:
    edit = commands.add_parser("edit", help="edit an image with one request")
    edit.add_argument("image", help="the image to edit (never modified)")
    edit.add_argument("words", nargs="+", help="the request")
    add_output_options(edit)
    add_session_option(edit)
    add_backend_options(edit)
    edit.add_argument("--preview", action="store_true", help="show the result in the terminal")
    edit.add_argument("--point", metavar="X,Y", help="act on the thing at this pixel: 'remove this', "
                                                     "'make this navy' (a found person or face, else an "
                                                     "outline from the point)")
    edit.set_defaults(handler=run_edit)

    run = commands.add_parser("run", help="apply a file of requests, one per line")
    run.add_argument("script", help="text file: one request per line, # comments")
    run.add_argument("--image", help="the image to start from (or continue --session)")
    add_output_options(run)
    add_session_option(run)
    add_backend_options(run)
    run.set_defaults(handler=run_script)

    apply = commands.add_parser("apply", help="replay a plan JSON file exactly")
    apply.add_argument("plan", help="plan file written by: retouch plan ... --json")
    apply.add_argument("--image", help="the image to start from (or continue --session)")
    add_output_options(apply)
    add_session_option(apply)
    add_backend_options(apply)
    apply.set_defaults(handler=run_apply)

    demo = commands.add_parser("demo", help="remove the person from the bundled sample photo (no downloads), "
                                                 "print where the result is")
    add_session_option(demo)
    demo.set_defaults(handler=run_demo)


def run_edit(args: argparse.Namespace) -> int:
    out = check_output(args.output, args.force)
    with opened_agent(args, Path(args.image)) as agent:
        load_user_mask(agent, args.mask)
        words = " ".join(args.words).strip()
        if args.point is not None:
            outcome = _edit_at_point(agent, args, words)
        else:
            outcome = agent.handle(words, seed=args.seed)
        require_edit(outcome)
        report(outcome, agent)
        for path in write_outputs(agent, out, args.force, outcome.variation_paths, outcome.changed):
            print_err(f"wrote {path}")
    if args.preview:
        _preview(agent.session.version_path())
    return 0


def _edit_at_point(agent: Any, args: argparse.Namespace, words: str) -> Any:
    """`--point X,Y`: select what is there, then the words act on it ("remove this"). The words are
    planned first, as they will be read with that selection, so a request that names its own
    target fails before anything is written."""
    from dataclasses import replace

    from retouch.agent.plan import RegionCall, SelectCall
    from retouch.tools.point_select import parse_point

    if args.mask:
        raise RetouchError("--point and --mask both say what to edit", "Keep one of them.")
    point = parse_point(args.point)
    plan = agent.planner.plan(words, replace(agent.context(), has_selection=True, last_selection=None))
    if any(isinstance(call, (SelectCall, RegionCall)) for call in plan.calls):
        raise RetouchError(f"“{words}” names what to edit, and so does --point",
                           "With --point say what to do with the thing there, e.g. 'remove this'.")
    agent.select_at(*point)
    return agent.apply(plan, words=words, seed=args.seed)


def run_script(args: argparse.Namespace) -> int:
    script = Path(args.script)
    if not script.exists():
        raise RetouchError(f"{script} does not exist", "Give a text file with one request per line.")
    try:
        lines = script.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        raise RetouchError(f"{script} is not UTF-8 text", "Save it as plain text.") from None
    requests = [(number, line.strip()) for number, line in enumerate(lines, start=1)
                if line.strip() and not line.strip().startswith("#")]
    if not requests:
        raise RetouchError(f"{script} has no requests", "Write one request per line; # starts a comment.")
    out = check_output(args.output, args.force)
    with opened_agent(args, Path(args.image) if args.image else None) as agent:
        load_user_mask(agent, args.mask)
        outcome = None
        for number, words in requests:
            try:
                outcome = agent.handle(words, seed=args.seed)
                require_edit(outcome)
            except RetouchError as exc:
                raise RetouchError(f"{script.name} line {number} ({words!r}): {exc.message}", exc.hint) from None
            print_err(f"[{number}] {outcome.reply}")
        for path in write_outputs(agent, out, args.force, outcome.variation_paths if outcome else []):
            print_err(f"wrote {path}")
    return 0


def run_apply(args: argparse.Namespace) -> int:
    from retouch.agent.plan import parse_plan

    plan_path = Path(args.plan)
    if not plan_path.exists():
        raise RetouchError(f"{plan_path} does not exist", 'Write one with: retouch plan "..." --json > plan.json')
    plan = parse_plan(plan_path.read_text(encoding="utf-8", errors="replace"), source=plan_path.name)
    out = check_output(args.output, args.force)
    with opened_agent(args, Path(args.image) if args.image else None) as agent:
        load_user_mask(agent, args.mask)
        outcome = agent.apply(plan, words=f"(plan {plan_path.name})", seed=args.seed,
                              base_dir=plan_path.parent.resolve())
        if not plan.calls:
            raise RetouchError(f"{plan_path.name} has no calls, so there is nothing to apply")
        report(outcome, agent)
        for path in write_outputs(agent, out, args.force, outcome.variation_paths):
            print_err(f"wrote {path}")
    return 0


def run_demo(args: argparse.Namespace) -> int:
    """The embedded default on the bundled sample, no downloads: find the person and remove her."""
    from retouch.tui.samples import sample_image

    namespace = argparse.Namespace(session=args.session, finder=None, inpainter=None, planner="rules", force=True)
    with opened_agent(namespace, sample_image()) as agent:
        outcome = agent.handle("remove the person", seed=0)
        report(outcome, agent)
        print(agent.session.version_path())
    return 0


def _preview(path: Path) -> None:
    from retouch.tui.show import show_image

    show_image(path)
