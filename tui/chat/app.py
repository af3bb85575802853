"""The chat: talk to your image and watch it change.

The app holds no model code. Words (and clicks on the picture) go to the same `agent.Agent` the CLI
uses, one request at a time, in a thread worker so the screen never freezes; replies, plan cards and
the new picture come back as UI updates. The agent (and the libraries behind it) is built in the
background after the first frame, then the finder is warmed (MediaPipe's import and models), so the
picture appears at once, typing is possible while it loads, and the first "remove the person"
doesn't pay for the loading.

The selection tint marks what is being worked on ("select the dog", a click): after an edit the
new version is shown clean. ctrl+t (or /compare) flips to the version it was made from, then shows
the two side by side.
"""

from __future__ import annotations

import math
import os
import sys
import threading
from pathlib import Path
from typing import Any, Callable

from PIL import Image, ImageOps
from rich.markup import escape
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, ProgressBar, Static

from retouch.tools.errors import AmbiguousTarget, Cancelled, NotSeen, RetouchError
from retouch.tui.chat.preview import choose_renderer, flattened, side_by_side, with_mask
from retouch.tui.chat.widgets import Conversation, HistoryInput, Preview
from retouch.tui.terminal_text import clean

AgentFactory = Callable[[Any], Any]
"""Builds an `agent.Agent` for a session (called in a worker thread: it may import heavy libraries)."""

PREVIEW_MAX_SIDE = 1024
HELP = """[b]Say what to change[/b], e.g. [i]remove the person on the left[/i] · [i]make it a bit brighter[/i] · \
[i]extend the canvas 256 px to the right[/i] · [i]blur the background[/i]
[b]Click the picture[/b] to select the thing under the pointer, then say [i]remove this[/i] or \
[i]make this navy[/i]. Click again to add a part, right-click (or ctrl-click) to take one away, drag to \
draw a box around it; /undo steps back one gesture
[b]/undo[/b] [b]/redo[/b] [b]/revert N[/b] [b]/versions[/b] · [b]/mask[/b] toggles the selection tint · \
[b]/compare[/b] [before|side|off] shows the version before · [b]/pick N[/b] keeps a variation
[b]/open PATH[/b] [b]/save PATH[/b] [--force] · [b]/settings[/b] [b]/models[/b] · [b]/help[/b] [b]/quit[/b]
Keys: ctrl+z undo · ctrl+y redo · ctrl+t before/after · esc cancels long work · ↑/↓ history · ctrl+q quits"""
NOT_FOUND_HINT = "Click it in the picture (drag for a box), then say what to do with it."
"""What the chat says after "I couldn't find the dog …", in place of the CLI's box or --mask file: in the
chat the picture is right there to point at."""
TERMINAL_CHECK_SECONDS = 1.0
"""How often the chat checks that its terminal is still there. Started under `make demo`, a closed terminal window
sends its hangup to make, not to the chat, which then read end-of-file in a loop at most of a core for as long as the
machine ran (found after a tmux session was killed); now it stops within this many seconds."""
COMPARE_MODES = ("off", "before", "side")
"""What ctrl+t steps through: the current version, the one it was made from, both side by side.
(Their captions stay under 40 characters: the picture pane is 42 columns wide at 80.)"""
WARM_PICTURE_SIDE = 64
"""The grey square the finder is warmed on: big enough for every model, too small to cost."""


