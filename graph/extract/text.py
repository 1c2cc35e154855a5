"""Bytes to text: UTF-8 and UTF-16 first, then the legacy encoding that explains the bytes best; binary refused.

>>> decode("Genève".encode("cp1252"), "a.txt")
('Genève', 'cp1252')
>>> decode("日本語の手紙です。署名団体一覧".encode("shift_jis"), "j.txt")  # cp932: Windows' Shift-JIS
('日本語の手紙です。署名団体一覧', 'cp932')
"""
from __future__ import annotations

import re

from .errors import LoadError

# Text has tabs, newlines and form feeds; binary data has many other control bytes. Random bytes hold about 11%
# of them, a text file with a stray escape or two far under 1%.
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
MAX_CONTROL_SHARE = 0.01
# Below this share of letters among the non-ASCII characters, a Windows-1252 reading is mojibake (Shift-JIS or
# GBK bytes read as "‚±‚ñ‚É"): accented Latin text is nearly all letters (é, ü, ñ).
MIN_LATIN_LETTER_SHARE = 0.7
_BOMS = {b"\xff\xfe": "utf-16", b"\xfe\xff": "utf-16"}


def decode(data: bytes, name: str) -> tuple[str, str]:
    """(text, encoding used). Raises LoadError for binary data."""
    if data[:2] in _BOMS:
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise LoadError(name, "starts like UTF-16 text but is not valid UTF-16") from None
    head = data[:65536]
    if b"\x00" in head or len(_CONTROL.findall(head)) > MAX_CONTROL_SHARE * len(head):
        raise LoadError(name, "looks like a binary file, not text (expected .txt, .md, .html, .pdf or .docx)")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    latin = _cp1252(data)
    if latin is not None:
        return latin, "cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        return str(best), best.encoding
    raise LoadError(name, "is neither UTF-8 nor a legacy text encoding that can be recognised: save it as UTF-8")


def _cp1252(data: bytes) -> str | None:
    """Windows-1252, the commonest legacy encoding of Latin-script letters, when its reading looks like words."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    high = [c for c in text if ord(c) > 127]
    if high and sum(c.isalpha() for c in high) < MIN_LATIN_LETTER_SHARE * len(high):
        return None
    return text
