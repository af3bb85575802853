"""The embedded finder: people, faces, heads, hands, feet, arms and legs with MediaPipe's shipped
models — no downloads, CPU only, a fraction of a second per photo.

- selfie segmentation → the person-probability map, split into one mask per person by the faces
  it contains (`tools.finders.body.split_people`);
- face detection (the short- and full-range models, on the whole photo and on each person's crop,
  so small faces in big photos are found too) → faces, heads, and the anchors for that split;
- pose landmarks (one person per run, so per person crop with the other people blanked out) →
  the check that a blob is a person at all (the selfie model also marks cats and dogs), and
  hands, feet, arms and legs, each with the person's own side ("her left hand");
- the hand model on the same crops → tighter hands where it sees them;
- the face mesh on a crop around each face found → its eyes, irises, eyebrows, lips, mouth, teeth
  and nose (`tools.finders.face_parts`), the sided ones with the person's own side ("her left eye");
- the person's mask, the face mesh and a colour model learnt from the face → each person's hair and skin
  (`tools.finders.hair_skin`), one of each per person with a face the mesh outlines, and the small dark or red
  spots on a face's skin (`tools.finders.blemishes`);
- no model at all → the sky (`tools.finders.sky`: smooth, sky-coloured, hanging from the top edge),
  none in a close-up (CLOSE_UP_PERSON), where a smooth blue behind a face is a backdrop.

Importing mediapipe costs ~2 s, so it happens on the first `find`, never at start-up; each model
loads once per process. What a photo contains is computed once per image content and reused for
every question about it ("the person on the left", then "her face", then "what can you see").

A photo larger than WORK_SIDE is looked at as a reduced copy and what is found is scaled back up:
the models see 128–256 px whatever they are given, so the work and the memory stop growing with
the photo while the masks stay as good (benchmarks/finder_resolution.py).
"""

from __future__ import annotations

import threading
import time
from typing import Any

import numpy as np
from PIL import Image

from retouch.tools.finders import blemishes, body, face_parts, hair_skin, sky
from retouch.tools.finders.body import Face, PersonPart
from retouch.tools.finders.cache import LRU, image_content_key
from retouch.tools.finders.mediapipe_models import LANDMARKS, model, native_logs_silenced
from retouch.tools.finders.vocabulary import (BLEMISH_LABEL, EMBEDDED_LABELS, FACE_PART_LABELS, HAIR_LABEL,
                                              INVENTORY_LABELS, SKIN_LABEL, SKY_LABEL, embedded_label)
from retouch.tools.masks import from_bool, remove_specks, resized
from retouch.tools.select import Candidate

POSE_SIDES = ("left", "right")
SURE_FACE = 0.85
"""A face this sure counts on its own (a tight selfie the pose model can't place); a less sure one
only inside a person the pose model confirms (a dog's face scores ~0.65)."""
WORK_SIDE = 1024
"""The longest side the finder works at; a bigger photo is reduced to it (an area average) and the
masks found are enlarged back. Every model resizes its input to 128–256 px (selfie 256², faces
128/192 px, pose 256 px), and a person the whole-photo pass can find at all spans a third of the
frame or more, so their crops still reach the models at full detail. On 4096-px photos with a
known truth the masks' IoU averaged 0.862 at 1024 against 0.860 looking at the whole photo
(benchmarks/finder_resolution.py, 21 cases; 1536 and 2048 no better), for a third of the CPU
and without the finder's memory growing with the photo."""
FACE_CROP_PAD = 0.5
"""The face mesh runs on the face's box grown by this share of its size on every side: its own
detector must find the face again in the crop, and a forehead or chin cut off by a tight box
loses it."""
CLOSE_UP_PERSON = 0.45
"""A photo where one person covers at least this share is a close-up, and has no sky to find: a
smooth blue or grey above a portrait is a studio backdrop (the astronaut's 0.55, Grace Hopper's
0.58 in matplotlib's sample), which the sky's colour and smoothness cannot tell from a sky. A
person photographed outdoors with the sky behind covers less (the cameraman 0.33, leaning into
the frame)."""
CLOSE_UP_FACE = 0.25
"""…and so is one where a face is at least this share of the photo's height (a tight selfie the
pose model cannot place as a person: the face alone says it is a close-up)."""
SKY_SCORE = 1.0
"""The sky's score: there is at most one, and it is handed out only when every check passed."""
FACE_CROP_SIDE = 256
"""A face crop smaller than this is enlarged to it before the mesh runs: the mesh's detector misses
faces only a few dozen pixels wide."""


