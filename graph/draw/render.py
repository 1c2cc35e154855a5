"""The interactive graph as one self-contained HTML page (pyvis 0.3.2 / vis-network), drawn offline.

Facts this module relies on (measured on pyvis 0.3.2):
- only its inlined vis-network files draw without network (the template links CDNs), and importing
  pyvis costs ~1 s, so the page is written here around those files (same DataSet/Network globals);
- Network.add_node/add_edge scan all edges on each call (27 s for 26k edges), so node and edge
  dicts are built by graph.draw.vis_data;
- when any title contains "href" pyvis shows titles via innerHTML. Every data-derived string is
  html.escape()d, and our own script turns the escaped title into a text-only element;
- positions are precomputed (graph.draw.layout) and physics is off, so nodes do not drift;
- vis' fit() leaves labels out and centres nothing it cannot see: the page fits the nodes and their shown
  labels itself;
- vis' navigation buttons and keys zoom only while held (a tap did nothing): the page has its own.

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
from typing import Any, Iterable, Mapping

import networkx as nx

from graph.draw.style import Style
from graph.draw.tooltips import esc, tooltip  # noqa: F401 - tooltip: part of this module's interface
from graph.draw.vis_labels import label_scale, shorten
from graph.draw.vis_data import label_text, vis_data  # noqa: F401 - label_text: as tooltip

MIN_LABEL_PX = 11.0  # no name is drawn smaller on screen, even fitted into a phone's frame
STROKE_PX = 4.0  # the white outline round a name, in screen pixels (vis scales it with the zoom: at a big map's
# fitting zoom its 3 units were half a pixel, and names over a pile of letters could not be read)
ZOOM_STEP = 1.25  # one click of a zoom button or one key press: a step one notices, five of them triple
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
    # Only the tooltip rules: the rest styles nothing we show.
    tooltip_css = "".join(rule + "}" for rule in css.split("}") if "vis-tooltip" in rule.split("{")[0])
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
  #atlas-box {{ flex: 1 1 auto; min-width: 0; position: relative; }}
  #mynetwork {{ width: 100%; height: {height}; background-color: #ffffff; border: 1px solid lightgray;
               box-sizing: border-box; }}
  #atlas-zoom {{ position: absolute; right: 8px; bottom: 8px; display: flex; gap: 6px; }}
  #atlas-zoom button {{ width: 36px; height: 36px; font: bold 20px sans-serif; color: #222; background: #fff;
                       border: 1px solid #888; border-radius: 6px; cursor: pointer; padding: 0; }}
  #atlas-legend {{ flex: 0 0 190px; background: #fafafa; border: 1px solid #ddd; padding: 4px 8px;
                  font: 12px sans-serif; max-height: {height}; overflow: auto; box-sizing: border-box; }}
  /* A phone: the drawing takes the whole width (its height follows the drawing's shape), the legend
     goes under it and takes the rest of the frame. */
  @media (max-width: 640px) {{
    #atlas-wrap {{ flex-direction: column; align-items: stretch; height: 100vh; }}
    #atlas-box {{ flex: 0 0 auto; }}
    #mynetwork {{ height: min({height}, calc(100vh - 150px)); }}
    #atlas-legend {{ flex: 1 1 auto; width: 100%; max-height: none; min-height: 0; }}
  }}
</style>
</head>
<body>
<div id="atlas-wrap"><div id="atlas-box"><div id="mynetwork" class="card-body" tabindex="0"></div>
<div id="atlas-zoom"><button type="button" id="atlas-zoom-out" title="Zoom out (key -)" aria-label="Zoom out">−</button><button type="button" id="atlas-zoom-in" title="Zoom in (key +)" aria-label="Zoom in">+</button><button type="button" id="atlas-fit" title="Show the whole drawing (key 0)" aria-label="Show the whole drawing">⤢</button></div></div>{panel}</div>
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
    var data = nodes.get(), texts = {{}}, base = {{}}, level = {{}}, small = Infinity;
    data.forEach(function (n) {{
      texts[n.id] = unescapeText(n.label || ""); base[n.id] = n.font.size; level[n.id] = n.labelZoom;
      if (n.labelZoom) small = Math.min(small, n.font.size);
    }});
    nodes.update(data.map(function (n) {{ return {{id: n.id, label: ""}}; }}));
    edges = new vis.DataSet({edges});
    network = new vis.Network(container, {{nodes: nodes, edges: edges}}, {options});
    // Every label is drawn at one size on screen, `grow` screen pixels per unit of its font (at least
    // minPx for the smallest): at zoom s a label of level z (graph.draw.vis_labels) is shown once
    // s >= grow * z, or while hovered. A phone fits the drawing at a small zoom: fewer names, as big.
    var focus = {focus}, framed = {framed}, minPx = {min_px}, touched = false, grow = 1.0, hovered = null, shown = {{}};
    var drawnAt = null, pending = false, pen = document.createElement("canvas").getContext("2d");
    function growAt(s) {{ return Math.max(s, small < Infinity ? minPx / small : 0); }}
    function textPx(text, px) {{ pen.font = px + "px sans-serif"; return pen.measureText(text).width + {stroke_px}; }}
    // Fit the nodes (first the framed ones: a searched organization and its neighbours; `whole`: all) and
    // the names shown at the fitting zoom, centred (on the searched organization, if any, until the whole
    // drawing is asked for: the camera moves, never the nodes); never beyond 1:1 (a 3-node graph would be giant discs).
    function frame(whole) {{
      var w = container.clientWidth, h = container.clientHeight;
      if (!data.length || !w || !h) {{ network.fit({{animation: false}}); labels(); return; }}
      var l = Infinity, t = Infinity, r = -Infinity, b = -Infinity;
      var fitted = (framed && !whole) ? data.filter(function (n) {{ return framed[n.id]; }}) : data;
      fitted.forEach(function (n) {{
        l = Math.min(l, n.x - n.size); r = Math.max(r, n.x + n.size);
        t = Math.min(t, n.y - n.size); b = Math.max(b, n.y + n.size);
      }});
      var c = {{x: (l + r) / 2, y: (t + b) / 2}};
      if (focus !== null && nodes.get(focus) && !whole) c = network.getPositions([focus])[focus];
      var s = Math.min(1.0, 0.96 * Math.min(w / (2 * Math.max(c.x - l, r - c.x, 1)),
                                            h / (2 * Math.max(c.y - t, b - c.y, 1))));
      for (var k = 0; k < 12; k++) {{  // names are as wide on screen at any zoom: shrink until they fit too
        var g = growAt(s), ex = 1, ey = 1;
        fitted.forEach(function (n) {{
          var dx = Math.abs(n.x - c.x), top = (n.y + n.size - c.y) * s;
          ex = Math.max(ex, (dx + n.size) * s); ey = Math.max(ey, (Math.abs(n.y - c.y) + n.size) * s);
          if (level[n.id] && s >= g * level[n.id] * 0.999) {{
            var px = base[n.id] * g;
            ex = Math.max(ex, dx * s + textPx(texts[n.id], px) / 2);
            ey = Math.max(ey, Math.abs(top), Math.abs(top + 1.3 * px));
          }}
        }});
        var fit = 0.96 * Math.min(w / (2 * ex), h / (2 * ey));
        if (fit >= 1) break;
        s *= fit;
      }}
      network.moveTo({{position: c, scale: s, animation: false}});
      grow = growAt(s);
      labels();
    }}
    function labels() {{
      pending = false;
      var s = network.getScale(), ups = [];
      drawnAt = s;
      data.forEach(function (n) {{
        var z = level[n.id], on = (z > 0 && s >= grow * z * 0.999) || n.id === hovered;
        var size = on ? Math.round(base[n.id] * grow / s * 100) / 100 : base[n.id];
        var label = on ? texts[n.id] : "", was = shown[n.id];
        if (!was || was[0] !== label || was[1] !== size) {{
          shown[n.id] = [label, size];
          ups.push({{id: n.id, label: label, font: {{size: size, strokeWidth: Math.round({stroke_px} / s * 100) / 100}}}});
        }}
      }});
      if (ups.length) nodes.update(ups);
    }}
    function later() {{ if (!pending) {{ pending = true; window.requestAnimationFrame(labels); }} }}
    network.on("afterDrawing", function () {{ if (network.getScale() !== drawnAt) later(); }});
    network.on("hoverNode", function (p) {{ hovered = p.node; later(); }});
    network.on("blurNode", function () {{ hovered = null; later(); }});
    // A phone's frame is tall and the drawing wide: the frame takes the drawing's shape, the legend the rest.
    if (window.matchMedia("(max-width: 640px)").matches && data.length > 1) {{
      var xs = data.map(function (n) {{ return n.x; }}), ys = data.map(function (n) {{ return n.y; }});
      var wide = (Math.max.apply(null, xs) - Math.min.apply(null, xs) + 1) /
                 (Math.max.apply(null, ys) - Math.min.apply(null, ys) + 1);
      // a quarter more than the drawing's shape (names under the bottom row, the zoom buttons); at least
      // 300 px (a thin strip of a drawing is still a drawing to touch)
      var tall = Math.min(container.clientHeight, Math.max(300, container.clientWidth / wide * 1.25));
      container.style.height = Math.round(tall) + "px";
      network.setSize("100%", "100%");
    }}
    var whole = false;  // ⤢ or 0 asked for the whole drawing
    frame(whole);
    // The frame may get its size after the first fit: fit again, until the reader moves the drawing.
    network.on("resize", function () {{ if (!touched) frame(whole); }});
    network.on("dragStart", function () {{ touched = true; }});
    network.on("zoom", function () {{ touched = true; }});
    // One click or tap, or one key press, is one zoom step (vis' own buttons zoomed only while held).
    function zoomBy(f) {{
      touched = true;
      network.moveTo({{position: network.getViewPosition(), scale: network.getScale() * f, animation: false}});
    }}
    function pan(dx, dy) {{
      touched = true;
      var p = network.getViewPosition(), s = network.getScale();
      network.moveTo({{position: {{x: p.x + dx * container.clientWidth / 8 / s, y: p.y + dy * container.clientHeight / 8 / s}},
                      scale: s, animation: false}});
    }}
    document.getElementById("atlas-zoom-in").addEventListener("click", function () {{ zoomBy({zoom_step}); }});
    document.getElementById("atlas-zoom-out").addEventListener("click", function () {{ zoomBy(1 / {zoom_step}); }});
    document.getElementById("atlas-fit").addEventListener("click", function () {{ touched = false; whole = true; frame(true); }});
    var keys = {{"+": function () {{ zoomBy({zoom_step}); }}, "=": function () {{ zoomBy({zoom_step}); }},
                "-": function () {{ zoomBy(1 / {zoom_step}); }}, "_": function () {{ zoomBy(1 / {zoom_step}); }},
                "0": function () {{ touched = false; whole = true; frame(true); }},
                "ArrowLeft": function () {{ pan(-1, 0); }}, "ArrowRight": function () {{ pan(1, 0); }},
                "ArrowUp": function () {{ pan(0, -1); }}, "ArrowDown": function () {{ pan(0, 1); }}}};
    window.addEventListener("keydown", function (e) {{
      if (e.ctrlKey || e.metaKey || e.altKey || !keys[e.key]) return;
      keys[e.key](); e.preventDefault();
    }});
  }})();
</script>
</body>
</html>
"""


