"""Every input a user has becomes the reader's plain lines: web pages, markdown, PDFs (columns, scans), docx."""
from __future__ import annotations

import io
import shutil
import time
from pathlib import Path

import pytest

from documents import docx_file, scanned_pdf, text_pdf
from graph.extract.document import document_from_bytes, document_from_text, read_document

REAL = Path(__file__).resolve().parent.parent.parent / "shared" / "letters-real"

PAGE = """<!DOCTYPE html><html lang="en"><head><title>Rights Now | Open letter on Sudan</title>
<meta property="article:published_time" content="2024-05-20"><script>var x = "<p>not text</p>";</script>
<style>p { color: red }</style></head><body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header"><div class="site-title">Rights Now</div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/about">About</a></li><li><a href="/news">News</a></li></ul></nav>
<ul class="language-switcher"><li>English</li><li>Français</li><li>Español</li></ul></header>
<main><article>
<h1>Open letter on the siege of El Fasher</h1>
<p class="byline">Published on 20 May 2024</p>
<p>Dear Members of the Security Council,</p>
<p>We, the undersigned organizations, urge you to act now to protect civilians in El Fasher, where hundreds of
thousands of people are trapped by the fighting and cut off from food, water and medical care.</p>
<h2>Signatories</h2>
<ul><li><a href="https://a.example">Alpha Rights Network</a></li><li>Beta Women&#39;s Union</li>
<li>Gamma &amp; Delta Legal Aid</li></ul>
<table><tr><th>Organization</th><th>Country</th></tr><tr><td>Epsilon Watch</td><td>Kenya</td></tr></table>
<ul class="tabs"><li data-category="people">Individuals</li></ul>
<ul class="signatories" data-category="people"><li>Jane Doe</li></ul>
<div class="share-buttons">Share on Twitter Share on Facebook</div>
</article>
<section class="related-posts"><h3>Related posts</h3><ul><li>Another statement</li></ul></section>
<div id="comments"><h3>Leave a comment</h3><p>Great letter!</p></div></main>
<footer><p>Copyright 2024 Rights Now. All rights reserved.</p></footer></body></html>"""


def test_saved_web_page_keeps_the_article_and_its_lists_and_drops_the_page_around_it():
    doc = document_from_bytes(PAGE.encode("utf-8"), "letter.html")
    lines = doc.text.split("\n")
    assert lines[0] == "Open letter on the siege of El Fasher"
    for kept in ("- Alpha Rights Network", "- Beta Women's Union", "- Gamma & Delta Legal Aid",
                 "Organization | Country", "Epsilon Watch | Kenya", "Individuals", "- Jane Doe", "Signatories"):
        assert kept in lines, kept
    text = doc.text
    for dropped in ("Skip to content", "Home", "Français", "Share on", "Related posts", "Great letter",
                    "Copyright", "not text", "color: red"):
        assert dropped not in text, dropped
    assert lines.index("Individuals") < lines.index("- Jane Doe")  # the tab's label is printed above its panel
    assert doc.format == "html"


def test_page_source_saved_as_txt_or_md_is_read_as_a_page():
    for name in ("pasted.txt", "saved.md"):
        doc = document_from_text(PAGE, name)
        assert "- Alpha Rights Network" in doc.text.split("\n") and "<li>" not in doc.text and doc.format == "html"


def test_a_web_page_letter_gets_its_title_date_and_recipients():
    from graph.extract.letter import parse_letter

    letter = parse_letter(document_from_bytes(PAGE.encode("utf-8"), "letter.html"))
    assert letter.title == "Open letter on the siege of El Fasher"
    assert letter.date == "2024-05-20"
    assert letter.recipients == ("Members of the Security Council",)


@pytest.mark.parametrize("name, fmt", [("r2-14-apple-privacy-letter-organizations-2021.html", "html"),
                                       ("r2-16-stopwatchingus-letter-to-congress-2013.html", "html")])
def test_signatory_lists_of_real_saved_pages_survive(name, fmt):
    path = REAL / name
    if not path.exists():
        pytest.skip("../shared/letters-real is not here")
    import yaml

    gold = yaml.safe_load((REAL.parent / "gold-real" / path.with_suffix(".yaml").name).read_text(encoding="utf-8"))
    doc = read_document(path)
    items = {ln[2:] for ln in doc.text.split("\n") if ln.startswith("- ")}
    names = [s["name"] for s in gold["signatories"]]
    assert sum(n in items for n in names) >= 0.95 * len(names)
    assert doc.format == fmt and "<" not in doc.text


