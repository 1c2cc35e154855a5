"""Where is the signatory list? Every line gets a kind; list entries form blocks; one block is chosen.

Kinds: blank, entry, inline (comma list), cont (wrapped name), marker (lone bullet/number), heading (also a
group heading: "Technology Companies:", "And other supporters"), heading_ind (individuals), prose, contact
(a person with a phone or e-mail), person, closing, url, email, page, footnote, garbage (OCR debris, web-page
leftovers, a name repeated in another script), mirrored, count ("and seven others").

>>> kinds = [k.kind for k in classify(["We call on all states to act now.", "", "Signatories:", "Amnesty International",
...                                    "Human Rights Watch", "http://x.org"])]
>>> kinds
['prose', 'blank', 'heading', 'entry', 'entry', 'url']
>>> choose_block(classify(["Signatories:", "Amnesty International", "Human Rights Watch"]))
(0, 2)
"""
from __future__ import annotations

from functools import lru_cache
import re
from collections import Counter
from dataclasses import dataclass

from .people import CLOSING, is_individual, signer_for
from .sig_words import words
from .sig_lines import (EMAIL, has_url, NUMBER_RE, ends_sentence, garbage_reason, is_footnote, is_lone_marker, is_mirrored,
                        is_page_number, is_url_line, looks_like_name, split_marker, split_top, starts_lower, MAX_INLINE_PARTS)

# Pure functions of a string: synthetic and real lists repeat lines and names, so each is computed once.
_memo = lru_cache(maxsize=1 << 16)

SIG_HEADING = re.compile(
    r"^\W{0,3}(?:#+\s*)?(?:(?:list\s+of\s+)?(?:the\s+)?(?:co-?)?signator(?:y|ies)\b|(?:co-?)?signed(?:\s+by)?\b|"
    r"endorsed\s+by\b|endorsements?\b|(?:the\s+)?undersigned\b|supported\s+by\b|"
    r"(?:[\w'’-]+\s+){0,3}(?:organi[sz]ations|groups|ngos|csos|networks|members|institutions|signatories)\b)", re.I)
_PLURAL_TAIL = re.compile(r"\b(organi[sz]ations|groups|ngos|csos|networks|members|institutions|signatories|"
                          r"ORGANI[SZ]ATIONS|GROUPS)\s*(?:\([^)]*\))?\s*:?\s*$", re.I)
IND_HEADING = re.compile(r"^\W{0,3}(?:#+\s*)?(?:individual(?:s|\s+signator(?:y|ies)|\s+signers|ly)?|"
                         r"(?:signing\s+)?in\s+(?:a\s+|their\s+)?personal\s+capacity)\b[^.]{0,40}:?\s*$", re.I)
INTRO = re.compile(r"\b(?:undersigned|signed\s+by|signatories|endorsed\s+by|co-?signed|following\s+"
                   r"(?:organi[sz]ations|groups|signatories))\b", re.I)
COUNT_LINE = re.compile(r"^\W*(?:and|plus|\+)\s*" + NUMBER_RE + r"\s+(?:others?|more|additional|(?:other\s+|"
                        r"additional\s+|more\s+)?(?:organi[sz]ations|groups|signatories|signatures))\b.{0,120}$", re.I)
_CONNECTOR_END = re.compile(r"(?:\b(?:of|for|and|the|in|on|to|de|du|des|la|le|pour|per|et|with|at|by)|[&,(/+—–-])\s*$",
                            re.I)
_CONT_START = re.compile(r"^(?:(?:of|for|and|the|in|on|to|de|du|des|pour|et|with|at|by)\b|&|\))")
HEADER = re.compile(r"^\W{0,3}(?:re|subject|to|attn|attention|dear|cc|from)\b\s*:?|^\W{0,3}(?:your\s+)?excellenc", re.I)
DATE_LINE = re.compile(r"^\W*(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
                       r"(?:\s+\d{1,2}(?:st|nd|rd|th)?,?)?\s+\d{4}\W*$|^\W*\d{4}-\d{2}-\d{2}\W*$|^\W*\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\W*$",
                       re.I)
_WORD = re.compile(r"[^\W\d_]{3,}")


SALUTATION = re.compile(r"^\s*(?:dear\b|(?:your\s+)?excellenc(?:y|ies)\b|to\s+whom\b|(?:right\s+)?honou?rable\b|"
                        r"distinguished\s+(?:members|delegates|ministers?)\b|(?:madam|mr\.?|madame)\s+(?:president|"
                        r"prime\s+minister|secretary|chair|speaker|high\s+commissioner)\b[^.]*,\s*$)", re.I)


