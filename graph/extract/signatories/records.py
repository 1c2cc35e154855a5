"""Signatory records of a list's entries: each organization's name with its acronym, country or city, the
umbrella it is a member of, and the person who signs for it.

The list decides how its entries print a place: a ", Malaysia" or " — Fiji" after many names is each name's
place; after one name among hundreds it is part of the name as printed. `org_records` weighs that over the
whole list, then reads each entry (graph.extract.signatories.names and .places read the parts).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import MISSING, fields, replace

from graph.extract.countries import city_country
from graph.extract.people import paren_signer, signer_for
from graph.extract.signatories.entries import Entry
from graph.extract.signatories.names import _countries, clean_entry, country_of, place_tail, split_place
from graph.extract.signatories.nesting import alphabet_sublists
from graph.extract.signatories.places import (acronym_before_legal, city_then_country, dash_city, dash_place,
                                              ends_legal, lead_part, trailing_place)
from graph.extract.signatories.region import LineInfo
from graph.extract.signatories.table import RowFacts
from graph.kinds import LineKind
from graph.records import Signatory

# a list where at least this share of the names carry a place: every ", <Country>" after a name is that place
PLACE_SHARE = 0.3
# a list where at least this share of the names end in " — <country or region>" prints each name's place that way
DASH_SHARE = 0.5

_new = object.__new__
_SIG_FIELDS = fields(Signatory)
_SIG_DEFAULTS = {f.name: f.default for f in _SIG_FIELDS}
_SIG_FAST = all(f.default is not MISSING for f in _SIG_FIELDS[6:]) and [f.name for f in _SIG_FIELDS[:6]] == [
    "name", "acronym", "member_of", "lines", "printed", "country"] and not hasattr(Signatory, "__slots__") and not hasattr(
    Signatory, "__post_init__")


def signatory(name: str, acronym: str | None, member_of: str | None, lines: tuple[int, ...], printed: str,
              country: str | None) -> Signatory:
    """Signatory(...) without the frozen dataclass's slow __init__ (a list has hundreds of entries)."""
    if not _SIG_FAST:
        return Signatory(name=name, acronym=acronym, member_of=member_of, lines=lines, printed=printed,
                         country=country)
    s = _new(Signatory)
    d = s.__dict__
    d.update(_SIG_DEFAULTS)
    d.update(name=name, acronym=acronym, member_of=member_of, lines=lines, printed=printed, country=country)
    return s


def _focus_country(infos: list[LineInfo]) -> str | None:
    """The country a letter is about: the one its prose names most often (twice at least)."""
    names = {k: v for k, v in _countries().items() if k == v.lower()}
    if not names:
        return None
    words = re.findall(r"[^\W\d_]+", " ".join(i.text for i in infos if i.kind == LineKind.PROSE).lower())
    grams = Counter(words)
    grams.update(" ".join(p) for p in zip(words, words[1:]))
    grams.update(" ".join(p) for p in zip(words, words[1:], words[2:]))
    c: Counter = Counter()
    for k, v in names.items():
        c[v] += grams.get(k, 0)
    top = c.most_common(2)
    if not top or top[0][1] < 2 or (len(top) > 1 and top[1][1] == top[0][1]):
        return None  # named once, or two countries named as often: the letter has no one country
    return top[0][0]


