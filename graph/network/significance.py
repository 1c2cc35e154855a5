"""How surprising two organizations' overlap is: the hypergeometric tail P(X >= shared letters) given how many
of the N letters each signed, as if both had signed at random.

Separate from graph.network.cosign, which counts and weighs the ties: this is the probability alone, numbers in
and numbers out, computed once per distinct (shared, k_a, k_b) in log space with numpy.
"""
from __future__ import annotations

import numpy as np

FACTORIZE_FROM = 200_000  # pairs; below this np.unique is quicker than importing pandas
TAIL_CHUNK = 2_000_000  # pmf terms summed at once (16 MB a float array)


def hypergeom_p(shared: np.ndarray, k_a: np.ndarray, k_b: np.ndarray, n_letters: int) -> np.ndarray:
    """P(X >= shared) for X ~ Hypergeometric(N letters, k_a signed by a, k_b draws by b).
    Symmetric in a and b; computed once per distinct (shared, k_a, k_b), which repeat a lot.

    >>> round(float(hypergeom_p(np.array([2]), np.array([2]), np.array([2]), 4)[0]), 12)  # 1 / C(4, 2)
    0.166666666667
    """
    shared, lo, hi = (np.asarray(x, dtype=np.int64) for x in (shared, np.minimum(k_a, k_b), np.maximum(k_a, k_b)))
    if len(shared) == 0:
        return np.zeros(0)
    base = int(max(lo.max(), hi.max(), shared.max())) + 1
    key = (shared * base + lo) * base + hi
    if len(key) > FACTORIZE_FROM:
        import pandas as pd  # ~0.6 s to import: worth it only for big corpora

        inv, uniq = pd.factorize(key)  # hashing, not sorting: 5x faster than np.unique on millions of pairs
    else:
        uniq, inv = np.unique(key, return_inverse=True)
    us, ul, uh = uniq // (base * base), (uniq // base) % base, uniq % base
    return np.clip(upper_tail(us, ul, uh, n_letters), 0.0, 1.0)[np.asarray(inv).ravel()]



def upper_tail(s: np.ndarray, k: np.ndarray, n: np.ndarray, total: int) -> np.ndarray:
    """P(X >= s) for X ~ Hypergeometric(total, k marked, n drawn), summing the pmf over the upper tail in
    log space (every term positive: no cancellation, so tiny p-values keep their digits). Written with
    numpy rather than scipy.stats.hypergeom, whose import (~0.8 s) delayed the app's first view.

    >>> round(float(upper_tail(np.array([2]), np.array([3]), np.array([2]), 5)[0]), 12)  # C(3,2)/C(5,2)
    0.3
    """
    lf = np.concatenate([[0.0], np.cumsum(np.log(np.arange(1, total + 1, dtype=float)))])  # log(i!)

    def log_choose(a, b):
        return lf[a] - lf[b] - lf[a - b]

    start = np.maximum(s, np.maximum(0, n - (total - k)))
    stop = np.minimum(k, n)
    length = np.maximum(stop - start + 1, 0)
    out = np.zeros(len(s))
    first = 0
    while first < len(s):  # chunks of about TAIL_CHUNK terms
        ends = np.cumsum(length[first:])
        last = first + max(1, int(np.searchsorted(ends, TAIL_CHUNK, side="right")))
        ln = length[first:last]
        row = np.repeat(np.arange(first, last), ln)
        x = start[row] + np.arange(len(row)) - np.repeat(np.cumsum(ln) - ln, ln)
        terms = np.exp(log_choose(k[row], x) + log_choose(total - k[row], n[row] - x) - log_choose(total, n[row]))
        out[first:last] = np.bincount(row - first, terms, minlength=last - first)
        first = last
    return out
