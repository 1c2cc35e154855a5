"""Inline comma lists of names: "The undersigned are: A, B (AB), and C." on one line or wrapped over a paragraph.

>>> inline_names("Signatories: Amnesty International, Human Rights Watch and Fortify Rights")
('Amnesty International', 'Human Rights Watch', 'Fortify Rights')
"""
from __future__ import annotations

from functools import lru_cache
import re

from graph.extract.signatories.acronyms import join_spans
from graph.extract.signatories.headings import IND_HEADING, INTRO
from graph.extract.signatories.lines import MAX_INLINE_PARTS, looks_like_name, split_top
from graph.extract.signatories.parts import last_and
from graph.extract.signatories.words import words
from graph.kinds import LineKind

# Pure functions of a string: lists repeat lines and names, so each is computed once.
_memo = lru_cache(maxsize=1 << 16)

INLINE_INTRO = re.compile(r"\b(?:undersigned(?:\s+organi[sz]ations)?(?:\s+are)?|signed\s+by|signatories(?:\s+are)?|"
                          r"endorsed\s+by|co-?signed\s+by)\s*:\s*\S", re.I)


def paragraph(lines: list[str], idx: int) -> tuple[str, set[int]]:
    """Lines idx.. up to the next blank line, joined (end-of-line hyphens rejoined)."""
    used, parts = set(), []
    j = idx
    while j < len(lines) and lines[j].strip() and j - idx < 40:
        parts.append(lines[j].strip())
        used.add(j)
        j += 1
    text = "\n".join(parts)
    text = re.sub(r"-\n(?=[a-z])", "", text)
    return text.replace("\n", " "), used


def inline_here(lines: list[str], idx: int, done: set[int], info) -> bool:
    """'The undersigned are: A, B (AB), and C.' possibly wrapped over the paragraph: mark it as an inline list."""
    joined, used = paragraph(lines, idx)
    parts = inline_names(joined, intro_ok=True)
    if parts:
        info.kind, info.parts = LineKind.INLINE, parts
        done.update(used)
    return bool(parts)



BYLINE = re.compile(r"^(?:by|par|por|von)\s+(?=[A-Z])", re.I)
# "By A, B and C  •  14 May 2024", "By A and B — 3 March 2023": the byline's names end at the bar (or a dash
# before a date)
_BAR = re.compile(r"\s+(?:[•|·]|[—–](?=\s+(?:\d|[A-Z][a-z]+\.?\s+\d)))\s+")


def _byline_names(text: str) -> str:
    """The names of a byline, without "By" and the date or section printed after a bar."""
    m = BYLINE.match(text)
    if not m:
        return text
    return _BAR.split(text[m.end():], maxsplit=1)[0]


@_memo
def inline_names(text: str, intro_ok: bool = False) -> tuple[str, ...]:
    """'The undersigned are: A, B (AB), and C.' -> ('A', 'B (AB)', 'C'); () when not a comma list of names.

    >>> inline_names("By Ordo Centre, Kyrgyz Press Club and the Media Policy Institute  •  14 May 2024")
    ('Ordo Centre', 'Kyrgyz Press Club', 'Media Policy Institute')
    """
    text = _byline_names(text)
    head, sep, tail = text.partition(":")
    has_intro = bool(sep) and bool(INTRO.search(head) or re.search(r"(?i)\b(?:organi[sz]ations|groups|are|by)\s*$",
                                                                  head))
    body = tail if has_intro else text
    sep = ";" if body.count(";") >= 2 else ","  # "A (AB); Eleos Justice, Monash University; C"
    if body.count(sep) > MAX_INLINE_PARTS:
        return ()
    parts = join_spans(words().join_legal([p.strip() for p in split_top(body.strip().rstrip("."), sep)]))
    if parts and not re.match(r"(?:and|&)\s", parts[-1]):  # no Oxford comma: "A, B and C"
        last = re.split(r"\s+(?:and|&)\s+(?:the\s+)?(?=[A-Z])", parts[-1], maxsplit=1)
        if len(last) == 2 and looks_like_name(last[0]) and looks_like_name(last[1]):
            parts[-1:] = last
    parts = [re.sub(r"^(?:and|&)\s+", "", p).strip() for p in parts if p.strip()]
    parts = [re.sub(r"^the\s+(?=[A-Z])", "", p) for p in parts]  # "the Uyghur Human Rights Project"
    if parts and words().web_leftover(parts[0]):  # "Download PDF in English, Burmese, Karen"
        return ()
    need = 2 if (has_intro or intro_ok) else 3
    if len(parts) >= need and all(looks_like_name(p) and len(p) < 100 for p in parts):
        return tuple(parts)
    return ()


# A label before a colon is short ("Adhesiones individuales", "À titre individuel"); a longer one is a sentence.
MAX_PEOPLE_LABEL = 45


def people_line(t: str) -> tuple[str, ...]:
    """The people a line lists after a label that says they sign in their own names ("Adhesiones individuales:
    A (investigadora), B, C." / "À titre individuel : A, avocat ; B"), one part each; () for any other line.

    >>> people_line("Adhesiones individuales: Lucía Roe (investigadora), Tomás Benítez y Carla Ibarra.")
    ('Lucía Roe (investigadora)', 'Tomás Benítez', 'Carla Ibarra')
    >>> people_line("À titre individuel : Me Jean Roe, avocat ; Awa Ndiaye, chercheuse"), people_line("Note: A, B")
    (('Me Jean Roe, avocat', 'Awa Ndiaye, chercheuse'), ())
    """
    at = t.find(":")
    if not 0 < at <= MAX_PEOPLE_LABEL or not t[at + 1:].strip():
        return ()
    W = words()
    label = t[:at].strip(" *_#")
    if W.group_heading(label + ":") is not True and not W.personal.search(label) and not IND_HEADING.match(label):
        return ()
    rest = t[at + 1:].strip().rstrip(".")
    parts = [p.strip() for p in rest.split(";" if ";" in rest else ",") if p.strip()]
    if parts and ";" not in rest:  # "B y C": the last one joined by a conjunction
        parts[-1:] = [p.strip() for p in last_and(parts[-1]) if p.strip()]
    return tuple(parts)

