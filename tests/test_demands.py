"""Demands on the real letters against gold, stance rules, evidence provenance and the `demands` CLI."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from graph.demands.find import find_demands, load_lexicon, split_sentences
from graph.records import Ask, DemandHit
from graph.demands.sentences import flatten

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "gold"
LETTERS = ROOT / "data" / "letters"


def gold_docs() -> list[dict]:
    docs = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("0*.yaml"))]
    return [d for d in docs if (LETTERS / d["file"]).exists()]


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0


def ids(text: str, general: bool = False) -> set[str]:
    """Taxonomy demand ids found in `text` (what gold scores); with `general`, the general asks beyond it."""
    kind = {d.id: d.general for d in load_lexicon().demands}
    return {h.id for h in find_demands(text)[0] if kind[h.id] is general}


@pytest.mark.skipif(not GOLD.exists(), reason="needs ../shared/gold (the gold annotations beside this repository)")
def test_golden_demand_f1_per_letter_and_micro():
    docs = gold_docs()
    assert len(docs) == 5
    tp = fp = fn = 0
    report = []
    for d in docs:
        found = ids((LETTERS / d["file"]).read_text(encoding="utf-8"))
        gold = {x["id"] for x in d["demands"]}
        t, p, n = len(found & gold), len(found - gold), len(gold - found)
        tp, fp, fn = tp + t, fp + p, fn + n
        report.append((d["file"], f1(t, p, n), sorted(gold - found), sorted(found - gold)))
    micro = f1(tp, fp, fn)
    assert micro >= 0.9, report
    assert min(r[1] for r in report) >= 0.8, report  # no letter badly off


def test_borderline_demands_are_not_claimed():
    for d in gold_docs():
        found = ids((LETTERS / d["file"]).read_text(encoding="utf-8"))
        for b in d.get("borderline_demands") or []:
            assert b["id"] not in found, (d["file"], b["id"], b["why_excluded"])


@pytest.mark.parametrize("path", sorted(LETTERS.glob("*.txt")), ids=lambda p: p.stem)
def test_evidence_is_verbatim_and_lines_point_at_it(path: Path):
    text = path.read_text(encoding="utf-8")
    flat = flatten(text)
    lines = text.split("\n")
    hits, asks = find_demands(text)
    assert len({h.id for h in hits}) == len(hits)
    for h in hits:
        assert isinstance(h, DemandHit) and h.label
        for ev in (h.evidence, *h.also):
            assert ev and ev in flat, ev
        # the first word of the evidence is on one of the lines it names
        first = h.evidence.split()[0].rstrip("-,;:")
        assert any(first in lines[n - 1] for n in h.lines), (h.evidence, h.lines)
    for a in asks:
        assert isinstance(a, Ask) and a.text in flat


def test_gold_evidence_normalisation_agrees_with_flatten():
    """Gold quotes were checked against the same normalisation (whitespace collapsed, line-end hyphens joined)."""
    for d in gold_docs():
        flat = flatten((LETTERS / d["file"]).read_text(encoding="utf-8"))
        for x in d["demands"]:
            for q in [x["evidence"], *(x.get("also") or [])]:
                assert q in flat, (d["file"], q)


def test_evidence_on_a_real_letter_is_the_asking_clause():
    text = (LETTERS / "000_05b2ad6cb47c36d5.txt").read_text(encoding="utf-8")
    hits = {h.id: h for h in find_demands(text)[0]}
    assert hits["humanitarian_aid"].evidence == "increase humanitarian assistance"
    assert hits["humanitarian_aid"].lines == (22,)
    assert "increasing humanitarian aid" in hits["humanitarian_aid"].also
    assert "request ASEAN to implement its Five-Point Consensus" in hits["asean_5pc_implement"].evidence


# --- stance: asked, not mentioned, reported, negated or the opposite -----------------------------------

def test_stance_five_point_consensus():
    assert ids("We urge governments to request ASEAN to implement its Five-Point Consensus with a clear timeline.") \
        == {"asean_5pc_implement"}
    assert ids("ASEAN must move beyond its failed Five-Point Consensus.") == {"move_beyond_5pc"}


def test_mentions_and_reported_asks_do_not_count():
    assert not find_demands("Resolution 2669 does not recognize the Myanmar military as a government.")[0]
    assert not ids("These actions must reflect the gravity of crimes for which the UN High Commissioner has "
                   "called on the UNSC to, among other measures, refer the crisis to the International Criminal Court.") \
        & {"icc_referral"}
    assert not ids("On 4 February, the UN Security Council issued a statement in which it called for the "
                   "immediate release of all those detained by the military authorities.")
    assert ids("As the Special Rapporteur has recommended, states should impose sanctions on the generals.") == {
        "targeted_sanctions"}


def test_quotations_are_someone_elses_words():
    text = ("The Committee was clear: ‘The Government needs to act urgently to produce a comprehensive atrocity "
            "prevention strategy.’")
    assert "atrocity_prevention" not in ids(text)


def test_negation_cancels_but_not_only_does_not():
    assert not ids("We do not ask governments to impose an arms embargo.")
    assert ids("States must not only impose an arms embargo but also stop jet fuel shipments.") == {
        "arms_embargo", "aviation_fuel_ban"}


def test_list_items_inherit_the_ask_of_their_intro():
    text = "They specifically urge governments to:\n\n stop the flow of all arms to the military;\n\n increase humanitarian assistance;\n\nAdditionally, the UNSC has met twice.\n"
    hits, _ = find_demands(text)
    assert {h.id for h in hits} == {"arms_embargo", "humanitarian_aid"}
    assert {h.id: h.lines for h in hits}["humanitarian_aid"] == (5,)


def test_list_context_names_the_body_asked():
    text = "At the UN Security Council, we urge the UK to;\n\n•\n\nContinue to push for an open meeting\n"
    assert ids(text) == {"unsc_action"}
    assert ids("We urge the UK to:\n\n•\n\nContinue to push for an open meeting\n") == set()


def test_full_letters_not_in_the_sample():
    letter = """Joint Statement on the Fourth Anniversary of the Coup

