"""Titles, dates and recipients in shapes met in letters written apart from this reader: headlines over two lines,
e-mails, pasted pages, address blocks of several lines, copies, greetings and month names in more languages
(graph.extract.meta, graph.extract.address_block, graph.extract.recipients, graph.extract.letter_dates). Texts
written for these tests."""
from __future__ import annotations

import pytest

from graph.extract.dates import find_dates
from graph.extract.meta import extract_meta, split_recipients

BODY = ("\n\nWe, the undersigned organisations, are writing to express our deep concern about the arrest of twelve "
        "land defenders in the province since January.\n")


@pytest.mark.parametrize("text, title", [
    # a headline over two lines, the first ending with a colon: a date under the second is no reason to drop the first
    ("RIGHTS WATCH\n\nEnd the Sale of Surveillance Drones:\nExporters Must Stop Shipments to the Border Police\n\n"
     "Joint Statement | 4th May 2024\n" + BODY,
     "End the Sale of Surveillance Drones: Exporters Must Stop Shipments to the Border Police"),
    # a headline that opens with a quotation, under a site's name
    ("Le Journal Citoyen\nAccueil  Tribunes  Enquêtes\n\n« Un toit pour chacun » : l'appel de 20 associations avant "
     "l'hiver\n\nPublié le 3 novembre 2024\n\nLes associations signataires demandent un moratoire sur les expulsions "
     "locatives jusqu'au printemps prochain.\n",
     "« Un toit pour chacun » : l'appel de 20 associations avant l'hiver"),
    # a headline over two lines, the second in lower case, and a date under it
    ("Myanmar: Stop the Airstrikes on Schools and Clinics\nin Sagaing and Magway Regions\n\n4 May 2024\n" + BODY,
     "Myanmar: Stop the Airstrikes on Schools and Clinics in Sagaing and Magway Regions"),
    # a heading in two scripts, one line each: the Latin one
    ("고용허가제 사업장 변경 제한을 폐지하라\nAbolish the Restrictions on Changing Workplaces\n\n" + BODY,
     "Abolish the Restrictions on Changing Workplaces"),
    ("Остановите преследование журналистов\nStop the prosecution of journalists\n" + BODY,
     "Stop the prosecution of journalists"),
    ("မြန်မာ့ လေကြောင်းတိုက်ခိုက်မှုများ ရပ်တန့်ရေး\n\nStop the airstrikes on villages in Sagaing\n\n" + BODY,
     "Stop the airstrikes on villages in Sagaing"),
    ("Hentikan kriminalisasi pembela lingkungan / Stop the criminalisation of environmental defenders\n\n"
     "12 March 2025\n" + BODY, "Stop the criminalisation of environmental defenders"),
    # a line that only says what kind of letter it is, in Indonesian, above its date: the heading below is the title
    ("Surat Terbuka Bersama\n\nJakarta, 12 Maret 2025\n\nHentikan Kriminalisasi Pembela Lingkungan\n\nKami, "
     "organisasi masyarakat sipil yang bertanda tangan di bawah ini, mendesak Presiden untuk bertindak.\n",
     "Hentikan Kriminalisasi Pembela Lingkungan"),
    # a bracketed label before the heading is no part of it
    ("[Joint Statement] Release the Detained Garment Workers Now\n\n3 April 2025\n" + BODY,
     "Release the Detained Garment Workers Now"),
    # an e-mail's subject, without its reply and forward marks, when the letter prints no heading of its own
    ("From: Campaigns Desk\nSent: Monday, March 3, 2025 4:15 PM\nTo: undisclosed-recipients\nSubject: RE: Fwd: "
     "Joint letter to the Asian Development Bank\n\nTo the President of the Asian Development Bank,\n" + BODY,
     "Joint letter to the Asian Development Bank"),
    # e-mail headers pasted with markdown bold: no header line is the title
    ("**From:** Maria Santos <maria@example.org>\n**Sent:** Friday, 7 February 2025 10:02\n**To:** Office of the "
     "President <op@example.gov.ph>\n**Subject:** Open letter: End red-tagging of community journalists\n\n"
     "Dear President," + BODY, "Open letter: End red-tagging of community journalists"),
    # a menu of five items between bars under a site's name: neither is the title, nor the start of the text
    ("Mekong Rights Hub\nAbout Us | Our Work | News | Get Involved | Donate\nSearch\n\nHome » News » Statements\n\n"
     "Cambodia: Stop forced evictions at the lake\n\nMarch 4, 2025\n" + BODY,
     "Cambodia: Stop forced evictions at the lake"),
    # a site's long name over its menu, or named again in the copyright line, above a headline with no date
    ("International Federation for Land and Housing Rights\nHome | About | Campaigns | News\n\nJoint letter to "
     "trade ministers on the palm oil agreement\n" + BODY,
     "Joint letter to trade ministers on the palm oil agreement"),
    ("International Federation for Land and Housing Rights\n\nNo trade deal without land rights for farmers\n" + BODY
     + "\n© 2025 International Federation for Land and Housing Rights. All rights reserved.\n",
     "No trade deal without land rights for farmers"),
    # a menu whose items are set apart by spaces, above a headline with the date over it
    ("Red Nacional de Derechos\nInicio  Quiénes somos  Noticias  Campañas  Contacto\n\n3 de abril de 2025\n\n"
     "Guatemala: Alto a la criminalización de defensores\n\nLas organizaciones abajo firmantes expresamos nuestra "
     "profunda preocupación por la detención de tres defensores comunitarios en el norte del país.\n",
     "Guatemala: Alto a la criminalización de defensores"),
    # a mail reader's subject line and a forwarded message's rule above the letter's heading
    ("Fwd: Sign-on letter – final text\n\n---------- Forwarded message ---------\nFrom: Rina <rina@example.org>\n"
     "Date: Tue, Mar 4, 2025 at 9:12 AM\nSubject: Sign-on letter – final text\nTo: <list@example.net>\n\nOPEN "
     "LETTER\n\nStop the Criminalisation of Land Defenders in Central Sulawesi\n\nPalu, 28 February 2025\n\n"
     "Dear Mr. President," + BODY, "Stop the Criminalisation of Land Defenders in Central Sulawesi"),
    # an e-mail's subject when the letter's head holds only its addressee ("Hon. A" / "Mayor of B")
    ("From: Maria Santos [mailto:maria@example.org]\nSent: 04 March 2025 09:12\nTo: 'Coalition list'\nSubject: "
     "Joint letter - evictions\n\nManila, 28 February 2025\n\nHon. Maria Reyes\nMayor of Manila\n\nDear Mayor "
     "Reyes," + BODY, "Joint letter - evictions"),
])
def test_title(text, title):
    assert extract_meta(text).title == title


