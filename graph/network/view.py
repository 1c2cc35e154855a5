"""The "current view": which part of the corpus graph is drawn or exported, and why.

`filter_view` is a pure function: it never changes G, and returns the subgraph plus a plain dict
that says what is shown and what was left out (so a caption or the app can tell the reader).
`hide` exists to protect signatories at risk: hidden organizations leave every export, and the
info dict only counts them, it never names them.

>>> import networkx as nx
>>> G = nx.DiGraph()
>>> G.add_node("letter:a", kind="letter", label="A", date="2021-03")
>>> G.add_node("org:x", kind="organization", label="X", tags=["women"], member_of=["org:y"])
>>> G.add_node("org:y", kind="organization", label="Y", tags=[], member_of=[])
>>> G.add_edge("org:x", "letter:a", kind="signed")
>>> G.add_edge("org:y", "letter:a", kind="signed")
>>> H, info = filter_view(G, hide=["org:y"])
>>> sorted(H), H.nodes["org:x"]["member_of"], info["hidden"]["on_request"]
(['letter:a', 'org:x'], [], 1)
"""
from __future__ import annotations

from collections import Counter
from typing import Any, Iterable

import networkx as nx

from graph.network.fold import aggregate
from graph.draw.layout import layout  # noqa: F401 - graph.draw.export and graph.draw.images import it from here
from graph.kinds import EdgeKind, NodeKind

ORG, LETTER, DEMAND, GROUP = NodeKind.ORGANIZATION, NodeKind.LETTER, NodeKind.DEMAND, NodeKind.GROUP
LETTERS_NAMED = 4  # letters a caption names; the rest are counted ("and 12 more")


def _as_set(x: Any) -> set | None:
    if x is None:
        return None
    if isinstance(x, str):
        return {x}
    return set(x)


def _date_bounds(d: str) -> tuple[str, str]:
    """A partial ISO date as the [first day, last day] it may mean ("2021" -> whole year)."""
    d = str(d or "").strip()
    lo = d + "-01-01"[len(d) - 4:] if len(d) in (4, 7) else d
    hi = d + "-12-31"[len(d) - 4:] if len(d) in (4, 7) else d
    return lo[:10], hi[:10]


def _in_range(date: str, date_range: tuple[str | None, str | None]) -> bool:
    if not date:
        return False  # an undated letter cannot be placed in a period
    start, end = date_range
    lo, hi = _date_bounds(date)
    if start and hi < _date_bounds(start)[0]:
        return False
    if end and lo > _date_bounds(end)[1]:
        return False
    return True


def _match_letters(G: nx.DiGraph, wanted: set) -> set:
    """Letters may be named by node id, file name or file stem."""
    out = set()
    for n, a in G.nodes(data=True):
        if a.get("kind") != LETTER:
            continue
        file = str(a.get("file", ""))
        stem = file.rsplit(".", 1)[0]
        if n in wanted or file in wanted or (stem and stem in wanted):
            out.add(n)
    return out


def _match_orgs(G: nx.DiGraph, names: set) -> set:
    """Organizations to hide, by node id, bare id or (case-insensitive) name/label."""
    folded = {str(x).casefold() for x in names}
    out = set()
    for n, a in G.nodes(data=True):
        if a.get("kind") not in (ORG, GROUP):
            continue
        keys = {str(n), str(n).removeprefix("org:"), str(a.get("name", "")), str(a.get("label", ""))}
        if n in names or {k.casefold() for k in keys if k} & folded:
            out.add(n)
    return out


def induced(G: nx.DiGraph, nodes: set) -> nx.DiGraph:
    """G.subgraph(nodes).copy() in G's node order, written straight into networkx's dicts: the first view
    copies a 160k-edge corpus three times. bench/bench_graph_dicts.py (CPU medians): 0.53 s this way, 0.68 s
    with add_nodes_from + add_edges_from (+29 %), 0.74 s with subgraph().copy(); tests/test_view.py pins that
    the copy is the same. Attribute dicts are copied one level deep and shared by succ and pred, as networkx does.

    >>> G = nx.DiGraph([(1, 2, {"w": 1}), (2, 3, {})])
    >>> H = induced(G, {1, 2})
    >>> sorted(H.edges(data=True)), H.edges[1, 2] is not G.edges[1, 2], list(H.predecessors(2))
    ([(1, 2, {'w': 1})], True, [1])
    """
    if type(G) is not nx.DiGraph:
        return G.subgraph(nodes).copy()
    H = nx.DiGraph()
    H.graph.update(G.graph)
    H._node.update((n, dict(a)) for n, a in G._node.items() if n in nodes)
    succ = {u: {v: dict(d) for v, d in G._adj[u].items() if v in nodes} for u in H._node}
    H._adj.update(succ)
    H._pred.update((v, {u: succ[u][v] for u in G._pred[v] if u in nodes}) for v in H._node)
    return H


