"""`retouch` — the command line. One place turns RetouchError into one line and an exit code.

Heavy libraries are imported inside the commands that need them, so `retouch plan` and
`retouch --help` start in well under a second.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Callable, NoReturn, Sequence

from tools.errors import Cancelled, RetouchError

EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_CANCELLED = 130


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage mistake as one `retouch: error:` line, never a usage dump."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(message, f"See: {self.prog} --help")


class _UsageError(RetouchError):
    pass


def _print_err(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------- helpers


def _open_agent(args: argparse.Namespace, image_path: Path | None) -> Any:
    """The session (named or new) and an agent on it. The image is read first so a bad file fails
    before any folder is made."""
    from agent.agent import Agent
    from agent.executor import Backends
    from agent.session import Session, new_session_dir
    from tools.imageio import load_image

    if image_path is not None:
        load_image(image_path)
    if args.session:
        session = Session.open_or_create(Path(args.session), image_path)
    else:
        if image_path is None:
            raise RetouchError("no image given", "Pass --image IMG, or --session DIR to continue a session.")
        root = new_session_dir(image_path)
        session = Session.create(root, image_path)
        _print_err(f"session: {root}")
    backends = Backends(finder_name=getattr(args, "finder", None) or "auto",
                        inpainter_name=getattr(args, "inpainter", None) or "builtin")
    planner = None
    if getattr(args, "planner", None) and args.planner != "rules":
        from agent import registry

        planner = registry.load("planner", args.planner)
    return Agent(session, planner=planner, backends=backends, overwrite_saves=getattr(args, "force", False))


def _check_output(path: str | None, force: bool) -> Path | None:
    """Refuse a bad or existing output path *before* doing the work."""
    if path is None:
        return None
    from tools.imageio import output_format

    out = Path(path)
    output_format(out)
    if out.exists() and not force:
        raise RetouchError(f"{out} already exists", "Pass --force to overwrite it, or pick another name.")
    if not out.parent.exists():
        raise RetouchError(f"the folder {out.parent} does not exist", "Create it first.")
    return out


def _write_outputs(agent: Any, out: Path | None, force: bool, variation_paths: Sequence[Path]) -> list[Path]:
    """Write the current version to OUT; with variations, OUT-1.png … OUT-N.png."""
    if out is None:
        return []
    from tools.imageio import load_image, save_image

    if len(variation_paths) > 1:
        written = []
        for index, source in enumerate(variation_paths, start=1):
            target = out.with_name(f"{out.stem}-{index}{out.suffix}")
            written.append(save_image(load_image(source), target, overwrite=force))
        return written
    return [agent.save(out, overwrite=force)]


def _report(outcome: Any, agent: Any) -> None:
    if outcome.reply:
        _print_err(outcome.reply)
    for note in outcome.notes:
        _print_err(f"note: {note}")
    if outcome.new_versions:
        _print_err(f"v{outcome.version:03d}: {agent.session.version_path()}")


def _require_edit(outcome: Any, where: str = "") -> None:
    """An empty plan is the planner saying it can't do this: for a script that is an error."""
    if not outcome.plan.calls:
        reply = outcome.reply or "I don't know how to do that"
        raise RetouchError(f"{where}{reply}")


def _load_user_mask(agent: Any, mask_path: str | None) -> None:
    if mask_path is None:
        return
    from tools.imageio import load_mask

    size = agent.current_image().size
    agent.set_mask(load_mask(mask_path, size))


# ---------------------------------------------------------------------------------------- commands


def cmd_plan(args: argparse.Namespace) -> int:
    from agent.plan import Plan, plan_schema
    from agent.planner.base import PlanningContext
    from agent.policy import resolve_plan

    if args.schema:
        print(json.dumps(plan_schema(), indent=2))
        return 0
    planner = _planner(args.planner)
    context = PlanningContext(image_size=_image_size(args.image) if args.image else None,
                              has_selection=bool(args.mask))
    if args.batch:
        return _plan_batch(planner, context, Path(args.batch), args.raw)
    words = " ".join(args.words).strip()
    if not words:
        raise RetouchError("nothing to plan", 'Give the request in words, e.g. retouch plan "remove the dog".')
    plan = planner.plan(words, context)
    shown: Plan = plan if args.raw else resolve_plan(plan)[0]
    if args.json:
        print(shown.model_dump_json(indent=2))
    else:
        print(shown.reply or "(no reply)")
        for call in shown.calls:
            settings = ", ".join(f"{k}={v}" for k, v in call.args.model_dump(exclude_defaults=True).items())
            print(f"  {call.tool}({settings})")
    return 0


def _plan_batch(planner: Any, context: Any, path: Path, raw: bool) -> int:
    """One plan per input line (JSONL); a line the planner chokes on gets an empty plan and a reason."""
    from agent.plan import Plan
    from agent.policy import resolve_plan

    if not path.exists():
        raise RetouchError(f"{path} does not exist", "Give a text file with one request per line.")
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            words = line.rstrip("\n")
            try:
                plan = planner.plan(words, context)
                shown = plan if raw else resolve_plan(plan)[0]
            except Exception as exc:  # one bad line must not stop a batch
                shown = Plan(calls=[], reply=f"error: {exc}")
            print(shown.model_dump_json(), flush=True)
    return 0


