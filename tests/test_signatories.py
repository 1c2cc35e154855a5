"""Unit tables for the signatory reader: one row per rule, each row able to fail on its own."""
from __future__ import annotations

import pytest

from graph.extract.signatories.lines import garbage_reason, is_mirrored, looks_like_name, split_marker
from graph.extract.signatories.names import clean_entry, ocr_tidy
from graph.extract.signatories.nesting import alphabet_sublists
from graph.extract.signatories.parse import counts, parse_signatories


def names(lines, **kw):
    return [s.name for s in parse_signatories(lines, **kw).signatories]


@pytest.mark.parametrize("line, want", [
    ("10.  Alliance of Students' Union", ("10", "", "Alliance of Students' Union")),
    ("10.Al Khatim Adlan Center", ("10", "", "Al Khatim Adlan Center")),
    ("3) Freedom House", ("3", "", "Freedom House")),
    ("7 - Programa Somos Defensores", ("7", "", "Programa Somos Defensores")),
    ("o LGBT Community Yangon", (None, "o", "LGBT Community Yangon")),
    ("• Amnesty International", (None, "•", "Amnesty International")),
    ("3.5 million people are displaced", (None, "", "3.5 million people are displaced")),
    ("Burma Campaign UK", (None, "", "Burma Campaign UK")),
])
def test_split_marker(line, want):
    assert split_marker(line) == want


@pytest.mark.parametrize("text, want", [
    ("Burma Campaign UK", True),
    ("Chin Community in Norway", True),
    ("Australia Karen Organization WA Inc.", True),
    ("iDEFEND (In Defense of Human Rights and Dignity Movement)", True),
    ("Immediately restore the Internet and all forms of communications", False),
    ("A robust, coordinated response", False),
    ("meet international standards.", False),
    ("info@progressive-voice.org", False),
])
def test_looks_like_name(text, want):
    assert looks_like_name(text) is want


def test_garbage_and_mirrored_lines():
    assert garbage_reason(". Co (2}") == "garbled OCR"
    assert garbage_reason("Colorful Spring (Gepcgegez)") is None
    # letter 002 line 27: an upside-down page header
    assert is_mirrored("Kpouye uoy Ayjigerunodde puewsp isnw plaom ‘dnod Jaye sieak uno4 sewuel|p|")
    assert not is_mirrored("Ensemble contre la peine de mort Paris Lyon")
    assert not is_mirrored("emerging. These include schools, hospitals, administrative offices, prisons, po-")


@pytest.mark.parametrize("printed, name, acronym", [
    ("Arakan Rohingya National Union (ARNU)", "Arakan Rohingya National Union", "ARNU"),
    ("Anti-Junta Alliance Yangon-AJAY", "Anti-Junta Alliance Yangon", "AJAY"),
    ("Palaung National Society Japan, PNS-Japan", "Palaung National Society Japan", "PNS-Japan"),
    ("Friends of the Earth Japan (FoE Japan)", "Friends of the Earth Japan", "FoE Japan"),
    ("Network for Human Rights Documentation - Burma (ND-Burma)", "Network for Human Rights Documentation - Burma",
     "ND-Burma"),
    ("Karenni National Society (KNS) Japan", "Karenni National Society (KNS) Japan", "KNS"),
    ("Beyond Borders (Malaysia)", "Beyond Borders (Malaysia)", None),
    ("Philippine Human Rights Information Center (PhilRights)",
     "Philippine Human Rights Information Center (PhilRights)", None),
    ("Iniciativa Mesoamericana de Mujeres Defensoras (IM-Defensoras)",
     "Iniciativa Mesoamericana de Mujeres Defensoras (IM-Defensoras)", None),
    ("Network for Peace and Unification(NPU)", "Network for Peace and Unification", "NPU"),
    ("Comisión Colombiana de Juristas (CCJ)*", "Comisión Colombiana de Juristas", "CCJ"),
    ("ALTSEAN-Burma", "ALTSEAN-Burma", None),
    ("FIDH", "FIDH", None),
])
def test_clean_entry_acronyms(printed, name, acronym):
    assert clean_entry(printed)[:2] == (name, acronym)


def test_ocr_tidy():
    assert ocr_tidy("Associazione per I'Amicizia Italia Birmania") == "Associazione per l'Amicizia Italia Birmania"
    assert ocr_tidy("Italia-Birmania.lnsieme") == "Italia-Birmania.Insieme"
    assert ocr_tidy("Yadanabon University Students’” Union") == "Yadanabon University Students’ Union"
    assert ocr_tidy("High School ( Maharaungmyay) Union") == "High School (Maharaungmyay) Union"


