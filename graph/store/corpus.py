"""Open a letters folder through the per-letter store: parse only new or changed letters, resolve only what
they change.

    letters on disk -> letter_key (content) -> the corpus this process opened last, if it is of these very
    files; else each letter: stored, or parse (pipeline.load_letters) and store
    the set of letter keys -> build it from the corpus of a smaller set of these letters
        (pipeline.build_from_letters(known=)) when this process holds one, else the built corpus stored for
        it (organizations, near misses), else build it from the largest smaller one in the store, else from
        nothing.

Resolution is global (a new letter can merge two organizations), so the decisions are made again over every
name; what is reused is what no new letter touches (the resolver's parts, blocks and differing words; each
organization's name, tags, graph attributes and edges), which gives the same result as a build from nothing
(tests/test_disk.py). The graph is rebuilt from the letters
and organizations: stored, it made each corpus three times bigger and was no quicker to read back.
Records go through graph.store.recjson, as JSON rows (recjson.to_rows): no pickles.
"""
from __future__ import annotations

import dataclasses
import hashlib
import threading
from pathlib import Path
from typing import Any, Iterable

import networkx as nx

from graph import pipeline
from graph.store.letterstore import Store, letter_key, reader_version
from graph.extract.document import DEFAULT_MAX_BYTES, LoadProblem, letter_paths
from graph.memory import paused_gc
from graph import paths
from graph.store.recjson import from_json, to_rows
from graph.records import Document, Letter, NearMiss, Organization

CORPUS_FORMAT = 4  # bump when the shape of encode_corpus's output changes


@dataclasses.dataclass(frozen=True)
class _Opened:
    """A corpus this process opened, with the keys of its letters: the base for the next one."""

    store: Path  # the store file its letters are in
    data: str  # reader version and curated data it was built with
    letters: dict[str, tuple[Document, Letter]]  # letter key -> its document and letter
    corpus: pipeline.Corpus
    files: dict[str, str]  # path -> letter key of every file it was opened from, when each was parsed or stored


_LAST: list[_Opened] = []  # the corpus opened last (one: it is the one a running app shows)


def forget() -> None:
    """Drop the corpus this process opened last: the next open_corpus reads the store only (tests; memory)."""
    flush()
    _LAST.clear()


_WRITING: list[threading.Thread] = []  # corpora being written to the store


def flush() -> None:
    """Wait until the corpora built here are in the store."""
    while _WRITING:
        _WRITING.pop().join()


def _store_later(store: Store, key: str, letter_keys: list[str], corpus: pipeline.Corpus) -> None:
    """Write a built corpus in a thread: the caller has it already, and it is a second or more of encoding
    and writing at 1,000 letters. The next open_corpus (or is_stored) waits for it; the process does not
    exit before it is written (not a daemon)."""
    t = threading.Thread(target=lambda: store.put_built(key, letter_keys, encode_corpus(corpus)),
                         name="atlas-store-corpus")
    t.start()
    _WRITING.append(t)


def open_corpus(paths: Iterable[str | Path], store: Store | None, progress: pipeline.Progress | None = None
                ) -> pipeline.Corpus:
    """The same Corpus as pipeline.build_corpus(paths), reusing what `store` holds (None: build it all)."""
    if store is None:
        return pipeline.build_corpus(paths, progress=progress)
    with paused_gc():  # decoding makes ~10^6 records: see graph/memory.py
        return _open(letter_paths(paths), store, progress)


def is_stored(paths: Iterable[str | Path], store: Store | None) -> bool:
    """True when open_corpus would read everything back, parsing and resolving nothing (hashes the files:
    about 0.1 s for 1,000 letters)."""
    if store is None:
        return False
    flush()
    reader = reader_version()
    keys = _keys(letter_paths(paths), reader)
    return store.has_built(_corpus_key(_data_version(reader), sorted(keys.values())))


def _keys(files: list[Path], reader: str) -> dict[str, str]:
    keys: dict[str, str] = {}
    for p in files:
        try:
            if p.stat().st_size <= DEFAULT_MAX_BYTES:  # a bigger file is refused by the loader: not worth hashing
                keys[str(p)] = letter_key(p, reader)
        except OSError:
            continue  # unreadable now: parsed (and reported) by the loader
    return keys


