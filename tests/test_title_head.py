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
