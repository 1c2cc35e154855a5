"""The demand lexicon compiled: data/demands.yaml as regular expressions with cheap literal gates
(graph/demands/gates.py).

Every pattern is matched against a folded sentence (lowercase, straight quotes). A letter's words are looked up
once (`Lexicon.masks`), so each gate test is one `&`. Nothing here decides what a letter asks;
graph/demands/find.py and graph/demands/asks.py apply these.

>>> lex = load_lexicon()
>>> lex.get("arms_embargo").label
'Arms embargo'
>>> lex.own.open("we urge the un", lex.masks(["we urge the un"])[0])
True
"""
from __future__ import annotations

import os
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.curated import CuratedError, expect, read_yaml
from graph.demands.gates import Rx, bit, compile_patterns
from graph.demands.languages import deaccent, merge_languages
from graph import paths
from graph.paths import curated_path

FILE = "demands.yaml"
SHORT_TEXT = 120  # characters: shorter texts (names, short lines) recur letter after letter: their bits are remembered
WORDS_KEPT = 200_000  # words and short texts whose bits are remembered; past this the memory starts again


@dataclass(frozen=True)
class Demand:
    id: str
    label: str
    description: str
    patterns: tuple[Rx, ...]
    in_context: tuple[tuple[Rx, Rx], ...] = ()  # (pattern, what must be near)
    vetoes: tuple[Rx, ...] = ()  # the opposite stance in the same clause
    any: Rx | None = None  # all patterns in one: a quick test before the precise one
    general: bool = False  # a general civil-society ask beyond the campaign taxonomy (data/demands.yaml)
    examples: tuple[str, ...] = ()  # wording it is asked in: documentation, checked by tests


@dataclass(frozen=True)
class Lexicon:
    demands: tuple[Demand, ...]
    own: Rx
    modal: Rx
    reported: Rx
    reported_by: Rx
    own_participle: Rx
    own_subject: Rx
    negation: Rx
    list_intro: Rx
    list_heading: Rx
    imperative: Rx
    source: str = FILE
    literals: tuple[str, ...] = ()  # every gate literal of every pattern
    # word -> bits of the literals inside it; letters share most words, so this fills up quickly
    _words: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    _texts: dict[str, int] = field(default_factory=dict, compare=False, repr=False)  # short texts -> bits
    # (folded sentence, whole) -> what graph.demands.find found in it, when nothing outside the sentence matters
    _found: dict[tuple[str, bool], Any] = field(default_factory=dict, compare=False, repr=False)
    # folded sentence -> (imperative matches, list_heading matches, at most six words), for graph.demands.find
    _shape: dict[str, tuple[bool, bool, bool]] = field(default_factory=dict, compare=False, repr=False)

    def get(self, demand_id: str) -> Demand | None:
        return next((d for d in self.demands if d.id == demand_id), None)

    def masks(self, texts: list[str]) -> list[int]:
        """For each text, the bits of the gate literals in it.

        Gate literals never hold whitespace (a pattern's space matches any whitespace), so each occurrence
        lies inside one whitespace-separated word, and a text's bits are the union of its words' bits.
        """
        words, known = self._words, self._texts
        get, kget = words.get, known.get
        out, redo = [], []
        for k, t in enumerate(texts):
            m = kget(t)  # the same names sign letter after letter: one lookup for the whole line
            if m is None:
                m = 0
                for w in t.split():
                    b = get(w)
                    if b is None:  # a word never seen: learn all of them at once below
                        redo.append(k)
                        break
                    m |= b
                else:
                    if len(t) < SHORT_TEXT:
                        known[t] = m
            out.append(m)
        if len(known) > WORDS_KEPT:  # bounded memory on an endless stream of letters
            known.clear()
        if redo:
            if len(words) > WORDS_KEPT:
                words.clear()
            self._learn({w for k in redo for w in texts[k].split() if w not in words})
            for k in redo:
                m = 0
                for w in texts[k].split():
                    m |= words[w]
                out[k] = m
        return out

    def _learn(self, new: set[str]) -> None:
        """Bits of unseen words: each literal searched once in all of them (str.find runs in C)."""
        order = list(new)
        blob = "\n".join(order)
        starts, pos = [], 0
        for w in order:
            starts.append(pos)
            pos += len(w) + 1
        bits = dict.fromkeys(order, 0)
        for lit in self.literals:
            i = blob.find(lit)
            if i < 0:
                continue
            b = bit(lit)
            while i >= 0:
                k = bisect_right(starts, i) - 1
                bits[order[k]] |= b
                i = blob.find(lit, starts[k] + len(order[k]) + 1)  # next word: one hit per word is enough
        self._words.update(bits)


