"""Saving a letter into the letters folder without ever losing or overwriting one.

- atomic: bytes go to a temp file in the same folder, then are hard-linked (os.link fails if the
  name exists, so nothing is ever overwritten; without hard links, O_CREAT|O_EXCL + rename-free
  copy is used);
- a name clash gets a new name ("letter.txt" -> "letter-2.txt");
- the same bytes saved twice are stored once (sha256), and the existing name is returned;
- concurrent saves (threads or processes) are serialised by an advisory lock file, so the
  duplicate check and the name choice cannot race.

Metadata goes to a sidecar NAME.yaml next to the letter (what graph.extract.document reads: the letter's
path with suffix .yaml). A name is only used when no sidecar of that stem exists, so a new letter
never inherits someone else's metadata.

>>> import tempfile
>>> d = tempfile.mkdtemp()
>>> a = save_letter(b"Dear all,\\nSigned: X", "open letter.txt", {"source_url": "https://x"}, folder=d)
>>> b = save_letter(b"Dear all,\\nSigned: X", "other.txt", folder=d)
>>> a.name, a.created, b.name, b.created, sorted(p.name for p in Path(d).iterdir() if not p.name.startswith('.'))
('open-letter.txt', True, 'open-letter.txt', False, ['open-letter.txt', 'open-letter.yaml'])
"""
from __future__ import annotations

import hashlib
import os
import re
import stat
import tempfile
import time
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Mapping

import yaml

from graph.extract.document import LETTER_SUFFIXES, is_letter_file
from graph.paths import letters_dir

LOCK_NAME = ".atlas-store.lock"
SIDECAR_SUFFIXES = (".yaml", ".yml")
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
MAX_STEM = 80  # characters: a longer title makes an unwieldy file name
# Most file systems cap a name at 255 bytes, not characters: 80 four-byte characters are 320. The stem
# keeps room for "-99999" (a clash), a ".markdown" suffix and the ".yaml" sidecar's name.
MAX_STEM_BYTES = 255 - len("-99999") - len(".markdown") - 40
TEMP_PREFIX, TEMP_SUFFIX = ".tmp-", ".part"
STALE_TEMP_S = 3600  # a save writes its temp file in well under a second; an hour-old one was killed


@dataclass(frozen=True)
class SaveResult:
    name: str  # file name in the folder (new, or the existing copy of the same bytes)
    path: Path
    created: bool  # False: these bytes were already stored under `name`
    sha256: str
    meta_path: Path | None = None  # sidecar written now, if any
    requested: str = ""  # the name asked for


def safe_name(name: str, default: str = "letter.txt") -> str:
    """A plain file name: no folders, no leading dot, no control or shell-hostile characters.

    >>> safe_name("../../etc/passwd"), safe_name("Lettre ouverte (FR).txt"), safe_name(".env")
    ('passwd', 'Lettre-ouverte-FR.txt', 'env')
    >>> safe_name("မြန်မာ.txt"), safe_name("")
    ('မြန်မာ.txt', 'letter.txt')
    """
    base = unicodedata.normalize("NFC", str(name)).replace("\\", "/").rsplit("/", 1)[-1].lstrip(".")
    stem, dot, ext = base.rpartition(".")
    if not dot:
        stem, ext = base, ""

    def clean(s: str) -> str:  # letters, marks (Myanmar vowel signs are marks) and digits survive
        kept = "".join(c if unicodedata.category(c)[0] in "LMN" or c in "_-." else "-" for c in s)
        return re.sub(r"-{2,}", "-", kept).strip("-.")

    stem, ext = _bounded(clean(stem)[:MAX_STEM]), clean(ext)[:10].lower()
    if not stem:
        return default
    return f"{stem}.{ext}" if ext else stem


def _bounded(stem: str) -> str:
    """`stem` cut to MAX_STEM_BYTES of UTF-8, at a character boundary.

    >>> len(_bounded("𝔄" * 80).encode()) <= MAX_STEM_BYTES
    True
    """
    data = stem.encode("utf-8")
    if len(data) <= MAX_STEM_BYTES:
        return stem
    return data[:MAX_STEM_BYTES].decode("utf-8", errors="ignore").rstrip("-.")


def content_suffix(data: bytes) -> str | None:
    """".pdf" or ".docx" when the bytes are one, None for anything else (read as text)."""
    if data[:5] == b"%PDF-":
        return ".pdf"
    if data[:4] == b"PK\x03\x04" and b"word/" in data:
        return ".docx"
    return None


