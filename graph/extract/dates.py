"""Dates printed in letters, and dates inferred from how a letter speaks of time.

>>> find_dates("1 February 2024")[0][0], find_dates("March 12, 2024")[0][0], find_dates("12th Sept. 2022")[0][0]
('2024-02-01', '2024-03-12', '2022-09-12')
>>> find_dates("the 26th of January 2009")[0][0], find_day_month("Tegucigalpa (lunes 11 de septiembre).-")
('2009-01-26', (9, 11))
>>> find_dates("5/2/2021"), find_dates("25/2/2021")[0][0], find_dates("05.03.2021")[0][0]
([], '2021-02-25', '2021-03-05')
>>> infer_date("46 organizations said today ahead of the four-year anniversary of the 1 February 2021 military coup.")
('2025-01', 'ahead of the 4-year anniversary of 2021-02-01')
>>> infer_date("In just eight months since the coup, forces have killed", [("coup", "2021-02-01")])
('2021', '8 months since coup (2021-02-01)')
>>> infer_date("The alarming events of the past 48 hours after this coup", [("coup", "2021-02-01")])
('2021-02', 'the past 48 hours after coup (2021-02-01)')
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from graph.extract.signatories.lines import number_value

def _month_names() -> dict[str, int]:
    """English month names and abbreviations, and other languages' from data/date_words.yaml."""
    names = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
    names.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
    names["sept"] = 9
    from graph.curated import expect, read_yaml

    for number, words in expect(read_yaml("date_words.yaml"), "months", dict, "date_words.yaml").items():
        for w in words:
            names.setdefault(str(w).lower(), int(number))
    return names


_MONTHS = _month_names()
MONTHS = _MONTHS  # name (lower case) -> month number
MONTH = "(" + "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True)) + ")"
# "1 February 2024", "12th Sept. 2022", "1er février 2023", "11 de septiembre de 2017", "7. Februar 2024"
_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th|er|º|°|\.)?\s+(?:de\s+|of\s+|ng\s+)?" + MONTH +
                  r"\.?,?\s+(?:de\s+|del\s+)?(\d{4})(?!\d)", re.I)
# "2025년 3월 10일", "2025年3月10日" (Korean, Japanese, Chinese); "ngày 10 tháng 3 năm 2025" (Vietnamese)
_CJK = re.compile(r"(\d{4})\s*[년年]\s*(\d{1,2})\s*[월月]\s*(\d{1,2})\s*[일日]")
_VI = re.compile(r"\b(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm|,)\s+(\d{4})\b", re.I)
_MDY = re.compile(r"\b" + MONTH + r"\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.I)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_NUMERIC = re.compile(r"(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?![\d/.])")
_MY = re.compile(r"\b" + MONTH + r"\.?,?(?:\s+(?:de|del))?\s+(\d{4})\b", re.I)  # "noviembre de 2022"
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "twentieth": 20, "thirtieth": 30, "fiftieth": 50}
_ANNIV = re.compile(r"\b(ahead of|before|on the eve of|in the run-up to|in advance of|on|marking|to mark|mark|at)?\s*"
                    r"the\s+(\w+)[- ](?:year[- ])?anniversary\s+of\s+(.{0,120})", re.I)
_SINCE = re.compile(r"\b(\w+(?:-\w+)?)\s+(months?|years?|weeks?)\s+(?:since|after)\s+(?:the\s+)?(.{0,80})", re.I)
_PAST = re.compile(r"\b(?:the\s+)?(?:past|last)\s+(\w+)\s+(hours|days)\b", re.I)


def _mk(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


_YEAR_DIGITS = re.compile(r"\d{4}")


def find_dates(text: str) -> list[tuple[str, int]]:
    """(ISO date, offset) for every full date printed in `text`, in order. d/m/y only when unambiguous."""
    out: list[tuple[str, int]] = []
    if not _YEAR_DIGITS.search(text):
        return out  # every full date prints a four-digit year; most lines print none (and the month names are many)
    for rx, order in ((_DMY, "dmy"), (_MDY, "mdy"), (_ISO, "ymd"), (_CJK, "ymd"), (_VI, "dmy-numeric")):
        for m in rx.finditer(text):
            if order == "dmy":
                d, mo, y = int(m.group(1)), _MONTHS[m.group(2).lower()], int(m.group(3))
            elif order == "dmy-numeric":
                d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
            elif order == "mdy":
                mo, d, y = _MONTHS[m.group(1).lower()], int(m.group(2)), int(m.group(3))
            else:
                y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
            dt = _mk(y, mo, d)
            if dt:
                out.append((dt.isoformat(), m.start()))
    for m in _NUMERIC.finditer(text):
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if "." in m.group(0):  # 05.03.2021: dotted dates are day first (European usage)
            dt = _mk(y, b, a)
        elif a > 12 >= b:
            dt = _mk(y, b, a)
        elif b > 12 >= a:
            dt = _mk(y, a, b)
        else:
            dt = None  # 5/2/2021: 5 February or May 2? Not knowable.
        if dt:
            out.append((dt.isoformat(), m.start()))
    out.sort(key=lambda x: x[1])
    return out


# A day and a month with no year after them: "lunes 11 de septiembre", "11th September", "September 11".
_DM = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th|er|º|°|\.)?\s+(?:de\s+|of\s+)?" + MONTH + r"\b(?![.,]?\s*(?:de\s+)?\d)|"
                 r"\b" + MONTH.replace("(", "(?P<m2>", 1) + r"\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*\d)", re.I)


