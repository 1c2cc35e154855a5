"""Co-signers: the strongest pairs overall, and who else might sign alongside a chosen set."""
from __future__ import annotations

import networkx as nx
import pandas as pd
import streamlit as st

from . import navigation, state
from .text import md


@st.cache_data(max_entries=16, show_spinner="Counting co-signatures…")
def pairs_table(key: str, k: int, by: str, _G: nx.DiGraph) -> pd.DataFrame:
    from graph.network import cosign

    rows = [{"organization A": state.label(_G, t.a), "organization B": state.label(_G, t.b),
             "letters together": t.shared, "jaccard": round(t.jaccard, 3), "newman weight": round(t.weight, 4),
             "p (hypergeometric)": t.p, "letters": " · ".join(state.short_label(_G, v, 40) for v in t.letters),
             "id A": t.a, "id B": t.b}
            for t in cosign.top_pairs(_G, k=k, by=by)]
    return pd.DataFrame(rows)


def _pairs(G: nx.DiGraph) -> None:
    st.subheader("Top co-signing pairs")
    c1, c2, c3 = st.columns(3)
    k = c1.slider("How many pairs", 10, 500, 50, step=10, key="cs_k", help="The strongest pairs first.")
    by = c2.radio("Rank by", ("shared", "weight"), horizontal=True, key="cs_by",
                  format_func={"shared": "letters in common", "weight": "Newman weight"}.get,
                  help="Letters in common, or the size-corrected weight (a small letter counts more).")
    alpha = c3.select_slider("Significant at p ≤", options=[0.001, 0.01, 0.05, 1.0], value=1.0, key="cs_alpha",
                             help="Keep pairs whose overlap would be this unlikely by chance; 1.0 keeps all.")
    df = pairs_table(state.corpus_key(), int(k), by, G)
    df = df[df["p (hypergeometric)"] <= alpha] if not df.empty else df
    if df.empty:
        st.info("No pair passes this significance level. Raise p or rank more pairs.")
        return
    st.caption("Click a column header to sort. A big letter makes many pairs, so the Newman weight (each letter adds "
               "1/(signers−1)) and the hypergeometric p (how surprising the overlap is) say more than raw counts. "
               "Select a row to open organization A's profile.")
    navigation.org_table(df, "cs_table", list(df["id A"]))
    st.download_button("Download CSV", df.to_csv(index=False).encode("utf-8"), "cosigning_pairs.csv", "text/csv",
                       key="cs_dl", help="The pairs above as a CSV file.")


@st.cache_data(max_entries=32, show_spinner="Counting co-signatures…")
def cosigners_table(key: str, org: str, k: int, _G: nx.DiGraph) -> pd.DataFrame:
    from graph.network import cosign

    return pd.DataFrame([{"organization": state.label(_G, t.b), "letters together": t.shared,
                          "jaccard": round(t.jaccard, 3), "newman weight": round(t.weight, 4), "p (hypergeometric)": t.p,
                          "letters": " · ".join(state.short_label(_G, v, 40) for v in t.letters), "id": t.b}
                         for t in cosign.cosigners(_G, org, k=k)])


def _one(G: nx.DiGraph) -> None:
    st.subheader("Co-signers of one organization")
    choices = state.org_choices(state.corpus_key(), G)
    org = st.selectbox("Organization", choices, key="cs_org", index=None, placeholder="Type a name, acronym or initials…",
                       format_func=lambda n: state.org_option(G, n),
                       help="Everyone who signed a letter with it: most letters together first, then Jaccard.")
    if org is None:
        return
    k = st.slider("How many co-signers", 5, 200, 25, step=5, key="cs_org_k", help="The strongest first.")
    df = cosigners_table(state.corpus_key(), org, int(k), G)
    if df.empty:
        st.caption("It signed alone.")
        return
    st.caption("Select a row to open that organization's profile.")
    navigation.org_table(df.drop(columns=["id"]), "cs_org_table", list(df["id"]))


def _suggest(G: nx.DiGraph) -> None:
    st.subheader("Who else might sign?")
    from graph.network import suggest

    choices = state.org_choices(state.corpus_key(), G)
    chosen = st.multiselect("Organizations already on board", choices, key="cs_set",
                            format_func=lambda n: state.org_option(G, n), max_selections=50,
                            help="The organizations of a letter in progress (type names, acronyms or initials).")
    k = st.slider("Suggestions", 5, 50, 15, key="cs_sk", help="How many candidates to list, best first.")
    if not chosen:
        st.caption("Choose one or more organizations: suggestions are those that most often signed with them.")
        return
    rows = [{"organization": x.label, "score": round(x.score, 3), "letters together": x.shared_letters,
             "co-signing": round(x.cosign, 3), "shared demands": round(x.demands, 3), "why": x.why, "id": x.org}
            for x in suggest.suggest(G, list(chosen), k=int(k))]
    if not rows:
        st.info("No suggestion: nobody else signed with these organizations.")
        return
    df = pd.DataFrame(rows)
    st.caption("Score: how strongly each signed with them (size-corrected, two letters together count more than "
               "one) and asked for the same demands; 1.0 is never reached on thin evidence.")
    navigation.org_table(df.drop(columns=["why", "id"]), "cs_suggest_table", list(df["id"]))
    with st.expander("Why each suggestion", expanded=True):
        for r in rows:
            st.markdown(f"**{md(r['organization'])}** ({r['score']}): {md(r['why'])}")
    st.download_button("Download suggestions (CSV)", df.to_csv(index=False).encode("utf-8"), "suggestions.csv",
                       "text/csv", key="cs_suggest_dl", help="The suggestions, with their reasons, as a CSV file.")


def render() -> None:
    st.header("Co-signers")
    G = state.graph()
    _one(G)
    _pairs(G)
    _suggest(G)
