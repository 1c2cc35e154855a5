"""What a letter asks for: demand ids from data/demands.yaml, each with the sentence that shows it.

A demand counts only when the letter itself asks for it: the sentence must carry an ask cue
("we urge", "must", an imperative list item under "We urge HMG to:"), the ask must not be someone
else's reported or quoted ask, and the demand's pattern must fall inside the asked-for part.
Cues, patterns and stance rules are curated data (data/demands.yaml); this module only applies them.

>>> hits, asks = find_demands("We urge all states to impose a global arms embargo.\\n"
...                           "The UN has called for the release of detainees.")
>>> [(h.id, h.evidence) for h in hits]
[('arms_embargo', 'We urge all states to impose a global arms embargo.')]
>>> find_demands("Resolution 2669 does not recognize the military as a government.")
((), ())
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

try:  # the regex parser, for the literal gates of Rx (Python 3.11 moved it)
    from re import _constants as _C, _parser
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _C  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

from .curated import CuratedError, expect, read_yaml
from .paths import curated_path
from .records import Ask, DemandHit, Lines
from .sentences import Sentence, sentences, split_sentences  # noqa: F401  (re-exported: design contract)

FILE = "demands.yaml"
# Straight quotes and plain hyphens, one character for one, so match offsets stay valid in the original.
_FOLD_PAIRS = (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u2010", "-"), ("\u2011", "-"),
               ("\u2013", "-"), ("\u00ad", "-"))
_CLAUSE = re.compile(r"[;:]")
_SOFT_CLAUSE = re.compile(r"[,;:()\u2014]|\s-\s")
_QUOTE = re.compile(r"\"[^\"]{1,600}\"|'(?<![A-Za-z]')[^']{1,600}'(?![A-Za-z])")
MAX_EVIDENCE = 300
LONG_EVIDENCE = 160  # longer clauses are quoted by their comma-separated part
_CHUNK = re.compile(r",\s|\s[\u2014-]\s")


def _fold(text: str) -> str:
    """Lowercase, straight quotes, plain hyphens; always the same length, so offsets carry over."""
    low = text.lower()
    if len(low) != len(text):  # a rare character whose lowercase is longer: keep it as it is
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for a, b in _FOLD_PAIRS:  # str.replace per character beats str.translate with a dict by far
        if a in low:
            low = low.replace(a, b)
    return low


@dataclass(frozen=True)
class Demand:
    id: str
    label: str
    description: str
    patterns: tuple[Rx, ...]
    in_context: tuple[tuple[Rx, Rx], ...] = ()  # (pattern, what must be near)
    vetoes: tuple[Rx, ...] = ()  # the opposite stance in the same clause
    any: Rx | None = None  # all patterns in one: a quick test before the precise one


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
    literals: tuple[str, ...] = ()  # every gate literal of the demands, tested once per asking sentence

    def get(self, demand_id: str) -> Demand | None:
        return next((d for d in self.demands if d.id == demand_id), None)


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

    A cheap `in` test on these skips most regex searches (CPython's re is slow on long alternations).
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


_COMMON = frozenset({"has", "have", "had", "the", "and", "for", "are", "was", "its", "their", "with", "to", "of", "in",
                     "on", "be", "is", "by", "at", "an", "or", "that", "this", "all", "any"})


@dataclass(frozen=True)
class Rx:
    """A compiled pattern with a literal gate: the regex runs only when a literal it requires is in the text.

    `here`, when given, is the set of gate literals present in the text (computed once per sentence for the
    whole lexicon), so the gate is one set operation instead of a loop of substring tests.
    """

    rx: re.Pattern
    gate: frozenset[str] | None

    @classmethod
    def of(cls, pattern: str, parts: list[str]) -> "Rx":
        gates = [_required(_parser.parse(p)) for p in parts]
        return cls(re.compile(pattern), None if any(g is None for g in gates) else frozenset().union(*gates))

    def open(self, s: str, here: frozenset[str] | set[str] | None = None) -> bool:
        if self.gate is None:
            return True
        if here is not None:
            return not self.gate.isdisjoint(here)
        for g in self.gate:  # a plain loop: a generator inside any() costs more than the test itself
            if g in s:
                return True
        return False

    def search(self, s: str, pos: int = 0, endpos: int | None = None, here=None) -> re.Match | None:
        return self.rx.search(s, pos, len(s) if endpos is None else endpos) if self.open(s, here) else None

    def finditer(self, s: str, pos: int = 0, endpos: int | None = None, here=None):
        return self.rx.finditer(s, pos, len(s) if endpos is None else endpos) if self.open(s, here) else iter(())

    def match(self, s: str) -> re.Match | None:
        return self.rx.match(s)

    def fullmatch(self, s: str) -> re.Match | None:
        return self.rx.fullmatch(s)


def _compile(patterns: Any, file: str, key: str, word_start: bool = True) -> Rx:
    """One regex for a list of patterns, each starting at a word start (one shared look-behind: fast)."""
    if isinstance(patterns, str):
        patterns = [patterns]
    if not isinstance(patterns, list) or not all(isinstance(p, str) and p for p in patterns):
        raise CuratedError(file, "expected a non-empty list of regular expressions (strings)", key)
    for i, p in enumerate(patterns):
        try:
            re.compile(_spaces(p))
        except re.error as e:
            raise CuratedError(file, f"pattern {i + 1} {p!r} is not a valid regular expression: {e}", key) from None
        if re.search(r"[A-Z]", re.sub(r"\\.|\[[^\]]*\]|\(\?[<=!]*", "", p)):
            raise CuratedError(file, f"pattern {i + 1} {p!r} has capitals; text is matched lowercased", key)
    start = r"(?<![a-z0-9])" if word_start else ""
    # Matched against lowercased text without re.IGNORECASE: about three times faster in Python's re.
    parts = [_spaces(p) for p in patterns]
    return Rx.of(start + "(?:" + "|".join(f"(?:{p})" for p in parts) + ")", parts)


def _demand(did: str, spec: Any, file: str) -> Demand:
    key = f"demands.{did}"
    expect({did: spec}, did, dict, file)
    label = expect(spec, "label", str, file)
    description = expect(spec, "description", str, file)
    pats = expect(spec, "patterns", list, file)
    if not pats:
        raise CuratedError(file, "needs at least one pattern", f"{key}.patterns")
    patterns = tuple(_compile([p], file, f"{key}.patterns[{i}]") for i, p in enumerate(pats))
    ctx = []
    for i, c in enumerate(expect(spec, "in_context", list, file, default=[])):
        ck = f"{key}.in_context[{i}]"
        ctx.append((_compile(expect(c, "pattern", str, file), file, ck),
                    _compile(expect(c, "near", str, file), file, ck, word_start=False)))
    vetoes = tuple(_compile([p], file, f"{key}.not[{i}]")
                   for i, p in enumerate(expect(spec, "not", list, file, default=[])))
    every = list(pats) + [c["pattern"] for c in spec.get("in_context") or []]
    return Demand(did, label.strip(), " ".join(description.split()), patterns, tuple(ctx), vetoes,
                  _compile(every, file, key))


_CACHE: dict[tuple[str, int], Lexicon] = {}


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Compile data/demands.yaml (or `path`) once; errors name the file and the key."""
    p = Path(path) if path else curated_path(FILE)
    stamp = (str(p), p.stat().st_mtime_ns if p.exists() else 0)
    if stamp not in _CACHE:
        _CACHE[stamp] = _build(read_yaml(p), p.name)
    return _CACHE[stamp]