def _planner(name: str) -> Any:
    from agent import registry

    return registry.load("planner", name)


def _image_size(path: str) -> tuple[int, int]:
    from tools.imageio import load_image

    return load_image(path).size


def cmd_edit(args: argparse.Namespace) -> int:
    image_path = Path(args.image)
    out = _check_output(args.output, args.force)
    agent = _open_agent(args, image_path)
    _load_user_mask(agent, args.mask)
    words = " ".join(args.words).strip()
    if not words:
        raise RetouchError("no request given", 'Say what to do, e.g. retouch edit IMG "remove the dog".')
    outcome = agent.handle(words, seed=args.seed)
    _require_edit(outcome)
    _report(outcome, agent)
    for path in _write_outputs(agent, out, args.force, outcome.variation_paths):
        _print_err(f"wrote {path}")
    if args.preview:
        _preview(agent.session.version_path())
    return 0


def cmd_run(args: argparse.Namespace) -> int:
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
    out = _check_output(args.output, args.force)
    agent = _open_agent(args, Path(args.image) if args.image else None)
    _load_user_mask(agent, args.mask)
    outcome = None
    for number, words in requests:
        try:
            outcome = agent.handle(words, seed=args.seed)
            _require_edit(outcome)
        except RetouchError as exc:
            raise RetouchError(f"{script.name} line {number} ({words!r}): {exc.message}", exc.hint) from None
        _print_err(f"[{number}] {outcome.reply}")
    for path in _write_outputs(agent, out, args.force, outcome.variation_paths if outcome else []):
        _print_err(f"wrote {path}")
    return 0


def cmd_apply(args: argparse.Namespace) -> int:
    from agent.plan import parse_plan

    plan_path = Path(args.plan)
    if not plan_path.exists():
        raise RetouchError(f"{plan_path} does not exist", "Write one with: retouch plan \"...\" --json > plan.json")
    plan = parse_plan(plan_path.read_text(encoding="utf-8", errors="replace"), source=plan_path.name)
    out = _check_output(args.output, args.force)
    agent = _open_agent(args, Path(args.image) if args.image else None)
    _load_user_mask(agent, args.mask)
    outcome = agent.apply(plan, words=f"(plan {plan_path.name})", base_dir=plan_path.parent.resolve())
    _report(outcome, agent)
    for path in _write_outputs(agent, out, args.force, outcome.variation_paths):
        _print_err(f"wrote {path}")
    return 0


def cmd_log(args: argparse.Namespace) -> int:
    from agent.session import Session

    session = Session.open(Path(args.session))
    if args.json:
        for entry in session.entries:
            print(json.dumps(entry, ensure_ascii=False))
        return 0
    for entry in session.entries:
        print(_log_line(entry, session.head))
    return 0


def _log_line(entry: dict[str, Any], head: int) -> str:
    kind = entry.get("kind")
    if kind == "open":
        marker = "*" if head == 0 else " "
        return f"{marker} v000  original  {entry.get('source', '')}"
    if kind == "edit":
        number = entry["output_version"]
        marker = "*" if head == number else " "
        tools = ", ".join(call.get("tool", "?") for call in (entry.get("resolved") or {}).get("calls", []))
        seconds = (entry.get("timings") or {}).get("total_seconds")
        timing = f"  {seconds:.2f}s" if isinstance(seconds, (int, float)) else ""
        extra = f"  +{len(entry.get('variations', []))} variations" if entry.get("variations") else ""
        return (f"{marker} v{number:03d}  from v{entry.get('input_version', 0):03d}  "
                f"{entry.get('words', '')!r}  [{tools}]{timing}{extra}")
    if kind == "select":
        return f"       selection  {entry.get('words', '')!r}  ({entry.get('mask')})"
    if kind == "history":
        return f"       {entry['action']}  v{entry['from']:03d} → v{entry['to']:03d}"
    return f"       {kind}"


