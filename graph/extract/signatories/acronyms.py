"""Does an acronym spell a name? The evidence for joining pieces a list cut apart and for an acronym printed
without parentheses.

An organization's acronym is made of its name's initials ("DAFL": Doctors Against Forced Labour) or,
less strictly, of letters taken in order from its words ("GUATIE": GUArdianes por la TIErra). When an acronym
does not spell the piece it is printed with but spells that piece together with the one before it, the two are
one name that a comma or a line break cut ("Centro de Atención, Prevención y Apoyo ... (CAPAV)";
"Northern" / "Association for Clean Water" / "Supply NACWS NPO").

>>> initials_fit("DCPD", "Delta Council for Peace and Dialogue", exact=True)
True
>>> initials_fit("CAPAV", "Prevención y Apoyo a las Víctimas de la Violencia")
False
>>> initials_fit("CAPAV", "el Centro de Atención, Prevención y Apoyo a las Víctimas de la Violencia")
True
>>> letters_fit("GUATIE", "Guardianes por la Tierra"), letters_fit("UK", "Burma Campaign")
(True, False)
>>> glued_acronym("Doctors Against Forced Labour DAFL"), glued_acronym("Amnesty International USA")
(('Doctors Against Forced Labour', 'DAFL'), None)
>>> glued_acronym("Northern Association for Clean Water Supply NACWS NPO")
('Northern Association for Clean Water Supply NPO', 'NACWS')
"""
from __future__ import annotations

import re

from graph.extract.signatories.words import words

_WORDS = re.compile(r"[^\W\d_][^\W_]*|\d+")
_BARE = re.compile(r"^(.*\S)\s+([A-Z][A-Z0-9&]*[A-Z][A-Z0-9&]*(?:[-–][A-Z][A-Za-z]*)?)$")  # "... DAFL", "... C-LIBRE"
_PAREN = re.compile(r"^(.*\S)\s*\(([A-Z][\w&.\- ]{1,20})\)$")
# a loose acronym (letters from inside words, "GUATIE") has at least this many letters: a short one fits too much
MIN_LOOSE = 4
# an acronym has at most this many letters
MAX_LETTERS = 12


def _letters(acronym: str) -> str:
    return "".join(c for c in acronym if c.isalpha()).upper()


def _content(name: str) -> list[str]:
    """The name's words without leading articles and prepositions ("el Centro de ..." -> "Centro", ...)."""
    ws = _WORDS.findall(name)
    low = words().name_lower
    while ws and ws[0].lower() in low:
        ws = ws[1:]
    return ws


def initials_fit(acronym: str, name: str, exact: bool = False) -> bool:
    """The acronym's letters are initials of the name's words, in order, the first one the first word's: every
    word that is not an article or a preposition gives one (`exact`), or some are passed over ("CAPAV" passes
    over "Violencia")."""
    acr = _letters(acronym)
    ws = _content(name)
    if not 2 <= len(acr) <= MAX_LETTERS or not ws or ws[0][0].upper() != acr[0]:
        return False
    low = words().name_lower
    if exact:  # every content word gives its initial; an article or preposition may ("Contra" in "AIECR")
        reach = {0}  # how many letters of the acronym the words so far can give
        for w in ws:
            c, optional = w[0].upper(), w.lower() in low
            reach = {k + 1 for k in reach if k < len(acr) and acr[k] == c} | (reach if optional else set())
            if not reach:
                return False
        return len(acr) in reach
    k = 0
    for w in ws:
        if k < len(acr) and w[0].upper() == acr[k]:
            k += 1
    return k == len(acr)


