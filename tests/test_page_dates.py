"""A saved web page's own date, when neither its markup nor the letter prints one: the one date in the page's short
texts (a signature counter in <noscript>). Invented pages."""
from graph.extract.document import document_from_bytes
from graph.extract.letter import parse_letter

LETTER = ("<h1>Stop the Dredging</h1><p>Dear Members of the Harbour Council,</p>"
          "<p>We write to ask you to halt the dredging of the north bay until its effects on the reef are known, "
          "and to publish the studies the council has commissioned.</p>"
          "<p>Signed,</p><ul><li>North Shore Fishers Union</li><li>Reef Watch Collective</li></ul>")


def _page(banner: str, letter: str = LETTER) -> bytes:
    return (f"<html><head><title>Stop the Dredging</title></head><body><div id='counter'>"
            f"<div>signatures so far</div>{banner}</div><div class='content'>{letter}</div></body></html>").encode()


def test_a_counters_date_dates_a_page_whose_letter_prints_none():
    doc = document_from_bytes(_page("<noscript>1:30am EST 14/6/2013</noscript>"), "dredging.html")
    assert parse_letter(doc).date == "2013-06-14"


def test_the_letters_own_date_wins_over_the_pages():
    letter = LETTER.replace("<p>Dear", "<p>Harbourtown, 2 May 2013</p><p>Dear")
    doc = document_from_bytes(_page("<noscript>1:30am EST 14/6/2013</noscript>", letter), "dredging.html")
    assert parse_letter(doc).date == "2013-05-02"


def test_several_dates_on_the_page_date_nothing():
    doc = document_from_bytes(_page("<noscript>14/6/2013</noscript><div>Related: 9 May 2012</div>"), "dredging.html")
    assert parse_letter(doc).date is None
