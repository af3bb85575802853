"""The grounded-sam finder: Grounding DINO turns the words into boxes, SAM turns boxes into masks.

Anything with a name can be found ("the red umbrella", "the woman in the green coat"): the phrase
goes to the detector whole and its scores rank the candidates; where-words are picked afterwards
by `tools.spatial`. For what the embedded models know (people, faces, hands, feet, …) the embedded
finder stands behind it: when the detector finds none of them, MediaPipe gets a look, so a
person the detector misses (a crop, an unusual pose) is still found.

Models load on the first `find`, once per process; the options below are the `[backends.
grounded-sam]` table of the config file.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PIL import Image

from retouch.tools.finders.vocabulary import COMMON_OBJECTS, embedded_label
from retouch.tools.select import Candidate

_ENOUGH_OF_THE_IMAGE = 0.0005


class GroundedSamFinder:
    """Grounding DINO + SAM (the `Finder` protocol)."""

    name = "grounded-sam"

    def __init__(self, detector: str | None = None, segmenter: str | None = None, device: str | None = None,
                 dtype: str | None = None, detector_dtype: str | None = None, box_threshold: float = 0.35,
                 text_threshold: float = 0.25, max_boxes: int = 20, fallback: str | None = "embedded") -> None:
        self.detector_name, self.segmenter_name = detector, segmenter
        self.device, self.dtype, self.detector_dtype = device, dtype, detector_dtype
        self.box_threshold, self.text_threshold, self.max_boxes = float(box_threshold), float(text_threshold), int(max_boxes)
        self.fallback_name = fallback
        self._fallback: Any = None

    # -- models, from the process's model cache (loaded on first need, not held here)

    @property
    def detector(self) -> Any:
        from retouch.tools.finders.detector import load_detector

        return load_detector(self.detector_name, device=self.device, dtype=self.detector_dtype)

    @property
    def segmenter(self) -> Any:
        from retouch.tools.finders.segmenter import load_segmenter

        return load_segmenter(self.segmenter_name, device=self.device, dtype=self.dtype)

    def fallback(self) -> Any:
        if self._fallback is None and self.fallback_name == "embedded":
            from retouch.tools.finders.embedded import EmbeddedFinder
            from retouch.tools.finders.mediapipe_models import available

            if available():
                self._fallback = EmbeddedFinder()
        return self._fallback

    # -- the Finder protocol

    def find(self, image: Image.Image, target: str, phrase: str | None = None) -> list[Candidate]:
        detections = self.detector.detect(image, phrase or target, box_threshold=self.box_threshold,
                                          text_threshold=self.text_threshold, max_boxes=self.max_boxes)
        candidates = self._segment(image, target, detections)
        if not candidates and embedded_label(target) is not None and self.fallback() is not None:
            return self.fallback().find(image, target, phrase)
        return candidates

    def segment_prompt(self, image: Image.Image, positives: list[tuple[int, int]], negatives: list[tuple[int, int]],
                       box: tuple[int, int, int, int] | None = None) -> tuple[np.ndarray, float]:
        """SAM's mask for what the clicks and the box point at, and its score — `tools.point_select`."""
        return self.segmenter.segment_prompt(image, positives, negatives, box)

    def inventory(self, image: Image.Image) -> dict[str, int]:
        """What the detector sees among everyday objects, merged with what the embedded models see."""
        counts: dict[str, int] = {}
        detections = self.detector.detect(image, ". ".join(COMMON_OBJECTS), box_threshold=self.box_threshold,
                                          text_threshold=self.text_threshold, max_boxes=50)
        for detection in detections:
            label = _known_label(detection.label)
            if label is not None:
                counts[label] = counts.get(label, 0) + 1
        fallback = self.fallback()
        if fallback is not None:
            for label, count in fallback.inventory(image).items():
                counts[label] = max(count, counts.get(label, 0))
        return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))

    def _segment(self, image: Image.Image, target: str, detections: list[Any]) -> list[Candidate]:
        if not detections:
            return []
        masks = self.segmenter.segment(image, [d.box for d in detections])
        min_area = max(16, int(_ENOUGH_OF_THE_IMAGE * image.width * image.height))
        candidates = []
        for detection, (mask, sam_score) in zip(detections, masks):
            area = int((mask > 127).sum())
            if area < min_area:
                continue
            ys, xs = np.nonzero(mask > 127)
            box = (int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1)
            candidates.append(Candidate(label=target, box=box, score=round(detection.score, 4), mask=mask,
                                        attributes={"detector_box": ",".join(str(v) for v in detection.box),
                                                    "mask_score": f"{sam_score:.3f}"}))
        return candidates


def _known_label(text: str) -> str | None:
    """The everyday object a detector label names ("a dog" → "dog")."""
    words = text.lower().split()
    for label in COMMON_OBJECTS:
        if label in words:
            return label
    return None
