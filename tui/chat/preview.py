"""What the preview pane shows, and which terminal renderer draws it.

Pure picture-making (mask tint, pictures side by side), the renderer choice, and the geometry
that keeps a picture's shape in cells (`fit_cells`), so the app itself only swaps widgets. Renderers come from textual-image: Kitty graphics (TGP), Sixel, or
half-cell unicode. Under tmux, or in a terminal we can't identify, the half-cell renderer is used:
graphics protocols there either show nothing or leave stale pictures behind (textual-image #43,
#72). `RETOUCH_RENDERER=halfcell|sixel|tgp|unicode|auto` overrides the choice.
"""

from __future__ import annotations

import os
from typing import Any, Sequence

from PIL import Image

RENDERERS = ("auto", "halfcell", "unicode", "sixel", "tgp")
GAP = 6
"""Pixels between variations shown side by side."""


def choose_renderer(requested: str | None = None, environ: dict[str, str] | None = None) -> str:
    """The renderer name to use: the request or $RETOUCH_RENDERER, else what the terminal allows."""
    environ = dict(os.environ if environ is None else environ)
    name = (requested or environ.get("RETOUCH_RENDERER") or "auto").strip().lower()
    if name not in RENDERERS:
        name = "auto"
    if name != "auto":
        return name
    term = environ.get("TERM", "")
    if environ.get("TMUX") or term.startswith(("screen", "tmux")) or term in ("", "dumb", "linux"):
        return "halfcell"
    return "auto"


def widget_class(renderer: str) -> Any:
    """The textual-image widget class for a renderer name (imported on first use: it is slow)."""
    from textual_image import widget

    return {"auto": widget.Image, "halfcell": widget.HalfcellImage, "unicode": widget.UnicodeImage,
            "sixel": widget.SixelImage, "tgp": widget.TGPImage}[renderer]


def cell_pixels() -> tuple[int, int]:
    """A terminal cell's (width, height) in pixels: what the terminal reports, else 10×20 (the
    VT340's, and tmux's usual answer). textual-image asks once, before Textual owns the terminal."""
    from textual_image._terminal import get_cell_size

    cell = get_cell_size()
    return max(1, int(cell.width)), max(1, int(cell.height))


def fit_cells(image_size: tuple[int, int], box: tuple[int, int], cell: tuple[int, int]) -> tuple[int, int]:
    """The largest (columns, rows) inside `box` (in cells) that draws the image at its own aspect.

    A cell is `cell` pixels (width, height), about twice as tall as wide, so a 3:1 panorama 60
    columns wide is 10 rows tall, not 20. Every renderer draws into exactly the cells given here —
    half-cell blocks (two pixels a cell), Sixel and Kitty graphics alike — so one fit serves all.
    """
    width, height = image_size
    box_columns, box_rows = box
    if min(width, height, box_columns, box_rows) <= 0:
        return 0, 0
    columns_per_row = (width / height) * (cell[1] / cell[0])
    columns, rows = float(box_columns), box_columns / columns_per_row
    if rows > box_rows:
        columns, rows = box_rows * columns_per_row, float(box_rows)
    return max(1, min(box_columns, round(columns))), max(1, min(box_rows, round(rows)))


CHECKER_SQUARES = 24
"""How many checkerboard squares run along a transparent picture's longer side: about two terminal
cells a square in the chat's preview, whatever the picture's size."""
CHECKER_SHADES = ((204, 204, 204), (153, 153, 153))


def flattened(image: Image.Image) -> Image.Image:
    """The image as RGB to show, its transparent parts over a grey checkerboard.

    A terminal draws colour only, and a plain RGB conversion keeps the colour a transparent pixel
    still holds: "remove the background" made it transparent, and the preview showed the old
    background as if nothing had happened. The checkerboard is how image editors show what is not
    there."""
    if image.mode not in ("RGBA", "LA", "PA", "RGBa", "La") and not (
            image.mode in ("P", "L", "RGB") and "transparency" in image.info):
        return image.convert("RGB")
    rgba = image.convert("RGBA")
    square = max(1, max(rgba.size) // CHECKER_SQUARES)
    board = Image.new("RGBA", rgba.size, CHECKER_SHADES[0])
    dark = Image.new("RGBA", (square, square), CHECKER_SHADES[1])
    for top in range(0, rgba.height, square):
        for left in range((top // square) % 2 * square, rgba.width, 2 * square):
            board.paste(dark, (left, top))
    board.alpha_composite(rgba)
    return board.convert("RGB")


def with_mask(image: Image.Image, mask: Any | None) -> Image.Image:
    """The image with the current selection tinted over it (when there is one of the right size)."""
    rgb = image.convert("RGB")
    if mask is None or tuple(mask.shape[::-1]) != rgb.size or not mask.any():
        return rgb
    from retouch.tools.overlay import overlay

    return overlay(rgb, mask)


def side_by_side(images: Sequence[Image.Image]) -> Image.Image:
    """Pictures next to each other on a dark strip, same height, each at its own aspect, in order
    (variations 1…N; before, then after)."""
    if len(images) == 1:
        return images[0].convert("RGB")
    height = min(image.height for image in images)
    scaled = [image.convert("RGB").resize((max(1, round(image.width * height / image.height)), height))
              for image in images]
    width = sum(image.width for image in scaled) + GAP * (len(scaled) - 1)
    canvas = Image.new("RGB", (width, height), (24, 24, 24))
    x = 0
    for image in scaled:
        canvas.paste(image, (x, 0))
        x += image.width + GAP
    return canvas
