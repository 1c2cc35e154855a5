"""Where nodes sit: one layout per corpus, reused by every view, so nodes stay put.

`positions(G, seed)` lays out the whole corpus graph once (Fruchterman-Reingold, seeded) in drawing
units (vis-network pixels at zoom 1), then pushes overlapping nodes apart using the sizes they are drawn
with (`graph.draw.style.node_size`, which depends on the corpus, never on the view). Any view of G draws its
nodes at these positions; `place` adds what a view makes up (coalition super-nodes, period nodes) near
the nodes they stand for, in free space, without moving anything already placed.

>>> import networkx as nx
>>> G = nx.DiGraph()
>>> G.add_node("letter:a", kind="letter", n_signatories=3)
>>> for o in "xyz":
...     G.add_node(f"org:{o}", kind="organization", n_letters=1); G.add_edge(f"org:{o}", "letter:a", kind="signed")
>>> P = positions(G, seed=1)
>>> P == positions(G, seed=1), no_overlap(P, sizes(G))
(True, True)
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

from graph.draw.packing import pack
from graph.draw.style import node_size
from graph.kinds import NodeKind

ORG, GROUP = NodeKind.ORGANIZATION, NodeKind.GROUP
SPACING = 150.0  # drawing units between neighbours in FR's ideal: about one label's width
ASPECT = 1.6  # drawings are wider than tall (the frame is 1.6:1 on a desktop), and so are labels
LABEL_ROOM = 30.0  # drawing units kept around a node for its name (a 16-unit line and some air)
LABEL_STRETCH = 3.0  # ... and three times as much sideways
GAP = 4.0  # drawing units left free between two node discs
ADDED_GAP = LABEL_ROOM  # ... around a node a view adds (a search's letters): a pile of them would hide its names
SEPARATE_ROUNDS = 300  # enough for the generated 3,300-node corpus (200 rounds, 0.4 s); stops once none overlaps


def sizes(G: nx.Graph) -> dict[Any, float]:
    """Drawn radius of every node (graph.draw.style.node_size of its corpus attributes)."""
    return {n: node_size(a) for n, a in G.nodes(data=True)}


def positions(G: nx.Graph, seed: int = 0, labelled: bool = False) -> dict[Any, tuple[float, float]]:
    """Positions in drawing units: deterministic for (G, seed), no two node discs overlap. With
    `labelled`, nodes also keep room for a name: LABEL_ROOM around them, LABEL_STRETCH times as much
    sideways (names are wide), so a small drawing (the relationship map) can name most of its nodes.
    The app draws every view from these (images and exports can too)."""
    unit = layout(G, seed=seed)
    if not unit:
        return {}
    nodes = list(unit)
    scale = SPACING * math.sqrt(len(nodes)) / 2  # FR's ideal edge length is 2/sqrt(n) in the unit square
    xy = np.array([unit[n] for n in nodes]) * scale * np.array([ASPECT, 1.0])
    r = np.array([node_size(G.nodes[n]) for n in nodes])
    held = np.zeros(len(nodes), dtype=bool)
    if labelled:  # separate in a space squeezed sideways: discs there are wide ellipses here
        squeeze = np.array([LABEL_STRETCH, 1.0])
        xy = separate(xy / squeeze, r + LABEL_ROOM, held, seed) * squeeze
    else:
        xy = separate(xy, r, held, seed)
    return {n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in zip(nodes, xy)}


def separate(xy: np.ndarray, r: np.ndarray, fixed: np.ndarray, seed: int = 0) -> np.ndarray:
    """Push overlapping discs apart (fixed ones never move) until none overlaps, or SEPARATE_ROUNDS.

    >>> xy = separate(np.zeros((3, 2)), np.full(3, 5.0), np.array([True, False, False]))
    >>> bool(np.all(xy[0] == 0)), round(float(np.hypot(*(xy[1] - xy[2]))), 0) >= 10
    (True, True)
    """
    from scipy.spatial import cKDTree

    xy = xy.astype(float).copy()
    rng = np.random.default_rng(seed)
    reach = 2 * float(r.max()) + GAP
    for _ in range(SEPARATE_ROUNDS):
        pairs = cKDTree(xy).query_pairs(reach, output_type="ndarray")
        if not len(pairs):
            break
        i, j = pairs[:, 0], pairs[:, 1]
        d = xy[i] - xy[j]
        dist = np.hypot(d[:, 0], d[:, 1])
        need = r[i] + r[j] + GAP
        hit = dist < need
        if not hit.any():
            break
        i, j, d, dist, need = i[hit], j[hit], d[hit], dist[hit], need[hit]
        same = dist < 1e-9
        if same.any():  # coincident nodes: a seeded direction
            a = rng.uniform(0, 2 * np.pi, same.sum())
            d[same] = np.column_stack([np.cos(a), np.sin(a)])
            dist[same] = 1.0
        push = d / dist[:, None] * ((need - dist) / 2 * 1.05)[:, None]
        move_i = np.where(fixed[j], 2.0, 1.0) * ~fixed[i]  # a fixed partner: the other takes the whole push
        move_j = np.where(fixed[i], 2.0, 1.0) * ~fixed[j]
        delta = np.zeros_like(xy)
        np.add.at(delta, i, push * move_i[:, None])
        np.add.at(delta, j, -push * move_j[:, None])
        xy += delta
    return xy


def no_overlap(pos: Mapping[Any, tuple[float, float]], radius: Mapping[Any, float]) -> bool:
    """True when no two discs (position, radius) overlap."""
    from scipy.spatial import cKDTree

    nodes = list(pos)
    if len(nodes) < 2:
        return True
    xy = np.array([pos[n] for n in nodes])
    r = np.array([radius[n] for n in nodes])
    pairs = cKDTree(xy).query_pairs(2 * float(r.max()), output_type="ndarray")
    if not len(pairs):
        return True
    d = np.hypot(*(xy[pairs[:, 0]] - xy[pairs[:, 1]]).T)
    return bool(np.all(d >= r[pairs[:, 0]] + r[pairs[:, 1]] - 1e-6))


def place(H: nx.Graph, base: Mapping[Any, tuple[float, float]], seed: int = 0) -> dict[Any, tuple[float, float]]:
    """Positions for the drawing of H: nodes known to `base` keep their place; each other node (a
    super-node, or a letter or organization the base drawing did not have) goes to the free spot nearest
    the centre of its members (attribute `members`) or, failing that, of its placed neighbours, so it
    appears beside what it stands for and covers nothing. Around a searched organization (`focus`) the
    new nodes gather round it instead (its letters ring it, the super-nodes of its co-signers beside their
    letters), clear of its name, so the camera can frame it with its neighbours (`framed`). Nodes with
    nothing placed around them wait for their neighbours to be placed (an organization reached only
    through a new letter)."""
    pos = {n: tuple(base[n]) for n in H if n in base}
    new = [n for n in H if n not in base]
    if not new:
        return pos
    radius = sizes(H)
    rng = random.Random(seed)
    focus = [n for n, a in H.nodes(data=True) if a.get("focus")]
    boxes = [_name_box(H, f, pos[f], radius[f]) for f in focus if f in pos]  # names new nodes must not cover
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
            elif focus:  # beside the searched organization if it is a neighbour, else beside its placed neighbours
                anchors = [pos[m] for m in near if m in focus] or [pos[m] for m in near]
            else:
                anchors = members or [pos[m] for m in near]
            if not anchors and len(waiting) < len(new) - 1:
                waiting.append(n)
                continue
            centre = tuple(np.mean(anchors, axis=0)) if anchors else (0.0, 0.0)
            pos[n] = _free_spot(centre, radius[n], pos, radius, rng, boxes)
            if n in focus:
                boxes.append(_name_box(H, n, pos[n], radius[n]))
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


NAME_ROOM = 1.5  # the searched organization's name is kept free at this many times its font: drawn framed
# on its neighbours, the page scales names by about this much (graph.draw.vis_labels.label_scale)


def _name_box(H: nx.Graph, n: Any, xy: tuple[float, float], r: float) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of the name drawn under node n at xy, with room to spare."""
    from graph.draw.style import label_font
    from graph.draw.vis_data import label_text
    from graph.draw.vis_labels import LINE, text_width

    font = label_font(H.nodes[n]) * NAME_ROOM
    w = text_width(label_text(H.nodes[n], n), font) / 2 + GAP
    return xy[0] - w, xy[1] - r - GAP, xy[0] + w, xy[1] + r + LINE * font + GAP


