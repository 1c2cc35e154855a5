"""Image-only (scanned) PDF pages read by OCR: poppler's pdftoppm renders a page, tesseract reads its words.

What makes it fast enough (bench/bench_ocr.py, a rendered 28-line letter page at 200 dpi on the shared 2-core
machine): tesseract's OpenMP threads fight each other and any other process on a busy machine, so each tesseract
runs with one thread (OMP_THREAD_LIMIT=1: 7.1 s -> 1.8 s a page under load) and pages are read OCR_WORKERS at a
time. Each model added to a reading costs about as much as the first, so a page is read with one Latin-script
model, and the others only where the first reading shows they are needed (graph.extract.ocr_languages): a page
in French or Spanish is read again with its own model (the letter's first page decides the model the later pages
are read with first), and lines the first model could not read (low confidence: another script) are read again
with the packs of the script tesseract's osd sees in them (Korean, Chinese, Burmese...).

Tesseract is asked for its words with their boxes (TSV), not its text: the same code that reads PDF text layers
(graph.extract.pdf.page_lines) then puts them into lines, paragraphs (by the gaps between rows) and columns (by the
gutter). Tesseract's own text output breaks a numbered list in two (the numbers as a column of their own, page
segmentation mode 3) or drops and invents blank lines (modes 4 and 6).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .errors import LoadError
from .grid import Grid, erase_rules, find_grids, has_uprights, skew, with_tables
from .ocr_languages import latin_language, other_script_languages, script_languages, script_of

# A scanned page takes tesseract one to a few seconds; a page that takes longer than this is given up.
OCR_SECONDS_PER_PAGE = 60
# 200 dpi read every line of the bench page exactly; 150 dpi is 20% faster but misreads a list's numbers, and a
# real scan's 9-10 pt print is smaller than the bench's.
OCR_DPI = 200
PT = 72.0 / OCR_DPI  # pixels to PDF points
# Letters are a few pages; a scanned book is not read page by page by OCR.
MAX_OCR_PAGES = 40
FIRST_LANGUAGE = "eng"  # the first reading of a letter's first pages; its words tell the page's language
# Mean word confidence (0-100) of a line below which the English pass did not read it: Burmese script reads as
# 5-15 in English, a clean Latin line as 85-96, a smudged one 50-70.
UNREAD_LINE_CONFIDENCE = 35
# Pages read at once: each tesseract uses one thread, so two use both cores of a small machine, and a third waits.
OCR_WORKERS = max(1, min(2, os.cpu_count() or 1))
# Page segmentation mode 6: one block of text (no column or block detection by tesseract: the gutter is found from
# the word boxes). Mode 3 (automatic) split a numbered list's numbers into a column of their own.
PSM = "6"
# An unread line is cut out with this share of its height around it and read again as a single line (mode 7):
# 0.3 s for a Burmese line, where reading the whole page again in English and Burmese took 2.5-5 s.
LINE_PAD = 0.3
LINE_PSM = "7"
# A page with more unread lines than this is mostly another script (a Burmese page): read again whole.
MAX_LINE_PASSES = 8
# A "word" of punctuation only (no letter or digit) read with less confidence than this is a speck of dust or
# toner: on noisy renders of letters, lone ":", ";", ".", "," and "!" at a line's ends read at 0-45, while printed
# separators ("-", "&", "/") read at 85-95.
SPECK_CONFIDENCE = 50
# A printed bullet (•, ▪, ◦) is read as one of these marks; before a capitalised word it starts a list item.
_BULLET = re.compile(r"^[*¢+°©«»•·。ㆍ‣◦▪■□●○] +(?=[A-Z\u00C0-\u00DD])")
# Unread lines are stacked into one image for tesseract's script detection with this gap between them (pixels).
STACK_GAP = 20


def missing_tools() -> list[str]:
    return [pkg for tool, pkg in (("tesseract", "tesseract-ocr"), ("pdftoppm", "poppler-utils"))
            if shutil.which(tool) is None]


def ocr(data: bytes, name: str, n_pages: int) -> list[str]:
    """Lines read by OCR from an image-only PDF; LoadError naming what to install when the tools are missing."""
    missing = missing_tools()
    if missing:
        raise LoadError(name, "PDF has no text layer (scanned images only) and OCR is not installed: install "
                              f"{' and '.join(missing)} (Debian/Ubuntu: apt-get install {' '.join(missing)} "
                              "tesseract-ocr-eng and the packs of the letters' languages, e.g. tesseract-ocr-fra "
                              "tesseract-ocr-mya), then add the letter again")
    if n_pages > MAX_OCR_PAGES:
        raise LoadError(name, f"PDF is {n_pages} scanned pages, over the {MAX_OCR_PAGES}-page OCR limit")
    installed = installed_languages()
    with tempfile.TemporaryDirectory(prefix="atlas-ocr-") as tmp:
        pdf = Path(tmp) / "in.pdf"
        pdf.write_bytes(data)
        with ThreadPoolExecutor(max_workers=OCR_WORKERS) as pool:
            # the first pages in English (the workers would wait otherwise); the rest with the first page's language
            early = [pool.submit(_page, pdf, k, name, FIRST_LANGUAGE, installed)
                     for k in range(1, min(OCR_WORKERS, n_pages) + 1)]
            language = early[0].result()[1]
            later = [pool.submit(_page, pdf, k, name, language, installed)
                     for k in range(OCR_WORKERS + 1, n_pages + 1)]
            pages = [f.result()[0] for f in early + later]
    lines = [ln for page in pages for ln in [*page, ""]]
    if not any(ln.strip() for ln in lines):
        raise LoadError(name, "PDF has no text layer and OCR found no text in its images")
    return lines


def _page(pdf: Path, k: int, name: str, language: str, installed: set[str]) -> tuple[list[str], str]:
    """(lines, Latin-script language) of page k, read first with `language`."""
    from .pdf import page_lines

    stem = pdf.parent / f"p{k}"
    try:
        subprocess.run(["pdftoppm", "-r", str(OCR_DPI), "-f", str(k), "-l", str(k), "-gray", "-png", "-singlefile",
                        str(pdf), str(stem)], check=True, capture_output=True, timeout=OCR_SECONDS_PER_PAGE)
        image = f"{stem}.png"
        grids = _tables(image)
        words = read_words(image, language if language in installed else FIRST_LANGUAGE, PSM)
        own = latin_language(words, installed)
        if own != language:
            words = read_words(image, own, PSM)
        words = _other_script(image, words, own, installed)
    except subprocess.TimeoutExpired:
        raise LoadError(name, f"page {k} could not be rendered or read within {OCR_SECONDS_PER_PAGE} s") from None
    except (subprocess.CalledProcessError, OSError) as e:
        raise LoadError(name, f"OCR failed on page {k} ({type(e).__name__})") from None
    words = [w for w in words if not _speck(w)]
    if not words:
        return [], own
    words = _even_rows(words)
    width = max(w["x1"] for w in words) * PT + 1.0

    def lines_of(ws: list[dict]) -> list[str]:  # page_lines' tolerances (a row, a gutter) are in points
        return page_lines([{**w, "x0": w["x0"] * PT, "x1": w["x1"] * PT, "top": w["top"] * PT,
                            "bottom": w["bottom"] * PT} for w in ws], width)

    lines = with_tables(words, grids, lines_of) if grids else lines_of(words)
    return [_BULLET.sub("- ", ln) for ln in lines], own


def _tables(image: str) -> list[Grid]:
    """The page's ruled tables (graph.extract.grid); the image is replaced by the page levelled with its rules
    erased when it has one."""
    from PIL import Image

    with Image.open(image) as page:
        page = page.convert("L")
    if not has_uprights(page, OCR_DPI):
        return []
    angle = skew(page)
    level = page.rotate(angle, fillcolor=255) if angle else page
    grids = find_grids(level, OCR_DPI)
    if grids:
        erase_rules(level, OCR_DPI).save(image)
    return grids


def _other_script(image: str, words: list[dict], language: str, installed: set[str]) -> list[dict]:
    """The page's words with its unread lines read again with the packs of the script osd sees in them (with
    the page's language, for the names and numbers among them); the whole page when most of it is unread."""
    unread = unread_lines(words)
    if not unread:
        return words
    packs = script_languages(script_of(_stack(image, words, unread)), installed)
    if not packs and len(unread) <= MAX_LINE_PASSES:
        packs = other_script_languages(installed)  # osd could not tell (a short line): every installed script
    if not packs:
        return words
    langs = "+".join((language, *packs))
    if len(unread) > MAX_LINE_PASSES:
        return read_words(image, langs, PSM)
    return _reread_lines(image, words, unread, langs)


