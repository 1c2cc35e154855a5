"""Still images: sizes follow dpi, formats open, Myanmar script renders without missing glyphs."""
from __future__ import annotations

import io
import warnings

import pytest
from PIL import Image

from test_view import BURMESE, sample_graph

from graph.images import FIGSIZE, main_nodes, register_fonts, render_image
from graph.view import filter_view, layout


@pytest.mark.parametrize("dpi", [72, 150])
def test_png_pixel_size_follows_dpi(dpi):
    data = render_image(sample_graph(), "png", dpi=dpi)
    img = Image.open(io.BytesIO(data))
    assert img.format == "PNG"
    assert img.size == (round(FIGSIZE[0] * dpi), round(FIGSIZE[1] * dpi))
    # not blank: the drawing uses several colours
    assert len(img.convert("RGB").getcolors(maxcolors=1_000_000) or []) > 20


def test_svg_and_pdf_open():
    G = sample_graph()
    svg = render_image(G, "svg", caption="Test caption")
    assert svg.lstrip().startswith(b"<?xml") and b"<svg" in svg
    pdf = render_image(G, "pdf")
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    with pytest.raises(ValueError):
        render_image(G, "bmp")


def test_myanmar_script_renders_without_missing_glyphs():
    assert "Padauk" in register_fonts()
    G = sample_graph()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns "Glyph ... missing from font(s)"
        data = render_image(G, "png", dpi=60, caption=f"Includes {BURMESE}", max_labels=10)
    assert "org:mm" in main_nodes(G, 10)
    assert Image.open(io.BytesIO(data)).size == (720, 540)


def test_missing_glyph_check_can_fail():
    """The check above is real: without the Padauk fallback, DejaVu alone warns about Myanmar glyphs."""
    from matplotlib.figure import Figure

    fig = Figure()
    fig.text(0.1, 0.5, BURMESE, fontfamily=["DejaVu Sans"])
    with pytest.warns(UserWarning, match="missing from font"):
        fig.savefig(io.BytesIO(), format="png")


def test_same_layout_as_the_app_and_caption_from_view():
    H, info = filter_view(sample_graph(), hide=["org:risk"])
    P = layout(H, seed=0)
    a = render_image(H, "png", dpi=50, positions=P)
    b = render_image(H, "png", dpi=50, positions=P)
    assert a == b  # deterministic for the same view and positions
    assert "withheld on request" in H.graph["view"]


def test_large_views_embed_dots_as_a_picture_in_svg(monkeypatch):
    import graph.images as images

    G = sample_graph()
    assert b"<image" not in render_image(G, "svg")  # small: every dot is a vector shape
    monkeypatch.setattr(images, "RASTER_ABOVE", 5)
    svg = render_image(G, "svg")
    assert b"<image" in svg and b"<svg" in svg
