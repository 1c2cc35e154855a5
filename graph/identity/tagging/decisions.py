"""Curators' tag decisions: recorded in the managed block at the end of data/coalitions.yaml, with undo.

A decision says which tags an organization carries (and why); it wins over the rules and inheritance.
"""
from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from pathlib import Path
from typing import Sequence

from graph.curated import CuratedError, expect, read_yaml
from graph.identity.names import normalise
from graph.paths import curated_path
from graph.records import Tag
from graph.identity.tagging.data import COALITIONS


def record_tag(name: str, tags: Sequence[str], why: str, path: str | Path | None = None) -> dict:
    """Record a curator's decision: organization `name` carries exactly `tags` (tags the rules found and
    that are not listed are removed; listed ones the rules missed are added with `why` as reason).

    Stored in data/recorded/coalitions.yaml, written by graph.identity.judgements' writer (a YAML emitter, atomic
    swap; the hand-written rules and comments are never rewritten); undo with undo_tag(). The last decision
    for a name wins.

    >>> import shutil, tempfile, pathlib
    >>> from graph.paths import curated_path
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "coalitions.yaml"
    >>> _ = shutil.copy(curated_path(COALITIONS), p)
    >>> d = record_tag("Burma Campaign UK", ["solidarity", "media_research"], "publishes research", path=p)
    >>> curated_tags(p)["burma campaign uk"]["tags"]
    ['media_research', 'solidarity']
    >>> undo_tag(path=p)["id"] == d["id"], curated_tags(p)
    (True, {})
    """
    from graph.identity.judgements import check_storable, recorded_decisions, write_decisions  # one writer for every decision

    file = Path(path) if path else curated_path(COALITIONS)
    bad = sorted(set(tags) - set(expect(read_yaml(file), "tags", dict, file.name)))
    if bad:
        raise ValueError(f"unknown tag(s) {bad}; known tags are in {file.name}")
    if not why.strip():
        raise ValueError("every decision says why")
    if not normalise(name):
        raise ValueError("a tag decision needs an organization name")
    check_storable(name, why)
    decisions = recorded_decisions(file)
    when = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    did = hashlib.sha1(f"tags|{name}|{sorted(tags)}|{when}|{len(decisions)}".encode()).hexdigest()[:10]
    entry = {"id": did, "decision": "tags", "name": name, "tags": sorted(set(tags)), "why": why.strip(), "when": when}
    write_decisions(file, [*decisions, entry])
    return entry


def undo_tag(decision_id: str | None = None, path: str | Path | None = None) -> dict | None:
    """Remove a recorded tag decision (the last one, or the one with `decision_id`); returns it, or None."""
    from graph.identity.judgements import undo_decision

    return undo_decision(decision_id, path=Path(path) if path else curated_path(COALITIONS))


def curated_tags(path: str | Path | None = None) -> dict[str, dict]:
    """Recorded tag decisions by normalised organization name (the last decision per name wins)."""
    from graph.identity.judgements import recorded_decisions

    file = Path(path) if path else curated_path(COALITIONS)
    data = read_yaml(file) or {}
    out: dict[str, dict] = {}
    # `decisions` in the hand-written file: where older versions recorded them
    for i, d in enumerate([*expect(data, "decisions", list, file.name, default=[]), *recorded_decisions(file)]):
        if not isinstance(d, dict) or d.get("decision") != "tags":
            raise CuratedError(file.name, "expected a tag decision {decision: tags, name, tags, why}", f"decisions[{i}]")
        name = expect(d, "name", str, file.name)
        tags = expect(d, "tags", list, file.name)
        out[normalise(name)] = {"name": name, "tags": sorted(str(t) for t in tags), "why": str(d.get("why") or ""),
                                "id": str(d.get("id") or "")}
    return out


def _curate(tags: list[Tag], decision: dict | None) -> list[Tag]:
    """Apply a curator's decision: drop the tags it does not list, add the ones the rules missed."""
    if decision is None:
        return tags
    wanted = set(decision["tags"])
    kept = [t for t in tags if t.tag in wanted]
    have = {t.tag for t in kept}
    return kept + [Tag(t, None, f"curated: {decision['why']}") for t in sorted(wanted - have)]
