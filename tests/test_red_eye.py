"""Red eyes fixed with no weights: the plan names the flaw ('red_eye'), the policy keeps the selection to
the eyes, and the built-in backend lowers the red of the pupils to their green and blue — on
scikit-image's `astronaut` (public domain) with red pupils painted in where the finder puts her irises."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image
from scipy.ndimage import distance_transform_edt

from retouch.agent.plan import Plan
from retouch.agent.planner.rules import RulesPlanner
from retouch.agent.policy import resolve_plan
from retouch.tools.builtin_inpainter import BuiltinInpainter, without_red_eye
from retouch.tools.errors import ModelMissing
from retouch.tools.inpaint import InpaintRequest

FLASH_RED = (205, 32, 38)
CATCH_LIGHT = (250, 246, 244)
PUPIL_RADIUS = 4


def _plan(words: str) -> Plan:
    return RulesPlanner().plan(words)


def _inpaint_args(plan: Plan):
    return next(call.args for call in plan.calls if call.tool == "inpaint")


@pytest.fixture(scope="module")
def finder():
    from retouch.tools.finders.embedded import EmbeddedFinder

    return EmbeddedFinder()


@pytest.fixture(scope="module")
def flash_photo(finder, tmp_path_factory) -> tuple[Path, list[tuple[int, int]], np.ndarray]:
    """The astronaut with a flash's red in both pupils and a catch-light in each; the pupils' centres;
    the eyes the finder finds on it."""
    from skimage import data

    pixels = data.astronaut().copy()
    centres = []
    for iris in finder.find(Image.fromarray(pixels), "iris"):
        ys, xs = np.nonzero(iris.mask > 127)
        centre = (int(round(xs.mean())), int(round(ys.mean())))
        cv2.circle(pixels, centre, PUPIL_RADIUS, FLASH_RED, -1)
        pixels[centre[1] - 1, centre[0] + 1] = CATCH_LIGHT
        centres.append(centre)
    assert len(centres) == 2
    path = tmp_path_factory.mktemp("red_eye") / "flash.png"
    Image.fromarray(pixels).save(path)
    eyes = np.zeros(pixels.shape[:2], bool)
    for eye in finder.find(Image.fromarray(pixels), "eye"):
        eyes |= eye.mask > 127
    return path, centres, eyes


def _disc(shape: tuple[int, int], centre: tuple[int, int]) -> np.ndarray:
    disc = np.zeros(shape, np.uint8)
    cv2.circle(disc, centre, PUPIL_RADIUS, 1, -1)
    return disc > 0


def _reach(session: Path) -> int:
    """How far past the selection the last edit may reach: its grow plus its soft edge."""
    import json

    entry = [json.loads(line) for line in (session / "journal.jsonl").read_text().splitlines()][-1]
    refine = next(c for c in entry["resolved"]["calls"] if c["tool"] == "refine_mask")["args"]
    return refine["grow"] + refine["blur"]


# ---- the plan and the policy ------------------------------------------------------------------


@pytest.mark.parametrize("words", ["get rid of the redeye on both kids", "could you take the red-eye out",
                                   "warm it up a little and remove the red eyes", "fix the red eyes please"])
def test_a_red_eye_fix_names_its_flaw(words) -> None:
    args = _inpaint_args(_plan(words))
    assert (args.task, args.flaw) == ("fix", "red_eye")


@pytest.mark.parametrize("words", ["fix his hands", "give the kitten natural eyes", "fix her eyes"])
def test_other_fixes_name_no_flaw(words) -> None:
    args = _inpaint_args(_plan(words))
    assert (args.task, args.flaw) == ("fix", None)


def test_the_red_eye_fix_keeps_the_selection_to_the_eyes() -> None:
    """Grown by the fix row's 24 px, the eyes reach the brows and the hair, as red by their channels."""
    plan, _ = resolve_plan(_plan("take the red eye out of his portrait"))
    refine = next(call.args for call in plan.calls if call.tool == "refine_mask")
    assert (refine.grow, refine.blur) == (3, 3)
    assert next(call.args for call in plan.calls if call.tool == "inpaint").variations == 1    # measured: one answer
    plan, _ = resolve_plan(_plan("fix her eyes"))
    refine = next(call.args for call in plan.calls if call.tool == "refine_mask")
    assert refine.grow == 24
    assert next(call.args for call in plan.calls if call.tool == "inpaint").variations == 4


# ---- the built-in backend ---------------------------------------------------------------------