def _build(data: Any, file: str) -> Lexicon:
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
    imperative = rf"^{adverbs}(?:{'|'.join(map(re.escape, verbs))})\b(?!\s+(?:{not_before}))"
    for k in ("imperative_adverbs", "imperative_not_before"):
        _compile(asks[k], file, f"asks.{k}")

    def cue(k: str, word_start: bool = True) -> Rx:
        return _compile(expect(asks, k, (list, str), file), file, f"asks.{k}", word_start)

    cues = [cue("own"), cue("modal"), cue("reported"), cue("reported_by")]
    gated = [d.any for d in demands] + [p for d in demands for p in d.patterns]
    literals = tuple(sorted(frozenset().union(*(r.gate for r in gated if r.gate))))
    return Lexicon(demands, *cues, cue("own_participle", False), cue("own_subject", False), cue("negation", False),
                   cue("list_intro", False), cue("list_heading", False), Rx(re.compile(imperative), None), file,
                   literals)


# --- asks -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Region:
    allowed: tuple[tuple[int, int], ...]  # spans of the sentence that the letter asks for


def _clause_start(text: str, pos: int) -> int:
    cut = [m.end() for m in _CLAUSE.finditer(text, 0, pos)]
    return cut[-1] if cut else 0


def _ask_region(s: str, lex: Lexicon, whole: bool, quotes: Callable[[], list[tuple[int, int]]],
                here: set[str] | None = None) -> _Region | None:
    """Where in sentence `s` (folded) the letter makes its own ask; None when it asks nothing."""
    own_spans = [m.span() for m in lex.own.finditer(s, here=here)]
    cues = [(a, "own") for a, _ in own_spans] + [(m.start(), "modal") for m in lex.modal.finditer(s, here=here)]
    reported = list(lex.reported.finditer(s, here=here))
    if not (whole or cues or reported):
        return None  # most sentences: no cue at all
    masks = list(quotes())
    for m in lex.reported_by.finditer(s, here=here):  # "as recommended by the Mission," - only up to the comma
        nxt = _SOFT_CLAUSE.search(s, m.end())
        masks.append((m.start(), nxt.start() if nxt else len(s)))
    for m in reported:
        if any(a <= m.start() < b for a, b in masks + own_spans):  # "are asked to" is an own cue
            continue
        if lex.imperative.fullmatch(s[:m.start()].rstrip()):  # "Lead calls for ...": a noun after a verb
            continue
        if m.group(0).startswith(("calling", "urging")):  # participle: "in calling on" is ours
            ours = lex.own_participle.search(s[max(0, m.start() - 6):m.start()])
        else:  # "we have called for" is ours, "the High Commissioner has called on" is not
            ours = lex.own_subject.search(s[_clause_start(s, m.start()):m.start()])
        if ours:
            cues.append((m.start(), "own"))
            continue
        # until the letter speaks again: "As the Rapporteur has recommended, states should ..."
        masks.append((m.start(), next((p for p, _ in sorted(cues) if p > m.end()), len(s))))
    starts = [0] if whole else []
    starts += [p if kind == "own" else _clause_start(s, p) for p, kind in cues
               if not any(a <= p < b for a, b in masks)]
    if not starts:
        return None
    allowed, cur = [], min(starts)
    for a, b in sorted(masks):
        if b <= cur:
            continue
        if a > cur:
            allowed.append((cur, a))
        cur = max(cur, b)
    if cur < len(s):
        allowed.append((cur, len(s)))
    return _Region(tuple(allowed)) if allowed else None


