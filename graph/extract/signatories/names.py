"""One printed list entry -> (name, acronym, country): OCR tidying and acronym/country splitting.

Only rules about the shape of the text live here; which countries exist comes from data/gazetteer.yaml.

>>> clean_entry("Arakan Rohingya National Union (ARNU)")
('Arakan Rohingya National Union', 'ARNU', None)
>>> clean_entry("Anti-Junta Alliance Yangon-AJAY")
('Anti-Junta Alliance Yangon', 'AJAY', None)
>>> clean_entry("Palaung National Society Japan, PNS-Japan")
('Palaung National Society Japan', 'PNS-Japan', None)
>>> clean_entry("Free Legal Assistance Group (FLAG), Philippines", split_country=True)
('Free Legal Assistance Group', 'FLAG', 'Philippines')
>>> clean_entry("Philippine Human Rights Information Center (PhilRights)")
('Philippine Human Rights Information Center (PhilRights)', None, None)
>>> clean_entry("Network for Peace and Unification(NPU)")
('Network for Peace and Unification', 'NPU', None)
>>> clean_entry("Guardianes por la Tierra GUATIE, Colombia", split_country=True)
('Guardianes por la Tierra', 'GUATIE', 'Colombia')

Damage that only a person reading the page can repair ("(KAO (Japan)") belongs in the letter's sidecar
(`corrections:`, applied by graph.extract.letter), not here.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from graph.extract.signatories.acronyms import glued_acronym

# Pure functions of a string: lists repeat lines and names, so each is computed once.
_memo = lru_cache(maxsize=1 << 16)

_DASHED = re.compile(r"(.+?)[-–—](.+)$")
_TRAIL_PAREN = re.compile(r"\s*\(([^()]*)\)\s*$")
_INLINE_DASH_ACR = re.compile(r"^(.*[a-z].*?)\s*[-–—]\s*([A-Z][A-Z0-9&]{1,9})\s*$")  # "Yangon-AJAY"
_COMMA_ACR = re.compile(r"^(.*[a-z].*?),\s*([A-Z][A-Z0-9&]{1,9}(?:[-–—][A-Za-z]+)?)\s*$")  # ", PNS-Japan"
_INNER_ACR = re.compile(r"\(([A-Z][A-Z0-9.&\-_]{1,12}s?)\)")  # "(KNS) Japan", "(ITC) Family Sydney"
_COUNTRY_TAIL = re.compile(r"^(.*\S)\s*,\s*([A-Z][\w .'-]+?)\s*$")
# "Name (ACR) – Malaysia": a place after the acronym that closes the name
_ACR_DASH_PLACE = re.compile(r"^(.*\(([A-Z][\w&.-]{1,14})\))\s*[–—-]\s*([A-Z][\w .'-]+?)\s*$")
_FOOTNOTE_MARK = re.compile(r"(?<=[\w)])[*†‡¹²³]+$")

# OCR repairs that hold for any text (each one is a shape that cannot be a real spelling).
_OCR_FIXES = (  # (trigger substring, pattern, replacement): the pattern only runs when the trigger occurs
    ("I'", re.compile(r"\bI'(?=[A-ZÀ-Ý])"), "l'"),  # Italian/French article read as capital I: I'Amicizia
    ("ln", re.compile(r"(?<![\w])ln(?=[a-z]{2})"), "In"),  # word-initial "ln" is an OCR'd "In": .lnsieme
    ("’”", re.compile(r"([’'])[\"”“]"), r"\1"),  # Students’” -> Students’
    ("( ", re.compile(r"\(\s+"), "("),
    (" )", re.compile(r"\s+\)"), ")"),
    (" —", re.compile(r"(?<=\s)([—–])(?=[A-Za-z])"), r"\1 "),  # "—JP" -> "— JP"
    (" –", re.compile(r"(?<=\s)([—–])(?=[A-Za-z])"), r"\1 "),
)


def ocr_tidy(text: str) -> str:
    """Repairs that never change a correctly printed name.

    >>> ocr_tidy("Associazione per I'Amicizia  Italia-Birmania.lnsieme ( Maharaungmyay) —JP")
    "Associazione per l'Amicizia Italia-Birmania.Insieme (Maharaungmyay) — JP"
    """
    t = " ".join(text.replace("\u00a0", " ").split())
    if t and t[-1] in "*†‡¹²³":
        t = _FOOTNOTE_MARK.sub("", t)  # footnote marker: "MINGA*", "(CCJ)*"
    for trigger, rx, rep in _OCR_FIXES:
        if trigger in t or (trigger == "’”" and ("”" in t or '"' in t)):
            t = rx.sub(rep, t)
    return t


def is_acronym(text: str) -> bool:
    """'ARNU', 'FoE Japan', 'RC of UTAs', 'ACFCC — Mandalay', 'B.R.S.A' yes; 'Kayah', 'PhilRights' no."""
    toks = text.split()
    if not toks or len(toks) > 4:
        return False
    m = _DASHED.match(toks[0])
    head, tail = (m.group(1), m.group(2)) if m else (toks[0], "")
    up = sum(c.isupper() for c in head)
    low = sum(c.islower() for c in head)
    if tail and sum(c.islower() for c in tail) and not is_place(tail):
        return False  # "IM-Defensoras" is a short name; "ND-Burma", "ASU-Yangon" carry a place
    return up >= 2 and up >= low and not head[0].isdigit()


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """lower-case country name/short form -> canonical country, from data/gazetteer.yaml (empty if absent)."""
    from graph.extract.countries import COUNTRIES

    # sorted: COUNTRIES is a frozenset, whose order changes with PYTHONHASHSEED; callers iterate this dict
    out: dict[str, str] = {c.lower(): c for c in sorted(COUNTRIES)}
    from graph.curated import read_yaml

    data = read_yaml("gazetteer.yaml")  # checked by curated.check_all: a broken gazetteer stops every command
    countries = data.get("countries") if isinstance(data, dict) else None
    if isinstance(countries, dict):
        for name, spec in countries.items():
            out[str(name).lower()] = str(name)
            names = spec.get("names", []) if isinstance(spec, dict) else []
            for n in names or []:
                if len(str(n)) > 3 and " " not in str(n) or str(n) in ("uk", "usa"):
                    out[str(n).lower()] = str(name)
    out["burma"] = "Myanmar"
    return out


def fold_accents(text: str) -> str:
    """'México' -> 'Mexico': the letters without their accents.

    >>> fold_accents("México, Perú, Côte d'Ivoire")
    "Mexico, Peru, Cote d'Ivoire"
    """
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Every country, country alias and place the gazetteer knows, lower case."""
    out = set(_countries())
    from graph.curated import read_yaml

    data = read_yaml("gazetteer.yaml")
    for spec in list((data.get("countries") or {}).values()) + [data.get("myanmar") or {}]:
        if isinstance(spec, dict):
            for key in ("names", "places"):
                out.update(str(x).lower() for x in spec.get(key) or [])
    return frozenset(out | {fold_accents(p) for p in out})


