"""People and body parts as masks, from what MediaPipe's models give: a person-probability map,
face boxes, pose landmarks and hand landmarks. Pure geometry over numpy arrays — no models here.

The selfie model returns one map for everybody; `split_people` turns it into one mask per person so
that "the person on the left" can choose one. Touching people form one blob, which is split by the
faces inside it: each pixel goes to the face it is geodesically nearest to inside the blob (so an
arm stays with its body), with horizontal distance counting double (bodies hang below their faces)
and distances measured in face widths (a child's face is nearer its own feet than an adult's is).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import cv2
import numpy as np

Box = tuple[int, int, int, int]
Point = tuple[float, float]


@dataclass
class Face:
    box: Box
    score: float


@dataclass
class PersonPart:
    """One person's mask, the face that anchors it (if any) and its mean selfie probability."""

    mask: np.ndarray
    score: float
    face: Face | None = None
    landmarks: dict[str, tuple[float, float, float]] = field(default_factory=dict)
    """Pose landmarks by name → (x px, y px, visibility), filled when the pose model has run."""


def box_of(mask: np.ndarray) -> Box | None:
    x, y, w, h = cv2.boundingRect(np.asarray(mask, dtype=np.uint8))
    if w == 0 or h == 0:
        return None
    return int(x), int(y), int(x + w), int(y + h)


def window(box: Box, margin: int, shape: tuple[int, int]) -> tuple[slice, slice]:
    """Row and column slices of `box` grown by `margin`, kept inside an image of `shape`: work on
    a part of a big photo without touching the rest of it."""
    height, width = shape
    x0, y0, x1, y1 = box
    return (slice(max(0, y0 - margin), min(height, y1 + margin)), slice(max(0, x0 - margin), min(width, x1 + margin)))


