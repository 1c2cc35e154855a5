"""What kind of line is this? The small text facts the signatory reader is built on.

A letter taken from a PDF is a sequence of lines: prose wrapped at the page width, list entries (short,
capitalised, maybe numbered or bulleted), headings, URLs, page numbers and OCR debris. Each function here
looks at one line (or one word) and answers one question, with precompiled regexes and no global state.

>>> looks_like_name("Burma Campaign UK")
True
>>> looks_like_name("Immediately restore the Internet and all forms of communications")
False
>>> split_marker("10.Al Khatim Adlan Center")
('10', '', 'Al Khatim Adlan Center')
>>> split_marker("o LGBT Community Yangon")
(None, 'o', 'LGBT Community Yangon')
>>> garbage_reason(". Co (2}")
'garbled OCR'
>>> is_mirrored("Kpouye uoy Ayjigerunodde puewsp isnw plaom ‘dnod Jaye sieak uno4 sewuel|p|")
True
>>> number_value("forty-six"), number_value("84"), number_value("seven")
(46, 84, 7)
"""
from __future__ import annotations

from functools import lru_cache
import re
import unicodedata

from graph.extract.signatories.markers import enumerator

# Pure functions of a string: synthetic and real lists repeat lines and names, so each is computed once.
_memo = lru_cache(maxsize=1 << 16)

# Words that stay lower case inside a title-case organization name (English plus the Romance/Germanic
# articles that appear in European solidarity groups' names).
NAME_STOPWORDS = frozenset(
    "of the and for in on to at by with a an or from into de du des la le les pour per et y del della di da "
    "van von der den für und e em na no with & as its their our".split())
# Function words that virtually every English sentence of six words or more contains.
FUNCTION_WORDS = frozenset(
    "the of and to in for on with by that is are was were be has have a an as at from this it not or which "
    "we our their its".split())
# Abbreviations a name may end with although a sentence would not ("... WA Inc.").
NAME_FINAL_ABBREV = frozenset("inc inc. ltd ltd. co co. e.v. e.v z.u. corp. corp assn. assoc. st. jr. sr.".split())

_BULLET_CHARS = frozenset("•·▪▫◦‣●○■□-–—*+>")
_NUMBERED = re.compile(r"^\s*(\d{1,4})\s*(?:[.)]|\s[-–—](?=\s))\s*(?=\S)(.*)$")  # "10.  Foo", "10.Foo", "10) Foo"
_BULLET = re.compile(r"^\s*([•·▪▫◦‣●○■□\-–—*+>]|o|O(?=\s+[A-Z]))\s+(?=\S)(.*)$")
_LONE_MARKER = re.compile(r"^\s*(?:[•·▪▫◦‣●○■□\-–—*+o]|\d{1,4}\s*[.)]?|[a-z]\s*[.)]|[ivx]{1,4}\s*[.)])\s*$")
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,3}(?:\s*(?:/|of)\s*\d{1,3})?\s*$", re.I)
_URL = re.compile(r"^\s*(?:[-•*]\s*)?(?:<)?(?:https?://|www\.|mailto:|ftp://)\S*>?\s*$", re.I)
_HAS_URL = re.compile(r"(?:https?://|www\.|mailto:)\S+", re.I)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_WORDRUN = re.compile(r"[^\W\d_][^\W\d_]*(?:['’.-][^\W\d_]+)*\.?")
_ALPHA = re.compile(r"[^\W\d_]")
_WORD3 = re.compile(r"[^\W\d_]{3,}")
_FOOTNOTE = re.compile(r"^\s*(?:\[\d{1,3}\]|\d{1,3}(?=[A-Z][a-z])|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\S")
_ASCII_LETTERS = bytes(range(65, 91)) + bytes(range(97, 123))
_OTHER_SCRIPT = re.compile(r"[^\W\d_\u0000-\u024F]")  # a letter outside Latin
_SENTENCE_END = re.compile(r"[.!?;:]['\"’”)]*\s*$")

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a dozen": 12, "dozen": 12,
}
NUMBER_RE = (r"(\d{1,3}(?:,\d{3})+|\d+|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
             r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)|one|two|three|four|five|six|seven|eight|"
             r"nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a dozen|dozen|"
             r"(?:one |a )?hundred)")


