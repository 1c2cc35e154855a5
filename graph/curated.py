"""The one place curated YAML under data/ is read.

Errors name the file and the key, so a curator who breaks a file learns where at once.

>>> from graph.curated import CuratedError, expect
>>> expect({"a": 1}, "a", int, "x.yaml")
1
>>> try:
...     expect({"a": "1"}, "a", int, "x.yaml")
... except CuratedError as e:
...     print(e)
x.yaml: key 'a': expected int, got str
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .paths import curated_path

# libyaml parses the curated files ~10x faster than pure-Python PyYAML (same results, checked in
# tests/test_curated_data.py); every process that parses letters pays this at start-up.
_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _DuplicateKey(yaml.YAMLError):
    def __init__(self, key: Any, mark: Any):
        self.key, self.problem_mark = key, mark


class _Loader(_BASE):  # type: ignore[misc, valid-type]
    """The safe loader, refusing a key given twice in one mapping (YAML would keep the last silently)."""

    def construct_mapping(self, node: Any, deep: bool = False) -> dict:
        seen = set()
        for k, _ in node.value:
            key = self.construct_object(k, deep=True)
            if isinstance(key, (str, int, float, bool)) and key in seen:
                raise _DuplicateKey(key, k.start_mark)
            seen.add(key if isinstance(key, (str, int, float, bool)) else id(k))
        return super().construct_mapping(node, deep)


# YAML 1.1 reads yes/no/on/off/y/n as booleans: in a word list "on" and "no" (words inside names, "Coalition on
# ...") became True and False. Curated files are read as YAML 1.2 does: only true and false are booleans.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in _BASE.yaml_implicit_resolvers.items()}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                              list("tTfF"))
_LOADER = _Loader


class CuratedError(ValueError):
    """A curated file is missing, malformed or holds a wrong value."""

    def __init__(self, file: str | Path, message: str, key: str | None = None):
        self.file = str(file)
        self.key = key
        self.message = message
        where = f"{self.file}: key {key!r}: " if key is not None else f"{self.file}: "
        super().__init__(where + message)

    def __reduce__(self):  # raised in a worker process, it comes back whole
        return CuratedError, (self.file, self.message, self.key)


def read_yaml(name: str | Path) -> Any:
    """Parse a YAML file from data/ (or an explicit path). Raises CuratedError, never yaml errors."""
    path = Path(name) if Path(name).is_absolute() or Path(name).exists() else curated_path(str(name))
    return _read(str(path), path.stat().st_mtime_ns if path.exists() else 0)


@lru_cache(maxsize=64)
def _read(path: str, _mtime: int) -> Any:
    p = Path(path)
    if not p.exists():
        raise CuratedError(p.name, "file not found")
    try:
        return yaml.load(p.read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506 - a safe loader
    except _DuplicateKey as e:
        at = f"line {e.problem_mark.line + 1}"
        raise CuratedError(p.name, f"key given twice ({at}; the second would silently win)", str(e.key)) from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        at = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        raise CuratedError(p.name, f"not valid YAML{at}: {getattr(e, 'problem', e)}") from None
    except UnicodeDecodeError:
        raise CuratedError(p.name, "not UTF-8 text") from None


def expect(mapping: Any, key: str, typ: type | tuple[type, ...], file: str | Path, default: Any = ...,
           at: str = "") -> Any:
    """mapping[key], checked to be of `typ`; a missing key returns `default` when one is given.

    `at` is where `mapping` sits in the file ("tags.women"): errors name the key's full path.
    """
    where = f"{at}.{key}" if at else key
    if not isinstance(mapping, dict):
        raise CuratedError(file, f"expected a mapping, got {type(mapping).__name__}", at or key)
    if key not in mapping or mapping[key] is None:
        if default is not ...:
            return default
        raise CuratedError(file, "missing", where)
    value = mapping[key]
    if not isinstance(value, typ) or (typ is int and isinstance(value, bool)):
        names = "/".join(t.__name__ for t in (typ if isinstance(typ, tuple) else (typ,)))
        raise CuratedError(file, f"expected {names}, got {type(value).__name__}", where)
    return value


# Each curated file and the functions that read (and so check) it: `check_all` runs them all, past their caches.
READERS: dict[str, tuple[str, ...]] = {
    "demands.yaml": ("graph.demands.patterns:load_lexicon",),
    "coalitions.yaml": ("graph.identity.tagging.data:load_rules",),
    "gazetteer.yaml": ("graph.identity.tagging.data:load_gazetteer",),
    "judgements.yaml": ("graph.identity.judgements:load_judgements",),
    "accepted_demands.yaml": ("graph.demands.accepted:load_accepted",),
    "countries.yaml": ("graph.extract.countries:load_countries",),
    "events.yaml": ("graph.extract.letter_dates:load_events",),
    "signatory_words.yaml": ("graph.extract.signatories.words:words",),
    "page_leftovers.yaml": ("graph.extract.leftovers:_knowledge", "graph.extract.letter_heading:_knowledge",
                            "graph.extract.html:_leftover_words", "graph.extract.leftovers:_elsewhere"),
    "ocr_languages.yaml": ("graph.extract.ocr_languages:load_languages",),
}

# The word files: each key the readers look up, and its shape. A list is a list of words (strings); a mapping
# maps a word (or a number: months) to a word or a list of words. A key missing, of another shape, or holding
# a number where a word should be fails here, naming the file and the key, before any letter is read.
WORD_FILES: dict[str, dict[str, type]] = {
    "addressees.yaml": {"aliases": dict, "abbreviations": dict, "greetings": list, "generic_greetings": list,
                        "address_verbs": list, "adverbs": list, "head_nouns": list, "address_line_labels": list,
                        "address_line_prefixes": list, "address_line_openers": list, "address_labels_alone": list,
                        "copy_labels": list, "place_prefixes": list, "recipient_joins": list, "respect_words": list,
                        "honorifics": list, "infinitive_markers": dict, "articles": list,
                        "not_addressee_words": list, "not_addressee_starts": list, "copy_cues": list},
    "date_words.yaml": {"months": dict, "cues": list, "page_date_cues": list, "sent_cues": list},
    "page_leftovers.yaml": {"class_words": list, "title_lines": list, "menu_words": list, "elsewhere_headings": list,
                            "leftover_phrases": list, "title_words": list, "letter_kinds": list,
                            "letter_kind_adjectives": list, "english_words": list, "other_language_words": list},
    "signatory_words.yaml": {"table": dict},  # its other lists are checked by its reader (words.words)
}


def check_words(name: str) -> None:
    """The word file `name` has the shape WORD_FILES gives (CuratedError naming file and key otherwise)."""
    data = read_yaml(name)
    for key, typ in WORD_FILES[name].items():
        value = expect(data, key, typ, name)
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for k, v in items:
            words = v if isinstance(v, list) and isinstance(value, dict) else [v]
            if not all(isinstance(w, str) for w in words):
                raise CuratedError(name, "expected words (text): quote a word YAML reads as a number or a "
                                         "yes/no", f"{key}.{k}" if isinstance(value, dict) else f"{key}[{k}]")


def check_all() -> None:
    """Read every curated file through its readers (READERS, their caches emptied first) and word checks (WORD_FILES),
    and every other YAML file under data/: the first broken one raises CuratedError naming the file and key."""
    import importlib

    from graph import paths  # DATA_DIR read at call time: tests point it elsewhere

    for p in sorted(paths.DATA_DIR.glob("*.yaml")):
        read_yaml(p)  # YAML itself and keys given twice, in every file
    for name in WORD_FILES:
        check_words(name)
    for name, readers in READERS.items():
        if (paths.DATA_DIR / name).exists():
            for reader in readers:
                module, _, func = reader.partition(":")
                f = getattr(importlib.import_module(module), func)
                getattr(f, "cache_clear", lambda: None)()  # an lru_cache would answer from the data read before
                f()  # and is filled again: what the command reads next
