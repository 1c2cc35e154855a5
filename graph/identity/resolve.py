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

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
from typing import Any, Iterator, Sequence

import numpy as np
from rapidfuzz import fuzz, process

from graph.identity.judgements import Judgements, load_judgements
from graph.memory import paused_gc
from graph.identity.names import (STOPWORDS, acronym_key, compact, differing_words, initials, looks_like_acronym, marked_words,
                    normalise, ocr_fold, slug, split_acronym)
from graph.records import Letter, Mention, MergeReason, NearMiss, Organization
from graph.identity.spoof import skeleton, suspicion

FUZZY_MERGE = 0.88  # ratio of normal forms needed for a fuzzy merge (and every differing word must pair up)
NEAR_MISS = 0.80  # pairs at least this close that were not merged are shown to a curator
MAX_BLOCK = 300  # a blocking key shared by more names than this is too common to tell anything


@dataclass(frozen=True)
class Resolution:
    orgs: tuple[Organization, ...]
    near_misses: tuple[NearMiss, ...]
    index: dict = field(default_factory=dict)  # (file, printed name) -> org id
    printings: Printings | None = field(default=None, compare=False, repr=False)  # for the next resolution


@dataclass(frozen=True)
class Known:
    """What an earlier resolution made of some of these letters (graph/store/corpus.py keeps it). Their
    mentions are taken from `orgs` instead of being read again, and an organization whose mentions are
    exactly one of these keeps its name, acronyms and aliases. Everything that decides merges still runs
    over the whole corpus, so the result equals a resolution from scratch."""

    orgs: tuple[Organization, ...]
    files: frozenset[str]  # the letters `orgs` were resolved from
    printings: Printings | None = None  # the resolver's table, when this process made `orgs`


@dataclass
class _Node:
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
    known: Any = None  # the known organization its mentions are in (_MIXED: several)


@dataclass(frozen=True)
class Printings:
    """Every printing a resolution met and the parts (normal form, acronym key, suspicion) they made, each
    part's `known` set to the organization it ended in. Kept with the resolution, so that the next one, of
    these letters and more, reads only the new letters' names."""

    parts: dict[tuple[str, str, str], _Node]
    part_of: dict[tuple[str, str | None], tuple[str, str, str] | None]  # printing -> its part (None: names nothing)


_MIXED = object()  # a node whose mentions are in several known organizations


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
_UNSEEN = _Node("")  # marker: a printing not met yet


