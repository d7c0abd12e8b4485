"""Extraction: from a plain-text or PDF document to anchored items (citations of legal acts, dates
with their events, numeric claims about migration), as JSON lines or RDF.

One public entry: ``extract_document(path, ...)``. The steps are one module each:

- ``loader.reader`` (``text``, ``pdf``, ``source``): check and read the file with limits, hash it,
  serve windows;
- ``loader.sections``: chapters, numbered headings, appendices;
- ``citations`` (``acttypes``, ``actnumbers``): legal-act citations in English, Russian and Kazakh
  forms, with act type, issuer, normalised number and year;
- ``events`` (``dates``): dates at their precision and the events attached;
- ``figures`` (``tokens``, ``context``, ``periods``, ``relations``, ``countries``, ``numbers``,
  ``notflows``):
  values with unit, country (ISO alpha-3), year or period, direction, stated change;
- before the finders, passes that keep every offset (``texmarks``, ``feeds``, ``subtitles``,
  ``wikitext``, ``linecells``): LaTeX marks, XML feed markup, subtitle cue timings and MediaWiki
  table markup become plain text, and tables of one cell per line become rows;
- ``loader.to_rdf``: Web Annotation RDF (oa:TextPositionSelector + oa:TextQuoteSelector) per item.

The text is processed in overlapping windows, so a large document is read in bounded memory and
its items come out as a stream.

Example::

    from kzmig_kg.loader.extract import extract_document
    result = extract_document("thesis.txt")
    for item in result.items():
        print(item.kind, item.line, item.exact)
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..model import KINDS, DocumentInfo, Item, Section
from ..reader import open_document
from ..source import WINDOW_CHARS, DocumentError, Source, Window
from .citations import CitationFound, find_citations
from .citations.state import own_jurisdiction
from .events import describe_event, find_dates
from .feeds import plain_feed
from .figures import find_figures
from .linecells import joined_cells
from .numbers import as_number
from .subtitles import plain_subtitles
from .subyear import find_subyear
from .texmarks import plain_tex
from .textutil import Sentences, Spans, collapse
from .wikitext import plain_wikitables

CONTEXT_CHARS = 32    # prefix and suffix of the oa:TextQuoteSelector
HEAD_CHARS = 2000     # the document's head, read for its issuer (reporter.py)


@dataclass
class Extraction:
    """A checked document and the means to extract from it."""

    source: Source
    kinds: tuple[str, ...] = KINDS
    min_confidence: float = 0.0
    titles: bool = True
    window_chars: int = WINDOW_CHARS
    document_date: str | None = None     # the document's own date (YYYY, YYYY-MM or YYYY-MM-DD)
    language: str | None = None
    jurisdiction: str | None = None      # the state the document is of: its citations' default state
    _head: str | None = None

    @property
    def document_year(self) -> int | None:
        return int(self.document_date[:4]) if self.document_date else None

    @property
    def head(self) -> str:
        """The document's first lines, where its issuer and heading stand (read once)."""
        if self._head is None:
            first = next(self.source.windows(self.window_chars), None)
            self._head = first.text[:HEAD_CHARS] if first is not None else ""
        return self._head

    @property
    def document(self) -> DocumentInfo:
        return self.source.info

    @property
    def sections(self) -> list[Section]:
        return self.source.sections

    def items(self) -> Iterator[Item]:
        """The items in document order, extracted window by window (a stream)."""
        starts = [s.start for s in self.sections]
        for window in self.source.windows(self.window_chars):
            yield from _extract_window(window, self, starts)

    def all_items(self) -> list[Item]:
        return list(self.items())


def extract_document(path: Path | str, *, title: str | None = None, encoding: str | None = None,
                     max_bytes: int | None = None, kinds: tuple[str, ...] | list[str] = KINDS,
                     min_confidence: float = 0.0, titles: bool = True,
                     document_date: str | None = None, language: str | None = None,
                     jurisdiction: str | None = None) -> Extraction:
    """Open a document for extraction; raise DocumentError (naming the file) if it is unusable.

    ``kinds`` limits the items to some of citation, date, figure; ``min_confidence`` drops items
    below it; ``titles`` also reports acts cited by title only (``the Law on Migration``);
    ``jurisdiction`` (ISO alpha-3) is the state the document is of, which a citation that states
    none takes when the text names no other state.
    """
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise DocumentError(path, f"unknown item kind(s) {', '.join(unknown)}",
                            f"use some of {', '.join(KINDS)}")
    if document_date is not None and not re.fullmatch(r"\d{4}(?:-\d\d(?:-\d\d)?)?", document_date):
        raise DocumentError(path, f"document date {document_date!r} is not YYYY, YYYY-MM or "
                            "YYYY-MM-DD", "give the date the document bears, e.g. 2022-05-14")
    source = open_document(path, title=title, encoding=encoding, max_bytes=max_bytes)
    return Extraction(source, tuple(kinds), min_confidence, titles, document_date=document_date,
                      language=language, jurisdiction=jurisdiction)


