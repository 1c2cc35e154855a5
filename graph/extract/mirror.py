"""Reading an upside-down line of OCR (a page header scanned the wrong way up).

OCR reads a line rotated by 180 degrees left to right, so the words come out in reverse order, each spelled
backwards with every glyph turned over: 'a' shows as 'e', 'n' as 'u', 'm' as 'w', 'd' as 'p', 'y' as 'k' or 'A'.
`decode_mirrored` reverses the line and, for each word, picks the word of the letter's own vocabulary that best
explains the turned-over glyphs (edit distance where a glyph matches any letter it can be the rotation of).
Words that nothing explains well are dropped, so the result is a readable, possibly shortened, header.

>>> vocab = {"myanmar", "four", "years", "after", "coup", "world", "must", "demand", "accountability", "for"}
>>> decode_mirrored("Ayjigerunodde puewsp isnw plaom ‘dnod sieak uno4", vocab)[0]
'Four years coup world must demand accountability'
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterable, Mapping

from graph.extract.signatories.lines import is_mirrored

# glyph as OCR reads it when turned over -> letters it can be the rotation of (shape facts, not one letter's)
ROTATED = {
    "a": "etr", "e": "a", "u": "nr", "n": "u", "w": "m", "m": "w", "p": "dp", "d": "pc", "q": "b", "b": "q",
    "g": "b", "o": "o", "s": "ser", "i": "irlt", "l": "lyi", "y": "hft", "h": "y", "j": "lir", "r": "t",
    "k": "y", "t": "f", "f": "t", "c": "c", "x": "x", "z": "z", "v": "v", "4": "f", "|": "l", "1": "l",
}
_WORD = re.compile(r"[^\W_]+")


def _distance(ocr: str, word: str) -> int:
    """Edit distance between a reversed OCR token and a word, a substitution being free for a rotation match."""
    prev = list(range(len(word) + 1))
    for i, c in enumerate(ocr, 1):
        options = ROTATED.get(c, c)
        cur = [i] + [0] * len(word)
        for j, w in enumerate(word, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (0 if w in options or w == c else 1))
        prev = cur
    return prev[-1]


def decode_mirrored(line: str, vocabulary: Iterable[str] | Mapping[str, int],
                    min_score: float = 0.7) -> tuple[str, float]:
    """(decoded text, share of words decoded). `vocabulary`: lower-case words the text may contain (a mapping
    word -> count breaks ties toward the more frequent word; otherwise ties go to the alphabetically first)."""
    freq = vocabulary if isinstance(vocabulary, Mapping) else {}
    by_len: dict[int, list[str]] = {}
    for w in sorted(vocabulary, key=lambda w: (-freq.get(w, 0), w)):
        by_len.setdefault(len(w), []).append(w)
    tokens = [t for t in (_WORD.findall(x.lower()) for x in reversed(line.split())) if t]
    out, n = [], 0
    for parts in tokens:
        ocr = "".join(parts)[::-1]
        if len(ocr) < 2:
            continue
        n += 1
        best, best_score = None, 0.0
        for length in range(max(2, len(ocr) - 2), len(ocr) + 3):
            for w in by_len.get(length, ()):
                score = 1 - _distance(ocr, w) / max(len(ocr), len(w))
                if score > best_score:
                    best, best_score = w, score
        if best is not None and best_score >= min_score:
            out.append(best)
    text = " ".join(out)
    return (text[:1].upper() + text[1:], len(out) / n if n else 0.0)


def mirrored_header(lines: list[str], text: str) -> tuple[str | None, tuple[int, ...]]:
    """A page header printed upside down (its words occur nowhere else) and decodable from the letter's words."""
    vocab: Counter | None = None  # counted on the first mirrored-looking line: most letters have none
    for i, raw in enumerate(lines):
        t = raw.strip()
        if not is_mirrored(t):
            continue
        if vocab is None:
            vocab = Counter(re.findall(r"[^\W\d_]{2,}", text.lower()))
        words = re.findall(r"[^\W\d_]{3,}", t.lower())
        if sum(vocab[w] > 1 for w in words) >= 0.2 * max(1, len(words)):
            continue
        decoded, share = decode_mirrored(t, {w: c for w, c in vocab.items() if w not in words})
        if share >= 0.7 and len(decoded.split()) >= 4:
            return decoded, (i + 1,)
    return None, ()
