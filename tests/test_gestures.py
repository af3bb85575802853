"""Selections from several gestures (`tools.gestures`, `tools.point_select`) on the command line,
in the PNG history and the journal, and through SAM's prompt.

The dog photo has a tight whole-dog mask with its tail (data/README.md): the tail hangs below the
bench seat, apart from the body, in front of grass of nearly its colour.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from retouch.tools.errors import RetouchError
from retouch.tools.gestures import Gestures, add, box, from_flags, subtract
from retouch.tools.point_select import grabcut_gestures, select_with_gestures
from retouch.tools.provenance import read_provenance
from tests.support import DATA

DOG = DATA / "overture-creations-5sI6fQgYIuo.png"
WHOLE_DOG = DATA / "overture-creations-5sI6fQgYIuo_mask_with_tail.png"
BODY, TAIL = (252, 262), (240, 430)
LATTICE = (120, 290)
"""The bench's lattice left of the dog."""
DOG_BOX = (165, 100, 320, 475)


def iou(a: np.ndarray, b: np.ndarray) -> float:
    return float((a & b).sum() / max(1, (a | b).sum()))


@pytest.fixture(scope="module")
def dog() -> Image.Image:
    return Image.open(DOG).convert("RGB")


@pytest.fixture(scope="module")
def truth() -> np.ndarray:
    return np.asarray(Image.open(WHOLE_DOG).convert("L")) > 127


def tail_of(truth: np.ndarray) -> np.ndarray:
    below = truth.copy()
    below[:372] = False  # the part below the bench seat
    return below


# ---- the weight-free outline from several gestures ---------------------------------------------


def test_two_clicks_body_and_tail_select_the_dog_and_some_tail(dog, truth) -> None:
    one = grabcut_gestures(dog, Gestures.click(*BODY)) > 127
    two = grabcut_gestures(dog, Gestures.of(add(*BODY), add(*TAIL))) > 127
    assert iou(one, truth) >= 0.8  # measured 0.848: the body alone
    assert iou(two, truth) >= 0.85  # measured 0.891
    assert not one[TAIL[1], TAIL[0]] and two[TAIL[1], TAIL[0]]
    assert (two & tail_of(truth)).sum() > 0.3 * tail_of(truth).sum()  # measured 47 %
    assert not (one & ~two).any(), "a click adds; it never takes away"


def test_more_clicks_on_the_tail_take_all_of_it_without_the_grass(dog, truth) -> None:
    clicks = Gestures.of(add(*BODY), add(*TAIL), add(240, 400), add(245, 455))
    selected = grabcut_gestures(dog, clicks) > 127
    assert iou(selected, truth) >= 0.9  # measured 0.922
    assert (selected & tail_of(truth)).sum() > 0.85 * tail_of(truth).sum()  # measured 96 %
    below_seat = np.zeros_like(selected)
    below_seat[372:] = True
    assert (selected & below_seat & ~truth).sum() < 2000, "not the strip of grass under the bench (≈ 20,000 px)"


def test_a_point_taken_away_removes_the_part_under_it(dog, truth) -> None:
    with_lattice = grabcut_gestures(dog, Gestures.of(add(*BODY), add(*LATTICE))) > 127
    taken = grabcut_gestures(dog, Gestures.of(add(*BODY), add(*LATTICE), subtract(*LATTICE))) > 127
    assert with_lattice[LATTICE[1], LATTICE[0]] and (with_lattice & ~truth).sum() > 5000
    assert not taken[LATTICE[1], LATTICE[0]] and (taken & ~truth).sum() < 1500
    assert iou(taken, truth) >= 0.8


def test_a_box_bounds_the_selection(dog, truth) -> None:
    selected = grabcut_gestures(dog, Gestures.of(box(*DOG_BOX))) > 127
    x0, y0, x1, y1 = DOG_BOX
    inside = np.zeros_like(selected)
    inside[y0:y1, x0:x1] = True
    assert not (selected & ~inside).any()
    assert iou(selected, truth) >= 0.8  # measured 0.832
    with_tail = grabcut_gestures(dog, Gestures.of(box(*DOG_BOX), add(*TAIL))) > 127
    assert with_tail[TAIL[1], TAIL[0]] and iou(with_tail, truth) > iou(selected, truth)