def box_iou(a: Box, b: Box) -> float:
    ix = max(0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def merge_faces(faces: list[Face], iou: float = 0.3) -> list[Face]:
    """Non-maximum suppression over faces found by several detectors or crops."""
    kept: list[Face] = []
    for face in sorted(faces, key=lambda f: -f.score):
        if all(box_iou(face.box, other.box) < iou and not _inside(face.box, other.box) for other in kept):
            kept.append(face)
    return kept


def _inside(a: Box, b: Box) -> bool:
    """Most of box a lies inside box b (a face found again, smaller, in a crop)."""
    ix = max(0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0, min(a[3], b[3]) - max(a[1], b[1]))
    area = max(1, (a[2] - a[0]) * (a[3] - a[1]))
    return ix * iy >= 0.7 * area


def face_center(face: Face) -> Point:
    x0, y0, x1, y1 = face.box
    return (x0 + x1) / 2.0, (y0 + y1) / 2.0


# ---- people ------------------------------------------------------------------------------------


def split_people(probability: np.ndarray, faces: list[Face], *, threshold: float = 0.5,
                 min_share: float = 0.004) -> list[PersonPart]:
    """One mask per person from the selfie model's probability map and the faces found."""
    height, width = probability.shape
    selected = (probability >= threshold).astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(selected, connectivity=8)
    if count <= 1:
        return []
    areas = stats[1:, cv2.CC_STAT_AREA]
    largest = int(areas.max())
    min_area = max(16, int(min_share * height * width))
    people: list[PersonPart] = []
    leftovers: list[np.ndarray] = []
    for label in range(1, count):
        area = int(stats[label, cv2.CC_STAT_AREA])
        if area < min_area:
            continue
        component = labels == label
        inside = [face for face in faces if _face_in(face, component)]
        if len(inside) >= 2:
            for face, part in zip(inside, _split_by_faces(component, inside)):
                if part.sum() >= min_area // 2:
                    people.append(PersonPart(part, _mean(probability, part), face))
        elif inside:
            people.append(PersonPart(component, _mean(probability, component), inside[0]))
        elif area >= max(0.015 * height * width, 0.15 * largest):
            people.append(PersonPart(component, _mean(probability, component)))
        else:
            leftovers.append(component)
    for piece in leftovers:  # a detached hand or shoulder belongs to the nearest person, if near
        owner = _nearest_person(piece, people, reach=0.1 * float(np.hypot(width, height)))
        if owner is not None:
            owner.mask = owner.mask | piece
    return people


def _face_in(face: Face, component: np.ndarray) -> bool:
    """The face's centre is in the blob, or a good share of its box is (hair can make holes)."""
    cx, cy = (int(round(v)) for v in face_center(face))
    height, width = component.shape
    if 0 <= cy < height and 0 <= cx < width and component[cy, cx]:
        return True
    x0, y0, x1, y1 = face.box
    patch = component[max(0, y0):max(0, y1), max(0, x0):max(0, x1)]
    return patch.size > 0 and patch.mean() >= 0.3


def _mean(probability: np.ndarray, mask: np.ndarray) -> float:
    return float(probability[mask].mean()) if mask.any() else 0.0


def _split_by_faces(component: np.ndarray, faces: list[Face], work_side: int = 192) -> list[np.ndarray]:
    """Assign each pixel of `component` to a face: geodesic distance inside the blob, computed on a
    small grid where the vertical axis is squashed by half, divided by the face's width."""
    from skimage.graph import MCP_Geometric

    height, width = component.shape
    scale = work_side / max(height, width)
    grid_w = max(8, int(round(width * scale)))
    grid_h = max(8, int(round(height * scale * 0.5)))
    small = cv2.resize(component.astype(np.uint8), (grid_w, grid_h), interpolation=cv2.INTER_NEAREST) > 0
    costs = np.where(small, 1.0, 1e4)
    sx, sy = grid_w / width, grid_h / height
    distances = []
    for face in faces:
        cx, cy = face_center(face)
        seed = _nearest_true(small, int(cx * sx), int(cy * sy))
        mcp = MCP_Geometric(costs)
        field_, _ = mcp.find_costs([seed])
        face_width = max(1.0, (face.box[2] - face.box[0]) * sx)
        distances.append(field_ / face_width)
    owner_small = np.argmin(np.stack(distances), axis=0).astype(np.uint8)
    owner = cv2.resize(owner_small, (width, height), interpolation=cv2.INTER_NEAREST)
    parts = []
    for index in range(len(faces)):
        part = component & (owner == index)
        parts.append(_component_with(part, faces[index]))
    return parts


def _nearest_true(mask: np.ndarray, x: int, y: int) -> tuple[int, int]:
    height, width = mask.shape
    x, y = min(max(x, 0), width - 1), min(max(y, 0), height - 1)
    if mask[y, x]:
        return y, x
    ys, xs = np.nonzero(mask)
    index = int(np.argmin((xs - x) ** 2 + (ys - y) ** 2))
    return int(ys[index]), int(xs[index])


def _component_with(part: np.ndarray, face: Face) -> np.ndarray:
    """Keep the piece that holds the face (and pieces too big to be crumbs)."""
    count, labels, stats, _ = cv2.connectedComponentsWithStats(part.astype(np.uint8), connectivity=8)
    if count <= 2:
        return part
    cx, cy = (int(round(v)) for v in face_center(face))
    cy, cx = _nearest_true(part, cx, cy)
    home = labels[cy, cx]
    biggest = stats[1:, cv2.CC_STAT_AREA].max()
    keep = [label for label in range(1, count)
            if label == home or stats[label, cv2.CC_STAT_AREA] >= 0.25 * biggest]
    return np.isin(labels, keep)


def _nearest_person(piece: np.ndarray, people: list[PersonPart], reach: float) -> PersonPart | None:
    if not people:
        return None
    piece_dist = cv2.distanceTransform((~piece).astype(np.uint8), cv2.DIST_L2, 3)
    best, best_distance = None, reach
    for person in people:
        distance = float(piece_dist[person.mask].min()) if person.mask.any() else np.inf
        if distance <= best_distance:
            best, best_distance = person, distance
    return best


# ---- parts -------------------------------------------------------------------------------------


def ellipse_mask(shape: tuple[int, int], center: Point, axes: Point) -> np.ndarray:
    mask = np.zeros(shape, np.uint8)
    cv2.ellipse(mask, (int(round(center[0])), int(round(center[1]))),
                (max(1, int(round(axes[0]))), max(1, int(round(axes[1])))), 0, 0, 360, 1, -1)
    return mask > 0


def face_mask(face: Face, shape: tuple[int, int]) -> np.ndarray:
    """An ellipse a little larger than the detector's box (which runs from brow to chin)."""
    x0, y0, x1, y1 = face.box
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return ellipse_mask(shape, (cx, cy), (0.58 * (x1 - x0), 0.68 * (y1 - y0)))


def head_mask(face: Face, person: np.ndarray | None, shape: tuple[int, int]) -> np.ndarray:
    """Face plus hair: an ellipse reaching above the brow, kept to the person where one is known."""
    x0, y0, x1, y1 = face.box
    w, h = x1 - x0, y1 - y0
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2 - 0.2 * h
    head = ellipse_mask(shape, (cx, cy), (0.85 * w, 0.95 * h))
    if person is not None:
        kept = head & person
        if kept.sum() >= 0.5 * face_mask(face, shape).sum():
            head = kept | face_mask(face, shape)
    return head


def hull_mask(points: list[Point], shape: tuple[int, int], margin: float) -> np.ndarray:
    """The convex hull of `points`, grown by `margin` px (drawn in a window around the points)."""
    radius = max(1, int(round(margin)))
    pts = np.round(np.asarray(points, dtype=np.float32)).astype(np.int32)
    full = np.zeros(shape, dtype=bool)
    box = (int(pts[:, 0].min()), int(pts[:, 1].min()), int(pts[:, 0].max()) + 1, int(pts[:, 1].max()) + 1)
    rows, cols = window(box, radius + 1, shape)
    if rows.stop <= rows.start or cols.stop <= cols.start:
        return full
    local = np.zeros((rows.stop - rows.start, cols.stop - cols.start), np.uint8)
    shifted = pts - np.array([cols.start, rows.start], dtype=np.int32)
    if len(shifted) >= 3:
        cv2.fillConvexPoly(local, cv2.convexHull(shifted), 1)
    else:
        for x, y in shifted:
            cv2.circle(local, (int(x), int(y)), 1, 1, -1)
    local = cv2.dilate(local, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * radius + 1, 2 * radius + 1)))
    full[rows, cols] = local > 0
    return full


