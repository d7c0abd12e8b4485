"""Stage 2: turn the schema-checked records into an RDF dataset, one named graph per source file.

The ontology, its import module and the SKOS vocabularies go in graphs of their own. Standard
types (``eli:LegalResource``, ``qb:Observation`` ...) are asserted explicitly by the mappers, so
consumers need no reasoner.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef

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
    load_ontology(dataset)
    add_vocabularies(dataset)
    map_records(records, MappingContext(records=records, dataset=dataset))
    return dataset


def add_vocabularies(dataset: Dataset) -> None:
    """The SKOS vocabularies the kinds derive from code, one graph each."""
    for kind in registered_kinds().values():
        if kind.vocabulary is not None:
            kind.vocabulary(dataset.graph(KZG["vocab/" + kind.name]))


def map_records(records: RecordSet, ctx: MappingContext,
                after_record: Callable[[int], None] | None = None) -> None:
    """Every record, then the derived figures, into ``ctx.dataset``'s graph for its source file.

    ``after_record(n)`` is called after the n-th record (the streaming build empties the graphs
    there); the derived figures are mapped as one unit, since ``mark_derived`` edits what the
    observation mapper wrote."""
    register_passages(records, ctx)
    map_slice(records, ctx, 0, len(records.records), after_record)
    map_derived(records, ctx)
    if ctx.errors:
        raise RecordErrors(ctx.errors)


def register_passages(records: RecordSet, ctx: MappingContext) -> None:
    """The passage IRIs by locator, which every other record's provenance looks up."""
    registry = registered_kinds()
    for record in records.of_kind("passage"):
        ctx._passages[_passage_key(record)] = registry["passage"].iri(record)


def map_slice(records: RecordSet, ctx: MappingContext, start: int, stop: int,
              after_record: Callable[[int], None] | None = None) -> None:
    """Records ``start`` to ``stop`` (0-based, ``stop`` excluded) into ``ctx.dataset``; their
    problems are added to ``ctx.errors``. ``after_record`` gets the 1-based record number."""
    registry = registered_kinds()
    for number in range(start + 1, stop + 1):
        record = records.records[number - 1]
        ctx.graph = ctx.dataset.graph(graph_for_file(record.file))
        kind = registry[record.kind]
        kind.to_rdf(record, ctx)
        _add_provenance(record, kind.iri(record), ctx)
        if after_record is not None:
            after_record(number)


def map_derived(records: RecordSet, ctx: MappingContext) -> None:
    """The figures derived from the records (``derive.py``), into their own graph."""
    registry = registered_kinds()
    ctx.graph = ctx.dataset.graph(DERIVED_GRAPH)
    for item in derive_observations(records):
        registry["observation"].to_rdf(item.record, ctx)
        _add_provenance(item.record, registry["observation"].iri(item.record), ctx)
        mark_derived(item, ctx)


@functools.lru_cache(maxsize=4096)  # called once a record, for a few hundred files (pathlib is slow)
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


_ParsedTurtle = tuple[tuple[tuple[str, URIRef], ...], tuple[tuple, ...]]
_PARSED: dict[tuple[str, int, int], _ParsedTurtle] = {}


def _parse_into(graph: Graph, path: Path) -> None:
    """Add a Turtle file's prefixes and triples to `graph` as `graph.parse` would.

    Parsed once per process and file version: a test run builds graphs a few hundred times, and
    parsing the ontology was a fifth of each small build.
    """
    stat = path.stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    parsed = _PARSED.get(key)
    if parsed is None:
        scratch = Graph(bind_namespaces="none")
        scratch.parse(path, format="turtle")
        parsed = (tuple(scratch.namespaces()), tuple(scratch))
        _PARSED[key] = parsed
    prefixes, triples = parsed
    for prefix, namespace in prefixes:
        graph.bind(prefix, namespace)
    graph.addN((s, p, o, graph) for s, p, o in triples)


def load_ontology(dataset: Dataset) -> None:
    graph = dataset.graph(ONTOLOGY_GRAPH)
    _parse_into(graph, ONTOLOGY_DIR / "kzmig.ttl")
    _parse_into(graph, ONTOLOGY_DIR / "imports" / "external.ttl")
    for path in sorted((ONTOLOGY_DIR / "vocab").glob("*.ttl")):
        _parse_into(dataset.graph(KZG["vocab/" + path.stem]), path)
