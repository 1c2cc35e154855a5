"""The app's use of the per-letter store (graph/store/letterstore.py): the store of this cache folder, small
pieces of views (sidebar options, network HTML) kept as JSON, and a background read of the corpus after
a restart. No Streamlit here: ui/state.py decides when to use it."""
from __future__ import annotations

import gc
import hashlib
import threading
from pathlib import Path
from typing import Any, Callable

from graph.store import cachedir
from graph.store import letterstore
from graph import paths as gpaths

_STORES: dict[str, tuple[letterstore.Store | None, str]] = {}  # cache folder -> (store, why there is none)


def store() -> letterstore.Store | None:
    """The store of the current cache folder (ATLAS_CACHE_DIR), opened once; None when off or refused."""
    folder = str(cachedir.cache_dir())
    if folder not in _STORES:
        _STORES[folder] = letterstore.open_store()
    return _STORES[folder][0]


def problem() -> str:
    """Why there is no cache ("" when there is one, or when it was turned off on purpose)."""
    store()
    return _STORES[str(cachedir.cache_dir())][1]


def cache_dir() -> Path | None:
    return cachedir.cache_dir()


_HASHES: dict[tuple, str] = {}


def code_version(folder: str = "ui") -> str:
    """Pieces drawn by ui/ code must not outlive a change to it: a hash of the folder's sources.
    By content, not mtime; files are re-read only when their size or mtime changed."""
    root = Path(gpaths.ROOT)
    stats = (folder, *sorted((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in (root / folder).glob("*.py")))
    if stats not in _HASHES:
        h = hashlib.sha1()
        for name, _, _ in stats[1:]:
            h.update(name.encode() + b"\0" + Path(name).read_bytes())
        _HASHES[stats] = h.hexdigest()
    return _HASHES[stats]


def get(name: str, key: str) -> Any:
    """A piece saved by put for this key (e.g. the first view's HTML), or None. JSON: tuples come back
    as lists. It lets a restarted app draw its first view before the corpus is read."""
    s = store()
    return s.get_piece(name, key) if s is not None else None


def put(name: str, key: str, value: Any) -> None:
    s = store()
    if s is not None:
        s.put_piece(name, key, value)


def keep(corpus: Any) -> Any:
    """The corpus lives as long as the server: move it out of the collector's sight (gc.freeze), or every
    later full collection walks its millions of objects again (~1.5 s at 10,000 organizations, in the
    middle of some rerun). ui.state.corpus_changed() gives them back (gc.unfreeze)."""
    gc.freeze()
    return corpus


_PRELOAD: dict[str, tuple[threading.Thread, dict]] = {}  # corpus key -> (reader thread, {"corpus": ...})


def preload(key: str, load: Callable[[], Any]) -> None:
    """Run `load` (read the corpus from the store) in a background thread; `take(key)` waits for it."""
    if key in _PRELOAD:
        return
    box: dict[str, Any] = {}

    def work() -> None:
        try:
            box["corpus"] = load()
        except Exception:  # noqa: BLE001 - the script then builds it itself, and reports what fails
            box["corpus"] = None

    th = threading.Thread(target=work, daemon=True, name="atlas-corpus-preload")
    _PRELOAD[key] = (th, box)
    th.start()


def take(key: str) -> Any:
    """The corpus a preload() of `key` read (waiting for it), or None when none was started or it failed."""
    pending = _PRELOAD.pop(key, None)
    if pending is None:
        return None
    pending[0].join()
    return pending[1].get("corpus")
