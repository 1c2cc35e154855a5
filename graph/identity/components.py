"""Merging nodes into organizations: union-find whose unions respect vetoes, and the words that tell two
names apart (a fuzzy merge needs FUZZY_MERGE similarity and no such word)."""
from __future__ import annotations

from collections import defaultdict

from graph.identity.judgements import Judgements
from graph.identity.misprints import differing_words
from graph.identity.printings import Node


FUZZY_MERGE = 0.88  # ratio of normal forms needed for a fuzzy merge (and every differing word must pair up)


class Components:
    """Union-find whose unions respect vetoes and 'one letter, one entry'."""

    def __init__(self, nodes: dict[str, Node], jd: Judgements):
        self.parent = {k: k for k in nodes}
        self.keys = {k: {n.text} for k, n in nodes.items()}  # normal forms, for vetoes
        self.files = {k: set(n.files) for k, n in nodes.items()}
        self.acr = {k: set(n.acronyms) for k, n in nodes.items()}
        self.suspect = {k: n.suspect for k, n in nodes.items() if n.suspect}
        self.veto: dict[str, set[str]] = defaultdict(set)
        for a, b, _ in jd.different:
            self.veto[a].add(b)
            self.veto[b].add(a)

    def find(self, k: str) -> str:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def why_not(self, a: str, b: str, curated: bool) -> str | None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return None
        small, big = (ra, rb) if len(self.keys[ra]) <= len(self.keys[rb]) else (rb, ra)
        if self.veto:
            veto, big_keys = self.veto, self.keys[big]
            if any(k in veto and not veto[k].isdisjoint(big_keys) for k in self.keys[small]):
                return "judged different"
        if curated:
            return None
        if self.suspect and (self.suspect.get(a) or self.suspect.get(b)):
            return f"look-alike: {self.suspect.get(a) or self.suspect.get(b)}"
        if not self.files[ra].isdisjoint(self.files[rb]):
            return "both entries in one letter " + min(self.files[ra] & self.files[rb])
        if self.acr[ra] and self.acr[rb] and not self.acr[ra] & self.acr[rb]:
            return f"different acronyms {sorted(self.acr[ra])} / {sorted(self.acr[rb])}"
        return None

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if len(self.keys[ra]) < len(self.keys[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.keys[ra] |= self.keys.pop(rb)
        self.files[ra] |= self.files.pop(rb)
        self.acr[ra] |= self.acr.pop(rb)


def why_different(nodes: dict[str, Node], a: str, b: str, distinguishing: frozenset[str]) -> str | None:
    """misprints.why_different(a.text, b.text, distinguishing, a.marked | b.marked), from the nodes' word sets."""
    na, nb = nodes[a], nodes[b]
    ra, rb = na.content - nb.content, nb.content - na.content
    u = ra | rb
    known = u & distinguishing
    if na.marked or nb.marked:
        known |= u & (na.marked | nb.marked)
    return differing_words(ra, rb, known)


class Differences:
    """why_different for pairs of nodes, remembered for the next resolution (Printings.differences): it
    depends only on the two nodes' normal forms and marked words, which a node never changes after its
    resolution (a part is copied before a new letter adds to it, printings._own): an answer holds while the
    two nodes are the same objects (most are: an untouched part is its node), or have the same words (a
    node of two parts is made again). Adding a letter asks again about ~50,000 pairs, nearly all unchanged."""

    def __init__(self, nodes: dict[str, Node], distinguishing: frozenset[str],
                 before: dict[tuple[str, str], tuple[Node, Node, str | None]]):
        self.nodes, self.distinguishing, self.before = nodes, distinguishing, before
        self.seen: dict[tuple[str, str], tuple[Node, Node, str | None]] = {}

    def __call__(self, a: str, b: str) -> str | None:
        na, nb = self.nodes[a], self.nodes[b]
        pair = (a, b)
        hit = self.before.get(pair) or self.seen.get(pair)  # each pair is asked about once, nearly always
        if hit is not None and (hit[0] is na or (hit[0].text == na.text and hit[0].marked == na.marked)) and (
                hit[1] is nb or (hit[1].text == nb.text and hit[1].marked == nb.marked)):
            why = hit[2]
        else:
            why = why_different(self.nodes, a, b, self.distinguishing)
        self.seen[pair] = (na, nb, why)
        return why
