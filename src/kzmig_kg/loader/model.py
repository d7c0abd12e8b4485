"""What the document loader produces: the document, its sections, and anchored items.

Offsets are Unicode code points into the document's text (for a PDF, the text extracted from it),
start inclusive and end exclusive, as in the Web Annotation ``TextPositionSelector``; line numbers
are 1-based.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

KINDS = ("citation", "date", "figure")

# Fields every JSON line of a kind carries (null when not found), in output order.
ITEM_FIELDS: dict[str, tuple[str, ...]] = {
    "citation": ("act_type", "issuer", "number", "year", "date", "number_as_printed", "issuer_ids",
                 "jurisdiction", "title", "form", "language", "label", "notes", "adilet_id"),
    "date": ("date", "precision", "event", "event_type", "act", "year_inferred"),
    "figure": ("value", "unit", "country", "year", "direction", "stated_change_pct", "period_start",
               "period_end", "value_max", "measure", "subject", "country_name", "rate", "approximate",
               "notes", "period", "inferred", "breakdown", "area"),
}


@dataclass
class Section:
    """A chapter, numbered heading or appendix found in the text."""

    number: str      # "1", "1.2", "appendix-a", "introduction" ...
    title: str       # the heading as printed (whitespace collapsed)
    line: int        # line of the heading
    start: int       # character offset of the heading
    level: int       # 1 chapter/appendix/front matter, 2 numbered heading, 3 deeper


@dataclass
class Item:
    """One extracted citation, date or figure, anchored in the text."""

    kind: str
    start: int
    end: int
    line: int
    exact: str
    confidence: float
    fields: dict[str, Any] = field(default_factory=dict)
    prefix: str = ""
    suffix: str = ""
    section: str | None = None

    def get(self, name: str, default: Any = None) -> Any:
        return self.fields.get(name, default)

    @property
    def end_line(self) -> int:
        """The line the item ends on (a citation may run over a line break)."""
        return self.line + self.exact.count("\n")

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "start": self.start, "end": self.end,
                               "line": self.line, "end_line": self.end_line, "text": self.exact,
                               "confidence": round(self.confidence, 2), "section": self.section}
        for name in ITEM_FIELDS[self.kind]:
            out[name] = self.fields.get(name)
        return out


@dataclass
class DocumentInfo:
    """The document as read: identity (checksum, size), type, and the size of its text."""

    path: str
    name: str
    sha256: str          # of the file's bytes
    size: int            # bytes
    media_type: str      # text/plain or application/pdf
    characters: int      # code points of the text the offsets refer to
    lines: int
    encoding: str | None = None
    title: str | None = None
    pages: int | None = None
    text_sha256: str | None = None   # of the extracted text (UTF-8), for PDFs
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None and v != []}


@dataclass
class FigureFound:
    """A figure as the figure steps build it (fields of an Item of kind figure, and how they were
    found: ``*_source`` is "next", "after", "before", "context", "respectively" or "inferred")."""

    start: int
    end: int
    value: Decimal | None
    unit: str
    country: str | None = None
    country_name: str | None = None
    year: int | None = None
    period_start: int | None = None
    period_end: int | None = None
    direction: str | None = None
    stated_change_pct: Decimal | None = None
    value_max: Decimal | None = None
    measure: str | None = None
    subject: str | None = None
    rate: str | None = None
    approx: bool = False
    confidence: float = 0.9
    notes: list[str] = field(default_factory=list)
    year_source: str = ""
    country_source: str = ""
    direction_source: str = ""
    merged: bool = False
    period: str | None = None        # 2022, 2022-Q1, 2023-H1, 2019/2021
    # what the figure is of when it is not the country's own flow: a table row that names no
    # partner, total or direction ("г. Астана"), or "region" for a region's flow in the text
    breakdown: str | None = None
    # the reporting area when another country counted the figure (ISO alpha-3; None: Kazakhstan):
    # direction and partner are then that country's ("Прибыло из Казахстана" in Kyrgyzstan's table)
    area: str | None = None
