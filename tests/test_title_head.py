"""Which head line is the title: a heading in capitals that names its kind and goes on over a second line in
capitals is the title (one line in capitals over a mixed-case headline is a label); the line under an address
label alone ("Kepada Yth.") is an addressee. Invented letters."""
import pytest

from graph.extract.meta import extract_meta

BODY = ("\nKami, organisasi masyarakat sipil, menyampaikan keprihatinan mendalam atas rencana reklamasi seluas 1.300\n"
        "hektare di Teluk Sarangan untuk pembangunan kawasan industri.\n")


@pytest.mark.parametrize("head, title", [
    ("SURAT TERBUKA KOALISI MASYARAKAT SIPIL UNTUK\nPENYELAMATAN TELUK SARANGAN\n\nKepada Yth.\n"
     "Presiden Republik Indonesia\ndi Jakarta\n", "surat terbuka koalisi masyarakat sipil untuk penyelamatan teluk sarangan"),
    ("OPEN LETTER FROM FISHERS' GROUPS ON THE\nRECLAMATION OF SARANGAN BAY\n\nTo: The President\n",
     "open letter from fishers' groups on the reclamation of sarangan bay"),
    # one line in capitals over a headline: a label, the headline is the title
    ("JOINT STATEMENT ON THE RECLAMATION OF SARANGAN BAY\n\nSarangan Bay: stop the reclamation now\n\nTo: The President\n",
     "sarangan bay: stop the reclamation now"),
])
def test_title(head, title):
    assert (extract_meta(head + BODY).title or "").casefold() == title


def test_the_line_under_an_address_label_is_no_title():
    meta = extract_meta("Kepada Yth.\nPresiden Republik Indonesia Joko Widodo\ndi Jakarta\n" + BODY)
    assert meta.title != "Presiden Republik Indonesia Joko Widodo"
    assert meta.recipients == ("Presiden Republik Indonesia Joko Widodo",)


def test_the_last_line_of_an_address_block_is_no_title():
    meta = extract_meta("Hon. Dr. Miriam Roe\nCabinet Secretary for Interior and National Administration\n"
                        "Republic of Tenjara\n\nDear Cabinet Secretary,\n\nWe, the undersigned organizations, write "
                        "regarding the National Biometric Identity Bill now before Parliament.\n")
    assert meta.title != "Republic of Tenjara"


def test_a_title_above_a_to_line_in_one_paragraph_stays():
    meta = extract_meta("West Papua: Grant the UN office access without further delay\n10 December 2023\n"
                        "To: the UN High Commissioner for Human Rights\nDear High Commissioner,\nOn Human Rights Day, "
                        "we, the undersigned organizations, write to ask you to renew your request to visit.\n")
    assert meta.title == "West Papua: Grant the UN office access without further delay"


@pytest.mark.parametrize("head, title", [
    ("Myanmar: two years after the 2021 coup the world must act", "myanmar: two years after the 2021 coup the world must act"),
    ("EL AGUA NO SE VENDE: RECHAZAMOS EL PROYECTO DE LEY 4471/2022", "el agua no se vende: rechazamos el proyecto de ley 4471/2022"),
    ("Coordinadora Andina por el Agua                      1/2\n\nPRONUNCIAMIENTO PÚBLICO\n"
     "EL AGUA NO SE VENDE: RECHAZAMOS EL PROYECTO DE LEY 4471/2022",
     "el agua no se vende: rechazamos el proyecto de ley 4471/2022"),
])
def test_a_title_with_a_year_or_a_bill_number_and_no_running_head(head, title):
    meta = extract_meta(head + "\n\nQuito, noviembre de 2022\n\nDear Minister,\n\nWe, the undersigned organizations, "
                        "write to you about the proposal now before parliament.\n")
    assert meta.title.casefold() == title
    assert meta.date == "2022-11"


def test_a_postal_address_in_the_head_is_no_title():
    meta = extract_meta("1600 Pennsylvania Avenue NW, Washington\n\nDear Mr. President,\n\nWe, the undersigned "
                        "organizations, write to you about the proposal now before Congress.\n")
    assert not (meta.title or "").startswith("1600")


def test_numbered_addressees_keep_the_office_names_their_conjunction_joins():
    meta = extract_meta("Jakarta, 7 Agustus 2024\n\nKepada Yth.:\n1. Menteri Energi dan Sumber Daya Mineral Republik "
                        "Indonesia\n2. Menteri Lingkungan Hidup dan Kehutanan Republik Indonesia\n3. Gubernur Provinsi "
                        "Maluku Tenggara Raya\ndi Tempat\n\nDengan hormat,\n\nKami, organisasi masyarakat sipil, "
                        "menyampaikan keprihatinan mendalam atas rencana tambang nikel di Pulau Rantau.\n")
    assert meta.recipients == ("Menteri Energi dan Sumber Daya Mineral Republik Indonesia",
                               "Menteri Lingkungan Hidup dan Kehutanan Republik Indonesia",
                               "Gubernur Provinsi Maluku Tenggara Raya")


def test_a_swahili_to_line_is_an_address_not_a_title():
    meta = extract_meta("BARUA YA WAZI KUHUSU KUONDOLEWA KWA WAFUGAJI\n\nKwa: Mheshimiwa Waziri wa Ardhi\n\n"
                        "Mheshimiwa Waziri,\n\nSisi, mashirika ya kiraia tuliotia saini barua hii, tunakuomba usitishe "
                        "mara moja kuondolewa kwa wafugaji katika bonde.\n")
    assert not meta.title.startswith("Kwa:")
    assert meta.recipients and "Waziri wa Ardhi" in meta.recipients[0]