def test_the_order_is_kept_and_the_same_gestures_give_the_same_mask(dog) -> None:
    gestures = Gestures.of(add(*BODY), add(*TAIL), subtract(*LATTICE))
    assert np.array_equal(grabcut_gestures(dog, gestures), grabcut_gestures(dog, gestures))
    assert Gestures.from_step(json.loads(json.dumps(gestures.to_step()))) == gestures


# ---- hostile values: one clear line ------------------------------------------------------------


@pytest.mark.parametrize("flags, message", [
    ([("add", "600,10")], "the point (600, 10) lies outside the 512×512 image"),
    ([("add", "-1,10")], "the point (-1, 10) lies outside the 512×512 image"),
    ([("add", "nan,10")], "'nan,10' is not a point"),
    ([("add", "inf,inf")], "'inf,inf' is not a point"),
    ([("add", "1e3,4")], "'1e3,4' is not a point"),
    ([("add", "\x1b[31m1,2")], "is not a point"),
    ([("box", "300,10,100,200")], "the box 300,10,100,200 is not left,top,right,bottom"),
    ([("box", "10,10,10,200")], "is not left,top,right,bottom"),
    ([("box", "0,0,513,512")], "reaches outside the 512×512 image"),
    ([("box", "1,2,3")], "'1,2,3' is not a box"),
    ([("box", "0,0,50,50"), ("box", "0,0,60,60")], "a selection takes one box"),
    ([("subtract", "10,10")], "a point taken away needs something to take it from"),
    ([("add", "1,1")] * 10_000, "10000 points given; a selection takes at most 64"),
])
def test_hostile_gestures_are_refused_in_one_line(flags, message) -> None:
    with pytest.raises(RetouchError) as refused:
        from_flags(flags, (512, 512))
    assert message in str(refused.value) and "\n" not in str(refused.value)


@pytest.mark.parametrize("step, message", [
    ({"kind": "point", "point": [1]}, "its point is not two whole numbers"),
    ({"kind": "point", "point": [1.5, 2]}, "its point is not two whole numbers"),
    ({"kind": "point", "schema": 9, "gestures": []}, "schema 9, which this Retouch doesn't know"),
    ({"kind": "point", "schema": 2, "gestures": "x"}, "gestures"),
    ({"kind": "point", "schema": 2, "gestures": [{"kind": "add", "point": [1, -1]}]}, "from 0 to 100000"),
    ({"kind": "point", "schema": 2, "gestures": [{"kind": "add", "point": [1, 1], "run": "x"}]}, "Extra inputs"),
    ({"kind": "point", "schema": 2, "gestures": [{"kind": "box", "box": [5, 5, 1, 1]}]}, "x1 > x0"),
    ({"kind": "point", "schema": 2, "gestures": [{"kind": "add", "point": [1, 1]}] * 65}, "at most 64 points"),
    ({"kind": "point", "schema": 2, "gestures": [{"kind": "add", "point": ["nan", 1]}]}, "point"),
])
def test_a_damaged_point_step_is_refused_in_one_line(step, message) -> None:
    with pytest.raises(RetouchError) as refused:
        Gestures.from_step(step, "out.png step 1")
    assert message in str(refused.value) and str(refused.value).startswith("out.png step 1")


@pytest.mark.parametrize("gestures, where, outline", [
    ((add(5, 6),), "at (5, 6)", "the click"),
    ((add(5, 6), add(7, 8)), "from 2 points", "the clicks"),
    ((box(1, 2, 30, 40),), "from the box 1,2,30,40", "the box"),
    ((box(1, 2, 30, 40), subtract(9, 9)), "from the box 1,2,30,40, 1 point taken away", "the box and the click"),
    ((add(5, 6), subtract(9, 9), box(1, 2, 30, 40)), "from 1 point, 1 taken away, the box 1,2,30,40",
     "the box and the clicks"),
])
def test_the_reply_names_the_gestures_as_made(gestures, where, outline) -> None:
    """A box with a point taken away reads "the box …, 1 point taken away", not "from 1 taken away, …"."""
    made = Gestures(gestures=gestures)
    assert made.where() == where
    assert made.outlined_from() == outline


