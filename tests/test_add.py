"""`python -m graph add`: show what was extracted, refuse empty or broken letters, save once."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("graph.extract.letter")

from graph.cli.main import main  # noqa: E402

LETTERS = Path(__file__).resolve().parent.parent / "data" / "letters"


def _some_letter() -> Path:
    return sorted(LETTERS.glob("*.txt"))[1]


def test_dry_run_prints_and_saves_nothing(tmp_path, capsys):
    dest = tmp_path / "store"
    assert main(["add", str(_some_letter()), "--dry-run", "--dir", str(dest)]) == 0
    out = capsys.readouterr().out
    assert "title:" in out and "signatories:" in out and "demands:" in out and "dry run" in out
    assert not dest.exists() or not any(p for p in dest.iterdir() if not p.name.startswith("."))


def test_add_saves_then_detects_same_content(tmp_path, capsys):
    dest = tmp_path / "store"
    src = _some_letter()
    assert main(["add", str(src), "--dir", str(dest)]) == 0
    saved = dest / src.name
    assert saved.read_bytes() == src.read_bytes()
    n_sig = int(next(l for l in capsys.readouterr().out.splitlines() if "signatories:" in l).split()[1])
    assert n_sig > 0
    renamed = tmp_path / "copy.txt"
    shutil.copy(src, renamed)
    assert main(["add", str(renamed), "--dir", str(dest)]) == 0
    assert "already stored as" in capsys.readouterr().out
    sidecar = [src.with_suffix(".yaml").name] if src.with_suffix(".yaml").exists() else []  # travels with it
    assert sorted(p.name for p in dest.iterdir() if not p.name.startswith(".")) == sorted([src.name] + sidecar)


def test_letter_without_signatories_is_refused_unless_allowed(tmp_path, capsys):
    f = tmp_path / "note.txt"
    f.write_text("Dear colleagues,\n\nPlease find the minutes of our meeting attached.\n")
    dest = tmp_path / "store"
    assert main(["add", str(f), "--dir", str(dest)]) == 1
    assert "no signatories found" in capsys.readouterr().err
    assert not (dest / "note.txt").exists()
    assert main(["add", str(f), "--dir", str(dest), "--allow-empty"]) == 0
    assert (dest / "note.txt").exists()


def test_unreadable_files_get_a_clear_message(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    assert main(["add", str(empty), str(binary), "--dir", str(tmp_path / "store")]) == 1
    err = capsys.readouterr().err
    assert "empty.txt" in err and "empty" in err and "blob.txt" in err and "binary" in err


def test_sidecar_metadata_travels_with_the_letter(tmp_path):
    src = tmp_path / "in" / "l.txt"
    src.parent.mkdir()
    shutil.copy(_some_letter(), src)
    (src.parent / "l.yaml").write_text("source_url: https://example.org/letter\n")
    dest = tmp_path / "store"
    assert main(["add", str(src), "--dir", str(dest)]) == 0
    assert "https://example.org/letter" in (dest / "l.yaml").read_text()


def _cli(*args: str) -> "subprocess.CompletedProcess[str]":
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "graph", "add", *args], cwd=LETTERS.parent.parent,
                          capture_output=True, text=True, timeout=300)


def test_cli_gives_a_name_without_suffix_a_readable_one_and_says_where_a_copy_is(tmp_path):
    """Issue 11 item 6, as a user runs it: a letter named `my letter` was saved as-is and never loaded;
    the same text again under another name was refused without saying where it was."""
    src = tmp_path / "in" / "my letter"
    src.parent.mkdir()
    shutil.copy(_some_letter(), src)
    dest = tmp_path / "store"
    run = _cli(str(src), "--dir", str(dest))
    assert run.returncode == 0, run.stderr
    assert (dest / "my-letter.txt").read_bytes() == src.read_bytes() and "renamed from" in run.stdout
    again = tmp_path / "in" / "alpha.txt"
    shutil.copy(src, again)
    run = _cli(str(again), "--dir", str(dest))
    assert run.returncode == 0 and f"already stored as {dest / 'my-letter.txt'}" in run.stdout
    from graph.extract.document import letter_paths

    assert [p.name for p in letter_paths([dest])] == ["my-letter.txt"]
