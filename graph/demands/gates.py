"""Regular expressions with cheap literal gates: the engine under the demand lexicon (graph/demands/patterns.py).

Python's `re` is slow on long alternations, so each compiled pattern carries a *gate*: literal strings one of
which every match contains. Gates are bits of an int (`bit`); a text's words are looked up once
(`Lexicon.masks`) and a gate test is one `&`. Patterns are curated data: `compile_patterns` checks them and
names the pattern at fault.

>>> rx = compile_patterns([r"arms? embargo", "jet fuel"], "demands.yaml", "demo")  # a space matches any or none: no gate holds one
>>> sorted(rx.gate), bool(rx.search("an arms embargo now")), rx.search("no weapons") is None
(['embargo', 'fuel'], True, True)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

try:  # the regex parser, for the literal gates of Rx (Python 3.11 moved it)
    from re import _constants as _C, _parser
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _C  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

from graph.curated import CuratedError
from graph.demands.languages import deaccent

_COMMON = frozenset({"has", "have", "had", "the", "and", "for", "are", "was", "its", "their", "with", "to", "of", "in",
                     "on", "be", "is", "by", "at", "an", "or", "that", "this", "all", "any"})
_BITS: dict[str, int] = {}  # literal -> its bit; one numbering for all lexicons, so masks never clash


def bit(literal: str) -> int:
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
    bits: int = 0  # the gate as bits (see bit)

    @classmethod
    def of(cls, pattern: str, parts: list[str], lazy: bool = False) -> "Rx":
        gates = [_gate(p) for p in parts]
        gate = None if any(g is None for g in gates) else frozenset().union(*gates)
        if gate and any(len(g.split()) != 1 or g.strip() != g for g in gate):
            gate = None  # Lexicon.masks looks literals up word by word: whitespace in one would escape it
        return cls(_Lazy(pattern) if lazy else re.compile(pattern), gate, sum(bit(g) for g in gate) if gate else 0)

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


def compile_patterns(patterns: Any, file: str, key: str, word_start: bool = True, lazy: bool = False) -> Rx:
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
