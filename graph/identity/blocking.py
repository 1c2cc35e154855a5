"""Candidate pairs for fuzzy merges: names that share a blocking key and are close enough to look at.

Comparing every name with every other is quadratic (10,000 names, 50 million pairs); names that cannot be
variants of each other share no rare word and neither the start nor the end of their letters.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from graph.identity.names import STOPWORDS, compact, ocr_fold
from graph.identity.printings import Node


NEAR_MISS = 0.80  # pairs at least this close that were not merged are shown to a curator


MAX_BLOCK = 300  # a blocking key shared by more names than this is too common to tell anything


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


def candidates(nodes: dict[str, Node]) -> dict[tuple[str, str], float]:
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
