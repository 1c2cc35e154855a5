"""Ruled tables in a scanned page: the printed rules found in the image, OCR's words put into their cells.

Tesseract reads a page line by line across its whole width, so a table whose cells wrap ("Association for" /
"Progressive Communication" in one cell, "Non-profit" in the next) comes out as lines that mix the cells of one
row, and the reader cannot tell a name from its neighbour cell. A ruled table says where its cells are: long dark
horizontal and vertical runs of pixels. Each word goes into the cell its centre is in; a row is written as the
reader's table row, "cell | cell | cell", with a cell's wrapped lines joined (and lines it breaks before its edge
joined by "; ", as the markdown reader joins a grid cell's broken lines).

Rules are found on the page levelled (`skew`): a scan is a little rotated, and over a page's width 0.7 degrees
moves a rule by 17 pixels, which no row of pixels would show as one run. Only pages with a long vertical run of ink
(`has_uprights`) are levelled; when they hold a table, tesseract reads the levelled page with its rules erased
(`erase_rules`), so its words are where the cells are.
"""
from __future__ import annotations

from dataclasses import dataclass

# A horizontal rule is at least this share of the page's width of dark pixels in one run; a vertical one at least
# this many points high (two and a half lines of 12 pt print: a letter's stroke or a bracket is one line high).
MIN_RULE_WIDTH = 0.2
MIN_RULE_PT = 30
DARK = 128  # grey level (0-255) under which a pixel is ink
GAP_PX = 3  # a rule broken by this many light pixels (a scanner's dropout) is still one rule
# Skew angles tried (degrees): scans are put on the glass by hand, a few degrees at most.
MAX_SKEW = 2.0
SKEW_STEP = 0.1
SKEW_SCALE = 4  # the skew is measured on the page shrunk by this factor: the rows' profile needs no detail


@dataclass(frozen=True)
class Grid:
    xs: tuple[float, ...]  # column edges (the vertical rules), left to right
    ys: tuple[float, ...]  # row edges (the horizontal rules), top to bottom

    def cell(self, w: dict) -> tuple[int, int] | None:
        x, y = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
        if not (self.xs[0] < x < self.xs[-1] and self.ys[0] < y < self.ys[-1]):
            return None
        return (next(k for k in range(len(self.ys) - 1) if y < self.ys[k + 1]),
                next(k for k in range(len(self.xs) - 1) if x < self.xs[k + 1]))


def skew(image) -> float:
    """The angle (degrees, PIL's sense) that levels the page's text lines: the one whose rows' ink profile is the
    sharpest (text lines and the gaps between them most apart)."""
    import numpy as np
    from PIL import Image

    small = image.reduce(SKEW_SCALE)
    best, best_score = 0.0, -1.0
    steps = int(MAX_SKEW / SKEW_STEP)
    for k in range(-steps, steps + 1):
        angle = k * SKEW_STEP
        ink = 255 - np.asarray(small.rotate(angle, resample=Image.BILINEAR, fillcolor=255), dtype=np.float32)
        score = float(np.square(np.diff(ink.sum(axis=1))).sum())
        if score > best_score:
            best, best_score = angle, score
    return best


def erase_rules(image, dpi: int):
    """The page with its rules painted white: tesseract drops whole rows of a table whose text touches rules (a
    table's header and rows were missing where the words between the rules were plain to see)."""
    import numpy as np
    from PIL import Image

    pixels = np.asarray(image).copy()
    ink = pixels < DARK
    for i, s, e in _runs(ink, int(MIN_RULE_WIDTH * ink.shape[1])):
        pixels[max(0, i - 1):i + 2, s:e + 1] = 255
    for i, s, e in _runs(ink.T, int(MIN_RULE_PT * dpi / 72)):
        pixels[s:e + 1, max(0, i - 1):i + 2] = 255
    return Image.fromarray(pixels)


def has_uprights(image, dpi: int) -> bool:
    """The page has a long vertical run of ink (a table's rule survives a scan's skew; text has none): only then
    is the page levelled and searched for tables."""
    import numpy as np

    ink = np.asarray(image) < DARK
    return bool(_runs(ink.T, int(MIN_RULE_PT * dpi / 72)))


def _runs(mask, min_len: int) -> list[tuple[int, int, int]]:
    """(line index, start, end) of every run of True along axis 1 at least min_len long, gaps of GAP_PX bridged."""
    import numpy as np

    out = []
    for i in np.nonzero(mask.sum(axis=1) >= min_len)[0]:
        on = np.nonzero(mask[i])[0]
        cuts = np.nonzero(np.diff(on) > GAP_PX + 1)[0]
        starts = np.concatenate(([on[0]], on[cuts + 1]))
        ends = np.concatenate((on[cuts], [on[-1]]))
        out += [(int(i), int(s), int(e)) for s, e in zip(starts, ends) if e - s >= min_len]
    return out


