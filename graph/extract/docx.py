"""Word .docx to the reader's plain lines: paragraphs and tables in document order, table rows as " | " lines,
list paragraphs with the bullet or number Word prints before them ("- ", "2. ", "ii. "), indented by level.

The package is read by hand, under limits, rather than through python-docx: a 1 MB zip can inflate to gigabytes,
and python-docx expands a cell's `gridSpan` into that many cell objects (a 37 KB file with gridSpan 1e6 took 77 s).
Here each member's inflated size is checked before it is read, the XML parser resolves no entities and loads
nothing from the network, and a merged cell is one cell whatever its span.
"""
from __future__ import annotations

import io
import zipfile

from lxml import etree

from .errors import LoadError
from .numbering import Numbering

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# The text of any letter fits in a few MB of XML; a member that inflates beyond this is a zip bomb.
MAX_XML_BYTES = 50 * 1024 * 1024
# Real documents compress XML about 5-20 times; a ratio far above that is a bomb.
MAX_RATIO = 200
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)


def to_lines(data: bytes, name: str) -> list[str]:
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        z.getinfo("word/document.xml")
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError, NotImplementedError) as e:
        raise LoadError(name, f"not a readable .docx file ({type(e).__name__})") from None
    root = _xml(z, "word/document.xml", name)
    # the bullets and numbers Word prints before list paragraphs (graph.extract.numbering); a document without
    # these parts has no lists
    numbering = Numbering(_xml(z, "word/styles.xml", name, optional=True),
                          _xml(z, "word/numbering.xml", name, optional=True))
    body = root.find(f"{_W}body")
    body = body if body is not None else []
    numbering.prepare(el for el in body if el.tag == f"{_W}p")
    lines: list[str] = []
    for el in body:
        if el.tag == f"{_W}p":
            lines.extend(_paragraph(el, numbering).split("\n"))
        elif el.tag == f"{_W}tbl":
            lines.extend(_table(el))
    if not any(ln.strip() for ln in lines):
        raise LoadError(name, ".docx has no text")
    return lines


def _xml(z: zipfile.ZipFile, member: str, name: str, optional: bool = False):
    """The parsed XML of one member of the package, each checked for its inflated size before it is read."""
    try:
        info = z.getinfo(member)
    except KeyError:
        if optional:
            return None
        raise LoadError(name, f"not a readable .docx file (no {member})") from None
    if info.file_size > MAX_XML_BYTES or info.file_size > MAX_RATIO * max(info.compress_size, 1) + 1_000_000:
        raise LoadError(name, f".docx text inflates to {info.file_size / 1e6:.0f} MB from "
                              f"{info.compress_size / 1e6:.1f} MB: refused as a zip bomb")
    try:
        with z.open(info) as f:
            xml = f.read(MAX_XML_BYTES + 1)  # the header's size may lie: never read past the limit
        if len(xml) > MAX_XML_BYTES:
            raise LoadError(name, f".docx text is over {MAX_XML_BYTES // 2**20} MB: refused as a zip bomb")
        return etree.fromstring(xml, _PARSER)
    except LoadError:
        raise
    except (etree.XMLSyntaxError, zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as e:
        if optional:
            return None  # a damaged styles or numbering part costs the list markers, not the letter
        raise LoadError(name, f"not a readable .docx file ({type(e).__name__})") from None


def _paragraph(p, numbering: Numbering | None = None) -> str:
    parts = []
    for el in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"):
        if el.tag == f"{_W}t":
            parts.append(el.text or "")
        elif el.tag == f"{_W}tab":
            parts.append("\t")
        else:
            parts.append("\n")
    text = "".join(parts)
    mark = numbering.marker(p) if numbering is not None else ""  # an empty item counts too, as Word counts it
    if mark and text.strip():
        text = mark + text.lstrip()
    return text


def _table(tbl) -> list[str]:
    """One line per row; a one-cell row is just its text. Nested tables are read as their cells' text."""
    out = []
    for tr in tbl.iterchildren(f"{_W}tr"):
        cells = []
        for tc in tr.iterchildren(f"{_W}tc"):
            text = " ".join(" ".join(_paragraph(p).split()) for p in tc.iter(f"{_W}p"))
            cells.append(text.strip())
        cells = [c for c in cells if c]
        if cells:
            out.append(" | ".join(dict.fromkeys(cells)))  # a merged cell repeated across a row counts once
    return out
