"""Look-alike names (issue 11, item 13): a right-to-left override or a Cyrillic/Greek homoglyph never makes a
silent look-alike organization; the resolver keeps it apart and flags it beside the one it imitates."""
from __future__ import annotations

import pytest

from graph.identity.judgements import Judgements
from graph.records import Letter, Signatory
from graph.identity.resolve import resolve
from graph.identity.spoof import skeleton, suspicion

REAL = "Amnesty International"


@pytest.mark.parametrize("printed", [
    "Amnesty Internati\u043enal",  # Cyrillic o
    "Amn\u0435sty Int\u0435rnational",  # Cyrillic e, twice
    "Amnesty Internation\u03b1l",  # Greek alpha
    "\u202eAmnesty International",  # an override that changes nothing visible
    "\u202elanoitanretnI ytsenmA",  # reversed text shown the right way round
    "Amnesty\u200f International",  # a right-to-left mark
])
def test_a_look_alike_is_kept_apart_and_flagged(printed):
    a = Letter("a.txt", signatories=(Signatory(REAL), Signatory("Human Rights Watch")))
    b = Letter("b.txt", signatories=(Signatory(printed),))
    r = resolve([a, b], judgements=Judgements())
    assert len(r.orgs) == 3
    assert r.index[("a.txt", REAL)] != r.index[("b.txt", printed)]
    flags = [(n.a_name, n.b_name, n.why_not) for n in r.near_misses]
    assert len(flags) == 1 and {flags[0][0], flags[0][1]} == {REAL, printed}
    assert flags[0][2].startswith("look-alike: ")


def test_honest_names_in_other_scripts_are_not_suspect():
    for name in ("Amnesty International", "Международная амнистия", "Διεθνής Αμνηστία", "منظمة العفو الدولية",
                 "Karen Women's Organization (KWO)"):
        assert suspicion(name) == "", name
    a = Letter("a.txt", signatories=(Signatory(REAL),))
    b = Letter("b.txt", signatories=(Signatory("Amnesty International"),))
    r = resolve([a, b], judgements=Judgements())
    assert len(r.orgs) == 1 and not r.near_misses


def test_skeleton_is_what_a_reader_sees():
    assert skeleton("\u202elanoitanretnI ytsenmA") == REAL
    assert skeleton("Amn\u0435sty \u202eXYZ\u202c end") == "Amnesty ZYX end"
