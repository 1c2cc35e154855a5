"""Export the current view (sidebar filters) as an image, an interactive page or data (graph.export)."""
from __future__ import annotations

from dataclasses import astuple, replace

import networkx as nx
import streamlit as st

from . import filters, state


@st.cache_data(max_entries=16, show_spinner="Preparing the file…")
def export_bytes(key: str, fkey: tuple, fmt: str, dpi: int, _G: nx.DiGraph, _f: filters.Filters) -> bytes:
    """One view in one format; positions are the app's, so the picture matches the screen."""
    from graph import export, view

    H, info = filters.select(_G, _f)
    return export.export(H, fmt, positions=view.layout(H, seed=0), dpi=dpi, caption=info.get("caption", ""))


def render() -> None:
    st.header("Export")
    from graph import export

    G = state.graph()
    f = filters.sidebar()
    choices = state.org_choices(state.corpus_key(), G)
    hide = st.multiselect("Hide organizations", choices, key="ex_hide", format_func=lambda n: state.label(G, n),
                          help="Withheld from every export (for signatories at risk); captions only count them.")
    c1, c2 = st.columns(2)
    fmt = c1.selectbox("Format", list(export.FORMATS), key="ex_fmt",
                       format_func=lambda k: export.FORMATS[k].description)
    dpi = c2.select_slider("DPI (PNG, and images in the zip)", options=[72, 100, 150, 200, 300, 600], value=150,
                           key="ex_dpi", disabled=fmt not in ("png", "zip"))
    f = replace(f, hide=tuple(sorted(hide)))
    key, fkey, dpi = state.corpus_key(), astuple(f), int(dpi) if fmt in ("png", "zip") else 150

    def build() -> bytes:  # runs when the button is clicked (images take seconds), cached per view and format
        return export_bytes(key, fkey, fmt, dpi, G, f)

    st.download_button(f"Download {export.FORMATS[fmt].description}", build, export.filename(fmt),
                       export.FORMATS[fmt].mime, key="ex_dl", type="primary")
    st.caption("The sidebar filters apply" + (f"; {len(hide)} organization(s) hidden." if hide else "."))
    if fmt == "png" and st.toggle("Preview", key="ex_preview"):
        try:
            st.image(build(), caption="Preview", width="stretch")
        except Exception as e:  # noqa: BLE001 - an export failure must not take the app down
            st.error(f"Could not draw the image: {e}")
