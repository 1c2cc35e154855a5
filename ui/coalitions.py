"""Coalitions: organizations grouped by coalition tag or by detected community, each collapsible into a
super-node; focused lists (diaspora by country, Rohingya, ethnic groups, strike committees); bridges."""
from __future__ import annotations

import networkx as nx
import pandas as pd
import streamlit as st

from . import state

FOCUS = {  # tag -> how to split it (by the tag's recorded value, e.g. the country of a diaspora group)
    "diaspora": "Diaspora by country",
    "rohingya": "Rohingya networks",
    "ethnic": "Ethnic groups",
    "grassroots_resistance": "Strike committees and resistance networks",
}


def _group_key(G: nx.DiGraph, n: str, by: str, communities: dict) -> list[str]:
    if by == "community":
        c = communities.get(n)
        return [f"community {c}"] if c is not None else []
    return list(G.nodes[n].get("tags") or []) or ["untagged"]


@st.cache_resource(max_entries=4)
def _communities(key: str, _G: nx.DiGraph) -> dict:
    """org node -> community id, from graph.communities (whatever shape it returns)."""
    mod = state.optional("graph.communities")
    if mod is None:
        return {}
    fn = getattr(mod, "communities", None) or getattr(mod, "detect", None)
    res = fn(_G, seed=0)
    if isinstance(res, dict):
        return res
    out = {}
    for i, group in enumerate(res or []):
        members = getattr(group, "members", group)
        for n in members:
            out[n] = getattr(group, "id", i)
    return out


def groups_table(G: nx.DiGraph, by: str, communities: dict) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for n in state.nodes_of(G, state.ORG):
        for k in _group_key(G, n, by, communities):
            groups.setdefault(k, []).append(n)
    return dict(sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])))


def _org_rows(G: nx.DiGraph, members: list[str], value_tag: str | None = None) -> pd.DataFrame:
    rows = []
    for n in sorted(members, key=lambda n: (-int(G.nodes[n].get("n_letters") or 0), state.label(G, n))):
        d = G.nodes[n]
        row = {"organization": state.label(G, n), "letters": d.get("n_letters", 0),
               "tags": ", ".join(d.get("tags") or []), "country": d.get("country", "")}
        if value_tag:
            row["value"] = (d.get("tag_values") or {}).get(value_tag, "")
        rows.append(row)
    return pd.DataFrame(rows)


@st.cache_data(max_entries=16, show_spinner="Drawing coalitions…")
def collapsed_html(key: str, by: str, expanded: tuple[str, ...], _G: nx.DiGraph) -> str | None:
    """Super-node view from graph.coalitions, drawn like the network view."""
    coal, render, view = (state.optional(m) for m in ("graph.coalitions", "graph.render", "graph.view"))
    fn = getattr(coal, "collapse", None) if coal else None
    if fn is None or render is None or view is None:
        return None
    H = fn(_G, by=by, expand=list(expanded))
    return render.to_pyvis_html(H, view.layout(H, seed=0))


@st.cache_data(max_entries=4, show_spinner="Finding brokers…")
def bridge_rows(key: str, _G: nx.DiGraph) -> list[tuple]:
    """Organizations with the highest betweenness in the co-signature network (graph.brokers),
    most useful when they tie into two or more communities."""
    from graph import brokers

    return [(b.label, b.betweenness, b.degree, sum(1 for c, n in b.bridges if c >= 0), b.explain())
            for b in brokers.brokers(_G, k=25)]


def _bridges(G: nx.DiGraph) -> None:
    st.subheader("Bridges between coalitions")
    brokers = state.optional("graph.brokers")
    if brokers is None:
        return state.missing("graph.brokers")
    res = bridge_rows(state.corpus_key(), G)
    rows = [{"organization": label, "betweenness": round(b, 4), "ties": deg, "communities bridged": n_c,
             "why": why} for label, b, deg, n_c, why in res]
    if rows:
        st.dataframe(pd.DataFrame(rows), hide_index=True, key="co_bridges", width="stretch")
    else:
        st.caption("No organization links two coalitions.")


def render() -> None:
    st.header("Coalitions")
    G = state.graph()
    by = st.radio("Group by", ("tag", "community"), horizontal=True, key="co_by",
                  format_func={"tag": "coalition tag", "community": "detected community"}.get)
    communities = _communities(state.corpus_key(), G) if by == "community" else {}
    if by == "community" and not communities:
        state.missing("graph.communities")
    groups = groups_table(G, by, communities)
    st.caption(f"{len(groups)} coalitions. An organization with several tags is counted in each.")

    expanded = st.multiselect("Expand super-nodes", list(groups), key="co_expand",
                              help="Each coalition is drawn as one node with its count; expand one to see its "
                                   "organizations.")
    html = collapsed_html(state.corpus_key(), by, tuple(sorted(expanded)), G)
    if html is not None:
        st.iframe(html, height=560)
    else:
        st.dataframe(pd.DataFrame([{"coalition": k, "organizations": len(v)} for k, v in groups.items()]),
                     hide_index=True, key="co_counts")

    tabs = st.tabs([*FOCUS.values(), "All coalitions"])
    for tab, (tag, title) in zip(tabs, FOCUS.items()):
        with tab:
            members = [n for n in state.nodes_of(G, state.ORG) if tag in (G.nodes[n].get("tags") or [])]
            if not members:
                st.caption(f"No organization tagged `{tag}`.")
                continue
            df = _org_rows(G, members, tag)
            split = df["value"].replace("", "(not recorded)")
            st.bar_chart(split.value_counts(), horizontal=True)
            st.dataframe(df, hide_index=True, key=f"co_focus_{tag}", width="stretch")
    with tabs[-1]:
        for k, members in groups.items():
            with st.expander(f"{k.replace('_', ' ')} ({len(members)})"):
                st.dataframe(_org_rows(G, members), hide_index=True, key=f"co_tbl_{k}", width="stretch")
    _bridges(G)
