"""Letters in other languages: accent folding, and the per-language sections of data/demands.yaml.

Sentences and patterns are both matched without accents ("libération" and "liberation", "Freilassung",
"liberación" and "liberacion" as typed on a keyboard without them), so a pattern is written once with its
accents and still matches a letter that lost them. Folding keeps one character for one, so match offsets in a
folded sentence are offsets in the original.

`languages:` in data/demands.yaml holds, per language, more ask cues (`asks:`) and more patterns per demand
(`demands:`); `merge_languages` adds them to the language-neutral lists before the lexicon is compiled.

>>> deaccent("libération inmediata, Freilassung, müssen, ação")
'liberation inmediata, Freilassung, mussen, acao'
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any

from graph.curated import CuratedError


def _table() -> dict[int, str]:
    """Latin letters with diacritics (Latin-1 and Latin Extended-A/B) -> their base letter."""
    out = {}
    for code in range(0xC0, 0x250):
        base = unicodedata.normalize("NFD", chr(code))[0]
        if base != chr(code) and base.isascii() and base.isalpha():
            out[code] = base
    return out


_DEACCENT = _table()
_ACCENTED = re.compile("[" + "".join(map(chr, sorted(_DEACCENT))) + "]")


def deaccent(text: str) -> str:
    """`text` with Latin diacritics removed, one character for one (offsets carry over)."""
    return text.translate(_DEACCENT) if _ACCENTED.search(text) else text


# Keys under asks: lists are extended; single patterns (strings) become alternatives.
_LIST_KEYS = ("own", "modal", "reported", "reported_by", "imperative_verbs")
_ONE_KEYS = ("own_participle", "own_subject", "negation", "list_intro", "list_heading", "imperative_not_before")


def _as_list(value: Any, file: str, key: str) -> list[str]:
    value = [value] if isinstance(value, str) else value
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise CuratedError(file, "expected a string or a list of strings", key)
    return value


def merge_languages(data: Any, file: str) -> Any:
    """`data` (the parsed YAML) with every `languages.<code>` section merged into `asks` and `demands`."""
    if not isinstance(data, dict) or not data.get("languages"):
        return data
    langs = data["languages"]
    if not isinstance(langs, dict):
        raise CuratedError(file, "expected a mapping from language code to its section", "languages")
    asks = dict(data.get("asks") or {})
    demands = {k: dict(v) if isinstance(v, dict) else v for k, v in (data.get("demands") or {}).items()}
    for code, section in langs.items():
        at = f"languages.{code}"
        if not isinstance(section, dict):
            raise CuratedError(file, "expected `asks:` and/or `demands:`", at)
        for key, value in (section.get("asks") or {}).items():
            more = _as_list(value, file, f"{at}.asks.{key}")
            if key in _LIST_KEYS:
                asks[key] = list(asks.get(key) or []) + more
            elif key in _ONE_KEYS:
                asks[key] = "|".join(f"(?:{p})" for p in _as_list(asks.get(key) or [], file, f"asks.{key}") + more)
            else:
                raise CuratedError(file, f"unknown ask key {key!r}", f"{at}.asks")
        for did, spec in (section.get("demands") or {}).items():
            if did not in demands:
                raise CuratedError(file, f"no demand {did!r} in `demands:`", f"{at}.demands")
            if isinstance(spec, dict):  # {patterns: [...], not: [...]}
                for key in ("patterns", "not"):
                    if spec.get(key):
                        demands[did][key] = list(demands[did].get(key) or []) + _as_list(
                            spec[key], file, f"{at}.demands.{did}.{key}")
            else:  # a bare list: more patterns
                demands[did]["patterns"] = list(demands[did].get("patterns") or []) + _as_list(
                    spec, file, f"{at}.demands.{did}")
    return {**data, "asks": asks, "demands": demands}
