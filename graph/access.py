"""Who may change things: password guessing limits and the folders the app may be pointed at.

No Streamlit here (ui/state.py draws the boxes); time comes in as arguments, so tests need no sleeping.

>>> g = Guard()
>>> [g.wrong(now=0.0) for _ in range(4)]
[0.0, 0.0, 0.0, 30.0]
>>> g.wait(now=10.0), g.wait(now=31.0)
(20.0, 0.0)
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

WRONG_GUESS_DELAY_S = 1.0  # each wrong guess costs its session a second: 300 guesses took 1.5 s before
FREE_FAILURES = 3  # typos happen: the first wrong guesses only cost the delay
LOCK_BASE_S = 30.0  # then the session is locked out, twice as long after each further failure...
LOCK_MAX_S = 3600.0  # ...up to an hour, so that a forgetful editor is not locked out for days


@dataclass
class Guard:
    """Wrong-password count and lockout of one browser session."""

    failures: int = 0
    locked_until: float = 0.0

    def wait(self, now: float) -> float:
        """Seconds before this session may try again (0: now)."""
        return max(0.0, self.locked_until - now)

    def wrong(self, now: float) -> float:
        """Count a wrong guess; returns the lockout it earns (seconds, 0 for the first few)."""
        self.failures += 1
        extra = self.failures - FREE_FAILURES - 1
        lock = 0.0 if extra < 0 else min(LOCK_BASE_S * 2 ** extra, LOCK_MAX_S)
        self.locked_until = now + lock
        return lock

    def right(self) -> None:
        self.failures, self.locked_until = 0, 0.0


def allowed_roots(configured: Path) -> list[Path]:
    """Folders under which the app may read letters: the configured letters folder and ATLAS_LETTERS_ROOT
    (several separated by os.pathsep), symlinks and `..` resolved."""
    raw = [str(configured), *os.environ.get("ATLAS_LETTERS_ROOT", "").split(os.pathsep)]
    return [Path(r).expanduser().resolve() for r in raw if r.strip()]


def allowed_folder(chosen: str, configured: Path) -> Path | None:
    """`chosen` resolved, when it lies under an allowed root; None otherwise. A symlink or `..` that leads
    out of the roots is judged by where it leads.

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> (root / "a").mkdir()
    >>> allowed_folder(str(root / "a"), root) == (root / "a").resolve(), allowed_folder(str(root / "a/../.."), root)
    (True, None)
    """
    try:
        target = Path(chosen).expanduser().resolve()
    except (OSError, RuntimeError, ValueError):  # a symlink loop, a NUL byte
        return None
    return target if any(target.is_relative_to(root) for root in allowed_roots(configured)) else None
