"""Coalitions: organizations grouped by coalition tag or by detected community (graph.network.coalitions,
graph.network.communities), each drawn as a super-node with its count that can be expanded back in place
(graph.network.coalition_view); focused lists (diaspora by country, Rohingya networks, ethnic groups, strike
committees); bridges (graph.network.brokers)."""
from __future__ import annotations

import networkx as nx
import pandas as pd
import streamlit as st

from graph.draw.style import group_colour

from . import navigation, state
from .text import md

FOCUS = {  # tag -> tab title; diaspora and ethnic are split by their recorded value (country, nationality)
    "diaspora": "Diaspora by country",
    "rohingya": "Rohingya networks",
    "ethnic": "Ethnic groups",
    "grassroots_resistance": "Strike committees",
}


@st.cache_resource(max_entries=4, show_spinner="Grouping organizations…")
def groups_of(key: str, by: str, _G: nx.DiGraph) -> dict[str, frozenset[str]]:
    """Coalition name -> member org ids, largest first. Untagged organizations form their own group,
    so the collapsed view really has one node per coalition."""
    from graph.network import coalition_view
    from graph.network import communities

    if by == "community":
        parts = communities.communities(_G, seed=0)
        return {f"community {i + 1}": frozenset(p) for i, p in enumerate(parts)}  # largest first
    return coalition_view.tag_groups(_G)



@st.cache_resource(max_entries=4, show_spinner="Placing the coalitions…")
def coalition_positions(key: str, by: str, _G: nx.DiGraph, _groups: dict[str, frozenset[str]]) -> dict:
    """Where every super-node, period and organization of this grouping sits, whatever is expanded."""
    from graph.network import coalition_view

    return coalition_view.positions(_G, _groups)


@st.cache_data(max_entries=16, show_spinner="Drawing coalitions…")
def collapsed_html(key: str, by: str, expanded: tuple[str, ...], _G: nx.DiGraph,
                   _groups: dict[str, frozenset[str]]) -> tuple[str, int, dict[str, int]]:
    """(html, nodes drawn, organizations per super-node): every coalition folded into one super-node
    except the expanded ones, at positions that do not depend on what is expanded."""
    from graph.network import coalition_view
    from graph.draw import render

    H = coalition_view.coalition_graph(_G, _groups, expanded)
    H.graph["view"] = ""
    pos = coalition_positions(key, by, _G, _groups)
    html = render.to_pyvis_html(H, pos, height="560px", label_zoom=coalition_view.LABEL_ZOOM)
    return html, H.number_of_nodes(), coalition_view.coalition_sizes(H)


BARS_MAX = 40  # more bars than this do not read: the smallest are summed up in the caption


def _bars(counts: dict[str, int], colours, key: str, title: str) -> None:
    """Horizontal bars, largest first, whole-number axis; `colours` is one colour or one per bar."""
    import altair as alt

    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(ranked) > BARS_MAX:
        st.caption(f"The {BARS_MAX} largest of {len(ranked)}.")
        ranked = ranked[:BARS_MAX]
    names = [k for k, _ in ranked]
    df = pd.DataFrame({"name": [k.replace("_", " ") for k in names], title: [v for _, v in ranked],
                       "colour": [colours[k] if isinstance(colours, dict) else colours for k in names]})
    chart = alt.Chart(df).mark_bar().encode(
        y=alt.Y("name:N", sort=None, title=None, axis=alt.Axis(labelLimit=260)),
        x=alt.X(f"{title}:Q", title=title, axis=alt.Axis(tickMinStep=1, format="d")),
        color=alt.Color("colour:N", scale=None), tooltip=["name", title],
    ).properties(height=max(60, 22 * len(df)))
    st.altair_chart(chart, key=key)


def _sizes_chart(sizes: dict[str, int]) -> None:
    """Organizations per super-node, largest first: the same numbers as the diamonds and the legend."""
    if sizes:
        st.subheader("Coalition sizes")
        _bars(sizes, {k: group_colour(k) for k in sizes}, "co_sizes", "organizations in the diamond")


def _ordered(G: nx.DiGraph, members) -> list[str]:
    return sorted(members, key=lambda n: (-int(G.nodes[n].get("n_letters") or 0), state.label(G, n)))


def _members(G: nx.DiGraph, members, value_tag: str | None = None) -> pd.DataFrame:
    rows = []
    for n in _ordered(G, members):
        d = G.nodes[n]
        row = {"organization": state.label(G, n), "letters": d.get("n_letters", 0),
               "tags": ", ".join(d.get("tags") or []), "country": d.get("country", "")}
        if value_tag:
            row[value_tag] = (d.get("tag_values") or {}).get(value_tag, "") or "(not recorded)"
        rows.append(row)
    return pd.DataFrame(rows)


