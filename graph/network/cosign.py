"""Co-signature ties between organizations, computed on a sparse org x letter incidence matrix.

Raw counts mislead: one 402-name letter alone makes 80,000 pairs. So each tie carries three numbers:
  shared   letters signed together (B @ B.T),
  weight   Newman's size-corrected collaboration weight: each letter adds 1/(n-1) to every pair of its
           n signers (Phys. Rev. E 64, 016132, 2001), so a big letter counts little per pair,
  p        hypergeometric tail P(X >= shared) given how many of the N letters each signed: how
           surprising the overlap is if both had signed at random (graph.network.significance). The
           backbone keeps p <= alpha.
The full projection is never built in networkx: 1,000 letters x 150 signers would be millions of edges.

>>> import networkx as nx
>>> G = nx.DiGraph()
>>> for o, ls in {"a": [1, 2], "b": [1, 2], "c": [2]}.items():
...     G.add_node(f"org:{o}", kind="organization")
...     for n in ls:
...         G.add_node(f"letter:{n}", kind="letter"); G.add_edge(f"org:{o}", f"letter:{n}", kind="signed")
>>> [(t.a, t.b, t.shared) for t in top_pairs(G, 2)]
[('org:a', 'org:b', 2), ('org:a', 'org:c', 1)]
"""
from __future__ import annotations

import weakref
from dataclasses import dataclass, field

import networkx as nx
import numpy as np
from scipy import sparse

from graph.kinds import EdgeKind
from graph.network.build import LETTER, ORG
from graph.network.significance import hypergeom_p

# The triangular product goes in blocks of rows: about this many organizations a block (memory stays small),
# and no more blocks than this (each is a sparse product with its own overhead).
BLOCK_ROWS, MAX_BLOCKS = 1000, 16
TOP_SLACK = 4  # top_pairs sorts fully only when there are more than k times this many pairs


@dataclass(frozen=True)
class Incidence:
    """Rows are organizations, columns letters (both sorted node ids); B[i, j] = 1 when i signed j."""

    orgs: tuple[str, ...]
    letters: tuple[str, ...]
    B: sparse.csr_matrix
    cache: dict = field(default_factory=dict, compare=False, repr=False)  # the pair product, once

    @property
    def row(self) -> dict[str, int]:
        return {o: i for i, o in enumerate(self.orgs)}

    @property
    def degree(self) -> np.ndarray:
        """Letters signed per organization."""
        return np.asarray(self.B.sum(axis=1)).ravel().astype(np.int64)

    @property
    def size(self) -> np.ndarray:
        """Signatories per letter."""
        return np.asarray(self.B.sum(axis=0)).ravel().astype(np.int64)


@dataclass(frozen=True)
class Ties:
    """Pairs i < j (indices into `orgs`) that signed at least `min_shared` letters together."""

    orgs: tuple[str, ...]
    i: np.ndarray
    j: np.ndarray
    shared: np.ndarray
    weight: np.ndarray
    p: np.ndarray
    n_letters: int

    def __len__(self) -> int:
        return len(self.i)

    def subset(self, mask: np.ndarray) -> "Ties":
        return Ties(self.orgs, self.i[mask], self.j[mask], self.shared[mask], self.weight[mask], self.p[mask],
                    self.n_letters)


@dataclass(frozen=True)
class Tie:
    a: str
    b: str
    shared: int
    weight: float  # Newman
    jaccard: float
    p: float  # hypergeometric P(X >= shared)
    letters: tuple[str, ...] = ()  # letter node ids in common


_CACHE: "weakref.WeakKeyDictionary[nx.DiGraph, tuple]" = weakref.WeakKeyDictionary()


