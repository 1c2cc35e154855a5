"""The interactive graph's page as text: its HTML, style and scripts, with str.format slots that
graph.draw.render fills (the inlined vis-network files, the node and edge data, the options, the legend).

Separate from graph.draw.render, which decides what goes into the page: here is what the page does in the
browser (fitting the nodes and their names, names one size on screen at any zoom, zoom buttons and keys, a phone's
layout, titles as text-only elements, click-to-profile, Save as PNG).
"""

PAGE = """<!DOCTYPE html>
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

# Appended before </body>: titles as text-only elements, the drawn mark, clicks, Save as PNG.
SCRIPT = """
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
