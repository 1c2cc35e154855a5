"""Whole-word phrase look-ups in organization names: the rules' phrase lists and the gazetteer's places.

Names are normalised (graph.identity.names.normalise): lower case, one space between words. A phrase is found when
its words appear consecutively. Most names hold none of the rules' phrases, so a name's words are checked
once against every phrase's first word before any list is looked at.

>>> find(("chin community of japan",), ["japan", "chin"])
'japan'
>>> foreign(("burmese association sydney",), [], __import__("graph.identity.tagging.data").identity.tagging.data.load_gazetteer())
('sydney', 'Australia')
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Sequence

from graph.identity.tagging.data import Gazetteer, Rules

GRAM_WORDS = 12  # runs of up to this many words are indexed; a longer phrase is looked up by substring


@lru_cache(maxsize=1024)
def _grams(texts: tuple[str, ...]) -> tuple[frozenset[str], bool]:
    """Every run of up to GRAM_WORDS consecutive words of the texts, and whether that is all of them."""
    out: set[str] = set()
    complete = True
    for t in texts:
        w = t.split(" ")
        complete = complete and len(w) <= GRAM_WORDS
        for i in range(len(w)):
            for j in range(i + 1, min(len(w), i + GRAM_WORDS) + 1):
                out.add(" ".join(w[i:j]))
    return frozenset(out), complete


def find(texts: Sequence[str], phrases: Iterable[str]) -> str | None:
    """First phrase (in the order given) found as whole words in any of the normalised texts."""
    texts = tuple(texts)
    grams, complete = _grams(texts)
    for p in phrases:
        if p in grams:
            return p
        if not complete and p.count(" ") >= GRAM_WORDS and any(f" {p} " in f" {t} " for t in texts):
            return p
    return None


def hits(texts: Sequence[str], phrases: frozenset[str], firsts: frozenset[str], width: int) -> set[str]:
    """The `phrases` found as whole words in the texts, looking only at runs that start with a first word."""
    out = set()
    for t in texts:
        w = t.split(" ")
        if firsts.isdisjoint(w):
            continue
        for i, x in enumerate(w):
            if x in firsts:
                for j in range(i + 1, min(len(w), i + width) + 1):
                    g = " ".join(w[i:j])
                    if g in phrases:
                        out.add(g)
    return out


class PhraseIndex:
    """Every phrase list the rules and the gazetteer search, by name ("diaspora.identity", "myanmar"),
    with the union of all phrases, their first words and the longest length, for one pass per name."""

    def __init__(self, rules: Rules, gz: Gazetteer):
        self.lists: dict[str, tuple[str, ...]] = {
            f"{tag}.{k}": tuple(v) for tag, spec in rules.tags.items() for k, v in spec.items() if isinstance(v, list)}
        self.lists["myanmar"] = tuple(sorted(gz.myanmar))
        for nat, words in gz.not_ethnic_with.items():
            self.lists[f"not_ethnic_with.{nat}"] = tuple(sorted(words))
        self.sets = {k: frozenset(v) for k, v in self.lists.items()}
        self.ethnic = frozenset(gz.ethnic)
        self.phrases = frozenset().union(*self.sets.values(), self.ethnic)
        self.firsts = frozenset(p.split(" ")[0] for p in self.phrases)
        self.width = max((p.count(" ") + 1 for p in self.phrases), default=0)
        self.places = frozenset(gz.myanmar_places)


class Found:
    """The phrases of a PhraseIndex in one organization's names: `first(list name)` answers a condition."""

    def __init__(self, texts: Sequence[str], ix: PhraseIndex):
        self.texts, self.ix = tuple(texts), ix
        self.complete = all(t.count(" ") < GRAM_WORDS for t in self.texts)  # else the word runs are not enough
        self.hits = hits(self.texts, ix.phrases, ix.firsts, ix.width) if self.complete else set()

    def first(self, name: str) -> str | None:
        """The first phrase of list `name` in the names (None when the list is unknown or absent)."""
        lst = self.ix.lists.get(name)
        if not lst:
            return None
        if self.complete:
            return None if self.ix.sets[name].isdisjoint(self.hits) else next(p for p in lst if p in self.hits)
        return find(self.texts, lst)

    def peoples(self) -> list[tuple[int, str]]:
        """(position, phrase) of each gazetteer people named, in the order they are named."""
        found = self.hits & self.ix.ethnic if self.complete else [p for p in self.ix.ethnic if find(self.texts, (p,))]
        return sorted((min(f" {t} ".find(f" {p} ") for t in self.texts if f" {p} " in f" {t} "), p) for p in found)


_FOREIGN: dict[int, tuple] = {}
GAZETTEERS_KEPT = 8  # indexes of this many gazetteers are kept (tests load a few variants; one in the app)


def _foreign_index(gz: Gazetteer) -> tuple:
    """(gazetteer, phrase -> (rank, country), longest phrase in words, case-sensitive patterns, first words)."""
    hit = _FOREIGN.get(id(gz))
    if hit is None or hit[0] is not gz:
        if len(_FOREIGN) > GAZETTEERS_KEPT:
            _FOREIGN.clear()
        order = {p: (i, c) for i, (p, c) in enumerate(gz.foreign.items())}
        width = max((p.count(" ") + 1 for p in gz.foreign), default=0)
        pats = tuple((tok, country, re.compile(rf"(?<![A-Za-z.]){re.escape(tok)}(?![A-Za-z])"))
                     for tok, country in gz.foreign_cs.items())
        firsts = frozenset(p.split(" ")[0] for p in gz.foreign)
        hit = _FOREIGN[id(gz)] = (gz, order, width, pats, firsts)
    return hit


def foreign(texts: Sequence[str], printed: Sequence[str], gz: Gazetteer) -> tuple[str, str] | None:
    """The foreign place named first (earliest in a text, then longest, then first in the gazetteer)."""
    _, order, width, pats, firsts = _foreign_index(gz)
    best = None
    for t in texts:
        w = t.split(" ")
        if firsts.isdisjoint(w):  # no place's first word: most names
            continue
        pos = 0  # where word i starts: the same position as f" {t} ".find(f" {phrase} ")
        for i in range(len(w)):
            for j in range(i + 1, min(len(w), i + width) + 1) if w[i] in firsts else ():
                phrase = " ".join(w[i:j])
                hit = order.get(phrase)
                if hit is not None and (best is None or (pos, -len(phrase), hit[0]) < best[0]):
                    best = ((pos, -len(phrase), hit[0]), phrase, hit[1])
            pos += len(w[i]) + 1
    if best:
        return best[1], best[2]
    joined = "\n".join(p for p in printed if p)
    for tok, country, pat in pats:
        if tok in joined and any(pat.search(p) for p in printed):
            return tok, country
    return None
