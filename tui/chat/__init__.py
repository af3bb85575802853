"""The Textual chat (`retouch chat`): an image preview, a conversation, and the agent behind it."""

from __future__ import annotations

from typing import Any


def run_chat(session: Any, agent_factory: Any, *, renderer: str | None = None,
             session_factory: Any = None) -> None:
    """Start the chat full-screen. textual-image's widget module asks the terminal for its cell size
    when imported, which is impossible once Textual owns the terminal — so it is imported first.
    The screen is drawn on a descriptor of its own (`tui.chat.terminal`)."""
    from retouch.tui.chat.preview import choose_renderer

    import textual_image.widget  # noqa: F401 - see docstring

    from retouch.tui.chat.app import RetouchChat
    from retouch.tui.chat.terminal import private_terminal

    with private_terminal():
        RetouchChat(session, agent_factory, renderer=choose_renderer(renderer),
                    session_factory=session_factory).run()


__all__ = ["run_chat"]
