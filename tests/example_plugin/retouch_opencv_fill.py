"""A Retouch plugin: an inpainter that fills holes with OpenCV's classical inpainting, on the CPU.

It registers one backend, `opencv-fill`, with two fill modes of its own — `telea` (Telea's fast
marching method, the default) and `navier_stokes` (a fluid-dynamics fill) — and says what it is:
CPU only (so `retouch batch` runs one worker per core), no outpainting of its own (Retouch's
texture continuation grows the canvas), no source exclusion. It only removes things; asked to
paint something new it says it can't, and Retouch says so in one line.
"""

from retouch.tools.capabilities import InpainterCapabilities

CAPABILITIES = InpainterCapabilities(device="cpu", fills=("telea", "navier_stokes"), outpaints=False,
                                     excludes_sources=False, options=("radius",))
TASKS = ("remove", "cleanup", "refine")


def register_backends(register):
    register("inpainter", "opencv-fill", make_inpainter,
             "OpenCV's Telea / Navier-Stokes hole filling (CPU, no weights)", capabilities=CAPABILITIES)


def make_inpainter(radius=5):
    # Heavy imports happen here, when the backend is first used — `retouch --help` loads every plugin.
    return OpenCVFill(radius=int(radius))


class OpenCVFill:
    name = "opencv-fill"

    def __init__(self, radius):
        self.radius = radius

    def supports(self, request):
        return request.task in TASKS

    def inpaint(self, image, mask, request, *, progress=None, cancel=None):
        import cv2
        import numpy as np
        from PIL import Image

        from retouch.tools.errors import RetouchError
        from retouch.tools.inpaint import InpaintResult, composite, compositing_mask

        if not self.supports(request):
            raise RetouchError(f"the opencv-fill inpainter can only remove things, not {request.task!r}",
                               "Use --inpainter builtin or diffusers for that.")
        flag = cv2.INPAINT_NS if request.fill == "navier_stokes" else cv2.INPAINT_TELEA
        rgb = np.ascontiguousarray(np.asarray(image.convert("RGB")))
        hole = (np.asarray(mask) > 0).astype(np.uint8) * 255
        filled = Image.fromarray(cv2.inpaint(rgb, hole, self.radius, flag), "RGB")
        result = composite(image, filled, compositing_mask(mask, request.mask_blur))
        return InpaintResult(images=[result], info={"backend": self.name, "fill": request.fill,
                                                    "radius": self.radius})
