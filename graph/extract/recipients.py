"""A letter's recipients: an address line ("To:", "An:", "Al Presidente ...:") and the lines below it, an
"Open letter to ..." heading, an address block, the greeting, or whom the first paragraphs call on; split into
one recipient each and put in one printed form (data/addressees.yaml).
"""
from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

from graph.extract.address_block import address_block, greetings, is_mail_header, without_mail
from graph.extract.addressees import (addressed_all, copied_to, head_nouns, honorific, plural_heads, pronouns,
                                      recipient_joins, respect)
from graph.extract.calls import first_person_calls, told_what_they_must
from graph.extract.people import looks_like_person
from graph.extract.head_lines import (_ADDRESSEE, _GENERIC, _HONORIFIC, _MD_HEADING, _OPEN_TO, _POSTAL, _RE_LINE, _SUBJECT_MUST,
                         _TO_LINE, _is_caps, name_case)
from graph.paths import curated_path
from graph.records import Lines
from graph.extract.countries import load_countries
from graph.extract.dates import find_dates

if TYPE_CHECKING:
    from graph.extract.meta import Meta


def _stamp(name: str) -> tuple[str, int]:
    """The file read_yaml(name) reads and its mtime: what read_yaml's own cache is keyed by (os.stat is quick)."""
    path = name if os.path.isabs(name) or os.path.exists(name) else _DATA.get(name) or _DATA.setdefault(
        name, str(curated_path(name)))
    try:
        return path, os.stat(path).st_mtime_ns
    except OSError:
        return path, 0


_DATA: dict[str, str] = {}


_ALIASES: list = []  # [(stamp, aliases)]: normalise_recipient runs for every recipient of every letter


def _recipient_aliases() -> tuple[dict[str, str], dict[str, str]]:
    """(aliases, abbreviations) from data/addressees.yaml, read again only when the file changes."""
    try:
        stamp = _stamp("addressees.yaml")
    except OSError:
        return _read_aliases()
    if not _ALIASES or _ALIASES[0][0] != stamp:
        _ALIASES[:] = [(stamp, _read_aliases())]
    return _ALIASES[0][1]


def _read_aliases() -> tuple[dict[str, str], dict[str, str]]:
    from graph.curated import expect, read_yaml

    data = read_yaml("addressees.yaml")
    return (dict(expect(data, "aliases", dict, "addressees.yaml")),
            dict(expect(data, "abbreviations", dict, "addressees.yaml")))


def split_recipients(text: str) -> list[str]:
    """'Chief Executive John Lee and Members of the Council' -> two; 'Heads of State and Government' -> one.

    Split at ';' always; at a join that repeats the preposition (", y al", " and to") always; at a plain " and" /
    " y" / " et" only when the left side is a complete capitalised name (no 'of', 'the') and the right side starts
    one (after an article)."""
    out = []
    for part in (p.strip() for p in re.split(r"\s*;\s*", text) if p.strip()):
        out.extend(_split_join(re.sub(r"^(?:the|The)\s+(?=[A-Z])", "", part)))
    return out


def _distributed(part: str) -> list[str] | None:
    """'the governments of Sweden and the United Kingdom' -> 'Governments of Sweden', 'Governments of the United
    Kingdom': a plural head noun (data/addressees.yaml head_nouns) over two places, each a body of its own."""
    m = _OVER_TWO.match(part)
    if not m or m.group(1).casefold() not in plural_heads():
        return None
    head = m.group(1)[:1].upper() + m.group(1)[1:]  # as printed: "Authorities of Laos" reads right, "Authority" not
    return [f"{head} of {m.group(2)}", f"{head} of {m.group(3)}"]


_OVER_TWO = re.compile(r"^(?i:the\s+)?([^\W\d_]+s)\s+of\s+((?:the\s+)?[A-Z][^,;]*?)\s+(?:and|et|y|und)\s+"
                       r"((?:the\s+)?[A-Z][^,;]*)$")


