"""`import retouch`: the library API that the CLI, the chat and the MCP server share."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

import retouch
from tests.support import pixels


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_public_names_are_curated_and_documented() -> None:
    assert sorted(retouch.__all__) == sorted(["open", "plan", "mask", "loaded_models", "drop_models", "Editor",
                                              "EditResult", "VersionInfo", "MaskResult", "Plan", "RetouchError",
                                              "AmbiguousTarget", "NotSeen", "Workspace", "__version__"])
    for name in retouch.__all__:
        value = getattr(retouch, name)
        assert name == "__version__" or (value.__doc__ or "").strip(), f"retouch.{name} has no docstring"


def test_importing_retouch_loads_nothing_heavy() -> None:
    probe = "import sys, retouch; print(sorted(m for m in ('numpy', 'PIL', 'torch', 'cv2', 'textual') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_edit_undo_redo_save(person_photo: Path, tmp_path: Path) -> None:
    before = _sha(person_photo)
    editor = retouch.open(person_photo, session=tmp_path / "s")
    assert editor.version == 0 and editor.session == tmp_path / "s"

    result = editor.edit("remove the box (20, 20, 100, 100)", seed=3)
    assert result.changed and result.version == 1 and result.path == tmp_path / "s" / "v001.png"
    assert [call.tool for call in result.plan.calls] == ["region", "refine_mask", "inpaint"]
    assert result.reply.startswith("Clearing the box")
    original, edited = pixels(person_photo), pixels(result.path)
    assert np.abs(edited[40:80, 40:80].astype(int) - original[40:80, 40:80]).mean() > 5, "the box was filled"
    assert np.array_equal(edited[150:, 150:], original[150:, 150:]), "far from the box nothing changed"

    assert editor.undo() == tmp_path / "s" / "v000.png" and editor.version == 0
    assert editor.redo() == result.path
    assert [(v.number, v.words, v.current) for v in editor.versions()] == [
        (0, "", False), (1, "remove the box (20, 20, 100, 100)", True)]
    saved = editor.save(tmp_path / "out.png")
    assert np.array_equal(pixels(saved), edited)
    with pytest.raises(retouch.RetouchError, match="already exists"):
        editor.save(tmp_path / "out.png")
    assert _sha(person_photo) == before, "the input is never modified"

    # The same session continues where it stood.
    again = retouch.open(session=tmp_path / "s")
    assert again.version == 1 and again.path == result.path


def test_a_refusal_is_a_reply_not_an_error(person_photo: Path, tmp_path: Path) -> None:
    editor = retouch.open(person_photo, session=tmp_path / "s")
    result = editor.edit("swap my face with my brother's")
    assert not result.changed and result.version == 0 and result.reply
    assert result.path == tmp_path / "s" / "v000.png"


def test_edit_with_a_mask_file(person_photo: Path, person_mask: Path, tmp_path: Path) -> None:
    editor = retouch.open(person_photo, session=tmp_path / "s")
    result = editor.edit("remove this", mask=person_mask, seed=0)
    assert result.changed
    inside = np.asarray(Image.open(person_mask).convert("L")) > 127
    assert np.abs(pixels(result.path).astype(int) - pixels(person_photo))[inside].mean() > 10


def test_apply_takes_a_plan_from_retouch_plan(person_photo: Path, tmp_path: Path) -> None:
    plan = retouch.plan("extend the canvas 64 px to the right")
    assert isinstance(plan, retouch.Plan) and plan.calls[0].args.right == 64
    editor = retouch.open(person_photo, session=tmp_path / "s")
    result = editor.apply(plan.model_dump_json(), seed=5)
    assert Image.open(result.path).size == (256 + 64, 256)


def test_mask_is_the_mask_the_cli_writes(person_photo: Path, tmp_path: Path, run_cli) -> None:
    found = retouch.mask(person_photo, "the person")
    assert found.mask.dtype == np.uint8 and found.mask.shape == (256, 256)
    assert found.summary.startswith("selected the person") and 0.05 < found.coverage < 0.3
    code, _, err = run_cli("mask", person_photo, "the person", "-o", tmp_path / "m.png")
    assert code == 0, err
    assert np.array_equal(np.asarray(Image.open(tmp_path / "m.png").convert("L")), found.mask)


def test_a_mask_saves_itself_and_tints_the_photo(person_photo: Path, tmp_path: Path, run_cli) -> None:
    """What `retouch mask -o M --overlay L` writes, from the library: the same two files."""
    found = retouch.mask(person_photo, "the person")
    written = found.save(tmp_path / "mine.png")
    look = found.tinted(person_photo)
    code, _, err = run_cli("mask", person_photo, "the person", "-o", tmp_path / "cli.png",
                           "--overlay", tmp_path / "cli-look.png")
    assert code == 0, err
    assert written == tmp_path / "mine.png"
    assert np.array_equal(np.asarray(Image.open(written)), np.asarray(Image.open(tmp_path / "cli.png")))
    assert np.array_equal(np.asarray(look.convert("RGB")), np.asarray(Image.open(tmp_path / "cli-look.png").convert("RGB")))
    with pytest.raises(retouch.RetouchError, match="exists"):
        found.save(written)
    assert found.save(written, overwrite=True) == written


def test_apply_records_the_words_and_reads_masks_from_base_dir(person_photo: Path, person_mask: Path,
                                                               tmp_path: Path) -> None:
    """What `retouch batch` needs from the public API: the request's words in the history, relative
    mask files read from the instruction file's folder, and a way to stop."""
    import threading

    from retouch.tools.errors import Cancelled

    folder = tmp_path / "instructions"
    folder.mkdir()
    (folder / "person.png").write_bytes(person_mask.read_bytes())
    plan = {"calls": [{"tool": "region", "args": {"mask_path": "person.png"}},
                      {"tool": "inpaint", "args": {"task": "remove"}}]}
    editor = retouch.open(person_photo, session=tmp_path / "s")
    result = editor.apply(plan, seed=1, words="remove her (line 3)", base_dir=folder)
    assert result.changed and editor.versions()[-1].words == "remove her (line 3)"
    stop = threading.Event()
    stop.set()
    with pytest.raises(Cancelled):  # stopped before its first step: nothing is written
        editor.apply(plan, seed=1, cancel=stop, base_dir=folder)
    assert editor.version == 1 and len(editor.versions()) == 2


