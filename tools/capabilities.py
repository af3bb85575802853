"""What a backend is, declared when it registers — so the rest of Retouch asks instead of
comparing names (the way simonw/llm asks a model `needs_key` or `can_stream`).

`retouch batch` reads `device` to decide between one worker per core and one per GPU; the
executor reads an inpainter's `outpaints` to decide whether new canvas is handed to it or
continued by Retouch's own texture continuation, `excludes_sources` to decide whether it gets
the mask of what must not be copied, and `fills` to check a plan's fill before any work; the
settings policy picks the task's fill only among `fills`. `retouch plugins` shows all of it.

Declared at registration, not found on a loaded object: the batch driver sizes its pool before
any worker loads a model. Only the standard library is imported here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from retouch.tools.settings import FILL_NAME

Device = Literal["cpu", "gpu-preferred"]
DEVICES: tuple[Device, ...] = ("cpu", "gpu-preferred")


@dataclass(frozen=True)
class Capabilities:
    """What any backend declares."""

    device: Device = "gpu-preferred"
    """`cpu`: runs on the CPU only (batch: one worker per core). `gpu-preferred`: uses a GPU when
    there is one (batch: one worker per GPU, else one worker with every core — a model is loaded
    once per worker). Left out, a backend is taken to be the heavy kind."""
    options: tuple[str, ...] = ()
    """Its settings: the keys its `[backends.NAME]` table in the config file may hold."""

    def __post_init__(self) -> None:
        if self.device not in DEVICES:
            raise ValueError(f"device must be one of {', '.join(DEVICES)}, not {self.device!r}")
        object.__setattr__(self, "options", _names(self.options, "options"))


@dataclass(frozen=True)
class InpainterCapabilities(Capabilities):
    """What an inpainter declares besides its device and options."""

    fills: tuple[str, ...] = ()
    """The fill modes it offers (`InpaintRequest.fill`), its default first; empty: it takes no fill
    setting (the built-in backend fills by content-aware fill whatever the setting says)."""
    outpaints: bool = False
    """It paints outpaint stages itself (a generating model), given each stage's crop with the new
    strip masked. False: Retouch grows the canvas with its own texture continuation, as it does for
    the built-in backend."""
    excludes_sources: bool = False
    """It honours `InpaintRequest.exclude`: never copies from the pixels marked there (the other
    people the finder saw). Only a backend that says so gets the mask."""

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(self, "fills", _names(self.fills, "fills"))
        for fill in self.fills:
            if not re.match(FILL_NAME, fill):
                raise ValueError(f"a fill's name is lower-case letters, digits and _, not {fill!r}")
        if len(set(self.fills)) != len(self.fills):
            raise ValueError("each fill may be named once")

    def default_fill(self, preferred: str | None) -> str | None:
        """`preferred` (a task's fill in the policy table) when this backend offers it, else its own
        first fill. A backend that takes no fill gets `preferred` as it is: recorded, not used."""
        if not self.fills:
            return preferred
        return preferred if preferred in self.fills else self.fills[0]


def _names(values: object, what: str) -> tuple[str, ...]:
    if isinstance(values, str) or not all(isinstance(value, str) for value in values):  # type: ignore[attr-defined]
        raise TypeError(f"{what} is a tuple of names, e.g. ('telea',), not {values!r}")
    return tuple(values)  # type: ignore[arg-type]


ROLE_CAPABILITIES: dict[str, type[Capabilities]] = {
    "planner": Capabilities, "finder": Capabilities, "inpainter": InpainterCapabilities}
"""Which declaration each role takes."""
