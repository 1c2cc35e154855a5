"""Broken curated data stops every command alike, naming the file and the key (issue 14): each curated file
broken in turn, each CLI verb, and the app's pages. Also: the curated files are read as YAML 1.2 reads them."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

import graph.paths
from graph.cli.main import VERBS, main
from graph.curated import READERS, WORD_FILES, CuratedError, check_all, read_yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
LETTER = ROOT / "tests" / "fixtures"

# One break per curated file: (file, edit of its parsed YAML, the key the error must name).
BREAKS = [
    ("addressees.yaml", lambda d: d.update({"aliases": ["not", "a", "mapping"]}), "aliases"),
    ("date_words.yaml", lambda d: d["cues"].append(2024), "cues[%d]"),
    ("page_leftovers.yaml", lambda d: d.pop("letter_kinds"), "letter_kinds"),
    ("signatory_words.yaml", lambda d: d.update({"table": "names"}), "table"),
    ("events.yaml", lambda d: d["events"][0].pop("word"), "events[0].word"),
    ("countries.yaml", lambda d: d.update({"countries": ["x"]}), "countries"),
    ("ocr_languages.yaml", lambda d: d["latin"].update({"fra": "le la les"}), "latin.fra"),
    ("demands.yaml", lambda d: d["demands"]["arms_embargo"].update({"label": 5}), "demands.arms_embargo.label"),
    ("coalitions.yaml", lambda d: d["tags"]["women"].update({"inherit": "yes"}), "tags.women.inherit"),
    ("gazetteer.yaml", lambda d: d["countries"]["Japan"].update({"places": "tokyo"}), "countries.Japan.places"),
    ("judgements.yaml", lambda d: d.update({"same": "not a list"}), "same"),
    ("accepted_demands.yaml", lambda d: d.update({"accepted": {"x": {"label": "X", "asks": []}}}), "accepted.x.asks"),
]
# The arguments each verb needs to get as far as reading letters.
ARGS = {"extract": ["LETTER"], "orgs": [], "demands": [], "stats": [], "cosigners": ["Nobody"],
        "suggest": ["Nobody"], "export": ["--format", "csv", "-o", "OUT"], "add": ["--dry-run", "LETTER"]}


@pytest.fixture
def broken(tmp_path, monkeypatch, request):
    """A copy of data/ with one file broken; graph.paths points at it."""
    name, edit, key = request.param
    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("letters", "fonts"))
    shutil.copytree(DATA / "letters", data / "letters")
    p = data / name
    doc = yaml.safe_load(p.read_text(encoding="utf-8"))
    edit(doc)
    if "%d" in key:
        key = key % (len(doc["cues"]) - 1)
    p.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(graph.paths, "DATA_DIR", data)
    monkeypatch.setenv("ATLAS_DATA_DIR", str(data))
    monkeypatch.setenv("ATLAS_LETTERS_DIR", str(data / "letters"))
    yield name, key
    monkeypatch.undo()
    check_all()  # the caches read from the broken copy are filled again from data/


def test_every_curated_file_has_a_break_and_a_check():
    files = {p.name for p in DATA.glob("*.yaml")}
    assert {b[0] for b in BREAKS} == files
    assert files <= set(READERS) | set(WORD_FILES), "a curated file no check reads"


@pytest.mark.parametrize("broken", BREAKS, ids=[b[0] for b in BREAKS], indirect=True)
def test_check_all_names_the_file_and_key(broken):
    name, key = broken
    with pytest.raises(CuratedError) as e:
        check_all()
    assert (e.value.file, e.value.key) == (name, key), str(e.value)


@pytest.mark.parametrize("verb", VERBS)
@pytest.mark.parametrize("broken", BREAKS[:4], ids=[b[0] for b in BREAKS[:4]], indirect=True)
def test_every_verb_stops_naming_the_file_and_key(broken, verb, tmp_path, capsys):
    name, key = broken
    letter = tmp_path / "a.txt"
    letter.write_text("Open letter\n\nSigned:\nFriends of the Example River\nExample Tenants Union\n", encoding="utf-8")
    args = [a.replace("OUT", str(tmp_path / "out.csv")).replace("LETTER", str(letter)) for a in ARGS[verb]]
    assert main([verb, *args]) == 2
    assert f"{name}: key {key!r}" in capsys.readouterr().err


@pytest.mark.parametrize("broken", BREAKS[3:5], ids=[b[0] for b in BREAKS[3:5]], indirect=True)
def test_the_app_stops_naming_the_file_and_key(broken):
    from streamlit.testing.v1 import AppTest

    name, key = broken
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    errors = [e.value for e in at.error]
    assert any(name in e and repr(key) in e for e in errors), errors


def test_yes_no_on_off_are_words_not_booleans(tmp_path):
    """YAML 1.1 reads `on` and `no` as booleans: a word list of name words lost "on" ("Coalition on ...")."""
    p = tmp_path / "w.yaml"
    p.write_text("words: [of, on, no, off, yes, y, n]\nflag: true\nother: False\n", encoding="utf-8")
    assert read_yaml(p) == {"words": ["of", "on", "no", "off", "yes", "y", "n"], "flag": True, "other": False}


def test_a_word_yaml_would_read_as_a_number_is_refused(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("letters", "fonts"))
    p = data / "page_leftovers.yaml"
    p.write_text(p.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    doc = yaml.safe_load(p.read_text(encoding="utf-8"))
    doc["menu_words"].append(404)
    p.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(graph.paths, "DATA_DIR", data)
    with pytest.raises(CuratedError) as e:
        check_all()
    assert (e.value.file, e.value.key) == ("page_leftovers.yaml", f"menu_words[{len(doc['menu_words']) - 1}]")
    monkeypatch.undo()
    check_all()


def test_the_app_remembers_a_passed_check_until_a_file_changes(tmp_path, monkeypatch):
    """A restarted app does not check the curated files again when they and the code are as they were when
    a check passed (the store remembers it); a file changed since is checked again and stops the app."""
    import graph.curated
    from ui import state

    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("letters", "fonts"))
    monkeypatch.setattr(graph.paths, "DATA_DIR", data)
    monkeypatch.setenv("ATLAS_CACHE_DIR", str(tmp_path / "cache"))
    calls = []
    real = graph.curated.check_all
    monkeypatch.setattr(graph.curated, "check_all", lambda: calls.append(1) or real())

    def open_app() -> None:
        state._curated_ok.clear()  # a new process: nothing in memory
        state._curated_ok(repr(state.fingerprint(str(data))))

    open_app()
    open_app()
    assert len(calls) == 1  # the second start took the stored answer
    p = data / "judgements.yaml"
    p.write_text(p.read_text(encoding="utf-8") + "\nsame: not a list\n", encoding="utf-8")
    with pytest.raises(CuratedError, match="judgements.yaml"):
        open_app()
    assert len(calls) == 2
    monkeypatch.undo()
    state._curated_ok.clear()
    check_all()  # the caches read from the broken copy are filled again from data/
