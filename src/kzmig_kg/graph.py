"""Stage 2: turn the schema-checked records into an RDF dataset, one named graph per source file.

The ontology, its import module and the SKOS vocabularies go in graphs of their own. Standard
types (``eli:LegalResource``, ``qb:Observation`` ...) are asserted explicitly by the mappers, so
consumers need no reasoner.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from .errors import RecordError, RecordErrors
from .namespaces import DCTERMS, KZG, KZO, PREFIXES, PROV, RDF, RDFS, SKOS
from .records import RecordSet
from .schema import LineRange, Record, kinds

ONTOLOGY_DIR = Path(__file__).resolve().parents[2] / "ontology"
ONTOLOGY_GRAPH = KZG["ontology"]


@dataclass
class MappingContext:
    """What a kind's mapper needs: the records, the target graph and helpers for common shapes."""

    records: RecordSet
    dataset: Dataset
    graph: Graph = field(init=False)
    errors: list[RecordError] = field(default_factory=list)
    _passages: dict[str, URIRef] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.graph = self.dataset.default_graph

    def iri(self, record_id: str) -> URIRef:
        record = self.records.by_id[record_id]
        return kinds()[record.kind].iri(record)

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


def build_graph(records: RecordSet) -> Dataset:
    """Map every record to RDF; add the ontology; return the dataset (one graph per source)."""
    dataset = Dataset()
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace)
    _load_ontology(dataset)
    ctx = MappingContext(records=records, dataset=dataset)
    registry = kinds()
    for kind in registry.values():
        if kind.vocabulary is not None:
            kind.vocabulary(dataset.graph(KZG["vocab/" + kind.name]))
    for record in records.of_kind("passage"):
        ctx._passages[_passage_key(record)] = registry["passage"].iri(record)
    for record in records.records:
        ctx.graph = dataset.graph(graph_for_file(record.file))
        kind = registry[record.kind]
        kind.to_rdf(record, ctx)
        _add_provenance(record, kind.iri(record), ctx)
    if ctx.errors:
        raise RecordErrors(ctx.errors)
    return dataset


def graph_for_file(file: str) -> URIRef:
    stem = Path(file).with_suffix("").as_posix()
    if stem.startswith("data/"):
        stem = stem[len("data/"):]
    return KZG["records/" + stem]


def _passage_key(record: Record) -> str:
    return LineRange(record.values["first_line"], record.values["last_line"],
                     record.values["document"]).key


def _add_provenance(record: Record, subject: URIRef, ctx: MappingContext) -> None:
    for locator in record.get("passages", []):
        passage = ctx.passage(record, locator)
        if passage is not None:
            ctx.add(subject, PROV.wasDerivedFrom, passage)
    for cited in ctx.refs(record, "cites"):
        ctx.add(subject, DCTERMS.source, cited)
        ctx.add(subject, PROV.hadPrimarySource, cited)
    note = record.get("note")
    if note:
        ctx.add(subject, SKOS.editorialNote, Literal(note, lang="en"))
    ctx.add(subject, KZO.recordId, Literal(record.id))


def _load_ontology(dataset: Dataset) -> None:
    graph = dataset.graph(ONTOLOGY_GRAPH)
    graph.parse(ONTOLOGY_DIR / "kzmig.ttl", format="turtle")
    graph.parse(ONTOLOGY_DIR / "imports" / "external.ttl", format="turtle")
    for path in sorted((ONTOLOGY_DIR / "vocab").glob("*.ttl")):
        dataset.graph(KZG["vocab/" + path.stem]).parse(path, format="turtle")


def label(ctx: MappingContext, subject: Node, value: Any) -> None:
    """rdfs:label and skos:prefLabel from a langtext value."""
    ctx.text(subject, RDFS.label, value)
    ctx.text(subject, SKOS.prefLabel, value)


def typed(ctx: MappingContext, subject: Node, *classes: URIRef) -> None:
    for cls in classes:
        ctx.add(subject, RDF.type, cls)
