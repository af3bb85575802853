"""What several commands share: opening a session and agent, checking and writing outputs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Sequence

from tools.errors import RetouchError


def print_err(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def add_session_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--session", metavar="DIR",
                        help="session folder: continued if it holds one, else started there "
                             "(default: a new folder under the user data dir)")


def add_backend_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--planner", default="rules", help="planner backend (default: rules)")
    parser.add_argument("--finder", default=None, help="finder backend (default: auto)")
    parser.add_argument("--inpainter", default=None, help="inpainter backend (default: builtin)")
    parser.add_argument("--seed", type=int, default=None, help="seed for every generating step")


def add_output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", metavar="OUT", help="write the result here (format from the extension)")
    parser.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    parser.add_argument("--mask", metavar="MASK", help="a mask image (white = edit) used as the selection")


def open_agent(args: argparse.Namespace, image_path: Path | None) -> Any:
    """The session (named or new) and an agent on it. The image is read first so a bad file fails
    before any folder is made."""
    from agent.agent import Agent
    from agent.executor import Backends
    from agent.session import Session, new_session_dir
    from tools.imageio import load_image

    if image_path is not None:
        load_image(image_path)
    if getattr(args, "session", None):
        session = Session.open_or_create(Path(args.session), image_path)
    else:
        if image_path is None:
            raise RetouchError("no image given", "Pass --image IMG, or --session DIR to continue a session.")
        root = new_session_dir(image_path)
        session = Session.create(root, image_path)
        print_err(f"session: {root}")
    backends = Backends(finder_name=getattr(args, "finder", None) or "auto",
                        inpainter_name=getattr(args, "inpainter", None) or "builtin")
    planner = None
    if getattr(args, "planner", None) and args.planner != "rules":
        from agent import registry

        planner = registry.load("planner", args.planner)
    return Agent(session, planner=planner, backends=backends, overwrite_saves=getattr(args, "force", False))


def check_output(path: str | None, force: bool) -> Path | None:
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


def write_outputs(agent: Any, out: Path | None, force: bool, variation_paths: Sequence[Path]) -> list[Path]:
    """Write the current version to OUT; with variations, OUT-1.png … OUT-N.png."""
    if out is None:
        return []
    from tools.imageio import load_image, save_image

    if len(variation_paths) > 1:
        return [save_image(load_image(source), out.with_name(f"{out.stem}-{index}{out.suffix}"), overwrite=force)
                for index, source in enumerate(variation_paths, start=1)]
    return [agent.save(out, overwrite=force)]


def report(outcome: Any, agent: Any) -> None:
    if outcome.reply:
        print_err(outcome.reply)
    for note in outcome.notes:
        print_err(f"note: {note}")
    if outcome.new_versions:
        print_err(f"v{outcome.version:03d}: {agent.session.version_path()}")


def require_edit(outcome: Any, where: str = "") -> None:
    """An empty plan is the planner saying it can't do this: for a script that is an error."""
    if not outcome.plan.calls:
        raise RetouchError(f"{where}{outcome.reply or 'I do not know how to do that'}")


def load_user_mask(agent: Any, mask_path: str | None) -> None:
    if mask_path is None:
        return
    from tools.imageio import load_mask

    agent.set_mask(load_mask(mask_path, agent.current_image().size))
