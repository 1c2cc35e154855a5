"""Benchmark: find_demands alone, CPU time per letter (target <= 2 ms per synthetic letter).

Two corpora: the letters tools/synth.py writes (`--letters` of them, same defaults as the pipeline bench)
and the five real sample letters in data/letters repeated `--seed-repeat` times. Each corpus is run
`--repeat` times; the median is printed. CPU time (time.process_time), not wall time, because other jobs
share the machine. The first run also pays for the lexicon's word cache (printed as "first").

    .venv/bin/python bench/bench_demands.py [--letters 1000] [--orgs 10000] [--signatures 150000]
                                            [--seed 1] [--seed-repeat 200] [--repeat 5] [--profile]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.demands.find import find_demands, load_lexicon  # noqa: E402
from tools.synth import generate  # noqa: E402


def _runs(texts: list[str], repeat: int) -> list[float]:
    """CPU seconds of find_demands over all `texts`, once per repeat."""
    out = []
    for _ in range(repeat):
        t = time.process_time()
        for x in texts:
            find_demands(x)
        out.append(time.process_time() - t)
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--letters", type=int, default=1000)
    p.add_argument("--orgs", type=int, default=10000)
    p.add_argument("--signatures", type=int, default=150000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--seed-repeat", type=int, default=200, help="copies of the five sample letters")
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--profile", action="store_true", help="cProfile one pass over the synthetic letters")
    a = p.parse_args(argv)
    synth = list(generate(a.letters, a.orgs, a.signatures, seed=a.seed, records=False).texts.values())
    seeds = [q.read_text(encoding="utf-8") for q in sorted((ROOT / "data" / "letters").glob("*.txt"))]
    load_lexicon()
    if a.profile:
        import cProfile
        import pstats
        cProfile.runctx("for x in synth: find_demands(x)", globals(), {"synth": synth, "find_demands": find_demands},
                        "/tmp/bench_demands.prof")
        pstats.Stats("/tmp/bench_demands.prof").sort_stats("tottime").print_stats(20)
        return 0
    for name, texts in (("synthetic", synth), (f"5 sample letters x {a.seed_repeat}", seeds * a.seed_repeat)):
        runs = _runs(texts, a.repeat)
        med = statistics.median(runs)
        kb = sum(map(len, texts)) / len(texts) / 1000
        print(f"{name:>26}: {len(texts)} letters, {kb:.1f} KB each: median {med / len(texts) * 1000:.3f} ms/letter, "
              f"{len(texts) / med:,.0f} letters/s (first run {runs[0] / len(texts) * 1000:.3f} ms/letter; "
              f"CPU, median of {a.repeat})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
