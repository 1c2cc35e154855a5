"""Curated identity decisions (nomenklatura style): read them, record new ones atomically, undo them.

data/judgements.yaml holds hand-written sections (`persons`, `same`, `different`, `aliases`) and, at the end,
a managed block of decisions recorded from the command line. Recording never rewrites the hand-written
sections (their comments survive): only the text between the two markers is replaced, and the file is
swapped in with a temp file + os.replace, so a crash never leaves half a file.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "judgements.yaml"
>>> _ = p.write_text("# hand-written\\nsame: []\\n", encoding="utf-8")
>>> d = record_decision("different", "Karen Human Rights Group", "Karenni Human Rights Group", "ethnic groups", path=p)
>>> load_judgements(p).is_different("karen human rights group", "karenni human rights group")
True
>>> undo_decision(path=p)["id"] == d["id"]
True
>>> load_judgements(p).different
()
>>> p.read_text(encoding="utf-8").startswith("# hand-written")
True
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

from .curated import CuratedError, _read, expect, read_yaml
from .names import normalise
from .paths import curated_path

FILE = "judgements.yaml"
BEGIN = "# >>> recorded decisions (managed by graph.judgements: edit entries freely, keep these two markers) >>>"
END = "# <<< recorded decisions <<<"
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

    def is_different(self, a: str, b: str) -> bool:
        return (min(a, b), max(a, b)) in {(x, y) for x, y, _ in self.different}

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
    for i, d in enumerate(expect(data, "decisions", list, file.name, default=[])):
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

def _split_block(text: str) -> tuple[str, list[dict], str]:
    """(text before the managed block, its decisions, text after)."""
    if BEGIN not in text:
        return text, [], ""
    head, rest = text.split(BEGIN, 1)
    body, _, tail = rest.partition(END)
    parsed = yaml.safe_load(body) or {}
    return head, list(parsed.get("decisions") or []), tail


def _write(path: Path, head: str, decisions: list[dict], tail: str) -> None:
    block = ""
    if decisions:
        body = yaml.safe_dump({"decisions": decisions}, allow_unicode=True, sort_keys=False, width=120)
        block = f"{BEGIN}\n{body}{END}\n"
    if head and not head.endswith("\n"):
        head += "\n"
    text = head + block + tail.lstrip("\n")
    fd, tmp = tempfile.mkstemp(prefix=".judgements-", suffix=".yaml", dir=str(path.parent))
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
        _read.cache_clear()  # read_yaml caches by mtime, which can tick slower than two quick writes
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def record_decision(kind: str, a: str, b: str, why: str, path: str | Path | None = None) -> dict:
    """Append a same/different decision to the managed block; returns the entry (with its id)."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}")
    if not why.strip():
        raise ValueError("every decision says why")
    if not normalise(a) or not normalise(b) or normalise(a) == normalise(b):
        raise ValueError("a decision needs two different names")
    file = Path(path) if path else curated_path(FILE)
    text = file.read_text(encoding="utf-8") if file.exists() else ""
    head, decisions, tail = _split_block(text)
    when = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    did = hashlib.sha1(f"{kind}|{a}|{b}|{when}|{len(decisions)}".encode()).hexdigest()[:10]
    entry = {"id": did, "decision": kind, "a": a, "b": b, "why": why, "when": when}
    _write(file, head, [*decisions, entry], tail)
    return entry


def undo_decision(decision_id: str | None = None, path: str | Path | None = None) -> dict | None:
    """Remove a recorded decision (the last one, or the one with `decision_id`); returns it, or None."""
    file = Path(path) if path else curated_path(FILE)
    if not file.exists():
        return None
    head, decisions, tail = _split_block(file.read_text(encoding="utf-8"))
    if not decisions:
        return None
    idx = len(decisions) - 1 if decision_id is None else next(
        (i for i, d in enumerate(decisions) if str(d.get("id")) == decision_id), None)
    if idx is None:
        return None
    removed = decisions.pop(idx)
    _write(file, head, decisions, tail)
    return removed


def recorded_decisions(path: str | Path | None = None) -> list[dict]:
    file = Path(path) if path else curated_path(FILE)
    return _split_block(file.read_text(encoding="utf-8"))[1] if file.exists() else []
