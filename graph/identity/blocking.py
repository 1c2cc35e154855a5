"""Candidate pairs for fuzzy merges: names that share a blocking key and are close enough to look at.

Comparing every name with every other is quadratic (10,000 names, 50 million pairs); names that cannot be
variants of each other share no rare word and neither the start nor the end of their letters.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from graph.identity.misprints import ocr_fold
from graph.identity.names import STOPWORDS, compact
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


def candidates(nodes: dict[str, Node], before: dict[str, Block] | None = None, seen: dict[str, Block] | None = None
               ) -> dict[tuple[str, str], float]:
    """Pairs of nodes sharing a blocking key whose normal forms are at least NEAR_MISS similar.
    before: the blocks of an earlier call (its `seen`): a block with the same nodes has the same close pairs
    (a node's key is its normal form), so only blocks a new name joined or left are compared again.
    seen: filled with this call's blocks."""
    df = Counter(t for n in nodes.values() for t in set(n.text.split()))
    rare = max(20, len(nodes) // 500)
    blocks: dict[str, list[str]] = defaultdict(list)
    for k, n in nodes.items():
        for b in _block_keys(n.text, df, rare):
            blocks[b].append(k)
    before = before or {}
    seen = {} if seen is None else seen
    close: dict[tuple[str, str], float] = {}
    for b, members in blocks.items():
        if not 1 < len(members) <= MAX_BLOCK:
            continue
        members.sort()
        block = before.get(b)
        if block is None or block[0] != members:
            block = (members, _close_pairs(members, nodes))
        seen[b] = block
        close.update(block[1])
    return dict(sorted(close.items()))


Block = tuple[list[str], list[tuple[tuple[str, str], float]]]  # (its nodes, sorted; their close pairs)


def _close_pairs(members: list[str], nodes: dict[str, Node]) -> list[tuple[tuple[str, str], float]]:
    """The pairs of one block at least NEAR_MISS similar; equal texts are decided by the exact rule."""
    texts = [nodes[k].text for k in members]
    m = process.cdist(texts, texts, scorer=fuzz.ratio, score_cutoff=NEAR_MISS * 100, dtype=np.uint8)
    ii, jj = np.nonzero(np.triu(m, 1))  # each close pair once, not a name with itself
    return [((members[i], members[j]), int(m[i, j]) / 100) for i, j in zip(ii.tolist(), jj.tolist())
            if texts[i] != texts[j]]
