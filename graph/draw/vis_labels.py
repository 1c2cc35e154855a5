"""Which nodes of the interactive drawing (vis-network) get a printed name, and from which zoom on.

vis-network draws a node's label centred under it. `choose` goes through the candidates by importance and
keeps a label only if its box (estimated from the text and the font size) touches no kept label and no
other node. The page (graph.draw.render) draws every label at one size on screen whatever the zoom, so
in drawing units a label is `font / level` at `level` times the zoom where `font` reads well: zooming in,
names shrink while the nodes spread apart, and more fit; on a small screen the drawing is fitted at a
fraction of that zoom, names are drawn bigger than `font` and fewer fit. `zoom_levels` gives each label
the first level of ZOOMS at which it fits beside all the labels of lower levels; the page shows it from
there. The rest show their name on hover.

>>> pos = {"a": (0, 0), "b": (100, 20), "c": (0, 200)}  # b's label would run into a's
>>> items = [Label("a", "Burma Campaign UK", 14, 10, 3), Label("b", "Fortify Rights", 14, 10, 2),
...          Label("c", "Progressive Voice", 14, 10, 1)]
>>> sorted(choose(items, pos))
['a', 'c']
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

import numpy as np

WIDE = 0.78  # width of an upper-case letter or digit, in font sizes (DejaVu Sans, Chromium's sans-serif)
NARROW = 0.64  # any other character (average lower-case is ~0.55: this errs on the wide side)
LINE = 1.3  # label height in font sizes, with vis' 3-unit white stroke around the glyphs
MARGIN = 3.0  # drawing units kept between two labels, and between a label and a node
LABEL_CHARS = 24  # longer names are cut with "…" (or replaced by an acronym): a long name covers a cluster
MAX_CANDIDATES = 400  # beyond this many labels on one screen, nobody reads them anyway
# Levels (times the zoom at which `font` is read at its size) at which more labels appear: below 1 for a
# phone, whose frame fits a wide drawing at a fifth to a third of a desktop's zoom (names drawn up to 8x
# bigger in drawing units, so they stay readable); steps of sqrt(2), so a phone's fit is never far above
# one; beyond 8x few nodes are left.
ZOOMS = (0.125, 0.18, 0.25, 0.35, 0.5, 0.71, 1.0, 1.41, 2.0, 2.83, 4.0, 5.66, 8.0)
VIEW_EXTENT = 700.0  # drawing units that fit the 720 px frame at zoom 1


@dataclass(frozen=True)
class Label:
    node: Any
    text: str
    font: float  # font size in drawing units
    radius: float  # the node's radius: the label starts under it
    priority: float  # higher is labelled first
    always: bool = False  # the searched node and super-nodes: labelled even over a small node


def shorten(text: str, n: int = LABEL_CHARS) -> str:
    """One line, at most n characters (a letter with its combining marks counts once, and is never split).

    >>> shorten("Asian Forum for Human Rights and Development", 20), shorten("မြန်မာ အမျိုးသမီး အဖွဲ့ချုပ်", 10)
    ('Asian Forum for Hum…', 'မြန်မာ အမျိုးသမီး…')
    """
    s = " ".join(str(text).split())
    base = [i for i, c in enumerate(s) if not unicodedata.category(c).startswith("M")]  # marks join a letter
    return s if len(base) <= n else s[: base[n - 1]].rstrip() + "…"


def text_width(text: str, font: float) -> float:
    """Estimated drawn width of one line of text (errs on the wide side)."""
    return font * sum(WIDE if (c.isupper() or c.isdigit() or not c.isascii()) else NARROW for c in text)


def label_scale(pos: Mapping[Any, tuple[float, float]]) -> float:
    """How much bigger than LABEL_FONT labels are drawn, so they read at about 14 px once vis fits the
    drawing into its frame: a drawing VIEW_EXTENT units tall (or 1.6 times as wide) is shown at 1:1.

    >>> label_scale({1: (0, 0), 2: (0, 1400)}), label_scale({1: (0, 0), 2: (300, 0)})
    (2.0, 1.0)
    """
    if len(pos) < 2:
        return 1.0
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    extent = max((max(xs) - min(xs)) / 1.6, max(ys) - min(ys))
    return max(1.0, extent / VIEW_EXTENT)


def box(x: float, y: float, item: Label) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of the label drawn under a node at (x, y)."""
    w = text_width(item.text, item.font)
    top = y + item.radius
    return x - w / 2, top, x + w / 2, top + LINE * item.font


