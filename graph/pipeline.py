"""The whole flow in one call: load -> parse -> resolve -> tag -> build graph."""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

import networkx as nx

from .curated import CuratedError
from .memory import paused_gc
from graph.extract.deadline import letter_deadline
from graph.extract.document import LoadError, LoadProblem, letter_paths, read_document
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
    printings: Any = field(default=None, compare=False, repr=False)  # resolve's table, for the next resolution

    @cached_property
    def index(self) -> dict[tuple[str, str], str]:
        """(file, printed name) -> organization id (graph.identity.organizations.mention_index)."""
        from graph.identity.organizations import mention_index

        return mention_index(self.orgs)


Progress = Callable[[str, float], None]  # (what is happening, fraction of the whole build done)


def _unparsed(name: str, e: Exception) -> LoadProblem:
    return LoadProblem(name, f"{name}: could not be parsed ({type(e).__name__}: {e})")


def read_letter(path: Path, lexicon=None) -> tuple[Document | None, Letter | None, LoadProblem | None]:
    """One letter file read and parsed within one time bound (graph.extract.deadline): (document,
    letter, None), or what could be done and the problem (an unreadable file, a parser failure, a
    letter over its time). Never raises for a bad letter."""
    from graph.extract.letter import parse_letter

    try:
        with letter_deadline(path.name):
            try:
                doc = read_document(path)
            except OSError as e:
                return None, None, LoadProblem(path.name, f"{path.name}: cannot read ({e.strerror or e})")
            try:
                return doc, parse_letter(doc, lexicon), None
            except CuratedError:
                raise  # broken curated data breaks every letter: the command stops, naming the file and key
            except Exception as e:  # noqa: BLE001 - one broken letter must not stop a corpus
                return doc, None, _unparsed(doc.name, e)
    except LoadError as e:  # unreadable, or over time (then the letter is left out whole)
        return None, None, LoadProblem(path.name, str(e))
    except CuratedError:
        raise
    except (Exception, RecursionError, MemoryError) as e:  # noqa: BLE001 - one file never stops the corpus
        return None, None, LoadProblem(path.name, f"{path.name}: could not be read ({type(e).__name__})")


def read_letters(paths: Iterable[str | Path], lexicon=None) -> tuple[list[Letter], list[LoadProblem], list[Document]]:
    """Letter files and folders read and parsed here, in order, each within its time bound (the
    command line's extract and orgs). Worker processes take a share when the work is worth them
    (`default_jobs`: many letters, or a few scanned PDFs), and the results keep the order given."""
    files = letter_paths(paths)
    if lexicon is not None or default_jobs(files) <= 1:
        return _read_and_parse(files, lexicon=lexicon)
    letters, problems, docs = load_letters(files)
    order = {p.name: k for k, p in reversed(list(enumerate(files)))}
    return (sorted(letters, key=lambda x: order.get(x.file, len(order))),
            sorted(problems, key=lambda x: order.get(x.name, len(order))),
            sorted(docs, key=lambda x: order.get(x.name, len(order))))


def _read_and_parse(paths: list[Path], on_letter: Callable[[int], None] | None = None, lexicon=None
                    ) -> tuple[list[Letter], list[LoadProblem], list[Document]]:
    """Each letter read and parsed in turn, each within its own time bound; the lexicon and gazetteer
    are built first (warm_up), outside any letter's bound, so that a stopped letter never leaves them
    half-built and the first letter is not charged for them."""
    files = letter_paths(paths)
    if lexicon is None and files:
        warm_up()
    letters: list[Letter] = []
    problems: list[LoadProblem] = []
    docs: list[Document] = []
    with paused_gc():
        for k, path in enumerate(files, 1):
            doc, letter, problem = read_letter(path, lexicon)
            if doc is not None:
                docs.append(doc)
            if letter is not None:
                letters.append(letter)
            if problem is not None:
                problems.append(problem)
            if on_letter is not None and (k % 25 == 0 or k == len(files)):
                on_letter(k)
    return letters, problems, docs


