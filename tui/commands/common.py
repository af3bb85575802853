"""What several commands share: opening a session and agent, checking and writing outputs."""

from __future__ import annotations

import argparse
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Sequence

from retouch.tools.errors import RetouchError
from retouch.tui.terminal_text import clean, one_line


def print_err(text: object) -> None:
    """A line for the user on stderr, with any escape sequence in it removed (see terminal_text)."""
    print(clean(text), file=sys.stderr, flush=True)


def print_out(text: object) -> None:
    """A result on stdout, cleaned the same way."""
    print(clean(text), flush=True)


def add_session_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--session", metavar="DIR",
                        help="session folder: continued if it holds one, else started there "
                             "(default: a new folder under the user data dir)")


def add_backend_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--planner", default=None, help="planner backend (default: rules, or the config file's)")
    parser.add_argument("--finder", default=None, help="finder backend (default: auto, or the config file's)")
    parser.add_argument("--inpainter", default=None,
                        help="inpainter backend (default: builtin, or the config file's)")
    parser.add_argument("--seed", type=seed_flag, default=None, metavar="N",
                        help="seed for every generating step (0 to 4294967295)")
    from retouch.tui.commands.inpaint_options import add_inpaint_options

    add_inpaint_options(parser)


def seed_flag(text: str) -> int:
    """`--seed N`: a whole number from 0 to 2³²−1, else one line (never wrapped to another seed)."""
    from retouch.tools.settings import check_seed

    try:
        value = int(text)
    except ValueError:
        value = None
    if value is None:
        raise RetouchError(f"--seed {text[:40]} is not a whole number", "Give a seed from 0 to 4294967295, e.g. 42.")
    return check_seed(value, "--seed")


def add_max_steps_option(parser: argparse.ArgumentParser) -> None:
    from retouch.agent.bounds import MAX_STEPS

    parser.add_argument("--max-steps", type=max_steps_flag, default=None, metavar="N",
                        help=f"run up to N steps (requests, or a history's steps) in this command; each writes a "
                             f"version (default: {MAX_STEPS})")


def max_steps_flag(text: str) -> int:
    from retouch.agent.bounds import check_max_steps

    try:
        value: object = int(text)
    except ValueError:
        value = text
    return check_max_steps(value)


def allow_steps(count: int, what: str, limit: int | None, noun: str = "steps") -> None:
    """Over the step cap (`agent.bounds`): on a terminal, ask; otherwise one line that names the flag."""
    from retouch.agent.bounds import too_many_steps

    problem = too_many_steps(count, what, limit, noun)
    if problem is None:
        return
    if sys.stdin.isatty() and sys.stderr.isatty():
        print(f"retouch: {one_line(problem.message)}. Run all {count:,}? [y/N] ", end="", file=sys.stderr, flush=True)
        try:
            if input().strip().lower() in ("y", "yes"):
                return
        except EOFError:
            pass
    raise problem


def check_room(agent: Any, versions: int, what: str) -> None:
    """Refuse before the work when `versions` new versions of the current picture would not fit on
    the session's disk (`agent.bounds.check_disk`)."""
    from PIL import Image

    from retouch.agent.bounds import check_disk, version_bytes

    with Image.open(agent.session.version_path()) as current:
        size, bands = current.size, len(current.getbands())
    check_disk(agent.session.root, versions * version_bytes(size, bands), what)


def add_output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", metavar="OUT", help="write the result here (format from the extension)")
    parser.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    parser.add_argument("--mask", metavar="MASK", help="a mask image (white = edit) used as the selection")


def open_session(args: argparse.Namespace, image_path: Path | None) -> tuple[Any, bool, Any]:
    """The session named by --session (continued or started) or a new one under the user data dir,
    whether this call created it, and the input decoded when the session stands at it (see
    `agent.editor.start_session`). The image is read first, so a bad file fails before any folder
    is made."""
    from retouch.agent.editor import start_session

    if image_path is None and not getattr(args, "session", None):
        raise RetouchError("no image given", "Pass --image IMG, or --session DIR to continue a session.")
    session, decoded = start_session(image_path, getattr(args, "session", None))
    return session, session.created, decoded


def make_agent(args: argparse.Namespace, session: Any, current_image: Any = None) -> Any:
    """An agent on `session` with the backends and settings the flags — else the config file — name.

    Built by the same `build_agent` as `retouch.open`, the chat and the MCP server."""
    from retouch.agent.builder import build_agent
    from retouch.agent.config import load_config
    from retouch.tui.commands.inpaint_options import apply_inpaint_options

    config = load_config()
    apply_inpaint_options(args, config)
    apply_pick_option(args, config)
    return build_agent(session, planner=getattr(args, "planner", None), finder=getattr(args, "finder", None),
                       inpainter=getattr(args, "inpainter", None), config=config,
                       overwrite_saves=getattr(args, "force", False), on_wait=print_err,
                       current_image=current_image)


def add_pick_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pick", choices=("largest", "all", "first"), default=None,
                        help="when the words name one thing and several match: take the largest, all of them, "
                             "or the best match (default: stop and list the choices); when a removal also sees "
                             "parts it is unsure of (a tail, a shadow): 'all' takes them, the others leave them")


