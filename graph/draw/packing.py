"""Components side by side: Fruchterman-Reingold pushes the small components of a graph (a few
organizations that only sign with each other) out to the edge of the picture, so a drawing fitted to its
frame showed the main cluster squeezed into one corner and empty space elsewhere. `pack` keeps the
largest component where it is and shelves the others beside and under it, so the whole drawing keeps the
frame's shape.

>>> import networkx as nx
>>> G = nx.Graph([(1, 2), (3, 4)])
>>> P = pack(G, {1: (-1.0, 0.0), 2: (-0.8, 0.0), 3: (5.0, 5.0), 4: (5.2, 5.0)})
>>> P[1], P[2], abs(P[3][0] - P[2][0]) < 1.0 and abs(P[3][1]) < 1.0
((-1.0, 0.0), (-0.8, 0.0), True)
"""
from __future__ import annotations

from typing import Any, Mapping

import networkx as nx
import numpy as np

ASPECT = 1.6  # the shape drawings are fitted into (width / height), as graph.draw.layout.ASPECT
GAP = 0.15  # space between two components, as a share of the main component's height


def pack(G: nx.Graph, pos: Mapping[Any, tuple[float, float]], aspect: float = ASPECT
         ) -> dict[Any, tuple[float, float]]:
    """Positions with each component but the largest moved next to the ones already placed: to the right
    of the drawing while it is narrower than `aspect`, else under it, left to right on a shelf."""
    comps = nx.weakly_connected_components(G) if G.is_directed() else nx.connected_components(G)
    parts = [c for c in comps if any(n in pos for n in c)]
    out = {n: (float(pos[n][0]), float(pos[n][1])) for n in pos}
    if len(parts) < 2:
        return out
    parts = sorted((sorted((n for n in c if n in pos), key=str) for c in parts), key=lambda c: (-len(c), str(c[0])))
    xy = np.array([out[n] for n in parts[0]])
    left, top = (float(v) for v in xy.min(axis=0))
    right, bottom = (float(v) for v in xy.max(axis=0))
    height = bottom - top
    gap = GAP * max(height, right - left, 1e-9)
    col_x, col_y, col_w = right + gap, top, 0.0  # a column right of the main component, filled downwards
    shelf_x, shelf_y, shelf_h = left, bottom + gap, 0.0  # then shelves under the drawing, left to right
    for part in parts[1:]:
        p = np.array([out[n] for n in part])
        lo, hi = p.min(axis=0), p.max(axis=0)
        w, h = float(hi[0] - lo[0]), float(hi[1] - lo[1])
        if col_y + h > bottom and col_y > top:  # this column is full: the next one
            col_x, col_y, col_w = col_x + col_w + gap, top, 0.0
        if col_x + w - left <= aspect * (bottom - top) and col_y + h <= max(bottom, top + h):
            dx, dy = col_x - lo[0], col_y - lo[1]
            col_y += h + gap
            col_w = max(col_w, w)
            right = max(right, col_x + w)
        else:
            if shelf_x + w > right and shelf_x > left:
                shelf_x, shelf_y, shelf_h = left, shelf_y + shelf_h + gap, 0.0
            dx, dy = shelf_x - lo[0], shelf_y - lo[1]
            shelf_x += w + gap
            shelf_h = max(shelf_h, h)
            bottom = max(bottom, shelf_y + h)
        for n, (x, y) in zip(part, p):
            out[n] = (float(x + dx), float(y + dy))
    return out
