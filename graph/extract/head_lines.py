"""What the lines of a letter's head are: a Re:/Subject line, a heading, a To line, an "Open letter to ..."
heading, an honorific, a postal address, an e-mail header, a site's menu or name; where a headline breaks off over
two lines; a heading's script; a title printed in capitals put in sentence case, an addressee printed in capitals
in the form of a name. Shared by graph.extract.meta (the head's end), graph.extract.titles (titles) and
graph.extract.recipients (addressees).
"""
from __future__ import annotations

import re
from collections import Counter

from graph.extract.dates import find_dates

# A subject line, as printed in letters and e-mails (markdown bold around the label, "**Subject:** ..."); what it
# says, after an e-mail's reply and forward marks ("RE: Fwd: ...").
_RE_LINE = re.compile(r"^\s*[*_]*(?:re|subject|subj|objet|asunto|assunto|betreff|oggetto|perihal|hal|subjek|paksa|onderwerp)[*_]*"
                      r"\s*:\s*[*_]*\s*(?:(?:re|fwd?|fw|aw|tr|rv|wg|sv|vs|rif)\s*:\s*)*(.+?)[*_]*\s*$", re.I)
_MD_HEADING = re.compile(r"^\s*#{1,3}\s+(.+?)\s*#*\s*$")
_TO_LINE = re.compile(r"^\s*to\s*:?\s+(?!whom\b)(.+)$", re.I)
_OPEN_TO = re.compile(r"^\s*(?:an?\s+)?(?:joint\s+)?(?:open\s+)?(?:letter|appeal|statement|call)\s+to\s+(?:the\s+)?(.+)$",
                      re.I)
_GENERIC = re.compile(r"^\W*(?:(?:joint|open|public)\s+)?(?:ngo\s+|civil\s+society\s+)?(?:statement|letter|call|"
                      r"appeal|press\s+release|submission|briefing)\W*$|^\W*for\s+immediate\s+(?:press\s+)?release\W*$", re.I)
_HONORIFIC = re.compile(r"^\s*(?:his|her|their)\s+(?:excellenc|majesty|royal|honou?r)|^\s*(?:h\.?e\.?|mr|mrs|ms|dr|hon|"
                        r"rt\.?\s+hon|prof|shri|smt)\.?\s|^\s*(?:the\s+)?(?:right\s+)?(?:honou?rable|hon['’]ble)\s", re.I)
_POSTAL = re.compile(r"\d{3,}|\b(?:street|avenue|road|plaza|p\.?o\.? box|ny|suite|floor)\b", re.I)
_ADDRESSEE = re.compile(r"\b(?:call(?:s|ed)?\s+(?:up)?on|urg(?:e|es|ed|ing)|appeal(?:s|ed)?\s+to|writ(?:e|ing)\s+to)\s+"
                        r"(?:the\s+)?((?:[A-Z][\w’'.-]*|of|the|and|for|on|in|&)(?:\s+(?:[A-Z][\w’'.-]*|of|the|and|for|"
                        r"on|in|&|\([A-Z]+\)))*)\s+(?:to|in|and)\b")
_SUBJECT_MUST = re.compile(r"^\W*(?:the\s+)?((?:[A-Za-z][\w’'-]*\s+){0,5}?(?:community|council|states|governments?|"
                           r"members?|nations|union|asean|countries|authorities|donors))\s+(?:must|should)\b", re.I)
# An e-mail's header lines (in the languages letters come in); a Subject: among MAIL_HEADERS of them is an
# e-mail's subject, which a forwarded letter's own heading below it is preferred to.
_MAIL_HEADER = re.compile(r"^\s*[*_]*(?:from|sent|date|to|cc|bcc|subject|reply-to|de|von|an|para|à|objet|asunto|"
                          r"betreff|envoyé|enviado|gesendet|datum|fecha|assunto|data|dari|kepada|tanggal|perihal|"
                          r"subjek|paksa|petsa|van|aan|verzonden|onderwerp|oggetto|inviato|da|a)[*_]*\s*:", re.I)
MAIL_HEADERS = 3
_SMALL = frozenset("a an and as at but by for from in into of on or per the to with via".split())


def sentence_case(title: str, body: str) -> str:
    """'JOINT CALL FOR HUMAN RIGHTS COUNCIL SESSION' -> 'Joint call for Human Rights Council session' when the body
    prints 'Human Rights Council' capitalised; words the body prints in capitals (UN, ICC) stay in capitals."""
    words = Counter(re.findall(r"[^\W\d_][\w’'-]*", body))
    out = []
    for i, w in enumerate(title.split()):
        core = re.sub(r"^\W+|\W+$", "", w)
        low, cap = core.lower(), core[:1].upper() + core[1:].lower()
        if core and words[core] >= 1 and core.isupper() and len(core) > 1 and words[core] > words[cap]:
            rep = core
        elif core and (i == 0 or words[cap] > words[low]) and low not in _SMALL or i == 0:
            rep = cap
        else:
            rep = low
        out.append(w.replace(core, rep, 1) if core else w)
    return " ".join(out)