def test_country_after_comma():
    # kept in the name unless the caller decided the list uses ", Country" as an annotation
    assert clean_entry("Aung San Suu Kyi Park, Norway") == ("Aung San Suu Kyi Park, Norway", None, "Norway")
    assert clean_entry("Rise Up for Life, Philippines", split_country=True) == ("Rise Up for Life", None, "Philippines")
    assert clean_entry("Free Legal Assistance Group (FLAG), Philippines") == ("Free Legal Assistance Group", "FLAG",
                                                                            "Philippines")


def test_alphabet_restart_makes_a_sub_list():
    top = ["Alpha", "Bravo", "Charlie", "Lima Group", "Mandalay Strike Force", "Chan Strike", "Daung Strike",
           "Seinpann Strike", "Mandalay-Based Unions", "Matu Foundation", "Oscar", "Yankee", "Zomi Community"]
    assert alphabet_sublists(top, [True] * len(top)) == {5: 4, 6: 4, 7: 4}
    # numbered entries cannot be sub-members; an unsorted or short list yields nothing
    assert alphabet_sublists(top, [i < 5 for i in range(len(top))]) == {}
    assert alphabet_sublists(top[3:], [True] * 10) == {}
    assert alphabet_sublists(["Zeta", "Alpha", "Mike", "Beta", "Yankee", "Echo", "Kilo", "Delta", "Golf", "Hotel",
                              "Oscar", "Papa", "Quebec"], [True] * 13) == {}


def test_numbered_list_whose_numbers_vanish_after_a_page_break():
    lines = ["Signed by 5 organizations:", "", "1. African Centre for Justice (ACJPS)", "2. Darfur Bar Association",
             "10.Al Khatim Adlan Center", "", "                   2", "", "Sudan Democracy First Group", "Waging Peace"]
    r = parse_signatories(lines)
    assert [s.name for s in r.signatories] == ["African Centre for Justice", "Darfur Bar Association",
                                               "Al Khatim Adlan Center", "Sudan Democracy First Group", "Waging Peace"]
    assert r.claimed_total == 5
    assert (7, "skipped", "page number") in r.fates


def test_o_bullets_are_sub_members_and_plain_entries_resume():
    lines = ["We urge action now.", "", "Signatories:", "General Strike Committee (GSC)", "o Basic Education Committee",
             "o Teachers Union", "Generation Wave"]
    r = parse_signatories(lines)
    assert [(s.name, s.member_of) for s in r.signatories] == [
        ("General Strike Committee", None), ("Basic Education Committee", "General Strike Committee"),
        ("Teachers Union", "General Strike Committee"), ("Generation Wave", None)]


def test_bullets_alone_on_their_line_and_headings():
    lines = ["Signatories", "", "International organizations", "", "•", "Amnesty International", "•", "FIDH", "",
             "National organizations", "•", "Karapatan Alliance Philippines"]
    assert names(lines) == ["Amnesty International", "FIDH", "Karapatan Alliance Philippines"]


def test_wrapped_names_are_joined():
    lines = ["Signatories:", "Assistance Association", "for Political Prisoners (AAPP)", "Karen Environmental",
             "and Social Action Network (KESAN)", "Oficina Internacional Acción Colombia", "(OIDHACO)"]
    r = parse_signatories(lines)
    assert [(s.name, s.acronym) for s in r.signatories] == [
        ("Assistance Association for Political Prisoners", "AAPP"),
        ("Karen Environmental and Social Action Network", "KESAN"),
        ("Oficina Internacional Acción Colombia", "OIDHACO")]


def test_inline_lists_with_commas_and_semicolons():
    assert names(["We call for justice.", "", "The undersigned are: Amnesty International, Human Rights Watch (HRW),",
                  "and the Burma Campaign UK."]) == ["Amnesty International", "Human Rights Watch", "Burma Campaign UK"]
    assert names(["Signatories: Ain o Salish Kendra (ASK); Eleos Justice, Monash University; FORUM-ASIA;",
                  "Odhikar."]) == ["Ain o Salish Kendra", "Eleos Justice, Monash University", "FORUM-ASIA", "Odhikar"]


def test_two_column_list_reads_left_column_first():
    lines = ["Signatories:", "", "Belarusian Association of Journalists (BAJ)     Index on Censorship",
             "Civil Rights Defenders                           Legal Initiative"]
    assert names(lines) == ["Belarusian Association of Journalists", "Civil Rights Defenders", "Index on Censorship",
                            "Legal Initiative"]


