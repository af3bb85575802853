"""One module per group of `retouch` subcommands. Each exposes `add_parsers(subparsers)`.

Modules here must import only the standard library at module level: `retouch --help` and
`retouch plan` load all of them, and heavy libraries would make every command slow to start.
"""

COMMAND_MODULES = (
    "tui.commands.plan",
    "tui.commands.edit",
    "tui.commands.history",
    "tui.commands.mask", "tui.commands.models",
    "tui.commands.chat",
)
