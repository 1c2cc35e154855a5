"""Which run of entries is the signatory list? Blocks of entries that only neutral lines interrupt; the one a
heading or a cue introduces wins, else the last long one; the same list printed again in another script follows.

>>> from graph.extract.signatories.region import classify
>>> choose_blocks(classify(["Signatories:", "Amnesty International", "Human Rights Watch"]))
[(0, 2)]
"""
from __future__ import annotations

from graph.extract.signatories.headings import INTRO
from graph.extract.signatories.inline import BYLINE
from graph.extract.signatories.region import LATIN, SIGNS_ABOVE, LineInfo
from graph.kinds import LineKind

# a list printed again in another script holds at least this many names (fewer is a heading or two)
MIN_TRANSLATED = 3
NEUTRAL = frozenset({LineKind.BLANK, LineKind.URL, LineKind.EMAIL, LineKind.PAGE, LineKind.MARKER, LineKind.GARBAGE, LineKind.MIRRORED, LineKind.HEADING, LineKind.HEADING_IND,
                     LineKind.FOOTNOTE, LineKind.COUNT, LineKind.CONT, LineKind.CONT_INLINE})
ENTRY = frozenset({LineKind.ENTRY, LineKind.INLINE, LineKind.COLUMNS})


# how a block is introduced: not at all, only by the cue phrase of its own prose sentence, or by a heading, a
# closing or prose above it
NOT_INTRODUCED, BY_CUE, BY_HEADING = 0, 1, 2


def _blocks(infos: list[LineInfo]) -> list[tuple[int, int, int, int, bool]]:
    """(first index, last index, n entries, how introduced, in another script) of each run of entries in
    `infos`: runs of entries that only neutral lines interrupt."""
    blocks: list[tuple[int, int, int, int, bool]] = []
    cur: list[int] | None = None
    intro = NOT_INTRODUCED
    last_prose = ""
    for i, info in enumerate(infos):
        k = info.kind
        if k == LineKind.INLINE and info.detail == "byline":  # the lines around a byline are the page's, not its list
            if cur is not None:
                blocks.append((cur[0], cur[1], max(cur[2], cur[3]), intro, cur[3] > cur[2]))
            blocks.append((i, i, len(info.parts), BY_CUE, False))
            cur, intro = None, NOT_INTRODUCED
            continue
        if k in ENTRY:
            if cur is None:
                cur = [i, i, 0, 0]  # first, last, entries in Latin script, entries in other scripts
                j = i - 1
                while j >= 0 and infos[j].kind in NEUTRAL:
                    if infos[j].kind in (LineKind.HEADING, LineKind.HEADING_IND):
                        intro = BY_HEADING
                        cur[0] = j
                    j -= 1
                if j >= 0 and infos[j].kind == LineKind.PROSE and (INTRO.search(last_prose) or infos[j].text.endswith(":")):
                    intro = BY_HEADING
                if j >= 0 and infos[j].kind == LineKind.CLOSING:  # "In solidarity," then the signers
                    intro = BY_HEADING
                if (k == LineKind.INLINE or info.detail == "umbrella") and INTRO.search(info.text):
                    intro = BY_HEADING  # "The undersigned are: A, B and C", "Signed by X and its members:"
                elif k == LineKind.INLINE and info.detail == "cue":  # "The letter is backed by A, B and C."
                    intro = max(intro, BY_CUE)
            cur[1] = i
            parts = info.parts if k in (LineKind.INLINE, LineKind.COLUMNS) else (info.text,)
            latin = sum(1 for x in parts if x.isascii() or LATIN.search(x)) if k != LineKind.ENTRY else (
                1 if info.text.isascii() or LATIN.search(info.text) else 0)
            cur[2] += latin
            cur[3] += len(parts) - latin
        elif k in NEUTRAL or k == LineKind.PERSON and info.detail == SIGNS_ABOVE:
            if k == LineKind.CONT and cur is not None:
                cur[1] = i
            continue
        else:
            if cur is not None:
                blocks.append((cur[0], cur[1], max(cur[2], cur[3]), intro, cur[3] > cur[2]))
            cur, intro = None, NOT_INTRODUCED
            if k == LineKind.PROSE:
                last_prose = info.text if not infos[i - 1].text or i == 0 else (
                    infos[i - 1].text + " " + info.text if infos[i - 1].kind == LineKind.PROSE else info.text)
    if cur is not None:
        blocks.append((cur[0], cur[1], max(cur[2], cur[3]), intro, cur[3] > cur[2]))
    return blocks


