"""'Who else might sign': ranking, explanations, and planted coalitions."""
from __future__ import annotations

from collections import Counter

from graph.network.build import build_graph
from graph.network.suggest import suggest
from tools.synth import generate


def test_suggestions_come_from_the_same_coalition():
    c = generate(80, 400, 4000, seed=9, n_groups=5)
    G = build_graph(c.letters, c.orgs)
    # typical members (the most active sign everybody's letters, so they say little about a coalition)
    group = sorted((o for o in c.orgs if c.groups[o.id] == 2), key=lambda o: (-len(o.mentions), o.id))
    seed_orgs = group[len(group) // 4: len(group) // 4 + 3]
    got = suggest(G, [f"org:{o.id}" for o in seed_orgs], k=10)
    assert len(got) == 10
    assert not {s.org for s in got} & {f"org:{o.id}" for o in seed_orgs}
    same = Counter(c.groups[s.org.removeprefix("org:")] == 2 for s in got)
    assert same[True] >= 7
    scores = [s.score for s in got]
    assert scores == sorted(scores, reverse=True) and all(0 < x <= 1 for x in scores)
    for s in got:
        assert f"signed {s.shared_letters} of the" in s.why and "demands" in s.why


def test_unknown_orgs_give_nothing():
    c = generate(5, 30, 50, seed=1)
    G = build_graph(c.letters, c.orgs)
    assert suggest(G, ["org:not-there"]) == []


def test_suggest_command_on_the_bundled_letters(capsys):
    """Protection Approaches wrote letter 004 with Burma Campaign UK alone: the strongest suggestion."""
    import json

    from graph.cli.main import main

    assert main(["suggest", "Burma Campaign UK", "--top", "3", "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert got[0]["id"] == "org:protection-approaches" and "signed 1 of the 3 letters" in got[0]["why"]


def _graph(signed: dict[str, list[int]]):
    import networkx as nx

    G = nx.DiGraph()
    for o, ls in signed.items():
        G.add_node(f"org:{o}", kind="organization", label=o)
        for n in ls:
            G.add_node(f"letter:{n}", kind="letter")
            G.add_edge(f"org:{o}", f"letter:{n}", kind="signed")
    return G


def test_two_letters_together_beat_one_and_one_letter_never_scores_one():
    # b signed both of a's letters (and others); c signed one of them and nothing else
    signed = {"a": [1, 2], "b": [1, 2, 3, 4, 5], "c": [1]}
    signed.update({f"filler{i}": [1 + i % 5] for i in range(20)})  # letters of similar size
    got = suggest(_graph(signed), ["org:a"], k=3)
    assert got[0].org == "org:b" and got[0].shared_letters == 2
    # one organization with one letter: its co-signers are told apart from certainty
    lone = suggest(_graph({"x": [1], **{f"y{i}": [1] for i in range(15)}}), ["org:x"], k=15)
    assert len(lone) == 15 and all(s.score < 0.75 for s in lone)
