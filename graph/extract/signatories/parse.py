"""The signatory list of a letter: organizations in printed order, sub-members, counts, and every dropped line.

`parse_signatories(lines, start)` takes a letter's lines (or just its list) and finds the list itself
(graph.extract.signatories.region), then turns entries into `Signatory` records: numbers and bullets stripped, wrapped names
joined, acronyms and countries split (graph.extract.signatories.names), sub-items attached to their umbrella (explicit 'o'
bullets, deeper indentation, or an alphabet restart: graph.extract.signatories.nesting). Tables are first reduced to their
name column (graph.extract.signatories.table). Where no list is printed, signers named in prose are read (cue phrases,
bylines, "A, B and seven others": graph.extract.signatories.prose); beside a list, only the letter's head is read for them.
"Jane Roe, Director of X" gives X, signed by Jane Roe. The same list printed again in another script is
reported, not counted twice. Lines it drops are reported with a reason; `fates` records what happened to every
line of the list region; `found_by` says where the names came from (graph.extract.signatories.confidence weighs it).

>>> r = parse_signatories(["We urge the Council to act.", "", "Signatories:", "1. Amnesty International",
...                        "2. Burma Campaign UK (BCUK)", "o Burma Campaign Youth", "and two others"])
>>> [(s.name, s.acronym, s.member_of) for s in r.signatories]
[('Amnesty International', None, None), ('Burma Campaign UK', 'BCUK', None), ('Burma Campaign Youth', None, 'Burma Campaign UK')]
>>> r.undisclosed_count
2
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import MISSING, dataclass, fields, replace

from graph.extract.people import find_contacts, find_signer, paren_signer, parse_person, signer_for, with_affiliation
from graph.records import Contact, Person, Signatory, SkippedLine
from graph.extract.signatories.counts import counts
from graph.extract.signatories.lines import number_value
from graph.extract.signatories.names import _countries, clean_entry, country_of, place_tail, split_place
from graph.extract.signatories.places import acronym_before_legal, city_then_country, dash_city, dash_place, lead_part, ends_legal, trailing_place
from graph.extract.countries import city_country
from graph.extract.signatories.nesting import alphabet_sublists
from graph.extract.signatories.prose import prose_how, prose_names, prose_signatories
from graph.extract.signatories.table import read_tables
from graph.extract.signatories.blocks import choose_blocks
from graph.extract.signatories.entries import cut_word, read_entries, rewrap, set_levels, translated_tail
from graph.extract.signatories.headings import count_line
from graph.extract.signatories.facts import is_open
from graph.extract.signatories.glue import unglue
from graph.extract.signatories.signers import more_signers, people_or_signers, signed_for_orgs, signing_blocks
from graph.extract.signatories.words import words
from graph.extract.signatories.region import LineInfo, classify
from graph.kinds import LineKind

@dataclass(frozen=True)
class SignatoryResult:
    signatories: tuple[Signatory, ...] = ()
    skipped: tuple[SkippedLine, ...] = ()
    undisclosed_count: int | None = None
    claimed_total: int | None = None
    individuals: tuple[Person, ...] = ()
    fates: tuple[tuple[int, str, str], ...] = ()
    # found first, because their lines are not list entries; parse_letter reports them too
    contacts: tuple[Contact, ...] = ()
    contact_lines: frozenset[int] = frozenset()
    signer: Person | None = None
    signer_lines: frozenset[int] = frozenset()
    # where the names came from, in order: "list", "table", "cue", "byline", "subject" (see graph.extract.signatories.prose)
    found_by: tuple[str, ...] = ()


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


AGAIN = "the list again in another script"
# a list where at least this share of the entries read "Person, Affiliation" is a list of people
PEOPLE_SHARE = 0.5
# a list where at least this share of the names carry a place: every ", <Country>" after a name is that place
PLACE_SHARE = 0.3
# a list where at least this share of the names end in " — <country or region>" prints each name's place that way
DASH_SHARE = 0.5
# Signers named in prose beside a printed list are named in the letter's head: its title, byline, first sentence.
HEAD_LINES = 12


_new = object.__new__
_SIG_FIELDS = fields(Signatory)
_SIG_DEFAULTS = {f.name: f.default for f in _SIG_FIELDS}
_SIG_FAST = all(f.default is not MISSING for f in _SIG_FIELDS[6:]) and [f.name for f in _SIG_FIELDS[:6]] == [
    "name", "acronym", "member_of", "lines", "printed", "country"] and not hasattr(Signatory, "__slots__") and not hasattr(
    Signatory, "__post_init__")


def _signatory(name: str, acronym: str | None, member_of: str | None, lines: tuple[int, ...], printed: str,
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


def parse_signatories(lines: list[str], start: int = 1) -> SignatoryResult:
    """Find and parse the signatory list in `lines` (line `start` is the first). See module docstring."""
    lines = unglue(lines)  # "Forumand The Teachers ...": a space lost in the source hides the cut between names
    # "Jane Roe" / "Director, X" blocks on one line each; "Signed for X:" / "Jane Roe, Convenor" kept aside
    lines, signed_for = signing_blocks(lines, start)
    contacts, contact_lines = find_contacts(lines, start)
    signer, signer_lines = find_signer(lines, start)
    if signer_lines and more_signers(lines, max(signer_lines) - start):
        signer_lines = set()  # the first of several people signing for organizations: a list, not one signer
    people = dict(contacts=contacts, contact_lines=frozenset(contact_lines), signer=signer,
                  signer_lines=frozenset(signer_lines))
    lines, rows = read_tables(lines)
    people_rows = frozenset(start + k for k, r in rows.items() if r.individual)
    # a list in a prose sentence after a cue phrase ("The undersigned organizations are A, B and C") is read as
    # one inline entry, wherever it is; bylines and lead sentences only where no list is printed (below)
    cue_groups = {g.line: g for g in prose_names(lines, ("cue",))}
    prose_lists: dict[int, tuple[str, ...] | None] = {k: None for g in cue_groups.values() for k in g.lead}
    prose_lists.update((k, ()) for g in cue_groups.values() for k in g.lines)
    prose_lists.update((k, g.names) for k, g in cue_groups.items())
    infos = classify(lines, start, contact_lines, signer_lines, frozenset(start + k for k in rows), prose_lists)
    # counts are stated in prose and headings, never inside the list of names
    claimed, undisclosed = counts("\n".join("" if i.kind in (LineKind.ENTRY, LineKind.CONT, LineKind.COLUMNS) else lines[i.line - start]
                                             for i in infos))
    skipped: list[SkippedLine] = [SkippedLine(i.line, i.text, "mirrored text") for i in infos if i.kind == LineKind.MIRRORED]
    blocks = choose_blocks(infos)
    # with a list, only the letter's head is read for signers named in prose ("submitted by A and B")
    groups = prose_names(lines[:min(infos[blocks[0][0]].line - start, HEAD_LINES)] if blocks else lines)
    if not blocks:
        found, fates, others = prose_signatories(groups, start, None, set())
        return SignatoryResult(signatories=tuple(_umbrellas(_from_prose(found), groups, start)), skipped=tuple(skipped),
                               undisclosed_count=undisclosed if undisclosed is not None else others,
                               claimed_total=claimed, fates=tuple(fates),
                               found_by=tuple(dict.fromkeys(h for _, h, _ in found)), **people)
    lo, hi = blocks[0]
    fates: list[tuple[int, str, str]] = []
    region_skips: list[SkippedLine] = []
    entries = rewrap(read_entries(infos, lo, hi, fates, region_skips, people_rows))
    skipped = [s for s in skipped if not (infos[lo].line <= s.line <= infos[hi].line)] + region_skips
    again = [(i.line, i.text) for a, b in blocks[1:] for i in infos[a:b + 1] if i.kind in (LineKind.ENTRY, LineKind.INLINE, LineKind.COLUMNS)]
    entries, tail = translated_tail(entries)
    again += [(e.lines[0], e.text) for e in tail]
    for line, text in dict(again).items():  # the same list in another script: its names are the ones above
        skipped.append(SkippedLine(line, text, AGAIN))
        fates.append((line, "skipped", AGAIN))
    for info in infos[hi + 1:]:
        m = count_line(info.text) if info.kind == LineKind.COUNT else None
        if m and undisclosed is None:
            undisclosed = number_value(m.group(1))
    for info in infos[lo:hi + 1]:
        if info.kind == LineKind.COUNT and undisclosed is None:
            undisclosed = number_value(count_line(info.text).group(1))
    cued = [cue_groups[i.line - start] for i in infos[lo:hi + 1] if i.detail == "cue" and i.kind == LineKind.INLINE]
    for g in cued:  # "A, B and 41 other organisations"; "..., as well as by Jane Roe in her personal capacity"
        if undisclosed is None and g.others:
            undisclosed = g.others
    prose_people = [(p, tuple(start + k for k in g.lines)) for g in cued for p in g.people]
    listed = any(i.kind in (LineKind.ENTRY, LineKind.COLUMNS) or (i.kind == LineKind.INLINE and i.detail != "cue") for i in infos[lo:hi + 1])
    first_source = "table" if rows else "list" if listed else "cue"
    # a list cut off mid-name at the end of the file must not yield the fragment
    last_text_line = max((i.line for i in infos if i.kind != LineKind.BLANK), default=0)
    if entries and entries[-1].lines[-1] == last_text_line and len(entries) > 1 and (
            is_open(entries[-1].text) or (lines and lines[-1].strip() and cut_word(entries[-1].text, lines))):
        e = entries.pop()
        skipped.append(SkippedLine(e.lines[0], e.text, "fragment at end of file"))
        fates.append((e.lines[0], "skipped", "fragment at end of file"))
    set_levels(entries)
    # most entries read "Person, Role, Org" without a title (a list of academics, "Prof. Jane Roe, Professor
    # of Law, University X", stays people)
    if sum(1 for e in entries if not e.individual and "," in e.text and signer_for(e.text)) >= \
            PEOPLE_SHARE * len(entries) > 0:
        for e in entries:  # "Dr. Jane Roe, Chair, X" among people signing for organizations: X signs
            if e.individual and not words().personal.search(e.text) and signer_for(e.text):
                e.individual = False
    people_or_signers(entries, PEOPLE_SHARE)
    if sum(map(with_affiliation, (e.text for e in entries))) >= PEOPLE_SHARE * len(entries) > 0:
        for e in entries:  # a list of "Jane Roe, University of Oslo": people signing, with affiliations
            e.individual = e.individual or with_affiliation(e.text)
    orgs = [e for e in entries if not e.individual]
    individuals = tuple(parse_person(e.text, tuple(e.lines)) for e in entries if e.individual) + tuple(
        parse_person(p, ls) for p, ls in prose_people)
    for e in entries:
        if e.individual:
            fates.append((e.lines[0], LineKind.PERSON, "individual signatory"))
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
        sig = _signatory(name, acronym, member_of, tuple(e.lines), e.text, country)
        if i in signers or location:
            sig = replace(sig, signed_by=signers.get(i), location=location)
        out.append(sig)
        how = "sub-member" if member_of else "signatory"
        fates.append((e.lines[-1] if len(e.lines) > 1 and e.num is None and not e.bullet else e.lines[0], how,
                      name + (f" (member of {member_of})" if member_of else "")))
    # signers named above the list ("submitted by A and B", a byline) sign too
    found, prose_fates, _ = prose_signatories(groups, start, infos[lo].line - start,
                                              {s.name.casefold() for s in out} if groups else set())
    out = signed_for_orgs(_umbrellas(out + _from_prose(found), cued + groups, start), signed_for)
    fates += prose_fates
    # a list in a prose sentence is one line used, as graph.extract.signatories.prose reports it, not one line per name
    cue_lines = {start + g.line: len(g.names) for g in cued}
    fates = [f for f in fates if not (f[0] in cue_lines and f[1] == "signatory")] + [
        (ln, "signatory", f"{n} names from a prose {prose_how('cue')}") for ln, n in cue_lines.items()]
    fates.sort(key=lambda f: f[0])
    return SignatoryResult(signatories=tuple(out), skipped=tuple(sorted(skipped, key=lambda s: s.line)),
                           undisclosed_count=undisclosed, claimed_total=claimed, individuals=individuals,
                           fates=tuple(fates), found_by=(first_source,) + tuple(
                               dict.fromkeys(h for _, h, _ in found)), **people)


def _from_prose(found: list[tuple[str, str, tuple[int, ...]]]) -> list[Signatory]:
    out = []
    for printed, _how, lines in found:
        name, acronym, country = clean_entry(printed)
        if name:
            out.append(_signatory(name, acronym, None, lines, printed, country))
    return out


def _umbrellas(sigs: list[Signatory], groups, start: int) -> list[Signatory]:
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
            sigs.insert(members[0], _signatory(name, acronym, None, (start + g.line,), g.umbrella, country))
    return sigs
