"""One registry for every backend role — built-ins and third-party plugins alike.

A plugin is a module with a `register_backends(register)` function. It calls
`register(role, name, factory, description, capabilities=…)` for each backend it offers; a
factory imports its heavy libraries only when called, and the capabilities say what the backend
is (`tools.capabilities`: its device, its options, for an inpainter its fills and whether it
outpaints or excludes sources), so the rest of Retouch asks instead of comparing names. The
built-ins are such a module (`retouch.agent.builtin_backends`) and are loaded first; other
packages announce theirs through the `retouch.backends` entry-point group (the way simonw/llm
loads plugins), so a separate package can add, say, an ONNX inpainter without touching
Retouch's files:

    [project.entry-points."retouch.backends"]
    onnx = "retouch_onnx"        # a module with register_backends(register)

The registry never imports a plugin by name at import time, so plugins may import from here
without a cycle. `load` keeps backend instances in the process's model cache
(`tools.models.cache.MODELS`), so a model loads once however many edits use it. Names come from
the CLI (`--inpainter diffusers`) or the config file.

The module-level functions are the process's registry; a `Registry()` of one's own starts empty
and loads the plugins afresh (what a test that installs a plugin mid-process uses).
"""

from __future__ import annotations

import contextlib
import sys
import threading
from dataclasses import dataclass, field
from importlib import import_module, metadata
from typing import Any, Callable

from retouch.tools.capabilities import ROLE_CAPABILITIES, Capabilities, InpainterCapabilities
from retouch.tools.errors import RetouchError
from retouch.tools.models.cache import MODELS, ModelCache

Factory = Callable[..., Any]
Register = Callable[..., None]

ROLES = ("planner", "finder", "inpainter")
ENTRY_POINT_GROUP = "retouch.backends"
BUILTIN_PLUGINS = ("retouch.agent.builtin_backends",)
"""Modules registered before any entry point: Retouch's own backends, loaded the same way."""


@dataclass(frozen=True)
class Backend:
    role: str
    name: str
    factory: Factory
    description: str
    plugin: str
    """Where it came from: "builtin" or the entry point's name."""
    capabilities: Capabilities = field(default_factory=Capabilities)
    """What it declared it is (`tools.capabilities`); the role's defaults when it declared nothing."""


@dataclass(frozen=True)
class PluginFailure:
    plugin: str
    error: str


