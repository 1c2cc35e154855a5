"""A plain list under its heading, one organization a line, named in sentence case as French, Spanish and
Portuguese names are ("Association des femmes rurales de Diala"): every line is a signatory, not only the ones
whose words are capitalised. What follows the list (a date, a sentence) is not. Invented letters."""
import pytest

from graph.extract.document import document_from_text
from graph.extract.letter import parse_letter

BODY = ("Madame la Ministre,\n\nNous vous demandons de suspendre le bail accordé à la société et de rendre public le "
        "contrat.\n\nVeuillez agréer, Madame la Ministre, l'expression de notre haute considération.\n\n")
NAMES = ["Collectif Terres du Koré", "Fédération nationale des organisations paysannes",
         "Association des femmes rurales de Diala", "Réseau ouest-africain pour la souveraineté alimentaire",
         "Solidarité Paysanne Internationale"]


@pytest.mark.parametrize("heading", ["Organisations signataires :", "Signataires", "Firman:"])
def test_every_line_of_a_sentence_case_list(heading):
    letter = parse_letter(document_from_text(BODY + heading + "\n\n" + "\n".join(NAMES) + "\n", "lettre.txt"))
    assert [s.name for s in letter.signatories] == NAMES


def test_a_date_or_a_sentence_below_the_list_is_no_name():
    text = BODY + "Organisations signataires :\n\n" + "\n".join(NAMES) + "\nOuagadiè, le 3 février 2023\n" + \
        "Pour toute question, écrivez-nous.\n"
    assert [s.name for s in parse_letter(document_from_text(text, "lettre.txt")).signatories] == NAMES


def test_lines_of_prose_under_no_heading_stay_prose():
    text = BODY + "Collectif Terres du Koré\nUne lettre envoyée aux autorités de la région\n"
    names = [s.name for s in parse_letter(document_from_text(text, "lettre.txt")).signatories]
    assert "Une lettre envoyée aux autorités de la région" not in names


def test_the_first_line_under_a_place_heading_in_sentence_case():
    text = (BODY + "Organisations signataires :\n\nFrance\n\nCollectif Frontières Solidaires\nLigue des Familles Sans Papiers\n\n"
            "Suisse\n\nObservatoire romand du droit d'asile (ORDA)\nSolidarité Jura-Exil\n"
            "Association des juristes progressistes de Lausanne\n")
    assert [s.name for s in parse_letter(document_from_text(text, "lettre.txt")).signatories] == [
        "Collectif Frontières Solidaires", "Ligue des Familles Sans Papiers", "Observatoire romand du droit d'asile",
        "Solidarité Jura-Exil", "Association des juristes progressistes de Lausanne"]


def test_a_short_line_of_prose_under_a_heading_is_no_name():
    text = BODY + "Signataires\n\nLes organisations suivantes\nCollectif Terres du Koré\nSolidarité Paysanne Internationale\n"
    assert "Les organisations suivantes" not in [
        s.name for s in parse_letter(document_from_text(text, "lettre.txt")).signatories]
