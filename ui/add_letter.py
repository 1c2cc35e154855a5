"""Add a letter: upload or paste, check the extraction (editable), see who is new or known, then save.

Nothing touches the letters folder until "Save" succeeds in graph.store.letters; every bad input ends in
st.error with the reason, and the folder stays byte-identical.
"""
from __future__ import annotations

import dataclasses
import hashlib

import pandas as pd
import streamlit as st

from . import state

SIG_COLUMNS = ["name", "acronym", "member_of", "country", "lines", "printed"]


EDIT_WIDGETS = ("add_title", "add_date", "add_recipients", "add_sigs", "add_name")


def _reset() -> None:
    for k in ("add_doc", "add_parsed", "add_saved", "add_bytes", "add_note"):
        st.session_state.pop(k, None)
    for k in [k for k in st.session_state if str(k).startswith(EDIT_WIDGETS)]:
        del st.session_state[k]  # the edit widgets of earlier letters: they are never drawn again


def _key(name: str) -> str:
    """The key of an edit widget for the letter now shown. Tied to its content: a browser keeps a widget's
    value as long as its key lives, so with fixed keys the title, date, recipients and file name of the
    previous letter stayed in the form (and were saved) after a second Extract."""
    return f"{name}_{hashlib.sha256(st.session_state['add_bytes']).hexdigest()[:16]}"


def _extract(uploaded, pasted: str):
    """(raw bytes, Document, Letter) or raise LoadError/ValueError with a message fit for the user."""
    from graph.extract import document as load
    from graph.extract.letter import parse_letter

    if uploaded is not None:
        data = uploaded.getvalue()
        doc = load.document_from_bytes(data, uploaded.name)
        if doc.encoding and doc.encoding not in ("utf-8", "utf-16"):
            st.session_state["add_note"] = (f"{uploaded.name} is not UTF-8: it was read as a legacy encoding "
                                            f"({doc.encoding}). Check accented names below before saving.")
    elif pasted.strip():
        data = pasted.encode("utf-8")
        doc = load.document_from_text(pasted, "pasted.txt")
    else:
        raise ValueError("Upload a file or paste the letter's text first.")
    return data, doc, parse_letter(doc)


def _sig_frame(letter) -> pd.DataFrame:
    return pd.DataFrame([{"name": s.name, "acronym": s.acronym or "", "member_of": s.member_of or "",
                          "country": s.country or "", "lines": ", ".join(map(str, s.lines)), "printed": s.printed}
                         for s in letter.signatories], columns=SIG_COLUMNS)


def _lines(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in str(text or "").replace(";", ",").split(",") if x.strip().isdigit())


def edited_letter(letter, meta: dict, sigs: pd.DataFrame):
    """The Letter with the user's edits applied (names stripped, empty rows dropped)."""
    from graph.records import Signatory

    rows = []
    for r in sigs.fillna("").to_dict("records"):
        name = " ".join(str(r.get("name", "")).split())
        if not name:
            continue
        rows.append(Signatory(name=name, acronym=str(r.get("acronym") or "").strip() or None,
                              member_of=str(r.get("member_of") or "").strip() or None,
                              lines=_lines(r.get("lines")), printed=str(r.get("printed") or name),
                              country=str(r.get("country") or "").strip() or None))
    recips = tuple(x.strip() for x in meta["recipients"].split(";") if x.strip())
    return dataclasses.replace(letter, title=meta["title"].strip() or None, date=meta["date"].strip() or None,
                               recipients=recips, signatories=tuple(rows))


def _resolution(letter) -> pd.DataFrame:
    """Each signatory marked new/known against the current corpus, with the proposed merge."""
    from graph.identity import resolve
    from graph.network.build import find_org

    corpus = state.get_corpus()
    G = corpus.graph
    res = resolve.resolve([*corpus.letters, letter])
    index = res.index
    reasons: dict = {}
    for o in res.orgs:
        for r in o.reasons:
            reasons.setdefault(o.id, []).append(f"{r.a} = {r.b} ({r.rule})")
    rows = []
    for s in letter.signatories:
        oid = index.get((letter.file, s.name)) or index.get((letter.file, s.printed))
        node = f"org:{oid}" if oid and f"org:{oid}" in G else find_org(G, s.name)
        known = node is not None and node in G
        rows.append({"signatory": s.name, "status": "known" if known else "new",
                     "matches": state.label(G, node) if known else "",
                     "letters so far": G.nodes[node].get("n_letters", 0) if known else 0,
                     "proposed merge": "; ".join(reasons.get(oid, [])[:3]) if oid else ""})
    return pd.DataFrame(rows)


