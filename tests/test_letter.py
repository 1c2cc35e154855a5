"""parse_letter: the letter reader as a whole (front matter, inferred signatories, people, provenance)."""
from __future__ import annotations

from pathlib import Path

from graph.extract.document import document_from_text, read_document
from graph.extract.letter import parse_letter
from graph.records import Document

LETTERS = Path(__file__).resolve().parents[1] / "data" / "letters"


def letter(name: str):
    return parse_letter(read_document(next(p for p in LETTERS.glob(name + "*") if p.suffix != ".yaml")))


def test_front_matter_wins_over_the_text():
    doc = document_from_text("---\ntitle: Given title\ndate: 2022-09-05\nrecipients: [UN Human Rights Council]\n"
                             "undisclosed_count: 3\nsource_url: https://example.org/x\n---\n"
                             "To: Someone Else\n\nRe: Printed title\n\n1 January 2020\n\nDear all,\n\nText.\n\n"
                             "Signatories:\nAmnesty International\nHuman Rights Watch\n", "x.md")
    x = parse_letter(doc)
    assert (x.title, x.date, x.recipients, x.undisclosed_count, x.source_url) == (
        "Given title", "2022-09-05", ("UN Human Rights Council",), 3, "https://example.org/x")
    assert [s.name for s in x.signatories] == ["Amnesty International", "Human Rights Watch"]
    assert x.title_lines == () and x.date_lines == ()


def test_front_matter_signatories_replace_the_list():
    doc = Document("x.md", "Text.\n\nSignatories:\nA Group\nB Group\n",
                   meta={"signatories": ["Given Org", {"name": "Other Org", "acronym": "OO"}]})
    assert [(s.name, s.acronym) for s in parse_letter(doc).signatories] == [("Given Org", None), ("Other Org", "OO")]


def test_signer_with_curated_organization_is_an_inferred_signatory():
    x = letter("000_")
    assert x.signed_by.name == "Agnès Callamard" and x.signed_by.role == "Secretary General"
    assert [(s.name, s.inferred) for s in x.signatories] == [
        ("Amnesty International", "signed by Agnès Callamard")]
    assert x.signatories[0].lines == (90, 91)


def test_printed_signer_organization():
    doc = document_from_text("Dear Secretary-General,\n\nI write on behalf of our group to urge action now.\n\n"
                             "Sincerely,\n\nHanna Tesfaye\nExecutive Director\nHorn of Africa Rights Watch\n")
    x = parse_letter(doc)
    assert (x.signed_by.name, x.signed_by.role, x.signed_by.organization) == (
        "Hanna Tesfaye", "Executive Director", "Horn of Africa Rights Watch")
    assert [(s.name, s.inferred) for s in x.signatories] == [("Horn of Africa Rights Watch",
                                                              "signed by Hanna Tesfaye")]


def test_contact_organizations_when_nothing_else_is_printed():
    x = letter("004_")
    assert [(c.person, c.role, c.organization) for c in x.contacts] == [
        ("Mark Farmaner", "Director", "Burma Campaign UK"),
        ("Dr Kate Ferguson", "Co-Executive Director", "Protection Approaches")]
    assert [(s.name, s.inferred) for s in x.signatories] == [("Burma Campaign UK", "contact organization"),
                                                             ("Protection Approaches", "contact organization")]
    assert x.contacts[0].email == "Mark.Farmaner@burmacampaign.org.uk"


def test_contacts_are_not_signatories_when_a_list_exists():
    x = letter("001_")
    assert len(x.contacts) == 4 and x.contacts[1].person == "Elena"
    assert not any(s.inferred for s in x.signatories)
    assert x.claimed_total == 462 and x.undisclosed_count == 84


def test_line_fates_and_skipped_lines():
    x = letter("001_")
    fates = {line: fate for line, fate, _ in x.line_fates}
    assert fates[136] == "signatory" and fates[309] == "sub-member" and fates[126] == "contact"
    assert fates[248] == "skipped" and fates[193] == "skipped"
    assert {s.line: s.reason for s in x.skipped}[248] == "garbled OCR"
    y = letter("002_")
    assert [(s.line, s.reason) for s in y.skipped] == [(27, "mirrored text")]


def test_inferred_date_is_explained_in_warnings():
    x = letter("004_")
    assert x.date == "2021-02"
    assert any("48 hours" in w for w in x.warnings)


def test_empty_and_odd_documents_do_not_raise():
    for text in ("", "\n\n", "•\n•\n", "1.\n2.\n3.", "Signatories:\n"):
        x = parse_letter(Document("odd.txt", text))
        assert x.signatories == ()
