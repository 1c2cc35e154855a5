"""OCR of scanned (image-only) PDF pages: graph.extract.ocr. Pages are drawn by Pillow, as a scanner makes them."""
from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from graph.extract import ocr

LETTER = ["Joint letter on the protection of journalists in the Sahel", "4 June 2025",
          "To the Chair of the African Union Commission", "", "Dear Chairperson,", "",
          "We, the undersigned organisations, are alarmed by the arrest of eleven reporters since",
          "January. We urge you to raise their cases with the transitional authorities.", "",
          "Signed by:", "1. Reporters Network West Africa", "2. Sahel Media Freedom Coalition (SMFC)",
          "3. Union des Journalistes Libres", "10. Observatoire de la Presse Indépendante"]
BURMESE = "မြန်မာနိုင်ငံ အမျိုးသမီးများ အဖွဲ့ချုပ်"
MYANMAR_FONT = Path("/usr/share/fonts/truetype/noto/NotoSansMyanmar-Regular.ttf")
KOREAN = "한국여성단체연합 서울여성회"  # invented: Korean Women's Association United, Seoul Women's Association
CJK_FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")  # Debian fonts-noto-cjk
FRENCH = ["Appel commun pour la libération des défenseurs", "", "Nous demandons aux autorités de libérer sans",
          "délai les défenseurs des droits humains et de garantir leur sécurité. Nous sommes très",
          "préoccupés par les arrestations à l'égard des journalistes.", "", "Organisations signataires :",
          "- Fédération des Libertés Éducatives", "- Collectif Solidarité Île-de-France"]

needs_ocr = pytest.mark.skipif(bool(ocr.missing_tools()), reason="tesseract-ocr / poppler-utils not installed")


def _scan(pages: list[list[str]], burmese: bool = False, korean: bool = False) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype("DejaVuSerif.ttf", 32)  # about 11.5 pt at 200 dpi
    images = []
    for lines in pages:
        img = Image.new("L", (1700, 2200), 255)
        draw = ImageDraw.Draw(img)
        for i, line in enumerate(lines):
            draw.text((150, 150 + i * 55), line, fill=0, font=font)
        if burmese:
            draw.text((150, 150 + (len(lines) + 1) * 55), BURMESE, fill=0,
                      font=ImageFont.truetype(str(MYANMAR_FONT), 32))
        if korean:  # the font's Korean face (index 1 of the collection)
            draw.text((150, 150 + (len(lines) + 1) * 55), KOREAN, fill=0,
                      font=ImageFont.truetype(str(CJK_FONT), 32, index=1))
        images.append(img)
    buf = io.BytesIO()
    images[0].save(buf, format="PDF", resolution=200, save_all=True, append_images=images[1:])
    return buf.getvalue()


@needs_ocr
def test_a_scanned_letter_is_read_line_by_line_with_its_paragraphs():
    second = ["Page two of the letter", "", "Contact: press office"]
    lines = ocr.ocr(_scan([LETTER, second]), "scan.pdf", 2)
    # each printed line once and exactly, blank lines where the page leaves a gap, pages in order
    assert lines == [*LETTER, "", *second, ""]


@needs_ocr
@pytest.mark.skipif(not MYANMAR_FONT.exists() or "mya" not in ocr.installed_languages(),
                    reason="no Burmese font or tesseract-ocr-mya")
def test_a_burmese_line_is_read_again_with_burmese_and_the_rest_stays_english():
    lines = [ln for ln in ocr.ocr(_scan([LETTER], burmese=True), "scan.pdf", 1) if ln]
    assert lines[:-1] == [ln for ln in LETTER if ln]
    assert lines[-1] == BURMESE


@needs_ocr
@pytest.mark.skipif(not CJK_FONT.exists() or "kor" not in ocr.installed_languages(),
                    reason="no CJK font (fonts-noto-cjk) or tesseract-ocr-kor")
def test_a_korean_line_is_read_again_with_the_script_osd_sees_and_the_rest_stays_english():
    lines = [ln for ln in ocr.ocr(_scan([LETTER], korean=True), "scan.pdf", 1) if ln]
    assert lines[:-1] == [ln for ln in LETTER if ln]
    assert lines[-1].replace(" ", "") == KOREAN.replace(" ", "")  # Korean's spaces are read or not


@needs_ocr
@pytest.mark.skipif("fra" not in ocr.installed_languages(), reason="tesseract-ocr-fra not installed")
def test_a_french_page_is_read_with_the_french_model_and_keeps_its_accents():
    lines = ocr.ocr(_scan([FRENCH]), "scan.pdf", 1)
    assert "- Fédération des Libertés Éducatives" in lines
    assert "- Collectif Solidarité Île-de-France" in lines


