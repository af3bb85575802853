"""The stage loop as a generating backend sees it: one crop per stage, the strip masked, a seed
per stage and the whole-scene prompt — checked with a small recording `Inpainter`, so it holds
for the diffusion backend without loading one."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from PIL import Image

from retouch.tools.inpaint import Inpainter, InpaintRequest, InpaintResult
from retouch.tools.outpaint import FEATHER, outpaint, stage_seed


class Recorder:
    """Fills whatever it is asked to with a colour made from the seed, and remembers every call."""

    name = "recorder"

    def __init__(self, supports: bool = True) -> None:
        self.calls: list[dict] = []
        self._supports = supports

    def supports(self, request: InpaintRequest) -> bool:
        return self._supports and request.task == "outpaint"

    def inpaint(self, image: Image.Image, mask: np.ndarray, request: InpaintRequest, *, progress=None,
                cancel: threading.Event | None = None) -> InpaintResult:
        self.calls.append({"size": image.size, "mode": image.mode, "pixels": np.asarray(image).copy(),
                           "mask": np.asarray(mask).copy(), "request": request})
        colour = np.array([request.seed % 251, (request.seed >> 8) % 251, (request.seed >> 16) % 251], np.uint8)
        pixels = np.asarray(image.convert("RGB")).copy()
        weight = (np.asarray(mask, np.float32) / 255)[..., None]
        pixels = (pixels * (1 - weight) + colour * weight + 0.5).astype(np.uint8)
        return InpaintResult(images=[Image.fromarray(pixels)], info={"backend": self.name, "model": "none"})


@pytest.fixture
def image() -> Image.Image:
    rng = np.random.default_rng(0)
    return Image.fromarray(rng.integers(0, 256, (90, 131, 3), dtype=np.uint8))


def test_recorder_is_an_inpainter() -> None:
    assert isinstance(Recorder(), Inpainter)


def test_each_stage_gets_its_crop_mask_seed_and_the_prompt(image: Image.Image) -> None:
    recorder = Recorder()
    prompt = "a tabby cat on a sofa in a sunlit living room, wide shot"
    result = outpaint(image, left=100, right=30, top=40, step=64, overlap=48, seed=21, prompt=prompt,
                      inpainter=recorder)
    assert result.image.size == (261, 130)
    assert [stage["side"] for stage in result.stages] == ["left", "left", "right", "top"]
    assert len(recorder.calls) == 4
    for index, (stage, call) in enumerate(zip(result.stages, recorder.calls)):
        request = call["request"]
        assert request.task == "outpaint" and request.prompt == prompt, "the whole scene, every stage"
        assert request.seed == stage["seed"] == stage_seed(21, index)
        assert request.strength == 1.0 and request.mask_blur == 0
        assert not request.full_resolution, "the crop given is the work area: the model sees the context"
        assert request.extra["side"] == stage["side"]
        # the crop is exactly strip + context, in final-canvas coordinates
        x0, y0, x1, y1 = stage["box"]
        cx0, cy0, cx1, cy1 = stage["context"]
        crop = (min(x0, cx0), min(y0, cy0), max(x1, cx1), max(y1, cy1))
        assert stage["crop"] == list(crop)
        assert call["size"] == (crop[2] - crop[0], crop[3] - crop[1]) and call["mode"] == "RGB"
        # the strip is fully masked; context is kept (softly blended only where it is new content)
        mask = call["mask"]
        strip = mask[y0 - crop[1]:y1 - crop[1], x0 - crop[0]:x1 - crop[0]]
        assert (strip == 255).all()
        assert stage["backend"] == "recorder" and stage["info"] == {"model": "none"}
    seeds = [call["request"].seed for call in recorder.calls]
    assert len(set(seeds)) == len(seeds)
    x0, y0, x1, y1 = result.original_box
    assert np.array_equal(np.asarray(result.image)[y0:y1, x0:x1], np.asarray(image))


def test_context_shows_what_exists_and_the_strip_starts_as_edge_extension(image: Image.Image) -> None:
    recorder = Recorder()
    outpaint(image, right=50, step=64, overlap=40, seed=3, inpainter=recorder)
    call = recorder.calls[0]
    pixels = call["pixels"]
    assert pixels.shape == (90, 90, 3)
    assert np.array_equal(pixels[:, :40], np.asarray(image)[:, -40:]), "context = the original's last 40 columns"
    strip = pixels[:, 40:].astype(np.float32)
    # edge extension + blur + noise: near the edge it follows the edge column; not a blank
    near = strip[:, 0]
    edge = np.asarray(image)[:, -4:].astype(np.float32).mean(axis=1)
    assert np.abs(near - edge).mean() < 60
    assert strip.std() > 5, "noise, not a flat start"


def test_the_mask_never_reaches_the_original_but_blends_into_earlier_strips(image: Image.Image) -> None:
    recorder = Recorder()
    result = outpaint(image, left=120, top=60, step=60, overlap=64, seed=1, inpainter=recorder)
    first, second, top_first = recorder.calls[0], recorder.calls[1], recorder.calls[2]
    # first left stage: its context is the original, so a hard edge
    context = first["mask"][:, 60:]
    assert (context == 0).all()
    # second left stage: its context is the first strip (new content), so the mask feathers into it
    stage = result.stages[1]
    crop_x0 = stage["crop"][0]
    feathered = second["mask"][:, stage["box"][2] - crop_x0:]
    assert feathered[:, 0].min() > 0 and (feathered[:, FEATHER:] == 0).all()
    # first top stage: context spans the widened canvas; only the new left part may be blended
    stage = result.stages[2]
    box_x0 = stage["box"][0]
    mask = top_first["mask"]
    below = mask[stage["box"][3] - stage["crop"][1]:]
    x0 = result.original_box[0] - box_x0
    assert (below[:, x0:] == 0).all(), "never over the original"
    assert below[:FEATHER // 2, :x0].min() > 0, "over the new left strip, softly"


def test_generated_pixels_land_in_the_result(image: Image.Image) -> None:
    recorder = Recorder()
    result = outpaint(image, right=40, step=64, seed=9, inpainter=recorder)
    seed = result.stages[0]["seed"]
    colour = [seed % 251, (seed >> 8) % 251, (seed >> 16) % 251]
    assert (np.asarray(result.image)[:, 131:] == colour).all()


def test_a_backend_that_cannot_outpaint_falls_back_with_a_note(image: Image.Image) -> None:
    recorder = Recorder(supports=False)
    result = outpaint(image, right=40, seed=9, inpainter=recorder)
    assert recorder.calls == []
    assert result.stages[0]["backend"] == "builtin"
    assert result.notes and "can't outpaint" in result.notes[0]


def test_cancel_reaches_the_backend_between_stages(image: Image.Image) -> None:
    from retouch.tools.errors import Cancelled

    cancel = threading.Event()

    class CancelAfterFirst(Recorder):
        def inpaint(self, *args, **kwargs):
            result = super().inpaint(*args, **kwargs)
            cancel.set()
            return result

    backend = CancelAfterFirst()
    with pytest.raises(Cancelled):
        outpaint(image, left=100, step=50, seed=1, inpainter=backend, cancel=cancel)
    assert len(backend.calls) == 1
