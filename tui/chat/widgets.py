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
    replaced in place (textual-image #43, #72). Gestures on the picture are posted as `Pointed`:
    a click adds, a right-click (or a click with ctrl, shift or alt held) takes away, a press
    dragged to another cell draws a box. Many terminals keep shift-click (and some ctrl-click) for
    their own text selection and menus, so right-click is the one that always arrives."""

    class Pointed(Message):
        """A gesture on the picture, in fractions (0…1) of its width and height: `kind` "add" or
        "subtract" at (x, y), or "box" from (x, y) to (x1, y1)."""

        def __init__(self, kind: str, x: float, y: float, x1: float | None = None, y1: float | None = None) -> None:
            super().__init__()
            self.kind, self.x, self.y, self.x1, self.y1 = kind, x, y, x1, y1

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
        self._pressed: tuple[tuple[int, int], bool] | None = None
        """Where a press on the picture began (its cell) and whether it takes away."""

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

    def _cell(self, event: events.MouseEvent, *, clamp: bool = False) -> tuple[int, int] | None:
        """The picture's cell under the pointer (or the nearest one, with `clamp`); None off it."""
        picture = self.picture
        if picture is None:
            return None
        region = picture.content_region
        column, row = event.screen_x - region.x, event.screen_y - region.y
        if clamp:
            return min(max(0, column), region.width - 1), min(max(0, row), region.height - 1)
        return (column, row) if 0 <= column < region.width and 0 <= row < region.height else None

    def on_mouse_down(self, event: events.MouseDown) -> None:
        cell = self._cell(event)
        if cell is None:
            return
        takes_away = event.button == 3 or event.ctrl or event.shift or event.meta
        self._pressed = (cell, takes_away)
        self.capture_mouse()  # the release may come off the picture: a box dragged past its edge
        event.stop()

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._pressed is None:
            return
        (column, row), takes_away = self._pressed
        self._pressed = None
        self.release_mouse()
        end = self._cell(event, clamp=True)
        region = self.picture.content_region
        width, height = region.width, region.height
        if end is None or end == (column, row):
            kind = "subtract" if takes_away else "add"
            self.post_message(self.Pointed(kind, (column + 0.5) / width, (row + 0.5) / height))
        else:  # the box covers both cells whole
            (left, right), (top, bottom) = sorted((column, end[0])), sorted((row, end[1]))
            self.post_message(self.Pointed("box", left / width, top / height, (right + 1) / width, (bottom + 1) / height))
        event.stop()
