"""The chat's own widgets: an input line with history, the conversation, and the preview pane."""

from __future__ import annotations

from typing import Any

from PIL import Image
from textual import events
from textual.binding import Binding
from textual.containers import Container
from textual.message import Message
from textual.widgets import Input, RichLog, Static

from retouch.tui.chat.preview import cell_pixels, fit_cells, widget_class


class HistoryInput(Input):
    """An input line that remembers what was typed: ↑ and ↓ walk through it, as in a shell."""

    BINDINGS = [Binding("up", "older", show=False), Binding("down", "newer", show=False)]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.history: list[str] = []
        self._cursor = 0

    def remember(self, text: str) -> None:
        if text and (not self.history or self.history[-1] != text):
            self.history.append(text)
        self._cursor = len(self.history)

    def action_older(self) -> None:
        if self.history and self._cursor > 0:
            self._cursor -= 1
            self.value = self.history[self._cursor]
            self.cursor_position = len(self.value)

    def action_newer(self) -> None:
        if self._cursor < len(self.history) - 1:
            self._cursor += 1
            self.value = self.history[self._cursor]
        else:
            self._cursor = len(self.history)
            self.value = ""
        self.cursor_position = len(self.value)


class Conversation(RichLog):
    """The conversation: every line wraps at the panel's width and is wrapped again when the width
    changes. (A plain RichLog renders at least 78 columns and never re-wraps, so at 80 columns the
    right half of a reply was cut off.) The lines are kept as markup so they can be laid out again."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(wrap=True, markup=True, highlight=False, min_width=1, **kwargs)
        self.entries: list[str] = []
        self._wrapped_at = 0

    def add(self, markup: str) -> None:
        self.entries.append(markup)
        self.write(markup)

    def on_resize(self, event: events.Resize) -> None:
        width = event.size.width
        if self._wrapped_at and width and width != self._wrapped_at:
            self.clear()
            for markup in self.entries:
                self.write(markup, scroll_end=False)
            self.scroll_end(animate=False)
        self._wrapped_at = width or self._wrapped_at


class Preview(Container):
    """The picture, letterboxed: drawn at the image's own aspect in the largest box the pane
    allows, centred, with a caption under it; fitted again whenever the pane changes size.

    A new picture gets a *new* widget: TGP and Sixel images may not refresh when their image is
    replaced in place (textual-image #43, #72). A click on the picture is posted as `Clicked`."""

    class Clicked(Message):
        """The picture was clicked at this point, as fractions (0…1) of its width and height."""

        def __init__(self, x: float, y: float) -> None:
            super().__init__()
            self.x, self.y = x, y

    def __init__(self, renderer: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.renderer = renderer
        self.shown: Image.Image | None = None
        self.picture: Any = None
        """The image widget now shown (the one before it may still be on its way out)."""
        self.drawn: tuple[int, int] = (0, 0)
        """The picture's size in cells (columns, rows) as last fitted."""
        self.cell = cell_pixels()
        self.frame = Container(id="frame")
        """Holds the picture, centred across the pane (the caption below spans it)."""
        self.caption = Static("", id="caption")

    def compose(self):  # noqa: ANN201 - Textual's generator protocol
        yield self.frame
        yield self.caption

    def show(self, image: Image.Image, caption: str = "") -> None:
        self.shown = image
        for old in self.query(".picture"):
            old.remove()
        picture = self.picture = widget_class(self.renderer)(image, classes="picture")
        self._fit(picture)
        self.frame.mount(picture)
        self.caption.update(caption)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(self.picture)

    def _fit(self, picture: Any) -> None:
        """Size the picture widget in cells: the image's aspect, inside the pane less the caption."""
        if picture is None or self.shown is None:
            return
        box = (self.content_size.width, self.content_size.height - 1)
        columns, rows = fit_cells(self.shown.size, box, self.cell)
        self.drawn = (columns, rows)
        picture.display = columns > 0  # no room (not laid out yet, or a tiny terminal): nothing to draw
        if columns:
            picture.styles.width, picture.styles.height = columns, rows

    def on_click(self, event: events.Click) -> None:
        picture = self.picture
        if picture is None:
            return
        region = picture.content_region
        column, row = event.screen_x - region.x, event.screen_y - region.y
        if 0 <= column < region.width and 0 <= row < region.height:
            self.post_message(self.Clicked((column + 0.5) / region.width, (row + 0.5) / region.height))
