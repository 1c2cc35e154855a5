"""Word's list numbering: the bullet or number Word prints before a list paragraph, which the text does not hold.

A .docx list item carries `w:numPr` (a list, `w:numId`, and a level, `w:ilvl`) on the paragraph or on its style
("List Bullet", "List Number 2", through `w:basedOn`); word/numbering.xml says per list and level what is
printed (`w:numFmt` bullet, decimal, lowerRoman ..., `w:lvlText` "%1.", `w:start`) and how far in (`w:ind`).
`Numbering.marker(paragraph)` gives the line's prefix: "- " for a bullet, "3. " or "ii) " for a number counted as
Word counts it, indented two spaces a level, so nested members sit under their umbrella as in a text letter
(graph.extract.signatories.entries reads deeper indentation as membership).

>>> n = Numbering(None, None)
>>> n.marker(None)
''
"""
from __future__ import annotations

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Word's own indentation step between list levels is 360 twips (a quarter inch) or 720: a list paragraph this
# much further in than the shallowest list in the document is one level deeper.
LEVEL_TWIPS = 360
MAX_LEVEL = 8  # Word has nine levels, 0-8
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _val(el, path: str) -> str | None:
    found = el.find(path) if el is not None else None
    return found.get(f"{_W}val") if found is not None else None


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def roman(n: int) -> str:
    """Lower-case roman numerals, as Word prints `lowerRoman`.

    >>> roman(4), roman(19)
    ('iv', 'xix')
    """
    out = []
    for value, digits in _ROMAN:
        while n >= value:
            out.append(digits)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa: Word repeats the letter past z."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n)


def _format(n: int, fmt: str) -> str:
    if fmt == "lowerRoman":
        return roman(n)
    if fmt == "upperRoman":
        return roman(n).upper()
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    return str(n)  # decimal, and formats in other scripts, whose digits the reader would not know


class Numbering:
    """The numbering of one document, read from word/styles.xml and word/numbering.xml (either may be None)."""

    def __init__(self, styles, numbering) -> None:
        self._styles: dict[str, tuple[str | None, str | None, str | None, int | None]] = {}
        for st in (styles.iterfind(f"{_W}style") if styles is not None else ()):
            ppr = st.find(f"{_W}pPr")
            self._styles[st.get(f"{_W}styleId", "")] = (
                _val(ppr, f"{_W}numPr/{_W}numId"), _val(ppr, f"{_W}numPr/{_W}ilvl"), _val(st, f"{_W}basedOn"),
                _int(ppr.find(f"{_W}ind").get(f"{_W}left")
                     if ppr is not None and ppr.find(f"{_W}ind") is not None else None, -1))
        abstract: dict[str, dict[int, tuple[str, str, int, int]]] = {}
        self._lists: dict[str, dict[int, tuple[str, str, int, int]]] = {}
        if numbering is not None:
            for a in numbering.iterfind(f"{_W}abstractNum"):
                abstract[a.get(f"{_W}abstractNumId", "")] = {
                    _int(lvl.get(f"{_W}ilvl"), 0): self._level(lvl) for lvl in a.iterfind(f"{_W}lvl")}
            for num in numbering.iterfind(f"{_W}num"):
                levels = dict(abstract.get(_val(num, f"{_W}abstractNumId") or "", {}))
                for ov in num.iterfind(f"{_W}lvlOverride"):
                    k = _int(ov.get(f"{_W}ilvl"), 0)
                    if ov.find(f"{_W}lvl") is not None:
                        levels[k] = self._level(ov.find(f"{_W}lvl"))
                    start = _val(ov, f"{_W}startOverride")
                    if start is not None and k in levels:
                        levels[k] = levels[k][:2] + (_int(start, 1),) + levels[k][3:]
                self._lists[num.get(f"{_W}numId", "")] = levels
        self._counts: dict[str, list[int]] = {}
        self._base: int | None = None  # the shallowest list indentation in the document (set by `prepare`)

    @staticmethod
    def _level(lvl) -> tuple[str, str, int, int]:
        ind = lvl.find(f"{_W}pPr/{_W}ind")
        return (_val(lvl, f"{_W}numFmt") or "decimal", _val(lvl, f"{_W}lvlText") or "",
                _int(_val(lvl, f"{_W}start"), 1), _int(ind.get(f"{_W}left") if ind is not None else None, -1))

    def _style_num(self, style_id: str | None) -> tuple[str | None, str | None, int]:
        """(numId, ilvl, left indent) a paragraph style gives, following `w:basedOn` (at most ten steps)."""
        num = lvl = None
        left = -1
        for _ in range(10):
            if style_id is None or style_id not in self._styles:
                break
            s_num, s_lvl, based, s_left = self._styles[style_id]
            num, lvl = num or s_num, lvl or s_lvl
            left = left if left >= 0 else s_left
            style_id = based
        return num, lvl, left

    def _item(self, p) -> tuple[str, int, tuple[str, str, int, int], int] | None:
        """(numId, ilvl, level format, left indent in twips) of a list paragraph, None for any other."""
        if p is None:
            return None
        ppr = p.find(f"{_W}pPr")
        s_num, s_lvl, s_left = self._style_num(_val(ppr, f"{_W}pStyle"))
        num = _val(ppr, f"{_W}numPr/{_W}numId") or s_num
        if num is None or num == "0":  # numId 0: numbering switched off on this paragraph
            return None
        ilvl = min(max(_int(_val(ppr, f"{_W}numPr/{_W}ilvl") or s_lvl, 0), 0), MAX_LEVEL)
        level = self._lists.get(num, {}).get(ilvl, ("bullet" if num not in self._lists else "decimal", "", 1, -1))
        ind = ppr.find(f"{_W}ind") if ppr is not None else None
        left = _int(ind.get(f"{_W}left") if ind is not None else None, -1)
        return num, ilvl, level, left if left >= 0 else level[3] if level[3] >= 0 else s_left

    def prepare(self, paragraphs) -> None:
        """Note the shallowest list indentation among the document's paragraphs: depth is counted from it."""
        lefts = [it[3] for it in map(self._item, paragraphs) if it is not None and it[3] >= 0]
        self._base = min(lefts) if lefts else None

    def marker(self, p) -> str:
        """The prefix Word prints before paragraph `p` ('' when it is no list item), counting as Word does."""
        item = self._item(p)
        if item is None:
            return ""
        num, ilvl, (fmt, text, start, _), left = item
        depth = ilvl
        if self._base is not None and left >= 0:
            depth = max(depth, min(MAX_LEVEL, (left - self._base) // LEVEL_TWIPS))
        counts = self._counts.setdefault(num, [0] * (MAX_LEVEL + 1))
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else start
        for k in range(ilvl + 1, MAX_LEVEL + 1):
            counts[k] = 0  # a deeper level starts again under each new item of this one
        pad = "  " * depth
        if fmt in ("bullet", "none") or not text:
            return pad + "- "
        levels = self._lists.get(num, {})
        label = text
        for k in range(MAX_LEVEL, -1, -1):  # "%1.%2." names the counters of the levels above too
            if f"%{k + 1}" in label:
                k_fmt = levels.get(k, (fmt,))[0]
                label = label.replace(f"%{k + 1}", _format(counts[k] or levels.get(k, ("", "", 1))[2], k_fmt))
        return pad + label.strip() + " "
