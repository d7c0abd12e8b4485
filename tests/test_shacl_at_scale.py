"""SHACL at scale: the shapes compiled to SPARQL on the store give pyshacl's report, result for result.

pyshacl stays the reference: on every data fixture of tests/fixtures (merged per directory, so
that the suite validates 8 graphs instead of 74; benchmarks/shacl_engines.py compares them file
by file) and on the real graph, the two engines must give the same results: focus node, path,
severity, source shape, constraint component and value.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pyshacl
import pytest
from rdflib import RDF, RDFS, BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import SH

from kzmig_kg.namespaces import KZO
from kzmig_kg.paths import ONTOLOGY_DIR
from kzmig_kg.pipeline.records import read_records
from kzmig_kg.pipeline.shacl_sparql import (
    UnsupportedShape,
    _Compiler,
    _count,
    _lookups,
    _Subclasses,
    validate_with_sparql,
)
from kzmig_kg.pipeline.stream import stream_store
from kzmig_kg.pipeline.validate import load_shapes, validate_graph, validate_store

from .conftest import DATA, FIXTURES

# data fixtures only: the malformed shape is a shapes graph, owl/ holds ontology fragments
FIXTURE_FILES = sorted(p for p in FIXTURES.rglob("*.ttl")
                       if "owl" not in p.parts and p.name != "malformed-shape.ttl")
GROUPS = sorted({p.parent.relative_to(FIXTURES).as_posix() for p in FIXTURE_FILES})
RESULT_FIELDS = (SH.focusNode, SH.resultPath, SH.resultSeverity, SH.sourceShape,
                 SH.sourceConstraintComponent, SH.value)


def results(report: Graph) -> set[tuple[str, ...]]:
    """Each validation result as its fields; a blank node (a nested shape or path) as '_:'."""
    return {tuple("_:" if isinstance(v := report.value(r, field), BNode) else str(v)
                  for field in RESULT_FIELDS)
            for r in report.subjects(SH.resultSeverity, None)}


def _store(data: Graph) -> ox.Store:
    store = ox.Store()
    store.bulk_load(data.serialize(format="nt").encode("utf-8"), ox.RdfFormat.N_TRIPLES)
    return store


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes()[0]


@pytest.fixture(scope="module")
def ontology() -> Graph:
    graph = Graph()
    graph.parse(ONTOLOGY_DIR / "kzmig.ttl")
    graph.parse(ONTOLOGY_DIR / "imports" / "external.ttl")
    return graph


def test_the_corpus_is_the_fixtures_with_violations() -> None:
    assert len(FIXTURE_FILES) >= 70
    assert {"acts", "events", "institutions", "policy", "shapes", "statistics", "study"} <= set(GROUPS)


@pytest.mark.parametrize("group", GROUPS)
def test_sparql_report_equals_pyshacl_on_the_fixtures(group: str, shapes: Graph,
                                                      ontology: Graph) -> None:
    """Every check in each of its two forms (a pass over the path's triples, look-ups per focus
    node) and in the form the size of the data chooses ("auto") gives pyshacl's results."""
    data = Graph()
    data += ontology  # sh:class needs the class hierarchy, as in the build
    for path in FIXTURE_FILES:
        if path.parent.relative_to(FIXTURES).as_posix() == group:
            data.parse(path)
    reference, reference_report, _ = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True)
    expected = results(reference_report)
    store = _store(data)
    for forms in ("scan", "lookup", "auto"):
        compiled, compiled_report = validate_with_sparql(store, shapes, forms=forms)
        found = results(compiled_report)
        assert found == expected, (forms, sorted(expected - found)[:5], sorted(found - expected)[:5])
        assert compiled == reference
    if group not in ("reasoning",):
        assert expected, f"the {group} fixtures should break some shape"