@pytest.mark.parametrize("x", [float("nan"), float("inf"), 1.5, True, "3", -4, 10**9])
def test_a_gesture_made_in_code_takes_whole_pixels_only(x) -> None:
    """`Agent.gesture(add(x, y))` from a script: nothing is rounded or coerced."""
    with pytest.raises(RetouchError) as refused:
        add(x, 3)
    assert "\n" not in str(refused.value)
    assert add(np.int64(7), np.uint16(3)).point == (7, 3), "numpy's integers are whole pixels"


def test_a_gesture_outside_the_current_image_is_refused_before_any_work(dog) -> None:
    with pytest.raises(RetouchError, match="lies outside the 512×512 image"):
        select_with_gestures(dog, Gestures.of(add(10, 10), add(5000, 10)))


# ---- the command line ------------------------------------------------------------------------


def _mask(path: Path) -> np.ndarray:
    return np.asarray(Image.open(path).convert("L")) > 127


def test_cli_repeated_points_a_point_taken_away_and_a_box(run_cli, dog, tmp_path: Path) -> None:
    runs = {
        "one": ("--point", "252,262"),
        "two": ("--point", "252,262", "--point", "240,430"),
        "lattice": ("--point", "252,262", "--point", "120,290"),
        "taken": ("--point", "252,262", "--point", "120,290", "--minus-point", "120,290"),
        "box": ("--box", "165,100,320,475"),
    }
    masks = {}
    for name, flags in runs.items():
        code, _, err = run_cli("mask", DOG, *flags, "-o", tmp_path / f"{name}.png", "--finder", "none")
        assert code == 0, err
        masks[name] = _mask(tmp_path / f"{name}.png")
    expected = {"two": Gestures.of(add(*BODY), add(*TAIL)), "taken": Gestures.of(add(*BODY), add(*LATTICE), subtract(*LATTICE)),
                "box": Gestures.of(box(*DOG_BOX))}
    for name, gestures in expected.items():
        assert np.array_equal(masks[name], grabcut_gestures(dog, gestures) > 127), name
    assert masks["two"][TAIL[1], TAIL[0]] and not masks["one"][TAIL[1], TAIL[0]]
    assert masks["lattice"][LATTICE[1], LATTICE[0]] and not masks["taken"][LATTICE[1], LATTICE[0]]
    assert not masks["box"][:100].any() and not masks["box"][:, 320:].any()


def test_cli_flags_keep_their_order(run_cli, tmp_path: Path) -> None:
    code, out, err = run_cli("mask", DOG, "--point", "252,262", "--box", "165,100,320,475", "--minus-point",
                             "120,290", "--point", "240,430", "-o", tmp_path / "m.png", "--finder", "none", "--json")
    assert code == 0, err
    kinds = [g["kind"] for g in json.loads(out)["point_selection"]["gestures"]]
    assert kinds == ["add", "box", "subtract", "add"]
    assert "selected the thing from 2 points, 1 taken away, the box 165,100,320,475" in err


@pytest.mark.parametrize("flags, message", [
    (("--point", "9999,1"), "the point (9999, 1) lies outside the 512×512 image"),
    (("--point", "1,2", "--box", "50,50,10,10"), "is not left,top,right,bottom"),
    (("--minus-point", "10,10"), "a point taken away needs something to take it from"),
    (("--point", "nan,nan"), "is not a point"),
])
def test_cli_hostile_gestures_fail_in_one_line_and_write_nothing(run_cli, tmp_path: Path, flags, message) -> None:
    for command in (("mask", DOG), ("edit", DOG, "remove this", "--session", tmp_path / "s")):
        code, _, err = run_cli(*command, *flags, "-o", tmp_path / "out.png")
        assert code == 1 and message in err, err
        assert err.count("\n") == 1 and err.startswith("retouch: error: ")
        assert not (tmp_path / "out.png").exists()


