"""data/signatory_words.yaml compiled: the word knowledge the signatory reader decides by.

Each test here answers one question about a candidate name from the curated words alone: is it web-page
furniture, does it read as a person, does it carry an organization word. The engine (graph.extract.signatories.region,
graph.extract.signatories.prose, graph.extract.signatories.table) weighs these answers; the words themselves live in data/.

>>> W = words()
>>> W.web_leftover("Write A Comment"), W.web_leftover("Amnesty International")
(True, False)
>>> W.person_shaped("Mr. Mohammad Sadek Tel: +60163094599"), W.person_shaped("Access Now")
(True, False)
>>> W.org_word("Daejeon Association for foreign labors"), W.org_word("Altogether")
(True, False)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from graph.curated import CuratedError, expect, read_yaml

FILE = "signatory_words.yaml"
_PHONE = re.compile(r"(?:\btel\b|\bphone\b|\bfax\b|\bmobile\b|\+\d[\d ()-]{6,}|\b\d{3}[-. ]\d{3}[-. ]\d{4}\b)", re.I)
_WORDS = re.compile(r"[^\W_]+(?:[.'’-][^\W_]+)*\.?")
_MENU_GLYPHS = frozenset("☰≡⋮")  # a menu button printed before the site's name
_DIGIT = re.compile(r"\d")
_BAR = re.compile(r"\s[|•·]\s")  # parts of a menu, footer or share bar


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORDS.findall(text)]


def _strings(data: dict, key: str) -> tuple[str, ...]:
    items = expect(data, key, list, FILE)
    if not all(isinstance(x, (str, int, float)) for x in items):
        raise CuratedError(FILE, "expected a list of words", key)
    return tuple(str(x).strip().lower() for x in items)


@dataclass(frozen=True)
class Words:
    name_headers: frozenset[str]
    person_headers: frozenset[str]
    type_headers: frozenset[str]
    country_headers: frozenset[str]
    affiliation_headers: frozenset[str]  # a column of affiliations: the rows are people
    person_types: frozenset[str]
    org_words: frozenset[str]
    titles: frozenset[str]
    roles: tuple[str, ...]
    academic: re.Pattern  # a scholar's role ("Senior Lecturer in X"): her university is an affiliation
    leftovers: frozenset[str]
    cues: re.Pattern
    enders: re.Pattern
    group_words: frozenset[str]
    person_group_words: frozenset[str]
    lead_words: frozenset[str]
    leftover_first: frozenset[str]
    joiners: re.Pattern
    legal: frozenset[str]
    regions: frozenset[str]
    only_words: frozenset[str]
    cjk_org: tuple[str, ...]  # organization words of scripts without spaces: found inside a word
    also: re.Pattern  # "as well as (by)": more signers follow
    personal: re.Pattern  # "in their personal capacity" at the end of an entry
    name_lower: frozenset[str]  # lower-case words inside names ("sans", "de")
    glued_after: tuple[str, ...]  # words a lost space glues to the word before ("Forumand", "Groupscomprises")
    glued_before: tuple[str, ...]  # ... or to the capitalised word after ("andCoast")
    name_articles: frozenset[str]  # capitalised articles that start a name ("The", "La"), case kept
    umbrella_cues: re.Pattern  # list cues that name an umbrella's members ("comprises", "consists of")
    lead_article: re.Pattern  # a conjunction or lower-case article before a name in running text
    neutral_headers: frozenset[str]  # table name headers that say nothing of organizations or people
    others_before: re.Pattern  # "e altre 37 realtà": group 1 is the number of unnamed signers
    count_line: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]  # "sowie 14 weitere Organisationen": leads, more, nouns
    represented: re.Pattern  # "X, représenté par Jane Roe": the organization's signer follows
    signing_for: re.Pattern  # "Signed for X:" over the person who signs for X
    other_places: frozenset[str]  # "Other countries": the last group of a list grouped by country
    caps_topic: re.Pattern  # "... AND C ON THE AID BLOCKADE": where a title in capitals turns to its topic
    clause_verbs: frozenset[str]  # "have", "sont": a text holding one is a clause, not an occupation
    postal: re.Pattern  # a street and house number, or a postcode and town: a postal address
    list_tails: frozenset[str]  # "among others" after a prose list's last comma
    region_heads: frozenset[str]  # "Região" of "Região Norte": a place heading

    def web_leftover(self, text: str) -> bool:
        """Page furniture: the whole text is a known leftover (a count after it allowed: "Comments (0)"), or starts
        with one and adds at most two words or a colon and a menu ("Compartir en: Facebook"); a copyright line;
        a bar of parts one of which is a leftover ("Org | P.O. Box 12 | Unsubscribe", "Subscribe | Log in")."""
        t = text.strip().lstrip(" →»>-•*#")
        if t[:1] in _MENU_GLYPHS or t[:1] == "©" or t[:10].lower() in ("copyright ", "copyright:") or t[:4] == "(c) ":
            return True  # "☰ SITE NAME", "© 2024 Site"
        if _BAR.search(t):  # a menu, share bar or footer; a sender's footer gives its postal address
            return any(self._leftover(p) or self.postal.search(p) for p in _BAR.split(t))
        return self._leftover(t)

    def _leftover(self, text: str) -> bool:
        first = text.strip().lstrip(" →»>-•*#").split(None, 1)
        if not first or first[0].lower().strip(".,:;!") not in self.leftover_first:
            return False  # most lines: one set lookup
        head, colon, _ = text.partition(":")
        if colon and " ".join(_words(head)) in self.leftovers:
            return True  # "Share this: Facebook Twitter", "Compartir en: ..."
        t = " ".join(w for w in _words(text) if not w.isdigit())  # "Comments (0)"
        if t in self.leftovers:
            return True
        ws = t.split()
        return any(" ".join(ws[:k]) in self.leftovers for k in range(2, min(len(ws), 5) + 1)) and len(ws) <= 5

    def person_shaped(self, text: str) -> bool:
        """A title ('Mr.', 'Dr'), a phone number or an e-mail: a contact person, not an organization."""
        ws = text.split()
        if not ws:
            return False
        first = ws[0].lower().rstrip(".,")
        if first not in self.titles and "@" not in text and not _DIGIT.search(text):
            return False  # no title, no e-mail, no digit: no phone either
        return (first in self.titles and len(ws) >= 2 and ws[1][:1].isupper()) or bool(_PHONE.search(text)) or (
            "@" in text and bool(re.search(r"[\w.+-]+@[\w-]+\.\w", text)))

    def join_legal(self, parts: list[str]) -> list[str]:
        """'Collé Group', 'LLC' -> 'Collé Group, LLC': a company's legal form after a comma is part of its name."""
        out: list[str] = []
        for p in parts:
            if out and p.strip().lower().rstrip(".") in self.legal:
                out[-1] = out[-1] + ", " + p.strip()
            else:
                out.append(p)
        return out

    def place(self, text: str) -> bool:
        """A country or a region printed beside a name ('The Netherlands', 'Latin America', 'International')."""
        from graph.extract.signatories.names import country_of, is_place

        t = re.sub(r"(?i)^the\s+", "", " ".join(text.split())).strip(" .")
        return bool(t) and (t.lower() in self.regions or country_of(t) is not None or is_place(t))

    def titles_only(self, text: str) -> bool:
        """Person-shaped by a title alone (no phone, no e-mail): an individual signer, not a contact."""
        return not _PHONE.search(text) and "@" not in text

    def org_word(self, text: str) -> bool:
        ws = _words(text)
        return any(w in self.org_words or w.rstrip(".") in self.org_words for w in ws) or any(
            any(o in w for o in self.cjk_org) for w in ws if not w.isascii())

    def role_of(self, text: str) -> str | None:
        """The role word a 'Name, role of Org' entry uses, lower case, or None: the longest that occurs (the
        roles are sorted longest first, and one alternation finds them all at once)."""
        found = {m.group(1) for m in _role_pattern(self.roles).finditer(text.lower())}
        return next((r for r in self.roles if r in found), None) if found else None

    def group_heading(self, text: str, marked: bool = False) -> bool | None:
        """A short line naming a group inside a list: True for people, False for organizations, None if not one.
        `marked`: the line carries a section letter ("B. Regional organisations"), which makes it a heading
        without a colon or a lead word."""
        t = text.strip().strip("*_#:").strip()
        last = t.rsplit(None, 1)[-1].lower().strip("*_#:.") if t else ""
        if last not in self.group_words and last not in self.person_group_words:
            return None  # most lines: one split and a set lookup
        ws = _words(t)
        if not ws or len(ws) > 6 or text.rstrip().endswith((".", ";", ",")):
            return None
        last = ws[-1]
        if last not in self.group_words and last not in self.person_group_words:
            return None
        if not (marked or text.rstrip().endswith(":") or ws[0] in self.lead_words or last in self.only_words or
                len(ws) == 1 or (len(ws) <= MAX_DEMONYM_HEADING and _demonym(ws[0])) or all(
                    w in self.group_words or w in self.person_group_words or w in _JOINING for w in ws)):
            return None
        # "Personas firmantes", "Individual signatories": a word for people anywhere in the heading
        return any(w in self.person_group_words for w in ws)


