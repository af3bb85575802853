"""Auto enhance: measure the photo, correct only what is off (docs/enhance.md).

Pure functions over images: `enhance` (colour, tone, contrast, local contrast, vibrance, noise,
sharpness, haze) and `measure_tilt` (how far a photo leans). The choices are data in `thresholds`.
"""

from retouch.tools.enhance.pipeline import (
    AUTO_PARTS, MOTION_BLUR_NOTE, PARTS, EnhanceResult, enhance, measure_tilt, sentence,
)

__all__ = ["AUTO_PARTS", "MOTION_BLUR_NOTE", "PARTS", "EnhanceResult", "enhance", "measure_tilt", "sentence"]
