"""Text made safe to write out: XML 1.0 and UTF-8 can hold it, and no spreadsheet runs it.

Letters are hostile input. A control character makes an XML file (GEXF, GraphML) unreadable, a
lone surrogate (from a mis-decoded file) cannot be encoded as UTF-8 at all, and a name such as
`=HYPERLINK("http://x")` becomes a live formula when a CSV or xlsx is opened in a spreadsheet.

>>> clean("a\\x00b\\x1bc\\td\\ud800")
'abc\\td\\ufffd'
>>> cell("=HYPERLINK(1)"), cell("-3.5"), cell(7), cell("Burma Campaign UK")
("'=HYPERLINK(1)", '-3.5', 7, 'Burma Campaign UK')
"""
from __future__ import annotations

import re
from typing import Any

import networkx as nx

# XML 1.0 allows tab, newline and carriage return among C0 controls; the rest, and U+FFFE/U+FFFF,
# make a document not well-formed. DEL and C1 controls are legal but invisible junk: dropped too.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"  # what a decoder shows for a character it could not read

# A spreadsheet starts a formula on these (OWASP "CSV injection"); tab and CR are stripped by some
# importers, which then see the next character.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"-?\d+(\.\d+)?([eE][-+]?\d+)?")


def clean(text: str) -> str:
    """`text` without characters XML 1.0 forbids, lone surrogates replaced by U+FFFD."""
    return _SURROGATE.sub(REPLACEMENT, _NOT_XML.sub("", text))


def clean_value(value: Any) -> Any:
    """`clean` applied to every string inside a value (lists, tuples, dicts, keys included).

    >>> clean_value({"a\\x01": ["x\\x02", 3]})
    {'a': ['x', 3]}
    """
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {clean_value(k): clean_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(clean_value(v) for v in value)
    if isinstance(value, (set, frozenset)):
        return type(value)(clean_value(v) for v in value)
    return value


def clean_graph(H: nx.Graph) -> nx.Graph:
    """A copy of H whose node ids, attributes and graph data hold only writable text.

    >>> G = nx.DiGraph(); G.add_edge("org:a\\x0b", "letter:b", printed="x\\ud800")
    >>> C = clean_graph(G); sorted(C), C.edges["org:a", "letter:b"]["printed"]
    (['letter:b', 'org:a'], 'x\\ufffd')
    """
    C = H.__class__()
    C.graph.update(clean_value(dict(H.graph)))
    ids = {n: clean_value(n) for n in H}
    C.add_nodes_from((ids[n], clean_value(a)) for n, a in H.nodes(data=True))
    C.add_edges_from((ids[u], ids[v], clean_value(a)) for u, v, a in H.edges(data=True))
    return C


def cell(value: Any) -> Any:
    """One spreadsheet cell that cannot run: a text starting like a formula gets a leading
    apostrophe (which spreadsheets read as "this is text"); numbers and number-like text stay."""
    return "'" + value if is_formula(value) else value


def is_formula(value: Any) -> bool:
    """Would a spreadsheet evaluate this cell? (what `cell` prevents; used by tests and checks)

    >>> is_formula("=1+1"), is_formula("'=1+1"), is_formula("-2"), is_formula(-2)
    (True, False, False, False)
    """
    return isinstance(value, str) and value.startswith(FORMULA_START) and not _NUMBER.fullmatch(value)
