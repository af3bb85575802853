"""Retouch: edit images with words — as a library.

    import retouch

    editor = retouch.open("photo.jpg")                 # a new session of versions; photo.jpg is never modified
    result = editor.edit("remove the person on the left")
    print(result.reply, result.path)                   # "Removing the person on the left." …/v001.png
    editor.edit("make it 16:9")
    editor.undo()
    editor.save("out.png")

    retouch.plan("extend the canvas 256 px to the right")   # the Plan, without touching an image
    retouch.mask("photo.jpg", "the person on the left").save("mask.png")   # .mask: uint8, 255 = selected
    retouch.loaded_models(); retouch.drop_models()     # the models this process holds; let them go

Mistakes raise `retouch.RetouchError` (a message and a hint) and write nothing. The names below are
loaded on first use, so `import retouch` stays cheap (no numpy, torch or model is imported by it).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["open", "plan", "mask", "loaded_models", "drop_models", "Editor", "EditResult", "VersionInfo",
           "MaskResult", "Plan", "RetouchError", "AmbiguousTarget", "NotSeen", "Workspace", "__version__"]

_EXPORTS = {
    "open": ("retouch.agent.editor", "open_editor"),
    "plan": ("retouch.agent.editor", "plan_words"),
    "mask": ("retouch.agent.editor", "mask_image"),
    "loaded_models": ("retouch.agent.editor", "loaded_models"),
    "drop_models": ("retouch.agent.editor", "drop_models"),
    "Editor": ("retouch.agent.editor", "Editor"),
    "EditResult": ("retouch.agent.editor", "EditResult"),
    "VersionInfo": ("retouch.agent.editor", "VersionInfo"),
    "MaskResult": ("retouch.agent.selection", "MaskResult"),
    "Plan": ("retouch.agent.plan", "Plan"),
    "RetouchError": ("retouch.tools.errors", "RetouchError"),
    "AmbiguousTarget": ("retouch.tools.errors", "AmbiguousTarget"),
    "NotSeen": ("retouch.tools.errors", "NotSeen"),
    "Workspace": ("retouch.agent.workspace", "Workspace"),
}

if TYPE_CHECKING:
    from retouch.agent.editor import EditResult, Editor, VersionInfo, drop_models, loaded_models
    from retouch.agent.editor import mask_image as mask
    from retouch.agent.editor import open_editor as open
    from retouch.agent.editor import plan_words as plan
    from retouch.agent.plan import Plan
    from retouch.agent.selection import MaskResult
    from retouch.agent.workspace import Workspace
    from retouch.tools.errors import AmbiguousTarget, NotSeen, RetouchError


def __getattr__(name: str) -> Any:
    try:
        module, attribute = _EXPORTS[name]
    except KeyError:
        raise AttributeError(f"module 'retouch' has no attribute {name!r}") from None
    value = getattr(import_module(module), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
