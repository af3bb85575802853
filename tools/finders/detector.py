"""Phrase → boxes with Grounding DINO (transformers' `GroundingDinoForObjectDetection`).

The detector reads the whole phrase ("man in the blue shirt") and scores every box against it;
it ignores where-words, which `tools.spatial` handles. Weights come from a local folder or a hub
id already in the local Hugging Face cache, safetensors only, never remote code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from retouch.tools.errors import RetouchError
from retouch.tools.models import locate_model, pick_device, pick_dtype, quiet_loading
from retouch.tools.models.cache import MODELS

DEFAULT_DETECTORS = ("IDEA-Research/grounding-dino-tiny", "IDEA-Research/grounding-dino-base")


@dataclass
class Detection:
    box: tuple[int, int, int, int]
    score: float
    label: str


class GroundingDino:
    """A loaded Grounding DINO: `detect(image, "a dog. a cat.")` → scored boxes."""

    def __init__(self, path: Path, device: str, dtype: Any) -> None:
        from transformers import AutoProcessor, GroundingDinoForObjectDetection

        self.path, self.device, self.dtype = path, device, dtype
        _require_safetensors(path, "detector")
        with quiet_loading():
            self.processor = AutoProcessor.from_pretrained(path, local_files_only=True)
            self.model = GroundingDinoForObjectDetection.from_pretrained(
                path, local_files_only=True, use_safetensors=True, dtype=dtype).to(device).eval()
        self.runs = 0

    def detect(self, image: Image.Image, text: str, *, box_threshold: float = 0.35,
               text_threshold: float = 0.25, max_boxes: int = 20) -> list[Detection]:
        import torch

        rgb = image.convert("RGB")
        query = prompt_text(text)
        with quiet_loading():
            inputs = self.processor(images=rgb, text=query, return_tensors="pt")
        inputs = {k: (v.to(self.device, self.dtype) if v.is_floating_point() else v.to(self.device))
                  for k, v in inputs.items()}
        with torch.inference_mode():
            outputs = self.model(**inputs)
        outputs.logits = outputs.logits.float()
        outputs.pred_boxes = outputs.pred_boxes.float()
        results = self.processor.post_process_grounded_object_detection(
            outputs, inputs["input_ids"], threshold=box_threshold, text_threshold=text_threshold,
            target_sizes=[(rgb.height, rgb.width)])[0]
        self.runs += 1
        labels = results["text_labels"] if "text_labels" in results else [text] * len(results["boxes"])
        found = []
        for box, score, label in zip(results["boxes"].tolist(), results["scores"].tolist(), labels):
            x0, y0, x1, y1 = _clip_box(box, rgb.size)
            if x1 > x0 and y1 > y0:
                found.append(Detection((x0, y0, x1, y1), float(score), _clean_label(str(label))))
        found = nms(found, 0.7)
        return found[:max_boxes]


def prompt_text(text: str) -> str:
    """Grounding DINO's text form: lower case, each phrase ending in a full stop."""
    parts = [p.strip().lower() for p in re.split(r"[.\n]", text) if p.strip()]
    return " ".join(f"{p}." for p in parts) or "object."


def nms(detections: list[Detection], iou: float) -> list[Detection]:
    kept: list[Detection] = []
    for detection in sorted(detections, key=lambda d: -d.score):
        if all(_iou(detection.box, other.box) < iou for other in kept):
            kept.append(detection)
    return kept


def _iou(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> float:
    ix = max(0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def _clip_box(box: list[float], size: tuple[int, int]) -> tuple[int, int, int, int]:
    width, height = size
    x0, y0, x1, y1 = (float(v) for v in box)
    return (int(np.clip(np.floor(x0), 0, width)), int(np.clip(np.floor(y0), 0, height)),
            int(np.clip(np.ceil(x1), 0, width)), int(np.clip(np.ceil(y1), 0, height)))


def _clean_label(label: str) -> str:
    return re.sub(r"\[(?:CLS|SEP|PAD|UNK)\]|[.]", " ", label).strip()


def _require_safetensors(path: Path, kind: str) -> None:
    if path.is_dir() and not any(path.glob("*.safetensors")):
        raise RetouchError(f"the {kind} folder {path} has no .safetensors weights, and Retouch loads no other kind",
                           "Use a model published with safetensors (or save it with save_pretrained).")


def load_detector(model: str | None = None, *, device: str | None = None, dtype: Any = None) -> GroundingDino:
    """The detector for `model` (hub id or folder; default: the first Grounding DINO found
    locally), loaded once per process per (folder, device, dtype) into the model cache. Float32 unless asked: its
    deformable attention is fragile in half precision."""
    path = locate_model(model or _default_detector(), "detector").resolve()
    device = pick_device(device)
    torch_dtype = pick_dtype(device, dtype or "float32")
    key = (str(path), device, str(torch_dtype))
    return MODELS.get("grounding dino", key, lambda: GroundingDino(path, device, torch_dtype), name=str(path))


def _default_detector() -> str:
    from retouch.tools.models import find_model

    return next((name for name in DEFAULT_DETECTORS if find_model(name) is not None), DEFAULT_DETECTORS[0])
