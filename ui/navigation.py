"""Where the app goes next: its pages, a link into an organization's profile or a letter at a line, a shared
link's page, and tables whose rows open a profile.

Separate from ui/state.py, which loads the corpus and names its nodes: this is only the session's next page.
"""
from __future__ import annotations

import streamlit as st

VIEWS = ("Network", "Coalitions", "Co-signers", "Timeline", "Profile", "Letters", "Letter", "Add a letter",
         "Curation", "Proposed demands", "Export")


def goto(view: str, org: str | None = None, letter: str | None = None, line: int = 0) -> None:
    """Ask app.py to open a page (and an organization's profile or a letter at a line) on the next run."""
    st.session_state["_goto"] = view
    if org:
        st.session_state["pf_org"] = org
    if letter:
        st.session_state["lv_letter"] = letter
        st.session_state["lv_line"] = int(line)


def pending_page() -> str | None:
    """The page app.py should switch to: one asked for by goto(), or, once per session, the one a shared
    link names (`?view=Profile&org=...`; the page's own URL path does that already)."""
    pending = st.session_state.pop("_goto", None)
    if pending or st.session_state.get("_q_done"):
        return pending
    st.session_state["_q_done"] = True  # the URL only decides where a new session starts
    q = st.query_params
    if q.get("org"):
        st.session_state["pf_org"] = q.get("org")
    if q.get("letter"):
        st.session_state["lv_letter"] = q.get("letter")
        st.session_state["lv_line"] = int(q.get("line") or 0) if str(q.get("line") or "0").isdigit() else 0
    return q.get("view") if q.get("view") in VIEWS else None


def open_profile_button(node: str, key: str, text: str = "Open profile") -> None:
    if st.button(text, key=key, help="Show this organization's names, tags, letters and co-signers."):
        goto("Profile", node)
        st.rerun()


def org_table(df, key: str, ids: list[str] | None = None, **kw) -> None:
    """A table of organizations; selecting a row opens that organization's profile.
    `ids` are the rows' org node ids (same order as df)."""
    if not ids:
        st.dataframe(df, hide_index=True, key=key, width="stretch", **kw)
        return
    event = st.dataframe(df, hide_index=True, key=key, width="stretch", on_select="rerun",
                         selection_mode="single-row", **kw)
    rows = getattr(getattr(event, "selection", None), "rows", None) or []
    if rows and 0 <= rows[0] < len(ids):
        goto("Profile", ids[rows[0]])
        st.rerun()
