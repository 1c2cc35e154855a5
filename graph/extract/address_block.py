"""The address block of a letter's head: every addressee its lines name, not only the first.

A head may name its addressees on several lines: one "To:" line each, a "To:" (or "To,", "Kepada Yth.") alone
over one addressee a line, a "Cc:" line of bodies sent a copy, German "An das Ministerium ..." lines, or several
greetings ("Dear High Commissioner," / "Dear Members of the Coalition,"). Words are in data/addressees.yaml.

>>> address_block(["Open letter", "To: The Council of the European Union", "To: The Office of Foreign Assets Control",
...                "Cc: Members of Parliament; the Commissioner", "", "We write."], 5, ())[0]
['The Council of the European Union', 'The Office of Foreign Assets Control', 'Members of Parliament; the Commissioner']
>>> address_block(["To,", "The Chief Minister,", "Government of Kerala,", "Thiruvananthapuram - 695001", "",
...                "Subject: Relief camps"], 5, ())[0]
['The Chief Minister', 'Government of Kerala']
>>> greetings(["Dear Ms. High Commissioner,", "Dear Members of the Freedom Online Coalition,", "We write."], 0)[0]
['Ms. High Commissioner', 'Members of the Freedom Online Coalition']
"""
from __future__ import annotations

import re
from functools import lru_cache

from graph.extract.address_lines import address_line, greeting, greets
from graph.extract.addressees import alternation, honorific
from graph.extract.dates import find_dates
from graph.extract.head_lines import _MAIL_HEADER, _POSTAL, _RE_LINE, MAIL_HEADERS
from graph.records import Lines

# Addressees printed one a line under an address label; a longer run is no longer the head.
MAX_ADDRESS_LINES = 6
# An addressee's line is a name or an office, not a sentence.
MAX_ADDRESSEE_CHARS = 150


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, ...]:
    alone = re.compile(r"^\s*(?:" + alternation("address_labels_alone") + r")\s*[:,]?\s*$", re.I)
    opener = re.compile(r"^\s*(?i:" + alternation("address_line_openers") + r")\s+(?P<who>[^\W\d_].+?)\s*[,:]?\s*$")
    copy = re.compile(r"^\s*(?:" + alternation("copy_labels") + r")\s*:\s*(?P<who>\S.*?)\s*$", re.I)
    place = re.compile(r"^\s*(?:" + alternation("place_prefixes") + r")\s+[A-Z][\w .'-]*$")
    romance = re.compile(r"^\s*(?i:" + alternation("address_line_prefixes") + r")\s+(?P<who>[A-ZÀ-Ý].+?)\s*,?\s*$")
    office = re.compile(r"\b(?i:" + alternation("head_nouns") + r")\b")
    return alone, opener, copy, place, romance, office


@lru_cache(maxsize=1)
def _closers() -> frozenset[str]:
    """Words that close an address block (data/addressees.yaml address_closers), case-folded."""
    from graph.curated import expect, read_yaml

    words = expect(read_yaml("addressees.yaml"), "address_closers", list, "addressees.yaml", default=[])
    return frozenset(str(w).casefold().rstrip(".") for w in words)


# A list mark or a joining word before an addressee on its own line.
_ITEM = re.compile(r"^(?:[-–•*]\s+|\(?\d{1,2}[.)]\s+|(?:and|&|et|y|und|dan)\s+(?=\S))", re.I)


def is_mail_header(lines: list[str], i: int) -> bool:
    """Line i is in an e-mail's header (From:/Sent:/To:/Subject: ...): its To: and Cc: name whom the e-mail went to
    (a press list, an address), not whom the letter below addresses."""
    near = lines[max(0, i - 4):i + 5]
    return sum(bool(_MAIL_HEADER.match(x)) for x in near) >= MAIL_HEADERS and any(_SENDER.match(x) for x in near)


# An e-mail header's sender or sending-time line: what a letter's own head ("To:", "Cc:", "Date:", "Re:") lacks.
_SENDER = re.compile(r"^\s*[*_]*(?:from|sent|de|von|envoyé|enviado|gesendet|dari|dikirim|van|verzonden|da|"
                     r"inviato)[*_]*\s*:", re.I)


def copy_line(line: str) -> str | None:
    """Whom a "Cc:" / "Copy:" / "Copie à :" line names."""
    m = _patterns()[2].match(line)
    return m.group("who").strip(" ,;") if m and len(line) <= MAX_ADDRESS_LINE_CHARS else None


MAX_ADDRESS_LINE_CHARS = 250


def _opener(line: str) -> str | None:
    """Whom a line that opens with an address word and no colon names: "An das Bundesministerium des Innern"."""
    if len(line) > MAX_ADDRESSEE_CHARS or line.rstrip().endswith((".", "!", "?", ":")):
        return None  # a sentence; or an address line with its colon, read by address_line
    m = _patterns()[1].match(line)
    if m:
        return m.group("who")
    m = _patterns()[4].match(line)  # "Al Presidente de la República": a Romance address word before an office
    return m.group("who") if m and _patterns()[5].search(m.group("who")) else None


def is_address_line(line: str) -> bool:
    """The line names an addressee after an address word: "To: ...", "An das ...", "Kepada Yth. ..."."""
    return bool(address_line(line) or _opener(line) or _patterns()[0].match(line))


