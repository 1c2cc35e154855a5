"""Coalition tags: hand-labelled seed organizations (from the sample letters) and unseen-style names.

Per-tag precision/recall is printed (run with -s to see it) and must reach F1 >= 0.9 on rohingya, diaspora and
ethnic, and >= 0.8 averaged over all tags, on both tables.
"""
from __future__ import annotations

import pytest

from gold_letters import GOLD, gold_letters
from graph.records import Organization
from graph.identity.resolve import resolve
from graph.identity.tags import load_rules, tag_names, tag_organizations, tags_for_names

R, D, E, G, S, I, W, Y, L, P, F, M = ("rohingya", "diaspora", "ethnic", "grassroots_resistance", "solidarity",
                                      "international_ngo", "women", "youth_students", "lgbtq", "professional",
                                      "faith", "media_research")

# Labelled by hand from what each organization is (name, and public knowledge where the name cannot tell).
SEED = {
    "Amnesty International": {I},
    "Burma Campaign UK": {S},
    "U.S. Campaign for Burma": {S},
    "Info Birmanie": {S},
    "Swedish Burma Committee": {S},
    "Netherlands-Myanmar Solidarity Platform": {S},
    "Free Burma Campaign (South Africa)": {S},
    "Arakan Rohingya National Union": {R},
    "Burmese Rohingya Organisation UK": {R, D},
    "Queensland Rohingya Community": {R, D},
    "Rohingya Community in Norway": {R, D},
    "Kaladan Press Network": {R, M},
    "Rohingya Women for Justice and Peace": {R, W},
    "Rohingya Student Union": {R, Y},
    "Myanmar Ethnic Rohingya Human Rights Organization in Malaysia": {R, D},
    "Chin Community of Japan": {E, D},
    "Chin Human Rights Organization": {E},
    "Karen Human Rights Group": {E},
    "Karenni Human Rights Group": {E},
    "Human Rights Foundation of Monland": {E},
    "Kachin Women Association Thailand": {E, W, D},
    "Ta’ang Women’s Organization": {E, W},
    "Palaung National Society Japan": {E, D},
    "Norway Rawang Community": {E, D},
    "Zomi Christian Fellowship of Norway": {E, D, F},
    "Kayan Women Organization": {E, W},
    "Arakan Youths Peace Network": {E, Y},
    "Tai Youths Network Japan": {E, D, Y},
    "Remonya Association of WA (Mon Community)": {E, D},
    "Myanmar Community in Norway": {D},
    "Kobe Myanmar Community": {D},
    "Victorian Burmese Care Community": {D},
    "Myanmar Diaspora Group Finland": {D},
    "Dawei Youths in Japan": {D, Y},
    "Global Myanmar Spring Revolution — Japan": {D, G},
    "Action Against Myanmar Military Coup (Sydney)": {D, G},
    "Global Myanmar Spring Revolution": {G},
    "Mandalay Strike Force": {G},
    "Coalition Strike Committee — Dawei": {G},
    "Blood Money Campaign": {G},
    "Anti-Junta Alliance Yangon": {G},
    "Kachin State Civilian Movement": {E, G},
    "General Strike Committee of Nationalities": {E, G},
    "Mandalay Women Strike": {W, G},
    "Women Alliance Burma": {W},
    "Women’s Peace Network": {W},
    "Gender Equality Network": {W},
    "Sisters 2 Sisters": {W},
    "Action Committee of Basic Education Students": {Y},
    "Yadanabon University Students’ Union": {Y},
    "Pakokku Youth Development Council": {Y},
    "LGBT Alliance": {L},
    "LGBT Community Yangon": {L},
    "Parents, Families and Friends of LGBTIQA+ in Myanmar": {L},
    "CDM Medical Network": {P, G},
    "Burma Lawyers’ Council": {P},
    "Myanmar Engineering Association of Australia": {P, D},
    "Myanmar Labor Alliance": {P},
    "Myanmar Baptist Churches in Norway": {F, D},
    "Myanmar Muslim Organization — Norway": {F, D},
    "Samgha Sammaga-Mandalay": {F, G},
    "Ah Nah Podcast - Conversations with Myanmar": {M},
    "Myanmar Policy Institute": {M},
    "Burma Civil War Museum": {M},
    "Network for Human Rights Documentation — Burma": {M},
    "Asian Forum for Human Rights and Development": {I},
    "CIVICUS: World Alliance for Citizen Participation": {I},
    "Human Rights Watch": {I},
    "Fortify Rights": {I},
    "International Commission of Jurists": {I, P},
    "Sitt Nyein Pann Foundation": set(),
    "New Myanmar Foundation": set(),
}

