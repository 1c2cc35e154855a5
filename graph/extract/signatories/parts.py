"""The parts of a list printed in prose: where the list ends, where its last "and" falls, parts that are no
names (a count of signers, a description of them), and `split_names`, which cuts a list into its names and
weighs them. graph.extract.signatories.prose finds the lists (cue phrases, bylines, lead sentences).

>>> cut_end("Ligue des Droits (LDD) dénoncent la détention arbitraire"), last_and("Raza e Igualdad y Casa Alianza")
('Ligue des Droits (LDD)', ['Raza e Igualdad', 'Casa Alianza'])
>>> last_and("The Youth Forum and The Teachers and Parents Union")
['The Youth Forum', 'The Teachers and Parents Union']
>>> counted("9 Rohingya organisations from Bangladesh"), described("international human rights groups")
(True, True)
"""
from __future__ import annotations

import re
from functools import lru_cache

from graph.extract.signatories.acronyms import join_spans, spelled
from graph.extract.signatories.lines import FUNCTION_WORDS, MAX_INLINE_PARTS, NAME_FINAL_ABBREV, NUMBER_RE
from graph.extract.signatories.lines import cap_ratio, looks_like_name, number_value, split_top
from graph.extract.signatories.words import words

# A part longer than 120 characters or 14 words is a clause, not a name, unless its acronym spells it; none is longer
# than this
MAX_SPELLED_NAME = 240
# Parts of a list that must read as names: prose lists are noisy, a few odd parts are a wrong cut.
MIN_NAME_SHARE = 0.6
_MONTH = re.compile(r"(?i)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d")
_CONJ_FIRST = re.compile(r"(?:(?i:and|&|et|y|e|und)|dan|ve)\s")
_GLUED_ACRONYM = re.compile(r"([a-z]\s\([A-Za-z][\w&.-]{1,12}\))\s+(?=[A-Z])")  # "Forum (ForUM) Swedish ..."


@lru_cache(maxsize=1)
def others_tail() -> re.Pattern:
    """"..., and 41 other organisations", "..., together with 12 other groups who ...": the count ends the list,
    whatever clause follows it (", asks the government"); the leads and the words for "other" are
    data/signatory_words.yaml's count_line_leads and count_line_more.

    >>> others_tail().search("A, B, together with 12 other organizations who asked not to be named").group(1)
    '12'
    >>> others_tail().search("A (ATAS) y 23 organizaciones más de Ecuador, Perú y Bolivia").group(1)
    '23'
    """
    leads, more, nouns = words().count_line

    def alt(ws) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(ws, key=len, reverse=True))

    # "and 12 other groups", "y 23 organizaciones más" (the word for "more" after the noun)
    return re.compile(r",?\s*(?:" + alt((*leads, "&")) + r")\s+" + NUMBER_RE + r"\s+(?:(?:" + alt(more) + r")|(?:" +
                      alt(nouns) + r")\s+(?:" + alt(more) + r"))(?!\w).*$", re.I | re.S)

# "dan" (Indonesian) and "ve" (Turkish) only in lower case ("Dan Church Aid" is a name); not the Dutch "en",
# which is the Spanish and French "in" inside names ("Mujeres en Solidaridad")
_AND = re.compile(r"\s+((?i:and|&|et|y|e|und)|dan|ve)\s+(?=\S)")


def last_and(part: str) -> list[str]:
    """The last part split at its last conjunction ("A, B and C"). Spanish writes "e" for "y" before an i-sound,
    inside names too ("Raza e Igualdad"): "e" splits only where no other conjunction does."""
    ms = list(_AND.finditer(part))
    strong = [m for m in ms if m.group(1).lower() != "e"]
    if not ms:
        return [part]
    # "A and The Teachers and Parents Union": a capitalised article after the conjunction starts the next name,
    # so the "and" before it is the cut, not a later one inside that name
    opening = [m for m in strong if part[m.end():].split(None, 1)[0] in words().name_articles]
    m = (opening or strong or ms)[-1]
    return [part[:m.start()], part[m.end():]]



def described(part: str) -> bool:
    """A lower-case description of signers, not a name: "international human rights groups on ..."."""
    W = words()
    return part[:1].islower() and any(w.strip(".,;:") in W.group_words for w in part.lower().split())


_COUNT_START = re.compile(NUMBER_RE + r"\s", re.I)


def counted(part: str) -> bool:
    """A count of signers, not a name: "9 Rohingya organisations from Bangladesh", "Twenty-three rights groups"."""
    W = words()
    return bool(_COUNT_START.match(part)) and any(w.strip(".,;:") in W.group_words for w in part.lower().split())



