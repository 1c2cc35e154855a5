"""The names as printed, grouped for resolution (graph/identity/resolve.py).

Each mention is a printing (name, acronym). A printing gives a part: its normal form, acronym key and
suspicion (graph/identity/spoof.py), alias judgements applied. Parts with one normal form join into one node,
unless the name is printed with two different acronyms (then one node per acronym). A Printings table is kept
with a resolution: the next one, of the same letters and more, reads only the new letters' names (Known).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterator, Sequence

from graph.identity.judgements import Judgements
from graph.identity.names import (STOPWORDS, acronym_key, initials, looks_like_acronym, marked_words, normalise,
                                  split_acronym)
from graph.identity.spoof import suspicion
from graph.records import Letter, Mention, NearMiss, Organization


@dataclass(frozen=True)
class Known:
    """What an earlier resolution made of some of these letters (graph/store/corpus.py keeps it). Their
    mentions are taken from `orgs` instead of being read again, and an organization whose mentions are
    exactly one of these keeps its name, acronyms and aliases. Everything that decides merges still runs
    over the whole corpus, so the result equals a resolution from scratch."""

    orgs: tuple[Organization, ...]
    files: frozenset[str]  # the letters `orgs` were resolved from
    printings: Printings | None = None  # the resolver's table, when this process made `orgs`
    near_misses: tuple[NearMiss, ...] = ()  # the near misses it gave: rows taken again where nothing changed


@dataclass
class Node:
    key: str  # node id: the normal form, plus "|acronym" when one normal form is printed with two acronyms
    text: str = ""  # the normal form
    mentions: list[Mention] = field(default_factory=list)
    files: set[str] = field(default_factory=set)
    acronyms: set[str] = field(default_factory=set)  # acronym_key()s
    marked: set[str] = field(default_factory=set)  # words in parentheses / after a dash: branch qualifiers
    acronym_only: bool = True
    printed: str = ""  # the longest printing, to name the node in merge reasons
    has_member_of: bool = False  # some mention is printed as a sub-item of an umbrella
    content: frozenset[str] = frozenset()  # the words of `text` but stopwords, for why_different
    normal: bool = False  # `text` is a normal form (normalise() gives it back), not just an acronym key
    suspect: str = ""  # why the printing may imitate another (graph/identity/spoof.py): never merged without a curator
    fresh: bool = False  # some mention comes from a letter a Known resolution did not cover
    known: Any = None  # the known organization its mentions are in (MIXED: several)


@dataclass(frozen=True)
class Printings:
    """Every printing a resolution met and the parts (normal form, acronym key, suspicion) they made, each
    part's `known` set to the organization it ended in. Kept with the resolution, so that the next one, of
    these letters and more, reads only the new letters' names."""

    parts: dict[tuple[str, str, str], Node]
    part_of: dict[tuple[str, str | None], tuple[str, str, str] | None]  # printing -> its part (None: names nothing)
    differences: dict = field(default_factory=dict)  # components.Differences.seen of the resolution that made it
    blocks: dict = field(default_factory=dict)  # blocking.candidates' blocks in that resolution
    near: dict = field(default_factory=dict)  # organizations.assemble's near-miss pairs in that resolution


MIXED = object()  # a node whose mentions are in several known organizations


def letter_mentions(letter: Letter, judgements: Judgements | None = None) -> list[Mention]:
    """The organizations a letter names; a lone signing person maps to an organization via judgements."""
    out = [Mention(letter.file, s.name, s.acronym, s.member_of, s.lines, s.inferred, s.country)
           for s in letter.signatories if (s.name or s.acronym)]
    p = letter.signed_by
    if not out and p is not None and judgements is not None:
        pj = judgements.person_org(p.name)
        if pj:
            out.append(Mention(letter.file, pj.organization, lines=p.lines,
                               inferred=f"signed by {p.name} ({pj.role or 'person'}): {pj.why}"))
    return out


@lru_cache(maxsize=1 << 18)
def _printing(name: str, acronym: str | None) -> tuple[str, str, frozenset[str], bool]:
    """What one printing tells: (normal form, acronym key, marked words, printed as a bare acronym); the
    normal form is the acronym key when the name has no words."""
    text = normalise(name) or acronym_key(acronym)
    acr = next((acronym_key(a) for a in (acronym, split_acronym(name)[1]) if a and acronym_key(a)), "")
    return text, acr, marked_words(name), looks_like_acronym(name) and not acronym


_suspicion = lru_cache(maxsize=1 << 18)(suspicion)  # once per printing per process, not once per resolution


_UNSEEN = Node("")  # marker: a printing not met yet


def copy_node(n: Node) -> Node:
    """A part or node with its own containers (a kept part is never changed by a later resolution)."""
    return Node(n.key, n.text, list(n.mentions), set(n.files), set(n.acronyms), set(n.marked), n.acronym_only, "",
                 n.has_member_of, n.content, n.normal, n.suspect, n.fresh, n.known)


