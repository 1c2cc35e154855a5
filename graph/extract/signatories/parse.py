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

from dataclasses import dataclass

from graph.extract.contacts import find_contacts
from graph.extract.people import find_signer, parse_person, signer_for, with_affiliation
from graph.records import Contact, Person, Signatory, SkippedLine
from graph.extract.signatories.counts import counts
from graph.extract.signatories.lines import number_value
from graph.extract.signatories.prose import prose_how, prose_names, prose_signatories
from graph.extract.signatories.records import from_prose, org_records, umbrellas
from graph.extract.signatories.table import read_tables
from graph.extract.signatories.blocks import choose_blocks
from graph.extract.signatories.entries import cut_word, read_entries, rewrap, set_levels, translated_tail
from graph.extract.signatories.headings import count_line
from graph.extract.signatories.facts import is_open
from graph.extract.signatories.glue import unglue
from graph.extract.signatories.signers import more_signers, people_or_signers, signed_for_orgs, signing_blocks
from graph.extract.signatories.words import words
from graph.extract.signatories.region import classify
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


AGAIN = "the list again in another script"
# a list where at least this share of the entries read "Person, Affiliation" is a list of people
PEOPLE_SHARE = 0.5
# Signers named in prose beside a printed list are named in the letter's head: its title, byline, first sentence.
HEAD_LINES = 12


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
        return SignatoryResult(signatories=tuple(umbrellas(from_prose(found), groups, start)), skipped=tuple(skipped),
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
    inline = {i.detail for i in infos[lo:hi + 1] if i.kind == LineKind.INLINE}
    listed = any(i.kind in (LineKind.ENTRY, LineKind.COLUMNS) for i in infos[lo:hi + 1]) or bool(inline - {"cue", "byline"})
    first_source = "table" if rows else "list" if listed else "byline" if "byline" in inline else "cue"
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
    out = org_records(orgs, infos, rows, start, fates)
    # signers named above the list ("submitted by A and B", a byline) sign too
    found, prose_fates, _ = prose_signatories(groups, start, infos[lo].line - start,
                                              {s.name.casefold() for s in out} if groups else set())
    out = signed_for_orgs(umbrellas(out + from_prose(found), cued + groups, start), signed_for)
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
