"""Whom a letter addresses, when no "To:" line says so: its first sentences' verbs ("We urge X to"), a that-clause's
subject ("we demand that governments stop ..."), whom copies went to. Greetings and address lines are read by
graph.extract.address_lines.

Knowledge (greetings, verbs, head nouns in English, French, Spanish and more) is in data/addressees.yaml.

>>> addressed_all("Access Now and seven others are calling on authorities in Myanmar to end proceedings.")
['authorities in Myanmar']
>>> addressed_all("we urge the Parliament to call on European negotiators", first_only=True)
['Parliament']
>>> addressed_all("appellent la communauté internationale à agir")
['communauté internationale']
>>> addressed_all("85 Karen groups appeal to the Karen armed organizations (KNU/KNLA, DKBA and Karen BGF) not to")
['KNU/KNLA; DKBA; Karen BGF']
>>> addressed_all("manifestamos ante la comunidad nacional e internacional lo siguiente")
['comunidad nacional e internacional']

"""
from __future__ import annotations

import re
from functools import lru_cache

_CAP = r"(?:[A-Z][\w’'.&-]*|[A-Z]\.)"
_JOIN = r"(?:of|the|and|for|on|in|&|du|de|des|la|le|del|los|las)"


def _words(key: str) -> list[str]:
    """A word list of data/addressees.yaml, longest first (so that "demandons aux" is tried before "demandons")."""
    from graph.curated import expect, read_yaml

    return sorted((str(w) for w in expect(read_yaml("addressees.yaml"), key, list, "addressees.yaml")), key=len,
                  reverse=True)


