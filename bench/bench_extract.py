"""Benchmark: signatories + metadata of one letter (graph.extract.letter.parse_letter without demands), CPU time.

Target: <= 1.5 ms CPU per synthetic letter (1,000 letters of `python -m tools.generate --letters 1000 --orgs 10000
--signatures 150000 --seed 1`), and the seed corpus (data/letters) well under a second.

Each run is a fresh interpreter (`--child`), as a pipeline worker is: the per-line caches in graph.extract.signatories.region start
empty, so the numbers include filling them. Demands are stubbed out (graph.demands.find is measured by
bench/bench_demands.py) unless `--demands` is given. CPU time (time.process_time), not wall time, because other
jobs share the machine. Median of `--repeat` runs. "setup" is the CPU time of the first letter of a fresh process
(curated YAML, and with --demands the demand lexicon's regexes), which the per-letter figures leave out.

    .venv/bin/python bench/bench_extract.py [--letters 1000] [--orgs 10000] [--signatures 150000] [--seed 1]
                                            [--repeat 3] [--demands] [--corpus DIR]
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _child(folder: str, seed_dir: str, demands: bool = False) -> None:
    """Time parse_letter (demands stubbed unless `demands`) over every .txt in `folder`, then over the seed corpus;
    print JSON."""
    from graph.extract import letter
    from graph.extract.document import document_from_text, read_corpus

    if not demands:
        letter._find_demands = lambda text, lexicon, warnings: ((), ())  # signatories + metadata only
    paths = sorted(Path(folder).glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    docs = [document_from_text(t, p.name) for t, p in zip(texts, paths)]
    seed_docs, _ = read_corpus([seed_dir])
    t0 = time.process_time()
    letter.parse_letter(seed_docs[0])  # curated YAML (gazetteer, judgements), the lexicon: once per process
    setup = time.process_time() - t0
    t0 = time.process_time()
    for d in seed_docs:
        letter.parse_letter(d)
    seed_cpu = time.process_time() - t0
    t0 = time.process_time()
    for d in docs:
        letter.parse_letter(d)
    cpu = time.process_time() - t0
    print(json.dumps({"cpu": cpu, "n": len(docs), "bytes": sum(len(t.encode()) for t in texts),
                      "seed_cpu": seed_cpu, "seed_n": len(seed_docs), "setup": setup}))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--letters", type=int, default=1000)
    p.add_argument("--orgs", type=int, default=10000)
    p.add_argument("--signatures", type=int, default=150000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--seed-dir", default=str(ROOT / "data" / "letters"))
    p.add_argument("--demands", action="store_true", help="time demands too (the whole of parse_letter)")
    p.add_argument("--corpus", help="a folder of .txt letters to time instead of generating one")
    p.add_argument("--child", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        _child(args.child, args.seed_dir, args.demands)
        return 0
    from tools.synth import generate, write_letters

    with tempfile.TemporaryDirectory() as tmp:
        if args.corpus:
            tmp = args.corpus
        else:
            write_letters(generate(args.letters, args.orgs, args.signatures, seed=args.seed, records=False), tmp)
        runs = []
        for _ in range(args.repeat):
            cmd = [sys.executable, __file__, "--child", tmp, "--seed-dir", args.seed_dir]
            out = subprocess.run(cmd + (["--demands"] if args.demands else []),
                                 check=True, capture_output=True, text=True).stdout
            runs.append(json.loads(out.strip().splitlines()[-1]))
    cpu = statistics.median(r["cpu"] for r in runs)
    seed = statistics.median(r["seed_cpu"] for r in runs)
    n, mb = runs[0]["n"], runs[0]["bytes"] / 1e6
    each = ", ".join(f"{r['cpu']:.2f}" for r in runs)
    print(f"synthetic: {n} letters, {mb:.1f} MB: median {cpu:.2f} s CPU = {1000 * cpu / n:.2f} ms/letter, "
          f"{n / cpu:.0f} letters/s, {mb / cpu:.2f} MB/s  (runs: {each})")
    setup = statistics.median(r["setup"] for r in runs)
    print(f"seed corpus: {runs[0]['seed_n']} letters: median {seed:.3f} s CPU; one-time setup (first letter) "
          f"median {setup:.3f} s CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