def test_an_interval_without_bounds_fires_in_both_engines(shapes: Graph) -> None:
    """The rule that differed: a FILTER alone in a UNION branch sees no outer variable in SPARQL."""
    data = Graph().parse(FIXTURES / "shapes" / "auxiliary-bad.ttl")
    unbounded = "https://w3id.org/kzmig/id/fixture/interval-unbounded"
    reference = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=True,
                                 allow_warnings=True)[1]
    for engine, report in (("pyshacl", reference),
                           ("sparql", validate_with_sparql(_store(data), shapes)[1])):
        assert any(r[0].endswith("ProperInterval") and r[5] == unbounded and
                   r[3].endswith("IntervalBoundShape") for r in results(report)), engine


@pytest.fixture(scope="module")
def broken_store() -> tuple[ox.Store, object]:
    """The real graph with a fault: an instrument with a second status (sh:maxCount 1); the
    store's kzo:recordId lets the findings name the record."""
    records = read_records(DATA)
    store = stream_store(records)
    instrument = ox.NamedNode("https://w3id.org/kzmig/id/instrument/inst-system-berkut")
    graph = ox.NamedNode("https://w3id.org/kzmig/graph/records/instruments/instruments")
    store.add(ox.Quad(instrument, ox.NamedNode(str(KZO.instrumentStatus)), ox.Literal("planned"),
                      graph))
    return store, records


def test_store_validation_names_the_record_like_pyshacl(broken_store) -> None:
    store, records = broken_store
    at_scale = validate_store(store, records)
    dataset = Dataset()
    dataset.parse(data=ox.serialize(store, format=ox.RdfFormat.N_QUADS), format="nquads")
    reference = validate_graph(dataset, records)
    assert not at_scale.conforms and not reference.conforms
    assert [str(f) for f in at_scale.findings] == [str(f) for f in reference.findings]
    assert at_scale.triples_checked == reference.triples_checked
    berkut = [f for f in at_scale.findings if f.focus.endswith("inst-system-berkut")]
    assert berkut and berkut[0].where.startswith("data/instruments/instruments.yaml:")
    assert berkut[0].path == "instrumentStatus"


UNSUPPORTED = {
    "closed": "kzsh:Closed a sh:NodeShape ; sh:targetClass kzo:Law ; sh:closed true .",
    "equals": "kzsh:Equal a sh:PropertyShape ; sh:targetClass kzo:Law ; sh:path kzo:year ; "
              "sh:equals kzo:yearStated .",
    "nested count": "kzsh:Many a sh:NodeShape ; sh:targetClass kzo:Law ; sh:or ( [ sh:path kzo:year ; "
                    "sh:minCount 7 ] [ sh:path kzo:yearStated ; sh:minCount 1 ] ) .",
}


@pytest.mark.parametrize("construct", sorted(UNSUPPORTED))
def test_a_construct_the_compiler_lacks_stops_the_build(construct: str, tmp_path: Path) -> None:
    """Never a skipped constraint: the build fails before validating, naming the shape."""
    (tmp_path / "bad.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "@prefix kzo: <https://w3id.org/kzmig/ontology#> .\n"
        "@prefix kzsh: <https://w3id.org/kzmig/shapes#> .\n" + UNSUPPORTED[construct] + "\n",
        encoding="utf-8")
    store = ox.Store()
    with pytest.raises(UnsupportedShape) as raised:
        validate_store(store, None, tmp_path)
    message = str(raised.value)
    assert "validate it" in message or "pyshacl" in message
    assert "\n" not in message
    shape, predicate = {"closed": ("Closed", "closed"), "equals": ("Equal", "equals"),
                        "nested count": ("Many", "minCount")}[construct]
    assert f"kzsh:{shape}" in message and f"sh:{predicate}" in message


def test_the_checks_on_several_threads_give_the_one_thread_report(shapes: Graph,
                                                                    ontology: Graph) -> None:
    """The checks run on a thread pool (pyoxigraph releases the GIL while it evaluates): the
    results, nested sh:node details included, are those of one thread, on every fixture."""
    data = Graph()
    data += ontology
    for path in FIXTURE_FILES:
        data.parse(path)
    store = _store(data)
    timings: list = []
    one_conforms, one = validate_with_sparql(store, shapes, workers=1)
    many_conforms, many = validate_with_sparql(store, shapes, workers=4, timings=timings)
    assert results(many) == results(one) and results(one)
    assert many_conforms == one_conforms is False
    details = {(str(r), str(d)) for r, d in one.subject_objects(SH.detail)}
    assert len(set(many.subject_objects(SH.detail))) == len(details) > 0
    assert len(timings) == len({id(check) for _wall, _cpu, check in timings}) > 500


