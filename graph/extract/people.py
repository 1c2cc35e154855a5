"""People in a letter: the person who signed it and individuals signing in a personal capacity (press contacts:
graph.extract.contacts).

People are never organization signatories by themselves; graph.extract.letter turns a signer's or a contact's
organization into an inferred signatory only when the letter prints no organization list.

>>> find_signer(["Yours sincerely,", "", "Agnès Callamard", "Secretary General"])[0]
Person(name='Agnès Callamard', role='Secretary General', organization=None, lines=(3, 4))
>>> is_individual("Professor Jane Doe, Uppsala University"), looks_like_person("Professor of Law")
(True, False)
>>> parse_person("Dr Jane Doe, Professor of Law, University of Oxford (in personal capacity)")
Person(name='Jane Doe', role='Professor of Law, University of Oxford', organization=None, lines=())
"""
from __future__ import annotations

from functools import lru_cache
import re

from graph.records import Person
from graph.extract.signatories.lines import EMAIL, cap_ratio, split_marker

# Pure functions of a string: synthetic and real lists repeat lines and names, so each is computed once.
_memo = lru_cache(maxsize=1 << 16)
CLOSING = re.compile(
    r"^\s*(?:yours\s+(?:sincerely|faithfully|truly)|sincerely(?:\s+yours)?|respectfully(?:\s+yours)?|"
    r"(?:with\s+)?(?:kind|best|warm|warmest)\s+regards|regards|with\s+respect|in\s+solidarity|"
    # the same in the other languages letters come in
    r"mit\s+(?:freundlichen|solidarischen)\s+gr(?:ü|ue)(?:ß|ss)en|freundliche\s+gr(?:ü|ue)(?:ß|ss)e|"
    r"(?:bien\s+)?cordialement|(?:en|avec)\s+solidarit[ée]|atentamente|saludos\s+cordiales|"
    r"(?:en|con)\s+solidaridad|atenciosamente|cordialmente|em\s+solidariedade|hormat\s+kami|salam\s+solidaritas|"
    r"met\s+vriendelijke\s+groet(?:en)?|hoogachtend|in\s+solidariteit|cordiali\s+saluti|distinti\s+saluti|"
    r"in\s+solidariet[àa]|saygılarımızla)"
    r"\s*[,.]?\s*$", re.I)
ROLE_WORDS = re.compile(
    r"\b(?:director|secretary|general|coordinator|co-?ordinator|officer|manager|chair(?:person|man|woman)?|"
    r"president|founder|head|lead|spokes(?:person|man|woman)|advocate|advocacy|executive|researcher|professor|"
    r"lecturer|adviser|advisor|representative|campaigner|fellow|member|editor|partner|counsel|ceo|chief|"
    r"deputy|vice|senior|program(?:me)?|policy|team|analyst|convenor|convener)\b", re.I)
# Titles printed before a person's name, in the languages letters come in ("Assoc. Prof.", "Dra.", "Pr.", "Pbro.")
_TITLES = (r"(?:(?:assoc(?:iate)?|asst|assistant)\.?\s+prof(?:essor)?|dr|dra|prof|profa|professor|pr|mr|mrs|ms|miss|"
           r"mme|me|maître|maitre|rev|revd|fr|sr|sra|sir|dame|hon|pbro|u|daw|saw|nan|naw|"  # "Me": a French lawyer
           # religious titles ("Sœur Agnès Roe", "Padre Juan Roe", "Sister Mary Roe")
           r"sœur|soeur|sister|père|padre|hermana|hermano|pastor|pastora|imam|rabbi|bishop|mgr|monseñor)")
HONORIFIC = re.compile(r"^" + _TITLES + r"\.?\s+[A-Z]", re.I)
_PERSON_NAME = re.compile(r"^(?:(?i:" + _TITLES + r")\.?\s+)?"
                          r"[A-ZÀ-Þ][\w'’.-]*(?:\s+(?:[A-ZÀ-Þ][\w'’.-]*|de|van|von|da|das|do|dos|du|di|del|al|bin|binti)){0,4}$")


_TITLE = re.compile(r"^(?:professor|prof)\.?\s+(?=[A-Z])", re.I)
# a name in another script, then the person's name in Latin letters: "陳志明教授 (Professor Chan Chi-ming)"
_PAREN_PERSON = re.compile(r"\(([^()]{3,60})\)")


@_memo
def looks_like_person(text: str) -> bool:
    """'Agnès Callamard', 'Dr Kate Ferguson', 'Elena' - two to five capitalised words, no organization words."""
    t = _TITLE.sub("", text.strip(), count=1)  # "Professor Jane Roe": the title is no role of hers here
    if not _PERSON_NAME.match(t) or ROLE_WORDS.search(t):
        return False
    return not re.search(r"\b(?:network|group|council|union|association|campaign|international|committee|"
                         r"organi[sz]ation|foundation|society|centre|center|institute|alliance|uk|watch)s?\b", t, re.I)