def test_markdown_front_matter_tables_links_and_entities():
    md = ("+++\ntitle = 'Forty groups write'\ndate = 2020-05-02T06:03:00Z\nauthor = 'A. Writer'\n+++\n\n"
          "# Heading &amp; more\n\nSee [our post](https://x.example/p \"t\") and <b>bold</b> text.\n\n"
          "| Name | Country |\n|:-----|--------:|\n| [Alpha](https://a.example) | Chile |\n| Beta \\| Co | Peru |\n\n"
          "* one\n1. first\n\n![logo](https://x.example/l.png)\n")
    doc = document_from_text(md, "post.md")
    assert doc.meta["title"] == "Forty groups write" and doc.meta["date"] == "2020-05-02"
    lines = [ln for ln in doc.text.split("\n") if ln.strip()]
    assert lines == ["Heading & more", "See our post and bold text.", "Name | Country", "Alpha | Chile",
                     "Beta | Co | Peru", "- one", "1. first"]


def test_pelican_header_and_grid_tables():
    md = ("Title: Una lettera\nDate: 2009-12-10 15:07\nAuthor: admin\n\nIntro.\n\n"
          "+--------------+------------------+\n"
          "| <p>          | [Alpha Rights    |\n"
          "| [![](http:// | Network](http:// |\n"
          "| x.y/l.png)]( | a.example) -     |\n"
          "| http://a.b)  | Germany\\         |\n"
          "|              | Works on rights. |\n"
          "+--------------+------------------+\n")
    doc = document_from_text(md, "l.md")
    assert doc.meta["title"] == "Una lettera" and doc.meta["date"] == "2009-12-10"
    assert "Alpha Rights Network - Germany; Works on rights." in doc.text.split("\n")


def _two_column_pdf() -> bytes:
    rows = [(0.1, 0.95, "Joint statement printed in two columns")]
    for i in range(12):  # written row by row, so the file's own order interleaves the columns
        rows += [(0.08, 0.9 - i * 0.016, f"Left paragraph line {i + 1} of the letter"),
                 (0.55, 0.9 - i * 0.016, f"Signatory Network Number {i + 1}")]
    return text_pdf(rows, size=(8.27, 11.69))


def test_two_column_pdf_is_read_column_by_column():
    lines = [ln for ln in document_from_bytes(_two_column_pdf(), "two.pdf").text.split("\n") if ln.strip()]
    assert lines[0] == "Joint statement printed in two columns"
    assert lines[1:13] == [f"Left paragraph line {i} of the letter" for i in range(1, 13)]
    assert lines[13:25] == [f"Signatory Network Number {i}" for i in range(1, 13)]


def _letter_then_two_columns_of_names() -> bytes:
    """A full-width letter, then its signatories in two columns whose names wrap inside the column: lines of one
    name a line's pitch apart, names a little further apart, as a list spaces its items."""
    prose = "We write as churches, unions and community groups from across the region to ask the government to act"
    rows = [(0.08, 0.95, "Open letter on the coal mines")]
    rows += [(0.08, 0.92 - i * 0.016, prose) for i in range(8)]
    rows.append((0.08, 0.76, "Signatories"))
    left = [["Alpha Rights Network — Fiji"], ["Beta Women's Fishing", "Collective — Tonga"], ["Gamma Youth Forum — Samoa"],
            ["Delta Church Council for the", "Ocean — Palau"], ["Epsilon Watch — Niue"]]
    right = [["Zeta Land Defenders — Guam"], ["Eta Teachers' Union Climate", "Committee — Nauru"], ["Theta Lawyers — Tuvalu"],
             ["Iota Seed Sovereignty", "Network — Kiribati"], ["Kappa Climate Voices — Samoa"]]
    for x, column in ((0.08, left), (0.55, right)):
        y = 0.73
        for item in column:
            for k, line in enumerate(item):
                rows.append((x, y, line))
                y -= 0.0155 if k + 1 < len(item) else 0.0195  # the list's spacing between names
    return text_pdf(rows, size=(8.27, 11.69))


