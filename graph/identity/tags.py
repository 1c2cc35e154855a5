"""Coalition tags from evidence: each organization's tags, country and ethnicity, each tag with its reason.

The rules and tag names live in data/coalitions.yaml, places and peoples in data/gazetteer.yaml
(graph/tagging/ reads and applies them). The evidence is what the letters print about an organization: its
names, the place printed beside it or heading its list, its letters' countries for it, and the umbrella it
belongs to (members inherit the tags marked `inherit`). Curators' decisions win (graph/tagging/decisions.py).

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

from functools import lru_cache
from typing import Callable, Sequence

from graph.memory import paused_gc
from graph.identity.names import acronym_key, compact, normalise, slug, split_acronym
from graph.records import Letter, Organization, Tag
from graph.identity.tagging.data import COALITIONS, GAZETTEER, Gazetteer, Rules, load_gazetteer, load_rules, tag_names
from graph.identity.tagging.decisions import _curate, curated_tags, record_tag, undo_tag
from graph.identity.tagging.phrases import find as _find, foreign as _foreign
from graph.identity.tagging.rules import decide, index, texts_of, undecided, valued_by

# Printed context a Signatory may carry about where it is (the reader fills what it can read).
PLACE_FIELDS = ("location", "heading")


def tags_for_names(names: Sequence[str], acronyms: Sequence[str] = (), countries: Sequence[str] = ()) -> list[Tag]:
    """Tags that the words of an organization's names support (no umbrella, no known facts)."""
    return decide(names, acronyms, (), countries)


@lru_cache(maxsize=4)
def _known_index(rules: Rules) -> tuple[dict[str, int], dict[str, int]]:
    """The first known fact per normalised name and per acronym."""
    by_key: dict[str, int] = {}
    by_acronym: dict[str, int] = {}
    for i, k in enumerate(rules.known):
        by_key.setdefault(k["key"], i)
        if k["acronym"]:
            by_acronym.setdefault(k["acronym"], i)
    return by_key, by_acronym


def _known(org: Organization, rules: Rules) -> dict | None:
    """The first known fact (data/coalitions.yaml `known`) naming the organization, by name or acronym."""
    by_key, by_acronym = _known_index(rules)
    keys = {normalise(org.name), *(normalise(a) for a in org.aliases)}
    first = min((by_key[k] for k in keys if k in by_key), default=None)
    name = org.name
    name_acr = compact(normalise(name)) if name.isascii() and split_acronym(name)[1] is None else acronym_key(name)
    i = by_acronym.get(name_acr) if name_acr else None
    if i is not None and (first is None or i < first) and (
            name_acr in {acronym_key(a) for a in org.acronyms} or name_acr in {acronym_key(o) for o in keys}):
        first = i
    return None if first is None else rules.known[first]


def _country(tags: Sequence[Tag], names: Sequence[str], gz: Gazetteer, place_tags: tuple[str, ...]) -> str | None:
    """A country from a tag valued by place, else a foreign place in the names, else a home place."""
    for t in tags:
        if t.tag in place_tags and t.value:
            return t.value
    texts = [normalise(n) for n in names]
    place = _foreign(texts, names, gz)
    if place:
        return place[1]
    return gz.home if _find(texts_of(names), sorted(gz.myanmar_places)) else None


def _beside(orgs: Sequence[Organization], letters: Sequence[Letter]) -> dict[str, list[str]]:
    """Per organization, the places its signatory entries print beside it or under (PLACE_FIELDS). Only the
    entries of these organizations are read: adding a letter tags a few hundred again, whose letters are
    nearly all the letters (150,000 entries, a tenth of adding one)."""
    names: dict[str, set[str]] = {}  # file -> the names these organizations are printed as in it
    for o in orgs:
        for m in o.mentions:
            names.setdefault(m.file, set()).add(m.name)
    entry = {}
    for L in letters:
        wanted = names.get(L.file)
        for s in L.signatories if wanted else ():
            if s.name in wanted:
                vals = [v for f in PLACE_FIELDS if isinstance(v := getattr(s, f, None), str) and v.strip()]
                if vals:
                    entry[(L.file, s.name)] = vals
    out: dict[str, list[str]] = {}
    for o in orgs if entry else ():
        for m in o.mentions:
            for v in entry.get((m.file, m.name), ()):
                if v not in out.setdefault(o.id, []):
                    out[o.id].append(v)
    return out


class _LettersSay:
    """What the letters say (titles, recipients, asks, demand evidence), searched once per letter and list."""

    def __init__(self, letters: Sequence[Letter], rules: Rules, gz: Gazetteer):
        self.letters = {L.file: L for L in letters}
        self.lists = index(rules, gz).lists
        self.texts: dict[str, tuple[str, ...]] = {}
        self.found: dict[tuple[str, str], str | None] = {}

    def _texts(self, file: str) -> tuple[str, ...]:
        if file not in self.texts:
            L = self.letters.get(file)
            said = [] if L is None else [L.title or "", *L.recipients, *(d.evidence for d in L.demands),
                                         *(a.text for a in L.unclassified_asks)]
            self.texts[file] = tuple(t for t in map(normalise, said) if t)
        return self.texts[file]

    def about(self, o: Organization) -> Callable[[str], str | None] | None:
        """The `letters_say` of one organization; None when none of its letters is known (unknown, not silent)."""
        files = sorted({m.file for m in o.mentions if m.file in self.letters})
        return (lambda lst: self(files, lst)) if files else None

    def __call__(self, files: Sequence[str], lst: str) -> str | None:
        for f in files:
            if (f, lst) not in self.found:
                self.found[(f, lst)] = _find(self._texts(f), self.lists.get(lst, ()))
            if self.found[(f, lst)]:
                return self.found[(f, lst)]
        return None