def test_cli_ten_thousand_points_are_refused_before_any_work(run_cli, tmp_path: Path) -> None:
    flags = [part for _ in range(10_000) for part in ("--point", "10,10")]
    code, _, err = run_cli("mask", DOG, *flags, "-o", tmp_path / "m.png")
    assert code == 1 and "10000 points given; a selection takes at most 64" in err and err.count("\n") == 1


# ---- replay: the PNG history and the journal -------------------------------------------------


def test_a_multi_gesture_edit_replays_from_the_png_history_to_the_same_mask(run_cli, dog, tmp_path: Path) -> None:
    out = tmp_path / "out.png"
    code, _, err = run_cli("edit", DOG, "remove this", "--point", "252,262", "--point", "240,430",
                           "--minus-point", "120,290", "--box", "150,90,330,480", "--seed", "3", "-o", out,
                           "--session", tmp_path / "s", "--finder", "none", "--pick", "first")
    assert code == 0, err
    steps = read_provenance(out)["steps"]
    assert steps[0] == {"kind": "point", "schema": 2, "gestures": [
        {"kind": "add", "point": [252, 262]}, {"kind": "add", "point": [240, 430]},
        {"kind": "subtract", "point": [120, 290]}, {"kind": "box", "box": [150, 90, 330, 480]}]}
    code, info, _ = run_cli("info", out)
    assert "  1. point   what is from 2 points, 1 taken away, the box 150,90,330,480" in info
    again = tmp_path / "again.png"
    code, _, err = run_cli("apply", out, "--image", DOG, "-o", again, "--session", tmp_path / "s2", "--finder", "none")
    assert code == 0, err
    assert np.array_equal(np.asarray(Image.open(again)), np.asarray(Image.open(out)))
    from retouch.agent.session import Session

    first, second = (Session.open(tmp_path / name) for name in ("s", "s2"))
    masks = [np.asarray(Image.open(s.root / next(e for e in s.entries if e.get("kind") == "select")["mask"]))
             for s in (first, second)]
    assert np.array_equal(masks[0], masks[1]), "the replay selected the same pixels"


def test_the_journal_records_each_gesture_and_its_mask_is_what_the_gestures_give(dog, tmp_path: Path) -> None:
    from retouch.agent.session import Session
    from retouch.tui.commands.common import make_agent

    session = Session.create(tmp_path / "s", DOG)
    agent = make_agent(argparse.Namespace(finder="none", inpainter=None, planner=None, force=False), session)
    for gesture in (add(*BODY), add(*TAIL), add(*LATTICE), subtract(*LATTICE)):
        agent.gesture(gesture)
    entries = [e for e in session.entries if e.get("kind") == "select"]
    assert [len(e["point_selection"]["gestures"]) for e in entries] == [1, 2, 3, 4]
    for entry in entries:
        recorded = Gestures.from_step({"schema": 2, "gestures": entry["point_selection"]["gestures"]})
        journaled = np.asarray(Image.open(session.root / entry["mask"]))
        assert np.array_equal(journaled, select_with_gestures(dog, recorded).mask)
    agent.undo_gesture()
    assert np.array_equal(agent.mask, np.asarray(Image.open(session.root / entries[2]["mask"])))
    assert session.entries[-1]["words"].startswith("(undo a gesture")


def test_an_old_history_with_one_click_still_replays(run_cli, tmp_path: Path) -> None:
    """Schema 1 (before gestures): {"kind": "point", "point": [x, y]}."""
    from PIL.PngImagePlugin import PngInfo

    metadata = {"format": 1, "retouch": "0.1", "source": {"name": DOG.name}, "steps": [
        {"kind": "point", "point": [252, 262]},
        {"kind": "edit", "words": "make this navy", "plan": {"calls": [
            {"tool": "refine_mask", "args": {}}, {"tool": "inpaint", "args": {"task": "recolor", "prompt": "navy",
                                                                               "color": "navy", "seed": 0}}]}}]}
    old = tmp_path / "old.png"
    info = PngInfo()
    info.add_itxt("retouch", json.dumps(metadata))
    Image.open(DOG).convert("RGB").save(old, pnginfo=info)
    code, _, err = run_cli("apply", old, "--image", DOG, "-o", tmp_path / "again.png", "--session", tmp_path / "s",
                           "--finder", "none")
    assert code == 0, err
    before = np.asarray(Image.open(DOG).convert("RGB"), np.int16)
    after = np.asarray(Image.open(tmp_path / "again.png").convert("RGB"), np.int16)
    body = grabcut_gestures(Image.open(DOG).convert("RGB"), Gestures.click(*BODY)) > 127
    blue = (after[..., 2] - after[..., 0]) - (before[..., 2] - before[..., 0])
    assert blue[body].mean() > 40
    code, info_text, _ = run_cli("info", old)
    assert "  1. point   what is at (252, 262)" in info_text


