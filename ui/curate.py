"""Curation: confirm or reject merge proposals, edit tags, undo. Every decision lands in data/recorded/
through graph.identity.judgements (a YAML emitter, atomic write; the hand-written files are never rewritten), and
says why."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from . import state


def _near_misses(corpus) -> None:
    from graph.identity import judgements

    st.subheader("Merge proposals")
    nms = sorted(corpus.near_misses, key=lambda m: -m.score)
    if not nms:
        st.caption("No near-miss: every pair was either merged or clearly different.")
        return
    st.dataframe(pd.DataFrame([{"A": m.a_name, "B": m.b_name, "score": round(m.score, 1), "why not merged": m.why_not,
                                "A letters": ", ".join(m.a_letters), "B letters": ", ".join(m.b_letters)}
                               for m in nms]), hide_index=True, key="cu_nm_table", width="stretch")
    i = st.selectbox("Proposal", range(len(nms)), key="cu_pair",
                     format_func=lambda i: f"{nms[i].a_name}  ↔  {nms[i].b_name}  ({nms[i].score:.0f})")
    why = st.text_input("Why (required)", key="cu_why", placeholder="e.g. same website; different countries")
    c1, c2 = st.columns(2)
    for col, kind, text, key in ((c1, "same", "Same organization: merge", "cu_same"),
                                 (c2, "different", "Different: never merge", "cu_diff")):
        if col.button(text, key=key, disabled=not why.strip()):
            m = nms[i]
            try:
                d = judgements.record_decision(kind, m.a_name, m.b_name, why.strip())
            except (ValueError, OSError) as e:
                st.error(f"Not recorded: {e}")
                return
            state.corpus_changed()
            st.session_state["cu_msg"] = f"Recorded “{kind}” ({d['id']}). The graph was rebuilt."
            st.rerun()


def _tags(G) -> None:
    from graph.identity.tags import record_tag, tag_names

    st.subheader("Tags")
    choices = state.org_choices(state.corpus_key(), G)
    node = st.selectbox("Organization", choices, key="cu_org", index=None, format_func=lambda n: state.label(G, n))
    if node is None:
        return
    d = G.nodes[node]
    all_tags = list(tag_names())
    current = list(d.get("tags") or [])
    chosen = st.multiselect("Tags", sorted(set(all_tags) | set(current)), default=current, key="cu_tags")
    why = st.text_input("Why (required)", key="cu_tag_why")
    if st.button("Save tags", key="cu_tags_save", disabled=not why.strip() or set(chosen) == set(current)):
        try:
            record_tag(d.get("name", node), tuple(chosen), why.strip())
        except (ValueError, OSError) as e:
            st.error(f"Not saved: {e}")
            return
        state.corpus_changed()
        st.session_state["cu_msg"] = "Tags saved. The graph was rebuilt."
        st.rerun()


def _tag_history() -> None:
    from graph.identity import judgements
    from graph.identity import tags as tags_mod
    from graph.paths import curated_path

    decisions = judgements.recorded_decisions(curated_path(tags_mod.COALITIONS))
    if not decisions:
        return
    st.subheader("Recorded tag decisions")
    st.dataframe(pd.DataFrame([{**d, "tags": ", ".join(d.get("tags") or [])} for d in decisions[::-1]]),
                 hide_index=True, key="cu_tag_history", width="stretch")
    if st.button("Undo the last tag decision", key="cu_tag_undo"):
        d = tags_mod.undo_tag()
        state.corpus_changed()
        st.session_state["cu_msg"] = f"Undone: tags of {state.md(d['name'])}." if d else "Nothing to undo."
        st.rerun()


def _history() -> None:
    from graph.identity import judgements

    st.subheader("Recorded decisions")
    decisions = judgements.recorded_decisions()
    if not decisions:
        st.caption("None yet.")
        return
    st.dataframe(pd.DataFrame(decisions[::-1]), hide_index=True, key="cu_history", width="stretch")
    if st.button("Undo the last decision", key="cu_undo"):
        d = judgements.undo_decision()
        state.corpus_changed()
        st.session_state["cu_msg"] = f"Undone: {d['decision']} {state.md(d['a'])} / {state.md(d['b'])}." if d else "Nothing to undo."
        st.rerun()


def render() -> None:
    st.header("Curation")
    if not state.require_editor("cu_password"):
        return
    if msg := st.session_state.pop("cu_msg", None):
        st.success(msg)
    corpus = state.get_corpus()
    _near_misses(corpus)
    _tags(corpus.graph)
    _tag_history()
    _history()