INLINE_INTRO = re.compile(r"\b(?:undersigned(?:\s+organi[sz]ations)?(?:\s+are)?|signed\s+by|signatories(?:\s+are)?|"
                          r"endorsed\s+by|co-?signed\s+by)\s*:\s*\S", re.I)


def _paragraph(lines: list[str], idx: int) -> tuple[str, set[int]]:
    """Lines idx.. up to the next blank line, joined (end-of-line hyphens rejoined)."""
    used, parts = set(), []
    j = idx
    while j < len(lines) and lines[j].strip() and j - idx < 40:
        parts.append(lines[j].strip())
        used.add(j)
        j += 1
    text = "\n".join(parts)
    text = re.sub(r"-\n(?=[a-z])", "", text)
    return text.replace("\n", " "), used


def _inline_here(lines: list[str], idx: int, done: set[int], info: LineInfo) -> bool:
    """'The undersigned are: A, B (AB), and C.' possibly wrapped over the paragraph: mark it as an inline list."""
    joined, used = _paragraph(lines, idx)
    parts = inline_names(joined, intro_ok=True)
    if parts:
        info.kind, info.parts = "inline", parts
        done.update(used)
    return bool(parts)


def _salutation_index(lines: list[str]) -> int:
    """Index of the salutation ('Dear ...', 'Your Excellencies,') near the top: above it is the letter head."""
    for i, raw in enumerate(lines[:60]):
        t = raw.strip()
        if SALUTATION.match(t) and len(t) < 80:
            return i
        if _heading(t) or IND_HEADING.match(t):
            return -1
    return -1


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
_HEADING_KEYS = ("signator", "signed", "endorse", "undersigned", "supported by", "organi", "group", "ngo", "cso",
                 "network", "member", "institution")


_CLOSING_FIRST = frozenset("yours sincerely respectfully kind best warm warmest regards with in".split())
_HEADER_FIRST = frozenset("re subject subj to attn attention dear cc from your excellency excellencies".split())
_HAS_DIGIT = re.compile(r"\d")
_HEADING_STARTS = ("sign", "endorse", "the undersigned", "undersigned", "support", "list", "co-", "#")


def _heading(t: str) -> bool:
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


@_memo
def inline_names(text: str, intro_ok: bool = False) -> tuple[str, ...]:
    """'The undersigned are: A, B (AB), and C.' -> ('A', 'B (AB)', 'C'); () when not a comma list of names."""
    head, sep, tail = text.partition(":")
    has_intro = bool(sep) and bool(INTRO.search(head) or re.search(r"(?i)\b(?:organi[sz]ations|groups|are|by)\s*$",
                                                                  head))
    body = tail if has_intro else text
    sep = ";" if body.count(";") >= 2 else ","  # "A (AB); Eleos Justice, Monash University; C"
    if body.count(sep) > MAX_INLINE_PARTS:
        return ()
    parts = words().join_legal([p.strip() for p in split_top(body.strip().rstrip("."), sep)])
    if parts and not re.match(r"(?:and|&)\s", parts[-1]):  # no Oxford comma: "A, B and C"
        last = re.split(r"\s+(?:and|&)\s+(?=[A-Z])", parts[-1], maxsplit=1)
        if len(last) == 2 and looks_like_name(last[0]) and looks_like_name(last[1]):
            parts[-1:] = last
    parts = [re.sub(r"^(?:and|&)\s+", "", p).strip() for p in parts if p.strip()]
    parts = [re.sub(r"^the\s+(?=[A-Z])", "", p) for p in parts]  # "the Uyghur Human Rights Project"
    if parts and words().web_leftover(parts[0]):  # "Download PDF in English, Burmese, Karen"
        return ()
    need = 2 if (has_intro or intro_ok) else 3
    if len(parts) >= need and all(looks_like_name(p) and len(p) < 100 for p in parts):
        return tuple(parts)
    return ()


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
        self.leftover = len(rest) < 60 and W.web_leftover(rest)  # "Write A Comment", "Skip to content"
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
                 "heading_ind", "heading", "footnote", "commas", "other_script", "_ends", "_intro", "_cont", "_columns")

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
            len(t) < 40 and _HAS_DIGIT.search(t) and DATE_LINE.match(t)))
        self.url = has_url(t) and len(t) < 400
        # prose in another script (a translation of the letter); a short line or a comma list is names
        self.non_latin = len(t) >= 100 and t.count(",") < 2 and _non_latin(t)
        self.mirrored = not mark and is_mirrored(t)
        self.garbage = garbage_reason(t)
        group = words().group_heading(t) if len(t) < 80 and not mark else None
        self.heading_ind = group is True or (
            len(t) < 60 and ("individual" in low or "personal" in low) and bool(IND_HEADING.match(t)))
        self.heading = group is False or _heading(t)
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
             person_lines: set[int] = frozenset(), table_rows: set[int] = frozenset()) -> list[LineInfo]:
    """Each line's kind (see the module docstring). `table_rows`: line numbers of table rows already reduced to
    their name cell (graph.sig_table): entries whatever their case."""
    out: list[LineInfo] = []
    vocab_box: list[Counter] = []  # built on first need: only a mirrored-looking line needs it
    prev: LineInfo | None = None  # previous non-blank line
    pf: _Facts | None = None  # its facts
    adjacent = False  # previous line was non-blank
    after_heading = False
    header_end = _salutation_index(lines)
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
        elif f.inline_intro and idx not in inline_done and _inline_here(lines, idx, inline_done, info):
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
        elif f.inline_intro and idx not in inline_done and _inline_here(lines, idx, inline_done, info):
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
# a list printed again in another script holds at least this many names (fewer is a heading or two)
MIN_TRANSLATED = 3
NEUTRAL = frozenset({"blank", "url", "email", "page", "marker", "garbage", "mirrored", "heading", "heading_ind",
                     "footnote", "count", "cont", "cont_inline"})
