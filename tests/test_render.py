"""The pyvis page: offline, escaped, fixed positions, legend, PNG button, click-to-profile."""
from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from test_view import BURMESE, XSS, sample_graph

from graph.draw.vis_labels import shorten
from graph.draw.render import to_pyvis_html, tooltip
from graph.network.view import filter_view, layout

ROOT = Path(__file__).resolve().parent.parent


def _dataset(page: str, which: int) -> list[dict]:
    """The nodes (0) or edges (1) JSON that the page hands to vis.DataSet."""
    blobs = re.findall(r"new vis\.DataSet\((\[.*?\])\);", page, re.S)
    return json.loads(blobs[which])


def test_page_is_self_contained():
    page = to_pyvis_html(sample_graph())
    assert not re.search(r"<script[^>]*\bsrc=", page), "a script is loaded from elsewhere"
    assert not re.search(r"<link[^>]*href=\"https?:", page)
    assert "vis.Network" in page and len(page) > 400_000  # vis-network itself is inlined


def test_hostile_name_is_escaped_everywhere():
    G = sample_graph()
    G.nodes["org:bcuk"]["aliases"] = ["<a href='javascript:alert(2)'>x</a>"]  # "href" in a title
    G.nodes["org:xss"]["focus"] = True  # the searched node is always labelled
    page = to_pyvis_html(G)
    assert XSS not in page and "onerror=alert(1)>" not in page and "<a href=" not in page
    nodes = {n["id"]: n for n in _dataset(page, 0)}
    assert nodes["org:xss"]["label"] == html.escape(shorten(XSS))  # a name, cut to label length, as text
    assert "&lt;img src=x onerror=alert(1)&gt;" in nodes["org:xss"]["title"]
    assert "&lt;a href=&#x27;javascript" in nodes["org:bcuk"]["title"]
    # pyvis' innerHTML popup template must not be switched on by the word "href"
    assert "popup.innerHTML" not in page


def test_tooltip_lists_letters_tags_and_demands():
    G = sample_graph()
    t = tooltip(G, "org:kwo")
    assert "Karen Women Organization" in t and "Protect &amp; free" in t
    assert "women" in t and "ethnic" in t and "Release detainees" in t and "ethnicity: Karen" in t
    assert "<" not in t


def test_positions_fixed_physics_off_shapes_and_sizes():
    G = sample_graph()
    P = layout(G, seed=0)
    page = to_pyvis_html(G, positions=P)
    nodes = {n["id"]: n for n in _dataset(page, 0)}
    assert '"physics": {"enabled": false}' in page
    xs = {n: (d["x"], d["y"]) for n, d in nodes.items()}
    assert xs["org:bcuk"] != xs["org:wlb"]
    assert [round(c, 3) for c in xs["org:bcuk"]] != [0, 0]
    assert nodes["letter:a"]["shape"] == "square" and nodes["demand:arms_embargo"]["shape"] == "triangle"
    assert nodes["org:bcuk"]["shape"] == "dot"
    assert nodes["org:bcuk"]["font"]["size"] > nodes["org:late"]["font"]["size"]  # label size follows degree
    assert nodes["org:wlb"]["color"] == nodes["org:kwo"]["color"]  # same first tag, same colour
    assert nodes["org:wlb"]["color"] != nodes["org:bcuk"]["color"]
    assert nodes["org:mm"]["label"] == BURMESE  # non-Latin names pass through unharmed


def test_legend_button_and_click_message():
    page = to_pyvis_html(sample_graph(), caption="Shown: 3 letters & more")
    assert 'id="atlas-legend"' in page and "women (3)" in page and "letter</div>" in page
    assert "Shown: 3 letters &amp; more" in page
    assert 'id="atlas-save-png"' in page and "toDataURL" in page and "fillRect" in page
    assert "window.parent.postMessage" in page and "location.hash" in page


def test_grouped_view_renders_group_nodes():
    H, _ = filter_view(sample_graph(), max_nodes=9)
    nodes = _dataset(to_pyvis_html(H), 0)
    assert any(n["shape"] == "diamond" for n in nodes)


