"""The one cache of loaded models for the process: what is loaded, how much memory it holds, and a
way to let it go.

Every model-backed piece of Retouch — diffusion pipelines, SAM, Grounding DINO, MediaPipe's graphs,
a GGUF planner, and the backend instances the registry makes — gets its model through `MODELS.get`,
so a model loads once per process however many backends or edits use it, and `MODELS.drop()`
releases them all (or one kind) for a long-lived process that needs the memory back: the next
use loads again. Holders therefore keep the key, not the model: they ask the cache each time,
which is a dictionary look-up once loaded.

What a model holds is counted as the bytes of its weights: the parameters and buffers of its torch
modules, or the size of the weight files it read (MediaPipe's graphs, a GGUF file). The working
memory an interpreter allocates on top is not counted.

Loading happens under a lock of its own per key, so two threads asking for one model load it once,
and two different models load side by side. Only the standard library is imported here.
"""

from __future__ import annotations

import gc
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Hashable, Iterable, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class LoadedModel:
    """One entry of the cache, as `loaded()` reports it."""

    kind: str
    """What it is: "diffusion pipeline", "sam", "grounding dino", "mediapipe", "gguf", "inpainter backend" …"""
    name: str
    """Which one: a model id, a folder, a file."""
    bytes: int
    """The bytes of its weights (0 for a backend object whose models are entries of their own)."""
    last_used: float
    """`time.monotonic()` of the last `get`."""


@dataclass
class _Entry:
    value: Any
    name: str
    bytes: int
    last_used: float


class ModelCache:
    def __init__(self) -> None:
        self._entries: dict[tuple[str, Hashable], _Entry] = {}
        self._loading: dict[tuple[str, Hashable], threading.Lock] = {}
        self._lock = threading.Lock()

    def get(self, kind: str, key: Hashable, load: Callable[[], T], *, name: str | None = None,
            size: Callable[[T], int] | None = None) -> T:
        """The model for (`kind`, `key`): loaded by `load()` the first time, then reused. `size`
        counts what it holds (default: its torch weights, if any)."""
        slot = (kind, key)
        with self._lock:
            entry = self._entries.get(slot)
            if entry is not None:
                entry.last_used = time.monotonic()
                return entry.value
            loading = self._loading.setdefault(slot, threading.Lock())
        with loading:
            with self._lock:
                entry = self._entries.get(slot)
                if entry is not None:  # another thread loaded it while this one waited
                    entry.last_used = time.monotonic()
                    return entry.value
            value = load()
            held = (size or torch_bytes)(value)
            with self._lock:
                self._entries[slot] = _Entry(value, name or str(key), int(held), time.monotonic())
                self._loading.pop(slot, None)
            return value

    def loaded(self) -> list[LoadedModel]:
        """Everything loaded, the most recently used first."""
        with self._lock:
            entries = [LoadedModel(kind, entry.name, entry.bytes, entry.last_used)
                       for (kind, _), entry in self._entries.items()]
        return sorted(entries, key=lambda model: -model.last_used)

    def bytes_held(self) -> int:
        with self._lock:
            return sum(entry.bytes for entry in self._entries.values())

    def drop(self, kind: str | None = None) -> int:
        """Forget every loaded model (or those of one kind) and return the bytes they held. The
        memory comes back once nothing else refers to them; a later use loads again."""
        with self._lock:
            slots = [slot for slot in self._entries if kind is None or slot[0] == kind]
            freed = sum(self._entries.pop(slot).bytes for slot in slots)
        if slots:
            gc.collect()
            _empty_gpu_cache()
        return freed


def torch_bytes(value: Any) -> int:
    """The bytes of the parameters and buffers of the torch modules `value` is or holds (a module,
    a diffusers pipeline's components, or an object's module attributes); shared tensors once."""
    torch = sys.modules.get("torch")
    if torch is None:  # nothing can be a torch module before torch is imported
        return 0
    modules = [item for item in _candidates(value) if isinstance(item, torch.nn.Module)]
    seen: set[int] = set()
    total = 0
    for module in modules:
        for tensor in [*module.parameters(), *module.buffers()]:
            pointer = tensor.data_ptr()
            if pointer not in seen:
                seen.add(pointer)
                total += tensor.numel() * tensor.element_size()
    return total


def _candidates(value: Any) -> Iterable[Any]:
    yield value
    components = getattr(value, "components", None)
    if isinstance(components, dict):
        yield from components.values()
    for attribute in vars(value).values() if hasattr(value, "__dict__") else ():
        yield attribute
        if isinstance(getattr(attribute, "components", None), dict):
            yield from attribute.components.values()


def file_bytes(*paths: str | Path) -> int:
    """The size of the weight files a model read (missing ones count 0)."""
    total = 0
    for path in paths:
        try:
            total += Path(path).stat().st_size
        except OSError:
            continue
    return total


def _empty_gpu_cache() -> None:
    torch = sys.modules.get("torch")
    if torch is not None and torch.cuda.is_available():
        torch.cuda.empty_cache()


MODELS = ModelCache()
"""The process's models."""
