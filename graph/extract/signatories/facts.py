"""What the signatory reader knows about one line by itself, computed once per distinct line: list entries and
boilerplate repeat across lines and letters. graph.extract.signatories.region weighs these facts against the lines around.

>>> f = facts("- Burma Campaign UK (BCUK)")
>>> f.bullet, f.rest, f.r.name, f.heading
('-', 'Burma Campaign UK (BCUK)', True, False)
"""
from __future__ import annotations

import re
from functools import lru_cache

from graph.extract.people import CLOSING, is_individual, signer_for
from graph.extract.signatories.headings import (count_line, DATE_LINE, HEADER, IND_HEADING, INTRO, byline_person, dateline, heading,
                           place_heading)
from graph.extract.signatories.inline import INLINE_INTRO
from graph.extract.signatories.markers import heading_text
from graph.extract.signatories.lines import (EMAIL, has_url, ends_sentence, garbage_reason, is_footnote, is_lone_marker, is_mirrored,
                        is_page_number, is_url_line, looks_like_name, split_marker, starts_lower)
from graph.extract.signatories.words import words

_SECTION_LETTER = re.compile(r"^[A-H][.)]\s+(\S.*)$")
_CONT_START = re.compile(r"^(?:(?:of|for|and|the|in|on|to|de|du|des|pour|et|with|at|by)\b|&|\))")


_NON_LATIN = re.compile(r"[^\W\d_\u0000-\u024F]")
_LETTER = re.compile(r"[^\W\d_]")


def non_latin(text: str) -> bool:
    if text.isascii():
        return False
    n = len(_NON_LATIN.findall(text))
    return n > 0 and n > 0.5 * len(_LETTER.findall(text))


COLUMNS = re.compile(r"(?<=\S)\s{3,}(?=\S)")
_PAREN_ONLY = re.compile(r"^\([^()]{1,20}\)[*†‡]?$")


def is_open(text: str) -> bool:
    """An entry that cannot end here: ends with a connector or leaves a parenthesis open."""
    t = text.rstrip()
    if not t:
        return False
    if t[-1] in "&,(/+—–-":
        return True
    last = t.rsplit(None, 1)[-1].lower()
    return last in _CONNECTORS or ("(" in t and t.count("(") > t.count(")") and not t.endswith(")"))


# an item of a bulleted run is this short at most when its words alone do not read as a name
SHORT_ITEM = 80
_CONNECTORS = frozenset("of for and the in on to de du des la le pour per et with at by".split())


_CLOSING_FIRST = frozenset("yours sincerely respectfully kind best warm warmest regards with in mit freundliche bien "
                           "cordialement en avec atentamente saludos con atenciosamente cordialmente em hormat "
                           "salam met hoogachtend cordiali distinti saygılarımızla".split())
_BY_FIRST = frozenset("by par por von".split())
_CAPS_WORDS = re.compile(r"[A-ZÀ-Þ]{3,}(?:\s+[A-ZÀ-Þ]{3,})?")
_HEADER_FIRST = frozenset("re subject subj to attn attention dear cc from your excellency excellencies".split())
_HAS_DIGIT = re.compile(r"\d")


class _Rest:
    """Facts about a line without its number or bullet: names repeat across lines and letters."""
    __slots__ = ("name", "entry", "lower", "numbered_ok", "open", "leftover", "contact", "short")

    def __init__(self, rest: str) -> None:
        # "Reform Government Surveillance (RGS is a coalition of technology companies)": a note after the name
        note = _NOTE.search(rest) if rest.endswith(")") else None
        self.name = looks_like_name(rest) or bool(note and looks_like_name(rest[:note.start()]))
        self.entry = self.name or (is_individual(rest) and len(rest) < 200) or (
            "," in rest and len(rest) < 200 and signer_for(rest) is not None)  # "Jane Roe, présidente de X"
        W = words()
        self.leftover = len(rest) < 200 and W.web_leftover(rest)  # "Write A Comment", "Skip to content"
        # "Mr. Kyaw Soe Aung Tel: +1414...": a contact person; titles alone make an individual (graph.extract.signatories.parse)
        self.contact = len(rest) < 200 and W.person_shaped(rest) and not W.titles_only(rest)
        self.lower = starts_lower(rest)
        self.numbered_ok = len(rest) < 150 and not ends_sentence(rest)
        self.short = len(rest) < SHORT_ITEM and not ends_sentence(rest)
        self.open = is_open(rest)


