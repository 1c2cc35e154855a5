"""Dates a letter prints in shapes beyond a full date: an ordinal with "of", a day and month whose year is printed
elsewhere, a year alone (graph.extract.dates, graph.extract.letter_dates). Texts written for these tests."""
from __future__ import annotations

import pytest

from graph.extract.dates import find_dates, find_day_month
from graph.extract.meta import extract_meta

BODY = "\n\nThe undersigned organisations write about the eviction of the river communities and their leaders.\n"


@pytest.mark.parametrize("text, iso", [
    ("the 26th of January 2009", "2009-01-26"),
    ("Issued on 3rd of May, 2019", "2019-05-03"),
])
def test_an_ordinal_with_of(text, iso):
    assert find_dates(text)[0][0] == iso


@pytest.mark.parametrize("text, dm", [
    ("Tegucigalpa (lunes 11 de septiembre).-", (9, 11)),
    ("Monday, September 11th", (9, 11)),
    ("11 September 2017", None),  # a full date is find_dates'
    ("Mai 2020", None),
    ("30 February", None),
])
def test_a_day_and_month_without_a_year(text, dm):
    assert find_day_month(text) == dm


@pytest.mark.parametrize("text, date", [
    # the year is printed once, elsewhere in the letter
    ("Pronunciamiento\n\nTegucigalpa (lunes 11 de septiembre).\n\nLas organizaciones firmantes condenamos los "
     "hechos ocurridos en la universidad nacional durante la huelga de 2017.\n", "2017-09-11"),
    ("Joint statement on the river\n\nMonday, 4 March\n\nWe the undersigned write about the floods of 2019 and the "
     "families still waiting for housing.\n", "2019-03-04"),
    # two years printed: no knowing which
    ("Joint statement on the river\n\nMonday, 4 March\n\nWe the undersigned write about the floods of 2018 and "
     "2019 and the families still waiting for housing.\n", None),
    # a title that names a day is no dateline, and an about-us year is not the letter's
    ("Press statement on 18 October prison releases\nThe releases are no amnesty for the detained protesters.\n"
     "Rights Network was formed in 2004 to document abuses.\n", None),
    # a year alone under the heading
    ("Joint statement on the dams\n\nGeneva, 2019" + BODY, "2019"),
    ("Joint statement on the dams\n\n2019" + BODY, "2019"),
])
def test_a_letter_dated_by_a_day_and_month_or_a_year(text, date):
    assert extract_meta(text).date == date