def hand_from_landmarks(points: list[Point], shape: tuple[int, int]) -> np.ndarray:
    """The hand model's 21 points (wrist, knuckles, fingertips), hulled and grown by a seventh of
    the hand's size so fingertips and the wrist's edge are inside."""
    pts = np.asarray(points)
    size = float(np.hypot(*(pts.max(axis=0) - pts.min(axis=0))))
    return hull_mask(points, shape, margin=max(2.0, size / 7))


def hand_from_pose(wrist: Point, index: Point, pinky: Point, thumb: Point, shape: tuple[int, int]) -> np.ndarray:
    """The pose model marks only the wrist and three knuckles; the fingers reach about as far again
    beyond the knuckles, so the hull includes that reach."""
    w, i, p, t = (np.asarray(v, dtype=float) for v in (wrist, index, pinky, thumb))
    knuckles = (i + p) / 2
    reach = knuckles - w
    length = float(np.hypot(*reach))
    tips = [tuple(w + 1.9 * (i - w)), tuple(w + 1.9 * (p - w)), tuple(w + 1.6 * (t - w))]
    points = [tuple(w), tuple(i), tuple(p), tuple(t), *tips]
    return hull_mask(points, shape, margin=max(2.0, 0.45 * length))


def foot_from_pose(ankle: Point, heel: Point, toe: Point, shape: tuple[int, int]) -> np.ndarray:
    a, h, t = (np.asarray(v, dtype=float) for v in (ankle, heel, toe))
    length = float(np.hypot(*(t - h)))
    return hull_mask([tuple(a), tuple(h), tuple(t)], shape, margin=max(2.0, 0.35 * length))


def limb_mask(points: list[Point], thickness: float, shape: tuple[int, int]) -> np.ndarray:
    """A thick polyline (shoulder → elbow → wrist, hip → knee → ankle)."""
    mask = np.zeros(shape, np.uint8)
    pts = np.round(np.asarray(points, dtype=np.float32)).astype(np.int32).reshape(-1, 1, 2)
    cv2.polylines(mask, [pts], False, 1, thickness=max(2, int(round(thickness))), lineType=cv2.LINE_8)
    for x, y in pts.reshape(-1, 2):
        cv2.circle(mask, (int(x), int(y)), max(1, int(round(thickness / 2))), 1, -1)
    return mask > 0
