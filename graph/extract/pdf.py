"""PDF to the reader's plain lines: text layers read column by column; image-only pages read by OCR.

Why not pypdf's or pdfplumber's own text: both print a two-column page row by row ("Left line 1 Right line 1"),
which interleaves two lists of names (measured on two-column pages the tests make: 0 of 30 lines in order, for
pypdf plain and layout modes and for pdfplumber). Here the words' boxes (pdfplumber) show the gutter: an empty
vertical band in the middle of the page that most rows leave empty, with rows on each side of it (the two
columns' lines need not be level). Rows that cross it (a title over both columns) are read where they are, and
the rows between them column by column; an empty band across both columns ends a block (a letter's prose in two
columns, then its signatories in two columns) and the next block is read column by column on its own.

Scanned pages have no text layer: graph.extract.ocr reads them (poppler's pdftoppm and tesseract), and its word
boxes are put into lines here as a text layer's are.
"""
from __future__ import annotations

import io
import time

from .errors import LoadError
from .ocr import ocr
from .reflow import column_edge, unwrap

# Reading a letter's text layer takes well under a second a page; a file still being read after this is hostile.
READ_SECONDS = 60
MAX_PAGES = 500
# Rows between two full-width rows are read as two columns when at least this share of them has text on each
# side of the gutter (else the gap is just short lines' ends).
GUTTER_SIDE_SHARE = 0.3
# Two text columns are about as wide as each other; a table's short column ("Kenya") is far narrower.
COLUMN_WIDTH_RATIO = 0.5
MIN_GUTTER_PT = 8  # narrower than this is a word space, not a gutter
# Two columns hold at least this many rows with text on both sides of the gutter (fewer is chance: ragged lines).
MIN_COLUMN_ROWS = 3
# In a column, a gap between rows this much over the smallest one (the line pitch) starts a new item: list
# items are spaced about a fifth of a line apart (measured: 12.8 pt within a wrapped name, 15.7 pt between names).
ITEM_SPACING = 0.1
# Joining needs at least this many item gaps in a run (one wider gap is a group's break, not list spacing).
MIN_WIDE_GAPS = 2
# A name in a column wraps over this many lines at most: more rows a line's pitch apart in a row are items of a
# list one a line (the wider gaps are then its group headings), not one wrapped name.
MAX_ITEM_LINES = 3
# A gap over this many line pitches is a paragraph break or a heading, not list spacing: the runs of rows
# between such gaps are weighed apart.
MAX_ITEM_SPACING = 1.6
ROW_TOLERANCE_PT = 3
# An empty band across both columns this many line heights high separates two blocks of a page (paragraphs are a
# line apart, a heading's space about two): each block is read column by column on its own.
BLOCK_GAP = 3.0
# Lines of a paragraph are a fraction of a line's height apart; a gap of about a line's height starts a new one.
PARAGRAPH_GAP = 0.9  # words whose tops differ by less are on one printed line


def to_lines(data: bytes, name: str) -> list[str]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as e:  # noqa: BLE001 - pdfminer raises many types on damaged files (PSSyntaxError, TypeError...)
        if any(isinstance(x, PDFPasswordIncorrect) for x in (e, *e.args)):  # pdfplumber wraps pdfminer's errors
            raise LoadError(name, "PDF is encrypted (password protected); save an unencrypted copy") from None
        raise LoadError(name, f"not a readable PDF ({_reason(e)})") from None
    with pdf:
        if len(pdf.pages) > MAX_PAGES:
            raise LoadError(name, f"PDF has {len(pdf.pages)} pages, over the {MAX_PAGES}-page limit for a letter")
        pages: list[list[str] | None] = []
        started = time.monotonic()
        for page in pdf.pages:
            if time.monotonic() - started > READ_SECONDS:
                raise LoadError(name, f"PDF took over {READ_SECONDS} s to read (page {page.page_number} of "
                                      f"{len(pdf.pages)}): too large or malformed for a letter")
            try:
                words = page.extract_words(use_text_flow=False, keep_blank_chars=False)
            except Exception as e:  # noqa: BLE001 - one damaged page stream: as damaged as the whole file
                raise LoadError(name, f"not a readable PDF ({_reason(e)} on page {page.page_number})") from None
            pages.append(page_lines(words, float(page.width)) if words else None)
    if any(pages):
        return [ln for p in pages for ln in [*(p or []), ""]]
    return ocr(data, name, len(pages))


