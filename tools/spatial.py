"""Deterministic picks among candidates: "the one on the left", "the second from the right",
"the largest", "the two on the right", "all of them".

Detectors such as Grounding DINO ignore position words, so the picking is ours, on boxes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from tools.errors import NothingFound

if TYPE_CHECKING:
    from tools.select import Candidate


def _key(position: str, size: tuple[int, int]):
    width, height = size

    def by(candidate: "Candidate") -> float:
        cx, cy = candidate.center
        x0, y0, x1, y1 = candidate.box
        if position == "left":
            return cx
        if position == "right":
            return -cx
        if position == "top":
            return cy
        if position == "bottom":
            return -cy
        if position == "center":
            return (cx - width / 2) ** 2 + (cy - height / 2) ** 2
        if position in ("top-left", "top-right", "bottom-left", "bottom-right"):
            corner_x = 0 if position.endswith("left") else width
            corner_y = 0 if position.startswith("top") else height
            return (cx - corner_x) ** 2 + (cy - corner_y) ** 2
        if position == "foreground":
            return -(y1 + 0.5 * candidate.area ** 0.5)
        if position in ("background", "behind"):
            return y1 + 0.5 * candidate.area ** 0.5
        return cx

    return by


def pick(candidates: Sequence["Candidate"], image_size: tuple[int, int], *, position: str | None = None,
         ordinal: int | None = None, size: str | None = None, count: int | None = None,
         all: bool = False) -> list["Candidate"]:
    """Choose among candidates; order is left-to-right unless a position says otherwise."""
    size_rank = size
    ranked = list(candidates)
    if all and position is None and size_rank is None:
        return ranked
    if size_rank in ("largest", "smallest"):
        ranked.sort(key=lambda c: c.area, reverse=size_rank == "largest")
    else:
        ranked.sort(key=_key(position or "left", image_size))
    if all:
        return ranked
    start = (ordinal or 1) - 1
    wanted = count or 1
    if start >= len(ranked):
        raise NothingFound(f"I found {len(ranked)} {ranked[0].label if ranked else 'thing'}(s), "
                           f"so there is no number {ordinal}", "Ask for a smaller number.")
    return ranked[start:start + wanted]