def test_names_in_two_columns_below_a_full_width_letter_are_read_column_by_column_one_name_a_line():
    lines = [ln for ln in document_from_bytes(_letter_then_two_columns_of_names(), "c.pdf").text.split("\n") if ln]
    assert lines[1].startswith("We write as churches") and lines.count(lines[1]) == 8  # the letter is read across
    names = lines[lines.index("Signatories") + 1:]
    assert names == ["Alpha Rights Network — Fiji", "Beta Women's Fishing Collective — Tonga", "Gamma Youth Forum — Samoa",
                     "Delta Church Council for the Ocean — Palau", "Epsilon Watch — Niue", "Zeta Land Defenders — Guam",
                     "Eta Teachers' Union Climate Committee — Nauru", "Theta Lawyers — Tuvalu",
                     "Iota Seed Sovereignty Network — Kiribati", "Kappa Climate Voices — Samoa"]


def test_names_one_a_line_in_two_columns_with_wider_gaps_between_groups_stay_one_a_line():
    rows = [(0.08, 0.95, "We write as churches, unions and community groups from across the region to ask you to act")]
    for x, names in ((0.08, ["Alpha Network", "Beta Union", "Gamma Forum", "Delta Trust", "Epsilon Watch", "Zeta Hub"]),
                     (0.55, ["Eta Council", "Theta Lab", "Iota Circle", "Kappa Group", "Lambda Fund", "Mu Alliance"])):
        y = 0.9
        for k, name in enumerate(names):
            rows.append((x, y, name))
            y -= 0.0155 if k != 2 else 0.0195  # a group of three, then a slightly wider gap, then the next group
    lines = [ln for ln in document_from_bytes(text_pdf(rows, size=(8.27, 11.69)), "g.pdf").text.split("\n") if ln]
    assert lines[1:] == ["Alpha Network", "Beta Union", "Gamma Forum", "Delta Trust", "Epsilon Watch", "Zeta Hub",
                         "Eta Council", "Theta Lab", "Iota Circle", "Kappa Group", "Lambda Fund", "Mu Alliance"]


@pytest.mark.skipif(shutil.which("tesseract") is None or shutil.which("pdftoppm") is None,
                    reason="tesseract-ocr / poppler-utils not installed")
def test_scanned_pdf_is_read_by_ocr():
    data = scanned_pdf(["Joint statement on Myanmar", "Signed by:", "1. Burma Campaign UK",
                         "2. Progressive Voice", "3. Fortify Rights"])
    t0 = time.perf_counter()
    doc = document_from_bytes(data, "scan.pdf")
    seconds = time.perf_counter() - t0
    print(f"OCR: {seconds:.1f} s for 1 page")
    for name in ("Joint statement on Myanmar", "Burma Campaign UK", "Progressive Voice", "Fortify Rights"):
        assert name in doc.text


def test_scanned_pdf_without_tesseract_says_what_to_install(monkeypatch):
    from graph.extract import ocr
    from graph.extract.document import LoadError

    monkeypatch.setattr(ocr.shutil, "which", lambda tool: None)
    with pytest.raises(LoadError, match=r"scan.pdf: .*install tesseract-ocr and poppler-utils"):
        document_from_bytes(scanned_pdf(["Hello"]), "scan.pdf")


def test_docx_paragraphs_and_tables_in_order_with_rows_as_cells():
    import docx

    d = docx.Document(io.BytesIO(docx_file(["Joint letter on Sudan"], [["Organization", "Country"],
                                                                       ["Amnesty International", "UK"]])))
    d.add_paragraph("Closing words")
    buf = io.BytesIO()
    d.save(buf)
    doc = document_from_bytes(buf.getvalue(), "x.docx")
    assert doc.text.split("\n") == ["Joint letter on Sudan", "Organization | Country", "Amnesty International | UK",
                                    "Closing words"]


def test_page_builder_articles_in_widget_elements_are_kept():
    page = ('<html><body><nav>Home About</nav><div class="elementor-widget-container"><h1>Open letter on water</h1>'
            '<p>We the undersigned organizations urge the ministry to restore water to the camps now.</p>'
            '<ul><li>Alpha Network</li></ul></div><div class="elementor-widget footer-widget">Copyright</div>'
            '<a href="#top">Back to top</a></body></html>')
    lines = document_from_text(page, "p.html").text.split("\n")
    assert lines == ["Open letter on water", "", "We the undersigned organizations urge the ministry to restore "
                     "water to the camps now.", "", "- Alpha Network"]


