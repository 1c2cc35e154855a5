"""Hostile and broken files (issue 11): each is a reported problem with a clear message, never a crash, and each
costs bounded time and memory. Ends with a fuzz of read_document over mutated PDFs, docx and front matter."""
from __future__ import annotations

import io
import os
import random
import time
import tracemalloc
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from documents import docx_file, text_pdf
from graph.extract.document import LoadError, document_from_bytes, document_from_text, read_corpus, read_document
from graph.records import Document

# What one hostile letter may cost: every reader bounds its work well under these.
MAX_SECONDS = 10
MAX_MEGABYTES = 200


@pytest.mark.parametrize("front, message", [
    ("date: 2021-02-30", "not a date that exists"),
    ("date: 2021-13-45", "not a date that exists"),
    ("title: !!int abc", "not valid YAML"),
    ("date: yesterday", "is not a date"),
    ("signatories: A String", "'signatories' must be a list"),
    ("signatories: 5", "'signatories' must be a list"),
    ("signatories: [5]", "signatory 1 must be a name"),
    ("recipients: {a: 1}", "'recipients' must be a list"),
    ("claimed_total: many", "'claimed_total' must be a whole number"),
])
def test_bad_front_matter_is_a_problem_with_a_clear_message(tmp_path, front, message):
    (tmp_path / "bad.md").write_text(f"---\n{front}\n---\nWe urge.\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text("Signatories:\nFoo Network\n", encoding="utf-8")
    docs, problems = read_corpus([tmp_path])
    assert [d.name for d in docs] == ["good.txt"]
    assert len(problems) == 1 and "bad.md" in problems[0].message and message in problems[0].message


def test_sidecar_types_are_checked(tmp_path):
    (tmp_path / "l.txt").write_text("We urge.\n", encoding="utf-8")
    (tmp_path / "l.yaml").write_text('signatories: "A String"\n', encoding="utf-8")
    with pytest.raises(LoadError, match="l.txt: sidecar l.yaml: 'signatories' must be a list"):
        read_document(tmp_path / "l.txt")


def test_lone_surrogate_in_a_sidecar_name_becomes_a_replacement_character(tmp_path):
    (tmp_path / "l.txt").write_text("We urge.\n", encoding="utf-8")
    (tmp_path / "l.yaml").write_text('signatories:\n  - "Bad \\ud800 Org"\n', encoding="utf-8")
    doc = read_document(tmp_path / "l.txt")
    assert doc.meta["signatories"] == ["Bad \ufffd Org"]
    "".join(doc.meta["signatories"]).encode("utf-8")  # encodable: exports and views no longer crash


def test_yaml_alias_bomb_is_refused_quickly():
    bomb = "---\na: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{chr(98 + k)}: &{chr(98 + k)} [{', '.join('*' + chr(97 + k) for _ in range(9))}]\n" for k in range(9)) + "---\nT\n"
    t0 = time.perf_counter()
    with pytest.raises(LoadError, match="aliases"):
        document_from_text(bomb, "bomb.md")
    assert time.perf_counter() - t0 < 1


def _docx_bytes(document_xml: bytes, compress: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compress) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", document_xml)
    return buf.getvalue()


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_docx_zip_bomb_is_refused_before_it_is_inflated():
    body = b"<w:document " + _W.encode() + b"><w:body>" + b" " * (80 * 2**20) + b"</w:body></w:document>"
    data = _docx_bytes(body)
    assert len(data) < 1_000_000
    tracemalloc.start()
    with pytest.raises(LoadError, match="zip bomb"):
        document_from_bytes(data, "bomb.docx")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 20 * 2**20


def test_docx_table_with_a_huge_grid_span_is_one_cell():
    xml = (f'<w:document {_W}><w:body><w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="1000000"/></w:tcPr>'
           '<w:p><w:r><w:t>Alpha Network</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Chile</w:t></w:r></w:p>'
           '</w:tc></w:tr></w:tbl></w:body></w:document>').encode()
    t0 = time.perf_counter()
    doc = document_from_bytes(_docx_bytes(xml), "span.docx")
    assert doc.text == "Alpha Network | Chile" and time.perf_counter() - t0 < 1


def test_random_binary_without_nul_bytes_is_refused():
    rng = random.Random(7)
    data = bytes(rng.randrange(1, 256) for _ in range(4000))
    with pytest.raises(LoadError, match="binary"):
        document_from_bytes(data, "noise.txt")


def test_shift_jis_is_decoded_and_named():
    text = "ミャンマーに関する共同声明\n署名団体：アムネスティ・インターナショナル日本\n"
    doc = document_from_bytes(text.encode("shift_jis"), "jp.txt")
    assert doc.text == text and doc.encoding in ("cp932", "shift_jis")
    assert document_from_bytes("Genève".encode("cp1252"), "fr.txt").encoding == "cp1252"


