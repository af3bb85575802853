"""The inpainting flags: every setting the guide names, for `edit`, `run` and `apply`.

Each flag has a config-file twin: the `[inpaint]` table for what the plan carries (steps, guidance,
strength, fill, …) and `[backends.diffusers]` for how the model runs (model, device, dtype, offload,
soft, controlnet). A flag wins over the words, which win over the file, which wins over the
settings policy (see `agent.config`). Only the standard library is imported here.
"""

from __future__ import annotations

import argparse
from typing import Any

FILLS = ("original", "original_blur", "latent_noise", "latent_nothing")

# flag dest → InpaintArgs field (forced onto every inpaint call of the command)
_PLAN_FLAGS = {
    "steps": "steps", "guidance": "guidance", "strength": "strength", "cleanup_strength": "cleanup_strength",
    "fill": "fill", "full_res": "full_resolution", "padding": "padding", "mask_blur": "mask_blur",
    "variations": "variations", "negative_prompt": "negative_prompt",
}
# flag dest → option of the diffusion backend's factory
_BACKEND_FLAGS = ("model", "device", "dtype", "offload", "soft", "controlnet", "control")


def add_inpaint_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("inpainting (flags over words over the config file's [inpaint])")
    _add(parser, group, "--steps", type=int, metavar="N", help="denoising steps (default 30)")
    _add(parser, group, "--guidance", type=float, metavar="G", help="prompt guidance scale (default 7.5)")
    _add(parser, group, "--strength", type=float, metavar="S",
         help="how much the masked area may change, 0–1 (default: per task, e.g. replace 0.85)")
    _add(parser, group, "--cleanup-strength", type=float, metavar="S",
         help="strength of the diffusion clean-up after a removal's fill (default 0.35; 0 = fill only)")
    _add(parser, group, "--fill", choices=FILLS, help="what the masked area starts from (default: per task)")
    _add(parser, group, "--full-res", action=argparse.BooleanOptionalAction, default=None,
         help="paint a crop around the mask at the model's full size (default: on, except backgrounds)")
    _add(parser, group, "--padding", type=int, metavar="PX", help="context around the mask in the crop (default 32)")
    _add(parser, group, "--mask-blur", type=int, metavar="PX", help="soft edge of the mask (default: per task)")
    _add(parser, group, "--variations", type=int, metavar="N",
         help="make N results with seeds SEED, SEED+1, … (written as OUT-1.png … OUT-N.png)")
    _add(parser, group, "--negative-prompt", metavar="TEXT", help="what the model should avoid")
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


def _add(parser: argparse.ArgumentParser, group: Any, flag: str, **kwargs: Any) -> None:
    """Add a flag unless a shared option of the same name is already there (e.g. another role's --device)."""
    if flag in parser._option_string_actions or f"--no-{flag[2:]}" in parser._option_string_actions:
        return
    group.add_argument(flag, **kwargs)


def apply_inpaint_options(args: argparse.Namespace, config: Any) -> None:
    """Turn the flags into forced plan settings and diffusion-backend options on `config`."""
    from retouch.agent.config import validate_tool_settings

    from retouch.tools.errors import RetouchError

    forced: dict[str, Any] = {}
    for dest, field in _PLAN_FLAGS.items():
        value = getattr(args, dest, None)
        if value is None:
            continue
        try:
            validate_tool_settings("inpaint", {field: value}, source="command line")
        except RetouchError as exc:
            why = exc.message.partition("is not allowed")[2].strip()
            raise RetouchError(f"--{dest.replace('_', '-')} {value} is not allowed {why}".rstrip(),
                               "See: retouch edit --help") from None
        forced[field] = value
    if forced:
        config.settings.overrides.setdefault("inpaint", {}).update(forced)
    options = {name: getattr(args, name) for name in _BACKEND_FLAGS if getattr(args, name, None) is not None}
    if (options.get("model") or options.get("controlnet")) and not getattr(args, "inpainter", None):
        config.inpainter = "diffusers"
    if options:
        target = config.inpainter if config.inpainter not in ("builtin",) else "diffusers"
        target = getattr(args, "inpainter", None) or target
        config.backend_options.setdefault(target, {}).update(options)
