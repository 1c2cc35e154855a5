"""Curated decisions: recorded atomically into a file of their own (a YAML emitter writes it whole), the
hand-written file never rewritten, undo."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graph.curated import CuratedError
from graph.identity.judgements import decisions_file, load_judgements, record_decision, recorded_decisions, undo_decision
from graph.paths import curated_path
from graph.records import Letter, Signatory
from graph.identity.resolve import resolve


@pytest.fixture
def jfile(tmp_path: Path) -> Path:
    p = tmp_path / "judgements.yaml"
    shutil.copy(curated_path("judgements.yaml"), p)
    return p


def test_record_keeps_every_hand_written_line_and_comment(jfile):
    before = jfile.read_bytes()
    record_decision("different", "Karen Human Rights Group", "Karenni Human Rights Group", "Karen vs Karenni", path=jfile)
    assert jfile.read_bytes() == before  # the hand-written file is never rewritten
    assert decisions_file(jfile) == jfile.parent / "recorded" / "judgements.yaml" and decisions_file(jfile).is_file()
    j = load_judgements(jfile)
    assert ("karen human rights group", "karenni human rights group", "Karen vs Karenni") in j.different
    assert j.persons and j.persons[0].organization == "Amnesty International"  # the persons section still reads


def test_undo_takes_back_the_last_or_a_named_decision(jfile):
    original = jfile.read_text(encoding="utf-8")
    a = record_decision("same", "BCUK", "Burma Campaign UK", "acronym", path=jfile)
    b = record_decision("different", "ARNU", "ARNO", "two parties", path=jfile)
    assert [d["id"] for d in recorded_decisions(jfile)] == [a["id"], b["id"]]
    assert undo_decision(a["id"], path=jfile)["id"] == a["id"]
    assert [d["id"] for d in recorded_decisions(jfile)] == [b["id"]]
    assert undo_decision(path=jfile)["id"] == b["id"]
    assert undo_decision(path=jfile) is None
    assert jfile.read_text(encoding="utf-8") == original and recorded_decisions(jfile) == []


def test_recorded_decisions_change_the_resolution(jfile):
    letters = [Letter("a.txt", signatories=(Signatory("Burma Campaign UK"),)),
               Letter("b.txt", signatories=(Signatory("BCUK"),))]
    assert len(resolve(letters, load_judgements(jfile)).orgs) == 2
    record_decision("same", "BCUK", "Burma Campaign UK", "the group's own acronym", path=jfile)
    res = resolve(letters, load_judgements(jfile))
    assert len(res.orgs) == 1 and res.orgs[0].reasons[0].rule == "judgement:same"
    undo_decision(path=jfile)
    assert len(resolve(letters, load_judgements(jfile)).orgs) == 2


def test_writes_are_atomic_no_temp_files_left(jfile):
    record_decision("same", "A Group", "A-Group Org", "x", path=jfile)
    assert sorted(p.name for p in jfile.parent.iterdir()) == ["judgements.yaml", "recorded"]
    assert [p.name for p in (jfile.parent / "recorded").iterdir()] == ["judgements.yaml"]


HOSTILE = ["# <<< recorded decisions <<<", "# >>> recorded decisions (managed by graph.identity.judgements: edit entries "
           "freely, keep these two markers) >>>", "a: [b\n---\n...", "!!python/object:os.system 'x'", "& *x ? |"]


@pytest.mark.parametrize("text", HOSTILE)
def test_no_name_or_why_can_break_the_files(jfile, text):
    """Issue 11 item 8: a "why" or a name containing the end marker left judgements.yaml unparseable, and every
    user's Curation view crashed before undo could be reached."""
    d = record_decision("different", f"Alpha {text}", "Beta Group", f"because {text}", path=jfile)
    j = load_judgements(jfile)  # both files still read
    assert (recorded_decisions(jfile)[-1]["a"], recorded_decisions(jfile)[-1]["why"]) == (f"Alpha {text}",
                                                                                         f"because {text}")
    assert j.persons and any(why == f"because {text}" for _, _, why in j.different)
    assert undo_decision(path=jfile)["id"] == d["id"] and recorded_decisions(jfile) == []


def test_text_a_file_cannot_hold_is_refused_and_nothing_is_written(jfile):
    with pytest.raises(ValueError, match="lone surrogate"):
        record_decision("different", "Alpha \udc80", "Beta Group", "why", path=jfile)
    assert not decisions_file(jfile).exists() and load_judgements(jfile).persons


def test_decisions_recorded_by_an_older_version_in_the_hand_written_file_still_count(jfile):
    with jfile.open("a", encoding="utf-8") as f:
        f.write("decisions:\n- {id: x1, decision: same, a: BCUK, b: Burma Campaign UK, why: acronym}\n")
    assert load_judgements(jfile).same


@pytest.mark.parametrize("kind,a,b,why", [
    ("maybe", "A", "B", "x"),
    ("same", "A Group", "a group", "x"),  # the same name twice
    ("same", "A", "B", "  "),  # no reason
])
def test_bad_decisions_are_refused(jfile, kind, a, b, why):
    with pytest.raises(ValueError):
        record_decision(kind, a, b, why, path=jfile)


def test_broken_file_names_file_and_key(tmp_path):
    p = tmp_path / "judgements.yaml"
    p.write_text("same:\n  - {a: Foo}\n", encoding="utf-8")
    with pytest.raises(CuratedError, match="judgements.yaml: key 'b'"):
        load_judgements(p)
    p.write_text("aliases:\n  A: [X]\n  B: [X]\n", encoding="utf-8")
    with pytest.raises(CuratedError, match="points to two organizations"):
        load_judgements(p)


def test_cli_records_and_undoes(jfile, monkeypatch, capsys):
    from graph.cli.commands import orgs

    monkeypatch.setattr("graph.identity.judgements.curated_path", lambda name: jfile)
    import argparse

    ap = argparse.ArgumentParser()
    orgs.add_parser(ap.add_subparsers())
    assert orgs.run(ap.parse_args(["orgs", "--different", "ARNU", "ARNO", "--why", "two parties"])) == 0
    assert recorded_decisions(jfile)[0]["decision"] == "different"
    assert orgs.run(ap.parse_args(["orgs", "--undo"])) == 0
    assert recorded_decisions(jfile) == []
    assert orgs.run(ap.parse_args(["orgs", "--same", "A", "B"])) == 2  # no --why
