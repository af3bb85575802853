"""The README's promise: the embedded default does real work on the bundled sample, no downloads."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from tests.support import DATA, pixels
from retouch.tui.samples import sample_image


def test_demo_removes_the_person_from_the_sample(run_cli, tmp_path: Path) -> None:
    code, out, err = run_cli("demo", "--session", tmp_path / "s")
    assert code == 0, err
    result = Path(out.strip())
    assert result == tmp_path / "s" / "v001.png"
    before, after = pixels(sample_image()), pixels(result)
    person = np.asarray(Image.open(DATA / "mask.png").convert("L")) > 127  # hand-drawn truth
    changed = np.any(before != after, axis=2)
    assert changed[person].mean() > 0.95, "the person must be painted over"
    assert changed[~person].mean() < 0.25, "the rest of the photo stays (mask grow + feather only)"
    # What replaced her should look like the fence around her, not like her dark jacket.
    ring = ~person & ~changed
    assert abs(after[person].mean() - before[ring].mean()) < abs(before[person].mean() - before[ring].mean())