class Registry:
    def __init__(self, *, cache: ModelCache | None = None) -> None:
        self._backends: dict[tuple[str, str], Backend] = {}
        self._failures: list[PluginFailure] = []
        self._cache = cache if cache is not None else ModelCache()
        self._lock = threading.RLock()
        self._plugins_loaded = False

    def register(self, role: str, name: str, factory: Factory, description: str = "", *,
                 capabilities: Capabilities | None = None, plugin: str = "builtin") -> None:
        """Add a backend. A later plugin may not silently replace an earlier one's name."""
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r}; roles are {', '.join(ROLES)}")
        expected = ROLE_CAPABILITIES[role]
        if capabilities is None:
            capabilities = expected()
        elif not isinstance(capabilities, expected):
            raise TypeError(f"the {role} {name!r} declares {type(capabilities).__name__}; a {role} declares "
                            f"{expected.__name__}")
        existing = self._backends.get((role, name))
        if existing is not None and existing.plugin != plugin:
            raise ValueError(f"the {role} {name!r} is already registered by {existing.plugin}")
        self._backends[(role, name)] = Backend(role, name, factory, description, plugin, capabilities)

    def names(self, role: str) -> list[str]:
        self._ensure_plugins()
        return sorted(name for (r, name) in self._backends if r == role)

    def backends(self, role: str) -> list[Backend]:
        self._ensure_plugins()
        return [self._backends[(role, name)] for name in self.names(role)]

    def describe(self, role: str, name: str) -> str:
        self._ensure_plugins()
        backend = self._backends.get((role, name))
        return backend.description if backend else ""

    def capabilities(self, role: str, name: str) -> Any:
        """What the backend `name` declared it is; an unknown name is the same error as `load`'s."""
        return self._backend(role, name).capabilities

    def fills(self) -> list[str]:
        """Every fill mode an inpainter offers, each once, in registration order (built-ins first)."""
        self._ensure_plugins()
        found: dict[str, None] = {}
        for (role, _), backend in self._backends.items():
            if role == "inpainter" and isinstance(backend.capabilities, InpainterCapabilities):
                found.update(dict.fromkeys(backend.capabilities.fills))
        return list(found)

    def failures(self) -> list[PluginFailure]:
        """Plugins that could not be loaded; shown by `retouch plugins` and named in load errors."""
        self._ensure_plugins()
        return list(self._failures)

    def load(self, role: str, name: str, **options: Any) -> Any:
        """The backend instance for (role, name, options); created on first use, then reused.

        A third party's backend comes wrapped (`PluginBackend`), so when it fails the error names
        the plugin instead of reading as Retouch's own internal error."""
        backend = self._backend(role, name)
        key = (name, backend.plugin, tuple(sorted((k, _hashable(v)) for k, v in options.items())))

        def make() -> Any:
            if backend.plugin == "builtin":
                return backend.factory(**options)
            return PluginBackend(backend, guarded(backend, "could not be loaded", backend.factory, **options))

        return self._cache.get(f"{role} backend", key, make, name=name, size=lambda _: 0)

    def _backend(self, role: str, name: str) -> Backend:
        self._ensure_plugins()
        backend = self._backends.get((role, name))
        if backend is None:
            known = ", ".join(self.names(role)) or "none"
            hint = f"Choose one of: {known}."
            if self._failures:
                hint += " Some plugins failed to load: " + "; ".join(
                    f"{failure.plugin} ({failure.error})" for failure in self._failures) + "."
            raise RetouchError(f"there is no {role} called {name!r}", hint)
        return backend

    def _ensure_plugins(self) -> None:
        """Register the built-ins, then every `retouch.backends` entry point, once per registry."""
        if self._plugins_loaded:
            return
        with self._lock:
            if self._plugins_loaded:
                return
            for module_name in BUILTIN_PLUGINS:
                self._register_module(import_module(module_name), "builtin")
            for entry_point in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
                self._load_entry_point(entry_point)
            self._plugins_loaded = True

    def _load_entry_point(self, entry_point: metadata.EntryPoint) -> None:
        """A broken plugin is reported, never fatal: the built-ins and other plugins keep working —
        also when its import calls sys.exit or raises KeyboardInterrupt, which would otherwise stop
        every command. What it prints goes to stderr: stdout may be a protocol (`retouch mcp`)."""
        try:
            with contextlib.redirect_stdout(sys.stderr):
                self._register_module(entry_point.load(), entry_point.name)
        except BaseException as exc:  # noqa: BLE001 - a third party's import or registration, whatever it does
            self._failures.append(PluginFailure(entry_point.name, f"{type(exc).__name__}: {exc}".strip()[:200]))

    def _register_module(self, module: Any, plugin: str) -> None:
        hook = getattr(module, "register_backends", None)
        if not callable(hook):
            raise TypeError(f"{getattr(module, '__name__', module)!s} has no register_backends(register) function")

        def register_from_plugin(role: str, name: str, factory: Factory, description: str = "", *,
                                 capabilities: Capabilities | None = None) -> None:
            self.register(role, name, factory, description, capabilities=capabilities, plugin=plugin)

        hook(register_from_plugin)


class PluginFailed(RetouchError):
    """A third party's backend raised: the message names the backend and its plugin."""


def guarded(backend: Backend, doing: str, call: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """`call(*args, **kwargs)` for a plugin's backend; anything it raises that is not a user's
    mistake or a cancel (`RetouchError`, `Cancelled`, Ctrl-C) becomes one `PluginFailed` line
    naming the plugin — including a `sys.exit`, which must not end Retouch."""
    from retouch.tools.errors import Cancelled

    try:
        return call(*args, **kwargs)
    except (RetouchError, Cancelled, KeyboardInterrupt, MemoryError):
        raise
    except BaseException as exc:  # noqa: BLE001 - third-party code, whatever it raises
        detail = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
        raise PluginFailed(f"the {backend.role} {backend.name!r} from the plugin {backend.plugin!r} {doing} ({detail})",
                           f"That is the plugin's fault, not Retouch's: report it to its authors, or choose "
                           f"another {backend.role} (retouch plugins lists them).") from exc


class PluginBackend:
    """A third party's backend instance as Retouch holds it: attributes read through, methods
    called through `guarded`. (Capabilities are asked of the registration, never of this.)"""

    def __init__(self, backend: Backend, instance: Any) -> None:
        self._backend = backend
        self._instance = instance

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._instance, name)
        if not callable(value) or isinstance(value, type):
            return value

        def method(*args: Any, **kwargs: Any) -> Any:
            return guarded(self._backend, "failed", value, *args, **kwargs)

        return method

    def __repr__(self) -> str:
        return f"<{self._backend.role} {self._backend.name!r} from plugin {self._backend.plugin!r}>"


def _hashable(value: Any) -> Any:
    if isinstance(value, dict):
        return tuple(sorted((k, _hashable(v)) for k, v in value.items()))
    return tuple(_hashable(v) for v in value) if isinstance(value, (list, tuple)) else value


_process = Registry(cache=MODELS)
"""The process's registry: its backend instances live in the process's model cache."""

register = _process.register
names = _process.names
backends = _process.backends
describe = _process.describe
capabilities = _process.capabilities
fills = _process.fills
failures = _process.failures
load = _process.load
