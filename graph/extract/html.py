"""Saved web pages to the reader's plain lines: the article and its signatory lists, without the page around it.

Article extractors find where a page's article starts, but drop link lists and tab panels, which is where pages
keep their signatories (measured on saved letter pages: trafilatura, readability-lxml and jusText each kept 0
of 35 names of a `<ul>` of links). So trafilatura finds where the article starts and the page's own date,
graph.extract.page_titles finds its title, and an own walk over the page's elements writes the lines: this
module drops menus, language bars, share buttons, comments, related posts and footers (by element and by class
or id, words in data/page_leftovers.yaml);
the walk (graph.extract.page_blocks) keeps lists ("- " items, "1. " numbers), tables (" | " rows) and headings,
and prints a tab's label above its panel.

>>> page = ('<html><body><nav><a href="/">Home</a></nav><h1>Open letter</h1><p>We urge you.</p>'
...         '<ul><li><a href="http://a.org">Alpha Network</a></li><li>Beta Union</li></ul>'
...         '<div class="share-buttons">Share on Twitter</div><footer>Copyright 2021</footer></body></html>')
>>> to_lines(page)[0]
['Open letter', '', 'We urge you.', '', '- Alpha Network', '- Beta Union']
"""
from __future__ import annotations

import re
from functools import lru_cache

import lxml.html
from lxml import etree

from graph.extract.leftovers import elsewhere_heading
from graph.extract.page_blocks import Walker
from graph.extract.page_dates import page_date
from graph.extract.page_titles import page_title

_DROP_TAGS = frozenset("script style noscript template svg iframe form button select input textarea nav aside "
                       "footer object embed canvas video audio map head".split())
_PARSER = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, no_network=True)
# How many blocks above the article's first paragraph its heading may be (a title, a date, a byline, an address).
HEAD_BLOCKS = 10
# The extractor's first lines that locate the article's start; a long line is matched by its first characters
# (the extractor and the walk may join a paragraph's lines differently).
FIRST_LINES = 5
MATCH_PREFIX = 60
# Text above the page's one <h1> that is dropped as a banner (quotes, a counter); more is the letter itself, with
# a heading such as "Signatories" as the h1 below it.
MAX_ABOVE_H1_CHARS = 1500
# Pages far larger than any letter page are not walked by the article extractor (its cost grows fast).
MAX_EXTRACTOR_CHARS = 2_000_000
_LOOKS_HTML = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_TAG = re.compile(r"</?(?:p|div|span|a|li|ul|ol|table|tr|td|h[1-6]|br|img|section|article|meta|link|script)\b", re.I)
# Share of lines holding an HTML tag above which a .txt/.md file is page source, not text with a stray tag.
HTML_TAG_SHARE = 0.3
# ... and it has at least this many non-blank lines and tags: a short note quoting a tag or two is text.
HTML_MIN_LINES, HTML_MIN_TAGS = 5, 10
# An in-page link of this many words at most, outside a list, is a navigation aid ("Skip to content", "Top").
JUMP_LINK_WORDS = 4


def looks_like_html(text: str) -> bool:
    """Page source saved as .txt/.md: starts like a page, or most of its lines hold tags."""
    if _LOOKS_HTML.match(text[:4000]):
        return True
    head = text[:50000]
    lines = [ln for ln in head.split("\n") if ln.strip()]
    tagged = sum(1 for ln in lines if _TAG.search(ln))
    return len(lines) >= HTML_MIN_LINES and tagged >= HTML_TAG_SHARE * len(lines) and len(_TAG.findall(head)) >= HTML_MIN_TAGS


@lru_cache(maxsize=1)
def _leftover_words() -> re.Pattern:
    from ..curated import expect, read_yaml

    data = read_yaml("page_leftovers.yaml")
    words = expect(data, "class_words", list, "page_leftovers.yaml")
    return re.compile(r"(?:^|[\s_-])(?:" + "|".join(re.escape(w) for w in words) + r")(?:$|[\s_-]|s\b)", re.I)


