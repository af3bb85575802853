"""Trim a plain border: the white frame of a scan or a print, letterbox bars, a screenshot's margins.

"Trim the white border", "remove the black bars" ask for the canvas to end where the picture starts,
so the border is found by measuring, not by a finder. From each edge, whole rows (or columns) that are
plain — after a 5×5 median, so JPEG noise and a one-pixel anti-aliased line do not count, at least
`frame.FULL_LINE` of the line within `TOLERANCE` of that edge's own colour — are counted by
`frame.plain_runs`, the same count that finds the black bars enhance leaves out of its measurements.
Each side is trimmed on its own, and never by more than `MAX_SHARE` of the picture.

A border comes with a partner: a frame or a scanner's margin is plain on two or more sides in one
colour, bars come in pairs. So a side is trimmed only when another side is plain in the same colour;
a photo white across the top by its content alone (an overcast sky, snow) keeps its sky. A picture that
is plain everywhere has no border to find: nothing is cropped, and the reply says so.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

from retouch.tools.regions import Box

TOLERANCE = 16
"""8-bit codes (any channel, after the median) a border pixel may differ from its edge's colour."""
MAX_SHARE = 0.45
"""Most of the picture's height (top, bottom) or width (left, right) one side's trim may take."""
BLEND_SHARE = 0.5
"""The first line past a border still this plain is where border and picture blend (JPEG ringing around the
edge, an anti-aliased step): it is trimmed with the border, so no pale or dark hairline is left on the photo."""
MIN_SIDE = 16
"""Pictures with a side shorter than this are too small to tell a border from the picture."""
SIDES = ("top", "bottom", "left", "right")


@dataclass(frozen=True)
class Trim:
    """Where the picture inside a plain border is, and what the border was."""

    box: Box
    """(x0, y0, x1, y1) of the picture kept."""
    removed: dict[str, int]
    """Pixels cropped from each side that had a border (sides without one are absent)."""
    colour: str
    """'white', 'black' or 'plain' — the border's colour, for the reply."""
    capped: tuple[str, ...]
    """Sides that were plain further than `MAX_SHARE` and were cut at that limit."""

    def sentence(self) -> str:
        """'Trimmed the white border: 24 px top, 24 px bottom, 31 px left, 30 px right.'"""
        sides = ", ".join(f"{self.removed[side]} px {side}" for side in SIDES if side in self.removed)
        note = f"Trimmed the {self.colour} border: {sides}."
        if self.capped:
            note += (f" The {' and '.join(self.capped)} stayed plain further in; I stopped at "
                     f"{round(MAX_SHARE * 100)} % of the picture there.")
        return note


NO_BORDER = "No plain border found, nothing cropped."


def find_border(image: Image.Image) -> Trim | None:
    """The picture inside a plain border, or None when there is no border to trim (too small,
    nothing plain at the edges, or plain all over)."""
    width, height = image.size
    if min(width, height) < MIN_SIDE:
        return None
    rgb = np.asarray(image.convert("RGB"))
    lines_from = {"top": rgb, "bottom": rgb[::-1], "left": rgb.transpose(1, 0, 2), "right": rgb.transpose(1, 0, 2)[::-1]}
    runs: dict[str, int] = {}
    colours: dict[str, np.ndarray] = {}
    for side in SIDES:
        run, colour = _plain_run(lines_from[side])
        if run == len(lines_from[side]):
            return None  # one colour from edge to edge: there is no picture inside to keep
        if run:
            runs[side], colours[side] = run, colour
    paired = {side: run for side, run in runs.items()
              if any(other != side and np.abs(colours[other] - colours[side]).max() <= TOLERANCE for other in runs)}
    if not paired:
        return None
    limits = {"top": int(MAX_SHARE * height), "bottom": int(MAX_SHARE * height),
              "left": int(MAX_SHARE * width), "right": int(MAX_SHARE * width)}
    removed = {side: min(run, limits[side]) for side, run in paired.items()}
    capped = tuple(side for side, run in paired.items() if run > limits[side])
    box = (removed.get("left", 0), removed.get("top", 0),
           width - removed.get("right", 0), height - removed.get("bottom", 0))
    return Trim(box=box, removed=removed, colour=_colour_name([colours[side] for side in paired]), capped=capped)


CHUNK = 32
"""Lines measured at a time from an edge: a border is usually a few dozen lines, so a 4096² photo is not
median-filtered whole to find one."""


def _plain_run(lines: np.ndarray) -> tuple[int, np.ndarray]:
    """How many lines from the start of `lines` (H×W×3, the edge first) are plain in the edge line's
    colour (`frame.plain_runs` on a 5×5 median, `CHUNK` lines at a time with two lines of context each
    way), and that colour."""
    import cv2

    from retouch.tools.enhance.frame import plain_runs

    colour: np.ndarray | None = None
    start = 0
    while start < len(lines):
        stop = min(len(lines), start + CHUNK)
        lo, hi = max(0, start - 2), min(len(lines), stop + 2)
        blurred = cv2.medianBlur(np.ascontiguousarray(lines[lo:hi]), 5)[start - lo:stop - lo].astype(np.int16)
        if colour is None:
            colour = np.median(blurred[0], axis=0)
        plain = np.abs(blurred - colour).max(axis=2) <= TOLERANCE
        run = plain_runs(plain)[0]
        if run < stop - start:
            if start + run > 0 and plain[run].mean() >= BLEND_SHARE:
                run += 1  # the line where border and picture blend (JPEG ringing, anti-aliasing) goes with the border
            return start + run, colour
        start = stop
    return len(lines), colour if colour is not None else np.zeros(3)


def _colour_name(colours: list[np.ndarray]) -> str:
    """'white' or 'black' when every trimmed side is, else 'plain'."""
    if all(colour.min() >= 200 and np.ptp(colour) <= 30 for colour in colours):
        return "white"
    if all(colour.max() <= 50 for colour in colours):
        return "black"
    return "plain"
