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

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable, Sequence

from .curated import CuratedError, expect, read_yaml
from .names import acronym_key, camel_split, normalise, slug
from .records import Letter, Organization, Tag

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

    p = curated_path(name)
    return f"{p}:{p.stat().st_mtime_ns if p.exists() else 0}"


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


def _find(texts: Sequence[str], phrases: Iterable[str]) -> str | None:
    """First phrase found as whole words in any of the normalised texts."""
    for p in phrases:
        needle = f" {p} "
        if any(needle in f" {t} " for t in texts):
            return p
    return None


def _foreign(texts: Sequence[str], printed: Sequence[str], gz: Gazetteer) -> tuple[str, str] | None:
    best = None
    for phrase, country in gz.foreign.items():
        needle = f" {phrase} "
        for t in texts:
            i = f" {t} ".find(needle)
            if i >= 0 and (best is None or (i, -len(phrase)) < best[0]):
                best = ((i, -len(phrase)), phrase, country)
    if best:
        return best[1], best[2]
    for tok, country in gz.foreign_cs.items():
        pat = re.compile(rf"(?<![A-Za-z.]){re.escape(tok)}(?![A-Za-z])")
        if any(pat.search(p) for p in printed):
            return tok, country
    return None


def tags_for_names(names: Sequence[str], acronyms: Sequence[str] = (), countries: Sequence[str] = ()) -> list[Tag]:
    """Tags that the words of an organization's names support (no umbrella, no known facts)."""
    gz, rules = load_gazetteer(), load_rules().tags
    # CamelCase names ("KnowUsMoreMyanmar", "ShizuYouth") are read word by word as well
    texts = sorted({normalise(x) for n in names for x in (n, camel_split(n)) if normalise(x)}, key=len)
    printed = [*names, *acronyms]
    all_texts = texts + [normalise(a) for a in acronyms if a]
    out: list[Tag] = []

    def kw(tag: str) -> str | None:
        spec = rules.get(tag)
        if not spec:
            return None
        hit = _find(texts, spec["keywords"])
        return hit if hit and not _find(texts, spec["exclude"]) else None

    mm = _find(texts, sorted(gz.myanmar))
    ethnic_hits = []
    for phrase, nat in gz.ethnic.items():
        if _find(texts, [phrase]) and not (nat == "Rakhine" and _find(texts, sorted(gz.not_ethnic_with))):
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
    if not place:
        country = next((c for c in countries if c and normalise(c) not in gz.myanmar), None)
        if country:
            place = (country, country)
    identity = mm or (ethnic_hits and ethnic_hits[0][1]) or _find(texts, rules["diaspora"]["identity"])
    sol = rules["solidarity"]
    if identity and not _find(texts, sol["exclude"]) and mm:
        marker = _find(texts, sol["strong"]) or (place and _find(texts, sol["keywords"]))
        if marker:
            out.append(Tag("solidarity", None, f"Myanmar word {mm!r} + solidarity marker {marker!r}"))
    intl = rules["international_ngo"]
    if not identity and (hit := _find(texts, intl["keywords"])):
        out.append(Tag("international_ngo", None, f"keyword {hit!r}, no Myanmar word"))
    blocked = {t.tag for t in out} & {"solidarity", "international_ngo"}
    if place and not blocked:
        if identity:
            out.append(Tag("diaspora", place[1], f"foreign place {place[0]!r} + Myanmar identity {identity!r}"))
        elif (hit := _find(texts, rules["diaspora"]["community"])):
            out.append(Tag("diaspora", place[1], f"foreign place {place[0]!r} + community word {hit!r}"))
    elif not blocked and identity and (hit := _find(texts, rules["diaspora"]["abroad"])):
        out.append(Tag("diaspora", None, f"keyword {hit!r} + Myanmar identity {identity!r}"))
    return out


def _known(org: Organization) -> dict | None:
    keys = {normalise(org.name), *(normalise(a) for a in org.aliases)}
    acr = {acronym_key(a) for a in org.acronyms}
    for k in load_rules().known:
        # by name, or by acronym when the organization is printed only as that acronym
        if k["key"] in keys or (k["acronym"] and k["acronym"] in acr | {acronym_key(o) for o in keys}
                                and acronym_key(org.name) == k["acronym"]):
            return k
    return None


def _country(tags: Sequence[Tag], names: Sequence[str]) -> str | None:
    for t in tags:
        if t.tag == "diaspora" and t.value:
            return t.value
    gz = load_gazetteer()
    texts = [normalise(n) for n in names]
    place = _foreign(texts, names, gz)
    if place:
        return place[1]
    if _find(texts, sorted(gz.myanmar_places)):
        return "Myanmar"
    return None


def tag_organizations(orgs: Sequence[Organization], letters: Sequence[Letter] = ()) -> tuple[Organization, ...]:
    """Fill tags, country and ethnicity on each organization (umbrella members inherit `inherit` tags)."""
    rules = load_rules()
    own: dict[str, list[Tag]] = {}
    for o in orgs:
        names = [o.name, *o.aliases]
        countries = sorted({m.country for m in o.mentions if m.country})
        k = _known(o)
        if k:
            found = [Tag(t, None, f"known: {k['why']}") for t in k["tags"]]
            # Known facts replace the rules for the tags they name; places and peoples still come from the name.
            found += [t for t in tags_for_names(names, o.acronyms, countries)
                      if t.tag in ("ethnic", "diaspora", "women", "youth_students", "lgbtq", "faith")
                      and t.tag not in k["tags"] and not ({"international_ngo", "solidarity"} & set(k["tags"])
                                                          and t.tag == "diaspora")]
        else:
            found = tags_for_names(names, o.acronyms, countries)
        own[o.id] = found
    by_id = {o.id: o for o in orgs}
    out = []
    for o in orgs:
        tags = list(own[o.id])
        have = {t.tag for t in tags}
        for uid in o.member_of:
            for t in own.get(uid, ()):
                if rules.tags.get(t.tag, {}).get("inherit") and t.tag not in have:
                    tags.append(Tag(t.tag, t.value, f"member of {by_id[uid].name} ({t.reason})"))
                    have.add(t.tag)
        tags.sort(key=lambda t: t.tag)
        eth = next((t.value for t in tags if t.tag == "ethnic"), None)
        out.append(replace(o, tags=tuple(tags), country=_country(tags, [o.name, *o.aliases, *o.acronyms]),
                           ethnicity=eth))
    return tuple(out)


__all__ = ["Gazetteer", "load_gazetteer", "load_rules", "tag_names", "tags_for_names", "tag_organizations", "slug"]
