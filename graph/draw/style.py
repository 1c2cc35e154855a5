"""How nodes look, shared by the interactive view (pyvis) and the images (matplotlib), so a PNG
sent to a partner uses the same colours and shapes as the app.

Shape shows the node type; colour shows the coalition: the community (attribute "community",
when an analysis set one) or else the organization's first coalition tag.

>>> import networkx as nx
>>> G = nx.DiGraph()
>>> G.add_node("org:a", kind="organization", tags=["women", "ethnic"])
>>> G.add_node("org:b", kind="organization", tags=[])
>>> G.add_node("letter:x", kind="letter")
>>> [node_group(G.nodes[n]) for n in G]
['women', 'untagged', 'letter']
>>> st = Style.of(G)
>>> st.color("org:a") != st.color("org:b"), st.shape("letter:x").vis, st.shape("letter:x").mpl
(True, 'square', 's')
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, Mapping

import networkx as nx

from graph.curated import CuratedError, expect, read_yaml
from graph.kinds import FOLDED, NodeKind

COALITIONS = "coalitions.yaml"

# Colour-blind friendly first (Okabe-Ito), then Tableau 20: communities take these by number (the largest
# community is 0), so the biggest get the most distinguishable colours. Tags have their own fixed colours.
PALETTE = (
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
    "#d62728", "#9467bd", "#8c564b", "#bcbd22", "#17becf", "#1a237e", "#2ca02c", "#ff7f0e",
    "#e377c2", "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94", "#f7b6d2",
    "#dbdb8d", "#9edae5",
)
OTHER_COLOR = "#b0b0b0"  # untagged organizations, and groups that are neither a tag nor a community
_HEX = re.compile(r"#[0-9a-fA-F]{6}")


def tag_colours() -> dict[str, str]:
    """Each coalition tag's fixed colour (data/coalitions.yaml `colour`), so a tag looks the same in
    every view, legend, image and export, whatever the size of its group.

    >>> tag_colours()["rohingya"]
    '#D55E00'
    """
    tags = expect(read_yaml(COALITIONS), "tags", dict, COALITIONS)
    out = {}
    for name, spec in tags.items():
        colour = expect(spec, "colour", str, COALITIONS)
        if not _HEX.fullmatch(colour):
            raise CuratedError(COALITIONS, f"colour {colour!r} is not #rrggbb", f"tags.{name}.colour")
        out[str(name)] = colour
    return out


def group_colour(group: str) -> str:
    """The fixed colour of a colour group: a tag's own colour; a community's palette colour by its
    number (communities are numbered by size, so "community 0" is always the first colour).

    >>> group_colour("community 0"), group_colour("untagged"), group_colour("rohingya: Malaysia")
    ('#0072B2', '#b0b0b0', '#D55E00')
    """
    if group in KIND_COLORS:
        return KIND_COLORS[group]
    colours = tag_colours()
    tag = group.split(":", 1)[0].strip()  # "diaspora: Australia" is a part of the diaspora tag: its colour
    if tag in colours:
        return colours[tag]
    if group.startswith("community "):
        number = group.removeprefix("community ")
        if number.isdigit():
            return PALETTE[int(number) % len(PALETTE)]
    return OTHER_COLOR
KIND_COLORS = {NodeKind.LETTER: "#333333", NodeKind.DEMAND: "#8B0000",  # letters/demands are not coalitions
               NodeKind.LETTER_GROUP: "#777777", NodeKind.DEMAND_GROUP: "#c46a6a"}  # lighter: they stand for many


@dataclass(frozen=True)
class Shape:
    vis: str  # vis-network shape name
    mpl: str  # matplotlib marker
    name: str  # for the legend


SHAPES = {
    NodeKind.ORGANIZATION: Shape("dot", "o", "organization"),
    NodeKind.LETTER: Shape("square", "s", "letter"),
    NodeKind.DEMAND: Shape("triangle", "^", "demand"),
    NodeKind.GROUP: Shape("diamond", "D", "group of organizations"),
    NodeKind.LETTER_GROUP: Shape("square", "s", "letters of one period"),
    NodeKind.DEMAND_GROUP: Shape("triangle", "^", "other demands"),
}
DEFAULT_SHAPE = Shape("dot", "o", "other")


def node_group(attrs: Mapping[str, Any]) -> str:
    """The colour group of one node: community, first tag, or the node kind for letters/demands."""
    kind = attrs.get("kind", "")
    if kind in KIND_COLORS:
        return kind
    community = attrs.get("community", "")
    if community not in ("", None):
        return f"community {community}"
    if kind == NodeKind.GROUP and attrs.get("group"):
        return str(attrs["group"])
    tags = attrs.get("tags") or []
    if isinstance(tags, str):  # already flattened ("a; b")
        tags = [t for t in tags.split("; ") if t]
    return str(tags[0]) if tags else "untagged"


def degree_size(degree: int, max_degree: int, lo: float = 8.0, hi: float = 40.0) -> float:
    """Node size (and label size) grows with the square root of degree, so hubs stand out
    without hiding everyone else.

    >>> degree_size(0, 10), degree_size(10, 10)
    (8.0, 40.0)
    """
    if max_degree <= 0:
        return lo
    return lo + (hi - lo) * math.sqrt(max(degree, 0) / max_degree)


ORG_SIZE = (8.0, 4.0, 34.0)  # radius of an organization: base + step * sqrt(letters signed - 1), capped
LETTER_SIZE = (9.0, 1.0, 30.0)  # a letter: base + step * sqrt(signatories), capped (a 400-name letter is 29)
GROUP_SIZE = (14.0, 2.5, 48.0)  # a super-node: base + step * sqrt(members it stands for), capped
DEMAND_SIZE = 12.0
LABEL_FONT = 14.0  # label size in drawing units; hubs get up to LABEL_FONT_MAX
LABEL_FONT_MAX = 20.0


def _grow(spec: tuple[float, float, float], k: float) -> float:
    base, step, cap = spec
    return min(cap, base + step * math.sqrt(max(k, 0.0)))


def node_size(attrs: Mapping[str, Any]) -> float:
    """Drawn radius of a node from its corpus attributes only (never from the view it is in), so a node
    has one size, and one place, everywhere: organizations by letters signed, letters by signatories,
    super-nodes by how many they stand for.

    >>> node_size({"kind": "organization", "n_letters": 1}), node_size({"kind": "organization", "n_letters": 5})
    (8.0, 16.0)
    """
    kind = attrs.get("kind", "")
    if kind == NodeKind.ORGANIZATION:
        return _grow(ORG_SIZE, int(attrs.get("n_letters") or 1) - 1)
    if kind == NodeKind.LETTER:
        return _grow(LETTER_SIZE, int(attrs.get("n_signatories") or 0))
    if kind in FOLDED:
        return _grow(GROUP_SIZE, int(attrs.get("count") or 1))
    return DEMAND_SIZE


def label_font(attrs: Mapping[str, Any]) -> float:
    """Label size in drawing units: organizations that signed more letters get bigger names.

    >>> label_font({"kind": "organization", "n_letters": 1}), label_font({"kind": "group", "count": 9})
    (14.0, 16.0)
    """
    if attrs.get("kind") in FOLDED:
        return LABEL_FONT + 2
    if attrs.get("kind") == NodeKind.ORGANIZATION:
        return min(LABEL_FONT_MAX, LABEL_FONT + math.sqrt(max(int(attrs.get("n_letters") or 1) - 1, 0)))
    return LABEL_FONT


def coalition_counts(G: nx.Graph) -> Counter:
    """Organizations of each colour group drawn in G, each counted once, under its colour group (its first
    tag or community): one drawn alone counts 1, a super-node the `count` it stands for. The legend and the
    super-nodes' labels (`group_label`) both print these, so they agree.

    >>> G = nx.Graph()
    >>> G.add_node("org:a", kind="organization", tags=["women", "ethnic"])
    >>> G.add_node("group:women", kind="group", group="women", count=4)
    >>> dict(coalition_counts(G))
    {'women': 5}
    """
    weights: Counter = Counter()
    for n, a in G.nodes(data=True):
        g = node_group(a)
        if g not in KIND_COLORS:
            weights[g] += int(a.get("count", 1) or 1) if a.get("kind") == NodeKind.GROUP else 1
    return weights


def group_label(group: str, count: int, total: int) -> str:
    """A super-node's label: "ethnic (860)" when it holds every organization of its group drawn, else
    "ethnic (860 of 893)": 860 folded into it, 893 in the drawing as the legend counts them.

    >>> group_label("grassroots_resistance", 3, 3), group_label("ethnic", 860, 893)
    ('grassroots resistance (3)', 'ethnic (860 of 893)')
    """
    name = group.replace("_", " ")
    return f"{name} ({count})" if count >= total else f"{name} ({count} of {total})"


@dataclass(frozen=True)
class Style:
    """Colours per group of one drawn graph (biggest group first); each group's colour is fixed
    (`group_colour`), only the order depends on the graph."""

    groups: tuple[tuple[str, str, int], ...]  # (group, colour, count)
    node_groups: Mapping[Any, str]
    kinds: Mapping[Any, str]

    @classmethod
    def of(cls, G: nx.Graph) -> "Style":
        node_groups = {n: node_group(a) for n, a in G.nodes(data=True)}
        kinds = {n: str(a.get("kind", "")) for n, a in G.nodes(data=True)}
        counts = Counter(g for n, g in node_groups.items() if g not in KIND_COLORS)
        weights = coalition_counts(G)  # a group node stands for `count` organizations
        order = sorted(counts, key=lambda g: (g == "untagged", -weights[g], g))
        groups = [(g, group_colour(g), weights[g]) for g in order]
        for k, colour in KIND_COLORS.items():
            c = sum(1 for v in node_groups.values() if v == k)
            if c:
                groups.append((k, colour, c))
        return cls(tuple(groups), node_groups, kinds)

    def color_of_group(self, group: str) -> str:
        for g, c, _ in self.groups:
            if g == group:
                return c
        return OTHER_COLOR

    def color(self, node: Any) -> str:
        return self.color_of_group(self.node_groups.get(node, "untagged"))

    def shape(self, node: Any) -> Shape:
        return SHAPES.get(self.kinds.get(node, ""), DEFAULT_SHAPE)

    def legend(self, max_groups: int = 12) -> list[tuple[str, str, str]]:
        """(text, colour, vis shape) rows: colour groups (largest first, the rest summed up as
        "other"), then one row per node type present."""
        rows: list[tuple[str, str, str]] = []
        coal = [(g, c, n) for g, c, n in self.groups if g not in KIND_COLORS]
        for g, c, n in coal[:max_groups]:
            rows.append((f"{g.replace('_', ' ')} ({n})", c, "dot"))
        rest = sum(n for _, _, n in coal[max_groups:])
        if rest:
            rows.append((f"other groups ({rest})", OTHER_COLOR, "dot"))
        present = set(self.kinds.values())
        for kind, shape in SHAPES.items():
            if kind in present:
                colour = KIND_COLORS.get(kind, "#555555")
                rows.append((shape.name, colour, shape.vis))
        return rows
