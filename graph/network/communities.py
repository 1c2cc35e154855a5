"""Structural coalitions: communities of the co-signature network (igraph Leiden or Louvain/multilevel).

Runs on the significance backbone when it has ties (a large corpus), else on every tie weighted by
Newman's 1/(n-1) (a handful of letters, where nothing can be significant). Every organization lands in
exactly one community (isolated ones alone), so the result is a partition. igraph draws from its own
random generator; we hand it a seeded `random.Random` for the call, so the same seed gives the same answer.

>>> import networkx as nx
>>> G = nx.DiGraph()
>>> for o, ls in {"a": [1, 2], "b": [1, 2], "c": [3, 4], "d": [3, 4], "e": []}.items():
...     G.add_node(f"org:{o}", kind="organization")
...     for n in ls:
...         G.add_node(f"letter:{n}", kind="letter"); G.add_edge(f"org:{o}", f"letter:{n}", kind="signed")
>>> [sorted(c) for c in communities(G, seed=1)]
[['org:a', 'org:b'], ['org:c', 'org:d'], ['org:e']]
"""
from __future__ import annotations

import random
from contextlib import contextmanager
from typing import Iterator

import igraph as ig
import networkx as nx
import numpy as np
import pandas as pd

from graph.network import cosign

METHODS = ("leiden", "multilevel")


@contextmanager
def seeded(seed: int) -> Iterator[None]:
    """igraph's RNG seeded for the duration of a call, the global `random` left untouched."""
    ig.set_random_number_generator(random.Random(seed))
    try:
        yield
    finally:
        ig.set_random_number_generator(random)


def network_ties(G: nx.DiGraph, ties: cosign.Ties | None = None, inc: cosign.Incidence | None = None) -> cosign.Ties:
    """The ties the structure is read from: the backbone if it has any, else all ties (small corpora)."""
    if ties is not None:
        return ties
    inc = inc or cosign.incidence(G)
    t = cosign.backbone(G, inc=inc)
    return t if len(t) else cosign.ties(G, min_shared=1, inc=inc)


def to_igraph(t: cosign.Ties) -> ig.Graph:
    # zip of Python ints: 3x faster into igraph than a nested list or a numpy array
    g = ig.Graph(n=len(t.orgs), edges=zip(t.i.tolist(), t.j.tolist()), directed=False)
    g.es["weight"] = t.weight.tolist() if len(t) else []
    g.vs["name"] = list(t.orgs)
    return g


def communities(G: nx.DiGraph, method: str = "leiden", seed: int = 0, resolution: float = 1.0,
                ties: cosign.Ties | None = None, attach: bool = True) -> list[frozenset[str]]:
    """A partition of all organization nodes, largest community first (ties broken by first member id).
    Leiden optimises modularity (not igraph's default CPM, whose resolution depends on weight scale).
    attach: an organization without a significant tie joins the community it has the most (Newman)
    weight of ties into, instead of staying alone (thousands of one-letter signers otherwise make thousands of
    "communities"); only organizations that never co-signed stay alone."""
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, got {method!r}")
    t = network_ties(G, ties)
    if not t.orgs:
        return []
    g = to_igraph(t)
    weights = "weight" if len(t) and float(t.weight.max()) > 0 else None
    with seeded(seed):
        if method == "leiden":
            cl = g.community_leiden(objective_function="modularity", weights=weights, resolution=resolution,
                                    n_iterations=-1)
        else:
            cl = g.community_multilevel(weights=weights, resolution=resolution)
    member = np.asarray(cl.membership)
    if attach:
        _attach_isolated(G, t, member)
    groups: dict[int, set[str]] = {}
    for org, c in zip(t.orgs, member.tolist()):
        groups.setdefault(c, set()).add(org)
    return sorted((frozenset(s) for s in groups.values()), key=lambda s: (-len(s), min(s)))


def _attach_isolated(G: nx.DiGraph, t: cosign.Ties, member: np.ndarray) -> None:
    isolated = np.ones(len(t.orgs), dtype=bool)
    isolated[t.i] = False
    isolated[t.j] = False
    inc = cosign.incidence(G)
    if not isolated.any() or not len(t) or inc.orgs != t.orgs:
        return
    i, j, _, w = cosign.pairs(inc)
    m1, m2 = isolated[i] & ~isolated[j], isolated[j] & ~isolated[i]
    a, b, ww = np.concatenate([i[m1], j[m2]]), np.concatenate([j[m1], i[m2]]), np.concatenate([w[m1], w[m2]])
    if not len(a):
        return
    # the community it ties to most, summed over its co-signers (one hub alone must not pull it away)
    votes = pd.DataFrame({"a": a, "c": member[b], "w": ww}).groupby(["a", "c"], sort=True)["w"].sum().reset_index()
    votes = votes.sort_values(["a", "w", "c"], ascending=[True, False, True], kind="mergesort")
    best = votes.drop_duplicates("a", keep="first")
    member[best["a"].to_numpy()] = best["c"].to_numpy()


def membership(parts: list[frozenset[str]]) -> dict[str, int]:
    """org id -> index of its community in `parts`."""
    return {o: k for k, part in enumerate(parts) for o in part}


def modularity(G: nx.DiGraph, parts: list[frozenset[str]], ties: cosign.Ties | None = None) -> float:
    """Weighted modularity of a partition on the same ties communities() used."""
    t = network_ties(G, ties)
    if not len(t):
        return 0.0
    m = membership(parts)
    g = to_igraph(t)
    return float(g.modularity([m[o] for o in t.orgs], weights="weight"))
