"""The foundation's promises, through the real command line (in-process `retouch …`)."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from tests.support import DATA, pixels


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _journal(session: Path) -> list[dict]:
    return [json.loads(line) for line in (session / "journal.jsonl").read_text().splitlines()]


@pytest.fixture
def scene(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A real photo with a fake object pasted on it: (clean photo, photo with object, object mask)."""
    clean = Image.open(DATA / "overture-creations-5sI6fQgYIuo.png").convert("RGB").resize((256, 256))
    dirty = clean.copy()
    dirty.paste((220, 30, 40), (40, 30, 90, 70))  # a red box on the sky/trees
    mask = Image.new("L", clean.size, 0)
    mask.paste(255, (40, 30, 90, 70))
    paths = tmp_path / "clean.png", tmp_path / "dirty.png", tmp_path / "mask.png"
    clean.save(paths[0])
    dirty.save(paths[1])
    mask.save(paths[2])
    return paths


# ------------------------------------------------------------------------------------ plan


def test_plan_json_for_the_person_on_the_left(run_cli) -> None:
    code, out, err = run_cli("plan", "remove the person on the left", "--json")
    assert code == 0, err
    plan = json.loads(out)
    tools = [call["tool"] for call in plan["calls"]]
    assert tools == ["select", "refine_mask", "inpaint"]
    select = plan["calls"][0]["args"]
    assert select["target"] == "person" and select["position"] == "left"
    inpaint = plan["calls"][2]["args"]
    assert inpaint["task"] == "remove" and inpaint["strength"] == 1.0, "the policy fills the settings"
    assert plan["reply"].endswith(".") and plan["reply"].count(". ") == 0


def test_plan_schema(run_cli) -> None:
    code, out, _ = run_cli("plan", "--schema")
    schema = json.loads(out)
    assert code == 0 and "calls" in schema["properties"] and "InpaintArgs" in schema["$defs"]


def test_plan_does_not_import_torch_and_starts_fast() -> None:
    probe = ("import sys, io, contextlib\n"
             "from retouch.tui.cli import main\n"
             "with contextlib.redirect_stdout(io.StringIO()):\n"
             "    main(['plan', 'remove the dog', '--json'])\n"
             "print(sorted(m for m in ('torch', 'diffusers', 'transformers', 'cv2', 'mediapipe', 'textual')"
             " if m in sys.modules))\n")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]", result.stdout


# ------------------------------------------------------------------------------------ edit


def test_edit_with_mask_removes_and_keeps_the_rest_bit_identical(run_cli, scene, tmp_path: Path) -> None:
    clean, dirty, mask = scene
    out = tmp_path / "out.png"
    session = tmp_path / "session"
    before = _sha(dirty)
    code, _, err = run_cli("edit", dirty, "remove this", "--mask", mask, "-o", out, "--session", session)
    assert code == 0, err
    assert _sha(dirty) == before, "the input file is never modified"
    result, original, truth = pixels(out), pixels(dirty), pixels(clean)
    entry = _journal(session)[-1]
    refine = next(c for c in entry["resolved"]["calls"] if c["tool"] == "refine_mask")["args"]
    reach = refine["grow"] + refine["blur"]
    hard = np.asarray(Image.open(mask)) > 127
    from scipy.ndimage import distance_transform_edt

    far = distance_transform_edt(~hard) > reach + 1
    assert np.array_equal(result[far], original[far]), "pixels beyond grow+blur must be bit-identical"
    inside = hard
    red = (result[inside][:, 0].astype(int) - result[inside][:, 1]).mean()
    assert red < 60, "the red object must be gone"
    error_after = np.abs(result[inside].astype(int) - truth[inside]).mean()
    error_before = np.abs(original[inside].astype(int) - truth[inside]).mean()
    assert error_after < error_before * 0.35, (error_after, error_before)


def test_session_layout_and_journal(run_cli, scene, tmp_path: Path) -> None:
    _, dirty, mask = scene
    session = tmp_path / "s"
    code, _, err = run_cli("edit", dirty, "remove this", "--mask", mask, "--session", session, "--seed", "7")
    assert code == 0, err
    names = sorted(p.name for p in session.iterdir())
    assert names == [".lock", "journal.jsonl", "masks", "v000.png", "v001.png"]
    assert (session / "v000.png").read_bytes() == dirty.read_bytes()
    assert (session / "masks" / "v001.png").exists()
    open_entry, edit = _journal(session)
    assert open_entry["kind"] == "open"
    for key in ("words", "plan", "resolved", "filled", "calls", "seeds", "timings", "input_version",
                "output_version"):
        assert key in edit, key
    assert edit["words"] == "remove this" and edit["seeds"] == [7]
    assert (edit["input_version"], edit["output_version"]) == (0, 1)
    assert "calls[1].strength" in edit["filled"] or any("strength" in f for f in edit["filled"])