# ---- SAM's prompt, with a tiny random SAM ------------------------------------------------------


@pytest.fixture(scope="module")
def tiny_sam(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from testkit.tiny_models.finders import save_tiny_sam

    return save_tiny_sam(tmp_path_factory.mktemp("tiny-sam"))


@pytest.mark.usefixtures("one_torch_thread")
def test_a_sam_prompt_of_clicks_and_a_box_matches_transformers_own_preprocessing(tiny_sam) -> None:
    import torch
    from transformers import SamModel, SamProcessor

    from retouch.tools.finders.segmenter import clean, load_segmenter

    photo = Image.open(DATA / "image.png").convert("RGB")
    sam = load_segmenter(str(tiny_sam), device="cpu")
    model = SamModel.from_pretrained(tiny_sam).eval()
    processor = SamProcessor.from_pretrained(tiny_sam)
    positives, negatives, where = [(60, 40), (120, 150)], [(200, 30)], (20, 10, 230, 250)
    ours, score = sam.segment_prompt(photo, positives, negatives, where)
    inputs = processor(images=photo, input_points=[[[list(p) for p in positives + negatives]]],
                       input_labels=[[[1, 1, 0]]], input_boxes=[[list(where)]], return_tensors="pt")
    with torch.inference_mode():
        out = model(**inputs, multimask_output=False)
    theirs = processor.image_processor.post_process_masks(
        out.pred_masks, inputs["original_sizes"], inputs["reshaped_input_sizes"])[0][0, 0]
    assert np.array_equal(ours, clean(theirs.numpy().astype(bool))), "every click and the box reach SAM, scaled"
    assert score == pytest.approx(float(out.iou_scores[0, 0, 0]), abs=1e-4)
    _, without_negative = sam.segment_prompt(photo, positives, [], where)
    assert without_negative != pytest.approx(score, abs=1e-6), "the point taken away changes SAM's answer"


@pytest.mark.usefixtures("one_torch_thread")
def test_select_with_gestures_hands_the_whole_prompt_to_sam(tiny_sam, monkeypatch) -> None:
    from retouch.tools.finders.segmenter import Sam, load_segmenter

    sam = load_segmenter(str(tiny_sam), device="cpu")
    seen = []
    real = Sam._best_masks

    def spy(self, embedded, multimask=True, **prompt):
        seen.append((multimask, {key: value.tolist() for key, value in prompt.items()}))
        return real(self, embedded, multimask, **prompt)

    monkeypatch.setattr(Sam, "_best_masks", spy)

    class SamFinder:  # a finder with SAM's prompt and no instances of its own
        name = "tiny-sam"

        def find(self, image, label, phrase=None):
            return []

        def segment_prompt(self, image, positives, negatives, box=None):
            return sam.segment_prompt(image, positives, negatives, box)

    photo = Image.open(DATA / "image.png").convert("RGB")
    gestures = Gestures.of(add(60, 40), add(120, 150), subtract(200, 30), box(20, 10, 230, 250))
    try:
        pick = select_with_gestures(photo, gestures, SamFinder())
    except RetouchError:
        pick = None  # a random SAM and GrabCut may both find nothing; the prompt is what is checked
    multimask, prompt = seen[0]
    assert not multimask and prompt["input_labels"] == [[[1, 1, 0]]]
    assert len(prompt["input_points"][0][0]) == 3 and len(prompt["input_boxes"][0]) == 1
    if pick is not None:
        assert pick.method in ("sam-point", "grabcut") and pick.gestures == gestures