def _split_join(part: str) -> list[str]:
    spread = _distributed(part)
    if spread:
        return spread
    person = re.search(r",\s+(?=\S)", part)
    while person:  # ", " before a person's title: "Frau Ministerin A, Herrn Minister B"; not before the name of
        # the office's holder alone ("Frau Bundesministerin des Innern, Dr. Katharina Roe")
        if honorific().match(part[person.end():]) and not _holder(part[person.end():].split(",")[0]):
            return [*_split_join(part[:person.start()]), *_split_join(part[person.end():])]
        person = re.compile(r",\s+(?=\S)").search(part, person.end())
    for join in recipient_joins():
        at = part.find(join + " ")
        if at <= 0:
            continue
        left, right = part[:at].strip(" ,"), part[at + len(join):].strip()
        right_name = re.sub(r"^(?:the|el|la|los|las|le|les|die|der)\s+", "", right, flags=re.I)
        lw = left.split()
        words = join.strip(" ,").split()
        if words[-1] in ("the", "el", "la", "le", "die"):  # "Council of Europe and the UN Human Rights Council",
            if not left[:1].isupper():  # "the Sovereignty Council and the security forces": a second body
                continue
        elif len(words) == 1 or words[:3] == ["as", "well", "as"]:  # a plain "and": "Heads of State and Government"
            if not (all(w[:1].isupper() or w[:1].isdigit() for w in lw) and right_name[:1].isupper() or
                    _two_bodies(lw, right_name)):
                continue
            if len(lw) == 1 and not lw[0].isupper() and re.search(r"\s(?:of|de|des|du|del)\s", right_name):
                continue  # "Speaker and Members of the Parliament", "Maritime and Port Authority of Singapore": one
            if lw and lw[0].casefold() in head_nouns() and not any(
                    w.casefold().strip(",") in head_nouns() for w in right_name.split()):
                continue  # "Menteri Energi dan Sumber Daya Mineral": the office's name goes on, no second body
        return [left, *_split_join(right_name)]
    return [part]


def _holder(t: str) -> bool:
    """A person's name alone, with no office ("Dr. Katharina Roe", not "Herrn Minister Paul Roe"): who holds the
    office named before it."""
    return looks_like_person(t) and not any(w.casefold() in head_nouns() for w in t.split())


def _two_bodies(left: list[str], right: str) -> bool:
    """'the government of the Republic of Korea and Korean companies': each side has a head noun of its own
    (data/addressees.yaml), the left ends with a name and the right starts with one: two bodies."""
    heads = head_nouns()
    return bool(left) and left[-1][:1].isupper() and right[:1].isupper() and \
        any(w.casefold() in heads for w in left) and any(w.casefold().strip(",") in heads for w in right.split())


# Where an addressee phrase runs on into who sent the letter: "the Ministry, backed by the Software Law Collective".
_RUN_ON = re.compile(r",?\s+(?:(?:backed|supported|endorsed|signed|co-?signed|joined|led)\s+by|said|says|according\s+"
                     r"to|soutenue?s?\s+par|signée?s?\s+par|respaldad[ao]s?\s+por|firmad[ao]s?\s+por)\b.*$", re.I)