def _copy(n: _Node) -> _Node:
    """A part or node with its own containers (a kept part is never changed by a later resolution)."""
    return _Node(n.key, n.text, list(n.mentions), set(n.files), set(n.acronyms), set(n.marked), n.acronym_only, "",
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


def _parts(letters: Sequence[Letter], jd: Judgements, known: Known | None) -> Printings:
    kept = known.printings if known is not None and known.files else None
    parts: dict[tuple[str, str, str], _Node] = {}  # (normal form, acronym key, suspicion) -> part
    # (printed name, acronym) -> its part (None: names nothing). What a printing tells its part (marked words,
    # not a bare acronym) is told once, on its first mention: the mentions of a famous name repeat it thousands
    # of times.
    node_of: dict[tuple[str, str | None], _Node | None] = {}
    if kept is not None:
        parts = {k: _copy(p) for k, p in kept.parts.items()}
        node_of = {k: None if p is None else parts[p] for k, p in kept.part_of.items()}
    for m, org in _all_mentions(letters, jd, known):
        key = (m.name, m.acronym)
        n = node_of.get(key, _UNSEEN)
        if n is _UNSEEN:
            text, acr, marked, bare = _printing(m.name, m.acronym)
            suspect = _suspicion(m.name)
            n = None
            if text:
                raw, text = text, jd.aliases.get(text, text)
                n = parts.get((text, acr, suspect))
                if n is None:
                    n = parts[(text, acr, suspect)] = _Node(text, text, suspect=suspect)
                    if acr:
                        n.acronyms.add(acr)
                if marked:
                    n.marked |= marked
                if not bare:
                    n.acronym_only = False
                if text is not raw or normalise(m.name):  # normalise(name), or the normal form an alias names
                    n.normal = True
            node_of[key] = n
        if n is None:
            continue
        n.mentions.append(m)
        n.files.add(m.file)
        if org is None:
            n.fresh = True
        elif n.known is not org:
            n.known = org if n.known is None else _MIXED
        if m.member_of:
            n.has_member_of = True
    key_of = {id(n): k for k, n in parts.items()}
    return Printings(parts, {k: None if n is None else key_of[id(n)] for k, n in node_of.items()})


def _nodes(printings: Printings) -> dict[str, _Node]:
    """The parts joined into nodes: one name printed with and without its one acronym is one node."""
    parts = printings.parts
    acrs: dict[str, list[str]] = defaultdict(list)
    for text, acr, _ in parts:
        if acr:
            acrs[text].append(acr)
    nodes: dict[str, _Node] = {}
    for (text, acr, suspect), part in sorted(parts.items()):
        # One name printed with two different acronyms is two organizations: one node per acronym.
        key = f"{text}|{acr}" if len(acrs[text]) > 1 and acr else text
        key += "|look-alike" if suspect else ""
        part.key = key
        n = nodes.get(key)
        if n is None:
            nodes[key] = _copy(part)
        else:  # the same name with and without its one acronym
            n.mentions += part.mentions
            n.files |= part.files
            n.acronyms |= part.acronyms
            n.marked |= part.marked
            n.acronym_only = n.acronym_only and part.acronym_only
            n.normal = n.normal or part.normal
            n.has_member_of = n.has_member_of or part.has_member_of
            n.fresh = n.fresh or part.fresh
            if n.known is not part.known:
                n.known = _MIXED
    for n in nodes.values():
        n.content = frozenset(n.text.split()) - STOPWORDS
    return nodes


def _block_keys(text: str, df: Counter, rare: int) -> list[str]:
    """Blocking keys: the rarest word (and the next one if it is rare too), and the start and the end of the
    name without spaces, so one OCR slip or typo still leaves a shared key."""
    toks = sorted({t for t in text.split() if t not in STOPWORDS and len(t) > 1}, key=lambda t: (df[t], t))
    c = ocr_fold(compact(text))
    rarest = [t for i, t in enumerate(toks[:2]) if i == 0 or df[t] <= rare]
    keys = [f"t:{t}" for t in rarest] + [_anagram(t) for t in rarest]  # any order: transpositions
    return keys + [f"p:{c[:8]}", f"s:{c[-8:]}"]


@lru_cache(maxsize=1 << 16)
def _anagram(word: str) -> str:
    """The blocking key of a word's letters in any order (words repeat across names: sorted once each)."""
    return f"a:{''.join(sorted(word))}"


def _candidates(nodes: dict[str, _Node]) -> dict[tuple[str, str], float]:
    """Pairs of nodes sharing a blocking key whose normal forms are at least NEAR_MISS similar."""
    df = Counter(t for n in nodes.values() for t in set(n.text.split()))
    rare = max(20, len(nodes) // 500)
    keys = sorted(nodes)
    pos = {k: i for i, k in enumerate(keys)}
    blocks: dict[str, list[int]] = defaultdict(list)
    for k, n in nodes.items():
        for b in _block_keys(n.text, df, rare):
            blocks[b].append(pos[k])
    text_id: dict[str, int] = {}
    tid = np.array([text_id.setdefault(nodes[k].text, len(text_id)) for k in keys], dtype=np.int64)
    found_i, found_j, found_s = [], [], []
    for members in blocks.values():
        if not 1 < len(members) <= MAX_BLOCK:
            continue
        members.sort()
        texts = [nodes[keys[i]].text for i in members]
        m = process.cdist(texts, texts, scorer=fuzz.ratio, score_cutoff=NEAR_MISS * 100, dtype=np.uint8)
        ii, jj = np.nonzero(m)  # the diagonal (a name with itself) and each close pair twice
        if len(ii) > len(texts):  # more than the diagonal: some pair is close
            idx = np.array(members)
            found_i.append(idx[ii])
            found_j.append(idx[jj])
            found_s.append(m[ii, jj])
    if not found_i:
        return {}
    gi, gj, sc = np.concatenate(found_i), np.concatenate(found_j), np.concatenate(found_s)
    keep = (gi < gj) & (tid[gi] != tid[gj])  # each pair once; equal texts are decided by the exact rule
    gi, gj, sc = gi[keep], gj[keep], sc[keep]
    _, first = np.unique(gi * len(keys) + gj, return_index=True)  # a pair shares several blocks: once
    return {(keys[i], keys[j]): s / 100 for i, j, s in zip(gi[first].tolist(), gj[first].tolist(), sc[first].tolist())}


class _Components:
    """Union-find whose unions respect vetoes and 'one letter, one entry'."""

    def __init__(self, nodes: dict[str, _Node], jd: Judgements):
        self.parent = {k: k for k in nodes}
        self.keys = {k: {n.text} for k, n in nodes.items()}  # normal forms, for vetoes
        self.files = {k: set(n.files) for k, n in nodes.items()}
        self.acr = {k: set(n.acronyms) for k, n in nodes.items()}
        self.suspect = {k: n.suspect for k, n in nodes.items() if n.suspect}
        self.veto: dict[str, set[str]] = defaultdict(set)
        for a, b, _ in jd.different:
            self.veto[a].add(b)
            self.veto[b].add(a)

    def find(self, k: str) -> str:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def why_not(self, a: str, b: str, curated: bool) -> str | None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return None
        small, big = (ra, rb) if len(self.keys[ra]) <= len(self.keys[rb]) else (rb, ra)
        if self.veto:
            veto, big_keys = self.veto, self.keys[big]
            if any(k in veto and not veto[k].isdisjoint(big_keys) for k in self.keys[small]):
                return "judged different"
        if curated:
            return None
        if self.suspect and (self.suspect.get(a) or self.suspect.get(b)):
            return f"look-alike: {self.suspect.get(a) or self.suspect.get(b)}"
        if not self.files[ra].isdisjoint(self.files[rb]):
            return "both entries in one letter " + min(self.files[ra] & self.files[rb])
        if self.acr[ra] and self.acr[rb] and not self.acr[ra] & self.acr[rb]:
            return f"different acronyms {sorted(self.acr[ra])} / {sorted(self.acr[rb])}"
        return None

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if len(self.keys[ra]) < len(self.keys[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.keys[ra] |= self.keys.pop(rb)
        self.files[ra] |= self.files.pop(rb)
        self.acr[ra] |= self.acr.pop(rb)


def _initials(n: _Node) -> str:
    """names.initials(n.text), without normalising a normal form again (ASCII normal forms are fixed points
    of normalise, see test_names)."""
    if n.normal and n.text.isascii():
        return "".join(w[0] for w in n.text.split() if w not in STOPWORDS)
    return initials(n.text)


def _printed(n: _Node) -> str:
    if not n.printed:
        n.printed = min({m.name for m in n.mentions}, key=lambda s: (-len(s), s))
    return n.printed


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
    printings = _parts(letters, jd, known)
    nodes = _nodes(printings)
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
            by_initials[_initials(n)].add(k)
    for k, n in nodes.items():
        if n.acronym_only:
            ak = compact(n.text)
            cands = carriers.get(ak) or by_initials.get(ak, set())
            if len(cands) == 1:
                (other,) = cands
                edges.append((2, -1.0, *sorted((k, other)), "acronym", f"{ak.upper()} is carried by one organization"))
    close = _candidates(nodes)
    # never merged: why is worked out in _assemble, only if a curator will see it (any order: edges are
    # sorted below, near misses at the end)
    near: dict[tuple[str, str], tuple[float, str | None]] = {p: (s, None) for p, s in close.items() if s < FUZZY_MERGE}
    for (a, b), s in close.items():
        if s < FUZZY_MERGE:
            continue
        why = _why_different(nodes, a, b, distinguishing)
        if why is None:
            edges.append((3, -s, a, b, "fuzzy", "differing words are OCR/spelling variants"))
        else:
            near[(a, b)] = (s, why)
    for k, n in nodes.items():  # a look-alike shown beside the organization it imitates
        for other in ids_of.get(normalise(skeleton(_printed(n))), ()) if n.suspect else ():
            if other != k:
                near[tuple(sorted((k, other)))] = (1.0, f"look-alike: {n.suspect}")
    comps = _Components(nodes, jd)
    reasons: list[tuple[str, str, MergeReason]] = []
    for prio, neg, a, b, rule, detail in sorted(edges):
        why = comps.why_not(a, b, curated=prio == 0)
        if comps.find(a) == comps.find(b):
            continue
        if why:
            near[(a, b)] = (-neg, why)
            continue
        comps.union(a, b)
        reasons.append((a, b, MergeReason(_printed(nodes[a]), _printed(nodes[b]), rule,
                                          None if rule != "fuzzy" else round(-neg, 3), detail)))
    return _assemble(nodes, comps, reasons, near, distinguishing, known, printings)


def _why_different(nodes: dict[str, _Node], a: str, b: str, distinguishing: frozenset[str]) -> str | None:
    """names.why_different(a.text, b.text, distinguishing, a.marked | b.marked), from the nodes' word sets."""
    na, nb = nodes[a], nodes[b]
    ra, rb = na.content - nb.content, nb.content - na.content
    u = ra | rb
    known = u & distinguishing
    if na.marked or nb.marked:
        known |= u & (na.marked | nb.marked)
    return differing_words(ra, rb, known)


_mention_order = attrgetter("file", "lines", "name")  # (file, lines, name)
_file, _name, _acronym = attrgetter("file"), attrgetter("name"), attrgetter("acronym")


def _same_as_known(keys: list[str], nodes: dict[str, _Node]) -> Organization | None:
    """The known organization whose mentions are exactly these nodes' mentions, if there is one: no new
    letter touched them, they are all in it, and they are as many as it has."""
    org, total = None, 0
    for k in keys:
        n = nodes[k]
        if n.fresh or n.known is None or n.known is _MIXED or (org is not None and n.known is not org):
            return None
        org, total = n.known, total + len(n.mentions)
    return org if org is not None and total == len(org.mentions) else None


def _assemble(nodes, comps, reasons, near, distinguishing, known: Known | None = None,
              table: Printings | None = None) -> Resolution:
    root_of_node = {k: comps.find(k) for k in nodes}  # the components are final: find each node once
    groups: dict[str, list[str]] = defaultdict(list)
    for k, r in root_of_node.items():
        groups[r].append(k)
    reuse = known is not None and bool(known.files)
    built = []
    for root, keys in groups.items():
        same = _same_as_known(keys, nodes) if reuse else None
        if same is not None:  # nothing new: the name, acronyms and aliases it had
            built.append((slug(same.name), min(keys), root, same.name, same.mentions, same.acronyms, same.aliases))
            continue
        ms = nodes[keys[0]].mentions if len(keys) == 1 else [m for k in keys for m in nodes[k].mentions]
        if len(ms) > 1:
            ms.sort(key=_mention_order)  # in place: a node's mention order matters nowhere else
        printings = set(zip(map(_name, ms), map(_acronym, ms)))
        if len(printings) == 1:  # most organizations: printed one way only
            ((pn, pa),) = printings
            base, inner = split_acronym(pn)
            name = base or (pa or pn)
            acronyms = sorted({a for a in (pa, inner) if a})
            aliases = [pn] if pn != name else []
        else:
            printings = Counter(zip(map(_name, ms), map(_acronym, ms)))
            bases: Counter = Counter()
            for (pn, pa), c in printings.items():
                bases[split_acronym(pn)[0] or (pa or pn)] += c
            name = min(bases, key=lambda s: (-bases[s], looks_like_acronym(s), -len(s), s))
            acronyms = sorted({a for pn, pa in printings for a in (pa, split_acronym(pn)[1]) if a})
            aliases = sorted({pn for pn, _ in printings} - {name})
        built.append((slug(name), min(keys), root, name, tuple(ms), tuple(acronyms), tuple(aliases)))
    built.sort()
    ids: dict[str, str] = {}
    used: Counter = Counter()
    for s, _, root, *_ in built:
        used[s] += 1
        ids[root] = s if used[s] == 1 else f"{s}-{used[s]}"
    why_by_root: dict[str, list[MergeReason]] = defaultdict(list)
    for a, b, r in reasons:
        why_by_root[root_of_node[a]].append(r)
    for k, n in nodes.items():  # different printings of one normal form
        printed = set(map(_name, n.mentions))
        if len(printed) > 1:
            printed = sorted(printed)
            why_by_root[root_of_node[k]] += [MergeReason(printed[0], p, "exact-normalised", None, "same normal form")
                                            for p in printed[1:]]
    for reasons_of_root in why_by_root.values():
        reasons_of_root.sort(key=_reason_order)
    umbrella: dict[str, set[str]] = defaultdict(set)
    subs = [k for k, n in nodes.items() if n.has_member_of]
    if subs:
        by_text: dict[str, list[str]] = defaultdict(list)  # normal form -> node keys, in key order
        by_acr: dict[str, list[str]] = defaultdict(list)  # acronym key -> node keys, in key order
        for k in sorted(nodes):
            by_text[nodes[k].text].append(k)
            for a in nodes[k].acronyms:
                by_acr[a].append(k)
        for k in subs:
            for m in nodes[k].mentions:
                if m.member_of:
                    u = _umbrella_root(m, nodes, comps, by_text, by_acr)
                    if u and u != root_of_node[k]:
                        umbrella[ids[root_of_node[k]]].add(ids[u])
    members: dict[str, set[str]] = defaultdict(set)
    for child, ups in umbrella.items():
        for u in ups:
            members[u].add(child)
    orgs, index, org_of_root = [], {}, {}
    for s, _, root, name, ms, acronyms, aliases in built:
        oid = ids[root]
        up, down = umbrella.get(oid), members.get(oid)
        org_of_root[root] = Organization(oid, name, aliases, acronyms, ms, tuple(why_by_root.get(root, ())),
                                         tuple(sorted(up)) if up else (), tuple(sorted(down)) if down else ())
        orgs.append(org_of_root[root])
        index.update(dict.fromkeys(zip(map(_file, ms), map(_name, ms)), oid))
    name_of = {o.id: o.name for o in orgs}
    root_of = {ids[r]: r for r in ids}
    best: dict[tuple[str, str], tuple[float, str]] = {}
    files_of: dict[str, tuple[str, ...]] = {}  # root -> sorted files, sorted once per root, not per near miss
    files = comps.files
    for (a, b), (score, why) in near.items():
        ra, rb = root_of_node[a], root_of_node[b]
        if ra == rb or not files[ra].isdisjoint(files[rb]):
            continue  # entries of one letter are different organizations: nothing for a curator to decide
        if why is None:
            why = _why_different(nodes, a, b, distinguishing) or f"similarity {score:.2f} below {FUZZY_MERGE}"
        x, y = ids[ra], ids[rb]
        pair = (x, y) if x < y else (y, x)
        old = best.get(pair)
        if old is None or (score, why) > old:
            best[pair] = (score, why)
    for r in {root_of[i] for pair in best for i in pair}:
        files_of[r] = tuple(sorted(files[r]))
    # sorted as plain tuples (-score, a, b): each pair is there once, so `why` never decides the order
    rows = sorted((-score, x, y, score, why) for (x, y), (score, why) in best.items())
    near_misses = tuple([NearMiss(x, y, name_of[x], name_of[y], score, why, files_of[root_of[x]], files_of[root_of[y]])
                         for _, x, y, score, why in rows])
    if table is not None:  # each part remembers the organization it ended in, for the next resolution
        for part in table.parts.values():
            part.known, part.fresh = org_of_root[root_of_node[part.key]], False
    return Resolution(tuple(orgs), near_misses, index, table)


_reason_order = attrgetter("rule", "a", "b")


def _umbrella_root(m: Mention, nodes: dict[str, _Node], comps: _Components, by_text: dict[str, list[str]],
                   by_acr: dict[str, list[str]]) -> str | None:
    """The organization a sub-member's `member_of` names, in the same letter (by name or acronym)."""
    hits = [k for k in by_text.get(normalise(m.member_of or ""), ()) if m.file in nodes[k].files]
    if len(hits) == 1:
        return comps.find(hits[0])
    hits = [k for k in by_acr.get(acronym_key(m.member_of), ()) if m.file in nodes[k].files]
    return comps.find(hits[0]) if len(hits) == 1 else None