def test_without_session_a_folder_is_made_and_printed(run_cli, scene, tmp_path: Path) -> None:
    _, dirty, mask = scene
    code, _, err = run_cli("edit", dirty, "remove this", "--mask", mask)
    assert code == 0, err
    line = next(l for l in err.splitlines() if l.startswith("session: "))
    folder = Path(line.removeprefix("session: "))
    assert folder.is_dir() and (folder / "v001.png").exists()
    assert str(folder).startswith(str(Path(__import__("os").environ["XDG_DATA_HOME"])))


@pytest.mark.parametrize("words,box", [
    ("remove the box (20, 20, 100, 100)", (20, 20, 100, 100)),
    ("remove the left half", (0, 0, 128, 256)),
    ("erase the top third", (0, 0, 256, 85)),
    ("remove the bottom 64 pixels", (0, 192, 256, 256)),
])
def test_explicit_regions_need_no_model(run_cli, scene, tmp_path: Path, words: str, box: tuple) -> None:
    clean, _, _ = scene
    out = tmp_path / "out.png"
    session = tmp_path / "s"
    code, _, err = run_cli("edit", clean, words, "-o", out, "--session", session)
    assert code == 0, err
    result, original = pixels(out), pixels(clean)
    changed = np.any(result != original, axis=2)
    x0, y0, x1, y1 = box
    inside = np.zeros_like(changed)
    inside[y0:y1, x0:x1] = True
    assert changed[inside].mean() > 0.3, "the region must be regenerated"
    refine = next(c for c in _journal(session)[-1]["resolved"]["calls"] if c["tool"] == "refine_mask")["args"]
    reach = refine["grow"] + refine["blur"] + 1
    near = np.zeros_like(changed)
    near[max(0, y0 - reach):y1 + reach, max(0, x0 - reach):x1 + reach] = True
    assert not changed[~near].any(), "nothing outside the region (plus grow and blur) may change"


@pytest.mark.parametrize("words,check", [
    ("make it a bit brighter", lambda a, b: b.mean() > a.mean() + 5),
    ("more contrast", lambda a, b: b.std() > a.std() * 1.1),
    ("crop it square", lambda a, b: b.shape[0] == b.shape[1] == min(a.shape[:2])),
    ("rotate 90 degrees", lambda a, b: b.shape[:2] == a.shape[1::-1] and np.array_equal(b[0, -1], a[0, 0])),
])
def test_global_edits(run_cli, tmp_path: Path, words: str, check) -> None:
    source = tmp_path / "wide.png"
    Image.open(DATA / "bunny.jpeg").convert("RGB").save(source)
    out = tmp_path / "out.png"
    code, _, err = run_cli("edit", source, words, "-o", out, "--session", tmp_path / "s")
    assert code == 0, err
    assert check(pixels(source).astype(np.float32), pixels(out).astype(np.float32))


# ------------------------------------------------------------------------------------ run / apply / log


def test_run_script_makes_one_step_per_line(run_cli, scene, tmp_path: Path) -> None:
    clean, _, _ = scene
    script = tmp_path / "edits.txt"
    script.write_text("# my edits\n\nremove the box (10, 10, 60, 60)\n  # indented comment\n"
                      "make it a bit brighter\nrotate 90 degrees\n")
    out = tmp_path / "out.png"
    session = tmp_path / "s"
    code, _, err = run_cli("run", script, "--image", clean, "-o", out, "--session", session)
    assert code == 0, err
    edits = [e for e in _journal(session) if e["kind"] == "edit"]
    assert [e["words"] for e in edits] == ["remove the box (10, 10, 60, 60)", "make it a bit brighter",
                                           "rotate 90 degrees"]
    assert [e["output_version"] for e in edits] == [1, 2, 3]
    assert pixels(out).shape == pixels(session / "v003.png").shape
    assert np.array_equal(pixels(out), pixels(session / "v003.png"))


def test_run_reports_the_failing_line_and_keeps_earlier_steps(run_cli, scene, tmp_path: Path) -> None:
    clean, _, _ = scene
    script = tmp_path / "edits.txt"
    script.write_text("make it brighter\nremove this\n")
    session = tmp_path / "s"
    code, _, err = run_cli("run", script, "--image", clean, "--session", session)
    assert code == 1
    progress, kept, error = err.strip().splitlines()
    assert progress.startswith("[1] ") and error.startswith("retouch: error: edits.txt line 2 ('remove this')")
    assert kept == f"kept v001 in the session {session} (continue with --session {session})"
    assert [e["output_version"] for e in _journal(session) if e["kind"] == "edit"] == [1]