def normalise_recipient(r: str) -> str:
    r = _RUN_ON.sub("", re.sub(r"\s+", " ", r)).strip(" ,.;:")
    r = re.sub(r"\s+(?:that|que|qui|dass)$", "", r)  # "ante la comunidad internacional que:": the clause's word
    r = re.sub(r"\s*\((?:[A-Z]{2,6})\)$", "", r)
    r = re.sub(r"^(?:to|the|all)\s+", "", r, flags=re.I)
    r = re.sub(r"^(?:right\s+)?(?:honou?rable|hon['’]ble|hon\.)\s+", "", r, flags=re.I)
    m = re.match(r"^(?:h\.\s?e\.|his|her|mr\.?|mrs\.?|ms\.?|dr\.?)\s+[^,]+,\s*(.+)$", r, flags=re.I)
    if m:  # "H.E. Gustavo Petro, President of the Republic of Colombia" -> the office
        r = m.group(1)
    elif honorific().match(r) and re.match(r"^\S+\s+[A-ZÀ-Ý][^,]*,\s*\S", r):
        head, tail = (x.strip() for x in r.split(",", 1))
        if _holder(tail) and not looks_like_person(head.split(None, 1)[1]):
            r = head  # "Frau Bundesministerin des Innern, Dr. Katharina Roe": the office, then who holds it
        else:
            r = tail  # "Sra. Ana López, Directora": the person, then her office
    # "Bapak Presiden Republik Indonesia", "Excelentíssimo Senhor Presidente", "His Excellency the President"
    r = re.sub(r"^(?:the|la|el|le|o|a)\s+(?=[A-ZÀ-Ý])", "", respect().sub("", r))
    aliases, abbrev = _recipient_aliases()
    key = r.casefold().replace("’", "'")
    if key in aliases:
        return aliases[key]
    for long, short in abbrev.items():
        r = re.sub(re.escape(long) + r"(?=\s+[A-Z])", short, r)
    if r and r[0].islower():
        r = r[0].upper() + r[1:]
    return _government_of(r)


def _government_of(r: str) -> str:
    """A country addressed by its name is its government ("We urge Sweden to ..."), and "Bangladesh government" or
    "Bangladesh's government" is "Government of Bangladesh": one form for one body. A demonym ("Burmese
    government") stays as printed."""
    m = re.fullmatch(r"(.+?)(?:['’]s)?\s+[Gg]overnment", r)  # "Bangladesh government", "Myanmar's government"
    place = m.group(1) if m else r
    if place not in load_countries().names:
        return r
    # a plural name or a union's takes its article: "the Philippines", "the United Kingdom"
    article = "the " if place.startswith("United ") or place.endswith(("lands", "ines")) else ""
    return f"Government of {article}{place}"


def same_body(a: str, b: str) -> bool:
    """'Governments of the United Kingdom' and 'Government of United Kingdom' name one body: the same words but for
    articles and a plural's s."""
    return _body_key(a) == _body_key(b)


def _body_key(r: str) -> str:
    return " ".join(w.removesuffix("s") for w in re.findall(r"[^\W_]+", r.casefold()) if w not in ("the", "of"))


def _recipients(lines: list[str], head_end: int, title_lines: Lines) -> tuple[tuple[str, ...], Lines]:
    block = address_block(lines, head_end, title_lines)
    if block:
        return _unique(normalise_recipient(p) for who in block[0] for p in split_recipients(who)), block[1]
    for rx in (_TO_LINE, _OPEN_TO):
        for i, raw in enumerate(lines[:head_end + 1]):
            m = rx.match(raw)
            if m and ((i + 1) not in title_lines or rx is _OPEN_TO) and not is_mail_header(lines, i) and \
                    m.group(1).split()[0].casefold().strip(",") not in pronouns() and \
                    without_mail(m.group(1)):  # "to me, partners", "To: list@example.org": an e-mail's
                text = _before_subtitle(without_mail(m.group(1)).strip())
                if _is_caps(text):
                    text = name_case(text, "\n".join(lines[:i] + lines[i + 1:]))
                return tuple(normalise_recipient(p) for p in split_recipients(text)), (i + 1,)
    # an address block: lines of the head that are neither title, date, honorific nor postal address
    for i, raw in enumerate(lines[:head_end]):
        t = raw.strip()
        if not t or (i + 1) in title_lines or find_dates(t) or _HONORIFIC.match(t) or _POSTAL.search(t) or \
                _GENERIC.match(t) or _RE_LINE.match(t) or _MD_HEADING.match(t):
            continue
        if i > 0 and _HONORIFIC.match(lines[i - 1]) and len(t) < NAME_UNDER_HONORIFIC_CHARS:
            return (normalise_recipient(t),), (i + 1,)
    return (), ()


