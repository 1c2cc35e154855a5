"""What a node of the interactive drawing says on hover: plain text (newlines, no markup) with every
data-derived piece html-escaped; the page turns it into a text-only element (graph.draw.render).

>>> import networkx as nx
>>> G = nx.DiGraph()
>>> G.add_node("org:x", kind="organization", label="<b>X</b>", tags=["women"])
>>> tooltip(G, "org:x").splitlines()[:3]
['&lt;b&gt;X&lt;/b&gt;', '(organization)', 'Tags:']
"""
from __future__ import annotations

import html as _html
from typing import Any

import networkx as nx

from graph.kinds import EdgeKind, NodeKind

MAX_LIST = 12  # items per list in a tooltip


def esc(x: Any) -> str:
    return _html.escape(str(x), quote=True)


def _items(v: Any) -> list[str]:
    if v in (None, ""):
        return []
    if isinstance(v, (list, tuple, set)):
        return [str(x) for x in v]
    return [str(v)]


def _listing(name: str, values: list[str]) -> str:
    if not values:
        return ""
    shown = values[:MAX_LIST]
    more = f"\n  … and {len(values) - MAX_LIST} more" if len(values) > MAX_LIST else ""
    return f"{name}:\n" + "\n".join(f"  • {v}" for v in shown) + more


def tooltip(H: nx.DiGraph, n: Any) -> str:
    """Plain text (newlines, no markup), every piece escaped: the organization's letters, tags and
    the demands of those letters; a letter's date and signatory count; a demand's description."""
    a = H.nodes[n]
    kind = a.get("kind", "")
    label = a.get("name") or a.get("label") or n
    lines = [f"{label}", f"({kind})" if kind else ""]
    if kind in (NodeKind.ORGANIZATION, NodeKind.GROUP):
        letters = [v for v in H.successors(n) if H.nodes[v].get("kind") == NodeKind.LETTER]
        titles = [str(H.nodes[v].get("label") or v) for v in sorted(letters, key=str)]
        demands = sorted({str(H.nodes[d].get("label") or d) for v in letters for d in H.successors(v)
                          if H.nodes[d].get("kind") == NodeKind.DEMAND})
        tags = [f"{t} ({a['tag_values'][t]})" if isinstance(a.get("tag_values"), dict) and a["tag_values"].get(t)
                else t for t in _items(a.get("tags"))]
        if kind == NodeKind.GROUP:
            lines.append(f"{a.get('count', 0)} organizations grouped")
        for k in ("country", "ethnicity"):
            if a.get(k):
                lines.append(f"{k}: {a[k]}")
        lines += [_listing("Tags", tags), _listing("Also printed as", _items(a.get("aliases"))),
                  _listing(f"Letters ({len(titles)})", titles), _listing("Demands", demands)]
    elif kind == NodeKind.LETTER:
        for k in ("title", "date", "file"):
            if a.get(k):
                lines.append(f"{k}: {a[k]}")
        signers = sum(1 for u in H.predecessors(n) if H.edges[u, n].get("kind") == EdgeKind.SIGNED)
        lines.append(f"signatories shown: {signers}")
        demands = [str(H.nodes[d].get("label") or d) for d in H.successors(n)]
        lines.append(_listing("Demands", sorted(demands)))
    elif kind in (NodeKind.LETTER_GROUP, NodeKind.DEMAND_GROUP):
        what = "letters" if kind == NodeKind.LETTER_GROUP else "demands"
        lines.append(f"{a.get('count', 0)} {what} grouped here; choose them in the sidebar to see them one by one")
        signers = sum(int(H.edges[u, n].get("weight", 1) or 1) for u in H.predecessors(n)
                      if H.edges[u, n].get("kind") == EdgeKind.SIGNED)
        if signers:
            lines.append(f"signatures shown: {signers}")
    elif kind == NodeKind.DEMAND:
        if a.get("description"):
            lines.append(str(a["description"]))
        lines.append(f"letters shown: {H.in_degree(n)}")
    return esc("\n".join(x for x in lines if x))
