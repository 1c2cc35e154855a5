"""Where is the signatory list? Every line gets a kind; list entries form blocks; one block is chosen.

Kinds: blank, entry, inline (comma list), cont (wrapped name), marker (lone bullet/number), heading (also a
group heading: "Technology Companies:", "And other supporters"), heading_ind (individuals), prose, contact
(a person with a phone or e-mail), person, closing, url, email, page, footnote, garbage (OCR debris, web-page
leftovers, a name repeated in another script), mirrored, count ("and seven others").

>>> kinds = [k.kind for k in classify(["We call on all states to act now.", "", "Signatories:", "Amnesty International",
...                                    "Human Rights Watch", "http://x.org"])]
>>> kinds
['prose', 'blank', 'heading', 'entry', 'entry', 'url']
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .people import CLOSING, is_individual, signer_for
from .sig_headings import (COUNT_LINE, DATE_LINE, HEADER, IND_HEADING, INTRO, byline_person, dateline, heading,
                           place_heading, salutation_index)
from .sig_headings import SALUTATION  # noqa: F401 - graph.meta reads the salutation from here
from .sig_inline import INLINE_INTRO, inline_here, inline_names
from .sig_lines import (EMAIL, has_url, ends_sentence, garbage_reason, is_footnote, is_lone_marker, is_mirrored,
                        is_page_number, is_url_line, looks_like_name, split_marker, starts_lower)
from .sig_words import words

_CONT_START = re.compile(r"^(?:(?:of|for|and|the|in|on|to|de|du|des|pour|et|with|at|by)\b|&|\))")
_WORD = re.compile(r"[^\W\d_]{3,}")


_NON_LATIN = re.compile(r"[^\W\d_\u0000-\u024F]")
_LETTER = re.compile(r"[^\W\d_]")


def _non_latin(text: str) -> bool:
    if text.isascii():
        return False
    n = len(_NON_LATIN.findall(text))
    return n > 0 and n > 0.5 * len(_LETTER.findall(text))


def _unknown_words(t: str, lines: list[str], box: list[Counter]) -> bool:
    """Fewer than a fifth of the line's words occur anywhere else in the letter."""
    if not box:
        box.append(Counter(_WORD.findall("\n".join(lines).lower())))
    ws = _words(t)
    return sum(box[0][w] > 1 for w in ws) < 0.2 * max(1, len(ws))


def _lower_case_word(t: str, lines: list[str], box: list[frozenset[str]]) -> bool:
    """Every word of the line in capitals is printed in lower case elsewhere in the letter: a word of the
    language ("CLIMATE" and "climate"), not an acronym ("AAPP")."""
    if not box:
        box.append(frozenset(w for w in _WORD.findall("\n".join(lines)) if w.islower()))
    return all(w.lower() in box[0] for w in t.split())


def _marked_next(lines: list[str], idx: int) -> bool:
    """The next non-blank line (within two) starts with a bullet or a list number."""
    for raw in lines[idx + 1:idx + 3]:
        if raw.strip():
            f = _FACTS.get(raw) or _facts(raw)
            return bool(f.num or f.bullet)
    return False


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


_COLUMNS = re.compile(r"(?<=\S)\s{3,}(?=\S)")
_PAREN_ONLY = re.compile(r"^\([^()]{1,20}\)[*†‡]?$")


@dataclass(slots=True)  # one per line of every letter: slots are quicker to make
class LineInfo:
    line: int  # 1-based line number in the document
    text: str  # the line, stripped
    kind: str
    num: str | None = None  # printed list number
    bullet: str = ""
    rest: str = ""  # the line without its number/bullet
    indent: int = 0
    parts: tuple[str, ...] = ()  # names of an inline comma list
    detail: str = ""


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


_CLOSING_FIRST = frozenset("yours sincerely respectfully kind best warm warmest regards with in".split())
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
        # "Mr. Kyaw Soe Aung Tel: +1414...": a contact person; titles alone make an individual (graph.signatories)
        self.contact = len(rest) < 200 and W.person_shaped(rest) and not W.titles_only(rest)
        self.lower = starts_lower(rest)
        self.numbered_ok = len(rest) < 150 and not ends_sentence(rest)
        self.short = len(rest) < SHORT_ITEM and not ends_sentence(rest)
        self.open = is_open(rest)


