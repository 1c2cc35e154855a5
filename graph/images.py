"""Still images of the current view (PNG, SVG, PDF) with matplotlib, for reports and partners.

Same layout (graph.view.layout) and colours (graph.style) as the app. Organization names printed
in Myanmar script need a font with Myanmar glyphs: the shipped Padauk (data/fonts, SIL OFL) is
registered with matplotlib and used as a fallback after DejaVu Sans (matplotlib >= 3.6 falls back
glyph by glyph through a list of families).

>>> import networkx as nx
>>> G = nx.DiGraph()
>>> G.add_node("org:a", kind="organization", label="A")
>>> render_image(G, "png", dpi=50)[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
True
"""
from __future__ import annotations

import io
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

import networkx as nx

from .style import SHAPES, Style, degree_size

FONT_DIR = Path(__file__).resolve().parent.parent / "data" / "fonts"
FAMILIES = ["DejaVu Sans", "Padauk"]  # Latin first, Myanmar glyphs from Padauk
FIGSIZE = (12.0, 9.0)  # inches; pixels = FIGSIZE * dpi exactly (no tight bbox)
MAX_LABELS = 25
RASTER_ABOVE = 3000
FORMATS = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}
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


def _short(text: str, n: int = 40) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


def main_nodes(H: nx.DiGraph, k: int = MAX_LABELS) -> list:
    """Nodes worth a label: the k best-connected organizations (or groups), and the letters when
    there are only a few (with many letters their titles would bury the organizations)."""
    deg = dict(H.degree())
    orgs = [n for n, a in H.nodes(data=True) if a.get("kind") in ("organization", "group")]
    letters = [n for n, a in H.nodes(data=True) if a.get("kind") == "letter"]
    top = sorted(orgs, key=lambda n: (-deg[n], str(n)))[:k]
    return top + (letters if len(letters) <= 8 else [])


def render_image(H: nx.DiGraph, fmt: str = "png", dpi: int = 150,
                 positions: Mapping[Any, tuple[float, float]] | None = None, caption: str = "",
                 title: str = "", max_labels: int = MAX_LABELS) -> bytes:
    """The view drawn to bytes in `fmt` (png, svg or pdf); a PNG is FIGSIZE * dpi pixels."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown image format {fmt!r}; choose one of {', '.join(FORMATS)}")
    from matplotlib.collections import LineCollection
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    if positions is None:
        from .view import layout

        positions = layout(H)
    register_fonts()
    style = Style.of(H)
    deg = dict(H.degree())
    max_deg = max(deg.values(), default=0)
    with _LOCK:
        fig = Figure(figsize=FIGSIZE, dpi=dpi, facecolor="white")
        ax = fig.add_axes((0.01, 0.07, 0.80, 0.88 if title else 0.92))  # right column: legend
        ax.set_axis_off()
        # Above RASTER_ABOVE nodes, SVG/PDF keep text as vectors but embed the dots and lines as one
        # picture: 10k nodes as vector shapes made a 14 MB SVG that took 9 s of CPU.
        raster = fmt != "png" and H.number_of_nodes() > RASTER_ABOVE
        segs = [(positions[u], positions[v]) for u, v in H.edges() if u in positions and v in positions]
        if segs:
            lw = 0.4 if len(segs) > 2000 else 0.7
            ax.add_collection(LineCollection(segs, colors="#9a9a9a", linewidths=lw, alpha=0.45, zorder=1,
                                             rasterized=raster))
        by_marker: dict[str, list] = {}
        for n in H:
            if n in positions:
                by_marker.setdefault(style.shape(n).mpl, []).append(n)
        small = len(H) > 2000
        for marker, ns in by_marker.items():
            xs = [positions[n][0] for n in ns]
            ys = [positions[n][1] for n in ns]
            sizes = [degree_size(deg[n], max_deg, 4 if small else 12, 260) for n in ns]
            ax.scatter(xs, ys, s=sizes, c=[style.color(n) for n in ns], marker=marker,
                       linewidths=0.3, edgecolors="white", zorder=2, rasterized=raster)
        top = main_nodes(H, max_labels)
        for n in top:
            if n not in positions:
                continue
            a = H.nodes[n]
            x, y = positions[n]
            text = _short(a.get("label") or n)
            ax.annotate(text, (x, y), xytext=(3, 3), textcoords="offset points",
                        fontsize=degree_size(deg[n], max_deg, 6, 10), fontfamily=family(text), zorder=3,
                        bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.7})
        ax.autoscale_view()
        ax.margins(0.03)
        handles = []
        for text, colour, vis_shape in style.legend():
            marker = next((s.mpl for s in SHAPES.values() if s.vis == vis_shape), "o")
            handles.append(Line2D([], [], linestyle="", marker=marker, color=colour, markersize=7, label=text))
        if handles:
            fig.legend(handles=handles, loc="upper right", bbox_to_anchor=(0.995, 0.97), frameon=True,
                       framealpha=0.9, prop={"family": FAMILIES, "size": 7})
        if title:
            fig.text(0.5, 0.97, title, ha="center", va="top", fontsize=13, fontfamily=family(title))
        caption = caption or str(H.graph.get("view", ""))
        if caption:
            import textwrap

            fig.text(0.01, 0.01, textwrap.fill(caption, 180), ha="left", va="bottom", fontsize=7,
                     color="#444444", fontfamily=family(caption))
        if fmt == "png":
            return _png(fig, dpi)
        buf = io.BytesIO()
        fig.savefig(buf, format=fmt, dpi=dpi, facecolor="white", metadata={"Creator": "Coalition Atlas"})
    return buf.getvalue()


def _png(fig, dpi: int) -> bytes:
    """PNG with a 256-colour palette: zlib on full RGBA took 2.3 s of a 3.2 s 300-dpi export; the
    palette version encodes in ~0.7 s, is half the size, and a network drawing (flat colours,
    antialiased lines) shows no visible loss."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image
    from PIL.PngImagePlugin import PngInfo

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    w, h = canvas.get_width_height()
    img = Image.frombuffer("RGBA", (w, h), canvas.buffer_rgba(), "raw", "RGBA", 0, 1).convert("RGB")
    img = img.quantize(256, method=Image.Quantize.FASTOCTREE)
    info = PngInfo()
    info.add_text("Software", "Coalition Atlas")
    buf = io.BytesIO()
    img.save(buf, "PNG", compress_level=1, dpi=(dpi, dpi), pnginfo=info)
    return buf.getvalue()
