"""The networks an export can hold, built from one filtered view (graph.network.view.filter_view):

- "bipartite": organizations -> letters -> demands, as drawn in the app;
- "cosignature": organizations only, joined when they signed a letter together, each tie with its
  count, Jaccard index, size-corrected (Newman) weight and hypergeometric p-value (graph.network.cosign).
  This is the network Gephi and Cytoscape users analyse.

>>> G = nx.DiGraph()
>>> for o, ls in {"a": [1, 2], "b": [1, 2], "c": [2]}.items():
...     G.add_node(f"org:{o}", kind="organization", label=o.upper())
...     for n in ls:
...         G.add_node(f"letter:{n}", kind="letter"); G.add_edge(f"org:{o}", f"letter:{n}", kind="signed")
>>> T = cosignature_network(G)
>>> T.edges["org:a", "org:b"]["count"], T.edges["org:a", "org:b"]["jaccard"], T.nodes["org:c"]["label"]
(2, 1.0, 'C')
"""
from __future__ import annotations

from typing import Any

import networkx as nx
import numpy as np

from graph.network import cosign
from graph.network.build import LETTER, ORG
from graph.kinds import EdgeKind, NodeKind

NETWORKS = {"bipartite": "organizations → letters → demands",
            "cosignature": "co-signature network (organizations joined by letters signed together)"}
SIGNERS = (ORG, NodeKind.GROUP)  # nodes whose "signed" edges make a letter part of the view
BACKBONE_ALPHA = 0.01  # significance of a backbone tie, Bonferroni-corrected over the pairs tested
MIN_SHARED = 2  # ties exported by default: one shared letter is one event, and a single 402-signer
# letter alone makes 80,000 one-letter pairs (the bundled letters: 81,481 ties at 1, 234 at 2)
MAX_TIES = 100_000  # a generated 10,000-organization corpus has 926,616 ties of 2+ letters: about 300 MB
# of GEXF and minutes to write; Gephi and Cytoscape stay responsive up to about this many edges


def positions(H: nx.Graph, seed: int = 0) -> dict[Any, tuple[float, float]]:
    """Where each node sits in images and laid-out exports: the app's layout, so a file matches
    the screen. The one place exports ask for a layout (swap it here when the app's changes)."""
    from graph.network.view import layout

    return layout(H, seed=seed)


def drop_unsigned_letters(H: nx.DiGraph, caption: str = "") -> tuple[nx.DiGraph, str]:
    """H without the letters that no organization (or group) in H signed, and without the demands
    only those letters made; the caption says how many letters left. With a tag filter, the
    letters that no organization of that tag signed are not part of the picture.

    >>> G = nx.DiGraph(); G.add_edge("org:a", "letter:1", kind="signed")
    >>> G.add_node("letter:2", kind="letter"); G.add_edge("letter:2", "demand:x", kind="demands")
    >>> nx.set_node_attributes(G, {"org:a": "organization", "letter:1": "letter", "demand:x": "demand"}, "kind")
    >>> T, caption = drop_unsigned_letters(G, "View.")
    >>> sorted(T), caption
    (['letter:1', 'org:a'], 'View. 1 letter that no organization shown signed is left out.')
    """
    kinds = dict(H.nodes(data="kind"))
    unsigned = {n for n, k in kinds.items() if k == LETTER
                and not any(kinds.get(u) in SIGNERS and a.get("kind") == EdgeKind.SIGNED for u, a in H.pred[n].items())}
    if not unsigned:
        return H, caption
    orphans = {d for n in unsigned for d in H.succ[n]
               if kinds.get(d) == NodeKind.DEMAND and set(H.pred[d]) <= unsigned}
    T = H.copy()
    T.remove_nodes_from(unsigned | orphans)
    k = len(unsigned)
    note = f"{k} letter{'' if k == 1 else 's'} that no organization shown signed {'is' if k == 1 else 'are'} left out."
    T.graph["view"] = f"{caption} {note}".strip()
    return T, T.graph["view"]


def strongest(t: cosign.Ties, k: int) -> cosign.Ties:
    """The k ties of greatest Newman weight (then count, then ids), in their original order."""
    if len(t) <= k:
        return t
    keep = np.zeros(len(t), dtype=bool)
    keep[np.lexsort((t.j, t.i, -t.shared, -t.weight))[:k]] = True
    return t.subset(keep)