def _box(words: list[dict], key: tuple, width: int, height: int) -> tuple[int, int, int, int]:
    """A line's box with LINE_PAD of its height around it, inside the page."""
    mine = [w for w in words if w["line"] == key]
    top, bottom = min(w["top"] for w in mine), max(w["bottom"] for w in mine)
    pad = int(LINE_PAD * (bottom - top)) + 2
    return (max(0, int(min(w["x0"] for w in mine)) - pad), max(0, int(top) - pad),
            min(width, int(max(w["x1"] for w in mine)) + pad), min(height, int(bottom) + pad))


def _stack(image: str, words: list[dict], unread: list[tuple]) -> str:
    """The unread lines cut out and stacked into one image: the script detection sees only them."""
    from PIL import Image

    with Image.open(image) as page:
        crops = [page.crop(_box(words, key, page.width, page.height)) for key in unread]
    out = Image.new("L", (max(c.width for c in crops) + 2 * STACK_GAP,
                          sum(c.height + STACK_GAP for c in crops) + STACK_GAP), 255)
    y = STACK_GAP
    for c in crops:
        out.paste(c, (STACK_GAP, y))
        y += c.height + STACK_GAP
    path = f"{image}.unread.png"
    out.save(path)
    return path


def _reread_lines(image: str, words: list[dict], unread: list[tuple], langs: str) -> list[dict]:
    """Each unread line cut out of the page and read again as one line (mode 7) with `langs`."""
    from PIL import Image

    out = [w for w in words if w["line"] not in unread]
    with Image.open(image) as page:
        for key in unread:
            mine = [w for w in words if w["line"] == key]
            box = _box(words, key, page.width, page.height)
            crop = f"{image}.line.png"
            page.crop(box).save(crop)
            again = read_words(crop, langs, LINE_PSM)
            if _confidence(again) <= _confidence(mine):
                again = []  # no better read (a smudge, specks): the first reading stays
            if again:  # the crop's reading replaces all it covers: Burmese vowel marks above a line read as a
                # line of their own in English ("c OCo ° °"), often with a passable confidence
                out = [w for w in out if not _inside(w, box)]
            out += [{**w, "x0": w["x0"] + box[0], "x1": w["x1"] + box[0], "top": w["top"] + box[1],
                     "bottom": w["bottom"] + box[1], "line": key} for w in again] or mine
    return out


