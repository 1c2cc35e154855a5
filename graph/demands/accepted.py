"""Proposed demands a curator accepted, renamed, merged or rejected: data/accepted_demands.yaml, with undo.

Each accepted demand keeps the asks it was made from. A letter whose unclassified ask is one of them, or
is as similar to one as two asks of a group are (graph/demands/emerge.py `SAME_ASK`), makes that demand: it gets a
`demand:` node in the graph like any demand of data/demands.yaml. Rejected asks are never proposed again.

Every change writes the whole file with yaml.safe_dump through a temp file and os.replace (never a
half-written file); the state before it goes on a history stack (`.accepted_demands.history.yaml` beside it),
which `undo` pops.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "accepted_demands.yaml"
>>> did = accept("Raise the minimum wage", ["We urge a higher minimum wage."], path=p)
>>> did, load_accepted(p)["accepted"][did]["label"]
('raise-the-minimum-wage', 'Raise the minimum wage')
>>> rename(did, "Living wage", path=p); undo(p); load_accepted(p)["accepted"][did]["label"]
True
'Raise the minimum wage'
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any, Iterable, Sequence

import yaml

from graph.curated import CuratedError, expect, read_yaml
from graph.demands.emerge import SAME_ASK, norm, tfidf
from graph.identity.names import ascii_slug
from graph.paths import curated_path
from graph.records import DemandHit, Letter

FILE = "accepted_demands.yaml"
HISTORY = 20  # undo steps kept: a session's worth of curation
HEADER = """\
# Demands that emerged from letters' unclassified asks and a curator accepted (the app's "Proposed demands"
# page writes this file; graph/demands/accepted.py reads it). Each demand keeps the asks it was made from: a letter
# asking one of them, or something as close, makes the demand. `rejected` asks are never proposed again.
# Hand edits are fine; the app rewrites the whole file (comments other than this header are not kept).
"""


def _path(path: str | Path | None) -> Path:
    return Path(path) if path else curated_path(FILE)


def load_accepted(path: str | Path | None = None) -> dict[str, Any]:
    """{"accepted": {id: {"label", "asks": [...]}}, "rejected": [...]}; a missing file is an empty one.

    Raises CuratedError naming the file and key when the file is malformed.
    """
    p = _path(path)
    if not p.exists():
        return {"accepted": {}, "rejected": []}
    data = read_yaml(p) or {}
    expect(data, "accepted", dict, p.name, default={})  # checks the type when present
    accepted = data.get("accepted") or {}
    for did, spec in accepted.items():
        key = f"accepted.{did}"
        if not isinstance(spec, dict):
            raise CuratedError(p.name, "expected a mapping with label and asks", key)
        expect(spec, "label", str, p.name)
        asks = expect(spec, "asks", list, p.name)
        if not asks or not all(isinstance(a, str) and a.strip() for a in asks):
            raise CuratedError(p.name, "expected a non-empty list of ask texts", f"{key}.asks")
    rejected = expect(data, "rejected", list, p.name, default=[])
    if not all(isinstance(a, str) for a in rejected):
        raise CuratedError(p.name, "expected a list of ask texts", "rejected")
    return {"accepted": {str(k): {"label": v["label"], "asks": list(v["asks"])} for k, v in accepted.items()},
            "rejected": list(rejected)}


def _history_path(p: Path) -> Path:
    return p.with_name(f".{p.stem}.history.yaml")


def _dump(p: Path, text: str) -> None:
    """Write `text` to `p` atomically: a temp file in the same folder, then os.replace."""
    fd, tmp = tempfile.mkstemp(prefix=f".{p.stem}-", suffix=".yaml", dir=str(p.parent))
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, p)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _save(doc: dict[str, Any], path: str | Path | None) -> None:
    """Write `doc`, pushing the state before it on the undo history."""
    p = _path(path)
    h = _history_path(p)
    history = yaml.safe_load(h.read_text(encoding="utf-8")) if h.exists() else []
    history = (history or [])[-(HISTORY - 1):] + [load_accepted(p)]
    _dump(h, yaml.safe_dump(history, allow_unicode=True, sort_keys=False))
    _dump(p, HEADER + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=110))


def undo(path: str | Path | None = None) -> bool:
    """Restore the state before the last change; False when there is nothing to undo."""
    p = _path(path)
    h = _history_path(p)
    history = (yaml.safe_load(h.read_text(encoding="utf-8")) if h.exists() else None) or []
    if not history:
        return False
    _dump(p, HEADER + yaml.safe_dump(history.pop(), allow_unicode=True, sort_keys=False, width=110))
    _dump(h, yaml.safe_dump(history, allow_unicode=True, sort_keys=False))
    return True


def accept(label: str, asks: Sequence[str], path: str | Path | None = None) -> str:
    """Save a proposed demand under `label`; returns its id (the label's slug, made unique)."""
    if not label.strip() or not asks:
        raise ValueError("a demand needs a label and at least one ask")
    doc = load_accepted(path)
    base = ascii_slug(label, empty="demand")  # a label is no organization name: no name rules
    did, n = base, 2
    while did in doc["accepted"]:
        did, n = f"{base}-{n}", n + 1
    doc["accepted"][did] = {"label": label.strip(), "asks": list(dict.fromkeys(a.strip() for a in asks))}
    _save(doc, path)
    return did


def rename(demand_id: str, label: str, path: str | Path | None = None) -> None:
    """Give an accepted demand a new label (its id stays, so links to it do too)."""
    doc = load_accepted(path)
    if demand_id not in doc["accepted"] or not label.strip():
        raise ValueError(f"no accepted demand {demand_id!r}, or an empty label")
    doc["accepted"][demand_id]["label"] = label.strip()
    _save(doc, path)


def merge(demand_ids: Sequence[str], into: str, path: str | Path | None = None) -> None:
    """Fold the asks of `demand_ids` into demand `into` and drop the others."""
    doc = load_accepted(path)
    acc = doc["accepted"]
    if into not in acc or any(d not in acc for d in demand_ids):
        raise ValueError(f"unknown demand among {[*demand_ids, into]}")
    for d in demand_ids:
        if d != into:
            acc[into]["asks"] = list(dict.fromkeys(acc[into]["asks"] + acc.pop(d)["asks"]))
    _save(doc, path)


def reject(asks: Iterable[str], path: str | Path | None = None) -> None:
    """Never propose these asks again."""
    doc = load_accepted(path)
    doc["rejected"] = list(dict.fromkeys(doc["rejected"] + [a.strip() for a in asks]))
    _save(doc, path)


def decided(path: str | Path | None = None) -> list[str]:
    """Ask texts already accepted or rejected: proposals leave them out."""
    doc = load_accepted(path)
    return [a for spec in doc["accepted"].values() for a in spec["asks"]] + doc["rejected"]


def hits(letters: Sequence[Letter], path: str | Path | None = None,
         threshold: float = SAME_ASK) -> dict[str, tuple[DemandHit, ...]]:
    """For each letter, the accepted demands its unclassified asks make (one hit per demand, first ask)."""
    acc = load_accepted(path)["accepted"]
    asks = [(L.file, a) for L in letters for a in L.unclassified_asks]
    if not acc or not asks:
        return {}
    known = [(did, t) for did, spec in acc.items() for t in spec["asks"]]
    X = tfidf([t for _, t in known] + [a.text for _, a in asks])
    sim = (X[len(known):] @ X[:len(known)].T).toarray()
    exact = {norm(t): did for did, t in known}
    out: dict[str, dict[str, DemandHit]] = {}
    for k, (file, a) in enumerate(asks):
        did = exact.get(norm(a.text))
        if did is None and sim.shape[1]:
            j = int(sim[k].argmax())
            did = known[j][0] if sim[k, j] >= threshold else None
        if did is not None:
            out.setdefault(file, {}).setdefault(did, DemandHit(did, acc[did]["label"], a.text, a.lines))
    return {f: tuple(d.values()) for f, d in out.items()}
