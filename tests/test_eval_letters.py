"""Golden test on the 24 invented letters in tests/fixtures/eval (their README says how they were written):
the signatory reader's micro F1 and each letter's F1, matched the way ../shared/tools/score.py matches them
(imported from there when ../shared is beside the project, else the small equivalent below). A letter that
falls below its level is a regression."""
from __future__ import annotations

import difflib
import re
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml

HERE = Path(__file__).resolve().parent
LETTERS, GOLD = HERE / "fixtures" / "eval" / "letters", HERE / "fixtures" / "eval" / "gold"
TOOLS = HERE.parents[1] / "shared" / "tools"

# Measured after issue 15's work on these letters: micro F1 0.993, every letter 1.0 but the ones below.
MICRO_F1 = 0.99
# Letters below 1.0 today, with their level and why; every other letter must stay at 1.0.
BELOW = {
    # "Colectivo Madre Tierra, Huehuetenango": gold takes the town as a location; the real letters' gold keeps a
    # city after a comma in the name (a chapter: "Women's Forum, Pune"), as the reader does
    "e05-guatemala-defensores-pronunciamiento.html": 0.857,
}


class _Score:
    """The matching of ../shared/tools/score.py (norm, similarity, one-to-one greedy match, excused repeats)."""

    DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
    QUOTES = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00b4": "'"}

    def norm(self, name):
        s = unicodedata.normalize("NFKC", name or "")
        for k, v in self.QUOTES.items():
            s = s.replace(k, v)
        for d in self.DASHES:
            s = s.replace(d, "-")
        s = re.sub(r"[^\w]+", " ", s.casefold().replace("&", " and "))
        return " ".join(s.split())

    def similarity(self, a, b):
        best = 0.0
        bare = (lambda n: self.norm(re.sub(r"\([^)]*\)", " ", n or "")))
        for x, y in ((self.norm(a), self.norm(b)), (bare(a), bare(b))):
            if x and y:
                best = max(best, 1.0 if x == y else difflib.SequenceMatcher(None, x, y).ratio())
        return best

    def match(self, gold, found, threshold=0.9):
        pairs = sorted(((max(self.similarity(x, f) for x in g), i, j) for i, g in enumerate(gold)
                        for j, f in enumerate(found)), reverse=True)
        used_g, used_f, out = set(), set(), []
        for s, i, j in pairs:
            if s >= threshold and i not in used_g and j not in used_f:
                used_g.add(i)
                used_f.add(j)
                out.append((i, j))
        return out

    def spellings(self, sig):
        also = sig.get("also_as_written") or []
        return [sig["name"]] + ([sig["as_written"]] if sig.get("as_written") else []) + (
            [also] if isinstance(also, str) else list(also))

    def excused(self, gs, gold, fs, matched, threshold=0.9):
        used = {j for _, j in matched}
        border = [x for b in gold.get("borderline_signatories") or []
                  for x in (self.spellings(b) if isinstance(b, dict) else [str(b)])]
        return {j for j, f in enumerate(fs) if j not in used and (
            any(self.similarity(x, f) >= threshold for g in gs for x in g) or
            any(self.similarity(x, f) >= threshold for x in border))}

    def prf(self, tp, n_gold, n_found):
        p = tp / n_found if n_found else (1.0 if not n_gold else 0.0)
        r = tp / n_gold if n_gold else 1.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0


def _scorer():
    if (TOOLS / "score.py").exists():
        sys.path.insert(0, str(TOOLS))
        import score  # the project's scorer itself

        return score
    return _Score()


@pytest.fixture(scope="module")
def scores():
    from graph.cli.commands.extract import letter_json
    from graph.pipeline import load_letters

    score = _scorer()
    golds = {}
    for g in sorted(GOLD.glob("*.yaml")):
        doc = yaml.safe_load(g.read_text(encoding="utf-8"))
        golds[doc["file"]] = doc
    letters, problems, _ = load_letters([LETTERS / n for n in golds], jobs=1)
    assert not problems
    out = {x.file: letter_json(x) for x in letters}
    rows, tot = {}, [0, 0, 0]
    for name, gold in golds.items():
        gs = [score.spellings(s) for s in gold.get("signatories") or []]
        fs = [s["name"] for s in out[name].get("signatories") or []]
        m = score.match(gs, fs)
        counted = len(fs) - len(score.excused(gs, gold, fs, m))
        rows[name] = score.prf(len(m), len(gs), counted)[2]
        tot = [tot[0] + len(m), tot[1] + len(gs), tot[2] + counted]
    return rows, score.prf(*tot)[2], out


def test_all_24_letters_are_read(scores):
    rows, _, _ = scores
    assert len(rows) == 24


def test_micro_f1(scores):
    assert scores[1] >= MICRO_F1


def test_every_letter_at_its_level(scores):
    rows, _, _ = scores
    low = {n: round(f, 3) for n, f in rows.items() if f < BELOW.get(n, 1.0) - 1e-3}
    assert low == {}


def test_individuals_only_letter_names_no_organization(scores):
    """Academics signing "Professor Name, University" in their own names: people, and no organization signs."""
    _, _, out = scores
    letter = out["e14-hong-kong-academics-individuals-only.txt"]
    assert letter["signatories"] == []
    assert len(letter["individuals"]) == 6


def test_the_scorer_equivalent_matches_score_py():
    """The fallback matching agrees with ../shared/tools/score.py where that is present."""
    if not (TOOLS / "score.py").exists():
        pytest.skip("../shared/tools/score.py is not here")
    real, mine = _scorer(), _Score()
    pairs = [("Burma Campaign UK (BCUK)", "Burma Campaign UK"), ("Colectivo Madre Tierra",
             "Colectivo Madre Tierra, Huehuetenango"), ("Reporters sans frontières", "Reporters Sans Frontieres"),
             ("A & B Forum", "A and B Forum")]
    for a, b in pairs:
        assert mine.similarity(a, b) == real.similarity(a, b)
