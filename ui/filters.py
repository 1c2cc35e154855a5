"""Sidebar filters. They return one frozen, hashable `Filters`, so cached HTML/layouts key on it."""
from __future__ import annotations

from dataclasses import dataclass

from typing import TYPE_CHECKING

import streamlit as st

if TYPE_CHECKING:  # networkx costs ~0.5 s to import; the first view can come from the disk cache without it
    import networkx as nx

from . import state
from graph.kinds import NodeKind

KINDS = (NodeKind.ORGANIZATION, NodeKind.LETTER, NodeKind.DEMAND)
DEFAULT_MAX_NODES = 150  # beyond this labels pile up; the rest become coalition super-nodes
MODE_TEXT = {"map": "Relationship map: organizations and their co-signature ties",
             "full": "Full graph: organizations → letters → demands"}


@dataclass(frozen=True)
class Filters:
    letters: tuple[str, ...] = ()  # letter node ids; () = all
    demands: tuple[str, ...] = ()  # demand node ids: the letters making them
    orgs: tuple[str, ...] = ()  # organizations picked: their neighbourhood
    date_range: tuple[str, str] | None = None
    kinds: tuple[str, ...] = KINDS
    tags: tuple[str, ...] = ()
    min_letters: int = 1
    min_shared: int = 2  # co-signature tie strength (letters in common)
    alpha: float = 1.0  # significance: keep ties with p <= alpha (1.0 = the corrected backbone)
    hide: tuple[str, ...] = ()  # org node ids never drawn (set by the Export view)
    ego: str | None = None  # the searched organization
    radius: int = 2
    max_nodes: int = DEFAULT_MAX_NODES
    mode: str = "map"


def _date(G: nx.DiGraph, n: str) -> str:
    return str(G.nodes[n].get("date") or "")


def _compute_options(corpus) -> dict:
    G = corpus.graph
    letters = sorted(state.nodes_of(G, state.LETTER), key=lambda n: (_date(G, n), n))
    dates = sorted({_date(G, n)[:7] for n in letters if _date(G, n)})
    tags = sorted({t for _, d in G.nodes(data=True) if d.get("kind") == state.ORG for t in d.get("tags") or ()})
    max_l = max([int(d.get("n_letters") or 0) for _, d in G.nodes(data=True) if d.get("kind") == state.ORG] or [1])
    demands = sorted(state.nodes_of(G, state.DEMAND), key=lambda n: state.label(G, n).casefold())
    orgs = sorted(state.nodes_of(G, state.ORG), key=lambda n: (-int(G.nodes[n].get("n_letters") or 0),
                                                               state.label(G, n).casefold()))
    return {"orgs": orgs, "org_labels": {n: state.org_option(G, n) for n in orgs}, "letters": letters,
            "dates": dates, "tags": tags, "max_letters": max(max_l, 1),
            "letter_labels": {n: f"{_date(G, n) or 'undated'} · {state.short_label(G, n, 50)}" for n in letters},
            "demands": demands, "demand_labels": {n: state.short_label(G, n, 60) for n in demands},
            "problems": [p.message for p in corpus.problems]}


@st.cache_data(max_entries=8)
def options(key: str) -> dict:
    """Everything the sidebar needs, from the disk cache when the corpus is known: drawing the first
    view after a restart must not wait for a big corpus to be read back from the store."""
    dkey = state.view_key("options", key)
    got = state.disk_get("options", dkey)
    if got is None:
        got = _compute_options(state.get_corpus())
        state.disk_put("options", dkey, got)
    return got


def _date_range(opts: dict, value) -> tuple[str, str] | None:
    if len(opts["dates"]) < 2 or value is None:
        return None
    lo, hi = value
    return None if (lo, hi) == (opts["dates"][0], opts["dates"][-1]) else (lo, hi)


