"""How sure the reader is of a letter's signatories, with reasons a person can check.

A printed list or table is the strongest evidence; names cut from a prose sentence, a byline or the lead
sentence are weaker; a signatory inferred from the person who signed is weaker still. A letter where nothing
was found is never reported as naming no organization: the reader says it found none, and how many
organization-like names the text holds, so the user knows to look.

>>> confidence(("list",), n=7, claimed=None, undisclosed=None, skipped=0, inferred=0, text="")
(0.9, ('a printed list of 7 names',))
>>> confidence(("cue",), n=3, claimed=None, undisclosed=None, skipped=0, inferred=0, text="")[1]
('no list found; 3 names from a prose sentence after a cue phrase',)
>>> confidence(("list",), n=0, claimed=None, undisclosed=None, skipped=0, inferred=0, text="", people=4)[1]
('no organization signs: 4 people sign in their own name (titles, roles or affiliations beside their names)',)
>>> confidence(("list",), n=2, claimed=None, undisclosed=None, skipped=0, inferred=0, text="",
...            doubtful=("Jane Roe",))
(0.85, ('a printed list of 2 names', "1 entries print a person with an organization, read as the organization signing: check 'Jane Roe'"))
"""
from __future__ import annotations

import re

from graph.extract.signatories.words import words

# Starting confidence by where the names came from (the first source found). A printed list or table is
# read line by line; prose lists depend on a cue phrase and on where the sentence ends.
BASE = {"list": 0.9, "table": 0.9, "cue": 0.6, "byline": 0.7, "subject": 0.5}
_SOURCE = {"list": "a printed list", "table": "a table", "cue": "a prose sentence after a cue phrase",
           "byline": "a byline", "subject": "the lead sentence"}
# A count stated in the letter that the names match raises confidence; a mismatch lowers it.
MATCH_BONUS = 0.1
MISMATCH_PENALTY = 0.2
# Skipped lines inside the list region lower confidence a little each, down to this much in all.
SKIP_PENALTY, MAX_SKIP_PENALTY = 0.02, 0.2
# A letter signed by people alone: their names are as sure as a list, but whether no organization signs is
# a judgement the reader makes from titles and affiliations.
PEOPLE_ONLY = 0.7
# Each organization printed with a person lowers confidence a little, down to this much in all: whether the
# person signs for it or in her own name with an affiliation is the reader's judgement.
DOUBT_PENALTY, MAX_DOUBT_PENALTY = 0.05, 0.2
_CAPS_RUN = re.compile(r"(?:[A-Z][\w'’&.-]+\s+){1,6}[A-Z][\w'’&.-]+")


def _org_like_mentions(text: str) -> int:
    """Capitalised runs in the text that carry an organization word: what a reader would look at."""
    W = words()
    return len({m.group() for m in _CAPS_RUN.finditer(text[:200_000]) if W.org_word(m.group())})


def person_printed(sig) -> bool:
    """An organization printed with a person ("Jane Roe, Director, X", "X (Jane Roe)", "Dr. ..."): the reader
    decided the organization signs and the person signs for it, a mixed signal the user should check."""
    return bool(sig.signed_by) or words().person_shaped(sig.printed or "")


def confidence(found_by: tuple[str, ...], n: int, claimed: int | None, undisclosed: int | None, skipped: int,
               inferred: int, text: str, people: int = 0, doubtful: tuple[str, ...] = ()) -> tuple[float, tuple[str, ...]]:
    """(confidence 0..1, reasons) for `n` signatories found by `found_by` (graph.extract.signatories.parse.SignatoryResult),
    beside `people` individuals signing in their own name; `doubtful`: organizations printed with a person
    (`person_printed`)."""
    reasons: list[str] = []
    if n == 0 and people:
        return PEOPLE_ONLY, (f"no organization signs: {people} people sign in their own name (titles, roles or "
                             f"affiliations beside their names)",)
    if n == 0:
        mentions = _org_like_mentions(text)
        reasons.append("no signatory list or named signers found" + (
            f"; the text mentions {mentions} organization-like names: check them" if mentions else ""))
        return 0.1, tuple(reasons)
    if inferred and not found_by:
        return 0.4, (f"no list found; {inferred} inferred from the person who signed or the contacts",)
    first = found_by[0] if found_by else "list"
    score = BASE.get(first, 0.5)
    where = _SOURCE.get(first, first)
    reasons.append(f"a printed list of {n} names" if first == "list" else
                   f"{n} names from {where}" if first == "table" else f"no list found; {n} names from {where}")
    for extra in found_by[1:]:
        reasons.append(f"also names from {_SOURCE.get(extra, extra)}")
    if claimed:
        expected = claimed - (undisclosed or 0)
        if expected == n:
            score += MATCH_BONUS
            reasons.append(f"matches the {claimed} signatories the letter states")
        else:
            score -= MISMATCH_PENALTY
            reasons.append(f"the letter states {claimed} signatories ({undisclosed or 0} unnamed); {n} found")
    if skipped:
        score -= min(MAX_SKIP_PENALTY, SKIP_PENALTY * skipped)
        reasons.append(f"{skipped} lines skipped in the list")
    if people:
        reasons.append(f"a mixed list: {n} organizations and {people} people signing in their own name")
    if doubtful:
        score -= min(MAX_DOUBT_PENALTY, DOUBT_PENALTY * len(doubtful))
        reasons.append(f"{len(doubtful)} entries print a person with an organization, read as the organization "
                       f"signing: check "
                       + ", ".join(repr(d) for d in doubtful[:3]) + (" ..." if len(doubtful) > 3 else ""))
    return round(max(0.0, min(1.0, score)), 2), tuple(reasons)
