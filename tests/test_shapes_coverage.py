"""Every resource the records create is checked by some shape; the helper shapes fire on fixtures."""

from __future__ import annotations

import pytest
from pyshacl import validate
from rdflib import Graph
from rdflib.namespace import RDF, RDFS

from kzmig_kg.namespaces import SH
from kzmig_kg.paths import ONTOLOGY_DIR

from .conftest import FIXTURES

EX = "https://w3id.org/kzmig/id/fixture/"


def test_every_typed_resource_is_a_focus_node_of_a_shape(release) -> None:
    shapes = Graph()
    for path in (ONTOLOGY_DIR / "shapes").glob("*.ttl"):
        shapes.parse(path)
    targeted = set(shapes.objects(None, SH.targetClass)) | set(shapes.objects(None, SH.targetNode))
    schema = Graph()
    for graph in release.dataset.graphs():
        if "/graph/ontology" in str(graph.identifier) or "/graph/vocab/" in str(graph.identifier):
            schema += graph
    types: dict = {}
    for s, _p, o, g in release.dataset.quads((None, RDF.type, None, None)):
        if "/graph/records/" in str(g):
            types.setdefault(s, set()).add(o)
    unchecked = sorted(str(s) for s, classes in types.items()
                       if not {sup for c in classes for sup in schema.transitive_objects(c, RDFS.subClassOf)}
                       & targeted)
    assert not unchecked, f"{len(unchecked)} resources no shape targets, e.g. {unchecked[:5]}"


@pytest.fixture(scope="module")
def auxiliary_findings() -> set[tuple[str, str]]:
    data = Graph().parse(FIXTURES / "shapes" / "auxiliary-bad.ttl")
    data.parse(ONTOLOGY_DIR / "kzmig.ttl")
    data.parse(ONTOLOGY_DIR / "imports" / "external.ttl")
    conforms, report, _ = validate(data, shacl_graph=Graph().parse(
        ONTOLOGY_DIR / "shapes" / "auxiliary.ttl"), inference="none", advanced=True)
    assert not conforms
    return {(str(report.value(r, SH.value) or report.value(r, SH.focusNode)),
             str(report.value(r, SH.resultMessage))) for r in report.subjects(SH.focusNode, None)}


@pytest.mark.parametrize("node, words", [
    ("instant-unplaced", "needs its position"),
    ("instant-two-years", "at most one time:inXSDgYear"),
    ("interval-unbounded", "needs a beginning or an end"),
    ("interval-backwards", "beginning may not come after its end"),
    ("duration-no-unit", "time:unitType"),
    ("membership-no-organisation", "exactly one organisation"),
    ("method-unsourced", "passage(s) of the thesis"),
])
def test_auxiliary_rule_fires(auxiliary_findings: set[tuple[str, str]], node: str, words: str) -> None:
    assert any(n == EX + node and words in m for n, m in auxiliary_findings), sorted(auxiliary_findings)


def test_valid_helper_resources_do_not_fire(auxiliary_findings: set[tuple[str, str]]) -> None:
    valid = {EX + n for n in ("instant-ok", "instant-late", "interval-ok", "duration-ok", "membership-ok")}
    assert not [n for n, _ in auxiliary_findings if n in valid]
