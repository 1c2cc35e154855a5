"""Titles, dates and recipients in shapes the first letters did not have: several languages, pages, e-mails and
news reports (graph.extract.meta, graph.extract.recipients, graph.extract.addressees, graph.extract.letter_dates). Texts written for these tests."""
from __future__ import annotations

import pytest

from graph.extract.document import document_from_text
from graph.extract.meta import extract_meta, split_recipients

BODY = "\n\nLas organizaciones abajo firmantes expresamos nuestra profunda preocupación por la situación del país.\n"


@pytest.mark.parametrize("text, title", [
    # a title printed over two lines, the date below it not glued on
    ("Declaración: Alto a la persecución de periodistas y defensores\nde derechos en la región\n\n"
     "Publicado el 10 de mayo de 2021\n\nLima, 3 de mayo de 2021" + BODY,
     "Declaración: Alto a la persecución de periodistas y defensores de derechos en la región"),
    # a language bar and a menu above the heading
    ("Skip to content\nDE | EN | FR\nMenu\n\nJoint statement on the imprisonment of striking dock workers\n\n"
     "12 May 2022\n\nWe, the undersigned unions, condemn the arrest of forty dock workers in the port since April.\n",
     "Joint statement on the imprisonment of striking dock workers"),
    # the kind of letter and its addressee, then what it asks: all of it is the title
    ("Open Letter to the World Bank: Stop Financing Coal in the Mekong\n\nDate: 2 March 2023\n\n"
     "Dear President Banga,\n\nWe write about the loans to the power plant.\n",
     "Open Letter to the World Bank: Stop Financing Coal in the Mekong"),
    # only "Open letter to ...": better than the first sentence
    ("Open letter to the Ministry of Labour\n\n4 April 2024\n\nSince January, inspectors have visited fewer than "
     "ten of the four hundred garment factories in the district, and none unannounced.\n",
     "Open letter to the Ministry of Labour"),
    # a forwarded e-mail: the letter's heading, not the e-mail's subject
    ("From: Desk <desk@example.org>\nTo: press list\nDate: 3 March 2022\nSubject: Fwd: for release\n\n"
     "Ethiopia: Release the detained civilians now\n\nWe, the undersigned organisations, are alarmed by the mass "
     "detention of civilians in the capital since November.\n", "Ethiopia: Release the detained civilians now"),
])
def test_title(text, title):
    assert extract_meta(text).title == title


def test_a_heading_broken_by_br_is_one_title_and_to_lines_below_each_name_an_addressee():
    page = ("<html><body><div class='menu'>Home</div><h1>Open letter: Stop the export of spyware<br/>to the "
            "border police</h1><div class='byline'>May 18, 2021</div><p>To: Mr. Jan Berg, Chief Executive Officer, "
            "Nordic Intercept AB<br/>Ms. Ana Ruiz, Chair, Sur Telecom SA</p><p>We, 8 organisations working on "
            "digital rights, are writing about the equipment your companies sold to the border police.</p>"
            "</body></html>")
    m = extract_meta(document_from_text(page, "p.html").text)
    assert m.title == "Open letter: Stop the export of spyware to the border police"
    assert m.date == "2021-05-18"
    assert m.recipients == ("Chief Executive Officer, Nordic Intercept AB", "Chair, Sur Telecom SA")


@pytest.mark.parametrize("text, date", [
    # the page's publication date gives way to the letter's own dateline
    ("Declaración conjunta\n\nPublicado el 10 de mayo de 2021\n\nLima, 3 de mayo de 2021" + BODY, "2021-05-03"),
    ("Joint letter on dams\n\nPublished on 12 June 2020\n\nWe write about the dams on the river and the villages.\n",
     "2020-06-12"),
    # a news report dated the day it ran; the letter it reports was sent two days before
    ("Groups urge minister to halt relocations\n\nDecember 3, 2020\n\nTwenty rights groups have written to the "
     "minister.\n\nThe joint letter, sent on 1 December, says that families were pressured to move.\n",
     "2020-12-01"),
    # a "sent on" day after the article's date is another event: the article's date stays
    ("Groups urge minister to act\n\nJanuary 5, 2021\n\nThe groups have written to the minister.\n\n"
     "A second letter will be sent on 20 January.\n", "2021-01-05"),
])
def test_date(text, date):
    assert extract_meta(text).date == date


