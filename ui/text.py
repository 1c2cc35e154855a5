"""Text from letters is data, never markup: one escaping helper for everything shown with markdown.

Streamlit renders markdown in st.markdown, st.caption, st.info/warning/success/error, expander, tab and
widget labels. A letter titled `![](http://host/x)` would make every viewer's browser fetch that URL,
and `:red[...]` would style text. `md` backslash-escapes every character markdown (and Streamlit's
`:colour[...]` / `:material/...:` directives) gives a meaning to, so the text shows as typed.

>>> print(md("![](http://127.0.0.1:8699/x)"))
\\!\\[\\]\\(http\\:\\/\\/127\\.0\\.0\\.1\\:8699\\/x\\)
>>> md(":red[alert]") == "\\\\:red\\\\[alert\\\\]"
True
>>> md("Fortify Rights")
'Fortify Rights'
"""
from __future__ import annotations

_MD_SPECIAL = frozenset("\\`*_{}[]()#+-.!<>|~$:=\"'&/^")


def md(text: object) -> str:
    """Escape a data value (a title, an organization name, a line of a letter) for Streamlit markdown.
    Newlines become spaces: a value is one run of text, it never opens a heading or a list."""
    s = " ".join(str(text).splitlines())
    return "".join("\\" + c if c in _MD_SPECIAL else c for c in s)
