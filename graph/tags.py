"""Coalition tags from general rules: words of a name, a gazetteer of places and peoples, a few known facts.

Rules and tag names live in data/coalitions.yaml, places and peoples in data/gazetteer.yaml. Every Tag
carries its reason, and members of an umbrella inherit the tags marked `inherit` (a strike force's members
resist; a women's alliance's members are women's groups).

>>> from graph.records import Organization
>>> def tags(name):
...     (o,) = tag_organizations([Organization(slug(name), name)], [])
...     return sorted((t.tag, t.value or "") for t in o.tags)
>>> tags("Chin Community of Japan")
[('diaspora', 'Japan'), ('ethnic', 'Chin')]
>>> tags("Arakan Rohingya National Union")
[('rohingya', '')]
>>> tags("Mandalay Women Strike")
[('grassroots_resistance', ''), ('women', '')]
>>> tags("U.S. Campaign for Burma")
[('solidarity', '')]
"""
from __future__ import annotations

import os
import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from .curated import CuratedError, expect, read_yaml
from .names import acronym_key, camel_split, compact, normalise, slug, split_acronym
from .paths import curated_path
from .records import Letter, Organization, Tag
from .memory import paused_gc

COALITIONS, GAZETTEER = "coalitions.yaml", "gazetteer.yaml"


@dataclass(frozen=True)
class Gazetteer:
    foreign: dict[str, str]  # normalised phrase -> country
    foreign_cs: dict[str, str]  # printed token (case-sensitive) -> country
    myanmar: frozenset[str]  # Myanmar words (myanmar, burma, ...)
    myanmar_places: frozenset[str]
    ethnic: dict[str, str]  # phrase -> nationality
    not_ethnic_with: frozenset[str]
    qualifiers: frozenset[str]

    def distinguishing_tokens(self) -> frozenset[str]:
        """Single words the resolver never merges across (places, peoples, qualifiers)."""
        phrases = [*self.foreign, *self.myanmar_places, *self.ethnic, *self.qualifiers]
        return frozenset(w for p in phrases for w in p.split() if len(w) > 1) | {k.lower() for k in self.foreign_cs}


def _phrases(values, file: str, key: str) -> list[str]:
    if not isinstance(values, list):
        raise CuratedError(file, "expected a list", key)
    return [normalise(str(v)) for v in values if normalise(str(v))]


@lru_cache(maxsize=4)
def _gazetteer(_token: str) -> Gazetteer:
    data = read_yaml(GAZETTEER)
    foreign, foreign_cs = {}, {}
    for country, spec in expect(data, "countries", dict, GAZETTEER).items():
        for k in ("names", "places"):
            for p in _phrases(expect(spec, k, list, GAZETTEER, default=[]), GAZETTEER, f"countries.{country}.{k}"):
                foreign[p] = country
        for t in expect(spec, "case_sensitive", list, GAZETTEER, default=[]):
            foreign_cs[str(t)] = country
    mm = expect(data, "myanmar", dict, GAZETTEER)
    ethnic = {}
    for nat, words in expect(data, "ethnic", dict, GAZETTEER).items():
        for p in _phrases(words, GAZETTEER, f"ethnic.{nat}"):
            ethnic[p] = nat
    return Gazetteer(foreign, foreign_cs, frozenset(_phrases(mm.get("names"), GAZETTEER, "myanmar.names")),
                     frozenset(_phrases(mm.get("places"), GAZETTEER, "myanmar.places")), ethnic,
                     frozenset(_phrases(data.get("not_ethnic_with") or [], GAZETTEER, "not_ethnic_with")),
                     frozenset(_phrases(expect(data, "qualifiers", list, GAZETTEER), GAZETTEER, "qualifiers")))


def load_gazetteer() -> Gazetteer:
    return _gazetteer(_mtime(GAZETTEER))


def _mtime(name: str) -> str:
    from .paths import curated_path

    p = str(curated_path(name))
    try:  # one stat, not exists() + stat(): this runs for every organization tagged
        return f"{p}:{os.stat(p).st_mtime_ns}"
    except (FileNotFoundError, NotADirectoryError):
        return f"{p}:0"


@dataclass(frozen=True)
class Rules:
    tags: dict[str, dict]  # tag -> spec with phrase lists normalised
    known: tuple[dict, ...]


