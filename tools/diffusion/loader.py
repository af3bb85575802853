"""Loading a diffusers inpainting pipeline: offline, safetensors only, once per process.

A model is a hub id found in the local Hugging Face cache or a local diffusers folder
(`tools.models.locate_model` decides; a missing one is a `ModelMissing` naming the pull command).
Loading never touches the network (`local_files_only`), never runs a repository's code
(no `trust_remote_code`), and reads only `.safetensors` weights.

The pipeline class comes from the folder's `model_index.json`: FLUX.1 Fill is a `FluxFillPipeline`
(`AutoPipelineForInpainting` would map "flux" to `FluxInpaintPipeline`, the wrong model family);
everything else — SD 1.5/2 and SDXL inpainting checkpoints, and plain text-to-image folders — goes
through `AutoPipelineForInpainting`. A ControlNet, when asked for, wraps the same components in the
ControlNet inpainting pipeline.

Loaded pipelines live in the process's model cache (`tools.models.cache.MODELS`) by (folder,
device, dtype, offload, controlnet, resolution): two backend option sets that share a model (say,
with and without `--soft`) share its weights, and `MODELS.drop()` lets them go.
"""

from __future__ import annotations

import importlib.util
import json
import logging
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from retouch.tools.errors import RetouchError
from retouch.tools.models.cache import MODELS

Family = str
"""'sd' (SD 1.x/2.x), 'sdxl', 'flux-fill', or 'other' (any pipeline AutoPipelineForInpainting gives)."""


@dataclass(frozen=True)
class LoadedPipeline:
    pipe: Any
    family: Family
    model: str
    """The id or folder the user named."""
    path: Path
    device: str
    dtype: Any
    offload: bool
    native: tuple[int, int]
    """The size the model was trained at (width, height)."""
    multiple: int
    """Sides must be multiples of this: the VAE's stride (×2 for FLUX's 2×2 latent packing)."""
    controlnet: str | None = None

    @property
    def execution_device(self) -> Any:
        """Where the denoiser runs — `device`, with or without CPU offload (the pipeline's own
        `_execution_device` finds the same by walking every module, which costs milliseconds)."""
        import torch

        return torch.device(self.device)

    def describe(self) -> dict[str, Any]:
        return {"model": self.model, "path": str(self.path), "family": self.family,
                "pipeline": type(self.pipe).__name__, "device": self.device,
                "dtype": str(self.dtype).removeprefix("torch."), "offload": self.offload,
                **({"controlnet": self.controlnet} if self.controlnet else {})}


def pipeline_class_name(folder: Path) -> str:
    """The `_class_name` a diffusers folder was saved with; a clear error if it isn't one."""
    index = folder / "model_index.json"
    if not index.exists():
        raise RetouchError(f"{folder} is not a diffusers pipeline folder (it has no model_index.json)",
                           "Point --model at a folder saved with save_pretrained, or at a hub id you pulled.")
    try:
        return str(json.loads(index.read_text(encoding="utf-8"))["_class_name"])
    except (ValueError, KeyError):
        raise RetouchError(f"{index} is not a valid diffusers model index", "Pull the model again.") from None


def load_pipeline(model: str, *, device: str | None = None, dtype: str | None = None, offload: bool = False,
                  controlnet: str | None = None, resolution: int | None = None) -> LoadedPipeline:
    """The pipeline for `model` on the chosen device, loaded on first use and then reused."""
    from retouch.tools.models import locate_model, pick_device

    path = locate_model(model, "inpainter").resolve()
    class_name = pipeline_class_name(path)
    device = pick_device(device)
    torch_dtype = _dtype_for(device, dtype, class_name)
    offload = bool(offload) and device != "cpu"
    control_path = locate_model(controlnet, "controlnet").resolve() if controlnet else None
    key = (str(path), device, str(torch_dtype), offload, str(control_path), resolution)
    return MODELS.get("diffusion pipeline", key, lambda: _load(model, path, class_name, device, torch_dtype, offload,
                                                               controlnet, control_path, resolution),
                      name=model)


def _dtype_for(device: str, preferred: str | None, class_name: str) -> Any:
    """fp32 on CPU; on a GPU fp16, or bf16 for FLUX (its weights are bf16 and overflow in fp16)."""
    from retouch.tools.models import pick_dtype

    if (preferred in (None, "auto")) and class_name.startswith("Flux") and device != "cpu":
        preferred = "bfloat16"
    return pick_dtype(device, preferred)


def _load(model: str, path: Path, class_name: str, device: str, torch_dtype: Any, offload: bool,
          controlnet: str | None, control_path: Path | None, resolution: int | None) -> LoadedPipeline:
    with _quiet():
        return _load_quietly(model, path, class_name, device, torch_dtype, offload, controlnet, control_path,
                             resolution)


