"""Synthetic organizations for tools/synth.py: names from templates (peoples, themes, towns, strike committees,
diaspora groups), the tags the template implies, acronyms, umbrellas with members, and the variants in which
letters print one name (acronym or not, dash styles, Organisation/Organization).

>>> acronym_of("Karen Human Rights Organisation")
'KHRO'
>>> import numpy as np
>>> orgs = organizations(np.random.default_rng(1), 30, 3)
>>> len(orgs), len({o.id for o in orgs}), all(0 <= o.group < 3 for o in orgs)
(30, 30, True)
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from graph.identity.names import ascii_slug
from graph.records import Tag

PEOPLES = ["Karen", "Chin", "Kachin", "Karenni", "Mon", "Shan", "Ta'ang", "Zomi", "Kayan", "Rakhine", "Rohingya",
           "Bamar", "Naga", "Lahu", "Pa-O", "Akha", "Wa", "Lisu", "Danu", "Kokang"]
THEMES = ["Human Rights", "Democracy", "Peace", "Justice", "Women's", "Youth", "Education", "Health", "Relief",
          "Development", "Solidarity", "Freedom", "Environment", "Legal Aid", "Media", "Labour", "Students'",
          "Culture", "Refugee", "Community"]
TYPES = ["Organisation", "Network", "Association", "Foundation", "Alliance", "Union", "Council", "Committee",
         "Centre", "Group", "Society", "Coalition", "Forum", "Initiative", "League", "Movement", "Institute",
         "Federation", "Project", "Collective"]
TOWNS = ["Mandalay", "Yangon", "Sagaing", "Monywa", "Kalay", "Hpakant", "Myitkyina", "Hakha", "Loikaw", "Taunggyi",
         "Bago", "Pathein", "Mawlamyine", "Dawei", "Magway", "Pakokku", "Shwebo", "Kyaukse", "Meiktila", "Lashio",
         "Tamu", "Mindat", "Falam", "Sittwe", "Hpa-an", "Myeik", "Pyay", "Thayet", "Minbu", "Yenangyaung"]
STRIKES = ["Strike Committee", "People's Strike", "General Strike Committee", "Strike Force", "CDM Network",
           "Revolution Committee", "Women Strike", "Youth Strike", "Teachers' Strike", "Students' Strike"]
TOWNSHIPS = ["Chanmyatharzi", "Mahaaungmyay", "Aungmyaythazan", "Pyigyitagon", "Amarapura", "Hlaing", "Insein",
             "Kamayut", "Sanchaung", "Tamwe", "Thingangyun", "Dagon", "Hlaingthaya", "Mayangone", "Bahan",
             "Yankin", "Kyauktada", "Ahlone", "Latha", "Pabedan", "Myingyan", "Yinmabin", "Salingyi", "Budalin",
             "Ayadaw", "Chaung-U", "Kani", "Wetlet", "Depayin", "Taze", "Ye-U", "Khin-U", "Tabayin", "Kantbalu"]
CITIES = {"Japan": "Tokyo", "Australia": "Melbourne", "Norway": "Oslo", "United Kingdom": "London",
          "United States": "New York", "Canada": "Toronto", "Germany": "Berlin", "Korea": "Seoul",
          "Thailand": "Mae Sot", "Malaysia": "Kuala Lumpur", "France": "Paris", "Sweden": "Stockholm",
          "Denmark": "Copenhagen", "Netherlands": "Amsterdam", "Switzerland": "Geneva", "Taiwan": "Taipei"}
DIASPORA = ["Burmese Community", "Myanmar Community", "Burmese Association", "Myanmar Democracy Network",
            "Burma Solidarity Group", "Myanmar Youth Alliance", "Burmese Women's Union", "Spring Revolution Support"]
SMALL = {"of", "for", "and", "the", "in", "on", "at", "to", "de"}

# One sentence (or two) per demand id of the shared taxonomy, phrased as an ask, the way letters do.


@dataclass(frozen=True)
class SynthOrg:
    id: str
    name: str
    acronym: str | None
    group: int
    tags: tuple[Tag, ...] = ()
    country: str | None = None
    ethnicity: str | None = None
    members: tuple[int, ...] = ()  # indices of member organizations (umbrellas only)


def acronym_of(name: str) -> str:
    """Initials of the significant words.

    >>> acronym_of("Karen Human Rights Organisation")
    'KHRO'
    """
    words = re.findall(r"[A-Za-z][\w'-]*", name)
    return "".join(w[0].upper() for w in words if w.lower() not in SMALL)


def _make_org(rng: np.random.Generator, group: int, n_groups: int) -> tuple[str, tuple[Tag, ...], str | None, str | None]:
    """A name from templates; the template decides the tags, as a curator would."""
    style = group % 4  # a coalition has one flavour, so planted groups are also tag coalitions
    pick = lambda xs: xs[int(rng.integers(len(xs)))]  # noqa: E731
    if style == 0:
        people, theme, typ = pick(PEOPLES), pick(THEMES), pick(TYPES)
        name = f"{people} {theme} {typ}"
        tags = [Tag("rohingya" if people == "Rohingya" else "ethnic", None if people == "Rohingya" else people,
                    f"name says {people}")]
        return name, tuple(tags), None, people
    if style == 1:
        town, strike = pick(TOWNS), pick(STRIKES)
        r = rng.random()
        name = f"{town} {strike}" if r < 0.4 else f"{strike} ({town})" if r < 0.6 else \
            f"{pick(TOWNSHIPS)} Township {strike}"
        tags = [Tag("grassroots_resistance", None, f"name says {strike}")]
        if "Women" in strike:
            tags.append(Tag("women", None, "name says Women"))
        return name, tuple(tags), "Myanmar", None
    if style == 2:
        country = pick(list(CITIES))
        kind = pick(DIASPORA) if rng.random() < 0.5 else f"{pick(PEOPLES)} {pick(['Community', 'Association', 'Society'])}"
        name = f"{kind} in {country}" if rng.random() < 0.5 else f"{kind} {pick(['—', '-'])} {CITIES[country]}"
        return name, (Tag("diaspora", country, f"name says {country}"),), country, None
    theme, typ = pick(THEMES), pick(TYPES)
    name = f"{pick(['Asian', 'International', 'Global', 'Regional', 'Southeast Asian'])} {theme} {typ}"
    tag = "women" if theme == "Women's" else "youth_students" if theme in ("Youth", "Students'") else "international_ngo"
    return name, (Tag(tag, None, f"name says {theme}"),), None, None


def variant(name: str, acronym: str | None, u: tuple[float, float, float]) -> str:
    """How one letter prints the name (u: three uniform draws): acronym or not, dash style, spelling.

    >>> variant("Karen Youth Organisation", "KYO", (0.1, 0.0, 0.2))
    'Karen Youth Organization (KYO)'
    """
    s = name
    if "—" in s or " - " in s:
        s = re.sub(r" [—-] ", [" — ", " - ", " – "][int(u[1] * 3)], s)
    if u[0] < 0.3 and "Organisation" in s:
        s = s.replace("Organisation", "Organization")
    if acronym and len(acronym) >= 2 and u[2] < 0.5:
        s = f"{s} ({acronym})"
    return s


def _key(name: str) -> str:
    """Names that differ only in dash style, spelling or case are one organization: keep them unique."""
    return ascii_slug(name.replace("Organisation", "Organization"))


def pick_town(rng: np.random.Generator) -> str:
    return (TOWNS + TOWNSHIPS)[int(rng.integers(len(TOWNS) + len(TOWNSHIPS)))]


def organizations(rng: np.random.Generator, n_orgs: int, n_groups: int) -> list[SynthOrg]:
    seen: set[str] = set()
    out: list[tuple[str, int, tuple[Tag, ...], str | None, str | None]] = []
    tries = 0
    while len(out) < n_orgs:
        group = int(rng.integers(n_groups))
        name, tags, country, ethnicity = _make_org(rng, group, n_groups)
        tries += 1
        key = _key(name)
        if key in seen and tries > n_orgs * 3:  # combinations run out: qualify by a town
            name = f"{name} ({pick_town(rng)} Branch)" if rng.random() < 0.5 else f"{name} — {pick_town(rng)}"
            key = _key(name)
        if key in seen:
            continue
        seen.add(key)
        out.append((name, group, tags, country, ethnicity))
    ids: set[str] = set()
    orgs = []
    for k, (name, group, tags, country, ethnicity) in enumerate(out):
        oid = ascii_slug(name)
        while oid in ids:
            oid += "-x"
        ids.add(oid)
        acr = acronym_of(name) if rng.random() < 0.6 else None
        orgs.append(SynthOrg(oid, name, acr, group, tags, country, ethnicity))
    return orgs


def with_umbrellas(rng: np.random.Generator, orgs: list[SynthOrg], share: float = 0.02) -> list[SynthOrg]:
    by_group: dict[int, list[int]] = {}
    for k, o in enumerate(orgs):
        by_group.setdefault(o.group, []).append(k)
    taken: set[int] = set()
    n_umbrellas = max(1, int(len(orgs) * share)) if len(orgs) >= 20 else 0
    for u in rng.choice(len(orgs), size=n_umbrellas, replace=False):
        u = int(u)
        if u in taken:
            continue
        pool = [k for k in by_group[orgs[u].group] if k != u and k not in taken]
        size = min(len(pool), int(rng.integers(3, 13)))
        if size < 2:
            continue
        members = tuple(sorted(int(m) for m in rng.choice(pool, size=size, replace=False)))
        taken.update(members, {u})
        orgs[u] = SynthOrg(orgs[u].id, orgs[u].name, orgs[u].acronym, orgs[u].group, orgs[u].tags,
                           orgs[u].country, orgs[u].ethnicity, members)
    return orgs
