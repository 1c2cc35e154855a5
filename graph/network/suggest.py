""""Who else might sign": rank organizations by how they sign with a set of organizations and what they ask for.

score = 0.7 * cosign + 0.3 * demands, both in [0, 1):
  cosign   cosine between the candidate's letters and the set's letters (shared / sqrt(theirs * ours)),
           each letter weighted 1/log2(1 + n) so a 13-name letter signed together says more than a
           400-name one; the cosine, unlike a plain share, does not favour those who sign everything.
           It is then shrunk by the evidence, k / (k + EVIDENCE) for k letters signed together (each
           weighted by its size as above): one shared letter is a coincidence as often as a tie, so two
           shared letters beat one of the same size, and a perfect overlap on a single letter no longer
           scores 1.0 for every co-signer,
  demands  share of the set's demands (over all its letters) that appear in the candidate's letters,
           shrunk the same way by the number of shared demands.
Ranked by score, then by letters signed together. Each suggestion carries a one-line explanation with
the raw counts behind the score.

>>> import networkx as nx
>>> G = nx.DiGraph()
>>> for o, ls in {"a": [1, 2], "b": [1, 2], "c": [2], "d": [3]}.items():
...     G.add_node(f"org:{o}", kind="organization", label=o.upper())
...     for n in ls:
...         G.add_node(f"letter:{n}", kind="letter"); G.add_edge(f"org:{o}", f"letter:{n}", kind="signed")
>>> [(s.org, round(s.score, 2)) for s in suggest(G, ["org:a"])]
[('org:b', 0.49), ('org:c', 0.23)]
>>> suggest(G, ["org:a"])[0].why
'signed 2 of the 2 letters of A (2 letters in all)'
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import networkx as nx
import numpy as np

from graph.network import cosign
from graph.network.build import DEMAND

COSIGN_WEIGHT, DEMAND_WEIGHT = 0.7, 0.3
EVIDENCE = 1.0  # pseudo-count: a score built on k shared letters (or demands) keeps k / (k + 1) of itself
NAMES_SHOWN = 3  # organizations of the set named in a reason; the rest are "..."
LETTER_EVIDENCE = 0.5  # a shared letter counts as its weight / 0.5: a 2-name letter as 1.3, a 30-name one as 0.4


def _shrink(value: float, k: float) -> float:
    """`value` discounted for thin evidence (k observations).

    >>> _shrink(1.0, 1), round(_shrink(1.0, 2), 3), _shrink(0.5, 0)
    (0.5, 0.667, 0.0)
    """
    return value * k / (k + EVIDENCE)


@dataclass(frozen=True)
class Suggestion:
    org: str
    label: str
    score: float
    cosign: float
    demands: float
    shared_letters: int
    why: str


def _n(k: int, noun: str) -> str:
    return f"{k} {noun}" + ("" if k == 1 else "s")


def _demands(G: nx.DiGraph, letters: Iterable[str]) -> set[str]:
    return {d for v in letters for d in G.successors(v) if G.nodes[d].get("kind") == DEMAND}


def suggest(G: nx.DiGraph, orgs: Iterable[str], k: int = 10, min_score: float = 0.0) -> list[Suggestion]:
    """Best candidates to join `orgs` (organization node ids; unknown ids are ignored), best first.
    Candidates who never signed with the set and share no demand are left out."""
    inc = cosign.incidence(G)
    row = inc.row
    members = sorted({o for o in orgs if o in row})
    if not members:
        return []
    B = inc.B.tocsc()
    set_letters = np.unique(np.concatenate([inc.B[row[o]].indices for o in members]))
    w = 1.0 / np.log2(1.0 + np.maximum(inc.size, 1))
    total = float(w[set_letters].sum()) or 1.0
    own = np.asarray(inc.B @ w).ravel()  # each organization's own weighted letters
    sub = B[:, set_letters]  # orgs x the set's letters
    shared_w = np.asarray(sub @ w[set_letters]).ravel()  # letters signed together, weighted by their size
    together = shared_w / np.sqrt(total * np.maximum(own, 1e-12))
    n_together = np.asarray(sub.sum(axis=1)).ravel().astype(int)
    set_demands = _demands(G, (inc.letters[c] for c in set_letters))
    member_set = set(members)
    names = ", ".join(str(G.nodes[o].get("label", o)) for o in members[:NAMES_SHOWN]) + (" ..." if len(members) > NAMES_SHOWN else "")
    out = []
    candidates = set(np.flatnonzero(n_together).tolist())
    if set_demands:  # people who ask for the same things but never signed with the set are candidates too
        for d in set_demands:
            for v in G.predecessors(d):
                candidates.update(row[u] for u in G.predecessors(v) if u in row)
    for r in sorted(candidates):
        org = inc.orgs[r]
        if org in member_set:
            continue
        shared_d = tuple(sorted(set_demands & _demands(G, (inc.letters[c] for c in inc.B[r].indices))))
        dem = _shrink(len(shared_d) / len(set_demands), len(shared_d)) if set_demands else 0.0
        co = _shrink(float(together[r]), float(shared_w[r]) / LETTER_EVIDENCE)
        score = COSIGN_WEIGHT * co + DEMAND_WEIGHT * dem
        if score <= min_score:
            continue
        why = f"signed {n_together[r]} of the {len(set_letters)} letters of {names} ({_n(len(inc.B[r].indices), 'letter')} in all)"
        if set_demands:
            labels = [str(G.nodes[d].get("label", d)) for d in shared_d[:3]]
            why += f"; asks {len(shared_d)} of their {len(set_demands)} demands" + (f" ({', '.join(labels)})" if labels else "")
        out.append(Suggestion(org, str(G.nodes[org].get("label", org)), score, co, dem,
                              int(n_together[r]), why))
    out.sort(key=lambda s: (-s.score, -s.shared_letters, s.org))
    return out[:k]
