"""A colour made stronger moves part of the way: 'make her lips redder' is not 'make her lips red'.

The plan carries the share the words say (`InpaintArgs.color_share`: a comparative alone, an amount before it, none
for a colour given) and the built-in recolour stops that far along — on scikit-image's `astronaut` (public domain),
her lips found by the embedded finder. The policy's recolour strength (0.55, for diffusion) plays no part."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image

from retouch.agent.planner.rules import RulesPlanner
from retouch.agent.planner.rules_vocab import COMPARATIVE_COLOUR_SHARE, STRONGER_AMOUNT_SHARES
from retouch.agent.policy import resolve_plan
from retouch.tools.builtin_inpainter import recolour

PURE_RED = (255, 0, 0)


def _share(words: str) -> float | None:
    plan, _ = resolve_plan(RulesPlanner().plan(words))
    recolours = [call.args for call in plan.calls if call.tool == "inpaint" and call.args.task == "recolor"]
    assert len(recolours) == 1, words
    return recolours[0].color_share


@pytest.mark.parametrize(("words", "share"), [
    ("could you make her lips redder", COMPARATIVE_COLOUR_SHARE),
    ("make her lips a bit redder", STRONGER_AMOUNT_SHARES["a bit"]),
    ("the pond a little more green", STRONGER_AMOUNT_SHARES["a little"]),
    ("make the towel much pinker", STRONGER_AMOUNT_SHARES["much"]),
    ("make the scarf more purple", COMPARATIVE_COLOUR_SHARE),
    ("make her lips red", None),
    ("paint the gate dark green", None),
])
def test_the_plan_carries_how_far_the_words_go(words: str, share: float | None) -> None:
    assert _share(words) == share


def test_a_comparative_said_of_two_things_goes_part_way_on_both() -> None:
    plan = RulesPlanner().plan("make the mug and the plate yellower")
    shares = [call.args.color_share for call in plan.calls if call.tool == "inpaint"]
    assert shares == [COMPARATIVE_COLOUR_SHARE, COMPARATIVE_COLOUR_SHARE]


def test_the_policy_fills_no_share() -> None:
    """A colour given keeps going all the way after the policy fills its 0.55 strength."""
    plan, filled = resolve_plan(RulesPlanner().plan("make the bucket orange"))
    args = next(call.args for call in plan.calls if call.tool == "inpaint")
    assert args.color_share is None and args.strength == 0.55
    assert not any(path.endswith("color_share") for path in filled)


def _lab(pixels: np.ndarray) -> np.ndarray:
    return cv2.cvtColor(pixels.astype(np.uint8), cv2.COLOR_RGB2LAB).astype(float)


def test_recolour_stops_at_the_share_of_the_way() -> None:
    """On a flat patch: the change at share s is s × the full change, in OKLab where the recolour moves (to a level of
    rounding). Measured in OKLab since the recolour left CIELAB: a straight line in one bends in the other."""
    from retouch.tools.oklab import srgb_to_oklab

    patch = np.zeros((20, 20, 3), np.uint8)
    patch[...] = (150, 110, 100)
    mask = np.full((20, 20), 255, np.uint8)
    image = Image.fromarray(patch)
    full = srgb_to_oklab(np.asarray(recolour(image, mask, PURE_RED)))
    part = srgb_to_oklab(np.asarray(recolour(image, mask, PURE_RED, 0.3)))
    start = srgb_to_oklab(patch)
    assert np.abs((part - start) - 0.3 * (full - start)).max() <= 0.004
    assert np.abs(full - start)[..., 1:].max() > 0.04  # a change a user sees: chroma moves by more than 0.04


@pytest.fixture(scope="module")
def lips_and_photo(tmp_path_factory) -> tuple[Path, np.ndarray]:
    from skimage import data

    from retouch.tools.finders.embedded import EmbeddedFinder

    photo = Image.fromarray(data.astronaut())
    (lips,) = [found.mask > 127 for found in EmbeddedFinder().find(photo, "lip")]
    path = tmp_path_factory.mktemp("lips") / "astronaut.png"
    photo.save(path)
    return path, lips


def _lips_after(run_cli, path: Path, words: str, folder: Path) -> np.ndarray:
    out = folder / "out.png"
    code, _, err = run_cli("edit", path, words, "-o", out, "--session", folder / "session",
                           "--finder", "embedded", "--inpainter", "builtin")
    assert code == 0, err
    return np.asarray(Image.open(out).convert("RGB"))


def test_redder_lips_move_part_of_the_way_to_red(run_cli, lips_and_photo, tmp_path: Path) -> None:
    """The lips' mean redness (CIELAB a*) rises for each wording, least for 'a bit redder', most for 'red'; a bit redder
    and redder stay near their shares of the full change. 'Red' is a natural red (OKLCH chroma 0.10, `tools/recolour.py`),
    no longer sRGB's primary painted on: the full rise is ~13, where the primary gave over 15."""
    path, lips = lips_and_photo
    before = _lab(np.asarray(Image.open(path).convert("RGB")))[lips][:, 1].mean()
    rises = {}
    for words in ("make her lips a bit redder", "make her lips redder", "make her lips red"):
        folder = tmp_path / words.replace(" ", "_")
        folder.mkdir()
        rises[words] = _lab(_lips_after(run_cli, path, words, folder))[lips][:, 1].mean() - before
    full, half, little = rises["make her lips red"], rises["make her lips redder"], rises["make her lips a bit redder"]
    assert full > 10, rises
    assert 0 < little < half < full, rises
    assert abs(half - COMPARATIVE_COLOUR_SHARE * full) < 0.15 * full, rises
    assert abs(little - STRONGER_AMOUNT_SHARES["a bit"] * full) < 0.15 * full, rises
