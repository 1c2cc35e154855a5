"""Still images of a view (PNG, SVG, PDF) fit to publish: journal column widths with readable
point sizes, a title and a caption, labels that never overlap (graph.draw.labels), and the app's layout
and colours (graph.network.cosignature.positions, graph.draw.style).

- Sizes: a single column is 89 mm wide, a double column 183 mm; fonts are set in points at that
  size (5.5-9 pt), so the printed figure reads as designed; a PNG has width * dpi pixels.
- Text is plain text: mathtext is off, so a title like "Cut $x^$ now" is drawn as written.
- SVG keeps text as <text> (selectable, editable); PDF embeds TrueType (Type 42) fonts, Myanmar
  script included (the shipped Padauk, data/fonts, is a fallback after DejaVu Sans), and each text
  carries itself as /ActualText so Burmese copies out as written (graph.draw.pdftext).
- The same view gives the same bytes: no dates in the metadata, fixed SVG ids.

>>> import networkx as nx
>>> G = nx.DiGraph()
>>> G.add_node("org:a", kind="organization", label="A")
>>> render_image(G, "png", dpi=50)[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
True
"""
from __future__ import annotations

import io
import math
import textwrap
import threading
from functools import lru_cache
from typing import Any, Mapping

import networkx as nx
import numpy as np

from graph.draw.labels import GAP_PT, leader_end, place
from graph.draw.pdftext import BACKEND as PDF_BACKEND
from graph.paths import ROOT
from graph.draw.style import SHAPES, Style, degree_size
from graph.kinds import NodeKind

FONT_DIR = ROOT / "data" / "fonts"
FAMILIES = ["DejaVu Sans", "Padauk"]  # Latin first, Myanmar glyphs from Padauk
FORMATS = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}
WIDTH_MM = {"single": 89.0, "double": 183.0}  # journal column widths (Nature, Science, PNAS: 85-89 / 174-183)
# Points at print size: 5 pt is the smallest most journals accept for labels.
POINTS = {"single": {"label": 5.0, "title": 8.0, "caption": 6.0, "legend": 5.5},
          "double": {"label": 6.0, "title": 9.0, "caption": 7.0, "legend": 6.5}}
DRAWING_ASPECT = 0.72  # height / width of the network drawing itself
MUST_LABEL = (NodeKind.DEMAND, NodeKind.GROUP, NodeKind.LETTER_GROUP, NodeKind.DEMAND_GROUP)  # few, and meaningless without a name
DENSE_EDGES = 2000  # more edges than this are drawn thinner, so the nodes are not buried under them
MUST_LETTERS = 12  # up to this many letters, each is labelled; beyond, they compete like organizations
MAX_LABELS = {"single": 40, "double": 90}  # optional labels tried; the collision check keeps what fits
LABEL_HALO = 0.08  # white box behind a label (fraction of font size, within labels.GAP_PT): readable over lines
LABEL_CHARS = 40  # longer names are cut with "…" (the full name is in the data exports)
RASTER_ABOVE = 3000  # SVG/PDF draw dots and lines as one embedded picture beyond this many nodes
RC = {"pdf.fonttype": 42, "ps.fonttype": 42, "svg.fonttype": "none", "svg.hashsalt": "coalition-atlas",
      "text.parse_math": False, "text.usetex": False, "font.family": FAMILIES}
_LOCK = threading.Lock()  # matplotlib's font cache and text layout are not thread-safe


@lru_cache(maxsize=1)
def register_fonts() -> tuple[str, ...]:
    """Add the shipped fonts to matplotlib once; returns the family names registered."""
    from matplotlib import font_manager

    names = []
    for path in sorted(FONT_DIR.glob("*.ttf")):
        font_manager.fontManager.addfont(str(path))
        names.append(font_manager.FontProperties(fname=str(path)).get_name())
    return tuple(dict.fromkeys(names))


def family(text: str) -> list[str] | str:
    """Font family for one text: the fallback chain only when a non-Latin character needs it
    (a fallback chain costs about twice the layout time of a single font).

    >>> family("Burma Campaign UK"), family("မြန်မာ")
    ('DejaVu Sans', ['DejaVu Sans', 'Padauk'])
    """
    return FAMILIES if any(ord(c) > 0x2FF for c in text) else FAMILIES[0]


def short(text: Any, n: int = LABEL_CHARS) -> str:
    """One line of at most n characters.

    >>> short("Open letter on the need\\nfor urgent action", 20)
    'Open letter on the …'
    """
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


def label_order(H: nx.Graph, k: int) -> list[tuple[Any, bool]]:
    """(node, must) in the order labels are placed: demands and super-nodes (must), then letters
    (must when few), then the k best-connected organizations that have a link; ties broken by id
    (reproducible)."""
    deg = dict(H.degree())
    kind = dict(H.nodes(data="kind"))
    rank = lambda n: (-deg[n], str(n))  # noqa: E731
    must = sorted((n for n in H if kind.get(n) in MUST_LABEL), key=rank)
    letters = sorted((n for n in H if kind.get(n) == NodeKind.LETTER), key=rank)
    orgs = sorted((n for n in H if kind.get(n) not in MUST_LABEL and kind.get(n) != NodeKind.LETTER and deg[n]),
                  key=rank)[:k]  # an organization with no tie in the view is not worth a name over one with
    few = len(letters) <= MUST_LETTERS
    return [(n, True) for n in must] + [(n, few) for n in letters] + [(n, False) for n in orgs]


