"""Every setting of the generating tools, declared once: its type, range, default and description.

The inpaint and outpaint settings live here, in `tools/` (the lowest layer), because the request
a backend receives is made of them. Everything else is derived from these two classes:

- `tools.inpaint.InpaintRequest` is `InpaintSettings` plus the task, the exclusion mask and
  extras — what a backend receives, every value resolved;
- the plan's `InpaintArgs` / `OutpaintArgs` (`agent.plan`) take each setting with the same type
  and bounds, unset (None) until the settings policy fills it — text (a prompt) starts empty;
- the config file's `[inpaint]` / `[outpaint]` keys are the plan's fields (`agent.config`);
- the command line's flags are the settings that name a `flag` (`tui.commands.inpaint_options`);
- the settings policy (`agent.policy`) fills an unset setting from its task's row, else from
  the default declared here.

So a new setting is one field here (plus its value in the policy rows, if it differs by task).
Only the standard library is imported: the command line builds its flags from this module.
"""

from __future__ import annotations

import dataclasses
import functools
import typing
from dataclasses import dataclass, field
from typing import Any, Literal

Flaw = Literal["red_eye"]
"""For task 'fix': a flaw classical image processing corrects with no model, named by the plan ('red_eye': pupils
a flash turned red). Any other fix redraws, which needs a generating backend."""
BackgroundStyle = Literal["generate", "blur", "white", "black", "transparent", "darker", "lighter", "gray"]
EnhancePart = Literal["white_balance", "exposure", "contrast", "local_contrast", "vibrance", "denoise", "sharpen",
                      "dehaze", "even_skin", "straighten"]
"""What the enhance tool can measure and correct (`tools.enhance`). 'even_skin' evens the colour of a selection
(the skin: blotches, redness, sallow patches) and needs one; like 'straighten' it runs only when named."""
Felt = Literal["too_dark", "too_bright", "too_warm", "too_cool", "too_green", "too_magenta"]
"""The user's own reading of the photo ("it's too dark", "it came out orange"): the enhance tool never moves the
exposure or the colour against it, and moves them its way a little where they measure fine
(`tools.enhance.pipeline`). The first two are of the exposure, the others of the colour cast."""
OPPOSITE_FELT = {"too_dark": "too_bright", "too_warm": "too_cool", "too_green": "too_magenta"}
"""Readings that can't both hold: each pair once."""
EXPOSURE_FELT = ("too_dark", "too_bright")
"""The readings of the exposure (the enhance's exposure part); the others are of the colour (white_balance)."""
FILL_NAME = r"^[a-z][a-z0-9_]{0,39}$"
"""What a fill mode's name looks like; which fills exist is up to the inpainters (their
capabilities), so a plugin can add one."""
MAX_SEED = 2**32 - 1
"""Seeds are 32-bit: what every backend (NumPy, PatchMatch, torch) takes without wrapping."""


def check_seed(seed: object, where: str = "seed") -> int:
    """`seed` as an int from 0 to `MAX_SEED`, or one `RetouchError` line: a seed outside that range
    would be wrapped by a backend (4294967296 runs as 0) while the journal records the original."""
    from retouch.tools.errors import RetouchError

    if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed <= MAX_SEED:
        shown = repr(seed) if not isinstance(seed, int) else str(seed)
        raise RetouchError(f"{where} {shown[:40]} is not a seed: a seed is a whole number from 0 to {MAX_SEED}",
                           "Pick one in that range, e.g. 42.")
    return seed


@dataclass(frozen=True)
class About:
    """What a declaration says about a setting besides its type and default."""

    description: str
    low: float | None = None
    """Lowest value allowed (inclusive)."""
    high: float | None = None
    """Highest value allowed (inclusive)."""
    max_length: int | None = None
    pattern: str | None = None
    flag: str | None = None
    """The command-line flag (`--steps`); None: no flag of its own (words, or a shared flag)."""
    metavar: str | None = None
    policy: bool = True
    """Left unset in a plan, the settings policy fills it (per task, else the default here)."""


