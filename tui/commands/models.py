"""`retouch models [--json]`: what each role can use on this machine, and where its weights are.

For every role — planner, finder (with the detector and segmenter grounded-sam needs), inpainter —
the registered backends, whether each can run here (for model-backed ones: whether the weights
were found locally, and where), and the device and dtype they would run on. Nothing is loaded or
downloaded to answer.

Subcommands of `retouch models` (e.g. `pull`) live in their own modules and are added by
`add_models_subcommands`; each exposes `add_<name>_parser(models_subparsers)`.
"""

from __future__ import annotations

import argparse
import importlib
import json
from typing import Any, Callable

SUBCOMMAND_MODULES = (("retouch.tui.commands.models_pull", "add_pull_parser"),)
"""(module, function) pairs that add `retouch models <sub>` parsers; a missing module is skipped."""


def add_parsers(commands: Any) -> None:
    models = commands.add_parser(
        "models", help="list the backends and models each role can use here",
        description="List each role's backends, whether their weights are on this machine (and where), "
                    "and the device and dtype they run on. Nothing is loaded or downloaded.")
    models.add_argument("--json", action="store_true", help="print the listing as JSON")
    models.set_defaults(handler=run_models)
    add_models_subcommands(models)


def add_models_subcommands(models: argparse.ArgumentParser) -> None:
    subcommands = models.add_subparsers(dest="models_command", metavar="SUBCOMMAND")
    for module_name, function in SUBCOMMAND_MODULES:
        try:
            adder = getattr(importlib.import_module(module_name), function)
        except (ImportError, AttributeError):
            continue
        adder(subcommands)


def run_models(args: argparse.Namespace) -> int:
    listing = inventory()
    if args.json:
        print(json.dumps(listing, indent=2))
    else:
        from retouch.tui.commands.common import print_out

        print_out(render(listing))
    return 0


# ---- what is here -------------------------------------------------------------------------------


def inventory() -> dict[str, Any]:
    """The whole listing as plain data (what `--json` prints)."""
    from retouch.agent import registry
    from retouch.agent.config import load_config

    config = load_config()
    device = _device()
    listed: dict[str, Any] = {}
    for role in registry.ROLES:
        backends = []
        for name in registry.names(role):
            entry = {"name": name, "description": registry.describe(role, name)}
            entry.update(_probe(role, name, config.backend_options.get(name, {}), device))
            backends.append(entry)
        listed[role] = {"default": getattr(config, role, None), "backends": backends}
    from retouch.tools.finders import resolve_auto_finder

    finder_options = config.backend_options.get("grounded-sam", {})
    listed["finder"]["auto"] = resolve_auto_finder(finder_options)
    roles = {"planner": listed.pop("planner"), "finder": listed.pop("finder"),
             "detector": {"used_by": "grounded-sam", "models": _detector_models(finder_options, device)},
             "segmenter": {"used_by": "grounded-sam", "models": _segmenter_models(finder_options, device)},
             **listed}
    return {"device": device, "roles": roles}


def _device() -> dict[str, Any]:
    from retouch.tools.models import describe_device, pick_device, pick_dtype

    try:
        import torch
    except ImportError:  # pragma: no cover - torch ships with the product
        return {"auto": "cpu", "description": "cpu (torch is not installed)", "dtype": "float32", "torch": None}
    chosen = pick_device(None)
    return {"auto": chosen, "description": describe_device(None), "dtype": _dtype_name(pick_dtype(chosen)),
            "torch": torch.__version__.split("+")[0],
            "cuda": torch.cuda.is_available(),
            "mps": bool(getattr(torch.backends, "mps", None) and torch.backends.mps.is_available())}


def _dtype_name(dtype: Any) -> str:
    return str(dtype).removeprefix("torch.")


def _model(name: str, device: dict[str, Any], dtype: str | None = None) -> dict[str, Any]:
    from retouch.tools.models import find_model

    path = find_model(name)
    entry: dict[str, Any] = {"name": name, "found": path is not None, "path": str(path) if path else None,
                             "device": device["auto"], "dtype": dtype or device["dtype"]}
    if path is None and not name.startswith(("/", ".", "~")):
        entry["pull"] = f"retouch models pull {name}"
    return entry


def _detector_models(options: dict[str, Any], device: dict[str, Any]) -> list[dict[str, Any]]:
    from retouch.tools.finders.detector import DEFAULT_DETECTORS

    names = [options["detector"]] if options.get("detector") else list(DEFAULT_DETECTORS)
    dtype = options.get("detector_dtype") or "float32"
    return [_model(str(name), device, dtype) for name in names]


