"""Front matter: YAML (`---`), TOML (`+++`) and the `Key: value` header of Pelican/MultiMarkdown files.

Front matter is parsed under limits (size, no YAML aliases: a 797-byte alias bomb expands to gigabytes), its
values are checked for the types the reader uses, and it is blanked out of the text so line numbers stay those
of the file.

>>> meta, text, _ = split("+++\\ntitle = 'A letter'\\ndate = 2020-05-02T06:03:00Z\\n+++\\nBody\\n", "a.md")
>>> meta, text.split("\\n")[4]
({'title': 'A letter', 'date': '2020-05-02'}, 'Body')
>>> split("Title: Una lettera\\nDate: 2009-12-10 15:07\\nAuthor: admin\\n\\nBody\\n", "b.md", header=True)[0]
{'title': 'Una lettera', 'date': '2009-12-10', 'author': 'admin'}
"""
from __future__ import annotations

import datetime as dt
import re
import tomllib
from typing import Any

import yaml

from .errors import LoadError

# A letter's front matter is a few lines; anything larger is not front matter worth reading.
MAX_FRONT_MATTER_BYTES = 64 * 1024
_YAML = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)
_TOML = re.compile(r"\A\+\+\+[ \t]*\n(.*?\n)?\+\+\+[ \t]*(?:\n|\Z)", re.S)
# Pelican / MultiMarkdown: "Title: ..." lines up to the first blank line, starting on line one.
_HEADER_LINE = re.compile(r"^([A-Za-z][\w-]{0,30}):[ \t]*(.*)$")
_HEADER_KEYS = frozenset({"title", "date"})
_DATE_KEYS = ("date", "published", "publishdate", "pubdate", "created")
_SURROGATE = re.compile("[\ud800-\udfff]")


class _NoAliasLoader(yaml.SafeLoader):
    """Safe YAML that refuses aliases (the billion-laughs expansion) and keeps dates as text."""

    def compose_node(self, parent, index):  # noqa: ANN001 - PyYAML's signature
        if self.check_event(yaml.AliasEvent):
            raise yaml.YAMLError("aliases (*name) are not allowed in front matter")
        return super().compose_node(parent, index)


# Dates stay text: PyYAML raises ValueError on `date: 2021-02-30`; the date is checked below with a clear message.
_NoAliasLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def split(text: str, name: str, header: bool = False) -> tuple[dict, str, int]:
    """(metadata, text with the front matter blanked, lines blanked).
    header: also read a Pelican-style `Key: value` header."""
    for rx, parse in ((_YAML, _yaml), (_TOML, _toml)):
        m = rx.match(text)
        if m:
            body = m.group(1) or ""
            if len(body.encode("utf-8", "surrogatepass")) > MAX_FRONT_MATTER_BYTES:
                raise LoadError(name, f"front matter is over {MAX_FRONT_MATTER_BYTES // 1024} KB")
            meta = check(parse(body, name), name, "front matter")
            n = m.group(0).count("\n")
            return meta, "\n" * n + text[m.end():], n
    if header:
        meta, n = _header(text)
        if meta:
            lines = text.split("\n")
            return check(meta, name, "header"), "\n" * n + "\n".join(lines[n:]), n
    return {}, text, 0


