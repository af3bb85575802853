"""Where a model's weights are and what it runs on — shared by every model-backed backend.

Three small questions each backend asks before it loads anything: which device (`pick_device`),
which dtype there (`pick_dtype`), and which folder holds the weights (`locate_model`: a local
directory, or a hub id found in the local Hugging Face cache — never the network). A model that
is not on this machine is a `ModelMissing` naming the `retouch models pull` command.

Nothing heavy is imported here; torch and huggingface_hub load inside the functions.
"""

from retouch.tools.models.device import describe_device, pick_device, pick_dtype
from retouch.tools.models.locate import find_model, locate_model, quiet_loading

__all__ = ["describe_device", "find_model", "locate_model", "pick_device", "pick_dtype", "quiet_loading"]
