"""Print a picture in the terminal, outside the chat (`retouch show`, `retouch edit --preview`).

Uses the same renderers as the chat (textual-image's Rich renderables), with the same choice:
Kitty graphics or Sixel where the terminal speaks them, half-cell blocks under tmux or elsewhere.
"""

from __future__ import annotations

from pathlib import Path

from retouch.tui.chat.preview import choose_renderer


def show_image(path: Path, *, renderer: str | None = None, width: int | None = None) -> None:
    from rich.console import Console
    from textual_image import renderable

    from retouch.tools.imageio import load_image

    image = load_image(path).convert("RGB")
    name = choose_renderer(renderer)
    cls = {"auto": renderable.Image, "halfcell": renderable.HalfcellImage,
           "unicode": renderable.UnicodeImage, "sixel": renderable.SixelImage,
           "tgp": renderable.TGPImage}[name]
    console = Console()
    columns = width or min(console.width, 100)
    console.print(cls(image, width=columns, height="auto"))
    from retouch.tui.terminal_text import clean

    console.print(clean(f"{path} · {image.width}×{image.height}"), style="dim", markup=False)
