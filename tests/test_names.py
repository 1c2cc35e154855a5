"""Name normalisation: same-organization spellings meet, look-alikes stay apart, normalising is idempotent."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.identity.misprints import ocr_fold
from graph.identity.names import initials, looks_like_acronym, normalise, slug, split_acronym

SAME = [
    ("Arakan Rohingya National Union (ARNU)", "Arakan Rohingya National Union"),
    ("Sisters 2 Sisters", "#Sisters2Sisters"),
    ("Ah Nah Podcast — Conversations with Myanmar", "Ah Nah Podcast - Conversations with Myanmar"),
    ("Burmese Rohingya Organisation UK", "Burmese Rohingya Organization UK"),
    ("Women’s Peace Network", "Women's Peace Network"),
    ("Basic Education Students & Youths Association", "Basic Education Students and Youths Association"),
    ("The European Rohingya Council", "European Rohingya Council"),
    ("CIVICUS: World Alliance for Citizen Participation", "Civicus World Alliance for Citizen Participation"),
    ("Asian Forum for Human Rights and Development (FORUM-ASIA)", "ASIAN FORUM FOR HUMAN RIGHTS AND DEVELOPMENT"),
    ("Southcare Medical Centre", "Southcare Medical Center"),
    ("Freedom and Labour Action Group", "Freedom and Labor Action Group"),
    ("Ｗｏｍｅｎ Alliance Burma", "Women Alliance Burma"),  # full-width letters (NFKC)
]
DIFFERENT = [
    ("Karen Human Rights Group", "Karenni Human Rights Group"),
    ("Global Myanmar Spring Revolution — Japan", "Global Myanmar Spring Revolution (GMSR)"),
    ("Chin Youth Organization", "Chin Youth Organization of Japan"),
    ("Ayeyarwaddy West Development Organisation - AWDO (Magway)",
     "Ayeyarwaddy West Development Organisation - AWDO (Nagphe)"),
    ("Rohingya Student Union", "Rohingya Student League"),
    ("LGBT Alliance Myanmar (Kalay Region)", "LGBT Alliance Myanmar (Kyaukse Region)"),
    ("India 4 Myanmar", "India 5 Myanmar"),
]


@pytest.mark.parametrize("a,b", SAME)
def test_same_organization_spellings_normalise_equal(a, b):
    assert normalise(a) == normalise(b)


@pytest.mark.parametrize("a,b", DIFFERENT)
def test_look_alikes_normalise_differently(a, b):
    assert normalise(a) != normalise(b)


@pytest.mark.parametrize("printed,name,acronym", [
    ("Blood Money Campaign (BMC)", "Blood Money Campaign", "BMC"),
    ("Network for Human Rights Documentation — Burma (ND-Burma)", "Network for Human Rights Documentation — Burma",
     "ND-Burma"),
    ("Action Against Myanmar Military Coup (Sydney)", "Action Against Myanmar Military Coup (Sydney)", None),
    ("Karenni National Society (KNS) Japan", "Karenni National Society (KNS) Japan", None),
    ("Burma Refugee Saving Association (B.R.S.A)", "Burma Refugee Saving Association", "B.R.S.A"),
    ("Dhobama (2021 Generation)", "Dhobama (2021 Generation)", None),
])
def test_split_acronym_only_takes_a_trailing_capitals_parenthetical(printed, name, acronym):
    assert split_acronym(printed) == (name, acronym)


def test_slug_is_stable_ascii():
    assert slug("Burma Campaign UK") == "burma-campaign-uk"
    assert slug("Women’s Peace Network") == slug("Women's Peace Network") == "womens-peace-network"
    assert slug("#Sisters2Sisters") == "sisters-2-sisters"
    assert slug("!!!") == "org"


def test_acronym_helpers():
    assert initials("Arakan Rohingya National Union") == "arnu"
    assert initials("Assistance Association for Political Prisoners") == "aapp"
    assert looks_like_acronym("HURFOM") and not looks_like_acronym("Fortify Rights")
    assert ocr_fold("lnsieme") == ocr_fold("Insieme".lower())


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_normalise_is_idempotent(s):
    once = normalise(s)
    assert normalise(once) == once


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcXYZ 2&#-—’'()·.Ⅻﬁ")), max_size=40))
def test_normalise_is_idempotent_on_punctuation_heavy_names(s):
    once = normalise(s)
    assert normalise(once) == once
    assert once == once.strip() and "  " not in once
