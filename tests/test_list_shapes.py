"""List shapes as each input format encodes them, on small documents written here: an HTML page's <ul> of linked
names with "(Country)" and an <ol> of people, markdown lists numbered in roman numerals under lettered bold group
headings with a people table after them, Word bullets (list styles and levels) under numbered umbrellas.
(Two-column PDFs: tests/test_load_formats.py.)"""
from __future__ import annotations

import io
import re

import pytest

from graph.extract.document import document_from_bytes, document_from_text
from graph.extract.letter import parse_letter
from graph.extract.signatories.lines import md_clean, split_marker
from graph.extract.signatories.markers import follows
from graph.extract.signatories.parse import parse_signatories


def _read(doc):
    letter = parse_letter(doc)
    return [(s.name, s.member_of) for s in letter.signatories], [p.name for p in letter.individuals]


PAGE = """<!DOCTYPE html><html><head><title>Protect encryption</title></head><body><main><article>
<h1>Protect encryption</h1>
<p>Dear Ministers,</p>
<p>We, the undersigned organisations and experts, urge you to reject any text that would require the scanning of
private messages.</p>
<p>Sincerely,</p>
<h3>Organisations</h3>
<ul>
<li><a href="https://a.example">Alpha Privacy Network</a> <span>(Spain)</span></li>
<li><a href="https://b.example">Beta Digital Rights</a> <span>(Italy)</span></li>
<li>Gamma Open Networks <span>(Greece)</span></li>
<li><a href="https://d.example">Фонд слободних мрежа</a> <span>(Serbia)</span></li>
</ul>
<h3>Individual experts (affiliations for identification only)</h3>
<ol><li>Dr. Liisa Koskinen</li><li>Pavel Zielinski</li><li>Eleni Markou</li></ol>
</article></main></body></html>"""


def test_html_list_of_linked_names_with_countries_after_a_closing_and_an_ol_of_people():
    orgs, people = _read(document_from_bytes(PAGE.encode(), "letter.html"))
    # whether "(Spain)" stays in the name is the names' business (graph.extract.signatories.names), not the list's
    assert [(re.sub(r" \([^()]+\)$", "", o), m) for o, m in orgs] == [
        ("Alpha Privacy Network", None), ("Beta Digital Rights", None), ("Gamma Open Networks", None),
        ("Фонд слободних мрежа", None)]
    assert people == ["Liisa Koskinen", "Pavel Zielinski", "Eleni Markou"]  # people, never organizations


MARKDOWN = """# End abductions now

We, the undersigned organisations and individuals, call on you to release all those detained.

(a) Release all persons arbitrarily detained;
(b) End the abduction of activists.

Signed:

**A. National organisations**

i. Lakeside Justice Centre
ii. Hillside Social Justice Collective
iii. Riverbend Youth Rights Forum
iv. Shore Defenders Network (SDN)
v. Legal Aid Trust

**B. Regional organisations**

1) Eastern Civic Space Coalition
2) Continental Lawyers for Democracy (CLD)

**C. Individuals**

| # | Name | Affiliation (for identification only) |
|---|------|---------------------------------------|
| 1/ | Prof. Amara Njeri | University of the Valley |
| 2/ | Baraka Onyango | Advocate of the High Court |
"""


def test_markdown_roman_numbered_lists_under_lettered_bold_headings_and_a_people_table():
    orgs, people = _read(document_from_text(MARKDOWN, "letter.md"))
    assert [o for o, _ in orgs] == ["Lakeside Justice Centre", "Hillside Social Justice Collective",
                                    "Riverbend Youth Rights Forum", "Shore Defenders Network", "Legal Aid Trust",
                                    "Eastern Civic Space Coalition", "Continental Lawyers for Democracy"]
    assert people == ["Amara Njeri", "Baraka Onyango"]  # an Affiliation column: the rows are people


@pytest.mark.parametrize("line, marker, rest", [
    ("iv. Shore Defenders Network", "iv", "Shore Defenders Network"),
    ("(b) Beta Union", "b", "Beta Union"),
    ("XII) Twelfth Trust", "XII", "Twelfth Trust"),
    ("B) Beta Union", "B", "Beta Union"),
    ("A. Philip Randolph Institute", None, "A. Philip Randolph Institute"),  # an initial, not a marker
    ("xvx. Foo", None, "xvx. Foo"),  # letters that are no numeral
    ("CV. Maju Jaya", None, "CV. Maju Jaya"),  # a company's legal form, not 105
    ("(c) 2024 Rights Now", None, "(c) 2024 Rights Now"),  # a copyright line
    ("e. V., Berlin", None, "e. V., Berlin"),  # the end of a German association's name, wrapped
    ("Iv. Foo", None, "Iv. Foo"),  # a numeral is in one case
])
def test_roman_and_letter_markers(line, marker, rest):
    num, bullet, body = split_marker(line)
    assert (num, bullet, body) == (marker, "", rest)


