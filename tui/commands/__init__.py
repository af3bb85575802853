"""One module per group of `retouch` subcommands. Each exposes `add_parsers(subparsers)`.

Modules here must import only the standard library at module level: `retouch --help` and
`retouch plan` load all of them, and heavy libraries would make every command slow to start.
"""

COMMAND_MODULES = (
    "retouch.tui.commands.plan",
    "retouch.tui.commands.edit",
    "retouch.tui.commands.history",
    "retouch.tui.commands.mask", "retouch.tui.commands.models",
    "retouch.tui.commands.chat",
    "retouch.tui.commands.plugins",
    "retouch.tui.commands.mcp",
    "retouch.tui.commands.info",
    "retouch.tui.commands.batch",
)