def default_jobs(files: Sequence[Path]) -> int:
    """Processes worth using: letters are independent, but forking and sending results back cost ~0.2 s.

    A PDF counts as PDF_WORK letters: a scanned page takes OCR a second or more, where a text letter takes a few
    milliseconds, so a handful of scans is worth a process per core.
    Only the main thread forks: a thread of a server (the app's script runs in one) shares the process with
    other threads, and a forked copy inherits the locks they hold at that moment, held forever."""
    work = sum(PDF_WORK if f.suffix.lower() == ".pdf" else 1 for f in files)
    if work < PARALLEL_FROM or threading.current_thread() is not threading.main_thread():
        return 1
    return max(1, min(os.cpu_count() or 1, 4, work // 16, len(files)))


PARALLEL_FROM = int(os.environ.get("ATLAS_PARALLEL_FROM", 64))
PDF_WORK = 16  # a PDF in letters' worth of work: 4 PDFs make a corpus worth a second process

_WARM_UP = """Open letter on access to water

1 March 2024

Dear Minister,

We urge you to release all political prisoners.

Signed,
1. Alpha Rights Network (ARN)
2. Beta Women's Union
"""


def warm_up() -> None:
    """Load the demand lexicon, gazetteer and compiled patterns once, here: forked workers inherit them
    instead of each paying ~0.5 s to build its own."""
    from graph.extract.letter import parse_letter
    from graph.extract.document import document_from_text

    parse_letter(document_from_text(_WARM_UP, "warm-up.txt"))


def load_letters(paths: Iterable[str | Path], jobs: int | None = None, progress: Progress | None = None,
                 share: float = 1.0) -> tuple[list[Letter], list[LoadProblem], list[Document]]:
    """Read and parse letter files, in several processes for large corpora; results sorted by file.

    With jobs=N, N-1 forked workers take their share and this process parses the last one itself
    (a waiting parent would waste a core on a 2-core machine). progress gets fractions up to `share`,
    estimated from this process's own share of the letters.
    """
    files = letter_paths(paths)
    jobs = default_jobs(files) if jobs is None else jobs

    def on_letter(k: int, of: int) -> None:
        if progress is not None:
            progress(f"Reading letters: about {min(len(files), k * len(files) // max(of, 1)):,} of {len(files):,}",
                     share * k / max(of, 1))

    if jobs <= 1:
        return _read_and_parse(files, lambda k: on_letter(k, len(files)))
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    warm_up()
    by_size = sorted(files, key=lambda f: -f.stat().st_size if f.exists() else 0)
    chunks = [by_size[k::jobs] for k in range(jobs)]  # biggest first, dealt round-robin: balanced work
    methods = mp.get_all_start_methods()
    ctx = mp.get_context("fork") if "fork" in methods else None  # fork: workers inherit the warm caches
    with ProcessPoolExecutor(max_workers=jobs - 1, mp_context=ctx) as pool:
        futures = [pool.submit(_read_and_parse, chunk) for chunk in chunks[1:]]
        letters, problems, docs = _read_and_parse(chunks[0], lambda k: on_letter(k, len(chunks[0])))
        for fut, chunk in zip(futures, chunks[1:]):
            try:
                ls, ps, ds = fut.result()
            except (BrokenProcessPool, Exception):  # noqa: BLE001 - a worker died (killed, out of memory) or
                ls, ps, ds = _retry_in_parent(chunk)   # could not send its results: its letters are read here
            letters.extend(ls)
            problems.extend(ps)
            docs.extend(ds)
    letters.sort(key=lambda x: x.file)
    docs.sort(key=lambda d: d.name)
    problems.sort(key=lambda p: p.name)
    return letters, problems, docs


def _retry_in_parent(chunk: list[Path]) -> tuple[list[Letter], list[LoadProblem], list[Document]]:
    """A dead worker's letters, read one by one in this process; a letter that fails here too is a problem."""
    letters: list[Letter] = []
    problems: list[LoadProblem] = []
    docs: list[Document] = []
    for path in chunk:
        try:
            ls, ps, ds = _read_and_parse([path])
        except CuratedError:
            raise
        except Exception as e:  # noqa: BLE001 - one letter, reported; the corpus goes on
            ls, ps, ds = [], [LoadProblem(path.name, f"{path.name}: could not be read ({type(e).__name__})")], []
        letters.extend(ls)
        problems.extend(ps)
        docs.extend(ds)
    return letters, problems, docs


def build_from_letters(letters: Sequence[Letter], lexicon=None, problems: Iterable[LoadProblem] = (),
                       documents: Sequence[Document] = (), progress: Progress | None = None,
                       known: Corpus | None = None) -> Corpus:
    """Resolve, tag and build. known: the corpus built earlier from some of these letters, unchanged, with the
    same code and curated data (graph/store/corpus.py): what it made of them is reused where nothing new
    touches it, and the result is the same as without it (tests/test_disk.py)."""
    from graph.network.build import build_graph
    from graph.identity.resolve import Known, resolve
    from graph.identity.tags import tag_organizations

    say = progress or (lambda what, done: None)
    n = sum(len(L.signatories) for L in letters)
    say(f"Matching {n:,} signatures to organizations", 0.6)
    res = resolve(letters, known=Known(known.orgs, frozenset(L.file for L in known.letters), known.printings,
                                       known.near_misses) if known else None)
    say(f"Tagging {len(res.orgs):,} organizations", 0.8)
    orgs = tag_organizations(res.orgs, letters, known.orgs if known else ())
    say("Building the graph", 0.9)
    graph = build_graph(letters, orgs, lexicon, (known.orgs, known.graph) if known else None)
    return Corpus(tuple(letters), tuple(orgs), tuple(res.near_misses), graph, tuple(problems),
                  tuple(documents), res.printings)


def build_corpus(paths: Iterable[str | Path] | None = None, lexicon=None, jobs: int | None = None,
                 progress: Progress | None = None) -> Corpus:
    """Build everything from letter files or folders (default: the bundled letters folder).

    jobs: processes for reading and parsing (default: one for small corpora, up to the cores for large ones).
    progress(what, fraction): told what is being done, for a progress bar.

    >>> seen = []
    >>> c = build_corpus(progress=lambda what, done: seen.append(done))
    >>> len(c.letters) > 0, seen == sorted(seen), seen[-1]
    (True, True, 0.9)
    """
    with paused_gc():  # one pause for the whole build: each re-enable between stages rescans the new heap
        return _build_corpus(list(paths) if paths is not None else [letters_dir()], lexicon, jobs, progress)


def _build_corpus(paths: list, lexicon, jobs: int | None, progress: Progress | None) -> Corpus:
    if lexicon is not None:  # a custom lexicon object is not sent to worker processes: read here
        letters, problems, docs = _read_and_parse(letter_paths(paths), lexicon=lexicon)
        return build_from_letters(letters, lexicon, problems, docs)
    letters, problems, docs = load_letters(paths, jobs, progress, share=0.6)
    return build_from_letters(letters, lexicon, problems, docs, progress)
