"""What the diffusers inpainter is, declared where its registration and its code both read it.

Only the standard library is imported: the registry reads this when it lists the backends, long
before (and usually without) anything of diffusion being loaded.
"""

from __future__ import annotations

from retouch.tools.capabilities import InpainterCapabilities

FILLS = ("original", "original_blur", "latent_noise", "latent_nothing")
"""What the masked area starts from (`tools.diffusion.fills` says what each does)."""
OPTIONS = ("model", "device", "dtype", "offload", "soft", "controlnet", "control", "control_scale", "depth_model",
           "colour_correction", "resolution")
"""The keys of `[backends.diffusers]`, the options `DiffusersInpainter` takes."""

DIFFUSERS = InpainterCapabilities(device="gpu-preferred", options=OPTIONS, fills=FILLS, outpaints=True,
                                  excludes_sources=False)
"""A generating model: paints outpaint stages itself; its removal pass fills the hole first, then
cleans up at low strength, and copies nothing from elsewhere, so it takes no exclusion mask."""
