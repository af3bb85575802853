"""What the preview pane shows, and which terminal renderer draws it.

Pure picture-making (mask tint, variations side by side) plus the renderer choice, so the app
itself only swaps widgets. Renderers come from textual-image: Kitty graphics (TGP), Sixel, or
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


def with_mask(image: Image.Image, mask: Any | None) -> Image.Image:
    """The image with the current selection tinted over it (when there is one of the right size)."""
    rgb = image.convert("RGB")
    if mask is None or tuple(mask.shape[::-1]) != rgb.size or not mask.any():
        return rgb
    from retouch.tools.overlay import overlay

    return overlay(rgb, mask)


def side_by_side(images: Sequence[Image.Image]) -> Image.Image:
    """Variations next to each other on a dark strip, same height, in order 1…N."""
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