class _Facts:
    """What `classify` asks about a line that depends on the line alone, computed once per distinct line (list
    entries and boilerplate repeat across letters). Rarely needed answers are computed on first use."""
    __slots__ = ("t", "indent", "num", "bullet", "rest", "r", "closing", "url_line", "email", "page", "marker",
                 "count", "footnote_star", "inline_intro", "header", "url", "non_latin", "mirrored", "garbage",
                 "heading_ind", "heading", "footnote", "commas", "other_script", "lead", "caps_word", "_ends", "_intro",
                 "_cont", "_columns")

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
        self.count = ("and " in low[:8] or "plus" in low[:8] or "+" in t[:3]) and bool(COUNT_LINE.match(t))
        self.footnote_star = t[0] in "*†‡" and t[1:2] == " " and ends_sentence(t) and not r.name
        self.inline_intro = ":" in t and bool(INLINE_INTRO.search(t))
        self.header = not mark and bool((fw in _HEADER_FIRST and HEADER.match(t)) or (
            len(t) < 40 and _HAS_DIGIT.search(t) and DATE_LINE.match(t)) or (_HAS_DIGIT.search(t) and dateline(t))
                                         or (fw in _BY_FIRST and byline_person(t)))
        self.url = has_url(t) and len(t) < 400
        # prose in another script (a translation of the letter); a short line or a comma list is names
        self.non_latin = len(t) >= 100 and t.count(",") < 2 and _non_latin(t)
        self.mirrored = not mark and is_mirrored(t)
        self.garbage = garbage_reason(t)
        group = words().group_heading(t) if len(t) < 80 and not mark else None
        self.heading_ind = group is True or (
            len(t) < 60 and ("individual" in low or "personal" in low) and bool(IND_HEADING.match(t)))
        self.heading = group is False or heading(t) or (not mark and len(t) < 60 and place_heading(t))
        # ends like a heading ("Signatories -" in Burmese, "Unterzeichnende:"): one if a bulleted list follows
        self.lead = not mark and len(t) < 80 and t.endswith((":", " -", " –", " —"))
        # one or two words in capitals, not an organization's ("CLIMATE", "PRESS RELEASES"): a page's section
        # name when the letter uses the words in lower case (an acronym, "AAPP", it does not)
        self.caps_word = not mark and t.isupper() and len(t.split()) <= 2 and bool(_CAPS_WORDS.fullmatch(t)) and \
            not words().org_word(t)
        self.footnote = (digit0 or t[0] in "[¹²³⁴⁵⁶⁷⁸⁹⁰") and is_footnote(t) and len(t) < 200 and not r.name
        self.commas = t.count(",")
        self.other_script = not t.isascii() and _non_latin(t)
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
            cols = _COLUMNS.split(t) if "   " in t and _COLUMNS.search(t) else ()
            self._columns = tuple(cols) if cols and all(looks_like_name(c) for c in cols) else ()
        return self._columns


_FACTS: dict[str, _Facts] = {}
_RESTS: dict[str, _Rest] = {}


def _rest(rest: str) -> _Rest:
    r = _RESTS.get(rest)
    if r is None:
        if len(_RESTS) > 200_000:  # bound memory in a long-running process
            _RESTS.clear()
        r = _RESTS[rest] = _Rest(rest)
    return r


_LEAD_NUMBER = re.compile(r"\s*([0-9]+)")


def _facts(raw: str) -> _Facts:
    """Facts of `raw`, shared by lines that differ only in a leading list number: every test above depends on
    the number's length, never on its digits ('12. Foo' and '37. Foo' answer alike; callers take `t` and `num`
    from the line itself)."""
    f = _FACTS.get(raw)
    if f is None:
        if len(_FACTS) > 200_000:
            _FACTS.clear()
        m = _LEAD_NUMBER.match(raw)
        if m and m.group(1).strip("0"):
            key = raw[:m.start(1)] + "0" * (m.end(1) - m.start(1)) + raw[m.end(1):]
            f = _FACTS.get(key)
            if f is None:
                f = _FACTS[key] = _Facts(key)
            if f.num is None:  # not a list number ('5.2 million ...'): the rest of the line is the line itself
                f = _Facts(raw)
        elif raw.lstrip()[:1] == "•" and raw.lstrip()[1:2].isspace():
            # '• Foo' answers as '- Foo' does: both are non-word, non-ASCII-letter bullets that no test tells apart
            # (callers take the bullet from the line itself)
            i = len(raw) - len(raw.lstrip())
            key = raw[:i] + "-" + raw[i + 1:]
            f = _FACTS.get(key)
            if f is None:
                f = _FACTS[key] = _Facts(key)
        else:
            f = _Facts(raw)
        _FACTS[raw] = f
    return f


