"""Headings and head lines around a signatory list: "Signatories:", "Individuals", "Germany (3)", "Dear ...", a
dateline or an author's byline.

graph.extract.signatories.region asks these about each line; graph.extract.signatories.blocks asks whether prose above a block introduces it.

>>> heading("Signatories:"), heading("Civil society organisations"), heading("We urge the council to act.")
(True, True, False)
"""
from __future__ import annotations

import re
from functools import lru_cache

from graph.extract.people import looks_like_person
from graph.extract.signatories.lines import FUNCTION_WORDS, NUMBER_RE
from graph.extract.signatories.words import words
from graph.extract.signatories.names import fold_accents
from graph.extract.dates import MONTH, find_dates

SIG_HEADING = re.compile(
    r"^\W{0,3}(?:#+\s*)?(?:(?:list\s+of\s+)?(?:the\s+)?(?:co-?)?signator(?:y|ies)\b|(?:co-?)?signed(?:\s+by)?\b|"
    r"endorsed\s+by\b|endorsements?\b|(?:the\s+)?undersigned\b|supported\s+by\b|"
    r"(?:[\w'’-]+\s+){0,3}(?:organi[sz]ations|groups|ngos|csos|networks|members|institutions|signatories)\b)", re.I)
_PLURAL_TAIL = re.compile(r"\b(organi[sz]ations|groups|ngos|csos|networks|members|institutions|signatories|"
                          r"ORGANI[SZ]ATIONS|GROUPS)\s*(?:\([^)]*\))?\s*:?\s*$", re.I)
IND_HEADING = re.compile(r"^\W{0,3}(?:#+\s*)?(?:individual(?:s|\s+signator(?:y|ies)|\s+signers|ly)?|"
                         r"(?:signing\s+)?in\s+(?:a\s+|their\s+)?personal\s+capacity)\b[^.]{0,60}:?\s*$", re.I)
INTRO = re.compile(r"\b(?:undersigned|signed\s+by|signatories|endorsed\s+by|co-?signed|following\s+"
                   r"(?:organi[sz]ations|groups|signatories))\b", re.I)


def _alternation(ws: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(ws, key=len, reverse=True))


@lru_cache(maxsize=1)
def _count_line() -> re.Pattern:
    leads, more, nouns = words().count_line
    return re.compile(r"^\W*(?:" + _alternation(leads) + r")\s*(?:(?:" + _alternation(more) + r")\s+)?" + NUMBER_RE +
                      r"\s+(?:(?:" + _alternation(more) + r")\b|(?:(?:" + _alternation(more) + r")\s+)?(?:" +
                      _alternation(nouns) + r")\b).{0,120}$", re.I)


@lru_cache(maxsize=1)
def _count_first() -> frozenset[str]:
    return frozenset(w.split()[0] for w in words().count_line[0])


def count_line(text: str) -> re.Match | None:
    """"and 12 more", "plus 12 other groups", "sowie 14 weitere Organisationen": the line that ends a list with the
    number of unnamed signers (group 1), in the words data/signatory_words.yaml gives.

    >>> count_line("sowie 14 weitere Organisationen").group(1), count_line("... plus 12 other groups").group(1)
    ('14', '12')
    >>> count_line("e mais 23 organizações").group(1), count_line("Union of 12 Workers") is None
    ('23', True)
    """
    first = text.lstrip(" .…*•·-–—([").split(None, 1)
    if not first or (first[0].lower() not in _count_first() and first[0][:1] != "+"):
        return None  # most lines: one split and a set lookup
    return _count_line().match(text)


HEADER = re.compile(r"^\W{0,3}(?:re|subject|to|attn|attention|dear|cc|from)\b\s*:?|^\W{0,3}(?:your\s+)?excellenc", re.I)
DATE_LINE = re.compile(r"^\W*(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
                       r"(?:\s+\d{1,2}(?:st|nd|rd|th)?,?)?\s+\d{4}\W*$|^\W*\d{4}-\d{2}-\d{2}\W*$|^\W*\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\W*$",
                       re.I)

SALUTATION = re.compile(r"^\s*(?:dear\b|(?:your\s+)?excellenc(?:y|ies)\b|to\s+whom\b|(?:right\s+)?honou?rable\b|"
                        r"distinguished\s+(?:members|delegates|ministers?)\b|(?:madam|mr\.?|madame)\s+(?:president|"
                        r"prime\s+minister|secretary|chair|speaker|high\s+commissioner)\b[^.]*,\s*$)", re.I)


def salutation_index(lines: list[str]) -> int:
    """Index of the salutation ('Dear ...', 'Your Excellencies,') near the top: above it is the letter head."""
    for i, raw in enumerate(lines[:60]):
        t = raw.strip()
        if SALUTATION.match(t) and len(t) < 80:
            return i
        if heading(t) or IND_HEADING.match(t):
            return -1
    return -1


_HEADING_KEYS = ("signator", "signed", "endorse", "undersigned", "supported by", "organi", "group", "ngo", "cso",
                 "network", "member", "institution")
_HEADING_STARTS = ("sign", "endorse", "the undersigned", "undersigned", "support", "list", "co-", "#")