Since February 2021 the junta has imported more than 100 shipments of aviation fuel. The EU and UK have imposed
sanctions on some military-owned companies. In 2023 the UN Special Rapporteur called on member states to ban the
export of jet fuel.

The undersigned organisations call on all governments to:

1. Ban the direct and indirect supply, sale and transfer of aviation fuel to Myanmar;
2. Coordinate sanctions against Myanma Oil and Gas Enterprise and the banks that serve the junta;
3. Provide direct, flexible funding to local humanitarian responders;
4. Support the people's struggle for a federal democratic union.

We also call on ASEAN to exclude the junta from all high-level meetings until it ends its attacks on civilians.
"""
    assert ids(letter) == {"aviation_fuel_ban", "targeted_sanctions", "humanitarian_aid", "restore_democracy",
                           "no_junta_legitimacy"}
    background = """We are deeply concerned about the escalating violence. Some governments have suggested that
elections organised by the junta could offer a path out of the crisis; we disagree. The UN Security Council has met
six times without adopting any measure. An arms embargo was proposed by several members but blocked by Russia."""
    assert ids(background) == set()


RECOMMENDATIONS = """JOINT STATEMENT

Recommendations

To the UN Security Council:

1. Adopt a resolution under Chapter VII imposing a compre-
hensive arms embargo on Myanmar;
2. Hold an open briefing with the Special Rapporteur;

To ASEAN:

\uf0b7 Suspend Myanmar's participation in all ASEAN meetings;
\uf0b7 Abandon the failed Five-Point Consensus;

To donor governments:

o Increase cross-border humanitarian assistance through local
partners;
o Emergency protection for human rights defenders.
"""


def test_recommendation_blocks_by_addressee():
    hits = {h.id: h for h in find_demands(RECOMMENDATIONS)[0]}
    assert set(hits) == {"unsc_action", "arms_embargo", "no_junta_legitimacy", "move_beyond_5pc",
                         "humanitarian_aid", "protect_civil_society"}
    assert hits["arms_embargo"].evidence == ("Adopt a resolution under Chapter VII imposing a comprehensive arms "
                                             "embargo on Myanmar")
    assert hits["arms_embargo"].lines == (7, 8)
    assert hits["move_beyond_5pc"].lines == (14,)


def test_a_list_whose_bullets_ocr_lost_still_asks():
    text = """ASEAN's credibility is at stake. We therefore urge ASEAN to:

 Formally recognise that the Five-Point Consensus has failed and develop a new framework with
clear consequences for non-compliance;
 Ensure that no junta representative is invited to any ASEAN meeting, at any level;
 Work with Thailand to open humanitarian corridors along the border.

The people of Myanmar cannot wait any longer. The Five-Point Consensus was adopted in 2021."""
    assert ids(text) == {"move_beyond_5pc", "no_junta_legitimacy", "humanitarian_aid"}


def test_press_release_voice_is_the_signatories():
    text = """BANGKOK - 25 organisations today urged the Thai government to halt deportations.
