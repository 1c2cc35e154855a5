"""The interactive graph as one self-contained HTML page (pyvis 0.3.2 / vis-network), drawn offline.

Facts this module relies on (measured on pyvis 0.3.2):
- only its inlined vis-network files draw without network (the template links CDNs), and importing
  pyvis costs ~1 s, so the page (graph.draw.vis_page) is written around those files (same DataSet/Network
  globals);
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
from graph.draw.vis_page import PAGE, SCRIPT

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
    page = PAGE.format(css=css, js=js, width=esc(width), height=esc(height), panel=panel, nodes=_json(nodes),
                        edges=_json(edges), options=_json(options), focus=_json(focus),
                        framed=_json({str(n): 1 for n in framed} or None), min_px=MIN_LABEL_PX,
                        zoom_step=ZOOM_STEP, stroke_px=STROKE_PX,
                        title=esc(shorten(title or caption or DEFAULT_TITLE, TITLE_CHARS)))
    i = page.rfind("</body>")
    return page[:i] + SCRIPT + page[i:]
