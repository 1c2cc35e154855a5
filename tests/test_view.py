"""filter_view and layout on a small hand-built graph that follows docs/design.md exactly."""
from __future__ import annotations

import networkx as nx
import pytest

from graph.network import view
from graph.network.view import filter_view, layout

XSS = "<img src=x onerror=alert(1)>"
BURMESE = "မြန်မာ အမျိုးသမီး အဖွဲ့ချုပ်"  # "Myanmar women's federation", as a name may be printed


def _org(G, oid, name, tags=(), letters=(), member_of=(), **extra):
    G.add_node(f"org:{oid}", kind="organization", label=name, name=name, aliases=[], acronyms=[],
               tags=list(tags), tag_values={t: "" for t in tags}, tag_reasons={t: "test" for t in tags},
               country=extra.get("country", ""), ethnicity=extra.get("ethnicity", ""),
               n_letters=len(letters), letters=[f"letter:{x}" for x in letters],
               mentions=[{"file": f"{x}.txt", "name": name, "lines": [10 + i]} for i, x in enumerate(letters)],
               member_of=[f"org:{m}" for m in member_of])
    for x in letters:
        G.add_edge(f"org:{oid}", f"letter:{x}", kind="signed", lines=[10], printed=name, inferred="")
    for m in member_of:
        G.add_edge(f"org:{oid}", f"org:{m}", kind="member_of", file=f"{letters[0]}.txt")


def sample_graph() -> nx.DiGraph:
    """3 letters, 2 demands, 7 organizations (one with a hostile name, one in Myanmar script)."""
    G = nx.DiGraph()
    for x, date, title in [("a", "2021-03-01", "Stop arms"), ("b", "2022-06", "Protect & free"),
                           ("c", "", "Undated appeal")]:
        G.add_node(f"letter:{x}", kind="letter", label=title, title=title, date=date, file=f"{x}.txt",
                   recipients=["UN Security Council"], undisclosed_count=0, claimed_total=0, n_signatories=0)
    for d, label in [("arms_embargo", "Arms embargo"), ("release_detainees", "Release detainees")]:
        G.add_node(f"demand:{d}", kind="demand", label=label, description=f"{label} (test)")
    G.add_edge("letter:a", "demand:arms_embargo", kind="demands", evidence="Impose an arms embargo.", lines=[4])
    G.add_edge("letter:b", "demand:release_detainees", kind="demands", evidence="Free them.", lines=[5])
    _org(G, "bcuk", "Burma Campaign UK", ["solidarity"], ["a", "b", "c"], country="United Kingdom")
    _org(G, "wlb", "Women's League of Burma", ["women"], ["a", "b"])
    _org(G, "kwo", "Karen Women Organization", ["women", "ethnic"], ["b"], member_of=["wlb"], ethnicity="Karen")
    _org(G, "risk", "Underground Strike Committee", ["grassroots_resistance"], ["a", "b"])
    _org(G, "xss", XSS, [], ["a"])
    _org(G, "mm", BURMESE, ["women"], ["b"])
    _org(G, "late", "Late Signer", [], ["c"])
    for n in G:
        if G.nodes[n]["kind"] == "letter":
            G.nodes[n]["n_signatories"] = G.in_degree(n)
    return G


def test_no_filter_keeps_everything_and_copies():
    G = sample_graph()
    H, info = filter_view(G)
    assert set(H) == set(G) and H.number_of_edges() == G.number_of_edges()
    H.nodes["org:bcuk"]["label"] = "changed"
    assert G.nodes["org:bcuk"]["label"] == "Burma Campaign UK"  # pure: G untouched
    assert info["n_organizations"] == 7 and info["letters"] == ["letter:a", "letter:b", "letter:c"]