def cmd_history(args: argparse.Namespace) -> int:
    from agent.session import Session

    session = Session.open(Path(args.session))
    if args.command == "undo":
        number = session.undo(args.steps)
    elif args.command == "redo":
        number = session.redo(args.steps)
    else:
        number = session.revert(args.version)
    _print_err(f"now at v{number:03d}: {session.version_path()}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    """The embedded default on the bundled sample, no downloads: remove the person."""
    from tui.samples import sample_image, sample_mask

    image = sample_image()
    namespace = argparse.Namespace(session=args.session, finder=None, inpainter=None, planner="rules",
                                   force=True)
    agent = _open_agent(namespace, image)
    agent.set_mask(_mask_array(sample_mask()))
    outcome = agent.handle("remove this", seed=0)
    _report(outcome, agent)
    print(agent.session.version_path())
    return 0


def _mask_array(path: Path) -> Any:
    from tools.imageio import load_image, load_mask

    return load_mask(path, load_image(path).size)


def _preview(path: Path) -> None:
    try:
        from tui.show import show_image
    except ImportError:
        _print_err(f"(preview unavailable) {path}")
        return
    show_image(path)


# ---------------------------------------------------------------------------------------- parser


def _add_session(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--session", metavar="DIR",
                        help="session folder: continued if it holds one, else started there "
                             "(default: a new folder under the user data dir)")


def _add_backends(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--planner", default="rules", help="planner backend (default: rules)")
    parser.add_argument("--finder", default=None, help="finder backend (default: auto)")
    parser.add_argument("--inpainter", default=None, help="inpainter backend (default: builtin)")
    parser.add_argument("--seed", type=int, default=None, help="seed for every generating step")


def _add_output(parser: argparse.ArgumentParser, required: bool = False) -> None:
    parser.add_argument("-o", "--output", metavar="OUT", required=required,
                        help="write the result here (format from the extension)")
    parser.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    parser.add_argument("--mask", metavar="MASK", help="a mask image (white = edit) used as the selection")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="retouch", description="A terminal image editor you talk to.")
    parser.add_argument("--debug", action="store_true", help="show full tracebacks")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    plan = commands.add_parser("plan", help="print the plan for a request, without editing")
    plan.add_argument("words", nargs="*", help="the request, e.g. remove the person on the left")
    plan.add_argument("--json", action="store_true", help="print the plan as JSON")
    plan.add_argument("--schema", action="store_true", help="print the JSON schema of a plan")
    plan.add_argument("--image", help="plan for this image (its size informs pixel arithmetic)")
    plan.add_argument("--mask", help="plan as if this mask were already selected")
    plan.add_argument("--batch", metavar="FILE", help="one request per line in, one JSON plan per line out")
    plan.add_argument("--raw", action="store_true", help="show the planner's output before the policy fills it")
    plan.add_argument("--planner", default="rules", help="planner backend (default: rules)")
    plan.set_defaults(handler=cmd_plan)

    edit = commands.add_parser("edit", help="edit an image with one request")
    edit.add_argument("image", help="the image to edit (never modified)")
    edit.add_argument("words", nargs="+", help="the request")
    _add_output(edit)
    _add_session(edit)
    _add_backends(edit)
    edit.add_argument("--preview", action="store_true", help="show the result in the terminal")
    edit.set_defaults(handler=cmd_edit)

    run = commands.add_parser("run", help="apply a file of requests, one per line")
    run.add_argument("script", help="text file: one request per line, # comments")
    run.add_argument("--image", help="the image to start from (or continue --session)")
    _add_output(run)
    _add_session(run)
    _add_backends(run)
    run.set_defaults(handler=cmd_run)

    apply = commands.add_parser("apply", help="replay a plan JSON file exactly")
    apply.add_argument("plan", help="plan file written by: retouch plan ... --json")
    apply.add_argument("--image", help="the image to start from (or continue --session)")
    _add_output(apply)
    _add_session(apply)
    _add_backends(apply)
    apply.set_defaults(handler=cmd_apply)

    log = commands.add_parser("log", help="list the steps of a session")
    log.add_argument("--session", required=True, metavar="DIR")
    log.add_argument("--json", action="store_true", help="print the journal lines")
    log.set_defaults(handler=cmd_log)

    for name, text in (("undo", "step back one version"), ("redo", "step forward again")):
        move = commands.add_parser(name, help=text)
        move.add_argument("--session", required=True, metavar="DIR")
        move.add_argument("--steps", type=int, default=1)
        move.set_defaults(handler=cmd_history)
    revert = commands.add_parser("revert", help="go back to version N (0 = the original)")
    revert.add_argument("version", type=int)
    revert.add_argument("--session", required=True, metavar="DIR")
    revert.set_defaults(handler=cmd_history)

    demo = commands.add_parser("demo", help="edit the bundled sample photo with the built-in models")
    _add_session(demo)
    demo.set_defaults(handler=cmd_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
        if handler is None:
            parser.print_help(sys.stderr)
            return EXIT_USAGE
        return handler(args)
    except _UsageError as exc:
        _print_err(f"retouch: error: {exc}")
        return EXIT_USAGE
    except RetouchError as exc:
        if debug:
            raise
        _print_err(f"retouch: error: {exc}")
        return EXIT_ERROR
    except (KeyboardInterrupt, Cancelled):
        _print_err("retouch: cancelled; nothing was written for the unfinished step")
        return EXIT_CANCELLED
    except BrokenPipeError:
        return EXIT_ERROR
    except Exception as exc:  # a bug: still one line unless --debug
        if debug:
            raise
        _print_err(f"retouch: error: internal error: {type(exc).__name__}: {exc} (run with --debug for details)")
        return EXIT_ERROR


if __name__ == "__main__":
    raise SystemExit(main())