# Names in the style of letters not seen yet (invented or from other campaigns), labelled by hand.
UNSEEN = {
    "Karen Women Organization": {E, W},
    "Burmese Community in Korea": {D},
    "Myanmar Democracy Network Taiwan": {D},
    "Chin Association of Maryland": {E, D},
    "Shan Women's Action Network": {E, W},
    "Rohingya Maiyafuddin Youth Network": {R, Y},
    "Arakan Rohingya Refugee Committee in Bangladesh": {R, D},
    "Rakhine Youth Association": {E, Y},
    "Mon Women's Organization": {E, W},
    "Sagaing Township General Strike Committee": {G},
    "Yangon Medical Doctors CDM Group": {P, G},
    "Myanmar Teachers' Federation": {P},
    "Kachin Baptist Convention": {E, F},
    "Myanmar Now News": {M},
    "Burma Solidarity Network Germany": {S},
    "Friends of Burma Denmark": {S},
    "Asia Justice and Rights": {I},
    "International Federation of Journalists": {I, M},
    "Queer Youth Myanmar": {L, Y},
    "Norwegian Burma Committee": {S},
    "Kachin Community in Sydney": {E, D},
    "Karenni Students Union": {E, Y},
    "Myanmar Buddhist Association Tokyo": {F, D},
    "Spring Revolution Support Group Osaka": {G, D},
    "Dawei Development Association": set(),
    "Overseas Burmese Democracy Network": {D},
    "Confederation of Trade Unions Myanmar": {P},
    "Christian Solidarity Worldwide": {I, F},
    "Chinland Youth Council": {E, Y},
    "Reporters Without Borders": {I, M},
}


def _prf(labels: dict[str, set[str]], found: dict[str, set[str]]) -> dict[str, tuple[float, float, float]]:
    out = {}
    for t in tag_names():
        tp = sum(t in labels[n] and t in found[n] for n in labels)
        fp = sum(t not in labels[n] and t in found[n] for n in labels)
        fn = sum(t in labels[n] and t not in found[n] for n in labels)
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        out[t] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return out


def _report(title: str, scores) -> None:
    print(f"\n{title}")
    for t, (p, r, f) in scores.items():
        print(f"  {t:22} P={p:.2f} R={r:.2f} F1={f:.2f}")


def _check(scores) -> None:
    for t in ("rohingya", "diaspora", "ethnic"):
        assert scores[t][2] >= 0.9, (t, scores[t])
    assert sum(f for _, _, f in scores.values()) / len(scores) >= 0.8


@pytest.mark.skipif(not GOLD.exists(), reason="needs ../shared/gold")
def test_seed_organizations_from_the_sample_letters():
    letters = gold_letters()
    orgs = {o.name: o for o in tag_organizations(resolve(letters).orgs, letters)}
    assert set(SEED) <= set(orgs)
    assert set().union(*SEED.values()) == set(tag_names())  # the table covers every tag
    found = {n: {t.tag for t in orgs[n].tags} for n in SEED}
    scores = _prf(SEED, found)
    _report("seed organizations (sample letters)", scores)
    _check(scores)


