"""The interactive graph as one self-contained HTML page (pyvis 0.3.2 / vis-network), drawn offline.

Facts this module relies on (measured on pyvis 0.3.2):
- only its inlined vis-network files draw without network (the template links CDNs), and importing
  pyvis costs ~1 s, so the page is written here around those files (same DataSet/Network globals);
- Network.add_node/add_edge scan all edges on each call (27 s for 26k edges), so node and edge
  dicts are built here;
- when any title contains "href" pyvis shows titles via innerHTML. Every data-derived string is
  html.escape()d, and our own script turns the escaped title into a text-only element;
- positions are precomputed (graph.view.layout) and physics is off, so nodes do not drift.

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

from .style import Style, degree_size

SCALE = 55.0  # vis pixels per unit of layout, times sqrt(n): keeps node spacing similar at any size
MAX_LABELS = 2000  # beyond this many nodes only the best-connected ones get a label (vis hides
# labels that are too small on screen anyway, but measuring 10k labels slows every redraw)
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
    if kind in ("organization", "group"):
        letters = [v for v in H.successors(n) if H.nodes[v].get("kind") == "letter"]
        titles = [str(H.nodes[v].get("label") or v) for v in sorted(letters, key=str)]
        demands = sorted({str(H.nodes[d].get("label") or d) for v in letters for d in H.successors(v)
                          if H.nodes[d].get("kind") == "demand"})
        tags = [f"{t} ({a['tag_values'][t]})" if isinstance(a.get("tag_values"), dict) and a["tag_values"].get(t)
                else t for t in _items(a.get("tags"))]
        if kind == "group":
            lines.append(f"{a.get('count', 0)} organizations grouped")
        for k in ("country", "ethnicity"):
            if a.get(k):
                lines.append(f"{k}: {a[k]}")
        lines += [_listing("Tags", tags), _listing("Also printed as", _items(a.get("aliases"))),
                  _listing(f"Letters ({len(titles)})", titles), _listing("Demands", demands)]
    elif kind == "letter":
        for k in ("title", "date", "file"):
            if a.get(k):
                lines.append(f"{k}: {a[k]}")
        signers = sum(1 for u in H.predecessors(n) if H.edges[u, n].get("kind") == "signed")
        lines.append(f"signatories shown: {signers}")
        demands = [str(H.nodes[d].get("label") or d) for d in H.successors(n)]
        lines.append(_listing("Demands", sorted(demands)))
    elif kind in ("letter_group", "demand_group"):
        what = "letters" if kind == "letter_group" else "demands"
        lines.append(f"{a.get('count', 0)} {what} grouped here; choose them in the sidebar to see them one by one")
        signers = sum(int(H.edges[u, n].get("weight", 1) or 1) for u in H.predecessors(n)
                      if H.edges[u, n].get("kind") == "signed")
        if signers:
            lines.append(f"signatures shown: {signers}")
    elif kind == "demand":
        if a.get("description"):
            lines.append(str(a["description"]))
        lines.append(f"letters shown: {H.in_degree(n)}")
    return esc("\n".join(x for x in lines if x))


def vis_data(H: nx.DiGraph, positions: Mapping[Any, tuple[float, float]] | None = None,
             style: Style | None = None) -> tuple[list[dict], list[dict]]:
    """Node and edge dicts for vis-network (ids as strings)."""
    if positions is None:
        from .view import layout

        positions = layout(H)
    style = style or Style.of(H)
    deg = dict(H.degree())
    max_deg = max(deg.values(), default=0)
    labelled = set(sorted(H, key=lambda n: (-deg[n], str(n)))[:MAX_LABELS])
    scale = SCALE * max(1.0, len(H) ** 0.5)
    nodes = []
    max_count = max((int(a.get("count") or 1) for _, a in H.nodes(data=True)
                     if str(a.get("kind", "")).endswith("group")), default=1)
    for n, a in H.nodes(data=True):
        x, y = positions.get(n, (0.0, 0.0))
        size = degree_size(deg[n], max_deg, 8, 40)
        if str(a.get("kind", "")).endswith("group"):  # a super-node's size says how many it stands for
            size = degree_size(int(a.get("count") or 1), max_count, 14, 48)
        # An empty label stays empty (vis would otherwise show nothing, pyvis showed the node id).
        text = a.get("label") if a.get("label") is not None else a.get("name", n)
        colour = style.color(n)
        nodes.append({
            "id": str(n),
            "label": esc(str(text).strip()) if n in labelled else "",
            "title": tooltip(H, n),
            "shape": style.shape(n).vis,
            "color": colour,
            "size": round(size, 1),
            "font": {"size": round(degree_size(deg[n], max_deg, 12, 22), 1)},  # 36 px hub labels hid their neighbours
            "x": round(x * scale, 1),
            "y": round(y * scale, 1),
            "group_name": esc(style.node_groups.get(n, "")),
            "kind": esc(a.get("kind", "")),
        })
    edges = []
    for u, v, a in H.edges(data=True):
        kind = a.get("kind", "")
        e = {"from": str(u), "to": str(v), "kind": esc(kind),
             "color": {"color": "#9a9a9a" if kind != "member_of" else "#444444", "opacity": 0.5},
             "width": 1 + min(4.0, float(a.get("weight", 1)) ** 0.5 - 1) if a.get("weight") else 1}
        if kind == "member_of":
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
    # Beside the canvas, never over it: an overlay hid the nodes under it whatever corner it took.
    return ('<div id="atlas-legend" style="flex:0 0 190px;background:#fafafa;border:1px solid #ddd;'
            'padding:4px 8px;font:11px sans-serif;max-height:700px;overflow:auto;box-sizing:border-box">'
            '<details open><summary style="cursor:pointer">Legend</summary>'
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
    # Only the tooltip rules: the rest (220 kB, mostly navigation-button images) styles nothing we show.
    tooltip_css = "".join(rule + "}" for rule in css.split("}") if "vis-tooltip" in rule.split("{")[0])
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
  }})();
</script>
</body>
</html>
"""


def to_pyvis_html(H: nx.DiGraph, positions: Mapping[Any, tuple[float, float]] | None = None,
                  height: str = "720px", width: str = "100%", caption: str = "",
                  legend: bool = True) -> str:
    """A complete HTML page that draws H offline, with legend, PNG button and click-to-profile.

    The page is the one pyvis' template would make (vis-network inlined, physics off), written here
    directly: same data, no CDN links to strip, and no tooltip_link switch that could turn on
    innerHTML popups."""
    style = Style.of(H)
    nodes, edges = vis_data(H, positions, style)
    options = {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": len(edges) > 2000,
                        "hideEdgesOnZoom": len(edges) > 2000},
        "edges": {"smooth": False, "arrows": {"to": {"enabled": False}}},
        "nodes": {"borderWidth": 1, "font": {"face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"}},
    }
    js, css = _vis_assets()
    panel = _legend_html(style, caption or str(H.graph.get("view", ""))) if legend else ""
    page = _PAGE.format(css=css, js=js, width=esc(width), height=esc(height), panel=panel, nodes=_json(nodes),
                        edges=_json(edges), options=_json(options))
    i = page.rfind("</body>")
    return page[:i] + _SCRIPT + page[i:]
