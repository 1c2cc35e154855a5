"""The corpus graph is read, never changed, by every view, analysis and export: the app keeps one corpus for
every visitor (st.cache_resource), and a corpus built on a known one shares the known graph's signatures
(build_graph(known=)). A change made in place by a view would leak into every other view and corpus."""
from __future__ import annotations

import copy

import pytest

from graph import pipeline
from graph.draw.export import export
from graph.network import brokers, coalitions, communities, cosign, suggest, timeline
from graph.network.coalition_view import coalition_graph, positions, tag_groups
from graph.network.cosignature import cosignature_network
from graph.network.selection import select


def _snapshot(G) -> tuple:
    return (copy.deepcopy(list(G.nodes(data=True))), copy.deepcopy(list(G.edges(data=True))),
            copy.deepcopy(dict(G.graph)))


@pytest.fixture(scope="module")
def corpus() -> pipeline.Corpus:
    return pipeline.build_corpus()


def test_views_analyses_and_exports_leave_the_corpus_graph_as_it_was(corpus):
    G = corpus.graph
    before = _snapshot(G)
    orgs = sorted(n for n, k in G.nodes(data="kind") if k == "organization")
    letters = sorted(n for n, k in G.nodes(data="kind") if k == "letter")
    views = [select(G), select(G, mode="full"), select(G, ego=orgs[:2]), select(G, letters=letters[:2]),
             select(G, mode="full", max_nodes=20), select(G, tags=["ethnic"])]
    for H, info in views:
        for fmt in ("zip", "png", "svg", "html", "graphml", "gexf", "json", "csv", "kumu"):
            export(H, fmt, dpi=30, caption=info.get("caption", ""))
    cosignature_network(G, backbone=True)
    groups = tag_groups(G)
    coalition_graph(G, groups, expanded=list(groups)[:1])
    positions(G, groups)
    coalitions.collapse(G, coalitions.tag_coalitions(G))
    communities.communities(G, seed=1)
    brokers.brokers(G)
    suggest.suggest(G, orgs[:2])
    cosign.cosigners(G, orgs[0])
    timeline.spans(G)
    timeline.steps(G)
    assert _snapshot(G) == before
