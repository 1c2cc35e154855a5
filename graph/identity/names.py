"""Organization names: one normal form, stable ids, and the small word-level facts the resolver needs.

`normalise` folds the differences that never distinguish two organizations: unicode forms, quote and dash
styles, case, punctuation, '#', '&' vs 'and', spacing around digits ('Sisters 2 Sisters' = '#Sisters2Sisters'),
British/American spellings (Organisation/Organization), a trailing parenthesised acronym and a leading "The".
It is idempotent, so a normal form can be stored and normalised again safely.

>>> normalise("Arakan Rohingya National Union (ARNU)")
'arakan rohingya national union'
>>> normalise("#Sisters2Sisters") == normalise("Sisters 2 Sisters")
True
>>> normalise("The Women’s Peace Network & Friends")
'womens peace network and friends'
>>> normalise("Burmese Rohingya Organisation UK")
'burmese rohingya organization uk'
>>> normalise("Ayeyarwaddy West Development Organisation - AWDO (Magway)")
'ayeyarwaddy west development organization awdo magway'
>>> slug("Ah Nah Podcast — Conversations with Myanmar")
'ah-nah-podcast-conversations-with-myanmar'
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0d"
QUOTES = {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
          "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"'}

# British/American (and a few OCR-stable) spelling pairs that never tell two organizations apart.
SPELLING = {
    "organisation": "organization", "organisations": "organizations", "organisational": "organizational",
    "centre": "center", "centres": "centers", "labour": "labor", "programme": "program",
    "defence": "defense", "neighbour": "neighbor", "neighbours": "neighbors", "favour": "favor",
    "honour": "honor", "colour": "color", "colours": "colors", "colourful": "colorful",
    "humanitarian": "humanitarian", "judgement": "judgment", "mobilisation": "mobilization",
}
_SPELLED = frozenset(SPELLING)
STOPWORDS = frozenset({"the", "of", "for", "and", "in", "on", "at", "a", "an", "to", "de", "la", "le", "du",
                       "des", "pour", "per", "di", "del", "e", "et", "und", "inc", "ltd", "co"})

_PUNCT = str.maketrans({**{d: "-" for d in DASHES}, **QUOTES})
_TRAILING_ACRONYM = re.compile(r"\s*\(\s*([A-Z0-9][A-Za-z0-9.&/_\- ]{0,24})\s*\)\s*$")
_NONWORD = re.compile(r"[^\w]+|_")
# What parentheses after a name hold when they hold its acronym (split_acronym).
ACRONYM_CAPITALS = 0.6  # share of capital letters: "(HURFOM)", "(ND-Burma)"; "(Thailand)" has one in eight
ACRONYM_MIXED_WORDS = 3  # or a few words led by one with two capitals: "(FoE Japan)", "(MDY_SUs)"
LONGEST_ACRONYM = 14  # characters: 'FORUM-ASIA' is 10; a longer unspaced printing is a name
_DIGIT_EDGE = re.compile(r"(?<=[^\W\d])(?=\d)|(?<=\d)(?=[^\W\d])")  # "sisters2sisters" -> "sisters 2 sisters"
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")


@lru_cache(maxsize=1 << 18)
def split_acronym(name: str) -> tuple[str, str | None]:
    """Split a trailing parenthesised acronym off a printed name.

    Only an all-capitals parenthetical counts: "(Magway)" is a branch, not an acronym.

    >>> split_acronym("Blood Money Campaign (BMC)")
    ('Blood Money Campaign', 'BMC')
    >>> split_acronym("AWDO (Magway)")
    ('AWDO (Magway)', None)
    >>> split_acronym("Friends of the Earth Japan (FoE Japan)")
    ('Friends of the Earth Japan', 'FoE Japan')
    """
    m = _TRAILING_ACRONYM.search(name) if name and ")" in name else None
    if not m:
        return (name or "").strip(), None
    inner = m.group(1).strip()
    letters = [c for c in inner if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    words = inner.split()
    # An acronym: mostly capitals, or short mixed-case words led by a capitalised token ("FoE Japan", "MDY_SUs").
    if letters and (upper / len(letters) >= ACRONYM_CAPITALS or (
            len(words) <= ACRONYM_MIXED_WORDS and words[0][:1].isupper() and sum(c.isupper() for c in words[0]) >= 2)):
        return name[: m.start()].strip(), inner
    return name.strip(), None


# ASCII in one pass, once '&' and the apostrophes are dealt with: lower case, and every character that is not a
# letter or digit -> space (what casefold, _NONWORD and the quote replaces do to ASCII). One character for one,
# so str.translate takes its fast path.
_ASCII_FOLD = str.maketrans({chr(c): chr(c).lower() if chr(c).isalnum() else " " for c in range(128)})
_ANY_DIGIT = re.compile(r"\d")


def _fold(s: str) -> str:
    if not s.isascii():
        t = s.translate(_PUNCT)  # names are ASCII but for dashes and curly quotes, mostly: then fold as ASCII
        if t.isascii() and "\u00b4" not in s:  # (NFKC turns an acute accent into a space + combining mark)
            s = t
    if s.isascii():  # ASCII is already in NFKC form, and casefold() is lower() there
        if "&" in s:
            s = s.replace("&", " and ")
        if "'" in s or "`" in s:
            s = s.replace("'", "").replace("`", "")
        s = s.translate(_ASCII_FOLD)
        if _ANY_DIGIT.search(s):
            s = _DIGIT_EDGE.sub(" ", s)  # digit spacing: "sisters2sisters"
    else:
        s = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", s).translate(_PUNCT).casefold())
        s = s.replace("&", " and ").replace("'", "").replace('"', " ")
        s = _NONWORD.sub(" ", s)
        s = _DIGIT_EDGE.sub(" ", s)
    words = s.split()
    if not _SPELLED.isdisjoint(words):
        words = [SPELLING.get(w, w) for w in words]
    while len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=1 << 18)
def normalise(name: str) -> str:
    """The comparison form of a printed organization name (idempotent; see module doc)."""
    if not name:
        return ""
    base, _ = split_acronym(name)
    s = _fold(base or name)
    if s.isascii():  # plain lower-case words: folding again changes nothing
        return s
    for _ in range(4):  # unicode folding can expose new foldable text; stop at the fixed point
        t = _fold(s)
        if t == s:
            break
        s = t
    return s


@lru_cache(maxsize=1 << 16)  # once per organization per resolution: 10,000 names again for one added letter
def slug(name: str) -> str:
    """Stable ASCII id for an organization name: the slug of its normal form, so every printing of one
    organization gets one id.

    >>> slug("Associazione per l'Amicizia Italia Birmania “Giuseppe Malpeli”")
    'associazione-per-lamicizia-italia-birmania-giuseppe-malpeli'
    """
    return ascii_slug(normalise(name), empty="org")


def ascii_slug(text: str, empty: str = "x") -> str:
    """Lower-case ASCII words joined by '-', '_' kept, and no organization-name rules: the id of a letter (its file
    stem, "001_b7e0"), a coalition or a demand label, which must not move when the rules of `normalise` change.

    >>> ascii_slug("001_B7E0 Letter (final)"), ascii_slug("¿?", empty="demand")
    ('001_b7e0-letter-final', 'demand')
    """
    s = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return _NON_SLUG.sub("-", s).strip("-") or empty


_NON_SLUG = re.compile(r"[^a-z0-9_]+")


def compact(key: str) -> str:
    """A normal form without spaces: 'Know Us More Myanmar' = 'KnowUsMoreMyanmar', 'Kontra$S' = 'KontraS'."""
    return key.replace(" ", "")


def content_tokens(key: str) -> list[str]:
    return [t for t in key.split() if t not in STOPWORDS]


def initials(name: str) -> str:
    """Initials of the significant words, the usual way acronyms are built.

    >>> initials("Arakan Rohingya National Union")
    'arnu'
    """
    return "".join(t[0] for t in content_tokens(normalise(name)) if t)


@lru_cache(maxsize=1 << 16)
def acronym_key(acronym: str | None) -> str:
    """Comparable form of an acronym: 'B.R.S.A' = 'BRSA', 'CYO-JP' = 'cyojp'."""
    return compact(_fold(acronym or ""))


@lru_cache(maxsize=1 << 18)
def looks_like_acronym(printed: str) -> bool:
    """A printed name that is just an acronym ('FORUM-ASIA', 'HURFOM', 'ND-Burma' is not).

    >>> looks_like_acronym("HURFOM"), looks_like_acronym("Burma Campaign UK"), looks_like_acronym("FORUM-ASIA")
    (True, False, True)
    """
    s = (printed or "").strip()
    if " " in s or len(s) > LONGEST_ACRONYM:  # the usual answer, before looking at the letters
        return False
    letters = [c for c in s if c.isalpha()]
    return all(c.isupper() for c in letters) and len(letters) >= 2


def camel_split(name: str) -> str:
    """'KnowUsMoreMyanmar' -> 'Know Us More Myanmar' (used for display and matching only)."""
    return _CAMEL.sub(" ", name)


_MARKED = re.compile(r"\(([^)]*)\)|\s[-\u2013\u2014]\s*(.+)$|,\s*(.+)$")


@lru_cache(maxsize=1 << 18)
def marked_words(printed: str) -> frozenset[str]:
    """Words a printed name sets apart as a branch or place: in parentheses, after a dash or a comma.

    >>> sorted(marked_words("AWDO (Magway)")), sorted(marked_words("Chin Community — South Australia"))
    (['magway'], ['australia', 'south'])
    """
    base, _ = split_acronym(printed)
    if _MARKED.search(base) is None:  # most names: nothing set apart
        return frozenset()
    words: set[str] = set()
    for m in _MARKED.finditer(base):
        words.update(normalise(next(g for g in m.groups() if g is not None)).split())
    return frozenset(words - STOPWORDS)
