"""Paths and small helpers the test modules share (fixtures live in conftest.py)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

DATA = Path(__file__).parent / "data"


def pixels(path: Path | str) -> np.ndarray:
    with Image.open(path) as image:
        return np.asarray(image.convert("RGB")).copy()


def two_people(folder: Path) -> Path:
    """data/image.png pasted twice side by side (512×256): the same woman on the left and on the
    right, so her hand-drawn mask (data/mask.png) marks where each one stands."""
    photo = Image.open(DATA / "image.png").convert("RGB")
    pair = Image.new("RGB", (photo.width * 2, photo.height))
    pair.paste(photo, (0, 0))
    pair.paste(photo, (photo.width, 0))
    path = folder / "pair.png"
    pair.save(path)
    return path


def small_photo(folder: Path, size: tuple[int, int] = (64, 48), name: str = "photo.png") -> Path:
    """The person photo as a small RGB file in `folder`: quick to edit, real content to compare."""
    path = folder / name
    Image.open(DATA / "image.png").convert("RGB").resize(size).save(path)
    return path


def one_line_error(code: int, err: str) -> str:
    """The one `retouch: error: …` line a refused command printed (and nothing else: no traceback, no
    "internal error")."""
    assert code != 0
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("retouch: error: "), err
    assert "internal error" not in err and "Traceback" not in err
    return lines[0]


def sessions_in(data_home: Path) -> set[Path]:
    """The session folders made without --session under an XDG data home."""
    return set((data_home / "retouch" / "sessions").glob("*")) if data_home.exists() else set()


def candidate_of(label: str, where: np.ndarray):
    """What a scripted finder reports for a region it 'sees': the label, the region's box (tools.masks) and its
    mask — one place for the colour finders of the removal and keep-only tests."""
    from retouch.tools import masks
    from retouch.tools.select import Candidate

    mask = np.where(where, 255, 0).astype(np.uint8)
    return Candidate(label, masks.bounding_box(mask), mask=mask)
