"""Lines that address a letter: a greeting ("Dear Members of Congress,") and an address line ("To: ...", "An: ...",
"Al Presidente ...:"). Words are in data/addressees.yaml.

>>> greeting(["Dear Members of Congress,"]), greeting(["Dear Sir or Madam,"])
('Members of Congress', None)
>>> address_line("An: Frau Ministerin A, Herrn Minister B")
'Frau Ministerin A, Herrn Minister B'
"""
from __future__ import annotations

import re
from functools import lru_cache

from graph.extract.addressees import alternation, knowledge

# A greeting is a short line; a longer one is a sentence that happens to start "To ...".
MAX_GREETING_CHARS = 90


def greeting(lines: list[str]) -> str | None:
    """The addressee a greeting line names ("Dear Apple," -> "Apple"), or None for "Dear Sir or Madam"."""
    greet, generic, _, _ = knowledge()
    for raw in lines:
        t = raw.strip()
        if not t or len(t) > MAX_GREETING_CHARS:
            continue
        m = greet.match(t)
        if m:
            who = m.group(1).strip(" ,;:!")
            return None if who.casefold() in generic or not who else who
    return None


def greets(line: str) -> bool:
    """The line is a greeting, to someone named or not ("Dear partners,")."""
    return len(line.strip()) <= MAX_GREETING_CHARS and bool(knowledge()[0].match(line.strip()))


def is_greeting(lines: list[str], i: int) -> bool:
    """Line i opens the letter: a greeting line ("Madame la Ministre chargée du Logement,", "Dear Sir,") ending
    with a comma or colon, above another greeting or the first paragraph."""
    t = lines[i].strip()
    if not t.endswith((",", ":")) or len(t) > MAX_GREETING_CHARS or not knowledge()[0].match(t) or \
            re.match(r"\s*to\b", t, re.I):  # "To the Members of ...," is an address line, read as one
        return False
    nxt = next((x.strip() for x in lines[i + 1:i + 4] if x.strip()), "")
    return not nxt or len(nxt.split()) >= PROSE_WORDS or bool(knowledge()[0].match(nxt))


# A line of this many words below a greeting is the letter's first paragraph.
PROSE_WORDS = 8


@lru_cache(maxsize=1)
def _address_line() -> re.Pattern:
    labelled = r"(?i:" + alternation("address_line_labels") + r")\s*:\s*(?P<labelled>.+?)"  # "To: ...", "An: ..."
    # "Al Presidente ...:", "A la comunidad internacional:"; never without the colon ("Al Jazeera reported,")
    prefixed = r"(?i:" + alternation("address_line_prefixes") + r")\s*(?P<prefixed>[^\W\d_].{2,}?)\s*:"
    return re.compile(r"^\s*(?:" + labelled + "|" + prefixed + r")\s*$")


def address_line(line: str) -> str | None:
    """Whom an address line names: "To: A" / "An: A, B" / "Al Presidente ..., y al Ministerio ...:" / "A la
    comunidad internacional:" (after "Al", "A la", "Aux" ... only before a colon: "Al Jazeera reported," and "Au
    cours des années," are no address)."""
    if len(line) > MAX_ADDRESS_LINE_CHARS:
        return None
    m = _address_line().match(line)
    if not m or not line.lstrip()[:1].isupper():  # an address starts with a capital ("A la", "Aux", "To:")
        return None
    return (m.group("labelled") or m.group("prefixed")).strip(" ,:")


# An address line is short; a longer line that starts "A la ..." is a sentence.
MAX_ADDRESS_LINE_CHARS = 250
