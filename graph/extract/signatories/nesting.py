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
from operator import le

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
    ok = sum(map(le, keys, keys[1:]))  # True counts 1
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
    # where a run may start (the test depends on the keys alone): the scan below jumps from one to the next
    starts = [i for i in range(1, n - 2) if eligible[i + 1] and keys[i + 1] < keys[i - 1]
              and _first(keys[i + 1]) < _first(keys[i])]
    s, i = 0, 1
    while True:
        while s < len(starts) and starts[s] < i:
            s += 1
        if s == len(starts):
            break
        i = starts[s]
        u = keys[i]
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
