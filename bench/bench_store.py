"""The per-letter store (graph/store/corpus.py) on a generated 1,000-letter corpus: the first build into an
empty store, a reopen with nothing changed, and a reopen after adding one letter. Medians of REPEAT runs,
wall seconds, in this process (what a running app pays when a folder changes). Then `cold`: the folder of
1,001 letters opened again with nothing of it in memory (corpus.forget(), as a new process or a restarted
app): every letter and the built corpus read back from the store.

Prints a table and, last, one JSON line with first_s, reopen_s, add_one_s and cold_s. Exit status 1 when a
reopen or an added letter costs more than a tenth of the first build (issue 14's bar).
"""
from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.store import cachedir, letterstore  # noqa: E402
from graph.store import corpus as corpusstore  # noqa: E402

LETTERS, ORGS, SIGNATURES = 1000, 10000, 150000
REPEAT = int(os.environ.get("BENCH_REPEAT", 3))
BAR = 0.1  # reopen and add-one must each cost at most this share of the first build


def _generate(out: Path) -> Path:
    """LETTERS + 1 letters in `out`; the last one is held back in out/held to be added later."""
    subprocess.run([sys.executable, "-m", "tools.generate", "--letters", str(LETTERS + 1), "--orgs", str(ORGS),
                    "--signatures", str(SIGNATURES), "-o", str(out)], cwd=ROOT, check=True, capture_output=True)
    held = out / "held"
    held.mkdir()
    last = sorted(p for p in out.iterdir() if p.is_file())[-1]
    shutil.move(str(last), held / last.name)
    return held / last.name


def _timed(folder: Path, store: letterstore.Store) -> tuple[float, int]:
    t = time.perf_counter()
    corpus = corpusstore.open_corpus([folder], store)
    return time.perf_counter() - t, len(corpus.letters)


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="bench-store-"))
    try:
        folder = work / "letters"
        extra = _generate(folder)
        runs: dict[str, list[float]] = {"first": [], "reopen": [], "add_one": [], "cold": []}
        for k in range(REPEAT):
            store = letterstore.Store(cachedir.secure_dir(work / f"cache-{k}"))  # empty: everything is parsed
            for what in ("first", "reopen"):
                seconds, n = _timed(folder, store)
                runs[what].append(seconds)
            shutil.copy2(extra, folder / extra.name)
            seconds, n_added = _timed(folder, store)
            runs["add_one"].append(seconds)
            corpusstore.forget()  # waits for the store write, outside the timing
            seconds, n_cold = _timed(folder, store)
            runs["cold"].append(seconds)
            corpusstore.forget()
            (folder / extra.name).unlink()
            assert (n, n_added, n_cold) == (LETTERS, LETTERS + 1, LETTERS + 1), (n, n_added, n_cold)
        med = {what: statistics.median(v) for what, v in runs.items()}
        print(f"{'run':>8} {'median s':>9} {'share of first':>15}   all runs")
        for what, v in runs.items():
            print(f"{what:>8} {med[what]:>9.2f} {med[what] / med['first']:>15.3f}   "
                  + " ".join(f"{x:.2f}" for x in v))
        print(json.dumps({"first_s": round(med["first"], 3), "reopen_s": round(med["reopen"], 3),
                          "add_one_s": round(med["add_one"], 3), "cold_s": round(med["cold"], 3),
                          "letters": LETTERS, "repeat": REPEAT}))
        return 0 if max(med["reopen"], med["add_one"]) <= BAR * med["first"] else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