class Facts:
    """What `classify` asks about a line that depends on the line alone, computed once per distinct line (list
    entries and boilerplate repeat across letters). Rarely needed answers are computed on first use."""
    __slots__ = ("t", "indent", "num", "bullet", "rest", "r", "closing", "url_line", "email", "page", "marker",
                 "count", "footnote_star", "inline_intro", "header", "url", "non_latin", "mirrored", "garbage",
                 "heading_ind", "heading", "footnote", "commas", "other_script", "lead", "caps_word", "umbrella", "_ends",
                 "_intro", "_cont", "_columns")

    def __init__(self, raw: str) -> None:
        t = raw.strip()
        self.t, self.indent = t, len(raw) - len(raw.lstrip())
        num, bullet, rest = split_marker(raw)
        self.num, self.bullet, self.rest = num, bullet, rest
        r = self.r = _rest(rest)
        low = t.lower()
        fw = low.split(None, 1)[0].strip(":,.;*#-•")
        digit0 = t[0].isdigit()
        mark = bool(num or bullet)
        self.closing = fw in _CLOSING_FIRST and bool(CLOSING.match(t))
        self.url_line = is_url_line(t)
        self.email = "@" in t and " " not in t.strip() and bool(EMAIL.fullmatch(t.strip("<>;,. ")))
        self.page = (digit0 or fw == "page") and is_page_number(t)
        self.marker = len(t) <= 6 and is_lone_marker(t)
        self.count = bool(count_line(t))
        self.footnote_star = t[0] in "*†‡" and t[1:2] == " " and ends_sentence(t) and not r.name
        self.inline_intro = ":" in t and bool(INLINE_INTRO.search(t))
        self.header = not mark and bool((fw in _HEADER_FIRST and HEADER.match(t)) or (
            len(t) < 40 and _HAS_DIGIT.search(t) and DATE_LINE.match(t)) or (_HAS_DIGIT.search(t) and dateline(t))
                                         or (fw in _BY_FIRST and byline_person(t)))
        self.url = has_url(t) and len(t) < 400
        # prose in another script (a translation of the letter); a short line or a comma list is names
        self.non_latin = len(t) >= 100 and t.count(",") < 2 and non_latin(t)
        self.mirrored = not mark and is_mirrored(t)
        self.garbage = garbage_reason(t)
        # "3. Other organisations:": a numbered group heading
        group = words().group_heading(t if not mark else rest) if len(t) < 80 and (
            not mark or (num and rest.endswith(":"))) else None
        lettered = _SECTION_LETTER.match(t) if group is None and len(t) < 80 and not mark else None
        if lettered:  # "B. Regional and international organisations", "C. Individuals": a section of the list
            group = words().group_heading(lettered.group(1), marked=True)
        # "1. Lake Albert Coalition (LAC), comprising:": an umbrella over the entries under it
        # a table's header cell left alone on its line ("Organisation Name" over a one-column table)
        column = _column_header(low) if len(t) < 40 and not mark else None
        self.heading_ind = group is True or column is True or (
            len(t) < 80 and ("individual" in low or "personal" in low) and bool(IND_HEADING.match(t)))
        self.heading = group is False or column is False or heading(t) or (
            not mark and len(t) < 60 and place_heading(t))
        # a group heading numbered as the list is ("A. National organisations", "3. Other organisations:",
        # "C. Individuals"): asked again without its marker; a plain number only when the line ends with ":"
        # ("5. Local organisations" may be a name)
        h = heading_text(t) if not bullet and len(t) < 80 else t
        if h != t and not (self.heading or self.heading_ind) and (not (num or "").isdigit() or t.endswith(":")):
            group = words().group_heading(h)
            self.heading_ind = group is True or bool(IND_HEADING.match(h))
            self.heading = not self.heading_ind and (group is False or heading(h))
        # "1. Lake Alliance (LA), comprising:": an umbrella, whose members are the list items under it
        self.umbrella = umbrella_head(rest) if t.endswith(":") and len(t) < 200 else None
        # ends like a heading ("Signatories -" in Burmese, "Unterzeichnende:"): one if a bulleted list follows
        self.lead = not mark and len(t) < 80 and t.endswith((":", " -", " –", " —"))
        # one or two words in capitals, not an organization's ("CLIMATE", "PRESS RELEASES"): a page's section
        # name when the letter uses the words in lower case (an acronym, "AAPP", it does not)
        self.caps_word = not mark and t.isupper() and len(t.split()) <= 2 and bool(_CAPS_WORDS.fullmatch(t)) and \
            not words().org_word(t)
        self.footnote = (digit0 or t[0] in "[¹²³⁴⁵⁶⁷⁸⁹⁰") and is_footnote(t) and len(t) < 200 and not r.name
        self.commas = t.count(",")
        self.other_script = not t.isascii() and non_latin(t)
        self._ends = self._intro = self._cont = self._columns = None

    def ends(self) -> bool:
        if self._ends is None:
            self._ends = ends_sentence(self.t)
        return self._ends

    def intro(self) -> bool:
        if self._intro is None:
            self._intro = bool(INTRO.search(self.t))
        return self._intro

    def cont_start(self) -> bool:
        if self._cont is None:
            t = self.t
            self._cont = bool(_CONT_START.match(t) or (starts_lower(t) and len(t) < 60) or _PAREN_ONLY.match(t))
        return self._cont

    def columns(self) -> tuple[str, ...]:
        if self._columns is None:
            t = self.t
            cols = COLUMNS.split(t) if "   " in t and COLUMNS.search(t) else ()
            self._columns = tuple(cols) if cols and all(looks_like_name(c) for c in cols) else ()
        return self._columns