def is_place(word: str) -> bool:
    """'Burma', 'Yangon', 'Japan' yes; 'Defensoras' no."""
    w = word.strip(" .,").lower()
    return w in _places() or fold_accents(w) in _places()


@_memo
def country_of(word: str) -> str | None:
    """'Philippines' -> 'Philippines', 'UK' -> 'United Kingdom', 'Global' -> None."""
    w = word.strip().lower()
    c = _countries()
    if w in c and (w == c[w].lower() or w in ("uk", "usa", "burma")):
        return c[w]
    return None


@_memo
def clean_entry(printed: str, split_country: bool = False) -> tuple[str, str | None, str | None]:
    """(name, acronym, country) of one printed entry, after OCR tidying.

    `split_country`: a trailing ", <Country>" is an annotation to drop from the name (the caller decides from
    the list as a whole); otherwise it stays in the name ("Aung San Suu Kyi Park, Norway") but is still reported.
    """
    t = role_dropped(ocr_tidy(printed).rstrip(" ,;"))  # a comma after the last name of a list is no part of it
    acronym: str | None = None
    country: str | None = None
    m = _ACR_DASH_PLACE.match(t) if ")" in t else None
    if m and _is_place_name(m.group(3)):
        return m.group(1)[:m.start(2) - 1].strip(" ,"), m.group(2), country_of(m.group(3))
    m = _COUNTRY_TAIL.match(t) if "," in t else None
    if m and country_of(m.group(2)):
        country = country_of(m.group(2))
        if split_country or _TRAIL_PAREN.search(m.group(1)) or glued_acronym(m.group(1)):  # the acronym ends the name
            t = m.group(1)
    m = _TRAIL_PAREN.search(t) if split_country and t.endswith(")") else None
    if m and m.start() > 0 and country_of(m.group(1)):  # "Cifratura Libera (Italy)" down a list of such names
        country, t = country or country_of(m.group(1)), t[:m.start()].rstrip(" ,")
    closes = t.endswith(")")
    m = _TRAIL_PAREN.search(t) if closes else None
    if m:
        inner = m.group(1).strip()
        if is_acronym(inner):
            return t[:m.start()].strip(" ,"), inner, country
    last = t.rsplit(None, 1)[-1] if t else ""
    m = None
    if sum(c.isupper() for c in last) >= 2:
        m = (_INLINE_DASH_ACR.match(t) if re.search(r"[-–—][A-Z]", t) else None) or (
            _COMMA_ACR.match(t) if "," in t else None)
    if m and not country_of(m.group(2).split("-")[0]) and not _legal_form(m.group(2)):
        return m.group(1).strip(), m.group(2), country
    glued = glued_acronym(t) if t[-1:].isupper() else None
    if glued:  # "Doctors Against Forced Labour DAFL": an acronym that spells the name, no parentheses
        return glued[0], glued[1], country
    m = _INNER_ACR.search(t) if "(" in t else None
    if m and m.end() < len(t):  # "Karenni National Society (KNS) Japan": acronym noted, name kept
        acronym = m.group(1)
    return t, acronym, country


