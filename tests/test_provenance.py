"""Metadata that travels: every PNG Retouch writes says how it was made, and can be replayed."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from retouch.tools.provenance import CHUNK_KEY, read_provenance
from tests.support import pixels


@pytest.fixture
def two_step_output(run_cli, person_photo: Path, tmp_path: Path) -> Path:
    """remove the person, then (continuing the session) grow the canvas and brighten: -o out.png."""
    session = tmp_path / "s"
    code, _, err = run_cli("edit", person_photo, "remove the person", "--session", session, "--seed", "4")
    assert code == 0, err
    out = tmp_path / "out.png"
    code, _, err = run_cli("edit", person_photo, "extend the canvas 32 px to the right and make it a bit brighter",
                           "--session", session, "--seed", "9", "-o", out)
    assert code == 0, err
    return out


def test_outputs_and_versions_carry_every_step(two_step_output: Path, tmp_path: Path) -> None:
    metadata = read_provenance(two_step_output)
    assert metadata == read_provenance(tmp_path / "s" / "v002.png"), "-o carries the version's history"
    assert metadata["source"]["name"] == "image.png" and len(metadata["source"]["sha256"]) == 64
    steps = metadata["steps"]
    assert [(s["kind"], s["words"]) for s in steps] == [
        ("edit", "remove the person"),
        ("edit", "extend the canvas 32 px to the right and make it a bit brighter")]
    first_calls = steps[0]["plan"]["calls"]
    assert [c["tool"] for c in first_calls] == ["select", "refine_mask", "inpaint"]
    assert first_calls[2]["args"]["seed"] == 4, "the resolved plan records the seed that was used"
    assert steps[0]["backends"]["inpaint"]["backend"] == "builtin" and steps[0]["backends"]["planner"] == "rules"
    assert steps[1]["plan"]["calls"][0]["args"]["seed"] == 9


def test_info_prints_the_history(run_cli, two_step_output: Path) -> None:
    code, out, _ = run_cli("info", two_step_output)
    lines = out.splitlines()
    assert code == 0
    assert lines[0].startswith("out.png: made by Retouch ") and "from image.png (sha256 " in lines[0]
    assert lines[1] == "  1. edit    'remove the person'"
    assert lines[2].strip().startswith("select(target person) → refine_mask(grow 14, blur 8) → inpaint(task remove")
    assert "seed 4" in lines[2] and "[inpaint builtin]" in lines[2]
    assert lines[-1] == f"replay: retouch apply {two_step_output} --image image.png"
    code, out, _ = run_cli("info", two_step_output, "--json")
    assert json.loads(out) == read_provenance(two_step_output)


def test_apply_replays_a_png_to_the_same_pixels(run_cli, two_step_output: Path, person_photo: Path,
                                                tmp_path: Path) -> None:
    replayed = tmp_path / "replayed.png"
    code, _, err = run_cli("apply", two_step_output, "--image", person_photo, "-o", replayed,
                           "--session", tmp_path / "again")
    assert code == 0, err
    assert np.array_equal(pixels(replayed), pixels(two_step_output))
    assert read_provenance(replayed)["steps"] == read_provenance(two_step_output)["steps"]


def test_a_selection_step_is_part_of_the_history(person_photo: Path, tmp_path: Path) -> None:
    import retouch

    editor = retouch.open(person_photo, session=tmp_path / "s")
    editor.edit("select the person")
    made = editor.edit("make it brighter")
    steps = read_provenance(made.path)["steps"]
    assert [s["kind"] for s in steps] == ["select", "edit"]
    # After undo, a new edit's history starts from the version it was made from.
    editor.undo()
    branched = editor.edit("make it darker")
    assert [s["words"] for s in read_provenance(branched.path)["steps"]] == ["make it darker"]


def test_a_mask_file_step_needs_the_mask_to_replay(run_cli, person_photo: Path, person_mask: Path,
                                                   tmp_path: Path) -> None:
    out = tmp_path / "out.png"
    code, _, err = run_cli("edit", person_photo, "remove this", "--mask", person_mask, "--seed", "1", "-o", out)
    assert code == 0, err
    assert read_provenance(out)["steps"][0] == {"kind": "mask", "source": "mask file"}
    code, _, err = run_cli("apply", out, "--image", person_photo, "-o", tmp_path / "no.png")
    assert code == 1 and "started from a mask file" in err and "--mask" in err
    assert not (tmp_path / "no.png").exists()
    code, _, err = run_cli("apply", out, "--image", person_photo, "--mask", person_mask, "-o", tmp_path / "yes.png")
    assert code == 0, err
    assert np.array_equal(pixels(tmp_path / "yes.png"), pixels(out))


def _png_with_chunk(path: Path, text: str) -> Path:
    info = PngInfo()
    info.add_itxt(CHUNK_KEY, text)
    Image.new("RGB", (8, 8)).save(path, pnginfo=info)
    return path


def test_hostile_metadata_is_one_line_and_never_writes_elsewhere(run_cli, person_photo: Path,
                                                                 tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.png"
    save_step = {"kind": "edit", "words": "brighter and save",
                 "plan": {"calls": [{"tool": "adjust", "args": {"brightness": 0.2}},
                                    {"tool": "save", "args": {"path": str(target)}}], "reply": ""}}
    crafted = _png_with_chunk(tmp_path / "crafted.png", json.dumps({"steps": [save_step]}))
    code, _, err = run_cli("apply", crafted, "--image", person_photo, "-o", tmp_path / "r.png")
    assert code == 0, err
    assert not target.exists(), "a save inside a PNG's history is never replayed"

    bad_tool = _png_with_chunk(tmp_path / "bad.png", json.dumps(
        {"steps": [{"kind": "edit", "plan": {"calls": [{"tool": "shell", "args": {"cmd": "rm -rf /"}}]}}]}))
    code, _, err = run_cli("apply", bad_tool, "--image", person_photo)
    assert code == 1 and "does not match the plan schema" in err and len(err.strip().splitlines()) == 1

    for text, message in (("{not json", "damaged"), ('["a list"]', "unknown shape")):
        code, _, err = run_cli("info", _png_with_chunk(tmp_path / "x.png", text))
        assert code == 1 and message in err

    code, _, err = run_cli("info", person_photo)
    assert code == 1 and "carries no Retouch metadata" in err
    code, _, err = run_cli("apply", person_photo, "--image", person_photo)
    assert code == 1 and "nothing to replay" in err


def test_info_never_prints_escape_sequences_from_the_file(run_cli, tmp_path: Path) -> None:
    step = {"kind": "edit", "words": "\x1b]0;owned\x07\x1b[2Jbrighter",
            "plan": {"calls": [{"tool": "adjust", "args": {"brightness": 0.2}}], "reply": "\x1b[31mred"}}
    crafted = _png_with_chunk(tmp_path / "esc.png", json.dumps({"source": {"name": "\x1b[2Jx.png"}, "steps": [step]}))
    for extra in ((), ("--json",)):
        code, out, err = run_cli("info", crafted, *extra)
        assert code == 0, err
        assert "\x1b" not in out and "\x07" not in out and "brighter" in out


def test_a_point_selection_is_recorded_and_replayed(run_cli, dog_photo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.png"
    # --pick all answers "I also see … below — remove that too?" (the tail): the replay does the same
    code, _, err = run_cli("edit", dog_photo, "remove this", "--point", "252,262", "--seed", "2", "--pick", "all",
                           "-o", out)
    assert code == 0, err
    steps = read_provenance(out)["steps"]
    assert steps[0] == {"kind": "point", "schema": 2, "gestures": [{"kind": "add", "point": [252, 262]}]}
    assert steps[1]["words"] == "remove this"
    assert steps[1]["plan"]["calls"][-1]["args"]["leftovers"] == "all"
    code, info, _ = run_cli("info", out)
    assert "  1. point   what is at (252, 262)" in info
    code, _, err = run_cli("apply", out, "--image", dog_photo, "-o", tmp_path / "again.png")
    assert code == 0, err
    assert np.array_equal(pixels(tmp_path / "again.png"), pixels(out))


def test_plan_lines_show_a_zero_but_not_an_unset_value() -> None:
    from retouch.agent.plan_summary import plan_line

    plan = {"calls": [{"tool": "inpaint", "args": {"task": "remove", "prompt": "", "strength": 1.0,
                                                   "fill": "original", "seed": 0, "exclude": False}}]}
    assert plan_line(plan) == "inpaint(task remove, strength 1.0, fill original, seed 0)"
    kept = {"calls": [{"tool": "select", "args": {"target": "person", "all": True}},
                      {"tool": "select", "args": {"target": "boy", "subtract": True}},
                      {"tool": "crop", "args": {"trim": True}}]}
    assert plan_line(kept) == "select(target person) → select(target boy, subtract) → crop(trim)"   # a switch by name
    centred = {"calls": [{"tool": "select", "args": {"target": "vase"}},
                         {"tool": "crop", "args": {"center_on_selection": True, "keep_selection": False}}]}
    assert plan_line(centred) == "select(target vase) → crop(center_on_selection)"   # not a bare "crop()"
    assert plan_line({"calls": [{"tool": "crop", "args": {"subject": True}}]}) == "crop(subject)"   # the subject crop
    closer = {"calls": [{"tool": "crop", "args": {"keep_selection": True, "center_on_selection": False}}]}
    assert plan_line(closer) == "crop(keep_selection)"
    strip = {"calls": [{"tool": "region", "args": {"box": None, "side": "bottom", "fraction": 0.5, "pixels": None,
                                                   "mask_path": None, "relation": None, "add": False}},
                       {"tool": "adjust", "args": {"brightness": 0.25, "masked": True}}]}
    assert plan_line(strip) == "region(side bottom, fraction 0.5) → adjust(brightness 0.25)"   # which strip, not "region()"
    read = {"calls": [{"tool": "enhance", "args": {"parts": ["exposure"], "strength": 1.0, "felt": ["too_dark"]}},
                      {"tool": "inpaint", "args": {"task": "fix", "flaw": "red_eye", "prompt": "", "strength": 0.6}},
                      {"tool": "inpaint", "args": {"task": "recolor", "prompt": "red lips", "color_share": 0.3}}]}
    assert plan_line(read).split(" → ") == [                  # what the words read into a call shows on its card
        "enhance(parts (exposure), felt (too_dark), strength 1.0)", "inpaint(task fix, flaw red_eye, strength 0.6)",
        "inpaint(task recolor, prompt red lips, color_share 0.3)"]


def test_every_adjust_amount_shows_on_a_plan_card() -> None:
    """A softening showed as a bare "adjust()" in the chat: the card's settings lacked sharpness. Every amount an adjust
    carries is shown, whichever it is."""
    from retouch.agent.plan import ADJUST_AMOUNTS
    from retouch.agent.plan_summary import plan_line

    for name in ADJUST_AMOUNTS:
        assert plan_line({"calls": [{"tool": "adjust", "args": {name: -0.25}}]}) == f"adjust({name} -0.25)"

