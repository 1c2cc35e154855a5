"""Name resolution across letters: gold identities merged, look-alikes apart, vetoes hold, order does not matter."""
from __future__ import annotations

import importlib.util
from itertools import combinations
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import process

from gold_letters import GOLD, gold_letters
from graph.identity.judgements import Judgements, PersonJudgement, load_judgements
from graph.records import Letter, Person, Signatory
from graph.identity.resolve import resolve

pytestmark = pytest.mark.skipif(not GOLD.exists(), reason="needs ../shared/gold")
NONE = Judgements()


def _scorer():
    spec = importlib.util.spec_from_file_location("score", GOLD.parent / "tools" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def gold():
    return yaml.safe_load((GOLD / "identities.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def resolution():
    return resolve(gold_letters())


def _closest(name: str, names: list[str], score) -> tuple[float, str | None]:
    """The scorer's similarity to the closest name (rapidfuzz picks a few candidates first, for speed)."""
    cands = [c for c, _, _ in process.extract(score.norm(name), [score.norm(n) for n in names], limit=5)]
    pool = [n for n in names if score.norm(n) in cands or score.norm(n) == score.norm(name)]
    best = max(pool, key=lambda n: (score.norm(n) == score.norm(name), score.similarity(name, n), n), default=None)
    return (score.similarity(name, best), best) if best else (0.0, None)


def _find(res, file, name, score):
    names = [n for (f, n) in res.index if f == file]
    s, best = _closest(name, names, score)
    return res.index[(file, best)] if s >= 0.85 else None


def test_every_gold_identity_is_one_organization(resolution, gold):
    score = _scorer()
    for c in gold["identities"]:
        ids = {_find(resolution, m["file"], m["name"], score) for m in c["mentions"]}
        assert len(ids) == 1 and None not in ids, c["canonical"]


def test_every_look_alike_group_stays_apart(resolution, gold):
    score = _scorer()
    by_name = {n: oid for (f, n), oid in resolution.index.items()}
    for group in gold["distinct_but_similar"]:
        ids = []
        for label in group["names"]:
            name = label.rsplit(" (", 1)[0]  # "(001)" / "(001, sub-member)" says where, not what
            # the closest printed name (full form first: bare forms of two branches are equal)
            s, best = _closest(name, list(by_name), score)
            if s >= 0.97:
                ids.append(by_name[best])
        for a, b in combinations(ids, 2):
            assert a != b, group["names"]


def test_no_cross_letter_merge_outside_gold(resolution, gold):
    sim = _scorer().similarity
    allowed = [{(Path(m["file"]).name, m["name"]) for m in c["mentions"]} for c in gold["identities"]]

    def linked(fa, na, fb, nb):
        return any(any(f == fa and sim(n, na) >= 0.9 for f, n in c) and any(f == fb and sim(n, nb) >= 0.9 for f, n in c)
                   for c in allowed)

    for o in resolution.orgs:
        for x, y in combinations(o.mentions, 2):
            if x.file != y.file:
                assert linked(x.file, x.name, y.file, y.name), (x.name, y.name)


def test_org_count_and_index_cover_every_mention(resolution):
    assert len(resolution.orgs) == 436  # gold README: 436 distinct organizations
    assert sum(len(o.mentions) for o in resolution.orgs) == len(resolution.index) == 402 + 1 + 46 + 13 + 2
    assert sum(len(o.letters) > 1 for o in resolution.orgs) == 26


def test_umbrella_links_from_member_of(resolution):
    orgs = {o.id: o for o in resolution.orgs}
    msf = orgs["mandalay-strike-force"]
    assert len(msf.members) == 15
    assert all("mandalay-strike-force" in orgs[m].member_of for m in msf.members)
    assert len(orgs["women-alliance-burma"].members) == 12
    assert len(orgs["general-strike-committee-of-basic-and-higher-education"].members) == 3


def test_every_multi_spelling_organization_says_why(resolution):
    for o in resolution.orgs:
        if len({m.name for m in o.mentions}) > 1:
            assert o.reasons and all(r.rule for r in o.reasons), o.name


def _letters(*lists: list[str]) -> list[Letter]:
    return [Letter(f"{i}.txt", signatories=tuple(Signatory(n) for n in names)) for i, names in enumerate(lists)]


def _together(res, a: str, b: str) -> bool:
    ids = {n: oid for (f, n), oid in res.index.items()}
    return ids[a] == ids[b]


@pytest.mark.parametrize("a,b", [
    ("Kontra$S", "KontraS"),
    ("Italia-Birmania.lnsieme", "Italia-Birmania.Insieme"),
    ("KnowUsMoreMyanmar", "Know Us More Myanmar"),
    ("Wetlet Twonship Women Strike", "Wetlet Township Women Strike"),
    ("Myanmar Refugee Policy Group", "Myanmar Refugees Policy Group"),
    ("Burmese Womens Union", "Burmese Women’s Union (BWU)"),
    ("HURFOM", "Human Rights Foundation of Monland (HURFOM)"),
    ("The Ladies", "Ladies"),
])
def test_variants_across_letters_merge(a, b):
    assert _together(resolve(_letters([a], [b]), NONE), a, b)


@pytest.mark.parametrize("a,b", [
    ("Karen Human Rights Group", "Karenni Human Rights Group"),
    ("Global Myanmar Spring Revolution — Japan", "Global Myanmar Spring Revolution (GMSR)"),
    ("Chin Youth Organization", "Chin Youth Organization of Japan"),
    ("AWDO (Magway)", "AWDO (Nagphe)"),
    ("Rohingya Student Union", "Rohingya Student League"),
    ("Kachin Women Association Thailand", "Kachin Women Association Japan"),
    ("Mon Youth Network", "Mon Women Network"),
    ("Zomi Community Norway", "Zo Community Norway"),
    ("No.12 Students' Union", "No.13 Students' Union"),
    ("Yangon Women Strike", "Yangon Women Strikes Committee"),
    ("Burma Lawyers Council (BLC)", "Burma Lawyers Council (BLA)"),
    ("Myanmar Community in Italy", "Myanmar Community in Norway"),
    ("Foo Strike (Kyaukme)", "Foo Strike (Kyaukse)"),  # unknown branch places: parentheses still tell
    ("Refugee Women for Peace and Justice", "Rohingya Women for Justice and Peace"),
])
def test_look_alikes_across_letters_stay_apart(a, b):
    assert not _together(resolve(_letters([a], [b]), NONE), a, b)


def test_two_entries_of_one_letter_never_merge():
    res = resolve(_letters(["Kontra$S", "KontraS"]), NONE)
    assert len(res.orgs) == 2


def test_acronym_carried_by_two_organizations_does_not_merge():
    res = resolve(_letters(["AWDO"], ["West Development Organisation (AWDO)", "Western Dev Org (AWDO)"]), NONE)
    assert len(res.orgs) == 3


def test_different_judgement_vetoes_even_through_a_chain():
    a, b, c = "Myanmar Refugee Policy Group", "Myanmar Refugees Policy Group", "Myanmar Refugee Policy Groups"
    jd = Judgements(different=(tuple(sorted(("myanmar refugee policy group", "myanmar refugee policy groups"))) + ("",),))
    res = resolve(_letters([a], [b], [c]), jd)
    assert not _together(res, a, c)
    assert resolve(_letters([a], [b], [c]), NONE).orgs[0].mentions.__len__() == 3


def test_same_judgement_and_alias_merge_what_no_rule_can():
    jd = Judgements(same=(("burma campaign uk", "bcuk", "acronym used by the group itself"),),
                    aliases={"altsean": "altsean burma"})
    res = resolve(_letters(["Burma Campaign UK", "ALTSEAN-Burma"], ["BCUK", "ALTSEAN"]), jd)
    assert _together(res, "Burma Campaign UK", "BCUK") and _together(res, "ALTSEAN-Burma", "ALTSEAN")
    org = next(o for o in res.orgs if o.name == "Burma Campaign UK")
    assert [r.rule for r in org.reasons] == ["judgement:same"]


def test_person_judgement_infers_the_organization_of_a_lone_signer():
    jd = Judgements(persons=(PersonJudgement("Agnès Callamard", "Amnesty International", "Secretary General", "x"),))
    letter = Letter("000.txt", signed_by=Person("Agnes Callamard", "Secretary General"))
    res = resolve([letter], jd)
    assert [o.name for o in res.orgs] == ["Amnesty International"]
    assert res.orgs[0].mentions[0].inferred.startswith("signed by")


def test_curated_judgements_file_loads_and_names_amnesty():
    assert load_judgements().person_org("Agnès Callamard").organization == "Amnesty International"


def test_near_misses_name_both_sides_and_their_letters():
    res = resolve(_letters(["Karen Human Rights Group"], ["Karenni Human Rights Group"]), NONE)
    (nm,) = res.near_misses
    assert nm.a_letters == ("0.txt",) and nm.b_letters == ("1.txt",) and "karenni" in nm.why_not


@settings(max_examples=8, deadline=None)
@given(st.permutations(range(5)), st.randoms(use_true_random=False))
def test_resolution_does_not_depend_on_letter_order(perm, rnd):
    letters = gold_letters()
    shuffled = [letters[i] for i in perm]
    shuffled = [Letter(l.file, signatories=tuple(rnd.sample(l.signatories, len(l.signatories))),
                       signed_by=l.signed_by) for l in shuffled]
    a, b = resolve(letters, NONE), resolve(shuffled, NONE)
    assert a.index == b.index
    assert [(o.id, o.name, o.member_of, o.members) for o in a.orgs] == [(o.id, o.name, o.member_of, o.members)
                                                                          for o in b.orgs]
    assert a.near_misses == b.near_misses


@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
def test_orgs_command_prints_the_score_contract(fmt, capsys):
    import argparse
    import csv
    import io
    import json

    from graph.cli.commands import orgs

    ap = argparse.ArgumentParser()
    orgs.add_parser(ap.add_subparsers())
    assert orgs.run(ap.parse_args(["orgs", "--format", fmt]), letters=gold_letters()) == 0
    out = capsys.readouterr().out
    if fmt == "json":
        data = json.loads(out)
        assert len(data) == 436
        for o in data:
            assert {"id", "name", "mentions", "tags", "country", "ethnicity", "reasons", "member_of", "members",
                    "tag_reasons"} <= set(o)
            assert all({"file", "name"} <= set(m) for m in o["mentions"])
        burma = next(o for o in data if o["id"] == "burma-campaign-uk")
        assert burma["tags"] == ["solidarity"] and burma["country"] == "United Kingdom" and len(burma["letters"]) == 3
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(out)))
        assert rows[0][:4] == ["id", "name", "file", "printed"] and len(rows) == 1 + 464
    else:
        assert out.startswith("436 organizations, 26 in more than one letter")


def test_orgs_review_lists_near_misses_as_json(capsys):
    import argparse
    import json

    from graph.cli.commands import orgs

    ap = argparse.ArgumentParser()
    orgs.add_parser(ap.add_subparsers())
    orgs.run(ap.parse_args(["orgs", "--format", "json", "--review"]), letters=gold_letters())
    data = json.loads(capsys.readouterr().out)
    assert data["near_misses"] and all(n["why_not"] and n["a_letters"] and n["b_letters"] for n in data["near_misses"])
    assert ("Human Rights Now", "Human Rights Watch") in {(n["a_name"], n["b_name"]) for n in data["near_misses"]}


# --- Speed-ups must not change a single result. Digests of everything resolve() returns (organizations, their
# mentions and merge reasons, near misses, index), captured before the resolver and tagger were optimised.
# If a rule change is *meant* to change results, re-capture with _digest(...) and say so in the commit.
def _digest(res) -> str:
    import hashlib
    import json
    from dataclasses import astuple

    blob = json.dumps([[astuple(o) for o in res.orgs], [astuple(n) for n in res.near_misses],
                       sorted([*k, v] for k, v in res.index.items())])
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


def test_gold_letters_resolution_is_unchanged():
    res = resolve(gold_letters(), judgements=NONE)
    assert (len(res.orgs), len(res.near_misses), sum(len(o.reasons) for o in res.orgs)) == (436, 1, 3)
    assert _digest(res) == "a058a85db67548ef"


def test_misprinted_names_resolution_is_unchanged():
    """Variants with OCR slips, typos, acronyms and dashes (bench/bench_resolve.py): the fuzzy path at work."""
    import random

    spec = importlib.util.spec_from_file_location("bench_resolve", Path(__file__).parents[1] / "bench" /
                                                  "bench_resolve.py")
    br = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(br)
    rnd = random.Random(11)
    letters, truth = br.make_letters(br.make_orgs(600, rnd), 6000, rnd, per_letter=60)
    res = resolve(letters, judgements=NONE)
    rules = {r.rule for o in res.orgs for r in o.reasons}
    assert (len(res.orgs), len(res.near_misses), sum(len(o.reasons) for o in res.orgs)) == (619, 193, 1076)
    assert rules == {"exact-normalised", "fuzzy"} and "wrong merges=0" in br.quality(res, truth)
    assert _digest(res) == "7e48b73dfca8e429"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["chin", "community", "of", "new", "south", "wales", "japan", "women",
                                          "myanmar", "karen", "youth", ""]), max_size=16), max_size=3),
       st.lists(st.sampled_from(["chin community", "new south wales", "south", "women", "of japan", "myanmar",
                                 "karen youth", "wales japan women", "x"]), max_size=5))
def test_tag_phrase_search_matches_plain_substring_search(words, phrases):
    """graph.identity.tags finds phrases through an index of word runs; it must answer as ' p ' in ' t ' does."""
    from graph.identity.tags import _find, _foreign, load_gazetteer

    texts = [" ".join(w) for w in words]
    plain = next((p for p in phrases if any(f" {p} " in f" {t} " for t in texts)), None)
    assert _find(texts, phrases) == plain
    gz = load_gazetteer()
    best = None
    for phrase, country in gz.foreign.items():  # the search graph.identity.tags replaced, verbatim
        for t in texts:
            i = f" {t} ".find(f" {phrase} ")
            if i >= 0 and (best is None or (i, -len(phrase)) < best[0]):
                best = ((i, -len(phrase)), phrase, country)
    assert _foreign(texts, [], gz) == ((best[1], best[2]) if best else None)
