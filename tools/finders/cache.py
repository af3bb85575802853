"""Per-image memory: a content hash for an image, and a small LRU keyed by it.

What a finder learns about an image (the people in it, SAM's image embedding) depends only on
its pixels, so every question about the same version reuses it; a new version (an edit) has a new
hash and is computed afresh.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from typing import TYPE_CHECKING, Callable, Generic, TypeVar

import numpy as np

if TYPE_CHECKING:
    from PIL import Image

T = TypeVar("T")


KEY_BAND_ROWS = 256
"""`image_content_key` reads a PIL image this many rows at a time."""


def image_key(rgb: np.ndarray) -> str:
    """A content hash of an image array (its shape and bytes)."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(repr((rgb.shape, str(rgb.dtype))).encode())
    digest.update(memoryview(np.ascontiguousarray(rgb)).cast("B"))  # no copy (48 MiB at 4096²)
    return digest.hexdigest()


def image_content_key(image: Image.Image) -> str:
    """`image_key` of the image's RGB pixels, read a band of rows at a time: the same hash without
    an RGB array of the whole photo (`np.asarray` of a PIL image copies it: 48 MiB at 4096²)."""
    width, height = image.size
    digest = hashlib.blake2b(digest_size=16)
    digest.update(repr(((height, width, 3), "uint8")).encode())
    for top in range(0, height, KEY_BAND_ROWS):
        band = image.crop((0, top, width, min(height, top + KEY_BAND_ROWS)))
        digest.update((band if band.mode == "RGB" else band.convert("RGB")).tobytes())
    return digest.hexdigest()


class LRU(Generic[T]):
    """A few values by key; `get_or_make` computes a missing one under a lock."""

    def __init__(self, size: int = 4) -> None:
        self.size = max(1, int(size))
        self._items: OrderedDict[str, T] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get_or_make(self, key: str, make: Callable[[], T]) -> T:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                self.hits += 1
                return self._items[key]
            self.misses += 1
            value = make()
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
            return value

    def __len__(self) -> int:
        return len(self._items)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
