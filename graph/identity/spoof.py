"""Names that may be made to look like another: bidirectional-text controls and mixed-script homoglyphs.

A right-to-left override can make "lanoitanretnI ytsenmA" display as "Amnesty International", and a Cyrillic
"о" in "Internatiоnal" looks like the Latin one. The resolver never merges such a printing silently: it flags
it for a curator next to the organization it imitates (graph/identity/resolve.py).

>>> suspicion("Amnesty Internati\\u043enal")
"Cyrillic letter 'о' in a Latin word"
>>> skeleton("\\u202elanoitanretnI ytsenmA"), suspicion("Amnesty International")
('Amnesty International', '')
"""
from __future__ import annotations

import unicodedata

# Bidirectional formatting characters: embeddings, overrides, isolates and marks.
BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
RTL_OVERRIDE = "\u202e"
POP = frozenset("\u202c\u2069")
# Cyrillic and Greek letters that look like Latin ones (lower and upper case), folded to the Latin letter.
CONFUSABLE = {
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "һ": "h",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T", "Х": "X",
    "І": "I", "Ј": "J", "Ѕ": "S",
    "α": "a", "ο": "o", "ρ": "p", "ν": "v", "ι": "i", "κ": "k", "τ": "t", "υ": "u",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P",
    "Τ": "T", "Υ": "Y", "Χ": "X",
}


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ")[0] if name else ""


def suspicion(name: str) -> str:
    """Why a printed name may imitate another ("" when it looks honest)."""
    if any(c in BIDI for c in name):
        return "bidirectional-text control in the name"
    for word in name.split():
        letters = [c for c in word if c.isalpha()]
        scripts = {_script(c) for c in letters}
        if "LATIN" in scripts and scripts & {"CYRILLIC", "GREEK"}:
            odd = next(c for c in letters if _script(c) in ("CYRILLIC", "GREEK"))
            return f"{_script(odd).title()} letter {odd!r} in a Latin word"
    return ""


def skeleton(name: str) -> str:
    """The name as it displays, in Latin letters: overridden runs reversed, controls dropped, homoglyphs folded."""
    out, run, rtl = [], [], False
    for c in name:
        if c == RTL_OVERRIDE:
            rtl = True
        elif c in POP and rtl:
            out.extend(reversed(run))
            run, rtl = [], False
        elif c not in BIDI:
            (run if rtl else out).append(c)
    out.extend(reversed(run))
    return "".join(CONFUSABLE.get(c, c) for c in out)
