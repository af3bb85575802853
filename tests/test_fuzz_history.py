"""Property-based fuzzing of the histories PNGs carry and of plan text (issue 22): `retouch info`,
`info --json` and `retouch apply FILE.png` on any history, and `retouch apply PLAN` on any text
(nested thousands deep, numbers thousands of digits long, damaged point steps, fields of the wrong
type), end in success or one `retouch: error:` line — never `internal error`, never a traceback,
never an escape byte on the terminal, never a version written before a damaged step is found.

The strategies for plans and hostile text are test_fuzz_inputs' own (one corpus of plan shapes).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from tests.test_fuzz_inputs import FUZZ, HOSTILE_TEXT, PLANS, SCALARS, VALUES, _clean_outcome, _cli, _photo, _scratch


@pytest.fixture(autouse=True)
def _quiet_config(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No finder model: a select by name finds nothing, at once."""
    config = tmp_path_factory.mktemp("config") / "config.toml"
    config.write_text('finder = "none"\n')
    monkeypatch.setenv("RETOUCH_CONFIG", str(config))


POINTS = st.one_of(VALUES, st.tuples(st.integers(-5, 40), st.integers(-5, 40)).map(list),
                   st.sampled_from([[1e308, 0], [True, 1], ["3", "4"], [[1], [2]], [1, 2, 3]]))
STEPS = st.one_of(
    st.fixed_dictionaries({"kind": st.sampled_from(["edit", "select"]), "words": st.one_of(HOSTILE_TEXT, SCALARS),
                           "plan": PLANS},
                          optional={"backends": st.one_of(SCALARS, st.dictionaries(HOSTILE_TEXT, VALUES, max_size=2))}),
    st.fixed_dictionaries({"kind": st.just("point"), "point": POINTS}),
    st.fixed_dictionaries({"kind": st.just("mask")}, optional={"source": VALUES}),
    st.dictionaries(st.sampled_from(["kind", "words", "plan", "point", "version"]), VALUES, max_size=3),
    SCALARS,
)
HISTORIES = st.one_of(
    st.fixed_dictionaries({"steps": st.lists(STEPS, max_size=4)},
                          optional={"source": st.one_of(SCALARS, st.dictionaries(st.sampled_from(["name", "sha256"]),
                                                                                 SCALARS, max_size=2)),
                                    "retouch": SCALARS, "format": SCALARS}),
    st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                  st.dictionaries(st.sampled_from(["steps", "source", "kind"]), inner,
                                                                  max_size=3)), max_leaves=6),
)


def _deep(depth: int, opener: str = "[") -> str:
    closer = {"[": "]", "{": "}"}[opener]
    body = '{"a":' * depth + "1" + "}" * depth if opener == "{" else opener * depth + closer * depth
    return body


RAW_TEXT = st.one_of(
    st.integers(1, 6000).map(_deep),
    st.integers(1, 3000).map(lambda depth: _deep(depth, "{")),
    st.integers(1, 6000).map(lambda digits: '{"steps": [], "n": ' + "9" * digits + "}"),
    st.integers(1, 6000).map(lambda depth: '{"calls": [' + _deep(depth) + '], "reply": ""}'),
    st.integers(1, 3000).map(lambda depth: '{"steps": [{"kind": "point", "point": ' + _deep(depth) + "}]}"),
    st.sampled_from(['{"steps": [{"kind": "point", "point": [NaN, Infinity]}]}', '{"steps": [1e999]}',
                     '{"calls": [{"tool": "adjust", "args": {"brightness": -Infinity}}], "reply": ""}']),
)


def _history_png(folder: Path, text: str) -> Path:
    info = PngInfo()
    info.add_itxt("retouch", text, zip=True)
    path = folder / "history.png"
    Image.open(_photo(folder)).save(path, pnginfo=info)
    return path


def _check_history(text: str) -> None:
    with _scratch() as folder:
        photo = _photo(folder)
        history = _history_png(folder, text)
        for argv in (("info", history), ("info", history, "--json"),
                     ("apply", history, "--image", photo, "--session", folder / "s")):
            code, out, err = _cli(*argv, cwd=folder)
            _clean_outcome(code, out, err)
            if argv[0] == "apply" and code != 0:
                assert not list((folder / "s").glob("v001*.png")) or "kept v" in err


@FUZZ
@given(history=HISTORIES)
def test_any_history_is_shown_replayed_or_one_line(history: Any) -> None:
    _check_history(json.dumps(history, allow_nan=True))


@FUZZ
@given(text=RAW_TEXT)
def test_any_history_text_is_one_line_at_worst(text: str) -> None:
    _check_history(text)


@FUZZ
@given(text=RAW_TEXT)
def test_any_plan_text_is_one_line_at_worst(text: str) -> None:
    with _scratch() as folder:
        photo = _photo(folder)
        (folder / "plan.json").write_text(text)
        code, out, err = _cli("apply", folder / "plan.json", "--image", photo, "--session", folder / "s", cwd=folder)
        _clean_outcome(code, out, err)