def test_unseen_style_names():
    found = {n: {t.tag for t in tags_for_names([n])} for n in UNSEEN}
    scores = _prf(UNSEEN, found)
    _report("unseen-style names", scores)
    _check(scores)


@pytest.mark.parametrize("name,tag,value", [
    ("Chin Community of Japan", "diaspora", "Japan"),
    ("Chin Community of Japan", "ethnic", "Chin"),
    ("NSW Karenni (Kayah) Communities", "ethnic", "Karenni"),
    ("Karen Swedish Community", "diaspora", "Sweden"),
    ("Remonya Association of WA (Mon Community)", "diaspora", "Australia"),
    ("Punnyakari Mon National Society Japan", "ethnic", "Mon"),
    ("Norway Matu Community", "ethnic", "Chin"),
])
def test_values_record_country_and_nationality(name, tag, value):
    assert (tag, value) in {(t.tag, t.value) for t in tags_for_names([name])}


@pytest.mark.parametrize("name,tag", [
    ("Arakan Rohingya National Union", "ethnic"),  # Arakan Rohingya is Rohingya, not Rakhine
    ("Dawei Youths Revolutionary Movement Strike Committee", "ethnic"),  # Dawei is a city
    ("Mandalay Women Strike", "diaspora"),  # Myanmar's own towns are not abroad
    ("U.S. Campaign for Burma", "diaspora"),  # foreign-led solidarity is not diaspora
    ("Japan Campaign to Ban Landmines", "diaspora"),
    ("Know Us More Myanmar", "solidarity"),  # "us" is a word, not the United States
    ("Global Myanmar Spring Revolution", "international_ngo"),
])
def test_evidence_the_name_does_not_support_gives_no_tag(name, tag):
    orgs = tag_organizations([Organization("x", name)], [])
    assert tag not in {t.tag for t in orgs[0].tags}


def test_members_inherit_an_umbrellas_resistance_women_and_lgbtq_tags_only():
    umbrella = Organization("u", "Mandalay Strike Force", members=("m",))
    member = Organization("m", "Seinpann Group", member_of=("u",))
    wab = Organization("w", "Women Alliance Burma", members=("k",))
    kid = Organization("k", "Taze Villages Group", member_of=("w",))
    out = {o.id: o for o in tag_organizations([umbrella, member, wab, kid], [])}
    assert {t.tag for t in out["m"].tags} == {"grassroots_resistance"}
    assert "member of Mandalay Strike Force" in out["m"].tags[0].reason
    assert {t.tag for t in out["k"].tags} == {"women"}


def test_every_tag_carries_its_reason_and_is_known():
    letters = gold_letters() if GOLD.exists() else []
    known = set(tag_names())
    for o in tag_organizations(resolve(letters).orgs, letters):
        for t in o.tags:
            assert t.tag in known and t.reason
        assert o.ethnicity == next((t.value for t in o.tags if t.tag == "ethnic"), None)


def test_known_facts_are_few_and_explained():
    known = load_rules().known
    assert len(known) <= 40
    assert all(k["why"] for k in known)


