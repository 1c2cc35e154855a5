"""The interactive graph as one self-contained HTML page (pyvis 0.3.2 / vis-network), drawn offline.

Facts this module relies on (measured on pyvis 0.3.2):
- only its inlined vis-network files draw without network (the template links CDNs), and importing
  pyvis costs ~1 s, so the page is written here around those files (same DataSet/Network globals);
- Network.add_node/add_edge scan all edges on each call (27 s for 26k edges), so node and edge
  dicts are built here;
- when any title contains "href" pyvis shows titles via innerHTML. Every data-derived string is
  html.escape()d, and our own script turns the escaped title into a text-only element;
- positions are precomputed (graph.draw.layout) and physics is off, so nodes do not drift.

>>> import networkx as nx
>>> G = nx.DiGraph()
>>> G.add_node("org:x", kind="organization", label="<b>X</b>", tags=[])
>>> html = to_pyvis_html(G)
>>> "<b>X</b>" in html, "&lt;b&gt;X" in html.replace("\\\\u0026", "&")
(False, True)
"""
from __future__ import annotations

import html as _html
import importlib.util
import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

import networkx as nx

from graph.draw.vis_labels import LABEL_CHARS, Label, choose, label_scale, shorten
from graph.draw.style import Style, label_font, node_size
from graph.kinds import EdgeKind, NodeKind

SCALE = 55.0  # vis pixels per unit of layout, times sqrt(n): keeps node spacing similar at any size
LETTER_LABEL_CHARS = 24  # letter titles are long: this much says which letter it is
FOCUS_RING = "#111111"
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
    if kind.endswith("group"):
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
    return shorten(text, LETTER_LABEL_CHARS if a.get("kind") == NodeKind.LETTER else LABEL_CHARS)


def vis_data(H: nx.DiGraph, positions: Mapping[Any, tuple[float, float]] | None = None,
             style: Style | None = None, label_zoom: float | None = None) -> tuple[list[dict], list[dict]]:
    """Node and edge dicts for vis-network (ids as strings). Sizes and label sizes come from the corpus
    attributes (graph.draw.style.node_size), so a node looks the same in every view; labels are drawn only
    where they fit (graph.draw.vis_labels.choose), `label_zoom` times their size (default: label_scale)."""
    if positions is None:
        from graph.draw.layout import positions as layout_positions

        positions = layout_positions(H)
    pos = drawing_units(positions, len(H))
    style = style or Style.of(H)
    radius = {n: node_size(a) for n, a in H.nodes(data=True)}
    k = label_scale(pos) if label_zoom is None else label_zoom
    fonts = {n: label_font(a) * k for n, a in H.nodes(data=True)}
    texts = {n: label_text(a, n) for n, a in H.nodes(data=True)}
    shown = choose([Label(n, texts[n], fonts[n], radius[n], _priority(a),
                          bool(a.get("focus")) or str(a.get("kind", "")).endswith("group"))
                    for n, a in H.nodes(data=True)], pos, radius)
    nodes = []
    for n, a in H.nodes(data=True):
        x, y = pos.get(n, (0.0, 0.0))
        node = {
            "id": str(n),
            "label": esc(texts[n]) if n in shown else "",
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
    return nodes, edges


def _legend_html(style: Style, caption: str) -> str:
    glyph = {"dot": "●", "square": "■", "triangle": "▲", "diamond": "◆"}
    rows = "".join(
        f'<div><span style="color:{esc(c)};font-size:14px">{glyph.get(s, "●")}</span> {esc(t)}</div>'
        for t, c, s in style.legend())
    cap = f'<div style="margin-top:4px;color:#555">{esc(caption)}</div>' if caption else ""
    # Beside the canvas (under it on a phone), never over it: an overlay hid the nodes under it.
    return ('<div id="atlas-legend"><details open><summary style="cursor:pointer">Legend</summary>'
            f'{rows}{cap}</details>'
            '<button id="atlas-save-png" type="button" style="margin-top:4px" '
            'onclick="atlasSavePng()">Save as PNG</button></div>')


_SCRIPT = """
<script type="text/javascript">
(function () {
  // Titles and labels arrive html-escaped. Titles become text-only elements (escaped text parsed as
  // HTML yields only text); labels are drawn on the canvas, so entities are decoded for display.
  function unescapeText(s) {
    return String(s).replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'").replace(/&amp;/g, "&");
  }
  var updates = [];
  nodes.forEach(function (n) {
    var u = {id: n.id};
    if (typeof n.title === "string") {
      var el = document.createElement("div");
      el.style.whiteSpace = "pre-line";
      el.style.maxWidth = "420px";
      el.textContent = unescapeText(n.title);
      u.title = el;
    }
    if (n.label) { u.label = unescapeText(n.label); }
    updates.push(u);
  });
  nodes.update(updates);
  // Mark the page once vis has painted (tests and benchmarks wait for it): ask for one more frame.
  network.once("afterDrawing", function () { document.body.setAttribute("data-drawn", "1"); });
  network.redraw();
  network.on("click", function (params) {
    if (!params.nodes || !params.nodes.length) { return; }
    var id = params.nodes[0];
    try { window.parent.postMessage({type: "atlas:node", id: id}, "*"); } catch (e) {}
    try { window.location.hash = "node=" + encodeURIComponent(id); } catch (e) {}
  });
})();
function atlasSavePng() {
  var c = document.querySelector("#mynetwork canvas");
  if (!c) { return; }
  var out = document.createElement("canvas");
  out.width = c.width; out.height = c.height;
  var ctx = out.getContext("2d");
  ctx.fillStyle = "#ffffff";  // the vis canvas is transparent
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(c, 0, 0);
  var a = document.createElement("a");
  a.download = "coalition-graph.png";
  a.href = out.toDataURL("image/png");
  document.body.appendChild(a); a.click(); a.remove();
}
</script>
"""

@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's script and stylesheet as shipped inside pyvis 0.3.2. Found without importing
    pyvis (its import costs about a second at app start: jinja2, IPython hooks, jsonpickle)."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pyvis (it ships the vis-network files the page inlines)")
    lib = Path(list(spec.submodule_search_locations)[0]) / "templates" / "lib" / "vis-9.1.2"
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    # Only the tooltip and navigation-button rules: the rest styles nothing we show.
    keep = ("vis-tooltip", "vis-navigation", "vis-button")  # navigation buttons are data: URIs, no request
    tooltip_css = "".join(rule + "}" for rule in css.split("}") if any(k in rule.split("{")[0] for k in keep))
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), tooltip_css


