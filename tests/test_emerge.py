"""Demands that emerge: unclassified asks of a generated corpus, with planted paraphrases of the same ask,
group back into their asks; proposals need two letters; the grouping is deterministic."""
from __future__ import annotations

import random
from collections import Counter
from math import comb

import pytest

from graph.demands.emerge import group, propose, propose_from, typical
from graph.records import Ask, Letter

CUES = ["We urge {who} to {verb} {obj}.", "{who} must {verb} {obj}.", "We call on {who} to {verb} {obj}.",
        "We, the undersigned, ask {who} to {verb} {obj} without delay.", "{who} should {verb} {obj}.",
        "We demand that {who} {verb} {obj}."]
WHO = ["the government", "the authorities", "Parliament", "the ministry", "donor states", "the city council"]
# Each planted ask: verbs that say it and objects that name it (a paraphrase picks one of each).
ASKS = [
    (["raise", "increase", "lift"], ["the minimum wage", "the statutory minimum wage", "minimum wages for all workers"]),
    (["stop", "halt", "end"], ["forced evictions of slum dwellers", "the forced eviction of residents",
                               "forced evictions in informal settlements"]),
    (["guarantee", "ensure", "secure"], ["girls' access to secondary school", "schooling for every girl",
                                         "secondary school places for girls"]),
    (["repeal", "withdraw", "scrap"], ["the cybercrime law", "the new cybercrime act", "cybercrime legislation"]),
    (["recognise", "respect", "protect"], ["indigenous land rights", "the land rights of indigenous peoples",
                                           "customary land of indigenous communities"]),
    (["provide", "fund", "guarantee"], ["clean drinking water in rural villages", "safe drinking water for villages",
                                        "drinking water supplies to rural areas"]),
    (["deliver", "increase", "scale up"], ["climate finance for adaptation", "adaptation finance for the climate",
                                           "funding for climate adaptation"]),
    (["provide", "guarantee", "fund"], ["free legal aid for detainees' families", "legal aid free of charge",
                                        "free legal aid services"]),
]


def corpus(seed: int, per_ask: int = 6) -> tuple[list[str], list[int]]:
    """Asks (texts) and the planted ask each paraphrases, shuffled."""
    rng = random.Random(seed)
    out = []
    for k, (verbs, objs) in enumerate(ASKS):
        for _ in range(per_ask):
            cue = rng.choice(CUES)
            text = cue.format(who=rng.choice(WHO), verb=rng.choice(verbs), obj=rng.choice(objs))
            out.append((text[0].upper() + text[1:], k))
    rng.shuffle(out)
    return [t for t, _ in out], [k for _, k in out]


def adjusted_rand(a: list[int], b: list[int]) -> float:
    """Hubert and Arabie's adjusted Rand index of two labellings."""
    pairs = sum(comb(c, 2) for c in Counter(zip(a, b)).values())
    ra, rb = sum(comb(c, 2) for c in Counter(a).values()), sum(comb(c, 2) for c in Counter(b).values())
    expected = ra * rb / comb(len(a), 2)
    top = (ra + rb) / 2
    return (pairs - expected) / (top - expected) if top != expected else 1.0


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_planted_paraphrases_group_back_into_their_asks(seed: int):
    texts, truth = corpus(seed)
    found = group(texts)
    assert adjusted_rand(found, truth) >= 0.8, (seed, adjusted_rand(found, truth))
    assert group(texts) == found  # the same result every time
    again, _ = corpus(seed)
    assert group(again) == found  # and for the same seed


def test_groups_do_not_depend_on_the_order_of_the_asks():
    texts, _ = corpus(7)
    found = dict(zip(texts, group(texts)))
    back = list(reversed(texts))
    assert dict(zip(back, group(back))) == found


def test_adjusted_rand_is_one_for_the_same_partition_and_near_zero_for_noise():
    assert adjusted_rand([0, 0, 1, 1], [5, 5, 3, 3]) == 1.0
    rng = random.Random(0)
    noise = [rng.randrange(8) for _ in range(400)]
    assert abs(adjusted_rand(noise, [rng.randrange(8) for _ in range(400)])) < 0.05


def _letter(name: str, *asks: str) -> Letter:
    return Letter(file=name, unclassified_asks=tuple(Ask(a, (i + 1,)) for i, a in enumerate(asks)))


def test_a_proposal_needs_two_letters_and_carries_evidence():
    letters = [_letter("a.txt", "We urge the government to raise the minimum wage.", "We ask for a new stadium."),
               _letter("b.txt", "Parliament must increase the minimum wage for all workers."),
               _letter("c.txt", "We call for the minimum wage to be raised.")]
    props = propose(letters)
    assert len(props) == 1
    p = props[0]
    assert p.letters == ("a.txt", "b.txt", "c.txt")
    assert {m[1] for m in p.members} == {a.text for L in letters for a in L.unclassified_asks if "wage" in a.text}
    assert p.label in {m[1] for m in p.members}
    assert propose(letters, skip=[m[1] for m in p.members]) == []  # decided asks are not proposed again


def test_the_label_is_the_most_typical_ask():
    texts = ["Stop forced evictions now.", "Stop forced evictions of residents now.",
             "Stop forced evictions of residents in the city now."]
    assert typical(texts) == "Stop forced evictions of residents now."


def test_the_one_letter_asks_are_no_proposal():
    asks = [("a.txt", "We urge the city to build a new bridge.", (1,)),
            ("a.txt", "The city must build the new bridge.", (4,))]
    assert propose_from(asks) == []
    assert len(propose_from(asks, min_letters=1)) == 1
