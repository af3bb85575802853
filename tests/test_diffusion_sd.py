"""The diffusers inpainter on a tiny random SD 1.5-style inpainting model (built here, saved with
save_pretrained, loaded back through tools.diffusion.loader). Two or three steps on small images:
these check the engine's promises, not picture quality."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from tests.support import DATA
from retouch.tools.diffusion.backend import DiffusersInpainter
from retouch.tools.errors import Cancelled
from retouch.tools.inpaint import InpaintRequest, compositing_mask

pytestmark = pytest.mark.usefixtures("one_torch_thread")


@pytest.fixture(scope="session")
def inpainter(tiny_sd: Path) -> DiffusersInpainter:
    return DiffusersInpainter(model=str(tiny_sd), device="cpu")


@pytest.fixture
def photo() -> Image.Image:
    """A real photo at an odd size, so crops and scaling can't hide behind round numbers."""
    return Image.open(DATA / "overture-creations-5sI6fQgYIuo.png").convert("RGB").resize((301, 203))


@pytest.fixture
def hole() -> np.ndarray:
    mask = np.zeros((203, 301), np.uint8)
    mask[70:115, 120:175] = 255
    return mask


def _request(**overrides) -> InpaintRequest:
    settings = dict(task="replace", prompt="a red ball", strength=0.75, fill="original", steps=3, guidance=7.5,
                    seed=11, mask_blur=6, padding=16)
    settings.update(overrides)
    return InpaintRequest(**settings)


def _array(image: Image.Image) -> np.ndarray:
    return np.asarray(image.convert("RGB"))


def test_outside_the_mask_is_the_original_bit_for_bit(inpainter, photo, hole) -> None:
    request = _request()
    result = inpainter.inpaint(photo, hole, request)
    image = result.images[0]
    assert image.size == photo.size
    outside = compositing_mask(hole, request.mask_blur) == 0
    assert np.array_equal(_array(image)[outside], _array(photo)[outside])
    assert not np.array_equal(_array(image)[hole > 0], _array(photo)[hole > 0]), "the hole was painted"
    info = result.info
    assert info["backend"] == "diffusers" and info["family"] == "sd" and info["device"] == "cpu"
    assert info["dtype"] == "float32" and info["seeds"] == [11] and info["steps"] == 3
    assert info["strength"] == 0.75 and info["fill"] == "original" and "total_seconds" in info["timings"]


def test_rgba_keeps_its_alpha(inpainter, photo, hole) -> None:
    rgba = photo.copy()
    rgba.putalpha(Image.fromarray(np.tile(np.arange(301, dtype=np.uint8)[None, :], (203, 1)), "L"))
    result = inpainter.inpaint(rgba, hole, _request(steps=2))
    assert result.images[0].mode == "RGBA"
    assert np.array_equal(np.asarray(result.images[0].getchannel("A")), np.asarray(rgba.getchannel("A")))


def test_same_seed_same_bytes_and_variations_are_seed_plus_one(inpainter, photo, hole) -> None:
    first = inpainter.inpaint(photo, hole, _request(seed=7, variations=2))
    again = inpainter.inpaint(photo, hole, _request(seed=8))
    assert len(first.images) == 2 and first.info["seeds"] == [7, 8]
    assert not np.array_equal(_array(first.images[0]), _array(first.images[1])), "variations differ"
    assert np.array_equal(_array(first.images[1]), _array(again.images[0])), "variation 2 = a run with seed + 1"
    repeat = inpainter.inpaint(photo, hole, _request(seed=7))
    assert repeat.images[0].tobytes() == first.images[0].tobytes()


def test_crop_box_is_the_padded_mask_at_the_model_aspect(inpainter, photo, hole) -> None:
    request = _request(steps=2, padding=20)
    info = inpainter.inpaint(photo, hole, request).info
    x0, y0, x1, y1 = info["crop_box"]
    soft = compositing_mask(hole, request.mask_blur)
    rows, cols = np.flatnonzero(soft.any(axis=1)), np.flatnonzero(soft.any(axis=0))
    assert x0 <= cols[0] - 20 and y0 <= rows[0] - 20 and x1 >= cols[-1] + 1 + 20 and y1 >= rows[-1] + 1 + 20
    assert x1 - x0 == y1 - y0, "the tiny model is square (64²)"
    assert 0 <= x0 and 0 <= y0 and x1 <= photo.width and y1 <= photo.height
    assert info["painting_size"] == [64, 64]
    whole = inpainter.inpaint(photo, hole, _request(steps=2, full_resolution=False)).info
    assert "crop_box" not in whole and whole["painting_size"][0] > whole["painting_size"][1]


def test_fill_modes_start_from_different_places(inpainter, photo, hole) -> None:
    results = {fill: _array(inpainter.inpaint(photo, hole, _request(fill=fill, seed=3)).images[0])
               for fill in ("original", "original_blur", "latent_noise", "latent_nothing")}
    fills = list(results)
    for index, a in enumerate(fills):
        for b in fills[index + 1:]:
            assert not np.array_equal(results[a], results[b]), f"{a} and {b} gave the same pixels"


