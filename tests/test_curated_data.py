"""The curated YAML files are well formed: known tags only, one meaning per word, well-formed names."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from graph.curated import read_yaml
from graph.judgements import load_judgements
from graph.names import normalise
from graph.tags import load_gazetteer, load_rules, tag_names

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
    from graph.tagging.data import TAG_KEYS

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
    """curated.py uses libyaml when present; it must not change a single curated value."""
    text = (DATA / name).read_text(encoding="utf-8")
    assert read_yaml(name) == yaml.load(text, Loader=yaml.SafeLoader)
