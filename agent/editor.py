"""The public face of Retouch as a library: `retouch.open(path).edit("remove the person")`.

`retouch/__init__.py` exports `open_editor` as `retouch.open`, `plan_words` as `retouch.plan` and
`agent.selection.find_mask` as `retouch.mask`.

Everything that edits — the CLI, the chat, the MCP server and a Python program — builds its agent
with `build_agent`, so backends, config file and settings are chosen the same way everywhere, and
the same words with the same seed give the same pixels. `Editor` wraps that agent with a small,
stable surface: results are plain dataclasses with paths, never internal journal records.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from retouch.agent.plan import Plan
from retouch.tools.errors import RetouchError

if TYPE_CHECKING:
    from PIL import Image

    from retouch.agent.agent import Agent, StepOutcome
    from retouch.agent.config import Config
    from retouch.agent.selection import MaskResult
    from retouch.agent.session import Session

PathLike = str | Path


def build_agent(session: "Session", *, planner: str | None = None, finder: str | None = None,
                inpainter: str | None = None, config: "Config | None" = None,
                overwrite_saves: bool = False, on_wait: Callable[[str], None] | None = None,
                current_image: "Image.Image | None" = None) -> "Agent":
    """An agent on `session` with the named backends — else the config file's, else the defaults.
    `current_image`: the current version, already decoded (see `start_session`)."""
    from retouch.agent import registry
    from retouch.agent.agent import Agent
    from retouch.agent.config import load_config
    from retouch.agent.executor import Backends

    config = config or load_config()
    backends = Backends(finder_name=finder or config.finder, inpainter_name=inpainter or config.inpainter,
                        options=config.backend_options)
    planner_name = planner or config.planner
    chosen_planner = registry.load("planner", planner_name, **config.backend_options.get(planner_name, {}))
    return Agent(session, planner=chosen_planner, backends=backends, settings=config.settings,
                 overwrite_saves=overwrite_saves, on_wait=on_wait, current_image=current_image)


def start_session(image: PathLike | None = None,
                  session: PathLike | None = None) -> tuple["Session", "Image.Image | None"]:
    """The session folder `session` (continued, or started there from `image`), or a new one under
    the user data dir — and the input decoded when the session stands at it (a new session, or one
    still at v000). The image is read first, so a bad file fails before a folder exists, and that
    decode is the one the first edit needs, so it is handed on (`build_agent(current_image=…)`)
    rather than done twice (0.5 s at 4096²)."""
    from retouch.agent.session import Session, new_session_dir
    from retouch.tools.imageio import load_image

    image_path = Path(image).expanduser() if image is not None else None
    decoded = load_image(image_path) if image_path is not None else None
    if session is not None:
        opened = Session.open_or_create(Path(session).expanduser(), image_path)
    elif image_path is None:
        raise RetouchError("no image given", "Give an image, or a session folder to continue.")
    else:
        opened = Session.create(new_session_dir(image_path), image_path)
    return opened, decoded if opened.head == 0 else None


@dataclass(frozen=True)
class EditResult:
    """What one request did."""

    path: Path
    """The current version's file after the request (a new version when `changed`)."""
    version: int
    changed: bool
    """Whether a new version was made (a question, a refusal or a selection makes none)."""
    plan: Plan
    """The plan the words became, as the planner wrote it (settings resolved in the journal)."""
    reply: str
    notes: list[str] = field(default_factory=list)
    variations: list[Path] = field(default_factory=list)
    """Every variation's file, the kept one first, when more than one was asked for."""
    saved: list[Path] = field(default_factory=list)
    """Files written because the words asked for it ("… and save it as out.png")."""
    selected: bool = False
    """The request changed the selection (e.g. "select the dog")."""


@dataclass(frozen=True)
class VersionInfo:
    number: int
    path: Path
    words: str
    """The request that made it ("" for the original)."""
    parent: int | None
    current: bool


