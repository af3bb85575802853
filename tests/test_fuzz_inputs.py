"""Property-based fuzzing of everything Retouch reads (issue 15): image files, plan files, journal
lines, config files and command lines.

The property is the same for all of them: success, or one clear `RetouchError` (one
`retouch: error:` line at the command line) — never another exception, never `internal error`,
never an escape byte on the terminal, never a changed original. Example counts are kept modest so
the suite stays quick on two cores; hypothesis keeps the failures it finds in its database.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
import struct
import tempfile
import zlib
from pathlib import Path
from typing import Any, Iterator

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from PIL import Image

from retouch.agent.config import load_config
from retouch.agent.plan import parse_plan
from retouch.agent.session import JOURNAL, Session
from retouch.tools.errors import RetouchError
from retouch.tools.imageio import load_image, load_mask
from retouch.tui.cli import main
from tests.support import DATA, small_photo

FUZZ = settings(max_examples=40, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

HOSTILE_TEXT = st.lists(st.sampled_from(list("ab .-/~_*?[]{}\"'\\\n\t") + ["\x1b[2J", "\x1b]0;x\x07", "\x00", "日本",
                                                                            "\u202e", "é", ".png"]),
                        max_size=12).map("".join)
"""Short strings made of the characters that break things: escapes, quotes, slashes, NUL, bidi."""


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@contextlib.contextmanager
def _scratch() -> Iterator[Path]:
    """A fresh folder per example (hypothesis reuses one test call for many examples)."""
    folder = Path(tempfile.mkdtemp(prefix="retouch-fuzz-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _cli(*argv: Any, cwd: Path | None = None) -> tuple[int, str, str]:
    """`retouch ARGV` in this process, in `cwd`, with its output captured."""
    out, err = io.StringIO(), io.StringIO()
    previous = os.getcwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main([str(part) for part in argv])
    finally:
        os.chdir(previous)
    return code, out.getvalue(), err.getvalue()


def _clean_outcome(code: int, out: str, err: str) -> None:
    assert code in (0, 1, 2), (code, err)
    assert "internal error" not in err and "Traceback" not in err, err
    assert "\x1b" not in out + err, repr(out + err)
    if code:
        assert err.strip().splitlines()[-1].startswith("retouch: error: "), err


def _photo(folder: Path) -> Path:
    return small_photo(folder, (24, 16))


@pytest.fixture(autouse=True)
def _quiet_config(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No finder model (selection by name finds nothing, at once), whatever the developer's config."""
    config = tmp_path_factory.mktemp("config") / "config.toml"
    config.write_text('finder = "none"\n')
    monkeypatch.setenv("RETOUCH_CONFIG", str(config))


# ------------------------------------------------------------------------------ image files


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


SIDES = st.one_of(st.integers(0, 64), st.integers(1, 2**31 - 1), st.sampled_from([10_001, 50_000, 65_535]))


@st.composite
def crafted_images(draw: st.DrawFn) -> bytes:
    """A real format's header with a drawn size and depth, then drawn (usually too little) data."""
    width, height = draw(SIDES), draw(SIDES)
    assume(width * height <= 2_000_000 or width * height > 100_000_000)  # small, or refused from its header
    payload = draw(st.binary(max_size=256))
    kind = draw(st.sampled_from(["png", "gif", "bmp", "jpeg", "tiff"]))
    if kind == "png":
        header = struct.pack(">IIBBBBB", width, height, draw(st.sampled_from([1, 2, 4, 8, 16, 3])),
                             draw(st.sampled_from([0, 2, 3, 4, 6, 5])), 0, 0, draw(st.sampled_from([0, 1])))
        return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(payload)) + \
            _chunk(b"IEND", b"")
    width, height = min(width, 65535), min(height, 65535)
    if kind == "gif":
        return b"GIF89a" + struct.pack("<HHBBB", width, height, draw(st.integers(0, 255)), 0, 0) + payload
    if kind == "bmp":
        info = struct.pack("<IiiHHIIiiII", 40, width, height, 1, draw(st.sampled_from([1, 4, 8, 16, 24, 32, 7])),
                           draw(st.integers(0, 6)), len(payload), 0, 0, 0, 0)
        return b"BM" + struct.pack("<IHHI", 54 + len(payload), 0, 0, 54) + info + payload
    if kind == "jpeg":
        sof = struct.pack(">BHHB", 8, height, width, 3) + b"\x01\x11\x00\x02\x11\x00\x03\x11\x00"
        return b"\xff\xd8" + b"\xff\xc0" + struct.pack(">H", len(sof) + 2) + sof + payload + b"\xff\xd9"
    entries = [(256, 4, 1, width), (257, 4, 1, height), (258, 3, 1, draw(st.sampled_from([1, 8, 16, 32]))),
               (262, 3, 1, draw(st.integers(0, 5))), (273, 4, 1, 8 + 2 + 12 * 6 + 4), (279, 4, 1, len(payload))]
    ifd = struct.pack("<H", len(entries)) + b"".join(struct.pack("<HHII", *entry) for entry in entries)
    return b"II*\x00" + struct.pack("<I", 8) + ifd + b"\0\0\0\0" + payload


