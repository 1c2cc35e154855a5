"""Brokers: organizations on many shortest paths of the co-signature network, and which coalitions they join.

Betweenness is computed by igraph on the same ties the communities come from (the backbone when it has
ties). Exact betweenness costs O(V*E); above `exact_limit` organizations it is estimated from a seeded
sample of source vertices and scaled up (Brandes & Pich 2007), which keeps the ranking of the top brokers.
A broker "bridges" the communities in which it has neighbours; most useful are those with neighbours in
two or more.

>>> import networkx as nx
>>> G = nx.DiGraph()
>>> for o, ls in {"a": [1, 2], "b": [1, 2], "hub": [1, 2, 3, 4], "c": [3, 4], "d": [3, 4]}.items():
...     G.add_node(f"org:{o}", kind="organization", label=o)
...     for n in ls:
...         G.add_node(f"letter:{n}", kind="letter"); G.add_edge(f"org:{o}", f"letter:{n}", kind="signed")
>>> b = brokers(G, k=1)[0]
>>> b.org, len(b.bridges)
('org:hub', 2)
"""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import numpy as np

from graph.network import cosign
from graph.network.communities import communities as find_communities
from graph.network.communities import membership, network_ties, to_igraph

MIN_ORGS = 3  # a broker stands between two others: fewer organizations have no betweenness


@dataclass(frozen=True)
class Broker:
    org: str
    label: str
    betweenness: float  # normalised to [0, 1] over pairs of organizations
    degree: int  # ties in the network used
    bridges: tuple[tuple[int, int], ...]  # (community index, neighbours in it), most neighbours first
    estimated: bool = False  # True when sampled, not exact

    def explain(self) -> str:
        parts = ", ".join(f"community {c} ({n})" for c, n in self.bridges[:4])
        return f"{self.label}: betweenness {self.betweenness:.3f}; ties into {parts or 'no community'}"


def betweenness(t: cosign.Ties, samples: int = 256, exact_limit: int = 2000, seed: int = 0) -> tuple[np.ndarray, bool]:
    """Normalised betweenness per organization of `t.orgs`; (values, estimated?). Unweighted: a tie is a
    tie once it passed the significance test, and hop counts are what "bridging" means here."""
    n = len(t.orgs)
    if n < MIN_ORGS or not len(t):
        return np.zeros(n), False
    g = to_igraph(t)
    estimated = n > exact_limit and samples < n
    if estimated:
        sources = np.sort(np.random.default_rng(seed).choice(n, size=samples, replace=False)).tolist()
        raw = np.asarray(g.betweenness(directed=False, sources=sources), dtype=float) * (n / samples)
        # with sources only, each undirected pair is counted once per sampled endpoint: scale to all n
    else:
        raw = np.asarray(g.betweenness(directed=False), dtype=float)
    return raw / ((n - 1) * (n - 2) / 2), estimated


def brokers(G: nx.DiGraph, k: int = 10, parts: list[frozenset[str]] | None = None,
            ties: cosign.Ties | None = None, samples: int = 256, seed: int = 0) -> list[Broker]:
    """The k organizations with highest betweenness, with the communities they bridge."""
    t = network_ties(G, ties)
    if not t.orgs:
        return []
    parts = parts if parts is not None else find_communities(G, seed=seed, ties=t)
    member = membership(parts)
    values, estimated = betweenness(t, samples=samples, seed=seed)
    neighbours: dict[int, list[int]] = {}
    for a, b in zip(t.i.tolist(), t.j.tolist()):
        neighbours.setdefault(a, []).append(b)
        neighbours.setdefault(b, []).append(a)
    order = np.lexsort((np.arange(len(values)), -values))[:k]
    out = []
    for x in order:
        if values[x] <= 0:
            break
        counts: dict[int, int] = {}
        for y in neighbours.get(int(x), []):
            c = member.get(t.orgs[y], -1)
            counts[c] = counts.get(c, 0) + 1
        bridges = tuple(sorted(counts.items(), key=lambda cn: (-cn[1], cn[0])))
        org = t.orgs[x]
        out.append(Broker(org, str(G.nodes[org].get("label", org)) if org in G else org, float(values[x]),
                          len(neighbours.get(int(x), [])), bridges, estimated))
    return out