def test_size_limit_message_says_the_limit_as_set(tmp_path):
    p = tmp_path / "big.txt"
    p.write_bytes(b"a" * (20 * 2**20 + 1))
    with pytest.raises(LoadError, match=r"over the 20 MB limit"):
        read_document(p, max_bytes=20 * 2**20)


@pytest.mark.parametrize("exc", [AssertionError, NotImplementedError, OverflowError, KeyError, RecursionError])
def test_any_exception_inside_a_reader_is_a_problem_not_a_crash(tmp_path, monkeypatch, exc):
    from graph.extract import pdf

    def boom(data, name):
        raise exc("inside the PDF library")

    monkeypatch.setattr(pdf, "to_lines", boom)
    (tmp_path / "fuzzed.pdf").write_bytes(b"%PDF-1.4\n" + b"x" * 900)
    (tmp_path / "ok.txt").write_text("Hello\n", encoding="utf-8")
    docs, problems = read_corpus([tmp_path])
    assert [d.name for d in docs] == ["ok.txt"]
    assert [p.name for p in problems] == ["fuzzed.pdf"] and "fuzzed.pdf" in problems[0].message


_PARENT: list[int] = []


def _dies_in_a_worker(paths, on_letter=None):
    from graph import pipeline

    if os.getpid() != _PARENT[0]:
        os._exit(1)  # as a worker killed by the kernel for memory would
    return _dies_in_a_worker.__wrapped__(paths, on_letter)


def test_a_dead_worker_s_letters_are_read_in_the_parent(tmp_path, monkeypatch):
    from graph import pipeline

    for k in range(8):
        (tmp_path / f"l{k}.txt").write_text(f"Letter {k}\n\nSigned,\n1. Org Number {k} Network\n", encoding="utf-8")
    _PARENT[:] = [os.getpid()]
    _dies_in_a_worker.__wrapped__ = pipeline._read_and_parse
    monkeypatch.setattr(pipeline, "_read_and_parse", _dies_in_a_worker)
    letters, problems, docs = pipeline.load_letters([tmp_path], jobs=2)
    assert sorted(x.file for x in letters) == [f"l{k}.txt" for k in range(8)] and not problems


# ---- fuzz: a Document or a LoadError, within MAX_SECONDS and MAX_MEGABYTES -------------------------------------

SEEDS = {"pdf": text_pdf([(0.1, 0.5, "Signed by Alpha Network")]),
         "docx": docx_file(["Joint letter"], [["Alpha Network", ""]])}


def _mutate(data: bytes, edits: list[tuple[int, int, int]], cut: int) -> bytes:
    b = bytearray(data[: max(8, len(data) - cut)])
    for kind, at, value in edits:
        i = at % len(b)
        if kind == 0:
            b[i] = value
        elif kind == 1:
            b[i:i] = bytes([value]) * (1 + value % 9)
        else:
            del b[i:i + 1 + value % 64]
    return bytes(b)


def _bounded(call) -> None:
    tracemalloc.start()
    t0 = time.perf_counter()
    try:
        result = call()
        assert isinstance(result, Document)
    except LoadError:
        pass
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert time.perf_counter() - t0 < MAX_SECONDS
    assert peak < MAX_MEGABYTES * 2**20


_EDITS = st.lists(st.tuples(st.integers(0, 2), st.integers(0, 10**6), st.integers(0, 255)), max_size=12)
_FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_FUZZ
@given(kind=st.sampled_from(sorted(SEEDS)), edits=_EDITS, cut=st.integers(0, 400))
def test_fuzz_mutated_pdf_and_docx_give_a_document_or_a_load_error(kind, edits, cut):
    data = _mutate(SEEDS[kind], edits, cut)
    _bounded(lambda: document_from_bytes(data, f"fuzz.{kind}"))


_TOKENS = [*":-[]{}&*!|>'#, \n\t", "a", "b", "0", "date", "title", "signatories", "!!int", "!!python/object",
           "2021-02-30", "\ud800", "&a", "*a", "= ", '"']
_YAMLISH = st.lists(st.sampled_from(_TOKENS), max_size=60).map("".join)


@_FUZZ
@given(front=_YAMLISH, toml=st.booleans())
def test_fuzz_front_matter_gives_a_document_or_a_load_error(front, toml):
    fence = "+++" if toml else "---"
    _bounded(lambda: document_from_text(f"{fence}\n{front}\n{fence}\nWe urge you.\n", "fuzz.md"))


def test_a_pdf_that_reads_too_slowly_is_given_up_with_a_message(monkeypatch):
    from graph.extract import pdf

    monkeypatch.setattr(pdf, "READ_SECONDS", -1)  # every page is over the budget
    with pytest.raises(LoadError, match=r"slow.pdf: PDF took over -1 s to read \(page 1 of 1\)"):
        document_from_bytes(text_pdf([(0.1, 0.5, "Signed by Alpha Network")]), "slow.pdf")
