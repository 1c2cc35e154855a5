"""Words glued together by a space lost in the source ("Forumand The Student ...", "+9 Orgscomprises: A, B").

A page copied without some of its spaces glues a short word of the sentence to the word before or after it. In
a signatory list the glued words that matter are the connective "and" between two names and the cue word that
opens a list ("comprises", "includes"): glued, "and" hides the cut between two names and the cue is not seen.
A glued word is split off only when what stays is a word on its own: an organization word (data/signatory_words.yaml)
or a word the letter prints by itself elsewhere, and the whole is no word or place the letter or the gazetteer
knows. So "Thailand", "demand" or "Armand" stay whole ("Thail", "dem" and "Arm" are no words of the letter), and
"Forumand" splits ("Forum" is an organization word). The glued words themselves are curated (`glued_after`, `glued_before`).

>>> unglue(["By A, The Nationalities Youth Forumand The Student and Youth Congress of Burma"])
['By A, The Nationalities Youth Forum and The Student and Youth Congress of Burma']
>>> unglue(["+9 Orgs call for peace.", "+9 Orgscomprises: A, B, andBasic Education Union."])
['+9 Orgs call for peace.', '+9 Orgs comprises: A, B, and Basic Education Union.']
>>> unglue(["Partners in Thailand and Poland demand a stand."])
['Partners in Thailand and Poland demand a stand.']
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from graph.extract.signatories.words import words

# What stays of a word once the glued word is split off has at least this many letters: shorter heads ("Arm" of
# "Armand", "Pol" of "Poland") are too often the start of one longer word.
MIN_HEAD = 4
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    W = words()
    alt = "|".join(re.escape(g) for g in sorted(W.glued_after, key=len, reverse=True))
    # a capitalised word with a glued word at its end ("Forumand", "Orgscomprises"); the head keeps its case
    after = re.compile(r"(?<![\w])([A-Z][^\W\d_]{" + str(MIN_HEAD - 1) + r",}?)(" + alt + r")(?=[\s:,.;]|$)")
    # "and" glued to the capitalised word after it ("andBasic Education Students Union")
    before = re.compile(r"(?<![\w])(" + "|".join(re.escape(g) for g in W.glued_before) + r")(?=[A-Z][a-z])")
    return after, before


def _vocabulary(lines: list[str]) -> Counter:
    return Counter(w.lower() for w in _WORD.findall("\n".join(lines)))


def unglue(lines: list[str]) -> list[str]:
    """`lines` with glued connectives and cue words split off (see the module docstring); the same list object
    when nothing is glued (most letters)."""
    after, before = _patterns()
    hits = [i for i, x in enumerate(lines) if after.search(x) or before.search(x)]
    if not hits:
        return lines
    vocab = _vocabulary(lines)
    W = words()
    out = list(lines)

    def split(m: re.Match) -> str:
        head, whole = m.group(1), m.group(0)
        known = head.lower() in W.org_words or vocab[head.lower()] > 0
        if not known or vocab[whole.lower()] > 1 or W.place(whole):
            return whole
        return head + " " + m.group(2)

    for i in hits:
        out[i] = before.sub(r"\1 ", after.sub(split, out[i]))
    return out
