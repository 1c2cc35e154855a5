"""Whom a statement calls on outside its first paragraphs: the sentences in its own voice ("We urge women around
the world to ..." in the fourth paragraph), and whom its heading says must act ("Myanmar's military should stop
violence!"). Words (first person, head nouns) are in data/addressees.yaml.

>>> first_person_calls("The Committee urged the Port Authority to act. We call on the Ministry of Fisheries to act.")
['Ministry of Fisheries']
>>> told_what_they_must("We stand with the fishers! The coastal authorities must reopen the grounds!")
['coastal authorities']
"""
from __future__ import annotations

import re
from functools import lru_cache

from graph.extract.addressees import addressed_all, alternation


def told_what_they_must(text: str) -> list[str]:
    """Whom a heading's sentences say must act: "Myanmar's military should stop violence!" -> "Myanmar's military".
    The subject is a head noun (data/addressees.yaml) with at most four words before it, at a sentence's start."""
    return [m.group(1) for m in _must().finditer(re.sub(r"\s+", " ", text))]


@lru_cache(maxsize=1)
def _must() -> re.Pattern:
    heads = "(?i:" + alternation("head_nouns") + ")"
    return re.compile(r"(?:^|[.!?:]\s+)\W*(?i:the\s+)?((?:[^\W\d_][\w’'-]*\s+){0,4}?" + heads + r")\s+(?i:must|should)\b")


def first_person_calls(text: str) -> list[str]:
    """Whom the letter's own voice calls on anywhere in it ("We urge women around the world to ...", "we demand
    that ..."): sentences with "we" (data/addressees.yaml first_person) read as the first paragraphs are. Others'
    calls further down (a report's "the UN urged ...") are not the letter's."""
    voice = _first_person()
    said = [x for x in re.split(r"(?<=[.!?])\s+", text) if voice.search(x)]
    return addressed_all("\n".join(said)) if said else []


@lru_cache(maxsize=1)
def _first_person() -> re.Pattern:
    return re.compile(r"\b(?:" + alternation("first_person") + r")\b", re.I)