def find_day_month(text: str) -> tuple[int, int] | None:
    """(month, day) of the first day and month printed without a year."""
    for m in _DM.finditer(text):
        month = _MONTHS[(m.group(2) or m.group("m2")).lower()]
        day = int(m.group(1) or m.group("d2"))
        if _mk(2000, month, day):  # a leap year: 29 February is a day
            return month, day
    return None


def find_month(text: str) -> str | None:
    """'February 2021' -> '2021-02'.

    >>> find_month("Quito, noviembre de 2022"), find_month("São Paulo, março de 2021")
    ('2022-11', '2021-03')
    """
    m = _MY.search(text)
    return f"{int(m.group(2)):04d}-{_MONTHS[m.group(1).lower()]:02d}" if m else None


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    return date(d.year + y, m + 1, min(d.day, calendar.monthrange(d.year + y, m + 1)[1]))


def _window(lo: date, hi: date) -> str:
    """The most precise label true for the whole window: month if it stays in one month, else year."""
    if (lo.year, lo.month) == (hi.year, hi.month):
        return f"{lo.year:04d}-{lo.month:02d}"
    return f"{lo.year:04d}" if lo.year == hi.year else ""


def _count(word: str) -> int | None:
    w = word.lower()
    if w in _ORD:
        return _ORD[w]
    m = re.match(r"(\d+)(?:st|nd|rd|th)?$", w)
    return int(m.group(1)) if m else number_value(w)


def _event_date(phrase: str, text: str, events: list[tuple[str, str]]) -> tuple[str, str] | None:
    """(label, ISO date) of the event a phrase names: a date printed in the phrase, else a known event."""
    ds = find_dates(phrase)
    if ds:
        return phrase.split(",")[0].strip()[:60], ds[0][0]
    low = phrase.lower()
    for word, iso in events:
        if word.lower() in low:
            # the letter may print the event's date elsewhere ("the coup ... on 1 February 2021")
            for m in re.finditer(re.escape(word), text, re.I):
                near = find_dates(text[m.start():m.start() + 80])
                if near:
                    return word, near[0][0]
            return word, iso
    return None


def infer_date(text: str, events: list[tuple[str, str]] = ()) -> tuple[str, str] | None:
    """(date label, why) for an undated letter, from general patterns. `events`: (word, ISO date) known events."""
    flat = re.sub(r"-[ \t]*\n\s*(?=[a-z])", "", text)
    flat = re.sub(r"\s+", " ", flat)
    m = _ANNIV.search(flat)
    if m:
        n = _count(m.group(2))
        ev = _event_date(m.group(3), flat, list(events))
        if n and ev:
            anniv = date.fromisoformat(ev[1]).replace(year=date.fromisoformat(ev[1]).year + n)
            how = (m.group(1) or "").lower()
            if how in ("ahead of", "before", "on the eve of", "in the run-up to", "in advance of"):
                label = _window(anniv - timedelta(days=14), anniv - timedelta(days=1))
            else:
                label = f"{anniv.year:04d}-{anniv.month:02d}"
            if label:
                return label, f"{how or 'on'} the {n}-year anniversary of {ev[1]}"
    for m in _SINCE.finditer(flat):
        n = _count(m.group(1))
        ev = _event_date(m.group(3), flat, list(events))
        if n and ev:
            d0 = date.fromisoformat(ev[1])
            unit = m.group(2).lower()
            if unit.startswith("month"):
                mid = _add_months(d0, n)
                label = _window(mid - timedelta(days=10), mid + timedelta(days=10))
            elif unit.startswith("year"):
                mid = d0.replace(year=d0.year + n)
                label = _window(mid - timedelta(days=90), mid + timedelta(days=90))
            else:
                mid = d0 + timedelta(weeks=n)
                label = _window(mid - timedelta(days=3), mid + timedelta(days=3))
            if label:
                return label, f"{n} {unit} since {ev[0]} ({ev[1]})"
    m = _PAST.search(flat)
    if m:
        n = _count(m.group(1))
        found = [_event_date(word, flat, list(events)) for word, _ in events if re.search(
            r"\b" + re.escape(word) + r"\b", flat, re.I)]
        found = [f for f in found if f]
        if n and found:
            word, iso = max(found, key=lambda f: f[1])
            days = n / 24 if m.group(2).lower() == "hours" else n
            d = date.fromisoformat(iso) + timedelta(days=round(days))
            return f"{d.year:04d}-{d.month:02d}", f"the past {n} {m.group(2).lower()} after {word} ({iso})"
    return None
