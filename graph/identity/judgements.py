"""Curated identity decisions (nomenklatura style): read them, record new ones atomically, undo them.

data/judgements.yaml holds hand-written sections (`persons`, `same`, `different`, `aliases`). Decisions recorded
from the Curation view or the command line go to a file of their own, data/recorded/judgements.yaml, emitted
whole by yaml.safe_dump and swapped in with a temp file + os.replace: the hand-written file (and its
comments) is never rewritten, no text a curator types can break either file, and a crash never leaves half
a file.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "judgements.yaml"
>>> _ = p.write_text("# hand-written\\nsame: []\\n", encoding="utf-8")
>>> d = record_decision("different", "Karen Human Rights Group", "Karenni Human Rights Group", "ethnic groups", path=p)
>>> load_judgements(p).different
(('karen human rights group', 'karenni human rights group', 'ethnic groups'),)
>>> undo_decision(path=p)["id"] == d["id"]
True
>>> load_judgements(p).different
()
>>> p.read_text(encoding="utf-8").splitlines()  # the hand-written file is never rewritten
['# hand-written', 'same: []']
>>> d = record_decision("same", "A # <<< recorded decisions <<<", "B: [x]", "why: # <<< ---", path=p)
>>> recorded_decisions(p)[0]["a"], load_judgements(p).same[0][2]
('A # <<< recorded decisions <<<', 'why: # <<< ---')
"""
from __future__ import annotations

import hashlib
import os
import tempfile
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import yaml

from graph.curated import CuratedError, _read, expect, read_yaml
from graph.identity.names import normalise
from graph.paths import curated_path

FILE = "judgements.yaml"
RECORDED_DIR = "recorded"
HEADER = ("# Decisions recorded by the Curation view and `python -m graph orgs --same/--different/--undo`.\n"
          "# Written whole by graph.identity.judgements with a YAML emitter; edit entries with care.\n")
KINDS = ("same", "different")


@dataclass(frozen=True)
class PersonJudgement:
    name: str
    organization: str
    role: str | None = None
    why: str = ""


@dataclass(frozen=True)
class Judgements:
    """Decisions keyed by normalised names. `same`/`different` hold (key a, key b, why), a < b."""

    same: tuple[tuple[str, str, str], ...] = ()
    different: tuple[tuple[str, str, str], ...] = ()
    aliases: dict[str, str] = field(default_factory=dict)  # alias key -> canonical key
    alias_names: dict[str, str] = field(default_factory=dict)  # canonical key -> canonical printed name
    persons: tuple[PersonJudgement, ...] = ()

    def person_org(self, person: str) -> PersonJudgement | None:
        key = _person_key(person)
        return next((p for p in self.persons if _person_key(p.name) == key), None)


def _person_key(name: str) -> str:
    """People's names are printed with and without accents ('Agnès' / 'Agnes')."""
    s = unicodedata.normalize("NFKD", normalise(name))
    return "".join(c for c in s if not unicodedata.combining(c))


def _pair(a: str, b: str, why: str) -> tuple[str, str, str]:
    ka, kb = normalise(a), normalise(b)
    return (min(ka, kb), max(ka, kb), why)


def _pairs(data: dict, key: str, file: str) -> list[tuple[str, str, str]]:
    out = []
    for i, entry in enumerate(expect(data, key, list, file, default=[])):
        where = f"{key}[{i}]"
        if isinstance(entry, dict):
            a, b = expect(entry, "a", str, file), expect(entry, "b", str, file)
            why = str(entry.get("why") or "")
        elif isinstance(entry, list) and len(entry) == 2 and all(isinstance(x, str) for x in entry):
            (a, b), why = entry, ""
        else:
            raise CuratedError(file, "expected {a, b, why} or a pair of names", where)
        if not normalise(a) or not normalise(b) or normalise(a) == normalise(b):
            raise CuratedError(file, f"a pair needs two different names, got {a!r} / {b!r}", where)
        out.append(_pair(a, b, why))
    return out