def _extract_window(window: Window, run: Extraction, section_starts: list[int]) -> Iterator[Item]:
    raw = window.text
    # same length: offsets hold, the quotes come from the source
    text = joined_cells(plain_wikitables(plain_subtitles(plain_feed(plain_tex(raw)))))
    base = window.offset
    low, high = window.emit_from - base, window.emit_to - base
    sentences = Sentences.of(text)
    citations = find_citations(text, titles=run.titles)
    own_jurisdiction(text, citations, run.jurisdiction)
    taken = [(c.start, c.end) for c in citations]
    periods = Spans([(p.start, p.end) for p in find_subyear(text)])
    # "January-June 2023" is a period (a half-year), not the date June 2023
    dates = [d for d in find_dates(text, sentences, taken) if not periods.covers(d.start)]
    taken += [(d.start, d.end) for d in dates if d.precision != "year"]
    items: list[Item] = []

    def make(kind: str, start: int, end: int, confidence: float, fields: dict) -> None:
        if not (low <= start < high) or confidence < run.min_confidence:
            return
        prefix = raw[max(0, start - CONTEXT_CHARS):start]
        suffix = raw[end:end + CONTEXT_CHARS]
        index = bisect.bisect_right(section_starts, base + start) - 1
        items.append(Item(kind, base + start, base + end, window.line_of(start), raw[start:end],
                          confidence, fields, prefix, suffix,
                          run.sections[index].number if index >= 0 else None))

    if "citation" in run.kinds:
        for c in citations:
            make("citation", c.start, c.end, c.confidence, _citation_fields(c))
    if "date" in run.kinds:
        for d in dates:
            if d.year is not None:
                make("date", d.start, d.end, *_date_fields(text, d, sentences, citations))
    if "figure" in run.kinds:
        dated = [(d.start, d.end, d.year) for d in dates if d.year and d.precision != "year"]
        for f in find_figures(text, sentences, taken, dated, run.document_year, run.head):
            make("figure", f.start, f.end, f.confidence, _figure_fields(f))
    items.sort(key=lambda i: (i.start, i.kind))
    yield from items


def _date_fields(text: str, d, sentences: Sentences, citations: list[CitationFound]) -> tuple[float, dict]:
    """Confidence and fields of a date: its event, and the act it dates or is cited with."""
    event, event_type = describe_event(text, d.start, d.end, sentences)
    s_start, s_end = sentences.span_at(d.start)
    inside = next((c for c in citations if c.start <= d.start < c.end), None)
    act = inside or next((c for c in citations if s_start <= c.start < s_end), None)
    if inside is not None:
        event, event_type = f"date of {inside.label()}", "adoption"
    confidence = (0.9 if d.precision != "year" else 0.7) - (0.2 if d.year_inferred else 0)
    return confidence, {"date": d.iso, "precision": d.precision, "event": event,
                        "event_type": event_type, "act": act.label() if act else None,
                        "year_inferred": d.year_inferred or None}


def _figure_fields(f) -> dict:
    def number(value):
        return as_number(value) if value is not None else None

    return {"value": number(f.value), "unit": f.unit, "country": f.country, "year": f.year,
            "direction": f.direction, "stated_change_pct": number(f.stated_change_pct),
            "period_start": f.period_start, "period_end": f.period_end,
            "value_max": number(f.value_max), "measure": f.measure, "subject": f.subject,
            "country_name": f.country_name, "rate": f.rate, "approximate": f.approx or None,
            "notes": f.notes or None, "period": f.period, "inferred": _inferred(f),
            "breakdown": f.breakdown, "area": f.area}


def _inferred(f) -> dict | None:
    """Which of period, country and direction were not stated next to the number, and from where
    they came (the sentence, the paragraph, the document)."""
    where = {"before": "sentence", "context": "paragraph", "document": "document",
             "inferred": "paragraph", "unit": "unit", "table": "table"}
    out = {name: where[how] for name, how in (("period", f.year_source), ("country", f.country_source),
                                                ("direction", f.direction_source)) if how in where}
    return out or None


def _citation_fields(c: CitationFound) -> dict:
    return {"act_type": c.act_type, "issuer": c.issuer, "number": c.number, "year": c.year,
            "date": c.date, "number_as_printed": c.number_as_printed
            if c.number_as_printed and c.number_as_printed != c.number else None,
            "issuer_ids": c.issuer_ids or None, "jurisdiction": c.jurisdiction, "title": c.title,
            "form": c.form, "language": c.language, "label": c.label(),
            "notes": c.notes or None, "adilet_id": c.adilet_id, "joint_numbers": c.joint_numbers or None,
            "evidence": c.evidence or None}


def summary_of(item: Item) -> str:
    """A one-line description of an item, for tables."""
    f = item.fields
    if item.kind == "citation":
        return " ".join(str(x) for x in (f.get("act_type") or "act", f.get("number") or "",
                                         f.get("year") or "", f.get("issuer") or "") if x)
    if item.kind == "date":
        return f"{f.get('date')} ({f.get('precision')}) {f.get('event_type') or ''}".strip()
    parts = [str(f.get("value")) if f.get("value") is not None else "",
             f.get("unit") or "", f.get("direction") or "", f.get("country") or "",
             str(f.get("year") or (f"{f.get('period_start')}-{f.get('period_end')}"
                                   if f.get("period_start") else "")),
             f"change {f.get('stated_change_pct')}%" if f.get("stated_change_pct") is not None else ""]
    return collapse(" ".join(p for p in parts if p))


__all__ = ["DocumentError", "DocumentInfo", "Extraction", "Item", "Section", "extract_document",
           "summary_of"]

