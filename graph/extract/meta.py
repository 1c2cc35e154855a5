"""A letter's title, date and recipients, with the lines they came from.

The letter head is everything above the salutation ("Your Excellencies,", "Dear ..."), or the first lines when
there is none. Titles come from graph.extract.titles: a Re:/Subject line (not an e-mail's, when the letter's heading
is below it), a markdown heading or a heading line in the head (not a menu, a site's name or a standfirst); dates from
graph.extract.letter_dates (the letter's own printed date before a page's); recipients from graph.extract.recipients (an
address line in several languages, an "Open letter to ..." heading, the greeting, or whom the text calls on).

>>> m = extract_meta("To Members of the United Nations Security Council\\n1 February 2024\\n\\n"
...                  "Re: Urgent call for swift action against the junta to end its war and protect\\n"
...                  "civilians in Myanmar\\n\\nYour Excellencies,\\n\\nWe write ...")
>>> m.title, m.date, m.recipients, m.title_lines
('Urgent call for swift action against the junta to end its war and protect civilians in Myanmar', '2024-02-01', ('Members of the UN Security Council',), (4, 5))
>>> extract_meta("# JOINT CALL FOR A SPECIAL SESSION ON MYANMAR\\n\\nWe urge the Human Rights Council to act. "
...              "Myanmar needs the Council.").title
'Joint call for a special session on Myanmar'
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.extract.head_lines import _MAIL_HEADER, _MD_HEADING, _RE_LINE, MAIL_HEADERS, _is_caps, _menu, sentence_case
from graph.records import Lines
from graph.extract.recipients import (_addressees, _body_recipients, _recipients, choose_recipients, normalise_recipient,
                                      split_recipients)
from graph.extract.signatories.region import SALUTATION as _SALUTATION
from graph.extract.address_block import copies
from graph.extract.address_lines import is_greeting
from graph.extract.leftovers import is_leftover
from graph.extract.letter_dates import letter_date
from graph.extract.letter_heading import letter_heading
from graph.extract.titles import DESCRIPTIVE, _descriptive_title, _tidy_title, _title, _title_like

__all__ = ["Meta", "choose_recipients", "extract_meta", "normalise_recipient", "sentence_case", "split_recipients"]


@dataclass(frozen=True)
class Meta:
    title: str | None = None
    date: str | None = None
    recipients: tuple[str, ...] = ()
    title_lines: Lines = ()
    date_lines: Lines = ()
    recipient_lines: Lines = ()
    date_note: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)


def _head_end(lines: list[str]) -> int:
    """Index of the salutation, else of the first prose line (long, ends a sentence), bounded to 25 lines."""
    for i, raw in enumerate(lines[:SALUTATION_LINES]):
        if _SALUTATION.match(raw) and len(raw.strip()) < MAX_SALUTATION_CHARS or i < GREETING_LINES and is_greeting(lines, i):
            return i
    for i, raw in enumerate(lines[:HEAD_LINES]):
        t = raw.strip()
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if _RE_LINE.match(t) or _MD_HEADING.match(t):
            continue
        after = lines[i + 2].strip() if i + 2 < len(lines) else ""
        two_lines = f"{t} {nxt}"
        if _is_caps(t) or is_leftover(t) or _menu(t) or _title_like(t, nxt) or _BANNER.search(t) or \
                (nxt[:1].islower() and len(two_lines.split()) <= MAX_TITLE_WORDS and _title_like(two_lines, after)):
            continue  # a title, or one printed over two lines (the second in lower case, then a blank line)
        if len(t) > PROSE_CHARS or len(t.split()) >= PROSE_WORDS or (
                len(t.split()) >= SENTENCE_WORDS and (t.endswith(".") or nxt[:1].islower())):
            return i
    return min(len(lines), HEAD_LINES)


# "Dear ..." is looked for this far down (an address block or a list of addressees above it); a longer line that
# opens so is a sentence. Without one, the head ends within HEAD_LINES, at the first line of prose: this long, this
# many words, or a sentence's worth of words ending with a full stop or running on in lower case.
SALUTATION_LINES, MAX_SALUTATION_CHARS, HEAD_LINES = 40, 80, 25
PROSE_CHARS, PROSE_WORDS, SENTENCE_WORDS = 90, 12, 8
# A site's banner ("Rivers Network | Protecting the rivers and the people who live by them"): parts between bars
# with no sentence end, page furniture however long, not the letter's first prose.
_BANNER = re.compile(r"^[^.!?]+\s\|\s[^.!?]+$")
# A greeting in other words than "Dear" ("Madame la Ministre,", "Señor Presidente:") opens the letter only near
# the top: further down such a line is a signer's ("Sra. Ana López, Directora,").
GREETING_LINES = 25
# A title over two lines is a phrase; more words than this over two lines (or a hyphenated break) are prose.
MAX_TITLE_WORDS = 20


def _named_in(who: str, found: tuple[str, ...]) -> bool:
    """'Parliament' is named in 'Island Parliament' already: the shorter form of a body adds no addressee."""
    def words(t: str) -> str:
        return " " + " ".join(re.findall(r"[^\W_]+", t.casefold())) + " "
    return any(words(who) in words(f) for f in found)


# A forwarded e-mail's rule ("---------- Forwarded message ---------", "Begin forwarded message:"): the letter is
# below its header block, the note above it is the forwarder's. Looked for this far down.
_FORWARD_RULE = re.compile(r"^\s*(?:-{3,}\s*(?:forwarded|original)\b|begin\s+forwarded)", re.I)
FORWARD_LINES = 60
_RULE = re.compile(r"^\s*(?:[=_*~]{10,}|-{10,})\s*$")


def forwarded_start(lines: list[str]) -> int:
    """Index of the first line of a forwarded e-mail (its header block From:/Date:/Subject:/To:, then the letter),
    or of the letter under the rule that ends an e-mail's note; 0 when the text forwards nothing.

    >>> forwarded_start(["Dear all,", "FYI.", "--- Forwarded message ---", "From: A <a@x.org>", "Subject: Letter",
    ...                  "", "JOINT LETTER ON X", "", "Dear Members,"])
    3
    """
    rule = next((i for i, t in enumerate(lines[:FORWARD_LINES]) if _FORWARD_RULE.match(t)), None)
    if rule is None:  # an e-mail's note to the press over a rule, the letter below it
        mail = sum(1 for t in lines[:MAIL_HEADERS + 3] if _MAIL_HEADER.match(t)) >= MAIL_HEADERS
        rule = next((i for i, t in enumerate(lines[:FORWARD_LINES]) if _RULE.match(t)), None) if mail else None
        return rule + 1 if rule is not None and any(x.strip() for x in lines[rule + 1:]) else 0
    j = rule + 1
    while j < len(lines) and (not lines[j].strip() or _MAIL_HEADER.match(lines[j])):
        j += 1
    headers = sum(1 for t in lines[rule + 1:j] if _MAIL_HEADER.match(t))
    return rule + 1 if headers >= MAIL_HEADERS - 1 and j < len(lines) else 0


def extract_meta(text: str) -> Meta:
    """Title, date and recipients of one letter's text (front matter already removed); of a forwarded e-mail,
    the forwarded letter's, with what it does not print taken from the e-mail around it."""
    lines = text.split("\n")
    start = forwarded_start(lines)
    if not start:
        return _meta(text)
    inner, outer = _meta("\n".join(lines[start:])), _meta(text)

    def shift(ls: Lines) -> Lines:
        return tuple(n + start for n in ls)

    described = any(n.startswith(DESCRIPTIVE) for n in inner.notes)
    title_from = outer if (inner.title is None or described) and outer.title else inner
    date_from = inner if inner.date else outer
    to_from = inner if inner.recipients else outer
    return Meta(title=title_from.title, date=date_from.date, recipients=to_from.recipients,
                title_lines=shift(inner.title_lines) if title_from is inner else outer.title_lines,
                date_lines=shift(inner.date_lines) if date_from is inner else outer.date_lines,
                recipient_lines=shift(inner.recipient_lines) if to_from is inner else outer.recipient_lines,
                date_note=date_from.date_note, notes=title_from.notes)


