"""Timeline: letters over time, and who joined or dropped out from one letter to the next."""
from __future__ import annotations

import altair as alt
import networkx as nx
import pandas as pd
import streamlit as st

from . import state


@st.cache_data(max_entries=8)
def letter_dates(key: str, _G: nx.DiGraph) -> pd.DataFrame:
    from graph.network import timeline

    return pd.DataFrame(timeline.letter_dates(_G), columns=["letter", "label", "year", "month", "precision",
                                                            "signatories"])


WHOLE = alt.Axis(tickMinStep=1, format="d")  # counts of letters: never "0.2 letters"


def _chart(G: nx.DiGraph) -> None:
    df = letter_dates(state.corpus_key(), G)
    monthly = df[df["month"] != ""]
    if not monthly.empty:
        st.subheader("Letters per month")
        chart = alt.Chart(monthly).mark_bar(color="#1f6f8b").encode(
            x=alt.X("yearmonth(month):T", title=None, axis=alt.Axis(format="%b %Y", labelAngle=-40)),
            y=alt.Y("count():Q", title="letters", axis=WHOLE),
            tooltip=[alt.Tooltip("yearmonth(month):T", title="month", format="%B %Y"),
                     alt.Tooltip("count():Q", title="letters"),
                     alt.Tooltip("sum(signatories):Q", title="signatories")])
        st.altair_chart(chart, key="tl_chart")
        st.caption("A time axis: months without a letter are gaps.")
    dated = df[df["precision"] != "undated"]
    if dated["precision"].eq("year").any():
        st.subheader("Letters per year")
        chart = alt.Chart(dated.assign(known=dated["precision"].map(
            lambda p: "dated by year only" if p == "year" else "month known"))).mark_bar().encode(
            x=alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("count():Q", title="letters", axis=WHOLE),
            color=alt.Color("known:N", title=None, scale=alt.Scale(range=["#9ec5d6", "#1f6f8b"],
                                                                   domain=["dated by year only", "month known"])),
            tooltip=["year", "known", alt.Tooltip("count():Q", title="letters")])
        st.altair_chart(chart, key="tl_years")
        st.caption("Letters dated only by a year are shown by year, never as January.")
    if dated.empty:
        st.info("No dated letter.")
    n_undated = int((df["precision"] == "undated").sum())
    if n_undated:
        st.caption(f"{n_undated} undated letter(s) are not on the charts.")


@st.cache_data(max_entries=8)
def churn(key: str, _G: nx.DiGraph) -> pd.DataFrame:
    from graph.network import timeline

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
    from graph.network import timeline

    st.subheader("Who joined and who dropped out")
    df = churn(state.corpus_key(), G)
    if df.empty:
        st.caption("No letter.")
        return
    st.caption("Each letter compared with the previous one in date order (partial dates first, undated last).")
    st.dataframe(df.drop(columns=["id"]), hide_index=True, key="tl_churn", width="stretch")
    pick = st.selectbox("Letter", list(df["id"]), key="tl_letter", format_func=lambda v: state.label(G, v),
                        help="Who signed this letter but not the previous one, and who signed the previous only.")
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
