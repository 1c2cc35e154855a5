"""Benchmark of the whole flow, stage by stage, on a generated corpus or a folder of letters.

    python bench/stages.py [--letters N --orgs N --signatures N] [--seed S] [--repeat R] [--dir D]

Prints a table of medians. The LAST line is one JSON object: total_s, projection_speedup_vs_networkx,
stages_s and corpus sizes. Without --letters it runs on the bundled letters (or --dir). The other
benchmarks import its helpers (`import stages`).

Stages: generate (write synthetic letter texts), extract (load + parse_letter), resolve (names + tags),
build (graph), project (incidence + pair counts), backbone, communities, centrality.
`projection_speedup_vs_networkx`: on a corpus one fifth the size, networkx's
bipartite.weighted_projected_graph + louvain_communities against our project + backbone + communities.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph.network import cosign  # noqa: E402
from graph.network.brokers import betweenness  # noqa: E402
from graph.network.communities import communities  # noqa: E402
from graph.memory import paused_gc  # noqa: E402
from graph.network.build import build_graph  # noqa: E402

STAGES = ("generate", "extract", "resolve", "build", "project", "backbone", "communities", "centrality")


@dataclass
class BenchResult:
    stages: dict[str, list[float]] = field(default_factory=dict)  # stage -> wall seconds per repeat
    cpu: dict[str, list[float]] = field(default_factory=dict)  # stage -> CPU seconds (this process + children)
    info: dict[str, Any] = field(default_factory=dict)

    def median(self, stage: str) -> float:
        return statistics.median(self.stages[stage]) if self.stages.get(stage) else 0.0

    def median_cpu(self, stage: str) -> float:
        return statistics.median(self.cpu[stage]) if self.cpu.get(stage) else 0.0

    @property
    def total_s(self) -> float:
        return sum(self.median(s) for s in STAGES)

    @property
    def total_cpu_s(self) -> float:
        return sum(self.median_cpu(s) for s in STAGES)

    def summary(self) -> dict[str, Any]:
        return {"total_s": round(self.total_s, 3), "total_cpu_s": round(self.total_cpu_s, 3),
                **{k: v for k, v in self.info.items()},
                "stages_s": {s: round(self.median(s), 3) for s in STAGES if s in self.stages},
                "stages_cpu_s": {s: round(self.median_cpu(s), 3) for s in STAGES if s in self.cpu}}

    def table(self) -> str:
        """Wall time is what a user waits; CPU time says how much of it was work when the machine is shared."""
        rows = [f"{'stage':<12} {'median s':>9} {'min s':>8} {'cpu s':>8} {'runs':>5}"]
        for s in STAGES:
            if s in self.stages:
                rows.append(f"{s:<12} {self.median(s):>9.3f} {min(self.stages[s]):>8.3f} "
                            f"{self.median_cpu(s):>8.3f} {len(self.stages[s]):>5}")
        rows.append(f"{'total':<12} {self.total_s:>9.3f} {'':>8} {self.total_cpu_s:>8.3f}")
        return "\n".join(rows)


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _timed(result: BenchResult, stage: str, fn: Callable[[], Any]) -> Any:
    t, c = time.perf_counter(), _cpu()
    out = fn()
    result.stages.setdefault(stage, []).append(time.perf_counter() - t)
    result.cpu.setdefault(stage, []).append(_cpu() - c)
    return out


def extract(paths: list[Path], jobs: int = 1) -> tuple[list, list, str]:
    """(letters, problems, extractor): graph.pipeline.load_letters, as the app runs it."""
    from graph.pipeline import load_letters

    letters, problems, _docs = load_letters(paths, jobs)
    return letters, problems, f"parse_letter x{jobs} process{'es' if jobs > 1 else ''}"


def resolve_and_tag(letters: list) -> list:
    from graph.identity.resolve import resolve
    from graph.identity.tags import tag_organizations

    res = resolve(letters)
    return list(tag_organizations(res.orgs, letters))


def analytics(result: BenchResult, G: nx.DiGraph, seed: int) -> None:
    inc = _timed(result, "project", lambda: _project(G))
    bb = _timed(result, "backbone", lambda: cosign.backbone(G, inc=inc))
    t = bb if len(bb) else cosign.ties(G, min_shared=1, inc=inc)
    parts = _timed(result, "communities", lambda: communities(G, seed=seed, ties=t))
    _timed(result, "centrality", lambda: betweenness(t, samples=64, seed=seed))
    result.info.update(backbone_edges=len(bb), communities=sum(1 for p in parts if len(p) > 1))


def _project(G: nx.DiGraph) -> cosign.Incidence:
    cosign._CACHE.pop(G, None)  # measure the real work, not the cache
    inc = cosign.incidence(G)
    cosign.pairs(inc)  # the pair counts every analytic reads
    return inc


def networkx_speedup(n_letters: int, n_orgs: int, n_signatures: int, seed: int) -> dict[str, float]:
    """Same corpus, two ways: networkx projection + Louvain vs. ours (sparse projection, backbone, Leiden)."""
    from tools.synth import generate

    c = generate(n_letters, n_orgs, n_signatures, seed=seed)
    G = build_graph(c.letters, c.orgs)
    return {**_compare_with_networkx(G, seed),
            "speedup_corpus": f"{n_letters} letters, {n_orgs} orgs, {n_signatures} signatures"}


def run(n_letters: int | None = None, n_orgs: int = 10000, n_signatures: int = 150000, seed: int = 1,
        repeat: int = 1, letters_dir: Path | None = None, compare: bool = True, jobs: int = 1,
        log: Callable[[str], None] = lambda s: None) -> BenchResult:
    """Benchmark on a generated corpus (n_letters given) or on the letters in `letters_dir`."""
    from tools.synth import generate, write_letters

    result = BenchResult()
    with tempfile.TemporaryDirectory(prefix="atlas-bench-") as tmp:
        for r in range(repeat):
            if n_letters:
                folder = Path(tmp) / f"run{r}"
                _timed(result, "generate", lambda: write_letters(
                    generate(n_letters, n_orgs, n_signatures, seed=seed, records=False), folder))
                paths = [folder]
            else:
                paths = [letters_dir]
            with paused_gc():  # one pause over extract, resolve and build, as pipeline.build_corpus does
                letters, problems, source = _timed(result, "extract", lambda: extract(paths, jobs))
                orgs = _timed(result, "resolve", lambda: resolve_and_tag(letters))
                G = _timed(result, "build", lambda: build_graph(letters, orgs))
            log(f"run {r + 1}/{repeat}: {len(letters)} letters, {len(orgs)} organizations, "
                f"{G.number_of_edges()} edges")
            gc.freeze()  # as the app does with a built corpus (ui/state.py): analytics must not pay for
            analytics(result, G, seed)  # the collector walking millions of long-lived records again
            info = dict(letters=len(letters), orgs=len(orgs), problems=len(problems), extractor=source,
                        signatures=sum(1 for *_, k in G.edges(data="kind") if k == "signed"))
            kept = G if not n_letters else None  # the bundled letters: compare networkx on this graph
            letters = orgs = G = None  # type: ignore[assignment]  # let the collector have them
            gc.unfreeze()
            gc.collect()  # each run starts from the same clean heap, outside the timed stages
        result.info.update(info)
    if compare:
        if n_letters:
            result.info.update(networkx_speedup(max(2, n_letters // 5), max(10, n_orgs // 5),
                                                max(10, n_signatures // 5), seed))
        else:
            result.info.update(_speedup_on(kept, seed))
    return result


def _speedup_on(G: nx.DiGraph, seed: int) -> dict[str, float]:
    """The networkx comparison on an existing graph (the bundled letters are already small)."""
    return {**_compare_with_networkx(G, seed), "speedup_corpus": "same"}


def _compare_with_networkx(G: nx.DiGraph, seed: int) -> dict[str, float]:
    """Projection + communities: networkx's bipartite projection and Louvain against ours, same graph."""
    from networkx.algorithms import bipartite

    t = time.perf_counter()
    orgs = [n for n, k in G.nodes(data="kind") if k == "organization"]
    U = nx.Graph()
    U.add_nodes_from(orgs, bipartite=0)
    U.add_edges_from((u, v) for u, v, k in G.edges(data="kind") if k == "signed")
    P = bipartite.weighted_projected_graph(U, orgs)
    nx.community.louvain_communities(P, weight="weight", seed=seed)
    theirs = time.perf_counter() - t
    t = time.perf_counter()
    inc = _project(G)
    bb = cosign.backbone(G, inc=inc)
    communities(G, seed=seed, ties=bb if len(bb) else None)
    ours = time.perf_counter() - t
    return {"networkx_s": round(theirs, 3), "ours_s": round(ours, 3),
            "projection_speedup_vs_networkx": round(theirs / max(ours, 1e-9), 1)}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="bench/stages.py", description="time every stage of the pipeline (last line: JSON)")
    p.add_argument("--letters", type=int, help="generate this many letters (default: use the letters folder)")
    p.add_argument("--orgs", type=int, default=10000)
    p.add_argument("--signatures", type=int, default=150000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--repeat", type=int, default=3, help="runs per stage; the table shows medians")
    p.add_argument("--dir", help="letters folder to benchmark (default: the bundled letters)")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                   help="processes for extraction (default: all cores; letters parse independently)")
    p.add_argument("--no-compare", action="store_true", help="skip the networkx comparison")
    args = p.parse_args(argv)
    from graph.paths import letters_dir

    result = run(n_letters=args.letters, n_orgs=args.orgs, n_signatures=args.signatures, seed=args.seed,
                 repeat=max(1, args.repeat), letters_dir=Path(args.dir) if args.dir else letters_dir(),
                 compare=not args.no_compare, jobs=max(1, args.jobs), log=lambda s: print(s, file=sys.stderr))
    print(result.table())
    print(json.dumps(result.summary(), sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
