"""The app's disk cache (ui/disk.py): atomic pickles, a forked background writer, a background reader."""
from __future__ import annotations

import pickle
import time

from ui import disk


def _wait_for(path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.02)


def test_background_save_writes_a_whole_pickle_and_never_a_partial_one(tmp_path):
    value = {"orgs": [f"org {i}" for i in range(50_000)]}
    path = tmp_path / "corpus-x.pickle"
    pid = disk.save_in_background(value, path)
    assert pid is None or pid > 0
    _wait_for(path)
    assert pickle.loads(path.read_bytes()) == value  # os.replace: the name appears only when complete
    assert not list(tmp_path.glob("*.tmp"))


def test_save_keeps_only_the_newest_corpora(tmp_path, monkeypatch):
    monkeypatch.setenv("ATLAS_SAVE_INLINE", "1")  # written here, not by a child: the order is known
    for k in range(5):
        disk.save_in_background({"k": k}, tmp_path / f"corpus-{k}.pickle", keep=3)
        time.sleep(0.01)  # distinct mtimes
    assert sorted(p.name for p in tmp_path.glob("corpus-*.pickle")) == [f"corpus-{k}.pickle" for k in (2, 3, 4)]


def test_preload_reads_in_the_background_and_take_waits_for_it(tmp_path):
    path = tmp_path / "corpus-k.pickle"
    path.write_bytes(pickle.dumps({"letters": list(range(1000))}))
    disk.preload("k", path, delay=0.2)
    disk.preload("k", path, delay=0.2)  # a second call while one is pending starts no second reader
    assert len([k for k in disk._PRELOAD if k == "k"]) == 1
    assert disk.take("k") == {"letters": list(range(1000))}
    assert disk.take("k") is None  # taken once


def test_a_broken_pickle_is_a_miss_and_is_removed(tmp_path):
    path = tmp_path / "corpus-bad.pickle"
    path.write_bytes(b"not a pickle")
    assert disk.read_pickle(path) is None
    assert not path.exists()


def test_small_pieces_round_trip_and_a_missing_cache_dir_is_off(tmp_path, monkeypatch):
    monkeypatch.setenv("ATLAS_CACHE_DIR", str(tmp_path / "c"))
    assert disk.get("network", "k1") is None
    disk.put("network", "k1", ("<html>", {"n": 1}))
    assert disk.get("network", "k1") == ("<html>", {"n": 1})
    monkeypatch.setenv("ATLAS_CACHE_DIR", "off")
    assert disk.cache_dir() is None and disk.get("network", "k1") is None
