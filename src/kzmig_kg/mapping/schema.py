"""The record schema language: kinds of curated record, their fields and value types.

A kind (``act``, ``organisation``, ``observation`` ...) declares its fields, how its IRI is built
from identifiers in the record, and how it becomes RDF. Kinds live in ``kzmig_kg.kinds`` and
``register`` themselves here; ``registered_kinds`` lists them (the pipeline imports
``kzmig_kg.kinds`` first, so that every kind is registered).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import Graph, Literal, URIRef

from ..namespaces import XSD

if TYPE_CHECKING:
    from .context import MappingContext

FIELD_TYPES = (
    "text",      # non-empty string
    "langtext",  # a string (English) or a mapping {en: ..., ru: ..., kk: ...}
    "int",
    "number",    # int or decimal
    "date",      # YYYY, YYYY-MM or YYYY-MM-DD, kept at the stated precision
    "bool",
    "ref",       # the id of another record, of one of `refs` kinds
    "enum",      # one of `choices`
    "iri",       # absolute http(s) IRI
    "lines",     # a passage locator: "N" or "N-M" (1-based, inclusive line numbers)
    "struct",    # a mapping with its own `fields`
)

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    required: bool = False
    many: bool = False
    refs: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    fields: tuple[Field, ...] = ()
    doc: str = ""

    def __post_init__(self) -> None:
        if self.type not in FIELD_TYPES:
            raise ValueError(f"unknown field type {self.type!r} for field {self.name!r}")


@dataclass(frozen=True)
class PartialDate:
    """A date stated to year, month or day precision."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def __str__(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def literal(self) -> Literal:
        datatype = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}[self.precision]
        return Literal(str(self), datatype=datatype)

    def year_literal(self) -> Literal:
        return Literal(f"{self.year:04d}", datatype=XSD.gYear)

    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)


@dataclass(frozen=True)
class LineRange:
    """A passage locator: an inclusive, 1-based line range in a source document."""

    first: int
    last: int
    document: str = "thesis"

    def __str__(self) -> str:
        return f"{self.first}" if self.first == self.last else f"{self.first}-{self.last}"

    @property
    def key(self) -> str:
        return f"{self.document}:L{self.first}-{self.last}"


@dataclass(slots=True)  # one a record: hundreds of thousands at scale
class Record:
    """One curated record, schema-checked, with where it came from."""

    kind: str
    id: str
    values: dict[str, Any]
    file: str
    line: int
    field_lines: dict[str, int] = field(default_factory=dict)

    def get(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)

    def line_of(self, name: str) -> int:
        return self.field_lines.get(name, self.line)


@dataclass
class RecordSet:
    """The schema-checked records, indexed by id."""

    data_dir: Path
    records: list[Record] = field(default_factory=list)
    by_id: dict[str, Record] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[Record]:
        return [r for r in self.records if r.kind == kind]


IriBuilder = Callable[[Record], URIRef]
Mapper = Callable[[Record, "MappingContext"], None]


@dataclass(frozen=True)
class Kind:
    """A kind of curated record."""

    name: str
    doc: str
    fields: tuple[Field, ...]
    iri: IriBuilder
    to_rdf: Mapper
    needs_passages: bool = True
    # extra checks beyond field types: (field, message, hint) for each problem found
    check: Callable[[Record], list[tuple[str, str, str]]] | None = None
    # static SKOS vocabulary the kind's values come from (act types, code lists), derived from code
    vocabulary: Callable[[Graph], None] | None = None

    def field(self, name: str) -> Field | None:
        return self._by_name.get(name)

    # cached: the records stage asks for each field of each record (a million at scale)
    @functools.cached_property
    def all_fields(self) -> tuple[Field, ...]:
        return COMMON_FIELDS + self.fields

    @functools.cached_property
    def _by_name(self) -> dict[str, Field]:
        by_name: dict[str, Field] = {}
        for spec in self.all_fields:
            by_name.setdefault(spec.name, spec)  # the first of a name, as ever
        return by_name


CITABLE_KINDS = ("source", "act", "agreement", "organisation", "policy-document")

COMMON_FIELDS: tuple[Field, ...] = (
    Field("id", "text", required=True, doc="stable identifier; the IRI is built from it"),
    Field("passages", "lines", many=True, doc="line ranges of the thesis this record rests on"),
    Field("cites", "ref", many=True, refs=CITABLE_KINDS,
          doc="the source(s) the thesis cites for this fact"),
    Field("note", "text", doc="curator's note: ambiguity, OCR damage, contradiction"),
)

_REGISTRY: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    if kind.name in _REGISTRY:
        raise ValueError(f"kind {kind.name!r} registered twice")
    _REGISTRY[kind.name] = kind
    return kind


def registered_kinds() -> dict[str, Kind]:
    """The kinds registered so far, by name, in the order of registration."""
    return dict(_REGISTRY)
