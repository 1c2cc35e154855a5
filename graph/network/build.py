"""One typed graph for the whole corpus: organizations, letters and demands (schema in docs/design.md).

Node ids are stable, prefixed slugs, so the same letter or organization keeps its id across runs:
`org:<Organization.id>`, `letter:<slug of file stem>`, `demand:<demand id>`.
Attributes never hold None (GEXF/GraphML cannot): missing values are "" or 0.

>>> from graph.records import Letter, Mention, Organization, Signatory, DemandHit
>>> L = Letter(file="a.txt", title="Stop arms", date="2021-02",
...            signatories=(Signatory("Burma Campaign UK", lines=(9,)),),
...            demands=(DemandHit("arms_embargo", "Arms embargo", "Impose an arms embargo.", (4,)),))
>>> o = Organization("burma-campaign-uk", "Burma Campaign UK",
...                  mentions=(Mention("a.txt", "Burma Campaign UK", lines=(9,)),))
>>> G = build_graph([L], [o])
>>> sorted(G.nodes)
['demand:arms_embargo', 'letter:a', 'org:burma-campaign-uk']
>>> G.edges["org:burma-campaign-uk", "letter:a"]["kind"], G.nodes["letter:a"]["n_signatories"]
('signed', 1)
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import PurePath
from typing import Any, Iterable, Sequence

import networkx as nx

from graph.demands.accepted import hits as accepted_hits
from graph.identity.names import ascii_slug
from graph.memory import paused_gc

from graph.records import Letter, Organization
from graph.kinds import EdgeKind, NodeKind

ORG, LETTER, DEMAND = NodeKind.ORGANIZATION, NodeKind.LETTER, NodeKind.DEMAND
SIGNED = EdgeKind.SIGNED.value


def org_node(org_id: str) -> str:
    return org_id if org_id.startswith("org:") else f"org:{org_id}"


@lru_cache(maxsize=65536)  # called once per signature: 150,000 times on a large corpus
def letter_node(file: str) -> str:
    """Node id of a letter from its file name: the slug of the file stem.

    >>> letter_node("001_b7e0fdf4101a12f9.txt")
    'letter:001_b7e0fdf4101a12f9'
    """
    return f"letter:{ascii_slug(PurePath(file).stem)}"


def demand_node(demand_id: str) -> str:
    return f"demand:{demand_id}"


def _lexicon_entry(lexicon: Any, demand_id: str) -> tuple[str, str]:
    """(label, description) from whatever shape the lexicon has; ("", "") when unknown."""
    if lexicon is None:
        return "", ""
    table = getattr(lexicon, "demands", lexicon)
    entry = None
    if isinstance(table, dict):
        entry = table.get(demand_id)
    elif isinstance(table, (list, tuple)):
        entry = next((d for d in table if getattr(d, "id", None) == demand_id), None)
    if entry is None:
        return "", ""
    if isinstance(entry, str):
        return "", entry
    if isinstance(entry, dict):
        return str(entry.get("label") or ""), str(entry.get("description") or "")
    return str(getattr(entry, "label", "") or ""), str(getattr(entry, "description", "") or "")


def _short(title: str, n: int = 60) -> str:
    title = " ".join(title.split())
    return title if len(title) <= n else title[: n - 1].rstrip() + "…"


def _org_attrs(org: Organization) -> dict[str, Any]:
    tags = sorted({t.tag for t in org.tags})
    values: dict[str, str] = {}
    reasons: dict[str, str] = {}
    for t in org.tags:  # several values for one tag (two countries) are joined, reasons too
        if t.value and t.value not in values.get(t.tag, "").split("; "):
            values[t.tag] = "; ".join(filter(None, [values.get(t.tag, ""), t.value]))
        else:
            values.setdefault(t.tag, "")
        if t.reason and t.reason not in reasons.get(t.tag, ""):
            reasons[t.tag] = "; ".join(filter(None, [reasons.get(t.tag, ""), t.reason]))
        else:
            reasons.setdefault(t.tag, "")
    letters = sorted({letter_node(m.file) for m in org.mentions})
    return {
        "kind": ORG.value,
        "label": org.name,
        "name": org.name,
        "aliases": list(org.aliases),
        "acronyms": list(org.acronyms),
        "tags": tags,
        "tag_values": values,
        "tag_reasons": reasons,
        "country": org.country or "",
        "ethnicity": org.ethnicity or "",
        "n_letters": len(letters),
        "letters": letters,
        "mentions": [{"file": m.file, "name": m.name, "lines": list(m.lines)} for m in org.mentions],
        "member_of": [org_node(u) for u in org.member_of],
    }


def build_graph(letters: Sequence[Letter], orgs: Iterable[Organization], lexicon: Any = None,
                known: tuple[Sequence[Organization], nx.DiGraph] | None = None) -> nx.DiGraph:
    """The corpus graph. Signed edges come from each organization's mentions, so the resolver's
    merges decide who signed what; a mention of a file that is not among `letters` still gets a
    (bare) letter node, so no signature is dropped silently.
    known: (organizations, the graph built from them): an organization equal to one of them takes a copy
    of its node's attributes, and its signed edges' attribute dicts themselves, instead of working them out
    again. Sharing them is safe because a corpus graph is never changed once built (the app keeps one for
    every visitor; tests/test_graph_untouched.py runs every view, analysis and export over one and finds it
    as it was); copying them was a tenth of adding a letter to 1,000."""
    with paused_gc():
        return _build(letters, orgs, lexicon, known)


def _known_attrs(orgs: list[Organization], known: tuple[Sequence[Organization], nx.DiGraph] | None
                 ) -> dict[str, dict[str, Any]]:
    if known is None:
        return {}
    old_orgs, old_graph = known
    old = {o.id: o for o in old_orgs}
    nodes = old_graph.nodes
    return {o.id: nodes[org_node(o.id)] for o in orgs  # add_nodes_from copies them
            if o.id in old and (old[o.id] is o or old[o.id] == o) and org_node(o.id) in nodes}


def _build(letters: Sequence[Letter], orgs: Iterable[Organization], lexicon: Any,
           known: tuple[Sequence[Organization], nx.DiGraph] | None = None) -> nx.DiGraph:
    G = nx.DiGraph()
    emerged = accepted_hits(letters)  # demands that emerged from asks and a curator accepted
    for L in letters:
        title = L.title or PurePath(L.file).stem
        G.add_node(
            letter_node(L.file),
            kind=LETTER.value,
            label=_short(title),
            title=L.title or "",
            date=L.date or "",
            file=L.file,
            recipients=list(L.recipients),
            undisclosed_count=L.undisclosed_count or 0,
            claimed_total=L.claimed_total or 0,
            n_signatories=0,
        )
        for hit in (*L.demands, *emerged.get(L.file, ())):
            d = demand_node(hit.id)
            if d not in G:
                label, description = _lexicon_entry(lexicon, hit.id)
                G.add_node(d, kind=DEMAND.value, label=label or hit.label or hit.id, description=description)
            G.add_edge(letter_node(L.file), d, kind=EdgeKind.DEMANDS.value, evidence=hit.evidence, lines=list(hit.lines))
    orgs = list(orgs)
    same = _known_attrs(orgs, known)
    G.add_nodes_from((org_node(org.id), same.get(org.id) or _org_attrs(org)) for org in orgs)
    present = set(G)  # letters and demands so far; bare letters join them
    old_succ = known[1]._succ if known is not None else {}
    n_signed: Counter = Counter()  # letter node -> its signatures
    for org in orgs:
        u = org_node(org.id)
        if org.id in same:  # the same organization as in the known graph: the same signatures
            mine = {v: d for v, d in old_succ[u].items() if d["kind"] == SIGNED}
            if not present.issuperset(mine):  # a letter its mentions name that is not among the letters
                for v in [v for v in mine if v not in present]:
                    _bare_letter(G, v, known[1].nodes[v]["file"])
                    present.add(v)
        else:
            mine = {}
            for m in org.mentions:
                v = letter_node(m.file)
                if v not in present:
                    _bare_letter(G, v, m.file)
                    present.add(v)
                e = mine.get(v)
                if e is not None:  # printed twice in one letter: one signature, all lines kept
                    e["lines"] = sorted(set(e["lines"]) | set(m.lines))
                    continue
                mine[v] = {"kind": SIGNED, "lines": list(m.lines), "printed": m.name, "inferred": m.inferred or ""}
        n_signed.update(mine.keys())
        _add_edges(G, u, mine)
    for v, k in n_signed.items():
        G.nodes[v]["n_signatories"] = k
    for org in orgs:
        u = org_node(org.id)
        for umbrella in org.member_of:
            w = org_node(umbrella)
            if w in G and w != u:
                file = next((m.file for m in org.mentions if m.member_of), "")
                G.add_edge(u, w, kind=EdgeKind.MEMBER_OF.value, file=file)
    return G


def _bare_letter(G: nx.DiGraph, v: str, file: str) -> None:
    """The node of a letter an organization's mention names but that is not among the letters."""
    G.add_node(v, kind=LETTER.value, label=PurePath(file).stem, title="", date="", file=file, recipients=[],
               undisclosed_count=0, claimed_total=0, n_signatories=0)


