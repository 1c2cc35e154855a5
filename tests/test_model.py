"""The corpus graph: schema, ids, and facts traced to records."""
from __future__ import annotations

import networkx as nx

from graph.network.build import build_graph, find_org, letter_node, nodes_of
from graph.records import DemandHit, Letter, Mention, Organization, Tag


def records():
    letters = [
        Letter("001_x.txt", title="Urgent call to the UNSC", date="2024-02-01", recipients=("UNSC",),
               undisclosed_count=84, claimed_total=462,
               demands=(DemandHit("arms_embargo", "Arms embargo", "Impose an arms embargo.", (12, 13)),)),
        Letter("002_y.txt", title=None, date="2025-01",
               demands=(DemandHit("arms_embargo", "Arms embargo", "Stop arms.", (3,)),
                        DemandHit("icc_referral", "ICC", "Refer to the ICC.", (4,)))),
    ]
    orgs = [
        Organization("burma-campaign-uk", "Burma Campaign UK", aliases=("Burma Campaign U.K.",),
                     mentions=(Mention("001_x.txt", "Burma Campaign UK", lines=(40,)),
                               Mention("002_y.txt", "Burma Campaign U.K.", lines=(20,)),
                               Mention("002_y.txt", "Burma Campaign UK", lines=(31,))),
                     tags=(Tag("solidarity", None, "curated"), Tag("diaspora", "United Kingdom", "name says UK")),
                     country="United Kingdom"),
        Organization("msf", "Mandalay Strike Force", acronyms=("MSF",),
                     mentions=(Mention("001_x.txt", "Mandalay Strike Force", "MSF", lines=(50,)),)),
        Organization("chan-strike", "Chanmyatharzi Township People's Strike", member_of=("msf",),
                     mentions=(Mention("001_x.txt", "Chanmyatharzi Township People's Strike",
                                       member_of="Mandalay Strike Force", lines=(51,)),)),
        Organization("amnesty", "Amnesty International",
                     mentions=(Mention("003_z.txt", "Amnesty International", inferred="signer's organization"),)),
    ]
    return letters, orgs


def test_nodes_edges_and_attributes():
    G = build_graph(*records())
    assert nodes_of(G, "letter") == ["letter:001_x", "letter:002_y", "letter:003_z"]
    assert nodes_of(G, "demand") == ["demand:arms_embargo", "demand:icc_referral"]
    bcuk = G.nodes["org:burma-campaign-uk"]
    assert bcuk["n_letters"] == 2 and bcuk["letters"] == ["letter:001_x", "letter:002_y"]
    assert bcuk["tags"] == ["diaspora", "solidarity"] and bcuk["tag_values"]["diaspora"] == "United Kingdom"
    assert bcuk["tag_reasons"]["solidarity"] == "curated" and len(bcuk["mentions"]) == 3
    e = G.edges["org:burma-campaign-uk", "letter:002_y"]
    assert e["kind"] == "signed" and e["lines"] == [20, 31]  # printed twice: one edge, both lines
    assert G.edges["org:chan-strike", "org:msf"] == {"kind": "member_of", "file": "001_x.txt"}
    assert G.edges["org:amnesty", "letter:003_z"]["inferred"] == "signer's organization"
    L1 = G.nodes["letter:001_x"]
    assert (L1["undisclosed_count"], L1["claimed_total"], L1["n_signatories"]) == (84, 462, 3)
    assert G.nodes["letter:002_y"]["label"] == "002_y" and G.nodes["letter:002_y"]["title"] == ""
    assert G.edges["letter:001_x", "demand:arms_embargo"]["lines"] == [12, 13]


def test_no_none_anywhere():
    G = build_graph(*records())
    for _, d in G.nodes(data=True):
        assert None not in d.values()
    for *_, d in G.edges(data=True):
        assert None not in d.values()


def test_ids_are_stable_and_graph_is_deterministic():
    a, b = build_graph(*records()), build_graph(*records())
    assert list(a.nodes(data=True)) == list(b.nodes(data=True)) and nx.utils.graphs_equal(a, b)
    assert letter_node("dir/Some Letter (1).pdf") == "letter:some-letter-1"


def test_find_org():
    G = build_graph(*records())
    assert find_org(G, "MSF") == "org:msf"
    assert find_org(G, "burma campaign u.k.") == "org:burma-campaign-uk"
    assert find_org(G, "Amnesty") == "org:amnesty"
    assert find_org(G, "Greenpeace") is None


def test_lexicon_labels_demands():
    class D:
        def __init__(self, id, label, description):
            self.id, self.label, self.description = id, label, description

    class Lex:
        demands = (D("arms_embargo", "Arms embargo", "Stop the flow of arms."),)

    G = build_graph(*records(), lexicon=Lex())
    assert G.nodes["demand:arms_embargo"]["description"] == "Stop the flow of arms."
    assert G.nodes["demand:icc_referral"]["label"] == "ICC"


