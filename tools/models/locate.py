"""Finding a model's folder on this machine, without ever touching the network.

A name is either a local directory (used as it is) or a hub id (`owner/name`) looked up in the
local Hugging Face cache only (`local_files_only=True`, whatever HF_HUB_OFFLINE says). Downloads
happen in exactly one place, `retouch models pull NAME`, which this module's errors point to.
"""

from __future__ import annotations

import logging
import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from retouch.tools.errors import ModelMissing, RetouchError


def _looks_like_path(name: str) -> bool:
    return name.startswith(("/", ".", "~")) or "\\" in name or name.count("/") != 1


def find_model(id_or_dir: str) -> Path | None:
    """The folder for a local directory or a cached hub id; None when it is not on this machine."""
    name = str(id_or_dir).strip()
    if not name:
        return None
    path = Path(name).expanduser()
    if path.exists():
        return path
    if _looks_like_path(name):
        return None
    if not (hub_cache() / ("models--" + name.replace("/", "--"))).is_dir():
        return None  # not cached: known without importing huggingface_hub (~0.5 s of CPU)
    try:
        from huggingface_hub import snapshot_download
        from huggingface_hub.errors import HFValidationError, LocalEntryNotFoundError
    except ImportError:  # pragma: no cover - huggingface_hub ships with transformers
        return None
    try:
        folder = Path(snapshot_download(name, local_files_only=True))
    except (LocalEntryNotFoundError, HFValidationError, FileNotFoundError, OSError, ValueError):
        return None
    return folder if any(folder.iterdir()) else None


def hub_cache() -> Path:
    """The Hugging Face hub cache folder. huggingface_hub's own setting once it is imported (tests
    and `models pull` change it there); before that, the same environment rules it reads
    (HF_HUB_CACHE, HUGGINGFACE_HUB_CACHE, HF_HOME, XDG_CACHE_HOME), so asking "is this model here?"
    at start-up does not import it."""
    constants = sys.modules.get("huggingface_hub.constants")
    if constants is not None:
        return Path(constants.HF_HUB_CACHE)
    home = os.path.expandvars(os.path.expanduser(os.getenv(
        "HF_HOME", os.path.join(os.getenv("XDG_CACHE_HOME", os.path.join(os.path.expanduser("~"), ".cache")),
                                "huggingface"))))
    legacy = os.getenv("HUGGINGFACE_HUB_CACHE", os.path.join(home, "hub"))
    return Path(os.path.expandvars(os.path.expanduser(os.getenv("HF_HUB_CACHE", legacy))))


def locate_model(id_or_dir: str, kind: str) -> Path:
    """The folder holding `id_or_dir`; `ModelMissing` (naming the pull command) when it isn't here.

    `kind` names the role for the message ("detector", "segmenter", "inpainter", …).
    """
    name = str(id_or_dir).strip()
    if not name:
        raise RetouchError(f"no {kind} model was named", "Give a hub id (owner/name) or a model folder.")
    found = find_model(name)
    if found is not None:
        return found
    if _looks_like_path(name):
        raise ModelMissing(f"there is no {kind} model folder {name}",
                           "Give an existing folder, or a hub id (owner/name) you have pulled.")
    raise ModelMissing(f"the {kind} model {name!r} is not on this machine",
                       f"Download it once with: retouch models pull {name}")


@contextmanager
def quiet_loading() -> Iterator[None]:
    """Silence transformers' and huggingface_hub's logs and progress bars while a model loads:
    inside Retouch nothing prints, and a failure becomes one RetouchError at the edge."""
    loggers = [logging.getLogger(name) for name in ("transformers", "huggingface_hub")]
    levels = [logger.level for logger in loggers]
    try:
        import transformers

        bars_were_on = transformers.utils.logging.is_progress_bar_enabled()
        transformers.utils.logging.disable_progress_bar()
        verbosity = transformers.utils.logging.get_verbosity()
        transformers.utils.logging.set_verbosity_error()
    except ImportError:  # pragma: no cover
        transformers = None  # type: ignore[assignment]
    for logger in loggers:
        logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels):
            logger.setLevel(level)
        if transformers is not None:
            transformers.utils.logging.set_verbosity(verbosity)
            if bars_were_on:
                transformers.utils.logging.enable_progress_bar()
