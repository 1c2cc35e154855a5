"""The Streamlit explorer, driven headless by AppTest: every view renders, its main widgets work,
and bad uploads leave the letters folder byte-identical."""
from __future__ import annotations

import hashlib
import os
import shutil
import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import graph.paths
from graph.network.build import find_org
from ui import disk, navigation, state

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
LETTERS = ROOT / "data" / "letters"


def checksum(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            h.update(str(p.relative_to(folder)).encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


def ok(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_view(view: str | None = None, **state_values) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    for k, v in state_values.items():
        at.session_state[k] = v
    ok(at.run())
    if view:
        go(at, view)
    return at


def go(at: AppTest, view: str) -> AppTest:
    """Open a page as the app's own links do (navigation.goto -> st.switch_page on the next run)."""
    at.session_state["_goto"] = view
    ok(at.run())
    assert at.session_state["nav"] == view
    return at


def table(at: AppTest, column: str):
    """The first st.dataframe holding `column` (AppTest does not expose st.dataframe keys)."""
    for df in at.dataframe:
        if column in df.value.columns:
            return df.value
    raise AssertionError(f"no table with column {column!r}: {[list(d.value.columns) for d in at.dataframe]}")


def iframe_html(at: AppTest) -> str:
    """st.iframe(html) is an UnknownElement in AppTest; its proto carries the srcdoc."""
    frames = [e for e in at.main if getattr(e, "type", "") == "iframe"] or list(at.get("iframe"))
    assert frames, "no iframe on the page"
    return frames[0].proto.srcdoc


@pytest.fixture(scope="module")
def sample_graph():
    from graph import pipeline

    return pipeline.build_corpus([LETTERS]).graph


@pytest.fixture(autouse=True, scope="module")
def _private_corpus_cache(tmp_path_factory):
    """Parsed letters are stored between app runs; tests keep theirs out of the user's cache."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ATLAS_CACHE_DIR", str(tmp_path_factory.mktemp("corpus-cache")))
        yield


def _sandbox(tmp: Path, mp: pytest.MonkeyPatch) -> Path:
    """A private copy of the letters and curated YAML, so write tests never touch data/."""
    letters = tmp / "letters"
    shutil.copytree(LETTERS, letters)
    data = tmp / "data"
    data.mkdir()
    for p in (ROOT / "data").glob("*.yaml"):
        shutil.copy2(p, data / p.name)
    mp.setenv("ATLAS_LETTERS_DIR", str(letters))
    mp.setattr(graph.paths, "DATA_DIR", data)
    mp.delenv("ATLAS_EDITOR_PASSWORD", raising=False)
    return tmp


@pytest.fixture
def sandbox(tmp_path, monkeypatch) -> Path:
    return _sandbox(tmp_path, monkeypatch)


@pytest.fixture(scope="module")
def upload_sandbox(tmp_path_factory) -> Path:
    """One copy shared by the bad-upload tests: they must never write, so one corpus build serves all."""
    with pytest.MonkeyPatch.context() as mp:
        yield _sandbox(tmp_path_factory.mktemp("uploads"), mp)


@pytest.mark.parametrize("view", navigation.VIEWS)
def test_every_view_renders(view):
    at = open_view(view)
    assert at.header[0].value


def test_network_draws_inlined_vis_graph_with_fixed_positions():
    at = open_view("Network")
    html = iframe_html(at)
    assert "vis.Network" in html or "vis-network" in html
    assert "cdn" not in html.lower() or "<script src=" not in html  # JS inlined, works offline
    assert '"x":' in html or "'x':" in html or "x:" in html  # positions are precomputed
    assert at.text_input(key="net_clicked") is not None


def test_search_by_acronym_shows_ego_network_and_opens_profile():
    at = open_view("Network")
    full = iframe_html(at)
    ok(at.text_input(key="search").set_value("FORUM-ASIA").run())
    assert at.success, "an organization known by its acronym is found"
    assert "Asian Forum" in at.success[0].value
    ego = iframe_html(at)
    assert ego != full and '"borderWidth": 5' in ego, "the searched organization is drawn, ringed"
    assert "var focus = \"org:asian-forum" in ego.replace("\\u0022", '"'), "and centred"
    ok(at.radio(key="radius").set_value(2).run())
    ok(at.button(key="search_open").click().run())
    assert at.session_state["nav"] == "Profile"
    assert at.selectbox(key="pf_org").value.startswith("org:")
    assert any("Top co-signers" in s.value for s in at.subheader)


def test_unknown_search_warns():
    at = open_view("Network")
    ok(at.text_input(key="search").set_value("zzzz no such group").run())
    assert at.warning


def test_sidebar_filters_change_the_drawing():
    at = open_view("Network")
    before = iframe_html(at)
    ok(at.sidebar.slider(key="f_min_letters").set_value(2).run())
    after = iframe_html(at)
    assert after != before
    ok(at.sidebar.multiselect(key="f_kinds").set_value(["organization", "letter"]).run())
    ok(at.sidebar.number_input(key="f_max_nodes").set_value(50).run())
    ok(at.sidebar.multiselect(key="f_tags").set_value(at.sidebar.multiselect(key="f_tags").options[:1]).run())


def test_double_click_pick_opens_profile():
    at = open_view("Network")
    ok(at.selectbox(key="net_pick").select_index(0).run())
    org = at.selectbox(key="net_pick").value
    assert org.startswith("org:")
    ok(at.text_input(key="net_clicked").set_value(org).run())
    assert at.session_state["nav"] == "Profile"


def test_profile_shows_letters_with_source_lines():
    at = open_view("Network")
    ok(at.text_input(key="search").set_value("Amnesty International").run())
    ok(at.button(key="search_open").click().run())
    letters = table(at, "source line")
    assert len(letters) >= 2  # Amnesty signed several sample letters
    assert letters["source line"].str.len().gt(0).any()


def test_coalitions_view_groups_and_expands():
    at = open_view("Coalitions")
    ok(at.radio(key="co_by").set_value("community").run())
    ok(at.radio(key="co_by").set_value("tag").run())
    opts = at.multiselect(key="co_expand").options
    assert opts
    ok(at.multiselect(key="co_expand").set_value(opts[:1]).run())


def test_cosigners_table_sorts_and_downloads():
    at = open_view("Co-signers")
    df = table(at, "letters together")
    assert len(df) > 0 and {"letters together", "jaccard", "p (hypergeometric)"} <= set(df.columns)
    assert df["letters together"].iloc[0] >= df["letters together"].iloc[-1]
    assert at.download_button(key="cs_dl")
    pair = [df["id A"].iloc[0], df["id B"].iloc[0]]
    ok(at.multiselect(key="cs_set").set_value(pair[:1]).run())
    suggestions = table(at, "organization")
    assert pair[1] in set(suggestions.get("id", [])) or len(suggestions) > 0
    ok(at.radio(key="cs_by").set_value("weight").run())
    ok(at.select_slider(key="cs_alpha").set_value(0.05).run())


def test_letters_view_lists_signatories_per_letter():
    at = open_view("Letters")
    for i in range(len(at.selectbox(key="lt_letter").options)):
        ok(at.selectbox(key="lt_letter").select_index(i).run())
        assert len(table(at, "field")) > 0
    ok(at.selectbox(key="lt_demand").select_index(0).run())
    assert len(table(at, "letters making this demand")) > 0


def test_export_every_format_gives_a_download(sample_graph):
    at = open_view("Export")
    for i in range(len(at.selectbox(key="ex_fmt").options)):
        ok(at.selectbox(key="ex_fmt").select_index(i).run())
        assert at.download_button(key="ex_dl")
    ok(at.selectbox(key="ex_fmt").set_value("png").run())
    ok(at.toggle(key="ex_preview").set_value(True).run())
    assert at.get("image"), "the PNG preview is shown"
    amnesty = find_org(sample_graph, "Amnesty International")
    ok(at.multiselect(key="ex_hide").set_value([amnesty]).run())
    assert any("1 organization(s) hidden" in c.value for c in at.caption)


MAGIC = {"png": b"\x89PNG", "svg": b"<svg", "pdf": b"%PDF", "html": b"<html", "gexf": b"<gexf", "graphml": b"<graphml",
         "csv": b"PK", "zip": b"PK", "json": b"{", "kumu": b"{"}


@pytest.mark.parametrize("fmt", sorted(MAGIC))
def test_export_bytes_and_hiding(sample_graph, fmt):
    """What the download button hands over: the right format, and a hidden organization is really gone."""
    from ui import export, filters

    amnesty = find_org(sample_graph, "Amnesty International")
    f = filters.Filters(hide=(amnesty,), mode="full")
    data = export.export_bytes("test", (fmt, "hide"), fmt, 72, sample_graph, f)
    assert MAGIC[fmt] in data[:400]
    if fmt in ("gexf", "graphml", "json", "html", "kumu"):
        assert b"Amnesty International" not in data
        full = export.export_bytes("test", (fmt, "all"), fmt, 72, sample_graph, filters.Filters(mode="full"))
        assert b"Amnesty International" in full


def _pdf(encrypt: bool) -> bytes:
    from pypdf import PdfWriter
    import io

    w = PdfWriter()
    w.add_blank_page(612, 792)  # no text layer: what a scan without OCR looks like
    if encrypt:
        w.encrypt("secret")
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


BAD_UPLOADS = [
    ("empty.txt", b"", "empty"),
    ("blob.txt", bytes(range(256)) * 8, "binary"),
    ("huge.txt", b"a" * (26 * 1024 * 1024), "over"),
    ("latin.txt", "Lettre ouverte\nSignataires:\nAssociation Fran\u00e7aise".encode("cp1252"), "utf-8"),
    ("locked.pdf", _pdf(encrypt=True), "encrypted"),
    ("scan.pdf", _pdf(encrypt=False), "no text"),
    ("empty.docx", b"PK\x03\x04 not really a docx", ""),
    ("front.md", b"---\ntitle: [unclosed\n---\nHello\n", "front matter"),
    ("fake.pdf", b"%PDF-1.4\n%garbage that is no pdf\n", ""),
    ("none.txt", b"We urge the world to act.\nThank you.\n", ""),
]


@pytest.mark.parametrize("name,data,phrase", BAD_UPLOADS, ids=[b[0] for b in BAD_UPLOADS])
def test_bad_upload_errors_and_leaves_folder_identical(upload_sandbox, name, data, phrase):
    sandbox = upload_sandbox
    before = checksum(sandbox / "letters")
    at = open_view("Add a letter")
    at.file_uploader(key="add_file").set_value((name, data, "application/octet-stream"))
    ok(at.button(key="add_extract").click().run())
    messages = [e.value.lower().replace("\\", "") for e in [*at.error, *at.warning]]  # as shown: escapes go
    assert at.error or at.warning, name
    if phrase:
        assert any(phrase in m for m in messages), messages
    assert checksum(sandbox / "letters") == before


def test_html_names_are_data_not_markup(sandbox):
    """A hostile organization name goes through paste, extraction and display as plain text."""
    text = ("Open letter on Myanmar\n\nWe urge the Security Council to impose an arms embargo.\n\nSignatories:\n"
            "1. <img src=x onerror=alert(1)> Network\n2. Burma Campaign UK\n3. Progressive Voice\n")
    at = open_view("Add a letter")
    ok(at.text_area(key="add_text").set_value(text).run())
    ok(at.button(key="add_extract").click().run())
    for md in at.markdown:
        assert "<img" not in md.value or "\\<img" in md.value


def test_paste_extract_edit_and_save(sandbox):
    before = sorted(p.name for p in (sandbox / "letters").glob("*.txt"))
    text = (LETTERS / "003_65098f7556022396.txt").read_text(encoding="utf-8")
    at = open_view("Add a letter")
    ok(at.text_area(key="add_text").set_value(text.replace("2021", "2022")).run())
    ok(at.button(key="add_extract").click().run())
    assert not at.error, [e.value for e in at.error]
    assert len(at.data_editor[0].value) >= 5
    statuses = set(table(at, "status")["status"])
    assert "known" in statuses  # 003's signatories are already in the corpus
    ok(next(t for t in at.text_input if t.label == "Title").set_value("A pasted copy").run())
    ok(at.button(key="add_save").click().run())
    after = sorted(p.name for p in (sandbox / "letters").glob("*.txt"))
    assert len(after) == len(before) + 1
    assert at.success
    (new,) = set(after) - set(before)
    sidecar = (sandbox / "letters" / new).with_suffix(".yaml")
    assert "A pasted copy" in sidecar.read_text(encoding="utf-8")  # the edit is kept, the text untouched
    go(at, "Letters")
    assert len(at.selectbox(key="lt_letter").options) == len(after)  # the graph was rebuilt with it


def test_editor_password_gates_adding_and_curating(sandbox, monkeypatch):
    monkeypatch.setenv("ATLAS_EDITOR_PASSWORD", "s3cret")
    at = open_view("Add a letter")
    assert not [b for b in at.button if b.key == "add_extract"]
    ok(at.text_input(key="add_password").set_value("wrong").run())
    assert at.error
    ok(at.text_input(key="add_password").set_value("s3cret").run())
    assert at.button(key="add_extract")
    go(at, "Curation")
    assert at.subheader  # unlocked for the session


def test_curation_records_and_undoes_a_decision(sandbox):
    from graph.identity import judgements

    path = sandbox / "data" / "judgements.yaml"
    original = path.read_bytes()
    at = open_view("Curation")
    if [s for s in at.selectbox if s.key == "cu_pair"]:  # a near-miss to judge in this corpus
        ok(at.text_input(key="cu_why").set_value("different countries (test)").run())
        ok(at.button(key="cu_diff").click().run())
        assert "different countries (test)" in (path.parent / "recorded" / path.name).read_text(encoding="utf-8")
        ok(at.button(key="cu_undo").click().run())
    else:  # recorded elsewhere (CLI), undone here
        judgements.record_decision("different", "Karen Women Organization", "Karenni Women Organization",
                                   "different peoples (test)")
        at = open_view("Curation")
        assert "different peoples (test)" in set(table(at, "why")["why"])
        ok(at.button(key="cu_undo").click().run())
        assert at.success
    assert path.read_bytes() == original


def test_curation_edits_tags_and_undoes(sandbox):
    """Tag editing in the Curation view: the decision lands in data/recorded/coalitions.yaml, the rebuilt
    graph shows it, and undo restores the file byte for byte."""
    path = sandbox / "data" / "coalitions.yaml"
    original = path.read_bytes()
    at = open_view("Curation")
    choices = at.selectbox(key="cu_org").options
    assert choices
    ok(at.selectbox(key="cu_org").select_index(0).run())
    current = list(at.multiselect(key="cu_tags").value)
    new = sorted(set(current) ^ {"faith"})  # toggle one tag
    ok(at.multiselect(key="cu_tags").set_value(new).run())
    ok(at.text_input(key="cu_tag_why").set_value("checked their website (test)").run())
    ok(at.button(key="cu_tags_save").click().run())
    text = (path.parent / "recorded" / path.name).read_text(encoding="utf-8")
    assert "decision: tags" in text and "checked their website (test)" in text
    assert at.success
    from graph import pipeline

    node = at.selectbox(key="cu_org").value
    G = pipeline.build_corpus([sandbox / "letters"]).graph
    assert sorted(G.nodes[node]["tags"]) == new, "the rebuilt graph carries the curated tags"
    ok(at.button(key="cu_tag_undo").click().run())
    assert path.read_bytes() == original


def test_other_letters_folder_from_sidebar(tmp_path, monkeypatch):
    monkeypatch.setenv("ATLAS_LETTERS_ROOT", str(tmp_path))  # folders outside the allowed roots are refused
    folder = tmp_path / "two"
    folder.mkdir()
    for p in sorted(LETTERS.iterdir())[:2]:
        shutil.copy2(p, folder / p.name)
    at = open_view("Letters", letters_dir=str(folder))
    assert len(at.selectbox(key="lt_letter").options) == 2
    at = open_view("Network", letters_dir=str(tmp_path / "missing"))
    assert at.error


def _opened_then_restarted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, view: str) -> Path:
    """A two-letter folder opened once in `view` (its letters and corpus stored in the cache), then what a
    server restart does to the in-memory caches. Returns the folder."""
    folder = tmp_path / "letters"
    folder.mkdir()
    for p in sorted(LETTERS.iterdir())[:2]:
        shutil.copy2(p, folder / p.name)
    monkeypatch.setenv("ATLAS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("ATLAS_LETTERS_DIR", str(folder))
    open_view(view)
    assert [p.name for p in (tmp_path / "cache").iterdir()] and not list((tmp_path / "cache").glob("*.pickle"))
    state._corpus.clear()  # what a restart does to st.cache_resource
    state._READY.clear()
    return folder


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    from graph import pipeline

    def no_parsing(*a, **k):
        raise AssertionError("the corpus was parsed or resolved again")

    for name in ("build_corpus", "load_letters", "build_from_letters"):
        monkeypatch.setattr(pipeline, name, no_parsing)


def test_built_corpus_is_reused_after_a_restart(tmp_path, monkeypatch):
    """The store spares a restarted app the parse; a new letter is parsed (alone) and the corpus rebuilt."""
    folder = _opened_then_restarted(tmp_path, monkeypatch, "Letters")
    _no_parsing(monkeypatch)
    at = open_view("Letters")
    assert len(at.selectbox(key="lt_letter").options) == 2
    shutil.copy2(sorted(LETTERS.glob("*.txt"))[2], folder)  # a letter, not a sidecar
    monkeypatch.undo()
    monkeypatch.setenv("ATLAS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("ATLAS_LETTERS_DIR", str(folder))
    at = open_view("Letters")
    assert len(at.selectbox(key="lt_letter").options) == 3


WIDGETS = {"button", "download_button", "selectbox", "multiselect", "radio", "slider", "select_slider", "text_input",
           "text_area", "number_input", "toggle", "checkbox", "file_uploader", "data_editor", "date_input"}


def test_every_widget_has_a_key():
    """Keys make widgets addressable (AppTest, session state) and stable across reruns."""
    import ast

    missing = []
    for path in [ROOT / "app.py", *sorted((ROOT / "ui").glob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in WIDGETS:
                if not any(k.arg == "key" for k in node.keywords):
                    missing.append(f"{path.name}:{node.lineno} {node.func.attr}")
    assert not missing, missing


def test_hostile_names_render_as_text_everywhere(sandbox):
    """Names are data: in markdown they arrive backslash-escaped, never as live HTML."""
    payload = "<img src=x onerror=alert(1)>"
    (sandbox / "letters" / "900_hostile.md").write_text(
        f'---\ntitle: "<script>alert(2)</script> statement"\ndate: 2022-03-10\nsignatories:\n  - "{payload}"\n'
        "  - Amnesty International\n---\nWe urge the Security Council to impose an arms embargo.\n", encoding="utf-8")
    at = open_view("Network")
    ok(at.text_input(key="search").set_value("onerror").run())
    assert at.success and "\\<img" in at.success[0].value
    html = iframe_html(at)
    assert "onerror=alert(1)" in html  # the name is in the drawing...
    assert "<img src=x" not in html  # ...escaped inside the page, drawn as text by vis
    ok(at.button(key="search_open").click().run())
    for md in at.markdown:
        assert "<img" not in md.value.replace("\\<img", ""), md.value
    go(at, "Letters")
    for md in at.markdown:
        assert "<script>" not in md.value.replace("\\<script", ""), md.value


def test_deep_link_opens_a_profile(sample_graph):
    org = find_org(sample_graph, "Burma Campaign UK")
    at = AppTest.from_file(APP, default_timeout=180)
    at.query_params["view"] = "Profile"
    at.query_params["org"] = org
    ok(at.run())
    assert at.selectbox(key="pf_org").value == org
    assert any("Burma Campaign UK" in m.value for m in at.markdown)


def test_tie_mode_and_timeline_widgets():
    at = open_view("Network")
    assert "cosigned" in iframe_html(at)  # the relationship map is the default drawing
    ok(at.sidebar.radio(key="f_mode").set_value("full").run())
    assert '"kind": "signed"' in iframe_html(at).replace("\\u0022", '"')
    ok(at.sidebar.radio(key="f_mode").set_value("map").run())
    ok(at.sidebar.select_slider(key="f_alpha").set_value(0.05).run())
    ok(at.sidebar.slider(key="f_min_shared").set_value(1).run())
    go(at, "Timeline")
    churn = table(at, "dropped out")
    assert churn["signatories"].sum() > 0
    ok(at.selectbox(key="tl_letter").select_index(1).run())
    assert any("Joined" in m.value for m in at.markdown)


def test_first_build_reports_progress_and_happens_once(tmp_path, monkeypatch):
    """A corpus not in memory is read and built by state.prepare() with a progress bar (fractions only go
    up), once: the views then use it without building again."""
    from graph import pipeline

    folder = tmp_path / "letters"
    shutil.copytree(LETTERS, folder)
    monkeypatch.setenv("ATLAS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("ATLAS_LETTERS_DIR", str(folder))
    real, calls, seen = pipeline.load_letters, [], []

    def counting(*a, **k):
        calls.append(k.get("progress") is not None)
        if k.get("progress"):
            inner = k["progress"]
            k["progress"] = lambda what, done: (seen.append((what, done)), inner(what, done))
        return real(*a, **k)

    monkeypatch.setattr(pipeline, "load_letters", counting)
    at = open_view("Network")
    assert not at.exception
    assert calls == [True]
    fractions = [d for _, d in seen]
    assert fractions == sorted(fractions) and 0 < fractions[-1] <= 1
    assert any(w.startswith("Reading letters") for w, _ in seen)
    assert not at.get("progress")  # the bar is gone once the view is drawn
    iframe_html(at)


def test_restarted_app_draws_network_from_disk_and_loads_the_corpus_in_the_background(tmp_path, monkeypatch):
    """After a restart the first Network view comes from stored pieces; the corpus is then read from the store
    by a background thread (state.preload_later), and the next view uses that instead of parsing or reading twice."""
    _opened_then_restarted(tmp_path, monkeypatch, "Network")
    _no_parsing(monkeypatch)
    read = []
    real_open = state._open
    monkeypatch.setattr(state, "_open", lambda folder, progress=None: read.append(folder) or real_open(folder, progress))
    at = open_view("Network")
    assert not at.exception
    iframe_html(at)
    assert len(disk._PRELOAD) == 1  # the corpus is being read in the background, not in the script
    at = open_view("Letters")
    assert len(at.selectbox(key="lt_letter").options) == 2
    assert len(read) == 1 and not disk._PRELOAD


def test_network_draws_with_the_filters_its_sidebar_then_shows(tmp_path):
    """The Network view draws before creating its sidebar widgets (filters.current reads their state): the
    two must agree, on the first run (defaults) and after widgets change."""
    from ui import filters

    at = open_view("Network")
    seen = []
    real = filters.current
    filters.current = lambda *a, **k: seen.append(real(*a, **k)) or seen[-1]
    try:
        at.number_input(key="f_max_nodes").set_value(60)
        at.slider(key="f_min_letters").set_value(2)
        at.multiselect(key="f_kinds").set_value(["organization", "letter"])
        at.run()
    finally:
        filters.current = real
    assert not at.exception
    f = seen[-1]
    assert (f.max_nodes, f.min_letters, f.kinds) == (60, 2, ("organization", "letter"))
    assert len(seen) == 1  # no second run: what was drawn is what the widgets say


# ---------------------------------------------------------------- issue 11: access

def _letters_copy(tmp_path: Path, n: int = 2) -> Path:
    folder = tmp_path / "two"
    folder.mkdir()
    for p in sorted(LETTERS.iterdir())[:n]:
        shutil.copy2(p, folder / p.name)
    return folder


def test_letters_folder_outside_the_allowed_roots_is_refused(tmp_path, monkeypatch):
    """Issue 11 item 3: Settings -> Letters folder accepted any path (a server config file was shown)."""
    monkeypatch.delenv("ATLAS_LETTERS_ROOT", raising=False)
    outside = _letters_copy(tmp_path)
    at = open_view("Letters", letters_dir=str(outside))
    assert len(at.selectbox(key="lt_letter").options) == len(list(LETTERS.glob("*.txt")))  # the default folder
    assert any("not under" in e.value for e in at.sidebar.error)
    escape = str(LETTERS / ".." / ".." / ".." / outside.relative_to("/"))  # `..` out of the letters folder
    at = open_view("Letters", letters_dir=escape)
    assert len(at.selectbox(key="lt_letter").options) == len(list(LETTERS.glob("*.txt")))


def test_a_symlink_out_of_the_allowed_root_is_refused(tmp_path, monkeypatch):
    root = tmp_path / "root"
    root.mkdir()
    (root / "link").symlink_to(_letters_copy(tmp_path))
    monkeypatch.setenv("ATLAS_LETTERS_ROOT", str(root))
    at = open_view("Letters", letters_dir=str(root / "link"))
    assert len(at.selectbox(key="lt_letter").options) == len(list(LETTERS.glob("*.txt")))


def test_changing_the_letters_folder_needs_the_editor_password(tmp_path, monkeypatch):
    folder = _letters_copy(tmp_path)
    monkeypatch.setenv("ATLAS_LETTERS_ROOT", str(tmp_path))
    monkeypatch.setenv("ATLAS_EDITOR_PASSWORD", "s3cret")
    at = open_view("Letters", letters_dir=str(folder))
    assert at.sidebar.text_input(key="letters_dir").disabled
    assert len(at.selectbox(key="lt_letter").options) == len(list(LETTERS.glob("*.txt")))  # not the chosen one
    go(at, "Add a letter")
    ok(at.text_input(key="add_password").set_value("s3cret").run())
    go(at, "Letters")
    assert not at.sidebar.text_input(key="letters_dir").disabled
    assert len(at.selectbox(key="lt_letter").options) == 2  # an editor's choice, under ATLAS_LETTERS_ROOT


def test_an_unreadable_secrets_file_keeps_editing_locked(tmp_path, monkeypatch):
    """Issue 11 item 4: a typo in .streamlit/secrets.toml was swallowed and editing was open to all."""
    from ui import access

    secrets = tmp_path / ".streamlit" / "secrets.toml"
    secrets.parent.mkdir()
    secrets.write_text('editor_password = "s3cret\n', encoding="utf-8")  # unterminated string
    monkeypatch.delenv("ATLAS_EDITOR_PASSWORD", raising=False)
    monkeypatch.setattr(access.st, "get_option", lambda key, real=access.st.get_option: [str(secrets)]
                        if key == "secrets.files" else real(key))
    at = open_view("Add a letter")
    assert not [b for b in at.button if b.key == "add_extract"]
    assert any("secrets file cannot be read" in e.value for e in at.error)
    go(at, "Curation")
    assert any("secrets file cannot be read" in e.value for e in at.error)
    assert at.sidebar.text_input(key="letters_dir").disabled


def test_wrong_passwords_are_delayed_and_lock_the_session_out_for_longer_and_longer(monkeypatch):
    """Issue 11 item 11: 300 wrong passwords took 1.5 s. The clock is injected: nothing really sleeps."""
    from graph import access as rules
    from ui import access

    now, slept = [1000.0], []
    monkeypatch.setattr(access, "clock", lambda: now[0])
    monkeypatch.setattr(access, "sleep", slept.append)
    monkeypatch.setenv("ATLAS_EDITOR_PASSWORD", "s3cret")
    at = open_view("Add a letter")
    for k in range(rules.FREE_FAILURES):
        ok(at.text_input(key="add_password").set_value(f"wrong {k}").run())
        assert any("Wrong password" in e.value for e in at.error)
    assert slept == [rules.WRONG_GUESS_DELAY_S] * rules.FREE_FAILURES
    ok(at.text_input(key="add_password").set_value("wrong again").run())
    assert any("Locked for 30 s" in e.value for e in at.error)
    ok(at.run())
    assert any("try again in 30 s" in e.value for e in at.error)
    assert not [t for t in at.text_input if t.key == "add_password"]  # no box to guess in while locked
    now[0] += 31
    ok(at.run())
    ok(at.text_input(key="add_password").set_value("wrong once more").run())
    assert any("Locked for 60 s" in e.value for e in at.error)  # twice as long
    now[0] += 61
    ok(at.run())
    ok(at.text_input(key="add_password").set_value("s3cret").run())
    assert at.button(key="add_extract")


def _extracted(at: AppTest, name: str, text: str) -> AppTest:
    at.file_uploader(key="add_file").set_value((name, text.encode("utf-8"), "text/plain"))
    return ok(at.button(key="add_extract").click().run())


def _shown(at: AppTest, label: str) -> str:
    return next(t.value for t in at.text_input if t.label.startswith(label))


LETTER_A = ("Open letter on water\n\n1 March 2021\n\nTo the Minister of Water\n\nWe urge you to act.\n\n"
            "Signed,\n1. Alpha Rights Network\n2. Beta Women's Union\n")
LETTER_B = ("Joint statement on schools\n\n5 June 2023\n\nTo the Education Committee\n\nWe demand open schools.\n\n"
            "Signed,\n1. Gamma Teachers Union\n2. Delta Parents Forum\n")


def test_a_second_letter_replaces_every_field_of_the_first_and_save_writes_it(sandbox):
    """Issue 11 item 1: after a second Extract, title, date, recipients and file name of the first stayed
    in the form while the table showed the second's signatories, and Save wrote the first's fields."""
    at = open_view("Add a letter")
    _extracted(at, "water.txt", LETTER_A)
    assert _shown(at, "Title") == "Open letter on water" and _shown(at, "File name") == "water.txt"
    held = {t.key: t.value for t in at.text_input if t.key}
    _extracted(at, "schools.txt", LETTER_B)
    for t in at.text_input:  # what a browser sends back: the value it still holds for a widget key it knows
        if t.key in held and t.key != "add_text":
            t.set_value(held[t.key])
    ok(at.run())
    assert _shown(at, "Title") == "Joint statement on schools"
    assert _shown(at, "Date").startswith("2023-06")
    assert "Education Committee" in _shown(at, "Recipients")
    assert _shown(at, "File name") == "schools.txt"
    assert "Gamma Teachers Union" in set(at.data_editor[0].value["name"])
    edited = next(t for t in at.text_input if t.label.startswith("Title"))
    ok(edited.set_value("Schools must open").run())
    ok(at.button(key="add_save").click().run())
    assert at.success
    saved = sandbox / "letters" / "schools.txt"
    assert saved.read_text(encoding="utf-8") == LETTER_B
    side = saved.with_suffix(".yaml").read_text(encoding="utf-8")
    assert "Schools must open" in side and "water" not in side.lower() and "Minister" not in side


def test_a_why_holding_the_old_block_marker_keeps_curation_working(sandbox):
    """Issue 11 item 8: a "why" containing `# <<< recorded decisions <<<` left judgements.yaml unparseable:
    every user's Curation view crashed, and undo could not be reached."""
    from graph.identity import judgements

    path = sandbox / "data" / "judgements.yaml"
    original = path.read_bytes()
    why = "see # <<< recorded decisions <<< and\n# >>> recorded decisions >>>"
    judgements.record_decision("different", "Karen Women Organization # <<< recorded decisions <<<",
                               "Karenni Women Organization", why)
    at = open_view("Curation")
    assert why in set(table(at, "why")["why"])
    go(at, "Network")  # the corpus builds with it
    go(at, "Curation")
    ok(at.button(key="cu_undo").click().run())
    assert at.success and path.read_bytes() == original and judgements.recorded_decisions() == []


def test_four_first_visitors_share_one_build(tmp_path, monkeypatch):
    """Issue 11 item 12: four first visitors built a 1,000-letter corpus four times (60 s each, 1.8 GB).
    One builds; the others wait for it and draw from it."""
    import threading

    from graph import pipeline

    folder = _letters_copy(tmp_path, 3)
    monkeypatch.setenv("ATLAS_LETTERS_DIR", str(folder))
    monkeypatch.setenv("ATLAS_CACHE_DIR", str(tmp_path / "cache"))
    real, calls = pipeline.load_letters, []

    def slow(*a, **k):  # a build long enough for the visitors to arrive while it runs
        calls.append(1)
        time.sleep(1.5)
        return real(*a, **k)

    monkeypatch.setattr(pipeline, "load_letters", slow)
    apps = [AppTest.from_file(APP, default_timeout=180) for _ in range(4)]
    runs = [threading.Thread(target=at.run) for at in apps]
    for t in runs:
        t.start()
        time.sleep(0.1)
    for t in runs:
        t.join()
    assert len(calls) == 1
    for at in apps:
        ok(at)
        iframe_html(at)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="chown to another user needs root")
def test_a_cache_folder_of_another_user_is_refused_and_the_app_says_so(tmp_path, monkeypatch):
    """Issue 11 item 2: a cache folder anyone could write to was read (and its pickles run) at start."""
    cache = tmp_path / "cache"
    cache.mkdir()
    os.chown(cache, 12345, 12345)
    monkeypatch.setenv("ATLAS_CACHE_DIR", str(cache))
    at = open_view("Letters")
    assert len(at.selectbox(key="lt_letter").options) == len(list(LETTERS.glob("*.txt")))  # runs without a cache
    assert any("another user" in w.value for w in at.sidebar.warning)
    assert list(cache.iterdir()) == []


def test_an_edit_with_its_size_and_mtime_put_back_is_not_served_stale(tmp_path, monkeypatch):
    """Issue 11 item 13: the corpus was keyed by size and mtime, so this edit stayed invisible."""
    folder = _letters_copy(tmp_path)
    monkeypatch.setenv("ATLAS_LETTERS_DIR", str(folder))
    monkeypatch.setenv("ATLAS_CACHE_DIR", str(tmp_path / "cache"))
    at = open_view("Letters")
    before = at.selectbox(key="lt_letter").options
    assert any("URGENT ACTION" in o.upper() for o in before), before
    path = folder / "000_05b2ad6cb47c36d5.txt"
    st = path.stat()
    path.write_bytes(path.read_bytes().replace(b"URGENT ACTION", b"URGENT REPAIR"))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert path.stat().st_size == st.st_size
    at = open_view("Letters")
    assert any("URGENT REPAIR" in o.upper() for o in at.selectbox(key="lt_letter").options)


def test_old_temp_files_of_killed_saves_are_removed_at_start(tmp_path, monkeypatch):
    """Issue 11 item 13: saves killed midway left `.tmp-*.part` files in the letters folder for good."""
    folder = _letters_copy(tmp_path)
    monkeypatch.setenv("ATLAS_LETTERS_DIR", str(folder))
    old, fresh = folder / ".tmp-killed.part", folder / ".tmp-running.part"
    for p in (old, fresh):
        p.write_bytes(b"half a letter")
    hours_ago = time.time() - 7200
    os.utime(old, (hours_ago, hours_ago))
    open_view("Letters")
    assert not old.exists() and fresh.exists()  # a save running now keeps its file
