"""The parts of a list printed in prose: where the list ends, where its last "and" falls, and parts that are no
names (a count of signers, a description of them). graph.extract.signatories.prose cuts and weighs the lists.

>>> cut_end("Ligue des Droits (LDD) dénoncent la détention arbitraire"), last_and("Raza e Igualdad y Casa Alianza")
('Ligue des Droits (LDD)', ['Raza e Igualdad', 'Casa Alianza'])
>>> last_and("The Youth Forum and The Teachers and Parents Union")
['The Youth Forum', 'The Teachers and Parents Union']
>>> counted("9 Rohingya organisations from Bangladesh"), described("international human rights groups")
(True, True)
"""
from __future__ import annotations

import re

from graph.extract.signatories.lines import FUNCTION_WORDS, NUMBER_RE, cap_ratio, looks_like_name
from graph.extract.signatories.words import words

_AND = re.compile(r"\s+(and|&|et|y|e|und)\s+(?=\S)", re.I)


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
