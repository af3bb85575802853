"""Heavy libraries load only when a request needs them.

Each probe runs a real `retouch …` in a fresh interpreter and prints which heavy modules ended up in
`sys.modules`: a region edit needs numpy, PIL, pydantic and OpenCV, never torch, MediaPipe, SciPy or
the Hugging Face hub; finding a person needs MediaPipe's solutions, never the rest of MediaPipe
(its Tasks API, matplotlib). Assertions are on modules, never on time: time is measured by
benchmarks/scaling.py and `python -X importtime`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from tests.support import DATA, pixels

HEAVY = ("torch", "diffusers", "transformers", "huggingface_hub", "httpx", "mediapipe", "matplotlib", "scipy",
         "skimage", "textual", "mediapipe.tasks")


def _modules_after(code: str, env: dict[str, str]) -> dict:
    """Run `code` in a fresh interpreter; it fills `result` (a dict); this adds which HEAVY modules loaded."""
    probe = ("import sys, json\nresult = {}\n" + code +
             f"\nresult['loaded'] = sorted(m for m in {HEAVY!r} if m in sys.modules)\n"
             "print(json.dumps(result))\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """No config file and an empty Hugging Face cache, so "auto" means the embedded finder here."""
    (tmp_path / "empty-hub").mkdir()
    return {**os.environ, "RETOUCH_CONFIG": os.devnull,
            "HF_HUB_CACHE": str(tmp_path / "empty-hub"), "HF_HOME": str(tmp_path / "hf-home")}


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "photo.png"
    Image.open(DATA / "image.png").convert("RGB").resize((512, 512), Image.Resampling.BICUBIC).save(path)
    return path


def _edit(photo: Path, words: str, folder: Path) -> str:
    return ("import contextlib, io\nfrom retouch.tui.cli import main\n"
            "with contextlib.redirect_stderr(io.StringIO()):\n"
            f"    result['code'] = main(['edit', {str(photo)!r}, {words!r}, '--seed', '0',\n"
            f"                           '--session', {str(folder / 'session')!r}, '-o', {str(folder / 'out.png')!r}])\n")


def test_a_region_edit_imports_nothing_heavy(photo: Path, tmp_path: Path, env: dict[str, str]) -> None:
    result = _modules_after(_edit(photo, "remove the box (20, 20, 100, 100)", tmp_path), env)
    assert result["code"] == 0
    assert result["loaded"] == [], f"a region edit loaded {result['loaded']}"
    before, after = pixels(photo), pixels(tmp_path / "out.png")
    assert not np.array_equal(before[20:100, 20:100], after[20:100, 20:100]), "the box was edited"
    assert np.array_equal(before[200:, 200:], after[200:, 200:]), "far from the box nothing moved"


def test_finding_a_person_imports_only_mediapipe_solutions(photo: Path, tmp_path: Path,
                                                           env: dict[str, str]) -> None:
    result = _modules_after(_edit(photo, "remove the person", tmp_path), env)
    assert result["code"] == 0
    assert result["loaded"] == ["mediapipe"], f"finding a person loaded {result['loaded']}"
    before, after = pixels(photo), pixels(tmp_path / "out.png")
    assert np.abs(before[200:400, 220:300].astype(int) - after[200:400, 220:300]).mean() > 20, "she was removed"


def test_mediapipe_is_whole_for_code_that_imports_it_later(env: dict[str, str]) -> None:
    code = ("from retouch.tools.finders.mediapipe_models import model\n"
            "model('selfie')\n"
            "result['before'] = sorted(m for m in ('matplotlib', 'mediapipe.tasks') if m in sys.modules)\n"
            "import mediapipe as mp\n"
            "result['version'] = mp.__version__\n"
            "result['image'] = mp.Image.__name__\n"
            "result['selfie'] = mp.solutions.selfie_segmentation.SelfieSegmentation.__name__\n"
            "from mediapipe.python.solutions import drawing_utils\n"
            "result['drawing'] = drawing_utils.__name__\n"
            "result['tasks'] = mp.tasks.vision.__name__\n")
    result = _modules_after(code, env)
    assert result["before"] == []
    assert result["version"] and result["image"] == "Image" and result["selfie"] == "SelfieSegmentation"
    assert result["drawing"] == "mediapipe.python.solutions.drawing_utils"
    assert result["tasks"] == "mediapipe.tasks.python.vision"
    assert "matplotlib" in result["loaded"], "the whole package ran its __init__ when asked for it"


def test_the_embedded_models_still_see_a_person() -> None:
    from retouch.tools.finders.mediapipe_models import model

    selfie, lock = model("selfie")
    with lock:
        found = selfie.process(pixels(DATA / "image.png"))
    person = found.segmentation_mask > 0.5
    truth = np.asarray(Image.open(DATA / "mask.png").convert("L")) > 127
    assert (person & truth).sum() / (person | truth).sum() > 0.6


@pytest.mark.parametrize("variable", ["HF_HUB_CACHE", "HUGGINGFACE_HUB_CACHE", "HF_HOME", "XDG_CACHE_HOME"])
def test_the_hub_cache_is_where_huggingface_hub_looks(variable: str, tmp_path: Path) -> None:
    """`find_model` decides "not cached" without importing huggingface_hub, by its own rules."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("HF_HUB_CACHE", "HUGGINGFACE_HUB_CACHE", "HF_HOME", "XDG_CACHE_HOME")}
    env[variable] = str(tmp_path / "cache-here")
    code = ("import warnings\nwarnings.simplefilter('ignore')\n"
            "from retouch.tools.models.locate import find_model, hub_cache\n"
            "result['ours'] = str(hub_cache())\n"
            "result['missing'] = find_model('retouch-tests/not-here')\n"
            "result['loaded_before'] = 'huggingface_hub' in sys.modules\n"
            "from huggingface_hub import constants\n"
            "result['theirs'] = constants.HF_HUB_CACHE\n")
    result = _modules_after(code, env)
    assert result["ours"] == result["theirs"] and result["ours"].startswith(str(tmp_path))
    assert result["missing"] is None and result["loaded_before"] is False