def _reason(e: Exception) -> str:
    inner = next((x for x in e.args if isinstance(x, Exception)), e)
    return type(inner).__name__


def page_lines(words: list[dict], width: float) -> list[str]:
    rows = _rows(words)
    return _read(rows, 0.0, width)


def _rows(words: list[dict]) -> list[list[dict]]:
    rows: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(rows[-1][0]["top"] - w["top"]) <= ROW_TOLERANCE_PT:
            rows[-1].append(w)
        else:
            rows.append([w])
    return [sorted(r, key=lambda w: w["x0"]) for r in rows]


def _crosses(row: list[dict], x: float) -> bool:
    """A word of the row runs across x, or comes closer to it than half a gutter."""
    return any(w["x0"] - MIN_GUTTER_PT / 2 < x < w["x1"] + MIN_GUTTER_PT / 2 for w in row)


def _sides(rows: list[list[dict]], x: float) -> tuple[int, int]:
    """How many rows have words left of x, and how many right of it, among the rows with none across x. Two
    columns' lines need not be level with each other (a heading in one column shifts the rest of it by a few
    points): each row is then one-sided, left or right, but both sides are full."""
    level = [r for r in rows if not _crosses(r, x)]
    return (sum(any(w["x1"] <= x for w in r) for r in level),
            sum(any(w["x0"] >= x for w in r) for r in level))


