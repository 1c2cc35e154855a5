"""Printed lines that a PDF or a scan wrapped at the column's edge, joined back into the line that was written.

A web page or a word processor wraps a paragraph to the page: a byline "By A, B, C and D" or a sentence listing
organizations comes out of a PDF (and out of OCR) as several lines, with a name cut across two of them ("Kachin
Development" / "Networking Group"). Text files keep the writer's lines, and the signatory reader is built on those.

A printed line was wrapped when the first word of the next line would not have fitted after it, before the
column's right edge: that is the rule every wrapping program follows. The edge is the column's, found over all its
paragraphs, and trusted only when several lines reach it (a list's longest names alone do not make an edge). A
list printed one name per line leaves room at the end of most lines; its lines are also capitalised names with at most
one comma ("Name, Country"), so a line is joined only in a paragraph of sentences (half its words in lower case) or
when it reads as running text (two commas, a comma or a lower-case word at its end, a next line in lower case).

>>> def row(text, top):  # words 6 pt a character, one space between
...     out, x = [], 0
...     for t in text.split():
...         out.append({"text": t, "x0": x, "x1": x + 6 * len(t), "top": top, "bottom": top + 10})
...         x += 6 * (len(t) + 1)
...     return out
>>> rows = [row("By Alpha Forum, Beta Fund, Sigma", 0), row("Gamma Network and Delta Union,", 12),
...         row("Omega Group and the Kappa Trust", 24), row("Council", 36)]
>>> [" ".join(x["text"] for x in r) for r in unwrap(rows, *column_edge(rows))]
['By Alpha Forum, Beta Fund, Sigma Gamma Network and Delta Union, Omega Group and the Kappa Trust Council']
>>> names = [row("Alpha Forum, Chile", 0), row("Gamma Union, Kenya", 12), row("Delta Group, Haiti", 24)]
>>> len(unwrap(names, *column_edge(names)))
3
"""
from __future__ import annotations

import re

# An edge is the column's only when at least this many lines end at it as wrapped lines do (one long name is not
# an edge; a paragraph wrapped over three lines is).
MIN_EDGE_LINES = 2
# A paragraph is prose when at least this share of its words start in lower case (English or French sentences:
# 0.6-0.7; a list of names, even with "de la" and "for the": under 0.35).
RUNNING_TEXT_LOWER = 0.5
# A space between words, in average character widths: the room a wrapped word would also have needed.
SPACE_CHARS = 1.0
# A next line that starts a list item is never the end of the line before it.
_ITEM = re.compile(r"^(?:[•·▪▫◦‣●○■□\-–—*+>]|\(?\d{1,4}[.)]|\(?[ivx]{1,4}[.)]|\(?[a-z][.)])$")


def _wrapped(prev: list[dict], nxt: list[dict], right: float, cw: float) -> bool:
    """The next line's first word would not have fitted after this line, before the edge."""
    return (SPACE_CHARS + len(nxt[0]["text"])) * cw > right - prev[-1]["x1"]


def column_edge(rows: list[list[dict]]) -> tuple[float, float] | tuple[None, float]:
    """(right edge, average character width) of a column's rows; the edge is None when too few lines end at it
    the way a wrapped line does (a list's longest name alone does not make an edge)."""
    chars = sum(len(w["text"]) for r in rows for w in r)
    cw = sum(w["x1"] - w["x0"] for r in rows for w in r) / max(chars, 1)
    if len(rows) < 2:
        return None, cw
    right = max(r[-1]["x1"] for r in rows)
    reach = sum(_wrapped(a, b, right, cw) for a, b in zip(rows, rows[1:]))
    return (right if reach >= MIN_EDGE_LINES else None), cw


def _prose(rows: list[list[dict]]) -> bool:
    """A paragraph of sentences: half its words or more start in lower case (a list of names: a few "of", "de")."""
    words = [w["text"] for r in rows for w in r]
    return sum(t[:1].islower() for t in words) >= RUNNING_TEXT_LOWER * len(words)


def _running_text(words: list[dict], nxt: dict) -> bool:
    """A line that goes on: a list in the line (two commas), or a comma or a lower-case word at its end."""
    texts = [w["text"] for w in words]
    # commas outside parentheses: "Name, Country" has one, "Name (City, State, Country)" none: list lines
    depth, commas = 0, 0
    for t in texts:
        depth += t.count("(") - t.count(")")
        commas += t.endswith(",") and depth <= 0
    if texts[-1].endswith(")") and nxt["text"][:1].isupper():
        return False  # "... (Cupertino, USA)" then "Next Name": one entry a line
    return commas >= 2 or texts[-1].endswith(",") or texts[-1][:1].islower() or nxt["text"][:1].islower()


def unwrap(rows: list[list[dict]], right: float | None, cw: float) -> list[list[dict]]:
    """Rows of words (one paragraph of one column, top to bottom) with wrapped rows joined to the row before.

    `right`, `cw`: the column's edge and character width (`column_edge`); no edge, no joining."""
    if len(rows) < 2 or right is None:
        return rows
    prose = _prose(rows)
    out = [list(rows[0])]
    for r in rows[1:]:
        prev, first = out[-1], r[0]
        if (_wrapped(prev, r, right, cw) and not _ITEM.match(first["text"]) and not prev[-1]["text"].endswith(":")
                and (prose or _running_text(prev, first))):
            out[-1] = prev + list(r)
        else:
            out.append(list(r))
    return out
