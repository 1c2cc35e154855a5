"""Export the current view (sidebar filters) as an image, an interactive page or data (graph.draw.export),
either the organization-letter-demand graph or the co-signature network."""
from __future__ import annotations

from dataclasses import astuple, replace

import networkx as nx
import streamlit as st

from . import filters, state

DPI_CHOICES = [72, 100, 150, 200, 300, 600]


@st.cache_data(max_entries=16, show_spinner="Preparing the file…")
def export_bytes(key: str, fkey: tuple, fmt: str, dpi: int, _G: nx.DiGraph, _f: filters.Filters,
                 network: str = "bipartite", backbone: bool = False, width: str = "double", title: str = "") -> bytes:
    """One view in one format; positions are the app's, so the picture matches the screen."""
    from graph.draw import export
    from graph.network import cosignature as networks

    if network == "cosignature":  # organizations are not folded into groups: each is a node of its own
        H, info = filters.select(_G, replace(_f, kinds=(), max_nodes=10**9, mode="full"))
    else:
        H, info = filters.select(_G, _f)
    H, caption, dates = networks.for_export(H, info.get("caption", ""), network, backbone, tagged=bool(_f.tags))
    return export.export(H, fmt, positions=networks.positions(H, seed=0), dpi=dpi, caption=caption, title=title,
                         width=width, backbone=backbone, letter_dates=dates)


def render() -> None:
    st.header("Export")
    from graph.draw import export
    from graph.draw import images
    from graph.network import cosignature as networks

    G = state.graph()
    f = filters.sidebar()
    choices = state.org_choices(state.corpus_key(), G)
    hide = st.multiselect("Hide organizations", choices, key="ex_hide", format_func=lambda n: state.label(G, n),
                          help="Withheld from every export (for signatories at risk); captions only count them.")
    network = st.radio("Network", list(networks.NETWORKS), key="ex_network", horizontal=True,
                       format_func=networks.NETWORKS.get)
    backbone = st.checkbox("Backbone only (significant ties)", key="ex_backbone",
                           disabled=network != "cosignature",
                           help="Keep ties whose overlap is unlikely by chance (hypergeometric p, Bonferroni).")
    c1, c2, c3 = st.columns(3)
    fmt = c1.selectbox("Format", list(export.FORMATS), key="ex_fmt",
                       format_func=lambda k: export.FORMATS[k].description)
    is_image = fmt in (*export.IMAGE_FORMATS, "zip")
    width = c2.selectbox("Width (journal column)", list(images.WIDTH_MM), index=1, key="ex_width",
                         format_func=lambda w: f"{w} ({images.WIDTH_MM[w]:.0f} mm)", disabled=not is_image)
    dpi = c3.select_slider("DPI", options=DPI_CHOICES, value=300, key="ex_dpi", disabled=not is_image)
    title = st.text_input("Title (images)", key="ex_title", disabled=not is_image)
    f = replace(f, hide=tuple(sorted(hide)))
    key, fkey = state.corpus_key(), astuple(f)

    def build() -> bytes:  # runs when the button is clicked (images take seconds), cached per view and format
        return export_bytes(key, fkey, fmt, int(dpi), G, f, network, bool(backbone) and network == "cosignature",
                            width, title)

    st.download_button(f"Download {export.FORMATS[fmt].description}", build, export.filename(fmt, network),
                       export.FORMATS[fmt].mime, key="ex_dl", type="primary")
    st.caption("The sidebar filters apply" + (f"; {len(hide)} organization(s) hidden." if hide else "."))
    if fmt == "png" and st.toggle("Preview", key="ex_preview"):
        try:
            st.image(build(), caption="Preview", width="stretch")
        except Exception as e:  # noqa: BLE001 - an export failure must not take the app down
            st.error(f"Could not draw the image: {state.md(e)}")
