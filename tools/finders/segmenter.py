"""Boxes → masks with SAM (transformers' `SamModel`).

SAM's cost is its image encoder; a prompt (a box) costs a small fraction of it. So the image
embedding is computed once per image content and reused for every prompt on it — "the dog", then
"the dog on the left", then "the cat" on the same version all pay for one encoding. For each box
SAM offers three masks; the one it scores best is kept, then its holes are filled and its specks
dropped.

Weights: a folder saved with `save_pretrained` or a hub id in the local cache (safetensors), or
Meta's official `sam_vit_*.pth` checkpoint, read with `torch.load(weights_only=True)` and mapped
onto the same `SamModel` (`tools.finders.sam_checkpoint`).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from retouch.tools.finders.cache import LRU, image_key
from retouch.tools.masks import fill_holes, from_bool, remove_specks
from retouch.tools.models import locate_model, pick_device, pick_dtype, quiet_loading
from retouch.tools.models.cache import MODELS

DEFAULT_SEGMENTERS = ("facebook/sam-vit-base", "facebook/sam-vit-large", "facebook/sam-vit-huge")


@dataclass
class Embedded:
    """One image's SAM embedding and the sizes needed to map boxes in and masks out."""

    embeddings: Any
    original_size: tuple[int, int]
    """(height, width) of the image."""
    reshaped_size: tuple[int, int]
    """(height, width) after resizing the longest side to the model's input."""
    seconds: float


class Sam:
    """A loaded SAM with an image-embedding cache: `segment(image, boxes)` → [(mask, score)]."""

    def __init__(self, model: Any, processor: Any, device: str, dtype: Any, source: Path,
                 cache_size: int = 4) -> None:
        self.model, self.processor, self.device, self.dtype, self.source = model, processor, device, dtype, source
        self.embeddings: LRU[Embedded] = LRU(cache_size)
        self._run_lock = threading.Lock()
        self.encodes = 0

    def embed(self, image: Image.Image) -> Embedded:
        """The image's embedding: computed on the first prompt, reused after (keyed by content)."""
        rgb = np.asarray(image.convert("RGB"))
        return self.embeddings.get_or_make(image_key(rgb), lambda: self._encode(rgb))

    def _encode(self, rgb: np.ndarray) -> Embedded:
        import torch

        started = time.perf_counter()
        inputs = self.processor.image_processor(images=rgb, return_tensors="pt")
        pixels = inputs["pixel_values"].to(self.device, self.dtype)
        with self._run_lock, torch.inference_mode():
            embeddings = self.model.get_image_embeddings(pixels)
        self.encodes += 1
        original = tuple(int(v) for v in inputs["original_sizes"][0])
        reshaped = tuple(int(v) for v in inputs["reshaped_input_sizes"][0])
        return Embedded(embeddings, original, reshaped, time.perf_counter() - started)  # type: ignore[arg-type]

    def segment(self, image: Image.Image, boxes: list[tuple[int, int, int, int]]) -> list[tuple[np.ndarray, float]]:
        """One cleaned mask (uint8, 0/255, image-sized) and SAM's score per box."""
        import torch

        if not boxes:
            return []
        embedded = self.embed(image)
        (oh, ow), (rh, rw) = embedded.original_size, embedded.reshaped_size
        scale = np.array([rw / ow, rh / oh, rw / ow, rh / oh], dtype=np.float32)
        prompt = torch.tensor(np.asarray(boxes, dtype=np.float32) * scale)[None].to(self.device, self.dtype)
        return self._best_masks(embedded, input_boxes=prompt)

    def segment_prompt(self, image: Image.Image, positives: list[tuple[int, int]], negatives: list[tuple[int, int]],
                       box: tuple[int, int, int, int] | None = None) -> tuple[np.ndarray, float]:
        """The cleaned mask SAM draws for a prompt of clicks (label 1 where added, 0 where taken away)
        and at most one box, and its score. One click alone is ambiguous (a part, a bigger part, the
        whole thing): SAM offers three readings and the best-scored is kept. Several clicks or a box
        say which, so SAM is asked for one mask, as its authors advise."""
        import torch

        embedded = self.embed(image)
        (oh, ow), (rh, rw) = embedded.original_size, embedded.reshaped_size
        prompt: dict[str, Any] = {}
        clicks = [*positives, *negatives]
        if clicks:
            where = np.array([[[[x * rw / ow, y * rh / oh] for x, y in clicks]]], dtype=np.float32)  # (1, 1, N, 2)
            prompt["input_points"] = torch.tensor(where).to(self.device, self.dtype)
            labels = [[[1] * len(positives) + [0] * len(negatives)]]
            prompt["input_labels"] = torch.tensor(labels, dtype=torch.long, device=self.device)  # (1, 1, N)
        if box is not None:
            scale = np.array([rw / ow, rh / oh, rw / ow, rh / oh], dtype=np.float32)
            prompt["input_boxes"] = torch.tensor(np.asarray([[box]], dtype=np.float32) * scale).to(self.device, self.dtype)
        if not prompt:
            raise ValueError("a SAM prompt needs a click or a box")
        one_click = len(clicks) == 1 and box is None
        return self._best_masks(embedded, multimask=one_click, **prompt)[0]

    def _best_masks(self, embedded: Embedded, multimask: bool = True, **prompt: Any) -> list[tuple[np.ndarray, float]]:
        """Run the prompt decoder; per prompt, SAM's best-scored mask (of three with `multimask`),
        scaled up and cleaned."""
        import torch

        with self._run_lock, torch.inference_mode():
            outputs = self.model(image_embeddings=embedded.embeddings, multimask_output=multimask, **prompt)
        scores = outputs.iou_scores[0].float().cpu()  # (prompts, 3): SAM's own quality estimate
        best = torch.argmax(scores, dim=-1)
        rows = torch.arange(scores.shape[0])
        low_res = outputs.pred_masks[0].float().cpu()[rows, best][:, None]  # only the best is scaled up
        masks = self.processor.image_processor.post_process_masks(
            [low_res], [embedded.original_size], [embedded.reshaped_size])[0]
        return [(clean(masks[index, 0].numpy().astype(bool)), float(scores[index, best[index]]))
                for index in range(scores.shape[0])]


