"""Loading and checking the tag rules (data/coalitions.yaml) and the gazetteer (data/gazetteer.yaml).

A tag's `when` lists alternatives; the first whose `if` conditions all hold and whose `unless` conditions
all fail assigns the tag. A tag with no `when` is assigned by its `keywords` unless an `exclude` phrase is
there too, so a tag added to the file with keywords is assigned with no code change. Conditions name
evidence about an organization (graph/tagging/rules.py reads them):

- a phrase list of the tag itself (`keywords`, `strong`, ...) or of another tag (`diaspora.identity`);
- `myanmar`, `people`, `place`: gazetteer words (a Myanmar word; a people, valued by nationality; a foreign
  place in the name, printed beside it, or the heading of its list, valued by country); `place_last`: a
  foreign place that ends the name ("... Sydney", "... Kyushu Japan": where this group of a community is);
- `letter.<list>`: a phrase of a list (`myanmar`, or a tag's) in what its letters say (titles, asks);
- `tag.<name>`: a tag decided before (tags are decided after the tags their conditions name);
- a name from `groups`: any of its conditions.

>>> rules = load_rules()
>>> [c for r in rules.tags["diaspora"]["when"] for c in r.all][:2]
['place', 'myanmar_identity']
>>> load_gazetteer().ethnic["kayin"]
'Karen'
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from graph.curated import CuratedError, expect, read_yaml
from graph.identity.names import acronym_key, normalise
from graph.paths import curated_path

COALITIONS, GAZETTEER = "coalitions.yaml", "gazetteer.yaml"
EVIDENCE = ("myanmar", "people", "place", "place_last")  # what the gazetteer and the printed context tell
VALUED = ("people", "place", "place_last")  # evidence that carries a value (nationality, country)
# Keys a tag entry may carry besides its phrase lists; `colour` is the UI's.
TAG_KEYS = frozenset({"description", "when", "inherit", "also_when_known", "split_by_value", "review", "colour"})


@dataclass(frozen=True)
class Rule:
    all: tuple[str, ...]  # conditions that must hold
    unless: tuple[str, ...] = ()  # conditions that must not
    value_from: str | None = None  # evidence whose value the tag takes ("place", "people")
    value: str | None = None  # or a fixed value ("multi-ethnic")


@dataclass(frozen=True, eq=False)  # identity: the loaders cache one per file version
class Gazetteer:
    foreign: dict[str, str]  # normalised phrase -> country
    foreign_cs: dict[str, str]  # printed token (case-sensitive) -> country
    myanmar: frozenset[str]  # Myanmar words (from the file: myanmar.names)
    myanmar_places: frozenset[str]
    ethnic: dict[str, str]  # phrase -> nationality
    not_ethnic_with: dict[str, frozenset[str]]  # nationality -> words after which its phrases mean another people
    ambiguous_ethnic: frozenset[str]  # people words that need a Myanmar context (also ordinary words elsewhere)
    qualifiers: frozenset[str]
    home: str  # the country of `myanmar` (its places say an organization is there)

    def distinguishing_tokens(self) -> frozenset[str]:
        """Single words the resolver never merges across (places, peoples, qualifiers)."""
        phrases = [*self.foreign, *self.myanmar_places, *self.ethnic, *self.qualifiers]
        return frozenset(w for p in phrases for w in p.split() if len(w) > 1) | {k.lower() for k in self.foreign_cs}


@dataclass(frozen=True, eq=False)
class Rules:
    tags: dict[str, dict]  # tag -> spec: phrase lists normalised, `when` as Rules, flags
    known: tuple[dict, ...]
    groups: dict[str, tuple[str, ...]]  # group name -> conditions, any of which holds
    order: tuple[str, ...]  # tags in the order they are decided


def _phrases(values: Any, file: str, key: str) -> list[str]:
    if not isinstance(values, list) or not all(isinstance(v, (str, int)) for v in values):
        raise CuratedError(file, "expected a list of words or phrases", key)
    return [normalise(str(v)) for v in values if normalise(str(v))]


def mtime(name: str) -> str:
    """Path and modification time of a curated file: the cache key of what is built from it."""
    p = str(curated_path(name))
    try:  # one stat: this runs for every organization tagged
        return f"{p}:{os.stat(p).st_mtime_ns}"
    except (FileNotFoundError, NotADirectoryError):
        return f"{p}:0"


@lru_cache(maxsize=4)
def _gazetteer(_token: str) -> Gazetteer:
    g = GAZETTEER
    data = read_yaml(g)
    foreign, foreign_cs = {}, {}
    for country, spec in expect(data, "countries", dict, g).items():
        for k in ("names", "places"):
            at = f"countries.{country}"
            for p in _phrases(expect(spec, k, list, g, default=[], at=at), g, f"{at}.{k}"):
                foreign[p] = country
        for t in expect(spec, "case_sensitive", list, g, default=[], at=f"countries.{country}"):
            foreign_cs[str(t)] = country
    mm = expect(data, "myanmar", dict, g)
    ethnic = {p: nat for nat, words in expect(data, "ethnic", dict, g).items()
              for p in _phrases(words, g, f"ethnic.{nat}")}
    not_with = {}
    for nat, words in expect(data, "not_ethnic_with", dict, g, default={}).items():
        if nat not in expect(data, "ethnic", dict, g):
            raise CuratedError(g, f"{nat!r} is no people of `ethnic`", f"not_ethnic_with.{nat}")
        not_with[nat] = frozenset(_phrases(words, g, f"not_ethnic_with.{nat}"))
    ambiguous = frozenset(_phrases(expect(data, "ambiguous_ethnic", list, g, default=[]), g, "ambiguous_ethnic"))
    if stray := sorted(ambiguous - set(ethnic)):
        raise CuratedError(g, f"{stray} are no words of `ethnic`", "ambiguous_ethnic")
    names = _phrases(expect(mm, "names", list, g, at="myanmar"), g, "myanmar.names")
    places = _phrases(expect(mm, "places", list, g, at="myanmar"), g, "myanmar.places")
    return Gazetteer(foreign, foreign_cs, frozenset(names), frozenset(places), ethnic, not_with, ambiguous,
                     frozenset(_phrases(expect(data, "qualifiers", list, g), g, "qualifiers")),
                     expect(mm, "country", str, g, at="myanmar"))


def load_gazetteer() -> Gazetteer:
    return _gazetteer(mtime(GAZETTEER))


def _rule(r: Any, tag: str, i: int | str) -> Rule:
    key, f = (f"tags.{tag}.when[{i}]" if isinstance(i, int) else f"tags.{tag}.{i}"), COALITIONS
    if not isinstance(r, dict) or set(r) - {"if", "unless", "value_from", "value"}:
        raise CuratedError(f, "expected a mapping with if, unless, value_from or value", key)
    cond = expect(r, "if", list, f, at=key)
    unless = expect(r, "unless", list, f, default=[], at=key)
    if not cond or not all(isinstance(c, str) for c in cond + unless):
        raise CuratedError(f, "expected lists of condition names", key)
    vf = expect(r, "value_from", str, f, default=None, at=key)
    if vf is not None and vf not in VALUED:
        raise CuratedError(f, f"value_from must be one of {list(VALUED)}", key)
    return Rule(tuple(cond), tuple(unless), vf, expect(r, "value", str, f, default=None, at=key))


def _check_condition(c: str, tag: str, tags: dict[str, dict], groups: dict, key: str) -> None:
    c = c.removeprefix("letter.")
    owner, _, lst = c.rpartition(".")
    ok = (c in EVIDENCE or c in groups or isinstance(tags[tag].get(c), list)
          or (owner == "tag" and lst in tags) or (owner in tags and isinstance(tags[owner].get(lst), list)))
    if not ok:
        raise CuratedError(COALITIONS, f"unknown condition {c!r}", key)


def _order(tags: dict[str, dict], groups: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """File order, except that a tag comes after the tags its conditions name (`tag.x`)."""
    def needs(t: str) -> set[str]:
        conds = [c for r in tags[t]["when"] for c in (*r.all, *r.unless)]
        conds += [x for c in conds for x in groups.get(c, ())]
        return {c[4:] for c in conds if c.startswith("tag.")}

    out: list[str] = []

    def visit(t: str, path: tuple[str, ...]) -> None:
        if t in out:
            return
        if t in path:
            raise CuratedError(COALITIONS, f"tags decide each other in a circle: {' -> '.join(path + (t,))}",
                               f"tags.{t}.when")
        for d in sorted(needs(t), key=list(tags).index):
            visit(d, path + (t,))
        out.append(t)

    for t in tags:
        visit(t, ())
    return tuple(out)


@lru_cache(maxsize=4)
def _rules(_token: str) -> Rules:
    f = COALITIONS
    data = read_yaml(f)
    groups = {str(k): tuple(v) for k, v in expect(data, "groups", dict, f, default={}).items()}
    tags: dict[str, dict] = {}
    for tag, spec in expect(data, "tags", dict, f).items():
        expect({tag: spec}, tag, dict, f)
        at = f"tags.{tag}"
        out: dict[str, Any] = {"description": expect(spec, "description", str, f, at=at)}
        for k in ("inherit", "also_when_known", "split_by_value"):
            out[k] = expect(spec, k, bool, f, default=False, at=at)
        for k, v in spec.items():
            if k not in TAG_KEYS:
                out[k] = _phrases(v, f, f"tags.{tag}.{k}")
        when = expect(spec, "when", list, f, default=None, at=at)
        out["when"] = (tuple(_rule(r, tag, i) for i, r in enumerate(when)) if when is not None
                       else (Rule(("keywords",), ("exclude",) if "exclude" in out else ()),))
        review = expect(spec, "review", dict, f, default=None, at=at)
        out["review"] = None if review is None else _rule(review, tag, "review")
        tags[str(tag)] = out
    for name, conds in groups.items():
        for c in conds:
            if c not in EVIDENCE and c.partition(".")[0] not in tags:
                raise CuratedError(f, f"unknown condition {c!r}", f"groups.{name}")
    for tag, spec in tags.items():
        for i, r in enumerate(spec["when"]):
            for c in (*r.all, *r.unless):
                _check_condition(c, tag, tags, groups, f"tags.{tag}.when[{i}]")
        for c in (*spec["review"].all, *spec["review"].unless) if spec["review"] else ():
            _check_condition(c, tag, tags, groups, f"tags.{tag}.review")
    known = []
    for i, k in enumerate(expect(data, "known", list, f, default=[])):
        name = expect(k, "name", str, f, at=f"known[{i}]")
        kt = expect(k, "tags", list, f, at=f"known[{i}]")
        if bad := [t for t in kt if t not in tags]:
            raise CuratedError(f, f"unknown tag(s) {bad}", f"known[{i}]")
        known.append({"key": normalise(name), "acronym": acronym_key(k.get("acronym")), "tags": tuple(kt),
                      "why": expect(k, "why", str, f, at=f"known[{i}]"), "name": name})
    return Rules(tags, tuple(known), groups, _order(tags, groups))


def load_rules() -> Rules:
    return _rules(mtime(COALITIONS))


def tag_names() -> tuple[str, ...]:
    return tuple(load_rules().tags)
