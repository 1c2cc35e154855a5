"""Signatory shapes: places after names, people signing for organizations, umbrellas over members, bylines,
cue phrases with articles, 'Other countries' groups, page heads that are no list, undisclosed counts.
Small invented texts, one row per rule."""
from __future__ import annotations

import pytest

from graph.extract.countries import city_country, load_countries
from graph.extract.people import signer_for
from graph.extract.signatories.counts import counts
from graph.extract.signatories.headings import place_heading
from graph.extract.signatories.places import place_shaped, trailing_place
from graph.extract.signatories.parse import parse_signatories

LETTER = ["We urge the ministry to stop the evictions.", ""]


def _sigs(lines):
    r = parse_signatories(LETTER + lines)
    return [(s.name, s.acronym, s.location, s.country, s.member_of, s.signed_by) for s in r.signatories]


@pytest.mark.parametrize("text,place", [
    ("Kuala Lumpur", True), ("Frankfurt am Main", True), ("Fort Wayne", True),
    ("Convenor", False),  # a role
    ("LLC", False), ("AFL-CIO", False),  # a legal form, an acronym
    ("Paul community", False), ("the Anglican Church of Korea", False),  # lower case, an organization word
    ("Region 4", False),
])
def test_place_shaped(text, place):
    assert place_shaped(text) is place


def test_city_country_tails_repeat_across_the_list():
    got = _sigs(["Signed by the following organisations:", "Delta River Watch, Pakokku, Myanmar",
                 "Hill Farmers' Union, Chiang Rai, Thailand", "Coastal Women's Network, Mae Sot, Thailand",
                 "Ethical Stones Project, Antwerp, Belgium"])
    assert [(n, loc, c) for n, _, loc, c, _, _ in got] == [
        ("Delta River Watch", "Pakokku", "Myanmar"), ("Hill Farmers' Union", "Chiang Rai", "Thailand"),
        ("Coastal Women's Network", "Mae Sot", "Thailand"), ("Ethical Stones Project", "Antwerp", "Belgium")]


def test_one_city_tail_stays_unless_evidence():
    # one ", Town" in a long list is part of the name as printed ("Forum X, Bombay"), unless a legal form or an
    # acronym closes the name first, or the town is a city data/countries.yaml knows
    got = _sigs(["Signatories:", "Tenants Forum of the North, Bombay", "Housing Rights Alliance",
                 "Mieterverein Süd e.V., Augsburg", "Housing Action Network (HAN), Tamale", "Open Homes Europe, Brussels",
                 "Shelter Now Collective", "Street Lawyers Group"] + [f"Housing Group {w}" for w in (
                     "Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta")])
    assert [(n, a, loc) for n, a, loc, *_ in got][:7] == [
        ("Tenants Forum of the North, Bombay", None, None), ("Housing Rights Alliance", None, None),
        ("Mieterverein Süd e.V.", None, "Augsburg"), ("Housing Action Network", "HAN", "Tamale"),
        ("Open Homes Europe", None, "Brussels"), ("Shelter Now Collective", None, None),
        ("Street Lawyers Group", None, None)]
    assert got[4][3] == "Belgium"


def test_acronym_before_a_legal_form():
    got = _sigs(["Unterzeichnende Organisationen:", "Verein junger Mieter (VJM) e.V., Kassel", "Netzwerk Wohnen e.V.",
                 "Bündnis Recht auf Stadt, Leipzig"])
    assert got[0][:3] == ("Verein junger Mieter e.V.", "VJM", "Kassel")


@pytest.mark.parametrize("text,expected", [
    ("Union Ouvrière du Rail (UOR), représentée par Marc Roe, secrétaire fédéral", ("Marc Roe", "Union Ouvrière du Rail (UOR)")),
    ("Lucie Roe, avocate, membre du Syndicat des Juristes du Logement", ("Lucie Roe", "Syndicat des Juristes du Logement")),
    ("Ravi Roe, Senior Policy Analyst, Open Cables Asia", ("Ravi Roe", "Open Cables Asia")),
    ("Mei Roe — Director, Safe Signals Lab", ("Mei Roe", "Safe Signals Lab")),
    ("Jane Roe, University of Oslo", None),  # an affiliation without a role: a person signing
    ("Yusuf Roe, Bundesvorstand, Gewerkschaft Textil Nord", ("Yusuf Roe", "Gewerkschaft Textil Nord")),
    ("Claudia Roe, Referentin für Unternehmensverantwortung, Entwicklungsdienst Süd",
     ("Claudia Roe", "Entwicklungsdienst Süd")),
])
def test_signer_for(text, expected):
    assert signer_for(text) == expected


