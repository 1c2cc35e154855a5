"""The Coalitions drawing: each coalition folded into one super-node (a diamond labelled with its count),
letters folded into periods when there are too many, and positions that never change when a coalition
is expanded or collapsed.

Counting: groups overlap (an organization can carry several tags), but a drawing shows each organization
once, so it is counted in the first group that lists it (largest first). The super-node's label, the legend
and the `drawn` sizes of `coalition_sizes` all use that count; tables list every member of every group.

>>> import networkx as nx
>>> G = nx.DiGraph()
>>> for i, tags in enumerate([["women"], ["women", "ethnic"], ["ethnic"]]):
...     G.add_node(f"org:{i}", kind="organization", tags=tags, n_letters=1)
...     G.add_node(f"letter:{i}", kind="letter", date="2021", n_signatories=1)
...     G.add_edge(f"org:{i}", f"letter:{i}", kind="signed")
>>> groups = {"women": {"org:0", "org:1"}, "ethnic": {"org:1", "org:2"}}
>>> H = coalition_graph(G, groups)
>>> sorted(n for n, k in H.nodes(data="kind") if k == "group"), H.nodes["coalition:ethnic"]["count"]
(['coalition:ethnic', 'coalition:women'], 1)
>>> P = positions(G, groups, {n: (i * 100.0, 0.0) for i, n in enumerate(G)})
>>> E = coalition_graph(G, groups, expanded=("women",))
>>> all(n in P for n in E), sorted(set(H) - set(E))
(True, ['coalition:women'])
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping

import networkx as nx
import numpy as np

from .coalitions import collapse
from .fold import fold_kind
from .layout import GAP, place, separate, sizes

ORG, LETTER = "organization", "letter"
LETTER_ROOM = 24  # more letters than this around a dozen diamonds hide them: the rest fold into periods


def coalition_graph(G: nx.DiGraph, groups: Mapping[str, Iterable[str]], expanded: Iterable[str] = (),
                    letter_room: int = LETTER_ROOM) -> nx.DiGraph:
    """Organizations and letters of G, each group not `expanded` folded into a super-node (kind "group",
    `group` = its name, `count` = members drawn in it, `members`). Which letters are folded depends only on
    G (letters with most signatories stay), so expanding never changes them."""
    G2 = G.subgraph([n for n, k in G.nodes(data="kind") if k in (ORG, LETTER)])
    G3, _ = fold_kind(nx.DiGraph(G2), LETTER, letter_room)
    keep = set(expanded)
    H = collapse(G3, {k: v for k, v in groups.items() if k not in keep})
    for n, d in H.nodes(data=True):
        if d.get("kind") == "coalition":
            d.update(kind="group", group=d.get("name", n), count=d.get("n_members", 1))
    H.graph["expanded"] = sorted(keep & set(groups))
    return H


def positions(G: nx.DiGraph, groups: Mapping[str, Iterable[str]], base: Mapping[Any, tuple[float, float]],
              letter_room: int = LETTER_ROOM, seed: int = 0) -> dict[Any, tuple[float, float]]:
    """Positions of every node any expansion of `groups` can show: super-nodes and period nodes beside
    their members (graph.layout.place, all coalitions folded), and every organization at its corpus
    position, moved off a super-node it would sit on. Fixed per grouping: expanding moves nothing."""
    folded = coalition_graph(G, groups, (), letter_room)
    P = place(folded, base, seed)
    opened = coalition_graph(G, groups, tuple(groups), letter_room)
    orgs = [n for n in opened if n in base and n not in P]
    anchors = list(P)
    xy = np.array([P[n] for n in anchors] + [base[n] for n in orgs], dtype=float).reshape(-1, 2)
    r = sizes(folded)
    r.update(sizes(opened))
    radius = np.array([r[n] for n in anchors + orgs]) + GAP
    fixed = np.array([True] * len(anchors) + [False] * len(orgs))
    xy = separate(xy, radius, fixed, seed)
    out = dict(P)
    out.update({n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in zip(orgs, xy[len(anchors):])})
    return out


def coalition_sizes(H: nx.DiGraph) -> dict[str, int]:
    """Group name -> organizations drawn in its super-node, largest first (what the chart shows)."""
    sizes_ = {str(d.get("group")): int(d.get("count") or 0) for _, d in H.nodes(data=True) if d.get("kind") == "group"}
    return dict(sorted(sizes_.items(), key=lambda kv: (-kv[1], kv[0])))