def most_connected(t: cosign.Ties, deg: np.ndarray, candidates: np.ndarray, k: int) -> np.ndarray:
    """The k organizations (indices, sorted) among `candidates` with the greatest summed tie weight
    (Newman strength in these ties), then most ties, then most letters in the view, then id: the
    ones a reader of the network would miss first, chosen the same way every time."""
    n = len(t.orgs)
    strength = np.bincount(t.i, t.weight, n) + np.bincount(t.j, t.weight, n)
    n_ties = np.bincount(t.i, minlength=n) + np.bincount(t.j, minlength=n)
    ids = np.array(t.orgs, dtype=object)[candidates]
    rank = np.argsort(ids, kind="stable")  # the id as the last key, for lexsort (which needs numbers)
    by_id = np.empty(len(ids), dtype=np.int64)
    by_id[rank] = np.arange(len(ids))
    order = np.lexsort((by_id, -deg[candidates], -n_ties[candidates], -strength[candidates]))
    return np.sort(candidates[order[:k]])


def cosignature_network(H: nx.DiGraph, backbone: bool = False, alpha: float = BACKBONE_ALPHA,
                        min_shared: int = MIN_SHARED, max_ties: int = MAX_TIES,
                        max_nodes: int | None = None) -> nx.Graph:
    """Organizations of H joined when they signed at least `min_shared` letters of H together. Edge
    attributes: count (letters in common), jaccard, weight (Newman: each letter adds 1/(signers-1)),
    p (hypergeometric P(X >= count)). `backbone` keeps only the significant ties (cosign.backbone)
    and the organizations they join; otherwise every organization of H is kept, tied or not.
    Beyond `max_nodes` organizations only the most connected stay (most_connected), with the ties
    among them; T.graph["orgs_total"] says of how many. Beyond `max_ties` (0: no limit) only the
    strongest ties stay; T.graph["ties_total"] says of how many (among the organizations kept)."""
    inc = cosign.incidence(H)
    if backbone:
        t = cosign.backbone(H, alpha=alpha, min_shared=max(min_shared, MIN_SHARED), inc=inc)
    else:
        t = cosign.ties(H, min_shared=min_shared, inc=inc)
    deg = inc.degree
    nodes = np.unique(np.concatenate([t.i, t.j])) if backbone else np.arange(len(inc.orgs))
    orgs_total = len(nodes)
    if max_nodes is not None and orgs_total > max_nodes:
        nodes = most_connected(t, deg, nodes, max(0, max_nodes))
        keep = np.zeros(len(inc.orgs), dtype=bool)
        keep[nodes] = True
        t = t.subset(keep[t.i] & keep[t.j])
    total = len(t)
    t = strongest(t, max_ties) if max_ties else t
    union = deg[t.i] + deg[t.j] - t.shared
    jaccard = t.shared / union.clip(min=1)
    T = nx.Graph(view=str(H.graph.get("view", "")), network="cosignature", backbone=backbone, ties_total=total,
                 orgs_total=orgs_total)
    if not backbone:
        T.add_nodes_from(inc.orgs[i] for i in nodes)
    for a, b, s, w, p, jac in zip(t.i, t.j, t.shared, t.weight, t.p, jaccard):
        T.add_edge(inc.orgs[a], inc.orgs[b], kind=EdgeKind.COSIGNED.value, count=int(s), jaccard=round(float(jac), 6),
                   weight=round(float(w), 6), p=float(p))
    row = inc.row
    for n in T:
        T.nodes[n].update(H.nodes[n])
        T.nodes[n]["n_letters_in_view"] = int(deg[row[n]])
    return T


def for_export(H: nx.DiGraph, caption: str, network: str = "bipartite", backbone: bool = False, tagged: bool = False,
               min_shared: int = MIN_SHARED, max_ties: int = MAX_TIES,
               max_nodes: int | None = None) -> tuple[nx.Graph, str, dict]:
    """The network to export from a filtered view H (built without folding organizations when it is
    the co-signature network), its caption, and its letters' dates (for the GEXF timeline).
    `tagged`: the view has a tag filter, so letters no shown organization signed leave.
    `max_nodes`: the co-signature network keeps its most connected organizations (the bipartite
    view is folded by graph.network.view.filter_view instead)."""
    if network not in NETWORKS:
        raise ValueError(f"unknown network {network!r}; choose one of {', '.join(NETWORKS)}")
    if tagged:
        H, caption = drop_unsigned_letters(H, caption)
    letter_dates = {n: a.get("date", "") for n, a in H.nodes(data=True) if a.get("kind") == LETTER}
    if network == "cosignature":
        H = cosignature_network(H, backbone=backbone, min_shared=min_shared, max_ties=max_ties, max_nodes=max_nodes)
        shown, total = H.number_of_edges(), H.graph["ties_total"]
        ties = f"the {shown:,} strongest of {total:,} ties" if shown < total else f"{total:,} ties"
        n, n_total = H.number_of_nodes(), H.graph["orgs_total"]
        orgs = f"the {n:,} most connected of {n_total:,} organizations, " if n < n_total else ""
        caption = (f"Co-signature network{' backbone' if backbone else ''} ({orgs}{ties}, {min_shared}+ letters in "
                   f"common): {caption}")
        H.graph["view"] = caption
    return H, caption, letter_dates
