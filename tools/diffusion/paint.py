"""One diffusion run at the model's size: the diffusers pipeline call, with Retouch's fill modes,
soft inpainting, progress and cancellation hooked in through its public arguments.

The pipeline does the work exactly as diffusers ships it. Retouch only
- draws the start latents itself when the fill mode is not diffusers' own (`latents=`),
- resets latents after each step where they must stay the original (`callback_on_step_end`),
- reports each step and stops between steps when cancelled (the same callback).
With `fill="original"` and no soft mask the call is the plain pipeline call, so the engine costs
what the pipeline costs.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np
from PIL import Image

from retouch.tools.diffusion.fills import blur_fill, fill_latents
from retouch.tools.diffusion.loader import LoadedPipeline
from retouch.tools.diffusion.soft import LatentAnchor
from retouch.tools.errors import RetouchError

FLUX_GUIDANCE_PER_CFG = 4.0
"""FLUX Fill's distilled guidance runs on its own scale (its model card uses 30). Retouch's
`guidance` is SD's classifier-free guidance scale everywhere, so FLUX gets 4× it: 7.5 → 30."""

StepHook = Callable[[int, int], None]
"""on_step(done, total) after every denoising step; it may raise (Cancelled) to stop the run."""


@dataclass(frozen=True)
class PaintSettings:
    prompt: str
    negative_prompt: str = ""
    strength: float = 1.0
    fill: str = "original"
    steps: int = 30
    guidance: float = 7.5
    seed: int = 0
    soft: bool = False
    control_image: Image.Image | None = None
    control_scale: float = 1.0


def steps_for(steps: int, strength: float) -> int:
    """The steps to ask for so that at least one runs: diffusers runs int(steps × strength)."""
    while int(steps * strength) < 1:
        steps += 1
    return steps


def model_guidance(family: str, guidance: float) -> float:
    return guidance * FLUX_GUIDANCE_PER_CFG if family == "flux-fill" else guidance


def paint(loaded: LoadedPipeline, image: Image.Image, mask: Image.Image, settings: PaintSettings, *,
          on_step: StepHook | None = None) -> Image.Image:
    """Inpaint `image` (RGB, already at the painting size) where `mask` (L, same size) is white."""
    import torch

    pipe, family = loaded.pipe, loaded.family
    width, height = image.size
    steps = steps_for(settings.steps, settings.strength)
    generator = torch.Generator("cpu").manual_seed(settings.seed)
    call: dict[str, Any] = {
        "prompt": settings.prompt, "image": image, "mask_image": mask, "height": height, "width": width,
        "strength": settings.strength, "num_inference_steps": steps,
        "guidance_scale": model_guidance(family, settings.guidance), "generator": generator,
    }
    if family != "flux-fill" and settings.negative_prompt:
        call["negative_prompt"] = settings.negative_prompt
    if settings.control_image is not None:
        call.update(control_image=settings.control_image, controlnet_conditioning_scale=settings.control_scale)

    anchor = None
    if family != "other" and (settings.fill != "original" or settings.soft):
        start = _start_flux if family == "flux-fill" else _start_sd
        call["latents"], anchor = start(loaded, image, mask, settings, steps, generator)
    call["callback_on_step_end"] = _StepEnd(anchor, on_step)
    call["callback_on_step_end_tensor_inputs"] = ["latents"]
    if family == "other":
        accepted = inspect.signature(pipe.__call__).parameters
        call = {name: value for name, value in call.items() if name in accepted}

    output = pipe(**call)
    if any(getattr(output, "nsfw_content_detected", None) or []):
        raise RetouchError("the model's safety checker blanked the result",
                           "Try another seed or prompt, or a model without a safety checker.")
    return output.images[0]


class _StepEnd:
    """The per-step hook diffusers calls: keep latents where they must not change, then report."""

    def __init__(self, anchor: LatentAnchor | None, on_step: StepHook | None) -> None:
        self.anchor = anchor
        self.on_step = on_step

    def __call__(self, pipe: Any, index: int, timestep: Any, tensors: dict[str, Any]) -> dict[str, Any]:
        total = int(getattr(pipe, "num_timesteps", 0) or index + 1)
        updates: dict[str, Any] = {}
        if self.anchor is not None:
            updates["latents"] = self.anchor(tensors["latents"], index + 1, total)
        if self.on_step is not None:
            self.on_step(index + 1, total)
        return updates


# ------------------------------------------------------------------ start latents per family


