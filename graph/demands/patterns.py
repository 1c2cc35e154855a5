"""The demand lexicon compiled: data/demands.yaml as regular expressions with cheap literal gates.

Every pattern is matched against a folded sentence (lowercase, straight quotes). Python's `re` is slow on
long alternations, so each compiled pattern carries a *gate*: literal strings one of which every match
contains. Gates are bits of an int; a letter's words are looked up once (`Lexicon.masks`) and a gate test is
one `&`. Nothing here decides what a letter asks; graph/demands/find.py and graph/demands/asks.py apply these.

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

try:  # the regex parser, for the literal gates of Rx (Python 3.11 moved it)
    from re import _constants as _C, _parser
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _C  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

from graph.curated import CuratedError, expect, read_yaml
from graph.demands.languages import deaccent, merge_languages
from graph import paths
from graph.paths import curated_path

FILE = "demands.yaml"
_COMMON = frozenset({"has", "have", "had", "the", "and", "for", "are", "was", "its", "their", "with", "to", "of", "in",
                     "on", "be", "is", "by", "at", "an", "or", "that", "this", "all", "any"})
_BITS: dict[str, int] = {}  # literal -> its bit; one numbering for all lexicons, so masks never clash


def _bit(literal: str) -> int:
    return 1 << _BITS.setdefault(literal, len(_BITS))


def _spaces(pattern: str) -> str:
    """A literal space outside [...] matches any whitespace or none (OCR drops and adds spaces)."""
    out, depth, esc = [], 0, False
    for ch in pattern:
        if esc:
            out.append(ch)
            esc = False
            continue
        if ch == "\\":
            esc = True
        elif ch == "[":
            depth += 1
        elif ch == "]" and depth:
            depth -= 1
        out.append(r"\s*" if ch == " " and not depth else ch)
    return "".join(out)


def _required(seq: Any) -> frozenset[str] | None:
    """Literal strings one of which every match of a parsed regex contains; None when there is no such set.

    A cheap test on these skips most regex searches (CPython's re is slow on long alternations).
    >>> sorted(_required(_parser.parse(r"(?:arms?|weapons?)\\s*embargo|jet fuel")))
    ['embargo', 'jet fuel']
    """
    cands: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            cands.append(frozenset(["".join(run)]))
            run.clear()

    for op, av in seq:
        if op is _C.LITERAL:
            run.append(chr(av))
            continue
        flush()
        sub = None
        if op is _C.SUBPATTERN:
            sub = _required(av[-1])
        elif op is _C.BRANCH:
            alts = [_required(a) for a in av[1]]
            sub = None if any(a is None for a in alts) else frozenset().union(*alts)
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT) and av[0] >= 1:
            sub = _required(av[2])
        if sub:
            cands.append(sub)
    flush()
    # the most selective set: no common word in it, then few literals, then long ones
    best = max(cands, key=lambda c: (not c & _COMMON, min(map(len, c)) >= 3, -len(c), min(map(len, c))), default=None)
    return best if best and min(map(len, best)) >= 2 else None


@dataclass(frozen=True)
class Rx:
    """A compiled pattern with a literal gate: the regex runs only when a literal it requires is in the text.

    `mask`, when given, holds the bits of the gate literals present in the whole string searched (from
    `Lexicon.masks`), so the gate is one `&` instead of a loop of substring tests.
    """

    rx: re.Pattern
    gate: frozenset[str] | None
    bits: int = 0  # the gate as bits (see _bit)

    @classmethod
    def of(cls, pattern: str, parts: list[str], lazy: bool = False) -> "Rx":
        gates = [_gate(p) for p in parts]
        gate = None if any(g is None for g in gates) else frozenset().union(*gates)
        if gate and any(len(g.split()) != 1 or g.strip() != g for g in gate):
            gate = None  # Lexicon.masks looks literals up word by word: whitespace in one would escape it
        return cls(_Lazy(pattern) if lazy else re.compile(pattern), gate, sum(_bit(g) for g in gate) if gate else 0)

    def open(self, s: str, mask: int | None = None) -> bool:
        if self.gate is None:
            return True
        if mask is not None:
            return bool(self.bits & mask)
        for g in self.gate:  # a plain loop: a generator inside any() costs more than the test itself
            if g in s:
                return True
        return False

    def search(self, s: str, pos: int = 0, endpos: int | None = None, mask: int | None = None) -> re.Match | None:
        return self.rx.search(s, pos, len(s) if endpos is None else endpos) if self.open(s, mask) else None

    def finditer(self, s: str, pos: int = 0, endpos: int | None = None, mask: int | None = None):
        return self.rx.finditer(s, pos, len(s) if endpos is None else endpos) if self.open(s, mask) else iter(())

    def match(self, s: str) -> re.Match | None:
        return self.rx.match(s)

    def fullmatch(self, s: str) -> re.Match | None:
        return self.rx.fullmatch(s)


def _gate(part: str) -> frozenset[str] | None:
    """`_required` of one pattern, parsed once per process (patterns recur: a demand's `any` repeats them)."""
    try:
        return _GATES[part]
    except KeyError:
        g = _GATES[part] = _required(_parser.parse(part))
        return g


_GATES: dict[str, frozenset[str] | None] = {}
_CAPITALS = re.compile(r"[A-Z]")
_NOT_LETTERS = re.compile(r"\\.|\[[^\]]*\]|\(\?[<=!]*")


class _Lazy:
    """A regex compiled on first use. Only `Demand.any` is one: its gate is all the matcher reads, and its
    parts were each compiled (so checked) on their own just before."""
    __slots__ = ("pattern", "_rx")

    def __init__(self, pattern: str) -> None:
        self.pattern, self._rx = pattern, None

    def __getattr__(self, name: str) -> Any:  # only for names not found on _Lazy itself
        if name.startswith("__") or name in ("pattern", "_rx"):  # pickle and copy probe before slots are set
            raise AttributeError(name)
        if self._rx is None:
            self._rx = re.compile(self.pattern)
        return getattr(self._rx, name)

    def __reduce__(self) -> tuple:
        return _Lazy, (self.pattern,)

    def __eq__(self, other: object) -> bool:
        return re.compile(self.pattern) == (re.compile(other.pattern) if isinstance(other, _Lazy) else other)

    def __hash__(self) -> int:
        return hash(re.compile(self.pattern))

    def __repr__(self) -> str:
        return repr(re.compile(self.pattern))


def _check(patterns: list[str], file: str, key: str) -> None:
    """Each pattern on its own: a valid regex after space folding, and no capitals. Raises CuratedError."""
    for i, p in enumerate(patterns):
        try:
            re.compile(_spaces(p))
        except re.error as e:
            raise CuratedError(file, f"pattern {i + 1} {p!r} is not a valid regular expression: {e}", key) from None
        if _CAPITALS.search(_NOT_LETTERS.sub("", p)):
            raise CuratedError(file, f"pattern {i + 1} {p!r} has capitals; text is matched lowercased", key)


def _compile(patterns: Any, file: str, key: str, word_start: bool = True, lazy: bool = False) -> Rx:
    """One regex for a list of patterns, each starting at a word start (one shared look-behind: fast).

    Each pattern is parsed once (for its gate); the combined regex is compiled (unless `lazy`). Only when
    something fails are the patterns compiled one by one, so the error names the pattern at fault.
    """
    if isinstance(patterns, str):
        patterns = [patterns]
    if not isinstance(patterns, list) or not all(isinstance(p, str) and p for p in patterns):
        raise CuratedError(file, "expected a non-empty list of regular expressions (strings)", key)
    start = r"(?<![a-z0-9])" if word_start else ""
    # Matched against lowercased text without re.IGNORECASE: about three times faster in Python's re.
    parts = [_spaces(deaccent(p)) for p in patterns]  # sentences are matched without accents too
    pattern = start + "(?:" + "|".join(f"(?:{p})" for p in parts) + ")"
    if lazy and "(?P" in pattern:
        lazy = False  # named groups may clash once combined: find out now, as compiling would
    try:
        for part in parts:
            _gate(part)
        rx = Rx.of(pattern, parts, lazy)
    except re.error:
        _check(patterns, file, key)  # names the pattern at fault
        raise
    if any(_CAPITALS.search(_NOT_LETTERS.sub("", p)) for p in patterns):
        _check(patterns, file, key)
    return rx


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
                    if len(t) < 120:
                        known[t] = m
            out.append(m)
        if len(known) > 200_000:  # bounded memory on an endless stream of letters
            known.clear()
        if redo:
            if len(words) > 200_000:
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
            b = _bit(lit)
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
    patterns = tuple(_compile([p], file, f"{key}.patterns[{i}]") for i, p in enumerate(pats))
    ctx = []
    for i, c in enumerate(expect(spec, "in_context", list, file, default=[], at=key)):
        ck = f"{key}.in_context[{i}]"
        ctx.append((_compile(expect(c, "pattern", str, file, at=ck), file, ck),
                    _compile(expect(c, "near", str, file, at=ck), file, ck, word_start=False)))
    vetoes = tuple(_compile([p], file, f"{key}.not[{i}]")
                   for i, p in enumerate(expect(spec, "not", list, file, default=[], at=key)))
    every = list(pats) + [c["pattern"] for c in spec.get("in_context") or []]
    general = expect(spec, "general", bool, file, default=False, at=key)
    examples = expect(spec, "examples", list, file, default=[], at=key)
    if not all(isinstance(x, str) and x.strip() for x in examples):
        raise CuratedError(file, "expected a list of example sentences (strings)", f"{key}.examples")
    return Demand(did, label.strip(), " ".join(description.split()), patterns, tuple(ctx), vetoes,
                  _compile(every, file, key, lazy=True), general, tuple(examples))


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
        _compile(asks[k], file, f"asks.{k}")

    def cue(k: str, word_start: bool = True) -> Rx:
        return _compile(expect(asks, k, (list, str), file), file, f"asks.{k}", word_start)

    cues = [cue("own"), cue("modal"), cue("reported"), cue("reported_by")]
    more = [cue("own_participle", False), cue("own_subject", False), cue("negation", False),
            cue("list_intro", False), cue("list_heading", False)]
    gated = cues + more + [r for d in demands for r in (d.any, *d.patterns, *d.vetoes, *(x for c in d.in_context
                                                                                          for x in c))]
    literals = tuple(sorted(frozenset().union(*(r.gate for r in gated if r.gate))))
    return Lexicon(demands, *cues, *more, Rx(re.compile(imperative), None), file, literals)
