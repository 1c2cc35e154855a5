"""What a letter asks for: demand ids from data/demands.yaml, each with the sentence that shows it.

A demand counts only when the letter itself asks for it: the sentence must carry an ask cue
("we urge", "must", an imperative list item under "We urge HMG to:"), the ask must not be someone
else's reported or quoted ask, and the demand's pattern must fall inside the asked-for part.
Cues, patterns and stance rules are curated data (data/demands.yaml, compiled by graph/demands/patterns.py);
graph/demands/asks.py finds the asked-for part of a sentence; this module matches demands inside it.

>>> hits, asks = find_demands("We urge all states to impose a global arms embargo.\\n"
...                           "The UN has called for the release of detainees.")
>>> [(h.id, h.evidence) for h in hits]
[('arms_embargo', 'We urge all states to impose a global arms embargo.')]
>>> find_demands("Resolution 2669 does not recognize the military as a government.")
((), ())
"""
from __future__ import annotations

import re
from typing import Iterator

from graph.demands.asks import CLAUSE, SOFT_CLAUSE, Region, ask_region, clause_start, name_like, sentence_quotes
from graph.demands.languages import deaccent
from graph.demands.patterns import Demand, Lexicon, load_lexicon  # noqa: F401  (load_lexicon, Lexicon: design contract)
from graph.records import Ask, DemandHit, Lines
from graph.demands.sentences import Sentence, sentences, split_sentences  # noqa: F401  (re-exported: design contract)

# Straight quotes and plain hyphens, one character for one, so match offsets stay valid in the original.
_FOLD_PAIRS = (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u2010", "-"), ("\u2011", "-"),
               ("\u2013", "-"), ("\u00ad", "-"))
MAX_EVIDENCE = 300
LONG_EVIDENCE = 160  # longer clauses are quoted by their comma-separated part
NEGATION_WINDOW = 50  # characters before a cue searched for a negation ("not to", "rather than"), within its clause
SHORT_CLAUSE = 25  # characters: a shorter clause ("We urge:") says too little alone; the whole sentence is evidence
SHORT_PART = 60  # characters: a shorter comma-separated part of a long clause is quoted with its neighbour
SHAPES_KEPT = 100_000  # sentences whose shape is remembered (names and boilerplate repeat across letters)
FOUND_KEPT = 50_000  # sentences whose demands are remembered; past this the memory starts again (an endless stream of letters)
SHORT_SENTENCE = 6  # words: a list heading this short opens a list of asks ("Recommendations"); longer is prose
ASK_WORDS = 4  # words: a shorter sentence that matched nothing is no ask worth proposing
_CHUNK = re.compile(r",\s|\s[\u2014-]\s")


def _fold(text: str) -> str:
    """Lowercase, straight quotes, plain hyphens; always the same length, so offsets carry over.

    >>> _fold("We URGE \u201cstates\u201d"), _fold("Libération")
    ('we urge "states"', 'liberation')
    """
    low = text.lower()
    if low.isascii():  # most sentences: nothing to straighten, and the length cannot change
        return low
    if len(low) != len(text):  # a rare character whose lowercase is longer: keep it as it is
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for a, b in _FOLD_PAIRS:  # str.replace per character beats str.translate with a dict by far
        if a in low:
            low = low.replace(a, b)
    return deaccent(low)  # "libération" as "liberation": patterns are folded the same way


def _negated(s: str, start: int, lex: Lexicon) -> bool:
    soft = [m.end() for m in SOFT_CLAUSE.finditer(s, 0, start)]
    window = s[max(soft[-1] if soft else 0, start - NEGATION_WINDOW):start]
    return bool(lex.negation.search(window))


def _clause(text: str, a: int, b: int) -> tuple[int, int]:
    """The clause (between ; and :) around a match; a window when the clause is very long."""
    lo = clause_start(text, a)
    m = CLAUSE.search(text, b)
    hi = m.start() if m else len(text)
    if len(text[lo:hi].strip()) < SHORT_CLAUSE:
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
        while ends[e] - starts[k] < SHORT_PART and (k > 0 or e < len(ends) - 1):  # too short alone: add a neighbour
            if k > 0:
                k -= 1
            else:
                e += 1
        lo, hi = starts[k], ends[e]
    while lo < hi and text[lo] in " ,—-":
        lo += 1
    return lo, hi


def _matches(d: Demand, s: str, region: Region, context: str, lex: Lexicon, mask: int) -> Iterator[tuple[int, int]]:
    """Evidence spans of demand d in sentence s: inside the asked-for region, not negated, not vetoed.

    Only patterns whose gate is open can match; a span where none matches yields nothing, so there is no
    need for a first pass with all patterns in one regex (`d.any`), which is slow on long sentences.
    """
    if not d.any.open(s, mask):
        return
    pats = [p.rx for p in d.patterns if p.gate is None or p.bits & mask]
    if d.in_context:
        pats += [p.rx for p, near in d.in_context if (p.gate is None or p.bits & mask) and near.search(context)]
    for rx in pats:
        for x, y in region.allowed:  # a match must lie inside the asked-for part: search only there
            for m in rx.finditer(s, x, y):
                a, b = m.span()
                if _negated(s, a, lex):
                    continue
                lo, hi = _clause(s, a, b)
                if any(v.search(s, lo, hi, mask) for v in d.vetoes):
                    continue
                yield _evidence(s, a, b)