def figure_size(width: str, n_legend: int, caption: str, title: str) -> tuple[float, dict]:
    """Figure height (inches) for a journal width, and the height of each block (title, drawing,
    legend, caption), so nothing is cut and the drawing keeps its aspect."""
    w = WIDTH_MM[width] / 25.4
    pt = POINTS[width]
    per_line = lambda size: max(20, int(w * 72 / (0.55 * size)))  # noqa: E731 - chars that fit a line
    title_lines = textwrap.wrap(title, per_line(pt["title"])) if title else []
    caption_lines = textwrap.wrap(caption, per_line(pt["caption"])) if caption else []
    cols = 3 if width == "single" else 5
    blocks = {"title": len(title_lines) * pt["title"] * 1.35 / 72 + (0.06 if title else 0),
              "drawing": w * DRAWING_ASPECT,
              "legend": math.ceil(n_legend / cols) * pt["legend"] * 1.9 / 72 + 0.04,
              "caption": len(caption_lines) * pt["caption"] * 1.35 / 72 + 0.08}
    return sum(blocks.values()), {**blocks, "title_text": "\n".join(title_lines),
                                  "caption_text": "\n".join(caption_lines), "cols": cols}


def draw(H: nx.Graph, positions: Mapping[Any, tuple[float, float]] | None = None, caption: str = "",
         title: str = "", width: str = "double", dpi: int = 150, raster: bool = False):
    """The view as a matplotlib Figure (no pyplot); label texts carry gid "label".
    Call inside `rc_context(RC)` (render_image does)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    if width not in WIDTH_MM:
        raise ValueError(f"unknown width {width!r}; choose one of {', '.join(WIDTH_MM)}")
    if positions is None:
        from graph.network.cosignature import positions as layout

        positions = layout(H)
    register_fonts()
    style = Style.of(H)
    legend = style.legend(max_groups=9 if width == "single" else 12)
    caption = caption or str(H.graph.get("view", ""))
    height, b = figure_size(width, len(legend), caption, title)
    pt = POINTS[width]
    fig = Figure(figsize=(WIDTH_MM[width] / 25.4, height), dpi=dpi, facecolor="white")
    canvas = FigureCanvasAgg(fig)
    frac = lambda inches: inches / height  # noqa: E731
    ax = fig.add_axes((0.01, frac(b["caption"] + b["legend"]), 0.98, frac(b["drawing"])))
    area = _network(ax, H, style, positions, WIDTH_MM[width] / 25.4, raster)
    _labels(fig, ax, canvas, H, positions, area, pt["label"], MAX_LABELS[width])
    _legend(fig, legend, pt["legend"], b["cols"], frac(b["caption"]))
    if b["title_text"]:
        fig.text(0.01, 1 - frac(0.04), b["title_text"], ha="left", va="top", fontsize=pt["title"],
                 fontweight="bold", fontfamily=family(title), parse_math=False)
    if b["caption_text"]:
        fig.text(0.01, frac(0.04), b["caption_text"], ha="left", va="bottom", fontsize=pt["caption"],
                 color="#333333", fontfamily=family(caption), parse_math=False)
    return fig


def _network(ax, H: nx.Graph, style: Style, positions, width_in: float, raster: bool) -> dict[Any, float]:
    """Edges and dots on `ax` (limits fixed first, so labels can be placed in display units);
    returns each dot's area in pt²."""
    from matplotlib.collections import LineCollection

    ax.set_axis_off()
    nodes = [n for n in H if n in positions]
    xy = np.array([positions[n] for n in nodes], dtype=float).reshape(-1, 2)
    lo, hi = (xy.min(axis=0), xy.max(axis=0)) if len(xy) else (np.array([-1, -1]), np.array([1, 1]))
    span = np.maximum(hi - lo, 1e-6)
    ax.set_xlim(lo[0] - 0.04 * span[0], hi[0] + 0.04 * span[0])
    ax.set_ylim(lo[1] - 0.04 * span[1], hi[1] + 0.04 * span[1])
    segs = [(positions[u], positions[v]) for u, v in H.edges() if u in positions and v in positions]
    if segs:
        ax.add_collection(LineCollection(segs, colors="#9a9a9a", linewidths=0.3 if len(segs) > DENSE_EDGES else 0.5,
                                         alpha=0.5, zorder=1, rasterized=raster))
    deg = dict(H.degree())
    top = max(deg.values(), default=0)
    scale = (width_in / 7.2) ** 2  # dot areas (pt²) were designed for a 7.2 in wide figure
    area = {n: degree_size(deg[n], top, 3 * scale + 1, 180 * scale) for n in nodes}
    by_marker: dict[str, list] = {}
    for n in nodes:
        by_marker.setdefault(style.shape(n).mpl, []).append(n)
    for marker, ns in by_marker.items():
        ax.scatter([positions[n][0] for n in ns], [positions[n][1] for n in ns], s=[area[n] for n in ns],
                   c=[style.color(n) for n in ns], marker=marker, linewidths=0.25, edgecolors="white",
                   zorder=2, rasterized=raster)
    return area


