"""List entries: the chosen block's lines turned into entries (numbers and bullets stripped, wrapped names
joined, two-column rows split), their nesting level, and the run at the end that repeats the list in another
script. graph.extract.signatories.parse turns entries into signatories.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from graph.extract.people import is_individual
from graph.extract.signatories.lines import split_marker
from graph.records import SkippedLine
from graph.extract.signatories.acronyms import wrapped
from graph.extract.signatories.blocks import MIN_TRANSLATED
from graph.extract.signatories.region import LATIN, LineInfo
from graph.kinds import LineKind

SUB_BULLETS = frozenset("oO◦○▫▪‣")


@dataclass(slots=True)  # one per list entry: slots are quicker to make
class Entry:
    text: str
    lines: list[int]
    num: str | None
    bullet: str
    indent: int
    individual: bool = False
    level: int = 0
    umbrella: int = 0  # index into orgs, for level 2


def read_entries(infos: list[LineInfo], lo: int, hi: int, fates: list, skipped: list,
             people_rows: frozenset[int] = frozenset()) -> list[Entry]:
    entries: list[Entry] = []
    individuals_mode = False
    pending_marker: LineInfo | None = None
    right: list[Entry] = []  # right-hand column of a two-column list: read after the left one
    head: Entry | None = None  # an umbrella whose members are the items under it ("X, comprising:")
    column_last: dict[int, Entry] = {}  # each column's last entry, while a run of columns lasts
    for info in infos[lo:hi + 1]:
        k = info.kind
        if k in (LineKind.HEADING, LineKind.HEADING_IND):
            head = None  # a group heading ("3. Other organisations:") ends the umbrella's members
        if k not in (LineKind.COLUMNS, LineKind.BLANK):
            entries.extend(right)
            right, column_last = [], {}
        if k == LineKind.COLUMNS:
            for c, part in enumerate(info.parts):
                num, bullet, text = split_marker(part)
                last = column_last.get(c)
                if last is not None and (last.num or last.bullet) and not (num or bullet) and text:
                    # a numbered name that wrapped inside its column ("1. Al-Mizan Foundation for Community" over
                    # "Legal Services", the other column's item beside each)
                    last.text = _join(last.text, text)
                    last.lines.append(info.line)
                    continue
                e = column_last[c] = Entry(text, [info.line], num, bullet, info.indent, individuals_mode)
                (entries if c == 0 else right).append(e)
            fates.append((info.line, "signatory", "two columns"))
            continue
        if k == LineKind.BLANK:
            continue
        if k == LineKind.ENTRY:
            e = Entry(info.rest, [info.line], info.num, info.bullet, info.indent,
                       individuals_mode or info.line in people_rows or is_individual(info.rest))
            if pending_marker is not None and not (e.num or e.bullet):
                e.num, e.bullet, e.indent = pending_marker.num, pending_marker.bullet, pending_marker.indent
                e.lines.insert(0, pending_marker.line)
            pending_marker = None
            if info.detail == "umbrella":
                head = e
            elif head is not None and _sibling(head, e):
                head = None  # the next item of the umbrella's own list
            elif head is not None:
                e.level = 1
            entries.append(e)
        elif k == LineKind.INLINE:
            individuals_mode = individuals_mode or info.detail == "people"  # "Individual signers: A, B" and below
            for p in info.parts:
                entries.append(Entry(p, [info.line], None, "", info.indent, individuals_mode or is_individual(p)))
        elif k == LineKind.CONT and entries:
            entries[-1].text = _join(entries[-1].text, info.text)
            entries[-1].lines.append(info.line)
            fates.append((info.line, "signatory", "continues the name above"))
            continue
        elif k == LineKind.MARKER:
            num = re.match(r"\s*(\d+)", info.text)
            bullet = "" if num else info.text.strip()[:1]
            pending_marker = LineInfo(info.line, info.text, LineKind.MARKER, num.group(1) if num else None, bullet,
                                      indent=info.indent)
            fates.append((info.line, "skipped", "bullet or number on its own line"))
            continue
        elif k == LineKind.HEADING_IND:
            individuals_mode = True
            head = None
            fates.append((info.line, LineKind.HEADING, "individuals"))
            continue
        elif k == LineKind.HEADING:
            individuals_mode = False
            head = None
            fates.append((info.line, LineKind.HEADING, info.text))
            continue
        elif k == LineKind.CONT_INLINE:
            fates.append((info.line, "signatory", "continues the inline list above"))
            continue
        elif k == LineKind.COUNT:
            fates.append((info.line, LineKind.PROSE, "count of unnamed signatories"))
            continue
        else:
            reason = info.detail or {LineKind.URL: "url", LineKind.EMAIL: "email address", LineKind.PAGE: "page number",
                      LineKind.GARBAGE: info.detail, LineKind.MIRRORED: "mirrored text", LineKind.FOOTNOTE: "footnote",
                      LineKind.CONT: "continuation without entry"}.get(k, k)
            fate = "skipped" if k in (LineKind.URL, LineKind.EMAIL, LineKind.PAGE, LineKind.GARBAGE, LineKind.MIRRORED, LineKind.FOOTNOTE, LineKind.CONT) else k
            if fate == "skipped":
                skipped.append(SkippedLine(info.line, info.text, reason))
            fates.append((info.line, fate, reason))
            continue
    entries.extend(right)
    return entries



def _sibling(head: Entry, e: Entry) -> bool:
    """`e` is an item of the same list as the umbrella `head`, not one of its members: both numbered, or both
    with the same bullet no deeper in, or both plain."""
    if head.num is not None:
        return e.num is not None and e.indent <= head.indent
    if head.bullet:
        return e.bullet == head.bullet and e.indent <= head.indent
    return not (e.num or e.bullet)


def translated_tail(entries: list[Entry]) -> tuple[list[Entry], list[Entry]]:
    """(entries, the run at the end in another script) when that run is the list printed again, translated: at
    least MIN_TRANSLATED names and a third as many as the Latin-script names above it. Names in another script
    among Latin ones (a Burmese name in a numbered list) stay names."""
    k = len(entries)
    while k and not entries[k - 1].text.isascii() and not LATIN.search(entries[k - 1].text):
        k -= 1
    if k == len(entries):
        return entries, []  # the usual case: the list ends in Latin script
    latin = sum(1 for e in entries[:k] if e.text.isascii() or LATIN.search(e.text))
    if latin and len(entries) - k >= max(MIN_TRANSLATED, latin / 3):
        return entries[:k], entries[k:]
    return entries, []


def cut_word(text: str, lines: list[str]) -> bool:
    """The file stops inside a word: the entry's last word only begins a capitalised word printed elsewhere
    ("Kurdis" when "Kurdistan" is in the list) and never stands alone."""
    m = re.search(r"([^\W\d_]{3,})$", text)
    if not m or not m.group(1)[0].isupper():
        return False
    w = m.group(1)
    body = " ".join(lines[:-1])
    return re.search(r"\b" + re.escape(w) + r"\b", body, re.I) is None and re.search(
        r"\b" + re.escape(w) + r"[^\W\d_]+", body) is not None


def _join(a: str, b: str) -> str:
    if a.endswith("-") and b[:1].islower():
        return a[:-1] + b
    return f"{a} {b}"


def set_levels(entries: list[Entry]) -> None:
    """Explicit nesting: 'o' bullets under plain ones, a few bullets among plain/numbered entries, deeper
    indentation under shallower bullets."""
    plain = any(e.bullet not in SUB_BULLETS for e in entries)
    unbulleted = sum(1 for e in entries if not e.bullet)
    bulleted = [e.indent for e in entries if e.bullet and e.bullet not in SUB_BULLETS]
    base = min(bulleted) if bulleted else 0
    minority = 0 < len(bulleted) < unbulleted
    for i, e in enumerate(entries):
        if e.num is not None or i == 0:
            continue
        if e.bullet in SUB_BULLETS and plain:
            e.level = 1
        elif e.bullet and (minority or (bulleted and e.indent >= base + 2)):
            e.level = 1


def rewrap(entries: list[Entry]) -> list[Entry]:
    """Plain entries, one a line, where a name wrapped over lines with its acronym on the last one ("...Human
    Rights Northern" / "Association for Clean Water" / "Supply NACWS NPO"): joined where the acronym spells
    the joined words exactly (graph.extract.signatories.acronyms.wrapped)."""
    if not any(e.text[-1:].isupper() for e in entries[1:]):
        return entries  # no entry ends in an acronym: most lists
    out: list[Entry] = []
    for e in entries:
        prev = out[-1] if out else None
        if prev is None or e.num or e.bullet or prev.num or prev.bullet or e.individual or prev.individual or \
                e.lines[0] <= prev.lines[-1] or not e.text[-1:].isupper():
            out.append(e)
            continue
        first = out[-2] if len(out) > 1 and not (out[-2].num or out[-2].bullet) and \
            out[-2].lines[-1] < prev.lines[0] else None
        n = wrapped(first.text if first else "", prev.text, e.text)
        if n is None:
            out.append(e)
            continue
        if n:
            ws = first.text.split()
            first.text = " ".join(ws[:-n])
            prev.text = " ".join(ws[-n:]) + " " + prev.text
            prev.lines.insert(0, first.lines[-1])
        prev.text = prev.text + " " + e.text
        prev.lines.extend(e.lines)
    return out
