"""From merged nodes to Organization records: names, acronyms and aliases, stable ids, merge reasons,
umbrellas and their members, and the near misses a curator sees."""
from __future__ import annotations

from collections import Counter, defaultdict
from operator import attrgetter
from typing import Iterable

from graph.identity.components import FUZZY_MERGE, Components, Differences
from graph.identity.names import acronym_key, looks_like_acronym, normalise, slug, split_acronym
from graph.identity.printings import MIXED, Known, Node, Printings
from graph.records import Mention, MergeReason, NearMiss, Organization


def same_as_known(keys: list[str], nodes: dict[str, Node]) -> Organization | None:
    """The known organization whose mentions are exactly these nodes' mentions, if there is one: no new
    letter touched them, they are all in it, and they are as many as it has."""
    org, total = None, 0
    for k in keys:
        n = nodes[k]
        if n.fresh or n.known is None or n.known is MIXED or (org is not None and n.known is not org):
            return None
        org, total = n.known, total + len(n.mentions)
    return org if org is not None and total == len(org.mentions) else None


def assemble(nodes: dict[str, Node], comps: Components, reasons: list[tuple[str, str, MergeReason]],
             near: dict[tuple[str, str], tuple[float, str | None]], differ: Differences,
             known: Known | None = None, table: Printings | None = None
             ) -> tuple[tuple[Organization, ...], tuple[NearMiss, ...]]:
    """(organizations, near misses) from the final components."""
    root_of_node = {k: comps.find(k) for k in nodes}  # the components are final: find each node once
    groups: dict[str, list[str]] = defaultdict(list)
    for k, r in root_of_node.items():
        groups[r].append(k)
    reuse = known is not None and bool(known.files)
    built = []
    kept: dict[str, str] = {}  # root -> the id of the known organization it is, unchanged
    for root, keys in groups.items():
        same = same_as_known(keys, nodes) if reuse else None
        if same is not None:  # nothing new: the name, acronyms and aliases it had
            kept[root] = same.id
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
    orgs, org_of_root = [], {}
    for s, _, root, name, ms, acronyms, aliases in built:
        oid = ids[root]
        up, down = umbrella.get(oid), members.get(oid)
        org_of_root[root] = Organization(oid, name, aliases, acronyms, ms, tuple(why_by_root.get(root, ())),
                                         tuple(sorted(up)) if up else (), tuple(sorted(down)) if down else ())
        orgs.append(org_of_root[root])
    name_of = {o.id: o.name for o in orgs}
    root_of = {ids[r]: r for r in ids}
    # An organization no new letter touched and that kept its id ends a pair of its nodes as it did in the
    # known resolution when the pair came as close for the same reason: what that pair gave is taken again
    # (adding a letter to 1,000 meets ~70,000 pairs, nearly all so).
    stable = {r for r, oid in kept.items() if ids[r] == oid}
    before = known.printings.near if reuse and known.printings is not None else {}
    seen = table.near if table is not None else {}
    best: dict[tuple[str, str], tuple[float, str]] = {}
    files = comps.files
    for p, v in near.items():
        ra, rb = root_of_node[p[0]], root_of_node[p[1]]
        hit = before.get(p) if ra in stable and rb in stable else None
        got = hit[1] if hit is not None and hit[0] == v else _near_pair(p, v, ra, rb, files, ids, differ)
        seen[p] = (v, got)
        if got is not None:
            pair, found = got
            old = best.get(pair)
            if old is None or found > old:
                best[pair] = found
    _mark(table, org_of_root, root_of_node)
    stable_ids = {ids[r] for r in stable}
    return tuple(orgs), _near_misses(best, name_of, root_of, files, kept, known.near_misses if reuse else (),
                                     stable_ids)


def _near_pair(p: tuple[str, str], v: tuple[float, str | None], ra: str, rb: str, files: dict[str, set[str]],
               ids: dict[str, str], differ: Differences) -> tuple[tuple[str, str], tuple[float, str]] | None:
    """(the pair of organization ids, (score, why not merged)) a close pair of nodes shows a curator; None
    when they ended in one organization or are entries of one letter (different organizations: nothing for a
    curator to decide)."""
    if ra == rb or not files[ra].isdisjoint(files[rb]):
        return None
    score, why = v
    if why is None:
        why = differ(*p) or f"similarity {score:.2f} below {FUZZY_MERGE}"
    x, y = ids[ra], ids[rb]
    return ((x, y) if x < y else (y, x)), (score, why)