def alternation(key: str) -> str:
    """The words of `key` as a regex alternation; a space matches any run of spaces, and a quotation may open
    there ("lancent un appel « à toutes les forces ...»")."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+(?:[«“\"]\s*)?") for w in _words(key))


@lru_cache(maxsize=1)
def knowledge() -> tuple[re.Pattern, frozenset, re.Pattern, re.Pattern]:
    greet = re.compile(r"^\s*(?:" + alternation("greetings") + r")\s+(.+?)\s*[,:;!]?\s*$", re.I)
    generic = frozenset(w.casefold() for w in _words("generic_greetings"))
    heads = "(?i:" + alternation("head_nouns") + ")"
    verb = r"\b(?i:" + alternation("address_verbs") + r")\s+(?i:(?:" + alternation("adverbs") + r")\s+)?"
    capitalised = verb + r"(?i:the\s+|l[ae]s?\s+|l[’']|el\s+|los\s+|las\s+)?(" + _CAP + r"(?:\s+(?:" + _CAP + "|" + _JOIN + \
        r"|\([A-Z]+\)))*)(?=\s+(?:to|in|and|à|a|de|per|zu|asking|urging|calling|demanding|requesting|that|which|with|" \
        r"for|over|regarding|about|on\s+behalf)\b|\s*[,.;:](?:\s|$))"  # looked at, not taken: a copy cue may follow
    # lower case: up to three words, a head noun, then an optional "in/of Place" ("authorities in Myanmar")
    # ... or a Romance adjective or two after the noun ("la comunidad nacional e internacional", "la communauté
    # internationale")
    lower = verb + r"(?i:the\s+|l[ae]s?\s+|l[’']|el\s+|los\s+|las\s+)?(" + _not_a_start() + r"(?:[\w’'-]+\s+){0,3}?(?:" + heads + \
        r")(?:\s+(?:in|of|de|du|des)\s+(?:the\s+)?" + _CAP + r"(?:\s+" + _CAP + r")*|\s+" + _no_marker() + \
        r"[^\W\d_]+" + \
        r"(?:\s+(?:e|y|et)\s+[^\W\d_]+)?(?=\s+(?:à|a|de|para|por|sobre|que|lo)\b|[,.;:]))?)" + \
        r"(?=\s+(?:to|à|a|de|in|and|that|per|para|por|sobre|que|lo|not)\b|\s*[,.;:(])"
    return greet, generic, re.compile(capitalised), re.compile(lower)


@lru_cache(maxsize=1)
def _object_phrase() -> re.Pattern:
    """A verb, whom it calls on in any case and without a head noun, then an infinitive: "call upon all peace
    loving people of the world and world leaders to understand", "appellent toutes les forces progressistes à
    agir". The phrase is at most MAX_OBJECT_WORDS words and holds no punctuation, so a clause is never taken; it
    does not start with a preposition or a verb ("write to express our concern to ..."), and holds no pronoun."""
    verb = r"\b(?i:" + alternation("address_verbs") + r")\s+(?i:(?:" + alternation("adverbs") + r")\s+)?"
    markers = "|".join(re.escape(m) for m in _markers())
    never = r"(?!(?i:(?:" + alternation("not_addressee_words") + "|" + markers + r")\b))"
    first = _not_a_start()
    word = r"[^\W\d_][\w’'-]*"
    ellipsis = r"(?:\s*(?:\[\s*(?:\.{3}|…)\s*\]|…))?"  # a quotation's cut "[...]" before the infinitive
    # articles as printed in lower case ("UN" is no French "un"); after "to" one means a place or a thing ("to
    # the conflict"), not an infinitive
    articles = alternation("articles")
    return re.compile(verb + r"[«“\"]?\s*" + first + r"(?:(?:" + articles + r")\s+){0,2}(" + first + never + word + r"(?:\s+" +
                      never + word + r"){0," + str(MAX_OBJECT_WORDS - 1) + r"})" + ellipsis + r"(?=\s+(?:" +
                      "|".join(_infinitive(m, ends) for m, ends in _markers().items()) + "))")


@lru_cache(maxsize=1)
def _markers() -> dict[str, list[str]]:
    from graph.curated import expect, read_yaml

    found = expect(read_yaml("addressees.yaml"), "infinitive_markers", dict, "addressees.yaml")
    return {str(k): [str(e) for e in v or []] for k, v in sorted(found.items(), key=lambda kv: -len(str(kv[0])))}


def _infinitive(marker: str, ends: list[str]) -> str:
    """The marker, then a verb: any word that is no article, or one ending as `ends` say ("a garantizar")."""
    articles = alternation("articles")
    if not ends:
        return r"(?i:" + re.escape(marker) + r")\s+(?!(?:" + articles + r")\b)[^\W\d_]"
    return r"(?i:" + re.escape(marker) + r")\s+(?:[^\W\d_]*(?:" + "|".join(re.escape(e) for e in ends if e != "que") + \
        r")\b" + (r"|que\b" if "que" in ends else "") + ")"


def _no_marker() -> str:
    """Not at an infinitive's marker: "urge the Security Council to:" has no adjective "to"."""
    return r"(?!(?i:" + "|".join(re.escape(m) for m in _markers()) + r")\b)"


def _not_a_start() -> str:
    """Not at a word that starts no addressee (a preposition, "express" after "write to")."""
    return r"(?!(?:" + alternation("not_addressee_starts") + r")\b)"  # as printed: "her" is no "Her Majesty's"


@lru_cache(maxsize=1)
def _copy() -> re.Pattern:
    """Whom a copy went to, to the end of the sentence: "with a copy to the Ministry of Home Affairs and other
    central government ministries." A copy's addressee is a list of bodies, so it may hold lower-case words."""
    return re.compile(r"\b(?i:" + alternation("copy_cues") + r")\s+(?i:the\s+)?([^\W\d_][^.;:!?()]{2,"
                      + str(MAX_COPY_CHARS) + r"}?)(?=\s*[.;:!?](?:\s|$))")


def copied_to(text: str) -> list[str]:
    """Whom copies of the letter went to ("with a copy to the Ministry of Home Affairs.")."""
    if not re.search(r"cop|kopie", text, re.I):
        return []  # most letters send no copies: skip the search
    return [m.group(1).strip() for m in _copy().finditer(re.sub(r"\s+", " ", text))]


# A copy's addressees are a phrase, not a paragraph.
MAX_COPY_CHARS = 120


# Whom a letter calls on is a noun phrase of a few words ("all peace loving people of the world and world
# leaders": 10); a longer run of words before "to" is a clause. Set to cover that phrase of one development
# letter: 4 to 8 give the same scores on the 30 others, so left out, that letter would have been missed.
MAX_OBJECT_WORDS = 10




