"""Where the nodes a view makes up go (super-nodes, period nodes, a search's letters and co-signers): beside
what they stand for, in free space, never moving a node the base drawing (graph.draw.layout) placed.

>>> import networkx as nx
>>> from graph.draw.layout import positions, no_overlap, sizes
>>> G = nx.DiGraph()
>>> G.add_node("letter:a", kind="letter", n_signatories=3)
>>> for o in "xyz":
...     G.add_node(f"org:{o}", kind="organization", n_letters=1); G.add_edge(f"org:{o}", "letter:a", kind="signed")
>>> P = positions(G, seed=1)
>>> G.add_node("group:g", kind="group", count=2, members=["org:x", "org:y"])
>>> Q = place(G, P)
>>> all(Q[n] == P[n] for n in P), no_overlap(Q, sizes(G))
(True, True)
"""
from __future__ import annotations

import math
import random
from typing import Any, Mapping

import networkx as nx
import numpy as np

from graph.draw.layout import GAP, LABEL_ROOM, sizes
from graph.kinds import FOLDED

ADDED_GAP = LABEL_ROOM  # around a node a view adds (a search's letters): a pile of them would hide its names


def place(H: nx.Graph, base: Mapping[Any, tuple[float, float]], seed: int = 0) -> dict[Any, tuple[float, float]]:
    """`arrange` H round `base`, keeping names of a search clear at the size the page will draw them: names
    are scaled to the framed nodes (graph.draw.vis_labels.label_scale), known once they are placed, so a
    search whose frame came out bigger than NAME_ROOM assumed is placed again with room for that size."""
    from graph.draw.vis_labels import label_scale

    pos = arrange(H, base, seed, NAME_ROOM)
    shown = framed(H, base)
    k = label_scale({n: pos[n] for n in shown}) if shown else 0.0
    return arrange(H, base, seed, k * ROOM_SPARE) if k > NAME_ROOM else pos


def arrange(H: nx.Graph, base: Mapping[Any, tuple[float, float]], seed: int = 0,
            name_room: float = 1.0) -> dict[Any, tuple[float, float]]:
    """Positions for the drawing of H: nodes known to `base` keep their place; each other node (a
    super-node, or a letter or organization the base drawing did not have) goes to the free spot nearest
    the centre of its members (attribute `members`) or, failing that, of its placed neighbours, so it
    appears beside what it stands for and covers nothing. Around a searched organization (`focus`) the
    new nodes gather round it instead (its letters ring it, the super-nodes of its co-signers beside their
    letters), clear of its name and theirs (`name_room` times their font), so the camera can frame it with its neighbours (`framed`). Nodes with
    nothing placed around them wait for their neighbours to be placed (an organization reached only
    through a new letter)."""
    pos = {n: tuple(base[n]) for n in H if n in base}
    new = [n for n in H if n not in base]
    if not new:
        return pos
    radius = sizes(H)
    rng = random.Random(seed)
    focus = [n for n, a in H.nodes(data=True) if a.get("focus")]
    boxes = [_name_box(H, f, pos[f], radius[f], name_room) for f in focus if f in pos]  # names new nodes must not cover
    # big super-nodes choose first; a searched organization the base did not have before anything else, among
    # the co-signers the base has (the rest then gathers round it)
    new.sort(key=lambda n: (n not in focus, -radius[n], str(n)))
    while new:
        waiting = []
        for n in new:
            near = [m for m in nx.all_neighbors(H, n) if m in pos]
            members = [base[m] for m in H.nodes[n].get("members") or () if m in base]
            if n in focus:
                anchors = [base[m] for m in nx.single_source_shortest_path_length(
                    H.to_undirected(as_view=True), n, cutoff=2) if m in base]
            elif focus:  # beside the searched organization, else beside what the search placed round it (its
                # letters), else beside the map's nodes (a member_of tie to a far organization is no anchor)
                anchors = [pos[m] for m in near if m in focus] or [pos[m] for m in near if m not in base]
                if not anchors and not any(m not in pos for m in nx.all_neighbors(H, n)):
                    anchors = [pos[m] for m in near]
            else:
                anchors = members or [pos[m] for m in near]
            if not anchors and len(waiting) < len(new) - 1:
                waiting.append(n)
                continue
            centre = tuple(np.mean(anchors, axis=0)) if anchors else (0.0, 0.0)
            named = bool(focus) and (n in focus or H.nodes[n].get("kind") in FOLDED)  # names always shown
            name = (lambda p, n=n: _name_box(H, n, p, radius[n], name_room)) if named else None
            pos[n] = _free_spot(centre, radius[n], pos, radius, rng, boxes, name)
            if named:  # kept clear of what comes later
                boxes.append(name(pos[n]))
        new = waiting
    return pos