def mention_index(orgs: Iterable[Organization]) -> dict[tuple[str, str], str]:
    """(file, printed name) -> organization id, over the organizations' mentions (a later one wins). Made
    when asked (the preview of a letter asks it; 150,000 entries at 1,000 letters, a twentieth of adding one).

    >>> o = Organization("bmc", "Blood Money Campaign", mentions=(Mention("a.txt", "BMC"),))
    >>> mention_index([o])
    {('a.txt', 'BMC'): 'bmc'}
    """
    index: dict[tuple[str, str], str] = {}
    for o in orgs:
        ms = o.mentions
        index.update(dict.fromkeys(zip(map(_file, ms), map(_name, ms)), o.id))
    return index


def _near_misses(best: dict[tuple[str, str], tuple[float, str]], name_of: dict[str, str], root_of: dict[str, str],
                 files: dict[str, set[str]], kept: dict[str, str], before: tuple[NearMiss, ...],
                 stable: set[str]) -> tuple[NearMiss, ...]:
    """The rows a curator sees, best first. The known resolution's rows are taken again where equal (a row
    of two `stable` organizations, unchanged with their ids, is equal when its score and reason are), and the
    letters of a kept organization as they printed them: adding a letter to 1,000 leaves nearly all of
    ~50,000 rows as they were (sorting their letters and making the rows again was a tenth of adding it)."""
    rows_before = {(m.a, m.b): m for m in before}
    letters_before: dict[str, tuple[str, ...]] = {}
    files_of: dict[str, tuple[str, ...]] = {}  # root -> sorted files, sorted once per root, not per near miss

    def letters_of(i: str) -> tuple[str, ...]:
        r = root_of[i]
        got = files_of.get(r)
        if got is None:
            if not letters_before:
                for m in before:
                    letters_before[m.a], letters_before[m.b] = m.a_letters, m.b_letters
            was = letters_before.get(kept.get(r, ""))
            got = files_of[r] = was if was is not None else tuple(sorted(files[r]))
        return got

    # sorted as plain tuples (-score, a, b): each pair is there once, so `why` never decides the order
    out = []
    for _, x, y, score, why in sorted((-score, x, y, score, why) for (x, y), (score, why) in best.items()):
        m = rows_before.get((x, y))
        if m is not None and x in stable and y in stable and m.score == score and m.why_not == why:
            out.append(m)
            continue
        row = (x, y, name_of[x], name_of[y], score, why, letters_of(x), letters_of(y))
        out.append(m if m is not None and _fields(m) == row else NearMiss(*row))
    return tuple(out)


def _fields(m: NearMiss) -> tuple:
    return m.a, m.b, m.a_name, m.b_name, m.score, m.why_not, m.a_letters, m.b_letters


def _mark(table: Printings | None, org_of_root: dict[str, Organization], root_of_node: dict[str, str]) -> None:
    """Each part remembers the organization it ended in, for the next resolution."""
    if table is not None:
        for part in table.parts.values():
            part.known, part.fresh = org_of_root[root_of_node[part.key]], False


_mention_order = attrgetter("file", "lines", "name")  # (file, lines, name)


_file, _name, _acronym = attrgetter("file"), attrgetter("name"), attrgetter("acronym")


_reason_order = attrgetter("rule", "a", "b")


def _umbrella_root(m: Mention, nodes: dict[str, Node], comps: Components, by_text: dict[str, list[str]],
                   by_acr: dict[str, list[str]]) -> str | None:
    """The organization a sub-member's `member_of` names, in the same letter (by name or acronym)."""
    hits = [k for k in by_text.get(normalise(m.member_of or ""), ()) if m.file in nodes[k].files]
    if len(hits) == 1:
        return comps.find(hits[0])
    hits = [k for k in by_acr.get(acronym_key(m.member_of), ()) if m.file in nodes[k].files]
    return comps.find(hits[0]) if len(hits) == 1 else None
