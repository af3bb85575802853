"""Regenerating the masked area: the request every inpainter receives, and the final paste-back.

An `Inpainter` is a backend (the built-in classical one, or a diffusion pipeline). Whatever it
does inside, the result goes through `composite`, which blends through the soft mask in pixel
space — so every pixel where the mask is 0 is the original's, bit for bit, no matter how the
backend encoded or resized things.
"""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Callable, Protocol, runtime_checkable

import numpy as np
from PIL import Image

from retouch.tools.imageio import rgb_window
from retouch.tools.masks import Mask, feather
from retouch.tools.settings import Flaw, InpaintSettings

ProgressCallback = Callable[[int, int, str], None]
"""progress(done, total, what) — the chat's progress bar listens to it."""


@dataclass(kw_only=True)
class InpaintRequest(InpaintSettings):
    """Every setting an inpainter may use (`tools.settings.InpaintSettings`, declared once), plus
    the task and what to keep out; in an edit every value is resolved by the policy before it gets
    here. Keyword arguments only: `InpaintRequest(task="remove", seed=3)`."""

    task: str
    flaw: Flaw | None = None
    """For task 'fix': the flaw the plan named, when it is one a backend may correct without redrawing."""
    exclude: Mask | None = None
    """Pixels a fill must never copy from (255 = excluded): the other things the finder found, an
    outpaint's subject. The hole itself is always filled. Given only to a backend whose
    capabilities say `excludes_sources`."""
    extra: dict[str, Any] = field(default_factory=dict)

    def as_record(self) -> dict[str, Any]:
        """JSON-able settings: the exclusion mask is recorded as its pixel count, not its pixels."""
        record = asdict(replace(self, exclude=None))
        record["exclude"] = None if self.exclude is None else int(np.count_nonzero(self.exclude))
        return record


@dataclass
class InpaintResult:
    images: list[Image.Image]
    """One per variation, already composited: outside the mask they equal the input exactly."""
    info: dict[str, Any] = field(default_factory=dict)
    """What the journal should know: backend, model, device, seeds, crop boxes, timings."""


@runtime_checkable
class Inpainter(Protocol):
    name: str

    def supports(self, request: InpaintRequest) -> bool:
        """Whether this backend can do the request at all (the built-in one can't paint a cat)."""
        ...

    def inpaint(self, image: Image.Image, mask: Mask, request: InpaintRequest, *,
                progress: ProgressCallback | None = None,
                cancel: threading.Event | None = None) -> InpaintResult:
        ...


COMPOSITE_BAND_ROWS = 256
"""`composite` blends this many rows at a time."""


def composite(original: Image.Image, generated: Image.Image, mask: Mask) -> Image.Image:
    """Blend `generated` over `original` through `mask` (0 keeps the original exactly).

    A band of rows at a time, so its working arrays are a band's, not the picture's (a whole
    4096² blend held ~250 MiB of them at once)."""
    if generated.size != original.size:
        generated = generated.resize(original.size, Image.Resampling.LANCZOS)
    width, height = original.size
    weights = np.asarray(mask)
    out = np.empty((height, width, 3), np.uint8)
    for top in range(0, height, COMPOSITE_BAND_ROWS):
        bottom = min(height, top + COMPOSITE_BAND_ROWS)
        weight = weights[top:bottom].astype(np.uint16)[..., None]
        blended = rgb_window(generated, (0, top, width, bottom)).astype(np.uint16)
        blended *= weight
        rest = rgb_window(original, (0, top, width, bottom)).astype(np.uint16)
        rest *= 255 - weight
        blended += rest
        blended += 127
        blended //= 255
        out[top:bottom] = blended  # (x·255 + 127) // 255 = x: weight 0 is the original, 255 the new, exactly
    result = Image.fromarray(out, "RGB")
    if original.mode == "RGBA":
        result.putalpha(original.getchannel("A"))
    return result


def compositing_mask(mask: Mask, mask_blur: int) -> Mask:
    """The soft mask to paste through. A mask that already has a soft edge (refine_mask blurred it)
    is used as is, so the blur is not applied twice and the edit never reaches further than
    grow + blur from the selection; a hard mask (a user's file, no refine) gets `mask_blur`."""
    values = np.asarray(mask)
    has_soft_edge = bool(((values > 0) & (values < 255)).any())
    if has_soft_edge or mask_blur <= 0:
        return values.astype(np.uint8)
    return feather(values.astype(np.uint8), mask_blur)


def hard_region(mask: Mask) -> np.ndarray:
    """Every pixel the edit may touch (mask > 0): the hole a fill has to cover."""
    return np.asarray(mask) > 0
