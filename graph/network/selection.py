"""What the Network view draws for a choice of filters: the relationship map by default, the
organization-letter-demand graph as soon as a letter, a demand or organizations are picked.

>>> import networkx as nx
>>> G = nx.DiGraph()
>>> G.add_node("letter:a", kind="letter", label="A", date="2021")
>>> G.add_node("demand:d", kind="demand", label="D")
>>> G.add_edge("letter:a", "demand:d", kind="demands")
>>> for o in "xy":
...     G.add_node(f"org:{o}", kind="organization", label=o, n_letters=1); G.add_edge(f"org:{o}", "letter:a", kind="signed")
>>> H, info = select(G, demands=["demand:d"])
>>> sorted(H), info["mode"]
(['demand:d', 'letter:a', 'org:x', 'org:y'], 'full')
>>> H, info = select(G, ego=["org:x"], radius=2)
>>> H.nodes["org:x"]["focus"], info["mode"]
(True, 'full')
"""
from __future__ import annotations

from collections import Counter
from typing import Any, Iterable

import networkx as nx

from graph.network.fold import fold_kind
from graph.network.ties import tie_view
from graph.network.view import describe, filter_view
from graph.kinds import EdgeKind, NodeKind

# A searched organization's letters ring it; beyond this many the ring became a pile of squares hiding its
# name, so the rest fold into one node per period (as the Coalitions view folds its letters).
EGO_LETTER_ROOM = 12


def letters_making(G: nx.DiGraph, demands: Iterable[str]) -> list[str]:
    """Letters that make any of the demands (demand node ids)."""
    return sorted({v for d in demands if d in G for v in G.predecessors(d)
                   if G.edges[v, d].get("kind") == EdgeKind.DEMANDS})


def select(G: nx.DiGraph, mode: str = "map", letters: Iterable[str] = (), demands: Iterable[str] = (),
           ego: Iterable[str] = (), radius: int = 2, date_range=None, kinds: Iterable[str] | None = None,
           tags: Iterable[str] = (), min_letters: int = 1, min_shared: int = 2, alpha: float = 1.0,
           hide: Iterable[str] = (), max_nodes: int = 150) -> tuple[nx.DiGraph, dict[str, Any]]:
    """(H, info) to draw. Picking letters, demands or organizations (`ego`: their neighbourhood within
    `radius` steps of the org-letter graph) shows the full graph of that selection; otherwise `mode`
    decides. The picked organizations are marked `focus` (drawn with a ring, centred, always labelled)."""
    letters, demands, ego = list(letters), list(demands), [e for e in ego if e in G]
    chosen = letters + letters_making(G, demands) if (letters or demands) else None
    if demands and not chosen:
        chosen = ["<none>"]  # a demand no letter makes: nothing, rather than everything
    if mode == "map" and chosen is None and not ego:
        H, info = tie_view(G, date_range=date_range, tags=list(tags) or None, min_letters=min_letters,
                           min_shared=min_shared, alpha=alpha, hide=hide, max_nodes=max_nodes)
        return H, {**info, "mode": "map"}
    H, info = filter_view(G, letters=chosen, date_range=date_range, kinds=list(kinds) if kinds else None,
                          tags=list(tags) or None, min_letters=min_letters, hide=hide, ego=ego or None,
                          radius=radius, max_nodes=max_nodes)
    if ego:
        H, info = _fold_letters(H, info)
    for e in ego:
        if e in H:
            H.nodes[e]["focus"] = True
    return H, {**info, "mode": "full"}


def _fold_letters(H: nx.DiGraph, info: dict[str, Any]) -> tuple[nx.DiGraph, dict[str, Any]]:
    """Letters of a neighbourhood beyond EGO_LETTER_ROOM folded into periods (most-signed letters stay),
    with the caption's counts brought up to date."""
    n_letters = sum(1 for _, k in H.nodes(data="kind") if k == NodeKind.LETTER)
    if n_letters <= EGO_LETTER_ROOM:
        return H, info
    before = {n: dict(a) for n, a in H.nodes(data=True) if a.get("kind") == NodeKind.LETTER_GROUP}
    H, periods = fold_kind(H, NodeKind.LETTER, EGO_LETTER_ROOM)
    for n, old in before.items():  # a period the view had folded already takes the new letters in
        a = H.nodes[n]
        if a.get("members") != old.get("members"):
            a["members"] = sorted({*old.get("members", ()), *a.get("members", ())})
            a["count"] = len(a["members"])
            a["label"] = f"letters {a['group']} ({a['count']})"
    letters = sorted(n for n, k in H.nodes(data="kind") if k == NodeKind.LETTER)
    hidden = {**info.get("hidden", {}), "letters_aggregated": info.get("hidden", {}).get("letters_aggregated", 0)
              + sum(periods.values())}
    info = {**info, "letters": letters, "letter_labels": [str(H.nodes[n].get("label") or n) for n in letters],
            "letter_groups": dict(Counter(info.get("letter_groups", {})) + Counter(periods)), "hidden": hidden,
            "n_nodes": H.number_of_nodes(), "n_edges": H.number_of_edges()}
    info["caption"] = describe(info)
    H.graph["view"] = info["caption"]
    return H, info
