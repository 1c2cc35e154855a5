"""The whole flow in one call: load -> parse -> resolve -> tag -> build graph."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

import networkx as nx

from .load import LoadProblem, read_corpus
from .paths import letters_dir
from .records import Document, Letter, NearMiss, Organization


@dataclass(frozen=True)
class Corpus:
    letters: tuple[Letter, ...]
    orgs: tuple[Organization, ...]
    near_misses: tuple[NearMiss, ...]
    graph: nx.DiGraph
    problems: tuple[LoadProblem, ...] = ()
    documents: tuple[Document, ...] = ()
    index: dict = field(default_factory=dict)  # (file, printed name) -> org id


def parse_documents(docs: Sequence[Document], lexicon=None) -> tuple[list[Letter], list[LoadProblem]]:
    """Parse each document; a parser failure on one letter is reported, not fatal."""
    from .letter import parse_letter

    letters: list[Letter] = []
    problems: list[LoadProblem] = []
    for doc in docs:
        try:
            letters.append(parse_letter(doc, lexicon))
        except Exception as e:  # noqa: BLE001 - one broken letter must not stop a corpus
            problems.append(LoadProblem(doc.name, f"{doc.name}: could not be parsed ({type(e).__name__}: {e})"))
    return letters, problems


def build_from_letters(letters: Sequence[Letter], lexicon=None, problems: Iterable[LoadProblem] = (),
                       documents: Sequence[Document] = ()) -> Corpus:
    from .model import build_graph
    from .resolve import resolve
    from .tags import tag_organizations

    res = resolve(letters)
    orgs = tag_organizations(res.orgs, letters)
    graph = build_graph(letters, orgs, lexicon)
    return Corpus(tuple(letters), tuple(orgs), tuple(res.near_misses), graph, tuple(problems),
                  tuple(documents), dict(res.index))


def build_corpus(paths: Iterable[str | Path] | None = None, lexicon=None) -> Corpus:
    """Build everything from letter files or folders (default: the bundled letters folder)."""
    paths = list(paths) if paths is not None else [letters_dir()]
    docs, problems = read_corpus(paths)
    letters, parse_problems = parse_documents(docs, lexicon)
    return build_from_letters(letters, lexicon, [*problems, *parse_problems], docs)
