"""Unit tables for title, date and recipient extraction (graph.extract.meta, graph.extract.dates)."""
from __future__ import annotations

import pytest

from graph.extract.meta import extract_meta, normalise_recipient, sentence_case, split_recipients
from graph.extract.dates import find_dates, infer_date

SAL = "\n\nYour Excellencies,\n\nWe write to you today about the situation, which is grave and getting worse.\n"


@pytest.mark.parametrize("head, title, lines", [
    ("To Members of the Council\n1 February 2024\n\nRe: Urgent call for swift action to end the war and protect\n"
     "civilians in Myanmar", "Urgent call for swift action to end the war and protect civilians in Myanmar", (4, 5)),
    ("RE: OPEN LETTER ON THE NEED FOR URGENT ACTION IN MYANMAR", "Open letter on the need for urgent action in Myanmar",
     (1,)),
    ("# JOINT CALL FOR A SPECIAL SESSION ON MYANMAR", "Joint call for a special session on Myanmar", (1,)),
    ("JOINT STATEMENT ON THE DAY OF THE DISAPPEARED\n\nBangladesh: End enforced disappearances\n\nDate: 2023-08-30",
     "Bangladesh: End enforced disappearances", (3,)),
    ("OPEN LETTER TO MEMBERS OF THE COUNCIL\n\nPhilippines: Keep the situation under scrutiny\n\n12th Sept. 2022",
     "Philippines: Keep the situation under scrutiny", (3,)),
    ("Subject: Adopt a strong EU ban on products made with forced labour, including\nforced labour in the Uyghur Region",
     "Adopt a strong EU ban on products made with forced labour, including forced labour in the Uyghur Region", (1, 2)),
])
def test_title(head, title, lines):
    m = extract_meta(head + SAL + "Myanmar and the Council and the Uyghur Region matter.\n")
    assert (m.title, m.title_lines) == (title, lines)


def test_descriptive_title_when_none_is_printed():
    m = extract_meta("The international community must take urgent action to ensure accountability for\n"
                     "atrocities in Myanmar, 46 organizations said today ahead of the anniversary.\n\nMore text.")
    assert m.title == "The international community must take urgent action to ensure accountability for atrocities " \
                      "in Myanmar"


def test_sentence_case_keeps_body_capitals():
    assert sentence_case("JOINT CALL FOR HUMAN RIGHTS COUNCIL SESSION ON MYANMAR",
                         "the Human Rights Council met on Myanmar") == "Joint call for Human Rights Council session on " \
                                                                       "Myanmar"


@pytest.mark.parametrize("text, want", [
    ("1 February 2024", "2024-02-01"), ("February 5, 2021", "2021-02-05"), ("12th Sept. 2022", "2022-09-12"),
    ("April 9th, 2024", "2024-04-09"), ("Date: 2023-08-30", "2023-08-30"), ("05.03.2021", "2021-03-05"),
    ("25/2/2021", "2021-02-25"),
])
def test_printed_dates(text, want):
    assert find_dates(text)[0][0] == want


def test_ambiguous_slash_date_is_skipped():
    assert find_dates("5/2/2021") == []
    assert extract_meta("To: The Council\n\n5/2/2021\n\nDear Members,\n\nText.").date is None


@pytest.mark.parametrize("text, events, want", [
    ("46 organizations said today ahead of the four-year anniver-\n\nsary of the 1 February 2021 military coup.", (),
     "2025-01"),
    ("On the third anniversary of the coup attempt on 1 February 2021 we write.", (), "2024-02"),
    ("In just eight months since the coup, forces have killed 1,100 people.", (("coup", "2021-02-01"),), "2021"),
    ("Four months since the 15 March 2020 floods, families wait.", (), "2020-07"),
    ("The alarming events of the past 48 hours after this coup in Myanmar.", (("coup", "2021-02-01"),), "2021-02"),
    ("Nothing here tells the time.", (("coup", "2021-02-01"),), None),
])
def test_date_inference(text, events, want):
    got = infer_date(text, list(events))
    assert (got[0] if got else None) == want


