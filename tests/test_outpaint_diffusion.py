"""Outpainting through the real diffusers backend, on a tiny random SD-style inpainting model
(testkit/tiny_models/diffusion.py): the stage loop and the backend agree on crops, masks and the invariant.
Picture quality is not the point — the weights are random."""

from __future__ import annotations


import numpy as np
import pytest
from PIL import Image

from tests.support import DATA
from retouch.tools.outpaint import outpaint

pytestmark = pytest.mark.usefixtures("one_torch_thread")

pytest.importorskip("diffusers")


@pytest.fixture(scope="module")
def inpainter(tmp_path_factory: pytest.TempPathFactory):
    from retouch.tools.diffusion.backend import DiffusersInpainter
    from testkit.tiny_models.diffusion import build_tiny_sd

    folder = build_tiny_sd(tmp_path_factory.mktemp("outpaint-models") / "sd")
    return FewSteps(DiffusersInpainter(model=str(folder), device="cpu"))


class FewSteps:
    """The real backend, asked for two denoising steps instead of the default thirty."""

    def __init__(self, backend) -> None:
        self.backend, self.name = backend, backend.name

    def supports(self, request) -> bool:
        return self.backend.supports(request)

    def inpaint(self, image, mask, request, **kwargs):
        request.steps = 2
        return self.backend.inpaint(image, mask, request, **kwargs)


def test_outpaint_with_a_diffusion_backend(inpainter) -> None:
    with Image.open(DATA / "overture-creations-5sI6fQgYIuo.png") as opened:
        image = opened.convert("RGBA").resize((97, 61))
    result = outpaint(image, right=40, top=24, step=32, overlap=24, seed=4, prompt="a dog on a bench in a field",
                      inpainter=inpainter)
    assert result.image.size == (137, 85) and result.image.mode == "RGBA"
    x0, y0, x1, y1 = result.original_box
    assert np.array_equal(np.asarray(result.image)[y0:y1, x0:x1], np.asarray(image))
    assert (np.asarray(result.image)[..., 3] == 255).sum() == 137 * 85
    assert [stage["side"] for stage in result.stages] == ["right", "right", "top"]
    for stage in result.stages:
        assert stage["backend"] == "diffusers"
        assert stage["info"]["task"] == "outpaint"
    again = outpaint(image, right=40, top=24, step=32, overlap=24, seed=4, prompt="a dog on a bench in a field",
                     inpainter=inpainter)
    assert np.array_equal(np.asarray(result.image), np.asarray(again.image)), "same seed, same pixels"