def find_demands(text: str, lexicon: Lexicon | None = None) -> tuple[tuple[DemandHit, ...], tuple[Ask, ...]]:
    """Demands the letter asks for (one hit per id, best evidence first) and asks matching no demand."""
    lex = lexicon or load_lexicon()
    found: dict[str, list[tuple[str, Lines]]] = {}
    asks: list[Ask] = []
    sents = sentences(text)
    folds = [_fold(x.text) for x in sents]
    masks = lex.masks(folds)  # gate literals in each sentence: one lookup per word
    head = " ".join(folds[:5])  # title and addressee name the body asked ("To the Human Rights Council")
    cued = [lex.own, lex.modal, lex.reported]
    cue_bits = None if any(c.gate is None for c in cued) else cued[0].bits | cued[1].bits | cued[2].bits
    imperative, list_intro = lex.imperative.rx.match, lex.list_intro
    list_heading = lex.list_heading.rx.search if lex.list_heading.gate is None else lex.list_heading.search
    intro = ""  # the ask that opened the current list ("They urge governments to:")
    known, shapes = lex._found, lex._shape
    quoted: set[int] | None = None  # paragraphs with a quotation mark (built on first need)
    prev: Sentence | None = None
    for i, sen in enumerate(sents):
        folded = folds[i]
        new_segment = prev is None or prev.segment != sen.segment
        shape = shapes.get(folded)
        if shape is None:  # the same lines (names, boilerplate) come back letter after letter
            if len(shapes) > SHAPES_KEPT:
                shapes.clear()
            shape = shapes[folded] = (bool(imperative(folded)), bool(list_heading(folded)),
                                      len(folded.split()) <= SHORT_SENTENCE)
        is_imperative = shape[0] and not name_like(sen.text)
        if new_segment and intro and not (sen.item or sen.text[:1].islower() or (
                is_imperative and prev is not None and prev.text[-1:] in ":;")):
            intro = ""  # the list is over (items are bulleted, lowercase, or imperatives after ":" or ";")
        prev = sen
        if sen.heading or (shape[1] and shape[2]):
            intro = folded if shape[1] else ""  # "Recommendations" opens a list
            continue
        whole = (bool(intro) and new_segment) or is_imperative
        mask = masks[i]
        if not whole and cue_bits is not None and not cue_bits & mask:
            continue  # no ask cue can be in it: most sentences
        # Without a quotation in its paragraph, what a sentence asks depends on the sentence alone (and
        # `context` only for in_context demands): letters repeat sentences, so that part is kept.
        key = (folded, whole)
        if quoted is None:
            quoted = {sents[k].segment for k, f in enumerate(folds) if "'" in f or '"' in f}
        cached = known.get(key) if sen.segment not in quoted else None
        if cached is None:
            region = ask_region(folded, lex, whole, lambda: sentence_quotes(sents, folds, i, lex.own_subject), mask)
            per = None if region is None else [
                None if d.in_context or (d.any.gate is not None and not d.any.bits & mask) else
                list(_matches(d, folded, region, "", lex, mask)) for d in lex.demands]
            if sen.segment not in quoted:
                if len(known) > FOUND_KEPT:
                    known.clear()
                known[key] = (region, per)
        else:
            region, per = cached
        if region is None:
            continue
        context = " ".join([head, intro, *folds[max(0, i - 2):i + 1]])
        hit_here = False
        for k, d in enumerate(lex.demands):
            if d.any.gate is not None and not d.any.bits & mask:
                continue  # none of its words here (what _matches checks first, without the call)
            spans = per[k]
            if spans is None:
                spans = _matches(d, folded, region, context, lex, mask)
            for lo, hi in spans:
                found.setdefault(d.id, []).append((sen.text[lo:hi].strip(), sen.lines_of(lo, hi)))
                hit_here = True
        if list_intro.search(folded.rstrip(), max(0, len(folded.rstrip()) - 12)):
            intro = folded  # its items carry the asks; the intro itself is no unclassified ask
        elif not hit_here and len(folded.split()) >= ASK_WORDS:
            asks.append(Ask(sen.text, sen.lines))
    hits = []
    for d in lex.demands:
        if d.id in found:
            # Best evidence: the first body sentence; a title in capitals only when nothing else says it.
            ranked = sorted(found[d.id], key=lambda e: e[0].isupper())
            ev = list(dict.fromkeys(e for e, _ in ranked))
            hits.append(DemandHit(d.id, d.label, ev[0], ranked[0][1], tuple(ev[1:4])))
    return tuple(hits), tuple(asks)
