"""Every data format round-trips; the CLI refuses to overwrite and writes atomically."""
from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import networkx as nx
import pytest

from test_view import BURMESE, XSS, sample_graph

from graph.export import FORMATS, export, filename, flat, flatten_graph, kumu_data
from graph.view import filter_view, layout


def _same(R: nx.DiGraph, F: nx.DiGraph, ignore_node=("viz",), ignore_edge=("id",)):
    assert set(R) == set(F)
    assert set(R.edges) == set(F.edges)
    for n in F:
        got = {k: v for k, v in R.nodes[n].items() if k not in ignore_node}
        assert got == F.nodes[n], n
    for e in F.edges:
        got = {k: v for k, v in R.edges[e].items() if k not in ignore_edge}
        assert got == F.edges[e], e


def test_flatten_rules():
    F = flatten_graph(sample_graph())
    a = F.nodes["org:kwo"]
    assert a["tags"] == "women; ethnic" and a["member_of"] == "org:wlb"
    assert a["tag_values"] == "women=; ethnic="
    assert json.loads(a["mentions"]) == [{"file": "b.txt", "lines": [10], "name": "Karen Women Organization"}]
    assert all(not isinstance(v, (list, dict, type(None))) for _, d in F.nodes(data=True) for v in d.values())
    assert flat([]) == "" and flat(None) == ""


def test_gexf_round_trip():
    G = sample_graph()
    data = export(G, "gexf", positions=layout(G))
    R = nx.read_gexf(io.BytesIO(data))
    assert isinstance(R, nx.DiGraph)
    _same(R, flatten_graph(G))
    assert R.nodes["org:mm"]["label"] == BURMESE and R.nodes["org:xss"]["label"] == XSS
    assert "position" in R.nodes["org:bcuk"]["viz"]  # Gephi opens it laid out and coloured


def test_graphml_round_trip_types_kept():
    G = sample_graph()
    R = nx.read_graphml(io.BytesIO(export(G, "graphml")))
    _same(R, flatten_graph(G))
    assert R.nodes["org:bcuk"]["n_letters"] == 3 and isinstance(R.nodes["org:bcuk"]["n_letters"], int)


def test_grouped_view_round_trips_with_weights():
    H, _ = filter_view(sample_graph(), max_nodes=9)
    H.add_node("demand:unlabelled", kind="demand")  # no label: gets its id
    assert any(a.get("weight") for _, _, a in H.edges(data=True))
    F = flatten_graph(H)
    assert F.nodes["demand:unlabelled"]["label"] == "demand:unlabelled"
    _same(nx.read_gexf(io.BytesIO(export(H, "gexf"))), F)
    _same(nx.read_graphml(io.BytesIO(export(H, "graphml"))), F)


def test_mixed_types_become_strings_not_errors():
    G = sample_graph()
    G.nodes["letter:a"]["claimed_total"] = "about 70"  # other letters hold ints
    for fmt in ("gexf", "graphml"):
        data = export(G, fmt)
        R = nx.read_gexf(io.BytesIO(data)) if fmt == "gexf" else nx.read_graphml(io.BytesIO(data))
        assert R.nodes["letter:a"]["claimed_total"] == "about 70" and R.nodes["letter:b"]["claimed_total"] == "0"


def test_json_round_trip_exact():
    G = sample_graph()
    R = nx.node_link_graph(json.loads(export(G, "json")), edges="edges")
    assert set(R) == set(G) and set(R.edges) == set(G.edges)
    assert all(R.nodes[n] == G.nodes[n] for n in G)  # lists and dicts survive in JSON


def test_csv_nodes_and_edges():
    G = sample_graph()
    with zipfile.ZipFile(io.BytesIO(export(G, "csv"))) as z:
        nodes = list(csv.DictReader(io.StringIO(z.read("nodes.csv").decode("utf-8-sig"))))
        edges = list(csv.DictReader(io.StringIO(z.read("edges.csv").decode("utf-8-sig"))))
    assert {r["id"] for r in nodes} == set(G)
    assert {(r["source"], r["target"]) for r in edges} == set(G.edges)
    row = next(r for r in nodes if r["id"] == "org:kwo")
    assert row["tags"] == "women; ethnic" and row["kind"] == "organization"
    assert next(r for r in nodes if r["id"] == "org:mm")["label"] == BURMESE


def test_kumu_blueprint_and_csv():
    G = sample_graph()
    data = json.loads(export(G, "kumu"))
    assert {e["id"] for e in data["elements"]} == set(G)
    assert {(c["from"], c["to"]) for c in data["connections"]} == set(G.edges)
    kwo = next(e for e in data["elements"] if e["id"] == "org:kwo")
    assert kwo["type"] == "Organization" and kwo["tags"] == ["women", "ethnic"]
    ids = [x["id"] for x in data["elements"] + data["connections"]]
    assert len(ids) == len(set(ids))  # Kumu: ids unique across elements and connections
    with zipfile.ZipFile(io.BytesIO(export(G, "kumu_csv"))) as z:
        el = list(csv.DictReader(io.StringIO(z.read("kumu-elements.csv").decode("utf-8-sig"))))
        co = list(csv.DictReader(io.StringIO(z.read("kumu-connections.csv").decode("utf-8-sig"))))
    assert list(el[0])[:3] == ["ID", "Label", "Type"] and list(co[0])[:2] == ["From", "To"]
    assert next(r for r in el if r["ID"] == "org:kwo")["Tags"] == "women|ethnic"
    assert len(kumu_data(G)["connections"]) == len(co)


def test_zip_bundle_has_everything_and_respects_hide():
    H, info = filter_view(sample_graph(), hide=["org:risk"])
    data = export(H, "zip", dpi=40, caption=info["caption"])
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = set(z.namelist())
        assert {"graph.html", "graph.gexf", "graph.graphml", "nodes.csv", "edges.csv", "graph.json",
                "kumu.json", "kumu-elements.csv", "kumu-connections.csv", "graph.png", "graph.svg",
                "README.txt"} <= names
        for name in names:
            body = z.read(name)
            assert b"Underground Strike" not in body and b"org:risk" not in body, name
        R = nx.read_gexf(io.BytesIO(z.read("graph.gexf")))
        assert set(R) == set(H)


def test_every_format_and_filename():
    G = sample_graph()
    P = layout(G)
    for fmt in FORMATS:
        data = export(G, fmt, positions=P, dpi=40, images=False)
        assert isinstance(data, bytes) and len(data) > 100, fmt
        assert filename(fmt).endswith("." + FORMATS[fmt].ext)
    with pytest.raises(ValueError):
        export(G, "xls")


def test_real_letters_round_trip():
    pytest.importorskip("graph.letter")
    from graph.pipeline import build_corpus

    G = build_corpus([Path(__file__).resolve().parent.parent / "data" / "letters"]).graph
    assert sum(1 for _, k in G.nodes(data="kind") if k == "letter") == 5
    _same(nx.read_gexf(io.BytesIO(export(G, "gexf"))), flatten_graph(G))
    _same(nx.read_graphml(io.BytesIO(export(G, "graphml"))), flatten_graph(G))


def test_cli_refuses_overwrite_then_forces(tmp_path, monkeypatch):
    from graph import pipeline
    from graph.cli import main

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
    assert "org:risk" not in R and "org:bcuk" in R
    new = tmp_path / "sub" / "g.png"
    assert main(["export", "--format", "png", "--dpi", "30", "--letters", "a", "-o", str(new)]) == 0
    assert new.read_bytes()[:4] == b"\x89PNG"
    assert not [p for p in new.parent.iterdir() if p.name.startswith(".")]  # no temp files left
