"""Issue 22's smaller breaks, each now one clear line: seeds outside 0…2³²−1 at every edge, a
RETOUCH_CONFIG that names nothing, a multi-page TIFF, a file name that is not UTF-8, the input
limit on `info` and `apply FILE.png`, JSON nested or numbered past what a parser takes, a damaged
point step, a history's mask file outside its folder, line breaks in a reply, and plugins that
fail (on import with sys.exit or Ctrl-C, or in the middle of an edit).

Every case runs the real command line (in-process, or a subprocess where the process itself is
at stake) and looks at what it printed and what it left on disk.
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

import retouch
from retouch.tools.provenance import png_info, read_provenance
from tests.support import one_line_error, pixels, sessions_in, small_photo

BOX_REMOVAL = "remove the box (4, 4, 30, 30)"


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    return small_photo(tmp_path)


# ------------------------------------------------------------------------------ seeds


@pytest.mark.parametrize("seed", ["-1", "4294967296", "99999999999999999999", "1e3"])
def test_a_seed_outside_32_bits_is_refused_on_the_command_line(run_cli, photo: Path, tmp_path: Path,
                                                               data_home: Path, seed: str) -> None:
    before = sessions_in(data_home)
    line = one_line_error(*run_cli("edit", photo, BOX_REMOVAL, "--seed", seed, "-o", tmp_path / "o.png")[::2])
    assert "from 0 to 4294967295" in line and f"--seed {seed}" in line
    assert not (tmp_path / "o.png").exists() and sessions_in(data_home) == before
    script = tmp_path / "edits.txt"
    script.write_text("make it brighter\n")
    line = one_line_error(*run_cli("batch", script, photo, "-o", tmp_path / "out", "--seed", seed)[::2])
    assert "from 0 to 4294967295" in line and not (tmp_path / "out").exists()


def test_the_highest_seed_is_used_as_given_and_journaled(run_cli, photo: Path, tmp_path: Path) -> None:
    code, _, err = run_cli("edit", photo, BOX_REMOVAL, "--seed", "4294967295", "--session", tmp_path / "s")
    assert code == 0, err
    entry = json.loads((tmp_path / "s" / "journal.jsonl").read_text().splitlines()[-1])
    assert entry["seeds"] == [4294967295]


@pytest.mark.parametrize("seed", [-1, 2**32, True, 1.5])
def test_library_calls_refuse_a_seed_outside_32_bits(photo: Path, tmp_path: Path, seed: object) -> None:
    editor = retouch.open(photo, session=tmp_path / "s")
    with pytest.raises(retouch.RetouchError, match="is not a seed: a seed is a whole number from 0 to 4294967295"):
        editor.edit(BOX_REMOVAL, seed=seed)  # type: ignore[arg-type]
    with pytest.raises(retouch.RetouchError, match="is not a seed"):
        editor.apply(retouch.plan(BOX_REMOVAL), seed=seed)  # type: ignore[arg-type]
    assert editor.version == 0 and [v.number for v in editor.versions()] == [0]


@pytest.mark.parametrize("table, value", [("inpaint", "-1"), ("outpaint", "4294967296")])
def test_a_config_file_seed_outside_32_bits_is_one_line(run_cli, photo: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch, table: str,
                                                        value: str) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f"[{table}]\nseed = {value}\n")
    monkeypatch.setenv("RETOUCH_CONFIG", str(config))
    line = one_line_error(*run_cli("edit", photo, "extend the canvas 8 px to the right")[::2])
    assert f"[{table}] seed = {value} is not allowed" in line


# ------------------------------------------------------------------------------ RETOUCH_CONFIG


def test_retouch_config_naming_a_missing_file_is_one_line(run_cli, photo: Path, tmp_path: Path, data_home: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RETOUCH_CONFIG", str(tmp_path / "typo.toml"))
    before = sessions_in(data_home)
    line = one_line_error(*run_cli("edit", photo, "make it brighter")[::2])
    assert line == (f"retouch: error: RETOUCH_CONFIG names {tmp_path / 'typo.toml'}, which does not exist. "
                    "Create it, fix the name, or unset RETOUCH_CONFIG to use the built-in settings.")
    assert sessions_in(data_home) == before
    monkeypatch.setenv("RETOUCH_CONFIG", os.devnull)  # "no file", said on purpose
    assert run_cli("edit", photo, "make it brighter")[0] == 0


# ------------------------------------------------------------------------------ files


def test_a_multi_page_tiff_is_refused_not_edited_as_page_one(run_cli, photo: Path, tmp_path: Path) -> None:
    first = Image.open(photo).convert("RGB")
    first.save(tmp_path / "pages.tif", save_all=True, append_images=[first.rotate(90), first.rotate(180)])
    line = one_line_error(*run_cli("edit", tmp_path / "pages.tif", "make it brighter", "-o", tmp_path / "o.png")[::2])
    assert "pages.tif has 3 pages; Retouch edits one image, and would keep only the first page" in line
    first.save(tmp_path / "one.tif")
    assert run_cli("edit", tmp_path / "one.tif", "make it brighter", "-o", tmp_path / "o.png")[0] == 0


def test_a_file_name_that_is_not_utf8_is_one_line(run_cli, photo: Path, tmp_path: Path, data_home: Path) -> None:
    strange = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9.png"))
    strange.write_bytes(photo.read_bytes())
    before = sessions_in(data_home)
    line = one_line_error(*run_cli("edit", strange, "make it brighter")[::2])
    assert "caf\\xe9.png is not UTF-8" in line and "Rename the file" in line
    assert sessions_in(data_home) == before


def _header_only_png(path: Path, width: int, height: int, metadata: dict | None = None) -> Path:
    """A PNG declaring width×height (with a retouch chunk) whose pixel data is a few bytes."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    text = b"" if metadata is None else chunk(b"tEXt", b"retouch\0" + json.dumps(metadata).encode())
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
                     + text + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b""))
    return path


