"""`retouch mcp`: serve Retouch's tools to another agent over the Model Context Protocol (stdio)."""

from __future__ import annotations

import argparse
from typing import Any


def add_parsers(commands: Any) -> None:
    mcp = commands.add_parser(
        "mcp", help="serve Retouch's tools to other agents (MCP over stdio)",
        description="Run an MCP server on stdin/stdout with the tools edit_image, plan_edit, make_mask, "
                    "outpaint_image, undo_edit, redo_edit and list_versions. Point an MCP client at the "
                    "command `retouch mcp`. Needs: pip install 'retouch[mcp]'.")
    mcp.set_defaults(handler=run_mcp)


def run_mcp(args: argparse.Namespace) -> int:
    from retouch.tui.mcp_server import serve_stdio

    serve_stdio()
    return 0
