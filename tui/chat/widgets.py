"""The chat's own widgets: an input line with history, and the preview pane."""

from __future__ import annotations

from typing import Any

from PIL import Image
from textual.binding import Binding
from textual.containers import Container
from textual.widgets import Input, Static

from retouch.tui.chat.preview import widget_class


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


class Preview(Container):
    """Holds one image widget. A new picture gets a *new* widget: TGP and Sixel images may not
    refresh when their image is replaced in place (textual-image #43, #72)."""

    def __init__(self, renderer: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.renderer = renderer
        self.shown: Image.Image | None = None
        self.caption = Static("", id="caption")

    def compose(self):  # noqa: ANN201 - Textual's generator protocol
        yield self.caption

    def show(self, image: Image.Image, caption: str = "") -> None:
        self.shown = image
        for old in self.query(".picture"):
            old.remove()
        picture = widget_class(self.renderer)(image, classes="picture")
        self.mount(picture, before=self.caption)
        self.caption.update(caption)