class Editor:
    """One image and its session of versions. Make one with `retouch.open`."""

    def __init__(self, agent: "Agent") -> None:
        self.agent = agent

    def __repr__(self) -> str:
        return f"<retouch.Editor {self.session} at v{self.version:03d}>"

    @property
    def session(self) -> Path:
        """The session folder: v000 (the original, untouched), v001 …, masks/, journal.jsonl."""
        return self.agent.session.root

    @property
    def version(self) -> int:
        return self.agent.session.head

    @property
    def path(self) -> Path:
        """The current version's file."""
        return self.agent.session.version_path()

    def image(self) -> "Image.Image":
        """The current version, decoded (RGB or RGBA): a copy of your own to change as you like."""
        return self.agent.current_image().copy()

    def edit(self, words: str, *, mask: PathLike | None = None, seed: int | None = None,
             progress: Callable[[int, int, str], None] | None = None,
             cancel: threading.Event | None = None) -> EditResult:
        """Do what the words ask: "remove the person on the left", "make it 16:9", "undo".

        `mask` (white = edit) becomes the selection first, for "remove this". A request that can't be
        done as asked comes back as a reply with `changed=False`; a mistake raises `RetouchError`
        and writes nothing. When the words name one thing and several match, it raises
        `AmbiguousTarget` with `.question` and `.choices`; reply with `answer`."""
        if mask is not None:
            self.use_mask(mask)
        return _result(self.agent.handle(words, seed=seed, progress=progress, cancel=cancel), self.agent)

    def answer(self, text: str) -> EditResult:
        """Answer the question the last `edit` raised as `retouch.AmbiguousTarget` ("I see 2
        people — the left one, the right one, or both?"): "the left one", "both", "never mind"."""
        return _result(self.agent.answer(text), self.agent)

    def apply(self, plan: Plan | dict[str, Any] | str, *, seed: int | None = None) -> EditResult:
        """Run a plan (a `Plan`, its JSON text or dict, as `retouch.plan` returns) without planning."""
        from retouch.agent.plan import parse_plan, validate_plan

        if isinstance(plan, str):
            plan = parse_plan(plan, source="plan")
        elif isinstance(plan, dict):
            plan = validate_plan(plan, "plan")
        return _result(self.agent.apply(plan, words="(plan)", seed=seed), self.agent)

    def use_mask(self, mask: PathLike) -> None:
        """Make a mask file (white = selected) the current selection."""
        from retouch.tools.imageio import load_mask

        self.agent.set_mask(load_mask(Path(mask).expanduser(), self.image().size))

    def undo(self, steps: int = 1) -> Path:
        self.agent.undo(steps)
        return self.path

    def redo(self, steps: int = 1) -> Path:
        self.agent.redo(steps)
        return self.path

    def revert(self, version: int = 0) -> Path:
        self.agent.revert(version)
        return self.path

    def versions(self) -> list[VersionInfo]:
        head = self.version
        return [VersionInfo(v.number, v.path, v.words, v.parent, v.number == head)
                for v in self.agent.session.versions()]

    def save(self, path: PathLike, *, overwrite: bool = False) -> Path:
        """Write the current version to `path` (format from the extension); the session keeps its own."""
        return self.agent.save(Path(path).expanduser(), overwrite=overwrite)


def _result(outcome: "StepOutcome", agent: "Agent") -> EditResult:
    return EditResult(path=agent.session.version_path(), version=outcome.version, changed=outcome.changed,
                      plan=outcome.plan, reply=outcome.reply, notes=list(outcome.notes),
                      variations=list(outcome.variation_paths) if len(outcome.variation_paths) > 1 else [],
                      saved=list(outcome.saved), selected=outcome.selected)


def open_editor(image: PathLike | None = None, session: PathLike | None = None, *, planner: str | None = None,
                finder: str | None = None, inpainter: str | None = None) -> Editor:
    """Start editing `image`, or continue the session folder `session`.

    With only `image`, a new session folder is made under the user data dir (see `Editor.session`);
    with both, the session is continued if it exists for that image, else started there. The input
    file is never modified. Backends default to the config file's, else rules / auto / builtin."""
    opened, decoded = start_session(image, session)
    return Editor(build_agent(opened, planner=planner, finder=finder, inpainter=inpainter, current_image=decoded))


def plan_words(words: str, *, image_size: tuple[int, int] | None = None, planner: str | None = None) -> Plan:
    """The plan the words become, without touching any image (what `retouch plan --json` prints)."""
    from retouch.agent import registry
    from retouch.agent.config import load_config
    from retouch.agent.planner.base import PlanningContext

    config = load_config()
    name = planner or config.planner
    chosen = registry.load("planner", name, **config.backend_options.get(name, {}))
    return chosen.plan(words, PlanningContext(image_size=image_size))


def mask_image(image: PathLike, words: str, *, finder: str | None = None,
               planner: str | None = None) -> "MaskResult":
    """Find what `words` describe in `image` ("the dog", "the person on the left", "the top third")
    — exactly the mask an edit with those words would use. Nothing is written."""
    from retouch.agent.selection import find_mask
    from retouch.tools.imageio import load_image

    return find_mask(load_image(Path(image).expanduser()), words, finder=finder, planner=planner)
