"""Letters and demands: each letter's metadata, signatories, skipped lines and demand evidence;
the letter x demand matrix; the organizations behind each demand."""
from __future__ import annotations

import altair as alt
import networkx as nx
import pandas as pd
import streamlit as st

from . import navigation, state
from .text import md
from graph.kinds import EdgeKind


def _meta(L, d: dict) -> None:
    st.markdown(f"### {md(L.title or d.get('title') or L.file)}")
    meta = {"file": L.file, "date": L.date or "", "recipients": " · ".join(L.recipients),
            "signatories (named)": len(L.signatories), "claimed total": L.claimed_total or "",
            "undisclosed": L.undisclosed_count or "", "source": L.source_url or "",
            "signed by": f"{L.signed_by.name} ({L.signed_by.role or ''})" if L.signed_by else "",
            "reader's confidence": f"{L.confidence:.0%}: " + "; ".join(L.confidence_reasons)}
    st.dataframe(pd.DataFrame([{"field": k, "value": str(v)} for k, v in meta.items() if v != ""]),
                 hide_index=True, key="lt_meta")
    for w in L.warnings:
        st.warning(md(w))


def _signatories(L) -> None:
    st.subheader(f"Signatories ({len(L.signatories)})")
    if not L.signatories:
        st.caption("No organization found by the reader"
                   + (f" ({md('; '.join(L.confidence_reasons))})" if L.confidence_reasons else "") + ".")
        return
    df = pd.DataFrame([{"#": i + 1, "name": s.name, "acronym": s.acronym or "", "member of": s.member_of or "",
                        "country": s.country or "", "location": s.location or "", "lines": ", ".join(map(str, s.lines)),
                        "printed": s.printed, "inferred": s.inferred or ""}
                       for i, s in enumerate(L.signatories)])
    st.dataframe(df, hide_index=True, key="lt_sigs", width="stretch")
    st.download_button("Download signatories (CSV)", df.to_csv(index=False).encode("utf-8"),
                       f"{L.file.rsplit('.', 1)[0]}_signatories.csv", "text/csv", key="lt_sigs_dl", help="This letter's signatories with their source lines, as a CSV file.")
    if L.individuals:
        with st.expander(f"{len(L.individuals)} individual(s) signing in a personal capacity"):
            st.dataframe(pd.DataFrame([{"name": p.name, "role": p.role or "", "organization": p.organization or ""}
                                       for p in L.individuals]), hide_index=True, key="lt_people")


def _skipped(L) -> None:
    with st.expander(f"Lines the extractor skipped ({len(L.skipped)})"):
        if L.skipped:
            st.dataframe(pd.DataFrame([{"line": s.line, "text": s.text, "reason": s.reason} for s in L.skipped]),
                         hide_index=True, key="lt_skipped")
        else:
            st.caption("None.")


def _demands(L) -> None:
    st.subheader(f"Demands ({len(L.demands)})")
    if L.demands:
        st.dataframe(pd.DataFrame([{"demand": h.label or h.id, "evidence": h.evidence,
                                    "lines": ", ".join(map(str, h.lines)), "also": " · ".join(h.also)}
                                   for h in L.demands]), hide_index=True, key="lt_demands", width="stretch")
    if L.unclassified_asks:
        with st.expander(f"Asks outside the taxonomy ({len(L.unclassified_asks)})"):
            st.dataframe(pd.DataFrame([{"text": a.text, "lines": ", ".join(map(str, a.lines))}
                                       for a in L.unclassified_asks]), hide_index=True, key="lt_asks")


@st.cache_data(max_entries=8)
def matrix(key: str, _G: nx.DiGraph) -> pd.DataFrame:
    """Long table letter x demand (1 = the letter makes the demand); letters in date order."""
    rows = []
    for i, v in enumerate(sorted(state.nodes_of(_G, state.LETTER), key=lambda v: (str(_G.nodes[v].get("date", "")), v))):
        for dn in _G.successors(v):
            if _G.edges[v, dn].get("kind") == EdgeKind.DEMANDS:
                rows.append({"order": i, "letter": f"{_G.nodes[v].get('date') or 'undated'} · "
                                                   f"{state.short_label(_G, v, 32)}",
                             "demand": state.label(_G, dn), "made": 1})
    return pd.DataFrame(rows, columns=["order", "letter", "demand", "made"])