def number_value(text: str) -> int | None:
    """'84' -> 84, 'seven' -> 7, 'forty-six' -> 46, '1,100' -> 1100; None when not a number."""
    t = text.strip().lower().replace(",", "")
    if t.isdigit():
        return int(t)
    if t.startswith(("one ", "a ")) and t.endswith("hundred"):
        return 100
    total = 0
    for part in re.split(r"[- ]", t):
        if part not in NUMBER_WORDS:
            return None
        total += NUMBER_WORDS[part]
    return total or None


def split_marker(line: str) -> tuple[str | None, str, str]:
    """(printed number or None, bullet char or '', rest of the line)."""
    t = line.lstrip()
    if not t or not (t[0].isdigit() or t[0] in _BULLET_CHARS or (t[0] in "oO" and t[1:2] == " ")):
        e = enumerator(line)
        return (e[0], "", e[1]) if e else (None, "", line.strip())  # "iv. Name", "(b) Name": graph.extract.signatories.markers
    m = _NUMBERED.match(line) if t[0].isdecimal() else None  # _NUMBERED needs a \d (Unicode Nd) first
    if m and not m.group(2)[:1].isdecimal():  # \d is Unicode Nd, as isdecimal  # "2021. Foo" is rare; "5.2 million" is prose
        return m.group(1), "", m.group(2).strip()
    m = _BULLET.match(line)
    if m:
        return None, m.group(1), m.group(2).strip()
    return None, "", line.strip()


def is_lone_marker(line: str) -> bool:
    """A bullet or list number alone on its line ("•", "1.", "a)"): the item follows on the next line."""
    return bool(_LONE_MARKER.match(line))


def is_page_number(line: str) -> bool:
    return bool(_PAGE_NUMBER.match(line))


def is_url_line(line: str) -> bool:
    return ("/" in line or "www." in line or ":" in line) and bool(_URL.match(line))


def has_url(line: str) -> bool:
    return ("://" in line or "www." in line or "mailto:" in line) and bool(_HAS_URL.search(line))


def is_footnote(line: str) -> bool:
    """'1The number of ...', '[2] See ...': a footnote glued to its number."""
    return bool(_FOOTNOTE.match(line))


def ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line))


@_memo
def cap_ratio(text: str) -> float:
    """Share of content words that start with a capital (or are digits/acronyms)."""
    n = caps = 0
    for w in _WORDRUN.findall(text):
        if w.lower() in NAME_STOPWORDS:
            continue
        n += 1
        c = w[0]
        # "iDEFEND", "eQual"; scripts without case (Burmese, Korean, Chinese) count as capitalised
        if c.isupper() or w[1:3] != w[1:3].lower() or not c.islower():
            caps += 1
    return caps / n if n else 0.0


@_memo
def looks_like_name(text: str) -> bool:
    """Short, capitalised, not a sentence: the shape of an organization (or person) name."""
    t = text.strip()
    if not t or len(t) > 140 or t[-1] in ";:!?":
        return False
    if ("@" in t and EMAIL.search(t)) or ("/" in t and _HAS_URL.search(t)) or t.lower().startswith("www."):
        return False
    words = t.split()
    if len(words) > 18:
        return False
    if t.endswith(".") and not _name_final_period(words[-1]) and (
            not 2 <= len(words) <= 4 or not FUNCTION_WORDS.isdisjoint(w.lower() for w in words) or cap_ratio(t) < 1):
        return False  # a sentence; a short name may still end with a stray period ("Youth Platform.")
    return cap_ratio(t) >= 0.6


def _name_final_period(last: str) -> bool:
    w = last.lower().strip("()")
    if w in NAME_FINAL_ABBREV:
        return True
    core = w.rstrip(".")
    return "." in core or len(core) <= 3  # "B.R.S.A.", "WA Inc." handled above, "Ltd."


def starts_lower(text: str) -> bool:
    t = text.lstrip(" \t\"'“‘(")
    return bool(t) and t[0].islower() and not re.match(r"[a-z]+[A-Z]", t)  # "iDEFEND" is a name


