"""Folding a view that is too big to read: least-connected letters into one node per period, demands into
"other demands", organizations into one node per community or tag. Each super-node lists its `members`
(so graph.draw.placing.place can put it beside them) and its `count`.

>>> import networkx as nx
>>> G = nx.DiGraph()
>>> for i in range(6):
...     G.add_node(f"org:{i}", kind="organization", tags=["women" if i % 2 else "ethnic"])
...     G.add_node(f"letter:{i}", kind="letter", date="2021")
...     G.add_edge(f"org:{i}", f"letter:{i}", kind="signed")
>>> H, groups = aggregate(G, 6)
>>> sorted(H), groups, H.nodes["group:women"]["members"]
(['group:ethnic', 'group:letters 2021', 'group:women', 'org:0', 'org:1', 'org:2'], {'ethnic': 1, 'women': 2}, ['org:3', 'org:5'])
"""
from __future__ import annotations

from collections import Counter
from typing import Any, Callable, Iterable

import networkx as nx

from graph.draw.style import coalition_counts, group_label
from graph.kinds import NodeKind

ORG, LETTER, DEMAND, GROUP = NodeKind.ORGANIZATION, NodeKind.LETTER, NodeKind.DEMAND, NodeKind.GROUP
LETTER_GROUP, DEMAND_GROUP = NodeKind.LETTER_GROUP, NodeKind.DEMAND_GROUP  # super-nodes standing for letters / demands
# Shares of the drawing's nodes (max_nodes // N): organizations are what the map is about, so demands fold
# beyond a third and letters beyond a half; a folded kind keeps a sixth (letters are hubs: few stay legible).
DEMANDS_SHARE, LETTERS_SHARE, FOLDED_SHARE = 3, 2, 6


def _period(date: str, coarse: bool) -> str:
    d = str(date or "")
    return "undated" if len(d) < 4 else d[:4] if coarse or len(d) < 7 else d[:7]


def fold(H: nx.DiGraph, ranked: list, keys: dict, room: int, node_id: Callable[[str], str],
         attrs: Callable[[str, list], dict[str, Any]]) -> tuple[nx.DiGraph, dict[str, int]]:
    """Keep the first nodes of `ranked` and fold the rest into one super-node per key (`keys[n]`), so that
    at most `room` nodes of the ranked ones and super-nodes remain. Too many keys: the smallest merge
    into "other". Edges to folded nodes are summed into the super-node's edges (`weight`)."""
    distinct_after = [0] * (len(ranked) + 1)  # distinct keys among ranked[b:]
    seen: set = set()
    for b in range(len(ranked) - 1, -1, -1):
        seen.add(keys[ranked[b]])
        distinct_after[b] = len(seen)
    budget = next((b for b in range(len(ranked), -1, -1) if b + distinct_after[b] <= room), 0)
    folded = ranked[budget:]
    sizes = Counter(keys[n] for n in folded)
    slots = max(1, room - budget)
    if len(sizes) > slots:  # too many keys even with nothing kept: the smallest merge into "other"
        big = {k for k, _ in sorted(sizes.items(), key=lambda kv: (-kv[1], kv[0]))[: slots - 1]}
        keys = {**keys, **{n: "other" for n in folded if keys[n] not in big}}
    group_of = {n: node_id(keys[n]) for n in folded}
    members: dict[str, list] = {}
    for n in folded:
        members.setdefault(keys[n], []).append(n)
    from graph.network.view import induced

    out = induced(H, set(H) - set(folded))
    for k, ms in members.items():
        out.add_node(node_id(k), **attrs(k, ms), count=len(ms), members=sorted(str(n) for n in ms))
    weights: Counter = Counter()
    for u, nbrs in H.adj.items():  # all edges, in H's order; only those touching a folded node count
        gu = group_of.get(u)
        for v, a in nbrs.items():
            gv = group_of.get(v)
            if gu is not None or gv is not None:
                weights[(gu or u, gv or v, a.get("kind", ""))] += int(a.get("weight", 1) or 1)
    for (gu, gv, k), w in weights.items():
        if gu != gv and not out.has_edge(gu, gv):
            out.add_edge(gu, gv, kind=k, weight=w)
    return out, dict(sorted((k, len(ms)) for k, ms in members.items()))


