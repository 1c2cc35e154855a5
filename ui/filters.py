"""Sidebar filters. They return one frozen, hashable `Filters`, so cached HTML/layouts key on it."""
from __future__ import annotations

import inspect
from dataclasses import asdict, dataclass, replace

from typing import TYPE_CHECKING

import streamlit as st

if TYPE_CHECKING:  # networkx costs ~0.5 s to import; the first view can come from the disk cache without it
    import networkx as nx

from . import state

KINDS = ("organization", "letter", "demand")
DEFAULT_MAX_NODES = 150  # beyond this labels pile up; the rest become coalition super-nodes


@dataclass(frozen=True)
class Filters:
    letters: tuple[str, ...] = ()  # letter node ids; () = all
    date_range: tuple[str, str] | None = None
    kinds: tuple[str, ...] = KINDS
    tags: tuple[str, ...] = ()
    min_letters: int = 1
    min_shared: int = 1  # co-signature tie strength (letters in common)
    alpha: float = 1.0  # significance: keep ties with p <= alpha (1.0 = no test)
    hide: tuple[str, ...] = ()  # org node ids never drawn
    ego: str | None = None
    radius: int = 1
    max_nodes: int = DEFAULT_MAX_NODES
    mode: str = "bipartite"  # or "ties": organizations joined by co-signature ties


def _date(G: nx.DiGraph, n: str) -> str:
    return str(G.nodes[n].get("date") or "")


def _compute_options(corpus) -> dict:
    G = corpus.graph
    letters = sorted(state.nodes_of(G, state.LETTER), key=lambda n: (_date(G, n), n))
    dates = sorted({_date(G, n)[:7] for n in letters if _date(G, n)})
    tags = sorted({t for _, d in G.nodes(data=True) if d.get("kind") == state.ORG for t in d.get("tags") or ()})
    max_l = max([int(d.get("n_letters") or 0) for _, d in G.nodes(data=True) if d.get("kind") == state.ORG] or [1])
    return {"letters": letters, "dates": dates, "tags": tags, "max_letters": max(max_l, 1),
            "letter_labels": {n: f"{_date(G, n) or 'undated'} · {state.short_label(G, n, 50)}" for n in letters},
            "problems": [p.message for p in corpus.problems]}


@st.cache_data(max_entries=8)
def options(key: str) -> dict:
    """Everything the sidebar needs, from the disk cache when the corpus is known: drawing the first
    view after a restart must not wait for a big corpus to be unpickled."""
    dkey = state.view_key("options", key)
    got = state.disk_get("options", dkey)
    if got is None:
        got = _compute_options(state.get_corpus())
        state.disk_put("options", dkey, got)
    return got


def current(ego: str | None = None, radius: int = 1) -> Filters:
    """The Filters `sidebar()` will return on this run, read from the widgets' session state (defaults
    before they exist). The Network view draws with it first and puts the widgets after the drawing:
    the browser then shows the graph before it lays out a dozen sidebar widgets."""
    opts = options(state.corpus_key())
    ss = st.session_state
    date_range = None
    if len(opts["dates"]) >= 2:
        lo, hi = ss.get("f_dates", (opts["dates"][0], opts["dates"][-1]))
        if (lo, hi) != (opts["dates"][0], opts["dates"][-1]):
            date_range = (lo, hi)
    return Filters(tuple(ss.get("f_letters", ())), date_range, tuple(ss.get("f_kinds", KINDS)),
                   tuple(ss.get("f_tags", ())), int(ss.get("f_min_letters", 1)), int(ss.get("f_min_shared", 2)),
                   float(ss.get("f_alpha", 1.0)), (), ego, int(radius),
                   int(ss.get("f_max_nodes", DEFAULT_MAX_NODES)), ss.get("f_mode", "bipartite"))