def test_markers_follow_in_their_numbering():
    assert follows("viii", "ix") and follows("h", "i") and follows("i", "ii") and follows("9", "10")
    assert not follows("iii", "v") and not follows("b", "d")


def test_a_numbered_item_naming_an_umbrella_heads_the_items_below_it_until_the_next_number():
    lines = ["This letter is signed by the following coalitions and organisations:",
             "1. Lake Alliance (LA), comprising:", "- Harbour Fishers Association", "- Delta Land Rights Group",
             "2. Civic Space Platform, on behalf of its members:", "- Centre for Legal Empowerment",
             "- Media Safety Desk", "3. Other organisations:", "- Students for Climate Justice",
             "- Heritage Trust"]
    got = [(s.name, s.acronym, s.member_of) for s in parse_signatories(lines).signatories]
    assert got == [("Lake Alliance", "LA", None), ("Harbour Fishers Association", None, "Lake Alliance"),
                   ("Delta Land Rights Group", None, "Lake Alliance"), ("Civic Space Platform", None, None),
                   ("Centre for Legal Empowerment", None, "Civic Space Platform"),
                   ("Media Safety Desk", None, "Civic Space Platform"),
                   ("Students for Climate Justice", None, None), ("Heritage Trust", None, None)]


def _docx(paragraphs: list[tuple[str | None, str]]) -> bytes:
    import docx

    d = docx.Document()
    for style, text in paragraphs:
        d.add_paragraph(text, style=style) if style else d.add_paragraph(text)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_docx_list_styles_print_their_bullets_and_numbers_and_nest_by_level():
    data = _docx([(None, "Joint letter on evictions"), (None, "We urge Parliament to:"),
                  ("List Number", "Release all students detained for peaceful protest;"),
                  ("List Number", "Halt evictions until fair compensation is paid."),
                  (None, "Signed by:"), ("List Bullet", "River Coalition"), ("List Bullet 2", "Fisherfolk Union"),
                  ("List Bullet 2", "Women's Land Group"), ("List Bullet", "Heritage Trust")])
    lines = document_from_bytes(data, "l.docx").text.split("\n")
    assert lines[2:4] == ["1. Release all students detained for peaceful protest;",
                          "2. Halt evictions until fair compensation is paid."]
    assert lines[5:] == ["- River Coalition", "  - Fisherfolk Union", "  - Women's Land Group", "- Heritage Trust"]
    orgs, _ = _read(document_from_bytes(data, "l.docx"))
    assert orgs == [("River Coalition", None), ("Fisherfolk Union", "River Coalition"),
                    ("Women's Land Group", "River Coalition"), ("Heritage Trust", None)]


def test_docx_numbered_umbrellas_over_word_bullets():
    data = _docx([(None, "Joint letter on the pipeline"), (None, "Dear Members,"),
                  (None, "We write on behalf of displaced communities and urge you to halt the evictions."),
                  (None, "This letter is signed by the following coalitions and organisations:"),
                  (None, "1. Lake Alliance (LA), comprising:"), ("List Bullet", "Harbour Fishers Association"),
                  ("List Bullet", "Delta Land Rights Group"), (None, "2. Other organisations:"),
                  ("List Bullet", "Heritage Trust"), ("List Bullet", "Students for Climate Justice")])
    orgs, _ = _read(document_from_bytes(data, "l.docx"))
    assert orgs == [("Lake Alliance", None), ("Harbour Fishers Association", "Lake Alliance"),
                    ("Delta Land Rights Group", "Lake Alliance"), ("Heritage Trust", None),
                    ("Students for Climate Justice", None)]


