"""The reader's output must not depend on PYTHONHASHSEED: the same letters give the same JSON in every process.

Iterating a set (a frozenset of country names, of curated words) gives a different order in each process; where
that order decides anything (which of two countries named equally often is "the letter's country", whether
"Org, Bangladesh" keeps its country) the result changed from run to run. Each letter here is run through the CLI
under two hash seeds and the JSON compared.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "letters-real"

# Two countries named equally often in the prose, one entry with a country after a comma: the shape whose
# country was kept or dropped depending on the seed.
TWO_COUNTRIES = """Rohingya groups in Bangladesh and Malaysia urge action

Refugees in Bangladesh face cuts. Refugees in Malaysia face detention. Bangladesh and Malaysia must act.

Signatories:
Rohingya Youth Union
Arakan Women Forum, Bangladesh
Coastal Refugee Network
Kuala Lumpur Refugee Collective
"""
PROSE = """Joint statement

The undersigned organizations are River Women Union (RWU), Hill Workers
Federation, Delta Rights Forum and the Coastal Youth Network (CYN). We call on the government to act.
"""
# seeds far apart: with two seeds that happen to order a small set alike the test would pass by luck, so
# the letters above were checked to differ under these seeds before the fix
SEEDS = ("1", "3")


def _extract(paths: list[Path], seed: str) -> str:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    out = subprocess.run([sys.executable, "-m", "graph", "extract", "--format", "json", *map(str, paths)],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    return out.stdout


@pytest.fixture()
def letters(tmp_path: Path) -> list[Path]:
    paths = []
    for name, text in (("two-countries.txt", TWO_COUNTRIES), ("prose.txt", PROSE)):
        p = tmp_path / name
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    if SHARED.is_dir():  # a few real letters of different shapes, when ../shared is here
        paths += sorted(SHARED.glob("*"))[:6]
    return paths


def test_the_same_json_under_two_hash_seeds(letters):
    assert _extract(letters, SEEDS[0]) == _extract(letters, SEEDS[1])
