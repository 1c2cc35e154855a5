"""Where the project's data lives. Environment variables override, so the app and CLI can be
pointed at another corpus (e.g. a generated one) without code changes."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("ATLAS_DATA_DIR", ROOT / "data"))


def letters_dir() -> Path:
    """Folder of letters the app loads and saves to (ATLAS_LETTERS_DIR overrides)."""
    return Path(os.environ.get("ATLAS_LETTERS_DIR", DATA_DIR / "letters"))


def curated_path(name: str) -> Path:
    return DATA_DIR / name
