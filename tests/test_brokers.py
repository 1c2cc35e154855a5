"""Brokers: the organization between two coalitions has the highest betweenness and bridges both."""
from __future__ import annotations

import networkx as nx
import numpy as np

from graph.network import cosign
from graph.network.brokers import betweenness, brokers
from graph.network.communities import communities


def two_camps() -> nx.DiGraph:
    """Camp A signs letters 0-3, camp B letters 4-7, 'hub' signs all of them."""
    G = nx.DiGraph()
    for v in range(8):
        G.add_node(f"letter:{v}", kind="letter")
    members = {f"a{k}": range(0, 4) for k in range(5)} | {f"b{k}": range(4, 8) for k in range(5)} | {"hub": range(8)}
    for o, letters in members.items():
        G.add_node(f"org:{o}", kind="organization", label=o.upper())
        for v in letters:
            G.add_edge(f"org:{o}", f"letter:{v}", kind="signed")
    return G


def test_hub_between_two_camps_is_the_top_broker():
    G = two_camps()
    parts = communities(G, seed=0)
    top = brokers(G, k=3, parts=parts)
    assert top[0].org == "org:hub"
    assert top[0].betweenness > 0 and all(b.betweenness < top[0].betweenness for b in top[1:])
    assert len(top[0].bridges) == 2 and sorted(n for _, n in top[0].bridges) == [5, 5]
    assert "HUB" in top[0].explain()


def test_betweenness_matches_networkx_on_small_graphs():
    G = two_camps()
    t = cosign.ties(G)
    ours, estimated = betweenness(t)
    H = cosign.tie_graph(t)
    theirs = nx.betweenness_centrality(H, normalized=True)
    assert not estimated
    assert np.allclose(ours, [theirs[o] for o in t.orgs])


def test_estimated_betweenness_is_seeded():
    G = two_camps()
    t = cosign.ties(G)
    a, est = betweenness(t, samples=4, exact_limit=2, seed=5)
    b, _ = betweenness(t, samples=4, exact_limit=2, seed=5)
    assert est and np.array_equal(a, b)
