"""Press contacts: the people a letter names under "For more information, please contact:", with their role,
organization and e-mail. They are never signatories by themselves (graph.extract.letter decides what a contact's
organization is worth when the letter prints no list).

>>> lines = ["For more information, please contact:", "- Khin Ohmar, Progressive Voice; info@progressive-voice.org"]
>>> contacts, used = find_contacts(lines)
>>> contacts[0].person, contacts[0].organization, contacts[0].email, sorted(used)
('Khin Ohmar', 'Progressive Voice', 'info@progressive-voice.org', [1, 2])
"""
from __future__ import annotations

import re

from graph.extract.people import ROLE_WORDS, CLOSING, looks_like_person
from graph.extract.signatories.lines import EMAIL, cap_ratio, split_marker
from graph.records import Contact

CONTACT_HEADING = re.compile(  # "문의 / Contact:": the same heading first in the letter's other language
    r"^\W*(?:[^\W\d_][^/:\n]{0,20}/\s*)?(?:for (?:more|further) information|(?:media|press) (?:contacts?|enquiries|inquiries)|contacts?\b|"
    r"(?:inquiries|enquiries|questions)\b.*\b(?:to|contact)\b|please contact)", re.I)

# A contact heading is a short line ("Media contact:"); a longer one that starts so is a sentence.
MAX_CONTACT_HEADING = 120
# A line of contact details ("Name, Role, Org") is shorter than this, with at least half its words capitalised.
MAX_CONTACT_LINE = 160


def _parse_contact(text: str, lines: tuple[int, ...]) -> Contact | None:
    _, _, body = split_marker(text)
    emails = EMAIL.findall(body)
    body = EMAIL.sub("", body)
    parts = [p.strip(" -–—:") for p in re.split(r"[;,|]|\s[-–—]\s", body) if p.strip(" -–—:")]
    if not parts:
        return Contact(None, None, emails[0] if emails else None, None, lines) if emails else None
    person = parts[0] if looks_like_person(parts[0]) or len(parts) > 1 else None
    rest = parts[1:] if person else parts
    role = org = None
    if len(rest) >= 2:
        role, org = rest[0], ", ".join(rest[1:])
    elif len(rest) == 1:
        if ROLE_WORDS.search(rest[0]) and not cap_ratio(rest[0]) == 1.0 or re.match(r"(?i)(?:co-)?(?:executive )?"
                                                                                  r"director\b", rest[0]):
            role = rest[0]
        else:
            org = rest[0]
    if person is None and org is None and not emails:
        return None
    return Contact(person, org, emails[0] if emails else None, role, lines)



def find_contacts(lines: list[str], start: int = 1) -> tuple[tuple[Contact, ...], set[int]]:
    """Contacts printed under a 'For more information, please contact:' style heading, and the line numbers used.

    A contact is one line "Name, [Role,] Organization[; email]"; an email alone on the next line belongs to it,
    and a description line right under it ("X is one of the leading ...") is part of the block.
    """
    contacts: list[Contact] = []
    used: set[int] = set()
    i, n = 0, len(lines)
    while i < n:
        if not CONTACT_HEADING.match(lines[i]) or len(lines[i]) > MAX_CONTACT_HEADING:
            i += 1
            continue
        used.add(start + i)
        head_rest = lines[i].split(":", 1)[1].strip() if ":" in lines[i] else ""
        items: list[tuple[str, list[int]]] = [(head_rest, [start + i])] if head_rest else []
        j, blank = i + 1, False
        while j < n:
            t = lines[j].strip()
            if not t:
                blank = True
                j += 1
                continue
            contact_like = ("@" in t and bool(EMAIL.search(t))) or ("," in t or ";" in t) and len(t) < MAX_CONTACT_LINE and cap_ratio(t) >= 0.5
            if blank and not contact_like or CLOSING.match(t) or re.match(r"(?i)\W*(?:signed|signatories|endorsed)", t):
                break
            if "@" in t and " " not in t and EMAIL.fullmatch(t.strip(" <>;,.")) and items:
                items[-1] = (items[-1][0] + "; " + t, items[-1][1] + [start + j])
            elif contact_like:
                items.append((t, [start + j]))
            elif items:  # a description line under a contact
                items[-1][1].append(start + j)
            else:
                break
            used.add(start + j)
            blank = False
            j += 1
        for text, ls in items:
            c = _parse_contact(text, tuple(ls))
            if c is not None:
                contacts.append(c)
        i = j
    return tuple(contacts), used
