"""One organization, one node: resolve the names printed across letters into organizations.

Decisions, strongest first: curated judgements (data/judgements.yaml: same, different, aliases, person ->
organization), then automatic rules: equal normal form (graph.identity.names.normalise), equal once spaces are dropped,
an acronym printed alone that only one organization carries, and fuzzy similarity (rapidfuzz) for OCR damage
and typos. A wrong merge is worse than a missed one, so automatic merges never cross:
  * a "different" judgement (also not through a chain of merges),
  * two entries of the same letter (a list names each organization once),
  * a word that tells organizations apart (a place, a people, a qualifier like Youth or Women, a number,
    anything in parentheses or after a dash), or two different acronyms.
Pairs that came close but were not merged are returned as near misses for a curator.

The jobs, one module each: printings.py (mentions -> parts -> nodes, the table kept for the next resolution),
blocking.py (candidate pairs for fuzzy merges), components.py (union-find with vetoes, differing words),
organizations.py (records, ids, reasons, umbrellas, near misses); this module decides the merges.

>>> from graph.records import Letter, Signatory
>>> a = Letter("a.txt", signatories=(Signatory("Blood Money Campaign", "BMC"), Signatory("Karen Human Rights Group")))
>>> b = Letter("b.txt", signatories=(Signatory("Blood Money Campaign (BMC)"), Signatory("Karenni Human Rights Group")))
>>> r = resolve([a, b], judgements=Judgements())
>>> sorted((o.name, len(o.mentions)) for o in r.orgs)
[('Blood Money Campaign', 2), ('Karen Human Rights Group', 1), ('Karenni Human Rights Group', 1)]
>>> r.index[("b.txt", "Blood Money Campaign (BMC)")]
'blood-money-campaign'
>>> [(n.a_name, n.b_name) for n in r.near_misses]
[('Karen Human Rights Group', 'Karenni Human Rights Group')]
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Sequence

from graph.identity.blocking import NEAR_MISS, candidates
from graph.identity.components import FUZZY_MERGE, Components, Differences
from graph.identity.judgements import Judgements, load_judgements
from graph.identity.misprints import ocr_fold
from graph.identity.names import compact, normalise
from graph.identity.organizations import assemble, mention_index
from graph.identity.printings import Known, Printings, letter_mentions, node_initials, nodes_of, parts, printed
from graph.identity.spoof import skeleton
from graph.memory import paused_gc
from graph.records import Letter, MergeReason, NearMiss, Organization

__all__ = ["FUZZY_MERGE", "NEAR_MISS", "Known", "Printings", "Resolution", "letter_mentions", "resolve"]


@dataclass(frozen=True)
class Resolution:
    orgs: tuple[Organization, ...]
    near_misses: tuple[NearMiss, ...]
    printings: Printings | None = field(default=None, compare=False, repr=False)  # for the next resolution

    @cached_property
    def index(self) -> dict[tuple[str, str], str]:
        """(file, printed name) -> organization id."""
        return mention_index(self.orgs)


def resolve(letters: Sequence[Letter], judgements: Judgements | None = None, known: Known | None = None
            ) -> Resolution:
    """Resolve every organization mention in `letters` (order does not matter) into organizations.
    `known`: an earlier resolution of some of these letters, made with the same judgements (see Known)."""
    if known is not None and not known.files <= {L.file for L in letters}:
        known = None  # a letter it covered is gone: nothing of it can be trusted
    with paused_gc():  # hundreds of thousands of small records: the cyclic GC would rescan them again and again
        return _resolve(letters, judgements, known)


def _resolve(letters: Sequence[Letter], judgements: Judgements | None, known: Known | None) -> Resolution:
    from graph.identity.tags import load_gazetteer

    jd = judgements if judgements is not None else load_judgements()
    printings = parts(letters, jd, known)
    nodes = nodes_of(printings)
    distinguishing = load_gazetteer().distinguishing_tokens()
    edges: list[tuple[int, float, str, str, str, str]] = []  # (priority, -score, a, b, rule, detail)
    ids_of: dict[str, list[str]] = defaultdict(list)
    for k, n in nodes.items():
        ids_of[n.text].append(k)
    for a, b, why in jd.same:
        for x in ids_of.get(a, ()):
            for y in ids_of.get(b, ()):
                edges.append((0, -1.0, *sorted((x, y)), "judgement:same", why))
    by_compact: dict[str, list[str]] = defaultdict(list)
    for k, n in nodes.items():
        by_compact[ocr_fold(compact(n.text))].append(k)
    for ks in by_compact.values():
        ks.sort()
        if len({frozenset(nodes[k].acronyms) for k in ks if nodes[k].acronyms}) > 1:
            continue  # printed with different acronyms: which one a bare mention means is not known
        edges += [(1, -1.0, ks[0], k, "exact-normalised", "equal without spaces/OCR look-alikes") for k in ks[1:]]
    carriers: dict[str, set[str]] = defaultdict(set)
    by_initials: dict[str, set[str]] = defaultdict(set)
    for k, n in nodes.items():
        if not n.acronym_only:
            for a in n.acronyms:
                carriers[a].add(k)
            by_initials[node_initials(n)].add(k)
    for k, n in nodes.items():
        if n.acronym_only:
            ak = compact(n.text)
            cands = carriers.get(ak) or by_initials.get(ak, set())
            if len(cands) == 1:
                (other,) = cands
                edges.append((2, -1.0, *sorted((k, other)), "acronym", f"{ak.upper()} is carried by one organization"))
    kept = known.printings if known is not None and known.files else None
    differ = Differences(nodes, distinguishing, kept.differences if kept is not None else {})
    close = candidates(nodes, kept.blocks if kept is not None else None, printings.blocks)
    # never merged: why is worked out in assemble, only if a curator will see it (any order: edges are
    # sorted below, near misses at the end)
    near: dict[tuple[str, str], tuple[float, str | None]] = {p: (s, None) for p, s in close.items() if s < FUZZY_MERGE}
    for (a, b), s in close.items():
        if s < FUZZY_MERGE:
            continue
        why = differ(a, b)
        if why is None:
            edges.append((3, -s, a, b, "fuzzy", "differing words are OCR/spelling variants"))
        else:
            near[(a, b)] = (s, why)
    for k, n in nodes.items():  # a look-alike shown beside the organization it imitates
        for other in ids_of.get(normalise(skeleton(printed(n))), ()) if n.suspect else ():
            if other != k:
                near[tuple(sorted((k, other)))] = (1.0, f"look-alike: {n.suspect}")
    comps = Components(nodes, jd)
    reasons: list[tuple[str, str, MergeReason]] = []
    for prio, neg, a, b, rule, detail in sorted(edges):
        why = comps.why_not(a, b, curated=prio == 0)
        if comps.find(a) == comps.find(b):
            continue
        if why:
            near[(a, b)] = (-neg, why)
            continue
        comps.union(a, b)
        reasons.append((a, b, MergeReason(printed(nodes[a]), printed(nodes[b]), rule,
                                          None if rule != "fuzzy" else round(-neg, 3), detail)))
    orgs, near_misses = assemble(nodes, comps, reasons, near, differ, known, printings)
    printings.differences.update(differ.seen)
    return Resolution(orgs, near_misses, printings)
