"""A letter's title: the Re:/Subject line, a markdown heading or the head line that looks most like a title (not
a menu, a site's name, a label or a standfirst), one printed over two lines joined; else a descriptive title from
the first sentence; and which title wins over the front matter's.

Separate from graph.extract.meta, which finds where the letter head ends and gathers title, date and recipients
into one Meta: here is only what makes a line the letter's title.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.extract.head_lines import (_CONTINUES, _GENERIC, _HONORIFIC, _LABEL, _MAIL_HEADER, _MAIL_LINE,
                                      _MD_HEADING, _OPEN_TO, _OPENING, _RE_LINE, _TO_LINE, MAIL_HEADERS,
                                      _is_caps, _latin, _menu, _site_name, sentence_case)
from graph.records import Lines
from graph.extract.recipients import _before_subtitle
from graph.extract.signatories.region import SALUTATION as _SALUTATION
from graph.extract.address_lines import is_greeting
from graph.extract.address_block import copy_line, is_address_line, under_address_label
from graph.extract.leftovers import is_leftover, names_a_letter
from graph.extract.letter_dates import BYLINE as _BYLINE
from graph.extract.letter_dates import is_dateline
from graph.extract.dates import find_dates, find_month
from graph.extract.letter_heading import is_cut_short, is_english, is_kind_label, letter_heading, names_its_kind

if TYPE_CHECKING:
    from graph.extract.meta import Meta

# Fewer words than this is a name (of a site, a desk, a section), rarely a letter's title.
MIN_TITLE_WORDS = 5
# A heading line is this long at most (a long headline); a paragraph has this many words and ends a sentence.
MAX_TITLE_CHARS, PARAGRAPH_WORDS = 250, 14


def _title_like(t: str, nxt: str) -> bool:
    """A long line that is a title, not prose: no sentence end, and a blank line, a date or a byline below it."""
    first = _OPENING.sub("", t)[:1]  # a headline may open with a quotation: "« Pas une expulsion ... » : l'appel"
    return 0 < len(t) <= MAX_TITLE_CHARS and not t.endswith((".", ",", ";", ":", "-")) and (first.isupper() or first.isdigit()) \
        and (not nxt or bool(find_dates(nxt)) or _BYLINE.match(nxt) is not None)


def _tidy_title(t: str, text: str) -> str:
    t = re.sub(r"\s+", " ", t).strip().strip("*_").strip()
    t = _LABEL.sub("", t)
    halves = re.split(r"\s+[/|]\s+", t)
    if len(halves) == 2 and all(len(h.split()) >= 3 for h in halves) and is_english(halves[0]) != is_english(halves[1]):
        t = halves[0] if is_english(halves[0]) else halves[1]  # "Judul / Title": a heading in two languages
    if not _is_caps(t):
        return t
    # the body without the title's own lines (a title over two lines is in the text line by line)
    body = "\n".join(ln for ln in text.replace(t, " ").split("\n") if not (ln.strip() and ln.strip() in t))
    return sentence_case(t, body)


def _title(lines: list[str], head_end: int, body: str) -> tuple[str | None, Lines]:
    for i, raw in enumerate(lines[:max(head_end, 1) + 5]):
        m = _RE_LINE.match(raw)
        if m:
            text, used = m.group(1).strip(), [i + 1]
            j = i + 1
            while j < len(lines) and lines[j].strip() and not _SALUTATION.match(lines[j]) and not find_dates(lines[j]) \
                    and not text.rstrip().endswith((".", ":")) and len(lines[j]) < 120 and j - i < 3 and \
                    not _MAIL_HEADER.match(lines[j]):
                text += " " + lines[j].strip()
                used.append(j + 1)
                j += 1
            if sum(bool(_MAIL_HEADER.match(x)) for x in lines[max(0, i - 4):i + 5]) >= MAIL_HEADERS:
                subject = (_tidy_title(text, body), tuple(used))  # an e-mail's subject: its heading comes first
                break
            return _tidy_title(text, body), tuple(used)
    else:
        subject = (None, ())
    for i, raw in enumerate(lines[:max(head_end, 1) + 3]):
        m = _MD_HEADING.match(raw)
        if m and not _GENERIC.match(m.group(1)):
            return _tidy_title(m.group(1), body), (i + 1,)
    candidates, open_to = [], []
    for i, raw in enumerate(lines[:head_end]):
        t = raw.strip()
        if t and (_SALUTATION.match(t) or is_greeting(lines, i)):
            break  # "Dengan hormat,", "Madame la Ministre,": the letter's body starts below
        if _OPEN_TO.match(t):
            # "Open letter to the Commission": the title when nothing else is ("... to X:" over a line: its first)
            if _before_subtitle(t) == t and not (t.endswith(":") and _continues(lines, i, t)):
                open_to.append((i, t))
            elif not _is_prose(t):  # "Open Letter to the Commission: No Trade Preferences for the Junta"
                candidates.append((i, t))
            continue
        if not t or _GENERIC.match(t) or is_kind_label(t) or _TO_LINE.match(t) or _MAIL_HEADER.match(t) or \
                _MAIL_LINE.match(t) or _menu(t) or find_dates(t) or find_month(t) and \
                len(t) < 25 or _HONORIFIC.match(t) or _postal(t) or len(t.split()) < 3 or t.endswith(",") or \
                copy_line(t) or (i > 0 and _HONORIFIC.match(lines[i - 1])) or under_address_label(lines, i) or is_leftover(t) or _BYLINE.match(t) or \
                _is_prose(t) or _link_caption(lines, i) or is_address_line(t) or is_dateline(t) or \
                _in_address_block(lines, i) or _RUNNING_HEAD.search(raw):
            continue
        candidates.append((i, t))
    # a site's name is the title only when the head offers nothing else, not even "Open letter to ..."
    candidates = [c for c in candidates if not _site_name(lines, *c)] or open_to[:1] or candidates
    listed = _listed_below(lines, head_end)
    candidates = [c for c in candidates if c[1].casefold() not in listed] or candidates
    if not candidates and subject[0]:
        return subject
    # an all-caps line above a mixed-case one is a label ("JOINT STATEMENT ON ..."); the mixed-case line is the title
    # ... but one printed over two lines is the title ("SURAT TERBUKA KOALISI ... UNTUK" / "PENYELAMATAN TELUK ...")
    mixed = [c for c in candidates if not _is_caps(c[1]) or names_its_kind(c[1]) and _caps_below(lines, c[0])] or candidates
    # a title printed over two lines is one candidate: its second line ("schools and clinics") is none
    joined = {i for i, t in mixed if _continues(lines, i, t)}
    mixed = [c for c in mixed if c[0] - 1 not in joined]
    if mixed:
        # at equal evidence the first line, unless it is too short for a title and a later one is not: a site's or a
        # desk's name ("Rights Monitor – Asia Desk") above the headline
        i, t = max(mixed, key=lambda c: (_title_evidence(lines, *c, continued=c[0] in joined),
                                         len(re.findall(r"[^\W\d_]+", c[1])) >= MIN_TITLE_WORDS, -c[0]))
        # a heading printed in two scripts, one line each ("고용허가제 ..." / "Abolish the ..."): the Latin one
        beside = [c for c in mixed if 0 < abs(c[0] - i) <= 2 and _latin(c[1]) and not _latin(t)]
        if beside:
            i, t = beside[0]
        above = lines[i - 1].strip() if i > 0 else ""
        if above.endswith(":") and _OPEN_TO.match(above):  # "Open Letter to the Government of X:" / "Halt the ..."
            return _tidy_title(f"{above} {t}", body), (i, i + 1)
        return _joined_title(lines, i, t, body)
    return None, ()


def _listed_below(lines: list[str], head_end: int) -> set[str]:
    """List items below the head ("3. Karen Rivers Desk"): a head line printed again as one is a signer's
    letterhead, not the title."""
    return {m.group(1).strip().casefold() for x in lines[head_end:] if (m := _LIST_ITEM.match(x))}


_LIST_ITEM = re.compile(r"^\s*(?:\d{1,3}[.)]|[-•*])\s+(.{3,80})$")


def _joined_title(lines: list[str], i: int, t: str, body: str) -> tuple[str, Lines]:
    """A title printed over two lines: the next line continues it when this one breaks off mid-phrase ("... of
    the") or the next starts in lower case, and the next is no date, byline, greeting or page leftover."""
    if _continues(lines, i, t):
        return _tidy_title(f"{t} {lines[i + 1].strip()}", body), (i + 1, i + 2)
    return _tidy_title(t, body), (i + 1,)


def _continues(lines: list[str], i: int, t: str) -> bool:
    nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
    # a heading in capitals that names its kind goes on in capitals ("SURAT TERBUKA ... UNTUK" / "PENYELAMATAN ...")
    wrapped_caps = _is_caps(t) and names_its_kind(t) and _caps_below(lines, i)
    return bool(nxt) and len(t) < 120 and len(nxt) < 120 and bool(_CONTINUES.search(t) or nxt[:1].islower() or
                                                                  wrapped_caps) and \
        not (find_dates(nxt) or _BYLINE.match(nxt) or _SALUTATION.match(nxt) or is_leftover(nxt) or _is_prose(nxt))


# A PDF page's running head: a name, a wide gap, the page's number ("Coordinadora Andina      1/2", "Page 1 of 3").
_RUNNING_HEAD = re.compile(r"\S\s{4,}(?:\d{1,3}\s*/\s*\d{1,3}|(?:page|p\.|página|seite|halaman)\s*\d{1,3}(?:\s*(?:of|de|von|dari|/)\s*"
                           r"\d{1,3})?)\s*$", re.I)


def _postal(t: str) -> bool:
    """A line of a postal address ("1600 Pennsylvania Avenue", "Rue X 40, 1000 Brussels", "P.O. Box 12"); a
    number alone is no address: titles print years and bill numbers ("the 2021 coup", "Ley 4471/2022")."""
    from graph.extract.signatories.words import words

    return bool(words().postal.search(t) or _POSTAL_WORDS.search(t))


_POSTAL_WORDS = re.compile(r"\b(?:p\.?\s?o\.?\s?box|suite|floor)\s*\d", re.I)


def _in_address_block(lines: list[str], i: int) -> bool:
    """Line i is under a line of its paragraph that shows it to be an address ("Hon. Dr. Jane Roe" / "Cabinet
    Secretary for Interior" / "Republic of X"): the addressee's, not a title (a title stands above "To:")."""
    a = i
    while a > 0 and lines[a - 1].strip():
        a -= 1
    return any(_HONORIFIC.match(lines[k].strip()) or _TO_LINE.match(lines[k].strip()) or
               is_address_line(lines[k].strip()) for k in range(a, i))


def _caps_below(lines: list[str], i: int) -> bool:
    nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
    return bool(nxt) and _is_caps(nxt) and len(nxt) < MAX_TITLE_CHARS


def _link_caption(lines: list[str], i: int) -> bool:
    """A link's text over its address ("The video report of ..." / "http://..."): page furniture, no title."""
    nxt = next((x.strip() for x in lines[i + 1:i + 3] if x.strip()), "")
    return bool(re.match(r"^(?:https?://|www\.)\S+$", nxt))


def _is_prose(t: str) -> bool:
    """Sentences, not a heading: many words and a full stop (a heading may end with one, but is short). A headline
    may end with "!" or "?" ("Carta abierta: ¡Alto a la criminalización ...!"); a sentence before it makes prose."""
    t = t.rstrip()
    return len(t.split()) >= PARAGRAPH_WORDS and (t.endswith(".") or t.endswith(("!", "?")) and re.search(r"[.!?]\s", t) is not None)


def _title_evidence(lines: list[str], i: int, t: str, continued: bool = False) -> int:
    """How much a head line looks like the letter's title rather than a site name or a label: it names a letter
    ("Joint statement on ..."), and a date or a byline is printed right below it (below its second line, when
    it is `continued` there)."""
    below = next((x.strip() for x in lines[i + 1 + continued:i + 3 + continued] if x.strip()), "")
    if _DEK.match(t) and not continued:
        return -1  # "A joint statement by 12 organisations on ...": a line under the title that describes the letter
    return names_a_letter(t) + (bool(find_dates(below)) or _BYLINE.match(below) is not None)


# A standfirst (dek) under a title says what kind of letter it is and who wrote it, with an indefinite article.
_DEK = re.compile(r"^\W*(?:a|an|une?|una?|ein|eine)\s+(?:\w+\s+){0,2}?(?:statement|letter|appeal|call|declaration|"
                  r"communiqué|déclaration|lettre|appel|declaración|carta|pronunciamiento|erklärung|brief)\s+"
                  r"(?:by|from|of|signed|issued|de|par|por|von)\b", re.I)


def _descriptive_title(text: str, start_line: int) -> tuple[str | None, Lines]:
    """The first sentence, cut before an attribution ('..., 46 organizations said today')."""
    flat = re.sub(r"-\s*\n\s*(?=[a-z])", "", text)
    flat = re.sub(r"\s+", " ", flat).strip()
    flat = _PAGE_DATE.sub("", flat)  # "date 2021-08-14 A group of ...": a scraped page's date field
    m = re.match(r"(.+?[.!?])(?:\s|$)", flat)
    s = m.group(1) if m else flat[:200]
    s = re.split(r",\s+(?:\d+|\w+)\s+(?:\w+\s+){0,3}(?:said|say|says|urged|warned)\b", s)[0]
    words = s.rstrip(".!?").split()
    if not words:
        return None, ()
    if len(words) > 16:  # cut at the first clause break after eight words
        cut = next((i + 1 for i in range(8, min(len(words), 24)) if words[i].endswith((",", ";", ":"))), 16)
        words = words[:cut]
    return " ".join(words).rstrip(",;:"), (start_line,)


_PAGE_DATE = re.compile(r"^\W*(?:date|dated|published|posted|fecha|datum|data)\s*:?\s*\d{4}-\d{2}-\d{2}(?:[T ][\d:]+)?\s+",
                        re.I)
DESCRIPTIVE = "no title printed: descriptive title"


def choose_title(front: str | None, meta: Meta, text: str = "") -> str | None:
    """Front matter's title unless it only says what kind of letter it is and to whom ("Open Letter to the
    European Commission") or is cut short: then the title the text prints, if it prints one (a first sentence is
    no title: the front matter's "Open letter to ..." is better). A front title that quotes the printed letter's
    heading, or is in another language than an English heading, gives way to that heading."""
    printed = meta.title and not any(n.startswith(DESCRIPTIVE) for n in meta.notes)
    if front and printed and (_GENERIC.match(front) or _OPEN_TO.match(front) or is_cut_short(front, text)):
        return meta.title
    if front and text:
        heading = letter_heading(text.split("\n"), 0, front)
        if heading:
            return _tidy_title(heading[0], text)
    return front or meta.title