@pytest.mark.parametrize("text, recipients", [
    ("Pronunciamiento\n\nLima, 3 de mayo de 2021\n\nAl Presidente de la República, Pedro Gómez, y al Ministerio "
     "Público del Perú:" + BODY, ("Presidente de la República, Pedro Gómez", "Ministerio Público del Perú")),
    ("Offener Brief zum Lieferkettengesetz\n\nAn: Frau Ministerin Anna Weber, Herrn Minister Paul Kraus\n\n"
     "Sehr geehrte Damen und Herren,\n\nwir schreiben Ihnen heute.\n",
     ("Frau Ministerin Anna Weber", "Herrn Minister Paul Kraus")),
    ("Communiqué commun\n\nParis, le 12 janvier 2023\n\nLes organisations signataires dénoncent la détention de trois "
     "journalistes.\n\nNous demandons aux autorités de transition du pays :\n- la libération des journalistes ;\n\n"
     "Nous appelons également la CEDEAO à maintenir le dialogue.\n",
     ("Autorités de transition du pays", "CEDEAO")),
    # a statement with no address line addresses each body it calls on
    ("Joint statement on the airstrikes\n\n12 April 2023\n\nOn 11 April the military bombed a village.\n\n"
     "We call on the UN Security Council to refer the situation to the court.\n\nWe urge ASEAN to stop inviting "
     "junta representatives.\n\nWe call on the Council of Europe and the UN Human Rights Council to keep the "
     "situation under review.\n",
     ("UN Security Council", "ASEAN", "Council of Europe", "UN Human Rights Council")),
    ("Civil society to the summit: put communities first\nreleased on 5 December 2023\n\nTwelve groups have sent an "
     "open letter to the Summit Presidency and the Board of the Adaptation Fund, calling for direct access.\n",
     ("Summit Presidency", "Board of the Adaptation Fund")),
])
def test_recipients(text, recipients):
    assert extract_meta(text).recipients == recipients


@pytest.mark.parametrize("text, parts", [
    ("Heads of State and Government", ["Heads of State and Government"]),
    ("Council of Europe and the UN Human Rights Council", ["Council of Europe", "UN Human Rights Council"]),
    ("Al Presidente, y al Congreso", ["Al Presidente", "Congreso"]),
    ("autorités de transition du Burkina Faso et du Mali", ["autorités de transition du Burkina Faso et du Mali"]),
])
def test_split_recipients(text, parts):
    assert split_recipients(text) == parts


@pytest.mark.parametrize("text, title", [
    # a standfirst under the heading says what kind of letter it is: the heading is the title
    ("Stop the mines on Indigenous land\n\nA joint statement by Indigenous and environmental organisations on the "
     "new mining code\n\nWe, the undersigned organisations, demand that the government suspend all licences now.\n",
     "Stop the mines on Indigenous land"),
    # a desk's name above the headline
    ("Rights Monitor – Asia Desk\n\nCambodia: Drop the charges against the land activists\n\nWe, the undersigned "
     "organisations, call on the authorities to drop all charges against the eleven activists.\n",
     "Cambodia: Drop the charges against the land activists"),
])
def test_title_under_or_over_other_head_lines(text, title):
    assert extract_meta(text).title == title


@pytest.mark.parametrize("text, date", [
    ("Offener Brief\n\nSehr geehrte Frau Ministerin,\n\nwir schreiben Ihnen heute.\n\nUnterzeichnende "
     "Organisationen:\n- Netzwerk Lieferkette e.V.\n\nBerlin, 7. Februar 2024\n", "2024-02-07"),
    ("Carta abierta\n\nExigimos al Estado la liberación de los presos.\n\nFirmantes:\n- Red Centroamericana\n\n"
     "Managua, 15 de septiembre de 2021\n", "2021-09-15"),
])
def test_a_dateline_under_the_signatures_dates_the_letter(text, date):
    assert extract_meta(text).date == date


@pytest.mark.parametrize("text, recipients", [
    ("Pronunciamiento\n\nExigimos al Estado de Guatemala:\n- liberar a los detenidos\n", ("Estado de Guatemala",)),
    ("India: end internet shutdowns\n\nAugust 30, 2023\n\nA coalition has written to the Ministry of Communications, "
     "backed by the Open Networks Collective and 41 other organisations.\n", ("Ministry of Communications",)),
])
def test_recipients_in_other_words(text, recipients):
    assert extract_meta(text).recipients == recipients


def test_front_matter_open_letter_title_beats_a_first_sentence_but_not_a_printed_heading():
    from graph.extract.letter import parse_letter

    front = "---\ntitle: Open Letter to the European Commission\ndate: 2024-02-01\n---\n"
    body = "Three years since the coup, the military continues to bomb schools, clinics and monasteries.\n"
    assert parse_letter(document_from_text(front + body, "a.md")).title == "Open Letter to the European Commission"
    headed = front + "No trade preferences for the junta\n\n" + body
    assert parse_letter(document_from_text(headed, "b.md")).title == "No trade preferences for the junta"


@pytest.mark.parametrize("line, who", [
    ("Al Presidente de la República, y al Congreso:", "Presidente de la República, y al Congreso"),
    ("A la comunidad internacional:", "comunidad internacional"),
    ("An: Frau Ministerin Weber", "Frau Ministerin Weber"),
    ("Al Jazeera reported,", None),  # "Al" is also a name
    ("Al final del día, nada cambió.", None),
    ("Au cours des dernières années,", None),
])
def test_address_line(line, who):
    from graph.extract.address_lines import address_line

    assert address_line(line) == who


def test_open_letter_to_x_colon_over_its_subtitle_line_is_one_title():
    text = ("Skip to content\nRiverland Rights Watch\nHome   About   Statements\n\nSTATEMENTS\n\n"
            "Open Letter to the Government of Riverland:\nHalt the Relocation of Refugees to Mud Island\n\n"
            "14 May 2021\n\nDear Prime Minister,\n\nWe write to ask you to halt the relocation.\n")
    assert extract_meta(text).title == ("Open Letter to the Government of Riverland: Halt the Relocation of Refugees "
                                        "to Mud Island")