@pytest.mark.parametrize("text, date", [
    # a page's publication date gives way to the letter's own dateline under the signatures
    ("Tribune\n\nPublié le 24 mars 2024 à 18h05\n\nMadame la Ministre,\n\nLes associations signataires demandent un "
     "moratoire sur les expulsions locatives.\n\nLyon, le 19 mars 2024\n\nLes signataires :\nUnion des Locataires\n",
     "2024-03-19"),
    # an e-mail's sent date gives way to the forwarded letter's own date
    ("From: Rina <rina@example.org>\nSent: Tuesday, 4 March 2025 09:12\nTo: list@example.net\nSubject: Fwd: letter\n\n"
     "Open letter on the detention of land defenders\n" + BODY + "\nJakarta, 28 Februari 2025\n", "2025-02-28"),
    ("Joint statement\n\nPosted on 10 June 2024 by admin\n" + BODY * 8 + "\nSigned,\nLand Rights Network\n\n"
     "6 June 2024\n", "2024-06-06"),
    # a bare date at the top of a page, and the letter's dateline a few days before it
    ("Stop the evictions at the lake\n\nMarch 14, 2025 | Statements\n\nPhnom Penh, 10 March 2025\n" + BODY,
     "2025-03-10"),
    # a dateline after the page's date is another event: the page's date stays
    ("Statement\n\nPublished on 2 May 2024\n" + BODY + "\nGeneva, 9 May 2024\n", "2024-05-02"),
    ("Surat terbuka\n\nJakarta, 12 Maret 2025\n" + BODY, "2025-03-12"),
    ("Bukas na Liham\n\nLungsod Quezon, ika-7 ng Pebrero, 2025\n" + BODY, "2025-02-07"),
])
def test_date(text, date):
    assert extract_meta(text).date == date


