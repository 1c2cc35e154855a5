"""PDF whose text copies out as written, Burmese included: a matplotlib backend (used as
`fig.savefig(..., format="pdf", backend=BACKEND)`) that wraps each text it draws in a marked-content
span carrying the text itself as /ActualText (PDF 32000-1, 14.9.4).

Why: matplotlib shapes complex scripts (Myanmar stacks, reorders and repeats glyphs) and writes
the shaped glyphs; its ToUnicode map can only give one character sequence per glyph, so a copy of
"မြန်မာ" from the plain PDF reads "မြမြန်န်မာမာ". A viewer or extractor that honours /ActualText
(Acrobat, poppler's pdftotext, pdf.js) takes the span's text instead of decoding the glyphs.
The glyphs, fonts (TrueType) and layout are exactly matplotlib's own.

>>> import io
>>> from matplotlib import rc_context
>>> from matplotlib.figure import Figure
>>> fig = Figure(figsize=(2, 1)); _ = fig.text(0.1, 0.5, "Ab")
>>> buf = io.BytesIO()
>>> with rc_context({"pdf.compression": 0}): fig.savefig(buf, format="pdf", backend=BACKEND)
>>> pdf = buf.getvalue()  # the span holds the text object, inside matplotlib's q ... Q
>>> b"q" in pdf.split(b"/Span << /ActualText (\\xfe\\xff\\x00A\\x00b) >> BDC BT")[0][-40:], b"ET EMC\\nQ" in pdf
(True, True)
"""
from __future__ import annotations

import codecs

from matplotlib.backends import backend_pdf
from matplotlib.backends.backend_mixed import MixedModeRenderer

BACKEND = f"module://{__name__}"


class _Raw:
    """An operator matplotlib's Op enum lacks (BDC, EMC), written as is by PdfFile.output."""

    def __init__(self, op: bytes):
        self.op = op

    def pdfRepr(self) -> bytes:  # noqa: N802 - the name backend_pdf.pdfRepr looks for
        return self.op


BDC, EMC = _Raw(b"BDC"), _Raw(b"EMC")


def actual_text(s: str) -> bytes:
    """A PDF text string for s: UTF-16BE with its byte-order mark (valid for any text; a lone
    surrogate becomes U+FFFD rather than failing the export).

    >>> actual_text("A")
    b'\\xfe\\xff\\x00A'
    """
    return codecs.BOM_UTF16_BE + s.encode("utf-16-be", "replace")


class RendererSpans(backend_pdf.RendererPdf):
    def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):
        if ismath or not s:
            return super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)
        # The span goes around the text object (BT ... ET), inside matplotlib's q ... Q: a reader
        # places the span's text with the transformation in force at EMC, which Q would undo
        # (pdftotext then put every text at the page's corner, run together).
        span = (backend_pdf.Name("Span"), {"ActualText": actual_text(s)}, BDC)
        file, plain = self.file, self.file.output

        def output(*data):
            plain(*(part for item in data for part in (
                (*span, item) if item is backend_pdf.Op.begin_text
                else (item, EMC) if item is backend_pdf.Op.end_text else (item,))))

        file.output = output  # this file only, for this one text
        try:
            super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)
        finally:
            del file.output


class FigureCanvasSpans(backend_pdf.FigureCanvasPdf):
    def print_pdf(self, filename, *, bbox_inches_restore=None, metadata=None, **_):
        """matplotlib's print_pdf (single page) with RendererSpans in place of RendererPdf. The
        other keywords (facecolor, orientation, ...) print_figure has applied already; matplotlib
        filters them for its own backends only."""
        dpi = self.figure.dpi
        self.figure.dpi = 72  # there are 72 pdf points to an inch
        width, height = self.figure.get_size_inches()
        file = backend_pdf.PdfFile(filename, metadata=metadata)
        try:
            file.newPage(width, height)
            renderer = MixedModeRenderer(self.figure, width, height, dpi, RendererSpans(file, dpi, height, width),
                                         bbox_inches_restore=bbox_inches_restore)
            self.figure.draw(renderer)
            renderer.finalize()
            file.finalize()
        finally:
            file.close()


FigureCanvas = FigureCanvasSpans  # what matplotlib looks up in a backend module