def test_undated_letter_uses_curated_event_only_in_context():
    body = "\n\nYour Excellencies,\n\nIn just eight months since the coup, {} has suffered.\n"
    assert extract_meta("To UN Member States" + body.format("Myanmar")).date == "2021"
    assert extract_meta("To UN Member States" + body.format("the country")).date is None


@pytest.mark.parametrize("head, want", [
    ("To Members of the United Nations Security Council", ("Members of the UN Security Council",)),
    ("To: Heads of State and Government of the European Union", ("Heads of State and Government of the European Union",)),
    ("To: Chief Executive John Lee and Members of the Legislative Council",
     ("Chief Executive John Lee", "Members of the Legislative Council")),
    # a copy's addressee is a recipient too (as in the gold of letters written apart from this reader)
    ("To: The Honourable Prime Minister of Bangladesh\ncc: UN Working Group",
     ("Prime Minister of Bangladesh", "UN Working Group")),
    ("To: H.E. Gustavo Petro, President of the Republic of Colombia", ("President of the Republic of Colombia",)),
    # an addressee in capitals is put in the form of a name (each word of the office capitalised)
    ("OPEN LETTER TO MEMBERS AND OBSERVERS OF THE UN HUMAN RIGHTS COUNCIL",
     ("Members and Observers of the UN Human Rights Council",)),
    ("14 June 2021\n\nHis Excellency Mr. António Guterres\nSecretary-General of the United Nations\nNew York, NY 10017",
     ("Secretary-General of the United Nations",)),
])
def test_recipients_from_the_head(head, want):
    assert extract_meta(head + SAL + "The UN Human Rights Council must act.\n").recipients == want


def test_salutation_is_not_a_recipient_and_body_addressees_are_found():
    assert extract_meta("Your Excellencies,\n\nWe write.\n").recipients == ()
    m = extract_meta("Members of the Working Group and its friends call upon Her\nMajesty’s Government to act swiftly "
                     "in response to the coup.\nMore.")
    assert m.recipients == ("UK Government",)
    m = extract_meta("We, the undersigned human rights organisations, are deeply concerned and urge the United Nations "
                     "Human Rights Council to take immediate action.")
    assert m.recipients == ("UN Human Rights Council",)
    m = extract_meta("The international community must take urgent action to ensure accountability for atrocities.")
    assert m.recipients == ("International community",)


def test_recipient_helpers():
    assert split_recipients("Heads of State and Government of the EU") == ["Heads of State and Government of the EU"]
    assert split_recipients("ASEAN Member States and International Donors") == ["ASEAN Member States",
                                                                                "International Donors"]
    assert normalise_recipient("HMG") == "UK Government"
    assert normalise_recipient("the United Nations Security Council") == "UN Security Council"


def test_a_title_no_rule_reads_comes_from_the_letters_sidecar():
    """002 prints its title only in an upside-down page header: no general rule reads it (issue 15 item 5), so its
    sidecar gives it; the date and recipients are still read from the text."""
    from pathlib import Path

    from graph.extract.document import read_document
    from graph.extract.letter import parse_letter

    path = Path(__file__).resolve().parents[1] / "data" / "letters" / "002_5cfed3541951de16.txt"
    letter = parse_letter(read_document(path))
    assert letter.title == "Myanmar: Four years after coup, world must demand accountability"
    assert letter.date == "2025-01" and letter.recipients == ("International community",)
    assert extract_meta(path.read_text(encoding="utf-8")).title_lines != (27,)  # the header line is not a title


# ---- issue 15 item 3: dates printed anywhere, titles without page leftovers, recipients ----------------------