# ---- the finder ------------------------------------------------------------------------------


class EmbeddedFinder:
    """Finds people, body parts and the parts of faces with MediaPipe's shipped models (the `Finder` protocol)."""

    name = "embedded"
    labels = EMBEDDED_LABELS

    def __init__(self, threshold: float = 0.5, cache_size: int = 4, work_side: int = WORK_SIDE) -> None:
        """`work_side`: the longest side it looks at (WORK_SIDE; 0 looks at every photo whole)."""
        self.threshold = float(threshold)
        self.work_side = int(work_side)
        if self.work_side < 0:
            raise ValueError(f"work_side must be 0 (no limit) or a side in pixels, not {work_side}")
        self._scenes: LRU[Scene] = LRU(cache_size)

    def find(self, image: Image.Image, target: str, phrase: str | None = None) -> list[Candidate]:
        """Every instance of a label it knows (`labels`: person, face, head, hand, foot, arm, leg, a face's eye,
        iris, eyebrow, lip, mouth, tooth, nose, a person's hair and skin, a face's blemishes, and the sky); [] for any
        other target. Hands, feet, arms, legs, eyes, irises and eyebrows carry their owner's side in `attributes["side"]`."""
        label = embedded_label(target)
        if label is None:
            return []
        return self.scene(image).candidates(label)

    def inventory(self, image: Image.Image) -> dict[str, int]:
        scene = self.scene(image)
        counts = {label: scene.count(label) for label in INVENTORY_LABELS}
        return {label: n for label, n in counts.items() if n}

    def scene(self, image: Image.Image) -> "Scene":
        """What this image contains, computed once per image content (an LRU of a few images)."""
        return self._scenes.get_or_make(image_content_key(image), lambda: Scene(
            working_copy(image, self.work_side), threshold=self.threshold, size=image.size))


def working_copy(image: Image.Image, side: int = WORK_SIDE) -> np.ndarray:
    """The photo as the finder looks at it: RGB, its longer side at most `side` (0: no limit; an
    area average; an RGBA photo is reduced with its alpha premultiplied, as a viewer shows it on
    black)."""
    scale = min(1.0, side / max(image.size)) if side > 0 else 1.0
    if scale < 1.0:
        image = image.resize((max(1, round(image.width * scale)), max(1, round(image.height * scale))),
                             Image.Resampling.BOX)
    return np.asarray(image if image.mode == "RGB" else image.convert("RGB"))


