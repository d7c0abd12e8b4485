"""Stage 3: SHACL validation (pyshacl) of the records' graph against ``ontology/shapes/*.ttl``.

Validation runs without inference: the mappers assert the standard types explicitly, and the
ontology and vocabularies are part of the data graph so ``sh:class`` sees the class hierarchy.
A result names the record (file and line) that produced the focus node.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from pyshacl import validate
from rdflib import Dataset, Graph, URIRef
from rdflib.paths import Path as Path_
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query

from ..mapping.schema import RecordSet
from ..namespaces import KZO, SH
from ..paths import ONTOLOGY_DIR
from .shacl_sparql import validate_with_sparql

SHAPES_DIR = ONTOLOGY_DIR / "shapes"
_RECORD_ID = ox.NamedNode(str(KZO.recordId))
# the union's triples, each once (a triple in two graphs is one triple for SHACL)
_COUNT_UNION = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { " \
               "{ ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } } }"


@dataclass
class Finding:
    severity: str
    focus: str
    path: str
    message: str
    value: str
    shape: str
    where: str

    def __str__(self) -> str:
        where = f"{self.where}: " if self.where else ""
        path = f" {self.path}:" if self.path else ""
        value = f" (value: {self.value})" if self.value else ""
        return f"{where}{self.severity} on <{self.focus}>{path} {self.message}{value}"


@dataclass
class ValidationReport:
    conforms: bool
    report_graph: Graph
    findings: list[Finding] = field(default_factory=list)
    triples_checked: int | None = 0  # None: not counted yet (``validate_store``)
    shapes_files: list[str] = field(default_factory=list)

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "Violation"]

    def summary(self, limit: int = 50) -> str:
        head = (f"SHACL: {'conforms' if self.conforms else 'does NOT conform'}; "
                f"{len(self.violations)} violation(s), "
                f"{len(self.findings) - len(self.violations)} warning(s)/info(s) "
                f"over {self.triples_checked} triples")
        lines = [head] + [f"  {f}" for f in self.findings[:limit]]
        if len(self.findings) > limit:
            lines.append(f"  ... and {len(self.findings) - limit} more (see the report file)")
        return "\n".join(lines)


def load_shapes(shapes_dir: Path = SHAPES_DIR) -> tuple[Graph, list[str]]:
    shapes = Graph()
    files = sorted(shapes_dir.glob("*.ttl"))
    for path in files:
        shapes.parse(path, format="turtle")
    return shapes, [p.name for p in files]


class _UnionGraph(Graph):
    """A read-only view of the union of a dataset's graphs, that parses each SPARQL text once.

    The dataset's memory store answers a pattern with no context from all graphs, each triple
    once, so pyshacl sees the merged graph without a copy (copying 35k triples took 1.2 s).
    pyshacl evaluates a SHACL-SPARQL constraint (SHACL 5.3) once per focus node, with the same
    query text and ``$this`` pre-bound, and rdflib parses the text anew each time: with a few hundred
    focus nodes that parsing took 90% of the validation time. Prepared queries give the same results.
    """

    def __init__(self, dataset: Dataset) -> None:
        super().__init__(store=dataset.store, identifier=URIRef("urn:x-kzmig:union"),
                         namespace_manager=dataset.namespace_manager)
        self._prepared: dict[str, Query] = {}

    def triples(self, triple):  # type: ignore[override]
        s, p, o = triple
        if isinstance(p, Path_):
            for s2, o2 in p.eval(self, s, o):
                yield s2, p, o2
        else:
            for found, _contexts in self.store.triples((s, p, o), context=None):
                yield found

    def __len__(self) -> int:
        return self.store.__len__(context=None)  # type: ignore[call-arg]

    def add(self, triple):  # type: ignore[override]
        raise TypeError("the union view of the build's dataset is read-only")

    def addN(self, quads):  # type: ignore[override]  # noqa: N802 - rdflib's name
        raise TypeError("the union view of the build's dataset is read-only")

    def remove(self, triple):  # type: ignore[override]
        raise TypeError("the union view of the build's dataset is read-only")

    def query(self, query_object, *args, **kwargs):  # type: ignore[override]
        if isinstance(query_object, str):
            prepared = self._prepared.get(query_object)
            if prepared is None:
                prepared = prepareQuery(query_object, initNs=dict(self.namespaces()))
                self._prepared[query_object] = prepared
            query_object = prepared
        return super().query(query_object, *args, **kwargs)


def validate_graph(dataset: Dataset, records: RecordSet | None = None,
                   shapes_dir: Path = SHAPES_DIR) -> ValidationReport:
    """Validate the union of all graphs; return the report (never raises on non-conformance)."""
    data = _UnionGraph(dataset)
    shapes, files = load_shapes(shapes_dir)
    conforms, report_graph, _text = validate(
        data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True,
        inplace=True)  # spares pyshacl a copy; with inference off it adds nothing
    findings = _findings(report_graph, lambda focus: data.value(focus, KZO.recordId), records)
    return ValidationReport(bool(conforms), report_graph, findings, len(data), files)


def _findings(report: Graph, record_id: Callable[[object], object],
              records: RecordSet | None) -> list[Finding]:
    findings = []
    for result in report.subjects(SH.resultSeverity, None):
        severity = str(report.value(result, SH.resultSeverity)).rsplit("#", 1)[-1]
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = "; ".join(str(m) for m in report.objects(result, SH.resultMessage))
        value = report.value(result, SH.value)
        shape = report.value(result, SH.sourceShape)
        findings.append(Finding(
            severity, str(focus), _short(path), message or "constraint not met",
            str(value) if value is not None else "", _short(shape), _where(focus, record_id, records)))
    order = {"Violation": 0, "Warning": 1, "Info": 2}
    findings.sort(key=lambda f: (order.get(f.severity, 3), f.where, f.focus, f.path))
    return findings


def _short(node: object) -> str:
    if isinstance(node, URIRef):
        text = str(node)
        return text.rsplit("#", 1)[-1] if "#" in text else text.rsplit("/", 1)[-1]
    return "" if node is None else str(node)[:60]


def _where(focus: object, record_id: Callable[[object], object],
           records: RecordSet | None) -> str:
    if records is None or focus is None:
        return ""
    found = record_id(focus)
    record = records.by_id.get(str(found)) if found is not None else None
    return f"{record.file}:{record.line} ({record.kind} '{record.id}')" if record else ""


def validate_store(store: ox.Store, records: RecordSet | None = None,
                   shapes_dir: Path = SHAPES_DIR, count_triples: bool = True) -> ValidationReport:
    """Validate the union of a pyoxigraph store's graphs (the streaming build's store) with the
    same shapes, compiled to SPARQL queries that run on the store itself (pipeline/shacl_sparql/).

    No copy of the data is made. The report equals pyshacl's on every fixture of tests/fixtures
    and on the real graph (tests/test_shacl_at_scale.py); a shape construct the compiler does not
    know stops the build (``UnsupportedShape``) instead of being skipped.

    ``count_triples`` False: the report of a store that conforms and has no quad in the default
    graph leaves ``triples_checked`` as None, for the caller to set from the merged N-Triples it
    writes anyway (``release.write_release``): counting the union's distinct triples here holds
    them all in a hash set, about 250 bytes a triple (2.7 GB at 11 million)."""
    shapes, files = load_shapes(shapes_dir)
    conforms, report_graph = validate_with_sparql(store, shapes)
    default_graph = next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None)
    triples: int | None = None
    if count_triples or not conforms or default_graph is not None:
        triples = int(next(iter(store.query(_COUNT_UNION)))["n"].value)

    def record_id(focus: object) -> object:
        if not isinstance(focus, URIRef):
            return None
        for quad in store.quads_for_pattern(ox.NamedNode(str(focus)), _RECORD_ID, None):
            return quad.object.value
        return None

    findings = _findings(report_graph, record_id, records)
    return ValidationReport(conforms, report_graph, findings, triples, files)
