"""A letter's title, date and recipients, with the lines they came from.

The letter head is everything above the salutation ("Your Excellencies,", "Dear ..."), or the first lines when
there is none. Titles come from a Re:/Subject line, a markdown heading or a heading line in the head; dates
from a printed date in the head, else from how the letter speaks of time (graph.text_dates); recipients from a
"To ..." line, an "Open letter to ..." heading, an address block, or the first sentence ("call upon X to").

>>> m = extract_meta("To Members of the United Nations Security Council\\n1 February 2024\\n\\n"
...                  "Re: Urgent call for swift action against the junta to end its war and protect\\n"
...                  "civilians in Myanmar\\n\\nYour Excellencies,\\n\\nWe write ...")
>>> m.title, m.date, m.recipients, m.title_lines
('Urgent call for swift action against the junta to end its war and protect civilians in Myanmar', '2024-02-01', ('Members of the UN Security Council',), (4, 5))
>>> extract_meta("# JOINT CALL FOR A SPECIAL SESSION ON MYANMAR\\n\\nWe urge the Human Rights Council to act. "
...              "Myanmar needs the Council.").title
'Joint call for a special session on Myanmar'
"""
from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field

from .paths import curated_path
from .records import Lines
from .addressees import address_line, addressed_all, greeting, honorific, recipient_joins
from .leftovers import is_leftover, names_a_letter
from .sig_lines import is_mirrored
from .letter_dates import BYLINE as _BYLINE
from .letter_dates import letter_date
from .text_dates import find_dates, find_month
from .text_mirror import decode_mirrored

_RE_LINE = re.compile(r"^\s*(?:re|subject|subj|objet)\s*:\s*(.+)$", re.I)
_MD_HEADING = re.compile(r"^\s*#{1,3}\s+(.+?)\s*#*\s*$")
_TO_LINE = re.compile(r"^\s*to\s*:?\s+(?!whom\b)(.+)$", re.I)
_OPEN_TO = re.compile(r"^\s*(?:an?\s+)?(?:joint\s+)?(?:open\s+)?(?:letter|appeal|statement|call)\s+to\s+(?:the\s+)?(.+)$",
                      re.I)
from .sig_region import SALUTATION as _SALUTATION  # noqa: E402 - one definition of a salutation
_GENERIC = re.compile(r"^\W*(?:(?:joint|open|public)\s+)?(?:ngo\s+|civil\s+society\s+)?(?:statement|letter|call|"
                      r"appeal|press\s+release|submission|briefing)\W*$|^\W*for\s+immediate\s+(?:press\s+)?release\W*$", re.I)
_HONORIFIC = re.compile(r"^\s*(?:his|her|their)\s+(?:excellenc|majesty|royal|honou?r)|^\s*(?:h\.?e\.?|mr|mrs|ms|dr)\.?\s",
                        re.I)
_POSTAL = re.compile(r"\d{3,}|\b(?:street|avenue|road|plaza|p\.?o\.? box|ny|suite|floor)\b", re.I)
_ADDRESSEE = re.compile(r"\b(?:call(?:s|ed)?\s+(?:up)?on|urg(?:e|es|ed|ing)|appeal(?:s|ed)?\s+to|writ(?:e|ing)\s+to)\s+"
                        r"(?:the\s+)?((?:[A-Z][\w’'.-]*|of|the|and|for|on|in|&)(?:\s+(?:[A-Z][\w’'.-]*|of|the|and|for|"
                        r"on|in|&|\([A-Z]+\)))*)\s+(?:to|in|and)\b")
_SUBJECT_MUST = re.compile(r"^\W*(?:the\s+)?((?:[A-Za-z][\w’'-]*\s+){0,5}?(?:community|council|states|governments?|"
                           r"members?|nations|union|asean|countries|authorities|donors))\s+(?:must|should)\b", re.I)
# An e-mail's header lines (in the languages letters come in); a Subject: among MAIL_HEADERS of them is an
# e-mail's subject, which a forwarded letter's own heading below it is preferred to.
_MAIL_HEADER = re.compile(r"^\s*(?:from|sent|date|to|cc|bcc|subject|reply-to|de|von|an|para|à|objet|asunto|betreff|"
                          r"envoyé|enviado|gesendet|datum|fecha)\s*:", re.I)
MAIL_HEADERS = 3
_CC_LINE = re.compile(r"^\s*(?:cc|bcc|copy)\s*:", re.I)
_SMALL = frozenset("a an and as at but by for from in into of on or per the to with via".split())


