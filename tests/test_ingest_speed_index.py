"""Ingest reconciles against an index read straight from the records (loader/record_index.py);
on the curated data it holds exactly what ``graph_index`` reads from the built RDF graph: the
same acts (IRI, type, number, year, title, citations, issuers, amendments), observations (IRI,
value, key, period, data set) and documents."""

from __future__ import annotations

from kzmig_kg.loader.reconcile import graph_index
from kzmig_kg.loader.record_index import record_index
from kzmig_kg.pipeline.records import read_records
from tests.conftest import DATA


def _acts(index) -> set:
    return {(a.iri, a.id, a.act_type, a.number, a.year, a.title, frozenset(a.cited_as),
             frozenset(a.printed), frozenset(a.issuers), frozenset(a.amends)) for a in index.acts}


def _observations(index) -> set:
    return {(o.iri, o.id, o.value, o.direction, o.indicator, o.country, o.area, o.start, o.end,
             o.dataset) for o in index.observations}


def test_the_record_index_is_the_graph_index_of_the_curated_data():
    records = read_records(DATA)
    from_graph, from_records = graph_index(records=records), record_index(records)
    assert len(from_graph.acts) > 40 and len(from_graph.observations) > 200
    assert _acts(from_records) == _acts(from_graph)
    assert _observations(from_records) == _observations(from_graph)
    assert from_records.documents == from_graph.documents
