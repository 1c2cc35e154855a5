"""Timeline: letters over time, and who joined or dropped out from one letter to the next."""
from __future__ import annotations

import dataclasses

import altair as alt
import networkx as nx
import pandas as pd
import streamlit as st

from . import state


def _rows(obj) -> list[dict]:
    """graph.timeline returns records or dicts; the table wants dicts of plain values."""
    out = []
    for r in obj or []:
        if dataclasses.is_dataclass(r):
            r = dataclasses.asdict(r)
        elif not isinstance(r, dict):
            r = {"value": r}
        out.append({k: (", ".join(map(str, v)) if isinstance(v, (list, tuple, set, frozenset)) else v)
                    for k, v in r.items()})
    return out


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


def _joins(G: nx.DiGraph) -> None:
    st.subheader("Who joined and who dropped out")
    timeline = state.optional("graph.timeline")
    if timeline is None:
        return state.missing("graph.timeline")
    fn = getattr(timeline, "churn", None) or getattr(timeline, "joins", None) or getattr(timeline, "transitions", None)
    if fn is None:
        return state.missing("graph.timeline.churn")
    steps = fn(G)
    rows = _rows(steps)
    if not rows:
        st.caption("Fewer than two dated letters.")
        return
    st.dataframe(pd.DataFrame(rows), hide_index=True, key="tl_churn", width="stretch")


def render() -> None:
    st.header("Timeline")
    G = state.graph()
    _chart(G)
    _joins(G)