def sidecar(text: str, name: str, where: str) -> dict:
    """A sidecar file's metadata, read and checked as front matter is."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_FRONT_MATTER_BYTES:
        raise LoadError(name, f"{where} is over {MAX_FRONT_MATTER_BYTES // 1024} KB")
    return check(_yaml(text, name, where, first_line=1), name, where)


def _yaml(body: str, name: str, where: str = "front matter", first_line: int = 2) -> Any:
    try:
        return yaml.load(body, Loader=_NoAliasLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        at = f" at line {mark.line + first_line}" if mark else ""
        raise LoadError(name, f"{where} is not valid YAML{at}: {getattr(e, 'problem', None) or e}") from None
    except Exception as e:  # noqa: BLE001 - PyYAML's constructors raise ValueError and others (`!!int abc`)
        raise LoadError(name, f"{where} is not valid YAML: {type(e).__name__}: {e}") from None


def _toml(body: str, name: str) -> Any:
    try:
        return tomllib.loads(body)
    except (tomllib.TOMLDecodeError, ValueError) as e:
        raise LoadError(name, f"front matter is not valid TOML: {e}") from None


def _header(text: str) -> tuple[dict, int]:
    """({key: value}, lines used) of a Pelican-style header: it must name a title or a date."""
    out: dict[str, str] = {}
    lines = text.split("\n", 40)
    for i, line in enumerate(lines[:40]):
        if not line.strip():
            return (out, i) if _HEADER_KEYS & out.keys() and len(out) >= 2 else ({}, 0)
        m = _HEADER_LINE.match(line)
        if not m:
            return {}, 0
        out[m.group(1).lower()] = m.group(2).strip()
    return {}, 0


def check(meta: Any, name: str, where: str) -> dict:
    """Keys lower-cased, values of the types the reader uses, dates as ISO text; LoadError otherwise."""
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise LoadError(name, f"{where} must be a mapping of keys to values (title:, date:, ...)")
    out = {str(k).strip().lower(): _plain(v) for k, v in meta.items()}
    for key in ("title", "source_url", "author"):
        if key in out and out[key] is not None and not isinstance(out[key], (str, int, float)):
            raise LoadError(name, f"{where}: '{key}' must be text, not {_kind(out[key])}")
    date_key = next((k for k in _DATE_KEYS if out.get(k) not in (None, "")), None)
    if date_key:
        out["date"] = _iso(out[date_key], name, f"{where}: '{date_key}'")
    if isinstance(out.get("recipients"), str):
        out["recipients"] = [out["recipients"]]
    if "recipients" in out and out["recipients"] is not None:
        if not isinstance(out["recipients"], list) or not all(isinstance(r, str) for r in out["recipients"]):
            raise LoadError(name, f"{where}: 'recipients' must be a list of names")
    if "signatories" in out and out["signatories"] is not None:
        _check_signatories(out["signatories"], name, where)
    for key in ("claimed_total", "undisclosed_count"):
        v = out.get(key)
        if v is not None and (isinstance(v, bool) or not isinstance(v, int) or v < 0):
            raise LoadError(name, f"{where}: '{key}' must be a whole number, not {v!r}")
    return out


def _check_signatories(items: Any, name: str, where: str) -> None:
    if not isinstance(items, list):
        raise LoadError(name, f"{where}: 'signatories' must be a list (one '- name' per organization), "
                              f"not {_kind(items)}")
    for k, x in enumerate(items, 1):
        if isinstance(x, dict):
            if not isinstance(x.get("name"), str) or not x["name"].strip():
                raise LoadError(name, f"{where}: signatory {k} needs a 'name' that is text")
            bad = [f for f in ("acronym", "member_of", "country", "inferred") if x.get(f) is not None
                   and not isinstance(x[f], str)]
            if bad:
                raise LoadError(name, f"{where}: signatory {k}: '{bad[0]}' must be text")
        elif not isinstance(x, str):
            raise LoadError(name, f"{where}: signatory {k} must be a name or a mapping with 'name', not {_kind(x)}")


def _kind(v: Any) -> str:
    return {dict: "a mapping", list: "a list", str: "text", int: "a number", float: "a number",
            bool: "true/false"}.get(type(v), type(v).__name__)


def _plain(v: Any) -> Any:
    """Dates to ISO text; lone surrogates (not encodable, they crash exports) to U+FFFD, at any depth."""
    if isinstance(v, dt.datetime):
        return v.date().isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, str):
        return _SURROGATE.sub("\ufffd", v)
    if isinstance(v, list):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {_plain(str(k)): _plain(x) for k, x in v.items()}
    return v


_ISO_PREFIX = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?=$|[T\s])")


def _iso(v: Any, name: str, where: str) -> str:
    """'2019-07-19 11:37:31', '2021-02-05', '2021-03', 2020 -> ISO text; a date that does not exist is an error."""
    m = _ISO_PREFIX.match(str(v))
    if not m:
        raise LoadError(name, f"{where} {str(v)[:40]!r} is not a date: write YYYY-MM-DD")
    y, mo, d = m.group(1), m.group(2), m.group(3)
    try:
        dt.date(int(y), int(mo or 1), int(d or 1))
    except ValueError:
        raise LoadError(name, f"{where} {str(v)[:40]!r} is not a date that exists: write YYYY-MM-DD") from None
    return "-".join(p.zfill(2) if i else p for i, p in enumerate(x for x in (y, mo, d) if x))
