"""Tables of signers: rows 'cell | cell | cell' (markdown, or HTML/docx tables as graph.extract.document prints them).

`read_tables(lines)` rewrites each table in place, line for line, so the list reader sees an ordinary list:
the header row becomes a heading ("Organisations:" or "Individuals:"), the alignment row (`|---|`) a blank
line, and each data row its name cell. The header picks the name column ("Name", "Organisation", "Nom") and
the columns that give evidence: a type column ("Type", "Statut") whose cell says "Individual" makes the row a
person; a country column gives the row's country. Which header words mean what: data/signatory_words.yaml.

>>> new, facts = read_tables(["| Name | Type | Country |", "|---|---|---|", "| Access Now | NGO | USA |",
...                           "| Jane Roe | Individual | France |"])
>>> new
['Organisations:', '', 'Access Now', 'Jane Roe']
>>> facts[2], facts[3]
(RowFacts(individual=False, country='USA'), RowFacts(individual=True, country='France'))
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from graph.extract.people import looks_like_person
from graph.extract.signatories.words import words

_ALIGN_CELL = re.compile(r"^:?-{1,}:?$")
_BULLET_START = re.compile(r"^\s*(?:[-*•+]\s|\d{1,4}[.)]\s)")
# A table has at least this many rows: one line holding a pipe is an entry like "ACT | The App Association".
MIN_ROWS = 2


@dataclass(frozen=True)
class RowFacts:
    individual: bool = False
    country: str | None = None


def _cells(line: str) -> list[str] | None:
    """The cells of a table row, or None when the line is not one."""
    t = line.strip()
    if "|" not in t:
        return None
    if _BULLET_START.match(line) and not _is_align(t.split("|")):  # "- | - | -" is an alignment row
        return None
    if t.startswith("|"):
        t = t[1:]
        if t.endswith("|"):
            t = t[:-1]
    elif " | " not in t:
        return None
    return [c.strip() for c in t.split("|")]


def _is_align(cells: list[str]) -> bool:
    return all(_ALIGN_CELL.match(c.replace(" ", "")) for c in cells if c) and any(cells)


def _header_keys(cell: str) -> list[str]:
    """'Nom / Name' -> ['nom / name', 'nom', 'name']: bilingual headers give each language."""
    low = " ".join(cell.lower().strip("*_ :").split())
    return [low] + [p.strip() for p in re.split(r"[/(),]", low) if p.strip()]


def _column(header: list[str], vocab: frozenset[str]) -> int | None:
    for i, cell in enumerate(header):
        if any(k in vocab for k in _header_keys(cell)):
            return i
    return None


def _header_says(header: list[str]) -> tuple[int, bool, int | None, int | None] | None:
    """(name column, rows are people, type column, country column) from a header row; None if not a header."""
    W = words()
    name = _column(header, W.name_headers | W.person_headers)
    if name is None:
        return None
    people = any(k in W.person_headers for k in _header_keys(header[name])) or (
        _column(header, W.affiliation_headers) not in (None, name))
    return name, people, _column(header, W.type_headers), _column(header, W.country_headers)


# a person's name in a table: two to four words, each capitalised, none in capitals ("KDE Blog" is no person)
_PERSON_WORDS = (2, 4)


def _person_named(name: str) -> bool:
    ws = name.split()
    return _PERSON_WORDS[0] <= len(ws) <= _PERSON_WORDS[1] and looks_like_person(name) and not words().org_word(
        name) and not any(len(w) > 1 and w.isupper() for w in ws)


def _person_type(cell: str) -> bool:
    low = cell.lower()
    return not words().org_word(cell) and any(re.search(r"(?<![\w])" + re.escape(w) + r"(?![\w])", low) for w in words().person_types)


_FOR = re.compile(r"^(.+?)\s+(?:for|pour|por|für)\s+(\S.*)$")
_GRID_RULE = re.compile(r"^\s*\+(?:[-=:]+\+)+\s*$")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"</?\w+[^>]*>")
_PLACE_TAIL = re.compile(r"\s+[-–—]\s+([^-–—]+)$")


def _grid_cell(pieces: list[str]) -> tuple[str, str | None]:
    """(name, place) of a grid-table cell wrapped over several lines: "[Name](url) - Country\\ description"."""
    text = " ".join(p for p in pieces if p)
    text = _LINK.sub(r"\1", _IMAGE.sub("", _TAG.sub("", text)))
    head = " ".join(text.split("\\", 1)[0].split())  # a pandoc hard line break ends the name line
    m = _PLACE_TAIL.search(head)
    if m and all(words().place(x) for x in re.split(r"[/,]", m.group(1))):
        return head[:m.start()].strip(), m.group(1).strip()
    return head, None


def _grids(lines: list[str], out: list[str], facts: dict[int, RowFacts]) -> None:
    """Pandoc grid tables (rows between '+----+' rules, each cell wrapped over several lines): each row's
    name (the first cell with text once images and tags are gone) goes on the row's first line."""
    rules = [i for i, x in enumerate(lines) if x.startswith("+") and _GRID_RULE.match(x)]
    for a, b in zip(rules, rules[1:]):
        rows = [_cells(lines[k]) for k in range(a + 1, b)]
        if not rows or any(r is None for r in rows):
            continue
        width = max(len(r) for r in rows)
        cols = [[r[c] if c < len(r) else "" for r in rows] for c in range(width)]
        name, place = "", None
        for col in cols:
            name, place = _grid_cell(col)
            if re.search(r"[^\W\d_]", name):
                break
        out[a] = ""
        for k in range(a + 1, b):
            out[k] = ""
        if name:
            out[a + 1] = name
            facts[a + 1] = RowFacts(country=place)
    for r in rules:
        out[r] = ""