def test_page_draws_offline_in_a_real_browser(tmp_path):
    """Chromium (if present): no network requests, no JS errors, tooltips are text elements,
    nodes stay where the layout put them, a click posts the node id in the URL hash, PNG downloads."""
    import shutil

    import pytest

    sync_api = pytest.importorskip("playwright.sync_api")
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        pytest.skip("no chromium")
    G = sample_graph()
    G.nodes["org:xss"]["focus"] = True  # the searched node is always labelled
    page_file = tmp_path / "g.html"
    page_file.write_text(to_pyvis_html(G, positions=layout(G)), encoding="utf-8")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe)
        try:
            pg = browser.new_page()
            errors, remote = [], []
            pg.on("pageerror", lambda e: errors.append(str(e)))
            pg.on("request", lambda r: remote.append(r.url) if not r.url.startswith(("file:", "data:")) else None)
            pg.goto(page_file.as_uri())
            pg.wait_for_function("typeof network !== 'undefined'")
            before = pg.evaluate("JSON.stringify(network.getPositions())")
            pg.wait_for_timeout(400)
            assert pg.evaluate("JSON.stringify(network.getPositions())") == before  # no drift
            assert pg.evaluate("nodes.get('org:xss').title instanceof HTMLElement")
            assert pg.evaluate("nodes.get('org:xss').title.textContent").startswith(XSS)  # shown as text
            assert pg.evaluate("nodes.get('org:xss').title.children.length") == 0  # ... not as markup
            assert pg.evaluate("nodes.get('org:xss').label") == shorten(XSS)  # canvas label reads naturally
            box = pg.locator("#mynetwork").bounding_box()
            xy = pg.evaluate("network.canvasToDOM(network.getPositions(['org:bcuk'])['org:bcuk'])")
            pg.mouse.click(box["x"] + xy["x"], box["y"] + xy["y"])
            pg.wait_for_function("location.hash.length > 1")
            assert pg.evaluate("decodeURIComponent(location.hash)") == "#node=org:bcuk"
            with pg.expect_download() as dl:
                pg.click("#atlas-save-png")
            assert dl.value.suggested_filename.endswith(".png")
            assert errors == [] and remote == []
        finally:
            browser.close()


class _Page(HTMLParser):
    """The doctype and the <title> text of a page, as a browser's parser sees them."""

    def __init__(self):
        super().__init__()
        self.doctype, self.title, self._in_title = "", "", False

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def test_html_export_is_a_titled_page_with_labels_at_the_fitting_zoom(tmp_path):
    """Issue 13: the HTML export (this page) has a doctype, a <title> naming the view, and shows names at
    the zoom that fits the graph: in the data, and (with Chromium) on the canvas, with no outside request."""
    import shutil

    from graph import pipeline
    from graph.draw.export import export
    from graph.network import selection

    G = pipeline.build_corpus([ROOT / "data" / "letters"]).graph
    H, info = selection.select(G, mode="full")
    page = export(H, "html", positions=layout(H, seed=0), caption=info["caption"]).decode("utf-8")
    parsed = _Page()
    parsed.feed(page)
    assert parsed.doctype.lower() == "doctype html"
    assert " ".join(info["caption"].split()).startswith(parsed.title.rstrip("…")) and "organizations" in parsed.title
    nodes = _dataset(page, 0)
    first = [n for n in nodes if 0 < n["labelZoom"] <= 1]  # shown at the fitting zoom of a desktop
    assert len(first) >= 15 and all(n["label"] for n in first)
    exe = shutil.which("chromium")
    if not exe:
        return
    sync_api = pytest.importorskip("playwright.sync_api")
    (tmp_path / "view.html").write_text(page, encoding="utf-8")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=["--headless", "--no-sandbox", "--disable-gpu"])
        try:
            pg = browser.new_page(viewport={"width": 1200, "height": 800})
            remote = []
            pg.on("request", lambda r: remote.append(r.url) if not r.url.startswith(("file:", "data:")) else None)
            pg.goto((tmp_path / "view.html").as_uri())
            pg.wait_for_function("document.body.getAttribute('data-drawn')")
            assert pg.title() == parsed.title
            # names drawn at the fitting zoom: at least 9 px tall on screen, and inside the frame
            shown = pg.evaluate("""() => {
                const s = network.getScale(), c = document.querySelector('#mynetwork');
                return nodes.get().filter(n => n.label).map(n => {
                    const p = network.canvasToDOM(network.getPositions([n.id])[n.id]);
                    return [n.font.size * s, p.x >= 0 && p.y >= 0 && p.x <= c.clientWidth && p.y <= c.clientHeight];
                });
            }""")
            assert len(shown) >= 15 and all(px >= 9 and inside for px, inside in shown), shown
            assert remote == []
        finally:
            browser.close()