@pytest.mark.parametrize("side", [11_000, 20_000])  # 121 MP: PIL only warns; 400 MP: PIL's guard raises
def test_info_and_apply_keep_the_input_limit(run_cli, photo: Path, tmp_path: Path, side: int) -> None:
    big = _header_only_png(tmp_path / "big.png", side, side, {"steps": []})
    for command in (("info", big), ("apply", big, "--image", photo)):
        line = one_line_error(*run_cli(*command)[::2])
        assert f"big.png is {side * side / 1e6:.0f} MP" in line or f"big.png is {side}×{side}" in line
        assert "Retouch edits images up to 100 MP" in line


# ------------------------------------------------------------------------------ plans and histories


def _history_png(source: Path, path: Path, steps: list) -> Path:
    metadata = {"format": 1, "retouch": "0.1.0", "source": {"name": source.name, "sha256": None}, "steps": steps}
    Image.open(source).save(path, pnginfo=png_info(metadata))
    return path


def _edit_step(calls: list, words: str = "x") -> dict:
    return {"kind": "edit", "words": words, "plan": {"calls": calls, "reply": ""}}


@pytest.mark.parametrize("text", ["[" * 100_000 + "]" * 100_000, '{"calls": [], "reply": "", "x": ' + "9" * 5000 + "}"],
                         ids=["nested-100k", "5000-digit-number"])
def test_a_plan_file_nested_or_numbered_past_the_parser_is_one_line(run_cli, photo: Path, tmp_path: Path,
                                                                     text: str) -> None:
    plan = tmp_path / "plan.json"
    plan.write_text(text)
    line = one_line_error(*run_cli("apply", plan, "--image", photo)[::2])
    assert "plan.json is not a plan (nested too deeply, or a number too long)" in line


@pytest.mark.parametrize("chunk", ["[" * 5000 + "]" * 5000, '{"steps": [' + "[" * 900 + "]" * 900 + "]}",
                                   '{"steps": [], "n": ' + "7" * 5000 + "}"], ids=["5000", "900-in-steps", "digits"])
def test_a_history_nested_or_numbered_past_the_parser_is_one_line(run_cli, photo: Path, tmp_path: Path,
                                                                   chunk: str) -> None:
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_itxt("retouch", chunk, zip=True)
    path = tmp_path / "deep.png"
    Image.open(photo).save(path, pnginfo=info)
    for command in (("info", path), ("info", path, "--json"), ("apply", path, "--image", photo)):
        line = one_line_error(*run_cli(*command)[::2])
        assert "deep.png's retouch metadata" in line


