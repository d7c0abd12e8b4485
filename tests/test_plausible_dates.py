"""Plausible dates (issue #12, deliverable 4): acts of the Kazakh SSR before independence, and the
dates of programmes, agreements and observations, each rule with a fixture that makes it fire and
the real records passing clean.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import URIRef
from rdflib.namespace import RDF

from kzmig_kg.errors import RecordErrors
from kzmig_kg.namespaces import KZT
from kzmig_kg.pipeline.graph import build_graph
from kzmig_kg.pipeline.records import read_records
from kzmig_kg.pipeline.validate import validate_graph

from .conftest import FIXTURES

KZO = "https://w3id.org/kzmig/ontology#"
ELI = "http://data.europa.eu/eli/ontology#"
SSR_ACT = URIRef("https://w3id.org/kzmig/eli/kz/akt-kazssr/1989/kazssr-law-1989-languages")


def test_an_act_of_the_kazakh_ssr_before_independence_is_accepted(data_copy: Path) -> None:
    shutil.copy(FIXTURES / "records" / "act-ssr-1989.yaml", data_copy / "zz-act-ssr-1989.yaml")
    records = read_records(data_copy)
    graph = build_graph(records)
    types = {o for _, _, o, _ in graph.quads((SSR_ACT, RDF.type, None, None))}
    assert {URIRef(KZO + "KazakhSSRAct"), URIRef(ELI + "LegalResource")} <= types
    assert [o for _, _, o, _ in graph.quads((SSR_ACT, URIRef(ELI + "type_document"), None, None))] \
        == [KZT["akt-kazssr"]]
    report = validate_graph(graph, records)
    assert report.conforms, report.summary()


@pytest.mark.parametrize("fixture, field, words", [
    ("act-before-independence-untyped.yaml", "act_type", "before independence (1991-12-16), typed as law"),
    ("act-ssr-after-independence.yaml", "act_type", "an act of the Kazakh SSR dated 1993, after"),
    ("act-ssr-1890.yaml", "date", "an act of 1890, before the Kazakh SSR (1936-12-05)"),
])
def test_an_act_before_independence_must_be_typed_as_an_act_of_the_kazakh_ssr(
        data_copy: Path, fixture: str, field: str, words: str) -> None:
    shutil.copy(FIXTURES / "records" / fixture, data_copy / f"zz-{fixture}")
    with pytest.raises(RecordErrors) as caught:
        read_records(data_copy)
    errors = [e for e in caught.value.errors if e.file.endswith(f"zz-{fixture}")]
    assert len(errors) == 1, errors
    assert errors[0].field == field and words in errors[0].message and errors[0].hint
