"""Lines a PDF (or a scan) wrapped at the column's edge are joined again; a list printed one name per line is not.

The PDFs are made here with matplotlib: a prose paragraph and a byline wrapped by textwrap at a fixed width, as a
word processor wraps them, then lists whose lines leave room at their ends or all end at the same place."""
from __future__ import annotations

import shutil
import textwrap

import pytest

from documents import scanned_pdf, text_pdf
from graph.extract.document import document_from_bytes
from graph.extract.letter import parse_letter

BYLINE = ("By Alpha Rights Forum, Beta Legal Aid Network, Gamma Women's Union, Delta Press Freedom Group, "
          "Epsilon Workers Federation and Zeta Youth Council")
PROSE = ("The undersigned organizations write to express our deep concern about the arrest of journalists and "
         "the closure of independent media outlets, and we ask the authorities to release them without delay.")
LIST = ["Omega Teachers Union, Chile", "Kappa Farmers League, Kenya", "Sigma Health Workers, Haiti",
        "Lambda Student Council, Peru", "Theta Miners Association, Ghana"]


def _pdf(paragraphs: list[list[str]]) -> bytes:
    step, y, texts = 0.0143, 0.92, []  # 12 pt between lines of a paragraph on an A4 page
    for para in paragraphs:
        for line in para:
            texts.append((0.1, y, line))
            y -= step
        y -= 2 * step  # a blank line's gap between paragraphs
    return text_pdf(texts, size=(8.27, 11.69), fontsize=10, family="monospace")  # textwrap counts characters


def _lines(data: bytes) -> list[str]:
    return [ln for ln in document_from_bytes(data, "l.pdf").text.split("\n") if ln.strip()]


def test_a_wrapped_byline_and_paragraph_are_one_line_each_again():
    lines = _lines(_pdf([textwrap.wrap(BYLINE, 70), textwrap.wrap(PROSE, 70), LIST]))
    assert lines[0] == BYLINE and lines[1] == PROSE
    assert lines[2:] == LIST


def test_a_list_whose_lines_end_together_stays_one_name_per_line():
    same = ["Alpha Forum, Chile", "Gamma Union, Kenya", "Delta Group, Haiti", "Omega Guild, Nepal"]
    assert _lines(_pdf([textwrap.wrap(PROSE, 70), same])) == [PROSE, *same]


def test_the_reader_finds_every_name_of_a_wrapped_sentence_list():
    signed = "This statement is signed by " + BYLINE.removeprefix("By ") + "."
    doc = document_from_bytes(_pdf([["Joint statement on press freedom"], textwrap.wrap(PROSE, 60),
                                    textwrap.wrap(signed, 60)]), "l.pdf")
    names = {s.name for s in parse_letter(doc).signatories}
    assert {"Alpha Rights Forum", "Beta Legal Aid Network", "Delta Press Freedom Group",
            "Zeta Youth Council"} <= names


@pytest.mark.skipif(shutil.which("tesseract") is None or shutil.which("pdftoppm") is None,
                    reason="tesseract-ocr / poppler-utils not installed")
def test_a_scanned_wrapped_byline_is_one_line_again():
    text = document_from_bytes(scanned_pdf(textwrap.wrap(BYLINE, 50), mono=True), "scan.pdf").text
    assert "Delta Press Freedom Group, Epsilon Workers Federation" in text.split("\n")[0]


def test_names_with_a_place_in_parentheses_stay_one_a_line():
    """Two commas inside "(City, State, Country)" are the place, not a list running on."""
    places = ["Alpha Forum (Cupertino, California, USA)", "Gamma Union (Quezon City, Metro Manila, PH)",
              "Delta Group (Fairfax, Virginia, USA)", "Omega Guild (Brookline, Mass., USA)"]
    assert _lines(_pdf([textwrap.wrap(PROSE, 70), places])) == [PROSE, *places]
