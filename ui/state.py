"""Cached loaders and the little session state the views share (where to go next: ui/navigation.py).

The corpus (with its networkx graph) lives in st.cache_resource: cache_data would pickle the graph on
every hit (~0.4 s for a big one). Its key is the letters folder plus a fingerprint of the files in it
and of the curated YAML, so saving a letter or a judgement rebuilds it and nothing else does.
Everything derived from a filter (HTML, layouts) is cached with st.cache_data keyed on
`corpus_key()` plus a hashable tuple of filter values.
"""
from __future__ import annotations

import gc
import hashlib
import os
import threading
from pathlib import Path
from typing import Any

from typing import TYPE_CHECKING

import streamlit as st

if TYPE_CHECKING:  # networkx costs ~0.5 s to import; the first view can come from the disk cache without it
    import networkx as nx

from graph import paths as gpaths
from graph.kinds import NodeKind
from graph.store.letterstore import reader_version

from . import access, disk, text

ORG, LETTER, DEMAND = NodeKind.ORGANIZATION, NodeKind.LETTER, NodeKind.DEMAND


# ---------------------------------------------------------------- corpus

def letters_folder() -> str:
    """The folder the app reads: the sidebar setting (an editor's, under an allowed root), else
    ATLAS_LETTERS_DIR, else data/letters."""
    chosen = access.chosen_folder()
    return str(chosen) if chosen is not None else str(gpaths.letters_dir())


def fingerprint(folder: str) -> tuple:
    """Names, sizes and mtimes of the letters and of the curated YAML: cheap to compute on every rerun."""
    out: list[tuple] = []
    for base in (Path(folder), gpaths.DATA_DIR, gpaths.DATA_DIR / "recorded"):
        try:
            with os.scandir(base) as it:
                for e in it:
                    if e.is_file():
                        s = e.stat()  # ctime too: an edit with its mtime put back still changes it
                        out.append((str(base), e.name, s.st_size, s.st_mtime_ns, s.st_ctime_ns, s.st_ino))
        except OSError:
            out.append((str(base), "<missing>", 0, 0, 0, 0))
    return tuple(sorted(out))


disk_get, disk_put, cache_dir = disk.get, disk.put, disk.cache_dir  # the names views use


def view_key(*parts: Any) -> str:
    """Key for things drawn from the corpus by ui/ code (HTML on disk): corpus key + ui/ sources + parts."""
    return hashlib.sha1(repr((corpus_key(), disk.code_version("ui"), parts)).encode()).hexdigest()[:20]


@st.cache_resource(show_spinner="Reading letters and building the graph…", max_entries=3)
def _corpus(folder: str, fp_hash: str):
    corpus = _HANDOFF.pop(fp_hash, None)  # built by prepare() with a progress bar, just now
    if corpus is None:
        corpus = disk.take(fp_hash)  # preload_later() is reading it: wait for that rather than read it twice
    if corpus is None:
        corpus = _open(folder)
    return disk.keep(corpus)


def _open(folder: str, progress=None):
    from graph.store import corpus as corpusstore

    return corpusstore.open_corpus([folder], disk.store(), progress=progress)


def preload_later() -> None:
    """Read the current corpus from the store in a background thread. The first view after a restart is
    drawn from small stored pieces; reading 1,000 letters back right away would keep the server from
    sending that view to the browser."""
    key = corpus_key()
    if key not in _READY and disk.store() is not None:
        folder = letters_folder()
        disk.preload(key, lambda: _open(folder))


_HANDOFF: dict[str, Any] = {}  # corpus key -> corpus built by prepare(), until _corpus caches it
_READY: set[str] = set()  # corpus keys _corpus has returned in this server process
_BUILDS: dict[str, threading.Lock] = {}  # corpus key -> held while one session builds it
_BUILDS_GUARD = threading.Lock()


def prepare() -> None:
    """Before a view runs: if the corpus is not in memory, read and build it here, with a progress bar.
    (Inside the cached functions that need it, a bar could not be shown: Streamlit replays elements drawn
    there.) One session builds; visitors arriving meanwhile wait for that build instead of starting their
    own (four first visitors each building a 1,000-letter corpus took 60 s and 1.8 GB)."""
    if why := disk.problem():
        st.sidebar.warning(why)  # e.g. a cache folder of another user: refused, the app runs without it
    check_curated()
    folder = letters_folder()
    if not Path(folder).is_dir():
        return  # views say so (check_folder)
    if folder not in _CLEANED:  # once per folder and process: temp files that killed saves left behind
        _CLEANED.add(folder)
        from graph.store.letters import clean_stale_temps

        clean_stale_temps(folder)
    key = corpus_key()
    if key in _READY or _stored(key, folder):
        return  # in memory, or quick to read back (views may draw from stored pieces without it)
    with _BUILDS_GUARD:
        lock = _BUILDS.setdefault(key, threading.Lock())
    if not lock.acquire(blocking=False):
        with st.spinner("Another visitor is reading these letters; this view waits for that build…"):
            lock.acquire()
    bar = None
    try:
        if key in _READY:
            return  # the build we waited for
        bar = st.progress(0.0, text="Reading letters…")
        _HANDOFF[key] = _open(folder, lambda what, done: bar.progress(min(max(done, 0.0), 1.0), text=what + "…"))
        get_corpus()
    finally:
        _HANDOFF.pop(key, None)
        lock.release()
        if bar is not None:
            bar.empty()


