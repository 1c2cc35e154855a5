"""Exports that other tools open as their own: GraphML valid against the GraphML schema, dynamic
GEXF read back with its times, JSON with `links`, tables with no live formula and whole integers,
Kumu's workbook, the co-signature network, and byte-identical files for the same view.
Run on the bundled letters, a generated 200-letter corpus and a folder of hostile names."""
from __future__ import annotations

import csv
import html
import io
import json
import zipfile
from pathlib import Path

import networkx as nx
import pytest

from test_view import BURMESE, XSS, sample_graph

from graph.draw.cells import is_formula
from graph.draw.export import FORMATS, export, filename
from graph.draw.flat import flatten_graph
from graph.network.cosignature import cosignature_network, drop_unsigned_letters, for_export, positions
from graph.network.view import filter_view

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT.parent / "shared" / "schemas" / "graphml"
HOSTILE = ['=HYPERLINK("http://x")', "+1", "@SUM(1)", "<script>alert(1)</script>", BURMESE,
           "Bell\\x07 and Escape\\x1b Network", "-2+3 Coalition", "Burma Campaign UK"]
DATA_FORMATS = ("gexf", "graphml", "graphml_yed", "csv", "json", "kumu_xlsx", "kumu")


def write_hostile_letters(folder: Path) -> Path:
    """Two letters whose sidecars name hostile organizations: formulas, markup, Burmese, control
    characters, and (YAML escape) a lone surrogate, in a name and in a title."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "hostile.txt").write_text("# Cut $x^$ now\n\n4 March 2021\n\nWe urge the UN Security Council to "
                                        "impose an arms embargo on Myanmar.\n\n1. Burma Campaign UK\n")
    (folder / "hostile.yaml").write_text("title: 'Cut $x^$ now <script>'\nsignatories: ["
                                         + ", ".join(json.dumps(h, ensure_ascii=False).replace("\\\\x", "\\x")
                                                     for h in HOSTILE) + "]\n", encoding="utf-8")
    (folder / "surrogate.txt").write_text("# Second\n\n2022-05\n\nWe call for the release of detainees.\n\n1. A\n")
    (folder / "surrogate.yaml").write_text('title: "Lone \\ud800 title \\x0b"\ndate: "2022-05"\nsignatories: '
                                           '["Lone \\ud800 Surrogate Group", "Tab\\tand\\x0bvertical", '
                                           '"Burma Campaign UK", "+1"]\n')
    return folder


@pytest.fixture(scope="module")
def folders(tmp_path_factory) -> dict[str, Path]:
    """name -> a letters folder: the bundled letters, a generated 200-letter corpus, hostile names."""
    from tools.generate import main

    gen = tmp_path_factory.mktemp("gen200")
    assert main(["--letters", "200", "--orgs", "1000", "--signatures", "4000", "-o", str(gen),
                 "--force"]) == 0
    return {"bundled": ROOT / "data" / "letters", "generated": gen,
            "hostile": write_hostile_letters(tmp_path_factory.mktemp("hostile"))}


@pytest.fixture(scope="module")
def corpora(folders) -> dict[str, nx.DiGraph]:
    """name -> the graph the exports are checked on."""
    from graph.pipeline import build_corpus

    H = build_corpus([folders["hostile"]]).graph
    # The loader replaces a lone surrogate read from a file (U+FFFD); exports must survive one that reaches the
    # graph another way (a curated alias, a sidecar written by another tool), so one organization gets it back.
    org = next(n for n, a in H.nodes(data=True) if a.get("label") == "Lone \ufffd Surrogate Group")
    H.nodes[org]["label"] = H.nodes[org]["name"] = "Lone \ud800 Surrogate Group"
    return {"bundled": build_corpus([folders["bundled"]]).graph, "generated": build_corpus([folders["generated"]]).graph,
            "hostile": H}


def views(G: nx.DiGraph) -> dict[str, nx.Graph]:
    """The networks exported from one corpus: whole, folded (group ids with spaces), co-signature."""
    H, _ = filter_view(G)
    return {"whole": H, "folded": filter_view(G, max_nodes=60)[0], "cosignature": cosignature_network(H)}


def test_hostile_folder_really_holds_hostile_names(corpora):
    labels = {a.get("label") for _, a in corpora["hostile"].nodes(data=True)}
    assert {'=HYPERLINK("http://x")', "@SUM(1)", "+1", BURMESE, "Lone \ud800 Surrogate Group"} <= labels
    assert any("\x07" in str(x) for x in labels) and any("\ud800" in str(x) for x in labels)


@pytest.fixture(scope="module")
def graphml_schema():
    etree = pytest.importorskip("lxml.etree")
    if not (SCHEMAS / "graphml.xsd").exists():
        pytest.skip("../shared/schemas is not here")
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "graphml.xsd")))


@pytest.fixture(scope="module")
def yed_schema(tmp_path_factory):
    """The GraphML schema as yWorks extends it (ygraphml.xsd): <data> may hold elements of other
    namespaces, and <key> a yfiles.type attribute. The plain schema has room for neither."""
    etree = pytest.importorskip("lxml.etree")
    if not (SCHEMAS / "graphml.xsd").exists():
        pytest.skip("../shared/schemas is not here")
    xsd = tmp_path_factory.mktemp("ygraphml") / "ygraphml.xsd"
    xsd.write_text(f"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
 targetNamespace="http://graphml.graphdrawing.org/xmlns" xmlns="http://graphml.graphdrawing.org/xmlns"
 elementFormDefault="qualified" attributeFormDefault="unqualified">
 <xs:redefine schemaLocation="{(SCHEMAS / 'graphml.xsd').as_uri()}">
  <xs:complexType name="data-extension.type" mixed="true"><xs:complexContent mixed="true">
   <xs:extension base="data-extension.type"><xs:sequence>
    <xs:any namespace="##other" processContents="skip" minOccurs="0" maxOccurs="unbounded"/>
   </xs:sequence></xs:extension></xs:complexContent></xs:complexType>
  <xs:attributeGroup name="key.extra.attrib"><xs:attributeGroup ref="key.extra.attrib"/>
   <xs:attribute name="yfiles.type" type="xs:NMTOKEN"/></xs:attributeGroup>
 </xs:redefine></xs:schema>""")
    return etree.XMLSchema(etree.parse(str(xsd)))


