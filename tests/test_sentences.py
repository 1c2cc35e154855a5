"""Sentence splitting over OCR'd letters: wrapped lines, bullets, numbering, hyphenation, headings."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.demands.sentences import flatten, sentences, split_sentences

LETTERS = sorted((Path(__file__).resolve().parents[1] / "data" / "letters").glob("*.txt"))


def texts(text: str) -> list[str]:
    return [s for s, _ in split_sentences(text)]


def test_wrapped_lines_join_and_lines_are_kept():
    text = "We urge the Council to act\nswiftly. It must adopt a\nresolution now.\n"
    assert split_sentences(text) == [("We urge the Council to act swiftly.", (1, 2)),
                                      ("It must adopt a resolution now.", (2, 3))]


def test_end_of_line_hyphen_joins_words_even_across_a_page_break():
    assert texts("engage with interna-\ntional justice mech-\n\nanisms.") == [
        "engage with international justice mechanisms."]
    # before a capital the hyphen is part of the word ("Fact-Finding")
    assert texts("the UN Fact-\nFinding Mission said so.") == ["the UN Fact-Finding Mission said so."]


def test_bullet_glyph_on_its_own_line_starts_an_item():
    text = "We urge HMG to\n\n•\n\nRelease all detainees;\n\n•\n\nRestore the internet\nand all communications\n"
    ss = sentences(text)
    assert [s.text for s in ss] == ["We urge HMG to", "Release all detainees;",
                                    "Restore the internet and all communications"]
    assert [s.item for s in ss] == [False, True, True]
    assert ss[2].lines == (9, 10)


def test_private_use_bullets_and_numbered_recommendations():
    text = "They urge governments to:\n\uf0b7 stop the flow of arms;\n\uf0b7 increase aid;\n1. Refer Myanmar to the ICC.\n2. Release detainees.\n"
    assert texts(text) == ["They urge governments to:", "stop the flow of arms;", "increase aid;",
                           "Refer Myanmar to the ICC.", "Release detainees."]


def test_footnote_markers_do_not_split_or_break():
    assert texts("at least 909 airstrikes,? killing more than 364 civilians. Since then, more.") == [
        "at least 909 airstrikes,? killing more than 364 civilians.", "Since then, more."]
    assert texts("crimes against humanity.3 The Council must act.") == [
        "crimes against humanity.3", "The Council must act."]


def test_abbreviations_and_decimals_do_not_end_sentences():
    assert texts("More than 2.6 million people fled, e.g. to Thailand. Dr. Kate Ferguson, No. 5 said so.") == [
        "More than 2.6 million people fled, e.g. to Thailand.", "Dr. Kate Ferguson, No. 5 said so."]


def test_headings_stand_alone():
    text = "We reject the coup.\nA robust, coordinated response\nHaving orchestrated genocide, he is calm.\n"
    ss = sentences(text)
    assert [s.text for s in ss] == ["We reject the coup.", "A robust, coordinated response",
                                    "Having orchestrated genocide, he is calm."]
    assert [s.heading for s in ss] == [False, True, False]


def test_numbered_section_heading_is_not_a_list_item():
    ss = sentences("1.\n\nAccountability and justice\n\nUntil now, the world was slow.\n")
    assert ss[0].text == "Accountability and justice" and ss[0].heading and not ss[0].item


def test_sentence_continues_over_a_page_break():
    assert texts("ahead of the four-year anniver-\n\nsary of the coup.\n\nNew paragraph here.") == [
        "ahead of the four-year anniversary of the coup.", "New paragraph here."]
    assert texts("must refer the situation to the\n\nICC to ensure justice.") == [
        "must refer the situation to the ICC to ensure justice."]


def test_urls_are_not_glued_into_sentences():
    assert texts("See the report.\nhttps://example.org/x\nNext sentence here.") == [
        "See the report.", "Next sentence here."]


@pytest.mark.parametrize("path", LETTERS, ids=lambda p: p.stem)
def test_every_sentence_is_verbatim_in_the_flattened_letter(path: Path):
    text = path.read_text(encoding="utf-8")
    flat = flatten(text)
    got = split_sentences(text)
    assert len(got) > 10
    n_lines = text.count("\n") + 1
    for s, lines in got:
        assert s in flat, s
        assert lines and all(1 <= n <= n_lines for n in lines) and list(lines) == sorted(set(lines))


def test_real_letter_bullets_and_headings():
    text = (Path(__file__).resolve().parents[1] / "data" / "letters" / "004_9561238f91238214.txt").read_text()
    ss = {s.text: s for s in sentences(text)}
    assert ss["Immediately restore the Internet and all forms of communications"].item
    assert ss["Immediately restore the Internet and all forms of communications"].lines == (62,)
    assert ss["A robust, coordinated response"].heading


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["We urge", "the UN", "to act.", "Stop", "arms-", "•", "", "1.", "o Name",
                                 "inter-", "national", "e.g.", "Fact-", "Finding", "x\u202fy", "”", "2.6"]),
                max_size=40))
def test_any_text_splits_into_verbatim_sentences(words):
    text = "\n".join(" ".join(words[i:i + 3]) for i in range(0, len(words), 3))
    flat = flatten(text)
    for s, lines in split_sentences(text):
        assert s and s in flat
        assert lines


@pytest.mark.parametrize("path", LETTERS, ids=lambda p: p.stem)
def test_line_offsets_point_into_the_lines_they_name(path: Path):
    """Each line a sentence names holds the words that start at the sentence's offset for that line."""
    text = path.read_text(encoding="utf-8")
    raw = text.split("\n")
    for s in sentences(text):
        assert len(s.starts) == len(s.lines) and s.starts[0] == 0
        for ln, st in zip(s.lines, s.starts):
            word = s.text[st:].split()[0] if s.text[st:].strip() else ""
            # a hyphen-joined word ("interna-" + "tional") starts on the line before: compare its head
            assert word[:3] in raw[ln - 1] or word[:3].lower() in raw[ln - 2].lower(), (s.text, ln, st)
