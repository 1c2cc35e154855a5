"""Whom a statement with no address line addresses: demands on a that-clause's subject, the letter's own calls
anywhere in it, a heading's "X must ...", a country named as its government, each body once. Invented texts."""
from graph.extract.addressees import addressed_all
from graph.extract.calls import first_person_calls, told_what_they_must
from graph.extract.meta import extract_meta
from graph.extract.recipients import choose_recipients, normalise_recipient, same_body, split_recipients

FILLER = ("The coastal villages have seen their fishing grounds closed for a third season, and the families who "
          "depend on them have had no word of compensation or of a plan to reopen them. ")


def test_a_that_clause_names_whom_the_demand_is_on():
    found = addressed_all("We demand that governments and companies from around the world stop financing the mine.")
    assert [normalise_recipient(x) for x in found] == ["Governments and companies from around the world"]


def test_a_that_clause_needs_a_head_noun_or_a_name():
    assert addressed_all("We urge that the process be opened to the public.") == []
    assert addressed_all("We demand that it stop at once.") == []
    assert addressed_all("They demanded that the Harbour Board should publish the report.") == ["Harbour Board"]


def test_a_subject_run_into_to_in_a_scrape_is_split():
    assert addressed_all("issued a statement calling on the provincial governmentto reopen the schools.") == \
        ["provincial government"]


def test_whom_an_addressee_is_asked_to_call_on_is_no_addressee():
    assert addressed_all("We urge the Assembly to call on the negotiators to publish the draft.") == ["Assembly"]
    # an infinitive of purpose still addresses: "came together to rebuke the government"
    assert addressed_all("Groups came together to rebuke the government of Ruritania and insist on peace.") == \
        ["government of Ruritania"]


def test_another_bodys_call_that_the_letter_supports_is_not_the_letters():
    assert addressed_all("We support the Fisheries Ministry in calling on the fleet owners to stop.") == []


def test_the_letters_own_voice_calls_on_someone_far_down_the_text():
    text = ("Statement on the closed fishing grounds\n\n" + "\n\n".join([FILLER * 3] * 4) +
            "\n\nThe Harbour Committee urged the Port Authority to reopen the quay last year.\n\n"
            "We urge the Ministry of Fisheries to publish its plan within a month.\n\nSigned,\nNorth Shore Fishers Union")
    recipients = extract_meta(text).recipients
    assert "Ministry of Fisheries" in recipients
    assert "Port Authority" not in recipients  # another's call, in the third person


def test_first_person_calls_only_reads_sentences_in_the_letters_voice():
    assert first_person_calls("The Committee urged the Port Authority to act. We call on the Ministry of Fisheries "
                              "to act.") == ["Ministry of Fisheries"]


def test_a_heading_that_says_who_must_act_names_an_addressee():
    assert told_what_they_must("Solidarity statement: We stand with the fishers! Ruritania's military should stop "
                               "the shelling!") == ["Ruritania's military"]
    assert told_what_they_must("Fishers stand together against closures") == []


def test_a_country_addressed_by_name_is_its_government():
    assert [normalise_recipient(x) for x in split_recipients("Chile and the Netherlands")] == \
        ["Government of Chile", "Government of the Netherlands"]
    assert normalise_recipient("Bangladesh government") == "Government of Bangladesh"
    assert normalise_recipient("Chile’s government") == "Government of Chile"
    assert normalise_recipient("Chilean government") == "Chilean government"  # a demonym stays as printed


def test_two_bodies_joined_by_and_are_two_when_each_has_a_head_noun():
    assert [normalise_recipient(x) for x in split_recipients(
        "the government of the Republic of Chile and Chilean mining companies")] == \
        ["Government of the Republic of Chile", "Chilean mining companies"]
    assert split_recipients("lenders and insurers from around the world") == \
        ["lenders and insurers from around the world"]


def test_one_body_is_listed_once():
    assert same_body("Governments of the Netherlands", "Government of Netherlands")
    assert not same_body("Government of Chile", "Government of Peru")
    text = ("Statement on the fishing grounds\n\nWe urge Chile and Peru to reopen the grounds. " + FILLER +
            "We call on the governments of Chile and Peru to pay compensation. We urge the Regional Parliament "
            "to act, and the Parliament to hold hearings.\n\nNorth Shore Fishers Union")
    recipients = extract_meta(text).recipients
    assert recipients[:2] == ("Government of Chile", "Government of Peru")
    assert "Governments of Chile" not in recipients and "Parliament" not in recipients


def test_a_word_broken_over_two_lines_is_one_word():
    assert addressed_all("We call on the international communi-\nty to act.") == ["international community"]


def test_an_open_letter_title_in_front_matter_says_whom_the_letter_is_to():
    meta = extract_meta("The Union must keep funding the fishers\n\nThe grounds are closed. We ask for help.")
    assert choose_recipients(None, "Open Letter to the Fisheries Commission", meta) == ("Fisheries Commission",)
