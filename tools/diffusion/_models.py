"""Device, dtype and model lookup for the diffusion backend.

`tools.models` (shared with the finders) owns these; until it is importable this module carries a
minimal version of the same three functions so the backend and its tests run on their own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

try:  # the shared implementation
    from retouch.tools.models import locate_model, pick_device, pick_dtype  # noqa: F401
except ImportError:  # pragma: no cover - only while tools.models is missing
    from retouch.tools.errors import ModelMissing, RetouchError

    def pick_device(preferred: str | None = None) -> str:
        import torch

        if preferred and preferred != "auto":
            return preferred
        if torch.cuda.is_available():
            return "cuda"
        if getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
            return "mps"
        return "cpu"

    def pick_dtype(device: str, preferred: str | None = None) -> Any:
        import torch

        names = {"float32": torch.float32, "fp32": torch.float32, "float16": torch.float16,
                 "fp16": torch.float16, "bfloat16": torch.bfloat16, "bf16": torch.bfloat16}
        if preferred and preferred != "auto":
            if preferred not in names:
                raise RetouchError(f"unknown dtype {preferred!r}", "Use float32, float16 or bfloat16.")
            return names[preferred]
        return torch.float32 if device == "cpu" else torch.float16

    def locate_model(id_or_dir: str, kind: str) -> Path:
        path = Path(id_or_dir).expanduser()
        if path.exists():
            return path
        if id_or_dir.startswith(("/", ".", "~")) or id_or_dir.count("/") != 1:
            raise RetouchError(f"there is no folder {id_or_dir}", "Give a diffusers model folder or a hub id.")
        from huggingface_hub import snapshot_download

        try:
            return Path(snapshot_download(id_or_dir, local_files_only=True))
        except Exception:
            raise ModelMissing(f"the {kind} model {id_or_dir!r} is not on this machine",
                               f"Download it once with: retouch models pull {id_or_dir}") from None
