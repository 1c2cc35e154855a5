"""How the graph stages scale: synthetic corpora of growing size, ground-truth records (no extraction),
then the bundled letters through the whole pipeline. Run by `make bench` after `bench/stages.py`.

Prints one table row per corpus size (wall seconds) and, last, one JSON line. Exit status 1 if the
analytics on the largest corpus take more than BUDGET_S CPU seconds (CPU, not wall: the machine is shared).
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import stages as bench  # noqa: E402
from graph.network import cosign  # noqa: E402
from graph.network.build import build_graph  # noqa: E402
from tools.synth import generate  # noqa: E402

SIZES = ((100, 1000, 15000), (300, 3000, 45000), (1000, 10000, 150000))
BUDGET_S = 10.0


def main() -> int:
    rows = []
    print(f"{'letters':>7} {'orgs':>6} {'sigs':>7} {'pairs':>9} {'backbone':>9} " + " ".join(
        f"{s:>11}" for s in ("build", "project", "backbone", "communities", "centrality")))
    for n_letters, n_orgs, n_sigs in SIZES:
        c = generate(n_letters, n_orgs, n_sigs, seed=1)
        r = bench.BenchResult()
        t = time.perf_counter()
        G = build_graph(c.letters, c.orgs)
        r.stages["build"] = [time.perf_counter() - t]
        bench.analytics(r, G, seed=1)
        n_pairs = len(cosign.pairs(cosign.incidence(G))[0])
        row = {"letters": n_letters, "orgs": len(c.orgs), "signatures": sum(len(L.signatories) for L in c.letters),
               "pairs": n_pairs, "backbone_edges": r.info["backbone_edges"],
               **{s: round(r.median(s), 3) for s in ("build", "project", "backbone", "communities", "centrality")}}
        rows.append(row)
        cpu = sum(r.median_cpu(s) for s in ("project", "backbone", "communities", "centrality"))
        print(f"{row['letters']:>7} {row['orgs']:>6} {row['signatures']:>7} {row['pairs']:>9} {row['backbone_edges']:>9} "
              + " ".join(f"{row[s]:>11.3f}" for s in ("build", "project", "backbone", "communities", "centrality")))
    from graph.paths import letters_dir

    try:
        real = bench.run(letters_dir=letters_dir(), compare=False)
        print("\nbundled letters:\n" + real.table())
        real_total = round(real.total_s, 3)
    except Exception as e:  # noqa: BLE001 - the pipeline may still be under construction
        print(f"\nbundled letters: pipeline failed ({type(e).__name__}: {e})")
        real_total = None
    analytics = sum(rows[-1][s] for s in ("project", "backbone", "communities", "centrality"))
    print(json.dumps({"analytics_s_largest": round(analytics, 3), "analytics_cpu_s_largest": round(cpu, 3),
                      "bundled_total_s": real_total, "sizes": rows}))
    return 0 if cpu <= BUDGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
