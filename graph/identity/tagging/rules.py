"""Deciding an organization's tags from the rules in data/coalitions.yaml and what the text says about it.

The evidence: the words of its names (and CamelCase split), its acronyms, the places printed beside it or
heading its list, the countries its letters give it, and the gazetteer. No tag name is written here: the
rules name the conditions (graph/tagging/data.py) and this module only checks them.

>>> sorted((t.tag, t.value) for t in decide(["Kachin Youth Network Oslo"]))
[('diaspora', 'Norway'), ('ethnic', 'Kachin'), ('youth_students', None)]
>>> [(t.tag, t.value, t.reason) for t in decide(["Burmese Community Association"], beside=["Sydney"])]
[('diaspora', 'Australia', "place 'sydney' + myanmar_identity 'burmese'")]
>>> undecided(["Democracy Now Berlin"])
[('diaspora', "place 'berlin'")]
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable, Sequence

from graph.identity.names import camel_split, normalise
from graph.records import Tag
from graph.identity.tagging.data import EVIDENCE, Gazetteer, Rule, Rules, load_gazetteer, load_rules
from graph.identity.tagging.phrases import Found, PhraseIndex, foreign

Evidence = tuple[str, "str | None"]  # (what was found, its value: a country, a nationality)
LettersSay = Callable[[str], "str | None"]  # a phrase list's name -> its first phrase in the letters, or None
PLACE_LAST_WORDS = 3  # "... Kyushu Japan", "... New South Wales": the longest place names have three words


@lru_cache(maxsize=8)
def index(rules: Rules, gz: Gazetteer) -> PhraseIndex:
    """The phrase index of a (rules, gazetteer) pair, built once: loaders return the same objects until a
    file changes."""
    return PhraseIndex(rules, gz)


def texts_of(names: Sequence[str]) -> list[str]:
    """Normalised names, CamelCase names also split ("KnowUsMoreMyanmar"), shortest first."""
    plain = {normalise(n) for n in names}
    split = {normalise(c) for n in names if (c := camel_split(n)) != n}
    return sorted((plain | split) - {""}, key=len)


class _Case:
    """One organization's evidence, found on demand and remembered."""

    def __init__(self, names: Sequence[str], acronyms: Sequence[str], beside: Sequence[str],
                 countries: Sequence[str], rules: Rules, gz: Gazetteer, letters_say: LettersSay | None = None):
        self.rules, self.gz = rules, gz
        self.texts = texts_of(names)
        self.found = Found(self.texts, index(rules, gz))
        self.printed = [*names, *acronyms]
        self.acronyms, self.beside, self.countries = acronyms, beside, countries
        self.letters_say = letters_say
        self.memo: dict[str, Evidence | None] = {}
        self.assigned: dict[str, Tag] = {}

    def evidence(self, tag: str, c: str) -> Evidence | None:
        if c.startswith("tag."):
            t = self.assigned.get(c[4:])
            return (c[4:], t.value) if t else None
        if c in self.rules.groups:
            return next((e for x in self.rules.groups[c] if (e := self.evidence(tag, x))), None)
        if c.startswith("letter."):
            lst = c[len("letter."):]
            p = self.letters_say(lst if lst in EVIDENCE or "." in lst else f"{tag}.{lst}") if self.letters_say else None
            return (p, None) if p else None
        key = c if c in EVIDENCE or "." in c else f"{tag}.{c}"
        if key not in self.memo:
            self.memo[key] = self._find(key)
        return self.memo[key]

    def _find(self, key: str) -> Evidence | None:
        if key == "people":
            for _, phrase in self.found.peoples():  # the first people named wins
                nat = self.gz.ethnic[phrase]
                if self.found.first(f"not_ethnic_with.{nat}"):
                    continue
                if phrase in self.gz.ambiguous_ethnic and not self._about_myanmar():
                    continue
                return phrase, nat
            return None
        if key == "place":
            return self._place()
        if key == "place_last":  # the name ends with the place: "Kansai Group Japan", "ITC Family Sydney"
            for t in self.texts:
                w = t.split(" ")
                for k in range(min(PLACE_LAST_WORDS, len(w) - 1), 0, -1):  # the longest place that ends it
                    if (end := " ".join(w[-k:])) in self.gz.foreign:
                        return end, self.gz.foreign[end]
            return None
        p = self.found.first(key)
        return (p, None) if p else None

    def _about_myanmar(self) -> bool:
        """A Myanmar word or an unambiguous people in the name, or Myanmar in what its letters say.

        With no letters to ask (a name tagged on its own), the context is unknown and counts as given.
        """
        if self.found.first("myanmar") or any(p not in self.gz.ambiguous_ethnic for _, p in self.found.peoples()):
            return True
        return self.letters_say is None or bool(self.letters_say("myanmar"))

    def _place(self) -> Evidence | None:
        """A foreign place: in the name, else printed beside it (or heading its list), else its country."""
        gz = self.gz
        hit = foreign(self.texts + [normalise(a) for a in self.acronyms if a], self.printed, gz)
        if hit is None and self.beside:
            hit = foreign([normalise(b) for b in self.beside], list(self.beside), gz)
        if hit is None:
            c = next((c for c in self.countries if c and normalise(c) not in gz.myanmar), None)
            hit = (foreign([normalise(c)], [c], gz) or (c, c)) if c else None
        return hit

    def holds(self, tag: str, rule: Rule) -> list[tuple[str, Evidence]] | None:
        found = []
        for c in rule.all:
            e = self.evidence(tag, c)
            if e is None:
                return None
            found.append((c, e))
        if any(self.evidence(tag, u) for u in rule.unless):
            return None
        return found


