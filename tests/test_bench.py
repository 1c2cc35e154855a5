"""`bench/stages.py`: a table of stage medians, then one JSON line (issue contract)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_bench_prints_a_table_then_one_json_line_with_every_stage():
    out = subprocess.run([sys.executable, "bench/stages.py", "--letters", "20", "--orgs", "120",
                          "--signatures", "600", "--repeat", "2"], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout.strip().splitlines()
    summary = json.loads(out[-1])
    stages = ("generate", "extract", "resolve", "build", "project", "backbone", "communities", "centrality")
    assert set(summary["stages_s"]) == set(stages)
    assert abs(summary["total_s"] - sum(summary["stages_s"].values())) < 0.01
    assert summary["projection_speedup_vs_networkx"] > 0 and summary["letters"] == 20
    assert out[0].split()[:2] == ["stage", "median"] and all(any(r.startswith(s) for r in out) for s in stages)
