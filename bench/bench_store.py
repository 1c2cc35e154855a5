"""The per-letter store (graph/store/corpus.py) on a generated 1,000-letter corpus: the first build into an
empty store, a reopen with nothing changed, and a reopen after adding one letter. Medians of REPEAT runs
(BENCH_REPEAT, default 5), wall seconds, each run in a process of its own: the first build, then the reopens
in that process (what a running app pays when a folder changes). Then `cold`: the folder of
1,001 letters opened again with nothing of it in memory (corpus.forget(), as a new process or a restarted
app): every letter and the built corpus read back from the store.

Each run is also timed in CPU seconds (os.times: this process's threads and its parsing workers), which a
shared machine's load does not inflate as it does wall time. A built corpus is written to the store by a
thread after it is returned (graph/store/corpus.py): the bench waits for that write outside the timings,
after the first build as after the added letter, so that no run pays for the write of the one before.

Prints a table and, last, one JSON line with first_s, reopen_s, add_one_s and cold_s (wall medians) and the
same with _cpu_s. Exit status 1 when a reopen or an added letter costs more than a tenth of the first build
in wall time (issue 14's bar).
"""
from __future__ import annotations

import gc
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
REPEAT = int(os.environ.get("BENCH_REPEAT", 5))
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


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _timed(folder: Path, store: letterstore.Store) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, letters) of one open, from a collected heap: the corpora of earlier runs,
    dropped, would otherwise be scanned by a collection inside a later timing, or crowd its memory."""
    gc.collect()
    c, t = _cpu(), time.perf_counter()
    corpus = corpusstore.open_corpus([folder], store)
    return time.perf_counter() - t, _cpu() - c, len(corpus.letters)


def _one_run(work: Path, k: int) -> dict[str, tuple[float, float]]:
    """One run, in this process: the first build into an empty store, a reopen, the added letter, a cold
    reopen. {what: (wall s, CPU s)}."""
    folder, extra = work / "letters", next((work / "held").iterdir())
    store = letterstore.Store(cachedir.secure_dir(work / f"cache-{k}"))  # empty: everything is parsed
    out: dict[str, tuple[float, float]] = {}

    def timed(what: str) -> int:
        seconds, cpu_seconds, n = _timed(folder, store)
        out[what] = (seconds, cpu_seconds)
        return n

    n = timed("first")
    corpusstore.flush()  # its store write, outside the timings
    timed("reopen")
    shutil.copy2(extra, folder / extra.name)
    try:
        n_added = timed("add_one")
        corpusstore.forget()  # waits for the store write, outside the timing
        n_cold = timed("cold")
        corpusstore.forget()
    finally:
        (folder / extra.name).unlink()
    assert (n, n_added, n_cold) == (LETTERS, LETTERS + 1, LETTERS + 1), (n, n_added, n_cold)
    return out


def main(argv: list[str]) -> int:
    if argv[:1] == ["--one-run"]:  # a child: one run, its timings as one JSON line
        print(json.dumps(_one_run(Path(argv[1]), int(argv[2]))))
        return 0
    work = Path(tempfile.mkdtemp(prefix="bench-store-"))
    try:
        _generate(work / "letters")
        (work / "letters" / "held").rename(work / "held")
        runs: dict[str, list[float]] = {"first": [], "reopen": [], "add_one": [], "cold": []}
        cpu: dict[str, list[float]] = {what: [] for what in runs}
        for k in range(REPEAT):
            # each run in a process of its own, as an app that opened a folder and then sees a letter added:
            # in one process, the later runs met the heap the earlier ones left (40 MB more each) and were
            # up to 70 % slower for it, the first build and the added letter alike
            child = subprocess.run([sys.executable, __file__, "--one-run", str(work), str(k)], check=True,
                                   capture_output=True, text=True)
            for what, (wall, cpu_s) in json.loads(child.stdout.strip().splitlines()[-1]).items():
                runs[what].append(wall)
                cpu[what].append(cpu_s)
        med = {what: statistics.median(v) for what, v in runs.items()}
        med_cpu = {what: statistics.median(v) for what, v in cpu.items()}
        print(f"{'run':>8} {'median s':>9} {'share of first':>15} {'cpu s':>7} {'cpu share':>10}   all runs (wall)")
        for what, v in runs.items():
            print(f"{what:>8} {med[what]:>9.2f} {med[what] / med['first']:>15.3f} {med_cpu[what]:>7.2f} "
                  f"{med_cpu[what] / med_cpu['first']:>10.3f}   " + " ".join(f"{x:.2f}" for x in v))
        print(json.dumps({**{f"{what}_s": round(med[what], 3) for what in runs},
                          **{f"{what}_cpu_s": round(med_cpu[what], 3) for what in runs},
                          "letters": LETTERS, "repeat": REPEAT}))
        return 0 if max(med["reopen"], med["add_one"]) <= BAR * med["first"] else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
