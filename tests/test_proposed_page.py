"""The "Proposed demands" page, driven headless by AppTest: accept, rename, merge and undo, each landing in
data/accepted_demands.yaml (a sandbox copy), and an accepted demand becoming a demand node of the graph."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from streamlit.testing.v1 import AppTest

import graph.paths

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")

LETTER = """Joint letter on {topic}

{date}

To the Minister of Labour

We, the undersigned organisations, write about working conditions.

{ask}

Signed,

{orgs}
"""
ASKS = {  # two shared asks, each asked by two letters, plus one letter's own
    "a.txt": ("We urge the government to raise the minimum wage for garment workers.",
              "We call on the ministry to publish all factory inspection reports."),
    "b.txt": ("The government must raise the minimum wage for all garment workers.",),
    "c.txt": ("The ministry should publish its factory inspection reports in full.",
              "We ask for a public holiday on the first of May."),
}


def ok(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.fixture
def sandbox(tmp_path, monkeypatch) -> Path:
    letters = tmp_path / "letters"
    letters.mkdir()
    for i, (name, asks) in enumerate(ASKS.items()):
        orgs = "\n".join(f"{w} Workers Union {name[0].upper()}" for w in ("Garment", "Textile", "Dock"))
        (letters / name).write_text(LETTER.format(topic=f"wages {i}", date=f"1 May 202{i}", ask=" ".join(asks),
                                                  orgs=orgs), encoding="utf-8")
    data = tmp_path / "data"
    data.mkdir()
    for p in (ROOT / "data").glob("*.yaml"):
        shutil.copy2(p, data / p.name)
    monkeypatch.setenv("ATLAS_LETTERS_DIR", str(letters))
    monkeypatch.setenv("ATLAS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(graph.paths, "DATA_DIR", data)
    monkeypatch.delenv("ATLAS_EDITOR_PASSWORD", raising=False)
    return tmp_path


def open_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    ok(at.run())
    at.session_state["_goto"] = "Proposed demands"  # pages are st.navigation pages (navigation.goto)
    return ok(at.run())


def accepted(sandbox: Path) -> dict:
    return yaml.safe_load((sandbox / "data" / "accepted_demands.yaml").read_text(encoding="utf-8"))["accepted"]


def test_accept_rename_merge_and_undo(sandbox):
    path = sandbox / "data" / "accepted_demands.yaml"
    original = path.read_bytes()
    at = open_page()
    assert len(at.selectbox(key="pd_pick").options) == 2  # the one-letter ask is no proposal
    labels = []
    for name in ("Minimum wage", "Inspection reports"):  # accept both proposals, each under a name
        ok(at.text_input(key="pd_label").set_value(name).run())
        ok(at.button(key="pd_accept").click().run())
        assert at.success
        labels.append(name)
    acc = accepted(sandbox)
    assert sorted(v["label"] for v in acc.values()) == sorted(labels)
    assert not [s for s in at.selectbox if s.key == "pd_pick"]  # nothing left to propose

    from graph import pipeline

    G = pipeline.build_corpus([sandbox / "letters"]).graph
    wage = next(d for d, v in acc.items() if v["label"] == "Minimum wage")
    assert sorted(u for u, _ in G.in_edges(f"demand:{wage}")) == ["letter:a", "letter:b"]

    ok(at.selectbox(key="pd_demand").set_value(wage).run())
    ok(at.text_input(key="pd_rename_to").set_value("A living wage").run())
    ok(at.button(key="pd_rename").click().run())
    assert accepted(sandbox)[wage]["label"] == "A living wage"

    other = next(d for d in acc if d != wage)
    ok(at.multiselect(key="pd_merge_from").set_value([other]).run())
    ok(at.button(key="pd_merge").click().run())
    merged = accepted(sandbox)
    assert list(merged) == [wage] and len(merged[wage]["asks"]) == 4

    for _ in range(4):  # merge, rename, accept, accept
        ok(at.button(key="pd_undo").click().run())
    assert path.read_bytes() == original
    ok(at.button(key="pd_undo").click().run())
    assert "Nothing to undo." in [s.value for s in at.success]


def test_reject_hides_a_proposal_and_the_password_gates_the_page(sandbox, monkeypatch):
    at = open_page()
    ok(at.button(key="pd_reject").click().run())
    assert len(at.selectbox(key="pd_pick").options) == 1
    assert accepted(sandbox) == {}
    monkeypatch.setenv("ATLAS_EDITOR_PASSWORD", "s3cret")
    at = open_page()
    assert not [b for b in at.button if b.key == "pd_accept"]
    ok(at.text_input(key="pd_password").set_value("s3cret").run())
    assert at.button(key="pd_accept")


def test_tags_no_rule_decides_are_listed(sandbox):
    at = open_page()
    assert any(e.label.startswith("Tags no rule decides (") for e in at.expander)
