"""The interactive graph as one self-contained HTML page (pyvis 0.3.2 / vis-network), drawn offline.

Facts this module relies on (measured on pyvis 0.3.2):
- only its inlined vis-network files draw without network (the template links CDNs), and importing
  pyvis costs ~1 s, so the page is written here around those files (same DataSet/Network globals);
- Network.add_node/add_edge scan all edges on each call (27 s for 26k edges), so node and edge
  dicts are built by graph.draw.vis_data;
- when any title contains "href" pyvis shows titles via innerHTML. Every data-derived string is
  html.escape()d, and our own script turns the escaped title into a text-only element;
- positions are precomputed (graph.draw.layout) and physics is off, so nodes do not drift;
- vis' fit() leaves labels out and centres nothing it cannot see: the page fits the box of the nodes and
  of their shown labels itself (graph.draw.vis_data.frame_box).

>>> import networkx as nx
>>> G = nx.DiGraph()
>>> G.add_node("org:x", kind="organization", label="<b>X</b>", tags=[])
>>> html = to_pyvis_html(G, title="Who signs with whom")
>>> "<b>X</b>" in html, "&lt;b&gt;X" in html.replace("\\\\u0026", "&"), html.startswith("<!DOCTYPE html>")
(False, True, True)
"""
from __future__ import annotations

import importlib.util
import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

import networkx as nx

from graph.draw.style import Style
from graph.draw.tooltips import esc, tooltip  # noqa: F401 - tooltip: part of this module's interface
from graph.draw.vis_labels import shorten
from graph.draw.vis_data import frame_box, label_text, vis_data  # noqa: F401 - label_text: as tooltip

MIN_LABEL_PX = 12.0  # zooming in, a label grows until at least this many pixels tall, then keeps its size
DEFAULT_TITLE = "Coalition Atlas: co-signature graph"
TITLE_CHARS = 200  # a browser tab or bookmark shows far less; the caption in the legend has it all
MANY_EDGES = 2000  # above this, redrawing every edge while the user drags or zooms makes the page stutter


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
  // Titles arrive html-escaped and become text-only elements (escaped text parsed as HTML yields only
  // text); labels were decoded for the canvas by the page script.
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


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{css}</style>
<script type="text/javascript">{js}</script>
<style type="text/css">
  body {{ margin: 0; font-family: sans-serif; }}
  #atlas-wrap {{ display: flex; align-items: flex-start; gap: 6px; width: {width}; }}
  #mynetwork {{ flex: 1 1 auto; min-width: 0; height: {height}; background-color: #ffffff;
               border: 1px solid lightgray; position: relative; }}
  #atlas-legend {{ flex: 0 0 190px; background: #fafafa; border: 1px solid #ddd; padding: 4px 8px;
                  font: 11px sans-serif; max-height: {height}; overflow: auto; box-sizing: border-box; }}
  /* A phone: the drawing takes the whole width and most of the frame, the legend goes under it. */
  @media (max-width: 640px) {{
    #atlas-wrap {{ flex-direction: column; }}
    #mynetwork {{ width: 100%; flex: 0 0 auto; height: min({height}, calc(100vh - 150px)); }}
    #atlas-legend {{ flex: 0 0 auto; width: 100%; max-height: 140px; }}
  }}