def _all_mentions(letters: Sequence[Letter], jd: Judgements, known: Known | None
                  ) -> Iterator[tuple[Mention, Organization | None]]:
    """(mention, the known organization it is in, or None when its letter is new) for every organization the
    letters name; with the known resolution's printings, only the new letters'."""
    old = known.files if known is not None else frozenset()
    if old and known.printings is None:
        for o in known.orgs:
            for m in o.mentions:
                yield m, o
    for letter in letters:
        if letter.file not in old:
            for m in letter_mentions(letter, jd):
                yield m, None


def parts(letters: Sequence[Letter], jd: Judgements, known: Known | None) -> Printings:
    """The printings of `letters`. With a known table, its parts are taken over: those no new letter names
    are shared with it, not copied (most of them: copying their mentions was a third of adding a letter),
    and this resolution marks them with its organizations (organizations.assemble), so the known table is
    spent: only the new one is a base for the next resolution."""
    kept = known.printings if known is not None and known.files else None
    parts: dict[tuple[str, str, str], Node] = {}  # (normal form, acronym key, suspicion) -> part
    # (printed name, acronym) -> its part (None: names nothing). What a printing tells its part (marked words,
    # not a bare acronym) is told once, on its first mention: the mentions of a famous name repeat it thousands
    # of times.
    part_of: dict[tuple[str, str | None], tuple[str, str, str] | None] = {}
    shared: set[tuple[str, str, str]] = set()  # parts of the known table, copied before they change
    if kept is not None:
        parts, part_of, shared = dict(kept.parts), dict(kept.part_of), set(kept.parts)
    for m, org in _all_mentions(letters, jd, known):
        key = (m.name, m.acronym)
        pk = part_of.get(key, _UNSEEN)
        if pk is _UNSEEN:
            text, acr, marked, bare = _printing(m.name, m.acronym)
            suspect = _suspicion(m.name)
            pk = None
            if text:
                raw, text = text, jd.aliases.get(text, text)
                pk = (text, acr, suspect)
                n = _own(parts, pk, shared)
                if n is None:
                    n = parts[pk] = Node(text, text, suspect=suspect)
                    if acr:
                        n.acronyms.add(acr)
                if marked:
                    n.marked |= marked
                if not bare:
                    n.acronym_only = False
                if text is not raw or normalise(m.name):  # normalise(name), or the normal form an alias names
                    n.normal = True
            part_of[key] = pk
        if pk is None:
            continue
        n = _own(parts, pk, shared)
        n.mentions.append(m)
        n.files.add(m.file)
        if org is None:
            n.fresh = True
        elif n.known is not org:
            n.known = org if n.known is None else MIXED
        if m.member_of:
            n.has_member_of = True
    return Printings(parts, part_of)


def _own(parts: dict[tuple[str, str, str], Node], key: tuple[str, str, str], shared: set) -> Node | None:
    """parts[key] (None when there is none), copied first if it is still the known table's."""
    if key in shared:
        shared.discard(key)
        parts[key] = copy_node(parts[key])
    return parts.get(key)


def nodes_of(printings: Printings) -> dict[str, Node]:
    """The parts joined into nodes: one name printed with and without its one acronym is one node."""
    parts = printings.parts
    acrs: dict[str, list[str]] = defaultdict(list)
    for text, acr, _ in parts:
        if acr:
            acrs[text].append(acr)
    nodes: dict[str, Node] = {}
    alone: set[str] = set()  # nodes that are still their one part (not copied: most are)
    for pk, part in sorted(parts.items()):
        text, acr, suspect = pk
        # One name printed with two different acronyms is two organizations: one node per acronym.
        key = f"{text}|{acr}" if len(acrs[text]) > 1 and acr else text
        key += "|look-alike" if suspect else ""
        if part.key != key:  # a known part whose name is now printed with another acronym
            part = parts[pk] = copy_node(part)
            part.key = key
        n = nodes.get(key)
        if n is None:
            nodes[key] = part
            alone.add(key)
        else:  # the same name with and without its one acronym
            if key in alone:
                alone.discard(key)
                n = nodes[key] = copy_node(n)
            n.mentions += part.mentions
            n.files |= part.files
            n.acronyms |= part.acronyms
            n.marked |= part.marked
            n.acronym_only = n.acronym_only and part.acronym_only
            n.normal = n.normal or part.normal
            n.has_member_of = n.has_member_of or part.has_member_of
            n.fresh = n.fresh or part.fresh
            if n.known is not part.known:
                n.known = MIXED
    for n in nodes.values():
        if not n.content:  # a kept part has it already (it depends on `text` only): 10,000 sets again otherwise
            n.content = frozenset(n.text.split()) - STOPWORDS
    return nodes


def node_initials(n: Node) -> str:
    """names.initials(n.text), without normalising a normal form again (ASCII normal forms are fixed points
    of normalise, see test_names)."""
    if n.normal and n.text.isascii():
        return "".join(w[0] for w in n.text.split() if w not in STOPWORDS)
    return initials(n.text)


def printed(n: Node) -> str:
    if not n.printed:
        n.printed = min({m.name for m in n.mentions}, key=lambda s: (-len(s), s))
    return n.printed
