"""A saved web page's own date when its markup gives none: the one full date the page prints in a short text of
its own (a banner, a signature counter's "1:30am EST 14/6/2013", a "Posted" line), noscript text included.

The reader takes it only when the letter prints no date of its own (graph.extract.letter: the last fallback).

>>> import lxml.html
>>> page_date(lxml.html.fromstring("<html><body><div>signatures so far</div><noscript>1:30am EST 14/6/2013"
...                                "</noscript><p>We write to you.</p></body></html>"))
'2013-06-14'
>>> page_date(lxml.html.fromstring("<html><body><p>Posted 3 May 2021</p><p>Related: 9 May 2020</p></body></html>"))
>>> page_date(lxml.html.fromstring("<html><body><p>We write.</p><h3>Related</h3><p><a href='/x'>Statement on"
...                                " dams</a> <span>3 May 2022</span></p></body></html>"))
"""
from __future__ import annotations

import re

from graph.extract.dates import find_dates
from graph.extract.leftovers import elsewhere_heading

# A page's own date stands in a short text (a counter, a dateline); a long one is prose that speaks of dates.
MAX_DATE_TEXT_CHARS = 60
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


_HEADING_TAGS = frozenset("h1 h2 h3 h4 h5 h6".split())


def page_date(root) -> str | None:
    """The one full date printed in the page's short texts above any list of the site's other articles; None
    when it prints none or several (a list of related articles' dates says nothing of this page's)."""
    body = root.find("body") if root.tag != "body" else root
    if body is None:
        return None
    found: set[str] = set()
    for el in body.iter():
        if el.tag in ("script", "style", "template") or not isinstance(el.tag, str):
            continue
        if el.tag in _HEADING_TAGS and elsewhere_heading(el.text_content()):
            break  # "Related", "Read also": the site's other articles, each with its own date
        for text in (el.text, el.tail):
            t = (text or "").strip()
            if t and len(t) <= MAX_DATE_TEXT_CHARS and _YEAR.search(t):  # few texts hold a year: find_dates is costly
                found.update(iso for iso, _ in find_dates(t))
                if len(found) > 1:
                    return None
    return found.pop() if found else None
