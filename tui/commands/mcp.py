"""`retouch mcp`: serve Retouch's tools to another agent over the Model Context Protocol (stdio)."""

from __future__ import annotations

import argparse
from typing import Any


def add_parsers(commands: Any) -> None:
    mcp = commands.add_parser(
        "mcp", help="serve Retouch's tools to other agents (MCP over stdio)",
        description="Run an MCP server on stdin/stdout with the tools edit_image, plan_edit, make_mask, "
                    "outpaint_image, undo_edit, redo_edit and list_versions. Point an MCP client at the "
                    "command `retouch mcp`. Every path a client names must lie inside the allowed roots: the "
                    "--root folders and the roots the client declares; the working folder when neither is "
                    "given. Needs: pip install 'retouch[mcp]'.")
    mcp.add_argument("--root", action="append", default=[], metavar="DIR",
                     help="a folder the client may read and write in (repeatable; default: the working folder, "
                          "unless the client declares roots)")
    mcp.set_defaults(handler=run_mcp)


def run_mcp(args: argparse.Namespace) -> int:
    from retouch.tui.mcp_server import check_root, serve_stdio

    roots = [check_root(root) for root in args.root]  # a typo is one line before the server starts
    serve_stdio(roots)
    return 0
