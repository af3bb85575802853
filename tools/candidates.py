"""What a finder returns and every picker reads: one found thing (`Candidate`) and its `Box`.

A leaf module, so `tools.select` (finding and masking), `tools.spatial` (picking by position, order
and size) and `tools.ambiguity` (asking which one) can all import it without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from retouch.tools.masks import Mask

Box = tuple[int, int, int, int]
"""x0, y0, x1, y1 in pixels, the far edges exclusive."""


@dataclass
class Candidate:
    """One found thing: its label, box (x0, y0, x1, y1, exclusive), score and, if known, its mask."""

    label: str
    box: Box
    score: float = 1.0
    mask: Mask | None = None
    attributes: dict[str, str] = field(default_factory=dict)
    """What else the finder knows, e.g. {"side": "left"} for a person's own left hand."""

    @property
    def area(self) -> int:
        if self.mask is not None:
            return int((np.asarray(self.mask) > 127).sum())
        x0, y0, x1, y1 = self.box
        return max(0, x1 - x0) * max(0, y1 - y0)

    @property
    def center(self) -> tuple[float, float]:
        x0, y0, x1, y1 = self.box
        return (x0 + x1) / 2.0, (y0 + y1) / 2.0

    def to_record(self) -> dict[str, object]:
        record: dict[str, object] = {"label": self.label, "box": [int(v) for v in self.box],
                                     "score": round(float(self.score), 4)}
        if self.attributes:
            record["attributes"] = dict(self.attributes)
        return record
