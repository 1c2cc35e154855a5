"""GraphML that validates against the GraphML 1.0 schema, for Cytoscape, Gephi and yEd.

- Key ids are unique and readable, `n_kind` for nodes and `e_kind` for edges (cytoscape.js uses
  the key id as the attribute name); `attr.name` is the plain name.
- Each node has x, y, colour (hex, the app's), size and shape keys: Cytoscape maps them with a
  passthrough style, Gephi reads them as columns.
- Node ids are XML NMTOKENs, as the schema requires: characters outside [A-Za-z0-9._:-] (a space
  in "group:letters 2022") become `_xHHHH_`.
- `yed=True` adds yFiles node graphics (geometry, fill, label, shape), so yEd opens the file laid
  out and coloured. The plain schema has no room for them (its `<data>` content is empty until
  redefined), so that variant validates only against the schema as yWorks extends it.

>>> G = nx.DiGraph(); G.add_node("group:letters 2022", kind="letter_group"); G.add_edge("org:a", "group:letters 2022", kind="signed")
>>> R = nx.read_graphml(io.BytesIO(graphml(G, {"org:a": (0, 0), "group:letters 2022": (1, 1)})))
>>> sorted(R), R.nodes["org:a"]["shape"]
(['group:letters_x0020_2022', 'org:a'], 'ellipse')
"""
from __future__ import annotations

import io
import re
from typing import Any, Mapping
from xml.etree import ElementTree as ET

import networkx as nx

from graph.draw.style import Style, degree_size

NS = "http://graphml.graphdrawing.org/xmlns"
YNS = "http://www.yworks.com/xml/graphml"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA = f"{NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
_NMTOKEN_CHAR = re.compile(r"[A-Za-z0-9._:-]")
# Shapes named as both Cytoscape and yEd know them (the app's vis-network names differ).
SHAPE_NAMES = {"dot": "ellipse", "square": "rectangle", "triangle": "triangle", "diamond": "diamond"}
TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}
PIXELS_PER_UNIT = 400.0  # layout positions are in [-1, 1]; yEd and Cytoscape work in pixels
SIZE_RANGE = (10.0, 40.0)  # node diameter in pixels, by degree: hubs stand out, none hides others


def xml_id(node: Any) -> str:
    """A node id as an NMTOKEN: readable ids stay as they are.

    >>> xml_id("org:burma-campaign-uk"), xml_id("group:community 0"), xml_id("org:မ")
    ('org:burma-campaign-uk', 'group:community_x0020_0', 'org:_x1019_')
    """
    return "".join(c if _NMTOKEN_CHAR.fullmatch(c) else f"_x{ord(c):04X}_" for c in str(node))


def _keys(rows: list[dict], prefix: str) -> dict[str, tuple[str, str]]:
    """attr name -> (key id, attr.type), in first-seen order (rows are unified: one type per name)."""
    keys: dict[str, tuple[str, str]] = {}
    for r in rows:
        for k, v in r.items():
            if k not in keys:
                keys[k] = (xml_id(f"{prefix}_{k}"), TYPES.get(type(v), "string"))
    return keys


def _text(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    return repr(v) if isinstance(v, float) else str(v)


def node_looks(H: nx.Graph, positions: Mapping[Any, tuple[float, float]] | None) -> dict[Any, dict]:
    """x, y (pixels, y down), colour, size and shape of every node, as the app draws them."""
    style = Style.of(H)
    deg = dict(H.degree())
    top = max(deg.values(), default=0)
    out = {}
    for n in H:
        x, y = (positions or {}).get(n, (0.0, 0.0))
        out[n] = {"x": round(float(x) * PIXELS_PER_UNIT, 2), "y": round(-float(y) * PIXELS_PER_UNIT, 2),
                  "colour": style.color(n).upper(), "size": round(degree_size(deg[n], top, *SIZE_RANGE), 2),
                  "shape": SHAPE_NAMES.get(style.shape(n).vis, "ellipse")}
    return out


def _yfiles(data: ET.Element, label: str, look: dict) -> None:
    node = ET.SubElement(data, f"{{{YNS}}}ShapeNode")
    s = look["size"]
    ET.SubElement(node, f"{{{YNS}}}Geometry", x=_text(look["x"] - s / 2), y=_text(look["y"] - s / 2),
                  width=_text(s), height=_text(s))
    ET.SubElement(node, f"{{{YNS}}}Fill", color=look["colour"], transparent="false")
    ET.SubElement(node, f"{{{YNS}}}BorderStyle", color="#FFFFFF", type="line", width="1.0")
    ET.SubElement(node, f"{{{YNS}}}NodeLabel", modelName="sides", modelPosition="e").text = label
    ET.SubElement(node, f"{{{YNS}}}Shape", type=look["shape"])


def graphml(F: nx.Graph, positions: Mapping[Any, tuple[float, float]] | None = None, yed: bool = False) -> bytes:
    """F (scalar attributes only: export.flatten_graph) as GraphML bytes; see the module doc."""
    ET.register_namespace("", NS)
    ET.register_namespace("y", YNS)
    ET.register_namespace("xsi", XSI)
    looks = node_looks(F, positions)
    node_rows = [{**a, **looks[n]} for n, a in F.nodes(data=True)]
    edge_rows = [dict(a) for _, _, a in F.edges(data=True)]
    nkeys, ekeys = _keys(node_rows, "n"), _keys(edge_rows, "e")
    root = ET.Element(f"{{{NS}}}graphml", {f"{{{XSI}}}schemaLocation": SCHEMA})
    for domain, keys in (("node", nkeys), ("edge", ekeys)):
        for name, (kid, typ) in keys.items():
            ET.SubElement(root, f"{{{NS}}}key", {"id": kid, "for": domain, "attr.name": xml_id(name),
                                                 "attr.type": typ})
    if yed:
        ET.SubElement(root, f"{{{NS}}}key", {"id": "n_graphics", "for": "node", "yfiles.type": "nodegraphics"})
    graph = ET.SubElement(root, f"{{{NS}}}graph", id="G",
                          edgedefault="directed" if F.is_directed() else "undirected")
    for n, row in zip(F.nodes, node_rows):
        el = ET.SubElement(graph, f"{{{NS}}}node", id=xml_id(n))
        for k, v in row.items():
            ET.SubElement(el, f"{{{NS}}}data", key=nkeys[k][0]).text = _text(v)
        if yed:
            _yfiles(ET.SubElement(el, f"{{{NS}}}data", key="n_graphics"), str(row.get("label", n)), looks[n])
    for (u, v), row in zip(F.edges(), edge_rows):
        el = ET.SubElement(graph, f"{{{NS}}}edge", source=xml_id(u), target=xml_id(v))
        for k, x in row.items():
            ET.SubElement(el, f"{{{NS}}}data", key=ekeys[k][0]).text = _text(x)
    buf = io.BytesIO()
    ET.ElementTree(root).write(buf, encoding="utf-8", xml_declaration=True)
    return buf.getvalue()
