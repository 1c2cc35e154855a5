"""Network view: the relationship map (or the organization-letter-demand graph of a selection), drawn by
pyvis at the corpus positions, so nodes stay put whatever is filtered, searched or expanded."""
from __future__ import annotations

import json
from dataclasses import astuple

from typing import TYPE_CHECKING

import streamlit as st

if TYPE_CHECKING:  # networkx costs ~0.5 s to import; the first view can come from the disk cache without it
    import networkx as nx

from . import filters, navigation, state
from .text import md

# Double-clicking a node in the iframe writes its id into the hidden "Picked node" box of the page (the
# iframe is same-origin), which Streamlit turns into a rerun that opens the profile or the letter.
_PICK_JS = """
<script>
(function () {
  function hook(tries) {
    if (typeof network === "undefined" || !network || !network.on) {
      if (tries < 100) setTimeout(function () { hook(tries + 1); }, 100);
      return;
    }
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
# The pick box is machinery, not a control: hidden (it still takes the double-click's value).
_STYLE = "<style>.st-key-net_clicked { display: none; }</style>"
DRAWING_PX = 530  # the drawing's height: with the heading, the search and its result above, it fits 1440x900
LEAD = "Who signs with whom: each dot an organization, each line letters signed together."
INTRO = (
    "Dot size: letters signed; colour: coalition tag (legend beside the drawing, under it on a phone). A line "
    "joins two organizations that signed letters together, thicker for more. **Start:** search an "
    "organization below, or pick letters, demands or organizations in the sidebar. Hover a dot for details; "
    "double-click it to open a profile or a letter. Zoom with the wheel, a pinch, the − + buttons or the keys "
    "+ and − (click the drawing first); ⤢ or the key 0 shows the whole drawing again. More names appear as you "
    "zoom in.")


@st.cache_resource(max_entries=6, show_spinner="Placing the organizations…")
def base_positions(key: str, mode: str, _G: nx.DiGraph) -> dict:
    """Laid out once per corpus and mode (seed 0), then every view of that mode draws its nodes there:
    the relationship map as first shown (with room for names), or the whole corpus graph."""
    from graph.draw import layout
    from graph.network import selection

    if mode == "map":
        return layout.positions(selection.select(_G)[0], seed=0, labelled=True)
    return layout.positions(_G, seed=0)


def _plain(x):
    """info from graph.network.view may hold sets/tuples; cache_data needs picklable plain values."""
    return json.loads(json.dumps(x, default=lambda o: sorted(o) if isinstance(o, (set, frozenset)) else str(o)))


@st.cache_data(max_entries=32, show_spinner="Drawing…")
def network_html(key: str, fkey: tuple, _f: filters.Filters) -> tuple[str, dict, list[tuple[str, str, int]]]:
    """(html, info, [(org node id, label, letters)] drawn) for one corpus and one filter tuple.
    Kept on disk too (state.disk_put), so a restarted app shows the view without loading the corpus."""
    dkey = state.view_key("network", key, fkey)
    got = state.disk_get("network", dkey)
    if got is None:
        got = _network_html(key, state.graph(), _f)
        state.disk_put("network", dkey, got)
    return got


def _network_html(key: str, G: nx.DiGraph, f: filters.Filters) -> tuple[str, dict, list[tuple[str, str, int]]]:
    from graph.draw import placing
    from graph.draw import render

    H, info = filters.select(G, f)
    # Every view of a drawing mode, searched or filtered, puts its nodes where that mode's first view had
    # them (a search or a picked letter shows letters the map has not: they appear beside their signers);
    # the page moves the camera to the searched organization, never the nodes.
    base = base_positions(key, f.mode, G)
    pos = placing.place(H, base)
    H.graph["view"] = ""  # the caption is printed under the graph; inside, it would cover the drawing
    html = render.to_pyvis_html(H, pos, height=f"{DRAWING_PX}px", title=_title(info),
                                framed=placing.framed(H, base))
    html = html.replace("</body>", _PICK_JS + "</body>", 1)
    drawn = [(n, state.label(H, n), int(H.nodes[n].get("n_letters") or 0))
             for n, k in H.nodes(data="kind") if k == state.ORG]
    return html, _plain(info), drawn


def _title(info: dict) -> str:
    """The page's <title>: which view this is (the caption says the rest)."""
    if info.get("mode") == "map":
        return "Coalition Atlas: who signs with whom"
    return "Coalition Atlas: " + str(info.get("caption") or "organizations, letters and demands")