@pytest.mark.parametrize("printed, iso", [
    ("Marso 12, 2025", "2025-03-12"), ("5 Ogos 2024", "2024-08-05"), ("12 maart 2024", "2024-03-12"),
    ("3 października 2024 r.", "2024-10-03"), ("12 марта 2025 г.", "2025-03-12"), ("2025년 3월 10일", "2025-03-10"),
    ("ngày 10 tháng 3 năm 2025", "2025-03-10"), ("14 Nisan 2023", "2023-04-14"),
])
def test_month_names_in_more_languages(printed, iso):
    assert find_dates(printed)[0][0] == iso


@pytest.mark.parametrize("text, recipients", [
    # one To: line each, then a Cc: line with two bodies
    ("Open letter on mining\n\n9 June 2024\n\nTo: The Council of the European Union\nTo: The Office of Foreign Assets "
     "Control, United States Department of the Treasury\nCc: The Human Rights Commission; The Ministry of Energy\n"
     + BODY, ("Council of the European Union", "Office of Foreign Assets Control, United States Department of the "
              "Treasury", "Human Rights Commission", "Ministry of Energy")),
    # a copy line under the signatures
    ("Letter on the dam\n\n3 March 2025\n\nDear Minister of Energy,\n" + BODY + "\nSincerely,\nRiver Watch\n\n"
     "cc: Ministry of Environment; National Human Rights Commission\n",
     ("Minister of Energy", "Ministry of Environment", "National Human Rights Commission")),
    # "To:" alone, one addressee a line
    ("Joint letter on the closure of shelters\n\n3 March 2025\n\nTo:\nThe Minister of Social Affairs\nThe Chair of "
     "the Parliamentary Committee on Social Affairs\n\nDear Minister and Chair,\n" + BODY,
     ("Minister of Social Affairs", "Chair of the Parliamentary Committee on Social Affairs")),
    # a To: line that goes on below it after a comma, and a numbered list under "To:"
    ("Letter on the dam\n\n3 March 2025\n\nTo: The Minister of Energy,\nand the Minister of Environment\n\n"
     "Dear Ministers,\n" + BODY, ("Minister of Energy", "Minister of Environment")),
    ("Letter on the dam\n\n3 March 2025\n\nTo:\n1. The Minister of Energy\n2. The Minister of Environment\n\n"
     "Dear Ministers,\n" + BODY, ("Minister of Energy", "Minister of Environment")),
    # "To," over an office and its address (the address is no addressee)
    ("To,\nThe Hon'ble Chief Minister,\nGovernment of Tamil Nadu,\nSecretariat, Chennai - 600009\n\nSubject: "
     "Protection of salt pan workers\n\nRespected Sir,\n" + BODY, ("Chief Minister", "Government of Tamil Nadu")),
    ("Kepada Yth.\nPresiden Republik Indonesia\ndi Jakarta\n\nPerihal: Hentikan kriminalisasi\n\nDengan hormat,\n"
     + BODY, ("Presiden Republik Indonesia",)),
    # German address lines without a colon
    ("Offener Brief\n\nAn das Bundesministerium des Innern\nAn die Konferenz der Innenminister der Länder (IMK)\n\n"
     "Sehr geehrte Damen und Herren,\n\nwir fordern Sie auf:\n- die Abschiebungen zu stoppen.\n",
     ("Bundesministerium des Innern", "Konferenz der Innenminister der Länder")),
    # Spanish and Portuguese address lines without a colon, before an office; "Al Jazeera" is no address
    ("Carta abierta\n\nCiudad de México, 3 de abril de 2025\n\nAl Presidente de la República\nA la Fiscalía "
     "General de la República\n\nLas organizaciones abajo firmantes expresamos nuestra preocupación.\n",
     ("Presidente de la República", "Fiscalía General de la República")),
    ("Carta aberta\n\nAo Excelentíssimo Senhor Ministro da Justiça\n\nBrasília, 3 de abril de 2025\n\nAs "
     "organizações abaixo assinadas manifestam preocupação.\n", ("Ministro da Justiça",)),
    ("Al Jazeera: liberen a nuestros periodistas\n\n3 de abril de 2025\n\nLas organizaciones abajo firmantes "
     "expresamos nuestra preocupación por la detención de tres periodistas.\n", ()),
    # several greetings
    ("Keep the Internet On\n\nBangkok, 21 August 2024\n\nDear UN Special Rapporteur on Freedom of Expression,\n"
     "Dear Members of the Digital Freedom Coalition,\n" + BODY,
     ("UN Special Rapporteur on Freedom of Expression", "Members of the Digital Freedom Coalition")),
    # greetings in French, Portuguese, Spanish, Filipino
    ("Tribune\n\nParis, le 3 avril 2025\n\nMadame la Ministre chargée du Travail,\nMesdames et Messieurs les "
     "Députés,\n\nNos organisations expriment leur vive inquiétude face aux licenciements.\n",
     ("Ministre chargée du Travail", "Députés")),
    ("Carta aberta\n\nBrasília, 3 de abril de 2025\n\nExcelentíssimo Senhor Presidente da República,\n\nAs "
     "organizações abaixo assinadas vêm manifestar profunda preocupação com a violência.\n",
     ("Presidente da República",)),
    ("Carta abierta\n\nCiudad de México, 3 de abril de 2025\n\nSeñora Presidenta de la República:\n\nLas "
     "organizaciones abajo firmantes expresamos nuestra profunda preocupación por las desapariciones.\n",
     ("Presidenta de la República",)),
    # whom the body calls on: a list of three, and "X and the Y" as two
    ("Joint statement on jet fuel\n\n12 March 2025\n\nWe call on the Government of Thailand, the Government of "
     "Malaysia and the Marine Department of Thailand to stop the shipments.\n",
     ("Government of Thailand", "Government of Malaysia", "Marine Department of Thailand")),
    ("Statement on the media law\n\n14 May 2024\n\nWe, the four undersigned organisations, urge the Parliament of the "
     "Republic and the President of the Republic to withdraw the draft law.\n",
     ("Parliament of the Republic", "President of the Republic")),
    ("Surat terbuka\n\nJakarta, 12 Maret 2025\n\nKami, organisasi masyarakat sipil, mendesak Presiden Republik "
     "Indonesia dan Dewan Perwakilan Rakyat untuk menghentikan kriminalisasi.\n",
     ("Presiden Republik Indonesia", "Dewan Perwakilan Rakyat")),
    ("Tribune\n\n3 avril 2025\n\nNos associations interpellent le gouvernement à agir contre les expulsions.\n",
     ("Gouvernement",)),
    ("Nota pública\n\n3 de abril de 2025\n\nAs organizações abaixo assinadas apelamos às autoridades estaduais "
     "para garantir a proteção dos defensores.\n", ("Autoridades estaduais",)),
    ("Pronunciamiento\n\n3 de mayo de 2025\n\nLas organizaciones firmantes hacemos un llamado al Estado de "
     "Guatemala para que garantice la vida de los defensores.\n", ("Estado de Guatemala",)),
    # an infinitive's "to" before the colon of a list of demands is no part of the addressee
    ("Statement on the siege\n\n2 September 2024\n\nThe siege has lasted five months.\n\nWe urge the Security "
     "Council to:\n- demand an end to the siege;\n", ("Security Council",)),
    # an addressee in capitals: two offices, each in the form of a name
    ("OPEN LETTER TO THE PRESIDENT OF THE REPUBLIC AND THE INSPECTOR-GENERAL OF POLICE\n\n2 July 2024\n\n"
     "Your Excellency,\n" + BODY, ("President of the Republic", "Inspector-General of Police")),
    # an e-mail's greeting to its list ("Dear partners,") above the letter it forwards, which greets its addressee
    ("-----Original Message-----\nFrom: Land Network [mailto:info@example.org]\nSent: Friday, February 28, 2025 "
     "3:01 PM\nTo: Partners\nSubject: Joint letter\n\nDear partners,\n\nPlease find below the final text.\n\n"
     "Stop the Criminalisation of Land Defenders\n\n27 February 2025\n\nDear Minister of Agrarian Affairs," + BODY,
     ("Minister of Agrarian Affairs",)),
    # an address line holding only an e-mail address names no addressee; a name beside its address does
    ("Open letter on wages\n\nTo: minister@labour.example.gov\nSubject: Open letter on wages\n\nDear Minister of "
     "Labour,\n" + BODY, ("Minister of Labour",)),
    ("Open letter on wages\n\n3 March 2025\n\nTo: Minister of Labour <minister@labour.example.gov>\n" + BODY,
     ("Minister of Labour",)),
    # an Indonesian e-mail around the letter: its Kepada: names the mailing list, the letter's greeting the office
    ("Dari: Jaringan Advokasi <info@example.org>\nTanggal: Selasa, 4 Maret 2025 09.12\nKepada: Mitra Jaringan\n"
     "Subjek: Fwd: Surat terbuka final\n\nHentikan Kriminalisasi Pembela Lingkungan\n\nPalu, 28 Februari 2025\n\n"
     "Yth. Bapak Presiden Republik Indonesia,\n" + BODY, ("Presiden Republik Indonesia",)),
    # an e-mail's To: names whom the e-mail went to; the letter's greeting names its addressee
    ("From: Desk <desk@example.org>\nSent: 3 March 2025\nTo: press-list@example.org\nSubject: Joint letter\n\n"
     "Dear Minister of Labour,\n" + BODY, ("Minister of Labour",)),
    # an e-mail pasted from the mail reader: "to me, partners" names whom it reached, not the letter's addressee
    ("Open letter: stop the evictions\nInbox\n\nMaria Santos <maria@example.org>\nTue, Mar 4, 2025, 9:12 AM\n"
     "to me, partners\n\nDear Mayor of Manila," + BODY, ("Mayor of Manila",)),
    ("From: Maria Santos [mailto:maria@example.org]\nSent: 04 March 2025 09:12\nTo: 'Coalition list'\nSubject: "
     "Joint letter\n\nManila, 28 February 2025\n\nHon. Maria Reyes\nMayor of Manila\n\nDear Mayor Reyes," + BODY,
     ("Mayor of Manila",)),
])
def test_recipients(text, recipients):
    assert extract_meta(text).recipients == recipients