def test_person_role_org_blocks_give_the_organization():
    got = _sigs(["Sincerely,", "Aye Roe", "Executive Director, Delta Rights Forum", "Sai Roe", "Coordinator",
                 "Hill Youth Tech Collective", "Dr. Moe Roe, Chairperson, Coast Connectivity Watch",
                 "Ann Poe — Programme Lead, Signal Safety Asia"])
    assert [(n, by) for n, *_, by in got] == [
        ("Delta Rights Forum", "Aye Roe"), ("Hill Youth Tech Collective", "Sai Roe"),
        ("Coast Connectivity Watch", "Dr. Moe Roe"), ("Signal Safety Asia", "Ann Poe")]


def test_one_signer_after_the_closing_is_no_list():
    r = parse_signatories(LETTER + ["Yours sincerely,", "", "Jane Roe", "Secretary General"])
    assert r.signatories == () and r.signer.name == "Jane Roe"


def test_umbrellas_with_members_and_signed_for():
    got = _sigs(["This letter is signed by the following coalitions and organisations:",
                 "1. River Communities Coalition (RCC), comprising:", "Delta Fisherfolk Association",
                 "Hill Women's Land Group", "2. Civic Space Platform, on behalf of its members:",
                 "Centre for Legal Aid (CLA)", "3. Other organisations:", "Students for Climate Action",
                 "Signed for the River Communities Coalition:", "Grace Roe, Convenor",
                 "For media enquiries:", "Ann Poe, Civic Space Platform, +256 700 000 000"])
    assert [(n, a, m, by) for n, a, _, _, m, by in got] == [
        ("River Communities Coalition", "RCC", None, "Grace Roe"),
        ("Delta Fisherfolk Association", None, "River Communities Coalition", None),
        ("Hill Women's Land Group", None, "River Communities Coalition", None),
        ("Civic Space Platform", None, None, None),
        ("Centre for Legal Aid", "CLA", "Civic Space Platform", None),
        ("Students for Climate Action", None, None, None)]


def test_byline_names_end_at_the_bar_and_the_title_is_no_signer():
    r = parse_signatories(["Civic Portal", "", "Withdraw the draft media law", "",
                           "By Steppe Legal Centre, Lake Press Club and the Free Media Initiative  •  14 May 2024", "",
                           "We urge parliament to withdraw the law.", "", "Signed:", "Степной правовой центр",
                           "Пресс-клуб Озера", "Инициатива свободных СМИ"])
    assert [s.name for s in r.signatories] == ["Steppe Legal Centre", "Lake Press Club", "Free Media Initiative"]


def test_cue_with_german_articles():
    got = _sigs(["Unterzeichnet von:", "Netzwerk Wohnen Süd e.V., München", "Mieterbund Oberland, Weilheim",
                 "Initiative Wohnraum Franken, Nürnberg", "",
                 "Außerdem unterstützt von der Gewerkschaft Bau und Wohnen Bayern, dem Arbeitskreis Miete Dachau und "
                 "den Wohngemeinschaften in Deutschland e.V."])
    assert [n for n, *_ in got][-3:] == ["Gewerkschaft Bau und Wohnen Bayern", "Arbeitskreis Miete Dachau",
                                         "Wohngemeinschaften in Deutschland e.V."]


def test_other_countries_heads_the_last_group():
    assert place_heading("Other countries (8)") and place_heading("Rest of the world:")
    assert not place_heading("Other Voices") and not place_heading("Others")
    got = _sigs(["Signatories", "", "Japan (2)", "1. Tokyo Friends of Burma", "2. Osaka Rohingya Circle", "",
                 "Other countries (2)", "3. Lyon Burma Committee", "4. Madrid Burma Forum"])
    assert [n for n, *_ in got] == ["Tokyo Friends of Burma", "Osaka Rohingya Circle", "Lyon Burma Committee",
                                    "Madrid Burma Forum"]


def test_page_head_without_a_list_gives_nothing():
    r = parse_signatories(["Darfur Monitor", "Home | Reports | Appeals | About", "", "APPEALS", "",
                           "An Appeal to the Council: Lift the Siege of the City Before It Is Too Late", "",
                           "By the Darfur Monitor editorial team", "Posted 2 September 2024", "",
                           "The city has been under siege for months, and the hospitals have been shelled.", "",
                           "The list of signatories will be published here when the consultation closes."])
    assert r.signatories == ()


@pytest.mark.parametrize("text,undisclosed", [
    ("In addition, 11 organisations based inside the state have endorsed this letter but cannot be named.", 11),
    ("Firmano: Arci, Legambiente e altre 37 realtà del territorio.", 37),
    ("y otras 12 organizaciones de la sociedad civil", 12),
    ("and other 2021 events were held", None),  # a year, not a count
])
def test_undisclosed_counts(text, undisclosed):
    assert counts(text)[1] == undisclosed


