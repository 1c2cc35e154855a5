"""Property: a list of organization names, printed in any of the usual formats, parses back to the same names."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.extract.signatories.parse import parse_signatories

WORDS = ["Human", "Rights", "Network", "Burma", "Karen", "Women", "Youth", "Alliance", "Campaign", "Justice",
         "Council", "Foundation", "Kachin", "Mon", "Peace", "Action", "Support", "Group", "Chin", "Freedom",
         "Democracy", "Refugee", "Union", "Forum", "Institute", "Movement", "Watch", "Solidarity", "Tasmania",
         "Coalition", "Rohingya", "Civil", "Society", "Voice", "Spring", "Revolution", "Committee"]
LINKS = ["of", "for", "and", "in"]


@st.composite
def org_name(draw):
    n = draw(st.integers(2, 5))
    words = [draw(st.sampled_from(WORDS)) for _ in range(n)]
    if n >= 3 and draw(st.booleans()):
        words.insert(draw(st.integers(1, n - 1)), draw(st.sampled_from(LINKS)))
    return " ".join(words)


@st.composite
def printed_list(draw):
    names = draw(st.lists(org_name(), min_size=2, max_size=25, unique_by=str.casefold))
    fmt = draw(st.sampled_from(["numbered", "bulleted", "plain", "lone_bullets", "inline", "heading_plain", "o_subs"]))
    intro = ["We call on all governments to act now and to protect civilians.", ""]
    if fmt == "numbered":
        body = ["Signed by the following organizations:", ""] + [f"{i}. {n}" for i, n in enumerate(names, 1)]
    elif fmt == "bulleted":
        body = ["Signatories:"] + [f"- {n}" for n in names]
    elif fmt == "plain":
        body = ["Signatories", ""] + [x for n in names for x in (n, "")]
    elif fmt == "lone_bullets":
        body = ["Signatories", ""] + [x for n in names for x in ("•", n)]
    elif fmt == "inline":
        body = ["The undersigned organizations are: " + ", ".join(names[:-1]) + ", and " + names[-1] + "."]
    elif fmt == "heading_plain":
        half = len(names) // 2
        body = ["Signatories:", "", "International organizations", ""] + names[:half] + \
               ["", "National organizations", ""] + names[half:]
    else:  # an umbrella with "o" sub-items
        body = ["Signatories:", names[0]] + [f"o {n}" for n in names[1:]]
    return names, fmt, intro + body


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(printed_list())
def test_list_parses_back_to_the_same_names(case):
    names, fmt, lines = case
    r = parse_signatories(lines)
    assert [s.name for s in r.signatories] == names, (fmt, lines)
    if fmt == "o_subs":
        assert all(s.member_of == names[0] for s in r.signatories[1:])
        assert r.signatories[0].member_of is None
    else:
        assert all(s.member_of is None for s in r.signatories)
    assert r.skipped == ()


@settings(max_examples=60, deadline=None)
@given(st.lists(org_name(), min_size=3, max_size=12, unique_by=str.casefold), st.sampled_from(["ARNU", "FORUM-ASIA",
                                                                                               "CDMMN", "AAPP"]))
def test_acronyms_split_and_numbering_glued(names, acronym):
    lines = ["Signatories:"] + [f"{i}.{n} ({acronym})" if i % 2 else f"{i}.  {n}" for i, n in enumerate(names, 1)]
    r = parse_signatories(lines)
    assert [s.name for s in r.signatories] == names
    assert [s.acronym for s in r.signatories] == [acronym if i % 2 else None for i in range(1, len(names) + 1)]
