"""A saved web page's own title, when the letter's text prints none: the page's og:title, its <title> without the
site's name, or its one <h1>; never a share bar's "Share this:" or a related post's headline. Invented pages."""
import lxml.html
import pytest

from graph.extract.document import document_from_bytes
from graph.extract.letter import parse_letter
from graph.extract.page_titles import page_title

HEADLINE = "Joint Statement: End the Crackdown on Journalists"


def _head(head: str, body: str = "<p>We write to you.</p>") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


@pytest.mark.parametrize("page, expected", [
    (_head(f"<meta property='og:title' content='{HEADLINE}'><title>News | Press Network</title>"), HEADLINE),
    (_head(f"<meta name='twitter:title' content='{HEADLINE}'>"), HEADLINE),
    (_head(f"<title>{HEADLINE} | Press Freedom Network</title>"), HEADLINE),
    (_head(f"<title>Press Freedom Network » {HEADLINE}</title>"), HEADLINE),
    # a dash in a headline is the headline's own, unless the page names its site and the dash parts that off
    (_head("<title>Myanmar – release the detained students now</title>"), "Myanmar – release the detained students now"),
    (_head(f"<meta property='og:site_name' content='Press Freedom Network'>"
           f"<title>{HEADLINE} – Press Freedom Network</title>"), HEADLINE),
    (_head(f"<meta property='og:site_name' content='Press Freedom Network'>"
           f"<title>Press Freedom Network - {HEADLINE}</title>"), HEADLINE),
    # a page that names only its site, or a section, has no title of its own
    (_head("<title>Press Freedom Network</title>"), None),
    (_head("<meta property='og:site_name' content='The Press Freedom Network'>"
           "<title>The Press Freedom Network</title>"), None),
    (_head("<title>News</title>"), None),
    # the one <h1> when the head says nothing
    (_head("", f"<h1>{HEADLINE}</h1><p>We write.</p>"), HEADLINE),
    (_head("", "<h1>Statements on press freedom</h1><h1>Other letters we signed</h1>"), None),
    # a share bar's heading with "title" in its class is no title (an article extractor takes it)
    (_head("", "<h3 class='sd-title'>Share this story with friends</h3><p>We write.</p>"), None),
])
def test_page_title(page, expected):
    assert page_title(lxml.html.fromstring(page)) == expected


# A page whose article prints no title: the headline is in the page's head only, with a share bar and related
# posts (each headed, dated, and starting with the kind of letter) around the letter.
PAGE = f"""<!DOCTYPE html><html lang="en"><head><title>{HEADLINE} | Press Freedom Network</title></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article>
<div class="sharedaddy"><h3 class="sd-title">Share this:</h3><ul><li><a href="#">Twitter</a></li></ul></div>
<div class="entry-content">
<p>To: The Minister of Information, Republic of Freedonia</p>
<p>We, the undersigned organizations, call on the government of Freedonia to release all detained journalists
immediately and unconditionally and to repeal the Media Control Act.</p>
<p>Since January, at least 23 journalists have been arrested.</p>
<p>Signed by:</p>
<ul><li>Press Freedom Network</li><li>Reporters Alliance International</li><li>Freedonia Journalists Union</li></ul>
</div>
<div>{{related}}</div>
</article></main><footer>© 2024 Press Freedom Network</footer></body></html>"""

RELATED = [
    "<h3>Related</h3><p><a href='/y'>Statement on World Press Freedom Day</a> <span>3 May 2022</span></p>",
    "<h3>More statements</h3><h4>Joint letter on the arrest of bloggers</h4><p>12 June 2021</p>"
    "<h4>Statement on World Press Freedom Day</h4><p>3 May 2022</p>",
]


@pytest.mark.parametrize("related", RELATED)
def test_a_letter_without_a_printed_title_takes_the_pages_not_a_related_posts(related):
    letter = parse_letter(document_from_bytes(PAGE.replace("{related}", related).encode(), "crackdown.html"))
    assert letter.title == HEADLINE
    assert letter.title_lines == ()  # the head is not one of the letter's lines
    assert letter.date is None  # the related posts' dates are theirs
    assert [s.name for s in letter.signatories] == ["Press Freedom Network", "Reporters Alliance International",
                                                   "Freedonia Journalists Union"]


def test_a_title_the_letter_prints_wins_over_the_pages():
    page = PAGE.replace("{related}", "").replace('<div class="entry-content">',
                                                 '<div class="entry-content"><h2>Free the Freedonia Journalists</h2>')
    assert parse_letter(document_from_bytes(page.encode(), "crackdown.html")).title == "Free the Freedonia Journalists"


def test_plain_text_has_no_page_title_and_keeps_its_descriptive_one():
    text = ("We, the undersigned organizations, call on the government of Freedonia to release all detained "
            "journalists.\n\nSigned by:\n\n- Press Freedom Network\n- Freedonia Journalists Union\n")
    letter = parse_letter(document_from_bytes(text.encode(), "crackdown.txt"))
    assert letter.title and letter.title.startswith("We, the undersigned organizations")


@pytest.mark.parametrize("copy", ["Copie : Monsieur le Gouverneur de la région du Koré", "Cc: The Governor of Kore Region",
                                  "Tembusan: Gubernur Provinsi Kore", "Con copia a: Señor Gobernador de Koré"])
def test_a_copy_line_in_the_head_is_no_title(copy):
    text = (f"Ouagadiè, le 3 février 2023\n\nÀ l'attention de Madame la Ministre de l'Agriculture\n{copy}\n\n"
            "Madame la Ministre,\n\nNous vous demandons de suspendre le bail accordé à la société Agro-Sahel.\n\n"
            "Organisations signataires :\n\nCollectif Terres du Koré\nSolidarité Paysanne Internationale\n")
    assert parse_letter(document_from_bytes(text.encode(), "lettre.txt")).title != copy


def test_more_from_the_site_below_the_letter_neither_dates_nor_titles_it():
    page = ("<html><head><title>Open Letter on the Biometric Identity Bill | Digital Rights Coalition</title></head><body>"
            "<div class='post-date'>Published 27/08/2024</div><p>Hon. Dr. Miriam Roe<br>Cabinet Secretary for the "
            "Interior<br>Republic of Tenjara</p><p>Dear Cabinet Secretary,</p><p>We, the undersigned organizations, "
            "write regarding the National Biometric Identity Bill now before Parliament.</p><p>Yours faithfully,</p>"
            "<ol><li>Tenjara Digital Rights Coalition</li><li>Privacy First Africa</li><li>Open Source Civic Lab</li>"
            "</ol><div class='more'><h4>More from TDRC</h4><p><a>Submission on the Computer Misuse Bill</a> · "
            "12/06/2024</p><p><a>Internet shutdown tracker: 2023 in review</a> · 30/01/2024</p></div></body></html>")
    letter = parse_letter(document_from_bytes(page.encode(), "letter.html"))
    assert letter.title == "Open Letter on the Biometric Identity Bill"
    assert letter.date == "2024-08-27"
    assert [s.name for s in letter.signatories] == ["Tenjara Digital Rights Coalition", "Privacy First Africa",
                                                   "Open Source Civic Lab"]
