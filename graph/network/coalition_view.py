"""The Coalitions drawing: each coalition folded into one super-node (a diamond labelled with its count),
letters folded into periods when there are too many, and positions that never change when a coalition
is expanded or collapsed.

Counting: groups overlap (an organization can carry several tags), but a drawing shows each organization
once, so it is counted in the first group that lists it (largest first). The super-node's label, the legend
and the `drawn` sizes of `coalition_sizes` all use that count; tables list every member of every group.

>>> import networkx as nx
>>> G = nx.DiGraph()
>>> for i, tags in enumerate([["women"], ["women", "ethnic"], ["ethnic"]]):
...     G.add_node(f"org:{i}", kind="organization", tags=tags, n_letters=1)
...     G.add_node(f"letter:{i}", kind="letter", date="2021", n_signatories=1)
...     G.add_edge(f"org:{i}", f"letter:{i}", kind="signed")
>>> groups = {"women": {"org:0", "org:1"}, "ethnic": {"org:1", "org:2"}}
>>> H = coalition_graph(G, groups)
>>> sorted(n for n, k in H.nodes(data="kind") if k == "group"), H.nodes["coalition:ethnic"]["count"]
(['coalition:ethnic', 'coalition:women'], 1)
>>> P = positions(G, groups)
>>> E = coalition_graph(G, groups, expanded=("women",))
>>> all(n in P for n in E), sorted(set(H) - set(E))
(True, ['coalition:women'])
"""
from __future__ import annotations

import math
from typing import Any, Iterable, Mapping

import networkx as nx
import numpy as np

from graph.network.coalitions import coalition_node, collapse, tag_coalitions
from graph.network.fold import fold_kind
from graph.draw.vis_labels import LINE, Label, text_width
from graph.draw.layout import ASPECT, GAP, separate, sizes
from graph.draw.layout import positions as layout_positions
from graph.draw.vis_data import label_text
from graph.draw.style import label_font, node_size
from graph.network.view import induced
from graph.kinds import FOLDED, NodeKind

ORG, LETTER = NodeKind.ORGANIZATION, NodeKind.LETTER
UNTAGGED = "untagged"
LABEL_ZOOM = 1.0  # names at the size the grid was made for (render would grow them with the drawing)
CELL_AIR = 24.0  # drawing units between two super-nodes' names in the grid
LETTER_ROOM = 12  # more letters than this around the diamonds hide them: the rest fold into periods
# Fitted into a desktop's frame the grid is shown below 1:1, and the page draws names no smaller than
# graph.draw.render.MIN_LABEL_PX on screen: about twice their font at the
# generated corpus' fit (tests/test_explorer_views.py). Nodes keep off that size.
NAME_AIR = 2.1


def coalition_graph(G: nx.DiGraph, groups: Mapping[str, Iterable[str]], expanded: Iterable[str] = (),
                    letter_room: int = LETTER_ROOM) -> nx.DiGraph:
    """Organizations and letters of G, each group not `expanded` folded into a super-node (kind "group",
    `group` = its name, `count` = members drawn in it, `members`). Which letters are folded depends only on
    G (letters with most signatories stay), so expanding never changes them."""
    G2 = induced(G, {n for n, k in G.nodes(data="kind") if k in (ORG, LETTER)})
    G3, _ = fold_kind(G2, LETTER, letter_room)
    keep = set(expanded)
    H = collapse(G3, {k: v for k, v in groups.items() if k not in keep})
    for n, d in H.nodes(data=True):
        if d.get("kind") == NodeKind.COALITION:  # labelled by the part that differs: "Australia (52)" of diaspora
            name = str(d.get("name", n))
            d.update(kind=NodeKind.GROUP.value, group=name, count=d.get("n_members", 1),
                     label=f"{name.split(': ')[-1].replace('_', ' ')} ({d.get('n_members', 1)})")
    H.graph["expanded"] = sorted(keep & set(groups))
    return H


GOLDEN = math.pi * (3 - math.sqrt(5))  # sunflower angle: members fill a disc evenly