def org_records(orgs: list[Entry], infos: list[LineInfo], rows: dict[int, RowFacts], start: int,
                fates: list[tuple[int, str, str]]) -> list[Signatory]:
    """The Signatory of each organization entry, in order; each one's fate is appended to `fates`."""
    # the list prints a place beside many names (", Malaysia", "(ACR) – Bangladesh"): each is an annotation
    tails = sum(1 for e in orgs if place_tail(e.text))
    split_all = tails >= max(2, PLACE_SHARE * len(orgs))
    focus = _focus_country(infos) if tails and not split_all else None
    cleaned = []
    signers: dict[int, str] = {}
    for i, e in enumerate(orgs):  # "Jane Roe, Director of X": X signs, Jane Roe signs for it
        sf = signer_for(e.text) if "," in e.text or " – " in e.text or " — " in e.text or " - " in e.text else \
            paren_signer(e.text) if e.text.endswith(")") else None
        if sf:
            signers[i], e.text = sf
    for e in orgs:
        tail = e.text.rsplit(",", 1)[1].strip() if "," in e.text else ""
        split = split_all or (focus is not None and country_of(tail) == focus)
        cleaned.append(clean_entry(e.text, split))
    # bullet-less sub-lists: the alphabet restarts under an umbrella
    top = [i for i, e in enumerate(orgs) if e.level == 0]
    nested = alphabet_sublists([cleaned[i][0] for i in top], [orgs[i].num is None and not orgs[i].bullet for i in top])
    for sub, umb in nested.items():
        orgs[top[sub]].level = 2
        orgs[top[sub]].umbrella = top[umb]
    # "Name, City" (after any country): a place the list prints beside many names is an annotation of each; one
    # after a legal form ("X e.V., München") is one whatever the rest of the list does
    city_tails = sum(1 for n, _, _ in cleaned if n and "," in n and trailing_place(n))
    split_cities = city_tails >= max(2, PLACE_SHARE * len(orgs))
    # "Name — Fiji" down most of the list: the dash gives each name's country ("Kachin Women — Norway" among
    # hundreds of names is one name as printed)
    split_dashes = sum(1 for n, _, _ in cleaned if n and dash_place(n)) >= max(3, DASH_SHARE * len(orgs))
    out: list[Signatory] = []
    last_top: int | None = None
    for i, (e, (name, acronym, country)) in enumerate(zip(orgs, cleaned)):
        member_of = None
        if e.level == 0:
            last_top = i
        elif e.level == 1 and last_top is not None:
            member_of = cleaned[last_top][0]
        elif e.level == 2:
            member_of = cleaned[e.umbrella][0]
        if not name:
            continue
        row = rows.get(e.lines[0] - start)
        name, lead_acronym, lead_place = lead_part(name)
        acronym = acronym or lead_acronym
        address = city_then_country(name)
        if address:
            name, lead_place, country = address
        name, location = split_place(name)
        location = location or lead_place
        if lead_place and not country:
            country = city_country(lead_place)
        city = trailing_place(name) if location is None and "," in name else None
        # one place alone is split off on evidence: a legal form or an acronym closes the name before it, or it is
        # a city data/countries.yaml knows ("X, Nairobi")
        if city and (split_cities or ends_legal(city[0]) or city[0].endswith(")") or city_country(city[1])):
            name, location = city
            country = country or city_country(location)
            if acronym and name.endswith(f"({acronym})"):  # "Anwaltsnetzwerk X (ANAM), Berlin"
                name = name[:-len(acronym) - 2].rstrip()
        dashed = dash_place(name, known=False) if split_dashes and location is None else None
        if not dashed and ("–" in name or "—" in name or " - " in name):
            # "X – Bamako, Mali", "X – Cusco, Perú" (the country already split off), "X (ACR) – Kiel"
            dashed = dash_city(name, location is not None)
            if dashed and location:
                dashed, location = (dashed[0], f"{dashed[1]}, {location}"), None
            state = dash_city(f"{name}, {acronym}", False) if not dashed and acronym and len(acronym) == 2 else None
            if state:  # "X – Belém, PA": the state's code after the city was read as an acronym
                dashed, acronym = state, None
        if dashed:
            name, place = dashed
            city, _, last = place.rpartition(",")
            if city and country_of(last.strip()):  # "X – Bamako, Mali": the city is the location
                place, country = city.strip(), country or country_of(last.strip())
            country = country or country_of(place)
            location = None if country_of(place) else place
        name, legal_acronym = acronym_before_legal(name)  # "Verein X (VX) e.V."
        acronym = acronym or legal_acronym
        if row is not None and row.country:
            if country_of(row.country) and not country:
                country = country_of(row.country)
            elif not country_of(row.country):
                location = location or row.country
        sig = signatory(name, acronym, member_of, tuple(e.lines), e.text, country)
        if i in signers or location:
            sig = replace(sig, signed_by=signers.get(i), location=location)
        out.append(sig)
        how = "sub-member" if member_of else "signatory"
        fates.append((e.lines[-1] if len(e.lines) > 1 and e.num is None and not e.bullet else e.lines[0], how,
                      name + (f" (member of {member_of})" if member_of else "")))
    return out


def from_prose(found: list[tuple[str, str, tuple[int, ...]]]) -> list[Signatory]:
    out = []
    for printed, _how, lines in found:
        name, acronym, country = clean_entry(printed)
        if name:
            out.append(signatory(name, acronym, None, lines, printed, country))
    return out


def umbrellas(sigs: list[Signatory], groups, start: int) -> list[Signatory]:
    """"+3 Groups comprises: A, B": the umbrella a prose group names signs too, before its members, which are
    `member_of` it."""
    for g in groups:
        if not g.umbrella:
            continue
        name, acronym, country = clean_entry(g.umbrella)
        lines = {start + k for k in g.lines}
        names = set(g.names)
        members = [i for i, s in enumerate(sigs) if s.printed in names and s.lines and s.lines[0] in lines
                   and s.member_of is None and s.name != name]
        if not members or not name:
            continue
        for i in members:
            sigs[i] = replace(sigs[i], member_of=name)
        if all(s.name.casefold() != name.casefold() for s in sigs):
            sigs.insert(members[0], signatory(name, acronym, None, (start + g.line,), g.umbrella, country))
    return sigs
