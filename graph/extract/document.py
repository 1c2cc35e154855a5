"""Reading letters from disk: the only place the pipeline touches letter files.

Every failure is a LoadError whose message names the file and says what to do, so one bad
file can be reported and skipped while the rest of the corpus loads.

>>> doc = document_from_text("---\\ndate: 2021-02-05\\n---\\nHello\\n", "x.md")
>>> doc.meta["date"], doc.text.splitlines()[3]
('2021-02-05', 'Hello')
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from graph.extract import docx as _docx
from graph.extract import frontmatter, markdown
from graph.extract import html as _html
from graph.extract import pdf as _pdf
from graph.extract.errors import LoadError
from graph.extract.text import decode
from graph.records import Document

__all__ = ["DEFAULT_MAX_BYTES", "LETTER_SUFFIXES", "LoadError", "LoadProblem", "decode_text", "document_from_bytes",
           "document_from_text", "is_letter_file", "letter_paths", "read_corpus", "read_document"]

DEFAULT_MAX_BYTES = int(os.environ.get("ATLAS_MAX_BYTES", 20 * 1024 * 1024))
LETTER_SUFFIXES = (".txt", ".md", ".markdown", ".pdf", ".docx", ".text", ".html", ".htm")
_MARKDOWN = (".md", ".markdown")
_HTML = (".html", ".htm")
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class LoadProblem:
    name: str
    message: str


def _megabytes(n: int) -> str:
    """Sizes in MiB, as ATLAS_MAX_BYTES is set (20 * 1024 * 1024 is "20 MB", not "21 MB")."""
    return f"{n / 2**20:.1f}".removesuffix(".0") + " MB"


def read_document(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read a .txt/.md/.html/.pdf/.docx letter, with front matter and an optional sidecar NAME.yaml."""
    path = Path(path)
    name = path.name
    if not path.is_file():
        raise LoadError(name, "no such file")
    size = path.stat().st_size
    if size > max_bytes:
        raise LoadError(name, f"file is {_megabytes(size)}, over the {_megabytes(max_bytes)} limit "
                              "(set ATLAS_MAX_BYTES to raise it)")
    data = path.read_bytes()
    doc = document_from_bytes(data, name, max_bytes=max_bytes)
    sidecar = _sidecar(path)
    meta = {**sidecar, **doc.meta} if sidecar else doc.meta  # front matter wins over the sidecar
    return Document(doc.name, doc.text, meta, doc.sha256, str(path), doc.line_offset, doc.encoding, doc.format)


