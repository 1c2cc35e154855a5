"""The per-letter store: one SQLite file in the cache folder, JSON inside, no pickles.

Tables:
- `letters`: each letter's Document and parsed Letter, keyed by `letter_key` (the reader version, the
  file name and the bytes of the letter and its sidecar). A changed letter has a new key, so it is parsed
  again however its mtime looks; an unchanged one is read back instead of parsed.
- `built`: what resolution and tagging made of one set of letters, with the keys of those letters, so that a
  folder that gained letters starts from the set it had (graph/store/corpus.py).
- `pieces`: small values the app draws its first view from (sidebar options, network HTML).

Any entry that cannot be read or decoded is a miss, never an error. Connections are opened per call:
the store is shared by the app's threads and by other processes (WAL mode lets readers run while one
writes).
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from contextlib import closing
from pathlib import Path
from typing import Any, Iterable, Iterator

import orjson

from graph.store import cachedir
from graph import paths
from graph.store.recjson import to_json

FILE = "atlas.sqlite3"
BUSY_TIMEOUT_S = 30  # a writer holds the lock for well under a second; waiting beats failing
SIDECARS = (".yaml", ".yml")
SCHEMA = """
CREATE TABLE IF NOT EXISTS letters (key TEXT PRIMARY KEY, reader TEXT NOT NULL, body TEXT NOT NULL);
DROP TABLE IF EXISTS corpora;
CREATE TABLE IF NOT EXISTS built (key TEXT PRIMARY KEY, letters TEXT NOT NULL, body TEXT NOT NULL,
                                  used REAL NOT NULL);
CREATE TABLE IF NOT EXISTS pieces (name TEXT, key TEXT, body TEXT NOT NULL, used REAL NOT NULL,
                                   PRIMARY KEY (name, key));
