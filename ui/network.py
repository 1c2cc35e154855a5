"""Network view: the org-letter-demand graph drawn by pyvis with precomputed positions."""
from __future__ import annotations

import json
from dataclasses import astuple

from typing import TYPE_CHECKING

import streamlit as st

if TYPE_CHECKING:  # networkx costs ~0.5 s to import; the first view can come from the disk cache without it
    import networkx as nx

from . import filters, state

# Double-clicking a node in the iframe writes its id into the "Picked node" text box of the page
# (the iframe is same-origin), which Streamlit turns into a rerun that opens the profile.
_PICK_JS = """
<script>
(function () {
  function hook(tries) {
    if (typeof network === "undefined" || !network || !network.on) {
      if (tries < 100) setTimeout(function () { hook(tries + 1); }, 100);
      return;
    }
    window.__atlasReady = true;
    // vis fits the whole graph on load, which blows a 3-node ego network up to giant discs and
    // overlapping 40px labels: never zoom in beyond 1:1.
    if (network.getScale() > 1.0) network.moveTo({ scale: 1.0 });
    // Mark the page once vis has painted (tests and benchmarks wait for it): ask for one more frame.
    network.once("afterDrawing", function () { document.body.setAttribute("data-drawn", "1"); });
    network.redraw();
    network.on("doubleClick", function (p) {
      if (!p.nodes || !p.nodes.length) return;
      try {
        var doc = window.parent.document;
        var el = doc.querySelector('input[aria-label="Picked node"]');
        if (!el) return;
        var setter = Object.getOwnPropertyDescriptor(window.parent.HTMLInputElement.prototype, "value").set;
        setter.call(el, String(p.nodes[0]));
        el.dispatchEvent(new Event("input", { bubbles: true }));
        el.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", code: "Enter", keyCode: 13, bubbles: true }));
      } catch (e) { /* a cross-origin embed simply cannot pick */ }
    });
  }
  hook(0);
})();
</script>
"""


LABELLED_ORGS = 40  # more organization names than this on one screen overlap into a grey smear
LABELLED_LETTERS = 12  # letter titles are long: a dozen is what fits without piling up
LETTER_LABEL_CHARS = 40


def readable_labels(H: nx.DiGraph, k: int = LABELLED_ORGS, k_letters: int = LABELLED_LETTERS) -> None:
    """Keep the names of the k best-connected organizations and k_letters letters visible (letter titles
    shortened); the rest show theirs on hover (tooltips use `name`/`title`, which stay). Demands and
    super-nodes keep their labels."""
    for kind, keep in ((state.ORG, k), (state.LETTER, k_letters)):
        nodes = [n for n, kd in H.nodes(data="kind") if kd == kind]
        deg = dict(H.degree(nodes))
        for i, n in enumerate(sorted(nodes, key=lambda n: (-deg[n], str(n)))):
            if i >= keep:
                H.nodes[n]["label"] = ""
            elif kind == state.LETTER:
                text = str(H.nodes[n].get("label") or H.nodes[n].get("title") or "")
                if len(text) > LETTER_LABEL_CHARS:
                    H.nodes[n]["label"] = text[: LETTER_LABEL_CHARS - 1] + "…"


def _plain(x):
    """info from graph.view may hold sets/tuples; cache_data needs picklable plain values."""
    try:
        return json.loads(json.dumps(x, default=lambda o: sorted(o) if isinstance(o, (set, frozenset)) else str(o)))
    except (TypeError, ValueError):
        return {"note": str(x)}


@st.cache_data(max_entries=32, show_spinner="Laying out the graph…")
def network_html(key: str, fkey: tuple, _f: filters.Filters) -> tuple[str, dict, list[tuple[str, str, int]]]:
    """(html, info, [(org node id, label, letters)] drawn) for one corpus and one filter tuple.
    Kept on disk too (state.disk_put), so a restarted app shows the view without loading the corpus."""
    dkey = state.view_key("network", key, fkey)
    got = state.disk_get("network", dkey)
    if got is None:
        got = _network_html(state.graph(), _f)
        state.disk_put("network", dkey, got)
    return got


def _network_html(G: nx.DiGraph, f: filters.Filters) -> tuple[str, dict, list[tuple[str, str, int]]]:
    from graph import render, view

    H, info = filters.tie_view(G, f) if f.mode == "ties" else filters.filter_view(G, f)
    pos = view.layout(H, seed=0)
    readable_labels(H)
    H.graph["view"] = ""  # the caption is printed under the graph; inside, it would cover the drawing
    html = render.to_pyvis_html(H, pos)
    if "</body>" in html:
        html = html.replace("</body>", _PICK_JS + "</body>", 1)
    else:
        html += _PICK_JS
    drawn = [(n, state.label(H, n), int(H.nodes[n].get("n_letters") or 0))
             for n, k in H.nodes(data="kind") if k == state.ORG]
    return html, _plain(info), drawn