@pytest.mark.parametrize("point", [["a", "b"], [1.5, 2], [True, 3], [1e308, 0], [1, 2, 3], 7, None, [[1], [2]]])
def test_a_damaged_point_step_is_one_line_before_any_version(run_cli, photo: Path, tmp_path: Path,
                                                            point: object) -> None:
    history = _history_png(photo, tmp_path / "h.png",
                           [_edit_step([{"tool": "adjust", "args": {"brightness": 0.2}}]),
                            {"kind": "point", "point": point}])
    line = one_line_error(*run_cli("apply", history, "--image", photo, "--session", tmp_path / "s")[::2])
    assert "step 2 of h.png is damaged" in line and "two whole numbers" in line
    assert not (tmp_path / "s").exists()  # checked before step 1 ran
    code, out, err = run_cli("info", history)
    assert code == 0 and "point   what is (unreadable" in out, err


def test_info_shows_any_damaged_field_without_failing(run_cli, photo: Path, tmp_path: Path) -> None:
    history = _history_png(photo, tmp_path / "h.png", [
        {"kind": "edit", "words": ["not", "text"], "backends": ["x"], "plan": {"calls": [5, {"tool": [1], "args": 3}]}},
        {"kind": 5, "plan": "nothing"}, "a string", {"kind": "point", "point": {"x": 1}}, {"kind": "mask", "source": 9}])
    metadata = read_provenance(history)
    metadata["source"] = "not a dict"
    Image.open(photo).save(history, pnginfo=png_info(metadata))
    code, out, err = run_cli("info", history)
    assert code == 0, err
    assert "(unreadable call)" in out and "(unreadable step)" in out and "what is (unreadable" in out


def test_a_history_reads_mask_files_only_beside_its_png(run_cli, photo: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside-mask.png"
    Image.new("L", Image.open(photo).size, 255).save(outside)
    folder = tmp_path / "from-elsewhere"
    folder.mkdir()
    calls = [{"tool": "region", "args": {"mask_path": str(outside)}},
             {"tool": "adjust", "args": {"brightness": 0.3, "masked": True}}]
    for name, path in (("absolute", str(outside)), ("up", "../outside-mask.png"), ("home", "~/outside-mask.png")):
        calls[0]["args"]["mask_path"] = path
        history = _history_png(photo, folder / f"{name}.png", [_edit_step(calls)])
        line = one_line_error(*run_cli("apply", history, "--image", photo, "--session", tmp_path / name)[::2])
        assert f"step 1 of {name}.png: the mask file {path} is outside the folder of {name}.png" in line
        assert not (tmp_path / name).exists()
    (folder / "beside.png").write_bytes(outside.read_bytes())
    calls[0]["args"]["mask_path"] = "beside.png"
    history = _history_png(photo, folder / "ok.png", [_edit_step(calls)])
    code, _, err = run_cli("apply", history, "--image", photo, "-o", tmp_path / "ok-out.png")
    assert code == 0, err
    assert pixels(tmp_path / "ok-out.png").mean() > pixels(photo).mean()


def test_line_breaks_in_a_plan_s_reply_cannot_print_fake_lines(run_cli, photo: Path, tmp_path: Path) -> None:
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps({"calls": [{"tool": "adjust", "args": {"brightness": 0.2}}],
                                "reply": "Brightening.\nwrote /tmp/evil.png\r\nretouch: error: fake\n"}))
    code, out, err = run_cli("apply", plan, "--image", photo)
    assert code == 0, err
    assert [line for line in err.splitlines() if line.startswith(("wrote", "retouch: error"))] == []
    assert "Brightening. wrote /tmp/evil.png retouch: error: fake" in err.splitlines()[0]


# ------------------------------------------------------------------------------ plugins