def _meta(text: str) -> Meta:
    lines = text.split("\n")
    head_end = _head_end(lines)
    title, tlines = _title(lines, head_end, text)
    recipients, rlines = _recipients(lines, head_end, tlines)
    first_body = next((i for i in range(head_end, len(lines)) if lines[i].strip() and not _SALUTATION.match(lines[i])
                       and not is_greeting(lines, i)), 0)
    if not recipients:  # a statement with no address line addresses each body its first paragraphs call on
        recipients, rlines = _body_recipients(lines, first_body)
        more, more_lines = _addressees(lines, head_end, first_body, title)
        recipients += tuple(r for r in more if not _named_in(r, recipients))
        rlines = rlines or more_lines
    copied, copy_lines = copies(lines, 0, set(rlines))  # "Cc: ..." lines, in the head or under the signatures
    recipients += tuple(r for r in (normalise_recipient(p) for who in copied for p in split_recipients(who))
                        if not _named_in(r, recipients))
    rlines = tuple(sorted(set(rlines) | set(copy_lines)))
    notes: list[str] = []
    heading = letter_heading(lines, head_end, title)
    if heading:
        title, tlines = _tidy_title(heading[0], text), heading[1]
        notes.append(f"title: the printed letter's own heading on line {tlines[0]}")
    if title is None:
        title, tlines = _descriptive_title("\n".join(lines[first_body:first_body + 8]), first_body + 1)
        if title:
            notes.append(DESCRIPTIVE + " from the first sentence")
    date, dlines, note = letter_date(lines, head_end, text)
    return Meta(title=title, date=date, recipients=recipients, title_lines=tlines, date_lines=dlines,
                recipient_lines=rlines, date_note=note, notes=tuple(notes))