</style>
</head>
<body>
<div id="atlas-wrap"><div id="mynetwork" class="card-body" tabindex="0"></div>{panel}</div>
<script type="text/javascript">
  var nodes, edges, network;
  (function () {{
    // Labels arrive html-escaped (the data is escaped once for every use); the canvas draws them as text.
    function unescapeText(s) {{
      return String(s).replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"')
        .replace(/&#x27;/g, "'").replace(/&amp;/g, "&");
    }}
    var container = document.getElementById("mynetwork");
    nodes = new vis.DataSet({nodes});
    var data = nodes.get(), texts = {{}}, base = {{}}, level = {{}};
    data.forEach(function (n) {{ texts[n.id] = unescapeText(n.label || ""); base[n.id] = n.font.size; level[n.id] = n.labelZoom; }});
    nodes.update(data.map(function (n) {{ return {{id: n.id, label: level[n.id] === 1 ? texts[n.id] : ""}}; }}));
    edges = new vis.DataSet({edges});
    network = new vis.Network(container, {{nodes: nodes, edges: edges}}, {options});
    // Fit the box of the nodes and their shown labels, centred (vis would zoom a 3-node graph to giant
    // discs: never beyond 1:1); a searched organization is then put in the middle.
    var focus = {focus}, box = {box}, minPx = {min_px}, touched = false;
    function frame() {{
      var w = container.clientWidth, h = container.clientHeight;
      if (!box || !w || !h) {{ network.fit({{animation: false}}); }} else {{
        var c = {{x: (box[0] + box[2]) / 2, y: (box[1] + box[3]) / 2}};
        if (focus !== null && nodes.get(focus)) c = network.getPositions([focus])[focus];
        // half the box's width and height as seen from the centre (the focus may be off the middle)
        var hw = Math.max(c.x - box[0], box[2] - c.x, 1), hh = Math.max(c.y - box[1], box[3] - c.y, 1);
        var scale = Math.min(1.0, 0.96 * Math.min(w / (2 * hw), h / (2 * hh)));
        network.moveTo({{position: c, scale: scale, animation: false}});
      }}
      // Zooming in, labels keep the size they have at the fitting zoom (or grow to minPx first)...
      var small = Infinity;
      data.forEach(function (n) {{ if (level[n.id]) small = Math.min(small, base[n.id]); }});
      grow = Math.max(network.getScale(), small < Infinity ? minPx / small : 0);
      labels();
    }}
    // ... and the others appear from the zoom at which theirs fits (graph.draw.vis_labels.zoom_levels),
    // or while hovered.
    var grow = 1.0, hovered = null, shown = {{}}, drawnAt = null, pending = false;
    function labels() {{
      pending = false;
      var s = network.getScale(), ups = [];
      drawnAt = s;
      data.forEach(function (n) {{
        var z = level[n.id], on = z === 1 || (z > 1 && s >= grow * z * 0.999) || n.id === hovered;
        var size = on ? Math.round(base[n.id] * Math.min(1, grow / s) * 100) / 100 : base[n.id];
        var label = on ? texts[n.id] : "", was = shown[n.id];
        if (!was || was[0] !== label || was[1] !== size) {{
          shown[n.id] = [label, size];
          ups.push({{id: n.id, label: label, font: {{size: size}}}});
        }}
      }});
      if (ups.length) nodes.update(ups);
    }}
    function later() {{ if (!pending) {{ pending = true; window.requestAnimationFrame(labels); }} }}
    network.on("afterDrawing", function () {{ if (network.getScale() !== drawnAt) later(); }});
    network.on("hoverNode", function (p) {{ hovered = p.node; later(); }});
    network.on("blurNode", function () {{ hovered = null; later(); }});
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
                  legend: bool = True, label_zoom: float | None = None, title: str = "") -> str:
    """A complete HTML page that draws H offline, with legend, PNG button and click-to-profile; `title`
    (default: the caption, or DEFAULT_TITLE) names the view in the page's <title>.

    The page is the one pyvis' template would make (vis-network inlined, physics off), written here
    directly: same data, no CDN links to strip, and no tooltip_link switch that could turn on
    innerHTML popups."""
    style = Style.of(H)
    nodes, edges = vis_data(H, positions, style, label_zoom)
    options = {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": len(edges) > MANY_EDGES,
                        "hideEdgesOnZoom": len(edges) > MANY_EDGES, "navigationButtons": True,
                        "keyboard": {"enabled": True, "bindToWindow": True}},
        "edges": {"smooth": False, "arrows": {"to": {"enabled": False}}},
        "nodes": {"borderWidth": 1, "font": {"face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"}},
    }
    js, css = _vis_assets()
    caption = caption or str(H.graph.get("view", ""))
    panel = _legend_html(style, caption) if legend else ""
    focus = next((str(n) for n, a in H.nodes(data=True) if a.get("focus")), None)
    box = frame_box(nodes)
    page = _PAGE.format(css=css, js=js, width=esc(width), height=esc(height), panel=panel, nodes=_json(nodes),
                        edges=_json(edges), options=_json(options), focus=_json(focus),
                        box=_json([round(v, 1) for v in box] if box else None), min_px=MIN_LABEL_PX,
                        title=esc(shorten(title or caption or DEFAULT_TITLE, TITLE_CHARS)))
    i = page.rfind("</body>")
    return page[:i] + _SCRIPT + page[i:]