def parse_person(text: str, lines: tuple[int, ...] = ()) -> Person:
    """'Dr Jane Doe, Professor of Law (in personal capacity)' -> Person(name, role)."""
    from graph.extract.signatories.words import words

    t = words().personal.sub("", text).strip(" ,;")
    name, _, role = t.partition(",")
    name = _AFFILIATION.sub("", name.strip())  # "Dr. Jane Roe (University of X)": the affiliation is no part of the name
    name = re.sub(r"^" + _TITLES + r"\.?\s+", "", name, flags=re.I)
    return Person(name=name.strip(), role=role.strip() or None, lines=lines)


@_memo
def is_individual(text: str) -> bool:
    """An entry that is a person signing in a personal capacity rather than an organization."""
    from graph.extract.signatories.words import words

    W = words()
    if W.personal.search(text):  # "in their personal capacity", "à titre personnel" (curated)
        return True
    head = text.split(",")[0].strip()
    m = _PAREN_PERSON.search(head) if "(" in head else None
    if m and HONORIFIC.match(m.group(1)) and looks_like_person(m.group(1)):
        return True  # "陳志明教授 (Professor Chan Chi-ming), formerly of ...": the person, romanised
    if _occupation(text):
        return True
    if not HONORIFIC.match(text):
        return False
    head = _AFFILIATION.sub("", head)  # "Dr. Jane Roe (University of X)": a titled person and where she works
    return bool(HONORIFIC.match(head)) and looks_like_person(head) and ("," in text or "(" in text or
                                                                       len(head.split()) <= 4)


# "Jane Roe (University of X)", "Jane Roe (independent researcher)": an affiliation in parentheses after a name
_AFFILIATION = re.compile(r"\s*\(([^()]{3,80})\)\s*$")


def _occupation(text: str) -> bool:
    """"Marie Roe, avocate", "Jane Roe (independent researcher)", "Lucía Roe, defensora de derechos humanos": a
    person's name, then what she does in lower case, with no organization named: a person signing."""
    m = _AFFILIATION.search(text)
    head, rest = (text[:m.start()], m.group(1)) if m else text.partition(",")[::2]
    rest = rest.strip(" .")
    if not rest or not rest[:1].islower() or not looks_like_person(head.strip()) or len(head.split()) < 2:
        return False
    from graph.extract.signatories.words import words

    W = words()
    # "X, e.V." is a legal form; "avocate au barreau de Lille" is a person, "membre du Syndicat X" signs for X
    # (signer_for decides that one)
    return rest.lower() not in W.legal and not W.org_word(rest) and signer_for(text) is None and \
        not W.clause_verbs.intersection(rest.lower().split())


# a person's name printed before an affiliation has at most this many words ("Maria del Carmen Ruiz Lopez")
MAX_NAME_WORDS = 5
# Under a contact's name, a role or organization line is short; a longer one is the letter's text again.
MAX_ROLE_LINE = 80
# Most words capitalised: the line under a role is the organization's name.
ORG_LINE_CAPS = 0.6


@_memo
def with_affiliation(text: str) -> bool:
    """"Jane Roe, University of Oslo": a person's name, then where they work, and no role ("Jane Roe, Director,
    X" is X signing: `signer_for`). One such entry may be an organization ("Forget Me Not, Cypress High
    School"); a list of them is people (graph.extract.signatories.parse decides on the list)."""
    from graph.extract.signatories.words import words

    W = words()
    head, comma, affiliation = text.partition(",")
    m = _AFFILIATION.search(text) if not comma else None
    if m:  # "Jane Roe (University of Oslo)"
        head, comma, affiliation = text[:m.start()], "(", m.group(1)
    head, affiliation = head.strip(), affiliation.strip()
    return bool(comma) and 2 <= len(head.split()) <= MAX_NAME_WORDS and looks_like_person(head) and not \
        W.org_word(head) and not W.place(head) and W.org_word(affiliation) and \
        affiliation.lower().rstrip(".") not in W.legal and signer_for(text) is None


_CLOSING_FIRST = frozenset("ysrwkbYSRWKB")  # first letters of the English closings: find_signer reads after those


def _may_close(line: str) -> bool:
    """False when CLOSING cannot match (most lines): an ASCII first character that starts none of its words."""
    c = line.lstrip()[:1]
    return c in _CLOSING_FIRST or not c.isascii()


