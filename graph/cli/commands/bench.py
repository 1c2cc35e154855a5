"""`python -m graph bench [--letters N --orgs N --signatures N] [--seed S] [--repeat R] [--dir D]`.

Times each stage (generate, extract, resolve, build, project, backbone, communities, centrality) and
prints a table of medians. The LAST line is one JSON object: total_s, projection_speedup_vs_networkx,
stages_s and corpus sizes. Without --letters it runs on the bundled letters (or --dir).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser("bench", help="time every stage of the pipeline (last line: JSON)")
    p.add_argument("--letters", type=int, help="generate this many letters (default: use the letters folder)")
    p.add_argument("--orgs", type=int, default=10000)
    p.add_argument("--signatures", type=int, default=150000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--repeat", type=int, default=3, help="runs per stage; the table shows medians")
    p.add_argument("--dir", help="letters folder to benchmark (default: the bundled letters)")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                   help="processes for extraction (default: all cores; letters parse independently)")
    p.add_argument("--no-compare", action="store_true", help="skip the networkx comparison")
    return p


def run(args: argparse.Namespace) -> int:
    from graph.bench import run as bench
    from graph.paths import letters_dir

    result = bench(n_letters=args.letters, n_orgs=args.orgs, n_signatures=args.signatures, seed=args.seed,
                   repeat=max(1, args.repeat), letters_dir=Path(args.dir) if args.dir else letters_dir(),
                   compare=not args.no_compare, jobs=max(1, args.jobs), log=lambda s: print(s, file=sys.stderr))
    print(result.table())
    print(json.dumps(result.summary(), sort_keys=True))
    return 0
