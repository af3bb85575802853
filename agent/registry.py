"""One registry for every backend role — built-ins and third-party plugins alike.

A plugin is a module with a `register_backends(register)` function. It calls
`register(role, name, factory, description)` for each backend it offers; a factory imports its
heavy libraries only when called. The built-ins are such a module (`retouch.agent.builtin_backends`)
and are loaded first; other packages announce theirs through the `retouch.backends` entry-point
group (the way simonw/llm loads plugins), so a separate package can add, say, an ONNX inpainter
without touching Retouch's files:

    [project.entry-points."retouch.backends"]
    onnx = "retouch_onnx"        # a module with register_backends(register)

The registry never imports a plugin by name at import time, so plugins may import from here
without a cycle. `load` caches instances for the life of the process, so a model loads once
however many edits use it. Names come from the CLI (`--inpainter diffusers`) or the config file.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from importlib import import_module, metadata
from typing import Any, Callable

from retouch.tools.errors import RetouchError

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


@dataclass(frozen=True)
class PluginFailure:
    plugin: str
    error: str


_backends: dict[tuple[str, str], Backend] = {}
_failures: list[PluginFailure] = []
_instances: dict[tuple[str, str, tuple[tuple[str, Any], ...]], Any] = {}
_lock = threading.RLock()
_plugins_loaded = False


def register(role: str, name: str, factory: Factory, description: str = "", *, plugin: str = "builtin") -> None:
    """Add a backend. A later plugin may not silently replace an earlier one's name."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; roles are {', '.join(ROLES)}")
    existing = _backends.get((role, name))
    if existing is not None and existing.plugin != plugin:
        raise ValueError(f"the {role} {name!r} is already registered by {existing.plugin}")
    _backends[(role, name)] = Backend(role, name, factory, description, plugin)


def names(role: str) -> list[str]:
    _ensure_plugins()
    return sorted(name for (r, name) in _backends if r == role)


def backends(role: str) -> list[Backend]:
    _ensure_plugins()
    return [_backends[(role, name)] for name in names(role)]


def describe(role: str, name: str) -> str:
    _ensure_plugins()
    backend = _backends.get((role, name))
    return backend.description if backend else ""


def failures() -> list[PluginFailure]:
    """Plugins that could not be loaded; shown by `retouch plugins` and named in load errors."""
    _ensure_plugins()
    return list(_failures)


def load(role: str, name: str, **options: Any) -> Any:
    """The backend instance for (role, name, options); created on first use, then reused."""
    _ensure_plugins()
    backend = _backends.get((role, name))
    if backend is None:
        known = ", ".join(names(role)) or "none"
        hint = f"Choose one of: {known}."
        if _failures:
            hint += " Some plugins failed to load: " + "; ".join(
                f"{failure.plugin} ({failure.error})" for failure in _failures) + "."
        raise RetouchError(f"there is no {role} called {name!r}", hint)
    key = (role, name, tuple(sorted((k, _hashable(v)) for k, v in options.items())))
    with _lock:
        if key not in _instances:
            _instances[key] = backend.factory(**options)
        return _instances[key]


def _hashable(value: Any) -> Any:
    if isinstance(value, dict):
        return tuple(sorted((k, _hashable(v)) for k, v in value.items()))
    return tuple(_hashable(v) for v in value) if isinstance(value, (list, tuple)) else value


def _ensure_plugins() -> None:
    """Register the built-ins, then every `retouch.backends` entry point, once per process."""
    global _plugins_loaded
    if _plugins_loaded:
        return
    with _lock:
        if _plugins_loaded:
            return
        for module_name in BUILTIN_PLUGINS:
            _register_module(import_module(module_name), "builtin")
        for entry_point in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            _load_entry_point(entry_point)
        _plugins_loaded = True


def _load_entry_point(entry_point: metadata.EntryPoint) -> None:
    """A broken plugin is reported, never fatal: the built-ins and other plugins keep working."""
    try:
        _register_module(entry_point.load(), entry_point.name)
    except Exception as exc:  # a third party's import or registration error, whatever it is
        _failures.append(PluginFailure(entry_point.name, f"{type(exc).__name__}: {exc}".strip()[:200]))


def _register_module(module: Any, plugin: str) -> None:
    hook = getattr(module, "register_backends", None)
    if not callable(hook):
        raise TypeError(f"{getattr(module, '__name__', module)!s} has no register_backends(register) function")

    def register_from_plugin(role: str, name: str, factory: Factory, description: str = "") -> None:
        register(role, name, factory, description, plugin=plugin)

    hook(register_from_plugin)


def reload() -> None:
    """Forget every backend, instance and failure; the next call loads the plugins afresh (after
    installing a plugin into a running process, and in tests)."""
    global _plugins_loaded
    with _lock:
        _backends.clear()
        _failures.clear()
        _instances.clear()
        _plugins_loaded = False
