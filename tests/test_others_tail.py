"""A prose list that ends with the number of signers who are not named, in the leads data/signatory_words.yaml
gives ("together with", "along with", "sowie", "ainsi que"): the named ones are the list, the number is the
undisclosed count. Invented sentences."""
import pytest

from graph.extract.document import document_from_text
from graph.extract.letter import parse_letter

NAMED = ["Port Ellery Residents for Public Water", "Friends of the Ellery River", "Blue Commons Institute"]


@pytest.mark.parametrize("tail, count", [
    (", together with 12 other organizations who asked not to be named", 12),
    (", along with 4 other groups", 4),
    (" and 7 other organizations", 7),
    (", plus 30 other organizations from the region", 30),
    ("", None),
])
def test_named_signers_and_the_unnamed_count(tail, count):
    text = ("Dear Members of the Council,\n\nWe ask the Council to reject the concession contract.\n\n"
            f"This letter is signed by {NAMED[0]}, {NAMED[1]} and the {NAMED[2]}{tail}.\n")
    letter = parse_letter(document_from_text(text, "water.txt"))
    assert [s.name for s in letter.signatories] == NAMED
    assert letter.undisclosed_count == count


def test_as_well_as_in_a_semicolon_list_reads_like_its_semicolons():
    from graph.extract.signatories.parts import split_names

    names, _, _ = split_names("Digitale Grundrechte e.V.; Chaos Computer Gruppe Leipzig; Open Knowledge Werkstatt; "
                              "Digitalcourage Bodensee sowie Stiftung Datenschutz", lenient=True)
    assert names[-2:] == ("Digitalcourage Bodensee", "Stiftung Datenschutz")


def test_y_n_nouns_mas_and_a_name_its_acronym_spells_across_a_conjunction():
    text = ("Al Congreso Nacional:\n\nExigimos que se archive el proyecto de ley de aguas.\n\nFirmantes: Colectivo Agua "
            "y Vida de Cuenca, Fundación Pachamama Viva, Asociación de Trabajadoras y Trabajadores del Agua y "
            "Saneamiento (ATAS) y 23 organizaciones más de Ecuador, Perú y Bolivia.\n")
    letter = parse_letter(document_from_text(text, "carta.txt"))
    assert [s.name for s in letter.signatories] == [
        "Colectivo Agua y Vida de Cuenca", "Fundación Pachamama Viva",
        "Asociación de Trabajadoras y Trabajadores del Agua y Saneamiento"]
    assert letter.undisclosed_count == 23


@pytest.mark.parametrize("tail", [", among others", ", entre autres", ", u.a.", ""])
def test_a_list_ending_among_others_splits_its_last_two_names(tail):
    from graph.extract.signatories.parts import split_names

    names, _, _ = split_names(f"NetFreedom Watch, the Kestrava Election Observers Network and Africa Open Internet "
                              f"Alliance{tail}", lenient=True)
    assert names == ("NetFreedom Watch", "Kestrava Election Observers Network", "Africa Open Internet Alliance")


@pytest.mark.parametrize("sentence, names", [
    ("Surat terbuka ini ditandatangani oleh: Koalisi Pesisir Adil; Perkumpulan Nelayan Tradisional Lamarang; "
     "Yayasan Terumbu Lestari; dan Serikat Petani Rumput Laut Wawonii.",
     ["Koalisi Pesisir Adil", "Perkumpulan Nelayan Tradisional Lamarang", "Yayasan Terumbu Lestari",
      "Serikat Petani Rumput Laut Wawonii"]),
    ('Firmantes: Central General de Trabajadores del Istmo (CGTI), Movimiento de Mujeres Obreras "Dolores Bedoya" y '
     "Red Centroamericana de Mujeres en Solidaridad con las Trabajadoras de la Maquila.",
     ["Central General de Trabajadores del Istmo", 'Movimiento de Mujeres Obreras "Dolores Bedoya"',
      "Red Centroamericana de Mujeres en Solidaridad con las Trabajadoras de la Maquila"]),
])
def test_cue_lists_in_more_languages(sentence, names):
    text = f"Kepada Yth. Gubernur Sulawesi Tenggara\n\nKami menolak tambang di pulau kecil.\n\n{sentence}\n"
    assert [s.name for s in parse_letter(document_from_text(text, "surat.txt")).signatories] == names


def test_a_cue_list_and_the_list_its_next_heading_adds_are_one():
    text = ("Señor Ministro:\n\nExigimos el pago de los salarios adeudados.\n\nFirmantes: Federación Sindical de "
            "Trabajadoras de la Maquila (FESTRAM), Central General de Trabajadores del Istmo (CGTI) y Centro de Asesoría "
            "Laboral Popular (CALP).\n\nOrganizaciones internacionales que se adhieren:\n1) Clean Clothes Solidarity "
            "Spain\n2) Maquila Workers Support Network\n3) Internationale Textilarbeiterhilfe\n")
    assert [s.name for s in parse_letter(document_from_text(text, "carta.txt")).signatories] == [
        "Federación Sindical de Trabajadoras de la Maquila", "Central General de Trabajadores del Istmo",
        "Centro de Asesoría Laboral Popular", "Clean Clothes Solidarity Spain", "Maquila Workers Support Network",
        "Internationale Textilarbeiterhilfe"]
