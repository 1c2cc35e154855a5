"""Resolving on top of an earlier resolution (graph.identity.resolve with `known`, as the store does when a
letter is added): what the earlier one made is taken again only where nothing new touches it, and the result
equals a resolution from nothing. Each case is a change a new letter makes to organizations no new name joins."""
from __future__ import annotations

import pytest

from graph.identity.judgements import Judgements
from graph.identity.resolve import Known, resolve
from graph.records import Letter, Signatory

BASE = [Letter("a.txt", signatories=(Signatory("Café Workers Union (KWU)"), Signatory("Riverbank Teachers Union"))),
        Letter("b.txt", signatories=(Signatory("Café Workers Union Youth"), Signatory("Riverbank Teachrs Unin")))]

ADDED = {
    # a new name with the same id as an untouched organization, sorting first: that one becomes "-2", and its
    # near miss with "... Youth" (neither touched) must name it by its new id
    "renames": Letter("c.txt", signatories=(Signatory("Cafe Workers Union (CWU)"), Signatory("Hill Farmers"))),
    # two names a curator saw as a near miss, printed side by side: entries of one letter, no longer a question
    "one letter": Letter("d.txt", signatories=(Signatory("Riverbank Teachers Union"),
                                               Signatory("Riverbank Teachrs Unin"))),
    # a known name printed again: its near miss has the same score and reason, and one more letter
    "printed again": Letter("f.txt", signatories=(Signatory("Café Workers Union Youth"),)),
    "nothing shared": Letter("e.txt", signatories=(Signatory("Lakeside Fishers Cooperative"),)),
}


def _rows(r) -> list[tuple]:
    return [(m.a, m.b, m.a_name, m.b_name, m.score, m.why_not, m.a_letters, m.b_letters) for m in r.near_misses]


@pytest.mark.parametrize("case", sorted(ADDED))
def test_a_resolution_on_a_known_one_equals_one_from_nothing(case):
    jd = Judgements()
    before = resolve(BASE, judgements=jd)
    letters = [*BASE, ADDED[case]]
    known = Known(before.orgs, frozenset(L.file for L in BASE), before.printings, before.near_misses)
    on_known = resolve(letters, judgements=jd, known=known)
    scratch = resolve(letters, judgements=jd)
    assert on_known.orgs == scratch.orgs
    assert _rows(on_known) == _rows(scratch)
    assert on_known.index == scratch.index
    if case == "renames":  # the case shows something: an untouched organization changed id
        assert "cafe-workers-union-2" in {o.id for o in scratch.orgs} - {o.id for o in before.orgs}
        assert ("cafe-workers-union-2", "cafe-workers-union-youth") in {(m.a, m.b) for m in scratch.near_misses}
    if case == "printed again":
        assert ("b.txt", "f.txt") in {m.b_letters for m in scratch.near_misses}
    if case == "one letter":
        assert len(before.near_misses) > len(scratch.near_misses)


def test_untouched_near_misses_are_the_known_rows():
    """A letter that touches nothing known leaves every near miss as the row it was (not made again)."""
    jd = Judgements()
    before = resolve(BASE, judgements=jd)
    known = Known(before.orgs, frozenset(L.file for L in BASE), before.printings, before.near_misses)
    after = resolve([*BASE, ADDED["nothing shared"]], judgements=jd, known=known)
    assert after.near_misses and all(a is b for a, b in zip(after.near_misses, before.near_misses))