@pytest.mark.parametrize("corpus", ["bundled", "generated", "hostile"])
def test_graphml_validates_and_reads_back_styled(corpora, graphml_schema, yed_schema, corpus):
    from lxml import etree

    for name, H in views(corpora[corpus]).items():
        P = positions(H)
        data = export(H, "graphml", positions=P)
        doc = etree.parse(io.BytesIO(data))
        assert graphml_schema.validate(doc), (corpus, name, graphml_schema.error_log.last_error)
        key_ids = doc.xpath("//g:key/@id", namespaces={"g": "http://graphml.graphdrawing.org/xmlns"})
        assert len(key_ids) == len(set(key_ids)) and {"n_kind", "e_kind", "n_x", "n_y", "n_colour"} <= set(key_ids)
        R = nx.read_graphml(io.BytesIO(data))
        assert R.number_of_nodes() == H.number_of_nodes() and R.number_of_edges() == H.number_of_edges()
        n = next(iter(R))
        assert R.nodes[n]["colour"].startswith("#") and R.nodes[n]["shape"] in ("ellipse", "rectangle", "triangle",
                                                                               "diamond")
        yed = export(H, "graphml_yed", positions=P)
        assert yed_schema.validate(etree.parse(io.BytesIO(yed))), (corpus, name, yed_schema.error_log.last_error)
        assert b"<y:ShapeNode>" in yed and b'yfiles.type="nodegraphics"' in yed
        assert not graphml_schema.validate(etree.parse(io.BytesIO(yed)))  # why the yEd variant is separate


