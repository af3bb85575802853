"""`retouch batch` on the local process pool: results, report, resume, bad inputs, name collisions."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from retouch.agent.batch.inputs import expand_inputs, name_jobs, safe_name
from retouch.agent.session import Session
from testkit.photos import PERSON, make_variants
from tests.support import pixels


def _report(outdir: Path) -> dict[str, dict]:
    lines = (outdir / "report.jsonl").read_text(encoding="utf-8").splitlines()
    return {entry["name"]: entry for entry in map(json.loads, lines)}


def _script(folder: Path, *lines: str) -> Path:
    path = folder / "edits.txt"
    path.write_text("\n".join(["# batch test", *lines]) + "\n", encoding="utf-8")
    return path


def test_corrupt_images_are_reported_and_the_rest_match_edit(tmp_path: Path, run_cli) -> None:
    """Grounding runs per image; each result is the bytes `retouch edit` gives with the same seed;
    a truncated file and a text file fail with one line each and the batch goes on."""
    photos = make_variants(tmp_path / "in", 3, sources=(PERSON,), crop=(0.85, 1.0), prefix="person")
    (tmp_path / "in" / "truncated.png").write_bytes(photos[0].read_bytes()[:2000])
    (tmp_path / "in" / "notes.png").write_text("not an image", encoding="utf-8")
    script = _script(tmp_path, "remove the person")
    out = tmp_path / "out"

    code, stdout, stderr = run_cli("batch", script, tmp_path / "in", "-o", out, "--workers", "2")

    assert code == 1, stderr
    assert stdout.strip() == "done 3 · skipped 0 · failed 2"
    report = _report(out)
    assert {name: entry["status"] for name, entry in report.items()} == {
        "person000": "done", "person001": "done", "person002": "done", "truncated": "failed", "notes": "failed"}
    assert "can't read" in report["truncated"]["error"] and "truncated.png" in report["truncated"]["error"]
    assert "can't read" in report["notes"]["error"]
    assert not (out / "truncated.png").exists() and not (out / "sessions" / "truncated").exists()
    for photo in photos:
        single = tmp_path / f"edit-{photo.stem}.png"
        code, _, stderr = run_cli("edit", photo, "remove the person", "--seed", "0", "-o", single,
                                  "--session", tmp_path / f"edit-{photo.stem}")
        assert code == 0, stderr
        result = out / f"{photo.stem}.png"
        assert result.read_bytes() == single.read_bytes()
        assert report[photo.stem]["output"] == str(result.resolve())
        changed = np.any(pixels(result) != pixels(photo), axis=2)
        assert 0.02 < changed.mean() < 0.6  # the person went, the rest stayed
        session = Session.open(out / "sessions" / photo.stem)
        assert [entry["words"] for entry in session.edit_entries()] == ["remove the person"]
        assert session.original_path.read_bytes() == photo.read_bytes()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert [call["tool"] for call in manifest["steps"][0]["plan"]["calls"]][0] == "select"
    assert manifest["steps"][0]["plan"]["calls"][0]["args"]["target"] == "person"


def test_rerun_skips_finished_images_and_leaves_them_alone(tmp_path: Path, run_cli) -> None:
    make_variants(tmp_path / "in", 3)
    script = _script(tmp_path, "remove the left third")
    out = tmp_path / "out"
    assert run_cli("batch", script, tmp_path / "in", "-o", out, "--workers", "1")[0] == 0
    before = {path.name: path.stat().st_mtime_ns for path in out.glob("*.png")}
    shutil.rmtree(out / "sessions" / "photo001")  # an unfinished image: no session, result left over

    code, stdout, stderr = run_cli("batch", script, tmp_path / "in", "-o", out, "--workers", "1")

    assert code == 0, stderr
    assert stdout.strip() == "done 1 · skipped 2 · failed 0"
    after = {path.name: path.stat().st_mtime_ns for path in out.glob("*.png")}
    assert after["photo000.png"] == before["photo000.png"] and after["photo002.png"] == before["photo002.png"]
    assert after["photo001.png"] != before["photo001.png"]
    assert {entry["status"] for entry in _report(out).values()} == {"done", "skipped"}


def test_same_names_in_different_folders_get_their_own_results(tmp_path: Path, run_cli) -> None:
    sources = make_variants(tmp_path / "src", 3)
    for folder, source, name in (("a", sources[0], "x.png"), ("b", sources[1], "x.png"), ("c", sources[2], "X.PNG")):
        (tmp_path / folder).mkdir()
        shutil.copyfile(source, tmp_path / folder / name)
    script = _script(tmp_path, "remove the left third")
    out = tmp_path / "out"

    code, stdout, stderr = run_cli("batch", script, tmp_path / "a", tmp_path / "b", tmp_path / "c", "-o", out)

    assert code == 0, stderr
    report = _report(out)
    assert len(report) == 3 and all(name.lower().startswith("x-") for name in report)
    for entry in report.values():
        result, source = pixels(entry["output"]), pixels(entry["image"])
        width = source.shape[1]
        assert np.array_equal(result[:, width // 2:], source[:, width // 2:])  # its own picture, right half kept
        assert not np.array_equal(result[:, : width // 4], source[:, : width // 4])


def test_a_line_that_cannot_be_planned_once_stops_before_any_image(tmp_path: Path, run_cli) -> None:
    make_variants(tmp_path / "in", 2)
    out = tmp_path / "out"
    for lines in (["brighten it", "crop off the left 40 px"], ["brighten it", "save it as result.png"],
                  ["select the dog"], ["brighten it", "qwerty asdf"]):
        script = _script(tmp_path, *lines)
        code, stdout, stderr = run_cli("batch", script, tmp_path / "in", "-o", out)
        assert code == 1 and stdout == ""
        assert stderr.count("\n") == 1 and stderr.startswith("retouch: error: ")
        assert not out.exists()  # a run that failed before it started leaves no folder


def test_outdir_must_be_empty_or_the_same_run(tmp_path: Path, run_cli) -> None:
    make_variants(tmp_path / "in", 1)
    foreign = tmp_path / "holiday"
    foreign.mkdir()
    (foreign / "photo000.png").write_bytes(b"someone's file")
    code, _, stderr = run_cli("batch", _script(tmp_path, "brighten it"), tmp_path / "in", "-o", foreign)
    assert code == 1 and "not empty" in stderr
    assert (foreign / "photo000.png").read_bytes() == b"someone's file"

    out = tmp_path / "out"
    assert run_cli("batch", _script(tmp_path, "brighten it"), tmp_path / "in", "-o", out)[0] == 0
    code, _, stderr = run_cli("batch", _script(tmp_path, "darken it"), tmp_path / "in", "-o", out)
    assert code == 1 and "another script sha256" in stderr
    code, _, stderr = run_cli("batch", _script(tmp_path, "brighten it"), tmp_path / "in", "-o", out, "--seed", "7")
    assert code == 1 and "another recipe" in stderr


@pytest.mark.parametrize("argv, message", [
    (["--workers", "0"], "--workers 0 is out of range"),
    (["--format", "gif"], "can't write .gif"),
    (["--ray", "127.0.0.1:1"], None),
])
def test_bad_flags_are_one_line(tmp_path: Path, run_cli, argv: list[str], message: str | None) -> None:
    make_variants(tmp_path / "in", 1)
    code, stdout, stderr = run_cli("batch", _script(tmp_path, "brighten it"), tmp_path / "in",
                                   "-o", tmp_path / "out", *argv)
    assert code == 1 and stderr.startswith("retouch: error: ")
    if message:
        assert message in stderr


def test_inputs_from_folders_files_and_globs(tmp_path: Path) -> None:
    photos = make_variants(tmp_path / "in" / "deep", 2)
    (tmp_path / "in" / ".hidden.png").write_bytes(photos[0].read_bytes())
    (tmp_path / "in" / "readme.txt").write_text("x", encoding="utf-8")
    out = tmp_path / "in" / "out"
    out.mkdir()
    (out / "photo000.png").write_bytes(photos[0].read_bytes())

    found = expand_inputs([str(tmp_path / "in"), str(photos[0]), str(tmp_path / "in" / "**" / "*.png")], exclude=out)

    assert found == photos  # hidden, non-images, OUTDIR and repeats left out
    with pytest.raises(Exception, match="matches no images"):
        expand_inputs([str(tmp_path / "nowhere" / "*.jpg")])
    with pytest.raises(Exception, match="does not exist"):
        expand_inputs([str(tmp_path / "missing.png")])


def test_names_are_safe_unique_and_stable(tmp_path: Path) -> None:
    assert safe_name("we ird \x1b[31m../name") == "we-ird-31m-name"
    assert safe_name("фото_1") == "фото_1" and safe_name("...") == "image"
    paths = [tmp_path / "a" / "x.png", tmp_path / "b" / "x.jpg", tmp_path / "y.png"]
    names = [job.name for job in name_jobs(paths)]
    assert len(set(names)) == 3 and names[2] == "y" and names == [job.name for job in name_jobs(paths)]
    assert [job.name for job in name_jobs(paths[::-1])] == names[::-1]


def test_the_manifest_records_the_workers_settings_but_not_the_planners_secrets(
        tmp_path: Path, run_cli, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[inpaint]\nsteps = 12\n[backends.llm]\nurl = "http://127.0.0.1:9/v1"\napi_key = "sk-secret"\n'
                      '[backends.diffusers]\ndevice = "cpu"\n', encoding="utf-8")
    monkeypatch.setenv("RETOUCH_CONFIG", str(config))
    make_variants(tmp_path / "in", 1)
    out = tmp_path / "out"
    assert run_cli("batch", _script(tmp_path, "brighten it"), tmp_path / "in", "-o", out, "--guidance", "5")[0] == 0
    text = (out / "manifest.json").read_text(encoding="utf-8")
    assert "sk-secret" not in text and "llm" not in text
    recipe = json.loads(text)["recipe"]
    assert recipe["backend_options"] == {"diffusers": {"device": "cpu"}}
    assert recipe["defaults"]["inpaint"] == {"steps": 12} and recipe["overrides"]["inpaint"] == {"guidance": 5.0}
    assert recipe["seed"] == 0
