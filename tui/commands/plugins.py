"""`retouch plugins [--json]`: every backend by role, the plugin it came from and what it declared
it is (device, fills, outpainting, source exclusion, options), and any plugin that failed to load
(with its one-line reason), so a broken third-party package is visible."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from typing import Any


def add_parsers(commands: Any) -> None:
    plugins = commands.add_parser(
        "plugins", help="list the backends each plugin adds (built-ins included)",
        description="Backends come from Retouch itself ('builtin') and from packages that declare "
                    "a 'retouch.backends' entry point. Lists every backend by role, and any plugin "
                    "that failed to load.")
    plugins.add_argument("--json", action="store_true", help="print the listing as JSON")
    plugins.set_defaults(handler=run_plugins)


def listing() -> dict[str, Any]:
    from retouch.agent import registry

    return {
        "backends": [{"role": b.role, "name": b.name, "plugin": b.plugin, "description": b.description,
                      "capabilities": asdict(b.capabilities)}
                     for role in registry.ROLES for b in registry.backends(role)],
        "failed": [{"plugin": f.plugin, "error": f.error} for f in registry.failures()],
    }


def run_plugins(args: argparse.Namespace) -> int:
    from retouch.tui.commands.common import print_err, print_out

    found = listing()
    if args.json:
        print_out(json.dumps(found, indent=2))
        return 0
    width = max(len(b["name"]) for b in found["backends"])
    for entry in found["backends"]:
        print_out(f"{entry['role']:<10} {entry['name']:<{width}}  [{entry['plugin']}]  {entry['description']}")
        print_out(f"{'':<10} {'':<{width}}  {_capabilities_line(entry['capabilities'])}")
    for failure in found["failed"]:
        print_err(f"plugin {failure['plugin']} failed to load: {failure['error']}")
    return 0


def _capabilities_line(capabilities: dict[str, Any]) -> str:
    """"cpu · excludes sources", "gpu-preferred · outpaints · fills: original, … · options: model, …"."""
    parts = [capabilities["device"]]
    parts += [label for key, label in (("outpaints", "outpaints"), ("excludes_sources", "excludes sources"))
              if capabilities.get(key)]
    parts += [f"{key}: {', '.join(capabilities[key])}" for key in ("fills", "options") if capabilities.get(key)]
    return " · ".join(parts)
