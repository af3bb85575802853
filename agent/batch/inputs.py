"""From the command line's files, folders and globs to a list of jobs with collision-free names.

A name is the file's stem made safe for a folder name. Two inputs whose names would collide
(`a/x.jpg` and `b/x.jpg`, or `x.jpg` and `x.png`, whose results would both be `x.png`) each get a
short hash of their full path appended, so neither overwrites the other and the same command
always gives the same names — which is what lets a rerun find its finished images.
"""

from __future__ import annotations

import glob
import hashlib
import os
import re
from collections import defaultdict
from pathlib import Path

from retouch.agent.batch.spec import Job
from retouch.tools.errors import RetouchError
from retouch.tools.imageio import WRITABLE_FORMATS

IMAGE_SUFFIXES = frozenset(WRITABLE_FORMATS)
"""What a folder or a glob contributes: the formats Retouch reads and writes."""
_UNSAFE = re.compile(r"[^\w-]+")
_NAME_LENGTH = 80


def expand_inputs(arguments: list[str], *, exclude: Path | None = None) -> list[Path]:
    """Every image the arguments name, in argument order (folders recursively, sorted), each once.

    A file named explicitly is taken whatever its extension (if it is not an image, that image
    fails and the rest go on); folders and globs contribute image files only, skipping hidden
    ones. Anything under `exclude` (the output folder) is left out, so OUTDIR can sit among the
    inputs without the batch eating its own results.
    """
    found: list[Path] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            found.extend(_walk(path))
        elif path.is_file():
            found.append(path)
        elif glob.has_magic(argument):
            matches = sorted(glob.glob(argument, recursive=True))
            images = [image for match in matches
                      for image in (_walk(Path(match)) if Path(match).is_dir() else [Path(match)])
                      if image.suffix.lower() in IMAGE_SUFFIXES]
            if not images:
                raise RetouchError(f"{argument!r} matches no images",
                                   f"Check the pattern; images are {', '.join(sorted(IMAGE_SUFFIXES))}.")
            found.extend(images)
        else:
            raise RetouchError(f"{argument} does not exist",
                               "Check the path; quote a glob so the shell leaves it to retouch, "
                               "e.g. 'photos/**/*.jpg'.")
    excluded = exclude.resolve() if exclude is not None else None
    unique: dict[Path, Path] = {}
    for path in found:
        resolved = path.resolve()
        if excluded is not None and resolved.is_relative_to(excluded):
            continue
        unique.setdefault(resolved, path)
    if not unique:
        raise RetouchError("no images to edit", "Name image files, folders of images, or globs such as 'photos/*.jpg'.")
    return list(unique.values())


def _walk(folder: Path) -> list[Path]:
    images = []
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        images.extend(Path(root) / name for name in sorted(files)
                      if not name.startswith(".") and Path(name).suffix.lower() in IMAGE_SUFFIXES)
    return images


def name_jobs(paths: list[Path]) -> list[Job]:
    """One job per image; names unique even where folders on a case-insensitive disk would clash."""
    bases = [safe_name(path.stem) for path in paths]
    groups: dict[str, int] = defaultdict(int)
    for base in bases:
        groups[base.casefold()] += 1
    jobs = []
    for path, base in zip(paths, bases):
        resolved = str(path.resolve())
        name = base
        if groups[base.casefold()] > 1:
            name = f"{base}-{hashlib.sha256(resolved.encode('utf-8', 'surrogateescape')).hexdigest()[:8]}"
        jobs.append(Job(name=name, image=resolved))
    return jobs


def safe_name(stem: str) -> str:
    """Letters (any script), digits, `_` and `-` only: no dots, separators or control characters."""
    return _UNSAFE.sub("-", stem).strip("-")[:_NAME_LENGTH] or "image"
