"""Letters built from the gold annotations (../shared/gold/*.yaml), to test name resolution and tags without
depending on the extractor. Names are the gold (OCR-fixed) names, as the extractor should print them.

Also runnable as a stand-in CLI for the scorer, so score.py can judge the resolver on gold letters:

    GRAPH_CLI=".venv/bin/python -m tests.gold_letters" python3 ../shared/tools/score.py -v orgs \
        --identities ../shared/gold/identities.yaml --letters data/letters --min-recall 0.97 --max-false-merges 0
"""
from __future__ import annotations

import sys
from pathlib import Path

import yaml

from graph.records import Letter, Person, Signatory

GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold"  # shared/ lies beside the project root


def gold_files() -> list[Path]:
    return sorted(p for p in GOLD.glob("*.yaml") if p.name != "identities.yaml")


def gold_letter(path: Path) -> Letter:
    d = yaml.safe_load(path.read_text(encoding="utf-8"))
    sigs = []
    for i, s in enumerate(d.get("signatories") or []):
        sigs.append(Signatory(name=s["name"], acronym=s.get("acronym"), member_of=s.get("member_of"),
                              lines=(i + 1,), printed=s.get("printed") or "",
                              inferred=(s.get("basis") or "inferred") if s.get("inferred") else None))
    p = d.get("signed_by_person")
    person = Person(p["name"], p.get("role"), p.get("organization")) if p else None
    return Letter(file=d["file"], title=d.get("title"), date=str(d.get("date") or "") or None,
                  signatories=tuple(sigs), signed_by=person)


def gold_letters(files: list[str] | None = None) -> list[Letter]:
    letters = [gold_letter(p) for p in gold_files()]
    if files:
        names = {q.name for f in files for q in (sorted(Path(f).iterdir()) if Path(f).is_dir() else [Path(f)])}
        letters = [l for l in letters if l.file in names]
    return letters


def main(argv: list[str]) -> int:
    """`orgs FILE... --format json`: the orgs command, fed with gold-built letters."""
    from graph.cli.commands import orgs

    import argparse

    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="verb")
    orgs.add_parser(sub)
    args = ap.parse_args(argv)
    return orgs.run(args, letters=gold_letters(args.files))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
