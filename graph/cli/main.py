"""Thin command line over the Python API: `python -m graph VERB ...`.

Each verb lives in graph/cli/commands/<verb>.py with add_parser(subparsers) and run(args) -> int.
"""
from __future__ import annotations

import argparse
import importlib
import sys

VERBS = ("extract", "orgs", "demands", "stats", "cosigners", "suggest", "export", "add")


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m graph", description="Coalition Atlas: letters in, coalition graph out.")
    sub = ap.add_subparsers(dest="verb", required=True)
    for verb in VERBS:
        try:
            mod = importlib.import_module(f"graph.cli.commands.{verb}")
        except ModuleNotFoundError as e:
            if e.name != f"graph.cli.commands.{verb}":
                raise
            continue  # verb not built yet
        p = mod.add_parser(sub)
        p.set_defaults(_run=mod.run)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        from graph.curated import check_all

        check_all()  # every verb alike: broken curated data stops here, naming the file and key
        return int(args._run(args) or 0)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
    except Exception as e:  # noqa: BLE001 - the CLI reports, it does not dump tracebacks on users
        from graph.curated import CuratedError
        from graph.extract.document import LoadError

        if isinstance(e, (CuratedError, LoadError)):
            print(f"error: {e}", file=sys.stderr)
            return 2
        raise