def _json(x: Any) -> str:
    """JSON that is safe inside <script> (as jinja's |tojson: <, >, &, ' as \\u escapes)."""
    return (json.dumps(x, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("&", "\\u0026").replace("'", "\\u0027"))


_PAGE = """<html>
<head>
<meta charset="utf-8">
<style>{css}</style>
<script type="text/javascript">{js}</script>
<style type="text/css">
  body {{ margin: 0; font-family: sans-serif; }}
  #atlas-wrap {{ display: flex; align-items: flex-start; gap: 6px; width: {width}; }}
  #mynetwork {{ flex: 1 1 auto; min-width: 0; height: {height}; background-color: #ffffff;
               border: 1px solid lightgray; position: relative; }}
  #atlas-legend {{ flex: 0 0 190px; background: #fafafa; border: 1px solid #ddd; padding: 4px 8px;
                  font: 11px sans-serif; max-height: {height}; overflow: auto; box-sizing: border-box; }}
  /* A phone: the drawing takes the whole width, the legend goes under it. */
  @media (max-width: 640px) {{
    #atlas-wrap {{ flex-direction: column; }}
    #mynetwork {{ width: 100%; flex: 0 0 auto; }}
    #atlas-legend {{ flex: 0 0 auto; width: 100%; max-height: none; }}
  }}
</style>
</head>
<body>
<div id="atlas-wrap"><div id="mynetwork" class="card-body"></div>{panel}</div>
<script type="text/javascript">
  var nodes, edges, network;
  (function () {{
    var container = document.getElementById("mynetwork");
    nodes = new vis.DataSet({nodes});
    edges = new vis.DataSet({edges});
    network = new vis.Network(container, {{nodes: nodes, edges: edges}}, {options});
    // Fit the drawn nodes; a searched organization is then centred (vis would zoom a 3-node graph to
    // giant discs: never beyond 1:1).
    var focus = {focus}, touched = false;
    function frame() {{
      network.fit({{animation: false}});
      if (network.getScale() > 1.0) network.moveTo({{scale: 1.0}});
      if (focus !== null && nodes.get(focus)) network.moveTo({{position: network.getPositions([focus])[focus]}});
    }}
    frame();
    // The frame may get its size after the first fit: fit again, until the reader moves the drawing.
    network.on("resize", function () {{ if (!touched) frame(); }});
    network.on("dragStart", function () {{ touched = true; }});
    network.on("zoom", function () {{ touched = true; }});
  }})();
</script>
</body>
</html>
"""


def to_pyvis_html(H: nx.DiGraph, positions: Mapping[Any, tuple[float, float]] | None = None,
                  height: str = "720px", width: str = "100%", caption: str = "",
                  legend: bool = True, label_zoom: float | None = None) -> str:
    """A complete HTML page that draws H offline, with legend, PNG button and click-to-profile.

    The page is the one pyvis' template would make (vis-network inlined, physics off), written here
    directly: same data, no CDN links to strip, and no tooltip_link switch that could turn on
    innerHTML popups."""
    style = Style.of(H)
    nodes, edges = vis_data(H, positions, style, label_zoom)
    options = {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": len(edges) > 2000,
                        "hideEdgesOnZoom": len(edges) > 2000, "navigationButtons": True,
                        "keyboard": {"enabled": True, "bindToWindow": True}},
        "edges": {"smooth": False, "arrows": {"to": {"enabled": False}}},
        "nodes": {"borderWidth": 1, "font": {"face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"}},
    }
    js, css = _vis_assets()
    panel = _legend_html(style, caption or str(H.graph.get("view", ""))) if legend else ""
    focus = next((str(n) for n, a in H.nodes(data=True) if a.get("focus")), None)
    page = _PAGE.format(css=css, js=js, width=esc(width), height=esc(height), panel=panel, nodes=_json(nodes),
                        edges=_json(edges), options=_json(options), focus=_json(focus))
    i = page.rfind("</body>")
    return page[:i] + _SCRIPT + page[i:]