def test_letters_filter_drops_orgs_and_demands_of_other_letters():
    H, info = filter_view(sample_graph(), letters=["a.txt"])
    assert {n for n in H if n.startswith("letter:")} == {"letter:a"}
    assert "org:kwo" not in H and "org:late" not in H and "org:mm" not in H
    assert "demand:release_detainees" not in H and "demand:arms_embargo" in H
    assert info["hidden"]["letters"] == 2


def test_date_range_excludes_undated_and_out_of_range():
    H, info = filter_view(sample_graph(), date_range=("2022", None))
    assert {n for n in H if n.startswith("letter:")} == {"letter:b"}
    H2, _ = filter_view(sample_graph(), date_range=("2021-01", "2021-12"))
    assert {n for n in H2 if n.startswith("letter:")} == {"letter:a"}


def test_min_letters_counts_letters_in_view_only():
    H, info = filter_view(sample_graph(), min_letters=2)
    assert {n for n in H if n.startswith("org:")} == {"org:bcuk", "org:wlb", "org:risk"}
    H2, _ = filter_view(sample_graph(), letters=["a", "c"], min_letters=2)
    assert {n for n in H2 if n.startswith("org:")} == {"org:bcuk"}
    assert H2.nodes["org:bcuk"]["n_letters_in_view"] == 2


def test_tags_and_kinds():
    H, _ = filter_view(sample_graph(), tags=["women"])
    assert {n for n in H if n.startswith("org:")} == {"org:wlb", "org:kwo", "org:mm"}
    H2, _ = filter_view(sample_graph(), kinds=["organization", "letter"])
    assert not any(n.startswith("demand:") for n in H2)


def test_hide_removes_org_everywhere_and_never_names_it():
    G = sample_graph()
    G.graph["collapsed"] = {"strike": ["org:risk"]}
    G.graph["source"] = "test corpus"
    H, info = filter_view(G, hide=["Women's League of Burma", "risk"])  # by name and by bare id
    assert "collapsed" not in H.graph and H.graph["source"] == "test corpus"
    assert "org:wlb" not in H and "org:risk" not in H
    assert H.nodes["org:kwo"]["member_of"] == []  # the umbrella's id is scrubbed from members too
    assert info["hidden"]["on_request"] == 2
    text = repr(info) + repr(dict(H.nodes(data=True))) + repr(list(H.edges(data=True))) + repr(H.graph)
    assert "Women's League" not in text and "Underground" not in text and "org:risk" not in text
    assert "2 organizations withheld" in info["caption"]


def test_ego_radius():
    H, _ = filter_view(sample_graph(), ego="org:kwo", radius=1)
    assert set(H) == {"org:kwo", "letter:b", "org:wlb"}
    H2, _ = filter_view(sample_graph(), ego="org:kwo", radius=2)
    assert "org:bcuk" in H2 and "demand:release_detainees" in H2 and "letter:a" in H2


def test_max_nodes_aggregates_into_groups_with_counts():
    G = sample_graph()
    H, info = filter_view(G, max_nodes=9)
    assert H.number_of_nodes() <= 9
    groups = {n: a for n, a in H.nodes(data=True) if a["kind"] == "group"}
    assert groups and sum(a["count"] for a in groups.values()) == info["hidden"]["aggregated_into_groups"]
    kept_orgs = sum(1 for _, a in H.nodes(data=True) if a["kind"] == "organization")
    assert kept_orgs + info["hidden"]["aggregated_into_groups"] == 7
    assert "org:bcuk" in H  # best connected stays
    for g in groups:  # a group signs the letters its members signed
        assert any(H.nodes[v]["kind"] == "letter" for v in H.successors(g))
    H2, info2 = filter_view(G, max_nodes=6)  # more tags than room: smallest groups merge into "other"
    assert H2.number_of_nodes() <= 6 and "group:other" in H2
    assert sum(a.get("count", 0) for _, a in H2.nodes(data=True)) == 7