def test_graphml_round_trip_types_kept():
    G = sample_graph()
    R = nx.read_graphml(io.BytesIO(export(G, "graphml")))
    F = flatten_graph(G)
    for n in F:
        assert {k: v for k, v in R.nodes[n].items() if k in F.nodes[n]} == F.nodes[n]
    assert isinstance(R.nodes["org:bcuk"]["n_letters"], int) and R.nodes["org:mm"]["label"] == BURMESE


@pytest.mark.parametrize("corpus", ["bundled", "generated", "hostile"])
def test_gexf_is_dynamic_and_reads_back_with_times(corpora, corpus):
    from graph.draw.gexf import SIZE_RANGE

    H = views(corpora[corpus])["whole"]
    data = export(H, "gexf")
    assert b'mode="dynamic"' in data and b'timeformat="date"' in data and b'name=""' not in data
    R = nx.read_gexf(io.BytesIO(data))
    assert R.number_of_nodes() == H.number_of_nodes() and R.number_of_edges() == H.number_of_edges()
    assert R.graph["mode"] == "dynamic"
    dated = [n for n, a in H.nodes(data=True) if a.get("kind") == "letter" and len(str(a.get("date", ""))) >= 4]
    assert dated
    for letter in dated:
        a = R.nodes[letter]
        assert len(a["start"]) == 10 and a["start"] <= a["end"]
        assert a["date_precision"] == {4: "year", 7: "month", 10: "day"}[len(H.nodes[letter]["date"])]
        for org in H.predecessors(letter):
            if H.edges[org, letter].get("kind") == "signed":
                assert R.edges[org, letter]["start"] == a["start"]  # a signature lasts as long as its letter
                assert any(s <= a["start"] and a["end"] <= e for s, e in R.nodes[org]["spells"])
    sizes = [a["viz"]["size"] for _, a in R.nodes(data=True)]
    assert SIZE_RANGE[0] <= min(sizes) and max(sizes) <= SIZE_RANGE[1]


def test_gexf_of_the_cosignature_network_has_spells_from_its_letters(corpora):
    H = views(corpora["bundled"])["whole"]
    T, caption, dates = for_export(H, "view", "cosignature")
    R = nx.read_gexf(io.BytesIO(export(T, "gexf", letter_dates=dates, caption=caption)))
    assert R.graph["name"].startswith("Co-signature network")
    assert sum(1 for _, a in R.nodes(data=True) if a.get("spells")) > 0.9 * R.number_of_nodes()
    assert not R.is_directed()


@pytest.mark.parametrize("corpus", ["bundled", "generated", "hostile"])
def test_json_reads_with_links(corpora, corpus):
    for name, H in views(corpora[corpus]).items():
        R = nx.node_link_graph(json.loads(export(H, "json")), edges="links")
        assert R.number_of_nodes() == H.number_of_nodes() and R.number_of_edges() == H.number_of_edges(), name