def addressed_all(text: str, first_only: bool = False) -> list[str]:
    """Everyone the sentences call on, urge, write to or appeal to, in order, each once: a statement with no
    address line addresses each body it calls on ("We call on the UN Security Council ... We urge ASEAN ...")."""
    _, _, capitalised, lower = knowledge()
    flat = re.sub(r"\s+", " ", re.sub(r"(?<=[a-z])-[ \t]*\n\s*(?=[a-z])", "", text))  # "communi-\nty": one word
    flat = _glued().sub(r"\1 \2", flat)
    patterns = (capitalised, lower, _object_phrase(), _copy(), _that_clause(),
                *((_colon(),) if ":" in flat else ()))  # the colon one is slow
    found = sorted((m for rx in patterns for m in rx.finditer(flat)),
                   key=lambda m: (m.start(), -m.end()))  # at one place, the longest reading first
    out: list[str] = []
    end = last = -1
    for m in found:
        if m.start() < end:
            continue  # a shorter reading of a phrase already taken
        if _ASKED_TO.fullmatch(flat, last, m.start()):
            continue  # "urge the Parliament to call on European negotiators": whom the addressee is to call on
        if _OTHERS_CALL.search(flat, max(0, m.start() - 5), m.start()) and re.match(r"\w+ing\b", flat[m.start():]):
            continue  # "We support HMG in calling on the military": another's call, which the letter supports
        end = m.end()
        listed = _LISTED.match(flat, m.end())
        more = _more().match(flat, m.end(1))
        if listed:  # "appeal to the Karen armed organizations (KNU/KNLA, DKBA and Karen BGF)": those it names
            who = "; ".join(x.strip() for x in re.split(r",\s*|\s+and\s+", listed.group(1)) if x.strip())
        elif more:  # "call on the Government of Singapore, the Government of Vietnam and the Maritime ... to"
            end = max(end, more.end())
            who = m.group(1).strip(" ,.;") + re.sub(r"\s*,\s*(?:(?:and|et|y|dan)\s+)?", "; ", more.group(1))
        else:
            who = m.group(1).strip(" ,.;")
        if who and who.split()[0].casefold() in pronouns():
            continue  # "Wir fordern Sie auf:": the letter's reader, no name
        last = m.end(1)
        if who and who.casefold() not in {x.casefold() for x in out}:
            out.append(who)
        if first_only:
            break
    return out


# An address verb right after an addressee and its infinitive's marker is what the addressee is asked to do
# ("urge the Parliament to call on ..."), not whom the letter calls on ("come together to rebuke X" is).
_ASKED_TO = re.compile(r"\s+(?:to|à)\s+", re.I)
# A gerund after these is someone else's act the letter speaks of ("support HMG in calling on", "thank you for
# urging").
_OTHERS_CALL = re.compile(r"\b(?:in|for)\s+$", re.I)


@lru_cache(maxsize=1)
def _glued() -> re.Pattern:
    """A head noun run into the "to" after it, where a scraped page lost the space ("calling on the Burmese
    governmentto make peace"): the words, split again."""
    heads = "|".join(re.escape(w) for w in _words("head_nouns") if " " not in w)
    return re.compile(r"\b(" + heads + r")(to)(?=\s+[^\W\d_])", re.I)


@lru_cache(maxsize=1)
def _that_clause() -> re.Pattern:
    """A demand on the subject of a that-clause: "We demand that governments and businesses from around the world
    stop ...", "we urge that the government of the Republic of Korea and Korean companies should ...". The subject
    is a phrase of at most MAX_OBJECT_WORDS words with no punctuation and no pronoun, holds a head noun or starts
    with a capital, and is followed by a modal or a verb of demand (data/addressees.yaml that_verbs, that_modals)."""
    verbs = alternation("that_verbs")
    adverbs = r"(?:(?i:" + alternation("adverbs") + r")\s+)?"
    never = r"(?!(?i:(?:" + alternation("not_addressee_words") + r")\b))"
    word = r"[^\W\d_][\w’'.-]*"
    heads = "(?i:" + alternation("head_nouns") + ")"
    phrase = never + word + r"(?:\s+" + never + word + r"){0," + str(MAX_OBJECT_WORDS - 1) + "}?"
    article = r"(?:(?i:the|la|le|les|el|los|las)\s+)?"
    subject = r"(?=(?:" + article + r"[A-Z]|(?:\S+\s+){0," + str(MAX_OBJECT_WORDS - 1) + r"}?" + heads + r"\b))"
    return re.compile(r"\b" + adverbs + r"(?i:" + verbs + r")\s+" + adverbs + subject + article + "(" + phrase + r")\s+" +
                      adverbs + r"(?=(?i:" + alternation("that_modals") + r")\b)")


