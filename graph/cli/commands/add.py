"""`python -m graph add FILE... [--dry-run] [--dir D] [--allow-empty]`.

Reads each letter, shows what was extracted, and saves it into the letters folder (atomically,
never overwriting, the same content never twice). A letter in which no signatory was found is
refused unless --allow-empty: it would add nothing to the graph and is usually a parsing problem
worth looking at first.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser("add", help="check letters and save them into the letters folder")
    p.add_argument("files", nargs="+", help="letter files (.txt, .md, .pdf, .docx)")
    p.add_argument("--dry-run", action="store_true", help="show what would be extracted; save nothing")
    p.add_argument("--dir", help="letters folder to save into (default: the project's letters folder)")
    p.add_argument("--allow-empty", action="store_true", help="save even when no signatory was found")
    return p


def _summary(letter) -> list[str]:
    demands = ", ".join(d.label or d.id for d in letter.demands) or "none found"
    out = [f"  title:       {letter.title or '(none found)'}",
           f"  date:        {letter.date or '(none found)'}",
           f"  signatories: {len(letter.signatories)}"
           + (f" (+{letter.undisclosed_count} undisclosed)" if letter.undisclosed_count else ""),
           f"  demands:     {demands}"]
    out += [f"  warning: {w}" for w in letter.warnings]
    return out


def run(args: argparse.Namespace) -> int:
    from graph.extract.letter import parse_letter
    from graph.extract.document import LoadError, read_document
    from graph.store.letters import save_letter

    failed = 0
    for f in args.files:
        path = Path(f)
        try:
            doc = read_document(path)
            letter = parse_letter(doc)
        except LoadError as e:
            print(f"error: {e}", file=sys.stderr)
            failed += 1
            continue
        print(f"{path.name}:")
        print("\n".join(_summary(letter)))
        if not letter.signatories and not args.allow_empty:
            print(f"  refused: no signatories found in {path.name}; check the file, or pass --allow-empty "
                  "to save it anyway", file=sys.stderr)
            failed += 1
            continue
        if args.dry_run:
            print("  (dry run: not saved)")
            continue
        has_sidecar = any(path.with_suffix(s).is_file() for s in (".yaml", ".yml"))
        meta = dict(doc.meta) if has_sidecar and doc.meta else None
        res = save_letter(path.read_bytes(), path.name, meta, folder=args.dir)
        if res.created:
            renamed = f" (renamed from {res.requested})" if res.name != res.requested else ""
            print(f"  saved as {res.path}{renamed}")
        else:
            print(f"  already stored as {res.path} (same content); not saved again")
    return 1 if failed else 0
