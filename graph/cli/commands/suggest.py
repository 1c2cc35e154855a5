"""`python -m graph suggest ORG... [--files F...|--dir D] [--top N] [--json]`: who else might sign.

Ranks organizations by how often they sign with the given ones (size-weighted cosine) and how many of
their demands they share, and says why for each.
"""
from __future__ import annotations

import argparse
import json
import sys

from graph.cli.commands.stats import add_corpus_args, load, resolve_orgs


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser("suggest", help="who else might sign with these organizations")
    p.add_argument("orgs", nargs="+", help="organization names, acronyms or ids")
    add_corpus_args(p)
    p.add_argument("--top", type=int, default=10)
    p.add_argument("--json", action="store_true")
    return p


def run(args: argparse.Namespace) -> int:
    from graph.network.suggest import suggest

    G = load(args).graph
    found, missing = resolve_orgs(G, args.orgs)
    for m in missing:
        print(f"warning: no organization matches {m!r}", file=sys.stderr)
    if not found:
        return 1
    got = suggest(G, found, k=args.top)
    if args.json:
        print(json.dumps([{"id": s.org, "name": s.label, "score": round(s.score, 4), "why": s.why} for s in got],
                         ensure_ascii=False, indent=1))
        return 0
    print("For: " + "; ".join(str(G.nodes[o].get("label", o)) for o in found))
    for s in got:
        print(f"{s.score:.2f}  {s.label}\n      {s.why}")
    return 0
