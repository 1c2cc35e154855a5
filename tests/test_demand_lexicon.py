"""The demand lexicon as data (data/demands.yaml), and a table of paraphrases and near misses per demand.

The paraphrases are not taken from the five sample letters: the lexicon has to recognise a demand from its
meaning. Every id has at least three asks that must match and two near misses that must not: a mere mention,
someone else's reported ask, a negation, or the opposite stance.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from graph.curated import CuratedError
from graph.demands.find import find_demands, load_lexicon
from test_demand_languages import ROWS as LANGUAGE_ROWS

ROOT = Path(__file__).resolve().parents[1]
TAXONOMY = ROOT.parent / "shared" / "taxonomy" / "demands.yaml"

# (demand id, letter text, must the id be found?)
CASES: list[tuple[str, str, bool]] = [
    # arms_embargo
    ("arms_embargo", "We call on the Security Council to impose a comprehensive weapons embargo on Myanmar.", True),
    ("arms_embargo", "States must immediately halt all transfers of weapons, munitions and dual-use goods to the junta.", True),
    ("arms_embargo", "We urge governments to stop selling arms to the Myanmar military.", True),
    ("arms_embargo", "We urge the EU to:\n\n•\n\nEnd the supply of military equipment to the regime", True),
    ("arms_embargo", "In 2021 the General Assembly adopted a resolution calling on member states to prevent the flow of arms into Myanmar.", False),
    ("arms_embargo", "Amnesty International has called for a global arms embargo.", False),
    ("arms_embargo", "We urge the EU to lift its arms embargo on Myanmar.", False),
    ("arms_embargo", "The arms embargo imposed by the EU has been poorly enforced.", False),
    # aviation_fuel_ban
    ("aviation_fuel_ban", "Governments must ban the sale of aviation fuel to the Myanmar military.", True),
    ("aviation_fuel_ban", "We urge shipping companies to stop jet fuel deliveries to Myanmar.", True),
    ("aviation_fuel_ban", "Suspend all aviation fuel exports that end up powering airstrikes.", True),
    ("aviation_fuel_ban", "The junta uses jet fuel to carry out airstrikes on villages.", False),
    ("aviation_fuel_ban", "The Special Rapporteur urged states to block aviation fuel shipments.", False),
    ("aviation_fuel_ban", "We do not call for a ban on jet fuel for civilian airlines.", False),
    # targeted_sanctions
    ("targeted_sanctions", "We urge the UK to impose sanctions on Myanma Oil and Gas Enterprise.", True),
    ("targeted_sanctions", "Freeze the assets of military-owned conglomerates MEHL and MEC.", True),
    ("targeted_sanctions", "The EU should adopt further sanctions against the generals and their business cronies.", True),
    ("targeted_sanctions", "Governments must cut off the junta's access to foreign currency and oil revenue.", True),
    ("targeted_sanctions", "We urge the EU to lift sanctions on Myanmar.", False),
    ("targeted_sanctions", "Sanctions imposed by the US in 2021 targeted several generals.", False),
    ("targeted_sanctions", "The US Treasury has announced sanctions on MOGE.", False),
    # icc_referral
    ("icc_referral", "The Security Council should refer the situation in Myanmar to the ICC.", True),
    ("icc_referral", "States parties must cooperate with the ICC's investigation into crimes against the Rohingya.", True),
    ("icc_referral", "We call on all states to execute the ICC arrest warrant for Min Aung Hlaing.", True),
    ("icc_referral", "Arrest Min Aung Hlaing and surrender him to the International Criminal Court.", True),
    ("icc_referral", "All States should support the ICC's ongoing investigation in Darfur.", True),
    ("icc_referral", "In 2019 the ICC authorised an investigation into the deportation of the Rohingya.", False),
    ("icc_referral", "The Prosecutor has requested an arrest warrant for the Senior General.", False),
    ("icc_referral", "China has called on the Council to refer the situation to the ICC.", False),
    # icj_case
    ("icj_case", "We urge the UK to file a declaration of intervention in The Gambia v. Myanmar.", True),
    ("icj_case", "Canada and the Netherlands should support The Gambia's case at the International Court of Justice.", True),
    ("icj_case", "Join the genocide case against Myanmar at the ICJ.", True),
    ("icj_case", "The International Court of Justice ordered provisional measures in January 2020.", False),
    ("icj_case", "We call on states to support the work of the International Commission of Jurists (ICJ) in Myanmar.", False),
    # other_justice_mechanisms
    ("other_justice_mechanisms", "States should exercise universal jurisdiction over those responsible for atrocities.", True),
    ("other_justice_mechanisms", "We call for the creation of an independent international criminal tribunal for Myanmar.", True),
    ("other_justice_mechanisms", "Governments must open criminal investigations in their national courts into crimes by the military.", True),
    ("other_justice_mechanisms", "Extradite suspected perpetrators who travel to your territory.", True),
    ("other_justice_mechanisms", "The General Assembly should create an independent criminal investigative mechanism for Sudan.", True),
    ("other_justice_mechanisms", "The Council should adopt a resolution establishing an independent investigative mechanism into the crackdown.", False),
    ("other_justice_mechanisms", "Argentine courts opened a universal jurisdiction case in 2021.", False),
    ("other_justice_mechanisms", "We urge the Council to hold perpetrators accountable and end impunity.", False),
    ("other_justice_mechanisms", "We urge the junta to end the use of military tribunals against civilians.", False),
    # iimm_support
    ("iimm_support", "States should share evidence with the Independent Investigative Mechanism for Myanmar.", True),
    ("iimm_support", "We urge member states to fully fund the IIMM.", True),
    ("iimm_support", "Cooperate with the UN investigative mechanism and give it access to the country.", True),
    ("iimm_support", "According to the Independent Investigative Mechanism for Myanmar, crimes are widespread.", False),
    ("iimm_support", "The IIMM was established by the Human Rights Council in 2018.", False),
    ("iimm_support", "The Council resolution called for close cooperation with the IIMM.", False),
    # release_detainees
    ("release_detainees", "The junta must free all political prisoners, including Daw Aung San Suu Kyi.", True),
    ("release_detainees", "We demand the immediate and unconditional release of everyone arrested since the coup.", True),
    ("release_detainees", "Release the journalists jailed for their reporting.", True),
    ("release_detainees", "We call for the immediate release of all hostages held by the armed group.", False),
    ("release_detainees", "More than 20,000 people remain arbitrarily detained.", False),
    ("release_detainees", "On 4 February the Security Council called for the release of all detainees.", False),
    ("release_detainees", "We urge the UN to release its report on conditions for those detained.", False),
    # humanitarian_aid
    ("humanitarian_aid", "Donors must scale up humanitarian funding for displaced communities.", True),
    ("humanitarian_aid", "We urge Thailand to allow cross-border aid to reach people in Karen State.", True),
    ("humanitarian_aid", "Channel assistance through local civil society organizations.", True),
    ("humanitarian_aid", "The army should allow humanitarian agencies to reach the displaced.", True),
    ("humanitarian_aid", "The military has blocked humanitarian aid from reaching Rakhine.", False),
    ("humanitarian_aid", "Stop channelling humanitarian aid through the junta.", False),
    ("humanitarian_aid", "UN agencies have increased humanitarian assistance to Rakhine.", False),
    # no_junta_legitimacy
    ("no_junta_legitimacy", "ASEAN must not invite the junta's representatives to its summits.", True),
    ("no_junta_legitimacy", "We urge the UN to reject the junta's credentials.", True),
    ("no_junta_legitimacy", "Governments should stop all engagement with the State Administration Council.", True),
    ("no_junta_legitimacy", "Do not recognise the military regime as the government of Myanmar.", True),
    ("no_junta_legitimacy", "Resolution 2669 does not recognize the Myanmar military as a government.", False),
    ("no_junta_legitimacy", "We urge ASEAN to engage in dialogue with the junta to secure a ceasefire.", False),
    ("no_junta_legitimacy", "The junta has sought international legitimacy through sham elections.", False),
    # unsc_action
    ("unsc_action", "The Security Council must adopt a resolution under Chapter VII.", True),
    ("unsc_action", "We urge UNSC members to convene an open meeting on Myanmar.", True),
    ("unsc_action", "At the Security Council, the UK should:\n\n•\n\nTable a draft resolution on Myanmar", True),
    ("unsc_action", "The Security Council issued a press statement in February 2021.", False),
    ("unsc_action", "China and Russia have blocked Security Council action for years.", False),
    ("unsc_action", "The UN Human Rights Council should hold a special session.", False),
    # hrc_action
    ("hrc_action", "The Human Rights Council should renew the mandate of the Special Rapporteur.", True),
    ("hrc_action", "We call on HRC members to adopt a strong resolution on Myanmar at the 58th session.", True),
    ("hrc_action", "Member states must convene a special session of the UN Human Rights Council.", True),
    ("hrc_action", "The Human Rights Council adopted resolution 46/21 in March.", False),
    ("hrc_action", "Myanmar will be discussed at the Human Rights Council session in March.", False),
    ("hrc_action", "The HRC resolution stressed the need for cooperation with the IIMM.", False),
    # asean_5pc_implement
    ("asean_5pc_implement", "ASEAN must ensure the full implementation of the Five-Point Consensus.", True),
    ("asean_5pc_implement", "We urge ASEAN leaders to enforce the 5PC with clear benchmarks.", True),
    ("asean_5pc_implement", "The Five-Point Consensus must be implemented without further delay.", True),
    ("asean_5pc_implement", "ASEAN must move beyond its failed Five-Point Consensus.", False),
    ("asean_5pc_implement", "ASEAN adopted the Five-Point Consensus in April 2021.", False),
    ("asean_5pc_implement", "The Special Envoy urged the junta to implement the Five-Point Consensus.", False),
    # move_beyond_5pc
    ("move_beyond_5pc", "ASEAN should abandon the Five-Point Consensus and adopt a new approach.", True),
    ("move_beyond_5pc", "The Council must stop deferring to ASEAN on Myanmar.", True),
    ("move_beyond_5pc", "We urge the UN to look beyond the 5PC.", True),
    ("move_beyond_5pc", "We urge ASEAN to implement its Five-Point Consensus.", False),
    ("move_beyond_5pc", "ASEAN leaders reaffirmed the Five-Point Consensus at the summit.", False),
    ("move_beyond_5pc", "Observers say the Five-Point Consensus has failed.", False),
    # atrocity_prevention
    ("atrocity_prevention", "The government should develop an atrocity prevention strategy for Myanmar.", True),
    ("atrocity_prevention", "Establish an early warning mechanism to monitor risks of mass killings.", True),
    ("atrocity_prevention", "We urge the UN to carry out a risk assessment of genocide indicators.", True),
    ("atrocity_prevention", "Atrocity risks were already high in Myanmar.", False),
    ("atrocity_prevention", "The Fact-Finding Mission called upon the Council to react to early warning signs.", False),
    ("atrocity_prevention", "An atrocity prevention strategy was published in 2022.", False),
    # restore_communications
    ("restore_communications", "The junta must lift internet shutdowns in Sagaing and Magway.", True),
    ("restore_communications", "We call for mobile data and phone networks to be restored.", True),
    ("restore_communications", "End the communications blackout in Rakhine State.", True),
    ("restore_communications", "Internet shutdowns have cut off millions from information.", False),
    ("restore_communications", "The junta restored internet access in Yangon last week.", False),
    ("restore_communications", "The Special Rapporteur urged the junta to restore the internet.", False),
    # protect_civil_society
    ("protect_civil_society", "Governments should grant emergency visas to human rights defenders at risk.", True),
    ("protect_civil_society", "Donors must fund Myanmar civil society organisations directly.", True),
    ("protect_civil_society", "We call on the UN to consult women's groups and survivors.", True),
    ("protect_civil_society", "Protect journalists and activists who are being hunted.", True),
    ("protect_civil_society", "The authorities must end the harassment and surveillance of lawyers and human rights defenders.", True),
    ("protect_civil_society", "Restore the legal registration of the NGOs that were closed in 2022.", True),
    ("protect_civil_society", "Civil society has repeatedly called for accountability.", False),
    ("protect_civil_society", "The military has arrested hundreds of journalists and activists.", False),
    ("protect_civil_society", "Activists urged the UN to protect journalists.", False),
    # business_responsibility
    ("business_responsibility", "Companies operating in Myanmar must conduct heightened human rights due diligence.", True),
    ("business_responsibility", "We urge investors to divest from military-linked companies.", True),
    ("business_responsibility", "Total and Chevron should end their business relationships with the military.", True),
    ("business_responsibility", "Foreign businesses continue to operate as usual in Myanmar.", False),
    ("business_responsibility", "The military owns two conglomerates, MEHL and MEC.", False),
    ("business_responsibility", "Governments should cut ties with the junta.", False),
    # social_media_action
    ("social_media_action", "Meta must remove all pages linked to the Myanmar military.", True),
    ("social_media_action", "We urge YouTube and TikTok to ban junta propaganda channels.", True),
    ("social_media_action", "Platforms should deplatform military-run media outlets.", True),
    ("social_media_action", "The military used Facebook to incite violence against the Rohingya.", False),
    ("social_media_action", "Facebook removed Tatmadaw pages in 2018.", False),
    ("social_media_action", "We urge social media companies not to remove posts documenting abuses.", False),
    # restore_democracy
    ("restore_democracy", "The military must respect the results of the November 2020 election.", True),
    ("restore_democracy", "We urge governments to recognise the National Unity Government.", True),
    ("restore_democracy", "Power must be handed back to the elected civilian government.", True),
    ("restore_democracy", "Reconvene the parliament elected in 2020.", True),
    ("restore_democracy", "The junta's so-called elections must not be recognised as a return to democracy.", False),
    ("restore_democracy", "Min Aung Hlaing promised to restore democracy after elections.", False),
    ("restore_democracy", "We ask the government to make sure next year's vote is free, fair and credible.", True),
    ("protect_civil_society", "We condemn the killing of civilians and call for the immediate return of the bodies.", False),
    ("protect_civil_society", "Twelve organisations have condemned the arrests of peaceful protesters.", True),
    # general asks beyond the campaign taxonomy
    ("end_violence", "The army must stop the killing of unarmed villagers.", True),
    ("end_violence", "We call on both sides to agree to an immediate ceasefire.", True),
    ("end_violence", "We urge an end to hostilities in the border region.", True),
    ("end_violence", "The violence escalated after the ceasefire agreement collapsed.", False),
    ("end_violence", "The general said troops would stop the offensive soon.", False),
    ("accountability", "Those responsible for the massacre must be held accountable.", True),
    ("accountability", "We urge the authorities to bring the perpetrators to justice.", True),
    ("accountability", "The government must pay reparations to the victims of forced labour.", True),
    ("accountability", "The report documents a long history of impunity.", False),
    ("accountability", "The minister has called for justice for the victims.", False),
    ("independent_investigation", "We call for an independent and impartial investigation into the shooting.", True),
    ("independent_investigation", "The Council should establish a commission of inquiry.", True),
    ("independent_investigation", "Parliament must set up a committee to investigate the spying programme.", True),
    ("independent_investigation", "The police opened an investigation last week.", False),
    ("independent_investigation", "The commission of inquiry published its report in 2018.", False),
    ("un_access", "The government must grant UN special rapporteurs unhindered access to the country.", True),
    ("un_access", "We urge the authorities to allow access for UN investigators to the camps.", True),
    ("un_access", "Authorities should give the fact-finding mission full access.", True),
    ("un_access", "The Special Rapporteur was denied entry in 2019.", False),
    ("un_access", "UN investigators have repeatedly asked for access.", False),
    ("stop_deportations", "We urge Malaysia to halt the deportation of asylum seekers.", True),
    ("stop_deportations", "States must respect the principle of non-refoulement.", True),
    ("stop_deportations", "The government should stop forced returns of refugees to the country.", True),
    ("stop_deportations", "Over 1,000 people were deported last month.", False),
    ("stop_deportations", "The minister announced that deportations would resume.", False),
    ("political_dialogue", "We urge both parties to begin a genuine political dialogue.", True),
    ("political_dialogue", "The government must make peace with the ethnic armed groups.", True),
    ("political_dialogue", "We call on all sides to resume peace talks.", True),
    ("political_dialogue", "The peace process has stalled since 2016.", False),
    ("political_dialogue", "The army has rejected any dialogue.", False),
    ("end_mass_surveillance", "Congress must end the warrantless mass surveillance of citizens.", True),
    ("end_mass_surveillance", "We urge the company to protect end-to-end encryption.", True),
    ("end_mass_surveillance", "The law must provide for judicial oversight of these surveillance powers.", True),
    ("end_mass_surveillance", "The agency runs a bulk surveillance programme.", False),
    ("end_mass_surveillance", "Encryption was invented long ago.", False),
]
CASES += LANGUAGE_ROWS  # other languages and the ask shapes of issue #16


@pytest.mark.parametrize("demand,text,expected", CASES, ids=[f"{d}-{'pos' if e else 'neg'}-{i}"
                                                             for i, (d, _, e) in enumerate(CASES)])
def test_paraphrase_table(demand: str, text: str, expected: bool):
    hits, _ = find_demands(text)
    found = {h.id for h in hits}
    assert (demand in found) is expected, f"{demand} {'missed' if expected else 'wrongly found'}; found {found}"


def test_table_covers_every_demand_with_three_positives_and_two_near_misses():
    ids = [d.id for d in load_lexicon().demands]
    pos = Counter(d for d, _, e in CASES if e)
    neg = Counter(d for d, _, e in CASES if not e)
    for i in ids:
        assert pos[i] >= 3 and neg[i] >= 2, i
    assert set(pos) | set(neg) <= set(ids)


@pytest.mark.skipif(not TAXONOMY.exists(), reason="needs ../shared/taxonomy beside this repository")
def test_lexicon_ids_match_the_shared_taxonomy():
    """Taxonomy ids come first, in its order; the general asks beyond it are marked `general` and are not in it."""
    taxonomy = yaml.safe_load(TAXONOMY.read_text(encoding="utf-8"))
    lex = load_lexicon()
    assert [d.id for d in lex.demands if not d.general] == list(taxonomy)
    assert not {d.id for d in lex.demands if d.general} & set(taxonomy)


def test_every_example_wording_is_recognised_as_its_demand():
    lex = load_lexicon()
    general = [d for d in lex.demands if d.general]
    assert len(general) >= 5 and all(d.examples for d in general)
    for d in lex.demands:
        for x in d.examples:
            assert d.id in {h.id for h in find_demands(f"We urge them to act: {x}.")[0]}, (d.id, x)


def test_every_demand_has_label_description_and_compiling_patterns():
    raw = yaml.safe_load((ROOT / "data" / "demands.yaml").read_text(encoding="utf-8"))
    for did, spec in raw["demands"].items():
        assert spec["label"].strip() and len(spec["label"]) <= 40, did
        assert spec["description"].strip(), did
        assert spec["patterns"], did
        for p in spec["patterns"] + spec.get("not", []):
            re.compile(p)
    lex = load_lexicon()
    assert all(d.label and d.description and d.patterns for d in lex.demands)
    assert lex.get("arms_embargo").label == "Arms embargo" and lex.get("nope") is None


def _write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "demands.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def _minimal(patterns: str) -> str:
    src = (ROOT / "data" / "demands.yaml").read_text(encoding="utf-8")
    asks = src[src.index("asks:"):src.index("demands:")]
    return asks + f"demands:\n  arms_embargo:\n    label: Arms\n    description: d\n    patterns: {patterns}\n"


def test_bad_regex_error_names_file_and_demand(tmp_path: Path):
    with pytest.raises(CuratedError) as e:
        load_lexicon(_write(tmp_path, _minimal("['arms (embargo']")))
    assert "demands.yaml" in str(e.value) and "arms_embargo" in str(e.value)


def test_pattern_that_breaks_after_space_folding_is_a_curated_error(tmp_path: Path):
    # a space inside a look-behind becomes variable-width once spaces match "any whitespace or none"
    with pytest.raises(CuratedError) as e:
        load_lexicon(_write(tmp_path, _minimal("['(?<!not )arms embargo']")))
    assert "arms_embargo" in str(e.value)


def test_capitals_in_a_pattern_are_an_error(tmp_path: Path):
    with pytest.raises(CuratedError) as e:
        load_lexicon(_write(tmp_path, _minimal("['Arms embargo']")))
    assert "lowercase" in str(e.value) or "capitals" in str(e.value)


def test_missing_label_error_names_the_key(tmp_path: Path):
    with pytest.raises(CuratedError) as e:
        load_lexicon(_write(tmp_path, _minimal("['x']").replace("    label: Arms\n", "")))
    assert "label" in str(e.value)


def test_a_new_pattern_is_only_a_yaml_edit(tmp_path: Path):
    text = "We urge governments to stop the gun-running to the generals."
    assert not find_demands(text)[0]
    lex = load_lexicon(_write(tmp_path, _minimal("['gun-running']")))
    assert [h.id for h in find_demands(text, lex)[0]] == ["arms_embargo"]


def test_word_masks_give_the_same_gate_as_substring_tests():
    """Lexicon.masks looks gate literals up word by word; on real sentences that must equal `literal in text`."""
    from graph.demands.find import _fold
    from graph.demands.sentences import sentences

    lex = load_lexicon()
    rxs = [lex.own, lex.modal, lex.reported, lex.reported_by, lex.negation]
    rxs += [r for d in lex.demands for r in (d.any, *d.patterns, *d.vetoes, *(p for p, _ in d.in_context))]
    gated = [r for r in rxs if r.gate is not None]
    assert len(gated) > 100
    opened = 0
    for path in sorted((ROOT / "data" / "letters").glob("*.txt")):
        folds = [_fold(s.text) for s in sentences(path.read_text(encoding="utf-8"))]
        for text, mask in zip(folds, lex.masks(folds)):
            for r in gated:
                assert r.open(text, mask) == r.open(text), (r.gate, text)
                opened += r.open(text)
    assert opened > 100  # the gates do open on the real letters' asks


def test_a_cold_lexicon_finds_what_a_warm_one_finds(tmp_path: Path):
    """The lexicon caches word gates across letters; results must not depend on what was read before."""
    src = (ROOT / "data" / "demands.yaml").read_text(encoding="utf-8")
    letters = sorted((ROOT / "data" / "letters").glob("*.txt"))
    warm = load_lexicon()
    for path in letters:
        find_demands(path.read_text(encoding="utf-8"), warm)
    for path in letters:
        (tmp_path / path.stem).mkdir()
        cold = load_lexicon(_write(tmp_path / path.stem, src))  # a new file: compiled afresh, empty caches
        assert cold is not warm
        text = path.read_text(encoding="utf-8")
        assert find_demands(text, cold) == find_demands(text, warm)