@st.cache_data(max_entries=4, show_spinner="Finding brokers…")
def bridge_rows(key: str, _G: nx.DiGraph) -> list[tuple]:
    """Organizations with the highest betweenness in the co-signature network (graph.network.brokers)."""
    from graph.network import brokers

    return [(b.label, b.betweenness, b.degree, sum(1 for c, n in b.bridges if c >= 0), b.explain())
            for b in brokers.brokers(_G, k=25)]


def _bridges(G: nx.DiGraph) -> None:
    st.subheader("Bridges between coalitions")
    st.caption("Organizations on many shortest paths of the co-signature network, and the communities they tie.")
    rows = [{"organization": label, "betweenness": round(b, 4), "ties": deg, "communities bridged": n_c, "why": why}
            for label, b, deg, n_c, why in bridge_rows(state.corpus_key(), G)]
    if rows:
        st.dataframe(pd.DataFrame(rows), hide_index=True, key="co_bridges", width="stretch")
    else:
        st.caption("No organization links two coalitions.")


def _focus(G: nx.DiGraph) -> None:
    tabs = st.tabs(list(FOCUS.values()))
    for tab, (tag, title) in zip(tabs, FOCUS.items()):
        with tab:
            members = [n for n in state.nodes_of(G, state.ORG) if tag in (G.nodes[n].get("tags") or [])]
            if not members:
                st.caption(f"No organization tagged `{tag}`.")
                continue
            df = _members(G, members, tag)
            if tag in ("diaspora", "ethnic"):
                counts = df[tag].str.split("; ").explode().value_counts()
                st.caption(f"Each organization counted once per {tag} value it has (an organization of two "
                           "countries is in both bars).")
                _bars(counts.to_dict(), group_colour(tag), f"co_bars_{tag}", "organizations")
            navigation.org_table(df, f"co_focus_{tag}", _ordered(G, members))


def _tables(G: nx.DiGraph, groups: dict[str, frozenset[str]]) -> None:
    from graph.network import coalitions

    st.subheader("A table per coalition")
    shown = list(groups.items())[:60]
    if len(groups) > len(shown):
        st.caption(f"The 60 largest of {len(groups)} coalitions.")
    for name, members in shown:
        with st.expander(f"{md(name.replace('_', ' '))} · {len(members)} organizations"):
            s = coalitions.summarize(G, name, members)
            st.caption(md(f"{s.n_letters} letters · tags: {', '.join(f'{t} ({n})' for t, n in s.tags) or 'none'} · "
                          f"demands: {', '.join(state.label(G, d) for d, _ in s.demands[:4]) or 'none'}"))
            navigation.org_table(_members(G, members), f"co_tbl_{name}", _ordered(G, members))


@st.fragment
def _drawing(G: nx.DiGraph, by: str, groups: dict[str, frozenset[str]]) -> None:
    """The folded drawing: a fragment, so expanding a super-node redraws only the drawing (the chart and
    tables below take a second to lay out again in the browser)."""
    expanded = st.multiselect("Expand super-nodes", list(groups), key="co_expand",
                              help="Each coalition is one diamond labelled with its count; expand one to see its "
                                   "members around it. Nothing else moves.")
    html, n, _ = collapsed_html(state.corpus_key(), by, tuple(sorted(expanded)), G, groups)
    st.iframe(html, height=580)
    st.caption(f"{len(groups)} coalitions. An organization with several tags is counted once, in the first (largest) "
               "coalition that lists it: the diamonds, the legend and the bars below use that count; the tables "
               "further down list it under every tag. Letters beyond the "
               "busiest few are folded into period squares.")
    if n > 600:
        st.warning(f"{n} nodes drawn: collapse some coalitions again to keep the picture readable.")


def render() -> None:
    st.header("Coalitions")
    G = state.graph()
    by = st.radio("Group by", ("tag", "community"), horizontal=True, key="co_by",
                  format_func={"tag": "coalition tag", "community": "detected community (co-signature)"}.get,
                  help="Tags come from data/coalitions.yaml (diaspora by country, Rohingya networks, ...); "
                       "communities are clusters of organizations that sign together.")
    groups = groups_of(state.corpus_key(), by, G)
    _drawing(G, by, groups)
    # Sizes of every coalition as folded (an expanded one keeps its count): the chart need not redraw on expand.
    _sizes_chart(collapsed_html(state.corpus_key(), by, (), G, groups)[2])
    _focus(G)
    _bridges(G)
    _tables(G, groups)
