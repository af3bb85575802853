"""`retouch mask` and `retouch models` from the command line, with the embedded finder."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from tests.support import DATA, two_people


@pytest.fixture
def pair(tmp_path: Path) -> Path:
    return two_people(tmp_path)


@pytest.fixture
def truth() -> np.ndarray:
    return np.asarray(Image.open(DATA / "mask.png").convert("L")) > 127


@pytest.fixture(autouse=True)
def _no_local_weights(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever this machine's Hugging Face cache holds, these tests see an empty one and no config file."""
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path_factory.mktemp("empty-hub")))
    monkeypatch.setenv("RETOUCH_CONFIG", os.devnull)


def test_mask_writes_the_mask_and_the_overlay(run_cli, pair, truth, tmp_path) -> None:
    out, look = tmp_path / "left.png", tmp_path / "look.png"
    code, stdout, err = run_cli("mask", pair, "the person on the left", "-o", out, "--overlay", look)
    assert code == 0, err
    assert f"wrote {out}" in err and "1 of 2 people" in err
    with Image.open(out) as written:
        assert written.mode == "L" and written.size == (512, 256)
        mask = np.asarray(written)
    assert set(np.unique(mask)) == {0, 255}
    selected = mask > 127
    assert not selected[:, 256:].any()
    assert (selected[:, :256] & truth).sum() / (selected[:, :256] | truth).sum() >= 0.75
    photo = np.asarray(Image.open(pair).convert("RGB")).astype(int)
    with Image.open(look) as overlay:
        tinted = np.asarray(overlay.convert("RGB")).astype(int)
    assert tinted.shape == photo.shape
    assert np.array_equal(tinted[~selected], photo[~selected]), "outside the mask the photo is untouched"
    assert (np.abs(tinted - photo).sum(axis=2)[selected] > 0).mean() > 0.95, "inside it is tinted"


def test_json_lists_the_plan_and_what_was_chosen(run_cli, pair, tmp_path) -> None:
    code, stdout, err = run_cli("mask", pair, "select all the faces", "-o", tmp_path / "faces.png", "--json")
    assert code == 0, err
    record = json.loads(stdout)
    step = record["steps"][0]
    assert step["tool"] == "select" and step["args"]["target"] == "face" and step["args"]["all"]
    assert step["selection"]["finder"] == "embedded" and len(step["selection"]["chosen"]) == 2
    assert 0 < record["coverage"] < 0.03


def test_nothing_found_is_one_line_naming_what_was_seen(run_cli, pair, tmp_path) -> None:
    out = tmp_path / "giraffe.png"
    code, stdout, err = run_cli("mask", pair, "the giraffe", "-o", out, "--overlay", tmp_path / "look.png")
    assert code == 1 and stdout == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("retouch: error: I couldn't find the giraffe. I can see: person (2), face (2), hand (4).")
    assert not out.exists() and not (tmp_path / "look.png").exists()


def test_too_few_is_an_error_too(run_cli, pair, tmp_path) -> None:
    code, _, err = run_cli("mask", pair, "the third person from the left", "-o", tmp_path / "m.png")
    assert code == 1 and "I can only see 2 people, so there is no third one from the left" in err


def test_regions_and_background(run_cli, pair, tmp_path) -> None:
    code, _, err = run_cli("mask", pair, "the left half", "-o", tmp_path / "half.png")
    assert code == 0, err
    half = np.asarray(Image.open(tmp_path / "half.png"))
    assert (half[:, :256] == 255).all() and (half[:, 256:] == 0).all()
    code, _, err = run_cli("mask", pair, "the background", "-o", tmp_path / "bg.png")
    assert code == 0, err
    background = np.asarray(Image.open(tmp_path / "bg.png")) > 127
    assert 0.85 < background.mean() < 0.98 and "everything except all 2 people" in err
    assert not background[80, 160] and not background[80, 416], "both faces are kept out"
    assert background[20, 20] and background[20, 500]


def test_an_edit_request_is_not_a_selection(run_cli, pair, tmp_path) -> None:
    code, _, err = run_cli("mask", pair, "make it brighter", "-o", tmp_path / "m.png")
    assert code == 1 and "doesn't name anything to select" in err


def test_an_existing_mask_file_is_not_overwritten(run_cli, pair, tmp_path) -> None:
    out = tmp_path / "m.png"
    out.write_bytes(b"keep")
    code, _, err = run_cli("mask", pair, "the person on the left", "-o", out)
    assert code == 1 and "already exists" in err and out.read_bytes() == b"keep"
    code, _, err = run_cli("mask", pair, "the person on the left", "-o", out, "--force")
    assert code == 0 and out.read_bytes() != b"keep"


def test_models_json_lists_every_role(run_cli) -> None:
    code, stdout, err = run_cli("models", "--json")
    assert code == 0, err
    listing = json.loads(stdout)
    roles = listing["roles"]
    assert list(roles)[:5] == ["planner", "finder", "detector", "segmenter", "inpainter"]
    assert listing["device"]["auto"] in ("cpu", "cuda", "mps") and listing["device"]["dtype"]
    finders = {b["name"]: b for b in roles["finder"]["backends"]}
    assert finders["embedded"]["available"] is True
    assert finders["grounded-sam"]["available"] is False and roles["finder"]["auto"] == "embedded"
    detector = roles["detector"]["models"][0]
    assert detector == {"name": "IDEA-Research/grounding-dino-tiny", "found": False, "path": None,
                        "device": listing["device"]["auto"], "dtype": "float32",
                        "pull": "retouch models pull IDEA-Research/grounding-dino-tiny"}
    assert roles["segmenter"]["models"][0]["name"] == "facebook/sam-vit-base"
    assert any(b["name"] == "rules" and b["available"] for b in roles["planner"]["backends"])
    assert any(b["name"] == "builtin" and b["available"] for b in roles["inpainter"]["backends"])


def test_models_text_names_roles_and_pull_commands(run_cli) -> None:
    code, stdout, _ = run_cli("models")
    assert code == 0
    for role in ("planner", "finder", "detector", "segmenter", "inpainter"):
        assert f"\n{role}  (" in f"\n{stdout}"
    assert "retouch models pull facebook/sam-vit-base" in stdout and "auto → embedded" in stdout
