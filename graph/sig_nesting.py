"""Sub-lists whose bullets were lost: found from alphabetical order.

Signatory lists are usually alphabetical. When an umbrella's members are printed under it and OCR drops their
bullets, the alphabet restarts under the umbrella (Mandalay Strike Force, then Chanmyatharzi ... Seinpann) and
the outer alphabet resumes after them (Mandalay-Based University ...). `alphabet_sublists` finds such runs.

Sort keys compare as the organisers' spreadsheet would: case-folded, one dash style, space before hyphen.

>>> names = ["Alpha", "Bravo", "Charlie", "Lima", "Mandalay Strike Force", "Chan Strike", "Daung Strike",
...          "Seinpann Strike", "Mandalay-Based Unions", "Matu Foundation", "Oscar", "Yankee", "Zomi"]
>>> alphabet_sublists(names, [True] * len(names))
{5: 4, 6: 4, 7: 4}
"""
from __future__ import annotations

from functools import lru_cache

import unicodedata

# Pure functions of a string: synthetic and real lists repeat lines and names, so each is computed once.
_memo = lru_cache(maxsize=1 << 16)

_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"} |
                        {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


@_memo
def sort_key(name: str) -> str:
    if name.isascii():
        return " ".join(name.casefold().split())
    s = "".join(c for c in unicodedata.normalize("NFKD", name.translate(_DASHES)) if not unicodedata.combining(c))
    return " ".join(s.casefold().split())


def _first(key: str) -> str:
    for c in key:
        if c.isalnum():
            return c
    return ""


def is_alphabetical(keys: list[str], min_share: float = 0.8) -> bool:
    """Most neighbouring pairs in order (real lists have a few slips)."""
    if len(keys) < 12:  # too short to tell an alphabetical list from chance
        return False
    ok = sum(1 for a, b in zip(keys, keys[1:]) if a <= b)
    return ok >= min_share * (len(keys) - 1)


def alphabet_sublists(names: list[str], eligible: list[bool]) -> dict[int, int]:
    """{index of sub-member: index of its umbrella} for runs where the alphabet restarts under an entry.

    `eligible[i]` is False for entries that cannot be sub-members (printed with a list number, say).
    A run counts when: it starts with an entry whose first letter comes before the umbrella's (and before the
    entry above the umbrella), holds at least two entries, and ends where the outer alphabet resumes (an entry
    that falls back below the run's last entry, sorts after the umbrella and before the entry that follows it).
    """
    keys = [sort_key(n) for n in names]
    if not is_alphabetical(keys, 0.75):
        return {}
    out: dict[int, int] = {}
    n = len(keys)
    i = 1
    while i < n - 2:
        u = keys[i]
        nxt = keys[i + 1]
        if not (eligible[i + 1] and _first(nxt) < _first(u) and nxt < keys[i - 1]):
            i += 1
            continue
        k = i + 1
        resumed = False
        while k + 1 < n:
            later = keys[k + 1]
            fits = k + 2 >= n or later <= keys[k + 2]  # the outer alphabet really goes on from here
            if not eligible[k + 1] or (later < keys[k] and later >= u and fits):
                resumed = later >= u
                break
            k += 1
        run = list(range(i + 1, k + 1))
        at_end = k + 1 >= n
        if len(run) >= 2 and (resumed or (at_end and 3 <= len(run) <= n // 6)):
            for j in run:
                out[j] = i
            i = k + 1
        else:
            i += 1
    return out