@dataclass(frozen=True)
class Meta:
    title: str | None = None
    date: str | None = None
    recipients: tuple[str, ...] = ()
    title_lines: Lines = ()
    date_lines: Lines = ()
    recipient_lines: Lines = ()
    date_note: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)


def _head_end(lines: list[str]) -> int:
    """Index of the salutation, else of the first prose line (long, ends a sentence), bounded to 25 lines."""
    for i, raw in enumerate(lines[:40]):
        if _SALUTATION.match(raw) and len(raw.strip()) < 80:
            return i
    for i, raw in enumerate(lines[:25]):
        t = raw.strip()
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if _RE_LINE.match(t) or _MD_HEADING.match(t):
            continue
        after = lines[i + 2].strip() if i + 2 < len(lines) else ""
        if _is_caps(t) or is_leftover(t) or _title_like(t, nxt) or (nxt[:1].islower() and len(f"{t} {nxt}".split()) <= MAX_TITLE_WORDS and
                                                         _title_like(f"{t} {nxt}", after)):
            continue  # a title, or one printed over two lines (the second in lower case, then a blank line)
        if len(t) > 90 or len(t.split()) >= 12 or (len(t.split()) >= 8 and (t.endswith(".") or nxt[:1].islower())):
            return i
    return min(len(lines), 25)


# A title over two lines is a phrase; more words than this over two lines (or a hyphenated break) are prose.
MAX_TITLE_WORDS = 20


def _title_like(t: str, nxt: str) -> bool:
    """A long line that is a title, not prose: no sentence end, and a blank line, a date or a byline below it."""
    return 0 < len(t) <= 250 and not t.endswith((".", ",", ";", ":", "-")) and (t[:1].isupper() or t[:1].isdigit()) and \
        (not nxt or bool(find_dates(nxt)) or _BYLINE.match(nxt) is not None)


def sentence_case(title: str, body: str) -> str:
    """'JOINT CALL FOR HUMAN RIGHTS COUNCIL SESSION' -> 'Joint call for Human Rights Council session' when the body
    prints 'Human Rights Council' capitalised; words the body prints in capitals (UN, ICC) stay in capitals."""
    words = Counter(re.findall(r"[^\W\d_][\w’'-]*", body))
    out = []
    for i, w in enumerate(title.split()):
        core = re.sub(r"^\W+|\W+$", "", w)
        low, cap = core.lower(), core[:1].upper() + core[1:].lower()
        if core and words[core] >= 1 and core.isupper() and len(core) > 1 and words[core] > words[cap]:
            rep = core
        elif core and (i == 0 or words[cap] > words[low]) and low not in _SMALL or i == 0:
            rep = cap
        else:
            rep = low
        out.append(w.replace(core, rep, 1) if core else w)
    return " ".join(out)


def _is_caps(t: str) -> bool:
    letters = [c for c in t if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) > 0.8 * len(letters)


def _tidy_title(t: str, text: str) -> str:
    t = re.sub(r"\s+", " ", t).strip().strip("*_").strip()
    return sentence_case(t, text.replace(t, " ")) if _is_caps(t) else t


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
        if _OPEN_TO.match(t):
            if _before_subtitle(t) == t:  # "Open letter to the Commission": the title when nothing else is
                open_to.append((i, t))
            elif not _is_prose(t):  # "Open Letter to the Commission: No Trade Preferences for the Junta"
                candidates.append((i, t))
            continue
        if not t or _GENERIC.match(t) or _TO_LINE.match(t) or _MAIL_HEADER.match(t) or _menu(t) or find_dates(t) or find_month(t) and \
                len(t) < 25 or _HONORIFIC.match(t) or _POSTAL.search(t) or len(t.split()) < 3 or t.endswith(",") or \
                _CC_LINE.match(t) or (i > 0 and _HONORIFIC.match(lines[i - 1])) or is_leftover(t) or _BYLINE.match(t) or \
                _is_prose(t):
            continue
        candidates.append((i, t))
    candidates = candidates or open_to[:1]
    if not candidates and subject[0]:
        return subject
    # an all-caps line above a mixed-case one is a label ("JOINT STATEMENT ON ..."); the mixed-case line is the title
    mixed = [c for c in candidates if not _is_caps(c[1])] or candidates
    if mixed:
        i, t = max(mixed, key=lambda c: (_title_evidence(lines, *c), -c[0]))
        return _joined_title(lines, i, t, body)
    return None, ()


_CONTINUES = re.compile(r"\b(?:of|on|the|and|to|for|in|against|with|a|an|by|de|du|des|la|le|et|pour|sur|del|y|en|"
                        r"para|por|contra)\s*$|[-–—:,]\s*$", re.I)