def fold_kind(H: nx.DiGraph, kind: str, room: int) -> tuple[nx.DiGraph, dict[str, int]]:
    """Letters into one node per month (or year, when months do not fit), demands into "other demands"."""
    ranked = sorted((n for n, a in H.nodes(data=True) if a.get("kind") == kind), key=lambda n: (-H.degree(n), str(n)))
    if len(ranked) <= room:
        return H, {}
    if kind == LETTER:
        keys = {n: _period(H.nodes[n].get("date", ""), coarse=False) for n in ranked}
        if len(set(keys.values())) > room:  # months do not fit: years
            keys = {n: _period(H.nodes[n].get("date", ""), coarse=True) for n in ranked}
    else:
        keys = {n: "other" for n in ranked}
    noun = "letters" if kind == LETTER else "demands"

    def attrs(k: str, ms: list) -> dict[str, Any]:
        dates = sorted(str(H.nodes[n].get("date") or "") for n in ms)
        return {"kind": (LETTER_GROUP if kind == LETTER else DEMAND_GROUP).value, "label": f"{noun} {k} ({len(ms)})",
                "group": k, "date": next((d for d in dates if d), "")}

    return fold(H, ranked, keys, room, lambda k: f"group:{noun} {k}", attrs)


def aggregate(H: nx.DiGraph, max_nodes: int, keep: Iterable = ()) -> tuple[nx.DiGraph, dict[str, int]]:
    """Fold nodes so that at most `max_nodes` remain: letters into per-month (or per-year) letter
    groups and demands into "other demands" when they alone would crowd the drawing, then the
    least-connected organizations into one node per community or tag. Returns the organization
    groups; folded letters/demands are listed in out.graph["folded"] ({kind: {period: count}}). Organizations
    in `keep` (the searched ones) are never folded.

    >>> G = nx.DiGraph()
    >>> for i in range(12):
    ...     G.add_node(f"letter:{i}", kind="letter", date=f"2021-{i % 3 + 1:02d}")
    ...     G.add_node(f"org:{i}", kind="organization", tags=["women"])
    ...     G.add_edge(f"org:{i}", f"letter:{i}", kind="signed")
    >>> H, groups = aggregate(G, 18)
    >>> H.number_of_nodes() <= 18, sorted(H.graph["folded"]["letter"])
    (True, ['2021-01', '2021-02', '2021-03'])
    """
    n_letters = sum(1 for _, a in H.nodes(data=True) if a.get("kind") == LETTER)
    n_demands = sum(1 for _, a in H.nodes(data=True) if a.get("kind") == DEMAND)
    folded: dict[str, dict[str, int]] = {}
    if n_letters + n_demands + 1 > max_nodes or n_demands > max_nodes // DEMANDS_SHARE:
        H, folded[DEMAND] = fold_kind(H, DEMAND, max(1, max_nodes // FOLDED_SHARE))
        n_demands = min(n_demands, max(1, max_nodes // FOLDED_SHARE))
    if n_letters + n_demands + 1 > max_nodes or n_letters > max_nodes // LETTERS_SHARE:
        H, folded[LETTER] = fold_kind(H, LETTER, max(1, max_nodes // FOLDED_SHARE))
    folded = {k: v for k, v in folded.items() if v}
    if H.number_of_nodes() <= max_nodes:
        H = H.copy() if not folded else H  # never write into the caller's graph
        H.graph["folded"] = folded
        return H, {}
    out, groups = _aggregate_orgs(H, max_nodes, set(keep))
    out.graph["folded"] = folded
    return out, groups


def _aggregate_orgs(H: nx.DiGraph, max_nodes: int, keep: set) -> tuple[nx.DiGraph, dict[str, int]]:
    """Keep the best-connected organizations; fold the rest into one node per community or tag."""
    orgs = [n for n, a in H.nodes(data=True) if a.get("kind") == ORG]
    keys = {}
    for n in orgs:
        a = H.nodes[n]
        c = a.get("community", "")
        keys[n] = f"community {c}" if c not in ("", None) else (a.get("tags") or ["untagged"])[0]
    ranked = sorted(orgs, key=lambda n: (n not in keep, -H.degree(n), str(n)))

    def attrs(k: str, ms: list) -> dict[str, Any]:
        return {"kind": GROUP.value, "label": f"{k.replace('_', ' ')} ({len(ms)})", "group": k,
                "tags": [k] if not k.startswith("community ") else [], "n_letters": 0}

    out, groups = fold(H, ranked, keys, max_nodes - (H.number_of_nodes() - len(orgs)), lambda k: f"group:{k}", attrs)
    totals = coalition_counts(out)  # what the legend prints: the label says how many of those it holds
    for g in groups:
        out.nodes[f"group:{g}"]["label"] = group_label(g, groups[g], totals[g])
        out.nodes[f"group:{g}"]["n_letters"] = sum(int(out.nodes[v].get("count", 1) or 1)
                                                  for v in out.successors(f"group:{g}")
                                                  if out.nodes[v].get("kind") in (LETTER, LETTER_GROUP))
    return out, groups
