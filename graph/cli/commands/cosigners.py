"""`python -m graph cosigners ORG [FILES...|--dir D] [--top N] [--json]`: who signs with ORG most.

For each co-signer: letters in common, Jaccard (shared / either), the hypergeometric p-value of
that overlap, and which letters. ORG may be a name, an alias, an acronym or an id.
"""
from __future__ import annotations

import argparse
import json
import sys

from graph.cli.commands.stats import add_corpus_args, load, resolve_orgs


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser("cosigners", help="an organization's most frequent co-signers")
    p.add_argument("org", help="organization name, acronym or id")
    p.add_argument("paths", nargs="*", help="letter files or folders (default: the bundled letters)")
    add_corpus_args(p)
    p.add_argument("--top", type=int, default=15)
    p.add_argument("--json", action="store_true")
    return p


def run(args: argparse.Namespace) -> int:
    from graph.network.cosign import cosigners

    G = load(args, args.paths).graph
    found, missing = resolve_orgs(G, [args.org])
    if missing:
        print(f"error: no organization matches {args.org!r}", file=sys.stderr)
        return 1
    org = found[0]
    ties = cosigners(G, org, k=args.top)
    file = lambda v: str(G.nodes[v].get("file", v))  # noqa: E731
    rows = [{"id": t.b, "name": G.nodes[t.b].get("label", t.b), "shared": t.shared, "jaccard": round(t.jaccard, 3),
             "p": t.p, "weight": round(t.weight, 4), "letters": [file(v) for v in t.letters]} for t in ties]
    if args.json:
        print(json.dumps({"org": org, "name": G.nodes[org].get("label", org), "cosigners": rows},
                         ensure_ascii=False, indent=1))
        return 0
    print(f"{G.nodes[org].get('label', org)}: {G.nodes[org].get('n_letters', 0)} letters")
    print(f"{'shared':>6} {'jaccard':>7} {'p':>8}  co-signer (letters)")
    for r in rows:
        print(f"{r['shared']:>6} {r['jaccard']:>7.3f} {r['p']:>8.2g}  {r['name']} ({', '.join(r['letters'])})")
    return 0
