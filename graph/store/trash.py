"""Removing a saved letter so that it can be put back: the letter and its sidecar move into a `.trash`
folder inside the letters folder (hidden files and sub-folders are never read as letters), under a name
that says when; `restore_letter` moves them back.

>>> import tempfile
>>> d = Path(tempfile.mkdtemp()); _ = (d / "a.txt").write_text("x"); _ = (d / "a.yaml").write_text("title: A")
>>> token = remove_letter(d, "a.txt")
>>> sorted(p.name for p in d.iterdir()), restore_letter(d, token), sorted(p.name for p in d.iterdir())
(['.trash'], 'a.txt', ['.trash', 'a.txt', 'a.yaml'])
"""
from __future__ import annotations

import os
import time
from pathlib import Path

TRASH = ".trash"
SIDECARS = (".yaml", ".yml")


class TrashError(ValueError):
    """The letter cannot be removed or restored (named, with the reason)."""


def _letter(folder: Path, name: str) -> Path:
    if not name or name != Path(name).name or name.startswith("."):
        raise TrashError(f"{name!r} is not a letter's file name")
    path = Path(folder) / name
    if not path.is_file():
        raise TrashError(f"{name} is not in {folder}")
    return path


def remove_letter(folder: str | Path, name: str) -> str:
    """Move letter `name` (and its sidecar) into folder/.trash; returns the token restore_letter takes."""
    path = _letter(Path(folder), name)
    token = f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{time.monotonic_ns()}"
    box = Path(folder) / TRASH / token
    box.mkdir(parents=True, mode=0o700)
    for p in [path, *(path.with_suffix(s) for s in SIDECARS)]:
        if p.is_file():
            os.replace(p, box / p.name)
    return token


def restore_letter(folder: str | Path, token: str) -> str:
    """Put back what remove_letter moved (never over a file that has the name now); returns the letter's name."""
    if not token or token != Path(token).name or token.startswith("."):
        raise TrashError(f"{token!r} is not a trash entry")
    box = Path(folder) / TRASH / token
    if not box.is_dir():
        raise TrashError("nothing to restore: the trash entry is gone")
    files = sorted(box.iterdir())
    taken = [p.name for p in files if (Path(folder) / p.name).exists()]
    if taken:
        raise TrashError(f"not restored: {', '.join(taken)} exists again in the letters folder")
    for p in files:
        os.replace(p, Path(folder) / p.name)
    box.rmdir()
    letters = [p.name for p in files if p.suffix.lower() not in SIDECARS]
    return letters[0] if letters else ""