def readable_name(name: str, data: bytes) -> str:
    """A name the loader reads, with a suffix that matches the content: pasted text saved as "my letter"
    becomes "my letter.txt" (without a suffix it would never be loaded), text saved as "beta.pdf" becomes
    "beta.txt" (as a .pdf it would stay unreadable), a PDF named "x.txt" becomes "x.pdf".

    >>> readable_name("my letter", b"Dear all"), readable_name("beta.pdf", b"Dear all"), readable_name("a.md", b"# A")
    ('my letter.txt', 'beta.txt', 'a.md')
    """
    path = Path(name)
    suffix = path.suffix.lower()
    kind = content_suffix(data)
    if kind is not None:
        return name if suffix == kind else (path.stem if suffix in LETTER_SUFFIXES else name) + kind
    if suffix in TEXT_SUFFIXES:
        return name
    return (path.stem if suffix in LETTER_SUFFIXES else name) + ".txt"


def clean_stale_temps(folder: str | Path, older_than: float = STALE_TEMP_S) -> int:
    """Remove temp files that killed saves left behind: only ours (our name pattern and our user) and only
    old ones (a save running now must keep its file). Returns how many were removed."""
    removed = 0
    now = time.time()
    try:
        entries = list(Path(folder).glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"))
    except OSError:
        return 0
    for p in entries:
        try:
            st = p.lstat()
            if (stat.S_ISREG(st.st_mode) and now - st.st_mtime > older_than
                    and (not hasattr(os, "getuid") or st.st_uid == os.getuid())):
                p.unlink()
                removed += 1
        except OSError:
            continue
    return removed


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Exclusive advisory lock on folder/.atlas-store.lock (per open file, so it also serialises
    threads of one process)."""
    fd = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX)
        except ImportError:  # pragma: no cover - Windows
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def find_duplicate(data: bytes, folder: Path) -> str | None:
    """Name of a stored letter with exactly these bytes (size checked before hashing). Only files the
    loader reads count: a copy under a name it skips (no suffix, from an older version) is no copy."""
    digest, size = _sha(data), len(data)
    for p in sorted(folder.iterdir()):
        try:
            if is_letter_file(p) and p.stat().st_size == size and _sha(p.read_bytes()) == digest:
                return p.name
        except OSError:
            continue
    return None


def _candidates(name: str) -> Iterator[str]:
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    yield name
    for i in range(2, 100000):
        yield f"{stem}-{i}.{ext}" if ext else f"{stem}-{i}"


def _free(folder: Path, name: str) -> bool:
    stem = Path(name).stem
    taken = [folder / name] + [folder / (stem + s) for s in SIDECAR_SUFFIXES]
    return not any(os.path.lexists(p) for p in taken)


def _place(tmp: Path, target: Path) -> None:
    """Put tmp at target; FileExistsError if target exists (never overwrites)."""
    try:
        os.link(tmp, target)
    except (AttributeError, NotImplementedError, PermissionError):  # no hard links here
        with open(target, "xb") as out, open(tmp, "rb") as src:
            out.write(src.read())
            out.flush()
            os.fsync(out.fileno())


def _write_temp(folder: Path, data: bytes) -> Path:
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
    except BaseException:
        os.unlink(tmp)
        raise
    os.chmod(tmp, 0o644)  # mkstemp makes 0600; letters are shared with the app and other tools
    return Path(tmp)


def save_letter(data: bytes, name: str, meta: Mapping[str, Any] | None = None,
                folder: str | Path | None = None) -> SaveResult:
    """Store `data` as a letter named like `name` (sidecar NAME.yaml for `meta`)."""
    folder = Path(folder) if folder is not None else letters_dir()
    folder.mkdir(parents=True, exist_ok=True)
    wanted = safe_name(readable_name(name, data))
    digest = _sha(data)
    tmp = _write_temp(folder, data)  # the slow part happens outside the lock
    side_tmp = None
    try:
        if meta:
            text = yaml.safe_dump(dict(meta), allow_unicode=True, sort_keys=False, default_flow_style=False)
            side_tmp = _write_temp(folder, text.encode("utf-8"))
        with _locked(folder):
            clean_stale_temps(folder)
            existing = find_duplicate(data, folder)
            if existing is not None:
                return SaveResult(existing, folder / existing, False, digest, None, str(name))
            for cand in _candidates(wanted):
                if not _free(folder, cand):
                    continue
                side_path = folder / (Path(cand).stem + ".yaml") if side_tmp else None
                placed_side = False
                try:
                    if side_path is not None:  # sidecar first: a reader who sees the letter sees its meta
                        _place(side_tmp, side_path)
                        placed_side = True
                    _place(tmp, folder / cand)
                except FileExistsError:  # taken by someone who does not use our lock: next name
                    if placed_side:
                        side_path.unlink()
                    continue
                return SaveResult(cand, folder / cand, True, digest, side_path, str(name))
            raise FileExistsError(f"no free name for {wanted} in {folder}")
    finally:
        for t in (tmp, side_tmp):
            if t is not None:
                try:
                    os.unlink(t)
                except FileNotFoundError:
                    pass
