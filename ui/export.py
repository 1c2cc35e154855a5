"""Export the current view (sidebar filters) as an image, an interactive page or data."""
from __future__ import annotations

from dataclasses import astuple, replace

import networkx as nx
import streamlit as st

from . import filters, state

IMAGES = ("png", "svg", "pdf")
FORMATS = {  # format -> (label, mime, file suffix)
    "png": ("PNG image", "image/png", "png"),
    "svg": ("SVG image", "image/svg+xml", "svg"),
    "pdf": ("PDF image", "application/pdf", "pdf"),
    "html": ("Interactive HTML (offline)", "text/html", "html"),
    "gexf": ("GEXF (Gephi)", "application/xml", "gexf"),
    "graphml": ("GraphML", "application/xml", "graphml"),
    "csv": ("CSV (nodes + edges, zipped)", "application/zip", "zip"),
    "json": ("JSON (node-link)", "application/json", "json"),
    "kumu": ("Kumu JSON", "application/json", "json"),
    "zip": ("Everything (zip)", "application/zip", "zip"),
}


@st.cache_data(max_entries=16, show_spinner="Preparing the file…")
def export_bytes(key: str, fkey: tuple, fmt: str, dpi: int, _G: nx.DiGraph, _f: filters.Filters) -> bytes:
    H, info = filters.filter_view(_G, _f)
    if fmt in IMAGES:
        from graph import images

        return images.render_image(H, fmt, dpi=dpi, caption=info.get("caption", ""))
    if fmt == "html":
        from graph import render, view

        return render.to_pyvis_html(H, view.layout(H, seed=0)).encode("utf-8")
    from graph import export

    return export.export(H, fmt)


def render() -> None:
    st.header("Export")
    G = state.graph()
    f = filters.sidebar(G)
    choices = state.org_choices(state.corpus_key(), G)
    hide = st.multiselect("Hide organizations", choices, key="ex_hide", format_func=lambda n: state.label(G, n),
                          help="Withheld from every export (for signatories at risk); captions only count them.")
    c1, c2 = st.columns(2)
    fmt = c1.selectbox("Format", list(FORMATS), key="ex_fmt", format_func=lambda k: FORMATS[k][0])
    dpi = c2.select_slider("DPI (PNG)", options=[72, 100, 150, 200, 300, 600], value=150, key="ex_dpi",
                           disabled=fmt != "png")
    f = replace(f, hide=tuple(sorted(hide)))
    needed = {"png": "graph.images", "svg": "graph.images", "pdf": "graph.images", "html": "graph.render"}
    mod = needed.get(fmt, "graph.export")
    if state.optional(mod) is None:
        return state.missing(mod)
    try:
        data = export_bytes(state.corpus_key(), astuple(f), fmt, int(dpi) if fmt == "png" else 0, G, f)
    except Exception as e:  # noqa: BLE001 - an export failure must not take the app down
        st.error(f"Could not export as {fmt}: {e}")
        return
    label, mime, suffix = FORMATS[fmt]
    name = f"coalition_atlas_{fmt}.{suffix}" if fmt in ("kumu", "csv") else f"coalition_atlas.{suffix}"
    st.download_button(f"Download {label}", data, name, mime, key="ex_dl", type="primary")
    st.caption(f"{len(data) / 1024:.0f} KB. Filters from the sidebar apply"
               + (f"; {len(hide)} organization(s) hidden." if hide else "."))
    if fmt == "png":
        st.image(data, caption="Preview", width="stretch")
