"""Tag coalitions, summaries, and collapsing groups into super-nodes and back."""
from __future__ import annotations

from functools import lru_cache

from graph.network.coalitions import coalition_node, collapse, summarize, tag_coalitions
from graph.network.communities import communities
from graph.network.build import build_graph
from tools.synth import generate


@lru_cache(maxsize=1)
def graph():
    c = generate(40, 300, 2000, seed=4, n_groups=8)
    return build_graph(c.letters, c.orgs)


def test_tag_coalitions_split_diaspora_by_country():
    G = graph()
    groups = tag_coalitions(G)
    assert any(k.startswith("diaspora: ") for k in groups) and "diaspora" not in groups
    assert "grassroots_resistance" in groups
    for name, members in groups.items():
        tag = name.split(":")[0]
        assert all(tag in G.nodes[m]["tags"] for m in members)
        if name.startswith("diaspora: "):
            assert all(G.nodes[m]["country"] == name.removeprefix("diaspora: ") for m in members)


def test_summary_counts():
    G = graph()
    name, members = max(tag_coalitions(G).items(), key=lambda kv: len(kv[1]))
    s = summarize(G, name, members)
    assert s.size == len(members)
    letters = {v for m in members for v in G.successors(m) if G.nodes[v]["kind"] == "letter"}
    assert s.n_letters == len(letters)
    assert s.tags[0][0].split(":")[0] == name.split(":")[0] and s.tags[0][1] == len(members)
    assert s.top_members[0][2] == max(G.nodes[m]["n_letters"] for m in members)
    assert s.demands and name in s.describe()


def test_collapse_aggregates_and_expand_restores():
    G = graph()
    parts = communities(G, seed=0)
    groups = {f"community {k}": set(p) for k, p in enumerate(parts[:3])}
    H = collapse(G, groups)
    members = set().union(*groups.values())
    assert not members & set(H.nodes)
    for name, ms in groups.items():
        node = H.nodes[coalition_node(name)]
        assert node["kind"] == "coalition" and node["n_members"] == len(ms)
        # every signature of a member is counted once on the super-node's edges
        signed = sum(1 for m in ms for v in G.successors(m) if G.edges[m, v]["kind"] == "signed")
        agg = sum(d["count"] for _, v, d in H.out_edges(coalition_node(name), data=True) if d["kind"] == "signed")
        assert agg == signed
    assert H.number_of_nodes() == G.number_of_nodes() - len(members) + len(groups)
    assert H.graph["collapsed"] == {name: sorted(ms) for name, ms in groups.items()}


def test_overlapping_groups_first_one_wins():
    G = graph()
    groups = tag_coalitions(G)
    H = collapse(G, groups)
    seen = [m for ms in H.graph["collapsed"].values() for m in ms]
    assert len(seen) == len(set(seen))
