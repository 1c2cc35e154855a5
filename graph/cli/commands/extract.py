"""`python -m graph extract FILE... --format json|csv|table [--explain]`."""
from __future__ import annotations

import argparse
import csv
import json
import sys

from graph.records import Letter


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser("extract", help="extract title, date, recipients, signatories and demands from letters")
    p.add_argument("files", nargs="*", help="letter files or folders (default: the bundled letters)")
    p.add_argument("--format", choices=("json", "csv", "table"), default="table")
    p.add_argument("--explain", action="store_true", help="print each line's fate (signatory, skipped and why)")
    return p


def letter_json(letter: Letter) -> dict:
    """The JSON contract of ../shared/tools/score.py, plus provenance fields."""
    return {
        "file": letter.file,
        "title": letter.title,
        "date": letter.date,
        "recipients": list(letter.recipients),
        "signatories": [
            {"name": s.name, "acronym": s.acronym, "member_of": s.member_of, "lines": list(s.lines),
             "country": s.country, "inferred": s.inferred, "signed_by": s.signed_by, "location": s.location}
            for s in letter.signatories
        ],
        "undisclosed_count": letter.undisclosed_count,
        "claimed_total": letter.claimed_total,
        "signed_by": None if letter.signed_by is None else {
            "name": letter.signed_by.name, "role": letter.signed_by.role,
            "organization": letter.signed_by.organization, "lines": list(letter.signed_by.lines)},
        "contacts": [{"person": c.person, "role": c.role, "organization": c.organization, "email": c.email,
                      "lines": list(c.lines)} for c in letter.contacts],
        "individuals": [{"name": p.name, "role": p.role, "lines": list(p.lines)} for p in letter.individuals],
        **_demands(letter),
        "unclassified_asks": [{"text": a.text, "lines": list(a.lines)} for a in letter.unclassified_asks],
        "skipped": [{"line": s.line, "text": s.text, "reason": s.reason} for s in letter.skipped],
        "source_url": letter.source_url,
        "confidence": letter.confidence,
        "confidence_reasons": list(letter.confidence_reasons),
        "lines": {"title": list(letter.title_lines), "date": list(letter.date_lines),
                  "recipients": list(letter.recipient_lines)},
    }


def _demands(letter: Letter) -> dict:
    """`demands` holds the taxonomy's ids (what gold scores); `general_demands` the general asks beyond it."""
    from graph.demands.patterns import load_lexicon

    general = {d.id for d in load_lexicon().demands if d.general}
    out: dict[str, list] = {"demands": [], "general_demands": []}
    for d in letter.demands:
        out["general_demands" if d.id in general else "demands"].append(
            {"id": d.id, "label": d.label, "evidence": d.evidence, "lines": list(d.lines)})
    return out


def run(args: argparse.Namespace) -> int:
    from graph.paths import letters_dir
    from graph.pipeline import read_letters

    letters, problems, _docs = read_letters(args.files or [letters_dir()])
    for p in problems:
        print(f"warning: skipped {p.message}", file=sys.stderr)
    out = sys.stdout
    if args.format == "json":
        json.dump([letter_json(x) for x in letters], out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif args.format == "csv":
        w = csv.writer(out)
        w.writerow(["file", "title", "date", "n", "name", "acronym", "member_of", "country", "lines", "inferred"])
        for x in letters:
            for i, s in enumerate(x.signatories, 1):
                w.writerow([x.file, x.title, x.date, i, s.name, s.acronym or "", s.member_of or "",
                            s.country or "", " ".join(map(str, s.lines)), s.inferred or ""])
    else:
        for x in letters:
            _table(x, out, args.explain)
    return 1 if problems and not letters else 0


def _table(x: Letter, out, explain: bool) -> None:
    out.write(f"== {x.file}\n")
    out.write(f"title:      {x.title or '-'}\n")
    out.write(f"date:       {x.date or '-'}\n")
    out.write(f"recipients: {'; '.join(x.recipients) or '-'}\n")
    total = f", claimed total {x.claimed_total}" if x.claimed_total else ""
    undisclosed = f", undisclosed {x.undisclosed_count}" if x.undisclosed_count else ""
    out.write(f"signatories: {len(x.signatories)}{total}{undisclosed}\n")
    out.write(f"confidence: {x.confidence:.2f} ({'; '.join(x.confidence_reasons) or '-'})\n")
    for i, s in enumerate(x.signatories, 1):
        extra = "".join([f" ({s.acronym})" if s.acronym else "", f"  [member of {s.member_of}]" if s.member_of else "",
                         f"  [{s.inferred}]" if s.inferred else "", f"  [signed by {s.signed_by}]" if s.signed_by
                         else "", f"  [{s.location}]" if s.location else ""])
        out.write(f"  {i:4d}. {s.name}{extra}  L{','.join(map(str, s.lines))}\n")
    if x.signed_by:
        out.write(f"signed by:  {x.signed_by.name}, {x.signed_by.role or ''}\n")
    for c in x.contacts:
        out.write(f"contact:    {c.person or '-'}, {c.organization or '-'}, {c.email or '-'}\n")
    for d in x.demands:
        out.write(f"demand:     {d.id}: {d.evidence}  L{','.join(map(str, d.lines))}\n")
    for s in x.skipped:
        out.write(f"skipped:    L{s.line} {s.text!r}: {s.reason}\n")
    if explain:
        used = sum(1 for _, fate, _ in x.line_fates if fate in ("signatory", "sub-member"))
        dropped = sum(1 for _, fate, _ in x.line_fates if fate == "skipped")
        out.write(f"lines used for signatories: {used}; lines skipped: {dropped}\n")
        for line, fate, detail in x.line_fates:
            out.write(f"  L{line:<5d} {fate:12s} {detail}\n")
    out.write("\n")
