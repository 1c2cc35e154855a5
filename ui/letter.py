"""The letter view: a letter's full text with the lines the reader used marked (title, date, recipients,
signatories, demands' evidence) and the lines it skipped, the reader's confidence, and removing the letter
(with undo). Opened from a letter node (double-click), a profile's letter rows and the Letters view."""
from __future__ import annotations

import html
from collections import defaultdict

import streamlit as st

from . import state
from .text import md

COLOURS = {"title": "#fde68a", "date": "#fde68a", "recipient": "#e9d5ff", "demand": "#fecaca",
           "signatory": "#bbf7d0", "skipped": "#e5e7eb"}
WORDS = {"title": "title", "date": "date", "recipient": "recipient", "demand": "demand",
         "signatory": "signatory", "skipped": "skipped"}
TEXT_HEIGHT = 620  # px: about 30 lines on screen; the page scrolls to the line asked for


def letter_html(text: str, marks, line: int = 0) -> str:
    """The letter as a self-contained page: numbered lines, marked ones tinted with what they were used for,
    scrolled to `line`. Every piece of the letter is html-escaped (the page has no other script)."""
    by_line = defaultdict(list)
    for m in marks:
        by_line[m.line].append(m)
    rows = []
    for n, raw in enumerate(text.split("\n"), start=1):
        ms = by_line.get(n, [])
        bg = COLOURS[ms[0].kind] if ms else "transparent"
        note = "; ".join(WORDS[m.kind] + (f": {m.detail}" if m.detail else "") for m in ms)
        ring = "outline:2px solid #1f6f8b;" if n == line else ""
        rows.append(f'<div id="L{n}" class="l" style="background:{bg};{ring}"><span class="n">{n}</span>'
                    f'<span class="t">{html.escape(raw) or "&nbsp;"}</span>'
                    + (f'<span class="m">{html.escape(note)}</span>' if note else "") + "</div>")
    legend = " ".join(f'<span style="background:{c};padding:0 6px">{WORDS[k]}</span>' for k, c in COLOURS.items())
    return ("<html><head><meta charset='utf-8'><style>"
            "body{font:14px/1.45 sans-serif;margin:0;padding:6px}"
            ".l{display:flex;gap:8px;padding:0 4px;white-space:pre-wrap;word-break:break-word}"
            ".n{color:#888;min-width:2.5em;text-align:right;flex:none}.t{flex:1}"
            ".m{color:#444;font-size:12px;max-width:40%;flex:none}"
            "@media (max-width:600px){.l{flex-wrap:wrap}.m{max-width:100%;padding-left:3em}}"
            f"</style></head><body><div style='margin-bottom:6px'>{legend}</div>{''.join(rows)}"
            # scroll this page only: scrollIntoView would scroll the app around the frame too
            f"<script>var e=document.getElementById('L{int(line)}');"
            "if(e)window.scrollTo(0,e.offsetTop-window.innerHeight/3);</script></body></html>")


def _remove(L) -> None:
    """Remove the letter from the letters folder (editor password when one is set), with undo."""
    from graph.store import trash

    with st.expander("Remove this letter"):
        st.caption("The letter and its sidecar move to a .trash folder inside the letters folder; Undo puts them "
                   "back. The graph is rebuilt without it.")
        if not state.require_editor("lv_password"):
            return
        if st.button("Remove this letter", key="lv_remove", type="secondary",
                     help="Takes the letter out of the corpus; you can undo it right after."):
            try:
                token = trash.remove_letter(state.letters_folder(), L.file)
            except (trash.TrashError, OSError) as e:
                st.error(f"Not removed: {md(e)}")
                return
            st.session_state["lv_undo"] = (token, L.file)
            state.corpus_changed()
            st.rerun()


def _undo() -> None:
    from graph.store import trash

    token, name = st.session_state["lv_undo"]
    st.success(f"Removed {md(name)}.")
    if st.button("Undo", key="lv_undo_btn", help="Put the letter back into the letters folder."):
        try:
            trash.restore_letter(state.letters_folder(), token)
        except (trash.TrashError, OSError) as e:
            st.error(md(e))
            return
        st.session_state.pop("lv_undo", None)
        st.session_state["lv_letter"] = next((n for n, L in state.indexes()["letters"].items() if L.file == name),
                                             None)
        state.corpus_changed()
        st.rerun()


def render() -> None:
    from graph.draw import reading

    st.header("Letter")
    if st.session_state.get("lv_undo"):
        _undo()
    by_node = state.indexes()["letters"]
    nodes = sorted(by_node, key=lambda n: (by_node[n].date or "", n))
    if not nodes:
        st.info("No letter loaded.")
        return
    if st.session_state.get("lv_letter") not in by_node:
        st.session_state.pop("lv_letter", None)
    node = st.selectbox("Letter", nodes, key="lv_letter", index=None, placeholder="Choose a letter…",
                        format_func=lambda n: f"{by_node[n].date or 'undated'} · {(by_node[n].title or by_node[n].file)[:90]}",
                        on_change=lambda: st.session_state.pop("lv_line", None),
                        help="Or double-click a letter in the Network view, or a letter row of a profile.")
    if node is None:
        st.info("Choose a letter to read it with the lines the reader used marked.")
        return
    L = by_node[node]
    st.query_params["letter"] = node
    doc = state.indexes()["docs"].get(L.file)
    st.markdown(f"### {md(L.title or L.file)}")
    facts = [L.date or "undated", L.file, f"{len(L.signatories)} signatories", f"{len(L.demands)} demands",
             f"{len(L.skipped)} lines skipped", f"reader's confidence {L.confidence:.0%}"]
    st.caption(md(" · ".join(facts)))
    for r in L.confidence_reasons:
        st.caption(f"Reader: {md(r)}")
    line = int(st.session_state.get("lv_line") or 0)
    if doc is None:
        st.warning("The text of this letter is not available.")
    else:
        st.iframe(letter_html(doc.text, reading.marks(L), line), height=TEXT_HEIGHT)
        if line:
            st.caption(f"Opened at line {line} (outlined).")
    _remove(L)
