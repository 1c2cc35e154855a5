"""Web-page leftovers in a letter's text, and lines that name a letter: knowledge in data/page_leftovers.yaml.

A letter pasted or saved from a web page keeps the page's furniture above it: a site name, "Skip to content", a
language bar, "Signup Now!", a view counter. None of it is the letter's title.

>>> is_leftover("Skip to content"), is_leftover("සිංහල | English"), is_leftover("Statement 606 Views")
(True, True, True)
>>> is_leftover("Joint statement on the burning of photos"), names_a_letter("Joint statement on the burning of photos")
(False, True)
"""
from __future__ import annotations

import re
from functools import lru_cache

_SEPARATORS = re.compile(r"([|·•/])")
# A line of at most this many words, most of them menu words, is a menu or a language bar.
MENU_MAX_WORDS = 12
MENU_SHARE = 0.6
# A web address with at most this many words around it ("Read more: www.x.org") is page furniture; more is a sentence.
LINK_LINE_WORDS = 3


@lru_cache(maxsize=1)
def _knowledge() -> tuple[frozenset, frozenset, re.Pattern, re.Pattern]:
    from graph.curated import expect, read_yaml

    data = read_yaml("page_leftovers.yaml")
    f = "page_leftovers.yaml"
    titles = frozenset(_key(x) for x in expect(data, "title_lines", list, f))
    menu = frozenset(str(x).casefold() for x in expect(data, "menu_words", list, f))
    phrases = re.compile(r"\b(?:" + "|".join(re.escape(str(x)) for x in expect(data, "leftover_phrases", list, f))
                         + r")\b", re.I)
    words = re.compile(r"\b(?:" + "|".join(re.escape(str(x)) for x in expect(data, "title_words", list, f))
                       + r")\b", re.I)
    return titles, menu, phrases, words


def _key(s: str) -> str:
    return re.sub(r"[\W_]+$|^[\W_]+", "", str(s).casefold().strip())


def is_leftover(line: str) -> bool:
    """Page furniture: a known leftover line, a menu or language bar, a line with a sign-up or share phrase."""
    t = line.strip()
    if not t:
        return False
    titles, menu, phrases, _ = _knowledge()
    if _key(t) in titles or phrases.search(t) or re.search(r"https?://|www\.", t) and len(t.split()) <= LINK_LINE_WORDS:
        return True
    # split at spaces, not at \W: scripts such as Sinhala or Burmese write vowel signs that \w does not match
    words = [w.strip(".,;:!?()[]").casefold() for w in _SEPARATORS.sub(r" \1 ", t).split()]
    words = [w for w in words if w]
    return 0 < len(words) <= MENU_MAX_WORDS and sum(w in menu for w in words) >= MENU_SHARE * len(words) \
        and len(words) >= 2


def names_a_letter(line: str) -> bool:
    """The line holds a word that names a letter or what it does ("Joint statement", "urge", "Communiqué")."""
    return bool(_knowledge()[3].search(line))


@lru_cache(maxsize=1)
def _elsewhere() -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    """(whole headings, heading starts, their first words): an entry ending in "..." is a start ("More from ..." +
    the site's name)."""
    from graph.curated import expect, read_yaml

    items = [str(w) for w in expect(read_yaml("page_leftovers.yaml"), "elsewhere_headings", list, "page_leftovers.yaml")]
    return (frozenset(word_key(w) for w in items if not w.endswith("...")),
            tuple(word_key(w) + " " for w in items if w.endswith("...")),
            frozenset(word_key(w).split()[0] for w in items if word_key(w)))


def word_key(t: str) -> str:
    """The words of a line, case-folded, one space apart: how headings and titles are compared."""
    return " ".join(re.findall(r"\w+", t.casefold()))


def elsewhere_heading(t: str) -> bool:
    """A heading under which a page lists its other articles ("Related", "Read also"): what follows is not the
    letter, nor dated by it.

    >>> elsewhere_heading("Related"), elsewhere_heading("Related posts:"), elsewhere_heading("Related groups")
    (True, True, False)
    >>> elsewhere_heading("More from TDRC"), elsewhere_heading("More from us on the dams: a report")
    (True, False)
    """
    if len(t) >= MAX_ELSEWHERE_CHARS or not t.strip():
        return False
    whole, starts, first = _elsewhere()
    if t.split(None, 1)[0].strip("#*_:.-").casefold() not in first:
        return False  # most lines: one split and a set lookup
    label = word_key(t)
    return label in whole or label.startswith(starts) and len(label.split()) <= MAX_ELSEWHERE_WORDS


# A heading over a list of the site's other articles is short: "More from Rivers Watch", "Related posts".
MAX_ELSEWHERE_CHARS, MAX_ELSEWHERE_WORDS = 60, 5

