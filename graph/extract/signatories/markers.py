"""List markers other than bullets and Arabic numbers: roman numerals and letters ("i.", "iv)", "(b)", "IV.").

Lists are numbered in many styles: "1.", "1)", "(70)", then "i." to "x." under a lettered group heading ("A. National
organisations"), "a)" or "(a)" in sub-lists. A marker is printed for the reader's sake; the name follows it.
Which markers count, and which are a person's initial instead:

- lower-case roman numerals and letters, with "." or ")" or in parentheses: "iv. Name", "b) Name", "(c) Name";
- upper-case roman numerals of two letters or more ("II.", "IV)"), and one capital letter with ")" or in
  parentheses ("B)", "(C)");
- never one capital with a period ("A. Philip Randolph Institute", "C. Individuals"): an initial as often as a
  marker, so such a line keeps its letter (a heading over a list is still found without it: see `heading_text`).

>>> enumerator("iv. Shore Rights Defenders Network"), enumerator("(b) Beta Union"), enumerator("A. Smith Trust")
(('iv', 'Shore Rights Defenders Network'), ('b', 'Beta Union'), None)
>>> marker_values("iv"), marker_values("i"), marker_values("12")
((4,), (1, 9), (12,))
>>> follows("viii", "ix"), follows("h", "i"), follows("3", "5")
(True, True, False)
"""
from __future__ import annotations

import re

# Roman numerals up to 39 (i to xxxix): no list of names runs longer in them, and "CV." (an Indonesian company's
# legal form), "CC:" or "LL.M." are no numerals. What follows a marker starts with a letter or a quote ("(c) 2024"
# is a copyright line, "e. V." the end of a German association's name).
_ENUM = re.compile(r"^\s*(?:\((?P<p>[ivx]{1,6}|[IVX]{1,6}|[a-zA-Z])\)|(?P<lo>[ivx]{1,6}|[a-z])[.)]|"
                   r"(?P<up>[IVX]{2,6})[.)]|(?P<cap>[A-Z])\))\s+(?=[^\W\d_]{2}|[\"'“‘«(][^\W\d_])(?P<rest>.*)$")
_ROMAN = re.compile(r"^(?=[ivx])(x{0,3})(ix|iv|v?i{0,3})$", re.I)
_ROMAN_VALUE = {"i": 1, "v": 5, "x": 10}
# a heading over a list may carry the list's own marker: "A. National organisations", "3. Other organisations:",
# "II) Individuals". Only for asking whether a line is a heading: names keep what they print.
_HEADING_ENUM = re.compile(r"^\s*(?:\(?(?:[A-Za-z]|[IVXivx]{1,6}|\d{1,3})[.)]|\((?:[A-Za-z]|\d{1,3})\))\s+(?=\S)")


def _roman(s: str) -> int | None:
    if not _ROMAN.match(s):
        return None
    vals = [_ROMAN_VALUE[c] for c in s.lower()]
    return sum(-v if i + 1 < len(vals) and v < vals[i + 1] else v for i, v in enumerate(vals))


def enumerator(line: str) -> tuple[str, str] | None:
    """(printed marker without its punctuation, the rest) of a line that starts with a roman numeral or a letter
    as a list marker (see the module docstring), else None."""
    t = line.lstrip()
    if not t or not (t[0] == "(" or t[0].isascii() and t[0].isalpha()):
        return None
    m = _ENUM.match(line)
    if m is None:
        return None
    mark = m.group("p") or m.group("lo") or m.group("up") or m.group("cap")
    if len(mark) > 1 and _roman(mark) is None:
        return None  # "xvx. Foo": letters, not a numeral
    return mark, m.group("rest").strip()


def marker_values(num: str) -> tuple[int, ...]:
    """The values a printed marker may stand for: "12" -> 12, "iv" -> 4, "c" -> 3 or 100 ("i" after "h" is the
    ninth letter, "i" at the top of a list the first numeral)."""
    if num.isdigit():
        return (int(num),)
    r = _roman(num)
    if len(num) > 1:
        return (r,) if r is not None else ()
    letter = ord(num.lower()) - ord("a") + 1
    return (r, letter) if r is not None and r != letter else (letter,)


def follows(prev: str, num: str) -> bool:
    """`num` is the marker after `prev` in some numbering ("viii" then "ix", "h" then "i", "9" then "10")."""
    return any(b == a + 1 for a in marker_values(prev) for b in marker_values(num))


# a note after a heading, in parentheses, of three words or more ("(affiliations for identification only)"), or
# the count of names under it ("Other countries (8)"); an acronym or a country in parentheses is one or two words
_HEADING_NOTE = re.compile(r"\s*\((?:(?:[^()\s]+\s+){2,}[^()]*|\d{1,4})\)\s*:?\s*$")


def heading_text(t: str) -> str:
    """The line without a list marker before it or a note after it, to ask whether it is a heading
    ("A. National organisations", "Individual experts (affiliations for identification only)").

    >>> heading_text("A. National organisations"), heading_text("Individual experts (affiliations for identification only)")
    ('National organisations', 'Individual experts')
    >>> heading_text("Other countries (8)"), heading_text("Burma Campaign UK (BCUK)")
    ('Other countries', 'Burma Campaign UK (BCUK)')
    """
    return _HEADING_NOTE.sub("", _HEADING_ENUM.sub("", t, count=1))