_CLEANED: set[str] = set()  # letters folders whose leftover temp files were removed by this process
_STORED: set[str] = set()  # corpus keys found whole in the store (a miss is looked up again: it gets built)


def _stored(key: str, folder: str) -> bool:
    from graph.store import corpus as corpusstore

    if key not in _STORED and corpusstore.is_stored([folder], disk.store()):
        _STORED.add(key)
    return key in _STORED


def check_curated() -> None:
    """Broken curated data stops every page, naming the file and the key, as every CLI command does."""
    from graph.curated import CuratedError

    try:
        _curated_ok(repr(fingerprint(str(gpaths.DATA_DIR))))
    except CuratedError as e:
        st.error(f"Curated data is broken: {e}. Fix that file under `{gpaths.DATA_DIR}`; the app reads it again on "
                 "the next click.")
        st.stop()


@st.cache_resource(max_entries=2, show_spinner=False)
def _curated_ok(stamp: str) -> bool:
    """Every curated file read and checked once per change of data/ (a failure is not cached: asked again).
    A check that passed is remembered in the store, for these very files (names, sizes, times, inodes) and
    this code: a restarted app does not check again (0.75 s before its first page: it imports every reader)."""
    key = hashlib.sha1(repr((stamp, reader_version())).encode()).hexdigest()[:20]
    if disk_get("curated-ok", key):
        return True
    from graph.curated import check_all

    check_all()
    disk_put("curated-ok", key, True)
    return True


def corpus_key() -> str:
    """Changes when a letter, a curated YAML file or the code changes (cheap: stat calls, no parsing)."""
    folder = letters_folder()
    return hashlib.sha1(repr((folder, fingerprint(folder), reader_version())).encode()).hexdigest()[:16]


def check_folder() -> None:
    folder = letters_folder()
    if not Path(folder).is_dir():
        st.error(f"Letters folder `{folder}` does not exist. Fix it in the sidebar (Settings) or ATLAS_LETTERS_DIR.")
        st.stop()


def get_corpus():
    """The Corpus for the current folder (built once per content change, shared by all sessions)."""
    check_folder()
    key = corpus_key()
    corpus = _corpus(letters_folder(), key)
    _READY.add(key)
    return corpus


@st.cache_resource(max_entries=3)
def _indexes(key: str, _corpus) -> dict[str, Any]:
    from graph.network.build import letter_node, org_node

    return {
        "orgs": {org_node(o.id): o for o in _corpus.orgs},
        "letters": {letter_node(L.file): L for L in _corpus.letters},
        "docs": {d.name: d for d in _corpus.documents},
    }


def indexes() -> dict[str, Any]:
    return _indexes(corpus_key(), get_corpus())


def graph() -> nx.DiGraph:
    return get_corpus().graph


# ---------------------------------------------------------------- labels

def label(G: nx.DiGraph, node: str) -> str:
    d = G.nodes.get(node, {})
    return str(d.get("name") or d.get("title") or d.get("label") or node)


def short_label(G: nx.DiGraph, node: str, n: int = 70) -> str:
    s = label(G, node)
    return s if len(s) <= n else s[: n - 1] + "…"


def nodes_of(G: nx.DiGraph, kind: str) -> list[str]:
    from graph.network.build import nodes_of  # imported late: this module loads before networkx is needed
    return nodes_of(G, kind)


def org_option(G: nx.DiGraph, node: str) -> str:
    """An organization in a pick list: name plus acronyms and initials, so typing "BCUK" finds it."""
    from graph.identity.search import option_label

    return option_label(G, node) if node in G else str(node)


@st.cache_data(max_entries=8)
def org_choices(key: str, _G: nx.DiGraph) -> list[str]:
    """Organizations, most letters first, then by name: the order a researcher scans in."""
    orgs = nodes_of(_G, ORG)
    return sorted(orgs, key=lambda n: (-int(_G.nodes[n].get("n_letters") or 0), label(_G, n).casefold()))


# ---------------------------------------------------------------- access

require_editor = access.require_editor  # the name views use


def corpus_changed() -> None:
    """After a save: forget cached corpora (the fingerprint changes anyway; this frees memory)."""
    _corpus.clear()
    _READY.clear()
    _indexes.clear()
    gc.unfreeze()  # the old corpus can be collected now


md = text.md  # the one escaping helper (ui/text.py); add_letter and curate call it as state.md
