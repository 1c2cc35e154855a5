"""Coalitions: organizations grouped by coalition tag or by detected community (graph.coalitions,
graph.communities), each drawn as a super-node with its count that can be expanded back; focused lists
(diaspora by country, Rohingya networks, ethnic groups, strike committees); bridges (graph.brokers)."""
from __future__ import annotations

import networkx as nx
import pandas as pd
import streamlit as st

from . import state

FOCUS = {  # tag -> tab title; diaspora and ethnic are split by their recorded value (country, nationality)
    "diaspora": "Diaspora by country",
    "rohingya": "Rohingya networks",
    "ethnic": "Ethnic groups",
    "grassroots_resistance": "Strike committees",
}
UNTAGGED = "untagged"


@st.cache_resource(max_entries=4, show_spinner="Grouping organizations…")
def groups_of(key: str, by: str, _G: nx.DiGraph) -> dict[str, frozenset[str]]:
    """Coalition name -> member org ids, largest first. Untagged organizations form their own group,
    so the collapsed view really has one node per coalition."""
    from graph import coalitions, communities

    if by == "community":
        parts = communities.communities(_G, seed=0)
        groups = {f"community {i + 1}": frozenset(p) for i, p in enumerate(parts)}
    else:
        groups = {k: frozenset(v) for k, v in coalitions.tag_coalitions(_G).items()}
        tagged = set().union(*groups.values()) if groups else set()
        rest = frozenset(n for n in state.nodes_of(_G, state.ORG) if n not in tagged)
        if rest:
            groups[UNTAGGED] = rest
    return dict(sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])))


@st.cache_data(max_entries=16, show_spinner="Drawing coalitions…")
def collapsed_html(key: str, by: str, expanded: tuple[str, ...], _G: nx.DiGraph,
                   _groups: dict[str, frozenset[str]]) -> tuple[str, int]:
    """(html, nodes drawn): every coalition folded into one super-node except the expanded ones."""
    from graph import coalitions, render, view

    # Coalitions and the letters they signed; demands would double the picture and are in the tables.
    G2 = _G.subgraph([n for n, k in _G.nodes(data="kind") if k in (state.ORG, state.LETTER)])
    H = coalitions.collapse(G2, {k: v for k, v in _groups.items() if k not in expanded})
    for n, d in H.nodes(data=True):
        if d.get("kind") == "coalition":  # drawn as a "group" node (diamond) coloured by its coalition
            d["kind"], d["group"], d["count"] = "group", d.get("name", n), d.get("n_members", 1)
        elif d.get("kind") == state.LETTER:  # short labels: the coalitions are the subject here
            d["label"] = f"{d.get('date') or 'undated'} · {str(d.get('label', ''))[:24]}…"
    H.graph["view"] = (f"{sum(1 for _, k in H.nodes(data='kind') if k == 'group')} coalitions folded into "
                       f"super-nodes (label: members)" + (f"; expanded: {', '.join(expanded)}" if expanded else ""))
    # A few super-nodes would sit on top of each other at the default spacing: spread small pictures out.
    spread = max(1.0, 3.0 * (40 / max(H.number_of_nodes(), 1)) ** 0.5) if H.number_of_nodes() < 40 else 1.0
    pos = {n: (x * spread, y * spread) for n, (x, y) in view.layout(H, seed=0).items()}
    return render.to_pyvis_html(H, pos, height="560px", legend=False), H.number_of_nodes()


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
    """Organizations with the highest betweenness in the co-signature network (graph.brokers)."""
    from graph import brokers

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
                st.bar_chart(counts.rename("organizations"), horizontal=True)
            state.org_table(df, f"co_focus_{tag}", _ordered(G, members))


def _tables(G: nx.DiGraph, groups: dict[str, frozenset[str]]) -> None:
    from graph import coalitions

    st.subheader("A table per coalition")
    shown = list(groups.items())[:60]
    if len(groups) > len(shown):
        st.caption(f"The 60 largest of {len(groups)} coalitions.")
    for name, members in shown:
        with st.expander(f"{name.replace('_', ' ')} · {len(members)} organizations"):
            s = coalitions.summarize(G, name, members)
            st.caption(f"{s.n_letters} letters · tags: {', '.join(f'{t} ({n})' for t, n in s.tags) or 'none'} · "
                       f"demands: {', '.join(state.label(G, d) for d, _ in s.demands[:4]) or 'none'}")
            state.org_table(_members(G, members), f"co_tbl_{name}", _ordered(G, members))


def render() -> None:
    st.header("Coalitions")
    G = state.graph()
    by = st.radio("Group by", ("tag", "community"), horizontal=True, key="co_by",
                  format_func={"tag": "coalition tag", "community": "detected community (co-signature)"}.get)
    groups = groups_of(state.corpus_key(), by, G)
    st.caption(f"{len(groups)} coalitions. An organization with several tags is drawn in the first (largest) one "
               "and listed in each table. Select a row in a table to open that organization's profile.")
    expanded = st.multiselect("Expand super-nodes", list(groups), key="co_expand",
                              help="Each coalition is one node labelled with its count; expand one to see its members.")
    html, n = collapsed_html(state.corpus_key(), by, tuple(sorted(expanded)), G, groups)
    st.iframe(html, height=580)
    if n > 600:
        st.warning(f"{n} nodes drawn: collapse some coalitions again to keep the picture readable.")
    _focus(G)
    _bridges(G)
    _tables(G, groups)
