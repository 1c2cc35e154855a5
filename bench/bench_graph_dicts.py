"""Benchmark: the two places that write networkx's internal dicts, against networkx's public API on the same graph.

    .venv/bin/python bench/bench_graph_dicts.py [--letters 1000 --orgs 10000 --signatures 150000] [--repeat 7]

- build: graph.network.build.build_graph with its `_add_edges` (signed edges written into G._succ / G._pred)
  against the same build with G.add_edges_from.
- induced: graph.network.view.induced (the first view's copy of organizations and letters) against
  add_nodes_from + add_edges_from, and against G.subgraph(S).copy().

Each variant is checked to give the same graph first. CPU seconds, median of --repeat (the machine is shared).
The LAST line is one JSON object: build_s, build_public_s, induced_s, induced_public_s, subgraph_copy_s.
Keep the internal writes only while they are clearly (>= 10 %) faster; tests/test_model.py and
tests/test_view.py pin that they give what the public API gives.
"""
from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph.memory import paused_gc  # noqa: E402
from graph.network import build, view  # noqa: E402
from graph.kinds import NodeKind  # noqa: E402


def public_add_edges(G: nx.DiGraph, u: str, edges: dict[str, dict[str, Any]]) -> None:
    G.add_edges_from((u, v, d) for v, d in edges.items())


def public_induced(G: nx.DiGraph, nodes: set) -> nx.DiGraph:
    H = nx.DiGraph()
    H.graph.update(G.graph)
    H.add_nodes_from((n, dict(a)) for n, a in G.nodes(data=True) if n in nodes)
    H.add_edges_from((u, v, dict(d)) for u, v, d in G.edges(data=True) if u in nodes and v in nodes)
    return H


def cpu_median(fn: Callable[[], Any], repeat: int) -> float:
    out = []
    for _ in range(repeat):
        gc.collect()
        with paused_gc():  # as pipeline.build_corpus builds
            t = time.process_time()
            fn()
            out.append(time.process_time() - t)
    return statistics.median(out)


def same(A: nx.DiGraph, B: nx.DiGraph) -> bool:
    return (list(A.nodes(data=True)) == list(B.nodes(data=True)) and list(A.edges(data=True)) == list(B.edges(data=True))
            and list(A.in_edges(data=True)) == list(B.in_edges(data=True)))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="bench/bench_graph_dicts.py", description=__doc__.splitlines()[0])
    p.add_argument("--letters", type=int, default=1000)
    p.add_argument("--orgs", type=int, default=10000)
    p.add_argument("--signatures", type=int, default=150000)
    p.add_argument("--repeat", type=int, default=7)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args(argv)
    from tools.synth import generate

    c = generate(a.letters, a.orgs, a.signatures, seed=a.seed)
    internal = build._add_edges
    G = build.build_graph(c.letters, c.orgs)
    build._add_edges = public_add_edges
    try:
        assert same(G, build.build_graph(c.letters, c.orgs)), "build: internal writes differ from add_edges_from"
        build_public = cpu_median(lambda: build.build_graph(c.letters, c.orgs), a.repeat)
    finally:
        build._add_edges = internal
    keep = {n for n, k in G.nodes(data="kind") if k in (NodeKind.ORGANIZATION, NodeKind.LETTER)}
    assert same(view.induced(G, keep), public_induced(G, keep)), "induced differs from the public-API copy"
    out = {"build_s": cpu_median(lambda: build.build_graph(c.letters, c.orgs), a.repeat), "build_public_s": build_public,
           "induced_s": cpu_median(lambda: view.induced(G, keep), a.repeat),
           "induced_public_s": cpu_median(lambda: public_induced(G, keep), a.repeat),
           "subgraph_copy_s": cpu_median(lambda: G.subgraph(keep).copy(), max(1, a.repeat // 2))}
    print(f"{G.number_of_nodes()} nodes, {G.number_of_edges()} edges; CPU s, median of {a.repeat}")
    for k, v in out.items():
        print(f"{k:<18} {v:8.3f}")
    print(json.dumps({k: round(v, 3) for k, v in out.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
