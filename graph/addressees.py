"""Whom a letter addresses, when no "To:" line says so: its greeting, or its first sentences' verbs.

Knowledge (greetings, verbs, head nouns in English, French, Spanish and more) is in data/addressees.yaml.

>>> greeting(["Dear Members of Congress,"]), greeting(["Dear Sir or Madam,"])
('Members of Congress', None)
>>> addressed("Access Now and seven others are calling on authorities in Myanmar to end proceedings.")
'authorities in Myanmar'
>>> addressed("we urge the Parliament to call on European negotiators"), addressed("appellent la communauté internationale à agir")
('Parliament', 'communauté internationale')
>>> addressed("85 Karen groups appeal to the Karen armed organizations (KNU/KNLA, DKBA and Karen BGF) not to")
'KNU/KNLA; DKBA; Karen BGF'
>>> addressed("manifestamos ante la comunidad nacional e internacional lo siguiente")
'comunidad nacional e internacional'

"""
from __future__ import annotations

import re
from functools import lru_cache

# A greeting is a short line; a longer one is a sentence that happens to start "To ...".
MAX_GREETING_CHARS = 90
_CAP = r"(?:[A-Z][\w’'.&-]*|[A-Z]\.)"
_JOIN = r"(?:of|the|and|for|on|in|&|du|de|des|la|le|del|los|las)"


@lru_cache(maxsize=1)
def _knowledge() -> tuple[re.Pattern, frozenset, re.Pattern, re.Pattern]:
    from .curated import expect, read_yaml

    f = "addressees.yaml"
    data = read_yaml(f)

    def alternation(key: str) -> str:
        words = sorted((str(w) for w in expect(data, key, list, f)), key=len, reverse=True)
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)

    greet = re.compile(r"^\s*(?:" + alternation("greetings") + r")\s+(.+?)\s*[,:;!]?\s*$", re.I)
    generic = frozenset(str(w).casefold() for w in expect(data, "generic_greetings", list, f))
    heads = "(?i:" + alternation("head_nouns") + ")"
    verb = r"\b(?i:" + alternation("address_verbs") + r")\s+(?i:" + alternation("adverbs") + r"\s+)?"
    capitalised = verb + r"(?i:the\s+|l[ae]s?\s+|l[’']|el\s+|los\s+|las\s+)?(" + _CAP + r"(?:\s+(?:" + _CAP + "|" + _JOIN + \
        r"|\([A-Z]+\)))*)\s+(?:to|in|and|à|a|de|per|zu)\b"
    # lower case: up to three words, a head noun, then an optional "in/of Place" ("authorities in Myanmar")
    # ... or a Romance adjective or two after the noun ("la comunidad nacional e internacional", "la communauté
    # internationale")
    lower = verb + r"(?i:the\s+|l[ae]s?\s+|l[’']|el\s+|los\s+|las\s+)?((?:[\w’'-]+\s+){0,3}?(?:" + heads + \
        r")(?:\s+(?:in|of|de|du|des)\s+(?:the\s+)?" + _CAP + r"(?:\s+" + _CAP + r")*|\s+[^\W\d_]+" + \
        r"(?:\s+(?:e|y|et)\s+[^\W\d_]+)?(?=\s+(?:à|a|de|para|por|sobre|que|lo)\b|[,.;:]))?)" + \
        r"(?=\s+(?:to|à|a|de|in|and|that|per|para|por|sobre|que|lo|not)\b|\s*[,.;:(])"
    return greet, generic, re.compile(capitalised), re.compile(lower)


def greeting(lines: list[str]) -> str | None:
    """The addressee a greeting line names ("Dear Apple," -> "Apple"), or None for "Dear Sir or Madam"."""
    greet, generic, _, _ = _knowledge()
    for raw in lines:
        t = raw.strip()
        if not t or len(t) > MAX_GREETING_CHARS:
            continue
        m = greet.match(t)
        if m:
            who = m.group(1).strip(" ,;:!")
            return None if who.casefold() in generic or not who else who
    return None


def addressed(text: str) -> str | None:
    """Whom the first sentences call on, urge or appeal to."""
    _, _, capitalised, lower = _knowledge()
    flat = re.sub(r"\s+", " ", text)
    found = [m for rx in (capitalised, lower) for m in [rx.search(flat)] if m]
    if not found:
        return None
    m = min(found, key=lambda m: m.start())
    listed = _LISTED.match(flat, m.end())
    if listed:  # "appeal to the Karen armed organizations (KNU/KNLA, DKBA and Karen BGF)": those it names
        return "; ".join(x.strip() for x in re.split(r",\s*|\s+and\s+", listed.group(1)) if x.strip())
    return m.group(1).strip(" ,.;")


# A parenthesised list of two or more short names right after the addressee.
_LISTED = re.compile(r"\s*\(((?:[^(),]{1,40},\s*)+[^(),]{1,40}?(?:\s+and\s+[^(),]{1,40})?)\)")
