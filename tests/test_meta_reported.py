"""Whom a letter calls on without a head noun, copies, and the titles of letters that a page reports and then
prints (graph.extract.addressees, graph.extract.recipients, graph.extract.letter_heading). Texts written for
these tests; every organization and person in them is invented."""
from __future__ import annotations

import pytest

from graph.extract.addressees import addressed_all
from graph.extract.document import document_from_text
from graph.extract.letter import parse_letter
from graph.extract.meta import extract_meta, split_recipients


@pytest.mark.parametrize("text, who", [
    # the phrase between the verb and an infinitive, in any case, without a head noun
    ("We call upon all freedom loving people of the region and its religious leaders to speak out.",
     ["freedom loving people of the region and its religious leaders"]),
    ("We request all the river delta activists to stay peaceful.", ["river delta activists"]),
    ("We urge women around the world to join the strike.", ["women around the world"]),
    ("Les syndicats lancent un appel « à toutes les forces démocratiques [...] pour défendre la presse ».",
     ["forces démocratiques"]),
    ("Exhortamos a las autoridades de la provincia a garantizar la seguridad.", ["autoridades de la provincia"]),
    ("Apelamos aos governos da região a libertar os presos.", []),  # "aos" + a noun: no verb list entry
    # never a pronoun, a clause, a preposition or the verb that follows "write to"
    ("We urge you to act.", []),
    ("We urge restraint.", []),
    ("We write to express our concern to the Minister.", []),
    ("We urge that the talks resume to the benefit of all.", []),
    # "a" before a noun is an English article, not a Spanish infinitive's marker
    ("The letter was sent to the Finance Office with a copy to the Tax Board.", ["Finance Office", "Tax Board"]),
    # a letter's own noun before whom it went to, and whom it was addressed to
    ("Today we sent a joint representation to the Chief Minister's Office that is endorsed by 30 groups.",
     ["Chief Minister's Office"]),
    ("An open letter addressed to Ambassador H.E. Lena Moor, was handed over at the embassy.",
     ["Ambassador H.E. Lena Moor"]),
    ("They filed comments with the Senate Committee on Digital Affairs (SCDA), which reviews the law.",
     ["Senate Committee on Digital Affairs (SCDA)"]),
    # "UN" is no French article
    ("We call on the UN General Assembly to act.", ["UN General Assembly"]),
])
def test_whom_a_letter_calls_on(text, who):
    assert addressed_all(text) == who


def test_a_copy_names_its_addressees_to_the_end_of_the_sentence_wherever_it_is_printed():
    text = ("Road safety: stop the highway cuts\n\nTwelve groups wrote to the Transport Board, asking it to stop the cuts.\n\n" +
            "The cuts would close four clinics on the coast road. " * 40 +
            "\n\nThe letter was sent with a copy to the Ministry of Finance and other regional planning offices.\n")
    assert extract_meta(text).recipients == ("Transport Board", "Ministry of Finance and other regional planning offices")


@pytest.mark.parametrize("text, parts", [
    ("governments of Norway and the Netherlands", ["Governments of Norway", "Governments of the Netherlands"]),
    ("authorities of Laos and Cambodia", ["Authorities of Laos", "Authorities of Cambodia"]),
    ("Heads of State and Government", ["Heads of State and Government"]),  # not a plural head noun
    ("Ministry of Home Affairs and other central government ministries",
     ["Ministry of Home Affairs and other central government ministries"]),
])
def test_a_plural_head_over_two_places_is_two_recipients(text, parts):
    assert split_recipients(text) == parts


def test_the_clause_word_after_a_colon_addressee_is_dropped():
    text = "Pronunciamiento\n\nLas organizaciones firmantes manifestamos ante la comunidad nacional e internacional que:\n"
    assert extract_meta(text).recipients == ("Comunidad nacional e internacional",)


REPORT = ("The river communities staged two protests on 3 May.\n"
          "The demonstrations were organised by the Delta Youth Network and the Coast Fishers Union, who handed over "
          "a joint statement at the embassy gate after a short meeting with the consul.\n"
          "The statement is:-\n")


@pytest.mark.parametrize("text, title", [
    # the head offers link captions only: the printed letter's heading, with its subtitle in capitals
    ("The video report of River TV\nhttp://example.org/v\nReport of the Coast Daily\nhttp://example.org/r\n" + REPORT +
     "Joint Statement by Delta Youth Network and Coast Fishers Union issued on 3rd May 2019\n"
     "STOP THE DAM EVICTIONS\n(1) The river authority evicted 400 families in April.\n",
     "Joint Statement by Delta Youth Network and Coast Fishers Union issued on 3rd May 2019 - STOP THE DAM EVICTIONS"),
    # a report's headline quotes the heading of the letter it prints below: the heading
    ("Thirty Groups in Nine Countries Issue Joint Statement Welcoming the Closure of the Offshore Camp and Urging "
     "Compensation\n\nOn 2 June 2020, thirty groups issued the Joint Statement Welcoming the Closure of the Offshore "
     "Camp, to welcome the decision of the court.\n\nJoint Statement\nWelcoming the Closure of the Offshore Camp\n\n"
     "We the undersigned organisations welcome the closure of the offshore camp after eleven years.\n",
     "Joint Statement Welcoming the Closure of the Offshore Camp"),
    # a headline that does not quote the printed heading stays
    ("Forty groups demand an end to river dredging\n\nForty groups wrote to the minister on 2 June, the groups said "
     "in a press release today.\n\nJoint Statement on dredging in the delta\n\nWe the undersigned organisations ask "
     "the ministry to halt the dredging now.\n", "Forty groups demand an end to river dredging"),
])
def test_title_of_a_letter_printed_under_a_report(text, title):
    assert extract_meta(text).title == title