def umbrella_head(rest: str) -> str | None:
    """The umbrella's name in a list item that ends with a membership cue and a colon ("Lake Alliance (LA),
    comprising:", "Civic Platform, on behalf of its members:"; data/signatory_words.yaml `umbrella_cues`), else None.

    >>> umbrella_head("Lake Communities Coalition (LCC), comprising:"), umbrella_head("Other organisations:")
    ('Lake Communities Coalition (LCC)', None)
    >>> umbrella_head("Signed by the Lake Communities Coalition (LCC) and its member organizations:")
    'Lake Communities Coalition (LCC)'

    """
    body = rest.rstrip(" :")
    W = words()
    for m in W.umbrella_cues.finditer(body):
        if m.end() == len(body) and m.start() > 0 and body[m.start() - 1].isspace():
            name = body[:m.start()].rstrip(" ,;–—-")
            if cue := W.cues.match(name):  # "Signed by the X (ACR) and its member organizations:"
                name = W.lead_article.sub("", name[cue.end():], count=1)
            return name if looks_like_name(name) else None
    return None


def _column_header(low: str) -> bool | None:
    """A name column's header (data/signatory_words.yaml `table`): True when it names people, False when
    organizations, None when the line is no such header."""
    return _headers().get(low.strip(" *_#:|"))


@lru_cache(maxsize=1)
def _headers() -> dict[str, bool]:
    W = words()
    return {h: False for h in W.name_headers} | {h: True for h in W.person_headers}


FACTS: dict[str, Facts] = {}
_RESTS: dict[str, _Rest] = {}


def _rest(rest: str) -> _Rest:
    r = _RESTS.get(rest)
    if r is None:
        if len(_RESTS) > 200_000:  # bound memory in a long-running process
            _RESTS.clear()
        r = _RESTS[rest] = _Rest(rest)
    return r


_LEAD_NUMBER = re.compile(r"\s*([0-9]+)")


def facts(raw: str) -> Facts:
    """Facts of `raw`, shared by lines that differ only in a leading list number: every test above depends on
    the number's length, never on its digits ('12. Foo' and '37. Foo' answer alike; callers take `t` and `num`
    from the line itself)."""
    f = FACTS.get(raw)
    if f is None:
        if len(FACTS) > 200_000:
            FACTS.clear()
        m = _LEAD_NUMBER.match(raw)
        if m and m.group(1).strip("0"):
            key = raw[:m.start(1)] + "0" * (m.end(1) - m.start(1)) + raw[m.end(1):]
            f = FACTS.get(key)
            if f is None:
                f = FACTS[key] = Facts(key)
            if f.num is None:  # not a list number ('5.2 million ...'): the rest of the line is the line itself
                f = Facts(raw)
        elif raw.lstrip()[:1] == "•" and raw.lstrip()[1:2].isspace():
            # '• Foo' answers as '- Foo' does: both are non-word, non-ASCII-letter bullets that no test tells apart
            # (callers take the bullet from the line itself)
            i = len(raw) - len(raw.lstrip())
            key = raw[:i] + "-" + raw[i + 1:]
            f = FACTS.get(key)
            if f is None:
                f = FACTS[key] = Facts(key)
        else:
            f = Facts(raw)
        FACTS[raw] = f
    return f



_NOTE = re.compile(r"\s\((?:[^()\s]+\s+){3,}[^()]*\)$")  # a parenthesis of four words or more