def _own(o: Organization, rules: Rules, gz: Gazetteer, beside: list[str], says: _LettersSay) -> list[Tag]:
    countries = sorted({m.country for m in o.mentions if m.country})
    k = _known(o, rules)
    found = decide([o.name, *o.aliases], o.acronyms, beside, countries, k, rules, gz, says.about(o))
    return [Tag(t, None, f"known: {k['why']}") for t in k["tags"]] + found if k else found


def _evidence(o: Organization) -> tuple:
    """Everything of an organization its tags are decided from (with its letters and the curated data)."""
    return o.id, o.name, o.aliases, o.acronyms, o.mentions, o.member_of


@paused_gc()  # ~10^5 small records next to a heap of letters: collector passes cost a third
def tag_organizations(orgs: Sequence[Organization], letters: Sequence[Letter] = (),
                      known: Sequence[Organization] = ()) -> tuple[Organization, ...]:
    """Fill tags, country and ethnicity on each organization (umbrella members inherit `inherit` tags).
    known: organizations tagged earlier with the same curated data, from letters that have not changed; one
    whose evidence and umbrellas' evidence are the same keeps its tags."""
    rules, gz = load_rules(), load_gazetteer()
    curated = curated_tags()  # record_tag decisions win over rules and inheritance
    by_id = {o.id: o for o in orgs}
    old = {k.id: k for k in known}
    unchanged = {o.id for o in orgs if o.id in old and _evidence(old[o.id]) == _evidence(o)}
    kept = {o.id for o in orgs if o.id in unchanged and all(u in unchanged for u in o.member_of)}
    todo = [o for o in orgs if o.id not in kept]
    ups = {u: by_id[u] for o in todo for u in o.member_of if u in by_id}  # whose tags they inherit
    todo += [u for uid, u in ups.items() if uid in kept]
    files = {m.file for o in todo for m in o.mentions} if kept else None
    beside = _beside(todo, [L for L in letters if files is None or L.file in files]) if letters else {}
    says = _LettersSay(letters, rules, gz)
    own = {o.id: _curate(_own(o, rules, gz, beside.get(o.id, []), says),
                         curated.get(normalise(o.name)) if curated else None) for o in todo}
    place_tags, people_tags = valued_by("place", rules), valued_by("people", rules)
    out = []
    for o in orgs:
        if o.id in kept:
            k = old[o.id]  # the known record itself when nothing else changed: the graph then sees it is the same
            out.append(k if (k.reasons, k.members) == (o.reasons, o.members) else
                       Organization(**{**vars(o), "tags": k.tags, "ethnicity": k.ethnicity, "country": k.country}))
            continue
        tags = list(own[o.id])
        have = {t.tag for t in tags}
        for uid in o.member_of:
            for t in own.get(uid, ()):
                if rules.tags.get(t.tag, {}).get("inherit") and t.tag not in have:
                    tags.append(Tag(t.tag, t.value, f"member of {by_id[uid].name} ({t.reason})"))
                    have.add(t.tag)
        tags = _curate(tags, curated.get(normalise(o.name)) if curated else None)  # removed: not inherited back
        tags.sort(key=lambda t: t.tag)
        eth = next((t.value for t in tags if t.tag in people_tags), None)
        # the record with its other fields as they are (dataclasses.replace costs 4x as much per record)
        out.append(Organization(**{**vars(o), "tags": tuple(tags), "ethnicity": eth,
                                   "country": _country(tags, [o.name, *o.aliases, *o.acronyms], gz, place_tags)}))
    return tuple(out)


def tags_to_review(orgs: Sequence[Organization], letters: Sequence[Letter] = ()) -> list[dict]:
    """Tags no rule could decide for an organization, with the evidence that raises the question."""
    rules, gz = load_rules(), load_gazetteer()
    beside = _beside(orgs, letters) if letters else {}
    says = _LettersSay(letters, rules, gz)
    return [{"id": o.id, "name": o.name, "tag": tag, "why": why}
            for o in orgs
            for tag, why in undecided([o.name, *o.aliases], o.acronyms, beside.get(o.id, []),
                                      sorted({m.country for m in o.mentions if m.country}), _known(o, rules),
                                      says.about(o))]


__all__ = ["COALITIONS", "GAZETTEER", "Gazetteer", "load_gazetteer", "load_rules", "tag_names", "tags_for_names",
           "tag_organizations", "tags_to_review", "slug", "record_tag", "undo_tag", "curated_tags", "_find",
           "_foreign"]
