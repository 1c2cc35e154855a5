"""Organization profile: who it is, why we think so, what it signed and with whom."""
from __future__ import annotations

import networkx as nx
import pandas as pd
import streamlit as st

from . import navigation, state
from .text import md
from graph.kinds import EdgeKind


def source_line(file: str, line: int) -> str:
    """The text of one line of a letter as loaded (line numbers are the file's own)."""
    doc = state.indexes()["docs"].get(file)
    if doc is None or line < 1:
        return ""
    lines = doc.text.split("\n")
    return lines[line - 1].strip() if line <= len(lines) else ""


def _names(G: nx.DiGraph, node: str, org) -> None:
    d = G.nodes[node]
    st.subheader("Names")
    st.markdown("**Canonical:** " + md(d.get("name", "")))
    if d.get("acronyms"):
        st.markdown("**Acronyms:** " + md(", ".join(d["acronyms"])))
    if d.get("aliases"):
        st.markdown("**Also printed as:** " + md(" · ".join(d["aliases"])))
    reasons = getattr(org, "reasons", ()) if org is not None else ()
    if reasons:
        st.dataframe(pd.DataFrame([{"printed": r.a, "merged with": r.b, "rule": r.rule,
                                    "score": r.score if r.score is not None else "", "detail": r.detail}
                                   for r in reasons]), hide_index=True, key="pf_reasons")
    elif d.get("aliases"):
        st.caption("No merge reasons were recorded.")


def _tags(G: nx.DiGraph, node: str) -> None:
    d = G.nodes[node]
    st.subheader("Coalition tags")
    tags = d.get("tags") or []
    if not tags:
        st.caption("No tag. Curators can add one in the Curation view.")
        return
    vals, why = d.get("tag_values") or {}, d.get("tag_reasons") or {}
    st.dataframe(pd.DataFrame([{"tag": t, "value": vals.get(t, ""), "reason": why.get(t, "")} for t in tags]),
                 hide_index=True, key="pf_tags")
    extra = [f"country: {d['country']}" if d.get("country") else "", f"ethnicity: {d['ethnicity']}" if
             d.get("ethnicity") else ""]
    if any(extra):
        st.caption(md(" · ".join(x for x in extra if x)))


def _letters(G: nx.DiGraph, node: str) -> list[str]:
    st.subheader("Letters signed")
    rows, letters, targets = [], [], []
    for v in sorted(G.successors(node), key=lambda v: (str(G.nodes[v].get("date", "")), v)):
        e = G.edges[node, v]
        if e.get("kind") != EdgeKind.SIGNED:
            continue
        letters.append(v)
        L = G.nodes[v]
        lines = e.get("lines") or []
        rows.append({"date": L.get("date", ""), "letter": L.get("label") or L.get("title", ""),
                     "file": L.get("file", ""), "printed as": e.get("printed", ""),
                     "line": ", ".join(map(str, lines)),
                     "source line": " / ".join(source_line(L.get("file", ""), n) for n in lines[:3]),
                     "inferred": e.get("inferred", "")})
        targets.append((v, int(lines[0]) if lines else 0))
    if rows:
        st.caption("Select a row to read the letter at that line.")
        event = st.dataframe(pd.DataFrame(rows), hide_index=True, key="pf_letters", on_select="rerun",
                             selection_mode="single-row", width="stretch")
        picked = getattr(getattr(event, "selection", None), "rows", None) or []
        if picked and 0 <= picked[0] < len(targets):
            letter, line = targets[picked[0]]
            navigation.goto("Letter", letter=letter, line=line)
            st.rerun()
    return letters


