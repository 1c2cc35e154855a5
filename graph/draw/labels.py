"""Labels that never overlap: a greedy placement with an exact collision check on text extents.

Labels go in priority order (the caller's: demands and super-nodes first). Each is measured once
(matplotlib's renderer), then tried beside its node at eight positions; a label that must be shown
and finds no room there moves out ring by ring, with a thin leader line to its node. A label is
never placed over another label, nor outside the drawing, and keeps off the dots when it can
(only a label that must be shown may cover a dot).

>>> overlaps((0, 0, 10, 10), [(5, 5, 20, 20)], 0), overlaps((0, 0, 10, 10), [(11, 0, 20, 10)], 0)
(True, False)
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Sequence

import numpy as np

# Around the node: right, left, above, below, then the diagonals (reading order: right first).
SIDES = ((1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, 1), (1, -1), (-1, -1))
GAP_PT = 1.5  # between two labels, and between a label and its dot: keeps them apart when read
MAX_RINGS = 12  # rings of positions further out for a label that must be shown
RING_ANGLES = 16


@dataclass(frozen=True)
class Placed:
    node: Any
    x: float  # lower-left corner of the text, display pixels
    y: float
    width: float
    height: float
    leader: bool  # drawn away from its node: joined to it by a line


def overlaps(box: tuple, others: Sequence[tuple] | np.ndarray, pad: float) -> bool:
    """Does box (x0, y0, x1, y1) come within `pad` of any of `others`?"""
    if len(others) == 0:
        return False
    o = np.asarray(others, dtype=float)
    return bool(np.any((box[0] < o[:, 2] + pad) & (o[:, 0] < box[2] + pad)
                       & (box[1] < o[:, 3] + pad) & (o[:, 1] < box[3] + pad)))


def _candidates(px: float, py: float, w: float, h: float, r: float, must: bool):
    """Lower-left corners to try, nearest first: beside the dot, then (if must) rings further out."""
    for sx, sy in SIDES:
        x = px + r if sx > 0 else px - r - w if sx < 0 else px - w / 2
        y = py + r if sy > 0 else py - r - h if sy < 0 else py - h / 2
        yield x, y, False
    if not must:
        return
    for ring in range(1, MAX_RINGS + 1):
        d = r + ring * h
        for k in range(RING_ANGLES):
            a = 2 * math.pi * k / RING_ANGLES
            cx, cy = px + d * math.cos(a), py + d * math.sin(a)
            yield cx - w / 2 if abs(math.cos(a)) < 0.3 else (cx if math.cos(a) > 0 else cx - w), cy - h / 2, True


def place(items: Sequence[tuple[Any, float, float, float, float, float, bool]], frame: tuple,
          dots: np.ndarray, pad: float) -> list[Placed]:
    """items: (node, x, y, width, height, dot radius, must) in display pixels, in priority order.
    frame: (x0, y0, x1, y1) the labels must stay within; dots: (n, 4) boxes of the drawn nodes."""
    placed: list[Placed] = []
    boxes: list[tuple] = []
    leaders: list[tuple] = []  # (x0, y0, x1, y1) segments already drawn: no label on top of them
    for node, px, py, w, h, r, must in items:
        # Passes, strictest first: off the dots and clear of leader lines; then (a label that must
        # show) over dots; then where leader lines cross labels. Never on another label.
        for on_dots, across in ((False, False), (True, False), (True, True))[: 3 if must else 1]:
            spot = None
            for x, y, leader in _candidates(px, py, w, h, r + pad, must):
                box = (x, y, x + w, y + h)
                if not _free(box, frame, boxes, dots, pad, on_dots) or (
                        not across and any(crosses(s, box) for s in leaders)):
                    continue
                line = (px, py, *leader_end(px, py, box)) if leader else None
                if across or not line or not any(crosses(line, b) for b in boxes):
                    spot = (x, y, line)
                    break
            if spot:
                placed.append(Placed(node, spot[0], spot[1], w, h, spot[2] is not None))
                boxes.append((spot[0], spot[1], spot[0] + w, spot[1] + h))
                leaders += [spot[2]] if spot[2] else []
                break
    return placed


def _free(box: tuple, frame: tuple, boxes: list, dots: np.ndarray, pad: float, on_dots: bool) -> bool:
    inside = frame[0] <= box[0] and frame[1] <= box[1] and box[2] <= frame[2] and box[3] <= frame[3]
    return inside and not overlaps(box, boxes, pad) and (on_dots or not overlaps(box, dots, 0))


def leader_end(px: float, py: float, box: tuple) -> tuple[float, float]:
    """The point of `box` nearest to (px, py): where a leader line from the node meets its label."""
    return min(max(px, box[0]), box[2]), min(max(py, box[1]), box[3])


def crosses(seg: tuple, box: tuple) -> bool:
    """Does the segment (x0, y0, x1, y1) pass through the inside of box (Liang-Barsky clipping)?

    >>> crosses((0, 5, 20, 5), (8, 0, 12, 10)), crosses((0, 0, 5, 5), (8, 0, 12, 10))
    (True, False)
    """
    x0, y0, x1, y1 = seg
    dx, dy = x1 - x0, y1 - y0
    lo, hi = 0.0, 1.0
    for p, q in ((-dx, x0 - box[0]), (dx, box[2] - x0), (-dy, y0 - box[1]), (dy, box[3] - y0)):
        if p == 0:
            if q <= 0:
                return False
            continue
        t = q / p
        if p < 0:
            lo = max(lo, t)
        else:
            hi = min(hi, t)
        if lo >= hi:
            return False
    return True
