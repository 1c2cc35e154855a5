"""Misprints: when two different words in two printed names are one word misprinted (OCR look-alikes,
plurals, transpositions, a letter dropped, added or swapped in a long word), and when they name different
organizations. The resolver's fuzzy merges need every differing word to pair up as a misprint; `names`
holds the normal form they are compared in.
"""
from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from graph.identity.names import STOPWORDS

# The shortest words in which one edit counts as a misprint: short words one edit apart are often different
# words ("Mon"/"Man", "Chin"/"Shin"); a substituted letter makes another word most easily, a transposed one least.
TYPO_MIN_TRANSPOSITION, TYPO_MIN_SUBSTITUTION, TYPO_MIN_INDEL = 4, 9, 6
_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=1 << 18)
def ocr_fold(token: str) -> str:
    """Fold characters OCR confuses, so 'lnsieme' and 'Insieme' compare equal."""
    return token.replace("rn", "m").replace("vv", "w").translate(_OCR)


_OCR = str.maketrans({"l": "i", "1": "i", "|": "i", "0": "o", "5": "s", "$": "s", "8": "b"})


def slip(x: str, y: str) -> str | None:
    """How two different words can be one word misprinted: 'ocr', 'plural', 'transposition', 'indel',
    'substitution' (long words only), or None when they are different words.

    >>> slip("twonship", "township"), slip("lnsieme", "insieme"), slip("unions", "union")
    ('transposition', 'ocr', 'plural')
    >>> slip("panmoe", "sanmoe") is None, slip("karen", "karenni") is None
    (True, True)
    """
    fx, fy = ocr_fold(x), ocr_fold(y)
    if fx == fy:
        return "ocr"
    if fx.rstrip("s") == fy.rstrip("s"):
        return "plural"
    fx, fy = x, y  # edits are judged on the words as printed ("rn" folded to "m" would hide a transposition)
    if abs(len(fx) - len(fy)) > 1 or OSA.distance(fx, fy, score_cutoff=1) > 1:
        return None
    n = min(len(fx), len(fy))
    if len(fx) == len(fy):
        if sorted(fx) == sorted(fy):
            return "transposition" if n >= TYPO_MIN_TRANSPOSITION else None
        return "substitution" if n >= TYPO_MIN_SUBSTITUTION else None
    return "indel" if n >= TYPO_MIN_INDEL else None


def why_different(a: str, b: str, distinguishing: frozenset[str] | set[str] = frozenset(),
                  marked: frozenset[str] | set[str] = frozenset()) -> str | None:
    """None when two normal forms differ only by misprints (every differing word pairs up with a misprint of
    it); else why they name different organizations. A `distinguishing` or `marked` word (place, people,
    qualifier, branch) may differ only by a misprint that makes no other known word.

    >>> why_different("wetlet twonship women strike", "wetlet township women strike") is None
    True
    >>> why_different("karen human rights group", "karenni human rights group", {"karen", "karenni"})
    "different words 'karen' / 'karenni'"
    >>> why_different("chin youth organization", "chin youth organization of japan")
    "word 'japan' only in one name"
    """
    ta, tb = set(a.split()), set(b.split())
    ra, rb = frozenset(ta - tb - STOPWORDS), frozenset(tb - ta - STOPWORDS)
    return differing_words(ra, rb, frozenset(w for w in ra | rb if w in distinguishing or w in marked))


@lru_cache(maxsize=1 << 17)
def differing_words(only_a: frozenset[str], only_b: frozenset[str], known: frozenset[str] = frozenset()) -> str | None:
    """why_different from the content words only in one name or only in the other, and which of them are
    `known` (distinguishing or marked). Memoised: across a corpus the same few words differ again and again
    ('karen' / 'karenni' in every pair of Karen and Karenni groups)."""
    ra, rb = sorted(only_a), sorted(only_b)
    for x in ra:
        best, best_s = None, -1.0
        for y in rb:
            sc = fuzz.ratio(ocr_fold(x), ocr_fold(y))
            if sc > best_s:
                best, best_s = y, sc
        if best is None:
            return f"word {x!r} only in one name"
        if _DIGIT.search(x + best):
            return f"different numbers {x!r} / {best!r}"
        kind = slip(x, best)
        if kind is None:
            return f"different words {x!r} / {best!r}"
        # never a misprint that makes another known word ("karen" / "karenni", "mizo" / "zomi")
        if (x in known or best in known) and (x in known and best in known and kind not in ("ocr", "plural")
                                               or kind == "substitution"):
            return f"distinguishing words {x!r} / {best!r}"
        rb.remove(best)
    if rb:
        return f"word {rb[0]!r} only in one name"
    return None
