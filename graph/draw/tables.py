"""Tables for spreadsheets and Kumu: one CSV per kind of node and of edge, and Kumu's workbook.

Every cell goes through cells.cell, so no name runs as a formula. One table per kind keeps number
columns whole: an organizations table has `n_letters` on every row, where a single nodes table
would leave it empty for letters (and pandas would read floats with NaN).

Kumu (docs.kumu.io, "Import from Excel"): an Elements sheet and a Connections sheet, ID in the
first column, several values in one cell separated by "|", ids without "_" or "." (Kumu cannot
search those), readable type names.

>>> G = nx.DiGraph(); G.add_node("org:a_b", kind="organization", label="=A", tags=["x", "y"], n_letters=1)
>>> G.add_node("group:letters 2021", kind="letter_group", label="letters 2021 (3)")
>>> G.add_edge("org:a_b", "group:letters 2021", kind="signed")
>>> sorted(csv_tables(G))
['edges-signed.csv', 'nodes-letter_group.csv', 'nodes-organization.csv']
>>> [e["id"] for e in kumu_data(G)["elements"]], kumu_data(G)["elements"][1]["type"]
(['org-a-b', 'group-letters-2021'], 'Letter Group')
"""
from __future__ import annotations

import csv
import datetime
import io
import json
import re
from typing import Any

import networkx as nx

from graph.draw.archive import fixed_office_file
from graph.draw.cells import cell
from graph.draw.flat import flat, unify

FIRST_NODE_COLUMNS = ["id", "kind", "label"]
FIRST_EDGE_COLUMNS = ["source", "target", "kind"]
_KUMU_BAD = re.compile(r"[^0-9A-Za-z-]+")  # Kumu: "_" and "." break search; ":" and spaces read badly
XLSX_DATE = datetime.datetime(2020, 1, 1)  # fixed workbook dates, so one view gives one file


def _columns(rows: list[dict], first: list[str]) -> list[str]:
    return first + sorted({k for r in rows for k in r} - set(first))


def _csv(header: list[str], rows: list[dict]) -> bytes:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=header, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({k: cell(r.get(k, "")) for k in header})
    return buf.getvalue().encode("utf-8-sig")  # BOM: Excel then reads Burmese names as UTF-8


def _by_kind(rows: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for r in rows:
        out.setdefault(str(r.get("kind") or "other"), []).append(r)
    for group in out.values():
        unify(group)
    return dict(sorted(out.items()))


def csv_tables(H: nx.Graph) -> dict[str, bytes]:
    """{"nodes-<kind>.csv": ..., "edges-<kind>.csv": ...}: lists '; '-joined (see flat.flat)."""
    nodes = [{"id": str(n), "label": str(n), **{k: flat(v) for k, v in a.items()}} for n, a in H.nodes(data=True)]
    edges = [{"source": str(u), "target": str(v), **{k: flat(x) for k, x in a.items()}}
             for u, v, a in H.edges(data=True)]
    files = {f"nodes-{k}.csv": _csv(_columns(rows, FIRST_NODE_COLUMNS), rows) for k, rows in _by_kind(nodes).items()}
    files.update({f"edges-{k}.csv": _csv(_columns(rows, FIRST_EDGE_COLUMNS), rows)
                  for k, rows in _by_kind(edges).items()})
    return files


def kumu_id(node: Any) -> str:
    """A Kumu-safe id: "org:karen_women.org" -> "org-karen-women-org"."""
    return _KUMU_BAD.sub("-", str(node)).strip("-") or "node"


def kumu_type(kind: Any) -> str:
    """Readable type name: "letter_group" -> "Letter Group"."""
    return str(kind or "other").replace("_", " ").title()


def _kumu_ids(H: nx.Graph) -> dict[Any, str]:
    ids: dict[Any, str] = {}
    taken: set[str] = set()
    for n in H:
        base = kumu_id(n)
        i, k = base, 2
        while i in taken:  # "org:a_b" and "org:a.b" would meet as "org:a-b"
            i, k = f"{base}-{k}", k + 1
        ids[n] = i
        taken.add(i)
    return ids


KUMU_FIELDS = ("country", "ethnicity", "date", "file", "n_letters", "n_letters_in_view", "count",
               "n_signatories", "aliases", "acronyms")
KUMU_EDGE_FIELDS = ("count", "jaccard", "weight", "p", "printed")


def kumu_data(H: nx.Graph) -> dict:
    """Kumu blueprint {"elements": [...], "connections": [...]} (labels may repeat; ids do not)."""
    ids = _kumu_ids(H)
    elements = []
    for n, a in H.nodes(data=True):
        e = {"id": ids[n], "label": str(a.get("label") or n), "type": kumu_type(a.get("kind"))}
        desc = a.get("title") or a.get("description") or ""
        if desc:
            e["description"] = str(desc)
        if a.get("tags"):
            e["tags"] = [str(t) for t in a["tags"]]
        for k in KUMU_FIELDS:
            if a.get(k) not in (None, "", 0, [], ()):
                e[k.replace("_", " ").title()] = list(map(str, a[k])) if isinstance(a[k], (list, tuple)) else a[k]
        elements.append(e)
    connections = []
    for i, (u, v, a) in enumerate(H.edges(data=True)):
        c = {"id": f"c{i}", "from": ids[u], "to": ids[v], "type": kumu_type(a.get("kind")),
             "direction": "directed" if H.is_directed() else "undirected"}
        for k in KUMU_EDGE_FIELDS:
            if a.get(k) not in (None, ""):
                c[k.title()] = a[k]
        connections.append(c)
    return {"elements": elements, "connections": connections}


def kumu_json(H: nx.Graph) -> bytes:
    return json.dumps(kumu_data(H), ensure_ascii=False, indent=1, default=str).encode("utf-8")


def _sheet_rows(items: list[dict], first: list[str]) -> tuple[list[str], list[list]]:
    named = [{(k.upper() if k == "id" else k[:1].upper() + k[1:]): v for k, v in x.items()} for x in items]
    header = _columns(named, first)
    return header, [[cell("|".join(v) if isinstance(v, list) else v) for v in (r.get(h, "") for h in header)]
                    for r in named]


def kumu_xlsx(H: nx.Graph) -> bytes:
    """Kumu's Excel import: sheets Elements (ID, Label, Type, ...) and Connections (ID, From, To, ...)."""
    from openpyxl import Workbook

    data = kumu_data(H)
    wb = Workbook()
    wb.remove(wb.active)
    for title, items, first in (("Elements", data["elements"], ["ID", "Label", "Type", "Description", "Tags"]),
                                ("Connections", data["connections"], ["ID", "From", "To", "Type", "Direction"])):
        ws = wb.create_sheet(title)
        header, rows = _sheet_rows(items, first)
        ws.append(header)
        for r in rows:
            ws.append(r)
    wb.properties.creator = "Coalition Atlas"
    wb.properties.created = XLSX_DATE
    buf = io.BytesIO()
    wb.save(buf)
    return fixed_office_file(buf.getvalue())
