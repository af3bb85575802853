"""Quality measures the tests hold results to and the benchmarks report (not product code)."""

from __future__ import annotations

import numpy as np

Box = tuple[int, int, int, int]


def seam_score(pixels: np.ndarray, original_box: Box, side: str, *, band: int = 64) -> float:
    """How visible the join between the original and the new strip on `side` is.

    Mean |Δ| across the seam (the original's outermost line against the new line next to it),
    divided by the median of the same measure between neighbouring lines inside the original
    within `band` px of the seam. 1.0 means the seam steps like the picture itself does.
    """
    values = np.asarray(pixels, np.float32)
    if values.ndim == 2:
        values = values[..., None]
    x0, y0, x1, y1 = original_box
    if side in ("top", "bottom"):
        values = values.transpose(1, 0, 2)
        x0, y0, x1, y1 = y0, x0, y1, x1
        side = "left" if side == "top" else "right"
    rows = values[y0:y1]
    if side == "left":
        across = np.abs(rows[:, x0] - rows[:, x0 - 1]).mean()
        inner = rows[:, x0:min(x1, x0 + band + 1)]
    else:
        across = np.abs(rows[:, x1] - rows[:, x1 - 1]).mean()
        inner = rows[:, max(x0, x1 - band - 1):x1]
    steps = np.abs(np.diff(inner, axis=1)).mean(axis=(0, 2))
    reference = float(np.median(steps)) if steps.size else 0.0
    return float(across) / max(reference, 0.5)
