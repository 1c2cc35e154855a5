"""Golden test on the real letters in ../shared/letters-real (gold in ../shared/gold-real), scored as
../shared/tools/score.py scores them. Skipped when ../shared is absent (a fresh clone)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
LETTERS, GOLD, TOOLS = SHARED / "letters-real", SHARED / "gold-real", SHARED / "tools"
pytestmark = pytest.mark.skipif(not (LETTERS.is_dir() and GOLD.is_dir() and (TOOLS / "score.py").exists()),
                                reason="../shared/letters-real is not here")

# The micro F1 the reader reaches on these letters (0.908 with raw HTML read as text, 0.97 once the loader turned
# HTML into text, 0.994 once glued words, acronyms spelling wrapped names, umbrellas and mixed tables were read).
# A drop below this is a regression.
MICRO_F1 = 0.99
WORST_F1 = 0.8  # issue 15: every letter at least this
# Letters below WORST_F1 today, and why. Each is a known gap, listed so that any other letter falling is caught.
WEAK: dict[str, str] = {}


@pytest.fixture(scope="module")
def scores():
    import yaml

    sys.path.insert(0, str(TOOLS))
    import score  # ../shared/tools/score.py: the same matching as the project's scorer

    from graph.cli.commands.extract import letter_json
    from graph.pipeline import load_letters

    golds = {}
    for g in sorted(GOLD.glob("*.yaml")):
        doc = yaml.safe_load(g.read_text(encoding="utf-8"))
        if isinstance(doc, dict) and doc.get("file"):
            golds[doc["file"]] = doc
    letters, _, _ = load_letters([LETTERS / n for n in golds], jobs=1)
    out = {x.file: letter_json(x) for x in letters}
    rows, tot = {}, [0, 0, 0]
    for name, gold in golds.items():
        gs = [score.spellings(s) for s in gold.get("signatories") or []]
        fs = [s["name"] for s in out.get(name, {}).get("signatories") or []]
        m = score.match(gs, fs)
        counted = len(fs) - len(score.excused(gs, gold, fs, m))
        rows[name] = (score.prf(len(m), len(gs), counted)[2], len(gs), counted)
        tot = [tot[0] + len(m), tot[1] + len(gs), tot[2] + counted]
    return rows, score.prf(*tot)[2]


def test_micro_f1(scores):
    assert scores[1] >= MICRO_F1


def test_every_letter_but_the_known_gaps(scores):
    rows, _ = scores
    low = {n: round(f, 3) for n, (f, _, _) in rows.items() if f < WORST_F1 and n not in WEAK}
    assert low == {}


def test_letters_naming_no_organization_get_none(scores):
    rows, _ = scores
    none = [n for n, (_, gold, _) in rows.items() if gold == 0]
    assert none and all(rows[n][2] == 0 for n in none)
