"""Markdown to the reader's plain lines, line by line (a name per line stays a name per line).

>>> to_lines("# Title\\n\\n| Name | Country |\\n|---|---|\\n| [Alpha](http://a.org) | Chile |\\n* Beta &amp; Co")
['Title', '', 'Name | Country', 'Alpha | Chile', '- Beta & Co']
>>> to_lines("+---------+-------+\\n| Alpha   | Chile |\\n| Network |       |\\n+---------+-------+")
['Alpha Network | Chile']
"""
from __future__ import annotations

import html
import re

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
# "Title" underlined by "===" or "---" on the next line (a setext heading)
_SETEXT = re.compile(r"^\s{0,3}(?:=+|-{2,})\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")  # a thematic break: "---", "***", "_ _ _"
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
# "* item", "+ item" and "- item" are all bullets: the reader is given "- item"
_BULLET = re.compile(r"^(\s*)[*+-]\s+(?=\S)")
_ALIGN_ROW = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
# a pandoc grid table's border: "+------+----+" (a header border is drawn with "=")
_GRID_BORDER = re.compile(r"^\s*\+(?:[-=:]+\+)+\s*$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
# links and images: an image is a logo or a photo, never a name; a link is its visible text
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
# Hugo {{< figure >}} and WordPress [caption ...] shortcodes: layout commands of the site, never the letter's words.
_SHORTCODE = re.compile(r"\{\{[<%].*?[%>]\}\}|\[/?(?:caption|embed|gallery|video|audio)\b[^\]]*\]")
_BR = re.compile(r"<br\s*/?>", re.I)
_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>|<!--.*?-->", re.S)
_EMPH = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=[^\s*])([^*]+?)(?<=\S)\*(?![\w*])")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~\"'])")


def to_lines(text: str) -> list[str]:
    """Markdown text (front matter already blanked) to plain lines."""
    lines = _SHORTCODE.sub("", text).split("\n")
    out: list[str] = []
    i, fenced = 0, False
    while i < len(lines):
        line = _QUOTE.sub("", lines[i]) if ">" in lines[i][:4] else lines[i]
        if _FENCE.match(line):
            fenced = not fenced
            i += 1
            continue
        if fenced:
            out.append(line)
        elif _GRID_BORDER.match(line):
            rows, i = _grid_table(lines, i)
            out.extend(rows)
            continue
        elif _REF_DEF.match(line) or (_SETEXT.match(line) and out and out[-1].strip()):
            pass  # a link definition, or the underline of a heading printed above
        elif _RULE.match(line):
            out.append("")
        elif _ALIGN_ROW.match(line) and "|" in line:
            pass
        elif _is_table_row(line, lines, i):
            out.append(" | ".join(_inline(c, in_cell=True).strip() for c in _cells(line)))
        else:
            m = _HEADING.match(line)
            out.extend(_inline(m.group(1) if m else _bullet(line)).split("\n"))
        i += 1
    return out


def _bullet(line: str) -> str:
    return _BULLET.sub(lambda m: m.group(1) + "- ", line, count=1)


def _is_table_row(line: str, lines: list[str], i: int) -> bool:
    """A pipe row of a table: next to an alignment row, or to another pipe row of the same table."""
    s = line.strip()
    if "|" not in s or not (s.startswith("|") or s.endswith("|")):
        return False
    near = [lines[j].strip() for j in (i - 1, i + 1) if 0 <= j < len(lines)]
    return any(n.startswith("|") or _ALIGN_ROW.match(n) for n in near if "|" in n)


def _cells(line: str) -> list[str]:
    s = line.strip()
    s = s[1:] if s.startswith("|") else s
    s = s[:-1] if s.endswith("|") and not s.endswith("\\|") else s
    return [c.replace("\\|", "|").strip() for c in re.split(r"(?<!\\)\|", s)]


def _grid_table(lines: list[str], i: int) -> tuple[list[str], int]:
    """A pandoc grid table from its border at line i: one line per row, each cell's wrapped lines joined."""
    border = lines[i]
    cuts = [k for k, c in enumerate(border) if c == "+"]
    rows, cur = [], None
    i += 1
    while i < len(lines) and (lines[i].lstrip().startswith("|") or _GRID_BORDER.match(lines[i])):
        line = lines[i]
        if _GRID_BORDER.match(line):
            if cur:
                rows.append(cur)
            cur = None
        else:
            parts = _grid_cells(line, cuts)
            cur = parts if cur is None else [a + "\n" + b for a, b in zip(cur, parts)]
        i += 1
    if cur:
        rows.append(cur)
    out = []
    for row in rows:
        cells = [_inline(_join_wrapped(c.split("\n")), in_cell=True).strip() for c in row]
        if any(cells):
            out.append(" | ".join(c for c in cells if c))
    return out, i


def _join_wrapped(pieces: list[str]) -> str:
    """A grid cell's lines as one text. Pandoc pads cells with one space and cuts only a word longer than the
    cell (a URL): a one-word piece that fills the cell joins the next without a space. A trailing backslash is a
    hard break."""
    out, glued = "", False
    for k, raw in enumerate(pieces):
        piece = raw[1:] if raw.startswith(" ") else raw
        text = piece.strip()
        if not text:
            continue
        if out.endswith("\\"):
            out = out[:-1].rstrip() + "; " + text
        elif out and not glued:
            out += " " + text
        else:
            out += text
        glued = len(piece.rstrip()) >= len(piece) - 1 and " " not in text and k + 1 < len(pieces)
    return out.rstrip("\\").strip()


def _grid_cells(line: str, cuts: list[int]) -> list[str]:
    """Cells of one grid-table line, cut where the border has '+' (falls back to splitting at '|')."""
    if len(line.rstrip()) >= cuts[-1] and all(k < len(line) and line[k] == "|" for k in cuts):
        return [line[a + 1:b] for a, b in zip(cuts, cuts[1:])]
    cells = [f" {c}  " for c in _cells(line)]  # padded: never taken for a piece that fills its cell
    return cells + [""] * max(0, len(cuts) - 1 - len(cells))


def _inline(s: str, in_cell: bool = False) -> str:
    """Links to their text, images and tags dropped, entities and escapes decoded, emphasis marks removed."""
    if "[" in s or "<" in s:
        s = _IMAGE.sub("", s)
        s = _LINK.sub(r"\1", s)
        s = _REF_LINK.sub(r"\1", s)
        s = _AUTOLINK.sub(r"\1", s)
        s = _BR.sub(", " if in_cell else "\n", s)
        s = _TAG.sub("", s)
    if "*" in s or "_" in s:
        s = _EMPH.sub(lambda m: m.group(2) or m.group(3), s)
    if "\\" in s:
        s = _ESCAPE.sub(r"\1", s).rstrip("\\")
    return html.unescape(s) if "&" in s else s