def _mutated(source: bytes) -> st.SearchStrategy[bytes]:
    """A real file, truncated or with a few bytes overwritten."""
    def mutate(cuts: tuple[int, list[tuple[int, int]]]) -> bytes:
        keep, flips = cuts
        data = bytearray(source[:keep])
        for position, value in flips:
            if data:
                data[position % len(data)] = value
        return bytes(data)

    return st.tuples(st.integers(0, len(source)), st.lists(st.tuples(st.integers(0, 2**20), st.integers(0, 255)),
                                                           max_size=8)).map(mutate)


def _small_real(fmt: str) -> bytes:
    buffer = io.BytesIO()
    image = Image.open(DATA / "image.png").resize((20, 14))
    (image.convert("RGB") if fmt in ("JPEG", "BMP") else image).save(buffer, format=fmt)
    return buffer.getvalue()


IMAGE_BYTES = st.one_of(
    st.binary(max_size=512),
    crafted_images(),
    *[_mutated(_small_real(fmt)) for fmt in ("PNG", "JPEG", "GIF", "BMP", "TIFF", "WEBP")],
)


@FUZZ
@given(data=IMAGE_BYTES, suffix=st.sampled_from([".png", ".jpg", ".gif", ".bmp", ".tif", ".webp", ""]))
def test_any_bytes_as_an_image_or_a_mask(data: bytes, suffix: str) -> None:
    with _scratch() as folder:
        path = folder / f"input{suffix}"
        path.write_bytes(data)
        try:
            image = load_image(path)
        except RetouchError:
            pass
        else:
            assert image.mode in ("RGB", "RGBA") and image.width * image.height <= 100_000_000
        try:
            mask = load_mask(path, (20, 14))
        except RetouchError:
            pass
        else:
            assert mask.shape == (14, 20) and mask.dtype.name == "uint8"
        assert path.read_bytes() == data, "reading never changes the file"


@settings(max_examples=15, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.one_of(crafted_images(), _mutated(_small_real("PNG"))))
def test_any_bytes_through_the_edit_command(data: bytes) -> None:
    with _scratch() as folder:
        path = folder / "input.png"
        path.write_bytes(data)
        code, out, err = _cli("edit", path, "make it brighter", "-o", folder / "out.png", "--session", folder / "s",
                              cwd=folder)
        _clean_outcome(code, out, err)
        assert path.read_bytes() == data
        assert (folder / "out.png").exists() == (code == 0)
        assert (folder / "s").exists() == (code == 0), "a failed first edit leaves no session"


# ------------------------------------------------------------------------------ plan files


SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-2**40, 2**40), st.sampled_from([0, 1, -1, 16384, 10**9]),
                    st.floats(allow_nan=True, allow_infinity=True), HOSTILE_TEXT,
                    st.sampled_from(["left", "right", "remove", "16:9", "person", "original", "blur"]))
