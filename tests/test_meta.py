"""Unit tables for title, date and recipient extraction (graph.meta, graph.text_dates)."""
from __future__ import annotations

import pytest

from graph.meta import extract_meta, normalise_recipient, sentence_case, split_recipients
from graph.text_dates import find_dates, infer_date
from graph.text_mirror import decode_mirrored

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
    ("To: The Honourable Prime Minister of Bangladesh\ncc: UN Working Group", ("Prime Minister of Bangladesh",)),
    ("To: H.E. Gustavo Petro, President of the Republic of Colombia", ("President of the Republic of Colombia",)),
    ("OPEN LETTER TO MEMBERS AND OBSERVERS OF THE UN HUMAN RIGHTS COUNCIL",
     ("Members and observers of the UN Human Rights Council",)),
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


def test_upside_down_header_is_decoded_with_the_letters_own_words():
    vocab = {"myanmar": 9, "four": 3, "years": 2, "after": 2, "coup": 4, "world": 2, "must": 8, "accountability": 5,
             "for": 20, "the": 50}
    text, share = decode_mirrored("Kpouye uoy Ayjigerunodde puewsp isnw plaom ‘dnod Jaye sieak uno4 sewuel|p|", vocab)
    assert text.startswith("Myanmar four years after coup world must") and "accountability" in text
    assert share >= 0.7
    # a line of ordinary words is not read as one
    assert decode_mirrored("zzq xxv qqj", vocab)[1] == 0.0


def test_letter_without_printed_title_uses_its_upside_down_header():
    from pathlib import Path
    path = Path(__file__).resolve().parents[1] / "data" / "letters" / "002_5cfed3541951de16.txt"
    m = extract_meta(path.read_text(encoding="utf-8"))
    assert m.title_lines == (27,) and m.title.startswith("Myanmar four years after coup")
    assert m.date == "2025-01" and m.recipients == ("International community",)
