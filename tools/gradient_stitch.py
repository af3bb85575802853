"""Joining copied pixels without steps: the screened Poisson equation over a quilt's gradients.

Copied blocks differ a little in level, which shows as steps in smooth areas (banding in a sky)
and as a line along the edge they continue. So the quilt is only the *gradient* field: the final
pixels solve a screened Poisson equation (Pérez et al. 2003; Agarwala et al. 2004, "Photomontage")
— the copied texture's own gradients, the edge column as the fixed boundary, a pull towards the
quilt's colours. On a rectangle that is exact and fast: a DCT along the edge and one tridiagonal
solve per frequency across it.

Where a join is poor — a block whose colour is not the edge's, a cut that ends a straw — the
solution carries the difference into everything the block holds: the difference between a dark
edge and a green block, added to the straw inside it, is purple, a colour the photo never had.
That is the cause of the "purple lattice". So the solve runs in an opponent colour space (YCbCr):
lightness with the weak pull that smooths banding over a block's width or more, colour with a
strong pull, so a difference in hue is blended across the join within a few pixels and never
carried into the block. A block may come out lighter or darker, never another colour.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

import cv2
import numpy as np
from scipy.fft import dct, idct

if TYPE_CHECKING:
    from retouch.tools.texture import QuiltPlan

Sampler = Callable[[np.ndarray, np.ndarray], np.ndarray]
"""(ys, xs) → the source's pixels there (…×3 float), NaN where outside it."""

TO_OPPONENT = np.array([[0.299, 0.587, 0.114],
                        [-0.168736, -0.331264, 0.5],
                        [0.5, -0.418688, -0.081312]])
"""RGB → (Y, Cb, Cr), JPEG's matrix without the offsets: linear, so gradients transform too."""
FROM_OPPONENT = np.linalg.inv(TO_OPPONENT)
COLOUR_REACH = 6.0
"""How far (px) a difference in colour at a join is blended into the new pixels."""


def stitch(sample: Sampler, plan: "QuiltPlan", boundary: np.ndarray, *, reach: float,
           light: np.ndarray | None = None) -> np.ndarray:
    """The new columns (H×A×3 float) as the screened Poisson solution of the quilt's gradients.

    `sample(ys, xs)` reads the source the blocks were copied from (…×3 float, NaN outside it);
    `plan` says where each new pixel (H×A) came from and which way the source runs there
    (`tools.texture.QuiltPlan`). The gradient between two neighbours is the average of the
    natural gradients their source pixels have there — exact inside a block (where it is the
    quilt's own step), a plausible blend across a cut. `boundary` (H×3) is the existing edge
    column, fixed on the left; Neumann elsewhere. `reach` (px) is how far a difference in
    lightness may spread (COLOUR_REACH for colour). `light` (H×A×3, optional) is what the
    lightness is pulled towards instead of the quilt's own: a smooth prediction, so light is laid
    out beyond `reach` as predicted and textured below it as copied.
    """
    src_y, src_x, step_y, step_x = plan.src_y, plan.src_x, plan.step_y, plan.step_x
    quilt = _opponent(sample(src_y, src_x))
    # Horizontal gradients: gx[:, j] joins column j-1 (j=0: the edge column) to column j.
    gx = np.empty_like(quilt)
    gx[:, 1:] = quilt[:, 1:] - quilt[:, :-1]
    rows, cols = np.nonzero((src_x[:, 1:] != src_x[:, :-1] + step_x[:, :-1]) | (src_y[:, 1:] != src_y[:, :-1])
                            | (step_x[:, 1:] != step_x[:, :-1]))
    if len(rows):  # across a cut: what each side's source says comes next, averaged
        ahead = _opponent(sample(src_y[rows, cols], src_x[rows, cols] + step_x[rows, cols])) - quilt[rows, cols]
        after = rows, cols + 1
        behind = quilt[after] - _opponent(sample(src_y[after], src_x[after] - step_x[after]))
        gx[after] = _mean_of(ahead, behind)
    gx[:, 0] = np.nan_to_num(quilt[:, 0] - _opponent(sample(src_y[:, 0], src_x[:, 0] - step_x[:, 0])))
    # Vertical gradients: gy[i] joins row i to row i+1.
    gy = quilt[1:] - quilt[:-1]
    rows, cols = np.nonzero((src_y[1:] != src_y[:-1] + step_y[:-1]) | (src_x[1:] != src_x[:-1])
                            | (step_y[1:] != step_y[:-1]))
    if len(rows):
        ahead = _opponent(sample(src_y[rows, cols] + step_y[rows, cols], src_x[rows, cols])) - quilt[rows, cols]
        after = rows + 1, cols
        behind = quilt[after] - _opponent(sample(src_y[after] - step_y[after], src_x[after]))
        gy[rows, cols] = _mean_of(ahead, behind)
    screening = np.array([1.0 / reach ** 2, 1.0 / COLOUR_REACH ** 2, 1.0 / COLOUR_REACH ** 2])
    # Right-hand side: incoming minus outgoing guidance, the fixed edge, the screening pull.
    rhs = screening * quilt.astype(np.float64)
    if light is not None:
        rhs[..., 0] = screening[0] * _opponent(np.asarray(light, np.float32))[..., 0]
    rhs += gx
    rhs[:, :-1] -= gx[:, 1:]
    rhs[1:] += gy
    rhs[:-1] -= gy
    rhs[:, 0] += _opponent(np.asarray(boundary, np.float32))
    return cv2.transform(_solve(rhs, screening), FROM_OPPONENT)