def test_curated_tag_decisions_add_remove_and_undo(tmp_path, monkeypatch):
    """record_tag writes the curator's choice into data/recorded/coalitions.yaml (coalitions.yaml untouched);
    tag_organizations then applies it (added tags carry the reason) and undo_tag restores the rules."""
    import shutil

    import graph.paths
    import graph.identity.tags as gt

    for f in graph.paths.DATA_DIR.glob("*.yaml"):
        shutil.copy(f, tmp_path / f.name)
    p = tmp_path / gt.COALITIONS
    original = p.read_text(encoding="utf-8")
    monkeypatch.setattr(graph.paths, "DATA_DIR", tmp_path)
    org = Organization("mws", "Mandalay Women Strike")
    before = {t.tag for t in tag_organizations([org])[0].tags}
    assert before == {"grassroots_resistance", "women"}
    d = gt.record_tag("Mandalay Women Strike", ["women", "youth_students"], "strike group of women students")
    (o,) = tag_organizations([org])
    reasons = {t.tag: t.reason for t in o.tags}
    assert set(reasons) == {"women", "youth_students"}  # grassroots_resistance removed, youth_students added
    assert reasons["youth_students"] == "curated: strike group of women students"
    assert not reasons["women"].startswith("curated")  # a kept tag keeps the rule's own reason
    assert p.read_text(encoding="utf-8") == original  # the hand-written file is never rewritten
    assert "decision: tags" in (tmp_path / "recorded" / "coalitions.yaml").read_text(encoding="utf-8")
    with pytest.raises(ValueError):
        gt.record_tag("Mandalay Women Strike", ["no_such_tag"], "typo")
    with pytest.raises(ValueError):
        gt.record_tag("Mandalay Women Strike", ["women"], "  ")
    assert gt.undo_tag(d["id"])["name"] == "Mandalay Women Strike"
    assert {t.tag for t in tag_organizations([org])[0].tags} == before
    assert p.read_text(encoding="utf-8") == original


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A private copy of data/*.yaml that graph.paths points at."""
    import shutil

    import graph.paths

    for f in graph.paths.DATA_DIR.glob("*.yaml"):
        shutil.copy(f, tmp_path / f.name)
    monkeypatch.setattr(graph.paths, "DATA_DIR", tmp_path)
    return tmp_path


def test_a_tag_added_to_the_data_with_a_rule_is_assigned(data_copy):
    """No code names a tag: one added to coalitions.yaml, with keywords or with a rule, is assigned."""
    import yaml

    p = data_copy / "coalitions.yaml"
    data = yaml.safe_load(p.read_text(encoding="utf-8"))
    data["tags"]["environment"] = {"description": "Environmental groups.", "keywords": ["green", "rivers"]}
    data["tags"]["exile_media"] = {"description": "Media working from abroad.",
                                   "keywords": ["radio", "tv", "news"],
                                   "when": [{"if": ["keywords", "place"], "unless": ["tag.environment"],
                                             "value_from": "place"}]}
    p.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    assert "environment" in tag_names() and "exile_media" in tag_names()
    orgs = [Organization("a", "Green Rivers Alliance"), Organization("b", "Free Radio Oslo"),
            Organization("c", "Free Radio")]
    got = {o.id: {t.tag: t for t in o.tags} for o in tag_organizations(orgs)}
    assert "environment" in got["a"] and "keywords 'green'" in got["a"]["environment"].reason
    assert got["b"]["exile_media"].value == "Norway"
    assert "exile_media" not in got["c"]  # the rule needs a place, and no place is printed


def test_the_place_printed_beside_an_organization_is_evidence():
    from graph.records import Letter, Mention, Signatory

    sig = Signatory("Burmese Community Association", lines=(3,))
    object.__setattr__(sig, "location", "Sydney")  # the reader's `location` field, when it has one
    letter = Letter("x.txt", signatories=(sig,))
    org = Organization("bca", "Burmese Community Association",
                       mentions=(Mention("x.txt", "Burmese Community Association", lines=(3,)),))
    (o,) = tag_organizations([org], [letter])
    assert {t.tag: t.value for t in o.tags}["diaspora"] == "Australia" and o.country == "Australia"
    (bare,) = tag_organizations([org], [])
    assert "diaspora" not in {t.tag for t in bare.tags}


def test_an_organization_tagged_again_reads_its_places_in_every_letter_and_the_others_keep_their_tags():
    from graph.records import Letter, Mention, Signatory

    sig = Signatory("Burmese Community Association", lines=(3,))
    object.__setattr__(sig, "location", "Sydney")
    old = [Letter("x.txt", signatories=(sig, Signatory("Karen Women Union", lines=(4,))))]
    new = old + [Letter("y.txt", signatories=(Signatory("Burmese Community Association", lines=(2,)),))]
    bca = Mention("x.txt", "Burmese Community Association", lines=(3,))
    kwu = Organization("kwu", "Karen Women Union", mentions=(Mention("x.txt", "Karen Women Union", lines=(4,)),))
    known = tag_organizations([Organization("bca", bca.name, mentions=(bca,)), kwu], old)
    grown = Organization("bca", bca.name, mentions=(bca, Mention("y.txt", bca.name, lines=(2,))))
    again = tag_organizations([grown, kwu], new, known=known)
    assert again == tag_organizations([grown, kwu], new)  # the same as tagging from nothing
    assert {t.tag: t.value for t in again[0].tags}["diaspora"] == "Australia"  # its entry in the old letter
    assert again[1] is known[1]  # untouched: the known record itself


def test_tags_no_rule_decides_stay_empty_and_are_listed_for_review():
    from graph.identity.tags import tags_to_review

    orgs = [Organization("f", "Democracy Now Berlin"), Organization("k", "Karen Community Berlin")]
    out = {o.id: {t.tag for t in o.tags} for o in tag_organizations(orgs)}
    assert "diaspora" in out["k"] and "diaspora" not in out["f"]
    review = tags_to_review(orgs)
    assert [(r["id"], r["tag"]) for r in review] == [("f", "diaspora")] and "berlin" in review[0]["why"]


@pytest.mark.parametrize("edit,key", [
    (lambda d: d["tags"]["diaspora"]["when"][0].update({"if": ["plaice"]}), "tags.diaspora.when[0]"),
    (lambda d: d["tags"]["women"].update({"keywords": "women"}), "tags.women.keywords"),
    (lambda d: d["tags"]["ethnic"]["when"][0].update({"value_from": "planet"}), "tags.ethnic.when[0]"),
    (lambda d: d["known"][0].update({"tags": ["nope"]}), "known[0]"),
    (lambda d: d["tags"]["solidarity"].update({"when": [{"if": ["tag.diaspora"]}]}), "tags.diaspora.when"),
])
def test_a_broken_rule_fails_naming_file_and_key(data_copy, edit, key):
    import yaml

    from graph.curated import CuratedError

    p = data_copy / "coalitions.yaml"
    data = yaml.safe_load(p.read_text(encoding="utf-8"))
    edit(data)
    p.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    with pytest.raises(CuratedError) as e:
        tag_organizations([Organization("a", "A")])
    assert e.value.file == "coalitions.yaml" and e.value.key == key


@pytest.mark.parametrize("name, title, nationality", [
    ("Tai Po Residents Concern Group", "Hong Kong: protect the right to assemble", None),  # a Hong Kong place
    ("Ming Lo Staff Union", "Press freedom in Hong Kong", None),  # no people word at all
    ("Chin Family Benevolent Society", "Malaysia: repeal the sedition act", None),  # a Chinese surname
    ("Karen Smith Foundation", "Fund public libraries", None),  # a given name
    ("Tai Youth Network", "Myanmar: stop the airstrikes", "Shan"),  # the letter is about Myanmar
    ("Chin Family Benevolent Society", "Burma: release political prisoners", "Chin"),
    ("Kachin Women Welfare Group", "Fund public libraries", "Kachin"),  # not an ambiguous word
    ("Shan Burma Friends", "Fund public libraries", "Shan"),  # the name itself says Myanmar
])
def test_a_people_word_that_is_also_an_ordinary_word_needs_a_myanmar_context(name, title, nationality):
    from graph.records import Letter, Mention, Signatory

    letter = Letter("x.txt", title=title, signatories=(Signatory(name, lines=(3,)),))
    org = Organization("o", name, mentions=(Mention("x.txt", name, lines=(3,)),))
    (o,) = tag_organizations([org], [letter])
    assert o.ethnicity == nationality
