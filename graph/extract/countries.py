"""The world's countries, their other names, demonyms and main cities (data/countries.yaml), for reading ", Yemen"
or ", Nairobi" after an organization's name and "Kenyan organisations" over a group of names. data/gazetteer.yaml
adds aliases ("UK", "USA") and is consulted first; this list only makes sure a country the gazetteer does not curate
is still recognised as a country.

>>> load_countries().city["nairobi"], load_countries().demonym["kenyan"], "Burma" in load_countries().names
('Kenya', 'Kenya', True)
"""
from __future__ import annotations

from dataclasses import dataclass

from graph.curated import CuratedError, expect, read_yaml

FILE = "countries.yaml"


@dataclass(frozen=True)
class Countries:
    names: frozenset[str]  # every country name and other name, as printed
    city: dict[str, str]  # lower-case city -> country
    demonym: dict[str, str]  # lower-case demonym -> country


def load_countries() -> Countries:
    """The countries of data/countries.yaml, checked; built again only when the file changed (read_yaml caches
    the parsed file by its modification time)."""
    raw = read_yaml(FILE)
    hit = _BUILT.get(id(raw))
    if hit is None or hit[0] is not raw:
        _BUILT.clear()
        hit = _BUILT[id(raw)] = (raw, _build(raw))
    return hit[1]


_BUILT: dict[int, tuple[object, Countries]] = {}


def _build(raw: object) -> Countries:
    unknown = sorted(set(raw) - {"countries"}) if isinstance(raw, dict) else []
    if unknown:
        raise CuratedError(FILE, "unknown key", unknown[0])
    data = expect(raw, "countries", dict, FILE)
    names: set[str] = set()
    city: dict[str, str] = {}
    demonym: dict[str, str] = {}
    for name, spec in data.items():
        at = f"countries.{name}"
        if not isinstance(spec, dict):
            raise CuratedError(FILE, "expected a mapping", at)
        lists = {k: expect(spec, k, list, FILE, default=[], at=at) for k in ("also", "demonyms", "cities")}
        unknown = set(spec) - set(lists)
        if unknown:
            raise CuratedError(FILE, f"unknown key {sorted(unknown)[0]!r}", at)
        for k, xs in lists.items():
            if not all(isinstance(x, str) and x.strip() for x in xs):
                raise CuratedError(FILE, "expected a list of names", f"{at}.{k}")
        names.add(str(name))
        names.update(lists["also"])
        for c in lists["cities"]:
            city.setdefault(c.lower(), str(name))
        for d in lists["demonyms"]:
            demonym.setdefault(d.lower(), str(name))
    return Countries(frozenset(names), city, demonym)


def city_country(place: str) -> str | None:
    """The country of a city data/countries.yaml knows ("Nairobi" -> "Kenya"), else None."""
    return load_countries().city.get(" ".join(place.split()).lower())


def __getattr__(attr: str):
    if attr == "COUNTRIES":  # the names, read on first use (a module constant before the list moved to data/)
        return load_countries().names
    raise AttributeError(attr)
