"""The executor works on the caller's image and selection without copying them, so no tool may
write into its inputs: after any plan, the image and mask handed in are bit-identical."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from retouch.agent.executor import Backends, Executor
from retouch.agent.planner.base import PlanningContext
from retouch.agent.planner.rules import RulesPlanner
from retouch.agent.policy import resolve_plan
from tests.support import DATA


@pytest.mark.parametrize("mode", ["RGB", "RGBA"])
@pytest.mark.parametrize("words", [
    "remove the box (20, 20, 100, 100)",
    "remove it",
    "invert the selection and remove it",
    "make it a bit brighter",
    "make the selection brighter",
    "crop it to 1:1",
    "rotate it 90 degrees",
    "extend the canvas 64 px to the right",
    "blur the background",
])
def test_a_plan_leaves_the_image_and_mask_it_was_given_untouched(words: str, mode: str) -> None:
    image = Image.open(DATA / "image.png").convert(mode).resize((192, 160))
    mask = np.zeros((160, 192), np.uint8)
    mask[40:120, 60:140] = 255
    image_before, mask_before = image.tobytes(), mask.copy()
    plan = RulesPlanner().plan(words, PlanningContext(image_size=image.size, has_selection=True))
    assert plan.calls, words
    resolved, _ = resolve_plan(plan)
    result = Executor(Backends(finder_name="embedded", inpainter_name="builtin")).run(
        resolved.calls, image, mask, cancel=None)
    assert image.tobytes() == image_before, "the caller's image was written into"
    assert np.array_equal(mask, mask_before), "the caller's mask was written into"
    new = result.images[0]
    assert new is not image and (new.size != image.size or new.tobytes() != image_before), "the plan changed nothing"