@lru_cache(maxsize=4)
def _rules(_token: str) -> Rules:
    data = read_yaml(COALITIONS)
    tags = {}
    for tag, spec in expect(data, "tags", dict, COALITIONS).items():
        expect(spec, "description", str, COALITIONS)
        out = {"description": spec["description"], "inherit": bool(spec.get("inherit"))}
        for k in ("keywords", "exclude", "identity", "community", "strong", "abroad"):
            out[k] = _phrases(spec.get(k) or [], COALITIONS, f"tags.{tag}.{k}")
        tags[tag] = out
    known = []
    for i, k in enumerate(expect(data, "known", list, COALITIONS, default=[])):
        name = expect(k, "name", str, COALITIONS)
        kt = expect(k, "tags", list, COALITIONS)
        bad = [t for t in kt if t not in tags]
        if bad:
            raise CuratedError(COALITIONS, f"unknown tag(s) {bad}", f"known[{i}]")
        known.append({"key": normalise(name), "acronym": acronym_key(k.get("acronym")), "tags": tuple(kt),
                      "why": str(expect(k, "why", str, COALITIONS)), "name": name})
    return Rules(tags, tuple(known))


def load_rules() -> Rules:
    return _rules(_mtime(COALITIONS))


def tag_names() -> tuple[str, ...]:
    return tuple(load_rules().tags)


_GRAM_WORDS = 12  # runs of up to this many words are indexed; a longer phrase is looked up by substring


@lru_cache(maxsize=1024)
def _grams(texts: tuple[str, ...]) -> tuple[frozenset[str], bool]:
    """Every run of up to _GRAM_WORDS consecutive words of the texts, so that a whole-word search
    (' p ' in ' t ') is one set look-up per phrase instead of a scan of every text; and whether that is
    all of them (no text is longer), so that a miss is final."""
    out: set[str] = set()
    complete = True
    for t in texts:
        w = t.split(" ")
        complete = complete and len(w) <= _GRAM_WORDS
        for i in range(len(w)):
            for j in range(i + 1, min(len(w), i + _GRAM_WORDS) + 1):
                out.add(" ".join(w[i:j]))
    return frozenset(out), complete


_INDEX: dict[tuple[int, int], "_Index"] = {}


class _Index:
    """What tag_organizations looks up for every organization, derived once per (rules, gazetteer) pair:
    every phrase any rule searches for (so a name with none of them is done with in one set operation),
    each phrase list as a set, the gazetteer's sets in the sorted order the rules read them, and the known
    facts by normal form and by acronym."""

    def __init__(self, rules: Rules, gz: Gazetteer):
        self.rules, self.gz = rules, gz
        lists = [v for spec in rules.tags.values() for v in spec.values() if isinstance(v, list)]
        self.sets = {id(v): frozenset(v) for v in lists}
        self.myanmar = tuple(sorted(gz.myanmar))
        self.not_ethnic_with = tuple(sorted(gz.not_ethnic_with))
        self.myanmar_places = tuple(sorted(gz.myanmar_places))
        for v in (self.myanmar, self.not_ethnic_with):
            self.sets[id(v)] = frozenset(v)
        # every phrase _tags_for looks for, and the first words and the longest length of those phrases
        self.phrases = frozenset().union(*self.sets.values(), gz.ethnic)
        lists_of: dict[str, list[int]] = {}  # phrase -> the lists (by id) that hold it
        for i, v in self.sets.items():
            for p in v:
                lists_of.setdefault(p, []).append(i)
        self.lists_of = {p: tuple(ids) for p, ids in lists_of.items()}
        self.firsts = frozenset(p.split(" ")[0] for p in self.phrases)
        self.width = max((p.count(" ") + 1 for p in self.phrases), default=0)
        self.places = frozenset(gz.myanmar_places)
        self.place_firsts = frozenset(p.split(" ")[0] for p in self.places)
        self.place_width = max((p.count(" ") + 1 for p in self.places), default=0)
        self.by_key: dict[str, int] = {}
        self.by_acronym: dict[str, int] = {}
        for i, k in enumerate(rules.known):
            self.by_key.setdefault(k["key"], i)
            if k["acronym"]:
                self.by_acronym.setdefault(k["acronym"], i)


def _hits(texts: Sequence[str], phrases: frozenset[str], firsts: frozenset[str], width: int) -> set[str]:
    """The `phrases` found as whole words in the texts (= _grams(texts)[0] & phrases when every text has at
    most _GRAM_WORDS words), looking only at word runs that start with a phrase's first word."""
    out = set()
    for t in texts:
        w = t.split(" ")
        if firsts.isdisjoint(w):
            continue
        for i, x in enumerate(w):
            if x in firsts:
                for j in range(i + 1, min(len(w), i + width) + 1):
                    g = " ".join(w[i:j])
                    if g in phrases:
                        out.add(g)
    return out


