"""User configuration: a small TOML file whose every key is also a command-line flag.

Where settings come from, strongest first:

1. a command-line flag (`--steps 40`) — forced onto every call it applies to;
2. the words ("strength 0.4", "subtly") — set by the planner;
3. the config file's `[inpaint]` / `[outpaint]` tables — the user's standing preferences;
4. the settings policy (`agent.policy`) — the per-task defaults.

The file lives at `$RETOUCH_CONFIG`, else `<user config dir>/retouch/config.toml`::

    planner = "rules"          # rules | llm | auto
    finder = "auto"            # auto | embedded | grounded-sam | none
    inpainter = "builtin"      # builtin | diffusers
    pick = "largest"           # when "the person" matches several: largest | all | first (default: ask)

    [inpaint]                  # any inpaint setting (declared in tools/settings.py)
    steps = 25
    guidance = 6.0

    [outpaint]                 # any OutpaintArgs field (its settings: tools/settings.py)
    step = 128

    [backends.diffusers]       # options passed to that backend's factory
    model = "stable-diffusion-v1-5/stable-diffusion-inpainting"
    device = "auto"
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from retouch.agent.plan import InpaintArgs, OutpaintArgs, Plan
from retouch.tools.errors import RetouchError, file_error

MAX_CONFIG_BYTES = 256 << 10
_TOOL_ARGS = {"inpaint": InpaintArgs, "outpaint": OutpaintArgs}


@dataclass
class Settings:
    """Standing defaults (config file) and forced overrides (flags) for tool arguments."""

    defaults: dict[str, dict[str, Any]] = field(default_factory=dict)
    overrides: dict[str, dict[str, Any]] = field(default_factory=dict)

    def apply(self, plan: Plan) -> Plan:
        """Return a copy of `plan` with overrides forced and defaults filled where still unset."""
        copy = plan.model_copy(deep=True)
        for call in copy.calls:
            for name, value in self.overrides.get(call.tool, {}).items():
                setattr(call.args, name, value)
            for name, value in self.defaults.get(call.tool, {}).items():
                if getattr(call.args, name, None) is None:
                    setattr(call.args, name, value)
        return copy


@dataclass
class Config:
    planner: str = "rules"
    finder: str = "auto"
    inpainter: str = "builtin"
    settings: Settings = field(default_factory=Settings)
    backend_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    path: Path | None = None


def config_path() -> Path:
    explicit = os.environ.get("RETOUCH_CONFIG")
    if explicit:
        return Path(explicit)
    from platformdirs import user_config_dir

    return Path(user_config_dir("retouch", appauthor=False)) / "config.toml"


def load_config(path: Path | None = None) -> Config:
    """Read the config file if there is one; a mistake in it is one clear line naming the key.

    The default file may be absent (the built-in settings apply), but one named on purpose by
    `$RETOUCH_CONFIG` must exist: a typo there would otherwise edit with other settings than the
    user chose, without a word. (`RETOUCH_CONFIG=/dev/null` means "no file".)"""
    named_by_environment = path is None and bool(os.environ.get("RETOUCH_CONFIG"))
    path = path or config_path()
    if not path.exists():
        if named_by_environment:
            raise RetouchError(f"RETOUCH_CONFIG names {path}, which does not exist",
                               "Create it, fix the name, or unset RETOUCH_CONFIG to use the built-in settings.")
        return Config()
    try:
        if path.stat().st_size > MAX_CONFIG_BYTES:
            raise RetouchError(f"the config file {path} is larger than {MAX_CONFIG_BYTES >> 10} KB",
                               "It is a short settings file: fix or delete it.")
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise file_error(exc, path, "read the config file") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise RetouchError(f"the config file {path} is not valid TOML ({first})", "Fix or delete it.") from None
    config = Config(path=path)
    for key in ("planner", "finder", "inpainter"):
        if key in data:
            if not isinstance(data[key], str):
                raise RetouchError(f"{path}: {key} must be a name in quotes", f'For example: {key} = "rules"')
            setattr(config, key, data[key])
    for tool, model in _TOOL_ARGS.items():
        table = data.get(tool, {})
        config.settings.defaults[tool] = validate_tool_settings(tool, table, source=str(path))
    if "pick" in data:
        pick = validate_pick(data["pick"], source=str(path))
        config.settings.defaults["select"] = {"pick": pick}
        config.settings.defaults["inpaint"].setdefault("leftovers", LEFTOVERS_FOR_PICK[pick])
    backends = data.get("backends", {})
    if not isinstance(backends, dict):
        raise RetouchError(f"{path}: [backends] must be a table", "For example: [backends.diffusers]")
    for name, options in backends.items():
        if not isinstance(options, dict):
            raise RetouchError(f"{path}: backends.{name} must be a table of options",
                               f"For example: [backends.{name}] on its own line, then name = value lines.")
    config.backend_options = {name: dict(options) for name, options in backends.items()}
    unknown = set(data) - {"planner", "finder", "inpainter", "pick", "inpaint", "outpaint", "backends"}
    if unknown:
        raise RetouchError(f"{path}: unknown setting {sorted(unknown)[0]!r}",
                           "Known: planner, finder, inpainter, pick, [inpaint], [outpaint], [backends.NAME].")
    return config


LEFTOVERS_FOR_PICK = {"all": "all", "largest": "sure", "first": "sure"}
"""A pick policy also answers a removal's "I also see its shadow — remove that too?": 'all' takes
every such part, the others only the ones it is sure of (`inpaint.leftovers`)."""


def validate_pick(value: Any, source: str = "settings") -> str:
    """The pick policy for a request that names one thing when several match; a typo fails loudly."""
    from retouch.tools.ambiguity import PICK_POLICIES

    if value not in PICK_POLICIES:
        shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:39] + "…"
        raise RetouchError(f"{source}: pick = {shown} is not a pick policy",
                           f"Use one of: {', '.join(PICK_POLICIES)} (or leave it out to be asked).")
    return str(value)


def validate_tool_settings(tool: str, values: dict[str, Any], source: str = "settings") -> dict[str, Any]:
    """Check setting names and values against the tool's schema, so a typo fails loudly."""
    model = _TOOL_ARGS[tool]
    if not isinstance(values, dict):
        raise RetouchError(f"{source}: [{tool}] must be a table")
    for name, value in values.items():
        if name not in model.model_fields or name in ("task",):
            known = ", ".join(sorted(n for n in model.model_fields if n != "task"))
            raise RetouchError(f"{source}: [{tool}] has no setting {name!r}", f"Known: {known}.")
        try:
            # Validate one field at a time against the model's own constraints.
            model.__pydantic_validator__.validate_assignment(model.model_construct(), name, value)
        except ValidationError as exc:  # reduced to what is wrong, without pydantic's type codes
            detail = exc.errors()[0]["msg"].removeprefix("Value error, ")
            raise RetouchError(f"{source}: [{tool}] {name} = {value!r} is not allowed ({detail})") from None
    return dict(values)
