"""The cache: a private folder, one SQLite file of JSON (never a pickle), a per-letter store that parses only
what is new or changed (graph/store/cachedir.py, graph/store/letterstore.py, graph/store/corpus.py, ui/disk.py)."""
from __future__ import annotations

import datetime
import os
import pickle
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

import graph.paths

from graph import pipeline
from graph.store import cachedir
from graph.store import corpus as corpusstore
from graph.store import letterstore
from ui import disk

LETTERS = Path(__file__).resolve().parent.parent / "data" / "letters"


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("ATLAS_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def letters(tmp_path) -> Path:
    folder = tmp_path / "letters"
    folder.mkdir()
    for p in [p for p in sorted(LETTERS.iterdir()) if p.suffix != ".yaml"][:4]:
        for f in (p, p.with_suffix(".yaml")):  # a letter and its sidecar, when it has one
            if f.exists():
                shutil.copy2(f, folder / f.name)
    return folder


def _counting_parser(monkeypatch) -> list[list[str]]:
    """Records the files each pipeline.load_letters call parses."""
    calls: list[list[str]] = []
    real = pipeline.load_letters

    def counting(paths, *a, **k):
        calls.append(sorted(Path(p).name for p in paths))
        return real(paths, *a, **k)

    monkeypatch.setattr(pipeline, "load_letters", counting)
    return calls


def test_cache_folder_is_private_and_holds_no_pickle(cache, letters):
    store, why = letterstore.open_store()
    assert store is not None and why == ""
    corpusstore.open_corpus([letters], store)
    corpusstore.flush()
    assert _mode(cache) == 0o700
    files = [p for p in cache.iterdir() if p.is_file()]
    assert files and all(_mode(p) == 0o600 for p in files), [(p.name, oct(_mode(p))) for p in files]
    for p in files:
        assert not p.read_bytes().startswith(b"\x80"), f"{p.name} looks like a pickle"


def test_a_loose_cache_folder_of_ours_is_tightened(cache):
    cache.mkdir(mode=0o755)
    os.chmod(cache, 0o755)
    assert letterstore.open_store()[0] is not None and _mode(cache) == 0o700


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="chown to another user needs root")
def test_a_folder_owned_by_someone_else_is_refused(cache):
    cache.mkdir()
    os.chown(cache, 12345, 12345)
    store, why = letterstore.open_store()
    assert store is None and "another user" in why and str(cache) in why


def test_a_symlinked_cache_folder_is_refused(tmp_path, cache):
    (tmp_path / "elsewhere").mkdir()
    cache.symlink_to(tmp_path / "elsewhere")
    store, why = letterstore.open_store()
    assert store is None and "symlink" in why


def test_a_planted_pickle_never_runs(cache, letters, tmp_path):
    """Issue 11 item 2: a corpus-*.pickle in the cache folder was unpickled (and its code run) at start."""
    ran = tmp_path / "ran"

    class Payload:
        def __reduce__(self):
            return (Path.touch, (ran,))

    cache.mkdir(mode=0o700)
    (cache / "corpus-0123456789abcdef.pickle").write_bytes(pickle.dumps(Payload()))
    (cache / "network-k.pickle").write_bytes(pickle.dumps(Payload()))
    store, _ = letterstore.open_store()
    corpus = corpusstore.open_corpus([letters], store)
    assert len(corpus.letters) == 4 and not ran.exists()
    assert not list(cache.glob("*.pickle"))  # legacy pickles are removed, never read


def test_a_corrupt_store_or_entry_is_a_miss(cache, letters, monkeypatch):
    store, _ = letterstore.open_store()
    first = corpusstore.open_corpus([letters], store)
    corpusstore.flush()
    with sqlite3.connect(store.path) as db:
        db.execute("UPDATE letters SET body = '{\"document\": 1}' WHERE rowid = 1")
        db.execute("UPDATE built SET body = 'not json'")
    calls = _counting_parser(monkeypatch)
    corpusstore.forget()  # as a new process: nothing of it in memory
    again = corpusstore.open_corpus([letters], store)
    assert len(calls) == 1 and len(calls[0]) == 1  # only the broken entry is parsed again
    assert again.letters == first.letters and again.orgs == first.orgs
    store.path.write_bytes(b"this is not a database" * 100)
    fresh = letterstore.Store(store.path.parent)  # a store that is not a database is started afresh
    assert corpusstore.open_corpus([letters], fresh).letters == first.letters