@pytest.mark.parametrize("printed, parts", [
    ("The Speaker and Members of the Parliament of the Republic of Uganda",
     ["Speaker and Members of the Parliament of the Republic of Uganda"]),
    ("Maritime and Port Authority of Singapore", ["Maritime and Port Authority of Singapore"]),
    ("the Jogorku Kenesh and the President of the Republic", ["Jogorku Kenesh", "President of the Republic"]),
    ("UNHCR and Members of the Council", ["UNHCR", "Members of the Council"]),
])
def test_split(printed, parts):
    assert split_recipients(printed) == parts


def test_month_words_agree_with_dateparser():
    """Every month name in data/date_words.yaml means the month dateparser (a dependency of the page reader, which
    knows some 200 languages) reads in it; the reader keeps its own list so that a date costs one regex, not a
    parser per line. Names written without their accents ("kasim" for "kasım") dateparser does not know."""
    date_data = pytest.importorskip("dateparser.date")
    from graph.curated import read_yaml

    parser = date_data.DateDataParser(
        languages=["fr", "es", "de", "it", "pt", "id", "ms", "tl", "nl", "tr", "pl", "ru", "en"],
        settings={"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"]})
    read = {}
    for number, words in read_yaml("date_words.yaml")["months"].items():
        for w in words:
            found = parser.get_date_data(f"12 {w} 2025").date_obj
            read[w] = (int(number), found.month if found else None)
    assert [w for w, (want, got) in read.items() if got is not None and got != want] == []
    assert sum(got is not None for _, got in read.values()) >= 0.95 * len(read)


@pytest.mark.parametrize("printed, office", [
    ("Bapak Presiden Republik Indonesia", "Presiden Republik Indonesia"),
    ("Excelentíssimo Senhor Presidente da República", "Presidente da República"),
    ("His Excellency the President", "President"),
    ("Sra. Ana López, Directora", "Directora"),
    ("Hon'ble Chief Minister", "Chief Minister"),
    ("Frau Ministerin Anna Weber", "Frau Ministerin Anna Weber"),  # a person's title before her name stays
])
def test_words_of_respect_before_an_office_are_dropped(printed, office):
    from graph.extract.meta import normalise_recipient

    assert normalise_recipient(printed) == office
