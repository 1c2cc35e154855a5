"""Records (frozen dataclasses, graph/records.py) to JSON and back, generically.

The per-letter store (graph/store/letterstore.py) keeps parsed letters as JSON, never as pickles: a pickle
runs code when it is read, JSON cannot. Nothing here names a record or a field: encoding walks
`dataclasses.fields`, decoding walks the type hints, so a field added to a record (with a default)
round-trips with no change here (enums go as their value, sets as sorted lists). Fields equal to their
default are left out: most are empty. A value JSON cannot hold (a date object, a non-string key) raises
TypeError when encoding, and the caller does not store that record.

`to_rows` writes a record as a row instead: its fields' values in field order, no names. The store keeps
letters and organizations that way (its keys carry the code's version, so a row is only read by the code
that wrote it): a third of the text, and read back without a dict per record. `from_json` reads both.

>>> from graph.records import Letter, Signatory
>>> L = Letter("a.txt", title="T", signatories=(Signatory("Org", lines=(3, 4)),))
>>> to_json(L)
{'file': 'a.txt', 'title': 'T', 'signatories': [{'name': 'Org', 'lines': [3, 4]}]}
>>> from_json(Letter, to_json(L)) == L
True
>>> to_rows(L)[:5]
['a.txt', 'T', None, (), [('Org', None, None, (3, 4), '', None, None, None, None)]]
>>> from_json(Letter, json.loads(json.dumps(to_rows(L)))) == L
True
"""
from __future__ import annotations

import dataclasses
import enum
import functools
import json  # noqa: F401 - the doctest's
import types
import typing
from collections.abc import Mapping
from functools import cache
from operator import attrgetter
from typing import Any, Callable, TypeVar, get_args, get_origin, get_type_hints

T = TypeVar("T")
_SCALARS = (str, int, float, bool, type(None))
_MISSING = dataclasses.MISSING


def to_json(obj: Any) -> Any:
    """A value made of dicts, lists, strings, numbers, booleans and None."""
    if isinstance(obj, _SCALARS):
        return obj
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        out = {}
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            if not _is_default(f, value):
                out[f.name] = to_json(value)
        return out
    if isinstance(obj, enum.Enum):
        return to_json(obj.value)
    if isinstance(obj, (tuple, list)):
        return [to_json(x) for x in obj]
    if isinstance(obj, (set, frozenset)):
        return [to_json(x) for x in sorted(obj)]
    if isinstance(obj, Mapping) and all(isinstance(k, str) for k in obj):
        return {k: to_json(v) for k, v in obj.items()}
    raise TypeError(f"cannot store a {type(obj).__name__} as JSON")