def _tag(tag: str, rule: Rule, found: list[tuple[str, Evidence]]) -> Tag:
    value = rule.value or next((e[1] for c, e in found if c == rule.value_from), None)
    return Tag(tag, value, " + ".join(f"{c} {e[0]!r}" for c, e in found))


def decide(names: Sequence[str], acronyms: Sequence[str] = (), beside: Sequence[str] = (),
           countries: Sequence[str] = (), known: dict | None = None, rules: Rules | None = None,
           gz: Gazetteer | None = None, letters_say: LettersSay | None = None) -> list[Tag]:
    """The tags the rules give an organization, each with its reason.

    `beside`: places printed next to it or heading its list; `countries`: what its letters say of its country;
    `known`: a known fact (data/coalitions.yaml `known`) whose tags replace the rules, except the tags marked
    `also_when_known` (places and peoples still come from the name). `rules` and `gz` default to the files'.
    `letters_say` answers `letter.<list>` conditions (what the letters it signed say).
    """
    return _run(names, acronyms, beside, countries, known, rules, gz, letters_say)[0]


def undecided(names: Sequence[str], acronyms: Sequence[str] = (), beside: Sequence[str] = (),
              countries: Sequence[str] = (), known: dict | None = None,
              letters_say: LettersSay | None = None) -> list[tuple[str, str]]:
    """(tag, why) for tags no rule assigned but whose `review` conditions hold: for a person to decide."""
    return _run(names, acronyms, beside, countries, known, None, None, letters_say)[1]


def _run(names, acronyms, beside, countries, known, rules=None, gz=None,
         letters_say=None) -> tuple[list[Tag], list[tuple[str, str]]]:
    rules, gz = rules or load_rules(), gz or load_gazetteer()
    case = _Case(names, acronyms, beside, countries, rules, gz, letters_say)
    if known:
        for t in known["tags"]:
            case.assigned[t] = Tag(t, None, f"known: {known['why']}")
    for tag in rules.order:
        spec = rules.tags[tag]
        if tag in case.assigned or (known and not spec["also_when_known"]):
            continue
        for rule in spec["when"]:
            found = case.holds(tag, rule)
            if found is not None:
                case.assigned[tag] = _tag(tag, rule, found)
                break
    review: list[tuple[str, str]] = []
    for tag in rules.order:
        rule = rules.tags[tag]["review"]
        if rule and tag not in case.assigned and (found := case.holds(tag, rule)) is not None:
            review.append((tag, " + ".join(f"{c} {e[0]!r}" for c, e in found)))
    tags = [t for t in case.assigned.values() if not (known and t.tag in known["tags"])]
    return tags, review


def valued_by(evidence: str, rules: Rules | None = None) -> tuple[str, ...]:
    """Tags whose value comes from `evidence` ("place": a country, "people": a nationality), in file order."""
    rules = rules or load_rules()
    return tuple(t for t, spec in rules.tags.items() if any(r.value_from == evidence for r in spec["when"]))
