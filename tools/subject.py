"""Where the subject of a photo probably is, without a model: the region a fill must not copy.

Outpainting continues what touches the border, and a patch-based fill copies whatever lies near
the new canvas — with the rabbit's paws close to the bottom edge, "zoom out" grows a second row of
paws; beside a bench, a second bench. The finder knows people and faces; for everything else this
is the stand-in: GrabCut (Rother et al. 2004) seeded the way photos are framed — the middle
probably the subject, the outer band probably background, the outermost 2 % certainly — on a
small copy of the picture. A picture that is all texture (grass, gravel, a wall) comes back with
no subject, because GrabCut finds no region whose colours differ from the rest.

The estimate also says where the subject is **cut by the frame** (`Subject.cut`): where its
outline runs into the certain-background frame, the subject goes on beyond the picture — the
astronaut's suit below the bottom edge — and a continuation that refuses to copy it fetches
whatever else lies along that side instead (flag stripes under a suit). `tools.continuation`
lets each side continue the part of the subject that runs into it over at least a block.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from retouch.tools.texture import SideName

WORK_SIDE = 192
"""GrabCut runs on a copy this long on its longer side: the subject's outline, not its hairs."""
INNER = 0.12
"""Share of each side (0.10 at the bottom) outside the probably-subject middle."""
FRAME = 0.02
"""Share of the short side along the border that is certainly background."""
ITERATIONS = 5
MIN_SHARE, MAX_SHARE = 0.005, 0.7
"""A 'subject' outside these shares of the frame is noise or a misreading of the whole scene —
as GrabCut finds it, and again once grown (in a star field it grows over most of the frame, and
an outpainter that must not copy it has one clean block left to repeat)."""
GROW = 0.02
"""The estimate is grown by this share of the short side: GrabCut's outline runs a little inside
fur and hair, and the halo is what a fill would copy first."""
DROP = 0.4
"""…and extended downwards by this share of its own height: what stands on the ground stands on
something — a bench's thin legs, a tail, a shadow — that GrabCut leaves out, and a continuation
that copies them grows a second bench."""


@dataclass(frozen=True)
class Subject:
    """The estimate for one photo."""

    mask: np.ndarray
    """bool (H, W): where the subject probably is, grown and extended downwards (what not to copy)."""
    cut: dict[SideName, np.ndarray]
    """Per side, bool along it (rows for left and right, columns for top and bottom): True where
    GrabCut's own outline runs into the frame there. Empty when there is no subject."""


def likely_subject(rgb: np.ndarray, *, grow: float = GROW, drop: float = DROP) -> np.ndarray:
    """bool (H, W): True where the photo's subject probably is (all False when none stands out),
    grown by `grow` and extended downwards by `drop` (shares, see GROW and DROP; 0 for the outline).

    Deterministic: GrabCut's colour models start from k-means with OpenCV's fixed seed."""
    return estimate_subject(rgb, grow=grow, drop=drop).mask


def estimate_subject(rgb: np.ndarray, *, grow: float = GROW, drop: float = DROP) -> Subject:
    """`likely_subject`'s mask and where the subject is cut by the frame (`Subject.cut`)."""
    rgb = np.asarray(rgb)
    height, width = rgb.shape[:2]
    none = Subject(np.zeros((height, width), bool), {})
    if min(height, width) < 16:
        return none
    scale = min(1.0, WORK_SIDE / max(height, width))
    size = (max(8, round(width * scale)), max(8, round(height * scale)))
    small = cv2.cvtColor(cv2.resize(np.ascontiguousarray(rgb[..., :3]), size, interpolation=cv2.INTER_AREA),
                         cv2.COLOR_RGB2BGR)
    seeds = _seeds(size[1], size[0])
    background, foreground = np.zeros((1, 65), np.float64), np.zeros((1, 65), np.float64)
    cv2.setRNGSeed(0)
    cv2.grabCut(small, seeds, None, background, foreground, ITERATIONS, cv2.GC_INIT_WITH_MASK)
    subject = (seeds == cv2.GC_FGD) | (seeds == cv2.GC_PR_FGD)
    if not MIN_SHARE <= subject.mean() <= MAX_SHARE:
        return none
    cut = _cut_by_frame(subject, (width, height))
    radius = round(grow * min(size))
    subject = subject.astype(np.uint8)
    if radius > 0:
        subject = cv2.dilate(subject, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * radius + 1,) * 2))
    rows = np.flatnonzero(subject.any(axis=1))
    reach = round(drop * (rows[-1] - rows[0] + 1))
    if reach > 0:  # a column kernel anchored at its bottom: each pixel takes the max of those above it
        subject = cv2.dilate(subject, np.ones((reach + 1, 1), np.uint8), anchor=(0, reach))
    if subject.mean() > MAX_SHARE:  # grown over most of the frame: a star field, not a subject
        return none
    return Subject(cv2.resize(subject, (width, height), interpolation=cv2.INTER_NEAREST).astype(bool), cut)


def _cut_by_frame(outline: np.ndarray, size: tuple[int, int]) -> dict[SideName, np.ndarray]:
    """Where the outline (on the small copy) reaches the first line inside the certain-background
    frame — as close to the border as GrabCut may go — per side, stretched to the full `size`."""
    height, width = outline.shape
    edge = _frame_width(height, width)
    lines: dict[SideName, np.ndarray] = {"left": outline[:, edge], "right": outline[:, width - 1 - edge],
                                         "top": outline[edge], "bottom": outline[height - 1 - edge]}
    full_w, full_h = size
    cut: dict[SideName, np.ndarray] = {}
    for side, line in lines.items():
        length = full_h if side in ("left", "right") else full_w
        stretched = cv2.resize(line.astype(np.uint8)[:, None], (1, length), interpolation=cv2.INTER_NEAREST)
        cut[side] = stretched[:, 0].astype(bool)
    return cut


def _frame_width(height: int, width: int) -> int:
    return max(1, int(FRAME * min(height, width)))


def _seeds(height: int, width: int) -> np.ndarray:
    """GrabCut's starting labels: middle probably subject, band probably background, frame surely."""
    seeds = np.full((height, width), cv2.GC_PR_BGD, np.uint8)
    top, bottom = int(height * INNER), int(height * (1 - INNER + 0.02))
    left, right = int(width * INNER), int(width * (1 - INNER))
    seeds[top:bottom, left:right] = cv2.GC_PR_FGD
    edge = _frame_width(height, width)
    seeds[:edge], seeds[-edge:], seeds[:, :edge], seeds[:, -edge:] = (cv2.GC_BGD,) * 4
    return seeds