def to_lines(page: str) -> tuple[list[str], dict]:
    """(lines, page metadata {page_title, page_date}) of a saved web page."""
    try:  # the text is already decoded: the parser must not guess an encoding for its UTF-8 bytes
        root = lxml.html.document_fromstring(page.encode("utf-8", "replace"), parser=_PARSER)
    except (etree.ParserError, ValueError):
        return [], {}
    meta, start_text = _article_start(page)
    if "page_date" not in meta and (printed := page_date(root)):
        meta["page_date"] = printed
    if named := page_title(root):  # before the pruning, which drops the page's head
        meta["page_title"] = named
    # the article's longest first line marks it (a paragraph: a comments heading quotes the title, "2 thoughts
    # on “Title”", and an element holding the title only would be kept as the article)
    longest = max(start_text, key=len, default="")
    _prune(root, _norm(longest)[:MATCH_PREFIX] if len(longest) >= MATCH_PREFIX else "")
    blocks = Walker(root).blocks()
    start = _start_index(blocks, start_text)
    lines: list[str] = []
    for kind, text in blocks[start:]:
        if kind in ("heading", "h1") and elsewhere_heading(text):
            break  # "Related", "More from X": the site's other articles, each with its own title and date
        if kind == "break":
            if lines and lines[-1] != "":
                lines.append("")
        else:
            lines.append(text)
    while lines and not lines[-1]:
        lines.pop()
    return lines, meta


def _article_start(page: str) -> tuple[dict, list[str]]:
    """(page date, the article's first lines) from trafilatura; empty when it finds no article. Its title is
    not taken (graph.extract.page_titles says why)."""
    if len(page) > MAX_EXTRACTOR_CHARS:
        return {}, []
    import logging

    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        # a page's date only from its markup and dated lines: the extensive search guesses from "© 2024"
        doc = trafilatura.bare_extraction(page, favor_recall=True, include_tables=True, with_metadata=True,
                                          include_comments=False,
                                          date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception:  # noqa: BLE001 - the extractor is a hint; the walk below reads the page without it
        return {}, []
    if doc is None:
        return {}, []
    meta = {"page_date": doc.date} if doc.date else {}
    return meta, [ln.strip() for ln in (doc.text or "").split("\n") if ln.strip()][:FIRST_LINES]


def _start_index(blocks: list[tuple[str, str]], first: list[str]) -> int:
    """The block where the article starts: the extractor's first paragraph, or a heading just above it; the page's
    one <h1> when that comes later (what the extractor took for the start was a banner or a quote above it)."""
    # an <h1> broken by <br> is several h1 lines in a row: one heading, starting at its first line
    h1 = [i for i, (kind, _) in enumerate(blocks) if kind == "h1" and (i == 0 or blocks[i - 1][0] != "h1")]
    start = _extractor_start(blocks, first)
    if len(h1) == 1 and h1[0] > start and sum(len(t) for _, t in blocks[start:h1[0]]) < MAX_ABOVE_H1_CHARS:
        return h1[0]
    return start


def _extractor_start(blocks: list[tuple[str, str]], first: list[str]) -> int:
    """The earliest block that is one of the extractor's first lines (a short one matched whole, a long one by its
    start), or a heading up to HEAD_BLOCKS text blocks above it."""
    found = []
    for line in first:
        key = _norm(line)
        if len(key.split()) < 2:
            continue  # one word ("Home") matches too much
        at = next((i for i, (kind, t) in enumerate(blocks) if kind != "break" and
                   (_norm(t) == key or len(key) >= MATCH_PREFIX and key[:MATCH_PREFIX] in _norm(t))), None)
        if at is not None:
            found.append(at)
    if not found:
        return 0
    at = min(found)
    texts = [i for i in range(at) if blocks[i][0] != "break"][-HEAD_BLOCKS:]
    heading = next((i for i in texts if blocks[i][0] in ("heading", "h1")), None)
    return heading if heading is not None else at


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s).casefold().strip()


def _prune(root, article: str) -> None:
    """Remove what is never the letter: scripts, menus, hidden parts, share bars, comments, footers. An element
    whose class only sounds like furniture but holds the article's first words stays (page builders put whole
    articles in elements of class "widget")."""
    words = _leftover_words()
    doomed = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            doomed.append(el)  # comments, processing instructions
            continue
        tag = el.tag.lower()
        if tag in _DROP_TAGS or el.get("hidden") is not None or el.get("aria-hidden") == "true" or \
                re.search(r"display\s*:\s*none", el.get("style") or "", re.I) or \
                el.get("role") in ("navigation", "banner", "contentinfo", "complementary", "search"):
            doomed.append(el)
        elif tag == "a" and (el.get("href") or "").startswith("#") and len(el.text_content().split()) <= JUMP_LINK_WORDS and \
                el.getparent() is not None and el.getparent().tag != "li" and el.get("role") != "tab":
            doomed.append(el)  # "Back to top", "Skip to content": links within the page, outside a list of tabs
        elif tag not in ("body", "html") and words.search(f"{el.get('class') or ''} {el.get('id') or ''}") and \
                not (article and article in _norm(el.text_content())):
            doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()
