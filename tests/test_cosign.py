"""Co-signature ties: counts, Newman weights and p-values checked against networkx and combinatorics."""
from __future__ import annotations

import math
import random

import networkx as nx
import numpy as np
import pytest
from networkx.algorithms import bipartite

from graph.network import cosign, significance
from graph.network.build import build_graph
from tools.synth import generate


def random_corpus(seed: int, n_orgs: int = 30, n_letters: int = 12, p: float = 0.25) -> nx.DiGraph:
    rnd = random.Random(seed)
    G = nx.DiGraph()
    for o in range(n_orgs):
        G.add_node(f"org:o{o}", kind="organization", label=f"O{o}")
    for v in range(n_letters):
        G.add_node(f"letter:l{v}", kind="letter")
        for o in range(n_orgs):
            if rnd.random() < p:
                G.add_edge(f"org:o{o}", f"letter:l{v}", kind="signed")
    G.add_node("demand:x", kind="demand")  # other kinds must not leak into the projection
    G.add_edge("letter:l0", "demand:x", kind="demands")
    return G


def nx_projection(G: nx.DiGraph, newman: bool = False) -> nx.Graph:
    U = nx.Graph()
    orgs = [n for n, k in G.nodes(data="kind") if k == "organization"]
    U.add_nodes_from(orgs, bipartite=0)
    U.add_nodes_from((n for n, k in G.nodes(data="kind") if k == "letter"), bipartite=1)
    U.add_edges_from((u, v) for u, v, k in G.edges(data="kind") if k == "signed")
    if newman:
        return bipartite.collaboration_weighted_projected_graph(U, orgs)
    return bipartite.weighted_projected_graph(U, orgs)


@pytest.mark.parametrize("seed", range(8))
def test_counts_and_weights_equal_networkx_projection(seed):
    G = random_corpus(seed, p=[0.1, 0.3, 0.6][seed % 3])
    t = cosign.ties(G)
    ours = {(t.orgs[a], t.orgs[b]): (int(s), float(w)) for a, b, s, w in zip(t.i, t.j, t.shared, t.weight)}
    P, N = nx_projection(G), nx_projection(G, newman=True)
    theirs = {tuple(sorted((a, b))): d["weight"] for a, b, d in P.edges(data=True)}
    assert {k: v[0] for k, v in ours.items()} == theirs
    for (a, b), (_, w) in ours.items():
        assert w == pytest.approx(N.edges[a, b]["weight"])


def brute_p(x: int, ka: int, kb: int, n: int) -> float:
    return sum(math.comb(ka, t) * math.comb(n - ka, kb - t) for t in range(x, min(ka, kb) + 1)) / math.comb(n, kb)


def test_p_values_are_the_hypergeometric_tail():
    cases = [(1, 1, 1, 5), (2, 3, 2, 5), (3, 4, 5, 20), (5, 10, 12, 100), (2, 2, 9, 9)]
    got = significance.hypergeom_p(*(np.array(c) for c in zip(*[(x, a, b) for x, a, b, _ in cases[:1]])), 5)
    assert got[0] == pytest.approx(brute_p(*cases[0]))
    for x, a, b, n in cases:
        want = pytest.approx(brute_p(x, a, b, n))
        assert significance.hypergeom_p(np.array([x]), np.array([a]), np.array([b]), n)[0] == want
        assert significance.hypergeom_p(np.array([x]), np.array([b]), np.array([a]), n)[0] == want


def test_a_big_letter_alone_makes_weak_ties():
    """One 50-name letter vs. a pair that signed three small letters together: counts say the pair ties 3x,
    the Newman weight says far more, and only the pair is significant."""
    G = nx.DiGraph()
    orgs = [f"org:o{k}" for k in range(50)]
    for o in orgs:
        G.add_node(o, kind="organization")
    for v in range(12):
        G.add_node(f"letter:l{v}", kind="letter")
    for o in orgs:
        G.add_edge(o, "letter:l0", kind="signed")
    for v in range(1, 4):
        G.add_edge("org:o0", f"letter:l{v}", kind="signed")
        G.add_edge("org:o1", f"letter:l{v}", kind="signed")
    for v in range(4, 12):  # filler letters so the overlap can be surprising
        G.add_edge(f"org:o{v}", f"letter:l{v}", kind="signed")
    top = cosign.top_pairs(G, 2, by="weight")
    assert (top[0].a, top[0].b, top[0].shared) == ("org:o0", "org:o1", 4)
    assert top[0].weight > 10 * top[1].weight
    bb = cosign.backbone(G, alpha=0.05, correction=False)
    assert [(bb.orgs[a], bb.orgs[b]) for a, b in zip(bb.i, bb.j)] == [("org:o0", "org:o1")]


def test_backbone_is_a_significant_subset_of_ties():
    c = generate(60, 300, 2500, seed=3)
    G = build_graph(c.letters, c.orgs)
    everything = cosign.ties(G, min_shared=1)
    bb = cosign.backbone(G, alpha=0.01, min_shared=2)
    assert 0 < len(bb) < len(everything)
    all_pairs = set(zip(everything.i.tolist(), everything.j.tolist()))
    assert set(zip(bb.i.tolist(), bb.j.tolist())) <= all_pairs
    assert (bb.shared >= 2).all() and (bb.p <= 0.01 / len(everything)).all()
    # weights of backbone ties are the same numbers ties() computes
    lookup = {(a, b): w for a, b, w in zip(everything.i.tolist(), everything.j.tolist(), everything.weight)}
    assert all(lookup[(a, b)] == pytest.approx(w) for a, b, w in zip(bb.i.tolist(), bb.j.tolist(), bb.weight))


