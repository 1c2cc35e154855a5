"""A saved web page's own title, from its markup: what the page says its article is called (og:title,
twitter:title), its <title> without the site's name, or its one <h1>.

The reader takes it only when the letter's text prints no title of its own (graph.extract.letter), which is
what a page does that shows the letter under a headline kept in the page's head. The article extractor's title
is not used: it takes any heading whose class holds "title", and share bars are headed
`<h3 class="sd-title">Share this:</h3>`.

>>> import lxml.html
>>> page_title(lxml.html.fromstring("<html><head><title>Joint letter on dams in the north | Rivers Watch</title>"
...     "<meta property='og:site_name' content='Rivers Watch'></head><body><h3 class='sd-title'>Share this:</h3>"
...     "</body></html>"))
'Joint letter on dams in the north'
>>> page_title(lxml.html.fromstring("<html><head><title>Rivers Watch</title></head><body><p>Hi</p></body></html>"))
"""
from __future__ import annotations

import re

from graph.extract.leftovers import word_key

# The separators between an article's title and the site's name in a <title> ("Title | Site", "Site » Title").
# Headlines print dashes and colons of their own ("Myanmar: end the killings – a joint statement"): a dash
# parts the site's name off only when the page names its site.
_SEPARATOR = re.compile(r"\s+(?:[|»·•]|::)\s+")
_DASH = r"\s+(?:[|»·•–—]|::|-{1,2})\s+"
# Fewer words than this is the name of a site or a section ("Rivers Watch", "News"), not an article's title.
MIN_PAGE_TITLE_WORDS = 4
# A page title is a line; a longer text in a title tag is a site's description stuffed for search engines.
MAX_PAGE_TITLE_CHARS = 250


def page_title(root) -> str | None:
    """The article's title in the page's markup, without the site's name; None when the page names only its
    site (or nothing)."""
    site = _meta(root, "og:site_name") or _meta(root, "application-name")
    for candidate in (_meta(root, "og:title"), _meta(root, "twitter:title"), _title_tag(root, site), _one_h1(root)):
        t = _tidy(candidate or "")
        if t and not _is_site(t, site):
            return t
    return None


def _meta(root, key: str) -> str | None:
    for el in root.iter("meta"):
        if key in ((el.get("property") or "").strip().lower(), (el.get("name") or "").strip().lower()):
            content = (el.get("content") or "").strip()
            if content:
                return content
    return None


def _title_tag(root, site: str | None) -> str | None:
    """<title> without the site's name: cut off at either end when the page names its site, else the longest
    of the parts that a separator only sites use divides it into."""
    el = next(root.iter("title"), None)
    text = re.sub(r"\s+", " ", el.text_content() if el is not None else "").strip()
    if site:
        name = re.escape(re.sub(r"\s+", " ", site).strip())
        text = re.sub(rf"^{name}{_DASH}|{_DASH}{name}$", "", text, flags=re.I)
    parts = [p for p in _SEPARATOR.split(text) if p.strip()]
    return max(parts, key=lambda p: len(p.split()), default=None)


def _one_h1(root) -> str | None:
    h1 = list(root.iter("h1"))
    return h1[0].text_content() if len(h1) == 1 else None


def _tidy(t: str) -> str:
    t = re.sub(r"\s+", " ", t).strip()
    if len(t) > MAX_PAGE_TITLE_CHARS or len(t.split()) < MIN_PAGE_TITLE_WORDS:
        return ""
    return t


def _is_site(t: str, site: str | None) -> bool:
    return bool(site) and word_key(t) == word_key(site or "")