def test_skipped_lines_have_reasons():
    lines = ["Signatories:", "Amnesty International", "mailto:info@example.org", "https://example.org/x",
             ". Co (2}", "سازمان حقوق بشر", "Human Rights Watch", "Fortify Rights", "Association for Human Rights in"]
    r = parse_signatories(lines)
    # a name in another script is a name (issue 11): never dropped
    assert [s.name for s in r.signatories] == ["Amnesty International", "سازمان حقوق بشر", "Human Rights Watch",
                                               "Fortify Rights"]
    reasons = {s.line: s.reason for s in r.skipped}
    assert reasons == {3: "url", 4: "url", 5: "garbled OCR", 9: "fragment at end of file"}


def test_file_cut_inside_a_word():
    lines = ["Signatories", "1. Kurdistan Human Rights Network", "2. Center for Supporters of Human Rights",
             "3. Association for Human Rights in Kurdis"]
    assert names(lines) == ["Kurdistan Human Rights Network", "Center for Supporters of Human Rights"]


def test_individuals_kept_apart():
    lines = ["Signatories:", "Amnesty International", "Amal Nasser (in personal capacity)", "", "Individuals", "",
             "Dr. Laila Noori, former Commissioner, Afghanistan Independent Human Rights Commission"]
    r = parse_signatories(lines)
    assert [s.name for s in r.signatories] == ["Amnesty International"]
    assert [(p.name, p.role) for p in r.individuals] == [
        ("Amal Nasser", None), ("Laila Noori", "former Commissioner, Afghanistan Independent Human Rights Commission")]


def test_no_list_no_signatories():
    assert names(["To UN Member States", "", "RE: OPEN LETTER", "", "Your Excellencies,", "",
                  "I urge you to act now, as member states, to end the violence.", "", "Yours sincerely,", "",
                  "Agnès Callamard", "Secretary General"]) == []


@pytest.mark.parametrize("text, claimed, undisclosed", [
    ("Signed by 462 civil society organizations, including 84 organizations that have chosen not to\ndisclose", 462,
     84),
    ("The world must act, 46 organizations said today ahead of the anniversary.", 46, None),
    ("We, 462 civil society organizations, express our disappointment.", 462, None),
    ("plus 12 organizations that cannot be named for security reasons", None, 12),
    ("over 70,000 people from 161 countries signed an appeal", None, None),
    ("Signed by 34 organizations, including 6 organizations that have chosen not to disclose", 34, 6),
])
def test_counts(text, claimed, undisclosed):
    assert counts(text) == (claimed, undisclosed)


def test_and_n_others_line_is_an_undisclosed_count():
    r = parse_signatories(["## Signatories", "- Amnesty International", "- Human Rights Watch", "- and seven others"])
    assert [s.name for s in r.signatories] == ["Amnesty International", "Human Rights Watch"]
    assert r.undisclosed_count == 7


def test_lines_differing_only_in_list_number_keep_their_own_number_and_text():
    """graph.extract.signatories.region shares per-line facts between '12. X' and '37. X'; each line must still report itself."""
    from graph.extract.signatories.region import classify
    lines = ["Signatories:", "12. Amnesty International", "37. Amnesty International",
             "5.2 million people were displaced.", "7.2 million people were displaced.",
             "8. Burma Campaign UK     Human Rights Watch", "9. Burma Campaign UK     Human Rights Watch"]
    infos = classify(lines)
    assert [(i.num, i.text, i.rest) for i in infos[1:3]] == [
        ("12", "12. Amnesty International", "Amnesty International"),
        ("37", "37. Amnesty International", "Amnesty International")]
    assert [(i.num, i.rest) for i in infos[3:5]] == [(None, lines[3]), (None, lines[4])]
    assert infos[5].parts[0].startswith("8.") and infos[6].parts[0].startswith("9.")
    again = classify(list(reversed(lines)))  # cached facts from the first call must not leak numbers
    assert [i.num for i in again] == [i.num for i in reversed(infos)]


def test_one_letters_ocr_damage_is_in_its_sidecar_not_in_the_rules():
    """Repairs that fit one printed line live in data/letters/NAME.yaml `corrections:` (graph.extract.letter)."""
    from graph.extract.letter import parse_letter
    from graph.records import Document

    text = "Signatories:\n\n1. Amnesty International\n2. Kontra$S\n3. Dawei Youths in Japan (DY)J)\n"
    plain = parse_letter(Document("x.txt", text))
    assert [s.name for s in plain.signatories][1] == "Kontra$S"  # no rule repairs it
    fixed = parse_letter(Document("x.txt", text, meta={"corrections": {
        "Kontra$S": {"name": "KontraS"}, "Dawei Youths in Japan (DY)J)": {"name": "Dawei Youths in Japan",
                                                                          "acronym": "DYJ"}}}))
    assert [(s.name, s.acronym) for s in fixed.signatories][1:] == [("KontraS", None),
                                                                     ("Dawei Youths in Japan", "DYJ")]
