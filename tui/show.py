"""Print a picture in the terminal, outside the chat (`retouch show`, `retouch edit --preview`).

Uses the same renderers as the chat (textual-image's Rich renderables), with the same choice:
Kitty graphics or Sixel where the terminal speaks them, half-cell blocks under tmux or elsewhere,
and the same fit: the picture's own aspect, as large as the width (at most 100 columns) and the
terminal's height allow — a tall photo no longer scrolls off the top.
"""

from __future__ import annotations

from pathlib import Path

from retouch.tui.chat.preview import choose_renderer, fit_cells

MAX_COLUMNS = 100


def show_image(path: Path, *, renderer: str | None = None, width: int | None = None) -> None:
    from rich.console import Console
    from textual_image import renderable

    from retouch.tools.imageio import load_image
    from retouch.tui.chat.preview import cell_pixels, flattened

    image = flattened(load_image(path))
    name = choose_renderer(renderer)
    cls = {"auto": renderable.Image, "halfcell": renderable.HalfcellImage,
           "unicode": renderable.UnicodeImage, "sixel": renderable.SixelImage,
           "tgp": renderable.TGPImage}[name]
    console = Console()
    box = (max(1, width or min(console.width, MAX_COLUMNS)), max(1, console.height - 2))
    columns, rows = fit_cells(image.size, box, cell_pixels())
    console.print(cls(image, width=columns, height=rows))
    from retouch.tui.terminal_text import clean

    console.print(clean(f"{path} · {image.width}×{image.height}"), style="dim", markup=False)
