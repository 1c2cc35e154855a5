"""A letter's own date: printed in its head, after a cue word or in a byline, else inferred from how it speaks of
time (graph.extract.dates); and how a front-matter date and a printed one are weighed.

>>> letter_date(["Joint statement", "", "By Alpha Union and Beta Network  •  August 29, 2012", "", "Text."], 1, "")[0]
'2012-08-29'
>>> choose_date("2021-03-18", None, "**March 17, 2021**\\nSolidarity statement"), choose_date("2021-03-18", None, "No date")
('2021-03-17', '2021-03-18')
"""
from __future__ import annotations

import re
from datetime import date as _date_cls
from functools import lru_cache

from graph.extract.address_block import is_mail_header
from graph.extract.dates import MONTH, MONTHS, find_dates, find_day_month, find_month, infer_date
from graph.records import Lines

BYLINE = re.compile(r"^\s*(?:by|par|por|von|di)\s+\S", re.I)


def load_events() -> list[tuple[str, str, tuple[str, ...]]]:
    """(word, date, context words) of data/events.yaml: events letters name without printing their date."""
    from graph.curated import expect, read_yaml

    f = "events.yaml"
    out = []
    for i, e in enumerate(expect(read_yaml(f), "events", list, f)):
        at = f"events[{i}]"
        word, date = expect(e, "word", str, f, at=at), expect(e, "date", (str, _date_cls), f, at=at)
        context = expect(e, "context", list, f, default=[], at=at)
        out.append((word, str(date), tuple(str(c).lower() for c in context)))
    return out


def _known_events(text: str) -> list[tuple[str, str]]:
    low = text.lower()
    out = []
    for word, date, context in load_events():
        if context and not any(re.search(r"\b" + re.escape(c) + r"\b", low) for c in context):
            continue
        out.append((word, date))
    return out


# The letter's date is looked for in its head, and in at least this many first lines (a head that ends early).
DATE_HEAD_LINES = 12
# A longer line is prose that mentions a date, not a date line; below the head only a short line is one.
MAX_HEAD_DATE_LINE, MAX_BODY_DATE_LINE = 100, 40
# A line naming a month and no day ("March 2021") is the letter's date when it is this short: no sentence.
MAX_MONTH_LINE = 30


def letter_date(lines: list[str], head_end: int, text: str) -> tuple[str | None, Lines, str]:
    page_date = None  # a date the page says it published the letter on: used when the letter prints none
    for i, raw in enumerate(lines[:max(head_end, DATE_HEAD_LINES) + 1]):
        t = raw.strip()
        if len(t) > MAX_HEAD_DATE_LINE or (i >= head_end and len(t) > MAX_BODY_DATE_LINE):
            continue
        ds = find_dates(t)
        if ds and (_cue("page_date_cues").search(t[max(0, ds[0][1] - 40):ds[0][1]]) or
                   _MAIL_DATE.match(t) and is_mail_header(lines, i)):
            # the day a page put the letter online, or an e-mail's sent date: the letter's own date if it prints none
            page_date = page_date or (ds[0][0], (i + 1,), "printed (the page's date)")
            continue
        if ds and page_date and ds[0][0] > page_date[0]:
            continue  # a date after the day the page published the letter is another event's
        if ds:
            sent = _sent_date(lines, ds[0][0])
            if sent:
                return sent
            # a bare date at the top may be the page's ("March 14, 2025 | Statements"): a dateline a few days
            # before it ("Geneva, 10 March 2025") is the letter's own
            own = None if _dateline(t) else _own_date(lines, ds[0][0], datelines_only=True)
            return own or (ds[0][0], (i + 1,), "printed")
        mo = find_month(t)
        if mo and len(t) < MAX_MONTH_LINE:
            return mo, (i + 1,), "printed (month)"
    if page_date:
        return _own_date(lines, page_date[0]) or _sent_date(lines, page_date[0]) or page_date
    cued = _cued_date(lines)
    if cued:
        return cued[0], (cued[1],), "printed (after a date cue or in a byline)"
    for i, raw in enumerate(lines):
        dated = _dateline(raw.strip())
        if dated:
            return dated, (i + 1,), "printed (a dateline: place, date)"
    dated = _day_month_date(lines, head_end, text)
    if dated:
        return dated
    inferred = infer_date(text, _known_events(text))
    if inferred:
        return inferred[0], (), "inferred: " + inferred[1]
    return None, (), ""


