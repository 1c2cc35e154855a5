"""How many signed: the totals a letter states in its prose ("signed by 462 organizations, including 84 that
chose not to be named"). Counts are read from prose and headings only, never from the list of names.

>>> counts("Signed by 462 civil society organizations, including 84 organizations that have chosen not to disclose")
(462, 84)
"""
from __future__ import annotations

import re

from graph.extract.signatories.lines import NUMBER_RE, number_value
from graph.extract.signatories.words import words

_NOUN = r"(?:organi[sz]ations|groups|CSOs|NGOs|signatories|networks|members|institutions|entities)"
_ADJ = r"(?:[\w'’-]+\s+){0,4}?"
CLAIMED = (
    re.compile(r"\b(?:signed|endorsed|supported|co-?signed)\s+by\s+(?:(?:over|more\s+than|at\s+least)\s+)?"
               + NUMBER_RE + r"\s+" + _ADJ + _NOUN, re.I),
    re.compile(r"\bwe,?\s+(?:the\s+)?(?:undersigned\s+)?" + NUMBER_RE + r"\s+(?:undersigned\s+)?" + _ADJ + _NOUN, re.I),
    re.compile(r"(?<![\w,.])" + NUMBER_RE + r"\s+" + _ADJ + _NOUN + r",?\s+(?:said|say|have\s+(?:signed|joined|"
               r"called|urged|written)|call(?:ed)?|urge[ds]?|wr[io]te|express(?:ed)?|joined|today|demand(?:ed)?)\b",
               re.I),
)
UNDISCLOSED = (
    re.compile(r"(?<![\w,.])" + NUMBER_RE + r"\s+(?:other\s+)?" + _ADJ + r"(?:" + _NOUN + r"\s+)?(?:that|who|which)?\s*(?:have\s+)?"
               r"(?:chosen|chose|choose|wish(?:ed)?|asked|requested|prefer(?:red)?|decided|opted)\s+(?:not\s+to\s+"
               r"(?:disclose|be\s+(?:named|identified|listed|disclosed))|to\s+remain\s+anonymous|anonymity)", re.I),
    re.compile(r"\b" + NUMBER_RE + r"\s+(?:anonymous|undisclosed|unnamed)\s+" + _NOUN, re.I),
    re.compile(r"\b" + NUMBER_RE + r"\s+(?:other\s+|more\s+|additional\s+)?" + _NOUN + r"\s+(?:that|who|which)\s+"
               r"(?:cannot|can\s*not|can't|could\s+not|do\s+not\s+wish\s+to|did\s+not\s+wish\s+to)\s+be\s+"
               r"(?:named|identified|listed|disclosed)", re.I),
    # "11 organisations based inside Kachin State have endorsed this letter but cannot be named"
    re.compile(r"\b" + NUMBER_RE + r"\s+(?:other\s+|more\s+|additional\s+|further\s+)?" + _ADJ + _NOUN +
               r"\b[^.;:]{0,120}?\b(?:cannot|can\s*not|can't|could\s+not|may\s+not|will\s+not)\s+be\s+"
               r"(?:named|identified|listed|disclosed|made\s+public)", re.I),
    # "8 further organisations (names withheld)", "5 groups whose names are withheld for their safety"
    re.compile(r"\b" + NUMBER_RE + r"\s+(?:other\s+|more\s+|additional\s+|further\s+)?" + _ADJ + _NOUN +
               r"\b[^.;:]{0,60}?\bnames?\s+(?:are\s+|were\s+|is\s+)?withheld", re.I),
    # French, Spanish, German: "12 organisations qui ne peuvent pas être nommées", "9 organizaciones que no pueden
    # ser nombradas", "7 Organisationen, die nicht genannt werden können"
    re.compile(r"\b(\d{1,4})\s+(?:autres\s+|otras\s+|weitere\s+)?(?:organi[sz]a\w*|associations|groupes|grupos|"
               r"colectivos|collectifs|gruppen|vereine)\b[^.;:]{0,100}?\b(?:ne\s+(?:peuvent|souhaitent|veulent)\s+pas\s+"
               r"être\s+nommée?s|no\s+(?:pueden|desean|quieren)\s+ser\s+nombrad[oa]s|nicht\s+genannt\s+werden|"
               r"anonymes|anónim[oa]s|anonym)", re.I),
)