# "Companies and investors", "Académicos y investigadores": group words joined by a conjunction make a heading
_JOINING = frozenset(("and", "&", "et", "y", "e", "und", "or", "ou", "o", "oder"))
# "Kenyan organisations", "Burmese civil society groups": a demonym opens a group heading this short at most
MAX_DEMONYM_HEADING = 4


def _demonym(word: str) -> bool:
    from graph.extract.countries import load_countries

    return word in load_countries().demonym


@lru_cache(maxsize=4)
def _role_pattern(roles: tuple[str, ...]) -> re.Pattern:
    # a lookahead, so that overlapping roles ("director" inside "executive director") are all found
    return re.compile(r"(?<![\w])(?=(" + "|".join(re.escape(r) for r in roles) + r")(?![\w]))")


# Street words that end a compound street name in German and Dutch ("Hauptstraße 5", "Kerkstraat 3")
_COMPOUND_STREETS = frozenset("straße strasse str. weg platz allee straat laan gracht plein".split())


def _postal(streets: tuple[str, ...]) -> re.Pattern:
    """A street with its house number ("Greifswalder Str. 12", "Hauptstraße 5", "Rue X 40", "12 Main Street") or a
    postcode before a town ("10405 Berlin")."""
    def alt(ws) -> str:
        return "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True))

    compound = alt(w for w in streets if w in _COMPOUND_STREETS)
    street = r"(?i:\b(?:" + alt(streets) + r")|\w+(?:" + compound + r"))(?!\w)"
    return re.compile(street + r"[^|•·\d]{0,40}\b\d{1,4}[a-z]?\b(?!\s*(?:members|groups|organi))|"
                      r"\b\d{1,5}[a-z]?\s+(?:[A-ZÀ-Þ][\w'-]*\s+){1,3}" + street + r"|"
                      r"(?:^|,\s*)(?!(?:19|20)\d\d\s)\d{4,5}\s+[A-ZÀ-Þ][a-zà-ÿ-]+(?:\s|$)")  # not a year


