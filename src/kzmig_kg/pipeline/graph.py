"""Stage 2: turn the schema-checked records into an RDF dataset, one named graph per source file.

The ontology, its import module and the SKOS vocabularies go in graphs of their own. Standard
types (``eli:LegalResource``, ``qb:Observation`` ...) are asserted explicitly by the mappers, so
consumers need no reasoner.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Literal, URIRef

from .. import kinds as _kinds  # noqa: F401  (importing the package registers every kind)
from ..errors import RecordErrors
from ..mapping.context import MappingContext
from ..mapping.schema import LineRange, Record, RecordSet, registered_kinds
from ..namespaces import DCTERMS, KZG, KZO, PREFIXES, PROV, SKOS
from ..paths import ONTOLOGY_DIR
from .derive import DERIVED_GRAPH, derive_observations, mark_derived

ONTOLOGY_GRAPH = KZG["ontology"]


def build_graph(records: RecordSet) -> Dataset:
    """Map every record to RDF; add the ontology; return the dataset (one graph per source)."""
    dataset = Dataset()
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace)
    _load_ontology(dataset)
    ctx = MappingContext(records=records, dataset=dataset)
    registry = registered_kinds()
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
    ctx.graph = dataset.graph(DERIVED_GRAPH)
    for item in derive_observations(records):
        registry["observation"].to_rdf(item.record, ctx)
        _add_provenance(item.record, registry["observation"].iri(item.record), ctx)
        mark_derived(item, ctx)
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