def _demand(did: str, spec: Any, file: str) -> Demand:
    key = f"demands.{did}"
    expect({did: spec}, did, dict, file)
    label = expect(spec, "label", str, file, at=key)
    description = expect(spec, "description", str, file, at=key)
    pats = expect(spec, "patterns", list, file, at=key)
    if not pats:
        raise CuratedError(file, "needs at least one pattern", f"{key}.patterns")
    patterns = tuple(compile_patterns([p], file, f"{key}.patterns[{i}]") for i, p in enumerate(pats))
    ctx = []
    for i, c in enumerate(expect(spec, "in_context", list, file, default=[], at=key)):
        ck = f"{key}.in_context[{i}]"
        ctx.append((compile_patterns(expect(c, "pattern", str, file, at=ck), file, ck),
                    compile_patterns(expect(c, "near", str, file, at=ck), file, ck, word_start=False)))
    vetoes = tuple(compile_patterns([p], file, f"{key}.not[{i}]")
                   for i, p in enumerate(expect(spec, "not", list, file, default=[], at=key)))
    every = list(pats) + [c["pattern"] for c in spec.get("in_context") or []]
    general = expect(spec, "general", bool, file, default=False, at=key)
    examples = expect(spec, "examples", list, file, default=[], at=key)
    if not all(isinstance(x, str) and x.strip() for x in examples):
        raise CuratedError(file, "expected a list of example sentences (strings)", f"{key}.examples")
    return Demand(did, label.strip(), " ".join(description.split()), patterns, tuple(ctx), vetoes,
                  compile_patterns(every, file, key, lazy=True), general, tuple(examples))


_CACHE: dict[tuple[str, int], Lexicon] = {}


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Compile data/demands.yaml (or `path`) once; errors name the file and the key."""
    p = str(Path(path)) if path else _DEFAULT.get(paths.DATA_DIR) or _DEFAULT.setdefault(paths.DATA_DIR,
                                                                                        str(curated_path(FILE)))
    try:  # os.stat, not pathlib: this runs for every letter
        stamp = (p, os.stat(p).st_mtime_ns)
    except OSError:
        stamp = (p, 0)
    if stamp not in _CACHE:
        _CACHE[stamp] = _build(read_yaml(Path(p)), Path(p).name)
    return _CACHE[stamp]


_DEFAULT: dict[Path, str] = {}  # data folder -> the lexicon's path in it


def _build(data: Any, file: str) -> Lexicon:
    data = merge_languages(data, file)  # `languages:` adds cues and patterns per language
    asks = expect(data, "asks", dict, file)
    table = expect(data, "demands", dict, file)
    if not table:
        raise CuratedError(file, "no demands defined", "demands")
    demands = tuple(_demand(str(k), v, file) for k, v in table.items())
    verbs = expect(asks, "imperative_verbs", list, file)
    if not all(isinstance(v, str) for v in verbs):
        raise CuratedError(file, "expected a list of verbs", "asks.imperative_verbs")
    adverbs = expect(asks, "imperative_adverbs", str, file)
    not_before = expect(asks, "imperative_not_before", str, file)
    imperative = deaccent(rf"^{adverbs}(?:{'|'.join(map(re.escape, verbs))})\b(?!\s+(?:{not_before}))")
    for k in ("imperative_adverbs", "imperative_not_before"):
        compile_patterns(asks[k], file, f"asks.{k}")

    def cue(k: str, word_start: bool = True) -> Rx:
        return compile_patterns(expect(asks, k, (list, str), file), file, f"asks.{k}", word_start)

    cues = [cue("own"), cue("modal"), cue("reported"), cue("reported_by")]
    more = [cue("own_participle", False), cue("own_subject", False), cue("negation", False),
            cue("list_intro", False), cue("list_heading", False)]
    gated = cues + more + [r for d in demands for r in (d.any, *d.patterns, *d.vetoes, *(x for c in d.in_context
                                                                                          for x in c))]
    literals = tuple(sorted(frozenset().union(*(r.gate for r in gated if r.gate))))
    return Lexicon(demands, *cues, *more, Rx(re.compile(imperative), None), file, literals)