def _demands(G: nx.DiGraph, letters: list[str]) -> None:
    st.subheader("Demands endorsed")
    count: dict[str, list[str]] = {}
    for v in letters:
        for dnode in G.successors(v):
            if G.edges[v, dnode].get("kind") == EdgeKind.DEMANDS:
                count.setdefault(dnode, []).append(G.nodes[v].get("label", v))
    if not count:
        st.caption("None found in the letters it signed.")
        return
    st.dataframe(pd.DataFrame([{"demand": state.label(G, dn), "letters": len(ls), "in": " · ".join(ls)}
                               for dn, ls in sorted(count.items(), key=lambda kv: -len(kv[1]))]),
                 hide_index=True, key="pf_demands")


def _cosigners(G: nx.DiGraph, node: str) -> None:
    st.subheader("Top co-signers")
    from graph.network import cosign

    ties = cosign.cosigners(G, node, k=15)
    if not ties:
        st.caption("Signed alone.")
        return
    navigation.org_table(pd.DataFrame([{"organization": state.label(G, t.b), "letters together": t.shared,
                                   "jaccard": round(t.jaccard, 3), "p": t.p} for t in ties]),
                    "pf_cosigners", [t.b for t in ties],
                    column_config={  # four columns in half a page: names get the room, numbers stay narrow
                        "organization": st.column_config.TextColumn(width="medium"),
                        "letters together": st.column_config.NumberColumn("together", width="small",
                                                                          help="letters signed together"),
                        "jaccard": st.column_config.NumberColumn(width="small", format="%.2f"),
                        "p": st.column_config.NumberColumn(width="small", format="%.1e",
                                                           help="chance of this many shared letters if both signed "
                                                                "at random (lower: a stronger tie)")})


def _similar(G: nx.DiGraph, node: str) -> None:
    """Organizations that would most likely sign with this one (graph.network.suggest on a set of one)."""
    from graph.network import suggest

    st.subheader("Similar organizations")
    sims = suggest.suggest(G, [node], k=10)
    rows = [{"organization": x.label, "score": round(x.score, 3), "why": x.why} for x in sims]
    if rows:
        navigation.org_table(pd.DataFrame(rows), "pf_similar", [x.org for x in sims])
    else:
        st.caption("No similar organization found.")


def _family(G: nx.DiGraph, node: str) -> None:
    ups = [w for w in G.successors(node) if G.edges[node, w].get("kind") == EdgeKind.MEMBER_OF]
    downs = [u for u in G.predecessors(node) if G.edges[u, node].get("kind") == EdgeKind.MEMBER_OF]
    if not ups and not downs:
        return
    st.subheader("Umbrella and members")
    for w in ups:
        st.markdown(f"Member of **{md(state.label(G, w))}**")
        navigation.open_profile_button(w, f"pf_up_{w}", f"Open {state.short_label(G, w, 40)}")
    if downs:
        st.write(f"Umbrella of {len(downs)} member(s):")
        st.dataframe(pd.DataFrame({"member": sorted(state.label(G, u) for u in downs)}), hide_index=True,
                     key="pf_members")


def render() -> None:
    st.header("Organization profile")
    corpus = state.get_corpus()
    G = corpus.graph
    choices = state.org_choices(state.corpus_key(), G)
    if st.session_state.get("pf_org") not in choices:
        st.session_state.pop("pf_org", None)
    node = st.selectbox("Organization", choices, key="pf_org", index=None, placeholder="Type to search…",
                        format_func=lambda n: state.org_option(G, n),
                        help="Type any part of a name, an acronym or initials (e.g. BCUK).")
    if node is None:
        st.info("Choose an organization, search one in the Network view, or double-click it in the graph.")
        return
    st.query_params["org"] = node  # the URL now names this profile
    org = state.indexes()["orgs"].get(node)
    d = G.nodes[node]
    st.markdown(f"### {md(d.get('name', node))}")
    st.caption(f"id `{node}` · {d.get('n_letters', 0)} letter(s)")
    c1, c2 = st.columns(2)
    with c1:
        _names(G, node, org)
        _tags(G, node)
        _family(G, node)
    with c2:
        _cosigners(G, node)
        _similar(G, node)
    letters = _letters(G, node)
    _demands(G, letters)
