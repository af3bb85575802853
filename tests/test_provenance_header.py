"""Reading a Retouch PNG's history reads its header, not its pixels (they are 48 MiB at 4096²),
and still finds a history that another program moved after the pixels."""

from __future__ import annotations

import json
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, PngImagePlugin

from retouch.tools.provenance import CHUNK_KEY, png_info, read_provenance

HISTORY = {"format": 1, "steps": [{"kind": "edit", "words": "remove the person — ünïcode"}]}


@pytest.fixture
def decodes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every PNG whose pixels get decoded, by file name."""
    seen: list[str] = []
    load = PngImagePlugin.PngImageFile.load

    def counting(self: PngImagePlugin.PngImageFile):  # type: ignore[no-untyped-def]
        seen.append(Path(str(self.filename)).name)
        return load(self)

    monkeypatch.setattr(PngImagePlugin.PngImageFile, "load", counting)
    return seen


def _photo() -> Image.Image:
    return Image.fromarray(np.random.default_rng(0).integers(0, 255, (64, 80, 3), dtype=np.uint8))


def test_the_history_is_read_from_the_header_alone(tmp_path: Path, decodes: list[str]) -> None:
    path = tmp_path / "retouch.png"
    _photo().save(path, pnginfo=png_info(HISTORY))
    assert read_provenance(path) == HISTORY
    assert decodes == [], "the pixels were decoded to read the history"


def test_a_history_after_the_pixels_is_still_found(tmp_path: Path, decodes: list[str]) -> None:
    plain = tmp_path / "plain.png"
    _photo().save(plain)
    data = plain.read_bytes()
    body = CHUNK_KEY.encode() + b"\0\0\0\0\0" + json.dumps(HISTORY, ensure_ascii=False).encode("utf-8")
    chunk = struct.pack(">I", len(body)) + b"iTXt" + body + struct.pack(">I", zlib.crc32(b"iTXt" + body))
    iend = data.rindex(b"IEND") - 4
    moved = tmp_path / "moved.png"
    moved.write_bytes(data[:iend] + chunk + data[iend:])
    assert read_provenance(moved) == HISTORY
    assert read_provenance(plain) is None
    with Image.open(moved) as opened:
        assert CHUNK_KEY not in opened.info, "the chunk really is after the pixels"
