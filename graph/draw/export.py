"""The current view as files other tools open as their own: Gephi (dynamic GEXF), Cytoscape and
yEd (GraphML), spreadsheets (CSV tables), code and D3 (node-link JSON with `links`), Kumu (xlsx or
JSON blueprint), images (PNG, SVG, PDF), the interactive page, and one zip with everything,
including the co-signature network.

Every export first cleans the text (cells.clean_graph: no control characters, no lone
surrogates), so a hostile letter can neither break a file nor crash the export.

>>> import networkx as nx
>>> G = nx.DiGraph(); G.add_edge("org:a", "letter:b", kind="signed")
>>> import json; sorted(json.loads(export(G, "json")))
['directed', 'graph', 'links', 'multigraph', 'nodes']
>>> filename("kumu_xlsx"), filename("csv", network="cosignature")
('coalition-graph-kumu.xlsx', 'coalition-cosignature-tables.zip')
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Callable

import networkx as nx

from graph.draw import tables
from graph.draw.archive import zip_files
from graph.draw.cells import clean_graph, clean_value
from graph.draw.flat import flatten_graph
from graph.draw.gexf import gexf
from graph.draw.graphml import graphml
from graph.network.cosignature import MIN_SHARED, for_export, positions as layout_positions


@dataclass(frozen=True)
class Format:
    ext: str
    mime: str
    description: str
    suffix: str = ""  # added to the file stem, where the extension alone does not say what it is


FORMATS: dict[str, Format] = {
    "png": Format("png", "image/png", "Image (PNG)"),
    "svg": Format("svg", "image/svg+xml", "Image (SVG, scalable, editable text)"),
    "pdf": Format("pdf", "application/pdf", "Image (PDF, embedded TrueType fonts)"),
    "html": Format("html", "text/html", "Interactive page (works offline)"),
    "gexf": Format("gexf", "application/xml", "Gephi (GEXF, with timeline)"),
    "graphml": Format("graphml", "application/xml", "Cytoscape / Gephi (GraphML)"),
    "graphml_yed": Format("graphml", "application/xml", "yEd (GraphML with yFiles graphics)", "-yed"),
    "csv": Format("zip", "application/zip", "Spreadsheet tables, one CSV per kind (zip)", "-tables"),
    "json": Format("json", "application/json", "Node-link JSON (networkx, D3)"),
    "kumu_xlsx": Format("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        "Kumu (Excel import: Elements + Connections)", "-kumu"),
    "kumu": Format("json", "application/json", "Kumu blueprint (JSON)", "-kumu"),
    "zip": Format("zip", "application/zip", "Everything above in one zip, with the co-signature network"),
}
IMAGE_FORMATS = ("png", "svg", "pdf")


def _json(H: nx.Graph, **_: Any) -> bytes:
    data = nx.node_link_data(H, edges="links")  # what networkx >= 3.2 and D3 examples read
    return json.dumps(data, ensure_ascii=False, indent=1, default=str).encode("utf-8")


def _image(fmt: str) -> Callable[..., bytes]:
    def run(H: nx.Graph, **opts: Any) -> bytes:
        from graph.draw.images import render_image

        return render_image(H, fmt, **{k: v for k, v in opts.items() if k in ("positions", "dpi", "caption",
                                                                           "title", "width")})
    return run


def _html(H: nx.Graph, positions=None, caption: str = "", height: str = "720px", **_: Any) -> bytes:
    from graph.draw.render import to_pyvis_html

    if not H.is_directed():  # the page's tooltips walk successors; each tie once, as the app's tie view
        D = nx.DiGraph()
        D.graph.update(H.graph)
        D.add_nodes_from(H.nodes(data=True))
        D.add_edges_from(H.edges(data=True))
        H = D
    return to_pyvis_html(H, positions=positions, caption=caption, height=height).encode("utf-8")


def _gexf(H: nx.Graph, positions=None, letter_dates=None, caption: str = "", **_: Any) -> bytes:
    return gexf(H, flatten_graph(H), positions, letter_dates=letter_dates,
                name=caption or str(H.graph.get("view", "")))


def data_files(H: nx.Graph, positions, stem: str, letter_dates=None, caption: str = "") -> dict[str, bytes]:
    """Every data format of H, by file name."""
    F = flatten_graph(H)
    return {f"{stem}.gexf": gexf(H, F, positions, letter_dates=letter_dates, name=caption),
            f"{stem}.graphml": graphml(F, positions), f"{stem}-yed.graphml": graphml(F, positions, yed=True),
            f"{stem}.json": _json(H), f"{stem}-kumu.xlsx": tables.kumu_xlsx(H), f"{stem}-kumu.json": tables.kumu_json(H),
            **{f"{stem}-tables/{name}": body for name, body in tables.csv_tables(H).items()}}


README = """Coalition Atlas export

