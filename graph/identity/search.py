"""Finding an organization the way people type it: name, alias, acronym, or the initials nobody
printed ("BCUK" for Burma Campaign UK).

>>> initials("Burma Campaign UK"), initials("Women's League of Burma"), initials("Fortify Rights")
('BCUK', 'WLB', 'FR')
>>> import networkx as nx
>>> G = nx.DiGraph()
>>> G.add_node("org:bcuk", kind="organization", name="Burma Campaign UK", aliases=[], acronyms=[], n_letters=3)
>>> find(G, "bcuk"), find(G, "campaign"), find(G, "nobody")
('org:bcuk', 'org:bcuk', None)
>>> option_label(G, "org:bcuk")
'Burma Campaign UK (BCUK)'
"""
from __future__ import annotations

import re
from typing import Any, Mapping

import networkx as nx

from graph.network.build import ORG, find_org

MINOR = frozenset({"of", "for", "the", "and", "in", "on", "to", "a", "an", "de", "du", "la", "le", "et", "&"})
MIN_INITIALS = 2  # one letter is not a name anyone searches by


def initials(name: str) -> str:
    """Upper-case initials of the significant words; a word already in capitals (UK, ASEAN) is kept whole."""
    out = []
    for w in re.findall(r"[\w']+", name):
        if w.casefold() in MINOR:
            continue
        out.append(w if w.isupper() and len(w) > 1 else w[0].upper())
    return "".join(out)


def keys(a: Mapping[str, Any]) -> list[str]:
    """Every string an organization can be found by."""
    name = str(a.get("name") or a.get("label") or "")
    ks = [name, *a.get("aliases", []), *a.get("acronyms", [])]
    ini = initials(name)
    return ks + ([ini] if len(ini) >= MIN_INITIALS else [])


def find(G: nx.DiGraph, query: str) -> str | None:
    """graph.network.build.find_org (id, name, alias, acronym), then the initials of the name; the organization
    with most letters wins a tie."""
    hit = find_org(G, query)
    if hit is not None:
        return hit
    q = "".join(query.split()).casefold()
    found = [n for n, a in G.nodes(data=True) if a.get("kind") == ORG and initials(str(a.get("name", ""))).casefold() == q]
    return max(sorted(found), key=lambda n: G.nodes[n].get("n_letters", 0)) if found else None


def option_label(G: nx.DiGraph, n: Any) -> str:
    """How an organization is listed in a pick list: its name and what else it is known by, so typing an
    acronym or initials in the list finds it."""
    a = G.nodes[n]
    name = str(a.get("name") or a.get("label") or n)
    extra = [k for k in dict.fromkeys([*a.get("acronyms", []), initials(name)]) if k and len(k) >= MIN_INITIALS
             and k.casefold() != name.casefold()]
    return name + (f" ({', '.join(extra[:3])})" if extra else "")