def letters_fit(acronym: str, name: str) -> bool:
    """The acronym's letters occur in order in the name, the first one its first word's initial and the last one
    in its last word ("GUATIE": GUArdianes por la TIErra)."""
    acr = _letters(acronym)
    ws = _content(name)
    if not 2 <= len(acr) <= MAX_LETTERS or not ws or ws[0][0].upper() != acr[0]:
        return False
    if initials_fit(acronym, name):
        return True
    if len(acr) < MIN_LOOSE or acr[-1] not in ws[-1].upper():
        return False
    text, k = " ".join(ws).upper(), 0
    for c in text:
        if k < len(acr) and c == acr[k]:
            k += 1
    return k == len(acr)


def glued_acronym(text: str) -> tuple[str, str] | None:
    """(name, acronym) of "Name ACR", an acronym printed after the name without parentheses, when it spells the
    name; None otherwise ("Amnesty International USA", "Burma Campaign UK": a place, not an acronym)."""
    if not text[-1:].isupper():
        return None  # most names
    found = trailing_acronym(text)
    if not found or found[1] == text.strip() or "(" in found[1]:
        return None
    name, acr, legal = found
    if text.rstrip().endswith(")") or len(name.split()) < 2 or not re.search(r"[a-z]", name):
        return None
    return (name + (" " + legal if legal else ""), acr) if letters_fit(acr, name) else None


def trailing_acronym(text: str) -> tuple[str, str, str] | None:
    """(name, acronym, legal form) of an entry ending in an acronym, in parentheses or not, maybe followed by a
    legal form ("Supply NACWS NPO"); None when it ends otherwise."""
    t = text.strip().rstrip(",;")
    legal = ""
    head, _, last = t.rpartition(" ")
    if head and last.lower().rstrip(".") in words().legal:
        t, legal = head, last
    m = _PAREN.match(t) or _BARE.match(t)
    if not m:
        return None
    return m.group(1).rstrip(" ,–—-"), m.group(2), legal


def spelled(text: str) -> bool:
    """The text is a name followed by its acronym in parentheses, which spells it."""
    m = _PAREN.match(text.strip()) if text.rstrip().endswith(")") else None
    return bool(m) and initials_fit(m.group(2), m.group(1))


def join_spans(parts: list[str]) -> list[str]:
    """Parts of a comma list where an acronym after a part spells it only together with the part before:
    one name with a comma inside ("Centro de Atención, Prevención y ... (CAPAV)")."""
    out: list[str] = []
    for p in parts:
        m = _PAREN.match(p.strip()) if p.rstrip().endswith(")") else None
        if m and out and "(" not in out[-1] and not initials_fit(m.group(2), m.group(1)) and \
                initials_fit(m.group(2), out[-1] + ", " + m.group(1)):
            out[-1] = out[-1] + ", " + p.strip()
        else:
            out.append(p)
    return out


# a name wrapped over lines borrows at most this many words from the end of the entry two lines up
MAX_BORROWED = 3


def wrapped(first: str, prev: str, last: str) -> int | None:
    """Three plain entries, one a line, the last ending in an acronym that spells none of itself: how many words
    from the end of `first` begin the name that `prev` and `last` continue, when the acronym spells exactly
    those words, `prev` and `last` ("... Human Rights Northern" / "Association for Clean Water" / "Supply
    NACWS NPO": 1); 0 when `prev` and `last` alone are the name; None when the acronym spells its own entry, or
    no such span (`first` may be "" at the top of a list).

    >>> wrapped("Hill Society for Human Rights Northern", "Association for Clean Water", "Supply NACWS NPO")
    1
    >>> wrapped("Open Lens", "Forum for Open Rights Europe FORE", "International Council IC")
    """
    found = trailing_acronym(last)
    if not found or trailing_acronym(prev):
        return None
    name, acr, _ = found
    if initials_fit(acr, name):
        return None  # the usual case: the entry's own acronym
    if initials_fit(acr, prev + " " + name, exact=True):
        return 0
    ws = first.split()
    for n in range(1, min(MAX_BORROWED, len(ws) - 1) + 1):
        if initials_fit(acr, " ".join(ws[-n:] + [prev, name]), exact=True):
            return n
    return None
