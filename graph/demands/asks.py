"""Where a sentence makes the letter's own ask: the cue, the asked-for part, and what is someone else's.

A sentence asks when it carries an `own` cue ("we urge") or a `modal` one ("must"), or is an imperative
list item. Reported asks ("the High Commissioner has called on ...") and long quotations are cut out of
the asked-for region. The cues are curated data (data/demands.yaml, compiled by graph/demands/patterns.py).

>>> from graph.demands.patterns import load_lexicon
>>> ask_region("the un has called for x. we urge states to act.", load_lexicon(), False, list)
Region(allowed=((28, 47),))
>>> ask_region("the junta has killed thousands.", load_lexicon(), False, list) is None
True
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Sequence

from graph.demands.gates import Rx
from graph.demands.patterns import Lexicon
from graph.demands.sentences import Sentence

CLAUSE = re.compile(r"[;:]")
SOFT_CLAUSE = re.compile(r"[,;:()\u2014]|\s-\s")
_QUOTE = re.compile(r"\"[^\"]{1,600}\"|'(?<![A-Za-z]')[^']{1,600}'(?![A-Za-z])")
_WORD = re.compile(r"[A-Za-z][\w'-]*")
_SMALL = frozenset({"of", "for", "and", "the", "in", "on", "to", "a", "an", "&", "with"})
NAME_WORDS = 3  # words: a shorter line is read as a name, never as an imperative ("Support Group")
NAME_CAPITALS = 0.75  # share of capitalised words (small words aside) that makes a line Title Case, a name
QUOTED_WORDS = 4  # words: a shorter quotation ("act now") is an expression, not someone else's ask


@dataclass(frozen=True)
class Region:
    allowed: tuple[tuple[int, int], ...]  # spans of the sentence that the letter asks for


def clause_start(text: str, pos: int) -> int:
    cut = [m.end() for m in CLAUSE.finditer(text, 0, pos)]
    return cut[-1] if cut else 0


def ask_region(s: str, lex: Lexicon, whole: bool, quotes: Callable[[], list[tuple[int, int]]],
               mask: int | None = None) -> Region | None:
    """Where in sentence `s` (folded) the letter makes its own ask; None when it asks nothing.

    `mask` holds the gate bits of `s` (Lexicon.masks); without it the gates test `s` itself.
    """
    own_spans = [m.span() for m in lex.own.finditer(s, mask=mask)]
    cues = [(a, "own") for a, _ in own_spans] + [(m.start(), "modal") for m in lex.modal.finditer(s, mask=mask)]
    reported = list(lex.reported.finditer(s, mask=mask))
    if not (whole or cues or reported):
        return None  # most sentences: no cue at all
    masks = list(quotes())
    for m in lex.reported_by.finditer(s, mask=mask):  # "as recommended by the Mission," - only up to the comma
        nxt = SOFT_CLAUSE.search(s, m.end())
        masks.append((m.start(), nxt.start() if nxt else len(s)))
    for m in reported:
        if any(a <= m.start() < b for a, b in masks + own_spans):  # "are asked to" is an own cue
            continue
        if lex.imperative.fullmatch(s[:m.start()].rstrip()):  # "Lead calls for ...": a noun after a verb
            continue
        if not s[:m.start()].strip(" -*"):  # the sentence opens with it: an imperative ("Demand the release")
            cues.append((m.start(), "own"))
            continue
        if m.group(0).startswith(("calling", "urging")):  # participle: "in calling on" is ours
            ours = lex.own_participle.search(s[max(0, m.start() - 6):m.start()])
        else:  # "we have called for" is ours, "the High Commissioner has called on" is not
            ours = lex.own_subject.search(s[clause_start(s, m.start()):m.start()])
        if ours:
            cues.append((m.start(), "own"))
            continue
        # until the letter speaks again: "As the Rapporteur has recommended, states should ..."
        masks.append((m.start(), next((p for p, _ in sorted(cues) if p > m.end()), len(s))))
    starts = [0] if whole else []
    starts += [p if kind == "own" else clause_start(s, p) for p, kind in cues
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
    return Region(tuple(allowed)) if allowed else None


def name_like(s: str) -> bool:
    """Title Case like an organization's name ("Support Group for Democracy"), not an imperative.

    >>> name_like("Support Group for Democracy"), name_like("Support the people of Myanmar.")
    (True, False)
    """
    words = _WORD.findall(s)
    big = [w for w in words if w.lower() not in _SMALL]
    if len(words) < NAME_WORDS:
        return True
    return s.rstrip()[-1:] not in ".;:!" and sum(w[0].isupper() for w in big) >= NAME_CAPITALS * len(big)


# Who is quoted: a speech verb (or a colon) just before the quotation, or ", ... said" just after it.
_SAID_BEFORE = re.compile(r"(?:\b(?:said|says|say|stated|states|wrote|writes|added|adds|declared|declares|noted|notes|"
                          r"told|tweeted|according to|reads?)|:)\W{0,3}$")
_SAID_AFTER = re.compile(r"^\W{0,3}(?:[\w.'-]+ ){0,8}?(?:said|says|stated|wrote|added|declared|noted|told)\b")
SPEAKER_WINDOW = 80  # characters searched for the speaker around a quotation: a name and a verb


def _quotes(segment_text: str, own_subject: Rx | None = None) -> list[tuple[int, int]]:
    """Quotations of four words or more that someone else says: never the letter's ask.

    A quotation no speech verb introduces is part of the letter's own sentence ('we call on them to comply
    and "ensure the right of ..."'); one its signatories say ('"... we urge you ...," the group said') is
    the letter's own ask too.

    >>> _quotes('The UN said "states must act now to stop it". We urge you to "act now to stop it".')
    [(12, 44)]
    """
    out = []
    for m in _QUOTE.finditer(segment_text):
        if len(m.group(0).split()) < QUOTED_WORDS:
            continue
        a, b = m.span()
        before = segment_text[max(0, a - SPEAKER_WINDOW):a]
        after = segment_text[b:b + SPEAKER_WINDOW]
        said = _SAID_BEFORE.search(before) or _SAID_AFTER.search(after)
        if not said:
            continue
        speaker = after[:said.end()] if said.re is _SAID_AFTER else before[clause_start(before, len(before)):]
        if own_subject is not None and own_subject.search(speaker):
            continue
        out.append((a, b))
    return out


def sentence_quotes(sents: Sequence[Sentence], folds: Sequence[str], i: int,
                    own_subject: Rx | None = None) -> list[tuple[int, int]]:
    """Quotation spans in sentence i; a quotation may run over several sentences of its paragraph."""
    k = j = i
    while k > 0 and sents[k - 1].segment == sents[i].segment:
        k -= 1
    while j < len(sents) and sents[j].segment == sents[i].segment:
        j += 1
    offset = sum(len(f) + 1 for f in folds[k:i])
    n = len(folds[i])
    return [(max(a - offset, 0), min(b - offset, n)) for a, b in _quotes(" ".join(folds[k:j]), own_subject)
            if a < offset + n and b > offset]
