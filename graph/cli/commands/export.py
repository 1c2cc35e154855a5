"""`python -m graph export --format FMT [--network cosignature [--backbone]] [filters] [FILES|--dir D] -o PATH [--force]`.

Writes the filtered view as an image, an interactive page, a data file or a zip of everything.
`--network cosignature` writes the organization-to-organization network instead (edges: count,
jaccard, weight, p). An existing -o path is never overwritten without --force, and the file
appears atomically.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path



def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    from graph.draw.export import FORMATS
    from graph.draw.images import WIDTH_MM
    from graph.network.cosignature import MAX_TIES, MIN_SHARED, NETWORKS

    p = sub.add_parser("export", help="export the graph (image, interactive HTML, GEXF, GraphML, CSV, JSON, Kumu, zip)")
    p.add_argument("files", nargs="*", help="letter files or folders (default: the letters folder)")
    p.add_argument("--dir", help="folder of letters (instead of FILES)")
    p.add_argument("--format", "-f", choices=list(FORMATS), required=True)
    p.add_argument("--network", choices=list(NETWORKS), default="bipartite",
                   help="bipartite: organizations, letters, demands; cosignature: organizations joined by letters "
                        "signed together")
    p.add_argument("--backbone", action="store_true",
                   help="co-signature network: only significant ties (hypergeometric, Bonferroni)")
    p.add_argument("--min-shared", type=int, default=MIN_SHARED,
                   help=f"co-signature network: ties of at least N letters in common (default {MIN_SHARED}; "
                        "1 gives the full projection, which one large letter makes huge)")
    p.add_argument("--max-ties", type=int, default=MAX_TIES,
                   help=f"co-signature network: keep the strongest N ties (default {MAX_TIES:,}; 0: all)")
    p.add_argument("--width", choices=list(WIDTH_MM), default="double",
                   help="images: journal column width (single 89 mm, double 183 mm)")
    p.add_argument("--title", default="", help="images: a title above the drawing")
    p.add_argument("-o", "--output", required=True, help="file to write ('-' for stdout)")
    p.add_argument("--force", action="store_true", help="overwrite an existing output file")
    p.add_argument("--letters", nargs="+", help="only these letters (file name, stem or letter: id)")
    p.add_argument("--tag", action="append", help="only organizations with this coalition tag (repeatable)")
    p.add_argument("--hide", action="append", default=[],
                   help="leave this organization out of the export (id or name; repeatable)")
    p.add_argument("--from", dest="date_from", help="only letters dated on/after (YYYY[-MM[-DD]])")
    p.add_argument("--to", dest="date_to", help="only letters dated on/before (YYYY[-MM[-DD]])")
    p.add_argument("--min-letters", type=int, default=1, help="organizations that signed at least N letters")
    p.add_argument("--max-nodes", type=int, help="group smaller organizations beyond this many nodes (co-signature "
                                                 "network: keep the N most connected organizations)")
    p.add_argument("--dpi", type=int, default=300, help="raster resolution (png, and large views in svg/pdf)")
    p.add_argument("--seed", type=int, default=0, help="layout seed")
    return p


def write_atomic(path: Path, data: bytes, force: bool = False) -> None:
    """Write via a temp file in the same folder; without force, refuse to replace an existing file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; an export is meant to be shared
        if force:
            os.replace(tmp, path)
        else:
            os.link(tmp, path)  # FileExistsError if someone created it meanwhile
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def run(args: argparse.Namespace) -> int:
    from graph.draw.export import export
    from graph.network.cosignature import for_export, positions
    from graph.paths import letters_dir
    from graph.pipeline import build_corpus
    from graph.network.view import filter_view

    out = None if args.output == "-" else Path(args.output)
    if out is not None and out.exists() and not args.force:
        print(f"error: {out} exists; use --force to overwrite", file=sys.stderr)
        return 2
    paths = args.files or [args.dir or letters_dir()]
    corpus = build_corpus(paths)
    for p in corpus.problems:
        print(f"warning: skipped {p.message}", file=sys.stderr)
    date_range = (args.date_from, args.date_to) if (args.date_from or args.date_to) else None
    H, info = filter_view(corpus.graph, letters=args.letters, date_range=date_range, tags=args.tag,
                          min_letters=args.min_letters, hide=args.hide,
                          max_nodes=None if args.network == "cosignature" else args.max_nodes)
    if args.hide and info["hidden"].get("on_request", 0) < len(args.hide):
        print(f"warning: {len(args.hide) - info['hidden'].get('on_request', 0)} --hide value(s) matched no "
              "organization; check the spelling (ids: python -m graph orgs)", file=sys.stderr)
    H, caption, letter_dates = for_export(H, info["caption"], args.network, args.backbone, tagged=bool(args.tag),
                                         min_shared=args.min_shared, max_ties=args.max_ties, max_nodes=args.max_nodes)
    info.update(n_nodes=H.number_of_nodes(), n_edges=H.number_of_edges())
    data = export(H, args.format, positions=positions(H, seed=args.seed), dpi=args.dpi, caption=caption,
                  title=args.title, width=args.width, backbone=args.backbone, letter_dates=letter_dates)
    if out is None:
        sys.stdout.buffer.write(data)
        return 0
    try:
        write_atomic(out, data, force=args.force)
    except FileExistsError:
        print(f"error: {out} exists; use --force to overwrite", file=sys.stderr)
        return 2
    print(f"wrote {out} ({len(data):,} bytes, {info['n_nodes']} nodes, {info['n_edges']} edges): {caption}",
          file=sys.stderr)
    return 0
