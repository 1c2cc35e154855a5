"""Where nodes sit: one layout per corpus, reused by every view, so nodes stay put.

`positions(G, seed)` lays out the whole corpus graph once (Fruchterman-Reingold, seeded) in drawing
units (vis-network pixels at zoom 1), then pushes overlapping nodes apart using the sizes they are drawn
with (`graph.draw.style.node_size`, which depends on the corpus, never on the view). Any view of G draws its
nodes at these positions; graph.draw.placing adds what a view makes up (coalition super-nodes, period nodes,
a search's letters) beside the nodes they stand for, in free space, without moving anything already placed.

>>> import networkx as nx
>>> G = nx.DiGraph()
>>> G.add_node("letter:a", kind="letter", n_signatories=3)
>>> for o in "xyz":
...     G.add_node(f"org:{o}", kind="organization", n_letters=1); G.add_edge(f"org:{o}", "letter:a", kind="signed")
>>> P = positions(G, seed=1)
>>> P == positions(G, seed=1), no_overlap(P, sizes(G))
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