@lru_cache(maxsize=1)
def words() -> Words:
    data = read_yaml(FILE)
    table = expect(data, "table", dict, FILE)

    def t(key: str) -> frozenset[str]:
        items = expect(table, key, list, FILE)
        return frozenset(str(x).strip().lower() for x in items)

    cues = _strings(data, "list_cues")
    enders = tuple(str(x) for x in expect(data, "list_enders", list, FILE))  # case matters here
    also = _strings(data, "list_also")
    personal = _strings(data, "personal_capacity")
    try:
        also_rx = re.compile(r",?\s+(?:" + "|".join(f"(?:{a})" for a in also) + r")(?![\w])\s*", re.I)
        personal_rx = re.compile(r"\s*[(,]?\s*\(?(?:" + "|".join(f"(?:{p})" for p in personal) + r")\)?\s*$", re.I)
        cue_rx = re.compile(r"(?<![\w])(?:" + "|".join(f"(?:{c})" for c in cues) + r")(?![\w])\s*:?\s*", re.I)
        umbrella_rx = re.compile(r"(?:" + "|".join(f"(?:{u})" for u in _strings(data, "umbrella_cues")) + r")(?![\w])",
                                 re.I)
        end_rx = re.compile(r",?\s+(?:" + "|".join(f"(?:{e})" for e in enders) + r")(?![\w])")
    except re.error as e:
        raise CuratedError(FILE, f"not a valid regular expression: {e}", "list_cues/list_enders/list_also/personal_capacity") from None
    return Words(
        name_headers=t("name_headers"), person_headers=t("person_headers"), type_headers=t("type_headers"),
        country_headers=t("country_headers"), affiliation_headers=t("affiliation_headers"),
        person_types=t("person_types"),
        org_words=frozenset(_strings(data, "organization_words")),
        academic=re.compile(r"(?<![\w])(?:" + "|".join(re.escape(a) for a in sorted(
            _strings(data, "academic_roles"), key=len, reverse=True)) + r")(?![\w])", re.I),
        titles=frozenset(_strings(data, "person_titles")), roles=tuple(sorted(_strings(data, "person_roles"),
                                                                              key=len, reverse=True)),
        leftovers=frozenset(" ".join(_words(x)) for x in _strings(data, "web_leftovers")),
        leftover_first=frozenset(_words(x)[0] for x in _strings(data, "web_leftovers") if _words(x)),
        cues=cue_rx, enders=end_rx, group_words=frozenset(_strings(data, "group_heading_words")),
        person_group_words=frozenset(_strings(data, "person_heading_words")),
        lead_words=frozenset(_strings(data, "heading_lead_words")),
        joiners=re.compile(r"\s+(?:" + "|".join(f"(?:{j})" for j in _strings(data, "subject_joiners")) +
                           r")\s+(?:the\s+)?", re.I),
        legal=frozenset(_strings(data, "legal_suffixes")),
        regions=frozenset(_strings(data, "regions")),
        only_words=frozenset(_strings(data, "heading_only_words")),
        cjk_org=tuple(w for w in _strings(data, "organization_words") if all(ord(c) > 0x2E00 for c in w)),
        also=also_rx, personal=personal_rx, name_lower=frozenset(_strings(data, "name_lowercase_words")),
        glued_after=_strings(data, "glued_after"), glued_before=_strings(data, "glued_before"),
        name_articles=frozenset(str(x) for x in expect(data, "name_articles", list, FILE)),
        umbrella_cues=umbrella_rx,
        lead_article=re.compile(r"^(?:(?:(?i:and|&|et|y|e|und)|dan|ve|" + "|".join(
            re.escape(str(a)).replace(r"\ ", r"\s+") for a in expect(data, "lead_articles", list, FILE)) +
            r")\s+(?=\S)|(?:" + "|".join(re.escape(str(a)).replace(r"\ ", r"\s+") for a in
                                          expect(data, "lead_elided", list, FILE)) + r")['’](?=[A-ZÀ-Þ]))"),
        neutral_headers=t("neutral_headers"),
        others_before=re.compile(r"(?:^|[\s,;])(?:" + "|".join(_strings(data, "count_conjunctions")) + r")\s+(?:" +
                                 "|".join(_strings(data, "count_others")) +
                                 r")\s+(?!(?:19|20)\d\d\b)(\d{1,4})\s+[^\W\d_]", re.I),  # not a year
        count_line=(_strings(data, "count_line_leads"), _strings(data, "count_line_more"),
                    _strings(data, "count_line_nouns")),
        represented=re.compile(r",?\s*(?:" + "|".join(f"(?:{r})" for r in _strings(data, "represented_by")) +
                               r")\s+(?=\S)", re.I),
        other_places=frozenset(_strings(data, "other_places")),
        caps_topic=re.compile(r"\s(?:" + "|".join(re.escape(w.upper()) for w in _strings(data, "caps_title_topics")) +
                              r")\s"),
        clause_verbs=frozenset(_strings(data, "clause_verbs")),
        postal=_postal(_strings(data, "street_words")),
        region_heads=frozenset(str(x).lower() for x in _strings(data, "region_heading_words")),
        list_tails=frozenset(" ".join(str(x).lower().split()).strip(" .") for x in _strings(data, "list_tails")),
        signing_for=re.compile(r"^\W{0,3}(?:" + "|".join(f"(?:{r})" for r in _strings(data, "signing_for")) +
                               r")\s+(?:the\s+)?(?P<org>(?-i:[A-ZÀ-Þ\d])[^:]{2,120}?)\s*:?\s*$", re.I),  # a capital starts a name
    )