def _joined_title(lines: list[str], i: int, t: str, body: str) -> tuple[str, Lines]:
    """A title printed over two lines: the next line continues it when this one breaks off mid-phrase ("... of
    the") or the next starts in lower case, and the next is no date, byline, greeting or page leftover."""
    nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
    if nxt and len(t) < 120 and len(nxt) < 120 and (_CONTINUES.search(t) or nxt[:1].islower()) and \
            not (find_dates(nxt) or _BYLINE.match(nxt) or _SALUTATION.match(nxt) or is_leftover(nxt) or _is_prose(nxt)):
        return _tidy_title(f"{t} {nxt}", body), (i + 1, i + 2)
    return _tidy_title(t, body), (i + 1,)


def _menu(t: str) -> bool:
    """A site's menu or language bar: short items between bars ("RU | EN | UA", "News · Opinion · Video")."""
    items = [x.strip() for x in re.split(r"\s[|·•»›>]\s", t)]
    return len(items) >= 3 and all(len(x.split()) <= MENU_ITEM_WORDS for x in items)


# A menu item is a word or two ("About us"); a title's parts between bars are longer.
MENU_ITEM_WORDS = 3


def _is_prose(t: str) -> bool:
    """Sentences, not a heading: many words and a full stop (a heading may end with one, but is short)."""
    return len(t.split()) >= 14 and t.rstrip().endswith((".", "!", "?")) and t.count(". ") + 1 >= 1


def _title_evidence(lines: list[str], i: int, t: str) -> int:
    """How much a head line looks like the letter's title rather than a site name or a label: it names a letter
    ("Joint statement on ..."), and a date or a byline is printed right below it."""
    below = next((x.strip() for x in lines[i + 1:i + 3] if x.strip()), "")
    return names_a_letter(t) + (bool(find_dates(below)) or _BYLINE.match(below) is not None)


def _mirrored_header(lines: list[str], text: str) -> tuple[str | None, Lines]:
    """A page header printed upside down (its words occur nowhere else) and decodable from the letter's words."""
    vocab: Counter | None = None  # counted on the first mirrored-looking line: most letters have none
    for i, raw in enumerate(lines):
        t = raw.strip()
        if not is_mirrored(t):
            continue
        if vocab is None:
            vocab = Counter(re.findall(r"[^\W\d_]{2,}", text.lower()))
        words = re.findall(r"[^\W\d_]{3,}", t.lower())
        if sum(vocab[w] > 1 for w in words) >= 0.2 * max(1, len(words)):
            continue
        decoded, share = decode_mirrored(t, {w: c for w, c in vocab.items() if w not in words})
        if share >= 0.7 and len(decoded.split()) >= 4:
            return decoded, (i + 1,)
    return None, ()


def _descriptive_title(text: str, start_line: int) -> tuple[str | None, Lines]:
    """The first sentence, cut before an attribution ('..., 46 organizations said today')."""
    flat = re.sub(r"-\s*\n\s*(?=[a-z])", "", text)
    flat = re.sub(r"\s+", " ", flat).strip()
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


def _stamp(name: str) -> tuple[str, int]:
    """The file read_yaml(name) reads and its mtime: what read_yaml's own cache is keyed by (os.stat is quick)."""
    path = name if os.path.isabs(name) or os.path.exists(name) else _DATA.get(name) or _DATA.setdefault(
        name, str(curated_path(name)))
    try:
        return path, os.stat(path).st_mtime_ns
    except OSError:
        return path, 0


_DATA: dict[str, str] = {}


_ALIASES: list = []  # [(stamp, aliases)]: normalise_recipient runs for every recipient of every letter


def _recipient_aliases() -> tuple[dict[str, str], dict[str, str]]:
    """(aliases, abbreviations) from data/addressees.yaml, read again only when the file changes."""
    try:
        stamp = _stamp("addressees.yaml")
    except OSError:
        return _read_aliases()
    if not _ALIASES or _ALIASES[0][0] != stamp:
        _ALIASES[:] = [(stamp, _read_aliases())]
    return _ALIASES[0][1]


def _read_aliases() -> tuple[dict[str, str], dict[str, str]]:
    try:
        from .curated import expect, read_yaml
        data = read_yaml("addressees.yaml")
        return (dict(expect(data, "aliases", dict, "addressees.yaml", default={})),
                dict(expect(data, "abbreviations", dict, "addressees.yaml", default={})))
    except Exception:  # noqa: BLE001 - normalising recipients is a nicety; the letter still reads without it
        return {}, {}