def document_from_bytes(data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Decode an uploaded or stored file by its content and its name's suffix.

    Any failure, however the underlying library raises it, is a LoadError naming the file."""
    if len(data) > max_bytes:
        raise LoadError(name, f"file is {_megabytes(len(data))}, over the {_megabytes(max_bytes)} limit")
    if not data.strip():
        raise LoadError(name, "file is empty")
    return _guarded(name, _from_bytes, data, name)


def _guarded(name: str, read, *args) -> Document:
    """read(*args), with any failure of a parser turned into a LoadError naming the file."""
    try:
        return read(*args)
    except LoadError:
        raise
    except MemoryError:
        raise LoadError(name, "needs more memory to read than is available: too large or malformed") from None
    except RecursionError:
        raise LoadError(name, "is nested too deeply to read (malformed)") from None
    except Exception as e:  # noqa: BLE001 - parsers of hostile files raise anything (AssertionError, OverflowError)
        raise LoadError(name, f"could not be read ({type(e).__name__}: {str(e)[:200]})") from None


def _from_bytes(data: bytes, name: str) -> Document:
    suffix = Path(name).suffix.lower()
    sha = hashlib.sha256(data).hexdigest()
    if data[:5] == b"%PDF-" or (suffix == ".pdf" and b"%PDF-" in data[:1024]):
        return _document(_pdf.to_lines(data, name), {}, name, sha, "pdf")
    if suffix == ".pdf":
        raise LoadError(name, "not a readable PDF (no %PDF- header)")
    if data[:2] == b"PK" and suffix not in (".txt", ".md", ".markdown", ".text", *_HTML):
        return _document(_docx.to_lines(data, name), {}, name, sha, "docx")
    if suffix == ".docx":
        raise LoadError(name, "not a readable .docx file (not a zip package)")
    text, encoding = decode(data, name)
    doc = _from_text(text, name)
    return Document(doc.name, doc.text, doc.meta, sha, doc.source, doc.line_offset, encoding, doc.format)


def document_from_text(text: str, name: str = "pasted.txt") -> Document:
    """A Document from text (pasted, or already decoded): page source, markdown or plain text.

    Front matter is parsed and blanked out, so plain text keeps the file's line numbers (markdown keeps them too,
    up to the first table or grid table, whose alignment rows are dropped and whose wrapped cells are joined)."""
    return _guarded(name, _from_text, text, name)


def _from_text(text: str, name: str) -> Document:
    text = _SURROGATE.sub("\ufffd", text).replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if not text.strip():
        raise LoadError(name, "no text")
    suffix = Path(name).suffix.lower()
    if suffix in _HTML or _html.looks_like_html(text):
        lines, page = _html.to_lines(text)
        if not any(ln.strip() for ln in lines):
            raise LoadError(name, "web page has no readable text")
        return _document(lines, page, name, "", "html")
    meta, body, offset = frontmatter.split(text, name, header=suffix in _MARKDOWN)
    if suffix in _MARKDOWN:
        return _document(markdown.to_lines(body), meta, name, "", "markdown", offset)
    return _document(body.split("\n"), meta, name, "", "text", offset)


def _document(lines: list[str], meta: dict, name: str, sha: str, fmt: str, offset: int = 0) -> Document:
    text = "\n".join(lines)
    if not text.strip():
        raise LoadError(name, "no text")
    sha = sha or hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(name=name, text=text, meta=meta, sha256=sha, source="pasted", line_offset=offset, format=fmt)


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 first; a clear fallback for legacy encodings; binary is refused."""
    return decode(data, name)[0]


def _sidecar(path: Path) -> dict:
    for suffix in (".yaml", ".yml"):
        side = path.with_suffix(suffix)
        if side.is_file() and side != path:
            if side.stat().st_size > frontmatter.MAX_FRONT_MATTER_BYTES:
                raise LoadError(path.name, f"sidecar {side.name} is over {frontmatter.MAX_FRONT_MATTER_BYTES // 1024} KB")
            try:
                text = side.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                raise LoadError(path.name, f"sidecar {side.name} is not UTF-8 text") from None
            return frontmatter.sidecar(text, path.name, f"sidecar {side.name}")
    return {}


def is_letter_file(path: Path) -> bool:
    """Letters are text-like files; sidecars (.yaml) and hidden files are not."""
    return path.is_file() and not path.name.startswith(".") and path.suffix.lower() in LETTER_SUFFIXES


def letter_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Expand folders into their letter files (sorted); keep files as given."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(q for q in p.iterdir() if is_letter_file(q)))
        elif p.suffix.lower() in (".yaml", ".yml") and any(
            p.with_suffix(s).is_file() for s in LETTER_SUFFIXES
        ):
            continue  # a sidecar passed along with its letter (e.g. by a shell glob)
        else:
            out.append(p)
    return out


def read_corpus(paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[list[Document], list[LoadProblem]]:
    """Read every letter; a bad file is reported in the problems list and skipped, whatever went wrong."""
    docs: list[Document] = []
    problems: list[LoadProblem] = []
    for p in letter_paths(paths):
        try:
            docs.append(read_document(p, max_bytes=max_bytes))
        except LoadError as e:
            problems.append(LoadProblem(p.name, str(e)))
        except OSError as e:
            problems.append(LoadProblem(p.name, f"{p.name}: cannot read ({e.strerror or e})"))
        except (Exception, RecursionError, MemoryError) as e:  # noqa: BLE001 - one file never stops the corpus
            problems.append(LoadProblem(p.name, f"{p.name}: could not be read ({type(e).__name__})"))
    return docs, problems
