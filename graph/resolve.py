"""One organization, one node: resolve the names printed across letters into organizations.

Decisions, strongest first: curated judgements (data/judgements.yaml: same, different, aliases, person ->
organization), then automatic rules: equal normal form (graph.names.normalise), equal once spaces are dropped,
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
from typing import Sequence

import numpy as np
from rapidfuzz import fuzz, process

from .judgements import Judgements, load_judgements
from .memory import paused_gc
from .names import (STOPWORDS, acronym_key, compact, initials, looks_like_acronym, marked_words, normalise, ocr_fold,
                    slug, split_acronym, why_different)
from .records import Letter, Mention, MergeReason, NearMiss, Organization

FUZZY_MERGE = 0.88  # ratio of normal forms needed for a fuzzy merge (and every differing word must pair up)
NEAR_MISS = 0.80  # pairs at least this close that were not merged are shown to a curator
MAX_BLOCK = 300  # a blocking key shared by more names than this is too common to tell anything


@dataclass(frozen=True)
class Resolution:
    orgs: tuple[Organization, ...]
    near_misses: tuple[NearMiss, ...]
    index: dict = field(default_factory=dict)  # (file, printed name) -> org id


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
    """What one printing tells: (normal form, acronym key, marked words, printed as a bare acronym)."""
    text = normalise(name) or acronym_key(acronym)
    acr = next((acronym_key(a) for a in (acronym, split_acronym(name)[1]) if a and acronym_key(a)), "")
    return text, acr, marked_words(name), looks_like_acronym(name) and not acronym


_UNSEEN = _Node("")  # marker: a printing not met yet


def _nodes(letters: Sequence[Letter], jd: Judgements) -> dict[str, _Node]:
    parts: dict[tuple[str, str], _Node] = {}  # (normal form, acronym key) -> node
    # (printed name, acronym) -> its node (None: names nothing). What a printing tells its node (marked words,
    # not a bare acronym) is told once, on its first mention: the mentions of a famous name repeat it thousands
    # of times.
    node_of: dict[tuple[str, str | None], _Node | None] = {}
    for letter in letters:
        for m in letter_mentions(letter, jd):
            key = (m.name, m.acronym)
            n = node_of.get(key, _UNSEEN)
            if n is _UNSEEN:
                text, acr, marked, bare = _printing(m.name, m.acronym)
                n = None
                if text:
                    text = jd.aliases.get(text, text)
                    n = parts.get((text, acr))
                    if n is None:
                        n = parts[(text, acr)] = _Node(text, text)
                        if acr:
                            n.acronyms.add(acr)
                    if marked:
                        n.marked |= marked
                    if not bare:
                        n.acronym_only = False
                node_of[key] = n
            if n is None:
                continue
            n.mentions.append(m)
            n.files.add(m.file)
            if m.member_of:
                n.has_member_of = True
    acrs: dict[str, list[str]] = defaultdict(list)
    for text, acr in parts:
        if acr:
            acrs[text].append(acr)
    nodes: dict[str, _Node] = {}
    for (text, acr), part in sorted(parts.items()):
        # One name printed with two different acronyms is two organizations: one node per acronym.
        key = f"{text}|{acr}" if len(acrs[text]) > 1 and acr else text
        n = nodes.get(key)
        if n is None:
            part.key = key
            nodes[key] = part
        else:  # the same name with and without its one acronym
            n.mentions += part.mentions
            n.files |= part.files
            n.acronyms |= part.acronyms
            n.marked |= part.marked
            n.acronym_only = n.acronym_only and part.acronym_only
            n.has_member_of = n.has_member_of or part.has_member_of
    return nodes


def _block_keys(text: str, df: Counter, rare: int) -> list[str]:
    """Blocking keys: the rarest word (and the next one if it is rare too), and the start and the end of the
    name without spaces, so one OCR slip or typo still leaves a shared key."""
    toks = sorted({t for t in text.split() if t not in STOPWORDS and len(t) > 1}, key=lambda t: (df[t], t))
    c = ocr_fold(compact(text))
    rarest = [t for i, t in enumerate(toks[:2]) if i == 0 or df[t] <= rare]
    keys = [f"t:{t}" for t in rarest] + [f"a:{''.join(sorted(t))}" for t in rarest]  # any order: transpositions
    return keys + [f"p:{c[:8]}", f"s:{c[-8:]}"]


def _candidates(nodes: dict[str, _Node]) -> dict[tuple[str, str], float]:
    """Pairs of nodes sharing a blocking key whose normal forms are at least NEAR_MISS similar."""
    df = Counter(t for n in nodes.values() for t in set(n.text.split()))
    rare = max(20, len(nodes) // 500)
    blocks: dict[str, list[str]] = defaultdict(list)
    for k, n in nodes.items():
        for b in _block_keys(n.text, df, rare):
            blocks[b].append(k)
    out: dict[tuple[str, str], float] = {}
    for members in blocks.values():
        if not 1 < len(members) <= MAX_BLOCK:
            continue
        members.sort()
        texts = [nodes[k].text for k in members]
        m = process.cdist(texts, texts, scorer=fuzz.ratio, score_cutoff=NEAR_MISS * 100, dtype=np.uint8)
        for i, j in zip(*np.nonzero(m)):
            if i < j and texts[i] != texts[j]:  # equal texts are decided by the exact rule
                out[(members[i], members[j])] = int(m[i, j]) / 100
    return out


class _Components:
    """Union-find whose unions respect vetoes and 'one letter, one entry'."""

    def __init__(self, nodes: dict[str, _Node], jd: Judgements):
        self.parent = {k: k for k in nodes}
        self.keys = {k: {n.text} for k, n in nodes.items()}  # normal forms, for vetoes
        self.files = {k: set(n.files) for k, n in nodes.items()}
        self.acr = {k: set(n.acronyms) for k, n in nodes.items()}
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


def _printed(n: _Node) -> str:
    if not n.printed:
        n.printed = min({m.name for m in n.mentions}, key=lambda s: (-len(s), s))
    return n.printed


def resolve(letters: Sequence[Letter], judgements: Judgements | None = None) -> Resolution:
    """Resolve every organization mention in `letters` (order does not matter) into organizations."""
    with paused_gc():  # hundreds of thousands of small records: the cyclic GC would rescan them again and again
        return _resolve(letters, judgements)


def _resolve(letters: Sequence[Letter], judgements: Judgements | None) -> Resolution:
    from .tags import load_gazetteer

    jd = judgements if judgements is not None else load_judgements()
    nodes = _nodes(letters, jd)
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
            by_initials[initials(n.text)].add(k)
    for k, n in nodes.items():
        if n.acronym_only:
            ak = compact(n.text)
            cands = carriers.get(ak) or by_initials.get(ak, set())
            if len(cands) == 1:
                (other,) = cands
                edges.append((2, -1.0, *sorted((k, other)), "acronym", f"{ak.upper()} is carried by one organization"))
    near: dict[tuple[str, str], tuple[float, str]] = {}
    for (a, b), s in sorted(_candidates(nodes).items()):
        if s < FUZZY_MERGE:  # never merged: why is worked out in _assemble, only if a curator will see it
            near[(a, b)] = (s, None)
            continue
        why = _why_different(nodes, a, b, distinguishing)
        if why is None:
            edges.append((3, -s, a, b, "fuzzy", "differing words are OCR/spelling variants"))
        else:
            near[(a, b)] = (s, why)
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
    return _assemble(nodes, comps, reasons, near, distinguishing)


def _why_different(nodes: dict[str, _Node], a: str, b: str, distinguishing: frozenset[str]) -> str | None:
    return why_different(nodes[a].text, nodes[b].text, distinguishing, nodes[a].marked | nodes[b].marked)


_mention_order = attrgetter("file", "lines", "name")  # (file, lines, name)
_file, _name, _acronym = attrgetter("file"), attrgetter("name"), attrgetter("acronym")


def _assemble(nodes, comps, reasons, near, distinguishing) -> Resolution:
    groups: dict[str, list[str]] = defaultdict(list)
    for k in nodes:
        groups[comps.find(k)].append(k)
    built = []
    for root, keys in groups.items():
        ms = sorted(nodes[keys[0]].mentions if len(keys) == 1 else [m for k in keys for m in nodes[k].mentions],
                    key=_mention_order)
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
        why_by_root[comps.find(a)].append(r)
    for k, n in nodes.items():  # different printings of one normal form
        printed = sorted(set(map(_name, n.mentions)))
        for p in printed[1:]:
            why_by_root[comps.find(k)].append(MergeReason(printed[0], p, "exact-normalised", None, "same normal form"))
    for root in why_by_root:
        why_by_root[root].sort(key=lambda r: (r.rule, r.a, r.b))
    by_text: dict[str, list[str]] = defaultdict(list)  # normal form -> node keys, in key order
    by_acr: dict[str, list[str]] = defaultdict(list)  # acronym key -> node keys, in key order
    for k in sorted(nodes):
        by_text[nodes[k].text].append(k)
        for a in nodes[k].acronyms:
            by_acr[a].append(k)
    umbrella: dict[str, set[str]] = defaultdict(set)
    for k, n in nodes.items():
        for m in n.mentions if n.has_member_of else ():
            if m.member_of:
                u = _umbrella_root(m, nodes, comps, by_text, by_acr)
                if u and u != comps.find(k):
                    umbrella[ids[comps.find(k)]].add(ids[u])
    members: dict[str, set[str]] = defaultdict(set)
    for child, ups in umbrella.items():
        for u in ups:
            members[u].add(child)
    orgs, index = [], {}
    for s, _, root, name, ms, acronyms, aliases in built:
        oid = ids[root]
        orgs.append(Organization(oid, name, aliases, acronyms, ms, tuple(why_by_root[root]),
                                 tuple(sorted(umbrella.get(oid, ()))), tuple(sorted(members.get(oid, ())))))
        index.update(dict.fromkeys(zip(map(_file, ms), map(_name, ms)), oid))
    name_of = {o.id: o.name for o in orgs}
    root_of = {ids[r]: r for r in ids}
    best: dict[tuple[str, str], tuple[float, str]] = {}
    files_of: dict[str, tuple[str, ...]] = {}  # root -> sorted files, sorted once per root, not per near miss
    for (a, b), (score, why) in near.items():
        ra, rb = comps.find(a), comps.find(b)
        if ra == rb or not comps.files[ra].isdisjoint(comps.files[rb]):
            continue  # entries of one letter are different organizations: nothing for a curator to decide
        if why is None:
            why = _why_different(nodes, a, b, distinguishing) or f"similarity {score:.2f} below {FUZZY_MERGE}"
        x, y = ids[ra], ids[rb]
        pair = (x, y) if x < y else (y, x)
        if pair not in best or (score, why) > best[pair]:
            best[pair] = (score, why)
    for r in {root_of[i] for pair in best for i in pair}:
        files_of[r] = tuple(sorted(comps.files[r]))
    near_list = [NearMiss(x, y, name_of[x], name_of[y], score, why, files_of[root_of[x]], files_of[root_of[y]])
                 for (x, y), (score, why) in best.items()]
    near_misses = tuple(sorted(near_list, key=lambda n: (-n.score, n.a, n.b)))
    return Resolution(tuple(orgs), near_misses, index)


def _umbrella_root(m: Mention, nodes: dict[str, _Node], comps: _Components, by_text: dict[str, list[str]],
                   by_acr: dict[str, list[str]]) -> str | None:
    """The organization a sub-member's `member_of` names, in the same letter (by name or acronym)."""
    hits = [k for k in by_text.get(normalise(m.member_of or ""), ()) if m.file in nodes[k].files]
    if len(hits) == 1:
        return comps.find(hits[0])
    hits = [k for k in by_acr.get(acronym_key(m.member_of), ()) if m.file in nodes[k].files]
    return comps.find(hits[0]) if len(hits) == 1 else None