def split_recipients(text: str) -> list[str]:
    """'Chief Executive John Lee and Members of the Council' -> two; 'Heads of State and Government' -> one.

    Split at ';' always; at a join that repeats the preposition (", y al", " and to") always; at a plain " and" /
    " y" / " et" only when the left side is a complete capitalised name (no 'of', 'the') and the right side starts
    one (after an article)."""
    out = []
    for part in (p.strip() for p in re.split(r"\s*;\s*", text) if p.strip()):
        out.extend(_split_join(part))
    return out


def _split_join(part: str) -> list[str]:
    person = re.search(r",\s+(?=\S)", part)
    while person:  # ", " before a person's title: "Frau Ministerin A, Herrn Minister B"
        if honorific().match(part[person.end():]):
            return [*_split_join(part[:person.start()]), *_split_join(part[person.end():])]
        person = re.compile(r",\s+(?=\S)").search(part, person.end())
    for join in recipient_joins():
        at = part.find(join + " ")
        if at <= 0:
            continue
        left, right = part[:at].strip(" ,"), part[at + len(join):].strip()
        right_name = re.sub(r"^(?:the|el|la|los|las|le|les|die|der)\s+", "", right, flags=re.I)
        lw = left.split()
        words = join.strip(" ,").split()
        if words[-1] in ("the", "el", "la", "le", "die"):  # "Council of Europe and the UN Human Rights Council"
            if not (left[:1].isupper() and right_name[:1].isupper()):
                continue
        elif len(words) == 1 or words[:3] == ["as", "well", "as"]:  # a plain "and": "Heads of State and Government"
            if not (all(w[:1].isupper() or w[:1].isdigit() for w in lw) and right_name[:1].isupper()):
                continue
        return [left, *_split_join(right_name)]
    return [part]


def normalise_recipient(r: str) -> str:
    r = re.sub(r"\s+", " ", r).strip(" ,.;:")
    r = re.sub(r"\s*\((?:[A-Z]{2,6})\)$", "", r)
    r = re.sub(r"^(?:to|the|all)\s+", "", r, flags=re.I)
    r = re.sub(r"^(?:right\s+)?honou?rable\s+", "", r, flags=re.I)
    m = re.match(r"^(?:h\.\s?e\.|his|her|mr\.?|mrs\.?|ms\.?|dr\.?)\s+[^,]+,\s*(.+)$", r, flags=re.I)
    if m:  # "H.E. Gustavo Petro, President of the Republic of Colombia" -> the office
        r = m.group(1)
    aliases, abbrev = _recipient_aliases()
    key = r.casefold().replace("’", "'")
    if key in aliases:
        return aliases[key]
    for long, short in abbrev.items():
        r = re.sub(re.escape(long) + r"(?=\s+[A-Z])", short, r)
    if r and r[0].islower():
        r = r[0].upper() + r[1:]
    return r


def _recipients(lines: list[str], head_end: int, title_lines: Lines) -> tuple[tuple[str, ...], Lines]:
    for i, raw in enumerate(lines[:head_end + 2]):
        who = address_line(raw)
        if who and (i + 1) not in title_lines:
            used, found = [i + 1], split_recipients(who)
            for j in range(i + 1, min(len(lines), i + 1 + MAX_ADDRESS_LINES)):
                if not (lines[j].strip() and honorific().match(lines[j])):
                    break  # further addressees below a To: line each start with a person's title
                used.append(j + 1)
                found += split_recipients(lines[j].strip())
            return tuple(normalise_recipient(p) for p in found), tuple(used)
    for rx in (_TO_LINE, _OPEN_TO):
        for i, raw in enumerate(lines[:head_end + 1]):
            m = rx.match(raw)
            if m and ((i + 1) not in title_lines or rx is _OPEN_TO):
                text = _before_subtitle(m.group(1).strip())
                if _is_caps(text):
                    text = sentence_case(text, "\n".join(lines[:i] + lines[i + 1:]))
                return tuple(normalise_recipient(p) for p in split_recipients(text)), (i + 1,)
    # an address block: lines of the head that are neither title, date, honorific nor postal address
    for i, raw in enumerate(lines[:head_end]):
        t = raw.strip()
        if not t or (i + 1) in title_lines or find_dates(t) or _HONORIFIC.match(t) or _POSTAL.search(t) or \
                _GENERIC.match(t) or _RE_LINE.match(t) or _MD_HEADING.match(t):
            continue
        if i > 0 and _HONORIFIC.match(lines[i - 1]) and len(t) < 90:
            return (normalise_recipient(t),), (i + 1,)
    return (), ()


