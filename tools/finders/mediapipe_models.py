"""MediaPipe's shipped models, loaded once per process, run quietly.

Nothing here imports mediapipe until a model is first asked for, and then only the solution
asked for: `import mediapipe` itself costs ~0.7 s of CPU (every solution, the Tasks API, and
drawing_utils, which pulls matplotlib), the solution modules we use ~0.05 s. Each solution graph
lives in the process's model cache (`tools.models.cache.MODELS`, counted as its weight files) and
runs one image at a time (its own lock). Only models whose weights ship in the wheel are used:
selfie segmentation, both face detectors, the full pose landmarker (`model_complexity=1`; the lite
and heavy ones would be downloaded), the hand landmarker and the face mesh with attention (478
landmarks: the 468 of the face plus the irises; for the parts of a face).
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
import threading
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any, Callable, Iterator

from retouch.tools.models.cache import MODELS, file_bytes


LANDMARKS = (
    "nose", "left_eye_inner", "left_eye", "left_eye_outer", "right_eye_inner", "right_eye", "right_eye_outer",
    "left_ear", "right_ear", "mouth_left", "mouth_right", "left_shoulder", "right_shoulder", "left_elbow",
    "right_elbow", "left_wrist", "right_wrist", "left_pinky", "right_pinky", "left_index", "right_index",
    "left_thumb", "right_thumb", "left_hip", "right_hip", "left_knee", "right_knee", "left_ankle",
    "right_ankle", "left_heel", "right_heel", "left_foot_index", "right_foot_index",
)

SOLUTION_MODULES = {"selfie": "selfie_segmentation", "face-short": "face_detection", "face-full": "face_detection",
                    "pose": "pose", "hands": "hands", "face-mesh": "face_mesh"}
"""Our model names → the module of `mediapipe.python.solutions` that builds each."""
WEIGHTS = {"selfie": ("selfie_segmentation/selfie_segmentation.tflite",),
           "face-short": ("face_detection/face_detection_short_range.tflite",),
           "face-full": ("face_detection/face_detection_full_range_sparse.tflite",),
           "pose": ("pose_detection/pose_detection.tflite", "pose_landmark/pose_landmark_full.tflite"),
           "hands": ("palm_detection/palm_detection_full.tflite", "hand_landmark/hand_landmark_full.tflite"),
           "face-mesh": ("face_detection/face_detection_short_range.tflite",
                         "face_landmark/face_landmark_with_attention.tflite")}
"""The weight files each graph reads, under mediapipe/modules/ (what the model cache counts)."""

_DEFERRED_PACKAGES = ("mediapipe", "mediapipe.python.solutions")
"""The two packages whose __init__ imports everything; registered without running it."""
_deferred_lock = threading.RLock()


def solution(module_name: str) -> ModuleType:
    """`mediapipe.python.solutions.<module_name>`, imported without the rest of MediaPipe.

    The solution modules need only MediaPipe's bindings and protos, but importing them the usual
    way runs `mediapipe/__init__.py` and `mediapipe/python/solutions/__init__.py` first, which import
    everything. So those two packages are put in `sys.modules` with their __init__ not yet run; the
    first time anything asks either of them for a name that is not a submodule (`mp.solutions`,
    `mp.Image`, `mp.__version__`) the __init__ runs in place, so code that imports mediapipe itself
    later sees the whole package as usual."""
    os.environ.setdefault("GLOG_minloglevel", "2")
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    with native_logs_silenced(), _deferred_lock:  # this order everywhere: no deadlock with `model`
        for package in _DEFERRED_PACKAGES:
            if package not in sys.modules:
                _register_deferred(package)
        return importlib.import_module(f"mediapipe.python.solutions.{module_name}")


def _register_deferred(name: str) -> None:
    parent, _, child = name.rpartition(".")
    if parent:
        importlib.import_module(parent)  # mediapipe.python: the bindings, needed anyway
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ImportError(f"No module named {name!r}")
    module = importlib.util.module_from_spec(spec)
    module.__getattr__ = _finishing(name)  # type: ignore[attr-defined]  # PEP 562: only for missing names
    sys.modules[name] = module
    if parent:
        setattr(sys.modules[parent], child, module)


def _finishing(name: str) -> Callable[[str], Any]:
    def __getattr__(attribute: str) -> Any:
        module = sys.modules[name]
        if importlib.util.find_spec(f"{name}.{attribute}") is not None:
            return importlib.import_module(f"{name}.{attribute}")  # a submodule: no need for the rest
        finish_deferred_imports()
        if attribute in module.__dict__:
            return module.__dict__[attribute]
        raise AttributeError(f"module {name!r} has no attribute {attribute!r}")

    return __getattr__


def finish_deferred_imports() -> None:
    """Run the package __init__s `solution` skipped (solutions first: mediapipe's binds it)."""
    with native_logs_silenced(), _deferred_lock:
        for name in reversed(_DEFERRED_PACKAGES):
            module = sys.modules.get(name)
            if module is not None and module.__dict__.pop("__getattr__", None) is not None:
                module.__spec__.loader.exec_module(module)  # type: ignore[union-attr]


_stderr_lock = threading.RLock()


@contextmanager
def native_logs_silenced() -> Iterator[None]:
    """MediaPipe's C++ side logs to file descriptor 2 whatever Python says ("Created TensorFlow
    Lite XNNPACK delegate", "Feedback manager requires …"); inside Retouch nothing prints, so the
    descriptor points at /dev/null while a graph is built or runs."""
    with _stderr_lock:
        try:
            sys.stderr.flush()
            saved = os.dup(2)
        except (OSError, ValueError):  # no real descriptor 2 (some embedded interpreters)
            yield
            return
        try:
            with open(os.devnull, "w") as null:
                os.dup2(null.fileno(), 2)
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)