"Thailand must not return people to persecution," said the director of one of the groups.
The organisations called on Thailand to release refugees held in immigration detention.
Human rights groups have called for an arms embargo for years."""
    assert ids(text) == {"release_detainees"}
    assert ids(text, general=True) == {"stop_deportations"}  # "25 organisations today urged ... to halt deportations"


def test_unclassified_asks_are_returned():
    hits, asks = find_demands("We urge the Government to acknowledge that its current approach is not sufficient.")
    assert hits == () and [a.text for a in asks] == [
        "We urge the Government to acknowledge that its current approach is not sufficient."]


def test_split_sentences_is_exported_with_the_contract_signature():
    assert split_sentences("One ask. Two asks.") == [("One ask.", (1,)), ("Two asks.", (1,))]


def test_load_lexicon_is_compiled_once():
    assert load_lexicon() is load_lexicon()


# --- CLI ---------------------------------------------------------------------------------------------------

def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "graph", "demands", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def test_cli_json_matches_the_api():
    files = sorted(LETTERS.glob("*.txt"))
    r = _cli(*map(str, files), "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert [d["file"] for d in data] == [p.name for p in files]
    for d, p in zip(data, files):
        hits, asks = find_demands(p.read_text(encoding="utf-8"))
        assert [x["id"] for x in d["demands"]] == [h.id for h in hits]
        assert [x["evidence"] for x in d["demands"]] == [h.evidence for h in hits]
        assert len(d["unclassified_asks"]) == len(asks)


def test_cli_csv_and_table(tmp_path: Path):
    letter = tmp_path / "x.txt"
    letter.write_text("We urge all states to impose a global arms embargo.\n", encoding="utf-8")
    r = _cli(str(letter), "--format", "csv")
    assert r.returncode == 0, r.stderr
    head, row = r.stdout.splitlines()[:2]
    assert head.startswith("file,arms_embargo,")
    assert row.startswith("x.txt,We urge all states to impose a global arms embargo.,")
    t = _cli(str(letter))
    assert "arms_embargo" in t.stdout and "x " in t.stdout and "x.txt" in t.stdout


def test_cli_reports_a_missing_file():
    r = _cli("no-such-letter.txt")
    assert r.returncode != 0 and "no-such-letter.txt" in r.stderr


@pytest.mark.parametrize("text,taxonomy,general", [
    # the signatories, reported in the third person: a count, or a list of collectives, is them
    ("Twelve regional rights organizations have condemned the violent crackdown on peaceful demonstrators.",
     {"protect_civil_society"}, set()),
    ("The ministry has condemned the violent crackdown on peaceful demonstrators.", set(), set()),
    ("Press unions, newsroom groups and scholars firmly opposes the plan to license reporters.",
     {"protect_civil_society"}, set()),
    # a condition the letter sets is its ask; a mere condition is not
    ("If the authorities are serious about reform, every detained student would be released at once.",
     {"release_detainees"}, set()),
    ("If the court agreed, the prisoners would be released.", set(), set()),
    # quotations: the signatories' own words count, someone else's do not, an embedded one is ours
    ('"We call on the authorities to free all jailed reporters," the coalition said in a statement.',
     {"release_detainees"}, set()),
    ('"States should free all jailed reporters," the minister said.', set(), set()),
    ('We urge the government to comply with the ruling and "ensure the liberty of Mr. Okoro without delay".',
     {"release_detainees"}, set()),
    ("The undersigned groups demand the immediate release of the detained students.", {"release_detainees"}, set()),
    ("The ruling party demand that the detained students stay in prison.", set(), set()),
    ("We request the government to immediately and unconditionally release rights defender Ana Ruiz.",
     {"release_detainees"}, set()),
    # verbs in capitals and stances of opposition
    ("We DEMAND the immediate and unconditional release of the students.", {"release_detainees"}, set()),
    ("We are AGAINST the deportation of asylum seekers to the war zone.", set(), {"stop_deportations"}),
])
def test_ask_shapes_real_letters_use(text: str, taxonomy: set, general: set):
    assert (ids(text), ids(text, general=True)) == (taxonomy, general)


def test_extract_json_keeps_general_asks_apart_from_the_taxonomy():
    from graph.cli.commands.extract import letter_json
    from graph.records import Letter

    hits = find_demands("We urge the authorities to release all detained journalists and to halt the deportation "
                        "of refugees.")[0]
    out = letter_json(Letter("x.txt", demands=hits))
    assert [d["id"] for d in out["demands"]] == ["release_detainees"]
    assert [d["id"] for d in out["general_demands"]] == ["stop_deportations"]
