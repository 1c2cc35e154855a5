"""Structural communities: a partition of the organizations, reproducible, and they find planted coalitions."""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

import pytest

from graph.network import cosign
from graph.network.communities import communities, membership, modularity
from graph.network.build import build_graph, nodes_of
from tools.synth import generate


@lru_cache(maxsize=1)
def corpus():
    c = generate(120, 600, 6000, seed=7, n_groups=6)
    return c, build_graph(c.letters, c.orgs)


@pytest.mark.parametrize("method", ["leiden", "multilevel"])
def test_communities_partition_the_organizations(method):
    _, G = corpus()
    parts = communities(G, method=method, seed=1)
    orgs = nodes_of(G, "organization")
    assert sum(len(p) for p in parts) == len(orgs)
    assert set().union(*parts) == set(orgs)
    assert [len(p) for p in parts] == sorted((len(p) for p in parts), reverse=True)


@pytest.mark.parametrize("method", ["leiden", "multilevel"])
def test_same_seed_same_result(method):
    _, G = corpus()
    assert communities(G, method=method, seed=3) == communities(G, method=method, seed=3)


def test_planted_coalitions_are_found():
    """Each large community is dominated by one planted group (purity), and modularity is clearly positive."""
    c, G = corpus()
    parts = communities(G, seed=0, attach=False)  # the structure itself, before loose signers are attached
    big = [p for p in parts if len(p) >= 20]
    assert 3 <= len(big) <= 12
    for p in big:
        groups = Counter(c.groups[o.removeprefix("org:")] for o in p)
        assert groups.most_common(1)[0][1] / len(p) >= 0.8
    assert modularity(G, parts) > 0.3


def test_small_corpus_falls_back_to_weighted_ties():
    """Three letters cannot make anything significant, yet organizations that always sign together group."""
    c = generate(3, 30, 40, seed=2)
    G = build_graph(c.letters, c.orgs)
    assert len(cosign.backbone(G)) == 0
    parts = communities(G, seed=0)
    m = membership(parts)
    assert set(m) == set(nodes_of(G, "organization"))
    assert len(parts) < len(m)  # not all singletons


def test_unknown_method_is_an_error():
    _, G = corpus()
    with pytest.raises(ValueError):
        communities(G, method="girvan")


def test_loose_signers_join_the_community_they_tie_to_most():
    """Organizations without a significant tie are attached by their summed Newman weight; the cores stay."""
    _, G = corpus()
    core, full = communities(G, seed=0, attach=False), communities(G, seed=0)
    assert len(full) < len(core)
    bb = cosign.backbone(G)
    tied = {bb.orgs[x] for x in set(bb.i.tolist()) | set(bb.j.tolist())}
    m_core, m_full = membership(core), membership(full)
    for part in core:  # organizations with a significant tie keep their companions
        if len(part) > 1:
            assert len({m_full[o] for o in part}) == 1
    W = cosign.tie_graph(cosign.ties(G))
    for o in sorted(set(m_full) - tied)[:40]:
        if W.degree(o) == 0:
            continue
        votes = Counter()
        for nb, d in W[o].items():
            if nb in tied:
                votes[m_full[nb]] += d["weight"]
        if votes:
            assert votes[m_full[o]] == pytest.approx(max(votes.values()))