def _experts(experts: int, others: int) -> Graph:
    """``experts`` kzo:Expert nodes, the last one mislabelled, beside ``others`` labelled nodes."""
    data = Graph()
    for i in range(experts):
        node = URIRef(f"https://w3id.org/kzmig/id/expert/e{i}")
        data.add((node, RDF.type, KZO.Expert))
        data.add((node, RDFS.label, Literal("Expert 7" if i == experts - 1 else "Expert A")))
    for i in range(others):
        data.add((URIRef(f"https://w3id.org/kzmig/id/other/o{i}"), RDFS.label, Literal(f"o{i}")))
    return data


@pytest.mark.parametrize(("experts", "others", "looked_up"), [(3, 60, True), (30, 10, False)])
def test_the_form_follows_the_sizes_and_finds_the_same_fault(
        experts: int, others: int, looked_up: bool, shapes: Graph) -> None:
    """A few focus nodes beside many triples of the path's predicate are looked up one by one;
    many focus nodes are read by a pass. Either way the mislabelled expert is reported."""
    store = _store(_experts(experts, others))
    checks = list(_Compiler(shapes, _Subclasses(store)).checks())
    pattern = next(c for c in checks if str(c.shape).endswith("#ExpertLabelShape")
                   and c.component == "Pattern")
    sizes: dict = {}
    assert (id(pattern) in _lookups(store, checks, sizes)) is looked_up
    assert sizes[pattern.focus] == experts
    report = validate_with_sparql(store, shapes)[1]
    faults = {(r[0], r[3], r[5]) for r in results(report) if r[4].endswith("PatternConstraintComponent")}
    assert faults == {(f"https://w3id.org/kzmig/id/expert/e{experts - 1}",
                       "https://w3id.org/kzmig/shapes#ExpertLabelShape", "Expert 7")}


def test_a_nested_path_walked_from_its_few_last_triples_reports_like_pyshacl(
        shapes: Graph, ontology: Graph) -> None:
    """DataSetStructureShape's "no indicator among a flow data set's observations": with many
    observations and few indicators the path is walked backwards from the indicators, and the one
    observation with an indicator still breaks its data set's sh:or, as in pyshacl."""
    qb, kzid = "http://purl.org/linked-data/cube#", "https://w3id.org/kzmig/id/"
    data = Graph()
    data += ontology
    dataset = URIRef(f"{kzid}dataset/flows")
    data.add((dataset, RDF.type, URIRef(f"{qb}DataSet")))
    data.add((dataset, URIRef(f"{qb}structure"), URIRef(f"{kzid}dsd/migration-flow")))
    for i in range(60):
        observation = URIRef(f"{kzid}observation/o{i}")
        data.add((observation, RDF.type, URIRef(f"{qb}Observation")))
        data.add((observation, URIRef(f"{qb}dataSet"), dataset))
        data.add((observation, KZO.flowDirection, URIRef("https://w3id.org/kzmig/code/flow-IMM")))
    data.add((URIRef(f"{kzid}observation/o7"), KZO.indicator, URIRef(f"{kzid}indicator/share")))
    store = _store(data)
    compiler = _Compiler(shapes, _Subclasses(store),
                         lambda predicate, most: _count(store, "", f"?s {predicate} ?o", most))
    query = next(c.query for c in compiler.checks()
                 if str(c.shape).endswith("#DataSetStructureShape"))
    assert query.index(str(KZO.indicator)) < query.index(f"{qb}dataSet")  # the indicators first
    reference = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=True,
                                 allow_warnings=True)[1]
    found = results(validate_with_sparql(store, shapes)[1])
    assert found == results(reference)
    assert any(r[0] == str(dataset) and r[3].endswith("#DataSetStructureShape") for r in found)
