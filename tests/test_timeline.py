"""Timeline: partial dates sort sensibly; joiners, leavers and first/last letters."""
from __future__ import annotations

from graph.network.build import build_graph
from graph.records import Letter, Mention, Organization
from graph.network.timeline import date_key, letters_by_date, spans, steps


def corpus():
    letters = [Letter("c.txt", date="2021-02-05"), Letter("a.txt", date="2021"), Letter("b.txt", date=None),
               Letter("d.txt", date="2021-02"), Letter("e.txt", date="2020-12-31")]
    signed = {"x": ["a.txt", "c.txt", "d.txt"], "y": ["e.txt", "c.txt"], "z": ["b.txt"], "w": ["d.txt", "c.txt"]}
    orgs = [Organization(o, o.upper(), mentions=tuple(Mention(f, o.upper()) for f in fs)) for o, fs in signed.items()]
    return build_graph(letters, orgs)


def test_partial_dates_sort_before_their_full_dates_and_undated_last():
    G = corpus()
    assert letters_by_date(G) == ["letter:e", "letter:a", "letter:d", "letter:c", "letter:b"]
    assert date_key("2021-2") == (2021, 2, 0) and date_key("garbage") > date_key("2099-12-31")


def test_steps_show_who_joined_and_dropped():
    G = corpus()
    s = {step.letter: step for step in steps(G)}
    assert s["letter:e"].joined == ("org:y",) and s["letter:e"].first_time == ("org:y",)
    assert s["letter:a"].joined == ("org:x",) and s["letter:a"].dropped == ("org:y",)
    assert s["letter:d"].joined == ("org:w",) and s["letter:d"].stayed == 1
    assert s["letter:c"].joined == ("org:y",) and s["letter:c"].first_time == ()  # y is back, not new
    assert s["letter:b"].dropped == ("org:w", "org:x", "org:y")


def test_spans():
    sp = spans(corpus())
    assert (sp["org:x"].first, sp["org:x"].last, sp["org:x"].n_letters) == ("letter:a", "letter:c", 3)
    assert sp["org:y"].first_date == "2020-12-31" and sp["org:y"].last_date == "2021-02-05"
    assert sp["org:z"].first == sp["org:z"].last == "letter:b"
