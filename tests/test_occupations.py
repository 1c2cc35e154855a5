"""A person signing with what she does ("Marie Roe, avocate") against a sentence of the letter that opens with two
capitalised words and a comma ("Since January, at least 23 journalists have been arrested."): an occupation is a
noun phrase; a text holding a finite verb (data/signatory_words.yaml clause_verbs) is a clause. Invented lines."""
import pytest

from graph.extract.document import document_from_bytes
from graph.extract.letter import parse_letter
from graph.extract.people import is_individual


@pytest.mark.parametrize("text, person", [
    ("Marie Roe, avocate", True),
    ("Lucía Roe, defensora de derechos humanos", True),
    ("Jane Roe (independent researcher)", True),
    ("Hans Roe, freier Journalist", True),
    ("Since January, at least 23 journalists have been arrested.", False),
    ("Last Tuesday, two more reporters were detained in the capital.", False),
    ("Depuis Janvier, vingt journalistes ont disparu.", False),
    ("Seit Januar, sind zwanzig Reporter verhaftet worden.", False),
    ("Desde Enero, veinte periodistas han sido detenidos.", False),
])
def test_occupation_or_clause(text, person):
    assert is_individual(text) is person


def test_a_sentence_above_the_list_is_no_person_signing():
    text = ("To: The Minister of Information\n\nWe, the undersigned organizations, call on the government to release "
            "all detained journalists.\n\nSince January, at least 23 journalists have been arrested.\n\nSigned by:\n\n"
            "- Press Freedom Network\n- Reporters Alliance International\n- Jane Roe, independent journalist\n")
    letter = parse_letter(document_from_bytes(text.encode(), "crackdown.txt"))
    assert [s.name for s in letter.signatories] == ["Press Freedom Network", "Reporters Alliance International"]
    assert [p.name for p in letter.individuals] == ["Jane Roe"]
