"""Places printed after a signatory's name: ", City" (known, or repeated down the list), "— Country", a place
after a legal form ("X e.V., München") or after the name's acronym ("X (ACR), Nairobi"). graph.extract.signatories.parse
weighs the list as a whole; these answer for one name.

>>> trailing_place("Talverein Nordheide e.V., Lüneburg"), dash_place("Reef Keepers — Palau")
(('Talverein Nordheide e.V.', 'Lüneburg'), ('Reef Keepers', 'Palau'))
>>> acronym_before_legal("Verein junger Mieter (VJM) e.V.")
('Verein junger Mieter e.V.', 'VJM')
"""
from __future__ import annotations

import re
from functools import lru_cache

from graph.extract.signatories.names import _legal_form, is_acronym

_memo = lru_cache(maxsize=1 << 16)


# a place printed after a name ("München", "Frankfurt am Main", "Fort Wayne") has at most this many words
MAX_PLACE_WORDS = 4


@_memo
def place_shaped(text: str) -> bool:
    """A short run of capitalised words with no organization word, role, legal form or acronym in it: how a
    city or region beside a name reads ("Kuala Lumpur", "Frankfurt am Main"), whether or not it is known."""
    from graph.extract.people import ROLE_WORDS
    from graph.extract.signatories.words import words

    W = words()
    t = " ".join(text.split()).strip(" .")
    ws = t.split()
    if not 1 <= len(ws) <= MAX_PLACE_WORDS or any(c.isdigit() for c in t) or "(" in t or "@" in t:
        return False
    if not (ws[0][:1].isupper() and ws[-1][:1].isupper()) or any(
            not w[:1].isupper() and w.lower() not in W.name_lower for w in ws):
        return False
    if is_acronym(t):
        return False  # "AFL-CIO": an acronym belongs to the name
    return not (W.org_word(t) or t.lower().rstrip(".") in W.legal or W.role_of(t) or ROLE_WORDS.search(t))


def trailing_place(name: str) -> tuple[str, str] | None:
    """(name, place) when the name ends with ", <place>" (see `place_shaped`) and two words at least stay (or an
    acronym). People are taken out of the list before this is asked."""
    head, sep, tail = name.rpartition(",")
    head, tail = head.strip(), tail.strip()
    if not sep or not head or not place_shaped(tail) or len(head.split()) < 2 and not head.isupper():
        return None
    return head, tail


_DASH_TAIL = re.compile(r"^(.*?\S)\s+[–—-]\s+([^–—-]+?)\s*$")


def dash_place(name: str, known: bool = True) -> tuple[str, str] | None:
    """(name, place) of "Name — Fiji": a country or region after a spaced dash (`known`), or any place-shaped
    words there ("Name — Tokelau") when the caller has seen the list print places this way."""
    m = _DASH_TAIL.match(name) if " " in name else None
    if not m or len(m.group(1).split()) < 2:
        return None
    from graph.extract.signatories.words import words

    tail = m.group(2)
    return (m.group(1), tail) if words().place(tail) or (not known and place_shaped(tail)) else None


_STATE = re.compile(r"\s*[A-Z]{2}\s*")  # "Belém, PA", "Oakland, CA": a state's code after its city


def dash_city(name: str, places_printed: bool) -> tuple[str, str] | None:
    """(name, place) of one "Name – City, Country" or "Name (ACR) – Kiel": a dash, then a place and its country,
    or a place-shaped tail after an acronym (which closes the name), or "X – Cusco" whose country the caller has
    split off already (`places_printed`). A city alone after a dash names a chapter ("Students' Union — Yangon")
    and a country alone may be part of a name ("Women of X — Norway"): `dash_place` decides on those from the
    whole list."""
    from graph.extract.signatories.words import words

    m = _DASH_TAIL.match(name) if " " in name else None
    if not m or len(m.group(1).split()) < 2:
        return None
    tail = m.group(2)
    city, comma, country = tail.rpartition(",")
    if comma and place_shaped(city) and (words().place(country) or place_shaped(country) or _STATE.fullmatch(country)):
        return m.group(1), tail
    if not comma and place_shaped(tail) and (m.group(1).endswith(")") or places_printed):
        return m.group(1), tail
    return None


_LEAD_ACRONYM = re.compile(r"^([A-Z][A-Z0-9&]{1,11})\s*(?::|\s[–—-])\s+(\S.*)$")  # "ACDH – Name", "KYN: Name"
_LEAD_PLACE = re.compile(r"^(?:\(([^()]{2,40})\)|([^:()]{2,40}):)\s+(\S.*)$")  # "(Nairobi) Name", "Hamburg: Name"


def lead_part(name: str) -> tuple[str, str | None, str | None]:
    """(name, acronym, place) of a name printed after its acronym ("ACDH – Association for Civic Dignity and
    Heritage", "KYN: Karenni Youth Network": the acronym must spell the name) or after its place ("(Nairobi) X",
    "Hamburg: X": a place the gazetteer knows, so "Voices: Women's Network" stays one name)."""
    from graph.extract.countries import city_country
    from graph.extract.signatories.acronyms import initials_fit
    from graph.extract.signatories.words import words

    m = _LEAD_ACRONYM.match(name) if name[:2].isupper() else None
    if m and len(m.group(2).split()) >= 2 and initials_fit(m.group(1), m.group(2)):
        return m.group(2), m.group(1), None
    m = _LEAD_PLACE.match(name) if ":" in name[:42] or name[:1] == "(" else None
    if m:
        place = (m.group(1) or m.group(2)).strip()
        if len(m.group(3).split()) >= 2 and place_shaped(place) and (words().place(place) or city_country(place)):
            return m.group(3), None, place
    return name, None, None


def city_then_country(name: str) -> tuple[str, str, str] | None:
    """(name, city, country) of "X, Juba, South Sudan": a city, then the country the gazetteer puts it in, after the
    name. Printed together they are the signer's address, whatever the list does elsewhere (a city alone after a
    comma may name a chapter: "Women's Forum, Pune")."""
    from graph.extract.countries import city_country
    from graph.extract.signatories.names import country_of

    if name.count(",") < 2:
        return None
    head, city, country = (p.strip() for p in name.rsplit(",", 2))
    c = country_of(country)
    return (head, city, c) if head and c and city_country(city) == c else None


def ends_legal(name: str) -> bool:
    """The name ends with a legal form ("... e.V.", "... gGmbH"): nothing after it belongs to the name."""
    last = name.split()[-1] if name.split() else ""
    return _legal_form(last)


_ACR_BEFORE_LEGAL = re.compile(r"\s*\(([A-Z][A-Z0-9&.-]{1,12})\)(?=\s+\S+$)")


def acronym_before_legal(name: str) -> tuple[str, str | None]:
    """"Verein X (VX) e.V." -> ("Verein X e.V.", "VX"): an acronym printed before the legal form."""
    m = _ACR_BEFORE_LEGAL.search(name) if name.endswith((".", "H", "G")) or "(" in name else None
    if m and ends_legal(name):
        return name[:m.start()] + name[m.end():], m.group(1)
    return name, None