def _merge(runs: list[tuple[int, int, int]]) -> list[tuple[float, int, int]]:
    """Runs on neighbouring lines (a rule's thickness) as one rule: (middle line, start, end)."""
    rules: list[list] = []
    for i, s, e in sorted(runs):
        near = next((r for r in rules if i - r[1] <= 2 and s < r[3] and e > r[2]), None)
        if near:
            near[1], near[2], near[3] = i, min(near[2], s), max(near[3], e)
        else:
            rules.append([i, i, s, e])
    return [((a + b) / 2, s, e) for a, b, s, e in rules]


def find_grids(image, dpi: int) -> list[Grid]:
    """The ruled tables of a (straightened) page: vertical rules that overlap each other top to bottom, with the
    horizontal rules across them; at least two columns' edges and two rows' edges."""
    import numpy as np

    ink = np.asarray(image) < DARK
    flat = _merge(_runs(ink, int(MIN_RULE_WIDTH * ink.shape[1])))
    upright = _merge(_runs(ink.T, int(MIN_RULE_PT * dpi / 72)))
    line_height = MIN_RULE_PT * dpi / 72 / 2.5  # the tolerance of a rule's ends: about a line of print
    grids = []
    groups: list[list[tuple[float, int, int]]] = []
    for v in sorted(upright, key=lambda v: v[1]):
        group = next((g for g in groups if v[1] < max(u[2] for u in g) and v[2] > min(u[1] for u in g)), None)
        if group is None:
            groups.append([v])
        else:
            group.append(v)
    for g in groups:
        top, bottom = min(v[1] for v in g), max(v[2] for v in g)
        left, right = min(v[0] for v in g), max(v[0] for v in g)
        ys = sorted(y for y, s, e in flat if top - GAP_PX * 2 <= y <= bottom + GAP_PX * 2
                    and s <= left + line_height and e >= right - line_height)
        xs = sorted(v[0] for v in g)
        if len(xs) >= 2 and len(ys) >= 2:
            grids.append(Grid(tuple(xs), tuple(ys)))
    return grids


def _on_rule(w: dict, grid: Grid) -> bool:
    """A vertical rule read as a "word" ("|", "l", "I", "]"): a word of a character or two across a rule."""
    return len(w["text"]) <= 2 and any(w["x0"] - GAP_PX <= x <= w["x1"] + GAP_PX for x in grid.xs)


def _cell_text(words: list[dict], right: float) -> str:
    """A cell's words in reading order; its lines joined by a space where the cell wrapped them (the next line's
    first word would not have fitted before the cell's right edge), else by "; " (a line broken on purpose)."""
    lines: dict[tuple, list[dict]] = {}
    for w in sorted(words, key=lambda w: (w["top"], w["x0"])):
        lines.setdefault(w["line"], []).append(w)
    rows = sorted((sorted(ws, key=lambda w: w["x0"]) for ws in lines.values()), key=lambda r: r[0]["top"])
    chars = sum(len(w["text"]) for w in words)
    cw = sum(w["x1"] - w["x0"] for w in words) / max(chars, 1)
    text = ""
    for k, r in enumerate(rows):
        line = " ".join(w["text"].strip("|") for w in r).strip()
        if k and line:
            fits = (1 + len(r[0]["text"])) * cw <= right - rows[k - 1][-1]["x1"]
            text += "; " if fits else " "
        text += line
    return text


def table_lines(grid: Grid, words: list[dict]) -> list[str]:
    """The table's rows as the reader's table lines ("cell | cell"); rows with no word are left out."""
    cells: dict[tuple[int, int], list[dict]] = {}
    for w in words:
        at = grid.cell(w)
        if at is not None and not _on_rule(w, grid):
            cells.setdefault(at, []).append(w)
    out = []
    for r in range(len(grid.ys) - 1):
        texts = []
        for c in range(len(grid.xs) - 1):
            mine = cells.get((r, c), [])
            pad = min((w["x0"] for w in mine), default=grid.xs[c]) - grid.xs[c]  # the cell's left padding
            texts.append(_cell_text(mine, grid.xs[c + 1] - pad) if mine else "")
        if any(texts):
            out.append(" | ".join(texts))
    return out


def with_tables(words: list[dict], grids: list[Grid], lines_of) -> list[str]:
    """The page's lines: `lines_of(words)` for the text between tables, each table's rows where it stands."""
    out: list[str] = []
    rest = list(words)
    for g in sorted(grids, key=lambda g: g.ys[0]):
        above = [w for w in rest if (w["top"] + w["bottom"]) / 2 < g.ys[0]]
        inside = [w for w in rest if g.ys[0] <= (w["top"] + w["bottom"]) / 2 <= g.ys[-1]]
        rest = [w for w in rest if (w["top"] + w["bottom"]) / 2 > g.ys[-1]]
        for part in (lines_of(above) if above else [], table_lines(g, inside)):
            if part:
                out += ([""] if out else []) + part
    if rest:
        out += ([""] if out else []) + lines_of(rest)
    return out
