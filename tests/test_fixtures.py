"""Hand-written letters nobody tuned the parser on: do the letter reader's rules carry over?

Each fixture in tests/fixtures/letters/ is NAME.<txt|md|docx|pdf> plus NAME.expected.yaml (what a careful human
annotates; conventions of ../shared/gold/README.md). See tests/fixtures/README.md for the formats each covers.
Names are compared like ../shared/tools/score.py: normalise case, dashes, quotes, '&', punctuation; similarity
>= 0.9 on the full or the parenthesis-free name; one-to-one greedy matching.
"""
from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from graph.extract.document import LETTER_SUFFIXES, document_from_text, read_document

FIXTURES = Path(__file__).parent / "fixtures" / "letters"
ROOT = Path(__file__).resolve().parents[1]
EXPECTED_SUFFIX = ".expected.yaml"
REQUIRED_KEYS = {"title", "date", "recipients", "signatories", "undisclosed_count", "claimed_total",
                 "signed_by", "contacts", "individuals"}
MIN_F1 = 0.9

# ---------------------------------------------------------------------------------------------- name matching
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
QUOTES = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00b4": "'"}
TITLES = re.compile(r"^(?:(?:dr|prof|professor|mr|mrs|ms|mx|sir|dame|rev|hon|h\.?e)\.?\s+)+", re.I)


def norm(name: str | None) -> str:
    """Case, dashes, quotes, '&', punctuation and Organisation/Organization do not matter.

    >>> norm("Business & Human Rights — Organisation")
    'business and human rights organization'
    """
    s = unicodedata.normalize("NFKC", name or "")
    for k, v in QUOTES.items():
        s = s.replace(k, v)
    for d in DASHES:
        s = s.replace(d, "-")
    s = s.casefold().replace("&", " and ")
    s = re.sub(r"organis(ation|ations)\b", r"organiz\1", s)
    s = re.sub(r"[^\w]+", " ", s)
    return " ".join(s.split())


def bare(name: str | None) -> str:
    return norm(re.sub(r"\([^)]*\)", " ", name or ""))


def similarity(a: str | None, b: str | None) -> float:
    best = 0.0
    for x, y in ((norm(a), norm(b)), (bare(a), bare(b))):
        if x and y:
            best = max(best, 1.0 if x == y else difflib.SequenceMatcher(None, x, y).ratio())
    return best


def match(gold: list[str], found: list[str], threshold: float = MIN_F1) -> list[tuple[int, int]]:
    """One-to-one greedy matching, best pairs first.

    >>> match(["Human Rights Watch", "FIDH"], ["FIDH", "Human rights watch"])
    [(0, 1), (1, 0)]
    """
    pairs = sorted(((similarity(g, f), i, j) for i, g in enumerate(gold) for j, f in enumerate(found)),
                   reverse=True)
    used_g: set[int] = set()
    used_f: set[int] = set()
    out = []
    for s, i, j in pairs:
        if s >= threshold and i not in used_g and j not in used_f:
            used_g.add(i)
            used_f.add(j)
            out.append((i, j))
    return sorted(out)


def prf(tp: int, n_gold: int, n_found: int) -> tuple[float, float, float]:
    p = tp / n_found if n_found else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def person(name: str | None) -> str:
    """A person's name without honorifics ("Dr. Laila Noori" -> "Laila Noori")."""
    return TITLES.sub("", (name or "").strip())


# ---------------------------------------------------------------------------------------------- fixtures
def _letter_file(expected: Path) -> Path:
    stem = expected.name[: -len(EXPECTED_SUFFIX)]
    found = [expected.with_name(stem + s) for s in LETTER_SUFFIXES if expected.with_name(stem + s).is_file()]
    assert len(found) == 1, f"{expected.name}: need exactly one letter file {stem}.<{'|'.join(LETTER_SUFFIXES)}>"
    return found[0]


CASES = sorted(p.name[: -len(EXPECTED_SUFFIX)] for p in FIXTURES.glob("*" + EXPECTED_SUFFIX))
TEXT_CASES = [c for c in CASES if _letter_file(FIXTURES / (c + EXPECTED_SUFFIX)).suffix in (".txt", ".md")]
BINARY_CASES = [c for c in CASES if c not in TEXT_CASES]


@functools.lru_cache(maxsize=None)
def expected(case: str) -> dict:
    return yaml.safe_load((FIXTURES / (case + EXPECTED_SUFFIX)).read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=None)
def parsed(case: str):
    from graph.extract.letter import parse_letter  # imported here so a missing parser fails tests, not collection

    return parse_letter(read_document(_letter_file(FIXTURES / (case + EXPECTED_SUFFIX))))


def _sig_match(case: str):
    exp = expected(case)["signatories"] or []
    got = list(parsed(case).signatories)
    return exp, got, match([e["name"] for e in exp], [s.name for s in got])