def _index(rules: Rules, gz: Gazetteer) -> _Index:
    hit = _INDEX.get((id(rules), id(gz)))
    if hit is None or hit.rules is not rules or hit.gz is not gz:
        if len(_INDEX) > 8:
            _INDEX.clear()
        hit = _INDEX[(id(rules), id(gz))] = _Index(rules, gz)
    return hit


def _find(texts: Sequence[str], phrases: Iterable[str]) -> str | None:
    """First phrase found as whole words in any of the normalised texts."""
    texts = tuple(texts)
    grams, complete = _grams(texts)
    for p in phrases:
        if p in grams:
            return p
        if not complete and p.count(" ") >= _GRAM_WORDS and any(f" {p} " in f" {t} " for t in texts):
            return p
    return None


_FOREIGN_INDEX: dict[int, tuple] = {}


def _foreign_index(gz: Gazetteer) -> tuple:
    """(gazetteer, phrase -> (rank, country), longest phrase in words, case-sensitive tokens with their
    compiled patterns), built once per gazetteer: 10,000 names would otherwise recompile and rescan."""
    hit = _FOREIGN_INDEX.get(id(gz))
    if hit is None or hit[0] is not gz:
        if len(_FOREIGN_INDEX) > 8:
            _FOREIGN_INDEX.clear()
        order = {p: (i, c) for i, (p, c) in enumerate(gz.foreign.items())}
        width = max((p.count(" ") + 1 for p in gz.foreign), default=0)
        pats = tuple((tok, country, re.compile(rf"(?<![A-Za-z.]){re.escape(tok)}(?![A-Za-z])"))
                     for tok, country in gz.foreign_cs.items())
        firsts = frozenset(p.split(" ")[0] for p in gz.foreign)
        hit = _FOREIGN_INDEX[id(gz)] = (gz, order, width, pats, firsts)
    return hit


def _foreign(texts: Sequence[str], printed: Sequence[str], gz: Gazetteer) -> tuple[str, str] | None:
    """The foreign place named first (earliest in a text, then longest, then first in the gazetteer)."""
    _, order, width, pats, firsts = _foreign_index(gz)
    best = None
    for t in texts:
        w = t.split(" ")
        if firsts.isdisjoint(w):  # no place's first word: most names
            continue
        pos = 0  # where word i starts: the same position as f" {t} ".find(f" {phrase} ")
        for i in range(len(w)):
            for j in range(i + 1, min(len(w), i + width) + 1) if w[i] in firsts else ():
                phrase = " ".join(w[i:j])
                hit = order.get(phrase)
                if hit is not None and (best is None or (pos, -len(phrase), hit[0]) < best[0]):
                    best = ((pos, -len(phrase), hit[0]), phrase, hit[1])
            pos += len(w[i]) + 1
    if best:
        return best[1], best[2]
    joined = "\n".join(p for p in printed if p)
    for tok, country, pat in pats:
        if tok in joined and any(pat.search(p) for p in printed):
            return tok, country
    return None


def tags_for_names(names: Sequence[str], acronyms: Sequence[str] = (), countries: Sequence[str] = ()) -> list[Tag]:
    """Tags that the words of an organization's names support (no umbrella, no known facts)."""
    rules, gz = load_rules(), load_gazetteer()
    return _tags_for(names, acronyms, countries, gz, rules.tags, _index(rules, gz))