def setting(default: Any, description: str, **about: Any) -> Any:
    """A declared setting: a dataclass field whose metadata carries its `About`."""
    return field(default=default, metadata={"about": About(description, **about)})


def about(item: dataclasses.Field) -> About:
    return item.metadata["about"]


@functools.cache
def declared(settings: type) -> list[tuple[dataclasses.Field, Any, About]]:
    """Every setting of a declaration class, in order: its field, its (resolved) type, its `About`."""
    hints = typing.get_type_hints(settings)
    return [(item, hints[item.name], about(item)) for item in dataclasses.fields(settings) if "about" in item.metadata]


def values_of(source: Any, settings: type) -> dict[str, Any]:
    """The value of every declared setting on `source` (a plan's arguments, say), by name."""
    return {item.name: getattr(source, item.name) for item, _, _ in declared(settings)}


@dataclass
class InpaintSettings:
    """The settings of an inpaint. Defaults are what a direct caller of a backend gets; in an edit
    the settings policy gives each task its own values for some of them (`agent.policy`)."""

    prompt: str = setting("", "What to paint into the area (for a removal: what is behind the object).",
                          max_length=2000, policy=False)
    negative_prompt: str = setting("", "What the model should avoid.", max_length=2000, policy=False,
                                   flag="--negative-prompt", metavar="TEXT")
    strength: float = setting(1.0, "How much the masked area may change, 0–1.", low=0, high=1,
                              flag="--strength", metavar="S")
    fill: str = setting("latent_noise", "What the masked area starts from: one of the inpainter's own fill modes.",
                        max_length=40, pattern=FILL_NAME, flag="--fill", metavar="NAME")
    full_resolution: bool = setting(True, "Paint a crop around the mask at the model's full size.",
                                    flag="--full-res")
    padding: int = setting(32, "Context around the mask in that crop, in px.", low=0, high=4096,
                           flag="--padding", metavar="PX")
    mask_blur: int = setting(8, "Soft edge of a hard mask, in px.", low=0, high=256, flag="--mask-blur", metavar="PX")
    steps: int = setting(30, "Denoising steps.", low=1, high=500, flag="--steps", metavar="N")
    guidance: float = setting(7.5, "Prompt guidance scale.", low=0, high=50, flag="--guidance", metavar="G")
    seed: int = setting(0, "Seed of the first result (the next variations take seed + 1, …); unset in a plan: a "
                           "new random seed.", low=0, high=MAX_SEED, policy=False)
    variations: int = setting(1, "How many results, with seeds seed, seed + 1, … (files OUT-1.png … OUT-N.png).",
                              low=1, high=16, flag="--variations", metavar="N")
    cleanup_strength: float = setting(0.0, "Second, low-strength diffusion pass after a removal's fill "
                                           "(0 = the fill only).", low=0, high=1,
                                      flag="--cleanup-strength", metavar="S")
    background: BackgroundStyle | None = setting(None, "For task 'background': what to put behind the subject.",
                                                 policy=False)
    color: str | None = setting(None, "For task 'recolor': the new colour.", max_length=100, policy=False)
    color_share: float | None = setting(None, "For task 'recolor': how far towards the new colour, 0–1 ('redder' "
                                              "0.5, 'a bit redder' 0.3); unset: all the way.", low=0, high=1,
                                        policy=False)


@dataclass
class OutpaintSettings:
    """The settings of an outpaint (where and how much the canvas grows is the request itself)."""

    prompt: str = setting("", "The whole scene, for a generating backend.", max_length=2000, policy=False)
    step: int = setting(192, "The most new canvas one stage adds, in px.", low=16, high=1024)
    overlap: int = setting(96, "How much of what exists each stage sees, in px.", low=0, high=1024)
    seed: int = setting(0, "Seed of the first stage (each later stage gets its own); unset in a plan: a new "
                           "random seed.", low=0, high=MAX_SEED, policy=False)


INPAINT_DEFAULTS = InpaintSettings()
OUTPAINT_DEFAULTS = OutpaintSettings()