def search_box() -> tuple[str | None, int]:
    """Find an organization by any name, alias, acronym or initials. Returns (ego node or None, radius)."""
    from graph.identity.search import find

    c1, c2 = st.columns([4, 1])
    q = c1.text_input("Find an organization (name, alias or acronym)", key="search",
                      placeholder="e.g. FORUM-ASIA, Burma Campaign UK, BCUK",
                      help="Shows the organization, the letters it signed and its co-signers, centred and ringed.")
    if not q.strip():  # "Steps" only means something once an organization is found: not shown before
        return None, 2 * int(st.session_state.get("radius", 1))
    steps = c2.radio("Steps", (1, 2), horizontal=True, key="radius",
                     help="1: the letters it signed and everyone who signed them with it; 2: also their co-signers.")
    radius = 2 * int(steps)  # one step between organizations is two in the org-letter graph
    G = state.graph()
    hit = find(G, q)
    if hit is None:
        st.warning(f"No organization matches “{md(q)}”. Try a shorter part of the name or an acronym.")
        return None, radius
    d = G.nodes[hit]
    also = md(", ".join([*d.get("acronyms", []), *d.get("aliases", [])][:6]))
    c1, c2 = st.columns([5, 1], vertical_alignment="center")  # one row: the drawing starts higher
    c1.success(f"**{md(state.label(G, hit))}**" + (f" (also: {also})" if also else "")
               + f" · {d.get('n_letters', 0)} letter(s) · showing its letters and "
               + ("co-signers" if steps == 1 else "co-signers and their co-signers"))
    with c2:
        navigation.open_profile_button(hit, "search_open", "Open its profile")
    return hit, radius


def _on_pick() -> None:
    node = st.session_state.get("net_clicked", "").strip()
    if node.startswith("org:"):
        navigation.goto("Profile", node)
    elif node.startswith("letter:"):
        navigation.goto("Letter", letter=node)


HIDDEN_TEXT = {  # graph.network.view's reasons -> what a reader can do about them
    "letters": "letters filtered out (sidebar: Letters, Demands, Date range)",
    "letters_out_of_dates": "letters outside the date range",
    "organizations_below_min_letters": "organizations below the minimum letters signed",
    "organizations_without_tag": "organizations without the chosen tags",
    "nodes_of_other_kinds": "nodes of unselected types",
    "outside_neighbourhood": "nodes outside the picked organizations' neighbourhood",
    "on_request": "organizations withheld on request",
}


def _info_caption(info: dict) -> None:
    """Say what is drawn, what is hidden and how to see it. Captions hold letter titles: escaped."""
    if info.get("caption"):
        st.caption(f"Drawn: {md(info['caption'])}")
    if info.get("mode") == "map":
        st.caption("Colours and counts in the legend: each organization is counted once, under its first tag "
                   "(its tags are listed on hover and in its profile).")
    hidden = info.get("hidden") or {}
    parts = [f"{n} {HIDDEN_TEXT[k]}" for k, n in hidden.items() if n and k in HIDDEN_TEXT]
    if parts:
        st.caption("Not drawn: " + "; ".join(parts) + ".")
    periods = info.get("letter_groups") or {}
    if periods:
        st.caption(f"{sum(periods.values())} letters are folded into {len(periods)} period nodes (grey squares, "
                   "labelled with the period and their count). To see letters one by one, pick letters or a date "
                   "range in the sidebar, or raise “Draw at most N nodes”.")
    if info.get("demand_groups"):
        st.caption(f"{sum(info['demand_groups'].values())} less-cited demands are folded into “demands other”.")
    groups = info.get("groups") or {}
    if groups:
        st.caption(f"{sum(groups.values())} organizations are folded into {len(groups)} coalition super-nodes "
                   "(diamonds). Each organization is counted once, under its first tag: the legend counts every "
                   "organization in the drawing, and a diamond says how many of them it holds (“ethnic (860 of "
                   "893)”: 860 folded, 33 drawn one by one). Raise “Draw at most N nodes”, pick a coalition tag, "
                   "or search an organization to see them one by one.")


def render() -> None:
    st.header("Network")
    state.check_folder()
    st.html(_STYLE)
    st.caption(LEAD)  # one line; the rest one click away, so the drawing starts high on a phone
    with st.expander("What this shows, and how to start"):
        st.markdown(INTRO)
    key = state.corpus_key()
    ego, radius = search_box()
    f = filters.current(ego, radius)  # the widgets come after the drawing (see filters.current)
    html, info, drawn = network_html(key, astuple(f), f)
    st.iframe(html, height=DRAWING_PX + 10)
    if filters.sidebar(ego, radius) != f:  # cannot happen unless a widget default drifts: redraw
        st.rerun()
    _info_caption(info)
    st.text_input("Picked node", key="net_clicked", on_change=_on_pick, label_visibility="collapsed")
    names = {n: f"{label} ({k} letters)" for n, label, k in drawn}
    orgs = [n for n, label, k in sorted(drawn, key=lambda t: (-t[2], t[1].casefold()))]
    c1, c2 = st.columns([4, 1], vertical_alignment="bottom")
    pick = c1.selectbox("Organizations in view", orgs, key="net_pick", index=None, placeholder="Choose one…",
                        format_func=lambda n: names.get(n, n),
                        help="Every organization drawn, most letters first. Double-clicking one in the drawing "
                             "does the same.")
    if c2.button("Open profile", key="net_open", disabled=pick is None, help="Open the chosen organization's profile."):
        navigation.goto("Profile", pick)
        st.rerun()
    problems = filters.options(key).get("problems") or []
    if problems:
        with st.expander(f"{len(problems)} file(s) could not be read"):
            for p in problems:
                st.text(p)
    # The drawing is on its way to the browser: load the corpus in the background (if the view came from
    # the disk cache) so that the next filter change or search does not wait for it.
    state.preload_later()
