"""Signers named in prose: a cue phrase, a byline, or the subject of the lead sentence.

Many letters (and most news reports of letters) print no list: "The letter was signed by A, B and C",
"By A, B and C  •  August 29, 2012", "A, B, C and seven others are calling on ...", "Organisations
signataires : A, B, C". `prose_names(lines)` finds such runs of names. The cue phrases, the verbs that end a
subject list, and the words that make a part an organization or a person are curated in
data/signatory_words.yaml; here is only the engine: cut the sentence after the cue, split it at commas outside
parentheses and at the last "and", keep it when its parts read as names.

>>> [g.names for g in prose_names(["The statement was signed by Amnesty International, Human Rights Watch "
...                                "and Fortify Rights."])]
[('Amnesty International', 'Human Rights Watch', 'Fortify Rights')]
>>> g = prose_names(["Access Now, Article 19, Fortify Rights, and seven others are calling on Myanmar."])[0]
>>> g.names, g.others
(('Access Now', 'Article 19', 'Fortify Rights'), 7)
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from graph.extract.signatories.acronyms import join_spans, spelled
from graph.extract.signatories.lines import NAME_FINAL_ABBREV, NUMBER_RE
from graph.extract.signatories.lines import MAX_INLINE_PARTS, cap_ratio, number_value, split_top
from graph.extract.signatories.parts import counted, cut_end, described, last_and, umbrella_name
from graph.extract.signatories.words import words

# A paragraph longer than this is not read for a list (bounded time on pasted blobs).
MAX_PARAGRAPH = 20_000
# A part longer than 120 characters or 14 words is a clause, not a name, unless its acronym spells it; none is longer
# than this
MAX_SPELLED_NAME = 240
# Parts of a list that must read as names: prose lists are noisy, a few odd parts are a wrong cut.
MIN_NAME_SHARE = 0.6
# the end of a sentence, or of a list printed between spaced dashes or before a byline's "•" and date
_SENT_END = re.compile(r"(?<![A-Z])(?<!\b[A-Z][a-z])\.(?=\s+[A-Z\"“\d]|\s*$)|[!?](?=\s)|\s[•|]\s")
_DASH_END = re.compile(r"\s[–—-]\s")  # a spaced hyphen is a dash typed or read by OCR
_MONTH = re.compile(r"(?i)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d")
_LINE_END = re.compile(r"[.;!?]['\"’”)]*\s*$")
_LIST_LINE = re.compile(r"^\s*(?:[-*•+]\s|\d{1,4}[.)]\s|\(\d{1,4}\)\s)")
_CONJ_FIRST = re.compile(r"(?:and|&|et|y|e|und)\s", re.I)
_GLUED_ACRONYM = re.compile(r"([a-z]\s\([A-Za-z][\w&.-]{1,12}\))\s+(?=[A-Z])")  # "Forum (ForUM) Swedish ..."
# "..., and 41 other organisations": the count ends the list, whatever clause follows it (", asks the government")
_OTHERS = re.compile(r",?\s*(?:and|&|et|y)\s+" + NUMBER_RE + r"\s+(?:others?|more|autres|otras|otros)\b[^,]*(?:,.*)?$",
                     re.I)
_DATE_TAIL = re.compile(r"\s+(?:on\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|"
                        r"nov|dec)[a-z]*\.?\s+\d{1,2}.*$", re.I)
_BYLINE = re.compile(r"^\s*(?:by|par|por)\s+(?=[A-Z])", re.I)


@dataclass(frozen=True)
class ProseGroup:
    names: tuple[str, ...]
    line: int  # 0-based index of the line the list starts on
    lines: tuple[int, ...]  # 0-based indexes of the lines it covers
    how: str  # "cue", "byline", "subject"
    others: int | None = None  # "and seven others": named ones plus an undisclosed count
    people: tuple[str, ...] = ()  # "... as well as by Jane Roe in her personal capacity": individuals
    lead: tuple[int, ...] = ()  # lines of the sentence above the cue's line ("Los directores / de las ...:")
    umbrella: str | None = None  # "+3 Groups comprises: A, B": the coalition the names are members of


_HYPHEN_WRAP = re.compile(r"[a-z]-$")


def _paragraphs(lines: list[str]) -> list[tuple[str, list[int], list[int]]]:
    """(joined text, line indexes, offset where each line ends in the text) of each run of non-blank lines; a
    hard-wrapped sentence is one text."""
    out: list[tuple[str, list[int], list[int]]] = []
    cur: list[int] = []
    for i, raw in enumerate(lines + [""]):
        if raw.strip() and not _LIST_LINE.match(raw):  # list lines are graph.extract.signatories.region's
            cur.append(i)
            if not _LINE_END.search(raw):
                continue  # a line ending a sentence ends the paragraph too (texts without blank lines)
        if cur:
            parts: list[str] = []
            ends: list[int] = []
            n = 0
            for k in cur:
                t = lines[k].strip()
                if parts and t[:1].islower() and _HYPHEN_WRAP.search(parts[-1]):
                    parts[-1] = parts[-1][:-1]  # "anti-" / "war": a word hyphenated at the line end
                    n -= 1
                elif parts:
                    parts.append(" ")
                    n += 1
                parts.append(t)
                n += len(t)
                ends.append(n)
            out.append(("".join(parts), cur, ends))
        cur = []
    return out


def _ends_line(text: str, at: int, ends: list[int]) -> bool:
    """Nothing but a colon or a dash follows `at` on its line: a heading over a list printed one name a line."""
    at = len(text[:at].rstrip())  # the cue's match takes the space that joined the next line
    end = next((e for e in ends if e >= at), len(text))
    return not text[at:end].strip(" :–—-")


def _sentence(text: str, at: int, dashes: bool = False) -> str:
    """From `at` to the end of the sentence (or to a spaced dash: "... civile – A, B, C – appellent")."""
    m = _SENT_END.search(text, at)
    end = m.start() if m else len(text)
    d = _DASH_END.search(text, at, end) if dashes else None
    return text[at:d.start() if d else end]


def _is_name(part: str, lenient: bool) -> bool:
    """A part of a prose list that reads as a signer's name. `lenient` (after a strong cue) accepts names in
    lower case ("public interest lawyers group") when an organization word or an acronym vouches for them."""
    p = part.strip()
    if not p or len(p) > MAX_SPELLED_NAME or (len(p) > 120 or len(p.split()) > 14) and not spelled(p):
        return False  # a long part is a clause, unless the acronym after it spells it all
    if not p.isascii() and not re.search(r"[A-Za-z]", p):
        return True  # a name in another script
    if not re.search(r"[^\W\d_]{2,}", p) or _MONTH.match(p) or (p[0].isdigit() and p.split()[-1].lower() in
                                                                   words().group_words):
        return False  # "2009", "December 17th", "37 organisations": dates and counts
    if p[0].isupper() or p[0].isdigit() or cap_ratio(p) >= 0.5:
        return True
    W = words()
    own = " ".join(w for w in p.split() if w.lower() not in W.group_words)  # "organizations and" is no name
    return lenient and (W.org_word(own) or bool(re.search(r"\b[A-Z]{2,}\b", p)))


def _clean(part: str) -> str:
    p = part.strip(" \t;:–—-\"“”'’")
    last = p.split()[-1] if p.split() else ""
    # "... e.V.", "... Inc." keep their dot; a sentence's full stop goes
    p = p if last.lower() in NAME_FINAL_ABBREV or "." in last.rstrip(".") else p.strip(" .")
    lead = words().lead_article  # "y el Centro", "und den Hazara-Gemeinden" (data/signatory_words.yaml)
    p = lead.sub("", lead.sub("", p)).strip()
    return p[:1].upper() + p[1:] if p[:1].islower() and p.split()[0].lower() in ("the",) else p


_NONE: tuple[tuple[str, ...], None, tuple[str, ...]] = ((), None, ())


def _personal_tail(text: str) -> tuple[str, tuple[str, ...]]:
    """(the list, the people) of "A, B and C, as well as by Jane Roe and John Doe in their personal capacity";
    "as well as" followed by more organizations is read like a comma."""
    W = words()
    m = W.also.search(text)
    if not m:
        return text, ()
    tail = text[m.end():]
    if not W.personal.search(tail):
        return text[:m.start()] + ", " + tail, ()
    people = [x for p in split_top(W.personal.sub("", tail)) for x in last_and(p.strip())]
    return text[:m.start()], tuple(c for c in (_clean(p) for p in people) if c)


def split_names(text: str, lenient: bool = False) -> tuple[tuple[str, ...], int | None, tuple[str, ...]]:
    """(('A', 'B', 'C'), others, people) from 'A, B (AB), and C' / 'A, B and 7 others' / '..., as well as by Jane
    Roe in her personal capacity'; ((), None, ()) if not a name list. A list of places ("from Bangladesh,
    Malaysia and Europe") or a description ("Russian and international groups") is no list of names."""
    others = None
    text, people = _personal_tail(text)
    m = _OTHERS.search(text)
    if m:
        others = number_value(m.group(1))
        text = text[:m.start()]
    sep = ";" if text.count(";") >= 2 else ","
    if text.count(sep) > MAX_INLINE_PARTS:
        return _NONE
    W = words()
    # "Centro de Atención, Prevención y ... (CAPAV)": a comma inside a name its acronym spells whole
    parts = join_spans(W.join_legal([q.strip() for p in split_top(text, sep)
                                     for q in _GLUED_ACRONYM.sub("\\1\\0", p).split("\0")]))
    for i, p in enumerate(parts):  # "..., and Ms. Nancy Soderberg, who signed ...": the list ended before "who"
        if i and W.enders.match(" " + p):
            parts = parts[:i]
            break
    if parts:
        parts[-1] = cut_end(parts[-1])
        # an Oxford comma ("A, B, and C") already split the last name off: an "and" inside it is the name's
        last = [parts[-1]] if _CONJ_FIRST.match(parts[-1]) else last_and(parts[-1])
        if len(last) >= 2 and all(_is_name(x, lenient) for x in last):
            parts[-1:] = last
            parts = W.join_legal(parts)  # "..., Collé Group, LLC and Paper Lantern Labs"
    parts = [c for c in (_clean(p) for p in parts) if c]
    if any(described(p) for p in parts):
        return _NONE
    places = [p for p in parts if W.place(p) or counted(p)]
    if len(places) * 2 >= len(parts):
        return _NONE
    parts = [p for p in parts if p not in places and not W.web_leftover(p) and not W.cues.search(p)
             and not _person(p)]
    if not parts or (len(parts) < 2 and others is None and not lenient):
        return _NONE
    good = sum(_is_name(p, lenient) for p in parts)
    if good < MIN_NAME_SHARE * len(parts):
        return _NONE
    return tuple(p for p in parts if _is_name(p, lenient)), others, people