def current(ego: str | None = None, radius: int = 2) -> Filters:
    """The Filters `sidebar()` will return on this run, read from the widgets' session state (defaults
    before they exist). The Network view draws with it first and puts the widgets after the drawing:
    the browser then shows the graph before it lays out a dozen sidebar widgets."""
    opts = options(state.corpus_key())
    ss = st.session_state
    return Filters(tuple(ss.get("f_letters", ())), tuple(ss.get("f_demands", ())), tuple(ss.get("f_orgs", ())),
                   _date_range(opts, ss.get("f_dates")), tuple(ss.get("f_kinds", KINDS)), tuple(ss.get("f_tags", ())),
                   int(ss.get("f_min_letters", 1)), int(ss.get("f_min_shared", 2)), float(ss.get("f_alpha", 1.0)),
                   (), ego, int(radius), int(ss.get("f_max_nodes", DEFAULT_MAX_NODES)), ss.get("f_mode", "map"))


def sidebar(ego: str | None = None, radius: int = 2) -> Filters:
    """Draw the filter widgets (all keyed, each with help) and return their values."""
    opts = options(state.corpus_key())
    sb = st.sidebar
    sb.subheader("Filters")
    mode = sb.radio("Draw", tuple(MODE_TEXT), key="f_mode", format_func=MODE_TEXT.get,
                    help="The map shows who signs with whom. Picking letters, demands or organizations below "
                         "(or searching one) always shows the full graph of that selection.")
    letters = sb.multiselect("Letters", opts["letters"], key="f_letters",
                             format_func=lambda n: opts["letter_labels"].get(n, n),
                             help="Show only these letters, their signatories and demands. Empty = every letter.")
    demands = sb.multiselect("Demands", opts["demands"], key="f_demands",
                             format_func=lambda n: opts["demand_labels"].get(n, n),
                             help="Show the letters making these demands and who signed them.")
    orgs = sb.multiselect("Organizations", opts["orgs"], key="f_orgs",
                          format_func=lambda n: opts["org_labels"].get(n, n), max_selections=12,
                          help="Show these organizations, the letters they signed and their co-signers.")
    date_range = None
    if len(opts["dates"]) >= 2:
        date_range = _date_range(opts, sb.select_slider(
            "Date range", options=opts["dates"], value=(opts["dates"][0], opts["dates"][-1]), key="f_dates",
            help="Only letters dated in this period (a letter dated by year only counts for its whole year)."))
    kinds = sb.multiselect("Node types", KINDS, default=list(KINDS), key="f_kinds",
                           help="Full graph only: which kinds of node to draw.")
    tags = sb.multiselect("Coalition tags", opts["tags"], key="f_tags",
                          help="Only organizations with one of these tags. Empty = every organization.")
    top = max(opts["max_letters"], 2)
    min_letters = sb.slider("Minimum letters signed", 1, top, 1, key="f_min_letters",
                            help="Leave out organizations that signed fewer letters than this.")
    min_shared = sb.slider("Minimum letters in common (tie weight)", 1, top, 2, key="f_min_shared",
                           help="Relationship map: a tie needs this many letters signed together. One shared "
                                "letter of 400 names makes 80,000 pairs, so 2 is the default.")
    alpha = sb.select_slider("Tie significance (p ≤)", options=[0.001, 0.01, 0.05, 1.0], value=1.0, key="f_alpha",
                             help="Relationship map: keep ties whose overlap would be this unlikely by chance "
                                  "(hypergeometric test). 1.0 = the corrected significance backbone when the corpus "
                                  "is big enough, else every tie.")
    max_nodes = int(sb.number_input("Draw at most N nodes", 20, 5000, DEFAULT_MAX_NODES, step=50, key="f_max_nodes",
                                    help="More would pile up: the rest are folded into coalition and period "
                                         "super-nodes (full graph) or left out (map; the strongest ties stay)."))
    return Filters(tuple(letters), tuple(demands), tuple(orgs), date_range, tuple(kinds), tuple(tags),
                   int(min_letters), int(min_shared), float(alpha), (), ego, int(radius), max_nodes, mode)


def select(G: nx.DiGraph, f: Filters):
    """(H, info) the Network view draws for these filters (graph.network.selection)."""
    from graph.network import selection

    ego = [*f.orgs, *([f.ego] if f.ego else [])]
    return selection.select(G, f.mode, letters=f.letters, demands=f.demands, ego=ego, radius=f.radius,
                            date_range=f.date_range, kinds=f.kinds, tags=f.tags, min_letters=f.min_letters,
                            min_shared=f.min_shared, alpha=f.alpha, hide=f.hide, max_nodes=f.max_nodes)
