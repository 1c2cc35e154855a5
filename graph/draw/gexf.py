"""GEXF for Gephi, dynamic: its timeline plays the coalition over time.

- `mode="dynamic"`, `timeformat="date"`; the graph is named after the view (never `name=""`).
- A letter lasts from the first to the last day its date can mean ("2021-02" is 1-28 February),
  with `date_precision` (year, month, day) kept as an attribute; a signature (and a demand edge)
  lasts as long as its letter; an organization or a demand has one spell per period in which it
  signed (or was asked for), overlapping periods merged, as Gephi requires.
- Undated letters and what hangs only on them carry no time: Gephi shows them throughout.
- viz: the app's positions, colours and shapes; sizes on a bounded scale (SIZE_RANGE) so a letter
  with 400 signatories does not cover the map.

>>> period("2021-02"), period("2024-02-01"), period("about 2021")
(('2021-02-01', '2021-02-28', 'month'), ('2024-02-01', '2024-02-01', 'day'), None)
"""
from __future__ import annotations

import calendar
import io
import re
from datetime import date
from typing import Any, Iterable, Mapping

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter

from graph.draw.style import Style, degree_size
from graph.kinds import NodeKind

_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
COORDINATES = 1000.0  # layout [-1, 1] -> Gephi units; its default view spans about this
SIZE_RANGE = (4.0, 24.0)  # viz:size by degree, against COORDINATES: hubs stand out, none covers the map
VIZ_SHAPES = {"dot": "disc", "square": "square", "triangle": "triangle", "diamond": "diamond"}


def period(text: Any) -> tuple[str, str, str] | None:
    """(first day, last day, precision) a letter date stands for; None when it is no date."""
    m = _DATE.fullmatch(str(text or "").strip())
    if not m:
        return None
    y, mo, d = int(m[1]), int(m[2] or 0), int(m[3] or 0)
    try:
        if d:
            day = date(y, mo, d).isoformat()
            return day, day, "day"
        if mo:
            last = calendar.monthrange(y, mo)[1]
            return date(y, mo, 1).isoformat(), date(y, mo, last).isoformat(), "month"
        return date(y, 1, 1).isoformat(), date(y, 12, 31).isoformat(), "year"
    except ValueError:  # 2021-13, 2021-02-30
        return None


def merge(spells: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Overlapping or touching (start, end) date intervals merged, in order.

    >>> merge([("2021-02-01", "2021-02-28"), ("2021-01-01", "2021-12-31"), ("2023-05-01", "2023-05-01")])
    [('2021-01-01', '2021-12-31'), ('2023-05-01', '2023-05-01')]
    """
    out: list[list[str]] = []
    for start, end in sorted(set(spells)):
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(s, e) for s, e in out]


def _letters_of(H: nx.Graph, n: Any, periods: Mapping[Any, tuple]) -> set:
    """The dated letters a node belongs to: its neighbours that are letters, or (co-signature
    network, no letter nodes) the letters its `letters` attribute lists."""
    near = {m for m in nx.all_neighbors(H, n) if m in periods}
    return near or {x for x in H.nodes[n].get("letters") or () if x in periods}


def times(H: nx.Graph, letter_dates: Mapping[Any, str] | None = None) -> tuple[dict, dict]:
    """Node and edge time attributes (start/end, spells, date_precision) for H, from its letters'
    dates (or `letter_dates` when H has no letter nodes)."""
    dates = letter_dates if letter_dates is not None else {
        n: a.get("date", "") for n, a in H.nodes(data=True) if a.get("kind") == NodeKind.LETTER}
    periods = {n: p for n, d in dates.items() if (p := period(d))}
    nodes: dict[Any, dict] = {}
    for n, a in H.nodes(data=True):
        if a.get("kind") == NodeKind.LETTER:
            p = periods.get(n)
            nodes[n] = {"date_precision": p[2] if p else "unknown", **({"start": p[0], "end": p[1]} if p else {})}
            continue
        mine = _letters_of(H, n, periods)
        if mine:
            nodes[n] = {"spells": merge(periods[x][:2] for x in mine)}
    edges: dict[tuple, dict] = {}
    for u, v in H.edges():
        letter = v if v in periods else u if u in periods else None
        if letter is not None:
            edges[(u, v)] = {"start": periods[letter][0], "end": periods[letter][1]}
        elif (common := _letters_of(H, u, periods) & _letters_of(H, v, periods)) and not H.is_directed():
            edges[(u, v)] = {"spells": merge(periods[x][:2] for x in common)}
    return nodes, edges


def gexf(H: nx.Graph, F: nx.Graph, positions: Mapping[Any, tuple[float, float]] | None = None,
         letter_dates: Mapping[Any, str] | None = None, name: str = "") -> bytes:
    """F (H flattened: export.flatten_graph) as dynamic GEXF bytes, timed from H's letters."""
    F = F.copy()
    node_times, edge_times = times(H, letter_dates)
    for n, t in node_times.items():
        F.nodes[str(n)].update(t)
    for (u, v), t in edge_times.items():
        F.edges[str(u), str(v)].update(t)
    style = Style.of(H)
    deg = dict(H.degree())
    top = max(deg.values(), default=0)
    for n in H:
        c = style.color(n).lstrip("#")
        x, y = (positions or {}).get(n, (0.0, 0.0))
        F.nodes[str(n)]["viz"] = {
            "position": {"x": round(float(x) * COORDINATES, 3), "y": round(float(-y) * COORDINATES, 3), "z": 0.0},
            "color": {"r": int(c[0:2], 16), "g": int(c[2:4], 16), "b": int(c[4:6], 16), "a": 1.0},
            "size": round(degree_size(deg[n], top, *SIZE_RANGE), 2),
            "shape": VIZ_SHAPES.get(style.shape(n).vis, "disc")}
    F.graph = {"mode": "dynamic", "name": name or "Coalition Atlas"}
    writer = GEXFWriter(prettyprint=False)  # indenting cost ~1/4 of the time at 10k nodes
    writer.add_graph(F)
    writer.graph_element.set("timeformat", "date")
    meta = writer.xml.find("meta")
    meta.find("creator").text = "Coalition Atlas"
    # networkx stamps today's date: the latest letter's date instead, so one view gives one file.
    latest = max((t.get("end", "") for t in node_times.values()), default="")
    if latest:
        meta.set("lastmodifieddate", latest)
    else:
        del meta.attrib["lastmodifieddate"]
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()