def _csv_cells(data: bytes):
    """Every cell of every CSV in a tables zip, read as the csv module (a spreadsheet) sees it."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            for row in csv.reader(io.StringIO(z.read(name).decode("utf-8-sig"))):
                yield from ((name, c) for c in row)


def _pandas_cells(data: bytes, xlsx: bytes):
    """Every header and cell of the CSV tables and of the Kumu workbook, as pandas reads them (text,
    nothing parsed away), with where each came from."""
    import pandas as pd

    frames = {}
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            frames[name] = pd.read_csv(z.open(name), dtype=str, keep_default_na=False, encoding="utf-8-sig")
    for sheet, df in pd.read_excel(io.BytesIO(xlsx), sheet_name=None, dtype=str, engine="openpyxl").items():
        frames[f"kumu.xlsx:{sheet}"] = df.fillna("")
    for name, df in frames.items():
        yield from ((name, c) for c in [*df.columns, *df.to_numpy().ravel()])


@pytest.mark.parametrize("corpus", ["hostile", "bundled", "generated"])
def test_no_cell_runs_as_a_formula(corpora, corpus):
    openpyxl = pytest.importorskip("openpyxl")
    pytest.importorskip("pandas")
    for name, H in views(corpora[corpus]).items():
        tables_zip, xlsx = export(H, "csv"), export(H, "kumu_xlsx")
        live = [c for c in _csv_cells(tables_zip) if is_formula(c[1])]
        assert not live, (name, live[:5])
        cells = list(_pandas_cells(tables_zip, xlsx))
        assert len(cells) > H.number_of_nodes()  # every table was read
        live = [c for c in cells if is_formula(c[1])]
        assert not live, (name, live[:5])
        wb = openpyxl.load_workbook(io.BytesIO(xlsx))
        cells = [c for ws in wb for row in ws.iter_rows() for c in row]
        assert not [c.value for c in cells if c.data_type == "f" or is_formula(c.value)], name
    if corpus == "hostile":
        labels = [c for _, c in _pandas_cells(export(views(corpora["hostile"])["whole"], "csv"),
                                              export(views(corpora["hostile"])["whole"], "kumu_xlsx"))]
        for hostile in ('=HYPERLINK("http://x")', "@SUM(1)", "+1"):  # kept, as text
            assert labels.count("'" + hostile) >= 2, hostile  # in the CSV and in the workbook
    assert not is_formula("'=1") and is_formula("=1") and is_formula("@SUM(1)")  # the check itself can fail


def test_tables_read_with_pandas_and_integers_stay_integers(corpora):
    pd = pytest.importorskip("pandas")
    H = views(corpora["bundled"])["whole"]
    with zipfile.ZipFile(io.BytesIO(export(H, "csv"))) as z:
        assert {"nodes-organization.csv", "nodes-letter.csv", "nodes-demand.csv", "edges-signed.csv"} <= set(z.namelist())
        orgs = pd.read_csv(z.open("nodes-organization.csv"), encoding="utf-8-sig")
        letters = pd.read_csv(z.open("nodes-letter.csv"), encoding="utf-8-sig")
    assert str(orgs["n_letters"].dtype) == "int64" and str(letters["n_signatories"].dtype) == "int64"
    assert len(orgs) + len(letters) <= H.number_of_nodes()
    T = views(corpora["bundled"])["cosignature"]
    with zipfile.ZipFile(io.BytesIO(export(T, "csv"))) as z:
        ties = pd.read_csv(z.open("edges-cosigned.csv"), encoding="utf-8-sig")
    assert {"count", "jaccard", "weight", "p"} <= set(ties.columns) and str(ties["count"].dtype) == "int64"
    assert len(ties) == T.number_of_edges() and ties["p"].between(0, 1).all()


def test_kumu_workbook_follows_the_import_docs(corpora):
    openpyxl = pytest.importorskip("openpyxl")
    H = views(corpora["generated"])["folded"]
    wb = openpyxl.load_workbook(io.BytesIO(export(H, "kumu_xlsx")))
    assert wb.sheetnames == ["Elements", "Connections"]
    el = list(wb["Elements"].values)
    co = list(wb["Connections"].values)
    assert el[0][:3] == ("ID", "Label", "Type") and co[0][:3] == ("ID", "From", "To")
    ids = [r[0] for r in el[1:]]
    assert len(ids) == len(set(ids)) == H.number_of_nodes()
    assert not [i for i in ids if "_" in i or "." in i or " " in i]
    assert {r[2] for r in el[1:]} >= {"Organization", "Letter Group"}
    assert set(ids) >= {r[1] for r in co[1:]} | {r[2] for r in co[1:]}
    tags = el[0].index("Tags")
    assert any("|" in (r[tags] or "") for r in el[1:])  # several tags in one cell, "|"-separated
    blueprint = json.loads(export(H, "kumu"))
    assert [e["id"] for e in blueprint["elements"]] == ids


def test_cosignature_network_numbers_and_backbone(corpora):
    from graph.network import cosign

    H = views(corpora["generated"])["whole"]
    T = cosignature_network(H)
    assert {a.get("kind") for _, a in T.nodes(data=True)} == {"organization"}
    top = cosign.top_pairs(H, 1)[0]
    e = T.edges[top.a, top.b]
    assert e["count"] == top.shared and e["jaccard"] == pytest.approx(top.jaccard, abs=1e-6)
    assert e["weight"] == pytest.approx(top.weight, abs=1e-6) and e["p"] == pytest.approx(top.p)
    B = cosignature_network(H, backbone=True)
    assert 0 < B.number_of_edges() < T.number_of_edges()
    assert all(a["count"] >= 2 for _, _, a in B.edges(data=True))


def test_tag_filter_drops_letters_no_shown_organization_signed():
    H, info = filter_view(sample_graph(), tags=["solidarity"])
    assert "letter:a" in H and "demand:arms_embargo" in H
    H.remove_edge("org:bcuk", "letter:a")  # now no shown organization signed letter a
    T, caption = drop_unsigned_letters(H, info["caption"])
    assert "letter:a" not in T and "demand:arms_embargo" not in T and "letter:b" in T
    assert "1 letter that no organization shown signed is left out" in caption


def _zip_entries(data: bytes) -> dict[str, tuple]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {i.filename: (i.date_time, (i.external_attr >> 16) & 0o777) for i in z.infolist()}


def test_zip_has_every_format_and_the_cosignature_network(corpora):
    H, info = filter_view(corpora["hostile"])
    data = export(H, "zip", dpi=40, caption=info["caption"])
    entries = _zip_entries(data)
    names = set(entries)
    assert {"graph.png", "graph.svg", "graph.pdf", "graph.html", "graph.gexf", "graph.graphml",
            "graph-yed.graphml", "graph.json", "graph-kumu.xlsx", "graph-kumu.json", "README.txt",
            "cosignature/network.gexf", "cosignature/network.graphml", "cosignature/network.json",
            "cosignature/network.png", "cosignature/network.pdf", "cosignature/network.html",
            "cosignature/network-kumu.xlsx", "cosignature/network-tables/edges-cosigned.csv"} <= names
    assert {mode for _, mode in entries.values()} == {0o644}
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        R = nx.node_link_graph(json.loads(z.read("cosignature/network.json")), edges="links")
    assert R.number_of_nodes() == sum(1 for _, k in H.nodes(data="kind") if k == "organization")


def test_zip_respects_hide():
    H, info = filter_view(sample_graph(), hide=["org:risk"])
    with zipfile.ZipFile(io.BytesIO(export(H, "zip", dpi=40, caption=info["caption"]))) as z:
        for name in z.namelist():
            body = z.read(name)
            if not name.endswith((".xlsx", ".png", ".pdf")):  # compressed or binary: checked below
                assert b"Underground Strike" not in body and b"org:risk" not in body, name
        import openpyxl

        wb = openpyxl.load_workbook(io.BytesIO(z.read("graph-kumu.xlsx")))
        assert not [c for ws in wb for row in ws.values for c in row if "Underground" in str(c)]


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_same_view_same_bytes(corpora, fmt):
    H, info = filter_view(corpora["hostile"])
    a = export(H, fmt, dpi=40, caption=info["caption"])
    b = export(filter_view(corpora["hostile"])[0], fmt, dpi=40, caption=info["caption"])
    assert a == b
    assert filename(fmt).endswith("." + FORMATS[fmt].ext)


def test_surrogates_and_controls_never_crash_any_format(corpora):
    H = corpora["hostile"]
    for fmt in FORMATS:
        data = export(H, fmt, dpi=30, images=False)
        assert isinstance(data, bytes) and len(data) > 100, fmt
    with pytest.raises(ValueError):
        export(H, "xls")


def test_cli_network_cosignature_and_overwrite(tmp_path, monkeypatch, capsys):
    from graph import pipeline
    from graph.cli.main import main

    class Fake:
        graph = sample_graph()
        problems = ()

    monkeypatch.setattr(pipeline, "build_corpus", lambda paths: Fake)
    out = tmp_path / "g.gexf"
    out.write_text("keep me")
    assert main(["export", "--format", "gexf", "-o", str(out)]) == 2
    assert out.read_text() == "keep me"
    assert main(["export", "--format", "gexf", "-o", str(out), "--force", "--hide", "risk"]) == 0
    R = nx.read_gexf(out)
    assert "org:risk" not in R and "org:bcuk" in R and R.is_directed()
    cos = tmp_path / "c.graphml"
    assert main(["export", "--format", "graphml", "--network", "cosignature", "-o", str(cos)]) == 0
    C = nx.read_graphml(cos)
    assert not C.is_directed() and {a["kind"] for _, a in C.nodes(data=True)} == {"organization"}
    assert C.edges["org:bcuk", "org:wlb"]["count"] == 2
    top = tmp_path / "top.graphml"  # three equally tied: most letters first (bcuk), then by id (risk < wlb)
    assert main(["export", "--format", "graphml", "--network", "cosignature", "--max-nodes", "2", "-o", str(top)]) == 0
    C = nx.read_graphml(top)
    assert set(C) == {"org:bcuk", "org:risk"} and C.number_of_edges() == 1
    assert "the 2 most connected of 7 organizations" in capsys.readouterr().err
    new = tmp_path / "sub" / "g.png"
    assert main(["export", "--format", "png", "--dpi", "30", "--width", "single", "--letters", "a", "-o",
                 str(new)]) == 0
    assert new.read_bytes()[:4] == b"\x89PNG"
    assert not [p for p in new.parent.iterdir() if p.name.startswith(".")]  # no temp files left
    assert (new.stat().st_mode & 0o777) == 0o644
    assert XSS  # the sample graph's hostile name went through every one of these


@pytest.mark.parametrize("corpus", ["hostile", "bundled", "generated"])
def test_two_runs_of_the_cli_write_the_same_zip(folders, tmp_path, corpus):
    """Byte-identical across processes, seconds apart, for every format the zip holds (font subset
    names, SVG ids, xlsx, PDF and zip dates). SOURCE_DATE_EPOCH is removed: it would hide a clock."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    view = ["--max-nodes", "150"] if corpus == "generated" else []  # the app's default view size
    outs = []
    for i in range(2):
        out = tmp_path / f"run{i}.zip"
        subprocess.run([sys.executable, "-m", "graph", "export", "--format", "zip", "--dpi", "40", *view,
                        str(folders[corpus]), "-o", str(out)], cwd=ROOT, check=True, capture_output=True,
                       timeout=300, env=env)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    names = zipfile.ZipFile(io.BytesIO(outs[0])).namelist()
    assert {f"graph.{ext}" for ext in ("png", "svg", "pdf", "html", "gexf", "graphml", "json")} <= set(names)
    assert "cosignature/network.pdf" in names