def _opponent(rgb: np.ndarray) -> np.ndarray:
    """RGB (…×3 float32) in the opponent space."""
    flat = np.ascontiguousarray(rgb, np.float32).reshape(-1, 1, 3)
    return cv2.transform(flat, TO_OPPONENT).reshape(np.shape(rgb))


def _solve(rhs: np.ndarray, screening: np.ndarray) -> np.ndarray:
    """Solve (L + screening) u = rhs on an H×A×C grid, one screening per channel: Neumann rows,
    Dirichlet left, Neumann right."""
    height, columns = rhs.shape[:2]
    spectrum = dct(rhs, type=2, axis=0, norm="ortho")
    eigen = (2 - 2 * np.cos(np.pi * np.arange(height) / height))[:, None] + screening[None, :]  # H×C
    diagonal = np.full(columns, 2.0)
    diagonal[-1] = 1.0  # the outer edge has one neighbour (it is 2 at column 0: neighbour + boundary)
    if columns == 1:
        diagonal[0] = 1.0
    # Thomas algorithm, vectorised over frequencies and channels.
    c_prime = np.empty_like(spectrum)
    d_prime = np.empty_like(spectrum)
    denominator = diagonal[0] + eigen
    c_prime[:, 0] = -1.0 / denominator
    d_prime[:, 0] = spectrum[:, 0] / denominator
    for j in range(1, columns):
        denominator = diagonal[j] + eigen + c_prime[:, j - 1]
        c_prime[:, j] = -1.0 / denominator
        d_prime[:, j] = (spectrum[:, j] + d_prime[:, j - 1]) / denominator
    solution = np.empty_like(spectrum)
    solution[:, -1] = d_prime[:, -1]
    for j in range(columns - 2, -1, -1):
        solution[:, j] = d_prime[:, j] - c_prime[:, j] * solution[:, j + 1]
    return idct(solution, type=2, axis=0, norm="ortho")


def _mean_of(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Mean of the two where both exist, the one that exists otherwise, 0 where neither does."""
    a_ok, b_ok = ~np.isnan(a), ~np.isnan(b)
    total = np.where(a_ok, a, 0.0) + np.where(b_ok, b, 0.0)
    return total / np.maximum(a_ok.astype(np.int8) + b_ok, 1)
