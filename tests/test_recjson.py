"""Records to JSON and back (graph/store/recjson.py): any record built from its type hints round-trips, through
the text the store writes, including fields other engineers add later (strategies come from the hints)."""
from __future__ import annotations

import collections.abc
import dataclasses
import datetime
import enum
import json
import types
import typing
from typing import Any, get_args, get_origin, get_type_hints

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph import records
from graph.store.letterstore import _dumped, _loaded
from graph.store.recjson import from_json, to_json, to_rows

# Any character, lone surrogates included (a sidecar name can carry one): the store must keep it.
TEXT = st.text(st.characters(exclude_categories=()), max_size=12)
JSONISH = st.recursive(st.none() | st.booleans() | st.integers(-2**53, 2**53) | TEXT,
                       lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
                       max_leaves=8)


def strategy(tp: Any) -> st.SearchStrategy:
    """A strategy for a type hint of graph/records.py, built from the hint alone."""
    if dataclasses.is_dataclass(tp):
        hints = get_type_hints(tp)
        return st.builds(tp, **{f.name: strategy(hints[f.name]) for f in dataclasses.fields(tp) if f.init})
    origin, args = get_origin(tp), get_args(tp)
    if origin in (typing.Union, types.UnionType):
        return st.one_of(*[st.none() if a is type(None) else strategy(a) for a in args])
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return st.lists(strategy(args[0]), max_size=3).map(tuple)
        return st.tuples(*map(strategy, args))
    if origin in (dict, collections.abc.Mapping):
        return st.dictionaries(TEXT, JSONISH, max_size=3)
    return {str: TEXT, int: st.integers(-2**53, 2**53), float: st.floats(allow_nan=False, allow_infinity=False),
            bool: st.booleans(), Any: JSONISH}[tp]


RECORDS = [c for c in vars(records).values() if dataclasses.is_dataclass(c) and c.__module__ == records.__name__]


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_every_record_round_trips_through_the_stored_text(cls, data):
    value = data.draw(strategy(cls))
    assert from_json(cls, to_json(value)) == value
    (_, text), = _dumped([("k", value)])
    assert from_json(cls, _loaded(text)) == value
    (_, text), = _dumped([("k", to_rows(value))])  # as a row, as the store keeps letters and organizations
    assert from_json(cls, _loaded(text)) == value


def test_a_field_added_with_a_default_round_trips_and_old_entries_still_decode():
    @dataclasses.dataclass(frozen=True)
    class Grown:
        name: str
        lines: tuple[int, ...] = ()
        location: str | None = None  # a field added later
        extra: tuple[records.Signatory, ...] = ()

    value = Grown("A", (1, 2), "Yangon", (records.Signatory("B", lines=(3,)),))
    assert from_json(Grown, json.loads(json.dumps(to_json(value)))) == value
    assert from_json(Grown, {"name": "A"}) == Grown("A")  # written before the field existed


class Kind(enum.StrEnum):
    ORG = "organization"
    LETTER = "letter"


@dataclasses.dataclass(frozen=True)
class Node:  # module level: type hints are resolved in the module's namespace
    kind: Kind
    tags: frozenset[str] = frozenset()
    side: typing.Literal["a", "b"] = "a"


def test_enums_sets_and_literals_round_trip():
    value = Node(Kind.LETTER, frozenset({"y", "x"}), "b")
    assert to_json(value) == {"kind": "letter", "tags": ["x", "y"], "side": "b"}
    assert from_json(Node, json.loads(json.dumps(to_json(value)))) == value
    (_, text), = _dumped([("k", value)])
    assert from_json(Node, _loaded(text)) == value
    assert to_rows(value) == [Kind.LETTER, ["x", "y"], "b"]
    assert from_json(Node, json.loads(json.dumps(to_rows(value)))) == value


def test_an_entry_that_does_not_fit_the_record_raises():
    for bad in ({"file": "a.txt", "nope": 1}, {"title": "no file"}, ["a.txt"], ["a.txt", *[None] * 30]):
        with pytest.raises((TypeError, AttributeError, ValueError)):
            from_json(records.Letter, bad)
    with pytest.raises(TypeError):
        to_json(records.Document("a.txt", "text", meta={"signed": datetime.date(2021, 2, 5)}))  # a date is no JSON
    assert list(_dumped([("k", records.Document("a.txt", "text", meta={"signed": datetime.date(2021, 2, 5)}))])) == []