def garbage_reason(text: str) -> str | None:
    """Why a line is OCR debris rather than text, or None. ('. Co (2}' -> 'garbled OCR')."""
    t = text.strip()
    if not t or len(t) > 80:
        return None
    if "{" in t or "}" in t or "\ufffd" in t:
        return "garbled OCR"
    if t[0].isalpha() and len(t) > 24 and t.count(" ") >= 2:
        return None  # several words starting with a letter: text, not debris
    if not t.isascii() and _OTHER_SCRIPT.search(t):
        # Burmese, Korean, Chinese ...: vowel signs and tone marks are marks, not letters, so the tests below
        # (made for OCR'd Latin text) would call a clean name debris
        letters = sum(1 for c in t if c.isalpha() or unicodedata.category(c) in ("Mn", "Mc"))
        return None if letters >= 0.5 * len(t.replace(" ", "")) else "garbled OCR"
    if not _WORD3.search(t):
        return "garbled OCR" if not re.fullmatch(r"[A-Z0-9&]{2,}", t) else None
    compact = t.replace(" ", "")
    if compact.isascii():  # same count as str.isalpha, in C: delete the letters and see what is left
        b = compact.encode("ascii")
        alpha = len(b) - len(b.translate(None, _ASCII_LETTERS))
    else:
        alpha = sum(map(str.isalpha, compact))
    if alpha < 0.5 * len(compact):
        return "garbled OCR"
    if t[0] in ".,;:)]|~^`" and not t.startswith("..."):
        return "garbled OCR"
    return None


def is_mirrored(text: str) -> bool:
    """Upside-down OCR: six or more words, none of them an English function word, mostly lower case.

    Any real English sentence of that length holds 'the', 'of', 'and' ...; organization names are capitalised.
    """
    raw = text.split()
    if len(raw) < 6 or not FUNCTION_WORDS.isdisjoint(w.lower() for w in raw):
        return False
    words = [w.strip("‘’'\"“”,.;:()") for w in raw]
    words = [w for w in words if w and _ALPHA.search(w)]
    if len(words) < 6 or any(w.lower() in FUNCTION_WORDS for w in words):
        return False
    lower = sum(1 for w in words if w[0].islower() or not w[0].isalpha())
    odd = sum(1 for w in words if re.search(r"[^\W\d_][|\d{}]|[|\d{}][^\W\d_]|[a-z][A-Z][a-z]*[A-Z]", w))
    return odd >= 1 and (lower >= 0.5 * len(words) or odd >= 2)


_MD_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]+)\)")
_MD_EMPH = re.compile(r"(\*\*|__)(.+?)\1")
_MD_WRAP = re.compile(r"^(\s*)[*_](?=\S)(.*\S)[*_]\s*$")


def md_clean(line: str) -> str:
    """Markdown to text, line by line (numbering kept): links to their text, emphasis markers dropped.

    >>> md_clean("- [Minority Rights Group](https://minorityrights.org)"), md_clean("**To: Members**"), md_clean("*Geneva*")
    ('- Minority Rights Group', 'To: Members', 'Geneva')
    """
    if "*" not in line and "_" not in line and "](" not in line:
        return line  # nothing below can match: most lines
    if "](" in line:
        line = _MD_LINK.sub(r"\1", line)
    if "**" in line or "__" in line:
        line = _MD_EMPH.sub(r"\2", line)
    m = _MD_WRAP.match(line)
    if m and "*" not in m.group(2) and not line.lstrip().startswith("* "):
        line = m.group(1) + m.group(2)
    return line


# An inline list longer than this is not a list of signers but a pasted blob: reading it would only make noise
# (a 300 KB line of "Org, Org, ..." gave 23,630 bogus signatories). The longest real inline lists hold ~100.
MAX_INLINE_PARTS = 400


def split_top(text: str, seps: str = ",") -> list[str]:
    """`text` split at each char of `seps` whose next parenthesis is not a closing one (so not inside "(...)"),
    in two linear passes: `re.split(r",\\s*(?![^()]*\\))")` scans ahead from every comma, quadratic on a long line.

    >>> split_top("A (AB, the first), B, C")
    ['A (AB, the first)', ' B', ' C']
    >>> split_top("A (unclosed, B")
    ['A (unclosed', ' B']
    """
    n = len(text)
    closing_next = [False] * (n + 1)  # closing_next[i]: the first parenthesis at or after i is ")"
    for i in range(n - 1, -1, -1):
        c = text[i]
        closing_next[i] = True if c == ")" else False if c == "(" else closing_next[i + 1]
    out, begin = [], 0
    for i, c in enumerate(text):
        if c in seps and not closing_next[i + 1]:
            out.append(text[begin:i])
            begin = i + 1
    out.append(text[begin:])
    return out
