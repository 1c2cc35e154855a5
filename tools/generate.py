"""`python -m tools.generate --letters N --orgs N --signatures N --seed S -o DIR`.

Writes a synthetic corpus of letter texts (title, recipients, date, prose with demands, numbered or
bulleted signatory lists with "o" sub-items) into DIR, to try the app and the extractor at scale.
Point the app at it with ATLAS_LETTERS_DIR=DIR.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tools.generate", description="write a synthetic corpus of letters")
    p.add_argument("--letters", type=int, default=100)
    p.add_argument("--orgs", type=int, default=1000)
    p.add_argument("--signatures", type=int, default=10000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("-o", "--out", required=True, help="folder to write into (created if missing)")
    p.add_argument("--force", action="store_true", help="write into a folder that already holds letters")
    args = p.parse_args(argv)
    from tools.synth import generate, write_letters

    out = Path(args.out)
    if out.exists() and any(out.glob("*.txt")) and not args.force:
        print(f"error: {out} already holds letters; use --force to write there anyway", file=sys.stderr)
        return 2
    if min(args.letters, args.orgs, args.signatures) < 1:
        print("error: --letters, --orgs and --signatures must be positive", file=sys.stderr)
        return 2
    corpus = generate(args.letters, args.orgs, args.signatures, seed=args.seed, records=False)
    paths = write_letters(corpus, out)
    n = sum(t.count("\n") for t in corpus.texts.values())
    print(f"wrote {len(paths)} letters ({n} lines) to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