def schedule(loaded: LoadedPipeline, steps: int, strength: float, size: tuple[int, int]) -> Any:
    """The timesteps the pipeline will run for these settings, computed the way it computes them
    (its own `get_timesteps`); one per call of the step callback."""
    pipe, device = loaded.pipe, loaded.execution_device
    if loaded.family == "flux-fill":
        from diffusers.pipelines.flux.pipeline_flux_fill import calculate_shift, retrieve_timesteps

        config, scale = pipe.scheduler.config, pipe.vae_scale_factor
        width, height = size
        mu = calculate_shift((height // scale // 2) * (width // scale // 2), config.get("base_image_seq_len", 256),
                             config.get("max_image_seq_len", 4096), config.get("base_shift", 0.5),
                             config.get("max_shift", 1.15))
        retrieve_timesteps(pipe.scheduler, steps, device, sigmas=np.linspace(1.0, 1 / steps, steps), mu=mu)
    else:
        pipe.scheduler.set_timesteps(steps, device=device)
    timesteps, _ = pipe.get_timesteps(steps, strength, device)
    return timesteps


def _sources(loaded: LoadedPipeline, image: Image.Image, mask: Image.Image, settings: PaintSettings,
             generator: Any, encode: Callable[[Image.Image], Any]) -> tuple[Any, Any]:
    """(latents the fill starts from, latents of the original) — encoded once when they're the same."""
    original = encode(image)
    if settings.fill != "original_blur":
        return original, original
    blurred = Image.fromarray(blur_fill(np.asarray(image.convert("RGB")), np.asarray(mask)), "RGB")
    return encode(blurred), original


def _latent_mask(mask: Image.Image, latents: Any) -> Any:
    """The soft mask at latent resolution (area-averaged), 1 = regenerate."""
    import torch
    import torch.nn.functional as F

    values = torch.from_numpy(np.asarray(mask.convert("L"), dtype=np.float32) / 255.0)[None, None]
    small = F.interpolate(values, size=tuple(latents.shape[-2:]), mode="area")
    return small.to(device=latents.device, dtype=latents.dtype)


def _vae_encoder(loaded: LoadedPipeline, size: tuple[int, int], generator: Any) -> Any:
    """picture → VAE latents at `size`, through the pipeline's own preprocessing (SD, SDXL and FLUX alike)."""
    pipe, device, dtype = loaded.pipe, loaded.execution_device, loaded.dtype
    width, height = size

    def encode(picture: Image.Image) -> Any:
        pixels = pipe.image_processor.preprocess(picture, height=height, width=width).to(device=device, dtype=dtype)
        return pipe._encode_vae_image(pixels, generator=generator)

    return encode


def _start_sd(loaded: LoadedPipeline, image: Image.Image, mask: Image.Image, settings: PaintSettings,
              steps: int, generator: Any) -> tuple[Any, LatentAnchor | None]:
    """SD / SDXL: diffusers scales passed `latents` by the scheduler's init sigma, so they are the
    noised fill divided by it; the pipeline then starts from exactly the noised fill."""
    from diffusers.utils.torch_utils import randn_tensor

    pipe, device, dtype = loaded.pipe, loaded.execution_device, loaded.dtype
    source, original = _sources(loaded, image, mask, settings, generator, _vae_encoder(loaded, image.size, generator))
    change = _latent_mask(mask, source)
    filled = fill_latents(source, change, settings.fill, generator)
    timesteps = schedule(loaded, steps, settings.strength, image.size)
    noise = randn_tensor(source.shape, generator=generator, device=device, dtype=dtype)
    start = pipe.scheduler.add_noise(filled, noise, timesteps[:1]) / pipe.scheduler.init_noise_sigma
    plain_model = pipe.unet.config.in_channels == 4
    if not (settings.soft or plain_model):
        return start, None

    def renoise(latents: Any, noise: Any, done: int) -> Any:
        return pipe.scheduler.add_noise(latents, noise, timesteps[done:done + 1])

    if not settings.soft:  # keep what the pipeline keeps: its mask binarised at one half
        change = _latent_mask(mask.point(lambda v: 255 if v >= 128 else 0), source).round()
    return start, LatentAnchor(original=original, noise=noise, change=change, graded=settings.soft,
                               renoise=renoise)


def _start_flux(loaded: LoadedPipeline, image: Image.Image, mask: Image.Image, settings: PaintSettings,
                steps: int, generator: Any) -> tuple[Any, LatentAnchor | None]:
    """FLUX Fill: flow matching (x_t = (1 - σ)·x + σ·noise), latents packed in 2×2 patches and
    used as given."""
    from diffusers.utils.torch_utils import randn_tensor

    pipe, device, dtype = loaded.pipe, loaded.execution_device, loaded.dtype
    source, original = _sources(loaded, image, mask, settings, generator, _vae_encoder(loaded, image.size, generator))
    change = _latent_mask(mask, source)
    filled = fill_latents(source, change, settings.fill, generator)
    scale = pipe.vae_scale_factor
    timesteps = schedule(loaded, steps, settings.strength, image.size)
    noise = randn_tensor(source.shape, generator=generator, device=device, dtype=dtype)
    batch, channels, lat_h, lat_w = source.shape
    width, height = image.size

    def pack(latents: Any) -> Any:
        return pipe._pack_latents(latents, batch, channels, lat_h, lat_w)

    def unpack(latents: Any) -> Any:
        return pipe._unpack_latents(latents, height, width, scale)

    start = pack(pipe.scheduler.scale_noise(filled, timesteps[:1], noise))
    if not settings.soft:
        return start, None

    def renoise(latents: Any, noise: Any, done: int) -> Any:
        return pipe.scheduler.scale_noise(latents, timesteps[done:done + 1], noise)

    return start, LatentAnchor(original=original, noise=noise, change=change, graded=True, renoise=renoise,
                               pack=pack, unpack=unpack)