HEATMAP_LETTERS = 80  # columns beyond this are too thin to read: the letters with most demands are shown
CELL = 22  # px per demand row; letter columns get between 12 and 40 px


def _heatmap(G: nx.DiGraph) -> None:
    st.subheader("Letter × demand")
    df = matrix(state.corpus_key(), G)
    if df.empty:
        st.caption("No demand found in any letter.")
        return
    n_letters = df["letter"].nunique()
    if n_letters > HEATMAP_LETTERS:
        top = df.groupby("letter").size().sort_values(ascending=False).index[:HEATMAP_LETTERS]
        st.caption(f"{n_letters} letters: showing the {HEATMAP_LETTERS} with most demands.")
        df = df[df["letter"].isin(top)]
    letters = list(df.sort_values("order")["letter"].drop_duplicates())
    demands = list(df["demand"].value_counts().index)  # most-made demand first
    step = max(12, min(40, 900 // max(len(letters), 1)))
    chart = alt.Chart(df).mark_rect(color="#1f6f8b").encode(
        x=alt.X("letter:N", sort=letters, title=None,
                axis=alt.Axis(labelAngle=-50, labelLimit=240, labelOverlap=False, orient="top")),
        y=alt.Y("demand:N", sort=demands, title=None, axis=alt.Axis(labelLimit=300, labelOverlap=False)),
        tooltip=["letter", "demand"],
    ).properties(width=alt.Step(step), height=alt.Step(CELL))
    st.caption("One row per demand (most made first), one column per letter (by date); a filled cell: the letter "
               "makes that demand.")
    st.altair_chart(chart, key="lt_heatmap")


def _behind(G: nx.DiGraph) -> None:
    st.subheader("Organizations behind a demand")
    demands = sorted(state.nodes_of(G, state.DEMAND), key=lambda n: state.label(G, n))
    if not demands:
        return
    dn = st.selectbox("Demand", demands, key="lt_demand", format_func=lambda n: state.label(G, n),
                      help="The organizations that signed letters making this demand, most letters first.")
    desc = G.nodes[dn].get("description")
    if desc:
        st.caption(md(desc))
    letters = [v for v in G.predecessors(dn) if G.edges[v, dn].get("kind") == EdgeKind.DEMANDS]
    orgs: dict[str, int] = {}
    for v in letters:
        for u in G.predecessors(v):
            if G.edges[u, v].get("kind") == EdgeKind.SIGNED:
                orgs[u] = orgs.get(u, 0) + 1
    st.write(f"{len(letters)} letter(s), {len(orgs)} organization(s).")
    ranked = sorted(orgs.items(), key=lambda kv: (-kv[1], state.label(G, kv[0])))
    df = pd.DataFrame([{"organization": state.label(G, u), "letters making this demand": c,
                        "tags": ", ".join(G.nodes[u].get("tags") or [])} for u, c in ranked])
    navigation.org_table(df, "lt_behind", [u for u, _ in ranked])


def render() -> None:
    st.header("Letters and demands")
    corpus = state.get_corpus()
    G = corpus.graph
    by_node = state.indexes()["letters"]
    nodes = sorted(by_node, key=lambda n: (by_node[n].date or "", n))
    tab1, tab2 = st.tabs(["One letter", "Demands across letters"])
    with tab1:
        if not nodes:
            st.info("No letter loaded.")
        else:
            node = st.selectbox("Letter", nodes, key="lt_letter", help="Date · title; type to search.",
                                format_func=lambda n: f"{by_node[n].date or 'undated'} · "
                                                      f"{(by_node[n].title or by_node[n].file)[:90]}")
            L = by_node[node]
            if st.button("Read the letter", key="lt_read", type="primary",
                         help="Its full text, with the lines used for title, date, signatories and demands marked."):
                navigation.goto("Letter", letter=node)
                st.rerun()
            _meta(L, G.nodes.get(node, {}))
            _signatories(L)
            _skipped(L)
            _demands(L)
    with tab2:
        _heatmap(G)
        _behind(G)