class Scene:
    """One image's people and parts. People, faces and pose run when the photo is first asked
    about; the hand model only when hands are.

    `rgb` is the photo as the finder looks at it (`working_copy`) and `size` (width, height) the
    photo's own: everything inside works at `rgb`'s size, and the candidates' masks and boxes are
    scaled to `size` as they are handed out."""

    def __init__(self, rgb: np.ndarray, *, threshold: float = 0.5, size: tuple[int, int] | None = None) -> None:
        self.rgb = np.ascontiguousarray(rgb)
        self.shape = rgb.shape[:2]
        self.size = size or (self.shape[1], self.shape[0])
        self.timings: dict[str, float] = {}
        self.threshold = threshold
        self.probability = self._segment()
        """The person-probability map, at the working size."""
        self.faces, self.people = self._people(threshold)
        self._cache: dict[str, list[Candidate]] = {}
        self._parts: list[tuple[list[face_parts.FacePart], float]] | None = None
        self._meshes: dict[int, np.ndarray | None] = {}
        self._hair: dict[int, np.ndarray | None] = {}
        self._lock = threading.RLock()

    # -- what it holds

    def count(self, label: str) -> int:
        return len(self._found(label))

    def candidates(self, label: str) -> list[Candidate]:
        """Every `label` found, at the photo's size. Kept at the working size and enlarged on each
        call, so a big photo's cache holds no picture-sized masks (16 MiB each at 4096²)."""
        found = self._found(label)
        if self.size == (self.shape[1], self.shape[0]):
            return [Candidate(c.label, c.box, c.score, c.mask, dict(c.attributes)) for c in found]
        out = []
        for c in found:
            mask = resized(c.mask, self.size)
            out.append(Candidate(c.label, body.box_of(mask) or (0, 0, 0, 0), c.score, mask, dict(c.attributes)))
        return out

    def _found(self, label: str) -> list[Candidate]:
        with self._lock:
            if label not in self._cache:
                self._cache[label] = self._build(label)
            return self._cache[label]

    def _build(self, label: str) -> list[Candidate]:
        if label == "person":
            return [self._candidate("person", p.mask, p.score) for p in self.people]
        if label == "face":
            return [self._candidate("face", body.face_mask(f, self.shape), f.score) for f in self.faces]
        if label == "head":
            owners = {id(p.face): p.mask for p in self.people if p.face is not None}
            return [self._candidate("head", body.head_mask(f, owners.get(id(f)), self.shape), f.score)
                    for f in self.faces]
        if label == "hand":
            return self._hand_candidates()
        if label == SKY_LABEL:
            return self._sky_candidates()
        if label in (HAIR_LABEL, SKIN_LABEL, BLEMISH_LABEL):
            return self._hair_or_skin_candidates(label)
        if label in FACE_PART_LABELS:
            return [self._candidate(label, part.mask, score, side=part.side)
                    for parts, score in self._face_parts() for part in parts if part.label == label]
        parts = []
        for person in self.people:
            for side in POSE_SIDES:
                mask = self._limb(person, label, side)
                if mask is not None and mask.any():
                    parts.append(self._candidate(label, mask, person.score, side=side))
        return parts

    def _candidate(self, label: str, mask: np.ndarray, score: float, side: str | None = None) -> Candidate:
        box = body.box_of(mask) or (0, 0, 0, 0)
        return Candidate(label=label, box=box, score=round(float(score), 4), mask=from_bool(mask),
                         attributes={"side": side} if side else {})

    # -- models

    def _run(self, name: str, rgb: np.ndarray) -> Any:
        solution, lock = model(name)
        started = time.perf_counter()
        with lock, native_logs_silenced():
            result = solution.process(np.ascontiguousarray(rgb))
        self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - started
        return result

    def _segment(self) -> np.ndarray:
        """The person probability map: once over the whole photo, then again over a square crop
        around each person found — the model sees 256², so a person filling a tenth of a wide photo
        gets four times the detail (IoU 0.79 → 0.84 for one of two people side by side)."""
        rough = self._selfie(self.rgb)
        refined = rough.copy()
        seen = np.zeros(self.shape, dtype=bool)
        for person in body.split_people(rough, [], threshold=self.threshold):
            window = _square_window(body.box_of(person.mask), self.shape, pad=0.25)
            x0, y0, x1, y1 = window
            if (x1 - x0) * (y1 - y0) >= 0.8 * self.shape[0] * self.shape[1]:
                continue  # the crop is the photo: nothing to gain
            closer = self._selfie(self.rgb[y0:y1, x0:x1])
            if (closer >= 0.5).sum() < 0.1 * person.mask.sum():
                continue  # the close look lost them: keep the first look
            region = refined[y0:y1, x0:x1]
            first = ~seen[y0:y1, x0:x1]
            region[first] = closer[first]
            region[~first] = np.maximum(region[~first], closer[~first])
            seen[y0:y1, x0:x1] = True
        return refined

    def _selfie(self, rgb: np.ndarray) -> np.ndarray:
        result = self._run("selfie", rgb)
        probability = np.asarray(result.segmentation_mask, dtype=np.float32)
        if probability.shape != rgb.shape[:2]:  # pragma: no cover - MediaPipe returns the input size
            import cv2

            probability = cv2.resize(probability, rgb.shape[1::-1], interpolation=cv2.INTER_LINEAR)
        return probability

    def _detect_faces(self, rgb: np.ndarray, offset: tuple[int, int] = (0, 0)) -> list[Face]:
        height, width = rgb.shape[:2]
        faces = []
        for name in ("face-full", "face-short"):
            result = self._run(name, rgb)
            for detection in result.detections or []:
                box = detection.location_data.relative_bounding_box
                x0 = int(round(box.xmin * width)) + offset[0]
                y0 = int(round(box.ymin * height)) + offset[1]
                x1 = x0 + max(1, int(round(box.width * width)))
                y1 = y0 + max(1, int(round(box.height * height)))
                faces.append(Face(self._clip((x0, y0, x1, y1)), float(detection.score[0])))
        return faces

    def _people(self, threshold: float) -> tuple[list[Face], list[PersonPart]]:
        faces = self._detect_faces(self.rgb)
        rough = body.split_people(self.probability, [], threshold=threshold)
        for person in rough:  # look again inside each person: small faces in a big photo
            crop, (x0, y0) = self._crop(body.box_of(person.mask), pad=0.15)
            if crop is not None:
                faces += self._detect_faces(crop, (x0, y0))
        faces = [face for face in body.merge_faces(faces) if face.box[2] > face.box[0] and face.box[3] > face.box[1]]
        blobs = [p for p in body.split_people(self.probability, faces, threshold=threshold) if p.mask.any()]
        for blob in blobs:
            blob.mask = _tidy(blob.mask)
        for blob in blobs:
            self._pose(blob, blobs)
        # the selfie model marks any foreground subject — a cat, a dog on a bench — as a person;
        # the pose model finds only people, so a blob is a person when it finds one there
        people = [blob for blob in blobs if _looks_human(blob)]
        faces = [face for face in faces if face.score >= SURE_FACE or any(p.face is face for p in people)]
        faces.sort(key=lambda f: (f.box[0], f.box[1]))
        people.sort(key=lambda p: body.box_of(p.mask) or (0, 0, 0, 0))
        return faces, people

    def _crop(self, box: body.Box | None, pad: float, blank: np.ndarray | None = None
              ) -> tuple[np.ndarray | None, tuple[int, int]]:
        if box is None:
            return None, (0, 0)
        height, width = self.shape
        x0, y0, x1, y1 = box
        px, py = int((x1 - x0) * pad), int((y1 - y0) * pad)
        x0, y0, x1, y1 = max(0, x0 - px), max(0, y0 - py), min(width, x1 + px), min(height, y1 + py)
        if x1 - x0 < 16 or y1 - y0 < 16:
            return None, (0, 0)
        crop = self.rgb[y0:y1, x0:x1].copy()
        if blank is not None:
            hide = blank[y0:y1, x0:x1]
            crop[hide] = crop.reshape(-1, 3).mean(axis=0).astype(np.uint8)
        return crop, (x0, y0)

    def _others(self, person: PersonPart, everyone: list[PersonPart] | None = None) -> np.ndarray:
        others = np.zeros(self.shape, dtype=bool)
        for other in self.people if everyone is None else everyone:
            if other is not person:
                others |= other.mask & ~person.mask
        return others

    def _pose(self, person: PersonPart, everyone: list[PersonPart]) -> None:
        """Pose landmarks for one person, on their crop with everybody else blanked out (the
        pose model follows one person per image)."""
        crop, (x0, y0) = self._crop(body.box_of(person.mask), pad=0.2, blank=self._others(person, everyone))
        if crop is None:
            return
        result = self._run("pose", crop)
        if result.pose_landmarks is None:
            return
        h, w = crop.shape[:2]
        person.landmarks = {name: (x0 + mark.x * w, y0 + mark.y * h, float(mark.visibility))
                            for name, mark in zip(LANDMARKS, result.pose_landmarks.landmark)}

    def _visible(self, person: PersonPart, *names: str, at_least: float = 0.5) -> list[tuple[float, float]] | None:
        height, width = self.shape
        points = []
        for name in names:
            if name not in person.landmarks:
                return None
            x, y, visibility = person.landmarks[name]
            if visibility < at_least or not (0 <= x < width and 0 <= y < height):
                return None
            points.append((x, y))
        return points

    def _limb(self, person: PersonPart, label: str, side: str) -> np.ndarray | None:
        s = side
        if label == "foot":
            points = self._visible(person, f"{s}_ankle", f"{s}_heel", f"{s}_foot_index")
            return None if points is None else body.foot_from_pose(*points, self.shape)
        if label == "arm":
            points = self._visible(person, f"{s}_shoulder", f"{s}_elbow", f"{s}_wrist")
            width = self._shoulder_width(person)
            return None if points is None or width is None else self._on_person(
                body.limb_mask(points, 0.35 * width, self.shape), person, 0.25 * width)
        if label == "leg":
            points = self._visible(person, f"{s}_hip", f"{s}_knee", f"{s}_ankle")
            width = self._shoulder_width(person)
            return None if points is None or width is None else self._on_person(
                body.limb_mask(points, 0.45 * width, self.shape), person, 0.25 * width)
        return None

    def _shoulder_width(self, person: PersonPart) -> float | None:
        points = self._visible(person, "left_shoulder", "right_shoulder", at_least=0.3)
        if points is None:
            return None
        (ax, ay), (bx, by) = points
        return max(4.0, float(np.hypot(ax - bx, ay - by)))

    def _on_person(self, part: np.ndarray, person: PersonPart, grow: float) -> np.ndarray:
        """Keep a pose-drawn part to the person's silhouette (grown a little), unless that would
        lose most of it (the silhouette can miss a limb)."""
        import cv2

        box = body.box_of(part)
        if box is None:
            return part
        radius = max(1, int(grow))
        rows, cols = body.window(box, radius + 1, self.shape)
        near = np.zeros(self.shape, dtype=bool)
        near[rows, cols] = cv2.dilate(person.mask[rows, cols].astype(np.uint8), cv2.getStructuringElement(
            cv2.MORPH_ELLIPSE, (2 * radius + 1, 2 * radius + 1))) > 0
        kept = part & near
        return kept if kept.sum() >= 0.5 * part.sum() else part

    def _hand_candidates(self) -> list[Candidate]:
        hands: list[Candidate] = []
        for person in self.people or [None]:
            mask = person.mask if person is not None else None
            blank = self._others(person) if person is not None else None
            crop, (x0, y0) = self._crop(body.box_of(mask) if mask is not None else (0, 0, *self.shape[::-1]),
                                        pad=0.2, blank=blank)
            found: list[tuple[np.ndarray, float, str | None]] = []
            if crop is not None:
                result = self._run("hands", crop)
                h, w = crop.shape[:2]
                for marks, handed in zip(result.multi_hand_landmarks or [], result.multi_handedness or []):
                    points = [(x0 + m.x * w, y0 + m.y * h) for m in marks.landmark]
                    region = body.hand_from_landmarks(points, self.shape)
                    side = self._hand_side(person, points, handed.classification[0].label)
                    found.append((region, float(handed.classification[0].score), side))
            if person is not None:
                for side in POSE_SIDES:
                    points = self._visible(person, f"{side}_wrist", f"{side}_index", f"{side}_pinky",
                                           f"{side}_thumb")
                    if points is None:
                        continue
                    region = body.hand_from_pose(*points, self.shape)
                    if any((region & other).sum() >= 0.2 * min(region.sum(), other.sum()) for other, _, _ in found):
                        continue  # the hand model already has this one, more tightly
                    visibility = min(person.landmarks[f"{side}_{n}"][2] for n in ("wrist", "index", "pinky"))
                    found.append((region, visibility * 0.9, side))
            for region, score, side in found:
                if region.any() and not any(_same_region(region, other.mask > 127) for other in hands):
                    hands.append(self._candidate("hand", region, score, side))
        return hands

    def close_up(self) -> bool:
        """Whether a person or a face fills so much of the photo that it is a portrait (CLOSE_UP_PERSON)."""
        height = self.shape[0]
        return (any(float(person.mask.mean()) >= CLOSE_UP_PERSON for person in self.people)
                or any(face.box[3] - face.box[1] >= CLOSE_UP_FACE * height for face in self.faces))

    def _sky_candidates(self) -> list[Candidate]:
        """The sky, or [] — always [] in a close-up (CLOSE_UP_PERSON, CLOSE_UP_FACE)."""
        if self.close_up():
            return []
        started = time.perf_counter()
        found = sky.find_sky(self.rgb)
        self.timings["sky"] = self.timings.get("sky", 0.0) + time.perf_counter() - started
        return [] if found is None else [self._candidate(SKY_LABEL, found, SKY_SCORE)]

    def _face_parts(self) -> list[tuple[list[face_parts.FacePart], float]]:
        """Every face's parts with the face's score, the mesh run once per face (kept for the next
        question: "her eyes", then "her lips")."""
        if self._parts is None:
            self._parts = []
            for face in self.faces:
                points = self._mesh_points(face)
                self._parts.append(([] if points is None else face_parts.face_parts(points, self.rgb), face.score))
        return self._parts

    def _mesh_points(self, face: Face) -> np.ndarray | None:
        """The face mesh's 478 landmarks for `face`, in the working copy's pixels, run once per face on a
        square crop around it (enlarged when small); None when the mesh finds no face there."""
        with self._lock:
            if id(face) not in self._meshes:
                self._meshes[id(face)] = self._mesh(face)
            return self._meshes[id(face)]

    def _mesh(self, face: Face) -> np.ndarray | None:
        import cv2

        x0, y0, x1, y1 = _square_window(face.box, self.shape, pad=FACE_CROP_PAD)
        if x1 - x0 < 8 or y1 - y0 < 8:
            return None
        crop = self.rgb[y0:y1, x0:x1]
        scale = max(1.0, FACE_CROP_SIDE / max(crop.shape[:2]))
        if scale > 1.0:
            crop = cv2.resize(crop, (round(crop.shape[1] * scale), round(crop.shape[0] * scale)),
                              interpolation=cv2.INTER_CUBIC)
        result = self._run("face-mesh", crop)
        if not result.multi_face_landmarks:
            return None
        h, w = crop.shape[:2]
        points = np.array([(x0 + mark.x * w / scale, y0 + mark.y * h / scale)
                           for mark in result.multi_face_landmarks[0].landmark], dtype=np.float64)
        if points.shape[0] != face_parts.MESH_SIZE:  # pragma: no cover - refine_landmarks gives 478
            return None
        return points

    def _hair_or_skin_candidates(self, label: str) -> list[Candidate]:
        """One person's hair (or skin) for every person with a face the mesh could outline
        (`tools.finders.hair_skin`), or every blemish on their face's skin, each its own candidate, the most
        marked first (`tools.finders.blemishes`); a sure face with no person around it uses the selfie map alone."""
        found = []
        for face, person in self._faces_with_people():
            points = self._mesh_points(face)
            if points is None:
                continue
            started = time.perf_counter()
            head = hair_skin.Head(points)
            hair = self._hair_of(face, person, head)
            mask = hair if label == HAIR_LABEL else hair_skin.find_skin(self.rgb, person, head, hair)
            if label == BLEMISH_LABEL:
                spots = [] if mask is None else blemishes.find_blemishes(self.rgb, mask, head)
                found += [self._candidate(label, spot, face.score) for spot, _ in spots]
            elif mask is not None and mask.any():
                found.append(self._candidate(label, mask, face.score))
            self.timings[label] = self.timings.get(label, 0.0) + time.perf_counter() - started
        return found

    def _hair_of(self, face: Face, person: np.ndarray, head: hair_skin.Head) -> np.ndarray | None:
        with self._lock:
            if id(face) not in self._hair:
                self._hair[id(face)] = hair_skin.find_hair(self.rgb, person, self.probability, head)
            return self._hair[id(face)]

    def _faces_with_people(self) -> list[tuple[Face, np.ndarray]]:
        """Each face with the mask of the person it anchors (the selfie map's, cut at the threshold, for a
        face no person holds)."""
        owners = {id(p.face): p.mask for p in self.people if p.face is not None}
        fallback = self.probability >= self.threshold
        return [(face, owners.get(id(face), fallback)) for face in self.faces]

    def _hand_side(self, person: PersonPart | None, points: list[tuple[float, float]], label: str) -> str | None:
        """The person's own side: from the nearest pose wrist when there is one; otherwise the hand
        model's label, flipped (it assumes a mirrored selfie camera)."""
        if person is not None and person.landmarks:
            wx, wy = points[0]
            best, best_distance = None, np.inf
            for side in POSE_SIDES:
                x, y, visibility = person.landmarks[f"{side}_wrist"]
                distance = float(np.hypot(x - wx, y - wy))
                if visibility >= 0.3 and distance < best_distance:
                    best, best_distance = side, distance
            if best is not None:
                return best
        return {"Left": "right", "Right": "left"}.get(label)

    def _clip(self, box: body.Box) -> body.Box:
        height, width = self.shape
        x0, y0, x1, y1 = box
        return max(0, x0), max(0, y0), min(width, x1), min(height, y1)