def _open(files: list[Path], store: Store, progress: pipeline.Progress | None) -> pipeline.Corpus:
    reader = reader_version()
    data = _data_version(reader)
    keys = _keys(files, reader)
    last = _LAST[0] if _LAST and (_LAST[0].store, _LAST[0].data) == (store.path, data) else None
    if last is not None and last.files == keys:
        return last.corpus  # the same files, byte for byte, as the corpus this process holds
    held = last.letters if last is not None else {}
    stored = store.get_letters([k for k in keys.values() if k not in held])
    by_key: dict[str, tuple[Document, Letter]] = {}
    misses: list[Path] = []
    for p in files:
        k = keys.get(str(p), "")
        got = held.get(k) or _decode_letter(stored.get(k), p)
        if got is not None and got[0].source != str(p):  # the same letter in another folder
            got = dataclasses.replace(got[0], source=str(p)), got[1]
        if got is None:
            misses.append(p)
        else:
            by_key[k] = got
    problems: list[LoadProblem] = []
    if misses:
        new, problems, new_docs = pipeline.load_letters(misses, progress=progress, share=0.6)
        by_name = {d.name: d for d in new_docs}
        fresh = {keys[by_name[L.file].source]: (by_name[L.file], L) for L in new
                 if L.file in by_name and by_name[L.file].source in keys}
        store.put_letters((k, {"document": to_rows(d), "letter": to_rows(L)}) for k, (d, L) in fresh.items())
        by_key.update(fresh)
        unkeyed = [L for L in new if L.file not in by_name or by_name[L.file].source not in keys]
    else:
        unkeyed = []
    letters = sorted([L for _, L in by_key.values()] + unkeyed, key=lambda L: L.file)
    docs = sorted([d for d, _ in by_key.values()], key=lambda d: d.name)
    ckey = _corpus_key(data, sorted(by_key))
    # The corpus held here, of some of these letters, is the quickest base: building on it costs less than
    # reading a stored corpus of them all back (and it keeps the resolver's table).
    grows = last is not None and last.letters.keys() <= by_key.keys()
    if grows and last.letters.keys() == by_key.keys() and not problems and not unkeyed:
        # the same letters, moved or beside a file that is not a letter: their documents say where they are
        corpus = dataclasses.replace(last.corpus, documents=tuple(docs))
    elif grows:
        corpus = None
    else:
        flush()  # a corpus being written is read back whole, or is a base
        blob = store.get_built(ckey)
        corpus = _decode_corpus(blob, letters, docs, problems) if blob is not None else None
    if corpus is None:
        if grows:
            _LAST.clear()  # a build on it takes over its resolver's table (identity/printings.parts)
        base = last.corpus if grows else _base(store, data, set(by_key))
        corpus = pipeline.build_from_letters(letters, None, problems, docs, progress, known=base)
        if not store.has_built(ckey):
            _store_later(store, ckey, sorted(by_key), corpus)
    whole = not unkeyed and not problems  # every file read back or parsed: the next open of them can be this one
    _LAST[:] = [_Opened(store.path, data, by_key, corpus, keys if whole else {})] if not unkeyed else []
    return corpus


def _base(store: Store, data: str, keys: set[str]) -> pipeline.Corpus | None:
    """The stored corpus built from the most of these letters and no other, to build this one from; None
    when there is none."""
    best = max(((len(ks), k) for k, ks in store.built_letters().items() if set(ks) <= keys), default=None)
    if best is None:
        return None
    blob = store.get_built(best[1])
    try:
        letters = [Letter(str(f)) for f in blob["files"]]  # all a base is asked about its letters
    except (TypeError, KeyError):
        return None
    return _decode_corpus(blob, letters, [], [], graph=False)


def _decode_letter(body: Any, path: Path) -> tuple[Document, Letter] | None:
    if body is None:
        return None
    try:
        doc = from_json(Document, body["document"])
        return dataclasses.replace(doc, source=str(path)), from_json(Letter, body["letter"])
    except Exception:  # noqa: BLE001 - whatever is wrong with an entry, it is a miss: parse the letter again
        return None


def _data_version(reader: str) -> str:
    """The code and every curated file, recorded decisions included (they change resolution and tags)."""
    h = hashlib.sha256(f"{CORPUS_FORMAT}\0{reader}\0".encode())
    for p in sorted(Path(paths.DATA_DIR).rglob("*.yaml")):
        h.update(p.name.encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


def _corpus_key(data: str, letter_keys: list[str]) -> str:
    return hashlib.sha256(f"{data}\0{chr(0).join(letter_keys)}".encode()).hexdigest()


def encode_corpus(corpus: pipeline.Corpus) -> dict:
    """What resolution and tagging add to the letters (letters, documents and problems are stored or found
    separately; the index is the organizations' mentions again). Near misses are rows, and share their
    letter lists, each stored once (a third of the corpus otherwise)."""
    sets: dict[tuple[str, ...], int] = {}
    near = [[m.a, m.b, m.a_name, m.b_name, m.score, m.why_not,
             sets.setdefault(m.a_letters, len(sets)), sets.setdefault(m.b_letters, len(sets))]
            for m in corpus.near_misses]
    return {"orgs": to_rows(corpus.orgs), "near_misses": near, "letter_sets": list(sets),
            "files": [L.file for L in corpus.letters]}


def _decode_corpus(blob: Any, letters: list[Letter], docs: list[Document], problems: list[LoadProblem],
                   graph: bool = True) -> pipeline.Corpus | None:
    from graph.network.build import build_graph

    try:
        orgs = from_json(tuple[Organization, ...], blob["orgs"])
        sets = [tuple(s) for s in blob["letter_sets"]]
        near = tuple(NearMiss(a, b, an, bn, float(s), why, sets[i], sets[j])
                     for a, b, an, bn, s, why, i, j in blob["near_misses"])
    except Exception:  # noqa: BLE001 - a broken entry is a miss: resolve and build again
        return None
    G = build_graph(letters, orgs) if graph else nx.DiGraph()  # a base's graph: none, attributes are made again
    return pipeline.Corpus(tuple(letters), orgs, near, G, tuple(problems), tuple(docs))