# Addressees printed one per line under a To: line ("To: Mr. A, CEO, X" / "Ms. B, Chair, Y").
MAX_ADDRESS_LINES = 6
# The greeting and the first paragraphs say whom a letter addresses; further down, "urge" is about others.
ADDRESS_CHARS = 1500


def _addressees(lines: list[str], head_end: int, first_body: int, title: str | None) -> tuple[tuple[str, ...], Lines]:
    """From a greeting ("Dear Apple,"), else from the title or the first paragraphs' verbs ("We urge X to")."""
    who = greeting(lines[head_end:head_end + 1] or lines[:1])
    if who:
        return tuple(normalise_recipient(p) for p in split_recipients(who)), (head_end + 1,)
    named = addressed_all(title, first_only=True) if title else []
    used, size = [], 0
    for i in range(first_body, len(lines)):
        used.append(i)
        size += len(lines[i])
        if size > ADDRESS_CHARS:
            break
    # a headline's addressee ("Groups urge Bangladesh to ...") and whom the body writes to or calls on
    found = named + addressed_all(" ".join(lines[i].strip() for i in used))
    out: list[str] = []
    for p in (normalise_recipient(p) for who in found for p in split_recipients(who)):
        if p.casefold() not in {x.casefold() for x in out}:
            out.append(p)
    return tuple(out), ((first_body + 1,) if len(found) > len(named) else ())


def _body_recipients(lines: list[str], start: int) -> tuple[tuple[str, ...], Lines]:
    """'... call upon Her Majesty's Government to act' / 'The international community must ...' near the top."""
    para, used = [], []
    while start > 0 and lines[start - 1].strip():  # from the start of the paragraph
        start -= 1
    for i in range(start, min(len(lines), start + 12)):
        if not lines[i].strip():
            if para:
                break
            continue
        para.append(lines[i].strip())
        used.append(i + 1)
    text = re.sub(r"\s+", " ", " ".join(para))
    first = re.match(r".+?[.!?](?:\s|$)", text)
    first_s = first.group(0) if first else text
    m = _ADDRESSEE.search(first_s) or _ADDRESSEE.search(text)
    if m:
        return (normalise_recipient(m.group(1)),), tuple(used[:1])
    m = _SUBJECT_MUST.match(first_s)
    if m:
        return (normalise_recipient(m.group(1)),), tuple(used[:1])
    return (), ()


def _before_subtitle(text: str) -> str:
    """'European Commission: No Trade Preferences for the Junta' -> 'European Commission'."""
    return re.split(r"\s*(?::|\s[–—-])\s+", text, maxsplit=1)[0]


def choose_recipients(front: list | None, front_title: str | None, meta: Meta) -> tuple[str, ...]:
    """Front matter's recipients, else the text's, else whom a front-matter title of the kind "Open letter to
    the European Commission" names."""
    if front:
        return tuple(str(r) for r in front)
    if meta.recipients or not front_title:
        return meta.recipients
    m = _OPEN_TO.match(front_title)
    return tuple(normalise_recipient(p) for p in split_recipients(_before_subtitle(m.group(1)))) if m else ()


def choose_title(front: str | None, meta: Meta) -> str | None:
    """Front matter's title unless it only says what kind of letter it is and to whom ("Open Letter to the
    European Commission"): then the title the text prints."""
    if front and (_GENERIC.match(front) or _OPEN_TO.match(front)) and meta.title:
        return meta.title
    return front or meta.title


def extract_meta(text: str) -> Meta:
    """Title, date and recipients of one letter's text (front matter already removed)."""
    lines = text.split("\n")
    head_end = _head_end(lines)
    title, tlines = _title(lines, head_end, text)
    recipients, rlines = _recipients(lines, head_end, tlines)
    first_body = next((i for i in range(head_end, len(lines)) if lines[i].strip() and not _SALUTATION.match(lines[i])),
                      0)
    if not recipients:
        recipients, rlines = _body_recipients(lines, first_body)
    if not recipients:
        recipients, rlines = _addressees(lines, head_end, first_body, title)
    notes: list[str] = []
    if title is None:
        title, tlines = _mirrored_header(lines, text)
        if title:
            notes.append(f"title read from the upside-down header on line {tlines[0]}")
    if title is None:
        title, tlines = _descriptive_title("\n".join(lines[first_body:first_body + 8]), first_body + 1)
        if title:
            notes.append("no title printed: descriptive title from the first sentence")
    date, dlines, note = letter_date(lines, head_end, text)
    return Meta(title=title, date=date, recipients=recipients, title_lines=tlines, date_lines=dlines,
                recipient_lines=rlines, date_note=note, notes=tuple(notes))
