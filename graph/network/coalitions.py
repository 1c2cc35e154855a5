"""Coalitions: groups of organizations, by tag or by structure, their summaries, and super-nodes.

A tag coalition is named "<tag>" or "<tag>: <value>" (diaspora by country, ethnic by nationality), from the
organization nodes' `tags` / `tag_values`. Structural coalitions come from graph.network.communities.
`collapse(G, groups)` replaces each group by one `coalition:<slug>` node whose edges aggregate its members'
(with counts).

>>> import networkx as nx
>>> G = nx.DiGraph()
>>> G.add_node("org:a", kind="organization", label="A", tags=["rohingya"], tag_values={"rohingya": ""}, n_letters=1)
>>> G.add_node("org:b", kind="organization", label="B", tags=["rohingya"], tag_values={"rohingya": ""}, n_letters=1)
>>> G.add_node("letter:x", kind="letter", label="X")
>>> G.add_edge("org:a", "letter:x", kind="signed"); G.add_edge("org:b", "letter:x", kind="signed")
>>> groups = tag_coalitions(G); {k: sorted(v) for k, v in groups.items()}
{'rohingya': ['org:a', 'org:b']}
>>> H = collapse(G, groups)
>>> sorted(H.nodes), H.edges["coalition:rohingya", "letter:x"]["count"]
(['coalition:rohingya', 'letter:x'], 2)
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Mapping

import networkx as nx

from graph.identity.names import ascii_slug
from graph.network.build import DEMAND, ORG
from graph.identity.tagging.data import load_rules
from graph.kinds import EdgeKind, NodeKind


def split_by_value() -> frozenset[str]:
    """Tags whose value splits the coalition (data/coalitions.yaml `split_by_value`: a diaspora coalition per
    country, an ethnic one per nationality)."""
    return frozenset(t for t, spec in load_rules().tags.items() if spec["split_by_value"])


@dataclass(frozen=True)
class Summary:
    name: str
    size: int
    top_members: tuple[tuple[str, str, int], ...]  # (org id, label, letters signed)
    n_letters: int  # letters at least one member signed
    letters: tuple[tuple[str, int], ...]  # (letter id, members who signed it), most first
    tags: tuple[tuple[str, int], ...]  # dominant tags (with values), most first
    demands: tuple[tuple[str, int], ...]  # (demand id, letters of the coalition making it), most first

    def describe(self) -> str:
        who = ", ".join(label for _, label, _ in self.top_members[:3])
        tags = ", ".join(t for t, _ in self.tags[:3]) or "no tags"
        return f"{self.name}: {self.size} organizations ({who}), {self.n_letters} letters; {tags}"


def tag_coalitions(G: nx.DiGraph, min_size: int = 1) -> dict[str, set[str]]:
    """Tag name (or "tag: value") -> organization ids. Groups overlap: a Rohingya group in Malaysia is in
    both "rohingya" and "diaspora: Malaysia"."""
    groups: dict[str, set[str]] = {}
    split = split_by_value()
    for n, d in G.nodes(data=True):
        if d.get("kind") != ORG:
            continue
        values = d.get("tag_values") or {}
        for tag in d.get("tags") or []:
            value = values.get(tag, "") if isinstance(values, Mapping) else ""
            names = [f"{tag}: {v.strip()}" for v in value.split(";") if v.strip()] \
                if tag in split and value else [tag]
            for name in names:
                groups.setdefault(name, set()).add(n)
    return {k: v for k, v in sorted(groups.items()) if len(v) >= min_size}


def tag_label(org_data: Mapping, tag: str) -> str:
    value = (org_data.get("tag_values") or {}).get(tag, "")
    return f"{tag}: {value}" if value and tag in split_by_value() else tag


def summarize(G: nx.DiGraph, name: str, members: Iterable[str], top: int = 5) -> Summary:
    """Size, best-known members, letters, dominant tags and demands of one group of organizations."""
    orgs = sorted(m for m in set(members) if m in G and G.nodes[m].get("kind") == ORG)
    letter_count: Counter[str] = Counter()
    tag_count: Counter[str] = Counter()
    for o in orgs:
        data = G.nodes[o]
        for v in G.successors(o):
            if G.edges[o, v].get("kind") == EdgeKind.SIGNED:
                letter_count[v] += 1
        for t in data.get("tags") or []:
            tag_count[tag_label(data, t)] += 1
    demand_count: Counter[str] = Counter()
    for v in letter_count:
        for d in G.successors(v):
            if G.nodes[d].get("kind") == DEMAND:
                demand_count[d] += 1
    ranked = sorted(orgs, key=lambda o: (-G.nodes[o].get("n_letters", 0), str(G.nodes[o].get("label", o))))
    most = lambda c: tuple(sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:top])  # noqa: E731
    return Summary(name, len(orgs),
                   tuple((o, str(G.nodes[o].get("label", o)), int(G.nodes[o].get("n_letters", 0))) for o in ranked[:top]),
                   len(letter_count), most(letter_count), most(tag_count), most(demand_count))


def coalition_node(name: str) -> str:
    return f"coalition:{ascii_slug(name)}"


def collapse(G: nx.DiGraph, groups: Mapping[str, Iterable[str]]) -> nx.DiGraph:
    """G with each group replaced by one super-node (kind="coalition"). Groups may overlap: a node goes
    to the first group that lists it, so the result is always well defined. Edges between a member and
    an outside node become one edge per (super-node, outside node, kind) with `count` and `members`;
    edges inside a group are counted on the node as `internal_edges`. The groups are kept in
    H.graph["collapsed"]."""
    owner: dict[str, str] = {}
    kept: dict[str, list[str]] = {}
    for name, members in groups.items():
        for m in sorted(set(members)):
            if m in G and m not in owner:
                owner[m] = coalition_node(name)
                kept.setdefault(name, []).append(m)
    H = nx.DiGraph()
    H.graph.update({k: v for k, v in G.graph.items() if not k.startswith("_")})
    H.graph["collapsed"] = {name: list(ms) for name, ms in kept.items()}
    for n, d in G.nodes(data=True):
        if n not in owner:
            H.add_node(n, **d)
    for name, ms in kept.items():
        s = summarize(G, name, ms)
        H.add_node(coalition_node(name), kind=NodeKind.COALITION.value, label=f"{name} ({len(ms)})", name=name,
                   members=list(ms), n_members=len(ms), n_letters=s.n_letters,
                   tags=[t for t, _ in s.tags], internal_edges=0)
    for u, v, d in G.edges(data=True):
        a, b = owner.get(u, u), owner.get(v, v)
        if a == b and (u in owner):
            H.nodes[a]["internal_edges"] += 1
            continue
        if a == u and b == v:  # untouched edge, attributes as they were
            H.add_edge(a, b, **d)
        elif H.has_edge(a, b):
            e = H.edges[a, b]
            e["count"] += 1
            e["members"] = sorted(set(e["members"]) | {x for x in (u, v) if x in owner})
        else:
            H.add_edge(a, b, kind=d.get("kind", ""), count=1, members=sorted(x for x in (u, v) if x in owner))
    return H