def _diff(exp, got, pairs) -> str:
    mg, mf = {i for i, _ in pairs}, {j for _, j in pairs}
    lines = [f"missed   {e['name']!r}" for i, e in enumerate(exp) if i not in mg]
    lines += [f"spurious {s.name!r} (printed {s.printed!r})" for j, s in enumerate(got) if j not in mf]
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------- the fixtures
def test_fixtures_exist_and_are_well_formed():
    assert len(CASES) >= 14, CASES
    taxonomy_file = ROOT.parent / "shared" / "taxonomy" / "demands.yaml"  # flat: id -> description
    ids = set(yaml.safe_load(taxonomy_file.read_text(encoding="utf-8"))) if taxonomy_file.is_file() else None
    for case in CASES:
        exp = expected(case)
        assert REQUIRED_KEYS <= set(exp), f"{case}: missing {REQUIRED_KEYS - set(exp)}"
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", str(exp["date"])), case
        unknown = set(exp.get("demands") or []) - ids if ids is not None else set()
        assert not unknown, f"{case}: demand ids not in {taxonomy_file}: {unknown}"
    for case in BINARY_CASES:
        assert _letter_file(FIXTURES / (case + EXPECTED_SUFFIX)).stat().st_size < 50_000, case


@pytest.mark.parametrize("case", CASES)
def test_expected_names_are_printed(case):
    """Guards the fixtures themselves: every expected name, person and email is in the letter's text."""
    text = norm(read_document(_letter_file(FIXTURES / (case + EXPECTED_SUFFIX))).text)
    exp = expected(case)
    names = [s["name"] for s in exp["signatories"] or []] + [person(n) for n in exp["individuals"] or []]
    names += [c[k] for c in exp["contacts"] or [] for k in ("person", "organization", "email")]
    missing = [n for n in names if bare(n) not in text]
    assert not missing, f"{case}: not printed in the letter: {missing}"


@pytest.mark.parametrize("case", BINARY_CASES)
def test_binary_reader_keeps_every_name(case):
    """The .docx/.pdf readers alone: every expected name is in the extracted text, in order of the list."""
    text = norm(read_document(_letter_file(FIXTURES / (case + EXPECTED_SUFFIX))).text)
    pos = 0
    for s in expected(case)["signatories"]:
        at = text.find(norm(s["name"]), pos) if norm(s["name"]) in text else text.find(bare(s["name"]), pos)
        assert at >= 0, f"{case}: {s['name']!r} not found (in order) in the extracted text"
        pos = at


@pytest.mark.parametrize("case", CASES)
def test_signatories_f1(case):
    exp, got, pairs = _sig_match(case)
    p, r, f = prf(len(pairs), len(exp), len(got))
    assert f >= MIN_F1, f"{case}: P={p:.2f} R={r:.2f} F1={f:.2f}\n{_diff(exp, got, pairs)}"


# A list number, bullet or footnote marker left on a name ("1 - Foo", "• Foo", "Foo*") is an extraction error even
# when the fuzzy F1 forgives it.
LEFTOVER = re.compile(r"^\s*(?:\(?\d{1,3}\s*[.)\-:](?:\s|(?=[A-Z]))|[•o*\-\u2013]\s)|\*\s*$")  # not "350.org"


@pytest.mark.parametrize("case", CASES)
def test_names_are_clean(case):
    bad = [s.name for s in parsed(case).signatories if LEFTOVER.search(s.name)]
    assert not bad, f"{case}: numbering/bullets/footnote markers left in names: {bad}"


@pytest.mark.parametrize("case", [c for c in CASES if expected(c).get("not_signatories")])
def test_not_signatories(case):
    """Lines a reader must skip (page numbers, URLs, footnotes, garbled script, end-of-file fragments, people)."""
    got = [s.name for s in parsed(case).signatories]
    bad = [(n, g) for n in expected(case)["not_signatories"] for g in got if similarity(n, g) >= MIN_F1]
    assert not bad, f"{case}: reported as signatories: {bad}"


@pytest.mark.parametrize("case", CASES)
def test_date(case):
    assert str(parsed(case).date or "") == str(expected(case)["date"]), case


@pytest.mark.parametrize("case", CASES)
def test_counts(case):
    letter, exp = parsed(case), expected(case)
    assert (letter.undisclosed_count, letter.claimed_total) == (exp["undisclosed_count"], exp["claimed_total"]), case


@pytest.mark.parametrize("case", CASES)
def test_member_of(case):
    """Every printed sub-member is linked to its umbrella, and nothing else is."""
    exp, got, pairs = _sig_match(case)
    at = dict(pairs)
    wrong = []
    for i, e in enumerate(exp):
        want = e.get("member_of")
        have = got[at[i]].member_of if i in at else "<missing>"
        if want is None and i in at and have:
            wrong.append(f"{e['name']!r}: member_of {have!r}, expected top level")
        elif want is not None and (not have or similarity(want, have) < MIN_F1):
            wrong.append(f"{e['name']!r}: member_of {have!r}, expected {want!r}")
    assert not wrong, f"{case}:\n" + "\n".join(wrong)


