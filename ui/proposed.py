"""Proposed demands: asks that fit no demand id, grouped across letters (graph/demands/emerge.py). A curator accepts,
renames, merges or rejects them; decisions land in data/accepted_demands.yaml (graph/demands/accepted.py) with undo,
and accepted demands show in the graph, the heatmap and "organizations behind a demand". Below, the tags no
rule could decide (graph.identity.tags.tags_to_review), for Curation."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from . import state


@st.cache_data(max_entries=4, show_spinner="Grouping asks…")
def _propose(key: str, skip: tuple[str, ...], _letters) -> list:
    """Proposals for one corpus (`key`) and one set of decided asks: grouping thousands of asks takes seconds."""
    from graph.demands import emerge

    return emerge.propose(_letters, skip=skip)


def _proposals(corpus) -> None:
    from graph.demands import accepted

    st.subheader("Proposed")
    props = _propose(state.corpus_key(), tuple(accepted.decided()), corpus.letters)
    if not props:
        st.caption("No proposal: no ask that fits no demand is shared by two letters.")
        return
    i = st.selectbox("Proposal", range(len(props)), key="pd_pick",
                     format_func=lambda i: f"{props[i].label}  ({len(props[i].letters)} letters)")
    p = props[i]
    st.dataframe(pd.DataFrame([{"letter": f, "ask": t, "lines": ", ".join(map(str, ln))} for f, t, ln in p.members]),
                 hide_index=True, key="pd_members", width="stretch")
    label = st.text_input("Name", value=p.label, key="pd_label")
    c1, c2 = st.columns(2)
    if c1.button("Accept as a demand", key="pd_accept", disabled=not label.strip()):
        did = accepted.accept(label.strip(), [t for _, t, _ in p.members])
        _changed(f"Accepted “{state.md(label.strip())}” ({did}).")
    if c2.button("Reject", key="pd_reject"):
        accepted.reject([t for _, t, _ in p.members])
        _changed("Rejected: it will not be proposed again.")


def _accepted() -> None:
    from graph.demands import accepted

    acc = accepted.load_accepted()["accepted"]
    st.subheader("Accepted")
    if not acc:
        st.caption("None yet.")
    else:
        st.dataframe(pd.DataFrame([{"id": d, "label": v["label"], "asks": len(v["asks"])} for d, v in acc.items()]),
                     hide_index=True, key="pd_accepted", width="stretch")
        ids = list(acc)
        d = st.selectbox("Demand", ids, key="pd_demand", format_func=lambda d: acc[d]["label"])
        new = st.text_input("New name", key="pd_rename_to")
        if st.button("Rename", key="pd_rename", disabled=not new.strip()):
            accepted.rename(d, new.strip())
            _changed(f"Renamed to “{state.md(new.strip())}”.")
        others = st.multiselect("Merge these into it", [x for x in ids if x != d], key="pd_merge_from",
                                format_func=lambda x: acc[x]["label"])
        if st.button("Merge", key="pd_merge", disabled=not others):
            accepted.merge(others, d)
            _changed(f"Merged {len(others)} into “{state.md(acc[d]['label'])}”.")
    if st.button("Undo the last change", key="pd_undo"):
        _changed("Undone." if accepted.undo() else "Nothing to undo.")


def _tag_review(corpus) -> None:
    from graph.identity.tags import tags_to_review

    rows = tags_to_review(corpus.orgs, corpus.letters)
    with st.expander(f"Tags no rule decides ({len(rows)})"):
        st.caption("The evidence raises the question but no rule answers it: set these in Curation › Tags.")
        if rows:
            st.dataframe(pd.DataFrame(rows), hide_index=True, key="pd_tag_review", width="stretch")


def _changed(msg: str) -> None:
    state.corpus_changed()
    st.session_state["pd_msg"] = msg
    st.rerun()


def render() -> None:
    st.header("Proposed demands")
    if not state.require_editor("pd_password"):
        return
    if msg := st.session_state.pop("pd_msg", None):
        st.success(msg)
    corpus = state.get_corpus()
    _proposals(corpus)
    _accepted()
    _tag_review(corpus)
