"""Each rule of ontology/shapes/core.ttl fires on the fixture made to break it."""

from __future__ import annotations

import pytest
from pyshacl import validate
from rdflib import Graph

from kzmig_kg.namespaces import SH
from kzmig_kg.paths import ONTOLOGY_DIR

from .conftest import FIXTURES

EX = "https://w3id.org/kzmig/id/fixture/"


@pytest.fixture(scope="module")
def findings() -> set[tuple[str, str]]:
    data = Graph().parse(FIXTURES / "shapes" / "core-bad.ttl")
    data.parse(ONTOLOGY_DIR / "kzmig.ttl")
    conforms, report, _ = validate(data, shacl_graph=Graph().parse(
        ONTOLOGY_DIR / "shapes" / "core.ttl"), inference="none")
    assert not conforms
    return {(str(report.value(r, SH.focusNode)), str(report.value(r, SH.resultMessage)))
            for r in report.subjects(SH.focusNode, None)}


@pytest.mark.parametrize("focus, words", [
    ("doc-bad-checksum", "SHA-256"),
    ("section-orphan", "belongs to exactly one source document"),
    ("passage-backwards", "first line comes after its last line"),
    ("passage-no-source", "oa:hasSource"),
    ("sel-reversed", "start offset must be before its end offset"),
    ("source-unlocated", "passage(s) where the thesis cites it"),
])
def test_rule_fires(findings: set[tuple[str, str]], focus: str, words: str) -> None:
    assert any(f == EX + focus and words in m for f, m in findings), sorted(findings)


def test_valid_resources_do_not_fire(findings: set[tuple[str, str]]) -> None:
    assert not [f for f, _ in findings if f in (EX + "doc", EX + "sel-ok")]
