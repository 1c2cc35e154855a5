"""A letter's own heading when a page prints the letter below a report about it, and which of the titles a page
offers is the letter's: a headline that quotes the heading, a page title cut short, a title in another language
than the English heading printed beside it. Words are in data/page_leftovers.yaml.

>>> lines = ["Groups issue Joint Statement on dams in the north", "", "Today twenty groups issued it.", "",
...          "Joint Statement on dams in the north", "", "We, the undersigned, are alarmed."]
>>> letter_heading(lines, 1, "Groups issue Joint Statement on dams in the north")
('Joint Statement on dams in the north', (5,))
>>> is_cut_short("Forty groups applaud the Dissolution of the Contrived “Reconcili",
...              "Forty groups applaud the Dissolution of the Contrived “Reconciliation and Healing Foundation”")
True
>>> is_english("ACTA: A Global Threat to Freedoms"), is_english("ACTA: Una minaccia globale alla Libertà")
(True, False)
"""
from __future__ import annotations

import re
from functools import lru_cache

from graph.extract.signatories.headings import heading as signatory_heading
from graph.extract.leftovers import word_key
from graph.records import Lines

# A heading is a line, not a paragraph; a longer line is prose.
MAX_HEADING_CHARS = 200
# How far below the head a page prints the letter it reports (a report of a few paragraphs, a list of links).
HEADING_LINES = 80
# A label under a heading ("open letter") or a subtitle in capitals is short.
MAX_LABEL_CHARS = 80


@lru_cache(maxsize=1)
def _knowledge() -> tuple[re.Pattern, re.Pattern, frozenset, frozenset]:
    from graph.curated import expect, read_yaml

    data, f = read_yaml("page_leftovers.yaml"), "page_leftovers.yaml"

    def alt(key: str) -> str:
        return "|".join(re.escape(str(w)).replace(r"\ ", r"\s+") for w in
                        sorted(expect(data, key, list, f), key=lambda w: -len(str(w))))

    kind = r"(?:(?:" + alt("letter_kind_adjectives") + r")\s+)*(?:" + alt("letter_kinds") + r")"
    starts = re.compile(r"^\W{0,3}" + kind + r"\b", re.I)
    label = re.compile(r"^\W{0,3}" + kind + r"\W*$", re.I)
    english = frozenset(str(w).casefold() for w in expect(data, "english_words", list, f))
    other = frozenset(str(w).casefold() for w in expect(data, "other_language_words", list, f))
    return starts, label, english, other


def _is_heading_line(t: str) -> bool:
    return 0 < len(t) <= MAX_HEADING_CHARS and not t.endswith((".", ",", ";", "!", "?")) and len(t.split()) >= 2


def _headings(lines: list[str], start: int) -> list[tuple[str, Lines]]:
    """Every heading of a printed letter from line index `start` on, above its signatories' heading: a line that starts with the kind of letter
    ("Joint Statement by ..."), or a line over a label that is only a kind ("ACTA: ..." / "open letter"). A
    heading that is only its kind ("International Joint Statement") takes the line below it; a subtitle in
    capitals below one is joined with a dash."""
    starts, label, _, _ = _knowledge()
    out = []
    end = min(len(lines), start + HEADING_LINES)
    for i in range(start, end):
        t = lines[i].strip()
        if signatory_heading(t):
            break  # a letter's heading is above its signers; below them a page lists other letters ("Related")
        prev = lines[i - 1].strip() if i > 0 else ""
        if not _is_heading_line(t) or (prev and not prev.endswith((":", ":-", "-"))):
            continue  # a heading stands on its own, or under a line that announces it ("The statements are:-")
        below = [j for j in range(i + 1, min(end, i + 4)) if lines[j].strip()]
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if starts.match(t):
            if label.match(t) and nxt and _is_heading_line(nxt):
                out.append((f"{t} {nxt}", (i + 1, i + 2)))
            elif nxt and len(nxt) <= MAX_LABEL_CHARS and _caps(nxt) and _is_heading_line(nxt):
                out.append((f"{t} - {nxt}", (i + 1, i + 2)))
            elif not nxt or len(nxt) > MAX_LABEL_CHARS:  # the letter's body below it
                out.append((t, (i + 1,)))
        elif not nxt and below and label.match(lines[below[0]].strip()) and not label.match(t):
            out.append((t, (i + 1,)))
    return out


def _caps(t: str) -> bool:
    letters = [c for c in t if c.isalpha()]
    return len(letters) >= MIN_CAPS_LETTERS and all(c.isupper() for c in letters)


def letter_heading(lines: list[str], start: int, title: str | None) -> tuple[str, Lines] | None:
    """The printed letter's own heading, when it is the better title than `title` (the head's or the page's):
    there is no title, the title quotes the heading (a report's headline: "40 groups issue Joint Statement
    Applauding ..."), or the title is not in English and a heading is."""
    found = _headings(lines, start)
    if not found:
        return None
    if not title:
        return found[0]
    flat = word_key(title)
    quoted = next((h for h in found if len(word_key(h[0])) >= MIN_QUOTED_CHARS and word_key(h[0]) in flat and
                   word_key(h[0]) != flat), None)
    if not is_english(quoted[0] if quoted else title):  # the letter printed in English too: that heading
        return next((h for h in found if is_english(h[0])), quoted)
    return quoted


# A headline quotes a heading of this many characters or more; a shorter one ("Joint statement") is a label.
MIN_QUOTED_CHARS = 20
# A cut page title shorter than this is too little to tell which longer line it was cut from.
MIN_CUT_TITLE_CHARS = 20
# Fewer letters than this in capitals ("UN", "EU") are an acronym, not a heading printed in capitals.
MIN_CAPS_LETTERS = 4


def names_its_kind(t: str) -> bool:
    """The line opens with the kind of letter and goes on to say what about ("SURAT TERBUKA KOALISI ... UNTUK",
    "Joint statement on the dams"): a heading, in capitals too, not a label alone."""
    return bool(_knowledge()[0].match(t.strip())) and not is_kind_label(t)


def is_kind_label(t: str) -> bool:
    """The line only says what kind of letter this is ("Surat Terbuka", "JOINT STATEMENT", "Carta abierta")."""
    return bool(_knowledge()[1].match(t.strip()))


def is_english(t: str) -> bool:
    """Latin letters, one of english_words and none of other_language_words (titles are short: a word decides)."""
    _, _, english, other = _knowledge()
    words = [w.casefold() for w in re.findall(r"[^\W\d_]+", t)]
    latin = sum(1 for c in t if c.isalpha() and c.isascii())
    return latin >= 0.8 * sum(1 for c in t if c.isalpha()) and any(w in english for w in words) and \
        not any(w in other for w in words)


def is_cut_short(title: str, text: str) -> bool:
    """A page title cut to a length: the text prints a longer line that starts with it, cut mid-word or at an
    ellipsis ("... the Contrived “Reconcili")."""
    t = title.strip().rstrip("…").rstrip(".").strip()
    if len(t) < MIN_CUT_TITLE_CHARS:
        return False
    for line in text.split("\n"):
        s = line.strip()
        if len(s) > len(t) and s.startswith(t) and (s[len(t)].isalnum() and t[-1].isalnum() or
                                                      title.rstrip().endswith(("…", "..."))):
            return True
    return False