def _is_caps(t: str) -> bool:
    letters = [c for c in t if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) > 0.8 * len(letters)



def name_case(name: str, body: str) -> str:
    """An addressee printed in capitals in the form of a name: 'THE PRESIDENT OF THE REPUBLIC OF KENYA AND THE
    INSPECTOR-GENERAL' -> 'the President of the Republic of Kenya and the Inspector-General' (an addressee is a body
    or an office, each word of it capitalised; the small words not; words the body prints in capitals stay so)."""
    words = Counter(re.findall(r"[^\W\d_][\w’'-]*", body))
    out = []
    for w in name.split():
        core = re.sub(r"^\W+|\W+$", "", w)
        low = core.lower()
        if not core:
            rep = core
        elif core.isupper() and len(core) > 1 and words[core] > words[core.capitalize()]:
            rep = core  # an acronym the body prints in capitals too (UN, ICC)
        elif low in _SMALL or low in _NAME_SMALL:
            rep = low
        else:
            rep = "-".join(p[:1].upper() + p[1:].lower() for p in core.split("-"))
        out.append(w.replace(core, rep, 1) if core else w)
    return " ".join(out)


# Small words of other languages inside a name ("Ministère de la Justice", "Ministerio del Interior").
_NAME_SMALL = frozenset("de du des la le les et del y los las da do dos das e der die das und für".split())


# Quotation marks and brackets that may open a headline ("« Pas une expulsion sans relogement » : ...").
_OPENING = re.compile(r"^[«»“”„\"'‘’‚\[(¡¿\s]+")


# A bracketed label before a headline says what kind of text it is ("[Joint Statement] Abolish ...", "[UPDATED]"):
# no part of the title. At most 40 characters, and a title of three or more words after it.
_LABEL = re.compile(r"^\[[^\]]{1,40}\]\s*(?=(?:\S+\s+){2,}\S)")


# A headline line that breaks off here goes on on the next line ("... Feeds the Airstrikes:", "... on behalf of").
_CONTINUES = re.compile(r"\b(?:of|on|the|and|to|for|in|against|with|a|an|by|de|du|des|la|le|et|pour|sur|del|y|en|"
                        r"para|por|contra)\s*$|[-–—:,]\s*$", re.I)


def _latin(t: str) -> bool:
    """Most of the line's letters are Latin ones (a heading in English, French, Indonesian ...)."""
    letters = [c for c in t if c.isalpha()]
    return bool(letters) and sum(c < "\u0250" for c in letters) > 0.8 * len(letters)


# An e-mail's own lines: its subject as a mail reader shows it ("Fwd: Sign-on letter"), a forwarded message's rule.
_MAIL_LINE = re.compile(r"^\s*(?:(?:re|fwd?|fw|aw|tr|rv|wg)\s*:\s|-{3,}\s*(?:forwarded|original)\b|"
                        r"begin\s+forwarded)", re.I)


def _menu(t: str) -> bool:
    """A site's menu or language bar: short items between bars ("RU | EN | UA", "News · Opinion · Video")."""
    items = [x.strip() for x in re.split(r"\s[|·•»›>]\s", t)]
    spaced = [x.strip() for x in re.split(r"\s{2,}|\t", t.strip())]  # "Inicio  Quiénes somos  Noticias  Contacto"
    return len(items) >= MENU_BARRED_ITEMS and all(len(x.split()) <= MENU_ITEM_WORDS for x in items) or \
        len(spaced) >= MENU_SPACED_ITEMS and all(len(x.split()) <= MENU_ITEM_WORDS for x in spaced)


# Items of a menu set apart by runs of spaces, not bars: a title may hold one double space, not three.
MENU_SPACED_ITEMS = 4
# Items of a menu set apart by bars: two parts are a title and its site ("Statement | Site"), three a menu.
MENU_BARRED_ITEMS = 3
# A menu item is a word or two ("About us"); a title's parts between bars are longer.
MENU_ITEM_WORDS = 3


def _site_name(lines: list[str], i: int, t: str) -> bool:
    """A site's name: a menu right below it (no "Statement | 12 March 2025" line), or a copyright line further
    down that names it."""
    nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
    return bool(nxt) and _menu(nxt) and not find_dates(nxt) or \
        any(t in x and re.search(r"©|\bcopyright\b", x, re.I) for x in lines[i + 1:])
