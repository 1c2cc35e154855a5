"""PDF to the reader's plain lines: text layers read column by column; image-only pages read by OCR.

Why not pypdf's or pdfplumber's own text: both print a two-column page row by row ("Left line 1 Right line 1"),
which interleaves two lists of names (measured on two-column pages the tests make: 0 of 30 lines in order, for
pypdf plain and layout modes and for pdfplumber). Here the words' boxes (pdfplumber) show the gutter: an empty
vertical band in the middle of the page that most rows leave empty. Rows that cross it (a title over both
columns) are read where they are, and the rows between them column by column.

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
# A gutter is an x band, in the middle part of the page, that at most this share of rows cross...
GUTTER_CROSSING_SHARE = 0.15
# ...with text on both sides in at least this share of rows (else it is just a short line's end).
GUTTER_SIDE_SHARE = 0.3
# Two text columns are about as wide as each other; a table's short column ("Kenya") is far narrower.
COLUMN_WIDTH_RATIO = 0.5
MIN_GUTTER_PT = 8  # narrower than this is a word space, not a gutter
ROW_TOLERANCE_PT = 3
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


def _gutter(rows: list[list[dict]], lo: float, hi: float) -> float | None:
    """x of a column gutter between lo and hi, or None."""
    width = hi - lo
    if width <= 0 or len(rows) < 4:
        return None
    step = 2.0
    xs = [lo + width * 0.25 + k * step for k in range(int(width * 0.5 / step))]
    best, best_x = None, None
    for x in xs:
        crossing = sum(any(w["x0"] - MIN_GUTTER_PT / 2 < x < w["x1"] + MIN_GUTTER_PT / 2 for w in r) for r in rows)
        if best is None or crossing < best:
            best, best_x = crossing, x
    if best is None or best > GUTTER_CROSSING_SHARE * len(rows):
        return None
    left = [[w for w in r if w["x1"] <= best_x] for r in rows]
    right = [[w for w in r if w["x0"] >= best_x] for r in rows]
    if min(sum(map(bool, left)), sum(map(bool, right))) < GUTTER_SIDE_SHARE * len(rows):
        return None
    a, b = _extent(left), _extent(right)
    if min(a, b) < COLUMN_WIDTH_RATIO * max(a, b):
        return None  # a table (a name, then a short country cell): its rows are read across
    return best_x


def _extent(rows: list[list[dict]]) -> float:
    words = [w for r in rows for w in r]
    return max(w["x1"] for w in words) - min(w["x0"] for w in words)


def _read(rows: list[list[dict]], lo: float, hi: float) -> list[str]:
    x = _gutter(rows, lo, hi)
    if x is None:
        return _text(rows)
    out: list[str] = []
    section: list[list[dict]] = []
    for r in rows:
        if any(w["x0"] < x < w["x1"] for w in r):  # a row across the gutter: a title or a full-width paragraph
            out.extend(_columns(section, x, lo, hi))
            out.extend(_text([r]))
            section = []
        else:
            section.append(r)
    out.extend(_columns(section, x, lo, hi))
    return out


def _columns(rows: list[list[dict]], x: float, lo: float, hi: float) -> list[str]:
    left = [r2 for r2 in ([w for w in r if w["x1"] <= x] for r in rows) if r2]
    right = [r2 for r2 in ([w for w in r if w["x0"] >= x] for r in rows) if r2]
    out = _text(left)
    if out and right:
        out.append("")
    return out + _text(right)


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
