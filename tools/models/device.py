"""Device and dtype choice: CUDA → MPS → CPU; half precision on a GPU, full precision on the CPU."""

from __future__ import annotations

from typing import Any

from retouch.tools.errors import RetouchError

_DTYPES = {"float32": "float32", "fp32": "float32", "float": "float32", "float16": "float16",
           "fp16": "float16", "half": "float16", "bfloat16": "bfloat16", "bf16": "bfloat16"}


def pick_device(preferred: str | None = None) -> str:
    """The torch device to run on: `preferred` when given (checked), else the best one here."""
    import torch

    if preferred in (None, "", "auto"):
        if torch.cuda.is_available():
            return "cuda"
        if _mps_available(torch):
            return "mps"
        return "cpu"
    name = str(preferred).strip().lower()
    kind = name.split(":", 1)[0]
    if kind == "cpu":
        return "cpu"
    if kind == "cuda":
        if not torch.cuda.is_available():
            raise RetouchError(f"the device {preferred!r} was asked for, but no CUDA GPU is visible here",
                               "Use --device cpu, or leave the device on auto.")
        return name
    if kind == "mps":
        if not _mps_available(torch):
            raise RetouchError(f"the device {preferred!r} was asked for, but Apple's MPS is not available here",
                               "Use --device cpu, or leave the device on auto.")
        return "mps"
    raise RetouchError(f"unknown device {preferred!r}", "Use auto, cpu, cuda, cuda:N or mps.")


def pick_dtype(device: str, preferred: Any = None) -> Any:
    """The torch dtype: `preferred` when given, else float32 on the CPU and float16 on a GPU."""
    import torch

    if isinstance(preferred, torch.dtype):
        return preferred
    if preferred in (None, "", "auto"):
        return torch.float32 if str(device).startswith("cpu") else torch.float16
    name = _DTYPES.get(str(preferred).strip().lower().removeprefix("torch."))
    if name is None:
        raise RetouchError(f"unknown dtype {preferred!r}", "Use auto, float32, float16 or bfloat16.")
    return getattr(torch, name)


def describe_device(device: str | None = None) -> str:
    """One phrase for `retouch models`: which device `auto` picks here, and what it is."""
    import torch

    chosen = pick_device(device)
    if chosen.startswith("cuda"):
        index = torch.device(chosen).index or 0
        return f"{chosen} ({torch.cuda.get_device_name(index)})"
    if chosen == "mps":
        return "mps (Apple GPU)"
    return f"cpu ({torch.get_num_threads()} threads)"


def _mps_available(torch: Any) -> bool:
    backend = getattr(torch.backends, "mps", None)
    return bool(backend is not None and backend.is_available())