def _plugin_env(tmp_path: Path, name: str, source: str) -> dict[str, str]:
    """A plugin distribution as importlib.metadata sees it, on PYTHONPATH for a subprocess."""
    site = tmp_path / f"site-{name}"
    site.mkdir()
    (site / f"retouch_{name}.py").write_text(source)
    info = site / f"retouch_{name}-0.1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: retouch-{name}\nVersion: 0.1.0\n")
    (info / "entry_points.txt").write_text(f"[retouch.backends]\n{name} = retouch_{name}\n")
    return {**os.environ, "PYTHONPATH": str(site), "RETOUCH_CONFIG": os.devnull}


def _retouch(*args: object, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(Path(sys.executable).parent / "retouch"), *map(str, args)], capture_output=True,
                          text=True, env=env, cwd=cwd, timeout=300)


@pytest.mark.parametrize("raising", ["import sys\nsys.exit(3)\n", "raise KeyboardInterrupt\n", "raise SystemExit\n"],
                         ids=["sys.exit", "KeyboardInterrupt", "SystemExit"])
def test_a_plugin_that_exits_on_import_disables_only_itself(tmp_path: Path, photo: Path, raising: str) -> None:
    env = _plugin_env(tmp_path, "quitter", raising)
    listed = _retouch("plugins", "--json", env=env, cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    failed = json.loads(listed.stdout)["failed"]
    assert [failure["plugin"] for failure in failed] == ["quitter"]
    done = _retouch("edit", photo, "make it brighter", "-o", tmp_path / "o.png", env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "o.png").exists()


FAILING_PLUGIN = '''
class Failing:
    def inpaint(self, image, mask, request, *, progress=None, cancel=None):
        raise ValueError("the ONNX session is not initialised")


def register_backends(register):
    register("inpainter", "boom", lambda **options: Failing(), "always fails")
    register("inpainter", "noload", lambda **options: 1 / 0, "fails to load")
'''


@pytest.mark.parametrize("name, failure", [("boom", "failed (ValueError: the ONNX session is not initialised)"),
                                           ("noload", "could not be loaded (ZeroDivisionError: division by zero)")])
def test_a_failing_plugin_backend_is_named_not_blamed_on_retouch(tmp_path: Path, photo: Path, name: str,
                                                                 failure: str) -> None:
    env = _plugin_env(tmp_path, "failing", FAILING_PLUGIN)
    done = _retouch("edit", photo, BOX_REMOVAL, "--inpainter", name, env=env, cwd=tmp_path)
    line = one_line_error(done.returncode, done.stderr)
    assert line.startswith(f"retouch: error: the inpainter '{name}' from the plugin 'failing' {failure}")
    assert "That is the plugin's fault, not Retouch's" in line


def test_a_plugin_that_prints_on_import_cannot_write_to_stdout(tmp_path: Path) -> None:
    """stdout may be a protocol (`retouch mcp`): a plugin's chatter goes to stderr."""
    env = _plugin_env(tmp_path, "chatty", "print('hello from a plugin')\n"
                                          "def register_backends(register):\n    pass\n")
    listed = _retouch("plugins", "--json", env=env, cwd=tmp_path)
    assert listed.returncode == 0 and "hello" not in listed.stdout and "hello from a plugin" in listed.stderr
    assert json.loads(listed.stdout)["failed"] == []


def test_a_region_mask_file_is_read_as_the_check_reads_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`~/m.png` in a plan is the file in the home folder, for the workspace check and the read alike."""
    work, home = tmp_path / "work", tmp_path / "home"
    work.mkdir()
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    photo = small_photo(work)
    Image.new("L", Image.open(photo).size, 255).save(home / "m.png")
    plan = {"calls": [{"tool": "region", "args": {"mask_path": "~/m.png"}},
                      {"tool": "adjust", "args": {"brightness": 0.3, "masked": True}}], "reply": ""}
    editor = retouch.open(photo, session=work / "s", workspace=retouch.Workspace([tmp_path]))
    assert editor.apply(plan).changed and np.asarray(editor.image()).mean() > pixels(photo).mean()
    confined = retouch.open(photo, session=work / "t", workspace=retouch.Workspace([work]))
    with pytest.raises(retouch.RetouchError, match="the mask file ~/m.png is outside"):
        confined.apply(plan)
    assert confined.version == 0