def _legend(fig, rows: list[tuple[str, str, str]], size: float, cols: int, top: float) -> None:
    """The colour groups and node types (style.legend) in `cols` columns under the drawing."""
    from matplotlib.lines import Line2D

    markers = {s.vis: s.mpl for s in reversed(SHAPES.values())}
    handles = [Line2D([], [], linestyle="", marker=markers.get(shape, "o"), color=colour, markersize=size * 0.9,
                      label=text) for text, colour, shape in rows]
    if handles:
        leg = fig.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.01, top), ncol=cols, frameon=False,
                         prop={"family": FAMILIES, "size": size}, handletextpad=0.2, columnspacing=0.8,
                         borderaxespad=0.0, borderpad=0.1)
        for t in leg.get_texts():
            t.set_parse_math(False)


def _labels(fig, ax, canvas, H, positions, area, size: float, k: int) -> None:
    """Place (graph.draw.labels) and draw the labels at `size` points."""
    renderer = canvas.get_renderer()
    px_per_pt = fig.dpi / 72
    centre = {n: ax.transData.transform(positions[n]) for n in H if n in positions}
    radius = {n: math.sqrt(area[n]) / 2 * px_per_pt for n in centre}
    texts, items = {}, []
    for n, must in label_order(H, k):
        if n not in centre:
            continue
        texts[n] = short(H.nodes[n].get("label") or n)
        t = ax.text(0, 0, texts[n], fontsize=size, fontfamily=family(texts[n]), parse_math=False, va="bottom")
        box = t.get_window_extent(renderer)  # measured once; placing only moves it
        t.remove()
        items.append((n, *centre[n], box.width, box.height, radius[n], must))
    dots = np.array([[x - radius[n], y - radius[n], x + radius[n], y + radius[n]] for n, (x, y) in centre.items()],
                    dtype=float).reshape(-1, 4)
    fb = ax.bbox
    inv = ax.transData.inverted()
    for p in place(items, (fb.x0, fb.y0, fb.x1, fb.y1), dots, GAP_PT * px_per_pt):
        # va="bottom" anchors the lower edge of the text extent: the box the collision check used.
        x, y = inv.transform((p.x, p.y))
        ax.text(x, y, texts[p.node], fontsize=size, fontfamily=family(texts[p.node]), parse_math=False,
                zorder=4, ha="left", va="bottom", gid="label", color="#111111",
                bbox={"boxstyle": f"square,pad={LABEL_HALO}", "fc": "white", "ec": "none", "alpha": 0.75})
        if p.leader:
            end = leader_end(*centre[p.node], (p.x, p.y, p.x + p.width, p.y + p.height))
            ax.plot(*zip(positions[p.node], inv.transform(end)), color="#777777", linewidth=0.3, zorder=3)


def render_image(H: nx.Graph, fmt: str = "png", dpi: int = 150,
                 positions: Mapping[Any, tuple[float, float]] | None = None, caption: str = "",
                 title: str = "", width: str = "double") -> bytes:
    """The view drawn to bytes in `fmt` (png, svg or pdf); rasters (PNG, and the dots of a very
    large view in SVG/PDF) at `dpi`."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown image format {fmt!r}; choose one of {', '.join(FORMATS)}")
    from matplotlib import rc_context

    with _LOCK, rc_context(RC):
        fig = draw(H, positions, caption, title, width, dpi, raster=fmt != "png" and len(H) > RASTER_ABOVE)
        if fmt == "png":
            return _png(fig, dpi)
        buf = io.BytesIO()
        meta = {"Creator": "Coalition Atlas", "Date": None} if fmt == "svg" else {
            "Creator": "Coalition Atlas", "CreationDate": None}
        backend = {"pdf": PDF_BACKEND}.get(fmt)  # PDF text copies out as written (graph.draw.pdftext)
        fig.savefig(buf, format=fmt, dpi=dpi, facecolor="white", metadata=meta, backend=backend)
    return buf.getvalue()


def _png(fig, dpi: int) -> bytes:
    """PNG with a 256-colour palette: zlib on full RGBA took 2.3 s of a 3.2 s 300-dpi export; the
    palette version encodes in ~0.7 s, is half the size, and a network drawing (flat colours,
    antialiased lines) shows no visible loss."""
    from PIL import Image
    from PIL.PngImagePlugin import PngInfo

    canvas = fig.canvas
    canvas.draw()
    w, h = canvas.get_width_height()
    img = Image.frombuffer("RGBA", (w, h), canvas.buffer_rgba(), "raw", "RGBA", 0, 1).convert("RGB")
    img = img.quantize(256, method=Image.Quantize.FASTOCTREE)
    info = PngInfo()
    info.add_text("Software", "Coalition Atlas")
    buf = io.BytesIO()
    img.save(buf, "PNG", compress_level=1, dpi=(dpi, dpi), pnginfo=info)
    return buf.getvalue()
