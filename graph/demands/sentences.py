"""Sentences out of OCR'd letter text, each with the 1-based lines it came from.

PDF text arrives wrapped at the page width, with bullets on their own lines (or as private-use
glyphs), numbered recommendations, footnote markers glued to words, words hyphenated at line ends
and page breaks (blank lines) in the middle of sentences. We first glue lines into *segments*
(paragraphs, list items, headings), then cut segments into sentences.

The text of every sentence is a verbatim substring of `flatten(text)`: whitespace collapsed to
one space and a hyphen at the end of a line joined to the next word ("interna-\\ntional" ->
"international"; before a capital the hyphen stays: "Fact-\\nFinding" -> "Fact-Finding").

>>> split_sentences("We urge the UN to act. It must\\nimpose an interna-\\ntional embargo.")
[('We urge the UN to act.', (1,)), ('It must impose an international embargo.', (1, 2, 3))]
>>> [s for s, _ in split_sentences("Asks\\n\\n•\\n\\nRelease all detainees\\n•\\nRestore the internet")]
['Asks', 'Release all detainees', 'Restore the internet']
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from graph.records import Lines

# A line that is only a bullet, or a bare list number ("1." above a section), starts a new item.
_BULLET_ONLY = re.compile(r"^(?:[•\uf0b7\uf0a7\uf076\uf0d8·▪◦‣●■□○\-–*>o]|\(?\d{1,3}[.)]|\(?[a-h][.)])$")
# A bullet glyph or item number at the start of a line that carries text.
_ITEM_START = re.compile(r"^(?:[•\uf0b7\uf0a7\uf076\uf0d8·▪◦‣●■□○*>]\s*|[-–]\s+|o\s+(?=[A-Z])"
                         r"|\(?\d{1,3}[.)]\s+(?=\S)|\(?[a-h][.)]\s+(?=[a-z]))")
_URL = re.compile(r"^(?:https?://|www\.)\S*$", re.I)
# Words a sentence never ends on: a line ending on one continues after a page break.
_OPEN_END = re.compile(r"\b(?:the|a|an|of|to|and|or|in|for|on|by|with|at|from|that|its|their|our|as|is|are|be|can|"
                       r"will|must|should|this|these|which|who|including|into|than)$", re.I)
_TERMINAL = ".!?:;\"”’)]"
HEADING_SPACES = 7  # a heading between sentences is short: fewer spaces (words - 1) than this
BULLET_CHARS = 4  # a bullet or list number alone on its line is this short at most: "•", "12.", "(a)", "(12)"
_HYPHENS = "-\u00ad\u2010"
# Sentence end: . ! ? plus closing quotes/brackets, an optional footnote number, then a capital (also an
# accented one, or after Spanish ¿ ¡ and French «: "... détenus. Évidemment").
_END = re.compile(r"[.!?][\"”’')\]]*\d{0,3}(?=\s+[\"“‘(\[¿¡«]?[A-Z\u00c0-\u00d6\u00d8-\u00de0-9•])")
_ABBREV = re.compile(r"(?:\b(?:no|nos|art|arts|para|paras|vol|e\.g|i\.e|etc|mr|mrs|ms|dr|st|prof|gen|sr|jr|lt|col|"
                     r"u\.s|u\.k|u\.n|v|vs|inc|co|ltd|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|fig|op|cf)"
                     r"|\b[A-Z])\.$", re.I)


@dataclass(frozen=True)
class Sentence:
    text: str
    lines: Lines
    segment: int  # index of the paragraph / list item / heading it belongs to
    item: bool = False  # first sentence of a bulleted or numbered list item
    heading: bool = False
    starts: tuple[int, ...] = ()  # offset in `text` where each of `lines` begins (0 for the first)

    def lines_of(self, lo: int, hi: int) -> Lines:
        """The lines that characters lo..hi of the sentence come from.

        >>> sentences("We urge the\\nCouncil to act\\nnow.")[0].lines_of(12, 19)
        (2,)
        """
        if not self.starts:
            return self.lines
        first = max(bisect_right(self.starts, lo) - 1, 0)
        last = max(bisect_right(self.starts, max(hi - 1, lo)) - 1, first)
        return self.lines[first:last + 1]


def flatten(text: str) -> str:
    """The letter as one line: end-of-line hyphens joined, whitespace collapsed.

    >>> flatten("interna-\\n\\ntional  Fact-\\nFinding\\n mission")
    'international Fact-Finding mission'
    """
    text = re.sub(rf"[{_HYPHENS}][ \t]*\n\s*(?=[a-z])", "", text)
    text = re.sub(rf"(?<=\w)[{_HYPHENS}][ \t]*\n\s*(?=[A-Z0-9])", "-", text)
    return " ".join(text.split())


def _is_heading(line: str, prev_end: str | None, nxt: str | None) -> bool:
    """A short title line between full sentences, e.g. 'Accountability and justice'."""
    return (line.count(" ") < HEADING_SPACES and line[-1] not in _TERMINAL + ",-" and line[0].isupper()
            and (prev_end is None or prev_end in _TERMINAL)
            and (nxt is None or nxt[:1].isupper() or bool(_BULLET_ONLY.match(nxt) or _ITEM_START.match(nxt)))
            and not _OPEN_END.search(line, max(0, len(line) - 16)))  # it ends the line: look only there


_MARK_FIRST = frozenset("•\uf0b7\uf0a7\uf076\uf0d8·▪◦‣●■□○-–*>o(0123456789abcdefgh")
_URL_START = frozenset(("http", "www.", "HTTP", "WWW."))


def _segments(text: str) -> list[tuple[list[str], list[int], list[int], bool, bool]]:
    """Paragraphs, list items and headings as (parts, starts, lines, item, heading): each piece one line's,
    glued as `flatten` glues them; `starts` are the offsets in the segment's text where each piece starts.

    >>> [("".join(parts), lines, item) for parts, _, lines, item, _ in _segments("We urge:\\n\\n• Stop the\\nflow of arms")]
    [('We urge:', [1], False), ('Stop the flow of arms', [3, 4], True)]

    One pass over the lines with the open segment in local variables (`parts` is None when there is
    none): this runs on every line of every letter, signatory lists included, so it is kept tight.
    """
    stripped = [ln.strip() for ln in text.split("\n")]
    n = len(stripped)
    out: list[tuple[list[str], list[int], list[int], bool, bool]] = []
    parts: list[str] | None = None  # the open segment: parts, starts, lines, item, heading, size, tail
    starts: list[int] = []
    lines: list[int] = []
    item = heading = False
    size, tail = 0, ""  # tail: its last two characters, for hyphen joins
    blank_before = True
    pending_item: str | bool = False

    def following(i: int) -> str | None:  # the next non-blank line within two
        return (stripped[i + 1] if i + 1 < n else "") or (stripped[i + 2] if i + 2 < n else "") or None

    for i, line in enumerate(stripped):
        if not line:
            blank_before = True
            continue
        first = line[0]
        marked = False
        m = None
        if parts is not None and tail[-1:] in _HYPHENS and "a" <= first <= "z":
            # "interna-" + "tional": never a bullet or an item number, whatever it looks like
            piece = " ".join(line.split())
            start_new = False
        else:
            marked = first in _MARK_FIRST
            if marked and len(line) <= BULLET_CHARS and _BULLET_ONLY.match(line):
                # A bare number ("1.") usually numbers a section heading; a glyph starts an item.
                parts, pending_item, blank_before = None, "number" if first.isdigit() else "bullet", True
                continue
            if line[:4] in _URL_START and _URL.match(line):
                parts, blank_before = None, True
                continue
            m = _ITEM_START.match(line) if marked else None
            piece = " ".join((line[m.end():] if m else line).split())  # also odd spaces (U+202F)
            if not piece:
                continue
            prev_end = tail[-1:] if parts is not None else None
            if pending_item == "number" and _is_heading(piece, None, following(i)):
                start_new, new_item = True, False
            elif m or pending_item:
                start_new, new_item = True, True
            elif parts is None or heading:
                start_new, new_item = True, False
            elif blank_before:
                # A page break inside a sentence: the paragraph went on unless it had ended.
                last = parts[-1]
                open_end = prev_end in _HYPHENS or _OPEN_END.search(last, max(0, len(last) - 16)) or (
                    prev_end not in _TERMINAL and piece[:1].islower())
                start_new, new_item = not open_end, False
            else:
                start_new, new_item = False, item
                if prev_end in _TERMINAL and _is_heading(piece, prev_end, following(i)):
                    start_new = True
                elif prev_end == ";" and piece[:1].isupper():  # items of a list whose bullets OCR lost
                    start_new = True
            if start_new:
                item = new_item
                heading = not item and (blank_before or (prev_end or ".") in _TERMINAL) and _is_heading(
                    piece, None if blank_before else prev_end, following(i))
                parts, starts, lines, size, tail = [piece], [0], [i + 1], len(piece), piece[-2:]
                out.append((parts, starts, lines, item, heading))
        if not start_new:  # glue the piece on exactly the way `flatten` does
            sep = " "
            if tail[-1:] in _HYPHENS:
                if "a" <= piece[0] <= "z":  # "interna-" + "tional"
                    parts[-1], size, sep = parts[-1][:-1], size - 1, ""
                elif (tail[:1].isalnum() or tail[:1] == "_") and ("A" <= piece[0] <= "Z" or "0" <= piece[0] <= "9"):
                    parts[-1], sep = parts[-1][:-1] + "-", ""  # "Fact-" + "Finding"
            parts.append(sep + piece)
            starts.append(size + len(sep))
            lines.append(i + 1)
            size += len(sep) + len(piece)
            tail = (tail + piece)[-2:] if len(piece) < 2 else piece[-2:]
        pending_item = blank_before = False
    return out


def _cut(text: str) -> list[tuple[int, int]]:
    """Sentence spans inside one segment."""
    spans, start = [], 0
    for m in _END.finditer(text):
        end = m.end()
        if text[m.start()] == "." and _ABBREV.search(text, max(start, m.start() - 6), m.start() + 1):
            continue
        spans.append((start, end))
        start = end + 1 if end < len(text) and text[end] == " " else end
    if start < len(text):
        spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


_new = object.__new__


def _sentence(text: str, lines: Lines, segment: int, item: bool, heading: bool, starts: tuple[int, ...]) -> Sentence:
    """Sentence(...) without the frozen dataclass's slow __init__ (a letter has hundreds of sentences)."""
    s = _new(Sentence)
    s.__dict__.update(text=text, lines=lines, segment=segment, item=item, heading=heading, starts=starts)
    return s


