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

from graph.extract.dates import find_dates
from graph.extract.leftovers import elsewhere_heading
from graph.extract.people import looks_like_person
from graph.extract.signatories.facts import COLUMNS, FACTS, Facts, facts
from graph.extract.signatories.headings import SALUTATION  # noqa: F401 - graph.extract.meta and .titles read it here
from graph.extract.signatories.headings import place_heading, salutation_index
from graph.extract.signatories.inline import BYLINE, MAX_PEOPLE_LABEL, inline_here, inline_names, people_line
from graph.extract.signatories.markers import follows
from graph.extract.signatories.words import words
from graph.kinds import LineKind

# A wrapped numbered name's next line starts under the name's first letter, give or take a space ("3. Serikat
# Nelayan" over "   Wilayah Jawa Timur"); a line indented further is a member under its umbrella.
HANG_SLACK = 1
# A group heading printed without its colon ("Lokale organisaties", "National groups") is this short at most.
MAX_GROUP_WORDS = 4
_WORD = re.compile(r"[^\W\d_]{3,}")


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
            f = FACTS.get(raw) or facts(raw)
            return bool(f.num or f.bullet)
    return False


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]



@dataclass(slots=True)  # one per line of every letter: slots are quicker to make
class LineInfo:
    line: int  # 1-based line number in the document
    text: str  # the line, stripped
    kind: LineKind
    num: str | None = None  # printed list number
    bullet: str = ""
    rest: str = ""  # the line without its number/bullet
    indent: int = 0
    parts: tuple[str, ...] = ()  # names of an inline comma list
    detail: str = ""




def _byline_organizations(t: str) -> tuple[str, ...]:
    """The names of a byline of organizations ("By A, B and C"); () for an author's byline ("By Jane Roe and
    John Doe") or a line that is no list."""
    parts = inline_names(t, intro_ok=True)
    return () if all(looks_like_person(p) for p in parts) else parts


# The detail of a person's line under the organization it signs for.
SIGNS_ABOVE = "signs for the organization above"
# A role after a person's name is a few words ("Vorstand", "Geschäftsführender Vorstand"); more is an affiliation.
MAX_ROLE_WORDS = 4


def _signs_above(t: str) -> bool:
    """'Tobias Roe, Vorstand': a person's name and a role alone, no organization named."""
    name, comma, role = t.partition(",")
    W = words()
    return bool(comma) and "," not in role and looks_like_person(name.strip()) and \
        0 < len(role.split()) <= MAX_ROLE_WORDS and \
        W.role_of(role) is not None and not W.org_word(role)


def _nested_next(lines: list[str], idx: int, indent: int) -> bool:
    """The next non-blank line is a list item indented deeper than this one: this item holds a sublist."""
    for raw in lines[idx + 1:idx + 3]:
        if raw.strip():
            f = FACTS.get(raw) or facts(raw)
            return bool(f.num or f.bullet) and f.indent > indent
    return False


def _group_line(t: str) -> bool | None:
    """A short line naming a group, colon or not: True for people, False for organizations, None if none. The
    group word ends it ("Lokale organisaties") or, in Romance languages, opens it ("Organizzazioni locali")."""
    W = words()
    group = W.group_heading(t.rstrip(": ") + ":")
    first = t.split(None, 1)[0].lower().strip(":") if t.strip() else ""
    if group is None and (first in W.group_words or first in W.person_group_words):
        group = first in W.person_group_words
    return group