def test_cosigners_of_one_org():
    G = random_corpus(11, p=0.4)
    org = "org:o3"
    ties = cosign.cosigners(G, org, k=50)
    mine = {v for v in G.successors(org)}
    assert ties and all(t.a == org for t in ties)
    for t in ties:
        theirs = set(G.successors(t.b))
        assert t.letters == tuple(sorted(mine & theirs)) and t.shared == len(mine & theirs)
        assert t.jaccard == pytest.approx(len(mine & theirs) / len(mine | theirs))
    keys = [(-t.shared, -t.jaccard) for t in ties]
    assert keys == sorted(keys)
    assert cosign.cosigners(G, "org:nobody") == []


def test_top_pairs_are_the_largest_counts():
    G = random_corpus(5, p=0.5)
    P = nx_projection(G)
    best = max(d["weight"] for *_, d in P.edges(data=True))
    top = cosign.top_pairs(G, 5)
    assert top[0].shared == best
    assert [t.shared for t in top] == sorted((t.shared for t in top), reverse=True)


# --- the bundled letters (pinned after checking against /work/shared/gold/identities.yaml) ---------------

BCUK_TOP = [  # the 21 organizations that signed both 001 and 002 with Burma Campaign UK (gold: same 21)
    "ah-nah-podcast-conversations-with-myanmar", "arakan-rohingya-national-union",
    "athan-freedom-of-expression-activist-organization", "blood-money-campaign", "burma-civil-war-museum",
    "burma-human-rights-network", "burmese-rohingya-organization-uk", "can-myanmar",
    "chin-human-rights-organization", "defend-myanmar-democracy", "fortify-rights", "free-rohingya-coalition",
    "global-myanmar-spring-revolution", "human-rights-foundation-of-monland", "karen-human-rights-group",
    "karenni-human-rights-group", "new-myanmar-foundation", "rohingya-student-union",
    "rohingya-youth-for-legal-action", "sisters-2-sisters", "sitt-nyein-pann-foundation",
]


@pytest.fixture(scope="module")
def seed_graph():
    from graph.pipeline import build_corpus

    return build_corpus().graph


def test_top_cosigners_of_burma_campaign_uk(seed_graph):
    G = seed_graph
    top = cosign.cosigners(G, "org:burma-campaign-uk", k=25)
    assert [t.b.removeprefix("org:") for t in top[:21]] == BCUK_TOP
    assert all(t.shared == 2 and t.letters == ("letter:001_b7e0fdf4101a12f9", "letter:002_5cfed3541951de16")
               for t in top[:21])
    assert all(t.shared == 1 for t in top[21:])
    assert top[0].jaccard == pytest.approx(2 / 3)  # 2 shared of the 3 letters either signed
    assert top[0].p == pytest.approx(brute_p(2, 3, 2, 5))  # not significant on five letters, and says so


def test_small_letters_weigh_more_on_the_bundled_letters(seed_graph):
    """FORUM-ASIA, CIVICUS and Civil Rights Defenders share 2 letters like the 21 above, but one of them is
    the 13-name letter 003, so their Newman weight is higher and they rank first."""
    top = cosign.top_pairs(seed_graph, 3)
    names = {t.a.removeprefix("org:") for t in top} | {t.b.removeprefix("org:") for t in top}
    assert names == {"asian-forum-for-human-rights-and-development",
                     "civicus-world-alliance-for-citizen-participation", "civil-rights-defenders"}
    assert all(t.shared == 2 and t.weight == pytest.approx(1 / 401 + 1 / 12) for t in top)


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sets(st.integers(0, 9), max_size=10), min_size=1, max_size=8))
def test_projection_property(letters):
    """Any corpus: ties() has exactly the pairs networkx projects, with the same counts."""
    G = nx.DiGraph()
    for o in range(10):
        G.add_node(f"org:{o}", kind="organization")
    for v, signers in enumerate(letters):
        G.add_node(f"letter:{v}", kind="letter")
        for o in signers:
            G.add_edge(f"org:{o}", f"letter:{v}", kind="signed")
    t = cosign.ties(G)
    ours = {(t.orgs[a], t.orgs[b]): int(s) for a, b, s in zip(t.i, t.j, t.shared)}
    theirs = {tuple(sorted((a, b))): d["weight"] for a, b, d in nx_projection(G).edges(data=True)}
    assert ours == theirs
    assert ((t.p >= 0) & (t.p <= 1)).all()


def test_cosigners_command(capsys):
    import json

    from graph.cli.main import main

    assert main(["cosigners", "Burma Campaign UK", "--top", "3", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["org"] == "org:burma-campaign-uk"
    assert [r["id"].removeprefix("org:") for r in data["cosigners"]] == BCUK_TOP[:3]
    assert data["cosigners"][0]["letters"] == ["001_b7e0fdf4101a12f9.txt", "002_5cfed3541951de16.txt"]
    assert main(["cosigners", "No Such Organization Anywhere"]) == 1


def test_stats_command(capsys):
    import json

    from graph.cli.main import main

    assert main(["stats", "--json", "--top", "3"]) == 0
    s = json.loads(capsys.readouterr().out)
    assert (s["letters"], s["organizations"]) == (5, 436)
    assert [o["name"] for o in s["active_organizations"]] == ["Amnesty International", "Burma Campaign UK"]
    assert len(s["top_pairs"]) == 3 and s["brokers"]