_NOUN_AT = re.compile(r"organi[sz]ations|groups|CSOs|NGOs|signatories|networks|members|institutions|entities")
_ANON_AT = re.compile(r"disclos|anonym|anónim|unnamed|undisclosed|be named|be identified|be listed|withheld|"
                      r"être nommé|ser nombrad|nicht genannt", re.I)
# The same key words as plain strings (none is a prefix of another, so at most one matches at any position):
# str.find is many times faster than a regex alternation without a literal prefix.
_NOUN_WORDS = ("organizations", "organisations", "groups", "CSOs", "NGOs", "signatories", "networks", "members",
               "institutions", "entities")
_ANON_WORDS = ("disclos", "anonym", "anónim", "unnamed", "undisclosed", "be named", "be identified", "be listed",
               "withheld", "être nommé", "ser nombrad", "nicht genannt")
_CASE_ODD = frozenset("\u0130\u0131\u017f\u212a")  # İ ı ſ K: re.IGNORECASE and str.lower() disagree on these


def _key_spans(text: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """The spans `finditer` of the alternation of `words` gives: leftmost occurrences, never overlapping."""
    occ = []
    for w in words:
        i = text.find(w)
        while i >= 0:
            occ.append((i, i + len(w)))
            i = text.find(w, i + 1)
    occ.sort()
    out, end = [], 0
    for a, b in occ:
        if a >= end:
            out.append((a, b))
            end = b
    return out


def _first_number(patterns, text: str, at: re.Pattern) -> int | None:
    """First number a pattern finds, searching only windows around the key words (fast on long letters)."""
    if at is _NOUN_AT:
        spans = _key_spans(text, _NOUN_WORDS)
    elif at is _ANON_AT and (text.isascii() or _CASE_ODD.isdisjoint(text)):
        spans = _key_spans(text.lower(), _ANON_WORDS)  # same length: no İ (see _CASE_ODD)
    else:
        spans = [m.span() for m in at.finditer(text)]
    windows = [text[max(0, a - 160):b + 120] for a, b in spans]
    for rx in patterns:
        for w in windows:
            m = rx.search(w)
            if m:
                v = number_value(m.group(1))
                if v:
                    return v
    return None


_HYPHEN_BREAK = re.compile(r"-[ \t]*\n\s*(?=[a-z])")


def _squeeze(text: str) -> str:
    """`re.sub(r"\\s+", " ", text)` by str.split (which splits at the same whitespace), several times faster."""
    inner = " ".join(text.split())
    if not inner:
        return " " if text else ""
    return (" " if text[0].isspace() else "") + inner + (" " if text[-1].isspace() else "")


def counts(text: str) -> tuple[int | None, int | None]:
    """(claimed_total, undisclosed_count) from the letter's prose.

    >>> counts("Signed by 462 civil society organizations, including 84 organizations that have chosen not to disclose")
    (462, 84)
    >>> counts("46 organizations said today ahead of the anniversary")
    (46, None)
    >>> counts("In addition, 11 organisations based inside Kachin State have endorsed it but cannot be named.")
    (None, 11)
    >>> counts("Firmano: Arci, Legambiente e altre 37 realtà del territorio.")
    (None, 37)
    """
    flat = _HYPHEN_BREAK.sub("", text) if "-" in text else text
    flat = _squeeze(flat)
    undisclosed = _first_number(UNDISCLOSED, flat, _ANON_AT)
    if undisclosed is None:
        # "e altre 37 realtà": "and N more" with the word for "other" before the number (data/signatory_words.yaml)
        m = words().others_before.search(flat)
        undisclosed = int(m.group(1)) if m else None
    return _first_number(CLAIMED, flat, _NOUN_AT), undisclosed
