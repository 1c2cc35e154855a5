"""Images fit to publish: journal widths at the requested dpi, labels that never overlap, text kept as
text (SVG <text>, PDF TrueType fonts, Burmese included), plain text for titles with "$", and the
app's colours."""
from __future__ import annotations

import io
import itertools
import re
import shutil
import subprocess
import warnings

import pytest
from PIL import Image

from test_export import corpora, folders  # noqa: F401 - the module-scoped corpora fixtures
from test_view import BURMESE, sample_graph

from graph.draw.cells import clean_graph
from graph.draw.export import export
from graph.draw.images import MUST_LABEL, RC, WIDTH_MM, draw, register_fonts, render_image
from graph.network.cosignature import positions
from graph.network.view import filter_view


def label_boxes(H, width="double", dpi=150):
    """Window extents of the drawn labels, measured as matplotlib renders the PNG."""
    from matplotlib import rc_context

    with rc_context(RC):
        fig = draw(H, positions(H), width=width, dpi=dpi)
        renderer = fig.canvas.get_renderer()
        texts = [t for t in fig.findobj(lambda a: a.get_gid() == "label")]
        return [(t.get_text(), t.get_window_extent(renderer)) for t in texts]


def overlapping(boxes):
    return [(a, b) for (a, x), (b, y) in itertools.combinations(boxes, 2) if x.overlaps(y)]


@pytest.mark.parametrize("width,dpi", [("single", 300), ("double", 150), ("double", 300)])
@pytest.mark.parametrize("corpus", ["bundled", "generated", "hostile"])
def test_no_two_labels_overlap_and_demands_and_groups_are_labelled(corpora, corpus, width, dpi):
    H, _ = filter_view(clean_graph(corpora[corpus]), max_nodes=150)  # the app's default view, as exported
    boxes = label_boxes(H, width, dpi)
    assert len(boxes) >= 10
    assert not overlapping(boxes)
    shown = {t for t, _ in boxes}
    from graph.draw.images import short

    must = {short(a.get("label")) for _, a in H.nodes(data=True) if a.get("kind") in MUST_LABEL}
    assert must and must <= shown


def test_overlap_check_can_fail():
    from matplotlib.transforms import Bbox

    assert overlapping([("a", Bbox([[0, 0], [10, 10]])), ("b", Bbox([[5, 5], [20, 20]]))])


@pytest.mark.parametrize("width,dpi", [("single", 300), ("double", 72)])
def test_png_is_a_journal_column_at_the_requested_dpi(width, dpi):
    img = Image.open(io.BytesIO(render_image(sample_graph(), "png", dpi=dpi, width=width)))
    assert abs(img.size[0] - WIDTH_MM[width] / 25.4 * dpi) < 1  # matplotlib truncates to whole pixels
    assert img.info["dpi"] == pytest.approx((dpi, dpi), abs=0.01)
    assert len(img.convert("RGB").getcolors(maxcolors=1_000_000) or []) > 20  # not blank


def test_svg_keeps_text_as_text_and_dollars_are_plain():
    title = "Cut $x^$ now"
    svg = render_image(sample_graph(), "svg", title=title, caption="Costs $5 and $6").decode("utf-8")
    assert len(re.findall(r"<text\b", svg)) >= 10
    assert "Cut $x^$ now" in svg and "Costs $5 and $6" in svg  # drawn as written, no mathtext
    assert "<dc:date>" not in svg


@pytest.mark.parametrize("corpus", ["bundled", "generated", "hostile"])
def test_svg_and_pdf_keep_every_label_as_text(corpora, corpus, tmp_path):
    """On each corpus's default view: the SVG holds each drawn label as a <text> element (markup in a
    name escaped, not live), and the PDF has no Type 3 font and copies each label out as drawn."""
    from html import unescape

    H, info = filter_view(clean_graph(corpora[corpus]), max_nodes=150)
    P = positions(H)
    drawn = {t for t, _ in label_boxes(H)}
    assert len(drawn) >= 10
    svg = export(H, "svg", positions=P, caption=info["caption"]).decode("utf-8")
    texts = [unescape(t) for t in re.findall(r"<text\b[^>]*>(.*?)</text>", svg, re.S)]
    assert drawn <= set(texts), drawn - set(texts)
    assert "<script" not in svg.lower()
    if not shutil.which("pdffonts") or not shutil.which("pdftotext"):
        pytest.skip("pdffonts/pdftotext (poppler-utils) are not installed")
    pdf = tmp_path / "view.pdf"
    pdf.write_bytes(export(H, "pdf", positions=P, caption=info["caption"]))
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and not [r for r in rows if "Type 3" in r] and all("TrueType" in r for r in rows), fonts
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert not [t for t in drawn if t not in text]