def _gutter(rows: list[list[dict]], lo: float, hi: float) -> float | None:
    """x of a column gutter between lo and hi, or None: the x in the middle half of the page that most rows
    leave empty with text on both sides of it. Only part of a page may be in two columns (a letter's prose, then its
    signatories side by side): the rows that cross the gutter are read where they are (see _read)."""
    width = hi - lo
    if width <= 0 or len(rows) < MIN_COLUMN_ROWS:
        return None
    step = 2.0
    xs = [lo + width * 0.25 + k * step for k in range(int(width * 0.5 / step))]
    # the rows clear of x on each side, counted only where both sides hold a column's worth of rows: the widest
    # band clear of the most rows is the gutter (a heading a little wider than its column narrows it)
    counts = [sum(sides) if min(sides) >= MIN_COLUMN_ROWS else 0 for sides in (_sides(rows, x) for x in xs)]
    best = max(counts, default=0)
    if best < MIN_COLUMN_ROWS:
        return None
    first = counts.index(best)
    last = first
    while last + 1 < len(counts) and counts[last + 1] == best:
        last += 1
    return xs[(first + last) // 2]  # the middle of the empty band: a title a little wider than its column is no row across


def _in_columns(rows: list[list[dict]], x: float) -> bool:
    """Rows between two full-width rows are two columns when enough of them have text on each side of the
    gutter and the two sides are about as wide as each other."""
    if min(_sides(rows, x)) < max(MIN_COLUMN_ROWS, GUTTER_SIDE_SHARE * len(rows)):
        return False
    left = [[w for w in r if w["x1"] <= x] for r in rows]
    right = [[w for w in r if w["x0"] >= x] for r in rows]
    a, b = _extent(left), _extent(right)
    return min(a, b) >= COLUMN_WIDTH_RATIO * max(a, b)  # else a table (a name, then a short country cell)


def _extent(rows: list[list[dict]]) -> float:
    words = [w for r in rows for w in r]
    return max(w["x1"] for w in words) - min(w["x0"] for w in words) if words else 0.0


def _read(rows: list[list[dict]], lo: float, hi: float) -> list[str]:
    x = _gutter(rows, lo, hi)
    if x is None:
        return _text(rows)
    out: list[str] = []
    section: list[list[dict]] = []
    for r in rows:
        if _crosses(r, x):  # a row across the gutter: a title or a full-width paragraph
            out.extend(_section(section, x))
            out.extend(_text([r]))
            section = []
            continue
        if section and _band_between(section, r) and min(_sides(section, x)) >= MIN_COLUMN_ROWS:
            # a block in two columns ends here, both its columns: the next block starts again at the left
            out.extend(_section(section, x))
            section = []
        section.append(r)
    out.extend(_section(section, x))
    return out


def _band_between(section: list[list[dict]], row: list[dict]) -> bool:
    """An empty band across the page, several lines high, lies between the section's rows and this row: the page
    is cut in two blocks there (a letter's prose in two columns, then its list of signatories in two columns:
    the first block's right column is read before the list, not after its left half)."""
    bottom = max(w["bottom"] for r in section for w in r)
    height = max(w["bottom"] - w["top"] for w in row)
    return min(w["top"] for w in row) - bottom > BLOCK_GAP * max(height, 1)


def _section(rows: list[list[dict]], x: float) -> list[str]:
    """Rows between full-width ones: column by column where they are two columns, else as they are."""
    if not rows:
        return []
    if not _in_columns(rows, x):
        return _text(rows)
    # each column's rows found again from its own words: the columns' lines need not be level with each other
    left = _rows([w for r in rows for w in r if w["x1"] <= x])
    right = _rows([w for r in rows for w in r if w["x0"] >= x])
    out = _text(_items(left))
    if out and right:
        out.append("")
    return out + _text(_items(right))


def _items(rows: list[list[dict]]) -> list[list[dict]]:
    """A column's rows with each item's wrapped lines put back on one row. In a narrow column a name wraps, and
    the only sign of it is the spacing: lines of one item are a line's pitch apart, items a little more (the
    space a list puts between its items). In a run of rows (between paragraph breaks) that shows both pitches,
    rows nearer than the item pitch are one item; where every gap is alike, nothing is joined."""
    tops = [min(w["top"] for w in r) for r in rows]
    gaps = [b - a for a, b in zip(tops, tops[1:])]
    if len(gaps) < 2:
        return rows
    pitch = min(gaps)
    out = [list(rows[0])]
    runs: list[list[tuple[int, float]]] = [[]]
    for k, g in enumerate(gaps, 1):
        if g > pitch * MAX_ITEM_SPACING:
            runs.append([])
        else:
            runs[-1].append((k, g))
    join: set[int] = set()
    for run in runs:
        small = [k for k, g in run if g <= pitch * (1 + ITEM_SPACING)]
        # gaps between items at least half as many as gaps inside one (a name wraps over three lines at most):
        # a few wider gaps among even lines are the breaks between a list's groups, not spacing between items
        if (small and len(run) - len(small) >= max(MIN_WIDE_GAPS, len(small) / 2)
                and _longest_streak(small) < MAX_ITEM_LINES):
            join.update(small)
    for k in range(1, len(rows)):
        if k in join:
            out[-1] = out[-1] + [dict(w, top=out[-1][0]["top"]) for w in rows[k]]
        else:
            out.append(list(rows[k]))
    return out


def _longest_streak(ks: list[int]) -> int:
    """The most consecutive numbers in ks (sorted): the most line gaps in a row inside one item if joined."""
    longest = streak = 0
    for k, prev in zip(ks, [None, *ks]):
        streak = streak + 1 if prev is not None and k == prev + 1 else 1
        longest = max(longest, streak)
    return longest


def _text(rows: list[list[dict]]) -> list[str]:
    """Rows as lines; a vertical gap well over the line height becomes a blank line (a paragraph break), and
    lines the page wrapped are joined again (graph.extract.reflow)."""
    paragraphs: list[list[list[dict]]] = []
    prev = None
    for r in rows:
        top = min(w["top"] for w in r)
        height = max(w["bottom"] - w["top"] for w in r)
        if prev is None or top - prev > PARAGRAPH_GAP * max(height, 1):
            paragraphs.append([])
        paragraphs[-1].append(r)
        prev = max(w["bottom"] for w in r)
    edge = column_edge(rows)
    out: list[str] = []
    for k, para in enumerate(paragraphs):
        if k:
            out.append("")
        out.extend(" ".join(w["text"] for w in r) for r in unwrap(para, *edge))
    return out