def test_a_table_cell_broken_by_br_keeps_its_name_apart_and_comments_quoting_the_title_go():
    title = "Open letter on the protection of free software funding in the European research programme"
    page = (f'<html><body><h1>{title}</h1><p>We, the undersigned organisations, ask the Commission to keep funding '
            'free software in the next research programme, as it has done since 2020.</p><table>'
            '<tr><td><a href="http://a.org">Alpha Data Circle</a> - Germany<br>A group defending privacy.</td>'
            '<td>NGO</td></tr><tr><td>Beta Commons<p>Free software for schools</p></td><td>Association</td></tr>'
            f'</table><div id="comments" class="comments-area"><h2>2 thoughts on “{title}”</h2>'
            '<p>Great letter!</p></div></body></html>')
    lines = document_from_text(page, "p.html").text.split("\n")
    assert "Alpha Data Circle - Germany; A group defending privacy. | NGO" in lines
    assert "Beta Commons; Free software for schools | Association" in lines
    assert not any("thoughts on" in ln or "Great letter" in ln for ln in lines)


def test_a_letter_saved_as_a_page_keeps_its_lines():
    letter = ["Joint statement on the floods", "1 March 2024", "To the Minister of Water", "",
              "Dear Minister,", "We urge you to act.", "", "Signed,", "1. Alpha Network", "2. Beta Union"]
    pre = "<pre>" + "\n".join(letter) + "</pre>"
    brs = "<p>" + "<br>\n".join(letter[:3]) + "</p><p>" + "<br>".join(letter[4:6]) + "</p><p>" + \
        "<br>".join(letter[7:]) + "</p>"
    for body in (pre, brs):
        page = f"<html><body><nav><ul><li>Home</li><li>News</li></ul></nav><main>{body}</main>" \
               "<footer>Contact us</footer></body></html>"
        lines = [ln for ln in document_from_text(page, "l.html").text.split("\n") if ln]
        assert lines == [ln for ln in letter if ln]


def _as_page(text: str) -> str:
    """A letter as a site would publish it: paragraphs in <p> with <br> line breaks, inside a page's furniture."""
    import html

    body = "\n".join("<p>" + "<br>\n".join(html.escape(ln) for ln in p.split("\n")) + "</p>" for p in text.split("\n\n"))
    return ('<!DOCTYPE html><html><head><title>News | Site</title></head><body>'
            '<a class="skip-link" href="#content">Skip to content</a><header class="site-header">'
            '<div class="site-branding"><a href="/">Civil Society Network</a></div><nav><ul><li><a href="/">Home</a></li>'
            '<li><a href="/about">About us</a></li></ul></nav><div class="language-switcher"><a href="/en">English</a> | '
            f'<a href="/fr">Français</a></div></header><main id="content"><article><div class="entry-content">{body}'
            '</div><div class="sharedaddy"><h3>Share this:</h3><ul><li>Twitter</li></ul></div></article>'
            '<div class="related-posts"><h3>Related</h3><ul><li><a href="/x">Another statement</a></li></ul></div>'
            '<div id="comments"><h3>2 thoughts</h3><p>Thank you!</p></div></main><footer class="site-footer">'
            '<p>© 2024 Civil Society Network. All rights reserved.</p></footer></body></html>')


def test_real_letters_read_the_same_from_a_saved_page_as_from_text():
    from graph.extract.letter import parse_letter

    paths = sorted(REAL.glob("*.txt")) if REAL.is_dir() else []
    if not paths:
        pytest.skip("../shared/letters-real is not here")
    for path in paths:
        text = path.read_text(encoding="utf-8")
        plain = parse_letter(document_from_text(text, path.name))
        page = parse_letter(document_from_text(_as_page(text), path.stem + ".html"))
        assert [s.name for s in page.signatories] == [s.name for s in plain.signatories], path.name
        assert (page.title, page.date) == (plain.title, plain.date), path.name


def test_markdown_with_a_few_inline_tags_stays_markdown():
    md = ("By A. Writer\n\n[caption id=\"1\"]<a href=\"x.jpg\"><img src=\"x.jpg\"></a> Protest[/caption]\n\n"
          "Thirty organizations sought the release of Mishu.\n\n<div style=\"text-align:center\">Donate</div>\n\n"
          "Signed by:\n\n1. Alpha Network\n2. Beta Union\n")
    doc = document_from_text(md, "post.md")
    assert doc.format == "markdown"
    assert [ln for ln in doc.text.split("\n") if ln.strip()] == [
        "By A. Writer", " Protest", "Thirty organizations sought the release of Mishu.", "Donate", "Signed by:",
        "1. Alpha Network", "2. Beta Union"]


