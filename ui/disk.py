"""The app's disk cache (ATLAS_CACHE_DIR): pickled corpora and small pieces of views, so that a restarted
app draws its first view at once. No Streamlit here: ui/state.py decides when to use it."""
from __future__ import annotations

import gc
import hashlib
import os
import pickle
import threading
import time
from pathlib import Path
from typing import Any

from graph import paths as gpaths
from graph.memory import paused_gc


def cache_dir() -> Path | None:
    """Where built corpora are kept between app restarts (ATLAS_CACHE_DIR; "off" disables it).
    Parsing 10,000 organizations takes tens of seconds; loading the pickle takes about one."""
    raw = os.environ.get("ATLAS_CACHE_DIR", "")
    if raw.lower() in ("off", "0", "none"):
        return None
    return Path(raw) if raw else Path.home() / ".cache" / "coalition-atlas"


_HASHES: dict[tuple, str] = {}


def code_version(folder: str = "graph") -> str:
    """A parser change must not be hidden by a stale pickle: the sources in `folder` are part of the
    key. By content, not mtime: teammates touching files in a shared tree must not throw caches away.
    Files are re-read only when their size or mtime changed."""
    root = Path(gpaths.ROOT)
    stats = (folder, *sorted((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in (root / folder).glob("*.py")))
    if stats not in _HASHES:
        h = hashlib.sha1()
        for name, _, _ in stats[1:]:
            h.update(name.encode() + b"\0" + Path(name).read_bytes())
        _HASHES[stats] = h.hexdigest()
    return _HASHES[stats]


def get(name: str, key: str) -> Any:
    """A small value saved by put for this corpus key (e.g. the first view's HTML), or None.
    It lets a restarted app draw its first view without unpickling a 10,000-organization corpus."""
    store = cache_dir()
    path = store / f"{name}-{key}.pickle" if store else None
    if path is None or not path.is_file():
        return None
    try:
        with path.open("rb") as f:
            return pickle.load(f)  # our own file (see put)
    except Exception:  # noqa: BLE001 - a broken file is just a miss
        return None


def put(name: str, key: str, value: Any, keep: int = 64) -> None:
    store = cache_dir()
    if store is None:
        return
    try:
        store.mkdir(parents=True, exist_ok=True)
        path = store / f"{name}-{key}.pickle"
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in sorted(store.glob(f"{name}-*.pickle"), key=lambda p: p.stat().st_mtime)[:-keep]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home only costs speed


def read_pickle(path: Path) -> Any:
    """A corpus pickled by this app, or None (a broken file is removed, and the corpus rebuilt)."""
    try:
        with path.open("rb") as f, paused_gc():  # unpickling 10,000 organizations: 1.3 s, 4 s with gc on
            return pickle.load(_Yielding(f))  # our own file (save_in_background)
    except Exception:  # noqa: BLE001 - any unpickling problem just means "build again"
        path.unlink(missing_ok=True)
        return None


class _Yielding:
    """A file whose reads are Python calls: the unpickler then lets other threads run between its 64 KB
    frames. Plain pickle.load holds the GIL for seconds on a big corpus, and the server thread cannot send
    the first view (already drawn from the disk cache) to the browser until it is done."""

    def __init__(self, f: Any) -> None:
        self._f = f

    def read(self, n: int = -1) -> bytes:
        return self._f.read(n)

    def readinto(self, b: Any) -> int:
        return self._f.readinto(b)

    def readline(self) -> bytes:
        return self._f.readline()

    def peek(self, n: int = 0) -> bytes:
        return self._f.peek(n)


def keep(corpus: Any) -> Any:
    """The corpus lives as long as the server: move it out of the collector's sight (gc.freeze), or every
    later full collection walks its millions of objects again (~1.5 s at 10,000 organizations, in the
    middle of some rerun). ui.state.corpus_changed() gives them back (gc.unfreeze)."""
    gc.freeze()
    return corpus


_PRELOAD: dict[str, tuple[threading.Thread, dict]] = {}  # corpus key -> (reader thread, {"corpus": ...})


def preload(key: str, path: Path, delay: float = 1.0) -> None:
    """Read the pickled corpus at `path` in a background thread, `delay` seconds from now (see
    ui.state.preload_later); `take(key)` waits for it."""
    if key in _PRELOAD or not path.is_file():
        return
    box: dict[str, Any] = {}

    def work() -> None:
        time.sleep(delay)
        box["corpus"] = read_pickle(path)

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


def _write_pickle(value: Any, path: Path, keep: int) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # readers see the old file or the whole new one, never half of it
        for old in sorted(path.parent.glob("corpus-*.pickle"), key=lambda p: p.stat().st_mtime)[:-keep]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home only costs speed


def save_in_background(corpus: Any, path: Path, keep: int = 8, delay: float = 1.5) -> int | None:
    """Pickle the corpus for the next start without making this one wait: pickling 10,000 organizations
    takes ~1.5 s that the first view would otherwise spend. A forked child writes a snapshot (copy on
    write) and exits; a thread reaps it. The child first waits `delay` seconds, so that on a 2-core
    machine it does not take a core from the browser drawing the first view.
    Returns the child's pid (None: written here, no fork)."""
    if not hasattr(os, "fork") or os.environ.get("ATLAS_SAVE_INLINE"):
        _write_pickle(corpus, path, keep)
        return None
    pid = os.fork()
    if pid == 0:  # the child: write and leave at once, running no atexit or Streamlit shutdown code
        code = 0
        try:
            time.sleep(delay)
            _write_pickle(corpus, path, keep)
        except BaseException:  # noqa: BLE001 - nothing may escape into a forked copy of the server
            code = 1
        finally:
            os._exit(code)
    threading.Thread(target=os.waitpid, args=(pid, 0), daemon=True, name="atlas-cache-writer").start()
    return pid