def test_open_takes_a_config_instead_of_the_file(person_photo: Path, tmp_path: Path, monkeypatch) -> None:
    """The batch's workers edit with the driver's settings, not their own config file."""
    from retouch.agent.config import Config, Settings

    (tmp_path / "config.toml").write_text("[inpaint]\nmask_blur = 0\n")
    monkeypatch.setenv("RETOUCH_CONFIG", str(tmp_path / "config.toml"))
    config = Config(settings=Settings(overrides={"inpaint": {"mask_blur": 3}}))
    editor = retouch.open(person_photo, session=tmp_path / "s", config=config)
    editor.edit("remove the box (30, 30, 90, 90)", seed=0)
    entry = json.loads((tmp_path / "s" / "journal.jsonl").read_text().splitlines()[-1])
    assert entry["resolved"]["calls"][-1]["args"]["mask_blur"] == 3


def test_mistakes_raise_one_error_and_write_nothing(tmp_path: Path) -> None:
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not an image at all")
    with pytest.raises(retouch.RetouchError) as raised:
        retouch.open(broken, session=tmp_path / "s")
    assert raised.value.hint and not (tmp_path / "s").exists()
    with pytest.raises(retouch.RetouchError, match="no image given"):
        retouch.open()


def test_plan_json_round_trips_through_apply_in_a_script(person_photo: Path, tmp_path: Path) -> None:
    """A plan written by one process replays in another with the same bytes (seeded)."""
    plan = retouch.plan("remove the box (30, 30, 90, 90)").model_dump()
    plan_text = json.dumps(plan)
    first = retouch.open(person_photo, session=tmp_path / "a").apply(plan_text, seed=11)
    second = retouch.open(person_photo, session=tmp_path / "b").apply(plan, seed=11)
    assert _sha(first.path) == _sha(second.path)


def test_an_ambiguous_request_is_a_question_to_answer(tmp_path: Path) -> None:
    from tests.support import two_people

    photo = two_people(tmp_path)
    editor = retouch.open(photo, session=tmp_path / "s")
    with pytest.raises(retouch.AmbiguousTarget) as asked:
        editor.edit("remove the person", seed=0)
    assert asked.value.question.startswith("I see 2 people") and editor.version == 0
    result = editor.answer("the left one")
    assert result.changed and result.version == 1
    before, after = pixels(photo).astype(int), pixels(result.path).astype(int)
    width = before.shape[1]
    assert np.abs(after[:, : width // 2] - before[:, : width // 2]).mean() > 3, "the left person was removed"
    assert np.array_equal(after[:, width // 2 + 40:], before[:, width // 2 + 40:]), "the right one was not"
