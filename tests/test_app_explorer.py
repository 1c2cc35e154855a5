"""The explorer pages in AppTest: the relationship map first, selections, search by initials, the letter view
(marks, removal with undo), and letter text that never renders as markdown."""
from __future__ import annotations

import pytest

from graph.network.build import letter_node
from test_app import _sandbox, go, iframe_html, ok, open_view

TRAP = "![](http://127.0.0.1:8699/x) :red[styled]"


@pytest.fixture
def hostile(tmp_path, monkeypatch):
    root = _sandbox(tmp_path, monkeypatch)
    (root / "letters" / "900_trap.md").write_text(
        f'---\ntitle: "{TRAP} Joint statement"\ndate: 2022-03\nsignatories:\n  - Amnesty International\n'
        "  - Burma Campaign UK\n---\nWe urge the UN Security Council to impose a global arms embargo.\n",
        encoding="utf-8")
    return root


def _texts(at) -> list[str]:
    return [e.value for kind in ("markdown", "caption", "success", "info", "warning", "error")
            for e in getattr(at, kind)]


def test_network_opens_on_the_relationship_map_and_a_demand_shows_its_letters():
    at = open_view("Network")
    assert '"kind": "cosigned"' in iframe_html(at).replace("\\u0022", '"')
    assert any("co-signature ties" in c.value.replace("\\", "") for c in at.caption)
    demand = at.sidebar.multiselect(key="f_demands").options[0]
    ok(at.sidebar.multiselect(key="f_demands").set_value([demand]).run())
    html = iframe_html(at).replace("\\u0022", '"')
    assert '"kind": "demands"' in html and '"kind": "signed"' in html


def test_initials_find_an_organization():
    at = open_view("Network")
    ok(at.text_input(key="search").set_value("BCUK").run())
    assert at.success and "Burma Campaign UK" in at.success[0].value


def test_letter_view_marks_lines_and_removal_can_be_undone(hostile):
    letters = hostile / "letters"
    node = letter_node("003_65098f7556022396.txt")
    at = open_view(None, lv_letter=node, lv_line=15)
    go(at, "Letter")
    page = iframe_html(at)
    assert "signatory: Amnesty International" in page and 'id="L15"' in page and "outline" in page
    n = len(at.selectbox(key="lv_letter").options)
    ok(at.button(key="lv_remove").click().run())
    assert not (letters / "003_65098f7556022396.txt").exists()
    assert (letters / ".trash").is_dir() and len(at.selectbox(key="lv_letter").options) == n - 1
    ok(at.button(key="lv_undo_btn").click().run())
    assert (letters / "003_65098f7556022396.txt").exists() and not any((letters / ".trash").iterdir())
    assert len(at.selectbox(key="lv_letter").options) == n and at.selectbox(key="lv_letter").value == node


def test_removing_a_letter_needs_the_editor_password(hostile, monkeypatch):
    monkeypatch.setenv("ATLAS_EDITOR_PASSWORD", "s3cret")
    at = open_view(None, lv_letter=letter_node("003_65098f7556022396.txt"))
    go(at, "Letter")
    assert not [b for b in at.button if b.key == "lv_remove"]
    assert at.text_input(key="lv_password")


@pytest.mark.parametrize("view", ["Letter", "Letters", "Network"])
def test_letter_text_is_never_markdown(hostile, view):
    node = letter_node("900_trap.md")
    at = open_view(None, lv_letter=node, lt_letter=node, f_letters=[node], f_mode="full")
    go(at, view)
    texts = _texts(at)
    if view != "Network":
        assert any("Joint statement" in t for t in texts)
    for t in texts:
        assert "![](" not in t and ":red[" not in t, t  # shown escaped: \!\[\]\( and \:red\[