def test_strength_zero_returns_the_input_exactly(inpainter, photo, hole) -> None:
    result = inpainter.inpaint(photo, hole, _request(strength=0.0, variations=2))
    assert len(result.images) == 2
    assert all(image.tobytes() == photo.tobytes() and image.mode == photo.mode for image in result.images)


def test_progress_once_per_step_and_cancel_between_steps(inpainter, photo, hole) -> None:
    calls: list[tuple[int, int, str]] = []
    result = inpainter.inpaint(photo, hole, _request(steps=2, strength=1.0, variations=2),
                               progress=lambda done, total, what: calls.append((done, total, what)))
    total = calls[0][1]
    assert calls[0][0] == 0 and total == 2 * result.info["steps_run"]
    assert [done for done, _, _ in calls[1:]] == list(range(1, total + 1)), "one call per step, both variations"
    assert all(call[1] == total for call in calls)

    cancel = threading.Event()
    seen: list[int] = []

    def stop_after_first(done: int, total: int, what: str) -> None:
        seen.append(done)
        if done == 1:
            cancel.set()

    with pytest.raises(Cancelled):
        inpainter.inpaint(photo, hole, _request(steps=3, strength=1.0), progress=stop_after_first, cancel=cancel)
    assert seen == [0, 1], "stopped at the next step"


def test_removal_fills_first_then_cleans_up_without_naming_the_object(inpainter, photo, hole, monkeypatch) -> None:
    import retouch.tools.diffusion.backend as backend

    order: list[str] = []
    real_fill, real_paint = backend.content_aware_fill, backend.paint

    def spy_fill(image, region, *, seed=0):
        order.append("fill")
        return real_fill(image, region, seed=seed)

    def spy_paint(loaded, image, mask, settings, *, on_step=None):
        order.append("paint")
        spy_paint.settings = settings
        return real_paint(loaded, image, mask, settings, on_step=on_step)

    monkeypatch.setattr(backend, "content_aware_fill", spy_fill)
    monkeypatch.setattr(backend, "paint", spy_paint)
    request = _request(task="remove", prompt="", strength=1.0, fill="latent_noise", cleanup_strength=0.35,
                       steps=2, extra={"target": "dog"})
    result = inpainter.inpaint(photo, hole, request)
    settings = spy_paint.settings
    assert order == ["fill", "paint"]
    assert settings.strength == 0.35 and settings.fill == "original"
    assert "dog" not in settings.prompt.lower() and "background" in settings.prompt
    assert "dog" in settings.negative_prompt and "person" in settings.negative_prompt
    assert result.info["passes"] == ["content_aware_fill", "diffusion_cleanup"]
    outside = compositing_mask(hole, request.mask_blur) == 0
    assert np.array_equal(_array(result.images[0])[outside], _array(photo)[outside])


def test_soft_inpainting_runs_and_differs_from_hard(tiny_sd, photo, hole) -> None:
    hard = DiffusersInpainter(model=str(tiny_sd), device="cpu")
    soft = DiffusersInpainter(model=str(tiny_sd), device="cpu", soft=True)
    request = _request(fill="latent_noise", mask_blur=12)
    a, b = hard.inpaint(photo, hole, request), soft.inpaint(photo, hole, request)
    assert soft.loaded() is hard.loaded(), "one load per model, whatever the options"
    assert b.info["soft"] is True and not np.array_equal(_array(a.images[0]), _array(b.images[0]))
    outside = compositing_mask(hole, request.mask_blur) == 0
    assert np.array_equal(_array(b.images[0])[outside], _array(photo)[outside])


def test_plain_four_channel_model_with_a_latent_fill(tmp_path_factory, photo, hole) -> None:
    from testkit.tiny_models.diffusion import build_tiny_sd

    folder = build_tiny_sd(tmp_path_factory.getbasetemp() / "diffusion-models" / "sd-plain", in_channels=4)
    plain = DiffusersInpainter(model=str(folder), device="cpu")
    request = _request(fill="latent_nothing", steps=2)
    result = plain.inpaint(photo, hole, request)
    outside = compositing_mask(hole, request.mask_blur) == 0
    assert np.array_equal(_array(result.images[0])[outside], _array(photo)[outside])


def test_controlnet_inpainting_follows_the_image_edges(tiny_sd, tmp_path_factory, photo, hole) -> None:
    from testkit.tiny_models.diffusion import build_tiny_controlnet

    control = build_tiny_controlnet(tmp_path_factory.getbasetemp() / "diffusion-models" / "controlnet")
    with_control = DiffusersInpainter(model=str(tiny_sd), device="cpu", controlnet=str(control))
    request = _request(steps=2)
    result = with_control.inpaint(photo, hole, request)
    assert type(with_control.loaded().pipe).__name__ == "StableDiffusionControlNetInpaintPipeline"
    assert result.info["control"] == "canny" and result.info["controlnet"] == str(control)
    plain = DiffusersInpainter(model=str(tiny_sd), device="cpu").inpaint(photo, hole, request)
    assert not np.array_equal(_array(result.images[0]), _array(plain.images[0]))
