"""Reading letters from disk: the only place the pipeline touches letter files.

Every failure is a LoadError whose message names the file and says what to do, so one bad
file can be reported and skipped while the rest of the corpus loads.

>>> doc = document_from_text("---\\ndate: 2021-02-05\\n---\\nHello\\n", "x.md")
>>> doc.meta["date"], doc.text.splitlines()[3]
('2021-02-05', 'Hello')
"""
from __future__ import annotations

import hashlib
import io
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import yaml

from .records import Document

DEFAULT_MAX_BYTES = int(os.environ.get("ATLAS_MAX_BYTES", 20 * 1024 * 1024))
LETTER_SUFFIXES = (".txt", ".md", ".markdown", ".pdf", ".docx", ".text")
_FRONT = re.compile(r"\A\ufeff?---[ \t]*\n(.*?\n)?---[ \t]*(\n|\Z)", re.S)


class LoadError(ValueError):
    """A file that cannot be read as a letter. The message names the file."""

    def __init__(self, name: str, message: str):
        self.name = name
        super().__init__(f"{name}: {message}")


@dataclass(frozen=True)
class LoadProblem:
    name: str
    message: str


def read_document(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read a .txt/.md/.pdf/.docx letter, with front matter and an optional sidecar NAME.yaml."""
    path = Path(path)
    name = path.name
    if not path.is_file():
        raise LoadError(name, "no such file")
    size = path.stat().st_size
    if size > max_bytes:
        raise LoadError(name, f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit "
                              "(set ATLAS_MAX_BYTES to raise it)")
    data = path.read_bytes()
    doc = document_from_bytes(data, name, max_bytes=max_bytes)
    sidecar = _sidecar(path)
    if sidecar:
        meta = {**sidecar, **doc.meta}  # front matter wins over the sidecar
        doc = Document(doc.name, doc.text, meta, doc.sha256, str(path), doc.line_offset)
    else:
        doc = Document(doc.name, doc.text, doc.meta, doc.sha256, str(path), doc.line_offset)
    return doc


def document_from_bytes(data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Decode an uploaded or stored file by its name's suffix."""
    if len(data) > max_bytes:
        raise LoadError(name, f"file is {len(data) / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit")
    if not data.strip():
        raise LoadError(name, "file is empty")
    suffix = Path(name).suffix.lower()
    if suffix == ".pdf" or data[:5] == b"%PDF-":
        text = _pdf_text(data, name)
    elif suffix == ".docx" or (data[:2] == b"PK" and suffix not in (".txt", ".md")):
        text = _docx_text(data, name)
    else:
        text = decode_text(data, name)
    doc = document_from_text(text, name)
    return Document(doc.name, doc.text, doc.meta, hashlib.sha256(data).hexdigest(), doc.source, doc.line_offset)


def document_from_text(text: str, name: str = "pasted.txt") -> Document:
    """A Document from text (pasted, or already decoded). Front matter is parsed and blanked out,
    so line numbers in Document.text are the file's own line numbers."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if not text.strip():
        raise LoadError(name, "no text")
    meta: dict = {}
    offset = 0
    m = _FRONT.match(text)
    if m:
        try:
            loaded = yaml.safe_load(m.group(1) or "") or {}
        except yaml.YAMLError as e:
            mark = getattr(e, "problem_mark", None)
            at = f" at line {mark.line + 2}" if mark else ""
            raise LoadError(name, f"front matter is not valid YAML{at}: {getattr(e, 'problem', e)}") from None
        if not isinstance(loaded, dict):
            raise LoadError(name, "front matter must be a mapping of keys to values (title:, date:, ...)")
        meta = _plain(loaded)
        offset = m.group(0).count("\n")
        text = "\n" * offset + text[m.end():]
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(name=name, text=text, meta=meta, sha256=sha, source="pasted", line_offset=offset)


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 first; a clear fallback for legacy encodings; binary is refused."""
    head = data[:8192]
    if b"\x00" in head and not (head.startswith(b"\xff\xfe") or head.startswith(b"\xfe\xff")):
        raise LoadError(name, "looks like a binary file, not text (expected .txt, .md, .pdf or .docx)")
    for enc in ("utf-8-sig", "utf-16") if head[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig",):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            pass
    try:
        # Letters are mostly in Latin script; Windows-1252 is by far the commonest legacy encoding.
        return data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        return str(best)
    return data.decode("cp1252", errors="replace")


def _pdf_text(data: bytes, name: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception:  # noqa: BLE001 - pypdf raises several types for unsupported crypto
                ok = 0
            if not ok:
                raise LoadError(name, "PDF is encrypted (password protected); save an unencrypted copy")
        pages = [page.extract_text() or "" for page in reader.pages]
    except LoadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError) as e:
        raise LoadError(name, f"not a readable PDF ({e})") from None
    text = "\n".join(pages)
    if not text.strip():
        raise LoadError(name, "PDF has no text layer (scanned images only): it needs OCR first")
    return text


def _docx_text(data: bytes, name: str) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        d = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as e:
        raise LoadError(name, f"not a readable .docx file ({e})") from None
    except Exception as e:  # noqa: BLE001 - zipfile.BadZipFile and friends
        raise LoadError(name, f"not a readable .docx file ({type(e).__name__})") from None
    lines = [p.text for p in d.paragraphs]
    for table in d.tables:  # signatory lists are often tables
        for row in table.rows:
            cells = [c.text.strip() for c in row.cells if c.text.strip()]
            lines.extend(dict.fromkeys(cells))
    text = "\n".join(lines)
    if not text.strip():
        raise LoadError(name, ".docx has no text")
    return text


def _sidecar(path: Path) -> dict:
    for suffix in (".yaml", ".yml"):
        side = path.with_suffix(suffix)
        if side.is_file() and side != path:
            try:
                data = yaml.safe_load(side.read_text(encoding="utf-8")) or {}
            except (yaml.YAMLError, UnicodeDecodeError) as e:
                raise LoadError(path.name, f"sidecar {side.name} is not valid YAML: {e}") from None
            if not isinstance(data, dict):
                raise LoadError(path.name, f"sidecar {side.name} must be a mapping of keys to values")
            return _plain(data)
    return {}


def _plain(mapping: dict) -> dict:
    """YAML turns 2021-02-05 into a date object; letters keep ISO strings."""
    import datetime as dt

    return {str(k): (v.isoformat()[:10] if isinstance(v, (dt.date, dt.datetime)) else v) for k, v in mapping.items()}


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
    """Read every letter; a bad file is reported in the problems list and skipped."""
    docs: list[Document] = []
    problems: list[LoadProblem] = []
    for p in letter_paths(paths):
        try:
            docs.append(read_document(p, max_bytes=max_bytes))
        except LoadError as e:
            problems.append(LoadProblem(p.name, str(e)))
        except OSError as e:
            problems.append(LoadProblem(p.name, f"{p.name}: cannot read ({e.strerror or e})"))
    return docs, problems
