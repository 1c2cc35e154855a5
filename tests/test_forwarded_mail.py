"""A letter forwarded by e-mail: its title, date and addressees are the forwarded letter's, not the forwarder's
note ("Dear all, FYI below ...") nor the subject line; what the letter does not print comes from the e-mail.
Invented e-mails."""
import pytest

from graph.extract.document import document_from_text
from graph.extract.letter import parse_letter

NOTE = ("From: Hanna Roe <hanna@refugee-aid.example>\nSent: Tuesday, 7 May 2019 09:14\nTo: list@watch.example\n"
        "Subject: Fwd: Joint letter to MEPs - end child detention\n\nDear all,\n\nFYI below the final version of the "
        "letter that went out yesterday. Thanks to everyone who signed on.\n\nBest,\nHanna\n\n")
HEADERS = ("From: Secretariat <secretariat@watch.example>\nDate: Mon, May 6, 2019 at 4:52 PM\n"
           "Subject: Joint letter to MEPs - end child detention\nTo: <meps@parliament.example>\n\n\n")
LETTER = ("JOINT LETTER: NO CHILD SHOULD BE DETAINED\n\n6 May 2019\n\nDear Members of the European Parliament,\n\n"
          "We, the undersigned organizations, urge you to hold firm on the position that children must never be "
          "detained for migration purposes.\n\nSigned,\n\nRefugee Children Network\nMigration Watch Europe\n"
          "Nordic Refugee Aid\n")


@pytest.mark.parametrize("rule", ["---------- Forwarded message ---------", "Begin forwarded message:",
                                  "-----Original Message-----"])
def test_the_forwarded_letters_head(rule):
    letter = parse_letter(document_from_text(NOTE + rule + "\n" + HEADERS + LETTER, "fwd.txt"))
    assert letter.title.casefold() == "joint letter: no child should be detained"
    assert letter.date == "2019-05-06"
    assert letter.recipients == ("Members of the European Parliament",)
    assert [s.name for s in letter.signatories] == ["Refugee Children Network", "Migration Watch Europe",
                                                   "Nordic Refugee Aid"]


def test_a_forwarded_letter_without_a_date_takes_the_mails():
    letter = parse_letter(document_from_text(NOTE + "Begin forwarded message:\n" + HEADERS +
                                             LETTER.replace("6 May 2019\n\n", ""), "fwd.txt"))
    assert letter.date == "2019-05-06"


def test_a_press_note_over_a_rule_then_the_letter():
    text = ("Von: Kampagnenbüro Digitale Grundrechte <kontakt@grundrechte.example>\nGesendet: Mittwoch, 15. Mai 2024\n"
            "An: Presseverteiler\nBetreff: PM / Offener Brief: Keine Durchleuchtung privater Nachrichten\n\n"
            "Sehr geehrte Damen und Herren,\n\nanbei übersenden wir Ihnen unseren offenen Brief.\n\n"
            "Mit freundlichen Grüßen\nLena Roe\n\n" + "=" * 40 + "\n\nOffener Brief\n"
            "Keine anlasslose Durchleuchtung privater Nachrichten – Verschlüsselung schützen!\n\nBerlin, 15. Mai 2024\n\n"
            "An\nFrau Bundesministerin des Innern, Dr. Katharina Roe\nHerrn Bundesminister der Justiz, Matthias Roe\n\n"
            "Sehr geehrte Frau Ministerin Roe,\n\nwir fordern Sie auf, im Rat gegen jeden Vorschlag zu stimmen, der "
            "anlasslose Durchsuchungen privater Kommunikation vorsieht.\n")
    letter = parse_letter(document_from_text(text, "mail.txt"))
    assert letter.title == "Keine anlasslose Durchleuchtung privater Nachrichten – Verschlüsselung schützen!"
    assert letter.recipients == ("Frau Bundesministerin des Innern", "Herrn Bundesminister der Justiz")


def test_dutch_address_lines():
    text = ("Aan de Staatssecretaris van Sociale Zaken en Werkgelegenheid\nAan de leden van de vaste Kamercommissie voor "
            "Sociale Zaken\n\nGeachte staatssecretaris,\n\nWij vragen u de scheiding van arbeidscontract en huurcontract "
            "nog dit jaar in te voeren.\n")
    letter = parse_letter(document_from_text(text, "brief.txt"))
    assert len(letter.recipients) == 2 and letter.recipients[0].startswith("Staatssecretaris van Sociale Zaken")