def load_judgements(path: str | Path | None = None) -> Judgements:
    """Read data/judgements.yaml (or `path`); recorded decisions are added to the hand-written ones."""
    file = Path(path) if path else curated_path(FILE)
    data = read_yaml(file) or {}
    if not isinstance(data, dict):
        raise CuratedError(file.name, "expected a mapping at the top level")
    same, different = _pairs(data, "same", file.name), _pairs(data, "different", file.name)
    # `decisions` in the hand-written file: where older versions recorded them
    for i, d in enumerate([*expect(data, "decisions", list, file.name, default=[]), *recorded_decisions(file)]):
        kind = expect(d, "decision", str, file.name)
        if kind not in KINDS:
            raise CuratedError(file.name, f"decision must be one of {KINDS}, got {kind!r}", f"decisions[{i}]")
        (same if kind == "same" else different).append(_pair(expect(d, "a", str, file.name),
                                                               expect(d, "b", str, file.name), str(d.get("why") or "")))
    aliases: dict[str, str] = {}
    alias_names: dict[str, str] = {}
    for canon, others in (expect(data, "aliases", dict, file.name, default={}) or {}).items():
        if not isinstance(others, list):
            raise CuratedError(file.name, "expected a list of names", f"aliases.{canon}")
        ck = normalise(str(canon))
        alias_names[ck] = str(canon)
        for o in others:
            ok = normalise(str(o))
            if ok in aliases and aliases[ok] != ck:
                raise CuratedError(file.name, f"alias {o!r} points to two organizations", f"aliases.{canon}")
            if ok != ck:
                aliases[ok] = ck
    persons = []
    for i, p in enumerate(expect(data, "persons", list, file.name, default=[])):
        persons.append(PersonJudgement(expect(p, "name", str, file.name), expect(p, "organization", str, file.name),
                                       p.get("role"), str(p.get("why") or "")))
    return Judgements(tuple(sorted(set(same))), tuple(sorted(set(different))), aliases, alias_names, tuple(persons))


# ---- writing -------------------------------------------------------------------------------------------------

def decisions_file(curated: str | Path) -> Path:
    """Where decisions about `curated` (data/X.yaml) are recorded: data/recorded/X.yaml, a file of their own
    that only a YAML emitter writes. (Splicing them into the hand-written file let a "why" containing the
    block's end marker break it for everyone.) Extraction never reads it: see letterstore.reader_version."""
    path = Path(curated)
    return path.parent / RECORDED_DIR / path.name


def recorded_decisions(path: str | Path | None = None) -> list[dict]:
    """Decisions recorded for the curated file `path` (default data/judgements.yaml), oldest first."""
    file = decisions_file(Path(path) if path else curated_path(FILE))
    if not file.is_file():
        return []
    data = read_yaml(file) or {}
    if not isinstance(data, dict):
        raise CuratedError(file.name, "expected a mapping with a `decisions` list")
    out = expect(data, "decisions", list, file.name, default=[])
    for i, d in enumerate(out):
        if not isinstance(d, dict):
            raise CuratedError(file.name, "expected a mapping", f"decisions[{i}]")
    return list(out)


def write_decisions(path: str | Path, decisions: list[dict]) -> None:
    """Replace the decisions recorded for the curated file `path`: the whole file is emitted by
    yaml.safe_dump (any text in a name or a why is quoted as needed) and swapped in atomically."""
    file = decisions_file(path)
    file.parent.mkdir(parents=True, exist_ok=True)
    text = HEADER + yaml.safe_dump({"decisions": decisions}, allow_unicode=True, sort_keys=False, width=120)
    fd, tmp = tempfile.mkstemp(prefix=".decisions-", suffix=".part", dir=str(file.parent))
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, file)
        _read.cache_clear()  # read_yaml caches by mtime, which can tick slower than two quick writes
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def check_storable(*texts: str) -> None:
    """ValueError for text a UTF-8 file cannot hold (a lone surrogate, from a broken sidecar name)."""
    for t in texts:
        try:
            t.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError(f"{t.encode('utf-8', 'backslashreplace').decode()!r} holds a character that cannot "
                             "be stored (a lone surrogate): fix the letter's name first") from None


def record_decision(kind: str, a: str, b: str, why: str, path: str | Path | None = None) -> dict:
    """Record a same/different decision; returns the entry (with its id)."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}")
    if not why.strip():
        raise ValueError("every decision says why")
    if not normalise(a) or not normalise(b) or normalise(a) == normalise(b):
        raise ValueError("a decision needs two different names")
    check_storable(a, b, why)
    file = Path(path) if path else curated_path(FILE)
    decisions = recorded_decisions(file)
    when = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    did = hashlib.sha1(f"{kind}|{a}|{b}|{when}|{len(decisions)}".encode()).hexdigest()[:10]
    entry = {"id": did, "decision": kind, "a": a, "b": b, "why": why, "when": when}
    write_decisions(file, [*decisions, entry])
    return entry


def undo_decision(decision_id: str | None = None, path: str | Path | None = None) -> dict | None:
    """Remove a recorded decision (the last one, or the one with `decision_id`); returns it, or None."""
    file = Path(path) if path else curated_path(FILE)
    decisions = recorded_decisions(file)
    if not decisions:
        return None
    idx = len(decisions) - 1 if decision_id is None else next(
        (i for i, d in enumerate(decisions) if str(d.get("id")) == decision_id), None)
    if idx is None:
        return None
    removed = decisions.pop(idx)
    write_decisions(file, decisions)
    return removed