def _segmenter_models(options: dict[str, Any], device: dict[str, Any]) -> list[dict[str, Any]]:
    from retouch.tools.finders.segmenter import DEFAULT_SEGMENTERS

    names = [options["segmenter"]] if options.get("segmenter") else list(DEFAULT_SEGMENTERS)
    return [_model(str(name), device, options.get("dtype")) for name in names]


def _probe(role: str, name: str, options: dict[str, Any], device: dict[str, Any]) -> dict[str, Any]:
    """Whether a backend can run here; backends without a probe are listed as registered."""
    probe = _PROBES.get((role, name))
    if probe is None:
        return {"available": None, "note": "registered (no local check for this backend)"}
    try:
        return probe(options, device)
    except Exception as exc:  # a probe must never break the listing
        return {"available": None, "note": f"could not check ({type(exc).__name__}: {exc})"}


def _always(note: str) -> Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]]:
    return lambda options, device: {"available": True, "note": note, "device": "cpu"}


def _embedded(options: dict[str, Any], device: dict[str, Any]) -> dict[str, Any]:
    from retouch.tools.finders import availability

    status = next(s for s in availability() if s.name == "embedded")
    return {"available": status.available, "note": status.reason or "ships in the mediapipe package",
            "device": "cpu", "models": [m.to_record() for m in status.models]}


def _grounded_sam(options: dict[str, Any], device: dict[str, Any]) -> dict[str, Any]:
    from retouch.tools.finders import availability

    status = next(s for s in availability(options) if s.name == "grounded-sam")
    return {"available": status.available, "note": status.reason or "weights found locally",
            "device": device["auto"], "models": [m.to_record() for m in status.models]}


def _diffusers(options: dict[str, Any], device: dict[str, Any]) -> dict[str, Any]:
    import importlib.util

    default = "stable-diffusion-v1-5/stable-diffusion-inpainting"
    try:
        from retouch.tools.diffusion.pull import ALIASES
    except ImportError:
        ALIASES = {}
    model = str(options.get("model") or default)
    chosen = _model(model, device, options.get("dtype"))
    known = [_model(entry.repo, device) | {"alias": alias} for alias, entry in ALIASES.items()
             if getattr(entry, "pipeline", True)]
    installed = importlib.util.find_spec("diffusers") is not None
    note = ("diffusers is not installed" if not installed else
            "weights found locally" if chosen["found"] else f"{model} is not on this machine")
    return {"available": installed and chosen["found"], "note": note, "device": device["auto"],
            "models": [chosen, *[entry for entry in known if entry["name"] != model]]}


_PROBES: dict[tuple[str, str], Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]]] = {
    ("planner", "rules"): _always("built in, no model"),
    ("finder", "none"): _always("built in: regions and mask files only"),
    ("finder", "embedded"): _embedded,
    ("finder", "grounded-sam"): _grounded_sam,
    ("inpainter", "builtin"): _always("built in, no weights"),
    ("inpainter", "diffusers"): _diffusers,
}


# ---- text ---------------------------------------------------------------------------------------


def render(listing: dict[str, Any]) -> str:
    device = listing["device"]
    lines = [f"device: {device['description']} · dtype {device['dtype']}"
             + (f" · torch {device['torch']}" if device.get("torch") else ""), ""]
    for role, entry in listing["roles"].items():
        header = role
        if "default" in entry:
            header += f"  (default: {entry['default']}"
            if role == "finder" and entry.get("default") == "auto":
                header += f" → {entry.get('auto')}"
            header += ")"
        elif "used_by" in entry:
            header += f"  (for {entry['used_by']})"
        lines.append(header)
        for backend in entry.get("backends", []):
            mark = {True: "✓", False: "✗", None: "·"}[backend.get("available")]
            note = backend.get("note") or ""
            lines.append(f"  {mark} {backend['name']:<14} {backend.get('description', '')}")
            if note:
                lines.append(f"  {'':<16} {note}")
        for model in entry.get("models", []):
            mark = "✓" if model["found"] else "✗"
            where = model["path"] if model["found"] else model.get("pull", "not found")
            lines.append(f"  {mark} {model['name']:<40} {model['device']}/{model['dtype']}  {where}")
        lines.append("")
    return "\n".join(lines).rstrip()
