"""MediaPipe's shipped models, loaded once per process, run quietly.

Importing mediapipe costs ~2 s, so nothing here imports it until a model is first asked for. Each
solution graph runs one image at a time (its own lock). Only models whose weights ship in the
wheel are used: selfie segmentation, both face detectors, the full pose landmarker
(`model_complexity=1`; the lite and heavy ones would be downloaded) and the hand landmarker.
"""

from __future__ import annotations

import os
import sys
import threading
from contextlib import contextmanager
from typing import Any, Iterator

_models: dict[str, Any] = {}
_model_locks: dict[str, threading.Lock] = {}
_models_lock = threading.Lock()

LANDMARKS = (
    "nose", "left_eye_inner", "left_eye", "left_eye_outer", "right_eye_inner", "right_eye", "right_eye_outer",
    "left_ear", "right_ear", "mouth_left", "mouth_right", "left_shoulder", "right_shoulder", "left_elbow",
    "right_elbow", "left_wrist", "right_wrist", "left_pinky", "right_pinky", "left_index", "right_index",
    "left_thumb", "right_thumb", "left_hip", "right_hip", "left_knee", "right_knee", "left_ankle",
    "right_ankle", "left_heel", "right_heel", "left_foot_index", "right_foot_index",
)


def _mediapipe() -> Any:
    os.environ.setdefault("GLOG_minloglevel", "2")
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    with native_logs_silenced():
        import mediapipe as mp

    return mp


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
    """A MediaPipe solution, created on first use and kept for the process, with its own lock
    (a graph runs one image at a time)."""
    with _models_lock, native_logs_silenced():
        if name not in _models:
            solutions = _mediapipe().solutions
            if name == "selfie":
                _models[name] = solutions.selfie_segmentation.SelfieSegmentation(model_selection=0)
            elif name in ("face-short", "face-full"):
                _models[name] = solutions.face_detection.FaceDetection(
                    model_selection=0 if name == "face-short" else 1, min_detection_confidence=0.5)
            elif name == "pose":
                # model_complexity=1 is the landmark model that ships in the wheel (0 and 2 download)
                _models[name] = solutions.pose.Pose(static_image_mode=True, model_complexity=1,
                                                    enable_segmentation=False, min_detection_confidence=0.5)
            elif name == "hands":
                _models[name] = solutions.hands.Hands(static_image_mode=True, max_num_hands=2, model_complexity=1,
                                                      min_detection_confidence=0.5)
            else:
                raise ValueError(f"unknown embedded model {name!r}")
            _model_locks[name] = threading.Lock()
        return _models[name], _model_locks[name]


def available() -> bool:
    """MediaPipe is importable (without importing it: that costs seconds)."""
    import importlib.util

    return importlib.util.find_spec("mediapipe") is not None
