"""Coalition Atlas explorer: `streamlit run app.py`. Thin: pages (st.navigation) and settings; views live in ui/."""
from __future__ import annotations

import importlib

import streamlit as st

from ui import access, navigation, state

# No page_icon: a ":material/...:" icon makes the browser fetch it from fonts.gstatic.com, and an emoji
# loads streamlit's emoji table; the default icon is served by this server.
st.set_page_config(page_title="Coalition Atlas", layout="wide")
# Streamlit's 6rem above every page pushed the drawings below a 1440x900 screen's fold (a phone keeps room for
# the sidebar's toggle). Its captions (the hints under every control) are 60% grey, 3.7:1 on white: 80% reads
# at 6.5:1.
PAGE_STYLE = ("<style>.stMainBlockContainer { padding-top: 2rem; }"
              "[data-testid='stCaptionContainer'] { color: rgba(49, 51, 63, 0.8); }"
              "@media (max-width: 640px) { .stMainBlockContainer { padding-top: 3rem; } }</style>")


def _page(title: str, module: str, url_path: str, default: bool = False) -> st.Page:
    """A page whose module is imported only when it is opened (networkx, pandas, altair cost seconds)."""
    def run() -> None:
        importlib.import_module(module).render()

    run.__name__ = url_path
    return st.Page(run, title=title, url_path=url_path, default=default)


SECTIONS = {
    "Explore": [("Network", "ui.network", "network", True), ("Coalitions", "ui.coalitions", "coalitions", False),
                ("Co-signers", "ui.cosigners", "cosigners", False), ("Timeline", "ui.timeline", "timeline", False)],
    "Read": [("Profile", "ui.profile", "profile", False), ("Letters", "ui.letters", "letters", False),
             ("Letter", "ui.letter", "letter", False)],
    "Edit": [("Add a letter", "ui.add_letter", "add", False), ("Curation", "ui.curate", "curation", False),
             ("Proposed demands", "ui.proposed", "proposed", False), ("Export", "ui.export", "export", False)],
}
PAGES = {title: _page(title, module, path, default) for pages in SECTIONS.values()
         for title, module, path, default in pages}
assert set(PAGES) == set(navigation.VIEWS), "navigation.VIEWS names every page"

with st.sidebar:
    st.title("Coalition Atlas")
nav = st.navigation({section: [PAGES[t] for t, *_ in pages] for section, pages in SECTIONS.items()})
with st.sidebar:
    with st.expander("Settings"):
        access.folder_setting()

target = navigation.pending_page()
if target and target != nav.title:
    st.switch_page(PAGES[target])
st.session_state["nav"] = nav.title  # which page this session shows (read by tests and by goto)
state.prepare()
st.html(PAGE_STYLE)
nav.run()