def under_address_label(lines: list[str], i: int) -> bool:
    """Line i stands right under an address label alone ("Kepada Yth." / "Presiden Republik Indonesia"): an
    addressee, not a title."""
    return i > 0 and bool(_patterns()[0].match(lines[i - 1]))


def _addressee_line(t: str) -> bool:
    """A line under an address label that is an addressee: short, no sentence, no date, no postal address, no
    place alone ("di Jakarta", "New Delhi"), no subject line."""
    return 0 < len(t) <= MAX_ADDRESSEE_CHARS and not t.endswith((".", "!", "?", ";")) and not find_dates(t) and \
        not _POSTAL.search(t) and not _RE_LINE.match(t) and not _MAIL_HEADER.match(t) and \
        not _patterns()[3].match(t) and len(t.split()) >= 2 and \
        re.sub(r"^(?i:the|la|le|el|die|der)\s+", "", t)[:1].isupper()  # "the Minister of ..." under "To: A,"


def address_block(lines: list[str], head_end: int, title_lines: Lines) -> tuple[list[str], Lines] | None:
    """(addressees as printed, their lines) of the head's first address line and the lines that go on with it."""
    alone_rx = _patterns()[0]
    for i, raw in enumerate(lines[:head_end + 2]):
        if (i + 1) in title_lines:
            continue
        alone = bool(alone_rx.match(raw))
        who = None if alone else without_mail(address_line(raw) or _opener(raw) or _bilingual(raw))
        if not (alone or who) or is_mail_header(lines, i):
            continue
        found, used = ([who] if who else []), [i + 1]
        for j in range(i + 1, min(len(lines), i + 1 + MAX_ADDRESS_LINES)):
            t = _ITEM.sub("", lines[j].strip())  # "1. The Minister ...", "- The Chair ...", "and the Minister ..."
            if t.casefold().rstrip(".") in _closers():
                used.append(j + 1)
                break
            more = without_mail(address_line(t) or _opener(t) or copy_line(t))
            if more:
                found.append(more)
            elif alone and _addressee_line(t.rstrip(",")):
                if honorific().match(t) and "," not in t.rstrip(","):
                    used.append(j + 1)  # a person's name: the office on the next line is the addressee
                    continue
                found.append(t.rstrip(","))
            elif alone and t and (_POSTAL.search(t) or _patterns()[3].match(t)):
                pass  # the address under the addressee
            elif t and honorific().match(t) and len(t) <= MAX_ADDRESSEE_CHARS:
                found.append(t)  # further addressees below a To: line each start with a person's title
            elif t and _addressee_line(t.rstrip(",;")) and (not raw[:1].isspace() and lines[j][:1].isspace() or
                                                             re.search(r"(?:[,;]|\band)\s*$", lines[j - 1])):
                found.append(t.rstrip(",;"))  # an indented line under "To: ...", or after a comma: the list goes on
            else:
                break
            used.append(j + 1)
        if found:
            return found, tuple(used)
    return None


def without_mail(who: str | None) -> str | None:
    """An addressee without e-mail addresses ("Minister of Labour <minister@labour.example>"); None when only
    addresses were printed ("To: press-list@example.org" names no addressee)."""
    if not who or "@" not in who:
        return who
    left = re.sub(r"<[^>]*>|\[mailto:[^\]]*\]|\S+@\S+", " ", who)
    left = re.sub(r"\s+", " ", left).strip(" ,;'\"")
    return left if re.search(r"[^\W\d_]{2,}", left) else None


def _bilingual(line: str) -> str | None:
    """An address line printed in two languages ("수신: 고용노동부 장관 / To: the Minister of ..."): the part
    that reads as one."""
    for part in line.split(" / ")[1:]:
        who = address_line(part)
        if who:
            return who
    return None


def copies(lines: list[str], start: int = 0, read: set[int] = frozenset()) -> tuple[list[str], Lines]:
    """Whom the "Cc:" lines from line index `start` on name (not an e-mail header's, nor the lines numbered in
    `read`, already read with the address block)."""
    found, used = [], []
    for i in range(start, len(lines)):
        who = (i + 1) not in read and without_mail(copy_line(lines[i]))
        if who and not is_mail_header(lines, i):
            found.append(who)
            used.append(i + 1)
    return found, tuple(used)


def greetings(lines: list[str], at: int) -> tuple[list[str], Lines]:
    """Whom the greeting at line index `at` and the greetings right below it name ("Dear A," / "Dear B,")."""
    found, used = [], []
    if at < len(lines) and greets(lines[at]) and not greeting(lines[at:at + 1]) and \
            is_mail_header(lines, _mail_top(lines, at)):
        # an e-mail's greeting to those it went to ("Dear partners,"): the letter it forwards greets below
        at = next((i for i in range(at + 1, min(len(lines), at + FORWARD_NOTE_LINES)) if greeting(lines[i:i + 1])),
                  at)
    for i in range(at, min(len(lines), at + MAX_ADDRESS_LINES)):
        who = greeting(lines[i:i + 1])
        if not who:
            break
        found.append(who)
        used.append(i + 1)
    return found, tuple(used)


# An e-mail's note above the letter it forwards is a few lines ("Please find below the final text.").
FORWARD_NOTE_LINES = 15


def _mail_top(lines: list[str], at: int) -> int:
    """The last e-mail header line above line index `at` (or `at`)."""
    return next((i for i in range(at - 1, max(-1, at - FORWARD_NOTE_LINES), -1) if _MAIL_HEADER.match(lines[i])), at)