def sentences(text: str) -> list[Sentence]:
    """All sentences of a letter, in order, with segment and list-item information."""
    out = []
    for k, (parts, seg_starts, seg_lines, item, heading) in enumerate(_segments(text)):
        if len(parts) == 1:
            seg_text = parts[0]
            if "." not in seg_text and "!" not in seg_text and "?" not in seg_text:
                # one line, no sentence end (names, headings): _cut would give the whole piece
                out.append(_sentence(seg_text, (seg_lines[0],), k, item, heading, (0,)))
                continue
        else:
            seg_text = "".join(parts)
        for j, (a, b) in enumerate(_cut(seg_text)):
            first = bisect_right(seg_starts, a) - 1
            last = bisect_right(seg_starts, b - 1) - 1
            first = max(first, 0)
            lines = tuple(seg_lines[first:last + 1])
            raw = seg_text[a:b]
            a += len(raw) - len(raw.lstrip())
            starts = (0,) + tuple(x - a for x in seg_starts[first + 1:last + 1])
            out.append(_sentence(raw.strip(), lines, k, item and j == 0, heading, starts))
    return out


def split_sentences(text: str) -> list[tuple[str, Lines]]:
    """(sentence text, 1-based line numbers it spans), in reading order."""
    return [(s.text, s.lines) for s in sentences(text)]
