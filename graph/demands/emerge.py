"""Demands that emerge: asks that fit no demand id, grouped across letters into proposed demands.

An ask is a sentence that asks for something (graph/demands/find.py) but matched no pattern of data/demands.yaml.
Asks are compared by TF-IDF cosine similarity over their words and word stems, then grouped by average-linkage
agglomerative clustering cut at `SAME_ASK`. Nothing is random: the asks are sorted first, so the groups do
not depend on the order of the letters. A group asked by at least `MIN_LETTERS` letters is a proposal; its
label is its most typical ask (the one most similar to the others).

>>> asks = [("a.txt", "We urge the government to raise the minimum wage.", (3,)),
...         ("b.txt", "The government must raise the minimum wage now.", (5,)),
...         ("c.txt", "We call for an end to forced evictions.", (2,))]
>>> [(p.label, p.letters) for p in propose_from(asks)]
[('The government must raise the minimum wage now.', ('a.txt', 'b.txt'))]
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np
from scipy import sparse

from graph.records import Letter, Lines

# Two asks with cosine similarity >= 0.25 (average over their groups) ask the same thing. Paraphrases share
# their key content words ("minimum wage", "deport") but little else; unrelated asks share only cue words,
# which IDF weighs down. On generated paraphrase corpora (tests/test_emerge.py, 8 seeds) the adjusted Rand
# index is 0.91-0.98 at 0.25 and falls to 0.82-0.95 at 0.3 and 0.63-0.79 at 0.4; lower values start to join
# asks that share one topic word. Not fitted on gold.
SAME_ASK = 0.25
MIN_LETTERS = 2  # a demand "emerges" when at least two letters ask it; one letter's ask is just its own
STEM = 5  # word prefix length that stands for a stem: "deportation", "deporting" -> "depor"
MAX_LABEL = 120  # characters of the typical ask shown as a label
SHORT_WORD = 2  # letters: shorter words ("un", "eu", "we") are not features; they name no topic
FEW_ASKS = 2  # asks: with this many or fewer none is more typical than another, so the shortest stands for them
_WORD = re.compile(r"[a-z][a-z'-]+")
# Words every ask shares (cues, addressees' articles): no evidence of what is asked.
_STOP = frozenset("""a an the and or of to in on for with by at from as is are be been being was were this that these
those it its their our we us you your they them he she his her must should shall will would can could may might
urge urges urged call calls called upon ask asks asked demand demands request requests appeal also all any
immediately immediate strongly further government governments authorities international community""".split())

Member = tuple[str, str, Lines]  # (letter file, ask text, lines)


@dataclass(frozen=True)
class Proposal:
    """A proposed demand: the asks of several letters that say the same thing."""

    label: str  # the most typical ask
    members: tuple[Member, ...]  # every ask in the group, with its letter and lines
    letters: tuple[str, ...]  # the letters that ask it, sorted


def features(text: str) -> list[str]:
    """Words and word stems of an ask, without cue and function words.

    >>> features("We urge them to stop deporting refugees")
    ['stop', 'deporting', 'refugees', '~depor', '~refug']
    """
    words = [w.strip("'-") for w in _WORD.findall(text.lower())]
    words = [w for w in words if len(w) > SHORT_WORD and w not in _STOP]
    return words + ["~" + w[:STEM] for w in words if len(w) >= STEM]


def tfidf(texts: Sequence[str]) -> sparse.csr_matrix:
    """Rows of L2-normalised TF-IDF weights (sublinear term frequency, smoothed IDF)."""
    rows = [Counter(features(t)) for t in texts]
    df = Counter(f for r in rows for f in r)
    vocab = {f: i for i, f in enumerate(sorted(df))}
    n = len(texts)
    data, ind, ptr = [], [], [0]
    for r in rows:
        w = {vocab[f]: (1 + math.log(c)) * (math.log((1 + n) / (1 + df[f])) + 1) for f, c in r.items()}
        norm = math.sqrt(sum(v * v for v in w.values())) or 1.0
        for j in sorted(w):
            ind.append(j)
            data.append(w[j] / norm)
        ptr.append(len(ind))
    return sparse.csr_matrix((data, ind, ptr), shape=(n, len(vocab)))


def group(texts: Sequence[str], threshold: float = SAME_ASK) -> list[int]:
    """A group number per text: average-linkage clusters of TF-IDF cosine similarity >= threshold.

    Equal texts share a group; group numbers follow the sorted texts, so the same texts in any order get the
    same groups. A group never joins texts that no chain of similar pairs links (an average of similarities
    below the threshold stays below it), so the clustering runs inside each such component: memory grows with
    the largest component, not with the square of all asks.

    >>> group(["Stop the deportation of refugees", "End the deportations of refugees", "Free the press"])
    [0, 0, 1]
    """
    # Imported here: scipy.cluster costs ~0.9 s, and the app's first view (which imports this module through
    # graph.demands.accepted) never groups asks.
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.sparse.csgraph import connected_components
    from scipy.spatial.distance import squareform

    unique = sorted(set(texts))
    if not unique:
        return []
    X = tfidf(unique)
    close = X @ X.T
    close.data[close.data < threshold] = 0
    close.eliminate_zeros()
    n_comp, comp = connected_components(close, directed=False)
    raw = np.zeros(len(unique), dtype=int)
    next_label = 0
    for c in range(n_comp):
        idx = np.flatnonzero(comp == c)
        if len(idx) == 1:
            raw[idx] = next_label
            next_label += 1
            continue
        dist = np.clip(1.0 - (X[idx] @ X[idx].T).toarray(), 0.0, 2.0)
        np.fill_diagonal(dist, 0.0)
        sub = fcluster(linkage(squareform(dist, checks=False), method="average"), t=1.0 - threshold,
                       criterion="distance")
        raw[idx] = sub - 1 + next_label
        next_label += int(sub.max())
    renumber: dict[int, int] = {}
    label = [renumber.setdefault(int(r), len(renumber)) for r in raw]  # first appearance in sorted order
    of = dict(zip(unique, label))
    return [of[t] for t in texts]


def typical(texts: Sequence[str]) -> str:
    """The text most similar to all the others (ties: the shorter, then alphabetical).

    >>> typical(["We urge a living wage.", "Pay a living wage to workers.", "A living wage now for all workers"])
    'Pay a living wage to workers.'
    """
    if len(texts) <= FEW_ASKS:
        return min(texts, key=lambda t: (len(t), t))
    X = tfidf(texts)
    score = np.asarray((X @ X.T).sum(axis=1)).ravel()
    best = max(range(len(texts)), key=lambda i: (round(float(score[i]), 9), -len(texts[i]), [-ord(c) for c in texts[i]]))
    return texts[best]


def unclassified(letters: Iterable[Letter]) -> list[Member]:
    """Every letter's asks that matched no demand id."""
    return [(L.file, a.text, a.lines) for L in letters for a in L.unclassified_asks]