def framed(H: nx.Graph, base: Mapping[Any, tuple[float, float]]) -> list:
    """What the camera fits first: the searched organization, its neighbours and every node its search
    added (placed round it by `place`); the co-signers the map already had stay where the map put them,
    one zoom-out away. Empty (fit everything) when nothing is searched."""
    focus = [n for n, a in H.nodes(data=True) if a.get("focus")]
    if not focus:
        return []
    near = {m for f in focus for m in nx.all_neighbors(H, f)}
    return [n for n in H if n in focus or n in near or n not in base]


NAME_ROOM = 2.0  # names of a search are kept free at this many times their font: framed on the searched
# organization's neighbours, the page scales names by about this much (graph.draw.vis_labels.label_scale)
ROOM_SPARE = 1.1  # placed again for a bigger scale: a little more, as the extra room widens the frame again


def _name_box(H: nx.Graph, n: Any, xy: tuple[float, float], r: float,
              room: float) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of the name drawn under node n at xy, with room to spare."""
    from graph.draw.style import label_font
    from graph.draw.vis_data import label_text
    from graph.draw.vis_labels import LINE, text_width

    font = label_font(H.nodes[n]) * room
    w = text_width(label_text(H.nodes[n], n), font) / 2 + GAP
    return xy[0] - w, xy[1] - r - GAP, xy[0] + w, xy[1] + r + LINE * font + GAP


def _free_spot(centre, r: float, pos: Mapping, radius: Mapping, rng: random.Random,
               boxes=(), name=None) -> tuple[float, float]:
    """The first point on a spiral out of `centre` where a disc of radius r touches no placed disc and no
    name box (left, top, right, bottom) of `boxes`, and its own name box (`name(point)`, if named) covers
    no placed disc and no name box."""
    if not pos:
        return centre
    keys = list(pos)
    xy = np.array([pos[k] for k in keys], dtype=float)
    rr = np.array([radius.get(k, 10.0) for k in keys]) + r + ADDED_GAP
    turn = rng.uniform(0, 2 * math.pi)
    for step in range(20000):
        a = turn + step * 0.5
        dist = 0.0 if step == 0 else (r + ADDED_GAP) * 0.35 * math.sqrt(step) * 2
        p = (centre[0] + dist * math.cos(a), centre[1] + dist * math.sin(a))
        if np.all(np.hypot(xy[:, 0] - p[0], xy[:, 1] - p[1]) >= rr) and not any(
                l - r < p[0] < rr_ + r and t - r < p[1] < b + r for l, t, rr_, b in boxes) and _clear(name, p, xy, rr - r - ADDED_GAP + GAP, boxes):
            return round(p[0], 1), round(p[1], 1)
    return centre


def _clear(name, p, xy: np.ndarray, rr: np.ndarray, boxes) -> bool:
    """True when the name box drawn for a node at p (`name(p)`; no name: True) covers no disc (centres xy,
    radii with a GAP: rr; a name needs less air than a disc) and meets no box of `boxes`."""
    if name is None:
        return True
    l, t, r, b = name(p)
    below = xy[:, 1] > p[1]  # the name hangs under its node: only what is below can be under it
    cx, cy = np.clip(xy[below, 0], l, r), np.clip(xy[below, 1], t, b)
    if np.any(np.hypot(xy[below, 0] - cx, xy[below, 1] - cy) < rr[below]):
        return False
    return not any(l < R and L < r and t < B and T < b for L, T, R, B in boxes)