def clean(mask: np.ndarray) -> np.ndarray:
    """Holes filled, specks (under 1 % of the mask, at least 16 px) removed; uint8 0/255."""
    out = fill_holes(from_bool(mask))
    area = int((out > 127).sum())
    return remove_specks(out, max(16, area // 100)) if area else out


def load_segmenter(model: str | None = None, *, device: str | None = None, dtype: Any = None) -> Sam:
    """SAM for `model` (hub id, folder, or an official .pth file; default: the first SAM found
    locally), loaded once per process per (source, device, dtype) into the model cache."""
    path = locate_model(model or _default_segmenter(device), "segmenter").resolve()
    device = pick_device(device)
    torch_dtype = pick_dtype(device, dtype)
    key = (str(path), device, str(torch_dtype))
    return MODELS.get("sam", key, lambda: _load(path, device, torch_dtype), name=str(path))


def _load(path: Path, device: str, dtype: Any) -> Sam:
    from transformers import SamModel, SamProcessor

    from retouch.tools.finders.detector import _require_safetensors

    with quiet_loading():
        if path.is_file() or (path.is_dir() and not (path / "config.json").exists() and any(path.glob("*.pth"))):
            from retouch.tools.finders.sam_checkpoint import load_official

            model, processor = load_official(path if path.is_file() else sorted(path.glob("*.pth"))[0])
            model = model.to(device, dtype).eval()
        else:
            _require_safetensors(path, "segmenter")
            model = SamModel.from_pretrained(path, local_files_only=True, use_safetensors=True, dtype=dtype)
            model = model.to(device).eval()
            processor = SamProcessor.from_pretrained(path, local_files_only=True)
    return Sam(model, processor, device, dtype, path)


def _default_segmenter(device: str | None) -> str:
    """The first SAM found locally: the base model first on a CPU (seconds, not tens of them),
    the largest first on a GPU."""
    from retouch.tools.models import find_model

    order = DEFAULT_SEGMENTERS if pick_device(device) == "cpu" else DEFAULT_SEGMENTERS[::-1]
    return next((name for name in order if find_model(name) is not None), DEFAULT_SEGMENTERS[0])