def incidence(G: nx.DiGraph) -> Incidence:
    """The org x letter matrix of `signed` edges. Cached per graph object (not in G.graph, which exporters
    write out) until its node or edge count changes."""
    key = (G.number_of_nodes(), G.number_of_edges())
    cached = _CACHE.get(G)
    if cached is not None and cached[0] == key:
        return cached[1]
    kinds = dict(G.nodes(data="kind"))
    orgs = tuple(sorted(n for n, k in kinds.items() if k == ORG))
    letters = tuple(sorted(n for n, k in kinds.items() if k == LETTER))
    ri = {o: i for i, o in enumerate(orgs)}
    ci = {v: j for j, v in enumerate(letters)}
    rows, cols = [], []
    for u, v, k in G.edges(data="kind"):
        if k == EdgeKind.SIGNED and u in ri and v in ci:
            rows.append(ri[u])
            cols.append(ci[v])
    data = np.ones(len(rows), dtype=np.float64)
    B = sparse.csr_matrix((data, (rows, cols)), shape=(len(orgs), len(letters)))
    B.sum_duplicates()
    B.data[:] = 1.0
    inc = Incidence(orgs, letters, B)
    _CACHE[G] = (key, inc)
    return inc


def _scale(inc: Incidence) -> np.ndarray:
    n = inc.size.astype(np.float64)
    return np.divide(1.0, n - 1, out=np.zeros_like(n), where=n > 1)


def _upper_product(Bp: sparse.csr_matrix, B: sparse.csr_matrix) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(rows, cols, values) of the strict upper triangle of Bp @ B.T, rows in order (columns within a row
    are not sorted: sorting 10 M indices would cost more than the product; callers that rank, lexsort).

    scipy has no triangular product, so the rows go in blocks and block [a, b) is multiplied by rows
    a.. only: about half the work and memory of the full symmetric product (10.7 M pairs at 10k orgs)."""
    n = B.shape[0]
    cuts = np.linspace(0, n, min(MAX_BLOCKS, max(1, n // BLOCK_ROWS)) + 1).astype(np.int64)
    parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    for a, b in zip(cuts[:-1], cuts[1:]):
        if a == b:
            continue
        M = (Bp[a:b] @ B[a:].T).tocsr()
        rows = np.repeat(np.arange(M.shape[0], dtype=np.int32), np.diff(M.indptr))
        m = M.indices > rows  # column k of this block is organization a + k
        parts.append((rows[m] + np.int32(a), M.indices[m].astype(np.int32) + np.int32(a), M.data[m]))
    if not parts:
        return np.zeros(0, np.int32), np.zeros(0, np.int32), np.zeros(0)
    return tuple(np.concatenate(x) for x in zip(*parts))  # type: ignore[return-value]


def pairs(inc: Incidence) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(i, j, shared, Newman weight) for every pair i < j with a letter in common (rows in order), from
    sparse products: each signature carries 1 + s/K with s = 1/(n-1) <= 1 and K = 2 * letters, so a pair's
    sum is shared + weight/K with weight/K < 1/2: the integer part counts, the rest weighs. Cached."""
    if "pairs" not in inc.cache:
        K = 2.0 * max(len(inc.letters), 1)
        s = _scale(inc)
        Bp = inc.B.copy()
        Bp.data = 1.0 + s[Bp.indices] / K
        i, j, data = _upper_product(Bp, inc.B.tocsr())
        shared = (data + 1e-9).astype(np.int32)  # floor: positive; int32 halves the memory of 10^7 pairs
        data -= shared  # in place: three passes over 10^7 floats instead of five temporaries
        data *= K
        weight = np.maximum(data, 0.0, out=data)
        inc.cache["pairs"] = (i, j, shared, weight)
    return inc.cache["pairs"]


def ties(G: nx.DiGraph, min_shared: int = 1, inc: Incidence | None = None) -> Ties:
    """Every pair with at least `min_shared` letters in common, with weight and p-value."""
    inc = inc or incidence(G)
    i, j, shared, weight = pairs(inc)
    keep = shared >= max(min_shared, 1)
    i, j, shared, weight = i[keep], j[keep], shared[keep], weight[keep]
    order = np.lexsort((j, i))
    i, j, shared, weight = i[order], j[order], shared[order], weight[order]
    deg = inc.degree
    return Ties(inc.orgs, i, j, shared, weight, hypergeom_p(shared, deg[i], deg[j], len(inc.letters)),
                len(inc.letters))