def test_markdown_place_headings_with_counts_end_with_other_countries():
    text = ("# Global call\n\nWe, the undersigned 5 organisations, call on the Council to act.\n\n"
            "### Thailand (3)\n\n1. Border Relief Network\n2. Northern Youth Forum\n3. Border Women Union\n\n"
            "### Other countries (2)\n\n4. Solidariteit Collectief Utrecht\n5. Foro Solidario Sevilla\n")
    orgs, _ = _read(document_from_text(text, "call.md"))
    assert [o for o, _ in orgs] == ["Border Relief Network", "Northern Youth Forum", "Border Women Union",
                                    "Solidariteit Collectief Utrecht", "Foro Solidario Sevilla"]


def test_docx_list_level_set_on_the_paragraph_nests_its_members():
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    d = docx.Document()
    d.add_paragraph("Joint letter")
    d.add_paragraph("Signatories:")
    for level, name in ((0, "River Coalition"), (1, "Fisherfolk Union"), (1, "Women's Land Group"),
                        (0, "Heritage Trust")):
        p = d.add_paragraph(name, style="List Paragraph")  # Word's own way: the level on the paragraph
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr>'))
    buf = io.BytesIO()
    d.save(buf)
    doc = document_from_bytes(buf.getvalue(), "l.docx")
    assert doc.text.split("\n")[2:] == ["- River Coalition", "  - Fisherfolk Union", "  - Women's Land Group",
                                        "- Heritage Trust"]
    orgs, _ = _read(doc)
    assert orgs == [("River Coalition", None), ("Fisherfolk Union", "River Coalition"),
                    ("Women's Land Group", "River Coalition"), ("Heritage Trust", None)]


def test_a_sentence_naming_the_umbrella_heads_its_members_over_supporters_below():
    lines = ["We ask the Board to suspend the dam expansion.", "",
             "Signed by the **Andes Mining Watch Network (AMWN)** and its member organizations:", "",
             "- Comité de Defensa del Agua (CODA), Peru", "- Red Hídrica del Sur, Peru", "- Tailings Safety Coalition, Canada",
             "", "With the support of:", "", "- Ethical Pension Savers Association, Australia"]
    got = [(s.name, s.acronym, s.member_of) for s in parse_signatories([md_clean(x) for x in lines]).signatories]
    assert got == [("Andes Mining Watch Network", "AMWN", None),
                   ("Comité de Defensa del Agua", "CODA", "Andes Mining Watch Network"),
                   ("Red Hídrica del Sur", None, "Andes Mining Watch Network"),
                   ("Tailings Safety Coalition", None, "Andes Mining Watch Network")]


@pytest.mark.parametrize("heading", ["Related", "Related posts:", "Read also", "À lire aussi"])
def test_a_pages_list_of_its_other_articles_below_the_signatories_is_not_read(heading):
    text = ("Dear Secretary-General,\n\nWe urge you to call for the release of the detained defenders.\n\n"
            "Respectfully,\n\n1. Himalayan Rights Forum\n2. Snowland Women's Association\n3. Writers in Exile Circle\n\n"
            f"{heading}\n- HRF submission to the Universal Periodic Review (12 March 2020)\n"
            "- Statement on the Day of the Disappeared (30 August 2020)\n")
    letter = parse_letter(document_from_text(text, "page.txt"))
    assert [s.name for s in letter.signatories] == ["Himalayan Rights Forum", "Snowland Women's Association",
                                                   "Writers in Exile Circle"]


def test_a_numbered_name_wrapped_under_its_text_is_one_name_an_indented_member_under_an_umbrella_is_not():
    lines = ["Hormat kami,", "", "1. Wahana Pesisir Lestari (WAPEL)", "2. Serikat Nelayan Tradisional Indonesia",
             "   Wilayah Jawa Timur", "3. Forum Mahasiswa Peduli Lingkungan", "   Universitas Sarangan",
             "4. Aliansi Pesisir, comprising:", "      Perkumpulan Perempuan Pesisir", "5. Yayasan Terumbu Karang"]
    got = [(s.name, s.member_of) for s in parse_signatories(lines).signatories]
    assert got[:3] == [("Wahana Pesisir Lestari", None),
                       ("Serikat Nelayan Tradisional Indonesia Wilayah Jawa Timur", None),
                       ("Forum Mahasiswa Peduli Lingkungan Universitas Sarangan", None)]
    assert ("Perkumpulan Perempuan Pesisir", "Aliansi Pesisir") in got


