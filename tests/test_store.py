"""Saving letters: atomic, never overwrites, deduplicates by content, safe under concurrency."""
from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import yaml

from graph.store.letters import find_duplicate, safe_name, save_letter

ROOT = Path(__file__).resolve().parent.parent


def _letters(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


def test_save_and_sidecar_readable_by_loader(tmp_path):
    from graph.extract.document import read_document

    r = save_letter(b"To the UN\n\nSigned,\nBurma Campaign UK\n", "Joint letter.txt",
                    {"source_url": "https://example.org/l", "date": "2021-02-05"}, folder=tmp_path)
    assert r.created and r.name == "Joint-letter.txt" and r.path.read_bytes().startswith(b"To the UN")
    assert yaml.safe_load(r.meta_path.read_text()) == {"source_url": "https://example.org/l", "date": "2021-02-05"}
    doc = read_document(r.path)
    assert doc.meta["source_url"] == "https://example.org/l"


def test_name_clash_gets_new_name_never_overwrites(tmp_path):
    (tmp_path / "letter.txt").write_bytes(b"original")
    r = save_letter(b"another letter", "letter.txt", folder=tmp_path)
    assert r.created and r.name == "letter-2.txt" and r.requested == "letter.txt"
    assert (tmp_path / "letter.txt").read_bytes() == b"original"
    r3 = save_letter(b"third", "letter.txt", folder=tmp_path)
    assert r3.name == "letter-3.txt"


def test_orphan_sidecar_is_not_inherited(tmp_path):
    (tmp_path / "letter.yaml").write_text("title: someone else's\n")
    r = save_letter(b"text", "letter.txt", folder=tmp_path)
    assert r.name == "letter-2.txt"


def test_same_content_is_stored_once(tmp_path):
    a = save_letter(b"same bytes", "a.txt", folder=tmp_path)
    b = save_letter(b"same bytes", "b.txt", {"x": 1}, folder=tmp_path)
    assert (b.created, b.name, b.meta_path) == (False, "a.txt", None)
    assert _letters(tmp_path) == ["a.txt"]
    assert find_duplicate(b"same bytes", tmp_path) == "a.txt" and find_duplicate(b"other", tmp_path) is None


def test_unsafe_names_stay_in_the_folder(tmp_path):
    r = save_letter(b"x", "../../outside.txt", folder=tmp_path / "letters")
    assert r.path.parent == tmp_path / "letters" and r.name == "outside.txt"
    assert safe_name("a/b\\c.TXT") == "c.txt" and safe_name("...") == "letter.txt"


def test_default_folder_is_letters_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("ATLAS_LETTERS_DIR", str(tmp_path / "lettersdir"))
    r = save_letter(b"env letter", "e.txt")
    assert r.path == tmp_path / "lettersdir" / "e.txt"


def test_threads_lose_nothing(tmp_path):
    results = []
    lock = threading.Lock()

    def work(i):
        r = save_letter(f"letter {i % 10}".encode(), "same-name.txt", {"i": i}, folder=tmp_path)
        with lock:
            results.append(r)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(40)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    names = [n for n in _letters(tmp_path) if n.endswith(".txt")]
    assert len(names) == 10  # 10 distinct contents, each stored exactly once
    assert sorted((tmp_path / n).read_bytes() for n in names) == sorted(f"letter {i}".encode() for i in range(10))
    assert sum(r.created for r in results) == 10
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".tmp-")]


_SAVER = """
import sys
from graph.store.letters import save_letter
folder = sys.argv[1]
for i in range(16):
    print(save_letter(f"proc letter {i}".encode(), "p.txt", folder=folder).name)
"""


def test_processes_lose_nothing(tmp_path):
    # Separate interpreters, not a multiprocessing pool: a spawned pool re-runs the test session's __main__
    # (an AppTest leaves app.py there), and fork copies the session's threads.
    procs = [subprocess.Popen([sys.executable, "-c", _SAVER, str(tmp_path)], cwd=ROOT, stdout=subprocess.PIPE,
                              text=True) for _ in range(3)]
    names = [n for p in procs for n in p.communicate(timeout=120)[0].split()]
    assert all(p.returncode == 0 for p in procs) and len(names) == 48
    assert len(set(names)) == 16 and len(_letters(tmp_path)) == 16
    assert {(tmp_path / n).read_bytes() for n in set(names)} == {f"proc letter {i}".encode() for i in range(16)}


def test_saved_names_get_a_readable_suffix_matching_the_content(tmp_path):
    """Issue 11 item 6: a name without a suffix was saved but never loaded; text saved as .pdf stayed unreadable."""
    from graph.extract.document import letter_paths, read_document

    text = b"Open letter\n\nWe urge the council to act.\n\nSigned,\n1. Alpha Rights Network\n"
    a = save_letter(text, "my letter", folder=tmp_path)
    assert (a.created, a.name) == (True, "my-letter.txt")
    b = save_letter(text + b"2. Beta Union\n", "beta.pdf", folder=tmp_path)
    assert b.name == "beta.txt" and read_document(b.path).text.startswith("Open letter")
    assert sorted(p.name for p in letter_paths([tmp_path])) == ["beta.txt", "my-letter.txt"]
    pdf = save_letter(b"%PDF-1.4 not really", "scan.txt", folder=tmp_path)
    assert pdf.name == "scan.pdf"


def test_the_same_text_again_says_where_it_is_and_an_unloaded_copy_does_not_count(tmp_path):
    text = b"Dear all,\nSigned: Alpha Rights Network\n"
    (tmp_path / "old copy").write_bytes(text)  # saved without a suffix by an older version: never loaded
    first = save_letter(text, "alpha.txt", folder=tmp_path)
    assert first.created and first.name == "alpha.txt"
    again = save_letter(text, "another name.txt", folder=tmp_path)
    assert (again.created, again.name, again.path) == (False, "alpha.txt", tmp_path / "alpha.txt")


def test_long_names_of_four_byte_characters_are_bounded_in_bytes(tmp_path):
    """80 four-byte characters are 320 bytes: 'File name too long' before names were bounded in bytes."""
    r = save_letter(b"Dear all,\nSigned: X\n", "\U0001d504" * 80 + ".txt", {"title": "T"}, folder=tmp_path)
    assert r.created and r.name.endswith(".txt") and len(r.name.encode()) <= 255
    assert r.meta_path is not None and r.meta_path.is_file()
    clash = save_letter(b"Other text\n", "\U0001d504" * 80 + ".txt", folder=tmp_path)
    assert clash.created and len(clash.name.encode()) <= 255


def test_old_temp_files_of_killed_saves_are_removed_and_fresh_ones_kept(tmp_path):
    import os
    import time

    from graph.store.letters import clean_stale_temps

    old, fresh, other = tmp_path / ".tmp-abc.part", tmp_path / ".tmp-def.part", tmp_path / ".tmp-keep.txt"
    for p in (old, fresh, other):
        p.write_bytes(b"partial")
    hour_ago = time.time() - 7200
    os.utime(old, (hour_ago, hour_ago))
    os.utime(other, (hour_ago, hour_ago))
    save_letter(b"a letter", "a.txt", folder=tmp_path)
    assert not old.exists() and fresh.exists() and other.exists()
    assert clean_stale_temps(tmp_path, older_than=0) == 1 and not fresh.exists()