def classify(lines: list[str], start: int = 1, contact_lines: set[int] = frozenset(),
             person_lines: set[int] = frozenset(), table_rows: set[int] = frozenset(),
             prose_lists: dict[int, tuple[str, ...] | None] | None = None) -> list[LineInfo]:
    """Each line's kind (see the module docstring). `table_rows`: line numbers of table rows already reduced to
    their name cell (graph.sig_table): entries whatever their case. `prose_lists`: line index -> the names a
    prose sentence after a cue phrase lists (graph.sig_prose), on the cue's line (the list's other lines map to
    (), the sentence's lines above the cue to None): one inline list, introduced by its cue."""
    out: list[LineInfo] = []
    vocab_box: list[Counter] = []  # built on first need: only a mirrored-looking line needs it
    lower_box: list[frozenset[str]] = []  # the letter's lower-case words, built on first need
    prev: LineInfo | None = None  # previous non-blank line
    pf: _Facts | None = None  # its facts
    adjacent = False  # previous line was non-blank
    after_heading = False
    header_end = salutation_index(lines)
    last_num: int | None = None
    inline_done: set[int] = set()
    for idx, raw in enumerate(lines):
        ln = start + idx
        if not raw or raw.isspace():
            out.append(LineInfo(ln, "", "blank"))
            adjacent = False
            continue
        f = _FACTS.get(raw) or _facts(raw)  # the lookup inline: this runs for every line of every letter
        t, num, bullet, rest = raw.strip(), f.num, f.bullet, f.rest
        if num is not None:
            num = t[:len(num)]  # f may be another number's facts (see _facts)
        elif bullet == "-" and t[0] == "•":
            bullet = "•"  # f is the facts of '- ...' (see _facts)
        info = LineInfo(ln, t, "prose", num, bullet, rest, f.indent)
        pk = prev.kind if prev is not None else None
        if ln in contact_lines:
            info.kind = "contact"
        elif ln in person_lines:
            info.kind = "person"
        elif ln in table_rows:
            info.kind = "entry"
        elif prose_lists and idx in prose_lists:
            parts = prose_lists[idx]
            info.kind, info.parts, info.detail = ("prose", (), "") if parts is None else (
                "inline", parts, "cue") if parts else ("cont_inline", (), "")
        elif f.closing:
            info.kind = "closing"
        elif f.url_line:
            info.kind = "url"
        elif f.email:
            info.kind = "email"
        elif f.page and not (num and prev is not None and prev.num):
            info.kind = "page"
        elif f.marker:
            info.kind = "marker"
        elif f.count:
            info.kind = "count"
        elif (pk == "entry" or pk == "cont") and pf.r.open and not num and not bullet and not (
                len(t) > 60 and f.ends()):  # a sentence after a list's trailing comma is not a wrapped name
            info.kind = "cont"
        elif adjacent and (pk == "entry" or pk == "cont") and not (num or bullet) and f.cont_start():
            info.kind = "cont"
        elif f.footnote_star:
            info.kind, info.detail = "footnote", "footnote"
        elif f.inline_intro and idx not in inline_done and inline_here(lines, idx, inline_done, info):
            pass
        elif idx <= header_end or f.header:
            info.kind = "header"
        elif f.url:
            info.kind, info.detail = "url", ("footnote" if re.match(r"\d", t) else "url")
        elif f.non_latin:
            info.kind, info.detail = "prose", "prose in another script"
        elif f.mirrored and _unknown_words(t, lines, vocab_box):
            info.kind, info.detail = "mirrored", "mirrored text"
        elif f.garbage:
            info.kind, info.detail = "garbage", f.garbage
        elif f.heading_ind:
            info.kind = "heading_ind"
        elif f.heading:
            info.kind = "heading"
        elif adjacent and pk == "prose" and not pf.ends() and not (num or bullet) and not pf.intro():
            info.kind = "prose"
        elif f.footnote:
            info.kind, info.detail = "footnote", "footnote"
        elif f.inline_intro and idx not in inline_done and inline_here(lines, idx, inline_done, info):
            pass
        elif not bullet and f.r.lower:
            info.kind = "prose"
        elif f.columns():
            info.kind, info.parts = "columns", f.columns() if f.t == t else tuple(_COLUMNS.split(t))
        elif f.other_script and not (num or bullet) and pk == "entry" and prev.num and f.commas == 0 and (
                prev.text.isascii() or LATIN.search(prev.text)):
            # "10. Iran Human Rights (IHRNGO)" then its name in Persian, unnumbered: the same organization
            info.kind, info.detail = "garbage", "the name above in another script"
        elif f.commas >= 2 and f.other_script and (parts := inline_names(t, intro_ok=True)):
            info.kind, info.parts = "inline", parts  # "서울여성회, 부산노동자회, ...": names in a script without capitals
        elif f.r.leftover:
            info.kind, info.detail = "garbage", "web-page leftover"
        elif f.r.contact:
            info.kind = "contact"
        elif f.lead and f.r.entry and _marked_next(lines, idx):
            info.kind = "heading"  # a name-shaped line ending in ":" or " -" over a bulleted or numbered list
        elif f.caps_word and _lower_case_word(t, lines, lower_box):
            info.kind, info.detail = "garbage", "a page's section name"
        elif f.r.entry:
            info.kind = "entry"
        elif bullet and pk == "entry" and prev.bullet == bullet and f.r.short:
            info.kind = "entry"  # one more item of a bulleted run, even in lower case ("- knowledgeatwork UG")
        elif num and last_num is not None and int(num) == last_num + 1 and f.r.numbered_ok:
            info.kind = "entry"  # the list's numbering vouches for a name in lower-case words
        elif f.commas >= 2 or (after_heading and f.commas):
            parts = inline_names(t, intro_ok=after_heading)
            if parts:
                info.kind, info.parts = "inline", parts
        if idx in inline_done and info.kind != "inline":
            info.kind = "cont_inline"
        k = info.kind
        if k == "entry" and num:
            last_num = int(num)
        if k == "heading" or k == "heading_ind":
            after_heading = True
        elif k == "prose" or k == "contact" or k == "closing":
            after_heading = False
        out.append(info)
        prev, pf = info, f
        adjacent = True
    return out


_NOTE = re.compile(r"\s\((?:[^()\s]+\s+){3,}[^()]*\)$")  # a parenthesis of four words or more
LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