@pytest.mark.parametrize("line, people", [
    ("Adhesiones individuales: Lucía Ferreyra Ortiz (investigadora), Tomás Benítez y Carolina Ibarra Mendoza.",
     ["Lucía Ferreyra Ortiz", "Tomás Benítez", "Carolina Ibarra Mendoza"]),
    ("À titre individuel : Me Jean-Pierre Mbemba, avocat ; Aminata Ndiaye, chercheuse", ["Jean-Pierre Mbemba", "Aminata Ndiaye"]),
    ("Individual signatories: Jane Roe, John Doe, Ana Lima", ["Jane Roe", "John Doe", "Ana Lima"]),
])
def test_people_listed_after_a_label_in_one_line_sign_in_their_own_names(line, people):
    text = ("Dear Minister,\n\nWe ask you to withdraw the bill.\n\nSignataires :\n\nRed Austral de Derechos Digitales\n"
            f"Asociación por las Libertades en Internet\n\n{line}\n")
    letter = parse_letter(document_from_text(text, "carta.txt"))
    assert [s.name for s in letter.signatories] == ["Red Austral de Derechos Digitales",
                                                   "Asociación por las Libertades en Internet"]
    assert [p.name for p in letter.individuals] == people


@pytest.mark.parametrize("footer, leftover", [
    ("Migration Watch Europe | Rue des Deux Églises 40, 1000 Brussels", True),
    ("Kampagnenbüro Faire Lieferketten · Greifswalder Str. 12 · 10405 Berlin", True),
    ("Verein Nord · Hauptstraße 5 · Wien", True),
    ("Harbour Network | 12 Main Street | Springfield", True),
    ("Public Services Workers Union Local 112 | USA", False),
    ("Workplace Rights Network 2021 | USA", False),
    ("Forum Asia · Bangkok", False),
])
def test_a_senders_footer_with_a_postal_address_is_no_signatory(footer, leftover):
    text = ("Dear Members of the European Parliament,\n\nWe urge you to end the detention of children.\n\nSigned,\n\n"
            f"Refugee Children Network\nNordic Refugee Aid\n\n--\n{footer}\n")
    names = [s.name for s in parse_letter(document_from_text(text, "mail.txt")).signatories]
    assert names[:2] == ["Refugee Children Network", "Nordic Refugee Aid"]
    assert (len(names) == 2) is leftover


def test_a_name_with_for_in_a_plain_table_is_kept_whole():
    got = [(s.name, s.acronym, s.country) for s in parse_signatories(
        ["Organization | Country", "--- | ---", "Island Futures Trust | Tuvalu",
         "Pacific Voices for Climate Action (PVCA) | Fiji", "Lawyers for Climate Justice | Kenya"]).signatories]
    assert got == [("Island Futures Trust", None, "Tuvalu"), ("Pacific Voices for Climate Action", "PVCA", "Fiji"),
                   ("Lawyers for Climate Justice", None, "Kenya")]


@pytest.mark.parametrize("closing, national, local, share", [
    ("Met vriendelijke groet,", "Landelijke organisaties", "Lokale organisaties", "Deel dit artikel:  Facebook  LinkedIn"),
    ("Cordiali saluti,", "Organizzazioni nazionali", "Organizzazioni locali", "Condividi:  Facebook  X"),
    ("Sincerely,", "National groups", "Local groups", "Share this:  Facebook  X"),
])
def test_group_headings_without_a_colon_over_bulleted_lists(closing, national, local, share):
    text = (f"Dear Minister,\n\nWe ask you to separate work and housing contracts this year.\n\n{closing}\n\n{national}\n"
            "• Stichting Eerlijk Werk Nederland (SEWN)\n• Platform Arbeidsmigratie en Mensenrechten\n"
            f"• Landelijk Netwerk Daklozenopvang\n\n{local}\n• Straatpastoraat Venlo\n• Stichting Onderdak Zwolle\n"
            f"• Roemeense Gemeenschap Westland\n\n{share}\n")
    assert [s.name for s in parse_letter(document_from_text(text, "brief.txt")).signatories] == [
        "Stichting Eerlijk Werk Nederland", "Platform Arbeidsmigratie en Mensenrechten", "Landelijk Netwerk Daklozenopvang",
        "Straatpastoraat Venlo", "Stichting Onderdak Zwolle", "Roemeense Gemeenschap Westland"]