def _only_a_lead_between(infos: list[LineInfo], a: int, b: int) -> bool:
    """Between indexes a and b there are blank lines and at most one line of prose that leads to a list (":")."""
    text = [i for i in infos[a + 1:b] if i.kind != LineKind.BLANK]
    return len(text) <= 1 and all(i.kind in (LineKind.PROSE, LineKind.HEADING) and i.text.endswith(":") for i in text)


# a headline runs to this many words at least around its colon ("An Appeal to the Council: Break the Siege ...")
MIN_HEADLINE_WORDS = 8


def _page_head(infos: list[LineInfo], b: tuple[int, int, int, int, bool]) -> bool:
    """An unintroduced run of short lines above the letter's first sentence that is half headline, author's
    byline or section label ("APPEALS"): the page's name, section and title, not a list of signers."""
    if any(i.kind == LineKind.PROSE for i in infos[:b[0]]):
        return False
    entries = [i.text for i in infos[b[0]:b[1] + 1] if i.kind == LineKind.ENTRY]
    head = sum(1 for t in entries if _furniture(t))
    # a title over a list of names is a list: most of the run must read as page furniture
    return head > 0 and 2 * head >= len(entries)


def _headline(t: str) -> bool:
    return ": " in t and len(t.split()) >= MIN_HEADLINE_WORDS


def _furniture(t: str) -> bool:
    """A headline, an author's byline ("By the X editorial team") or a one-word section label ("APPEALS")."""
    return bool(BYLINE.match(t)) and " " in t[3:] and not t.count(",") or _headline(t) or (
        t.isupper() and len(t.split()) == 1)


def _past_title(infos: list[LineInfo], b: tuple[int, int, int, int, bool]) -> tuple[int, int]:
    """An unintroduced list at the top of the page starts after the headline printed over it."""
    lo, hi = b[0], b[1]
    if b[3] or any(i.kind == LineKind.PROSE for i in infos[:lo]):
        return lo, hi
    while lo < hi and (infos[lo].kind != LineKind.ENTRY or _headline(infos[lo].text)):
        lo += 1
    return lo, hi


def choose_blocks(infos: list[LineInfo]) -> list[tuple[int, int]]:
    """The signatory list's blocks as (first, last) indexes into `infos`: the main one first, then the same list
    printed again in another script (a Korean or Burmese translation of an English list), which must not be lost.

    A block introduced by a signatory heading or by prose such as "Signed by 26 organizations" is the main one;
    otherwise the last block of three or more entries. A list in a prose sentence ("submitted by A and B") gives
    way to a longer unheaded list: submitters named in the head, the full list below.
    """
    blocks = [b for b in _blocks(infos) if b[3] or not _page_head(infos, b)]
    latin = [b for b in blocks if not b[4]]
    introduced = [b for b in latin if b[3] and b[2] >= 1]
    plain = [b for b in latin if b[2] >= 3]
    if introduced:
        best = max(introduced, key=lambda b: (b[2], b[0]))
        if best[3] == BY_CUE and plain and plain[-1][2] > best[2]:
            best = plain[-1]
    elif plain:
        best = plain[-1]
    else:
        other = [b for b in blocks if b[2] >= 3 or b[3]]
        return [(b[0], b[1]) for b in other[-1:]]
    # "Firmantes: A, B y C." then "Organizaciones que se adhieren:" over a list: the list in the sentence and
    # the one its heading adds are one list of signers
    before = [b for b in latin if b[1] < best[0] and b[3] == BY_CUE]
    if best[3] == BY_HEADING and before and _only_a_lead_between(infos, before[-1][1], best[0]):
        best = (before[-1][0], best[1], before[-1][2] + best[2], best[3], best[4])
    # translations: blocks in another script at least a third as long as the main list (reported, not read)
    again = [b for b in blocks if b[4] and b[2] >= max(MIN_TRANSLATED, best[2] / 3)]
    return [_past_title(infos, best)] + [(b[0], b[1]) for b in again]

