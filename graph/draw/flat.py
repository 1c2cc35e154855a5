"""Attribute values as the scalars GEXF, GraphML and tables hold.

Lists are "; "-joined, flat dicts written "key=value; ...", nested data as JSON, None as ""; an
attribute whose values have different types across nodes is written as a string throughout, so
the file reads back with exactly these values.

>>> import networkx as nx
>>> G = nx.DiGraph()
>>> G.add_node("org:a", kind="organization", label="A", tags=["women", "ethnic"], n_letters=2)
>>> flatten_graph(G).nodes["org:a"]["tags"]
'women; ethnic'
"""
from __future__ import annotations

import json
from typing import Any

import networkx as nx


def flat(value: Any) -> Any:
    """One attribute value as a scalar.

    >>> flat(["a", "b"]), flat({"diaspora": "Japan", "ethnic": ""}), flat(None), flat(3)
    ('a; b', 'diaspora=Japan; ethnic=', '', 3)
    >>> flat([{"file": "a.txt", "lines": [3]}])
    '[{"file": "a.txt", "lines": [3]}]'
    """
    if value is None:
        return ""
    if isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, dict):
        if all(isinstance(v, (str, int, float, bool)) or v is None for v in value.values()):
            return "; ".join(f"{k}={'' if v is None else v}" for k, v in value.items())
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else list(value)
        if all(isinstance(v, (str, int, float, bool)) for v in items):
            return "; ".join(str(v) for v in items)
        return json.dumps(items, ensure_ascii=False, sort_keys=True, default=str)
    if hasattr(value, "item"):  # numpy scalar
        return value.item()
    return str(value)


def unify(rows: list[dict]) -> None:
    """Make each key hold one type across rows (mixed -> str); bool stays bool, int+float -> float.

    >>> rows = [{"a": 1, "b": 1}, {"a": "x", "b": 2.5}]; unify(rows); rows
    [{'a': '1', 'b': 1.0}, {'a': 'x', 'b': 2.5}]
    """
    types: dict[str, set] = {}
    for r in rows:
        for k, v in r.items():
            types.setdefault(k, set()).add(type(v))
    for k, ts in types.items():
        if len(ts) <= 1:
            continue
        to = float if ts <= {int, float} else str
        for r in rows:
            if k in r:
                r[k] = to(r[k])


def flatten_graph(H: nx.Graph) -> nx.Graph:
    """A copy of H holding only scalar attributes, as written to GEXF and GraphML (every node gets
    a label, its id when it has none, since Gephi shows labels and GEXF readers invent one)."""
    F = H.__class__()
    node_rows = {n: {"label": str(n), **{k: flat(v) for k, v in a.items()}} for n, a in H.nodes(data=True)}
    edge_rows = {(u, v): {k: flat(x) for k, x in a.items()} for u, v, a in H.edges(data=True)}
    unify(list(node_rows.values()))
    unify(list(edge_rows.values()))
    F.add_nodes_from((str(n), r) for n, r in node_rows.items())
    F.add_edges_from((str(u), str(v), r) for (u, v), r in edge_rows.items())
    return F
