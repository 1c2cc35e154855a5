"""The node and edge dicts vis-network draws (ids as strings): positions in drawing units, the corpus
sizes and colours (graph.draw.style), labels with the zoom from which each is shown (graph.draw.vis_labels),
escaped tooltips (graph.draw.tooltips).

>>> import networkx as nx
>>> G = nx.DiGraph()
>>> G.add_node("org:x", kind="organization", label="X", n_letters=2)
>>> [(n["id"], n["label"], n["labelZoom"]) for n in vis_data(G, {"org:x": (0.0, 0.0)})[0]]
[('org:x', 'X', 0.125)]
"""
from __future__ import annotations

from typing import Any, Mapping

import networkx as nx

from graph.draw.style import Style, label_font, node_size
from graph.draw.tooltips import esc, tooltip
from graph.draw.vis_labels import LABEL_CHARS, Label, label_scale, shorten, zoom_levels
from graph.kinds import FOLDED, EdgeKind, NodeKind

SCALE = 55.0  # vis pixels per unit of layout, times sqrt(n): keeps node spacing similar at any size
LETTER_LABEL_CHARS = 24  # letter titles are long: this much says which letter it is
FOCUS_RING = "#111111"


def drawing_units(positions: Mapping[Any, tuple[float, float]], n: int) -> dict[Any, tuple[float, float]]:
    """Positions in drawing units. graph.network.view.layout gives [-1, 1] coordinates (images and exports use
    them): those are spread to SCALE * sqrt(n); graph.draw.layout.positions are drawing units already."""
    big = max((abs(c) for xy in positions.values() for c in xy), default=0.0)
    scale = SCALE * max(1.0, n ** 0.5) if big <= 1.0 else 1.0
    return {k: (x * scale, y * scale) for k, (x, y) in positions.items()}


def _priority(a: Mapping[str, Any]) -> float:
    """Whose name is printed first: the searched node, super-nodes, then organizations by letters signed
    in view, letters by signatories, demands."""
    kind = str(a.get("kind", ""))
    if a.get("focus"):
        return 1e9
    if kind in FOLDED:
        return 1e6 + int(a.get("count") or 1)
    if kind == NodeKind.ORGANIZATION:
        return float(a.get("n_letters_in_view") or a.get("n_letters") or 1)
    if kind == NodeKind.LETTER:
        return 2.5 + int(a.get("n_signatories") or 0) / 100
    return 2.0


def label_text(a: Mapping[str, Any], n: Any) -> str:
    """The short label drawn under a node (an empty label stays empty)."""
    text = str(a.get("label") if a.get("label") is not None else a.get("name", n))
    acronyms = [x for x in a.get("acronyms") or [] if 1 < len(x) <= LABEL_CHARS]
    if a.get("kind") == NodeKind.ORGANIZATION and len(text) > LABEL_CHARS and acronyms:
        return acronyms[0]  # "FORUM-ASIA" reads better than "Asian Forum for Human Ri…"
    if a.get("kind") in FOLDED and text.endswith(")") and " (" in text:  # the count is what it says: never cut
        name, count = text.rsplit(" (", 1)
        return f"{shorten(name, LABEL_CHARS)} ({count}"
    return shorten(text, LETTER_LABEL_CHARS if a.get("kind") == NodeKind.LETTER else LABEL_CHARS)


def vis_data(H: nx.DiGraph, positions: Mapping[Any, tuple[float, float]] | None = None,
             style: Style | None = None, label_zoom: float | None = None) -> tuple[list[dict], list[dict]]:
    """Node and edge dicts for vis-network (ids as strings). Sizes and label sizes come from the corpus
    attributes (graph.draw.style.node_size), so a node looks the same in every view; labels are drawn only
    where they fit (graph.draw.vis_labels.zoom_levels: each from the zoom where it fits, every one on
    hover), `label_zoom` times their size (default: label_scale)."""
    if positions is None:
        from graph.draw.layout import positions as layout_positions

        positions = layout_positions(H)
    pos = drawing_units(positions, len(H))
    style = style or Style.of(H)
    radius = {n: node_size(a) for n, a in H.nodes(data=True)}
    k = label_scale(pos) if label_zoom is None else label_zoom
    fonts = {n: label_font(a) * k for n, a in H.nodes(data=True)}
    texts = {n: label_text(a, n) for n, a in H.nodes(data=True)}
    zoom = zoom_levels([Label(n, texts[n], fonts[n], radius[n], _priority(a),
                              bool(a.get("focus")) or a.get("kind") in FOLDED)
                        for n, a in H.nodes(data=True)], pos, radius)
    nodes = []
    for n, a in H.nodes(data=True):
        x, y = pos.get(n, (0.0, 0.0))
        node = {
            "id": str(n),
            "label": esc(texts[n]),
            "labelZoom": zoom.get(n, 0),  # shown from this level of vis_labels.ZOOMS on; 0: on hover only
            "title": tooltip(H, n),
            "shape": style.shape(n).vis,
            "color": style.color(n),
            "size": round(radius[n], 1),
            "font": {"size": round(fonts[n], 1)},
            "x": round(x, 1),
            "y": round(y, 1),
            "group_name": esc(style.node_groups.get(n, "")),
            "kind": esc(a.get("kind", "")),
        }
        if a.get("focus"):  # the searched organization: a thick dark ring
            node["borderWidth"] = 5
            node["color"] = {"background": style.color(n), "border": FOCUS_RING}
        nodes.append(node)
    edges = []
    for u, v, a in H.edges(data=True):
        kind = a.get("kind", "")
        e = {"from": str(u), "to": str(v), "kind": esc(kind),
             "color": {"color": "#9a9a9a" if kind != EdgeKind.MEMBER_OF else "#444444", "opacity": 0.5},
             "width": a.get("width") or (1 + min(4.0, float(a.get("weight", 1)) ** 0.5 - 1) if a.get("weight") else 1)}
        if kind == EdgeKind.MEMBER_OF:
            e["dashes"] = True
            e["arrows"] = "to"
            e["title"] = "member of"
        edges.append(e)
    # vis paints in list order: the nodes named first come last, so no later disc covers their names
    nodes.sort(key=lambda d: -d["labelZoom"] if d["labelZoom"] else -1e9)
    return nodes, edges

