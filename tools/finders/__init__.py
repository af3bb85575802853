"""Finders: words → candidate things with masks (the `tools.select.Finder` protocol).

- `embedded` — MediaPipe's shipped models: people, faces, heads, hands, feet, arms, legs. No
  downloads; always there when mediapipe is installed.
- `grounded-sam` — Grounding DINO + SAM through transformers: anything with a name, when their
  weights are on this machine (a folder, or a hub id in the local Hugging Face cache).

`resolve_auto_finder` is what the finder name "auto" means: grounded-sam when its weights are
found locally, else embedded, else none. Everything here is cheap to import — the models and
their libraries load on first use.
"""

from __future__ import annotations

import importlib.util
from dataclasses import asdict, dataclass, field
from typing import Any

@dataclass
class ModelStatus:
    """Whether a model a backend needs is on this machine, and where."""

    name: str
    found: bool
    path: str | None = None

    def to_record(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class FinderStatus:
    name: str
    available: bool
    reason: str = ""
    models: list[ModelStatus] = field(default_factory=list)

    def to_record(self) -> dict[str, Any]:
        return {"name": self.name, "available": self.available, "reason": self.reason,
                "models": [m.to_record() for m in self.models]}


def grounded_sam_models(options: dict[str, Any] | None = None) -> tuple[ModelStatus, ModelStatus]:
    """The detector and segmenter grounded-sam would load: the configured ones, else the first of
    the defaults found locally (reported as the first default when none is)."""
    from retouch.tools.models import find_model

    options = options or {}
    statuses = []
    for key, defaults in (("detector", _default_names("detector")), ("segmenter", _default_names("segmenter"))):
        names = [options[key]] if options.get(key) else list(defaults)
        for name in names:
            path = find_model(str(name))
            if path is not None:
                statuses.append(ModelStatus(str(name), True, str(path)))
                break
        else:
            statuses.append(ModelStatus(str(names[0]), False))
    return statuses[0], statuses[1]


def _default_names(kind: str) -> tuple[str, ...]:
    if kind == "detector":
        from retouch.tools.finders.detector import DEFAULT_DETECTORS

        return DEFAULT_DETECTORS
    from retouch.tools.finders.segmenter import DEFAULT_SEGMENTERS

    return DEFAULT_SEGMENTERS


def embedded_available() -> bool:
    return importlib.util.find_spec("mediapipe") is not None


def grounded_sam_available(options: dict[str, Any] | None = None) -> bool:
    detector, segmenter = grounded_sam_models(options)
    return detector.found and segmenter.found and importlib.util.find_spec("transformers") is not None


def resolve_auto_finder(options: dict[str, Any] | None = None) -> str:
    """The finder "auto" stands for here: grounded-sam when its weights are local, else embedded,
    else none (explicit regions and mask files only)."""
    if grounded_sam_available(options):
        return "grounded-sam"
    if embedded_available():
        return "embedded"
    return "none"


def availability(options: dict[str, Any] | None = None) -> list[FinderStatus]:
    """Each finder and whether it can run here — for `retouch models`."""
    detector, segmenter = grounded_sam_models(options)
    missing = [m.name for m in (detector, segmenter) if not m.found]
    grounded = FinderStatus(
        "grounded-sam", not missing,
        "" if not missing else "not on this machine: " + ", ".join(missing) +
        " (retouch models pull " + " / ".join(missing) + ")",
        [detector, segmenter])
    embedded = FinderStatus("embedded", embedded_available(),
                            "" if embedded_available() else "mediapipe is not installed",
                            [ModelStatus("mediapipe (selfie segmentation, face detection, pose, hands)",
                                         embedded_available(), _mediapipe_dir())])
    return [grounded, embedded]


def _mediapipe_dir() -> str | None:
    spec = importlib.util.find_spec("mediapipe")
    if spec is None or not spec.submodule_search_locations:
        return None
    return str(list(spec.submodule_search_locations)[0]) + "/modules"


EMBEDDED_OPTIONS = ("threshold", "cache_size")
GROUNDED_SAM_OPTIONS = frozenset({"detector", "segmenter", "device", "dtype", "detector_dtype", "box_threshold",
                                  "text_threshold", "max_boxes", "fallback"})


def make_embedded(**options: Any) -> Any:
    """The embedded finder. Options meant for grounded-sam are set aside: under "auto" one table
    of options reaches whichever finder the machine has."""
    from retouch.tools.errors import RetouchError
    from retouch.tools.finders.embedded import EmbeddedFinder

    own = {key: value for key, value in options.items() if key not in GROUNDED_SAM_OPTIONS}
    try:
        return EmbeddedFinder(**own)
    except TypeError as exc:
        raise RetouchError(f"the embedded finder has no such option ({exc})",
                           f"Options: {', '.join(EMBEDDED_OPTIONS)}.") from None


def make_grounded_sam(**options: Any) -> Any:
    from retouch.tools.errors import RetouchError
    from retouch.tools.finders.grounded_sam import GroundedSamFinder

    try:
        return GroundedSamFinder(**options)
    except TypeError as exc:
        raise RetouchError(f"grounded-sam has no such option ({exc})",
                           "Options: detector, segmenter, device, dtype, detector_dtype, box_threshold, "
                           "text_threshold, max_boxes, fallback.") from None