def choose(items: Iterable[Label], pos: Mapping[Any, tuple[float, float]],
           radius: Mapping[Any, float] | None = None) -> set:
    """Nodes whose label is drawn: by priority, each label that overlaps no kept label and (unless
    `always`) no node disc (`radius` of every drawn node; default: only the candidates' own)."""
    ranked = sorted((i for i in items if i.text and i.node in pos),
                    key=lambda i: (not i.always, -i.priority, str(i.node)))[:MAX_CANDIDATES]
    radius = dict(radius or {i.node: i.radius for i in ranked})
    others = [n for n in radius if n in pos]
    nxy = np.array([pos[n] for n in others], dtype=float).reshape(-1, 2)
    nr = np.array([radius[n] for n in others], dtype=float)
    kept: list[tuple[float, float, float, float]] = []
    out = set()
    for item in ranked:
        x, y = pos[item.node]
        l, t, r, b = box(x, y, item)
        if any(l < R + MARGIN and L < r + MARGIN and t < B + MARGIN and T < b + MARGIN for L, T, R, B in kept):
            continue
        # nearest point of the box to each node centre; a node (not its own) closer than its radius is covered
        cx, cy = np.clip(nxy[:, 0], l, r), np.clip(nxy[:, 1], t, b)
        near = np.hypot(nxy[:, 0] - cx, nxy[:, 1] - cy) < nr + MARGIN
        if not item.always and near.any() and [others[k] for k in np.flatnonzero(near)] != [item.node]:
            continue
        kept.append((l, t, r, b))
        out.add(item.node)
    return out



def zoom_levels(items: Iterable[Label], pos: Mapping[Any, tuple[float, float]],
                radius: Mapping[Any, float] | None = None) -> dict[Any, float]:
    """Node -> the level of ZOOMS from which its label is shown; nodes left out: on hover only. At level z
    every shown label is font / z in drawing units. Level 1 takes the labels that fit by importance; each
    level above chooses again at its size, those already shown first (a smaller box inside a box that
    fitted still fits); each level below 1 keeps those of the level above that still fit at its bigger
    size, by importance, so a phone shows the most important names of a desktop's. Those may cross a small
    node's disc (at a phone's zoom most names would: the white outline keeps them legible), never a name
    and never a super-node or the searched organization (`always`).

    >>> pos = {"a": (0, 0), "b": (100, 20)}
    >>> items = [Label("a", "Burma Campaign UK", 14, 10, 3), Label("b", "Fortify Rights", 14, 10, 2)]
    >>> sorted(zoom_levels(items, pos, {"a": 10, "b": 10}).items())
    [('a', 0.125), ('b', 1.41)]
    """
    items = [i for i in items if i.text and i.node in pos]
    level: dict[Any, float] = {}
    for z in (z for z in ZOOMS if z >= 1):
        if len(level) == len(items):
            break
        scaled = [Label(i.node, i.text, i.font / z, i.radius, i.priority + (1e12 if i.node in level else 0),
                        i.always or i.node in level) for i in items]
        for n in choose(scaled, pos, radius):
            level.setdefault(n, z)
    kept = {n for n, z in level.items() if z == 1}
    radius = dict(radius or {i.node: i.radius for i in items})
    solid = {i.node: radius[i.node] for i in items if i.always and i.node in radius}  # super-nodes: never under a name
    for z in sorted((z for z in ZOOMS if z < 1), reverse=True):
        kept = choose([Label(i.node, i.text, i.font / z, i.radius, i.priority, i.always) for i in items
                       if i.node in kept], pos, solid)
        level.update(dict.fromkeys(kept, z))
    return level