def _person(part: str) -> bool:
    """A person among the organizations ("Former Ambassador Ms. Nancy Soderberg"): a title before a name."""
    W = words()
    ws = part.split()
    return W.person_shaped(part) or any(w.lower().rstrip(".,") in W.titles and len(w) > 1 and w[0].isupper() and
                                        nxt[:1].isupper() for w, nxt in zip(ws[1:], ws[2:]))


def _people_only(names: tuple[str, ...]) -> bool:
    """Every name reads as a person's ("By Jane Roe and John Doe"): an author line, not organizations."""
    from graph.extract.people import looks_like_person

    W = words()
    return all(looks_like_person(n) and not W.org_word(n) and not re.search(r"[A-Z]{2,}|\d", n) for n in names)


def _umbrella(text: str, cue: re.Match) -> str | None:
    """The name a membership cue follows ("+3 Groups comprises: A, B"): the sentence's subject, when a name."""
    starts = [m.end() for m in _SENT_END.finditer(text, 0, cue.start())]
    subject = umbrella_name(text[starts[-1] if starts else 0:cue.start()])
    return _clean(subject) if subject else None


def prose_names(lines: list[str], hows: tuple[str, ...] = ("byline", "cue", "subject")) -> list[ProseGroup]:
    """Every run of names the prose of `lines` gives, by cue phrase, byline or lead-sentence subject (those of
    `hows`)."""
    W = words()
    out: list[ProseGroup] = []
    for text, idx, ends in _paragraphs(lines):
        if len(text) > MAX_PARAGRAPH:
            continue
        if _BYLINE.match(text) and len(text) < 600:
            names, others, _ = split_names(_DATE_TAIL.sub("", _sentence(text, _BYLINE.match(text).end())), False)
            if "byline" in hows and len(names) >= 2 and all(cap_ratio(n) >= 0.6 for n in names) and not \
                    _people_only(names):
                out.append(ProseGroup(names, idx[0], tuple(idx), "byline", others))
            continue
        best: tuple[tuple[str, ...], int | None, tuple[str, ...]] = ((), None, ())
        span, cue = (0, 0), None
        for m in W.cues.finditer(text) if "cue" in hows else ():
            if _ends_line(text, m.end(), ends):
                continue  # "Firmantes:" over one name a line: graph.extract.signatories.region reads that list
            seg = _sentence(text, m.end(), dashes=m.group().rstrip()[-1:] in "–—-")
            found = split_names(seg, lenient=True)
            if len(found[0]) < 2:
                found = split_names(cut_end(seg), lenient=True)
            # the cue nearest the list wins a tie ("signed by the groups that include")
            if len(found[0]) >= 2 and len(found[0]) >= len(best[0]):
                best, span, cue = found, (m.start(), m.end() + len(seg)), m
        if best[0] and not _people_only(best[0]):
            umbrella = _umbrella(text, cue) if W.umbrella_cues.match(cue.group()) else None
            # the lines from the cue to the list's end (from the umbrella's name when it names one): the
            # paragraph's lines above are other prose
            at = text.rfind(umbrella, 0, span[0]) if umbrella else span[0]
            used = [k for k, a, b in zip(idx, [0] + ends, ends) if b > at and a < span[1]]
            out.append(ProseGroup(best[0], used[0], tuple(used), "cue", best[1], best[2],
                                  tuple(k for k in idx if k < used[0]), umbrella))
            continue
        for k in idx if "subject" in hows else ():
            # "A, B, C and seven others are calling ...", at the start of any line of the paragraph
            lead = cut_end(W.joiners.sub(", ", _sentence(lines[k].strip(), 0)))
            if _OTHERS.search(lead):
                names, others, _ = split_names(lead)
                if names and names[0].startswith("The "):  # the sentence's capital, not the name's
                    names = (names[0][4:],) + names[1:]
                if len(names) >= 2 and not _people_only(names):
                    out.append(ProseGroup(names, k, (k,), "subject", others))
                    break
    return out


def prose_signatories(groups: list[ProseGroup], start: int, before: int | None,
                      have: set[str]) -> tuple[list[tuple[str, str, tuple[int, ...]]], list[tuple[int, str, str]], int | None]:
    """([(printed name, how, lines)], fates, undisclosed 'and N others') from the groups that start above line
    index `before` (all when None), skipping names in `have` (case-folded) and repeats."""
    out, fates, others = [], [], None
    for g in groups:
        if before is not None and (g.line >= before or g.how == "subject"):
            continue
        lines = tuple(start + i for i in g.lines)
        for n in g.names:
            key = n.casefold()
            if key in have:
                continue
            have.add(key)
            out.append((n, g.how, lines))
        fates.append((start + g.line, "signatory", f"{len(g.names)} names from a prose {prose_how(g.how)}"))
        if g.others and others is None:
            others = g.others
    return out, fates, others


_HOW = {"cue": "sentence after a cue phrase", "byline": "byline", "subject": "lead sentence"}


def prose_how(how: str) -> str:
    """How a prose group was found, in words ("sentence after a cue phrase")."""
    return _HOW[how]
