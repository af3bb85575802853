"""The inpainting flags, for `edit`, `run` and `apply`: one per setting that declares a flag.

The plan's settings (steps, guidance, strength, fill, …) are declared once in
`tools.settings.InpaintSettings` — type, range, default, description, flag — and their flags are
made from that declaration; each has a config-file twin in the `[inpaint]` table. How the model
runs (model, device, dtype, offload, soft, controlnet) are options of a backend: flags here,
`[backends.NAME]` in the file. A flag wins over the words, which win over the file, which wins over
the settings policy (see `agent.config`). No third-party library is imported here: the help is
built from plain dataclasses.
"""

from __future__ import annotations

import argparse
from typing import Any

DIFFUSION_BACKEND = "diffusers"
"""The inpainter `--model` and `--controlnet` choose when no --inpainter is named, and where the
model flags go when the chosen inpainter takes no such options."""
_BACKEND_FLAGS = ("model", "device", "dtype", "offload", "soft", "controlnet", "control")


def add_inpaint_options(parser: argparse.ArgumentParser) -> None:
    from retouch.agent.policy import varies_by_task
    from retouch.tools.settings import InpaintSettings, declared

    group = parser.add_argument_group("inpainting (flags over words over the config file's [inpaint])")
    for item, kind, about in declared(InpaintSettings):
        if about.flag is None:
            continue
        default = "per task" if varies_by_task(item.name) else _shown(item.default)
        help_text = f"{about.description[:1].lower()}{about.description[1:].rstrip('.')} (default: {default})"
        if kind is bool:
            _add(parser, group, about.flag, action=argparse.BooleanOptionalAction, default=None, dest=item.name,
                 help=help_text)
        else:
            _add(parser, group, about.flag, type=kind, metavar=about.metavar, dest=item.name, help=help_text)
    group = parser.add_argument_group("diffusion model (config file: [backends.diffusers])")
    _add(parser, group, "--model", metavar="ID_OR_DIR",
         help="diffusers inpainting model: a pulled hub id or a local folder (implies --inpainter diffusers)")
    _add(parser, group, "--device", metavar="DEV", help="cuda, mps or cpu (default: the best available)")
    _add(parser, group, "--dtype", choices=["auto", "float32", "float16", "bfloat16"],
         help="weights' precision (default: float16/bfloat16 on a GPU, float32 on the CPU)")
    _add(parser, group, "--offload", action=argparse.BooleanOptionalAction, default=None,
         help="keep only the running part of the model on the GPU (small GPUs; needs accelerate)")
    _add(parser, group, "--soft", action=argparse.BooleanOptionalAction, default=None,
         help="soft inpainting: the blurred mask edge changes gradually, step by step")
    _add(parser, group, "--controlnet", metavar="ID_OR_DIR",
         help="a ControlNet that keeps the structure (canny edges of the image itself, or --control depth)")
    _add(parser, group, "--control", choices=["canny", "depth"], help="what the ControlNet follows (default canny)")


def _shown(value: Any) -> str:
    return "on" if value is True else "off" if value is False else str(value) if value != "" else "none"


def _add(parser: argparse.ArgumentParser, group: Any, flag: str, **kwargs: Any) -> None:
    """Add a flag unless a shared option of the same name is already there (e.g. another role's --device)."""
    if flag in parser._option_string_actions or f"--no-{flag[2:]}" in parser._option_string_actions:
        return
    group.add_argument(flag, **kwargs)


def apply_inpaint_options(args: argparse.Namespace, config: Any) -> None:
    """Turn the flags into forced plan settings and inpainter options on `config`."""
    from retouch.agent import registry
    from retouch.agent.config import validate_tool_settings
    from retouch.tools.errors import RetouchError
    from retouch.tools.settings import InpaintSettings, declared

    forced: dict[str, Any] = {}
    for item, _, about in declared(InpaintSettings):
        value = getattr(args, item.name, None) if about.flag else None
        if value is None:
            continue
        try:
            validate_tool_settings("inpaint", {item.name: value}, source="command line")
        except RetouchError as exc:
            why = exc.message.partition("is not allowed")[2].strip()
            raise RetouchError(f"{about.flag} {value} is not allowed {why}".rstrip(),
                               "See: retouch edit --help") from None
        forced[item.name] = value
    if forced:
        config.settings.overrides.setdefault("inpaint", {}).update(forced)
    options = {name: getattr(args, name) for name in _BACKEND_FLAGS if getattr(args, name, None) is not None}
    named = getattr(args, "inpainter", None)
    if (options.get("model") or options.get("controlnet")) and not named:
        config.inpainter = DIFFUSION_BACKEND
    if options:
        chosen = named or config.inpainter
        takes = set(registry.capabilities("inpainter", chosen).options)
        target = chosen if named or set(options) <= takes else DIFFUSION_BACKEND
        config.backend_options.setdefault(target, {}).update(options)