_TOKEN = re.compile(r"\S+")
# words after a name, to the sentence end, that make the rest a clause: "... (SNJ-France) dénoncent la détention"
MIN_CLAUSE_WORDS = 3


def cut_end(seg: str) -> str:
    """The list part of a subject: up to the verb that follows it ("A, B and C urge ..."): a curated verb, or a
    lower-case word right after a capitalised one that starts a lower-case clause (any language's verb)."""
    W = words()
    m = W.enders.search(seg)
    if m:
        return seg[:m.start()]
    toks = list(_TOKEN.finditer(seg))
    for i in range(1, len(toks) - MIN_CLAUSE_WORDS + 1):
        w, prev = toks[i].group(), toks[i - 1].group()
        if not (w[0].islower() and w[0] <= "\u024f") or w.lower() in W.name_lower:
            continue  # not a Latin lower-case word ("помощь" is inside a Russian name), or "de", "sans"
        if prev.lower().strip("(),.;:") in W.name_lower or not (prev[0].isupper() or
                                                                  prev.endswith((")", "»", "”", '"'))):
            continue
        if cap_ratio(seg[toks[i].start():]) < 0.5:
            return seg[:toks[i].start()].rstrip(" ,")
    return seg


# an umbrella's name before "comprises" is a short name: at most this many words
MAX_UMBRELLA_WORDS = 8


def umbrella_name(subject: str) -> str | None:
    """The subject before a membership cue ("+3 Groups" of "+3 Groups comprises: A, B") when it reads as a name, not
    "It" or "The coalition"; None otherwise.

    >>> umbrella_name("+3 Groups"), umbrella_name("It"), umbrella_name("The coalition"), umbrella_name("The Network")
    ('+3 Groups', None, None, None)
    """
    subject = subject.strip(" ,:;–—-")
    ws = subject.split()
    if not ws or len(ws) > MAX_UMBRELLA_WORDS or not (ws[0][0].isupper() or ws[0][0] in "+#0123456789"):
        return None
    if all(w.lower().strip(".,") in FUNCTION_WORDS for w in ws) or not looks_like_name(subject):
        return None
    W = words()
    own = [w.lower().strip(".,") for w in ws if w.lower() not in W.name_lower]
    if all(w in W.org_words or w in W.group_words for w in own):
        return None  # "The Network comprises ...": a generic word, the coalition named elsewhere
    return subject


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


_QUOTE_PAIRS = (('"', '"'), ("“", "”"), ("«", "»"))


def clean_part(part: str) -> str:
    p = part.strip(" \t;:–—-\"“”'’")
    for a, b in _QUOTE_PAIRS:  # 'Movimiento de Mujeres "Dolores Bedoya"': a quoted name's closing quote stays
        marks = p.count(a) + (p.count(b) if a != b else 0)
        if marks % 2 and a in p and part.rstrip(" .;,").endswith(b) and not p.endswith(b):
            p += b
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
    if not W.personal.search(tail):  # read like the list's own separator ("A; B; C sowie D")
        return text[:m.start()] + ("; " if text.count(";") >= 2 else ", ") + tail, ()
    people = [x for p in split_top(W.personal.sub("", tail)) for x in last_and(p.strip())]
    return text[:m.start()], tuple(c for c in (clean_part(p) for p in people) if c)


def split_names(text: str, lenient: bool = False) -> tuple[tuple[str, ...], int | None, tuple[str, ...]]:
    """(('A', 'B', 'C'), others, people) from 'A, B (AB), and C' / 'A, B and 7 others' / '..., as well as by Jane
    Roe in her personal capacity'; ((), None, ()) if not a name list. A list of places ("from Bangladesh,
    Malaysia and Europe") or a description ("Russian and international groups") is no list of names."""
    others = None
    text, people = _personal_tail(text)
    m = others_tail().search(text)
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
    while parts and " ".join(parts[-1].lower().split()).strip(" .") in W.list_tails:
        parts.pop()  # ", among others"
    if parts:
        parts[-1] = cut_end(parts[-1])
        # an Oxford comma ("A, B, and C") already split the last name off: an "and" inside it is the name's
        # ... and so is one inside a name its acronym spells whole ("Trabajadoras y Trabajadores del Agua y
        # Saneamiento (ATAS)")
        whole = spelled(parts[-1]) and parts[-1].count("(") == 1  # one acronym, the whole part's
        last = [parts[-1]] if _CONJ_FIRST.match(parts[-1]) or whole else last_and(parts[-1])
        if len(last) >= 2 and all(_is_name(clean_part(x) or x, lenient) for x in last):  # "the B and C": B is a name
            parts[-1:] = last
            parts = W.join_legal(parts)  # "..., Collé Group, LLC and Paper Lantern Labs"
    parts = [c for c in (clean_part(p) for p in parts) if c]
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
