"""A date after "since"/"depuis le" is when a state of things began, not the letter's date. Invented texts."""
from graph.extract.meta import extract_meta

BODY = ("Trois ans après la fermeture du port, 6 associations appellent le gouvernement à agir pour les pêcheurs "
        "de la baie et à publier les études commandées.\n")


def test_a_date_since_which_something_lasts_does_not_date_the_letter():
    text = BODY + "Depuis le 3 mars 2020, les bateaux restent à quai et les familles attendent.\n"
    assert extract_meta(text).date is None


def test_a_cued_date_still_dates_the_letter():
    text = BODY + "Depuis le 3 mars 2020, les bateaux restent à quai.\nPort-Vert, le 14 juin 2023\n"
    assert extract_meta(text).date == "2023-06-14"
    assert extract_meta("Released on 5 May 2022\n\nWe urge the council to act since 1 May 2020 at the latest.").date \
        == "2022-05-05"