@pytest.mark.parametrize("case", CASES)
def test_acronyms_and_countries(case):
    """Trailing all-caps parentheticals become the acronym; "Name, Country" gives the country."""
    exp, got, pairs = _sig_match(case)
    wrong = []
    for i, j in pairs:
        e, s = exp[i], got[j]
        accepted = e.get("acronym") if isinstance(e.get("acronym"), list) else [e.get("acronym")]
        if norm(s.acronym) not in {norm(a) for a in accepted}:  # a list = accepted alternatives (null allowed)
            wrong.append(f"{e['name']!r}: acronym {s.acronym!r}, expected {e.get('acronym')!r}")
        if e.get("country") and norm(e["country"]) != norm(s.country):
            wrong.append(f"{e['name']!r}: country {s.country!r}, expected {e['country']!r}")
    assert not wrong, f"{case}:\n" + "\n".join(wrong)


@pytest.mark.parametrize("case", CASES)
def test_individuals(case):
    want = [person(n) for n in expected(case)["individuals"] or []]
    have = [person(p.name) for p in parsed(case).individuals]
    pairs = match(want, have)
    assert len(pairs) == len(want) == len(have), f"{case}: expected {want}, got {have}"


@pytest.mark.parametrize("case", CASES)
def test_contacts(case):
    want = expected(case)["contacts"] or []
    have = list(parsed(case).contacts)
    assert len(have) == len(want), f"{case}: expected {len(want)} contacts, got {have}"
    for w in want:
        h = next((c for c in have if (c.email or "").casefold() == w["email"].casefold()), None)
        assert h is not None, f"{case}: no contact with email {w['email']!r} in {have}"
        assert similarity(person(w["person"]), person(h.person)) >= MIN_F1, f"{case}: {w} vs {h}"
        assert similarity(w["organization"], h.organization) >= MIN_F1, f"{case}: {w} vs {h}"


@pytest.mark.parametrize("case", CASES)
def test_signed_by(case):
    want, have = expected(case)["signed_by"], parsed(case).signed_by
    if want is None:
        assert have is None, f"{case}: signed_by {have}, expected none"
        return
    assert have is not None, f"{case}: signed_by missing, expected {want}"
    assert similarity(person(want["name"]), person(have.name)) >= MIN_F1, (case, have)
    assert similarity(want["role"], have.role) >= MIN_F1, (case, have)
    assert similarity(want["organization"], have.organization) >= MIN_F1, (case, have)


SALUTATION = re.compile(r"^(?:dear\b|your excellenc|excellenc|to whom)", re.I)


@pytest.mark.parametrize("case", CASES)
def test_title(case):
    """Threshold as in score.py: similarity >= 0.85."""
    title = parsed(case).title
    assert similarity(expected(case)["title"], title) >= 0.85, f"{case}: title {title!r}"


@pytest.mark.parametrize("case", CASES)
def test_recipients(case):
    """As in score.py: every expected recipient matched one-to-one at >= 0.6; no salutation is a recipient."""
    letter, exp = parsed(case), expected(case)
    got = list(letter.recipients)
    assert len(match(exp["recipients"], got, 0.6)) == len(exp["recipients"]), f"{case}: recipients {got}"
    assert not [r for r in got if SALUTATION.match(r.strip())], f"{case}: salutation as recipient: {got}"


@pytest.mark.parametrize("case", [c for c in CASES if "demands" in expected(c)])
def test_demands(case):
    from graph.demands.find import load_lexicon

    general = {d.id for d in load_lexicon().demands if d.general}  # beyond the taxonomy the fixtures annotate
    want = set(expected(case)["demands"] or [])
    have = {d.id for d in parsed(case).demands} - general
    p, r, f = prf(len(want & have), len(want), len(have))
    assert f >= 0.8, f"{case}: demands F1={f:.2f}; missed {sorted(want - have)}, spurious {sorted(have - want)}"


@pytest.mark.parametrize("case", TEXT_CASES)
def test_pasted_text_reads_like_the_file(case):
    """The paste path (document_from_text) gives the same letter as reading the file."""
    path = _letter_file(FIXTURES / (case + EXPECTED_SUFFIX))
    from graph.extract.letter import parse_letter

    pasted = parse_letter(document_from_text(path.read_text(encoding="utf-8"), path.name))
    assert [s.name for s in pasted.signatories] == [s.name for s in parsed(case).signatories]
    assert pasted.date == parsed(case).date


def test_micro_f1_over_all_fixtures(capsys):
    tp = n_gold = n_found = 0
    rows = []
    for case in CASES:
        try:
            exp, got, pairs = _sig_match(case)
        except Exception as e:  # a crash on one letter counts as finding nothing there
            exp, got, pairs = expected(case)["signatories"] or [], [], []
            rows.append(f"{case[:36]:36} CRASH {type(e).__name__}: {e}")
        tp, n_gold, n_found = tp + len(pairs), n_gold + len(exp), n_found + len(got)
        p, r, f = prf(len(pairs), len(exp), len(got))
        rows.append(f"{case[:36]:36} gold={len(exp):3d} found={len(got):3d} P={p:.3f} R={r:.3f} F1={f:.3f}")
    p, r, f = prf(tp, n_gold, n_found)
    with capsys.disabled():
        print("\n" + "\n".join(rows) + f"\nfixtures micro: P={p:.3f} R={r:.3f} F1={f:.3f} ({tp}/{n_gold} gold, {n_found} found)")
    assert f >= MIN_F1
