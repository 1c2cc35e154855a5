"""The kinds of things, each defined once: nodes and edges of the graph (schema in docs/design.md) and the
lines the signatory reader tells apart (graph/extract/signatories/).

StrEnums: a member is its value (`NodeKind.LETTER == "letter"`), so graph attributes, JSON, exports and
stored records hold the same text as before; a misspelt kind is an AttributeError, not a silent miss.
Graph attributes are written with `.value`, a plain str: networkx's GEXF and GraphML writers accept no str
subclass (tests/test_export.py).
"""
from __future__ import annotations

from enum import StrEnum


class _Kind(StrEnum):
    def __repr__(self) -> str:  # shown as its text, as before the enums: doctests, logs and tables print 'letter'
        return str.__repr__(self.value)


class NodeKind(_Kind):
    ORGANIZATION = "organization"
    LETTER = "letter"
    DEMAND = "demand"
    GROUP = "group"  # organizations folded into one node (a coalition, a community, the rest)
    COALITION = "coalition"  # one node per coalition (graph/network/coalitions.py)
    LETTER_GROUP = "letter_group"  # letters folded into one node per period
    DEMAND_GROUP = "demand_group"  # demands folded into one node


# Nodes that stand for several folded into one (graph/network/fold.py): drawn bigger, named first, on the grid
FOLDED = frozenset({NodeKind.GROUP, NodeKind.LETTER_GROUP, NodeKind.DEMAND_GROUP})


class EdgeKind(_Kind):
    SIGNED = "signed"  # organization -> letter
    DEMANDS = "demands"  # letter -> demand
    MEMBER_OF = "member_of"  # member organization -> umbrella organization
    COSIGNED = "cosigned"  # organization - organization, in the co-signature network


class LineKind(_Kind):
    """What the signatory reader makes of a line (graph/extract/signatories/region.py)."""

    BLANK = "blank"
    PROSE = "prose"
    HEADER = "header"  # the letter's head: addresses, date, salutation
    HEADING = "heading"
    HEADING_IND = "heading_ind"  # an indented heading inside a list (a country, a sector)
    ENTRY = "entry"  # one signatory
    INLINE = "inline"  # several signatories in one line ("A, B and C")
    COLUMNS = "columns"  # signatories side by side in columns
    CONT = "cont"  # the rest of the entry above, wrapped
    CONT_INLINE = "cont_inline"  # the rest of an inline list
    MARKER = "marker"  # a list number or bullet alone on its line
    COUNT = "count"  # "and 84 other organizations"
    CLOSING = "closing"  # "Sincerely,"
    CONTACT = "contact"
    PERSON = "person"
    URL = "url"
    EMAIL = "email"
    PAGE = "page"  # a page number or running header
    FOOTNOTE = "footnote"
    MIRRORED = "mirrored"  # text printed mirrored (OCR)
    GARBAGE = "garbage"
