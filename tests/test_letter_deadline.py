"""One bound over reading one letter (graph.extract.deadline): a letter whose reading and parsing runs
past LETTER_SECONDS is stopped and listed as failed with the reason, and the rest of the corpus loads,
in whatever thread the corpus is read (Streamlit's script threads, the CLI's main thread), in forked
CLI workers, and through the per-letter store."""
from __future__ import annotations

import threading
import time

import pytest

from graph import pipeline
from graph.extract import deadline
from graph.extract import letter as letter_module
from graph.extract.document import LoadError

SLOW = "Endless Loop Coalition"  # the signatory whose list the patched stage never finishes
BOUND_S = 0.5


def write_letters(folder):
    folder.mkdir(parents=True, exist_ok=True)
    # Sizes: with jobs=2 the biggest and the smallest letter are read in this process, the middle one
    # (the slow one) by the forked worker.
    for name, org in [("a.txt", "Alpha Rights Network for Democracy"), ("slow.txt", SLOW), ("c.txt", "Gamma Union")]:
        (folder / name).write_text(f"Open letter\n\n1 March 2024\n\nWe urge the release of all political "
                                   f"prisoners.\n\nSigned,\n1. {org}\n2. Delta Youth Forum\n", encoding="utf-8")
    return folder


@pytest.fixture
def slow_stage(monkeypatch):
    """The signatory parser never returns on the crafted letter (a pure-Python loop, as a parser that
    backtracks forever would); the bound is BOUND_S."""
    real = letter_module.parse_signatories

    def parse_signatories(lines, *args, **kwargs):
        if any(SLOW in line for line in lines):
            while True:
                pass
        return real(lines, *args, **kwargs)

    monkeypatch.setattr(letter_module, "parse_signatories", parse_signatories)
    monkeypatch.setattr(deadline, "LETTER_SECONDS", BOUND_S)


def in_a_thread(fn, timeout: float = 60):
    """fn() in a thread of its own, as Streamlit runs a script; fails if it does not end in time."""
    out: dict = {}

    def run():
        try:
            out["value"] = fn()
        except BaseException as e:  # noqa: BLE001 - handed to the test
            out["error"] = e

    t = threading.Thread(target=run, name="ScriptRunner.scriptThread")
    t.start()
    t.join(timeout)
    assert not t.is_alive(), "reading the corpus was not bounded"
    if "error" in out:
        raise out["error"]
    return out["value"]


def assert_slow_letter_failed(letters, problems, started):
    assert sorted(x.file for x in letters) == ["a.txt", "c.txt"]
    assert [p.name for p in problems] == ["slow.txt"]
    assert f"took over {BOUND_S:g} s to read and parse" in problems[0].message
    assert time.monotonic() - started < 30


@pytest.mark.parametrize("jobs", [1, 2])  # in this thread, and in a forked worker of the CLI's pool
def test_a_letter_over_its_time_is_stopped_and_the_corpus_goes_on(tmp_path, slow_stage, jobs):
    folder = write_letters(tmp_path / "letters")
    if jobs == 2:
        by_size = sorted(folder.iterdir(), key=lambda f: -f.stat().st_size)
        assert by_size[1::2] == [folder / "slow.txt"]  # the worker's share (pipeline.load_letters)
    started = time.monotonic()
    letters, problems, docs = in_a_thread(lambda: pipeline.load_letters([folder], jobs=jobs))
    assert_slow_letter_failed(letters, problems, started)
    assert sorted(d.name for d in docs) == ["a.txt", "c.txt"]  # the stopped letter is left out whole


def test_the_store_lists_the_stopped_letter_and_keeps_the_others(tmp_path, slow_stage):
    from graph.store.corpus import open_corpus
    from graph.store.cachedir import secure_dir
    from graph.store.letterstore import Store

    folder = write_letters(tmp_path / "letters")
    store = Store(secure_dir(tmp_path / "cache"))
    started = time.monotonic()
    corpus = in_a_thread(lambda: open_corpus([folder], store))
    assert_slow_letter_failed(corpus.letters, corpus.problems, started)
    assert any(a.get("label") == "Alpha Rights Network for Democracy" for _, a in corpus.graph.nodes(data=True))


def test_a_custom_lexicon_build_is_bounded_too(tmp_path, slow_stage):
    from graph.demands.find import load_lexicon

    folder = write_letters(tmp_path / "letters")
    started = time.monotonic()
    corpus = in_a_thread(lambda: pipeline.build_corpus([folder], lexicon=load_lexicon()))
    assert_slow_letter_failed(corpus.letters, corpus.problems, started)


def test_a_letter_within_its_time_is_untouched(tmp_path, monkeypatch):
    monkeypatch.setattr(deadline, "LETTER_SECONDS", 30)
    letters, problems, _ = pipeline.load_letters([write_letters(tmp_path / "letters")], jobs=1)
    assert len(letters) == 3 and not problems
    assert [s.name for s in next(x for x in letters if x.file == "slow.txt").signatories][:1] == [SLOW]
    assert [s.name for s in next(x for x in letters if x.file == "c.txt").signatories][:1] == ["Gamma Union"]


def test_the_stop_is_not_swallowed_by_a_reader_s_catch_all():
    """Readers turn any Exception into a LoadError and go on; the stop must get through them."""
    started = time.monotonic()
    with pytest.raises(LoadError, match="took over 0.2 s"):
        with deadline.letter_deadline("x.txt", seconds=0.2):
            while True:
                try:
                    sum(range(1000))
                except Exception:  # noqa: BLE001 - what the readers do
                    pass
    assert time.monotonic() - started < 5


def test_a_finished_letter_leaves_no_stop_behind():
    for _ in range(200):  # timers firing around the end of the body: a LoadError at most, nothing afterwards
        try:
            with deadline.letter_deadline("x.txt", seconds=0.001):
                sum(range(300))
        except LoadError:
            pass
        time.sleep(0.002)
        sum(range(10_000))
    assert not [t for t in threading.enumerate() if t.name.startswith("atlas-letter-deadline")]
