"""`retouch models pull NAME`: the one place Retouch downloads anything.

A model goes into the normal Hugging Face cache (`HF_HOME`, default ~/.cache/huggingface), where the
offline loader finds it by its hub id, and where other tools can share it. Only what a diffusers
pipeline loads is fetched — configs, tokenizer files and `.safetensors` weights in the component
folders — never pickled checkpoints (`.bin`, `.ckpt`, `.pt`), never the single-file checkpoints
some repositories keep at their root (several GB each), and by default not the half-precision
duplicates either (`variant="fp16"` fetches only those, for about half the download).

Waiting is bounded: the question "is this a pipeline?" (one small metadata request) has a whole-answer
deadline, `METADATA_DEADLINE`; the files themselves come through the hub library, whose reads time
out after `HF_HUB_DOWNLOAD_TIMEOUT` seconds of silence (a download of gigabytes has no sensible
deadline for the whole of it).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from retouch.tools.deadline import DeadlineExceeded, call_within
from retouch.tools.errors import RetouchError

METADATA_DEADLINE = 60.0
"""Seconds for the hub to list a repository's files, all of the answer included."""


@dataclass(frozen=True)
class Known:
    repo: str
    what: str
    pipeline: bool = True
    """A diffusers pipeline folder (weights in component subfolders) or a single model at the root."""


ALIASES: dict[str, Known] = {
    "sd15-inpaint": Known("stable-diffusion-v1-5/stable-diffusion-inpainting",
                          "Stable Diffusion 1.5 inpainting (512², ~4 GB) — the default diffusion inpainter"),
    "sd2-inpaint": Known("stabilityai/stable-diffusion-2-inpainting", "Stable Diffusion 2 inpainting (512²)"),
    "sdxl-inpaint": Known("diffusers/stable-diffusion-xl-1.0-inpainting-0.1", "SDXL 1.0 inpainting (1024²)"),
    "flux-fill": Known("black-forest-labs/FLUX.1-Fill-dev",
                       "FLUX.1 Fill [dev] (1024², gated: accept its licence on the hub and log in first)"),
    "controlnet-canny-sd15": Known("lllyasviel/control_v11p_sd15_canny", "ControlNet canny for SD 1.5",
                                   pipeline=False),
}

_PIPELINE_FILES = ["model_index.json", "*/*.json", "*/*.txt", "*/*.model", "*/*.safetensors"]
_MODEL_FILES = ["*.json", "*.txt", "*.model", "*.safetensors"]
_NEVER = ["*.bin", "*.ckpt", "*.pt", "*.pth", "*.onnx", "*.onnx_data", "*.msgpack", "*.h5", "*.non_ema.*",
          "*.ema.*"]


def resolve(name: str) -> Known:
    """An alias's entry, or a hub id ("owner/name") taken as given."""
    if name in ALIASES:
        return ALIASES[name]
    if name.count("/") != 1 or name.startswith(("/", ".")):
        known = ", ".join(sorted(ALIASES))
        raise RetouchError(f"{name!r} is neither a known model name nor a hub id (owner/name)",
                           f"Known names: {known}.")
    return Known(name, "", pipeline=None)  # type: ignore[arg-type]  # decided by looking at the repo


def allow_patterns(pipeline: bool) -> list[str]:
    return list(_PIPELINE_FILES if pipeline else _MODEL_FILES)


def ignore_patterns(variant: str | None) -> list[str]:
    """Everything but the wanted precision's weights: with no variant, the fp16 copies are skipped;
    with variant="fp16", the full-precision ones are."""
    if variant:
        return [*_NEVER, "*/diffusion_pytorch_model.safetensors", "*/model.safetensors",
                "*/diffusion_pytorch_model-*-of-*.safetensors", "*/model-*-of-*.safetensors"]
    return [*_NEVER, "*.fp16.*", "*.fp16-*"]


def _network_errors() -> tuple[type[BaseException], ...]:
    try:
        import httpx
    except ImportError:
        return (ConnectionError,)
    return (ConnectionError, httpx.TransportError)


def pull(name: str, *, variant: str | None = None, revision: str | None = None) -> Path:
    """Download `name` (an alias or a hub id) into the Hugging Face cache; returns its folder."""
    from huggingface_hub import HfApi, snapshot_download
    from huggingface_hub.errors import (
        GatedRepoError, HfHubHTTPError, LocalEntryNotFoundError, OfflineModeIsEnabled, RepositoryNotFoundError,
    )

    from huggingface_hub import constants

    known = resolve(name)
    try:
        if constants.HF_HUB_OFFLINE:
            raise OfflineModeIsEnabled("offline")
        pipeline = known.pipeline
        if pipeline is None:
            files = call_within(METADATA_DEADLINE, lambda: HfApi().list_repo_files(known.repo, revision=revision),
                                name="retouch-hub-metadata")
            pipeline = "model_index.json" in files
        folder = snapshot_download(known.repo, revision=revision, allow_patterns=allow_patterns(pipeline),
                                   ignore_patterns=ignore_patterns(variant))
    except DeadlineExceeded:
        raise RetouchError(f"the Hugging Face hub did not list {known.repo} within {METADATA_DEADLINE:g} s",
                           "Check the network connection and try again.") from None
    except GatedRepoError:
        raise RetouchError(f"{known.repo} is gated: its licence must be accepted before downloading",
                           f"Accept it at https://huggingface.co/{known.repo}, then log in with "
                           "`hf auth login` (or set HF_TOKEN) and pull again.") from None
    except RepositoryNotFoundError:
        raise RetouchError(f"there is no model {known.repo!r} on the Hugging Face hub (or it is private)",
                           "Check the name; private models need `hf auth login` first.") from None
    except OfflineModeIsEnabled:
        raise RetouchError("HF_HUB_OFFLINE is set, so nothing can be downloaded",
                           "Unset it for this one command: HF_HUB_OFFLINE= retouch models pull NAME") from None
    except (LocalEntryNotFoundError, *_network_errors()):
        raise RetouchError(f"could not reach the Hugging Face hub to download {known.repo}",
                           "Check the network connection (and that HF_HUB_OFFLINE is not set).") from None
    except HfHubHTTPError as exc:
        raise RetouchError(f"downloading {known.repo} failed ({str(exc).splitlines()[0]})",
                           "Try again; a partial download resumes where it stopped.") from None
    path = Path(folder)
    if not any(path.rglob("*.safetensors")):
        raise RetouchError(f"{known.repo} has no .safetensors weights, and Retouch loads no other kind",
                           "Choose a model published with safetensors.")
    return path