ENTRY = frozenset({"entry", "inline", "columns"})


def _blocks(infos: list[LineInfo]) -> list[tuple[int, int, int, bool, bool]]:
    """(first index, last index, n entries, introduced, in another script) of each run of entries in `infos`:
    runs of entries that only neutral lines interrupt."""
    blocks: list[tuple[int, int, int, bool, bool]] = []
    cur: list[int] | None = None
    intro = False
    last_prose = ""
    for i, info in enumerate(infos):
        k = info.kind
        if k in ENTRY:
            if cur is None:
                cur = [i, i, 0, 0]  # first, last, entries in Latin script, entries in other scripts
                j = i - 1
                while j >= 0 and infos[j].kind in NEUTRAL:
                    if infos[j].kind in ("heading", "heading_ind"):
                        intro = True
                        cur[0] = j
                    j -= 1
                if j >= 0 and infos[j].kind == "prose" and (INTRO.search(last_prose) or infos[j].text.endswith(":")):
                    intro = True
                if j >= 0 and infos[j].kind == "closing":  # "In solidarity," then the signers
                    intro = True
                if k == "inline" and INTRO.search(info.text):  # "The undersigned are: A, B and C"
                    intro = True
            cur[1] = i
            parts = info.parts if k in ("inline", "columns") else (info.text,)
            latin = sum(1 for x in parts if x.isascii() or LATIN.search(x)) if k != "entry" else (
                1 if info.text.isascii() or LATIN.search(info.text) else 0)
            cur[2] += latin
            cur[3] += len(parts) - latin
        elif k in NEUTRAL:
            if k == "cont" and cur is not None:
                cur[1] = i
            continue
        else:
            if cur is not None:
                blocks.append((cur[0], cur[1], max(cur[2], cur[3]), intro, cur[3] > cur[2]))
            cur, intro = None, False
            if k == "prose":
                last_prose = info.text if not infos[i - 1].text or i == 0 else (
                    infos[i - 1].text + " " + info.text if infos[i - 1].kind == "prose" else info.text)
    if cur is not None:
        blocks.append((cur[0], cur[1], max(cur[2], cur[3]), intro, cur[3] > cur[2]))
    return blocks


def choose_block(infos: list[LineInfo]) -> tuple[int, int] | None:
    """The main block of `choose_blocks`, or None."""
    blocks = choose_blocks(infos)
    return blocks[0] if blocks else None


def choose_blocks(infos: list[LineInfo]) -> list[tuple[int, int]]:
    """The signatory list's blocks as (first, last) indexes into `infos`: the main one first, then the same list
    printed again in another script (a Korean or Burmese translation of an English list), which must not be lost.

    A block introduced by a signatory heading or by prose such as "Signed by 26 organizations" is the main one;
    otherwise the last block of three or more entries.
    """
    blocks = _blocks(infos)
    latin = [b for b in blocks if not b[4]]
    introduced = [b for b in latin if b[3] and b[2] >= 1]
    plain = [b for b in latin if b[2] >= 3]
    if introduced:
        best = max(introduced, key=lambda b: (b[2], b[0]))
    elif plain:
        best = plain[-1]
    else:
        other = [b for b in blocks if b[2] >= 3 or b[3]]
        return [(b[0], b[1]) for b in other[-1:]]
    # translations: blocks in another script at least a third as long as the main list (reported, not read)
    again = [b for b in blocks if b[4] and b[2] >= max(MIN_TRANSLATED, best[2] / 3)]
    return [(best[0], best[1])] + [(b[0], b[1]) for b in again]