def model(name: str) -> tuple[Any, threading.Lock]:
    """A MediaPipe solution, created on first use and kept in the process's model cache, with its
    own lock (a graph runs one image at a time)."""
    if name not in SOLUTION_MODULES:
        raise ValueError(f"unknown embedded model {name!r}")
    return MODELS.get("mediapipe", name, lambda: (_create(name), threading.Lock()), name=name,
                      size=lambda _: _weights_bytes(name))


def _create(name: str) -> Any:
    with native_logs_silenced():
        module = solution(SOLUTION_MODULES[name])
        if name == "selfie":
            created = module.SelfieSegmentation(model_selection=0)
        elif name in ("face-short", "face-full"):
            created = module.FaceDetection(model_selection=0 if name == "face-short" else 1,
                                           min_detection_confidence=0.5)
        elif name == "pose":
            # model_complexity=1 is the landmark model that ships in the wheel (0 and 2 download)
            created = module.Pose(static_image_mode=True, model_complexity=1, enable_segmentation=False,
                                  min_detection_confidence=0.5)
        elif name == "face-mesh":
            # refine_landmarks: the model with attention (irises, finer lips and lids), shipped in the wheel;
            # one face per run, as it is run on a crop around one face the detectors found
            created = module.FaceMesh(static_image_mode=True, max_num_faces=1, refine_landmarks=True,
                                      min_detection_confidence=0.5)
        else:
            created = module.Hands(static_image_mode=True, max_num_hands=2, model_complexity=1,
                                   min_detection_confidence=0.5)
        # The graph opens its calculators on its own threads, which log as they go (the XNNPACK
        # delegate, the feedback manager): wait for that while descriptor 2 is still /dev/null.
        graph = getattr(created, "_graph", None)
        if graph is not None:
            graph.wait_until_idle()
        return created


def _weights_bytes(name: str) -> int:
    folder = _modules_dir()
    return file_bytes(*(folder / weights for weights in WEIGHTS[name])) if folder else 0


def _modules_dir() -> Path | None:
    spec = importlib.util.find_spec("mediapipe")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / "modules"


def available() -> bool:
    """MediaPipe is importable (without importing it)."""
    return importlib.util.find_spec("mediapipe") is not None