@contextmanager
def _quiet() -> Iterator[None]:
    """Loading logs and draws progress bars on stderr; inside Retouch nothing prints (the failure,
    if any, becomes one RetouchError), so both libraries are silenced while a model loads."""
    import diffusers
    import transformers

    libraries = (diffusers.utils.logging, transformers.utils.logging)
    levels = [library.get_verbosity() for library in libraries]
    bars = [library.is_progress_bar_enabled() for library in libraries]
    for library in libraries:
        library.set_verbosity(logging.CRITICAL)
        library.disable_progress_bar()
    try:
        yield
    finally:
        for library, level, bar in zip(libraries, levels, bars):
            library.set_verbosity(level)
            if bar:
                library.enable_progress_bar()


def _load_quietly(model: str, path: Path, class_name: str, device: str, torch_dtype: Any, offload: bool,
                  controlnet: str | None, control_path: Path | None, resolution: int | None) -> LoadedPipeline:
    import diffusers

    options = {"dtype": torch_dtype, "use_safetensors": True, "local_files_only": True}
    variant = _variant(path)
    if variant:
        options["variant"] = variant
    try:
        if class_name == "FluxFillPipeline":
            pipe = diffusers.FluxFillPipeline.from_pretrained(path, **options)
        else:
            pipe = diffusers.AutoPipelineForInpainting.from_pretrained(path, **options)
        if control_path is not None:
            pipe = _with_controlnet(pipe, control_path, options)
    except (OSError, ValueError, TypeError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise RetouchError(f"could not load the diffusion model {model!r} from {path} ({first})",
                           "It needs .safetensors weights in diffusers layout; pull it again with "
                           "retouch models pull NAME, or re-save it with save_pretrained.") from None
    pipe.set_progress_bar_config(disable=True)
    if offload:
        if importlib.util.find_spec("accelerate") is None:
            raise RetouchError("--offload needs the accelerate package", "Install it with: pip install accelerate")
        pipe.enable_model_cpu_offload(device=device)
    else:
        pipe.to(device)
    family = _family(pipe)
    native, multiple = _geometry(pipe, family)
    if resolution:
        native = (resolution, resolution)
    return LoadedPipeline(pipe=pipe, family=family, model=model, path=path, device=device, dtype=torch_dtype,
                          offload=offload, native=native, multiple=multiple, controlnet=controlnet)


def _variant(path: Path) -> str | None:
    """'fp16' when a folder was pulled with only the half-precision weight files."""
    weights = [file.name for file in path.glob("*/*.safetensors")]
    if weights and all(".fp16." in name for name in weights):
        return "fp16"
    return None


def _with_controlnet(pipe: Any, control_path: Path, options: dict[str, Any]) -> Any:
    import diffusers

    controlnet = diffusers.ControlNetModel.from_pretrained(control_path, **options)
    if isinstance(pipe, diffusers.StableDiffusionXLInpaintPipeline):
        return diffusers.StableDiffusionXLControlNetInpaintPipeline.from_pipe(pipe, controlnet=controlnet)
    if isinstance(pipe, diffusers.StableDiffusionInpaintPipeline):
        return diffusers.StableDiffusionControlNetInpaintPipeline.from_pipe(pipe, controlnet=controlnet)
    raise RetouchError(f"ControlNet inpainting works with SD 1.5/2 and SDXL models, not {type(pipe).__name__}",
                       "Drop --controlnet, or choose an SD or SDXL inpainting model.")


def _family(pipe: Any) -> Family:
    import diffusers

    if isinstance(pipe, diffusers.FluxFillPipeline):
        return "flux-fill"
    if isinstance(pipe, (diffusers.StableDiffusionXLInpaintPipeline,
                         diffusers.StableDiffusionXLControlNetInpaintPipeline)):
        return "sdxl"
    if isinstance(pipe, (diffusers.StableDiffusionInpaintPipeline,
                         diffusers.StableDiffusionControlNetInpaintPipeline)):
        return "sd"
    return "other"


def _geometry(pipe: Any, family: Family) -> tuple[tuple[int, int], int]:
    scale = int(getattr(pipe, "vae_scale_factor", 8))
    if family == "flux-fill":
        side = int(pipe.default_sample_size) * scale
        return (side, side), scale * 2
    denoiser = getattr(pipe, "unet", None) or getattr(pipe, "transformer", None)
    sample = getattr(getattr(denoiser, "config", None), "sample_size", None)
    side = int(sample) * scale if isinstance(sample, int) else 512
    return (side, side), scale