def test_a_letter_printed_in_two_languages_is_titled_by_its_english_heading():
    page = ("---\ntitle: \"Lettera aperta: Fermate la diga sul fiume\"\n---\n\nLettera aperta: Fermate la diga sul fiume"
            "\n\nlettera aperta\n\nLe organizzazioni firmatarie chiedono di fermare la diga sul fiume.\n\n"
            "Stop the Dam on the River\n\nopen letter\n\nThe undersigned organisations ask the ministry to stop the "
            "dam on the river.\n")
    assert parse_letter(document_from_text(page, "a.md")).title == "Stop the Dam on the River"
    english = page.replace("Lettera aperta: Fermate la diga sul fiume", "Stop the dam now")
    assert parse_letter(document_from_text(english, "b.md")).title == "Stop the dam now"


def test_a_page_title_cut_short_gives_way_to_the_printed_title():
    head = "Forty Organizations in Nine Countries Applaud the Closure of the Offshore Detention Cen"
    full = "Forty Organizations in Nine Countries Applaud the Closure of the Offshore Detention Centre on the Island"
    page = f"---\ntitle: \"{head}\"\n---\n{full}\n\nOn 2 June 2020, forty organizations welcomed the closure.\n"
    assert parse_letter(document_from_text(page, "a.md")).title == full
    whole = f"---\ntitle: \"{full}\"\n---\n{full}\n\nOn 2 June 2020, forty organizations welcomed the closure.\n"
    assert parse_letter(document_from_text(whole.replace(full + "\n\n", "Other line\n\n", 1), "b.md")).title == full


def test_a_statement_addresses_each_body_its_first_paragraphs_call_on_not_only_the_first():
    text = ("Coalition urges parliament to amend the data law\n\nToday, a coalition of digital rights groups urged "
            "the Island Parliament and the Data Council to amend the new data law.\n\nThe coalition filed comments "
            "with the Joint Committee on Security and Data (JCSD), which reviews the law this year.\n")
    assert extract_meta(text).recipients == ("Island Parliament", "Data Council", "Joint Committee on Security and Data")


@pytest.mark.parametrize("text, who", [
    ("Twenty groups wrote to Prime Minister Ada Lind asking her government to free the activists.",
     ["Prime Minister Ada Lind"]),  # "her government" is hers, no other addressee
    ("We call on Her Majesty's Government to act.", ["Her Majesty's Government"]),
])
def test_a_possessive_starts_no_addressee_but_a_title_may(text, who):
    assert addressed_all(text) == who


@pytest.mark.parametrize("text, parts", [
    ("Sovereignty Council and the security forces", ["Sovereignty Council", "security forces"]),
    ("members and the staff of the council", ["members and the staff of the council"]),  # no name on the left
])
def test_and_the_after_a_name_starts_a_second_body(text, parts):
    assert split_recipients(text) == parts


@pytest.mark.parametrize("text", [
    "Home | News | About\n\nAn open letter from teachers on the closure of the river valley\nschools and clinics\n\n"
    "March 3, 2022\n\nWe the undersigned teachers write about the closure of schools in the valley.\n",
    "Menu\nAn open letter from teachers on the closure of the river valley\nschools and clinics\nPosted by admin on "
    "March 3, 2022\nWe the undersigned teachers write about the closure of schools in the valley.\n",
])
def test_a_title_over_two_lines_that_opens_like_a_standfirst_is_one_title(text):
    m = extract_meta(text)
    assert m.title == "An open letter from teachers on the closure of the river valley schools and clinics"
    assert len(m.title_lines) == 2


@pytest.mark.parametrize("text, title", [
    # a scraped page's date field before the first sentence is not part of a descriptive title
    (" date 2021-08-14 A group of forty river groups has written to the Delta Board. The letter asks for a halt.",
     "A group of forty river groups has written to the Delta Board"),
    # a dateline with no year is no title
    ("Ciudad del Lago (lunes 11 de septiembre).- http://example.org/\nLas organizaciones firmantes condenamos el "
     "desalojo de los estudiantes de la universidad.\n",
     "Las organizaciones firmantes condenamos el desalojo de los estudiantes de la universidad"),
])
def test_a_page_date_or_a_dateline_is_no_title(text, title):
    assert extract_meta(text).title == title


def test_a_rebuke_is_addressed_to_whom_it_rebukes():
    text = "Twenty groups came together to rebuke the government of the Delta Republic and insist on a ceasefire."
    assert addressed_all(text) == ["government of the Delta Republic"]
