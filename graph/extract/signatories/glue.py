"""Words glued together by a space lost in the source ("Forumand The Teachers ...", "+3 Groupscomprises: A, B").

A page copied without some of its spaces glues a short word of the sentence to the word before or after it. In
a signatory list the glued words that matter are the connective "and" between two names and the cue word that
opens a list ("comprises", "includes"): glued, "and" hides the cut between two names and the cue is not seen.
A glued word is split off only when what stays is a word on its own: an organization word (data/signatory_words.yaml)
or a word the letter prints by itself elsewhere, and the whole is no word or place the letter or the gazetteer
knows. So "Thailand", "demand" or "Armand" stay whole ("Thail", "dem" and "Arm" are no words of the letter), and
"Forumand" splits ("Forum" is an organization word). The glued words themselves are curated (`glued_after`, `glued_before`).

>>> unglue(["By A, The River Students Forumand The Teachers and Parents Union of Ruritania"])
['By A, The River Students Forum and The Teachers and Parents Union of Ruritania']
>>> unglue(["+3 Groups call for peace.", "+3 Groupscomprises: A, B, andCoast Women Forum."])
['+3 Groups call for peace.', '+3 Groups comprises: A, B, and Coast Women Forum.']
>>> unglue(["Partners in Thailand and Poland demand a stand."])
['Partners in Thailand and Poland demand a stand.']
"""
from __future__ import annotations

import re
from functools import lru_cache

from graph.extract.signatories.words import words

# What stays of a word once the glued word is split off has at least this many letters: shorter heads ("Arm" of
# "Armand", "Pol" of "Poland") are too often the start of one longer word.
MIN_HEAD = 4


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    W = words()
    # a glued word at the end of a longer word ("Forumand", "Groupscomprises"); the word's start is checked after.
    # The literals come first and a letter before them is checked behind them: a pattern that looks behind at
    # every position of the letter is five times slower.
    glued = sorted(W.glued_after, key=len, reverse=True)
    after = re.compile(r"(?:" + "|".join(map(re.escape, glued)) + r")(?:" + "|".join(
        r"(?<=[^\W\d_]" + re.escape(g) + ")" for g in glued) + r")(?=[\s:,.;]|$)", re.M)
    # "and" glued to the capitalised word after it ("andCoast Women Forum")
    before = re.compile(r"(?:" + "|".join(re.escape(g) for g in W.glued_before) + r")(?=[A-Z][a-z])")
    return after, before


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _alone(word: str, low: str, most: int = 2) -> int:
    """How often (up to `most`) the letter, in lower case (`low`), prints `word` as a word of its own."""
    w, n, at = word.lower(), 0, low.find(word.lower())
    while at >= 0 and n < most:
        end = at + len(w)
        if (at == 0 or not _word_char(low[at - 1])) and (end == len(low) or not _word_char(low[end])):
            n += 1
        at = low.find(w, at + 1)
    return n


def unglue(lines: list[str]) -> list[str]:
    """`lines` with glued connectives and cue words split off (see the module docstring); the same list object
    when nothing is glued (most letters)."""
    after, before = _patterns()
    text = "\n".join(lines)
    cuts: list[int] = []  # offsets where a space goes in
    low = ""  # the letter in lower case, made on first need
    W = words()
    for m in after.finditer(text):  # one scan of the whole letter: most letters have a few "...and" words
        i = m.start()
        if i < MIN_HEAD or not text[i - 1].isalpha():
            continue  # " and ": most matches
        while i > 0 and text[i - 1].isalpha():
            i -= 1
        if m.start() - i < MIN_HEAD or not text[i].isupper() or (i > 0 and _word_char(text[i - 1])):
            continue  # "demand": a word in lower case is no name
        head, whole = text[i:m.start()], text[i:m.end()]
        low = low or text.lower()
        if head.lower() not in W.org_words and not _alone(head, low):
            continue  # "Thail", "Arm": no word of the letter
        if _alone(whole, low) > 1 or W.place(whole):
            continue  # the whole is a word the letter uses, or a place
        cuts.append(m.start())
    if any(g in text for g in W.glued_before):
        cuts += [m.end() for m in before.finditer(text) if not m.start() or not _word_char(text[m.start() - 1])]
    if not cuts:
        return lines
    for at in sorted(cuts, reverse=True):
        text = text[:at] + " " + text[at:]
    return text.split("\n")