def _add_edges(G: nx.DiGraph, u: str, edges: dict[str, dict[str, Any]]) -> None:
    """G.add_edges_from((u, v, d) for v, d in edges.items()) for an organization with no edges yet and letters
    already in G, each edge with a dict of its own: written straight into networkx's adjacency, successors
    and predecessors sharing the edge's dict as add_edges_from makes them. bench/bench_graph_dicts.py (1,000
    letters, 150,000 signatures, CPU medians): build_graph 1.44 s this way, 1.88 s with add_edges_from
    (+30 %); tests/test_model.py pins that the graph is the same."""
    G._succ[u] = edges  # its own dict: the caller made it for this organization
    pred = G._pred
    for v, d in edges.items():
        pred[v][u] = d


def nodes_of(G: nx.DiGraph, kind: str) -> list[str]:
    """Node ids of one kind, sorted (deterministic order for every analytic)."""
    return sorted(n for n, k in G.nodes(data="kind") if k == kind)


def signers(G: nx.DiGraph, letter: str) -> list[str]:
    return sorted(u for u in G.predecessors(letter) if G.edges[u, letter].get("kind") == EdgeKind.SIGNED)


def find_org(G: nx.DiGraph, query: str) -> str | None:
    """Node id of an organization by id, name, alias or acronym (case-insensitive); None if unknown.

    >>> G = nx.DiGraph(); G.add_node("org:bcuk", kind=ORG, name="Burma Campaign UK", aliases=[], acronyms=["BCUK"])
    >>> find_org(G, "bcuk"), find_org(G, "burma campaign uk"), find_org(G, "nobody")
    ('org:bcuk', 'org:bcuk', None)
    """
    q = " ".join(query.split()).casefold()
    if org_node(q) in G and G.nodes[org_node(q)].get("kind") == ORG:
        return org_node(q)
    exact, partial = [], []
    for n, d in G.nodes(data=True):
        if d.get("kind") != ORG:
            continue
        names = [d.get("name", ""), *d.get("aliases", []), *d.get("acronyms", [])]
        folded = [" ".join(x.split()).casefold() for x in names]
        if q in folded:
            exact.append(n)
        elif any(q in f for f in folded):
            partial.append(n)
    for group in (exact, partial):
        if group:  # the organization with most letters wins a tie: it is what people usually mean
            return max(sorted(group), key=lambda n: G.nodes[n].get("n_letters", 0))
    return None
