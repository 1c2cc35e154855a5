"""The explorer's drawings as people read them: labels that never overlap, one colour per tag in every
view, and nodes that stay put when a coalition is expanded. Checked on the vis-network data the app
draws (positions, sizes, labels), on the bundled letters and on a generated 300-letter corpus."""
from __future__ import annotations

import html
import itertools
import subprocess
import sys
from pathlib import Path

import pytest
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import TextToPath

from graph import pipeline
from graph.network import coalition_view
from graph.draw import layout
from graph.draw import placing, render, vis_labels
from graph.network import selection
from graph.draw.style import Style, group_colour, tag_colours

ROOT = Path(__file__).resolve().parent.parent
FONT = FontProperties(family="DejaVu Sans")  # what Chromium on Debian draws "sans-serif" with
LINE = 1.2  # a text line's height in font sizes


@pytest.fixture(scope="module")
def bundled():
    return pipeline.build_corpus([ROOT / "data" / "letters"]).graph


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    out = tmp_path_factory.mktemp("letters300")
    subprocess.run([sys.executable, "-m", "tools.generate", "--letters", "300", "--orgs", "3000",
                    "--signatures", "30000", "--seed", "1", "-o", str(out), "--force"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    return pipeline.build_corpus([out]).graph


def _drawn(G, H, base=None):
    """The node dicts the browser gets for H, at the app's positions."""
    base = base if base is not None else layout.positions(G, seed=0)
    nodes, _ = render.vis_data(H, placing.place(H, base))
    return nodes


def _label_boxes(nodes, zoom: int = 1):
    """(id, box) of every label shown at `zoom` times the fitting zoom, measured with the font's real glyph
    widths (not the app's estimate). Zooming in, the page keeps labels at their on-screen size, so in
    drawing units they are 1/zoom of their font (graph.draw.render)."""
    ttp = TextToPath()
    out = []
    for n in nodes:
        if not n["label"] or not 0 < n["labelZoom"] <= zoom:
            continue
        font = n["font"]["size"] / zoom
        text = html.unescape(n["label"])
        w, _, _ = ttp.get_text_width_height_descent(text, _sized(font), ismath=False)
        top = n["y"] + n["size"]
        out.append((n["id"], (n["x"] - w / 2, top, n["x"] + w / 2, top + LINE * font)))
    return out


def _sized(size: float) -> FontProperties:
    f = FONT.copy()
    f.set_size(size)
    return f


PHONE = (356, 300)  # the drawing's frame on a 390x844 phone (at least; it grows to the drawing's shape)
DESKTOP = (750, 530)  # ... on a 1440x900 desktop, beside the legend


def _phone_zoom(nodes, frame=PHONE) -> float:
    """The level (graph.draw.vis_labels) a phone's frame (or another) shows at its fitting zoom, as the page
    computes it (graph.draw.render): the nodes fitted into the frame, names MIN_LABEL_PX tall at least."""
    xs, ys = [n["x"] for n in nodes], [n["y"] for n in nodes]
    s = min(1.0, 0.96 * min(frame[0] / (max(xs) - min(xs) + 1), frame[1] / (max(ys) - min(ys) + 1)))
    small = min(n["font"]["size"] for n in nodes if n["labelZoom"])
    return s / max(s, render.MIN_LABEL_PX / small)


def _overlaps(boxes):
    return [(a, b) for (a, p), (b, q) in itertools.combinations(boxes, 2)
            if p[0] < q[2] and q[0] < p[2] and p[1] < q[3] and q[1] < p[3]]


def _nodes_on_labels(nodes, boxes):
    """(node, label's node) for every node disc (a square's inscribed disc) that covers part of a shown
    label other than its own."""
    out = []
    for n in nodes:
        for owner, (l, t, r, b) in boxes:
            if owner == n["id"]:
                continue
            cx, cy = min(max(n["x"], l), r), min(max(n["y"], t), b)
            if (n["x"] - cx) ** 2 + (n["y"] - cy) ** 2 < n["size"] ** 2:
                out.append((n["id"], owner))
    return out


@pytest.mark.parametrize("corpus", ["bundled", "generated"])
def test_no_two_labels_overlap_in_the_default_views(corpus, request):
    G = request.getfixturevalue(corpus)
    network, _ = selection.select(G)  # the Network view as first opened: the relationship map, laid out once
    groups = coalition_view.tag_groups(G)
    coalitions = coalition_view.coalition_graph(G, groups)  # the Coalitions view as first opened
    for H, pos, zoom in ((network, layout.positions(network, seed=0, labelled=True), None),
                         (coalitions, coalition_view.positions(G, groups), coalition_view.LABEL_ZOOM)):
        nodes, _ = render.vis_data(H, pos, label_zoom=zoom)
        boxes = _label_boxes(nodes)
        assert len(boxes) >= min(20, len(nodes)), "the most important nodes are named"
        assert not _overlaps(boxes)
        more = [_label_boxes(nodes, z) for z in vis_labels.ZOOMS]  # zooming in shows more names, none overlapping
        assert all(not _overlaps(b) for b in more)  # levels below 1: a phone's names, bigger in drawing units
        phone = _label_boxes(nodes, _phone_zoom(nodes))  # MIN_LABEL_PX tall on screen at the phone's fit
        assert len(phone) >= min(5, len(nodes)) and not _overlaps(phone), "a phone names the most important nodes"
        assert len(more[-1]) > len(boxes) or len(boxes) == len(nodes), "zooming in names more nodes"
        assert layout.no_overlap({n["id"]: (n["x"], n["y"]) for n in nodes}, {n["id"]: n["size"] for n in nodes})
    coal_nodes, _ = render.vis_data(coalitions, coalition_view.positions(G, groups), label_zoom=coalition_view.LABEL_ZOOM)
    for z in (1, _phone_zoom(coal_nodes, DESKTOP)):  # names as the font says, and as a desktop draws them
        covered = _nodes_on_labels(coal_nodes, _label_boxes(coal_nodes, z))
        assert not covered, f"Coalitions: nodes drawn over shown names: {covered[:5]}"
    supers = [n for n in render.vis_data(coalitions, coalition_view.positions(G, groups),
                                         label_zoom=coalition_view.LABEL_ZOOM)[0] if n["shape"] == "diamond"]
    assert supers and all(n["label"] for n in supers), "every super-node is named"


def test_a_tag_has_one_colour_in_network_coalitions_legend_and_images(bundled):
    from graph.draw.images import render_image

    base = layout.positions(bundled, seed=0)
    network, _ = selection.select(bundled, mode="full", max_nodes=10_000)
    groups = coalition_view.tag_groups(bundled)
    coalitions = coalition_view.coalition_graph(bundled, groups)
    net_nodes = {n["id"]: n for n in _drawn(bundled, network, base)}
    coal_nodes = {n["id"]: n for n in render.vis_data(coalitions, coalition_view.positions(bundled, groups))[0]}
    checked = 0
    for tag, colour in tag_colours().items():
        members = [n for n in net_nodes if tag in (bundled.nodes[n].get("tags") or [])[:1]]
        if not members:
            continue
        checked += 1
        assert {net_nodes[n]["color"] for n in members} == {colour}, tag  # Network: first tag's colour
        diamond = coal_nodes.get(f"coalition:{tag}")
        if diamond:
            assert diamond["color"] == colour, tag  # Coalitions: the super-node
        legend = {text.split(" (")[0]: c for text, c, _ in Style.of(coalitions).legend(max_groups=100)}
        assert legend.get(tag.replace("_", " "), colour) == colour
        assert group_colour(f"{tag}: anywhere") == colour  # a tag's value groups (diaspora: Australia)
    assert checked >= 5
    svg = render_image(coalitions, "svg", positions=coalition_view.positions(bundled, groups)).decode()
    for text, colour, _ in Style.of(coalitions).legend():
        assert colour.lower() in svg.lower(), text  # the exported image's legend uses the same colours


@pytest.mark.parametrize("corpus", ["bundled", "generated"])
def test_expanding_a_coalition_moves_nothing_already_shown(corpus, request):
    G = request.getfixturevalue(corpus)
    groups = coalition_view.tag_groups(G)
    pos = coalition_view.positions(G, groups)
    before = {n["id"]: (n["x"], n["y"]) for n in render.vis_data(coalition_view.coalition_graph(G, groups), pos)[0]}
    for tag in list(groups)[:3]:
        H = coalition_view.coalition_graph(G, groups, expanded=(tag,))
        after = {n["id"]: (n["x"], n["y"]) for n in render.vis_data(H, pos)[0]}
        kept = set(before) & set(after)
        assert len(kept) >= len(before) - 1  # only the expanded super-node went away
        assert {n: after[n] for n in kept} == {n: before[n] for n in kept}
        assert len(after) > len(before) - 1, "its members appeared"
        collapsed = {n["id"]: (n["x"], n["y"]) for n in render.vis_data(coalition_view.coalition_graph(G, groups), pos)[0]}
        assert collapsed == before  # collapsing it again puts everything back


def test_filtering_keeps_positions(bundled):
    base = layout.positions(bundled, seed=0)
    full, _ = selection.select(bundled, mode="full", max_nodes=10_000)
    letter = next(n for n, k in full.nodes(data="kind") if k == "letter")
    picked, _ = selection.select(bundled, letters=[letter], max_nodes=10_000)
    a = {n["id"]: (n["x"], n["y"]) for n in _drawn(bundled, full, base)}
    b = {n["id"]: (n["x"], n["y"]) for n in _drawn(bundled, picked, base)}
    assert len(b) > 3 and set(b) <= set(a) and all(a[n] == b[n] for n in b)


@pytest.mark.parametrize("corpus", ["bundled", "generated"])
def test_a_search_moves_no_node_already_shown(corpus, request):
    """Searching the busiest organization of the corpus from the relationship map (as ui.network does):
    every node the map showed stays where it was, the new ones (letters, organizations the map folded)
    appear beside their neighbours, the searched organization ringed and named, no two names overlapping
    at any zoom (the page centres the camera on it: tests/test_browser.py)."""
    G = request.getfixturevalue(corpus)
    first, _ = selection.select(G)
    base = layout.positions(first, seed=0, labelled=True)
    before = {n["id"]: (n["x"], n["y"]) for n in render.vis_data(first, placing.place(first, base))[0]}
    org = max((n for n, k in G.nodes(data="kind") if k == "organization"), key=lambda n: (G.nodes[n]["n_letters"], n))
    H, _ = selection.select(G, ego=[org], radius=2)
    pos = placing.place(H, base)
    framed = placing.framed(H, base)  # names sized for the searched organization's neighbourhood, as the page does
    assert org in framed and len(framed) < len(H)
    zoom = vis_labels.label_scale({n: pos[n] for n in framed})
    nodes = {n["id"]: n for n in render.vis_data(H, pos, label_zoom=zoom)[0]}
    after = {n: (d["x"], d["y"]) for n, d in nodes.items()}
    kept = set(before) & set(after)
    assert kept and {n: after[n] for n in kept} == {n: before[n] for n in kept}
    assert len(after) > len(kept), "the search shows nodes the map did not"
    assert layout.no_overlap(pos, layout.sizes(H))
    spread = max(abs(x) + abs(y) for x, y in before.values())
    for n in set(after) - kept:  # a new letter is beside the organization searched or its other signers
        near = [after[m] for m in map(str, H.to_undirected(as_view=True)[n]) if m in after]
        # a super-node's name is always shown and kept clear of every node: it may sit at the cluster's edge
        reach = spread * (1.5 if nodes[n]["shape"] == "diamond" else 1.0)
        if near:
            assert min(abs(after[n][0] - x) + abs(after[n][1] - y) for x, y in near) < reach, n
    assert 0 < nodes[org]["labelZoom"] <= 1 and nodes[org]["borderWidth"] == 5
    name = [b for b in _label_boxes(nodes.values()) if b[0] == org]
    assert name and not _nodes_on_labels(nodes.values(), name), "no node covers the searched organization's name"
    assert all(not _overlaps(_label_boxes(nodes.values(), z)) for z in vis_labels.ZOOMS)
    # collapsing the search again: the map as it was
    assert {n["id"]: (n["x"], n["y"]) for n in render.vis_data(first, placing.place(first, base))[0]} == before


@pytest.mark.parametrize("corpus", ["bundled", "generated"])
def test_a_search_counts_organizations_alike_in_legend_and_super_nodes(corpus, request):
    """Searching the busiest organization shows its co-signers, the less connected folded into one diamond per
    tag: each diamond says how many it holds of the number the legend gives its tag ("ethnic (860 of 893)"),
    and those numbers are the organizations of the view, each counted once under its first tag."""
    import re
    from collections import Counter

    G = request.getfixturevalue(corpus)
    org = max((n for n, k in G.nodes(data="kind") if k == "organization"), key=lambda n: (G.nodes[n]["n_letters"], n))
    H, _ = selection.select(G, ego=[org], radius=2, max_nodes=40)
    assert H.nodes[org].get("focus"), "the searched organization is never folded away"
    legend = {}
    for text, _, _ in Style.of(H).legend(max_groups=100):
        m = re.fullmatch(r"(.+) \((\d+)\)", text)
        if m:
            legend[m[1]] = int(m[2])
    truth = Counter()  # every organization of the neighbourhood, under its first tag
    for n, a in H.nodes(data=True):
        if a.get("kind") == "organization":
            truth[(a.get("tags") or ["untagged"])[0].replace("_", " ")] += 1
        elif a.get("kind") == "group":
            for m in a["members"]:
                truth[(G.nodes[m].get("tags") or ["untagged"])[0].replace("_", " ")] += 1
    assert legend == dict(truth)
    diamonds = [(a["group"].replace("_", " "), a["label"], a["count"]) for _, a in H.nodes(data=True)
                if a.get("kind") == "group"]
    assert diamonds, "the search folded some co-signers"
    for name, label, count in diamonds:
        m = re.fullmatch(re.escape(name) + r" \((\d+)(?: of (\d+))?\)", label)
        assert m, label
        assert int(m[1]) == count and int(m[2] or m[1]) == legend[name], (label, legend[name])
    nodes, _ = render.vis_data(H, placing.place(H, layout.positions(G, seed=0)))
    assert {n["label"] for n in nodes if n["shape"] == "diamond"} == {label for _, label, _ in diamonds}, \
        "drawn labels keep their counts whole"