def test_a_bullet_misread_as_another_mark_starts_a_list_item():
    lines = ["* Alpha Library Association", "¢ Beta Rights Forum", "+ Gamma Union", "* not a name", "10. Delta"]
    assert [ocr._BULLET.sub("- ", ln) for ln in lines] == ["- Alpha Library Association", "- Beta Rights Forum",
                                                           "- Gamma Union", "* not a name", "10. Delta"]


def test_a_line_of_low_confidence_is_unread():
    words = [{"text": "Joint", "conf": 95.0, "line": (1, 1, 1)}, {"text": "letter", "conf": 91.0, "line": (1, 1, 1)},
             {"text": "[gseoScé", "conf": 4.0, "line": (1, 1, 2)}, {"text": "sada", "conf": 12.0, "line": (1, 1, 2)},
             {"text": "Smudged", "conf": 55.0, "line": (1, 1, 3)}]
    assert ocr.unread_lines(words) == [(1, 1, 2)]


def test_rows_get_one_height_so_a_line_without_descenders_is_no_paragraph_break():
    words = [{"text": "Ag", "x0": 0, "x1": 10, "top": 0, "bottom": 30, "line": 1},
             {"text": "10.", "x0": 0, "x1": 10, "top": 40, "bottom": 62, "line": 2},  # no descenders: shorter box
             {"text": "gy", "x0": 0, "x1": 10, "top": 80, "bottom": 110, "line": 3}]
    assert [(w["top"], w["bottom"]) for w in ocr._even_rows(words)] == [(0, 30), (40, 70), (80, 110)]


def test_without_tesseract_the_message_says_what_to_install(monkeypatch):
    from graph.extract.document import LoadError

    monkeypatch.setattr(ocr.shutil, "which", lambda tool: None)
    with pytest.raises(LoadError, match="install tesseract-ocr and poppler-utils"):
        ocr.ocr(b"%PDF-1.4", "scan.pdf", 1)
    assert shutil.which is not None


TABLE = [("Organisation", "Type", "Country"),
         ("Pacific Network for Digital Rights and Open Knowledge", "Non-profit association", "Fiji"),
         ("Harbour Free Software Collective", "Cooperative", "Chile"),
         ("Northern Lights Library Union", "Union", "Norway")]


def _wrap(text: str, font, width: float) -> list[str]:
    """Words on lines as a word processor wraps them to a cell's width."""
    lines = [""]
    for word in text.split():
        if lines[-1] and font.getlength(f"{lines[-1]} {word}") > width:
            lines.append(word)
        else:
            lines[-1] = f"{lines[-1]} {word}".strip()
    return lines


def _ruled_table_scan(angle: float) -> bytes:
    """A page with a paragraph, a ruled three-column table whose first column wraps, and a closing line; turned by
    `angle` degrees as a hand-placed scan is."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype("DejaVuSans.ttf", 30)
    img = Image.new("L", (1700, 2200), 255)
    draw = ImageDraw.Draw(img)
    draw.text((150, 150), "Open letter on funding free software", fill=0, font=font)
    draw.text((150, 210), "The organisations below sign this letter:", fill=0, font=font)
    xs, y = (150, 750, 1200, 1550), 300
    draw.line([(xs[0], y), (xs[-1], y)], fill=0, width=3)
    for row in TABLE:
        cells = [_wrap(text, font, right - left - 30) for text, left, right in zip(row, xs, xs[1:])]
        height = 45 * max(len(c) for c in cells) + 20
        for x, lines in zip(xs, cells):
            for k, text in enumerate(lines):
                draw.text((x + 15, y + 10 + 45 * k), text, fill=0, font=font)
        for x in xs:
            draw.line([(x, y), (x, y + height)], fill=0, width=3)
        y += height
        draw.line([(xs[0], y), (xs[-1], y)], fill=0, width=3)
    draw.text((150, y + 60), "Contact: the coordination office", fill=0, font=font)
    img = img.rotate(angle, fillcolor=255)
    buf = io.BytesIO()
    img.save(buf, format="PDF", resolution=200)
    return buf.getvalue()


@needs_ocr
def test_a_ruled_table_is_read_cell_by_cell_with_wrapped_cells_joined():
    lines = [ln for ln in ocr.ocr(_ruled_table_scan(0.6), "scan.pdf", 1) if ln]
    # one line a row, its cells in order, a cell's wrapped lines one name; the text around the table where it is
    assert lines == ["Open letter on funding free software", "The organisations below sign this letter:",
                     *(" | ".join(row) for row in TABLE), "Contact: the coordination office"]