def _free_spot(centre, r: float, pos: Mapping, radius: Mapping, rng: random.Random,
               boxes=()) -> tuple[float, float]:
    """The first point on a spiral out of `centre` where a disc of radius r touches no placed disc and no
    name box (left, top, right, bottom) of `boxes`."""
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
                l - r < p[0] < rr_ + r and t - r < p[1] < b + r for l, t, rr_, b in boxes):
            return round(p[0], 1), round(p[1], 1)
    return centre


def layout(H: nx.Graph, seed: int = 0, iterations: int = 300, core_size: int = 800) -> dict[Any, tuple[float, float]]:
    """Positions in [-1, 1]^2. Same graph + seed -> same positions.

    Fruchterman-Reingold on the undirected graph (numpy up to NUMPY_FR_MAX nodes, igraph above). Above `core_size` nodes FR gets slow (letters are
    hubs with hundreds of signatories), so only a core (letters, demands and the best-connected
    organizations) goes through FR; every other organization sits at the centre of the nodes it is
    linked to, with a small seeded jitter, which is what FR would do with them anyway.

    >>> P = layout(nx.path_graph(3), seed=1)
    >>> P == layout(nx.path_graph(3), seed=1), all(-1 <= c <= 1 for xy in P.values() for c in xy)
    (True, True)
    """
    nodes = sorted(H.nodes, key=str)
    if not nodes:
        return {}
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    rng = np.random.default_rng(seed)
    if len(nodes) <= core_size:
        pos = _fr(H, nodes, seed, iterations, rng)
    else:
        rest = [n for n in nodes if H.nodes[n].get("kind") in (ORG, GROUP)]
        fixed = [n for n in nodes if H.nodes[n].get("kind") not in (ORG, GROUP)]
        rest.sort(key=lambda n: (-H.degree(n), str(n)))
        k = max(0, core_size - len(fixed))
        core = sorted(fixed + rest[:k], key=str)
        pos = _fr(H.subgraph(core), core, seed, iterations, rng)
        spread = 0.6 / np.sqrt(len(core))
        pending = sorted(rest[k:], key=str)
        for _ in range(3):  # organizations linked only to other placed-later organizations
            later = []
            for n in pending:
                nb = [pos[m] for m in nx.all_neighbors(H, n) if m in pos]
                if not nb:
                    later.append(n)
                    continue
                c = np.mean(nb, axis=0)
                r = spread * (1.0 + 1.0 / len(nb))
                a = rng.uniform(0, 2 * np.pi)
                pos[n] = (float(c[0] + r * np.cos(a) * rng.uniform(0.3, 1)),
                          float(c[1] + r * np.sin(a) * rng.uniform(0.3, 1)))
            pending = later
        for n in pending:
            pos[n] = tuple(rng.uniform(-1, 1, 2).tolist())
    pos = pack(H, pos, 1.0)  # small components beside the main one; square here, positions() widens x
    xy = np.array([pos[n] for n in nodes], dtype=float)
    xy -= (xy.max(axis=0) + xy.min(axis=0)) / 2
    xy /= np.abs(xy).max() or 1.0
    return {n: (float(x), float(y)) for n, (x, y) in zip(nodes, xy)}


