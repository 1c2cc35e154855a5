"""People signing for organizations, printed as blocks of lines under a letter: the organization signs, the
person is its signer (`Signatory.signed_by`).

Two shapes are read here, before the list is looked for (graph.extract.signatories.parse):

- a person's name, then "Role, Organization" on the next line, or "Role" and "Organization" on two lines: the
  block becomes one line "Person, Role, Organization" (which graph.extract.people.signer_for reads), on the
  person's line; the lines it took are left blank;
- "Signed for the X Coalition:" (data/signatory_words.yaml `signing_for`) over "Person, Role": X is signed for by
  that person; both lines are left blank and X is attached after the list is read.

>>> lines, signed = signing_blocks(["Sincerely,", "Jane Roe", "Director, Burma Action", "John Doe", "Coordinator",
...                                  "Karen Youth Network", "Signed for the Delta Coalition:", "Ann Poe, Convenor"])
>>> lines
['Sincerely,', 'Jane Roe, Director, Burma Action', '', 'John Doe, Coordinator, Karen Youth Network', '', '', '', '']
>>> signed
{'Delta Coalition': ('Ann Poe', (7, 8))}
"""
from __future__ import annotations

import re
from dataclasses import replace

from graph.extract.contacts import CONTACT_HEADING
from graph.extract.people import ROLE_WORDS, looks_like_person, signer_for
from graph.records import Signatory
from graph.extract.signatories.names import clean_entry
from graph.extract.signatories.lines import looks_like_name
from graph.extract.signatories.words import words

# A letter prints at least this many person-then-role blocks when its signers sign for organizations this way;
# one block alone is the letter's single signer (graph.extract.people.find_signer reads that one).
MIN_BLOCKS = 2
# the next signer's block starts within this many lines (blank lines, and the contact lines of the block
# above that signing_blocks folded away)
NEXT_SIGNER_LINES = 8
# a role line names a role in at most this many words before its comma ("Senior Policy Analyst")
MAX_ROLE_WORDS = 6


def _person(t: str) -> bool:
    return bool(t) and "," not in t and len(t.split()) <= 6 and looks_like_person(t) and not words().org_word(t)


def _role(t: str) -> tuple[str, str] | None:
    """("Role", "Organization" or "") of a role line: "Executive Director, X", "Programme Lead"."""
    role, _, org = t.partition(",")
    role = role.strip()
    if not role or len(role.split()) > MAX_ROLE_WORDS or words().org_word(role) or not (
            words().role_of(role) or ROLE_WORDS.search(role)):  # "Head of Advocacy", "Deputy Chief"
        return None
    return role, org.strip()


def _for_org(t: str) -> bool:
    """The line already names the organization its person signs for ("Jane Roe, présidente de l'Union X"); "Head
    of Advocacy" names a field, not one."""
    sf = signer_for(t)
    return sf is not None and words().org_word(sf[1])


# what a signature block prints under the signer: e-mail, web address, phone, with their labels and separators
_DETAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?|\+?\d[\d ()./-]{5,}\d|"
                     r"\b(?:tel|phone|mobile|fax|e-?mail|web|website|whatsapp|signal)\b\.?:?|[|•·,;/]", re.I)


def _details(lines: list[str], k: int) -> list[int]:
    """Indices of the contact lines from `k` on ("jane@x.org | +55 61 5555 0101", "www.x.org"): the signer's, no
    line of the list."""
    out = []
    while k < len(lines) and lines[k].strip() and not _DETAIL.sub("", lines[k]).strip() and any(
            c.isdigit() or c in "@." for c in lines[k]):
        out.append(k)
        k += 1
    return out


def _org(t: str) -> bool:
    return bool(t) and looks_like_name(t) and not _person(t) and _role(t) is None