# An e-mail header's date line ("Sent: Tuesday, 4 March 2025 10:12", "Date: Tue, 4 Mar 2025 09:12:44 +0100").
_MAIL_DATE = re.compile(r"^\s*[*_]*(?:date|sent|envoyé|enviado|gesendet|datum|fecha|tanggal|dikirim|data|"
                        r"verzonden|inviato|petsa)[*_]*\s*:", re.I)


def _own_date(lines: list[str], page: str, datelines_only: bool = False) -> tuple[str, Lines, str] | None:
    """The letter's own date under a page's or an e-mail's: a dateline ("Paris, le 21 mars 2025"), a date alone on
    its line or a date after a cue, anywhere, within PUBLISHED_WITHIN_DAYS before the page's date (a later date is
    another event's). `datelines_only`: a dateline, nothing else (under a date printed without a cue)."""
    try:
        published = _date_cls.fromisoformat(page)
    except ValueError:
        return None
    for i, raw in enumerate(lines):
        t = raw.strip()
        dated = _dateline(t)
        if not dated and not datelines_only and len(t) <= MAX_DATE_CHARS and _YEAR.search(t):
            dated = next((iso for iso, at in find_dates(t) if at == 0), None)  # a date alone on its line
        if not dated and not datelines_only and i < CUED_DATE_LINES and len(t) <= MAX_DATELINE_CHARS:
            dated = next((iso for iso, at in find_dates(t) if _cue().search(t[max(0, at - 40):at]) and not
                          _cue("page_date_cues").search(t[max(0, at - 40):at]) and not _MAIL_DATE.match(t)), None)
        if dated and 0 <= (published - _date_cls.fromisoformat(dated)).days <= PUBLISHED_WITHIN_DAYS and \
                dated != page:
            return dated, (i + 1,), "printed (the letter's own date, under the page's)"
    return None


# How far down a letter its own date may be printed after a cue ("Paris, le 12 décembre 2023" under the body).
CUED_DATE_LINES = 60


@lru_cache(maxsize=None)
def _cue(key: str = "cues") -> re.Pattern:
    """Cue words of data/date_words.yaml `key`, as the end of the text before a date."""
    from graph.curated import expect, read_yaml

    cues = sorted((str(c) for c in expect(read_yaml("date_words.yaml"), key, list, "date_words.yaml")), key=len,
                  reverse=True)
    return re.compile(r"(?:^|\b)(?:" + "|".join(re.escape(c) for c in cues) + r")\s*:?\s*$", re.I)


@lru_cache(maxsize=1)
def _sent_day() -> re.Pattern:
    """A sent cue, then a day and month without a year: "sent on 1 December", "dated March 3"."""
    from graph.curated import expect, read_yaml

    cues = sorted((str(c) for c in expect(read_yaml("date_words.yaml"), "sent_cues", list, "date_words.yaml")),
                  key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")\s+(?:(\d{1,2})(?:st|nd|rd|th|er)?\s+"
                      r"(?:de\s+)?" + MONTH + r"|" + MONTH.replace("(", "(?P<m2>", 1) + r"\s+(\d{1,2})(?:st|nd|rd|th)?)"
                      r"(?![\w]|,?\s+\d{4})", re.I)


def _sent_date(lines: list[str], head: str) -> tuple[str, Lines, str] | None:
    """The day an article says the letter was sent, when that is within PUBLISHED_WITHIN_DAYS before the article's
    (head) date, whose year it takes."""
    try:
        published = _date_cls.fromisoformat(head)
    except ValueError:
        return None
    top = "\n".join(lines[:CUED_DATE_LINES])  # one search over the top, not one a line: most letters have no cue
    for m in _sent_day().finditer(top):
        i = top.count("\n", 0, m.start())
        day = int(m.group(1) or m.group(4))
        month = MONTHS.get((m.group(2) or m.group("m2")).lower().rstrip("."))
        for year in (published.year, published.year - 1):  # a letter of 30 December in a January article
            try:
                sent = _date_cls(year, month or 0, day)
            except ValueError:
                continue
            if 0 < (published - sent).days <= PUBLISHED_WITHIN_DAYS:
                return sent.isoformat(), (i + 1,), "printed (the day the article says the letter was sent)"
    return None


def _cued_date(lines: list[str]) -> tuple[str, int] | None:
    """(date, line) printed after a cue word ("Date:", "released on", "Paris, le") or in a byline ("By A, B  •
    August 29, 2012"), in the first lines."""
    for i, raw in enumerate(lines[:CUED_DATE_LINES]):
        for iso, at in find_dates(raw):
            before = raw[max(0, at - 40):at]
            if _cue("since_words").search(before):
                continue  # "Depuis le 1er février 2021, ...": the day a state of things began, not the letter's
            if _cue().search(before) or BYLINE.match(raw) or re.search(r"[•|·]\s*$", before):
                return iso, i + 1
    return None


