"""Coalition Atlas explorer: `streamlit run app.py`. Thin: navigation and settings; views live in ui/."""
from __future__ import annotations

import importlib

import streamlit as st

from ui import access, state

# No emoji page_icon: checking it loads streamlit's emoji table (0.25 s on the first run).
st.set_page_config(page_title="Coalition Atlas", page_icon=":material/hub:", layout="wide")

MODULES = {
    "Network": "ui.network", "Coalitions": "ui.coalitions", "Profile": "ui.profile", "Co-signers": "ui.cosigners",
    "Letters": "ui.letters", "Timeline": "ui.timeline", "Add a letter": "ui.add_letter", "Curation": "ui.curate",
    "Export": "ui.export", "Proposed demands": "ui.proposed",
}

state.apply_goto()
with st.sidebar:
    st.title("Coalition Atlas")
    view = st.radio("View", state.VIEWS, key="nav", label_visibility="collapsed")
    with st.expander("Settings"):
        access.folder_setting()

st.query_params["view"] = view  # a reload or a shared link comes back to the same view
if view != "Profile":
    st.query_params.pop("org", None)
state.prepare()
importlib.import_module(MODULES[view]).render()