def _tags_for(names: Sequence[str], acronyms: Sequence[str], countries: Sequence[str], gz: Gazetteer,
              rules: dict[str, dict], ix: _Index, seen: dict | None = None) -> list[Tag]:
    """tags_for_names with the curated data already loaded (tag_organizations loads it once, not per name).
    `seen`, if given, is told the foreign place of the names (key "foreign", as _foreign finds it in the
    names and acronyms) when CamelCase splitting added no text, so that _country need not look again."""
    # CamelCase names ("KnowUsMoreMyanmar", "ShizuYouth") are read word by word as well
    plain = {normalise(n) for n in names}
    split = {normalise(c) for n in names if (c := camel_split(n)) != n}
    texts = sorted((plain | split) - {""}, key=len)
    printed = [*names, *acronyms]
    all_texts = texts + [normalise(a) for a in acronyms if a]
    out: list[Tag] = []
    complete = all(t.count(" ") < _GRAM_WORDS for t in texts)  # else the word-run index is not enough
    # the phrases of any rule in the name: usually none or one or two
    hits = _hits(texts, ix.phrases, ix.firsts, ix.width) if complete else set()
    sets, lists_of = ix.sets, ix.lists_of
    present = {i for p in hits for i in lists_of.get(p, ())}  # the rule lists with a phrase in the name

    def find(phrases: Iterable[str]) -> str | None:  # _find(texts, phrases), with the word runs found once
        if id(phrases) in present:  # (complete, else nothing is present)
            return next(p for p in phrases if p in hits)
        if complete and id(phrases) in sets:  # the usual answer: a list of the rules with no phrase in the name
            return None
        return _find(texts, phrases)  # not a list of the rules, or a very long name

    def kw(tag: str) -> str | None:
        spec = rules.get(tag)
        if not spec:
            return None
        if complete:  # find() below, unrolled: most names have no keyword of most tags
            if id(spec["keywords"]) not in present or id(spec["exclude"]) in present:
                return None
            return next(p for p in spec["keywords"] if p in hits)
        hit = find(spec["keywords"])
        return hit if hit and not find(spec["exclude"]) else None

    mm = find(ix.myanmar)
    ethnic_hits = []
    # peoples named: hit order does not matter, the hits are sorted below
    for phrase in hits.intersection(gz.ethnic) if complete else [p for p in gz.ethnic if _find(texts, (p,))]:
        nat = gz.ethnic[phrase]
        if not (nat == "Rakhine" and find(ix.not_ethnic_with)):
            pos = min(f" {t} ".find(f" {phrase} ") for t in texts if f" {phrase} " in f" {t} ")
            ethnic_hits.append((pos, phrase, nat))  # the first people named in the name wins
    ethnic_hits.sort()
    if (hit := kw("rohingya")):
        out.append(Tag("rohingya", None, f"keyword {hit!r}"))
    if ethnic_hits:
        _, phrase, nat = ethnic_hits[0]
        out.append(Tag("ethnic", nat, f"gazetteer: {phrase!r} is {nat}"))
    elif (hit := kw("ethnic")):
        out.append(Tag("ethnic", "multi-ethnic", f"keyword {hit!r}"))
    for tag in ("grassroots_resistance", "women", "youth_students", "lgbtq", "professional", "faith", "media_research"):
        if (hit := kw(tag)):
            out.append(Tag(tag, None, f"keyword {hit!r}"))
    place = _foreign(all_texts, printed, gz)
    if seen is not None and split <= plain:
        seen["foreign"] = place
    if not place:
        country = next((c for c in countries if c and normalise(c) not in gz.myanmar), None)
        if country:
            place = (country, country)
    identity = mm or (ethnic_hits and ethnic_hits[0][1]) or find(rules["diaspora"]["identity"])
    sol = rules["solidarity"]
    if identity and not find(sol["exclude"]) and mm:
        marker = find(sol["strong"]) or (place and find(sol["keywords"]))
        if marker:
            out.append(Tag("solidarity", None, f"Myanmar word {mm!r} + solidarity marker {marker!r}"))
    intl = rules["international_ngo"]
    if not identity and (hit := find(intl["keywords"])):
        out.append(Tag("international_ngo", None, f"keyword {hit!r}, no Myanmar word"))
    blocked = {t.tag for t in out} & {"solidarity", "international_ngo"}
    if place and not blocked:
        if identity:
            out.append(Tag("diaspora", place[1], f"foreign place {place[0]!r} + Myanmar identity {identity!r}"))
        elif (hit := find(rules["diaspora"]["community"])):
            out.append(Tag("diaspora", place[1], f"foreign place {place[0]!r} + community word {hit!r}"))
    elif not blocked and identity and (hit := find(rules["diaspora"]["abroad"])):
        out.append(Tag("diaspora", None, f"keyword {hit!r} + Myanmar identity {identity!r}"))
    return out


def _known(org: Organization, rules: Rules | None = None, ix: _Index | None = None) -> dict | None:
    """The first known fact (data/coalitions.yaml `known`) naming the organization."""
    rules = rules or load_rules()
    ix = ix or _index(rules, load_gazetteer())
    keys = {normalise(org.name), *(normalise(a) for a in org.aliases)}
    first = min((ix.by_key[k] for k in keys if k in ix.by_key), default=None)
    # by name, or by acronym when the organization is printed only as that acronym (one of its acronyms)
    if not ix.by_acronym:
        return None if first is None else rules.known[first]
    name = org.name
    if name.isascii() and split_acronym(name)[1] is None:  # then acronym_key(name) is the normal form unspaced
        name_acr = compact(normalise(name))
    else:
        name_acr = acronym_key(name)
    i = ix.by_acronym.get(name_acr) if name_acr else None
    if i is not None and (first is None or i < first) and (
            name_acr in {acronym_key(a) for a in org.acronyms} or name_acr in {acronym_key(o) for o in keys}):
        first = i
    return None if first is None else rules.known[first]


