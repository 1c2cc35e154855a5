"""The current view as files other tools open: Gephi (GEXF), Cytoscape/yEd (GraphML), spreadsheets
(CSV), code (node-link JSON), Kumu (JSON blueprint or element/connection CSVs), images, the
interactive page, and one zip with everything.

GEXF and GraphML hold only scalars: lists and dicts are flattened to strings at export time
(lists "; "-joined, flat dicts as "key=value; ...", nested data as JSON), None becomes "", and an
attribute whose values have different types across nodes is written as a string throughout, so
the file reads back with exactly these values (see `flatten_graph`).

>>> import networkx as nx
>>> G = nx.DiGraph()
>>> G.add_node("org:a", kind="organization", label="A", tags=["women", "ethnic"], n_letters=2)
>>> flatten_graph(G).nodes["org:a"]["tags"]
'women; ethnic'
>>> sorted(FORMATS)[:4]
['csv', 'edges_csv', 'gexf', 'graphml']
"""
from __future__ import annotations

import csv
import io
import json
import zipfile
from dataclasses import dataclass
from typing import Any, Callable

import networkx as nx


@dataclass(frozen=True)
class Format:
    ext: str
    mime: str
    description: str


FORMATS: dict[str, Format] = {
    "png": Format("png", "image/png", "Image (PNG)"),
    "svg": Format("svg", "image/svg+xml", "Image (SVG, scalable)"),
    "pdf": Format("pdf", "application/pdf", "Image (PDF)"),
    "html": Format("html", "text/html", "Interactive page (works offline)"),
    "gexf": Format("gexf", "application/xml", "Gephi (GEXF)"),
    "graphml": Format("graphml", "application/xml", "Cytoscape / yEd (GraphML)"),
    "csv": Format("zip", "application/zip", "Spreadsheet: nodes.csv + edges.csv (zip)"),
    "nodes_csv": Format("csv", "text/csv", "Spreadsheet: nodes (CSV)"),
    "edges_csv": Format("csv", "text/csv", "Spreadsheet: edges (CSV)"),
    "json": Format("json", "application/json", "Node-link JSON (networkx, D3)"),
    "kumu": Format("json", "application/json", "Kumu blueprint (JSON)"),
    "kumu_csv": Format("zip", "application/zip", "Kumu elements + connections (CSV, zip)"),
    "zip": Format("zip", "application/zip", "Everything above in one zip"),
}

_ZIP_DATE = (2020, 1, 1, 0, 0, 0)  # fixed, so the same view gives the same zip bytes


