"""Reading files: every format, and every kind of bad input gets a clear error naming the file."""
from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from pypdf import PdfWriter

from documents import text_pdf
from graph.extract.document import LoadError, document_from_bytes, document_from_text, read_corpus, read_document

LETTERS = Path(__file__).resolve().parent.parent / "data" / "letters"
SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "letters"


def test_bundled_letters_are_byte_identical_to_shared():
    names = sorted(p.name for p in LETTERS.glob("*.txt"))
    assert len(names) >= 5
    if SHARED.is_dir():
        for p in SHARED.iterdir():
            assert (LETTERS / p.name).read_bytes() == p.read_bytes(), p.name


def test_reads_every_seed_letter_with_line_numbers_of_the_file():
    for p in sorted(LETTERS.glob("*.txt")):
        doc = read_document(p)
        raw = p.read_text(encoding="utf-8").replace("\r\n", "\n")
        assert doc.text.split("\n") == raw.split("\n")
        assert len(doc.sha256) == 64 and doc.name == p.name


def test_front_matter_is_parsed_and_blanked_keeping_line_numbers():
    doc = document_from_text("---\ntitle: A letter\ndate: 2021-02-05\n---\nLine five\n", "a.md")
    assert doc.meta == {"title": "A letter", "date": "2021-02-05"}
    assert doc.text.split("\n")[4] == "Line five"
    assert doc.line_offset == 4


def test_sidecar_yaml_gives_metadata_and_front_matter_wins(tmp_path):
    (tmp_path / "l.md").write_text("---\ndate: 2022-01-01\n---\nText\n", encoding="utf-8")
    (tmp_path / "l.yaml").write_text("date: 2020-01-01\nsource_url: https://example.org/l\n", encoding="utf-8")
    doc = read_document(tmp_path / "l.md")
    assert doc.meta["date"] == "2022-01-01"
    assert doc.meta["source_url"] == "https://example.org/l"
    docs, problems = read_corpus([tmp_path])
    assert [d.name for d in docs] == ["l.md"] and not problems  # the sidecar is not a letter


@pytest.mark.parametrize(
    "data, name, message",
    [
        (b"", "empty.txt", "empty"),
        (b"   \n\n ", "blank.txt", "empty"),
        (b"\x00\x01\x02binary\x00" * 10, "blob.txt", "binary"),
        (b"PK\x03\x04not really a docx", "broken.docx", "not a readable .docx"),
        (b"%PDF-1.4 garbage", "broken.pdf", "not a readable PDF"),
        (b"---\ntitle: [unclosed\n---\nbody\n", "bad.md", "front matter is not valid YAML"),
        (b"---\n- a list\n---\nbody\n", "list.md", "front matter must be a mapping"),
    ],
)
def test_bad_input_gets_a_clear_message_naming_the_file(data, name, message):
    with pytest.raises(LoadError) as e:
        document_from_bytes(data, name)
    assert name in str(e.value) and message in str(e.value)


def test_oversized_file_is_refused(tmp_path):
    p = tmp_path / "big.txt"
    p.write_bytes(b"a" * 2000)
    with pytest.raises(LoadError, match="big.txt.*over the"):
        read_document(p, max_bytes=1000)


def _pdf(text: str | None, password: str | None = None) -> bytes:
    w = PdfWriter()
    w.add_blank_page(width=200, height=200)
    if text is not None:
        from pypdf.annotations import FreeText  # noqa: F401 - a text layer needs a content stream
    if password:
        w.encrypt(password)
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def test_encrypted_pdf_says_encrypted():
    with pytest.raises(LoadError, match="enc.pdf: PDF is encrypted"):
        document_from_bytes(_pdf(None, password="secret"), "enc.pdf")


def test_image_only_pdf_says_ocr_is_needed():
    with pytest.raises(LoadError, match="no text layer"):  # blank page: OCR finds nothing, or OCR is missing
        document_from_bytes(_pdf(None), "scan.pdf")


def test_pdf_with_text_layer_is_read():
    doc = document_from_bytes(text_pdf([(0.1, 0.5, "Signed by Burma Campaign UK")]), "t.pdf")
    assert "Burma Campaign UK" in doc.text


def test_docx_paragraphs_and_tables_are_read():
    import docx

    d = docx.Document()
    d.add_paragraph("Joint letter on Sudan")
    t = d.add_table(rows=2, cols=1)
    t.rows[0].cells[0].text = "Amnesty International"
    t.rows[1].cells[0].text = "Human Rights Watch"
    buf = io.BytesIO()
    d.save(buf)
    doc = document_from_bytes(buf.getvalue(), "x.docx")
    assert doc.text.split("\n") == ["Joint letter on Sudan", "Amnesty International", "Human Rights Watch"]


def test_non_utf8_text_falls_back_to_a_legacy_encoding():
    data = "Agnès Callamard, Secretary General of Amnesty International, Genève".encode("cp1252")
    doc = document_from_bytes(data, "legacy.txt")
    assert "Agnès" in doc.text


def test_one_bad_file_never_stops_the_corpus(tmp_path):
    (tmp_path / "good.txt").write_text("Signatories:\nFoo Network\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x00\xff" * 50)
    docs, problems = read_corpus([tmp_path])
    assert [d.name for d in docs] == ["good.txt"]
    assert sorted(p.name for p in problems) == ["bin.txt", "empty.txt"]
    assert all(p.name in p.message for p in problems)


def test_only_the_main_thread_forks_workers():
    """The app's script runs in a server thread: a fork there would copy other threads' held locks."""
    import threading

    from graph.pipeline import PARALLEL_FROM, default_jobs

    many = [Path(f"{k}.txt") for k in range(PARALLEL_FROM * 4)]
    assert default_jobs(many) > 1 or (os.cpu_count() or 1) == 1
    assert default_jobs(many[:PARALLEL_FROM - 1]) == 1
    scans = [Path(f"{k}.pdf") for k in range(6)]  # OCR: seconds a page, worth a process per core
    assert default_jobs(scans) == min(os.cpu_count() or 1, 4) or (os.cpu_count() or 1) == 1
    seen = []
    t = threading.Thread(target=lambda: seen.append(default_jobs(many)))
    t.start()
    t.join()
    assert seen == [1]