@pytest.mark.parametrize("text, date", [
    ("Latest Highlight\n\nJoint statement on the floods\n\nDate: April 10, 2013\n\nWe, undersigned, ask.", "2013-04-10"),
    ("Signup Now!\n\nStatement of farmers' unions\n\nBy Alpha Union, Beta Network and Gamma Forum  •  August 29, "
     "2012\n\nFor more than a year the offensive has gone on and on and we call for it to end now.", "2012-08-29"),
    ("Statement 606 Views\n\nUnions appeal to the government\n\nMarch 3rd, 2019  •  Author: Unions\n\nText.",
     "2019-03-03"),
    ("The coalition's statement, released on May 5 2020, asks for the release of all detainees held since the "
     "protests began in the capital and in the provinces.", "2020-05-05"),
    ("Communiqué commun\nLa motion vient d'être adoptée par l'Assemblée nationale et nous appelons le gouvernement.\n"
     "Paris, le 12 décembre 2023\n", "2023-12-12"),
    ("Pronunciamiento\n\nTegucigalpa, 11 de septiembre de 2017\n\nLas organizaciones firmantes exigen.", "2017-09-11"),
])
def test_the_letter_date_is_found_where_it_is_printed(text, date):
    assert extract_meta(text).date == date


def test_a_post_date_in_front_matter_yields_to_the_letter_date_printed_just_before_it():
    from graph.extract.document import document_from_text
    from graph.extract.letter import parse_letter

    body = "**March 17, 2021**\n\n**Solidarity statement**\n\nWe support the women of Myanmar.\n"
    assert parse_letter(document_from_text(f"---\ndate: 2021-03-18\n---\n{body}", "a.md")).date == "2021-03-17"
    # a curator's date that the text does not contradict stands
    assert parse_letter(document_from_text(f"---\ndate: 2022-01-05\n---\n{body}", "b.md")).date == "2022-01-05"


def test_a_generic_front_matter_title_yields_to_the_printed_heading_and_names_the_recipient():
    from graph.extract.document import document_from_text
    from graph.extract.letter import parse_letter

    md = "---\ntitle: Open Letter to the European Commission\n---\n\n# Keep funding free software\n\nWe ask.\n"
    letter = parse_letter(document_from_text(md, "c.md"))
    assert letter.title == "Keep funding free software" and letter.recipients == ("European Commission",)


@pytest.mark.parametrize("text, title", [
    ("Skip to content\nEnglish | Français | Español\n\nJoint statement on the protection of\ncivilians in El Fasher\n\n"
     "Dear Members of the Council,\n\nWe urge you.", "Joint statement on the protection of civilians in El Fasher"),
    ("Rights Partnership, Strengthening Cooperation for a Free Country\nSignup Now!\nJoin our mailing list for news.\n\n"
     "Statement of Kachin Organizations to Halt the Offensive\n\nBy Alpha Union and Beta Network  •  August 29, 2012\n\n"
     "For more than a year over 90,000 civilians have been displaced by the fighting in the north of the country.",
     "Statement of Kachin Organizations to Halt the Offensive"),
    ("Press Release Archive\n\n- Click on the article of choice then scroll down to view -\n\nFacebookTwitterRSS Feed\n\n"
     "President Urged to Take Action on Sanctions by 22 Human Rights Organizations in the United States\n\n"
     "For Immediate Press Release\nJuly 7, 2011\n\n(Washington) Twenty-two organizations today urged the President.",
     "President Urged to Take Action on Sanctions by 22 Human Rights Organizations in the United States"),
])
def test_titles_skip_web_page_leftovers(text, title):
    assert extract_meta(text).title == title


@pytest.mark.parametrize("text, recipients", [
    ("Open letter\n\nDear Members of Congress,\n\nWe write to express our concern.", ("Members of Congress",)),
    ("Myanmar must listen\nAccess Now, Article 19 and seven others are calling on authorities in Myanmar to end "
     "proceedings against protesters.", ("Authorities in Myanmar",)),
    ("Deux ans après\nNeuf organisations appellent la communauté internationale à agir de toute urgence.",
     ("Communauté internationale",)),
])
def test_recipients_from_the_greeting_or_the_first_sentences(text, recipients):
    assert extract_meta(text).recipients == recipients