@lru_cache(maxsize=1)
def _role_starts() -> frozenset[str]:
    from graph.extract.signatories.words import words

    return frozenset(r.split()[0] for r in words().roles)


_ROLE_JOIN = re.compile(r"^(?:of\s+the|of|del|de\s+la|de\s+los|de\s+las|de|du|des|der|des)\s+", re.I)


@_memo
def role_dropped(text: str) -> str:
    """"President Fundación Río Claro", "President del Partido X": a role printed before an organization,
    with no person named, is how the organization signs: the organization. Role words: data/signatory_words.yaml.

    >>> role_dropped("President del Partido Verde Ribereño"), role_dropped("Presidents Club of Ohio")
    ('Partido Verde Ribereño', 'Presidents Club of Ohio')
    """
    from graph.extract.signatories.words import words

    W = words()
    low = text.lower()
    if low.split(None, 1)[0] not in _role_starts():
        return text  # most names: one set lookup
    for r in W.roles:  # longest first: "executive director" before "director"
        if low.startswith(r) and low[len(r):len(r) + 1] == " ":
            rest = _ROLE_JOIN.sub("", text[len(r):].strip())
            if rest[:1].isupper() and W.org_word(rest) and len(rest.split()) >= 2:
                return rest
            break
    return text


def _is_place_name(text: str) -> bool:
    from graph.extract.signatories.words import words

    return words().place(text)


def place_tail(printed: str) -> bool:
    """The entry ends with a place printed beside the name: ", Malaysia", "(Malaysia)" or "(ACR) – Malaysia"."""
    if "," in printed and country_of(printed.rsplit(",", 1)[1]):
        return True
    if printed.endswith(")") and (p := _TRAIL_PAREN.search(printed)) and country_of(p.group(1)):
        return True  # "Name (Italy)"
    m = _ACR_DASH_PLACE.match(printed) if ")" in printed else None
    return bool(m) and _is_place_name(m.group(3))


def _legal_form(word: str) -> bool:
    """'LLC', 'GmbH': a company's legal form after a comma is part of its name, not an acronym."""
    from graph.extract.signatories.words import words

    return word.lower().rstrip(".") in words().legal


_PLACE_PAREN = re.compile(r"\s*\(([^()]+,[^()]+)\)\s*$")  # "(Fairfax, VA, USA)": a comma inside


def split_place(name: str) -> tuple[str, str | None]:
    """(name, location) when the name ends with a printed place: "(City, Country)" or ", <region>".
    A single parenthesised word stays ("X (Magway)" and "X (Nagphe)" are different branches).

    >>> split_place("Nabi Toronto (Toronto, Canada)"), split_place("Red Alba TV, Latin America")
    (('Nabi Toronto', 'Toronto, Canada'), ('Red Alba TV', 'Latin America'))
    >>> split_place("Women Clergy Association, the Anglican Church of Korea")
    ('Women Clergy Association, the Anglican Church of Korea', None)
    """
    if "," not in name:
        return name, None  # both shapes hold a comma
    from graph.extract.signatories.words import words

    W = words()
    m = _PLACE_PAREN.search(name) if name.endswith(")") else None
    if m and m.start() > 0 and W.place(m.group(1).rsplit(",", 1)[1]):
        return name[:m.start()].strip(), " ".join(m.group(1).split())
    head, sep, tail = name.rpartition(",")
    if sep and head.strip() and tail.strip().lower() in W.regions:
        return head.strip(), tail.strip()
    return name, None