@lru_cache(maxsize=1)
def pronouns() -> frozenset[str]:
    return frozenset(w.casefold() for w in _words("not_addressee_words"))


@lru_cache(maxsize=1)
def _more() -> re.Pattern:
    """The rest of a list of capitalised addressees after the first: ", the Government of Vietnam and the Maritime
    and Port Authority of Singapore", up to the infinitive that says what they are asked ("to take")."""
    article = r"(?:(?i:the|l[ae]s?|el|los|las)\s+|l[’'])?"
    item = article + _CAP + r"(?:\s+(?:" + _CAP + "|" + _JOIN + r"|\([A-Z]+\)))*"
    markers = "|".join(re.escape(m) for m in _markers())
    return re.compile(r"((?:\s*,\s*(?:(?:and|et|y|dan)\s+)?" + item + r")+)(?=\s+(?:" + markers + r")\s)")


@lru_cache(maxsize=1)
def _colon() -> re.Pattern:
    """A verb whose addressee runs to a colon before a list of demands: "Nous demandons aux autorités de
    transition du Burkina Faso et du Mali :", "Exigimos al Estado de Guatemala:". Not past an infinitive's or a
    clause's word ("urge the community to put pressure on the regime to:" names the community, read otherwise)."""
    verbs = alternation("address_verbs")
    return re.compile(r"\b(?i:" + verbs + r")\s+(?i:the\s+|l[ae]s?\s+|l[’']|el\s+|los\s+|las\s+)?"
                      r"((?:(?!\b(?:to|that|for|à)\b)[^.:;!?]){3," + str(MAX_COLON_ADDRESSEE) + r"}?)\s*:(?=\s|$)")


# An addressee before a colon is a phrase, not a sentence.
MAX_COLON_ADDRESSEE = 100


# A parenthesised list of two or more short names right after the addressee.
_LISTED = re.compile(r"\s*\(((?:[^(),]{1,40},\s*)+[^(),]{1,40}?(?:\s+and\s+[^(),]{1,40})?)\)")


@lru_cache(maxsize=1)
def head_nouns() -> frozenset[str]:
    """Head nouns of data/addressees.yaml of one word, case-folded."""
    return frozenset(w.casefold() for w in _words("head_nouns") if " " not in w)


@lru_cache(maxsize=1)
def plural_heads() -> frozenset[str]:
    """Head nouns of data/addressees.yaml in the plural ("governments"), case-folded."""
    return frozenset(w.casefold() for w in _words("head_nouns") if w.endswith("s") and " " not in w)


@lru_cache(maxsize=1)
def respect() -> re.Pattern:
    """Words of respect before an office (data/addressees.yaml respect_words), as many as are printed, when the
    office follows with a capital."""
    return re.compile(r"^(?:(?i:" + alternation("respect_words") + r")\s+)+(?=(?:(?:the|la|el|le|o|a)\s+)?[A-ZÀ-Ý])")


@lru_cache(maxsize=1)
def recipient_joins() -> tuple[str, ...]:
    """Words that join two addressees (data/addressees.yaml), longest first: ", y al" before " y"."""
    return tuple(_words("recipient_joins"))


@lru_cache(maxsize=1)
def honorific() -> re.Pattern:
    """A person's title at the start of a text ("Ms. Ingrid Solberg", "Herrn Minister")."""
    return re.compile(r"^\s*(?:" + alternation("honorifics") + r")(?:(?<=\.)|\s)", re.I)
