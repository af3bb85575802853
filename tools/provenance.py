"""How an image was made, carried inside the PNG itself: one `retouch` text chunk of JSON.

A1111 writes a free-text `parameters` chunk; ours is machine-readable so `retouch info` can print it
and `retouch apply OUT.png` can replay it. The chunk travels with the file wherever it is copied;
formats without one (JPEG, WebP…) simply don't carry it.

Reading is defensive: the file may come from anywhere, so the chunk is size-capped, must parse as
a JSON object, and is only ever *data* — the plans inside are validated against the plan schema
before anything runs them.
"""

from __future__ import annotations

import functools
import json
import os
from importlib import metadata
from pathlib import Path
from typing import Any

from retouch.tools.errors import RetouchError

CHUNK_KEY = "retouch"
FORMAT_VERSION = 1
MAX_CHUNK_BYTES = 2 << 20
"""A history of hundreds of steps is well under this; anything bigger is not ours."""
MAX_NESTING = 32
"""Retouch's histories nest about six deep (steps → plan → calls → args → box); deeper is not ours."""


@functools.cache
def retouch_version() -> str:
    """The installed Retouch's version, as its distribution records it (built from
    `retouch.__version__`): read here so nothing below the public API imports `retouch` itself."""
    return metadata.version("retouch")


def png_info(metadata: dict[str, Any] | None) -> Any:
    """A PIL `PngInfo` with the metadata as a compressed iTXt chunk (None when there is none)."""
    if metadata is None:
        return None
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_itxt(CHUNK_KEY, json.dumps(metadata, ensure_ascii=False, separators=(",", ":"), default=str),
                  zip=True)
    return info


def _chunk(opened: Any) -> str | None:
    """Our text chunk. Retouch writes it before the pixels, where opening the file has already read
    it into `info`; PIL's `text` would decode every pixel to look for chunks after them (0.4 s and
    48 MiB for a 4096² photo), so that is asked only of a PNG whose header lacks it."""
    text = opened.info.get(CHUNK_KEY)
    if isinstance(text, str):
        return text
    return getattr(opened, "text", {}).get(CHUNK_KEY)


def read_provenance(path: str | os.PathLike[str]) -> dict[str, Any] | None:
    """The metadata a Retouch PNG carries, or None for any other image (or a PNG without it)."""
    from retouch.tools.imageio import opened_image

    path = Path(path)
    with opened_image(path) as opened:  # the input policy: size limits, one line for a bad file
        if opened.format != "PNG":
            return None
        text = _chunk(opened)
    if text is None:
        return None
    if len(text) > MAX_CHUNK_BYTES:
        raise RetouchError(f"{path.name}'s retouch metadata is implausibly large", "It was not written by Retouch.")
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):  # not JSON, a 4,300-digit number, arrays nested thousands deep
        raise RetouchError(f"{path.name}'s retouch metadata is damaged", "It is not JSON as Retouch writes it.") from None
    if not isinstance(data, dict) or not isinstance(data.get("steps"), list) or _deeper_than(data, MAX_NESTING):
        raise RetouchError(f"{path.name}'s retouch metadata has an unknown shape", "It was not written by Retouch.")
    return data


def _deeper_than(data: Any, limit: int) -> bool:
    """Whether lists and objects nest more than `limit` deep (counted without recursion: whatever
    prints or checks the history later may recurse)."""
    pending = [(data, 1)]
    while pending:
        value, depth = pending.pop()
        children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
        for child in children:
            if isinstance(child, (dict, list)):
                if depth + 1 > limit:
                    return True
                pending.append((child, depth + 1))
    return False