def test_countries_yaml():
    C = load_countries()
    assert {"Kenya", "Burma", "Myanmar", "Côte d'Ivoire"} <= C.names
    assert C.demonym["kenyan"] == "Kenya" and city_country("Nairobi") == "Kenya" and city_country("Atlantis") is None
    assert trailing_place("Open Homes Europe, Brussels") == ("Open Homes Europe", "Brussels")


def test_no_gold_organization_reads_as_a_place_tail_or_a_person_signing():
    """Every gold organization name as printed: the rules that split one name alone (a place after a legal form,
    an acronym or a known city) leave it whole, and none reads as "Person, Role, Organization"."""
    from graph.extract.signatories.places import ends_legal
    from tests.test_signatory_glue import _gold_names

    names = [(f, n) for f, n in _gold_names()]
    assert len(names) >= 150
    split = [(f, n) for f, n in names if (t := trailing_place(n)) and (ends_legal(t[0]) or t[0].endswith(")") or
                                                                     city_country(t[1]))]
    people = [(f, n) for f, n in names if "," in n and signer_for(n)]
    from graph.extract.signatories.words import words

    headings = [(f, n) for f, n in names if words().group_heading(n) is not None]
    assert split == [] and people == [] and headings == []


@pytest.mark.parametrize("text,heading", [
    ("Kenyan organisations", False), ("Burmese civil society groups", False), ("Thai organizations", False),
    ("Kenyan Bloggers Association for Free Expression", None), ("Kenya Women Organisations", None),
])
def test_a_demonym_opens_a_group_heading(text, heading):
    from graph.extract.signatories.words import words

    assert words().group_heading(text) is heading


def test_lettered_sections_roman_numbers_and_a_people_table():
    got = parse_signatories(LETTER + [
        "Signatories", "", "A. Kenyan organisations", "", "i. Haki Legal Centre", "ii. Mathare Youth Collective",
        "iii. Coast Defenders Network (CDN)", "iv. Lake Traders' Association", "", "B. Regional organisations", "",
        "1) East African Civic Coalition", "2) Lawyers for Democracy Africa", "", "C. Individuals", "",
        "# | Name | Affiliation", "1/ | Prof. Jane Roe | University of Nairobi", "2/ | Otieno Roe | Advocate",
        "3/ | Amina Roe | Traders' Network"])
    assert [s.name for s in got.signatories] == [
        "Haki Legal Centre", "Mathare Youth Collective", "Coast Defenders Network", "Lake Traders' Association",
        "East African Civic Coalition", "Lawyers for Democracy Africa"]
    assert [p.name for p in got.individuals] == ["Jane Roe", "Otieno Roe", "Amina Roe"]


def test_dash_places_down_the_list_and_not_in_a_few_names():
    got = _sigs(["Signatories:", "Ocean Youth for Climate Justice — Fiji", "Atoll Women's Collective — Tuvalu",
                 "Island Climate Collective — New Caledonia", "Interfaith Climate Movement — Regional",
                 "Reef Keepers Youth (RKY) — Palau"])
    assert [(n, a, c, loc) for n, a, loc, c, _, _ in got] == [
        ("Ocean Youth for Climate Justice", None, "Fiji", None), ("Atoll Women's Collective", None, "Tuvalu", None),
        ("Island Climate Collective", None, None, "New Caledonia"),
        ("Interfaith Climate Movement", None, None, "Regional"), ("Reef Keepers Youth", "RKY", "Palau", None)]
    few = _sigs(["Signatories:", "Karen Association — Norway"] + [f"Burma Support Group {w}" for w in (
        "Alpha", "Beta", "Gamma", "Delta", "Epsilon")])
    assert few[0][0] == "Karen Association — Norway"


def test_country_in_parentheses_down_the_list_and_a_long_individuals_heading():
    r = parse_signatories(["We ask you to reject the regulation.", "", "Sincerely,", "", "Organisations", "",
                           "- Cifratura Libera (Italy)", "- Privacy Now Collective (Spain)", "- Open Keys Lab (Estonia)",
                           "", "Individual experts (affiliations for identification only)", "",
                           "1. Dr. Anna Roe", "2. Marek Roe"])
    assert [(s.name, s.country) for s in r.signatories] == [
        ("Cifratura Libera", "Italy"), ("Privacy Now Collective", "Spain"), ("Open Keys Lab", "Estonia")]
    assert [p.name for p in r.individuals] == ["Anna Roe", "Marek Roe"]