_DESCRIBED = re.compile(r"^\s*(?P<name>[^;]{2,100}?)\s?[-–—]\s(?P<place>[^;]{2,40});\s+\S")


def _described(lines: list[str], out: list[str], facts: dict[int, RowFacts]) -> None:
    """Runs of 'Name - Place; what the group does' lines (a grid table as graph.extract.document prints it): the name."""
    found = []
    for k, x in enumerate(lines):
        m = _DESCRIBED.match(x) if ";" in x else None
        if m and all(words().place(p) for p in re.split(r"[/,]", m.group("place"))):
            found.append((k, m.group("name").strip(), m.group("place").strip()))
    if len(found) < MIN_ROWS:
        return
    for k, name, place in found:
        out[k] = name
        facts[k] = RowFacts(country=place)


def _wordy_column(rows: list[tuple[int, list[str]]]) -> int:
    """Without a header: the first column whose cells are mostly words (not numbers, dates or links)."""
    width = max(len(c) for _, c in rows)
    for col in range(width):
        cells = [c[col] for _, c in rows if col < len(c) and not _is_align(c)]
        if sum(bool(re.search(r"[^\W\d_]{2,}", x)) and "://" not in x for x in cells) * 2 > len(cells):
            return col
    return 0


def read_tables(lines: list[str]) -> tuple[list[str], dict[int, RowFacts]]:
    """(lines with tables rewritten as lists, {index of a data row: its facts}). Lines without tables are
    returned as they were (the same list object when there is no table)."""
    if not any("|" in x or " - " in x for x in lines):
        return lines, {}
    out = list(lines)
    facts: dict[int, RowFacts] = {}
    _described(lines, out, facts)
    if any(x.startswith("+-") for x in lines):
        _grids(lines, out, facts)
    i, n = 0, len(lines)
    while i < n:
        if i in facts or (out[i] == "" and lines[i]):  # a grid table's row, already read
            i += 1
            continue
        first = _cells(lines[i])
        if first is None:
            i += 1
            continue
        j = i
        rows: list[tuple[int, list[str]]] = []
        while j < n and (c := _cells(lines[j])) is not None:
            rows.append((j, c))
            j += 1
        if len(rows) >= MIN_ROWS:
            _rewrite(rows, out, facts)
        i = j
    return out, facts


def _people_above(out: list[str], k: int) -> bool:
    """The nearest non-blank line above line index `k` heads a group of people ("C. Individuals")."""
    above = next((t.strip() for t in reversed(out[max(0, k - 3):k]) if t.strip()), "")
    return words().group_heading(re.sub(r"^[A-H][.)]\s+", "", above), marked=True) is True


def _neutral(cell: str) -> bool:
    return " ".join(cell.lower().strip(" *_#:").split()) in words().neutral_headers  # data/signatory_words.yaml


def _rewrite(rows: list[tuple[int, list[str]]], out: list[str], facts: dict[int, RowFacts]) -> None:
    spec = None
    k0, first = rows[0]
    if (len(rows) > 1 and _is_align(rows[1][1])) or _header_says(first):
        spec = _header_says(first)
        out[k0] = ("Individuals:" if spec and spec[1] else "Organisations:") if spec else ""
        if spec and not spec[1] and _neutral(first[spec[0]] if spec[0] < len(first) else "") and _people_above(out, k0):
            out[k0] = ""  # "Name" says nothing of who signs: the heading above ("C. Individuals") holds
        rows = rows[1:]
    name_col, people, type_col, country_col = spec or (_wordy_column(rows), False, None, None)
    kinds: dict[int, str] = {}  # data row -> its type cell
    for k, cells in rows:
        if _is_align(cells):
            out[k] = ""
            continue
        name = cells[name_col] if name_col < len(cells) else ""
        # "Daniel Barlow for Liminix": a person signing for a project ("Iniciativa X por Y" is none), in a table
        # whose type column says who is a person ("Pacific Voices for Climate Action" in a plain table is a name)
        m = _FOR.match(name) if type_col is not None else None
        if m and len(m.group(1).split()) >= 2 and looks_like_person(m.group(1)) and not words().org_word(m.group(1)):
            name = m.group(2)
        out[k] = name
        if not name:
            continue
        kind = cells[type_col] if type_col is not None and type_col < len(cells) else ""
        place = cells[country_col] if country_col is not None and country_col < len(cells) else ""
        facts[k] = RowFacts(individual=people or (bool(kind) and _person_type(kind)), country=place or None)
        kinds[k] = kind
    if type_col is None or people or not any(facts[k].individual for k in kinds):
        return
    # the type column marks some rows as people: the table mixes them with organizations, so a row named like a
    # person whose type names no kind of organization ("John Roe | AutoEntrepreneur") is one of them too
    for k, kind in kinds.items():
        if not facts[k].individual and kind and _person_named(out[k]) and not words().org_word(kind) and \
                kind.lower().rstrip(".") not in words().legal:
            facts[k] = RowFacts(individual=True, country=facts[k].country)
