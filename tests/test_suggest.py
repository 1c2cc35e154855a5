"""'Who else might sign': ranking, explanations, and planted coalitions."""
from __future__ import annotations

from collections import Counter

from graph.model import build_graph
from graph.suggest import suggest
from graph.synth import generate


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

    from graph.cli import main

    assert main(["suggest", "Burma Campaign UK", "--top", "3", "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert got[0]["id"] == "org:protection-approaches" and "signed 1 of the 3 letters" in got[0]["why"]