def sidecar(extracted, final) -> dict:
    """Only what the user changed goes to the sidecar NAME.yaml (it wins over the text when loading);
    untouched fields keep their source lines from the text."""
    meta: dict = {}
    for k in ("title", "date"):
        if getattr(final, k) != getattr(extracted, k) and getattr(final, k):
            meta[k] = getattr(final, k)
    if final.recipients != extracted.recipients and final.recipients:
        meta["recipients"] = list(final.recipients)
    key = lambda s: (s.name, s.acronym, s.member_of, s.country)  # noqa: E731
    if [key(s) for s in final.signatories] != [key(s) for s in extracted.signatories]:
        meta["signatories"] = [{k: v for k, v in (("name", s.name), ("acronym", s.acronym),
                                                   ("member_of", s.member_of), ("country", s.country)) if v}
                               for s in final.signatories]
    return meta


def _save(data: bytes, name: str, meta: dict):
    from graph.store import letters as store

    res = store.save_letter(data, name, meta or None, folder=state.letters_folder())
    state.corpus_changed()
    return res


def render() -> None:
    st.header("Add a letter")
    if not state.require_editor("add_password"):
        return
    if saved := st.session_state.pop("add_saved", None):
        st.success(saved)
    up = st.file_uploader("Upload a letter", type=["txt", "md", "html", "htm", "pdf", "docx"], key="add_file")
    pasted = st.text_area("…or paste its text", key="add_text", height=150)
    if st.button("Extract", key="add_extract", type="primary"):
        from graph.extract.document import LoadError

        _reset()
        try:
            (st.session_state["add_bytes"], st.session_state["add_doc"],
             st.session_state["add_parsed"]) = _extract(up, pasted)
        except (LoadError, ValueError) as e:
            st.error(state.md(e))
            return
        except Exception as e:  # noqa: BLE001 - a parser crash on user input is reported, never raised
            st.error(f"Could not read this letter ({type(e).__name__}: {state.md(e)}).")
            return
    doc, letter = st.session_state.get("add_doc"), st.session_state.get("add_parsed")
    if note := st.session_state.get("add_note"):
        st.warning(state.md(note))
    if letter is None:
        st.caption("Upload (txt, md, pdf, docx) or paste a letter, then Extract. Nothing is saved until you press Save.")
        return

    st.subheader("Metadata")
    c1, c2 = st.columns([3, 1])
    meta = {"title": c1.text_input("Title", letter.title or "", key=_key("add_title")),
            "date": c2.text_input("Date (YYYY-MM-DD, YYYY-MM or YYYY)", letter.date or "", key=_key("add_date")),
            "recipients": st.text_input("Recipients (separate with ;)", "; ".join(letter.recipients),
                                        key=_key("add_recipients"))}
    st.subheader(f"Signatories ({len(letter.signatories)})")
    reasons = "; ".join(letter.confidence_reasons)
    st.caption(f"Reader's confidence: {letter.confidence:.0%}"
               + (f" ({state.md(reasons)})" if reasons else "") + ".")
    st.caption("Edit names, add or delete rows. `lines` are the file's own line numbers.")
    sigs = st.data_editor(_sig_frame(letter), num_rows="dynamic", key=_key("add_sigs"), width="stretch",
                          hide_index=True)
    with st.expander(f"Lines skipped by the extractor ({len(letter.skipped)})"):
        st.dataframe(pd.DataFrame([{"line": s.line, "text": s.text, "reason": s.reason} for s in letter.skipped],
                                  columns=["line", "text", "reason"]), hide_index=True, key="add_skipped")
    if letter.demands:
        with st.expander(f"Demands found ({len(letter.demands)})"):
            st.dataframe(pd.DataFrame([{"demand": h.label or h.id, "evidence": h.evidence} for h in letter.demands]),
                         hide_index=True, key="add_demands")
    final = edited_letter(letter, meta, sigs)
    if not final.signatories:
        st.error("No signatories were found, so it cannot be added yet"
                 + (f" ({state.md(reasons)})" if reasons else "")
                 + ". Add rows to the table above for the organizations that sign it.")
        return
    st.subheader("New or known?")
    st.dataframe(_resolution(final), hide_index=True, key="add_resolution", width="stretch")
    meta = sidecar(letter, final)
    default = doc.name if doc.name != "pasted.txt" else f"{final.date or 'undated'} {final.title or 'letter'}"[:70] + ".txt"
    name = st.text_input("File name in the letters folder", default, key=_key("add_name"))
    if meta:
        st.caption("Your edits go to a sidecar file next to the letter: " + ", ".join(meta) + ".")
    if st.button("Save to the letters folder", key="add_save", type="primary"):
        try:
            res = _save(st.session_state["add_bytes"], name, meta)
        except Exception as e:  # noqa: BLE001 - store refuses (no free name, disk...): say why
            st.error(f"Not saved: {state.md(e)}")
            return
        _reset()
        st.session_state["add_saved"] = (f"Saved as {state.md(res.name)}. The graph now includes it." if res.created
                                         else f"This letter is already stored as {state.md(res.name)}; "
                                              "nothing was saved again.")
        st.rerun()
