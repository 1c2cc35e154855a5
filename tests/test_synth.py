"""The synthetic corpus generator: seeded, realistic shapes, and texts that match their records."""
from __future__ import annotations

import re
from collections import Counter

from tools.synth import generate, write_letters


def test_same_seed_same_corpus_other_seed_other_corpus():
    a, b, c = generate(20, 200, 800, seed=5), generate(20, 200, 800, seed=5), generate(20, 200, 800, seed=6)
    assert a.texts == b.texts and a.letters == b.letters and a.orgs == b.orgs
    assert a.texts != c.texts


def test_sizes_and_heavy_tails():
    c = generate(200, 2000, 20000, seed=1)
    sizes = sorted(len(L.signatories) for L in c.letters)
    assert 0.9 * 20000 <= sum(sizes) <= 1.15 * 20000
    assert sizes[-1] >= 4 * sizes[len(sizes) // 2]  # a few big letters among many small ones
    per_org = sorted((len(o.mentions) for o in c.orgs), reverse=True)
    assert per_org[0] >= 10 * per_org[len(per_org) // 2]
    assert len({o.id for o in c.orgs}) == len(c.orgs) <= 2000


def test_text_lines_hold_what_the_records_say():
    c = generate(30, 300, 1500, seed=2)
    for L in c.letters:
        lines = c.texts[L.file].split("\n")
        assert lines[L.title_lines[0] - 1] == L.title
        for s in L.signatories:
            line = lines[s.lines[0] - 1]
            assert line.endswith(s.printed)
            assert line.startswith("o ") == (s.member_of is not None)
        for d in L.demands:
            assert lines[d.lines[0] - 1] == d.evidence


def test_variants_umbrellas_and_list_styles_all_occur():
    c = generate(60, 600, 4000, seed=3)
    text = "\n".join(c.texts.values())
    assert re.search(r"^\d+\. ", text, re.M) and re.search(r"^[-•] ", text, re.M) and re.search(r"^o ", text, re.M)
    assert "Organization" in text and "Organisation" in text
    assert " — " in text and " - " in text
    printed = Counter()
    for o in c.orgs:
        printed[len({m.name for m in o.mentions}) > 1] += 1
    assert printed[True] > 0  # some organizations appear under two spellings
    assert any(o.acronyms for o in c.orgs) and any(o.member_of for o in c.orgs)
    assert any(L.undisclosed_count for L in c.letters)


def test_write_letters(tmp_path):
    c = generate(4, 40, 60, seed=1)
    paths = write_letters(c, tmp_path / "out")
    assert [p.name for p in paths] == sorted(c.texts)
    assert paths[0].read_text(encoding="utf-8") == c.texts[paths[0].name]


def test_the_real_extractor_reads_synthetic_letters():
    """The texts exercise graph.extract.letter end to end: signatories (with umbrellas), dates and demands come back."""
    from graph.extract.letter import parse_letter
    from graph.extract.document import document_from_text

    c = generate(6, 120, 300, seed=11)
    tp = fp = fn = 0
    for L in c.letters:
        got = parse_letter(document_from_text(c.texts[L.file], L.file))
        a = {(s.name, s.member_of) for s in got.signatories}
        b = {(s.name, s.member_of) for s in L.signatories}
        tp, fp, fn = tp + len(a & b), fp + len(a - b), fn + len(b - a)
        assert got.date == L.date
    assert tp / (tp + (fp + fn) / 2) >= 0.95


def test_generate_command(tmp_path, capsys):
    from tools.generate import main

    out = tmp_path / "corpus"
    assert main(["--letters", "3", "--orgs", "30", "--signatures", "40", "--seed", "2", "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["0000_synth.txt", "0001_synth.txt", "0002_synth.txt"]
    assert main(["--letters", "3", "-o", str(out)]) == 2  # never overwrites a corpus silently
    assert "already holds letters" in capsys.readouterr().err