def test_apply_replays_a_plan_exactly(run_cli, scene, tmp_path: Path) -> None:
    _, dirty, mask = scene
    first = tmp_path / "first.png"
    code, _, err = run_cli("edit", dirty, "remove this", "--mask", mask, "-o", first, "--session", tmp_path / "a",
                           "--seed", "3")
    assert code == 0, err
    plan = _journal(tmp_path / "a")[-1]["resolved"]
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(json.dumps(plan))
    second = tmp_path / "second.png"
    code, _, err = run_cli("apply", plan_file, "--image", dirty, "--mask", mask, "-o", second,
                           "--session", tmp_path / "b")
    assert code == 0, err
    assert np.array_equal(pixels(first), pixels(second))


def test_log_lists_steps_and_history(run_cli, scene, tmp_path: Path) -> None:
    clean, _, _ = scene
    session = tmp_path / "s"
    run_cli("edit", clean, "make it brighter", "--session", session)
    run_cli("edit", clean, "rotate 90 degrees", "--session", session)
    code, _, err = run_cli("undo", "--session", session)
    assert code == 0 and "now at v001" in err
    code, out, _ = run_cli("log", "--session", session)
    lines = out.splitlines()
    assert lines[0].endswith(str(clean.resolve())) and "v000" in lines[0]
    assert lines[1].startswith("* v001") and "'make it brighter'" in lines[1]
    assert lines[2].startswith("  v002") and "[crop]" in lines[2]
    assert "undo  v002 → v001" in lines[3]
    code, _, err = run_cli("redo", "--session", session)
    assert code == 0 and "now at v002" in err
    code, _, err = run_cli("revert", "0", "--session", session)
    assert code == 0 and "now at v000" in err


# ------------------------------------------------------------------------------------ errors


def _assert_one_line_error(code: int, err: str) -> None:
    assert code != 0
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("retouch: error: "), err
    assert "Traceback" not in err


def test_missing_and_corrupt_images(run_cli, tmp_path: Path) -> None:
    out = tmp_path / "out.png"
    code, _, err = run_cli("edit", tmp_path / "nope.png", "make it brighter", "-o", out)
    _assert_one_line_error(code, err)
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff garbage")
    code, _, err = run_cli("edit", broken, "make it brighter", "-o", out)
    _assert_one_line_error(code, err)
    assert not out.exists()


def test_bad_mask_size_writes_nothing(run_cli, scene, tmp_path: Path) -> None:
    _, dirty, _ = scene
    small = tmp_path / "small.png"
    Image.new("L", (10, 10), 255).save(small)
    session = tmp_path / "s"
    out = tmp_path / "out.png"
    code, _, err = run_cli("edit", dirty, "remove this", "--mask", small, "-o", out, "--session", session)
    _assert_one_line_error(code, err)
    assert "10×10" in err and not out.exists() and not session.exists()


def test_unknown_option_and_unparseable_plan(run_cli, scene, tmp_path: Path) -> None:
    code, _, err = run_cli("edit", "--frobnicate", "x.png", "y")
    _assert_one_line_error(code, err)
    assert code == 2
    bad = tmp_path / "plan.json"
    bad.write_text("{not json")
    code, _, err = run_cli("apply", bad, "--image", scene[0], "-o", tmp_path / "o.png")
    _assert_one_line_error(code, err)
    assert "not valid JSON" in err


def test_existing_output_is_not_overwritten_without_force(run_cli, scene, tmp_path: Path) -> None:
    clean, _, _ = scene
    out = tmp_path / "out.png"
    out.write_bytes(b"precious")
    code, _, err = run_cli("edit", clean, "make it brighter", "-o", out)
    _assert_one_line_error(code, err)
    assert out.read_bytes() == b"precious"
    code, _, err = run_cli("edit", clean, "make it brighter", "-o", out, "--force")
    assert code == 0, err
    assert Image.open(out).size == (256, 256)


def test_request_it_cannot_do_is_an_error_and_writes_nothing(run_cli, scene, tmp_path: Path) -> None:
    clean, _, _ = scene
    session = tmp_path / "s"
    code, _, err = run_cli("edit", clean, "make it look like a Van Gogh painting", "-o", tmp_path / "o.png",
                           "--session", session)
    _assert_one_line_error(code, err)
    assert not (tmp_path / "o.png").exists() and not session.exists()


def test_ctrl_c_mid_edit_leaves_session_consistent(run_cli, scene, tmp_path: Path, monkeypatch) -> None:
    _, dirty, mask = scene
    session = tmp_path / "s"
    code, _, _ = run_cli("edit", dirty, "make it brighter", "--session", session)
    assert code == 0

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("retouch.tools.builtin_inpainter.fill_window", interrupted)
    out = tmp_path / "out.png"
    code, _, err = run_cli("edit", dirty, "remove this", "--mask", mask, "-o", out, "--session", session)
    assert code == 130 and "cancelled" in err
    assert not out.exists()
    from retouch.agent.session import Session

    reopened = Session.open(session)
    assert reopened.head == 1 and sorted(reopened.state.versions) == [0, 1]
    assert (session / "v000.png").read_bytes() == dirty.read_bytes()