def _speck(w: dict) -> bool:
    return w["conf"] < SPECK_CONFIDENCE and not any(c.isalnum() for c in w["text"])


def _confidence(words: list[dict]) -> float:
    return sum(w["conf"] for w in words) / len(words) if words else -1.0


def _inside(w: dict, box: tuple[int, int, int, int]) -> bool:
    x, y = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def read_words(image: str, langs: str, psm: str) -> list[dict]:
    """Tesseract's words with pixel boxes (pdfplumber's keys: text, x0, x1, top, bottom), confidence and line;
    one thread (OMP_THREAD_LIMIT)."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    out = subprocess.run(["tesseract", image, "stdout", "-l", langs, "--psm", psm, "tsv"], check=True,
                         capture_output=True, text=True, timeout=OCR_SECONDS_PER_PAGE, env=env).stdout
    words = []
    for row in out.split("\n")[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or not cells[11].strip():
            continue
        left, top, width, height = (int(c) for c in cells[6:10])
        words.append({"text": cells[11].strip(), "x0": left, "x1": left + width, "top": top, "bottom": top + height,
                      "conf": float(cells[10]), "line": (cells[2], cells[3], cells[4])})
    return words


def _even_rows(words: list[dict]) -> list[dict]:
    """Every word of a line gets the line's top and one height for the page. Tesseract's boxes fit the ink, so a
    line without descenders ("10. Kachin Women's Association") looks shorter and its gap to the next line wider,
    which page_lines would read as a paragraph break; a text layer's boxes are the font's, the same on every line."""
    spans: dict[tuple, tuple[float, float]] = {}
    for w in words:
        top, bottom = spans.get(w["line"], (w["top"], w["bottom"]))
        spans[w["line"]] = (min(top, w["top"]), max(bottom, w["bottom"]))
    heights = sorted(b - t for t, b in spans.values())
    height = heights[len(heights) // 2]  # the body text's line height: most lines have ascenders and descenders
    return [{**w, "top": spans[w["line"]][0], "bottom": spans[w["line"]][0] + max(height, spans[w["line"]][1] -
                                                                                  spans[w["line"]][0])} for w in words]


def unread_lines(words: list[dict]) -> list[tuple]:
    """Lines of the page the pass did not read: their words' mean confidence is below UNREAD_LINE_CONFIDENCE."""
    lines: dict[tuple, list[dict]] = {}
    for w in words:
        lines.setdefault(w["line"], []).append(w)
    return [key for key, ws in lines.items() if _confidence(ws) < UNREAD_LINE_CONFIDENCE]


def installed_languages() -> set[str]:
    try:
        out = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.TimeoutExpired):
        return set()
    return {ln.strip() for ln in out.splitlines()[1:] if ln.strip()}
