"""`python -m graph stats [FILES...|--dir D] [--json]`: what the corpus graph says, in one screen.

Sizes, the most active organizations (3+ letters), the strongest co-signing pairs (letters in common,
Newman weight, significance), structural coalitions, brokers and the letters in date order.
"""
from __future__ import annotations

import argparse
import json
import sys

from graph.kinds import EdgeKind, NodeKind

ACTIVE_LETTERS = 3  # an organization that signed this many letters is listed as active (one or two: a passer-by)


def add_corpus_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--files", nargs="*", default=None, metavar="FILE", help="letter files or folders")
    p.add_argument("--dir", help="letters folder (default: the bundled letters)")


def load(args: argparse.Namespace, files: list[str] | None = None):
    from graph.paths import letters_dir
    from graph.pipeline import build_corpus

    paths = [*(files or []), *(args.files or [])] or [args.dir or letters_dir()]
    corpus = build_corpus(paths)
    for p in corpus.problems:
        print(f"warning: {getattr(p, 'message', p)}", file=sys.stderr)
    return corpus


def resolve_orgs(G, names: list[str]) -> tuple[list[str], list[str]]:
    """(node ids found, names not found)."""
    from graph.network.build import find_org

    found, missing = [], []
    for n in names:
        node = find_org(G, n)
        (found if node else missing).append(node or n)
    return found, missing


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser("stats", help="corpus statistics: active organizations, ties, coalitions, brokers")
    p.add_argument("paths", nargs="*", help="letter files or folders (default: the bundled letters)")
    add_corpus_args(p)
    p.add_argument("--json", action="store_true", help="one JSON object instead of text")
    p.add_argument("--top", type=int, default=10)
    p.add_argument("--seed", type=int, default=0)
    return p


def compute(G, top: int = 10, seed: int = 0) -> dict:
    from graph.network import cosign
    from graph.network.brokers import brokers
    from graph.network.coalitions import summarize
    from graph.network.communities import communities, network_ties
    from graph.network.build import nodes_of
    from graph.network.timeline import letters_by_date

    orgs, letters = nodes_of(G, NodeKind.ORGANIZATION), nodes_of(G, NodeKind.LETTER)
    label = lambda n: str(G.nodes[n].get("label", n))  # noqa: E731
    active = sorted((o for o in orgs if G.nodes[o].get("n_letters", 0) >= ACTIVE_LETTERS),
                    key=lambda o: (-G.nodes[o]["n_letters"], o))
    t = network_ties(G)
    parts = communities(G, seed=seed, ties=t)
    return {
        "letters": len(letters), "organizations": len(orgs), "demands": len(nodes_of(G, NodeKind.DEMAND)),
        "signatures": sum(1 for *_, k in G.edges(data="kind") if k == EdgeKind.SIGNED),
        "active_organizations": [{"id": o, "name": label(o), "letters": G.nodes[o]["n_letters"]} for o in active],
        "top_pairs": [{"a": label(x.a), "b": label(x.b), "shared": x.shared, "weight": round(x.weight, 4),
                       "p": x.p} for x in cosign.top_pairs(G, top)],
        "backbone_edges": len(cosign.backbone(G)),
        "communities": [{"size": s.size, "members": [m[1] for m in s.top_members], "tags": [x for x, _ in s.tags[:3]]}
                        for s in (summarize(G, f"community {k}", p) for k, p in enumerate(parts[:top])) if s.size > 1],
        "brokers": [{"name": b.label, "betweenness": round(b.betweenness, 4), "bridges": len(b.bridges)}
                    for b in brokers(G, k=top, parts=parts, ties=t, seed=seed)],
        "timeline": [{"letter": label(v), "date": G.nodes[v].get("date", ""),
                      "signatories": G.nodes[v].get("n_signatories", 0)} for v in letters_by_date(G)[-top:]],
    }


def run(args: argparse.Namespace) -> int:
    corpus = load(args, args.paths)
    s = compute(corpus.graph, args.top, args.seed)
    if args.json:
        print(json.dumps(s, ensure_ascii=False, indent=1))
        return 0
    print(f"{s['letters']} letters, {s['organizations']} organizations, {s['signatures']} signatures, "
          f"{s['demands']} demands; {s['backbone_edges']} significant ties")
    print(f"\nOrganizations that signed 3 or more letters ({len(s['active_organizations'])}):")
    for o in s["active_organizations"][: args.top * 3]:
        print(f"  {o['letters']:>4}  {o['name']}")
    print("\nStrongest co-signing pairs (letters in common, Newman weight, p):")
    for x in s["top_pairs"]:
        print(f"  {x['shared']:>4}  {x['weight']:>7.3f}  {x['p']:.2g}  {x['a']} + {x['b']}")
    print("\nCoalitions found in the network:")
    for k, c in enumerate(s["communities"]):
        print(f"  {k}: {c['size']} organizations, e.g. {', '.join(c['members'][:3])}; tags {', '.join(c['tags']) or '-'}")
    print("\nBrokers (betweenness, communities bridged):")
    for b in s["brokers"]:
        print(f"  {b['betweenness']:.3f}  {b['bridges']}  {b['name']}")
    print("\nLetters by date:")
    for L in s["timeline"]:
        print(f"  {L['date'] or '(undated)':<11} {L['signatories']:>4}  {L['letter']}")
    return 0