def apply_pick_option(args: argparse.Namespace, config: Any) -> None:
    """--pick is forced onto every selection (and answers a removal's "remove that too?", see
    `agent.config.LEFTOVERS_FOR_PICK`); without it the config file's `pick` (if any) fills in."""
    from retouch.agent.config import LEFTOVERS_FOR_PICK

    pick = getattr(args, "pick", None)
    if pick is not None:
        config.settings.overrides.setdefault("select", {})["pick"] = pick
        config.settings.overrides.setdefault("inpaint", {})["leftovers"] = LEFTOVERS_FOR_PICK[pick]


@contextmanager
def opened_agent(args: argparse.Namespace, image_path: Path | None) -> Iterator[Any]:
    """An agent for the length of one command. A failed command leaves nothing of its own behind,
    or says what it left: if no step landed, a session folder it created is removed again; if some
    did (a script failing on line 3), a line before the error names the versions kept and where."""
    session, created, decoded = open_session(args, image_path)
    try:
        agent = make_agent(args, session, decoded)
        del decoded  # the agent holds the decoded input only while it needs it (64 MiB at 4096²)
        yield agent
    except BaseException:
        if session.committed:
            names = ", ".join(f"v{number:03d}" for number in session.committed)
            print_err(f"kept {names} in the session {session.root} (continue with --session {session.root})")
        elif created:
            session.discard_if_untouched()
        raise
    if created and not getattr(args, "session", None):
        print_err(f"session: {session.root}")


def check_output(path: str | None, force: bool, inputs: Sequence[str | Path | None] = ()) -> Path | None:
    """Refuse a bad output path *before* doing the work: see `imageio.check_output_path`; the
    command's input files and any session's files are refused even with --force."""
    if path is None:
        return None
    from retouch.agent.session import refuse_session_file
    from retouch.tools.imageio import check_output_path

    out = check_output_path(path, overwrite=force, protected=[given for given in inputs if given])
    refuse_session_file(out)
    return out


def write_outputs(agent: Any, out: Path | None, force: bool, variation_paths: Sequence[Path],
                  changed: bool = True) -> list[Path]:
    """Write the current version to OUT; with variations, OUT-1.png … OUT-N.png."""
    if out is None:
        return []
    if not changed:
        raise RetouchError(f"nothing was edited, so {out} was not written",
                           "The reply above says why: a request that only selects needs what to do with it "
                           "(e.g. 'remove it'); an edit that found nothing to change leaves the picture as it was.")
    from retouch.tools.imageio import export_file

    if len(variation_paths) > 1:
        targets = [agent.check_save_target(out.with_name(f"{out.stem}-{index}{out.suffix}"), overwrite=force)
                   for index in range(1, len(variation_paths) + 1)]
        return [export_file(source, target, overwrite=force) for source, target in zip(variation_paths, targets)]
    return [agent.save(out, overwrite=force)]


def report(outcome: Any, agent: Any) -> None:
    """The reply, notes, new version and saved files, a line each. A reply or note is folded onto
    its one line: it may come from a plan file or a model, and a line break in it could otherwise
    print a line that looks like Retouch's own ("wrote …", "retouch: error: …")."""
    if outcome.reply:
        print_err(one_line(outcome.reply))
    for note in outcome.notes:
        print_err(f"note: {one_line(note)}")
    if outcome.new_versions:
        print_err(f"v{outcome.version:03d}: {agent.session.version_path()}")
    for path in outcome.saved:
        print_err(f"wrote {path}")


def require_edit(outcome: Any, where: str = "") -> None:
    """An empty plan is the planner saying it can't do this: for a script that is an error."""
    if not outcome.plan.calls:
        raise RetouchError(f"{where}{outcome.reply or 'I do not know how to do that'}")


def load_user_mask(agent: Any, mask_path: str | None) -> None:
    if mask_path is None:
        return
    from retouch.tools.imageio import load_mask

    agent.set_mask(load_mask(mask_path, agent.current_image().size))
