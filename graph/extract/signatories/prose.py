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

from graph.extract.signatories.lines import cap_ratio
from graph.extract.signatories.parts import clean_part, cut_end, others_tail, split_names, umbrella_name
from graph.extract.signatories.words import words

# A paragraph longer than this is not read for a list (bounded time on pasted blobs).
MAX_PARAGRAPH = 20_000
# the end of a sentence, or of a list printed between spaced dashes or before a byline's "•" and date
_SENT_END = re.compile(r"(?<![A-Z])(?<!\b[A-Z][a-z])\.(?=\s+[A-Z\"“\d]|\s*$)|[!?](?=\s)|\s[•|]\s")
_DASH_END = re.compile(r"\s[–—-]\s")  # a spaced hyphen is a dash typed or read by OCR
_LINE_END = re.compile(r"[.;!?]['\"’”)]*\s*$")
_LIST_LINE = re.compile(r"^\s*(?:[-*•+]\s|\d{1,4}[.)]\s|\(\d{1,4}\)\s)")
_DATE_TAIL = re.compile(r"\s+(?:on\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|"
                        r"nov|dec)[a-z]*\.?\s+\d{1,2}.*$", re.I)
_BYLINE = re.compile(r"^\s*(?:by|par|por)\s+(?=[A-Z])", re.I)
# the conjunction that joins one cue's list to the next cue ("issued by A and backed by B")
_CHAIN_TAIL = re.compile(r"[\s,;]*(?:\b(?:and|et|y|und|as\s+well\s+as)\b|&)?[\s,;]*$", re.I)


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


def _people_only(names: tuple[str, ...]) -> bool:
    """Every name reads as a person's ("By Jane Roe and John Doe"): an author line, not organizations."""
    from graph.extract.people import looks_like_person

    W = words()
    return all(looks_like_person(n) and not W.org_word(n) and not re.search(r"[A-Z]{2,}|\d", n) for n in names)


def _umbrella(text: str, cue: re.Match) -> str | None:
    """The name a membership cue follows ("+3 Groups comprises: A, B"): the sentence's subject, when a name."""
    starts = [m.end() for m in _SENT_END.finditer(text, 0, cue.start())]
    subject = umbrella_name(text[starts[-1] if starts else 0:cue.start()])
    return clean_part(subject) if subject else None


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
        cues = [m for m in W.cues.finditer(text) if not _ends_line(text, m.end(), ends)] if "cue" in hows else []
        # "Firmantes:" over one name a line is left out: graph.extract.signatories.region reads that list
        chained: list[tuple[tuple[str, ...], int | None, tuple[str, ...], int]] = [((), None, (), 0)] * len(cues)
        for j in range(len(cues) - 1, -1, -1):  # from the last cue back, each one's list joins the next one's
            m = cues[j]
            seg = _sentence(text, m.end(), dashes=m.group().rstrip()[-1:] in "–—-")
            end = m.end() + len(seg)
            nxt = cues[j + 1] if j + 1 < len(cues) and cues[j + 1].start() < end else None
            if nxt:  # "issued by A and backed by B, C and D": both cues name signers, one sentence
                own = split_names(_CHAIN_TAIL.sub("", text[m.end():nxt.start()]), lenient=True)
                if not own[0]:
                    own = split_names(cut_end(text[m.end():nxt.start()]), lenient=True)
                later = chained[j + 1]
                chained[j] = (own[0] + tuple(n for n in later[0] if n not in own[0]), later[1] or own[1],
                              own[2] + later[2], later[3])
                continue
            topic = W.caps_topic.search(seg) if not any(c.islower() for c in seg) else None
            found = split_names(seg[:topic.start()] if topic else seg, lenient=True)
            if len(found[0]) < 2:
                found = split_names(cut_end(seg), lenient=True)
            chained[j] = (*found, end)
        for m, (*found, end) in zip(cues, chained):
            # the cue nearest the list wins a tie ("signed by the groups that include")
            if len(found[0]) >= 2 and len(found[0]) >= len(best[0]):
                best, span, cue = tuple(found), (m.start(), end), m
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
            if others_tail().search(lead):
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