class RetouchChat(App):
    CSS_PATH = "chat.tcss"
    TITLE = "Retouch"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("ctrl+z", "undo", "Undo", priority=True),
        Binding("ctrl+y", "redo", "Redo", priority=True),
        Binding("ctrl+t", "compare", "Before/after", priority=True),
        Binding("escape", "cancel", "Cancel", priority=True),
    ]

    def __init__(self, session: Any, agent_factory: AgentFactory, *, renderer: str | None = None,
                 session_factory: Callable[[Path], Any] | None = None) -> None:
        super().__init__()
        self.session = session
        self.agent_factory = agent_factory
        self.session_factory = session_factory
        self.renderer = choose_renderer(renderer)
        self.agent: Any = None
        self.agent_ready = threading.Event()
        self.agent_error: BaseException | None = None
        self.show_mask = False
        """Tint the selection over the picture: on while a selection is worked on, off after an edit."""
        self.compare = "off"
        self.variations: list[Path] = []
        self.cancel_event: threading.Event | None = None
        self.busy = False
        """A request is running. Set on the UI thread *before* its worker starts, so a second Enter
        read meanwhile is refused instead of starting a second request."""
        self.finder_warm = False
        self.finder_label = ""
        """The finder the status bar names once it is loaded ("embedded", not "auto")."""
        self.device = ""

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            yield Preview(self.renderer, id="preview")
            with Vertical(id="side"):
                yield Conversation(id="log")
                yield Static("", id="progress-label")
                yield ProgressBar(id="progress", show_eta=True)
                yield HistoryInput(placeholder="Say what to change… (/help)", id="prompt")
        yield Static("", id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#progress", ProgressBar).display = False
        self.query_one("#progress-label", Static).display = False
        self.refresh_preview()
        self.refresh_status()
        self.log_line(f"[dim]Session {escape(str(self.session.root))}. Type /help for what you can say.[/dim]")
        self.query_one("#prompt", HistoryInput).focus()
        if terminal_attached():
            self.set_interval(TERMINAL_CHECK_SECONDS, self._leave_if_terminal_gone)
        # After the first frame: the agent's imports would otherwise hold the GIL while it paints.
        self.call_after_refresh(self.load_agent)

    def _leave_if_terminal_gone(self) -> None:
        """The terminal hung up: cancel what runs (a version is written whole or not at all) and leave."""
        if terminal_attached():
            return
        self.action_cancel()
        self.exit(return_code=1)

    # ------------------------------------------------------------------ agent in the background

    @work(thread=True, group="agent", exclusive=True)
    def load_agent(self) -> None:
        try:
            agent = self.agent_factory(self.session)
        except BaseException as exc:  # shown in the log; the chat stays usable for history moves
            self.agent_error = exc
            self.agent_ready.set()
            self.call_from_thread(self.log_error, exc)
            return
        self.agent = agent
        self.agent_ready.set()
        self.call_from_thread(self.refresh_preview)
        self.call_from_thread(self.refresh_status)
        self._warm(agent)
        self.device = _device_name()
        self.call_from_thread(self.refresh_status)

    def _warm(self, agent: Any) -> None:
        """Warm the agent's finder (in a worker thread) and name it in the status bar; compile the rules planner's
        patterns too, which compile on first use (a cold `retouch plan` needs only a quarter of them), so the first
        request typed in the chat doesn't pay ~0.2 s for them."""
        from retouch.agent.planner.rules_lexicon import compile_all

        compile_all()
        self.finder_label = _warm_finder(agent)
        self.finder_warm = True
        self.call_from_thread(self.refresh_status)

    def _wait_for_agent(self) -> Any:
        self.agent_ready.wait()
        if self.agent is None:
            raise RetouchError(f"the editor could not start ({self.agent_error})",
                               "Check the config file, then restart the chat.")
        return self.agent

    # ------------------------------------------------------------------ input

    def on_input_submitted(self, event: HistoryInput.Submitted) -> None:
        text = event.value.strip()
        prompt = self.query_one("#prompt", HistoryInput)
        if not text:
            return
        if self.busy and not text.startswith("/"):
            # one request at a time: the words stay in the box, to send once this one is done
            self.log_line("[yellow]Still working on the last request — your words stay in the box; "
                          "press enter again when it is done, or esc to cancel it.[/yellow]")
            return
        prompt.value = ""
        prompt.remember(text)
        self.log_line(f"[b]you[/b] {escape(text)}")
        if text.startswith("/"):
            self.run_slash(text)
        else:
            self.submit_request(text)

    def on_preview_pointed(self, event: Preview.Pointed) -> None:
        """A gesture on the picture adds to, or takes from, the selection being pointed at (in the
        current version): a click adds the thing under it, a right-click takes it away, a drag
        draws a box around the thing."""
        from retouch.tools.gestures import add, box, subtract

        if self.compare != "off" or self.variations:
            self.log_line("[yellow]Clicks pick in the current version alone — press ctrl+t until it is "
                          "shown by itself (or /pick a variation) first.[/yellow]")
            return
        if self.busy:
            self.log_line("[yellow]Still working on the last request — click again when it is done.[/yellow]")
            return
        with Image.open(self.session.version_path()) as current:
            width, height = (ImageOps.exif_transpose(current) or current).size
        x, y = min(width - 1, int(event.x * width)), min(height - 1, int(event.y * height))
        try:
            if event.kind == "box":
                x1, y1 = min(width, math.ceil(event.x1 * width)), min(height, math.ceil(event.y1 * height))
                gesture, said = box(x, y, max(x + 1, x1), max(y + 1, y1)), f"box {x},{y} → {x1},{y1}"
            elif event.kind == "subtract":
                gesture, said = subtract(x, y), f"take away at {x}, {y}"
            else:
                gesture, said = add(x, y), f"click at {x}, {y}"
        except RetouchError as exc:
            self.log_error(exc)
            return
        self.log_line(f"[b]you[/b] [i]({said})[/i]")
        self.submit_request(f"({said})", gesture=gesture)

    def submit_request(self, words: str, gesture: Any = None) -> None:
        """Claim the one request slot here, on the UI thread, then hand the request to the worker."""
        self.busy = True
        self.cancel_event = threading.Event()
        self._progress_visible(True)
        self.run_request(words, gesture)

    @work(thread=True, group="edit")
    def run_request(self, words: str, gesture: Any = None) -> None:
        """The one place a request goes to the agent, and its errors come back as lines."""
        try:
            agent = self._wait_for_agent()
            if gesture is not None:
                outcome = agent.gesture(gesture)
            elif agent.pending is not None:
                # After a question ("I see 2 people — …?") the next line is its answer (or a new request).
                outcome = agent.answer(words, progress=self._progress_from_thread, cancel=self.cancel_event)
            else:
                outcome = agent.handle(words, progress=self._progress_from_thread, cancel=self.cancel_event)
        except Cancelled:
            self.call_from_thread(self.log_line, "[yellow]Cancelled — nothing was changed.[/yellow]")
        except AmbiguousTarget as asked:
            self.call_from_thread(self.log_line, f"[b green]retouch[/b green] {escape(asked.question)}")
        except BaseException as exc:
            self.call_from_thread(self.log_error, exc)
        else:
            self.call_from_thread(self.show_outcome, outcome)
        finally:
            self.call_from_thread(self._release_request)

    def _release_request(self) -> None:
        """Free the request slot (on the UI thread, like `submit_request` that claimed it)."""
        self.cancel_event = None
        self._progress_visible(False)
        self.busy = False

    def show_outcome(self, outcome: Any) -> None:
        self.log_line(f"[b green]retouch[/b green] {escape(outcome.reply or 'Done.')}")
        card = self._plan_card()
        if outcome.changed and card:
            self.log_line(f"[dim]{escape(card)}[/dim]")
        for note in outcome.notes:
            self.log_line(f"[dim]note: {escape(note)}[/dim]")
        for path in outcome.saved:
            self.log_line(f"[dim]saved {escape(str(path))}[/dim]")
        self.variations = list(outcome.variation_paths) if len(outcome.variation_paths) > 1 else []
        if self.variations:
            self.log_line(f"{len(self.variations)} variations, left to right — /pick N keeps one.")
        if outcome.changed:
            self.show_mask, self.compare = False, "off"  # the new version, clean
        elif outcome.selected:
            self.show_mask, self.compare = True, "off"  # the selection is what is being worked on
        self.refresh_preview()
        self.refresh_status()

    def _plan_card(self) -> str:
        """The tools of the last edit and their key settings, from the resolved plan: one tool a
        line after the first, so a long plan folds instead of running off the panel."""
        from retouch.agent.plan_summary import call_summaries

        entry = self.session.last_edit()
        if not entry:
            return ""
        return "▸ " + "\n  → ".join(call_summaries(entry.get("resolved") or {}))

    # ------------------------------------------------------------------ progress and cancel

    def _progress_from_thread(self, done: int, total: int, what: str) -> None:
        self.call_from_thread(self._progress_update, done, total, what)

    def _progress_update(self, done: int, total: int, what: str) -> None:
        bar = self.query_one("#progress", ProgressBar)
        bar.update(total=max(1, total), progress=done)
        self.query_one("#progress-label", Static).update(f"{what} — step {done} of {total}")

    def _progress_visible(self, visible: bool) -> None:
        bar = self.query_one("#progress", ProgressBar)
        if visible:
            bar.update(total=None, progress=0)
            self.query_one("#progress-label", Static).update("working…")
        bar.display = visible
        self.query_one("#progress-label", Static).display = visible

    def action_cancel(self) -> None:
        if self.cancel_event is not None and not self.cancel_event.is_set():
            self.cancel_event.set()
            self.log_line("[yellow]Cancelling…[/yellow]")

    # ------------------------------------------------------------------ slash commands

    @work(thread=True, group="slash")
    def run_slash(self, text: str) -> None:
        command, _, rest = text[1:].partition(" ")
        command, rest = command.lower(), rest.strip()
        try:
            handler = _SLASH.get(command)
            if handler is None:
                raise RetouchError(f"there is no command /{command}", "Type /help for the list.")
            handler(self, rest)
        except BaseException as exc:
            self.call_from_thread(self.log_error, exc)

    def _history_move(self, move: Callable[[], int], verb: str) -> None:
        if self.busy:
            raise RetouchError("an edit is still running", "Wait for it, or press esc to cancel it.")
        number = move()
        self.variations, self.show_mask, self.compare = [], False, "off"
        self.call_from_thread(self.log_line, f"[b green]retouch[/b green] {verb} — now at v{number:03d}.")
        self.call_from_thread(self.refresh_preview)
        self.call_from_thread(self.refresh_status)

    def slash_undo(self, rest: str) -> None:
        """Inside a selection being pointed at (no edit has used it yet), one gesture back; else a version."""
        agent = self._wait_for_agent()
        if agent.pointing:
            if self.busy:
                raise RetouchError("an edit is still running", "Wait for it, or press esc to cancel it.")
            steps = int(rest) if rest.isdigit() else 1
            if not 1 <= steps <= len(agent.pointing):
                raise RetouchError(f"the selection has {len(agent.pointing)} gesture(s) to step back, not {steps}",
                                   f"Use /undo {len(agent.pointing)} for all of them, then /undo for versions.")
            for _ in range(steps):
                outcome = agent.undo_gesture()
            self.call_from_thread(self.show_outcome, outcome)
            return
        self._history_move(lambda: agent.undo(int(rest) if rest.isdigit() else 1), "Undone")

    def slash_redo(self, rest: str) -> None:
        agent = self._wait_for_agent()
        self._history_move(lambda: agent.redo(int(rest) if rest.isdigit() else 1), "Redone")

    def slash_revert(self, rest: str) -> None:
        if not rest.lstrip("v").isdigit():
            raise RetouchError("/revert needs a version number", "For example: /revert 0 for the original.")
        agent = self._wait_for_agent()
        self._history_move(lambda: agent.revert(int(rest.lstrip("v"))), "Reverted")

    def slash_pick(self, rest: str) -> None:
        if not rest.isdigit():
            raise RetouchError("/pick needs the number of a variation", "For example: /pick 2.")
        if not self.variations:
            raise RetouchError("there are no variations to pick from", "Ask for some, e.g. '4 variations'.")
        agent = self._wait_for_agent()
        self._history_move(lambda: agent.pick(int(rest)), f"Kept variation {rest}")

    def slash_mask(self, rest: str) -> None:
        self.show_mask = not self.show_mask
        state = "shown" if self.show_mask else "hidden"
        self.call_from_thread(self.log_line, f"[dim]Selection tint {state}.[/dim]")
        self.call_from_thread(self.refresh_preview)

    def slash_compare(self, rest: str) -> None:
        mode = rest.lower() or COMPARE_MODES[(COMPARE_MODES.index(self.compare) + 1) % len(COMPARE_MODES)]
        if mode not in COMPARE_MODES:
            raise RetouchError(f"/compare doesn't know {rest!r}", "Use /compare before, /compare side or /compare off.")
        if mode != "off" and self._before_version() is None:
            raise RetouchError("this is the original, so there is nothing before it",
                               "Make an edit first, then compare.")
        self.compare = mode
        self.call_from_thread(self.refresh_preview)

    def action_compare(self) -> None:
        self.run_slash("/compare")

    def _before_version(self) -> int | None:
        """The version the current one was made from (None for the original)."""
        entry = self.session.last_edit()
        if entry is None:
            return None
        number = entry.get("input_version")
        return number if number in self.session.state.versions and number != self.session.head else None

    def slash_save(self, rest: str) -> None:
        force = rest.endswith(" --force")
        path = rest.removesuffix(" --force").strip()
        if not path:
            raise RetouchError("/save needs a file name", "For example: /save result.png")
        saved = self._wait_for_agent().save(Path(path).expanduser(), overwrite=force)
        self.call_from_thread(self.log_line, f"[b green]retouch[/b green] Saved {escape(str(saved))}.")

    def slash_open(self, rest: str) -> None:
        if not rest:
            raise RetouchError("/open needs an image path", "For example: /open ~/photos/beach.jpg")
        if self.session_factory is None:
            raise RetouchError("this chat can't open another image", "Start a new chat with that image.")
        session = self.session_factory(Path(rest).expanduser())
        agent = self.agent_factory(session)
        self.session, self.agent, self.variations = session, agent, []
        self.show_mask, self.compare, self.finder_warm = False, "off", False
        self.call_from_thread(self.log_line, f"[dim]Opened {escape(rest)} — session {escape(str(session.root))}.[/dim]")
        self.call_from_thread(self.refresh_preview)
        self.call_from_thread(self.refresh_status)
        self._warm(agent)

    def slash_versions(self, rest: str) -> None:
        lines = []
        for version in self.session.versions():
            marker = "▶" if version.number == self.session.head else " "
            lines.append(f"{marker} v{version.number:03d}  {version.words or 'original'}")
        self.call_from_thread(self.log_line, escape("\n".join(lines)))

    def slash_settings(self, rest: str) -> None:
        from retouch.agent.config import config_path, load_config

        config = load_config()
        agent = self._wait_for_agent()
        text = (f"config file: {config_path()}{'' if config.path else ' (none yet)'}\n"
                f"planner: {agent.planner.name} · finder: {agent.executor.backends.finder_name} · "
                f"inpainter: {agent.executor.backends.inpainter_name}\n"
                f"defaults: {config.settings.defaults or 'policy table only'}")
        self.call_from_thread(self.log_line, escape(text))

    def slash_models(self, rest: str) -> None:
        from retouch.agent import registry

        lines = [f"{role}: " + ", ".join(registry.names(role)) for role in registry.ROLES]
        self.call_from_thread(self.log_line, escape("\n".join(lines)))

    def slash_help(self, rest: str) -> None:
        self.call_from_thread(self.log_line, HELP)

    def slash_quit(self, rest: str) -> None:
        self.call_from_thread(self.exit)

    def action_undo(self) -> None:
        self.run_slash("/undo")

    def action_redo(self) -> None:
        self.run_slash("/redo")

    # ------------------------------------------------------------------ drawing

    def log_line(self, text: str) -> None:
        """The one place a line joins the conversation (markup; escape what came from outside). Escape
        sequences from plans, models, servers and file names are removed before the terminal sees them."""
        self.query_one("#log", Conversation).add(clean(text))

    def log_error(self, exc: BaseException) -> None:
        if isinstance(exc, NotSeen):
            text = str(exc.with_hint(NOT_FOUND_HINT))
        elif isinstance(exc, RetouchError):
            text = str(exc)
        else:
            text = f"internal error: {type(exc).__name__}: {exc}"
        self.log_line(f"[b red]error[/b red] {escape(text)}")
        planned = getattr(exc, "planned", "")
        if planned:
            self.log_line(f"[dim]note: I had read your words as: {escape(planned)}[/dim]")

    def refresh_preview(self) -> None:
        preview = self.query_one("#preview", Preview)
        before = self._before_version()
        if before is None:
            self.compare = "off"
        if self.compare == "before":
            picture = _open_for_preview(self.session.version_path(before))
            caption = f"BEFORE: v{before:03d} (v{self.session.head:03d} was made from it)"
        elif self.compare == "side":
            picture = side_by_side([_open_for_preview(self.session.version_path(before)),
                                    _open_for_preview(self.session.version_path())])
            caption = f"left BEFORE v{before:03d} · right AFTER v{self.session.head:03d}"
        elif self.variations:
            picture = side_by_side([_open_for_preview(path) for path in self.variations])
            caption = f"v{self.session.head:03d} · {len(self.variations)} variations"
        else:
            picture = _open_for_preview(self.session.version_path())
            mask = getattr(self.agent, "mask", None) if self.show_mask else None
            if mask is not None:
                picture = with_mask(picture, _fit_mask(mask, picture.size))
            caption = f"v{self.session.head:03d} · {picture.width}×{picture.height}"
        preview.show(picture, caption)

    def refresh_status(self) -> None:
        if self.agent is not None:
            backends = self.agent.executor.backends
            finder = self.finder_label if self.finder_warm else f"{backends.finder_name} (loading…)"
            models = (f"planner {self.agent.planner.name} · finder {finder} · "
                      f"inpainter {backends.inpainter_name}")
        else:
            models = "starting…"
        count = len(self.session.state.versions)
        device = f" · {self.device}" if self.device else ""
        self.query_one("#status", Static).update(
            f" {models}{device} · version {self.session.head} of {count - 1}")


def _open_for_preview(path: Path) -> Image.Image:
    """Read a version for display: upright, at most PREVIEW_MAX_SIDE (the terminal is smaller), RGB
    with what is transparent over a checkerboard (`preview.flattened`)."""
    with Image.open(path) as opened:
        image = ImageOps.exif_transpose(opened) or opened
        clear = image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in image.info
        image = image.convert("RGBA" if clear else "RGB")
    image.thumbnail((PREVIEW_MAX_SIDE, PREVIEW_MAX_SIDE))
    return flattened(image)


def _fit_mask(mask: Any, size: tuple[int, int]) -> Any:
    """The selection scaled like the preview (it was thumbnailed) — None if it belongs elsewhere."""
    import numpy as np

    height, width = mask.shape
    if (width, height) == size:
        return mask
    if abs(width / height - size[0] / size[1]) > 0.02:
        return None
    return np.asarray(Image.fromarray(mask).resize(size, Image.Resampling.BILINEAR))


def _warm_finder(agent: Any) -> str:
    """Load the finder now, in the background: one look at a small grey picture imports MediaPipe
    and builds its models (~2 s), which the first "remove the person" would otherwise wait for.
    Returns the finder's name. A finder that can't load is left alone — the request that needs it
    says why."""
    backends = agent.executor.backends
    try:
        finder = backends.finder()
        finder.find(Image.new("RGB", (WARM_PICTURE_SIDE,) * 2, (128, 128, 128)), "person")
    except Exception:  # noqa: BLE001 - reported by the request that needs the finder
        return f"{backends.finder_name} (not loaded)"
    return str(getattr(finder, "name", backends.finder_name))


def _device_name() -> str:
    """The compute device, for the status bar (torch may be slow to import: called in a worker)."""
    try:
        from retouch.tools.models.device import pick_device

        return pick_device()
    except Exception:
        return "cpu"


_SLASH: dict[str, Callable[[RetouchChat, str], None]] = {
    "undo": RetouchChat.slash_undo, "redo": RetouchChat.slash_redo, "revert": RetouchChat.slash_revert,
    "pick": RetouchChat.slash_pick, "mask": RetouchChat.slash_mask, "compare": RetouchChat.slash_compare,
    "save": RetouchChat.slash_save,
    "open": RetouchChat.slash_open, "versions": RetouchChat.slash_versions,
    "settings": RetouchChat.slash_settings, "models": RetouchChat.slash_models,
    "help": RetouchChat.slash_help, "quit": RetouchChat.slash_quit, "exit": RetouchChat.slash_quit,
}


def terminal_attached(fd: int | None = None) -> bool:
    """Whether the chat's input is still a terminal: after a hangup its descriptor stays open but is no tty."""
    try:
        if fd is None:
            if sys.__stdin__ is None:
                return False
            fd = sys.__stdin__.fileno()
        return os.isatty(fd)
    except (OSError, ValueError):
        return False