def signing_blocks(lines: list[str], start: int = 1) -> tuple[list[str], dict[str, tuple[str, tuple[int, ...]]]]:
    """(lines with each block on one line, {organization: (person, line numbers)} of "Signed for X:" blocks)."""
    W = words()
    out = list(lines)
    signed: dict[str, tuple[str, tuple[int, ...]]] = {}
    merges: list[tuple[int, str, list[int]]] = []
    n = len(lines)
    i = 0
    while i < n:
        t = lines[i].strip()
        if not t[:1].isalpha():  # a numbered or bulleted list item, a blank: no block starts with one
            i += 1
            continue
        m = W.signing_for.match(t) if t[:1].isalpha() and t.endswith(":") and not CONTACT_HEADING.match(t) else None
        nxt = lines[i + 1].strip() if i + 1 < n else ""
        org = m.group("org").strip() if m else ""
        # "For Media Enquiries:" heads a contact; "For Immediate Release:" a press release: no organization's name
        if m and nxt and looks_like_person(nxt.partition(",")[0].strip()) and not CONTACT_HEADING.match(org) and (
                W.org_word(org) or W.role_of(nxt.partition(",")[2])):
            signed[org] = (nxt.partition(",")[0].strip(), (start + i, start + i + 1))
            out[i] = out[i + 1] = ""
            i += 2
            continue
        # "Jane Roe, Executive Director" over "Delta Rights Forum": the person and role on one line
        head, comma, rest = t.partition(",")
        if comma and "," not in nxt and _person(head.strip()) and _role(rest.strip()) and _org(nxt) and \
                not _for_org(t):  # not "Jane Roe, présidente de X" already
            merges.append((i, f"{t}, {nxt}", [i + 1]))
            i += 2
            continue
        role = _role(nxt) if _person(t) and nxt else None
        if role and role[1]:
            extra = _details(lines, i + 2)
            merges.append((i, f"{t}, {role[0]}, {role[1]}", [i + 1] + extra))
            i += 2 + len(extra)
            continue
        after = lines[i + 2].strip() if i + 2 < n else ""
        if role and _org(after):
            extra = _details(lines, i + 3)
            merges.append((i, f"{t}, {role[0]}, {after}", [i + 1, i + 2] + extra))
            i += 3 + len(extra)
            continue
        i += 1
    if len(merges) >= MIN_BLOCKS:
        for i, text, taken in merges:
            out[i] = text
            for k in taken:
                out[k] = ""
    return out, signed


def more_signers(lines: list[str], at: int) -> bool:
    """Another "Person, Role, Organization" line follows line index `at` within a few lines: the signer
    graph.extract.people.find_signer took is the first of a list."""
    after = [t for t in lines[at + 1:at + 1 + NEXT_SIGNER_LINES] if t.strip()]
    return any("," in t and signer_for(t.strip()) for t in after[:2])


def signed_for_orgs(sigs: list[Signatory], signed: dict[str, tuple[str, tuple[int, ...]]]) -> list[Signatory]:
    """"Signed for the X Coalition:" / "Jane Roe, Convenor": X (listed, or added) is signed by Jane Roe."""
    for org, (person, lines) in signed.items():
        name, acronym, country = clean_entry(org)
        key = name.casefold()
        hit = next((i for i, s in enumerate(sigs) if s.name.casefold() == key or (s.acronym or "").casefold() == key),
                   None)
        if hit is None:
            sigs.append(Signatory(name=name, acronym=acronym, lines=lines, printed=org, country=country,
                                  signed_by=person))
        elif not sigs[hit].signed_by:
            sigs[hit] = replace(sigs[hit], signed_by=person)
    return sigs


def people_or_signers(entries, people_share: float) -> None:
    """Titles and roles weighed against the list around them. "Jane Roe, Senior Lecturer, X University" among
    scholars signing in their own names is one more of them. "Dr. Jane Roe, Chair, X" in a list of organizations
    whose only people are printed that way is X signing, she signs for it; where people sign in their own names
    beside organizations (a titled person with another role), the titled ones stay people."""
    W = words()
    n_people = sum(1 for e in entries if e.individual)
    roles = {}
    for k, e in enumerate(entries):
        sf = signer_for(e.text) if "," in e.text and not W.personal.search(e.text) else None
        if sf:
            roles[k] = (bool(W.academic.search(e.text.partition(",")[2])), W.org_word(sf[1]))
    if n_people > people_share * len(entries):
        for k, (scholar, _) in roles.items():
            entries[k].individual = entries[k].individual or scholar
    elif 0 < n_people and all(k in roles and not roles[k][0] and roles[k][1] for k, e in enumerate(entries)
                              if e.individual):
        for k in roles:
            entries[k].individual = False
