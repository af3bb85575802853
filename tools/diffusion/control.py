"""Control images for ControlNet inpainting: the structure the edit must keep.

Canny edges come from the image itself, so a structure-preserving edit (recolour a jacket, fix a
hand, re-texture a wall) needs no extra model. Depth needs a depth-estimation model on this
machine (a transformers checkpoint such as Depth Anything); without one it is a clear error.
"""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np
from PIL import Image

from retouch.tools.errors import RetouchError

CONTROLS = ("canny", "depth")


def control_image(image: Image.Image, control: str, *, depth_model: str | None = None, device: str = "cpu",
                  low: int = 100, high: int = 200) -> Image.Image:
    """The control image for `image` (RGB, at the painting size)."""
    if control == "canny":
        return canny(image, low=low, high=high)
    if control == "depth":
        return depth(image, depth_model, device=device)
    raise RetouchError(f"unknown ControlNet control {control!r}", f"Use one of: {', '.join(CONTROLS)}.")


def canny(image: Image.Image, *, low: int = 100, high: int = 200) -> Image.Image:
    edges = cv2.Canny(np.asarray(image.convert("L")), low, high)
    return Image.fromarray(np.repeat(edges[..., None], 3, axis=2), "RGB")


_depth_models: dict[tuple[str, str], Any] = {}


def depth(image: Image.Image, model: str | None, *, device: str = "cpu") -> Image.Image:
    """A relative depth map (near = bright) from a local transformers depth-estimation model."""
    if not model:
        raise RetouchError("depth control needs a depth model on this machine",
                           "Set depth_model under [backends.diffusers] to a local folder or a pulled hub id "
                           "(e.g. depth-anything/Depth-Anything-V2-Small-hf), or use control = \"canny\".")
    import torch
    from transformers import AutoImageProcessor, AutoModelForDepthEstimation

    from retouch.tools.models import locate_model

    key = (model, device)
    if key not in _depth_models:
        path = locate_model(model, "depth")
        processor = AutoImageProcessor.from_pretrained(path, local_files_only=True)
        network = AutoModelForDepthEstimation.from_pretrained(path, local_files_only=True, use_safetensors=True)
        _depth_models[key] = (processor, network.to(device).eval())
    processor, network = _depth_models[key]
    inputs = processor(images=image.convert("RGB"), return_tensors="pt").to(device)
    with torch.no_grad():
        predicted = network(**inputs).predicted_depth
    resized = torch.nn.functional.interpolate(predicted[:, None].float(), size=image.size[::-1], mode="bicubic")
    values = resized[0, 0].cpu().numpy()
    span = float(values.max() - values.min()) or 1.0
    grey = ((values - values.min()) / span * 255.0 + 0.5).astype(np.uint8)
    return Image.fromarray(np.repeat(grey[..., None], 3, axis=2), "RGB")