def _name_like(s: str) -> bool:
    """Title Case like an organization's name ("Support Group for Democracy"), not an imperative."""
    words = re.findall(r"[A-Za-z][\w'-]*", s)
    small = {"of", "for", "and", "the", "in", "on", "to", "a", "an", "&", "with"}
    big = [w for w in words if w.lower() not in small]
    if len(words) < 3:
        return True
    return s.rstrip()[-1:] not in ".;:!" and sum(w[0].isupper() for w in big) >= 0.75 * len(big)


def _quotes(segment_text: str) -> list[tuple[int, int]]:
    """Quotations of four words or more: someone else's words, never the letter's ask."""
    return [m.span() for m in _QUOTE.finditer(segment_text) if len(m.group(0).split()) >= 4]


# --- demands ------------------------------------------------------------------------------------------


def _negated(s: str, start: int, lex: Lexicon) -> bool:
    soft = [m.end() for m in _SOFT_CLAUSE.finditer(s, 0, start)]
    window = s[max(soft[-1] if soft else 0, start - 50):start]
    return bool(lex.negation.search(window))


def _clause(text: str, a: int, b: int) -> tuple[int, int]:
    """The clause (between ; and :) around a match; a window when the clause is very long."""
    lo = _clause_start(text, a)
    m = _CLAUSE.search(text, b)
    hi = m.start() if m else len(text)
    if len(text[lo:hi].strip()) < 25:
        lo, hi = 0, len(text)
    if hi - lo > MAX_EVIDENCE:
        lo, hi = max(lo, a - MAX_EVIDENCE // 2), min(hi, b + MAX_EVIDENCE // 2)
        lo = text.rfind(" ", 0, lo) + 1 if lo > 0 else 0
        sp = text.find(" ", hi)
        hi = sp if sp != -1 else len(text)
    while lo < hi and text[lo] in " ,—-":
        lo += 1
    return lo, hi


def _evidence(text: str, a: int, b: int) -> tuple[int, int]:
    """What to quote for a match: its clause, or in a long clause the comma-separated part around it."""
    lo, hi = _clause(text, a, b)
    if hi - lo > LONG_EVIDENCE:
        starts = [lo] + [m.end() for m in _CHUNK.finditer(text, lo, a)]
        ends = [m.start() for m in _CHUNK.finditer(text, b, hi)] + [hi]
        k, e = len(starts) - 1, 0
        while ends[e] - starts[k] < 60 and (k > 0 or e < len(ends) - 1):  # too short alone: add a neighbour
            if k > 0:
                k -= 1
            else:
                e += 1
        lo, hi = starts[k], ends[e]
    while lo < hi and text[lo] in " ,—-":
        lo += 1
    return lo, hi


def _matches(d: Demand, s: str, region: _Region, context: str, lex: Lexicon, here: set[str]):
    if not d.any.open(s, here):
        return
    spans = [(x, y) for x, y in region.allowed if d.any.search(s, x, y)]
    if not spans:
        return
    for pat in d.patterns + tuple(p for p, near in d.in_context if near.search(context)):
        for x, y in spans:  # a match must lie inside the asked-for part: search only there
            for m in pat.finditer(s, x, y, here=here):
                a, b = m.span()
                if _negated(s, a, lex):
                    continue
                lo, hi = _clause(s, a, b)
                if any(v.search(s, lo, hi) for v in d.vetoes):
                    continue
                yield _evidence(s, a, b)


def _sentence_quotes(sents: list[Sentence], folds: list[str], i: int) -> list[tuple[int, int]]:
    """Quotation spans in sentence i; a quotation may run over several sentences of its paragraph."""
    k = j = i
    while k > 0 and sents[k - 1].segment == sents[i].segment:
        k -= 1
    while j < len(sents) and sents[j].segment == sents[i].segment:
        j += 1
    offset = sum(len(f) + 1 for f in folds[k:i])
    n = len(folds[i])
    return [(max(a - offset, 0), min(b - offset, n)) for a, b in _quotes(" ".join(folds[k:j]))
            if a < offset + n and b > offset]


def find_demands(text: str, lexicon: Lexicon | None = None) -> tuple[tuple[DemandHit, ...], tuple[Ask, ...]]:
    """Demands the letter asks for (one hit per id, best evidence first) and asks matching no demand."""
    lex = lexicon or load_lexicon()
    found: dict[str, list[tuple[str, Lines]]] = {}
    asks: list[Ask] = []
    sents = sentences(text)
    folds = [_fold(x.text) for x in sents]
    head = " ".join(folds[:5])  # title and addressee name the body asked ("To the Human Rights Council")
    whole_text = "\n".join(folds)
    candidates = [d for d in lex.demands if d.any.open(whole_text)]
    present = [g for g in lex.literals if g in whole_text]  # then each sentence tests only these
    intro = ""  # the ask that opened the current list ("They urge governments to:")
    for i, (sen, folded) in enumerate(zip(sents, folds)):
        new_segment = i == 0 or sents[i - 1].segment != sen.segment
        imperative = bool(lex.imperative.match(folded)) and not _name_like(sen.text)
        if new_segment and intro and not (sen.item or sen.text[:1].islower() or (
                imperative and sents[i - 1].text[-1:] in ":;")):
            intro = ""  # the list is over (items are bulleted, lowercase, or imperatives after ":" or ";")
        if sen.heading or (lex.list_heading.search(folded) and len(folded.split()) <= 6):
            intro = folded if lex.list_heading.search(folded) else ""  # "Recommendations" opens a list
            continue
        whole = (bool(intro) and new_segment) or imperative
        region = _ask_region(folded, lex, whole, lambda: _sentence_quotes(sents, folds, i))
        if region is None:
            continue
        context = " ".join([head, intro, *folds[max(0, i - 2):i + 1]])
        here = {g for g in present if g in folded}
        hit_here = False
        for d in candidates:  # demands none of whose words occur in the letter were dropped above
            for lo, hi in _matches(d, folded, region, context, lex, here):
                found.setdefault(d.id, []).append((sen.text[lo:hi].strip(), sen.lines_of(lo, hi)))
                hit_here = True
        if lex.list_intro.search(folded.rstrip(), max(0, len(folded.rstrip()) - 12)):
            intro = folded  # its items carry the asks; the intro itself is no unclassified ask
        elif not hit_here and len(folded.split()) >= 4:
            asks.append(Ask(sen.text, sen.lines))
    hits = []
    for d in lex.demands:
        if d.id in found:
            # Best evidence: the first body sentence; a title in capitals only when nothing else says it.
            ranked = sorted(found[d.id], key=lambda e: e[0].isupper())
            ev = list(dict.fromkeys(e for e, _ in ranked))
            hits.append(DemandHit(d.id, d.label, ev[0], ranked[0][1], tuple(ev[1:4])))
    return tuple(hits), tuple(asks)
