"""Read one letter: metadata, signatories, people and demands -> a `Letter` record.

Front matter (`doc.meta`) wins over what the text says. When a letter prints no organization list, the
organization of the person who signed it (printed, or curated in data/judgements.yaml `persons:`) is an inferred
signatory; failing that, the organizations named as contacts are.

>>> from graph.records import Document
>>> doc = Document("x.txt", "To UN Member States\\n\\nRe: Act now\\n\\nYour Excellencies,\\n\\nPlease act.\\n\\n"
...                         "Yours sincerely,\\n\\nAgnès Callamard\\nSecretary General\\n")
>>> letter = parse_letter(doc)
>>> letter.title, letter.recipients, [(s.name, s.inferred) for s in letter.signatories]
('Act now', ('UN Member States',), [('Amnesty International', 'signed by Agnès Callamard')])
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date as _date
from typing import Any, Mapping

from graph.extract.letter_dates import choose_date
from graph.extract.meta import choose_recipients, extract_meta
from graph.extract.people import person_organization
from graph.records import Contact, Document, Letter, Person, Signatory
from graph.kinds import LineKind
from graph.extract.signatories.lines import md_clean
from graph.extract.signatories.confidence import confidence, person_printed
from graph.extract.signatories.parse import parse_signatories
from graph.extract.titles import DESCRIPTIVE, choose_title


def _find_demands(text: str, lexicon: Any, warnings: list[str]):
    """Demands via graph.demands.find; a failure there is a warning, so signatories still come through."""
    try:
        from graph.demands.find import find_demands
    except ImportError:
        return (), ()
    try:
        return find_demands(text, lexicon)
    except Exception as e:  # noqa: BLE001 - one module's bug must not lose a letter's signatories
        from graph.curated import CuratedError
        if isinstance(e, CuratedError):
            raise
        warnings.append(f"demands not read: {type(e).__name__}: {e}")
        return (), ()


def _str(v: Any) -> str | None:
    if v is None or v == "":
        return None
    if isinstance(v, _date):
        return v.isoformat()
    return str(v).strip()


def _int(v: Any) -> int | None:
    try:
        return int(v) if v is not None and str(v).strip() != "" else None
    except (TypeError, ValueError):
        return None


def _meta_signatories(items: Any) -> tuple[Signatory, ...]:
    out = []
    for x in items or []:
        if isinstance(x, str) and x.strip():
            out.append(Signatory(name=x.strip(), printed=x.strip()))
        elif isinstance(x, Mapping) and x.get("name"):
            out.append(Signatory(name=str(x["name"]).strip(), acronym=_str(x.get("acronym")),
                                 member_of=_str(x.get("member_of")), country=_str(x.get("country")),
                                 printed=str(x["name"]), inferred=_str(x.get("inferred"))))
    return tuple(out)


def _corrected(signatories: tuple[Signatory, ...], corrections: Any) -> tuple[Signatory, ...]:
    """A sidecar's `corrections:` (entry as printed -> name/acronym) applied: OCR damage that only a person who
    read the page can repair, kept with the letter instead of as a rule in the reader."""
    if not isinstance(corrections, Mapping) or not corrections:
        return signatories
    out = []
    for s in signatories:
        fix = corrections.get(s.printed)
        if isinstance(fix, Mapping):
            s = replace(s, name=_str(fix.get("name")) or s.name,
                        acronym=_str(fix.get("acronym")) if "acronym" in fix else s.acronym)
        out.append(s)
    return tuple(out)


def _inferred(signer: Person | None, contacts: tuple[Contact, ...]) -> tuple[Signatory, ...]:
    if signer is not None:
        org, source = person_organization(signer)
        if org:
            why = f"signed by {signer.name}"
            return (Signatory(name=org, lines=signer.lines, printed=org, inferred=why),)
    seen: dict[str, Signatory] = {}
    for c in contacts:
        if c.organization and c.organization.casefold() not in seen:
            seen[c.organization.casefold()] = Signatory(name=c.organization, lines=c.lines, printed=c.organization,
                                                        inferred="contact organization")
    return tuple(seen.values())


def parse_letter(doc: Document, lexicon: Any = None) -> Letter:
    """Everything the pipeline needs from one letter. Never raises on odd text; problems go to `warnings`."""
    lines = [md_clean(x) for x in doc.text.split("\n")]
    text = "\n".join(lines)
    fm = doc.meta or {}
    meta = extract_meta(text)
    sig = parse_signatories(lines, 1)
    contacts, contact_lines, signer, signer_lines = sig.contacts, sig.contact_lines, sig.signer, sig.signer_lines
    if signer is not None and signer.organization is None:
        org, source = person_organization(signer)
        if org and source:
            signer = Person(signer.name, signer.role, org, signer.lines)
    warnings: list[str] = []
    signatories = _meta_signatories(fm.get("signatories")) or _corrected(sig.signatories, fm.get("corrections"))
    if not signatories:
        signatories = _inferred(signer, contacts)
        if signatories:
            warnings.append(f"no signatory list printed; inferred {len(signatories)} from "
                            f"{signatories[0].inferred}")
    demands, asks = _find_demands(text, lexicon, warnings)
    recipients = fm.get("recipients")
    if isinstance(recipients, str):
        recipients = [recipients]
    claimed = _int(fm.get("claimed_total")) if fm.get("claimed_total") is not None else sig.claimed_total
    undisclosed = _int(fm.get("undisclosed_count")) if fm.get("undisclosed_count") is not None else sig.undisclosed_count
    named = sum(1 for s in signatories if not s.member_of and not s.inferred)
    if claimed and named and claimed - (undisclosed or 0) not in (named, len(signatories)):
        warnings.append(f"letter claims {claimed} signatories ({undisclosed or 0} undisclosed); "
                        f"{named} top-level and {len(signatories)} in all are named")
    fates = list(sig.fates)
    fates += [(ln, LineKind.CONTACT, "contact block") for ln in sorted(contact_lines)]
    fates += [(ln, LineKind.PERSON, "signed by") for ln in sorted(signer_lines)]
    fates.sort(key=lambda f: f[0])
    n_inferred = sum(1 for s in signatories if s.inferred)
    conf, reasons = confidence(() if signatories is not sig.signatories else sig.found_by, len(signatories),
                               claimed, undisclosed, len(sig.skipped), n_inferred, text, people=len(sig.individuals),
                               doubtful=tuple(s.name for s in signatories if not s.inferred and person_printed(s)))
    if fm.get("signatories"):
        conf, reasons = 1.0, ("signatories given in the letter's sidecar or front matter",)
    if meta.date_note.startswith("inferred"):
        warnings.append(f"date {meta.date} {meta.date_note}")
    title, title_lines = choose_title(_str(fm.get("title")), meta, text), () if fm.get("title") else meta.title_lines
    if not fm.get("title") and fm.get("page_title") and (
            title is None or any(n.startswith(DESCRIPTIVE) for n in meta.notes)):
        # a web page that shows the letter under a headline kept in its head: the page's title, not a first sentence
        title, title_lines = _str(fm.get("page_title")), ()
    return Letter(
        file=doc.name,
        title=title,
        date=choose_date(_str(fm.get("date")), meta.date, text) or _str(fm.get("page_date")),
        recipients=choose_recipients(recipients, _str(fm.get("title")), meta),
        signatories=signatories,
        undisclosed_count=undisclosed,
        claimed_total=claimed,
        signed_by=signer,
        contacts=contacts,
        individuals=sig.individuals,
        demands=tuple(demands),
        unclassified_asks=tuple(asks),
        skipped=sig.skipped,
        source_url=_str(fm.get("source_url")),
        sha256=doc.sha256,
        title_lines=title_lines,
        date_lines=() if fm.get("date") else meta.date_lines,
        recipient_lines=() if fm.get("recipients") else meta.recipient_lines,
        line_fates=tuple(fates),
        warnings=tuple(warnings),
        confidence=conf,
        confidence_reasons=reasons,
    )