_UNSEEN = object()


def _country(tags: Sequence[Tag], names: Sequence[str], gz: Gazetteer | None = None,
             ix: _Index | None = None, foreign=_UNSEEN) -> str | None:
    """`foreign`: _foreign of these names when the caller knows it already."""
    for t in tags:
        if t.tag == "diaspora" and t.value:
            return t.value
    gz = gz or load_gazetteer()
    texts = [normalise(n) for n in names]
    place = _foreign(texts, names, gz) if foreign is _UNSEEN else foreign
    if place:
        return place[1]
    if ix is None or ix.gz is not gz:
        return "Myanmar" if _find(texts, sorted(gz.myanmar_places)) else None
    if all(t.count(" ") < _GRAM_WORDS for t in texts) and not _hits(texts, ix.places, ix.place_firsts,
                                                                     ix.place_width):
        return None  # most names: no Myanmar place at all
    return "Myanmar" if _find(texts, ix.myanmar_places) else None


def record_tag(name: str, tags: Sequence[str], why: str, path: str | Path | None = None) -> dict:
    """Record a curator's decision: organization `name` carries exactly `tags` (tags the rules found and
    that are not listed are removed; listed ones the rules missed are added with `why` as reason).

    Stored in data/recorded/coalitions.yaml, written by graph.judgements' writer (a YAML emitter, atomic
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
    from .judgements import check_storable, recorded_decisions, write_decisions  # one writer for every decision

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
    from .judgements import undo_decision

    return undo_decision(decision_id, path=Path(path) if path else curated_path(COALITIONS))


def curated_tags(path: str | Path | None = None) -> dict[str, dict]:
    """Recorded tag decisions by normalised organization name (the last decision per name wins)."""
    from .judgements import recorded_decisions

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


@paused_gc()  # ~10^5 small records next to a heap of letters: collector passes cost a third
def tag_organizations(orgs: Sequence[Organization], letters: Sequence[Letter] = ()) -> tuple[Organization, ...]:
    """Fill tags, country and ethnicity on each organization (umbrella members inherit `inherit` tags)."""
    rules, gz = load_rules(), load_gazetteer()  # once: checking the files' dates per organization adds up
    ix = _index(rules, gz)
    curated = curated_tags()  # record_tag decisions win over rules and inheritance
    own: dict[str, list[Tag]] = {}
    foreign: list = []  # per organization: the foreign place its names print, when _tags_for found it
    for o in orgs:
        names = [o.name, *o.aliases]
        countries = sorted({m.country for m in o.mentions if m.country})
        k = _known(o, rules, ix)
        seen: dict = {}
        if k:
            found = [Tag(t, None, f"known: {k['why']}") for t in k["tags"]]
            # Known facts replace the rules for the tags they name; places and peoples still come from the name.
            found += [t for t in _tags_for(names, o.acronyms, countries, gz, rules.tags, ix, seen)
                      if t.tag in ("ethnic", "diaspora", "women", "youth_students", "lgbtq", "faith")
                      and t.tag not in k["tags"] and not ({"international_ngo", "solidarity"} & set(k["tags"])
                                                          and t.tag == "diaspora")]
        else:
            found = _tags_for(names, o.acronyms, countries, gz, rules.tags, ix, seen)
        foreign.append(seen.get("foreign", _UNSEEN))
        own[o.id] = _curate(found, curated.get(normalise(o.name)) if curated else None)
    by_id = {o.id: o for o in orgs}
    out = []
    for o, place in zip(orgs, foreign):
        tags = list(own[o.id])
        have = {t.tag for t in tags}
        for uid in o.member_of:
            for t in own.get(uid, ()):
                if rules.tags.get(t.tag, {}).get("inherit") and t.tag not in have:
                    tags.append(Tag(t.tag, t.value, f"member of {by_id[uid].name} ({t.reason})"))
                    have.add(t.tag)
        tags = _curate(tags, curated.get(normalise(o.name)) if curated else None)  # removed: not inherited back
        tags.sort(key=lambda t: t.tag)
        eth = next((t.value for t in tags if t.tag == "ethnic"), None)
        # the record with its other fields as they are (dataclasses.replace costs 4x as much per record)
        out.append(Organization(**{**vars(o), "tags": tuple(tags), "ethnicity": eth,
                                   "country": _country(tags, [o.name, *o.aliases, *o.acronyms], gz, ix, place)}))
    return tuple(out)


__all__ = ["Gazetteer", "load_gazetteer", "load_rules", "tag_names", "tags_for_names", "tag_organizations", "slug",
           "record_tag", "undo_tag", "curated_tags"]