def heading(t: str) -> bool:
    if len(t) > 200:
        return False
    low = t.lower().lstrip("#*_ ")
    if t.count(" ") > 4 and not low.startswith(_HEADING_STARTS):
        return False
    if not SIG_HEADING.match(t) or not any(k in low for k in _HEADING_KEYS):  # the anchored regex fails fastest
        return False
    if re.match(r"(?i)\W{0,3}(?:#+\s*)?(?:signator|signed|endorse|undersigned|supported\s+by)", t):
        return len(t.split()) <= 25 or t.endswith(":")
    return len(t.split()) <= 5 and bool(_PLURAL_TAIL.search(t)) and (
        t.endswith(":") or t.isupper() or len(t.split()) == 1 or
        bool(re.search(r"\b[a-z]+\s*(?:\([^)]*\))?\s*:?\s*$", t)))



# A dateline or byline is short; a longer line holding a date is prose.
MAX_DATELINE = 80
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
# "7. Februar 2024": a day written with a period, as German and Scandinavian letters print it
_DOTTED_DAY = re.compile(r"\b\d{1,2}\.\s*" + MONTH + r"\s+\d{4}\b", re.I)
# "2022년 5월 4일", "2022年5月4日": year, month and day marked by their Korean or Chinese/Japanese signs
_CJK_DATE = re.compile(r"\d{4}\s*[년年]\s*\d{1,2}\s*[월月]\s*\d{1,2}\s*[일日]")


def dateline(t: str) -> bool:
    """A line that dates the letter or the page, with at most a place or a byline beside the date ("Berlin,
    7. Februar 2024", "November 14, 2023 • Labour Desk", "Paris, le 12 janvier 2023"): never a signatory.

    >>> dateline("Berlin, 7. Februar 2024"), dateline("November 14, 2023 • Labour Desk"), dateline("Asia Forum")
    (True, True, False)
    >>> dateline("2022년 5월 4일 공동성명서"), dateline("2022年5月4日 联合声明")
    (True, True)
    """
    if len(t) > MAX_DATELINE:
        return False
    if not _YEAR.search(t):
        return not t.isascii() and bool(_CJK_DATE.search(t))  # "2021년": no word boundary after the year
    return bool(find_dates(t) or _DOTTED_DAY.search(t))


_BY = re.compile(r"^(?:by|par|por|von)\s+(?=[A-Z])", re.I)
# words that start a phrase, never a person's name
_NOT_A_NAME = FUNCTION_WORDS | frozenset("your my his her all any every no one".split())


def byline_person(t: str) -> bool:
    """An author's byline, "By William Roe": one person, not a signer (a byline of organizations, "By A, B and
    C", is read by graph.extract.signatories.prose)."""
    m = _BY.match(t)
    if not m or "," in t:
        return False
    name = t[m.end():].strip()
    return name.split()[0].lower() not in _NOT_A_NAME and looks_like_person(name)  # "By Your Side" is a name


_COUNT_TAIL = re.compile(r"\s*(?:\(\s*\d+\s*\)|[:–—-]\s*\d+)?\s*:?\s*$")
# a country heading is a place name: a few words at most
MAX_PLACE_HEADING = 40
# "Região Centro-Oeste", "Región Costa Sur": a region heading is this short
MAX_REGION_HEADING_WORDS = 3


def place_heading(t: str) -> bool:
    """A country or region printed alone over the names from there, maybe with their count ("Germany (3)",
    "Latin America:"): a heading, never a signatory."""
    first = t.split(None, 1)[0].lower().strip(" *_#:(")
    if first in words().region_heads and len(t.split()) <= MAX_REGION_HEADING_WORDS and not t.rstrip().endswith("."):
        return True  # "Região Norte", "Región Andina"
    if first in _other_first():  # "Other countries (8)", "Rest of the world:"
        core = _COUNT_TAIL.sub("", t.strip(" *_#")).strip().lower()
        if core in words().other_places and (core != t.strip().lower() or len(core.split()) > 1):
            return True
    if first not in _place_first_words() and fold_accents(first) not in _place_first_words() and first != "the":
        return False  # most lines: one set lookup
    core = _COUNT_TAIL.sub("", t.strip(" *_#")).strip()
    if not 0 < len(core) < MAX_PLACE_HEADING:
        return False
    # "REGIONAL / INTERNATIONAL", "Europe & Central Asia": places joined, each one a place (a country named
    # with "and", "Trinidad and Tobago", is a place whole)
    return words().place(core) or all(words().place(p) for p in _PLACES_JOINED.split(core))


_PLACES_JOINED = re.compile(r"\s*[/&]\s*|\s+(?:and|et|y|und)\s+", re.I)


@lru_cache(maxsize=1)
def _other_first() -> frozenset[str]:
    return frozenset(p.split()[0] for p in words().other_places)


@lru_cache(maxsize=1)
def _place_first_words() -> frozenset[str]:
    """The first word of every country, region and place name: a line starting otherwise names no place."""
    from graph.extract.signatories.names import _places

    return frozenset(p.split()[0] for p in _places() | words().regions if p.split())