def sidebar(G: nx.DiGraph | None = None, ego: str | None = None, radius: int = 1) -> Filters:
    """Draw the filter widgets (all keyed) and return their values. G is not needed (kept for callers)."""
    opts = options(state.corpus_key())
    sb = st.sidebar
    sb.subheader("Filters")
    letters = sb.multiselect("Letters", opts["letters"], key="f_letters",
                             format_func=lambda n: opts["letter_labels"].get(n, n),
                             help="Empty = every letter.")
    date_range = None
    if len(opts["dates"]) >= 2:
        lo, hi = sb.select_slider("Date range", options=opts["dates"], value=(opts["dates"][0], opts["dates"][-1]),
                                  key="f_dates")
        if (lo, hi) != (opts["dates"][0], opts["dates"][-1]):
            date_range = (lo, hi)
    kinds = sb.multiselect("Node types", KINDS, default=list(KINDS), key="f_kinds")
    tags = sb.multiselect("Coalition tags", opts["tags"], key="f_tags", help="Empty = every organization.")
    min_letters = sb.slider("Minimum letters signed", 1, max(opts["max_letters"], 2), 1, key="f_min_letters")
    min_shared = sb.slider("Minimum letters in common (tie weight)", 1, max(opts["max_letters"], 2), 2,
                           key="f_min_shared", help="For “co-signature ties”: one shared letter of 400 names makes "
                                                    "80,000 pairs, so 2 is the default.")
    alpha = sb.select_slider("Tie significance (p ≤)", options=[0.001, 0.01, 0.05, 1.0], value=1.0, key="f_alpha",
                             help="For “co-signature ties”: hypergeometric test of the overlap; 1.0 keeps every tie.")
    max_nodes = int(sb.number_input("Draw at most N nodes", 20, 5000, DEFAULT_MAX_NODES, step=50, key="f_max_nodes",
                                    help="The rest are aggregated into coalition super-nodes."))
    mode = sb.radio("Draw", ("bipartite", "ties"), key="f_mode", format_func={
        "bipartite": "organizations → letters → demands", "ties": "co-signature ties between organizations"}.get)
    return Filters(tuple(letters), date_range, tuple(kinds), tuple(tags), int(min_letters), int(min_shared),
                   float(alpha), (), ego, int(radius), max_nodes, mode)


def filter_view(G: nx.DiGraph, f: Filters):
    """Call graph.view.filter_view with the arguments it actually accepts (the module is a teammate's)."""
    from graph import view

    params = inspect.signature(view.filter_view).parameters
    kw = {k: v for k, v in asdict(f).items() if k in params}
    for k in ("letters", "tags", "kinds"):  # empty selection means "no filter", not "nothing"
        if k in kw:
            kw[k] = list(kw[k]) or None
    return view.filter_view(G, **kw)


MAX_TIE_EDGES = 4000  # beyond this the browser spends seconds drawing lines nobody can read


def tie_view(G: nx.DiGraph, f: Filters) -> tuple[nx.DiGraph, dict]:
    """Organizations joined by co-signature ties (graph.cosign) within the filtered letters."""
    from graph import cosign

    H0, info = filter_view(G, replace(f, kinds=(), max_nodes=10**9))
    t = cosign.ties(H0, min_shared=f.min_shared)
    if f.alpha < 1.0:
        t = t.subset(t.p <= f.alpha)
    if len(t) > MAX_TIE_EDGES:
        t = t.subset(t.weight >= sorted(t.weight)[-MAX_TIE_EDGES])
    T = cosign.tie_graph(t)
    T.remove_nodes_from([n for n in list(T) if T.degree(n) == 0])
    if T.number_of_nodes() > f.max_nodes:
        strength = dict(T.degree(weight="weight"))
        T = T.subgraph(sorted(T, key=lambda n: (-strength[n], n))[: f.max_nodes]).copy()
    import networkx as nx

    H = nx.DiGraph()
    H.add_nodes_from((n, dict(G.nodes[n])) for n in T)
    H.add_edges_from((a, b, {**d, "kind": "cosigned"}) for a, b, d in T.edges(data=True))
    n_orgs = sum(1 for _, k in H0.nodes(data="kind") if k == "organization")
    info = {**info, "caption": f"{H.number_of_nodes()} of {n_orgs} organizations, {H.number_of_edges()} ties "
                               f"(≥ {f.min_shared} letters in common" + (f", p ≤ {f.alpha}" if f.alpha < 1 else "")
                               + "); organizations without such a tie are not drawn.", "groups": {}}
    H.graph["view"] = info["caption"]
    return H, info