def test_pdf_fonts_are_truetype_with_burmese(tmp_path):
    if not shutil.which("pdffonts"):
        pytest.skip("pdffonts (poppler-utils) is not installed")
    G = sample_graph()
    pdf = tmp_path / "g.pdf"
    pdf.write_bytes(render_image(G, "pdf", title=f"Cut $x^$ now — {BURMESE}", caption=BURMESE))
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and not [r for r in rows if "Type 3" in r], fonts
    assert any("Padauk" in r and "TrueType" in r for r in rows), fonts
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "Cut $x^$ now" in text


def pdftotext(pdf: bytes, tmp_path) -> set[str]:
    """The lines poppler's pdftotext copies out of a PDF (what a reader gets by select and copy)."""
    path = tmp_path / "copy.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return {line.strip() for line in out.splitlines() if line.strip()}


def test_pdf_text_copies_out_as_written_burmese_included(tmp_path):
    """Each text carries /ActualText (graph.draw.pdftext): shaped Myanmar glyphs copy out as the
    label, not as matplotlib's per-glyph ToUnicode guess ("မြမြန်န်မာမာ ...")."""
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    from matplotlib import rc_context

    G = sample_graph()
    title = f"Cut $x^$ now — {BURMESE}"
    lines = pdftotext(render_image(G, "pdf", title=title, caption=BURMESE), tmp_path)
    assert title in lines and BURMESE in lines, lines
    drawn = {t for t, _ in label_boxes(G)}
    assert BURMESE in drawn and not [t for t in drawn if not any(t in line for line in lines)]  # every label
    # The check can fail: matplotlib's own PDF of the same figure copies Burmese out garbled.
    with rc_context(RC):
        buf = io.BytesIO()
        draw(G, positions(G), caption=BURMESE, title=title).savefig(buf, format="pdf")
    plain = pdftotext(buf.getvalue(), tmp_path)
    assert BURMESE not in plain and "Burma Campaign UK" in plain


def test_myanmar_script_renders_without_missing_glyphs():
    assert "Padauk" in register_fonts()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns "Glyph ... missing from font(s)"
        render_image(sample_graph(), "png", dpi=60, caption=f"Includes {BURMESE}", title=BURMESE)


def test_missing_glyph_check_can_fail():
    """The check above is real: without the Padauk fallback, DejaVu alone warns about Myanmar glyphs."""
    from matplotlib.figure import Figure

    fig = Figure()
    fig.text(0.1, 0.5, BURMESE, fontfamily=["DejaVu Sans"])
    with pytest.warns(UserWarning, match="missing from font"):
        fig.savefig(io.BytesIO(), format="png")


def test_colours_are_the_apps():
    from matplotlib import rc_context
    from matplotlib.colors import to_hex

    from graph.draw.style import Style

    G = sample_graph()
    with rc_context(RC):
        fig = draw(G, positions(G))
    drawn = {to_hex(c).lower() for coll in fig.axes[0].collections for c in getattr(coll, "get_facecolors")()}
    style = Style.of(G)
    assert {style.color(n).lower() for n in G} <= drawn


def test_same_view_same_image_bytes():
    H, _ = filter_view(sample_graph(), hide=["org:risk"])
    P = positions(H)
    for fmt in ("png", "svg", "pdf"):
        assert render_image(H, fmt, dpi=50, positions=P) == render_image(H, fmt, dpi=50, positions=P), fmt
    with pytest.raises(ValueError):
        render_image(H, "bmp")


def test_large_views_embed_dots_as_a_picture_in_svg(monkeypatch):
    import graph.draw.images as images

    G = sample_graph()
    assert b"<image" not in render_image(G, "svg")  # small: every dot is a vector shape
    monkeypatch.setattr(images, "RASTER_ABOVE", 5)
    svg = render_image(G, "svg")
    assert b"<image" in svg and b"<text" in svg