def test_reopening_parses_only_new_or_changed_letters(cache, letters, monkeypatch):
    store, _ = letterstore.open_store()
    built = corpusstore.open_corpus([letters], store)
    calls = _counting_parser(monkeypatch)
    reopened = corpusstore.open_corpus([letters], store)
    assert calls == []
    assert reopened.letters == built.letters and reopened.documents == built.documents
    assert reopened.orgs == built.orgs and reopened.near_misses == built.near_misses and reopened.index == built.index
    assert dict(reopened.graph.nodes(data=True)) == dict(built.graph.nodes(data=True))
    assert sorted(reopened.graph.edges(data=True)) == sorted(built.graph.edges(data=True))

    new = sorted(LETTERS.glob("*.txt"))[-1]
    assert not (letters / new.name).exists()
    shutil.copy2(new, letters)
    assert len(corpusstore.open_corpus([letters], store).letters) == len(built.letters) + 1
    assert calls == [[new.name]]


def test_an_edit_with_the_same_size_and_mtime_is_seen(cache, letters, monkeypatch):
    """Issue 11 item 13: the cache was keyed by size and mtime, so this edit was served stale."""
    store, _ = letterstore.open_store()
    path = sorted(letters.glob("*.txt"))[0]
    old = next(d for d in corpusstore.open_corpus([letters], store).documents if d.name == path.name)
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    changed = text.replace("a", "e", 1)
    assert changed != text and len(changed.encode()) == len(text.encode())
    path.write_text(changed, encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    calls = _counting_parser(monkeypatch)
    corpus = corpusstore.open_corpus([letters], store)
    assert calls == [[path.name]]
    assert next(d for d in corpus.documents if d.name == path.name).text != old.text


def test_the_same_result_as_a_build_without_the_store(cache, letters):
    store, _ = letterstore.open_store()
    corpusstore.open_corpus([letters], store)
    stored, plain = corpusstore.open_corpus([letters], store), pipeline.build_corpus([letters])
    assert stored.letters == plain.letters and stored.orgs == plain.orgs
    assert [d.name for d in stored.documents] == [d.name for d in plain.documents]


def test_pieces_round_trip_as_json_and_off_means_no_cache(cache, monkeypatch):
    assert disk.get("network", "k1") is None
    disk.put("network", "k1", ("<html>", {"n": 1}, [("org:a", "A", 2)]))
    assert disk.get("network", "k1") == ["<html>", {"n": 1}, [["org:a", "A", 2]]]
    disk.put("network", "k2", {"when": datetime.date(2021, 2, 5)})  # not JSON: not cached, no error
    assert disk.get("network", "k2") is None
    monkeypatch.setenv("ATLAS_CACHE_DIR", "off")
    assert disk.store() is None and disk.get("network", "k1") is None and disk.problem() == ""


def test_a_lone_surrogate_survives_the_store(cache):
    store, _ = letterstore.open_store()
    store.put_piece("x", "k", {"name": "bad \udc80 name"})
    assert store.get_piece("x", "k") == {"name": "bad \udc80 name"}


def test_the_reader_version_follows_the_sources(monkeypatch, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "gazetteer.yaml").write_text("a: 1\n")
    monkeypatch.setattr(graph.paths, "DATA_DIR", data)
    before = letterstore.reader_version()
    (data / "gazetteer.yaml").write_text("a: 2\n")
    assert letterstore.reader_version() != before
    changed = letterstore.reader_version()
    (data / "recorded").mkdir()
    (data / "recorded" / "judgements.yaml").write_text("decisions: []\n")
    assert letterstore.reader_version() == changed  # a curation decision does not re-parse every letter


def test_cachedir_off_values(monkeypatch):
    for off in cachedir.OFF:
        monkeypatch.setenv("ATLAS_CACHE_DIR", off)
        assert cachedir.cache_dir() is None


def _same_corpus(a: pipeline.Corpus, b: pipeline.Corpus) -> None:
    """Same organizations (clusters, names, tags), near misses, index, and graph: nodes, edges, attributes."""
    assert a.letters == b.letters
    assert a.orgs == b.orgs
    assert a.near_misses == b.near_misses
    assert a.index == b.index
    assert list(a.graph.nodes(data=True)) == list(b.graph.nodes(data=True))  # in the same order: exports follow it
    assert list(a.graph.edges(data=True)) == list(b.graph.edges(data=True))


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    """Letters that share organizations printed in variants, with acronyms and umbrellas: adding one merges,
    splits and renames organizations the others made."""
    from tools.synth import generate, write_letters

    folder = tmp_path_factory.mktemp("generated")
    write_letters(generate(n_letters=40, n_orgs=150, n_signatures=900, seed=3), folder)
    for p in sorted(LETTERS.glob("*.txt"))[:6]:
        shutil.copy2(p, folder / p.name)
    return folder


@pytest.mark.parametrize("held_out", [0, 17, -1])
@pytest.mark.parametrize("in_memory", [True, False])
def test_adding_a_letter_equals_a_build_from_scratch(cache, tmp_path, generated, held_out, in_memory):
    """Issue 14: the corpus a folder had is reused for the letter added to it, and the result is the corpus
    built from nothing."""
    folder = tmp_path / "letters"
    shutil.copytree(generated, folder)
    files = sorted(folder.iterdir())
    held = files[held_out]
    aside = tmp_path / held.name
    shutil.move(held, aside)
    store, _ = letterstore.open_store()
    before = corpusstore.open_corpus([folder], store)
    shutil.move(aside, held)
    if not in_memory:
        corpusstore.forget()  # as a new process: the stored corpus of the smaller folder is the base
    added = corpusstore.open_corpus([folder], store)
    scratch = pipeline.build_corpus([folder])
    assert len(added.letters) == len(before.letters) + 1
    assert added.orgs != before.orgs  # the new letter changed something, or the test shows nothing
    if in_memory:  # and most organizations were taken over, not made again
        old = {o.id: o.mentions for o in before.orgs}
        assert sum(old.get(o.id) is o.mentions for o in added.orgs) > len(added.orgs) / 2
    _same_corpus(added, scratch)
    corpusstore.forget()
    _same_corpus(corpusstore.open_corpus([folder], store), scratch)  # and read back from the store


BASE_LISTS = [["Riverbank Teachers Union", "Hill Country Farmers Association (HCFA)", "Northgate Youth Network",
               "Eastwater Women's Circle"],
              ["Riverbank Teachers Union", "Northgate Youth Network", "Saltmarsh Legal Aid Centre",
               "Greenhollow Clinic Workers"],
              ["Hill Country Farmers Association", "Saltmarsh Legal Aid Centre", "Eastwater Women's Circle",
               "Pinecrest Students Forum"]]
ADDED = {  # a typo, a known name with an acronym, a bare acronym: each one of the organizations already there
    "merges": ["Riverbank Teachers Unoin", "Greenhollow Clinic Workers (GCW)", "HCFA"],
    "new": ["Lakeside Fishers Cooperative", "Northgate Youth Network", "Stonebridge Press Freedom Group"]}


def _letter(folder: Path, n: int, names: list[str]) -> None:
    entries = "\n\n".join(f"- {name}" for name in names)
    (folder / f"letter{n}.txt").write_text(f"Joint Letter on Protecting Schools {n}\n\nTo the Ministry of Education\n"
                                           f"{n} March 2022\n\nDear Minister,\n\nWe urge the government to protect "
                                           f"teachers and students.\n\nSincerely,\n\n{entries}\n", encoding="utf-8")


@pytest.mark.parametrize("added", sorted(ADDED))
@pytest.mark.parametrize("in_memory", [True, False])
def test_an_added_letter_that_merges_or_makes_organizations_equals_a_build_from_nothing(cache, tmp_path, added,
                                                                                         in_memory):
    """Issue 14: a letter whose names join organizations already there, or make new ones, gives through the
    store (built on the corpus held in memory, or on the stored one) the corpus built from nothing."""
    folder = tmp_path / "letters"
    folder.mkdir()
    for n, names in enumerate(BASE_LISTS, 1):
        _letter(folder, n, names)
    store, _ = letterstore.open_store()
    before = corpusstore.open_corpus([folder], store)
    _letter(folder, 9, ADDED[added])
    if not in_memory:
        corpusstore.forget()
    after = corpusstore.open_corpus([folder], store)
    _same_corpus(after, pipeline.build_corpus([folder]))
    grew = {o.id for o in after.orgs} - {o.id for o in before.orgs}
    joined = {o.id for o in after.orgs if "letter9.txt" in o.letters} - grew
    if added == "merges":
        assert not grew and len(joined) == 3
        assert "GCW" in next(o for o in after.orgs if o.id == "greenhollow-clinic-workers").acronyms
    else:
        assert grew == {"lakeside-fishers-cooperative", "stonebridge-press-freedom-group"}
        assert joined == {"northgate-youth-network"}
    corpusstore.forget()
    _same_corpus(corpusstore.open_corpus([folder], store), pipeline.build_corpus([folder]))  # read back


def test_letters_added_one_by_one_equal_builds_from_nothing(cache, tmp_path, generated):
    """Issue 14: each resolution builds on the one before it (its parts, blocks and near-miss pairs), and
    after every added letter the corpus is the one built from nothing: nothing stale is carried along."""
    folder = tmp_path / "letters"
    shutil.copytree(generated, folder)
    files = sorted(folder.iterdir())
    aside = tmp_path / "aside"
    aside.mkdir()
    held = files[::9][:4]  # spread over the corpus: letters of different organizations
    for p in held:
        shutil.move(p, aside / p.name)
    store, _ = letterstore.open_store()
    corpus = corpusstore.open_corpus([folder], store)
    for p in held:
        shutil.move(aside / p.name, p)
        before, corpus = corpus, corpusstore.open_corpus([folder], store)
        assert len(corpus.letters) == len(before.letters) + 1 and corpus.near_misses
        _same_corpus(corpus, pipeline.build_corpus([folder]))