FR_NUMPY_STEPS = 150  # a numpy FR settles well within this (checked on the screenshots)
NUMPY_FR_MAX = 500  # up to here a dense numpy FR is faster than importing igraph (1-2.5 s at app start)


def _fr_numpy(H: nx.Graph, nodes: list, iterations: int, rng) -> dict[Any, tuple[float, float]]:
    """Fruchterman-Reingold with all pairwise forces as numpy arrays (O(n^2) memory, fine below
    NUMPY_FR_MAX), plus a weak pull to the centre so small components do not drift off."""
    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    pairs = sorted({tuple(sorted((index[u], index[v]))) for u, v in H.edges() if u != v and u in index and v in index})
    E = np.array(pairs, dtype=int).reshape(-1, 2)
    start = rng.uniform(-1, 1, size=(n, 2))
    x, y = start[:, 0].copy(), start[:, 1].copy()  # separate 2-d arrays: 5x faster than (n, n, 2) ones
    k2 = 4.0 / n  # squared ideal edge length for n nodes in a 2x2 square
    k = np.sqrt(k2)
    u, v = E[:, 0], E[:, 1]
    t0 = 0.2
    steps = min(iterations, FR_NUMPY_STEPS)
    for i in range(steps):
        dx = x[:, None] - x[None, :]
        dy = y[:, None] - y[None, :]
        w = dx * dx + dy * dy
        np.maximum(w, 1e-6, out=w)
        np.divide(k2, w, out=w)  # repulsion k^2/d along the unit vector = delta * k^2/d^2
        np.fill_diagonal(w, 0.0)
        fx, fy = (dx * w).sum(1), (dy * w).sum(1)
        if len(E):
            ex, ey = x[u] - x[v], y[u] - y[v]
            d = np.sqrt(ex * ex + ey * ey) / k  # attraction d^2/k
            fx -= np.bincount(u, ex * d, n) - np.bincount(v, ex * d, n)
            fy -= np.bincount(u, ey * d, n) - np.bincount(v, ey * d, n)
        g = 0.02 * n * k  # gravity: enough to keep components together, weak enough not to pile hubs up
        fx -= x * g
        fy -= y * g
        length = np.maximum(np.sqrt(fx * fx + fy * fy), 1e-9)
        step = np.minimum(length, t0 * (1 - i / steps) + 1e-3) / length
        x += fx * step
        y += fy * step
    pos = np.column_stack([x, y])
    return {v: (float(x), float(y)) for v, (x, y) in zip(nodes, pos)}


def _fr(H: nx.Graph, nodes: list, seed: int, iterations: int, rng) -> dict[Any, tuple[float, float]]:
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    if len(nodes) <= NUMPY_FR_MAX:
        return _fr_numpy(H, nodes, iterations, rng)
    import igraph as ig  # only for big cores: its import alone costs 1-2.5 s

    index = {n: i for i, n in enumerate(nodes)}
    edges = {tuple(sorted((index[u], index[v]))) for u, v in H.edges() if u != v}
    g = ig.Graph(n=len(nodes), edges=sorted(edges), directed=False)
    start = rng.uniform(-1, 1, size=(len(nodes), 2)).tolist()
    old = random.getstate()
    try:  # igraph draws from Python's `random`: seed it, then put the caller's state back
        ig.set_random_number_generator(random.Random(seed))
        lay = g.layout_fruchterman_reingold(seed=start, niter=iterations, grid="auto")
    finally:
        ig.set_random_number_generator(random)
        random.setstate(old)
    return {n: (float(x), float(y)) for n, (x, y) in zip(nodes, lay.coords)}
