"""`retouch` — the command line. The one place that turns RetouchError into one line and an exit code.

Subcommands live in `tui.commands.*`; heavy libraries are imported inside the commands that need
them, so `retouch plan` and `retouch --help` start in well under a second.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Callable, NoReturn, Sequence

from retouch.tools.errors import Cancelled, NotSeen, RetouchError, file_error
from retouch.tools.memory import return_freed_buffers
from retouch.tui.commands import COMMAND_MODULES
from retouch.tui.terminal_text import one_line

NOT_SEEN_HINT = "Name something else, or give the area as a box or a --mask file."
"""The command line's way out of a thing the finder did not see: its own --point, --box and --mask."""
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_CANCELLED = 130


class _UsageError(RetouchError):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage mistake as one `retouch: error:` line, never a usage dump."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(message, f"See: {self.prog} --help")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="retouch", description="A terminal image editor you talk to.")
    parser.add_argument("--debug", action="store_true", help="show full tracebacks")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).add_parsers(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    return_freed_buffers()  # this process is ours: a freed photo-sized buffer goes back to the system
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
        if handler is None:
            parser.print_help(sys.stderr)
            return EXIT_USAGE
        return handler(args)
    except _UsageError as exc:
        print_error(exc)
        return EXIT_USAGE
    except RetouchError as exc:
        if debug:
            raise
        print_error(exc)
        return EXIT_ERROR
    except (KeyboardInterrupt, Cancelled):
        print("retouch: cancelled; nothing was written for the unfinished step", file=sys.stderr)
        return EXIT_CANCELLED
    except BrokenPipeError:
        return EXIT_ERROR
    except OSError as exc:  # the file system said no somewhere not wrapped closer to the cause
        if debug:
            raise
        print_error(file_error(exc, exc.filename or "a file", "use"))
        return EXIT_ERROR
    except MemoryError:
        print_error(RetouchError("ran out of memory", "Try a smaller image, or close other programs."))
        return EXIT_ERROR
    except Exception as exc:  # a bug: still one line unless --debug
        if debug:
            raise
        print_error(RetouchError(f"internal error: {type(exc).__name__}: {exc}",
                                 "Run with --debug for details, and please report it."))
        return EXIT_ERROR


def print_error(exc: RetouchError) -> None:
    """The one error line: `retouch: error: what happened. What to do.` — on one line, and with any
    escape sequence from file names, plan files or servers removed."""
    if isinstance(exc, NotSeen):
        exc = exc.with_hint(NOT_SEEN_HINT)
    print(f"retouch: error: {one_line(exc)}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
