"""`retouch models pull NAME`: download a model into the Hugging Face cache (the only network use).

`add_pull_parser(models_subparsers)` adds the subcommand to `retouch models`; the work is in
`tools.diffusion.pull`, imported only when the command runs.
"""

from __future__ import annotations

import argparse
from typing import Any


def add_pull_parser(models_subparsers: Any) -> argparse.ArgumentParser:
    pull = models_subparsers.add_parser(
        "pull", help="download a model into the Hugging Face cache",
        description="Download a model once; everything else runs offline. NAME is a short name "
                    "(sd15-inpaint, sd2-inpaint, sdxl-inpaint, flux-fill, controlnet-canny-sd15) or a hub id.")
    pull.add_argument("name", metavar="NAME", help="short name or hub id (owner/name)")
    pull.add_argument("--variant", choices=["fp16"], default=None,
                      help="fetch only the half-precision weights (about half the download; GPU use)")
    pull.add_argument("--revision", default=None, help="a branch, tag or commit of the hub repository")
    pull.set_defaults(handler=run_pull)
    return pull


def run_pull(args: argparse.Namespace) -> int:
    from retouch.tools.diffusion.pull import pull, resolve
    from retouch.tui.commands.common import print_err, print_out

    known = resolve(args.name)
    print_err(f"pulling {known.repo}{' (' + known.what + ')' if known.what else ''} …")
    path = pull(args.name, variant=args.variant, revision=args.revision)
    print_out(path)
    return 0