def backbone(G: nx.DiGraph, alpha: float = 0.01, min_shared: int = 2, inc: Incidence | None = None,
             correction: bool = True) -> Ties:
    """Ties whose overlap is significant: p <= alpha / (pairs that share a letter) with `correction`
    (Bonferroni: a 1,000-letter corpus tests millions of pairs), else p <= alpha; and >= `min_shared`.
    On a handful of letters nothing is significant; callers fall back to the weighted ties."""
    inc = inc or incidence(G)
    i, j, shared, weight = pairs(inc)
    threshold = alpha / max(len(i), 1) if correction else alpha
    keep = shared >= max(min_shared, 1)
    i, j, shared, weight = i[keep], j[keep], shared[keep], weight[keep]
    deg = inc.degree
    p = hypergeom_p(shared, deg[i], deg[j], len(inc.letters))
    sig = p <= threshold
    i, j, shared, weight, p = i[sig], j[sig], shared[sig], weight[sig], p[sig]
    order = np.lexsort((j, i))
    return Ties(inc.orgs, i[order], j[order], shared[order], weight[order], p[order], len(inc.letters))


def _tie(G: nx.DiGraph, inc: Incidence, i: int, j: int, shared: int, weight: float, p: float) -> Tie:
    a, b = inc.orgs[i], inc.orgs[j]
    deg = inc.degree
    common = np.intersect1d(inc.B[i].indices, inc.B[j].indices)
    union = deg[i] + deg[j] - shared
    return Tie(a, b, int(shared), float(weight), float(shared / union) if union else 0.0, float(p),
               tuple(inc.letters[c] for c in common))


def top_pairs(G: nx.DiGraph, k: int = 20, by: str = "shared") -> list[Tie]:
    """The k strongest pairs overall, by "shared" letters (then Newman weight) or by "weight" (then shared).
    p-values and common letters are computed for the winners only."""
    inc = incidence(G)
    i, j, shared, weight = pairs(inc)
    primary, secondary = (weight, shared) if by == "weight" else (shared, weight)
    if len(primary) > TOP_SLACK * k:  # only the best candidates get sorted fully
        cut = np.partition(primary, len(primary) - k)[len(primary) - k]
        m = primary >= cut
        i, j, shared, weight, primary, secondary = i[m], j[m], shared[m], weight[m], primary[m], secondary[m]
    order = np.lexsort((j, i, -secondary, -primary))[:k]
    deg = inc.degree
    out = []
    for x in order:
        a, b = int(i[x]), int(j[x])
        p = float(hypergeom_p(np.array([shared[x]]), deg[[a]], deg[[b]], len(inc.letters))[0])
        out.append(_tie(G, inc, a, b, int(shared[x]), float(weight[x]), p))
    return out


def cosigners(G: nx.DiGraph, org: str, k: int = 10) -> list[Tie]:
    """One organization's top co-signers: most letters in common first, then Jaccard, then name.
    Tie.a is always `org`."""
    inc = incidence(G)
    r = inc.row.get(org)
    if r is None:
        return []
    deg = inc.degree
    row = (inc.B[r] @ inc.B.T).tocsr()
    keep = (row.indices != r) & (row.data > 0)  # not itself
    idx, shared = row.indices[keep], np.rint(row.data[keep]).astype(np.int64)
    jac = shared / (deg[r] + deg[idx] - shared)
    order = np.lexsort((np.array([inc.orgs[x] for x in idx]), -jac, -shared))[:k]
    scale = _scale(inc)
    out = []
    for x in order:
        j = idx[x]
        common = np.intersect1d(inc.B[r].indices, inc.B[j].indices)
        p = hypergeom_p(np.array([shared[x]]), deg[[r]], deg[[j]], len(inc.letters))[0]
        out.append(Tie(org, inc.orgs[j], int(shared[x]), float(scale[common].sum()), float(jac[x]), float(p),
                       tuple(inc.letters[c] for c in common)))
    return out


def tie_graph(t: Ties, attr: str = "weight") -> nx.Graph:
    """Ties as a networkx Graph (for the backbone or a small corpus, never the full projection of a large one)."""
    H = nx.Graph()
    H.add_nodes_from(t.orgs)
    for a, b, s, w, p in zip(t.i, t.j, t.shared, t.weight, t.p):
        H.add_edge(t.orgs[a], t.orgs[b], shared=int(s), weight=float(w), p=float(p))
    return H
