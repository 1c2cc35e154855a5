"""Frozen records that flow through the pipeline.

load -> Document -> parse_letter -> Letter -> resolve -> Organization -> build_graph.
Line numbers are 1-based and refer to `Document.text` (front matter already removed),
so every fact can be traced back to the line it came from.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

Lines = tuple[int, ...]


@dataclass(frozen=True)
class Document:
    """A letter as read from disk or pasted: text plus metadata that came with it."""

    name: str  # file name (no directory); the letter's identity in outputs
    text: str  # body text, front matter removed, newlines normalised to "\n"
    meta: Mapping[str, Any] = field(default_factory=dict)  # front matter / sidecar (wins over the text)
    sha256: str = ""  # of the raw bytes
    source: str = ""  # full path or "pasted"
    line_offset: int = 0  # lines of front matter removed above `text`
    encoding: str = ""  # how the bytes were decoded ("utf-8", "cp1252", "cp932", ...); "" when not from text bytes
    format: str = ""  # what the text was read from: "text", "markdown", "html", "pdf", "docx"


@dataclass(frozen=True)
class Signatory:
    name: str  # as printed, OCR-tidied, trailing acronym split off
    acronym: str | None = None
    member_of: str | None = None  # umbrella's name when printed as a sub-item
    lines: Lines = ()
    printed: str = ""  # the raw text of the entry
    country: str | None = None  # "Foo, Philippines" -> "Philippines"
    inferred: str | None = None  # why, when not printed as a list entry (signer's org, contact org)
    signed_by: str | None = None  # the person printed as signing for it ("Jane Roe, Director of X")
    location: str | None = None  # a place printed beside the name that is not a country ("Oakland CA")


@dataclass(frozen=True)
class Person:
    name: str
    role: str | None = None
    organization: str | None = None
    lines: Lines = ()


@dataclass(frozen=True)
class Contact:
    person: str | None
    organization: str | None
    email: str | None = None
    role: str | None = None
    lines: Lines = ()


@dataclass(frozen=True)
class SkippedLine:
    line: int
    text: str
    reason: str  # e.g. "url", "footnote", "garbled script", "mirrored text", "fragment at end of file"


@dataclass(frozen=True)
class DemandHit:
    id: str
    label: str
    evidence: str  # verbatim sentence (whitespace and end-of-line hyphens normalised)
    lines: Lines = ()
    also: tuple[str, ...] = ()


@dataclass(frozen=True)
class Ask:
    """A sentence that reads like a request but matched no demand in the taxonomy."""

    text: str
    lines: Lines = ()


@dataclass(frozen=True)
class Letter:
    file: str
    title: str | None = None
    date: str | None = None  # YYYY-MM-DD, YYYY-MM or YYYY
    recipients: tuple[str, ...] = ()
    signatories: tuple[Signatory, ...] = ()
    undisclosed_count: int | None = None
    claimed_total: int | None = None
    signed_by: Person | None = None
    contacts: tuple[Contact, ...] = ()
    individuals: tuple[Person, ...] = ()  # people signing in a personal capacity
    demands: tuple[DemandHit, ...] = ()
    unclassified_asks: tuple[Ask, ...] = ()
    skipped: tuple[SkippedLine, ...] = ()
    source_url: str | None = None
    sha256: str = ""
    title_lines: Lines = ()
    date_lines: Lines = ()
    recipient_lines: Lines = ()
    line_fates: tuple[tuple[int, str, str], ...] = ()  # (line, fate, detail) for --explain
    warnings: tuple[str, ...] = ()
    # how sure the reader is of the signatories (0..1) and why, e.g. "no list found; 3 names from a byline"
    confidence: float = 1.0
    confidence_reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    """One organization name as printed in one letter."""

    file: str
    name: str
    acronym: str | None = None
    member_of: str | None = None
    lines: Lines = ()
    inferred: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class MergeReason:
    a: str  # printed name
    b: str
    rule: str  # "exact-normalised", "acronym", "fuzzy", "judgement:same", "alias", "person"
    score: float | None = None
    detail: str = ""


@dataclass(frozen=True)
class Tag:
    tag: str  # a key of data/coalitions.yaml
    value: str | None = None  # country for diaspora, nationality for ethnic
    reason: str = ""


@dataclass(frozen=True)
class Organization:
    id: str  # stable slug, e.g. "burma-campaign-uk"
    name: str  # canonical display name
    aliases: tuple[str, ...] = ()  # every other printed spelling
    acronyms: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    reasons: tuple[MergeReason, ...] = ()
    member_of: tuple[str, ...] = ()  # umbrella organization ids
    members: tuple[str, ...] = ()  # member organization ids
    tags: tuple[Tag, ...] = ()
    country: str | None = None
    ethnicity: str | None = None

    @property
    def letters(self) -> tuple[str, ...]:
        return tuple(sorted({m.file for m in self.mentions}))


@dataclass(frozen=True)
class NearMiss:
    """A pair the resolver did not merge but a curator may want to look at."""

    a: str  # org id
    b: str
    a_name: str
    b_name: str
    score: float
    why_not: str
    a_letters: tuple[str, ...] = ()
    b_letters: tuple[str, ...] = ()