{view}

{nodes} nodes, {edges} edges. Files:
  graph.html                     interactive graph, open in a browser (works offline)
  graph.png, graph.svg, graph.pdf  images (same layout and colours as the app)
  graph.gexf                     Gephi: File > Open; the timeline plays letters by date
  graph.graphml                  Cytoscape (File > Import > Network from File) or Gephi
  graph-yed.graphml              yEd: opens laid out and coloured
  graph.json                     node-link JSON (networkx.node_link_graph(data, edges="links"), D3)
  graph-kumu.xlsx                Kumu: Import > Excel (Elements and Connections sheets)
  graph-kumu.json                Kumu blueprint
  graph-tables/                  one CSV per kind of node and of edge
  cosignature/                   every format again for the co-signature network: organizations
                                 joined by {min_shared}+ letters signed together (count, jaccard, weight, p)
"""


def _network_files(H: nx.Graph, positions, stem: str, images: bool, caption: str, letter_dates=None,
                   **opts: Any) -> dict[str, bytes]:
    """One network in every format: page, images (unless `images` is false), data."""
    files = {f"{stem}.html": _html(H, positions=positions, caption=caption)}
    if images:
        for fmt in IMAGE_FORMATS:
            files[f"{stem}.{fmt}"] = _image(fmt)(H, positions=positions, caption=caption, **opts)
    return {**files, **data_files(H, positions, stem, letter_dates=letter_dates, caption=caption)}


def _bundle(H: nx.Graph, positions=None, images: bool = True, backbone: bool = False, caption: str = "",
            **opts: Any) -> bytes:
    opts.pop("letter_dates", None)  # the bipartite view has its letters; the co-signature one takes theirs
    files = {"README.txt": README.format(view=H.graph.get("view", ""), nodes=H.number_of_nodes(),
                                         edges=H.number_of_edges(), min_shared=MIN_SHARED).encode("utf-8"),
             **_network_files(H, positions, "graph", images, caption, **opts)}
    if H.graph.get("network") != "cosignature":
        T, t_caption, dates = for_export(H, caption, "cosignature", backbone)
        at = {n: positions[n] for n in T if n in positions}  # organizations stay where the picture has them
        files.update(_network_files(T, at, "cosignature/network", images, t_caption, dates, **opts))
    return zip_files(files)


_WRITERS: dict[str, Callable[..., bytes]] = {
    "png": _image("png"), "svg": _image("svg"), "pdf": _image("pdf"), "html": _html, "gexf": _gexf,
    "graphml": lambda H, positions=None, **o: graphml(flatten_graph(H), positions),
    "graphml_yed": lambda H, positions=None, **o: graphml(flatten_graph(H), positions, yed=True),
    "csv": lambda H, **o: zip_files(tables.csv_tables(H)), "json": _json,
    "kumu_xlsx": lambda H, **o: tables.kumu_xlsx(H), "kumu": lambda H, **o: tables.kumu_json(H),
    "zip": _bundle,
}


def export(H: nx.Graph, fmt: str, positions=None, **opts: Any) -> bytes:
    """H in format `fmt` (a key of FORMATS). Options: positions (default: the app's layout), dpi,
    caption, title, width ("single" or "double" journal column), images and backbone (zip),
    letter_dates (GEXF of a co-signature network: its letters' dates)."""
    if fmt not in _WRITERS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    C = clean_graph(H)
    if positions is None:
        positions = layout_positions(C)
    else:
        positions = {clean_value(n): xy for n, xy in positions.items()}
    return _WRITERS[fmt](C, positions=positions, **clean_value(opts))  # captions quote letter titles


def filename(fmt: str, network: str = "bipartite") -> str:
    """Suggested download name: filename("png") -> "coalition-graph.png"."""
    f = FORMATS[fmt]
    stem = "coalition-cosignature" if network == "cosignature" else "coalition-graph"
    return f"{stem}{f.suffix}.{f.ext}"