ARG_NAMES = ["target", "position", "ordinal", "count", "all", "exclude", "add", "box", "side", "fraction", "pixels",
             "relation", "grow", "shrink", "blur", "invert", "task", "prompt", "strength", "fill", "steps",
             "variations", "seed", "left", "right", "top", "bottom", "aspect", "zoom", "size", "sides",
             "brightness", "contrast", "saturation", "warmth", "masked", "rotate", "flip", "action", "version",
             "bogus"]
VALUES = st.one_of(SCALARS, st.lists(SCALARS, max_size=4))
CALLS = st.fixed_dictionaries({
    "tool": st.sampled_from(["select", "region", "refine_mask", "inpaint", "outpaint", "adjust", "crop", "history",
                             "save", "nonsense"]),
    "args": st.dictionaries(st.sampled_from(ARG_NAMES), VALUES, max_size=4),
})
PLANS = st.one_of(
    st.fixed_dictionaries({"calls": st.lists(CALLS, max_size=3), "reply": HOSTILE_TEXT}),
    st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                  st.dictionaries(st.sampled_from(["calls", "reply", "tool", "args"]),
                                                                  inner, max_size=3)), max_leaves=8),
)


@FUZZ
@given(plan=PLANS, garble=st.booleans())
def test_any_plan_file_applies_or_is_one_line(plan: Any, garble: bool) -> None:
    with _scratch() as folder:
        photo = _photo(folder)
        original = _sha(photo)
        text = json.dumps(plan, allow_nan=True)
        if garble:
            text = text[: len(text) // 2]
        plan_file = folder / "plan.json"
        plan_file.write_text(text)
        try:
            parsed = parse_plan(text)
        except RetouchError:
            parsed = None
        if parsed is not None:
            assume(not any(call.tool == "save" and ("/" in call.args.path or "\\" in call.args.path)
                           for call in parsed.calls))  # saves land in the scratch folder, nowhere else
        code, out, err = _cli("apply", plan_file, "--image", photo, "--session", folder / "s", cwd=folder)
        _clean_outcome(code, out, err)
        if parsed is None:
            assert code != 0
        assert _sha(photo) == original and (code != 0 or (folder / "s").exists())
        if (folder / "s").exists():
            session = Session.open(folder / "s")
            assert _sha(session.original_path) == original


# ------------------------------------------------------------------------------ journal lines


JOURNAL_FIELDS = ["output_version", "input_version", "file", "variations", "mask", "action", "from", "to", "steps",
                  "words", "resolved", "timings", "source", "sha256"]
JOURNAL_VALUES = st.one_of(SCALARS, st.sampled_from(["v001.png", "v000.png", "masks/v001.png", "../v001.png",
                                                     "/etc/passwd", "undo", "redo", "revert"]),
                           st.lists(st.sampled_from(["v001.png", "v001-2.png", "x"]), max_size=2),
                           st.dictionaries(st.sampled_from(["calls", "total_seconds"]), SCALARS, max_size=2))
JOURNAL_LINES = st.one_of(
    st.builds(lambda kind, extra: json.dumps({"kind": kind, **extra}, allow_nan=True),
              st.sampled_from(["edit", "history", "select", "open", "future-kind", 3]),
              st.dictionaries(st.sampled_from(JOURNAL_FIELDS), JOURNAL_VALUES, max_size=6)),
    HOSTILE_TEXT,
    st.binary(max_size=40).map(lambda raw: raw.decode("latin-1")),
)


@FUZZ
@given(lines=st.lists(JOURNAL_LINES, min_size=1, max_size=3))
def test_any_journal_lines_open_or_are_one_line(lines: list[str]) -> None:
    with _scratch() as folder:
        photo = _photo(folder)
        session_dir = folder / "s"
        assert _cli("edit", photo, "make it brighter", "--session", session_dir, cwd=folder)[0] == 0
        original = _sha(session_dir / "v000.png")
        with open(session_dir / JOURNAL, "a", encoding="utf-8", errors="surrogateescape") as handle:
            handle.write("".join(line.replace("\n", " ") + "\n" for line in lines))
        try:
            Session.open(session_dir)
        except RetouchError:
            pass
        for argv in (["log", "--session", session_dir], ["undo", "--session", session_dir],
                     ["redo", "--session", session_dir], ["revert", "0", "--session", session_dir],
                     ["edit", photo, "make it darker", "--session", session_dir]):
            _clean_outcome(*_cli(*argv, cwd=folder))
        assert _sha(session_dir / "v000.png") == original


# ------------------------------------------------------------------------------ config files


TOML_KEYS = st.sampled_from(["planner", "finder", "inpainter", "inpaint", "outpaint", "backends", "steps", "strength",
                             "step", "model", "url", "timeout", "bogus", "rules", "llm", "none", "builtin"])


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value).replace("inf", "inf").replace("nan", "nan")
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    return json.dumps(str(value))


