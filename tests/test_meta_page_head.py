"""Titles and address lines under a pasted page's banner, and an "Open letter to X:" title line whose subject is
printed on the next line. Invented pages."""
from graph.extract.meta import extract_meta

BANNER = ("Skip to navigation\n"
          "Harbour Watch Network | Protecting the bays and the families who fish in them every season\n"
          "HOME  ABOUT  BAYS  NEWS  STATEMENTS  CONTACT\n\n")


def test_a_long_banner_with_a_bar_is_no_prose_and_the_head_reads_on_below_it():
    text = BANNER + ("Statement / Nov. 15, 2019\n\nNo to the North Bay Dredging: fishers reject plans to restart it\n\n"
                     "Posted in Statements | Leave a comment\n\nTo: Minister of Fisheries Ana Torres\n"
                     "Cc: Harbour Board of Port-Vert\n\nTen years after the dredging was stopped, the company continues "
                     "to lobby for it to restart, and the ministry has met its representatives twice this year.\n")
    meta = extract_meta(text)
    assert meta.title == "No to the North Bay Dredging: fishers reject plans to restart it"
    assert meta.recipients[0].endswith("Ana Torres") and "Harbour Board of Port-Vert" in meta.recipients


def test_an_open_letter_line_ending_in_a_colon_heads_the_title_on_the_next_line():
    text = BANNER + ("Open Letter to the Government of Ruritania:\nHalt the Closure of the North Bay Fisheries\n\n"
                     "March 3rd, 2019 • Staff\n\nYour Excellency,\n\nWe, the undersigned organizations, write to "
                     "express our concern about the closure of the north bay.\n")
    assert extract_meta(text).title == \
        "Open Letter to the Government of Ruritania: Halt the Closure of the North Bay Fisheries"


def test_a_long_headline_ending_with_an_exclamation_is_a_title_not_prose():
    text = ("Carta abierta: ¡Alto a la criminalización de las personas que defienden los ríos en Ruritania!\n\n"
            "Puerto Verde, 8 de septiembre de 2022\n\nSeñora\nMinistra de Ambiente\nPresente\n\n"
            "Estimada señora Ministra:\n\nLas organizaciones firmantes expresamos nuestra profunda preocupación por "
            "la detención de ocho defensores del río.\n")
    assert extract_meta(text).title.startswith("Carta abierta: ¡Alto a la criminalización")


def test_a_letterhead_printed_again_in_the_list_of_signers_is_no_title():
    text = ("North Bay Fishers Desk\nDate: 27 April 2022\nStop the Dredging of the North Bay\n"
            "Joint letter to the Harbour Board\nTo: Harbour Board of Port-Vert\nDear Members of the Board,\n"
            "We, the undersigned fishers' organisations, write to you about the dredging of the north bay and its "
            "effect on the reef.\nSigned by the following organisations:\n1. Reef Watch Collective\n"
            "2. North Bay Fishers Desk\n3. Port-Vert Net Menders\n")
    assert extract_meta(text).title == "Stop the Dredging of the North Bay"


def test_a_spanish_address_block_closed_by_presente_and_a_copy_line_in_the_head():
    text = ("Carta abierta sobre los defensores del río\n\nPuerto Verde, 8 de septiembre de 2022\n\nSeñora\n"
            "Ministra de Ambiente de Ruritania\nPresente\n\nCon copia a: Fiscalía del Distrito Norte; Defensoría del "
            "Pueblo\n\nEstimada señora Ministra:\n\nLas organizaciones firmantes expresamos nuestra profunda "
            "preocupación por la detención de ocho defensores del río.\n")
    recipients = extract_meta(text).recipients
    assert recipients[0] == "Ministra de Ambiente de Ruritania"
    assert "Fiscalía del Distrito Norte" in recipients and "Defensoría del Pueblo" in recipients
    assert "Presente" not in recipients