def find_signer(lines: list[str], start: int = 1) -> tuple[Person | None, set[int]]:
    """The person signing after a closing ('Yours sincerely,'): name, then role and organization lines."""
    for i in range(len(lines) - 1, -1, -1):
        if not (_may_close(lines[i]) and CLOSING.match(lines[i])):
            continue
        after = [(start + j, lines[j].strip()) for j in range(i + 1, min(len(lines), i + 8)) if lines[j].strip()]
        if not after:
            return None, set()
        ln, first = after[0]
        name, _, role = first.partition(",")
        num, bullet, _ = split_marker(after[1][1]) if len(after) > 1 else (None, "", "")
        if not looks_like_person(name.strip()) or num or bullet:
            return None, set()  # a line over a bulleted or numbered list is its heading ("Organisations"), no signer
        used = {start + i, ln}
        role = role.strip() or None
        org = None
        rest = after[1:3]
        if rest and role is None and len(rest[0][1]) < MAX_ROLE_LINE and not EMAIL.search(rest[0][1]):
            r = rest[0][1]
            role, _, org_part = r.partition(",")
            role, org = role.strip(), (org_part.strip() or None)
            used.add(rest[0][0])
            if org is None and len(rest) > 1 and cap_ratio(rest[1][1]) >= ORG_LINE_CAPS and len(rest[1][1]) < MAX_ROLE_LINE:
                org = rest[1][1]
                used.add(rest[1][0])
        elif role and "," in role:
            role, _, org = role.partition(",")
            role, org = role.strip(), org.strip()
        return Person(name=name.strip(), role=role, organization=org, lines=tuple(sorted(used - {start + i}))), used
    return None, set()


def person_organization(person: Person) -> tuple[str | None, str]:
    """The organization a signer stands for: printed, else curated (data/judgements.yaml `persons:`)."""
    if person.organization:
        return person.organization, "printed"
    from graph.curated import expect, read_yaml

    persons = expect(read_yaml("judgements.yaml"), "persons", list, "judgements.yaml", default=[])
    from unicodedata import normalize

    def key(s: str) -> str:
        return " ".join(normalize("NFKC", s).casefold().split())

    want = key(person.name)
    for p in persons:
        if isinstance(p, dict) and key(str(p.get("name", ""))) == want and p.get("organization"):
            return str(p["organization"]), "judgements.yaml"
    return None, ""


def paren_signer(text: str) -> tuple[str, str] | None:
    """(person, organization) of "Privacy First Maghreb (Youssef Ben Salah)" in a list of organizations: a
    person's full name in parentheses after an organization's name signs for it. A place ("(Nairobi)", "(Yangon
    Office)"), an acronym or an organization word in the parentheses is no person."""
    from graph.extract.signatories.words import words

    m = _AFFILIATION.search(text)
    if not m:
        return None
    org, person = text[:m.start()].strip(), m.group(1).strip()
    W = words()
    if not (2 <= len(person.split()) <= 4 and looks_like_person(person) and not person.isupper()) or \
            W.org_word(person) or any(W.place(w) for w in person.split()) or len(org.split()) < 2:
        return None
    return person, org


_FOR_ORG = re.compile(r"^(?:vice|co|deputy|interim)?[- ]?(?P<role>.+?)\s+(?:de\s+la\s+|de\s+l['’]|d['’]|de\s+|du\s+|des\s+|"
                      r"of\s+(?:the\s+)?|at\s+(?:the\s+)?|for\s+(?:the\s+)?|del\s+|de\s+los\s+|de\s+las\s+)(?P<org>\S.*)$",
                      re.I)


_DASH_ROLE = re.compile(r"^([^,—–]{3,60}?)\s+[—–]\s+(?=\S)")


def signer_for(text: str) -> tuple[str, str] | None:
    """(person, organization) of a 'Person, role of Org' entry ('Khaled Gaiji, président des Amis de la Terre',
    'Jane Roe, Director, Amnesty International'); None when the entry is not one. The role words are curated
    (data/signatory_words.yaml `person_roles`)."""
    from graph.extract.signatories.words import words

    W = words()
    rep = W.represented.search(text) if "," in text or " – " in text or " — " in text or " - " in text else None
    if rep:  # "Syndicat X (SX), représenté par Thomas Roe, secrétaire fédéral"; "X – represented by Jane Roe"
        org, person = text[:rep.start()].strip(" ,;–—-"), text[rep.end():].partition(",")[0].strip()
        return (person, org) if org and looks_like_person(person) else None
    dash = _DASH_ROLE.match(text)
    if dash and looks_like_person(dash.group(1)):  # "Jasmine Roe — Director, Digital Safety Lab"
        text = dash.group(1) + ", " + text[dash.end():]
    person, sep, rest = text.partition(",")
    if not sep or not looks_like_person(person.strip()):
        return None
    rest = rest.strip()
    segs = rest.split(",")
    # the first part naming a role: "avocate, membre du Syndicat X" is a member of X
    k = next((i for i, seg in enumerate(segs) if W.role_of(seg)), None)
    if k is None:
        return None
    here, after = segs[k], ",".join(segs[k + 1:]).strip()
    m = _FOR_ORG.match(here)
    of = here[m.start("org"):] if m else ""
    if m and after and not W.org_word(of) and not re.search(r"\b[A-Z]{2,}", of):
        m = None  # "Head of Advocacy, X": the role's "of" names a field, the organization follows ("de la FIDL": one)
    org = (here[m.start("org"):] + (", " + after if after else "")).strip() if m else after
    if not org:
        return None
    if org[:1].islower() and org.split()[0].lower() in ("des", "du", "de", "la", "le", "les", "the"):
        org = org.split(None, 1)[1] if " " in org else org
    return person.strip(), org[0].upper() + org[1:] if org[:1].islower() else org
