"""The curated YAML files are well formed: known tags only, one meaning per word, well-formed names."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from graph.curated import read_yaml
from graph.identity.judgements import load_judgements
from graph.identity.names import normalise
from graph.identity.tags import load_gazetteer, load_rules, tag_names

DATA = Path(__file__).resolve().parents[1] / "data"
TAXONOMY = Path(__file__).resolve().parents[2] / "shared" / "taxonomy" / "coalitions.yaml"


def test_tags_are_the_taxonomy_tags():
    data = read_yaml("coalitions.yaml")
    assert set(data) == {"groups", "tags", "known"}
    if TAXONOMY.exists():
        taxonomy = yaml.safe_load(TAXONOMY.read_text(encoding="utf-8"))
        assert list(tag_names()) == list(taxonomy)
        for tag, desc in taxonomy.items():
            assert data["tags"][tag]["description"] == desc


def test_every_rule_names_a_known_tag_and_known_keys():
    from graph.identity.tagging.data import TAG_KEYS

    data = read_yaml("coalitions.yaml")
    for tag, spec in data["tags"].items():
        for k in set(spec) - TAG_KEYS:  # everything else is a phrase list
            assert spec[k] and all(normalise(str(w)) for w in spec[k]), (tag, k)
    for k in load_rules().known:
        assert set(k["tags"]) <= set(tag_names()) and k["why"]


def test_known_organizations_are_listed_once():
    keys = Counter(k["key"] for k in load_rules().known)
    assert not [k for k, n in keys.items() if n > 1]


def test_gazetteer_gives_each_word_one_meaning():
    gz = load_gazetteer()
    data = read_yaml("gazetteer.yaml")
    seen: dict[str, str] = {}
    for country, spec in data["countries"].items():
        for w in (spec.get("names") or []) + (spec.get("places") or []):
            key = normalise(str(w))
            assert seen.setdefault(key, country) == country, (w, seen[key], country)
    assert not set(gz.foreign) & gz.myanmar_places, "a place cannot be both abroad and in Myanmar"
    assert not set(gz.foreign) & gz.myanmar
    nat: dict[str, str] = {}
    for n, words in data["ethnic"].items():
        for w in words:
            key = normalise(str(w))
            assert nat.setdefault(key, n) == n, (w, nat[key], n)
    assert "rohingya" not in gz.ethnic  # Rohingya has its own tag; see the gazetteer comment


def test_gazetteer_covers_the_places_the_brief_names():
    gz = load_gazetteer()
    for w, country in [("tokyo", "Japan"), ("kyushu", "Japan"), ("hokkaido", "Japan"), ("kansai", "Japan"),
                       ("sydney", "Australia"), ("tasmania", "Australia"), ("south australia", "Australia"),
                       ("northern territory", "Australia"), ("victorian", "Australia"), ("suisse", "Switzerland"),
                       ("deutschland", "Germany"), ("italia", "Italy"), ("prague", "Czech Republic"),
                       ("u s", "United States"), ("swedish", "Sweden")]:
        assert gz.foreign[w] == country
    assert {"WA", "US"} <= set(gz.foreign_cs)
    for w in ("mandalay", "yangon", "monywa", "kalay", "magway", "dawei", "sagaing"):
        assert w in gz.myanmar_places
    for w, n in [("matu", "Chin"), ("kcho", "Chin"), ("kayin", "Karen"), ("kayah", "Karenni"), ("remonya", "Mon"),
                 ("taang", "Ta'ang"), ("palaung", "Ta'ang"), ("tai", "Shan"), ("arakan", "Rakhine")]:
        assert gz.ethnic[w] == n


def test_judgements_are_well_formed():
    j = load_judgements()  # raises CuratedError on a broken entry or an alias pointing to two organizations
    for a, b, why in (*j.same, *j.different):
        assert a and b and a != b
    assert not set(j.aliases) & set(j.alias_names), "an alias cannot also be a canonical name"
    data = read_yaml("judgements.yaml")
    for p in data.get("persons") or []:
        assert set(p) == {"name", "organization", "role", "why"} and normalise(p["organization"]) and p["why"]


@pytest.mark.parametrize("name", ["coalitions.yaml", "gazetteer.yaml", "judgements.yaml"])
def test_curated_files_explain_themselves(name):
    text = (Path(__file__).resolve().parents[1] / "data" / name).read_text(encoding="utf-8")
    assert text.lstrip().startswith("#")


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.yaml")))
def test_fast_yaml_loader_reads_curated_files_as_pure_python_pyyaml_does(name):
    """curated.py uses libyaml when present; it must not change a single curated value (the pure-Python loader is
    given the same YAML 1.2 booleans: "on" and "no" are words)."""
    from graph import curated

    class Pure(yaml.SafeLoader):
        yaml_implicit_resolvers = curated._Loader.yaml_implicit_resolvers

    text = (DATA / name).read_text(encoding="utf-8")
    assert read_yaml(name) == yaml.load(text, Loader=Pure)


# (file, a broken edit, the key the error must name)
BREAKS = [
    ("demands.yaml", lambda d: d["demands"]["arms_embargo"].update({"label": 5}), "demands.arms_embargo.label"),
    ("demands.yaml", lambda d: d["demands"]["icc_referral"].update({"patterns": ["(unclosed"]}),
     "demands.icc_referral.patterns[0]"),
    ("coalitions.yaml", lambda d: d["tags"]["women"].update({"inherit": "yes"}), "tags.women.inherit"),
    ("coalitions.yaml", lambda d: d["tags"]["diaspora"]["when"][1].update({"if": ["tag.nobody"]}),
     "tags.diaspora.when[1]"),
    ("gazetteer.yaml", lambda d: d["countries"]["Japan"].update({"places": "tokyo"}), "countries.Japan.places"),
    ("gazetteer.yaml", lambda d: d["myanmar"].pop("country"), "myanmar.country"),
    ("gazetteer.yaml", lambda d: d["not_ethnic_with"].update({"Atlantis": ["x"]}), "not_ethnic_with.Atlantis"),
    ("accepted_demands.yaml", lambda d: d.update({"accepted": {"x": {"label": "X", "asks": []}}}), "accepted.x.asks"),
    ("judgements.yaml", lambda d: d.update({"same": "not a list"}), "same"),
]


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    import shutil

    import graph.paths

    for f in DATA.glob("*.yaml"):
        shutil.copy(f, tmp_path / f.name)
    monkeypatch.setattr(graph.paths, "DATA_DIR", tmp_path)
    return tmp_path


def test_the_unbroken_files_pass_the_check(data_copy):
    from graph.curated import check_all

    check_all()


@pytest.mark.parametrize("name,edit,key", BREAKS, ids=[f"{b[0]}-{b[2]}" for b in BREAKS])
def test_a_broken_curated_file_fails_naming_file_and_key(data_copy, name, edit, key):
    from graph.curated import CuratedError, check_all

    p = data_copy / name
    data = yaml.safe_load(p.read_text(encoding="utf-8"))
    edit(data)
    p.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    with pytest.raises(CuratedError) as e:
        check_all()
    assert (e.value.file, e.value.key) == (name, key), str(e.value)


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.yaml")))
def test_a_key_given_twice_is_refused(data_copy, name):
    from graph.curated import CuratedError, check_all

    p = data_copy / name
    p.write_text(p.read_text(encoding="utf-8") + "\nzz_twice: 1\nzz_twice: 2\n", encoding="utf-8")
    with pytest.raises(CuratedError) as e:
        check_all()
    assert (e.value.file, e.value.key) == (name, "zz_twice")


def test_every_tag_has_its_own_fixed_colour():
    from graph.draw.style import group_colour, tag_colours

    colours = tag_colours()
    assert set(colours) == set(tag_names())
    assert len(set(colours.values())) == len(colours), "two tags share a colour"
    assert all(group_colour(t) == c for t, c in colours.items())
