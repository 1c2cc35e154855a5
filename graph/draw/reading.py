"""A letter read back: which of its lines the reader used, and for what. The letter view marks them.

Line numbers are the document's own (1-based, front matter removed), as in every record.

>>> from graph.records import Letter, Signatory, SkippedLine, DemandHit
>>> L = Letter("a.txt", title="T", title_lines=(1,), date_lines=(2,),
...            signatories=(Signatory("Fortify Rights", lines=(5,)),),
...            demands=(DemandHit("arms", "Arms embargo", "Stop arms.", (3,)),),
...            skipped=(SkippedLine(6, "http://x", "url"),))
>>> [(m.line, m.kind, m.detail) for m in marks(L)]
[(1, 'title', ''), (2, 'date', ''), (3, 'demand', 'Arms embargo'), (5, 'signatory', 'Fortify Rights'), (6, 'skipped', 'url')]
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

KINDS = ("title", "date", "recipient", "demand", "signatory", "skipped")  # the order marks are listed in


@dataclass(frozen=True)
class Mark:
    line: int
    kind: str  # one of KINDS
    detail: str  # the signatory's name, the demand's label, the reason a line was skipped


def marks(letter: Any) -> list[Mark]:
    """Every marked line of a Letter, by line then KINDS order."""
    out = [Mark(n, "title", "") for n in letter.title_lines]
    out += [Mark(n, "date", "") for n in letter.date_lines]
    out += [Mark(n, "recipient", "") for n in letter.recipient_lines]
    out += [Mark(n, "demand", h.label or h.id) for h in letter.demands for n in h.lines]
    out += [Mark(n, "signatory", s.name) for s in letter.signatories for n in s.lines]
    out += [Mark(s.line, "skipped", s.reason) for s in letter.skipped]
    return sorted(set(out), key=lambda m: (m.line, KINDS.index(m.kind), m.detail))
