"""`retouch chat` (the Textual chat) and `retouch show` (an image printed in the terminal)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from retouch.tui.commands.common import add_session_option


def add_parsers(commands: Any) -> None:
    chat = commands.add_parser("chat", help="talk to an image in a full-screen chat")
    chat.add_argument("image", nargs="?", help="the image to edit (default: the bundled sample photo, "
                                               "or the session given with --session)")
    add_session_option(chat)
    chat.add_argument("--planner", default=None, help="planner backend (default: rules, or the config file's)")
    chat.add_argument("--finder", default=None, help="finder backend (default: auto, or the config file's)")
    chat.add_argument("--inpainter", default=None, help="inpainter backend (default: builtin, or the config file's)")
    chat.add_argument("--renderer", default=None, choices=("auto", "halfcell", "unicode", "sixel", "tgp"),
                      help="how to draw the image (default: detected; half-cell under tmux)")
    chat.set_defaults(handler=run_chat_command)

    show = commands.add_parser("show", help="print an image in the terminal")
    show.add_argument("image")
    show.add_argument("--renderer", default=None, choices=("auto", "halfcell", "unicode", "sixel", "tgp"))
    show.add_argument("--width", type=int, default=None, help="width in terminal columns")
    show.set_defaults(handler=run_show)


def run_chat_command(args: argparse.Namespace) -> int:
    from retouch.agent.editor import start_session
    from retouch.tui.chat import run_chat
    from retouch.tui.commands.common import make_agent, open_session, print_err

    image = Path(args.image) if args.image else None
    if image is None and not args.session:
        from retouch.tui.samples import sample_image

        image = sample_image()
    session, _, _ = open_session(args, image)

    def new_session(path: Path) -> Any:
        return start_session(path)[0]

    run_chat(session, lambda s: make_agent(args, s), renderer=args.renderer, session_factory=new_session)
    print_err(f"session: {session.root}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from retouch.tui.show import show_image

    show_image(Path(args.image), renderer=args.renderer, width=args.width)
    return 0