def test_bundled_letters_graph():
    """Pinned after checking gold/identities.yaml: 436 distinct organizations, 26 of them in 2+ letters,
    and only Amnesty International and Burma Campaign UK in three."""
    from graph.pipeline import build_corpus

    G = build_corpus().graph
    orgs = nodes_of(G, "organization")
    assert len(nodes_of(G, "letter")) == 5 and len(orgs) == 436
    active = sorted(o for o in orgs if G.nodes[o]["n_letters"] >= 3)
    assert active == ["org:amnesty-international", "org:burma-campaign-uk"]
    assert sum(1 for o in orgs if G.nodes[o]["n_letters"] >= 2) == 26
    for o in orgs:
        assert G.nodes[o]["n_letters"] == G.out_degree(o) - sum(
            1 for v in G.successors(o) if G.edges[o, v]["kind"] != "signed")
    assert G.nodes["letter:001_b7e0fdf4101a12f9"]["undisclosed_count"] == 84


def test_signed_edges_written_into_the_adjacency_are_what_add_edges_from_makes():
    """build._add_edges writes networkx's internal dicts (a benchmark showed the need): the graph must be the
    one add_edges_from gives, with one dict per edge shared by both directions, and networkx's own methods
    must see it whole."""
    from graph.network.build import _add_edges

    edges = {"org:a": {"letter:1": {"kind": "signed", "lines": [3]}, "letter:2": {"kind": "signed", "lines": [4, 5]}},
             "org:b": {"letter:1": {"kind": "signed"}}}
    fast, slow = nx.DiGraph(), nx.DiGraph()
    for G in (fast, slow):
        G.add_nodes_from(["org:a", "org:b", "letter:1", "letter:2"])
    for u, out in edges.items():
        _add_edges(fast, u, {v: dict(d) for v, d in out.items()})
        slow.add_edges_from((u, v, dict(d)) for v, d in out.items())
    assert list(fast.edges(data=True)) == list(slow.edges(data=True))
    assert list(fast.in_edges(data=True)) == list(slow.in_edges(data=True))
    assert fast.number_of_edges() == 3 and fast.in_degree("letter:1") == 2 and fast.out_degree("org:a") == 2
    assert fast.succ["org:a"]["letter:1"] is fast.pred["letter:1"]["org:a"]
    assert dict(fast.adj["org:a"]) == {"letter:1": {"kind": "signed", "lines": [3]},
                                       "letter:2": {"kind": "signed", "lines": [4, 5]}}  # networkx's views see them
    fast.remove_node("org:a")  # networkx's own bookkeeping still holds
    assert fast.number_of_edges() == 1 and list(fast.predecessors("letter:1")) == ["org:b"]
    G, H = build_graph(*records()), build_graph(*records())
    assert nx.utils.graphs_equal(G, H) and nx.is_isomorphic(G, G.copy())


def test_a_graph_built_on_a_known_one_is_the_graph_built_from_nothing():
    """build_graph(known=): organizations equal to known ones take their node and signatures (bare letters of
    files not among the letters included), changed ones are made again; the graph, in its order, is the one
    built from nothing, and the known graph is left as it was."""
    letters, orgs = records()
    gone = Organization("ghost-network", "Ghost Network", mentions=(Mention("003_absent.txt", "Ghost Network"),))
    orgs = [*orgs, gone]
    before = build_graph(letters[:1], orgs[:1] + [gone])
    kept = [list(before.edges(data=True)), list(before.nodes(data=True))]
    changed = Organization(**{**vars(orgs[0]), "aliases": ()})  # not equal to the known one: made again
    for now in (orgs, [changed, *orgs[1:]]):
        on_known = build_graph(letters, now, known=(orgs[:1] + [gone], before))
        scratch = build_graph(letters, now)
        assert list(on_known.nodes(data=True)) == list(scratch.nodes(data=True))
        assert list(on_known.edges(data=True)) == list(scratch.edges(data=True))
        assert list(on_known.in_edges(data=True)) == list(scratch.in_edges(data=True))
        assert on_known.nodes["letter:003_absent"]["kind"] == "letter"  # the bare letter of the known signature
        assert on_known.edges["org:burma-campaign-uk", "letter:002_y"]["lines"] == [20, 31]  # printed twice
        assert on_known.nodes["org:ghost-network"] is not before.nodes["org:ghost-network"]  # its own node
    assert [list(before.edges(data=True)), list(before.nodes(data=True))] == kept  # the known graph as it was
