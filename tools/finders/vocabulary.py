"""The labels the embedded finder knows, and the everyday objects an open-vocabulary detector is asked
about when listing what it can see.

The embedded models find people, body parts and the parts of faces only, by label ("person", "hand", "eye"),
and the sky. Turning a name into a label —
"the guy", "my ex", "the kids" are "person", "the shoes" are "foot" — is the planner's vocabulary's job
(`agent.planner.finder_words`), never this module's: tools read no words (docs/DESIGN.md).
"""

from __future__ import annotations

FACE_PART_LABELS = ("eye", "iris", "eyebrow", "lip", "mouth", "tooth", "nose")
"""The parts of a face the face mesh outlines (`tools.finders.face_parts`); eyes, irises and eyebrows carry
their owner's side. "pupil" is asked for as "iris": the mesh places the iris, and a pupil's size changes with
the light (a flash's red pupils fill most of it)."""
SKY_LABEL = "sky"
"""The sky, found with no model at all (`tools.finders.sky`: smooth, sky-coloured, hanging from the top)."""
HAIR_LABEL = "hair"
"""A person's hair, built from their mask, the face mesh and a colour model (`tools.finders.hair_skin`)."""
SKIN_LABEL = "skin"
"""A person's skin: the face less its eyes, brows and mouth, and the skin-coloured rest of the person
(`tools.finders.hair_skin`)."""
BLEMISH_LABEL = "blemish"
"""A small spot on a face's skin, darker or redder than the skin around it (`tools.finders.blemishes`): one
candidate per spot."""
EMBEDDED_LABELS = ("person", "face", "head", "hand", "foot", "arm", "leg", *FACE_PART_LABELS, HAIR_LABEL, SKIN_LABEL,
                   BLEMISH_LABEL, SKY_LABEL)
"""What MediaPipe's shipped models let us find: selfie segmentation (people), face detection
(faces, heads), pose landmarks and the hand model (hands, feet, arms, legs), the face mesh (a face's parts);
with a colour model learnt from the photo, a person's hair, skin and the blemishes on a face; and the sky, which needs no model."""

INVENTORY_LABELS = ("person", "face", "hand", "foot", SKY_LABEL)
"""What "I can see: …" lists for the embedded finder (heads, arms and legs follow from these, and a
face's parts, the hair and the skin from a face). The sky is listed because a user can't guess that a finder with no
object model finds it, and "make the sky bluer" is a common wish."""

COMMON_OBJECTS = (
    "person", "face", "hand", "dog", "cat", "bird", "horse", "car", "bicycle", "motorcycle", "bus",
    "truck", "boat", "airplane", "tree", "flower", "plant", "building", "window", "door", "chair",
    "table", "bench", "sofa", "bed", "bottle", "cup", "bag", "umbrella", "phone", "laptop", "book",
    "sign", "pole", "fence", "lamp",
)
"""The short list Grounding DINO is asked about for "I can see: …" (its text input holds ~256 tokens)."""


def embedded_label(target: str) -> str | None:
    """The target when it is a label the embedded finder knows ("person", "hand"); None otherwise."""
    label = target.strip().lower()
    return label if label in EMBEDDED_LABELS else None
