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


@pytest.mark.parametrize("fixture, line, field, words", [
    ("programme-year-in-id.yaml", 7, "period_start",
     "the period 2008-2015 contradicts the years in the id 'pd-fixture-2007-2015'"),
    ("programme-too-long.yaml", 8, "period_end", "a period of 34 years (2001 to 2035)"),
    ("programme-before-independence.yaml", 7, "period_start", "period_start 1985 lies outside 1991-"),
    ("programme-adopted-after-end.yaml", 9, "adopted", "adopted in 2012, after its period ended"),
    ("agreement-effective-before-signed.yaml", 8, "effective",
     "in effect from 2006-03, before it was signed (2006-05-12)"),
    ("agreement-ratified-before-signed.yaml", 8, "ratified",
     "ratified (1996-03) before it was signed (1996-05)"),
    ("observation-outside-coverage.yaml", 7, "period",
     "'1995' lies outside the coverage of data set 'ds-bns-2023b-flows' (2000-2023)"),
    ("observation-after-source.yaml", 7, "period",
     "'2010' begins after its source 'src-rowland-2001' was published (2001)"),
])
def test_an_implausible_date_is_one_problem_with_file_line_and_field(
        data_copy: Path, fixture: str, line: int, field: str, words: str) -> None:
    shutil.copy(FIXTURES / "records" / fixture, data_copy / f"zz-{fixture}")
    with pytest.raises(RecordErrors) as caught:
        # the record's own checks fail in reading; an observation's coverage needs its data set
        build_graph(read_records(data_copy))
    assert len(caught.value.errors) == 1, caught.value.errors
    error = caught.value.errors[0]
    assert error.file.endswith(f"zz-{fixture}") and error.line == line and error.field == field
    assert words in error.message and error.hint


def test_a_coverage_that_is_not_a_period_is_refused(data_copy: Path) -> None:
    datasets = data_copy / "statistics" / "datasets.yaml"
    text = datasets.read_text(encoding="utf-8")
    datasets.write_text(text.replace('coverage: "2000-2023"', 'coverage: "2000 to 2023"', 1),
                        encoding="utf-8")
    with pytest.raises(RecordErrors) as caught:
        read_records(data_copy)
    assert [(e.field, e.message) for e in caught.value.errors] == [
        ("coverage", "'2000 to 2023' is not a period")]


def test_a_reversed_period_is_one_problem_not_also_the_years_in_the_id(data_copy: Path) -> None:
    documents = data_copy / "policy" / "policy-documents.yaml"
    text = documents.read_text(encoding="utf-8")
    old = "    period_start: 2009\n    period_end: 2011"
    assert old in text
    documents.write_text(text.replace(old, "    period_start: 2009\n    period_end: 2008", 1),
                         encoding="utf-8")
    with pytest.raises(RecordErrors) as caught:
        read_records(data_copy)
    assert [(e.field, e.message) for e in caught.value.errors] == [
        ("period_end", "the period ends (2008) before it starts (2009)")]