def filter_view(G: nx.DiGraph, letters: Iterable[str] | None = None,
                date_range: tuple[str | None, str | None] | None = None,
                kinds: Iterable[str] | None = None, tags: Iterable[str] | None = None,
                min_letters: int = 1, hide: Iterable[str] = (), ego: str | Iterable[str] | None = None,
                radius: int = 1, max_nodes: int | None = None) -> tuple[nx.DiGraph, dict]:
    """The subgraph to draw, and a dict saying what is shown and hidden."""
    hidden: Counter = Counter()
    hide_set = _match_orgs(G, _as_set(hide) or set())
    hidden["on_request"] = len(hide_set)
    keep = set(G) - hide_set

    all_letters = {n for n in keep if G.nodes[n].get("kind") == LETTER}
    kept_letters = set(all_letters)
    if letters is not None:
        kept_letters &= _match_letters(G, _as_set(letters))
    if date_range is not None and any(date_range):
        before = len(kept_letters)
        kept_letters = {n for n in kept_letters if _in_range(G.nodes[n].get("date", ""), date_range)}
        hidden["letters_out_of_dates"] = before - len(kept_letters)
    hidden["letters"] = len(all_letters) - len(kept_letters)
    keep -= all_letters - kept_letters

    tag_set = _as_set(tags)
    n_letters: dict[Any, int] = {}
    for n in list(keep):
        a = G.nodes[n]
        kind = a.get("kind")
        if kind == DEMAND:
            if not any(p in kept_letters for p in G.predecessors(n)):
                keep.discard(n)
        elif kind in (ORG, GROUP):
            count = sum(1 for v, e in G.succ[n].items() if v in kept_letters and e.get("kind") == EdgeKind.SIGNED)
            n_letters[n] = count
            if count < min_letters:
                keep.discard(n)
                hidden["organizations_below_min_letters"] += 1
            elif tag_set is not None and not (set(a.get("tags") or []) & tag_set):
                keep.discard(n)
                hidden["organizations_without_tag"] += 1

    kind_set = _as_set(kinds)
    if kind_set is not None:
        dropped = {n for n in keep if G.nodes[n].get("kind") not in kind_set}
        hidden["nodes_of_other_kinds"] = len(dropped)
        keep -= dropped

    H = induced(G, keep)
    if ego is not None:
        centres = [e for e in (_as_set(ego) or set()) if e in H]
        U = H.to_undirected(as_view=True)
        near: set = set()
        for c in centres:
            near |= set(nx.single_source_shortest_path_length(U, c, cutoff=radius))
        hidden["outside_neighbourhood"] = H.number_of_nodes() - len(near)
        H = induced(H, near)

    if hide_set:  # graph-level data (e.g. a collapse record) must not name a hidden organization either
        words = {str(h) for h in hide_set} | {str(G.nodes[h].get(k)) for h in hide_set for k in ("name", "label")
                                              if G.nodes[h].get(k)}
        H.graph = {k: v for k, v in H.graph.items() if not any(w in repr(v) for w in words)}
    for n, a in H.nodes(data=True):  # scrub hidden organizations from other nodes' attributes
        if a.get("member_of"):
            a["member_of"] = [u for u in a["member_of"] if u not in hide_set]
        if n in n_letters:
            a["n_letters_in_view"] = n_letters[n]

    groups: dict[str, int] = {}
    folded: dict[str, dict[str, int]] = {}
    if max_nodes is not None and H.number_of_nodes() > max_nodes:
        H, groups = aggregate(H, max_nodes, keep=_as_set(ego) or ())
        folded = H.graph.pop("folded", {})
        hidden["aggregated_into_groups"] = sum(groups.values())
        for kind, counts in folded.items():
            hidden[f"{kind}s_aggregated"] = sum(counts.values())

    shown_letters = sorted(n for n, a in H.nodes(data=True) if a.get("kind") == LETTER)
    info = {
        "letters": shown_letters,
        "letter_labels": [str(H.nodes[n].get("label") or n) for n in shown_letters],
        "n_nodes": H.number_of_nodes(),
        "n_edges": H.number_of_edges(),
        "n_organizations": sum(1 for _, a in H.nodes(data=True) if a.get("kind") == ORG),
        "groups": groups,
        "letter_groups": folded.get(LETTER, {}),  # period -> letters folded into that node
        "demand_groups": folded.get(DEMAND, {}),
        "hidden": {k: v for k, v in hidden.items() if v or k == "on_request"},
        "filters": {k: v for k, v in {
            "letters": sorted(_as_set(letters)) if letters is not None else None,
            "date_range": list(date_range) if date_range and any(date_range) else None,
            "kinds": sorted(kind_set) if kind_set is not None else None,
            "tags": sorted(tag_set) if tag_set is not None else None,
            "min_letters": min_letters if min_letters != 1 else None,
            "ego": sorted(_as_set(ego)) if ego is not None else None,
            "radius": radius if ego is not None else None,
            "max_nodes": max_nodes,
        }.items() if v is not None},
    }
    info["caption"] = describe(info)
    H.graph["view"] = info["caption"]
    return H, info


def _n(k: int, noun: str) -> str:
    return f"{k} {noun}" + ("" if k == 1 else "s")


def describe(info: dict) -> str:
    """One or two sentences for a caption: what is shown, what is left out (never who)."""
    labels = info.get("letter_labels", [])
    shown = ", ".join(labels[:LETTERS_NAMED]) + (f" and {len(labels) - LETTERS_NAMED} more" if len(labels) > LETTERS_NAMED else "")
    parts = [f"{_n(info['n_organizations'], 'organization')}, {_n(len(labels), 'letter')} ({shown or 'none'})"]
    f = info.get("filters", {})
    if f.get("date_range"):
        parts.append("dated " + " to ".join(x or "..." for x in f["date_range"]))
    if f.get("tags"):
        parts.append("tags: " + ", ".join(f["tags"]))
    if f.get("min_letters"):
        parts.append(f"signed at least {f['min_letters']} letters")
    h = info.get("hidden", {})
    if h.get("on_request"):
        parts.append(f"{_n(h['on_request'], 'organization')} withheld on request")
    if h.get("aggregated_into_groups"):
        parts.append(f"{_n(h['aggregated_into_groups'], 'smaller organization')} grouped")
    if h.get("letters_aggregated"):
        parts.append(f"{_n(h['letters_aggregated'], 'letter')} grouped by period")
    if h.get("demands_aggregated"):
        parts.append(f"{_n(h['demands_aggregated'], 'demand')} grouped")
    return "; ".join(parts) + "."
