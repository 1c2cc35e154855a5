"""Co-signature ties between organizations, computed on a sparse org x letter incidence matrix.

Raw counts mislead: one 402-name letter alone makes 80,000 pairs. So each tie carries three numbers:
  shared   letters signed together (B @ B.T),
  weight   Newman's size-corrected collaboration weight: each letter adds 1/(n-1) to every pair of its
           n signers (Phys. Rev. E 64, 016132, 2001), so a big letter counts little per pair,
  p        hypergeometric tail P(X >= shared) given how many of the N letters each signed: how
           surprising the overlap is if both had signed at random. The backbone keeps p <= alpha.
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

from dataclasses import dataclass

import networkx as nx
import numpy as np
from scipy import sparse
from scipy.stats import hypergeom

from .model import LETTER, ORG


@dataclass(frozen=True)
class Incidence:
    """Rows are organizations, columns letters (both sorted node ids); B[i, j] = 1 when i signed j."""

    orgs: tuple[str, ...]
    letters: tuple[str, ...]
    B: sparse.csr_matrix

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


def incidence(G: nx.DiGraph) -> Incidence:
    """The org x letter matrix of `signed` edges. Cached on G.graph until the edge count changes."""
    key = (G.number_of_nodes(), G.number_of_edges())
    cached = G.graph.get("_incidence")
    if cached is not None and cached[0] == key:
        return cached[1]
    kinds = dict(G.nodes(data="kind"))
    orgs = tuple(sorted(n for n, k in kinds.items() if k == ORG))
    letters = tuple(sorted(n for n, k in kinds.items() if k == LETTER))
    ri = {o: i for i, o in enumerate(orgs)}
    ci = {v: j for j, v in enumerate(letters)}
    rows, cols = [], []
    for u, v, k in G.edges(data="kind"):
        if k == "signed" and u in ri and v in ci:
            rows.append(ri[u])
            cols.append(ci[v])
    data = np.ones(len(rows), dtype=np.float64)
    B = sparse.csr_matrix((data, (rows, cols)), shape=(len(orgs), len(letters)))
    B.sum_duplicates()
    B.data[:] = 1.0
    inc = Incidence(orgs, letters, B)
    G.graph["_incidence"] = (key, inc)
    return inc


def counts(inc: Incidence) -> sparse.csr_matrix:
    """Letters in common for every pair, upper triangle only (i < j)."""
    C = (inc.B @ inc.B.T).tocsr()
    return sparse.triu(C, k=1, format="csr")


def newman(inc: Incidence) -> sparse.csr_matrix:
    """Newman weights, upper triangle: sum over shared letters of 1/(n-1). One-signer letters add nothing."""
    n = inc.size.astype(np.float64)
    scale = np.divide(1.0, n - 1, out=np.zeros_like(n), where=n > 1)
    W = (inc.B @ sparse.diags(scale) @ inc.B.T).tocsr()
    return sparse.triu(W, k=1, format="csr")


def hypergeom_p(shared: np.ndarray, k_a: np.ndarray, k_b: np.ndarray, n_letters: int) -> np.ndarray:
    """P(X >= shared) for X ~ Hypergeometric(N letters, k_a signed by a, k_b draws by b).

    >>> float(hypergeom_p(np.array([2]), np.array([2]), np.array([2]), 4)[0])  # 1 / C(4, 2)
    0.16666666666666666
    """
    return np.clip(hypergeom.sf(shared - 1, n_letters, k_a, k_b), 0.0, 1.0)


def ties(G: nx.DiGraph, min_shared: int = 1, inc: Incidence | None = None) -> Ties:
    """Every pair with at least `min_shared` letters in common, with weight and p-value.
    min_shared >= 2 skips the millions of one-letter pairs before any p-value is computed."""
    inc = inc or incidence(G)
    C = counts(inc).tocoo()
    keep = C.data >= max(min_shared, 1)
    i, j, shared = C.row[keep], C.col[keep], np.rint(C.data[keep]).astype(np.int64)
    W = newman(inc).tocsr()
    weight = np.asarray(W[i, j]).ravel() if len(i) else np.zeros(0)
    deg = inc.degree
    p = hypergeom_p(shared, deg[i], deg[j], len(inc.letters)) if len(i) else np.zeros(0)
    order = np.lexsort((j, i))
    return Ties(inc.orgs, i[order], j[order], shared[order], weight[order], p[order], len(inc.letters))


def backbone(G: nx.DiGraph, alpha: float = 0.01, min_shared: int = 2, inc: Incidence | None = None) -> Ties:
    """Ties whose overlap is significant (p <= alpha) and at least `min_shared` letters.
    On a handful of letters nothing can be significant; callers fall back to the weighted ties."""
    t = ties(G, min_shared=min_shared, inc=inc)
    return t.subset(t.p <= alpha)


def _tie(G: nx.DiGraph, inc: Incidence, i: int, j: int, shared: int, weight: float, p: float) -> Tie:
    a, b = inc.orgs[i], inc.orgs[j]
    deg = inc.degree
    common = np.intersect1d(inc.B[i].indices, inc.B[j].indices)
    union = deg[i] + deg[j] - shared
    return Tie(a, b, int(shared), float(weight), float(shared / union) if union else 0.0, float(p),
               tuple(inc.letters[c] for c in common))


def top_pairs(G: nx.DiGraph, k: int = 20, by: str = "shared", min_shared: int = 1) -> list[Tie]:
    """The k strongest pairs overall, by "shared" (then weight), "weight" or "p" (smallest first)."""
    inc = incidence(G)
    t = ties(G, min_shared=min_shared, inc=inc)
    keys = {"shared": (-t.weight, -t.shared), "weight": (-t.shared, -t.weight), "p": (-t.shared, t.p)}[by]
    order = np.lexsort((t.j, t.i) + keys)[:k]  # lexsort: last key is primary
    return [_tie(G, inc, t.i[x], t.j[x], t.shared[x], t.weight[x], t.p[x]) for x in order]


def cosigners(G: nx.DiGraph, org: str, k: int = 10) -> list[Tie]:
    """One organization's top co-signers: most letters in common first, then Jaccard, then name.
    Tie.a is always `org`."""
    inc = incidence(G)
    r = inc.row.get(org)
    if r is None:
        return []
    deg = inc.degree
    row = (inc.B[r] @ inc.B.T).tocsr()
    row[0, r] = 0
    row.eliminate_zeros()
    idx, shared = row.indices, np.rint(row.data).astype(np.int64)
    jac = shared / (deg[r] + deg[idx] - shared)
    order = np.lexsort((np.array([inc.orgs[x] for x in idx]), -jac, -shared))[:k]
    n = inc.size.astype(np.float64)
    scale = np.divide(1.0, n - 1, out=np.zeros_like(n), where=n > 1)
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
