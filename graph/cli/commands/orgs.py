"""`python -m graph orgs FILE... --format json|csv|table [--review]`: organizations across letters.

Each organization lists its mentions (file, name as printed), why its names were merged, its umbrella and
members, and its coalition tags with their reasons. `--review` lists near misses (pairs not merged) for a
curator, who records a decision with `--same A B --why ...` / `--different A B --why ...` and takes the last
one back with `--undo` (decisions go to data/judgements.yaml).
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import Sequence

from graph.records import Letter, NearMiss, Organization


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser("orgs", help="organizations across letters: merged names, umbrellas, coalition tags")
    p.add_argument("files", nargs="*", help="letter files or folders (default: the bundled letters)")
    p.add_argument("--format", choices=("json", "csv", "table"), default="table")
    p.add_argument("--review", action="store_true", help="list near misses (pairs not merged) for a curator")
    p.add_argument("--same", nargs=2, metavar=("A", "B"), help="record: A and B are the same organization")
    p.add_argument("--different", nargs=2, metavar=("A", "B"), help="record: A and B must never be merged")
    p.add_argument("--why", default="", help="reason recorded with --same/--different (required)")
    p.add_argument("--undo", nargs="?", const="", metavar="ID", help="take back the last (or the given) decision")
    return p


def org_json(o: Organization) -> dict:
    """The JSON contract of ../shared/tools/score.py plus provenance."""
    return {
        "id": o.id, "name": o.name, "aliases": list(o.aliases), "acronyms": list(o.acronyms),
        "mentions": [{"file": m.file, "name": m.name, "acronym": m.acronym, "lines": list(m.lines),
                      "member_of": m.member_of, "inferred": m.inferred} for m in o.mentions],
        "letters": list(o.letters),
        "tags": [t.tag for t in o.tags],
        "tag_values": {t.tag: t.value or "" for t in o.tags},
        "tag_reasons": {t.tag: t.reason for t in o.tags},
        "country": o.country, "ethnicity": o.ethnicity,
        "member_of": list(o.member_of), "members": list(o.members),
        "reasons": [{"a": r.a, "b": r.b, "rule": r.rule, "score": r.score, "detail": r.detail} for r in o.reasons],
    }


def near_miss_json(n: NearMiss) -> dict:
    return {"a": n.a, "b": n.b, "a_name": n.a_name, "b_name": n.b_name, "score": n.score, "why_not": n.why_not,
            "a_letters": list(n.a_letters), "b_letters": list(n.b_letters)}


def _decide(args: argparse.Namespace) -> int | None:
    from graph.identity.judgements import record_decision, undo_decision

    if args.undo is not None:
        d = undo_decision(args.undo or None)
        print(f"undone: {d}" if d else "nothing to undo", file=sys.stderr)
        return 0 if d else 1
    for kind in ("same", "different"):
        pair = getattr(args, kind)
        if pair:
            if not args.why.strip():
                print("error: say --why", file=sys.stderr)
                return 2
            d = record_decision(kind, pair[0], pair[1], args.why)
            print(f"recorded {d['id']}: {kind} {pair[0]!r} / {pair[1]!r}", file=sys.stderr)
            return 0
    return None


def _letters(files: Sequence[str]) -> list[Letter]:
    from graph.paths import letters_dir
    from graph.pipeline import read_letters

    letters, problems, _docs = read_letters(list(files) or [letters_dir()])
    for p in problems:
        print(f"warning: skipped {p.message}", file=sys.stderr)
    return letters


def run(args: argparse.Namespace, letters: Sequence[Letter] | None = None) -> int:
    from graph.identity.resolve import resolve
    from graph.identity.tags import tag_organizations

    done = _decide(args) if hasattr(args, "undo") else None
    if done is not None:
        return done
    letters = list(letters) if letters is not None else _letters(args.files)
    res = resolve(letters)
    orgs = tag_organizations(res.orgs, letters)
    out = sys.stdout
    if args.format == "json":
        data = {"organizations": [org_json(o) for o in orgs],
                "near_misses": [near_miss_json(n) for n in res.near_misses]} if args.review else \
            [org_json(o) for o in orgs]
        json.dump(data, out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif args.format == "csv":
        w = csv.writer(out)
        if args.review:
            w.writerow(["a", "b", "a_name", "b_name", "score", "why_not", "a_letters", "b_letters"])
            for n in res.near_misses:
                w.writerow([n.a, n.b, n.a_name, n.b_name, n.score, n.why_not, " ".join(n.a_letters),
                            " ".join(n.b_letters)])
        else:
            w.writerow(["id", "name", "file", "printed", "tags", "country", "ethnicity", "member_of"])
            for o in orgs:
                for m in o.mentions:
                    w.writerow([o.id, o.name, m.file, m.name, " ".join(t.tag for t in o.tags), o.country or "",
                                o.ethnicity or "", " ".join(o.member_of)])
    else:
        _table(orgs, res.near_misses if args.review else (), out)
    return 0


def _table(orgs: Sequence[Organization], near: Sequence[NearMiss], out) -> None:
    multi = sum(len(o.letters) > 1 for o in orgs)
    out.write(f"{len(orgs)} organizations, {multi} in more than one letter\n")
    for o in sorted(orgs, key=lambda o: (-len(o.letters), o.name.casefold())):
        tags = ", ".join(t.tag + (f"={t.value}" if t.value else "") for t in o.tags) or "-"
        out.write(f"\n{o.name}  [{o.id}]  letters={len(o.letters)}  tags: {tags}\n")
        for m in o.mentions:
            out.write(f"    {m.file}: {m.name}" + (f" ({m.acronym})" if m.acronym else "") + "\n")
        for r in o.reasons:
            out.write(f"    merged {r.a!r} ~ {r.b!r}: {r.rule}" + (f" {r.score}" if r.score else "") + "\n")
        if o.member_of:
            out.write(f"    member of: {', '.join(o.member_of)}\n")
        if o.members:
            out.write(f"    members: {', '.join(o.members)}\n")
    if near:
        out.write(f"\n{len(near)} near misses (not merged):\n")
        for n in near:
            out.write(f"  {n.score:.2f}  {n.a_name!r} ({', '.join(n.a_letters)}) ~ {n.b_name!r} "
                      f"({', '.join(n.b_letters)}): {n.why_not}\n")
