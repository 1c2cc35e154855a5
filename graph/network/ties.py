"""The relationship map: organizations joined by co-signature ties, the view people come for
("who works with whom"). Analysis only; graph.draw.render draws it and graph.draw.layout places it.

Ties come from graph.network.cosign: the significance backbone (hypergeometric p, Bonferroni-corrected) when the
corpus is big enough for anything to be significant, else every pair with `min_shared` letters in common.
Each tie's width follows its size-corrected (Newman) weight: two organizations on the same 13-name letter
are tied more strongly than two names on a 400-name one.

>>> import networkx as nx
>>> G = nx.DiGraph()
>>> for o, ls in {"a": [1, 2], "b": [1, 2], "c": [2], "d": [3]}.items():
...     G.add_node(f"org:{o}", kind="organization", label=o, n_letters=len(ls))
...     for n in ls:
...         G.add_node(f"letter:{n}", kind="letter"); G.add_edge(f"org:{o}", f"letter:{n}", kind="signed")
>>> H, info = tie_view(G, min_shared=1)
>>> sorted(H), sorted((a, b) for a, b in H.to_undirected().edges()), info["ties"]
(['org:a', 'org:b', 'org:c'], [('org:a', 'org:b'), ('org:a', 'org:c'), ('org:b', 'org:c')], 'weighted')
"""
from __future__ import annotations

from typing import Any, Iterable

import networkx as nx
import numpy as np

from graph.network import cosign
from graph.network.view import filter_view
from graph.kinds import EdgeKind

BACKBONE_ALPHA = 0.01  # family-wise: with Bonferroni over every pair, 1 % is already strict
MIN_BACKBONE_TIES = 30  # fewer significant ties than this (a handful of letters): show weighted ties instead
MAX_TIE_EDGES = 4000  # beyond this the browser spends seconds drawing lines nobody can read
MAX_WIDTH = 6.0  # the strongest tie's line width; the weakest is 1


def tie_view(G: nx.DiGraph, letters: Iterable[str] | None = None, date_range=None,
             tags: Iterable[str] | None = None, min_letters: int = 1, min_shared: int = 2, alpha: float = 1.0,
             hide: Iterable[str] = (), max_nodes: int = 150) -> tuple[nx.DiGraph, dict[str, Any]]:
    """(H, info): the organizations with the strongest ties among the filtered letters, at most
    `max_nodes` of them (by summed tie weight), and the ties between them. `alpha` < 1 keeps only ties
    with p <= alpha (no correction); alpha = 1 uses the corrected backbone when it is not too thin."""
    H0, info = filter_view(G, letters=letters, date_range=date_range, tags=tags, min_letters=min_letters,
                           hide=hide)
    inc = cosign.incidence(H0)
    how = "significant"
    if alpha < 1.0:
        t = cosign.ties(H0, min_shared=min_shared, inc=inc)
        t = t.subset(t.p <= alpha)
    else:
        t = cosign.backbone(H0, alpha=BACKBONE_ALPHA, min_shared=min_shared, inc=inc)
        if len(t) < MIN_BACKBONE_TIES:
            t, how = cosign.ties(H0, min_shared=min_shared, inc=inc), "weighted"
            if not len(t) and min_shared > 1:  # five letters: nobody signed two together
                t = cosign.ties(H0, min_shared=1, inc=inc)
    if len(t) > MAX_TIE_EDGES:
        t = t.subset(t.weight >= np.sort(t.weight)[-MAX_TIE_EDGES])
    T = cosign.tie_graph(t)
    T.remove_nodes_from([n for n in list(T) if T.degree(n) == 0])
    if T.number_of_nodes() > max_nodes:
        strength = dict(T.degree(weight="weight"))
        T = T.subgraph(sorted(T, key=lambda n: (-strength[n], n))[:max_nodes])
    top = max((d["weight"] for _, _, d in T.edges(data=True)), default=1.0) or 1.0
    H = nx.DiGraph()
    H.add_nodes_from((n, dict(H0.nodes[n])) for n in sorted(T))
    H.add_edges_from((a, b, {"kind": EdgeKind.COSIGNED.value, "shared": d["shared"], "p": d["p"],
                             "width": round(1 + (MAX_WIDTH - 1) * d["weight"] / top, 2)})
                     for a, b, d in sorted(T.edges(data=True)))
    n_orgs = info["n_organizations"]
    caption = (f"{H.number_of_nodes()} of {n_orgs} organizations and {H.number_of_edges()} co-signature ties "
               + ("(significant: p ≤ " + (f"{alpha}" if alpha < 1 else f"{BACKBONE_ALPHA}, corrected") + ")"
                  if how == "significant" else f"(≥ {min_shared} letters in common)")
               + "; line width: letters in common, a big letter counting less; organizations without such a tie "
                 "are not drawn.")
    info = {**info, "caption": caption, "groups": {}, "ties": how, "n_nodes": H.number_of_nodes(),
            "n_edges": H.number_of_edges(), "n_organizations": H.number_of_nodes()}
    H.graph["view"] = caption
    return H, info
