"""The cache folder (ATLAS_CACHE_DIR, default ~/.cache/coalition-atlas): private to the user who runs the app.

It holds every letter's text, so it is created 0700 and its files 0600. A folder that belongs to someone
else (or is a symlink) is refused: whoever can write there could plant entries the app would show as
letters. The app then runs without a cache and says why (CacheRefused's message).

>>> import tempfile, stat
>>> d = secure_dir(Path(tempfile.mkdtemp()) / "cache")
>>> oct(stat.S_IMODE(d.stat().st_mode))
'0o700'
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

OFF = ("off", "0", "none")
FILE_MODE = 0o600
DIR_MODE = 0o700
LEGACY = ("*.pickle", "*.tmp")  # what versions before the SQLite store wrote here


class CacheRefused(Exception):
    """The cache folder cannot be used safely; the message says why and what to do."""


def cache_dir() -> Path | None:
    """Where parsed letters are kept between runs (ATLAS_CACHE_DIR; "off" disables it)."""
    raw = os.environ.get("ATLAS_CACHE_DIR", "")
    if raw.lower() in OFF:
        return None
    return Path(raw).expanduser() if raw else Path.home() / ".cache" / "coalition-atlas"


def secure_dir(path: Path) -> Path:
    """`path`, created 0700 if missing and tightened to 0700 if ours. Raises CacheRefused for a folder
    owned by another user, a symlink, or a non-folder."""
    try:
        path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        st = os.lstat(path)
    except OSError as e:
        raise CacheRefused(f"cache folder {path} cannot be created ({e.strerror or e}); running without a cache") from None
    if stat.S_ISLNK(st.st_mode) or not stat.S_ISDIR(st.st_mode):
        raise CacheRefused(f"cache folder {path} is not a plain folder (a symlink or a file); running without a "
                           "cache. Remove it or set ATLAS_CACHE_DIR to a folder of yours.")
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        raise CacheRefused(f"cache folder {path} belongs to another user; running without a cache. "
                           "Set ATLAS_CACHE_DIR to a folder of yours.")
    if stat.S_IMODE(st.st_mode) != DIR_MODE:
        os.chmod(path, DIR_MODE)
    _remove_legacy(path)
    return path


def _remove_legacy(path: Path) -> None:
    """Pickles from older versions are never read (unpickling runs code): remove them from our folder."""
    for pattern in LEGACY:
        for old in path.glob(pattern):
            try:
                if old.is_file() and not old.is_symlink():
                    old.unlink()
            except OSError:
                pass


def private_file(path: Path) -> None:
    """Create `path` 0600 if missing (never through a symlink); tighten it if it exists and is ours.
    Raises CacheRefused for a file of another user or a symlink."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), FILE_MODE)
    except OSError as e:
        raise CacheRefused(f"cache file {path} cannot be opened ({e.strerror or e}); running without a cache") from None
    try:
        st = os.fstat(fd)
        if hasattr(os, "getuid") and st.st_uid != os.getuid():
            raise CacheRefused(f"cache file {path} belongs to another user; running without a cache")
        if stat.S_IMODE(st.st_mode) != FILE_MODE:
            os.fchmod(fd, FILE_MODE)
    finally:
        os.close(fd)
