"""Files the loading tests make themselves: PDFs with a text layer (placed text), scanned image-only PDFs, docx."""
from __future__ import annotations

import io


def text_pdf(texts: list[tuple[float, float, str]], size: tuple[float, float] = (4, 2), fontsize: float = 10,
             family: str = "sans-serif") -> bytes:
    """A PDF with a text layer: each (x, y, text) placed at figure fractions, in the order given (a monospace
    `family` makes a line's width follow its number of characters, as textwrap assumes)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig = plt.figure(figsize=size)
    for x, y, text in texts:
        fig.text(x, y, text, fontsize=fontsize, family=family)
    buf = io.BytesIO()
    fig.savefig(buf, format="pdf")
    plt.close(fig)
    return buf.getvalue()


def scanned_pdf(lines: list[str], mono: bool = False) -> bytes:
    """An image-only PDF page (no text layer) with the lines drawn on it, as a scanner makes (`mono`: in a
    monospace font, so that lines wrapped by character count also end where a word would not fit)."""
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("L", (1700, 2200), 255)  # an A4-ish page at 200 dpi
    draw = ImageDraw.Draw(img)
    try:
        font = ImageFont.truetype("DejaVuSansMono.ttf" if mono else "DejaVuSans.ttf", 40)
    except OSError:
        font = ImageFont.load_default(size=40)
    for i, line in enumerate(lines):
        draw.text((150, 200 + i * 70), line, fill=0, font=font)
    buf = io.BytesIO()
    img.save(buf, format="PDF", resolution=200)
    return buf.getvalue()


def docx_file(paragraphs: list[str], table: list[list[str]] = ()) -> bytes:
    """A .docx with paragraphs, then a table of the given rows."""
    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    if table:
        t = d.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                t.rows[r].cells[c].text = cell
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()