def flat(value: Any) -> Any:
    """One attribute value as a GEXF/GraphML scalar.

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


def _unify(rows: list[dict]) -> None:
    """Make each key hold one type across rows (mixed -> str); bool stays bool, int+float -> float."""
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


def flatten_graph(H: nx.DiGraph) -> nx.DiGraph:
    """A copy of H holding only scalar attributes, as written to GEXF and GraphML (every node gets
    a label, its id when it has none, since Gephi shows labels and GEXF readers invent one)."""
    F = nx.DiGraph()
    node_rows = {n: {"label": str(n), **{k: flat(v) for k, v in a.items()}} for n, a in H.nodes(data=True)}
    edge_rows = {(u, v): {k: flat(x) for k, x in a.items()} for u, v, a in H.edges(data=True)}
    _unify(list(node_rows.values()))
    _unify(list(edge_rows.values()))
    F.add_nodes_from((str(n), r) for n, r in node_rows.items())
    F.add_edges_from((str(u), str(v), r) for (u, v), r in edge_rows.items())
    return F


def _gexf(H: nx.DiGraph, positions=None, **_: Any) -> bytes:
    F = flatten_graph(H)
    if positions:
        from .style import Style

        style = Style.of(H)
        for n in H:
            c = style.color(n).lstrip("#")
            x, y = positions.get(n, (0.0, 0.0))
            F.nodes[str(n)]["viz"] = {
                "position": {"x": float(x) * 1000, "y": float(-y) * 1000, "z": 0.0},
                "color": {"r": int(c[0:2], 16), "g": int(c[2:4], 16), "b": int(c[4:6], 16), "a": 1.0},
                "size": 5.0 + H.degree(n),
            }
    buf = io.BytesIO()
    nx.write_gexf(F, buf, prettyprint=False)  # indenting cost ~1/4 of the time at 10k nodes
    return buf.getvalue()


def _graphml(H: nx.DiGraph, **_: Any) -> bytes:
    buf = io.BytesIO()
    nx.write_graphml(flatten_graph(H), buf, named_key_ids=True, prettyprint=False)
    return buf.getvalue()


def _csv(header: list[str], rows: list[dict]) -> bytes:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=header, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({k: flat(r.get(k, "")) for k in header})
    return buf.getvalue().encode("utf-8-sig")  # BOM: Excel then reads Burmese names as UTF-8


def _columns(rows: list[dict], first: list[str]) -> list[str]:
    rest = sorted({k for r in rows for k in r} - set(first))
    return first + rest


def nodes_csv(H: nx.DiGraph, **_: Any) -> bytes:
    rows = [{"id": n, **a} for n, a in H.nodes(data=True)]
    return _csv(_columns(rows, ["id", "kind", "label"]), rows)


def edges_csv(H: nx.DiGraph, **_: Any) -> bytes:
    rows = [{"source": u, "target": v, **a} for u, v, a in H.edges(data=True)]
    return _csv(_columns(rows, ["source", "target", "kind"]), rows)


def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(zipfile.ZipInfo(name, _ZIP_DATE), data, compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def _json(H: nx.DiGraph, **_: Any) -> bytes:
    data = nx.node_link_data(H, edges="edges")
    return json.dumps(data, ensure_ascii=False, indent=1, default=str).encode("utf-8")


KUMU_TYPES = {"organization": "Organization", "letter": "Letter", "demand": "Demand", "group": "Group"}


def kumu_data(H: nx.DiGraph) -> dict:
    """Kumu blueprint: {"elements": [...], "connections": [...]} with ids (labels may repeat)."""
    elements = []
    for n, a in H.nodes(data=True):
        e = {"id": str(n), "label": str(a.get("label") or n),
             "type": KUMU_TYPES.get(a.get("kind", ""), str(a.get("kind", "")).title())}
        desc = a.get("title") or a.get("description") or ""
        if desc:
            e["description"] = str(desc)
        if a.get("tags"):
            e["tags"] = [str(t) for t in a["tags"]]
        for k in ("country", "ethnicity", "date", "file", "n_letters", "count"):
            if a.get(k) not in (None, "", 0):
                e[k.replace("_", " ").title()] = a[k]
        if a.get("aliases"):
            e["Aliases"] = flat(a["aliases"])
        elements.append(e)
    connections = []
    for i, (u, v, a) in enumerate(H.edges(data=True)):
        c = {"id": f"c{i}", "from": str(u), "to": str(v), "type": str(a.get("kind", "")).replace("_", " "),
             "direction": "directed"}
        if a.get("weight"):
            c["Weight"] = a["weight"]
        connections.append(c)
    return {"elements": elements, "connections": connections}


def _kumu(H: nx.DiGraph, **_: Any) -> bytes:
    return json.dumps(kumu_data(H), ensure_ascii=False, indent=1, default=str).encode("utf-8")


def kumu_csv_files(H: nx.DiGraph) -> dict[str, bytes]:
    """Kumu's spreadsheet import: an elements sheet (ID first, Label) and a connections sheet
    (From, To by ID); several values in one cell are separated by "|"."""
    data = kumu_data(H)

    def cell(v: Any) -> Any:
        return "|".join(map(str, v)) if isinstance(v, list) else v

    el = [{("ID" if k == "id" else k.title() if k in ("label", "type", "description", "tags") else k): cell(v)
           for k, v in e.items()} for e in data["elements"]]
    co = [{("ID" if k == "id" else k.title() if k in ("from", "to", "type", "direction") else k): cell(v)
           for k, v in c.items()} for c in data["connections"]]
    return {"kumu-elements.csv": _csv(_columns(el, ["ID", "Label", "Type", "Description", "Tags"]), el),
            "kumu-connections.csv": _csv(_columns(co, ["From", "To", "Type", "Direction"]), co)}


def _readme(H: nx.DiGraph) -> bytes:
    lines = ["Coalition Atlas export", "", str(H.graph.get("view", "")), "",
             f"{H.number_of_nodes()} nodes, {H.number_of_edges()} edges.", "", "Files:"]
    for name, what in [("graph.html", "interactive graph, open in a browser (works offline)"),
                       ("graph.gexf", "Gephi"), ("graph.graphml", "Cytoscape, yEd"),
                       ("nodes.csv, edges.csv", "spreadsheets (lists are '; '-joined)"),
                       ("graph.json", "node-link JSON"), ("kumu.json", "Kumu blueprint (drop onto a map)"),
                       ("kumu-elements.csv, kumu-connections.csv", "Kumu spreadsheet import"),
                       ("graph.png, graph.svg", "images")]:
        lines.append(f"  {name}: {what}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _bundle(H: nx.DiGraph, positions=None, images: bool = True, dpi: int = 150, caption: str = "",
            **_: Any) -> bytes:
    if positions is None:
        from .view import layout

        positions = layout(H)
    files = {"README.txt": _readme(H),
             "graph.html": export(H, "html", positions=positions, caption=caption),
             "graph.gexf": _gexf(H, positions=positions), "graph.graphml": _graphml(H),
             "nodes.csv": nodes_csv(H), "edges.csv": edges_csv(H), "graph.json": _json(H),
             "kumu.json": _kumu(H), **kumu_csv_files(H)}
    if images:
        from .images import render_image

        for fmt in ("png", "svg"):
            files[f"graph.{fmt}"] = render_image(H, fmt, dpi=dpi, positions=positions, caption=caption)
    return _zip(files)


def _image(fmt: str) -> Callable[..., bytes]:
    def run(H: nx.DiGraph, positions=None, dpi: int = 150, caption: str = "", **_: Any) -> bytes:
        from .images import render_image

        return render_image(H, fmt, dpi=dpi, positions=positions, caption=caption)

    return run


def _html(H: nx.DiGraph, positions=None, caption: str = "", height: str = "720px", **_: Any) -> bytes:
    from .render import to_pyvis_html

    return to_pyvis_html(H, positions=positions, caption=caption, height=height).encode("utf-8")


_WRITERS: dict[str, Callable[..., bytes]] = {
    "png": _image("png"), "svg": _image("svg"), "pdf": _image("pdf"), "html": _html,
    "gexf": _gexf, "graphml": _graphml,
    "csv": lambda H, **o: _zip({"nodes.csv": nodes_csv(H), "edges.csv": edges_csv(H)}),
    "nodes_csv": nodes_csv, "edges_csv": edges_csv, "json": _json, "kumu": _kumu,
    "kumu_csv": lambda H, **o: _zip(kumu_csv_files(H)), "zip": _bundle,
}


def export(H: nx.DiGraph, fmt: str, **opts: Any) -> bytes:
    """H in format `fmt` (a key of FORMATS). Options: positions, dpi, caption, images (zip)."""
    if fmt not in _WRITERS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return _WRITERS[fmt](H, **opts)


def filename(fmt: str, stem: str = "coalition-graph") -> str:
    """Suggested download name, e.g. filename("csv") -> "coalition-graph-csv.zip"."""
    f = FORMATS[fmt]
    suffix = "" if fmt in ("png", "svg", "pdf", "html", "gexf", "graphml", "json", "zip") else f"-{fmt.replace('_', '-')}"
    return f"{stem}{suffix}.{f.ext}"