def test_layout_is_deterministic_and_normalised():
    G = sample_graph()
    P1, P2 = layout(G, seed=3), layout(G, seed=3)
    assert P1 == P2 and set(P1) == set(G)
    assert all(-1.0 <= c <= 1.0 for xy in P1.values() for c in xy)
    assert layout(G, seed=4) != P1


def test_layout_core_and_satellites_on_a_large_graph():
    synth = pytest.importorskip("tools.synth")
    from graph.network.build import build_graph

    c = synth.generate(n_letters=20, n_orgs=400, n_signatures=900, seed=1)
    G = build_graph(c.letters, c.orgs)
    P = layout(G, core_size=100)
    assert set(P) == set(G) and P == layout(G, core_size=100)
    # an organization that signed one letter sits near that letter, not somewhere random
    one = [n for n, a in G.nodes(data=True) if a["kind"] == "organization" and G.out_degree(n) == 1]
    near = [((P[n][0] - P[v][0]) ** 2 + (P[n][1] - P[v][1]) ** 2) ** 0.5 for n in one for v in G.successors(n)]
    assert sorted(near)[len(near) // 2] < 0.5


def test_max_nodes_holds_for_letters_too():
    """1,000 letters (as in a generated corpus): letters fold into per-year nodes, the total stays <= N,
    and info says how many letters were folded into which period."""
    G = nx.DiGraph()
    for i in range(1000):
        G.add_node(f"letter:{i}", kind="letter", label=f"L{i}", date=f"{2021 + i % 5}-{i % 12 + 1:02d}-01")
        for j in range(3):
            o = f"org:{(i * 7 + j) % 400}"
            G.add_node(o, kind="organization", label=o, tags=["women" if (i + j) % 2 else "ethnic"])
            G.add_edge(o, f"letter:{i}", kind="signed")
    G.add_node("demand:x", kind="demand", label="X")
    G.add_edge("letter:0", "demand:x", kind="demands")
    for n_max in (20, 150, 600):
        H, info = filter_view(G, max_nodes=n_max)
        assert H.number_of_nodes() <= n_max
        kinds = [a["kind"] for _, a in H.nodes(data=True)]
        assert kinds.count("letter") + kinds.count("letter_group") <= max(1, n_max // 6)
        folded = info["letter_groups"]
        assert sum(folded.values()) == info["hidden"]["letters_aggregated"] == 1000 - kinds.count("letter")
        assert "grouped by period" in info["caption"]
        for n, a in H.nodes(data=True):
            if a["kind"] == "letter_group":  # a period node is signed by the organizations of its letters
                assert a["count"] == folded[a["group"]] and H.in_degree(n) > 0
    H, info = filter_view(G, max_nodes=150, date_range=("2021", "2021"))  # a narrower view shows letters again
    assert info["letter_groups"] == {} or sum(info["letter_groups"].values()) < 200


@pytest.mark.parametrize("seed", range(5))
def test_induced_copy_equals_networkx_subgraph_copy(seed):
    """view.induced fills networkx's dicts directly (it is on the first view's hot path): it must give what
    G.subgraph(S).copy() gives, with attribute dicts of its own."""
    import random

    rng = random.Random(seed)
    G = nx.gnp_random_graph(60, 0.1, seed=seed, directed=True)
    for n in G:
        G.nodes[n]["kind"] = rng.choice(["organization", "letter"])
    for u, v in G.edges:
        G.edges[u, v]["w"] = rng.random()
    keep = {n for n in G if rng.random() < 0.6}
    H, ref = view.induced(G, keep), G.subgraph(keep).copy()
    assert nx.utils.graphs_equal(H, ref)
    assert sorted(H.pred.items()) == sorted(ref.pred.items())
    u, v = next(iter(H.edges))
    H.edges[u, v]["w"] = -1
    H.nodes[u]["kind"] = "changed"
    assert G.edges[u, v]["w"] != -1 and G.nodes[u]["kind"] != "changed"
    assert H.pred[v][u] is H.succ[u][v]  # one dict per edge, as networkx keeps it