def propose_from(asks: Sequence[Member], threshold: float = SAME_ASK, min_letters: int = MIN_LETTERS,
                 skip: Iterable[str] = ()) -> list[Proposal]:
    """Proposals from (file, text, lines) asks; texts in `skip` (rejected or accepted ones) take no part."""
    gone = {norm(t) for t in skip}
    asks = [a for a in asks if norm(a[1]) not in gone]
    labels = group([a[1] for a in asks], threshold)
    groups: dict[int, list[Member]] = {}
    for a, g in zip(asks, labels):
        groups.setdefault(g, []).append(a)
    out = []
    for members in groups.values():
        letters = tuple(sorted({m[0] for m in members}))
        if len(letters) < min_letters:
            continue
        label = typical([m[1] for m in members])
        out.append(Proposal(_short(label), tuple(sorted(members)), letters))
    return sorted(out, key=lambda p: (-len(p.letters), p.label))


def propose(letters: Iterable[Letter], threshold: float = SAME_ASK, min_letters: int = MIN_LETTERS,
            skip: Iterable[str] = ()) -> list[Proposal]:
    """Proposed demands from the letters' unclassified asks (see `propose_from`)."""
    return propose_from(unclassified(letters), threshold, min_letters, skip)


def norm(text: str) -> str:
    """An ask's text for exact comparison: lowercase, one space.

    >>> norm("  We URGE\\n you ")
    'we urge you'
    """
    return " ".join(text.lower().split())


def _short(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= MAX_LABEL:
        return text
    return text[:text.rfind(" ", 0, MAX_LABEL)].rstrip(" ,;:") + "…"