def to_pyvis_html(H: nx.DiGraph, positions: Mapping[Any, tuple[float, float]] | None = None,
                  height: str = "720px", width: str = "100%", caption: str = "",
                  legend: bool = True, label_zoom: float | None = None, title: str = "",
                  framed: Iterable = ()) -> str:
    """A complete HTML page that draws H offline, with legend, PNG button and click-to-profile; `title`
    (default: the caption, or DEFAULT_TITLE) names the view in the page's <title>. The camera first fits
    the `framed` nodes (a searched organization and its neighbours; default: all), with names sized for
    them; ⤢ shows the whole drawing.

    The page is the one pyvis' template would make (vis-network inlined, physics off), written here
    directly: same data, no CDN links to strip, and no tooltip_link switch that could turn on
    innerHTML popups."""
    style = Style.of(H)
    framed = [n for n in framed if n in H]
    if framed and label_zoom is None and positions is not None:
        label_zoom = label_scale({n: positions[n] for n in framed if n in positions})
    nodes, edges = vis_data(H, positions, style, label_zoom)
    options = {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": len(edges) > MANY_EDGES,
                        "hideEdgesOnZoom": len(edges) > MANY_EDGES},
        "edges": {"smooth": False, "arrows": {"to": {"enabled": False}}},
        "nodes": {"borderWidth": 1, "font": {"face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"}},
    }
    js, css = _vis_assets()
    caption = caption or str(H.graph.get("view", ""))
    panel = _legend_html(style, caption) if legend else ""
    focus = next((str(n) for n, a in H.nodes(data=True) if a.get("focus")), None)
    page = _PAGE.format(css=css, js=js, width=esc(width), height=esc(height), panel=panel, nodes=_json(nodes),
                        edges=_json(edges), options=_json(options), focus=_json(focus),
                        framed=_json({str(n): 1 for n in framed} or None), min_px=MIN_LABEL_PX,
                        zoom_step=ZOOM_STEP, stroke_px=STROKE_PX,
                        title=esc(shorten(title or caption or DEFAULT_TITLE, TITLE_CHARS)))
    i = page.rfind("</body>")
    return page[:i] + _SCRIPT + page[i:]