def grid(H: nx.DiGraph, P: Mapping[Any, tuple[float, float]], seed: int = 0) -> dict[Any, tuple[float, float]]:
    """Super-nodes snapped to a grid whose cells hold their names (rows by height in P, columns by
    position in the row, so the layout's neighbourhoods survive); the other nodes scaled from P into the
    same area and pushed off the super-nodes."""
    radius = sizes(H)
    supers = sorted((n for n, k in H.nodes(data="kind") if k in FOLDED),  # and period nodes
                    key=lambda n: (P[n][1], P[n][0], str(n)))
    if not supers:
        return dict(P)
    items = {n: Label(n, label_text(H.nodes[n], n), label_font(H.nodes[n]), radius[n], 0) for n in supers}
    w = max(text_width(i.text, i.font) for i in items.values()) + CELL_AIR
    h = 2 * max(radius[n] for n in supers) + LINE * max(i.font for i in items.values()) + CELL_AIR
    cols = max(1, math.ceil(math.sqrt(len(supers) * h / w * ASPECT)))
    rows = math.ceil(len(supers) / cols)
    out: dict[Any, tuple[float, float]] = {}
    for r_i in range(rows):
        row = sorted(supers[r_i * cols:(r_i + 1) * cols], key=lambda n: (P[n][0], str(n)))
        for c_i, n in enumerate(row):
            out[n] = (round((c_i - (len(row) - 1) / 2) * w, 1), round((r_i - (rows - 1) / 2) * h, 1))
    rest = [n for n in P if n not in out]
    if rest:
        xy = np.array([P[n] for n in rest], dtype=float)
        span = np.ptp(xy, axis=0)
        span[span == 0] = 1.0
        xy = (xy - xy.min(axis=0)) / span * np.array([cols * w, rows * h]) - np.array([cols * w, rows * h]) / 2
        names, name_r = name_discs(items, out)
        allxy = np.vstack([np.array([out[n] for n in supers]), names, xy])
        radii = np.concatenate([[radius[n] for n in supers], name_r, [radius[n] for n in rest]])
        fixed = np.array([True] * (len(supers) + len(names)) + [False] * len(rest))
        allxy = separate(allxy, radii, fixed, seed)
        out.update({n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in zip(rest, allxy[-len(rest):])})
    return out


def name_discs(items: Mapping[Any, Label], P: Mapping[Any, tuple[float, float]]) -> tuple[np.ndarray, np.ndarray]:
    """Fixed discs strung along each super-node's name (centres, radii): `separate` then keeps letters and
    members off the names, as it keeps them off the discs."""
    xy, r = [], []
    for n, item in items.items():
        x, y = P[n]
        h = LINE * item.font * NAME_AIR / 2  # half the name's height
        w = text_width(item.text, item.font * NAME_AIR) / 2
        for dx in np.arange(-w + h, w - h + 1e-9, h) if w > h else [0.0]:
            xy.append((x + dx, y + item.radius + h))
            r.append(h)
    return np.array(xy, dtype=float).reshape(-1, 2), np.array(r, dtype=float)


def positions(G: nx.DiGraph, groups: Mapping[str, Iterable[str]], letter_room: int = LETTER_ROOM,
              seed: int = 0) -> dict[Any, tuple[float, float]]:
    """Positions of every node any expansion of `groups` can show, fixed per grouping, so expanding or
    collapsing moves nothing: the folded drawing (super-nodes, letters, periods) laid out once, super-nodes
    on a grid that leaves room for their names (`grid`); each group's members on a sunflower around their super-node, then pushed off anything
    they cover (super-nodes and letters never move)."""
    folded = coalition_graph(G, groups, (), letter_room)
    P = grid(folded, layout_positions(folded, seed=seed), seed)
    r = sizes(folded)
    r.update((n, node_size(a)) for n, a in G.nodes(data=True) if a.get("kind") == ORG)
    anchors = list(P)
    members: list = []
    xy: list = []
    seen = set(P)
    for name, ms in groups.items():
        centre = P.get(coalition_node(name))
        ms = [m for m in sorted(ms) if m in r and m not in seen]
        if centre is None or not ms:
            continue
        step = 2 * max(r[m] for m in ms) + GAP
        for i, m in enumerate(ms):
            d = step * math.sqrt(i + 1) * 0.6
            xy.append((centre[0] + d * math.cos(i * GOLDEN), centre[1] + d * math.sin(i * GOLDEN)))
            members.append(m)
            seen.add(m)
    if not members:
        return P
    supers = [n for n, k in folded.nodes(data="kind") if k in FOLDED]
    names, name_r = name_discs({n: Label(n, label_text(folded.nodes[n], n), label_font(folded.nodes[n]), r[n], 0)
                                for n in supers}, P)
    allxy = np.vstack([np.array([P[n] for n in anchors], dtype=float), names, np.array(xy, dtype=float)])
    radius = np.concatenate([[r[n] for n in anchors], name_r, [r[n] for n in members]])
    fixed = np.array([True] * (len(anchors) + len(names)) + [False] * len(members))
    allxy = separate(allxy, radius, fixed, seed)
    out = dict(P)
    out.update({n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in zip(members, allxy[-len(members):])})
    return out


def tag_groups(G: nx.DiGraph) -> dict[str, frozenset[str]]:
    """Coalitions by tag (graph.network.coalitions.tag_coalitions) plus one "untagged" group, largest first, so the
    folded drawing really has one node per coalition."""
    groups = {k: frozenset(v) for k, v in tag_coalitions(G).items()}
    tagged = set().union(*groups.values()) if groups else set()
    rest = frozenset(n for n, k in G.nodes(data="kind") if k == ORG and n not in tagged)
    if rest:
        groups[UNTAGGED] = rest
    return dict(sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])))


def coalition_sizes(H: nx.DiGraph) -> dict[str, int]:
    """Group name -> organizations drawn in its super-node, largest first (what the chart shows)."""
    sizes_ = {str(d.get("group")): int(d.get("count") or 0) for _, d in H.nodes(data=True) if d.get("kind") == NodeKind.GROUP}
    return dict(sorted(sizes_.items(), key=lambda kv: (-kv[1], kv[0])))
