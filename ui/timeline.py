"""Timeline: letters over time, and who joined or dropped out from one letter to the next."""
from __future__ import annotations

import altair as alt
import networkx as nx
import pandas as pd
import streamlit as st

from . import state


@st.cache_data(max_entries=8)
def letters_by_month(key: str, _G: nx.DiGraph) -> pd.DataFrame:
    rows = []
    for v in state.nodes_of(_G, state.LETTER):
        d = _G.nodes[v]
        date = str(d.get("date") or "")
        rows.append({"month": date[:7] if len(date) >= 7 else (date + "-01" if date else "undated"),
                     "letter": d.get("label", v), "signatories": int(d.get("n_signatories") or 0)})
    return pd.DataFrame(rows, columns=["month", "letter", "signatories"])


def _chart(G: nx.DiGraph) -> None:
    df = letters_by_month(state.corpus_key(), G)
    dated = df[df["month"] != "undated"]
    if dated.empty:
        st.info("No dated letter.")
        return
    chart = alt.Chart(dated).mark_bar().encode(
        x=alt.X("month:O", title="month"), y=alt.Y("count():Q", title="letters"),
        tooltip=["month", "count()", alt.Tooltip("sum(signatories):Q", title="signatories")])
    st.altair_chart(chart, key="tl_chart")
    n_undated = int((df["month"] == "undated").sum())
    if n_undated:
        st.caption(f"{n_undated} undated letter(s) are not on the chart.")


@st.cache_data(max_entries=8)
def churn(key: str, _G: nx.DiGraph) -> pd.DataFrame:
    from graph import timeline

    rows = []
    for x in timeline.steps(_G):
        rows.append({"date": x.date or "undated", "letter": state.short_label(_G, x.letter, 60),
                     "signatories": x.n_signatories, "joined": len(x.joined), "new to the corpus": len(x.first_time),
                     "dropped out": len(x.dropped), "stayed": x.stayed, "id": x.letter})
    return pd.DataFrame(rows)


def _names(G: nx.DiGraph, ids, n: int = 40) -> str:
    names = sorted(state.label(G, i) for i in ids)
    return ", ".join(names[:n]) + (f" … and {len(names) - n} more" if len(names) > n else "")


def _joins(G: nx.DiGraph) -> None:
    from graph import timeline

    st.subheader("Who joined and who dropped out")
    df = churn(state.corpus_key(), G)
    if df.empty:
        st.caption("No letter.")
        return
    st.caption("Each letter compared with the previous one in date order (partial dates first, undated last).")
    st.dataframe(df.drop(columns=["id"]), hide_index=True, key="tl_churn", width="stretch")
    pick = st.selectbox("Letter", list(df["id"]), key="tl_letter", format_func=lambda v: state.label(G, v))
    step = next(x for x in timeline.steps(G) if x.letter == pick)
    c1, c2 = st.columns(2)
    c1.markdown(f"**Joined ({len(step.joined)})**")
    c1.text(_names(G, step.joined) or "—")
    c2.markdown(f"**Dropped out ({len(step.dropped)})**")
    c2.text(_names(G, step.dropped) or "—")
    with st.expander("Each organization's first and last letter"):
        sp = timeline.spans(G)
        st.dataframe(pd.DataFrame([{"organization": state.label(G, o), "letters": s.n_letters, "first": s.first_date,
                                    "last": s.last_date} for o, s in sp.items()]).sort_values(["letters", "first"],
                                                                                              ascending=[False, True]),
                     hide_index=True, key="tl_spans", width="stretch")


def render() -> None:
    st.header("Timeline")
    G = state.graph()
    _chart(G)
    _joins(G)