def classify(lines: list[str], start: int = 1, contact_lines: set[int] = frozenset(),
             person_lines: set[int] = frozenset(), table_rows: set[int] = frozenset(),
             prose_lists: dict[int, tuple[str, ...] | None] | None = None) -> list[LineInfo]:
    """Each line's kind (see the module docstring). `table_rows`: line numbers of table rows already reduced to
    their name cell (graph.extract.signatories.table): entries whatever their case. `prose_lists`: line index -> the names a
    prose sentence after a cue phrase lists (graph.extract.signatories.prose), on the cue's line (the list's other lines map to
    (), the sentence's lines above the cue to None): one inline list, introduced by its cue."""
    out: list[LineInfo] = []
    vocab_box: list[Counter] = []  # built on first need: only a mirrored-looking line needs it
    lower_box: list[frozenset[str]] = []  # the letter's lower-case words, built on first need
    prev: LineInfo | None = None  # previous non-blank line
    pf: Facts | None = None  # its facts
    adjacent = False  # previous line was non-blank
    after_heading = False
    header_end = salutation_index(lines)
    last_num: str | None = None  # the last entry's printed number ("7", "iv", "b")
    inline_done: set[int] = set()
    for idx, raw in enumerate(lines):
        ln = start + idx
        if not raw or raw.isspace():
            out.append(LineInfo(ln, "", LineKind.BLANK))
            adjacent = False
            continue
        f = FACTS.get(raw) or facts(raw)  # the lookup inline: this runs for every line of every letter
        t, num, bullet, rest = raw.strip(), f.num, f.bullet, f.rest
        if num is not None and num.isdigit():
            num = t[:len(num)]  # f may be another number's facts (see graph.extract.signatories.facts.facts)
        elif bullet == "-" and t[0] == "•":
            bullet = "•"  # f is the facts of '- ...' (see graph.extract.signatories.facts.facts)
        info = LineInfo(ln, t, LineKind.PROSE, num, bullet, rest, f.indent)
        pk = prev.kind if prev is not None else None
        if ln in contact_lines:
            info.kind = LineKind.CONTACT
        elif ln in person_lines:
            info.kind = LineKind.PERSON
        elif ln in table_rows:
            info.kind = LineKind.ENTRY
        elif prose_lists and idx in prose_lists:
            parts = prose_lists[idx]
            info.kind, info.parts, info.detail = (LineKind.PROSE, (), "") if parts is None else (
                LineKind.INLINE, parts, "cue") if parts else (LineKind.CONT_INLINE, (), "")
        elif f.closing:
            info.kind = LineKind.CLOSING
        elif ":" in t[:MAX_PEOPLE_LABEL + 1] and (people := people_line(t)):
            info.kind, info.parts, info.detail = LineKind.INLINE, people, "people"  # "Adhesiones individuales: A, B"
        elif f.url_line:
            info.kind = LineKind.URL
        elif f.email:
            info.kind = LineKind.EMAIL
        elif f.page and not (num and prev is not None and prev.num):
            info.kind = LineKind.PAGE
        elif f.marker:
            info.kind = LineKind.MARKER
        elif f.count:
            info.kind = LineKind.COUNT
        elif (pk == LineKind.ENTRY or pk == LineKind.CONT) and pf.r.open and not num and not bullet and not (
                len(t) > 60 and f.ends()):  # a sentence after a list's trailing comma is not a wrapped name
            info.kind = LineKind.CONT
        elif adjacent and (pk == LineKind.ENTRY or pk == LineKind.CONT) and not (num or bullet) and f.cont_start():
            info.kind = LineKind.CONT
        elif adjacent and pk == LineKind.ENTRY and prev.num and not (num or bullet) and f.indent > prev.indent and \
                abs(f.indent - prev.indent - len(prev.text) + len(prev.rest)) <= HANG_SLACK and \
                not prev.text.endswith(":"):
            info.kind = LineKind.CONT  # a hanging indent: the numbered name above wrapped, aligned under its text
        elif f.umbrella and (num or bullet or _marked_next(lines, idx)):
            # "1. X (ACR), comprising:" over its members, bulleted or plain ("X, on behalf of its members:" over
            # bulleted ones); a plain line ending so is a heading unless marked items follow
            info.kind, info.detail, info.rest = LineKind.ENTRY, "umbrella", f.umbrella
        elif f.footnote_star:
            info.kind, info.detail = LineKind.FOOTNOTE, "footnote"
        elif f.inline_intro and idx not in inline_done and inline_here(lines, idx, inline_done, info):
            pass
        elif idx <= header_end or f.header:
            info.kind = LineKind.HEADER
        elif f.url:
            info.kind, info.detail = LineKind.URL, ("footnote" if re.match(r"\d", t) else "url")
        elif elsewhere_heading(t):
            info.kind, info.detail = LineKind.PROSE, "a page's list of its other articles"  # ends the list above
        elif f.non_latin:
            info.kind, info.detail = LineKind.PROSE, "prose in another script"
        elif f.mirrored and _unknown_words(t, lines, vocab_box):
            info.kind, info.detail = LineKind.MIRRORED, "mirrored text"
        elif f.garbage:
            info.kind, info.detail = LineKind.GARBAGE, f.garbage
        elif f.heading_ind:
            info.kind = LineKind.HEADING_IND
        elif f.heading:
            info.kind = LineKind.HEADING
        elif f.umbrella and _marked_next(lines, idx):
            info.kind, info.detail, info.rest = LineKind.ENTRY, "umbrella", f.umbrella  # its members are the items below
        elif adjacent and pk == LineKind.PROSE and not pf.ends() and not (num or bullet) and not pf.intro():
            info.kind = LineKind.PROSE
        elif f.footnote:
            info.kind, info.detail = LineKind.FOOTNOTE, "footnote"
        elif f.inline_intro and idx not in inline_done and inline_here(lines, idx, inline_done, info):
            pass
        elif not bullet and f.r.lower:
            info.kind = LineKind.PROSE
        elif f.columns():
            info.kind, info.parts = LineKind.COLUMNS, f.columns() if f.t == t else tuple(COLUMNS.split(t))
        elif f.other_script and not (num or bullet) and pk == LineKind.ENTRY and prev.num and f.commas == 0 and (
                prev.text.isascii() or LATIN.search(prev.text)):
            # "10. Iran Human Rights (IHRNGO)" then its name in Persian, unnumbered: the same organization
            info.kind, info.detail = LineKind.GARBAGE, "the name above in another script"
        elif f.commas >= 2 and f.other_script and (parts := inline_names(t, intro_ok=True)):
            info.kind, info.parts = LineKind.INLINE, parts  # "서울여성회, 부산노동자회, ...": names in a script without capitals
        elif f.r.leftover:
            info.kind, info.detail = LineKind.GARBAGE, "web-page leftover"
        elif f.r.contact:
            info.kind = LineKind.CONTACT
        elif not (num or bullet) and len(t.split()) <= MAX_GROUP_WORDS and _marked_next(lines, idx) and \
                (group := _group_line(t)) is not None:
            # "Lokale organisaties", "Organizzazioni locali" over a bulleted list: a group heading without its colon
            info.kind = LineKind.HEADING_IND if group else LineKind.HEADING
        elif (num or bullet) and len(rest.split()) <= MAX_GROUP_WORDS and _nested_next(lines, idx, f.indent) and (
                place_heading(rest) or (group := _group_line(rest)) is not None):
            # "* Região Norte" / "* Organizações internacionais" over their own indented items: a heading
            info.kind = LineKind.HEADING_IND if not place_heading(rest) and group else LineKind.HEADING
        elif f.lead and f.r.entry and _marked_next(lines, idx):
            info.kind = LineKind.HEADING  # a name-shaped line ending in ":" or " -" over a bulleted or numbered list
        elif f.caps_word and _lower_case_word(t, lines, lower_box):
            info.kind, info.detail = LineKind.GARBAGE, "a page's section name"
        elif BYLINE.match(t) and (parts := _byline_organizations(t)):
            # "By A, B and C": one comma is enough in a byline (a list of its own: graph.extract.signatories.blocks)
            info.kind, info.parts, info.detail = LineKind.INLINE, parts, "byline"
        elif pk == LineKind.ENTRY and adjacent and not (num or bullet) and _signs_above(t):
            info.kind, info.detail = LineKind.PERSON, SIGNS_ABOVE  # "Tobias Roe, Vorstand" under his organization
        elif f.r.entry:
            info.kind = LineKind.ENTRY
        elif bullet and prev is not None and prev.bullet == bullet and f.r.short and (
                pk == LineKind.ENTRY or pk in (LineKind.HEADING, LineKind.HEADING_IND)):
            info.kind = LineKind.ENTRY  # one more item of a bulleted run, even in lower case ("- knowledgeatwork UG")
        elif after_heading and not (num or bullet) and f.r.short and t[:1].isupper() and not find_dates(t) and (
                adjacent and pk == LineKind.ENTRY and not (prev.num or prev.bullet) or
                pk in (LineKind.HEADING, LineKind.HEADING_IND) and (_ACR_IN.search(t) or words().org_word(t)) and
                not words().group_words.intersection(w.strip(".,:;") for w in t.lower().split())):
            # a line of a plain list under its heading, named in sentence case as French and Spanish names are
            # ("Association des femmes rurales de Diala" under "Collectif Terres du Koré"); the first line under
            # the heading shows it names an organization (an acronym, an organization word; not a plural that
            # speaks of the signers: "Les organisations suivantes")
            info.kind = LineKind.ENTRY
        elif num and last_num is not None and follows(last_num, num) and f.r.numbered_ok:
            info.kind = LineKind.ENTRY  # the list's numbering vouches for a name in lower-case words
        elif f.commas >= 2 or (after_heading and f.commas):
            parts = inline_names(t, intro_ok=after_heading)
            if parts:  # "By A, B and C  •  14 May 2024": a byline is a list of its own (graph.extract.signatories.blocks)
                info.kind, info.parts, info.detail = LineKind.INLINE, parts, "byline" if BYLINE.match(t) else ""
        if idx in inline_done and info.kind != LineKind.INLINE:
            info.kind = LineKind.CONT_INLINE
        k = info.kind
        if k == LineKind.ENTRY and num:
            last_num = num
        if k == LineKind.HEADING or k == LineKind.HEADING_IND:
            after_heading = True
        elif k == LineKind.PROSE or k == LineKind.CONTACT or k == LineKind.CLOSING:
            after_heading = False
        out.append(info)
        prev, pf = info, f
        adjacent = True
    _descriptions(out)
    return out


_ACR_IN = re.compile(r"\(([A-Z][A-Z0-9&-]{1,11})\)")


def _descriptions(infos: list[LineInfo]) -> None:
    """"Kachin Rivers Group (KRG)" / "KRG is a network of ...": a sentence under an entry that opens with its
    name or acronym describes that signatory; it is no prose that ends the list."""
    last: LineInfo | None = None
    for info in infos:
        if info.kind == LineKind.BLANK:
            continue
        if info.kind == LineKind.PROSE and last is not None and last.kind == LineKind.ENTRY:
            name = _ACR_IN.sub("", last.text).strip(" -•*")
            acr = _ACR_IN.search(last.text)
            for subject in (name, acr.group(1) if acr else None):
                rest = info.text[len(subject):] if subject and info.text.startswith(subject + " ") else ""
                if rest[1:2].islower():
                    info.kind, info.detail = LineKind.GARBAGE, "a description of the signatory above"
                    break
        last = info


LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