def test_a_bilingual_contact_line_is_no_signatory():
    r = parse_signatories(["We call on the ministry to act.", "", "Signatories:", "Migrant Workers Solidarity",
                           "Busan Migrants Centre", "", "문의 / Contact: 010-0000-0000 (김서연 / Kim Seo-yeon, 연대)"])
    assert [s.name for s in r.signatories] == ["Migrant Workers Solidarity", "Busan Migrants Centre"]


def test_a_list_of_titled_academics_stays_people():
    r = parse_signatories(LETTER + ["Signed:", "Prof. Jane Roe, Professor of Law, University of Oslo",
                                    "Dr. John Doe, Lecturer, University of Ghana", "Prof. Ann Poe, Chair, Lund University"])
    assert r.signatories == () and [p.name for p in r.individuals] == ["Jane Roe", "John Doe", "Ann Poe"]


def test_support_cues_and_elided_articles():
    r = parse_signatories(["We ask the government to stop the evictions.", "",
                           "Avec le soutien de l'Union des Locataires du Nord, de la Fédération des Mal Logés et du "
                           "Collectif Toit Pour Tous.", ""])
    assert [s.name for s in r.signatories] == ["Union des Locataires du Nord", "Fédération des Mal Logés",
                                               "Collectif Toit Pour Tous"]
    r = parse_signatories(["Chiediamo al governo di agire.", "",
                           "Con il sostegno della Rete Casa Milano, dell'Associazione Inquilini Uniti e di Legambiente "
                           "Nord.", ""])
    assert [s.name for s in r.signatories] == ["Rete Casa Milano", "Associazione Inquilini Uniti", "Legambiente Nord"]


@pytest.mark.parametrize("text,undisclosed", [
    ("Eight further organisations signed (names withheld for their safety).", 8),
    ("8 further organisations signed, whose names are withheld for their safety.", 8),
    ("8 organisations signed. Names of journalists are withheld.", None),  # another sentence
    ("Ainsi que 12 organisations qui ne peuvent pas être nommées.", 12),
    ("Además, 9 organizaciones que no pueden ser nombradas por razones de seguridad.", 9),
])
def test_undisclosed_counts_withheld_and_other_languages(text, undisclosed):
    assert counts(text)[1] == undisclosed


def test_person_role_line_over_the_organization_and_a_dashed_byline():
    got = _sigs(["Sincerely,", "Aye Roe, Executive Director", "Delta Rights Forum", "Sai Roe, Head of Advocacy",
                 "Hill Youth Tech Collective"])
    assert [(n, by) for n, *_, by in got] == [("Delta Rights Forum", "Aye Roe"), ("Hill Youth Tech Collective", "Sai Roe")]
    r = parse_signatories(["Withdraw the media law", "", "By Steppe Legal Centre and Lake Press Club — 3 March 2023", "",
                           "We urge parliament to withdraw the law."])
    assert [s.name for s in r.signatories] == ["Steppe Legal Centre", "Lake Press Club"]


def test_person_role_of_org_lines_stay_one_a_line():
    got = _sigs(["Les signataires :", "Hélène Roe, présidente de l'Union des Locataires du Nord",
                 "Karim Roe, porte-parole du Collectif Toit Pour Tous", "Odile Roe, secrétaire générale de la Fédération "
                 "des Mal Logés"])
    assert [(n, by) for n, *_, by in got] == [("Union des Locataires du Nord", "Hélène Roe"),
                                             ("Collectif Toit Pour Tous", "Karim Roe"),
                                             ("Fédération des Mal Logés", "Odile Roe")]


def test_a_title_over_a_letterhead_list_is_still_a_list():
    r = parse_signatories(["Joint Statement: Stop the Violence Against Peaceful Protesters Now", "",
                           "Delta Rights Forum", "Hill Youth Network", "Coast Women's Union", "River Legal Aid Centre", "",
                           "We, the organisations above, call on the authorities to release the protesters."])
    assert [s.name for s in r.signatories] == ["Delta Rights Forum", "Hill Youth Network", "Coast Women's Union",
                                               "River Legal Aid Centre"]


def test_places_joined_by_a_slash_or_a_conjunction_head_a_group():
    assert place_heading("REGIONAL / INTERNATIONAL") and place_heading("Asia & Europe (4)")
    assert not place_heading("Asia / Lumen Trust") and not place_heading("Regional / International Fund")
    got = _sigs(["Signatories", "", "EUROPE", "Alpha Rights Network", "Beta Women's Forum", "",
                 "REGIONAL / INTERNATIONAL", "Gamma Youth Union", "Delta Legal Trust"])
    assert [n for n, *_ in got] == ["Alpha Rights Network", "Beta Women's Forum", "Gamma Youth Union",
                                    "Delta Legal Trust"]