TOML_SCALARS = st.one_of(st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False, allow_infinity=False),
                         HOSTILE_TEXT, st.sampled_from(["rules", "none", "builtin", "llm", "auto", "diffusers"]))


@st.composite
def config_files(draw: st.DrawFn) -> str:
    if draw(st.booleans()):
        return draw(st.text(max_size=80))
    lines = [f"{draw(TOML_KEYS)} = {_toml_value(draw(st.one_of(TOML_SCALARS, st.lists(TOML_SCALARS, max_size=2))))}"
             for _ in range(draw(st.integers(0, 3)))]
    for _ in range(draw(st.integers(0, 2))):
        table = draw(st.sampled_from(["inpaint", "outpaint", "backends.rules", "backends.llm", "backends",
                                      "bogus", "backends.builtin"]))
        lines.append(f"[{table}]")
        lines += [f"{draw(TOML_KEYS)} = {_toml_value(draw(TOML_SCALARS))}" for _ in range(draw(st.integers(0, 3)))]
    return "\n".join(lines) + "\n"


@FUZZ
@given(text=config_files())
def test_any_config_file_loads_or_is_one_line(text: str) -> None:
    with _scratch() as folder:
        config = folder / "config.toml"
        text = text.replace("http", "xhttp")  # never let a drawn url reach the network
        config.write_text(text, encoding="utf-8", errors="surrogateescape")
        try:
            load_config(config)
        except RetouchError:
            pass
        previous = os.environ.get("RETOUCH_CONFIG")
        os.environ["RETOUCH_CONFIG"] = str(config)
        try:
            _clean_outcome(*_cli("plan", "make it brighter", cwd=folder))
        finally:
            os.environ["RETOUCH_CONFIG"] = previous or ""


# ------------------------------------------------------------------------------ command lines


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    command = draw(st.sampled_from(["edit", "run", "apply", "plan", "log", "undo", "redo", "revert", "mask",
                                    "models", "frobnicate"]))
    pool = st.one_of(
        st.sampled_from(["PHOTO", "MASK", "SESSION", "SCRIPT", "out.png", "out.txt", "--session", "-o", "--force",
                         "--mask", "--image", "--json", "--steps", "--seed", "--strength", "--planner", "--finder",
                         "--inpainter", "--overlay", "--raw", "--schema", "pull", "--variant", "--", "-1", "0", "3",
                         "1e309", "nan", "make it brighter", "remove the box (2, 2, 10, 10)", "undo",
                         "extend the canvas 99999 px", "save it as notes.txt"]),
        HOSTILE_TEXT)
    return [command, *draw(st.lists(pool, max_size=6))]


@FUZZ
@given(argv=command_lines())
def test_any_command_line_runs_or_is_one_line(argv: list[str]) -> None:
    with _scratch() as folder:
        photo = _photo(folder)
        mask = folder / "mask.png"
        Image.new("L", (24, 16), 255).save(mask)
        script = folder / "script.txt"
        script.write_text("make it brighter\n")
        names = {"PHOTO": photo, "MASK": mask, "SESSION": folder / "s", "SCRIPT": script}
        before = _sha(photo), _sha(mask), _sha(script)
        if "pull" in argv:
            argv = [part for part in argv if part != "pull"]  # never a download from a test
        code, out, err = _cli(*[names.get(part, part) for part in argv], cwd=folder)
        _clean_outcome(code, out, err)
        assert (_sha(photo), _sha(mask), _sha(script)) == before