def _unsigned_letter_tag(G: nx.DiGraph) -> str:
    """A tag whose filtered view still holds a letter no shown organization signed."""
    tags = sorted({t for _, a in G.nodes(data=True) for t in (a.get("tags") or [])})
    for tag in tags:
        H, _ = filter_view(G, tags=[tag])
        if drop_unsigned_letters(H)[0].number_of_nodes() < H.number_of_nodes():
            return tag
    raise AssertionError("no tag leaves an unsigned letter: the check below would test nothing")


def _signed_by_shown(R: nx.DiGraph, letter: str) -> bool:
    return any(R.nodes[u].get("kind") in ("organization", "group") and R.edges[u, letter].get("kind") == "signed"
               for u in R.predecessors(letter))


@pytest.mark.parametrize("corpus", ["bundled", "generated"])
def test_tag_filtered_export_drops_letters_no_shown_organization_signed(folders, corpora, corpus, tmp_path, capsys):
    from graph.cli.main import main

    G = corpora[corpus]
    tag = _unsigned_letter_tag(G)
    H, _ = filter_view(G, tags=[tag])
    unsigned = {n for n, k in H.nodes(data="kind") if k == "letter" and not _signed_by_shown(H, n)}
    out = tmp_path / "tag.json"
    assert main(["export", "--format", "json", "--tag", tag, str(folders[corpus]), "-o", str(out)]) == 0
    R = nx.node_link_graph(json.loads(out.read_text(encoding="utf-8")), edges="links")
    letters = {n for n, k in R.nodes(data="kind") if k == "letter"}
    assert letters and not letters & unsigned and all(_signed_by_shown(R, n) for n in letters)
    assert "that no organization shown signed" in capsys.readouterr().err
    svg = tmp_path / "tag.svg"  # the picture too: an unsigned letter's title is not drawn
    assert main(["export", "--format", "svg", "--tag", tag, str(folders[corpus]), "-o", str(svg)]) == 0
    from graph.draw.images import short

    body = svg.read_text(encoding="utf-8")
    titles = {n: html.escape(short(G.nodes[n]["label"]), quote=False) for n in unsigned | letters}
    assert not [n for n in unsigned if f">{titles[n]}<" in body and not any(titles[n] == titles[m] for m in letters)]
    if len(letters) <= 12:  # few letters: each is labelled
        assert all(f">{titles[n]}<" in body for n in letters)


