"""Shared fixtures: real photos from tests/data, and the CLI run in-process."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from tests.support import DATA

@pytest.fixture(autouse=True)
def _isolated_data_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Sessions made without --session must never land in the developer's real data dir."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg-data")))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


@pytest.fixture
def data_home() -> Path:
    """Where sessions made without --session land (the temp dir `_isolated_data_home` points XDG_DATA_HOME at)."""
    return Path(os.environ["XDG_DATA_HOME"])


@pytest.fixture
def person_photo() -> Path:
    """A person in front of a fence (256×256 RGBA) with a hand-drawn mask: see data/README.md."""
    return DATA / "image.png"


@pytest.fixture
def person_mask() -> Path:
    return DATA / "mask.png"


@pytest.fixture
def dog_photo() -> Path:
    return DATA / "overture-creations-5sI6fQgYIuo.png"


@pytest.fixture
def dog_mask() -> Path:
    return DATA / "overture-creations-5sI6fQgYIuo_mask.png"


@pytest.fixture(scope="session")
def embedded_finder():
    """The embedded finder (MediaPipe's shipped models, the sky and the hair and skin without weights), made once
    for every test that finds on real photos: it holds no state a test changes, and its models load once."""
    from retouch.tools.finders.embedded import EmbeddedFinder

    return EmbeddedFinder()


@pytest.fixture(scope="session")
def astronaut() -> Image.Image:
    """scikit-image's astronaut (a NASA portrait, public domain): a face about 110 px wide, an orange suit.
    Shared: a test makes changed copies (resize, paste into another picture), never changes it."""
    from skimage import data

    return Image.fromarray(data.astronaut())


@pytest.fixture(scope="session")
def hopper() -> Image.Image:
    """tests/data/grace_hopper.jpg (a US Navy portrait, public domain): glasses, a cap, mouth shut."""
    return Image.open(DATA / "grace_hopper.jpg").convert("RGB")


@pytest.fixture(scope="session")
def night() -> Image.Image:
    """tests/data/image.png: a woman by a fence at night, her face about 20 px wide."""
    return Image.open(DATA / "image.png").convert("RGB")


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]):
    """Run `retouch ARGS…` in this process; returns (exit code, stdout, stderr)."""
    from retouch.tui.cli import main

    def run(*argv: str | os.PathLike[str]) -> tuple[int, str, str]:
        code = main([str(part) for part in argv])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run



@pytest.fixture(scope="module")
def one_torch_thread():
    """Tiny models on a busy 2-core machine: one thread is far faster than several fighting."""
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


@pytest.fixture(scope="session")
def tiny_sd(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny random SD-1.5-style inpainting pipeline saved to disk, built once per test run."""
    from testkit.tiny_models.diffusion import build_tiny_sd

    return build_tiny_sd(tmp_path_factory.getbasetemp() / "diffusion-models" / "sd")
