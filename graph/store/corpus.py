"""Open a letters folder through the per-letter store: parse only new or changed letters.

    letters on disk -> letter_key (content) -> stored Letter, or parse (pipeline.load_letters) and store
    the set of letter keys -> stored resolution + graph, or resolve and build (pipeline.build_from_letters)

Resolution is global (a new letter can merge two organizations), so a new set of letters is resolved
again; reopening an unchanged folder reads the letters and the resolution back and rebuilds the graph
from them. Records go through graph.store.recjson.
"""
from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path
from typing import Any, Iterable

from graph import pipeline
from graph.store.letterstore import Store, letter_key, reader_version
from graph.extract.document import DEFAULT_MAX_BYTES, LoadProblem, letter_paths
from graph.memory import paused_gc
from graph import paths
from graph.store.recjson import from_json, to_json
from graph.records import Document, Letter, NearMiss, Organization

CORPUS_FORMAT = 2  # bump when the shape of encode_corpus's output changes


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
    reader = reader_version()
    keys = _keys(letter_paths(paths), reader)
    return store.has_corpus(_corpus_key(reader, sorted(keys.values())))


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
    keys = _keys(files, reader)
    stored = store.get_letters(list(keys.values()))
    letters: list[Letter] = []
    docs: list[Document] = []
    misses: list[Path] = []
    for p in files:
        got = _decode_letter(stored.get(keys.get(str(p), "")), p)
        if got is None:
            misses.append(p)
        else:
            docs.append(got[0])
            letters.append(got[1])
    problems: list[LoadProblem] = []
    if misses:
        new, problems, new_docs = pipeline.load_letters(misses, progress=progress, share=0.6)
        by_name = {d.name: d for d in new_docs}
        store.put_letters((keys[by_name[L.file].source], {"document": by_name[L.file], "letter": L})
                          for L in new if L.file in by_name and by_name[L.file].source in keys)
        letters += new
        docs += new_docs
    letters.sort(key=lambda L: L.file)
    docs.sort(key=lambda d: d.name)
    ckey = _corpus_key(reader, sorted(keys[d.source] for d in docs if d.source in keys))
    blob = store.get_corpus(ckey)
    corpus = _decode_corpus(blob, letters, docs, problems) if blob is not None else None
    if corpus is None:
        corpus = pipeline.build_from_letters(letters, None, problems, docs, progress)
        store.put_corpus(ckey, encode_corpus(corpus))
    return corpus


def _decode_letter(body: Any, path: Path) -> tuple[Document, Letter] | None:
    if body is None:
        return None
    try:
        doc = from_json(Document, body["document"])
        return dataclasses.replace(doc, source=str(path)), from_json(Letter, body["letter"])
    except Exception:  # noqa: BLE001 - whatever is wrong with an entry, it is a miss: parse the letter again
        return None


def _corpus_key(reader: str, letter_keys: list[str]) -> str:
    """The letters, the code and every curated file, recorded decisions included (they change resolution)."""
    h = hashlib.sha256(f"{CORPUS_FORMAT}\0{reader}\0".encode())
    for p in sorted(Path(paths.DATA_DIR).rglob("*.yaml")):
        h.update(p.name.encode() + b"\0" + p.read_bytes())
    h.update("\0".join(letter_keys).encode())
    return h.hexdigest()


def encode_corpus(corpus: pipeline.Corpus) -> dict:
    """What resolution adds to the letters (letters, documents and problems are stored or found separately;
    the graph is rebuilt from letters and organizations: stored, it made each corpus three times bigger and
    was no quicker to read back). Near misses share their letter lists, each stored once (a third of the
    corpus otherwise)."""
    sets: dict[tuple[str, ...], int] = {}
    refs = [[sets.setdefault(m.a_letters, len(sets)), sets.setdefault(m.b_letters, len(sets))]
            for m in corpus.near_misses]
    bare = [to_json(m) for m in corpus.near_misses]
    for d in bare:
        d.pop("a_letters", None)
        d.pop("b_letters", None)
    return {"orgs": corpus.orgs, "near_misses": bare, "near_letters": refs, "letter_sets": list(sets),
            "index": [[f, printed, oid] for (f, printed), oid in corpus.index.items()]}


def _decode_corpus(blob: Any, letters: list[Letter], docs: list[Document], problems: list[LoadProblem]
                   ) -> pipeline.Corpus | None:
    from graph.network.build import build_graph

    try:
        orgs = from_json(tuple[Organization, ...], blob["orgs"])
        sets = [tuple(s) for s in blob["letter_sets"]]
        for d, (a, b) in zip(blob["near_misses"], blob["near_letters"], strict=True):
            d["a_letters"], d["b_letters"] = sets[a], sets[b]  # shared tuples, as resolve made them
        near = from_json(tuple[NearMiss, ...], blob["near_misses"])
        index = {(f, printed): oid for f, printed, oid in blob["index"]}
    except Exception:  # noqa: BLE001 - a broken entry is a miss: resolve and build again
        return None
    return pipeline.Corpus(tuple(letters), orgs, near, build_graph(letters, orgs), tuple(problems), tuple(docs), index)
