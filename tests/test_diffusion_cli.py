"""`retouch edit … --inpainter diffusers --model DIR` end to end on a tiny random model, the
offline error as one line, variations as OUT-1 … OUT-N, and cancellation that writes nothing."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from tests.support import DATA, pixels

pytestmark = pytest.mark.usefixtures("one_torch_thread")


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "photo.png"
    Image.open(DATA / "overture-creations-5sI6fQgYIuo.png").convert("RGB").resize((133, 101)).save(path)
    return path


@pytest.fixture
def mask_file(tmp_path: Path) -> Path:
    path = tmp_path / "mask.png"
    mask = Image.new("L", (133, 101), 0)
    mask.paste(255, (50, 30, 90, 70))
    mask.save(path)
    return path


def _session(err: str) -> Path:
    line = next(line for line in err.splitlines() if line.startswith("session: "))
    return Path(line.removeprefix("session: "))


def _last_edit(session: Path) -> dict:
    entries = [json.loads(line) for line in (session / "journal.jsonl").read_text().splitlines()]
    return [entry for entry in entries if entry.get("calls")][-1]


def test_remove_a_box_with_a_diffusion_clean_up(run_cli, tiny_sd, photo, tmp_path) -> None:
    out = tmp_path / "out.png"
    code, _, err = run_cli("edit", photo, "remove the box (10, 10, 40, 40)", "--inpainter", "diffusers",
                           "--model", tiny_sd, "--steps", "2", "--seed", "5", "--device", "cpu", "-o", out)
    assert code == 0, err
    before, after = pixels(photo), pixels(out)
    assert after.shape == before.shape
    far = np.ones(before.shape[:2], bool)
    far[:75, :75] = False  # the box, grown and feathered by the policy, stays well inside this
    assert np.array_equal(after[far], before[far])
    assert not np.array_equal(after[10:40, 10:40], before[10:40, 10:40])
    backend = _last_edit(_session(err))["calls"][-1]["backend"]
    assert backend["backend"] == "diffusers" and backend["seeds"] == [5]
    assert backend["passes"] == ["content_aware_fill", "diffusion_cleanup"] and backend["strength"] == 0.35
    assert "box" not in backend["prompt"] and backend["crop_box"] and backend["model"] == str(tiny_sd)


def test_flags_reach_the_model_and_variations_are_written(run_cli, tiny_sd, photo, mask_file, tmp_path) -> None:
    out = tmp_path / "ball.png"
    code, _, err = run_cli("edit", photo, "replace the selection with a red ball", "--mask", mask_file,
                           "--model", tiny_sd, "--steps", "3", "--strength", "0.7", "--fill", "latent_nothing",
                           "--guidance", "4", "--padding", "12", "--mask-blur", "3", "--variations", "2",
                           "--seed", "9", "--soft", "-o", out)
    assert code == 0, err
    first, second = tmp_path / "ball-1.png", tmp_path / "ball-2.png"
    assert first.exists() and second.exists() and not out.exists()
    assert not np.array_equal(pixels(first), pixels(second))
    backend = _last_edit(_session(err))["calls"][-1]["backend"]
    assert backend["seeds"] == [9, 10] and backend["steps"] == 3 and backend["strength"] == 0.7
    assert backend["fill"] == "latent_nothing" and backend["guidance"] == 4.0 and backend["soft"] is True
    x0, y0, x1, y1 = backend["crop_box"]
    assert x0 <= 50 - 12 and y0 <= 30 - 12 and x1 >= 90 + 12 and y1 >= 70 + 12
    # the policy grew the mask for a replacement, so the square crop would be taller than the photo:
    # it takes the photo's full height and stays as square as it can
    assert (x1 - x0 == y1 - y0) or (y0, y1) == (0, 101)
    assert 0 <= x0 and x1 <= 133


def test_a_missing_model_is_one_line_and_writes_nothing(run_cli, photo, mask_file, tmp_path) -> None:
    out = tmp_path / "out.png"
    code, stdout, err = run_cli("edit", photo, "remove this", "--mask", mask_file, "--inpainter", "diffusers",
                                "--model", "retouch-tests/no-such-model", "-o", out)
    assert code == 1 and stdout == ""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert err.startswith("retouch: error:") and "retouch models pull" in err
    assert not out.exists()


def test_cancelling_mid_run_leaves_the_session_as_it_was(tiny_sd, photo, mask_file, tmp_path) -> None:
    from retouch.agent.agent import Agent
    from retouch.agent.executor import Backends
    from retouch.agent.session import Session
    from retouch.tools.errors import Cancelled
    from retouch.tools.imageio import load_mask

    session = Session.create(tmp_path / "session", photo)
    agent = Agent(session, backends=Backends(inpainter_name="diffusers",
                                             options={"diffusers": {"model": str(tiny_sd), "device": "cpu"}}))
    agent.set_mask(load_mask(mask_file, (133, 101)))
    cancel = threading.Event()

    def progress(done: int, total: int, what: str) -> None:
        if done >= 1:
            cancel.set()

    journal = (session.root / "journal.jsonl").read_text()
    with pytest.raises(Cancelled):
        agent.handle("replace the selection with a red ball", progress=progress, cancel=cancel, seed=1)
    assert session.head == 0 and len(session.state.versions) == 1
    assert (session.root / "journal.jsonl").read_text() == journal
    assert sorted(path.name for path in session.root.glob("v*.png")) == ["v000.png"]
