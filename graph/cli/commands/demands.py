"""`python -m graph demands FILE... --format json|csv|table`: which letter asks for what, and where it says so.

json: one object per letter {"file", "demands": [{"id", "label", "evidence", "lines", "also"}],
"unclassified_asks": [{"text", "lines"}]}. csv: the letter x demand matrix, one row per letter, the
evidence in each cell, unclassified asks in the last column. table: the matrix as marks, then the evidence.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import TextIO

from graph.demands.find import Lexicon, find_demands, load_lexicon
from graph.extract.document import read_corpus
from graph.records import Ask, DemandHit

Row = tuple[str, tuple[DemandHit, ...], tuple[Ask, ...]]


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser("demands", help="the demands each letter makes, with the sentence that shows it")
    p.add_argument("files", nargs="*", help="letter files or folders (default: the bundled letters)")
    p.add_argument("--format", choices=("json", "csv", "table"), default="table")
    p.add_argument("--lexicon", help="another demand lexicon YAML (default: data/demands.yaml)")
    return p


def run(args: argparse.Namespace) -> int:
    from graph.paths import letters_dir

    lexicon = load_lexicon(args.lexicon)
    docs, problems = read_corpus(args.files or [letters_dir()])
    for p in problems:
        print(f"warning: skipped {p.message}", file=sys.stderr)
    rows: list[Row] = [(d.name, *find_demands(d.text, lexicon)) for d in docs]
    {"json": _json, "csv": _csv, "table": _table}[args.format](rows, lexicon, sys.stdout)
    return 1 if problems and not docs else 0


def _json(rows: list[Row], lexicon: Lexicon, out: TextIO) -> None:
    data = [{"file": name,
             "demands": [{"id": h.id, "label": h.label, "evidence": h.evidence, "lines": list(h.lines),
                          "also": list(h.also)} for h in hits],
             "unclassified_asks": [{"text": a.text, "lines": list(a.lines)} for a in asks]}
            for name, hits, asks in rows]
    json.dump(data, out, ensure_ascii=False, indent=1)
    out.write("\n")


def _csv(rows: list[Row], lexicon: Lexicon, out: TextIO) -> None:
    ids = [d.id for d in lexicon.demands]
    w = csv.writer(out)
    w.writerow(["file", *ids, "unclassified_asks"])
    for name, hits, asks in rows:
        by_id = {h.id: h.evidence for h in hits}
        w.writerow([name, *(by_id.get(i, "") for i in ids), " | ".join(a.text for a in asks)])


def _table(rows: list[Row], lexicon: Lexicon, out: TextIO) -> None:
    width = max((len(d.id) for d in lexicon.demands), default=10)
    names = [name for name, _, _ in rows]
    out.write(f"{'demand':{width}}  " + "  ".join(f"L{i + 1}" for i in range(len(names))) + "\n")
    for d in lexicon.demands:
        marks = ["x " if any(h.id == d.id for h in hits) else ". " for _, hits, _ in rows]
        out.write(f"{d.id:{width}}  " + "  ".join(f"{m:2}" for m in marks) + "\n")
    for i, (name, hits, asks) in enumerate(rows, 1):
        out.write(f"\n== L{i} {name}: {len(hits)} demands, {len(asks)} unclassified asks\n")
        for h in hits:
            out.write(f"  {h.id} (lines {_lines(h.lines)}): {h.evidence}\n")
        for a in asks:
            out.write(f"  ? (lines {_lines(a.lines)}): {a.text}\n")


def _lines(lines: tuple[int, ...]) -> str:
    return f"{lines[0]}-{lines[-1]}" if len(lines) > 1 else (str(lines[0]) if lines else "-")
