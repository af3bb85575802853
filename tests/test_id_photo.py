"""An ID photo wished for in words, made end to end on the bundled portrait (issue 20, gier27 and the lead's mend):
a white background behind the person and a 35:45 crop that keeps the face — on a head-and-shoulders portrait, which
fills its width, a crop asked to hold the whole person was no crop at all."""

from __future__ import annotations

from pathlib import Path

import numpy as np

import retouch
from tests.support import pixels

PORTRAIT = Path(__file__).parent / "data" / "grace_hopper.jpg"


def test_a_passport_photo_is_white_behind_and_35_by_45_around_the_face(tmp_path: Path) -> None:
    editor = retouch.open(PORTRAIT, session=tmp_path / "s")
    result = editor.edit("I need a passport photo of this", seed=0)
    assert result.changed and "35:45" in result.reply
    picture = pixels(result.path)
    height, width = picture.shape[:2]
    assert (width, height) != (512, 600) and abs(width / height - 35 / 45) < 0.01, (width, height)
    corners = np.concatenate([picture[:40, :40].reshape(-1, 3), picture[:40, -40:].reshape(-1, 3)])
    assert corners.min() > 200, "the background behind her head is white"
    middle = picture[height // 4:height // 2, width // 3:2 * width // 3]
    assert middle.mean() < 200, "her face is kept, not painted over"
