"""Letters in time: order, each organization's first and last letter, who joined and who dropped out.

Dates may be partial (YYYY, YYYY-MM, YYYY-MM-DD). A partial date sorts before the full dates it contains
("2021" < "2021-02" < "2021-02-05"): it is the earliest the letter can be. Undated letters come last.
Ties are broken by file name, so the order is total and stable.

>>> date_key("2021-02"), date_key("2021"), date_key("")
((2021, 2, 0), (2021, 0, 0), (9999, 99, 99))
>>> sorted(["2021-02-05", "", "2021", "2020-12"], key=date_key)
['2020-12', '2021', '2021-02-05', '']
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import networkx as nx

from graph.network.build import LETTER, nodes_of, signers

UNDATED = (9999, 99, 99)


def date_key(date: str | None) -> tuple[int, int, int]:
    """(year, month, day) with missing parts 0; unparseable or empty dates sort last."""
    m = re.match(r"^\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", date or "")
    if not m:
        return UNDATED
    return int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0)


@dataclass(frozen=True)
class Step:
    """One letter in date order and how its signatories differ from the previous letter's."""

    letter: str
    date: str
    n_signatories: int
    joined: tuple[str, ...]  # signed this letter, not the previous one
    dropped: tuple[str, ...]  # signed the previous letter, not this one
    first_time: tuple[str, ...]  # signed no earlier letter at all
    stayed: int


@dataclass(frozen=True)
class Span:
    org: str
    first: str  # letter id
    last: str
    first_date: str
    last_date: str
    n_letters: int


def letters_by_date(G: nx.DiGraph) -> list[str]:
    """Letter node ids in date order (partial dates first within their period, undated last)."""
    return sorted(nodes_of(G, LETTER), key=lambda v: (date_key(G.nodes[v].get("date")), G.nodes[v].get("file", v), v))


def steps(G: nx.DiGraph) -> list[Step]:
    """Consecutive letters compared. The first letter has everyone joined and first_time."""
    out: list[Step] = []
    seen: set[str] = set()
    prev: set[str] = set()
    for v in letters_by_date(G):
        now = set(signers(G, v))
        out.append(Step(v, str(G.nodes[v].get("date", "")), len(now), tuple(sorted(now - prev)),
                        tuple(sorted(prev - now)), tuple(sorted(now - seen)), len(now & prev)))
        seen |= now
        prev = now
    return out


def spans(G: nx.DiGraph) -> dict[str, Span]:
    """Per organization that signed anything: its first and last letter in date order."""
    order = letters_by_date(G)
    out: dict[str, Span] = {}
    counts: dict[str, int] = {}
    for v in order:
        for o in signers(G, v):
            counts[o] = counts.get(o, 0) + 1
            d = str(G.nodes[v].get("date", ""))
            if o not in out:
                out[o] = Span(o, v, v, d, d, 0)
            else:
                out[o] = Span(o, out[o].first, v, out[o].first_date, d, 0)
    return {o: Span(s.org, s.first, s.last, s.first_date, s.last_date, counts[o]) for o, s in sorted(out.items())}


def precision(date: str | None) -> str:
    """"day", "month", "year" or "undated": how much of a date is known.

    >>> [precision(d) for d in ("2021-02-05", "2021-02", "2021", "", "soon")]
    ['day', 'month', 'year', 'undated', 'undated']
    """
    y, m, d = date_key(date)
    if (y, m, d) == UNDATED:
        return "undated"
    return "day" if d else "month" if m else "year"


def letter_dates(G: nx.DiGraph) -> list[dict]:
    """One row per letter for charts: `month` (first day of its month, "" when the month is unknown),
    `year`, `precision` and `signatories`. A year-only date never becomes January.

    >>> G = nx.DiGraph()
    >>> G.add_node("letter:a", kind="letter", date="2021", n_signatories=3)
    >>> G.add_node("letter:b", kind="letter", date="2021-03-04", n_signatories=1)
    >>> [(r["month"], r["year"], r["precision"]) for r in letter_dates(G)]
    [('', 2021, 'year'), ('2021-03-01', 2021, 'day')]
    """
    out = []
    for v in letters_by_date(G):
        a = G.nodes[v]
        y, m, _ = date_key(a.get("date"))
        p = precision(a.get("date"))
        out.append({"letter": v, "label": str(a.get("label") or v), "year": y if p != "undated" else 0,
                    "month": f"{y:04d}-{m:02d}-01" if p in ("day", "month") else "", "precision": p,
                    "signatories": int(a.get("n_signatories") or 0)})
    return out