# "Berlin, 7. Februar 2024" / "Paris, le 12 janvier 2023" / "Ciudad de Guatemala, 3 de mayo de 2021": a line
# that is only a place and a date dates the letter wherever it is printed (often under the signatures).
_PLACE = re.compile(r"[A-ZÀ-Ý][^\W\d_]*(?:[ '-](?:de|del|la|am|an|der|sur)?[ ]?[A-ZÀ-Ý][^\W\d_]*){0,3}\s*,"
                    r"(?:\s*(?:le|den|el|il|am|the))?\s*")


def _dateline(line: str) -> str | None:
    if len(line) > MAX_DATELINE_CHARS or "," not in line or not _YEAR.search(line):
        return None  # most lines: no dateline, and find_dates is the costly part of reading a date
    for iso, at in find_dates(line):
        if _PLACE.fullmatch(line[:at]) and len(line[at:]) <= MAX_DATE_CHARS:  # the date ends the line
            return iso
    return None


MAX_DATELINE_CHARS = 60
_YEAR = re.compile(r"\d{4}")
MAX_DATE_CHARS = 28  # "15 de septiembre de 2021." and no more


# A year as letters print one (not a phone number's or an address's digits, nor a URL's path).
_A_YEAR = re.compile(r"(?<![\w/.-])(?:19[5-9]\d|20\d\d)(?![\w/-])")
# A dateline with no year: a place, then a comma or a parenthesis, or a weekday, or the day itself first
# ("Tegucigalpa (lunes 11 de septiembre)", "Monday, 11 September", "11 September"); not a title that names a day.
_DAY_MONTH_LINE = re.compile(r"^(?:[^\W\d_][^\d,()]{0,40}[,(]\s*)?(?:[^\W\d_]+,?\s+)?(?:\d{1,2}|" + MONTH + r")\b", re.I)
# A head line that is only a year, after a place or not: "2019", "Geneva, 2019".
_YEAR_LINE = re.compile(r"^(?:[^\W\d_][^\d,]{0,40},\s*)?((?:19|20)\d\d)\.?$")


def _day_month_date(lines: list[str], head_end: int, text: str) -> tuple[str, Lines, str] | None:
    """A head line or a dateline that prints a day and month without the year ("Tegucigalpa (lunes 11 de
    septiembre)"), dated in the one year the letter prints (two years: no knowing which); else a head line that
    is only a year."""
    years = sorted(set(_A_YEAR.findall(text)))
    for i, raw in enumerate(lines[:max(head_end, 12) + 1]):
        t = raw.strip()
        if not t or len(t) > MAX_DATELINE_CHARS:
            continue
        dm = find_day_month(t) if _DAY_MONTH_LINE.match(t) else None
        if dm and len(years) == 1:
            try:
                return _date_cls(int(years[0]), *dm).isoformat(), (i + 1,), "printed (day and month; the year " \
                    "printed elsewhere in the letter)"
            except ValueError:
                continue
        y = _YEAR_LINE.match(t)
        if y:
            return y.group(1), (i + 1,), "printed (a year)"
    return None


def is_dateline(line: str) -> bool:
    """A line that dates the letter by day and month ("Tegucigalpa (lunes 11 de septiembre).-"): no title."""
    t = line.strip()
    return len(t) <= MAX_DATELINE_CHARS + 40 and bool(_DAY_MONTH_LINE.match(t)) and find_day_month(t) is not None


def printed_dates(text: str) -> list[str]:
    """Every full date printed in a letter's first lines, prose included."""
    return [iso for line in text.split("\n")[:CUED_DATE_LINES] for iso, _ in find_dates(line)]


# A page publishes a letter on the day it is dated or within this many days after.
PUBLISHED_WITHIN_DAYS = 31


def choose_date(front: str | None, found: str | None, text: str) -> str | None:
    """The letter's date: front matter's, unless the text prints the letter's own date shortly before it (the
    front matter of a saved blog post dates the post, and the post prints the letter's date); else `found`, the
    date read from the text."""
    if not front:
        return found
    try:
        published = _date_cls.fromisoformat(front) if len(front) == 10 else None
    except ValueError:
        published = None
    if published is None:
        return front
    for iso in printed_dates(text):
        d = _date_cls.fromisoformat(iso)
        if 0 < (published - d).days <= PUBLISHED_WITHIN_DAYS:
            return iso
    return front