def _looks_human(blob: PersonPart) -> bool:
    """The pose model placed a person here (nose or a shoulder clearly visible, inside the blob),
    or the blob holds a face the face model is sure of."""
    if blob.face is not None and blob.face.score >= SURE_FACE:
        return True
    height, width = blob.mask.shape
    for name in ("nose", "left_shoulder", "right_shoulder"):
        if name in blob.landmarks:
            x, y, visibility = blob.landmarks[name]
            if visibility >= 0.5 and 0 <= x < width and 0 <= y < height and blob.mask[int(y), int(x)]:
                return True
    return False


def _square_window(box: body.Box | None, shape: tuple[int, int], pad: float) -> body.Box:
    """A square around `box`, `pad` of its longer side added on every side, kept in the image."""
    height, width = shape
    if box is None:
        return 0, 0, width, height
    x0, y0, x1, y1 = box
    side = max(x1 - x0, y1 - y0) * (1 + 2 * pad)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return (int(max(0, cx - side / 2)), int(max(0, cy - side / 2)),
            int(min(width, cx + side / 2)), int(min(height, cy + side / 2)))


def _same_region(a: np.ndarray, b: np.ndarray) -> bool:
    """Two finds of one thing (a hand seen from two people's crops)."""
    overlap = int((a & b).sum())
    return overlap >= 0.5 * min(int(a.sum()), int(b.sum()))


def _tidy(mask: np.ndarray) -> np.ndarray:
    """Fill the small pockets inside a person (a gap under an arm that reaches out stays) and drop
    crumbs. Works in the person's box plus a one-pixel ring, so a big photo costs what the person
    does."""
    import cv2

    box = body.box_of(mask)
    if box is None:
        return mask
    rows, cols = body.window(box, 1, mask.shape)
    local = mask[rows, cols]
    area = int(local.sum())
    holes = (~local).astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(holes, connectivity=4)
    height, width = local.shape
    pockets = [label for label in range(1, count)
               if stats[label, cv2.CC_STAT_AREA] <= 0.02 * area
               and stats[label, cv2.CC_STAT_LEFT] > 0 and stats[label, cv2.CC_STAT_TOP] > 0
               and stats[label, cv2.CC_STAT_LEFT] + stats[label, cv2.CC_STAT_WIDTH] < width
               and stats[label, cv2.CC_STAT_TOP] + stats[label, cv2.CC_STAT_HEIGHT] < height]
    filled = local | np.isin(labels, pockets)
    out = np.zeros_like(mask)
    out[rows, cols] = remove_specks(from_bool(filled), max(4, area // 200)) > 127
    return out
