"""A saved web page's elements as blocks in page order: paragraphs, headings, list items, table rows, and a tab's
label above its panel.

Separate from graph.extract.html, which decides where the article starts and what of the page is furniture: this
walk only writes what is left, block by block, whatever the page is about.
"""
from __future__ import annotations

_BLOCK = frozenset("p div section article main header blockquote address figure figcaption center pre dl dt dd "
                   "ul ol table h1 h2 h3 h4 h5 h6 hr details summary body fieldset".split())
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
# Attributes by which a tab's label names its panel.
_TAB_ATTRS = ("aria-controls", "data-target", "data-tab", "data-category", "data-bs-target", "href")
# A tab's label is short; a longer text that controls a panel is content, not a label.
TAB_LABEL_CHARS = 60
# Elements nested deeper than this (broken or hostile markup) are read as plain text: no recursion overflow.
MAX_DEPTH = 200


def _cell_text(cell) -> str:
    """A table cell's text; lines it breaks (<br>, a paragraph inside it) are joined by "; " as the markdown reader
    joins a grid cell's broken lines: "Name - Country<br>What the group does" keeps the name apart from the
    description that follows (their words glued together were one name)."""
    parts: list[str] = [""]

    def walk(el) -> None:
        parts[-1] += el.text or ""
        for child in el:
            if isinstance(child.tag, str):
                cut = child.tag.lower() == "br" or child.tag.lower() in _BLOCK
                if cut:
                    parts.append("")
                walk(child)
                if cut:
                    parts.append("")
            parts[-1] += child.tail or ""

    walk(cell)
    return "; ".join(t for t in (" ".join(p.split()) for p in parts) if t)


class Walker:
    """Blocks in page order: ("text" | "h1" | "heading" | "item" | "row", line) and ("break", "")."""

    def __init__(self, root):
        self.root = root
        self.out: list[tuple[str, str]] = []
        self.buf: list[str] = []
        self.labels, self.label_els = self._tabs(root)
        self.kind = "text"  # what a <br> inside the current block ends: a title broken by <br> stays a heading

    def blocks(self) -> list[tuple[str, str]]:
        body = self.root.find("body")
        self._walk(body if body is not None else self.root, depth=0)
        self._flush("text")
        return self.out

    def _tabs(self, root) -> tuple[dict[str, str], set]:
        """Tab labels by the panel key they name (an id, or a shared data-* value)."""
        keys: dict[str, set] = {}
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            for attr in ("id", "data-category", "data-tab"):
                if el.get(attr):
                    keys.setdefault(el.get(attr).lstrip("#"), set()).add(el)
        labels, label_els = {}, set()
        for el in root.iter("li", "a", "button", "span"):
            parent = el.getparent()
            if not (el.tag == "li" or el.get("role") == "tab" or el.get("data-toggle") == "tab" or
                    (parent is not None and (parent.tag == "li" or parent.get("role") == "tablist"))):
                continue  # a tab sits in a list of tabs; a lone "#top" or "#comments" link is not one
            for attr in _TAB_ATTRS:
                v = (el.get(attr) or "").lstrip("#")
                if not v or (attr == "href" and not (el.get("href") or "").startswith("#")):
                    continue
                panels = [p for p in keys.get(v, ()) if p is not el and len(p) > 0 and el not in p.iterancestors()
                          and p not in el.iterancestors()]
                text = " ".join(el.text_content().split())
                if panels and text and len(text) < TAB_LABEL_CHARS:
                    labels[v] = text
                    label_els.add(el)
        return labels, label_els

    def _flush(self, kind: str) -> None:
        text = " ".join("".join(self.buf).split())
        self.buf = []
        if text:
            self.out.append((kind, text))

    def _break(self) -> None:
        self._flush("text")
        if self.out and self.out[-1][0] != "break":
            self.out.append(("break", ""))

    def _walk(self, el, depth: int, prefix: str = "") -> None:
        if depth > MAX_DEPTH:  # pathological nesting: the rest of this branch as plain text
            self.buf.append(" " + el.text_content())
            return
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if el in self.label_els:
            return
        key = next((el.get(a) for a in ("id", "data-category", "data-tab") if el.get(a) in self.labels), None)
        if key:
            self._break()
            self.out.append(("heading", self.labels.pop(key)))
            self._break()
        if tag in ("ul", "ol", "dl"):
            self._list(el, tag, depth, prefix)
        elif tag == "table":
            self._table(el, depth)
        elif tag == "br":
            self._flush(self.kind)
        elif tag == "pre":  # preformatted: its lines are the lines
            self._break()
            for line in el.text_content().split("\n"):
                self.out.append(("text", " ".join(line.split())) if line.strip() else ("break", ""))
            self._break()
        elif tag in _BLOCK:
            self._break()
            outer, self.kind = self.kind, "h1" if tag == "h1" else "heading" if tag in _HEADINGS else "text"
            self._inline(el, depth, prefix)
            self._flush(self.kind)
            self.kind = outer
            self._break()
        else:
            self._inline(el, depth, prefix)

    def _inline(self, el, depth: int, prefix: str) -> None:
        if el.text:
            self.buf.append(el.text)
        for child in el:
            self._walk(child, depth + 1, prefix)
            if child.tail:
                self.buf.append(child.tail)

    def _list(self, el, tag: str, depth: int, prefix: str) -> None:
        self._break()
        n = int(el.get("start")) if tag == "ol" and (el.get("start") or "").isdigit() else 1
        for item in el:
            if not isinstance(item.tag, str) or item in self.label_els:
                continue
            mark = f"{n}. " if tag == "ol" else "- "
            if item.tag.lower() in ("li", "dt", "dd"):
                self._flush("text")
                self.buf.append(prefix + mark)
                self._inline(item, depth + 1, prefix + "  ")
                self._flush("item")
                n += 1
            else:
                self._walk(item, depth + 1, prefix)
        self._break()

    def _table(self, el, depth: int) -> None:
        self._break()
        for row in el.iter("tr"):
            cells = []
            for cell in row:
                if isinstance(cell.tag, str) and cell.tag.lower() in ("td", "th"):
                    cells.append(_cell_text(cell))
            if any(cells):
                self.out.append(("row", " | ".join(cells)))
        self._break()