def test_the_builtin_backend_takes_the_red_eye_fix_and_still_refuses_other_fixes() -> None:
    builtin = BuiltinInpainter()
    assert builtin.supports(InpaintRequest(task="fix", flaw="red_eye"))
    assert not builtin.supports(InpaintRequest(task="fix"))
    image = Image.new("RGB", (32, 32), (120, 90, 70))
    mask = np.zeros((32, 32), np.uint8)
    mask[8:24, 8:24] = 255
    with pytest.raises(ModelMissing, match="needs a diffusion model"):
        builtin.inpaint(image, mask, InpaintRequest(task="fix"))


def test_only_a_flash_s_red_is_lowered() -> None:
    colours = {"flash red": FLASH_RED, "dim flash red": (92, 24, 26), "catch-light": CATCH_LIGHT,
               "skin": (201, 152, 124), "brown lashes": (96, 62, 27), "brown iris": (120, 70, 40),
               "pink eye corner": (190, 140, 135), "grey": (80, 80, 80)}
    rows = np.array([list(colours.values())] * 3, np.uint8)  # a few pixels of each: enough red to count
    out = np.asarray(without_red_eye(Image.fromarray(rows), np.full(rows.shape[:2], 255, np.uint8)))
    after = dict(zip(colours, out[0].tolist()))
    for name in ("flash red", "dim flash red"):
        red, green, blue = after[name]
        assert red <= (green + blue) / 2 + 2, (name, after[name])
        assert (green, blue) == tuple(colours[name][1:]), "green and blue stay"
    for name in ("catch-light", "skin", "brown lashes", "brown iris", "grey"):
        assert after[name] == list(colours[name]), name
    assert after["pink eye corner"][0] >= colours["pink eye corner"][0] - 12


def test_eyes_with_no_red_are_not_quietly_passed(finder) -> None:
    from skimage import data

    photo = Image.fromarray(data.astronaut())
    mask = np.zeros((512, 512), np.uint8)
    for eye in finder.find(photo, "eye"):
        mask[eye.mask > 127] = 255
    with pytest.raises(ModelMissing, match="^I found no red in the selected eyes to take out"):
        BuiltinInpainter().inpaint(photo, mask, InpaintRequest(task="fix", flaw="red_eye", mask_blur=3))


# ---- end to end -------------------------------------------------------------------------------


def test_fix_the_red_eyes_end_to_end(run_cli, flash_photo, tmp_path: Path) -> None:
    path, centres, eyes = flash_photo
    out, session = tmp_path / "fixed.png", tmp_path / "session"
    code, _, err = run_cli("edit", path, "fix the red eyes", "-o", out, "--session", session,
                           "--finder", "embedded", "--inpainter", "builtin")
    assert code == 0, err
    before = np.asarray(Image.open(path)).astype(int)
    after = np.asarray(Image.open(out)).astype(int)
    for x, y in centres:
        pupil = _disc(before.shape[:2], (x, y))
        pupil[y - 1, x + 1] = False
        red_before = before[pupil][:, 0].mean() / before[pupil][:, 1:].mean()
        red_after = after[pupil][:, 0].mean() / after[pupil][:, 1:].mean()
        assert red_before > 4 and red_after < 1.2, (red_before, red_after)
        assert after[y - 1, x + 1].tolist() == list(CATCH_LIGHT), "the catch-light stays"
    far = distance_transform_edt(~eyes) > _reach(session) + 1
    assert np.array_equal(after[far], before[far]), "the rest of the photo is untouched"


def test_make_her_eyes_green_changes_only_the_eyes(run_cli, tmp_path: Path, finder) -> None:
    from skimage import data

    path, out, session = tmp_path / "astronaut.png", tmp_path / "green.png", tmp_path / "session"
    Image.fromarray(data.astronaut()).save(path)
    code, _, err = run_cli("edit", path, "make her eyes green", "-o", out, "--session", session,
                           "--finder", "embedded", "--inpainter", "builtin")
    assert code == 0, err
    before = np.asarray(Image.open(path)).astype(int)
    after = np.asarray(Image.open(out)).astype(int)
    irises = np.zeros(before.shape[:2], bool)                 # an eye's colour is its iris's: the whites keep theirs
    for iris in finder.find(Image.open(path).convert("RGB"), "iris"):
        irises |= iris.mask > 127
    changed = np.abs(after - before).max(axis=2) > 0
    assert changed.sum() >= 0.8 * irises.sum()
    assert not (changed & (distance_transform_edt(~irises) > _reach(session) + 1)).any()
    greener = (after[irises][:, 1] - after[irises][:, 0]).mean() - (before[irises][:, 1] - before[irises][:, 0]).mean()
    assert greener > 20, greener
