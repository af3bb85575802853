"""One registry for every backend role, built-ins included.

A backend is registered by role and name with a factory that imports its heavy libraries only
when called. `load` caches instances for the life of the process, so a model loads once however
many edits use it. Names come from the CLI (`--inpainter diffusers`) or the config file.
"""

from __future__ import annotations

import threading
from typing import Any, Callable

from retouch.tools.errors import RetouchError

Factory = Callable[..., Any]

ROLES = ("planner", "finder", "inpainter")
_factories: dict[str, dict[str, Factory]] = {role: {} for role in ROLES}
_descriptions: dict[tuple[str, str], str] = {}
_instances: dict[tuple[str, str, tuple[tuple[str, Any], ...]], Any] = {}
_lock = threading.Lock()


def register(role: str, name: str, factory: Factory, description: str = "") -> None:
    if role not in _factories:
        raise ValueError(f"unknown role {role!r}")
    _factories[role][name] = factory
    _descriptions[(role, name)] = description


def names(role: str) -> list[str]:
    _ensure_builtins()
    return sorted(_factories[role])


def describe(role: str, name: str) -> str:
    _ensure_builtins()
    return _descriptions.get((role, name), "")


def load(role: str, name: str, **options: Any) -> Any:
    """The backend instance for (role, name, options); created on first use, then reused."""
    _ensure_builtins()
    factories = _factories[role]
    if name not in factories:
        known = ", ".join(sorted(factories)) or "none"
        raise RetouchError(f"there is no {role} called {name!r}", f"Choose one of: {known}.")
    key = (role, name, tuple(sorted((k, _hashable(v)) for k, v in options.items())))
    with _lock:
        if key not in _instances:
            _instances[key] = factories[name](**options)
        return _instances[key]


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


_builtins_loaded = False


def _ensure_builtins() -> None:
    """Register the built-in backends on first use (cheap: factories import lazily)."""
    global _builtins_loaded
    if _builtins_loaded:
        return
    _builtins_loaded = True
    from retouch.agent import builtin_backends

    builtin_backends.register_all()
