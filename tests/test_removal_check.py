"""Removal through the executor: other found things are excluded as sources, and the result is
checked ("check your work") — a leftover the finder still sees is grown over and filled once more.

The finder here is scripted: people are painted pure colours on a real photo, and it reports
colour regions, so what it "sees" after a fill is what the fill really left.
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image
from skimage import data as skdata

from retouch.agent.executor import Backends, Executor
from retouch.agent.plan import InpaintArgs, InpaintCall, OutpaintArgs, OutpaintCall, SelectArgs, SelectCall
from retouch.tools.builtin_inpainter import BuiltinInpainter
from retouch.tools.select import Candidate
from tests.support import candidate_of

RED, BLUE = (230, 20, 20), (20, 20, 230)


def _scene() -> tuple[Image.Image, np.ndarray, np.ndarray]:
    """Gravel with a red person (an arm reaching right) and a blue person beside her."""
    pixels = np.dstack([skdata.gravel()[:160, :200]] * 3).copy()
    red = np.zeros(pixels.shape[:2], bool)
    red[40:130, 60:90] = True
    red[70:78, 90:112] = True  # the arm
    blue = np.zeros_like(red)
    blue[40:130, 128:150] = True
    pixels[red], pixels[blue] = RED, BLUE
    return Image.fromarray(pixels), red, blue


def _colour(pixels: np.ndarray, colour: tuple[int, int, int]) -> np.ndarray:
    return np.abs(pixels.astype(int) - np.array(colour)).sum(axis=-1) < 60


class ScriptedFinder:
    """Sees red and blue regions as people. The first look misses the red person's arm, as a
    segmenter might; later looks see whatever red is really there."""

    name = "scripted"

    def __init__(self, misses_arm: bool = True) -> None:
        self.misses_arm = misses_arm
        self.calls = 0

    def find(self, image: Image.Image, target: str, phrase: str | None = None) -> list[Candidate]:
        self.calls += 1
        pixels = np.asarray(image.convert("RGB"))
        found = []
        for colour in (RED, BLUE):
            mask = _colour(pixels, colour)
            if self.calls == 1 and colour == RED and self.misses_arm:
                mask[:, 90:] = False
            if mask.any():
                found.append(candidate_of("person", mask))
        return found

    def inventory(self, image: Image.Image) -> dict[str, int]:
        return {"person": len(self.find(image, "person"))}


class Recording(BuiltinInpainter):
    def __init__(self) -> None:
        self.requests = []

    def inpaint(self, image, mask, request, *, progress=None, cancel=None):
        self.requests.append((np.asarray(mask).copy(), request))
        return super().inpaint(image, mask, request, progress=progress, cancel=cancel)


def _remove_left_person(finder: ScriptedFinder) -> tuple[object, Recording]:
    image, _, _ = _scene()
    inpainter = Recording()
    calls = [SelectCall(args=SelectArgs(target="person", position="left")),
             InpaintCall(args=InpaintArgs(task="remove", strength=1.0, fill="original", full_resolution=True,
                                          padding=32, mask_blur=4, steps=1, guidance=1.0, seed=3, variations=1,
                                          cleanup_strength=0.0))]
    result = Executor(Backends(_finder=finder, _inpainter=inpainter)).run(calls, image)
    return result, inpainter


def test_other_people_are_excluded_as_sources() -> None:
    result, inpainter = _remove_left_person(ScriptedFinder(misses_arm=False))
    _, red, blue = _scene()
    mask, request = inpainter.requests[0]
    assert request.exclude is not None and (request.exclude[blue] == 255).all(), "the other person is excluded"
    filled = np.asarray(result.images[0])
    assert not _colour(filled, RED).any(), "she is gone"
    assert not _colour(filled[mask > 0], BLUE).any(), "nothing of him was copied into the hole"
    assert np.array_equal(filled[blue], np.asarray(_scene()[0])[blue]), "and he is untouched"
    assert result.records[-1]["check"] == {"found_again": 0}
    assert len(inpainter.requests) == 1 and not result.notes


def test_a_leftover_arm_is_found_grown_over_and_filled_once_more() -> None:
    finder = ScriptedFinder(misses_arm=True)
    result, inpainter = _remove_left_person(finder)
    _, red, blue = _scene()
    assert len(inpainter.requests) == 2, "filled again, once"
    first_mask, second_mask = inpainter.requests[0][0], inpainter.requests[1][0]
    assert not (first_mask[70:78, 100:112] > 0).all(), "the first mask missed the arm"
    assert (second_mask[red] > 0).all() and (second_mask >= first_mask).all(), "the second covers it"
    filled = np.asarray(result.images[0])
    assert not _colour(filled, RED).any(), "no trace of her is left"
    assert np.array_equal(filled[blue], np.asarray(_scene()[0])[blue])
    check = result.records[-1]["check"]
    assert check["found_again"] == 1 and check["filled_again"] and check["found_after"] == 0
    assert len(result.notes) == 1 and "filled again" in result.notes[0] and "a person" in result.notes[0]
    assert (result.mask[red] > 0).all(), "the journal's mask is the grown one"


def test_the_other_person_is_not_counted_as_a_leftover() -> None:
    """He is found again after every removal; he lies away from the filled area, so no refill."""
    result, inpainter = _remove_left_person(ScriptedFinder(misses_arm=False))
    assert len(inpainter.requests) == 1


def test_outpaint_gets_what_the_finder_found_as_exclusion(monkeypatch) -> None:
    import retouch.tools.outpaint as outpaint_module

    seen = {}
    real = outpaint_module.outpaint

    def spy(image, **kwargs):
        seen["exclude"] = kwargs.get("exclude")
        return real(image, **kwargs)

    monkeypatch.setattr(outpaint_module, "outpaint", spy)
    image, red, blue = _scene()
    calls = [SelectCall(args=SelectArgs(target="person", all=True)),
             OutpaintCall(args=OutpaintArgs(right=40, seed=1))]
    Executor(Backends(_finder=ScriptedFinder(misses_arm=False), _inpainter=BuiltinInpainter())).run(calls, image)
    assert seen["exclude"] is not None and (seen["exclude"][red | blue] == 255).all()


@pytest.mark.parametrize("task", ["recolor"])
def test_tasks_that_copy_nothing_get_no_exclusion(task: str) -> None:
    image, _, _ = _scene()
    inpainter = Recording()
    calls = [SelectCall(args=SelectArgs(target="person", position="left")),
             InpaintCall(args=InpaintArgs(task=task, color="green", strength=1.0, fill="original",
                                          full_resolution=True, padding=32, mask_blur=4, steps=1, guidance=1.0,
                                          seed=3, variations=1, cleanup_strength=0.0))]
    result = Executor(Backends(_finder=ScriptedFinder(), _inpainter=inpainter)).run(calls, image)
    assert inpainter.requests[0][1].exclude is None and "check" not in result.records[-1]