"""

_VERSIONS: dict[tuple, str] = {}


def reader_version() -> str:
    """Changes whenever extraction may give another result: a hash of every Python source of the package
    and of the curated YAML in data/ (gazetteer, demands, addressees, judgements' persons...). Derived,
    not a constant, so it cannot be forgotten. Recorded curation decisions (data/recorded/) are not in
    it: extraction never reads them, and a curator's click must not re-parse every letter.
    Files are re-read only when their size or mtime changed."""
    files = sorted([*(paths.ROOT / "graph").rglob("*.py"), *Path(paths.DATA_DIR).glob("*.yaml")])
    stats = tuple((str(p), st.st_size, st.st_mtime_ns) for p, st in ((p, _stat(p)) for p in files) if st)
    if stats not in _VERSIONS:
        h = hashlib.sha256()
        for name, _, _ in stats:
            h.update(Path(name).name.encode() + b"\0" + Path(name).read_bytes() + b"\0")
        _VERSIONS[stats] = h.hexdigest()[:24]
    return _VERSIONS[stats]


def _stat(p: Path) -> os.stat_result | None:
    """One stat call per source (this runs on every open): None when it is gone or a broken link."""
    try:
        return p.stat()
    except OSError:
        return None


def letter_key(path: Path, reader: str) -> str:
    """Content key of one letter file: its name, bytes and sidecar bytes (the sidecar's metadata wins
    over the text, so it changes the parse)."""
    h = hashlib.sha256(f"{reader}\0{path.name}\0".encode())
    h.update(path.read_bytes())
    for suffix in SIDECARS:
        side = path.with_suffix(suffix)
        if side != path and side.is_file():
            h.update(b"\0" + suffix.encode() + b"\0" + side.read_bytes())
    return h.hexdigest()


class Store:
    """The SQLite file in `folder` (a secured cache folder, see graph.store.cachedir)."""

    def __init__(self, folder: Path):
        self.path = Path(folder) / FILE
        cachedir.private_file(self.path)
        try:
            self._init()
        except sqlite3.DatabaseError:  # not a database (truncated, overwritten): ours, so start afresh
            for suffix in ("", "-wal", "-shm"):
                Path(str(self.path) + suffix).unlink(missing_ok=True)
            cachedir.private_file(self.path)
            self._init()

    def _init(self) -> None:
        with self._db() as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.executescript(SCHEMA)
            db.execute("DELETE FROM letters WHERE reader != ?", (reader_version(),))

    def _db(self) -> closing[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        return closing(db)

    def _rows(self, sql: str, args: Iterable[Any]) -> Iterator[tuple]:
        try:
            with self._db() as db:
                yield from db.execute(sql, tuple(args)).fetchall()
        except sqlite3.Error:
            return  # an unreadable store is a miss

    def _write(self, sql: str, rows: list[tuple], prune: str = "", prune_args: tuple = ()) -> None:
        try:
            with self._db() as db:
                db.execute("BEGIN IMMEDIATE")
                db.executemany(sql, rows)
                if prune:
                    db.execute(prune, prune_args)
                db.execute("COMMIT")
        except sqlite3.Error:
            pass  # a full disk or a locked store only costs speed

    # ---- letters

    def get_letters(self, keys: list[str]) -> dict[str, dict]:
        """key -> the JSON body stored for it; keys not stored (or unreadable) are missing."""
        out: dict[str, dict] = {}
        wanted = list(dict.fromkeys(keys))
        for i in range(0, len(wanted), 500):  # SQLite caps the number of ? in one statement
            chunk = wanted[i:i + 500]
            for key, body in self._rows(f"SELECT key, body FROM letters WHERE key IN ({','.join('?' * len(chunk))})",
                                        chunk):
                value = _loaded(body)
                if value is not None:
                    out[key] = value
        return out

    def put_letters(self, items: Iterable[tuple[str, Any]]) -> None:
        rows = [(key, reader_version(), body) for key, body in _dumped(items)]
        self._write("INSERT OR REPLACE INTO letters (key, reader, body) VALUES (?, ?, ?)", rows)

    # ---- built corpora and pieces

    def get_built(self, key: str) -> Any:
        for (body,) in self._rows("SELECT body FROM built WHERE key = ?", (key,)):
            return _loaded(body)
        return None

    def has_built(self, key: str) -> bool:
        return any(True for _ in self._rows("SELECT 1 FROM built WHERE key = ?", (key,)))

    def built_letters(self) -> dict[str, list[str]]:
        """Each built corpus's key -> the keys of its letters (a few kB each: the bodies are not read)."""
        out = {}
        for key, letters in self._rows("SELECT key, letters FROM built", ()):
            value = _loaded(letters)
            if isinstance(value, list):
                out[key] = value
        return out

    def put_built(self, key: str, letter_keys: list[str], value: Any, keep: int = 8) -> None:
        """Only the `keep` newest stay: each holds every organization of a folder."""
        rows = [(k, json.dumps(letter_keys), body, time.time()) for k, body in _dumped([(key, value)])]
        self._write("INSERT OR REPLACE INTO built (key, letters, body, used) VALUES (?, ?, ?, ?)", rows,
                    "DELETE FROM built WHERE key NOT IN (SELECT key FROM built ORDER BY used DESC LIMIT ?)",
                    (keep,))

    def get_piece(self, name: str, key: str) -> Any:
        for (body,) in self._rows("SELECT body FROM pieces WHERE name = ? AND key = ?", (name, key)):
            return _loaded(body)
        return None

    def put_piece(self, name: str, key: str, value: Any, keep: int = 64) -> None:
        rows = [(name, k, body, time.time()) for k, body in _dumped([(key, value)])]
        self._write("INSERT OR REPLACE INTO pieces (name, key, body, used) VALUES (?, ?, ?, ?)", rows,
                    "DELETE FROM pieces WHERE name = ? AND key NOT IN "
                    "(SELECT key FROM pieces WHERE name = ? ORDER BY used DESC LIMIT ?)", (name, name, keep))


def _dumped(items: Iterable[tuple[str, Any]]) -> Iterator[tuple[str, str]]:
    """(key, JSON text); a value JSON cannot hold is skipped (it is simply not cached). orjson writes
    records (dataclasses) itself, ten times faster than walking them in Python; it refuses a lone
    surrogate, which the standard module then writes as an ASCII escape (SQLite's UTF-8 could not hold it)."""
    for key, value in items:
        try:  # datetimes pass through to the fallback, which refuses them: orjson would turn them into text
            yield key, orjson.dumps(value, option=orjson.OPT_PASSTHROUGH_DATETIME).decode("utf-8")
        except TypeError:
            try:
                yield key, json.dumps(to_json(value), ensure_ascii=True, allow_nan=False, separators=(",", ":"))
            except (TypeError, ValueError):
                continue


def _loaded(body: str) -> Any:
    """The value _dumped wrote, or None when the text is not JSON (a corrupt entry is a miss)."""
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError:
        try:
            return json.loads(body)  # an escaped lone surrogate, which orjson does not read
        except ValueError:
            return None


def open_store() -> tuple[Store | None, str]:
    """(the store, "") or (None, why there is none): off, or a folder that is not safe to use."""
    folder = cachedir.cache_dir()
    if folder is None:
        return None, ""
    try:
        return Store(cachedir.secure_dir(folder)), ""
    except cachedir.CacheRefused as e:
        return None, str(e)
