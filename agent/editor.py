"""The public face of Retouch as a library: `retouch.open(path).edit("remove the person")`.

`retouch/__init__.py` exports `open_editor` as `retouch.open`, `plan_words` as `retouch.plan` and
`agent.selection.find_mask` as `retouch.mask`.

Everything that edits — the CLI, the chat, the MCP server, `retouch batch`'s workers and a Python
program — builds its agent with `agent.builder.build_agent`, so backends, config file and settings
are chosen the same way everywhere, and the same words with the same seed give the same pixels.
`Editor` wraps that agent with a small, stable surface: results are plain dataclasses with paths,
never internal journal records. The MCP server and the batch workers use only this surface.
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
    from retouch.agent.workspace import Workspace
    from retouch.tools.models.cache import LoadedModel

PathLike = str | Path


def start_session(image: PathLike | None = None, session: PathLike | None = None, *,
                  workspace: "Workspace | None" = None) -> tuple["Session", "Image.Image | None"]:
    """The session folder `session` (continued, or started there from `image`), or a new one under
    the user data dir — and the input decoded when the session stands at it (a new session, or one
    still at v000). The image is read first, so a bad file fails before a folder exists, and that
    decode is the one the first edit needs, so it is handed on (`build_agent(current_image=…)`)
    rather than done twice (0.5 s at 4096²). With a `workspace`, the image and the session folder
    must lie inside it (checked before either is touched)."""
    from retouch.agent.session import Session, new_session_dir
    from retouch.tools.imageio import load_image

    if workspace is not None:
        if image is not None:
            workspace.inside(image, "the image")
        if session is not None:
            workspace.session_folder(session)
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

    def apply(self, plan: Plan | dict[str, Any] | str, *, seed: int | None = None, words: str = "(plan)",
              base_dir: PathLike | None = None, progress: Callable[[int, int, str], None] | None = None,
              cancel: threading.Event | None = None) -> EditResult:
        """Run a plan (a `Plan`, its JSON text or dict, as `retouch.plan` returns) without planning.

        `words` is what the session's history shows for it; a relative mask file in the plan is read
        from `base_dir` (default: the current folder)."""
        from retouch.agent.plan import parse_plan, validate_plan

        if isinstance(plan, str):
            plan = parse_plan(plan, source="plan")
        elif isinstance(plan, dict):
            plan = validate_plan(plan, "plan")
        outcome = self.agent.apply(plan, words=words, seed=seed, progress=progress, cancel=cancel,
                                   base_dir=Path(base_dir).expanduser() if base_dir is not None else None)
        return _result(outcome, self.agent)

    def use_mask(self, mask: PathLike) -> None:
        """Make a mask file (white = selected) the current selection."""
        from retouch.tools.imageio import load_mask

        if self.agent.workspace is not None:
            self.agent.workspace.inside(mask, "the mask")
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
                finder: str | None = None, inpainter: str | None = None, config: "Config | None" = None,
                workspace: "Workspace | None" = None) -> Editor:
    """Start editing `image`, or continue the session folder `session`.

    With only `image`, a new session folder is made under the user data dir (see `Editor.session`);
    with both, the session is continued if it exists for that image, else started there. The input
    file is never modified. Backends default to `config`'s (a `retouch.agent.config.Config`; by
    default the config file's), else rules / auto / builtin. With a `workspace`
    (`retouch.Workspace`), every path — the image, the session, masks, saves, files a plan or the
    words name — must lie inside its roots (what `retouch mcp` serves under)."""
    from retouch.agent.builder import build_agent

    opened, decoded = start_session(image, session, workspace=workspace)
    return Editor(build_agent(opened, planner=planner, finder=finder, inpainter=inpainter, config=config,
                              current_image=decoded, workspace=workspace))


def plan_words(words: str, *, image_size: tuple[int, int] | None = None, planner: str | None = None) -> Plan:
    """The plan the words become, without touching any image (what `retouch plan --json` prints)."""
    from retouch.agent.builder import build_planner
    from retouch.agent.planner.base import PlanningContext

    return build_planner(planner).plan(words, PlanningContext(image_size=image_size))


def loaded_models() -> list["LoadedModel"]:
    """The models this process holds (kind, name, bytes of weights, last use), most recent first:
    every one loads once and stays for the next edit until `drop_models`."""
    from retouch.tools.models.cache import MODELS

    return MODELS.loaded()


def drop_models(kind: str | None = None) -> int:
    """Let every loaded model go (or those of one `kind`, as `loaded_models` names it) and return
    the bytes of weights they held; the next edit that needs one loads it again."""
    from retouch.tools.models.cache import MODELS

    return MODELS.drop(kind)


def mask_image(image: PathLike, words: str, *, finder: str | None = None,
               planner: str | None = None, workspace: "Workspace | None" = None) -> "MaskResult":
    """Find what `words` describe in `image` ("the dog", "the person on the left", "the top third")
    — exactly the mask an edit with those words would use. Nothing is written. With a `workspace`,
    the image must lie inside it."""
    from retouch.agent.selection import find_mask
    from retouch.tools.imageio import load_image

    if workspace is not None:
        workspace.inside(image, "the image")
    return find_mask(load_image(Path(image).expanduser()), words, finder=finder, planner=planner)