def test_app_export_of_the_cosignature_network():
    pytest.importorskip("streamlit")
    from ui import export as ui_export
    from ui import filters

    data = ui_export.export_bytes("test", ("cosig",), "json", 72, sample_graph(), filters.Filters(),
                                  network="cosignature", backbone=False)
    R = nx.node_link_graph(json.loads(data), edges="links")
    assert {a["kind"] for _, a in R.nodes(data=True)} == {"organization"}
    assert R.edges["org:bcuk", "org:wlb"]["count"] == 2


def test_cosignature_network_keeps_the_strongest_ties_beyond_the_limit(corpora):
    H = views(corpora["generated"])["whole"]
    full = cosignature_network(H)
    T, caption, _ = for_export(H, "view", "cosignature", max_ties=100)
    assert T.number_of_edges() == 100 < full.number_of_edges() == T.graph["ties_total"]
    assert f"the 100 strongest of {full.number_of_edges():,} ties" in caption
    cut = min(a["weight"] for _, _, a in T.edges(data=True))
    assert all(a["weight"] <= cut for u, v, a in full.edges(data=True) if not T.has_edge(u, v))


def test_cosignature_network_keeps_the_most_connected_organizations_beyond_max_nodes(corpora):
    H = views(corpora["generated"])["whole"]
    full = cosignature_network(H)
    T, caption, _ = for_export(H, "view", "cosignature", max_nodes=50)
    assert T.number_of_nodes() == 50 < full.number_of_nodes() == T.graph["orgs_total"]
    assert f"the 50 most connected of {full.number_of_nodes():,} organizations" in caption
    strength = dict(full.degree(weight="weight"))
    cut = min(strength[n] for n in T)
    assert all(strength[n] <= cut + 1e-4 for n in full if n not in T)  # weights are rounded to 6 places
    assert T.number_of_edges() == full.subgraph(T).number_of_edges() > 0  # every tie among the kept
    again, _, _ = for_export(H, "view", "cosignature", max_nodes=50)
    assert sorted(again.edges) == sorted(T.edges)
    B, _, _ = for_export(H, "view", "cosignature", backbone=True, max_nodes=10)
    assert B.number_of_nodes() <= 10 and B.number_of_edges() > 0