def test_a_lone_h1_below_the_letter_does_not_cut_the_letter():
    para = "<p>We, the undersigned organizations, urge the government to release every detained journalist now.</p>"
    page = f"<html><body><p>Open letter on press freedom</p>{para * 20}<h1>Signatories</h1><ul><li>Alpha Network</li>" \
           "</ul></body></html>"
    lines = document_from_text(page, "p.html").text.split("\n")
    assert lines[0] == "Open letter on press freedom" and "- Alpha Network" in lines


def test_a_table_of_names_and_countries_is_read_across_its_rows():
    rows = [(0.1, 0.95, "Signatories")]
    for i, country in enumerate(["Kenya", "Chile", "Nepal", "Peru", "Japan", "Fiji", "Laos", "Mali"]):
        rows += [(0.08, 0.9 - i * 0.016, f"Network for Rights Number {i + 1}"), (0.6, 0.9 - i * 0.016, country)]
    lines = [ln for ln in document_from_bytes(text_pdf(rows, size=(8.27, 11.69)), "t.pdf").text.split("\n") if ln]
    assert lines[1:3] == ["Network for Rights Number 1 Kenya", "Network for Rights Number 2 Chile"]


def _two_column_page_with_grouped_names_not_level() -> bytes:
    """A page printed in two columns throughout: the letter's prose, an empty band, then the signatories under
    country headings. The right column's lines sit half a line lower than the left's (no row has text on both
    sides), and each column's run of names is longer than one name could wrap to."""
    left_prose = [f"Left prose line {i} of the letter" for i in range(1, 6)]
    right_prose = [f"Right prose line {i} of the letter" for i in range(1, 6)]
    left = ["Signatories", "NORTHLAND", "Alpha Rights Network", "Beta Women's Forum", "Gamma Youth Union",
            "Delta Legal Trust", "SOUTHLAND", "Epsilon Watch", "Zeta Peace Council", "Eta Refugee Society"]
    right = ["Theta Justice Forum", "Iota Solidarity Trust", "EASTLAND", "Kappa Migrant Union", "Lambda Aid Society",
             "Mu Shelter Network", "Nu Stateless Council", "WESTLAND", "Xi Humanitarian Trust", "Omicron Youth Watch"]
    pitch, group = 0.016, 0.022  # a heading has a little more space above it than a name has
    rows = [(0.08, 0.95, "Open letter printed in two columns from top to bottom")]
    for x, lines, y in ((0.08, left_prose, 0.91), (0.55, right_prose, 0.905)):
        for k, line in enumerate(lines):
            rows.append((x, y - k * pitch, line))
    for x, lines, y in ((0.08, left, 0.70), (0.55, right, 0.692)):
        for line in lines:
            y -= group if line.isupper() else pitch
            rows.append((x, y, line))
    return text_pdf(rows, size=(8.27, 11.69))


def test_two_columns_whose_lines_are_not_level_are_read_block_by_block_and_column_by_column_one_name_a_line():
    lines = [ln for ln in document_from_bytes(_two_column_page_with_grouped_names_not_level(), "t.pdf").text.split("\n")
             if ln.strip()]
    assert lines[0] == "Open letter printed in two columns from top to bottom"
    prose = lines[1:lines.index("Signatories")]
    # the prose block is read whole before the list (left column, then right), whatever the reflow joins
    assert " ".join(prose) == " ".join([f"Left prose line {i} of the letter" for i in range(1, 6)] +
                                       [f"Right prose line {i} of the letter" for i in range(1, 6)])
    assert lines[lines.index("Signatories"):] == [
        "Signatories", "NORTHLAND", "Alpha Rights Network", "Beta Women's Forum", "Gamma Youth Union",
        "Delta Legal Trust", "SOUTHLAND", "Epsilon Watch", "Zeta Peace Council", "Eta Refugee Society",
        "Theta Justice Forum", "Iota Solidarity Trust", "EASTLAND", "Kappa Migrant Union", "Lambda Aid Society",
        "Mu Shelter Network", "Nu Stateless Council", "WESTLAND", "Xi Humanitarian Trust", "Omicron Youth Watch"]