def search_box() -> tuple[str | None, int]:
    """Find an organization by any name, alias or acronym. Returns (ego node or None, radius)."""
    from graph.model import find_org

    c1, c2 = st.columns([4, 1])
    q = c1.text_input("Find an organization (name, alias or acronym)", key="search",
                      placeholder="e.g. FORUM-ASIA, Burma Campaign UK, WAB")
    steps = c2.radio("Steps", (1, 2), horizontal=True, key="radius",
                     help="1: the letters it signed and everyone who signed them with it; 2: also their co-signers.")
    radius = 2 * int(steps)  # one step between organizations is two in the org-letter graph
    if not q.strip():
        return None, int(radius)
    G = state.graph()
    hit = find_org(G, q)
    if hit is None:
        st.warning(f"No organization matches “{state.md(q)}”. Try a shorter part of the name or an acronym.")
        return None, int(radius)
    d = G.nodes[hit]
    also = state.md(", ".join([*d.get("acronyms", []), *d.get("aliases", [])][:6]))
    st.success(f"**{state.md(state.label(G, hit))}**" + (f" (also: {also})" if also else "")
               + f" · {d.get('n_letters', 0)} letter(s) · showing its letters and "
               + ("co-signers" if steps == 1 else "co-signers and their co-signers"))
    state.open_profile_button(hit, "search_open", "Open its profile")
    return hit, int(radius)


def _on_pick() -> None:
    node = st.session_state.get("net_clicked", "").strip()
    if node.startswith("org:"):
        state.goto("Profile", node)


HIDDEN_TEXT = {  # graph.view's reasons -> what a reader can do about them
    "letters": "letters filtered out (sidebar: Letters, Date range)",
    "letters_out_of_dates": "letters outside the date range",
    "organizations_below_min_letters": "organizations below the minimum letters signed",
    "organizations_without_tag": "organizations without the chosen tags",
    "nodes_of_other_kinds": "nodes of unselected types",
    "outside_neighbourhood": "nodes outside the searched organization's neighbourhood",
    "on_request": "organizations withheld on request",
}


def _info_caption(info: dict) -> None:
    """Say what is drawn, what is hidden and how to see it."""
    if not isinstance(info, dict):
        return
    if info.get("caption"):
        st.caption(f"Drawn: {info['caption']}")
    hidden = info.get("hidden") or {}
    parts = [f"{n} {HIDDEN_TEXT.get(k, k.replace('_', ' '))}" for k, n in hidden.items()
             if n and k != "aggregated_into_groups" and k in HIDDEN_TEXT]
    if parts:
        st.caption("Not drawn: " + "; ".join(parts) + ".")
    periods = info.get("letter_groups") or {}
    if periods:
        st.info(f"{sum(periods.values())} letters are folded into {len(periods)} period nodes (grey squares, "
                "labelled with the period and their count). To see letters one by one: choose letters or a date "
                "range in the sidebar, raise “Draw at most N nodes”, or open the Letters view.")
    if info.get("demand_groups"):
        st.caption(f"{sum(info['demand_groups'].values())} less-cited demands are folded into “demands other”.")
    groups = info.get("groups") or {}
    if groups:
        st.info(f"{sum(groups.values())} organizations are folded into {len(groups)} coalition super-nodes "
                "(diamonds, labelled with their count). To see them one by one: raise “Draw at most N nodes” in "
                "the sidebar, choose a coalition tag, or search an organization.")


def render() -> None:
    st.header("Network")
    state.check_folder()
    key = state.corpus_key()
    ego, radius = search_box()
    f = filters.current(ego, radius)  # the widgets come after the drawing (see filters.current)
    html, info, drawn = network_html(key, astuple(f), f)
    st.iframe(html, height=720)
    if filters.sidebar(None, ego, radius) != f:  # cannot happen unless a widget default drifts: redraw
        st.rerun()
    _info_caption(info)
    st.text_input("Picked node", key="net_clicked", on_change=_on_pick, label_visibility="collapsed",
                  placeholder="Double-click an organization in the graph, or choose one below, to open its profile.")
    c1, c2 = st.columns([4, 1])
    names = {n: f"{label} ({k} letters)" for n, label, k in drawn}
    orgs = [n for n, label, k in sorted(drawn, key=lambda t: (-t[2], t[1].casefold()))]
    pick = c1.selectbox("Organizations in view", orgs, key="net_pick", index=None, placeholder="Choose one…",
                        format_func=lambda n: names.get(n, n))
    if c2.button("Open profile", key="net_open", disabled=pick is None):
        state.goto("Profile", pick)
        st.rerun()
    problems = filters.options(key).get("problems") or []
    if problems:
        with st.expander(f"{len(problems)} file(s) could not be read"):
            for p in problems:
                st.text(p)
    # The drawing is on its way to the browser: load the corpus in the background (if the view came from
    # the disk cache) so that the next filter change or search does not wait for it.
    state.preload_later()
