"""The RDF mapping API a kind's mapper uses: the target graph and helpers for common shapes.

``MappingContext`` is handed to every ``Kind.to_rdf``; ``label`` and ``typed`` add the labels and
types every resource needs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from ..errors import RecordError
from ..namespaces import RDF, RDFS, SKOS
from .schema import LineRange, Record, RecordSet, registered_kinds


@dataclass
class MappingContext:
    """What a kind's mapper needs: the records, the target graph and helpers for common shapes."""

    records: RecordSet
    dataset: Dataset
    graph: Graph = field(init=False)
    errors: list[RecordError] = field(default_factory=list)
    _passages: dict[str, URIRef] = field(default_factory=dict)
    # the IRIs of the records referred to, by id: a few (countries, data sets, sources) are
    # referred to by every observation, and building an IRI is a kind's function call
    _iris: dict[str, URIRef] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.graph = self.dataset.default_graph

    def iri(self, record_id: str) -> URIRef:
        found = self._iris.get(record_id)
        if found is None:
            record = self.records.by_id[record_id]
            found = self._iris[record_id] = registered_kinds()[record.kind].iri(record)
        return found

    def record(self, record_id: str) -> Record:
        return self.records.by_id[record_id]

    def add(self, subject: Node, predicate: URIRef, obj: Node | None) -> None:
        if obj is not None:
            self.graph.add((subject, predicate, obj))

    def add_all(self, subject: Node, predicate: URIRef, objects: Iterable[Node]) -> None:
        for obj in objects:
            self.graph.add((subject, predicate, obj))

    def refs(self, record: Record, name: str) -> list[URIRef]:
        value = record.get(name)
        if value is None:
            return []
        ids = value if isinstance(value, list) else [value]
        return [self.iri(i) for i in ids]

    def text(self, subject: Node, predicate: URIRef, value: Any) -> None:
        """Add a langtext value ({lang: text}) or plain English text."""
        if value is None:
            return
        if isinstance(value, dict):
            for lang, text in value.items():
                self.graph.add((subject, predicate, Literal(text, lang=lang)))
        else:
            self.graph.add((subject, predicate, Literal(value, lang="en")))

    def bnode(self) -> BNode:
        return BNode()

    def passage(self, record: Record, locator: LineRange) -> URIRef | None:
        iri = self._passages.get(locator.key)
        if iri is None:
            self.errors.append(RecordError(
                record.file, record.line_of("passages"), "passages",
                f"passage {locator} of '{locator.document}' is not in data/passages.csv",
                "run `kzmig-kg passages --sync` to locate it in the document"))
        return iri


def label(ctx: MappingContext, subject: Node, value: Any) -> None:
    """rdfs:label and skos:prefLabel from a langtext value."""
    ctx.text(subject, RDFS.label, value)
    ctx.text(subject, SKOS.prefLabel, value)


def typed(ctx: MappingContext, subject: Node, *classes: URIRef) -> None:
    for cls in classes:
        ctx.add(subject, RDF.type, cls)