def test_two_numbered_columns_whose_names_wrap_inside_their_column():
    lines = ["Signatories:", "",
             " 1. Al-Mizan Foundation for Community            4. Olive Branch Rural Women's",
             "    Legal Services                                   Development Association",
             " 2. Jerusalem Centre for Legal Advocacy          5. Hebron Youth Media Lab",
             "    (JCLA)                                       6. Gaza Centre for Psychosocial",
             " 3. Ramallah Workers' Rights Union                  Support"]
    got = [(s.name, s.acronym) for s in parse_signatories(lines).signatories]
    assert got == [("Al-Mizan Foundation for Community Legal Services", None),
                   ("Jerusalem Centre for Legal Advocacy", "JCLA"), ("Ramallah Workers' Rights Union", None),
                   ("Olive Branch Rural Women's Development Association", None), ("Hebron Youth Media Lab", None),
                   ("Gaza Centre for Psychosocial Support", None)]


def test_two_unnumbered_columns_stay_one_name_a_cell():
    lines = ["Signatories:", "", "Amnesty International        Human Rights Watch",
             "Fortify Rights               Burma Campaign UK", "Progressive Voice            Justice For Myanmar"]
    got = [s.name for s in parse_signatories(lines).signatories]
    assert got == ["Amnesty International", "Fortify Rights", "Progressive Voice", "Human Rights Watch",
                   "Burma Campaign UK", "Justice For Myanmar"]


def test_bulleted_region_and_group_headings_over_their_indented_items():
    text = ("Excelentíssimo Senhor Governador,\n\nNós, organizações indígenas e da sociedade civil, pedimos a retirada "
            "imediata dos garimpos ilegais das terras indígenas do estado.\n\nAssinam esta carta:\n\n"
            "* **Região Norte**\n    * Federação dos Povos Indígenas do Alto Tapirapé\n    * Instituto Floresta Viva\n"
            "* **Região Centro-Oeste**\n    * Articulação dos Povos do Cerrado e do Pantanal\n"
            "* **Organizações internacionais**\n    * Amazon Watch Europe\n    * Rainforest Solidarity Norway\n")
    got = [(s.name, s.member_of) for s in parse_letter(document_from_text(text, "carta.md")).signatories]
    assert got == [("Federação dos Povos Indígenas do Alto Tapirapé", None), ("Instituto Floresta Viva", None),
                   ("Articulação dos Povos do Cerrado e do Pantanal", None), ("Amazon Watch Europe", None),
                   ("Rainforest Solidarity Norway", None)]


def test_an_umbrella_over_its_indented_members_stays_an_umbrella():
    text = ("Dear Minister,\n\nWe urge you to act.\n\nSigned:\n\n* Andes Water Network\n    * Red Hídrica del Sur\n"
            "    * Comité del Agua\n* Global Water Justice\n")
    got = [(s.name, s.member_of) for s in parse_letter(document_from_text(text, "l.md")).signatories]
    assert ("Red Hídrica del Sur", "Andes Water Network") in got


@pytest.mark.parametrize("country", ["México", "Perú", "Mexico"])
def test_a_country_heading_printed_with_its_accent(country):
    text = ("Señor Presidente:\n\nExigimos protección para las defensoras.\n\nFirmantes:\n\nGuatemala\n\n"
            f"Consejo de Pueblos Mayas de Occidente\n\n{country}\n\nObservatorio de Conflictos Mineros del Sur\n"
            "Red de Defensoras del Norte\n")
    names = [s.name for s in parse_letter(document_from_text(text, "carta.txt")).signatories]
    assert country not in names and "Observatorio de Conflictos Mineros del Sur" in names


def test_an_organization_then_the_person_who_signs_for_it_with_a_role_alone():
    text = ("Sehr geehrte Damen und Herren,\n\nwir fordern ein wirksames Lieferkettengesetz ohne Ausnahmen für "
            "Kleinbetriebe.\n\nUnterzeichnet von:\n\nBündnis Faire Wertschöpfung\nDr. Katrin Roe, Geschäftsführerin\n\n"
            "Werkstatt Ökonomie und Menschenrechte e.V.\nTobias Roe, Vorstand\n\nKakao-Netzwerk Westafrika-Deutschland\n"
            "Ama Roe, Koordinatorin\n")
    letter = parse_letter(document_from_text(text, "brief.txt"))
    assert [s.name for s in letter.signatories] == ["Bündnis Faire Wertschöpfung",
                                                   "Werkstatt Ökonomie und Menschenrechte e.V.",
                                                   "Kakao-Netzwerk Westafrika-Deutschland"]