def _unique(names) -> tuple[str, ...]:
    """Each body once: not again in other words ("Governments of Sweden" after "Government of Sweden"), nor in a
    shorter form ("Parliament" after "European Parliament")."""
    out: list[str] = []
    for n in names:
        if n and not any(same_body(n, x) or _words_in(n, x) for x in out):
            out.append(n)
    return tuple(out)


def _words_in(short: str, long: str) -> bool:
    def words(t: str) -> str:
        return " " + " ".join(re.findall(r"[^\W_]+", t.casefold())) + " "
    return words(short) in words(long)


# The greeting and the first paragraphs say whom a letter addresses; further down, "urge" is about others.
ADDRESS_CHARS = 1500
# The line under an honorific ("H.E.", "The Honourable") is the addressee's name when it is this short; longer is prose.
NAME_UNDER_HONORIFIC_CHARS = 90


def _addressees(lines: list[str], head_end: int, first_body: int, title: str | None) -> tuple[tuple[str, ...], Lines]:
    """From a greeting ("Dear Apple,"), else from the title or the first paragraphs' verbs ("We urge X to")."""
    named, used = greetings(lines, head_end if head_end < len(lines) else 0)
    if named:
        return _unique(normalise_recipient(p) for who in named for p in split_recipients(who)), used
    # a headline's addressee ("Groups urge Bangladesh to ...", "... Myanmar's military should stop violence!")
    named = (addressed_all(title, first_only=True) or told_what_they_must(title)) if title else []
    used, size = [], 0
    for i in range(first_body, len(lines)):
        used.append(i)
        size += len(lines[i])
        if size > ADDRESS_CHARS:
            break
    # whom the first paragraphs write to or call on, and whom the letter's own voice calls on further down
    found = named + addressed_all("\n".join(lines[i].strip() for i in used))
    found += [who for who in first_person_calls("\n".join(lines[used[-1] + 1:] if used else [])) if who not in found]
    # a copy's addressees, wherever the text says where the copies went (often under the signatures)
    found += [who for who in copied_to("\n".join(lines[used[-1] + 1:] if used else lines)) if who not in found]
    out = _unique(normalise_recipient(p) for who in found for p in split_recipients(who))
    return out, ((first_body + 1,) if len(found) > len(named) else ())


def _body_recipients(lines: list[str], start: int) -> tuple[tuple[str, ...], Lines]:
    """'... call upon Her Majesty's Government to act' / 'The international community must ...' near the top."""
    para, used = [], []
    while start > 0 and lines[start - 1].strip():  # from the start of the paragraph
        start -= 1
    for i in range(start, min(len(lines), start + 12)):
        if not lines[i].strip():
            if para:
                break
            continue
        para.append(lines[i].strip())
        used.append(i + 1)
    text = re.sub(r"\s+", " ", " ".join(para))
    first = re.match(r".+?[.!?](?:\s|$)", text)
    first_s = first.group(0) if first else text
    m = _ADDRESSEE.search(first_s) or _ADDRESSEE.search(text) or _SUBJECT_MUST.match(first_s)
    if m:
        return _unique(normalise_recipient(p) for p in split_recipients(m.group(1))), tuple(used[:1])
    return (), ()


def _before_subtitle(text: str) -> str:
    """'European Commission: No Trade Preferences for the Junta' -> 'European Commission'."""
    return re.split(r"\s*(?::|\s[–—-])\s+", text, maxsplit=1)[0]


def choose_recipients(front: list | None, front_title: str | None, meta: Meta) -> tuple[str, ...]:
    """Front matter's recipients, else whom a front-matter title of the kind "Open letter to the European
    Commission" names (the page says so in so many words), else the text's."""
    if front:
        return tuple(str(r) for r in front)
    m = _OPEN_TO.match(front_title or "")
    if not m:
        return meta.recipients
    return _unique(normalise_recipient(p) for p in split_recipients(_before_subtitle(m.group(1))))