def to_rows(obj: Any) -> Any:
    """`obj` as JSON-ready values with every record a row (tuples stay tuples: JSON arrays)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return _row_encoder(type(obj))(obj)
    if isinstance(obj, (tuple, list)):
        return [to_rows(x) for x in obj]
    return _row_encoder(type(obj))(obj)


@cache
def _row_encoder(tp: Any) -> Callable[[Any], Any]:
    """A function writing a value of type `tp` with its records as rows, built once per type: the fields are
    read with one attrgetter (in C) and only those that hold records or sets are walked further."""
    if dataclasses.is_dataclass(tp):
        hints = get_type_hints(tp)
        names = [f.name for f in dataclasses.fields(tp)]
        get = attrgetter(*names) if len(names) > 1 else (lambda o: (getattr(o, names[0]),))
        nested = [(i, e) for i, name in enumerate(names) if (e := _row_encoder(hints[name])) is not _plain]
        if not nested:
            return get

        def encode(o: Any) -> list:
            row = list(get(o))
            for i, e in nested:
                row[i] = e(row[i])
            return row
        return encode
    origin, args = get_origin(tp), get_args(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [e for a in args if (e := _row_encoder(a)) is not _plain]
        return _plain if not inner else to_rows  # a record or None: look at the value
    if origin in (tuple, list) and args:
        item = _row_encoder(args[0])
        if len(args) == 2 and args[1] is Ellipsis or origin is list:
            return _plain if item is _plain else (lambda v: [item(x) for x in v])
        return to_rows
    if tp in (set, frozenset) or origin in (set, frozenset):
        return sorted
    return _plain


def _is_default(f: dataclasses.Field, value: Any) -> bool:
    if f.default is not _MISSING:
        return type(value) is type(f.default) and value == f.default
    if f.default_factory is not _MISSING:
        return value == f.default_factory()
    return False


def from_json(cls: type[T], data: Any) -> T:
    """The record `cls` that to_json gave `data` for. Raises (TypeError, ValueError, KeyError...) on data
    that does not fit the record: callers treat that as a cache miss."""
    return _decoder(cls)(data)


@cache
def _decoder(tp: Any) -> Callable[[Any], Any]:
    """A function turning JSON for type `tp` back into it; built once per type (decoding 150,000
    signatories must not inspect type hints 150,000 times)."""
    if tp is Any or tp in _SCALARS:
        return _plain
    if dataclasses.is_dataclass(tp):
        return _record_decoder(tp)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return tp  # NodeKind("organization") -> NodeKind.ORGANIZATION
    origin, args = get_origin(tp), get_args(tp)
    if origin is typing.Literal:
        return _plain
    if origin in (typing.Union, types.UnionType):
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1:
            inner = _decoder(rest[0])
            if inner is _plain:
                return _plain
            return lambda v: None if v is None else inner(v)
        if all(a in _SCALARS for a in rest):
            return _plain
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder(args[0])
            return tuple if item is _plain else (lambda v: tuple(map(item, v)))
        items = [_decoder(a) for a in args]
        if all(d is _plain for d in items):  # (line, fate, detail): 150,000 of them in a big corpus
            return functools.partial(_fixed, len(items))
        return lambda v: tuple(d(x) for d, x in zip(items, v, strict=True))
    if origin is list:
        item = _decoder(args[0]) if args else _plain
        return lambda v: [item(x) for x in v]
    if origin in (frozenset, set):
        item = _decoder(args[0]) if args else _plain
        return lambda v: origin(map(item, v))
    if origin in (dict, Mapping, typing.Mapping) or tp in (dict, Mapping):
        value = _decoder(args[1]) if len(args) == 2 else _plain
        return lambda v: {str(k): value(x) for k, x in v.items()}
    raise TypeError(f"no JSON decoder for {tp!r}")


def _plain(v: Any) -> Any:
    return v


def _fixed(n: int, v: Any) -> tuple:
    t = tuple(v)
    if len(t) != n:
        raise ValueError(f"{n} items expected, not {len(t)}")
    return t


def _record_decoder(cls: type) -> Callable[[Any], Any]:
    hints = get_type_hints(cls)
    fields = dataclasses.fields(cls)
    convert = [(f.name, d) for f in fields if (d := _decoder(hints[f.name])) is not _plain]
    names = frozenset(f.name for f in fields)
    required = frozenset(f.name for f in fields if f.default is _MISSING and f.default_factory is _MISSING)
    defaults = {f.name: f.default for f in fields if f.default is not _MISSING}
    factories = [(f.name, f.default_factory) for f in fields if f.default_factory is not _MISSING]
    # A frozen dataclass's __init__ sets each field through object.__setattr__ (about 1 us a field, 1 s
    # for a big corpus); a plain record is filled the way unpickling fills it: one __dict__ update.
    plain = all(f.init for f in fields) and not hasattr(cls, "__post_init__") and "__slots__" not in cls.__dict__

    setdict = object.__setattr__
    new = object.__new__
    order = tuple(f.name for f in fields)
    at = [(order.index(name), dec) for name, dec in convert]

    def decode(d: dict | list) -> Any:
        if type(d) is list:  # a row (to_rows): every field, in order
            if len(d) != len(order):
                raise TypeError(f"{cls.__name__}: a row of {len(d)} for {len(order)} fields")
            for i, dec in at:
                d[i] = dec(d[i])
            if not plain:
                return cls(**dict(zip(order, d)))
            obj = new(cls)
            setdict(obj, "__dict__", dict(zip(order, d)))
            return obj
        if plain and d.keys() == names:  # every field present, as orjson writes a record: no defaults to fill
            for name, dec in convert:
                d[name] = dec(d[name])
            obj = new(cls)
            setdict(obj, "__dict__", d)  # `d` is freshly parsed JSON, ours to keep
            return obj
        if not names.issuperset(d) or not required.issubset(d):
            raise TypeError(f"{cls.__name__}: fields {sorted(d)} do not fit {sorted(names)}")
        for name, dec in convert:  # `d` is freshly parsed JSON, ours to change
            if name in d:
                d[name] = dec(d[name])
        if not plain:
            return cls(**d)
        obj = object.__new__(cls)
        obj.__dict__.update(defaults)
        for name, make in factories:
            if name not in d:
                obj.__dict__[name] = make()
        obj.__dict__.update(d)
        return obj

    return decode
